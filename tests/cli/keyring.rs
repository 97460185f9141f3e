//! The keyring: who may change it, and the `allowed_signers` file for OpenSSH.

use std::fs;

use serde_json::Value;

use super::support::{Team, stderr, stdout};

#[test]
fn only_a_beheerder_changes_the_keyring() {
    let team = Team::new();
    let before = team.files();
    let output = team
        .as_("anna")
        .args([
            "keyring",
            "add",
            "--principal",
            "eve@gemeente.example",
            "--name",
            "Eve",
            "--role",
            "teamleider",
            "--public-key",
        ])
        .arg(format!("{}.pub", team.key("eve").display()))
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "error: only a beheerder may change the keyring\n"
    );
    assert_eq!(team.files(), before);
}

#[test]
fn mistakes_in_keyring_changes_are_refused_with_a_reason() {
    let team = Team::new();
    let eve_pub = format!("{}.pub", team.key("eve").display());
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "--principal",
                "Eve Smit",
                "--name",
                "Eve",
                "--role",
                "consulent",
            ],
            "is not a valid principal",
        ),
        (
            &[
                "--principal",
                "eve@gemeente.example",
                "--name",
                "Eve",
                "--role",
                "directeur",
            ],
            "the role `directeur` does not exist",
        ),
        (
            &[
                "--principal",
                "anna@gemeente.example",
                "--name",
                "Anna",
                "--role",
                "consulent",
            ],
            "is already in the keyring",
        ),
        (
            &["--principal", "eve@gemeente.example", "--role", "consulent"],
            "a new member needs: --name",
        ),
        (
            &[
                "--principal",
                "eve@gemeente.example",
                "--change",
                "--role",
                "consulent",
            ],
            "is not in the keyring",
        ),
    ];
    for (args, expected) in cases {
        let output = team
            .as_("bea")
            .args(["keyring", "add"])
            .args(*args)
            .args(["--public-key", &eve_pub])
            .output()
            .expect("run");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains(expected),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    let anna_pub = format!("{}.pub", team.key("anna").display());
    let reused = team
        .as_("bea")
        .args([
            "keyring",
            "add",
            "--principal",
            "eve@gemeente.example",
            "--name",
            "Eve",
            "--role",
            "consulent",
            "--public-key",
            &anna_pub,
        ])
        .output()
        .expect("run");
    assert!(stderr(&reused).contains("this key already belongs to `anna@gemeente.example`"));
}

#[test]
fn allowed_signers_gives_each_role_its_namespaces_and_windows() {
    let team = Team::new();
    team.as_("bea")
        .env("MAATWERK_NOW", "2026-11-24T12:00:00Z")
        .args([
            "keyring",
            "revoke",
            "tom@gemeente.example",
            "--reason",
            "uit dienst",
        ])
        .assert()
        .success();
    let text = stdout(
        &team
            .as_("bea")
            .args(["keyring", "allowed-signers"])
            .output()
            .expect("run"),
    );
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    // Sorted by principal, for stable diffs.
    assert!(lines[1].starts_with(
        "bea@gemeente.example namespaces=\"maatwerk-record,maatwerk-review,maatwerk-signal,maatwerk-withdrawal,maatwerk-sample,maatwerk-checkpoint,maatwerk-keyring,maatwerk-adoption\",valid-after=\"20261123090000Z\" ssh-ed25519 AAAA"
    ), "{text}");
    assert!(lines[0].starts_with("anna@gemeente.example namespaces=\"maatwerk-record,maatwerk-review,maatwerk-signal,maatwerk-withdrawal,maatwerk-sample\",valid-after=\"20261123090000Z\" ssh-ed25519 "));
    assert!(
        lines[2].contains("valid-after=\"20261123090000Z\",valid-before=\"20261124120000Z\""),
        "{text}"
    );
    // A teamleider witnesses; a consulent does not.
    assert!(lines[2].contains(",maatwerk-checkpoint\""), "{text}");

    let json: Value = serde_json::from_str(&stdout(
        &team
            .as_("bea")
            .args(["keyring", "list", "--json"])
            .output()
            .expect("run"),
    ))
    .expect("json");
    assert_eq!(json[2]["principal"], "tom@gemeente.example");
    assert_eq!(json[2]["valid_until"], "2026-11-24T12:00:00Z");
    assert_eq!(json[1]["role"], "beheerder");
}

#[test]
fn a_revoked_member_can_no_longer_sign() {
    let team = Team::new();
    team.as_("bea")
        .args([
            "keyring",
            "revoke",
            "anna@gemeente.example",
            "--reason",
            "laptop gestolen",
        ])
        .assert()
        .success();
    let output = team
        .as_("anna")
        .env("MAATWERK_NOW", "2026-11-23T09:00:01Z")
        .args(["new", "--norm", "pw-zoektermijn-jongeren", "--answers"])
        .arg(Team::example("pw-zoektermijn-jongeren"))
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("not in this store's keyring, or not valid now"));
}

