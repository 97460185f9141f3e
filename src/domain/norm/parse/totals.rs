//! `[[total]]`: limits over several decisions together.

use std::collections::HashSet;

use super::{id_at, is_kebab_id, unique};
use crate::domain::diagnostic::{Expected, Item, Problem};
use crate::domain::duration::CalendarDuration;
use crate::domain::norm::total::{Beyond, Scope, Total, Window};
use crate::domain::norm::{Check, CheckKind, Mandate};
use crate::domain::number::Decimal;
use crate::domain::suggest;
use crate::domain::toml_reader::TableReader;

/// Every `[[total]]` of the norm `norm_id`, checked against its checks and
/// its mandaat's roles.
pub(super) fn read_totals(
    r: &mut TableReader<'_, '_>,
    norm_id: Option<&str>,
    checks: &[Check],
    check_ids: &[String],
    mandate: Option<&Mandate>,
) -> Option<Vec<Total>> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut ok = true;
    for item in r.tables("total") {
        let mut t = r.open(&item);
        let total = read_total(&mut t, norm_id, (checks, check_ids), mandate);
        t.finish();
        match total {
            Some((total, id)) => {
                unique(r, &mut seen, Item::Total, &id);
                out.push(total);
            }
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn read_total(
    t: &mut TableReader<'_, '_>,
    norm_id: Option<&str>,
    (checks, check_ids): (&[Check], &[String]),
    mandate: Option<&Mandate>,
) -> Option<(Total, crate::domain::toml_reader::At<String>)> {
    let id = id_at(t, "id", "id = \"giften-per-kalenderjaar\"");
    let mut ok = true;
    let sum = t.text("sum", None).and_then(|s| {
        match checks.iter().find(|c| c.id == s.value) {
            Some(c) if matches!(c.kind, CheckKind::Number { .. }) => return Some(s.value),
            Some(_) => {
                let key = t.key_path("sum");
                t.error(s.span, Problem::NotANumberCheck { id: s.value, key });
            }
            // The check has errors of its own, reported there.
            None if check_ids.contains(&s.value) => {}
            None => t.error(
                s.span,
                Problem::UnknownReference {
                    item: Item::Check,
                    suggestion: suggest(&s.value, check_ids).map(str::to_owned),
                    id: s.value,
                },
            ),
        }
        ok = false;
        None
    });
    if t.has("sum") && sum.is_none() {
        ok = false;
    }
    let max = read_max(t, sum.is_none());
    let per = match t.text("per", None) {
        None => Some(Scope::Case),
        Some(p) => match p.value.as_str() {
            "case" => Some(Scope::Case),
            "team" => Some(Scope::Team),
            _ => {
                let problem = Problem::UnknownValue {
                    key: t.key_path("per"),
                    suggestion: match p.value.trim().to_lowercase().as_str() {
                        "zaak" | "per-zaak" | "casus" => Some("case".to_owned()),
                        "gemeente" | "afdeling" => Some("team".to_owned()),
                        other => suggest(other, Scope::NAMES.iter()).map(str::to_owned),
                    },
                    value: p.value,
                    allowed: Scope::NAMES,
                };
                t.error(p.span, problem);
                None
            }
        },
    };
    let window = read_window(t);
    let beyond = read_beyond(t, mandate);
    let mut norms: Vec<String> = norm_id.map(str::to_owned).into_iter().collect();
    for other in t.texts("norms") {
        if is_kebab_id(&other.value) {
            if !norms.contains(&other.value) {
                norms.push(other.value);
            }
        } else {
            let problem = Problem::BadId {
                key: t.key_path("norms"),
                value: other.value,
            };
            t.error(other.span, problem);
            ok = false;
        }
    }
    let id = id?;
    ok.then_some(())?;
    Some((
        Total {
            id: id.value.clone(),
            sum,
            max: max?,
            per: per?,
            window: window?,
            beyond: beyond?,
            norms,
        },
        id,
    ))
}

/// `max`: not below zero; a whole number of at least one when decisions
/// are counted.
fn read_max(t: &mut TableReader<'_, '_>, counts: bool) -> Option<Decimal> {
    let Some(max) = t.number("max") else {
        if !t.has("max") {
            let example = if counts { "max = 1" } else { "max = 1200" };
            t.missing("max", example);
        }
        return None;
    };
    if counts && max.value.fract() != Decimal::ZERO {
        let problem = Problem::WrongType {
            key: t.key_path("max"),
            expected: Expected::WholeNumber,
            found: "number",
        };
        t.error(max.span, problem);
        return None;
    }
    let least = i64::from(counts);
    if max.value < Decimal::from(least) {
        let problem = Problem::TooSmall {
            key: t.key_path("max"),
            min: least,
        };
        t.error(max.span, problem);
        return None;
    }
    Some(max.value)
}

/// `window`: `"calendar-year"`, `"ever"`, or a period such as `"P5Y"`.
fn read_window(t: &mut TableReader<'_, '_>) -> Option<Window> {
    let w = t.text("window", Some("window = \"calendar-year\""))?;
    match w.value.as_str() {
        "calendar-year" => Some(Window::CalendarYear),
        "ever" => Some(Window::Ever),
        text if text.starts_with(['P', 'p']) || CalendarDuration::meant(text).is_some() => {
            match CalendarDuration::parse_iso(text) {
                Ok(period) => Some(Window::Within(period)),
                Err(error) => {
                    let problem = Problem::BadPeriod {
                        key: t.key_path("window"),
                        error,
                        meant: CalendarDuration::meant(text),
                    };
                    t.error(w.span, problem);
                    None
                }
            }
        }
        _ => {
            let problem = Problem::UnknownValue {
                key: t.key_path("window"),
                suggestion: suggest(&w.value, Window::EXAMPLES.iter()).map(str::to_owned),
                value: w.value,
                allowed: Window::EXAMPLES,
            };
            t.error(w.span, problem);
            None
        }
    }
}

/// `beyond`: `"refuse"` (the default), or a role of the mandaat that must
/// review a decision past the total.
fn read_beyond(t: &mut TableReader<'_, '_>, mandate: Option<&Mandate>) -> Option<Beyond> {
    let Some(b) = t.text("beyond", None) else {
        return Some(Beyond::Refuse);
    };
    if b.value == "refuse" {
        return Some(Beyond::Refuse);
    }
    let mandate = mandate?;
    if mandate.rank(&b.value).is_some() {
        return Some(Beyond::Review(b.value));
    }
    let names = std::iter::once("refuse").chain(mandate.tiers.iter().map(|t| t.role.as_str()));
    let problem = Problem::UnknownReference {
        item: Item::Role,
        suggestion: suggest(&b.value, names).map(str::to_owned),
        id: b.value,
    };
    t.error(b.span, problem);
    None
}
