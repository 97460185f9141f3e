//! The inbox: pure updates, the loop with a fake host, whole-screen
//! snapshots in both languages and at a narrow size.

use std::io;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::host::waiting;
use super::run::{ReviewHost, run};
use super::*;
use crate::domain::testing;

fn items(lang: Lang) -> Vec<Waiting> {
    let today = jiff::civil::date(2026, 11, 25);
    vec![
        waiting(
            lang,
            testing::subject("pw-zoektermijn-jongeren", 900.0),
            today,
        ),
        waiting(lang, testing::subject("mw-doorbraakbudget", 1800.0), today),
    ]
}

fn make(lang: Lang, needs_passphrase: bool) -> Inbox {
    Inbox::new(
        lang,
        "Tom Teamleider (teamleider)".into(),
        items(lang),
        needs_passphrase,
        "2026-11-25T10:00:00Z".parse().unwrap(),
    )
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Presses `keys` and gathers the effects.
fn press(inbox: &mut Inbox, keys: &[KeyEvent]) -> Vec<Effect> {
    let mut effects = Vec::new();
    for k in keys {
        if let Some(msg) = inbox.on_key(*k) {
            effects.extend(inbox.update(msg));
        }
    }
    effects
}

fn typed(text: &str) -> Vec<KeyEvent> {
    text.chars().map(|c| key(KeyCode::Char(c))).collect()
}

#[test]
fn a_team_lead_reads_a_record_returns_it_with_a_remark_and_signs() {
    let mut inbox = make(Lang::Nl, false);
    press(&mut inbox, &[key(KeyCode::Down), key(KeyCode::Up)]);
    assert_eq!(inbox.selected, 0);
    press(&mut inbox, &[key(KeyCode::Enter)]);
    assert!(matches!(inbox.mode(), Mode::Reading { norm: false, .. }));
    press(&mut inbox, &[key(KeyCode::Tab)]);
    assert!(matches!(inbox.mode(), Mode::Reading { norm: true, .. }));
    press(&mut inbox, &[key(KeyCode::Enter)]);
    let Mode::Verdict(form) = inbox.mode() else {
        panic!("not on the verdict")
    };
    assert_eq!(form.verdict, Verdict::Approve, "approve is offered first");
    // Returning without a remark is refused at the remark.
    let effects = press(&mut inbox, &[key(KeyCode::F(6)), ctrl('s')]);
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::Sign { .. })),
        "{effects:?}"
    );
    let Mode::Verdict(form) = inbox.mode() else {
        panic!("left the verdict")
    };
    assert_eq!(form.focus, Focus::Remark);
    assert!(
        form.error
            .as_deref()
            .unwrap_or_default()
            .contains("opmerking")
    );
    // Every change is kept as it is typed.
    let effects = press(&mut inbox, &typed("Onderbouw het bedrag."));
    assert_eq!(effects.len(), "Onderbouw het bedrag.".len());
    assert!(matches!(
        effects.last(),
        Some(Effect::SaveRemark(d)) if d.remark == "Onderbouw het bedrag." && d.verdict == Some(Verdict::Return)
    ));
    let effects = press(&mut inbox, &[ctrl('s')]);
    let record = inbox.items()[0].subject.stored.record.id.clone();
    assert_eq!(
        effects,
        [Effect::Sign {
            record: record.clone(),
            verdict: Verdict::Return,
            remark: Some("Onderbouw het bedrag.".into()),
            passphrase: None,
        }]
    );
    inbox.signed_result(Ok(Signed {
        id: "RV-20261125-7X41JRQT".into(),
        record,
        verdict: Verdict::Return,
        passed_on: None,
    }));
    assert!(matches!(inbox.mode(), Mode::Done(_)));
    assert_eq!(inbox.signed(), ["RV-20261125-7X41JRQT"]);
    assert_eq!(press(&mut inbox, &[key(KeyCode::Enter)]), [Effect::Reload]);
    inbox.reloaded(items(Lang::Nl).split_off(1));
    assert!(matches!(inbox.mode(), Mode::List));
    assert_eq!(inbox.items().len(), 1);
}

