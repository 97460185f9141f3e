//! Questions that apply only when an earlier answer says so (`when`): asked
//! and recorded only then, refused when missing, and a record that lists a
//! question that did not apply is found by verify.

use std::fs;

use super::support::{Team, edit, resign, stderr, stdout};

const NORM: &str = "shv-toelating-na-eerder-traject";

/// A team with the bundled norms adopted, and the directory of the norm
/// whose question about the children applies only when there are children.
fn team_with_condition() -> (Team, std::path::PathBuf) {
    let team = Team::new();
    let copy = team.sandbox.copy_norm(NORM, "eigen");
    let dir = copy.parent().expect("dir").to_path_buf();
    (team, dir)
}

fn sign(team: &Team, dir: &std::path::Path, answers: &str) -> std::process::Output {
    let file = team.sandbox.write("answers.toml", answers);
    team.as_("anna")
        .args(["new", "--norm", NORM, "--norms"])
        .arg(dir)
        .arg("--answers")
        .arg(&file)
        .output()
        .expect("run")
}

#[test]
fn a_question_applies_only_when_its_condition_holds_and_verify_holds_to_it() {
    let (team, dir) = team_with_condition();
    let shown = stdout(
        &team
            .as_("anna")
            .args(["norms", "show", NORM, "--norms"])
            .arg(&dir)
            .output()
            .expect("run"),
    );
    assert!(
        shown.contains("[kinderen-toelichting] text")
            && shown.contains("— only if minderjarige-kinderen: yes"),
        "{shown}"
    );
    let with = fs::read_to_string(Team::example(NORM)).expect("example");
    // With children, the question applies and must be answered.
    let missing = sign(
        &team,
        &dir,
        &with
            .lines()
            .filter(|l| !l.starts_with("kinderen-toelichting"))
            .collect::<Vec<_>>()
            .join("\n"),
    );
    assert_eq!(missing.status.code(), Some(2), "{}", stdout(&missing));
    assert!(
        stderr(&missing).contains("kinderen-toelichting"),
        "{}",
        stderr(&missing)
    );
    let out = sign(&team, &dir, &with);
    assert!(out.status.success(), "{}", stderr(&out));
    let record = fs::read_to_string(team.record_file(stdout(&out).trim())).expect("record");
    assert!(record.contains("id = \"kinderen-toelichting\""), "{record}");

    // Without children it does not apply: an answer given anyway is not
    // part of the decision, and the record does not list the question.
    let without = with.replace(
        "minderjarige-kinderen = true",
        "minderjarige-kinderen = false",
    );
    let out = sign(&team, &dir, &without);
    assert!(out.status.success(), "{}", stderr(&out));
    let id = stdout(&out).trim().to_owned();
    let file = team.record_file(&id);
    let record = fs::read_to_string(&file).expect("record");
    assert!(!record.contains("kinderen-toelichting"), "{record}");
    let (code, report) = team.verify();
    assert_eq!(code, Some(0), "{report}");

    // Forged: the question that did not apply added to the signed record.
    edit(
        &file,
        "[[check]]\nid = \"schuldenlast\"",
        "[[check]]\nid = \"kinderen-toelichting\"\nquestion = \"Wat betekent het traject voor de kinderen, en hoe worden zij erbij betrokken?\"\nkind = \"text\"\nanswer = \"De kinderen houden een vaste woning; zij gaan mee naar het eerste budgetgesprek.\"\n\n[[check]]\nid = \"schuldenlast\"",
    );
    resign(&team, &file, "anna", "maatwerk-record");
    let (code, report) = team.verify();
    assert_eq!(code, Some(1), "{report}");
    let found: Vec<&str> = report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(found.contains(&"contradicts"), "{report}");
}

/// Evidence asked for only when an earlier answer says so: required then,
/// and listed in the record only then.
#[test]
fn evidence_is_asked_for_only_when_its_condition_holds() {
    let team = Team::new();
    let copy = team.sandbox.copy_norm(NORM, "eigen");
    let text = fs::read_to_string(&copy)
        .expect("copy")
        .replacen("version = 3", "version = 4", 1)
        .replacen(
            "[[evidence]]",
            "[[evidence]]\nid = \"gezinsplan\"\ntext = \"Afspraken met het gezin over de kinderen\"\nwhen = { minderjarige-kinderen = true }\n\n[[evidence]]",
            1,
        );
    fs::write(&copy, text).expect("write");
    let dir = copy.parent().expect("dir").to_path_buf();
    let adopted = team
        .as_("bea")
        .args(["norms", "adopt", NORM, "--norms"])
        .arg(&dir)
        .output()
        .expect("run");
    assert!(adopted.status.success(), "{}", stderr(&adopted));
    let with = fs::read_to_string(Team::example(NORM)).expect("example");
    // With children the plan is required.
    let missing = sign(&team, &dir, &with);
    assert_eq!(missing.status.code(), Some(2), "{}", stdout(&missing));
    assert!(
        stderr(&missing).contains("gezinsplan"),
        "{}",
        stderr(&missing)
    );
    let out = sign(
        &team,
        &dir,
        &with.replace("[evidence]\n", "[evidence]\ngezinsplan = true\n"),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // Without children it is not asked for, nor listed.
    let without = with.replace(
        "minderjarige-kinderen = true",
        "minderjarige-kinderen = false",
    );
    let out = sign(&team, &dir, &without);
    assert!(out.status.success(), "{}", stderr(&out));
    let record = fs::read_to_string(team.record_file(stdout(&out).trim())).expect("record");
    assert!(!record.contains("gezinsplan"), "{record}");
    let (code, report) = team.verify();
    assert_eq!(code, Some(0), "{report}");
}
