//! The mandate: who may decide alone, up to which limits, tier by tier.

use std::collections::HashSet;

use jiff::civil::Date;

use super::{id_at, read_period, unique};
use crate::domain::diagnostic::{Expected, Item, Problem};
use crate::domain::duration::CalendarDuration;
use crate::domain::norm::{Check, CheckKind, Limit, Mandate, Tier};
use crate::domain::suggest;
use crate::domain::toml_reader::{At, Span, TableReader, number_of};

pub(super) fn read_mandate(
    r: &mut TableReader<'_, '_>,
    checks: &[Check],
    check_ids: &[String],
    norm_max: Option<CalendarDuration>,
    valid_from: Option<Date>,
) -> Option<Mandate> {
    let mut m = r.table(
        "mandate",
        Some("[mandate]\n[[mandate.tier]]\nrole = \"consulent\""),
    )?;
    let four_eyes = m.boolean("four_eyes").is_some_and(|b| b.value);
    let items = m.tables("tier");
    if items.is_empty() && !m.has("tier") {
        let span = m.span();
        m.error(span, Problem::NoTiers);
    }
    let mut tiers: Vec<Tier> = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut seen = HashSet::new();
    let mut ok = true;
    for item in &items {
        let mut t = m.open(item);
        let tier = read_tier(&mut t, checks, check_ids, norm_max, valid_from);
        let span = t.span();
        t.finish();
        match tier {
            Some((tier, role_span)) => {
                let role = At {
                    value: tier.role.clone(),
                    span: role_span,
                };
                unique(&mut m, &mut seen, Item::Role, &role);
                spans.push(span);
                tiers.push(tier);
            }
            None => ok = false,
        }
    }
    check_increasing(&mut m, &tiers, &spans, valid_from);
    m.finish();
    (ok && !tiers.is_empty()).then_some(Mandate { four_eyes, tiers })
}

pub(super) fn read_tier(
    t: &mut TableReader<'_, '_>,
    checks: &[Check],
    check_ids: &[String],
    norm_max: Option<CalendarDuration>,
    valid_from: Option<Date>,
) -> Option<(Tier, Span)> {
    let role = id_at(t, "role", "role = \"consulent\"");
    let mut limits = Vec::new();
    let mut ok = true;
    if let Some(entries) = t.entries("max") {
        for (check_id, value) in entries {
            match checks.iter().find(|c| c.id == check_id.value) {
                // The check exists but has errors of its own, reported there.
                None if check_ids.contains(&check_id.value) => ok = false,
                None => {
                    t.error(
                        check_id.span,
                        Problem::UnknownReference {
                            item: Item::Check,
                            suggestion: suggest(&check_id.value, check_ids).map(str::to_owned),
                            id: check_id.value,
                        },
                    );
                    ok = false;
                }
                Some(c) if !matches!(c.kind, CheckKind::Number { .. }) => {
                    t.error(
                        check_id.span,
                        Problem::NotANumberCheck {
                            id: check_id.value,
                            key: t.key_path("max"),
                        },
                    );
                    ok = false;
                }
                Some(_) => {
                    t.refuse_thousands(value);
                    if let Some(max) = number_of(value.get_ref()) {
                        limits.push(Limit {
                            check: check_id.value,
                            max,
                        });
                    } else {
                        t.reject("max", Expected::Number, value);
                        ok = false;
                    }
                }
            }
        }
    } else if t.has("max") {
        ok = false;
    }
    let max_duration = read_period(t, "max_duration");
    if t.has("max_duration") && max_duration.is_none() {
        ok = false;
    }
    if let (Some(tier_max), Some(norm_max), Some(from), Some(role)) =
        (max_duration, norm_max, valid_from, &role)
        && tier_max.compare_from(norm_max, from).is_gt()
    {
        let span = t.span_of("max_duration");
        t.error(
            span,
            Problem::TierLongerThanNorm {
                role: role.value.clone(),
            },
        );
        ok = false;
    }
    let role = role?;
    ok.then_some((
        Tier {
            role: role.value,
            limits,
            max_duration,
        },
        role.span,
    ))
}

/// A later tier must allow at least what an earlier one allows.
pub(super) fn check_increasing(
    m: &mut TableReader<'_, '_>,
    tiers: &[Tier],
    spans: &[Span],
    valid_from: Option<Date>,
) {
    for (i, pair) in tiers.windows(2).enumerate() {
        let (earlier, later) = (&pair[0], &pair[1]);
        let mut lower = |limit: String| {
            m.error(
                spans[i + 1].clone(),
                Problem::TierNotIncreasing {
                    role: later.role.clone(),
                    limit,
                    previous_role: earlier.role.clone(),
                },
            );
        };
        for limit in &later.limits {
            let earlier_max = earlier
                .limits
                .iter()
                .find(|l| l.check == limit.check)
                .map(|l| l.max);
            if earlier_max.is_none_or(|e| limit.max < e) {
                lower(limit.check.clone());
            }
        }
        if let (Some(l), Some(from)) = (later.max_duration, valid_from) {
            let shorter = earlier
                .max_duration
                .is_none_or(|e| l.compare_from(e, from).is_lt());
            if shorter {
                lower("max_duration".to_owned());
            }
        }
    }
}