#[test]
fn a_passphrase_is_asked_and_a_wrong_one_is_said_there() {
    let mut inbox = make(Lang::En, true);
    press(
        &mut inbox,
        &[key(KeyCode::Enter), key(KeyCode::Enter), ctrl('s')],
    );
    let Mode::Verdict(form) = inbox.mode() else {
        panic!("left the verdict")
    };
    assert_eq!(form.focus, Focus::Passphrase);
    let mut keys = typed("geheim");
    keys.push(ctrl('s'));
    let effects = press(&mut inbox, &keys);
    assert!(matches!(
        effects.as_slice(),
        [Effect::Sign { passphrase: Some(p), verdict: Verdict::Approve, remark: None, .. }] if p == "geheim"
    ));
    inbox.signed_result(Err(Lang::En.wrong_passphrase()));
    let Mode::Verdict(form) = inbox.mode() else {
        panic!("left the verdict")
    };
    assert!(
        form.passphrase
            .as_ref()
            .and_then(|p| p.error.as_ref())
            .is_some()
    );
}

#[test]
fn what_was_typed_comes_back_and_leaving_keeps_it() {
    let kept = RemarkDraft {
        record: items(Lang::Nl)[0].subject.stored.record.id.clone(),
        verdict: Some(Verdict::Reject),
        remark: "Geen grond in de norm.".into(),
        updated: "2026-11-24T10:00:00Z".parse().unwrap(),
    };
    let mut inbox = make(Lang::Nl, false).with_kept(vec![kept.clone()]);
    press(&mut inbox, &[key(KeyCode::Enter), key(KeyCode::Enter)]);
    let Mode::Verdict(form) = inbox.mode() else {
        panic!("not on the verdict")
    };
    assert_eq!(form.verdict, Verdict::Reject);
    assert_eq!(form.remark.lines().join("\n"), kept.remark);
    assert_eq!(press(&mut inbox, &[ctrl('c')]), [Effect::Quit]);
    assert_eq!(inbox.typed().map(|d| d.remark), Some(kept.remark));
    // Esc on the list leaves; nothing is being typed there.
    let mut inbox = inbox_empty();
    assert_eq!(press(&mut inbox, &[key(KeyCode::Esc)]), [Effect::Quit]);
    assert_eq!(inbox.typed(), None);
}

fn inbox_empty() -> Inbox {
    Inbox::new(
        Lang::Nl,
        "Tom Teamleider (teamleider)".into(),
        Vec::new(),
        false,
        "2026-11-25T10:00:00Z".parse().unwrap(),
    )
}

#[derive(Default)]
struct FakeHost {
    kept: Vec<RemarkDraft>,
    signed: Vec<(String, Verdict, Option<String>)>,
}

impl ReviewHost for FakeHost {
    fn save_remark(&mut self, draft: &RemarkDraft) -> io::Result<()> {
        self.kept.push(draft.clone());
        Ok(())
    }

    fn sign(
        &mut self,
        record: &str,
        verdict: Verdict,
        remark: Option<&str>,
        _passphrase: Option<&str>,
    ) -> Result<Signed, String> {
        self.signed
            .push((record.to_owned(), verdict, remark.map(str::to_owned)));
        Ok(Signed {
            id: "RV-20261125-AAAAAAAA".into(),
            record: record.to_owned(),
            verdict,
            passed_on: None,
        })
    }

    fn reload(&mut self) -> Result<Vec<Waiting>, String> {
        Ok(Vec::new())
    }
}

