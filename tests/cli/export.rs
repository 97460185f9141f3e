//! `maatwerk export`: what an auditor takes away, read back with a real
//! CSV parser and a JSON parser — typed values, the status and its
//! history, each record's verification result, formulas neutralised,
//! Dutch Excel's dialect, anonymised tokens, and `--strict`.

use std::fs;

use serde_json::Value;

use super::support::{Team, edit, resign, stderr, stdout};

fn team() -> (Team, [String; 2]) {
    Team::two_decisions_and_a_signal()
}

const NORM: &str = "pw-zoektermijn-jongeren";

fn export(team: &Team, args: &[&str]) -> std::process::Output {
    // While the decisions run: not yet expired.
    team.as_("bea")
        .env("MAATWERK_NOW", "2026-12-01T12:00:00Z")
        .arg("export")
        .args(args)
        .output()
        .expect("run")
}

/// Parses CSV text with a real CSV reader: the header and the rows.
fn csv_rows(text: &str, delimiter: u8) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("row").iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

fn cell<'a>(header: &[String], row: &'a [String], name: &str) -> &'a str {
    let i = header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"));
    &row[i]
}

#[test]
fn csv_has_one_typed_row_per_record_with_status_history_and_verification() {
    let (team, [first, second]) = team();
    let output = export(&team, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("2 record(s) exported; 0 with a finding"),
        "{}",
        stderr(&output)
    );
    let (header, rows) = csv_rows(&stdout(&output), b',');
    assert_eq!(rows.len(), 2);
    let [a, b] = [&rows[0], &rows[1]];
    assert_eq!(cell(&header, a, "id"), first);
    assert_eq!(cell(&header, a, "decision_date"), "2026-11-23");
    assert_eq!(cell(&header, a, "author"), "anna@gemeente.example");
    assert_eq!(cell(&header, a, "status"), "decided");
    assert_eq!(cell(&header, a, "verification"), "valid");
    assert_eq!(cell(&header, a, "last_day"), "2026-12-22", "inclusive");
    assert!(
        cell(&header, a, "basis_url")
            .starts_with("https://wetten.overheid.nl/jci1.3:c:BWBR0015703")
    );
    assert_eq!(cell(&header, a, "check_4_id"), "voorschot");
    assert_eq!(cell(&header, a, "check_4_answer"), "450.00");
    assert_eq!(cell(&header, a, "check_4_unit"), "EUR");
    assert_eq!(
        cell(&header, a, "check_1_unit"),
        "",
        "no unit but for a number"
    );
    assert_eq!(cell(&header, a, "check_1_answer"), "ja");
    // A formula is shown, never run.
    assert!(
        cell(&header, a, "motivation_resident_view").starts_with("'=HYPERLINK"),
        "{a:?}"
    );
    assert_eq!(cell(&header, b, "id"), second);
    assert_eq!(cell(&header, b, "status"), "approved");
    assert_eq!(cell(&header, b, "outcome"), "needs-review");
    assert!(
        cell(&header, b, "history").ends_with("approve (teamleider)"),
        "{b:?}"
    );

    // Filters as `list` has them.
    let only = export(&team, &["--status", "approved"]);
    let (_, rows) = csv_rows(&stdout(&only), b',');
    assert_eq!(rows.len(), 1);
    let case = export(&team, &["--case", "Z-2026-001234"]);
    let (_, rows) = csv_rows(&stdout(&case), b',');
    assert_eq!(rows.len(), 2, "one case however written");
}

#[test]
fn dutch_excel_gets_a_bom_semicolons_and_decimal_commas_in_a_file_written_whole() {
    let (team, _) = team();
    let out = team.sandbox.work().join("export.csv");
    let output = export(
        &team,
        &[
            "--delimiter",
            ";",
            "--bom",
            "--out",
            out.to_str().expect("path"),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).is_empty());
    let text = fs::read_to_string(&out).expect("export");
    let text = text.strip_prefix('\u{feff}').expect("a byte order mark");
    let (header, rows) = csv_rows(text, b';');
    assert_eq!(cell(&header, &rows[1], "check_4_answer"), "900,00");
    let left: Vec<_> = fs::read_dir(team.sandbox.work())
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(left.is_empty(), "no temporary file left: {left:?}");
}

