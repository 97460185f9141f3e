//! Nothing typed is lost: every field of every screen survives stopping
//! (Ctrl-C, a closed terminal), and resuming opens the same screen, the same
//! question or field, with the same text.

use super::*;

/// Stops after `keys` and resumes the draft that was saved.
fn stop_and_resume(keys: &str) -> (Draft, App) {
    let mut app = app(Lang::Nl);
    let mut host = FakeHost::default();
    let ending = drive(&mut app, &mut host, &format!("{keys}\u{3}")).unwrap();
    assert!(matches!(ending, Ending::Saved(_)), "{ending:?}");
    let draft = host.saves.last().unwrap().clone();
    // Through the file, as the next run reads it.
    let text = toml::to_string(&draft).unwrap();
    let read: Draft = toml::from_str(&text).unwrap();
    assert_eq!(read, draft, "{text}");
    let resumed = app_with(Lang::Nl, read.clone());
    (read, resumed)
}

#[test]
fn a_half_typed_date_on_the_case_screen_comes_back_in_its_field() {
    let (draft, resumed) = stop_and_resume("zoektermijn\nZ-2026-000042\t\t\t22-12-20");
    assert_eq!(draft.step, Step::Case);
    assert_eq!(draft.focus, Some(3));
    assert_eq!(draft.typed[0], "Z-2026-000042");
    assert_eq!(draft.typed[3], "22-12-20");
    let Screen::Case(form) = resumed.screen() else {
        panic!("not the case screen")
    };
    assert_eq!(form.focus(), 3, "the field where typing stopped");
    assert_eq!(form.raw()[3], "22-12-20");
    let screen = draw(&resumed, 80, 24).backend().to_string();
    assert!(screen.contains("22-12-20"), "{screen}");
}

#[test]
fn the_checklist_resumes_at_the_question_in_view_not_the_first_open_one() {
    // Four questions answered, then back to the third one.
    let (draft, resumed) =
        stop_and_resume("zoektermijn\nZ-2026-000042\n\n\n22-12-2026\njjj450\n\u{1b}\u{1b}");
    assert_eq!(draft.step, Step::Checklist);
    assert_eq!(draft.focus, Some(2));
    let Screen::Checklist(list) = resumed.screen() else {
        panic!("not the checklist")
    };
    assert_eq!(list.at(), 2);
    assert_eq!(list.answered().len(), 4, "every answer kept");
}

#[test]
fn the_motivation_resumes_at_the_part_being_written() {
    let (draft, resumed) = stop_and_resume(&format!(
        "zoektermijn\nZ-2026-000042\n\n\n22-12-2026\njjj450\njTwee sollicitaties per week bij het leerwerkloket.\n{LONG}\t{LONG}\tHet doel van de re"
    ));
    assert_eq!(draft.step, Step::Motivation);
    assert_eq!(draft.focus, Some(2));
    assert_eq!(draft.motivation.aims, "Het doel van de re");
    let Screen::Motivation(form) = resumed.screen() else {
        panic!("not the motivation")
    };
    assert_eq!(form.at(), 2);
}

#[test]
fn a_draft_of_the_previous_format_opens_where_its_answers_stop() {
    let text = r#"format = "maatwerk-draft/1"
id = "DR-20261123-7X41JHRX"
created = "2026-11-23T09:00:00Z"
updated = "2026-11-23T09:05:00Z"
step = "checklist"
case = "Z-2026-000042"
decision_date = "2026-11-23"
period_start = "2026-11-23"
period_end = "2026-12-23"

[norm]
id = "pw-zoektermijn-jongeren"
version = 3
sha256 = "fe653e7e2f73530384caa9460fcc70d04a5051f5098fd41cdaa557ff402bc1d9"

[[answers]]
check = "leeftijd-onder-27"
answer = true

[[answers]]
check = "acute-nood"
answer = true

[[answers]]
check = "netwerk-onderzocht"
answer = true

[[answers]]
check = "voorschot"
answer = 450.5
"#;
    let draft: Draft = toml::from_str(text).unwrap();
    assert_eq!(draft.focus, None);
    assert!(
        draft
            .answers
            .iter()
            .any(|a| a.answer == crate::domain::record::Answer::Number("450.5".parse().unwrap()))
    );
    let resumed = app_with(Lang::Nl, draft);
    let Screen::Checklist(list) = resumed.screen() else {
        panic!("not the checklist")
    };
    assert_eq!(list.at(), 4, "the first question still open");
}

#[test]
fn quitting_saves_and_resuming_continues_where_it_stopped() {
    let mut app = app(Lang::Nl);
    let mut host = FakeHost::default();
    let ending = drive(
        &mut app,
        &mut host,
        "zoektermijn\nZ-2026-000042\n\n\n22-12-2026\njj\u{3}",
    )
    .unwrap();
    let Ending::Saved(id) = ending else {
        panic!("{ending:?}")
    };
    let draft = host.saves.last().unwrap().clone();
    assert_eq!(draft.id, id);
    assert_eq!(draft.step, Step::Checklist);
    assert_eq!(draft.answers.len(), 2, "answers typed so far are kept");
    let resumed = app_with(Lang::Nl, draft);
    let Screen::Checklist(c) = resumed.screen() else {
        panic!("not the checklist")
    };
    assert_eq!(c.answered().len(), 2);
}

#[test]
fn a_text_answer_half_typed_is_kept_and_resuming_opens_at_it() {
    let mut app = app(Lang::Nl);
    let mut host = FakeHost::default();
    let ending = drive(
        &mut app,
        &mut host,
        "zoektermijn\nZ-2026-000042\n\n\n22-12-2026\njjj450\njTwee sollicitaties\u{3}",
    )
    .unwrap();
    let Ending::Saved(_) = ending else {
        panic!("{ending:?}")
    };
    let draft = host.saves.last().unwrap().clone();
    assert!(
        draft
            .answers
            .iter()
            .any(|a| a.answer == crate::domain::record::Answer::Text("Twee sollicitaties".into())),
        "{:?}",
        draft.answers
    );
    let resumed = app_with(Lang::Nl, draft);
    let screen = draw(&resumed, 80, 24).backend().to_string();
    assert!(screen.contains("Twee sollicitaties"), "{screen}");
}

#[test]
fn stopping_on_the_case_screen_keeps_what_was_typed() {
    let mut app = app(Lang::Nl);
    let mut host = FakeHost::default();
    let ending = drive(&mut app, &mut host, "zoektermijn\nZ-2026-000042\u{3}").unwrap();
    let Ending::Saved(_) = ending else {
        panic!("{ending:?}")
    };
    let draft = host.saves.last().unwrap().clone();
    assert_eq!(draft.step, Step::Case);
    assert_eq!(draft.case, "Z-2026-000042");
    let resumed = app_with(Lang::Nl, draft);
    let screen = draw(&resumed, 80, 24).backend().to_string();
    assert!(screen.contains("Z-2026-000042"), "{screen}");
}

#[test]
fn nothing_typed_means_nothing_saved() {
    let mut app = app(Lang::En);
    let mut host = FakeHost::default();
    assert_eq!(
        drive(&mut app, &mut host, "\u{1b}").unwrap(),
        Ending::Nothing
    );
    assert!(host.saves.is_empty());
}
