//! Conditions on answers, and `[[constraint]]`: rules across answers.
//!
//! A condition names a check and what its answer must be: `true` or
//! `false` for a yes/no question, one of a choice's options (or a list of
//! them, any of which will do), or for a number a bound such as
//! `{ below = 200 }`. `when` on a check or evidence item, and `when`,
//! `require` and `any` on a constraint, are written alike.

use std::collections::HashSet;

use toml::de::DeValue;

use super::{id_at, unique};
use crate::domain::diagnostic::{Construct, Item, Problem};
use crate::domain::norm::{Check, CheckKind, Compare, Condition, ConditionValue, Constraint};
use crate::domain::suggest;
use crate::domain::toml_reader::{TableReader, number_of};

/// The norm format in which lists of options and number bounds may be
/// written in a condition, and constraints at all.
pub const RULES_FORMAT: u32 = 2;

/// The conditions under `key` (`{ check-id = answer, … }`), each naming
/// one of `checks`.
pub(super) fn read_conditions(
    t: &mut TableReader<'_, '_>,
    key: &'static str,
    checks: &[Check],
    format: u32,
) -> Vec<Condition> {
    let Some(entries) = t.entries(key) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (name, value) in entries {
        let Some(target) = checks.iter().find(|c| c.id == name.value) else {
            t.error(
                name.span,
                Problem::UnknownReference {
                    item: Item::Check,
                    suggestion: suggest(&name.value, checks.iter().map(|c| &c.id))
                        .map(str::to_owned),
                    id: name.value,
                },
            );
            continue;
        };
        let newer = matches!(value.get_ref(), DeValue::Array(_) | DeValue::Table(_));
        if newer && format < RULES_FORMAT {
            t.error(
                value.span(),
                Problem::NeedsFormat {
                    construct: Construct::ListOrBound,
                    format: RULES_FORMAT,
                },
            );
            continue;
        }
        let values = condition_values(&target.kind, value.get_ref());
        if values.is_empty() {
            let options = match &target.kind {
                CheckKind::Choice { options, .. } => options.clone(),
                _ => Vec::new(),
            };
            let suggestion = match value.get_ref() {
                // A bound under another name: `{ boven = 500 }`.
                DeValue::Table(bounds) => bounds
                    .iter()
                    .find_map(|(k, _)| Compare::meant(k.get_ref()).filter(|m| m != k.get_ref()))
                    .map(str::to_owned),
                DeValue::String(s) => options
                    .iter()
                    .find(|o| o.to_lowercase() == s.to_lowercase())
                    .map(String::as_str)
                    .or_else(|| suggest(s, &options))
                    .map(str::to_owned),
                _ => None,
            };
            t.error(
                value.span(),
                Problem::BadCondition {
                    check: name.value,
                    value: written(value.get_ref()),
                    kind: target.kind.name().to_owned(),
                    options,
                    suggestion,
                },
            );
            continue;
        }
        for value in values {
            out.push(Condition {
                check: name.value.clone(),
                value,
            });
        }
    }
    out
}

/// What `value` asks of an answer to a check of `kind`: nothing when it
/// cannot hold.
fn condition_values(kind: &CheckKind, value: &DeValue<'_>) -> Vec<ConditionValue> {
    match (kind, value) {
        (CheckKind::Confirm { .. }, DeValue::Boolean(b)) => vec![ConditionValue::Yes(*b)],
        (CheckKind::Choice { options, .. }, DeValue::String(o))
            if options.iter().any(|x| x == o.as_ref()) =>
        {
            vec![ConditionValue::Option(o.to_string())]
        }
        (CheckKind::Choice { options, .. }, DeValue::Array(list)) => {
            let chosen: Option<Vec<String>> = list
                .iter()
                .map(|v| {
                    v.get_ref()
                        .as_str()
                        .filter(|o| options.iter().any(|x| x == o))
                        .map(str::to_owned)
                })
                .collect();
            chosen
                .filter(|c| !c.is_empty())
                .map(|c| vec![ConditionValue::OneOf(c)])
                .unwrap_or_default()
        }
        (CheckKind::Number { .. }, DeValue::Table(bounds)) => {
            let read: Option<Vec<ConditionValue>> = bounds
                .iter()
                .map(|(k, v)| {
                    let bound = number_of(v.get_ref())?;
                    Compare::named(k.get_ref(), bound).map(ConditionValue::Compare)
                })
                .collect();
            read.unwrap_or_default()
        }
        _ => Vec::new(),
    }
}

