//! First run: no key or store yet. Asks who you are, your role and a
//! passphrase, then the program makes an OpenSSH key and a local store with
//! you as its trust root (who also manages the keyring), and the
//! walkthrough starts.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
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
    /// The role in the mandaat the records are signed in.
    pub role: String,
    /// `None`: leave the key unencrypted (the person chose so).
    pub passphrase: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Done(Identity),
    Cancel,
}

// Indexes into `fields`.
const NAME: usize = 0;
const PRINCIPAL: usize = 1;
const PASS: usize = 2;
const REPEAT: usize = 3;

/// The roles a first user chooses from, the usual first.
const ROLES: [&str; 4] = ["consulent", "teamleider", "afdelingshoofd", "beheerder"];

/// Where the focus is: a text field, or the role between the principal and
/// the passphrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Field(usize),
    Role,
}

pub struct Onboarding {
    lang: Lang,
    fields: Vec<Field>,
    /// Index into [`Onboarding::slots`].
    focus: usize,
    /// Index into [`ROLES`].
    role: usize,
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
            role: 0,
            needs_key,
        }
    }

    /// The focus order: name, principal, role, then the passphrase fields.
    fn slots(&self) -> Vec<Slot> {
        let mut slots = vec![Slot::Field(NAME), Slot::Field(PRINCIPAL), Slot::Role];
        slots.extend((PASS..self.fields.len()).map(Slot::Field));
        slots
    }

    fn slot(&self) -> Slot {
        self.slots()[self.focus]
    }

    pub fn hints(&self) -> Vec<Hint> {
        let l = self.lang;
        let mut hints = vec![Hint::new("Tab ↑↓", l.pick("veld", "field"))];
        if self.slot() == Slot::Role {
            hints.push(Hint::new("←→", l.pick("rol kiezen", "choose role")));
        }
        hints.extend([
            Hint::new("Enter", l.pick("verder", "next")),
            Hint::new("Esc", l.pick("stoppen", "quit")),
        ]);
        hints
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
            Msg::Edit(key) => match self.slot() {
                Slot::Field(i) => {
                    self.fields[i].input(key);
                    self.fields[i].error = None;
                }
                Slot::Role => self.choose_role(key.code),
            },
            Msg::Next => self.focus = (self.focus + 1).min(self.slots().len() - 1),
            Msg::Prev => self.focus = self.focus.saturating_sub(1),
            Msg::Cancel => return Some(Outcome::Cancel),
            Msg::Submit => {
                if let Slot::Field(i) = self.slot() {
                    let error = self.error_of(i);
                    self.fields[i].error.clone_from(&error);
                    if error.is_some() {
                        return None;
                    }
                }
                let slots = self.slots();
                if self.focus + 1 < slots.len() {
                    self.focus += 1;
                    return None;
                }
                for (at, slot) in slots.iter().enumerate() {
                    if let Slot::Field(i) = *slot
                        && let Some(e) = self.error_of(i)
                    {
                        self.fields[i].error = Some(e);
                        self.focus = at;
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
                    role: ROLES[self.role].to_owned(),
                    passphrase,
                }));
            }
        }
        None
    }

    /// ←/→ and Space step through the roles; a role's first letter picks it.
    fn choose_role(&mut self, code: KeyCode) {
        match code {
            KeyCode::Left => self.role = (self.role + ROLES.len() - 1) % ROLES.len(),
            KeyCode::Right | KeyCode::Char(' ') => self.role = (self.role + 1) % ROLES.len(),
            KeyCode::Char(c) => {
                if let Some(i) = ROLES.iter().position(|r| r.starts_with(c)) {
                    self.role = i;
                }
            }
            _ => {}
        }
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

impl Onboarding {
    fn render_role(&self, area: Rect, buf: &mut Buffer, focused: bool) {
        let l = self.lang;
        let (marker, style) = if focused {
            ("▶ ", Style::new().add_modifier(Modifier::BOLD))
        } else {
            ("  ", Style::new())
        };
        let choices: Vec<Span> = ROLES
            .iter()
            .enumerate()
            .flat_map(|(i, role)| {
                let chosen = i == self.role;
                let text = if chosen {
                    format!("(•) {role}")
                } else {
                    format!("( ) {role}")
                };
                let style = if chosen && focused {
                    Style::new().add_modifier(Modifier::REVERSED)
                } else {
                    Style::new()
                };
                [Span::styled(text, style), Span::raw("  ")]
            })
            .collect();
        let mut choice_line = vec![Span::raw("    ")];
        choice_line.extend(choices);
        Paragraph::new(vec![
            Line::styled(format!("{marker}{}", l.onboarding_role_label()), style),
            Line::from(choice_line),
            Line::styled(
                format!("    {}", l.onboarding_role_note()),
                Style::new().add_modifier(Modifier::DIM),
            ),
        ])
        .render(area, buf);
    }
}

impl Widget for &Onboarding {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let l = self.lang;
        let slots = self.slots();
        let mut constraints = vec![Constraint::Length(4)];
        constraints.extend(slots.iter().map(|slot| match slot {
            Slot::Field(i) => Constraint::Length(self.fields[*i].height(area.width)),
            Slot::Role => Constraint::Length(3),
        }));
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
        for (at, slot) in slots.iter().enumerate() {
            let focused = at == self.focus;
            match slot {
                Slot::Field(i) => self.fields[*i].render(areas[at + 1], buf, focused),
                Slot::Role => self.render_role(areas[at + 1], buf, focused),
            }
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
        assert_eq!(typed(&mut o, "anna@gemeente.example\n"), None);
        assert_eq!(o.slot(), Slot::Role, "the role comes after the principal");
        for (code, role) in [
            (KeyCode::Right, "teamleider"),
            (KeyCode::Left, "consulent"),
            (KeyCode::Left, "beheerder"),
            (KeyCode::Char('a'), "afdelingshoofd"),
            (KeyCode::Char('x'), "afdelingshoofd"),
            (KeyCode::Left, "teamleider"),
        ] {
            o.update(Onboarding::on_key(KeyEvent::new(code, KeyModifiers::NONE)));
            assert_eq!(ROLES[o.role], role, "after {code:?}");
        }
        assert_eq!(typed(&mut o, "\nkort\n"), None);
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
                role: "teamleider".into(),
                passphrase: Some("lange wachtwoordzin".into()),
            }))
        );
    }

    #[test]
    fn an_empty_passphrase_means_an_unencrypted_key() {
        let mut o = Onboarding::new(Lang::En, true);
        let done = typed(&mut o, "Anna\nanna@x\n\n\n\n");
        let Some(Outcome::Done(identity)) = done else {
            panic!("{done:?}")
        };
        assert_eq!(identity.passphrase, None);
        assert_eq!(identity.role, "consulent", "the usual role is the default");
    }
}
