//! Reading what the store holds: its description, the keyring, the
//! adoptions, the norm snapshots, records with a filter and signals — for
//! the commands that sign, list, export and report. Every read goes through
//! [`fsread`]: no link is followed, no special file opened, no file read
//! beyond its kind's size. Files that cannot be read are counted, not
//! hidden; `verify` says what is wrong with them.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::device::chain_principal;
use super::{
    CONFIG_FILE, RecordFile, Store, StoreConfig, StoreError, read_error, relative, sig_path,
};
use crate::domain::adoption::{self, Adoption, Adoptions, SignedAdoption};
use crate::domain::fsread::{self, Kind, limit};
use crate::domain::keyring::{Keyring, KeyringEntry, SignedEntry, is_principal};
use crate::domain::norm::Norm;
use crate::domain::norm::parse::parse_snapshot;
use crate::domain::record::Record;
use crate::domain::signal::Signal;
use crate::domain::source::{Sha256Hex, SourceFile};
use crate::domain::totals::case_key;

/// Which records to read; every field left `None` lets all through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordFilter {
    /// Only records by this principal.
    pub author: Option<String>,
    /// Only records relying on this norm id.
    pub norm: Option<String>,
    /// Only decisions dated on or after this date.
    pub from: Option<Date>,
    /// Only decisions dated on or before this date.
    pub to: Option<Date>,
    /// Only records for this case reference, compared as totals compare
    /// them: `Z-2026-0001` finds `z 2026/1`.
    pub case: Option<String>,
    /// Keep only what a listing needs: the motivation, the evidence and
    /// the words of questions and text answers are left out, so a store of
    /// a hundred thousand records is listed in little memory.
    pub brief: bool,
}

/// `record` without its motivation, evidence and texts: what lists and
/// statuses need (numbers and choices stay, for the mandaat).
pub(crate) fn brief(record: &mut Record) {
    record.motivation = crate::domain::record::Motivation::default();
    record.evidence = Vec::new();
    for check in &mut record.checks {
        check.question = String::new();
        if let crate::domain::record::Answer::Text(text) = &mut check.answer
            && text.len() > 64
        {
            *text = String::new();
        }
    }
}

impl RecordFilter {
    /// Whether it keeps `record`; a case as totals compare it
    /// ([`case_key`]), so `Z-2026-0001` finds `z 2026/1`.
    pub(crate) fn keeps(&self, record: &Record) -> bool {
        self.author
            .as_ref()
            .is_none_or(|a| *a == record.author.principal)
            && self.norm.as_ref().is_none_or(|n| *n == record.norm.id)
            && self.from.is_none_or(|d| record.decision_date >= d)
            && self.to.is_none_or(|d| record.decision_date <= d)
            && self
                .case
                .as_ref()
                .is_none_or(|c| case_key(&record.case) == case_key(c))
    }
}

impl RecordFilter {
    /// Whether it keeps `signal`: by author, the norm tried, the case (as
    /// totals compare it) and the day it was signed (UTC).
    pub(crate) fn keeps_signal(&self, signal: &Signal) -> bool {
        let day = signal.created.to_zoned(jiff::tz::TimeZone::UTC).date();
        self.author
            .as_ref()
            .is_none_or(|a| *a == signal.author.principal)
            && self
                .norm
                .as_ref()
                .is_none_or(|n| signal.norm.as_ref().is_some_and(|t| t.id == *n))
            && self.from.is_none_or(|d| day >= d)
            && self.to.is_none_or(|d| day <= d)
            && self
                .case
                .as_ref()
                .is_none_or(|c| case_key(&signal.case) == case_key(c))
    }
}

/// A record as read from the store, with its file relative to the store.
#[derive(Debug, Clone)]
pub struct StoredRecord {
    pub record: Record,
    pub file: String,
    /// `sha256:` of its exact bytes, as reviews name it.
    pub sha256: String,
}

/// What a read found: the items, oldest first, and how many files could
/// not be read.
#[derive(Debug, Clone)]
pub struct Found<T> {
    pub items: Vec<T>,
    pub unreadable: usize,
}

/// Signed files read from one directory, and those that could not be read
/// with why.
pub type SignedFiles<T> = (Vec<T>, Vec<(PathBuf, String)>);

