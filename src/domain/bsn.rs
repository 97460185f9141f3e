//! Guarding against citizen service numbers (BSN) in records.
//!
//! The BSN may only be processed where a law allows it (UAVG art. 46), so a
//! record identifies a case by its case reference, never by BSN, and free
//! text that contains a valid BSN is refused. A BSN is 9 digits passing the
//! 11-check with weights 9, 8, 7, 6, 5, 4, 3, 2, -1; `000000000` passes the
//! arithmetic but is not a BSN.

/// Whether `digits` (exactly nine ASCII digits) is a valid BSN.
pub fn is_bsn(digits: &str) -> bool {
    let bytes = digits.as_bytes();
    if bytes.len() != 9 || !bytes.iter().all(u8::is_ascii_digit) || bytes.iter().all(|b| *b == b'0')
    {
        return false;
    }
    let weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];
    let sum: i32 = bytes
        .iter()
        .zip(weights)
        .map(|(b, w)| i32::from(b - b'0') * w)
        .sum();
    sum % 11 == 0
}

/// Whether `text` contains a valid BSN, written as nine digits in a row or
/// in groups split by spaces, dots or hyphens (`123456782`, `1234.56.782`,
/// `123 456 782`). The number itself is never returned, so it cannot end up
/// in a message or a log.
pub fn contains_bsn(text: &str) -> bool {
    // Most texts hold fewer than nine digits in all.
    if text.bytes().filter(u8::is_ascii_digit).count() < 9 {
        return false;
    }
    // Runs of digit groups separated by single separators.
    let mut groups: Vec<&str> = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_was_separator = false;
    let flush = |groups: &mut Vec<&str>| -> bool {
        let found = windows_of_nine(groups);
        groups.clear();
        found
    };
    let bytes = text.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if b.is_ascii_digit() {
            if start.is_none() {
                start = Some(i);
            }
            last_was_separator = false;
        } else {
            if let Some(s) = start.take() {
                groups.push(&text[s..i]);
            }
            let separator = matches!(b, b' ' | b'.' | b'-');
            if !separator || last_was_separator || groups.is_empty() {
                if flush(&mut groups) {
                    return true;
                }
                last_was_separator = false;
            } else {
                last_was_separator = true;
            }
        }
    }
    if let Some(s) = start {
        groups.push(&text[s..]);
    }
    flush(&mut groups)
}

/// Whether consecutive `groups` whose digits add up to nine form a BSN.
fn windows_of_nine(groups: &[&str]) -> bool {
    for first in 0..groups.len() {
        let mut digits = [0u8; 9];
        let mut len = 0;
        for group in &groups[first..] {
            // A longer number (an IBAN, a phone number) is not a BSN; only
            // an exact nine-digit span counts, starting at a group boundary.
            let Some(end) = Some(len + group.len()).filter(|&end| end <= 9) else {
                len = 0;
                break;
            };
            digits[len..end].copy_from_slice(group.as_bytes());
            len = end;
            if len == 9 {
                break;
            }
        }
        if len == 9 && std::str::from_utf8(&digits).is_ok_and(is_bsn) {
            return true;
        }
    }
    false
}

/// Whether the number `n` is a BSN: a whole number of nine digits that
/// passes the eleven test.
pub fn is_bsn_number(n: f64) -> bool {
    // Whole numbers of nine digits only; the cast is exact for them.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let whole = (n.fract() == 0.0 && (1.0e8..1.0e9).contains(&n)).then_some(n as u64);
    whole.is_some_and(|w| is_bsn(&w.to_string()))
}

/// `text` with the digits of every valid BSN in it replaced by `•`, so a
/// message that must repeat a value never repeats a BSN.
pub fn redact(text: &str) -> String {
    // Digit groups (byte ranges) split by single separators, as
    // `contains_bsn` reads them.
    let bytes = text.as_bytes();
    let mut runs: Vec<Vec<(usize, usize)>> = vec![Vec::new()];
    let mut start: Option<usize> = None;
    let mut last_was_separator = false;
    for (i, b) in bytes.iter().enumerate() {
        if b.is_ascii_digit() {
            start.get_or_insert(i);
            last_was_separator = false;
            continue;
        }
        if let Some(s) = start.take()
            && let Some(run) = runs.last_mut()
        {
            run.push((s, i));
        }
        let separator = matches!(b, b' ' | b'.' | b'-');
        let in_run = runs.last().is_some_and(|r| !r.is_empty());
        if !separator || last_was_separator || !in_run {
            runs.push(Vec::new());
            last_was_separator = false;
        } else {
            last_was_separator = true;
        }
    }
    if let Some(s) = start
        && let Some(run) = runs.last_mut()
    {
        run.push((s, bytes.len()));
    }
    let mut masked = vec![false; bytes.len()];
    for groups in &runs {
        for first in 0..groups.len() {
            let mut digits = String::new();
            let mut last = first;
            for (k, (a, b)) in groups.iter().enumerate().skip(first) {
                digits.push_str(&text[*a..*b]);
                last = k;
                if digits.len() >= 9 {
                    break;
                }
            }
            if digits.len() == 9 && is_bsn(&digits) {
                for (a, b) in &groups[first..=last] {
                    masked[*a..*b].iter_mut().for_each(|m| *m = true);
                }
            }
        }
    }
    text.char_indices()
        .map(|(i, c)| if masked[i] { '•' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        ] {
            assert!(contains_bsn(text), "{text}");
        }
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
