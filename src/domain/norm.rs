//! Agreed norms (afgesproken normen): adopted, versioned statements of when
//! and how a caseworker may depart from a standard rule.
//!
//! A norm is read from one TOML file ([`parse`]), a directory of them is a
//! [`Catalog`](catalog::Catalog), and a record later binds to a norm by id,
//! version and the sha256 of the file's exact bytes.

pub mod award;
pub mod catalog;
mod judge;
pub mod provenance;
mod rules;
pub mod total;

pub use self::judge::AnswerProblem;
pub use self::rules::{Compare, Constraint};
pub mod parse;

use crate::domain::number::Decimal;
use crate::domain::record::Answer;
use jiff::civil::Date;
use serde::Serialize;

use super::duration::CalendarDuration;
use super::jci::{Cvdr, Jci};

/// One agreed norm, validated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Norm {
    pub id: String,
    pub version: u32,
    pub title: String,
    pub summary: String,
    pub status: Status,
    pub adopted_on: Option<Date>,
    /// When only the year or month of adoption is known (norm format 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adopted_roughly: Option<provenance::Rough>,
    pub adopted_by: Option<String>,
    /// In force from before it was adopted (terugwerkende kracht), as the
    /// municipality decided explicitly.
    pub retroactive: bool,
    pub valid_from: Date,
    pub valid_until: Option<Date>,
    pub withdrawn_on: Option<Date>,
    pub owner: String,
    pub domain: String,
    pub max_duration: Option<CalendarDuration>,
    pub review_after: Option<CalendarDuration>,
    /// How many times a decision on this norm may be extended.
    pub max_extensions: Option<u32>,
    /// The longest a decision with all its extensions may run.
    pub max_total_duration: Option<CalendarDuration>,
    pub rule: Rule,
    pub intent: Intent,
    /// Legal grounds for departing from the rule (e.g. Awb 4:84).
    pub grounds: Vec<Jci>,
    /// Articles of municipal regulations as grounds (norm format 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub local_grounds: Vec<provenance::LocalGround>,
    pub motivation: MotivationGuide,
    pub sections: Vec<Section>,
    pub checks: Vec<Check>,
    pub evidence: Vec<Evidence>,
    pub mandate: Mandate,
    /// Limits over this and earlier decisions together.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub totals: Vec<total::Total>,
    /// Rules across answers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub constraints: Vec<Constraint>,
    /// What a decision grants and how.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub award: Option<award::Award>,
    /// The period ends at the latest the day before this date check's
    /// answer ("until the day before the 23rd birthday").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_ends_before: Option<String>,
    /// The period lies within one calendar year (`period_within =
    /// "calendar-year"`, as the norm writes it).
    #[serde(
        rename = "period_within",
        skip_serializing_if = "std::ops::Not::not",
        serialize_with = "rules::calendar_year"
    )]
    pub period_in_calendar_year: bool,
    /// The norm file format it is written in: 1, or 2 for the constructs
    /// of release 0.5 (totals, rules across answers, compared and
    /// alternative conditions) and the conditions of optional checks.
    pub format: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Draft; not yet adopted, never usable for a decision.
    Concept,
    /// Adopted and in force within its validity dates.
    Vastgesteld,
    /// Withdrawn; no new decisions may rely on it.
    Ingetrokken,
}

impl Status {
    pub const NAMES: &'static [&'static str] = &["concept", "vastgesteld", "ingetrokken"];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Concept => "concept",
            Self::Vastgesteld => "vastgesteld",
            Self::Ingetrokken => "ingetrokken",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "concept" => Self::Concept,
            "vastgesteld" => Self::Vastgesteld,
            "ingetrokken" => Self::Ingetrokken,
            _ => return None,
        })
    }
}

/// The standard rule the norm departs from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rule {
    pub text: String,
    /// The legal basis of the rule; with `also`, the first of several.
    pub basis: Jci,
    /// Further legal bases the rule rests on (norm format 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Jci>,
    pub local: Option<LocalRule>,
}

