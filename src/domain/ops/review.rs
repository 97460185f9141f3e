//! Reviewing a decision, withdrawing one, and revising a returned one:
//! each judged against the decision's story (`lifecycle`) before anyone is
//! asked for a passphrase, then signed and appended to the signer's chain.

use std::path::PathBuf;
use std::sync::Arc;

use jiff::Timestamp;
use jiff::civil::Date;

use crate::domain::keyring::Grant;
use crate::domain::keys::Signer;
use crate::domain::lifecycle::{Course, Event, Life, Refusal, Status, Story};
use crate::domain::norm::{Exceeded, Norm};
use crate::domain::number::Decimal;
use crate::domain::record::Author;
use crate::domain::review::{
    self, REVIEW_FORMAT, RecordRef, Review, TextProblem, Verdict, WITHDRAWAL_FORMAT, Withdrawal,
};
use crate::domain::store::files::new_id;
use crate::domain::store::{
    Acts, Ledger, RecordFilter, Store, StoreError, StoreState, StoredRecord,
};

/// A decision as it stands: the record, its norm and its story, read from
/// the store.
#[derive(Debug, Clone)]
pub struct Subject {
    pub stored: StoredRecord,
    pub norm: Option<Arc<Norm>>,
    pub life: Life,
    /// The reviewers whose verdicts counted.
    reviewers: Vec<String>,
    /// The verdicts that counted, with the reviewer's role, oldest first.
    verdicts: Vec<(Verdict, String)>,
    /// When returned: who returned it, and the remark.
    pub returned_by: Option<(String, Option<String>)>,
    /// Its norm's totals counted again in the store as it is now (see
    /// [`Self::recounted`]); empty until then.
    pub recount: Vec<crate::domain::store::Earlier>,
}

/// Why a review, withdrawal, revision or extension cannot be signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActError {
    /// No record with this id in the store.
    NoSuchRecord(String),
    /// The record may not be reviewed by this person now.
    Refused(Refusal),
    /// The record is withdrawn or superseded: nothing more happens to it.
    Ended(Status),
    /// Only its author, a reviewer or someone above the author may.
    MayNotWithdraw,
    /// Only a returned record can be revised.
    NotReturned(Status),
    /// A revision is about the same case.
    OtherCase {
        case: String,
    },
    /// The author revises their own returned record.
    NotTheAuthor {
        author: String,
    },
    /// This computer's clock says it is before the record was signed.
    BeforeRecord,
    Text(Vec<TextProblem>),
    /// The decision may not be extended so.
    Extension(Vec<crate::domain::extension::ExtensionProblem>),
    /// Not approved: counted again in the store as it is now, the total
    /// `total` comes to `with` this decision, past its `max`, and its norm
    /// allows no decision past it.
    PastTotal {
        total: String,
        with: Decimal,
        max: Decimal,
        /// The unit of the check it sums; none when it counts decisions.
        unit: Option<String>,
        counted: bool,
    },
}

impl Subject {
    /// The record `id` (any case) as it stands on `today`.
    pub fn find(
        store: &Store,
        state: &StoreState,
        id: &str,
        today: Date,
    ) -> Result<Result<Self, ActError>, StoreError> {
        let records = store.records(&RecordFilter::default())?.items;
        let acts = store.acts(state)?;
        Ok(Self::among(store, state, &acts, &records, id, today))
    }

    /// The record `id` among `records` read already.
    pub fn among(
        store: &Store,
        state: &StoreState,
        acts: &Acts,
        records: &[StoredRecord],
        id: &str,
        today: Date,
    ) -> Result<Self, ActError> {
        let Some(stored) = records
            .iter()
            .find(|r| r.record.id.eq_ignore_ascii_case(id.trim()))
        else {
            return Err(ActError::NoSuchRecord(id.trim().to_owned()));
        };
        let ledger = Ledger::new(store, state, acts, records);
        Ok(Self::from_story(
            stored,
            ledger.norm(&stored.record),
            &ledger.story(stored, today),
        ))
    }

