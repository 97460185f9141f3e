use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use clap::Args;

use super::signing::{open_store, store_error};
use super::{CliError, Context, Outcome};
use crate::domain::export::anon::Anonymiser;
use crate::domain::export::csv_out::{CsvOut, Dialect};
use crate::domain::export::row::{Exported, Privacy};
use crate::domain::export::signals::ExportedSignal;
use crate::domain::export::table::Layout;
use crate::domain::export::xlsx_out::XlsxOut;
use crate::domain::export::zgw::{Besluit, Registers, check_url, is_rsin};
use crate::domain::lifecycle::Story;
use crate::domain::record::Record;
use crate::domain::store::StoreError;
use crate::domain::verify;

/// Export the records for auditors: one row per record with its status,
/// history and verification result, as CSV, JSON Lines, an Excel workbook
/// or ZGW decisions; anonymised on request
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format: csv, jsonl, xlsx (only with --out) or zgw (Besluit
    /// objects of the ZGW Besluiten API) [default: as --out's extension
    /// says (.xlsx, .jsonl), else csv]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write to this file (first to a temporary file beside it, then
    /// renamed) [default: standard output]
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub selection: super::selection::Selection,
    #[command(flatten)]
    pub privacy: PrivacyArgs,
    #[command(flatten)]
    pub root: super::verified::RootArg,
    /// Export nothing, and exit 1, when verify finds anything
    #[arg(long)]
    pub strict: bool,
    /// Export the signals (where no norm fitted) instead of the records; a
    /// workbook always has them in a sheet of their own
    #[arg(long)]
    pub signals: bool,
    #[command(flatten)]
    pub csv: CsvArgs,
    #[command(flatten)]
    pub zgw: ZgwArgs,
}

/// Where a ZGW export's `Besluit` objects point.
#[derive(Debug, Args)]
pub struct ZgwArgs {
    /// For --format zgw: the RSIN of the organisation that takes the
    /// decisions (nine digits)
    #[arg(long, value_name = "RSIN")]
    pub rsin: Option<String>,
    /// For --format zgw: the URL of a norm's BESLUITTYPE in the Catalogi
    /// API, with {norm} (and {version}) where the norm goes
    #[arg(long, value_name = "URL")]
    pub besluittype_url: Option<String>,
    /// For --format zgw: the URL of a case in the Zaken API, with {case}
    /// where the case reference goes [default: no case named]
    #[arg(long, value_name = "URL")]
    pub zaak_url: Option<String>,
}

/// What an export keeps of people and words.
#[derive(Debug, Args)]
pub struct PrivacyArgs {
    /// Anonymised: case references as tokens (keyed per export), people as
    /// their roles, free text left out
    #[arg(long)]
    pub anonymised: bool,
    /// The key for the tokens (64 hex digits), to get the same tokens as an
    /// earlier export [default: a new one, shown once]
    #[arg(long = "key-hex", value_name = "HEX", requires = "anonymised")]
    pub anonymise_key: Option<String>,
    /// In an anonymised export, keep the free text all the same: the
    /// motivation, text answers, remarks
    #[arg(long, requires = "anonymised")]
    pub with_text: bool,
}

/// How the CSV is written.
#[derive(Debug, Args)]
pub struct CsvArgs {
    /// The CSV delimiter: , or ; (for Dutch Excel; numbers then get a
    /// decimal comma)
    #[arg(long, default_value = ",", value_parser = delimiter_arg)]
    pub delimiter: u8,
    /// Put a UTF-8 byte order mark first in the CSV, by which Excel knows
    /// the encoding
    #[arg(long)]
    pub bom: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// RFC 4180 CSV, UTF-8
    Csv,
    /// One JSON object per line
    Jsonl,
    /// An Excel workbook with typed cells (needs --out)
    Xlsx,
    /// `Besluit` objects of the ZGW Besluiten API, one per line (needs
    /// --rsin and --besluittype-url)
    Zgw,
}

impl From<&CsvArgs> for Dialect {
    fn from(csv: &CsvArgs) -> Self {
        Self {
            delimiter: csv.delimiter,
            bom: csv.bom,
        }
    }
}

fn delimiter_arg(text: &str) -> Result<u8, String> {
    match text {
        "," => Ok(b','),
        ";" => Ok(b';'),
        _ => Err("use , or ;".into()),
    }
}

