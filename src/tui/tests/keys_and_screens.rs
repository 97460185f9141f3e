//! The walkthrough's keys and screens: leaving, small windows, every hinted
//! key, notices, the first run, the norm filter, help.

use super::*;

#[test]
fn esc_on_the_first_screen_asks_before_leaving_when_work_was_typed() {
    let mut app = app(Lang::Nl);
    let mut host = FakeHost::default();
    let ending = drive(
        &mut app,
        &mut host,
        "zoektermijn\nZ-2026-000042\u{1b}\u{1b}",
    )
    .unwrap();
    // The events ran out while asking: that is a closed terminal, so the
    // draft is saved.
    assert!(matches!(ending, Ending::Saved(_)), "{ending:?}");

    let mut app = app_with(
        Lang::Nl,
        Draft::new("2026-11-23T09:00:00Z".parse().unwrap()),
    );
    press(&mut app, "zoektermijn\nZ-2026-000042\u{1b}\u{1b}");
    assert!(app.leaving, "Esc on the picker asks first");
    let screen = draw(&app, 80, 24).backend().to_string();
    assert!(screen.contains("Stoppen met invullen?"), "{screen}");
    assert!(
        screen.contains(&app.draft().id),
        "names the draft: {screen}"
    );
    press(&mut app, "x");
    assert!(app.leaving, "other keys do nothing while asking");
    press(&mut app, "n");
    assert!(!app.leaving && matches!(app.screen(), Screen::Picker(_)));
    assert_eq!(
        app.on_key(KeyEvent::from(KeyCode::Esc)),
        Some(Msg::Picker(picker::Msg::ClearOrBack))
    );
    press(&mut app, "\u{1b}");
    assert_eq!(app.on_key(KeyEvent::from(KeyCode::Enter)), Some(Msg::Quit));
    assert_eq!(app.update(Msg::Quit), [Effect::Quit]);
}

#[test]
fn esc_with_nothing_typed_leaves_at_once() {
    let mut app = app(Lang::En);
    press(&mut app, "zoek\u{1b}");
    assert!(
        matches!(app.screen(), Screen::Picker(_)),
        "first Esc clears the filter"
    );
    assert_eq!(
        app.update(Msg::Picker(picker::Msg::ClearOrBack)),
        [Effect::Quit]
    );
}

#[test]
fn an_amount_above_the_mandaat_goes_to_review_by_a_higher_role() {
    let mut app = app(Lang::Nl);
    press(&mut app, &to_review_with(900));
    let Screen::Sign(_) = app.screen() else {
        panic!("not at the review")
    };
    app.update(Msg::Sign(sign::Msg::Toggle));
    app.update(Msg::Sign(sign::Msg::Down));
    app.update(Msg::Sign(sign::Msg::Toggle));
    let screen = draw(&app, 100, 90).backend().to_string();
    assert!(
        screen.contains("Vereist beoordeling door teamleider"),
        "{screen}"
    );
    // Each limit that makes review necessary, by name.
    assert!(
        screen.contains("• voorschot € 900 > € 500 (consulent)"),
        "{screen}"
    );
    app.update(Msg::Sign(sign::Msg::ToggleRaw));
    let screen = draw(&app, 100, 90).backend().to_string();
    assert!(
        screen.contains("answer = \"900.00\"") && screen.contains("review_role = \"teamleider\""),
        "the preview holds the amount: {screen}"
    );
}

#[test]
fn a_window_too_small_keeps_the_state_and_comes_back() {
    let mut app = app(Lang::En);
    press(&mut app, "zoektermijn\nZ-2026-000042");
    let before = draw(&app, 80, 24).backend().to_string();
    let small = draw(&app, 30, 8).backend().to_string();
    assert!(small.contains("too small"), "{small}");
    assert!(!small.contains("Z-2026-000042"));
    let mut host = FakeHost::default();
    // What is typed blind into the small window does nothing.
    let mut events = vec![Ok(Event::Resize(30, 8))]
        .into_iter()
        .chain(keys("99\t\n\u{1b}x"))
        .chain([Ok(Event::Resize(80, 24))])
        .collect::<Vec<_>>()
        .into_iter();
    let mut terminal = Terminal::new(TestBackend::new(30, 8)).unwrap();
    run(&mut terminal, &mut app, &mut events, &mut host).unwrap();
    assert_eq!(draw(&app, 80, 24).backend().to_string(), before);
}

