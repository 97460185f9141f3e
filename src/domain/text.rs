//! Text as people read it: what counts as written, and what shows nothing.

/// Characters that show nothing: zero-width spaces and joiners, the soft
/// hyphen, the byte-order mark. They neither count as written nor join or
/// split anything.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{034F}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

/// Characters that change how text around them is shown: the bidi
/// controls (a right-to-left override makes `Bea` of `aeB`).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` holds a character that shows otherwise than it reads: a
/// control character (but new line and tab) or a bidi control. Such text is
/// never signed.
pub fn has_hidden_control(text: &str) -> bool {
    text.chars()
        .any(|c| (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c))
}

/// How many characters `text` holds as people read it: invisible and
/// control characters do not count, nor white space at either end.
pub fn written_len(text: &str) -> usize {
    let shown: String = text
        .chars()
        .filter(|c| !(is_invisible(*c) || c.is_control() && !c.is_whitespace()))
        .collect();
    shown.trim().chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_shows_counts() {
        assert_eq!(written_len("  Geen inkomen.  "), 13);
        assert_eq!(written_len(&"\u{200B}".repeat(100)), 0);
        assert_eq!(written_len("a\u{200B}b\u{FEFF}"), 2);
        assert_eq!(written_len("regel\nregel"), 11);
    }
}