/// The regular `*.toml` files directly in `dir`, sorted; none when it does
/// not exist (or is not a directory).
// Store file names are written by this program in lower case.
#[allow(clippy::case_sensitive_file_extension_comparisons)]
pub(crate) fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    if fsread::kind(dir).map_err(|e| read_error(dir, e.into()))? != Some(Kind::Dir) {
        return Ok(Vec::new());
    }
    Ok(fsread::list(dir)
        .map_err(|e| read_error(dir, e.into()))?
        .into_iter()
        .filter(|(_, kind)| *kind == Kind::File)
        .filter_map(|(name, _)| name.into_string().ok())
        .filter(|name| !name.starts_with('.') && name.ends_with(".toml"))
        .map(|name| dir.join(name))
        .collect())
}

/// The subdirectories of `dir` named like principals, sorted.
pub(super) fn principal_dirs(dir: &Path) -> Result<Vec<String>, StoreError> {
    named_dirs(dir, is_principal)
}

/// The subdirectories of `dir` that hold a chain: named like a principal,
/// or a principal and a device (`anna@…+k7p2q9x3`), sorted.
pub(super) fn chain_dirs(dir: &Path) -> Result<Vec<String>, StoreError> {
    named_dirs(dir, |name| chain_principal(name).is_some())
}

fn named_dirs(dir: &Path, accept: impl Fn(&str) -> bool) -> Result<Vec<String>, StoreError> {
    if fsread::kind(dir).map_err(|e| read_error(dir, e.into()))? != Some(Kind::Dir) {
        return Ok(Vec::new());
    }
    Ok(fsread::list(dir)
        .map_err(|e| read_error(dir, e.into()))?
        .into_iter()
        .filter(|(_, kind)| *kind == Kind::Dir)
        .filter_map(|(name, _)| name.into_string().ok())
        .filter(|name| accept(name))
        .collect())
}

/// A signed file and its signature, parsed as `T`.
fn read_signed<T: serde::de::DeserializeOwned>(
    path: &Path,
    max: u64,
) -> Result<(T, Vec<u8>, String), String> {
    let bytes = fsread::read(path, max).map_err(|e| e.to_string())?;
    let signature =
        fsread::read_text(&sig_path(path), limit::SIGNATURE).map_err(|e| e.to_string())?;
    let text = std::str::from_utf8(&bytes).map_err(|e| e.to_string())?;
    let value = toml::from_str(text).map_err(|e: toml::de::Error| e.message().to_owned())?;
    Ok((value, bytes, signature))
}

impl Store {
    /// The store's own description.
    pub fn config(&self) -> Result<StoreConfig, StoreError> {
        let path = self.dir.join(CONFIG_FILE);
        let text = fsread::read_text(&path, limit::SMALL_FILE).map_err(|e| read_error(&path, e))?;
        toml::from_str(&text).map_err(|e| StoreError::Corrupt {
            path,
            what: e.message().to_owned(),
        })
    }

    /// Every keyring entry with its signature; files that cannot be read or
    /// parsed are returned separately with what is wrong.
    pub fn keyring_entries(&self) -> Result<SignedFiles<SignedEntry>, StoreError> {
        let mut entries = Vec::new();
        let mut bad = Vec::new();
        for path in toml_files(&self.keyring_dir())? {
            match read_signed::<KeyringEntry>(&path, limit::SMALL_FILE) {
                Ok((entry, bytes, signature)) => entries.push(SignedEntry {
                    file: relative(&self.dir, &path),
                    entry,
                    bytes,
                    signature,
                }),
                Err(what) => bad.push((path, what)),
            }
        }
        Ok((entries, bad))
    }

    pub fn keyring(&self) -> Result<Keyring, StoreError> {
        Ok(Keyring::build(&self.keyring_entries()?.0))
    }

    /// Every adoption file with its signature, and those that could not be
    /// read with why.
    pub fn adoption_files(&self) -> Result<SignedFiles<SignedAdoption>, StoreError> {
        let mut files = Vec::new();
        let mut bad = Vec::new();
        for path in toml_files(&self.adoptions_dir())? {
            match read_signed::<Adoption>(&path, limit::SIGNED_FILE) {
                Ok((adoption, bytes, signature)) => files.push(SignedAdoption {
                    file: relative(&self.dir, &path),
                    adoption,
                    bytes,
                    signature,
                }),
                Err(what) => bad.push((path, what)),
            }
        }
        Ok((files, bad))
    }

    /// The norm kept under `sha256`: `None` when there is none (or its
    /// bytes do not hash to its name), `Some(None)` when it is no valid norm.
    pub fn snapshot(&self, sha256: &str) -> Option<Option<Norm>> {
        if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let path = self.norms_dir().join(format!("{sha256}.toml"));
        let bytes = fsread::read(&path, limit::NORM).ok()?;
        if Sha256Hex::of(&bytes).as_str() != sha256 {
            return None;
        }
        let text = String::from_utf8(bytes).ok()?;
        Some(parse_snapshot(&SourceFile::new(sha256, text)))
    }

