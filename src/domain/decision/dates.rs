//! The period held to the answers: a period that ends before a date
//! answer ("until the day before the 23rd birthday", without the birth
//! date itself), and a period within one calendar year. A date answer on
//! or shortly before the decision date is judged with the answer
//! ([`crate::domain::norm::Check::judge_at`]).

use super::{Proposal, Refusal};
use crate::domain::norm::Norm;
use crate::domain::record::Answer;

/// Every way `p`, dated `decision_date`, breaks the norm's rules on dates.
pub fn check(norm: &Norm, p: &Proposal, refusals: &mut Vec<Refusal>) {
    let date_of = |id: &str| {
        p.answers.iter().find_map(|(a, answer)| match answer {
            Answer::Date(d) if a == id => Some(*d),
            _ => None,
        })
    };
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
