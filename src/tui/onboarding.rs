//! First run: no key or store yet. Asks who you are and a passphrase, then
//! the program makes an OpenSSH key and a local store with you as its
//! first beheerder (the trust root), and the walkthrough starts.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::field::Field;
use super::hints::Hint;
use crate::domain::keyring::is_principal;
use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Edit(KeyEvent),
    Next,
    Prev,
    Submit,
    Cancel,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub name: String,
    pub principal: String,
    /// `None`: leave the key unencrypted (the person chose so).
    pub passphrase: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Done(Identity),
    Cancel,
}

const NAME: usize = 0;
const PRINCIPAL: usize = 1;
const PASS: usize = 2;
const REPEAT: usize = 3;

pub struct Onboarding {
    lang: Lang,
    fields: Vec<Field>,
    focus: usize,
    /// Whether a key must be made (else only the store).
    needs_key: bool,
}

impl Onboarding {
    pub fn new(lang: Lang, needs_key: bool) -> Self {
        let mut fields = vec![
            Field::new(
                lang.pick(
                    "Uw naam (zoals op uw handtekening)",
                    "Your name (as on your signature)",
                ),
                "",
            ),
            Field::new(
                lang.pick(
                    "Uw principal: een vaste naam, zoals uw e-mailadres",
                    "Your principal: a stable name such as your e-mail address",
                ),
                "",
            ),
        ];
        if needs_key {
            let mut pass = Field::masked(lang.pick(
                "Wachtwoordzin voor uw nieuwe sleutel (minstens 8 tekens)",
                "Passphrase for your new key (at least 8 characters)",
            ));
            pass.note = Some(
                lang.pick(
                    "leeg laten = sleutel niet versleutelen",
                    "leave empty = do not encrypt the key",
                )
                .into(),
            );
            fields.push(pass);
            fields.push(Field::masked(
                lang.pick("Herhaal de wachtwoordzin", "Repeat the passphrase"),
            ));
        }
        Self {
            lang,
            fields,
            focus: 0,
            needs_key,
        }
    }

    pub fn hints(&self) -> Vec<Hint> {
        let l = self.lang;
        vec![
            Hint::new("Tab ↑↓", l.pick("veld", "field")),
            Hint::new("Enter", l.pick("verder", "next")),
            Hint::new("Esc", l.pick("stoppen", "quit")),
        ]
    }

    pub fn on_key(key: KeyEvent) -> Msg {
        match key.code {
            KeyCode::Tab | KeyCode::Down => Msg::Next,
            KeyCode::BackTab | KeyCode::Up => Msg::Prev,
            KeyCode::Enter => Msg::Submit,
            KeyCode::Esc => Msg::Cancel,
            _ => Msg::Edit(key),
        }
    }

    pub fn update(&mut self, msg: Msg) -> Option<Outcome> {
        match msg {
            Msg::Edit(key) => {
                self.fields[self.focus].input(key);
                self.fields[self.focus].error = None;
            }
            Msg::Next => self.focus = (self.focus + 1).min(self.fields.len() - 1),
            Msg::Prev => self.focus = self.focus.saturating_sub(1),
            Msg::Cancel => return Some(Outcome::Cancel),
            Msg::Submit => {
                let error = self.error_of(self.focus);
                self.fields[self.focus].error.clone_from(&error);
                if error.is_some() {
                    return None;
                }
                if self.focus + 1 < self.fields.len() {
                    self.focus += 1;
                    return None;
                }
                for i in 0..self.fields.len() {
                    if let Some(e) = self.error_of(i) {
                        self.fields[i].error = Some(e);
                        self.focus = i;
                        return None;
                    }
                }
                let passphrase = if self.needs_key {
                    Some(self.fields[PASS].value()).filter(|p| !p.is_empty())
                } else {
                    None
                };
                return Some(Outcome::Done(Identity {
                    name: self.fields[NAME].value().trim().to_owned(),
                    principal: self.fields[PRINCIPAL].value().trim().to_owned(),
                    passphrase,
                }));
            }
        }
        None
    }

