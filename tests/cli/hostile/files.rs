//! A hostile store: a file system that tries to hang or mislead verify,
//! attacks through the program itself, odd ids, and records that try to
//! command the terminal.

use std::fs;

use maatwerk::domain::source::Sha256Hex;

use super::*;
use crate::cli::support::{Team, VERIFY_NOW, resign, sig, stderr, stdout};

/// What a file system can hold besides files: none of it is followed,
/// opened so that it blocks, or read past its limit; each is a finding.
// A table with one row per kind of file system trick reads best as one
// function.
#[allow(clippy::too_many_lines)]
#[cfg(unix)]
#[test]
fn a_hostile_file_system_neither_hangs_nor_misleads_verify() {
    use std::os::unix::fs::symlink;
    let cases: &[(&str, Attack, &str)] = &[
        (
            "a FIFO named like a record",
            |s| {
                let fifo = s.anna[0].with_file_name("000004-MW-20261123-FIFO0001.toml");
                let status = std::process::Command::new("mkfifo")
                    .arg(&fifo)
                    .status()
                    .expect("mkfifo");
                assert!(status.success());
                fs::write(sig(&fifo), "").expect("sig");
                name(&fifo)
            },
            "not-a-regular-file",
        ),
        (
            "a record that is a link to /dev/zero",
            |s| {
                let link = s.anna[0].with_file_name("000004-MW-20261123-ZERO0001.toml");
                symlink("/dev/zero", &link).expect("link");
                fs::write(sig(&link), "").expect("sig");
                name(&link)
            },
            "not-a-regular-file",
        ),
        (
            "a record replaced by a link to a valid record elsewhere",
            |s| {
                let outside = s.team.sandbox.work().join("elders.toml");
                fs::copy(&s.anna[2], &outside).expect("copy");
                fs::remove_file(&s.anna[2]).expect("rm");
                symlink(&outside, &s.anna[2]).expect("link");
                name(&s.anna[2])
            },
            "not-a-regular-file",
        ),
        (
            "an author directory that is a link to /",
            |s| {
                symlink("/", s.team.store().join("records/wortel@gemeente.example")).expect("link");
                "wortel@gemeente.example".to_owned()
            },
            "not-a-regular-file",
        ),
        (
            "the store's description replaced by a FIFO",
            |s| {
                let config = s.team.store().join("store.toml");
                fs::remove_file(&config).expect("rm");
                let status = std::process::Command::new("mkfifo")
                    .arg(&config)
                    .status()
                    .expect("mkfifo");
                assert!(status.success());
                "store.toml".to_owned()
            },
            "not-a-regular-file",
        ),
        (
            "the keyring directory a link to /",
            |s| {
                let keyring = s.team.store().join("keyring");
                fs::rename(&keyring, s.team.sandbox.work().join("keyring-elders")).expect("move");
                symlink("/", &keyring).expect("link");
                "keyring".to_owned()
            },
            "not-a-regular-file",
        ),
        (
            "a notes file with a garbage signature",
            |s| {
                let notes = s
                    .team
                    .store()
                    .join("records/anna@gemeente.example/notes.toml");
                fs::write(&notes, "x = 1\n").expect("write");
                fs::write(sig(&notes), "rommel").expect("sig");
                name(&notes)
            },
            "stray-file",
        ),
        (
            "a dot-file at the top",
            |s| {
                let dot = s.team.store().join(".verborgen.toml");
                fs::write(&dot, "x = 1\n").expect("write");
                fs::write(sig(&dot), "rommel").expect("sig");
                name(&dot)
            },
            "stray-file",
        ),
        (
            "something else kept in norms/ under a name that is its own hash",
            |s| {
                let text = "x = [[[[1]]]]\n".repeat(1000);
                let sha = Sha256Hex::of(text.as_bytes()).to_string();
                let file = s.team.store().join(format!("norms/{sha}.toml"));
                fs::write(&file, text).expect("write");
                name(&file)
            },
            "norm-unused",
        ),
        (
            "a record far larger than any record",
            |s| {
                let text = fs::read_to_string(&s.anna[2]).expect("read");
                let padding = "# opvulling\n".repeat(200_000);
                fs::write(&s.anna[2], format!("{text}{padding}")).expect("write");
                name(&s.anna[2])
            },
            "unreadable",
        ),
    ];
    for (what, attack, code) in cases {
        let s = scenario();
        let file = attack(&s);
        assert_found(what, &verify(&s.team), code, &file);
    }
}

