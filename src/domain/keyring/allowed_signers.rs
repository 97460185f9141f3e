//! The keyring as an OpenSSH `allowed_signers` file, so stock
//! `ssh-keygen -Y verify` accepts exactly the signatures this keyring does.

use std::fmt::Write as _;

use jiff::Timestamp;

use super::Keyring;
use crate::domain::keys::Namespace;

impl Keyring {
    /// An OpenSSH `allowed_signers` file that accepts exactly the signatures
    /// this keyring accepts: one line per grant, its namespaces by role, its
    /// validity window.
    pub fn allowed_signers(&self, adopters: &[String]) -> String {
        let mut out = String::new();
        for g in self.listing() {
            // Whether a member in this role may sign a given review,
            // withdrawal or sample is verify's to judge; the file only says
            // who signs what kind of file.
            let mut namespaces = vec![
                Namespace::Record.as_str(),
                Namespace::Review.as_str(),
                Namespace::Signal.as_str(),
                Namespace::Withdrawal.as_str(),
                Namespace::Sample.as_str(),
            ];
            if crate::domain::checkpoint::may_witness(&g.role) {
                namespaces.push(Namespace::Checkpoint.as_str());
            }
            if g.manages_keyring() {
                namespaces.push(Namespace::Keyring.as_str());
            }
            if g.manages_keyring() || adopters.contains(&g.role) {
                namespaces.push(Namespace::Adoption.as_str());
            }
            let mut options = format!("namespaces=\"{}\"", namespaces.join(","));
            let _ = write!(options, ",valid-after=\"{}\"", ssh_time(g.from));
            if let Some(until) = g.until {
                let _ = write!(options, ",valid-before=\"{}\"", ssh_time(until));
            }
            let key = g.key.to_openssh().unwrap_or_default();
            let key: String = key.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
            let _ = writeln!(out, "{} {options} {key}", g.principal);
        }
        out
    }
}

/// `YYYYMMDDHHMMSSZ`, the UTC form `allowed_signers` takes.
fn ssh_time(t: Timestamp) -> String {
    t.to_zoned(jiff::tz::TimeZone::UTC)
        .strftime("%Y%m%d%H%M%SZ")
        .to_string()
}
