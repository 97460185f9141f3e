//! The life of a decision, derived from signed files and never stored as
//! mutable state: a record, the reviews of it, a revision that replaces
//! it, a withdrawal that ends it, and the calendar.
//!
//! The same rules decide what may be signed (`ops::review`), what `verify`
//! accepts, and what `list` and `show` say a decision's status is.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use super::norm::{DecisionFacts, Mandate, Norm};
use super::record::{Author, Record, RecordedOutcome};
use super::review::{Review, Verdict, Withdrawal};

/// Where a decision stands. The codes are stable: scripts and exports
/// read them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Within the author's mandaat: decided when signed.
    Decided,
    /// Drawn up beyond the author's mandaat, waiting for a review.
    ForReview,
    Approved,
    /// Back with the author, who revises it.
    Returned,
    Rejected,
    /// Replaced by a revision.
    Superseded,
    Withdrawn,
    /// Its period has ended.
    Expired,
}

impl Status {
    pub const ALL: [Self; 8] = [
        Self::Decided,
        Self::ForReview,
        Self::Approved,
        Self::Returned,
        Self::Rejected,
        Self::Superseded,
        Self::Withdrawn,
        Self::Expired,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Decided => "decided",
            Self::ForReview => "for-review",
            Self::Approved => "approved",
            Self::Returned => "returned",
            Self::Rejected => "rejected",
            Self::Superseded => "superseded",
            Self::Withdrawn => "withdrawn",
            Self::Expired => "expired",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Where a record stands in its review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// Decided within mandaat; nothing to review.
    Decided,
    /// Waiting for someone with `needed` or a later tier of its norm.
    Open {
        needed: String,
    },
    Approved,
    Returned,
    Rejected,
}

impl Standing {
    pub fn status(&self) -> Status {
        match self {
            Self::Decided => Status::Decided,
            Self::Open { .. } => Status::ForReview,
            Self::Approved => Status::Approved,
            Self::Returned => Status::Returned,
            Self::Rejected => Status::Rejected,
        }
    }
}

/// Why someone may not review a record now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Decided within its author's mandaat: there is nothing to review.
    NothingToReview,
    /// Reviewed already: approved, returned or rejected.
    Settled(Status),
    /// Four eyes: nobody reviews their own decision.
    OwnRecord,
    /// The reviewer's role does not reach the role the record needs.
    RoleTooLow { needed: String, role: String },
    /// The norm the record relied on is not in the store.
    NoNorm,
}

/// A record's way through review: who must look at it next, and what the
/// verdicts so far have made of it.
#[derive(Debug, Clone)]
pub struct Course<'a> {
    author: &'a Author,
    mandate: Option<&'a Mandate>,
    facts: DecisionFacts<'a>,
    standing: Standing,
}

impl<'a> Course<'a> {
    /// The course of `record`, which relied on `norm` (`None` when its norm
    /// is not in the store).
    pub fn of(record: &'a Record, norm: Option<&'a Norm>) -> Self {
        let standing = match (&record.mandate.outcome, &record.mandate.review_role) {
            (RecordedOutcome::Within, _) => Standing::Decided,
            (_, Some(role)) => Standing::Open {
                needed: role.clone(),
            },
            // Never signed so; read as needing the largest tier.
            (_, None) => Standing::Open {
                needed: norm
                    .and_then(|n| n.mandate.tiers.last())
                    .map(|t| t.role.clone())
                    .unwrap_or_default(),
            },
        };
        Self {
            author: &record.author,
            mandate: norm.map(|n| &n.mandate),
            facts: DecisionFacts::from_answers(
                record.checks.iter().map(|c| (c.id.as_str(), &c.answer)),
                record.period.map(|p| (p.start, p.end)),
            ),
            standing,
        }
    }

    pub fn standing(&self) -> &Standing {
        &self.standing
    }

