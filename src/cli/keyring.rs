//! `maatwerk keyring …`: the team's people, roles and keys.

mod add;
mod allowed_signers;
mod list;
mod revoke;

use clap::Subcommand;

use super::{CliError, Context, Outcome};

#[derive(Debug, Subcommand)]
pub enum KeyringCommand {
    Add(add::AddArgs),
    Revoke(revoke::RevokeArgs),
    List(list::ListArgs),
    AllowedSigners(allowed_signers::AllowedSignersArgs),
}

pub fn run(command: &KeyringCommand, ctx: &mut Context) -> Result<Outcome, CliError> {
    match command {
        KeyringCommand::Add(args) => add::run(args, ctx),
        KeyringCommand::Revoke(args) => revoke::run(args, ctx),
        KeyringCommand::List(args) => list::run(args, ctx),
        KeyringCommand::AllowedSigners(args) => allowed_signers::run(args, ctx),
    }
}

/// Your key, not yet unlocked, and the grant it signs under in `keyring`
/// now: who signs a keyring change.
fn signing_member(
    keyring: &crate::domain::keyring::Keyring,
    ctx: &Context,
) -> Result<(crate::domain::keys::KeyFile, crate::domain::keyring::Grant), CliError> {
    use super::signing::{member_grant, read_key};
    let key = read_key(ctx.key_path()?, ctx)?;
    let grant = member_grant(keyring, &key, ctx)?;
    Ok((key, grant))
}

/// Signs `entry` with `key` and adds it to the keyring; prints its id.
fn write_entry(
    store: &crate::domain::store::Store,
    key: &crate::domain::keys::KeyFile,
    entry: &crate::domain::keyring::KeyringEntry,
    ctx: &mut Context,
) -> Result<Outcome, CliError> {
    use super::signing::{store_error, unlock};
    let signer = unlock(key, ctx)?;
    let path = store
        .add_keyring_entry(entry, &signer)
        .map_err(|e| store_error(ctx, &e))?;
    ctx.out
        .err_line(&ctx.lang.keyring_entry_written(&path.display().to_string()))?;
    ctx.out.line(&entry.id)?;
    Ok(Outcome::Success)
}

/// A date or a timestamp given with `flag`, as the start of that day in
/// UTC when only a date is given.
pub(crate) fn moment_arg(
    ctx: &Context,
    flag: &str,
    text: Option<&str>,
) -> Result<Option<jiff::Timestamp>, CliError> {
    let Some(text) = text else { return Ok(None) };
    if let Ok(t) = text.parse::<jiff::Timestamp>() {
        return Ok(Some(t));
    }
    text.parse::<jiff::civil::Date>()
        .ok()
        .and_then(|d| d.to_zoned(jiff::tz::TimeZone::UTC).ok())
        .map(|z| Some(z.timestamp()))
        .ok_or_else(|| CliError::input(ctx.lang.bad_moment_arg(flag, text), None))
}
