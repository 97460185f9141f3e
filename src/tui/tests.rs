//! The walkthrough as a whole: pure updates, whole-screen snapshots, keys.

use std::io;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use jiff::Timestamp;
use jiff::civil::date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

use super::onboarding::{self, Identity};
use super::*;
use crate::domain::clock::Clock;
use crate::domain::draft::{Draft, Step};
use crate::domain::keyring::Grant;
use crate::domain::keys::{Fingerprint, Signer as Key};
use crate::domain::norm::catalog::Catalog;
use crate::i18n::Lang;

fn clock() -> Clock {
    Clock::fixed("2026-11-23T09:30:00Z".parse().unwrap())
}

fn signer(role: &str, needs_passphrase: bool) -> Signatory {
    let key = Key::generate("anna").unwrap();
    Signatory {
        grant: Grant {
            entry_id: "KR-1".into(),
            entry_hash: "sha256:kr1".into(),
            principal: "anna@gemeente.example".into(),
            name: "Anna de Wit".into(),
            role: role.into(),
            beheerder: false,
            fingerprint: Fingerprint::of(key.public_key()),
            key: key.public_key().clone(),
            from: "2026-01-01T00:00:00Z".parse().unwrap(),
            until: None,
        },
        needs_passphrase,
        next_seq: 4,
        prev: Some("sha256:abc".into()),
        state: crate::domain::testing::adopted_state(),
    }
}

fn app_with(lang: Lang, draft: Draft) -> App {
    App::new(
        lang,
        Catalog::bundled(),
        clock(),
        signer("consulent", false),
        draft,
    )
}

fn first_run(lang: Lang, key: onboarding::KeySetup) -> App {
    App::first_run(
        lang,
        Catalog::bundled(),
        clock(),
        onboarding::Onboarding::new(lang, key),
        Draft::new("2026-11-23T09:00:00Z".parse().unwrap()),
    )
}

fn app(lang: Lang) -> App {
    app_with(lang, Draft::new("2026-11-23T09:00:00Z".parse().unwrap()))
}

#[derive(Default)]
struct FakeHost {
    saves: Vec<Draft>,
    discarded: Vec<String>,
    signed: Vec<(String, Option<String>)>,
    signals: Vec<(Option<String>, String)>,
    keys_tried: Vec<String>,
    set_up: Vec<Identity>,
    /// What earlier decisions came to, per total, and the counts asked.
    earlier: Vec<crate::domain::store::Earlier>,
    counted: Vec<crate::tui::app::Counting>,
    /// Saves and discards of drafts, in order.
    draft_log: Vec<&'static str>,
}

impl Host for FakeHost {
    fn save_draft(&mut self, draft: &Draft) -> io::Result<()> {
        self.saves.push(draft.clone());
        self.draft_log.push("save");
        Ok(())
    }
    fn discard_draft(&mut self, id: &str) -> io::Result<()> {
        self.discarded.push(id.to_owned());
        self.draft_log.push("discard");
        Ok(())
    }
    fn count_earlier(
        &mut self,
        _: &Draft,
        counting: &crate::tui::app::Counting,
    ) -> Result<Vec<crate::domain::store::Earlier>, String> {
        self.counted.push(counting.clone());
        Ok(self.earlier.clone())
    }
    fn sign(
        &mut self,
        _: &Draft,
        record_id: &str,
        _: Timestamp,
        passphrase: Option<&str>,
    ) -> Result<String, String> {
        if passphrase == Some("fout") {
            return Err("verkeerde wachtwoordzin".into());
        }
        self.signed
            .push((record_id.to_owned(), passphrase.map(str::to_owned)));
        Ok(record_id.to_owned())
    }
    fn log_signal(
        &mut self,
        _: &Draft,
        check: Option<&str>,
        text: &str,
        _: Option<&str>,
    ) -> Result<String, String> {
        self.signals
            .push((check.map(str::to_owned), text.to_owned()));
        Ok("SG-20261123-AAAAAAAA".into())
    }
    fn check_key(&mut self, _: bool, passphrase: &str) -> bool {
        self.keys_tried.push(passphrase.to_owned());
        passphrase == "juiste zin"
    }
    fn set_up(&mut self, identity: &Identity) -> Result<(Signatory, Catalog), String> {
        self.set_up.push(identity.clone());
        Ok((
            signer(&identity.role, identity.passphrase.is_some()),
            Catalog::bundled(),
        ))
    }
}

