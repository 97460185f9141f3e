//! Syncing a shared store.
//!
//! Target (issue 14): `maatwerk sync` of a copy of a 100,000-record store
//! that receives 1,000 new records — fetched, checked, combined and the
//! whole store verified — in under 5 s on a 2-core machine. Run with
//! `cargo bench --bench sync`; set `MAATWERK_BENCH_RECORDS` for another
//! store size (the last 1% of it arrives in the sync).

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
        .unwrap_or(101_000)
}

fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=Bench",
            "-c",
            "user.email=bench@example.org",
        ])
        .args(args)
        .output()
        .expect("git");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

/// The moment a file says it was signed.
fn created(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let line = text.lines().find(|l| l.starts_with("created = "))?;
    Some(
        line.trim_start_matches("created = ")
            .trim_matches('"')
            .to_owned(),
    )
}

/// Every file under `dir`, relative.
fn files(base: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("dir").filter_map(Result::ok) {
        let path = entry.path();
        if path.file_name().is_some_and(|n| n == ".git") {
            continue;
        }
        if path.is_dir() {
            files(base, &path, out);
        } else {
            out.push(path.strip_prefix(base).expect("inside").to_path_buf());
        }
    }
}

struct Setup {
    _dir: tempfile::TempDir,
    /// The copy that syncs, as it stood before.
    copy: PathBuf,
    before: String,
    known: Vec<u8>,
}

/// A store generated whole, shared in two commits: all but its newest
/// 1% (records and the reviews of them, by the moment they were signed)
/// first, cloned by the copy; then the rest, pushed by another copy.
#[allow(clippy::print_stderr)]
fn setup() -> &'static Setup {
    static SETUP: OnceLock<Setup> = OnceLock::new();
    SETUP.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let origin = dir.path().join("origin");
        generate::generate(&origin, records(), 40).expect("generate");
        let mut all = Vec::new();
        files(&origin, &origin, &mut all);
        let mut moments: Vec<(String, PathBuf)> = all
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .filter(|p| p.starts_with("records") || p.starts_with("reviews"))
            .filter_map(|p| Some((created(&origin.join(p))?, p.clone())))
            .collect();
        moments.sort();
        let late = moments.len() - records() / 100;
        let split = moments[late].0.clone();
        let arriving: Vec<&PathBuf> = moments
            .iter()
            .filter(|(at, _)| *at >= split)
            .map(|(_, p)| p)
            .collect();
        eprintln!(
            "{} files of {} arrive in the sync",
            arriving.len() * 2,
            all.len()
        );
        let held = dir.path().join("held");
        for p in &arriving {
            for file in [(*p).clone(), PathBuf::from(format!("{}.sig", p.display()))] {
                let to = held.join(&file);
                std::fs::create_dir_all(to.parent().expect("parent")).expect("dir");
                std::fs::rename(origin.join(&file), to).expect("move");
            }
        }
        let remote = dir.path().join("remote.git");
        git(
            dir.path(),
            &[
                "init",
                "--quiet",
                "--bare",
                "--initial-branch=main",
                "remote.git",
            ],
        );
        git(&origin, &["init", "--quiet", "--initial-branch=main"]);
        git(&origin, &["add", "--all"]);
        git(&origin, &["commit", "--quiet", "-m", "first"]);
        git(
            &origin,
            &["remote", "add", "origin", remote.to_str().expect("utf-8")],
        );
        git(&origin, &["push", "--quiet", "origin", "main"]);
        let copy = dir.path().join("copy");
        let cloned = maatwerk(&copy)
            .args(["clone"])
            .arg(&remote)
            .output()
            .expect("clone");
        assert!(
            cloned.status.success(),
            "{}",
            String::from_utf8_lossy(&cloned.stderr)
        );
        let before = git(&copy, &["rev-parse", "HEAD"]);
        let known = std::fs::read(copy.join(".git/maatwerk-known")).expect("known");
        // Another copy adds the newest 1% and pushes it.
        for p in &arriving {
            for file in [(*p).clone(), PathBuf::from(format!("{}.sig", p.display()))] {
                std::fs::rename(held.join(&file), origin.join(&file)).expect("move back");
            }
        }
        git(&origin, &["add", "--all"]);
        git(&origin, &["commit", "--quiet", "-m", "the newest"]);
        git(&origin, &["push", "--quiet", "origin", "main"]);
        Setup {
            _dir: dir,
            copy,
            before,
            known,
        }
    })
}

fn maatwerk(store: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_maatwerk"));
    cmd.env("MAATWERK_STORE", store)
        .env("HOME", store.parent().expect("parent"))
        .env("MAATWERK_NOW", "2027-01-01T00:00:00Z")
        .env("LANG", "nl_NL.UTF-8");
    cmd
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn sync_receiving_one_percent(bencher: divan::Bencher) {
    let setup = setup();
    bencher
        .with_inputs(|| {
            // The copy as it stood before the newest came in.
            git(&setup.copy, &["reset", "--quiet", "--hard", &setup.before]);
            git(
                &setup.copy,
                &["update-ref", "refs/maatwerk/synced", &setup.before],
            );
            std::fs::write(setup.copy.join(".git/maatwerk-known"), &setup.known).expect("known");
        })
        .bench_values(|()| {
            let output = maatwerk(&setup.copy).arg("sync").output().expect("sync");
            assert!(
                output.status.success(),
                "{}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
            output
        });
}
