//! Team leads review: a consulent draws up a decision beyond their mandaat,
//! a teamleider approves, returns or rejects it; the author revises a
//! returned one; a decision is withdrawn. Four eyes and the norm's tiers
//! hold when written and, against forged files, in verify.

use std::fs;

use super::support::{Team, edit, resign, ssh_keygen, stderr, stdout};

const NORM: &str = "pw-zoektermijn-jongeren";

/// Anna's decision for a 900 euro advance, beyond her 500: for review by a
/// teamleider. Returns the team and the record's id.
fn over_mandate() -> (Team, String) {
    let team = Team::new();
    let answers = team.sandbox.write(
        "over.toml",
        fs::read_to_string(Team::example(NORM))
            .expect("example")
            .replace("voorschot = 450", "voorschot = 900"),
    );
    let id = team.record("anna", NORM, &answers);
    (team, id)
}

fn json(output: &std::process::Output) -> serde_json::Value {
    serde_json::from_str(&stdout(output))
        .unwrap_or_else(|_| panic!("{}{}", stdout(output), stderr(output)))
}

fn review(team: &Team, who: &str, id: &str, args: &[&str]) -> std::process::Output {
    team.as_(who)
        .args(["review", id])
        .args(args)
        .output()
        .expect("run")
}

fn status(team: &Team, id: &str) -> String {
    let show = team
        .as_("bea")
        .args(["show", id, "--json"])
        .output()
        .expect("run");
    json(&show)["status"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn a_teamleider_approves_what_a_consulent_drew_up_for_review() {
    let (team, id) = over_mandate();
    let inbox = json(
        &team
            .as_("tom")
            .args(["reviews", "--json"])
            .output()
            .expect("run"),
    );
    assert_eq!(inbox[0]["id"], id.as_str(), "{inbox:#}");
    assert_eq!(inbox[0]["waiting_for"], "teamleider");
    let why = inbox[0]["why"][0].as_str().unwrap_or_default();
    assert!(why.contains("voorschot") && why.contains("900"), "{why}");
    // Nothing waits for the author herself.
    let own = json(
        &team
            .as_("anna")
            .args(["reviews", "--json"])
            .output()
            .expect("run"),
    );
    assert_eq!(own, serde_json::json!([]));
    assert_eq!(status(&team, &id), "for-review");

    let approved = review(&team, "tom", &id, &["--approve"]);
    assert!(approved.status.success(), "{}", stderr(&approved));
    let review_id = stdout(&approved).trim().to_owned();
    assert!(review_id.starts_with("RV-"), "{review_id}");
    assert_eq!(status(&team, &id), "approved");
    let listed = json(
        &team
            .as_("bea")
            .args(["list", "--status", "approved", "--json"])
            .output()
            .expect("run"),
    );
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed:#}");
    let shown = team.as_("bea").args(["show", &id]).output().expect("run");
    assert!(
        stdout(&shown).contains("approved by Tom Teamleider (teamleider)"),
        "{}",
        stdout(&shown)
    );
    let (code, report) = team.verify();
    assert_eq!(code, Some(0), "{report:#}");
    assert_eq!(report["reviews"], 1);

    // Stock OpenSSH accepts the review's signature in its own namespace.
    let signers = team.sandbox.write(
        "allowed_signers",
        team.as_("bea")
            .args(["keyring", "allowed-signers"])
            .output()
            .expect("run")
            .stdout,
    );
    let file = team
        .store()
        .join("reviews/tom@gemeente.example")
        .join(format!("000001-{review_id}.toml"));
    let check = ssh_keygen()
        .args([
            "-Y",
            "verify",
            "-n",
            "maatwerk-review",
            "-I",
            "tom@gemeente.example",
            "-f",
        ])
        .arg(&signers)
        .arg("-s")
        .arg(format!("{}.sig", file.display()))
        .stdin(fs::File::open(&file).expect("review"))
        .output()
        .expect("ssh-keygen");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn own_reviews_too_low_roles_and_silent_returns_are_refused_and_nothing_is_written() {
    let (team, id) = over_mandate();
    team.add("eve", "Eve Consulent", "consulent");
    let before = team.files();
    for (who, args, says) in [
        ("anna", vec!["--approve"], "author"),
        ("eve", vec!["--approve"], "teamleider or higher"),
        ("tom", vec!["--return"], "remark"),
        ("tom", vec!["--reject", "--comment", "  "], "remark"),
    ] {
        let out = review(&team, who, &id, &args);
        assert_eq!(out.status.code(), Some(2), "{who} {args:?}");
        assert!(
            stderr(&out).contains(says),
            "{who} {args:?}: {}",
            stderr(&out)
        );
    }
    // A clock before the record was signed signs nothing.
    let over = team.sandbox.write(
        "later.toml",
        fs::read_to_string(Team::example(NORM))
            .expect("example")
            .replace("voorschot = 450", "voorschot = 800"),
    );
    let later = team
        .as_("anna")
        .env("MAATWERK_NOW", "2026-11-23T12:00:00Z")
        .args(["new", "--norm", NORM, "--answers"])
        .arg(&over)
        .output()
        .expect("run");
    let later = stdout(&later).trim().to_owned();
    let early = team
        .as_("tom")
        .env("MAATWERK_NOW", "2026-11-23T10:00:00Z")
        .args(["review", &later, "--approve"])
        .output()
        .expect("run");
    assert_eq!(early.status.code(), Some(2));
    assert!(stderr(&early).contains("clock"), "{}", stderr(&early));
    let within = team.record("anna", NORM, &Team::example(NORM));
    let out = review(&team, "tom", &within, &["--approve"]);
    assert!(
        stderr(&out).contains("nothing to review"),
        "{}",
        stderr(&out)
    );
    let out = team
        .as_("bea")
        .args(["list", "--status", "ter-beoordeling"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("for-review"), "{}", stderr(&out));
    let mut after = team.files();
    after.retain(|f| !f.contains(&within) && !f.contains(&later) && !f.starts_with(".locks"));
    let mut before = before;
    before.retain(|f| !f.starts_with(".locks"));
    assert_eq!(before, after);
}

#[test]
fn forged_reviews_are_found_by_verify_and_do_not_change_the_status() {
    let (team, id) = over_mandate();
    team.add("eve", "Eve Consulent", "consulent");
    let out = review(&team, "tom", &id, &["--approve"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let tom_dir = team.store().join("reviews/tom@gemeente.example");
    let original = fs::read_dir(&tom_dir)
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "toml"))
        .expect("review");
    let text = fs::read_to_string(&original).expect("read");
    let tom_key = |t: &str| {
        t.lines()
            .find(|l| l.starts_with("key = "))
            .map(str::to_owned)
    };
    let key_of = |who: &str| {
        let out = ssh_keygen()
            .args(["-l", "-f"])
            .arg(format!("{}.pub", team.key(who).display()))
            .output()
            .expect("ssh-keygen");
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .nth(1)
            .unwrap_or_default()
            .to_owned()
    };
    // Tom's review is taken out; in its place, one by the author herself
    // and one by a consulent, each signed with their own valid key.
    fs::remove_file(&original).expect("rm");
    fs::remove_file(format!("{}.sig", original.display())).expect("rm sig");
    for (who, name, expected) in [
        ("anna", "Anna Consulent", "review-by-author"),
        ("eve", "Eve Consulent", "reviewer-role-too-low"),
    ] {
        let dir = team.store().join(format!("reviews/{who}@gemeente.example"));
        fs::create_dir_all(&dir).expect("mkdir");
        let file = dir.join(original.file_name().expect("name"));
        let forged = text
            .replace("tom@gemeente.example", &format!("{who}@gemeente.example"))
            .replace("Tom Teamleider", name)
            .replace("role = \"teamleider\"", "role = \"consulent\"")
            .replace(
                tom_key(&text).as_deref().unwrap_or_default(),
                &format!("key = \"{}\"", key_of(who)),
            );
        fs::write(&file, forged).expect("write");
        fs::write(format!("{}.sig", file.display()), "").expect("sig");
        resign(&team, &file, who, "maatwerk-review");
        let (exit, report) = team.verify();
        assert_eq!(exit, Some(1), "{report:#}");
        let found: Vec<&str> = report["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f["code"].as_str())
            .collect();
        assert!(found.contains(&expected), "{who}: {report:#}");
        assert_eq!(status(&team, &id), "for-review", "{who}");
        fs::remove_dir_all(&dir).expect("rm");
    }
    // A valid review whose record changed under it counts for nothing.
    let again = review(&team, "tom", &id, &["--approve"]);
    assert!(again.status.success(), "{}", stderr(&again));
    let review_file = fs::read_dir(&tom_dir)
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "toml"))
        .expect("review");
    let sha = fs::read_to_string(&review_file)
        .expect("read")
        .lines()
        .find(|l| l.starts_with("sha256 = "))
        .map(str::to_owned)
        .expect("sha line");
    edit(
        &review_file,
        &sha,
        "sha256 = \"sha256:0000000000000000000000000000000000000000000000000000000000000000\"",
    );
    resign(&team, &review_file, "tom", "maatwerk-review");
    let (_, report) = team.verify();
    assert!(
        report.to_string().contains("act-record-changed"),
        "{report:#}"
    );
    assert_eq!(status(&team, &id), "for-review");
}

#[test]
fn a_returned_record_is_revised_once_and_a_decision_is_withdrawn_by_whoever_may() {
    let (team, id) = over_mandate();
    team.add("eve", "Eve Consulent", "consulent");
    let out = review(
        &team,
        "tom",
        &id,
        &[
            "--return",
            "--comment",
            "Onderbouw de hoogte van het voorschot.",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(status(&team, &id), "returned");
    // Only the author revises.
    let by_eve = team
        .as_("eve")
        .args(["new", "--revises", &id, "--answers"])
        .arg(Team::example(NORM))
        .output()
        .expect("run");
    assert_eq!(by_eve.status.code(), Some(2));
    assert!(
        stderr(&by_eve).contains("only the author"),
        "{}",
        stderr(&by_eve)
    );
    let revision = team
        .as_("anna")
        .env("MAATWERK_NOW", "2026-11-25T09:00:00Z")
        .args(["new", "--revises", &id, "--answers"])
        .arg(Team::example(NORM))
        .output()
        .expect("run");
    assert!(revision.status.success(), "{}", stderr(&revision));
    // A listing that leaves the revision out still knows it.
    let before = json(
        &team
            .as_("bea")
            .args(["list", "--to", "2026-11-24", "--json"])
            .output()
            .expect("run"),
    );
    assert_eq!(before[0]["status"], "superseded", "{before:#}");
    let new_id = stdout(&revision).trim().to_owned();
    assert_eq!(status(&team, &id), "superseded");
    assert_eq!(status(&team, &new_id), "decided");
    let twice = team
        .as_("anna")
        .args(["new", "--revises", &id, "--answers"])
        .arg(Team::example(NORM))
        .output()
        .expect("run");
    assert_eq!(twice.status.code(), Some(2));
    assert!(stderr(&twice).contains("superseded"), "{}", stderr(&twice));

    let by_eve = team
        .as_("eve")
        .env("MAATWERK_NOW", "2026-11-25T10:00:00Z")
        .args([
            "withdraw",
            &new_id,
            "--reason",
            "De inwoner trok de aanvraag in.",
        ])
        .output()
        .expect("run");
    assert_eq!(by_eve.status.code(), Some(2), "{}", stderr(&by_eve));
    let by_anna = team
        .as_("anna")
        .env("MAATWERK_NOW", "2026-11-25T10:00:00Z")
        .args([
            "withdraw",
            &new_id,
            "--reason",
            "De inwoner trok de aanvraag in.",
        ])
        .output()
        .expect("run");
    assert!(by_anna.status.success(), "{}", stderr(&by_anna));
    assert_eq!(status(&team, &new_id), "withdrawn");
    let (code, report) = team.verify();
    assert_eq!(code, Some(0), "{report:#}");
    assert_eq!(report["withdrawals"], 1);
    let shown = team
        .as_("bea")
        .args(["--lang", "nl", "show", &id])
        .output()
        .expect("run");
    let text = stdout(&shown);
    assert!(text.contains("teruggestuurd door Tom Teamleider"), "{text}");
    assert!(
        text.contains(&format!("vervangen door herziening {new_id}")),
        "{text}"
    );
}

#[test]
fn a_sample_is_drawn_reproducibly_signed_and_redone_by_verify() {
    let team = Team::new();
    for _ in 0..6 {
        team.record("anna", NORM, &Team::example(NORM));
    }
    let draw = |seed: &str| {
        let out = team
            .as_("tom")
            .args(["review", "--sample", "50%", "--seed", seed])
            .output()
            .expect("run");
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out).lines().map(str::to_owned).collect::<Vec<_>>()
    };
    let first = draw("kwartaal-4");
    assert_eq!(first.len(), 3, "{first:?}");
    assert_eq!(draw("kwartaal-4"), first, "the same seed draws the same");
    let (code, report) = team.verify();
    assert_eq!(code, Some(0), "{report:#}");
    assert_eq!(report["samples"], 2);
    // A draw in which someone chose the records does not pass.
    let dir = team.store().join("samples/tom@gemeente.example");
    let file = fs::read_dir(&dir)
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "toml"))
        .expect("sample");
    let all: Vec<String> = json(
        &team
            .as_("bea")
            .args(["list", "--json"])
            .output()
            .expect("run"),
    )
    .as_array()
    .expect("array")
    .iter()
    .filter_map(|r| r["id"].as_str().map(str::to_owned))
    .collect();
    let other = all
        .iter()
        .find(|id| !first.contains(id))
        .expect("one not drawn");
    edit(&file, &first[0], other);
    resign(&team, &file, "tom", "maatwerk-sample");
    let (code, report) = team.verify();
    assert_eq!(code, Some(1), "{report:#}");
    assert!(
        report.to_string().contains("sample-not-redone"),
        "{report:#}"
    );
    // A consulent does not draw; a draw asking nothing does not count.
    let by_anna = team
        .as_("anna")
        .args(["review", "--sample", "10%", "--seed", "s"])
        .output()
        .expect("run");
    assert_eq!(by_anna.status.code(), Some(2), "{}", stderr(&by_anna));
    edit(&file, &other.clone(), &first[0]);
    edit(&file, "percent = 50", "percent = 0");
    resign(&team, &file, "tom", "maatwerk-sample");
    let (_, report) = team.verify();
    assert!(report.to_string().contains("sample-percent"), "{report:#}");
    for bad in [["--sample", "0%"], ["--sample", "tien"]] {
        let out = team
            .as_("tom")
            .args(["review"])
            .args(bad)
            .args(["--seed", "s"])
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(stderr(&out).contains("percentage"), "{}", stderr(&out));
    }
}

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
