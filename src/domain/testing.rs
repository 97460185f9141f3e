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
