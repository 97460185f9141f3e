//! The one place output is written. Commands get an [`Output`] and never
//! print on their own, so `--json` and tests can capture everything.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{self, Write};
use std::sync::{Arc, Mutex};

use anstyle::Style;
use unicode_width::UnicodeWidthStr;

use crate::tui::text::fit;

/// Standard output (results) and standard error (progress, diagnostics).
pub struct Output {
    out: Box<dyn Write>,
    err: Box<dyn Write>,
    color_out: bool,
    color_err: bool,
    width: Option<usize>,
}

/// What a captured [`Output`] wrote, for tests.
#[derive(Clone, Default)]
pub struct Captured {
    out: Arc<Mutex<Vec<u8>>>,
    err: Arc<Mutex<Vec<u8>>>,
}

impl Captured {
    pub fn stdout(&self) -> String {
        self.out
            .lock()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default()
    }

    pub fn stderr(&self) -> String {
        self.err
            .lock()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default()
    }
}

struct SharedBuf(Arc<Mutex<Vec<u8>>>);

impl Write for SharedBuf {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| io::Error::other("capture buffer poisoned"))?
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Output {
    /// Standard output and error; `width` is the terminal's when standard
    /// output is one.
    pub fn stdio(color_out: bool, color_err: bool, width: Option<u16>) -> Self {
        let width = width.map(usize::from).filter(|w| *w > 0);
        Self {
            out: Box::new(io::stdout().lock()),
            err: Box::new(io::stderr()),
            color_out,
            color_err,
            width,
        }
    }

    /// Output into memory, without colour, with an optional terminal width.
    pub fn capture(width: Option<usize>) -> (Self, Captured) {
        let captured = Captured::default();
        let output = Self {
            out: Box::new(SharedBuf(Arc::clone(&captured.out))),
            err: Box::new(SharedBuf(Arc::clone(&captured.err))),
            color_out: false,
            color_err: false,
            width,
        };
        (output, captured)
    }

    /// Terminal width when standard output is a terminal; `None` when piped
    /// (then nothing is cut to fit).
    pub fn width(&self) -> Option<usize> {
        self.width
    }

    pub fn color_err(&self) -> bool {
        self.color_err
    }

    /// `text` in `style` when standard output is coloured.
    pub fn paint(&self, style: Style, text: &str) -> String {
        if self.color_out {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_owned()
        }
    }

    /// `text` in `style` when standard error is coloured.
    pub fn paint_err(&self, style: Style, text: &str) -> String {
        if self.color_err {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_owned()
        }
    }

    pub fn line(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.out, "{text}")
    }

    /// Bytes as they are (a generated script or manual page).
    pub fn bytes(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)
    }

    pub fn blank(&mut self) -> io::Result<()> {
        writeln!(self.out)
    }

    pub fn err_line(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.err, "{text}")
    }

    pub fn err_raw(&mut self, text: &str) -> io::Result<()> {
        write!(self.err, "{text}")
    }

    /// Pretty-printed JSON on standard output.
    pub fn json(&mut self, value: &impl serde::Serialize) -> io::Result<()> {
        // Serialise first, so a closed pipe surfaces as the I/O error it is.
        let mut text = serde_json::to_vec_pretty(value).map_err(io::Error::other)?;
        text.push(b'\n');
        self.out.write_all(&text)
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()?;
        self.err.flush()
    }

    /// Text wrapped to the terminal (or 100 columns when piped), every line
    /// indented by `indent` spaces.
    pub fn wrapped(&mut self, indent: usize, text: &str) -> io::Result<()> {
        self.hanging(indent, indent, text)
    }

    /// Text wrapped like [`Self::wrapped`], the first line indented by
    /// `first` spaces and the lines after it by `rest`.
    pub fn hanging(&mut self, first: usize, rest: usize, text: &str) -> io::Result<()> {
        // What a file says is shown, never obeyed by the terminal.
        let text = printable(text);
        let width = self.width.unwrap_or(100).max(rest.max(first) + 20);
        let (pad, rest) = (" ".repeat(first), " ".repeat(rest));
        let options = textwrap::Options::new(width)
            .initial_indent(&pad)
            .subsequent_indent(&rest)
            // Ids and case references are never split at their hyphens.
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        for paragraph in text.trim_end().split('\n') {
            if paragraph.trim().is_empty() {
                writeln!(self.out)?;
                continue;
            }
            // An amount stays on one line with its euro sign.
            let glued = paragraph.trim_end().replace("€ ", "€\u{a0}");
            for line in textwrap::wrap(&glued, &options) {
                writeln!(self.out, "{}", line.replace("€\u{a0}", "€ "))?;
            }
        }
        Ok(())
    }

    /// `text` wrapped to the terminal, each line in `style`.
    pub fn wrapped_styled(&mut self, style: Style, text: &str) -> io::Result<()> {
        let width = self.width.unwrap_or(100).max(20);
        for line in textwrap::wrap(text, width) {
            let line = self.paint(style, &line);
            writeln!(self.out, "{line}")?;
        }
        Ok(())
    }

    /// A table with a header row. On a terminal the column `flex` is cut
    /// with "…" to fit, and when even that is not enough the columns in
    /// `drop` go, in that order. When piped nothing is cut or dropped.
    pub fn table(
        &mut self,
        header: &[&str],
        rows: &[Vec<String>],
        flex: usize,
        drop: &[usize],
    ) -> io::Result<()> {
        const MIN_FLEX: usize = 12;
        let mut keep: Vec<usize> = (0..header.len()).collect();
        let natural = |i: usize| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.width())
                .chain([header[i].width()])
                .max()
                .unwrap_or(0)
        };
        let mut widths: Vec<usize> = (0..header.len()).map(natural).collect();
        if let Some(total) = self.width {
            let fixed = |keep: &[usize], widths: &[usize]| -> usize {
                keep.iter()
                    .filter(|i| **i != flex)
                    .map(|i| widths[*i] + 2)
                    .sum()
            };
            for column in drop {
                if fixed(&keep, &widths) + MIN_FLEX.min(widths[flex]) <= total {
                    break;
                }
                keep.retain(|i| i != column);
            }
            let room = total
                .saturating_sub(fixed(&keep, &widths))
                .max(8.min(widths[flex]));
            widths[flex] = widths[flex].min(room);
        }
        // Cells hold what files say: never a control character on screen.
        let pick = |cells: &[String]| -> (Vec<String>, Vec<usize>) {
            keep.iter()
                .map(|i| {
                    let cell = cells
                        .get(*i)
                        .map_or_else(String::new, |c| printable(c).into_owned());
                    (cell, widths[*i])
                })
                .unzip()
        };
        if header.iter().any(|h| !h.is_empty()) {
            let cells: Vec<String> = header.iter().map(|h| (*h).to_owned()).collect();
            let (cells, w) = pick(&cells);
            let head = render_row(&cells, &w);
            let head = self.paint(Style::new().bold(), &head);
            writeln!(self.out, "{head}")?;
        }
        for row in rows {
            let (cells, w) = pick(row);
            writeln!(self.out, "{}", render_row(&cells, &w))?;
        }
        Ok(())
    }
}

