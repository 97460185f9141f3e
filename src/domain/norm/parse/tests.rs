//! The norm parser, table-driven: a small valid norm, and one change at a
//! time with the problem codes it must give.

use super::*;
use crate::domain::norm::total;
use crate::domain::norm::{Compare, Condition, ConditionValue, MotivationGuide};
use crate::domain::number::Decimal;
use crate::domain::record::Answer;

/// A small valid norm; each case below changes one thing.
const VALID: &str = r#"
id = "proef"
version = 1
title = "Proefnorm"
summary = "Een norm om mee te testen."
status = "vastgesteld"
adopted_on = 2026-01-15
adopted_by = "college"
valid_from = 2026-02-01
owner = "beleid"
domain = "participatiewet"
max_duration = "P3M"

[rule]
text = "De regel."
basis = "jci1.3:c:BWBR0015703&artikel=41&lid=4"

[intent]
rule = "Doel van de regel."
departure = "Doel van de afwijking."

[[check]]
id = "nood"
question = "Nood?"
kind = "confirm"

[[check]]
id = "bedrag"
question = "Bedrag?"
kind = "number"
min = 0
unit = "EUR"

[mandate]
[[mandate.tier]]
role = "consulent"
max = { bedrag = 500 }
max_duration = "P1M"

[[mandate.tier]]
role = "teamleider"
"#;

fn codes(text: &str) -> Vec<&'static str> {
    let parsed = parse(&SourceFile::new("proef.toml", text), "proef");
    parsed
        .diagnostics
        .iter()
        .map(|d| d.problem.code())
        .collect()
}

/// `VALID` with `from` replaced by `to` yields exactly `expected` codes.
#[track_caller]
fn case(from: &str, to: &str, expected: &[&str]) {
    assert!(VALID.contains(from), "fixture lacks {from:?}");
    let text = VALID.replacen(from, to, 1);
    assert_eq!(
        codes(&text),
        expected,
        "after replacing {from:?} with {to:?}"
    );
}

#[test]
fn the_valid_fixture_is_valid() {
    let parsed = parse(&SourceFile::new("proef.toml", VALID), "proef");
    assert_eq!(parsed.diagnostics, []);
    let norm = parsed.norm.expect("valid norm");
    assert_eq!(norm.checks.len(), 2);
    assert_eq!(norm.mandate.tiers[0].limits[0].max.to_string(), "500");
    assert_eq!(
        norm.motivation.min_chars,
        MotivationGuide::DEFAULT_MIN_CHARS
    );
}

#[test]
fn keys_and_types() {
    case("title = ", "titel = ", &["missing-key", "unknown-key"]);
    case("version = 1", "version = \"1\"", &["wrong-type"]);
    case("version = 1", "version = 0", &["too-small"]);
    case(
        "summary = \"Een norm om mee te testen.\"",
        "summary = \"  \"",
        &["empty-text"],
    );
    case("owner = \"beleid\"\n", "", &["missing-key"]);
    case("[intent]", "[intent]\nextra = 1", &["unknown-key"]);
    case(
        "kind = \"confirm\"",
        "kind = \"confirm\"\nexpect = \"ja\"",
        &["wrong-type"],
    );
}

/// A control character written as an escape is refused wherever it is:
/// a terminal, spreadsheet or browser showing the norm may act on it. A
/// file with Windows line breaks is fine.
#[test]
fn hidden_characters() {
    case(
        "title = \"Proefnorm\"",
        "title = \"Proef\\u001b[2Jnorm\"",
        &["hidden-character"],
    );
    case(
        "text = \"De regel.\"",
        "text = \"\"\"\nDe \\u202Eregel.\"\"\"",
        &["hidden-character"],
    );
    let crlf = VALID.replace('\n', "\r\n").replace(
        "text = \"De regel.\"",
        "text = \"\"\"\r\nDe\r\nregel.\"\"\"",
    );
    assert_eq!(codes(&crlf), Vec::<&str>::new());
}