/// A local rule (verordening, beleidsregel, werkinstructie) the standard rule
/// comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocalRule {
    pub title: String,
    pub article: Option<String>,
    pub cvdr: Option<Cvdr>,
}

/// What the rule is for, and what departing from it is for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Intent {
    pub rule: String,
    pub departure: String,
}

/// Guidance for the written motivation along the lines of Awb 4:84.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MotivationGuide {
    /// Least number of characters for each part of the motivation.
    pub min_chars: u32,
    pub circumstances: Option<String>,
    pub consequences: Option<String>,
    pub aims: Option<String>,
    pub disproportionality: Option<String>,
}

impl MotivationGuide {
    pub const DEFAULT_MIN_CHARS: u32 = 40;
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub help: Option<String>,
}

/// One thing the caseworker must check and answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    pub id: String,
    pub section: Option<String>,
    pub question: String,
    pub help: Option<String>,
    pub required: bool,
    /// When the check applies: every condition holds. None: always.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<Condition>,
    #[serde(flatten)]
    pub kind: CheckKind,
}

/// One condition of `when`: an earlier check answered so.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Condition {
    pub check: String,
    pub value: ConditionValue,
}

/// The answer a condition asks: yes or no, one of a choice's options (or
/// any of several), or a number compared with a bound.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ConditionValue {
    Yes(bool),
    Option(String),
    OneOf(Vec<String>),
    Compare(Compare),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum CheckKind {
    /// Yes or no; with `expect`, only that answer lets the caseworker
    /// proceed; without, either answer is information.
    Confirm {
        expect: Option<bool>,
    },
    Text {
        min_chars: u32,
    },
    Number {
        #[serde(with = "rust_decimal::serde::float_option")]
        min: Option<Decimal>,
        #[serde(with = "rust_decimal::serde::float_option")]
        max: Option<Decimal>,
        unit: Option<String>,
    },
    /// One of `options`; when `accept` is not empty only those let the
    /// caseworker proceed.
    Choice {
        options: Vec<String>,
        accept: Vec<String>,
    },
    /// A date; with `within = "period"` one within the decision's period;
    /// with `before_decision` one on or before the decision date, at most
    /// that long before it.
    Date {
        within_period: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        before_decision: Option<CalendarDuration>,
    },
}

/// The kinds of check, as named in a norm file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindName {
    Confirm,
    Text,
    Number,
    Choice,
    Date,
}

/// One kind of check: its name in a norm file and the keys that belong to
/// it alone.
#[derive(Debug, Clone, Copy)]
pub struct KindSpec {
    pub kind: KindName,
    pub name: &'static str,
    pub keys: &'static [&'static str],
}

/// Every kind of check. The parser, the messages and [`CheckKind::name`] all
/// read this one table.
pub const CHECK_KINDS: [KindSpec; 5] = [
    KindSpec {
        kind: KindName::Confirm,
        name: "confirm",
        keys: &["expect"],
    },
    KindSpec {
        kind: KindName::Text,
        name: "text",
        keys: &["min_chars"],
    },
    KindSpec {
        kind: KindName::Number,
        name: "number",
        keys: &["min", "max", "unit"],
    },
    KindSpec {
        kind: KindName::Choice,
        name: "choice",
        keys: &["options", "accept"],
    },
    KindSpec {
        kind: KindName::Date,
        name: "date",
        keys: &["within", "before_decision"],
    },
];

/// The names of [`CHECK_KINDS`], in order.
pub const CHECK_KIND_NAMES: &[&str] = &{
    let mut names = [""; CHECK_KINDS.len()];
    let mut i = 0;
    while i < CHECK_KINDS.len() {
        names[i] = CHECK_KINDS[i].name;
        i += 1;
    }
    names
};

