//! Reading what the store holds, for the commands that list, export and
//! report: records with a filter, signals. Files that cannot be read are
//! counted, not hidden; `verify` says what is wrong with them.

use std::fs;

use jiff::civil::Date;

use super::{Store, StoreError, relative};
use crate::domain::record::Record;
use crate::domain::signal::Signal;

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
}

impl RecordFilter {
    fn keeps(&self, record: &Record) -> bool {
        self.author
            .as_ref()
            .is_none_or(|a| *a == record.author.principal)
            && self.norm.as_ref().is_none_or(|n| *n == record.norm.id)
            && self.from.is_none_or(|d| record.decision_date >= d)
            && self.to.is_none_or(|d| record.decision_date <= d)
    }
}

/// A record as read from the store, with its file relative to the store.
#[derive(Debug, Clone)]
pub struct StoredRecord {
    pub record: Record,
    pub file: String,
}

/// What a read found: the items, oldest first, and how many files could
/// not be read.
#[derive(Debug, Clone)]
pub struct Found<T> {
    pub items: Vec<T>,
    pub unreadable: usize,
}

impl Store {
    /// The records that pass `filter`, oldest first (by signing time, then
    /// author and sequence number).
    pub fn records(&self, filter: &RecordFilter) -> Result<Found<StoredRecord>, StoreError> {
        let mut items = Vec::new();
        let mut unreadable = 0;
        for file in self.record_files()? {
            if filter.author.as_ref().is_some_and(|a| *a != file.principal) {
                continue;
            }
            let parsed = fs::read_to_string(&file.path)
                .ok()
                .and_then(|t| Record::from_toml(&t).ok());
            match parsed {
                Some(record) if filter.keeps(&record) => items.push(StoredRecord {
                    record,
                    file: relative(self.dir(), &file.path),
                }),
                Some(_) => {}
                None => unreadable += 1,
            }
        }
        items.sort_by(|a, b| {
            let key = |r: &Record| (r.created, r.author.principal.clone(), r.seq);
            key(&a.record).cmp(&key(&b.record))
        });
        Ok(Found { items, unreadable })
    }

    /// The signals, oldest first; with `norm`, only those about that norm.
    pub fn signals(&self, norm: Option<&str>) -> Result<Found<Signal>, StoreError> {
        let mut items = Vec::new();
        let mut unreadable = 0;
        for path in self.signal_files()? {
            let parsed = fs::read_to_string(&path)
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