/// Keys as a person types them: `\n` Enter, `\t` Tab, `\x1b` Esc,
/// `\x13` Ctrl-S, `\x03` Ctrl-C, `↓` the arrow down.
fn keys(text: &str) -> Vec<io::Result<Event>> {
    text.chars()
        .map(|c| {
            let key = match c {
                '\n' => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
                '\t' => KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE),
                '\u{1b}' => KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
                '\u{13}' => KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
                '\u{3}' => KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
                '↓' => KeyEvent::new(KeyCode::Down, KeyModifiers::NONE),
                c => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
            };
            Ok(Event::Key(key))
        })
        .collect()
}

fn drive(app: &mut App, host: &mut FakeHost, text: &str) -> io::Result<Ending> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut events = keys(text).into_iter();
    run(&mut terminal, app, &mut events, host)
}

/// Meaning must survive without colour (`NO_COLOR`, monochrome
/// terminals): the screens use bold, reverse, dim and symbols only.
fn assert_no_colour(terminal: &Terminal<TestBackend>, name: &str) {
    for (i, cell) in terminal.backend().buffer().content.iter().enumerate() {
        assert!(
            cell.fg == ratatui::style::Color::Reset && cell.bg == ratatui::style::Color::Reset,
            "{name}: cell {i} ({:?}) is coloured {:?} on {:?}",
            cell.symbol(),
            cell.fg,
            cell.bg
        );
    }
}

/// A whole-screen snapshot, which must also be free of colour.
fn snapshot(name: &str, terminal: &Terminal<TestBackend>) {
    masked_snapshot(name, terminal, &[]);
}

/// As [`snapshot`], with the random part of ids and key fingerprints
/// replaced by `*` of the same width wherever they are on screen, so the
/// layout is still compared.
fn masked_snapshot(name: &str, terminal: &Terminal<TestBackend>, random: &[&str]) {
    assert_no_colour(terminal, name);
    let mut screen = terminal.backend().to_string();
    for value in random {
        // The value, or as much of it as the screen shows before a border.
        let shown = (16..=value.len())
            .rev()
            .map(|len| &value[..len])
            .find(|part| screen.contains(part));
        if let Some(part) = shown {
            // Keep what is not random: `sha256:`, `SHA256:`, or an id's
            // prefix and date.
            let keep = part.find(':').map_or(part.len().min(12), |i| i + 1);
            let mask = format!("{}{}", &part[..keep], "*".repeat(part.len() - keep));
            screen = screen.replace(part, &mask);
        }
    }
    insta::assert_snapshot!(name.to_owned(), screen);
}

fn press(app: &mut App, text: &str) {
    for event in keys(text) {
        if let Ok(Event::Key(k)) = event
            && let Some(m) = app.on_key(k)
        {
            app.update(m);
        }
    }
}

/// Every key a hint on `app`'s current screen names is handled there.
fn assert_hints_are_handled(app: &App) {
    for hint in app.hints() {
        for key in hinted_keys(hint.keys) {
            assert!(
                app.on_key(key).is_some(),
                "{}: the hint {:?} names {key:?}, which does nothing",
                app.title(),
                hint.keys
            );
        }
    }
}

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal
}

const LONG: &str =
    "De jongere heeft sinds oktober geen inkomen en de huur van november is niet betaald.";

/// Norm, case, checks and motivation for pw-zoektermijn-jongeren.
fn to_review() -> String {
    to_review_with(450)
}

/// As [`to_review`], with an advance of `amount` euro.
fn to_review_with(amount: u32) -> String {
    let motivation = format!(
        "{LONG} Extra.\t{LONG} Extra.\t{LONG} Extra.\t{LONG} Extra.\tWil werken.\tJongerenloket.\tGeen ontruiming.\u{13}"
    );
    format!(
        "zoektermijn\nZ-2026-001234\n\n\n22-12-2026\njjj{amount}\njTwee sollicitaties per week bij het leerwerkloket.\n{motivation}"
    )
}

#[test]
fn ctrl_c_after_signing_closes_with_the_record_and_saves_no_draft() {
    // Closing the signed screen with any key, and with Ctrl-C, end alike.
    let mut saves = Vec::new();
    for last in ["x", "\u{3}"] {
        let mut app = app(Lang::Nl);
        let mut host = FakeHost::default();
        let events = keys(&format!("{} ↓ \n{last}", to_review()));
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let ending = run(&mut terminal, &mut app, &mut events.into_iter(), &mut host).unwrap();
        let id = app.record_id().unwrap().to_owned();
        assert_eq!(ending, Ending::Signed(id), "{last:?}");
        assert_eq!(host.discarded, [app.draft().id.clone()], "{last:?}");
        saves.push(host.saves.len());
    }
    assert_eq!(saves[0], saves[1], "no draft saved again after signing");
}