#[test]
fn the_loop_signs_through_the_host_and_a_closed_terminal_keeps_the_remark() {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut host = FakeHost::default();
    let mut inbox = make(Lang::En, false);
    let mut keys: Vec<KeyEvent> = vec![key(KeyCode::Enter), key(KeyCode::Enter), key(KeyCode::Tab)];
    keys.extend(typed("Looks right."));
    keys.extend([ctrl('s'), key(KeyCode::Enter), key(KeyCode::Esc)]);
    let mut events = keys.into_iter().map(|k| Ok(Event::Key(k)));
    let left = run(&mut terminal, &mut inbox, &mut events, &mut host).unwrap();
    assert_eq!(left.signed, ["RV-20261125-AAAAAAAA"]);
    assert_eq!(left.kept, None);
    assert_eq!(host.signed[0].1, Verdict::Approve);
    assert_eq!(host.signed[0].2.as_deref(), Some("Looks right."));

    // The terminal goes away while a remark is typed: it is kept.
    let mut host = FakeHost::default();
    let mut inbox = make(Lang::En, false);
    let mut keys = vec![key(KeyCode::Enter), key(KeyCode::Enter), key(KeyCode::F(7))];
    keys.extend(typed("Not"));
    let mut events = keys.into_iter().map(|k| Ok(Event::Key(k)));
    let left = run(&mut terminal, &mut inbox, &mut events, &mut host).unwrap();
    assert_eq!(host.kept.last().map(|d| d.remark.as_str()), Some("Not"));
    assert!(left.kept.is_some());
    assert!(host.signed.is_empty());
}

fn screen(inbox: &Inbox, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(inbox, f.area())).unwrap();
    for cell in &terminal.backend().buffer().content {
        assert!(
            cell.fg == ratatui::style::Color::Reset && cell.bg == ratatui::style::Color::Reset,
            "the inbox needs no colour"
        );
    }
    terminal.backend().to_string()
}

#[test]
fn snapshots_in_both_languages_and_narrow() {
    for lang in [Lang::Nl, Lang::En] {
        let code = if lang == Lang::Nl { "nl" } else { "en" };
        let mut inbox = make(lang, true);
        insta::assert_snapshot!(format!("inbox_list_{code}_80x24"), screen(&inbox, 80, 24));
        press(&mut inbox, &[key(KeyCode::Enter)]);
        insta::assert_snapshot!(
            format!("inbox_reading_{code}_80x24"),
            screen(&inbox, 80, 24)
        );
        insta::assert_snapshot!(
            format!("inbox_reading_{code}_120x30"),
            screen(&inbox, 120, 30)
        );
        press(&mut inbox, &[key(KeyCode::Enter), key(KeyCode::F(6))]);
        press(
            &mut inbox,
            &typed("Onderbouw het bedrag met de huurachterstand."),
        );
        insta::assert_snapshot!(
            format!("inbox_verdict_{code}_80x24"),
            screen(&inbox, 80, 24)
        );
        insta::assert_snapshot!(
            format!("inbox_verdict_{code}_narrow_50x14"),
            screen(&inbox, 50, 14)
        );
    }
    insta::assert_snapshot!("inbox_empty_nl_80x24", screen(&inbox_empty(), 80, 24));
    let returned = inbox_empty().with_returned(vec![Returned {
        id: "MW-20261123-7X41JRQT".into(),
        by: "Tom Teamleider".into(),
        remark: Some("Onderbouw het voorschot.".into()),
    }]);
    let shown = screen(&returned, 80, 24);
    assert!(
        shown.contains("maatwerk new --revises MW-20261123-7X41JRQT"),
        "{shown}"
    );
    insta::assert_snapshot!("inbox_returned_to_author_nl_80x24", shown);
}

