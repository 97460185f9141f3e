//! The answers file of a scripted `maatwerk new`: the case reference, the
//! answer to each check, the motivation and the period. Problems are
//! reported like norm problems: every one at once, each with its place.

use std::collections::HashMap;

use jiff::civil::Date;
use toml::de::{DeTable, DeValue};

use super::decision::Proposal;
use super::diagnostic::{Diagnostic, Expected, Problem};
use super::duration::{CalendarDuration, DurationError};
use super::norm::{CheckKind, Norm};
use super::record::{Answer, Motivation};
use super::source::SourceFile;
use super::suggest;
use super::toml_reader::{At, Span, TableReader, dutch_thousands, number_of};

/// An answers file read against a norm.
#[derive(Debug)]
pub struct ParsedAnswers {
    /// The proposal, when the file has no errors.
    pub proposal: Option<Proposal>,
    pub diagnostics: Vec<Diagnostic>,
    /// Where each key was written (`case`, `answers.acute-nood`, …), so a
    /// refusal can point at it.
    pub spans: HashMap<String, Span>,
}

/// Reads `source` as answers to `norm`.
pub fn parse(source: &SourceFile, norm: &Norm) -> ParsedAnswers {
    let mut diagnostics = Vec::new();
    let mut spans = HashMap::new();
    let (document, syntax) = DeTable::parse_recoverable(source.text());
    if !syntax.is_empty() {
        for error in syntax {
            let span = error.span().unwrap_or(0..0);
            let problem = Problem::syntax(source.text(), span.start, error.message());
            diagnostics.push(Diagnostic::error(span, problem));
        }
        return ParsedAnswers {
            proposal: None,
            diagnostics,
            spans,
        };
    }
    let doc = document.get_ref();
    let proposal = {
        let mut r = TableReader::root(doc, &mut diagnostics);
        let case = r.text("case", Some("case = \"Z-2026-001234\""));
        let decision_date = r.date("decision_date", None);
        let period = read_period(&mut r);
        let answers = read_answers(&mut r, norm, &mut spans);
        let evidence = read_evidence(&mut r, norm);
        let motivation = read_motivation(&mut r, &mut spans);
        if let Some(c) = &case {
            spans.insert("case".into(), c.span.clone());
        }
        spans.insert("period".into(), r.span_of("period"));
        spans.insert("answers".into(), r.span_of("answers"));
        r.finish();
        Proposal {
            earlier: Vec::new(),
            case: case.map(|c| c.value).unwrap_or_default(),
            decision_date: decision_date.map(|d| d.value),
            period,
            answers,
            evidence,
            motivation,
        }
    };
    diagnostics.sort_by_key(|d| d.span.start);
    let ok = diagnostics
        .iter()
        .all(|d| d.severity != super::diagnostic::Severity::Error);
    ParsedAnswers {
        proposal: ok.then_some(proposal),
        diagnostics,
        spans,
    }
}

fn read_period(r: &mut TableReader<'_, '_>) -> Option<(Date, Date)> {
    let mut t = r.table("period", None)?;
    let start = t.date("start", Some("start = 2026-11-23"));
    let end = t.date("end", None);
    let length = match t.raw("length") {
        None => None,
        Some(v) => {
            let parsed = match v.get_ref() {
                DeValue::String(s) => CalendarDuration::parse_iso(s),
                DeValue::Integer(_) => number_of(v.get_ref())
                    .and_then(|d| i64::try_from(d).ok())
                    .map_or(Err(DurationError::Syntax), CalendarDuration::days),
                _ => {
                    t.reject("length", Expected::Duration, v);
                    return None;
                }
            };
            match parsed {
                Ok(p) => Some(At {
                    value: p,
                    span: v.span(),
                }),
                Err(error) => {
                    let problem = Problem::BadPeriod {
                        key: t.key_path("length"),
                        error,
                        meant: v.get_ref().as_str().and_then(CalendarDuration::meant),
                    };
                    t.error(v.span(), problem);
                    None
                }
            }
        }
    };
    if end.is_none() && length.is_none() && !t.has("end") && !t.has("length") {
        let span = t.span();
        t.error(
            span,
            Problem::MissingKey {
                key: "period.end".into(),
                example: "end = 2027-02-23   # or: length = \"P3M\"",
            },
        );
    }
    t.finish();
    let start = start?.value;
    match (end, length) {
        (Some(end), _) => Some((start, end.value)),
        (None, Some(length)) => length.value.end_from(start).map(|end| (start, end)),
        (None, None) => None,
    }
}

