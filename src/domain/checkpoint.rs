//! A checkpoint: a member who is not the author of the chains it names —
//! a teamleider, afdelingshoofd, controller or beheerder — signs where
//! every chain of the store stood at one moment. Each file
//! (`checkpoints/<principal>/<seq>-CP-….toml` plus `.sig`, namespace
//! `maatwerk-checkpoint`) names, for every chain of records, reviews,
//! withdrawals, samples and checkpoints, its last place and the hash of
//! the file there; the keyring and adoption heads; and every signal. From
//! then on, removing a witnessed file or the ones before it, or signing a
//! file dated before the checkpoint that it does not name, shows.
//!
//! The heads are per chain, not one order of everything: a store shared
//! through git has many writers and no global order, but each chain has
//! one writer and a clear end.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::domain::record::Author;

pub const CHECKPOINT_FORMAT: &str = "maatwerk-checkpoint/1";
/// The store's directories of chains, which a checkpoint names.
pub const CHAIN_DIRS: [&str; 5] = [
    "records",
    "reviews",
    "withdrawals",
    "samples",
    "checkpoints",
];
/// The roles that may witness: everyone but the caseworker, whose
/// decisions are what is witnessed.
pub const WITNESS_ROLES: [&str; 4] = ["teamleider", "afdelingshoofd", "controller", "beheerder"];

/// Whether `role` may sign a checkpoint.
pub fn may_witness(role: &str) -> bool {
    WITNESS_ROLES.contains(&role)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checkpoint {
    pub format: String,
    pub id: String,
    /// The moment witnessed (UTC).
    pub created: Timestamp,
    /// The witness's checkpoint number: 1, 2, 3 … without gaps.
    pub seq: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev: Option<String>,
    /// The keyring heads at that moment.
    pub keyring: Vec<String>,
    /// The adoption heads at that moment.
    pub adoptions: Vec<String>,
    pub witness: Author,
    /// Where each chain stood.
    #[serde(default, rename = "chain")]
    pub chains: Vec<Head>,
    /// Each author's signals.
    #[serde(default, rename = "signals")]
    pub signals: Vec<Signals>,
}

/// Where one chain stood: its directory (`records/anna@…`), its last
/// place and the `sha256:` of the file there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Head {
    pub dir: String,
    pub seq: u64,
    pub sha256: String,
}

/// One author's signals: their ids, and the `sha256:` over the hashes of
/// their files ([`signals_digest`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signals {
    pub principal: String,
    pub ids: Vec<String>,
    pub sha256: String,
}

/// The digest over signal files: `sha256:` of the lines `<id> <sha256>`,
/// in the order of the ids.
pub fn signals_digest<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut text = String::new();
    for (id, sha256) in files {
        text.push_str(id);
        text.push(' ');
        text.push_str(sha256);
        text.push('\n');
    }
    crate::domain::history::link(text.as_bytes())
}

impl Checkpoint {
    /// The place it names for the chain in `dir`, if any.
    pub fn head(&self, dir: &str) -> Option<&Head> {
        self.chains.iter().find(|h| h.dir == dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checkpoint_reads_as_it_is_written() {
        let checkpoint = Checkpoint {
            format: CHECKPOINT_FORMAT.into(),
            id: "CP-20261205-7X46T0M9".into(),
            created: "2026-12-05T09:00:00Z".parse().unwrap(),
            seq: 1,
            prev: None,
            keyring: vec!["sha256:aa".into()],
            adoptions: vec!["sha256:bb".into()],
            witness: Author {
                principal: "tom@gemeente.example".into(),
                name: "Tom Teamleider".into(),
                role: "teamleider".into(),
                key: "SHA256:x".into(),
            },
            chains: vec![Head {
                dir: "records/anna@gemeente.example+k7p2q9x3".into(),
                seq: 12,
                sha256: "sha256:cc".into(),
            }],
            signals: vec![Signals {
                principal: "anna@gemeente.example".into(),
                ids: vec!["SG-20261125-8S84XWS2".into()],
                sha256: signals_digest([("SG-20261125-8S84XWS2", "sha256:dd")]),
            }],
        };
        let text = toml::to_string(&checkpoint).unwrap();
        assert!(text.contains("[[chain]]"), "{text}");
        assert_eq!(toml::from_str::<Checkpoint>(&text).unwrap(), checkpoint);
        assert!(
            checkpoint
                .head("records/anna@gemeente.example+k7p2q9x3")
                .is_some()
        );
        assert!(checkpoint.head("records/anna@gemeente.example").is_none());
        assert!(may_witness("teamleider") && !may_witness("consulent"));
    }
}
