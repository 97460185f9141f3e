//! One block of records: each file read within its limit and parsed whole,
//! its name, its signer and the histories it names, the adoption of its
//! norm, everything it claims re-derived, and (batched) its signature. The
//! chain links go back to [`super::schedule`], which walks the chains.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Mutex;

use ed25519_dalek::{Signature, VerifyingKey};
use jiff::Timestamp;
use ssh_key::SshSig;

use super::chains::Link;
use super::signer::{Claim, Signed, check_signer};
use super::{Finding, FindingKind, derive};
use crate::domain::adoption::Adoptions;
use crate::domain::fsread::{self, limit};
use crate::domain::history::History;
use crate::domain::keyring::Keyring;
use crate::domain::keys::{self, Namespace};
use crate::domain::norm::Norm;
use crate::domain::record::{Record, RecordFormat, canonical};
use crate::domain::source::Sha256Bytes;
use crate::domain::store::device::chain_principal;
use crate::domain::store::files::{CompactId, is_id};
use crate::domain::store::{Store, relative, sig_path};

/// What checking a record needs from the rest of the store.
pub struct Context<'a> {
    pub base: &'a Path,
    pub keyring: &'a Keyring,
    pub adoptions: &'a Adoptions,
    /// The norms kept in the store, by sha256 (`None`: not a valid norm).
    pub snapshots: &'a HashMap<String, Option<Norm>>,
    pub window_days: u32,
    /// From this moment on files must name their histories.
    pub upgraded: Option<Timestamp>,
    /// The verifying machine's clock.
    pub now: Timestamp,
    /// The norm copies records of the old format name, gathered here.
    pub legacy_norms: &'a Mutex<HashSet<String>>,
    /// The records reviews and withdrawals are about …
    pub wanted: &'a HashSet<CompactId>,
    /// … gathered here as the records are checked …
    pub captured: &'a Mutex<super::stories::Captures>,
    /// … with every record that revises another.
    pub revisions: &'a Mutex<Vec<crate::domain::store::StoredRecord>>,
    /// Every record that extends another.
    pub extensions: &'a Mutex<Vec<(String, Record)>>,
    /// The norms whose decisions some total counts …
    pub total_norms: &'a HashSet<String>,
    /// … and those decisions, gathered here.
    pub counted: &'a Mutex<super::totals::Counting>,
    /// What the checkpoints witnessed …
    pub witnessed: &'a super::witness::Witnessed,
    /// … and where each chain stands against them, gathered here.
    pub chains: &'a Mutex<Vec<super::witness::ChainState>>,
    /// The signed draws, done again as every record is offered to them.
    pub draws: &'a [Mutex<crate::domain::sample::Redo>],
    /// Records whose own checks were done before and found nothing
    /// ([`super::verify_proven`]).
    pub proven: &'a super::Proven,
}

/// A record file as its name gives it.
#[derive(Debug, Clone, Copy)]
pub struct RecordName {
    pub seq: u64,
    pub id: CompactId,
}

impl RecordName {
    /// `000042-MW-….toml` → 42 and the id.
    pub fn parse(stem: &str) -> Option<Self> {
        let (seq, id) = stem.split_once('-')?;
        if seq.len() < 6 || !seq.bytes().all(|b| b.is_ascii_digit()) || !is_id("MW", id) {
            return None;
        }
        let name = Self {
            seq: seq.parse().ok()?,
            id: CompactId::new(id)?,
        };
        // Only the name this program writes: `0000010-…` would be read as
        // `000010-…`, another file.
        (name.file().strip_suffix(".toml") == Some(stem)).then_some(name)
    }

    pub fn file(&self) -> String {
        format!("{:06}-{}.toml", self.seq, self.id)
    }
}

/// The file of `author`'s record number `seq` with `id`, in the store.
pub fn record_file(author: &str, seq: u64, id: &CompactId) -> String {
    format!("records/{author}/{seq:06}-{id}.toml")
}

/// A record whose signature still has to be checked cryptographically.
struct Pending {
    file: String,
    message: Vec<u8>,
    signature: Signature,
    key: VerifyingKey,
}

