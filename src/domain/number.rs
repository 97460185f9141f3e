//! Exact numbers: amounts and other figures as decimals, never binary
//! floats. A record of release 0.4 on writes a number as the decimal it
//! is (`answer = "850.50"`, with `kind = "number"`); older records hold TOML
//! floats, read as the shortest decimal that float stands for, which is what
//! the caseworker typed.

use std::str::FromStr;

pub use rust_decimal::Decimal;

/// The unit of amounts in euro; amounts in it have at most two decimals.
pub const EURO: &str = "EUR";

/// Why typed text is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    NotANumber,
    /// One separator followed by exactly three digits (`1.200`, `1,200`):
    /// twelve hundred to one reader, one point two to another. Both
    /// readings, to say so.
    Ambiguous {
        whole: Decimal,
        fraction: Decimal,
    },
}

/// A number as people type it: `1800`, `1800,50` or `1800.50`, with
/// thousands marked `1.800,50` or `1,800.50`, and for amounts an optional
/// `€` or `EUR` before or after it. One separator followed by exactly three
/// digits reads two ways and is refused rather than guessed.
pub fn read_typed(text: &str) -> Result<Decimal, Unreadable> {
    let text = strip_currency(text.trim());
    let text: String = text.chars().filter(|c| !is_space(*c)).collect();
    let dots = text.matches('.').count();
    let commas = text.matches(',').count();
    // One mark between one to three digits (not starting with 0) and
    // three: thousands or a decimal?
    let two_ways = |sep: char| {
        text.split_once(sep).is_some_and(|(before, after)| {
            let digits = before.trim_start_matches(['-', '+']);
            (1..=3).contains(&digits.len())
                && !digits.starts_with('0')
                && digits.bytes().all(|b| b.is_ascii_digit())
                && after.len() == 3
                && after.bytes().all(|b| b.is_ascii_digit())
        })
    };
    let ambiguous = |sep: char| {
        let whole = plain_decimal(&text.replace(sep, ""));
        let fraction = plain_decimal(&text.replace(sep, "."));
        match (whole, fraction) {
            (Some(whole), Some(fraction)) => Unreadable::Ambiguous { whole, fraction },
            _ => Unreadable::NotANumber,
        }
    };
    let plain = match (dots, commas) {
        (1, 0) if two_ways('.') => return Err(ambiguous('.')),
        (0, 1) if two_ways(',') => return Err(ambiguous(',')),
        (0 | 1, 0) => text.clone(),
        (0, 1) => text.replace(',', "."),
        // Several dots and no comma: Dutch thousands (`1.234.567`).
        (_, 0) if thousands(&text, '.') => text.replace('.', ""),
        // Several commas and no dot: English thousands (`1,234,567`).
        (0, _) if thousands(&text, ',') => text.replace(',', ""),
        // Both: the last one is the decimal mark.
        _ if text.rfind(',') > text.rfind('.') && commas == 1 && thousands_before(&text, ',') => {
            text.replace('.', "").replace(',', ".")
        }
        _ if text.rfind('.') > text.rfind(',') && dots == 1 && thousands_before(&text, '.') => {
            text.replace(',', "")
        }
        _ => return Err(Unreadable::NotANumber),
    };
    plain_decimal(plain.strip_prefix('+').unwrap_or(&plain)).ok_or(Unreadable::NotANumber)
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}'
}

fn strip_currency(text: &str) -> &str {
    let text = ["€", "EUR", "euro", "Euro"]
        .iter()
        .find_map(|c| text.strip_prefix(c))
        .unwrap_or(text);
    let text = ["€", "EUR", "euro", "Euro", "euro's"]
        .iter()
        .find_map(|c| text.strip_suffix(c))
        .unwrap_or(text);
    text.trim_matches(is_space)
}

