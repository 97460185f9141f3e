//! A hostile store: the keyring rolled back or bent by an insider.

use std::fs;

use maatwerk::domain::source::Sha256Hex;

use super::*;
use crate::cli::support::{Team, edit, resign, sig, stderr, stdout};

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
