//! The store's index: for every record what totals over several decisions
//! need (case, norm, dates, numbers, what it revises), and for every
//! review and withdrawal the record it is about — so that `new` finds the
//! earlier decisions for a case without reading a hundred thousand files.
//!
//! It lives in `.index/` beside the store's files, is no part of the store
//! (git ignores it, verify skips it) and proves nothing: what `new` takes
//! from it, it reads again from the signed files and checks. It is brought
//! up to date on each use. A directory whose modification time is what the
//! index saw, and older than the moment it was listed by more than the
//! file system's clock can blur, is not listed again; any other directory
//! is, and only files the index does not know are read.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::read::{principal_dirs, toml_files};
use super::{Store, StoreError, files};
use crate::domain::fsread::{self, limit};
use crate::domain::number::{Decimal, from_record};
use crate::domain::record::{Record, canonical};
use crate::domain::review::{Review, Withdrawal};
use crate::domain::totals::Counted;

const FORMAT: &str = "maatwerk-index/1";
/// The index file, under the store.
pub const FILE: &str = ".index/records.tsv";
/// The most the index may hold before it is rebuilt in memory instead.
const MAX_BYTES: u64 = 512 * 1024 * 1024;
/// How far a directory's modification time may blur.
const SETTLE: Duration = Duration::from_secs(2);

/// A record as the index knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedRecord {
    /// Its file, relative to the store.
    pub file: String,
    pub counted: Counted,
    /// The record it revises.
    pub revises: Option<String>,
}

/// What the index holds: every record, and every review or withdrawal by
/// the record it is about (its file relative to the store).
#[derive(Debug, Default)]
pub struct Index {
    pub records: Vec<IndexedRecord>,
    pub reviews: Vec<(String, String)>,
    pub withdrawals: Vec<(String, String)>,
}

/// One directory as last listed.
#[derive(Debug, Default)]
struct DirState {
    modified: u128,
    entries: Vec<Entry>,
}

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
    /// The index, brought up to date with the store's files (and written
    /// back when anything changed and it can be).
    pub fn index(&self) -> Result<Index, StoreError> {
        let path = self.dir().join(FILE);
        // Read and written only in a directory of the store's own, never
        // through a link out of it.
        let own = matches!(
            fsread::kind(&self.dir().join(".index")),
            Ok(None | Some(fsread::Kind::Dir))
        );
        let (listed, mut dirs) = if own {
            read_index(&path)
        } else {
            (None, HashMap::new())
        };
        let now = SystemTime::now();
        let mut changed = false;
        let mut seen = HashSet::new();
        for kind in ["records", "reviews", "withdrawals"] {
            let top = self.dir().join(kind);
            for principal in principal_dirs(&top)? {
                let rel = format!("{kind}/{principal}");
                let dir = top.join(&principal);
                let modified = modified_ns(&dir);
                seen.insert(rel.clone());
                let settled =
                    listed.is_some_and(|at| modified.saturating_add(SETTLE.as_nanos()) < at);
                if let Some(state) = dirs.get(&rel)
                    && state.modified == modified
                    && settled
                {
                    continue;
                }
                let state = dirs.entry(rel.clone()).or_default();
                refresh(self.dir(), kind, &dir, &rel, state)?;
                state.modified = modified;
                // Listed now: written back, so the listing is not redone.
                changed = true;
            }
        }
        let before = dirs.len();
        dirs.retain(|rel, _| seen.contains(rel));
        changed |= dirs.len() != before;
        // An index that cannot be written is built again next time.
        if changed && own {
            let _ = files::replace(&path, write_index(now, &dirs).as_bytes());
        }
        Ok(gather(dirs))
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
    state: &mut DirState,
) -> Result<(), StoreError> {
    let names: Vec<String> = toml_files(dir)?
        .into_iter()
        .filter_map(|p| p.file_name()?.to_str().map(str::to_owned))
        .collect();
    let present: HashSet<String> = names.iter().map(|n| format!("{rel}/{n}")).collect();
    state.entries.retain(|e| present.contains(e.file()));
    let known: HashSet<String> = state.entries.iter().map(|e| e.file().to_owned()).collect();
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
            "records" => canonical::parse(text)
                .or_else(|| Record::from_toml(text).ok())
                .map(|r| Entry::Record(indexed(file, &r))),
            "reviews" => toml::from_str::<Review>(text)
                .ok()
                .map(|r| Entry::Act(file, r.record.id)),
            _ => toml::from_str::<Withdrawal>(text)
                .ok()
                .map(|w| Entry::Act(file, w.record.id)),
        };
        if let Some(entry) = entry {
            state.entries.push(entry);
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

fn gather(dirs: HashMap<String, DirState>) -> Index {
    let mut index = Index::default();
    for (rel, state) in dirs {
        for entry in state.entries {
            match entry {
                Entry::Record(r) => index.records.push(r),
                Entry::Act(file, about) if rel.starts_with("reviews/") => {
                    index.reviews.push((file, about));
                }
                Entry::Act(file, about) => index.withdrawals.push((file, about)),
            }
        }
    }
    index
}

/// The index file's text: a header with when it was listed, then each
/// directory and its entries, one per line, fields apart by tabs.
fn write_index(listed: SystemTime, dirs: &HashMap<String, DirState>) -> String {
    let at = listed
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut out = format!("{FORMAT}\t{at}\n");
    let mut names: Vec<&String> = dirs.keys().collect();
    names.sort();
    for rel in names {
        let state = &dirs[rel];
        let _ = writeln!(out, "d\t{rel}\t{}", state.modified);
        for entry in &state.entries {
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
                        "r\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        r.file,
                        c.id,
                        c.case_key,
                        c.norm,
                        c.decision_date,
                        c.created,
                        r.revises.as_deref().unwrap_or("-"),
                        numbers.join(";"),
                    );
                }
                Entry::Act(file, about) => {
                    let _ = writeln!(out, "a\t{file}\t{about}");
                }
            }
        }
    }
    out
}

