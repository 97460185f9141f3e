//! The keyring: the team's people, roles and public keys — the trust root of
//! every signature.
//!
//! Each change is its own signed file (`keyring/KR-….toml` plus `.sig`), so
//! two beheerders editing the keyring never touch the same file. The first
//! entry, made at `init`, is signed by its own key: the trust root, whose
//! fingerprint an auditor pins. Every later entry must be signed by someone
//! who managed the keyring when it was made, under a grant the entry saw:
//! each change names the changes it follows (see [`super::history`]), so a
//! removed revocation or a change slipped in before one shows.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use ssh_key::PublicKey;

use std::collections::HashMap;

use super::history::{self, History, HistoryProblem, Node};
use super::keys::{self, Fingerprint, Namespace};
use super::record::Author;

mod allowed_signers;

pub const KEYRING_FORMAT: &str = "maatwerk-keyring/2";

/// The role that may change the keyring. A member with another role may
/// also manage it when their entry says `beheerder = true` (e.g. the
/// consulent who set up a small team's store).
pub const BEHEERDER: &str = "beheerder";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// A new member, with key and role.
    Add,
    /// A member's key, role or name changes from `valid_from` on.
    Change,
    /// A member may no longer sign from `valid_from` on.
    Revoke,
}

/// One keyring file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyringEntry {
    pub format: String,
    pub id: String,
    pub created: Timestamp,
    /// The keyring changes this one follows (the heads it saw); absent in
    /// entries written before the history was linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<Vec<String>>,
    pub action: Action,
    pub principal: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Whether this member may also change the keyring, whatever their role;
    /// absent on a change keeps what it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beheerder: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_key: Option<String>,
    pub valid_from: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<Timestamp>,
    /// The principal of the beheerder who signed this entry.
    pub signed_by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// In the trust root's own entry: `sha256:` of the store's
    /// `store.toml`, so the store's description cannot change afterwards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<String>,
}

/// Whether `principal` is a usable principal: an e-mail address or similar
/// name of lower-case letters, digits and `.`, `_`, `-`, `@`.
pub fn is_principal(principal: &str) -> bool {
    !principal.is_empty()
        && principal.len() <= 100
        && principal.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-' | b'@')
        })
        && !principal.starts_with('.')
}

/// A person's right to sign with one key in one role for a time.
#[derive(Debug, Clone)]
pub struct Grant {
    pub entry_id: String,
    /// [`history::link`] of the entry that gave it.
    pub entry_hash: String,
    pub principal: String,
    pub name: String,
    pub role: String,
    /// May change the keyring besides `role`.
    pub beheerder: bool,
    pub key: PublicKey,
    pub fingerprint: Fingerprint,
    pub from: Timestamp,
    /// Exclusive end: the earliest of `valid_until`, a later change and a
    /// revocation.
    pub until: Option<Timestamp>,
}

impl Grant {
    pub fn covers(&self, at: Timestamp) -> bool {
        self.from <= at && self.until.is_none_or(|until| at < until)
    }

    /// Whether this grant may sign keyring changes.
    pub fn manages_keyring(&self) -> bool {
        self.beheerder || self.role == BEHEERDER
    }

    /// The author a file signed under this grant names.
    pub fn author(&self) -> Author {
        Author {
            principal: self.principal.clone(),
            name: self.name.clone(),
            role: self.role.clone(),
            key: self.fingerprint.to_string(),
        }
    }
}

/// A keyring entry as read from the store.
#[derive(Debug, Clone)]
pub struct SignedEntry {
    pub file: String,
    pub entry: KeyringEntry,
    pub bytes: Vec<u8>,
    pub signature: String,
}

impl SignedEntry {
    fn node(&self) -> Node {
        Node {
            file: self.file.clone(),
            hash: history::link(&self.bytes),
            created: self.entry.created,
            follows: self.entry.follows.clone(),
        }
    }
}

