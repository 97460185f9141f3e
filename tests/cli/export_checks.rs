//! What `maatwerk export` refuses before it writes anything, and what a
//! ZGW export holds: only decisions that took effect, a withdrawn one
//! ending the day it was withdrawn.

use std::fs;

use serde_json::Value;

use super::support::{Team, stderr, stdout};

const ZGW: [&str; 4] = ["--format", "zgw", "--rsin", "002220647"];

fn export(team: &Team, args: &[&str]) -> std::process::Output {
    team.as_("bea")
        .env("MAATWERK_NOW", "2026-12-01T12:00:00Z")
        .args(["export", "--lang", "en"])
        .args(args)
        .output()
        .expect("run")
}

#[test]
fn url_templates_a_zgw_export_cannot_fill_in_are_refused() {
    let (team, _) = Team::two_decisions_and_a_signal();
    for (url, says) in [
        (
            "https://x.example/besluittypen/{nrom}",
            "{nrom} is not filled in",
        ),
        ("niet een url/{norm}", "no URL starting with https://"),
        (
            "https://x.example/besluittypen",
            "without {norm} every decision gets the same URL",
        ),
    ] {
        let out = export(&team, &[&ZGW[..], &["--besluittype-url", url]].concat());
        assert_eq!(out.status.code(), Some(2), "{url}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{url}: {}", stderr(&out));
        assert!(stdout(&out).is_empty());
    }
    let out = export(
        &team,
        &[
            &ZGW[..],
            &[
                "--besluittype-url",
                "https://x.example/besluittypen/{norm}",
                "--zaak-url",
                "https://z.example/zaken",
            ],
        ]
        .concat(),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("without {case}"), "{}", stderr(&out));
}

