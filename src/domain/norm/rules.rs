//! Rules across answers: a bound on a number answer in a condition, and
//! `[[constraint]]`, which requires conditions together or one of several
//! alternatives once its own `when` holds.

use serde::Serialize;

use super::{Condition, Norm};
use crate::domain::number::Decimal;
use crate::domain::record::Answer;

/// A number answer against a bound: `{ below = 200 }`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Compare {
    Below(#[serde(with = "rust_decimal::serde::float")] Decimal),
    AtMost(#[serde(with = "rust_decimal::serde::float")] Decimal),
    Above(#[serde(with = "rust_decimal::serde::float")] Decimal),
    AtLeast(#[serde(with = "rust_decimal::serde::float")] Decimal),
}

impl Compare {
    /// The keys as a norm writes them.
    pub const NAMES: &'static [&'static str] = &["below", "at_most", "above", "at_least"];

    /// The bound a policy officer meant by `word`, also in Dutch
    /// (`boven`, `onder`, `hoogstens`, `minstens`).
    pub fn meant(word: &str) -> Option<&'static str> {
        let word = word.trim().to_lowercase();
        Some(match word.as_str() {
            "below" | "onder" | "minder-dan" | "kleiner-dan" | "lt" => "below",
            "at_most" | "hoogstens" | "maximaal" | "ten-hoogste" | "max" | "le" | "at-most" => {
                "at_most"
            }
            "above" | "boven" | "meer-dan" | "groter-dan" | "gt" => "above",
            "at_least" | "minstens" | "minimaal" | "ten-minste" | "min" | "ge" | "at-least" => {
                "at_least"
            }
            _ => return None,
        })
    }

    pub fn named(name: &str, bound: Decimal) -> Option<Self> {
        Some(match name {
            "below" => Self::Below(bound),
            "at_most" => Self::AtMost(bound),
            "above" => Self::Above(bound),
            "at_least" => Self::AtLeast(bound),
            _ => return None,
        })
    }

    pub fn admits(self, n: Decimal) -> bool {
        match self {
            Self::Below(b) => n < b,
            Self::AtMost(b) => n <= b,
            Self::Above(b) => n > b,
            Self::AtLeast(b) => n >= b,
        }
    }
}

/// A rule across answers: when its `when` holds, every condition of
/// `require` must hold and, when `any` is given, at least one of `any` —
/// alternatives ("ground a, b or c") and constraints ("ground 4c only
/// below € 200 and without a breach of the duty to inform").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Constraint {
    pub id: String,
    /// The rule in words, as the caseworker is told it when it fails.
    pub text: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<Condition>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub require: Vec<Condition>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub any: Vec<Condition>,
}

impl Norm {
    /// The conditions among `all` that do not hold for `answers`.
    pub fn failing(&self, all: &[Condition], answers: &[(String, Answer)]) -> Vec<Condition> {
        all.iter()
            .filter(|c| !self.holds(std::slice::from_ref(*c), answers))
            .cloned()
            .collect()
    }

    /// `any`, when none of it holds for `answers`.
    pub fn none_of(&self, any: &[Condition], answers: &[(String, Answer)]) -> Vec<Condition> {
        let failing = self.failing(any, answers);
        if failing.len() == any.len() {
            failing
        } else {
            Vec::new()
        }
    }

    /// The rules across answers that `answers` break.
    pub fn broken(&self, answers: &[(String, Answer)]) -> Vec<&Constraint> {
        self.constraints
            .iter()
            .filter(|c| self.holds(&c.when, answers))
            .filter(|c| {
                !self.holds(&c.require, answers)
                    || (!c.any.is_empty()
                        && !c
                            .any
                            .iter()
                            .any(|one| self.holds(std::slice::from_ref(one), answers)))
            })
            .collect()
    }
}

/// `period_within` as a norm writes it, for `norms show --json`.
#[allow(clippy::trivially_copy_pass_by_ref)]
pub(super) fn calendar_year<S: serde::Serializer>(_: &bool, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str("calendar-year")
}
