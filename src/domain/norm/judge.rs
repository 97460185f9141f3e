//! Whether an answer does for its check: of the right kind, in range, one of
//! the options, long enough, free of a BSN, and meeting the condition when
//! the check is a required one. The scripted `new`, the walkthrough (as the
//! answer is typed) and verification all judge answers here.

use super::{Check, CheckKind, DecisionFacts};
use crate::domain::bsn::{contains_bsn, is_bsn_number};
use crate::domain::dates::parse_typed_date;
use crate::domain::number::Decimal;
use crate::domain::number::{self, Unreadable};
use crate::domain::record::Answer;

/// Why an answer does not do for its check.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerProblem {
    /// A required check has no answer.
    Missing,
    /// The answer is of another kind than the check asks for.
    WrongType {
        kind: &'static str,
    },
    /// Typed text that is not a number.
    NotANumber,
    /// A number that reads two ways: `1.200` is twelve hundred to a Dutch
    /// reader and one point two to an English one.
    AmbiguousNumber {
        whole: Decimal,
        fraction: Decimal,
    },
    /// An amount in euro with more than two decimals.
    Cents,
    /// Typed text that is not a date.
    NotADate,
    OutOfRange {
        min: Option<Decimal>,
        max: Option<Decimal>,
    },
    NotAnOption {
        value: String,
    },
    TooShort {
        min: u32,
        len: usize,
    },
    /// A valid BSN in a text answer; the number itself is never repeated.
    BsnInText,
    /// A date outside the decision's period, for a check that asks one
    /// within it: the period's first and last day.
    OutsidePeriod {
        first: jiff::civil::Date,
        last: jiff::civil::Date,
    },
    /// A date that must lie on or shortly before the decision date does
    /// not: the first and last day it may be.
    NotNearDecision {
        first: jiff::civil::Date,
        last: jiff::civil::Date,
    },
    /// A required condition does not hold: the norm does not cover the case.
    ConditionNotMet,
}

impl Check {
    /// Every problem with `answer` for this check.
    pub fn judge(&self, answer: &Answer) -> Vec<AnswerProblem> {
        self.judge_in(answer, None)
    }

    /// Every problem with `answer` for this check in a decision dated
    /// `decision` (when known) running over `period`.
    pub fn judge_at(
        &self,
        answer: &Answer,
        period: Option<(jiff::civil::Date, jiff::civil::Date)>,
        decision: Option<jiff::civil::Date>,
    ) -> Vec<AnswerProblem> {
        let mut problems = self.judge_in(answer, period);
        if let (
            CheckKind::Date {
                before_decision: Some(window),
                ..
            },
            Answer::Date(d),
            Some(on),
        ) = (&self.kind, answer, decision)
            && let Some(first) = window.back_from(on)
            && (*d < first || *d > on)
        {
            problems.push(AnswerProblem::NotNearDecision { first, last: on });
        }
        problems
    }

