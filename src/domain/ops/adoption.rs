//! Adopting a norm version into the store, and withdrawing one: planned
//! against the store as it stands (who may, which roles exist, what is
//! adopted already), then signed by the person who registers it.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::domain::adoption::{
    ADOPTION_FORMAT, AdoptedNorm, Adoption, AdoptionAction, Withdrawal, may_adopt, unknown_role,
};
use crate::domain::keyring::Grant;
use crate::domain::norm::Status;
use crate::domain::norm::catalog::LoadedNorm;
use crate::domain::store::StoreState;
use crate::domain::store::files::new_id;

/// Why a norm may not be adopted or withdrawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AdoptionError {
    #[error("the role `{role}` may not adopt norms in this store")]
    NotAnAdopter { role: String, adopters: Vec<String> },
    #[error("the norm has status `{0}`; only an adopted norm (vastgesteld) can be adopted")]
    NotVastgesteld(String),
    #[error("this version of the norm is already adopted")]
    AlreadyAdopted,
    #[error("another text of `{id}` version {version} is already adopted")]
    SecondText { id: String, version: u32 },
    #[error("a mandaat tier names the role `{role}`, which the store does not have")]
    UnknownRole { role: String, roles: Vec<String> },
    #[error("`{0}` is not adopted in this store")]
    NotAdopted(String),
    #[error("`{0}` is already withdrawn")]
    AlreadyWithdrawn(String),
    #[error("a withdrawal cannot take effect before today ({today})")]
    WithdrawnBeforeToday { today: Date },
}

fn adopter(state: &StoreState, by: &Grant) -> Result<(), AdoptionError> {
    if may_adopt(&state.config.adopters, &by.role, by.manages_keyring()) {
        Ok(())
    } else {
        Err(AdoptionError::NotAnAdopter {
            role: by.role.clone(),
            adopters: state.config.adopters.clone(),
        })
    }
}

/// The adoption `by` registers `now` of `norm`.
pub fn plan_adoption(
    state: &StoreState,
    norm: &LoadedNorm,
    by: &Grant,
    now: Timestamp,
) -> Result<Adoption, AdoptionError> {
    adopter(state, by)?;
    let n = &norm.norm;
    if n.status != Status::Vastgesteld {
        return Err(AdoptionError::NotVastgesteld(n.status.as_str().to_owned()));
    }
    let sha = norm.sha256().as_str();
    for a in state.adoptions.adopted() {
        let same = &a.adoption.norm;
        if same.sha256 == sha {
            return Err(AdoptionError::AlreadyAdopted);
        }
        if same.id == n.id && same.version == n.version {
            return Err(AdoptionError::SecondText {
                id: n.id.clone(),
                version: n.version,
            });
        }
    }
    if let Some(role) = unknown_role(n, &state.config.roles) {
        return Err(AdoptionError::UnknownRole {
            role,
            roles: state.config.roles.clone(),
        });
    }
    Ok(Adoption {
        format: ADOPTION_FORMAT.into(),
        id: new_id("AD", now),
        created: now,
        follows: state.adoptions.heads(),
        keyring: state.keyring.heads(),
        action: AdoptionAction::Adopt,
        registered_by: by.author(),
        norm: AdoptedNorm::of(norm),
        withdrawal: None,
    })
}

/// The withdrawal `by` registers `now` of the adopted norm `id`, from `on`
/// (not before `today`).
pub fn plan_withdrawal(
    state: &StoreState,
    id: &str,
    (on, today): (Date, Date),
    reason: &str,
    by: &Grant,
    now: Timestamp,
) -> Result<Adoption, AdoptionError> {
    adopter(state, by)?;
    if on < today {
        return Err(AdoptionError::WithdrawnBeforeToday { today });
    }
    let newest = state
        .adoptions
        .adopted()
        .iter()
        .filter(|a| a.adoption.norm.id == id)
        .max_by_key(|a| (a.adoption.norm.version, a.adoption.created))
        .ok_or_else(|| AdoptionError::NotAdopted(id.to_owned()))?;
    if newest
        .withdrawn
        .as_ref()
        .is_some_and(|(since, _)| *since <= on)
    {
        return Err(AdoptionError::AlreadyWithdrawn(id.to_owned()));
    }
    Ok(Adoption {
        format: ADOPTION_FORMAT.into(),
        id: new_id("AD", now),
        created: now,
        follows: state.adoptions.heads(),
        keyring: state.keyring.heads(),
        action: AdoptionAction::Withdraw,
        registered_by: by.author(),
        norm: newest.adoption.norm.clone(),
        withdrawal: Some(Withdrawal {
            on,
            reason: reason.trim().to_owned(),
        }),
    })
}

/// Adopts every norm of `catalog` that is adopted in its own file and in
/// force `today`, signed by `signer` as `by`; returns how many. For a new
/// store taking the example norms, and `norms adopt --all`.
pub fn adopt_usable(
    store: &crate::domain::store::Store,
    catalog: &crate::domain::norm::catalog::Catalog,
    by: &Grant,
    signer: &crate::domain::keys::Signer,
    (now, today): (Timestamp, Date),
) -> Result<usize, crate::domain::store::StoreError> {
    let mut adopted = 0;
    for norm in catalog.usable_on(today) {
        let state = store.state()?;
        if let Ok(adoption) = plan_adoption(&state, norm, by, now) {
            store.add_adoption(&adoption, &norm.source, signer)?;
            adopted += 1;
        }
    }
    Ok(adopted)
}