#[test]
fn every_hinted_key_is_handled_on_its_screen() {
    let steps = [
        "",
        "zoektermijn\n",
        "Z-2026-001234\n\n\n22-12-2026\n",
        "n",
        "1jjj450\njTwee sollicitaties per week bij het leerwerkloket.\n",
    ];
    for lang in [Lang::Nl, Lang::En] {
        let mut walk = app(lang);
        for text in steps {
            press(&mut walk, text);
            assert_hints_are_handled(&walk);
        }
        let mut review = app(lang);
        press(&mut review, &to_review());
        assert_hints_are_handled(&review);
        let mut signal = app(lang);
        press(
            &mut signal,
            "zoektermijn\nZ-2026-000099\n\n\n22-12-2026\nn3",
        );
        assert_hints_are_handled(&signal);
        let mut leaving = app(lang);
        press(&mut leaving, "zoektermijn\n\u{1b}\u{1b}");
        assert!(leaving.leaving);
        assert_hints_are_handled(&leaving);
        let mut done = app(lang);
        done.signed(Ok("MW-20261123-K7QF2XAB".into()));
        assert_hints_are_handled(&done);
    }
}

#[test]
fn a_notice_shows_on_the_first_screen_until_the_next_key() {
    let mut app = app(Lang::Nl).with_notice(Lang::Nl.draft_norm_changed_resume(2, 3));
    let screen = draw(&app, 80, 24).backend().to_string();
    assert!(
        screen.contains("⚠ Let op: de norm van dit concept is gewijzigd (versie 2 → 3)"),
        "{screen}"
    );
    assert!(screen.contains("Zoek:"), "the screen itself still shows");
    press(&mut app, "z");
    let screen = draw(&app, 80, 24).backend().to_string();
    assert!(!screen.contains("gewijzigd"), "{screen}");
}

