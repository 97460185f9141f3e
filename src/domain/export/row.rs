//! One exported record: what an auditor reads of it, typed (amounts as
//! numbers, dates as dates), with its status and history and whether it
//! verified. JSON Lines writes it as it is; CSV and spreadsheets lay it
//! out in the columns of [`Layout`].

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use super::anon::Anonymiser;
use crate::domain::lifecycle::{Event, Story};
use crate::domain::number::Decimal;
use crate::domain::record::{Answer, Record, RecordedOutcome};

/// A record as exported. Field names are stable: scripts rely on them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Exported {
    pub id: String,
    pub decision_date: Date,
    pub created: Timestamp,
    /// The case reference, or its token when anonymised.
    pub case: String,
    /// The author's principal and name; absent when anonymised.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author_name: Option<String>,
    pub author_role: String,
    pub norm: String,
    pub norm_version: u32,
    pub norm_title: String,
    pub norm_sha256: String,
    /// The legal basis pinned to the decision date, and where to read it.
    pub basis: String,
    pub basis_url: String,
    /// The period, both days included.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_day: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_day: Option<Date>,
    /// The record this one revises, or extends.
    pub revises: Option<String>,
    pub extends: Option<String>,
    pub checks: Vec<CheckValue>,
    /// `within` (decided within the author's mandaat), `needs-review`, or
    /// `beyond-norm` (never signed by this program; a forgery says it).
    pub outcome: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_role: Option<String>,
    pub status: &'static str,
    pub history: Vec<Act>,
    /// The motivation by part; absent when anonymised without text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub motivation: Option<Vec<(&'static str, String)>>,
    pub verification: Verification,
}

/// A check's question and its answer, typed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckValue {
    pub id: String,
    pub question: String,
    pub answer: Value,
    /// The unit of a number (`EUR`, `uur`), as the norm gives it.
    pub unit: Option<String>,
}

/// An answer as a spreadsheet cell takes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Yes(bool),
    Number(#[serde(with = "rust_decimal::serde::float")] Decimal),
    Date(Date),
    Text(String),
    /// Free text left out of an anonymised export.
    Omitted,
}

/// Something that happened to the decision after it was signed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Act {
    pub at: Timestamp,
    /// `approve`, `return`, `reject` (a review's verdict), `withdrawn` or
    /// `revised`.
    pub act: &'static str,
    /// Who, by role; by principal too unless anonymised.
    pub role: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The remark or reason; absent when anonymised without text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// Whether the record verified, and if not, the findings on its file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verification {
    pub valid: bool,
    pub findings: Vec<String>,
}

impl Verification {
    /// As one cell: `valid`, or the finding codes.
    pub fn cell(&self) -> String {
        if self.valid {
            "valid".into()
        } else {
            self.findings.join(", ")
        }
    }
}

/// What an export keeps of the people and the words in a record.
pub struct Privacy<'a> {
    /// Case references as tokens, people as their roles.
    pub anonymiser: Option<&'a Anonymiser>,
    /// Free text kept all the same (an anonymised export leaves it out
    /// otherwise).
    pub with_text: bool,
}

impl Privacy<'_> {
    fn keeps_text(&self) -> bool {
        self.anonymiser.is_none() || self.with_text
    }

    fn person(&self, principal: &str) -> Option<String> {
        self.anonymiser.is_none().then(|| principal.to_owned())
    }
}

impl Exported {
    /// `record` as exported, with its `story` and the codes of the
    /// findings on its file.
    pub fn of(
        record: &Record,
        story: &Story<'_>,
        findings: Vec<String>,
        privacy: &Privacy<'_>,
    ) -> Self {
        let text = |t: &str| privacy.keeps_text().then(|| t.to_owned());
        Self {
            id: record.id.clone(),
            decision_date: record.decision_date,
            created: record.created,
            case: match privacy.anonymiser {
                Some(a) => a.token(&record.case),
                None => record.case.clone(),
            },
            author: privacy.person(&record.author.principal),
            author_name: privacy.person(&record.author.name),
            author_role: record.author.role.clone(),
            norm: record.norm.id.clone(),
            norm_version: record.norm.version,
            norm_title: record.norm.title.clone(),
            norm_sha256: record.norm.sha256.clone(),
            basis: record.norm.basis.clone(),
            basis_url: format!("https://wetten.overheid.nl/{}", record.norm.basis),
            first_day: record.period.map(|p| p.start),
            last_day: record.period.and_then(|p| p.end.yesterday().ok()),
            revises: record.revises.clone(),
            extends: record.extends.clone(),
            checks: record
                .checks
                .iter()
                .map(|c| CheckValue {
                    id: c.id.clone(),
                    question: c.question.clone(),
                    unit: matches!(c.answer, Answer::Number(_))
                        .then(|| c.unit.clone())
                        .flatten(),
                    answer: match &c.answer {
                        Answer::Yes(b) => Value::Yes(*b),
                        Answer::Number(n) => Value::Number(*n),
                        Answer::Date(d) => Value::Date(*d),
                        // A choice is one of the norm's options; a text
                        // answer (or one of a record that names no kind) is
                        // free text.
                        Answer::Text(t)
                            if privacy.keeps_text() || c.kind.as_deref() == Some("choice") =>
                        {
                            Value::Text(t.clone())
                        }
                        Answer::Text(_) => Value::Omitted,
                    },
                })
                .collect(),
            outcome: match record.mandate.outcome {
                RecordedOutcome::Within => "within",
                RecordedOutcome::NeedsReview => "needs-review",
                RecordedOutcome::BeyondNorm => "beyond-norm",
            },
            review_role: record.mandate.review_role.clone(),
            status: story.life.status.code(),
            history: story
                .events
                .iter()
                .map(|e| match e {
                    Event::Reviewed(r) => Act {
                        at: r.created,
                        act: r.verdict.code(),
                        role: r.reviewer.role.clone(),
                        by: privacy.person(&r.reviewer.principal),
                        text: r.remark.as_deref().and_then(text),
                    },
                    Event::Withdrawn(w) => Act {
                        at: w.created,
                        act: "withdrawn",
                        role: w.by.role.clone(),
                        by: privacy.person(&w.by.principal),
                        text: text(&w.reason),
                    },
                    Event::Revised(r) => Act {
                        at: r.created,
                        act: "revised",
                        role: r.author.role.clone(),
                        by: privacy.person(&r.author.principal),
                        text: None,
                    },
                })
                .collect(),
            motivation: privacy.keeps_text().then(|| {
                crate::domain::decision::motivation_parts(&record.motivation)
                    .into_iter()
                    .map(|(part, value, _)| (part, value.to_owned()))
                    .collect()
            }),
            verification: Verification {
                valid: findings.is_empty(),
                findings,
            },
        }
    }
}