#[test]
fn a_caseworker_goes_from_norm_to_signed_record() {
    let mut app = app(Lang::Nl);
    let mut host = FakeHost::default();
    // Review: confirm the two required evidence items, then sign; any key closes.
    let events = keys(&format!("{} ↓ \nx", to_review()));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let ending = run(&mut terminal, &mut app, &mut events.into_iter(), &mut host).unwrap();
    let id = app.record_id().unwrap().to_owned();
    assert_eq!(ending, Ending::Signed(id.clone()));
    assert_eq!(host.signed, [(id.clone(), None)]);
    assert_eq!(
        host.discarded,
        [app.draft().id.clone()],
        "a signed draft is discarded"
    );
    let last = host.saves.last().unwrap();
    assert_eq!(last.case, "Z-2026-001234");
    assert_eq!(last.period_end, Some(date(2026, 12, 23)));
    assert_eq!(last.evidence, ["gespreksverslag", "bankafschriften"]);
    assert!(host.saves.len() >= 6, "saved on every step");
}

/// A window closed (or a connection lost) on the last screen, after
/// signing: no draft is saved again to be signed twice, and the id of
/// what was signed is still given.
#[test]
fn a_window_closed_after_signing_keeps_no_draft() {
    let mut app = app(Lang::Nl);
    let mut host = FakeHost::default();
    // Signed; then the events end without a key on the last screen.
    let events = keys(&format!("{} ↓ \n", to_review()));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let ending = run(&mut terminal, &mut app, &mut events.into_iter(), &mut host).unwrap();
    let id = app.record_id().unwrap().to_owned();
    assert_eq!(ending, Ending::Signed(id));
    assert_eq!(host.discarded, [app.draft().id.clone()]);
    assert_eq!(
        host.draft_log.last(),
        Some(&"discard"),
        "{:?}",
        host.draft_log
    );
}

#[test]
fn the_review_shows_the_record_as_it_will_be_stored_and_the_mandate() {
    let mut app = app(Lang::Nl);
    let mut host = FakeHost::default();
    let mut events = keys(&to_review());
    events.extend(keys("\u{3}"));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let ending = run(&mut terminal, &mut app, &mut events.into_iter(), &mut host).unwrap();
    assert!(matches!(ending, Ending::Saved(_)));
    let mut app = app_with(Lang::Nl, host.saves.last().unwrap().clone());
    assert!(
        matches!(app.screen(), Screen::Sign(_)),
        "resumed at the review"
    );
    let screen = draw(&app, 100, 40).backend().to_string();
    assert!(screen.contains("Nog niet te ondertekenen"), "{screen}");
    app.update(Msg::Sign(sign::Msg::Toggle));
    app.update(Msg::Sign(sign::Msg::Down));
    app.update(Msg::Sign(sign::Msg::Toggle));
    let screen = draw(&app, 100, 40).backend().to_string();
    assert!(screen.contains("✓ Binnen uw mandaat"), "{screen}");
    assert!(screen.contains("opgesteld en vastgesteld"));
    // The record as `show` prints it: labelled, amounts and dates as
    // people write them.
    for text in [
        "Zaak              Z-2026-001234",
        "23 november 2026 t/m 22 december 2026",
        "→ € 450",
    ] {
        assert!(screen.contains(text), "{text}: {screen}");
    }
    // Ctrl-R: the exact text that is signed and stored.
    let key = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
    let msg = app.on_key(key).unwrap();
    app.update(msg);
    let screen = draw(&app, 100, 40).backend().to_string();
    assert!(
        screen.contains("seq = 4"),
        "the preview is the record: {screen}"
    );
    assert!(screen.contains(&format!("id = \"{}\"", app.record_id().unwrap())));
}

#[test]
fn a_failed_condition_can_become_a_signal() {
    let mut app = app(Lang::Nl);
    let mut host = FakeHost::default();
    let ending = drive(
        &mut app,
        &mut host,
        "zoektermijn\nZ-2026-000099\n\n\n22-12-2026\nn3Inwoner is 28 en heeft toch acuut hulp nodig bij de huur.\u{13}x",
    )
    .unwrap();
    assert_eq!(ending, Ending::Signal("SG-20261123-AAAAAAAA".into()));
    assert_eq!(host.signals[0].0.as_deref(), Some("leeftijd-onder-27"));
    assert!(host.signals[0].1.starts_with("Inwoner is 28"));
}