impl CheckKind {
    pub fn kind(&self) -> KindName {
        match self {
            Self::Confirm { .. } => KindName::Confirm,
            Self::Text { .. } => KindName::Text,
            Self::Number { .. } => KindName::Number,
            Self::Choice { .. } => KindName::Choice,
            Self::Date { .. } => KindName::Date,
        }
    }

    /// The kind's name in a norm file: `confirm`, `number`, …
    pub fn name(&self) -> &'static str {
        let kind = self.kind();
        CHECK_KINDS
            .iter()
            .find(|k| k.kind == kind)
            .map_or("", |k| k.name)
    }
}

/// A document that must be in the case file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub id: String,
    pub text: String,
    pub required: bool,
    /// When it is asked for: every condition holds. None: always.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<Condition>,
}

/// Who may decide, up to which limits. Tiers run from the smallest mandate to
/// the largest; a later tier may decide everything an earlier one may.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mandate {
    /// Every decision needs a second person's review, whatever its size.
    pub four_eyes: bool,
    pub tiers: Vec<Tier>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tier {
    pub role: String,
    /// Upper limits (inclusive) on number checks; an absent check is unlimited.
    pub limits: Vec<Limit>,
    /// Longest departure this role may decide; `None` is up to the norm's
    /// `max_duration`.
    pub max_duration: Option<CalendarDuration>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Limit {
    pub check: String,
    #[serde(with = "rust_decimal::serde::float")]
    pub max: Decimal,
}

/// The facts of a proposed decision that the mandate looks at.
#[derive(Debug, Clone, Default)]
pub struct DecisionFacts<'a> {
    /// Answers to number checks, by check id.
    pub numbers: Vec<(&'a str, Decimal)>,
    /// First day and first day after the departure.
    pub period: Option<(Date, Date)>,
}

/// A reason a decision needs someone else's review.
#[derive(Debug, Clone, PartialEq)]
pub enum Exceeded {
    /// A number check above the tier's limit.
    Limit {
        check: String,
        value: Decimal,
        max: Decimal,
    },
    /// A period longer than the tier's longest.
    Duration {
        /// How long the period runs, in months and days.
        length: Option<CalendarDuration>,
        max: CalendarDuration,
    },
    /// The norm asks a second person's review for every decision.
    FourEyes,
    /// The author's role has no tier in this norm.
    NoTier,
    /// A total over several decisions goes past its maximum, and the
    /// norm sends it to `role`.
    Total {
        id: String,
        total: Decimal,
        max: Decimal,
        /// The unit of the summed answers; none when decisions are counted.
        unit: Option<String>,
        counted: bool,
        role: String,
    },
}

/// Who may take a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum MandateOutcome {
    /// The author may decide alone.
    Within { role: String },
    /// Someone with `role` (or a later tier) must review and approve.
    NeedsReview { role: String },
    /// No tier of this norm covers it: the norm does not allow it.
    BeyondNorm,
}

impl Tier {
    fn covers(&self, facts: &DecisionFacts<'_>) -> bool {
        let numbers_ok = self.limits.iter().all(|limit| {
            facts
                .numbers
                .iter()
                .filter(|(id, _)| *id == limit.check)
                .all(|(_, value)| *value <= limit.max)
        });
        let duration_ok = match (self.max_duration, facts.period) {
            (Some(max), Some((start, end))) => max.end_from(start).is_some_and(|last| end <= last),
            _ => true,
        };
        numbers_ok && duration_ok
    }
}

impl Mandate {
    /// Where `role` stands among the tiers, smallest mandate first.
    pub fn rank(&self, role: &str) -> Option<usize> {
        self.tiers.iter().position(|t| t.role == role)
    }

    /// Whether `role`'s own tier covers a decision with these facts.
    pub fn covered_by(&self, role: &str, facts: &DecisionFacts<'_>) -> bool {
        self.rank(role).is_some_and(|i| self.tiers[i].covers(facts))
    }

