//! From the text of one norm file to a validated [`Norm`], reporting every
//! problem with its place in the file. The entry points and the helpers all
//! parts share are here; each part of a norm is read in its own file: the
//! header (metadata, rule, intent, motivation), the checks (sections, checks,
//! evidence) and the mandate.

mod award;
mod checks;
mod header;
mod mandate;
mod rules;
#[cfg(test)]
mod tests;
mod totals;

use std::collections::HashSet;

use toml::de::{DeTable, DeValue};

use self::award::read_award;
use self::checks::{read_checks, read_evidence, read_sections};
use self::header::{
    check_dates, read_adopted_on, read_grounds, read_intent, read_motivation, read_rule,
    read_status,
};
use self::mandate::read_mandate;
use self::rules::{RULES_FORMAT, read_constraints, read_period_rules};
use self::totals::read_totals;
use super::Norm;
use crate::domain::diagnostic::{Construct, Diagnostic, Expected, Item, Problem};
use crate::domain::duration::CalendarDuration;
use crate::domain::jci::Jci;
use crate::domain::source::SourceFile;
use crate::domain::toml_reader::{At, TableReader, number_of};

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
            let problem = Problem::syntax(source.text(), span.start, error.message());
            // One decimal comma may trip the parser twice; it is said once.
            if matches!(problem, Problem::DecimalComma { .. })
                && diagnostics
                    .iter()
                    .any(|d: &Diagnostic| d.problem == problem)
            {
                continue;
            }
            diagnostics.push(Diagnostic::error(span, problem));
        }
        return Parsed {
            norm: None,
            diagnostics,
        };
    }
    hidden_characters(document.get_ref(), &mut diagnostics);
    let mut checks_read = Vec::new();
    let norm = read_norm(
        document.get_ref(),
        file_stem,
        &mut diagnostics,
        &mut checks_read,
    );
    refine_check_references(&checks_read, &mut diagnostics);
    let has_errors = diagnostics
        .iter()
        .any(|d| d.severity == crate::domain::diagnostic::Severity::Error);
    diagnostics.sort_by_key(|d| d.span.start);
    Parsed {
        norm: if has_errors { None } else { norm },
        diagnostics,
    }
}

/// An error at each text (a value or a key) holding a control or
/// direction character other than a line break or tab: TOML lets a string
/// hold one written as an escape (`\u001b`), and whatever shows the norm's
/// words (a terminal, a spreadsheet, a browser) may act on it.
fn hidden_characters(table: &DeTable<'_>, diagnostics: &mut Vec<Diagnostic>) {
    for (key, value) in table {
        hidden_in(key.get_ref(), key.span(), diagnostics);
        hidden_in_value(value, diagnostics);
    }
}

fn hidden_in_value(value: &toml::Spanned<DeValue<'_>>, diagnostics: &mut Vec<Diagnostic>) {
    match value.get_ref() {
        DeValue::String(text) => hidden_in(text, value.span(), diagnostics),
        DeValue::Array(items) => {
            for item in items {
                hidden_in_value(item, diagnostics);
            }
        }
        DeValue::Table(table) => hidden_characters(table, diagnostics),
        _ => {}
    }
}

fn hidden_in(text: &str, span: std::ops::Range<usize>, diagnostics: &mut Vec<Diagnostic>) {
    if !crate::domain::text::has_hidden_control(text) {
        return;
    }
    // A file written on Windows breaks its lines with CR LF.
    let text = &text.replace("\r\n", "\n");
    let Some(c) = text.chars().find(|c| {
        *c != '\n' && *c != '\t' && crate::domain::text::has_hidden_control(&c.to_string())
    }) else {
        return;
    };
    let code = format!("U+{:04X}", u32::from(c));
    diagnostics.push(Diagnostic::error(span, Problem::HiddenCharacter { code }));
}

