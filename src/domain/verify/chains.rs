//! Each author's records form a chain: sequence numbers 1, 2, 3 … without
//! gaps, each `prev` the hash of the record before, each signed no earlier
//! than the one before. A record removed, replaced, copied or backdated
//! between two others breaks it. Ids are unique across the store.

use std::collections::HashSet;
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;

use jiff::Timestamp;

use super::witness::{ChainState, ChainWitness};
use super::{Finding, FindingKind};

/// One author's record as far as the chain is concerned.
#[derive(Debug, Clone)]
pub struct Link {
    pub file: String,
    pub seq: u64,
    pub id: String,
    pub prev: Option<String>,
    /// What the next record's `prev` must be.
    pub hash: String,
    pub created: Timestamp,
    /// The file's form, newer higher: a chain never goes back to an older
    /// one (a record of format 2 after one of format 3 is a forgery).
    pub generation: u8,
}

/// One author's chain, walked record by record in the order of their
/// files' names (sequence number, then id); only the last link is held.
/// With what checkpoints say of it, each link is checked against that too.
#[derive(Default)]
pub struct Walk {
    previous: Option<Link>,
    witness: Option<ChainWitness>,
}

impl Walk {
    /// A walk of the chain the checkpoints say `witness` of.
    pub fn new(witness: ChainWitness) -> Self {
        Self {
            previous: None,
            witness: Some(witness),
        }
    }

    /// The end of the chain: what was witnessed and not reached, and where
    /// the chain stands.
    pub fn finish(self, findings: &mut Vec<Finding>) -> Option<ChainState> {
        self.witness.map(|w| w.finish(findings))
    }

    /// Checks `link` after the links walked so far.
    pub fn step(&mut self, link: Link, findings: &mut Vec<Finding>) {
        if let Some(kind) = check_link(self.previous.as_ref(), &link) {
            findings.push(Finding::new(&link.file, kind));
        }
        if let Some(prev) = &self.previous
            && link.created < prev.created
        {
            findings.push(Finding::new(&link.file, FindingKind::ChainTimeBackwards));
        }
        if let Some(prev) = &self.previous
            && link.generation < prev.generation
        {
            findings.push(Finding::new(&link.file, FindingKind::FormatDowngrade));
        }
        if let Some(witness) = &mut self.witness {
            witness.step(&link, findings);
        }
        self.previous = Some(link);
    }
}

/// What is wrong with `link` coming after `previous`, if anything.
fn check_link(previous: Option<&Link>, link: &Link) -> Option<FindingKind> {
    match previous {
        None if link.seq != 1 => Some(FindingKind::ChainGap {
            after: 0,
            next: link.seq,
        }),
        None => link.prev.is_some().then_some(FindingKind::ChainStart),
        Some(prev) if prev.seq == link.seq => Some(FindingKind::ChainFork { seq: link.seq }),
        Some(prev) if link.seq != prev.seq + 1 => Some(FindingKind::ChainGap {
            after: prev.seq,
            next: link.seq,
        }),
        Some(prev) => (link.prev.as_deref() != Some(prev.hash.as_str()))
            .then_some(FindingKind::ChainBroken { seq: link.seq }),
    }
}

/// Ids seen across the store, as 128-bit hashes: a store of a million
/// records is checked in tens of megabytes, and two different ids hash
/// alike with a chance of one in 10^26.
#[derive(Default)]
pub struct Ids {
    seen: HashSet<u128>,
    keys: (RandomState, RandomState),
}

impl Ids {
    /// Notes `link`'s id; a finding when the store had it already.
    pub fn note(&mut self, link: &Link, findings: &mut Vec<Finding>) {
        let hash = |state: &RandomState| u128::from(state.hash_one(&link.id));
        let key = (hash(&self.keys.0) << 64) | hash(&self.keys.1);
        if !self.seen.insert(key) {
            findings.push(Finding::new(&link.file, FindingKind::DuplicateId));
        }
    }
}

/// The ids of a store's records as 64-bit hashes, in the order they were
/// noted: a million records in 8 MB. A hash noted twice is looked up again
/// by file name once every record is read ([`RecordIds::repeated`]), so a
/// duplicate is named by its file, and two ids that merely hash alike are
/// never taken for one.
#[derive(Default)]
pub struct RecordIds {
    seen: Vec<u64>,
    key: RandomState,
}

