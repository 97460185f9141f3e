//! What a caseworker checks: sections, the checks themselves with their
//! kinds, and the evidence for the case file.

use std::collections::HashSet;

use super::rules::{RULES_FORMAT, read_conditions};
use super::{id_at, read_min_chars, unique};
use crate::domain::diagnostic::{Construct, Item, Problem};
use crate::domain::norm::{
    CHECK_KIND_NAMES, CHECK_KINDS, Check, CheckKind, Evidence, KindName, Section,
};
use crate::domain::suggest;
use crate::domain::toml_reader::{At, Span, TableReader};

pub(super) fn read_sections(r: &mut TableReader<'_, '_>) -> Vec<Section> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for item in r.tables("section") {
        let mut t = r.open(&item);
        let id = id_at(&mut t, "id", "id = \"situatie\"");
        let title = t.text("title", Some("title = \"…\""));
        let help = t.text("help", None).map(|h| h.value);
        t.finish();
        if let Some(id) = &id {
            unique(r, &mut seen, Item::Section, id);
        }
        if let (Some(id), Some(title)) = (id, title) {
            out.push(Section {
                id: id.value,
                title: title.value,
                help,
            });
        }
    }
    out
}

/// The valid checks, and the ids of all checks including invalid ones (so a
/// reference to a check with its own error is not reported as unknown).
pub(super) fn read_checks(
    r: &mut TableReader<'_, '_>,
    sections: &[Section],
    format: u32,
) -> (Vec<Check>, Vec<String>) {
    let items = r.tables("check");
    let all_ids: Vec<String> = items
        .iter()
        .filter_map(crate::domain::toml_reader::TableItem::id)
        .collect();
    if items.is_empty() && !r.has("check") {
        let span = r.span();
        r.error(span, Problem::NoChecks);
    }
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for item in items {
        let mut t = r.open(&item);
        let check = read_check(&mut t, sections, &out, format);
        t.finish();
        if let Some((check, id_span)) = check {
            let id = At {
                value: check.id.clone(),
                span: id_span,
            };
            unique(r, &mut seen, Item::Check, &id);
            out.push(check);
        }
    }
    (out, all_ids)
}

pub(super) fn read_check(
    t: &mut TableReader<'_, '_>,
    sections: &[Section],
    earlier: &[Check],
    format: u32,
) -> Option<(Check, Span)> {
    let id = id_at(t, "id", "id = \"acute-nood\"");
    let section = t.text("section", None).and_then(|s| {
        if sections.iter().any(|sec| sec.id == s.value) {
            Some(s.value)
        } else {
            t.error(
                s.span,
                Problem::UnknownReference {
                    item: Item::Section,
                    suggestion: suggest(&s.value, sections.iter().map(|sec| &sec.id))
                        .map(str::to_owned),
                    id: s.value,
                },
            );
            None
        }
    });
    let question = t.text("question", Some("question = \"…?\""));
    let help = t.text("help", None).map(|h| h.value);
    let required = t.boolean("required").is_none_or(|b| b.value);
    // `when` names earlier checks only, so a check never waits on itself.
    let when = read_conditions(t, "when", earlier, format);
    let mut kind = read_kind(t);
    // A yes/no question expects yes unless it says otherwise; an optional
    // one without `expect` is information, either answer will do (format
    // 1: an optional question has no condition at all).
    match &mut kind {
        Some(CheckKind::Confirm { expect }) if !required && format < RULES_FORMAT => {
            *expect = None;
        }
        Some(CheckKind::Choice { accept, .. }) if !required && format < RULES_FORMAT => {
            accept.clear();
        }
        Some(CheckKind::Confirm { expect }) if required && expect.is_none() => {
            *expect = Some(true);
        }
        _ => {}
    }
    if format < RULES_FORMAT
        && let Some(CheckKind::Date {
            before_decision: Some(_),
            ..
        }) = &kind
    {
        let span = t.span_of("before_decision");
        t.error(
            span,
            Problem::NeedsFormat {
                construct: Construct::Written("`before_decision`".into()),
                format: RULES_FORMAT,
            },
        );
    }
    let id = id?;
    Some((
        Check {
            id: id.value,
            section,
            question: question?.value,
            help,
            required,
            when,
            kind: kind?,
        },
        id.span,
    ))
}

/// The kind a Dutch writer means with a Dutch word for it.
pub(super) fn dutch_kind(word: &str) -> Option<&'static str> {
    let word = word.trim().to_lowercase();
    Some(match word.as_str() {
        "ja/nee" | "ja-nee" | "janee" | "ja_nee" | "jn" | "j/n" | "bevestiging" | "bevestigen" => {
            "confirm"
        }
        "tekst" | "toelichting" | "omschrijving" => "text",
        "getal" | "bedrag" | "aantal" | "nummer" | "uren" | "uur" => "number",
        "keuze" | "keuzelijst" | "optie" | "opties" => "choice",
        "datum" => "date",
        _ => return None,
    })
}

