//! Problems found in a file a person wrote (a norm, later an answers file),
//! each tied to the exact place in the file.
//!
//! The problem says *what* is wrong as data; the message catalogue in
//! the interface's message catalogue turns it into a sentence in the reader's language, and
//! the front end shows *where* with the offending line.

use crate::domain::number::Decimal;
use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use super::duration::DurationError;
use super::jci::JciError;
use super::source::SourceFile;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One problem at one place in one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub span: Range<usize>,
    pub problem: Problem,
}

impl Diagnostic {
    pub fn error(span: Range<usize>, problem: Problem) -> Self {
        Self {
            severity: Severity::Error,
            span,
            problem,
        }
    }

    pub fn warning(span: Range<usize>, problem: Problem) -> Self {
        Self {
            severity: Severity::Warning,
            span,
            problem,
        }
    }
}

/// All problems found in one file, with the file itself so they can be shown.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub source: Arc<SourceFile>,
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    /// Every tier role (`role = "…"`) in the file that is not one of
    /// `roles`, where it is written.
    pub fn check_roles(&mut self, roles: &[String]) {
        let text = self.source.text();
        let mut found = Vec::new();
        for (at, _) in text.match_indices("role = \"") {
            let start = at + "role = \"".len();
            let Some(len) = text[start..].find('"') else {
                continue;
            };
            let role = &text[start..start + len];
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            // A key at the start of its line, not inside a text.
            if text[line_start..at].trim().is_empty() && !roles.iter().any(|r| r == role) {
                found.push(Diagnostic::error(
                    start - 1..start + len + 1,
                    Problem::RoleNotInStore {
                        role: role.to_owned(),
                        known: roles.to_vec(),
                    },
                ));
            }
        }
        self.diagnostics.extend(found);
        self.diagnostics.sort_by_key(|d| d.span.start);
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// The things a value can be expected to be, for "wrong type" messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Expected {
    Text,
    WholeNumber,
    Number,
    Boolean,
    Date,
    Table,
    ListOfTables,
    ListOfTexts,
    /// A calendar duration; named `period` in JSON since release 0.1.
    #[serde(rename = "period")]
    Duration,
    NumberOrTable,
}

/// The kinds of named items inside a norm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Item {
    Check,
    Section,
    Evidence,
    Option,
    Role,
    Total,
    Constraint,
}

/// What is wrong. Each variant has a stable [`code`](Problem::code) for
/// scripts and a message and help text in each language.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The file is not valid TOML; the message is the parser's.
    Syntax {
        message: String,
    },
    /// A text holds a control or direction character nobody sees, which
    /// a terminal, a spreadsheet or a browser may act on: `code` is the
    /// character's number (U+001B).
    HiddenCharacter {
        code: String,
    },
    /// A number written with a decimal comma (`1200,00`), which TOML does
    /// not read.
    DecimalComma {
        written: String,
        point: String,
    },
    /// A `when` condition that cannot hold: it names a check that is not a
    /// yes/no or choice question before this one, or an answer that check
    /// cannot have.
    BadCondition {
        check: String,
        value: String,
        /// What the check can be held to: its kind's name (`confirm`,
        /// `choice`, `number`, …), its options, and the option closest to
        /// what was written.
        kind: String,
        options: Vec<String>,
        suggestion: Option<String>,
    },
    /// A `[[constraint]]` with neither `require` nor `any` to hold.
    ConstraintWithoutRule,
    /// A construct of a later norm format in a norm that does not say it
    /// is written in that format.
    NeedsFormat {
        construct: Construct,
        format: u32,
    },
    /// A ground that is not a CVDR id with an article.
    BadLocalGround {
        value: String,
    },
    /// `period_ends_before` names a check that is not a date question.
    NotADateCheck {
        id: String,
    },
    /// A `format` this program does not know.
    UnknownFormat {
        found: i64,
        newest: u32,
    },
    /// A number given as text that does not read as one, or reads two ways.
    UnreadableNumber {
        key: String,
        unreadable: crate::domain::number::Unreadable,
        unit: Option<String>,
    },
    /// A mandaat tier names a role the store at hand does not have.
    RoleNotInStore {
        role: String,
        known: Vec<String>,
    },
    /// A number that reads like a Dutch writer's thousands (`1.200`),
    /// which TOML reads as one point two.
    DutchThousands {
        written: String,
        meant: Decimal,
    },
    /// The file could not be read at all.
    Unreadable {
        message: String,
    },
    /// The file is not UTF-8 text.
    NotUtf8,
    UnknownKey {
        key: String,
        suggestion: Option<String>,
    },
    MissingKey {
        key: String,
        example: &'static str,
    },
    WrongType {
        key: String,
        expected: Expected,
        found: &'static str,
    },
    EmptyText {
        key: String,
    },
    BadId {
        key: String,
        value: String,
    },
    IdNotFileName {
        id: String,
        stem: String,
    },
    DuplicateNormId {
        id: String,
        other_file: String,
    },
    DuplicateItem {
        item: Item,
        id: String,
    },
    /// A date written with a time of day or offset.
    DateWithTime {
        key: String,
    },
    /// A date written as text, e.g. `"2026-01-15"` with quotes.
    QuotedDate {
        key: String,
        value: String,
    },
    BadDate {
        key: String,
        value: String,
    },
    DateOrder {
        earlier: &'static str,
        later: &'static str,
    },
    BadJci {
        value: String,
        error: JciError,
    },
    BadCvdr {
        value: String,
    },
    BadPeriod {
        key: String,
        error: DurationError,
        /// The ISO duration meant by words such as `1 jaar` or `6 weken`.
        meant: Option<String>,
    },
    UnknownValue {
        key: String,
        value: String,
        allowed: &'static [&'static str],
        suggestion: Option<String>,
    },
    UnknownReference {
        item: Item,
        id: String,
        suggestion: Option<String>,
    },
    /// A key that needs a number question (`limits`, `sum`, `per`)
    /// names another kind.
    NotANumberCheck {
        id: String,
        key: String,
    },
    /// A condition on a question names one asked only after it.
    ConditionOnLaterCheck {
        id: String,
    },
    ChoiceWithoutOptions,
    MinAboveMax {
        min: Decimal,
        max: Decimal,
    },
    AcceptNotAnOption {
        value: String,
    },
    KeyNotForKind {
        key: String,
        kind: String,
    },
    TooSmall {
        key: String,
        min: i64,
    },
    NoChecks,
    NoTiers,
    TierNotIncreasing {
        role: String,
        limit: String,
        previous_role: String,
    },
    TierLongerThanNorm {
        role: String,
    },
    WithdrawnOnNeedsStatus,
    AdoptionMissing {
        key: &'static str,
    },
    ReviewAfterMaxDuration,
    /// `max_total_duration` shorter than `max_duration`: not even the first
    /// decision could use its own maximum.
    TotalShorterThanMax,
    NotATomlFile,
    NoNormFiles,
}

