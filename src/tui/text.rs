//! Fitting text into columns, for the terminal screens and the tables of
//! the command line alike.

use unicode_width::UnicodeWidthStr;

/// How many rows `text` takes wrapped at word boundaries to `width`
/// columns (at least one column): what a wrapping paragraph needs.
pub fn rows(text: &str, width: u16) -> u16 {
    let lines = textwrap::wrap(text, usize::from(width.max(1))).len();
    u16::try_from(lines).unwrap_or(u16::MAX)
}

/// `text` cut to `width` columns, ending in "…" when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        let next = format!("{out}{c}");
        if next.width() + 1 > width {
            break;
        }
        out = next;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::{fit, rows};

    #[test]
    fn rows_counts_wrapped_lines() {
        assert_eq!(rows("een twee drie", 80), 1);
        assert_eq!(rows("een twee drie", 8), 2);
        assert_eq!(rows("", 10), 1, "an empty line is still a line");
        assert_eq!(rows("abc", 0), 3, "a zero width counts as one column");
    }

    #[test]
    fn fit_respects_wide_characters() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
        assert_eq!(fit("日本語です", 5), "日本…");
        assert_eq!(fit("abc", 0), "…");
    }
}
