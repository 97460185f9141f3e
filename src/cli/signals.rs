use clap::Args;

use super::signing::{open_store, store_error};
use super::{CliError, Context, Global, Outcome};
use crate::domain::signal::Signal;

/// List the signals: cases for which no agreed norm fitted, newest last
#[derive(Debug, Args)]
pub struct SignalsArgs {
    /// Only signals about this norm
    #[arg(long)]
    pub norm: Option<String>,
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &SignalsArgs, global: &Global, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let store = open_store(global, ctx)?;
    let mut signals: Vec<Signal> = Vec::new();
    let mut unreadable = 0;
    for path in store.signal_files().map_err(|e| store_error(ctx, &e))? {
        match std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| toml::from_str::<Signal>(&t).ok())
        {
            Some(s)
                if args
                    .norm
                    .as_ref()
                    .is_none_or(|n| s.norm.as_ref().is_some_and(|t| t.id == *n)) =>
            {
                signals.push(s);
            }
            Some(_) => {}
            None => unreadable += 1,
        }
    }
    signals.sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
    if unreadable > 0 {
        ctx.out.err_line(&lang.records_unreadable(unreadable))?;
    }
    if args.json {
        ctx.out.json(&signals)?;
        return Ok(Outcome::Success);
    }
    if signals.is_empty() {
        ctx.out.line(lang.no_signals())?;
        return Ok(Outcome::Success);
    }
    let rows: Vec<Vec<String>> = signals
        .iter()
        .map(|s| {
            vec![
                s.id.clone(),
                s.created
                    .to_zoned(jiff::tz::TimeZone::UTC)
                    .date()
                    .to_string(),
                s.case.clone(),
                s.author.name.clone(),
                s.norm.as_ref().map_or("—".to_owned(), |n| n.id.clone()),
                s.text.replace('\n', " "),
            ]
        })
        .collect();
    ctx.out
        .table(&lang.signals_header(), &rows, 5, &[3, 4, 1])?;
    Ok(Outcome::Success)
}
