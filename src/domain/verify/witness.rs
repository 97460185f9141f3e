//! Witnessed checkpoints ([`crate::domain::checkpoint`]): each signed by a
//! member who may witness; each chain must still reach every place a
//! checkpoint names, with the file there as it was; and a file that a
//! checkpoint does not name but that says it was signed well before it
//! ([`SYNC_ALLOWANCE`]) was backdated. Per chain, what was witnessed last
//! and how much came after it is reported.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use jiff::Timestamp;

use super::acts::{Act, read_kind};
use super::chains::Link;
use super::records::Context;
use super::{Finding, FindingKind, layout};
use crate::domain::adoption::Adoptions;
use crate::domain::checkpoint::{CHECKPOINT_FORMAT, Checkpoint, may_witness, signals_digest};
use crate::domain::fsread::{self, limit};
use crate::domain::history::History;
use crate::domain::keyring::Keyring;
use crate::domain::keys::Namespace;
use crate::domain::record::Author;
use crate::domain::review::TextProblem;
use crate::domain::signal::Signal;
use crate::domain::store::device::{SYNC_ALLOWANCE, chain_principal};
use crate::domain::store::files::is_id;

impl Act for Checkpoint {
    const PREFIX: &'static str = "CP";
    const DIR: &'static str = "checkpoints";
    const FORMAT: &'static str = CHECKPOINT_FORMAT;
    const NAMESPACE: Namespace = Namespace::Checkpoint;
    fn id(&self) -> &str {
        &self.id
    }
    fn format(&self) -> &str {
        &self.format
    }
    fn created(&self) -> Timestamp {
        self.created
    }
    fn seq(&self) -> u64 {
        self.seq
    }
    fn prev(&self) -> Option<&String> {
        self.prev.as_ref()
    }
    fn signer(&self) -> &Author {
        &self.witness
    }
    fn keyring(&self) -> &[String] {
        &self.keyring
    }
    fn text_problems(&self) -> Vec<TextProblem> {
        Vec::new()
    }
    // What it names is what it is for: nothing to drop.
    fn brief(&mut self) {}
}

/// A checkpoint that counts: signed by one who may witness, in order.
struct Held {
    file: Arc<str>,
    witness: String,
    created: Timestamp,
    checkpoint: Checkpoint,
}

/// Every checkpoint that counts.
#[derive(Default)]
pub struct Witnessed {
    held: Vec<Held>,
    /// How many checkpoint files there were.
    pub files: usize,
}

/// Where a chain stands against the checkpoints: for verify's report.
#[derive(Debug, Clone)]
pub struct ChainState {
    /// `records/anna@…`, `reviews/tom@…+k7p2q9x3`, …
    pub dir: String,
    /// Its last place.
    pub last: u64,
    /// The latest place someone else witnessed, when, and in which file.
    pub witnessed: Option<(u64, Timestamp, Arc<str>)>,
}

impl ChainState {
    /// How many of its files came after what was last witnessed.
    pub fn after(&self) -> u64 {
        self.last - self.witnessed.as_ref().map_or(0, |w| w.0).min(self.last)
    }
}

/// One place a checkpoint names in a chain.
struct Claim {
    seq: u64,
    sha256: String,
    at: Timestamp,
    file: Arc<str>,
    /// By someone else than the chain's author.
    other: bool,
}

/// What the checkpoints say of one chain, walked with it.
pub struct ChainWitness {
    dir: String,
    claims: Vec<Claim>,
    next: usize,
    /// For each checkpoint, the place it names in this chain (0: none) and
    /// its time; sorted by place, each with the latest time (and its file)
    /// among it and those before it.
    cut: Vec<(u64, Timestamp, Arc<str>)>,
    last: u64,
}

impl Witnessed {
    /// What the checkpoints say of the chain in `dir` (`records/anna@…`).
    pub fn chain(&self, dir: &str) -> ChainWitness {
        let principal = dir
            .split_once('/')
            .and_then(|(_, d)| chain_principal(d))
            .unwrap_or_default();
        let mut claims = Vec::new();
        let mut cut = Vec::new();
        for held in &self.held {
            let head = held.checkpoint.head(dir);
            if let Some(head) = head {
                claims.push(Claim {
                    seq: head.seq,
                    sha256: head.sha256.clone(),
                    at: held.created,
                    file: Arc::clone(&held.file),
                    other: held.witness != principal,
                });
            }
            cut.push((
                head.map_or(0, |h| h.seq),
                held.created,
                Arc::clone(&held.file),
            ));
        }
        claims.sort_by_key(|c| c.seq);
        cut.sort_by_key(|(seq, _, _)| *seq);
        for i in 1..cut.len() {
            if cut[i - 1].1 > cut[i].1 {
                cut[i].1 = cut[i - 1].1;
                cut[i].2 = Arc::clone(&cut[i - 1].2);
            }
        }
        ChainWitness {
            dir: dir.to_owned(),
            claims,
            next: 0,
            cut,
            last: 0,
        }
    }