pub fn run(args: &ExportArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let (anonymiser, registers) = arguments(args, lang)?;
    let store = open_store(ctx)?;
    if let Some(path) = &args.out {
        super::output::outside_store(path, store.dir(), lang)?;
    }
    let state = store.state().map_err(|e| store_error(ctx, &e))?;
    let (filter, status) = args.selection.read(ctx, false)?;
    let verified = super::verified::verified(&store, &args.root, ctx)?;
    if !go_on(args, &verified, anonymiser.as_ref(), ctx)? {
        return Ok(Outcome::Negative);
    }
    let privacy = Privacy {
        anonymiser: anonymiser.as_ref(),
        with_text: args.privacy.with_text,
    };
    let layout = Layout {
        checks: crate::domain::export::table::most_checks(&store, &state),
        people: anonymiser.is_none(),
        text: anonymiser.is_none() || args.privacy.with_text,
    };
    let dialect = Dialect::from(&args.csv);
    let mut written = 0usize;
    let mut with_findings = 0usize;
    // Findings shown on a row; the rest are said on standard error.
    let mut shown = 0usize;
    let mut not_taken = 0usize;
    let header = layout.header();
    let with_signals = args.signals || args.format() == Format::Xlsx;
    let signals = with_signals
        .then(|| store.signals_where(&filter))
        .transpose()
        .map_err(|e| store_error(ctx, &e))?
        .unwrap_or_default();
    let signal_header = ExportedSignal::header(layout.people, layout.text);
    let mut signals_written = 0usize;
    // Progress on standard error, on a terminal only.
    let progress = ctx.config.ttys.stderr;
    let mut export = |mut sink: Sink<'_>| -> Result<usize, ExportError> {
        let mut unreadable = 0;
        if !args.signals {
            sink.start(lang.export_sheet(), &header)?;
            unreadable = store.each_story::<ExportError>(
                (&state, &verified.revisions),
                &filter,
                ctx.today,
                &mut |stored, story| {
                    if status.is_some_and(|s| story.life.status != s) {
                        return Ok(());
                    }
                    // Only a decision that took effect is a Besluit.
                    if args.format() == Format::Zgw
                        && (!story.took_effect(&stored.record) || verified.failed(&stored.file))
                    {
                        not_taken += 1;
                        return Ok(());
                    }
                    let codes = row_codes(&verified, stored, story);
                    shown += verified.by_file.get(&stored.file).map_or(0, Vec::len);
                    let e = Exported::of(&stored.record, story, codes, &privacy);
                    written += 1;
                    if progress && written.is_multiple_of(1000) {
                        super::verify::eprint_progress(&lang.export_progress(written));
                    }
                    if !e.verification.valid {
                        with_findings += 1;
                    }
                    sink.put((&stored.record, story), &e, (&layout, &privacy))
                },
            )?;
        }
        if with_signals {
            sink.start(lang.export_signals_sheet(), &signal_header)?;
            for s in &signals {
                let codes = verified.on(&ExportedSignal::file(s));
                shown += codes.len();
                let e = ExportedSignal::of(s, codes, &privacy);
                signals_written += 1;
                sink.put_signal(&e, &layout)?;
            }
        }
        sink.finish()?;
        if progress && written >= 1000 {
            super::verify::eprint_progress("");
        }
        Ok(unreadable)
    };
    let written_to = destination(args, lang, (dialect, registers.as_ref()), &mut export)?;
    let Some(unreadable) = finished(written_to, ctx)? else {
        // A reader that stopped early (`| head`) is no error.
        return Ok(Outcome::Success);
    };
    let to = args.out.as_ref().map(|p| p.display().to_string());
    let said = [
        (unreadable > 0).then(|| lang.records_unreadable(unreadable)),
        (!args.signals).then(|| lang.export_done(written, with_findings, to.as_deref())),
        with_signals.then(|| lang.export_signals_done(signals_written, to.as_deref())),
        (verified.findings > 0).then(|| lang.export_findings_in_all(verified.findings)),
        (not_taken > 0).then(|| lang.export_not_besluiten(not_taken)),
    ];
    for line in said.into_iter().flatten() {
        ctx.out.err_line(&line)?;
    }
    Ok(Outcome::Success)
}

