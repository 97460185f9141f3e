use clap::Args;
use serde::Serialize;

use super::signing::{open_store, store_error};
use super::{CliError, Context, Outcome};
use crate::domain::due::{self, DueKind};
use crate::domain::duration::CalendarDuration;
use crate::domain::lifecycle::Status;
use crate::domain::store::{Ledger, RecordFilter, with_status};

/// List what falls due: decisions whose norm asks to re-assess them
/// (`review_after`), overdue ones included, and departures whose period
/// ends soon; soonest first
#[derive(Debug, Args)]
pub struct DueArgs {
    /// How far ahead to look, as an ISO 8601 period (P30D, P2M)
    #[arg(long, value_name = "PERIOD", default_value = "P30D")]
    pub within: String,
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct JsonDue<'a> {
    id: &'a str,
    kind: DueKind,
    on: jiff::civil::Date,
    days_left: i32,
    overdue: bool,
    case: &'a str,
    author: &'a str,
    norm: &'a str,
    status: Status,
    file: &'a str,
}

pub fn run(args: &DueArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let within = CalendarDuration::parse_iso(args.within.trim())
        .map_err(|_| CliError::input(lang.bad_period_arg("--within", &args.within), None))?;
    let store = open_store(ctx)?;
    let state = store.state().map_err(|e| store_error(ctx, &e))?;
    let filter = RecordFilter {
        brief: true,
        ..RecordFilter::default()
    };
    let today = ctx.today;
    let until = due::window_end(today, within);
    let kept = with_status(&store, &state, &filter, today, &|life| {
        matches!(life.status, Status::Decided | Status::Approved)
    })
    .map_err(|e| store_error(ctx, &e))?;
    let ledger = Ledger::new(&store, &state, &kept.acts, &kept.records);
    let mut rows = Vec::new();
    for (stored, life) in kept.records.iter().zip(&kept.lives) {
        let norm = ledger.norm(&stored.record);
        for d in due::due(&stored.record, norm.as_deref(), life, today, until) {
            rows.push((d, stored, life.status));
        }
    }
    rows.sort_by(|a, b| (a.0.on, &a.1.record.id).cmp(&(b.0.on, &b.1.record.id)));
    let unreadable = kept.unreadable;
    if unreadable > 0 {
        ctx.out.err_line(&lang.records_unreadable(unreadable))?;
    }
    let days_left = |on: jiff::civil::Date| (on - today).get_days();
    if args.json {
        let json: Vec<JsonDue<'_>> = rows
            .iter()
            .map(|(d, s, status)| JsonDue {
                id: &s.record.id,
                kind: d.kind,
                on: d.on,
                days_left: days_left(d.on),
                overdue: d.on < today,
                case: &s.record.case,
                author: &s.record.author.principal,
                norm: &s.record.norm.id,
                status: *status,
                file: &s.file,
            })
            .collect();
        ctx.out.json(&json)?;
        return Ok(Outcome::Success);
    }
    if rows.is_empty() {
        ctx.out.line(&lang.nothing_due(&args.within))?;
        return Ok(Outcome::Success);
    }
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|(d, s, _)| {
            vec![
                s.record.id.clone(),
                lang.due_kind(d.kind).to_owned(),
                lang.day(d.on),
                lang.days_left(days_left(d.on)),
                s.record.case.clone(),
                s.record.author.name.clone(),
                s.record.norm.id.clone(),
            ]
        })
        .collect();
    ctx.out.table(&lang.due_header(), &table, 6, &[5, 4])?;
    Ok(Outcome::Success)
}
