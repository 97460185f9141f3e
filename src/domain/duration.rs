//! Calendar periods such as "three months" for how long an exception may run
//! and when it must be looked at again.

use std::cmp::Ordering;
use std::fmt;

use jiff::Span;
use jiff::civil::Date;

/// A positive calendar period in years, months, weeks and days, written in a
/// norm as an ISO 8601 duration (`"P3M"`, `"P6W"`, `"P1Y"`) or a whole number
/// of days (`90`).
#[derive(Debug, Clone, Copy)]
pub struct CalendarDuration {
    span: Span,
}

/// The calendar units a duration is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationUnit {
    Year,
    Month,
    Week,
    Day,
}

/// Why a text is not a usable period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationError {
    /// Not ISO 8601 at all.
    Syntax,
    /// Zero or negative.
    NotPositive,
    /// Has hours, minutes or seconds; decisions run in whole days.
    TimeUnits,
}

impl CalendarDuration {
    pub fn days(days: i64) -> Result<Self, DurationError> {
        if days <= 0 {
            return Err(DurationError::NotPositive);
        }
        let days = i32::try_from(days).map_err(|_| DurationError::Syntax)?;
        Span::new()
            .try_days(days)
            .map(|span| Self { span })
            .map_err(|_| DurationError::Syntax)
    }

    /// The period from `start` up to (not including) `end`, in years,
    /// months and days: `None` when `end` is not after `start`.
    pub fn between(start: Date, end: Date) -> Option<Self> {
        let span = start.until((jiff::Unit::Year, end)).ok()?;
        (span.signum() > 0).then_some(Self { span })
    }

    /// As [`Self::between`], in units no larger than `like`'s largest:
    /// "20 months" beside a limit of 24 months, not "1 year and 8 months".
    pub fn between_like(start: Date, end: Date, like: Self) -> Option<Self> {
        let largest = match like.parts().next().map(|(_, unit)| unit) {
            Some(DurationUnit::Year) | None => jiff::Unit::Year,
            Some(DurationUnit::Month) => jiff::Unit::Month,
            Some(DurationUnit::Week) => jiff::Unit::Week,
            Some(DurationUnit::Day) => jiff::Unit::Day,
        };
        let span = start.until((largest, end)).ok()?;
        (span.signum() > 0).then_some(Self { span })
    }

    /// The ISO 8601 duration meant by words as people write them: `1 jaar`,
    /// `3 maanden en 2 weken`, `90 dagen`, `6 weeks`. `None` when the words
    /// say no such thing.
    pub fn meant(text: &str) -> Option<String> {
        let words: Vec<String> = text
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty() && *w != "en" && *w != "and")
            .map(str::to_lowercase)
            .collect();
        if words.is_empty() || !words.len().is_multiple_of(2) {
            return None;
        }
        let mut iso = String::from("P");
        let mut last = 0;
        for pair in words.chunks(2) {
            let n: u32 = pair[0].parse().ok()?;
            let (rank, unit) = match pair[1].as_str() {
                "jaar" | "jaren" | "year" | "years" => (1, 'Y'),
                "maand" | "maanden" | "month" | "months" => (2, 'M'),
                "week" | "weken" | "weeks" => (3, 'W'),
                "dag" | "dagen" | "day" | "days" => (4, 'D'),
                _ => return None,
            };
            if rank <= last {
                return None;
            }
            last = rank;
            iso.push_str(&n.to_string());
            iso.push(unit);
        }
        Self::parse_iso(&iso).ok().map(|_| iso)
    }

    pub fn parse_iso(text: &str) -> Result<Self, DurationError> {
        if !text.starts_with(['P', 'p']) {
            return Err(DurationError::Syntax);
        }
        let span: Span = text.parse().map_err(|_| DurationError::Syntax)?;
        if span.get_hours() != 0
            || span.get_minutes() != 0
            || span.get_seconds() != 0
            || span.get_milliseconds() != 0
            || span.get_microseconds() != 0
            || span.get_nanoseconds() != 0
        {
            return Err(DurationError::TimeUnits);
        }
        if span.signum() <= 0 {
            return Err(DurationError::NotPositive);
        }
        Ok(Self { span })
    }

    /// The first day a period starting on `start` no longer covers:
    /// `start + period`. `None` past the end of the calendar.
    pub fn end_from(self, start: Date) -> Option<Date> {
        start.checked_add(self.span).ok()
    }

    /// The day `end - period`: the first day of a period of this length
    /// that ends the day before `end`. `None` before the calendar begins.
    pub fn back_from(self, end: Date) -> Option<Date> {
        end.checked_sub(self.span).ok()
    }

    /// Compares two periods as they would run from `start` (a month is not a
    /// fixed number of days).
    pub fn compare_from(self, other: Self, start: Date) -> Ordering {
        self.span
            .compare((other.span, start))
            .unwrap_or(Ordering::Equal)
    }

    /// Its non-zero parts, largest unit first: `P1Y2W` is one year and two
    /// weeks. The interface words them.
    pub fn parts(self) -> impl Iterator<Item = (i64, DurationUnit)> {
        [
            (i64::from(self.span.get_years()), DurationUnit::Year),
            (i64::from(self.span.get_months()), DurationUnit::Month),
            (i64::from(self.span.get_weeks()), DurationUnit::Week),
            (i64::from(self.span.get_days()), DurationUnit::Day),
        ]
        .into_iter()
        .filter(|(n, _)| *n != 0)
    }
}

