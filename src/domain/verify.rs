//! Verifying a whole store, so an auditor need not trust whoever wrote it.
//!
//! Every file is accounted for ([`layout`]); each signature must be valid,
//! in the right namespace, by a key the keyring gave the role the file
//! claims at the time it claims, under a keyring state that had that grant
//! ([`signer`]); the keyring and the adoptions must be intact histories
//! leading back to the trust root; every record must rest on a norm version
//! adopted in the store and in force on its decision date, and say nothing
//! its norm and the keyring do not give ([`derive`]); each author's chain
//! must run 1, 2, 3 … with every link intact and time never going back
//! ([`chains`]). Problems reading the store are findings, never a failure:
//! only a directory that is no store at all stops it.
//!
//! Records are checked in blocks on all cores and their chains walked as
//! the blocks come back, so memory does not grow with the store.

mod acts;
mod chains;
mod derive;
mod extensions;
mod finding;
mod layout;
mod records;
mod schedule;
mod signals;
pub mod signer;
mod stopped;
mod stories;
mod totals;
pub mod witness;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use jiff::Timestamp;

pub use self::finding::{Finding, FindingKind, Severity};
pub use self::records::check_one;
use self::records::{Context, read_problem};
use super::adoption::{self, Adoptions, SignedAdoption};
use super::fsread::{self, limit};
use super::keyring::{EntryProblem, Keyring, KeyringEntry, SignedEntry};
use super::keys::{self, Fingerprint, Namespace};
use super::norm::Norm;
use super::norm::parse::parse_snapshot;
use super::source::{Sha256Hex, SourceFile};
use super::store::files::{CompactId, is_id};
use super::store::{CONFIG_FILE, Store, StoreConfig, relative, sig_path};

/// What verification found, and how much it looked at.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub records: usize,
    pub keyring_entries: usize,
    pub adoptions: usize,
    pub norms: usize,
    pub signals: usize,
    pub reviews: usize,
    pub withdrawals: usize,
    /// Signed draws of a sample.
    pub samples: usize,
    /// Checkpoint files.
    pub checkpoints: usize,
    /// Where each chain stands against the checkpoints, by directory.
    pub chains: Vec<witness::ChainState>,
    /// The records that revise another and have no error of their own, as
    /// this pass read them (without their words): what a reader of the
    /// store tells stories with, instead of trusting a cache.
    pub revisions: Vec<crate::domain::store::StoredRecord>,
    pub root: Option<Fingerprint>,
}

impl Report {
    fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.kind.severity() == severity)
            .count()
    }

    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    pub fn notices(&self) -> usize {
        self.count(Severity::Notice)
    }
}

/// Checks everything in `store` as of `now`. `progress(done, total)` is
/// called from this thread now and then while records are checked.
pub fn verify(
    store: &Store,
    expect_root: Option<&Fingerprint>,
    now: Timestamp,
    progress: &mut dyn FnMut(usize, usize),
) -> Report {
    verify_proven(store, expect_root, now, progress, &Proven::default())
}

/// Records of a store (paths in it) whose own checks an earlier verify
/// did and found nothing in: see [`verify_proven`].
#[derive(Debug, Default)]
pub struct Proven(HashSet<String>);

impl Proven {
    pub fn contains(&self, file: &str) -> bool {
        self.0.contains(file)
    }
}

impl FromIterator<String> for Proven {
    fn from_iter<I: IntoIterator<Item = String>>(files: I) -> Self {
        Self(files.into_iter().collect())
    }
}