    /// Whether `reviewer` may give a verdict on the record now.
    pub fn admit(&self, reviewer: &Author) -> Result<(), Refusal> {
        let needed = match &self.standing {
            Standing::Decided => return Err(Refusal::NothingToReview),
            Standing::Open { needed } => needed,
            settled => return Err(Refusal::Settled(settled.status())),
        };
        if reviewer.principal == self.author.principal || reviewer.key == self.author.key {
            return Err(Refusal::OwnRecord);
        }
        let mandate = self.mandate.ok_or(Refusal::NoNorm)?;
        match (mandate.rank(&reviewer.role), mandate.rank(needed)) {
            (Some(have), Some(need)) if have >= need => Ok(()),
            _ => Err(Refusal::RoleTooLow {
                needed: needed.clone(),
                role: reviewer.role.clone(),
            }),
        }
    }

    /// The record after a verdict by someone in `role`, admitted by
    /// [`Self::admit`]. An approval by a role whose own tier does not cover
    /// the decision passes it on to the next tier that does.
    pub fn apply(&mut self, verdict: Verdict, role: &str) {
        self.standing = match verdict {
            Verdict::Return => Standing::Returned,
            Verdict::Reject => Standing::Rejected,
            Verdict::Approve => match self.mandate {
                Some(m) if !m.covered_by(role, &self.facts) => {
                    match m.next_covering(role, &self.facts) {
                        Some(next) => Standing::Open {
                            needed: next.to_owned(),
                        },
                        None => Standing::Approved,
                    }
                }
                _ => Standing::Approved,
            },
        };
    }

    /// Whether `who` may withdraw the decision: its author, someone who
    /// reviewed it, or someone whose tier in its norm lies above the
    /// author's (for a decision for review: reaches the role it needs).
    pub fn may_withdraw(&self, who: &Author, reviewed: bool) -> bool {
        if who.principal == self.author.principal || reviewed {
            return true;
        }
        let Some(m) = self.mandate else { return false };
        let Some(rank) = m.rank(&who.role) else {
            return false;
        };
        // Above the author in the norm: an author with no tier in it has
        // nobody above them there.
        let above_author = m.rank(&self.author.role).is_some_and(|a| rank > a);
        match &self.standing {
            // Waiting for review: also reaching the role it waits for.
            Standing::Open { needed } => above_author && m.rank(needed).is_some_and(|n| rank >= n),
            _ => above_author,
        }
    }
}

/// What happened to a record after it was signed, as far as it counts.
#[derive(Debug, Clone, Default)]
pub struct Events<'a> {
    /// When it was withdrawn.
    pub withdrawn: Option<Timestamp>,
    /// The record that revises it.
    pub revised_by: Option<&'a str>,
    /// A newer version of its norm is adopted in the store.
    pub norm_revised: bool,
}

/// A decision's status today, and whether its norm has been revised since.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Life {
    pub status: Status,
    /// For a decision waiting for review: the role it waits for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waiting_for: Option<String>,
    pub norm_revised: bool,
}

/// The status of `record` on `today`, given its course and what happened
/// to it since.
pub fn life(record: &Record, course: Course<'_>, events: &Events<'_>, today: Date) -> Life {
    let standing = course.standing;
    let ended = record.period.is_some_and(|p| p.end <= today);
    let status = if events.withdrawn.is_some() {
        Status::Withdrawn
    } else if events.revised_by.is_some() {
        Status::Superseded
    } else if ended && matches!(standing, Standing::Decided | Standing::Approved) {
        Status::Expired
    } else {
        standing.status()
    };
    Life {
        status,
        waiting_for: match standing {
            Standing::Open { needed } if status == Status::ForReview => Some(needed),
            _ => None,
        },
        norm_revised: events.norm_revised,
    }
}

/// A review as found in the store.
#[derive(Debug, Clone, Copy)]
pub struct ReviewAct<'a> {
    pub file: &'a str,
    pub review: &'a Review,
}

