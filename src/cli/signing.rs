//! Finding the store and the signing key, and unlocking the key.

use super::{CliError, Context};
use crate::domain::keys::{KeyError, KeyFile, Signer};
use crate::domain::ops::adoption::AdoptionError;
use crate::domain::ops::keyring::KeyringChangeError;
use crate::domain::ops::keys::KeyFileError;
use crate::domain::store::{Store, StoreError};

/// The grant under which `key` may sign now, or the error saying it is not
/// in the store's keyring.
pub fn member_grant(
    keyring: &crate::domain::keyring::Keyring,
    key: &KeyFile,
    ctx: &Context,
) -> Result<crate::domain::keyring::Grant, CliError> {
    keyring
        .grant_of_key(key.public_key(), ctx.now)
        .cloned()
        .map_err(|fingerprint| store_error(ctx, &StoreError::NotAMember(fingerprint)))
}

pub fn open_store(ctx: &Context) -> Result<Store, CliError> {
    Store::open(ctx.store_dir()?).map_err(|e| store_error(ctx, &e))
}

/// A store error in the user's language, with a way out where there is
/// one.
pub fn store_error(ctx: &Context, error: &StoreError) -> CliError {
    let lang = ctx.lang;
    let help = match error {
        StoreError::NotAStore { .. } => Some(lang.not_a_store_help()),
        StoreError::NotAMember(_) => Some(lang.key_not_in_keyring_help()),
        StoreError::Key(e) => return key_error(ctx, e),
        _ => None,
    };
    CliError::input(lang.store_problem(error), help)
}

pub fn key_error(ctx: &Context, error: &KeyError) -> CliError {
    let lang = ctx.lang;
    let help = matches!(error, KeyError::Read(_)).then(|| lang.cannot_read_key_help());
    CliError::input(lang.key_problem(error), help)
}

/// A key that could not be made, in the user's language.
pub fn key_file_error(ctx: &Context, error: &KeyFileError) -> CliError {
    let lang = ctx.lang;
    match error {
        KeyFileError::Exists(_) => {
            CliError::input(lang.key_file_problem(error), Some(lang.key_exists_help()))
        }
        KeyFileError::Io { .. } => CliError::input(lang.key_file_problem(error), None),
        KeyFileError::Key(e) => key_error(ctx, e),
    }
}

/// An adoption or withdrawal of norm `id` that may not be made, in the
/// user's language.
pub fn adoption_error(ctx: &Context, id: &str, error: &AdoptionError) -> CliError {
    let lang = ctx.lang;
    CliError::input(
        lang.adoption_problem(id, error),
        lang.adoption_problem_help(id, error),
    )
}

/// A keyring change that may not be made, in the user's language.
pub fn keyring_change_error(ctx: &Context, error: &KeyringChangeError) -> CliError {
    let lang = ctx.lang;
    match error {
        KeyringChangeError::BadPrincipal(p) => {
            CliError::input(lang.bad_principal(p), Some(lang.bad_principal_help()))
        }
        KeyringChangeError::AlreadyMember(p) => {
            CliError::input(lang.already_member(p), Some(lang.already_member_help()))
        }
        KeyringChangeError::NotAMember(p) => CliError::input(lang.not_a_member(p), None),
        KeyringChangeError::UnknownRole { role, known } => {
            CliError::input(lang.unknown_role(role), Some(lang.known_roles(known)))
        }
        KeyringChangeError::BadPublicKey => CliError::input(lang.bad_public_key(), None),
        KeyringChangeError::KeyBelongsTo(p) => CliError::input(lang.key_belongs_to(p), None),
        KeyringChangeError::Missing(flags) => {
            CliError::input(lang.add_needs(&flags.join(", ")), None)
        }
        KeyringChangeError::NotBeheerder => CliError::input(lang.not_beheerder(), None),
        KeyringChangeError::BadName => CliError::input(lang.bad_member_name(), None),
        KeyringChangeError::EndsBeforeStart { from, until } => CliError::input(
            lang.ends_before_start(*from, *until),
            Some(lang.ends_before_start_help()),
        ),
        KeyringChangeError::NoReason => CliError::input(lang.revocation_needs_reason(), None),
        KeyringChangeError::FromInPast { from } => CliError::input(
            lang.valid_from_in_past(*from),
            Some(lang.valid_from_in_past_help()),
        ),
    }
}

/// The key file at `path`, not yet unlocked.
pub fn read_key(path: &std::path::Path, ctx: &Context) -> Result<KeyFile, CliError> {
    KeyFile::read(path).map_err(|e| match e {
        KeyError::Read(io) => CliError::input(
            ctx.lang
                .cannot_read_key_at(&path.display().to_string(), &io),
            Some(ctx.lang.cannot_read_key_help()),
        ),
        other => key_error(ctx, &other),
    })
}

/// A passphrase from `MAATWERK_PASSPHRASE_FILE`, else asked on the terminal
/// without echo.
pub fn passphrase(ctx: &Context, prompt: &str) -> Result<String, CliError> {
    if let Some(file) = &ctx.config.passphrase_file {
        let text = std::fs::read_to_string(file).map_err(|e| {
            CliError::input(
                ctx.lang
                    .cannot_read_passphrase_file(&file.display().to_string(), &e),
                None,
            )
        })?;
        return Ok(text.trim_end_matches(['\n', '\r']).to_owned());
    }
    rpassword::prompt_password(prompt).map_err(|_| {
        CliError::input(
            ctx.lang.no_terminal_for_passphrase(),
            Some(ctx.lang.passphrase_file_help()),
        )
    })
}

/// Unlocks `key`, asking for the passphrase only when it is encrypted.
pub fn unlock(key: &KeyFile, ctx: &Context) -> Result<Signer, CliError> {
    let phrase = if key.is_encrypted() {
        Some(passphrase(ctx, &ctx.lang.passphrase_prompt())?)
    } else {
        None
    };
    key.unlock(phrase.as_deref())
        .map_err(|e| key_error(ctx, &e))
}
