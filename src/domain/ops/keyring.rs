//! Changing the keyring: adding a member, changing one, revoking one. Each
//! change is planned against the store's roles and the keyring as it is —
//! before anyone is asked for a passphrase — then signed by someone who
//! manages the keyring.

use jiff::Timestamp;

use crate::domain::keyring::{Action, Grant, KEYRING_FORMAT, Keyring, KeyringEntry, is_principal};
use crate::domain::keys::{Fingerprint, parse_public_key};
use crate::domain::store::StoreConfig;
use crate::domain::store::files::new_id;

/// An addition or change as asked for.
#[derive(Debug, Clone, Default)]
pub struct MemberChange {
    pub principal: String,
    pub name: Option<String>,
    pub role: Option<String>,
    /// An `ssh-ed25519 AAAA…` line.
    pub public_key: Option<String>,
    pub beheerder: Option<bool>,
    pub valid_from: Option<Timestamp>,
    pub valid_until: Option<Timestamp>,
    /// Change an existing member rather than add one.
    pub change: bool,
}

/// Why a keyring change may not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyringChangeError {
    #[error("`{0}` is not a usable principal")]
    BadPrincipal(String),
    #[error("`{0}` is already in the keyring")]
    AlreadyMember(String),
    #[error("`{0}` is not in the keyring")]
    NotAMember(String),
    #[error("`{role}` is not one of the store's roles")]
    UnknownRole { role: String, known: Vec<String> },
    #[error("not an ssh-ed25519 public key")]
    BadPublicKey,
    #[error("the key already belongs to `{0}`")]
    KeyBelongsTo(String),
    #[error("missing: {}", .0.join(", "))]
    Missing(Vec<&'static str>),
    #[error("only a beheerder may change the keyring")]
    NotBeheerder,
    /// A name that is empty or holds control characters (a new line).
    #[error("the name is empty or not one line")]
    BadName,
    #[error("the grant would end ({until}) before it starts ({from})")]
    EndsBeforeStart { from: Timestamp, until: Timestamp },
    #[error("a revocation needs a reason")]
    NoReason,
    /// A grant may not count from before now: trust is not given into the
    /// past.
    #[error("--valid-from ({from}) lies before now")]
    FromInPast { from: Timestamp },
}

/// The entry that adds or changes a member, to be signed by `by` at `now`.
pub fn plan_member(
    config: &StoreConfig,
    keyring: &Keyring,
    change: &MemberChange,
    by: &Grant,
    now: Timestamp,
) -> Result<KeyringEntry, KeyringChangeError> {
    let principal = &change.principal;
    if !is_principal(principal) {
        return Err(KeyringChangeError::BadPrincipal(principal.clone()));
    }
    let existing = keyring.member_at(principal, now).is_some();
    if existing && !change.change {
        return Err(KeyringChangeError::AlreadyMember(principal.clone()));
    }
    if !existing && change.change {
        return Err(KeyringChangeError::NotAMember(principal.clone()));
    }
    if let Some(role) = &change.role
        && !config.roles.contains(role)
    {
        return Err(KeyringChangeError::UnknownRole {
            role: role.clone(),
            known: config.roles.clone(),
        });
    }
    if let Some(name) = &change.name
        && (name.trim().is_empty()
            || name.chars().any(char::is_control)
            || crate::domain::text::has_hidden_control(name))
    {
        return Err(KeyringChangeError::BadName);
    }
    let from = change.valid_from.unwrap_or(now);
    if from.as_second() < now.as_second() - crate::domain::keyring::BACKDATE_SLACK_SECONDS {
        return Err(KeyringChangeError::FromInPast { from });
    }
    if let Some(until) = change.valid_until
        && until <= from
    {
        return Err(KeyringChangeError::EndsBeforeStart { from, until });
    }
    let public_key = match &change.public_key {
        None => None,
        Some(line) => Some(checked_key(keyring, principal, line)?),
    };
    if !change.change {
        let missing: Vec<&'static str> = [
            ("--name", change.name.is_none()),
            ("--role", change.role.is_none()),
            ("--public-key", public_key.is_none()),
        ]
        .into_iter()
        .filter_map(|(flag, missing)| missing.then_some(flag))
        .collect();
        if !missing.is_empty() {
            return Err(KeyringChangeError::Missing(missing));
        }
    }
    manager(by)?;
    Ok(KeyringEntry {
        format: KEYRING_FORMAT.into(),
        id: new_id("KR", now),
        created: now,
        follows: Some(keyring.heads()),
        action: if change.change {
            Action::Change
        } else {
            Action::Add
        },
        principal: principal.clone(),
        name: change.name.clone(),
        role: change.role.clone(),
        beheerder: change.beheerder,
        public_key,
        valid_from: from,
        valid_until: change.valid_until,
        signed_by: by.principal.clone(),
        reason: None,
        config: None,
    })
}

/// The entry that revokes `principal` from `from` (default `now`), to be
/// signed by `by`.
pub fn plan_revocation(
    keyring: &Keyring,
    principal: &str,
    reason: &str,
    from: Option<Timestamp>,
    by: &Grant,
    now: Timestamp,
) -> Result<KeyringEntry, KeyringChangeError> {
    let from = from.unwrap_or(now);
    if reason.trim().is_empty() {
        return Err(KeyringChangeError::NoReason);
    }
    if keyring.member_at(principal, from).is_none() {
        return Err(KeyringChangeError::NotAMember(principal.to_owned()));
    }
    manager(by)?;
    Ok(KeyringEntry {
        format: KEYRING_FORMAT.into(),
        id: new_id("KR", now),
        created: now,
        follows: Some(keyring.heads()),
        action: Action::Revoke,
        principal: principal.to_owned(),
        name: None,
        role: None,
        beheerder: None,
        public_key: None,
        valid_from: from,
        valid_until: None,
        signed_by: by.principal.clone(),
        reason: Some(reason.to_owned()),
        config: None,
    })
}

fn manager(by: &Grant) -> Result<(), KeyringChangeError> {
    if by.manages_keyring() {
        Ok(())
    } else {
        Err(KeyringChangeError::NotBeheerder)
    }
}

/// The key as `ssh-ed25519 AAAA…` without its comment; refused when it
/// already belongs to someone else.
fn checked_key(
    keyring: &Keyring,
    principal: &str,
    line: &str,
) -> Result<String, KeyringChangeError> {
    let key = parse_public_key(line).ok_or(KeyringChangeError::BadPublicKey)?;
    let fingerprint = Fingerprint::of(&key);
    if let Some(other) = keyring
        .grants()
        .iter()
        .find(|g| g.fingerprint == fingerprint && g.principal != principal)
    {
        return Err(KeyringChangeError::KeyBelongsTo(other.principal.clone()));
    }
    Ok(line
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" "))
}
