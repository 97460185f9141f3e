//! The justification record (verantwoording): one signed, immutable file per
//! decision, tied to the exact norm version it relied on.
//!
//! The record is TOML written by this program in a fixed key order, LF only;
//! its signature (`.sig`, SSHSIG, namespace `maatwerk-record`) covers its
//! exact bytes. `seq` and `prev` chain each author's records, so a record
//! removed from the middle of a chain is detected.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::number::Decimal;
use super::source::Sha256Hex;

pub mod canonical;

/// Records written now: as format 3, and a norm's totals over several
/// decisions stated as they stood (`[[total]]`).
pub const RECORD_FORMAT: &str = "maatwerk-record/4";
/// Records of release 0.4: each check names its kind, and numbers are
/// exact decimals (`answer = "850.50"`).
pub const RECORD_FORMAT_V3: &str = "maatwerk-record/3";
/// Records of releases 0.2 and 0.3: they name the keyring and adoption
/// heads they were signed under; numbers are TOML floats.
pub const RECORD_FORMAT_V2: &str = "maatwerk-record/2";
/// Records of release 0.1, before adoptions and linked histories.
pub const RECORD_FORMAT_V1: &str = "maatwerk-record/1";

/// The forms records have had; every one of them still verifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordFormat {
    /// Release 0.1: no histories named.
    V1,
    /// Releases 0.2 and 0.3: the keyring and adoption heads named.
    V2,
    /// Release 0.4: each check's kind named, numbers exact.
    V3,
    /// Since release 0.5: as V3, with the norm's totals over decisions.
    V4,
}

impl RecordFormat {
    /// The form records are written in now.
    pub const CURRENT: Self = Self::V4;

    pub fn of(text: &str) -> Option<Self> {
        [Self::V1, Self::V2, Self::V3, Self::V4]
            .into_iter()
            .find(|f| f.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::V1 => RECORD_FORMAT_V1,
            Self::V2 => RECORD_FORMAT_V2,
            Self::V3 => RECORD_FORMAT_V3,
            Self::V4 => RECORD_FORMAT,
        }
    }

    /// Whether records in this form name the histories they were signed
    /// under.
    pub fn names_histories(self) -> bool {
        self != Self::V1
    }

    /// Newer forms higher: an author's chain never goes back.
    pub fn generation(self) -> u8 {
        match self {
            Self::V1 => 1,
            Self::V2 => 2,
            Self::V3 => 3,
            Self::V4 => 4,
        }
    }

    /// Whether each check names its kind and its answer reads by it.
    pub fn typed(self) -> bool {
        self.generation() >= 3
    }

    /// Whether records in this form state the norm's totals.
    pub fn states_totals(self) -> bool {
        self.generation() >= 4
    }
}

/// The histories a file was signed under: the heads of the keyring and of
/// the adoptions as the signer saw them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignedUnder {
    pub keyring: Vec<String>,
    pub adoptions: Vec<String>,
}

/// What the author's signature means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignatureMeaning {
    /// Within the author's mandaat: drawn up and decided.
    #[serde(rename = "opgesteld en vastgesteld")]
    Decided,
    /// Beyond it: drawn up, for review by someone with the mandaat.
    #[serde(rename = "opgesteld, ter beoordeling")]
    ForReview,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub format: String,
    pub id: String,
    /// When it was signed (UTC).
    pub created: Timestamp,
    /// The date the decision takes effect in law; norms are judged on it.
    pub decision_date: Date,
    /// The case reference (zaaknummer) — never a BSN.
    pub case: String,
    /// The author's record number: 1, 2, 3 … without gaps.
    pub seq: u64,
    /// `sha256:` of the author's previous record file; absent for seq 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev: Option<String>,
    /// The keyring heads it was signed under (absent in format 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyring: Option<Vec<String>>,
    /// The adoption heads it was signed under (absent in format 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adoptions: Option<Vec<String>>,
    /// The returned record this one revises: its id …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revises: Option<String>,
    /// … and `sha256:` of its exact bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revises_sha256: Option<String>,
    /// The decision this one extends (its period follows on): its id …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// … and `sha256:` of its exact bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends_sha256: Option<String>,
    pub signature_meaning: SignatureMeaning,
    pub author: Author,
    pub norm: NormRef,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    pub mandate: MandateRecord,
    pub motivation: Motivation,
    #[serde(default, rename = "check")]
    pub checks: Vec<CheckAnswer>,
    #[serde(default, rename = "evidence", skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceItem>,
    /// Since format 4: each total of the norm over several decisions, as
    /// it stood with this decision.
    #[serde(default, rename = "total", skip_serializing_if = "Vec::is_empty")]
    pub totals: Vec<TotalLine>,
    /// What is granted and how, as the norm's `[award]` gives it (format 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub award: Option<crate::domain::norm::award::Awarded>,
}

