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

/// Constructs of release 0.5 need `format = 2`; a format this program does
/// not know is said as such.
#[test]
fn newer_constructs_need_the_newer_norm_format() {
    let total = "\n[[total]]\nid = \"t\"\nmax = 1\nwindow = \"ever\"\n";
    assert_eq!(codes(&format!("{VALID}{total}")), ["needs-format"]);
    let rule = "\n[[constraint]]\nid = \"r\"\ntext = \"Nood.\"\nrequire = { nood = true }\n";
    assert_eq!(codes(&format!("{VALID}{rule}")), ["needs-format"]);
    let bound = VALID.replacen(
        "[mandate]",
        "[[check]]\nid = \"uitleg\"\nquestion = \"Waarom?\"\nkind = \"text\"\nwhen = { bedrag = { above = 100 } }\n\n[mandate]",
        1,
    );
    assert_eq!(codes(&bound), ["needs-format"]);
    assert_eq!(
        codes(&format!("{}{total}{rule}", format_2())),
        Vec::<&str>::new()
    );
    case(
        "version = 1",
        "version = 1\nformat = 3",
        &["unknown-format"],
    );
    case("version = 1", "version = 1\nformat = 1", &[]);
}

/// Conditions compare numbers with a bound and take a list of options;
/// a rule across answers requires conditions together or alternatives.
#[test]
fn rules_across_answers_require_together_or_one_of() {
    let with = |rule: &str| format!("{}\n[[constraint]]\n{rule}\n", format_2());
    let good = "id = \"4c-klein\"\ntext = \"Grond 4c alleen onder € 200 en bij nood.\"\nwhen = { grond = \"4c\" }\nrequire = { bedrag = { below = 200 }, nood = true }";
    let norm = parse(&SourceFile::new("proef.toml", with(good)), "proef")
        .norm
        .expect("valid");
    let rule = &norm.constraints[0];
    assert_eq!(
        rule.require,
        [
            Condition {
                check: "bedrag".into(),
                value: ConditionValue::Compare(Compare::Below(Decimal::from(200)))
            },
            Condition {
                check: "nood".into(),
                value: ConditionValue::Yes(true)
            }
        ]
    );
    let answers = |grond: &str, bedrag: i64, nood: bool| {
        vec![
            ("nood".to_owned(), Answer::Yes(nood)),
            ("bedrag".to_owned(), Answer::Number(Decimal::from(bedrag))),
            ("grond".to_owned(), Answer::Text(grond.into())),
        ]
    };
    assert!(norm.broken(&answers("4c", 150, true)).is_empty());
    assert_eq!(
        norm.broken(&answers("4c", 200, true)).len(),
        1,
        "below is strict"
    );
    assert_eq!(norm.broken(&answers("4c", 150, false)).len(), 1);
    assert!(
        norm.broken(&answers("4a", 900, false)).is_empty(),
        "only for 4c"
    );

    let alternatives = "id = \"een-grond\"\ntext = \"4a of 4b, of nood.\"\nany = { grond = [\"4a\", \"4b\"], nood = true }";
    let norm = parse(&SourceFile::new("proef.toml", with(alternatives)), "proef")
        .norm
        .expect("valid");
    assert!(norm.broken(&answers("4b", 1, false)).is_empty());
    assert!(norm.broken(&answers("4c", 1, true)).is_empty());
    assert_eq!(norm.broken(&answers("4c", 1, false)).len(), 1);

    for (rule, expected) in [
        (
            "id = \"r\"\ntext = \"t\"\nrequire = { noood = true }",
            &["unknown-reference"][..],
        ),
        (
            "id = \"r\"\ntext = \"t\"\nrequire = { grond = \"4d\" }",
            &["bad-condition"],
        ),
        (
            "id = \"r\"\ntext = \"t\"\nrequire = { grond = [\"4a\", \"4x\"] }",
            &["bad-condition"],
        ),
        (
            "id = \"r\"\ntext = \"t\"\nrequire = { bedrag = { onder = 5 } }",
            &["bad-condition"],
        ),
        (
            "id = \"r\"\ntext = \"t\"\nrequire = { nood = { below = 5 } }",
            &["bad-condition"],
        ),
        ("id = \"r\"\ntext = \"t\"", &["missing-key"]),
        ("id = \"r\"\nrequire = { nood = true }", &["missing-key"]),
        (
            "id = \"R\"\ntext = \"t\"\nrequire = { nood = true }",
            &["bad-id"],
        ),
        (
            "id = \"r\"\ntext = \"t\"\nrequire = { nood = true }\nals = 1",
            &["unknown-key"],
        ),
    ] {
        assert_eq!(codes(&with(rule)), expected, "{rule}");
    }
    let twice = format!("{}\n[[constraint]]\n{good}\n", with(good));
    assert_eq!(codes(&twice), ["duplicate-item"]);
}