#[test]
fn arrows_move_in_the_remark_and_a_window_too_small_to_show_the_verdict_does_not_sign() {
    let mut inbox = make(Lang::Nl, false);
    press(
        &mut inbox,
        &[key(KeyCode::Enter), key(KeyCode::Enter), key(KeyCode::Tab)],
    );
    press(&mut inbox, &typed("abcdef"));
    press(&mut inbox, &[key(KeyCode::Left), key(KeyCode::Left)]);
    press(&mut inbox, &typed("Q"));
    let Mode::Verdict(form) = inbox.mode() else {
        panic!("not on the verdict")
    };
    assert_eq!(form.remark.lines().join("\n"), "abcdQef");
    assert_eq!(form.verdict, Verdict::Approve, "the arrows chose nothing");
    inbox.resized(50, 14);
    assert!(
        !press(&mut inbox, &[ctrl('s')])
            .iter()
            .any(|e| matches!(e, Effect::Sign { .. }))
    );
    let Mode::Verdict(form) = inbox.mode() else {
        panic!("left the verdict")
    };
    assert!(
        form.error
            .as_deref()
            .unwrap_or_default()
            .contains("te klein")
    );
    inbox.resized(80, 24);
    assert!(
        press(&mut inbox, &[ctrl('s')])
            .iter()
            .any(|e| matches!(e, Effect::Sign { .. }))
    );
}

/// A record that stated a total without a colleague's decision signed
/// just before it: in the inbox the team lead reads, under that total,
/// what the store counts now — in Dutch, amounts as Dutch people read
/// them.
#[test]
fn the_team_lead_reads_what_the_store_counts_now_under_a_total() {
    let mut subject = testing::subject("mw-doorbraakbudget", 1800.0);
    let line = crate::domain::record::TotalLine {
        id: "teambudget-per-kalenderjaar".into(),
        sum: Some("bedrag".into()),
        from: None,
        through: None,
        earlier: crate::domain::number::Decimal::from(0),
        total: crate::domain::number::Decimal::from(1800),
        max: crate::domain::number::Decimal::from(50_000),
    };
    subject.stored.record.totals = vec![line];
    let rows = |subject: &crate::domain::ops::review::Subject| {
        super::read::record_rows(Lang::Nl, subject, &[], &jiff::tz::TimeZone::UTC)
    };
    let before = rows(&subject);
    subject.recount = vec![crate::domain::store::Earlier {
        total: "teambudget-per-kalenderjaar".into(),
        amount: crate::domain::number::Decimal::from(48_500),
        decisions: vec!["MW-20261124-7X41JRQT".into()],
    }];
    let after = rows(&subject);
    assert_eq!(after.len(), before.len() + 1);
    let at = after
        .iter()
        .position(|r| matches!(r, read::Row::Text(2, t) if t.starts_with("• teambudget")))
        .expect("the total");
    assert_eq!(
        after[at + 1],
        read::Row::Text(
            4,
            "⚠ In de opslag nu: eerdere besluiten € 48.500 (MW-20261124-7X41JRQT), met dit \
             besluit € 50.300: boven het maximum van € 50.000. De verantwoording telde een \
             besluit niet mee dat kort ervoor op een andere computer werd ondertekend."
                .into()
        )
    );
    // Up front among why it waits, and again where it is approved.
    let today = jiff::civil::date(2026, 11, 25);
    let item = waiting(Lang::Nl, subject, today);
    let said = "teambudget-per-kalenderjaar: in de opslag nu € 50.300 > € 50.000 \
                (eerder: MW-20261124-7X41JRQT)";
    assert_eq!(item.past, [said]);
    assert!(item.why.iter().any(|w| w == said), "{:?}", item.why);
    let mut inbox = Inbox::new(
        Lang::Nl,
        "Tom Teamleider (teamleider)".into(),
        vec![item],
        false,
        "2026-11-25T10:00:00Z".parse().unwrap(),
    );
    press(&mut inbox, &[key(KeyCode::Enter), key(KeyCode::Enter)]);
    let shown = screen(&inbox, 100, 30);
    assert!(shown.contains("keurt u"), "{shown}");
    assert!(
        shown.contains("⚠ teambudget-per-kalenderjaar: in de opslag nu"),
        "{shown}"
    );
}