    /// The first tier after `role`'s that covers these facts: who must
    /// review in turn after someone in `role` approved what their own tier
    /// does not cover.
    pub fn next_covering(&self, role: &str, facts: &DecisionFacts<'_>) -> Option<&str> {
        let from = self.rank(role)? + 1;
        self.tiers
            .iter()
            .skip(from)
            .find(|t| t.covers(facts))
            .map(|t| t.role.as_str())
    }

    /// Why a decision with these facts goes beyond `role`'s own mandaat:
    /// each limit of its tier that is exceeded, or that the role has no
    /// tier, or that the norm asks four eyes for every decision.
    pub fn exceeded(&self, role: &str, facts: &DecisionFacts<'_>) -> Vec<Exceeded> {
        let Some(tier) = self.rank(role).map(|i| &self.tiers[i]) else {
            return vec![Exceeded::NoTier];
        };
        let mut out: Vec<Exceeded> = tier
            .limits
            .iter()
            .flat_map(|limit| {
                facts
                    .numbers
                    .iter()
                    .filter(|(id, value)| *id == limit.check && *value > limit.max)
                    .map(|(_, value)| Exceeded::Limit {
                        check: limit.check.clone(),
                        value: *value,
                        max: limit.max,
                    })
            })
            .collect();
        if let (Some(max), Some((start, end))) = (tier.max_duration, facts.period)
            && max.end_from(start).is_none_or(|last| end > last)
        {
            out.push(Exceeded::Duration {
                length: CalendarDuration::between(start, end),
                max,
            });
        }
        if out.is_empty() && self.four_eyes {
            out.push(Exceeded::FourEyes);
        }
        out
    }

    /// Whether an author in `role` may take a decision with these facts alone.
    pub fn outcome(&self, role: &str, facts: &DecisionFacts<'_>) -> MandateOutcome {
        let Some(first) = self.tiers.iter().position(|t| t.covers(facts)) else {
            return MandateOutcome::BeyondNorm;
        };
        let author = self.tiers.iter().position(|t| t.role == role);
        match author {
            Some(a) if a >= first && !self.four_eyes => MandateOutcome::Within {
                role: role.to_owned(),
            },
            _ => MandateOutcome::NeedsReview {
                role: self.tiers[first].role.clone(),
            },
        }
    }
}

/// Why a norm cannot be chosen for a decision on a given date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum Unusable {
    Concept,
    Withdrawn {
        since: Option<Date>,
    },
    NotYetValid {
        from: Date,
    },
    Expired {
        until: Date,
    },
    /// This version is not adopted in the store (or the decision did not
    /// see its adoption).
    NotAdopted,
    /// Withdrawn in the store from this date.
    WithdrawnInStore {
        since: Date,
    },
}

impl Norm {
    /// Whether `check` applies given `answers`: each of its conditions
    /// holds — the check it names applies itself and was answered so.
    /// Conditions name earlier checks only, so this ends.
    pub fn applies(&self, check: &Check, answers: &[(String, Answer)]) -> bool {
        self.holds(&check.when, answers)
    }

    /// Whether every condition of `when` holds with `answers`.
    pub fn holds(&self, when: &[Condition], answers: &[(String, Answer)]) -> bool {
        when.iter().all(|c| {
            let Some(target) = self.check(&c.check) else {
                return false;
            };
            let answer = answers
                .iter()
                .find(|(id, _)| *id == c.check)
                .map(|(_, a)| a);
            self.applies(target, answers)
                && match (&c.value, answer) {
                    (ConditionValue::Yes(want), Some(Answer::Yes(got))) => want == got,
                    (ConditionValue::Option(want), Some(Answer::Text(got))) => want == got,
                    (ConditionValue::OneOf(any), Some(Answer::Text(got))) => any.contains(got),
                    (ConditionValue::Compare(bound), Some(Answer::Number(n))) => bound.admits(*n),
                    _ => false,
                }
        })
    }

