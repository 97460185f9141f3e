//! Logging a signal from the walkthrough: the case and the norm that did
//! not fit are known; the caseworker says what the case needs.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};
use ratatui_textarea::{TextArea, WrapMode};

use super::field::Field;
use super::hints::Hint;
use super::keymap::{self, Binding, Key, Label};
use crate::domain::ops::{self, signal::SignalRequest};
use crate::i18n::{KeyAction, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Edit(KeyEvent),
    SwitchField,
    Send,
    Back,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Send {
        text: String,
        passphrase: Option<String>,
    },
    Back,
}

const SEND: Binding<Msg> = Binding::hinted(
    &[Key::Ctrl('s'), Key::Code(KeyCode::F(2))],
    Msg::Send,
    Label::Fixed("Ctrl-S"),
    KeyAction::SignSignal,
);
const BACK: Binding<Msg> = Binding::hinted(
    &[Key::Code(KeyCode::Esc)],
    Msg::Back,
    Label::Fixed("Esc"),
    KeyAction::Back,
);

const KEYS: &[Binding<Msg>] = &[
    SEND,
    Binding::quiet(
        &[Key::Code(KeyCode::Tab), Key::Code(KeyCode::BackTab)],
        Msg::SwitchField,
    ),
    BACK,
];

const KEYS_WITH_PASSPHRASE: &[Binding<Msg>] = &[
    SEND,
    Binding::hinted(
        &[Key::Code(KeyCode::Tab), Key::Code(KeyCode::BackTab)],
        Msg::SwitchField,
        Label::Fixed("Tab"),
        KeyAction::Passphrase,
    ),
    BACK,
];

pub struct SignalForm {
    lang: Lang,
    case: String,
    question: String,
    text: TextArea<'static>,
    passphrase: Option<Field>,
    on_passphrase: bool,
    pub error: Option<String>,
}

impl SignalForm {
    pub fn new(lang: Lang, case: &str, question: &str, needs_passphrase: bool) -> Self {
        let mut text = TextArea::default();
        text.set_wrap_mode(WrapMode::Word);
        text.set_cursor_line_style(Style::new());
        Self {
            lang,
            case: case.to_owned(),
            question: question.to_owned(),
            text,
            passphrase: needs_passphrase.then(|| Field::masked(lang.label_key_passphrase())),
            on_passphrase: false,
            error: None,
        }
    }

    fn keymap(&self) -> &'static [Binding<Msg>] {
        if self.passphrase.is_some() {
            KEYS_WITH_PASSPHRASE
        } else {
            KEYS
        }
    }

    pub fn hints(&self) -> Vec<Hint> {
        keymap::hints(self.keymap(), self.lang)
    }

    pub fn on_key(&self, key: KeyEvent) -> Msg {
        keymap::lookup(self.keymap(), &key).unwrap_or(Msg::Edit(key))
    }

    pub fn update(&mut self, msg: Msg) -> Option<Outcome> {
        self.error = None;
        match msg {
            Msg::Edit(key) => {
                match (&mut self.passphrase, self.on_passphrase) {
                    (Some(field), true) => field.input(key),
                    _ => {
                        self.text.input(key);
                    }
                }
                None
            }
            Msg::SwitchField => {
                self.on_passphrase = self.passphrase.is_some() && !self.on_passphrase;
                None
            }
            Msg::Back => Some(Outcome::Back),
            Msg::Send => {
                let text = self.text.lines().join("\n");
                let request = SignalRequest {
                    case: self.case.clone(),
                    text: text.clone(),
                };
                if let Err(problems) = ops::signal::prepare(&request) {
                    self.error = problems.first().map(|p| self.lang.signal_problem(*p));
                    return None;
                }
                let passphrase = self.passphrase.as_ref().map(Field::value);
                if passphrase.as_deref() == Some("") {
                    self.on_passphrase = true;
                    self.error = Some(self.lang.field_enter_passphrase().into());
                    return None;
                }
                Some(Outcome::Send {
                    text: text.trim().to_owned(),
                    passphrase,
                })
            }
        }
    }
}

impl Widget for &SignalForm {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let l = self.lang;
        let pass_height = self
            .passphrase
            .as_ref()
            .map_or(0, |field| field.height(area.width));
        let [intro, text, pass, error] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Fill(1),
            Constraint::Length(pass_height),
            Constraint::Length(1),
        ])
        .areas(area);
        Paragraph::new(l.signal_intro(&self.case, &self.question))
            .wrap(Wrap { trim: true })
            .render(intro, buf);
        let block = Block::bordered().title(l.signal_text_title());
        let inner = block.inner(text);
        block.render(text, buf);
        (&self.text).render(inner, buf);
        if let Some(field) = &self.passphrase {
            field.render(pass, buf, self.on_passphrase);
        }
        if let Some(e) = &self.error {
            Paragraph::new(Line::styled(
                format!("✗ {e}"),
                Style::new().add_modifier(Modifier::BOLD),
            ))
            .render(error, buf);
        }
    }
}
