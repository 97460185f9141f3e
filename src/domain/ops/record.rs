//! Signing a record: a proposal judged against an adopted norm, drawn up,
//! signed and appended to the author's chain.

use crate::domain::record::RecordFormat;
use std::path::PathBuf;

use jiff::Timestamp;
use jiff::civil::Date;

use crate::domain::decision::{self, Assessment, Placement, Proposal, Refusal};
use crate::domain::keyring::Grant;
use crate::domain::keys::Signer;
use crate::domain::norm::catalog::LoadedNorm;
use crate::domain::record::{Record, SignedUnder};
use crate::domain::review::RecordRef;
use crate::domain::store::{Store, StoreError, StoreState};

/// A proposal that may be signed, with what its signature will mean.
#[derive(Debug, Clone)]
pub struct Prepared<'a> {
    norm: &'a LoadedNorm,
    proposal: Proposal,
    grant: Grant,
    assessment: Assessment,
    under: SignedUnder,
    revises: Option<RecordRef>,
    extends: Option<RecordRef>,
}

/// A record signed and stored.
#[derive(Debug, Clone)]
pub struct SignedRecord {
    pub record: Record,
    pub path: PathBuf,
}

/// Judges `proposal` against `norm` for the member `grant`, signing
/// `today`: every refusal at once. The norm must be adopted in the store
/// and not withdrawn on the decision date, which must lie in the store's
/// window.
pub fn prepare<'a>(
    norm: &'a LoadedNorm,
    proposal: &Proposal,
    grant: &Grant,
    today: Date,
    state: &StoreState,
) -> Result<Prepared<'a>, Vec<Refusal>> {
    let window = state.window(today);
    let assessed = decision::assess(&norm.norm, proposal, &grant.role, window);
    let decision_date = proposal.decision_date.unwrap_or(today);
    let adopted = state
        .adoptions
        .for_decision(norm.sha256().as_str(), decision_date, None)
        .map(|_| ());
    match (assessed, adopted) {
        (Ok(assessment), Ok(())) => Ok(Prepared {
            norm,
            proposal: proposal.clone(),
            grant: grant.clone(),
            assessment,
            under: state.under(),
            revises: None,
            extends: None,
        }),
        (Ok(_), Err(why)) => Err(vec![Refusal::NormUnusable(why)]),
        (Err(mut refusals), Err(why)) => {
            if !refusals
                .iter()
                .any(|r| matches!(r, Refusal::NormUnusable(_)))
            {
                refusals.insert(0, Refusal::NormUnusable(why));
            }
            Err(refusals)
        }
        (Err(refusals), Ok(())) => Err(refusals),
    }
}

impl Prepared<'_> {
    pub fn assessment(&self) -> &Assessment {
        &self.assessment
    }

    /// The same proposal as an extension of `extended` (see
    /// [`crate::domain::ops::review::extendable`]).
    #[must_use]
    pub fn extending(mut self, extended: RecordRef) -> Self {
        self.extends = Some(extended);
        self
    }

    /// The same proposal as a revision of the returned record `revised`
    /// (see [`crate::domain::ops::review::revisable`]).
    #[must_use]
    pub fn revising(mut self, revised: RecordRef) -> Self {
        self.revises = Some(revised);
        self
    }

    /// The record as it will be stored under `id`, signed `at`, as `seq` in
    /// the author's chain after the record `prev` links to.
    pub fn draw_up(&self, (id, at): (String, Timestamp), seq: u64, prev: Option<String>) -> Record {
        decision::build_record(
            &self.norm.norm,
            self.norm.sha256().as_str(),
            &self.proposal,
            &self.assessment,
            &self.grant,
            Placement {
                id,
                created: at,
                seq,
                prev,
                format: RecordFormat::CURRENT,
                under: Some(self.under.clone()),
                revises: self.revises.clone(),
                extends: self.extends.clone(),
            },
        )
    }

    /// Draws up, signs and appends the record under the author's lock.
    pub fn sign(
        &self,
        store: &Store,
        signer: &Signer,
        (id, at): (String, Timestamp),
    ) -> Result<SignedRecord, StoreError> {
        let (record, path) = store.append_record(&self.grant.principal, signer, |seq, prev| {
            self.draw_up((id, at), seq, prev)
        })?;
        Ok(SignedRecord { record, path })
    }
}