/// Why a keyring entry does not count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryProblem {
    BadSignature,
    SignerNotBeheerder {
        signer: String,
    },
    SecondRoot,
    NoRoot,
    BadPublicKey,
    Incomplete,
    UnknownPrincipal,
    RootMismatch {
        expected: String,
        found: String,
    },
    /// A principal (of the member or the signer) that is no plain name.
    BadPrincipal,
    /// Its place in the hash-linked history is wrong.
    History(HistoryProblem),
    /// Signed by someone whose right to manage the keyring had ended by
    /// then (a revocation or change the entry did not see).
    SignerRevoked {
        signer: String,
    },
    /// An addition or change that would count from before it was made:
    /// trust is never given into the past (taking it away is: a revocation
    /// may count from when a key was lost).
    ReachesBack,
    /// A name that is empty, not one line, or shows otherwise than it
    /// reads.
    BadName,
}

/// How long before its making an addition or change may say it counts from:
/// clocks differ a little.
pub const BACKDATE_SLACK_SECONDS: i64 = 300;

/// What the trust root's entry says of the store's description.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ConfigPin {
    /// No valid root, so nothing to say.
    #[default]
    NoRoot,
    /// A root of release 0.1, before entries were linked: nothing pinned.
    Legacy,
    /// The `sha256:` of `store.toml`.
    Pinned(String),
    /// A linked root entry that pins nothing.
    Missing,
}

/// The keyring as it follows from its entries.
#[derive(Debug, Clone, Default)]
pub struct Keyring {
    grants: Vec<Grant>,
    root: Option<Fingerprint>,
    config_pin: ConfigPin,
    problems: Vec<(String, EntryProblem)>,
    history: History,
    /// For each entry that counts: the grant it was signed under.
    authority: Vec<(String, usize)>,
    /// Which change ended a grant early, by grant index.
    ended_by: HashMap<usize, String>,
}

impl Keyring {
    /// Replays `entries`, accepting only those signed by their rightful
    /// signer. Entries written before the history was linked are replayed
    /// in the order they were made; entries made in the same second have no
    /// order of their own, so one whose signer or subject is not (yet)
    /// known waits for the next pass. Linked entries follow, each after
    /// what it follows. An entry whose signer turns out to have lost the
    /// right before it was made (a revocation replayed later) does not
    /// count, and the keyring is replayed without it.
    pub fn build(entries: &[SignedEntry]) -> Self {
        let history = History::new(entries.iter().map(SignedEntry::node).collect());
        let mut excluded: HashMap<String, EntryProblem> = history
            .problems()
            .into_iter()
            .map(|(file, p)| (file, EntryProblem::History(p)))
            .collect();
        loop {
            let mut ring = Self::replay(entries, &history, &excluded);
            let revoked = ring.revoked_authorities(entries);
            if revoked.is_empty() {
                ring.problems.extend(excluded);
                ring.problems.sort_by(|a, b| a.0.cmp(&b.0));
                if ring.root.is_none() && !entries.is_empty() {
                    ring.problems.push((String::new(), EntryProblem::NoRoot));
                }
                ring.history = history;
                return ring;
            }
            excluded.extend(revoked);
        }
    }

    /// One replay of every entry not `excluded`.
    fn replay(
        entries: &[SignedEntry],
        history: &History,
        excluded: &HashMap<String, EntryProblem>,
    ) -> Self {
        let mut ring = Self::default();
        let by_hash: HashMap<String, &SignedEntry> = entries
            .iter()
            .map(|e| (history::link(&e.bytes), e))
            .collect();
        let order: Vec<&SignedEntry> = history
            .topological()
            .into_iter()
            .filter_map(|i| by_hash.get(&history.nodes()[i].hash).copied())
            .filter(|e| !excluded.contains_key(&e.file))
            .collect();
        // Unlinked entries first, in passes (same-second entries).
        let mut pending: Vec<&SignedEntry> = order
            .iter()
            .copied()
            .filter(|e| e.entry.follows.is_none())
            .collect();
        loop {
            let mut waiting = Vec::new();
            for signed in &pending {
                match ring.apply(signed, history) {
                    Ok(()) => {}
                    Err(
                        p @ (EntryProblem::SignerNotBeheerder { .. }
                        | EntryProblem::UnknownPrincipal),
                    ) => waiting.push((*signed, p)),
                    Err(p) => ring.problems.push((signed.file.clone(), p)),
                }
            }
            if waiting.is_empty() || waiting.len() == pending.len() {
                ring.problems
                    .extend(waiting.into_iter().map(|(s, p)| (s.file.clone(), p)));
                break;
            }
            pending = waiting.into_iter().map(|(s, _)| s).collect();
        }
        // Linked entries, each after what it saw.
        for signed in order.iter().filter(|e| e.entry.follows.is_some()) {
            if let Err(p) = ring.apply(signed, history) {
                ring.problems.push((signed.file.clone(), p));
            }
        }
        ring
    }

