//! Where a norm comes from, as it really is: more than one legal basis, a
//! municipal article (CVDR) as a ground, and an adoption date known only
//! to the year or the month.

use jiff::civil::Date;
use serde::Serialize;

use crate::domain::jci::Cvdr;

/// An article of a municipal regulation, by its CVDR identifier, as a
/// ground for departing from the rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocalGround {
    pub cvdr: Cvdr,
    pub article: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// An adoption date known only to the year, or the year and month
/// (`"2019"`, `"2019-03"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rough {
    pub year: i16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<i8>,
}

impl Rough {
    pub fn parse(text: &str) -> Option<Self> {
        let (year, month) = match text.split_once('-') {
            Some((y, m)) => (y, Some(m)),
            None => (text, None),
        };
        let year: i16 = year
            .parse()
            .ok()
            .filter(|_| year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()))?;
        let month = match month {
            None => None,
            Some(m) if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
                Some(m.parse::<i8>().ok().filter(|m| (1..=12).contains(m))?)
            }
            Some(_) => return None,
        };
        let rough = Self { year, month };
        rough.first_day().map(|_| rough)
    }

    /// The first day the adoption may have been.
    pub fn first_day(self) -> Option<Date> {
        Date::new(self.year, self.month.unwrap_or(1), 1).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_rough_adoption_date_is_a_year_or_a_month() {
        assert_eq!(
            Rough::parse("2019").and_then(Rough::first_day),
            Some(date(2019, 1, 1))
        );
        assert_eq!(
            Rough::parse("2019-03").and_then(Rough::first_day),
            Some(date(2019, 3, 1))
        );
        for bad in ["19", "2019-3", "2019-13", "2019-03-01", "maart 2019", ""] {
            assert_eq!(Rough::parse(bad), None, "{bad}");
        }
    }
}
