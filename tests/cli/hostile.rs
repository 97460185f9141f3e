//! A hostile store: every attack of an insider with a valid key and write
//! access to the files, made with plain file operations and `ssh-keygen -Y
//! sign`, and what `verify` says of it — its exit code and the finding on
//! the file the attack touched. Where the program itself can refuse the
//! attack when it is written, that is tested too.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use maatwerk::domain::source::Sha256Hex;
use serde_json::Value;

use super::support::{Team, VERIFY_NOW, edit, resign, sig, stderr, stdout};

mod files;
mod keyring;

/// When the records of the scenario are signed.
pub(super) const LATER: &str = "2026-11-23T10:00:00Z";

/// A team where Anna made two records on the youth search period and a
/// third, beyond her mandaat, on special assistance above the maximum; Tom
/// made one.
pub(super) struct Scenario {
    team: Team,
    anna: Vec<PathBuf>,
}

pub(super) fn sign_record(team: &Team, who: &str, norm: &str) -> PathBuf {
    let output = team
        .as_(who)
        .env("MAATWERK_NOW", LATER)
        .args(["new", "--norm", norm, "--answers"])
        .arg(Team::example(norm))
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr(&output));
    team.record_file(stdout(&output).trim())
}

pub(super) fn scenario() -> Scenario {
    let team = Team::new();
    let anna = vec![
        sign_record(&team, "anna", "pw-zoektermijn-jongeren"),
        sign_record(&team, "anna", "pw-zoektermijn-jongeren"),
        sign_record(&team, "anna", "pw-bijzondere-bijstand-boven-grens"),
    ];
    sign_record(&team, "tom", "mw-doorbraakbudget");
    assert_eq!(team.verify().0, Some(0), "the untouched store verifies");
    Scenario { team, anna }
}

/// `verify --json` with a time limit: a hostile store must never make it
/// hang.
pub(super) fn verify(team: &Team) -> (Option<i32>, Value) {
    let output = team
        .as_("bea")
        .env("MAATWERK_NOW", VERIFY_NOW)
        .args(["verify", "--json"])
        .timeout(Duration::from_secs(20))
        .output()
        .expect("run");
    let json = serde_json::from_str(&stdout(&output))
        .unwrap_or_else(|_| panic!("json: {}{}", stdout(&output), stderr(&output)));
    (output.status.code(), json)
}

/// Edits Anna's last record and signs it again with her own key, as she
/// could.
pub(super) fn forge(s: &Scenario, edits: &[(&str, &str)]) -> String {
    let file = &s.anna[2];
    for (from, to) in edits {
        edit(file, from, to);
    }
    resign(&s.team, file, "anna", "maatwerk-record");
    name(file)
}

pub(super) fn name(path: &Path) -> String {
    path.file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned()
}

pub(super) fn sha256_link(path: &Path) -> String {
    format!("sha256:{}", Sha256Hex::of(&fs::read(path).expect("read")))
}

/// The file of `dir` no other file there follows: the head of a linear
/// history.
pub(super) fn head(dir: &Path) -> PathBuf {
    let files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    let texts: Vec<String> = files
        .iter()
        .map(|p| fs::read_to_string(p).expect("read"))
        .collect();
    let heads: Vec<&PathBuf> = files
        .iter()
        .filter(|p| {
            let link = sha256_link(p);
            !texts.iter().any(|t| t.contains(&link))
        })
        .collect();
    assert_eq!(heads.len(), 1, "one head in {}", dir.display());
    heads[0].clone()
}

