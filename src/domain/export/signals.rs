//! Signals in an export of their own (a file, or a sheet of the
//! workbook): where no norm fitted, what was tried, and whether the signal
//! verified.

use jiff::Timestamp;
use serde::Serialize;

use super::row::{Privacy, Verification};
use super::table::Cell;
use crate::domain::signal::Signal;

/// A signal as exported. Field names are stable.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportedSignal {
    pub id: String,
    pub created: Timestamp,
    /// The case reference, or its token when anonymised.
    pub case: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    pub author_role: String,
    /// The norm tried that did not cover the case, and the check that
    /// failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub norm: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub norm_version: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failed_check: Option<String>,
    /// What the case needs and why no norm fits; absent when anonymised
    /// without text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub verification: Verification,
}

impl ExportedSignal {
    pub fn of(signal: &Signal, findings: Vec<String>, privacy: &Privacy<'_>) -> Self {
        let anonymised = privacy.anonymiser.is_some();
        Self {
            id: signal.id.clone(),
            created: signal.created,
            case: match privacy.anonymiser {
                Some(a) => a.token(&signal.case),
                None => signal.case.clone(),
            },
            author: (!anonymised).then(|| signal.author.principal.clone()),
            author_role: signal.author.role.clone(),
            norm: signal.norm.as_ref().map(|n| n.id.clone()),
            norm_version: signal.norm.as_ref().map(|n| n.version),
            failed_check: signal.norm.as_ref().and_then(|n| n.failed_check.clone()),
            text: (!anonymised || privacy.with_text).then(|| signal.text.clone()),
            verification: Verification {
                valid: findings.is_empty(),
                findings,
            },
        }
    }

    /// Its file in the store, as verify names it.
    pub fn file(signal: &Signal) -> String {
        format!("signals/{}/{}.toml", signal.author.principal, signal.id)
    }

    /// The header of a signals table; `people` and `text` as in
    /// [`super::table::Layout`].
    pub fn header(people: bool, text: bool) -> Vec<String> {
        let mut h = vec!["id", "created", "case"];
        if people {
            h.push("author");
        }
        h.extend(["author_role", "norm", "norm_version", "failed_check"]);
        if text {
            h.push("text");
        }
        h.push("verification");
        h.into_iter().map(str::to_owned).collect()
    }

    /// As a row under [`Self::header`].
    pub fn row(&self, people: bool, text: bool) -> Vec<Cell> {
        let mut row: Vec<Cell> = vec![
            self.id.as_str().into(),
            Cell::Moment(self.created),
            self.case.as_str().into(),
        ];
        if people {
            row.push(self.author.clone().into());
        }
        row.extend([
            self.author_role.as_str().into(),
            self.norm.clone().into(),
            self.norm_version.map_or(Cell::Empty, |v| {
                Cell::Number(crate::domain::number::Decimal::from(v))
            }),
            self.failed_check.clone().into(),
        ]);
        if text {
            row.push(self.text.clone().into());
        }
        row.push(self.verification.cell().into());
        row
    }
}