    /// Entries whose signer's grant, as every revocation now has it, no
    /// longer covered the moment they were made.
    fn revoked_authorities(&self, entries: &[SignedEntry]) -> Vec<(String, EntryProblem)> {
        self.authority
            .iter()
            .filter_map(|(file, grant)| {
                let entry = entries.iter().find(|e| &e.file == file)?;
                let ended_by_itself =
                    self.ended_by.get(grant) == Some(&history::link(&entry.bytes));
                let grant = &self.grants[*grant];
                (!grant.covers(entry.entry.created) && !ended_by_itself).then(|| {
                    (
                        file.clone(),
                        EntryProblem::SignerRevoked {
                            signer: grant.principal.clone(),
                        },
                    )
                })
            })
            .collect()
    }

    fn apply(&mut self, signed: &SignedEntry, history: &History) -> Result<(), EntryProblem> {
        let e = &signed.entry;
        if !is_principal(&e.principal) || !is_principal(&e.signed_by) {
            return Err(EntryProblem::BadPrincipal);
        }
        let sig = keys::parse_signature(&signed.signature).ok_or(EntryProblem::BadSignature)?;
        let self_signed = e.signed_by == e.principal && e.action == Action::Add;
        let new_key = match &e.public_key {
            Some(text) => Some(keys::parse_public_key(text).ok_or(EntryProblem::BadPublicKey)?),
            None => None,
        };
        let first = match &e.follows {
            None => self.root.is_none(),
            Some(follows) => follows.is_empty(),
        };
        if self_signed && first && self.root.is_none() {
            // The trust root: the first entry, a beheerder signing for itself.
            let key = new_key.as_ref().ok_or(EntryProblem::Incomplete)?;
            if e.role.as_deref() != Some(BEHEERDER) && e.beheerder != Some(true) {
                return Err(EntryProblem::SignerNotBeheerder {
                    signer: e.signed_by.clone(),
                });
            }
            if !keys::verify(key, Namespace::Keyring, &signed.bytes, &sig) {
                return Err(EntryProblem::BadSignature);
            }
            self.root = Some(Fingerprint::of(key));
            self.config_pin = match (&e.follows, &e.config) {
                (None, _) => ConfigPin::Legacy,
                (Some(_), Some(pin)) => ConfigPin::Pinned(pin.clone()),
                (Some(_), None) => ConfigPin::Missing,
            };
        } else if self_signed && self.grants.iter().all(|g| g.principal != e.principal) {
            return Err(EntryProblem::SecondRoot);
        } else {
            let follows = e.follows.clone();
            let authority = self
                .grants
                .iter()
                .rposition(|g| {
                    g.principal == e.signed_by
                        && g.manages_keyring()
                        && g.covers(e.created)
                        && follows.as_ref().is_none_or(|heads| {
                            history
                                .position(&g.entry_hash)
                                .is_some_and(|i| history.seen_by(heads, i))
                        })
                })
                .ok_or_else(|| EntryProblem::SignerNotBeheerder {
                    signer: e.signed_by.clone(),
                })?;
            if !keys::verify(
                &self.grants[authority].key,
                Namespace::Keyring,
                &signed.bytes,
                &sig,
            ) {
                return Err(EntryProblem::BadSignature);
            }
            self.authority.push((signed.file.clone(), authority));
        }
        self.record(e, &history::link(&signed.bytes), new_key)
    }

