//! Signing a record: a proposal judged against its norm, drawn up, signed
//! and appended to the author's chain.

use std::path::PathBuf;

use jiff::Timestamp;
use jiff::civil::Date;

use crate::domain::decision::{self, Assessment, Proposal, Refusal};
use crate::domain::keyring::Grant;
use crate::domain::keys::Signer;
use crate::domain::norm::catalog::LoadedNorm;
use crate::domain::record::Record;
use crate::domain::store::{Store, StoreError};

/// A proposal that may be signed, with what its signature will mean.
#[derive(Debug, Clone)]
pub struct Prepared<'a> {
    norm: &'a LoadedNorm,
    proposal: Proposal,
    grant: Grant,
    assessment: Assessment,
}

/// A record signed and stored.
#[derive(Debug, Clone)]
pub struct SignedRecord {
    pub record: Record,
    pub path: PathBuf,
}

/// Judges `proposal` against `norm` for the member `grant`, on `today`
/// unless the proposal names a decision date: every refusal at once.
pub fn prepare<'a>(
    norm: &'a LoadedNorm,
    proposal: &Proposal,
    grant: &Grant,
    today: Date,
) -> Result<Prepared<'a>, Vec<Refusal>> {
    let assessment = decision::assess(&norm.norm, proposal, &grant.role, today)?;
    Ok(Prepared {
        norm,
        proposal: proposal.clone(),
        grant: grant.clone(),
        assessment,
    })
}

impl Prepared<'_> {
    pub fn assessment(&self) -> &Assessment {
        &self.assessment
    }

    /// The record as it will be stored under `id`, signed `at`, as `seq` in
    /// the author's chain after the record `prev` links to.
    pub fn draw_up(&self, id: String, at: Timestamp, seq: u64, prev: Option<String>) -> Record {
        decision::build_record(
            self.norm,
            &self.proposal,
            &self.assessment,
            &self.grant,
            (id, at),
            seq,
            prev,
        )
    }

    /// Keeps the norm's bytes, then draws up, signs and appends the record
    /// under the author's lock.
    pub fn sign(
        &self,
        store: &Store,
        signer: &Signer,
        id: String,
        at: Timestamp,
    ) -> Result<SignedRecord, StoreError> {
        store.put_norm(&self.norm.source)?;
        let (record, path) = store.append_record(&self.grant.principal, signer, |seq, prev| {
            self.draw_up(id, at, seq, prev)
        })?;
        Ok(SignedRecord { record, path })
    }
}