/// An optional question may be left open; in format 2, once answered its
/// `expect` holds like a required one's, and without `expect` either answer
/// is information. In format 1 an optional question has no condition, as
/// before.
#[test]
fn an_optional_question_keeps_its_condition_once_answered_in_format_2() {
    let optional = |text: &str| {
        text.replacen(
            "kind = \"confirm\"",
            "kind = \"confirm\"\nrequired = false\nexpect = true",
            1,
        )
    };
    let nood = |text: &str| {
        parse(&SourceFile::new("proef.toml", text), "proef")
            .norm
            .expect("valid")
            .check("nood")
            .cloned()
            .expect("check")
    };
    let (no, yes) = (Answer::Yes(false), Answer::Yes(true));
    let old = nood(&optional(VALID));
    assert!(old.meets(&no) && old.meets(&yes), "format 1: no condition");
    let new = nood(&optional(&format_2()));
    assert!(!new.meets(&no) && new.meets(&yes), "format 2: expect holds");
    let informational = nood(&format_2().replacen(
        "kind = \"confirm\"",
        "kind = \"confirm\"\nrequired = false",
        1,
    ));
    assert!(informational.meets(&no) && informational.meets(&yes));
    let required = nood(&format_2());
    assert!(!required.meets(&no), "a required yes/no expects yes");
}

/// Dates tied to the decision and the period, each said where written.
#[test]
fn dates_are_tied_to_the_decision_and_the_period() {
    let dated = |extra: &str, check: &str| {
        format_2().replacen("max_duration = \"P3M\"", &format!("max_duration = \"P3M\"\n{extra}"), 1).replacen(
            "[mandate]",
            &format!("[[check]]\nid = \"verjaardag\"\nquestion = \"Wanneer?\"\nkind = \"date\"\n{check}\n\n[mandate]"),
            1,
        )
    };
    let text = dated(
        "period_ends_before = \"verjaardag\"\nperiod_within = \"calendar-year\"",
        "before_decision = \"P2M\"",
    );
    let norm = parse(&SourceFile::new("proef.toml", &text), "proef")
        .norm
        .expect("valid");
    assert_eq!(norm.period_ends_before.as_deref(), Some("verjaardag"));
    assert!(norm.period_in_calendar_year);
    assert!(matches!(
        norm.check("verjaardag").map(|c| &c.kind),
        Some(crate::domain::norm::CheckKind::Date {
            before_decision: Some(_),
            ..
        })
    ));
    for (extra, check, expected) in [
        (
            "period_ends_before = \"verjaardg\"",
            "",
            &["unknown-reference"][..],
        ),
        ("period_ends_before = \"nood\"", "", &["not-a-date-check"]),
        ("period_within = \"kalenderjaar\"", "", &["unknown-value"]),
        ("", "before_decision = \"twee maanden\"", &["bad-period"]),
    ] {
        assert_eq!(codes(&dated(extra, check)), expected, "{extra} {check}");
    }
    // Without a period to hold to, or in format 1.
    let no_period =
        dated("period_within = \"calendar-year\"", "").replace("max_duration = \"P3M\"\n", "");
    assert!(
        codes(&no_period).contains(&"missing-key"),
        "{:?}",
        codes(&no_period)
    );
    let old = dated("", "before_decision = \"P2M\"").replacen("format = 2\n", "", 1);
    assert_eq!(codes(&old), ["needs-format"]);
}

