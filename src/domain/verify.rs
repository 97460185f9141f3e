//! Verifying a whole store, so an auditor need not trust whoever wrote it.
//!
//! Every file is accounted for: each signature must be valid, in the right
//! namespace, by a key the keyring gave the role the file claims at the time
//! it claims; the keyring must lead back to the trust root; every norm a
//! record relies on must be present with matching bytes; and each author's
//! chain must run 1, 2, 3 … with every link intact.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use ed25519_dalek::{Signature, VerifyingKey};
use ssh_key::SshSig;

use super::keyring::{EntryProblem, Keyring};
use super::keys::{self, Fingerprint, Namespace};
use super::norm::parse::parse_snapshot;
use super::norm::{Norm, Unusable};
use super::record::{Record, RecordHead};
use super::signal::Signal;
use super::source::Sha256Hex;
use super::store::files::TEMP_PREFIX;
use super::store::{CONFIG_FILE, RecordFile, Store, StoreConfig, StoreError, relative, sig_path};

/// What is wrong with one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Left by a write that was interrupted; never part of the store.
    IncompleteWrite,
    /// A signature whose file is missing: a write interrupted between the
    /// two, or a removed file.
    OrphanSignature,
    Unsigned,
    StrayFile,
    Unreadable(String),
    Malformed(String),
    BadSignature,
    WrongNamespace {
        found: String,
    },
    SignerUnknown,
    SignerNotValidThen,
    RoleNotGiven {
        claimed: String,
        given: String,
    },
    AuthorMismatch,
    KeyMismatch,
    NameMismatch,
    DuplicateId,
    Keyring(EntryProblem),
    RootNotPinned {
        expected: String,
        found: String,
    },
    NoRoot,
    ConfigRootMismatch,
    NormMissing {
        sha256: String,
    },
    NormAltered,
    NormMismatch,
    /// The norm was not adopted, or not in force, on the decision date.
    NormNotInForce(Unusable),
    ChainGap {
        after: u64,
        next: u64,
    },
    ChainFork {
        seq: u64,
    },
    ChainBroken {
        seq: u64,
    },
    ChainStart,
}

