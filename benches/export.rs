//! `maatwerk export` of a large store, as an auditor runs it: the real
//! binary, end to end — the whole store verified, then every record
//! streamed with its story into CSV or a workbook.
//!
//! Target (issue 13): 1,000,000 records to CSV and to XLSX in flat memory,
//! under 64 MiB peak. Time is measured here; peak memory is measured once
//! per format with `/usr/bin/time` (when the machine has it) and printed
//! before the timings. Run with `cargo bench --bench export`; set
//! `MAATWERK_BENCH_RECORDS=1000000` for the target's size (generating it
//! takes a few minutes and about 8 GB of disk).

#[path = "../examples/gen_store/generate.rs"]
mod generate;

use std::path::{Path, PathBuf};
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

/// One generated store for all benchmarks in this run, with the peak
/// memory of one export in each format said first (on standard error,
/// before divan's table).
#[allow(clippy::print_stderr)]
fn store() -> &'static (tempfile::TempDir, PathBuf) {
    static STORE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = dir.path().join("store");
        generate::generate(&store, records(), 40).expect("generate");
        for format in ["csv", "xlsx"] {
            let out = dir.path().join(format!("peak.{format}"));
            match peak_kib(&store, format, &out) {
                Some(kib) => {
                    let mib = kib / 1024;
                    eprintln!(
                        "export --format {format} of {} records: peak memory {mib} MiB",
                        records()
                    );
                }
                None => {
                    eprintln!("export --format {format}: no /usr/bin/time to measure peak memory");
                }
            }
        }
        (dir, store)
    })
}

fn export(store: &Path, format: &str, out: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_maatwerk"));
    cmd.args(["--store"])
        .arg(store)
        .args(["export", "--format", format, "--out"])
        .arg(out)
        .env("HOME", store)
        .env("MAATWERK_NOW", "2027-01-01T00:00:00Z")
        .env("LANG", "nl_NL.UTF-8");
    cmd
}

/// The peak resident memory of one export, in KiB, as `/usr/bin/time`
/// reports it.
fn peak_kib(store: &Path, format: &str, out: &Path) -> Option<u64> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        return None;
    }
    let inner = export(store, format, out);
    let output = Command::new(time)
        .args(["-f", "peak-kib %M"])
        .arg(inner.get_program())
        .args(inner.get_args())
        .envs(inner.get_envs().filter_map(|(k, v)| Some((k, v?))))
        .output()
        .ok()?;
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .find_map(|l| l.strip_prefix("peak-kib ")?.trim().parse().ok())
}

fn run(format: &str) {
    let (dir, store) = store();
    let out = dir.path().join(format!("export.{format}"));
    let output = export(store, format, &out).output().expect("maatwerk");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn export_csv(bencher: divan::Bencher) {
    store();
    bencher.bench(|| run("csv"));
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn export_xlsx(bencher: divan::Bencher) {
    store();
    bencher.bench(|| run("xlsx"));
}