/// [`verify`], but for what was proven of the records in `proven` (paths
/// in the store) by an earlier verify that found no error in them: their
/// signatures, their bytes as this program writes them, their norm and
/// adoption, and what they claim that their norm derives. Those depend on
/// nothing but the file, the keyring, the adoptions, the norms and
/// `store.toml`; the caller vouches that none of these changed since, and
/// that the files are the ones proven. Everything that depends on other
/// files — chains, checkpoints, totals, stories, samples — is checked
/// again, over every record. Sync uses it for what it took in before;
/// `verify` itself proves everything, every time.
pub fn verify_proven(
    store: &Store,
    expect_root: Option<&Fingerprint>,
    now: Timestamp,
    progress: &mut dyn FnMut(usize, usize),
    proven: &Proven,
) -> Report {
    let base = store.dir().to_path_buf();
    let mut report = Report::default();
    let mut findings = Vec::new();

    // 1. What is at the top, and the keyring back to its root.
    layout::top(&base, &mut findings);
    let keyring = read_keyring(&base, &mut report, (expect_root, now), &mut findings);
    let config = check_config(store, &keyring, &mut findings);

    // 2. Norm snapshots: their bytes must hash to their name.
    let snapshots = read_snapshots(&base, &store.norms_dir(), &mut findings);
    report.norms = snapshots.len();

    // 3. Adoptions, against the keyring and the snapshots.
    let (adoptions, count, mut named_norms) =
        read_adoptions(store, &keyring, &config, &snapshots, now, &mut findings);
    report.adoptions = count;

    // From the first linked keyring change or adoption on, every file must
    // name its histories.
    let upgraded = keyring
        .history()
        .nodes()
        .iter()
        .filter(|n| n.follows.is_some())
        .map(|n| n.created)
        .chain(adoptions.adopted().iter().map(|a| a.adoption.created))
        .min();
    // The norm copies records of release 0.1 rely on: they had no adoption.
    let legacy_norms = std::sync::Mutex::new(std::collections::HashSet::new());
    let no_records = std::collections::HashSet::new();
    let captured = std::sync::Mutex::new(stories::Captures::default());
    let revisions = std::sync::Mutex::new(Vec::new());
    let extended = std::sync::Mutex::new(Vec::new());
    let total_norms = totals::counted_norms(&snapshots);
    let counted = std::sync::Mutex::new(totals::Counting::new(&snapshots));
    let unwitnessed = witness::Witnessed::default();
    let chains = std::sync::Mutex::new(Vec::new());
    let mut cx = Context {
        base: &base,
        keyring: &keyring,
        adoptions: &adoptions,
        snapshots: &snapshots,
        window_days: config.decision_window_days,
        upgraded,
        now,
        legacy_norms: &legacy_norms,
        wanted: &no_records,
        captured: &captured,
        revisions: &revisions,
        extensions: &extended,
        total_norms: &total_norms,
        counted: &counted,
        draws: &[],
        proven,
        witnessed: &unwitnessed,
        chains: &chains,
    };

    // 4. Checkpoints, which every chain is walked against.
    let witnessed = witness::read(&cx, &adoptions, &mut findings);
    report.checkpoints = witnessed.files;
    cx.witnessed = &witnessed;
    witness::check_histories(&witnessed, &keyring, &adoptions, &mut findings);

    // 5. Reviews and withdrawals, then the records, one author at a time,
    // keeping those the acts are about.
    let mut acts = acts::read(&cx, &mut findings);
    report.reviews = acts.review_files;
    report.withdrawals = acts.withdrawal_files;
    let wanted = acts.records();
    schedule::lock(&captured).reserve(wanted.len());
    cx.wanted = &wanted;
    let (samples, sample_files) = acts::read_samples(&cx, &mut findings);
    report.samples = sample_files;
    let draws = acts::redos(&samples);
    cx.draws = &draws;
    report.records = check_all_records(&cx, &store.records_dir(), progress, &mut findings);
    schedule::lock(&captured).settle();
    stories::check_stories(
        &cx,
        &acts,
        &schedule::lock(&captured),
        &schedule::lock(&revisions),
        &mut findings,
    );
    acts::check_samples(&samples, &draws, &mut findings);
    still_needed(&mut acts, &extended, &captured);
    stopped::check_totals(
        &snapshots,
        (&acts, &schedule::lock(&revisions)),
        &schedule::lock(&counted),
        &mut findings,
    );
    extensions::check(
        &cx,
        &acts,
        &schedule::lock(&captured),
        &schedule::lock(&extended),
        &mut findings,
    );

    named_norms.extend(schedule::lock(&legacy_norms).iter().cloned());
    unused_norms(&snapshots, &named_norms, &mut findings);

    check_signals_and_chains(&cx, store, &mut report, &mut findings);

    report.root = keyring.root().cloned();
    report.revisions = without_errors(&findings, std::mem::take(&mut *schedule::lock(&revisions)));
    findings.sort_by(|a, b| (&a.file, a.kind.code()).cmp(&(&b.file, b.kind.code())));
    findings.dedup();
    report.findings = findings;
    report
}

