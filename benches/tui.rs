//! The walkthrough's responsiveness, on `TestBackend` at 80×24.
//!
//! Targets (issue 5): first frame with 1,000 norms < 50 ms; a keystroke to
//! its rendered frame < 5 ms, in the norm filter and in a long text field.
//! Run with `cargo bench --bench tui`.

use std::fs;
use std::sync::{Arc, OnceLock};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use maatwerk::domain::clock::Clock;
use maatwerk::domain::draft::Draft;
use maatwerk::domain::keyring::Grant;
use maatwerk::domain::keys::{Fingerprint, Signer as Key};
use maatwerk::domain::norm::catalog::Catalog;
use maatwerk::domain::store::{Store, StoreState};
use maatwerk::i18n::Lang;
use maatwerk::tui::{App, Screen, Signatory};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

/// 1,000 norms: the bundled ones in turn under new ids.
fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let bundled = Catalog::bundled();
        for i in 0..1000 {
            let t = &bundled.norms()[i % bundled.norms().len()];
            let id = format!("{}-{i:04}", t.norm.id);
            let text = t.source.text().replacen(
                &format!("id = \"{}\"", t.norm.id),
                &format!("id = \"{id}\""),
                1,
            );
            fs::write(dir.path().join(format!("{id}.toml")), text).expect("write");
        }
        Catalog::load_dir(dir.path()).expect("load")
    })
}

fn signer() -> Signatory {
    let key = Key::generate("bench").expect("key");
    Signatory {
        grant: Grant {
            entry_id: "KR-1".into(),
            entry_hash: "sha256:kr1".into(),
            principal: "anna@gemeente.example".into(),
            name: "Anna".into(),
            role: "consulent".into(),
            beheerder: false,
            fingerprint: Fingerprint::of(key.public_key()),
            key: key.public_key().clone(),
            from: "2026-01-01T00:00:00Z".parse().expect("time"),
            until: None,
        },
        needs_passphrase: false,
        next_seq: 1,
        prev: None,
        state: state(),
    }
}

/// The state of a store in which the hundred copies of the
/// zoektermijn norm are adopted: every norm is shown, those can be chosen.
fn state() -> Arc<StoreState> {
    static STATE: OnceLock<Arc<StoreState>> = OnceLock::new();
    Arc::clone(STATE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = Key::generate("root").expect("key");
        let at = "2026-01-01T00:00:00Z".parse().expect("time");
        let store =
            Store::init(dir.path(), &root, "root@x", "Root", "beheerder", at).expect("store");
        let grant = store
            .keyring()
            .expect("keyring")
            .grant_for_key(&Fingerprint::of(root.public_key()), at)
            .cloned()
            .expect("grant");
        let chosen: Vec<_> = catalog()
            .norms()
            .iter()
            .filter(|n| n.norm.id.starts_with("pw-zoektermijn-jongeren"))
            .cloned()
            .collect();
        let some = Catalog::from_norms(catalog().origin.clone(), chosen);
        let today = jiff::civil::date(2026, 11, 23);
        maatwerk::domain::ops::adoption::adopt_usable(&store, &some, &grant, &root, (at, today))
            .expect("adopt");
        Arc::new(store.state().expect("state"))
    }))
}

fn new_app() -> App {
    App::new(
        Lang::Nl,
        catalog().clone(),
        Clock::fixed("2026-11-23T09:00:00Z".parse().expect("time")),
        signer(),
        Draft::new("2026-11-23T09:00:00Z".parse().expect("time")),
    )
}

fn key(app: &mut App, code: KeyCode) {
    if let Some(msg) = app.on_key(KeyEvent::new(code, KeyModifiers::NONE)) {
        app.update(msg);
    }
}

#[divan::bench]
fn first_frame_1000_norms(bencher: divan::Bencher) {
    catalog();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    bencher.bench_local(|| {
        let app = new_app();
        terminal
            .draw(|f| f.render_widget(&app, f.area()))
            .expect("draw");
    });
}

/// One keystroke in the filter of 1,000 norms and the frame it causes
/// (typing and erasing alternate, so each sample is one key and one frame).
#[divan::bench]
fn keystroke_in_norm_filter(bencher: divan::Bencher) {
    let mut app = new_app();
    key(&mut app, KeyCode::Char('z'));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut typed = false;
    bencher.bench_local(|| {
        key(
            &mut app,
            if typed {
                KeyCode::Backspace
            } else {
                KeyCode::Char('o')
            },
        );
        typed = !typed;
        terminal
            .draw(|f| f.render_widget(&app, f.area()))
            .expect("draw");
    });
}

/// One keystroke at the end of a 4,000-character motivation and the frame.
#[divan::bench]
fn keystroke_in_long_text(bencher: divan::Bencher) {
    let mut app = new_app();
    for c in "zoektermijn".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    for c in "Z-1".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    for _ in 0..3 {
        key(&mut app, KeyCode::Enter);
    }
    for c in "22-12-2026".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    for c in "jjj450".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('j'));
    for c in "Twee sollicitaties per week bij het leerwerkloket.".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    assert!(
        matches!(app.screen(), Screen::Motivation(_)),
        "the bench types in the motivation; at {:?} on {:?}",
        app.draft().step,
        app.draft().norm.as_ref().map(|n| n.id.clone())
    );
    let sentence = "De jongere heeft geen inkomen en de huur is niet betaald. ";
    for c in sentence.repeat(70).chars() {
        key(&mut app, KeyCode::Char(c));
    }
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut typed = false;
    bencher.bench_local(|| {
        key(
            &mut app,
            if typed {
                KeyCode::Backspace
            } else {
                KeyCode::Char('x')
            },
        );
        typed = !typed;
        terminal
            .draw(|f| f.render_widget(&app, f.area()))
            .expect("draw");
    });
}
