//! Signed records: scripted `new`, `show`, `list`, and what is refused.

use std::fs;

use serde_json::Value;

use super::support::{Team, ssh_keygen, stderr, stdout};

#[test]
fn new_prints_only_the_id_and_writes_a_record_stock_openssh_verifies() {
    let team = Team::new();
    let output = team
        .as_("anna")
        .args(["new", "--norm", "pw-zoektermijn-jongeren", "--answers"])
        .arg(Team::example("pw-zoektermijn-jongeren"))
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr(&output));
    let id = stdout(&output).trim().to_owned();
    assert_eq!(
        stdout(&output),
        format!("{id}\n"),
        "stdout holds the id alone"
    );
    assert!(id.starts_with("MW-20261123-") && id.len() == 20, "{id}");
    assert!(
        stderr(&output).contains("drawn up and decided, within your mandaat"),
        "{}",
        stderr(&output)
    );

    let file = team.record_file(&id);
    let text = fs::read_to_string(&file).expect("record");
    for line in [
        "format = \"maatwerk-record/4\"",
        "case = \"Z-2026-001234\"",
        "seq = 1",
        "signature_meaning = \"opgesteld en vastgesteld\"",
        "principal = \"anna@gemeente.example\"",
        "role = \"consulent\"",
        "basis = \"jci1.3:c:BWBR0015703&artikel=41&lid=4&g=2026-11-23\"",
        "outcome = \"within\"",
        "question = \"Is de aanvrager jonger dan 27 jaar?\"",
        // Amounts exactly, as a decimal, never a binary float.
        "kind = \"number\"",
        "answer = \"450.00\"",
        "unit = \"EUR\"",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing {line:?} in\n{text}"
        );
    }
    assert!(!text.contains('\r'), "LF only");

    let (code, json) = team.verify();
    assert_eq!(code, Some(0), "{json}");
    assert_eq!(json["records"], 1);

    // An auditor needs nothing but OpenSSH.
    let signers = team.sandbox.work().join("allowed_signers");
    let allowed = team
        .as_("bea")
        .args(["keyring", "allowed-signers"])
        .output()
        .expect("run");
    fs::write(&signers, &allowed.stdout).expect("write");
    let status = ssh_keygen()
        .args(["-Y", "verify", "-f"])
        .arg(&signers)
        .args(["-I", "anna@gemeente.example", "-n", "maatwerk-record", "-s"])
        .arg(format!("{}.sig", file.display()))
        .stdin(fs::File::open(&file).expect("open"))
        .output()
        .expect("ssh-keygen");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert!(
        String::from_utf8_lossy(&status.stdout)
            .contains("Good \"maatwerk-record\" signature for anna@gemeente.example")
    );
    // And the adoption the record rests on, by the beheerder who made it.
    let adoption = fs::read_dir(team.store().join("adoptions"))
        .expect("adoptions")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "toml"))
        .expect("an adoption");
    let verify_adoption = |principal: &str| {
        ssh_keygen()
            .args(["-Y", "verify", "-f"])
            .arg(&signers)
            .args(["-I", principal, "-n", "maatwerk-adoption", "-s"])
            .arg(format!("{}.sig", adoption.display()))
            .stdin(fs::File::open(&adoption).expect("open"))
            .output()
            .expect("ssh-keygen")
    };
    assert!(verify_adoption("bea@gemeente.example").status.success());
    assert!(
        !verify_adoption("anna@gemeente.example").status.success(),
        "a consulent does not sign adoptions"
    );
}

#[test]
fn a_record_signed_by_ssh_keygen_verifies_with_maatwerk() {
    let team = Team::new();
    let id = team.record(
        "anna",
        "pw-zoektermijn-jongeren",
        &Team::example("pw-zoektermijn-jongeren"),
    );
    let file = team.record_file(&id);
    let sig = format!("{}.sig", file.display());
    fs::remove_file(&sig).expect("remove our signature");
    let output = ssh_keygen()
        .args(["-Y", "sign", "-n", "maatwerk-record", "-f"])
        .arg(team.key("anna"))
        .arg(&file)
        .output()
        .expect("ssh-keygen");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (code, json) = team.verify();
    assert_eq!(code, Some(0), "{json}");
}

#[test]
fn our_signature_is_what_ssh_keygen_would_write() {
    let team = Team::new();
    let id = team.record(
        "anna",
        "pw-zoektermijn-jongeren",
        &Team::example("pw-zoektermijn-jongeren"),
    );
    let file = team.record_file(&id);
    let ours = fs::read_to_string(format!("{}.sig", file.display())).expect("sig");
    let copy = team.sandbox.work().join("copy.toml");
    fs::copy(&file, &copy).expect("copy");
    ssh_keygen()
        .args(["-Y", "sign", "-n", "maatwerk-record", "-f"])
        .arg(team.key("anna"))
        .arg(&copy)
        .output()
        .expect("ssh-keygen");
    let theirs = fs::read_to_string(format!("{}.sig", copy.display())).expect("sig");
    // ed25519 signatures are deterministic: same key, namespace, hash, bytes.
    assert_eq!(ours, theirs);
}

