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

/// A date or a timestamp on the command line, as the start of that day in
/// UTC when only a date is given.
pub(crate) fn parse_moment(text: &str) -> Result<jiff::Timestamp, String> {
    if let Ok(t) = text.parse::<jiff::Timestamp>() {
        return Ok(t);
    }
    text.parse::<jiff::civil::Date>()
        .ok()
        .and_then(|d| d.to_zoned(jiff::tz::TimeZone::UTC).ok())
        .map(|z| z.timestamp())
        .ok_or_else(|| format!("`{text}` is not a date (YYYY-MM-DD) or timestamp (RFC 3339)"))
}
