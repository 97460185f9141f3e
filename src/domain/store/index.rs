//! The store's index: for every record what totals over several decisions
//! need (case, norm, dates, numbers, what it revises), and for every
//! review and withdrawal the record it is about — so that `new` finds the
//! earlier decisions for a case without reading a hundred thousand files.
//!
//! It lives in `.index/` beside the store's files, one file for each
//! directory of records, reviews or withdrawals; it is no part of the store
//! (git ignores it, verify skips it) and proves nothing: what `new` takes
//! from it, it reads again from the signed files and checks. It is brought
//! up to date on each use. A directory whose modification time is what the
//! index saw, and older than the moment it was listed by more than the
//! file system's clock can blur, is not listed again, and of its records
//! only those asked for are read whole; any other directory is listed
//! again, only files the index does not know are read, and its index file
//! is written anew.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::device::chain_principal;
use super::read::{chain_dirs, toml_files};
use super::{Store, StoreError, files};
use crate::domain::fsread::{self, limit};
use crate::domain::number::{Decimal, from_record};
use crate::domain::record::Record;
use crate::domain::review::{Review, Withdrawal};
use crate::domain::totals::{Counted, Names};

const FORMAT: &str = "maatwerk-index/3";
/// The index's directory, under the store: one file for each directory
/// of records, reviews or withdrawals.
pub const DIR: &str = ".index";
/// The most one index file may hold before it is built again instead.
const MAX_BYTES: u64 = 256 * 1024 * 1024;
/// How far a directory's modification time may blur.
const SETTLE: Duration = Duration::from_secs(2);
/// The store's directories the index covers.
const KINDS: [&str; 3] = ["records", "reviews", "withdrawals"];

/// A record as the index knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedRecord {
    /// Its file, relative to the store.
    pub file: String,
    pub counted: Counted,
    /// The record it revises.
    pub revises: Option<String>,
}

/// What the index holds: the records asked for, and every review or
/// withdrawal by the record it is about (its file relative to the store).
#[derive(Debug, Default)]
pub struct Index {
    pub records: Vec<IndexedRecord>,
    pub reviews: Vec<(String, String)>,
    pub withdrawals: Vec<(String, String)>,
}

/// Which records to take from the index, by case key, norm id and whether
/// the record revises another: decided before the rest of its line is read.
pub type Wanted<'a> = &'a dyn Fn(&str, &str, bool) -> bool;

#[derive(Debug, Clone)]
enum Entry {
    Record(IndexedRecord),
    /// A review or withdrawal: its file and the record it is about.
    Act(String, String),
}

impl Entry {
    fn file(&self) -> &str {
        match self {
            Self::Record(r) => &r.file,
            Self::Act(file, _) => file,
        }
    }
}

impl Store {
    /// The index, brought up to date with the store's files, with the
    /// records `wanted` keeps. A directory's index file is read as far as
    /// needed while the directory is unchanged; otherwise the directory is
    /// listed again and its file written back, when it can be.
    pub fn index(&self, wanted: Wanted<'_>) -> Result<Index, StoreError> {
        let base = self.dir().join(DIR);
        // Read and written only in directories of the store's own, never
        // through a link out of it.
        let own = |dir: &Path| matches!(fsread::kind(dir), Ok(None | Some(fsread::Kind::Dir)));
        let own_base = own(&base);
        if own_base {
            // The single file of release 0.5's first builds.
            let old = base.join("records.tsv");
            if matches!(fsread::kind(&old), Ok(Some(fsread::Kind::File))) {
                let _ = std::fs::remove_file(old);
            }
        }
        let now = SystemTime::now();
        let mut index = Index::default();
        for kind in KINDS {
            let top = self.dir().join(kind);
            let at = base.join(kind);
            let writable = own_base && own(&at);
            for principal in chain_dirs(&top)? {
                let rel = format!("{kind}/{principal}");
                let dir = top.join(&principal);
                let modified = modified_ns(&dir);
                let path = at.join(format!("{principal}.tsv"));
                let text = if writable {
                    read_text(&path, &dir)
                } else {
                    None
                };
                let body = text.as_deref().and_then(|t| body(t, modified));
                if let Some(body) = body
                    && take(kind, body, wanted, &mut index).is_some()
                {
                    continue;
                }
                let mut entries = text
                    .as_deref()
                    .and_then(|t| t.split_once('\n'))
                    .and_then(|(_, lines)| parse_entries(lines))
                    .unwrap_or_default();
                refresh(self.dir(), kind, &dir, &rel, &mut entries)?;
                if writable {
                    // An index that cannot be written is built again next time.
                    let text = write_entries(now, modified, &entries);
                    let _ = files::replace(&path, text.as_bytes());
                }
                gather(kind, entries, wanted, &mut index);
            }
        }
        Ok(index)
    }
}