#[test]
fn a_zgw_export_holds_decisions_that_took_effect_a_withdrawn_one_ending_when_withdrawn() {
    let (team, [first, _]) = Team::two_decisions_and_a_signal();
    // A third, beyond the mandaat and not yet reviewed: no Besluit.
    let example = fs::read_to_string(Team::example("pw-zoektermijn-jongeren")).expect("example");
    let third = team.sandbox.write(
        "third.toml",
        example
            .replace("voorschot = 450", "voorschot = 900")
            .replace("Z-2026-001234", "Z-2026-004321"),
    );
    let waiting = team.record("anna", "pw-zoektermijn-jongeren", &third);
    let withdrawn = team
        .as_("anna")
        .env("MAATWERK_NOW", "2026-11-27T10:00:00Z")
        .args([
            "withdraw",
            &first,
            "--reason",
            "De betaling bleek niet nodig.",
        ])
        .output()
        .expect("run");
    assert!(withdrawn.status.success(), "{}", stderr(&withdrawn));
    // Withdrawn before it was reviewed: it never took effect.
    let never = team
        .as_("anna")
        .env("MAATWERK_NOW", "2026-11-27T11:00:00Z")
        .args([
            "withdraw",
            &waiting,
            "--reason",
            "De aanvraag is ingetrokken door de inwoner.",
        ])
        .output()
        .expect("run");
    assert!(never.status.success(), "{}", stderr(&never));

    let out = export(
        &team,
        &[
            &ZGW[..],
            &["--besluittype-url", "https://x.example/besluittypen/{norm}"],
        ]
        .concat(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let besluiten: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(besluiten.len(), 2, "{besluiten:#?}");
    assert!(besluiten.iter().all(|b| b["identificatie"] != waiting));
    assert!(
        stderr(&out).contains("1 record(s) not exported as a Besluit: never took effect"),
        "{}",
        stderr(&out)
    );
    let gone = besluiten
        .iter()
        .find(|b| b["identificatie"] == first)
        .expect("the withdrawn decision");
    assert_eq!(gone["vervalreden"], "ingetrokken_overheid");
    assert_eq!(gone["vervaldatum"], "2026-11-27", "{gone}");
}

#[test]
fn nothing_is_written_over_for_dates_the_wrong_way_round_or_a_protected_file() {
    let (team, _) = Team::two_decisions_and_a_signal();
    let old = team.sandbox.work().join("old.csv");
    fs::write(&old, "OUDE EXPORT\n").expect("write");
    let path = old.to_str().expect("path");
    let out = export(
        &team,
        &["--from", "2026-12-31", "--to", "2026-01-01", "--out", path],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("is after --to"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&old).expect("read"), "OUDE EXPORT\n");

    let mut protection = fs::metadata(&old).expect("meta").permissions();
    protection.set_readonly(true);
    fs::set_permissions(&old, protection).expect("chmod");
    let out = export(&team, &["--out", path]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("protected against writing"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&old).expect("read"), "OUDE EXPORT\n");
    assert!(fs::metadata(&old).expect("meta").permissions().readonly());

    let listed = team
        .as_("bea")
        .args([
            "list",
            "--lang",
            "en",
            "--from",
            "2026-12-31",
            "--to",
            "2026-01-01",
        ])
        .output()
        .expect("run");
    assert_eq!(listed.status.code(), Some(2), "{}", stderr(&listed));
}

/// The store's own files are never written over by an export or a report,
/// nor is anything new put in it; a workbook's name gets a workbook.
#[test]
fn exports_and_reports_stay_out_of_the_store_and_a_workbook_is_one() {
    let (team, _) = Team::two_decisions_and_a_signal();
    let config = team.store().join("store.toml");
    let before = fs::read(&config).expect("read");
    let out = export(&team, &["--out", config.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is inside the store"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read(&config).expect("read"), before);
    let inside = team.store().join("records").join("export.csv");
    let out = export(&team, &["--out", inside.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!inside.exists());
    let report = team
        .as_("bea")
        .args(["report", "--lang", "en", "--html"])
        .arg(team.store().join("r.html"))
        .output()
        .expect("run");
    assert_eq!(report.status.code(), Some(2), "{}", stderr(&report));
    assert!(!team.store().join("r.html").exists());
    let (code, json) = team.verify();
    assert_eq!(code, Some(0), "{json:#}");

    // `--out audit.xlsx` alone gives a workbook; with another format asked
    // for, nothing.
    let book = team.sandbox.work().join("audit.xlsx");
    let path = book.to_str().expect("path");
    let out = export(&team, &["--format", "csv", "--out", path]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("named as a workbook"),
        "{}",
        stderr(&out)
    );
    assert!(!book.exists());
    let out = export(&team, &["--out", path]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(fs::read(&book).expect("read").starts_with(b"PK"), "a zip");
}

/// A decision returned and revised: the export shows it replaced, and the
/// revision names it; a revision signed by someone else replaces nothing.
#[test]
fn a_revision_replaces_what_it_revises_in_the_export_and_a_forged_one_nothing() {
    let team = Team::new();
    let norm = "pw-zoektermijn-jongeren";
    let example = fs::read_to_string(Team::example(norm)).expect("example");
    let beyond = team.sandbox.write(
        "beyond.toml",
        example.replace("voorschot = 450", "voorschot = 900"),
    );
    let first = team.record("anna", norm, &beyond);
    let returned = team
        .as_("tom")
        .args([
            "review",
            &first,
            "--return",
            "--comment",
            "Onderbouw het voorschot.",
        ])
        .output()
        .expect("run");
    assert!(returned.status.success(), "{}", stderr(&returned));
    let revised = team
        .as_("anna")
        .env("MAATWERK_NOW", "2026-11-25T09:00:00Z")
        .args(["new", "--revises", &first, "--answers"])
        .arg(Team::example(norm))
        .output()
        .expect("run");
    assert!(revised.status.success(), "{}", stderr(&revised));
    let second = stdout(&revised).trim().to_owned();
    let rows = |team: &Team| -> Vec<Value> {
        let out = export(team, &["--format", "jsonl"]);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
            .lines()
            .map(|l| serde_json::from_str(l).expect("json"))
            .collect()
    };
    let honest = rows(&team);
    let row = |rows: &[Value], id: &str| rows.iter().find(|r| r["id"] == id).expect("row").clone();
    assert_eq!(row(&honest, &first)["status"], "superseded");
    assert_eq!(row(&honest, &second)["revises"], first.as_str());

    // Someone else signs the revision in Anna's place.
    super::support::resign(&team, &team.record_file(&second), "eve", "maatwerk-record");
    let forged = rows(&team);
    assert_eq!(row(&forged, &first)["status"], "returned", "{forged:#?}");
    assert_eq!(row(&forged, &second)["verification"]["valid"], false);
}

/// An approval moved into another signer's directory counts nowhere: not
/// in verify, and not in the export either.
#[test]
fn an_act_moved_to_another_signer_counts_nowhere() {
    let (team, [_, second]) = Team::two_decisions_and_a_signal();
    let reviews = team.store().join("reviews");
    let tom = reviews.join("tom@gemeente.example");
    let review = fs::read_dir(&tom)
        .expect("tom's reviews")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "toml"))
        .expect("a review");
    let anna = reviews.join("anna@gemeente.example");
    fs::create_dir_all(&anna).expect("mkdir");
    let name = review.file_name().expect("name");
    fs::rename(&review, anna.join(name)).expect("mv");
    let sig = super::support::sig(&review);
    fs::rename(&sig, super::support::sig(&anna.join(name))).expect("mv sig");
    let out = export(&team, &["--format", "jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let row: Value = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("json"))
        .find(|r| r["id"] == second.as_str())
        .expect("the row");
    assert_eq!(row["status"], "for-review", "{row}");
    assert!(
        stderr(&out).contains("finding(s) in the whole store"),
        "{}",
        stderr(&out)
    );
}
