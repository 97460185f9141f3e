//! Records as `Besluit` objects of the ZGW Besluiten API (release 1.0.2 of
//! VNG Realisatie's `besluiten-api`), for a municipality's decision register:
//! the organisation's RSIN, the decision type from the norm, the case, the
//! decision date, the period, and an explanation built from the motivation.

use std::fmt::Write as _;

use jiff::civil::Date;
use serde::Serialize;

use super::row::Privacy;
use crate::domain::lifecycle::{Event, Status, Story};
use crate::domain::record::Record;

/// The longest `toelichting` written: the API sets no limit, a register
/// shows the first lines.
const EXPLANATION_CHARS: usize = 4000;

/// Where the objects a `Besluit` refers to are: given per export.
#[derive(Debug, Clone)]
pub struct Registers {
    /// The RSIN of the organisation that takes the decisions.
    pub rsin: String,
    /// The URL of a norm's BESLUITTYPE in the Catalogi API, with `{norm}`
    /// (and `{version}`) in it.
    pub besluittype: String,
    /// The URL of a case in the Zaken API, with `{case}` in it; without it
    /// a `Besluit` names no case.
    pub zaak: Option<String>,
}

/// A `Besluit` as the Besluiten API takes it (the fields it reads; `url`
/// and `vervalredenWeergave` are the register's own).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Besluit {
    pub identificatie: String,
    pub verantwoordelijke_organisatie: String,
    pub besluittype: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zaak: Option<String>,
    pub datum: Date,
    pub toelichting: String,
    pub ingangsdatum: Date,
    pub vervaldatum: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vervalreden: Option<&'static str>,
}

impl Besluit {
    pub fn of(record: &Record, story: &Story<'_>, privacy: &Privacy<'_>, at: &Registers) -> Self {
        let case = match privacy.anonymiser {
            Some(a) => a.token(&record.case),
            None => record.case.clone(),
        };
        let withdrawn = story.life.status == Status::Withdrawn;
        Self {
            identificatie: record.id.clone(),
            verantwoordelijke_organisatie: at.rsin.clone(),
            besluittype: at
                .besluittype
                .replace("{norm}", &record.norm.id)
                .replace("{version}", &record.norm.version.to_string()),
            zaak: at
                .zaak
                .as_ref()
                .map(|z| z.replace("{case}", &url_part(&case))),
            datum: record.decision_date,
            toelichting: explanation(record, privacy),
            ingangsdatum: record.period.map_or(record.decision_date, |p| p.start),
            vervaldatum: vervaldatum(record, story),
            vervalreden: if withdrawn {
                Some("ingetrokken_overheid")
            } else {
                record.period.map(|_| "tijdelijk")
            },
        }
    }
}

/// The last day the decision holds: the period's last, or the day it was
/// withdrawn when that came first.
fn vervaldatum(record: &Record, story: &Story<'_>) -> Option<Date> {
    let last = record.period.and_then(|p| p.end.yesterday().ok());
    let withdrawn = story.events.iter().find_map(|e| match e {
        Event::Withdrawn(w) if story.life.status == Status::Withdrawn => {
            Some(w.created.to_zoned(jiff::tz::TimeZone::UTC).date())
        }
        _ => None,
    });
    let start = record.period.map_or(record.decision_date, |p| p.start);
    match (last, withdrawn) {
        // Withdrawn before it began: it ends where it would have begun.
        (Some(last), Some(w)) => Some(last.min(w).max(start)),
        (last, w) => w.map(|w| w.max(start)).or(last),
    }
}

/// What is wrong with a URL template for a ZGW export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlProblem {
    /// Not an `http://` or `https://` URL.
    NotUrl,
    /// A `{…}` this export does not fill in.
    UnknownPlaceholder(String),
    /// The placeholder each object needs its own value for.
    Missing(&'static str),
}

/// Checks a URL template: an http(s) URL holding `needed`, and no
/// placeholder but those in `known`.
pub fn check_url(template: &str, needed: &'static str, known: &[&str]) -> Result<(), UrlProblem> {
    let t = template.trim();
    if !(t.starts_with("https://") || t.starts_with("http://")) || t.contains(char::is_whitespace) {
        return Err(UrlProblem::NotUrl);
    }
    let mut rest = t;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            return Err(UrlProblem::UnknownPlaceholder(rest[open..].to_owned()));
        };
        let name = &rest[open..=open + close];
        if !known.contains(&name) {
            return Err(UrlProblem::UnknownPlaceholder(name.to_owned()));
        }
        rest = &rest[open + close + 1..];
    }
    if t.contains(needed) {
        Ok(())
    } else {
        Err(UrlProblem::Missing(needed))
    }
}

/// What the decision departs from and why: the norm, the legal basis, and
/// (unless free text is left out) the motivation, within the length a
/// register shows.
fn explanation(record: &Record, privacy: &Privacy<'_>) -> String {
    let mut text = format!(
        "Maatwerk op grond van de norm “{}” (versie {}), wettelijke grondslag {}; verantwoording {}.",
        record.norm.title, record.norm.version, record.norm.basis_label, record.id
    );
    if privacy.anonymiser.is_none() || privacy.with_text {
        let m = &record.motivation;
        for (label, part) in [
            ("Omstandigheden", &m.circumstances),
            ("Gevolgen van de regel", &m.consequences),
            ("Doel van de regel", &m.aims),
            ("Onevenredigheid", &m.disproportionality),
        ] {
            let _ = write!(text, " {label}: {}", part.trim());
        }
    }
    if text.chars().count() > EXPLANATION_CHARS {
        text = text.chars().take(EXPLANATION_CHARS - 1).collect();
        text.push('…');
    }
    text
}

/// `text` as it may stand in a URL: letters, digits and `-._~` as they
/// are, every other byte percent-encoded.
fn url_part(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Whether `rsin` is an RSIN: nine digits that pass the eleven test.
pub fn is_rsin(rsin: &str) -> bool {
    crate::domain::bsn::is_bsn(rsin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_reference_is_encoded_for_a_url() {
        assert_eq!(url_part("Z-2026-0001"), "Z-2026-0001");
        assert_eq!(url_part("zaak 17/123"), "zaak%2017%2F123");
        assert!(is_rsin("002220647"));
        assert!(!is_rsin("002220648"));
    }
}