#[test]
fn init_twice_is_refused_and_changes_nothing() {
    let team = Team::new();
    let before = team.files();
    let output = team
        .as_("eve")
        .args([
            "init",
            "--principal",
            "eve@gemeente.example",
            "--name",
            "Eve",
        ])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("is already a maatwerk store; nothing was changed"));
    assert_eq!(team.files(), before);
}

/// An address is an address in any case: typed in capitals, it is kept in
/// lower case, as the first run keeps it.
#[test]
fn principals_typed_in_capitals_are_kept_in_lower_case() {
    // The team made eve's key, but she is not in the keyring.
    let team = Team::new();
    let output = team
        .as_("bea")
        .args([
            "keyring",
            "add",
            "--principal",
            " Eve.Jansen@Gemeente.Example ",
            "--name",
            "Eve Jansen",
            "--role",
            "consulent",
            "--public-key",
        ])
        .arg(format!("{}.pub", team.key("eve").display()))
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr(&output));
    let keyring = stdout(
        &team
            .as_("bea")
            .args(["keyring", "list"])
            .output()
            .expect("run"),
    );
    assert!(keyring.contains("eve.jansen@gemeente.example"), "{keyring}");
    assert!(!keyring.contains("Eve.Jansen@"), "{keyring}");
}

#[test]
fn a_store_that_is_not_there_says_how_to_make_one() {
    let team = Team::new();
    let output = team
        .as_("bea")
        .env("MAATWERK_STORE", team.sandbox.work().join("nergens"))
        .args(["list"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("is not a maatwerk store"));
    assert!(stderr(&output).contains("maatwerk init"));
}

#[test]
fn openssh_judges_a_revoked_key_by_the_moment_of_signing_like_maatwerk() {
    let team = Team::new();
    let output = team
        .as_("anna")
        .env("MAATWERK_NOW", "2026-11-23T10:00:00Z")
        .args(["new", "--norm", "pw-zoektermijn-jongeren", "--answers"])
        .arg(Team::example("pw-zoektermijn-jongeren"))
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr(&output));
    let file = team.record_file(stdout(&output).trim());
    team.as_("bea")
        .env("MAATWERK_NOW", "2026-11-23T12:00:00Z")
        .args([
            "keyring",
            "revoke",
            "anna@gemeente.example",
            "--reason",
            "uit dienst",
            "--from",
            "2026-11-23T11:00:00Z",
        ])
        .assert()
        .success();
    // maatwerk: signed while the key was valid, so the record stands.
    assert_eq!(team.verify().0, Some(0));
    let signers = team.sandbox.write(
        "allowed_signers",
        stdout(
            &team
                .as_("bea")
                .args(["keyring", "allowed-signers"])
                .output()
                .expect("run"),
        ),
    );
    let check = |at: &str| {
        super::support::ssh_keygen()
            .args(["-Y", "verify", "-f"])
            .arg(&signers)
            .args([
                "-I",
                "anna@gemeente.example",
                "-n",
                "maatwerk-record",
                &format!("-Overify-time={at}"),
                "-s",
            ])
            .arg(format!("{}.sig", file.display()))
            .stdin(std::fs::File::open(&file).expect("open"))
            .output()
            .expect("ssh-keygen")
            .status
            .success()
    };
    assert!(
        check("20261123100000Z"),
        "at the moment of signing the key was valid"
    );
    assert!(!check("20261123113000Z"), "after the revocation it is not");
}

#[test]
fn a_consulent_can_also_manage_the_keyring_and_keeps_it_through_a_role_change() {
    let team = Team::new();
    let add_eve = || {
        team.as_("anna")
            .env("MAATWERK_NOW", "2026-11-23T10:00:00Z")
            .args([
                "keyring",
                "add",
                "--principal",
                "eve@gemeente.example",
                "--name",
                "Eve",
                "--role",
                "consulent",
                "--public-key",
            ])
            .arg(format!("{}.pub", team.key("eve").display()))
            .output()
            .expect("run")
    };
    assert_eq!(add_eve().status.code(), Some(2), "not yet a beheerder");
    for (now, args) in [
        (
            "2026-11-23T09:30:00Z",
            ["--beheerder", "true", "--role", "consulent"],
        ),
        (
            "2026-11-23T09:40:00Z",
            ["--role", "teamleider", "--name", "Anna Teamleider"],
        ),
    ] {
        team.as_("bea")
            .env("MAATWERK_NOW", now)
            .args([
                "keyring",
                "add",
                "--change",
                "--principal",
                "anna@gemeente.example",
            ])
            .args(args)
            .assert()
            .success();
    }
    let output = add_eve();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));

    let list = stdout(
        &team
            .as_("bea")
            .args(["keyring", "list"])
            .output()
            .expect("run"),
    );
    assert!(list.contains("teamleider + beheerder"), "{list}");
    let json: Value = serde_json::from_str(&stdout(
        &team
            .as_("bea")
            .env("MAATWERK_NOW", "2026-11-23T10:00:00Z")
            .args(["keyring", "list", "--json"])
            .output()
            .expect("run"),
    ))
    .expect("json");
    let anna_now = json
        .as_array()
        .expect("list")
        .iter()
        .filter(|g| g["principal"] == "anna@gemeente.example" && g["current"] == true)
        .collect::<Vec<_>>();
    assert_eq!(anna_now.len(), 1, "{json}");
    assert_eq!(anna_now[0]["role"], "teamleider");
    assert_eq!(anna_now[0]["beheerder"], true);
    let signers = stdout(
        &team
            .as_("bea")
            .args(["keyring", "allowed-signers"])
            .output()
            .expect("run"),
    );
    assert!(
        signers
            .lines()
            .rfind(|l| l.starts_with("anna@"))
            .is_some_and(|l| l.contains("maatwerk-keyring")),
        "{signers}"
    );
    let (code, report) = team.verify();
    assert_eq!(code, Some(0), "{report}");
}