/// What the program refuses to write in the first place.
#[test]
fn attacks_through_the_program_are_refused_when_written() {
    let team = Team::new();
    // A raised copy of an adopted norm, passed with --norms.
    let copy = raised_copy(&team);
    let dir = copy.parent().expect("dir").to_path_buf();
    let before = team.files();
    let output = team
        .as_("anna")
        .args([
            "new",
            "--norm",
            "pw-bijzondere-bijstand-boven-grens",
            "--norms",
        ])
        .arg(&dir)
        .arg("--answers")
        .arg(Team::example("pw-bijzondere-bijstand-boven-grens"))
        .output()
        .expect("run");
    assert!(!output.status.success(), "{}", stdout(&output));
    assert!(
        stderr(&output).contains("is not the text adopted in this store (that is version 4)"),
        "{}",
        stderr(&output)
    );
    assert_eq!(team.files(), before, "nothing written");

    // Adopting it beside the adopted text.
    let output = team
        .as_("bea")
        .args([
            "norms",
            "adopt",
            "pw-bijzondere-bijstand-boven-grens",
            "--norms",
        ])
        .arg(&dir)
        .output()
        .expect("run");
    assert!(!output.status.success(), "{}", stdout(&output));
    assert_eq!(team.files(), before, "nothing written");

    // A principal that is a path.
    let output = team
        .as_("bea")
        .args([
            "keyring",
            "add",
            "--principal",
            "../../buiten",
            "--name",
            "Buiten",
            "--role",
            "consulent",
            "--public-key",
        ])
        .arg(format!("{}.pub", team.key("eve").display()))
        .output()
        .expect("run");
    assert!(!output.status.success());
    assert_eq!(team.files(), before, "nothing written");

    // A role given into the past.
    let output = team
        .as_("bea")
        .args([
            "keyring",
            "add",
            "--change",
            "--principal",
            "anna@gemeente.example",
            "--role",
            "teamleider",
            "--valid-from",
            "2026-11-01T00:00:00Z",
        ])
        .output()
        .expect("run");
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("lies in the past"),
        "{}",
        stderr(&output)
    );
    assert_eq!(team.files(), before, "nothing written");

    // A revoked member signs no more, whatever a scheduled change said.
    team.as_("bea")
        .args([
            "keyring",
            "add",
            "--change",
            "--principal",
            "anna@gemeente.example",
            "--role",
            "teamleider",
            "--valid-from",
            "2026-12-01T00:00:00Z",
        ])
        .assert()
        .success();
    team.revoke("anna", "2026-11-24T09:00:00Z");
    let output = team
        .as_("anna")
        .env("MAATWERK_NOW", "2026-12-02T09:00:00Z")
        .args(["new", "--norm", "pw-zoektermijn-jongeren", "--answers"])
        .arg(Team::example("pw-zoektermijn-jongeren"))
        .output()
        .expect("run");
    assert!(!output.status.success(), "{}", stdout(&output));
}

