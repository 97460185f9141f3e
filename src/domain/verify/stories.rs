//! The story of every decision an act or a revision is about, told once
//! every record is read (`lifecycle::story`): an act counts only if it
//! could be signed at that moment — by someone whose role reaches the role
//! the record needs, not its author, about the record's exact bytes, while
//! the decision was still open — and each one that does not count is a
//! finding. The decision is read again from where the record pass found
//! it, the acts from where [`super::acts`] held them, each only if its
//! bytes are those checked.

use std::collections::HashMap;

use super::acts::{Acts, Held, changed};
use super::records::{Context, read_problem, record_file};
use super::{Finding, FindingKind};
use crate::domain::fsread::{self, limit};
use crate::domain::lifecycle::{self, ReviewAct, Revision, WithdrawalAct};
use crate::domain::record::Record;
use crate::domain::review::{Review, Withdrawal};
use crate::domain::source::Sha256Bytes;
use crate::domain::store::files::CompactId;
use crate::domain::totals::NameTable;

/// The records the acts are about, where the record pass found them and
/// the hash of the bytes checked there; each read again when its story is
/// told, so that a store's reviewed records are never all held at once.
/// Held in a few words each: a file's name is made again from its author,
/// number and id.
#[derive(Debug, Default)]
pub struct Captures {
    /// Sorted by id once every record is read ([`Captures::settle`]).
    found: Vec<Captured>,
    authors: NameTable,
    /// Files not at the name their author, number and id give (their own
    /// check finds that), by those three.
    odd: HashMap<(CompactId, u32, u64), Box<str>>,
}

/// Where one record the acts are about was found.
#[derive(Debug, Clone, Copy)]
pub struct Captured {
    id: CompactId,
    author: u32,
    seq: u64,
    /// The hash of its bytes.
    pub sha256: Sha256Bytes,
}

impl Captured {
    fn key(&self) -> (CompactId, u32, u64) {
        (self.id, self.author, self.seq)
    }
}

impl Captures {
    /// Makes room for `more` records.
    pub fn reserve(&mut self, more: usize) {
        self.found.reserve_exact(more);
    }

    /// Notes `record`, read from `file`, as found.
    pub fn take(&mut self, id: CompactId, file: &str, record: &Record, sha256: Sha256Bytes) {
        let captured = Captured {
            id,
            author: self.authors.place(&record.author.principal),
            seq: record.seq,
            sha256,
        };
        self.found.push(captured);
        if self.file(&captured) != file {
            self.odd.insert(captured.key(), file.into());
        }
    }

    /// Once every record is read: sorted by id, the first found of an id
    /// the one its story is told of.
    pub fn settle(&mut self) {
        self.found.sort_by_key(|c| c.id);
        self.found.dedup_by_key(|c| c.id);
    }

    /// Where the record `id` was found ([`Captures::settle`] first).
    pub fn get(&self, id: &CompactId) -> Option<Captured> {
        let at = self.found.binary_search_by_key(id, |c| c.id).ok()?;
        self.found.get(at).copied()
    }

    /// Keeps only the records `keep` wants.
    pub fn retain(&mut self, keep: impl Fn(&CompactId) -> bool) {
        self.found.retain(|c| keep(&c.id));
        self.found.shrink_to_fit();
        self.odd.retain(|(id, _, _), _| keep(id));
    }

    /// The file `captured` was found in.
    pub fn file(&self, captured: &Captured) -> String {
        match self.odd.get(&captured.key()) {
            Some(file) => file.to_string(),
            None => record_file(
                self.authors.name(captured.author),
                captured.seq,
                &captured.id,
            ),
        }
    }