    /// The source of the norm kept under `sha256`, as a norm file read from
    /// the store.
    pub fn snapshot_source(&self, sha256: &str) -> Option<SourceFile> {
        let path = self.norms_dir().join(format!("{sha256}.toml"));
        let text = fsread::read_text(&path, limit::NORM).ok()?;
        let source = SourceFile::new(format!("store:norms/{sha256}.toml"), text);
        (source.sha256().as_str() == sha256).then_some(source)
    }

    /// The store's adoptions, checked against `keyring` and the kept norms.
    pub fn adoptions(
        &self,
        keyring: &Keyring,
        config: &StoreConfig,
    ) -> Result<Adoptions, StoreError> {
        let cache: RefCell<HashMap<String, Option<Option<Norm>>>> = RefCell::default();
        let snapshots = |sha: &str| {
            cache
                .borrow_mut()
                .entry(sha.to_owned())
                .or_insert_with(|| self.snapshot(sha))
                .clone()
        };
        let cx = adoption::Context {
            keyring,
            roles: &config.roles,
            adopters: &config.adopters,
            snapshots: &snapshots,
        };
        Ok(Adoptions::build(&self.adoption_files()?.0, &cx))
    }

    /// The record files of one author, on every device.
    pub fn record_files_of(&self, principal: &str) -> Result<Vec<RecordFile>, StoreError> {
        if !is_principal(principal) {
            return Ok(Vec::new());
        }
        let mut all = Vec::new();
        for chain in chain_dirs(&self.records_dir())? {
            if chain_principal(&chain) == Some(principal) {
                all.extend(self.record_files_in(&chain)?);
            }
        }
        Ok(all)
    }

    /// The record files of one chain's directory.
    fn record_files_in(&self, chain: &str) -> Result<Vec<RecordFile>, StoreError> {
        let records_dir = self.records_dir();
        Ok(toml_files(&records_dir.join(chain))?
            .into_iter()
            .filter_map(|path| RecordFile::from_path(&records_dir, &path))
            .collect())
    }

    /// Every record file, by author and device.
    pub fn record_files(&self) -> Result<Vec<RecordFile>, StoreError> {
        let mut all = Vec::new();
        for chain in chain_dirs(&self.records_dir())? {
            all.extend(self.record_files_in(&chain)?);
        }
        Ok(all)
    }

    /// The file of the record with `id`.
    pub fn find_record(&self, id: &str) -> Result<Option<RecordFile>, StoreError> {
        Ok(self.record_files()?.into_iter().find(|f| f.id == id))
    }

    /// Every signal file (the `.toml`), by author then id.
    pub fn signal_files(&self) -> Result<Vec<PathBuf>, StoreError> {
        let dir = self.signals_dir();
        let mut out = Vec::new();
        for author in principal_dirs(&dir)? {
            out.extend(toml_files(&dir.join(author))?);
        }
        Ok(out)
    }

    /// The records that pass `filter`, oldest first (by signing time, then
    /// author and sequence number). Authors are read on all cores, each
    /// one's files opened relative to their directory.
    pub fn records(&self, filter: &RecordFilter) -> Result<Found<StoredRecord>, StoreError> {
        self.records_where(filter, &|_| true)
    }

