use clap::Args;

use crate::cli::signing::{
    adoption_error, member_grant, open_store, read_key, store_error, unlock,
};
use crate::cli::{CliError, Context, Outcome, date_arg};
use crate::domain::ops::adoption::plan_withdrawal;

/// Withdraw an adopted norm in the store: from the given date no decision
/// may rely on it. Signed; you must be allowed to adopt norms. Prints the
/// withdrawal's id
#[derive(Debug, Args)]
pub struct WithdrawArgs {
    /// The id of the adopted norm
    pub id: String,
    /// From when no decision may rely on it (YYYY-MM-DD, today or later)
    #[arg(long, value_name = "DATE")]
    pub on: String,
    /// Why, for the record
    #[arg(long)]
    pub reason: String,
}

pub fn run(args: &WithdrawArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let on = date_arg(ctx, "--on", Some(&args.on))?.unwrap_or(ctx.today);
    if args.reason.trim().is_empty() {
        return Err(CliError::input(lang.reason_needed(), None));
    }
    let store = open_store(ctx)?;
    let state = store.state().map_err(|e| store_error(ctx, &e))?;
    let key = read_key(ctx.key_path()?, ctx)?;
    let grant = member_grant(&state.keyring, &key, ctx)?;
    let withdrawal = plan_withdrawal(
        &state,
        &args.id,
        (on, ctx.today),
        &args.reason,
        &grant,
        ctx.now,
    )
    .map_err(|e| adoption_error(ctx, &args.id, &e))?;
    let source = store
        .snapshot_source(&withdrawal.norm.sha256)
        .ok_or_else(|| CliError::input(lang.norm_not_adopted(&args.id), None))?;
    let signer = unlock(&key, ctx)?;
    let path = store
        .add_adoption(&withdrawal, &source, &signer)
        .map_err(|e| store_error(ctx, &e))?;
    ctx.out.err_line(&lang.norm_withdrawn(
        &args.id,
        on,
        &crate::domain::store::relative(store.dir(), &path),
    ))?;
    ctx.out.line(&withdrawal.id)?;
    Ok(Outcome::Success)
}