/// A withdrawal as found in the store.
#[derive(Debug, Clone, Copy)]
pub struct WithdrawalAct<'a> {
    pub file: &'a str,
    pub withdrawal: &'a Withdrawal,
}

/// A record that names another as the one it revises.
#[derive(Debug, Clone, Copy)]
pub struct Revision<'a> {
    pub file: &'a str,
    pub record: &'a Record,
}

/// Why a review, withdrawal or revision does not count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActProblem {
    /// It names the record with other bytes than the record has.
    RecordChanged,
    /// Signed before the record it is about.
    BeforeRecord,
    /// The reviewer may not review it then.
    Refused(Refusal),
    /// After the decision was withdrawn or superseded.
    AfterEnd(Status),
    /// By someone who may not withdraw it.
    MayNotWithdraw,
    /// A second revision of the same record.
    RevisedTwice,
    /// A revision of a record that was not returned.
    NotReturned(Status),
    /// A revision for another case.
    OtherCase,
    /// A revision by someone other than the author: the author revises.
    NotTheAuthor,
}

impl ActProblem {
    /// A stable code for scripts.
    pub fn code(&self) -> &'static str {
        match self {
            Self::RecordChanged => "act-record-changed",
            Self::BeforeRecord => "act-before-record",
            Self::Refused(Refusal::NothingToReview) => "review-not-needed",
            Self::Refused(Refusal::Settled(_)) => "review-after-verdict",
            Self::Refused(Refusal::OwnRecord) => "review-by-author",
            Self::Refused(Refusal::RoleTooLow { .. }) => "reviewer-role-too-low",
            Self::Refused(Refusal::NoNorm) => "review-norm-missing",
            Self::AfterEnd(_) => "act-after-end",
            Self::MayNotWithdraw => "withdrawal-not-allowed",
            Self::RevisedTwice => "revised-twice",
            Self::NotReturned(_) => "revision-not-returned",
            Self::OtherCase => "revision-other-case",
            Self::NotTheAuthor => "revision-not-by-author",
        }
    }
}

/// What happened to a decision, in order, as far as it counts.
#[derive(Debug, Clone, PartialEq)]
pub enum Event<'a> {
    Reviewed(&'a Review),
    Withdrawn(&'a Withdrawal),
    Revised(&'a Record),
}

impl Event<'_> {
    pub fn at(&self) -> Timestamp {
        match self {
            Self::Reviewed(r) => r.created,
            Self::Withdrawn(w) => w.created,
            Self::Revised(r) => r.created,
        }
    }
}

/// A decision's story: its status today, the events that count, and
/// those that do not with why.
#[derive(Debug, Clone)]
pub struct Story<'a> {
    pub life: Life,
    pub events: Vec<Event<'a>>,
    pub problems: Vec<(&'a str, ActProblem)>,
}

impl Story<'_> {
    /// Whether `record`, whose story this is, took effect: decided within
    /// mandaat or approved, also when since withdrawn or ended; not when
    /// it waits, was returned, rejected or replaced, nor when it was
    /// withdrawn before any of that.
    pub fn took_effect(&self, record: &Record) -> bool {
        match self.life.status {
            Status::Decided | Status::Approved | Status::Expired => true,
            Status::Withdrawn => {
                record.mandate.outcome == crate::domain::record::RecordedOutcome::Within
                    || self.events.iter().any(|e| {
                        matches!(e, Event::Reviewed(r) if r.verdict == crate::domain::review::Verdict::Approve)
                    })
            }
            Status::ForReview | Status::Returned | Status::Rejected | Status::Superseded => false,
        }
    }
}

/// What is found in the store about one record.
#[derive(Debug, Clone, Copy)]
pub struct Found<'a, 'f> {
    pub reviews: &'f [ReviewAct<'a>],
    pub withdrawals: &'f [WithdrawalAct<'a>],
    pub revisions: &'f [Revision<'a>],
    /// A newer version of its norm is adopted.
    pub norm_revised: bool,
}

