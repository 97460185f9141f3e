use serde_json::Value;

use super::support::{Sandbox, stderr, stdout};

#[test]
fn shows_a_norm_as_a_caseworker_reads_it() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .cmd()
        .args(["norms", "show", "pw-zoektermijn-jongeren"])
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    for expected in [
        "Aanvraag van een jongere eerder behandelen tijdens de zoektermijn",
        "pw-zoektermijn-jongeren · version 3 · vastgesteld",
        "✓ Usable for a decision on 23 November 2026.",
        "Participatiewet, article 41 paragraph 4",
        "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=41&lid=4",
        "Algemene wet bestuursrecht, article 4:84",
        "Checks (6)",
        "[voorschot] amount from €0 to €1,500, for example 450 or 1,250.50",
        "Motivation (Awb 4:84), each part at least 80 characters",
        "consulent   voorschot up to €500, duration up to 1 month",
        "teamleider  voorschot up to €1,500",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
}

#[test]
fn in_dutch_too() {
    let sandbox = Sandbox::new();
    let out = stdout(
        &sandbox
            .cmd()
            .args(["--lang", "nl", "norms", "show", "shv-toelating-na-fraude"])
            .output()
            .expect("run"),
    );
    assert!(
        out.contains("Wet gemeentelijke schuldhulpverlening, artikel 3 lid 3"),
        "{out}"
    );
    assert!(out.contains("Vier ogen: elk besluit wordt door een tweede persoon beoordeeld."));
}

#[test]
fn says_why_a_norm_cannot_be_chosen() {
    let sandbox = Sandbox::new();
    let concept = stdout(
        &sandbox
            .cmd()
            .args(["norms", "show", "pw-zeer-dringende-redenen-buitenland"])
            .output()
            .expect("run"),
    );
    assert!(concept.contains(
        "✗ Not usable on 23 November 2026: this is a concept that has not been adopted."
    ));
    let withdrawn = stdout(
        &sandbox
            .cmd()
            .args(["norms", "show", "pw-duurzame-goederen-om-niet"])
            .output()
            .expect("run"),
    );
    assert!(
        withdrawn.contains("✗ Not usable on 23 November 2026: withdrawn as of 1 January 2026.")
    );
    let earlier = stdout(
        &sandbox
            .cmd()
            .args([
                "norms",
                "show",
                "pw-duurzame-goederen-om-niet",
                "--on",
                "2025-06-01",
            ])
            .output()
            .expect("run"),
    );
    assert!(earlier.contains("✓ Usable for a decision on 1 June 2025."));
}

#[test]
fn json_has_the_whole_norm_and_its_hash() {
    let sandbox = Sandbox::new();
    let out = stdout(
        &sandbox
            .cmd()
            .args(["norms", "show", "mw-doorbraakbudget", "--json"])
            .output()
            .expect("run"),
    );
    let json: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(json["id"], "mw-doorbraakbudget");
    assert_eq!(
        json["rule"]["basis"],
        "jci1.3:c:BWBR0015703&artikel=15&lid=1"
    );
    assert_eq!(
        json["basis_url"],
        "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=15&lid=1"
    );
    let bedrag = json["checks"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["id"] == "bedrag"))
        .expect("bedrag");
    assert_eq!(bedrag["kind"], "number");
    assert_eq!(bedrag["max"], 5000.0);
    assert_eq!(json["format"], 2);
    assert_eq!(json["constraints"][1]["id"], "boven-500-rechtstreeks");
    assert_eq!(json["constraints"][1]["when"][0]["value"]["above"], 500.0);
    assert_eq!(
        json["constraints"][1]["require"][0]["value"],
        serde_json::json!(["schuldeiser", "verhuurder", "instantie"])
    );
    assert_eq!(json["mandate"]["tiers"][1]["role"], "teamleider");
    assert_eq!(json["max_duration"], "P30D");
    // Totals and the award as the norm writes them.
    assert_eq!(json["totals"][0]["window"], "P1Y");
    assert_eq!(json["totals"][1]["window"], "calendar-year");
    assert_eq!(json["usable"], true);
    let other = stdout(
        &sandbox
            .cmd()
            .args([
                "norms",
                "show",
                "pw-bijzondere-bijstand-boven-grens",
                "--json",
            ])
            .output()
            .expect("run"),
    );
    let other: Value = serde_json::from_str(&other).expect("json");
    assert_eq!(other["period_within"], "calendar-year");
    assert_eq!(other["award"]["form_when"][0]["form"], "loan");
    assert_eq!(
        other["award"]["form_when"][0]["when"][0]["check"],
        "kostensoort"
    );
    let sha = json["sha256"].as_str().expect("sha256");
    let bytes =
        std::fs::read(super::support::repo().join("norms/mw-doorbraakbudget.toml")).expect("file");
    assert_eq!(
        sha,
        maatwerk::domain::source::Sha256Hex::of(&bytes).as_str()
    );
}

#[test]
fn an_unknown_id_gets_a_suggestion() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .cmd()
        .args(["norms", "show", "pw-zoektermijn-jongere"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "error: there is no norm with id `pw-zoektermijn-jongere`\n\
         help: did you mean `pw-zoektermijn-jongeren`? `maatwerk norms list --all` shows every id\n"
    );
}

#[test]
fn a_norm_with_errors_points_to_norms_check() {
    let sandbox = Sandbox::new();
    sandbox.write("norms/kapot.toml", "id = \"kapot\"\n");
    let output = sandbox
        .cmd()
        .args(["norms", "show", "kapot"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output)
            .contains("the norm `kapot` (norms/kapot.toml) has errors and cannot be shown")
    );
    assert!(
        stderr(&output).contains("`maatwerk norms check norms/kapot.toml` shows what is wrong")
    );
}