#[test]
fn jsonl_anonymised_gives_tokens_roles_and_no_free_text() {
    let (team, _) = team();
    let key = "ab".repeat(32);
    let output = export(
        &team,
        &["--format", "jsonl", "--anonymised", "--key-hex", &key],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 2);
    let text = stdout(&output);
    for personal in ["anna@", "Anna", "Z-2026-001234", "HYPERLINK", "Akkoord"] {
        assert!(!text.contains(personal), "{personal} in {text}");
    }
    let token = lines[0]["case"].as_str().expect("case");
    assert!(token.starts_with("zaak-"), "{token}");
    assert_eq!(lines[1]["case"], token, "one case, one token");
    assert_eq!(lines[0]["author_role"], "consulent");
    assert_eq!(lines[1]["history"][0]["role"], "teamleider");
    assert!(lines[1]["history"][0].get("by").is_none());
    assert_eq!(lines[0]["checks"][3]["answer"], 450.0);
    assert_eq!(lines[0]["checks"][3]["unit"], "EUR");
    assert!(lines[0].get("motivation").is_none());
    // The same key gives the same tokens; a new key is shown once.
    let again = export(
        &team,
        &["--format", "jsonl", "--anonymised", "--key-hex", &key],
    );
    assert!(stdout(&again).contains(token));
    let fresh = export(&team, &["--format", "jsonl", "--anonymised"]);
    assert!(!stdout(&fresh).contains(token));
    assert!(
        stderr(&fresh).contains("Key of the case tokens"),
        "{}",
        stderr(&fresh)
    );
    let bad = export(&team, &["--anonymised", "--key-hex", "abc"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_forged_record_is_marked_and_strict_exports_nothing() {
    let (team, [first, _]) = team();
    let file = team.record_file(&first);
    edit(&file, "answer = \"450.00\"", "answer = \"4500.00\"");
    resign(&team, &file, "anna", "maatwerk-record");
    let output = export(&team, &["--format", "jsonl"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let first_line: Value =
        serde_json::from_str(stdout(&output).lines().next().expect("a line")).expect("json");
    assert_eq!(first_line["verification"]["valid"], false);
    assert!(
        first_line["verification"]["findings"]
            .as_array()
            .is_some_and(|f| !f.is_empty()),
        "{first_line}"
    );
    let out = team.sandbox.work().join("strict.csv");
    let strict = export(&team, &["--strict", "--out", out.to_str().expect("path")]);
    assert_eq!(strict.status.code(), Some(1), "{}", stderr(&strict));
    assert!(
        stderr(&strict).contains("nothing exported"),
        "{}",
        stderr(&strict)
    );
    assert!(!out.exists(), "nothing written");
}

/// A workbook an auditor opens: read back with a real spreadsheet reader,
/// its cells typed (numbers as numbers, dates as dates), a formula kept as
/// text; without --out it is refused with how to give one.
#[test]
fn xlsx_has_typed_cells_and_needs_a_file() {
    use calamine::{Data, DataType, Reader, Xlsx, open_workbook};
    let (team, [first, _]) = team();
    let out = team.sandbox.work().join("export.xlsx");
    let output = export(
        &team,
        &["--format", "xlsx", "--out", out.to_str().expect("path")],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    // Personal data: readable by whoever exported it only.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&out).expect("the export").permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
    let mut book: Xlsx<_> = open_workbook(&out).expect("a workbook");
    assert_eq!(book.sheet_names(), ["Records", "Signals"]);
    let signals = book.worksheet_range("Signals").expect("signals");
    assert_eq!(signals.rows().count(), 2, "header and one signal");
    let range = book.worksheet_range("Records").expect("sheet");
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows.len(), 3, "header and two records");
    let header: Vec<String> = rows[0].iter().map(ToString::to_string).collect();
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    assert_eq!(rows[1][col("id")], Data::String(first));
    assert_eq!(rows[1][col("check_4_answer")], Data::Float(450.0));
    assert!(rows[1][col("decision_date")].is_datetime(), "{:?}", rows[1]);
    // The signing moment too, with its time of day (UTC).
    let Data::DateTime(created) = &rows[1][col("created")] else {
        panic!("a moment: {:?}", rows[1][col("created")])
    };
    assert!(created.as_f64().fract() > 0.0, "{created:?}");
    // Excel counts days from 30 December 1899.
    let serial = jiff::civil::date(1899, 12, 30)
        .until(jiff::civil::date(2026, 11, 23))
        .expect("days")
        .get_days();
    let Data::DateTime(day) = &rows[1][col("decision_date")] else {
        panic!("a date: {:?}", rows[1][col("decision_date")])
    };
    assert!((day.as_f64() - f64::from(serial)).abs() < 1e-9, "{day:?}");
    assert!(
        rows[1][col("motivation_resident_view")]
            .to_string()
            .starts_with("=HYPERLINK"),
        "a string cell, never a formula"
    );
    let to_stdout = export(&team, &["--format", "xlsx"]);
    assert_eq!(to_stdout.status.code(), Some(2));
    assert!(
        stderr(&to_stdout).contains("--out"),
        "{}",
        stderr(&to_stdout)
    );
}

/// The workbook as LibreOffice reads it (`.ci/run` installs it): converted
/// headless to flat ODS, whose cells name the type LibreOffice gave them.
#[test]
fn libreoffice_opens_the_workbook_with_dates_and_numbers() {
    let (team, _) = team();
    let dir = team.sandbox.work();
    let out = dir.join("export.xlsx");
    let output = export(
        &team,
        &["--format", "xlsx", "--out", out.to_str().expect("path")],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo").display());
    let converted = std::process::Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "fods",
            "--outdir",
        ])
        .arg(&dir)
        .arg(&out)
        .output()
        .expect("soffice (LibreOffice), which .ci/run installs");
    assert!(converted.status.success(), "{}", stderr(&converted));
    let sheet = fs::read_to_string(dir.join("export.fods")).expect("the converted workbook");
    for expected in [
        "<table:table table:name=\"Records\"",
        "<table:table table:name=\"Signals\"",
        // The decision date, a date; the advance, a number.
        "office:value-type=\"date\" office:date-value=\"2026-11-23\"",
        // The signing moment, with its time.
        "office:value-type=\"date\" office:date-value=\"2026-11-23T",
        "office:value-type=\"float\" office:value=\"450\"",
        "office:value-type=\"float\" office:value=\"900\"",
    ] {
        assert!(sheet.contains(expected), "LibreOffice read no {expected}");
    }
    // The resident's view that starts with "=" stays text.
    assert!(
        !sheet.contains("table:formula"),
        "a formula in the workbook"
    );
}

/// Signals go in an export of their own: where no norm fitted, the norm
/// and check tried, the text (left out when anonymised), verified.
#[test]
fn signals_are_exported_on_their_own() {
    let (team, _) = team();
    let output = export(&team, &["--signals"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("1 signal(s) exported"),
        "{}",
        stderr(&output)
    );
    let (header, rows) = csv_rows(&stdout(&output), b',');
    assert_eq!(rows.len(), 1);
    assert_eq!(cell(&header, &rows[0], "case"), "Z-2026-000099");
    assert_eq!(cell(&header, &rows[0], "norm"), NORM);
    assert_eq!(cell(&header, &rows[0], "failed_check"), "leeftijd-onder-27");
    assert!(cell(&header, &rows[0], "text").contains("dakloosheid"));
    assert_eq!(cell(&header, &rows[0], "verification"), "valid");
    let anonymised = export(&team, &["--signals", "--format", "jsonl", "--anonymised"]);
    let line: Value = serde_json::from_str(stdout(&anonymised).trim()).expect("one JSON object");
    assert!(
        line.get("text").is_none() && line.get("author").is_none(),
        "{line}"
    );
    assert!(
        line["case"]
            .as_str()
            .is_some_and(|c| c.starts_with("zaak-"))
    );
}

/// The records as `Besluit` objects of the ZGW Besluiten API, each checked
/// against the API's published schema (release 1.0.2, kept as a fixture),
/// formats included; without the RSIN or the decision type it is refused.
#[test]
fn zgw_besluiten_fit_the_published_schema() {
    let (team, [first, second]) = team();
    let schema: Value = serde_json::from_str(
        &fs::read_to_string(super::support::repo().join("tests/fixtures/zgw/besluit.schema.json"))
            .expect("schema"),
    )
    .expect("json");
    let validator = jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("a schema");
    let output = export(
        &team,
        &[
            "--format",
            "zgw",
            "--rsin",
            "002220647",
            "--besluittype-url",
            "https://catalogi.gemeente.example/api/v1/besluittypen/{norm}",
            "--zaak-url",
            "https://zaken.gemeente.example/api/v1/zaken?identificatie={case}",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let besluiten: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(besluiten.len(), 2);
    for b in &besluiten {
        let errors: Vec<String> = validator.iter_errors(b).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?} in {b:#}");
    }
    let b = &besluiten[0];
    assert_eq!(b["identificatie"], first);
    assert_eq!(b["verantwoordelijkeOrganisatie"], "002220647");
    assert_eq!(
        b["besluittype"],
        "https://catalogi.gemeente.example/api/v1/besluittypen/pw-zoektermijn-jongeren"
    );
    assert_eq!(
        b["zaak"],
        "https://zaken.gemeente.example/api/v1/zaken?identificatie=Z-2026-001234"
    );
    assert_eq!(b["datum"], "2026-11-23");
    assert_eq!(b["ingangsdatum"], "2026-11-23");
    assert_eq!(b["vervaldatum"], "2026-12-22", "the last day of the period");
    assert_eq!(b["vervalreden"], "tijdelijk");
    assert!(
        b["toelichting"]
            .as_str()
            .is_some_and(|t| t.contains("Participatiewet") || t.contains("Omstandigheden")),
        "{b:#}"
    );
    assert_eq!(besluiten[1]["identificatie"], second);
    // The schema finds what does not fit: a field it does not know.
    let mut wrong = b.clone();
    wrong["besluit"] = Value::from("x");
    assert!(!validator.is_valid(&wrong));

    let without = export(&team, &["--format", "zgw"]);
    assert_eq!(without.status.code(), Some(2));
    assert!(stderr(&without).contains("RSIN"), "{}", stderr(&without));
    let bad = export(
        &team,
        &[
            "--format",
            "zgw",
            "--rsin",
            "123456789",
            "--besluittype-url",
            "https://x/{norm}",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("eleven test"), "{}", stderr(&bad));
}

/// A row tells all verify found about its record: a review that no longer
/// binds to it (its bytes changed after the review), and a broken link to
/// the next record of its chain; what is on no row is said on stderr.
#[test]
fn a_row_shows_what_verify_found_about_its_record() {
    let (team, [first, second]) = team();
    // The approved decision changed and re-signed by its author: the
    // teamleider's approval no longer counts.
    let file = team.record_file(&second);
    edit(&file, "Wil graag", "Wil heel graag");
    resign(&team, &file, "anna", "maatwerk-record");
    // The first changed too: the link from the second back to it breaks.
    let file = team.record_file(&first);
    edit(&file, "Wil graag", "Wil heel graag");
    resign(&team, &file, "anna", "maatwerk-record");

    let output = export(&team, &["--format", "jsonl", "--lang", "en"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let rows: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    let row = |id: &str| rows.iter().find(|r| r["id"] == id).expect("a row").clone();
    let codes = |r: &Value| -> Vec<String> {
        r["verification"]["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|c| c.as_str().expect("a code").to_owned())
            .collect()
    };
    let second = row(&second);
    assert_eq!(second["status"], "for-review", "{second}");
    assert!(
        codes(&second).contains(&"act-record-changed".to_owned()),
        "{second}"
    );
    let first = row(&first);
    assert!(
        codes(&first).contains(&"next:chain-broken".to_owned()),
        "{first}"
    );
    assert!(
        stderr(&output).contains("finding(s) in the whole store"),
        "{}",
        stderr(&output)
    );
}

/// An export holds the store to the trust root the auditor was given: a
/// store with another root is not verified, and --strict exports nothing.
/// Without a root given, the note says what was and was not proven.
#[test]
fn an_export_holds_the_store_to_the_root_expected() {
    let (team, _) = team();
    let fingerprint = |who: &str| team.fingerprint(who);
    let plain = export(&team, &["--lang", "en"]);
    assert!(
        stderr(&plain).contains("no trust root was given"),
        "{}",
        stderr(&plain)
    );
    let pinned = export(
        &team,
        &["--lang", "en", "--expect-root", &fingerprint("bea")],
    );
    assert!(pinned.status.success(), "{}", stderr(&pinned));
    assert!(!stderr(&pinned).contains("no trust root was given"));
    // Held to another root: no row is valid, each says why.
    let held = export(
        &team,
        &[
            "--format",
            "jsonl",
            "--lang",
            "en",
            "--expect-root",
            &fingerprint("eve"),
        ],
    );
    assert!(held.status.success(), "{}", stderr(&held));
    for line in stdout(&held).lines() {
        let row: Value = serde_json::from_str(line).expect("json");
        assert_eq!(row["verification"]["valid"], false, "{row}");
        assert!(row.to_string().contains("store:root-not-pinned"), "{row}");
    }
    let other = export(
        &team,
        &[
            "--lang",
            "en",
            "--strict",
            "--expect-root",
            &fingerprint("eve"),
        ],
    );
    assert_eq!(other.status.code(), Some(1), "{}", stderr(&other));
    assert!(stdout(&other).is_empty());
}

/// A file named like a record with one zero more is no record: it gives
/// no second row (it was read as the record it imitates).
#[test]
fn a_padded_file_name_gives_no_second_row() {
    let (team, [first, _]) = team();
    let file = team.record_file(&first);
    let name = file
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    fs::write(file.with_file_name(format!("0{name}")), "junk").expect("write");
    // A copy under a name that holds no record id is no record either.
    fs::copy(&file, file.with_file_name("000001-copy.toml")).expect("cp");
    let output = export(&team, &["--format", "jsonl"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let ids: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("json")["id"].clone())
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
}
