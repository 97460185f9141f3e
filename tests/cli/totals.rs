//! Totals over several decisions (`[[total]]`): `new` counts the earlier
//! decisions in the store, states each total in the record, sends for
//! review or refuses beyond the maximum; verify counts again and finds a
//! record that states less than the store shows.

use std::fs;

use super::support::{Team, edit, resign, stderr, stdout};

const NORM: &str = "mw-doorbraakbudget";

/// Anna signs the example for `case` at `at`.
fn sign(team: &Team, case: &str, at: &str) -> std::process::Output {
    let example = fs::read_to_string(Team::example(NORM)).expect("example");
    let answers = team
        .sandbox
        .write("answers.toml", example.replace("MR-2026-000093", case));
    team.as_("anna")
        .env("MAATWERK_NOW", at)
        .args(["new", "--norm", NORM, "--answers"])
        .arg(&answers)
        .output()
        .expect("run")
}

#[test]
fn a_second_decision_for_the_same_case_needs_review_and_states_the_totals() {
    let team = Team::new();
    let first = sign(&team, "MR-2026-000093", "2026-11-23T09:00:00Z");
    assert!(first.status.success(), "{}", stderr(&first));
    // The same case, written otherwise, a day later.
    let second = sign(&team, "mr 2026/000093", "2026-11-24T09:00:00Z");
    assert!(second.status.success(), "{}", stderr(&second));
    let id = stdout(&second).trim().to_owned();
    assert!(
        stderr(&second).contains("for review by a teamleider"),
        "{}",
        stderr(&second)
    );
    let text = fs::read_to_string(team.record_file(&id)).expect("record");
    for line in [
        "format = \"maatwerk-record/4\"",
        "review_role = \"teamleider\"",
        "id = \"eenmalig-per-zaak\"",
        "earlier = \"1\"",
        "total = \"2\"",
        "id = \"teambudget-per-kalenderjaar\"",
        "sum = \"bedrag\"",
        "earlier = \"640.00\"",
        "total = \"1280.00\"",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} in\n{text}");
    }
    let show = stdout(
        &team
            .as_("anna")
            .args(["--lang", "nl", "show", &id])
            .output()
            .expect("run"),
    );
    // Read as one line, however it is wrapped.
    let show = show.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        show.contains("eenmalig-per-zaak: eerdere besluiten 1 besluit, met dit besluit 2 besluiten van ten hoogste 1 besluit (van 25 november 2025 t/m 23 november 2027)"),
        "{show}"
    );
    assert!(show.contains("teambudget-per-kalenderjaar: eerdere besluiten € 640, met dit besluit € 1.280 van ten hoogste € 50.000 (in 2026)"), "{show}");
    // Why it needs review: the total, not the mandaat.
    assert!(
        show.contains("totaal eenmalig-per-zaak: met eerdere besluiten 2 besluiten > 1 besluit (de norm vraagt een teamleider)"),
        "{show}"
    );
    let (code, json) = team.verify();
    assert_eq!(code, Some(0), "{json:#}");
    // Another case counts only towards the team's budget.
    let other = sign(&team, "MR-2026-000094", "2026-11-25T09:00:00Z");
    let id = stdout(&other).trim().to_owned();
    let text = fs::read_to_string(team.record_file(&id)).expect("record");
    assert!(text.contains("earlier = \"0\"\ntotal = \"1\""), "{text}");
    assert!(text.contains("earlier = \"1280.00\""), "{text}");
}

#[test]
fn a_record_that_states_less_than_the_store_shows_is_found() {
    let team = Team::new();
    let first = sign(&team, "MR-2026-000093", "2026-11-23T09:00:00Z");
    assert!(first.status.success(), "{}", stderr(&first));
    let second = sign(&team, "MR-2026-000093", "2026-11-24T09:00:00Z");
    let id = stdout(&second).trim().to_owned();
    let file = team.record_file(&id);
    // Anna rewrites her newest record as if the case had nothing before,
    // within her own mandaat, and signs it again with her valid key.
    edit(
        &file,
        "earlier = \"1\"\ntotal = \"2\"",
        "earlier = \"0\"\ntotal = \"1\"",
    );
    edit(
        &file,
        "earlier = \"640.00\"\ntotal = \"1280.00\"",
        "earlier = \"0.00\"\ntotal = \"640.00\"",
    );
    edit(
        &file,
        "outcome = \"needs-review\"\nreview_role = \"teamleider\"",
        "outcome = \"within\"",
    );
    edit(
        &file,
        "opgesteld, ter beoordeling",
        "opgesteld en vastgesteld",
    );
    resign(&team, &file, "anna", "maatwerk-record");
    let (code, json) = team.verify();
    assert_eq!(code, Some(1), "{json:#}");
    let codes: Vec<&str> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert_eq!(
        codes,
        ["total-understated", "total-understated"],
        "{json:#}"
    );
}