/// The directory's modification time in nanoseconds; 0 when unknown (then
/// it is always listed).
fn modified_ns(dir: &Path) -> u128 {
    std::fs::symlink_metadata(dir)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

/// Lists `dir` again: reads the files the index does not know, forgets
/// those that are gone.
fn refresh(
    base: &Path,
    kind: &str,
    dir: &Path,
    rel: &str,
    entries: &mut Vec<Entry>,
) -> Result<(), StoreError> {
    let names: Vec<String> = toml_files(dir)?
        .into_iter()
        .filter_map(|p| p.file_name()?.to_str().map(str::to_owned))
        .collect();
    let present: HashSet<String> = names.iter().map(|n| format!("{rel}/{n}")).collect();
    entries.retain(|e| present.contains(e.file()));
    let known: HashSet<String> = entries.iter().map(|e| e.file().to_owned()).collect();
    for name in names {
        let file = format!("{rel}/{name}");
        if known.contains(&file) {
            continue;
        }
        let Ok(bytes) = fsread::read(&base.join(&file), limit::SIGNED_FILE) else {
            continue;
        };
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let entry = match kind {
            "records" => Record::read(text).map(|r| Entry::Record(indexed(file, &r))),
            "reviews" => toml::from_str::<Review>(text)
                .ok()
                .map(|r| Entry::Act(file, r.record.id)),
            _ => toml::from_str::<Withdrawal>(text)
                .ok()
                .map(|w| Entry::Act(file, w.record.id)),
        };
        if let Some(entry) = entry {
            entries.push(entry);
        }
    }
    Ok(())
}

/// What the index keeps of `record`.
pub fn indexed(file: String, record: &Record) -> IndexedRecord {
    IndexedRecord {
        file,
        counted: Counted::of(record),
        revises: record.revises.clone(),
    }
}

/// The entries of one directory of `kind` into `index`, the records as
/// far as `wanted` keeps them.
fn gather(kind: &str, entries: Vec<Entry>, wanted: Wanted<'_>, index: &mut Index) {
    for entry in entries {
        match entry {
            Entry::Record(r) => {
                let c = &r.counted;
                if wanted(&c.case_key, &c.norm, r.revises.is_some()) {
                    index.records.push(r);
                }
            }
            Entry::Act(file, about) if kind == "reviews" => index.reviews.push((file, about)),
            Entry::Act(file, about) => index.withdrawals.push((file, about)),
        }
    }
}

/// One directory's index file: a header with when it was listed and the
/// directory's modification time then, then its entries, one per line,
/// fields apart by tabs.
fn write_entries(listed: SystemTime, modified: u128, entries: &[Entry]) -> String {
    let at = listed
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut out = format!("{FORMAT}\t{at}\t{modified}\n");
    for entry in entries {
        match entry {
            Entry::Record(r) => {
                let c = &r.counted;
                let numbers: Vec<String> = c
                    .numbers
                    .iter()
                    .map(|(id, n)| format!("{id}={n}"))
                    .collect();
                let _ = writeln!(
                    out,
                    "r\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    c.case_key,
                    c.norm,
                    r.revises.as_deref().unwrap_or("-"),
                    r.file,
                    c.id,
                    c.decision_date,
                    c.created,
                    c.author,
                    c.seq,
                    numbers.join(";"),
                );
            }
            Entry::Act(file, about) => {
                let _ = writeln!(out, "a\t{file}\t{about}");
            }
        }
    }
    out
}

/// An index file's text, when it is there, not too large and UTF-8.
/// The index file at `path` for `dir`, when it could be that directory's:
/// a large one no larger than the directory's files can make it, with no
/// more lines than it has files (besides the header), so an index planted
/// beside an empty directory is never taken in.
fn read_text(path: &Path, dir: &Path) -> Option<String> {
    const SMALL: u64 = 64 * 1024;
    // A line is far shorter than this, whatever the record holds.
    const LINE: u64 = 4096;
    let size = std::fs::symlink_metadata(path).ok()?.len();
    let files = if size > SMALL {
        Some(fsread::count(dir, ".toml"))
    } else {
        None
    };
    let cap = files.map_or(SMALL, |n| {
        (n as u64 + 1).saturating_mul(LINE).min(MAX_BYTES)
    });
    let bytes = fsread::read(path, cap).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    files
        .is_none_or(|n| text.lines().count() <= n + 1)
        .then_some(text)
}

/// The entries of an index file whose directory is unchanged since it was
/// listed (`modified` now as then, and then long enough before listing
/// that no change in the same instant went unseen).
fn body(text: &str, modified: u128) -> Option<&str> {
    let (header, body) = text.split_once('\n')?;
    let mut fields = header.split('\t');
    if fields.next()? != FORMAT {
        return None;
    }
    let listed: u128 = fields.next()?.parse().ok()?;
    let then: u128 = fields.next()?.parse().ok()?;
    (then == modified && modified.saturating_add(SETTLE.as_nanos()) < listed).then_some(body)
}

/// The entries of an unchanged directory of `kind` into `index`: each
/// record's line read whole only when `wanted` keeps it. `None` when a
/// line is not as this program writes it (then the directory is listed
/// again).
fn take(kind: &str, body: &str, wanted: Wanted<'_>, index: &mut Index) -> Option<()> {
    let mut records = Vec::new();
    let mut acts = Vec::new();
    let mut names = Names::default();
    for line in body.lines() {
        if let Some(rest) = line.strip_prefix("r\t") {
            let mut fields = rest.splitn(4, '\t');
            let (case, norm, revises) = (fields.next()?, fields.next()?, fields.next()?);
            fields.next()?;
            if wanted(case, norm, revises != "-") {
                records.push(record_line(rest, &mut names)?);
            }
        } else {
            let (file, about) = line.strip_prefix("a\t")?.split_once('\t')?;
            acts.push((file.to_owned(), about.to_owned()));
        }
    }
    index.records.append(&mut records);
    if kind == "reviews" {
        index.reviews.append(&mut acts);
    } else {
        index.withdrawals.append(&mut acts);
    }
    Some(())
}

/// Every entry of an index file's lines; `None` when one is not as this
/// program writes it.
fn parse_entries(lines: &str) -> Option<Vec<Entry>> {
    let mut names = Names::default();
    lines
        .lines()
        .map(|line| {
            if let Some(rest) = line.strip_prefix("r\t") {
                record_line(rest, &mut names).map(Entry::Record)
            } else {
                let (file, about) = line.strip_prefix("a\t")?.split_once('\t')?;
                Some(Entry::Act(file.to_owned(), about.to_owned()))
            }
        })
        .collect()
}

/// A record's line after its `r`; its names shared through `names`.
fn record_line(rest: &str, names: &mut Names) -> Option<IndexedRecord> {
    let fields: Vec<&str> = rest.split('\t').collect();
    let [
        case,
        norm,
        revises,
        file,
        id,
        date,
        created,
        author,
        seq,
        numbers,
    ] = fields.as_slice()
    else {
        return None;
    };
    let numbers = numbers
        .split(';')
        .filter(|n| !n.is_empty())
        .map(|n| {
            let (id, value) = n.split_once('=')?;
            Some((names.get(id), from_record(value)?))
        })
        .collect::<Option<Vec<(std::sync::Arc<str>, Decimal)>>>()?;
    // Only a record file of the store's own, under its author and id: an
    // index line never points out of the store.
    let (chain, name) = file.strip_prefix("records/")?.split_once('/')?;
    if chain_principal(chain) != Some(*author) {
        return None;
    }
    let (number, named_id) = name.strip_suffix(".toml")?.split_once('-')?;
    if named_id != *id
        || number.parse::<u64>().ok()? != seq.parse::<u64>().ok()?
        || name.contains('/')
    {
        return None;
    }
    Some(IndexedRecord {
        file: (*file).to_owned(),
        counted: Counted {
            id: (*id).to_owned(),
            case_key: (*case).to_owned(),
            norm: names.get(norm),
            decision_date: date.parse().ok()?,
            created: created.parse().ok()?,
            author: names.get(author),
            seq: seq.parse().ok()?,
            numbers,
        },
        revises: (*revises != "-").then(|| (*revises).to_owned()),
    })
}