/// An id that is a BSN or a terminal escape is no id: the file is not read
/// as a record, and nothing a file is called reaches the terminal raw.
#[test]
fn odd_ids_are_no_records_and_never_reach_the_terminal_raw() {
    let s = scenario();
    let file = &s.anna[2];
    let text = fs::read_to_string(file).expect("read");
    let id = text
        .lines()
        .find_map(|l| l.strip_prefix("id = \""))
        .and_then(|l| l.strip_suffix('"'))
        .expect("id")
        .to_owned();
    let odd = "BSN 123456782\u{1b}[2K\r";
    let renamed = file.with_file_name(format!("000003-{odd}.toml"));
    fs::write(&renamed, text.replace(&id, odd)).expect("write");
    fs::write(sig(&renamed), "").expect("sig");
    fs::remove_file(file).expect("rm");
    fs::remove_file(sig(file)).expect("rm sig");
    resign(&s.team, &renamed, "anna", "maatwerk-record");
    let (exit, json) = verify(&s.team);
    assert_found("an odd id", &(exit, json), "stray-file", "000003-BSN");
    let output = s
        .team
        .as_("bea")
        .env("MAATWERK_NOW", VERIFY_NOW)
        .arg("verify")
        .output()
        .expect("run");
    let shown = stdout(&output);
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\r'),
        "{shown:?}"
    );
    assert!(!shown.contains("123456782"), "{shown}");
    let listed = s.team.as_("bea").arg("list").output().expect("run");
    assert!(!stdout(&listed).contains('\u{1b}'), "{:?}", stdout(&listed));
}

/// What a signed record says reaches the terminal as text, never as
/// escapes, and an odd hash does not crash `show`.
#[test]
fn show_neither_obeys_nor_crashes_on_what_a_record_says() {
    let team = crate::cli::support::Team::new();
    let id = team.record(
        "anna",
        "pw-zoektermijn-jongeren",
        &crate::cli::support::Team::example("pw-zoektermijn-jongeren"),
    );
    let file = team.record_file(&id);
    let text = std::fs::read_to_string(&file).expect("read");
    let sha = text
        .lines()
        .find(|l| l.starts_with("sha256 = "))
        .expect("sha256")
        .to_owned();
    for forged in [
        "sha256 = \"\\u001b[2J\\u001b]0;owned\\u0007abcdefghijklm\"",
        "sha256 = \"x\"",
        "sha256 = \"abcdefghijké\"",
    ] {
        std::fs::write(&file, text.replacen(&sha, forged, 1)).expect("write");
        crate::cli::support::resign(&team, &file, "anna", "maatwerk-record");
        let out = team.as_("bea").args(["show", &id]).output().expect("run");
        assert!(
            out.status.code().is_some_and(|c| c < 100),
            "{forged}: {out:?}"
        );
        let shown = format!(
            "{}{}",
            crate::cli::support::stdout(&out),
            crate::cli::support::stderr(&out)
        );
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
            "{forged}: {shown:?}"
        );
    }
}

/// An index file planted beside an empty directory, its header made to
/// match, is not taken in: `new` lists the directory and writes the index
/// again, small.
#[test]
fn a_planted_index_beside_an_empty_directory_is_not_taken_in() {
    let team = Team::new();
    let norm = "mw-doorbraakbudget";
    team.record("anna", norm, &Team::example(norm));
    let dir = team.store().join("reviews/z@gemeente.example");
    fs::create_dir_all(&dir).expect("mkdir");
    let then = fs::metadata(&dir)
        .expect("meta")
        .modified()
        .expect("mtime")
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_nanos();
    let mut planted = format!("maatwerk-index/3\t{}\t{then}\n", then + 10_000_000_000);
    planted.extend((0..40_000).map(|i| {
        format!(
            "a\treviews/z@gemeente.example/{i:06}-RV-20261123-7X40W4RN.toml\tMW-20261123-7X40W4RN\n"
        )
    }));
    let index = team.store().join(".index/reviews/z@gemeente.example.tsv");
    fs::create_dir_all(index.parent().expect("dir")).expect("mkdir");
    fs::write(&index, &planted).expect("write");
    let again = team.sandbox.write(
        "again.toml",
        fs::read_to_string(Team::example(norm))
            .expect("example")
            .replace("MR-2026-000093", "MR-2026-000094"),
    );
    team.record("anna", norm, &again);
    let now = fs::read_to_string(&index).expect("the index");
    assert!(
        now.len() < 1024,
        "written again from the empty directory: {} bytes",
        now.len()
    );
}
