use clap::Args;
use jiff::Timestamp;

use super::{parse_moment, signing_member};
use crate::cli::signing::{keyring_change_error, open_store, store_error, unlock};
use crate::cli::{CliError, Context, Outcome};
use crate::domain::ops::keyring::plan_revocation;

/// Revoke a person's right to sign, from now or from a given moment.
/// Signed with your key; you must be a beheerder
#[derive(Debug, Args)]
pub struct RevokeArgs {
    /// The principal to revoke
    pub principal: String,
    /// Why, for the record
    #[arg(long)]
    pub reason: String,
    /// From when (date or RFC 3339 timestamp) [default: now]
    #[arg(long, value_name = "WHEN", value_parser = parse_moment)]
    pub from: Option<Timestamp>,
}

pub fn run(args: &RevokeArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let store = open_store(ctx)?;
    let keyring = store.keyring().map_err(|e| store_error(ctx, &e))?;
    let (key, by) = signing_member(&keyring, ctx)?;
    let entry = plan_revocation(
        &keyring,
        &args.principal,
        &args.reason,
        args.from,
        &by,
        ctx.now,
    )
    .map_err(|e| keyring_change_error(ctx, &e))?;
    let signer = unlock(&key, ctx)?;
    let path = store
        .add_keyring_entry(&entry, &signer)
        .map_err(|e| store_error(ctx, &e))?;
    ctx.out
        .err_line(&lang.keyring_entry_written(&path.display().to_string()))?;
    ctx.out.line(&entry.id)?;
    Ok(Outcome::Success)
}
