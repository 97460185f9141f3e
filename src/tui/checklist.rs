//! The checklist: one check at a time, with its help text, the answer
//! checked as it is typed, and progress. When a required condition fails,
//! it says this norm does not cover the case and offers the way out.

use crossterm::event::{KeyCode, KeyEvent};

use super::field::Field;
use super::hints::Hint;
use super::keymap::{self, Binding, Key, Label};
use crate::domain::norm::{AnswerProblem, Check, CheckKind, Norm};
use crate::domain::record::Answer;
use crate::i18n::{KeyAction, Lang};

mod view;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Yes,
    No,
    Edit(KeyEvent),
    Up,
    Down,
    Submit,
    Back,
    /// In the "not covered" branch: 1, 2 or 3.
    Option(u8),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Done(Vec<(String, Answer)>),
    Back,
    /// The norm does not cover the case: choose another.
    OtherNorm,
    /// The norm does not cover the case: log a signal about this check.
    Signal {
        check: String,
    },
}

const ENTER_NEXT: Binding<Msg> = Binding::hinted(
    &[Key::Code(KeyCode::Enter)],
    Msg::Submit,
    Label::Fixed("Enter"),
    KeyAction::NextCheck,
);
const ESC_PREVIOUS: Binding<Msg> = Binding::hinted(
    &[Key::Code(KeyCode::Esc)],
    Msg::Back,
    Label::Fixed("Esc"),
    KeyAction::PreviousCheck,
);
const UP: &[Key] = &[Key::Code(KeyCode::Up), Key::Code(KeyCode::Left)];
const DOWN: &[Key] = &[Key::Code(KeyCode::Down), Key::Code(KeyCode::Right)];

/// Yes or no: one key answers and moves on; `j` and `y` both say yes.
const KEYS_CONFIRM: &[Binding<Msg>] = &[
    Binding::hinted(
        &[
            Key::char('j'),
            Key::char('J'),
            Key::char('y'),
            Key::char('Y'),
        ],
        Msg::Yes,
        Label::YesNo,
        KeyAction::YesNoAndOn,
    ),
    Binding::quiet(&[Key::char('n'), Key::char('N')], Msg::No),
    Binding::quiet(UP, Msg::Up),
    Binding::quiet(DOWN, Msg::Down),
    ENTER_NEXT,
    ESC_PREVIOUS,
];

const KEYS_CHOICE: &[Binding<Msg>] = &[
    Binding::hinted(UP, Msg::Up, Label::Fixed("↑↓"), KeyAction::Choose),
    Binding::quiet(DOWN, Msg::Down),
    ENTER_NEXT,
    ESC_PREVIOUS,
];

/// Typed answers (text, number, date): other keys edit.
const KEYS_TYPED: &[Binding<Msg>] = &[ENTER_NEXT, ESC_PREVIOUS];

/// A required condition failed: the three ways out.
const KEYS_NOT_COVERED: &[Binding<Msg>] = &[
    Binding::hinted(
        &[
            Key::char('1'),
            Key::Code(KeyCode::Enter),
            Key::Code(KeyCode::Esc),
        ],
        Msg::Option(1),
        Label::Fixed("1"),
        KeyAction::ChangeAnswer,
    ),
    Binding::hinted(
        &[Key::char('2')],
        Msg::Option(2),
        Label::Fixed("2"),
        KeyAction::AnotherNorm,
    ),
    Binding::hinted(
        &[Key::char('3')],
        Msg::Option(3),
        Label::Fixed("3"),
        KeyAction::LogSignal,
    ),
];

pub struct Checklist {
    lang: Lang,
    norm: Norm,
    /// The author's role and the period, for the live mandaat line.
    role: String,
    period: Option<(jiff::civil::Date, jiff::civil::Date)>,
    index: usize,
    answers: Vec<Option<Answer>>,
    field: Field,
    choice: usize,
    confirm: Option<bool>,
    /// The check whose required condition failed, while the branch shows.
    failed: Option<usize>,
    /// … or the rule across answers (`[[constraint]]`) that its answer
    /// completed and broke: the rule's words, and the questions whose
    /// answers do not hold, each with what would.
    rule: Option<BrokenRule>,
    /// Where the norm's totals stood before this decision, once counted.
    totals: Vec<SoFar>,
    /// The decision date, for dates that must lie shortly before it.
    decision: Option<jiff::civil::Date>,
}

