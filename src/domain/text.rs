//! Text as people read it: what counts as written, and what shows nothing.

/// Characters that show nothing: zero-width spaces and joiners, the soft
/// hyphen, the byte-order mark, fillers and blanks of other scripts,
/// variation selectors, tags. They neither count as written nor join or
/// split anything.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{2800}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// Marks that sit on the character before them (an accent typed apart):
/// they add nothing to count.
pub fn is_combining(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

/// Whether `c` shows nothing where it stands: invisible, a mark on the
/// character before it, or of no width at all in a terminal (format
/// characters, variation selectors, points and accents of every script).
/// Control characters are judged apart.
pub fn shows_nothing(c: char) -> bool {
    use unicode_width::UnicodeWidthChar;
    is_invisible(c)
        || is_combining(c)
        // An invisible musical symbol.
        || c == '\u{1D159}'
        || (!c.is_control() && c.width() == Some(0))
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
    // Most texts hold none of the bytes such characters start with.
    let maybe = text
        .bytes()
        .any(|b| (b < 0x20 && b != b'\n' && b != b'\t') || matches!(b, 0x7f | 0xc2 | 0xd8 | 0xe2));
    maybe
        && text
            .chars()
            .any(|c| (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c))
}

/// How many characters `text` holds as people read it: invisible
/// characters, marks typed apart and control characters do not count, a
/// run of white space counts as one space, white space at either end not
/// at all.
pub fn written_len(text: &str) -> usize {
    if text.is_ascii() {
        let mut len = 0;
        let mut space = false;
        for b in text.bytes() {
            if b.is_ascii_whitespace() || b == 0x0b {
                space = len > 0;
            } else if !b.is_ascii_control() {
                len += 1 + usize::from(space);
                space = false;
            }
        }
        return len;
    }
    written_len_by_char(text)
}

/// [`written_len`] for any text, a character at a time.
fn written_len_by_char(text: &str) -> usize {
    let mut len = 0;
    let mut space = false;
    for c in text.chars() {
        // Below the soft hyphen only control characters do not count.
        let uncounted = if c < '\u{AD}' {
            c.is_control() && !c.is_whitespace()
        } else {
            shows_nothing(c) || (c.is_control() && !c.is_whitespace())
        };
        if uncounted {
            continue;
        }
        if c.is_whitespace() {
            space = len > 0;
            continue;
        }
        len += 1 + usize::from(space);
        space = false;
    }
    len
}

/// `text` with every control character (a terminal escape, a carriage
/// return, a backspace) shown as its escape instead of acted on: what a
/// file says is printed, never obeyed by the terminal. Tabs and new lines
/// stay.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c);
    if !text.chars().any(hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| {
            if hidden(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
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
        assert_eq!(written_len(&format!("x{}y", " ".repeat(120))), 3);
        assert_eq!(written_len(&format!("x{}y", "\u{3164}".repeat(120))), 2);
        assert_eq!(written_len(&format!("x{}y", "\u{301}".repeat(120))), 2);
        assert_eq!(
            written_len("cafe\u{301}"),
            4,
            "an accent typed apart adds nothing"
        );
        // Format characters, variation selectors and points of every
        // script pad nothing.
        for pad in [
            "\u{E0100}",
            "\u{1D173}",
            "\u{1BCA0}",
            "\u{FFF9}",
            "\u{16FE4}",
            "\u{1D159}",
            "\u{5B0}",
        ] {
            assert_eq!(
                written_len(&format!("Kort.{}", pad.repeat(90))),
                5,
                "{pad:?}"
            );
        }
    }

    #[test]
    fn ascii_text_counts_as_any_other() {
        for text in [
            "  a  b\tc\n",
            "x\u{7}y",
            "\u{b}a\u{c}b",
            "Geen inkomen sinds oktober.",
        ] {
            assert_eq!(written_len(text), written_len_by_char(text), "{text:?}");
        }
    }
}