fn render_row(cells: &[String], widths: &[usize]) -> String {
    let mut line = String::new();
    for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
        let cell = fit(cell, *width);
        line.push_str(&cell);
        if i + 1 < cells.len() {
            line.push_str(&" ".repeat(width - cell.width() + 2));
        }
    }
    line.trim_end().to_owned()
}

/// Refuses a file the user protected against writing: replacing it
/// through a temporary file would go round the protection.
pub(super) fn writable(
    path: &std::path::Path,
    lang: crate::i18n::Lang,
) -> Result<(), super::CliError> {
    let shown = path.display().to_string();
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => Err(super::CliError::input(lang.out_is_dir(&shown), None)),
        // Opening it for writing changes nothing, and asks the system
        // itself (owner, group, access lists) whether it may be written.
        Ok(meta)
            if meta.permissions().readonly()
                || std::fs::OpenOptions::new().write(true).open(path).is_err() =>
        {
            Err(super::CliError::input(lang.out_protected(&shown), None))
        }
        _ => Ok(()),
    }
}

/// Refuses a file to write in the store at `store`: an export or a report
/// is no part of it, and must never take the place of a signed file.
pub(super) fn outside_store(
    path: &std::path::Path,
    store: &std::path::Path,
    lang: crate::i18n::Lang,
) -> Result<(), super::CliError> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    // A directory that is not there is found when the file is written.
    let (Ok(dir), Ok(store)) = (dir.canonicalize(), store.canonicalize()) else {
        return Ok(());
    };
    if dir.starts_with(&store) {
        return Err(super::CliError::input(
            lang.out_in_store(&path.display().to_string(), &store.display().to_string()),
            None,
        ));
    }
    Ok(())
}