    /// Every problem with `answer` for this check in a decision running
    /// over `period` (first day, first day no longer covered).
    pub fn judge_in(
        &self,
        answer: &Answer,
        period: Option<(jiff::civil::Date, jiff::civil::Date)>,
    ) -> Vec<AnswerProblem> {
        let mut problems = Vec::new();
        if let (
            CheckKind::Date {
                within_period: true,
                ..
            },
            Answer::Date(d),
            Some((start, end)),
        ) = (&self.kind, answer, period)
            && (*d < start || *d >= end)
        {
            problems.push(AnswerProblem::OutsidePeriod {
                first: start,
                last: end.yesterday().unwrap_or(end),
            });
        }
        match (&self.kind, answer) {
            (CheckKind::Confirm { .. }, Answer::Yes(_))
            | (CheckKind::Date { .. }, Answer::Date(_)) => {}
            (CheckKind::Text { min_chars }, Answer::Text(text)) => {
                let len = crate::domain::text::written_len(text);
                if len < *min_chars as usize {
                    problems.push(AnswerProblem::TooShort {
                        min: *min_chars,
                        len,
                    });
                }
                if contains_bsn(text) {
                    problems.push(AnswerProblem::BsnInText);
                }
            }
            (CheckKind::Number { unit, .. }, Answer::Number(n))
                if unit.as_deref() == Some(number::EURO) && number::decimals(*n) > 2 =>
            {
                problems.push(AnswerProblem::Cents);
            }
            (CheckKind::Number { min, max, .. }, Answer::Number(n)) => {
                if min.is_some_and(|m| *n < m) || max.is_some_and(|m| *n > m) {
                    problems.push(AnswerProblem::OutOfRange {
                        min: *min,
                        max: *max,
                    });
                }
                if is_bsn_number(*n) {
                    problems.push(AnswerProblem::BsnInText);
                }
            }
            (CheckKind::Choice { options, .. }, Answer::Text(value)) => {
                if !options.contains(value) {
                    problems.push(AnswerProblem::NotAnOption {
                        value: value.clone(),
                    });
                }
            }
            (kind, _) => problems.push(AnswerProblem::WrongType { kind: kind.name() }),
        }
        if problems.is_empty() && !self.meets(answer) {
            problems.push(AnswerProblem::ConditionNotMet);
        }
        problems
    }

    /// Whether `answer` meets this check's condition: always, unless the
    /// check expects one answer (a confirm's `expect`, a choice's
    /// `accept`). An optional check may be left unanswered, but once
    /// answered its condition holds like a required one's (norm format 2;
    /// in format 1 an optional check has no condition).
    pub fn meets(&self, answer: &Answer) -> bool {
        match (&self.kind, answer) {
            (CheckKind::Confirm { expect }, Answer::Yes(b)) => expect.is_none_or(|e| e == *b),
            (CheckKind::Choice { accept, .. }, Answer::Text(t)) => {
                accept.is_empty() || accept.contains(t)
            }
            _ => true,
        }
    }

    /// The answer as typed in a text field: a number with `,` or `.` as
    /// decimal mark, a date as `2026-11-23` or `23-11-2026`, text trimmed.
    /// `Ok(None)` for an optional check left empty. Confirm and choice
    /// checks are not typed; their answers are chosen.
    pub fn read_typed(&self, text: &str) -> Result<Option<Answer>, AnswerProblem> {
        let text = text.trim();
        if text.is_empty() {
            return if self.required {
                match self.kind {
                    CheckKind::Number { .. } => Err(AnswerProblem::NotANumber),
                    CheckKind::Date { .. } => Err(AnswerProblem::NotADate),
                    _ => Ok(Some(Answer::Text(String::new()))),
                }
            } else {
                Ok(None)
            };
        }
        match &self.kind {
            CheckKind::Number { .. } => read_number(text).map(|n| Some(Answer::Number(n))),
            CheckKind::Date { .. } => parse_typed_date(text)
                .map(|d| Some(Answer::Date(d)))
                .ok_or(AnswerProblem::NotADate),
            _ => Ok(Some(Answer::Text(text.to_owned()))),
        }
    }
}

/// A number as people type it (see [`number::read_typed`]).
fn read_number(text: &str) -> Result<Decimal, AnswerProblem> {
    number::read_typed(text).map_err(|e| match e {
        Unreadable::Ambiguous { whole, fraction } => {
            AnswerProblem::AmbiguousNumber { whole, fraction }
        }
        Unreadable::NotANumber => AnswerProblem::NotANumber,
    })
}