    /// `answers` without those to checks that do not apply (or that the
    /// norm does not have): what a record holds.
    pub fn applicable(&self, answers: &[(String, Answer)]) -> Vec<(String, Answer)> {
        answers
            .iter()
            .filter(|(id, _)| self.check(id).is_none_or(|c| self.applies(c, answers)))
            .cloned()
            .collect()
    }

    /// Whether a new decision dated `on` may rely on this norm. The date is
    /// passed in: the domain never reads the clock.
    pub fn usability(&self, on: Date) -> Result<(), Unusable> {
        match self.status {
            Status::Concept => return Err(Unusable::Concept),
            Status::Ingetrokken => match self.withdrawn_on {
                Some(since) if on < since => {}
                since => return Err(Unusable::Withdrawn { since }),
            },
            Status::Vastgesteld => {}
        }
        if on < self.valid_from {
            return Err(Unusable::NotYetValid {
                from: self.valid_from,
            });
        }
        if let Some(until) = self.valid_until.filter(|until| on > *until) {
            return Err(Unusable::Expired { until });
        }
        Ok(())
    }

    pub fn check(&self, id: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn tier(role: &str, max: Option<Decimal>, months: Option<&str>) -> Tier {
        Tier {
            role: role.into(),
            limits: max
                .map(|max| Limit {
                    check: "bedrag".into(),
                    max,
                })
                .into_iter()
                .collect(),
            max_duration: months.map(|m| CalendarDuration::parse_iso(m).unwrap()),
        }
    }

    fn mandate(four_eyes: bool) -> Mandate {
        Mandate {
            four_eyes,
            tiers: vec![
                tier("consulent", Some(Decimal::from(500)), Some("P3M")),
                tier("teamleider", Some(Decimal::from(2500)), None),
                tier("afdelingshoofd", None, None),
            ],
        }
    }

    fn facts(amount: &str, months: i8) -> DecisionFacts<'static> {
        let start = date(2026, 11, 23);
        let end = start.checked_add(jiff::Span::new().months(months)).unwrap();
        DecisionFacts {
            numbers: vec![("bedrag", amount.parse().unwrap())],
            period: Some((start, end)),
        }
    }

    #[track_caller]
    fn outcome(m: &Mandate, role: &str, f: &DecisionFacts<'_>, expected: &MandateOutcome) {
        assert_eq!(&m.outcome(role, f), expected, "{role}");
    }

    #[test]
    fn mandate_tiers_decide_who_may_decide() {
        let m = mandate(false);
        let within = |r: &str| MandateOutcome::Within { role: r.into() };
        let review = |r: &str| MandateOutcome::NeedsReview { role: r.into() };
        outcome(&m, "consulent", &facts("500", 3), &within("consulent"));
        outcome(&m, "consulent", &facts("500.01", 3), &review("teamleider"));
        outcome(&m, "consulent", &facts("100", 4), &review("teamleider"));
        outcome(&m, "teamleider", &facts("2500", 12), &within("teamleider"));
        outcome(
            &m,
            "teamleider",
            &facts("2600", 1),
            &review("afdelingshoofd"),
        );
        outcome(
            &m,
            "afdelingshoofd",
            &facts("1000000000", 1),
            &within("afdelingshoofd"),
        );
        // A role the norm does not name never decides alone.
        outcome(&m, "controller", &facts("10", 1), &review("consulent"));
    }

    #[test]
    fn four_eyes_always_needs_review_and_a_norm_can_be_exceeded() {
        let m = mandate(true);
        outcome(
            &m,
            "teamleider",
            &facts("10", 1),
            &MandateOutcome::NeedsReview {
                role: "consulent".into(),
            },
        );
        let capped = Mandate {
            four_eyes: false,
            tiers: vec![tier("consulent", Some(Decimal::from(500)), None)],
        };
        outcome(
            &capped,
            "consulent",
            &facts("501", 1),
            &MandateOutcome::BeyondNorm,
        );
    }
}
