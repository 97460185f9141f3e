//! The host the real inbox runs with: remarks kept in the drafts
//! directory, verdicts signed into the store through the library's
//! operation, the inbox read again from the store.

use std::io;

use super::run::ReviewHost;
use super::{Signed, Waiting};
use crate::domain::clock::Clock;
use crate::domain::draft::{Drafts, RemarkDraft};
use crate::domain::keyring::Grant;
use crate::domain::keys::{KeyFile, Signer};
use crate::domain::lifecycle::Status;
use crate::domain::ops::review::{self, Subject};
use crate::domain::store::{Store, StoreError};
use crate::i18n::Lang;

pub struct InboxHost {
    lang: Lang,
    clock: Clock,
    drafts: Drafts,
    store: Store,
    key: KeyFile,
    grant: Grant,
    /// Decrypted once, then kept for the rest of the process.
    unlocked: Option<Signer>,
}

impl InboxHost {
    pub fn new(
        lang: Lang,
        clock: Clock,
        drafts: Drafts,
        store: Store,
        (key, grant): (KeyFile, Grant),
    ) -> Self {
        Self {
            lang,
            clock,
            drafts,
            store,
            key,
            grant,
            unlocked: None,
        }
    }

    /// The records waiting for this reviewer now, as the inbox shows them.
    pub fn waiting(&self) -> Result<Vec<Waiting>, StoreError> {
        let state = self.store.state()?;
        let today = self.clock.today();
        let found = review::inbox(&self.store, &state, Some(&self.grant.author()), today)?;
        Ok(found
            .items
            .into_iter()
            .map(|subject| waiting(self.lang, subject, today))
            .collect())
    }

    /// The records of this reviewer's own that were returned to them: id,
    /// who returned it and the remark, oldest first.
    pub fn returned_to_me(&self) -> Result<Vec<super::Returned>, StoreError> {
        let state = self.store.state()?;
        let today = self.clock.today();
        let filter = crate::domain::store::RecordFilter {
            author: Some(self.grant.principal.clone()),
            brief: true,
            ..Default::default()
        };
        let kept = crate::domain::store::with_status(&self.store, &state, &filter, today, &|l| {
            l.status == Status::Returned
        })?;
        let ledger =
            crate::domain::store::Ledger::new(&self.store, &state, &kept.acts, &kept.records);
        Ok(kept
            .records
            .iter()
            .map(|stored| {
                let tale = ledger.story(stored, today);
                let subject = Subject::from_story(stored, None, &tale);
                let (by, remark) = subject.returned_by.unwrap_or_default();
                super::Returned {
                    id: stored.record.id.clone(),
                    by,
                    remark,
                }
            })
            .collect())
    }

    /// Remarks kept from an earlier session for the records in `items`.
    pub fn kept(&self, items: &[Waiting]) -> Vec<RemarkDraft> {
        items
            .iter()
            .filter_map(|w| self.drafts.load_remark(&w.subject.stored.record.id))
            .collect()
    }

    pub fn needs_passphrase(&self) -> bool {
        self.key.is_encrypted()
    }
}

/// A subject as the inbox shows it: how long it waited and why it needs
/// review, in `lang`.
pub fn waiting(lang: Lang, subject: Subject, today: jiff::civil::Date) -> Waiting {
    let r = &subject.stored.record;
    let signed = r.created.to_zoned(jiff::tz::TimeZone::UTC).date();
    let (why, past) = lang.why_waiting(&subject);
    Waiting {
        waited_days: i64::from((today - signed).get_days().max(0)),
        why,
        past,
        subject,
    }
}

impl ReviewHost for InboxHost {
    fn save_remark(&mut self, draft: &RemarkDraft) -> io::Result<()> {
        self.drafts.save_remark(draft).map(|_| ())
    }

    fn sign(
        &mut self,
        record: &str,
        verdict: crate::domain::review::Verdict,
        remark: Option<&str>,
        passphrase: Option<&str>,
    ) -> Result<Signed, String> {
        let lang = self.lang;
        let today = self.clock.today();
        let state = self.store.state().map_err(|e| lang.store_problem(&e))?;
        let subject = Subject::find(&self.store, &state, record, today)
            .map_err(|e| lang.store_problem(&e))?
            .map_err(|e| lang.act_error(&e))?;
        subject
            .after_record(self.clock.now())
            .map_err(|e| lang.act_error(&e))?;
        let prepared = review::prepare(&subject, &self.grant, verdict, remark, &state)
            .map_err(|e| lang.act_error(&e))?;
        if self.unlocked.is_none() {
            let signer = self
                .key
                .unlock(passphrase)
                .map_err(|e| lang.key_problem(&e))?;
            self.unlocked = Some(signer);
        }
        let signer = self
            .unlocked
            .as_ref()
            .ok_or_else(|| lang.wrong_passphrase())?;
        let (review, _) = prepared
            .sign(&self.store, signer, self.clock.now())
            .map_err(|e| lang.store_problem(&e))?;
        // Signed: the remark is in the store now. Forgetting the kept copy
        // may fail without harm.
        let _ = self.drafts.discard_remark(record);
        let passed_on = subject.passed_on_after(verdict, &self.grant.role);
        Ok(Signed {
            id: review.id,
            record: review.record.id,
            verdict,
            passed_on,
        })
    }

    fn reload(&mut self) -> Result<Vec<Waiting>, String> {
        self.waiting().map_err(|e| self.lang.store_problem(&e))
    }
}