#[test]
fn ids() {
    case("id = \"proef\"", "id = \"andere\"", &["id-not-file-name"]);
    case("id = \"proef\"", "id = \"Proef Norm\"", &["bad-id"]);
    case(
        "[[check]]\nid = \"nood\"",
        "[[check]]\nid = \"nood\"\nquestion = \"Datum?\"\nkind = \"date\"\n\n[[check]]\nid = \"nood\"",
        &["duplicate-item"],
    );
    case(
        "domain = \"participatiewet\"",
        "domain = \"Participatie Wet\"",
        &["bad-id"],
    );
}

#[test]
fn dates() {
    case(
        "valid_from = 2026-02-01",
        "valid_from = \"2026-02-01\"",
        &["quoted-date"],
    );
    case(
        "valid_from = 2026-02-01",
        "valid_from = 2026-02-01T10:00:00",
        &["date-with-time"],
    );
    // TOML itself rejects days that do not exist.
    case(
        "valid_from = 2026-02-01",
        "valid_from = 2026-02-30",
        &["toml-syntax"],
    );
    case(
        "valid_from = 2026-02-01",
        "valid_from = 2026-02-01\nvalid_until = 2026-01-31",
        &["date-order"],
    );
    case(
        "adopted_on = 2026-01-15",
        "adopted_on = 2026-03-01",
        &["date-order"],
    );
    case("adopted_by = \"college\"\n", "", &["adoption-missing"]);
    case(
        "status = \"vastgesteld\"",
        "status = \"concept\"\nwithdrawn_on = 2026-05-01",
        &["withdrawn-on-needs-status"],
    );
    case(
        "status = \"vastgesteld\"",
        "status = \"vastgestelt\"",
        &["unknown-value"],
    );
}

#[test]
fn a_concept_needs_no_adoption() {
    let text = VALID
        .replace("status = \"vastgesteld\"", "status = \"concept\"")
        .replace("adopted_on = 2026-01-15\nadopted_by = \"college\"\n", "");
    assert_eq!(codes(&text), Vec::<&str>::new());
}

#[test]
fn law_references_and_periods() {
    case("&lid=4\"", "&lid=4 \"", &["bad-jci"]);
    case("basis = \"jci", "basis = \"jcx", &["bad-jci"]);
    case(
        "[intent]",
        "[rule.local]\ntitle = \"Beleidsregels\"\ncvdr = \"CVDR12x\"\n\n[intent]",
        &["bad-cvdr"],
    );
    case(
        "max_duration = \"P3M\"",
        "max_duration = \"drie maanden\"",
        &["bad-period"],
    );
    case(
        "max_duration = \"P3M\"",
        "max_duration = 0",
        &["bad-period"],
    );
    case(
        "max_duration = \"P3M\"",
        "max_duration = true",
        &["wrong-type"],
    );
    case(
        "max_duration = \"P3M\"",
        "max_duration = \"P3M\"\nreview_after = \"P4M\"",
        &["review-after-max-duration"],
    );
}

#[test]
fn checks() {
    case(
        "kind = \"confirm\"",
        "kind = \"confrim\"",
        &["unknown-value"],
    );
    case("min = 0\n", "min = 10\nmax = 5\n", &["min-above-max"]);
    case(
        "kind = \"confirm\"",
        "kind = \"choice\"",
        &["choice-without-options"],
    );
    case(
        "kind = \"confirm\"",
        "kind = \"choice\"\noptions = []",
        &["choice-without-options"],
    );
    case(
        "kind = \"confirm\"",
        "kind = \"choice\"\noptions = [\"a\", \"a\"]",
        &["duplicate-item"],
    );
    case(
        "kind = \"confirm\"",
        "kind = \"choice\"\noptions = [\"a\"]\naccept = [\"b\"]",
        &["accept-not-an-option"],
    );
    case(
        "kind = \"confirm\"",
        "kind = \"confirm\"\nunit = \"EUR\"",
        &["key-not-for-kind"],
    );
    case(
        "kind = \"confirm\"",
        "kind = \"text\"\nmin_chars = -1",
        &["too-small"],
    );
    case(
        "[[check]]\nid = \"nood\"",
        "[[check]]\nsection = \"geen\"\nid = \"nood\"",
        &["unknown-reference"],
    );
}