    fn record(
        &mut self,
        e: &KeyringEntry,
        hash: &str,
        key: Option<PublicKey>,
    ) -> Result<(), EntryProblem> {
        let current = self
            .grants
            .iter()
            .rposition(|g| g.principal == e.principal && g.until.is_none_or(|u| u > e.valid_from));
        match e.action {
            Action::Revoke => {
                current.ok_or(EntryProblem::UnknownPrincipal)?;
                // Every grant of the person ends: the current one and any
                // scheduled for later.
                let theirs: Vec<usize> = (0..self.grants.len())
                    .filter(|i| self.grants[*i].principal == e.principal)
                    .collect();
                for i in theirs {
                    self.end_grant(i, e.valid_from, hash);
                }
                Ok(())
            }
            Action::Add | Action::Change => {
                // Linked entries (this release on) never give trust into
                // the past.
                if e.follows.is_some()
                    && e.valid_from.as_second() < e.created.as_second() - BACKDATE_SLACK_SECONDS
                {
                    return Err(EntryProblem::ReachesBack);
                }
                let previous = current.map(|i| self.grants[i].clone());
                if e.action == Action::Change && previous.is_none() {
                    return Err(EntryProblem::UnknownPrincipal);
                }
                let key = key
                    .or_else(|| previous.as_ref().map(|p| p.key.clone()))
                    .ok_or(EntryProblem::Incomplete)?;
                let name = e
                    .name
                    .clone()
                    .or_else(|| previous.as_ref().map(|p| p.name.clone()))
                    .ok_or(EntryProblem::Incomplete)?;
                if name.trim().is_empty()
                    || name.contains('\n')
                    || crate::domain::text::has_hidden_control(&name)
                {
                    return Err(EntryProblem::BadName);
                }
                let role = e
                    .role
                    .clone()
                    .or_else(|| previous.as_ref().map(|p| p.role.clone()))
                    .ok_or(EntryProblem::Incomplete)?;
                let beheerder = match (e.action, e.beheerder) {
                    (_, Some(b)) => b,
                    (Action::Change, None) => previous.as_ref().is_some_and(|p| p.beheerder),
                    (_, None) => false,
                };
                if let Some(i) = current {
                    self.end_grant(i, e.valid_from, hash);
                }
                self.grants.push(Grant {
                    entry_id: e.id.clone(),
                    entry_hash: hash.to_owned(),
                    principal: e.principal.clone(),
                    name,
                    role,
                    beheerder,
                    fingerprint: Fingerprint::of(&key),
                    key,
                    from: e.valid_from,
                    until: e.valid_until,
                });
                Ok(())
            }
        }
    }

    /// Ends grant `i` at `at` (never before it began), when that is sooner
    /// than it ended, remembering which change ended it.
    fn end_grant(&mut self, i: usize, at: Timestamp, by: &str) {
        let g = &mut self.grants[i];
        let end = at.max(g.from);
        if g.until.is_none_or(|u| end < u) {
            g.until = Some(end);
            self.ended_by.insert(i, by.to_owned());
        }
    }

    /// The keyring changes no other change follows: what a new change, and
    /// every file signed now, names.
    pub fn heads(&self) -> Vec<String> {
        self.history.heads()
    }

    /// The keyring's history of changes.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Whether a file signed under `heads` saw the change that gave `grant`
    /// (files written before the history was linked name no heads, and
    /// are judged by time alone).
    pub fn saw(&self, heads: Option<&[String]>, grant: &Grant) -> bool {
        heads.is_none_or(|heads| {
            self.history
                .position(&grant.entry_hash)
                .is_some_and(|i| self.history.seen_by(heads, i))
        })
    }

    /// The trust root's fingerprint, when there is a valid root.
    pub fn root(&self) -> Option<&Fingerprint> {
        self.root.as_ref()
    }

    /// What the root's entry pins of `store.toml`.
    pub fn config_pin(&self) -> &ConfigPin {
        &self.config_pin
    }

    /// Entries that did not count, with why.
    pub fn problems(&self) -> &[(String, EntryProblem)] {
        &self.problems
    }

    pub fn grants(&self) -> &[Grant] {
        &self.grants
    }

    /// Whether anyone but `author` holds, at `at`, a role that reaches
    /// `needed` in `mandate`: someone who can review the decision.
    pub fn has_reviewer(
        &self,
        mandate: &crate::domain::norm::Mandate,
        needed: &str,
        author: &str,
        at: Timestamp,
    ) -> bool {
        let Some(need) = mandate.rank(needed) else {
            return false;
        };
        self.grants.iter().any(|g| {
            g.principal != author
                && g.covers(at)
                && mandate.rank(&g.role).is_some_and(|have| have >= need)
        })
    }

    /// The grants in a stable order for people and diffs: by principal,
    /// then start.
    pub fn listing(&self) -> Vec<&Grant> {
        let mut list: Vec<&Grant> = self.grants.iter().collect();
        list.sort_by(|a, b| {
            (&a.principal, a.from, &a.entry_id).cmp(&(&b.principal, b.from, &b.entry_id))
        });
        list
    }

