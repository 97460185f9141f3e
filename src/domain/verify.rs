//! Verifying a whole store, so an auditor need not trust whoever wrote it.
//!
//! Every file is accounted for: each signature must be valid, in the right
//! namespace, by a key the keyring gave the role the file claims at the time
//! it claims; the keyring must lead back to the trust root; every norm a
//! record relies on must be present with matching bytes; and each author's
//! chain must run 1, 2, 3 … with every link intact.
//!
//! [`verify`] runs the steps in order; each lives in its own file: reading
//! and accounting for files ([`files`]), who signed ([`signer`]), records
//! ([`records`]), signals ([`signals`]) and chains ([`chains`]).

mod chains;
mod files;
mod finding;
mod records;
mod signals;
mod signer;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

pub use self::finding::{Finding, FindingKind};
pub use self::records::check_one;
use super::keyring::{EntryProblem, Keyring};
use super::keys::{self, Fingerprint, Namespace};
use super::store::{CONFIG_FILE, RecordFile, Store, StoreConfig, StoreError, relative, sig_path};

/// What verification found, and how much it looked at.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub records: usize,
    pub keyring_entries: usize,
    pub norms: usize,
    pub signals: usize,
    pub root: Option<Fingerprint>,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| !f.kind.is_warning())
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.findings.iter().filter(|f| f.kind.is_warning()).count()
    }
}

/// Checks everything in `store`. `progress(done, total)` is called from
/// this thread now and then while records are checked.
pub fn verify(
    store: &Store,
    expect_root: Option<&Fingerprint>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Report, StoreError> {
    let base = store.dir().to_path_buf();
    let mut report = Report::default();
    let mut findings = Vec::new();

    // 1. Every file in the store, accounted for.
    let mut all = Vec::new();
    files::walk(&base, &base, &mut all)?;
    let present: HashSet<&Path> = all.iter().map(PathBuf::as_path).collect();
    report.keyring_entries = files::account_for_files(&base, &all, &present, &mut findings);

    // 2. The keyring, back to its root, and the store's own description.
    let keyring = check_keyring(store, &present, expect_root, &mut findings)?;
    report.root = keyring.root().cloned();
    check_config(store, &keyring, &mut findings);

    // 3. Norm snapshots: their bytes must hash to their name.
    let (snapshots, norms) = files::read_snapshots(&base, &store.norms_dir(), &all, &mut findings);
    report.norms = norms;

    // 4. Records, checked in parallel.
    let records_dir = store.records_dir();
    let record_files: Vec<RecordFile> = all
        .iter()
        .filter(|p| present.contains(sig_path(p).as_path()))
        .filter_map(|p| RecordFile::from_path(&records_dir, p))
        .collect();
    report.records = record_files.len();
    let checked = records::check_records(&base, &record_files, &keyring, &snapshots, progress);
    findings.extend(checked.findings);

    // 5. Signals.
    report.signals = signals::check_signals(
        &base,
        &store.signals_dir(),
        &all,
        &present,
        &keyring,
        &mut findings,
    );

    // 6. Chains and ids across records.
    chains::check_chains(checked.chains, &mut findings);
    findings.sort_by(|a, b| (&a.file, a.kind.code()).cmp(&(&b.file, b.kind.code())));
    findings.dedup();
    report.findings = findings;
    Ok(report)
}

/// The keyring as its signed entries make it, with a finding for every entry
/// that does not count and for a root other than the one expected.
fn check_keyring(
    store: &Store,
    present: &HashSet<&Path>,
    expect_root: Option<&Fingerprint>,
    findings: &mut Vec<Finding>,
) -> Result<Keyring, StoreError> {
    let base = store.dir();
    let (entries, unreadable) = store.keyring_entries()?;
    for (path, what) in unreadable {
        if present.contains(sig_path(&path).as_path()) {
            findings.push(Finding::new(
                relative(base, &path),
                FindingKind::Malformed(what),
            ));
        }
    }
    let keyring = Keyring::build(entries);
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
    Ok(keyring)
}

/// `store.toml` must name the keyring's root and be signed by it.
fn check_config(store: &Store, keyring: &Keyring, findings: &mut Vec<Finding>) {
    let path = store.dir().join(CONFIG_FILE);
    let Ok(bytes) = fs::read(&path) else { return };
    let Some(root) = keyring.root() else { return };
    let config: Result<StoreConfig, _> = std::str::from_utf8(&bytes)
        .map_err(|e| e.to_string())
        .and_then(|t| toml::from_str(t).map_err(|e: toml::de::Error| e.message().to_owned()));
    let kind = match config {
        Err(what) => FindingKind::Malformed(what),
        Ok(config) if config.root != root.as_str() => FindingKind::ConfigRootMismatch,
        Ok(_) => {
            let Some(grant) = keyring.grants().iter().find(|g| &g.fingerprint == root) else {
                return;
            };
            let sig = fs::read_to_string(sig_path(&path))
                .ok()
                .and_then(|s| keys::parse_signature(&s));
            if sig.is_some_and(|sig| keys::verify(&grant.key, Namespace::Keyring, &bytes, &sig)) {
                return;
            }
            FindingKind::BadSignature
        }
    };
    findings.push(Finding::new(CONFIG_FILE, kind));
}