    /// The subject `stored` whose story is `story`.
    pub fn from_story(stored: &StoredRecord, norm: Option<Arc<Norm>>, story: &Story<'_>) -> Self {
        let verdicts: Vec<(Verdict, String)> = story
            .events
            .iter()
            .filter_map(|e| match e {
                Event::Reviewed(r) => Some((r.verdict, r.reviewer.role.clone())),
                _ => None,
            })
            .collect();
        let reviewers = story
            .events
            .iter()
            .filter_map(|e| match e {
                Event::Reviewed(r) => Some(r.reviewer.principal.clone()),
                _ => None,
            })
            .collect();
        let returned_by = story.events.iter().rev().find_map(|e| match e {
            Event::Reviewed(r) if r.verdict == Verdict::Return => {
                Some((r.reviewer.name.clone(), r.remark.clone()))
            }
            _ => None,
        });
        Self {
            returned_by,
            stored: stored.clone(),
            norm,
            life: story.life.clone(),
            reviewers,
            verdicts,
            recount: Vec::new(),
        }
    }

    /// With its norm's totals counted again in `store` as it is now: what
    /// a reviewer weighs, as the record may have missed a colleague's
    /// decision signed elsewhere just before it. Left uncounted when the
    /// store cannot count them (the record's own totals still show).
    #[must_use]
    pub fn recounted(mut self, store: &Store, state: &StoreState, today: Date) -> Self {
        if let Some(norm) = &self.norm
            && !self.stored.record.totals.is_empty()
        {
            self.recount = store
                .recount(state, norm, &self.stored.record, today)
                .unwrap_or_default();
        }
        self
    }

    /// Why it may not be approved, counted again in the store as it is
    /// now: a total its norm allows no decision past that it goes past
    /// with what the record did not count.
    pub fn past_refused_total(&self) -> Option<ActError> {
        let (line, _, with) = self
            .undercounted()
            .into_iter()
            .find(|(line, _, with)| *with > line.max && self.refuses_beyond(&line.id))?;
        let unit = line
            .sum
            .as_ref()
            .and_then(|id| self.stored.record.checks.iter().find(|c| c.id == *id))
            .and_then(|c| c.unit.clone());
        Some(ActError::PastTotal {
            total: line.id.clone(),
            with,
            max: line.max,
            unit,
            counted: line.sum.is_none(),
        })
    }

    /// Whether its norm allows no decision past the total `id`.
    fn refuses_beyond(&self, id: &str) -> bool {
        self.norm.as_ref().is_some_and(|norm| {
            norm.totals
                .iter()
                .any(|t| t.id == id && t.beyond == crate::domain::norm::total::Beyond::Refuse)
        })
    }

    /// Each total the record states less of than the store now counts:
    /// its line, what the earlier decisions come to now, and with this
    /// decision.
    pub fn undercounted(
        &self,
    ) -> Vec<(
        &crate::domain::record::TotalLine,
        &crate::domain::store::Earlier,
        Decimal,
    )> {
        self.stored
            .record
            .totals
            .iter()
            .filter_map(|line| {
                let now = self
                    .recount
                    .iter()
                    .find(|e| e.total == line.id && e.amount > line.earlier)?;
                let with = now
                    .amount
                    .saturating_add(line.total.saturating_sub(line.earlier));
                Some((line, now, with))
            })
            .collect()
    }

    /// Where the decision stands.
    pub fn status(&self) -> Status {
        self.life.status
    }

    /// For a record waiting for review: the role it waits for.
    pub fn waiting_for(&self) -> Option<&str> {
        self.life.waiting_for.as_deref()
    }

    /// Why the record needs review: each limit of its author's tier it
    /// goes beyond.
    pub fn why(&self) -> Vec<Exceeded> {
        self.norm
            .as_ref()
            .map_or_else(Vec::new, |norm| self.stored.record.exceeded(norm))
    }

    /// What a revision of this record names: it must have been returned,
    /// and nothing more may have happened to it.
    pub fn reference_to_revise(&self) -> Result<RecordRef, ActError> {
        self.ended()?;
        if self.status() == Status::Returned {
            Ok(self.reference())
        } else {
            Err(ActError::NotReturned(self.status()))
        }
    }

