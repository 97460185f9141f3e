use serde_json::Value;

use super::support::{Sandbox, stderr, stdout};

#[test]
fn lists_only_norms_usable_today_by_default() {
    let sandbox = Sandbox::new();
    let output = sandbox.cmd().args(["norms", "list"]).output().expect("run");
    assert!(output.status.success());
    let out = stdout(&output);
    let rows: Vec<&str> = out.lines().skip(3).collect();
    assert_eq!(rows.len(), 8, "{out}");
    assert!(
        out.lines()
            .nth(2)
            .is_some_and(|h| h.starts_with("id ") && h.contains("valid"))
    );
}

#[test]
fn all_includes_concept_and_withdrawn_norms_and_says_why() {
    let sandbox = Sandbox::new();
    let out = stdout(
        &sandbox
            .cmd()
            .args(["norms", "list", "--all"])
            .output()
            .expect("run"),
    );
    assert!(out.starts_with("All norms: 10, of which 8 usable on 23 November 2026"));
    let concept = out
        .lines()
        .find(|l| l.starts_with("pw-zeer-dringende-redenen-buitenland"))
        .expect("row");
    assert!(concept.ends_with("✗ concept"), "{concept}");
    let withdrawn = out
        .lines()
        .find(|l| l.starts_with("pw-duurzame-goederen-om-niet"))
        .expect("row");
    assert!(withdrawn.ends_with("✗ withdrawn"), "{withdrawn}");
}

#[test]
fn on_a_date_shows_what_was_usable_then() {
    let sandbox = Sandbox::new();
    // On 2025-12-01 the withdrawn norm was still in force, and norms adopted
    // in 2026 were not yet.
    let out = stdout(
        &sandbox
            .cmd()
            .args(["norms", "list", "--on", "2025-12-01", "--json"])
            .output()
            .expect("run"),
    );
    let json: Value = serde_json::from_str(&out).expect("json");
    let ids: Vec<&str> = json
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|n| n["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "pw-duurzame-goederen-om-niet",
            "shv-toelating-na-eerder-traject",
            "shv-toelating-na-fraude"
        ]
    );
    // After 2026 the wmo norm has expired.
    let out = stdout(
        &sandbox
            .cmd()
            .args(["norms", "list", "--all", "--on", "2027-01-05", "--json"])
            .output()
            .expect("run"),
    );
    let json: Value = serde_json::from_str(&out).expect("json");
    let wmo = json
        .as_array()
        .expect("array")
        .iter()
        .find(|n| n["id"] == "wmo-huishoudelijke-hulp-extra-uren")
        .expect("wmo norm");
    assert_eq!(wmo["usable"], false);
    assert_eq!(wmo["unusable"]["reason"], "expired");
    assert_eq!(wmo["unusable"]["until"], "2026-12-31");
}

#[test]
fn json_carries_what_a_script_needs() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .cmd()
        .args(["norms", "list", "--json"])
        .output()
        .expect("run");
    assert_eq!(stderr(&output), "");
    let json: Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    let first = &json[0];
    assert_eq!(first["id"], "jw-jeugdhulp-na-18");
    assert_eq!(first["version"], 4);
    assert_eq!(first["status"], "vastgesteld");
    assert_eq!(first["valid_from"], "2026-03-01");
    assert_eq!(first["usable"], true);
    assert_eq!(first["source"], "bundled:norms/jw-jeugdhulp-na-18.toml");
    assert_eq!(first["sha256"].as_str().map(str::len), Some(64));
}

#[test]
fn an_empty_norms_directory_says_so() {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.work().join("leeg")).expect("dir");
    let output = sandbox
        .cmd()
        .args(["--norms", "leeg", "norms", "list"])
        .output()
        .expect("run");
    assert!(output.status.success());
    assert!(stdout(&output).contains("No norm is usable on this date"));
}

#[test]
fn against_a_store_each_norm_says_whether_it_is_adopted_there() {
    let team = super::support::Team::new();
    // A copy with the consulent's tier raised: same id and version, another
    // text.
    let copy = team
        .sandbox
        .copy_norm("pw-bijzondere-bijstand-boven-grens", "eigen");
    let text = std::fs::read_to_string(&copy).expect("copy");
    std::fs::write(&copy, text.replacen("500", "2500", 1)).expect("raise");
    team.sandbox.copy_norm("mw-doorbraakbudget", "eigen");
    let list = |json: bool| {
        let mut cmd = team.as_("anna");
        cmd.args(["norms", "list", "--norms"])
            .arg(team.sandbox.work().join("eigen"));
        if json {
            cmd.arg("--json");
        }
        let output = cmd.output().expect("run");
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    let out = list(false);
    assert!(
        out.lines().nth(2).is_some_and(|h| h.contains("in store")),
        "{out}"
    );
    let row = |id: &str| {
        out.lines()
            .find(|l| l.starts_with(id))
            .unwrap_or_else(|| panic!("{id} in {out}"))
            .to_owned()
    };
    assert!(row("mw-doorbraakbudget").ends_with("✓ adopted"), "{out}");
    assert!(
        row("pw-bijzondere-bijstand-boven-grens").ends_with("✗ another text (version 4 adopted)"),
        "{out}"
    );
    let json: Value = serde_json::from_str(&list(true)).expect("json");
    let standing = |id: &str| {
        json.as_array()
            .and_then(|a| a.iter().find(|n| n["id"] == id))
            .map(|n| n["in_store"]["standing"].clone())
    };
    assert_eq!(standing("mw-doorbraakbudget"), Some("adopted".into()));
    assert_eq!(
        standing("pw-bijzondere-bijstand-boven-grens"),
        Some("other-text".into())
    );

    // `norms show` says it in a sentence, with the way on.
    let output = team
        .as_("anna")
        .args([
            "--lang",
            "nl",
            "norms",
            "show",
            "pw-bijzondere-bijstand-boven-grens",
            "--norms",
        ])
        .arg(team.sandbox.work().join("eigen"))
        .output()
        .expect("run");
    assert!(
        stdout(&output).contains("Deze tekst is niet opgenomen in deze opslag; versie 4 van `pw-bijzondere-bijstand-boven-grens` wel."),
        "{}",
        stdout(&output)
    );

    // Without a store there is no such column.
    let sandbox = Sandbox::new();
    let out = stdout(&sandbox.cmd().args(["norms", "list"]).output().expect("run"));
    assert!(!out.contains("in store"), "{out}");
}
