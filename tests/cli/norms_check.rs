use std::fs;

use serde_json::Value;

use super::support::{Sandbox, repo, stderr, stdout};

/// Runs `norms check` on one invalid fixture from the repository root, so
/// paths in the output are the ones a person would type.
fn check_fixture(name: &str, lang: &str) -> (Option<i32>, String) {
    let sandbox = Sandbox::new();
    let output = sandbox
        .cmd()
        .current_dir(repo())
        .args(["--lang", lang, "--color", "never", "norms", "check"])
        .arg(format!("tests/fixtures/invalid/{name}.toml"))
        .output()
        .expect("run");
    (
        output.status.code(),
        format!("{}{}", stderr(&output), stdout(&output)),
    )
}

#[test]
fn every_invalid_fixture_gets_its_diagnostics() {
    let mut names: Vec<String> = fs::read_dir(repo().join("tests/fixtures/invalid"))
        .expect("fixtures")
        .filter_map(Result::ok)
        .filter_map(|e| {
            e.path()
                .file_stem()
                .and_then(|s| s.to_str())
                .map(str::to_owned)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 10);
    for name in names {
        let (code, text) = check_fixture(&name, "en");
        assert_eq!(code, Some(1), "{name} must fail:\n{text}");
        assert!(
            text.contains(&format!("--> tests/fixtures/invalid/{name}.toml")),
            "{name}: no location\n{text}"
        );
        insta::assert_snapshot!(format!("invalid__{name}"), text);
    }
}

#[test]
fn diagnostics_are_in_dutch_too() {
    let (code, text) = check_fixture("bad-mandate", "nl");
    assert_eq!(code, Some(1));
    insta::assert_snapshot!("invalid__bad-mandate__nl", text);
}

#[test]
fn the_bundled_norms_pass_with_a_one_line_summary() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .cmd()
        .args(["norms", "check"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "10 norm files checked: no errors.\n");
    assert_eq!(stderr(&output), "");
    let repo_dir = sandbox
        .cmd()
        .current_dir(repo())
        .args(["norms", "check", "norms"])
        .output()
        .expect("run");
    assert_eq!(stdout(&repo_dir), "10 norm files checked: no errors.\n");
}

#[test]
fn files_and_directories_mix_and_duplicate_ids_across_them_are_found() {
    let sandbox = Sandbox::new();
    sandbox.copy_norm("jw-jeugdhulp-na-18", "a");
    sandbox.copy_norm("jw-jeugdhulp-na-18", "b");
    let lone = sandbox.copy_norm("mw-doorbraakbudget", "c");
    let output = sandbox
        .cmd()
        .args(["--color", "never", "norms", "check", "a", "b"])
        .arg(&lone)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("error[duplicate-norm-id]: id `jw-jeugdhulp-na-18` is already used in a/jw-jeugdhulp-na-18.toml"), "{err}");
    assert!(err.contains("--> b/jw-jeugdhulp-na-18.toml:"), "{err}");
    assert_eq!(
        stdout(&output),
        "3 norm files checked: 1 error in 1 file.\n"
    );
}

#[test]
fn json_lists_every_diagnostic_with_its_position() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .cmd()
        .current_dir(repo())
        .args([
            "norms",
            "check",
            "--json",
            "tests/fixtures/invalid/unknown-keys.toml",
        ])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output), "", "with --json everything goes to stdout");
    let json: Value = serde_json::from_str(&stdout(&output)).expect("json");
    assert_eq!(json["ok"], false);
    assert_eq!(json["files"], 1);
    assert_eq!(json["valid"], 0);
    let first = &json["diagnostics"][1];
    assert_eq!(first["file"], "tests/fixtures/invalid/unknown-keys.toml");
    assert_eq!(first["code"], "unknown-key");
    assert_eq!(first["line"], 3);
    assert_eq!(first["column"], 1);
    assert_eq!(first["end_column"], 6);
    assert_eq!(first["message"], "unknown key `titel`");
    assert_eq!(first["help"], "did you mean `title`?");
    assert_eq!(
        json["errors"],
        json["diagnostics"]
            .as_array()
            .map(Vec::len)
            .unwrap_or_default()
    );
}

