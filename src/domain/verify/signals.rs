//! Signals: few, checked one by one. Each is signed in its own namespace by
//! a keyring member valid at the moment it was made, who is the author it
//! names and lives in that author's directory.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::signer::{Claim, check_signed};
use super::{Finding, FindingKind};
use crate::domain::keyring::Keyring;
use crate::domain::keys::Namespace;
use crate::domain::signal::Signal;
use crate::domain::store::{relative, sig_path};

/// Checks every signal in `dir`; returns how many there are.
pub fn check_signals(
    base: &Path,
    dir: &Path,
    all: &[PathBuf],
    present: &HashSet<&Path>,
    keyring: &Keyring,
    findings: &mut Vec<Finding>,
) -> usize {
    let mut count = 0;
    let files = all.iter().filter(|p| {
        p.parent().and_then(Path::parent) == Some(dir)
            && p.extension().is_some_and(|e| e == "toml")
            && p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| !n.starts_with('.'))
            && present.contains(sig_path(p).as_path())
    });
    for path in files {
        count += 1;
        if let Err(kind) = check_signal(path, keyring) {
            findings.push(Finding::new(relative(base, path), kind));
        }
    }
    count
}

fn check_signal(path: &Path, keyring: &Keyring) -> Result<(), FindingKind> {
    let bytes = fs::read(path).map_err(|e| FindingKind::Unreadable(e.to_string()))?;
    let signal: Signal = std::str::from_utf8(&bytes)
        .map_err(|e| e.to_string())
        .and_then(|t| toml::from_str(t).map_err(|e: toml::de::Error| e.message().to_owned()))
        .map_err(FindingKind::Malformed)?;
    let dir_principal = path
        .parent()
        .and_then(Path::file_name)
        .and_then(|n| n.to_str());
    let file_id = path.file_stem().and_then(|n| n.to_str());
    if dir_principal != Some(signal.author.principal.as_str())
        || file_id != Some(signal.id.as_str())
    {
        return Err(FindingKind::NameMismatch);
    }
    let armored =
        fs::read_to_string(sig_path(path)).map_err(|e| FindingKind::Unreadable(e.to_string()))?;
    let claim = Claim {
        author: &signal.author,
        at: signal.created,
        namespace: Namespace::Signal,
    };
    check_signed(&bytes, &armored, &claim, keyring)
}
