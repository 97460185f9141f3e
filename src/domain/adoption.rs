//! Adoptions: a norm version enters a store only when someone who may adopt
//! norms signs that it was adopted (`maatwerk norms adopt`), and leaves only
//! by a signed withdrawal (`maatwerk norms withdraw`). Each is one file in
//! `adoptions/` with its `.sig` (namespace `maatwerk-adoption`), linked into
//! a history like the keyring's, and the norm's exact bytes are kept in
//! `norms/<sha256>.toml`.
//!
//! [`Adoptions`] replays them: which norm versions are adopted, since when,
//! and withdrawn from when, with every adoption checked — its signer, the
//! norm it names, the roles its tiers name.

use std::collections::{HashMap, HashSet};

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::history::{self, History, HistoryProblem, Node};
use super::keyring::Keyring;
use super::keys::{self, Fingerprint, Namespace};
use super::norm::catalog::LoadedNorm;
use super::norm::{Norm, Status, Unusable};
use super::record::Author;

pub const ADOPTION_FORMAT: &str = "maatwerk-adoption/1";

/// The roles that may adopt and withdraw norms unless `store.toml` says
/// otherwise; whoever manages the keyring may too.
pub const DEFAULT_ADOPTERS: &[&str] = &["afdelingshoofd", "beheerder"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AdoptionAction {
    /// The norm version may be relied on from its `valid_from`.
    Adopt,
    /// No decision dated on or after `withdrawal.on` may rely on it.
    Withdraw,
}

/// One adoption file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adoption {
    pub format: String,
    pub id: String,
    /// When it was registered.
    pub created: Timestamp,
    /// The adoptions this one follows (the heads it saw).
    pub follows: Vec<String>,
    /// The keyring heads it was signed under.
    pub keyring: Vec<String>,
    pub action: AdoptionAction,
    /// Who registered it, in the role the keyring gave them.
    pub registered_by: Author,
    pub norm: AdoptedNorm,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawal: Option<Withdrawal>,
}

/// The norm version and the adoption facts its file states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdoptedNorm {
    pub id: String,
    pub version: u32,
    pub sha256: String,
    pub title: String,
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted_on: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted_by: Option<String>,
    pub valid_from: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<Date>,
}

