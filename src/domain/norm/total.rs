//! Totals over several decisions: a limit that holds for all decisions
//! together, for the same case or the whole team, within a calendar year
//! or a stretch of time ("gifts up to € 1.200 per calendar year", "at most
//! once in five years"). A norm declares them with `[[total]]`; each new
//! decision counts what the store already holds ([`crate::domain::totals`]).

use jiff::civil::Date;
use serde::Serialize;

use crate::domain::duration::CalendarDuration;
use crate::domain::number::Decimal;

/// One total a norm sets over several decisions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Total {
    pub id: String,
    /// The number check whose answers are added up; `None` counts the
    /// decisions themselves.
    pub sum: Option<String>,
    /// The most all decisions together may come to, this one included.
    #[serde(with = "rust_decimal::serde::float")]
    pub max: Decimal,
    pub per: Scope,
    pub window: Window,
    pub beyond: Beyond,
    /// The norms whose decisions count: this norm's own id first, then
    /// those the norm names in `norms`.
    pub norms: Vec<String>,
}

/// Whose decisions count together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Decisions for the same case (zaak).
    Case,
    /// Every decision in the store: the team's budget.
    Team,
}

impl Scope {
    pub const NAMES: &'static [&'static str] = &["case", "team"];
}

/// Which decisions lie close enough together to count.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Window {
    /// Decisions dated in the same calendar year.
    CalendarYear,
    /// Decisions dated less than this period apart, before or after.
    Within(CalendarDuration),
    /// Every decision, whenever.
    Ever,
}

/// As written in a norm: `calendar-year`, `P5Y`, `ever`.
impl Serialize for Window {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::CalendarYear => s.serialize_str("calendar-year"),
            Self::Within(d) => s.serialize_str(&d.to_string()),
            Self::Ever => s.serialize_str("ever"),
        }
    }
}

impl Window {
    pub const EXAMPLES: &'static [&'static str] = &["calendar-year", "P5Y", "ever"];

    /// The first and last decision date (inclusive) that count together
    /// with a decision dated `on`; `None` where the window has no bound.
    pub fn bounds(self, on: Date) -> (Option<Date>, Option<Date>) {
        match self {
            Self::CalendarYear => (
                Date::new(on.year(), 1, 1).ok(),
                Date::new(on.year(), 12, 31).ok(),
            ),
            Self::Within(period) => (
                period.back_from(on).and_then(|d| d.tomorrow().ok()),
                period.end_from(on).and_then(|d| d.yesterday().ok()),
            ),
            Self::Ever => (None, None),
        }
    }

    /// Whether a decision dated `other` counts with one dated `on`.
    pub fn contains(self, on: Date, other: Date) -> bool {
        let (from, through) = self.bounds(on);
        from.is_none_or(|f| other >= f) && through.is_none_or(|t| other <= t)
    }
}

/// What happens when a decision would take the total past its `max`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Beyond {
    /// The norm does not allow it: nothing is signed.
    Refuse,
    /// Someone in this role (or a later tier) must review it.
    Review(String),
}

impl Total {
    /// What one decision adds: its answer to the summed check (nothing
    /// when it has none), or one decision.
    pub fn measure<'a>(&self, numbers: impl IntoIterator<Item = (&'a str, Decimal)>) -> Decimal {
        match &self.sum {
            None => Decimal::ONE,
            Some(check) => numbers
                .into_iter()
                .filter(|(id, _)| id == check)
                .map(|(_, n)| n)
                // Past what a number holds it stays at the most: a store
                // never makes this panic, however large what it holds.
                .fold(Decimal::ZERO, Decimal::saturating_add),
        }
    }

    /// Whether decisions on the norm `id` count towards this total.
    pub fn counts_norm(&self, id: &str) -> bool {
        self.norms.iter().any(|n| n == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn windows_bound_the_decisions_that_count_together() {
        let on = date(2026, 6, 15);
        assert_eq!(
            Window::CalendarYear.bounds(on),
            (Some(date(2026, 1, 1)), Some(date(2026, 12, 31)))
        );
        let five = Window::Within(CalendarDuration::parse_iso("P5Y").unwrap());
        assert_eq!(
            five.bounds(on),
            (Some(date(2021, 6, 16)), Some(date(2031, 6, 14)))
        );
        assert!(five.contains(on, date(2021, 6, 16)));
        assert!(!five.contains(on, date(2021, 6, 15)));
        assert!(!five.contains(on, date(2031, 6, 15)));
        assert!(Window::Ever.contains(on, date(1990, 1, 1)));
        assert!(!Window::CalendarYear.contains(on, date(2025, 12, 31)));
    }

    #[test]
    fn a_total_sums_its_check_or_counts_decisions() {
        let mut total = Total {
            id: "giften".into(),
            sum: Some("bedrag".into()),
            max: Decimal::from(1200),
            per: Scope::Case,
            window: Window::CalendarYear,
            beyond: Beyond::Refuse,
            norms: vec!["pw-giften".into()],
        };
        let numbers = [("bedrag", Decimal::new(40050, 2)), ("uren", Decimal::TEN)];
        assert_eq!(total.measure(numbers), Decimal::new(40050, 2));
        assert_eq!(total.measure([("uren", Decimal::TEN)]), Decimal::ZERO);
        total.sum = None;
        assert_eq!(total.measure(numbers), Decimal::ONE);
    }
}