    /// The directories of every chain some checkpoint names.
    fn named_dirs(&self) -> HashSet<&str> {
        self.held
            .iter()
            .flat_map(|h| h.checkpoint.chains.iter().map(|c| c.dir.as_str()))
            .collect()
    }
}

impl ChainWitness {
    /// Checks `link` against what was witnessed of its chain.
    pub fn step(&mut self, link: &Link, findings: &mut Vec<Finding>) {
        self.last = self.last.max(link.seq);
        // Places named before this one that the chain skipped.
        while let Some(claim) = self.claims.get(self.next).filter(|c| c.seq < link.seq) {
            findings.push(missing(&self.dir, claim));
            self.next += 1;
        }
        let mut k = self.next;
        while let Some(claim) = self.claims.get(k).filter(|c| c.seq == link.seq) {
            if claim.sha256 != link.hash {
                findings.push(Finding::new(
                    &link.file,
                    FindingKind::WitnessedChanged {
                        checkpoint: claim.file.to_string(),
                    },
                ));
            }
            k += 1;
        }
        self.next = k;
        // The latest checkpoint that does not name this file.
        let before = self.cut.partition_point(|(seq, _, _)| *seq < link.seq);
        if let Some((_, at, file)) = before.checked_sub(1).map(|i| &self.cut[i])
            && link
                .created
                .checked_add(SYNC_ALLOWANCE)
                .is_ok_and(|late| late < *at)
        {
            findings.push(Finding::new(
                &link.file,
                FindingKind::Backdated {
                    checkpoint: file.to_string(),
                    at: *at,
                    stopped: false,
                },
            ));
        }
    }

    /// The places named after the chain's end: removed. Where the chain
    /// stands.
    pub fn finish(mut self, findings: &mut Vec<Finding>) -> ChainState {
        while let Some(claim) = self.claims.get(self.next) {
            if claim.seq > self.last {
                findings.push(missing(&self.dir, claim));
            }
            self.next += 1;
        }
        let witnessed = self
            .claims
            .iter()
            .filter(|c| c.other)
            .max_by_key(|c| (c.seq, c.at))
            .map(|c| (c.seq, c.at, Arc::clone(&c.file)));
        ChainState {
            dir: self.dir,
            last: self.last,
            witnessed,
        }
    }
}

fn missing(dir: &str, claim: &Claim) -> Finding {
    Finding::new(
        dir,
        FindingKind::WitnessedMissing {
            place: Some(claim.seq),
            checkpoint: claim.file.to_string(),
        },
    )
}

/// Reads and checks every checkpoint; keeps those that count.
pub fn read(cx: &Context<'_>, adoptions: &Adoptions, findings: &mut Vec<Finding>) -> Witnessed {
    let mut held = Vec::new();
    let files = read_kind::<Checkpoint>(cx, findings, &mut |file, checkpoint, _, findings| {
        if !may_witness(&checkpoint.witness.role) {
            findings.push(Finding::new(
                &file,
                FindingKind::WitnessRole {
                    role: checkpoint.witness.role.clone(),
                },
            ));
            return;
        }
        if let Some(head) = checkpoint
            .adoptions
            .iter()
            .find(|h| adoptions.history().node(h).is_none())
        {
            findings.push(Finding::new(
                &file,
                FindingKind::HistoryMissing { hash: head.clone() },
            ));
            return;
        }
        held.push(Held {
            file: file.into(),
            witness: checkpoint.witness.principal.clone(),
            created: checkpoint.created,
            checkpoint,
        });
    });
    Witnessed { held, files }
}

/// The checkpoints' own chains, walked again now that every checkpoint is
/// known: a witness's newest checkpoints removed show in another's.
pub fn check_own_chains(
    base: &Path,
    witnessed: &Witnessed,
    chains: &mut Vec<ChainState>,
    findings: &mut Vec<Finding>,
) {
    let top = base.join("checkpoints");
    let mut ignored = Vec::new();
    for dir in layout::chain_dirs(base, &top, &mut ignored) {
        let rel = format!("checkpoints/{dir}");
        let mut names: Vec<(u64, String)> = layout::signed(
            base,
            &top.join(&dir),
            |stem| {
                let (seq, id) = stem.split_once('-')?;
                (is_id("CP", id) && seq.len() == 6)
                    .then(|| Some((seq.parse().ok()?, stem.to_owned())))
                    .flatten()
            },
            &mut ignored,
        );
        names.sort();
        let mut witness = witnessed.chain(&rel);
        for (seq, stem) in names {
            let file = format!("{rel}/{stem}.toml");
            let Ok(bytes) = fsread::read(&base.join(&file), limit::SIGNED_FILE) else {
                continue;
            };
            let Some(checkpoint) = std::str::from_utf8(&bytes)
                .ok()
                .and_then(|t| toml::from_str::<Checkpoint>(t).ok())
            else {
                continue;
            };
            let link = Link {
                file,
                seq,
                id: checkpoint.id.clone(),
                prev: checkpoint.prev.clone(),
                hash: crate::domain::history::link(&bytes),
                created: checkpoint.created,
                generation: 0,
            };
            // The chain itself was walked when the checkpoints were read.
            witness.step(&link, findings);
        }
        chains.push(witness.finish(findings));
    }
}

