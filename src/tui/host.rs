//! The host the real walkthrough runs with: drafts in the drafts
//! directory, records and signals signed into the store through the
//! library's operations, and on the first run the key and the store made.

use std::io;
use std::path::PathBuf;

use jiff::Timestamp;
use jiff::civil::Date;

use super::app::Signatory;
use super::onboarding::Identity;
use super::run::Host;
use crate::domain::clock::Clock;
use crate::domain::draft::{Draft, Drafts};
use crate::domain::keyring::Grant;
use crate::domain::keys::{Fingerprint, KeyFile, Signer};
use crate::domain::norm::catalog::Catalog;
use crate::domain::ops;
use crate::domain::ops::signal::SignalRequest;
use crate::domain::record::Record;
use crate::domain::signal::TriedNorm;
use crate::domain::store::{Store, StoreError};
use crate::i18n::Lang;

/// Where the first run puts what it makes.
#[derive(Debug, Clone)]
pub struct FirstRun {
    /// Where the key goes (or the link to the key that was found).
    pub key_path: PathBuf,
    pub store_dir: PathBuf,
    /// The person's own key, offered instead of a new one.
    pub found: Option<PathBuf>,
}

pub struct StoreHost {
    lang: Lang,
    clock: Clock,
    today: Date,
    drafts: Drafts,
    catalog: Catalog,
    /// The store and the key to sign with; on the first run, made by
    /// [`Host::set_up`].
    store: Option<(Store, KeyFile, Grant)>,
    first_run: Option<FirstRun>,
    /// Decrypted once, then kept for the rest of the process.
    unlocked: Option<Signer>,
}

impl StoreHost {
    /// A host for a member of `store` signing with `key` under `grant`.
    pub fn new(
        lang: Lang,
        clock: Clock,
        drafts: Drafts,
        catalog: Catalog,
        member: (Store, KeyFile, Grant),
    ) -> Self {
        Self {
            lang,
            today: clock.today(),
            clock,
            drafts,
            catalog,
            store: Some(member),
            first_run: None,
            unlocked: None,
        }
    }

    /// A host for the first run, which makes key and store first.
    pub fn first_run(
        lang: Lang,
        clock: Clock,
        drafts: Drafts,
        catalog: Catalog,
        first_run: FirstRun,
    ) -> Self {
        Self {
            lang,
            today: clock.today(),
            clock,
            drafts,
            catalog,
            store: None,
            first_run: Some(first_run),
            unlocked: None,
        }
    }

    /// Who signs in `store` with `key`, and where their chain stands.
    pub fn signatory(store: &Store, key: &KeyFile, grant: Grant) -> Result<Signatory, StoreError> {
        let last = store
            .record_files_of(&grant.principal)?
            .into_iter()
            .max_by_key(|f| f.seq);
        let prev = last
            .as_ref()
            .and_then(|f| std::fs::read(&f.path).ok())
            .map(|b| Record::link(&b));
        Ok(Signatory {
            needs_passphrase: key.is_encrypted(),
            next_seq: last.map_or(1, |f| f.seq + 1),
            prev,
            grant,
        })
    }

    /// The key, unlocked with `passphrase` the first time it is needed.
    fn unlock(&mut self, passphrase: Option<&str>) -> Result<&Signer, String> {
        if self.unlocked.is_none() {
            let (_, key, _) = self
                .store
                .as_ref()
                .ok_or_else(|| self.lang.no_store_yet())?;
            let signer = key
                .unlock(passphrase)
                .map_err(|e| self.lang.key_problem(&e))?;
            self.unlocked = Some(signer);
        }
        self.unlocked
            .as_ref()
            .ok_or_else(|| self.lang.wrong_passphrase())
    }

    fn member(&self) -> Result<(Store, Grant), String> {
        self.store
            .as_ref()
            .map(|(store, _, grant)| (store.clone(), grant.clone()))
            .ok_or_else(|| self.lang.no_store_yet())
    }

    /// Makes or links the key, and the store with this person as its root.
    fn make(&mut self, identity: &Identity) -> Result<(Store, KeyFile, Grant), String> {
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
        let store = Store::init(
            &setup.store_dir,
            &signer,
            &identity.principal,
            &identity.name,
            &identity.role,
            self.clock.now(),
        )
        .map_err(|e| lang.store_problem(&e))?;
        let key = KeyFile::read(&setup.key_path).map_err(|e| lang.key_problem(&e))?;
        let keyring = store.keyring().map_err(|e| lang.store_problem(&e))?;
        let fingerprint = Fingerprint::of(key.public_key());
        let grant = keyring
            .grant_for_key(&fingerprint, self.clock.now())
            .cloned()
            .ok_or_else(|| lang.store_problem(&StoreError::NotAMember(fingerprint)))?;
        self.unlocked = Some(signer);
        Ok((store, key, grant))
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

    fn set_up(&mut self, identity: &Identity) -> Result<Signatory, String> {
        let (store, key, grant) = self.make(identity)?;
        let signatory = Self::signatory(&store, &key, grant.clone())
            .map_err(|e| self.lang.store_problem(&e))?;
        self.store = Some((store, key, grant));
        self.first_run = None;
        Ok(signatory)
    }

    fn sign(
        &mut self,
        draft: &Draft,
        record_id: &str,
        at: Timestamp,
        passphrase: Option<&str>,
    ) -> Result<String, String> {
        let lang = self.lang;
        let norm_id = draft
            .norm
            .as_ref()
            .map(|n| n.id.clone())
            .unwrap_or_default();
        let loaded = self
            .catalog
            .get(&norm_id)
            .cloned()
            .ok_or_else(|| lang.no_such_norm(&norm_id))?;
        let (store, grant) = self.member()?;
        let prepared = ops::record::prepare(&loaded, &draft.proposal(), &grant, self.today)
            .map_err(|r| lang.nothing_signed(r.len()))?;
        let key = self.unlock(passphrase)?;
        let signed = prepared
            .sign(&store, key, record_id.to_owned(), at)
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
        let tried = draft
            .norm
            .as_ref()
            .and_then(|n| self.catalog.get(&n.id))
            .map(|loaded| TriedNorm::of(loaded, check.map(str::to_owned)));
        let (store, grant) = self.member()?;
        let signal = prepared.draw_up(tried, &grant, self.clock.now());
        let key = self.unlock(passphrase)?;
        ops::signal::sign(&store, key, &signal).map_err(|e| lang.store_problem(&e))?;
        Ok(signal.id)
    }
}