#[test]
fn beyond_the_mandate_the_record_is_drawn_up_for_review() {
    let team = Team::new();
    let id = team.record(
        "anna",
        "pw-bijzondere-bijstand-boven-grens",
        &Team::example("pw-bijzondere-bijstand-boven-grens"),
    );
    let text = fs::read_to_string(team.record_file(&id)).expect("record");
    assert!(text.contains("signature_meaning = \"opgesteld, ter beoordeling\""));
    assert!(
        text.contains("outcome = \"needs-review\"\nreview_role = \"teamleider\""),
        "{text}"
    );
    // The teamleider's mandaat covers it.
    let id = team.record(
        "tom",
        "pw-bijzondere-bijstand-boven-grens",
        &Team::example("pw-bijzondere-bijstand-boven-grens"),
    );
    assert!(
        fs::read_to_string(team.record_file(&id))
            .expect("record")
            .contains("outcome = \"within\"")
    );
    // Four eyes: even within the tier, someone else reviews.
    let id = team.record(
        "tom",
        "shv-toelating-na-fraude",
        &Team::example("shv-toelating-na-fraude"),
    );
    assert!(
        fs::read_to_string(team.record_file(&id))
            .expect("record")
            .contains("outcome = \"needs-review\"")
    );
}

#[test]
fn every_usable_example_answers_file_signs() {
    let team = Team::new();
    let norms = [
        "jw-jeugdhulp-na-18",
        "mw-doorbraakbudget",
        "pw-betaling-per-week",
        "pw-bijzondere-bijstand-boven-grens",
        "pw-zoektermijn-jongeren",
        "shv-toelating-na-eerder-traject",
        "shv-toelating-na-fraude",
        "wmo-huishoudelijke-hulp-extra-uren",
    ];
    for norm in norms {
        team.record("tom", norm, &Team::example(norm));
    }
    let (code, json) = team.verify();
    assert_eq!(code, Some(0), "{json}");
    assert_eq!(json["records"], norms.len());
    assert_eq!(json["norms"], norms.len(), "one snapshot per norm version");
}

/// Runs `new` as Anna with `answers` for `norm`; asserts it is refused with
/// exit 2 and nothing in the store changed; returns stderr.
fn refused(team: &Team, norm: &str, answers: &str) -> String {
    let path = team.sandbox.write("answers.toml", answers);
    let before = team.files();
    let output = team
        .as_("anna")
        .args(["--color", "never", "new", "--norm", norm, "--answers"])
        .arg(&path)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    assert_eq!(team.files(), before, "nothing may be written");
    stderr(&output)
}

fn example_text(norm: &str) -> String {
    fs::read_to_string(Team::example(norm)).expect("example")
}

#[test]
fn a_bsn_anywhere_is_refused_and_never_repeated() {
    let team = Team::new();
    let text = example_text("pw-zoektermijn-jongeren").replace(
        "consulted = \"Jongerenloket en de verhuurder.\"",
        "consulted = \"Jongerenloket (BSN 1234.56.782).\"",
    );
    let err = refused(&team, "pw-zoektermijn-jongeren", &text);
    assert!(err.contains("error[bsn-in-text]: “Consulted” (`motivation.consulted`) contains a citizen service number (BSN)"), "{err}");
    assert!(err.contains("UAVG art. 46"));
    assert!(!err.contains("782"), "the number is never echoed:\n{err}");

    let text = example_text("pw-zoektermijn-jongeren")
        .replace("case = \"Z-2026-001234\"", "case = \"123456782\"");
    let err = refused(&team, "pw-zoektermijn-jongeren", &text);
    assert!(err.contains("error[case-is-bsn]"), "{err}");
    assert!(
        err.contains("answers.toml:4:8"),
        "points at the case line: {err}"
    );
    assert!(!err.contains("123456782"));

    // What a draft kept of a case reference that held a BSN is no case
    // reference either; nor is a BSN behind a footnote mark.
    for case in ["•••••••••₁", "Z-123456782¹"] {
        let text = example_text("pw-zoektermijn-jongeren")
            .replace("case = \"Z-2026-001234\"", &format!("case = \"{case}\""));
        let err = refused(&team, "pw-zoektermijn-jongeren", &text);
        assert!(err.contains("error[case-is-bsn]"), "{case}: {err}");
    }
}