/// The signals, then every chain against the checkpoints.
fn check_signals_and_chains(
    cx: &Context<'_>,
    store: &Store,
    report: &mut Report,
    findings: &mut Vec<Finding>,
) {
    let base = cx.base;
    // 6. Signals.
    let signal_files: Vec<PathBuf> = layout::author_dirs(base, &store.signals_dir(), findings)
        .into_iter()
        .flat_map(|author| {
            let dir = store.signals_dir().join(author);
            layout::signed_files(base, &dir, |s| is_id("SG", s), findings)
        })
        .collect();
    report.signals = signals::check_signals(cx, &signal_files, findings);
    witness::check_signals(base, cx.witnessed, findings);

    // 7. Every chain against the checkpoints.
    let mut chains = std::mem::take(&mut *schedule::lock(cx.chains));
    witness::check_own_chains(base, cx.witnessed, &mut chains, findings);
    witness::check_chains_gone(cx.witnessed, &chains, findings);
    chains.sort_by(|a, b| a.dir.cmp(&b.dir));
    report.chains = chains;
}

/// Every norm copy is named by an adoption or an old record: anything
/// else in `norms/` is not the store's.
fn unused_norms(
    snapshots: &HashMap<String, Option<crate::domain::norm::Norm>>,
    named: &std::collections::HashSet<String>,
    findings: &mut Vec<Finding>,
) {
    for (sha256, norm) in snapshots {
        if !named.contains(sha256) {
            findings.push(Finding::new(
                format!("norms/{sha256}.toml"),
                FindingKind::NormUnused {
                    valid: norm.is_some(),
                },
            ));
        }
    }
}

/// Once the stories are told, keeps only what the totals and the
/// extensions still need of the acts and of where reviewed records are.
fn still_needed(
    acts: &mut acts::Acts,
    extended: &std::sync::Mutex<Vec<(String, crate::domain::record::Record)>>,
    captured: &std::sync::Mutex<stories::Captures>,
) {
    let targets: std::collections::HashSet<CompactId> = schedule::lock(extended)
        .iter()
        .filter_map(|(_, r)| r.extends.as_deref().and_then(CompactId::new))
        .collect();
    acts.keep_for(&targets);
    schedule::lock(captured).retain(|id| targets.contains(id));
}

/// The records among `revisions` without an error of their own.
fn without_errors(
    findings: &[Finding],
    revisions: Vec<crate::domain::store::StoredRecord>,
) -> Vec<crate::domain::store::StoredRecord> {
    let failed: std::collections::HashSet<&str> = findings
        .iter()
        .filter(|f| f.kind.severity() == Severity::Error)
        .map(|f| f.file.as_str())
        .collect();
    revisions
        .into_iter()
        .filter(|r| !failed.contains(r.file.as_str()))
        .collect()
}

fn check_all_records(
    cx: &Context<'_>,
    records_dir: &Path,
    progress: &mut dyn FnMut(usize, usize),
    findings: &mut Vec<Finding>,
) -> usize {
    let authors = layout::chain_dirs(cx.base, records_dir, findings);
    // Count first, for progress; names are listed again as they are checked.
    let total = authors
        .iter()
        .map(|author| fsread::count(&records_dir.join(author), ".toml"))
        .sum();
    schedule::check_all(cx, &authors, total, progress, findings)
}