/// How many record files did not read, once the export is written; `None`
/// when the reader of standard output stopped early.
fn finished(written: Result<usize, ExportError>, ctx: &Context) -> Result<Option<usize>, CliError> {
    let lang = ctx.lang;
    match written {
        Ok(n) => Ok(Some(n)),
        Err(ExportError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => Ok(None),
        Err(ExportError::Store(e)) => Err(store_error(ctx, &e)),
        Err(ExportError::Io(e)) => Err(CliError::input(lang.export_write_failed(&e), None)),
        Err(ExportError::Xlsx(e)) => {
            let e = io::Error::other(e.to_string());
            Err(CliError::input(lang.export_write_failed(&e), None))
        }
    }
}

/// What a row says verify found about its record: the findings on its
/// file, those on the link to the next record of its chain, and the acts
/// about it that do not count, as its story found them.
fn row_codes(
    verified: &super::verified::Verified,
    stored: &crate::domain::store::StoredRecord,
    story: &Story<'_>,
) -> Vec<String> {
    let record = &stored.record;
    let mut codes = verified.codes(&stored.file, &record.author.principal, record.seq);
    codes.extend(
        story
            .problems
            .iter()
            .map(|(_, p)| verify::FindingKind::Act(p.clone()).code().to_owned()),
    );
    codes
}

/// Whether to export once verify is done: not with --strict when it found
/// anything (said on standard error); a new key for case tokens is shown.
fn go_on(
    args: &ExportArgs,
    verified: &super::verified::Verified,
    anonymiser: Option<&Anonymiser>,
    ctx: &mut Context,
) -> Result<bool, CliError> {
    let lang = ctx.lang;
    if args.strict && verified.findings > 0 {
        ctx.out
            .err_line(&lang.export_strict_refused(verified.findings))?;
        return Ok(false);
    }
    if let Some(a) = anonymiser
        && args.privacy.anonymise_key.is_none()
    {
        ctx.out.err_line(&lang.export_key(&a.key_hex()))?;
    }
    Ok(true)
}

/// What the arguments give that can be wrong, checked before anything is
/// read or written: the file to write, the key for case tokens, the ZGW
/// registers.
fn arguments(
    args: &ExportArgs,
    lang: crate::i18n::Lang,
) -> Result<(Option<Anonymiser>, Option<Registers>), CliError> {
    if let Some(path) = &args.out {
        super::output::writable(path, lang)?;
        let workbook = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
        if workbook && args.format() != Format::Xlsx {
            return Err(CliError::input(
                lang.export_not_a_workbook(&path.display().to_string()),
                None,
            ));
        }
    }
    Ok((anonymiser(args, lang)?, registers(args, lang)?))
}

impl ExportArgs {
    /// The format asked for, or the one `--out`'s extension names.
    pub fn format(&self) -> Format {
        self.format.unwrap_or_else(|| {
            let extension = self
                .out
                .as_deref()
                .and_then(|p| p.extension())
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            match extension.as_deref() {
                Some("xlsx") => Format::Xlsx,
                Some("jsonl") => Format::Jsonl,
                _ => Format::Csv,
            }
        })
    }
}

/// The key for case tokens, when anonymised: given, or new.
fn anonymiser(args: &ExportArgs, lang: crate::i18n::Lang) -> Result<Option<Anonymiser>, CliError> {
    Ok(
        match (&args.privacy.anonymise_key, args.privacy.anonymised) {
            (Some(hex), _) => Some(
                Anonymiser::from_hex(hex)
                    .ok_or_else(|| CliError::input(lang.export_bad_key(), None))?,
            ),
            (None, true) => Some(Anonymiser::random()),
            (None, false) => None,
        },
    )
}

/// Writes the export where it goes: a file (through a temporary one), or
/// standard output (not for a workbook).
fn destination(
    args: &ExportArgs,
    lang: crate::i18n::Lang,
    (dialect, registers): (Dialect, Option<&Registers>),
    export: &mut dyn FnMut(Sink<'_>) -> Result<usize, ExportError>,
) -> Result<Result<usize, ExportError>, CliError> {
    Ok(match (args.format(), &args.out) {
        (Format::Xlsx, None) => {
            return Err(CliError::input(
                lang.export_xlsx_needs_out(),
                Some(lang.export_xlsx_needs_out_help()),
            ));
        }
        (Format::Xlsx, Some(path)) => super::output::atomically(path, true, &mut |tmp| {
            export(Sink::Xlsx(Box::default(), tmp.to_owned()))
        }),
        (format, Some(path)) => super::output::atomically(path, true, &mut |tmp| {
            let mut file = BufWriter::new(std::fs::File::create(tmp)?);
            let n = export(Sink::text(format, &mut file, dialect, registers)?)?;
            file.flush()?;
            Ok(n)
        }),
        (format, None) => {
            let stdout = io::stdout();
            let mut lock = BufWriter::new(stdout.lock());
            let n = Sink::text(format, &mut lock, dialect, registers)
                .map_err(ExportError::from)
                .and_then(&mut *export);
            n.and_then(|n| {
                lock.flush()?;
                Ok(n)
            })
        }
    })
}

/// Where the rows go.
enum Sink<'w> {
    Csv(Box<CsvOut<&'w mut dyn Write>>),
    /// JSON Lines, each line built in the buffer first.
    Jsonl(&'w mut dyn Write, Vec<u8>),
    /// ZGW `Besluit` objects as JSON Lines, pointing into these registers.
    Zgw(&'w mut dyn Write, Vec<u8>, &'w Registers),
    /// A workbook, saved to the path when finished.
    Xlsx(Box<XlsxOut>, PathBuf),
}

impl<'w> Sink<'w> {
    /// CSV or JSON Lines into `out`.
    fn text(
        format: Format,
        out: &'w mut dyn Write,
        dialect: Dialect,
        registers: Option<&'w Registers>,
    ) -> io::Result<Self> {
        Ok(match (format, registers) {
            (Format::Jsonl, _) => Self::Jsonl(out, Vec::new()),
            (Format::Zgw, Some(at)) => Self::Zgw(out, Vec::new(), at),
            _ => Self::Csv(Box::new(CsvOut::new(out, dialect)?)),
        })
    }

    /// A table begins: a CSV's header, a workbook's sheet named `name`.
    fn start(&mut self, name: &str, header: &[String]) -> Result<(), ExportError> {
        match self {
            Self::Csv(csv) => csv.header(header)?,
            Self::Xlsx(book, _) => book.sheet(name, header)?,
            Self::Jsonl(..) | Self::Zgw(..) => {}
        }
        Ok(())
    }

    fn put_signal(&mut self, e: &ExportedSignal, layout: &Layout) -> Result<(), ExportError> {
        let row = || e.row(layout.people, layout.text);
        match self {
            Self::Csv(csv) => csv.row(&row())?,
            Self::Jsonl(out, line) | Self::Zgw(out, line, _) => json_line(&mut **out, line, e)?,
            Self::Xlsx(book, _) => book.row(&row())?,
        }
        Ok(())
    }

    fn put(
        &mut self,
        (record, story): (&Record, &Story<'_>),
        e: &Exported,
        (layout, privacy): (&Layout, &Privacy<'_>),
    ) -> Result<(), ExportError> {
        match self {
            Self::Csv(csv) => csv.row(&layout.row(e))?,
            Self::Jsonl(out, line) => json_line(&mut **out, line, e)?,
            // Only decisions that took effect reach here (see `run`).
            Self::Zgw(out, line, at) => {
                json_line(&mut **out, line, &Besluit::of(record, story, privacy, at))?;
            }
            Self::Xlsx(book, _) => book.row(&layout.row(e))?,
        }
        Ok(())
    }

    fn finish(self) -> Result<(), ExportError> {
        match self {
            Self::Csv(csv) => {
                csv.finish()?;
            }
            Self::Jsonl(..) | Self::Zgw(..) => {}
            Self::Xlsx(book, path) => book.finish(&path)?,
        }
        Ok(())
    }
}

/// `value` as one line of JSON, built in `line` first.
fn json_line(
    out: &mut dyn Write,
    line: &mut Vec<u8>,
    value: &impl serde::Serialize,
) -> io::Result<()> {
    line.clear();
    serde_json::to_writer(&mut *line, value).map_err(io::Error::from)?;
    line.push(b'\n');
    out.write_all(line)
}

/// Where a ZGW export points, for --format zgw: refused without the RSIN
/// or the decision type's URL.
fn registers(args: &ExportArgs, lang: crate::i18n::Lang) -> Result<Option<Registers>, CliError> {
    if args.format() != Format::Zgw {
        return Ok(None);
    }
    let (Some(rsin), Some(besluittype)) = (&args.zgw.rsin, &args.zgw.besluittype_url) else {
        return Err(CliError::input(
            lang.export_zgw_needs(),
            Some(lang.export_zgw_needs_help()),
        ));
    };
    if !is_rsin(rsin.trim()) {
        return Err(CliError::input(lang.export_bad_rsin(rsin), None));
    }
    let checked = |flag: &str, url: &str, needed: &'static str, known: &[&str]| {
        check_url(url, needed, known)
            .map(|()| url.trim().to_owned())
            .map_err(|p| CliError::input(lang.export_bad_url(flag, url, &p), None))
    };
    let besluittype = checked(
        "--besluittype-url",
        besluittype,
        "{norm}",
        &["{norm}", "{version}"],
    )?;
    let zaak = match &args.zgw.zaak_url {
        Some(url) => Some(checked("--zaak-url", url, "{case}", &["{case}"])?),
        None => None,
    };
    Ok(Some(Registers {
        rsin: rsin.trim().to_owned(),
        besluittype,
        zaak,
    }))
}

/// Why an export stopped.
#[derive(Debug)]
enum ExportError {
    Store(StoreError),
    Io(io::Error),
    Xlsx(rust_xlsxwriter::XlsxError),
}

impl From<rust_xlsxwriter::XlsxError> for ExportError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        Self::Xlsx(e)
    }
}

impl From<StoreError> for ExportError {
    fn from(e: StoreError) -> Self {
        Self::Store(e)
    }
}

impl From<io::Error> for ExportError {
    fn from(e: io::Error) -> Self {
        Self::Io(e)
    }
}