impl<'a> DecisionFacts<'a> {
    /// The facts the mandate looks at, from the answers given so far.
    pub fn from_answers(
        answers: impl IntoIterator<Item = (&'a str, &'a Answer)>,
        period: Option<(jiff::civil::Date, jiff::civil::Date)>,
    ) -> Self {
        let numbers = answers
            .into_iter()
            .filter_map(|(id, a)| match a {
                Answer::Number(n) => Some((id, *n)),
                _ => None,
            })
            .collect();
        Self { numbers, period }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::norm::catalog::Catalog;

    fn check(norm: &str, id: &str) -> Check {
        Catalog::bundled()
            .get(norm)
            .and_then(|n| n.norm.check(id).cloned())
            .unwrap()
    }

    #[test]
    fn each_kind_judges_its_own_answers() {
        let amount = check("pw-zoektermijn-jongeren", "voorschot");
        assert_eq!(amount.judge(&Answer::Number(Decimal::from(450))), []);
        assert_eq!(
            amount.judge(&Answer::Number(Decimal::from(2000))),
            [AnswerProblem::OutOfRange {
                min: Some(Decimal::ZERO),
                max: Some(Decimal::from(1500))
            }]
        );
        assert_eq!(
            amount.judge(&Answer::Yes(true)),
            [AnswerProblem::WrongType { kind: "number" }]
        );
        let need = check("pw-zoektermijn-jongeren", "acute-nood");
        assert_eq!(need.judge(&Answer::Yes(true)), []);
        assert_eq!(
            need.judge(&Answer::Yes(false)),
            [AnswerProblem::ConditionNotMet]
        );
        let text = check("pw-zoektermijn-jongeren", "afspraken");
        assert_eq!(
            text.judge(&Answer::Text("bel 123456782".into())),
            [
                AnswerProblem::TooShort { min: 40, len: 13 },
                AnswerProblem::BsnInText
            ]
        );
    }

    #[test]
    fn a_date_asked_within_the_period_is_held_to_it() {
        let start = check("pw-betaling-per-week", "ingangsdatum");
        let period = Some((
            jiff::civil::date(2026, 12, 1),
            jiff::civil::date(2027, 3, 1),
        ));
        let on = |y, m, d| Answer::Date(jiff::civil::date(y, m, d));
        assert_eq!(start.judge_in(&on(2026, 12, 1), period), []);
        assert_eq!(start.judge_in(&on(2027, 2, 28), period), []);
        for outside in [on(2026, 11, 30), on(2027, 3, 1)] {
            assert_eq!(
                start.judge_in(&outside, period),
                [AnswerProblem::OutsidePeriod {
                    first: jiff::civil::date(2026, 12, 1),
                    last: jiff::civil::date(2027, 2, 28),
                }]
            );
        }
        // A date check without `within` takes any date.
        let mut free = start.clone();
        free.kind = CheckKind::Date {
            within_period: false,
            before_decision: None,
        };
        assert_eq!(free.judge_in(&on(2030, 1, 1), period), []);
    }

    #[test]
    fn typed_answers_read_as_people_write_them() {
        let amount = check("pw-zoektermijn-jongeren", "voorschot");
        assert_eq!(
            amount.read_typed(" 450,50 "),
            Ok(Some(Answer::Number(Decimal::new(4505, 1))))
        );
        assert_eq!(amount.read_typed("veel"), Err(AnswerProblem::NotANumber));
        let read = |t: &str| amount.read_typed(t);
        let number = |n: &str| Ok(Some(Answer::Number(n.parse().unwrap())));
        assert_eq!(read("450,50"), number("450.5"));
        assert_eq!(read("450.5"), number("450.5"));
        assert_eq!(read("1.800,50"), number("1800.5"));
        assert_eq!(read("1,800.50"), number("1800.5"));
        assert_eq!(read("1.234.567"), number("1234567"));
        // Twelve hundred or one point two: asked, not guessed.
        let two_ways = Err(AnswerProblem::AmbiguousNumber {
            whole: Decimal::from(1200),
            fraction: Decimal::new(1200, 3),
        });
        assert_eq!(read("1.200"), two_ways);
        assert_eq!(read("1,200"), two_ways);
        assert_eq!(read("1.2.3,4,5"), Err(AnswerProblem::NotANumber));
        assert_eq!(read("0.125"), number("0.125"), "a leading 0 is a decimal");
        assert_eq!(amount.read_typed(""), Err(AnswerProblem::NotANumber));
    }
}
