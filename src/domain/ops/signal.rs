//! Logging a signal: a signed note that no agreed norm fits a case.

use std::path::PathBuf;

use jiff::Timestamp;

use crate::domain::keyring::Grant;
use crate::domain::keys::Signer;
use crate::domain::norm::catalog::LoadedNorm;
use crate::domain::signal::{self, SIGNAL_FORMAT, Signal, SignalProblem, TriedNorm};
use crate::domain::store::files::new_id;
use crate::domain::store::{Store, StoreError};

/// What the caseworker says.
#[derive(Debug, Clone, Default)]
pub struct SignalRequest {
    pub case: String,
    pub text: String,
}

impl TriedNorm {
    /// `norm` was tried; `failed_check` is the check whose condition failed.
    pub fn of(norm: &LoadedNorm, failed_check: Option<String>) -> Self {
        Self {
            id: norm.norm.id.clone(),
            version: norm.norm.version,
            sha256: norm.sha256().to_string(),
            failed_check,
        }
    }
}

/// A signal request that may be signed.
#[derive(Debug, Clone)]
pub struct Prepared {
    request: SignalRequest,
}

/// Checks what the caseworker says: every problem at once.
pub fn prepare(request: &SignalRequest) -> Result<Prepared, Vec<SignalProblem>> {
    let problems = signal::check(&request.case, &request.text);
    if problems.is_empty() {
        Ok(Prepared {
            request: request.clone(),
        })
    } else {
        Err(problems)
    }
}

impl Prepared {
    /// The signal the member `grant` signs `at` under the keyring `heads`,
    /// naming the norm that was tried, if any.
    pub fn draw_up(
        &self,
        tried: Option<TriedNorm>,
        grant: &Grant,
        heads: Vec<String>,
        at: Timestamp,
    ) -> Signal {
        let request = &self.request;
        Signal {
            format: SIGNAL_FORMAT.into(),
            id: new_id("SG", at),
            created: at,
            keyring: Some(heads),
            case: request.case.trim().to_owned(),
            norm: tried,
            text: request.text.trim().to_owned(),
            author: grant.author(),
        }
    }
}

/// Signs and stores a prepared signal; returns where it went.
pub fn sign(store: &Store, signer: &Signer, signal: &Signal) -> Result<PathBuf, StoreError> {
    store.add_signal(signal, signer)
}
