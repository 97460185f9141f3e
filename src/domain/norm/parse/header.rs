//! The head of a norm: status and dates, the rule departed from, its intent
//! and the guidance for the motivation.

use jiff::civil::Date;

use super::rules::RULES_FORMAT;
use super::{read_jci, read_min_chars};
use crate::domain::diagnostic::{Construct, Problem};
use crate::domain::jci::Cvdr;
use crate::domain::jci::Jci;
use crate::domain::norm::{Intent, LocalRule, MotivationGuide, Rule, Status};
use crate::domain::suggest;
use crate::domain::toml_reader::{At, TableReader};

pub(super) fn read_status(r: &mut TableReader<'_, '_>) -> Option<Status> {
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

pub(super) fn check_dates(
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

pub(super) fn read_rule(r: &mut TableReader<'_, '_>, format: u32) -> Option<Rule> {
    let mut t = r.table(
        "rule",
        Some("[rule]\ntext = \"…\"\nbasis = \"jci1.3:c:BWBR…&artikel=…\""),
    )?;
    let text = t.text("text", Some("text = \"…\""));
    // Several bases as a list (format 2), the first the main one.
    let listed = t
        .raw("basis")
        .is_some_and(|v| v.get_ref().as_array().is_some());
    let (basis, also) = if listed {
        if format < RULES_FORMAT {
            let span = t.span_of("basis");
            t.error(
                span,
                Problem::NeedsFormat {
                    construct: Construct::Bases,
                    format: RULES_FORMAT,
                },
            );
        }
        let all: Vec<Option<Jci>> = t
            .texts("basis")
            .into_iter()
            .map(|b| read_jci(&mut t, b))
            .collect();
        if all.is_empty() {
            t.missing(
                "basis",
                "basis = [\"jci1.3:c:BWBR0015703&artikel=41&lid=4\"]",
            );
        }
        let ok = all.iter().all(Option::is_some) && format >= RULES_FORMAT;
        let mut all = all.into_iter().flatten();
        (all.next().filter(|_| ok), all.collect())
    } else {
        let basis = t
            .text(
                "basis",
                Some("basis = \"jci1.3:c:BWBR0015703&artikel=41&lid=4\""),
            )
            .and_then(|b| read_jci(&mut t, b));
        (basis, Vec::new())
    };
    let local = read_local(&mut t);
    t.finish();
    Some(Rule {
        text: text?.value,
        basis: basis?,
        also,
        local: local.ok()?,
    })
}

/// `Ok(None)` when absent, `Err` when present but wrong.
pub(super) fn read_local(t: &mut TableReader<'_, '_>) -> Result<Option<LocalRule>, ()> {
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

pub(super) fn read_intent(r: &mut TableReader<'_, '_>) -> Option<Intent> {
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

pub(super) fn read_motivation(r: &mut TableReader<'_, '_>) -> Option<MotivationGuide> {
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

/// `grounds`: legal grounds by Juriconnect id, and in format 2 articles of
/// municipal regulations, `{ cvdr = "CVDR719087", article = "4" }`.
pub(super) fn read_grounds(
    r: &mut TableReader<'_, '_>,
    format: u32,
) -> (Vec<Jci>, Vec<crate::domain::norm::provenance::LocalGround>) {
    use crate::domain::norm::provenance::LocalGround;
    use toml::de::DeValue;
    let Some(value) = r.raw("grounds") else {
        return (Vec::new(), Vec::new());
    };
    let Some(items) = value.get_ref().as_array() else {
        r.reject(
            "grounds",
            crate::domain::diagnostic::Expected::ListOfTexts,
            value,
        );
        return (Vec::new(), Vec::new());
    };
    let (mut laws, mut local) = (Vec::new(), Vec::new());
    for item in items {
        let span = item.span();
        match item.get_ref() {
            DeValue::String(text) => {
                let at = At {
                    value: text.to_string(),
                    span,
                };
                laws.extend(read_jci(r, at));
            }
            DeValue::Table(table) if format >= RULES_FORMAT => {
                let text = |key: &str| {
                    table
                        .get(key)
                        .and_then(|v| v.get_ref().as_str())
                        .map(str::to_owned)
                };
                let cvdr = text("cvdr").and_then(|c| c.parse::<Cvdr>().ok());
                let unknown = table
                    .iter()
                    .any(|(k, _)| !["cvdr", "article", "title"].contains(&k.get_ref().as_ref()));
                match (cvdr, text("article")) {
                    (Some(cvdr), Some(article)) if !unknown => local.push(LocalGround {
                        cvdr,
                        article,
                        title: text("title"),
                    }),
                    _ => r.error(
                        span,
                        Problem::BadLocalGround {
                            value: text("cvdr").unwrap_or_default(),
                        },
                    ),
                }
            }
            DeValue::Table(_) => r.error(
                span,
                Problem::NeedsFormat {
                    construct: Construct::MunicipalArticle,
                    format: RULES_FORMAT,
                },
            ),
            _ => r.reject(
                "grounds",
                crate::domain::diagnostic::Expected::ListOfTexts,
                value,
            ),
        }
    }
    (laws, local)
}

/// `adopted_on`: a date, or in format 2 a year or month as text when the
/// exact day is not known (`"2019"`, `"2019-03"`).
pub(super) fn read_adopted_on(
    r: &mut TableReader<'_, '_>,
    format: u32,
) -> (
    Option<At<Date>>,
    Option<At<crate::domain::norm::provenance::Rough>>,
) {
    use crate::domain::norm::provenance::Rough;
    let rough = r
        .raw("adopted_on")
        .and_then(|v| Some((v.get_ref().as_str()?.to_owned(), v.span())))
        .and_then(|(text, span)| Some((Rough::parse(&text)?, span)));
    match rough {
        Some((rough, span)) if format >= RULES_FORMAT => (None, Some(At { value: rough, span })),
        Some((_, span)) => {
            r.error(
                span,
                Problem::NeedsFormat {
                    construct: Construct::RoughDate,
                    format: RULES_FORMAT,
                },
            );
            (None, None)
        }
        None => (r.date("adopted_on", None), None),
    }
}
