//! Rules across answers (`[[constraint]]`): `new` refuses answers that
//! break one and writes nothing; a record an insider changes to break one
//! and signs again with a valid key is found by verify.

use std::fs;

use super::support::{Team, edit, resign, stderr, stdout};

const NORM: &str = "mw-doorbraakbudget";

fn sign(team: &Team, change: &dyn Fn(String) -> String) -> std::process::Output {
    new_as(team, "anna", NORM, change)
}

/// `who` signs the example answers for `norm`, changed by `change`.
fn new_as(
    team: &Team,
    who: &str,
    norm: &str,
    change: &dyn Fn(String) -> String,
) -> std::process::Output {
    let example = fs::read_to_string(Team::example(norm)).expect("example");
    let answers = team.sandbox.write("answers.toml", change(example));
    team.as_(who)
        .args(["new", "--norm", norm, "--answers"])
        .arg(&answers)
        .output()
        .expect("run")
}

#[test]
fn new_refuses_answers_that_break_a_rule_and_writes_nothing() {
    let team = Team::new();
    let before = team.files();
    // € 640 to the resident: above € 500 it is paid to the creditor.
    let to_resident = sign(&team, &|t| {
        t.replace("betaald-aan = \"instantie\"", "betaald-aan = \"inwoner\"")
    });
    assert_eq!(
        to_resident.status.code(),
        Some(2),
        "{}",
        stderr(&to_resident)
    );
    let err = stderr(&to_resident);
    assert!(err.contains("boven-500-rechtstreeks"), "{err}");
    assert!(
        err.contains("Boven € 500 wordt rechtstreeks betaald"),
        "{err}"
    );
    // What does not hold is named.
    let err = err.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        err.contains("(not met: betaald-aan: schuldeiser or verhuurder or instantie)"),
        "{err}"
    );
    // No threat answered yes: none of the alternatives holds.
    let no_threat = sign(&team, &|t| {
        t.replace("dreigt-werkverlies = true", "dreigt-werkverlies = false")
    });
    assert_eq!(no_threat.status.code(), Some(2));
    let err = stderr(&no_threat)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        err.contains(
            "(none of: dreigt-ontruiming: yes; dreigt-afsluiting: yes; dreigt-werkverlies: yes)"
        ),
        "{err}"
    );
    assert_eq!(team.files(), before, "nothing written");
    // € 450 to the resident is allowed; so is an answer left open.
    let small = sign(&team, &|t| {
        t.replace("betaald-aan = \"instantie\"", "betaald-aan = \"inwoner\"")
            .replace("bedrag = 640", "bedrag = 450")
    });
    assert!(small.status.success(), "{}", stderr(&small));
    let (code, report) = team.verify();
    assert_eq!(code, Some(0), "{report:#}");
}

#[test]
fn verify_finds_a_record_changed_to_break_a_rule_and_signed_again() {
    let team = Team::new();
    let signed = sign(&team, &|t| t);
    assert!(signed.status.success(), "{}", stderr(&signed));
    let id = stdout(&signed).trim().to_owned();
    let file = team.record_file(&id);
    // Anna pays the € 640 to the resident after all, and signs again with
    // her valid key.
    edit(&file, "answer = \"instantie\"", "answer = \"inwoner\"");
    resign(&team, &file, "anna", "maatwerk-record");
    let (code, json) = team.verify();
    assert_eq!(code, Some(1), "{json:#}");
    let findings = json["findings"].as_array().expect("findings");
    assert!(
        findings.iter().any(|f| f["message"]
            .as_str()
            .is_some_and(|m| m.contains("boven-500-rechtstreeks"))),
        "{json:#}"
    );
}