    /// The record read again, without its words (its story needs none),
    /// if its bytes are still those the record pass checked.
    pub fn load(&self, cx: &Context<'_>, captured: &Captured) -> Result<Record, FindingKind> {
        let file = self.file(captured);
        let bytes = fsread::read(&cx.base.join(file), limit::SIGNED_FILE).map_err(read_problem)?;
        if Sha256Bytes::of(&bytes) != captured.sha256 {
            return Err(changed());
        }
        let text =
            std::str::from_utf8(&bytes).map_err(|e| FindingKind::Malformed(e.to_string()))?;
        let mut record = Record::read(text)
            .ok_or_else(|| FindingKind::Malformed("the record no longer reads".into()))?;
        crate::domain::store::brief(&mut record);
        Ok(record)
    }
}

/// Tells the story of every record an act or a revision is about; a
/// finding for each act that does not count.
pub fn check_stories(
    cx: &Context<'_>,
    acts: &Acts,
    captured: &Captures,
    revisions: &[crate::domain::store::StoredRecord],
    findings: &mut Vec<Finding>,
) {
    let mut reviews: Vec<&Held> = acts.reviews.iter().collect();
    reviews.sort_by_key(|h| h.about);
    let mut withdrawals: Vec<&Held> = acts.withdrawals.iter().collect();
    withdrawals.sort_by_key(|h| h.about);
    let about_one = |sorted: &'_ [&Held], id: CompactId| -> std::ops::Range<usize> {
        let from = sorted.partition_point(|h| h.about < id);
        from..from + sorted[from..].partition_point(|h| h.about == id)
    };
    let mut revised: HashMap<CompactId, Vec<Revision<'_>>> = HashMap::new();
    for crate::domain::store::StoredRecord { file, record, .. } in revisions {
        if let Some(target) = record.revises.as_deref().and_then(CompactId::new) {
            revised
                .entry(target)
                .or_default()
                .push(Revision { file, record });
        }
    }
    let mut about: Vec<CompactId> = reviews
        .iter()
        .chain(&withdrawals)
        .map(|h| h.about)
        .chain(revised.keys().copied())
        .collect();
    about.sort_unstable();
    about.dedup();
    let today = cx.now.to_zoned(jiff::tz::TimeZone::UTC).date();
    for id in about {
        let these_reviews = &reviews[about_one(&reviews, id)];
        let these_withdrawals = &withdrawals[about_one(&withdrawals, id)];
        let revisions = revised.get(&id).map_or(&[][..], Vec::as_slice);
        let Some(target) = captured.get(&id) else {
            let files = these_reviews
                .iter()
                .map(|h| acts.file::<Review>(h))
                .chain(these_withdrawals.iter().map(|h| acts.file::<Withdrawal>(h)))
                .chain(revisions.iter().map(|a| a.file.to_owned()));
            findings.extend(files.map(|f| Finding::new(f, FindingKind::ActRecordMissing)));
            continue;
        };
        let record = match captured.load(cx, &target) {
            Ok(record) => record,
            Err(kind) => {
                findings.push(Finding::new(captured.file(&target), kind));
                continue;
            }
        };
        let loaded_reviews = acts.load::<Review>(cx, these_reviews, findings);
        let loaded_withdrawals = acts.load::<Withdrawal>(cx, these_withdrawals, findings);
        let review_acts: Vec<ReviewAct<'_>> = loaded_reviews
            .iter()
            .map(|(file, review)| ReviewAct { file, review })
            .collect();
        let withdrawal_acts: Vec<WithdrawalAct<'_>> = loaded_withdrawals
            .iter()
            .map(|(file, withdrawal)| WithdrawalAct { file, withdrawal })
            .collect();
        let found = lifecycle::Found {
            reviews: &review_acts,
            withdrawals: &withdrawal_acts,
            revisions,
            norm_revised: false,
        };
        let norm = cx
            .snapshots
            .get(&record.norm.sha256)
            .and_then(Option::as_ref);
        let story = lifecycle::story(&record, &target.sha256.link(), norm, found, today);
        findings.extend(
            story
                .problems
                .into_iter()
                .map(|(file, problem)| Finding::new(file, FindingKind::Act(problem))),
        );
    }
}
