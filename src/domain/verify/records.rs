//! Records, checked in parallel: each file's name, its norm snapshot, its
//! signer, and (batched) its signature. The chain links they carry are
//! collected for [`super::chains`].

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use ed25519_dalek::{Signature, VerifyingKey};
use ssh_key::SshSig;

use super::chains::Link;
use super::signer::{Claim, check_signer};
use super::{Finding, FindingKind};
use crate::domain::keyring::Keyring;
use crate::domain::keys::{self, Namespace};
use crate::domain::norm::Norm;
use crate::domain::record::{Record, RecordHead};
use crate::domain::source::Sha256Hex;
use crate::domain::store::{RecordFile, Store, relative, sig_path};

/// What one worker found, and the chain links it read.
type ChunkResult = (Vec<Finding>, Vec<(String, Link)>);

pub struct Checked {
    pub findings: Vec<Finding>,
    pub chains: BTreeMap<String, Vec<Link>>,
}

/// A record whose signature still has to be checked cryptographically.
struct Pending {
    index: usize,
    message: Vec<u8>,
    signature: Signature,
    key: VerifyingKey,
}

/// Checks `files` on all cores. `progress(done, total)` is called from this
/// thread now and then.
pub fn check_records(
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
        let mut fail = |kind| findings.push(Finding::new(&rel, kind));
        let bytes = match fs::read(&file.path) {
            Ok(b) => b,
            Err(e) => {
                fail(FindingKind::Unreadable(e.to_string()));
                continue;
            }
        };
        let record = match std::str::from_utf8(&bytes)
            .map_err(|e| e.to_string())
            .and_then(|t| RecordHead::parse(t).map_err(|e| e.message().to_owned()))
        {
            Ok(r) => r,
            Err(what) => {
                fail(FindingKind::Malformed(what));
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
            fail(FindingKind::NameMismatch);
        }
        if let Err(kind) = check_norm(&record, snapshots) {
            fail(kind);
        }
        match prepare_signature(&file.path, &bytes, &record, keyring, &mut keys) {
            Ok(Some((message, signature, key))) => pending.push(Pending {
                index,
                message,
                signature,
                key,
            }),
            Ok(None) => {}
            Err(kind) => fail(kind),
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
                    findings.push(Finding::new(
                        relative(base, &files[p.index].path),
                        FindingKind::BadSignature,
                    ));
                }
            }
        }
    }
    done.fetch_add(files.len() % 64, Ordering::Relaxed);
    (findings, links)
}

/// The snapshot (already known to hash to its name) must be the norm the
/// record names, in force on the decision date.
fn check_norm(
    record: &RecordHead,
    snapshots: &HashMap<String, Option<Norm>>,
) -> Result<(), FindingKind> {
    let Some(snapshot) = snapshots.get(&record.norm.sha256) else {
        return Err(FindingKind::NormMissing {
            sha256: record.norm.sha256.clone(),
        });
    };
    match snapshot {
        Some(norm) if norm.id == record.norm.id && norm.version == record.norm.version => norm
            .usability(record.decision_date)
            .map_err(FindingKind::NormNotInForce),
        _ => Err(FindingKind::NormMismatch),
    }
}

/// Everything about a record's signature except the cryptography, which is
/// batched. `Ok(None)` when the signature was already verified here.
fn prepare_signature(
    path: &Path,
    bytes: &[u8],
    record: &RecordHead,
    keyring: &Keyring,
    keys: &mut HashMap<[u8; 32], VerifyingKey>,
) -> Result<Option<(Vec<u8>, Signature, VerifyingKey)>, FindingKind> {
    let armored =
        fs::read_to_string(sig_path(path)).map_err(|e| FindingKind::Unreadable(e.to_string()))?;
    let claim = Claim {
        author: &record.author,
        at: record.created,
        namespace: Namespace::Record,
    };
    let signed = check_signer(&armored, &claim, keyring)?;
    let sig = &signed.sig;
    let Some(ed) = sig.public_key().ed25519() else {
        return Err(FindingKind::SignerUnknown);
    };
    if !sig.reserved().is_empty() {
        // Valid SSHSIG that batching cannot express: check it here.
        return if keys::verify(&signed.key, Namespace::Record, bytes, sig) {
            Ok(None)
        } else {
            Err(FindingKind::BadSignature)
        };
    }
    let message = SshSig::signed_data(sig.namespace(), sig.hash_alg(), bytes)
        .map_err(|_| FindingKind::BadSignature)?;
    let signature =
        Signature::from_slice(sig.signature_bytes()).map_err(|_| FindingKind::BadSignature)?;
    let key = if let Some(key) = keys.get(&ed.0) {
        *key
    } else {
        let key = VerifyingKey::try_from(ed).map_err(|_| FindingKind::BadSignature)?;
        keys.insert(ed.0, key);
        key
    };
    Ok(Some((message, signature, key)))
}

/// Checks one record on its own — signature, signer, role, norm snapshot —
/// as `show` reports it. Its place in the chain needs the whole store: use
/// [`super::verify`] for that.
pub fn check_one(
    store: &Store,
    keyring: &Keyring,
    file: &RecordFile,
) -> Result<(Record, Vec<FindingKind>), FindingKind> {
    let bytes = fs::read(&file.path).map_err(|e| FindingKind::Unreadable(e.to_string()))?;
    let record = std::str::from_utf8(&bytes)
        .map_err(|e| e.to_string())
        .and_then(|t| Record::from_toml(t).map_err(|e| e.message().to_owned()))
        .map_err(FindingKind::Malformed)?;
    let mut problems = Vec::new();
    let snapshot = store
        .norms_dir()
        .join(format!("{}.toml", record.norm.sha256));
    match fs::read(&snapshot) {
        Ok(b) if Sha256Hex::of(&b).as_str() == record.norm.sha256 => {}
        Ok(_) => problems.push(FindingKind::NormAltered),
        Err(_) => problems.push(FindingKind::NormMissing {
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
                problems.push(FindingKind::BadSignature);
            }
        }
        Ok(None) => {}
        Err(kind) => problems.push(kind),
    }
    Ok((record, problems))
}