impl AdoptedNorm {
    pub fn of(norm: &LoadedNorm) -> Self {
        let n = &norm.norm;
        Self {
            id: n.id.clone(),
            version: n.version,
            sha256: norm.sha256().to_string(),
            title: n.title.clone(),
            status: n.status.as_str().to_owned(),
            adopted_on: n.adopted_on,
            adopted_by: n.adopted_by.clone(),
            valid_from: n.valid_from,
            valid_until: n.valid_until,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Withdrawal {
    /// From this date on no decision may rely on the norm.
    pub on: Date,
    pub reason: String,
}

/// An adoption file as read from the store.
#[derive(Debug, Clone)]
pub struct SignedAdoption {
    pub file: String,
    pub adoption: Adoption,
    pub bytes: Vec<u8>,
    pub signature: String,
}

/// Why an adoption file does not count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdoptionProblem {
    History(HistoryProblem),
    BadSignature,
    /// The signer held no grant then, saw none, or is not who it names.
    SignerUnknown,
    /// The signer's role may not adopt norms.
    NotAnAdopter {
        role: String,
    },
    /// It names keyring heads that are not there.
    KeyringMissing {
        hash: String,
    },
    /// The norm's bytes are not in `norms/`.
    NormMissing,
    /// The kept bytes are not a valid norm (`norms check` fails), or not the
    /// norm it names.
    NormInvalid,
    /// Its facts (title, status, dates) are not those of the norm's file.
    FactsDiffer,
    /// Only adopted norms (status `vastgesteld`) can be adopted.
    NotVastgesteld,
    /// A mandaat tier names a role the store does not have.
    UnknownRole {
        role: String,
    },
    /// Another text was already adopted under the same id and version.
    SecondText {
        id: String,
        version: u32,
    },
    /// A withdrawal of a norm version that was not adopted before it.
    WithdrawsNothing,
    /// A withdrawal taking effect before the day it was registered: no
    /// withdrawal reaches back past its own signing.
    WithdrawnBeforeRegistered {
        on: Date,
    },
}

/// An adoption that counts, with when it was withdrawn, if it was.
#[derive(Debug, Clone)]
pub struct Adopted {
    pub file: String,
    pub hash: String,
    pub adoption: Adoption,
    pub norm: Norm,
    /// The earliest withdrawal date of this norm version, and its file.
    pub withdrawn: Option<(Date, String)>,
}

impl Adopted {
    /// Why a decision dated `on` may not rely on it; `None` when it may.
    pub fn refuses(&self, on: Date) -> Option<Unusable> {
        if let Some((since, _)) = &self.withdrawn
            && on >= *since
        {
            return Some(Unusable::WithdrawnInStore { since: *since });
        }
        self.norm.usability(on).err()
    }
}

/// Where a norm text stands in a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "standing")]
pub enum Standing {
    /// Adopted; withdrawn from `withdrawn` on, if at all.
    Adopted {
        withdrawn: Option<Date>,
    },
    /// Not this text, but another of the same id (the newest `version`).
    OtherText {
        version: u32,
    },
    NotAdopted,
}

/// What the store's adoptions amount to.
#[derive(Debug, Clone, Default)]
pub struct Adoptions {
    history: History,
    adopted: Vec<Adopted>,
    problems: Vec<(String, AdoptionProblem)>,
}

/// What checking an adoption needs from the rest of the store.
pub struct Context<'a> {
    pub keyring: &'a Keyring,
    /// The roles the store has.
    pub roles: &'a [String],
    /// The roles that may adopt.
    pub adopters: &'a [String],
    /// The norm kept under each sha256 (`None` when it is no valid norm).
    pub snapshots: &'a dyn Fn(&str) -> Option<Option<Norm>>,
}

impl Adoptions {
    /// Replays `files` against the keyring and the kept norms.
    pub fn build(files: &[SignedAdoption], cx: &Context<'_>) -> Self {
        let nodes = files
            .iter()
            .map(|f| Node {
                file: f.file.clone(),
                hash: history::link(&f.bytes),
                created: f.adoption.created,
                follows: Some(f.adoption.follows.clone()),
            })
            .collect();
        let history = History::new(nodes);
        let mut problems: Vec<(String, AdoptionProblem)> = history
            .problems()
            .into_iter()
            .map(|(file, p)| (file, AdoptionProblem::History(p)))
            .collect();
        let by_hash: HashMap<String, &SignedAdoption> =
            files.iter().map(|f| (history::link(&f.bytes), f)).collect();
        let mut adopted: Vec<Adopted> = Vec::new();
        let out_of_history: HashSet<String> = problems.iter().map(|(f, _)| f.clone()).collect();
        for i in history.topological() {
            let node = &history.nodes()[i];
            let Some(file) = by_hash.get(&node.hash) else {
                continue;
            };
            if out_of_history.contains(&file.file) {
                continue;
            }
            let checked = check(file, cx).and_then(|norm| match file.adoption.action {
                AdoptionAction::Adopt => {
                    let a = &file.adoption.norm;
                    let conflict = adopted.iter().any(|x| {
                        x.adoption.norm.id == a.id
                            && x.adoption.norm.version == a.version
                            && x.adoption.norm.sha256 != a.sha256
                    });
                    if conflict {
                        return Err(AdoptionProblem::SecondText {
                            id: a.id.clone(),
                            version: a.version,
                        });
                    }
                    adopted.push(Adopted {
                        file: file.file.clone(),
                        hash: node.hash.clone(),
                        adoption: file.adoption.clone(),
                        norm,
                        withdrawn: None,
                    });
                    Ok(())
                }
                AdoptionAction::Withdraw => {
                    let on = file.adoption.withdrawal.as_ref().map(|w| w.on);
                    // A day's slack for the time zone the signer was in.
                    let registered = file
                        .adoption
                        .created
                        .to_zoned(jiff::tz::TimeZone::UTC)
                        .date();
                    let earliest = registered.yesterday().unwrap_or(registered);
                    if let Some(on) = on
                        && on < earliest
                    {
                        return Err(AdoptionProblem::WithdrawnBeforeRegistered { on });
                    }
                    let mut any = false;
                    for x in &mut adopted {
                        let seen = history
                            .position(&x.hash)
                            .is_some_and(|p| history.seen_by(&file.adoption.follows, p));
                        if seen && x.adoption.norm.sha256 == file.adoption.norm.sha256 {
                            any = true;
                            if let Some(on) = on
                                && x.withdrawn.as_ref().is_none_or(|(d, _)| on < *d)
                            {
                                x.withdrawn = Some((on, file.file.clone()));
                            }
                        }
                    }
                    if any && on.is_some() {
                        Ok(())
                    } else {
                        Err(AdoptionProblem::WithdrawsNothing)
                    }
                }
            });
            if let Err(p) = checked {
                problems.push((file.file.clone(), p));
            }
        }
        problems.sort_by(|a, b| a.0.cmp(&b.0));
        Self {
            history,
            adopted,
            problems,
        }
    }

    pub fn problems(&self) -> &[(String, AdoptionProblem)] {
        &self.problems
    }

