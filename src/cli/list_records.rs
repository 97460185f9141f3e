use clap::Args;
use jiff::civil::Date;
use serde::Serialize;

use super::signing::{open_store, store_error};
use super::{CliError, Context, Outcome, date_arg};
use crate::domain::store::{RecordFilter, StoredRecord};

/// List records, newest last; filter by author, norm and decision date
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only records by this principal
    #[arg(long)]
    pub author: Option<String>,
    /// Only records relying on this norm id
    #[arg(long)]
    pub norm: Option<String>,
    /// Only decisions dated on or after this date
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only decisions dated on or before this date
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
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
    file: String,
}

pub fn run(args: &ListArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let store = open_store(ctx)?;
    let filter = RecordFilter {
        author: args.author.clone(),
        norm: args.norm.clone(),
        from: date_arg(ctx, "--from", args.from.as_deref())?,
        to: date_arg(ctx, "--to", args.to.as_deref())?,
    };
    let found = store.records(&filter).map_err(|e| store_error(ctx, &e))?;
    let (records, unreadable) = (found.items, found.unreadable);
    let lang = ctx.lang;
    if unreadable > 0 {
        ctx.out.err_line(&lang.records_unreadable(unreadable))?;
    }
    if args.json {
        let json: Vec<JsonRecord<'_>> = records
            .iter()
            .map(|StoredRecord { record: r, file }| JsonRecord {
                id: &r.id,
                decision_date: r.decision_date,
                created: r.created,
                case: &r.case,
                author: &r.author.principal,
                role: &r.author.role,
                norm: &r.norm.id,
                norm_version: r.norm.version,
                mandate: r.mandate.outcome,
                file: file.clone(),
            })
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
        .map(|StoredRecord { record: r, .. }| {
            vec![
                r.id.clone(),
                r.decision_date.to_string(),
                r.case.clone(),
                r.author.name.clone(),
                r.norm.id.clone(),
                lang.mandate_short(r.mandate.outcome),
            ]
        })
        .collect();
    ctx.out
        .table(&lang.records_header(), &rows, 4, &[3, 5, 2])?;
    Ok(Outcome::Success)
}