/// Checks `names`, consecutive records of `author`, into `findings` and
/// their chain `links`.
pub(super) fn check_block(
    cx: &Context<'_>,
    author: &str,
    names: &[RecordName],
    findings: &mut Vec<Finding>,
    links: &mut Vec<Link>,
) {
    let path = cx.base.join("records").join(author);
    let dir = match fsread::Dir::open(&path) {
        Ok(dir) => dir,
        Err(e) => {
            let kind = read_problem(e);
            findings.extend(
                names
                    .iter()
                    .map(|n| Finding::new(relative(cx.base, &path.join(n.file())), kind.clone())),
            );
            return;
        }
    };
    let mut pending = Vec::new();
    // Few signers, many records: decompress each key once.
    let mut keys: HashMap<[u8; 32], VerifyingKey> = HashMap::new();
    let (mut bytes, mut sig) = (Vec::new(), Vec::new());
    for name in names {
        let file = name.file();
        let rel = format!("records/{author}/{file}");
        match check_record(
            cx,
            author,
            name,
            &dir,
            (&file, &rel),
            &mut keys,
            (&mut bytes, &mut sig),
        ) {
            Err(kind) => findings.push(Finding::new(rel, kind)),
            Ok(checked) => {
                findings.extend(checked.findings.into_iter().map(|k| Finding::new(&rel, k)));
                if let Some((message, signature, key)) = checked.pending {
                    pending.push(Pending {
                        file: rel,
                        message,
                        signature,
                        key,
                    });
                }
                links.push(checked.link);
            }
        }
    }
    // Batch verification; when a batch fails, find the culprits one by one.
    for batch in pending.chunks(super::schedule::BLOCK) {
        let messages: Vec<&[u8]> = batch.iter().map(|p| p.message.as_slice()).collect();
        let signatures: Vec<Signature> = batch.iter().map(|p| p.signature).collect();
        let keys: Vec<VerifyingKey> = batch.iter().map(|p| p.key).collect();
        if ed25519_dalek::verify_batch(&messages, &signatures, &keys).is_err() {
            for p in batch {
                if p.key.verify_strict(&p.message, &p.signature).is_err() {
                    findings.push(Finding::new(&p.file, FindingKind::BadSignature));
                }
            }
        }
    }
}

/// One record checked, but for its signature's cryptography when that can
/// be batched.
struct Checked {
    findings: Vec<FindingKind>,
    pending: Option<(Vec<u8>, Signature, VerifyingKey)>,
    link: Link,
}

/// Reads and parses one record: what its findings are, its link in the
/// chain; `Err` when it cannot be read or parsed at all.
fn check_record(
    cx: &Context<'_>,
    author: &str,
    name: &RecordName,
    dir: &fsread::Dir,
    (file, rel): (&str, &str),
    keys: &mut HashMap<[u8; 32], VerifyingKey>,
    buffers: (&mut Vec<u8>, &mut Vec<u8>),
) -> Result<Checked, FindingKind> {
    let (bytes, sig) = buffers;
    dir.read_into(file, limit::SIGNED_FILE, bytes)
        .map_err(read_problem)?;
    let text = std::str::from_utf8(bytes).map_err(|e| FindingKind::Malformed(e.to_string()))?;
    dir.read_into(&format!("{file}.sig"), limit::SIGNATURE, sig)
        .map_err(read_problem)?;
    let armored = std::str::from_utf8(sig).map_err(|e| FindingKind::Unreadable(e.to_string()))?;
    let file = Read {
        rel,
        bytes,
        armored,
    };
    // Records in the form this program writes are read fast, by a reader
    // that reads them as any TOML reader would and leaves nothing unread;
    // others by the TOML parser. Either way a record must be, byte for
    // byte, what this program writes for what it says: a comment, a line
    // verify does not read, a string or number in another of TOML's forms
    // (`"412.3500"`, a literal string) has no place in a signed record.
    let record = match canonical::parse(text) {
        Some(record) => record,
        None => {
            Record::from_toml(text).map_err(|e| FindingKind::Malformed(e.message().to_owned()))?
        }
    };
    let mut checked = check_parsed(cx, author, name, &file, &record, keys);
    if !cx.proven.contains(rel) && record.to_toml().ok().as_deref() != Some(text) {
        checked.findings.push(FindingKind::NotAsWritten);
    }
    Ok(checked)
}

/// A record file and its signature as read.
struct Read<'a> {
    /// Its path in the store.
    rel: &'a str,
    bytes: &'a [u8],
    armored: &'a str,
}