pub(super) fn read_kind(t: &mut TableReader<'_, '_>) -> Option<CheckKind> {
    let kind = t.text("kind", Some("kind = \"confirm\""))?;
    let Some(spec) = CHECK_KINDS.iter().find(|k| k.name == kind.value) else {
        t.error(
            kind.span.clone(),
            Problem::UnknownValue {
                key: t.key_path("kind"),
                suggestion: dutch_kind(&kind.value)
                    .or_else(|| suggest(&kind.value, CHECK_KIND_NAMES.iter()))
                    .map(str::to_owned),
                value: kind.value.clone(),
                allowed: CHECK_KIND_NAMES,
            },
        );
        // Still mark kind-specific keys as known so they are not reported
        // as unknown on top of the bad kind.
        for key in CHECK_KINDS.iter().flat_map(|k| k.keys) {
            let _ = t.raw(key);
        }
        return None;
    };
    // Keys of other kinds are wrong here, unless this kind takes them too.
    for key in CHECK_KINDS.iter().flat_map(|k| k.keys) {
        if !spec.keys.contains(key) {
            t.forbid(key, |key| Problem::KeyNotForKind {
                key,
                kind: spec.name.to_owned(),
            });
        }
    }
    match spec.kind {
        KindName::Confirm => Some(CheckKind::Confirm {
            expect: t.boolean("expect").map(|b| b.value),
        }),
        KindName::Text => read_min_chars(t, 0).map(|min_chars| CheckKind::Text { min_chars }),
        KindName::Number => {
            let min = t.number("min");
            let max = t.number("max");
            let unit = t.text("unit", None).map(|u| u.value);
            if let (Some(lo), Some(hi)) = (&min, &max)
                && lo.value > hi.value
            {
                t.error(
                    hi.span.clone(),
                    Problem::MinAboveMax {
                        min: lo.value,
                        max: hi.value,
                    },
                );
                return None;
            }
            Some(CheckKind::Number {
                min: min.map(|m| m.value),
                max: max.map(|m| m.value),
                unit,
            })
        }
        KindName::Choice => read_choice(t, &kind),
        KindName::Date => {
            let within = t.text("within", None);
            let before_decision = super::read_period(t, "before_decision");
            match within {
                None => Some(CheckKind::Date {
                    within_period: false,
                    before_decision,
                }),
                Some(w) if w.value == "period" => Some(CheckKind::Date {
                    within_period: true,
                    before_decision,
                }),
                Some(w) => {
                    t.error(
                        w.span.clone(),
                        Problem::UnknownValue {
                            key: t.key_path("within"),
                            suggestion: suggest(&w.value, ["period"].iter()).map(str::to_owned),
                            value: w.value.clone(),
                            allowed: &["period"],
                        },
                    );
                    None
                }
            }
        }
    }
}

pub(super) fn read_choice(t: &mut TableReader<'_, '_>, kind: &At<String>) -> Option<CheckKind> {
    let had_options = t.has("options");
    let options = t.texts("options");
    if options.is_empty() {
        if had_options {
            let span = t.span_of("options");
            t.error(span, Problem::ChoiceWithoutOptions);
        } else {
            t.error(kind.span.clone(), Problem::ChoiceWithoutOptions);
        }
        let _ = t.texts("accept");
        return None;
    }
    let mut seen = HashSet::new();
    let mut ok = true;
    for option in &options {
        if !seen.insert(option.value.clone()) {
            t.error(
                option.span.clone(),
                Problem::DuplicateItem {
                    item: Item::Option,
                    id: option.value.clone(),
                },
            );
            ok = false;
        }
    }
    let accept = t.texts("accept");
    for a in &accept {
        if !seen.contains(&a.value) {
            t.error(
                a.span.clone(),
                Problem::AcceptNotAnOption {
                    value: a.value.clone(),
                },
            );
            ok = false;
        }
    }
    ok.then(|| CheckKind::Choice {
        options: options.into_iter().map(|o| o.value).collect(),
        accept: accept.into_iter().map(|a| a.value).collect(),
    })
}

pub(super) fn read_evidence(
    r: &mut TableReader<'_, '_>,
    checks: &[Check],
    format: u32,
) -> Vec<Evidence> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for item in r.tables("evidence") {
        let mut t = r.open(&item);
        let id = id_at(&mut t, "id", "id = \"gespreksverslag\"");
        let text = t.text("text", Some("text = \"…\""));
        let required = t.boolean("required").is_none_or(|b| b.value);
        let when = read_conditions(&mut t, "when", checks, format);
        t.finish();
        if let Some(id) = &id {
            unique(r, &mut seen, Item::Evidence, id);
        }
        if let (Some(id), Some(text)) = (id, text) {
            out.push(Evidence {
                id: id.value,
                text: text.value,
                required,
                when,
            });
        }
    }
    out
}