impl RecordIds {
    /// Makes room for `more` ids.
    pub fn reserve(&mut self, more: usize) {
        self.seen.reserve_exact(more);
    }

    pub fn note(&mut self, id: &str) {
        self.seen.push(self.hash(id));
    }

    pub fn hash(&self, id: &str) -> u64 {
        self.key.hash_one(id)
    }

    /// The hashes noted more than once.
    pub fn repeated(&mut self) -> HashSet<u64> {
        self.seen.sort_unstable();
        let repeated = self
            .seen
            .windows(2)
            .filter(|w| w[0] == w[1])
            .map(|w| w[0])
            .collect();
        self.seen = Vec::new();
        repeated
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(seq: u64, id: &str, prev: Option<&str>) -> Link {
        Link {
            generation: 0,
            file: format!("records/anna/{seq:06}-{id}.toml"),
            seq,
            id: id.into(),
            prev: prev.map(str::to_owned),
            hash: format!("sha256:{id}"),
            created: format!("2026-11-23T09:00:{:02}Z", seq * 10 % 60)
                .parse()
                .unwrap(),
        }
    }

    #[track_caller]
    fn findings(links: Vec<Link>) -> Vec<(String, &'static str)> {
        let mut out = Vec::new();
        let mut walk = Walk::default();
        for link in links {
            walk.step(link, &mut out);
        }
        out.into_iter().map(|f| (f.file, f.kind.code())).collect()
    }

    #[test]
    fn an_intact_chain_has_no_findings() {
        let chain = vec![
            link(1, "a", None),
            link(2, "b", Some("sha256:a")),
            link(3, "c", Some("sha256:b")),
        ];
        assert_eq!(findings(chain), []);
    }

    #[test]
    fn gaps_forks_broken_links_false_starts_and_time_going_back() {
        assert_eq!(
            findings(vec![link(1, "a", None), link(3, "c", Some("sha256:a"))]),
            [("records/anna/000003-c.toml".into(), "chain-gap")]
        );
        assert_eq!(
            findings(vec![link(2, "b", Some("sha256:a"))]),
            [("records/anna/000002-b.toml".into(), "chain-gap")],
            "the first record was removed"
        );
        assert_eq!(
            findings(vec![
                link(1, "a", None),
                link(2, "b", Some("sha256:a")),
                link(2, "x", Some("sha256:a")),
            ]),
            [("records/anna/000002-x.toml".into(), "chain-fork")]
        );
        assert_eq!(
            findings(vec![link(1, "a", None), link(2, "b", Some("sha256:z"))]),
            [("records/anna/000002-b.toml".into(), "chain-broken")]
        );
        assert_eq!(
            findings(vec![link(1, "a", Some("sha256:z"))]),
            [("records/anna/000001-a.toml".into(), "chain-start")]
        );
        let mut backdated = link(2, "b", Some("sha256:a"));
        backdated.created = "2026-11-22T09:00:00Z".parse().unwrap();
        assert_eq!(
            findings(vec![link(1, "a", None), backdated]),
            [("records/anna/000002-b.toml".into(), "chain-time-backwards")]
        );
    }

    #[test]
    fn an_id_used_twice_is_found_across_authors() {
        let mut ids = Ids::default();
        let mut out = Vec::new();
        ids.note(&link(1, "a", None), &mut out);
        let mut copied = link(1, "a", None);
        copied.file = "records/tom/000001-a.toml".into();
        ids.note(&copied, &mut out);
        assert_eq!(
            out,
            [Finding::new(
                "records/tom/000001-a.toml",
                FindingKind::DuplicateId
            )]
        );
    }

    #[test]
    fn record_ids_seen_twice_are_told_by_their_hash() {
        let mut ids = RecordIds::default();
        for id in ["MW-1", "MW-2", "MW-3", "MW-2"] {
            ids.note(id);
        }
        let repeated = ids.repeated();
        assert_eq!(repeated.len(), 1);
        assert!(repeated.contains(&ids.hash("MW-2")));
        assert!(!repeated.contains(&ids.hash("MW-1")));
        assert!(ids.repeated().is_empty(), "noted once, told once");
    }
}
