use clap::Args;

use super::{moment_arg, signing_member, write_entry};
use crate::cli::signing::{keyring_change_error, open_store, store_error};
use crate::cli::{CliError, Context, Outcome};
use crate::domain::keyring::is_principal;
use crate::domain::ops::keyring::{KeyringChangeError, MemberChange, plan_member};

/// Add a person to the keyring, or change their role, key or name
/// (`--change`). Signed with your key; you must be a beheerder
#[derive(Debug, Args)]
pub struct AddArgs {
    /// Their principal, e.g. their e-mail address
    #[arg(long, value_parser = crate::cli::principal_arg)]
    pub principal: String,
    /// Their name as it appears on what they sign
    #[arg(long)]
    pub name: Option<String>,
    /// Their role; one of the roles in the store's config
    #[arg(long)]
    pub role: Option<String>,
    /// Their public key: an `ssh-ed25519 AAAA…` line or a `.pub` file
    #[arg(long, value_name = "KEY")]
    pub public_key: Option<String>,
    /// From when (date or RFC 3339 timestamp) [default: now]
    #[arg(long, value_name = "WHEN")]
    pub valid_from: Option<String>,
    /// Until when, exclusive (date or RFC 3339 timestamp)
    #[arg(long, value_name = "WHEN")]
    pub valid_until: Option<String>,
    /// Whether they may also change the keyring, whatever their role
    /// (`true` or `false`; on `--change`, leaving it out keeps what it was)
    #[arg(long, value_name = "true|false")]
    pub beheerder: Option<bool>,
    /// Change an existing member instead of adding one
    #[arg(long)]
    pub change: bool,
}

pub fn run(args: &AddArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    if !is_principal(&args.principal) {
        return Err(keyring_change_error(
            ctx,
            &KeyringChangeError::BadPrincipal(args.principal.clone()),
        ));
    }
    let store = open_store(ctx)?;
    let config = store.config().map_err(|e| store_error(ctx, &e))?;
    let keyring = store.keyring().map_err(|e| store_error(ctx, &e))?;
    let public_key = match &args.public_key {
        // The key line itself, or a `.pub` file.
        Some(text) if text.starts_with("ssh-") => Some(text.clone()),
        Some(path) => Some(std::fs::read_to_string(path).map_err(|e| {
            CliError::input(
                ctx.lang.cannot_list(path, &e),
                Some(ctx.lang.public_key_help()),
            )
        })?),
        None => None,
    };
    let change = MemberChange {
        principal: args.principal.clone(),
        name: args.name.clone(),
        role: args.role.clone(),
        public_key,
        beheerder: args.beheerder,
        valid_from: moment_arg(ctx, "--valid-from", args.valid_from.as_deref())?,
        valid_until: moment_arg(ctx, "--valid-until", args.valid_until.as_deref())?,
        change: args.change,
    };
    let (key, by) = signing_member(&keyring, ctx)?;
    let entry = plan_member(&config, &keyring, &change, &by, ctx.now)
        .map_err(|e| keyring_change_error(ctx, &e))?;
    write_entry(&store, &key, &entry, ctx)
}
