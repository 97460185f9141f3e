//! Dates as people type them.

use jiff::civil::Date;

/// A date as people type it: `2026-11-23` or `23-11-2026` (also with `/`
/// or `.`). Two-digit years are refused: they are ambiguous.
pub fn parse_typed_date(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Ok(date) = text.parse::<Date>() {
        return Some(date);
    }
    let mut parts = text.split(['-', '/', '.']);
    let day: i8 = parts.next()?.parse().ok()?;
    let month: i8 = parts.next()?.parse().ok()?;
    let year: i16 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || year < 1000 {
        return None;
    }
    Date::new(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_in_both_common_forms() {
        assert_eq!(parse_typed_date("2026-11-23"), Some(date(2026, 11, 23)));
        assert_eq!(parse_typed_date(" 23-11-2026 "), Some(date(2026, 11, 23)));
        assert_eq!(parse_typed_date("3/2/2027"), Some(date(2027, 2, 3)));
        assert_eq!(parse_typed_date("31-02-2027"), None);
        assert_eq!(
            parse_typed_date("23-11-26"),
            None,
            "two-digit years are ambiguous"
        );
        assert_eq!(parse_typed_date("morgen"), None);
    }
}
