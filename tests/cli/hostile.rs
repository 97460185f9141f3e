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

/// When the records of the scenario are signed.
const LATER: &str = "2026-11-23T10:00:00Z";

/// A team where Anna made two records on the youth search period and a
/// third, beyond her mandaat, on special assistance above the maximum; Tom
/// made one.
struct Scenario {
    team: Team,
    anna: Vec<PathBuf>,
}

fn sign_record(team: &Team, who: &str, norm: &str) -> PathBuf {
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

fn scenario() -> Scenario {
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
fn verify(team: &Team) -> (Option<i32>, Value) {
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
fn forge(s: &Scenario, edits: &[(&str, &str)]) -> String {
    let file = &s.anna[2];
    for (from, to) in edits {
        edit(file, from, to);
    }
    resign(&s.team, file, "anna", "maatwerk-record");
    name(file)
}

fn name(path: &Path) -> String {
    path.file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned()
}

fn sha256_link(path: &Path) -> String {
    format!("sha256:{}", Sha256Hex::of(&fs::read(path).expect("read")))
}

/// The file of `dir` no other file there follows: the head of a linear
/// history.
fn head(dir: &Path) -> PathBuf {
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

fn public_key(team: &Team, who: &str) -> String {
    let text = fs::read_to_string(format!("{}.pub", team.key(who).display())).expect("pub");
    text.split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes a keyring change by hand, following the keyring's head, signed
/// with `who`'s key by `ssh-keygen`.
fn forge_keyring_change(team: &Team, who: &str, id: &str, body: &str) -> String {
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
fn revoked_beheerder_adds_mallory(s: &Scenario, id: &str, created: &str) -> String {
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
fn raised_copy(team: &Team) -> PathBuf {
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
fn assert_found(name: &str, (exit, json): &(Option<i32>, Value), code: &str, file: &str) {
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

/// Changes to the keyring an insider might try; the history and the
/// grants show each.
#[allow(clippy::too_many_lines)]
#[test]
fn the_keyring_cannot_be_rolled_back_or_bent() {
    let cases: &[(&str, Attack, &str)] = &[
        (
            "a revocation deleted",
            |s| {
                s.team.revoke("tom", "2026-11-24T09:00:00Z");
                let revocation = head(&s.team.store().join("keyring"));
                // A record signed after it names it.
                let output = s
                    .team
                    .as_("anna")
                    .env("MAATWERK_NOW", "2026-11-25T09:00:00Z")
                    .args(["new", "--norm", "pw-zoektermijn-jongeren", "--answers"])
                    .arg(Team::example("pw-zoektermijn-jongeren"))
                    .output()
                    .expect("run");
                assert!(output.status.success(), "{}", stderr(&output));
                let later = s.team.record_file(stdout(&output).trim());
                fs::remove_file(sig(&revocation)).expect("rm sig");
                fs::remove_file(&revocation).expect("rm");
                name(&later)
            },
            "history-missing",
        ),
        (
            "a change backdated by a revoked beheerder",
            |s| revoked_beheerder_adds_mallory(s, "KR-20261123-EVEBACK1", "2026-11-23T09:30:00Z"),
            "keyring-history",
        ),
        (
            "a change by a revoked beheerder, dated after the revocation",
            |s| revoked_beheerder_adds_mallory(s, "KR-20261125-EVEAFTR1", "2026-11-25T09:00:00Z"),
            "keyring-entry",
        ),
        (
            "a role given into the past",
            |s| {
                forge_keyring_change(
                    &s.team,
                    "bea",
                    "KR-20261124-BACK0001",
                    "created = \"2026-11-24T09:00:00Z\"\nfollows = [\"FOLLOWS\"]\naction = \"change\"\nprincipal = \"anna@gemeente.example\"\nrole = \"teamleider\"\nvalid_from = \"2026-11-01T00:00:00Z\"",
                )
            },
            "keyring-entry",
        ),
        (
            "a principal that climbs out of the store",
            |s| {
                let key = public_key(&s.team, "eve");
                forge_keyring_change(
                    &s.team,
                    "bea",
                    "KR-20261124-CXMB0001",
                    &format!(
                        "created = \"2026-11-24T09:00:00Z\"\nfollows = [\"FOLLOWS\"]\naction = \"add\"\nprincipal = \"../../buiten\"\nname = \"Buiten\"\nrole = \"consulent\"\npublic_key = \"{key}\"\nvalid_from = \"2026-11-24T09:00:00Z\""
                    ),
                )
            },
            "keyring-entry",
        ),
        (
            "a scheduled role change outliving a revocation",
            |s| {
                s.team
                    .as_("bea")
                    .env("MAATWERK_NOW", "2026-11-23T11:00:00Z")
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
                s.team.revoke("anna", "2026-11-24T09:00:00Z");
                forge(
                    s,
                    &[
                        ("role = \"consulent\"", "role = \"teamleider\""),
                        (
                            "created = \"2026-11-23T10:00:00Z\"",
                            "created = \"2026-12-02T10:00:00Z\"",
                        ),
                        (
                            "decision_date = \"2026-11-23\"",
                            "decision_date = \"2026-12-02\"",
                        ),
                        ("&g=2026-11-23\"", "&g=2026-12-02\""),
                    ],
                )
            },
            "signer-not-valid-then",
        ),
        (
            "the store's description re-signed by its root: anyone adopts, any date goes",
            |s| {
                let config = s.team.store().join("store.toml");
                let text = fs::read_to_string(&config).expect("read");
                let adopters = text
                    .lines()
                    .find(|l| l.starts_with("adopters = "))
                    .expect("adopters")
                    .to_owned();
                edit(
                    &config,
                    &adopters,
                    "adopters = [\"afdelingshoofd\", \"beheerder\", \"consulent\"]",
                );
                edit(
                    &config,
                    "decision_window_days = 31",
                    "decision_window_days = 3650",
                );
                resign(&s.team, &config, "bea", "maatwerk-keyring");
                // The program will not work on it either.
                let output = s
                    .team
                    .as_("anna")
                    .args(["norms", "adopt", "pw-zoektermijn-jongeren"])
                    .output()
                    .expect("run");
                assert!(!output.status.success());
                assert!(
                    stderr(&output).contains("not the description the trust root laid down"),
                    "{}",
                    stderr(&output)
                );
                "store.toml".to_owned()
            },
            "config-altered",
        ),
        (
            "an adoption dated after the verifier's clock",
            |s| {
                let adoption = head(&s.team.store().join("adoptions"));
                let text = fs::read_to_string(&adoption).expect("read");
                let created = text
                    .lines()
                    .find(|l| l.starts_with("created = "))
                    .expect("created")
                    .to_owned();
                edit(&adoption, &created, "created = \"2027-06-01T09:00:00Z\"");
                resign(&s.team, &adoption, "bea", "maatwerk-adoption");
                name(&adoption)
            },
            "created-in-future",
        ),
        (
            "a withdrawal backdated to before it was signed",
            |s| {
                s.team
                    .as_("bea")
                    .env("MAATWERK_NOW", "2026-11-24T09:00:00Z")
                    .args([
                        "norms",
                        "withdraw",
                        "pw-zoektermijn-jongeren",
                        "--on",
                        "2026-11-25",
                        "--reason",
                        "vervangen",
                    ])
                    .assert()
                    .success();
                let withdrawal = head(&s.team.store().join("adoptions"));
                edit(&withdrawal, "on = \"2026-11-25\"", "on = \"2026-11-01\"");
                resign(&s.team, &withdrawal, "bea", "maatwerk-adoption");
                name(&withdrawal)
            },
            "adoption",
        ),
        (
            "a second text of an adopted norm adopted beside it",
            |s| {
                let copy = raised_copy(&s.team);
                let sha = Sha256Hex::of(&fs::read(&copy).expect("read")).to_string();
                let store = s.team.store();
                fs::copy(&copy, store.join(format!("norms/{sha}.toml"))).expect("snapshot");
                let dir = store.join("adoptions");
                let original = fs::read_dir(&dir)
                    .expect("adoptions")
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .find(|p| {
                        p.extension().is_some_and(|x| x == "toml")
                            && fs::read_to_string(p)
                                .is_ok_and(|t| t.contains("pw-bijzondere-bijstand-boven-grens"))
                    })
                    .expect("its adoption");
                let text = fs::read_to_string(&original).expect("read");
                let old_sha = text
                    .lines()
                    .find_map(|l| l.strip_prefix("sha256 = \""))
                    .and_then(|l| l.strip_suffix('"'))
                    .expect("sha")
                    .to_owned();
                let old_id = text
                    .lines()
                    .find_map(|l| l.strip_prefix("id = \"AD-"))
                    .and_then(|l| l.strip_suffix('"'))
                    .expect("id")
                    .to_owned();
                let follows_line = text
                    .lines()
                    .find(|l| l.starts_with("follows = "))
                    .expect("follows")
                    .to_owned();
                let forged = text
                    .replace(&old_sha, &sha)
                    .replace(&format!("AD-{old_id}"), "AD-20261124-SECND001")
                    .replace(
                        &follows_line,
                        &format!("follows = [\"{}\"]", sha256_link(&head(&dir))),
                    );
                let file = dir.join("AD-20261124-SECND001.toml");
                fs::write(&file, forged).expect("write");
                fs::write(sig(&file), "").expect("placeholder");
                resign(&s.team, &file, "bea", "maatwerk-adoption");
                name(&file)
            },
            "adoption",
        ),
    ];
    for (what, attack, code) in cases {
        let s = scenario();
        let file = attack(&s);
        assert_found(what, &verify(&s.team), code, &file);
    }
}

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
    let team = super::support::Team::new();
    let id = team.record(
        "anna",
        "pw-zoektermijn-jongeren",
        &super::support::Team::example("pw-zoektermijn-jongeren"),
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
        super::support::resign(&team, &file, "anna", "maatwerk-record");
        let out = team.as_("bea").args(["show", &id]).output().expect("run");
        assert!(
            out.status.code().is_some_and(|c| c < 100),
            "{forged}: {out:?}"
        );
        let shown = format!(
            "{}{}",
            super::support::stdout(&out),
            super::support::stderr(&out)
        );
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
            "{forged}: {shown:?}"
        );
    }
}
