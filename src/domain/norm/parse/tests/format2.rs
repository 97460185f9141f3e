//! Norm format 2, table-driven: gating, rules across answers, optional
//! questions, dates, the award and provenance.

use super::*;

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
        ("id = \"r\"\ntext = \"t\"", &["constraint-without-rule"]),
        (
            "id = \"r\"\ntext = \"t\"\nrequire = {}",
            &["constraint-without-rule"],
        ),
        (
            "id = \"r\"\ntext = \"t\"\nrequire = {}\nany = {}",
            &["constraint-without-rule"],
        ),
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

/// What a newer format brings is named in the reader's language.
#[test]
fn a_construct_of_a_newer_format_is_named_in_dutch() {
    let text = VALID.replace(
        "basis = \"jci1.3:c:BWBR0015703&artikel=41&lid=4\"",
        "basis = [\"jci1.3:c:BWBR0015703&artikel=41&lid=4\", \"jci1.3:c:BWBR0015703&artikel=18&lid=1\"]",
    );
    let parsed = parse(&SourceFile::new("proef.toml", &text), "proef");
    let said: Vec<String> = parsed
        .diagnostics
        .iter()
        .map(|d| crate::i18n::Lang::Nl.problem(&d.problem))
        .collect();
    assert_eq!(
        said,
        ["een lijst van wettelijke grondslagen kan pas in normformaat 2"]
    );
}

/// A condition that cannot hold names what would.
#[test]
fn a_condition_that_cannot_hold_names_the_options() {
    let text = format!(
        "{}\n[[constraint]]\nid = \"r\"\ntext = \"t\"\nrequire = {{ grond = \"4C\" }}\n",
        format_2()
    );
    let parsed = parse(&SourceFile::new("proef.toml", &text), "proef");
    let help = crate::i18n::Lang::Nl.problem_help(&parsed.diagnostics[0].problem);
    assert!(
        help.as_deref().is_some_and(|h| h.starts_with(
            "bedoelde u \"4c\"? `grond` is een keuzevraag met de opties \"4a\", \"4b\", \"4c\""
        )),
        "{help:?}"
    );
    // A bound in Dutch, and a scope in Dutch, get the word meant.
    let help_of = |text: String| {
        let parsed = parse(&SourceFile::new("proef.toml", &text), "proef");
        parsed
            .diagnostics
            .iter()
            .filter_map(|d| crate::i18n::Lang::Nl.problem_help(&d.problem))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let bound = help_of(format!(
        "{}\n[[constraint]]\nid = \"r\"\ntext = \"t\"\nrequire = {{ bedrag = {{ boven = 5 }} }}\n",
        format_2()
    ));
    assert!(bound.starts_with("bedoelde u `above`?"), "{bound}");
    let scope = help_of(format!(
        "{}\n[[total]]\nid = \"t\"\nmax = 2\nper = \"zaak\"\n",
        format_2()
    ));
    assert!(scope.contains("bedoelt u `case`?"), "{scope}");
}
