//! CSV as RFC 4180 asks it, in UTF-8, with what Dutch Excel needs when
//! asked (a byte order mark, `;` between fields and a decimal comma), and
//! every text cell that a spreadsheet would take for a formula neutralised:
//! a resident's view may well start with "=".

use std::io::{self, Write};

use super::table::Cell;

/// How the CSV is written.
#[derive(Debug, Clone, Copy)]
pub struct Dialect {
    /// `,` (the default) or `;` (Dutch Excel; numbers then get a decimal
    /// comma).
    pub delimiter: u8,
    /// A UTF-8 byte order mark first, by which Excel knows the encoding.
    pub bom: bool,
}

/// Writes rows of cells as CSV.
pub struct CsvOut<W: Write> {
    out: csv::Writer<W>,
    dialect: Dialect,
}

impl<W: Write> CsvOut<W> {
    pub fn new(mut out: W, dialect: Dialect) -> io::Result<Self> {
        if dialect.bom {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let out = csv::WriterBuilder::new()
            .delimiter(dialect.delimiter)
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        Ok(Self { out, dialect })
    }

    pub fn header(&mut self, names: &[String]) -> io::Result<()> {
        self.out.write_record(names).map_err(io::Error::from)
    }

    pub fn row(&mut self, cells: &[Cell]) -> io::Result<()> {
        let dialect = self.dialect;
        let fields = cells.iter().map(|c| field(dialect, c));
        self.out.write_record(fields).map_err(io::Error::from)
    }

    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        self.out
            .into_inner()
            .map_err(|e| io::Error::other(e.to_string()))
    }
}

/// One cell as a CSV field.
fn field(dialect: Dialect, cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => neutralised(t),
        Cell::Number(n) if dialect.delimiter == b';' => n.to_string().replace('.', ","),
        Cell::Number(n) => n.to_string(),
        Cell::Date(d) => d.to_string(),
        Cell::Moment(t) => t.to_string(),
        Cell::Empty => String::new(),
    }
}

/// `text` as a spreadsheet shows it and never runs it: one that starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'` first
/// (as OWASP advises against CSV injection).
pub fn neutralised(text: &str) -> String {
    // A control character (only a forged record holds one) is shown as
    // U+FFFD, never handed to the terminal or program that reads the CSV;
    // line breaks and tabs inside a text stay.
    let text: String = text
        .chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' && c != '\r' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect();
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::number::Decimal;

    #[test]
    fn control_characters_never_reach_the_reader() {
        assert_eq!(neutralised("a\u{1b}]0;x\u{7}b"), "a\u{FFFD}]0;x\u{FFFD}b");
        assert_eq!(neutralised("regel 1\nregel 2"), "regel 1\nregel 2");
    }

    fn written(dialect: Dialect, cells: &[Cell]) -> String {
        let mut out = CsvOut::new(Vec::new(), dialect).unwrap();
        out.header(&["a".into(), "b".into(), "c".into(), "d".into()])
            .unwrap();
        out.row(cells).unwrap();
        String::from_utf8(out.finish().unwrap()).unwrap()
    }

    #[test]
    fn formulas_are_neutralised_and_quotes_doubled() {
        let text = written(
            Dialect {
                delimiter: b',',
                bom: false,
            },
            &[
                "=HYPERLINK(\"x\")".into(),
                "-2+3".into(),
                Cell::Number(Decimal::new(-25, 1)),
                "gewoon, met komma".into(),
            ],
        );
        assert_eq!(
            text,
            "a,b,c,d\r\n\"'=HYPERLINK(\"\"x\"\")\",'-2+3,-2.5,\"gewoon, met komma\"\r\n"
        );
        for bad in ["=1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(neutralised(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(neutralised("1-2"), "1-2");
    }

    #[test]
    fn dutch_excel_gets_a_bom_semicolons_and_a_decimal_comma() {
        let text = written(
            Dialect {
                delimiter: b';',
                bom: true,
            },
            &[
                Cell::Number(Decimal::new(41235, 2)),
                Cell::Date(jiff::civil::date(2026, 11, 23)),
                Cell::Empty,
                "a;b".into(),
            ],
        );
        assert_eq!(text, "\u{feff}a;b;c;d\r\n412,35;2026-11-23;;\"a;b\"\r\n");
    }
}
