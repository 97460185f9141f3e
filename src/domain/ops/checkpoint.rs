//! Signing a checkpoint: where every chain of the store stands, witnessed
//! by a member who may witness ([`crate::domain::checkpoint`]).

use std::path::PathBuf;

use jiff::Timestamp;

use crate::domain::checkpoint::{CHECKPOINT_FORMAT, Checkpoint, may_witness};
use crate::domain::keyring::Grant;
use crate::domain::keys::Signer;
use crate::domain::store::files::new_id;
use crate::domain::store::{Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum CheckpointError {
    /// The member's role witnesses nothing.
    #[error("the role {role} may not sign checkpoints")]
    Role { role: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What a checkpoint signed now would name, and whether it names anything
/// a checkpoint of `grant`'s does not yet: the chains of others, the
/// keyring, the adoptions or the signals.
pub struct Prepared {
    checkpoint: Checkpoint,
}

impl Prepared {
    /// Whether it witnesses more than `last`, the witness's latest
    /// checkpoint: a chain of someone else's that moved on, another
    /// keyring or adoption state, or other signals.
    pub fn adds_to(&self, last: Option<&Checkpoint>) -> bool {
        let Some(last) = last else {
            return true;
        };
        let others = |c: &Checkpoint| {
            let mut heads: Vec<_> = c
                .chains
                .iter()
                .filter(|h| !h.dir.starts_with("checkpoints/"))
                .filter(|h| {
                    crate::domain::store::device::chain_principal(
                        h.dir.split_once('/').map_or("", |(_, d)| d),
                    ) != Some(self.checkpoint.witness.principal.as_str())
                })
                .cloned()
                .map(|h| (h.dir, h.seq, h.sha256))
                .collect();
            heads.sort();
            heads
        };
        let mut keyring = self.checkpoint.keyring.clone();
        let mut before = last.keyring.clone();
        keyring.sort();
        before.sort();
        others(&self.checkpoint) != others(last)
            || keyring != before
            || self.checkpoint.adoptions != last.adoptions
            || self.checkpoint.signals != last.signals
    }

    pub fn checkpoint(&self) -> &Checkpoint {
        &self.checkpoint
    }
}

/// What `grant` would witness in `store` at `at`, under the keyring and
/// adoption heads given.
pub fn prepare(
    store: &Store,
    grant: &Grant,
    (keyring, adoptions): (Vec<String>, Vec<String>),
    at: Timestamp,
) -> Result<Prepared, CheckpointError> {
    if !may_witness(&grant.role) {
        return Err(CheckpointError::Role {
            role: grant.role.clone(),
        });
    }
    let (chains, signals) = store.heads()?;
    Ok(Prepared {
        checkpoint: Checkpoint {
            format: CHECKPOINT_FORMAT.into(),
            id: new_id("CP", at),
            created: at,
            seq: 0,
            prev: None,
            keyring,
            adoptions,
            witness: grant.author(),
            chains,
            signals,
        },
    })
}

/// Signs and stores a prepared checkpoint on its witness's chain.
pub fn sign(
    store: &Store,
    signer: &Signer,
    prepared: Prepared,
) -> Result<(Checkpoint, PathBuf), CheckpointError> {
    let principal = prepared.checkpoint.witness.principal.clone();
    let checkpoint = prepared.checkpoint;
    Ok(store.append_checkpoint(
        signer,
        |seq, prev| Checkpoint {
            seq,
            prev,
            ..checkpoint
        },
        &principal,
    )?)
}

/// The latest checkpoint `principal` signed in `store`, if any.
// Store file names are written by this program in lower case.
#[allow(clippy::case_sensitive_file_extension_comparisons)]
pub fn latest_of(store: &Store, principal: &str) -> Option<Checkpoint> {
    let dir = store
        .checkpoints_dir()
        .join(crate::domain::store::device::chain_dir(
            principal,
            store.device(),
        ));
    let (next, _) = store.next_in(&dir).ok()?;
    let prefix = format!("{:06}-", next.checked_sub(1)?);
    let listed = crate::domain::fsread::list(&dir).ok()?;
    let (name, _) = listed.into_iter().find(|(name, _)| {
        name.to_str()
            .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".toml"))
    })?;
    let text = crate::domain::fsread::read_text(
        &dir.join(name),
        crate::domain::fsread::limit::SIGNED_FILE,
    )
    .ok()?;
    toml::from_str(&text).ok()
}