/// `[award]`: the form (another when the answers say so), an amount
/// worked out from a base and modules, when it takes effect and until when
/// it may be revoked.
#[test]
fn an_award_is_worked_out_from_the_answers() {
    let with = |award: &str| {
        format!(
            "{}\n[[check]]\nid = \"kamers\"\nquestion = \"Extra kamers?\"\nkind = \"number\"\nmin = 0\n\n{award}\n",
            format_2().replacen("[mandate]", "[[check]]\nid = \"veel\"\nquestion = \"Veel vervuiling?\"\nkind = \"confirm\"\nrequired = false\n\n[mandate]", 1)
        )
        .replacen("\n[[check]]\nid = \"kamers\"", "", 0)
    };
    // The household help example: 150 minutes, 52 more when the house is
    // very dirty, 16 for each extra room; a loan for ground 4c.
    let good = "[award]\nform = \"in-kind\"\ntakes_effect_when = \"Na het keukentafelgesprek.\"\nrevocable_for = \"P6M\"\n\n[[award.form_when]]\nwhen = { grond = \"4c\" }\nform = \"loan\"\n\n[award.amount]\nunit = \"minuten per week\"\nbase = 150\n\n[[award.amount.add]]\nwhen = { veel = true }\nvalue = 52\n\n[[award.amount.add]]\nper = \"bedrag\"\nvalue = 16";
    let parsed = parse(&SourceFile::new("proef.toml", with(good)), "proef");
    assert_eq!(parsed.diagnostics, []);
    let norm = parsed.norm.expect("valid");
    let award = norm.award.as_ref().expect("award");
    let answers = |veel: bool, kamers: i64, grond: &str| {
        vec![
            ("veel".to_owned(), Answer::Yes(veel)),
            ("bedrag".to_owned(), Answer::Number(Decimal::from(kamers))),
            ("grond".to_owned(), Answer::Text(grond.into())),
        ]
    };
    let on = jiff::civil::date(2026, 11, 23);
    let given = award.give(&norm, &answers(true, 2, "4a"), on);
    assert_eq!(given.amount, Some(Decimal::from(150 + 52 + 2 * 16)));
    assert_eq!(given.unit.as_deref(), Some("minuten per week"));
    assert_eq!(given.form, crate::domain::norm::award::Form::InKind);
    assert_eq!(given.revocable_until, Some(jiff::civil::date(2027, 5, 22)));
    let loan = award.give(&norm, &answers(false, 0, "4c"), on);
    assert_eq!(loan.amount, Some(Decimal::from(150)));
    assert_eq!(loan.form, crate::domain::norm::award::Form::Loan);

    for (award, expected) in [
        ("[award]\nform = \"lening\"", &["unknown-value"][..]),
        ("[award]", &["missing-key"]),
        (
            "[award]\nform = \"gift\"\n[award.amount]\nunit = \"EUR\"",
            &["missing-key"],
        ),
        (
            "[award]\nform = \"gift\"\n[award.amount]\nunit = \"EUR\"\nbase = 1\n[[award.amount.add]]\nper = \"nood\"\nvalue = 1",
            &["not-a-number-check"],
        ),
        (
            "[award]\nform = \"gift\"\n[award.amount]\nunit = \"EUR\"\nbase = 1\n[[award.amount.add]]\nper = \"bedragg\"\nvalue = 1",
            &["unknown-reference"],
        ),
        (
            "[award]\nform = \"gift\"\n[[award.form_when]]\nform = \"loan\"",
            &["missing-key"],
        ),
        (
            "[award]\nform = \"gift\"\nrevocable_for = \"zes maanden\"",
            &["bad-period"],
        ),
        ("[award]\nform = \"gift\"\ngift = true", &["unknown-key"]),
    ] {
        assert_eq!(codes(&with(award)), expected, "{award}");
    }
    let old = format!("{VALID}\n[award]\nform = \"gift\"\n");
    assert_eq!(codes(&old), ["needs-format"]);
}