/// A record's story so far, as its acts are taken one by one.
struct Tally<'a> {
    course: Course<'a>,
    reviewers: Vec<&'a str>,
    withdrawn: Option<Timestamp>,
    revised_by: Option<&'a str>,
}

impl<'a> Tally<'a> {
    /// Takes `event`, signed `at`, into the story; why it does not count
    /// when it does not.
    fn judge(
        &mut self,
        record: &Record,
        link: &str,
        at: Timestamp,
        event: &Event<'a>,
    ) -> Option<ActProblem> {
        let binding_ok = match event {
            Event::Reviewed(r) => r.record.sha256 == link,
            Event::Withdrawn(w) => w.record.sha256 == link,
            Event::Revised(r) => r.revises_sha256.as_deref() == Some(link),
        };
        let ended = if self.withdrawn.is_some() {
            Some(Status::Withdrawn)
        } else if self.revised_by.is_some() {
            Some(Status::Superseded)
        } else {
            None
        };
        if !binding_ok {
            return Some(ActProblem::RecordChanged);
        }
        if at < record.created {
            return Some(ActProblem::BeforeRecord);
        }
        match *event {
            Event::Reviewed(review) => match (ended, self.course.admit(&review.reviewer)) {
                (Some(status), _) => Some(ActProblem::AfterEnd(status)),
                (None, Err(refusal)) => Some(ActProblem::Refused(refusal)),
                (None, Ok(())) => {
                    self.course.apply(review.verdict, &review.reviewer.role);
                    self.reviewers.push(&review.reviewer.principal);
                    None
                }
            },
            Event::Withdrawn(w) => match ended {
                Some(status) => Some(ActProblem::AfterEnd(status)),
                // A decision that ran its course has had its effect: it
                // is not withdrawn afterwards (nor freed from totals).
                None if ran_out(record, self.course.standing(), at) => {
                    Some(ActProblem::AfterEnd(Status::Expired))
                }
                None if !self
                    .course
                    .may_withdraw(&w.by, self.reviewers.contains(&w.by.principal.as_str())) =>
                {
                    Some(ActProblem::MayNotWithdraw)
                }
                None => {
                    self.withdrawn = Some(w.created);
                    None
                }
            },
            Event::Revised(r) => match ended {
                Some(Status::Superseded) => Some(ActProblem::RevisedTwice),
                Some(status) => Some(ActProblem::AfterEnd(status)),
                None if r.case != record.case => Some(ActProblem::OtherCase),
                None if r.author.principal != record.author.principal => {
                    Some(ActProblem::NotTheAuthor)
                }
                None if *self.course.standing() != Standing::Returned => {
                    Some(ActProblem::NotReturned(self.course.standing().status()))
                }
                None => {
                    self.revised_by = Some(r.id.as_str());
                    None
                }
            },
        }
    }
}

/// Whether `record`, in force, had run its course by `at`: its period
/// ended on or before that day, in every time zone (the signer's day is
/// the local one: the earliest, twelve hours behind UTC, is taken).
fn ran_out(record: &Record, standing: &Standing, at: Timestamp) -> bool {
    let behind = at
        .checked_sub(jiff::SignedDuration::from_hours(12))
        .unwrap_or(at);
    let day = behind.to_zoned(jiff::tz::TimeZone::UTC).date();
    matches!(standing, Standing::Decided | Standing::Approved)
        && record.period.is_some_and(|p| p.end <= day)
}

