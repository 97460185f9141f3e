//! A decision against the norm's totals over several decisions: what it
//! adds, what earlier decisions came to (counted in the store by the
//! caller), and what happens past the maximum — refused, or for review.

use jiff::civil::Date;

use super::{Proposal, Refusal};
use crate::domain::norm::total::{Beyond, Total};
use crate::domain::norm::{CheckKind, DecisionFacts, MandateOutcome, Norm};
use crate::domain::number::{Decimal, as_stored};
use crate::domain::record::TotalLine;

/// The unit a total is counted in: its summed check's, none for a count.
pub fn unit<'a>(norm: &'a Norm, total: &Total) -> Option<&'a str> {
    let check = norm.check(total.sum.as_deref()?)?;
    match &check.kind {
        CheckKind::Number { unit, .. } => unit.as_deref(),
        _ => None,
    }
}

/// Each total with this decision, and the roles that must review because
/// a total goes past its maximum; a refusal for each total the norm does
/// not let go past.
pub fn judge(
    norm: &Norm,
    p: &Proposal,
    facts: &DecisionFacts<'_>,
    decision_date: Date,
    refusals: &mut Vec<Refusal>,
) -> (Vec<TotalLine>, Vec<String>) {
    let mut lines = Vec::new();
    let mut review = Vec::new();
    for total in &norm.totals {
        let unit = unit(norm, total);
        let this = total.measure(facts.numbers.iter().copied());
        let earlier = p
            .earlier
            .iter()
            .find(|(id, _)| *id == total.id)
            .map_or(Decimal::ZERO, |(_, n)| *n);
        let sum = earlier.saturating_add(this);
        let (from, through) = total.window.bounds(decision_date);
        lines.push(TotalLine {
            id: total.id.clone(),
            sum: total.sum.clone(),
            from,
            through,
            earlier: as_stored(earlier, unit),
            total: as_stored(sum, unit),
            max: as_stored(total.max, unit),
        });
        // A decision that adds nothing does not go past it.
        if this > Decimal::ZERO && sum > total.max {
            match &total.beyond {
                Beyond::Refuse => refusals.push(Refusal::TotalExceeded {
                    total: total.id.clone(),
                    earlier,
                    this,
                    max: total.max,
                    unit: unit.map(str::to_owned),
                    counted: total.sum.is_none(),
                    from,
                    through,
                    per: total.per,
                }),
                Beyond::Review(role) => review.push(role.clone()),
            }
        }
    }
    (lines, review)
}

/// The mandaat outcome once totals that went past their maximum ask for
/// `review` by these roles: review by the highest of them and of who the
/// mandaat already asks, even when the author holds that role.
pub fn with_review(norm: &Norm, outcome: MandateOutcome, review: Vec<String>) -> MandateOutcome {
    let rank = |role: &str| norm.mandate.rank(role);
    let highest = review.into_iter().max_by_key(|r| rank(r));
    match (outcome, highest) {
        (outcome, None) | (outcome @ MandateOutcome::BeyondNorm, _) => outcome,
        (MandateOutcome::Within { .. }, Some(role)) => MandateOutcome::NeedsReview { role },
        (MandateOutcome::NeedsReview { role }, Some(other)) => MandateOutcome::NeedsReview {
            role: if rank(&other) > rank(&role) {
                other
            } else {
                role
            },
        },
    }
}