    pub fn adopted(&self) -> &[Adopted] {
        &self.adopted
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// What a new adoption, and every record signed now, names.
    pub fn heads(&self) -> Vec<String> {
        self.history.heads()
    }

    /// The adoption a decision dated `on` by a file signed under `heads`
    /// (`None`: written before adoptions existed) relies on for the norm
    /// with `sha256`, or why there is none.
    pub fn for_decision(
        &self,
        sha256: &str,
        on: Date,
        heads: Option<&[String]>,
    ) -> Result<&Adopted, Unusable> {
        let mut why = Unusable::NotAdopted;
        for a in self
            .adopted
            .iter()
            .filter(|a| a.adoption.norm.sha256 == sha256)
        {
            let seen = heads.is_none_or(|heads| {
                self.history
                    .position(&a.hash)
                    .is_some_and(|p| self.history.seen_by(heads, p))
            });
            if !seen {
                continue;
            }
            match a.refuses(on) {
                None => return Ok(a),
                Some(reason) => why = reason,
            }
        }
        Err(why)
    }

    /// The newest adoption of norm `id` a decision dated `on` may rely on.
    pub fn current(&self, id: &str, on: Date) -> Option<&Adopted> {
        self.adopted
            .iter()
            .filter(|a| a.adoption.norm.id == id && a.refuses(on).is_none())
            .max_by_key(|a| (a.adoption.norm.version, a.adoption.created))
    }

    /// Where the norm text with `id` and `sha256` stands in the store.
    pub fn standing(&self, id: &str, sha256: &str) -> Standing {
        if let Some(a) = self.of_sha(sha256) {
            return Standing::Adopted {
                withdrawn: a.withdrawn.as_ref().map(|(since, _)| *since),
            };
        }
        self.adopted
            .iter()
            .filter(|a| a.adoption.norm.id == id)
            .map(|a| a.adoption.norm.version)
            .max()
            .map_or(Standing::NotAdopted, |version| Standing::OtherText {
                version,
            })
    }

    /// Any adoption of the norm with `sha256`, withdrawn or not.
    pub fn of_sha(&self, sha256: &str) -> Option<&Adopted> {
        self.adopted
            .iter()
            .find(|a| a.adoption.norm.sha256 == sha256)
    }
}

/// Whether `role` (or the right to manage the keyring) may adopt.
pub fn may_adopt(adopters: &[String], role: &str, manages_keyring: bool) -> bool {
    manages_keyring || adopters.iter().any(|r| r == role)
}

/// Everything about one adoption file except its place among the others.
fn check(file: &SignedAdoption, cx: &Context<'_>) -> Result<Norm, AdoptionProblem> {
    let a = &file.adoption;
    for head in &a.keyring {
        if cx.keyring.history().node(head).is_none() {
            return Err(AdoptionProblem::KeyringMissing { hash: head.clone() });
        }
    }
    let sig = keys::parse_signature(&file.signature).ok_or(AdoptionProblem::BadSignature)?;
    if sig.namespace() != Namespace::Adoption.as_str() {
        return Err(AdoptionProblem::BadSignature);
    }
    let key = ssh_key::PublicKey::from(sig.public_key().clone());
    let fingerprint = Fingerprint::of(&key);
    let grant = cx
        .keyring
        .grant_for_key(&fingerprint, a.created)
        .filter(|g| {
            fingerprint.as_str() == a.registered_by.key
                && g.principal == a.registered_by.principal
                && g.name == a.registered_by.name
                && g.role == a.registered_by.role
                && cx.keyring.saw(Some(&a.keyring), g)
        })
        .ok_or(AdoptionProblem::SignerUnknown)?;
    if !may_adopt(cx.adopters, &grant.role, grant.manages_keyring()) {
        return Err(AdoptionProblem::NotAnAdopter {
            role: grant.role.clone(),
        });
    }
    if !keys::verify(&key, Namespace::Adoption, &file.bytes, &sig) {
        return Err(AdoptionProblem::BadSignature);
    }
    let norm = match (cx.snapshots)(&a.norm.sha256) {
        None => return Err(AdoptionProblem::NormMissing),
        Some(None) => return Err(AdoptionProblem::NormInvalid),
        Some(Some(norm)) => norm,
    };
    if norm.id != a.norm.id || norm.version != a.norm.version {
        return Err(AdoptionProblem::NormInvalid);
    }
    if a.action == AdoptionAction::Adopt {
        check_facts(&norm, a, cx.roles)?;
    }
    Ok(norm)
}

/// An adoption states the norm's own facts, of an adopted norm whose tiers
/// name roles the store has.
pub fn check_facts(norm: &Norm, a: &Adoption, roles: &[String]) -> Result<(), AdoptionProblem> {
    let facts = &a.norm;
    if facts.title != norm.title
        || facts.status != norm.status.as_str()
        || facts.adopted_on != norm.adopted_on
        || facts.adopted_by != norm.adopted_by
        || facts.valid_from != norm.valid_from
        || facts.valid_until != norm.valid_until
    {
        return Err(AdoptionProblem::FactsDiffer);
    }
    if norm.status != Status::Vastgesteld {
        return Err(AdoptionProblem::NotVastgesteld);
    }
    unknown_role(norm, roles).map_or(Ok(()), |role| Err(AdoptionProblem::UnknownRole { role }))
}

/// The first role a tier of `norm` names that is not among `roles`.
pub fn unknown_role(norm: &Norm, roles: &[String]) -> Option<String> {
    norm.mandate
        .tiers
        .iter()
        .find(|t| !roles.contains(&t.role))
        .map(|t| t.role.clone())
}