/// One total over several decisions as a record states it: the decision
/// dates that count together with this one, what the decisions counted
/// before it came to, what they come to with it, and the norm's maximum.
/// Amounts in the summed check's unit; a count of decisions otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TotalLine {
    pub id: String,
    /// The check whose answers are added up; absent when decisions are
    /// counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sum: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub through: Option<Date>,
    #[serde(with = "super::number::text")]
    pub earlier: Decimal,
    #[serde(with = "super::number::text")]
    pub total: Decimal,
    #[serde(with = "super::number::text")]
    pub max: Decimal,
}

impl TotalLine {
    /// Whether its numbers are written alike: the same value and scale.
    pub fn written_as(&self, other: &Self) -> bool {
        self == other
            && [
                (self.earlier, other.earlier),
                (self.total, other.total),
                (self.max, other.max),
            ]
            .iter()
            .all(|(a, b)| a.to_string() == b.to_string())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Author {
    pub principal: String,
    pub name: String,
    /// The role the keyring gave the author when signing.
    pub role: String,
    /// Fingerprint of the signing key.
    pub key: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NormRef {
    pub id: String,
    pub version: u32,
    /// sha256 of the norm file's exact bytes; the store keeps a copy under
    /// `norms/<sha256>.toml`.
    pub sha256: String,
    pub title: String,
    /// The standard rule's legal basis, pinned to the decision date.
    pub basis: String,
    pub basis_label: String,
}

/// The departure runs from `start` up to but not including `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub start: Date,
    pub end: Date,
}

/// Who may take the decision, as the record states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecordedOutcome {
    /// Within the author's mandaat: decided.
    Within,
    /// Someone with `review_role` or a later tier must review it.
    NeedsReview,
    /// Above every tier of the norm; never signed by this program.
    BeyondNorm,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MandateRecord {
    pub outcome: RecordedOutcome,
    /// For `needs-review`: the least role that may approve.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_role: Option<String>,
}

/// The motivation along Awb 4:84, plus the resident's own view, who was
/// consulted and the expected effect.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Motivation {
    pub circumstances: String,
    pub consequences: String,
    pub aims: String,
    pub disproportionality: String,
    pub resident_view: String,
    pub consulted: String,
    pub expected_effect: String,
}

/// One check with the exact question text the author answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "wire::Check", into = "wire::Check")]
pub struct CheckAnswer {
    pub id: String,
    pub question: String,
    /// The kind of check, as the norm names it (`number`, `date`, …):
    /// written since record format 3, where it says how the answer reads.
    /// Records before it hold none and read as they always did.
    pub kind: Option<String>,
    pub answer: Answer,
    pub unit: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Yes(bool),
    /// Exact: an amount is never a binary float.
    Number(Decimal),
    Date(Date),
    Text(String),
}

impl Answer {
    /// The kind of check this answer is written for in a draft, where the
    /// norm is not at hand: a choice's answer is written as a text.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Self::Yes(_) => "confirm",
            Self::Number(_) => "number",
            Self::Date(_) => "date",
            Self::Text(_) => "text",
        }
    }
}

pub mod wire;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceItem {
    pub id: String,
    pub text: String,
    pub in_case_file: bool,
}

/// What verification needs of a record: who signed what, when, on which
/// norm, and its place in the author's chain.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct RecordHead {
    pub id: String,
    pub created: Timestamp,
    pub decision_date: Date,
    pub seq: u64,
    #[serde(default)]
    pub prev: Option<String>,
    pub author: Author,
    pub norm: NormRef,
}

