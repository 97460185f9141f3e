//! `[award]`: what a decision grants and how.
//!
//! ```toml
//! [award]
//! form = "gift"                       # gift | loan | in-kind
//! takes_effect_when = "…"             # optional
//! revocable_for = "P6M"               # optional
//!
//! [[award.form_when]]                 # another form when the answers say so
//! when = { kostensoort = "inrichting" }
//! form = "loan"
//!
//! [award.amount]                      # worked out from the answers
//! unit = "EUR"
//! base = 1500
//! [[award.amount.add]]
//! per = "bedrag"                      # times the answer to this number check
//! value = 1
//! ```

use super::rules::{RULES_FORMAT, read_conditions};
use crate::domain::diagnostic::{Construct, Item, Problem};
use crate::domain::norm::award::{Award, Computed, Form, Module};
use crate::domain::norm::{Check, CheckKind};
use crate::domain::suggest;
use crate::domain::toml_reader::TableReader;

/// The norm's `[award]`: `Ok(None)` when it has none, `Err` when it is
/// wrong (each problem reported where it is).
pub(super) fn read_award(
    r: &mut TableReader<'_, '_>,
    checks: &[Check],
    format: u32,
) -> Result<Option<Award>, ()> {
    if !r.has("award") {
        return Ok(None);
    }
    if format < RULES_FORMAT {
        // Known, but not in this format: said once.
        let _ = r.raw("award");
        let span = r.span_of("award");
        r.error(
            span,
            Problem::NeedsFormat {
                construct: Construct::Written("[award]".into()),
                format: RULES_FORMAT,
            },
        );
        return Err(());
    }
    let mut t = r.table("award", None).ok_or(())?;
    let form = read_form(&mut t, true);
    let mut form_when = Vec::new();
    let mut ok = true;
    for item in t.tables("form_when") {
        let mut w = t.open(&item);
        let when = read_conditions(&mut w, "when", checks, format);
        if when.is_empty() && !w.has("when") {
            w.missing("when", "when = { kostensoort = \"inrichting\" }");
        }
        let other = read_form(&mut w, true);
        w.finish();
        match other {
            Some(other) if !when.is_empty() => form_when.push((when, other)),
            _ => ok = false,
        }
    }
    let amount = read_amount(&mut t, checks, format);
    let takes_effect_when = t.text("takes_effect_when", None).map(|x| x.value);
    let revocable_for = super::read_period(&mut t, "revocable_for");
    let revocable_bad = t.has("revocable_for") && revocable_for.is_none();
    t.finish();
    match (form, amount, ok && !revocable_bad) {
        (Some(form), Ok(amount), true) => Ok(Some(Award {
            form,
            form_when,
            amount,
            takes_effect_when,
            revocable_for,
        })),
        _ => Err(()),
    }
}

fn read_form(t: &mut TableReader<'_, '_>, required: bool) -> Option<Form> {
    let example = required.then_some("form = \"gift\"");
    let name = t.text("form", example)?;
    if let Some(form) = Form::named(&name.value) {
        return Some(form);
    }
    let problem = Problem::UnknownValue {
        key: t.key_path("form"),
        suggestion: dutch_form(&name.value)
            .or_else(|| suggest(&name.value, Form::NAMES.iter()))
            .map(str::to_owned),
        value: name.value,
        allowed: Form::NAMES,
    };
    t.error(name.span, problem);
    None
}

/// The form a Dutch writer means with a Dutch word for it.
fn dutch_form(word: &str) -> Option<&'static str> {
    Some(match word.trim().to_lowercase().as_str() {
        "gift" | "om niet" | "om-niet" | "schenking" => "gift",
        "lening" | "geldlening" | "krediet" => "loan",
        "natura" | "in natura" | "in-natura" => "in-kind",
        _ => return None,
    })
}

/// `[award.amount]`: `Ok(None)` when absent.
fn read_amount(
    t: &mut TableReader<'_, '_>,
    checks: &[Check],
    format: u32,
) -> Result<Option<Computed>, ()> {
    if !t.has("amount") {
        return Ok(None);
    }
    let mut a = t.table("amount", None).ok_or(())?;
    let unit = a.text("unit", Some("unit = \"EUR\""));
    let base = a.number("base");
    if base.is_none() && !a.has("base") {
        a.missing("base", "base = 150");
    }
    let mut add = Vec::new();
    let mut ok = true;
    for item in a.tables("add") {
        let mut m = a.open(&item);
        let when = read_conditions(&mut m, "when", checks, format);
        let per = m.text("per", None).and_then(|p| {
            match checks.iter().find(|c| c.id == p.value) {
                Some(c) if matches!(c.kind, CheckKind::Number { .. }) => return Some(p.value),
                Some(_) => {
                    let key = m.key_path("per");
                    m.error(p.span, Problem::NotANumberCheck { id: p.value, key });
                }
                None => m.error(
                    p.span,
                    Problem::UnknownReference {
                        item: Item::Check,
                        suggestion: suggest(&p.value, checks.iter().map(|c| &c.id))
                            .map(str::to_owned),
                        id: p.value,
                    },
                ),
            }
            None
        });
        let per_bad = m.has("per") && per.is_none();
        let value = m.number("value");
        if value.is_none() && !m.has("value") {
            m.missing("value", "value = 52");
        }
        m.finish();
        match value {
            Some(value) if !per_bad => add.push(Module {
                when,
                per,
                value: value.value,
            }),
            _ => ok = false,
        }
    }
    a.finish();
    match (unit, base, ok) {
        (Some(unit), Some(base), true) => Ok(Some(Computed {
            unit: unit.value,
            base: base.value,
            add,
        })),
        _ => Err(()),
    }
}
