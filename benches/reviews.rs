//! Reviews: the inbox and the status of every decision.
//!
//! Targets (issue 10): the inbox's first frame with 10,000 records waiting
//! under 50 ms; `list --status for-review` on a 100,000-record store under
//! 1 s. Run with `cargo bench --bench reviews`; set
//! `MAATWERK_BENCH_RECORDS` for another store size.

#[path = "../examples/gen_store/generate.rs"]
mod generate;

use std::sync::OnceLock;

use divan::counter::ItemsCount;
use maatwerk::domain::lifecycle::Status;
use maatwerk::domain::ops::review;
use maatwerk::domain::store::{RecordFilter, Store, with_status};
use maatwerk::i18n::Lang;
use maatwerk::tui::inbox::Inbox;
use maatwerk::tui::inbox::host::waiting;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

fn records() -> usize {
    std::env::var("MAATWERK_BENCH_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
}

/// After every generated record was signed and reviewed.
fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 12, 1)
}

fn store() -> &'static tempfile::TempDir {
    static STORE: OnceLock<tempfile::TempDir> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let generated = generate::generate(dir.path(), records(), 40).expect("generate");
        assert!(generated.root.starts_with("SHA256:"));
        dir
    })
}

/// What `list --status for-review` does: every record read, every
/// decision's story told, those waiting kept.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn list_for_review(bencher: divan::Bencher) {
    let store = Store::open(store().path()).expect("store");
    bencher.counter(ItemsCount::new(records())).bench(|| {
        let state = store.state().expect("state");
        let filter = RecordFilter {
            brief: true,
            ..RecordFilter::default()
        };
        let kept = with_status(&store, &state, &filter, today(), &|life| {
            life.status == Status::ForReview
        })
        .expect("list");
        assert!(!kept.records.is_empty());
        kept.records.len()
    });
}

/// Reading the inbox from the store: what `maatwerk review` does before
/// its first frame.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn inbox_read_from_store(bencher: divan::Bencher) {
    let store = Store::open(store().path()).expect("store");
    bencher.bench(|| {
        let state = store.state().expect("state");
        review::inbox(&store, &state, None, today())
            .expect("inbox")
            .items
            .len()
    });
}

/// The first frame of an inbox with 10,000 records waiting.
#[divan::bench]
fn inbox_first_frame_10000(bencher: divan::Bencher) {
    let store = Store::open(store().path()).expect("store");
    let state = store.state().expect("state");
    let found = review::inbox(&store, &state, None, today()).expect("inbox");
    let mut items: Vec<_> = found
        .items
        .into_iter()
        .map(|s| waiting(Lang::Nl, s, today()))
        .collect();
    assert!(!items.is_empty());
    while items.len() < 10_000 {
        let again = items[items.len() % 97].clone();
        items.push(again);
    }
    items.truncate(10_000);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    bencher
        .with_inputs(|| items.clone())
        .bench_local_values(|items| {
            let inbox = Inbox::new(
                Lang::Nl,
                "Tom (teamleider)".into(),
                items,
                false,
                "2026-12-01T09:00:00Z".parse().expect("time"),
            );
            terminal
                .draw(|f| f.render_widget(&inbox, f.area()))
                .expect("draw");
            inbox
        });
}
