//! Dates tied to the decision and its period: a date answer on or shortly
//! before the decision date ("applied for within three months"), a period
//! that ends before a date answer ("until the day before the 23rd
//! birthday", without the birth date itself), and a period within one
//! calendar year.

use jiff::civil::Date;

use super::{Proposal, Refusal};
use crate::domain::norm::{CheckKind, Norm};
use crate::domain::record::Answer;

/// Every way `p`, dated `decision_date`, breaks the norm's rules on dates.
pub fn check(norm: &Norm, p: &Proposal, decision_date: Date, refusals: &mut Vec<Refusal>) {
    let date_of = |id: &str| {
        p.answers.iter().find_map(|(a, answer)| match answer {
            Answer::Date(d) if a == id => Some(*d),
            _ => None,
        })
    };
    for check in &norm.checks {
        let CheckKind::Date {
            before_decision: Some(window),
            ..
        } = &check.kind
        else {
            continue;
        };
        let (Some(answer), Some(first)) = (date_of(&check.id), window.back_from(decision_date))
        else {
            continue;
        };
        if answer < first || answer > decision_date {
            refusals.push(Refusal::DateNotNearDecision {
                check: check.id.clone(),
                first,
                last: decision_date,
            });
        }
    }
    let Some((start, end)) = p.period else {
        return;
    };
    let last = end.yesterday().unwrap_or(end);
    if let Some(id) = &norm.period_ends_before
        && let Some(limit) = date_of(id)
        && last >= limit
    {
        refusals.push(Refusal::PeriodPastDate {
            check: id.clone(),
            last: limit.yesterday().unwrap_or(limit),
        });
    }
    if norm.period_in_calendar_year && last.year() != start.year() {
        refusals.push(Refusal::PeriodAcrossYears);
    }
}
