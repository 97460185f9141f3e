//! Reading what happened to decisions after they were signed: reviews,
//! withdrawals and revisions, gathered per record so that `list`, `show`,
//! the review inbox and exports tell each decision's story the same way
//! (`lifecycle::story`). Only acts whose signature holds, by a member the
//! keyring gave that role then, are told; `verify` says what is wrong
//! with the others.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;

use super::read::{chain_dirs, toml_files};
use super::{Store, StoreError, StoreState, StoredRecord, relative, sig_path};
use crate::domain::fsread::{self, limit};
use crate::domain::keys::Namespace;
use crate::domain::lifecycle::{self, ReviewAct, Revision, Story, WithdrawalAct};
use crate::domain::norm::Norm;
use crate::domain::record::{Author, Record};
use crate::domain::review::{REVIEW_FORMAT, Review, WITHDRAWAL_FORMAT, Withdrawal};
use crate::domain::source::Sha256Bytes;
use crate::domain::store::files::CompactId;
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
    /// keyring in `state`; the signatures on all cores.
    pub fn acts(&self, state: &StoreState) -> Result<Acts, StoreError> {
        let reviews = chain_files(&self.reviews_dir(), "RV")?;
        let withdrawals = chain_files(&self.withdrawals_dir(), "WD")?;
        Ok(self.acts_in(state, &reviews, &withdrawals))
    }

    /// The reviews and withdrawals at these paths, each checked against
    /// the keyring in `state`.
    pub fn acts_in(
        &self,
        state: &StoreState,
        reviews: &[PathBuf],
        withdrawals: &[PathBuf],
    ) -> Acts {
        let (reviews, bad_reviews) = self.signed_acts(state, reviews, review_claim, |s, _| s);
        let (withdrawals, bad_withdrawals) =
            self.signed_acts(state, withdrawals, withdrawal_claim, |s, _| s);
        Acts {
            reviews,
            withdrawals,
            unreadable: bad_reviews + bad_withdrawals,
        }
    }

    /// Where the reviews and withdrawals in the store are, each checked
    /// against the keyring in `state` as [`Store::acts`] checks them, but
    /// held by their place only: for reading a store of any size.
    pub fn act_places(&self, state: &StoreState) -> Result<Places, StoreError> {
        let reviews = chain_files(&self.reviews_dir(), "RV")?;
        let withdrawals = chain_files(&self.withdrawals_dir(), "WD")?;
        let place = |about: &str, file: String, bytes: &[u8]| {
            Some(Place {
                about: CompactId::new(about)?,
                sha256: Sha256Bytes::of(bytes),
                file: file.into(),
            })
        };
        let (reviews, bad_reviews) = self.signed_acts(state, &reviews, review_claim, |s, bytes| {
            place(&s.value.record.id, s.file, bytes)
        });
        let (withdrawals, bad_withdrawals) =
            self.signed_acts(state, &withdrawals, withdrawal_claim, |s, bytes| {
                place(&s.value.record.id, s.file, bytes)
            });
        let by_record = |places: Vec<Option<Place>>| {
            let mut places: Vec<Place> = places.into_iter().flatten().collect();
            places.sort_by_key(|p| p.about);
            places
        };
        Ok(Places {
            reviews: by_record(reviews),
            withdrawals: by_record(withdrawals),
            unreadable: bad_reviews + bad_withdrawals,
        })
    }

    /// The files at `paths` read as `T`, those whose signer checks out
    /// (`claim` says what each claims of its signing) given to `keep` with
    /// their bytes, and how many did not.
    fn signed_acts<T, C, K, O>(
        &self,
        state: &StoreState,
        paths: &[PathBuf],
        claim: C,
        keep: K,
    ) -> (Vec<O>, usize)
    where
        T: serde::de::DeserializeOwned + Send,
        C: Fn(&T) -> Option<Claimed<'_>> + Sync,
        K: Fn(Stored<T>, &[u8]) -> O + Sync,
        O: Send,
    {
        let check = |path: &PathBuf| -> Option<O> {
            let (value, bytes) = read::<T>(path)?;
            let armored = fsread::read_text(&sig_path(path), limit::SIGNATURE).ok()?;
            let ((author, seq, id), at, namespace, heads) = claim(&value)?;
            // Where verify counts it: in its signer's directory, under its
            // own number and id (an act moved elsewhere counts nowhere).
            let named = format!("{seq:06}-{id}.toml");
            let dir = path.parent()?.file_name()?.to_str()?;
            if path.file_name()?.to_str()? != named
                || super::device::chain_principal(dir) != Some(author.principal.as_str())
            {
                return None;
            }
            let claim = Claim {
                author,
                at,
                namespace,
                keyring: Some(heads),
            };
            check_signed(&bytes, &armored, &claim, &state.keyring).ok()?;
            let stored = Stored {
                value,
                file: relative(self.dir(), path),
            };
            Some(keep(stored, &bytes))
        };
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .clamp(1, 8);
        let chunk = paths.len().div_ceil(threads).max(1);
        let checked: Vec<Option<O>> = std::thread::scope(|scope| {
            let handles: Vec<_> = paths
                .chunks(chunk)
                .map(|part| scope.spawn(move || part.iter().map(check).collect::<Vec<_>>()))
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        });
        let bad = checked.iter().filter(|c| c.is_none()).count()
            + paths.len().saturating_sub(checked.len());
        (checked.into_iter().flatten().collect(), bad)
    }
}