/// A reference to a check that is in the file is no unknown reference:
/// to a check with errors of its own it is a follow-up error, left out;
/// to a valid one (only a `when` on an earlier check can miss it) it names
/// a question asked later.
fn refine_check_references(checks: &[(String, bool)], diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.retain_mut(|d| {
        let Problem::UnknownReference {
            item: crate::domain::diagnostic::Item::Check,
            id,
            ..
        } = &d.problem
        else {
            return true;
        };
        match checks.iter().find(|(c, _)| c == id) {
            None => true,
            Some((_, false)) => false,
            Some((_, true)) => {
                d.problem = Problem::ConditionOnLaterCheck { id: id.clone() };
                true
            }
        }
    });
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

/// Reads the norm in `doc`; `checks_read` gets the id of every check in
/// it, and whether it read without errors.
fn read_norm(
    doc: &DeTable<'_>,
    file_stem: &str,
    diags: &mut Vec<Diagnostic>,
    checks_read: &mut Vec<(String, bool)>,
) -> Option<Norm> {
    let mut r = TableReader::root(doc, diags);

    let id = read_id(&mut r, file_stem);
    let version = read_version(&mut r);
    let format = read_format(&mut r);
    let title = r.text("title", Some("title = \"…\""));
    let summary = r.text("summary", Some("summary = \"…\""));
    let status = read_status(&mut r);
    let (adopted_on, adopted_roughly) = read_adopted_on(&mut r, format);
    let adopted_by = r.text("adopted_by", None);
    let retroactive = r.boolean("retroactive").is_some_and(|b| b.value);
    let valid_from = r.date("valid_from", Some("valid_from = 2026-02-01"));
    let valid_until = r.date("valid_until", None);
    let withdrawn_on = r.date("withdrawn_on", None);
    let owner = r.text("owner", Some("owner = \"beleidsadviseur Werk en Inkomen\""));
    let domain = id_at(&mut r, "domain", "domain = \"participatiewet\"");
    let max_duration = read_period(&mut r, "max_duration");
    let review_after = read_period(&mut r, "review_after");
    let (max_extensions, max_total_duration) =
        read_extension_limits(&mut r, max_duration, valid_from.as_ref().map(|d| d.value));
    let (grounds, local_grounds) = read_grounds(&mut r, format);
    check_dates(
        &mut r,
        status,
        // In force before its adoption only when the norm says so; a date
        // known roughly counts from its first possible day.
        adopted_on
            .clone()
            .or_else(|| first_day(adopted_roughly.as_ref()))
            .filter(|_| !retroactive)
            .as_ref(),
        valid_from.as_ref(),
        valid_until.as_ref(),
        withdrawn_on.as_ref(),
    );
    warn_review_after(&mut r, review_after, max_duration, valid_from.as_ref());

    let rule = read_rule(&mut r, format);
    let intent = read_intent(&mut r);
    let motivation = read_motivation(&mut r);
    let sections = read_sections(&mut r);
    let (checks, check_ids) = read_checks(&mut r, &sections, format);
    checks_read.extend(
        check_ids
            .iter()
            .map(|id| (id.clone(), checks.iter().any(|c| c.id == *id))),
    );
    let evidence = read_evidence(&mut r, &checks, format);
    let constraints = read_constraints(&mut r, &checks, format);
    let award = read_award(&mut r, &checks, format);
    let (period_ends_before, period_in_calendar_year) =
        read_period_rules(&mut r, &checks, format, max_duration.is_some());
    let mandate = read_mandate(
        &mut r,
        &checks,
        &check_ids,
        max_duration,
        valid_from.as_ref().map(|d| d.value),
    );
    needs_format(&mut r, format, "total");
    let totals = read_totals(
        &mut r,
        id.as_ref().map(|i| i.value.as_str()),
        &checks,
        &check_ids,
        mandate.as_ref(),
    );
    r.finish();

    Some(Norm {
        id: id?.value,
        version: version?,
        title: title?.value,
        summary: summary?.value,
        status: status?,
        adopted_on: adopted_on.map(|d| d.value),
        adopted_roughly: adopted_roughly.map(|a| a.value),
        retroactive,
        adopted_by: adopted_by.map(|t| t.value),
        valid_from: valid_from?.value,
        valid_until: valid_until.map(|d| d.value),
        withdrawn_on: withdrawn_on.map(|d| d.value),
        owner: owner?.value,
        domain: domain?.value,
        max_duration,
        review_after,
        max_extensions,
        max_total_duration,
        rule: rule?,
        intent: intent?,
        grounds,
        local_grounds,
        motivation: motivation?,
        sections,
        checks,
        evidence,
        mandate: mandate?,
        totals: totals?,
        constraints: constraints?,
        award: award.ok()?,
        period_ends_before,
        period_in_calendar_year,
        format,
    })
}

/// The first day an adoption known only roughly may have been.
fn first_day(rough: Option<&At<super::provenance::Rough>>) -> Option<At<jiff::civil::Date>> {
    let rough = rough?;
    Some(At {
        value: rough.value.first_day()?,
        span: rough.span.clone(),
    })
}

/// A warning when the norm is to be looked at again only after its
/// longest decision has run out.
fn warn_review_after(
    r: &mut TableReader<'_, '_>,
    review_after: Option<CalendarDuration>,
    max_duration: Option<CalendarDuration>,
    valid_from: Option<&At<jiff::civil::Date>>,
) {
    if let (Some(review), Some(max), Some(from)) = (review_after, max_duration, valid_from)
        && review.compare_from(max, from.value).is_gt()
    {
        let span = r.span_of("review_after");
        r.report(Diagnostic::warning(span, Problem::ReviewAfterMaxDuration));
    }
}

/// An error where `[[key]]` is written in a norm of a format before the
/// one that has it.
fn needs_format(r: &mut TableReader<'_, '_>, format: u32, key: &str) {
    if format < RULES_FORMAT && r.has(key) {
        let span = r.span_of(key);
        r.error(
            span,
            Problem::NeedsFormat {
                construct: Construct::Written(format!("[[{key}]]")),
                format: RULES_FORMAT,
            },
        );
    }
}

/// The norm file format: 1 when not given, or 2.
fn read_format(r: &mut TableReader<'_, '_>) -> u32 {
    let Some(v) = r.integer("format", None) else {
        return 1;
    };
    if let Ok(n @ 1..=RULES_FORMAT) = u32::try_from(v.value) {
        return n;
    }
    r.error(
        v.span,
        Problem::UnknownFormat {
            found: v.value,
            newest: RULES_FORMAT,
        },
    );
    1
}

/// The norm's id, which is its file's name.
fn read_id(r: &mut TableReader<'_, '_>, file_stem: &str) -> Option<At<String>> {
    let id = id_at(r, "id", "id = \"pw-zoektermijn-jongeren\"");
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
    id
}

/// The norm's version: a whole number from 1.
fn read_version(r: &mut TableReader<'_, '_>) -> Option<u32> {
    let v = r.integer("version", Some("version = 1"))?;
    match u32::try_from(v.value) {
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
    }
}

/// `max_extensions` and `max_total_duration`: how often, and how long in
/// all, a decision may be extended. The total must leave room for one
/// decision of `max_duration`.
fn read_extension_limits(
    r: &mut TableReader<'_, '_>,
    max_duration: Option<CalendarDuration>,
    valid_from: Option<jiff::civil::Date>,
) -> (Option<u32>, Option<CalendarDuration>) {
    let max_total_duration = read_period(r, "max_total_duration");
    let max_extensions = r.integer("max_extensions", None).and_then(|v| {
        u32::try_from(v.value).ok().or_else(|| {
            r.error(
                v.span,
                Problem::TooSmall {
                    key: "max_extensions".into(),
                    min: 0,
                },
            );
            None
        })
    });
    if let (Some(total), Some(max), Some(from)) = (max_total_duration, max_duration, valid_from)
        && total.compare_from(max, from).is_lt()
    {
        let span = r.span_of("max_total_duration");
        r.error(span, Problem::TotalShorterThanMax);
    }
    (max_extensions, max_total_duration)
}

fn read_period(r: &mut TableReader<'_, '_>, key: &'static str) -> Option<CalendarDuration> {
    let value = r.raw(key)?;
    let parsed = match value.get_ref() {
        DeValue::String(s) => CalendarDuration::parse_iso(s),
        DeValue::Integer(_) => match number_of(value.get_ref()).and_then(|d| i64::try_from(d).ok())
        {
            Some(days) => CalendarDuration::days(days),
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
                meant: value.get_ref().as_str().and_then(CalendarDuration::meant),
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