    /// After a verdict by someone in `role`: the role the record then
    /// still waits for, when an approval beyond that role's own tier
    /// passes it on. Worked out from what was read, not read again.
    pub fn passed_on_after(&self, verdict: Verdict, role: &str) -> Option<String> {
        let mut course = self.course();
        course.apply(verdict, role);
        match course.standing() {
            crate::domain::lifecycle::Standing::Open { needed } => Some(needed.clone()),
            _ => None,
        }
    }

    /// The record's course after the verdicts that counted.
    fn course(&self) -> Course<'_> {
        let mut course = Course::of(&self.stored.record, self.norm.as_deref());
        for (verdict, role) in &self.verdicts {
            course.apply(*verdict, role);
        }
        course
    }

    /// Whether an act may be signed `at`: not before the record was.
    pub fn after_record(&self, at: Timestamp) -> Result<(), ActError> {
        if at < self.stored.record.created {
            Err(ActError::BeforeRecord)
        } else {
            Ok(())
        }
    }

    /// The record as a revision or extension names it.
    pub fn reference(&self) -> RecordRef {
        RecordRef {
            id: self.stored.record.id.clone(),
            sha256: self.stored.sha256.clone(),
        }
    }

    fn ended(&self) -> Result<(), ActError> {
        match self.status() {
            s @ (Status::Withdrawn | Status::Superseded) => Err(ActError::Ended(s)),
            _ => Ok(()),
        }
    }

    /// Whether `who` may review it now.
    pub fn admits(&self, who: &Author) -> Result<(), Refusal> {
        if let s @ (Status::Withdrawn | Status::Superseded) = self.status() {
            return Err(Refusal::Settled(s));
        }
        self.course().admit(who)
    }
}

/// A verdict that may be signed.
#[derive(Debug, Clone)]
pub struct Prepared {
    record: RecordRef,
    verdict: Verdict,
    remark: Option<String>,
    grant: Grant,
    under: crate::domain::record::SignedUnder,
}

/// Judges a verdict by the member `grant` on `subject`: every problem the
/// words have at once, after whether this person may review it now.
pub fn prepare(
    subject: &Subject,
    grant: &Grant,
    verdict: Verdict,
    remark: Option<&str>,
    state: &StoreState,
) -> Result<Prepared, ActError> {
    subject.admits(&grant.author()).map_err(|r| match r {
        Refusal::Settled(s @ (Status::Withdrawn | Status::Superseded)) => ActError::Ended(s),
        other => ActError::Refused(other),
    })?;
    if verdict == Verdict::Approve
        && let Some(past) = subject.past_refused_total()
    {
        return Err(past);
    }
    let problems = review::check_remark(verdict, remark);
    if !problems.is_empty() {
        return Err(ActError::Text(problems));
    }
    Ok(Prepared {
        record: subject.reference(),
        verdict,
        remark: review::stored_remark(remark),
        grant: grant.clone(),
        under: state.under(),
    })
}

impl Prepared {
    /// Draws up, signs and appends the review to the reviewer's chain.
    pub fn sign(
        &self,
        store: &Store,
        signer: &Signer,
        at: Timestamp,
    ) -> Result<(Review, PathBuf), StoreError> {
        store.append_review(
            signer,
            |seq, prev| Review {
                format: REVIEW_FORMAT.into(),
                id: new_id("RV", at),
                created: at,
                seq,
                prev,
                keyring: self.under.keyring.clone(),
                adoptions: self.under.adoptions.clone(),
                verdict: self.verdict,
                remark: self.remark.clone(),
                record: self.record.clone(),
                reviewer: self.grant.author(),
            },
            &self.grant.principal,
        )
    }
}

/// A withdrawal that may be signed.
#[derive(Debug, Clone)]
pub struct PreparedWithdrawal {
    record: RecordRef,
    reason: String,
    grant: Grant,
    under: crate::domain::record::SignedUnder,
}