impl Problem {
    pub fn code(&self) -> &'static str {
        match self {
            Self::IncompleteWrite => "incomplete-write",
            Self::OrphanSignature => "orphan-signature",
            Self::Unsigned => "unsigned",
            Self::StrayFile => "stray-file",
            Self::Unreadable(_) => "unreadable",
            Self::Malformed(_) => "malformed",
            Self::BadSignature => "bad-signature",
            Self::WrongNamespace { .. } => "wrong-namespace",
            Self::SignerUnknown => "signer-unknown",
            Self::SignerNotValidThen => "signer-not-valid-then",
            Self::RoleNotGiven { .. } => "role-not-given",
            Self::AuthorMismatch => "author-mismatch",
            Self::KeyMismatch => "key-mismatch",
            Self::NameMismatch => "name-mismatch",
            Self::DuplicateId => "duplicate-id",
            Self::Keyring(_) => "keyring-entry",
            Self::RootNotPinned { .. } => "root-not-pinned",
            Self::NoRoot => "no-root",
            Self::ConfigRootMismatch => "config-root-mismatch",
            Self::NormMissing { .. } => "norm-missing",
            Self::NormAltered => "norm-altered",
            Self::NormMismatch => "norm-mismatch",
            Self::NormNotInForce(_) => "norm-not-in-force",
            Self::ChainGap { .. } => "chain-gap",
            Self::ChainFork { .. } => "chain-fork",
            Self::ChainBroken { .. } => "chain-broken",
            Self::ChainStart => "chain-start",
        }
    }

    /// Interrupted writes are named, not counted as tampering.
    pub fn is_warning(&self) -> bool {
        matches!(self, Self::IncompleteWrite | Self::OrphanSignature)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Path relative to the store, `/`-separated.
    pub file: String,
    pub problem: Problem,
}

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
            .filter(|f| !f.problem.is_warning())
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.problem.is_warning())
            .count()
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
    walk(&base, &base, &mut all)?;
    let present: HashSet<&Path> = all.iter().map(PathBuf::as_path).collect();
    report.keyring_entries = account_for_files(&base, &all, &present, &mut findings);

    // 2. The keyring, back to its root.
    let (entries, unreadable) = store.keyring_entries()?;
    for (path, what) in unreadable {
        if present.contains(sig_path(&path).as_path()) {
            findings.push(Finding {
                file: relative(&base, &path),
                problem: Problem::Malformed(what),
            });
        }
    }
    let keyring = Keyring::build(entries);
    for (file, problem) in keyring.problems() {
        let problem = match problem {
            EntryProblem::NoRoot => Problem::NoRoot,
            other => Problem::Keyring(other.clone()),
        };
        findings.push(Finding {
            file: if file.is_empty() {
                "keyring".into()
            } else {
                file.clone()
            },
            problem,
        });
    }
    report.root = keyring.root().cloned();
    match (keyring.root(), expect_root) {
        (None, _)
            if keyring
                .problems()
                .iter()
                .all(|(_, p)| *p != EntryProblem::NoRoot) =>
        {
            findings.push(Finding {
                file: "keyring".into(),
                problem: Problem::NoRoot,
            });
        }
        (Some(found), Some(expected)) if found != expected => findings.push(Finding {
            file: "keyring".into(),
            problem: Problem::RootNotPinned {
                expected: expected.to_string(),
                found: found.to_string(),
            },
        }),
        _ => {}
    }
    check_config(store, &keyring, &mut findings);

    // 3. Norm snapshots: their bytes must hash to their name.
    let (snapshots, norms) = read_snapshots(&base, &store.norms_dir(), &all, &mut findings);
    report.norms = norms;

    // 4. Records, checked in parallel.
    let records_dir = store.records_dir();
    let files: Vec<RecordFile> = all
        .iter()
        .filter(|p| present.contains(sig_path(p).as_path()))
        .filter_map(|p| RecordFile::from_path(&records_dir, p))
        .collect();
    report.records = files.len();
    let checked = check_records(&base, &files, &keyring, &snapshots, progress);
    findings.extend(checked.findings);

    // 5. Signals: few, checked one by one.
    report.signals = check_signals(
        &base,
        &store.signals_dir(),
        &all,
        &present,
        &keyring,
        &mut findings,
    );

    // 6. Chains and ids across records.
    check_chains(&base, checked.chains, &mut findings);
    findings.sort_by(|a, b| (&a.file, a.problem.code()).cmp(&(&b.file, b.problem.code())));
    findings.dedup();
    report.findings = findings;
    Ok(report)
}

fn check_config(store: &Store, keyring: &Keyring, findings: &mut Vec<Finding>) {
    let path = store.dir().join(CONFIG_FILE);
    let file = CONFIG_FILE.to_owned();
    let Ok(bytes) = fs::read(&path) else { return };
    let Some(root) = keyring.root() else { return };
    let config: Result<StoreConfig, _> = std::str::from_utf8(&bytes)
        .map_err(|e| e.to_string())
        .and_then(|t| toml::from_str(t).map_err(|e: toml::de::Error| e.message().to_owned()));
    match config {
        Err(what) => findings.push(Finding {
            file,
            problem: Problem::Malformed(what),
        }),
        Ok(config) if config.root != root.as_str() => findings.push(Finding {
            file,
            problem: Problem::ConfigRootMismatch,
        }),
        Ok(_) => {
            let Some(grant) = keyring.grants().iter().find(|g| &g.fingerprint == root) else {
                return;
            };
            let sig = fs::read_to_string(sig_path(&path))
                .ok()
                .and_then(|s| keys::parse_signature(&s));
            if !sig.is_some_and(|sig| keys::verify(&grant.key, Namespace::Keyring, &bytes, &sig)) {
                findings.push(Finding {
                    file,
                    problem: Problem::BadSignature,
                });
            }
        }
    }
}

/// One author's record as far as the chain is concerned.
struct Link {
    file: String,
    seq: u64,
    id: String,
    prev: Option<String>,
    /// What the next record's `prev` must be.
    hash: String,
}

/// What one worker found, and the chain links it read.
type ChunkResult = (Vec<Finding>, Vec<(String, Link)>);

struct Checked {
    findings: Vec<Finding>,
    chains: BTreeMap<String, Vec<Link>>,
}

/// A record whose signature still has to be checked cryptographically.
struct Pending {
    index: usize,
    message: Vec<u8>,
    signature: Signature,
    key: VerifyingKey,
}