/// Writes `path` through a temporary file beside it (`write` fills it),
/// synced and renamed: a file cut short leaves no half file under the name
/// asked for, and a file there before is replaced whole or not at all. A
/// `private` file (personal data) is readable by its owner only, from the
/// moment it is made.
pub(super) fn atomically<T, E: From<io::Error>>(
    path: &std::path::Path,
    private: bool,
    write: &mut dyn FnMut(&std::path::Path) -> Result<T, E>,
) -> Result<T, E> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    if private {
        // Made owner-only first; writing it again keeps its mode.
        let _ = std::fs::remove_file(&tmp);
        crate::domain::store::files::private(
            std::fs::OpenOptions::new().write(true).create_new(true),
        )
        .open(&tmp)?;
    }
    let result = write(&tmp).and_then(|n| {
        std::fs::File::open(&tmp)?.sync_all()?;
        std::fs::rename(&tmp, path)?;
        crate::domain::store::files::sync_dir(dir)?;
        Ok(n)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_of_records_fits_80_columns_keeping_case_and_status() {
        let row = |status: &str| {
            [
                "MW-20261123-7ZF5YMXF",
                "2026-11-23",
                "MR-2026-000093",
                "Anna de Wit",
                "pw-zoektermijn-jongeren",
                status,
            ]
            .map(str::to_owned)
            .to_vec()
        };
        let rows = vec![row("ingetrokken"), row("ter beoordeling")];
        let (mut out, captured) = Output::capture(Some(80));
        out.table(
            &["id", "datum", "zaak", "auteur", "norm", "status"],
            &rows,
            4,
            &[3, 2],
        )
        .unwrap();
        let text = captured.stdout();
        for line in text.lines() {
            assert!(line.width() <= 80, "{line:?}");
        }
        assert!(
            text.contains("MR-2026-000093") && text.contains("ter beoordeling"),
            "{text}"
        );
    }

    #[test]
    fn an_amount_is_never_split_from_its_euro_sign() {
        let (mut out, captured) = Output::capture(Some(24));
        out.wrapped(0, "Het totaal komt op € 1.800,50.").unwrap();
        let text = captured.stdout();
        assert!(text.contains("€ 1.800,50"), "{text}");
        assert!(!text.contains('\u{a0}'), "{text}");
        assert!(text.lines().all(|l| l.chars().count() <= 24), "{text}");
    }

    #[test]
    fn tables_align_and_cut_only_on_a_terminal() {
        let rows = vec![
            vec![
                "a".to_owned(),
                "een lange titel die niet past".to_owned(),
                "x".to_owned(),
            ],
            vec!["bbb".to_owned(), "kort".to_owned(), "y".to_owned()],
        ];
        let (mut out, captured) = Output::capture(Some(24));
        out.table(&["id", "titel", "z"], &rows, 1, &[]).unwrap();
        // Every line fits the 24 columns.
        assert!(
            captured.stdout().lines().all(|l| l.chars().count() <= 24),
            "{}",
            captured.stdout()
        );
        assert_eq!(
            captured.stdout(),
            "id   titel             z\na    een lange titel…  x\nbbb  kort              y\n"
        );
        let (mut out, captured) = Output::capture(None);
        out.table(&["id", "titel", "z"], &rows, 1, &[]).unwrap();
        assert!(
            captured
                .stdout()
                .contains("een lange titel die niet past  x")
        );
    }

    #[test]
    fn narrow_terminals_drop_the_least_important_columns_first() {
        let rows = vec![vec![
            "een-lange-id".to_owned(),
            "1".to_owned(),
            "Een titel van behoorlijke lengte".to_owned(),
            "participatiewet".to_owned(),
        ]];
        let (mut out, captured) = Output::capture(Some(40));
        out.table(&["id", "v", "titel", "domein"], &rows, 2, &[3, 1])
            .unwrap();
        assert_eq!(
            captured.stdout(),
            "id            v  titel\neen-lange-id  1  Een titel van behoorli…\n"
        );
    }
}

pub use crate::domain::text::printable;

#[cfg(test)]
mod printable_tests {
    use super::printable;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(printable("MW-1"), "MW-1");
        assert_eq!(printable("a\u{1b}[2K\rb"), "a\\u{1b}[2K\\u{d}b");
        assert_eq!(printable("regel\nregel\tx"), "regel\nregel\tx");
    }
}