/// Amounts are typed as people write them, and refused with the way to
/// write them when they are not amounts; a date asked within the period is
/// held to it.
#[test]
fn answers_are_read_as_people_write_them_and_held_to_the_period() {
    let team = Team::new();
    // `"€ 450,50"` as a Dutch caseworker writes it: signed, stored exactly.
    let text = example_text("pw-zoektermijn-jongeren")
        .replace("voorschot = 450", "voorschot = \"€ 450,50\"");
    let path = team.sandbox.write("dutch.toml", &text);
    let id = team.record("anna", "pw-zoektermijn-jongeren", &path);
    let stored = fs::read_to_string(team.record_file(&id)).expect("record");
    assert!(stored.contains("answer = \"450.50\""), "{stored}");

    let text =
        example_text("pw-zoektermijn-jongeren").replace("voorschot = 450", "voorschot = 450.5051");
    let err = refused(&team, "pw-zoektermijn-jongeren", &text);
    assert!(err.contains("error[amount-cents]"), "{err}");

    // `1.200` is twelve hundred to a Dutch writer and 1.2 to TOML: refused,
    // with both ways to write it.
    let text =
        example_text("pw-zoektermijn-jongeren").replace("voorschot = 450", "voorschot = 1.200");
    let err = refused(&team, "pw-zoektermijn-jongeren", &text);
    assert!(err.contains("error[dutch-thousands]"), "{err}");
    assert!(
        err.contains(
            "did you mean 1200? Then write 1200, without a point. If you mean 1.2, write 1.2"
        ),
        "{err}"
    );

    let text = example_text("pw-betaling-per-week")
        .replace("ingangsdatum = 2026-12-01", "ingangsdatum = 2027-03-01");
    let err = refused(&team, "pw-betaling-per-week", &text);
    assert!(
        err.contains("error[date-outside-period]: the date for `ingangsdatum` falls outside the decision's period"),
        "{err}"
    );
}

#[test]
fn a_norm_that_does_not_cover_the_case_is_refused_with_the_way_out() {
    let team = Team::new();
    let text =
        example_text("pw-zoektermijn-jongeren").replace("acute-nood = true", "acute-nood = false");
    let err = refused(&team, "pw-zoektermijn-jongeren", &text);
    assert!(
        err.contains("error[condition-not-met]: a condition of the norm is not met (acute-nood)"),
        "{err}"
    );
    assert!(err.contains("choose another norm, or log a signal"));
    assert!(err.contains("error: not signed, for the reason above; nothing was stored"));
}

#[test]
fn concept_and_withdrawn_norms_cannot_be_adopted_and_so_are_refused() {
    let team = Team::new();
    for (norm, status, why) in [
        (
            "pw-zeer-dringende-redenen-buitenland",
            "concept",
            "this is a concept that has not been adopted",
        ),
        (
            "pw-duurzame-goederen-om-niet",
            "ingetrokken",
            "withdrawn as of",
        ),
    ] {
        // The refusal says why the norm cannot be used, not how to adopt
        // it: it cannot be adopted either.
        let err = refused(&team, norm, &example_text(norm));
        assert!(
            err.contains("Not usable on 23 November 2026"),
            "{norm}: {err}"
        );
        assert!(err.contains(why), "{norm}: {err}");
        assert!(!err.contains("norms adopt"), "{err}");
        let adopt = team
            .as_("bea")
            .args(["norms", "adopt", norm])
            .output()
            .expect("run");
        assert_eq!(adopt.status.code(), Some(2));
        assert!(
            stderr(&adopt).contains(&format!("has status `{status}`")),
            "{}",
            stderr(&adopt)
        );
    }
}

#[test]
fn short_motivation_long_period_and_missing_evidence_are_all_reported_at_once() {
    let team = Team::new();
    let text = example_text("pw-zoektermijn-jongeren")
        .replace("length = \"P1M\"", "length = \"P4M\"")
        .replace("bankafschriften = true", "bankafschriften = false")
        .replace(
            "aims = \"De zoektermijn moet eigen inspanning stimuleren: eerst zelf werk of opleiding zoeken voordat bijstand wordt verleend.\"",
            "aims = \"Eigen inspanning.\"",
        );
    let err = refused(&team, "pw-zoektermijn-jongeren", &text);
    assert!(err.contains("error[too-short]: “Aims of the rule” (`motivation.aims`) is too short: 17 of at least 80 characters"), "{err}");
    assert!(err.contains("error[period-too-long]"));
    assert!(err.contains("error[evidence-missing]"));
    assert!(err.contains("not signed, for the 3 reasons above"));
}

