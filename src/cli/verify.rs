use anstyle::{AnsiColor, Style};
use clap::Args;
use serde::Serialize;

use super::signing::open_store;
use super::{CliError, Context, Outcome};
use crate::cli::output::printable;
use crate::domain::bsn::redact;
use crate::domain::keys::Fingerprint;
use crate::domain::verify::{self, Report};

/// Check every file in the store: signatures, signers and their roles, the
/// keyring back to its trust root, norm snapshots, and each author's chain.
/// Exits 0 when all is well and 1 when anything is wrong
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The trust root's fingerprint you expect (SHA256:…), as printed by
    /// `maatwerk init`; any other root is a finding
    #[arg(long, value_name = "FINGERPRINT")]
    pub expect_root: Option<String>,
    /// Print the result as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct JsonFinding {
    file: String,
    code: &'static str,
    severity: &'static str,
    message: String,
    meaning: String,
}

#[derive(Serialize)]
struct JsonReport {
    ok: bool,
    records: usize,
    reviews: usize,
    withdrawals: usize,
    samples: usize,
    signals: usize,
    keyring_entries: usize,
    norms: usize,
    root: Option<String>,
    /// Whether the root was held to the one given with `--expect-root`.
    root_pinned: bool,
    errors: usize,
    warnings: usize,
    notices: usize,
    adoptions: usize,
    checkpoints: usize,
    /// Each chain against the checkpoints.
    chains: Vec<JsonChain>,
    findings: Vec<JsonFinding>,
}

#[derive(Serialize)]
struct JsonChain {
    dir: String,
    last: u64,
    /// The latest place someone else witnessed, when and where.
    witnessed: Option<u64>,
    witnessed_at: Option<String>,
    checkpoint: Option<String>,
    /// Files after it: not yet proven complete.
    after: u64,
}

pub fn run(args: &VerifyArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let expect = match &args.expect_root {
        None => None,
        Some(text) => Some(
            Fingerprint::from_text(text)
                .ok_or_else(|| CliError::input(lang.bad_fingerprint(text), None))?,
        ),
    };
    let store = open_store(ctx)?;
    let show_progress = ctx.config.ttys.stderr && !args.json;
    let mut last_shown = 0;
    let mut progress = |done: usize, total: usize| {
        if show_progress && total >= 1000 && (done == total || done >= last_shown + total / 100) {
            last_shown = done;
            eprint_progress(&lang.verify_progress(done, total));
        }
    };
    let report = verify::verify(&store, expect.as_ref(), ctx.now, &mut progress);
    if show_progress && report.records >= 1000 {
        eprint_progress("");
    }
    if args.json {
        ctx.out.json(&json(&report, lang, expect.is_some()))?;
    } else {
        print_findings(ctx, &report.findings)?;
        if !report.findings.is_empty() {
            ctx.out.blank()?;
        }
        print_witnessed(ctx, &report)?;
        ctx.out.line(&lang.verify_summary(&report))?;
        // Without a pinned root, a store replaced wholesale verifies
        // against its own root.
        if expect.is_none()
            && let Some(root) = &report.root
        {
            ctx.out.wrapped(0, &lang.root_not_given(root.as_str()))?;
        }
    }
    Ok(if report.errors() == 0 {
        Outcome::Success
    } else {
        Outcome::Negative
    })
}

/// Each finding: its severity and code, file, what failed and what it
/// means.
pub(super) fn print_findings(
    ctx: &mut Context,
    findings: &[verify::Finding],
) -> Result<(), CliError> {
    let lang = ctx.lang;
    for f in findings {
        let (label, color) = match f.kind.severity() {
            verify::Severity::Notice => (lang.notice_label(), AnsiColor::Cyan),
            verify::Severity::Warning => (
                lang.severity(crate::domain::diagnostic::Severity::Warning),
                AnsiColor::Yellow,
            ),
            verify::Severity::Error => (
                lang.severity(crate::domain::diagnostic::Severity::Error),
                AnsiColor::Red,
            ),
        };
        let label = ctx.out.paint(
            Style::new().bold().fg_color(Some(color.into())),
            &format!("{label}[{}]", f.kind.code()),
        );
        ctx.out.line(&format!(
            "{} {}: {}",
            redact(&label),
            printable(&shown_file(&f.file, &f.kind)),
            redact(&printable(&lang.verify_problem(&f.kind)))
        ))?;
        ctx.out.wrapped(2, &lang.verify_meaning(&f.kind))?;
    }
    Ok(())
}

