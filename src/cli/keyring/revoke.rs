use clap::Args;
use jiff::Timestamp;

use super::{parse_moment, signing_member};
use crate::cli::signing::{open_store, store_error};
use crate::cli::{CliError, Context, Global, Outcome};
use crate::domain::keyring::{Action, KEYRING_FORMAT, KeyringEntry};
use crate::domain::store::files::new_id;

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

pub fn run(args: &RevokeArgs, global: &Global, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let store = open_store(global, ctx)?;
    let keyring = store.keyring().map_err(|e| store_error(ctx, &e))?;
    let from = args.from.unwrap_or(ctx.now);
    if keyring.member_at(&args.principal, from).is_none() {
        return Err(CliError::input(lang.not_a_member(&args.principal), None));
    }
    let (signer, signed_by) = signing_member(&keyring, global, ctx)?;
    let entry = KeyringEntry {
        format: KEYRING_FORMAT.into(),
        id: new_id("KR", ctx.now),
        created: ctx.now,
        action: Action::Revoke,
        principal: args.principal.clone(),
        name: None,
        role: None,
        beheerder: None,
        public_key: None,
        valid_from: from,
        valid_until: None,
        signed_by,
        reason: Some(args.reason.clone()),
    };
    let path = store
        .add_keyring_entry(&entry, &signer)
        .map_err(|e| store_error(ctx, &e))?;
    ctx.out
        .err_line(&lang.keyring_entry_written(&path.display().to_string()))?;
    ctx.out.line(&entry.id)?;
    Ok(Outcome::Success)
}
