//! `maatwerk report`: the learning report a policy officer reads, in the
//! terminal and as one HTML file — counted from a real store, flags at
//! their thresholds, no case or name anywhere, and what a user gets wrong.

use std::fs;

use super::support::{Team, stderr, stdout};

/// Two decisions on `pw-zoektermijn-jongeren` for one case, one beyond the
/// mandaat and approved, and a signal about the same norm.
fn team() -> Team {
    Team::two_decisions_and_a_signal().0
}

fn report(team: &Team, args: &[&str]) -> std::process::Output {
    team.as_("bea")
        .arg("report")
        .args(args)
        .output()
        .expect("run")
}

#[test]
fn the_report_counts_departures_reviews_and_signals_and_flags_what_recurs() {
    let team = team();
    let out = report(
        &team,
        &["--lang", "en", "--flag-rule", "2", "--flag-signals", "1"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    // Long lines wrap at the output's width.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Period: 24 November 2025 to 23 November 2026 inclusive",
        "Verify: no findings",
        "Decisions: 2 — 1 within mandaat, 1 drawn up for review",
        "Reviews: 1 approved, 0 returned, 0 rejected; 0 still waiting",
        "Time to review: 0 minutes, for the one reviewed decision",
        "Signals (no norm fitted): 1",
        "Decisions: 2 — 1 within mandaat, 1 drawn up for review; 2 took effect",
        // A national law's article: the municipality cannot change it.
        "! Participatiewet, artikel 41 lid 4: departed from 2 times in 12 months — consider laying the settled practice down in a rule of your own, or tell those who make the law (Aanwijzing voor de regelgeving 5.25 lid 3)",
        "! 1 signal without a fitting norm in domain participatiewet — consider a norm",
        "Nov 2026 2 ████",
        "consulent 2",
    ] {
        assert!(flat.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert!(
        flat.contains("Checked against the trust root the store names itself"),
        "{text}"
    );
    let pinned = stdout(&report(
        &team,
        &["--lang", "en", "--expect-root", &team.fingerprint("bea")],
    ));
    assert!(pinned.contains("Verify: no findings"), "{pinned}");
    assert!(!pinned.contains("names itself"), "{pinned}");
    // A norm adopted but not used in the period is named.
    assert!(text.contains("mw-doorbraakbudget — "), "{text}");
    assert!(!text.contains("pw-zoektermijn-jongeren — "), "{text}");

    // One below the threshold: no flags.
    let quiet = stdout(&report(
        &team,
        &["--lang", "en", "--flag-rule", "3", "--flag-signals", "2"],
    ));
    assert!(
        quiet.contains("No rule or domain over the threshold."),
        "{quiet}"
    );

    // Before the decisions: nothing counted, but every month shown.
    let before = stdout(&report(
        &team,
        &["--lang", "en", "--from", "2026-01-01", "--to", "2026-10-31"],
    ));
    assert!(
        before.contains("Decisions: 0 — 0 within mandaat"),
        "{before}"
    );
    assert!(before.contains("Oct 2026  0"), "{before}");

    // A period reaching past today is said to.
    let ahead = report(&team, &["--lang", "en", "--to", "2027-12-31"]);
    assert!(ahead.status.success(), "{}", stderr(&ahead));
    assert!(
        stderr(&ahead).contains("is after today"),
        "{}",
        stderr(&ahead)
    );
}

#[test]
fn the_report_speaks_dutch_and_names_no_case_and_no_person() {
    let team = team();
    let html = team.sandbox.work().join("rapport.html");
    let out = report(
        &team,
        &[
            "--lang",
            "nl",
            "--flag-rule",
            "2",
            "--html",
            html.to_str().expect("path"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Periode: 24 november 2025 t/m 23 november 2026"),
        "{text}"
    );
    assert!(
        flat.contains("Participatiewet, artikel 41 lid 4: 2 keer van afgeweken in 12 maanden — overweeg de vaste praktijk vast te leggen in een eigen regel, of meld het bij wie de wet maakt (Aanwijzing voor de regelgeving 5.25 lid 3)"),
        "{text}"
    );
    assert!(
        stderr(&out).contains("Rapport geschreven naar"),
        "{}",
        stderr(&out)
    );

    let page = fs::read_to_string(&html).expect("the HTML report");
    assert!(
        page.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"),
        "{page}"
    );
    assert!(page.contains("<svg") && page.contains("Besluiten per maand"));
    // Self-contained: nothing to run, nothing fetched.
    for outside in [
        "<script", "src=", "href=", "url(", "@import", "http://", "https://",
    ] {
        let hits: Vec<&str> = page
            .match_indices(outside)
            .map(|(i, _)| &page[i.saturating_sub(30)..(i + 40).min(page.len())])
            .filter(|around| !around.contains("http://www.w3.org/2000/svg"))
            .collect();
        assert!(hits.is_empty(), "{outside}: {hits:?}");
    }
    for personal in [
        "Z-2026-001234",
        "z 2026/1234",
        "Z-2026-000099",
        "Anna",
        "anna@",
        "Tom Teamleider",
        "dakloosheid",
        "HYPERLINK",
    ] {
        assert!(
            !text.contains(personal),
            "{personal} in the terminal report"
        );
        assert!(!page.contains(personal), "{personal} in the HTML report");
    }
}

#[test]
fn wrong_dates_and_an_unwritable_file_are_said_and_nothing_is_left_behind() {
    let team = Team::new();
    let out = report(
        &team,
        &["--lang", "en", "--from", "2026-12-01", "--to", "2026-11-01"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--from (1 December 2026) is after --to (1 November 2026)"),
        "{}",
        stderr(&out)
    );
    let out = report(&team, &["--lang", "en", "--from", "1-12-2026"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--from"), "{}", stderr(&out));

    for zero in ["0", "-1", "tien"] {
        let out = report(&team, &["--lang", "en", &format!("--flag-rule={zero}")]);
        assert_eq!(out.status.code(), Some(2), "{zero}: {}", stderr(&out));
        assert!(stderr(&out).contains("--flag-rule"), "{}", stderr(&out));
    }

    let nowhere = team.sandbox.work().join("no-such-dir").join("r.html");
    let out = report(
        &team,
        &["--lang", "en", "--html", nowhere.to_str().expect("path")],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("cannot write the report to"),
        "{}",
        stderr(&out)
    );
    assert!(!nowhere.parent().expect("dir").exists());

    // An existing report is replaced whole.
    let html = team.sandbox.work().join("r.html");
    fs::write(&html, "old").expect("write");
    let out = report(
        &team,
        &["--lang", "en", "--html", html.to_str().expect("path")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let page = fs::read_to_string(&html).expect("read");
    assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
    let leftovers: Vec<_> = fs::read_dir(team.sandbox.work())
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// `report --html FILE | head`: the file is written, whatever becomes of
/// the terminal's copy.
#[test]
fn the_html_report_is_written_when_the_terminal_stops_reading() {
    use std::process::Stdio;
    let team = team();
    let html = team.sandbox.work().join("piped.html");
    let mut child = team
        .sandbox
        .std_cmd()
        .env("MAATWERK_STORE", team.store())
        .env("MAATWERK_KEY", team.key("bea"))
        .args(["report", "--lang", "en", "--html"])
        .arg(&html)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Nobody reads: the reading end closes at once.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{}", stderr(&out));
    let page = fs::read_to_string(&html).expect("written");
    assert!(page.ends_with("</html>\n"));
}

/// The HTML report as a browser reads it (`.ci/run` installs headless
/// Chromium): every table row and chart bar in the page it builds, and a
/// screenshot made.
#[test]
fn chromium_renders_the_html_report() {
    let team = team();
    let dir = team.sandbox.work();
    let html = dir.join("rapport.html");
    let out = report(
        &team,
        &["--lang", "nl", "--html", html.to_str().expect("path")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let chromium = |args: &[&str]| {
        std::process::Command::new("chromium-headless-shell")
            .args(["--no-sandbox", "--disable-gpu", "--headless"])
            .arg(format!(
                "--user-data-dir={}",
                dir.join("chromium").display()
            ))
            .args(args)
            .arg(format!("file://{}", html.display()))
            .output()
            .expect("chromium-headless-shell, which .ci/run installs")
    };
    let dom = chromium(&["--dump-dom"]);
    assert!(dom.status.success(), "{}", stderr(&dom));
    let dom = stdout(&dom);
    // November 2025 to November 2026, a bar for each month, and the four
    // parts of the reviews' bar; the norms, rules, roles and signals
    // tables, each with its header row.
    assert_eq!(dom.matches("<rect ").count(), 13 + 4, "{dom}");
    assert_eq!(dom.matches("<table>").count(), 4, "{dom}");
    assert_eq!(dom.matches("<tr>").count(), 4 * 2, "{dom}");
    assert!(dom.contains("<h1>Leerrapport maatwerk</h1>"), "{dom}");
    let png = dir.join("rapport.png");
    let shot = chromium(&[
        &format!("--screenshot={}", png.display()),
        "--window-size=1000,2000",
    ]);
    assert!(shot.status.success(), "{}", stderr(&shot));
    let bytes = fs::read(&png).expect("a screenshot");
    assert!(
        bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000,
        "{} bytes",
        bytes.len()
    );
}