/// Judges a withdrawal of `subject` by the member `grant`.
pub fn prepare_withdrawal(
    subject: &Subject,
    grant: &Grant,
    reason: &str,
    state: &StoreState,
) -> Result<PreparedWithdrawal, ActError> {
    subject.ended()?;
    // A decision that ran its course has had its effect.
    if subject.status() == Status::Expired {
        return Err(ActError::Ended(Status::Expired));
    }
    let who = grant.author();
    if !subject
        .course()
        .may_withdraw(&who, subject.reviewers.contains(&who.principal))
    {
        return Err(ActError::MayNotWithdraw);
    }
    let problems = review::check_reason(reason);
    if !problems.is_empty() {
        return Err(ActError::Text(problems));
    }
    Ok(PreparedWithdrawal {
        record: subject.reference(),
        reason: reason.trim().to_owned(),
        grant: grant.clone(),
        under: state.under(),
    })
}

impl PreparedWithdrawal {
    pub fn sign(
        &self,
        store: &Store,
        signer: &Signer,
        at: Timestamp,
    ) -> Result<(Withdrawal, PathBuf), StoreError> {
        store.append_withdrawal(
            signer,
            |seq, prev| Withdrawal {
                format: WITHDRAWAL_FORMAT.into(),
                id: new_id("WD", at),
                created: at,
                seq,
                prev,
                keyring: self.under.keyring.clone(),
                adoptions: self.under.adoptions.clone(),
                reason: self.reason.clone(),
                record: self.record.clone(),
                by: self.grant.author(),
            },
            &self.grant.principal,
        )
    }
}

/// Whether `subject` may be revised by a new record for `case`: it must
/// have been returned, and the revision is about the same case. What the
/// new record names as the one it revises.
pub fn revisable(subject: &Subject, case: &str, by: &Grant) -> Result<RecordRef, ActError> {
    subject.reference_to_revise()?;
    if by.principal != subject.stored.record.author.principal {
        return Err(ActError::NotTheAuthor {
            author: subject.stored.record.author.name.clone(),
        });
    }
    if case.trim() != subject.stored.record.case {
        return Err(ActError::OtherCase {
            case: subject.stored.record.case.clone(),
        });
    }
    Ok(subject.reference())
}

/// The records waiting for review, oldest first: those `me` may review
/// now, or with `None` every one.
pub fn inbox(
    store: &Store,
    state: &StoreState,
    me: Option<&Author>,
    today: Date,
) -> Result<crate::domain::store::Found<Subject>, StoreError> {
    let kept = crate::domain::store::with_status(
        store,
        state,
        &RecordFilter::default(),
        today,
        &|life| life.status == Status::ForReview,
    )?;
    let ledger = Ledger::new(store, state, &kept.acts, &kept.records);
    let mut items: Vec<Subject> = kept
        .records
        .iter()
        .map(|stored| {
            let tale = ledger.story(stored, today);
            Subject::from_story(stored, ledger.norm(&stored.record), &tale)
        })
        .filter(|s| s.status() == Status::ForReview)
        .filter(|s| me.is_none_or(|me| s.admits(me).is_ok()))
        .collect();
    // What the store counts now of each one's totals, read once for all.
    let asked: Vec<(usize, &Norm, &crate::domain::record::Record)> = items
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.stored.record.totals.is_empty())
        .filter_map(|(i, s)| Some((i, s.norm.as_deref()?, &s.stored.record)))
        .collect();
    let pairs: Vec<(&Norm, &crate::domain::record::Record)> =
        asked.iter().map(|(_, n, r)| (*n, *r)).collect();
    let places: Vec<usize> = asked.iter().map(|(i, _, _)| *i).collect();
    // Without the count the records' own totals still show.
    let recounts = store.recount_all(state, &pairs, today).unwrap_or_default();
    for (i, recount) in places.into_iter().zip(recounts) {
        items[i].recount = recount;
    }
    items.sort_by(|a, b| {
        let key = |s: &Subject| (s.stored.record.created, s.stored.record.id.clone());
        key(a).cmp(&key(b))
    });
    Ok(crate::domain::store::Found {
        items,
        unreadable: kept.unreadable,
    })
}

/// Draws a sample of the decisions taken within mandaat, as `request`
/// asks: how many could be drawn, and which were.
pub fn draw_sample(
    store: &Store,
    request: &crate::domain::sample::Request,
) -> Result<(u64, Vec<String>), StoreError> {
    let found = store.records(&RecordFilter {
        brief: true,
        ..RecordFilter::default()
    })?;
    let records: Vec<&crate::domain::record::Record> =
        found.items.iter().map(|s| &s.record).collect();
    Ok(crate::domain::sample::draw(request, &records))
}