pub(super) fn public_key(team: &Team, who: &str) -> String {
    let text = fs::read_to_string(format!("{}.pub", team.key(who).display())).expect("pub");
    text.split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes a keyring change by hand, following the keyring's head, signed
/// with `who`'s key by `ssh-keygen`.
pub(super) fn forge_keyring_change(team: &Team, who: &str, id: &str, body: &str) -> String {
    let dir = team.store().join("keyring");
    let follows = sha256_link(&head(&dir));
    let file = dir.join(format!("{id}.toml"));
    fs::write(
        &file,
        format!(
            "format = \"maatwerk-keyring/2\"\nid = \"{id}\"\n{}\nsigned_by = \"{who}@gemeente.example\"\n",
            body.replace("FOLLOWS", &follows)
        ),
    )
    .expect("write");
    fs::write(sig(&file), "").expect("placeholder");
    resign(team, &file, who, "maatwerk-keyring");
    name(&file)
}

/// Eve, a beheerder revoked on 24 November, writes by hand a change that
/// makes Mallory a beheerder, dated `created`, and signs it with her key.
pub(super) fn revoked_beheerder_adds_mallory(s: &Scenario, id: &str, created: &str) -> String {
    s.team.add("eve", "Eve Beheer", "beheerder");
    s.team.revoke("eve", "2026-11-24T09:00:00Z");
    let key = public_key(&s.team, "eve");
    forge_keyring_change(
        &s.team,
        "eve",
        id,
        &format!(
            "created = \"{created}\"\nfollows = [\"FOLLOWS\"]\naction = \"add\"\nprincipal = \"mallory@gemeente.example\"\nname = \"Mallory\"\nrole = \"beheerder\"\npublic_key = \"{key}\"\nvalid_from = \"{created}\""
        ),
    )
}

/// A copy of a bundled norm with the consulent's tier raised from 500 to
/// 2,500: the same id and version, another text.
pub(super) fn raised_copy(team: &Team) -> PathBuf {
    let copy = team
        .sandbox
        .copy_norm("pw-bijzondere-bijstand-boven-grens", "eigen");
    let text = fs::read_to_string(&copy).expect("copy");
    assert!(text.contains("max = { bedrag = 500 }"));
    fs::write(
        &copy,
        text.replacen("max = { bedrag = 500 }", "max = { bedrag = 2500 }", 1),
    )
    .expect("raise");
    copy
}

#[track_caller]
pub(super) fn assert_found(
    name: &str,
    (exit, json): &(Option<i32>, Value),
    code: &str,
    file: &str,
) {
    let findings = json["findings"].as_array().cloned().unwrap_or_default();
    let hit = findings
        .iter()
        .any(|f| f["code"] == code && f["file"].as_str().is_some_and(|p| p.contains(file)));
    assert!(hit, "{name}: expected {code} on {file}, got {findings:#?}");
    assert_eq!(*exit, Some(1), "{name}: verify must fail");
}

type Attack = fn(&Scenario) -> String;

/// Records signed with a valid key that claim what their norm does not
/// give: each contradiction its own finding on the record.
#[allow(clippy::too_many_lines)]
#[test]
fn a_record_that_contradicts_its_norm_does_not_pass() {
    let cases: &[(&str, Attack, &str)] = &[
        (
            "within mandaat for an amount above the author's tier",
            |s| {
                forge(
                    s,
                    &[
                        (
                            "signature_meaning = \"opgesteld, ter beoordeling\"",
                            "signature_meaning = \"opgesteld en vastgesteld\"",
                        ),
                        (
                            "outcome = \"needs-review\"\nreview_role = \"teamleider\"",
                            "outcome = \"within\"",
                        ),
                    ],
                )
            },
            "contradicts",
        ),
        (
            "a comment in the signed record that verify would not read",
            |s| {
                forge(
                    s,
                    &[(
                        "[mandate]\n",
                        "# Beoordeeld en vastgesteld door teamleider Tom. BSN 123456782.\n[mandate]\n",
                    )],
                )
            },
            "not-as-written",
        ),
        (
            "a required condition answered the wrong way",
            |s| forge(s, &[("answer = true", "answer = false")]),
            "condition-not-met",
        ),
        (
            "an altered question",
            |s| {
                forge(
                    s,
                    &[(
                        "Welk bedrag wordt toegekend bovenop het maximum van € 1.500? Vul alleen het deel boven de € 1.500 in, niet het totaal.",
                        "Welk bedrag?",
                    )],
                )
            },
            "contradicts",
        ),
        (
            "a motivation part emptied",
            |s| {
                let file = &s.anna[2];
                let text = fs::read_to_string(file).expect("read");
                let line = text
                    .lines()
                    .find(|l| l.starts_with("consulted = "))
                    .expect("consulted")
                    .to_owned();
                forge(s, &[(line.as_str(), "consulted = \"\"")])
            },
            "missing",
        ),
        (
            "a period longer than the norm allows",
            |s| forge(s, &[("end = \"2026-12-23\"", "end = \"2028-06-01\"")]),
            "period-too-long",
        ),
        (
            "a BSN as case reference",
            |s| forge(s, &[("case = \"BB-2026-004512\"", "case = \"123456782\"")]),
            "case-is-bsn",
        ),
        (
            "a BSN in the motivation",
            |s| {
                forge(
                    s,
                    &[(
                        "consulted = \"Huisarts,",
                        "consulted = \"Moeder (BSN 123 456 782), huisarts,",
                    )],
                )
            },
            "bsn-in-text",
        ),
        (
            "an amount said to be a text",
            |s| forge(s, &[("kind = \"number\"", "kind = \"text\"")]),
            "wrong-answer-type",
        ),
        (
            "an amount with a fraction of a cent",
            |s| forge(s, &[("answer = \"1800.00\"", "answer = \"1800.005\"")]),
            "amount-cents",
        ),
        (
            "an amount written as a binary float in a record of format 3",
            |s| forge(s, &[("answer = \"1800.00\"", "answer = 1800.0")]),
            "malformed",
        ),
        (
            "a record in the old format after records in the new one",
            |s| {
                forge(
                    s,
                    &[(
                        "format = \"maatwerk-record/4\"",
                        "format = \"maatwerk-record/3\"",
                    )],
                )
            },
            "format-downgrade",
        ),
        (
            "an amount in another of TOML's forms than the program writes",
            |s| forge(s, &[("answer = \"1800.00\"", "answer = \"1800.0000\"")]),
            "contradicts",
        ),
        (
            "a string in another of TOML's forms (literal) than the program writes",
            |s| {
                forge(
                    s,
                    &[("case = \"BB-2026-004512\"", "case = 'BB-2026-004512'")],
                )
            },
            "not-as-written",
        ),
        (
            "a BSN behind a footnote mark in the case reference",
            |s| {
                forge(
                    s,
                    &[("case = \"BB-2026-004512\"", "case = \"BB-123456782¹\"")],
                )
            },
            "case-is-bsn",
        ),
        (
            "a text said to be a date",
            |s| forge(s, &[("kind = \"choice\"", "kind = \"date\"")]),
            "malformed",
        ),
        (
            "a legal basis pinned to another date",
            |s| forge(s, &[("&g=2026-11-23\"", "&g=2020-01-01\"")]),
            "contradicts",
        ),
        (
            "a decision date long before signing",
            |s| {
                forge(
                    s,
                    &[(
                        "decision_date = \"2026-11-23\"",
                        "decision_date = \"2026-09-01\"",
                    )],
                )
            },
            "decision-date-too-old",
        ),
        (
            "a decision date after signing",
            |s| {
                forge(
                    s,
                    &[(
                        "decision_date = \"2026-11-23\"",
                        "decision_date = \"2026-11-30\"",
                    )],
                )
            },
            "decision-date-in-future",
        ),
        (
            "signed in the future",
            |s| {
                forge(
                    s,
                    &[
                        (
                            "created = \"2026-11-23T10:00:00Z\"",
                            "created = \"2027-03-01T10:00:00Z\"",
                        ),
                        (
                            "decision_date = \"2026-11-23\"",
                            "decision_date = \"2027-03-01\"",
                        ),
                        ("&g=2026-11-23\"", "&g=2027-03-01\""),
                    ],
                )
            },
            "created-in-future",
        ),
        (
            "backdated before the author's previous record",
            |s| {
                forge(
                    s,
                    &[(
                        "created = \"2026-11-23T10:00:00Z\"",
                        "created = \"2026-11-23T09:59:00Z\"",
                    )],
                )
            },
            "chain-time-backwards",
        ),
        (
            "resting on a norm text that was never adopted",
            |s| {
                let copy = raised_copy(&s.team);
                let sha = Sha256Hex::of(&fs::read(&copy).expect("read")).to_string();
                fs::copy(&copy, s.team.store().join(format!("norms/{sha}.toml")))
                    .expect("snapshot");
                let text = fs::read_to_string(&s.anna[2]).expect("read");
                let line = text
                    .lines()
                    .find(|l| l.starts_with("sha256 = "))
                    .expect("sha256")
                    .to_owned();
                forge(s, &[(line.as_str(), &format!("sha256 = \"{sha}\""))])
            },
            "norm-not-adopted",
        ),
        (
            "resting on a norm withdrawn in the store",
            |s| {
                s.team
                    .as_("bea")
                    .env("MAATWERK_NOW", "2026-11-24T09:00:00Z")
                    .args([
                        "norms",
                        "withdraw",
                        "pw-bijzondere-bijstand-boven-grens",
                        "--on",
                        "2026-11-25",
                        "--reason",
                        "vervangen door een nieuwe regeling",
                    ])
                    .assert()
                    .success();
                forge(
                    s,
                    &[
                        (
                            "created = \"2026-11-23T10:00:00Z\"",
                            "created = \"2026-11-26T10:00:00Z\"",
                        ),
                        (
                            "decision_date = \"2026-11-23\"",
                            "decision_date = \"2026-11-26\"",
                        ),
                        ("&g=2026-11-23\"", "&g=2026-11-26\""),
                    ],
                )
            },
            "norm-withdrawn",
        ),
    ];
    for (what, attack, code) in cases {
        let s = scenario();
        let file = attack(&s);
        assert_found(what, &verify(&s.team), code, &file);
    }
}
