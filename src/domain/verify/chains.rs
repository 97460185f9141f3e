//! Each author's records form a chain: sequence numbers 1, 2, 3 … without
//! gaps, each `prev` the hash of the record before. A record removed,
//! replaced or copied breaks it.

use std::collections::{BTreeMap, HashMap};

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
}

/// Checks every author's chain, and that ids are unique across the store.
pub fn check_chains(chains: BTreeMap<String, Vec<Link>>, findings: &mut Vec<Finding>) {
    let mut ids: HashMap<String, String> = HashMap::new();
    for (_author, mut links) in chains {
        links.sort_by(|a, b| (a.seq, &a.file).cmp(&(b.seq, &b.file)));
        let mut previous: Option<&Link> = None;
        for link in &links {
            if let Some(first) = ids.get(&link.id) {
                if *first != link.file {
                    findings.push(Finding::new(&link.file, FindingKind::DuplicateId));
                }
            } else {
                ids.insert(link.id.clone(), link.file.clone());
            }
            if let Some(kind) = check_link(previous, link) {
                findings.push(Finding::new(&link.file, kind));
            }
            previous = Some(link);
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn link(seq: u64, id: &str, prev: Option<&str>) -> Link {
        Link {
            file: format!("records/anna/{seq:06}-{id}.toml"),
            seq,
            id: id.into(),
            prev: prev.map(str::to_owned),
            hash: format!("sha256:{id}"),
        }
    }

    #[track_caller]
    fn findings(links: Vec<Link>) -> Vec<(String, &'static str)> {
        let mut out = Vec::new();
        check_chains(BTreeMap::from([("anna".to_owned(), links)]), &mut out);
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
    fn gaps_forks_broken_links_and_false_starts() {
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
    }

    #[test]
    fn an_id_used_twice_is_found_across_authors() {
        let mut out = Vec::new();
        let mut copied = link(1, "a", None);
        copied.file = "records/tom/000001-a.toml".into();
        check_chains(
            BTreeMap::from([
                ("anna".to_owned(), vec![link(1, "a", None)]),
                ("tom".to_owned(), vec![copied]),
            ]),
            &mut out,
        );
        assert_eq!(
            out,
            [Finding::new(
                "records/tom/000001-a.toml",
                FindingKind::DuplicateId
            )]
        );
    }
}
