//! A file as it was read, so diagnostics can point into it and records can
//! bind to its exact bytes.

use std::fmt;
use std::ops::Range;

use sha2::{Digest, Sha256};
use unicode_width::UnicodeWidthStr;

/// The exact bytes of a file plus the name a person would recognise it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    name: String,
    text: String,
    sha256: Sha256Hex,
}

impl SourceFile {
    /// Wraps text read from `name` (a path as the user typed it, or a
    /// `bundled:` name for norms compiled into the binary).
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let sha256 = Sha256Hex::of(text.as_bytes());
        Self {
            name: name.into(),
            text,
            sha256,
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// sha256 over the exact bytes of the file.
    pub fn sha256(&self) -> &Sha256Hex {
        &self.sha256
    }

    /// 1-based line and column (in characters as a terminal shows them) of a
    /// byte offset. Offsets past the end point just after the last character.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].width() + 1;
        LineCol { line, column }
    }

    /// Clamps a span to the text and to character boundaries, so a renderer
    /// never slices inside a character.
    pub fn clamp(&self, span: Range<usize>) -> Range<usize> {
        let end = floor_char_boundary(&self.text, span.end.min(self.text.len()));
        let start = floor_char_boundary(&self.text, span.start.min(end));
        start..end
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// A position in a file, both 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Lower-case hex sha256 digest.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Sha256Hex(String);

impl Sha256Hex {
    pub fn of(bytes: &[u8]) -> Self {
        let digest = Sha256::digest(bytes);
        Self(format!("{digest:x}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Sha256Hex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A sha256 digest in its 32 bytes, for the many a large store's reader
/// holds at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sha256Bytes([u8; 32]);

impl Sha256Bytes {
    pub fn of(bytes: &[u8]) -> Self {
        Self(Sha256::digest(bytes).into())
    }

    /// As files link to one another: `sha256:` and the hexadecimal digest.
    pub fn link(&self) -> String {
        use std::fmt::Write as _;
        self.0
            .iter()
            .fold(String::from("sha256:"), |mut text, byte| {
                let _ = write!(text, "{byte:02x}");
                text
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_digest_held_in_bytes_links_as_its_hexadecimal_form() {
        let bytes = b"format = 5\n";
        assert_eq!(
            Sha256Bytes::of(bytes).link(),
            format!("sha256:{}", Sha256Hex::of(bytes))
        );
    }

    #[test]
    fn line_col_is_one_based_and_counts_characters() {
        let file = SourceFile::new("x.toml", "a = 1\nbé = \"ü\"\n");
        assert_eq!(file.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(file.line_col(6), LineCol { line: 2, column: 1 });
        // `=` after "bé " is the fourth character but the fifth byte.
        let eq = file.text().find(" = \"").map(|i| i + 1).unwrap_or_default();
        assert_eq!(file.line_col(eq), LineCol { line: 2, column: 4 });
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_character_are_clamped() {
        let file = SourceFile::new("x.toml", "é");
        assert_eq!(file.line_col(1), LineCol { line: 1, column: 1 });
        assert_eq!(file.line_col(99), LineCol { line: 1, column: 2 });
        assert_eq!(file.clamp(1..99), 0..2);
    }

    #[test]
    fn sha256_is_over_the_exact_bytes() {
        // Known digest of the empty string.
        assert_eq!(
            SourceFile::new("e", "").sha256().as_str(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_ne!(
            SourceFile::new("a", "x\n").sha256(),
            SourceFile::new("a", "x\r\n").sha256()
        );
    }
}