/// Dates tied to the decision and the period: costs made at most three
/// months before the decision, a period within one calendar year, and a
/// youth care decision that ends before the 23rd birthday.
#[test]
fn dates_are_held_to_the_decision_date_and_the_period() {
    let team = Team::new();
    let new = |norm: &str, change: &dyn Fn(String) -> String| new_as(&team, "tom", norm, change);
    let costs = "pw-bijzondere-bijstand-boven-grens";
    let old = new(costs, &|t| {
        t.replace(
            "kosten-gemaakt-op = 2026-11-10",
            "kosten-gemaakt-op = 2026-08-22",
        )
    });
    assert_eq!(old.status.code(), Some(2));
    assert!(
        stderr(&old).contains("from 23 August 2026 to 23 November 2026 inclusive"),
        "{}",
        stderr(&old)
    );
    let across = new(costs, &|t| {
        t.replace("length = \"P1M\"", "length = \"P2M\"")
    });
    assert_eq!(across.status.code(), Some(2));
    assert!(
        stderr(&across).contains("31 December"),
        "{}",
        stderr(&across)
    );
    let youth = "jw-jeugdhulp-na-18";
    let past = new(youth, &|t| {
        t.replace("wordt-23-op = 2031-03-14", "wordt-23-op = 2027-03-01")
    });
    assert_eq!(past.status.code(), Some(2));
    assert!(
        stderr(&past).contains("28 February 2027 at the latest"),
        "{}",
        stderr(&past)
    );
    let ok = new(youth, &|t| t);
    assert!(ok.status.success(), "{}", stderr(&ok));
    // Tom moves the 23rd birthday into the period after signing, and
    // signs again with his valid key: verify finds it.
    let id = stdout(&ok).trim().to_owned();
    let file = team.record_file(&id);
    edit(&file, "answer = \"2031-03-14\"", "answer = \"2027-03-01\"");
    resign(&team, &file, "tom", "maatwerk-record");
    let (code, json) = team.verify();
    assert_eq!(code, Some(1), "{json:#}");
    assert!(json.to_string().contains("period-past-date"), "{json:#}");
}

/// What is granted and how: the record states the form and the amount the
/// norm works out, show says it, and an amount or form changed afterwards
/// and signed again is found by verify.
#[test]
fn the_award_is_worked_out_stated_and_proven() {
    let team = Team::new();
    let norm = "pw-bijzondere-bijstand-boven-grens";
    let new = |change: &dyn Fn(String) -> String| new_as(&team, "tom", norm, change);
    let gift = new(&|t| t);
    assert!(gift.status.success(), "{}", stderr(&gift));
    let id = stdout(&gift).trim().to_owned();
    let file = team.record_file(&id);
    let text = fs::read_to_string(&file).expect("record");
    assert!(
        text.contains("[award]\nform = \"gift\"\namount = \"3300.00\"\nunit = \"EUR\"\n"),
        "{text}"
    );
    let shown = stdout(
        &team
            .as_("tom")
            .args(["--lang", "nl", "show", &id])
            .output()
            .expect("run"),
    );
    assert!(shown.contains("Vorm: om niet (gift)"), "{shown}");
    assert!(shown.contains("Berekend: € 3.300"), "{shown}");
    // Furniture is lent, not given.
    let loan = new(&|t| {
        t.replace(
            "kostensoort = \"woonkosten\"",
            "kostensoort = \"inrichting\"",
        )
        .replace("BB-2026-004512", "BB-2026-004513")
    });
    assert!(loan.status.success(), "{}", stderr(&loan));
    let loan_id = stdout(&loan).trim().to_owned();
    let text = fs::read_to_string(team.record_file(&loan_id)).expect("record");
    assert!(text.contains("form = \"loan\""), "{text}");
    let (code, json) = team.verify();
    assert_eq!(code, Some(0), "{json:#}");
    // Tom turns the loan into a gift and signs again.
    let loan_file = team.record_file(&loan_id);
    edit(&loan_file, "form = \"loan\"", "form = \"gift\"");
    resign(&team, &loan_file, "tom", "maatwerk-record");
    let (code, json) = team.verify();
    assert_eq!(code, Some(1), "{json:#}");
    assert!(json.to_string().contains("award"), "{json:#}");
}

/// A record on a norm of format 2 cannot pass as an older record format
/// that states neither totals nor the award.
#[test]
fn a_record_on_a_format_2_norm_cannot_claim_an_older_record_format() {
    let team = Team::new();
    let signed = sign(&team, &|t| t);
    assert!(signed.status.success(), "{}", stderr(&signed));
    let id = stdout(&signed).trim().to_owned();
    let file = team.record_file(&id);
    let text = fs::read_to_string(&file).expect("record");
    // Drop everything from the first total on, and say format 3.
    let cut = text.find("\n[[total]]").expect("totals");
    fs::write(
        &file,
        text[..=cut].replace("maatwerk-record/4", "maatwerk-record/3"),
    )
    .expect("write");
    resign(&team, &file, "anna", "maatwerk-record");
    let (code, json) = team.verify();
    assert_eq!(code, Some(1), "{json:#}");
    let findings = json["findings"].as_array().expect("findings");
    assert!(
        findings.iter().any(|f| f["code"] == "contradicts"
            && f["message"]
                .as_str()
                .is_some_and(|m| m.contains("`format`"))),
        "{json:#}"
    );
}
