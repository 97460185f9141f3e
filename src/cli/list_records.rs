use clap::Args;
use jiff::civil::Date;
use serde::Serialize;

use super::signing::{open_store, store_error};
use super::{CliError, Context, Outcome};
use crate::domain::lifecycle::{Life, Status};
use crate::domain::store::{StoredRecord, with_status};

/// List records, newest last; filter by author, norm and decision date
#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub selection: super::selection::Selection,
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct JsonRecord<'a> {
    id: &'a str,
    decision_date: Date,
    created: jiff::Timestamp,
    case: &'a str,
    author: &'a str,
    role: &'a str,
    norm: &'a str,
    norm_version: u32,
    mandate: crate::domain::record::RecordedOutcome,
    status: Status,
    norm_revised: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    waiting_for: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    revises: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extends: Option<&'a str>,
    file: &'a str,
}

pub fn run(args: &ListArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let store = open_store(ctx)?;
    let lang = ctx.lang;
    let (filter, status) = args.selection.read(ctx, true)?;
    let state = store.state().map_err(|e| store_error(ctx, &e))?;
    let kept = with_status(&store, &state, &filter, ctx.today, &|life: &Life| {
        status.is_none_or(|s| life.status == s)
    })
    .map_err(|e| store_error(ctx, &e))?;
    let (records, lives, unreadable) = (&kept.records, &kept.lives, kept.unreadable);
    if unreadable > 0 {
        ctx.out.err_line(&lang.records_unreadable(unreadable))?;
    }
    if args.json {
        let json: Vec<JsonRecord<'_>> = records
            .iter()
            .zip(lives.iter())
            .map(
                |(
                    StoredRecord {
                        record: r, file, ..
                    },
                    life,
                )| JsonRecord {
                    id: &r.id,
                    decision_date: r.decision_date,
                    created: r.created,
                    case: &r.case,
                    author: &r.author.principal,
                    role: &r.author.role,
                    norm: &r.norm.id,
                    norm_version: r.norm.version,
                    mandate: r.mandate.outcome,
                    status: life.status,
                    norm_revised: life.norm_revised,
                    waiting_for: life.waiting_for.as_deref(),
                    revises: r.revises.as_deref(),
                    extends: r.extends.as_deref(),
                    file: file.as_str(),
                },
            )
            .collect();
        ctx.out.json(&json)?;
        return Ok(Outcome::Success);
    }
    if records.is_empty() {
        ctx.out.line(lang.no_records())?;
        return Ok(Outcome::Success);
    }
    let rows: Vec<Vec<String>> = records
        .iter()
        .zip(lives.iter())
        .map(|(StoredRecord { record: r, .. }, life)| {
            vec![
                r.id.clone(),
                lang.day(r.decision_date),
                r.case.clone(),
                r.author.name.clone(),
                r.norm.id.clone(),
                lang.status_with_flag(life.status, life.norm_revised),
            ]
        })
        .collect();
    ctx.out.table(&lang.records_header(), &rows, 4, &[3, 2])?;
    Ok(Outcome::Success)
}