#[test]
fn a_wrong_passphrase_is_said_and_nothing_leaves() {
    let mut app = App::new(
        Lang::Nl,
        Catalog::bundled(),
        clock(),
        signer("consulent", true),
        Draft::new("2026-11-23T09:00:00Z".parse().unwrap()),
    );
    let mut host = FakeHost::default();
    let events = keys(&format!("{} ↓ fout\n\u{3}", to_review()));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let ending = run(&mut terminal, &mut app, &mut events.into_iter(), &mut host).unwrap();
    assert!(matches!(ending, Ending::Saved(_)));
    assert!(host.signed.is_empty());
    assert!(host.discarded.is_empty());
}

#[test]
fn keys_and_help() {
    let mut app = app(Lang::Nl);
    let release = KeyEvent {
        kind: KeyEventKind::Release,
        ..KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE)
    };
    assert_eq!(app.on_key(release), None, "key releases are ignored");
    app.update(Msg::ToggleHelp);
    let screen = draw(&app, 80, 24).backend().to_string();
    assert!(
        screen.contains("Toetsen") && screen.contains("concept"),
        "{screen}"
    );
    // On the picker, help says what ✗ means.
    assert!(
        screen.contains("✗ voor een norm: die kunt u nu niet kiezen"),
        "{screen}"
    );
}

#[test]
fn screens_in_both_languages_and_sizes() {
    // Every screen at each size a caseworker's terminal may have.
    let at_sizes = |name: &str, app: &App, random: &[&str]| {
        for (w, h) in [(60, 20), (80, 24), (100, 30), (120, 40)] {
            masked_snapshot(&format!("{name}_{w}x{h}"), &draw(app, w, h), random);
        }
    };
    for lang in [Lang::Nl, Lang::En] {
        let code = if lang == Lang::Nl { "nl" } else { "en" };
        let mut walk = app(lang);
        at_sizes(&format!("picker_{code}"), &walk, &[]);
        for (step, text) in [
            ("case", "zoektermijn\n"),
            ("checklist", "Z-2026-001234\n\n\n22-12-2026\n"),
            ("checklist_failed", "n"),
            (
                "motivation",
                "1jjj450\njTwee sollicitaties per week bij het leerwerkloket.\n",
            ),
        ] {
            press(&mut walk, text);
            at_sizes(&format!("{step}_{code}"), &walk, &[]);
        }
        press(&mut walk, &"\u{1b}".repeat(8));
        assert!(matches!(walk.screen(), Screen::Picker(_)), "Esc went back");
        press(&mut walk, "\u{1b}");
        at_sizes(&format!("leaving_{code}"), &walk, &[&walk.draft().id]);

        let mut review = app_with(lang, Draft::new("2026-11-23T09:00:00Z".parse().unwrap()));
        press(&mut review, &to_review());
        review.update(Msg::Sign(sign::Msg::Toggle));
        review.update(Msg::Sign(sign::Msg::Down));
        review.update(Msg::Sign(sign::Msg::Toggle));
        let record_id = review.record_id().unwrap_or_default().to_owned();
        let fingerprint = review
            .signatory()
            .map(|s| s.grant.fingerprint.to_string())
            .unwrap_or_default();
        let state = crate::domain::testing::adopted_state();
        let heads: Vec<String> = state
            .keyring
            .heads()
            .into_iter()
            .chain(state.adoptions.heads())
            .collect();
        let mut random: Vec<&str> = vec![&record_id, &fingerprint];
        random.extend(heads.iter().map(String::as_str));
        at_sizes(&format!("review_{code}"), &review, &random);

        let mut signal = app_with(lang, Draft::new("2026-11-23T09:00:00Z".parse().unwrap()));
        press(
            &mut signal,
            "zoektermijn\nZ-2026-000099\n\n\n22-12-2026\nn3Inwoner is 28.",
        );
        at_sizes(&format!("signal_{code}"), &signal, &[]);

        let mut done = app(lang);
        done.signed(Ok("MW-20261123-K7QF2XAB".into()));
        at_sizes(&format!("done_{code}"), &done, &[]);

        let mut help = app(lang);
        help.update(Msg::ToggleHelp);
        at_sizes(&format!("help_{code}"), &help, &[]);

        let mut earlier = Draft::new("2026-11-23T08:00:00Z".parse().unwrap());
        earlier.case = "Z-2026-000042".into();
        let unnamed = Draft::new("2026-11-20T08:00:00Z".parse().unwrap());
        let drafts = app(lang).offering_drafts(vec![earlier.clone(), unnamed.clone()]);
        at_sizes(&format!("drafts_{code}"), &drafts, &[]);

        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let mut first = first_run(lang, onboarding::KeySetup::New);
        let mut events = keys("Anna de Wit\n").into_iter();
        let mut host = FakeHost::default();
        assert_eq!(
            run(&mut terminal, &mut first, &mut events, &mut host).unwrap(),
            Ending::Nothing
        );
        snapshot(&format!("onboarding_{code}_80x24"), &terminal);
    }
    let narrow = app(Lang::Nl);
    snapshot("too_small_nl_40x10", &draw(&narrow, 40, 10));
    // The first run on the smallest window it works in, focus on the role
    // and on the last field: the focused slot always shows whole.
    let mut first = first_run(Lang::Nl, onboarding::KeySetup::New);
    press(&mut first, "Anna de Wit\nanna@gemeente.example\n");
    snapshot("onboarding_nl_role_50x14", &draw(&first, 50, 14));
    press(&mut first, "\n\n");
    snapshot("onboarding_nl_last_50x14", &draw(&first, 50, 14));
}

