//! Logging a signal from the walkthrough: the case and the norm that did
//! not fit are known; the caseworker says what the case needs.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};
use ratatui_textarea::{TextArea, WrapMode};

use super::field::Field;
use super::hints::Hint;
use crate::domain::signal::{self, SignalProblem};
use crate::i18n::Lang;

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
            passphrase: needs_passphrase.then(|| {
                Field::masked(lang.pick("Wachtwoordzin van uw sleutel", "Your key's passphrase"))
            }),
            on_passphrase: false,
            error: None,
        }
    }

    pub fn hints(&self) -> Vec<Hint> {
        let l = self.lang;
        let mut hints = vec![Hint::new(
            "Ctrl-S",
            l.pick("signaal ondertekenen", "sign the signal"),
        )];
        if self.passphrase.is_some() {
            hints.push(Hint::new("Tab", l.pick("wachtwoordzin", "passphrase")));
        }
        hints.push(Hint::new("Esc", l.pick("terug", "back")));
        hints
    }

    pub fn on_key(key: KeyEvent) -> Msg {
        match key.code {
            KeyCode::Char('s') if key.modifiers.contains(KeyModifiers::CONTROL) => Msg::Send,
            KeyCode::F(2) => Msg::Send,
            KeyCode::Tab | KeyCode::BackTab => Msg::SwitchField,
            KeyCode::Esc => Msg::Back,
            _ => Msg::Edit(key),
        }
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
                if let Some(p) = signal::check(&self.case, &text).first() {
                    self.error = Some(match p {
                        SignalProblem::TextTooShort { .. } | SignalProblem::BsnInText => {
                            self.lang.signal_problem(*p)
                        }
                        other => self.lang.signal_problem(*other),
                    });
                    return None;
                }
                let passphrase = self.passphrase.as_ref().map(Field::value);
                if passphrase.as_deref() == Some("") {
                    self.on_passphrase = true;
                    self.error = Some(
                        self.lang
                            .pick("vul de wachtwoordzin in", "enter the passphrase")
                            .into(),
                    );
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
        let block = Block::bordered().title(l.pick(
            " Wat heeft de zaak nodig, en waarom past geen norm? ",
            " What does the case need, and why does no norm fit? ",
        ));
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
