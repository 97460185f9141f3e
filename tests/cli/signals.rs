//! Signals: when no agreed norm fits, the caseworker says so, signed.

use std::fs;

use serde_json::Value;

use super::support::{Team, ssh_keygen, stderr, stdout};

fn signal(team: &Team, who: &str, args: &[&str]) -> std::process::Output {
    team.as_(who)
        .arg("signal")
        .args(args)
        .output()
        .expect("run")
}

#[test]
fn a_signal_is_signed_listed_and_verified() {
    let team = Team::new();
    let output = signal(
        &team,
        "anna",
        &[
            "--case",
            "Z-2026-004411",
            "--norm",
            "pw-zoektermijn-jongeren",
            "--check",
            "leeftijd-onder-27",
            "--text",
            "Inwoner van 28 in acute nood; de zoektermijn geldt niet, maar er is geen norm voor een voorschot tijdens de wachttijd.",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let id = stdout(&output).trim().to_owned();
    assert!(id.starts_with("SG-20261123-"), "{id}");

    let json: Value = serde_json::from_str(&stdout(
        &team
            .as_("bea")
            .args(["signals", "--json"])
            .output()
            .expect("run"),
    ))
    .expect("json");
    assert_eq!(json[0]["id"], id.as_str());
    assert_eq!(json[0]["norm"]["id"], "pw-zoektermijn-jongeren");
    assert_eq!(json[0]["norm"]["failed_check"], "leeftijd-onder-27");
    assert_eq!(json[0]["author"]["role"], "consulent");
    let table = stdout(&team.as_("bea").args(["signals"]).output().expect("run"));
    assert!(table.contains("Z-2026-004411"), "{table}");

    let (code, report) = team.verify();
    assert_eq!(code, Some(0), "{report}");
    assert_eq!(report["signals"], 1);

    // Stock OpenSSH accepts it in the signal namespace.
    let file = team
        .store()
        .join("signals/anna@gemeente.example")
        .join(format!("{id}.toml"));
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
    let ok = ssh_keygen()
        .args(["-Y", "verify", "-f"])
        .arg(&signers)
        .args(["-I", "anna@gemeente.example", "-n", "maatwerk-signal", "-s"])
        .arg(format!("{}.sig", file.display()))
        .stdin(fs::File::open(&file).expect("open"))
        .output()
        .expect("ssh-keygen");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
}

#[test]
fn a_bsn_or_an_empty_reason_is_refused_and_nothing_is_written() {
    let team = Team::new();
    let before = team.files();
    let output = signal(&team, "anna", &["--case", "123456782", "--text", "kort"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("citizen service number"), "{err}");
    assert!(err.contains("the text is too short"));
    assert!(!err.contains("123456782"));
    assert_eq!(team.files(), before);
    let unknown = signal(
        &team,
        "anna",
        &[
            "--case",
            "Z-1",
            "--norm",
            "pw-zoektermijn-jongeren",
            "--check",
            "bestaat-niet",
            "--text",
            "Een reden die lang genoeg is om te tellen.",
        ],
    );
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("has no check `bestaat-niet`"));
}

#[test]
fn a_tampered_signal_is_detected() {
    let team = Team::new();
    let output = signal(
        &team,
        "anna",
        &[
            "--case",
            "Z-2026-1",
            "--text",
            "Geen norm voor hulp bij verhuizing na brand.",
        ],
    );
    let id = stdout(&output).trim().to_owned();
    let file = team
        .store()
        .join("signals/anna@gemeente.example")
        .join(format!("{id}.toml"));
    let text = fs::read_to_string(&file).expect("read");
    fs::write(&file, text.replace("brand", "overstroming")).expect("write");
    let (code, report) = team.verify();
    assert_eq!(code, Some(1));
    assert_eq!(report["findings"][0]["code"], "bad-signature", "{report}");
}
