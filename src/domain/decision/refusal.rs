//! Why a proposal may not be signed, each reason with where it is.

use jiff::civil::Date;

use crate::domain::norm::Unusable;
use crate::domain::number::Decimal;

/// A reason the proposal may not be signed. `field` names where it is (an
/// answers-file key path) so a front end can point at it.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    NormUnusable(Unusable),
    CaseMissing,
    CaseInvalid,
    CaseIsBsn,
    /// A character other than plain ASCII, and the reference in plain
    /// characters when it can be told (since record format 4).
    CaseNotPlain {
        suggestion: Option<String>,
        /// The first such character, and where (counting from 1).
        first: (usize, char),
    },
    /// A valid BSN in free text; the number itself is never repeated.
    BsnInText {
        field: String,
    },
    /// A character that shows otherwise than it reads: a terminal control
    /// or a bidi override.
    HiddenCharacter {
        field: String,
    },
    UnknownCheck {
        id: String,
    },
    MissingAnswer {
        check: String,
    },
    WrongAnswerType {
        check: String,
        kind: &'static str,
    },
    /// A required condition does not hold: this norm does not cover the case.
    ConditionNotMet {
        check: String,
        question: String,
    },
    NotAnOption {
        check: String,
        value: String,
    },
    OutOfRange {
        check: String,
        min: Option<Decimal>,
        max: Option<Decimal>,
        unit: Option<String>,
    },
    /// An amount in euro with more than two decimals.
    Cents {
        check: String,
    },
    /// A date that must fall within the period does not.
    DateOutsidePeriod {
        check: String,
    },
    TooShort {
        field: String,
        min: u32,
        len: usize,
    },
    Missing {
        field: String,
    },
    PeriodMissing,
    EndNotAfterStart,
    PeriodTooLong {
        max: String,
    },
    /// No mandaat tier of the norm covers the amounts or duration.
    BeyondNorm,
    /// This decision takes a total over several decisions past its
    /// maximum, which the norm does not allow.
    TotalExceeded {
        total: String,
        earlier: Decimal,
        this: Decimal,
        max: Decimal,
        unit: Option<String>,
        /// Decisions counted, not an answer summed.
        counted: bool,
        /// The decision dates that count together (inclusive).
        from: Option<Date>,
        through: Option<Date>,
        /// Decisions for the same case only, or the team's.
        per: crate::domain::norm::total::Scope,
    },
    /// A date answer that must lie on or shortly before the decision date
    /// does not: the first and last day it may be.
    DateNotNearDecision {
        check: String,
        first: Date,
        last: Date,
    },
    /// The period runs past the day before a date answer.
    PeriodPastDate {
        check: String,
        last: Date,
    },
    /// The period runs into another calendar year.
    PeriodAcrossYears,
    /// A rule across answers does not hold.
    ConstraintBroken {
        id: String,
        text: String,
        /// The conditions of `require` that do not hold.
        failing: Vec<crate::domain::norm::Condition>,
        /// Those of `any`, when none of them holds.
        none_of: Vec<crate::domain::norm::Condition>,
    },
    /// Required evidence not confirmed to be in the case file.
    EvidenceMissing {
        id: String,
    },
    /// The decision date is after the day it is signed.
    DecisionDateInFuture {
        date: Date,
    },
    /// The decision date lies further back than the store allows.
    DecisionDateTooOld {
        date: Date,
        earliest: Date,
    },
}

impl Refusal {
    /// A stable, kebab-case identifier for scripts.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NormUnusable(_) => "norm-unusable",
            Self::CaseMissing => "case-missing",
            Self::CaseInvalid => "case-invalid",
            Self::CaseIsBsn => "case-is-bsn",
            Self::CaseNotPlain { .. } => "case-not-plain",
            Self::BsnInText { .. } => "bsn-in-text",
            Self::HiddenCharacter { .. } => "hidden-character",
            Self::UnknownCheck { .. } => "unknown-check",
            Self::MissingAnswer { .. } => "missing-answer",
            Self::WrongAnswerType { .. } => "wrong-answer-type",
            Self::ConditionNotMet { .. } => "condition-not-met",
            Self::NotAnOption { .. } => "not-an-option",
            Self::OutOfRange { .. } => "out-of-range",
            Self::Cents { .. } => "amount-cents",
            Self::DateOutsidePeriod { .. } => "date-outside-period",
            Self::TooShort { .. } => "too-short",
            Self::Missing { .. } => "missing",
            Self::PeriodMissing => "period-missing",
            Self::EndNotAfterStart => "end-not-after-start",
            Self::PeriodTooLong { .. } => "period-too-long",
            Self::BeyondNorm => "beyond-norm",
            Self::TotalExceeded { .. } => "total-exceeded",
            Self::ConstraintBroken { .. } => "constraint-broken",
            Self::DateNotNearDecision { .. } => "date-not-near-decision",
            Self::PeriodPastDate { .. } => "period-past-date",
            Self::PeriodAcrossYears => "period-across-years",
            Self::EvidenceMissing { .. } => "evidence-missing",
            Self::DecisionDateInFuture { .. } => "decision-date-in-future",
            Self::DecisionDateTooOld { .. } => "decision-date-too-old",
        }
    }

    /// The answers-file key this refusal is about.
    pub fn field(&self) -> Option<String> {
        match self {
            Self::CaseMissing | Self::CaseInvalid | Self::CaseIsBsn | Self::CaseNotPlain { .. } => {
                Some("case".into())
            }
            Self::BsnInText { field }
            | Self::HiddenCharacter { field }
            | Self::TooShort { field, .. }
            | Self::Missing { field } => Some(field.clone()),
            Self::UnknownCheck { id: check }
            | Self::WrongAnswerType { check, .. }
            | Self::ConditionNotMet { check, .. }
            | Self::NotAnOption { check, .. }
            | Self::OutOfRange { check, .. }
            | Self::Cents { check }
            | Self::DateOutsidePeriod { check }
            | Self::DateNotNearDecision { check, .. } => Some(format!("answers.{check}")),
            Self::MissingAnswer { .. } | Self::ConstraintBroken { .. } => Some("answers".into()),
            Self::PeriodMissing
            | Self::EndNotAfterStart
            | Self::PeriodTooLong { .. }
            | Self::PeriodPastDate { .. }
            | Self::PeriodAcrossYears => Some("period".into()),
            Self::EvidenceMissing { id } => Some(format!("evidence.{id}")),
            Self::DecisionDateInFuture { .. } | Self::DecisionDateTooOld { .. } => {
                Some("decision_date".into())
            }
            Self::NormUnusable(_) | Self::BeyondNorm | Self::TotalExceeded { .. } => None,
        }
    }
}
