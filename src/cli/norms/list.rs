use clap::Args;
use jiff::civil::Date;
use serde::Serialize;

use crate::cli::{CliError, Context, Outcome, date_arg, load_catalog, warn_broken};
use crate::domain::adoption::{Adoptions, Standing};
use crate::domain::norm::catalog::{Catalog, LoadedNorm};
use crate::domain::norm::{Status, Unusable};

/// List the agreed norms: by default those a new decision may rely on today
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Also list concept, withdrawn and expired norms, with why they cannot
    /// be chosen
    #[arg(long)]
    pub all: bool,
    /// List what was usable on this date instead of today (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct JsonNorm<'a> {
    id: &'a str,
    version: u32,
    title: &'a str,
    domain: &'a str,
    status: Status,
    valid_from: Date,
    valid_until: Option<Date>,
    usable: bool,
    unusable: Option<Unusable>,
    sha256: &'a str,
    source: &'a str,
    /// Its standing in the configured store, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    in_store: Option<Standing>,
}

pub fn run(args: &ListArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let catalog = load_catalog(ctx)?;
    let on = date_arg(ctx, "--on", args.on.as_deref())?.unwrap_or(ctx.today);
    warn_broken(&catalog, ctx)?;
    let adoptions = super::store_adoptions(ctx);
    let shown: Vec<&LoadedNorm> = catalog
        .norms()
        .iter()
        .filter(|n| args.all || n.norm.usability(on).is_ok())
        .collect();
    if args.json {
        let json: Vec<JsonNorm<'_>> = shown
            .iter()
            .map(|n| JsonNorm {
                id: &n.norm.id,
                version: n.norm.version,
                title: &n.norm.title,
                domain: &n.norm.domain,
                status: n.norm.status,
                valid_from: n.norm.valid_from,
                valid_until: n.norm.valid_until,
                usable: n.norm.usability(on).is_ok(),
                unusable: n.norm.usability(on).err(),
                sha256: n.sha256().as_str(),
                source: n.source.name(),
                in_store: adoptions
                    .as_ref()
                    .map(|a| a.standing(&n.norm.id, n.sha256().as_str())),
            })
            .collect();
        ctx.out.json(&json)?;
        return Ok(Outcome::Success);
    }
    print_table(ctx, &catalog, &shown, on, args.all, adoptions.as_ref())?;
    Ok(Outcome::Success)
}

/// The norms table shared with the overview; with the store's adoptions,
/// a column says each norm's standing there.
pub(crate) fn print_table(
    ctx: &mut Context,
    catalog: &Catalog,
    shown: &[&LoadedNorm],
    on: Date,
    all: bool,
    adoptions: Option<&Adoptions>,
) -> std::io::Result<()> {
    let lang = ctx.lang;
    let usable = catalog.usable_on(on).count();
    let heading = if all {
        lang.all_norms_heading(catalog.norms().len(), usable, on, &catalog.origin)
    } else {
        lang.usable_norms_heading(usable, on, &catalog.origin)
    };
    let heading = ctx.out.paint(anstyle::Style::new().bold(), &heading);
    ctx.out.line(&heading)?;
    if shown.is_empty() {
        ctx.out.line(&lang.no_norms_to_show(all))?;
        return Ok(());
    }
    ctx.out.blank()?;
    // Columns: id, version, title, domain, [status,] valid[, usable]. In
    // the default list every norm is vastgesteld, so status says nothing.
    let [id, version, title, domain, status, valid] = lang.norm_table_header();
    let mut header = vec![id, version, title, domain];
    if all {
        header.push(status);
    }
    header.push(valid);
    if all {
        header.push(lang.usable_column());
    }
    if adoptions.is_some() {
        header.push(lang.in_store_column());
    }
    let rows: Vec<Vec<String>> = shown
        .iter()
        .map(|n| {
            let mut row = vec![
                n.norm.id.clone(),
                n.norm.version.to_string(),
                n.norm.title.clone(),
                n.norm.domain.clone(),
            ];
            if all {
                row.push(n.norm.status.as_str().to_owned());
            }
            row.push(super::validity(lang, &n.norm));
            if all {
                row.push(match n.norm.usability(on) {
                    Ok(()) => lang.usable_yes().to_owned(),
                    Err(why) => lang.unusable_short(&why),
                });
            }
            if let Some(adoptions) = adoptions {
                row.push(lang.standing_short(&adoptions.standing(&n.norm.id, n.sha256().as_str())));
            }
            row
        })
        .collect();
    // On a narrow terminal: first the dates go, then domain, status, version.
    let drop: &[usize] = if all { &[5, 3, 4, 1] } else { &[4, 3, 1] };
    ctx.out.table(&header, &rows, 2, drop)
}
