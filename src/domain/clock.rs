//! The one place that reads the wall clock. Domain functions take moments
//! and dates as arguments; a front end holds a [`Clock`] (fixed in tests and
//! with `MAATWERK_NOW`) and asks it.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// Now and today, in whole seconds and in a time zone.
#[derive(Debug, Clone)]
pub struct Clock {
    fixed: Option<Timestamp>,
    tz: TimeZone,
}

impl Clock {
    /// The system clock, with days in `tz`.
    pub fn system(tz: TimeZone) -> Self {
        Self { fixed: None, tz }
    }

    /// A clock that always says `at` (to the whole second), with days in
    /// UTC so it gives the same day everywhere.
    pub fn fixed(at: Timestamp) -> Self {
        Self {
            fixed: Some(whole_seconds(at)),
            tz: TimeZone::UTC,
        }
    }

    pub fn is_fixed(&self) -> bool {
        self.fixed.is_some()
    }

    /// Now, in whole seconds: what records store and people read.
    pub fn now(&self) -> Timestamp {
        self.fixed
            .unwrap_or_else(|| whole_seconds(Timestamp::now()))
    }

    /// Today in the clock's time zone: the default decision date.
    pub fn today(&self) -> Date {
        self.now().to_zoned(self.tz.clone()).date()
    }

    pub fn time_zone(&self) -> &TimeZone {
        &self.tz
    }
}

fn whole_seconds(t: Timestamp) -> Timestamp {
    Timestamp::from_second(t.as_second()).unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_stands_still_in_whole_seconds() {
        let at: Timestamp = "2026-11-23T23:30:00.75Z".parse().unwrap();
        let clock = Clock::fixed(at);
        assert_eq!(clock.now().to_string(), "2026-11-23T23:30:00Z");
        assert_eq!(clock.now(), clock.now());
        assert_eq!(clock.today(), jiff::civil::date(2026, 11, 23));
        assert!(clock.is_fixed());
    }

    #[test]
    fn the_system_clock_moves() {
        let clock = Clock::system(TimeZone::UTC);
        assert!(!clock.is_fixed());
        assert_eq!(clock.now().subsec_nanosecond(), 0);
    }
}
