//! Team leads review: a consulent draws up a decision beyond their mandaat,
//! a teamleider approves, returns or rejects it; the author revises a
//! returned one; a decision is withdrawn. Four eyes and the norm's tiers
//! hold when written and, against forged files, in verify.

use std::fs;

use super::support::{Team, edit, resign, ssh_keygen, stderr, stdout};

pub(super) const NORM: &str = "pw-zoektermijn-jongeren";

/// Anna's decision for a 900 euro advance, beyond her 500: for review by a
/// teamleider. Returns the team and the record's id.
pub(super) fn over_mandate() -> (Team, String) {
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

pub(super) fn json(output: &std::process::Output) -> serde_json::Value {
    serde_json::from_str(&stdout(output))
        .unwrap_or_else(|_| panic!("{}{}", stdout(output), stderr(output)))
}

pub(super) fn review(team: &Team, who: &str, id: &str, args: &[&str]) -> std::process::Output {
    team.as_(who)
        .args(["review", id])
        .args(args)
        .output()
        .expect("run")
}

pub(super) fn status(team: &Team, id: &str) -> String {
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

/// A review about an id no record can have, signed by a valid reviewer,
/// is about a record that is not there.
#[test]
fn a_review_about_no_possible_record_is_about_a_missing_one() {
    let (team, id) = over_mandate();
    let out = review(&team, "tom", &id, &["--approve"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let review_file = fs::read_dir(team.store().join("reviews/tom@gemeente.example"))
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "toml"))
        .expect("review");
    edit(&review_file, &format!("id = \"{id}\""), "id = \"MW-1\"");
    resign(&team, &review_file, "tom", "maatwerk-review");
    let (exit, report) = team.verify();
    assert_eq!(exit, Some(1), "{report:#}");
    let named = report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|f| {
            f["code"] == "act-record-missing"
                && f["file"]
                    .as_str()
                    .is_some_and(|file| review_file.ends_with(file))
        });
    assert!(named, "{report:#}");
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
