//! `maatwerk verify`: every kind of tampering detected with its own reason;
//! concurrent writers and crashes leave a store that verifies.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use super::support::{Team, VERIFY_NOW, edit, resign, sig, stdout};

const LATER: &str = "2026-11-23T10:00:00Z";

/// A team where Anna made three records and Tom one, at 10:00.
fn scenario() -> (Team, Vec<PathBuf>, PathBuf) {
    let team = Team::new();
    let mut anna = Vec::new();
    for _ in 0..3 {
        let output = team
            .as_("anna")
            .env("MAATWERK_NOW", LATER)
            .args(["new", "--norm", "pw-zoektermijn-jongeren", "--answers"])
            .arg(Team::example("pw-zoektermijn-jongeren"))
            .output()
            .expect("run");
        assert!(output.status.success());
        anna.push(team.record_file(stdout(&output).trim()));
    }
    let output = team
        .as_("tom")
        .env("MAATWERK_NOW", LATER)
        .args(["new", "--norm", "mw-doorbraakbudget", "--answers"])
        .arg(Team::example("mw-doorbraakbudget"))
        .output()
        .expect("run");
    let tom = team.record_file(stdout(&output).trim());
    assert_eq!(team.verify().0, Some(0), "the untouched store verifies");
    (team, anna, tom)
}

fn flip_byte(file: &Path, at: usize) {
    let mut bytes = fs::read(file).expect("read");
    let i = at.min(bytes.len() - 2);
    bytes[i] ^= 0x01;
    fs::write(file, bytes).expect("write");
}

fn fingerprint(team: &Team, who: &str) -> String {
    team.fingerprint(who)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned()
}

type Tamper = fn(&Team, &[PathBuf], &Path) -> String;