/// A rule across answers broken once its last question is answered.
#[derive(Debug, Clone, PartialEq)]
pub struct BrokenRule {
    pub text: String,
    /// The questions whose answers do not hold, with what would …
    pub unmet: Vec<(String, String)>,
    /// … and those of which at least one must hold.
    pub one_of: Vec<(String, String)>,
    /// Where "change the answer" goes: the first of those questions.
    pub first: usize,
}

/// Where one of the norm's totals stands before this decision: what the
/// earlier decisions that count with one dated `on` came to.
#[derive(Debug, Clone, PartialEq)]
pub struct SoFar {
    pub total: crate::domain::norm::total::Total,
    pub earlier: crate::domain::number::Decimal,
    pub on: jiff::civil::Date,
}

impl Checklist {
    /// Whether keys type text now (a text, number or date answer), so
    /// that `?` is a character rather than help.
    pub fn typing(&self) -> bool {
        self.failed.is_none()
            && self.norm.checks.get(self.index).is_some_and(|c| {
                !matches!(c.kind, CheckKind::Confirm { .. } | CheckKind::Choice { .. })
            })
    }

    pub fn new(
        lang: Lang,
        norm: &Norm,
        prefill: &[(String, Answer)],
        role: &str,
        period: Option<(jiff::civil::Date, jiff::civil::Date)>,
    ) -> Self {
        let answers: Vec<Option<Answer>> = norm
            .checks
            .iter()
            .map(|c| {
                prefill
                    .iter()
                    .find(|(id, _)| *id == c.id)
                    .map(|(_, a)| a.clone())
            })
            .collect();
        let mut list = Self {
            lang,
            norm: norm.clone(),
            role: role.to_owned(),
            period,
            index: 0,
            answers,
            field: Field::new("", ""),
            choice: 0,
            confirm: None,
            failed: None,
            rule: None,
            totals: Vec::new(),
            decision: None,
        };
        // Go on where the answers stop: a resumed draft opens at the first
        // question still open.
        list.index = list
            .shown()
            .into_iter()
            .find(|i| {
                list.answers[*i]
                    .as_ref()
                    .is_none_or(|a| !norm.checks[*i].judge(a).is_empty())
            })
            .unwrap_or(0);
        list.load();
        list
    }

    /// Says where the norm's totals stand: beside the summed question, and
    /// above every question for totals that count decisions.
    #[must_use]
    pub fn with_totals(mut self, totals: Vec<SoFar>) -> Self {
        self.totals = totals;
        self
    }

    /// Judges dates against the decision date `on`.
    #[must_use]
    pub fn deciding_on(mut self, on: Option<jiff::civil::Date>) -> Self {
        self.decision = on;
        self
    }

    /// The totals as counted again (for another case or date).
    pub fn set_totals(&mut self, totals: Vec<SoFar>) {
        self.totals = totals;
    }

    /// The question in view.
    pub fn at(&self) -> usize {
        self.index
    }

    /// Opens question `index` (a resumed draft's), when the norm has it and
    /// it applies.
    pub fn open_at(&mut self, index: usize) {
        if index != self.index && self.shown().contains(&index) {
            self.index = index;
            self.load();
        }
    }

    /// Opens the last question that applies (coming back from the
    /// motivation).
    pub fn open_last(&mut self) {
        if let Some(last) = self.shown().last().copied() {
            self.open_at(last);
        }
    }

    /// The answers given so far, by check id.
    fn given(&self) -> Vec<(String, Answer)> {
        self.norm
            .checks
            .iter()
            .zip(&self.answers)
            .filter_map(|(c, a)| Some((c.id.clone(), a.clone()?)))
            .collect()
    }

    /// The questions that apply with the answers given so far (their
    /// `when` holds), in order.
    fn shown(&self) -> Vec<usize> {
        let given = self.given();
        (0..self.norm.checks.len())
            .filter(|i| self.norm.applies(&self.norm.checks[*i], &given))
            .collect()
    }

    fn check(&self) -> &Check {
        &self.norm.checks[self.index]
    }

