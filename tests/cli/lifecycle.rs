//! The life of a decision after it is signed: what falls due, extensions
//! within the norm's limits, revisions and withdrawals (also forged ones),
//! a newer version of its norm, a decision that ran its course, and a
//! decision nobody in the store can review yet.

use std::fs;

use super::reviews::{NORM, json, over_mandate, review, status};
use super::support::{Team, edit, resign, stderr, stdout};

#[test]
fn due_lists_reassessments_and_periods_ending_and_list_filters_by_case() {
    let team = Team::new();
    let id = team.record("anna", NORM, &Team::example(NORM));
    // The example runs a month from 23 November; the norm re-assesses
    // after six weeks.
    let due = |within: &str, now: &str| {
        json(
            &team
                .as_("bea")
                .env("MAATWERK_NOW", now)
                .args(["due", "--within", within, "--json"])
                .output()
                .expect("run"),
        )
    };
    let soon = due("P30D", "2026-11-25T09:00:00Z");
    assert_eq!(soon[0]["id"], id.as_str(), "{soon:#}");
    assert_eq!(soon[0]["kind"], "period-ends");
    assert_eq!(soon[0]["on"], "2026-12-22");
    let later = due("P40D", "2026-12-01T09:00:00Z");
    assert_eq!(later[1]["kind"], "reassess", "{later:#}");
    assert_eq!(later[1]["on"], "2027-01-04");
    assert_eq!(later[1]["overdue"], false);
    // Once its period has ended, a decision is expired: nothing is due.
    assert_eq!(due("P40D", "2027-01-10T09:00:00Z"), serde_json::json!([]));
    let out = team
        .as_("bea")
        .args(["due", "--within", "dertig dagen"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("P30D"), "{}", stderr(&out));
    let by_case = |case: &str| {
        json(
            &team
                .as_("bea")
                .args(["list", "--case", case, "--json"])
                .output()
                .expect("run"),
        )
        .as_array()
        .map_or(0, Vec::len)
    };
    assert_eq!(by_case("z-2026-001234"), 1);
    assert_eq!(by_case("Z-2026-999999"), 0);
}

/// An extension follows on, within the norm's limits; a forged one that
/// does not is found by verify.
#[test]
fn a_decision_is_extended_within_the_norms_limits() {
    let team = Team::new();
    let norm = "jw-jeugdhulp-na-18";
    let first = team.record("tom", norm, &Team::example(norm));
    let answers = |start: &str, length: &str, name: &str| {
        team.sandbox.write(
            name,
            fs::read_to_string(Team::example(norm))
                .expect("example")
                .replace("start = 2026-12-01", &format!("start = {start}"))
                .replace("length = \"P6M\"", &format!("length = \"{length}\"")),
        )
    };
    let extend = |id: &str, file: &std::path::Path| {
        team.as_("tom")
            .args(["new", "--extends", id, "--answers"])
            .arg(file)
            .output()
            .expect("run")
    };
    // Not the day after: refused, with the day it must start.
    let gap = extend(&first, &answers("2026-06-02", "P6M", "gap.toml"));
    assert_eq!(gap.status.code(), Some(2));
    assert!(stderr(&gap).contains("2027-06-01"), "{}", stderr(&gap));
    let ok = extend(&first, &answers("2027-06-01", "P6M", "next.toml"));
    assert!(ok.status.success(), "{}", stderr(&ok));
    let second = stdout(&ok).trim().to_owned();
    let shown = json(
        &team
            .as_("bea")
            .args(["show", &second, "--json"])
            .output()
            .expect("run"),
    );
    assert_eq!(shown["extends"], first.as_str());
    let (code, report) = team.verify();
    assert_eq!(code, Some(0), "{report:#}");

    // Forged: the extension made to start a month late, re-signed by its
    // author.
    let file = team.record_file(&second);
    edit(&file, "start = \"2027-06-01\"", "start = \"2027-07-01\"");
    resign(&team, &file, "tom", "maatwerk-record");
    let (code, report) = team.verify();
    assert_eq!(code, Some(1), "{report:#}");
    assert!(
        report.to_string().contains("extension-not-contiguous"),
        "{report:#}"
    );
}

/// A revision whose signature does not hold supersedes nothing, in any
/// view; a peer of the author may not withdraw what waits for review.
#[test]
fn a_forged_revision_counts_nowhere_and_a_peer_may_not_withdraw() {
    let (team, id) = over_mandate();
    let out = review(
        &team,
        "tom",
        &id,
        &["--return", "--comment", "Onderbouw het voorschot."],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let revision = team
        .as_("anna")
        .env("MAATWERK_NOW", "2026-11-25T09:00:00Z")
        .args(["new", "--revises", &id, "--answers"])
        .arg(Team::example(NORM))
        .output()
        .expect("run");
    let new_id = stdout(&revision).trim().to_owned();
    // Someone else signs the revision in Anna's place.
    let file = team.record_file(&new_id);
    resign(&team, &file, "eve", "maatwerk-record");
    assert_eq!(status(&team, &id), "returned");
    let listed = json(
        &team
            .as_("bea")
            .args(["list", "--json"])
            .output()
            .expect("run"),
    );
    assert_eq!(listed[0]["status"], "returned", "{listed:#}");

    // Four eyes on every decision: a teamleider's record waits for a
    // teamleider; another teamleider who did not review it may not
    // withdraw it.
    team.add("eve", "Eve Teamleider", "teamleider");
    let norm = "shv-toelating-na-fraude";
    let own = team.record("tom", norm, &Team::example(norm));
    let out = team
        .as_("eve")
        .args([
            "withdraw",
            &own,
            "--reason",
            "Niet meer nodig volgens de collega.",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

/// A newer adopted version of its norm marks a decision; it stays valid.
#[test]
fn a_newer_adopted_version_of_the_norm_marks_the_decision() {
    let team = Team::new();
    let id = team.record("anna", NORM, &Team::example(NORM));
    let file = team.sandbox.copy_norm(NORM, "next");
    edit(&file, "version = 3", "version = 4");
    let adopted = team
        .as_("bea")
        .args(["norms", "adopt", NORM, "--norms"])
        .arg(file.parent().expect("dir"))
        .output()
        .expect("run");
    assert!(adopted.status.success(), "{}", stderr(&adopted));
    let listed = json(
        &team
            .as_("bea")
            .args(["list", "--json"])
            .output()
            .expect("run"),
    );
    assert_eq!(listed[0]["id"], id.as_str());
    assert_eq!(listed[0]["status"], "decided");
    assert_eq!(listed[0]["norm_revised"], true, "{listed:#}");
    let shown = json(
        &team
            .as_("bea")
            .args(["show", &id, "--json"])
            .output()
            .expect("run"),
    );
    assert_eq!(shown["norm_revised"], true);
    let table = team
        .as_("bea")
        .args(["--lang", "nl", "list"])
        .output()
        .expect("run");
    assert!(
        stdout(&table).contains("vastgesteld (norm herzien)"),
        "{}",
        stdout(&table)
    );
    let (code, report) = team.verify();
    assert_eq!(code, Some(0), "{report:#}");
}

/// A decision whose period has ended has had its effect: it is not
/// withdrawn afterwards (which would also free its share of a total), and
/// a withdrawal dated after the end, signed by hand, counts nowhere.
#[test]
fn a_decision_that_ran_its_course_is_not_withdrawn() {
    let team = Team::new();
    let signed = team
        .as_("anna")
        .env("MAATWERK_NOW", "2026-11-23T09:00:00Z")
        .args(["new", "--norm", "mw-doorbraakbudget", "--answers"])
        .arg(Team::example("mw-doorbraakbudget"))
        .output()
        .expect("run");
    assert!(signed.status.success(), "{}", stderr(&signed));
    let id = stdout(&signed).trim().to_owned();
    let withdraw = |at: &str| {
        team.as_("anna")
            .env("MAATWERK_NOW", at)
            .args(["withdraw", &id, "--reason", "De betaling bleek niet nodig."])
            .output()
            .expect("run")
    };
    let before = team.files();
    // The period of fourteen days ended on 6 December.
    let late = withdraw("2026-12-20T09:00:00Z");
    assert_eq!(late.status.code(), Some(2), "{}", stderr(&late));
    assert!(stderr(&late).contains("expired"), "{}", stderr(&late));
    assert_eq!(team.files(), before, "nothing written");

    // Signed while it ran, then dated after its end and signed again.
    let early = withdraw("2026-11-30T09:00:00Z");
    assert!(early.status.success(), "{}", stderr(&early));
    let file = team
        .files()
        .into_iter()
        .find(|f| {
            f.starts_with("withdrawals/")
                && std::path::Path::new(f)
                    .extension()
                    .is_some_and(|e| e == "toml")
        })
        .expect("a withdrawal");
    let file = team.store().join(file);
    edit(&file, "2026-11-30T09:00:00Z", "2026-12-20T09:00:00Z");
    resign(&team, &file, "anna", "maatwerk-withdrawal");
    let (code, report) = team.verify();
    assert_eq!(code, Some(1), "{report:#}");
    assert!(
        report["findings"].to_string().contains("expired"),
        "{report:#}"
    );
}

/// A decision for review in a store where nobody can review it yet says
/// so, and how to add someone; with a teamleider in the store it does not.
#[test]
fn a_decision_nobody_can_review_yet_says_so() {
    let team = Team::new();
    let answers = team.sandbox.write(
        "over.toml",
        fs::read_to_string(Team::example(NORM))
            .expect("example")
            .replace("voorschot = 450", "voorschot = 900"),
    );
    let sign = |at: &str| {
        team.as_("anna")
            .env("MAATWERK_NOW", at)
            .args(["new", "--norm", NORM, "--answers"])
            .arg(&answers)
            .output()
            .expect("run")
    };
    let with_tom = sign("2026-11-23T09:00:00Z");
    assert!(with_tom.status.success(), "{}", stderr(&with_tom));
    assert!(
        !stderr(&with_tom).contains("Nobody"),
        "{}",
        stderr(&with_tom)
    );
    let revoked = team
        .as_("bea")
        .env("MAATWERK_NOW", "2026-11-23T10:00:00Z")
        .args([
            "keyring",
            "revoke",
            "tom@gemeente.example",
            "--reason",
            "uit dienst",
        ])
        .output()
        .expect("run");
    assert!(revoked.status.success(), "{}", stderr(&revoked));
    let alone = sign("2026-11-23T11:00:00Z");
    assert!(alone.status.success(), "{}", stderr(&alone));
    assert!(
        stderr(&alone).contains("Nobody in this store can review as a teamleider or higher yet"),
        "{}",
        stderr(&alone)
    );
}

/// A once-only payment above a consulent's mandaat, returned and revised
/// to a smaller amount: the first stopped holding when it was returned,
/// so the revision takes its place. Nothing passes the once-only total,
/// and verify warns of nothing.
#[test]
fn a_revision_of_a_once_only_payment_passes_no_total() {
    let team = Team::new();
    let norm = "mw-doorbraakbudget";
    let answers = |amount: &str| {
        let text = std::fs::read_to_string(Team::example(norm))
            .expect("example")
            .replace("bedrag = 640", &format!("bedrag = {amount}"));
        team.sandbox
            .write(&format!("doorbraak-{amount}.toml"), text)
    };
    let signed = team
        .as_("anna")
        .env("MAATWERK_NOW", "2026-11-23T09:00:00Z")
        .args(["new", "--norm", norm, "--answers"])
        .arg(answers("1800"))
        .output()
        .expect("run");
    assert!(signed.status.success(), "{}", stderr(&signed));
    let id = stdout(&signed).trim().to_owned();
    let out = review(
        &team,
        "tom",
        &id,
        &["--return", "--comment", "Kan het met minder?"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let revised = team
        .as_("anna")
        .env("MAATWERK_NOW", "2026-11-23T11:00:00Z")
        .args(["new", "--revises", &id, "--answers"])
        .arg(answers("900"))
        .output()
        .expect("run");
    assert!(revised.status.success(), "{}", stderr(&revised));
    let (code, report) = team.verify();
    assert_eq!(code, Some(0), "{report:#}");
    let findings = report["findings"].as_array().expect("findings");
    assert!(
        !findings
            .iter()
            .any(|f| f["code"] == "total-passed-together"),
        "{report:#}"
    );
}