fn check_parsed(
    cx: &Context<'_>,
    author: &str,
    name: &RecordName,
    file: &Read<'_>,
    record: &Record,
    keys: &mut HashMap<[u8; 32], VerifyingKey>,
) -> Checked {
    let (bytes, armored) = (file.bytes, file.armored);
    let sha256 = Sha256Bytes::of(bytes);
    let link = link_of(file.rel, record, &sha256);
    let named = record.seq == name.seq
        && record.id == name.id.as_str()
        && chain_principal(author) == Some(record.author.principal.as_str());
    capture(cx, (file.rel, named), record, (&link.hash, &sha256));
    let mut findings = Vec::new();
    let mut pending = None;
    if !named {
        findings.push(FindingKind::NameMismatch);
    }
    let Some(format) = RecordFormat::of(&record.format) else {
        findings.push(FindingKind::UnknownFormat {
            found: record.format.clone(),
        });
        return Checked {
            findings,
            pending,
            link,
        };
    };
    let v2 = format.names_histories();
    if !v2 {
        super::schedule::lock(cx.legacy_norms).insert(record.norm.sha256.clone());
    }
    findings.extend(check_time(cx, record));
    let under = record.signed_under();
    if v2 && under.is_none() {
        findings.push(FindingKind::Malformed(
            "keyring and adoptions missing".into(),
        ));
    }
    if under.as_ref().is_some_and(padded_heads) {
        findings.push(FindingKind::NotAsWritten);
    }
    if cx.proven.contains(file.rel) {
        return Checked {
            findings,
            pending,
            link,
        };
    }
    let claim = Claim {
        author: &record.author,
        at: record.created,
        namespace: Namespace::Record,
        keyring: under.as_ref().map(|u| u.keyring.as_slice()),
    };
    let grant = match check_signer(armored, &claim, cx.keyring) {
        Ok(signed) => {
            let grant = signed.grant;
            match batchable(&signed, bytes, keys) {
                Ok(Some(p)) => pending = Some(p),
                Ok(None) => {}
                Err(kind) => findings.push(kind),
            }
            Some(grant)
        }
        Err(kind) => {
            findings.push(kind);
            None
        }
    };
    if let Some(norm) = norm_of(cx, record, &mut findings) {
        findings.extend(check_adoption(
            cx,
            record,
            norm,
            under.as_ref().map(|u| u.adoptions.as_slice()),
        ));
        if let Some(grant) = grant {
            findings.extend(derive::rederive(
                record,
                norm,
                &record.norm.sha256,
                grant,
                cx.window_days,
            ));
        }
    }
    Checked {
        findings,
        pending,
        link,
    }
}

/// The norm `record` relied on: kept in the store, and the one it names.
fn norm_of<'c>(
    cx: &Context<'c>,
    record: &Record,
    findings: &mut Vec<FindingKind>,
) -> Option<&'c Norm> {
    match cx.snapshots.get(&record.norm.sha256) {
        None => {
            findings.push(FindingKind::NormMissing {
                sha256: record.norm.sha256.clone(),
            });
            None
        }
        Some(Some(norm)) if norm.id == record.norm.id && norm.version == record.norm.version => {
            Some(norm)
        }
        Some(_) => {
            findings.push(FindingKind::NormMismatch);
            None
        }
    }
}

/// Whether the heads a record names are padded: this program names each
/// head once, and a store has few at a time.
fn padded_heads(under: &crate::domain::record::SignedUnder) -> bool {
    [&under.keyring, &under.adoptions]
        .iter()
        .any(|heads| heads.len() > 64 || (1..heads.len()).any(|i| heads[..i].contains(&heads[i])))
}

/// Keeps `record` when reviews or withdrawals are about it, or when it
/// revises another: their stories are told once every record is checked.
/// `record`'s link in its author's chain, read from `file`.
fn link_of(file: &str, record: &Record, sha256: &Sha256Bytes) -> Link {
    Link {
        file: file.to_owned(),
        seq: record.seq,
        id: record.id.clone(),
        prev: record.prev.clone(),
        hash: sha256.link(),
        created: record.created,
        generation: RecordFormat::of(&record.format).map_or(1, RecordFormat::generation),
    }
}

/// A record not `named` as its author, number and id say is no record of
/// that id: the acts about it are told with the one that is, and it counts
/// in no total.
fn capture(
    cx: &Context<'_>,
    (file, named): (&str, bool),
    record: &Record,
    (link, sha256): (&str, &Sha256Bytes),
) {
    for draw in cx.draws {
        super::schedule::lock(draw).offer(record);
    }
    if let Some(id) = CompactId::new(&record.id).filter(|id| named && cx.wanted.contains(id)) {
        super::schedule::lock(cx.captured).take(id, file, record, *sha256);
    }
    // Kept until every record is read: only what their stories need (their
    // words are checked already).
    let briefed = || {
        let mut record = record.clone();
        crate::domain::store::brief(&mut record);
        record
    };
    if record.revises.is_some() {
        super::schedule::lock(cx.revisions).push(crate::domain::store::StoredRecord {
            record: briefed(),
            file: file.to_owned(),
            sha256: link.to_owned(),
        });
    }
    if record.extends.is_some() {
        super::schedule::lock(cx.extensions).push((file.to_owned(), briefed()));
    }
    if named && cx.total_norms.contains(&record.norm.id) {
        super::schedule::lock(cx.counted).take(file, record);
    }
}

