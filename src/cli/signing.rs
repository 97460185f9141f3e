//! Finding the store and the signing key, and unlocking the key.

use super::{CliError, Context};
use crate::domain::keys::{KeyError, KeyFile, Signer};
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
    let fingerprint = crate::domain::keys::Fingerprint::of(key.public_key());
    keyring
        .grant_for_key(&fingerprint, ctx.now)
        .cloned()
        .ok_or_else(|| store_error(ctx, &StoreError::NotAMember(fingerprint)))
}

pub fn open_store(ctx: &Context) -> Result<Store, CliError> {
    Store::open(ctx.store_dir()?).map_err(|e| store_error(ctx, &e))
}

/// A store error in the user's language.
pub fn store_error(ctx: &Context, error: &StoreError) -> CliError {
    let lang = ctx.lang;
    match error {
        StoreError::NotAStore { dir } => CliError::input(
            lang.not_a_store(&dir.display().to_string()),
            Some(lang.not_a_store_help()),
        ),
        StoreError::AlreadyAStore { dir } => {
            CliError::input(lang.already_a_store(&dir.display().to_string()), None)
        }
        StoreError::NotAMember(fp) => CliError::input(
            lang.key_not_in_keyring(fp.as_str()),
            Some(lang.key_not_in_keyring_help()),
        ),
        StoreError::NotBeheerder => CliError::input(lang.not_beheerder(), None),
        StoreError::Key(e) => key_error(ctx, e),
        other => CliError::input(other.to_string(), None),
    }
}

pub fn key_error(ctx: &Context, error: &KeyError) -> CliError {
    let lang = ctx.lang;
    match error {
        KeyError::Read(e) => CliError::input(
            lang.cannot_read_key(&e.to_string()),
            Some(lang.cannot_read_key_help()),
        ),
        KeyError::Format(_) | KeyError::NotEd25519 => {
            CliError::input(lang.not_an_ed25519_key(), None)
        }
        KeyError::Passphrase => CliError::input(lang.wrong_passphrase(), None),
        KeyError::Sign(e) => CliError::input(e.to_string(), None),
    }
}

/// A key that could not be made, in the user's language.
pub fn key_file_error(ctx: &Context, error: &KeyFileError) -> CliError {
    let lang = ctx.lang;
    match error {
        KeyFileError::Exists(path) => CliError::input(
            lang.key_exists(&path.display().to_string()),
            Some(lang.key_exists_help()),
        ),
        KeyFileError::Io { path, source } => CliError::input(
            lang.cannot_write(&path.display().to_string(), &source.to_string()),
            None,
        ),
        KeyFileError::Key(e) => key_error(ctx, e),
    }
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
    }
}

/// The key file at `path`, not yet unlocked.
pub fn read_key(path: &std::path::Path, ctx: &Context) -> Result<KeyFile, CliError> {
    KeyFile::read(path).map_err(|e| match e {
        KeyError::Read(io) => CliError::input(
            ctx.lang
                .cannot_read_key_at(&path.display().to_string(), &io.to_string()),
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
                    .cannot_read_passphrase_file(&file.display().to_string(), &e.to_string()),
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
