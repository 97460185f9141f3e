use clap::Args;

use super::signing::{open_store, store_error};
use super::{CliError, Context, Outcome};

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

pub fn run(args: &SignalsArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let store = open_store(ctx)?;
    let found = store
        .signals(args.norm.as_deref())
        .map_err(|e| store_error(ctx, &e))?;
    let (signals, unreadable) = (found.items, found.unreadable);
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
                lang.day(
                    s.created
                        .to_zoned(ctx.config.clock.time_zone().clone())
                        .date(),
                ),
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
