//! Reviews and withdrawals: what happens to a decision after it is signed.
//!
//! A review is a team lead's verdict on a record drawn up for review: one
//! signed file (`reviews/<principal>/<seq>-<id>.toml` plus `.sig`,
//! namespace `maatwerk-review`), bound to the record by its id and the
//! sha256 of its exact bytes, by a member whose role reaches the review
//! role the record needs and who is not its author (four eyes, in the
//! spirit of Awb 10:3 lid 3: no mandate to decide on one's own matter).
//!
//! A withdrawal ends a decision: signed by its author or by someone who
//! may review it (`withdrawals/<principal>/<seq>-<id>.toml`, namespace
//! `maatwerk-withdrawal`). Both are chained per signer like records, so one
//! taken out of the middle shows.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::bsn::contains_bsn;
use super::record::Author;
use super::text::{has_hidden_control, written_len};

pub const REVIEW_FORMAT: &str = "maatwerk-review/1";
pub const WITHDRAWAL_FORMAT: &str = "maatwerk-withdrawal/1";

/// The verdict of a review, as the file states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    /// The decision may be taken as drawn up.
    #[serde(rename = "goedgekeurd")]
    Approve,
    /// Back to the author, with remarks, to revise.
    #[serde(rename = "teruggestuurd")]
    Return,
    /// Not to be taken.
    #[serde(rename = "afgewezen")]
    Reject,
}

impl Verdict {
    /// The stable code scripts read.
    pub fn code(self) -> &'static str {
        match self {
            Self::Approve => "approve",
            Self::Return => "return",
            Self::Reject => "reject",
        }
    }

    /// Whether the verdict needs a remark: returning and rejecting must say
    /// why.
    pub fn needs_remark(self) -> bool {
        !matches!(self, Self::Approve)
    }
}

/// The record a review or withdrawal is about: its id and `sha256:` of its
/// exact bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordRef {
    pub id: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub format: String,
    pub id: String,
    /// When it was signed (UTC).
    pub created: Timestamp,
    /// The reviewer's review number: 1, 2, 3 … without gaps.
    pub seq: u64,
    /// `sha256:` of the reviewer's previous review file; absent for seq 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev: Option<String>,
    /// The keyring heads it was signed under.
    pub keyring: Vec<String>,
    /// The adoption heads it was signed under.
    pub adoptions: Vec<String>,
    pub verdict: Verdict,
    /// Why, for the author; required to return or reject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    pub record: RecordRef,
    pub reviewer: Author,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Withdrawal {
    pub format: String,
    pub id: String,
    pub created: Timestamp,
    pub seq: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev: Option<String>,
    pub keyring: Vec<String>,
    pub adoptions: Vec<String>,
    /// Why the decision no longer stands.
    pub reason: String,
    pub record: RecordRef,
    pub by: Author,
}

/// What is wrong with the words of a review or withdrawal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    /// Returning or rejecting without saying why.
    RemarkMissing,
    /// A withdrawal's reason says too little.
    ReasonTooShort {
        min: usize,
    },
    BsnInText,
    /// Control or direction characters a reader would not see.
    HiddenCharacter,
}

impl TextProblem {
    pub fn code(self) -> &'static str {
        match self {
            Self::RemarkMissing => "remark-missing",
            Self::ReasonTooShort { .. } => "reason-too-short",
            Self::BsnInText => "bsn-in-text",
            Self::HiddenCharacter => "hidden-character",
        }
    }
}

/// The least a withdrawal's reason says.
pub const MIN_REASON: usize = 10;

fn text_problems(text: &str) -> Vec<TextProblem> {
    let mut problems = Vec::new();
    if contains_bsn(text) {
        problems.push(TextProblem::BsnInText);
    }
    if has_hidden_control(text) {
        problems.push(TextProblem::HiddenCharacter);
    }
    problems
}

/// What is wrong with a verdict's remark; every problem at once.
pub fn check_remark(verdict: Verdict, remark: Option<&str>) -> Vec<TextProblem> {
    let remark = remark.unwrap_or_default();
    let mut problems = Vec::new();
    if verdict.needs_remark() && written_len(remark) == 0 {
        problems.push(TextProblem::RemarkMissing);
    }
    problems.extend(text_problems(remark));
    problems
}

/// What is wrong with a withdrawal's reason; every problem at once.
pub fn check_reason(reason: &str) -> Vec<TextProblem> {
    let mut problems = Vec::new();
    if written_len(reason) < MIN_REASON {
        problems.push(TextProblem::ReasonTooShort { min: MIN_REASON });
    }
    problems.extend(text_problems(reason));
    problems
}

/// A remark as stored: trimmed, and absent when nothing was said.
pub fn stored_remark(remark: Option<&str>) -> Option<String> {
    remark
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn returning_and_rejecting_must_say_why_approving_need_not() {
        assert_eq!(check_remark(Verdict::Approve, None), []);
        assert_eq!(
            check_remark(Verdict::Return, Some("  \u{200b} ")),
            [TextProblem::RemarkMissing]
        );
        assert_eq!(
            check_remark(Verdict::Reject, None),
            [TextProblem::RemarkMissing]
        );
        assert_eq!(
            check_remark(Verdict::Reject, Some("Geen grond in de norm.")),
            []
        );
    }

    #[test]
    fn a_bsn_or_a_hidden_character_is_refused_in_every_text() {
        assert_eq!(
            check_remark(Verdict::Approve, Some("zie 111222333")),
            [TextProblem::BsnInText]
        );
        assert_eq!(
            check_reason("ingetrokken \u{202e}door de inwoner"),
            [TextProblem::HiddenCharacter]
        );
        assert_eq!(
            check_reason("te kort"),
            [TextProblem::ReasonTooShort { min: MIN_REASON }]
        );
    }

    #[test]
    fn a_review_is_written_with_its_tables_last_and_reads_back() {
        let review = Review {
            format: REVIEW_FORMAT.into(),
            id: "RV-20261204-7X41JRQT".into(),
            created: "2026-12-04T10:00:00Z".parse().unwrap(),
            seq: 1,
            prev: None,
            keyring: vec!["sha256:aa".into()],
            adoptions: vec![],
            verdict: Verdict::Return,
            remark: Some("Onderbouw de hoogte van het bedrag.".into()),
            record: RecordRef {
                id: "MW-20261203-7X41JRQT".into(),
                sha256: "sha256:bb".into(),
            },
            reviewer: Author {
                principal: "tom@gemeente.example".into(),
                name: "Tom".into(),
                role: "teamleider".into(),
                key: "SHA256:x".into(),
            },
        };
        let text = toml::to_string(&review).unwrap();
        assert!(text.contains("verdict = \"teruggestuurd\"\n"), "{text}");
        assert!(text.find("[record]") > text.find("remark"), "{text}");
        assert_eq!(toml::from_str::<Review>(&text).unwrap(), review);
    }
}