/// What an act claims of its signing: who (with their number and the
/// act's id), when, in which namespace, under which keyring heads.
type Claimed<'a> = (
    (&'a Author, u64, &'a str),
    jiff::Timestamp,
    Namespace,
    &'a Vec<String>,
);

/// What a review claims; `None` for one in a format this program does not
/// know, which counts for nothing, as in verify.
fn review_claim(r: &Review) -> Option<Claimed<'_>> {
    (r.format == REVIEW_FORMAT).then_some((
        (&r.reviewer, r.seq, r.id.as_str()),
        r.created,
        Namespace::Review,
        &r.keyring,
    ))
}

/// What a withdrawal claims; `None` for one in a format this program does
/// not know.
fn withdrawal_claim(w: &Withdrawal) -> Option<Claimed<'_>> {
    (w.format == WITHDRAWAL_FORMAT).then_some((
        (&w.by, w.seq, w.id.as_str()),
        w.created,
        Namespace::Withdrawal,
        &w.keyring,
    ))
}

/// An act whose signer checks out, as held while a store is streamed:
/// the record it is about, the hash of its bytes, and its file.
#[derive(Debug)]
struct Place {
    about: CompactId,
    sha256: Sha256Bytes,
    file: Box<str>,
}

/// Where a store's acts are, by the record they are about
/// ([`Store::act_places`]).
#[derive(Debug)]
pub struct Places {
    reviews: Vec<Place>,
    withdrawals: Vec<Place>,
    /// Files that could not be read or whose signature does not hold.
    pub unreadable: usize,
}

impl Places {
    /// The reviews and withdrawals about the record `id`, read again; and
    /// how many of them are no longer the bytes that were checked.
    pub fn about(
        &self,
        store: &Store,
        id: &str,
    ) -> (Vec<Stored<Review>>, Vec<Stored<Withdrawal>>, usize) {
        let Some(id) = CompactId::new(id) else {
            return (Vec::new(), Vec::new(), 0);
        };
        let mut changed = 0;
        let reviews = again(store, &self.reviews, id, &mut changed);
        let withdrawals = again(store, &self.withdrawals, id, &mut changed);
        (reviews, withdrawals, changed)
    }
}

/// The acts among `places` about `id`, read again if their bytes are those
/// checked; the others counted in `changed`.
fn again<T: serde::de::DeserializeOwned>(
    store: &Store,
    places: &[Place],
    id: CompactId,
    changed: &mut usize,
) -> Vec<Stored<T>> {
    let from = places.partition_point(|p| p.about < id);
    let these = &places[from..from + places[from..].partition_point(|p| p.about == id)];
    let mut out = Vec::with_capacity(these.len());
    for place in these {
        match read::<T>(&store.dir().join(&*place.file)) {
            Some((value, bytes)) if Sha256Bytes::of(&bytes) == place.sha256 => out.push(Stored {
                value,
                file: place.file.to_string(),
            }),
            _ => *changed += 1,
        }
    }
    out
}

/// The `*.toml` files in each principal's directory under `dir`.
/// The files of every signer's chain in `dir`: only names this program
/// writes (`000042-RV-….toml`), as verify reads them; anything else there
/// is a finding of verify, never an act.
fn chain_files(dir: &Path, prefix: &str) -> Result<Vec<PathBuf>, StoreError> {
    let mut out = Vec::new();
    for chain in chain_dirs(dir)? {
        out.extend(
            toml_files(&dir.join(chain))?
                .into_iter()
                .filter(|p| is_chain_name(p, prefix)),
        );
    }
    Ok(out)
}

