//! From the text of one norm file to a validated [`Norm`], reporting every
//! problem with its place in the file.

use std::collections::HashSet;

use jiff::civil::Date;
use toml::de::{DeTable, DeValue};

use super::{
    Check, CheckKind, Evidence, Intent, Limit, LocalRule, Mandate, MotivationGuide, Norm, Rule,
    Section, Status, Tier,
};
use crate::domain::diagnostic::{Diagnostic, Expected, Item, Problem};
use crate::domain::duration::CalendarDuration;
use crate::domain::jci::{Cvdr, Jci};
use crate::domain::source::SourceFile;
use crate::domain::suggest;
use crate::domain::toml_reader::{At, Span, TableReader, number_of};

/// The outcome of reading one norm file: the norm if it has no errors, and
/// every problem found (errors and warnings).
#[derive(Debug)]
pub struct Parsed {
    pub norm: Option<Norm>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads and validates one norm. `file_stem` is the file's name without
/// `.toml`; the norm's id must equal it.
pub fn parse(source: &SourceFile, file_stem: &str) -> Parsed {
    let mut diagnostics = Vec::new();
    let (document, syntax) = DeTable::parse_recoverable(source.text());
    if !syntax.is_empty() {
        // A half-parsed document yields misleading follow-up errors; show the
        // syntax errors alone.
        for error in syntax {
            let span = error.span().unwrap_or(0..0);
            diagnostics.push(Diagnostic::error(
                span,
                Problem::Syntax {
                    message: error.message().to_owned(),
                },
            ));
        }
        return Parsed {
            norm: None,
            diagnostics,
        };
    }
    let norm = read_norm(document.get_ref(), file_stem, &mut diagnostics);
    let has_errors = diagnostics
        .iter()
        .any(|d| d.severity == crate::domain::diagnostic::Severity::Error);
    diagnostics.sort_by_key(|d| d.span.start);
    Parsed {
        norm: if has_errors { None } else { norm },
        diagnostics,
    }
}

/// Reads a norm snapshot kept in a store under its sha256, where the file
/// name is not the id. `None` when it is not a valid norm.
pub fn parse_snapshot(source: &SourceFile) -> Option<Norm> {
    let doc = DeTable::parse(source.text()).ok()?;
    let id = doc.get_ref().get("id")?.get_ref().as_str()?.to_owned();
    parse(source, &id).norm
}

/// Whether `id` is kebab-case: lower-case letters and digits in words joined
/// by single hyphens, at most 64 characters.
pub fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn id_at(
    r: &mut TableReader<'_, '_>,
    key: &'static str,
    example: &'static str,
) -> Option<At<String>> {
    let id = r.text(key, Some(example))?;
    if is_kebab_id(&id.value) {
        Some(id)
    } else {
        let problem = Problem::BadId {
            key: r.key_path(key),
            value: id.value,
        };
        r.error(id.span, problem);
        None
    }
}

fn read_norm(doc: &DeTable<'_>, file_stem: &str, diags: &mut Vec<Diagnostic>) -> Option<Norm> {
    let mut r = TableReader::root(doc, diags);

    let id = id_at(&mut r, "id", "id = \"pw-zoektermijn-jongeren\"");
    if let Some(id) = &id
        && id.value != file_stem
    {
        r.error(
            id.span.clone(),
            Problem::IdNotFileName {
                id: id.value.clone(),
                stem: file_stem.to_owned(),
            },
        );
    }
    let version =
        r.integer("version", Some("version = 1"))
            .and_then(|v| match u32::try_from(v.value) {
                Ok(n) if n >= 1 => Some(n),
                _ => {
                    r.error(
                        v.span,
                        Problem::TooSmall {
                            key: "version".into(),
                            min: 1,
                        },
                    );
                    None
                }
            });
    let title = r.text("title", Some("title = \"…\""));
    let summary = r.text("summary", Some("summary = \"…\""));
    let status = read_status(&mut r);
    let adopted_on = r.date("adopted_on", None);
    let adopted_by = r.text("adopted_by", None);
    let valid_from = r.date("valid_from", Some("valid_from = 2026-02-01"));
    let valid_until = r.date("valid_until", None);
    let withdrawn_on = r.date("withdrawn_on", None);
    let owner = r.text("owner", Some("owner = \"beleidsadviseur Werk en Inkomen\""));
    let domain = id_at(&mut r, "domain", "domain = \"participatiewet\"");
    let max_duration = read_period(&mut r, "max_duration");
    let review_after = read_period(&mut r, "review_after");
    let grounds: Vec<Jci> = r
        .texts("grounds")
        .into_iter()
        .filter_map(|g| read_jci(&mut r, g))
        .collect();

    check_dates(
        &mut r,
        status,
        adopted_on.as_ref(),
        valid_from.as_ref(),
        valid_until.as_ref(),
        withdrawn_on.as_ref(),
    );
    if let (Some(review), Some(max), Some(from)) = (review_after, max_duration, &valid_from)
        && review.compare_from(max, from.value).is_gt()
    {
        let span = r.span_of("review_after");
        r.report(Diagnostic::warning(span, Problem::ReviewAfterMaxDuration));
    }

    let rule = read_rule(&mut r);
    let intent = read_intent(&mut r);
    let motivation = read_motivation(&mut r);
    let sections = read_sections(&mut r);
    let (checks, check_ids) = read_checks(&mut r, &sections);
    let evidence = read_evidence(&mut r);
    let mandate = read_mandate(
        &mut r,
        &checks,
        &check_ids,
        max_duration,
        valid_from.as_ref().map(|d| d.value),
    );
    r.finish();

    Some(Norm {
        id: id?.value,
        version: version?,
        title: title?.value,
        summary: summary?.value,
        status: status?,
        adopted_on: adopted_on.map(|d| d.value),
        adopted_by: adopted_by.map(|t| t.value),
        valid_from: valid_from?.value,
        valid_until: valid_until.map(|d| d.value),
        withdrawn_on: withdrawn_on.map(|d| d.value),
        owner: owner?.value,
        domain: domain?.value,
        max_duration,
        review_after,
        rule: rule?,
        intent: intent?,
        grounds,
        motivation: motivation?,
        sections,
        checks,
        evidence,
        mandate: mandate?,
    })
}

fn read_status(r: &mut TableReader<'_, '_>) -> Option<Status> {
    let status = r.text("status", Some("status = \"vastgesteld\""))?;
    let parsed = Status::from_name(&status.value);
    if parsed.is_none() {
        r.error(
            status.span,
            Problem::UnknownValue {
                key: "status".into(),
                suggestion: suggest(&status.value, Status::NAMES.iter()).map(str::to_owned),
                value: status.value,
                allowed: Status::NAMES,
            },
        );
    }
    parsed
}

fn check_dates(
    r: &mut TableReader<'_, '_>,
    status: Option<Status>,
    adopted_on: Option<&At<Date>>,
    valid_from: Option<&At<Date>>,
    valid_until: Option<&At<Date>>,
    withdrawn_on: Option<&At<Date>>,
) {
    if let (Some(from), Some(until)) = (valid_from, valid_until)
        && until.value < from.value
    {
        r.error(
            until.span.clone(),
            Problem::DateOrder {
                earlier: "valid_from",
                later: "valid_until",
            },
        );
    }
    if let (Some(adopted), Some(from)) = (adopted_on, valid_from)
        && from.value < adopted.value
    {
        r.error(
            from.span.clone(),
            Problem::DateOrder {
                earlier: "adopted_on",
                later: "valid_from",
            },
        );
    }
    if matches!(status, Some(Status::Vastgesteld | Status::Ingetrokken)) {
        for key in ["adopted_on", "adopted_by"] {
            if !r.has(key) {
                let span = r.span_of("status");
                r.error(span, Problem::AdoptionMissing { key });
            }
        }
    }
    if let Some(withdrawn) = withdrawn_on
        && status.is_some_and(|s| s != Status::Ingetrokken)
    {
        r.error(withdrawn.span.clone(), Problem::WithdrawnOnNeedsStatus);
    }
}

fn read_period(r: &mut TableReader<'_, '_>, key: &'static str) -> Option<CalendarDuration> {
    let value = r.raw(key)?;
    let parsed = match value.get_ref() {
        DeValue::String(s) => CalendarDuration::parse_iso(s),
        DeValue::Integer(_) => match number_of(value.get_ref()) {
            // Whole days; number_of only yields integral values here.
            #[allow(clippy::cast_possible_truncation)]
            Some(days) => CalendarDuration::days(days as i64),
            None => Err(crate::domain::duration::DurationError::Syntax),
        },
        _ => {
            r.reject(key, Expected::Duration, value);
            return None;
        }
    };
    match parsed {
        Ok(p) => Some(p),
        Err(error) => {
            let problem = Problem::BadPeriod {
                key: r.key_path(key),
                error,
            };
            r.error(value.span(), problem);
            None
        }
    }
}

fn read_jci(r: &mut TableReader<'_, '_>, text: At<String>) -> Option<Jci> {
    match text.value.parse::<Jci>() {
        Ok(jci) => Some(jci),
        Err(error) => {
            r.error(
                text.span,
                Problem::BadJci {
                    value: text.value,
                    error,
                },
            );
            None
        }
    }
}

fn read_rule(r: &mut TableReader<'_, '_>) -> Option<Rule> {
    let mut t = r.table(
        "rule",
        Some("[rule]\ntext = \"…\"\nbasis = \"jci1.3:c:BWBR…&artikel=…\""),
    )?;
    let text = t.text("text", Some("text = \"…\""));
    let basis = t
        .text(
            "basis",
            Some("basis = \"jci1.3:c:BWBR0015703&artikel=41&lid=4\""),
        )
        .and_then(|b| read_jci(&mut t, b));
    let local = read_local(&mut t);
    t.finish();
    Some(Rule {
        text: text?.value,
        basis: basis?,
        local: local.ok()?,
    })
}

/// `Ok(None)` when absent, `Err` when present but wrong.
fn read_local(t: &mut TableReader<'_, '_>) -> Result<Option<LocalRule>, ()> {
    let Some(mut l) = t.table("local", None) else {
        return if t.has("local") { Err(()) } else { Ok(None) };
    };
    let title = l.text("title", Some("title = \"Beleidsregels …\""));
    let article = l.text("article", None).map(|a| a.value);
    let cvdr = match l.text("cvdr", None) {
        None => Ok(None),
        Some(c) => {
            if let Ok(id) = c.value.parse::<Cvdr>() {
                Ok(Some(id))
            } else {
                l.error(c.span, Problem::BadCvdr { value: c.value });
                Err(())
            }
        }
    };
    l.finish();
    Ok(Some(LocalRule {
        title: title.ok_or(())?.value,
        article,
        cvdr: cvdr?,
    }))
}

fn read_intent(r: &mut TableReader<'_, '_>) -> Option<Intent> {
    let mut t = r.table("intent", Some("[intent]\nrule = \"…\"\ndeparture = \"…\""))?;
    let rule = t.text("rule", Some("rule = \"Waar de regel voor is …\""));
    let departure = t.text(
        "departure",
        Some("departure = \"Waarom afwijken hier de bedoeling dient …\""),
    );
    t.finish();
    Some(Intent {
        rule: rule?.value,
        departure: departure?.value,
    })
}

fn read_min_chars(t: &mut TableReader<'_, '_>, default: u32) -> Option<u32> {
    match t.integer("min_chars", None) {
        None => Some(default),
        Some(n) => {
            if let Ok(v) = u32::try_from(n.value) {
                Some(v)
            } else {
                let problem = Problem::TooSmall {
                    key: t.key_path("min_chars"),
                    min: 0,
                };
                t.error(n.span, problem);
                None
            }
        }
    }
}

fn read_motivation(r: &mut TableReader<'_, '_>) -> Option<MotivationGuide> {
    let Some(mut t) = r.table("motivation", None) else {
        return (!r.has("motivation")).then_some(MotivationGuide {
            min_chars: MotivationGuide::DEFAULT_MIN_CHARS,
            circumstances: None,
            consequences: None,
            aims: None,
            disproportionality: None,
        });
    };
    let min_chars = read_min_chars(&mut t, MotivationGuide::DEFAULT_MIN_CHARS);
    let mut guide = |key| t.text(key, None).map(|g| g.value);
    let circumstances = guide("circumstances");
    let consequences = guide("consequences");
    let aims = guide("aims");
    let disproportionality = guide("disproportionality");
    t.finish();
    Some(MotivationGuide {
        min_chars: min_chars?,
        circumstances,
        consequences,
        aims,
        disproportionality,
    })
}

fn unique(r: &mut TableReader<'_, '_>, seen: &mut HashSet<String>, item: Item, id: &At<String>) {
    if !seen.insert(id.value.clone()) {
        r.error(
            id.span.clone(),
            Problem::DuplicateItem {
                item,
                id: id.value.clone(),
            },
        );
    }
}

fn read_sections(r: &mut TableReader<'_, '_>) -> Vec<Section> {
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
fn read_checks(r: &mut TableReader<'_, '_>, sections: &[Section]) -> (Vec<Check>, Vec<String>) {
    let items = r.tables("check");
    let all_ids: Vec<String> = items
        .iter()
        .filter_map(super::super::toml_reader::TableItem::id)
        .collect();
    if items.is_empty() && !r.has("check") {
        let span = r.span();
        r.error(span, Problem::NoChecks);
    }
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for item in items {
        let mut t = r.open(&item);
        let check = read_check(&mut t, sections);
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

fn read_check(t: &mut TableReader<'_, '_>, sections: &[Section]) -> Option<(Check, Span)> {
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
    let kind = read_kind(t);
    let id = id?;
    Some((
        Check {
            id: id.value,
            section,
            question: question?.value,
            help,
            required,
            kind: kind?,
        },
        id.span,
    ))
}

const KIND_KEYS: &[(&str, &[&str])] = &[
    ("confirm", &["expect"]),
    ("text", &["min_chars"]),
    ("number", &["min", "max", "unit"]),
    ("choice", &["options", "accept"]),
    ("date", &[]),
];

fn read_kind(t: &mut TableReader<'_, '_>) -> Option<CheckKind> {
    let kind = t.text("kind", Some("kind = \"confirm\""))?;
    let name = kind.value.as_str();
    if !CheckKind::NAMES.contains(&name) {
        t.error(
            kind.span.clone(),
            Problem::UnknownValue {
                key: t.key_path("kind"),
                suggestion: suggest(name, CheckKind::NAMES.iter()).map(str::to_owned),
                value: kind.value.clone(),
                allowed: CheckKind::NAMES,
            },
        );
        // Still mark kind-specific keys as known so they are not reported
        // as unknown on top of the bad kind.
        for (_, keys) in KIND_KEYS {
            for key in *keys {
                let _ = t.raw(key);
            }
        }
        return None;
    }
    for (other, keys) in KIND_KEYS {
        if *other != name {
            for key in *keys {
                if KIND_KEYS
                    .iter()
                    .any(|(k, ks)| *k == name && ks.contains(key))
                {
                    continue;
                }
                t.forbid(key, |key| Problem::KeyNotForKind {
                    key,
                    kind: name.to_owned(),
                });
            }
        }
    }
    match name {
        "confirm" => Some(CheckKind::Confirm {
            expect: t.boolean("expect").is_none_or(|b| b.value),
        }),
        "text" => read_min_chars(t, 0).map(|min_chars| CheckKind::Text { min_chars }),
        "number" => {
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
        "choice" => read_choice(t, &kind),
        _ => Some(CheckKind::Date),
    }
}

fn read_choice(t: &mut TableReader<'_, '_>, kind: &At<String>) -> Option<CheckKind> {
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

fn read_evidence(r: &mut TableReader<'_, '_>) -> Vec<Evidence> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for item in r.tables("evidence") {
        let mut t = r.open(&item);
        let id = id_at(&mut t, "id", "id = \"gespreksverslag\"");
        let text = t.text("text", Some("text = \"…\""));
        let required = t.boolean("required").is_none_or(|b| b.value);
        t.finish();
        if let Some(id) = &id {
            unique(r, &mut seen, Item::Evidence, id);
        }
        if let (Some(id), Some(text)) = (id, text) {
            out.push(Evidence {
                id: id.value,
                text: text.value,
                required,
            });
        }
    }
    out
}

fn read_mandate(
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

fn read_tier(
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
                        Problem::NotANumberCheck { id: check_id.value },
                    );
                    ok = false;
                }
                Some(_) => {
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
fn check_increasing(
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A small valid norm; each case below changes one thing.
    const VALID: &str = r#"
id = "proef"
version = 1
title = "Proefnorm"
summary = "Een norm om mee te testen."
status = "vastgesteld"
adopted_on = 2026-01-15
adopted_by = "college"
valid_from = 2026-02-01
owner = "beleid"
domain = "participatiewet"
max_duration = "P3M"

[rule]
text = "De regel."
basis = "jci1.3:c:BWBR0015703&artikel=41&lid=4"

[intent]
rule = "Doel van de regel."
departure = "Doel van de afwijking."

[[check]]
id = "nood"
question = "Nood?"
kind = "confirm"

[[check]]
id = "bedrag"
question = "Bedrag?"
kind = "number"
min = 0
unit = "EUR"

[mandate]
[[mandate.tier]]
role = "consulent"
max = { bedrag = 500 }
max_duration = "P1M"

[[mandate.tier]]
role = "teamleider"
"#;

    fn codes(text: &str) -> Vec<&'static str> {
        let parsed = parse(&SourceFile::new("proef.toml", text), "proef");
        parsed
            .diagnostics
            .iter()
            .map(|d| d.problem.code())
            .collect()
    }

    /// `VALID` with `from` replaced by `to` yields exactly `expected` codes.
    #[track_caller]
    fn case(from: &str, to: &str, expected: &[&str]) {
        assert!(VALID.contains(from), "fixture lacks {from:?}");
        let text = VALID.replacen(from, to, 1);
        assert_eq!(
            codes(&text),
            expected,
            "after replacing {from:?} with {to:?}"
        );
    }

    #[test]
    fn the_valid_fixture_is_valid() {
        let parsed = parse(&SourceFile::new("proef.toml", VALID), "proef");
        assert_eq!(parsed.diagnostics, []);
        let norm = parsed.norm.expect("valid norm");
        assert_eq!(norm.checks.len(), 2);
        assert!((norm.mandate.tiers[0].limits[0].max - 500.0).abs() < f64::EPSILON);
        assert_eq!(
            norm.motivation.min_chars,
            MotivationGuide::DEFAULT_MIN_CHARS
        );
    }

    #[test]
    fn keys_and_types() {
        case("title = ", "titel = ", &["missing-key", "unknown-key"]);
        case("version = 1", "version = \"1\"", &["wrong-type"]);
        case("version = 1", "version = 0", &["too-small"]);
        case(
            "summary = \"Een norm om mee te testen.\"",
            "summary = \"  \"",
            &["empty-text"],
        );
        case("owner = \"beleid\"\n", "", &["missing-key"]);
        case("[intent]", "[intent]\nextra = 1", &["unknown-key"]);
        case(
            "kind = \"confirm\"",
            "kind = \"confirm\"\nexpect = \"ja\"",
            &["wrong-type"],
        );
    }

    #[test]
    fn ids() {
        case("id = \"proef\"", "id = \"andere\"", &["id-not-file-name"]);
        case("id = \"proef\"", "id = \"Proef Norm\"", &["bad-id"]);
        case(
            "[[check]]\nid = \"nood\"",
            "[[check]]\nid = \"nood\"\nquestion = \"Datum?\"\nkind = \"date\"\n\n[[check]]\nid = \"nood\"",
            &["duplicate-item"],
        );
        case(
            "domain = \"participatiewet\"",
            "domain = \"Participatie Wet\"",
            &["bad-id"],
        );
    }

    #[test]
    fn dates() {
        case(
            "valid_from = 2026-02-01",
            "valid_from = \"2026-02-01\"",
            &["quoted-date"],
        );
        case(
            "valid_from = 2026-02-01",
            "valid_from = 2026-02-01T10:00:00",
            &["date-with-time"],
        );
        // TOML itself rejects days that do not exist.
        case(
            "valid_from = 2026-02-01",
            "valid_from = 2026-02-30",
            &["toml-syntax"],
        );
        case(
            "valid_from = 2026-02-01",
            "valid_from = 2026-02-01\nvalid_until = 2026-01-31",
            &["date-order"],
        );
        case(
            "adopted_on = 2026-01-15",
            "adopted_on = 2026-03-01",
            &["date-order"],
        );
        case("adopted_by = \"college\"\n", "", &["adoption-missing"]);
        case(
            "status = \"vastgesteld\"",
            "status = \"concept\"\nwithdrawn_on = 2026-05-01",
            &["withdrawn-on-needs-status"],
        );
        case(
            "status = \"vastgesteld\"",
            "status = \"vastgestelt\"",
            &["unknown-value"],
        );
    }

    #[test]
    fn a_concept_needs_no_adoption() {
        let text = VALID
            .replace("status = \"vastgesteld\"", "status = \"concept\"")
            .replace("adopted_on = 2026-01-15\nadopted_by = \"college\"\n", "");
        assert_eq!(codes(&text), Vec::<&str>::new());
    }

    #[test]
    fn law_references_and_periods() {
        case("&lid=4\"", "&lid=4 \"", &["bad-jci"]);
        case("basis = \"jci", "basis = \"jcx", &["bad-jci"]);
        case(
            "[intent]",
            "[rule.local]\ntitle = \"Beleidsregels\"\ncvdr = \"CVDR12x\"\n\n[intent]",
            &["bad-cvdr"],
        );
        case(
            "max_duration = \"P3M\"",
            "max_duration = \"drie maanden\"",
            &["bad-period"],
        );
        case(
            "max_duration = \"P3M\"",
            "max_duration = 0",
            &["bad-period"],
        );
        case(
            "max_duration = \"P3M\"",
            "max_duration = true",
            &["wrong-type"],
        );
        case(
            "max_duration = \"P3M\"",
            "max_duration = \"P3M\"\nreview_after = \"P4M\"",
            &["review-after-max-duration"],
        );
    }

    #[test]
    fn checks() {
        case(
            "kind = \"confirm\"",
            "kind = \"confrim\"",
            &["unknown-value"],
        );
        case("min = 0\n", "min = 10\nmax = 5\n", &["min-above-max"]);
        case(
            "kind = \"confirm\"",
            "kind = \"choice\"",
            &["choice-without-options"],
        );
        case(
            "kind = \"confirm\"",
            "kind = \"choice\"\noptions = []",
            &["choice-without-options"],
        );
        case(
            "kind = \"confirm\"",
            "kind = \"choice\"\noptions = [\"a\", \"a\"]",
            &["duplicate-item"],
        );
        case(
            "kind = \"confirm\"",
            "kind = \"choice\"\noptions = [\"a\"]\naccept = [\"b\"]",
            &["accept-not-an-option"],
        );
        case(
            "kind = \"confirm\"",
            "kind = \"confirm\"\nunit = \"EUR\"",
            &["key-not-for-kind"],
        );
        case(
            "kind = \"confirm\"",
            "kind = \"text\"\nmin_chars = -1",
            &["too-small"],
        );
        case(
            "[[check]]\nid = \"nood\"",
            "[[check]]\nsection = \"geen\"\nid = \"nood\"",
            &["unknown-reference"],
        );
    }

    #[test]
    fn no_checks_at_all() {
        let start = VALID.find("[[check]]").expect("checks");
        let end = VALID.find("[mandate]").expect("mandate");
        let text =
            format!("{}{}", &VALID[..start], &VALID[end..]).replace("max = { bedrag = 500 }\n", "");
        assert_eq!(codes(&text), ["no-checks"]);
    }

    #[test]
    fn mandate() {
        case(
            "max = { bedrag = 500 }",
            "max = { bedrg = 500 }",
            &["unknown-reference"],
        );
        case(
            "max = { bedrag = 500 }",
            "max = { nood = 500 }",
            &["not-a-number-check"],
        );
        case(
            "max = { bedrag = 500 }",
            "max = { bedrag = \"veel\" }",
            &["wrong-type"],
        );
        case(
            "role = \"teamleider\"",
            "role = \"consulent\"",
            &["duplicate-item"],
        );
        case(
            "role = \"teamleider\"",
            "role = \"teamleider\"\nmax = { bedrag = 100 }",
            &["tier-not-increasing"],
        );
        case(
            "role = \"teamleider\"",
            "role = \"teamleider\"\nmax_duration = \"P2W\"",
            &["tier-not-increasing"],
        );
        case(
            "max_duration = \"P1M\"",
            "max_duration = \"P4M\"",
            &["tier-longer-than-norm"],
        );
        let start = VALID.find("[[mandate.tier]]").expect("tiers");
        assert_eq!(codes(&VALID[..start]), ["no-tiers"]);
    }

    #[test]
    fn syntax_errors_are_reported_alone_with_a_position() {
        let parsed = parse(
            &SourceFile::new("proef.toml", "id = \"proef\"\ntitle = \n"),
            "proef",
        );
        assert!(parsed.norm.is_none());
        assert_eq!(parsed.diagnostics.len(), 1);
        assert_eq!(parsed.diagnostics[0].problem.code(), "toml-syntax");
        assert!(
            parsed.diagnostics[0].span.start >= 13,
            "{:?}",
            parsed.diagnostics[0].span
        );
    }

    #[test]
    fn all_problems_are_reported_at_once() {
        let text = VALID
            .replace("title = ", "titel = ")
            .replace("version = 1", "version = -2")
            .replace("kind = \"confirm\"", "kind = \"ja\"");
        // In file order; a missing root key is reported at the top of the file.
        assert_eq!(
            codes(&text),
            ["missing-key", "too-small", "unknown-key", "unknown-value"]
        );
    }

    #[test]
    fn ids_are_kebab_case() {
        for ok in ["a", "pw-zoektermijn-jongeren", "wmo-2015", "x1-y2"] {
            assert!(is_kebab_id(ok), "{ok}");
        }
        for bad in [
            "",
            "-a",
            "a-",
            "a--b",
            "A",
            "a_b",
            "a b",
            "é",
            &"a".repeat(65),
        ] {
            assert!(!is_kebab_id(bad), "{bad}");
        }
    }
}
