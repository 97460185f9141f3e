//! `maatwerk new --answers` on a large store, with a total over several
//! decisions to count.
//!
//! Target (issue 12): `new` on a norm with a cumulative limit, on a
//! 100,000-record store, under 200 ms — the real binary, end to end: the
//! store and keyring read, the earlier decisions for the case found
//! through the index, read again and checked, the record signed and
//! written. Run with `cargo bench --bench new`; set
//! `MAATWERK_BENCH_RECORDS` for another store size.

#[path = "../examples/gen_store/generate.rs"]
mod generate;

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn records() -> usize {
    std::env::var("MAATWERK_BENCH_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
}

struct Setup {
    dir: tempfile::TempDir,
    key: PathBuf,
    answers: PathBuf,
}

/// One generated store, a caseworker's key and answers for a case that
/// already has decisions on the same norm this year.
fn setup() -> &'static Setup {
    static SETUP: OnceLock<Setup> = OnceLock::new();
    SETUP.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = dir.path().join("store");
        let generated = generate::generate(&store, records(), 40).expect("generate");
        let key = dir.path().join("key");
        std::fs::write(&key, &generated.consulent.1).expect("key");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600))
                .expect("key mode");
        }
        // The generator gives every eighth case this norm (the fourth of
        // the eight it answers): Z-2026-000003 has decisions on it.
        let answers = dir.path().join("answers.toml");
        std::fs::write(
            &answers,
            include_str!("../examples/answers/pw-bijzondere-bijstand-boven-grens.toml")
                .replace("BB-2026-004512", "Z-2026-000003")
                .replace("bedrag = 1800", "bedrag = 100"),
        )
        .expect("answers");
        let setup = Setup { dir, key, answers };
        // The first run builds the store's index; every later one finds
        // it up to date but for the record just written.
        new(&setup);
        setup
    })
}

fn new(setup: &Setup) {
    let output = Command::new(env!("CARGO_BIN_EXE_maatwerk"))
        .args([
            "new",
            "--norm",
            "pw-bijzondere-bijstand-boven-grens",
            "--answers",
        ])
        .arg(&setup.answers)
        .env("HOME", setup.dir.path())
        .env("MAATWERK_STORE", setup.dir.path().join("store"))
        .env("MAATWERK_KEY", &setup.key)
        .env("MAATWERK_NOW", "2026-12-01T09:00:00Z")
        .env("LANG", "nl_NL.UTF-8")
        .output()
        .expect("maatwerk");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// `new` with the index as a working store has it.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn new_with_total(bencher: divan::Bencher) {
    let setup = setup();
    bencher.bench(|| new(setup));
}

/// `new` after the index was removed: the first `new` on a store copied
/// or cloned without it.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn new_with_total_without_index(bencher: divan::Bencher) {
    let setup = setup();
    let index = setup.dir.path().join("store/.index");
    bencher
        .with_inputs(|| {
            let _ = std::fs::remove_dir_all(&index);
        })
        .bench_values(|()| new(setup));
}