impl PartialEq for CalendarDuration {
    fn eq(&self, other: &Self) -> bool {
        self.span.fieldwise() == other.span.fieldwise()
    }
}

impl Eq for CalendarDuration {}

/// ISO 8601, as written in norms: `P3M`, `P1Y2W`.
impl fmt::Display for CalendarDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::from("P");
        for (n, unit) in self.parts() {
            out.push_str(&n.to_string());
            out.push(match unit {
                DurationUnit::Year => 'Y',
                DurationUnit::Month => 'M',
                DurationUnit::Week => 'W',
                DurationUnit::Day => 'D',
            });
        }
        f.write_str(&out)
    }
}

impl serde::Serialize for CalendarDuration {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn words_for_a_duration_give_the_iso_meant() {
        assert_eq!(CalendarDuration::meant("1 jaar").as_deref(), Some("P1Y"));
        assert_eq!(
            CalendarDuration::meant("3 maanden en 2 weken").as_deref(),
            Some("P3M2W")
        );
        assert_eq!(CalendarDuration::meant("90 dagen").as_deref(), Some("P90D"));
        assert_eq!(CalendarDuration::meant("6 Weeks").as_deref(), Some("P6W"));
        assert_eq!(CalendarDuration::meant("2 weken 1 jaar"), None);
        assert_eq!(CalendarDuration::meant("een jaar"), None);
        assert_eq!(CalendarDuration::meant("P1Y"), None);
    }
    use super::*;
    use jiff::civil::date;

    #[test]
    fn parses_iso_and_days() {
        assert_eq!(
            CalendarDuration::parse_iso("P3M").unwrap().to_string(),
            "P3M"
        );
        assert_eq!(
            CalendarDuration::parse_iso("P1Y2W").unwrap().to_string(),
            "P1Y2W"
        );
        assert_eq!(CalendarDuration::days(90).unwrap().to_string(), "P90D");
    }

    #[test]
    fn rejects_what_a_decision_cannot_run_for() {
        assert_eq!(
            CalendarDuration::parse_iso("3 months"),
            Err(DurationError::Syntax)
        );
        assert_eq!(
            CalendarDuration::parse_iso("3M"),
            Err(DurationError::Syntax)
        );
        assert_eq!(
            CalendarDuration::parse_iso("PT5H"),
            Err(DurationError::TimeUnits)
        );
        assert_eq!(
            CalendarDuration::parse_iso("P0D"),
            Err(DurationError::NotPositive)
        );
        assert_eq!(
            CalendarDuration::parse_iso("-P1M"),
            Err(DurationError::Syntax)
        );
        assert_eq!(CalendarDuration::days(0), Err(DurationError::NotPositive));
        assert_eq!(CalendarDuration::days(-5), Err(DurationError::NotPositive));
    }

    #[test]
    fn months_compare_as_calendar_months() {
        let three_months = CalendarDuration::parse_iso("P3M").unwrap();
        let ninety_days = CalendarDuration::days(90).unwrap();
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
    fn parts_come_largest_first_and_skip_zeros() {
        let p = CalendarDuration::parse_iso("P1Y2W").unwrap();
        assert_eq!(
            p.parts().collect::<Vec<_>>(),
            [(1, DurationUnit::Year), (2, DurationUnit::Week)]
        );
    }
}