impl Problem {
    /// A stable, kebab-case identifier for scripts and `--json` output.
    /// What the TOML parser's error at `at` in `text` is: a value on that
    /// line written with a decimal comma (`max = 1200,00`) is said as such.
    pub fn syntax(text: &str, at: usize, message: &str) -> Self {
        let at = at.min(text.len());
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let line = &text[start..end];
        for (eq, _) in line.match_indices('=') {
            let value = line[eq + 1..].trim_start();
            let unsigned = value.strip_prefix('-').unwrap_or(value);
            let int = unsigned.len()
                - unsigned
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .len();
            let Some(rest) = unsigned[int..].strip_prefix(',') else {
                continue;
            };
            let fraction = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if int > 0 && fraction > 0 {
                let sign = if value.starts_with('-') { "-" } else { "" };
                let (int, fraction) = (&unsigned[..int], &rest[..fraction]);
                return Self::DecimalComma {
                    written: format!("{sign}{int},{fraction}"),
                    point: format!("{sign}{int}.{fraction}"),
                };
            }
        }
        Self::Syntax {
            message: message.to_owned(),
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            Self::Syntax { .. } => "toml-syntax",
            Self::HiddenCharacter { .. } => "hidden-character",
            Self::DecimalComma { .. } => "decimal-comma",
            Self::DutchThousands { .. } => "dutch-thousands",
            Self::RoleNotInStore { .. } => "role-not-in-store",
            Self::UnreadableNumber { .. } => "unreadable-number",
            Self::BadCondition { .. } => "bad-condition",
            Self::ConstraintWithoutRule => "constraint-without-rule",
            Self::NeedsFormat { .. } => "needs-format",
            Self::NotADateCheck { .. } => "not-a-date-check",
            Self::BadLocalGround { .. } => "bad-local-ground",
            Self::UnknownFormat { .. } => "unknown-format",
            Self::Unreadable { .. } => "unreadable",
            Self::NotUtf8 => "not-utf8",
            Self::UnknownKey { .. } => "unknown-key",
            Self::MissingKey { .. } => "missing-key",
            Self::WrongType { .. } => "wrong-type",
            Self::EmptyText { .. } => "empty-text",
            Self::BadId { .. } => "bad-id",
            Self::IdNotFileName { .. } => "id-not-file-name",
            Self::DuplicateNormId { .. } => "duplicate-norm-id",
            Self::DuplicateItem { .. } => "duplicate-item",
            Self::DateWithTime { .. } => "date-with-time",
            Self::QuotedDate { .. } => "quoted-date",
            Self::BadDate { .. } => "bad-date",
            Self::DateOrder { .. } => "date-order",
            Self::BadJci { .. } => "bad-jci",
            Self::BadCvdr { .. } => "bad-cvdr",
            Self::BadPeriod { .. } => "bad-period",
            Self::UnknownValue { .. } => "unknown-value",
            Self::UnknownReference { .. } => "unknown-reference",
            Self::NotANumberCheck { .. } => "not-a-number-check",
            Self::ConditionOnLaterCheck { .. } => "condition-on-later-check",
            Self::ChoiceWithoutOptions => "choice-without-options",
            Self::MinAboveMax { .. } => "min-above-max",
            Self::AcceptNotAnOption { .. } => "accept-not-an-option",
            Self::KeyNotForKind { .. } => "key-not-for-kind",
            Self::TooSmall { .. } => "too-small",
            Self::NoChecks => "no-checks",
            Self::NoTiers => "no-tiers",
            Self::TierNotIncreasing { .. } => "tier-not-increasing",
            Self::TierLongerThanNorm { .. } => "tier-longer-than-norm",
            Self::WithdrawnOnNeedsStatus => "withdrawn-on-needs-status",
            Self::AdoptionMissing { .. } => "adoption-missing",
            Self::ReviewAfterMaxDuration => "review-after-max-duration",
            Self::TotalShorterThanMax => "total-shorter-than-max",
            Self::NotATomlFile => "not-a-toml-file",
            Self::NoNormFiles => "no-norm-files",
        }
    }
}

/// A construct of a later norm format, as `needs-format` names it: a key
/// or table as written in the file, or a form of value the language names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Construct {
    /// A key or table, as written: `before_decision`, `[award]`.
    Written(String),
    /// A list or a bound in a condition.
    ListOrBound,
    /// A list of legal bases.
    Bases,
    /// A municipal article as a ground.
    MunicipalArticle,
    /// An adoption date known only to the year or month.
    RoughDate,
}