fn check_records(
    base: &Path,
    files: &[RecordFile],
    keyring: &Keyring,
    snapshots: &HashMap<String, Option<Norm>>,
    progress: &mut dyn FnMut(usize, usize),
) -> Checked {
    // Each worker takes the next block of files until none are left, so a
    // slow block does not leave the other cores idle.
    const BLOCK: usize = 512;
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 8);
    let done = AtomicUsize::new(0);
    let next = AtomicUsize::new(0);
    let results: Vec<ChunkResult> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let (done, next) = (&done, &next);
                scope.spawn(move || {
                    let (mut findings, mut links) = (Vec::new(), Vec::new());
                    loop {
                        let start = next.fetch_add(BLOCK, Ordering::Relaxed);
                        if start >= files.len() {
                            break;
                        }
                        let end = (start + BLOCK).min(files.len());
                        let (f, l) =
                            check_chunk(base, &files[start..end], keyring, snapshots, done);
                        findings.extend(f);
                        links.extend(l);
                    }
                    (findings, links)
                })
            })
            .collect();
        while !handles
            .iter()
            .all(std::thread::ScopedJoinHandle::is_finished)
        {
            progress(done.load(Ordering::Relaxed), files.len());
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        progress(files.len(), files.len());
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| (Vec::new(), Vec::new())))
            .collect()
    });
    let mut findings = Vec::new();
    let mut chains: BTreeMap<String, Vec<Link>> = BTreeMap::new();
    for (f, links) in results {
        findings.extend(f);
        for (author, link) in links {
            chains.entry(author).or_default().push(link);
        }
    }
    Checked { findings, chains }
}

fn check_chunk(
    base: &Path,
    files: &[RecordFile],
    keyring: &Keyring,
    snapshots: &HashMap<String, Option<Norm>>,
    done: &AtomicUsize,
) -> ChunkResult {
    let mut findings = Vec::new();
    let mut links = Vec::new();
    let mut pending = Vec::new();
    // Few signers, many records: decompress each key once.
    let mut keys: HashMap<[u8; 32], VerifyingKey> = HashMap::new();
    for (index, file) in files.iter().enumerate() {
        let rel = relative(base, &file.path);
        let mut fail = |problem| {
            findings.push(Finding {
                file: rel.clone(),
                problem,
            });
        };
        let bytes = match fs::read(&file.path) {
            Ok(b) => b,
            Err(e) => {
                fail(Problem::Unreadable(e.to_string()));
                continue;
            }
        };
        let record = match std::str::from_utf8(&bytes)
            .map_err(|e| e.to_string())
            .and_then(|t| RecordHead::parse(t).map_err(|e| e.message().to_owned()))
        {
            Ok(r) => r,
            Err(what) => {
                fail(Problem::Malformed(what));
                continue;
            }
        };
        links.push((
            file.principal.clone(),
            Link {
                file: rel.clone(),
                seq: record.seq,
                id: record.id.clone(),
                prev: record.prev.clone(),
                hash: Record::link(&bytes),
            },
        ));
        if record.seq != file.seq
            || record.id != file.id
            || record.author.principal != file.principal
        {
            fail(Problem::NameMismatch);
        }
        match check_norm(&record, snapshots) {
            Ok(()) => {}
            Err(p) => fail(p),
        }
        match prepare_signature(&file.path, &bytes, &record, keyring, &mut keys) {
            Ok(Some((message, signature, key))) => pending.push(Pending {
                index,
                message,
                signature,
                key,
            }),
            Ok(None) => {}
            Err(p) => fail(p),
        }
        if index % 64 == 63 {
            done.fetch_add(64, Ordering::Relaxed);
        }
    }
    // Batch verification; when a batch fails, find the culprits one by one.
    for batch in pending.chunks(256) {
        let messages: Vec<&[u8]> = batch.iter().map(|p| p.message.as_slice()).collect();
        let signatures: Vec<Signature> = batch.iter().map(|p| p.signature).collect();
        let keys: Vec<VerifyingKey> = batch.iter().map(|p| p.key).collect();
        if ed25519_dalek::verify_batch(&messages, &signatures, &keys).is_err() {
            for p in batch {
                if p.key.verify_strict(&p.message, &p.signature).is_err() {
                    findings.push(Finding {
                        file: relative(base, &files[p.index].path),
                        problem: Problem::BadSignature,
                    });
                }
            }
        }
    }
    done.fetch_add(files.len() % 64, Ordering::Relaxed);
    (findings, links)
}