#[test]
fn a_path_that_does_not_exist_is_a_usage_error() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .cmd()
        .args(["norms", "check", "geen-map"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("error: cannot read `geen-map`:"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_file_that_is_not_toml_is_named_as_such() {
    let sandbox = Sandbox::new();
    sandbox.write("notities.txt", "geen norm");
    let output = sandbox
        .cmd()
        .args(["--color", "never", "norms", "check", "notities.txt"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("error[not-a-toml-file]: this is not a .toml file"));
}

#[test]
fn nothing_is_written_or_changed_by_checking() {
    let sandbox = Sandbox::new();
    let path = sandbox.write("norms/kapot.toml", "id = \"kapot\"\n");
    let before = fs::read(&path).expect("read");
    sandbox
        .cmd()
        .args(["norms", "check"])
        .output()
        .expect("run");
    assert_eq!(fs::read(&path).expect("read"), before);
    let entries = fs::read_dir(sandbox.work().join("norms"))
        .expect("dir")
        .count();
    assert_eq!(entries, 1);
}

#[test]
fn the_template_norm_in_examples_is_valid() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .cmd()
        .current_dir(repo())
        .args(["norms", "check", "examples/norms"])
        .output()
        .expect("run");
    assert_eq!(
        stdout(&output),
        "1 norm file checked: no errors.\n",
        "{}",
        stderr(&output)
    );
}

/// With a store at hand, a tier must name a role the store has; without
/// one the same file passes.
#[test]
fn a_tier_role_the_store_lacks_is_found_with_a_store_at_hand() {
    let team = super::support::Team::new();
    let copy = team.sandbox.copy_norm("pw-zoektermijn-jongeren", "eigen");
    let text = fs::read_to_string(&copy).expect("copy");
    fs::write(
        &copy,
        text.replacen("role = \"teamleider\"", "role = \"wethouder\"", 1),
    )
    .expect("write");
    let with_store = team
        .as_("anna")
        .args(["--lang", "nl", "norms", "check"])
        .arg(&copy)
        .output()
        .expect("run");
    assert_eq!(with_store.status.code(), Some(1), "{}", stdout(&with_store));
    let out = format!("{}{}", stdout(&with_store), stderr(&with_store));
    assert!(
        out.contains("fout[role-not-in-store]: de rol `wethouder` bestaat niet in deze opslag"),
        "{out}"
    );
    assert!(out.contains("pw-zoektermijn-jongeren.toml:"), "{out}");
    let alone = Sandbox::new();
    let without = alone
        .cmd()
        .args(["norms", "check"])
        .arg(&copy)
        .output()
        .expect("run");
    assert_eq!(without.status.code(), Some(0), "{}", stdout(&without));
}

/// The annotated template shows every construct of the norm format and
/// checks clean.
#[test]
fn the_annotated_template_shows_every_construct_and_checks_clean() {
    let sandbox = Sandbox::new();
    let dir = repo().join("examples/norms");
    let out = sandbox
        .cmd()
        .args(["norms", "check"])
        .arg(&dir)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = fs::read_to_string(dir.join("sjabloon-norm.toml")).expect("template");
    for construct in [
        "format = 2",
        "retroactive",
        "period_ends_before",
        "period_within",
        "max_total_duration",
        "before_decision",
        "when = { bedrag = { above",
        "[[constraint]]",
        "any = {",
        "require = {",
        "[award]",
        "[[award.form_when]]",
        "[[award.amount.add]]",
        "takes_effect_when",
        "revocable_for",
        "[[total]]",
        "window = \"P5Y\"",
        "beyond",
        "cvdr",
        "adopted_on = \"2019-03\"",
        "basis = [",
    ] {
        assert!(text.contains(construct), "the template shows {construct}");
    }
}