/// A finding for every chain a checkpoint names that the store no longer
/// has at all.
pub fn check_chains_gone(
    witnessed: &Witnessed,
    chains: &[ChainState],
    findings: &mut Vec<Finding>,
) {
    let walked: HashSet<&str> = chains.iter().map(|c| c.dir.as_str()).collect();
    let mut gone: Vec<&str> = witnessed
        .named_dirs()
        .into_iter()
        .filter(|d| !walked.contains(d))
        .collect();
    gone.sort_unstable();
    for dir in gone {
        let mut witness = witnessed.chain(dir);
        witness.last = 0;
        witness.finish(findings);
    }
}

/// Every keyring change and adoption a checkpoint should have named but
/// does not, while it says it was made well before it: backdated.
pub fn check_histories(
    witnessed: &Witnessed,
    keyring: &Keyring,
    adoptions: &Adoptions,
    findings: &mut Vec<Finding>,
) {
    let check =
        |history: &History, heads: fn(&Checkpoint) -> &[String], findings: &mut Vec<Finding>| {
            for (index, node) in history.nodes().iter().enumerate() {
                let Some(late) = node.created.checked_add(SYNC_ALLOWANCE).ok() else {
                    continue;
                };
                if let Some(held) = witnessed
                    .held
                    .iter()
                    .filter(|h| late < h.created)
                    .filter(|h| !history.seen_by(heads(&h.checkpoint), index))
                    .max_by_key(|h| h.created)
                {
                    findings.push(Finding::new(
                        &node.file,
                        FindingKind::Backdated {
                            checkpoint: held.file.to_string(),
                            at: held.created,
                            stopped: false,
                        },
                    ));
                }
            }
        };
    check(keyring.history(), |c| &c.keyring, findings);
    check(adoptions.history(), |c| &c.adoptions, findings);
}

/// Each author's signals against what the checkpoints named: every one
/// named still there as it was, and none dated well before a checkpoint
/// that does not name it.
pub fn check_signals(base: &Path, witnessed: &Witnessed, findings: &mut Vec<Finding>) {
    if witnessed.held.is_empty() {
        return;
    }
    let top = base.join("signals");
    let mut ignored = Vec::new();
    let mut found: HashMap<(String, String), (String, Timestamp)> = HashMap::new();
    for principal in layout::author_dirs(base, &top, &mut ignored) {
        let dir = top.join(&principal);
        for path in layout::signed_files(base, &dir, |s| is_id("SG", s), &mut ignored) {
            let Ok(bytes) = fsread::read(&path, limit::SIGNED_FILE) else {
                continue;
            };
            let Some(signal) = std::str::from_utf8(&bytes)
                .ok()
                .and_then(|t| toml::from_str::<Signal>(t).ok())
            else {
                continue;
            };
            let id = layout::name_of(&path).trim_end_matches(".toml").to_owned();
            found.insert(
                (principal.clone(), id),
                (crate::domain::history::link(&bytes), signal.created),
            );
        }
    }
    for held in &witnessed.held {
        for named in &held.checkpoint.signals {
            let mut hashes = Vec::new();
            for id in &named.ids {
                match found.get(&(named.principal.clone(), id.clone())) {
                    Some((sha256, _)) => hashes.push((id.as_str(), sha256.as_str())),
                    None => findings.push(Finding::new(
                        format!("signals/{}/{id}.toml", named.principal),
                        FindingKind::WitnessedMissing {
                            place: None,
                            checkpoint: held.file.to_string(),
                        },
                    )),
                }
            }
            if hashes.len() == named.ids.len() && signals_digest(hashes) != named.sha256 {
                findings.push(Finding::new(
                    format!("signals/{}", named.principal),
                    FindingKind::WitnessedChanged {
                        checkpoint: held.file.to_string(),
                    },
                ));
            }
        }
    }
    let mut files: Vec<_> = found.into_iter().collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    for ((principal, id), (_, created)) in files {
        let Some(late) = created.checked_add(SYNC_ALLOWANCE).ok() else {
            continue;
        };
        if let Some(held) = witnessed
            .held
            .iter()
            .filter(|h| late < h.created)
            .filter(|h| {
                !h.checkpoint
                    .signals
                    .iter()
                    .any(|s| s.principal == principal && s.ids.contains(&id))
            })
            .max_by_key(|h| h.created)
        {
            findings.push(Finding::new(
                format!("signals/{principal}/{id}.toml"),
                FindingKind::Backdated {
                    checkpoint: held.file.to_string(),
                    at: held.created,
                    stopped: false,
                },
            ));
        }
    }
}