// A table with one row per kind of tampering reads best as one function.
#[allow(clippy::too_many_lines)]
#[test]
fn every_kind_of_tampering_is_detected_with_its_own_reason() {
    let cases: &[(&str, Tamper, &str)] = &[
        (
            "flipped byte in a record",
            |_, anna, _| {
                edit(
                    &anna[2],
                    "case = \"Z-2026-001234\"",
                    "case = \"Z-2026-001235\"",
                );
                file_name(&anna[2])
            },
            "bad-signature",
        ),
        (
            "flipped byte in a signature",
            |_, anna, _| {
                flip_byte(&sig(&anna[2]), 120);
                file_name(&sig(&anna[2]))[..30].to_owned()
            },
            "bad-signature",
        ),
        (
            "flipped byte in a norm snapshot",
            |team, _, _| {
                let dir = team.store().join("norms");
                let snapshot = fs::read_dir(&dir)
                    .expect("norms")
                    .find_map(Result::ok)
                    .expect("a snapshot")
                    .path();
                flip_byte(&snapshot, 400);
                file_name(&snapshot)
            },
            "norm-altered",
        ),
        (
            "flipped byte in a keyring entry",
            |team, _, _| {
                let dir = team.store().join("keyring");
                let entry = fs::read_dir(&dir)
                    .expect("keyring")
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .find(|p| {
                        p.extension().is_some_and(|e| e == "toml")
                            && fs::read_to_string(p).is_ok_and(|t| t.contains("anna@"))
                    })
                    .expect("anna's entry");
                edit(&entry, "Anna Consulent", "Anna Consulenz");
                file_name(&entry)
            },
            "keyring-entry",
        ),
        (
            "a signature moved to another record",
            |_, anna, _| {
                fs::copy(sig(&anna[0]), sig(&anna[1])).expect("copy");
                file_name(&anna[1])
            },
            "bad-signature",
        ),
        (
            "a record deleted mid-chain",
            |_, anna, _| {
                fs::remove_file(&anna[1]).expect("rm");
                fs::remove_file(sig(&anna[1])).expect("rm sig");
                file_name(&anna[2])
            },
            "chain-gap",
        ),
        (
            "a record replaced mid-chain",
            |team, anna, _| {
                edit(
                    &anna[1],
                    "case = \"Z-2026-001234\"",
                    "case = \"Z-2026-009999\"",
                );
                resign(team, &anna[1], "anna", "maatwerk-record");
                file_name(&anna[2])
            },
            "chain-broken",
        ),
        (
            "signed by a key not in the keyring",
            |team, anna, _| {
                let anna_fp = fingerprint(team, "anna");
                edit(&anna[2], &anna_fp, &fingerprint(team, "eve"));
                resign(team, &anna[2], "eve", "maatwerk-record");
                file_name(&anna[2])
            },
            "signer-unknown",
        ),
        (
            "signed by a revoked key",
            |team, anna, _| {
                team.as_("bea")
                    .env("MAATWERK_NOW", LATER)
                    .args([
                        "keyring",
                        "revoke",
                        "anna@gemeente.example",
                        "--reason",
                        "sleutel kwijt",
                        "--from",
                        "2026-11-23T09:30:00Z",
                    ])
                    .assert()
                    .success();
                file_name(&anna[0])
            },
            "signer-not-valid-then",
        ),
        (
            "signed after the key expired",
            |team, _, tom| {
                // A change made (as its date says) before Tom signed.
                team.as_("bea")
                    .env("MAATWERK_NOW", "2026-11-23T09:00:30Z")
                    .args([
                        "keyring",
                        "add",
                        "--change",
                        "--principal",
                        "tom@gemeente.example",
                        "--valid-until",
                        "2026-11-23T09:30:00Z",
                    ])
                    .assert()
                    .success();
                file_name(tom)
            },
            "signer-not-valid-then",
        ),
        (
            "signed in the wrong namespace",
            |team, anna, _| {
                resign(team, &anna[2], "anna", "maatwerk-review");
                file_name(&anna[2])
            },
            "wrong-namespace",
        ),
        (
            "a role the keyring does not give",
            |team, anna, _| {
                edit(&anna[2], "role = \"consulent\"", "role = \"teamleider\"");
                resign(team, &anna[2], "anna", "maatwerk-record");
                file_name(&anna[2])
            },
            "role-not-given",
        ),
        (
            "signed by another member",
            |team, anna, _| {
                resign(team, &anna[2], "tom", "maatwerk-record");
                file_name(&anna[2])
            },
            "key-mismatch",
        ),
        (
            "a record without its signature",
            |_, anna, _| {
                fs::remove_file(sig(&anna[2])).expect("rm sig");
                file_name(&anna[2])
            },
            "unsigned",
        ),
        (
            "a file that does not belong",
            |team, _, _| {
                fs::write(team.store().join("records/notes.txt"), "kladje").expect("write");
                "notes.txt".to_owned()
            },
            "stray-file",
        ),
        (
            "a record moved to another author",
            |team, _, tom| {
                let dest = team
                    .store()
                    .join("records/anna@gemeente.example")
                    .join(format!("000009-{}", &file_name(tom)[7..]));
                fs::rename(tom, &dest).expect("mv");
                fs::rename(sig(tom), sig(&dest)).expect("mv sig");
                file_name(&dest)
            },
            "name-mismatch",
        ),
        (
            "a record copied to another author as well",
            |_, anna, tom| {
                let dest = tom.with_file_name(format!("000002-{}", &file_name(&anna[0])[7..]));
                fs::copy(&anna[0], &dest).expect("cp");
                fs::copy(sig(&anna[0]), sig(&dest)).expect("cp sig");
                file_name(&dest)
            },
            "duplicate-id",
        ),
        (
            "a file named like a record with one zero more",
            |_, anna, _| {
                let padded = anna[2].with_file_name(format!("0{}", file_name(&anna[2])));
                fs::write(&padded, "junk").expect("write");
                fs::copy(sig(&anna[2]), sig(&padded)).expect("cp sig");
                file_name(&padded)
            },
            "stray-file",
        ),
    ];
    for (name, tamper, code) in cases {
        let (team, anna, tom) = scenario();
        let file = tamper(&team, &anna, &tom);
        let (exit, json) = team.verify();
        let findings = json["findings"].as_array().cloned().unwrap_or_default();
        let hit = findings
            .iter()
            .any(|f| f["code"] == *code && f["file"].as_str().is_some_and(|p| p.contains(&file)));
        assert!(hit, "{name}: expected {code} on {file}, got {findings:#?}");
        assert_eq!(exit, Some(1), "{name}: verify must fail");
    }
}