#[test]
fn the_teams_budget_is_refused_past_its_maximum() {
    let team = Team::new();
    let example = fs::read_to_string(Team::example(NORM)).expect("example");
    let big = example.replace("bedrag = 640", "bedrag = 5000");
    for i in 0..10 {
        let answers = team.sandbox.write(
            "answers.toml",
            big.replace("MR-2026-000093", &format!("MR-2026-{i:06}")),
        );
        let output = team
            .as_("anna")
            .env("MAATWERK_NOW", format!("2026-11-23T09:{i:02}:00Z"))
            .args(["new", "--norm", NORM, "--answers"])
            .arg(&answers)
            .output()
            .expect("run");
        assert!(output.status.success(), "{i}: {}", stderr(&output));
    }
    let before = team.files();
    let answers = team.sandbox.write(
        "answers.toml",
        example.replace("MR-2026-000093", "MR-2026-999999"),
    );
    let refused = team
        .as_("anna")
        .env("MAATWERK_NOW", "2026-11-23T10:00:00Z")
        .args(["--lang", "nl", "new", "--norm", NORM, "--answers"])
        .arg(&answers)
        .output()
        .expect("run");
    assert_eq!(refused.status.code(), Some(2), "{}", stdout(&refused));
    assert!(
        stderr(&refused).contains("totaal `teambudget-per-kalenderjaar` gaat over het maximum: het team in 2026 samen € 50.640, meer dan € 50.000 (eerdere besluiten: € 50.000)"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(team.files(), before, "nothing written");
}

/// One author signing many decisions in the same second (a script, or a
/// clock held still) counts each earlier one in her chain: the team's
/// budget is not shared out again within a second.
#[test]
fn one_authors_decisions_in_the_same_second_count_towards_each_other() {
    let team = Team::new();
    let example = fs::read_to_string(Team::example(NORM)).expect("example");
    let big = example.replace("bedrag = 640", "bedrag = 5000");
    let sign = |i: usize, text: &str| {
        let answers = team.sandbox.write(
            "answers.toml",
            text.replace("MR-2026-000093", &format!("MR-2026-{i:06}")),
        );
        team.as_("anna")
            .env("MAATWERK_NOW", "2026-11-23T09:00:00Z")
            .args(["new", "--norm", NORM, "--answers"])
            .arg(&answers)
            .output()
            .expect("run")
    };
    for i in 0..10 {
        let output = sign(i, &big);
        assert!(output.status.success(), "{i}: {}", stderr(&output));
    }
    let before = team.files();
    let refused = sign(10, &big);
    assert_eq!(refused.status.code(), Some(2), "{}", stdout(&refused));
    assert!(
        stderr(&refused).contains("teambudget-per-kalenderjaar"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(team.files(), before, "nothing written");
    let (code, json) = team.verify();
    assert_eq!(code, Some(0), "{json:#}");
    // The tenth, rewritten as if the nine before it in the same second
    // were not there, is found.
    let tenth = team
        .files()
        .into_iter()
        .filter(|f| {
            f.starts_with("records/anna")
                && f.contains("/000010-")
                && std::path::Path::new(f)
                    .extension()
                    .is_some_and(|e| e == "toml")
        })
        .collect::<Vec<_>>();
    let [file] = tenth.as_slice() else {
        panic!("one tenth record: {tenth:?}")
    };
    let named = file.clone();
    let file = team.store().join(file);
    edit(
        &file,
        "earlier = \"45000.00\"\ntotal = \"50000.00\"",
        "earlier = \"0.00\"\ntotal = \"5000.00\"",
    );
    resign(&team, &file, "anna", "maatwerk-record");
    let (code, json) = team.verify();
    assert_eq!(code, Some(1), "{json:#}");
    assert_eq!(json["findings"][0]["code"], "total-understated", "{json:#}");
    // Named by the file it is in, though the count holds no file names.
    assert_eq!(json["findings"][0]["file"], named.as_str(), "{json:#}");
}

/// The index only finds candidates: a garbled index file is built again,
/// and an index directory that is a link out of the store is neither read
/// nor written.
#[test]
fn the_index_is_rebuilt_when_garbled_and_never_followed_out_of_the_store() {
    let team = Team::new();
    for at in ["2026-11-23T09:00:00Z", "2026-11-23T10:00:00Z"] {
        let signed = sign(&team, "MR-2026-000093", at);
        assert!(signed.status.success(), "{}", stderr(&signed));
    }
    let index = team
        .store()
        .join(".index/records/anna@gemeente.example.tsv");
    assert!(index.is_file(), "the index of anna's records");
    fs::write(
        &index,
        "maatwerk-index/2\t99999999999999999999\t0\nr\tonzin\n",
    )
    .expect("garble");
    let third = sign(&team, "MR-2026-000093", "2026-11-24T09:00:00Z");
    let id = stdout(&third).trim().to_owned();
    let text = fs::read_to_string(team.record_file(&id)).expect("record");
    assert!(text.contains("earlier = \"2\"\ntotal = \"3\""), "{text}");

    // `.index/records` a link to a directory outside the store.
    let outside = team.sandbox.work().join("elders");
    fs::create_dir_all(&outside).expect("dir");
    fs::remove_dir_all(team.store().join(".index/records")).expect("remove");
    std::os::unix::fs::symlink(&outside, team.store().join(".index/records")).expect("link");
    let fourth = sign(&team, "MR-2026-000093", "2026-11-25T09:00:00Z");
    assert!(fourth.status.success(), "{}", stderr(&fourth));
    let id = stdout(&fourth).trim().to_owned();
    let text = fs::read_to_string(team.record_file(&id)).expect("record");
    assert!(text.contains("earlier = \"3\"\ntotal = \"4\""), "{text}");
    assert_eq!(
        fs::read_dir(&outside).expect("dir").count(),
        0,
        "nothing written through the link"
    );
}

/// A case reference that only looks like another (a Cyrillic М, full-width
/// digits) would be counted apart: `new` refuses it, with the plain form
/// where one can be told, and verify finds a record that holds one. One
/// written with fewer leading zeros is the same case.
#[test]
fn look_alike_case_references_are_refused_and_leading_zeros_do_not_split_a_case() {
    let team = Team::new();
    let before = team.files();
    let cyrillic = sign(&team, "\u{41C}R-2026-000093", "2026-11-23T09:00:00Z");
    assert_eq!(cyrillic.status.code(), Some(2), "{}", stdout(&cyrillic));
    assert!(
        stderr(&cyrillic).contains("case-not-plain"),
        "{}",
        stderr(&cyrillic)
    );
    let wide = sign(
        &team,
        "MR\u{2013}2026\u{2013}\u{FF10}\u{FF10}93",
        "2026-11-23T09:00:00Z",
    );
    assert!(
        stderr(&wide).contains("did you mean `MR-2026-0093`?"),
        "{}",
        stderr(&wide)
    );
    assert_eq!(team.files(), before, "nothing written");

    let first = sign(&team, "MR-2026-000093", "2026-11-23T09:00:00Z");
    assert!(first.status.success(), "{}", stderr(&first));
    let second = sign(&team, "mr-2026-93", "2026-11-24T09:00:00Z");
    let id = stdout(&second).trim().to_owned();
    let file = team.record_file(&id);
    let text = fs::read_to_string(&file).expect("record");
    assert!(text.contains("earlier = \"1\"\ntotal = \"2\""), "{text}");
    let listed = stdout(
        &team
            .as_("anna")
            .args(["list", "--case", "MR-2026-0093", "--json"])
            .output()
            .expect("run"),
    );
    let listed: serde_json::Value = serde_json::from_str(&listed).expect("json");
    assert_eq!(listed.as_array().map(Vec::len), Some(2), "{listed:#}");

    // Anna rewrites her second record onto a look-alike case with nothing
    // before it, and signs it again with her valid key.
    edit(&file, "mr-2026-93", "\u{41C}R-2026-93");
    edit(
        &file,
        "earlier = \"1\"\ntotal = \"2\"",
        "earlier = \"0\"\ntotal = \"1\"",
    );
    resign(&team, &file, "anna", "maatwerk-record");
    let (code, json) = team.verify();
    assert_eq!(code, Some(1), "{json:#}");
    let findings = json["findings"].to_string();
    assert!(findings.contains("case-not-plain"), "{json:#}");
}

/// A decision withdrawn in the very second another author signs: which
/// came first cannot be told, so the other record may count it or not,
/// and an honest store verifies clean in either order.
#[test]
fn a_withdrawal_in_the_second_another_signs_leaves_honest_records_clean() {
    let team = Team::new();
    let example = fs::read_to_string(Team::example(NORM)).expect("example");
    let sign = |who: &str, case: &str, at: &str| {
        let answers = team
            .sandbox
            .write("answers.toml", example.replace("MR-2026-000093", case));
        let output = team
            .as_(who)
            .env("MAATWERK_NOW", at)
            .args(["new", "--norm", NORM, "--answers"])
            .arg(&answers)
            .output()
            .expect("run");
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output).trim().to_owned()
    };
    let withdraw = |id: &str, at: &str| {
        let output = team
            .as_("anna")
            .env("MAATWERK_NOW", at)
            .args([
                "withdraw",
                id,
                "--reason",
                "De inwoner trok de aanvraag in.",
            ])
            .output()
            .expect("run");
        assert!(output.status.success(), "{}", stderr(&output));
    };
    // Tom signs first, counting Anna's decision; she withdraws it in the
    // same second.
    let first = sign("anna", "MR-2026-000001", "2026-11-23T09:00:00Z");
    sign("tom", "MR-2026-000002", "2026-11-23T10:00:00Z");
    withdraw(&first, "2026-11-23T10:00:00Z");
    // Anna withdraws first; Tom signs in the same second, not counting it.
    let second = sign("anna", "MR-2026-000003", "2026-11-23T11:00:00Z");
    withdraw(&second, "2026-11-23T12:00:00Z");
    sign("tom", "MR-2026-000004", "2026-11-23T12:00:00Z");
    let (code, json) = team.verify();
    assert_eq!(code, Some(0), "{json:#}");
    assert_eq!(json["findings"], serde_json::json!([]), "{json:#}");
}

/// Records no signature holds count in no total, and no total, however
/// large what a file says, makes verify stop: an unsigned file in eve's
/// name with a thousand of the largest amounts a record may write is only
/// a bad signature.
#[test]
fn what_verify_rejects_counts_in_no_total_and_nothing_overflows() {
    let team = Team::new();
    let first = sign(&team, "MR-2026-000001", "2026-11-23T09:00:00Z");
    assert!(first.status.success(), "{}", stderr(&first));
    let id = stdout(&first).trim().to_owned();
    let text = fs::read_to_string(team.record_file(&id)).expect("record");
    let junk_id = format!("{}ZZZZZZZZ", &id[..12]);
    // The amount's check, a thousand times over, each as large as a
    // record may write it.
    let at = text.find("[[check]]\nid = \"bedrag\"").expect("amount");
    let end = at + text[at + 2..].find("\n[[").expect("next") + 3;
    let huge = text[at..end].replace("640.00", "99999999999999999999999999.99");
    let junk = format!("{}{}{}", &text[..at], huge.repeat(1000), &text[end..])
        .replace(&id, &junk_id)
        .replace("anna@gemeente.example", "eve@gemeente.example");
    let dir = team.store().join("records/eve@gemeente.example");
    fs::create_dir_all(&dir).expect("dir");
    let file = dir.join(format!("000001-{junk_id}.toml"));
    fs::write(&file, junk).expect("write");
    fs::write(format!("{}.sig", file.display()), "x").expect("sig");
    // Counted, it would make the next decision's totals look understated.
    let second = sign(&team, "MR-2026-000002", "2026-11-24T09:00:00Z");
    assert!(second.status.success(), "{}", stderr(&second));
    let (code, json) = team.verify();
    assert_eq!(code, Some(1), "{json:#}");
    let codes: Vec<&str> = json["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(codes.contains(&"bad-signature"), "{json:#}");
    assert!(
        !codes.iter().any(|c| c.starts_with("total-")),
        "the honest records state what the store shows: {json:#}"
    );
    for command in [&["export"][..], &["report"][..]] {
        let out = team.as_("bea").args(command).output().expect("run");
        assert_ne!(
            out.status.code(),
            Some(101),
            "{command:?}: {}",
            stderr(&out)
        );
    }
}

/// Two records with one id: both are named, the first as much as the
/// copy, so that a copy cannot put the blame on the honest one.
#[test]
fn every_copy_of_an_id_is_named() {
    let team = Team::new();
    let first = sign(&team, "MR-2026-000001", "2026-11-23T09:00:00Z");
    assert!(first.status.success(), "{}", stderr(&first));
    let id = stdout(&first).trim().to_owned();
    let original = team.record_file(&id);
    let dir = team.store().join("records/bea@gemeente.example");
    fs::create_dir_all(&dir).expect("dir");
    let copy = dir.join(original.file_name().expect("name"));
    fs::copy(&original, &copy).expect("copy");
    fs::copy(
        format!("{}.sig", original.display()),
        format!("{}.sig", copy.display()),
    )
    .expect("copy sig");
    let (code, json) = team.verify();
    assert_eq!(code, Some(1), "{json:#}");
    let duplicated: Vec<&str> = json["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["code"] == "duplicate-id")
        .filter_map(|f| f["file"].as_str())
        .collect();
    assert_eq!(duplicated.len(), 2, "{json:#}");
    assert!(
        duplicated.iter().any(|f| f.starts_with("records/anna")),
        "{json:#}"
    );
    assert!(
        duplicated.iter().any(|f| f.starts_with("records/bea")),
        "{json:#}"
    );
}
