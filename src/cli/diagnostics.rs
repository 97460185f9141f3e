//! Showing problems in files: each with its <file:line:column>, the offending
//! line with the span marked, what is wrong and how to fix it; or as JSON.

use std::io;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;

use super::output::Output;
use crate::domain::bsn::{self, contains_bsn};
use crate::domain::diagnostic::{Diagnostic, FileReport, Severity};
use crate::domain::source::SourceFile;
use crate::i18n::Lang;

/// One thing to show about a place in a file.
pub struct Item {
    pub severity: Severity,
    /// `None` points at the file as a whole.
    pub span: Option<std::ops::Range<usize>>,
    pub code: &'static str,
    pub message: String,
    pub help: Option<String>,
    /// Show only <file:line:column>, not the line itself (which may hold a
    /// BSN that must not be repeated).
    pub hide_source: bool,
}

impl Item {
    fn of(lang: Lang, d: &Diagnostic) -> Self {
        Self {
            severity: d.severity,
            span: Some(d.span.clone()),
            code: d.problem.code(),
            message: lang.problem(&d.problem),
            help: lang.problem_help(&d.problem),
            hide_source: false,
        }
    }
}

/// Writes every diagnostic of `reports` to standard error.
pub fn render(out: &mut Output, lang: Lang, reports: &[FileReport]) -> io::Result<()> {
    for report in reports {
        let items: Vec<Item> = report
            .diagnostics
            .iter()
            .map(|d| Item::of(lang, d))
            .collect();
        render_items(out, lang, &report.source, &items)?;
    }
    Ok(())
}

/// Writes `items` about `source` to standard error.
pub fn render_items(
    out: &mut Output,
    lang: Lang,
    source: &SourceFile,
    items: &[Item],
) -> io::Result<()> {
    let renderer = if out.color_err() {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for item in items {
        let text = render_one(&renderer, lang, source, item);
        out.err_line(&text)?;
        out.err_line("")?;
    }
    Ok(())
}

fn render_one(renderer: &Renderer, lang: Lang, source: &SourceFile, d: &Item) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    }
    .with_name(lang.severity(d.severity));
    // Neither the message nor the lines shown may hold a BSN: a line that
    // holds one is not shown, only where it is.
    let title = level.primary_title(bsn::redact(&d.message)).id(d.code);
    let hide = d.hide_source
        || d.span
            .as_ref()
            .is_some_and(|span| contains_bsn(lines_of(source, span.clone())));
    let mut group = match &d.span {
        Some(span) if hide => {
            let at = source.line_col(span.start);
            title.element(
                Origin::path(source.name())
                    .line(at.line)
                    .char_column(at.column),
            )
        }
        Some(span) if !source.text().is_empty() => {
            let span = source.clamp(span.clone());
            title.element(
                Snippet::source(source.text())
                    .path(source.name())
                    .annotation(AnnotationKind::Primary.span(span)),
            )
        }
        _ => title.element(Origin::path(source.name())),
    };
    if let Some(help) = &d.help {
        let name = match lang {
            Lang::Nl => "hulp",
            Lang::En => "help",
        };
        group = group.element(Level::HELP.with_name(name).message(bsn::redact(help)));
    }
    let report: [Group<'_>; 1] = [group];
    renderer.render(&report)
}

/// The whole lines `span` touches: what a snippet of it shows.
fn lines_of(source: &SourceFile, span: std::ops::Range<usize>) -> &str {
    let text = source.text();
    let span = source.clamp(span);
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    &text[start..end]
}

/// One diagnostic for `--json` output.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub help: Option<String>,
}

pub fn to_json(lang: Lang, reports: &[FileReport]) -> Vec<JsonDiagnostic> {
    reports
        .iter()
        .flat_map(|report| {
            report.diagnostics.iter().map(move |d| {
                let span = report.source.clamp(d.span.clone());
                let start = report.source.line_col(span.start);
                let end = report.source.line_col(span.end);
                JsonDiagnostic {
                    file: report.source.name().to_owned(),
                    line: start.line,
                    column: start.column,
                    end_line: end.line,
                    end_column: end.column,
                    severity: d.severity,
                    code: d.problem.code(),
                    message: bsn::redact(&lang.problem(&d.problem)),
                    help: lang.problem_help(&d.problem).map(|h| bsn::redact(&h)),
                }
            })
        })
        .collect()
}

/// Errors and warnings across `reports`.
pub fn count(reports: &[FileReport]) -> (usize, usize) {
    let all = reports.iter().flat_map(|r| &r.diagnostics);
    let errors = all
        .clone()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = all.filter(|d| d.severity == Severity::Warning).count();
    (errors, warnings)
}