    /// As [`Self::records`], keeping only the records `keep` says to, as
    /// they are read: what is not kept is never held.
    pub fn records_where(
        &self,
        filter: &RecordFilter,
        keep: &(dyn Fn(&StoredRecord) -> bool + Sync),
    ) -> Result<Found<StoredRecord>, StoreError> {
        let records_dir = self.records_dir();
        let authors: Vec<String> = chain_dirs(&records_dir)?
            .into_iter()
            .filter(|a| {
                filter
                    .author
                    .as_ref()
                    .is_none_or(|f| Some(f.as_str()) == chain_principal(a))
            })
            .collect();
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .clamp(1, 8);
        let next = std::sync::atomic::AtomicUsize::new(0);
        let read_some = || {
            let mut found = Found {
                items: Vec::new(),
                unreadable: 0,
            };
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(author) = authors.get(i) else {
                    return Ok::<_, StoreError>(found);
                };
                self.read_author(&records_dir, author, (filter, keep), &mut found)?;
            }
        };
        let parts: Vec<Result<Found<StoredRecord>, StoreError>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads).map(|_| scope.spawn(read_some)).collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join().unwrap_or_else(|_| {
                        Err(StoreError::Corrupt {
                            path: records_dir.clone(),
                            what: "a reader stopped".into(),
                        })
                    })
                })
                .collect()
        });
        let mut items = Vec::new();
        let mut unreadable = 0;
        for part in parts {
            let part = part?;
            items.extend(part.items);
            unreadable += part.unreadable;
        }
        items.sort_by(|a: &StoredRecord, b: &StoredRecord| {
            let (a, b) = (&a.record, &b.record);
            (a.created, &a.author.principal, a.seq).cmp(&(b.created, &b.author.principal, b.seq))
        });
        Ok(Found { items, unreadable })
    }

    /// The records of `author` that pass `filter`, into `found`.
    fn read_author(
        &self,
        records_dir: &Path,
        author: &str,
        (filter, keep): (&RecordFilter, &(dyn Fn(&StoredRecord) -> bool + Sync)),
        found: &mut Found<StoredRecord>,
    ) -> Result<(), StoreError> {
        let path = records_dir.join(author);
        let files: Vec<RecordFile> = toml_files(&path)?
            .into_iter()
            .filter_map(|p| RecordFile::from_path(records_dir, &p))
            .collect();
        let Ok(dir) = fsread::Dir::open(&path) else {
            found.unreadable += files.len();
            return Ok(());
        };
        let mut bytes = Vec::new();
        for file in files {
            match read_record(&dir, &file, &mut bytes) {
                Some(mut record) if filter.keeps(&record) => {
                    if filter.brief {
                        brief(&mut record);
                    }
                    let stored = StoredRecord {
                        record,
                        file: relative(self.dir(), &file.path),
                        sha256: Record::link(&bytes),
                    };
                    if keep(&stored) {
                        found.items.push(stored);
                    }
                }
                Some(_) => {}
                None => found.unreadable += 1,
            }
        }
        Ok(())
    }

    /// The signals that `filter` keeps, oldest first.
    pub fn signals_where(&self, filter: &RecordFilter) -> Result<Vec<Signal>, StoreError> {
        let mut found = self.signals(filter.norm.as_deref())?.items;
        found.retain(|s| filter.keeps_signal(s));
        Ok(found)
    }

    /// The signals, oldest first; with `norm`, only those about that norm.
    pub fn signals(&self, norm: Option<&str>) -> Result<Found<Signal>, StoreError> {
        let mut items = Vec::new();
        let mut unreadable = 0;
        for path in self.signal_files()? {
            let parsed = fsread::read_text(&path, limit::SIGNED_FILE)
                .ok()
                .and_then(|t| toml::from_str::<Signal>(&t).ok());
            match parsed {
                Some(s) if norm.is_none_or(|n| s.norm.as_ref().is_some_and(|t| t.id == n)) => {
                    items.push(s);
                }
                Some(_) => {}
                None => unreadable += 1,
            }
        }
        items.sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
        Ok(Found { items, unreadable })
    }
}

/// The record in `file`, read from its author's directory `dir` into
/// `bytes` (within the size limit, never through a link); `None` when it
/// does not read as a record.
pub(super) fn read_record(
    dir: &fsread::Dir,
    file: &RecordFile,
    bytes: &mut Vec<u8>,
) -> Option<Record> {
    let name = format!("{:06}-{}.toml", file.seq, file.id);
    dir.read_into(&name, limit::SIGNED_FILE, bytes).ok()?;
    let text = std::str::from_utf8(bytes).ok()?;
    Record::read(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_filter_keeps_what_it_names() {
        let text = include_str!(
            "../../../tests/fixtures/stores/v0.1/store/records/anna@gemeente.example/000001-MW-20261123-7X43KCZ4.toml"
        );
        let record = Record::from_toml(text).unwrap();
        assert!(RecordFilter::default().keeps(&record));
        let by = |author: &str| RecordFilter {
            author: Some(author.into()),
            ..RecordFilter::default()
        };
        assert!(by("anna@gemeente.example").keeps(&record));
        assert!(!by("tom@gemeente.example").keeps(&record));
        let dated = |from, to| RecordFilter {
            from,
            to,
            ..RecordFilter::default()
        };
        assert!(dated(Some(date(2026, 11, 23)), Some(date(2026, 11, 23))).keeps(&record));
        assert!(!dated(Some(date(2026, 11, 24)), None).keeps(&record));
        assert!(!dated(None, Some(date(2026, 11, 22))).keeps(&record));
        let norm = RecordFilter {
            norm: Some("wmo-huishoudelijke-hulp-extra-uren".into()),
            ..RecordFilter::default()
        };
        assert!(!norm.keeps(&record));
    }
}