#[test]
fn no_checks_at_all() {
    let start = VALID.find("[[check]]").expect("checks");
    let end = VALID.find("[mandate]").expect("mandate");
    let text =
        format!("{}{}", &VALID[..start], &VALID[end..]).replace("max = { bedrag = 500 }\n", "");
    assert_eq!(codes(&text), ["no-checks"]);
}

#[test]
fn mandate() {
    case(
        "max = { bedrag = 500 }",
        "max = { bedrg = 500 }",
        &["unknown-reference"],
    );
    case(
        "max = { bedrag = 500 }",
        "max = { nood = 500 }",
        &["not-a-number-check"],
    );
    case(
        "max = { bedrag = 500 }",
        "max = { bedrag = \"veel\" }",
        &["wrong-type"],
    );
    case(
        "role = \"teamleider\"",
        "role = \"consulent\"",
        &["duplicate-item"],
    );
    case(
        "role = \"teamleider\"",
        "role = \"teamleider\"\nmax = { bedrag = 100 }",
        &["tier-not-increasing"],
    );
    case(
        "role = \"teamleider\"",
        "role = \"teamleider\"\nmax_duration = \"P2W\"",
        &["tier-not-increasing"],
    );
    case(
        "max_duration = \"P1M\"",
        "max_duration = \"P4M\"",
        &["tier-longer-than-norm"],
    );
    let start = VALID.find("[[mandate.tier]]").expect("tiers");
    assert_eq!(codes(&VALID[..start]), ["no-tiers"]);
}

#[test]
fn syntax_errors_are_reported_alone_with_a_position() {
    let parsed = parse(
        &SourceFile::new("proef.toml", "id = \"proef\"\ntitle = \n"),
        "proef",
    );
    assert!(parsed.norm.is_none());
    assert_eq!(parsed.diagnostics.len(), 1);
    assert_eq!(parsed.diagnostics[0].problem.code(), "toml-syntax");
    assert!(
        parsed.diagnostics[0].span.start >= 13,
        "{:?}",
        parsed.diagnostics[0].span
    );
}

#[test]
fn all_problems_are_reported_at_once() {
    let text = VALID
        .replace("title = ", "titel = ")
        .replace("version = 1", "version = -2")
        .replace("kind = \"confirm\"", "kind = \"ja\"");
    // In file order; a missing root key is reported at the top of the file.
    assert_eq!(
        codes(&text),
        ["missing-key", "too-small", "unknown-key", "unknown-value"]
    );
}

#[test]
fn ids_are_kebab_case() {
    for ok in ["a", "pw-zoektermijn-jongeren", "wmo-2015", "x1-y2"] {
        assert!(is_kebab_id(ok), "{ok}");
    }
    for bad in [
        "",
        "-a",
        "a-",
        "a--b",
        "A",
        "a_b",
        "a b",
        "é",
        &"a".repeat(65),
    ] {
        assert!(!is_kebab_id(bad), "{bad}");
    }
}

/// What a Dutch policy officer writes by habit is said in their terms: a
/// decimal comma, a point for thousands, a Dutch word for a kind.
#[test]
fn dutch_habits_get_a_dutch_hint() {
    case(
        "max = { bedrag = 500 }",
        "max = { bedrag = 500,00 }",
        &["decimal-comma"],
    );
    case(
        "max = { bedrag = 500 }",
        "max = { bedrag = 1.500 }",
        &["dutch-thousands"],
    );
    case(
        "kind = \"number\"",
        "kind = \"number\"\nmax = 2.500",
        &["dutch-thousands"],
    );
    let parsed = parse(
        &SourceFile::new(
            "proef.toml",
            VALID.replace("kind = \"number\"", "kind = \"bedrag\""),
        ),
        "proef",
    );
    let problem = &parsed.diagnostics[0].problem;
    assert!(
        matches!(problem, Problem::UnknownValue { suggestion: Some(s), .. } if s == "number"),
        "{problem:?}"
    );
    for (word, kind) in [
        ("ja/nee", "confirm"),
        ("datum", "date"),
        ("keuze", "choice"),
    ] {
        assert_eq!(super::checks::dutch_kind(word), Some(kind));
    }
}