#[test]
fn the_trust_root_can_be_pinned() {
    let (team, _, _) = scenario();
    let root = fingerprint(&team, "bea");
    let ok = team
        .as_("bea")
        .env("MAATWERK_NOW", VERIFY_NOW)
        .args(["verify", "--expect-root", &root])
        .output()
        .expect("run");
    assert_eq!(ok.status.code(), Some(0));
    let other = fingerprint(&team, "eve");
    let bad = team
        .as_("bea")
        .env("MAATWERK_NOW", VERIFY_NOW)
        .args(["verify", "--json", "--expect-root", &other])
        .output()
        .expect("run");
    assert_eq!(bad.status.code(), Some(1));
    assert!(stdout(&bad).contains("root-not-pinned"));
    let nonsense = team
        .as_("bea")
        .args(["verify", "--expect-root", "SHA256:kort"])
        .output()
        .expect("run");
    assert_eq!(nonsense.status.code(), Some(2));
}

#[test]
fn a_store_replaced_wholesale_fails_the_pinned_root() {
    // Someone builds a fresh store with their own root and forges records:
    // every signature is valid, but the root is not the one the auditor pinned.
    let (team, _, _) = scenario();
    let pinned = fingerprint(&team, "bea");
    let forged = Team::new();
    let output = forged
        .as_("bea")
        .args(["verify", "--json", "--expect-root", &pinned])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
}

#[test]
fn concurrent_writers_lose_nothing() {
    let team = Team::new();
    let answers = Team::example("pw-zoektermijn-jongeren");
    let mut children = Vec::new();
    for who in ["anna", "anna", "anna", "tom", "tom"] {
        let mut cmd = std::process::Command::new("sh");
        let bin = assert_cmd::cargo::cargo_bin!("maatwerk");
        cmd.arg("-c")
            .arg(format!(
                "for i in 1 2 3 4 5 6 7 8; do \"{}\" new --norm pw-zoektermijn-jongeren --answers \"{}\" || exit 1; done",
                bin.display(),
                answers.display()
            ))
            .env_clear()
            .env("HOME", team.sandbox.home())
            .env("MAATWERK_NOW", super::support::NOW)
            .env("MAATWERK_STORE", team.store())
            .env("MAATWERK_KEY", team.key(who))
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        children.push(cmd.spawn().expect("spawn"));
    }
    for child in children {
        let output = child.wait_with_output().expect("wait");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let (code, json) = team.verify();
    assert_eq!(code, Some(0), "{json}");
    assert_eq!(json["records"], 40);
    let anna = fs::read_dir(team.store().join("records/anna@gemeente.example"))
        .expect("dir")
        .count();
    assert_eq!(
        anna, 48,
        "24 records and 24 signatures, numbered without gaps or forks"
    );
}

#[test]
fn a_writer_killed_at_any_moment_leaves_a_store_that_verifies() {
    let team = Team::new();
    let answers = Team::example("pw-zoektermijn-jongeren");
    let bin = assert_cmd::cargo::cargo_bin!("maatwerk");
    for round in 0..30u64 {
        let mut child = std::process::Command::new(bin)
            .args(["new", "--norm", "pw-zoektermijn-jongeren", "--answers"])
            .arg(&answers)
            .env_clear()
            .env("HOME", team.sandbox.home())
            .env("MAATWERK_NOW", super::support::NOW)
            .env("MAATWERK_STORE", team.store())
            .env("MAATWERK_KEY", team.key("anna"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        // Kill at a different moment each round, from before it starts
        // writing to after it is done.
        std::thread::sleep(std::time::Duration::from_micros(round * 700));
        let _ = child.kill();
        let _ = child.wait();
    }
    let (code, json) = team.verify();
    assert_eq!(code, Some(0), "only warnings allowed: {json:#}");
    for finding in json["findings"].as_array().cloned().unwrap_or_default() {
        assert!(
            finding["code"] == "incomplete-write" || finding["code"] == "orphan-signature",
            "{finding}"
        );
        assert_eq!(finding["severity"], "warning");
    }
    // The store still takes new records after the crashes.
    team.record("anna", "pw-zoektermijn-jongeren", &answers);
    assert_eq!(team.verify().0, Some(0));
}