    /// The grant under which `fingerprint` could sign at `at`.
    /// The grant the public `key` holds at `at`; its fingerprint when it
    /// holds none, to say whose key is not in the keyring.
    pub fn grant_of_key(&self, key: &PublicKey, at: Timestamp) -> Result<&Grant, Fingerprint> {
        let fingerprint = Fingerprint::of(key);
        self.grant_for_key(&fingerprint, at).ok_or(fingerprint)
    }

    /// The fingerprint of `key`, taken from the keyring when a grant
    /// holds that key (verification asks for it once per file).
    pub fn fingerprint_of(&self, key: &PublicKey) -> Fingerprint {
        self.grants
            .iter()
            .find(|g| g.key.key_data() == key.key_data())
            .map_or_else(|| Fingerprint::of(key), |g| g.fingerprint.clone())
    }

    pub fn grant_for_key(&self, fingerprint: &Fingerprint, at: Timestamp) -> Option<&Grant> {
        self.grants
            .iter()
            .rev()
            .find(|g| &g.fingerprint == fingerprint && g.covers(at))
    }

    /// Any grant ever given to `fingerprint`, to explain a refusal.
    pub fn any_grant_for_key(&self, fingerprint: &Fingerprint) -> Option<&Grant> {
        self.grants
            .iter()
            .rev()
            .find(|g| &g.fingerprint == fingerprint)
    }