/// The key presses a hint's label stands for.
fn hinted_keys(label: &str) -> Vec<KeyEvent> {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    label
        .split([' ', '/'])
        .flat_map(|part| match part {
            "↑↓" => vec![plain(KeyCode::Up), plain(KeyCode::Down)],
            "←→" => vec![plain(KeyCode::Left), plain(KeyCode::Right)],
            "Enter" | "⏎" => vec![plain(KeyCode::Enter)],
            "Esc" => vec![plain(KeyCode::Esc)],
            "Tab" => vec![plain(KeyCode::Tab)],
            "Shift-Tab" => vec![plain(KeyCode::BackTab)],
            "PgUp" => vec![plain(KeyCode::PageUp)],
            "PgDn" => vec![plain(KeyCode::PageDown)],
            "F1" => vec![plain(KeyCode::F(1))],
            "Spatie" | "Space" => vec![plain(KeyCode::Char(' '))],
            "Ctrl-S" => vec![ctrl('s')],
            "Ctrl-R" => vec![ctrl('r')],
            "Ctrl-C" => vec![ctrl('c')],
            "abc" => vec![plain(KeyCode::Char('a'))],
            one if one.chars().count() == 1 => {
                vec![plain(KeyCode::Char(one.chars().next().unwrap_or(' ')))]
            }
            other => panic!("hint {label:?}: unknown key {other:?}"),
        })
        .collect()
}

mod keys_and_screens;
mod resume;
mod totals;

/// A store not synced for long is said above the first screen, and again
/// on the screen where the record is signed — not on the steps between.
#[test]
fn a_store_not_synced_for_long_is_said_first_and_where_one_signs() {
    const NOTE: &str = "Deze opslag is voor het laatst 4 dagen geleden gesynchroniseerd";
    let mut first = app(Lang::Nl).with_unsynced(format!("{NOTE}."));
    let screen = draw(&first, 100, 40).backend().to_string();
    assert!(
        screen.contains("⚠ Deze opslag is voor het laatst"),
        "{screen}"
    );
    let key = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::NONE);
    let msg = first.on_key(key).unwrap();
    first.update(msg);
    let screen = draw(&first, 100, 40).backend().to_string();
    assert!(!screen.contains("Deze opslag is voor"), "{screen}");

    let mut host = FakeHost::default();
    let mut events = keys(&to_review());
    events.extend(keys("\u{3}"));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    run(
        &mut terminal,
        &mut app(Lang::Nl),
        &mut events.into_iter(),
        &mut host,
    )
    .unwrap();
    let mut app =
        app_with(Lang::Nl, host.saves.last().unwrap().clone()).with_unsynced(format!("{NOTE}."));
    assert!(matches!(app.screen(), Screen::Sign(_)));
    app.update(Msg::Sign(sign::Msg::Down));
    let screen = draw(&app, 100, 40).backend().to_string();
    assert!(
        screen.contains("⚠ Deze opslag is voor het laatst"),
        "{screen}"
    );
}