/// The keyring as its signed entries make it, with a finding for every
/// entry that does not count and for a root other than the one expected.
fn read_keyring(
    base: &Path,
    report: &mut Report,
    (expect_root, now): (Option<&Fingerprint>, Timestamp),
    findings: &mut Vec<Finding>,
) -> Keyring {
    let dir = base.join("keyring");
    let mut entries = Vec::new();
    for path in layout::signed_files(base, &dir, |s| is_id("KR", s), findings) {
        match read_signed::<KeyringEntry>(&path, limit::SMALL_FILE) {
            Ok((entry, bytes, signature)) => {
                as_written(&entry, &bytes, &relative(base, &path), findings);
                if !is_named(&path, &entry.id) {
                    findings.push(Finding::new(
                        relative(base, &path),
                        FindingKind::NameMismatch,
                    ));
                }
                entries.push(SignedEntry {
                    file: relative(base, &path),
                    entry,
                    bytes,
                    signature,
                });
            }
            Err(kind) => findings.push(Finding::new(relative(base, &path), kind)),
        }
    }
    report.keyring_entries = entries.len();
    for e in entries.iter().filter(|e| e.entry.created > now) {
        findings.push(Finding::new(&e.file, FindingKind::CreatedInFuture));
    }
    let keyring = Keyring::build(&entries);
    for (file, problem) in keyring.problems() {
        let kind = match problem {
            EntryProblem::NoRoot => FindingKind::NoRoot,
            other => FindingKind::Keyring(other.clone()),
        };
        let file = if file.is_empty() { "keyring" } else { file };
        findings.push(Finding::new(file, kind));
    }
    match (keyring.root(), expect_root) {
        (None, _)
            if keyring
                .problems()
                .iter()
                .all(|(_, p)| *p != EntryProblem::NoRoot) =>
        {
            findings.push(Finding::new("keyring", FindingKind::NoRoot));
        }
        (Some(found), Some(expected)) if found != expected => findings.push(Finding::new(
            "keyring",
            FindingKind::RootNotPinned {
                expected: expected.to_string(),
                found: found.to_string(),
            },
        )),
        _ => {}
    }
    keyring
}

/// Whether the file at `path` is named after `id`.
fn is_named(path: &Path, id: &str) -> bool {
    layout::name_of(path).strip_suffix(".toml") == Some(id)
}

/// A signed file and its signature, parsed as `T`.
/// A finding when the file is not, byte for byte, what this program writes
/// for `value`: a comment, spacing or order verify does not read.
fn as_written<T: serde::Serialize>(
    value: &T,
    bytes: &[u8],
    file: &str,
    findings: &mut Vec<Finding>,
) {
    if toml::to_string(value).ok().as_deref().map(str::as_bytes) != Some(bytes) {
        findings.push(Finding::new(file, FindingKind::NotAsWritten));
    }
}

fn read_signed<T: serde::de::DeserializeOwned>(
    path: &Path,
    max: u64,
) -> Result<(T, Vec<u8>, String), FindingKind> {
    let bytes = fsread::read(path, max).map_err(read_problem)?;
    let signature = fsread::read_text(&sig_path(path), limit::SIGNATURE).map_err(read_problem)?;
    let text = std::str::from_utf8(&bytes).map_err(|e| FindingKind::Malformed(e.to_string()))?;
    let value = toml::from_str(text)
        .map_err(|e: toml::de::Error| FindingKind::Malformed(e.message().to_owned()))?;
    Ok((value, bytes, signature))
}

/// `store.toml` must name the keyring's root and be signed by it. Its
/// settings, or the defaults when it cannot be read.
fn check_config(store: &Store, keyring: &Keyring, findings: &mut Vec<Finding>) -> StoreConfig {
    let path = store.dir().join(CONFIG_FILE);
    let fallback = || StoreConfig {
        format: String::new(),
        created: Timestamp::UNIX_EPOCH,
        root: String::new(),
        roles: super::store::DEFAULT_ROLES
            .iter()
            .map(|r| (*r).to_owned())
            .collect(),
        adopters: adoption::DEFAULT_ADOPTERS
            .iter()
            .map(|r| (*r).to_owned())
            .collect(),
        decision_window_days: super::store::DEFAULT_DECISION_WINDOW,
    };
    let bytes = match fsread::read(&path, limit::SMALL_FILE) {
        Ok(b) => b,
        Err(e) => {
            findings.push(Finding::new(CONFIG_FILE, read_problem(e)));
            return fallback();
        }
    };
    let config: Result<StoreConfig, _> = std::str::from_utf8(&bytes)
        .map_err(|e| e.to_string())
        .and_then(|t| toml::from_str(t).map_err(|e: toml::de::Error| e.message().to_owned()));
    let config = match config {
        Err(what) => {
            findings.push(Finding::new(CONFIG_FILE, FindingKind::Malformed(what)));
            return fallback();
        }
        Ok(config) => config,
    };
    let Some(root) = keyring.root() else {
        return config;
    };
    if config.root != root.as_str() {
        findings.push(Finding::new(CONFIG_FILE, FindingKind::ConfigRootMismatch));
        return config;
    }
    if !super::store::config_is_pinned(keyring, &bytes, &config) {
        // Its settings (who may adopt, the decision window) cannot be
        // relied on: verify by the defaults.
        findings.push(Finding::new(CONFIG_FILE, FindingKind::ConfigAltered));
        return StoreConfig {
            root: config.root,
            ..fallback()
        };
    }
    let signed = keyring
        .grants()
        .iter()
        .find(|g| &g.fingerprint == root)
        .is_some_and(|grant| {
            fsread::read_text(&sig_path(&path), limit::SIGNATURE)
                .ok()
                .and_then(|s| keys::parse_signature(&s))
                .is_some_and(|sig| keys::verify(&grant.key, Namespace::Keyring, &bytes, &sig))
        });
    if !signed {
        findings.push(Finding::new(CONFIG_FILE, FindingKind::BadSignature));
    }
    config
}