/// A link to the law pasted where the identifier belongs is said with the
/// identifier it stands for.
#[test]
fn a_pasted_link_to_the_law_gets_its_identifier_suggested() {
    let link = "https://wetten.overheid.nl/BWBR0015703/2026-01-01#Hoofdstuk3_Artikel41";
    let text = VALID.replace(
        "basis = \"jci1.3:c:BWBR0015703&artikel=41&lid=4\"",
        &format!("basis = \"{link}\""),
    );
    let parsed = parse(&SourceFile::new("proef.toml", &text), "proef");
    let problem = &parsed.diagnostics[0].problem;
    assert!(
        matches!(
            problem,
            Problem::BadJci { error: crate::domain::jci::JciError::Link(jci), .. }
                if jci == "jci1.3:c:BWBR0015703&artikel=41"
        ),
        "{problem:?}"
    );
}

/// A norm in force before its adoption is refused, unless it says it has
/// retroactive effect.
#[test]
fn retroactive_effect_is_said_explicitly() {
    case(
        "valid_from = 2026-02-01",
        "valid_from = 2026-01-01",
        &["date-order"],
    );
    case(
        "valid_from = 2026-02-01",
        "valid_from = 2026-01-01\nretroactive = true",
        &[],
    );
    case(
        "valid_from = 2026-02-01",
        "valid_from = 2026-01-01\nterugwerkende_kracht = true",
        &["date-order", "unknown-key"],
    );
    let text = VALID.replace(
        "valid_from = 2026-02-01",
        "valid_from = 2026-01-01\nretroactive = true",
    );
    let norm = parse(&SourceFile::new("proef.toml", &text), "proef")
        .norm
        .expect("valid");
    assert!(norm.retroactive);
    assert!(norm.usability(jiff::civil::date(2026, 1, 10)).is_ok());
}

/// `when` names an earlier yes/no or choice question and an answer it can
/// have; anything else is said where it is written.
#[test]
fn conditions_name_an_earlier_question_and_an_answer_it_can_have() {
    let with = |when: &str| {
        VALID.replace(
            "[mandate]",
            &format!(
                "[[check]]\nid = \"uitleg\"\nquestion = \"Waarom?\"\nkind = \"text\"\nwhen = {when}\n\n[mandate]"
            ),
        )
    };
    let codes_of = |text: &str| -> Vec<&'static str> {
        parse(&SourceFile::new("proef.toml", text), "proef")
            .diagnostics
            .iter()
            .map(|d| d.problem.code())
            .collect()
    };
    assert_eq!(codes_of(&with("{ nood = false }")), Vec::<&str>::new());
    let norm = parse(
        &SourceFile::new("proef.toml", with("{ nood = false }")),
        "proef",
    )
    .norm
    .expect("valid");
    let uitleg = norm.check("uitleg").expect("check");
    assert_eq!(
        uitleg.when,
        [Condition {
            check: "nood".into(),
            value: ConditionValue::Yes(false)
        }]
    );
    let yes = [("nood".to_owned(), Answer::Yes(true))];
    let no = [("nood".to_owned(), Answer::Yes(false))];
    assert!(!norm.applies(uitleg, &yes));
    assert!(norm.applies(uitleg, &no));
    assert!(!norm.applies(uitleg, &[]), "not before it is answered");
    assert_eq!(codes_of(&with("{ nod = false }")), ["unknown-reference"]);
    assert_eq!(codes_of(&with("{ nood = \"ja\" }")), ["bad-condition"]);
    assert_eq!(codes_of(&with("{ bedrag = 5 }")), ["bad-condition"]);
    assert_eq!(codes_of(&with("\"nood\"")), ["wrong-type"]);
    // A question asked later is named as such; one with errors of its own
    // gives no second error here.
    let later = VALID.replacen(
        "kind = \"confirm\"",
        "kind = \"confirm\"\nwhen = { bedrag = { above = 5 } }",
        1,
    );
    assert_eq!(codes_of(&later), ["condition-on-later-check"]);
    let broken = with("{ nood = false }").replacen("kind = \"confirm\"", "kind = \"ja/nee\"", 1);
    assert_eq!(codes_of(&broken), ["unknown-value"]);
}

