//! Signals: what a caseworker logs when no agreed norm fits a case that
//! needs one. Input for the policy owner — a recurring signal is the case
//! for a new norm (Aanwijzing voor de regelgeving 5.25 lid 3).
//!
//! A signal is one signed file (`signals/<principal>/<id>.toml` plus
//! `.sig`, namespace `maatwerk-signal`), like a record but with no chain:
//! it decides nothing.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::bsn::contains_bsn;
use super::decision::{CaseProblem, case_problem};
use super::record::Author;

/// Signals written now name the keyring heads they were signed under.
pub const SIGNAL_FORMAT: &str = "maatwerk-signal/2";
/// Signals of release 0.1, which name no keyring state.
pub const SIGNAL_FORMAT_V1: &str = "maatwerk-signal/1";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signal {
    pub format: String,
    pub id: String,
    pub created: Timestamp,
    /// The keyring heads it was signed under (absent in format 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyring: Option<Vec<String>>,
    pub case: String,
    /// The norm that was tried and did not cover the case, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub norm: Option<TriedNorm>,
    /// What the caseworker says is needed and why no norm fits.
    pub text: String,
    pub author: Author,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriedNorm {
    pub id: String,
    pub version: u32,
    pub sha256: String,
    /// The check whose condition failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failed_check: Option<String>,
}

/// Why a signal may not be signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignalProblem {
    CaseMissing,
    CaseInvalid,
    CaseIsBsn,
    TextTooShort { min: usize },
    BsnInText,
}

/// The least number of characters that explain what is needed.
pub const MIN_TEXT: usize = 20;

/// Checks a signal before it is signed; every problem at once.
pub fn check(case: &str, text: &str) -> Vec<SignalProblem> {
    let mut problems = Vec::new();
    match case_problem(case) {
        Some(CaseProblem::Missing) => problems.push(SignalProblem::CaseMissing),
        Some(CaseProblem::IsBsn) => problems.push(SignalProblem::CaseIsBsn),
        Some(CaseProblem::Invalid) => problems.push(SignalProblem::CaseInvalid),
        None => {}
    }
    if super::text::written_len(text) < MIN_TEXT {
        problems.push(SignalProblem::TextTooShort { min: MIN_TEXT });
    }
    if contains_bsn(text) {
        problems.push(SignalProblem::BsnInText);
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_need_a_case_a_reason_and_no_bsn() {
        assert_eq!(
            check("Z-2026-1", "Geen norm voor woonkosten bij dakloosheid."),
            []
        );
        assert_eq!(
            check(" ", "kort"),
            [
                SignalProblem::CaseMissing,
                SignalProblem::TextTooShort { min: MIN_TEXT }
            ]
        );
        assert_eq!(
            check(
                "123456782",
                "Inwoner 1234.56.782 heeft hulp nodig bij huur."
            ),
            [SignalProblem::CaseIsBsn, SignalProblem::BsnInText]
        );
    }
}
