use clap::Args;
use serde::Serialize;

use super::signing::{open_store, store_error};
use super::{CliError, Context, Outcome};
use crate::domain::keys::KeyFile;
use crate::domain::ops::review::{self, Subject};

/// List the records waiting for your review, oldest first, with how long
/// they have waited and why they need review. Without a key in the
/// keyring (or with --all), every record waiting for review
#[derive(Debug, Args)]
pub struct ReviewsArgs {
    /// Every record waiting for review, not only those you may review
    #[arg(long)]
    pub all: bool,
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct JsonWaiting<'a> {
    id: &'a str,
    created: jiff::Timestamp,
    waiting_days: i64,
    decision_date: jiff::civil::Date,
    case: &'a str,
    author: &'a str,
    role: &'a str,
    norm: &'a str,
    norm_version: u32,
    waiting_for: Option<&'a str>,
    why: Vec<String>,
    file: &'a str,
}

pub fn run(args: &ReviewsArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let store = open_store(ctx)?;
    let state = store.state().map_err(|e| store_error(ctx, &e))?;
    // Whose inbox: the key's holder, when the key is in the keyring now.
    let me = if args.all {
        None
    } else {
        ctx.key_path()
            .ok()
            .and_then(|path| KeyFile::read(path).ok())
            .and_then(|key| state.keyring.grant_of_key(key.public_key(), ctx.now).ok())
            .map(crate::domain::keyring::Grant::author)
    };
    let found =
        review::inbox(&store, &state, me.as_ref(), ctx.today).map_err(|e| store_error(ctx, &e))?;
    if found.unreadable > 0 {
        ctx.out
            .err_line(&lang.records_unreadable(found.unreadable))?;
    }
    let days = |s: &Subject| {
        let signed = s
            .stored
            .record
            .created
            .to_zoned(jiff::tz::TimeZone::UTC)
            .date();
        (ctx.today - signed).get_days().max(0).into()
    };
    // Why it waits: beyond the author's mandaat, and past a total when
    // counted again in the store as it is now.
    let why = |s: &Subject| lang.why_waiting(s).0;
    if args.json {
        let json: Vec<JsonWaiting<'_>> = found
            .items
            .iter()
            .map(|s| {
                let r = &s.stored.record;
                JsonWaiting {
                    id: &r.id,
                    created: r.created,
                    waiting_days: days(s),
                    decision_date: r.decision_date,
                    case: &r.case,
                    author: &r.author.principal,
                    role: &r.author.role,
                    norm: &r.norm.id,
                    norm_version: r.norm.version,
                    waiting_for: s.waiting_for(),
                    why: why(s),
                    file: &s.stored.file,
                }
            })
            .collect();
        ctx.out.json(&json)?;
        return Ok(Outcome::Success);
    }
    if found.items.is_empty() {
        ctx.out.line(lang.nothing_to_review())?;
        return Ok(Outcome::Success);
    }
    let rows: Vec<Vec<String>> = found
        .items
        .iter()
        .map(|s| {
            let r = &s.stored.record;
            vec![
                r.id.clone(),
                lang.waiting_days(days(s)),
                r.case.clone(),
                r.author.name.clone(),
                r.norm.id.clone(),
                why(s).join("; "),
            ]
        })
        .collect();
    ctx.out.table(&lang.reviews_header(), &rows, 5, &[4, 2])?;
    Ok(Outcome::Success)
}
