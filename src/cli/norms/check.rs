use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use crate::cli::diagnostics::{self, JsonDiagnostic};
use crate::cli::{CliError, Context, Outcome, load_catalog};
use crate::domain::norm::catalog::Catalog;

/// Check norm files and report every problem at once, each with
/// <file:line:column>, the line itself, what is wrong and how to fix it.
/// Exits 1 when any file has an error
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Norm files or directories of them [default: the norms in use]
    pub paths: Vec<PathBuf>,
    /// Print the result as JSON on standard output
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct JsonCheck {
    ok: bool,
    files: usize,
    valid: usize,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<JsonDiagnostic>,
}

pub fn run(args: &CheckArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let catalog = if args.paths.is_empty() {
        load_catalog(ctx)?
    } else {
        Catalog::load_paths(&args.paths).map_err(|e| {
            CliError::input(
                ctx.lang
                    .cannot_list(&e.path.display().to_string(), &e.source),
                None,
            )
        })?
    };
    // With a store at hand, the tiers' roles must be roles it has.
    let mut reports = catalog.reports().to_vec();
    let store_roles = ctx
        .config
        .store
        .as_deref()
        .and_then(|dir| crate::domain::store::Store::open(dir).ok())
        .and_then(|store| store.config().ok())
        .map(|config| config.roles);
    if let Some(roles) = &store_roles {
        for report in &mut reports {
            report.check_roles(roles);
        }
        // Files without a problem so far have no report yet.
        for loaded in catalog.norms() {
            let name = loaded.source.name();
            if reports.iter().all(|r| r.source.name() != name) {
                let mut report = crate::domain::diagnostic::FileReport {
                    source: std::sync::Arc::clone(&loaded.source),
                    diagnostics: Vec::new(),
                };
                report.check_roles(roles);
                if !report.diagnostics.is_empty() {
                    reports.push(report);
                }
            }
        }
    }
    let reports = reports.as_slice();
    let (errors, warnings) = diagnostics::count(reports);
    if args.json {
        ctx.out.json(&JsonCheck {
            ok: errors == 0,
            files: catalog.files_read(),
            valid: catalog.norms().len(),
            errors,
            warnings,
            diagnostics: diagnostics::to_json(ctx.lang, reports),
        })?;
    } else {
        diagnostics::render(&mut ctx.out, ctx.lang, reports)?;
        let broken = reports.iter().filter(|r| r.has_errors()).count();
        let summary = ctx
            .lang
            .check_summary(catalog.files_read(), broken, errors, warnings);
        ctx.out.line(&summary)?;
    }
    Ok(if errors == 0 {
        Outcome::Success
    } else {
        Outcome::Negative
    })
}
