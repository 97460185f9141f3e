use std::collections::HashMap;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use clap::Args;

use super::signing::{open_store, store_error};
use super::{CliError, Context, Outcome};
use crate::domain::export::anon::Anonymiser;
use crate::domain::export::csv_out::{CsvOut, Dialect};
use crate::domain::export::row::{Exported, Privacy};
use crate::domain::export::table::Layout;
use crate::domain::store::StoreError;
use crate::domain::verify;

/// Export the records for auditors: one row per record with its status,
/// history and verification result, as CSV or JSON Lines; anonymised on
/// request
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format: csv or jsonl
    #[arg(long, value_enum, default_value = "csv")]
    pub format: Format,
    /// Write to this file (first to a temporary file beside it, then
    /// renamed) [default: standard output]
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub selection: super::selection::Selection,
    #[command(flatten)]
    pub privacy: PrivacyArgs,
    /// Export nothing, and exit 1, when verify finds anything
    #[arg(long)]
    pub strict: bool,
    #[command(flatten)]
    pub csv: CsvArgs,
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
    let store = open_store(ctx)?;
    let state = store.state().map_err(|e| store_error(ctx, &e))?;
    let (filter, status) = args.selection.read(ctx, false)?;
    let anonymiser = match (&args.privacy.anonymise_key, args.privacy.anonymised) {
        (Some(hex), _) => Some(
            Anonymiser::from_hex(hex)
                .ok_or_else(|| CliError::input(lang.export_bad_key(), None))?,
        ),
        (None, true) => Some(Anonymiser::random()),
        (None, false) => None,
    };

    // Every record's verification result, by file.
    let report = verify::verify(&store, None, ctx.now, &mut |_, _| {});
    if args.strict && !report.findings.is_empty() {
        ctx.out
            .err_line(&lang.export_strict_refused(report.findings.len()))?;
        return Ok(Outcome::Negative);
    }
    let mut findings: HashMap<&str, Vec<&'static str>> = HashMap::new();
    for f in &report.findings {
        findings
            .entry(f.file.as_str())
            .or_default()
            .push(f.kind.code());
    }
    if let Some(a) = &anonymiser
        && args.privacy.anonymise_key.is_none()
    {
        ctx.out.err_line(&lang.export_key(&a.key_hex()))?;
    }

    let privacy = Privacy {
        anonymiser: anonymiser.as_ref(),
        with_text: args.privacy.with_text,
    };
    let layout = Layout {
        checks: most_checks(&store, &state),
        people: anonymiser.is_none(),
        text: anonymiser.is_none() || args.privacy.with_text,
    };
    let dialect = Dialect {
        delimiter: args.csv.delimiter,
        bom: args.csv.bom,
    };
    let mut written = 0usize;
    let mut with_findings = 0usize;
    let mut write = |out: &mut dyn Write| -> Result<usize, ExportError> {
        let mut sink = match args.format {
            Format::Csv => {
                let mut csv = CsvOut::new(out, dialect)?;
                csv.header(&layout.header())?;
                Sink::Csv(Box::new(csv))
            }
            Format::Jsonl => Sink::Jsonl(out, Vec::new()),
        };
        let unreadable =
            store.each_story::<ExportError>(&state, &filter, ctx.today, &mut |stored, story| {
                if status.is_some_and(|s| story.life.status != s) {
                    return Ok(());
                }
                let codes = findings
                    .get(stored.file.as_str())
                    .cloned()
                    .unwrap_or_default();
                let e = Exported::of(&stored.record, story, codes, &privacy);
                written += 1;
                if !e.verification.valid {
                    with_findings += 1;
                }
                sink.put(&e, &layout)?;
                Ok(())
            })?;
        if let Sink::Csv(csv) = sink {
            csv.finish()?;
        }
        Ok(unreadable)
    };
    let written_to = if let Some(path) = &args.out {
        atomically(path, &mut write)
    } else {
        let stdout = io::stdout();
        let mut lock = BufWriter::new(stdout.lock());
        write(&mut lock).and_then(|n| {
            lock.flush()?;
            Ok(n)
        })
    };
    let unreadable = written_to.map_err(|e| match e {
        ExportError::Store(e) => store_error(ctx, &e),
        ExportError::Io(e) => CliError::input(lang.export_write_failed(&e), None),
    })?;
    if unreadable > 0 {
        ctx.out.err_line(&lang.records_unreadable(unreadable))?;
    }
    let to = args.out.as_ref().map(|p| p.display().to_string());
    ctx.out
        .err_line(&lang.export_done(written, with_findings, to.as_deref()))?;
    Ok(Outcome::Success)
}

/// Where the rows go.
enum Sink<'w> {
    Csv(Box<CsvOut<&'w mut dyn Write>>),
    /// JSON Lines, each line built in the buffer first.
    Jsonl(&'w mut dyn Write, Vec<u8>),
}

impl Sink<'_> {
    fn put(&mut self, e: &Exported, layout: &Layout) -> io::Result<()> {
        match self {
            Self::Csv(csv) => csv.row(&layout.row(e)),
            Self::Jsonl(out, line) => {
                line.clear();
                serde_json::to_writer(&mut *line, e).map_err(io::Error::from)?;
                line.push(b'\n');
                out.write_all(line)
            }
        }
    }
}

/// Why an export stopped.
#[derive(Debug)]
enum ExportError {
    Store(StoreError),
    Io(io::Error),
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

/// Writes `path` through a temporary file beside it, synced and renamed:
/// an export cut short leaves no half file under the name asked for.
fn atomically(
    path: &Path,
    write: &mut dyn FnMut(&mut dyn Write) -> Result<usize, ExportError>,
) -> Result<usize, ExportError> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let file = std::fs::File::create(&tmp)?;
        let mut out = BufWriter::new(file);
        let n = write(&mut out)?;
        let file = out
            .into_inner()
            .map_err(|e| io::Error::other(e.to_string()))?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)?;
        Ok(n)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The most checks a norm adopted in the store has: the check columns.
fn most_checks(
    store: &crate::domain::store::Store,
    state: &crate::domain::store::StoreState,
) -> usize {
    state
        .adoptions
        .adopted()
        .iter()
        .filter_map(|a| store.snapshot(&a.adoption.norm.sha256).flatten())
        .map(|n| n.checks.len())
        .max()
        .unwrap_or(0)
}
