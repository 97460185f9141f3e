//! Verifying a store, and signing a record.
//!
//! Targets (issue 9): `verify` of a 100,000-record store, every record
//! parsed whole and re-derived from its adopted norm and the keyring, at
//! ≥ 40,000 records/s end to end on a 2-core machine; compared with
//! `ssh-keygen -Y verify` run once per record, as an auditor without this
//! program would. Run with `cargo bench --bench verify`; set
//! `MAATWERK_BENCH_RECORDS` for another store size.

#[path = "../examples/gen_store/generate.rs"]
mod generate;

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use divan::counter::ItemsCount;
use maatwerk::domain::keys::{Namespace, Signer};
use maatwerk::domain::store::Store;
use maatwerk::domain::verify;

fn main() {
    divan::main();
}

/// Verification's "now": after every generated record was signed.
fn now() -> jiff::Timestamp {
    "2027-01-01T00:00:00Z".parse().expect("time")
}

fn records() -> usize {
    std::env::var("MAATWERK_BENCH_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
}

/// One generated store for all benchmarks in this run.
fn store() -> &'static (tempfile::TempDir, String) {
    static STORE: OnceLock<(tempfile::TempDir, String)> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let generated = generate::generate(dir.path(), records(), 40).expect("generate");
        (dir, generated.root)
    })
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn verify_store(bencher: divan::Bencher) {
    let (dir, root) = store();
    let store = Store::open(dir.path()).expect("store");
    let root = maatwerk::domain::keys::Fingerprint::from_text(root).expect("root");
    bencher.counter(ItemsCount::new(records())).bench(|| {
        let report = verify::verify(&store, Some(&root), now(), &mut |_, _| {});
        assert_eq!(report.errors(), 0, "{:?}", report.findings.first());
        report
    });
}

/// What an auditor without maatwerk does: one `ssh-keygen -Y verify` per
/// record, here for 200 records.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn ssh_keygen_per_record(bencher: divan::Bencher) {
    const SAMPLE: usize = 200;
    let (dir, _) = store();
    let store = Store::open(dir.path()).expect("store");
    let signers = dir.path().join("../allowed_signers");
    std::fs::write(
        &signers,
        store.keyring().expect("keyring").allowed_signers(&[]),
    )
    .expect("write");
    let files: Vec<(PathBuf, String)> = store
        .record_files()
        .expect("records")
        .into_iter()
        .take(SAMPLE)
        .map(|f| (f.path, f.principal))
        .collect();
    bencher.counter(ItemsCount::new(SAMPLE)).bench(|| {
        for (path, principal) in &files {
            let status = Command::new("ssh-keygen")
                .args(["-Y", "verify", "-f"])
                .arg(&signers)
                .args(["-I", principal, "-n", "maatwerk-record", "-s"])
                .arg(format!("{}.sig", path.display()))
                .stdin(std::fs::File::open(path).expect("open"))
                .stdout(Stdio::null())
                .status()
                .expect("ssh-keygen");
            assert!(status.success());
        }
    });
}

/// Signing one record with a key already decrypted.
#[divan::bench]
fn sign_record(bencher: divan::Bencher) {
    let signer = Signer::generate("bench").expect("key");
    let bytes = one_record().into_bytes();
    bencher.bench(|| {
        signer
            .sign(Namespace::Record, divan::black_box(&bytes))
            .expect("sign")
    });
}

/// One record's text, as the store holds it.
fn one_record() -> String {
    let (dir, _) = store();
    let store = Store::open(dir.path()).expect("store");
    let file = store
        .record_files()
        .expect("records")
        .into_iter()
        .next()
        .expect("a record");
    std::fs::read_to_string(file.path).expect("read")
}

/// Reading one record with the TOML parser.
#[divan::bench]
fn read_record_toml(bencher: divan::Bencher) {
    let text = one_record();
    bencher.bench(|| maatwerk::domain::record::Record::from_toml(divan::black_box(&text)));
}

/// Reading one record in the form this program writes it.
#[divan::bench]
fn read_record_canonical(bencher: divan::Bencher) {
    let text = one_record();
    bencher.bench(|| maatwerk::domain::record::canonical::parse(divan::black_box(&text)));
}

/// Writing one record, as verification does to compare bytes.
#[divan::bench]
fn write_record(bencher: divan::Bencher) {
    let text = one_record();
    let record = maatwerk::domain::record::Record::from_toml(&text).expect("record");
    bencher.bench(|| divan::black_box(&record).to_toml());
}