#[test]
fn init_takes_the_role_the_person_decides_in() {
    let sandbox = super::support::Sandbox::new();
    let key = sandbox.work().join("key");
    sandbox
        .cmd()
        .args(["keys", "new", "--no-passphrase", "--out"])
        .arg(&key)
        .assert()
        .success();
    let init = |role: &str| {
        sandbox
            .cmd()
            .env("MAATWERK_KEY", &key)
            .env("MAATWERK_STORE", sandbox.work().join("store"))
            .args([
                "init",
                "--principal",
                "sanne@gemeente.example",
                "--name",
                "Sanne",
            ])
            .args(["--role", role])
            .output()
            .expect("run")
    };
    let wrong = init("directeur");
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        stderr(&wrong).contains("the role `directeur` does not exist")
            && stderr(&wrong).contains("consulent, teamleider"),
        "{}",
        stderr(&wrong)
    );
    assert!(!sandbox.work().join("store").exists(), "nothing was made");
    assert!(init("consulent").status.success());
    let json: Value = serde_json::from_str(&stdout(
        &sandbox
            .cmd()
            .env("MAATWERK_STORE", sandbox.work().join("store"))
            .args(["keyring", "list", "--json"])
            .output()
            .expect("run"),
    ))
    .expect("json");
    assert_eq!(json[0]["role"], "consulent");
    assert_eq!(
        json[0]["beheerder"], true,
        "the trust root manages the keyring"
    );
}

#[cfg(unix)]
#[test]
fn a_private_key_others_can_read_is_refused_with_the_chmod_that_fixes_it() {
    use std::os::unix::fs::PermissionsExt;
    let team = Team::new();
    let key = team.key("anna");
    assert_eq!(
        fs::metadata(&key).expect("key").permissions().mode() & 0o777,
        0o600,
        "keys are made private"
    );
    fs::set_permissions(&key, fs::Permissions::from_mode(0o644)).expect("chmod");
    let before = team.files();
    let output = team
        .as_("anna")
        .args(["new", "--norm", "pw-zoektermijn-jongeren", "--answers"])
        .arg(Team::example("pw-zoektermijn-jongeren"))
        .output()
        .expect("run");
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(err.contains("(permissions 0644)"), "{err}");
    assert!(
        err.contains(&format!("chmod 600 {}", key.display())),
        "{err}"
    );
    assert_eq!(team.files(), before, "nothing written");
}

#[test]
fn a_keyring_change_that_makes_no_sense_is_refused() {
    fn add(name: &str) -> Vec<&str> {
        vec![
            "keyring",
            "add",
            "--principal",
            "eve@gemeente.example",
            "--name",
            name,
            "--role",
            "consulent",
            "--public-key",
        ]
    }
    let team = Team::new();
    let before = team.files();
    let eve_pub = format!("{}.pub", team.key("eve").display());
    let refused = |args: &[&str], says: &str| {
        let output = team.as_("bea").args(args).output().expect("run");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains(says),
            "{args:?}: {}",
            stderr(&output)
        );
    };
    let mut empty = add("  ");
    empty.push(&eve_pub);
    refused(&empty, "--name must be a name on one line");
    let mut two_lines = add("Eve\nMallory");
    two_lines.push(&eve_pub);
    refused(&two_lines, "--name must be a name on one line");
    let mut backwards = add("Eve");
    backwards.extend([
        eve_pub.as_str(),
        "--valid-from",
        "2026-12-01T00:00:00Z",
        "--valid-until",
        "2026-11-30T00:00:00Z",
    ]);
    refused(&backwards, "is not after --valid-from");
    refused(
        &[
            "keyring",
            "revoke",
            "anna@gemeente.example",
            "--reason",
            " ",
        ],
        "a revocation needs a reason",
    );
    assert_eq!(team.files(), before, "nothing written");
}