/// The story of `record` (whose file hashes to `link`), relying on `norm`:
/// every act about it taken in the order it was signed, each counted only
/// when it could be signed at that moment.
pub fn story<'a>(
    record: &Record,
    link: &str,
    norm: Option<&Norm>,
    found: Found<'a, '_>,
    today: Date,
) -> Story<'a> {
    let mut acts: Vec<(Timestamp, &'a str, Event<'a>)> = Vec::new();
    acts.extend(
        found
            .reviews
            .iter()
            .map(|a| (a.review.created, a.file, Event::Reviewed(a.review))),
    );
    acts.extend(
        found
            .withdrawals
            .iter()
            .map(|a| (a.withdrawal.created, a.file, Event::Withdrawn(a.withdrawal))),
    );
    acts.extend(
        found
            .revisions
            .iter()
            .map(|a| (a.record.created, a.file, Event::Revised(a.record))),
    );
    // Within one second, what each act may rest on comes first: a verdict
    // before a withdrawal by its reviewer, a return before the revision.
    let rank = |e: &Event<'_>| match e {
        Event::Reviewed(_) => 0,
        Event::Withdrawn(_) => 1,
        Event::Revised(_) => 2,
    };
    acts.sort_by(|a, b| (a.0, rank(&a.2), a.1).cmp(&(b.0, rank(&b.2), b.1)));
    let mut tally = Tally {
        course: Course::of(record, norm),
        reviewers: Vec::new(),
        withdrawn: None,
        revised_by: None,
    };
    let mut events = Vec::new();
    let mut problems = Vec::new();
    for (at, file, event) in acts {
        match tally.judge(record, link, at, &event) {
            Some(p) => problems.push((file, p)),
            None => events.push(event),
        }
    }
    let Tally {
        course,
        withdrawn,
        revised_by,
        ..
    } = tally;
    let life = life(
        record,
        course,
        &Events {
            withdrawn,
            revised_by,
            norm_revised: found.norm_revised,
        },
        today,
    );
    Story {
        life,
        events,
        problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::norm::catalog::Catalog;
    use crate::domain::number::Decimal;
    use crate::domain::testing;

    fn author(principal: &str, role: &str) -> Author {
        Author {
            principal: principal.into(),
            name: principal.into(),
            role: role.into(),
            key: format!("SHA256:{principal}"),
        }
    }

    /// A record on the doorbraakbudget (consulent up to 1000, teamleider up
    /// to 5000) for `amount`, by a consulent.
    fn record(amount: f64) -> (Record, Norm) {
        let norm = Catalog::bundled()
            .get("mw-doorbraakbudget")
            .expect("bundled")
            .norm
            .clone();
        let record = testing::record_on(&norm, "anna", "consulent", amount);
        (record, norm)
    }

    #[test]
    fn within_mandaat_there_is_nothing_to_review() {
        let (r, norm) = record(400.0);
        let course = Course::of(&r, Some(&norm));
        assert_eq!(course.standing(), &Standing::Decided);
        assert_eq!(
            course.admit(&author("tom", "teamleider")),
            Err(Refusal::NothingToReview)
        );
    }

    #[test]
    fn four_eyes_and_the_role_the_record_needs() {
        let (r, norm) = record(1800.0);
        let course = Course::of(&r, Some(&norm));
        assert_eq!(
            course.standing(),
            &Standing::Open {
                needed: "teamleider".into()
            }
        );
        assert_eq!(
            course.admit(&author("anna", "teamleider")),
            Err(Refusal::OwnRecord)
        );
        assert_eq!(
            course.admit(&author("carla", "consulent")),
            Err(Refusal::RoleTooLow {
                needed: "teamleider".into(),
                role: "consulent".into()
            })
        );
        assert_eq!(
            course.admit(&author("controller", "controller")),
            Err(Refusal::RoleTooLow {
                needed: "teamleider".into(),
                role: "controller".into()
            })
        );
        assert_eq!(course.admit(&author("tom", "teamleider")), Ok(()));
    }

    #[test]
    fn a_verdict_settles_the_review() {
        for (verdict, status) in [
            (Verdict::Approve, Status::Approved),
            (Verdict::Return, Status::Returned),
            (Verdict::Reject, Status::Rejected),
        ] {
            let (r, norm) = record(1800.0);
            let mut course = Course::of(&r, Some(&norm));
            course.apply(verdict, "teamleider");
            assert_eq!(course.standing().status(), status);
            assert_eq!(
                course.admit(&author("tom", "teamleider")),
                Err(Refusal::Settled(status))
            );
        }
    }

    #[test]
    fn an_approval_beyond_the_reviewers_own_tier_needs_a_higher_review_in_turn() {
        let (r, mut norm) = record(1800.0);
        // Tiers whose limits do not grow: the teamleider may review but
        // may decide only up to 1500; the afdelingshoofd up to 20000.
        norm.mandate.tiers[1].limits[0].max = Decimal::from(1500);
        let mut head = norm.mandate.tiers[1].clone();
        head.role = "afdelingshoofd".into();
        head.limits[0].max = Decimal::from(20000);
        norm.mandate.tiers.push(head);
        norm.mandate.tiers[0].limits[0].max = Decimal::from(2000);
        let (r, norm) = (
            Record {
                mandate: crate::domain::record::MandateRecord {
                    outcome: RecordedOutcome::NeedsReview,
                    review_role: Some("consulent".into()),
                },
                ..r
            },
            norm,
        );
        let mut course = Course::of(&r, Some(&norm));
        assert_eq!(course.admit(&author("tom", "teamleider")), Ok(()));
        course.apply(Verdict::Approve, "teamleider");
        assert_eq!(
            course.standing(),
            &Standing::Open {
                needed: "afdelingshoofd".into()
            }
        );
        assert!(course.admit(&author("tom2", "teamleider")).is_err());
        course.apply(Verdict::Approve, "afdelingshoofd");
        assert_eq!(course.standing(), &Standing::Approved);
    }

    #[test]
    fn withdrawn_beats_superseded_beats_the_review_and_an_ended_period_expires() {
        let (r, norm) = record(400.0);
        let today = r.period.expect("period").end;
        let status =
            |events: &Events<'_>, today| life(&r, Course::of(&r, Some(&norm)), events, today);
        let before = today.yesterday().expect("date");
        assert_eq!(status(&Events::default(), before).status, Status::Decided);
        assert_eq!(status(&Events::default(), today).status, Status::Expired);
        let revised = Events {
            revised_by: Some("MW-x"),
            ..Events::default()
        };
        assert_eq!(status(&revised, before).status, Status::Superseded);
        let withdrawn = Events {
            withdrawn: Some(Timestamp::UNIX_EPOCH),
            ..revised
        };
        assert_eq!(status(&withdrawn, today).status, Status::Withdrawn);
    }

    #[test]
    fn who_may_withdraw() {
        let (r, norm) = record(1800.0);
        let course = Course::of(&r, Some(&norm));
        assert!(course.may_withdraw(&author("anna", "consulent"), false));
        assert!(course.may_withdraw(&author("tom", "teamleider"), false));
        assert!(!course.may_withdraw(&author("carla", "consulent"), false));
        assert!(course.may_withdraw(&author("carla", "consulent"), true));
        // A peer of the author, waiting for review in their own tier: no.
        let mut peer = r.clone();
        peer.author.role = "teamleider".into();
        peer.mandate.review_role = Some("teamleider".into());
        let course = Course::of(&peer, Some(&norm));
        assert!(!course.may_withdraw(&author("tina", "teamleider"), false));
        let (r, norm) = record(400.0);
        let course = Course::of(&r, Some(&norm));
        assert!(!course.may_withdraw(&author("carla", "consulent"), false));
        assert!(course.may_withdraw(&author("tom", "teamleider"), false));
        // An author with no tier in the norm: nobody is above them in it.
        let mut r = r;
        r.author.role = "afdelingshoofd".into();
        let course = Course::of(&r, Some(&norm));
        assert!(!course.may_withdraw(&author("tom", "teamleider"), false));
        assert!(course.may_withdraw(&author("tom", "teamleider"), true));
    }

    #[test]
    fn status_codes_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::from_code(s.code()), Some(s));
        }
        assert_eq!(Status::from_code("ter-beoordeling"), None);
    }
}