/// Whether every group after the first mark of `sep` has three digits, as
/// thousands do (`1.234.567`, not `1.23.4`).
fn thousands(text: &str, sep: char) -> bool {
    let mut groups = text.split(sep);
    let first = groups.next().unwrap_or_default();
    let first = first.trim_start_matches(['-', '+']);
    (1..=3).contains(&first.len())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether the part before the decimal mark `decimal` is thousands marked
/// with the other separator.
fn thousands_before(text: &str, decimal: char) -> bool {
    let other = if decimal == ',' { '.' } else { ',' };
    text.rsplit_once(decimal)
        .is_some_and(|(int, _)| thousands(int, other))
}

/// The most digits a number may have: what [`Decimal`] holds exactly. A
/// longer one is refused, never rounded.
const MAX_DIGITS: usize = 28;

/// A decimal written plainly: an optional `-`, digits, and optionally `.`
/// and digits. Nothing else: no exponent, no spaces, no `+`; no more
/// digits than are kept exactly.
fn plain_decimal(text: &str) -> Option<Decimal> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (int, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || !digits(fraction) || !exact(int, fraction) {
        return None;
    }
    Decimal::from_str(text).ok()
}

/// Whether a number with these integer and fraction digits is held
/// exactly.
fn exact(int: &str, fraction: &str) -> bool {
    let significant = int.trim_start_matches('0').len() + fraction.len();
    significant <= MAX_DIGITS && fraction.len() <= MAX_DIGITS
}

/// A number as a record of format 3 writes it: [`Decimal`]'s own form
/// (`850.50`, `-3`, `0.125`), one text for each value and scale.
pub fn from_record(text: &str) -> Option<Decimal> {
    plain_decimal(text).filter(|d| d.to_string() == text)
}

/// The number a TOML integer or float literal stands for, exactly: read
/// from its digits, not through a binary float. `None` for `inf` and `nan`.
pub fn from_toml_literal(text: &str) -> Option<Decimal> {
    let text: String = text.chars().filter(|c| *c != '_').collect();
    let text = text.strip_prefix('+').unwrap_or(&text);
    if let Some((mantissa, _)) = text.split_once(['e', 'E']) {
        let unsigned = mantissa.strip_prefix('-').unwrap_or(mantissa);
        let (int, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        if !exact(int, fraction) {
            return None;
        }
        let value = Decimal::from_scientific(text).ok()?;
        // The exponent must not push digits past what is held exactly.
        return (value.scale() <= 28).then_some(value);
    }
    plain_decimal(text)
}

/// The number a float in a record before format 3 stands for: the shortest
/// decimal that reads back as that float, which is what was typed.
pub fn from_float(value: f64) -> Option<Decimal> {
    value
        .is_finite()
        .then(|| Decimal::from_str(&value.to_string()).ok())
        .flatten()
}

/// The float a record before format 3 wrote for `value`.
pub fn to_float(value: Decimal) -> f64 {
    value.to_string().parse().unwrap_or(f64::NAN)
}

/// How many decimals `value` has beyond what it needs: `2350.50` has one
/// (the 5); `12.345` three.
pub fn decimals(value: Decimal) -> u32 {
    value.normalize().scale()
}

/// An amount as stored: two decimals (`850.5` becomes `850.50`).
pub fn as_stored(value: Decimal, unit: Option<&str>) -> Decimal {
    let mut value = value.normalize();
    if unit == Some(EURO) && value.scale() < 2 {
        value.rescale(2);
    }
    value
}

/// A number in a signed file as a record of format 3 writes it: a text
/// in [`Decimal`]'s own form (`"850.50"`), for `#[serde(with)]`.
pub mod text {
    use super::{Decimal, from_record};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&value.to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        let text = String::deserialize(d)?;
        from_record(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{text}` is not a number as records write them (`850.50`)"
            ))
        })
    }
}

/// As [`text`], for a number that may be absent.
pub mod text_option {
    use super::{Decimal, from_record};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => s.serialize_str(&v.to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        let Some(text) = Option::<String>::deserialize(d)? else {
            return Ok(None);
        };
        from_record(&text).map(Some).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{text}` is not a number as records write them (`850.50`)"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn typed_numbers_read_as_people_write_them() {
        let ok = |t: &str, v: &str| assert_eq!(read_typed(t), Ok(d(v)), "{t}");
        ok("450,50", "450.50");
        ok("450.5", "450.5");
        ok("2.350,50", "2350.50");
        ok("€ 2.350,50", "2350.50");
        ok("€2.350,50", "2350.50");
        ok("2350,50 EUR", "2350.50");
        ok("450 euro", "450");
        ok("2350.50", "2350.50");
        ok("1,800.50", "1800.50");
        ok("1.234.567", "1234567");
        ok("0.125", "0.125");
        ok("-3", "-3");
        ok("1 800,50", "1800.50");
        // Twelve hundred or one point two: asked, not guessed.
        let two_ways = Err(Unreadable::Ambiguous {
            whole: d("1200"),
            fraction: d("1.200"),
        });
        assert_eq!(read_typed("1.200"), two_ways);
        assert_eq!(read_typed("1,200"), two_ways);
        for bad in [
            "",
            "veel",
            "1.2.3,4,5",
            "12.34.5",
            "1e3",
            "€",
            "1,2.3",
            "--1",
            "inf",
        ] {
            assert_eq!(read_typed(bad), Err(Unreadable::NotANumber), "{bad}");
        }
    }

    #[test]
    fn records_hold_one_text_per_number() {
        assert_eq!(from_record("850.50"), Some(d("850.50")));
        assert_eq!(from_record("-3"), Some(d("-3")));
        for other in ["850.5e0", "+1", "01", "1.", ".5", " 1", "1_000", ""] {
            assert_eq!(from_record(other), None, "{other}");
        }
    }

    #[test]
    fn toml_literals_and_old_floats_read_exactly() {
        assert_eq!(from_toml_literal("1_200.50"), Some(d("1200.50")));
        assert_eq!(from_toml_literal("+0.1"), Some(d("0.1")));
        assert_eq!(from_toml_literal("1e3"), Some(d("1000")));
        assert_eq!(from_toml_literal("inf"), None);
        assert_eq!(from_toml_literal("500.00000000000000000000000000001"), None);
        assert_eq!(
            from_toml_literal("5.0000000000000000000000000000001e2"),
            None
        );
        assert_eq!(from_float(412.35), Some(d("412.35")));
        assert_eq!(from_float(900.0), Some(d("900")));
        assert_eq!(from_float(f64::NAN), None);
        for f in [412.35, 900.0, 850.5, 0.1, 1e15 + 0.5] {
            assert_eq!(
                to_float(from_float(f).unwrap()).to_bits(),
                f.to_bits(),
                "{f}"
            );
        }
    }

    #[test]
    fn amounts_are_stored_with_cents() {
        assert_eq!(as_stored(d("850.5"), Some(EURO)).to_string(), "850.50");
        assert_eq!(as_stored(d("900"), Some(EURO)).to_string(), "900.00");
        assert_eq!(as_stored(d("2.50"), Some("uur")).to_string(), "2.5");
        assert_eq!(decimals(d("12.340")), 2);
    }
}
