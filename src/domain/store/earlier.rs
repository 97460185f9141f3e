//! Earlier decisions towards a norm's totals, as `new` and the
//! walkthrough count them: found through the index, then read again from
//! their signed files, checked, and told their story — only decisions
//! still in force or waiting for review count.

use std::collections::HashSet;

use jiff::Timestamp;
use jiff::civil::Date;

use super::acts::Ledger;
use super::{Store, StoreError, StoreState, StoredRecord};
use crate::domain::lifecycle::Status;
use crate::domain::norm::Norm;
use crate::domain::norm::total::Scope;
use crate::domain::number::Decimal;
use crate::domain::record::Record;
use crate::domain::totals::{Counted, case_key, earlier};

/// What earlier decisions came to for one total, and which they were.
#[derive(Debug, Clone, PartialEq)]
pub struct Earlier {
    pub total: String,
    pub amount: Decimal,
    /// The ids of the decisions counted, oldest first.
    pub decisions: Vec<String>,
}

/// Whether a decision with this status counts towards totals: it is in
/// force, was, or may yet be.
pub fn counts(status: Status) -> bool {
    matches!(
        status,
        Status::Decided | Status::ForReview | Status::Approved | Status::Expired
    )
}

impl Store {
    /// For each of `norm`'s totals, what the decisions in the store come
    /// to that count together with a decision for `case` dated `on`,
    /// signed by `author` `now` (told as they stand `today`): the
    /// decisions signed before it, and the author's own signed in the same
    /// second.
    pub fn earlier_totals(
        &self,
        state: &StoreState,
        norm: &Norm,
        (case, on): (&str, Date),
        (author, now, today): (&str, Timestamp, Date),
    ) -> Result<Vec<Earlier>, StoreError> {
        if norm.totals.is_empty() {
            return Ok(Vec::new());
        }
        let this = Counted {
            id: String::new(),
            case_key: case_key(case),
            norm: norm.id.as_str().into(),
            decision_date: on,
            created: now,
            author: author.into(),
            // After everything the author signed before.
            seq: u64::MAX,
            numbers: Vec::new(),
        };
        let mut counted = self.counted_towards(state, &[(norm, this)], today)?;
        Ok(counted.pop().unwrap_or_default())
    }

    /// For each of `norm`'s totals, what the decisions in the store as it
    /// is now come to that count together with `record`, signed before it
    /// and holding `today`: what a reviewer weighs against what the record
    /// states, which may miss a colleague's decision signed elsewhere just
    /// before it.
    pub fn recount(
        &self,
        state: &StoreState,
        norm: &Norm,
        record: &Record,
        today: Date,
    ) -> Result<Vec<Earlier>, StoreError> {
        let mut counted = self.recount_all(state, &[(norm, record)], today)?;
        Ok(counted.pop().unwrap_or_default())
    }

    /// [`Self::recount`] for each of `records` with its norm, the store
    /// read once for them all.
    pub fn recount_all(
        &self,
        state: &StoreState,
        records: &[(&Norm, &Record)],
        today: Date,
    ) -> Result<Vec<Vec<Earlier>>, StoreError> {
        let asked: Vec<(&Norm, Counted)> = records
            .iter()
            .map(|(norm, record)| (*norm, Counted::of(record)))
            .collect();
        self.counted_towards(state, &asked, today)
    }

    /// For each `(norm, this)` asked, for each of `norm`'s totals, what
    /// the decisions in the store come to that count towards it for
    /// `this`, told as they stand `today`.
    fn counted_towards(
        &self,
        state: &StoreState,
        asked: &[(&Norm, Counted)],
        today: Date,
    ) -> Result<Vec<Vec<Earlier>>, StoreError> {
        if asked.iter().all(|(norm, _)| norm.totals.is_empty()) {
            return Ok(vec![Vec::new(); asked.len()]);
        }
        // A case's own decisions, the team's on the norms a team total
        // counts, and any revision (which may end one of them).
        let cases: HashSet<&str> = asked
            .iter()
            .map(|(_, this)| this.case_key.as_str())
            .collect();
        let team: HashSet<&str> = asked
            .iter()
            .flat_map(|(norm, _)| &norm.totals)
            .filter(|t| t.per == Scope::Team)
            .flat_map(|t| t.norms.iter().map(String::as_str))
            .collect();
        let index = self
            .index(&|case, norm, revises| revises || cases.contains(case) || team.contains(norm))?;
        let wanted: HashSet<&str> = index
            .records
            .iter()
            .filter(|r| {
                asked
                    .iter()
                    .any(|(norm, this)| norm.totals.iter().any(|t| r.counted.counts_for(t, this)))
            })
            .map(|r| r.counted.id.as_str())
            .collect();
        // The candidates, and the records that revise them, read again.
        let files: Vec<&str> = index
            .records
            .iter()
            .filter(|r| {
                wanted.contains(r.counted.id.as_str())
                    || r.revises.as_deref().is_some_and(|id| wanted.contains(id))
            })
            .map(|r| r.file.as_str())
            .collect();
        let records: Vec<StoredRecord> = files
            .iter()
            .filter_map(|f| self.checked(state, f))
            .collect();
        let about = |acts: &[(String, String)]| -> Vec<std::path::PathBuf> {
            acts.iter()
                .filter(|(_, id)| wanted.contains(id.as_str()))
                .map(|(file, _)| self.dir().join(file))
                .collect()
        };
        let acts = self.acts_in(state, &about(&index.reviews), &about(&index.withdrawals));
        let ledger = Ledger::new(self, state, &acts, &records);
        let mut counting: Vec<(Counted, &Record)> = records
            .iter()
            .filter(|s| wanted.contains(s.record.id.as_str()))
            .filter(|s| counts(ledger.story(s, today).life.status))
            .map(|s| (Counted::of(&s.record), &s.record))
            .collect();
        counting.sort_by_key(|(c, _)| c.created);
        Ok(asked
            .iter()
            .map(|(norm, this)| {
                norm.totals
                    .iter()
                    .map(|total| Earlier {
                        total: total.id.clone(),
                        amount: earlier(total, this, counting.iter().map(|(c, _)| c)),
                        decisions: counting
                            .iter()
                            .filter(|(c, _)| c.counts_for(total, this))
                            .map(|(_, r)| r.id.clone())
                            .collect(),
                    })
                    .collect()
            })
            .collect())
    }

    /// The record in `file` (relative to the store), when it reads and
    /// its signature holds.
    pub(super) fn checked(&self, state: &StoreState, file: &str) -> Option<StoredRecord> {
        let path = self.dir().join(file);
        let (record, problems) =
            crate::domain::verify::check_one(self, &state.keyring, &path).ok()?;
        if !problems.is_empty() {
            return None;
        }
        let bytes =
            crate::domain::fsread::read(&path, crate::domain::fsread::limit::SIGNED_FILE).ok()?;
        Some(StoredRecord {
            record,
            file: file.to_owned(),
            sha256: Record::link(&bytes),
        })
    }
}
