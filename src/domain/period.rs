//! Calendar periods such as "three months" for how long an exception may run
//! and when it must be looked at again.

use std::cmp::Ordering;
use std::fmt;

use jiff::Span;
use jiff::civil::Date;

use crate::i18n::Lang;

/// A positive calendar period in years, months, weeks and days, written in a
/// norm as an ISO 8601 duration (`"P3M"`, `"P6W"`, `"P1Y"`) or a whole number
/// of days (`90`).
#[derive(Debug, Clone, Copy)]
pub struct Period {
    span: Span,
}

/// Why a text is not a usable period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodError {
    /// Not ISO 8601 at all.
    Syntax,
    /// Zero or negative.
    NotPositive,
    /// Has hours, minutes or seconds; decisions run in whole days.
    TimeUnits,
}

impl Period {
    pub fn days(days: i64) -> Result<Self, PeriodError> {
        if days <= 0 {
            return Err(PeriodError::NotPositive);
        }
        let days = i32::try_from(days).map_err(|_| PeriodError::Syntax)?;
        Span::new()
            .try_days(days)
            .map(|span| Self { span })
            .map_err(|_| PeriodError::Syntax)
    }

    pub fn parse_iso(text: &str) -> Result<Self, PeriodError> {
        if !text.starts_with(['P', 'p']) {
            return Err(PeriodError::Syntax);
        }
        let span: Span = text.parse().map_err(|_| PeriodError::Syntax)?;
        if span.get_hours() != 0
            || span.get_minutes() != 0
            || span.get_seconds() != 0
            || span.get_milliseconds() != 0
            || span.get_microseconds() != 0
            || span.get_nanoseconds() != 0
        {
            return Err(PeriodError::TimeUnits);
        }
        if span.signum() <= 0 {
            return Err(PeriodError::NotPositive);
        }
        Ok(Self { span })
    }

    /// The first day a period starting on `start` no longer covers:
    /// `start + period`. `None` past the end of the calendar.
    pub fn end_from(self, start: Date) -> Option<Date> {
        start.checked_add(self.span).ok()
    }

    /// Compares two periods as they would run from `start` (a month is not a
    /// fixed number of days).
    pub fn compare_from(self, other: Self, start: Date) -> Ordering {
        self.span
            .compare((other.span, start))
            .unwrap_or(Ordering::Equal)
    }

    /// "3 maanden", "6 weeks", "1 jaar en 2 weken".
    pub fn describe(self, lang: Lang) -> String {
        let parts: Vec<String> = [
            (i64::from(self.span.get_years()), "year"),
            (i64::from(self.span.get_months()), "month"),
            (i64::from(self.span.get_weeks()), "week"),
            (i64::from(self.span.get_days()), "day"),
        ]
        .into_iter()
        .filter(|(n, _)| *n != 0)
        .map(|(n, unit)| lang.period_unit(n, unit))
        .collect();
        lang.join_and(&parts)
    }
}

impl PartialEq for Period {
    fn eq(&self, other: &Self) -> bool {
        self.span.fieldwise() == other.span.fieldwise()
    }
}

impl Eq for Period {}

/// ISO 8601, as written in norms: `P3M`, `P1Y2W`.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::from("P");
        for (n, unit) in [
            (i64::from(self.span.get_years()), 'Y'),
            (i64::from(self.span.get_months()), 'M'),
            (i64::from(self.span.get_weeks()), 'W'),
            (i64::from(self.span.get_days()), 'D'),
        ] {
            if n != 0 {
                out.push_str(&n.to_string());
                out.push(unit);
            }
        }
        f.write_str(&out)
    }
}

impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn parses_iso_and_days() {
        assert_eq!(Period::parse_iso("P3M").unwrap().to_string(), "P3M");
        assert_eq!(Period::parse_iso("P1Y2W").unwrap().to_string(), "P1Y2W");
        assert_eq!(Period::days(90).unwrap().to_string(), "P90D");
    }

    #[test]
    fn rejects_what_a_decision_cannot_run_for() {
        assert_eq!(Period::parse_iso("3 months"), Err(PeriodError::Syntax));
        assert_eq!(Period::parse_iso("3M"), Err(PeriodError::Syntax));
        assert_eq!(Period::parse_iso("PT5H"), Err(PeriodError::TimeUnits));
        assert_eq!(Period::parse_iso("P0D"), Err(PeriodError::NotPositive));
        assert_eq!(Period::parse_iso("-P1M"), Err(PeriodError::Syntax));
        assert_eq!(Period::days(0), Err(PeriodError::NotPositive));
        assert_eq!(Period::days(-5), Err(PeriodError::NotPositive));
    }

    #[test]
    fn months_compare_as_calendar_months() {
        let three_months = Period::parse_iso("P3M").unwrap();
        let ninety_days = Period::days(90).unwrap();
        // From 1 January, three months are 90 days (2026 is no leap year)...
        assert_eq!(
            three_months.compare_from(ninety_days, date(2026, 1, 1)),
            Ordering::Equal
        );
        // ...from 1 March they are 92.
        assert_eq!(
            three_months.compare_from(ninety_days, date(2026, 3, 1)),
            Ordering::Greater
        );
        assert_eq!(
            three_months.end_from(date(2026, 11, 30)),
            Some(date(2027, 2, 28))
        );
    }

    #[test]
    fn describes_in_both_languages() {
        let p = Period::parse_iso("P1Y2W").unwrap();
        assert_eq!(p.describe(Lang::Nl), "1 jaar en 2 weken");
        assert_eq!(p.describe(Lang::En), "1 year and 2 weeks");
        assert_eq!(
            Period::parse_iso("P1M").unwrap().describe(Lang::Nl),
            "1 maand"
        );
    }
}