    /// The grant `principal` holds at `at`.
    pub fn member_at(&self, principal: &str, at: Timestamp) -> Option<&Grant> {
        self.grants
            .iter()
            .rev()
            .find(|g| g.principal == principal && g.covers(at))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::keys::Signer;

    pub(crate) fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    /// Bea, the root, and Anna: consulent from 1 February 2026, teamleider
    /// from 1 March, revoked from 1 April.
    pub(crate) fn anna_and_bea() -> (Keyring, Signer, Signer) {
        let (bea, anna, e) = team();
        (Keyring::build(&e.list), bea, anna)
    }

    struct Entries {
        list: Vec<SignedEntry>,
    }

    impl Entries {
        fn push(&mut self, signer: &Signer, entry: KeyringEntry) {
            let bytes = toml::to_string(&entry).unwrap().into_bytes();
            let signature = signer.sign(Namespace::Keyring, &bytes).unwrap();
            self.list.push(SignedEntry {
                file: format!("keyring/{}.toml", entry.id),
                entry,
                bytes,
                signature,
            });
        }
    }

    fn entry(
        id: &str,
        action: Action,
        principal: &str,
        role: Option<&str>,
        key: Option<&Signer>,
        from: &str,
        by: &str,
    ) -> KeyringEntry {
        KeyringEntry {
            format: KEYRING_FORMAT.into(),
            id: id.into(),
            created: at(from),
            follows: None,
            action,
            principal: principal.into(),
            name: key.map(|_| principal.to_uppercase()),
            role: role.map(str::to_owned),
            beheerder: None,
            public_key: key.map(|k| k.public_key().to_openssh().unwrap()),
            valid_from: at(from),
            valid_until: None,
            signed_by: by.into(),
            reason: None,
            config: None,
        }
    }

    /// Bea (root), Anna added as consulent, promoted, then revoked.
    fn team() -> (Signer, Signer, Entries) {
        let bea = Signer::generate("bea").unwrap();
        let anna = Signer::generate("anna").unwrap();
        let mut e = Entries { list: Vec::new() };
        e.push(
            &bea,
            entry(
                "KR-1",
                Action::Add,
                "bea",
                Some(BEHEERDER),
                Some(&bea),
                "2026-01-01T00:00:00Z",
                "bea",
            ),
        );
        e.push(
            &bea,
            entry(
                "KR-2",
                Action::Add,
                "anna",
                Some("consulent"),
                Some(&anna),
                "2026-02-01T00:00:00Z",
                "bea",
            ),
        );
        e.push(
            &bea,
            entry(
                "KR-3",
                Action::Change,
                "anna",
                Some("teamleider"),
                None,
                "2026-03-01T00:00:00Z",
                "bea",
            ),
        );
        e.push(
            &bea,
            entry(
                "KR-4",
                Action::Revoke,
                "anna",
                None,
                None,
                "2026-04-01T00:00:00Z",
                "bea",
            ),
        );
        (bea, anna, e)
    }

    #[test]
    fn roles_follow_changes_and_revocations_in_time() {
        let (bea, anna, e) = team();
        let ring = Keyring::build(&e.list);
        assert!(ring.problems().is_empty(), "{:?}", ring.problems());
        assert_eq!(ring.root(), Some(bea.fingerprint()));
        let role = |t: &str| {
            ring.grant_for_key(anna.fingerprint(), at(t))
                .map(|g| g.role.clone())
        };
        assert_eq!(role("2026-01-15T00:00:00Z"), None, "not yet a member");
        assert_eq!(role("2026-02-15T00:00:00Z").as_deref(), Some("consulent"));
        assert_eq!(role("2026-03-15T00:00:00Z").as_deref(), Some("teamleider"));
        assert_eq!(
            role("2026-04-01T00:00:00Z"),
            None,
            "revoked from that moment"
        );
        assert!(ring.any_grant_for_key(anna.fingerprint()).is_some());
    }

    #[test]
    fn the_order_files_are_read_in_does_not_matter() {
        let (_, anna, mut e) = team();
        e.list.reverse();
        // Same second for all: only signatures decide what counts.
        for s in &mut e.list {
            s.entry.created = at("2026-01-01T00:00:00Z");
        }
        let ring = Keyring::build(&e.list);
        assert!(ring.problems().is_empty(), "{:?}", ring.problems());
        assert!(ring.any_grant_for_key(anna.fingerprint()).is_some());
    }

    #[test]
    fn only_a_beheerder_at_the_time_may_sign_changes() {
        let (_, anna, mut e) = team();
        let eve = Signer::generate("eve").unwrap();
        // Anna, a teamleider, tries to add Eve.
        e.push(
            &anna,
            entry(
                "KR-5",
                Action::Add,
                "eve",
                Some(BEHEERDER),
                Some(&eve),
                "2026-03-10T00:00:00Z",
                "anna",
            ),
        );
        // Eve signs for herself as a second root.
        e.push(
            &eve,
            entry(
                "KR-6",
                Action::Add,
                "eve",
                Some(BEHEERDER),
                Some(&eve),
                "2026-03-11T00:00:00Z",
                "eve",
            ),
        );
        let ring = Keyring::build(&e.list);
        let problems: Vec<&EntryProblem> = ring.problems().iter().map(|(_, p)| p).collect();
        assert_eq!(
            problems,
            [
                &EntryProblem::SignerNotBeheerder {
                    signer: "anna".into()
                },
                &EntryProblem::SecondRoot
            ]
        );
        assert!(ring.any_grant_for_key(eve.fingerprint()).is_none());
    }

    #[test]
    fn a_consulent_may_also_manage_the_keyring_when_an_entry_says_so() {
        let sanne = Signer::generate("sanne").unwrap();
        let tom = Signer::generate("tom").unwrap();
        let mut e = Entries { list: Vec::new() };
        // A consulent may not be the trust root on their role alone …
        e.push(
            &sanne,
            entry(
                "KR-1",
                Action::Add,
                "sanne",
                Some("consulent"),
                Some(&sanne),
                "2026-01-01T00:00:00Z",
                "sanne",
            ),
        );
        let ring = Keyring::build(&e.list);
        assert!(ring.root().is_none());

        // … but may be with `beheerder = true`, and then adds Tom.
        e.list.clear();
        let mut root = entry(
            "KR-1",
            Action::Add,
            "sanne",
            Some("consulent"),
            Some(&sanne),
            "2026-01-01T00:00:00Z",
            "sanne",
        );
        root.beheerder = Some(true);
        e.push(&sanne, root);
        e.push(
            &sanne,
            entry(
                "KR-2",
                Action::Add,
                "tom",
                Some("consulent"),
                Some(&tom),
                "2026-01-02T00:00:00Z",
                "sanne",
            ),
        );
        // Sanne becomes teamleider: a change without `beheerder` keeps it.
        e.push(
            &sanne,
            entry(
                "KR-3",
                Action::Change,
                "sanne",
                Some("teamleider"),
                None,
                "2026-02-01T00:00:00Z",
                "sanne",
            ),
        );
        // Tom, not a beheerder, cannot add anyone.
        e.push(
            &tom,
            entry(
                "KR-4",
                Action::Add,
                "eve",
                Some("consulent"),
                Some(&Signer::generate("eve").unwrap()),
                "2026-02-02T00:00:00Z",
                "tom",
            ),
        );
        let ring = Keyring::build(&e.list);
        assert_eq!(ring.root(), Some(sanne.fingerprint()));
        let now = at("2026-03-01T00:00:00Z");
        let sanne_now = ring.member_at("sanne", now).unwrap();
        assert_eq!(sanne_now.role, "teamleider");
        assert!(sanne_now.manages_keyring(), "kept through the change");
        assert!(!ring.member_at("tom", now).unwrap().manages_keyring());
        assert!(ring.member_at("eve", now).is_none());
        let signers = ring.allowed_signers(&["afdelingshoofd".to_owned()]);
        let line = |who: &str| {
            signers
                .lines()
                .filter(|l| l.starts_with(who))
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        assert!(
            line("sanne ")
                .iter()
                .all(|l| l.contains("maatwerk-keyring"))
        );
        assert!(line("tom ").iter().all(|l| !l.contains("maatwerk-keyring")));
        // Keyring managers and the store's adopters sign adoptions.
        assert!(
            line("sanne ")
                .iter()
                .all(|l| l.contains("maatwerk-adoption"))
        );
        assert!(
            line("tom ")
                .iter()
                .all(|l| !l.contains("maatwerk-adoption"))
        );
    }

    #[test]
    fn a_tampered_entry_does_not_count() {
        let (_, anna, mut e) = team();
        e.list[1].bytes = String::from_utf8(e.list[1].bytes.clone())
            .unwrap()
            .replace("consulent", "beheerder")
            .into_bytes();
        let ring = Keyring::build(&e.list);
        assert!(
            ring.problems()
                .iter()
                .any(|(f, p)| f == "keyring/KR-2.toml" && *p == EntryProblem::BadSignature)
        );
        assert!(ring.any_grant_for_key(anna.fingerprint()).is_none());
    }

    /// `entry` following `heads` of `entries` so far.
    fn linked(e: &Entries, mut entry: KeyringEntry) -> KeyringEntry {
        let ring = Keyring::build(&e.list);
        entry.follows = Some(if e.list.is_empty() {
            Vec::new()
        } else {
            ring.heads()
        });
        entry
    }

    /// A linked keyring: Bea (root), Anna consulent, a change scheduled to
    /// make Anna teamleider in March, and Anna revoked in February.
    fn linked_team() -> (Signer, Signer, Entries) {
        let bea = Signer::generate("bea").unwrap();
        let anna = Signer::generate("anna").unwrap();
        let mut e = Entries { list: Vec::new() };
        let steps = [
            entry(
                "KR-1",
                Action::Add,
                "bea",
                Some(BEHEERDER),
                Some(&bea),
                "2026-01-01T00:00:00Z",
                "bea",
            ),
            entry(
                "KR-2",
                Action::Add,
                "anna",
                Some("consulent"),
                Some(&anna),
                "2026-01-02T00:00:00Z",
                "bea",
            ),
        ];
        for step in steps {
            let step = linked(&e, step);
            e.push(&bea, step);
        }
        let mut scheduled = entry(
            "KR-3",
            Action::Change,
            "anna",
            Some("teamleider"),
            None,
            "2026-01-03T00:00:00Z",
            "bea",
        );
        scheduled.valid_from = at("2026-03-01T00:00:00Z");
        let scheduled = linked(&e, scheduled);
        e.push(&bea, scheduled);
        let mut revoke = entry(
            "KR-4",
            Action::Revoke,
            "anna",
            None,
            None,
            "2026-02-01T00:00:00Z",
            "bea",
        );
        revoke.valid_from = at("2026-02-01T00:00:00Z");
        let revoke = linked(&e, revoke);
        e.push(&bea, revoke);
        (bea, anna, e)
    }

    #[test]
    fn a_revocation_ends_scheduled_grants_too() {
        let (_, anna, e) = linked_team();
        let ring = Keyring::build(&e.list);
        assert!(ring.problems().is_empty(), "{:?}", ring.problems());
        assert_eq!(ring.heads().len(), 1);
        for when in [
            "2026-02-15T00:00:00Z",
            "2026-03-15T00:00:00Z",
            "2027-01-01T00:00:00Z",
        ] {
            assert!(
                ring.grant_for_key(anna.fingerprint(), at(when)).is_none(),
                "revoked at {when}, also as the teamleider she was to become"
            );
        }
    }

    #[test]
    fn a_removed_revocation_shows_once_anything_followed_it() {
        let (bea, _, mut e) = linked_team();
        let later = linked(
            &e,
            entry(
                "KR-5",
                Action::Add,
                "tom",
                Some("consulent"),
                Some(&Signer::generate("tom").unwrap()),
                "2026-02-02T00:00:00Z",
                "bea",
            ),
        );
        e.push(&bea, later);
        e.list.retain(|s| s.entry.id != "KR-4");
        let ring = Keyring::build(&e.list);
        assert!(
            ring.problems().iter().any(|(f, p)| f == "keyring/KR-5.toml"
                && matches!(p, EntryProblem::History(HistoryProblem::Missing { .. }))),
            "{:?}",
            ring.problems()
        );
    }

    #[test]
    fn a_revoked_beheerder_cannot_change_the_keyring_after_whatever_time_they_write() {
        let bea = Signer::generate("bea").unwrap();
        let ben = Signer::generate("ben").unwrap();
        let eve = Signer::generate("eve").unwrap();
        let mut e = Entries { list: Vec::new() };
        let root = linked(
            &e,
            entry(
                "KR-1",
                Action::Add,
                "bea",
                Some(BEHEERDER),
                Some(&bea),
                "2026-01-01T00:00:00Z",
                "bea",
            ),
        );
        e.push(&bea, root);
        let add_ben = linked(
            &e,
            entry(
                "KR-2",
                Action::Add,
                "ben",
                Some(BEHEERDER),
                Some(&ben),
                "2026-01-02T00:00:00Z",
                "bea",
            ),
        );
        e.push(&bea, add_ben);
        let revoke = linked(
            &e,
            entry(
                "KR-3",
                Action::Revoke,
                "ben",
                None,
                None,
                "2026-02-01T00:00:00Z",
                "bea",
            ),
        );
        e.push(&bea, revoke);
        // Ben, revoked, adds Eve after seeing his revocation, writing a time
        // before it.
        let mut sneaky = linked(
            &e,
            entry(
                "KR-4",
                Action::Add,
                "eve",
                Some(BEHEERDER),
                Some(&eve),
                "2026-01-15T00:00:00Z",
                "ben",
            ),
        );
        sneaky.valid_from = at("2026-01-15T00:00:00Z");
        e.push(&ben, sneaky);
        let ring = Keyring::build(&e.list);
        assert!(
            ring.problems()
                .iter()
                .any(|(f, _)| f == "keyring/KR-4.toml"),
            "{:?}",
            ring.problems()
        );
        assert!(ring.any_grant_for_key(eve.fingerprint()).is_none());
    }

    #[test]
    fn a_principal_that_is_a_path_never_counts() {
        let bea = Signer::generate("bea").unwrap();
        let mut e = Entries { list: Vec::new() };
        let root = linked(
            &e,
            entry(
                "KR-1",
                Action::Add,
                "bea",
                Some(BEHEERDER),
                Some(&bea),
                "2026-01-01T00:00:00Z",
                "bea",
            ),
        );
        e.push(&bea, root);
        let bad = linked(
            &e,
            entry(
                "KR-2",
                Action::Add,
                "../../etc",
                Some("consulent"),
                Some(&Signer::generate("x").unwrap()),
                "2026-01-02T00:00:00Z",
                "bea",
            ),
        );
        e.push(&bea, bad);
        let ring = Keyring::build(&e.list);
        assert_eq!(
            ring.problems(),
            [("keyring/KR-2.toml".into(), EntryProblem::BadPrincipal)]
        );
        assert!(
            ring.member_at("../../etc", at("2026-02-01T00:00:00Z"))
                .is_none()
        );
    }

    #[test]
    fn principals_are_plain_names() {
        for ok in ["anna@gemeente.example", "a.de-wit_2@x"] {
            assert!(is_principal(ok), "{ok}");
        }
        for bad in [
            "",
            "Anna",
            "anna wit",
            ".anna",
            "anna/../x",
            &"a".repeat(101),
        ] {
            assert!(!is_principal(bad), "{bad}");
        }
    }
}