    fn error_of(&self, i: usize) -> Option<String> {
        let l = self.lang;
        let value = self.fields[i].value();
        match i {
            NAME if value.trim().is_empty() => {
                Some(l.pick("vul uw naam in", "enter your name").into())
            }
            PRINCIPAL if !is_principal(value.trim()) => Some(l.bad_principal_help()),
            PASS if !value.is_empty() && value.chars().count() < 8 => Some(
                l.pick(
                    "minstens 8 tekens, of leeg",
                    "at least 8 characters, or empty",
                )
                .into(),
            ),
            REPEAT if value != self.fields[PASS].value() => Some(
                l.pick("de wachtwoordzinnen verschillen", "the passphrases differ")
                    .into(),
            ),
            _ => None,
        }
    }
}

impl Widget for &Onboarding {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let l = self.lang;
        let mut constraints = vec![Constraint::Length(4)];
        constraints.extend(
            self.fields
                .iter()
                .map(|_| Constraint::Length(Field::HEIGHT)),
        );
        constraints.push(Constraint::Fill(1));
        let areas = Layout::vertical(constraints).split(area);
        Paragraph::new(vec![
            Line::styled(
                l.pick("Welkom bij maatwerk", "Welcome to maatwerk"),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Line::raw(l.onboarding_intro(self.needs_key)),
        ])
        .wrap(Wrap { trim: true })
        .render(areas[0], buf);
        for (i, field) in self.fields.iter().enumerate() {
            field.render(areas[i + 1], buf, i == self.focus);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    fn typed(o: &mut Onboarding, text: &str) -> Option<Outcome> {
        let mut outcome = None;
        for c in text.chars() {
            let key = KeyEvent::new(
                if c == '\n' {
                    KeyCode::Enter
                } else {
                    KeyCode::Char(c)
                },
                KeyModifiers::NONE,
            );
            outcome = o.update(Onboarding::on_key(key));
        }
        outcome
    }

    #[test]
    fn asks_who_you_are_and_a_passphrase_typed_twice() {
        let mut o = Onboarding::new(Lang::Nl, true);
        assert_eq!(typed(&mut o, "\n"), None);
        assert!(o.fields[NAME].error.is_some(), "a name is needed");
        assert_eq!(typed(&mut o, "Anna de Wit\nAnna de Wit\n"), None);
        assert!(
            o.fields[PRINCIPAL].error.is_some(),
            "a principal has no spaces or capitals"
        );
        for _ in 0..11 {
            o.update(Msg::Edit(KeyEvent::new(
                KeyCode::Backspace,
                KeyModifiers::NONE,
            )));
        }
        assert_eq!(typed(&mut o, "anna@gemeente.example\nkort\n"), None);
        assert!(o.fields[PASS].error.is_some());
        for _ in 0..4 {
            o.update(Msg::Edit(KeyEvent::new(
                KeyCode::Backspace,
                KeyModifiers::NONE,
            )));
        }
        assert_eq!(typed(&mut o, "lange wachtwoordzin\nanders\n"), None);
        assert!(o.fields[REPEAT].error.is_some());
        for _ in 0..6 {
            o.update(Msg::Edit(KeyEvent::new(
                KeyCode::Backspace,
                KeyModifiers::NONE,
            )));
        }
        assert_eq!(
            typed(&mut o, "lange wachtwoordzin\n"),
            Some(Outcome::Done(Identity {
                name: "Anna de Wit".into(),
                principal: "anna@gemeente.example".into(),
                passphrase: Some("lange wachtwoordzin".into()),
            }))
        );
    }

    #[test]
    fn an_empty_passphrase_means_an_unencrypted_key() {
        let mut o = Onboarding::new(Lang::En, true);
        let done = typed(&mut o, "Anna\nanna@x\n\n\n");
        assert!(
            matches!(
                done,
                Some(Outcome::Done(Identity {
                    passphrase: None,
                    ..
                }))
            ),
            "{done:?}"
        );
    }
}
