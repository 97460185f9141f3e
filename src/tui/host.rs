//! The host the real walkthrough runs with: drafts in the drafts
//! directory, records and signals signed into the store through the
//! library's operations, and on the first run the key and the store made
//! (with the example norms adopted, when the person chose so).

use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use jiff::Timestamp;
use jiff::civil::Date;

use super::app::{Counting, Signatory};
use super::onboarding::Identity;
use super::run::Host;
use crate::domain::clock::Clock;
use crate::domain::draft::{Draft, Drafts};
use crate::domain::keyring::Grant;
use crate::domain::keys::{KeyFile, Signer};
use crate::domain::norm::catalog::Catalog;
use crate::domain::ops;
use crate::domain::ops::signal::SignalRequest;
use crate::domain::signal::TriedNorm;
use crate::domain::store::{Earlier, Store, StoreError};
use crate::i18n::Lang;

/// Where the first run puts what it makes, and the norms it may adopt.
#[derive(Debug, Clone)]
pub struct FirstRun {
    /// Where the key goes (or the link to the key that was found).
    pub key_path: PathBuf,
    pub store_dir: PathBuf,
    /// The person's own key, offered instead of a new one.
    pub found: Option<PathBuf>,
    /// The norms in use: the examples the new store may adopt.
    pub examples: Catalog,
}

/// A member of a store, ready to sign there.
pub struct Member {
    pub store: Store,
    pub key: KeyFile,
    pub grant: Grant,
}

pub struct StoreHost {
    lang: Lang,
    clock: Clock,
    today: Date,
    drafts: Drafts,
    /// The store, the key and who signs; on the first run, made by
    /// [`Host::set_up`].
    member: Option<(Member, Signatory, Catalog)>,
    first_run: Option<FirstRun>,
    /// Decrypted once, then kept for the rest of the process.
    unlocked: Option<Signer>,
}

impl StoreHost {
    /// A host for `member`, who signs as `signatory` from the adopted
    /// norms in `catalog`.
    pub fn new(
        lang: Lang,
        clock: Clock,
        drafts: Drafts,
        member: Member,
        (signatory, catalog): (Signatory, Catalog),
    ) -> Self {
        Self {
            lang,
            today: clock.today(),
            clock,
            drafts,
            member: Some((member, signatory, catalog)),
            first_run: None,
            unlocked: None,
        }
    }

    /// The key already unlocked (with `MAATWERK_PASSPHRASE_FILE`): the
    /// walkthrough does not ask for the passphrase.
    #[must_use]
    pub fn unlocked(mut self, signer: Signer) -> Self {
        self.unlocked = Some(signer);
        self
    }

    /// A host for the first run, which makes key and store first.
    pub fn first_run(lang: Lang, clock: Clock, drafts: Drafts, first_run: FirstRun) -> Self {
        Self {
            lang,
            today: clock.today(),
            clock,
            drafts,
            member: None,
            first_run: Some(first_run),
            unlocked: None,
        }
    }

    /// Who signs in the member's store, where their chain stands, and the
    /// norms adopted there on `today`.
    pub fn signatory(member: &Member, today: Date) -> Result<(Signatory, Catalog), StoreError> {
        let state = member.store.state()?;
        let catalog = member.store.adopted_catalog(&state, today);
        let (next_seq, prev) = member.store.next_in_chain(&member.grant.principal)?;
        let signatory = Signatory {
            needs_passphrase: member.key.is_encrypted(),
            next_seq,
            prev,
            grant: member.grant.clone(),
            state: Arc::new(state),
        };
        Ok((signatory, catalog))
    }

    /// The key, unlocked with `passphrase` the first time it is needed.
    fn unlock(&mut self, passphrase: Option<&str>) -> Result<&Signer, String> {
        if self.unlocked.is_none() {
            let (member, _, _) = self
                .member
                .as_ref()
                .ok_or_else(|| self.lang.no_store_yet())?;
            let signer = member
                .key
                .unlock(passphrase)
                .map_err(|e| self.lang.key_problem(&e))?;
            self.unlocked = Some(signer);
        }
        self.unlocked
            .as_ref()
            .ok_or_else(|| self.lang.wrong_passphrase())
    }

