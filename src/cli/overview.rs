//! `maatwerk` without a command: the norms usable today and how to go on.

use anstyle::Style;

use super::norms_table;
use super::{CliError, Context, Outcome, load_catalog, warn_broken};

pub fn run(ctx: &mut Context) -> Result<Outcome, CliError> {
    let catalog = load_catalog(ctx)?;
    warn_broken(&catalog, ctx)?;
    let lang = ctx.lang;
    ctx.out
        .wrapped_styled(Style::new().bold(), lang.tagline())?;
    ctx.out.blank()?;
    let today = ctx.today;
    let usable: Vec<_> = catalog.usable_on(today).collect();
    let adoptions = super::norms::store_adoptions(ctx);
    norms_table(ctx, &catalog, &usable, today, false, adoptions.as_ref())?;
    ctx.out.blank()?;
    ctx.out.line(lang.next_steps_heading())?;
    let hints = lang.next_steps();
    let rows: Vec<Vec<String>> = hints
        .iter()
        .map(|(cmd, what)| vec![format!("  {cmd}"), (*what).to_owned()])
        .collect();
    ctx.out.table(&["", ""], &rows, 1, &[])?;
    Ok(Outcome::Success)
}