    /// Puts the stored answer of the current check into the inputs.
    fn load(&mut self) {
        let answer = self.answers[self.index].clone();
        let label = self.lang.answer_label();
        self.confirm = None;
        self.choice = 0;
        self.field = Field::new(label, "");
        match (&self.check().kind, answer) {
            (CheckKind::Confirm { .. }, Some(Answer::Yes(b))) => self.confirm = Some(b),
            (CheckKind::Choice { options, .. }, Some(Answer::Text(t))) => {
                self.choice = options.iter().position(|o| *o == t).unwrap_or(0);
            }
            (CheckKind::Number { unit, .. }, Some(Answer::Number(n))) => {
                self.field = Field::new(label, &self.lang.typed_number(n, unit.as_deref()));
            }
            (_, Some(Answer::Date(d))) => self.field = Field::new(label, &self.lang.day(d)),
            (_, Some(Answer::Text(t))) => self.field = Field::new(label, &t),
            _ => {}
        }
        self.field.note = self.note();
    }

    fn note(&self) -> Option<String> {
        let l = self.lang;
        match &self.check().kind {
            CheckKind::Number { min, max, unit } => {
                Some(l.kind_number(*min, *max, unit.as_deref()))
            }
            CheckKind::Text { min_chars } => Some(l.chars_count(
                crate::domain::text::written_len(&self.field.value()),
                *min_chars,
            )),
            CheckKind::Date { .. } => Some(l.date_hint()),
            _ => None,
        }
    }