fn check_norm(
    record: &RecordHead,
    snapshots: &HashMap<String, Option<Norm>>,
) -> Result<(), Problem> {
    let Some(snapshot) = snapshots.get(&record.norm.sha256) else {
        return Err(Problem::NormMissing {
            sha256: record.norm.sha256.clone(),
        });
    };
    // The snapshot's bytes already hash to its name; it must be the norm the
    // record names, in force on the decision date.
    match snapshot {
        Some(norm) if norm.id == record.norm.id && norm.version == record.norm.version => norm
            .usability(record.decision_date)
            .map_err(Problem::NormNotInForce),
        _ => Err(Problem::NormMismatch),
    }
}

/// Everything about a record's signature except the cryptography, which is
/// batched: the file, the namespace, the key, the keyring grant and role.
/// `Ok(None)` when the signature was already verified here.
fn prepare_signature(
    path: &Path,
    bytes: &[u8],
    record: &RecordHead,
    keyring: &Keyring,
    keys: &mut HashMap<[u8; 32], VerifyingKey>,
) -> Result<Option<(Vec<u8>, Signature, VerifyingKey)>, Problem> {
    let armored =
        fs::read_to_string(sig_path(path)).map_err(|e| Problem::Unreadable(e.to_string()))?;
    let sig: SshSig = keys::parse_signature(&armored).ok_or(Problem::BadSignature)?;
    if sig.namespace() != Namespace::Record.as_str() {
        return Err(Problem::WrongNamespace {
            found: sig.namespace().to_owned(),
        });
    }
    let Some(ed) = sig.public_key().ed25519() else {
        return Err(Problem::SignerUnknown);
    };
    let key = ssh_key::PublicKey::from(sig.public_key().clone());
    let fingerprint = Fingerprint::of(&key);
    if fingerprint.as_str() != record.author.key {
        return Err(Problem::KeyMismatch);
    }
    let Some(grant) = keyring.grant_for_key(&fingerprint, record.created) else {
        return Err(if keyring.any_grant_for_key(&fingerprint).is_some() {
            Problem::SignerNotValidThen
        } else {
            Problem::SignerUnknown
        });
    };
    if grant.principal != record.author.principal || grant.name != record.author.name {
        return Err(Problem::AuthorMismatch);
    }
    if grant.role != record.author.role {
        return Err(Problem::RoleNotGiven {
            claimed: record.author.role.clone(),
            given: grant.role.clone(),
        });
    }
    if !sig.reserved().is_empty() {
        // Valid SSHSIG that batching cannot express: check it here.
        return if keys::verify(&key, Namespace::Record, bytes, &sig) {
            Ok(None)
        } else {
            Err(Problem::BadSignature)
        };
    }
    let message = SshSig::signed_data(sig.namespace(), sig.hash_alg(), bytes)
        .map_err(|_| Problem::BadSignature)?;
    let signature =
        Signature::from_slice(sig.signature_bytes()).map_err(|_| Problem::BadSignature)?;
    let key = if let Some(key) = keys.get(&ed.0) {
        *key
    } else {
        let key = VerifyingKey::try_from(ed).map_err(|_| Problem::BadSignature)?;
        keys.insert(ed.0, key);
        key
    };
    Ok(Some((message, signature, key)))
}

/// Each author's records must run 1, 2, 3 … with every `prev` the hash of
/// the record before; ids are unique across the store.
fn check_chains(base: &Path, chains: BTreeMap<String, Vec<Link>>, findings: &mut Vec<Finding>) {
    let _ = base;
    let mut ids: HashMap<String, String> = HashMap::new();
    for (_author, mut links) in chains {
        links.sort_by(|a, b| (a.seq, &a.file).cmp(&(b.seq, &b.file)));
        let mut previous: Option<&Link> = None;
        for link in &links {
            if let Some(first) = ids.get(&link.id) {
                if *first != link.file {
                    findings.push(Finding {
                        file: link.file.clone(),
                        problem: Problem::DuplicateId,
                    });
                }
            } else {
                ids.insert(link.id.clone(), link.file.clone());
            }
            match previous {
                None => {
                    if link.seq != 1 {
                        findings.push(Finding {
                            file: link.file.clone(),
                            problem: Problem::ChainGap {
                                after: 0,
                                next: link.seq,
                            },
                        });
                    } else if link.prev.is_some() {
                        findings.push(Finding {
                            file: link.file.clone(),
                            problem: Problem::ChainStart,
                        });
                    }
                }
                Some(prev) if prev.seq == link.seq => findings.push(Finding {
                    file: link.file.clone(),
                    problem: Problem::ChainFork { seq: link.seq },
                }),
                Some(prev) => {
                    if link.seq != prev.seq + 1 {
                        findings.push(Finding {
                            file: link.file.clone(),
                            problem: Problem::ChainGap {
                                after: prev.seq,
                                next: link.seq,
                            },
                        });
                    } else if link.prev.as_deref() != Some(prev.hash.as_str()) {
                        findings.push(Finding {
                            file: link.file.clone(),
                            problem: Problem::ChainBroken { seq: link.seq },
                        });
                    }
                }
            }
            previous = Some(link);
        }
    }
}