    /// Makes or links the key, and the store with this person as its root;
    /// adopts the example norms when asked.
    fn make(&mut self, identity: &Identity) -> Result<Member, String> {
        let lang = self.lang;
        let setup = self.first_run.clone().ok_or_else(|| lang.no_store_yet())?;
        if let Some(found) = setup.found.as_ref().filter(|_| identity.use_found) {
            ops::keys::link_key(found, &setup.key_path).map_err(|e| lang.key_file_problem(&e))?;
        }
        let signer = if setup.key_path.exists() {
            match self.unlocked.take() {
                Some(signer) => signer,
                None => KeyFile::read(&setup.key_path)
                    .and_then(|k| k.unlock(identity.passphrase.as_deref()))
                    .map_err(|e| lang.key_problem(&e))?,
            }
        } else {
            ops::keys::make_key(
                &setup.key_path,
                &identity.principal,
                identity.passphrase.as_deref(),
            )
            .map_err(|e| lang.key_file_problem(&e))?
        };
        let now = self.clock.now();
        let store = Store::init(
            &setup.store_dir,
            &signer,
            &identity.principal,
            &identity.name,
            &identity.role,
            now,
        )
        .map_err(|e| lang.store_problem(&e))?;
        let key = KeyFile::read(&setup.key_path).map_err(|e| lang.key_problem(&e))?;
        let keyring = store.keyring().map_err(|e| lang.store_problem(&e))?;
        let grant = keyring
            .grant_of_key(key.public_key(), now)
            .cloned()
            .map_err(|fingerprint| lang.store_problem(&StoreError::NotAMember(fingerprint)))?;
        if identity.adopt_examples {
            ops::adoption::adopt_usable(
                &store,
                &setup.examples,
                &grant,
                &signer,
                (now, self.today),
            )
            .map_err(|e| lang.store_problem(&e))?;
        }
        // Signing asks for the passphrase again: that it opened the key at
        // set-up does not stand in for the signature's own consent.
        self.unlocked = None;
        drop(signer);
        Ok(Member { store, key, grant })
    }

    fn member(&self) -> Result<&(Member, Signatory, Catalog), String> {
        self.member.as_ref().ok_or_else(|| self.lang.no_store_yet())
    }
}

impl Host for StoreHost {
    fn save_draft(&mut self, draft: &Draft) -> io::Result<()> {
        let mut draft = draft.clone();
        draft.updated = self.clock.now();
        self.drafts.save(&draft).map(|_| ())
    }

