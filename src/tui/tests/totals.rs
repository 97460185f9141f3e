//! Totals over several decisions in the walkthrough: counted in the store
//! once case and date are known, said beside the summed question as the
//! amount is typed, and part of the record the sign screen previews.

use super::*;
use crate::domain::number::Decimal;
use crate::domain::store::Earlier;

/// Norm, case and period, the three confirmations, the kind of cost and
/// the day the costs were made
/// for pw-bijzondere-bijstand-boven-grens; then `amount` typed.
fn to_amount(amount: &str) -> String {
    format!("boven-grens\nZ-2026-0042\n\n\n22-12-2026\njjj\n10-11-2026\n{amount}")
}

fn host_with(earlier: i64) -> FakeHost {
    FakeHost {
        earlier: vec![Earlier {
            total: "boven-grens-per-kalenderjaar".into(),
            amount: Decimal::new(earlier, 0),
            decisions: vec!["MW-2026-03-01-AAAA".into()],
        }],
        ..FakeHost::default()
    }
}

#[test]
fn the_summed_question_says_what_earlier_decisions_came_to() {
    let mut app = app(Lang::Nl);
    let mut host = host_with(4000);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut events = keys(&to_amount("450")).into_iter();
    run(&mut terminal, &mut app, &mut events, &mut host).unwrap();
    // Counted once, for the case as the store compares it and the date.
    assert_eq!(host.counted.len(), 1, "{:?}", host.counted);
    assert_eq!(host.counted[0].case, "Z-2026-42");
    assert_eq!(host.counted[0].on, date(2026, 11, 23));
    let screen = terminal.backend().to_string();
    assert!(
        screen
            .contains("Deze zaak: al € 4.000, van ten hoogste € 5.000 (in 2026); met dit bedrag €")
            && screen.contains("4.450, nog € 550 over"),
        "{screen}"
    );
    snapshot("checklist_total_so_far", &terminal);

    // € 200 is within a consulent's mandaat, but past the € 5.000 a year
    // with € 4.900 before: the live line names the afdelingshoofd.
    let mut other = super::app(Lang::Nl);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut events = keys(&to_amount("200")).into_iter();
    run(&mut terminal, &mut other, &mut events, &mut host_with(4900)).unwrap();
    let screen = terminal.backend().to_string();
    assert!(!screen.contains("Binnen uw mandaat"), "{screen}");
    assert!(screen.contains("afdelingshoofd"), "{screen}");
}

#[test]
fn past_the_total_the_preview_goes_to_the_role_the_norm_names() {
    let motivation = format!(
        "{LONG} {LONG}\t{LONG} {LONG}\t{LONG} {LONG}\t{LONG} {LONG}\tWil werken.\tJongerenloket.\tGeen ontruiming.\u{13}"
    );
    for (earlier, role) in [(0, "teamleider"), (4900, "afdelingshoofd")] {
        let mut app = app(Lang::Nl);
        let mut host = host_with(earlier);
        let mut terminal = Terminal::new(TestBackend::new(100, 40)).unwrap();
        let typed = format!("{}\n{motivation} ↓ ", to_amount("1000"));
        let mut events = keys(&typed).into_iter();
        run(&mut terminal, &mut app, &mut events, &mut host).unwrap();
        let Screen::Sign(sign) = app.screen() else {
            panic!("not at the sign screen: {}", terminal.backend());
        };
        // € 1.000 is beyond a consulent's € 500 either way; with € 4.900
        // before it also goes past the € 5.000 a year.
        assert_eq!(sign.review_role(), Some(role), "{earlier}");
        let record = sign.record().unwrap();
        assert_eq!(record.totals.len(), 1);
        assert_eq!(record.totals[0].earlier, Decimal::new(earlier, 0));
        assert_eq!(record.totals[0].total, Decimal::new(earlier + 1000, 0));
        // The screen says why: the mandaat, and past the total the total.
        let screen = terminal.backend().to_string();
        assert!(screen.contains("bedrag € 1.000 > € 500"), "{screen}");
        assert_eq!(
            screen.contains("met eerdere besluiten € 5.900 > € 5.000"),
            earlier > 0,
            "{screen}"
        );
    }
}

#[test]
fn another_case_or_date_is_counted_again() {
    let mut app = app(Lang::Nl);
    let mut host = host_with(100);
    // To the summed question, back to the case, another case, on again.
    let typed = format!("{}\u{1b}\u{1b}\u{1b}\u{1b}\u{1b}\u{1b}", to_amount(""));
    drive(&mut app, &mut host, &format!("{typed}\u{3}")).unwrap();
    assert_eq!(host.counted.len(), 1);
    let Screen::Case(_) = app.screen() else {
        panic!("not back at the case");
    };
    press(&mut app, "1\n\n\n\n");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    run(&mut terminal, &mut app, &mut std::iter::empty(), &mut host).unwrap();
    assert_eq!(host.counted.len(), 2, "{:?}", host.counted);
    assert_eq!(host.counted[1].case, "Z-2026-421");
}

/// A date that must lie shortly before the decision date is said at the
/// question, with the days it may be.
#[test]
fn a_date_too_long_before_the_decision_is_said_at_the_question() {
    let mut app = app(Lang::Nl);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let keys = keys("boven-grens\nZ-2026-0042\n\n\n22-12-2026\njjj\n01-08-2026\n");
    run(
        &mut terminal,
        &mut app,
        &mut keys.into_iter(),
        &mut host_with(0),
    )
    .unwrap();
    let screen = terminal.backend().to_string();
    assert!(
        screen.contains("moet liggen van 23 augustus 2026 t/m 23 november 2026"),
        "{screen}"
    );
    assert!(
        screen.contains("Vraag 5 van 6"),
        "still at the question: {screen}"
    );
}