/// The index as last written: when it was listed and its directories.
/// Nothing when it is missing, too large or not as this program writes it.
fn read_index(path: &Path) -> (Option<u128>, HashMap<String, DirState>) {
    let none = (None, HashMap::new());
    let Ok(bytes) = fsread::read(path, MAX_BYTES) else {
        return none;
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return none;
    };
    parse_index(text).unwrap_or(none)
}

fn parse_index(text: &str) -> Option<(Option<u128>, HashMap<String, DirState>)> {
    let mut lines = text.lines();
    let (format, at) = lines.next()?.split_once('\t')?;
    if format != FORMAT {
        return None;
    }
    let listed = at.parse().ok()?;
    let mut dirs: HashMap<String, DirState> = HashMap::new();
    let mut current: Option<String> = None;
    for line in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            ["d", rel, modified] => {
                dirs.insert(
                    (*rel).to_owned(),
                    DirState {
                        modified: modified.parse().ok()?,
                        entries: Vec::new(),
                    },
                );
                current = Some((*rel).to_owned());
            }
            ["r", file, id, case, norm, date, created, revises, numbers] => {
                let numbers = numbers
                    .split(';')
                    .filter(|n| !n.is_empty())
                    .map(|n| {
                        let (id, value) = n.split_once('=')?;
                        Some((id.to_owned(), from_record(value)?))
                    })
                    .collect::<Option<Vec<(String, Decimal)>>>()?;
                let record = IndexedRecord {
                    file: (*file).to_owned(),
                    counted: Counted {
                        id: (*id).to_owned(),
                        case_key: (*case).to_owned(),
                        norm: (*norm).to_owned(),
                        decision_date: date.parse().ok()?,
                        created: created.parse().ok()?,
                        numbers,
                    },
                    revises: (*revises != "-").then(|| (*revises).to_owned()),
                };
                dirs.get_mut(current.as_ref()?)?
                    .entries
                    .push(Entry::Record(record));
            }
            ["a", file, about] => {
                dirs.get_mut(current.as_ref()?)?
                    .entries
                    .push(Entry::Act((*file).to_owned(), (*about).to_owned()));
            }
            _ => return None,
        }
    }
    Some((Some(listed), dirs))
}
