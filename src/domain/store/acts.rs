//! Reading what happened to decisions after they were signed: reviews,
//! withdrawals and revisions, gathered per record so that `list`, `show`,
//! the review inbox and exports tell each decision's story the same way
//! (`lifecycle::story`). Only acts whose signature holds, by a member the
//! keyring gave that role then, are told; `verify` says what is wrong
//! with the others.

use std::collections::HashMap;
use std::path::Path;

use jiff::civil::Date;

use super::read::{principal_dirs, toml_files};
use super::{Store, StoreError, StoreState, StoredRecord, relative, sig_path};
use crate::domain::fsread::{self, limit};
use crate::domain::keys::Namespace;
use crate::domain::lifecycle::{self, ReviewAct, Revision, Story, WithdrawalAct};
use crate::domain::norm::Norm;
use crate::domain::record::{Author, Record};
use crate::domain::review::{Review, Withdrawal};
use crate::domain::verify::signer::{Claim, check_signed};

/// A signed file about a record, as read from the store.
#[derive(Debug, Clone)]
pub struct Stored<T> {
    pub value: T,
    /// Its path relative to the store.
    pub file: String,
}

/// Every review and withdrawal whose signer checks out.
#[derive(Debug, Clone, Default)]
pub struct Acts {
    pub reviews: Vec<Stored<Review>>,
    pub withdrawals: Vec<Stored<Withdrawal>>,
    /// Files that could not be read or whose signature does not hold.
    pub unreadable: usize,
}

impl Store {
    /// The reviews and withdrawals in the store, each checked against the
    /// keyring in `state`.
    pub fn acts(&self, state: &StoreState) -> Result<Acts, StoreError> {
        let mut acts = Acts::default();
        let signed = |path: &Path, bytes: &[u8], author: &Author, at, ns, heads: &[String]| {
            fsread::read_text(&sig_path(path), limit::SIGNATURE)
                .ok()
                .is_some_and(|armored| {
                    let claim = Claim {
                        author,
                        at,
                        namespace: ns,
                        keyring: Some(heads),
                    };
                    check_signed(bytes, &armored, &claim, &state.keyring).is_ok()
                })
        };
        for path in chain_files(&self.reviews_dir())? {
            match read::<Review>(&path) {
                Some((review, bytes))
                    if signed(
                        &path,
                        &bytes,
                        &review.reviewer,
                        review.created,
                        Namespace::Review,
                        &review.keyring,
                    ) =>
                {
                    acts.reviews.push(Stored {
                        value: review,
                        file: relative(self.dir(), &path),
                    });
                }
                _ => acts.unreadable += 1,
            }
        }
        for path in chain_files(&self.withdrawals_dir())? {
            match read::<Withdrawal>(&path) {
                Some((withdrawal, bytes))
                    if signed(
                        &path,
                        &bytes,
                        &withdrawal.by,
                        withdrawal.created,
                        Namespace::Withdrawal,
                        &withdrawal.keyring,
                    ) =>
                {
                    acts.withdrawals.push(Stored {
                        value: withdrawal,
                        file: relative(self.dir(), &path),
                    });
                }
                _ => acts.unreadable += 1,
            }
        }
        Ok(acts)
    }
}

/// The `*.toml` files in each principal's directory under `dir`.
fn chain_files(dir: &Path) -> Result<Vec<std::path::PathBuf>, StoreError> {
    let mut out = Vec::new();
    for principal in principal_dirs(dir)? {
        out.extend(toml_files(&dir.join(principal))?);
    }
    Ok(out)
}

fn read<T: serde::de::DeserializeOwned>(path: &Path) -> Option<(T, Vec<u8>)> {
    let bytes = fsread::read(path, limit::SIGNED_FILE).ok()?;
    let value = toml::from_str(std::str::from_utf8(&bytes).ok()?).ok()?;
    Some((value, bytes))
}

/// The acts in a store, by the record they are about, ready to tell each
/// record's story.
pub struct Ledger<'a> {
    reviews: HashMap<&'a str, Vec<ReviewAct<'a>>>,
    withdrawals: HashMap<&'a str, Vec<WithdrawalAct<'a>>>,
    revisions: HashMap<&'a str, Vec<Revision<'a>>>,
    state: &'a StoreState,
    norms: std::cell::RefCell<HashMap<String, Option<Norm>>>,
    store: &'a Store,
}

impl<'a> Ledger<'a> {
    /// The acts, and the records that revise others among `records`.
    pub fn new(
        store: &'a Store,
        state: &'a StoreState,
        acts: &'a Acts,
        records: &'a [StoredRecord],
    ) -> Self {
        let mut ledger = Self {
            reviews: HashMap::new(),
            withdrawals: HashMap::new(),
            revisions: HashMap::new(),
            state,
            norms: std::cell::RefCell::default(),
            store,
        };
        for s in &acts.reviews {
            ledger
                .reviews
                .entry(s.value.record.id.as_str())
                .or_default()
                .push(ReviewAct {
                    file: &s.file,
                    review: &s.value,
                });
        }
        for s in &acts.withdrawals {
            ledger
                .withdrawals
                .entry(s.value.record.id.as_str())
                .or_default()
                .push(WithdrawalAct {
                    file: &s.file,
                    withdrawal: &s.value,
                });
        }
        for r in records {
            if let Some(revised) = &r.record.revises {
                ledger
                    .revisions
                    .entry(revised.as_str())
                    .or_default()
                    .push(Revision {
                        file: &r.file,
                        record: &r.record,
                    });
            }
        }
        ledger
    }

    /// The norm a record relied on, as kept in the store.
    pub fn norm(&self, record: &Record) -> Option<Norm> {
        self.norms
            .borrow_mut()
            .entry(record.norm.sha256.clone())
            .or_insert_with(|| self.store.snapshot(&record.norm.sha256).flatten())
            .clone()
    }

    /// The story of `stored` on `today`.
    pub fn story(&self, stored: &StoredRecord, today: Date) -> Story<'a> {
        let record = &stored.record;
        let id = record.id.as_str();
        let norm = self.norm(record);
        let norm_revised = self.state.adoptions.adopted().iter().any(|a| {
            a.adoption.norm.id == record.norm.id && a.adoption.norm.version > record.norm.version
        });
        let found = lifecycle::Found {
            reviews: self.reviews.get(id).map_or(&[], Vec::as_slice),
            withdrawals: self.withdrawals.get(id).map_or(&[], Vec::as_slice),
            revisions: self.revisions.get(id).map_or(&[], Vec::as_slice),
            norm_revised,
        };
        lifecycle::story(record, &stored.sha256, norm.as_ref(), found, today)
    }
}

/// The stories of `records`: reads the acts once.
pub fn stories(
    store: &Store,
    state: &StoreState,
    records: &[StoredRecord],
    today: Date,
) -> Result<(Vec<lifecycle::Life>, usize), StoreError> {
    let acts = store.acts(state)?;
    let ledger = Ledger::new(store, state, &acts, records);
    let lives = records
        .iter()
        .map(|r| ledger.story(r, today).life)
        .collect();
    Ok((lives, acts.unreadable))
}