fn read_answers(
    r: &mut TableReader<'_, '_>,
    norm: &Norm,
    spans: &mut HashMap<String, Span>,
) -> Vec<(String, Answer)> {
    let Some(entries) = r.entries("answers") else {
        if !r.has("answers") {
            let span = r.span();
            r.error(
                span,
                Problem::MissingKey {
                    key: "answers".into(),
                    example: "[answers]\nacute-nood = true",
                },
            );
        }
        return Vec::new();
    };
    let mut out = Vec::new();
    for (key, value) in entries {
        let Some(check) = norm.check(&key.value) else {
            r.error(
                key.span.clone(),
                Problem::UnknownKey {
                    key: format!("answers.{}", key.value),
                    suggestion: suggest(&key.value, norm.checks.iter().map(|c| &c.id))
                        .map(str::to_owned),
                },
            );
            continue;
        };
        spans.insert(format!("answers.{}", key.value), value.span());
        let answer = match (&check.kind, value.get_ref()) {
            (CheckKind::Confirm { .. }, DeValue::Boolean(b)) => Some(Answer::Yes(*b)),
            (CheckKind::Number { .. }, v @ (DeValue::Integer(_) | DeValue::Float(_))) => {
                if let Some((written, meant)) = dutch_thousands(v) {
                    r.error(value.span(), Problem::DutchThousands { written, meant });
                    continue;
                }
                number_of(v).map(Answer::Number)
            }
            // As people write amounts: `"2.350,50"`, `"€ 2.350,50"`; when
            // that does not read, why not, as the walkthrough says it.
            (CheckKind::Number { unit, .. }, DeValue::String(s)) => {
                match crate::domain::number::read_typed(s) {
                    Ok(n) => Some(Answer::Number(n)),
                    Err(unreadable) => {
                        r.error(
                            value.span(),
                            Problem::UnreadableNumber {
                                key: format!("answers.{}", key.value),
                                unreadable,
                                unit: unit.clone(),
                            },
                        );
                        continue;
                    }
                }
            }
            (CheckKind::Text { .. } | CheckKind::Choice { .. }, DeValue::String(s)) => {
                Some(Answer::Text(s.to_string()))
            }
            (CheckKind::Date { .. }, DeValue::Datetime(dt)) => dt
                .date
                .filter(|_| dt.time.is_none())
                .and_then(|d| {
                    Date::new(
                        i16::try_from(d.year).ok()?,
                        i8::try_from(d.month).ok()?,
                        i8::try_from(d.day).ok()?,
                    )
                    .ok()
                })
                .map(Answer::Date),
            _ => None,
        };
        if let Some(a) = answer {
            out.push((key.value, a));
        } else {
            let expected = match check.kind {
                CheckKind::Confirm { .. } => Expected::Boolean,
                CheckKind::Number { .. } => Expected::Number,
                CheckKind::Date { .. } => Expected::Date,
                _ => Expected::Text,
            };
            r.error(
                value.span(),
                Problem::WrongType {
                    key: format!("answers.{}", key.value),
                    expected,
                    found: de_type(value.get_ref()),
                },
            );
        }
    }
    out
}

fn read_evidence(r: &mut TableReader<'_, '_>, norm: &Norm) -> Vec<(String, bool)> {
    let Some(entries) = r.entries("evidence") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (key, value) in entries {
        if !norm.evidence.iter().any(|e| e.id == key.value) {
            r.error(
                key.span.clone(),
                Problem::UnknownKey {
                    key: format!("evidence.{}", key.value),
                    suggestion: suggest(&key.value, norm.evidence.iter().map(|e| &e.id))
                        .map(str::to_owned),
                },
            );
        } else if let Some(b) = value.get_ref().as_bool() {
            out.push((key.value, b));
        } else {
            r.error(
                value.span(),
                Problem::WrongType {
                    key: format!("evidence.{}", key.value),
                    expected: Expected::Boolean,
                    found: de_type(value.get_ref()),
                },
            );
        }
    }
    out
}

fn read_motivation(r: &mut TableReader<'_, '_>, spans: &mut HashMap<String, Span>) -> Motivation {
    let Some(mut t) = r.table("motivation", Some("[motivation]\ncircumstances = \"…\"")) else {
        return Motivation::default();
    };
    let mut part = |key: &'static str| {
        let text = t.text(key, None).map(|a| {
            spans.insert(format!("motivation.{key}"), a.span.clone());
            a.value
        });
        text.unwrap_or_default()
    };
    let m = Motivation {
        circumstances: part("circumstances"),
        consequences: part("consequences"),
        aims: part("aims"),
        disproportionality: part("disproportionality"),
        resident_view: part("resident_view"),
        consulted: part("consulted"),
        expected_effect: part("expected_effect"),
    };
    t.finish();
    m
}

fn de_type(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "string",
        DeValue::Integer(_) => "integer",
        DeValue::Float(_) => "float",
        DeValue::Boolean(_) => "boolean",
        DeValue::Datetime(_) => "datetime",
        DeValue::Array(_) => "array",
        DeValue::Table(_) => "table",
    }
}