/// The norm copies in `norms/`, parsed, by sha256 (`None` for a copy that
/// is not a valid norm); copies whose bytes do not hash to their name are
/// findings.
fn read_snapshots(
    base: &Path,
    norms_dir: &Path,
    findings: &mut Vec<Finding>,
) -> HashMap<String, Option<Norm>> {
    let mut snapshots = HashMap::new();
    for path in layout::norm_files(base, norms_dir, findings) {
        let stem = layout::name_of(&path).trim_end_matches(".toml").to_owned();
        match fsread::read(&path, limit::NORM) {
            Ok(bytes) if Sha256Hex::of(&bytes).as_str() == stem => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let norm = parse_snapshot(&SourceFile::new(stem.clone(), text));
                snapshots.insert(stem, norm);
            }
            Ok(_) => findings.push(Finding::new(
                relative(base, &path),
                FindingKind::NormAltered,
            )),
            Err(e) => findings.push(Finding::new(relative(base, &path), read_problem(e))),
        }
    }
    snapshots
}

/// The adoptions, checked; a finding for every one that does not count.
fn read_adoptions(
    store: &Store,
    keyring: &Keyring,
    config: &StoreConfig,
    snapshots: &HashMap<String, Option<Norm>>,
    now: Timestamp,
    findings: &mut Vec<Finding>,
) -> (Adoptions, usize, std::collections::HashSet<String>) {
    let base = store.dir();
    let mut files = Vec::new();
    for path in layout::signed_files(base, &store.adoptions_dir(), |s| is_id("AD", s), findings) {
        match read_signed::<adoption::Adoption>(&path, limit::SIGNED_FILE) {
            Ok((adoption, bytes, signature)) => {
                as_written(&adoption, &bytes, &relative(base, &path), findings);
                if !is_named(&path, &adoption.id) {
                    findings.push(Finding::new(
                        relative(base, &path),
                        FindingKind::NameMismatch,
                    ));
                }
                files.push(SignedAdoption {
                    file: relative(base, &path),
                    adoption,
                    bytes,
                    signature,
                });
            }
            Err(kind) => findings.push(Finding::new(relative(base, &path), kind)),
        }
    }
    let count = files.len();
    let named = files
        .iter()
        .map(|f| f.adoption.norm.sha256.clone())
        .collect();
    let lookup = |sha: &str| snapshots.get(sha).cloned();
    let cx = adoption::Context {
        keyring,
        roles: &config.roles,
        adopters: &config.adopters,
        snapshots: &lookup,
    };
    let adoptions = Adoptions::build(&files, &cx);
    for (file, problem) in adoptions.problems() {
        findings.push(Finding::new(file, FindingKind::Adoption(problem.clone())));
    }
    // Time, as for records: not signed before the keyring state it names,
    // nor after the verifying machine's clock.
    for f in &files {
        let latest = keyring.history().latest(&f.adoption.keyring).flatten();
        if latest.is_some_and(|latest| latest > f.adoption.created) {
            findings.push(Finding::new(&f.file, FindingKind::SignedBeforeItsHistory));
        }
        if f.adoption.created > now {
            findings.push(Finding::new(&f.file, FindingKind::CreatedInFuture));
        }
    }
    (adoptions, count, named)
}