/// Signs and stores the draw.
pub fn sign_sample(
    store: &Store,
    state: &StoreState,
    signer: &Signer,
    grant: &Grant,
    (request, population, drawn): (&crate::domain::sample::Request, u64, Vec<String>),
) -> Result<(crate::domain::sample::Sample, PathBuf), StoreError> {
    use crate::domain::sample::{SAMPLE_FORMAT, Sample};
    let under = state.under();
    store.append_sample(
        signer,
        |seq, prev| Sample {
            format: SAMPLE_FORMAT.into(),
            id: new_id("SM", request.at),
            created: request.at,
            seq,
            prev,
            keyring: under.keyring.clone(),
            adoptions: under.adoptions.clone(),
            seed: request.seed.clone(),
            percent: request.percent,
            from: request.from,
            to: request.to,
            population,
            drawn,
            by: grant.author(),
        },
        &grant.principal,
    )
}

/// Whether a decision for `case` on `norm` over `period` may extend
/// `subject`, given the store's `records` (to follow earlier extensions):
/// what the extension names as the decision it extends.
pub fn extendable(
    subject: &Subject,
    records: &[StoredRecord],
    (case, norm, period): (&str, &Norm, Option<(Date, Date)>),
) -> Result<RecordRef, ActError> {
    use crate::domain::extension;
    let find = |id: &str| records.iter().map(|s| &s.record).find(|r| r.id == id);
    let chain = extension::chain(&subject.stored.record, find);
    let problems = extension::check((case, norm, period), &chain, subject.status());
    if problems.is_empty() {
        Ok(subject.reference())
    } else {
        Err(ActError::Extension(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::TotalLine;
    use crate::domain::store::Earlier;

    fn line(id: &str, sum: Option<&str>, (earlier, total, max): (i64, i64, i64)) -> TotalLine {
        TotalLine {
            id: id.into(),
            sum: sum.map(Into::into),
            from: None,
            through: None,
            earlier: Decimal::from(earlier),
            total: Decimal::from(total),
            max: Decimal::from(max),
        }
    }

    fn now(total: &str, amount: i64) -> Earlier {
        Earlier {
            total: total.into(),
            amount: Decimal::from(amount),
            decisions: vec!["MW-20261124-7X41JRQT".into()],
        }
    }

    /// A decision that stated the team's budget without a colleague's
    /// decision of just before is, counted again, past a budget its norm
    /// allows nothing past: it may not be approved. Past its once-only
    /// total, which a teamleider may go beyond, it may; with nothing
    /// missed it is not held up at all.
    #[test]
    fn an_approval_past_a_total_the_norm_refuses_is_refused_when_counted_again() {
        let mut subject = crate::domain::testing::subject("mw-doorbraakbudget", 1500.0);
        subject.stored.record.totals = vec![
            line("eenmalig-per-zaak", None, (0, 1, 1)),
            line(
                "teambudget-per-kalenderjaar",
                Some("bedrag"),
                (48_000, 49_500, 50_000),
            ),
        ];
        assert_eq!(subject.undercounted(), []);
        assert_eq!(subject.past_refused_total(), None);

        subject.recount = vec![
            now("eenmalig-per-zaak", 1),
            now("teambudget-per-kalenderjaar", 48_000),
        ];
        assert_eq!(subject.undercounted().len(), 1);
        assert_eq!(
            subject.past_refused_total(),
            None,
            "a teamleider may go past it"
        );

        subject.recount[1] = now("teambudget-per-kalenderjaar", 49_000);
        let under = subject.undercounted();
        assert_eq!(under.len(), 2);
        assert_eq!(under[1].2, Decimal::from(50_500));
        assert_eq!(
            subject.past_refused_total(),
            Some(ActError::PastTotal {
                total: "teambudget-per-kalenderjaar".into(),
                with: Decimal::from(50_500),
                max: Decimal::from(50_000),
                unit: Some("EUR".into()),
                counted: false,
            })
        );
    }
}
