use clap::Args;

use super::{moment_arg, signing_member, write_entry};
use crate::cli::signing::{keyring_change_error, open_store, store_error};
use crate::cli::{CliError, Context, Outcome};
use crate::domain::ops::keyring::plan_revocation;

/// Revoke a person's right to sign, from now or from a given moment.
/// Signed with your key; you must be a beheerder
#[derive(Debug, Args)]
pub struct RevokeArgs {
    /// The principal to revoke
    #[arg(value_parser = crate::cli::principal_arg)]
    pub principal: String,
    /// Why, for the record
    #[arg(long)]
    pub reason: String,
    /// From when (date or RFC 3339 timestamp) [default: now]
    #[arg(long, value_name = "WHEN")]
    pub from: Option<String>,
}

pub fn run(args: &RevokeArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let store = open_store(ctx)?;
    let keyring = store.keyring().map_err(|e| store_error(ctx, &e))?;
    let (key, by) = signing_member(&keyring, ctx)?;
    let entry = plan_revocation(
        &keyring,
        &args.principal,
        &args.reason,
        moment_arg(ctx, "--from", args.from.as_deref())?,
        &by,
        ctx.now,
    )
    .map_err(|e| keyring_change_error(ctx, &e))?;
    write_entry(&store, &key, &entry, ctx)
}