#[test]
fn mistakes_in_the_answers_file_get_file_line_and_column() {
    let team = Team::new();
    let text = example_text("pw-zoektermijn-jongeren")
        .replace("acute-nood = true", "acute-nod = true")
        .replace("voorschot = 450", "voorschot = \"vierhonderd\"");
    let err = refused(&team, "pw-zoektermijn-jongeren", &text);
    assert!(
        err.contains("error[unknown-key]: unknown key `answers.acute-nod`"),
        "{err}"
    );
    assert!(err.contains("help: did you mean `acute-nood`?"));
    assert!(
        err.contains("error[unreadable-number]: `answers.voorschot` is not a number as written"),
        "{err}"
    );
    assert!(err.contains("help: write an amount like 2350.50"), "{err}");
    assert!(err.contains("--> "), "{err}");
    assert!(err.contains("the answers file has errors; nothing was signed or stored"));
}

#[test]
fn an_encrypted_key_is_unlocked_with_the_passphrase_file() {
    let team = Team::new();
    let key = team.sandbox.work().join("keys/carla");
    let phrase = team.sandbox.write("phrase", "lange wachtwoordzin\n");
    team.sandbox
        .cmd()
        .env("MAATWERK_PASSPHRASE_FILE", &phrase)
        .args(["keys", "new", "--out"])
        .arg(&key)
        .assert()
        .success();
    assert!(
        fs::read_to_string(&key)
            .expect("key")
            .contains("BEGIN OPENSSH PRIVATE KEY")
    );
    team.add("carla", "Carla Consulent", "consulent");
    let answers = Team::example("pw-zoektermijn-jongeren");
    let wrong = team.sandbox.write("wrong", "verkeerd\n");
    let before = team.files();
    let output = team
        .as_("carla")
        .env("MAATWERK_PASSPHRASE_FILE", &wrong)
        .args(["new", "--norm", "pw-zoektermijn-jongeren", "--answers"])
        .arg(&answers)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stderr(&output), "error: wrong passphrase\n");
    assert_eq!(team.files(), before);
    let output = team
        .as_("carla")
        .env("MAATWERK_PASSPHRASE_FILE", &phrase)
        .args(["new", "--norm", "pw-zoektermijn-jongeren", "--answers"])
        .arg(&answers)
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn a_key_outside_the_keyring_cannot_sign() {
    let team = Team::new();
    let output = team
        .as_("eve")
        .args(["new", "--norm", "pw-zoektermijn-jongeren", "--answers"])
        .arg(Team::example("pw-zoektermijn-jongeren"))
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("is not in this store's keyring, or not valid now"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn show_and_list_read_records_back() {
    let team = Team::new();
    let first = team.record(
        "anna",
        "pw-zoektermijn-jongeren",
        &Team::example("pw-zoektermijn-jongeren"),
    );
    let second = team.record(
        "tom",
        "mw-doorbraakbudget",
        &Team::example("mw-doorbraakbudget"),
    );
    let shown = team
        .as_("bea")
        .args(["show", &first])
        .output()
        .expect("run");
    assert!(shown.status.success());
    let text = stdout(&shown);
    assert!(text.contains("Participatiewet, artikel 41 lid 4"), "{text}");
    assert!(text.contains("Anna Consulent (anna@gemeente.example, consulent)"));
    assert!(text.contains("✓ Signature valid"));
    let json: Value = serde_json::from_str(&stdout(
        &team
            .as_("bea")
            .args(["show", &second, "--json"])
            .output()
            .expect("run"),
    ))
    .expect("json");
    assert_eq!(json["id"], second.as_str());
    assert_eq!(json["signature_valid"], true);
    assert_eq!(json["author"]["role"], "teamleider");

    let all: Value = serde_json::from_str(&stdout(
        &team
            .as_("bea")
            .args(["list", "--json"])
            .output()
            .expect("run"),
    ))
    .expect("json");
    assert_eq!(all.as_array().map(Vec::len), Some(2));
    let anna: Value = serde_json::from_str(&stdout(
        &team
            .as_("bea")
            .args(["list", "--json", "--author", "anna@gemeente.example"])
            .output()
            .expect("run"),
    ))
    .expect("json");
    assert_eq!(anna[0]["id"], first.as_str());
    assert_eq!(anna.as_array().map(Vec::len), Some(1));
    let by_norm = stdout(
        &team
            .as_("bea")
            .args(["list", "--norm", "mw-doorbraakbudget"])
            .output()
            .expect("run"),
    );
    assert!(
        by_norm.contains(&second) && !by_norm.contains(&first),
        "{by_norm}"
    );
    let none = stdout(
        &team
            .as_("bea")
            .args(["list", "--from", "2027-01-01"])
            .output()
            .expect("run"),
    );
    assert_eq!(none, "No records.\n");
    let missing = team
        .as_("bea")
        .args(["show", "MW-20261123-00000000"])
        .output()
        .expect("run");
    assert_eq!(missing.status.code(), Some(2));
}
