//! Dates and times as people read them: `3 maart 2027` and `3 March 2027`
//! in sentences, `03-03-2027` in Dutch tables, periods inclusive (`t/m`),
//! signing times in local time with the zone. Stored files keep ISO 8601
//! and UTC; only what a person reads is written this way.

use std::borrow::Borrow;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::Lang;

const MAANDEN: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Lang {
    /// A date in a sentence: `3 maart 2027`, `3 March 2027`.
    pub fn date(self, date: impl Borrow<Date>) -> String {
        let date = *date.borrow();
        let month = usize::try_from(date.month() - 1).unwrap_or(0);
        let name = match self {
            Self::Nl => MAANDEN[month],
            Self::En => MONTHS[month],
        };
        format!("{} {name} {}", date.day(), date.year())
    }

    /// A date in a table column, ten characters wide: `03-03-2027` in
    /// Dutch, `2027-03-03` in English.
    pub fn day(self, date: Date) -> String {
        match self {
            Self::Nl => date.strftime("%d-%m-%Y").to_string(),
            Self::En => date.to_string(),
        }
    }

    /// A period by its first and last day: `1 december 2026 t/m 31 mei
    /// 2027`.
    pub fn through(self, first: Date, last: Date) -> String {
        match self {
            Self::Nl => format!("{} t/m {}", self.date(first), self.date(last)),
            Self::En => format!("{} to {} inclusive", self.date(first), self.date(last)),
        }
    }

    /// When a norm is in force, in a table cell: `01-01-2026 t/m
    /// 31-12-2026`, `vanaf 01-01-2026`.
    pub fn in_force(self, from: Date, until: Option<Date>) -> String {
        match (self, until) {
            (Self::Nl, Some(u)) => format!("{} t/m {}", self.day(from), self.day(u)),
            (Self::En, Some(u)) => format!("{} through {}", self.day(from), self.day(u)),
            (Self::Nl, None) => format!("vanaf {}", self.day(from)),
            (Self::En, None) => format!("from {}", self.day(from)),
        }
    }

    /// When a norm is in force, in a sentence: `1 februari 2026 t/m 31
    /// december 2027`.
    pub fn in_force_long(self, from: Date, until: Option<Date>) -> String {
        match (self, until) {
            (_, Some(u)) => self.through(from, u),
            (Self::Nl, None) => format!("vanaf {}", self.date(from)),
            (Self::En, None) => format!("from {}", self.date(from)),
        }
    }

    pub fn retroactive_suffix(self) -> &'static str {
        self.pick(" (met terugwerkende kracht)", " (with retroactive effect)")
    }

    /// A moment in the reader's time zone (the clock's), with the zone:
    /// `23 november 2026 om 10:00 CET`, `23 November 2026, 10:00 CET`.
    pub fn moment(self, at: Timestamp, zone: &TimeZone) -> String {
        let local = at.to_zoned(zone.clone());
        let time = local.strftime("%H:%M %Z");
        match self {
            Self::Nl => format!("{} om {time}", self.date(local.date())),
            Self::En => format!("{}, {time}", self.date(local.date())),
        }
    }

    /// A moment in a table column: `23-11-2026 10:00 CET`.
    pub fn day_time(self, at: Timestamp, zone: &TimeZone) -> String {
        let local = at.to_zoned(zone.clone());
        format!("{} {}", self.day(local.date()), local.strftime("%H:%M %Z"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_read_as_dutch_and_english_people_write_them() {
        assert_eq!(Lang::Nl.date(date(2027, 3, 3)), "3 maart 2027");
        assert_eq!(Lang::En.date(date(2027, 3, 3)), "3 March 2027");
        assert_eq!(Lang::Nl.day(date(2027, 3, 3)), "03-03-2027");
        assert_eq!(Lang::En.day(date(2027, 3, 3)), "2027-03-03");
        assert_eq!(
            Lang::Nl.through(date(2027, 1, 1), date(2027, 6, 30)),
            "1 januari 2027 t/m 30 juni 2027"
        );
    }

    #[test]
    fn a_number_that_reads_two_ways_names_both_readings() {
        let d = |t: &str| t.parse::<crate::domain::number::Decimal>().unwrap();
        assert_eq!(
            Lang::Nl.two_readings(d("1200"), d("1.200"), Some("EUR")),
            "dit is op twee manieren te lezen, € 1.200 of € 1,20: schrijf 1200 of 1,20"
        );
        assert_eq!(
            Lang::En.two_readings(d("1200"), d("1.200"), Some("EUR")),
            "this reads two ways, €1,200 or €1.20: write 1200 or 1.20"
        );
        assert_eq!(
            Lang::Nl.two_readings(d("12345"), d("12.345"), Some("EUR")),
            "dit is op twee manieren te lezen: schrijf 12345 voor € 12.345; een bedrag heeft hoogstens twee cijfers achter de komma"
        );
        assert_eq!(
            Lang::Nl.two_readings(d("1200"), d("1.200"), Some("uur")),
            "dit is op twee manieren te lezen, 1.200 uur of 1,2 uur: schrijf 1200 of 1,2"
        );
    }

    #[test]
    fn moments_in_local_time_with_the_zone() {
        let at: Timestamp = "2026-11-23T09:00:00Z".parse().unwrap();
        let amsterdam = TimeZone::get("Europe/Amsterdam").unwrap();
        assert_eq!(
            Lang::Nl.moment(at, &amsterdam),
            "23 november 2026 om 10:00 CET"
        );
        let summer: Timestamp = "2027-07-01T09:00:00Z".parse().unwrap();
        assert_eq!(
            Lang::En.moment(summer, &amsterdam),
            "1 July 2027, 11:00 CEST"
        );
    }
}
