//! Guarding against citizen service numbers (BSN) in records.
//!
//! The BSN may only be processed where a law allows it (UAVG art. 46), so a
//! record identifies a case by its case reference, never by BSN, and free
//! text that contains a valid BSN is refused. A BSN is 9 digits passing the
//! 11-check with weights 9, 8, 7, 6, 5, 4, 3, 2, -1; `000000000` passes the
//! arithmetic but is not a BSN.

/// What [`redact`] puts in place of each digit of a BSN.
pub const REDACTED: char = '•';

/// Whether `digits` (exactly nine ASCII digits) is a valid BSN.
pub fn is_bsn(digits: &str) -> bool {
    let bytes = digits.as_bytes();
    if bytes.len() != 9 || !bytes.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let mut values = [0u8; 9];
    for (v, b) in values.iter_mut().zip(bytes) {
        *v = b - b'0';
    }
    passes_eleven_test(&values)
}

/// Whether `text` contains a valid BSN, written as nine digits in a row or
/// in groups, however they are separated or written: spaces of any kind,
/// dots, hyphens, dashes, slashes, commas (`123456782`, `1234.56.782`,
/// `123 456 782`, `123/456/782`), digits of other scripts and widths
/// (`１２３４５６７８２`), invisible characters between them. The number
/// itself is never returned, so it cannot end up in a message or a log.
pub fn contains_bsn(text: &str) -> bool {
    // Most texts hold fewer than nine digits in all.
    let digits = if text.is_ascii() {
        // Digits, and look-alikes right beside one.
        let bytes = text.as_bytes();
        (0..bytes.len())
            .filter(|&i| {
                bytes[i].is_ascii_digit()
                    || (matches!(bytes[i], b'l' | b'I' | b'O' | b'o')
                        && (i > 0 && bytes[i - 1].is_ascii_digit()
                            || bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
            })
            .count()
    } else {
        text.chars()
            .filter(|c| digit_value(*c).is_some() || look_alike(*c).is_some())
            .count()
    };
    digits >= 9
        && [Reading::Every, Reading::Plain].into_iter().any(|reading| {
            runs(text, reading)
                .iter()
                .any(|run| !bsn_windows(run).is_empty())
        })
}

/// How a text's digits are read. A BSN must be found either way: a
/// superscript or a look-alike beside nine plain digits is a footnote mark
/// or a typo to one reader and a tenth digit to another (`123456782¹`,
/// `123456782l`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// Every digit of every script and form, and look-alikes beside them.
    Every,
    /// Only the plain decimal digits of a script (ASCII, full-width,
    /// Arabic-Indic, …); super- and subscripts, enclosed and Roman
    /// numerals and look-alikes separate.
    Plain,
}

/// The value of `c` as a digit in `reading`.
fn read_digit(c: char, reading: Reading) -> Option<u8> {
    match reading {
        Reading::Every => digit_value(c),
        Reading::Plain => plain_digit(c),
    }
}

/// The value of `c` as a plain decimal digit (Unicode category Nd).
fn plain_digit(c: char) -> Option<u8> {
    let n = u32::from(c);
    if c.is_ascii_digit() {
        return u8::try_from(n - 0x30).ok();
    }
    let at = DIGIT_ZEROS.partition_point(|z| *z <= n);
    let zero = at.checked_sub(1).map(|i| DIGIT_ZEROS[i])?;
    (n < zero + 10)
        .then(|| u8::try_from(n - zero).ok())
        .flatten()
}

/// One digit of `text`: its value and where it is.
struct Digit {
    value: u8,
    at: std::ops::Range<usize>,
}

/// Where the decimal digits of every script start (each such block runs 0
/// to 9): every zero Unicode knows as a decimal digit (general category
/// Nd, Unicode 16), sorted. Generated from the Unicode character database;
/// a test holds each block to `char::is_numeric`.
const DIGIT_ZEROS: &[u32] = &[
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x10D40, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x116D0, 0x116DA, 0x11730, 0x118E0, 0x11950, 0x11BF0, 0x11C50, 0x11D50,
    0x11DA0, 0x11F50, 0x16130, 0x16A60, 0x16AC0, 0x16B50, 0x16D70, 0x1CCF0, 0x1D7CE, 0x1D7D8,
    0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E5F1, 0x1E950, 0x1FBF0,
];

/// Where runs of enclosed digits one to nine start: circled, parenthesised,
/// with a full stop, negative circled, dingbats.
const ONE_TO_NINE: &[u32] = &[0x2460, 0x2474, 0x2488, 0x24F5, 0x2776, 0x2780, 0x278A];

/// The Han numerals one to nine.
const HAN: [u32; 9] = [
    0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D,
];

/// The value of `c` as a decimal digit, in any of the scripts and forms a
/// number may be typed or pasted in.
fn digit_value(c: char) -> Option<u8> {
    let n = u32::from(c);
    let value = |offset: u32| u8::try_from(offset).ok();
    if c.is_ascii_digit() {
        return value(n - 0x30);
    }
    if n < 0x80 {
        return None;
    }
    // The last block starting at or before `n`.
    let at = DIGIT_ZEROS.partition_point(|z| *z <= n);
    if let Some(zero) = at.checked_sub(1).map(|i| DIGIT_ZEROS[i])
        && n < zero + 10
    {
        return value(n - zero);
    }
    if let Some(one) = ONE_TO_NINE.iter().find(|o| (**o..**o + 9).contains(&n)) {
        return value(n - one + 1);
    }
    match n {
        // Roman numerals one to nine, capital and small.
        0x2160..=0x2168 => value(n - 0x2160 + 1),
        0x2170..=0x2178 => value(n - 0x2170 + 1),
        // Circled zeros, super- and subscript zero, the Han zero.
        0x24EA | 0x24FF | 0x1F10B | 0x1F10C | 0x2070 | 0x2080 | 0x3007 => Some(0),
        // Han numerals one to nine.
        0x4E00 | 0x4E8C | 0x4E09 | 0x56DB | 0x4E94 | 0x516D | 0x4E03 | 0x516B | 0x4E5D => HAN
            .iter()
            .position(|h| *h == n)
            .and_then(|i| value(u32::try_from(i + 1).ok()?)),
        0x00B9 => Some(1),
        0x00B2 => Some(2),
        0x00B3 => Some(3),
        0x2074..=0x2079 => value(n - 0x2070),
        0x2081..=0x2089 => value(n - 0x2080),
        // Digits with a comma or full stop: 0 to 9.
        0x1F100..=0x1F10A => value((n - 0x1F100) % 11),
        _ => None,
    }
}

/// Letters that end a number: those of the words around it, in the
/// Latin, Greek and Cyrillic alphabets. Anything else between groups of
/// digits — spaces, punctuation, symbols, and letters that look like
/// punctuation (a click `ǀ`, a modifier `ʼ` or `ː`) — may join them.
fn is_word_letter(c: char) -> bool {
    c.is_alphabetic()
        && (matches!(u32::from(c), 0x41..=0x24F | 0x370..=0x52F)
            && !matches!(c, '\u{1C0}'..='\u{1C3}'))
}

/// At most this many separators in a row still join two groups.
const MAX_SEPARATORS: usize = 64;

/// A letter that reads as a digit (`l` and `I` as one, `O` as nought) when
/// it stands right next to a digit: `l23456782`.
fn look_alike(c: char) -> Option<u8> {
    match c {
        'l' | 'I' | '\u{A4F2}' => Some(1),
        'O' | 'o' => Some(0),
        _ => None,
    }
}

/// The runs of digit groups in `text`, its digits read as `reading` says:
/// groups joined by a few separators.
fn runs(text: &str, reading: Reading) -> Vec<Vec<Vec<Digit>>> {
    let mut runs: Vec<Vec<Vec<Digit>>> = Vec::new();
    let mut run: Vec<Vec<Digit>> = Vec::new();
    let mut group: Vec<Digit> = Vec::new();
    let mut separators = 0;
    for (i, c) in text.char_indices() {
        // A look-alike counts as a digit beside a digit.
        let beside_digit = || {
            let before = text[..i].chars().next_back();
            let after = text[i + c.len_utf8()..].chars().next();
            [before, after]
                .into_iter()
                .flatten()
                .any(|n| digit_value(n).is_some())
        };
        let value = read_digit(c, reading)
            .or_else(|| look_alike(c).filter(|_| reading == Reading::Every && beside_digit()));
        if let Some(value) = value {
            if group.is_empty()
                && (separators > MAX_SEPARATORS || separators == 0)
                && !run.is_empty()
            {
                runs.push(std::mem::take(&mut run));
            }
            separators = 0;
            group.push(Digit {
                value,
                at: i..i + c.len_utf8(),
            });
        } else if super::text::shows_nothing(c) {
        } else if !is_word_letter(c) {
            if !group.is_empty() {
                run.push(std::mem::take(&mut group));
            }
            // A run of white space is one separator, however long.
            let after_space = text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_whitespace);
            if !(c.is_whitespace() && after_space) {
                separators += 1;
            }
        } else {
            if !group.is_empty() {
                run.push(std::mem::take(&mut group));
            }
            if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
            separators = 0;
        }
    }
    if !group.is_empty() {
        run.push(group);
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

/// The digits of every BSN in `run`: consecutive groups, from a group's
/// start, of exactly nine digits that pass the eleven test. A longer number
/// (an IBAN, a phone number) is not a BSN.
fn bsn_windows(run: &[Vec<Digit>]) -> Vec<&Digit> {
    let mut found = Vec::new();
    for first in 0..run.len() {
        let mut window: Vec<&Digit> = Vec::new();
        for group in &run[first..] {
            window.extend(group);
            if window.len() >= 9 {
                break;
            }
        }
        if window.len() == 9 {
            let mut values = [0u8; 9];
            for (v, d) in values.iter_mut().zip(&window) {
                *v = d.value;
            }
            if passes_eleven_test(&values) {
                found.extend(window);
            }
        }
    }
    found
}

fn passes_eleven_test(values: &[u8; 9]) -> bool {
    if values.iter().all(|v| *v == 0) {
        return false;
    }
    let weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];
    let sum: i32 = values
        .iter()
        .zip(weights)
        .map(|(v, w)| i32::from(*v) * w)
        .sum();
    sum % 11 == 0
}

/// Whether the number `n` is a BSN: a whole number of nine digits that
/// passes the eleven test.
pub fn is_bsn_number(n: crate::domain::number::Decimal) -> bool {
    let whole = n.normalize();
    whole.scale() == 0 && is_bsn(&whole.to_string())
}

/// `text` with the digits of every valid BSN in it replaced by `•`, so a
/// message that must repeat a value never repeats a BSN.
pub fn redact(text: &str) -> String {
    let mut masked: Vec<std::ops::Range<usize>> = [Reading::Every, Reading::Plain]
        .into_iter()
        .flat_map(|reading| runs(text, reading))
        .flat_map(|run| {
            bsn_windows(&run)
                .into_iter()
                .map(|d| d.at.clone())
                .collect::<Vec<_>>()
        })
        .collect();
    if masked.is_empty() {
        return text.to_owned();
    }
    masked.sort_by_key(|r| r.start);
    masked.dedup();
    text.char_indices()
        .map(|(i, c)| {
            if masked.binary_search_by_key(&i, |r| r.start).is_ok() {
                REDACTED
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_beside_a_bsn_does_not_hide_it_from_redaction() {
        assert_eq!(redact("BSN 123456782¹ bekend"), "BSN •••••••••¹ bekend");
        assert_eq!(redact("Z-123456782l"), "Z-•••••••••l");
    }

    #[test]
    fn the_eleven_check() {
        assert!(is_bsn("123456782"));
        assert!(!is_bsn("123456789"));
        assert!(!is_bsn("000000000"), "passes the arithmetic but is no BSN");
        assert!(!is_bsn("12345678"));
        assert!(!is_bsn("1234567820"));
        assert!(!is_bsn("12345678a"));
    }

    #[test]
    fn finds_a_bsn_however_it_is_written() {
        for text in [
            "123456782",
            "BSN 123456782.",
            "bsn: 1234.56.782",
            "nummer 123 456 782 bekend",
            "12-34-56-782",
            "(123456782)",
            "123/456/782",
            "123  456 782",
            "123\u{a0}456\u{a0}782",
            "123 - 456 - 782",
            "１２３４５６７８２",
            "１２３ ４５６ ７８２",
            "1234\u{200b}56782",
            "BSN123456782",
            "123,456,782",
            "123|456|782",
            "123:456:782",
            "123+456+782",
            "(123)456782",
            "123    456    782",
            "১২৩৪৫৬৭৮২",
            "๑๒๓๔๕๖๗๘๒",
            "①②③④⑤⑥⑦⑧②",
            "1\u{20e3}2\u{20e3}3\u{20e3}4\u{20e3}5\u{20e3}6\u{20e3}7\u{20e3}8\u{20e3}2\u{20e3}",
            "1\u{301}2\u{301}3456782",
            "123\u{2024}456\u{2024}782",
            "123\u{3002}456\u{3002}782",
            // Letters that look like punctuation between the groups.
            "BSN 123\u{1C0}456\u{1C0}782",
            "123\u{2BC}456\u{2BC}782",
            "123\u{A78F}456\u{A78F}782",
            "123\u{2D0}456\u{2D0}782",
            // Marks of other scripts inside the number.
            "1234\u{64B}56782",
            "1234\u{5B0}56782",
            // Digits of Adlam, Mro, Osmanya, the segmented digits.
            "\u{1E951}\u{1E952}\u{1E953}\u{1E954}\u{1E955}\u{1E956}\u{1E957}\u{1E958}\u{1E952}",
            "\u{16A61}\u{16A62}\u{16A63}\u{16A64}\u{16A65}\u{16A66}\u{16A67}\u{16A68}\u{16A62}",
            "\u{104A1}\u{104A2}\u{104A3}\u{104A4}\u{104A5}\u{104A6}\u{104A7}\u{104A8}\u{104A2}",
            "\u{1FBF1}\u{1FBF2}\u{1FBF3}\u{1FBF4}\u{1FBF5}\u{1FBF6}\u{1FBF7}\u{1FBF8}\u{1FBF2}",
            // A footnote mark, an index or a look-alike touching nine
            // plain digits: a tenth digit to one reader, none to another.
            "123456782¹",
            "¹123456782",
            "123456782₁",
            "Z-123456782²",
            "123456782l",
            "O123456782",
            // Letters and numerals that read as digits.
            "l23456782",
            "I23456782",
            "\u{2160}23456782",
            "\u{A4F2}23456782",
            "\u{4E00}\u{4E8C}\u{4E09}\u{56DB}\u{4E94}\u{516D}\u{4E03}\u{516B}\u{4E8C}",
            "123 . . . . . . . . . 456782",
            "123.................456782",
            // However much white space between the groups.
            "123                                        456                    782",
        ] {
            assert!(contains_bsn(text), "{text}");
            assert!(!contains_bsn(&redact(text)), "redacted: {}", redact(text));
        }
    }

    #[test]
    fn every_block_of_digits_runs_zero_to_nine() {
        for zero in DIGIT_ZEROS {
            for n in *zero..*zero + 10 {
                let c = char::from_u32(n).expect("a character");
                assert!(c.is_numeric(), "U+{n:04X}");
                assert_eq!(u32::from(digit_value(c).expect("a digit")), n - zero);
            }
        }
        assert!(
            DIGIT_ZEROS.windows(2).all(|w| w[0] + 10 <= w[1]),
            "sorted, apart"
        );
    }

    #[test]
    fn redacts_only_the_bsn() {
        assert_eq!(redact("BSN 123456782, zaak Z-1"), "BSN •••••••••, zaak Z-1");
        assert_eq!(redact("bsn 1234.56.782"), "bsn ••••.••.•••");
        assert_eq!(
            redact("bel 0612345678 of 123456789"),
            "bel 0612345678 of 123456789"
        );
        assert!(!contains_bsn(&redact("12-34-56-782 en 123 456 782")));
    }

    #[test]
    fn leaves_other_numbers_alone() {
        for text in [
            "zaak Z-2026-001234",
            "123456789",
            "bedrag 1.234.567 euro",
            "bel 0612345678",
            "IBAN NL91ABNA0417164300",
            "1234567820",
            "000000000",
            "op 23-11-2026 om 12.30",
            "",
        ] {
            assert!(!contains_bsn(text), "{text}");
        }
    }
}