/// The record's own times: its id carries the day it was signed, and it
/// was not signed after the verifying machine's clock.
fn check_time(cx: &Context<'_>, record: &Record) -> Vec<FindingKind> {
    let mut findings = Vec::new();
    let date = record.created.to_zoned(jiff::tz::TimeZone::UTC).date();
    let day = format!("{:04}{:02}{:02}", date.year(), date.month(), date.day());
    if record.id.get(3..11) != Some(day.as_str()) {
        findings.push(FindingKind::Contradicts { field: "id".into() });
    }
    if record.created > cx.now {
        findings.push(FindingKind::CreatedInFuture);
    }
    findings
}

/// Whether the record's norm was adopted in the store, seen by the record,
/// and in force on its decision date; or, for a record of the old format,
/// whether it was signed before the store named its histories.
fn check_adoption(
    cx: &Context<'_>,
    record: &Record,
    norm: &Norm,
    heads: Option<&[String]>,
) -> Vec<FindingKind> {
    let mut findings = Vec::new();
    let Some(heads) = heads else {
        if cx.upgraded.is_some_and(|at| record.created >= at) {
            findings.push(FindingKind::OldFormatAfterUpgrade);
        } else {
            findings.push(FindingKind::SignedBeforeAdoption);
        }
        if let Err(why) = norm.usability(record.decision_date) {
            findings.push(FindingKind::NormNotInForce(why));
        }
        return findings;
    };
    let history: &History = cx.adoptions.history();
    if let Some(missing) = heads.iter().find(|h| history.node(h).is_none()) {
        findings.push(FindingKind::HistoryMissing {
            hash: missing.clone(),
        });
    } else if history
        .latest(heads)
        .flatten()
        .is_some_and(|latest| latest > record.created)
    {
        findings.push(FindingKind::SignedBeforeItsHistory);
    }
    if let Err(why) =
        cx.adoptions
            .for_decision(&record.norm.sha256, record.decision_date, Some(heads))
    {
        findings.push(FindingKind::NormNotInForce(why));
    }
    findings
}

/// The message, signature and key to check in a batch; `Ok(None)` when
/// the signature was checked here already (a form batching cannot take).
fn batchable(
    signed: &Signed,
    bytes: &[u8],
    keys: &mut HashMap<[u8; 32], VerifyingKey>,
) -> Result<Option<(Vec<u8>, Signature, VerifyingKey)>, FindingKind> {
    let sig = &signed.sig;
    let Some(ed) = sig.public_key().ed25519() else {
        return Err(FindingKind::SignerUnknown);
    };
    if !sig.reserved().is_empty() {
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

/// A file that could not be read, as a finding.
pub fn read_problem(e: fsread::ReadError) -> FindingKind {
    match e {
        fsread::ReadError::NotAFile(kind) => FindingKind::NotARegularFile { kind },
        other => FindingKind::Unreadable(other.to_string()),
    }
}

/// Checks one record on its own — signature, signer, role, norm snapshot —
/// as `show` reports it. Its place in the chain and its adoption need the
/// whole store: use [`super::verify`] for those.
pub fn check_one(
    store: &Store,
    keyring: &Keyring,
    path: &Path,
) -> Result<(Record, Vec<FindingKind>), FindingKind> {
    let bytes = fsread::read(path, limit::SIGNED_FILE).map_err(read_problem)?;
    let record = std::str::from_utf8(&bytes)
        .map_err(|e| e.to_string())
        .and_then(|t| Record::from_toml(t).map_err(|e| e.message().to_owned()))
        .map_err(FindingKind::Malformed)?;
    let mut problems = Vec::new();
    match store.snapshot(&record.norm.sha256) {
        Some(_) => {}
        None => problems.push(FindingKind::NormMissing {
            sha256: record.norm.sha256.clone(),
        }),
    }
    let armored = fsread::read_text(&sig_path(path), limit::SIGNATURE).map_err(read_problem)?;
    let under = record.signed_under();
    let claim = Claim {
        author: &record.author,
        at: record.created,
        namespace: Namespace::Record,
        keyring: under.as_ref().map(|u| u.keyring.as_slice()),
    };
    match check_signer(&armored, &claim, keyring) {
        Ok(signed) => {
            if !keys::verify(&signed.key, Namespace::Record, &bytes, &signed.sig) {
                problems.push(FindingKind::BadSignature);
            }
        }
        Err(kind) => problems.push(kind),
    }
    Ok((record, problems))
}