impl RecordHead {
    /// Reads the head of a record. Records are written with these fields
    /// first, so only the text before `[period]` or `[mandate]` is parsed;
    /// a record in any other order is read whole.
    pub fn parse(text: &str) -> Result<Self, toml::de::Error> {
        let end = text
            .find("\n[period]\n")
            .or_else(|| text.find("\n[mandate]\n"))
            .map_or(text.len(), |i| i + 1);
        toml::from_str(&text[..end]).or_else(|_| toml::from_str(text))
    }
}

impl Record {
    /// The record as the bytes that are signed and stored.
    pub fn to_toml(&self) -> Result<String, toml::ser::Error> {
        toml::to_string(self)
    }

    pub fn from_toml(text: &str) -> Result<Self, toml::de::Error> {
        toml::from_str(text)
    }

    /// A record file's text as a reader of the store takes it: the fast
    /// reader for what this program writes, the TOML parser for the rest.
    pub fn read(text: &str) -> Option<Self> {
        canonical::parse(text).or_else(|| Self::from_toml(text).ok())
    }

    /// The fields verification needs.
    pub fn head(&self) -> RecordHead {
        RecordHead {
            id: self.id.clone(),
            created: self.created,
            decision_date: self.decision_date,
            seq: self.seq,
            prev: self.prev.clone(),
            author: self.author.clone(),
            norm: self.norm.clone(),
        }
    }

    /// The value of `prev` for the record after this one.
    pub fn link(bytes: &[u8]) -> String {
        format!("sha256:{}", Sha256Hex::of(bytes))
    }

    /// The unit of check `check`'s answer (`EUR`), as recorded.
    pub fn unit(&self, check: &str) -> Option<String> {
        self.checks
            .iter()
            .find(|c| c.id == check)
            .and_then(|c| c.unit.clone())
    }

    /// Each limit of its author's tier in `norm` this record goes beyond,
    /// and each total it states past a maximum the norm sends for review:
    /// why it needs review.
    pub fn exceeded(&self, norm: &super::norm::Norm) -> Vec<super::norm::Exceeded> {
        use super::norm::Exceeded;
        use super::norm::total::Beyond;
        let facts = super::norm::DecisionFacts::from_answers(
            self.checks.iter().map(|c| (c.id.as_str(), &c.answer)),
            self.period.map(|p| (p.start, p.end)),
        );
        let mut why = norm.mandate.exceeded(&self.author.role, &facts);
        for line in self.totals.iter().filter(|l| l.total > l.max) {
            let Some(total) = norm.totals.iter().find(|t| t.id == line.id) else {
                continue;
            };
            if let Beyond::Review(role) = &total.beyond {
                why.push(Exceeded::Total {
                    id: line.id.clone(),
                    total: line.total,
                    max: line.max,
                    unit: line.sum.as_deref().and_then(|check| self.unit(check)),
                    counted: line.sum.is_none(),
                    role: role.clone(),
                });
            }
        }
        // Four eyes is said only when nothing else sends it for review.
        if why.len() > 1 {
            why.retain(|w| *w != Exceeded::FourEyes);
        }
        why
    }

    /// The record it revises, when it names one whole (id and hash).
    pub fn revises_ref(&self) -> Option<crate::domain::review::RecordRef> {
        Some(crate::domain::review::RecordRef {
            id: self.revises.clone()?,
            sha256: self.revises_sha256.clone()?,
        })
    }

    /// The decision it extends, when it names one whole (id and hash).
    pub fn extends_ref(&self) -> Option<crate::domain::review::RecordRef> {
        Some(crate::domain::review::RecordRef {
            id: self.extends.clone()?,
            sha256: self.extends_sha256.clone()?,
        })
    }

    /// The histories it names, when its format names them.
    pub fn signed_under(&self) -> Option<SignedUnder> {
        Some(SignedUnder {
            keyring: self.keyring.clone()?,
            adoptions: self.adoptions.clone()?,
        })
    }
}