    /// The bindings in force: the way out of a failed condition, or those
    /// of the current check's kind.
    fn keymap(&self) -> &'static [Binding<Msg>] {
        if self.failed.is_some() {
            return KEYS_NOT_COVERED;
        }
        match self.check().kind {
            CheckKind::Confirm { .. } => KEYS_CONFIRM,
            CheckKind::Choice { .. } => KEYS_CHOICE,
            _ => KEYS_TYPED,
        }
    }

    pub fn hints(&self) -> Vec<Hint> {
        keymap::hints(self.keymap(), self.lang)
    }

    /// The message for a key on the current check: typed answers take
    /// every other key; yes/no and choices only their own.
    pub fn on_key(&self, key: KeyEvent) -> Option<Msg> {
        let typed = self.failed.is_none()
            && !matches!(
                self.check().kind,
                CheckKind::Confirm { .. } | CheckKind::Choice { .. }
            );
        keymap::lookup(self.keymap(), &key).or_else(|| typed.then_some(Msg::Edit(key)))
    }

    pub fn update(&mut self, msg: Msg) -> Option<Outcome> {
        match msg {
            Msg::Option(1) => {
                self.failed = None;
                // To the first question of the broken rule, to change it.
                if let Some(rule) = self.rule.take()
                    && rule.first != self.index
                {
                    self.index = rule.first;
                    self.load();
                }
                None
            }
            Msg::Option(2) => Some(Outcome::OtherNorm),
            Msg::Option(_) => Some(Outcome::Signal {
                check: self.check().id.clone(),
            }),
            // One key per yes/no: it answers and moves on.
            Msg::Yes => {
                self.confirm = Some(true);
                self.submit()
            }
            Msg::No => {
                self.confirm = Some(false);
                self.submit()
            }
            Msg::Up | Msg::Down => {
                let down = msg == Msg::Down;
                match &self.check().kind {
                    CheckKind::Confirm { .. } => self.confirm = Some(!down),
                    CheckKind::Choice { options, .. } => {
                        self.choice = if down {
                            (self.choice + 1).min(options.len() - 1)
                        } else {
                            self.choice.saturating_sub(1)
                        };
                    }
                    _ => {}
                }
                None
            }
            Msg::Edit(key) => {
                self.field.input(key);
                self.field.error = None;
                self.field.note = self.note();
                None
            }
            Msg::Back => {
                let Some(before) = self.shown().into_iter().rev().find(|i| *i < self.index) else {
                    return Some(Outcome::Back);
                };
                self.index = before;
                self.load();
                None
            }
            Msg::Submit => self.submit(),
        }
    }

    fn submit(&mut self) -> Option<Outcome> {
        let answer = match self.read() {
            Ok(answer) => answer,
            Err(error) => {
                self.field.error = Some(error);
                return None;
            }
        };
        let check = self.check().clone();
        if let Some(a) = &answer
            && !check.meets(a)
        {
            self.answers[self.index] = answer;
            self.failed = Some(self.index);
            return None;
        }
        self.answers[self.index] = answer;
        // A rule across answers whose questions are all behind us now.
        if let Some(rule) = self.broken_rule() {
            self.rule = Some(rule);
            self.failed = Some(self.index);
            return None;
        }
        // On to the next question that applies now: an answer may have made
        // questions appear or go.
        if let Some(next) = self.shown().into_iter().find(|i| *i > self.index) {
            self.index = next;
            self.load();
            return None;
        }
        Some(Outcome::Done(self.answered()))
    }

    /// The first rule across answers that the answers break, among those
    /// whose questions all come up to here: said at the question that
    /// completes it, not only when signing.
    fn broken_rule(&self) -> Option<BrokenRule> {
        let given = self.answered();
        let position = |id: &str| self.norm.checks.iter().position(|c| c.id == id);
        let rule = self.norm.broken(&given).into_iter().find(|r| {
            r.when
                .iter()
                .chain(&r.require)
                .chain(&r.any)
                .all(|c| position(&c.check).is_some_and(|i| i <= self.index))
        })?;
        let unmet = self.norm.failing(&rule.require, &given);
        let one_of = self.norm.none_of(&rule.any, &given);
        let first = unmet
            .iter()
            .chain(&one_of)
            .filter_map(|c| position(&c.check))
            .min()
            .unwrap_or(self.index);
        let said = |list: &[crate::domain::norm::Condition]| -> Vec<(String, String)> {
            list.iter()
                .filter_map(|c| {
                    let check = self.norm.check(&c.check)?;
                    Some((check.question.clone(), self.lang.condition_value(&c.value)))
                })
                .collect()
        };
        Some(BrokenRule {
            text: rule.text.clone(),
            unmet: said(&unmet),
            one_of: said(&one_of),
            first,
        })
    }

    /// The answers so far, for the draft.
    /// The answers given, and what is typed at the current question as far
    /// as it reads, even when it does not pass yet: what a draft keeps when
    /// someone stops halfway.
    pub fn answered_so_far(&self) -> Vec<(String, Answer)> {
        let mut answers = self.answers.clone();
        let typed = self.field.value();
        let current = match &self.check().kind {
            CheckKind::Confirm { .. } => self.confirm.map(Answer::Yes),
            CheckKind::Choice { .. } => None,
            _ if typed.trim().is_empty() => None,
            _ => match self.check().read_typed(&typed) {
                Ok(Some(answer)) => Some(answer),
                // Text that does not pass yet is kept as typed.
                _ => Some(Answer::Text(typed)),
            },
        };
        if current.is_some() {
            answers[self.index] = current;
        }
        self.norm
            .checks
            .iter()
            .zip(answers)
            .filter_map(|(c, a)| a.map(|a| (c.id.clone(), a)))
            .collect()
    }

    /// The answers to the questions that apply.
    pub fn answered(&self) -> Vec<(String, Answer)> {
        self.norm.applicable(&self.given())
    }

    /// The answer the inputs hold; `Ok(None)` for an optional check left
    /// open. Judged by the norm as the scripted `new` judges it, except the
    /// condition, which leads to the "not covered" branch instead.
    fn read(&self) -> Result<Option<Answer>, String> {
        let check = self.check();
        let answer = match &check.kind {
            CheckKind::Confirm { .. } => match self.confirm {
                Some(b) => Some(Answer::Yes(b)),
                None if !check.required => None,
                None => return Err(self.lang.answer_problem(&AnswerProblem::Missing, check)),
            },
            CheckKind::Choice { options, .. } => Some(Answer::Text(options[self.choice].clone())),
            _ => check
                .read_typed(&self.field.value())
                .map_err(|p| self.lang.answer_problem(&p, check))?,
        };
        let Some(answer) = answer else {
            return Ok(None);
        };
        // A BSN is said first: it must go whatever else is wrong.
        let problems = check.judge_at(&answer, self.period, self.decision);
        let first = problems
            .iter()
            .find(|p| **p == AnswerProblem::BsnInText)
            .or_else(|| {
                problems
                    .iter()
                    .find(|p| **p != AnswerProblem::ConditionNotMet)
            });
        match first {
            Some(problem) => Err(self.lang.answer_problem(problem, check)),
            None => Ok(Some(answer)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::norm::catalog::Catalog;
    use crate::domain::number::Decimal;
    use crossterm::event::KeyModifiers;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::Widget;

    fn norm(id: &str) -> Norm {
        Catalog::bundled().get(id).unwrap().norm.clone()
    }

    fn keys(list: &mut Checklist, text: &str) -> Option<Outcome> {
        let mut outcome = None;
        for c in text.chars() {
            let code = match c {
                '\n' => KeyCode::Enter,
                '\u{1b}' => KeyCode::Esc,
                '\u{8}' => KeyCode::Backspace,
                c => KeyCode::Char(c),
            };
            if let Some(msg) = list.on_key(KeyEvent::new(code, KeyModifiers::NONE)) {
                outcome = list.update(msg);
            }
        }
        outcome
    }

    #[test]
    fn answers_every_kind_and_finishes() {
        let mut list = Checklist::new(
            Lang::Nl,
            &norm("pw-zoektermijn-jongeren"),
            &[],
            "consulent",
            None,
        );
        // leeftijd, acute-nood, netwerk: ja; voorschot 450,50; zoekt-actief: ja; afspraken.
        assert_eq!(keys(&mut list, "jjj450,50\nj"), None);
        let done = keys(
            &mut list,
            "Twee sollicitaties per week bij het leerwerkloket.\n",
        );
        let Some(Outcome::Done(answers)) = done else {
            panic!("{done:?}")
        };
        assert_eq!(answers.len(), 6);
        assert!(answers.contains(&("voorschot".into(), Answer::Number(Decimal::new(4505, 1)))));
    }

    /// A rule across answers is said at the question that completes it,
    /// with the questions it needs, and "change the answer" goes to the
    /// first of them.
    #[test]
    fn a_broken_rule_is_said_at_the_question_that_completes_it() {
        let mut list = Checklist::new(
            Lang::Nl,
            &norm("mw-doorbraakbudget"),
            &[],
            "consulent",
            None,
        );
        // Other routes, once: yes; no threat at all.
        assert_eq!(keys(&mut list, "jjnnn"), None);
        assert_eq!(list.failed, Some(4));
        let rule = list.rule.clone().expect("the rule");
        assert_eq!(rule.first, 2);
        assert_eq!(rule.one_of.len(), 3);
        let area = Rect::new(0, 0, 80, 24);
        let mut buf = Buffer::empty(area);
        (&list).render(area, &mut buf);
        let screen: String = buf
            .content
            .iter()
            .map(ratatui::buffer::Cell::symbol)
            .collect();
        let screen = screen.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            screen.contains("Aan deze regel van de norm is niet voldaan"),
            "{screen}"
        );
        assert!(screen.contains("ten minste één van"), "{screen}");
        // Change the answer: to the first threat, answered yes; on.
        keys(&mut list, "1");
        assert_eq!((list.failed, list.at()), (None, 2));
        assert_eq!(keys(&mut list, "jnn"), None);
        // € 640 to the resident breaks the other rule, at its last question.
        keys(&mut list, "640\n");
        for _ in 0..3 {
            list.update(Msg::Down);
        }
        assert_eq!(list.update(Msg::Submit), None);
        assert!(
            list.rule
                .as_ref()
                .is_some_and(|r| r.text.contains("rechtstreeks"))
        );
        // What does not hold is who is paid: to the creditor, then done.
        keys(&mut list, "1");
        assert_eq!(list.at(), 6);
        list.update(Msg::Up);
        let done = list.update(Msg::Submit);
        assert!(matches!(done, Some(Outcome::Done(_))), "{done:?}");
    }

    #[test]
    fn wrong_input_is_explained_where_it_was_typed() {
        let mut list = Checklist::new(
            Lang::En,
            &norm("pw-zoektermijn-jongeren"),
            &[],
            "consulent",
            None,
        );
        keys(&mut list, "\n");
        assert_eq!(list.field.error.as_deref(), Some("choose yes or no (y/n)"));
        keys(&mut list, "yyy2000\n");
        assert_eq!(
            list.field.error.as_deref(),
            Some("amount from €0 to €1,500, for example 450 or 1,250.50")
        );
        assert_eq!(list.index, 3, "stays on the question");
    }

    #[test]
    fn a_failed_condition_offers_the_three_ways_out() {
        let mut list = Checklist::new(
            Lang::Nl,
            &norm("pw-zoektermijn-jongeren"),
            &[],
            "consulent",
            None,
        );
        assert_eq!(keys(&mut list, "n"), None);
        assert_eq!(list.failed, Some(0));
        assert_eq!(keys(&mut list, "1"), None, "back to the answer");
        assert_eq!(list.failed, None);
        keys(&mut list, "n");
        assert_eq!(keys(&mut list, "2"), Some(Outcome::OtherNorm));
        keys(&mut list, "1n");
        assert_eq!(
            keys(&mut list, "3"),
            Some(Outcome::Signal {
                check: "leeftijd-onder-27".into()
            })
        );
    }

    #[test]
    fn the_mandaat_is_shown_live_as_the_amount_is_typed() {
        let mut list = Checklist::new(
            Lang::Nl,
            &norm("pw-zoektermijn-jongeren"),
            &[],
            "consulent",
            None,
        );
        keys(&mut list, "jjj90");
        assert_eq!(list.live_mandate().as_deref(), Some("✓ Binnen uw mandaat"));
        keys(&mut list, "0");
        assert_eq!(
            list.live_mandate().as_deref(),
            Some("⚠ Vereist beoordeling door teamleider of hoger")
        );
        keys(&mut list, "0");
        // 9000 is above what the norm allows at all: the field says so, and
        // no mandaat line contradicts it.
        assert_eq!(list.live_mandate(), None, "9000 is above the norm's 1500");
        keys(&mut list, "\u{8}");
        keys(&mut list, "\u{8}\u{8}\u{8}-5");
        assert_eq!(list.live_mandate(), None, "-5 is below the norm's 0");
        keys(&mut list, "\u{8}\u{8}9000");
        keys(&mut list, "\u{8}");
        let screen = {
            // As narrow as the walkthrough goes: the line wraps, not cut.
            let mut buf = Buffer::empty(Rect::new(0, 0, 48, 12));
            (&list).render(buf.area, &mut buf);
            buf.content
                .iter()
                .map(ratatui::buffer::Cell::symbol)
                .collect::<String>()
        };
        assert!(
            screen.contains("Vereist beoordeling door teamleider") && screen.contains("hoger"),
            "{screen}"
        );
    }

    #[test]
    fn choices_with_accept_and_going_back_keeps_answers() {
        let mut list = Checklist::new(
            Lang::En,
            &norm("shv-toelating-na-eerder-traject"),
            &[],
            "consulent",
            None,
        );
        // The last option, "nee, eigen handelen", is not accepted.
        for _ in 0..5 {
            list.update(Msg::Down);
        }
        keys(&mut list, "\n");
        assert_eq!(list.failed, Some(0));
        keys(&mut list, "1");
        list.update(Msg::Up);
        keys(&mut list, "\ny");
        assert_eq!(list.index, 2);
        keys(&mut list, "\u{1b}");
        assert_eq!(
            list.confirm,
            Some(true),
            "going back shows the earlier answer"
        );
    }

    /// A question whose `when` does not hold is not asked, not counted and
    /// not answered; it appears as soon as the answer it waits for is given.
    #[test]
    fn questions_appear_and_go_as_answers_change() {
        let norm = norm("shv-toelating-na-eerder-traject");
        let mut list = Checklist::new(Lang::Nl, &norm, &[], "consulent", None);
        keys(&mut list, "\nj");
        assert_eq!(list.index, 2, "the question about children");
        // No children: on to the debt, question 4 of 4.
        keys(&mut list, "n");
        assert_eq!(norm.checks[list.index].id, "schuldenlast");
        let screen = |list: &Checklist| {
            let mut buf = Buffer::empty(Rect::new(0, 0, 80, 12));
            list.render(buf.area, &mut buf);
            buf.content
                .iter()
                .map(ratatui::buffer::Cell::symbol)
                .collect::<String>()
        };
        assert!(screen(&list).contains("Vraag 4 van 4"), "{}", screen(&list));
        // Back, and children after all: the question appears, 4 of 5.
        keys(&mut list, "\u{1b}j");
        assert_eq!(norm.checks[list.index].id, "kinderen-toelichting");
        assert!(screen(&list).contains("Vraag 4 van 5"), "{}", screen(&list));
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 12)).unwrap();
        terminal.draw(|f| f.render_widget(&list, f.area())).unwrap();
        insta::assert_snapshot!(
            "conditional_question_appears",
            terminal.backend().to_string()
        );
        keys(&mut list, "Zij gaan mee naar elk gesprek.\n");
        assert_eq!(norm.checks[list.index].id, "schuldenlast");
        // Back to no children: the explanation is no longer part of it.
        keys(&mut list, "\u{1b}\u{1b}n");
        let answered = list.answered();
        assert!(
            answered.iter().all(|(id, _)| id != "kinderen-toelichting"),
            "{answered:?}"
        );
    }
}
