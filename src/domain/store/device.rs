//! Chains per person and device. One person may sign on two machines
//! before either has synced; if both took the next number of one chain,
//! the store would hold two records with the same place, a fork verify
//! must reject. So every copy of a store made by `clone` is a device with
//! a name of its own, and what is signed there goes on the signer's chain
//! for that device: `records/<principal>+<device>/`, beside the chain of
//! the copy the store was made in (`records/<principal>/`). Each chain has
//! one writer, so no two machines ever take the same place in one.
//!
//! The device's name lives in the copy's version control directory
//! (`.git/maatwerk-device`), which is never shared: a new clone is a new
//! device.

use std::fmt;
use std::path::Path;

use ssh_key::rand_core::{OsRng, RngCore};

use crate::domain::fsread;
use crate::domain::keyring::is_principal;

/// How long what is signed on one machine may take to reach the others:
/// a decision signed less than this before another, on another chain,
/// may not have been seen by whoever signed the other (their machine had
/// not synced yet), so totals do not hold it against them; and a file
/// signed less than this before a checkpoint that does not name it may
/// have been synced after it, rather than backdated.
pub const SYNC_ALLOWANCE: jiff::SignedDuration = jiff::SignedDuration::from_hours(72);

/// Where a copy of the store keeps its device's name.
pub const DEVICE_FILE: &str = ".git/maatwerk-device";
/// How long a device's name is.
const LEN: usize = 8;
const ALPHABET: &[u8; 32] = b"abcdefghjkmnpqrstvwxyz0123456789";

/// A device's name: eight lower-case letters and digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Device([u8; LEN]);

impl Device {
    /// A new name, drawn at random.
    pub fn random() -> Self {
        let mut bytes = [0u8; LEN];
        OsRng.fill_bytes(&mut bytes);
        Self(bytes.map(|b| ALPHABET[usize::from(b % 32)]))
    }

    pub fn parse(text: &str) -> Option<Self> {
        let bytes: [u8; LEN] = text.as_bytes().try_into().ok()?;
        bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            .then_some(Self(bytes))
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII is ever held.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// The device of the copy of a store in `store_dir`, when it has one.
    pub fn of(store_dir: &Path) -> Option<Self> {
        let text = fsread::read_text(&store_dir.join(DEVICE_FILE), 64).ok()?;
        Self::parse(text.trim())
    }

    /// Names the copy in `store_dir` a new device, when it is none yet.
    pub fn assign(store_dir: &Path) -> std::io::Result<Self> {
        if let Some(device) = Self::of(store_dir) {
            return Ok(device);
        }
        let device = Self::random();
        super::files::write_new(
            &store_dir.join(DEVICE_FILE),
            format!("{device}\n").as_bytes(),
        )?;
        Ok(device)
    }
}

impl fmt::Display for Device {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The directory of `principal`'s chain on `device`.
pub fn chain_dir(principal: &str, device: Option<Device>) -> String {
    match device {
        Some(device) => format!("{principal}+{device}"),
        None => principal.to_owned(),
    }
}

/// The principal whose chain the directory `name` holds: `anna@…` for
/// `anna@…` and for `anna@…+k7p2q9x3`; none for a name that is neither.
pub fn chain_principal(name: &str) -> Option<&str> {
    let principal = match name.split_once('+') {
        Some((principal, device)) => {
            Device::parse(device)?;
            principal
        }
        None => name,
    };
    is_principal(principal).then_some(principal)
}

/// The device of the chain in the directory `name`, if any.
pub fn chain_device(name: &str) -> Option<Device> {
    name.split_once('+').and_then(|(_, d)| Device::parse(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_directory_names_its_principal_and_device() {
        let device = Device::parse("k7p2q9x3").unwrap();
        assert_eq!(
            chain_dir("anna@gemeente.example", None),
            "anna@gemeente.example"
        );
        let dir = chain_dir("anna@gemeente.example", Some(device));
        assert_eq!(dir, "anna@gemeente.example+k7p2q9x3");
        assert_eq!(chain_principal(&dir), Some("anna@gemeente.example"));
        assert_eq!(chain_device(&dir), Some(device));
        assert_eq!(
            chain_principal("anna@gemeente.example"),
            Some("anna@gemeente.example")
        );
        assert_eq!(chain_device("anna@gemeente.example"), None);
        for bad in [
            "anna@gemeente.example+",
            "anna@gemeente.example+K7P2Q9X3",
            "anna@gemeente.example+k7p2q9x",
            "anna@gemeente.example+k7p2q9x3+k7p2q9x3",
            "+k7p2q9x3",
            "Anna@gemeente.example",
            ".anna",
        ] {
            assert_eq!(chain_principal(bad), None, "{bad}");
        }
    }

    #[test]
    fn random_devices_are_valid_and_differ() {
        let a = Device::random();
        let b = Device::random();
        assert_eq!(Device::parse(a.as_str()), Some(a));
        assert_ne!(a, b);
    }

    #[test]
    fn a_copy_keeps_the_device_it_was_given() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Device::of(dir.path()), None);
        let device = Device::assign(dir.path()).unwrap();
        assert_eq!(Device::of(dir.path()), Some(device));
        assert_eq!(Device::assign(dir.path()).unwrap(), device);
    }
}