/// How the chains stand against the checkpoints: what came after the last
/// witnessed point is what the store alone cannot prove complete.
fn print_witnessed(ctx: &mut Context, report: &Report) -> Result<(), CliError> {
    let lang = ctx.lang;
    let behind: Vec<_> = report.chains.iter().filter(|c| c.after() > 0).collect();
    ctx.out.wrapped(
        0,
        &lang.witnessed_summary(report.checkpoints, report.chains.len(), behind.len()),
    )?;
    if report.checkpoints > 0 {
        for chain in &behind {
            ctx.out.line(&printable(&lang.witnessed_chain(
                &chain.dir,
                chain.witnessed.as_ref().map(|(seq, at, _)| (*seq, *at)),
                chain.after(),
            )))?;
        }
    }
    ctx.out.blank()?;
    Ok(())
}

/// Progress on one line of standard error, redrawn in place.
#[allow(clippy::print_stderr)]
pub(super) fn eprint_progress(text: &str) {
    eprint!("\r\u{1b}[2K{text}");
}

fn json(report: &Report, lang: crate::i18n::Lang, root_pinned: bool) -> JsonReport {
    JsonReport {
        ok: report.errors() == 0,
        records: report.records,
        reviews: report.reviews,
        withdrawals: report.withdrawals,
        samples: report.samples,
        signals: report.signals,
        keyring_entries: report.keyring_entries,
        norms: report.norms,
        root: report.root.as_ref().map(ToString::to_string),
        root_pinned,
        errors: report.errors(),
        warnings: report.warnings(),
        notices: report.notices(),
        adoptions: report.adoptions,
        checkpoints: report.checkpoints,
        chains: report
            .chains
            .iter()
            .map(|c| JsonChain {
                dir: c.dir.clone(),
                last: c.last,
                witnessed: c.witnessed.as_ref().map(|w| w.0),
                witnessed_at: c.witnessed.as_ref().map(|w| w.1.to_string()),
                checkpoint: c.witnessed.as_ref().map(|w| w.2.to_string()),
                after: c.after(),
            })
            .collect(),
        findings: report
            .findings
            .iter()
            .map(|f| JsonFinding {
                file: shown_file(&f.file, &f.kind),
                code: f.kind.code(),
                severity: match f.kind.severity() {
                    verify::Severity::Notice => "notice",
                    verify::Severity::Warning => "warning",
                    verify::Severity::Error => "error",
                },
                message: redact(&lang.verify_problem(&f.kind)),
                meaning: lang.verify_meaning(&f.kind),
            })
            .collect(),
    }
}

/// A file of the store as a finding names it: a BSN in a name someone
/// chose is never shown, but the names this program gives (ids, sequence
/// numbers, hashes) are shown whole, whatever their digits happen to be —
/// except where the finding is that the name is not one it gave.
fn shown_file(file: &str, kind: &verify::FindingKind) -> String {
    use verify::FindingKind as K;
    if matches!(
        kind,
        K::StrayFile
            | K::NotARegularFile { .. }
            | K::IncompleteWrite
            | K::Unsigned
            | K::OrphanSignature
            | K::NameMismatch
            | K::NormAltered
            | K::NormUnused { .. }
    ) {
        return redact(file);
    }
    file.split('/')
        .map(|part| {
            let stem = part
                .strip_suffix(".sig")
                .unwrap_or(part)
                .strip_suffix(".toml")
                .unwrap_or(part);
            let id = stem
                .split_once('-')
                .filter(|(seq, _)| seq.len() == 6 && seq.bytes().all(|b| b.is_ascii_digit()))
                .map_or(stem, |(_, id)| id);
            // An id of this program carries the day it was made.
            let dated = id
                .get(3..11)
                .is_some_and(|d| jiff::civil::Date::strptime("%Y%m%d", d).is_ok());
            let ours = (dated
                && id
                    .get(..2)
                    .is_some_and(|prefix| crate::domain::store::files::is_id(prefix, id)))
                || (stem.len() == 64 && stem.bytes().all(|b| b.is_ascii_hexdigit()));
            if ours { part.to_owned() } else { redact(part) }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_in_file_names_are_shown_whole_and_a_bsn_in_a_name_is_not() {
        use crate::domain::verify::FindingKind as K;
        let future = K::CreatedInFuture;
        assert_eq!(
            super::shown_file("records/anna@x/000005-MW-20261126-7X40NPFM.toml", &future),
            "records/anna@x/000005-MW-20261126-7X40NPFM.toml"
        );
        assert_eq!(
            super::shown_file(
                "records/123456782@x/000001-MW-20261126-7X40NPFM.toml.sig",
                &future
            ),
            "records/•••••••••@x/000001-MW-20261126-7X40NPFM.toml.sig"
        );
        // Names someone chose to look like this program's.
        assert_eq!(
            super::shown_file("records/MW-12345678-2ABCDEFG", &future),
            "records/MW-••••••••-•ABCDEFG"
        );
        assert!(
            !super::shown_file("records/MW-20261126-7X40NPFM", &K::StrayFile)
                .contains("20261126-7")
        );
    }
}