/// A condition's value as written, for a message.
fn written(value: &DeValue<'_>) -> String {
    match value {
        DeValue::Boolean(b) => b.to_string(),
        DeValue::String(text) => format!("\"{text}\""),
        DeValue::Integer(i) => i.as_str().to_owned(),
        DeValue::Float(f) => f.as_str().to_owned(),
        DeValue::Array(_) => "[…]".to_owned(),
        DeValue::Table(_) => "{ … }".to_owned(),
        DeValue::Datetime(d) => d.to_string(),
    }
}

/// Every `[[constraint]]`: its id, the rule in words, and its conditions.
pub(super) fn read_constraints(
    r: &mut TableReader<'_, '_>,
    checks: &[Check],
    format: u32,
) -> Option<Vec<Constraint>> {
    let items = r.tables("constraint");
    if !items.is_empty() && format < RULES_FORMAT {
        let span = r.span_of("constraint");
        r.error(
            span,
            Problem::NeedsFormat {
                construct: Construct::Written("[[constraint]]".into()),
                format: RULES_FORMAT,
            },
        );
        return None;
    }
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut ok = true;
    for item in items {
        let mut t = r.open(&item);
        let id = id_at(&mut t, "id", "id = \"een-van-de-gronden\"");
        let text = t.text(
            "text",
            Some("text = \"Ten minste één van de gronden a, b of c geldt.\""),
        );
        let when = read_conditions(&mut t, "when", checks, format);
        let require = read_conditions(&mut t, "require", checks, format);
        let any = read_conditions(&mut t, "any", checks, format);
        // A rule with nothing to hold always holds: said, whether both
        // keys are left out or written empty.
        let empty = |t: &TableReader<'_, '_>, key: &str| !t.has(key) || t.table_len(key) == Some(0);
        if require.is_empty() && any.is_empty() && empty(&t, "require") && empty(&t, "any") {
            let span = if t.has("require") {
                t.span_of("require")
            } else if t.has("any") {
                t.span_of("any")
            } else {
                t.span()
            };
            t.error(span, Problem::ConstraintWithoutRule);
        }
        t.finish();
        match (id, text) {
            (Some(id), Some(text)) => {
                unique(r, &mut seen, Item::Constraint, &id);
                out.push(Constraint {
                    id: id.value,
                    text: text.value,
                    when,
                    require,
                    any,
                });
            }
            _ => ok = false,
        }
    }
    ok.then_some(out)
}

/// `period_ends_before = "check-id"` (a date question whose answer the
/// period must end before) and `period_within = "calendar-year"`: rules
/// for the period of a norm that asks for one.
pub(super) fn read_period_rules(
    r: &mut TableReader<'_, '_>,
    checks: &[Check],
    format: u32,
    has_period: bool,
) -> (Option<String>, bool) {
    let ends_before = r.text("period_ends_before", None);
    let within = r.text("period_within", None);
    for (key, at) in [
        (
            "period_ends_before",
            ends_before.as_ref().map(|e| e.span.clone()),
        ),
        ("period_within", within.as_ref().map(|w| w.span.clone())),
    ] {
        let Some(span) = at else { continue };
        if format < RULES_FORMAT {
            r.error(
                span,
                Problem::NeedsFormat {
                    construct: Construct::Written(format!("`{key}`")),
                    format: RULES_FORMAT,
                },
            );
        } else if !has_period {
            r.missing("max_duration", "max_duration = \"P1Y\"");
        }
    }
    let ends_before = ends_before.and_then(|e| {
        match checks.iter().find(|c| c.id == e.value) {
            Some(c) if matches!(c.kind, CheckKind::Date { .. }) => return Some(e.value),
            Some(_) => r.error(e.span, Problem::NotADateCheck { id: e.value }),
            None => r.error(
                e.span,
                Problem::UnknownReference {
                    item: Item::Check,
                    suggestion: suggest(&e.value, checks.iter().map(|c| &c.id)).map(str::to_owned),
                    id: e.value,
                },
            ),
        }
        None
    });
    let in_year = match within {
        None => false,
        Some(w) if w.value == "calendar-year" => true,
        Some(w) => {
            let problem = Problem::UnknownValue {
                key: "period_within".into(),
                suggestion: suggest(&w.value, ["calendar-year"].iter()).map(str::to_owned),
                value: w.value,
                allowed: &["calendar-year"],
            };
            r.error(w.span, problem);
            false
        }
    };
    (ends_before, in_year)
}
