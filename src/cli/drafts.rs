use clap::Args;

use super::{CliError, Context, Outcome, load_catalog};
use crate::domain::draft::{Drafts, NormState};

/// List unsigned drafts of the walkthrough, or discard one. Drafts are
/// working copies: never signed, never exported, never in the store
#[derive(Debug, Args)]
pub struct DraftsArgs {
    /// Discard the draft with this id
    #[arg(long, value_name = "ID")]
    pub discard: Option<String>,
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(serde::Serialize)]
struct JsonDraft<'a> {
    id: &'a str,
    created: jiff::Timestamp,
    updated: jiff::Timestamp,
    step: crate::domain::draft::Step,
    norm: Option<&'a str>,
    norm_changed: bool,
    case: &'a str,
}

pub fn run(args: &DraftsArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let drafts = Drafts::new(ctx.drafts_dir()?);
    if let Some(id) = &args.discard {
        drafts.discard(id).map_err(|_| {
            CliError::input(lang.no_such_draft(id), Some(lang.no_such_draft_help()))
        })?;
        ctx.out.err_line(&lang.draft_discarded(id))?;
        return Ok(Outcome::Success);
    }
    let list = drafts.list()?;
    let catalog = load_catalog(ctx)?;
    if args.json {
        let json: Vec<JsonDraft<'_>> = list
            .iter()
            .map(|d| JsonDraft {
                id: &d.id,
                created: d.created,
                updated: d.updated,
                step: d.step,
                norm: d.norm.as_ref().map(|n| n.id.as_str()),
                norm_changed: matches!(
                    d.norm_state(&catalog),
                    NormState::Changed { .. } | NormState::Gone
                ),
                case: &d.case,
            })
            .collect();
        ctx.out.json(&json)?;
        return Ok(Outcome::Success);
    }
    if list.is_empty() {
        ctx.out.line(lang.no_drafts())?;
        return Ok(Outcome::Success);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|d| {
            let norm = match (d.norm.as_ref(), d.norm_state(&catalog)) {
                (None, _) => "—".to_owned(),
                (Some(n), NormState::Unchanged) => n.id.clone(),
                (Some(n), _) => lang.draft_norm_changed(&n.id),
            };
            vec![
                d.id.clone(),
                lang.day_time(d.updated, ctx.config.clock.time_zone()),
                if d.case.trim().is_empty() {
                    lang.draft_without_case().to_owned()
                } else {
                    d.case.clone()
                },
                norm,
            ]
        })
        .collect();
    ctx.out.table(&lang.drafts_header(), &rows, 3, &[1])?;
    Ok(Outcome::Success)
}
