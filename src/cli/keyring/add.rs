use clap::Args;
use jiff::Timestamp;

use super::{parse_moment, signing_member};
use crate::cli::signing::{open_store, store_error};
use crate::cli::{CliError, Context, Global, Outcome};
use crate::domain::keyring::{Action, KEYRING_FORMAT, KeyringEntry, is_principal};
use crate::domain::keys::{Fingerprint, parse_public_key};
use crate::domain::store::files::new_id;

/// Add a person to the keyring, or change their role, key or name
/// (`--change`). Signed with your key; you must be a beheerder
#[derive(Debug, Args)]
pub struct AddArgs {
    /// Their principal, e.g. their e-mail address
    #[arg(long)]
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
    #[arg(long, value_name = "WHEN", value_parser = parse_moment)]
    pub valid_from: Option<Timestamp>,
    /// Until when, exclusive (date or RFC 3339 timestamp)
    #[arg(long, value_name = "WHEN", value_parser = parse_moment)]
    pub valid_until: Option<Timestamp>,
    /// Whether they may also change the keyring, whatever their role
    /// (`true` or `false`; on `--change`, leaving it out keeps what it was)
    #[arg(long, value_name = "true|false")]
    pub beheerder: Option<bool>,
    /// Change an existing member instead of adding one
    #[arg(long)]
    pub change: bool,
}

pub fn run(args: &AddArgs, global: &Global, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    if !is_principal(&args.principal) {
        return Err(CliError::input(
            lang.bad_principal(&args.principal),
            Some(lang.bad_principal_help()),
        ));
    }
    let store = open_store(global, ctx)?;
    let config = store.config().map_err(|e| store_error(ctx, &e))?;
    let keyring = store.keyring().map_err(|e| store_error(ctx, &e))?;
    let existing = keyring.member_at(&args.principal, ctx.now).is_some();
    if existing && !args.change {
        return Err(CliError::input(
            lang.already_member(&args.principal),
            Some(lang.already_member_help()),
        ));
    }
    if !existing && args.change {
        return Err(CliError::input(lang.not_a_member(&args.principal), None));
    }
    if let Some(role) = &args.role
        && !config.roles.contains(role)
    {
        return Err(CliError::input(
            lang.unknown_role(role),
            Some(lang.known_roles(&config.roles)),
        ));
    }
    let public_key = public_key(args, &keyring, ctx)?;
    if !args.change {
        let missing: Vec<&str> = [
            ("--name", args.name.is_none()),
            ("--role", args.role.is_none()),
            ("--public-key", public_key.is_none()),
        ]
        .into_iter()
        .filter_map(|(flag, missing)| missing.then_some(flag))
        .collect();
        if !missing.is_empty() {
            return Err(CliError::input(lang.add_needs(&missing.join(", ")), None));
        }
    }
    let (signer, signed_by) = signing_member(&keyring, global, ctx)?;
    let entry = KeyringEntry {
        format: KEYRING_FORMAT.into(),
        id: new_id("KR", ctx.now),
        created: ctx.now,
        action: if args.change {
            Action::Change
        } else {
            Action::Add
        },
        principal: args.principal.clone(),
        name: args.name.clone(),
        role: args.role.clone(),
        beheerder: args.beheerder,
        public_key,
        valid_from: args.valid_from.unwrap_or(ctx.now),
        valid_until: args.valid_until,
        signed_by,
        reason: None,
    };
    let path = store
        .add_keyring_entry(&entry, &signer)
        .map_err(|e| store_error(ctx, &e))?;
    ctx.out
        .err_line(&lang.keyring_entry_written(&path.display().to_string()))?;
    ctx.out.line(&entry.id)?;
    Ok(Outcome::Success)
}

/// The `--public-key` as an `ssh-ed25519 AAAA…` line, read from a file when
/// it names one; refused when the key already belongs to someone else.
fn public_key(
    args: &AddArgs,
    keyring: &crate::domain::keyring::Keyring,
    ctx: &Context,
) -> Result<Option<String>, CliError> {
    let lang = ctx.lang;
    let Some(text) = &args.public_key else {
        return Ok(None);
    };
    let line = if std::path::Path::new(text).is_file() {
        std::fs::read_to_string(text)?
    } else {
        text.clone()
    };
    let key =
        parse_public_key(&line).ok_or_else(|| CliError::input(lang.bad_public_key(), None))?;
    let fingerprint = Fingerprint::of(&key);
    if let Some(other) = keyring
        .grants()
        .iter()
        .find(|g| g.fingerprint == fingerprint && g.principal != args.principal)
    {
        return Err(CliError::input(lang.key_belongs_to(&other.principal), None));
    }
    Ok(Some(
        line.split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" "),
    ))
}