/// Every file under `dir`, except version control and locks.
fn walk(base: &Path, dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), StoreError> {
    let entries = fs::read_dir(dir).map_err(|source| StoreError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let name = entry.file_name();
        if dir == base && (name == ".git" || name == ".locks") {
            continue;
        }
        // The type comes with the directory listing: no stat per file.
        let is_dir = match entry.file_type() {
            Ok(t) if t.is_symlink() => path.is_dir(),
            Ok(t) => t.is_dir(),
            Err(_) => path.is_dir(),
        };
        if is_dir {
            walk(base, &path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Checks one record on its own — signature, signer, role, norm snapshot —
/// as `show` reports it. Its place in the chain needs the whole store: use
/// [`verify`] for that.
pub fn check_one(
    store: &Store,
    keyring: &Keyring,
    file: &RecordFile,
) -> Result<(Record, Vec<Problem>), Problem> {
    let bytes = fs::read(&file.path).map_err(|e| Problem::Unreadable(e.to_string()))?;
    let record = std::str::from_utf8(&bytes)
        .map_err(|e| e.to_string())
        .and_then(|t| Record::from_toml(t).map_err(|e| e.message().to_owned()))
        .map_err(Problem::Malformed)?;
    let mut problems = Vec::new();
    let snapshot = store
        .norms_dir()
        .join(format!("{}.toml", record.norm.sha256));
    match fs::read(&snapshot) {
        Ok(b) if Sha256Hex::of(&b).as_str() == record.norm.sha256 => {}
        Ok(_) => problems.push(Problem::NormAltered),
        Err(_) => problems.push(Problem::NormMissing {
            sha256: record.norm.sha256.clone(),
        }),
    }
    match prepare_signature(
        &file.path,
        &bytes,
        &record.head(),
        keyring,
        &mut HashMap::new(),
    ) {
        Ok(Some((message, signature, key))) => {
            if key.verify_strict(&message, &signature).is_err() {
                problems.push(Problem::BadSignature);
            }
        }
        Ok(None) => {}
        Err(p) => problems.push(p),
    }
    Ok((record, problems))
}

/// Names every file that is not where a store keeps it: interrupted writes,
/// stray files, signatures without files and files without signatures.
/// Returns how many keyring entries there are.
// Store file names are written by this program in lower case; a `.TOML`
// file is not one of them and is reported as stray.
#[allow(clippy::case_sensitive_file_extension_comparisons)]
fn account_for_files(
    base: &Path,
    all: &[PathBuf],
    present: &HashSet<&Path>,
    findings: &mut Vec<Finding>,
) -> usize {
    let mut note = |path: &Path, problem: Problem| {
        findings.push(Finding {
            file: relative(base, path),
            problem,
        });
    };
    let mut keyring_files = 0;
    for path in all {
        let rel = relative(base, path);
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.starts_with(TEMP_PREFIX) {
            note(path, Problem::IncompleteWrite);
            continue;
        }
        let parts: Vec<&str> = rel.split('/').collect();
        let expected = match parts.as_slice() {
            [CONFIG_FILE | "store.toml.sig" | ".gitignore"] => true,
            ["keyring", f] => {
                if f.ends_with(".toml") {
                    keyring_files += 1;
                }
                f.ends_with(".toml") || f.ends_with(".toml.sig")
            }
            ["norms", f] => f.ends_with(".toml"),
            ["records" | "signals", _, f] => f.ends_with(".toml") || f.ends_with(".toml.sig"),
            _ => false,
        };
        if !expected {
            note(path, Problem::StrayFile);
        } else if let Some(file) = name.strip_suffix(".sig") {
            if !present.contains(path.with_file_name(file).as_path()) {
                note(path, Problem::OrphanSignature);
            }
        } else if name.ends_with(".toml")
            && parts[0] != "norms"
            && !present.contains(sig_path(path).as_path())
        {
            note(path, Problem::Unsigned);
        }
    }
    keyring_files
}

/// The norm copies in `norms/`, parsed, by sha256; copies whose bytes do
/// not hash to their name are findings. Returns them and how many there are.
fn read_snapshots(
    base: &Path,
    norms_dir: &Path,
    all: &[PathBuf],
    findings: &mut Vec<Finding>,
) -> (HashMap<String, Option<Norm>>, usize) {
    let mut count = 0;
    let mut snapshots: HashMap<String, Option<Norm>> = HashMap::new();
    // Interrupted writes were reported above and are no snapshots.
    let is_temp = |p: &Path| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(TEMP_PREFIX))
    };
    for path in all
        .iter()
        .filter(|p| p.parent() == Some(norms_dir) && !is_temp(p))
    {
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        count += 1;
        match fs::read(path) {
            Ok(bytes) if Sha256Hex::of(&bytes).as_str() == stem => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let norm = parse_snapshot(&super::source::SourceFile::new(stem, text));
                snapshots.insert(stem.to_owned(), norm);
            }
            Ok(_) => findings.push(Finding {
                file: relative(base, path),
                problem: Problem::NormAltered,
            }),
            Err(e) => findings.push(Finding {
                file: relative(base, path),
                problem: Problem::Unreadable(e.to_string()),
            }),
        }
    }
    (snapshots, count)
}

/// Checks every signal: signed in its own namespace by a keyring member
/// valid at the moment it was made, who is the author it names and lives
/// in that author's directory. Returns how many there are.
fn check_signals(
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
        if let Err(problem) = check_signal(path, keyring) {
            findings.push(Finding {
                file: relative(base, path),
                problem,
            });
        }
    }
    count
}

