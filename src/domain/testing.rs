//! Helpers for the library's own tests.

use std::sync::{Arc, OnceLock};

use super::keys::{Fingerprint, Signer};
use super::norm::catalog::Catalog;
use super::ops;
use super::store::{Store, StoreState};

/// A store, made once in a temporary directory, whose root adopted every
/// bundled norm usable on 23 November 2026; its state outlives the files.
pub fn adopted_state() -> Arc<StoreState> {
    static STATE: OnceLock<Arc<StoreState>> = OnceLock::new();
    Arc::clone(STATE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = Signer::generate("bea").expect("key");
        let at = "2026-01-01T00:00:00Z".parse().expect("time");
        let store = Store::init(
            dir.path(),
            &root,
            "bea@gemeente.example",
            "Bea",
            "beheerder",
            at,
        )
        .expect("store");
        let grant = store
            .keyring()
            .expect("keyring")
            .grant_for_key(&Fingerprint::of(root.public_key()), at)
            .cloned()
            .expect("grant");
        let today = jiff::civil::date(2026, 11, 23);
        ops::adoption::adopt_usable(&store, &Catalog::bundled(), &grant, &root, (at, today))
            .expect("adopt");
        Arc::new(store.state().expect("state"))
    }))
}

/// A record (unsigned, never stored) by `principal` in `role` on `norm`,
/// for `amount` in the number check its tiers limit (in euros), running 23 November to 23 December
/// 2026, with the mandate outcome the norm gives.
pub fn record_on(
    norm: &super::norm::Norm,
    principal: &str,
    role: &str,
    amount: f64,
) -> super::record::Record {
    use super::norm::{DecisionFacts, MandateOutcome};
    use super::record::{
        Answer, Author, CheckAnswer, MandateRecord, Motivation, NormRef, Period, Record,
        RecordedOutcome, SignatureMeaning,
    };
    let start = jiff::civil::date(2026, 11, 23);
    let end = jiff::civil::date(2026, 12, 23);
    // The number check the norm's smallest tier limits.
    let check = norm
        .mandate
        .tiers
        .iter()
        .filter_map(|t| t.limits.first())
        .map(|l| l.check.clone())
        .next()
        .unwrap_or_else(|| "bedrag".to_owned());
    let answer =
        Answer::Number(crate::domain::number::from_float(amount).expect("a finite amount"));
    let facts = DecisionFacts::from_answers([(check.as_str(), &answer)], Some((start, end)));
    let (outcome, review_role, meaning) = match norm.mandate.outcome(role, &facts) {
        MandateOutcome::Within { .. } => (RecordedOutcome::Within, None, SignatureMeaning::Decided),
        MandateOutcome::NeedsReview { role } => (
            RecordedOutcome::NeedsReview,
            Some(role),
            SignatureMeaning::ForReview,
        ),
        MandateOutcome::BeyondNorm => (
            RecordedOutcome::BeyondNorm,
            None,
            SignatureMeaning::ForReview,
        ),
    };
    Record {
        format: super::record::RECORD_FORMAT.into(),
        id: "MW-20261123-7X41JRQT".into(),
        created: "2026-11-23T09:00:00Z".parse().expect("time"),
        decision_date: start,
        case: "Z-2026-000001".into(),
        seq: 1,
        prev: None,
        keyring: Some(Vec::new()),
        adoptions: Some(Vec::new()),
        revises: None,
        revises_sha256: None,
        extends: None,
        extends_sha256: None,
        signature_meaning: meaning,
        author: Author {
            principal: principal.into(),
            name: principal.into(),
            role: role.into(),
            key: format!("SHA256:{principal}"),
        },
        norm: NormRef {
            id: norm.id.clone(),
            version: norm.version,
            sha256: String::new(),
            title: norm.title.clone(),
            basis: String::new(),
            basis_label: String::new(),
        },
        period: Some(Period { start, end }),
        mandate: MandateRecord {
            outcome,
            review_role,
        },
        motivation: Motivation::default(),
        checks: vec![CheckAnswer {
            question: norm
                .check(&check)
                .map_or_else(|| "Bedrag".to_owned(), |c| c.question.clone()),
            id: check,
            kind: Some("number".into()),
            answer,
            unit: Some("EUR".into()),
        }],
        evidence: Vec::new(),
        totals: Vec::new(),
        award: None,
    }
}

/// The subject `record_on` makes for `amount` on the bundled norm `norm`,
/// by Anna (consulent), as the inbox and the review operation see it.
pub fn subject(norm: &str, amount: f64) -> super::ops::review::Subject {
    let loaded = Catalog::bundled();
    let norm = loaded.get(norm).expect("bundled norm").norm.clone();
    let record = record_on(&norm, "anna@gemeente.example", "consulent", amount);
    let stored = super::store::StoredRecord {
        file: "records/anna@gemeente.example/000001-MW-20261123-7X41JRQT.toml".into(),
        sha256: "sha256:0123".into(),
        record,
    };
    let story = super::lifecycle::story(
        &stored.record,
        &stored.sha256,
        Some(&norm),
        super::lifecycle::Found {
            reviews: &[],
            withdrawals: &[],
            revisions: &[],
            norm_revised: false,
        },
        jiff::civil::date(2026, 11, 25),
    );
    super::ops::review::Subject::from_story(&stored, Some(std::sync::Arc::new(norm)), &story)
}