/// Provenance as it really is: several legal bases, a municipal article as
/// a ground, an adoption date known only to the year or month.
#[test]
fn provenance_as_it_really_is() {
    let two = "basis = [\"jci1.3:c:BWBR0015703&artikel=41&lid=4\", \"jci1.3:c:BWBR0015703&artikel=18&lid=1\"]";
    let from = "basis = \"jci1.3:c:BWBR0015703&artikel=41&lid=4\"";
    let norm = parse(
        &SourceFile::new("proef.toml", format_2().replacen(from, two, 1)),
        "proef",
    )
    .norm
    .expect("valid");
    assert_eq!(norm.rule.also.len(), 1);
    assert_eq!(codes(&VALID.replacen(from, two, 1)), ["needs-format"]);
    let bad = format_2().replacen(
        from,
        "basis = [\"jci1.3:c:BWBR0015703&artikel=41\", \"artikel 18\"]",
        1,
    );
    assert_eq!(codes(&bad), ["bad-jci"]);

    let grounds = |g: &str| {
        format_2().replacen(
            "max_duration = \"P3M\"",
            &format!(
                "max_duration = \"P3M\"\ngrounds = [\"jci1.3:c:BWBR0005537&artikel=4:84\", {g}]"
            ),
            1,
        )
    };
    let good = grounds("{ cvdr = \"CVDR464485\", article = \"4\", title = \"Beleidsregel\" }");
    let norm = parse(&SourceFile::new("proef.toml", &good), "proef")
        .norm
        .expect("valid");
    assert_eq!(norm.grounds.len(), 1);
    assert_eq!(norm.local_grounds[0].cvdr.as_str(), "CVDR464485");
    assert_eq!(norm.local_grounds[0].article, "4");
    for (g, expected) in [
        (
            "{ cvdr = \"464485\", article = \"4\" }",
            &["bad-local-ground"][..],
        ),
        ("{ cvdr = \"CVDR464485\" }", &["bad-local-ground"]),
        (
            "{ cvdr = \"CVDR464485\", article = \"4\", lid = \"2\" }",
            &["bad-local-ground"],
        ),
        ("\"Awb 4:84\"", &["bad-jci"]),
    ] {
        assert_eq!(codes(&grounds(g)), expected, "{g}");
    }
    let old = VALID.replacen(
        "max_duration = \"P3M\"",
        "max_duration = \"P3M\"\ngrounds = [{ cvdr = \"CVDR464485\", article = \"4\" }]",
        1,
    );
    assert_eq!(codes(&old), ["needs-format"]);

    let adopted =
        |on: &str| format_2().replacen("adopted_on = 2026-01-15", &format!("adopted_on = {on}"), 1);
    let norm = parse(
        &SourceFile::new("proef.toml", adopted("\"2026-01\"")),
        "proef",
    )
    .norm
    .expect("valid");
    assert_eq!(norm.adopted_on, None);
    assert_eq!(
        norm.adopted_roughly
            .and_then(crate::domain::norm::provenance::Rough::first_day),
        Some(jiff::civil::date(2026, 1, 1))
    );
    // In force before the month of adoption began: said, unless retroactive.
    assert_eq!(codes(&adopted("\"2026-03\"")), ["date-order"]);
    assert_eq!(codes(&adopted("\"2026\"")), Vec::<&str>::new());
    assert_eq!(codes(&adopted("\"begin 2026\"")), ["wrong-type"]);
    assert_eq!(
        codes(&VALID.replacen("adopted_on = 2026-01-15", "adopted_on = \"2026\"", 1)),
        ["needs-format"]
    );
}
