use clap::Args;
use jiff::civil::Date;
use serde::Serialize;

use super::signing::{open_store, store_error};
use super::{CliError, Context, Global, Outcome, parse_date};
use crate::domain::record::Record;

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
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<Date>,
    /// Only decisions dated on or before this date
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<Date>,
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
    mandate: &'a str,
    file: String,
}

pub fn run(args: &ListArgs, global: &Global, ctx: &mut Context) -> Result<Outcome, CliError> {
    let store = open_store(global, ctx)?;
    let files = store.record_files().map_err(|e| store_error(ctx, &e))?;
    let mut records: Vec<(Record, String)> = Vec::new();
    let mut unreadable = 0;
    for file in files {
        if args.author.as_ref().is_some_and(|a| *a != file.principal) {
            continue;
        }
        let parsed = std::fs::read_to_string(&file.path)
            .ok()
            .and_then(|t| Record::from_toml(&t).ok());
        let Some(record) = parsed else {
            unreadable += 1;
            continue;
        };
        let keep = args.norm.as_ref().is_none_or(|n| *n == record.norm.id)
            && args.from.is_none_or(|d| record.decision_date >= d)
            && args.to.is_none_or(|d| record.decision_date <= d);
        if keep {
            records.push((
                record,
                crate::domain::store::relative(store.dir(), &file.path),
            ));
        }
    }
    records.sort_by(|a, b| {
        (a.0.created, &a.0.author.principal, a.0.seq).cmp(&(
            b.0.created,
            &b.0.author.principal,
            b.0.seq,
        ))
    });
    let lang = ctx.lang;
    if unreadable > 0 {
        ctx.out.err_line(&lang.records_unreadable(unreadable))?;
    }
    if args.json {
        let json: Vec<JsonRecord<'_>> = records
            .iter()
            .map(|(r, file)| JsonRecord {
                id: &r.id,
                decision_date: r.decision_date,
                created: r.created,
                case: &r.case,
                author: &r.author.principal,
                role: &r.author.role,
                norm: &r.norm.id,
                norm_version: r.norm.version,
                mandate: &r.mandate.outcome,
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
        .map(|(r, _)| {
            vec![
                r.id.clone(),
                r.decision_date.to_string(),
                r.case.clone(),
                r.author.name.clone(),
                r.norm.id.clone(),
                lang.mandate_short(&r.mandate.outcome),
            ]
        })
        .collect();
    ctx.out
        .table(&lang.records_header(), &rows, 4, &[3, 5, 2])?;
    Ok(Outcome::Success)
}
