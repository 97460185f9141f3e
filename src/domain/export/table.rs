//! An exported record laid out in columns, for CSV and spreadsheets: the
//! same columns for every record, the checks as numbered groups (id,
//! question, answer) up to the most checks any norm in the export has.

use jiff::civil::Date;

use super::row::{Exported, Value};
use crate::domain::number::Decimal;
use crate::domain::store::{Store, StoreState};

/// The most checks a norm adopted in `store` has: how many check columns
/// an export needs.
pub fn most_checks(store: &Store, state: &StoreState) -> usize {
    state
        .adoptions
        .adopted()
        .iter()
        .filter_map(|a| store.snapshot(&a.adoption.norm.sha256).flatten())
        .map(|n| n.checks.len())
        .max()
        .unwrap_or(0)
}

/// One cell, typed: a spreadsheet keeps numbers and dates as such.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(Decimal),
    Date(Date),
    /// A moment, in UTC.
    Moment(jiff::Timestamp),
    Empty,
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<Option<Date>> for Cell {
    fn from(date: Option<Date>) -> Self {
        date.map_or(Self::Empty, Self::Date)
    }
}

impl From<Option<String>> for Cell {
    fn from(text: Option<String>) -> Self {
        text.map_or(Self::Empty, Self::Text)
    }
}

/// The motivation's parts, as columns.
const MOTIVATION: [&str; 7] = [
    "circumstances",
    "consequences",
    "aims",
    "disproportionality",
    "resident_view",
    "consulted",
    "expected_effect",
];

/// Which columns an export has.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// The most checks a record in the export can have.
    pub checks: usize,
    /// The author's principal and name (not when anonymised).
    pub people: bool,
    /// The motivation (not when anonymised without text).
    pub text: bool,
}

impl Layout {
    /// The header row: stable names, as the JSON Lines fields.
    pub fn header(&self) -> Vec<String> {
        let mut h: Vec<String> = ["id", "decision_date", "created", "case"]
            .into_iter()
            .map(str::to_owned)
            .collect();
        if self.people {
            h.extend(["author".into(), "author_name".into()]);
        }
        h.extend(
            [
                "author_role",
                "norm",
                "norm_version",
                "norm_title",
                "norm_sha256",
                "basis",
                "basis_url",
                "first_day",
                "last_day",
                "revises",
                "extends",
                "outcome",
                "review_role",
                "status",
                "history",
                "verification",
            ]
            .into_iter()
            .map(str::to_owned),
        );
        for i in 1..=self.checks {
            h.extend([
                format!("check_{i}_id"),
                format!("check_{i}_question"),
                format!("check_{i}_answer"),
                format!("check_{i}_unit"),
            ]);
        }
        if self.text {
            h.extend(MOTIVATION.iter().map(|m| format!("motivation_{m}")));
        }
        h
    }

    /// `e` as a row under [`Self::header`].
    pub fn row(&self, e: &Exported) -> Vec<Cell> {
        let mut row: Vec<Cell> = vec![
            e.id.as_str().into(),
            Cell::Date(e.decision_date),
            Cell::Moment(e.created),
            e.case.as_str().into(),
        ];
        if self.people {
            row.extend([e.author.clone().into(), e.author_name.clone().into()]);
        }
        row.extend([
            e.author_role.as_str().into(),
            e.norm.as_str().into(),
            Cell::Number(Decimal::from(e.norm_version)),
            e.norm_title.as_str().into(),
            e.norm_sha256.as_str().into(),
            e.basis.as_str().into(),
            e.basis_url.as_str().into(),
            e.first_day.into(),
            e.last_day.into(),
            e.revises.clone().into(),
            e.extends.clone().into(),
            e.outcome.into(),
            e.review_role.clone().into(),
            e.status.into(),
            history(e).into(),
            e.verification.cell().into(),
        ]);
        for i in 0..self.checks {
            match e.checks.get(i) {
                Some(c) => row.extend([
                    c.id.as_str().into(),
                    c.question.as_str().into(),
                    match &c.answer {
                        Value::Yes(true) => "ja".into(),
                        Value::Yes(false) => "nee".into(),
                        Value::Number(n) => Cell::Number(*n),
                        Value::Date(d) => Cell::Date(*d),
                        Value::Text(t) => t.as_str().into(),
                        Value::Omitted => Cell::Empty,
                    },
                    c.unit.clone().into(),
                ]),
                None => row.extend([Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty]),
            }
        }
        if self.text {
            let parts = e.motivation.as_deref().unwrap_or_default();
            row.extend(MOTIVATION.iter().map(|m| {
                parts
                    .iter()
                    .find(|(part, _)| part == m)
                    .map_or(Cell::Empty, |(_, text)| text.as_str().into())
            }));
        }
        row
    }
}

/// What happened to the decision, in one cell: `2026-11-24T10:00:00Z
/// approve (teamleider); …`.
fn history(e: &Exported) -> String {
    e.history
        .iter()
        .map(|a| format!("{} {} ({})", a.at, a.act, a.role))
        .collect::<Vec<_>>()
        .join("; ")
}