#[test]
fn the_highlighted_row_is_marked_by_symbol_and_style_not_colour_alone() {
    let terminal = draw(&app(Lang::Nl), 80, 24);
    let buffer = terminal.backend().buffer();
    let row = (0..24)
        .find(|y| buffer[(1, *y)].symbol() == "▶")
        .expect("a marked row");
    assert!(buffer[(3, row)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn the_first_run_asks_the_host_to_open_an_existing_key_then_sets_up() {
    let key = Key::generate("anna").unwrap();
    let text = key.to_openssh(Some("juiste zin")).unwrap();
    let existing = crate::domain::keys::KeyFile::parse(&text).unwrap();
    let mut app = first_run(Lang::En, onboarding::KeySetup::Existing(existing));
    let mut host = FakeHost::default();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    // Name, principal, role (Enter keeps consulent), then a wrong passphrase.
    let mut events = keys("Anna\nanna@x\n\nfoute zin\n").into_iter();
    let ending = run(&mut terminal, &mut app, &mut events, &mut host).unwrap();
    assert_eq!(ending, Ending::Nothing, "nothing typed in the walkthrough");
    assert_eq!(
        host.keys_tried,
        ["foute zin"],
        "the host tried it, not update"
    );
    assert!(host.set_up.is_empty());
    let screen = terminal.backend().to_string();
    assert!(screen.contains("does not open the key"), "{screen}");

    let mut app = first_run(
        Lang::En,
        onboarding::KeySetup::Existing(crate::domain::keys::KeyFile::parse(&text).unwrap()),
    );
    let mut host = FakeHost::default();
    press(&mut app, "Anna\nanna@x\n\njuiste zin");
    let effects = app.update(Msg::Onboarding(onboarding::Msg::Submit));
    assert_eq!(
        effects,
        [Effect::CheckKey {
            use_found: false,
            passphrase: "juiste zin".into()
        }],
        "update only asks"
    );
    // Set up, and told so above the first screen.
    let mut first = first_run(Lang::Nl, onboarding::KeySetup::New);
    press(&mut first, "Anna de Wit\nanna@gemeente.example\n\n\n");
    let effects = first.update(Msg::Onboarding(onboarding::Msg::Submit));
    let [Effect::SetUp(identity)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let mut fresh = FakeHost::default();
    first.set_up(fresh.set_up(identity));
    let screen = draw(&first, 80, 24).backend().to_string();
    assert!(
        screen.contains("✓ Klaar: uw sleutel") && screen.contains("eerste beheerder"),
        "{screen}"
    );
    let mut events = keys("\nzoek").into_iter();
    let mut app = first_run(
        Lang::En,
        onboarding::KeySetup::Existing(crate::domain::keys::KeyFile::parse(&text).unwrap()),
    );
    press(&mut app, "Anna\nanna@x\n\njuiste zin");
    run(&mut terminal, &mut app, &mut events, &mut host).unwrap();
    assert_eq!(host.set_up.len(), 1, "set up once the key opened");
    assert_eq!(host.set_up[0].passphrase.as_deref(), Some("juiste zin"));
    assert!(
        matches!(app.screen(), Screen::Picker(_)),
        "the walkthrough begins"
    );
    assert_eq!(
        app.signatory().map(|s| s.grant.role.as_str()),
        Some("consulent")
    );
}

/// Typing narrows the list: a word keeps the norms that say it, a loose
/// match far weaker than the best is left out, and a typo in a title
/// still finds it.
#[test]
fn the_norm_filter_narrows() {
    let shown = |typed: &str| {
        let mut a = app(Lang::Nl);
        press(&mut a, typed);
        match a.screen() {
            Screen::Picker(p) => p
                .shown_ids()
                .iter()
                .map(|s| (*s).to_owned())
                .collect::<Vec<_>>(),
            _ => panic!("not on the picker"),
        }
    };
    let all = Catalog::bundled().norms().len();
    let jong = shown("jong");
    assert!(jong.len() <= 3 && jong.len() < all, "{jong:?}");
    assert_eq!(jong[0], "pw-zoektermijn-jongeren");
    assert_eq!(shown("zoekterm")[0], "pw-zoektermijn-jongeren");
    assert!(shown("huishoudelijke").contains(&"wmo-huishoudelijke-hulp-extra-uren".to_owned()));
    assert!(shown("xyzzy").is_empty());
}

/// "Another norm" and back to the same norm: the answers given stay.
#[test]
fn choosing_the_same_norm_again_keeps_the_answers() {
    let mut a = app(Lang::Nl);
    press(&mut a, "zoektermijn\nZ-2026-001234\n\n\n22-12-2026\nj");
    assert!(matches!(a.screen(), Screen::Checklist(_)));
    // The second check's condition fails: go for another norm.
    press(&mut a, "n2");
    assert!(matches!(a.screen(), Screen::Picker(_)), "on the picker");
    press(&mut a, "zoektermijn\n");
    a.sync();
    assert!(
        a.draft()
            .answers
            .iter()
            .any(|d| d.check == "leeftijd-onder-27"),
        "{:?}",
        a.draft().answers
    );
    // Another norm altogether starts afresh.
    let mut b = app(Lang::Nl);
    press(&mut b, "zoektermijn\nZ-2026-001234\n\n\n22-12-2026\njn2");
    press(&mut b, "doorbraak\n");
    assert!(b.draft().answers.is_empty(), "{:?}", b.draft().answers);
}

/// `?` opens help where nothing is typed: the picker and the sign screen
/// (off the passphrase); F1 everywhere.
#[test]
fn question_mark_and_f1_open_help_where_nothing_is_typed() {
    let mut draft = Draft::new("2026-11-23T09:00:00Z".parse().unwrap());
    draft.norm = Catalog::bundled()
        .get("pw-zoektermijn-jongeren")
        .map(crate::domain::draft::DraftNorm::of);
    draft.step = Step::Review;
    let mut a = app_with(Lang::Nl, draft);
    assert!(matches!(a.screen(), Screen::Sign(_)));
    press(&mut a, "?");
    assert!(a.help, "? opens help on the sign screen");
    press(&mut a, "\u{1b}");
    assert!(!a.help);
    let mut b = app(Lang::Nl);
    press(&mut b, "?");
    assert!(b.help, "? opens help on the picker");
    // A yes/no question: `?` is help; a text answer: `?` is typed.
    let mut c = app(Lang::Nl);
    press(&mut c, "zoektermijn\nZ-2026-001234\n\n\n22-12-2026\n");
    assert!(matches!(c.screen(), Screen::Checklist(_)));
    press(&mut c, "?");
    assert!(c.help, "? opens help on a yes/no question");
}

/// On the first run's form `?` is a character (names and addresses may hold
/// one) and F1 opens help, which Esc closes.
#[test]
fn f1_opens_help_on_the_first_run_and_question_marks_are_typed() {
    let mut first = first_run(Lang::Nl, onboarding::KeySetup::New);
    press(&mut first, "Anna?");
    let f1 = KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE);
    let msg = first.on_key(f1).unwrap();
    first.update(msg);
    let screen = draw(&first, 80, 24).backend().to_string();
    assert!(
        screen.contains("Toetsen") && screen.contains("werk-e-mailadres"),
        "{screen}"
    );
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let msg = first.on_key(esc).unwrap();
    first.update(msg);
    let screen = draw(&first, 80, 24).backend().to_string();
    assert!(screen.contains("Anna?"), "{screen}");
    assert!(screen.contains("F1 hulp"), "the bar names it: {screen}");
}

/// However small the window, the sign screen keeps the record readable and
/// the passphrase in view; scrolling stops at the record's end.
#[test]
fn the_sign_screen_keeps_the_record_in_view_and_scrolls_no_further_than_its_end() {
    let mut app = app(Lang::Nl);
    press(&mut app, &to_review());
    app.update(Msg::Sign(sign::Msg::Toggle));
    app.update(Msg::Sign(sign::Msg::Down));
    app.update(Msg::Sign(sign::Msg::Toggle));
    for (w, h) in [(50, 14), (60, 20)] {
        let screen = draw(&app, w, h).backend().to_string();
        assert!(screen.contains("De verantwoording"), "{w}x{h}: {screen}");
        assert!(screen.contains("MW-20261123-"), "{w}x{h}: {screen}");
        // The mandaat, and the evidence item in hand, are there too.
        assert!(screen.contains("Binnen uw mandaat"), "{w}x{h}: {screen}");
        assert!(screen.contains("[x] Bankafschriften"), "{w}x{h}: {screen}");
    }
    // Page by page at 60×20, no line of the record is skipped.
    let mut seen = String::new();
    for _ in 0..20 {
        seen.push_str(&draw(&app, 60, 20).backend().to_string());
        app.update(Msg::Sign(sign::Msg::ScrollPreview(1)));
    }
    for label in [
        "Zaak",
        "Besluitdatum",
        "Looptijd",
        "Norm",
        "Ondertekenaar",
        "Ondertekening",
    ] {
        assert!(seen.contains(&format!("││{label}")), "{label} never shown");
    }
    for _ in 0..20 {
        app.update(Msg::Sign(sign::Msg::ScrollPreview(-1)));
    }
    // Far past the end, then one page back: text again.
    for _ in 0..60 {
        app.update(Msg::Sign(sign::Msg::ScrollPreview(1)));
        draw(&app, 80, 24);
    }
    let end = draw(&app, 80, 24).backend().to_string();
    assert!(end.contains("Bewijsstukken in het dossier"), "{end}");
    app.update(Msg::Sign(sign::Msg::ScrollPreview(-1)));
    let back = draw(&app, 80, 24).backend().to_string();
    assert_ne!(back, end, "one PgUp moves the text back at once");
}

/// Enter on a norm marked ✗ says why above the screen, and stays.
#[test]
fn enter_on_a_norm_that_cannot_be_chosen_says_why_where_the_eye_is() {
    let mut app = app(Lang::Nl);
    press(&mut app, "buitenland\n");
    assert!(matches!(app.screen(), Screen::Picker(_)), "not chosen");
    let screen = draw(&app, 80, 24).backend().to_string();
    let first = screen.lines().nth(1).unwrap_or_default();
    assert!(first.contains("⚠ Niet te kiezen"), "{screen}");
}

/// Esc from the motivation goes back to the question just left.
#[test]
fn esc_from_the_motivation_returns_to_the_last_question() {
    let mut app = app(Lang::Nl);
    press(
        &mut app,
        "zoektermijn\nZ-2026-001234\n\n\n22-12-2026\njjj450\njTwee sollicitaties per week bij het leerwerkloket.\n",
    );
    assert!(matches!(app.screen(), Screen::Motivation(_)));
    press(&mut app, "\u{1b}");
    let screen = draw(&app, 80, 24).backend().to_string();
    assert!(screen.contains("Vraag 6 van 6"), "{screen}");
}

/// Signed for review: the last screen says who reviews it now.
#[test]
fn the_done_screen_says_who_reviews_a_decision_beyond_the_mandaat() {
    let mut app = app(Lang::Nl);
    press(&mut app, &to_review_with(900));
    app.update(Msg::Sign(sign::Msg::Toggle));
    app.update(Msg::Sign(sign::Msg::Down));
    app.update(Msg::Sign(sign::Msg::Toggle));
    app.signed(Ok("MW-20261123-K7QF2XAB".into()));
    let screen = draw(&app, 80, 24).backend().to_string();
    assert!(
        screen.contains("wacht nu op beoordeling door een teamleider"),
        "{screen}"
    );
    // The keyring of this test holds nobody who reviews: said, with how.
    let joined = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(joined.contains("nog niemand die als"), "{screen}");
    assert!(joined.contains("maatwerk keyring add"), "{screen}");
}

/// A field's reason is shown whole at every window height the walkthrough
/// supports: the field in focus is never squeezed.
#[test]
fn a_refused_fields_reason_shows_at_every_height() {
    let mut app = app(Lang::Nl);
    press(&mut app, "zoektermijn\nZ-2026-001234\n");
    let erase = KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE);
    for _ in 0..10 {
        let msg = app.on_key(erase).unwrap();
        app.update(msg);
    }
    press(&mut app, "24-11-2026\n");
    for (w, h) in [(50, 14), (50, 16), (60, 16), (60, 17), (60, 18), (80, 24)] {
        let screen = draw(&app, w, h).backend().to_string();
        assert!(screen.contains("▶ Besluitdatum"), "{w}x{h}: {screen}");
        assert!(screen.contains("ligt na vandaag"), "{w}x{h}: {screen}");
    }
}