fn is_chain_name(path: &Path, prefix: &str) -> bool {
    let Some((seq, id)) = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".toml"))
        .and_then(|stem| stem.split_once('-'))
    else {
        return false;
    };
    seq.parse::<u64>().is_ok_and(|n| format!("{n:06}") == seq) && super::files::is_id(prefix, id)
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
    norms: std::cell::RefCell<HashMap<String, Option<Arc<Norm>>>>,
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
            // A revision counts only when its signature holds, as a
            // review does: read again and checked, the few there are.
            if let Some(revised) = &r.record.revises
                && crate::domain::verify::check_one(
                    store,
                    &state.keyring,
                    &store.dir().join(&r.file),
                )
                .is_ok_and(|(again, problems)| {
                    problems.is_empty()
                        && again.id == r.record.id
                        && again.revises == r.record.revises
                        && again.revises_sha256 == r.record.revises_sha256
                })
            {
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
    pub fn norm(&self, record: &Record) -> Option<Arc<Norm>> {
        if let Some(norm) = self.norms.borrow().get(&record.norm.sha256) {
            return norm.clone();
        }
        let norm = self
            .store
            .snapshot(&record.norm.sha256)
            .flatten()
            .map(Arc::new);
        self.norms
            .borrow_mut()
            .insert(record.norm.sha256.clone(), norm.clone());
        norm
    }

    /// The story of `stored` on `today`.
    pub fn story(&self, stored: &StoredRecord, today: Date) -> Story<'a> {
        let id = stored.record.id.as_str();
        let reviews = self.reviews.get(id).map_or(&[][..], Vec::as_slice);
        let withdrawals = self.withdrawals.get(id).map_or(&[][..], Vec::as_slice);
        self.story_of(stored, today, (reviews, withdrawals))
    }

    /// The story of `stored` on `today`, with the reviews and withdrawals
    /// about it given rather than held.
    pub fn story_of<'s>(
        &self,
        stored: &StoredRecord,
        today: Date,
        (reviews, withdrawals): (&[ReviewAct<'s>], &[WithdrawalAct<'s>]),
    ) -> Story<'s>
    where
        'a: 's,
    {
        let record = &stored.record;
        let norm = self.norm(record);
        let norm_revised = self.state.adoptions.adopted().iter().any(|a| {
            a.adoption.norm.id == record.norm.id && a.adoption.norm.version > record.norm.version
        });
        let found = lifecycle::Found {
            reviews,
            withdrawals,
            revisions: self
                .revisions
                .get(record.id.as_str())
                .map_or(&[], Vec::as_slice),
            norm_revised,
        };
        lifecycle::story(record, &stored.sha256, norm.as_deref(), found, today)
    }
}

/// The records that pass `filter` whose life on `today` is `wanted`, with
/// that life, oldest first; and how many files could not be read. Records
/// nothing happened to are judged as they are read and only those wanted
/// are held, so a large store is listed in little memory.
pub fn with_status(
    store: &Store,
    state: &StoreState,
    filter: &super::RecordFilter,
    today: Date,
    wanted: &(dyn Fn(&lifecycle::Life) -> bool + Sync),
) -> Result<Kept, StoreError> {
    let acts = store.acts(state)?;
    let about: std::collections::HashSet<&str> = acts
        .reviews
        .iter()
        .map(|r| r.value.record.id.as_str())
        .chain(acts.withdrawals.iter().map(|w| w.value.record.id.as_str()))
        .collect();
    let mut newest: HashMap<&str, u32> = HashMap::new();
    for a in state.adoptions.adopted() {
        let v = newest.entry(a.adoption.norm.id.as_str()).or_default();
        *v = (*v).max(a.adoption.norm.version);
    }
    // Every record is read, whatever the filter: a revision outside it
    // still supersedes a record inside it.
    let all = super::RecordFilter {
        brief: filter.brief,
        ..super::RecordFilter::default()
    };
    let found = store.records_where(&all, &|s: &StoredRecord| {
        let r = &s.record;
        // Acts about it, or it revises another: told once all are read.
        if about.contains(r.id.as_str()) || r.revises.is_some() {
            return true;
        }
        if !filter.keeps(r) {
            return false;
        }
        let none = lifecycle::Found {
            reviews: &[],
            withdrawals: &[],
            revisions: &[],
            norm_revised: newest
                .get(r.norm.id.as_str())
                .is_some_and(|v| *v > r.norm.version),
        };
        wanted(&lifecycle::story(r, &s.sha256, None, none, today).life)
    })?;
    let ledger = Ledger::new(store, state, &acts, &found.items);
    let mut records = Vec::new();
    let mut lives = Vec::new();
    for s in found.items.iter().filter(|s| filter.keeps(&s.record)) {
        let life = ledger.story(s, today).life;
        if wanted(&life) {
            records.push(s.clone());
            lives.push(life);
        }
    }
    let unreadable = found.unreadable + acts.unreadable;
    Ok(Kept {
        records,
        lives,
        acts,
        unreadable,
    })
}

/// What [`with_status`] kept: the records and their lives, side by side,
/// and the acts read on the way, to tell the stories again.
pub struct Kept {
    pub records: Vec<StoredRecord>,
    pub lives: Vec<lifecycle::Life>,
    pub acts: Acts,
    pub unreadable: usize,
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
