//! What a decision grants and how (`[award]` in a norm): a gift or a loan
//! (or help in kind), the form depending on the answers where the norm
//! says so; an amount computed from a base and modules ("150 minutes, 52
//! more when the house is very dirty, 16 for each extra room"); and when
//! the decision takes effect or may be revoked. The record states what
//! the norm gives for its answers, and verify works it out again.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Condition, Norm};
use crate::domain::duration::CalendarDuration;
use crate::domain::number::Decimal;
use crate::domain::record::Answer;

/// The form of what is granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    /// Om niet: not to be paid back.
    Gift,
    /// A loan, to be paid back.
    Loan,
    /// Help or goods in kind (in natura).
    InKind,
}

impl Form {
    pub const NAMES: &'static [&'static str] = &["gift", "loan", "in-kind"];

    pub fn named(name: &str) -> Option<Self> {
        Some(match name {
            "gift" => Self::Gift,
            "loan" => Self::Loan,
            "in-kind" => Self::InKind,
            _ => return None,
        })
    }
}

/// A norm's `[award]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Award {
    pub form: Form,
    /// Another form when these conditions hold: the first that holds.
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "form_when")]
    pub form_when: Vec<(Vec<Condition>, Form)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Computed>,
    /// What must happen before the decision takes effect.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub takes_effect_when: Option<String>,
    /// How long after the decision date it may still be revoked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revocable_for: Option<CalendarDuration>,
}

/// `form_when` as a norm writes it: `[{ when = {…}, form = "loan" }]`.
fn form_when<S: serde::Serializer>(
    list: &[(Vec<Condition>, Form)],
    s: S,
) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Entry<'a> {
        when: &'a [Condition],
        form: Form,
    }
    s.collect_seq(list.iter().map(|(when, form)| Entry { when, form: *form }))
}

/// An amount worked out from the answers: a base and modules.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Computed {
    pub unit: String,
    #[serde(with = "rust_decimal::serde::float")]
    pub base: Decimal,
    pub add: Vec<Module>,
}

/// One module: `value` when its conditions hold, times the answer to the
/// number check `per` when it names one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Module {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<Condition>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
    #[serde(with = "rust_decimal::serde::float")]
    pub value: Decimal,
}

/// What a record states is granted: what the norm's `[award]` gives for
/// its answers and decision date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Awarded {
    pub form: Form,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::domain::number::text_option"
    )]
    pub amount: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub takes_effect_when: Option<String>,
    /// The last day it may be revoked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revocable_until: Option<Date>,
}

impl Award {
    /// What this award gives for `answers` in a decision dated `on`.
    pub fn give(&self, norm: &Norm, answers: &[(String, Answer)], on: Date) -> Awarded {
        let form = self
            .form_when
            .iter()
            .find(|(when, _)| norm.holds(when, answers))
            .map_or(self.form, |(_, form)| *form);
        let number = |id: &str| {
            answers.iter().find_map(|(a, answer)| match answer {
                Answer::Number(n) if a == id => Some(*n),
                _ => None,
            })
        };
        let amount = self.amount.as_ref().map(|c| {
            c.add
                .iter()
                .filter(|m| norm.holds(&m.when, answers))
                .map(|m| match &m.per {
                    Some(id) => m.value * number(id).unwrap_or(Decimal::ZERO),
                    None => m.value,
                })
                .fold(c.base, |sum, part| sum + part)
        });
        let amount = amount.map(|n| {
            crate::domain::number::as_stored(n, self.amount.as_ref().map(|c| c.unit.as_str()))
        });
        Awarded {
            form,
            amount,
            unit: self.amount.as_ref().map(|c| c.unit.clone()),
            takes_effect_when: self.takes_effect_when.clone(),
            revocable_until: self
                .revocable_for
                .and_then(|d| d.end_from(on))
                .and_then(|d| d.yesterday().ok()),
        }
    }
}