#[test]
fn totals_over_several_decisions_name_a_number_check_a_window_and_a_role() {
    let with = |total: &str| format!("{}\n[[total]]\n{total}\n", format_2());
    let good = "id = \"per-jaar\"\nsum = \"bedrag\"\nmax = 1200\nwindow = \"calendar-year\"";
    let parsed = parse(&SourceFile::new("proef.toml", with(good)), "proef");
    let norm = parsed.norm.expect("valid");
    let total = &norm.totals[0];
    assert_eq!(total.sum.as_deref(), Some("bedrag"));
    assert_eq!(total.max, Decimal::from(1200));
    assert_eq!(total.per, total::Scope::Case);
    assert_eq!(total.window, total::Window::CalendarYear);
    assert_eq!(total.beyond, total::Beyond::Refuse);
    assert_eq!(total.norms, ["proef"]);
    let counted = "id = \"eens\"\nmax = 1\nwindow = \"P5Y\"\nper = \"team\"\nbeyond = \"teamleider\"\nnorms = [\"andere-norm\"]";
    let norm = parse(&SourceFile::new("proef.toml", with(counted)), "proef")
        .norm
        .expect("valid");
    assert_eq!(
        norm.totals[0].beyond,
        total::Beyond::Review("teamleider".into())
    );
    assert_eq!(norm.totals[0].norms, ["proef", "andere-norm"]);
    for (total, expected) in [
        (
            "id = \"t\"\nsum = \"nood\"\nmax = 1\nwindow = \"ever\"",
            &["not-a-number-check"][..],
        ),
        (
            "id = \"t\"\nsum = \"bedragg\"\nmax = 1\nwindow = \"ever\"",
            &["unknown-reference"],
        ),
        (
            "id = \"t\"\nsum = \"bedrag\"\nmax = 1\nwindow = \"kalenderjaar\"",
            &["unknown-value"],
        ),
        (
            "id = \"t\"\nsum = \"bedrag\"\nmax = 1\nwindow = \"P5X\"",
            &["bad-period"],
        ),
        (
            "id = \"t\"\nsum = \"bedrag\"\nmax = 1\nwindow = \"ever\"\nper = \"zaak\"",
            &["unknown-value"],
        ),
        (
            "id = \"t\"\nsum = \"bedrag\"\nmax = 1\nwindow = \"ever\"\nbeyond = \"directeur\"",
            &["unknown-reference"],
        ),
        ("id = \"t\"\nmax = 1.5\nwindow = \"ever\"", &["wrong-type"]),
        ("id = \"t\"\nmax = 0\nwindow = \"ever\"", &["too-small"]),
        (
            "id = \"t\"\nsum = \"bedrag\"\nmax = -5\nwindow = \"ever\"",
            &["too-small"],
        ),
        (
            "id = \"t\"\nsum = \"bedrag\"\nwindow = \"ever\"",
            &["missing-key"],
        ),
        ("id = \"t\"\nsum = \"bedrag\"\nmax = 1", &["missing-key"]),
        (
            "id = \"t\"\nmax = 1\nwindow = \"ever\"\nnorms = [\"Andere Norm\"]",
            &["bad-id"],
        ),
        (
            "id = \"t\"\nmax = 1\nwindow = \"ever\"\nmaximum = 2",
            &["unknown-key"],
        ),
    ] {
        assert_eq!(codes(&with(total)), expected, "{total}");
    }
    let twice = format!("{}\n[[total]]\n{good}\n", with(good));
    assert_eq!(codes(&twice), ["duplicate-item"]);
}

/// `VALID` in norm format 2, with a choice question `grond` before the
/// mandaat.
fn format_2() -> String {
    VALID.replacen("version = 1", "version = 1\nformat = 2", 1).replacen(
        "[mandate]",
        "[[check]]\nid = \"grond\"\nquestion = \"Welke grond?\"\nkind = \"choice\"\noptions = [\"4a\", \"4b\", \"4c\"]\n\n[mandate]",
        1,
    )
}

mod format2;