    fn discard_draft(&mut self, id: &str) -> io::Result<()> {
        match self.drafts.discard(id) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            other => other,
        }
    }

    fn check_key(&mut self, use_found: bool, passphrase: &str) -> bool {
        let Some(setup) = &self.first_run else {
            return false;
        };
        let path = match (&setup.found, use_found) {
            (Some(found), true) => found,
            _ => &setup.key_path,
        };
        match KeyFile::read(path).and_then(|k| k.unlock(Some(passphrase))) {
            Ok(signer) => {
                self.unlocked = Some(signer);
                true
            }
            Err(_) => false,
        }
    }

    fn set_up(&mut self, identity: &Identity) -> Result<(Signatory, Catalog), String> {
        let member = self.make(identity)?;
        let (signatory, catalog) =
            Self::signatory(&member, self.today).map_err(|e| self.lang.store_problem(&e))?;
        self.member = Some((member, signatory.clone(), catalog.clone()));
        self.first_run = None;
        Ok((signatory, catalog))
    }

    fn count_earlier(
        &mut self,
        draft: &Draft,
        counting: &Counting,
    ) -> Result<Vec<Earlier>, String> {
        let (lang, today) = (self.lang, self.today);
        let (member, signatory, catalog) = self.member()?;
        let norm_id = draft
            .norm
            .as_ref()
            .map(|n| n.id.as_str())
            .unwrap_or_default();
        let loaded = catalog
            .get(norm_id)
            .ok_or_else(|| lang.norm_not_adopted(norm_id))?;
        member
            .store
            .earlier_totals(
                &signatory.state,
                &loaded.norm,
                (&draft.case, counting.on),
                (member.grant.principal.as_str(), counting.at, today),
            )
            .map_err(|e| lang.store_problem(&e))
    }

    fn sign(
        &mut self,
        draft: &Draft,
        record_id: &str,
        at: Timestamp,
        passphrase: Option<&str>,
    ) -> Result<String, String> {
        let lang = self.lang;
        let today = self.today;
        let norm_id = draft
            .norm
            .as_ref()
            .map(|n| n.id.clone())
            .unwrap_or_default();
        let (member, signatory, catalog) = self.member()?;
        let store = member.store.clone();
        let grant = member.grant.clone();
        let state = Arc::clone(&signatory.state);
        let loaded = catalog
            .get(&norm_id)
            .cloned()
            .ok_or_else(|| lang.norm_not_adopted(&norm_id))?;
        let mut proposal = draft.proposal();
        let on = proposal.decision_date.unwrap_or(today);
        proposal.earlier = store
            .earlier_totals(
                &state,
                &loaded.norm,
                (&proposal.case, on),
                (grant.principal.as_str(), at, today),
            )
            .map_err(|e| lang.store_problem(&e))?
            .into_iter()
            .map(|e| (e.total, e.amount))
            .collect();
        let mut prepared = ops::record::prepare(&loaded, &proposal, &grant, today, &state)
            .map_err(|r| lang.nothing_signed(r.len()))?;
        // A revision: the record it revises must still be returned; an
        // extension: the decision it extends must still allow it.
        if let Some(earlier) = draft.revises.as_ref().or(draft.extends.as_ref()) {
            let records = store
                .records(&crate::domain::store::RecordFilter::default())
                .map_err(|e| lang.store_problem(&e))?
                .items;
            let acts = store.acts(&state).map_err(|e| lang.store_problem(&e))?;
            let subject =
                ops::review::Subject::among(&store, &state, &acts, &records, &earlier.id, today)
                    .map_err(|e| lang.act_error(&e))?;
            prepared = if draft.revises.is_some() {
                prepared.revising(
                    ops::review::revisable(&subject, &draft.case, &grant)
                        .map_err(|e| lang.act_error(&e))?,
                )
            } else {
                prepared.extending(
                    ops::review::extendable(
                        &subject,
                        &records,
                        (&draft.case, &loaded.norm, proposal.period),
                    )
                    .map_err(|e| lang.act_error(&e))?,
                )
            };
        }
        let key = self.unlock(passphrase)?;
        let signed = prepared
            .sign(&store, key, (record_id.to_owned(), at))
            .map_err(|e| lang.store_problem(&e))?;
        Ok(signed.record.id)
    }

    fn log_signal(
        &mut self,
        draft: &Draft,
        check: Option<&str>,
        text: &str,
        passphrase: Option<&str>,
    ) -> Result<String, String> {
        let lang = self.lang;
        let request = SignalRequest {
            case: draft.case.clone(),
            text: text.to_owned(),
        };
        let prepared = ops::signal::prepare(&request).map_err(|problems| {
            problems
                .first()
                .map(|p| lang.signal_problem(*p))
                .unwrap_or_default()
        })?;
        let (member, signatory, catalog) = self.member()?;
        let tried = draft
            .norm
            .as_ref()
            .and_then(|n| catalog.get(&n.id))
            .map(|loaded| TriedNorm::of(loaded, check.map(str::to_owned)));
        let store = member.store.clone();
        let signal = prepared.draw_up(
            tried,
            &member.grant,
            signatory.state.keyring.heads(),
            self.clock.now(),
        );
        let key = self.unlock(passphrase)?;
        ops::signal::sign(&store, key, &signal).map_err(|e| lang.store_problem(&e))?;
        Ok(signal.id)
    }
}
