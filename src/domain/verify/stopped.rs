//! Decisions that no longer hold (withdrawn, returned, rejected or
//! revised): a late one is named as a warning, and the totals are counted
//! again with what has no error of its own.

use std::collections::HashMap;

use super::{Finding, FindingKind, Severity, acts, totals};
use crate::domain::norm::Norm;
use crate::domain::store::files::CompactId;

/// The totals, counted again with what has no error of its own so far.
pub(super) fn check_totals(
    snapshots: &HashMap<String, Option<Norm>>,
    (acts, revisions): (&acts::Acts, &[crate::domain::store::StoredRecord]),
    counted: &totals::Counting,
    findings: &mut Vec<Finding>,
) {
    let errors = |findings: &[Finding]| -> std::collections::HashSet<String> {
        findings
            .iter()
            .filter(|f| f.kind.severity() == Severity::Error)
            .map(|f| f.file.clone())
            .collect()
    };
    // A late record that no longer holds is no longer held against the
    // store: it counts, as any record does, until it stopped.
    let stopped = stopped_records(acts, revisions, &errors(findings));
    for finding in findings.iter_mut() {
        if let FindingKind::Backdated { stopped: s, .. } = &mut finding.kind
            && record_id(&finding.file).is_some_and(|id| stopped.contains(&id))
        {
            *s = true;
        }
    }
    totals::check((snapshots, &errors(findings)), acts, counted, findings);
}

/// The records that stopped holding by what has no error of its own (its
/// file in `failed`): a withdrawal, a review that returned or rejected
/// it, or a record that revises it.
fn stopped_records(
    acts: &acts::Acts,
    revisions: &[crate::domain::store::StoredRecord],
    failed: &std::collections::HashSet<String>,
) -> std::collections::HashSet<CompactId> {
    let withdrawn = acts
        .withdrawals
        .iter()
        .filter(|w| !failed.contains(&acts.file::<crate::domain::review::Withdrawal>(w)))
        .map(|w| w.about);
    let returned = acts
        .reviews
        .iter()
        .filter(|r| {
            matches!(
                r.verdict,
                Some(
                    crate::domain::review::Verdict::Return | crate::domain::review::Verdict::Reject
                )
            ) && !failed.contains(&acts.file::<crate::domain::review::Review>(r))
        })
        .map(|r| r.about);
    let revised = revisions
        .iter()
        .filter(|r| !failed.contains(&r.file))
        .filter_map(|r| r.record.revises.as_deref().and_then(CompactId::new));
    withdrawn.chain(returned).chain(revised).collect()
}

/// The id of the record in `file` (`records/<chain>/<seq>-<id>.toml`).
fn record_id(file: &str) -> Option<CompactId> {
    let name = file.strip_prefix("records/")?.rsplit('/').next()?;
    let (_, id) = name.strip_suffix(".toml")?.split_once('-')?;
    CompactId::new(id)
}