fn check_signal(path: &Path, keyring: &Keyring) -> Result<(), Problem> {
    let bytes = fs::read(path).map_err(|e| Problem::Unreadable(e.to_string()))?;
    let signal: Signal = std::str::from_utf8(&bytes)
        .map_err(|e| e.to_string())
        .and_then(|t| toml::from_str(t).map_err(|e: toml::de::Error| e.message().to_owned()))
        .map_err(Problem::Malformed)?;
    let dir_principal = path
        .parent()
        .and_then(Path::file_name)
        .and_then(|n| n.to_str());
    let file_id = path.file_stem().and_then(|n| n.to_str());
    if dir_principal != Some(signal.author.principal.as_str())
        || file_id != Some(signal.id.as_str())
    {
        return Err(Problem::NameMismatch);
    }
    let armored =
        fs::read_to_string(sig_path(path)).map_err(|e| Problem::Unreadable(e.to_string()))?;
    let sig = keys::parse_signature(&armored).ok_or(Problem::BadSignature)?;
    if sig.namespace() != Namespace::Signal.as_str() {
        return Err(Problem::WrongNamespace {
            found: sig.namespace().to_owned(),
        });
    }
    let key = ssh_key::PublicKey::from(sig.public_key().clone());
    let fingerprint = Fingerprint::of(&key);
    if fingerprint.as_str() != signal.author.key {
        return Err(Problem::KeyMismatch);
    }
    let Some(grant) = keyring.grant_for_key(&fingerprint, signal.created) else {
        return Err(if keyring.any_grant_for_key(&fingerprint).is_some() {
            Problem::SignerNotValidThen
        } else {
            Problem::SignerUnknown
        });
    };
    if grant.principal != signal.author.principal || grant.name != signal.author.name {
        return Err(Problem::AuthorMismatch);
    }
    if grant.role != signal.author.role {
        return Err(Problem::RoleNotGiven {
            claimed: signal.author.role.clone(),
            given: grant.role.clone(),
        });
    }
    if keys::verify(&key, Namespace::Signal, &bytes, &sig) {
        Ok(())
    } else {
        Err(Problem::BadSignature)
    }
}
