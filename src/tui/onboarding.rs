//! First run: no key or store yet. Asks who you are, your role and a
//! passphrase, then the program makes an OpenSSH key and a local store with
//! you as its trust root (who also manages the keyring), and the
//! walkthrough starts.

use std::io;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::field::{Field, first_visible};
use super::hints::{Hint, HintBar};
use super::text::rows;
use crate::domain::keyring::is_principal;
use crate::domain::keys::KeyFile;
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
    /// For a new key: `None` leaves it unencrypted (the person chose so).
    /// For an existing key: the passphrase that unlocks it.
    pub passphrase: Option<String>,
    /// Sign with the OpenSSH key that was found instead of making one.
    pub use_found: bool,
}

/// What the first run knows about keys.
pub enum KeySetup {
    /// No key yet: make one.
    New,
    /// The key to sign with exists; only the store is made.
    Existing(KeyFile),
    /// No maatwerk key, but an OpenSSH ed25519 key at `path`: use it, or
    /// make a new one.
    Found { path: String, key: KeyFile },
}

/// What the passphrase fields are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PassMode {
    /// A new key: choose one (twice), or leave empty.
    Choose,
    /// An existing encrypted key: type its passphrase.
    Unlock,
    /// An existing unencrypted key: nothing to ask.
    None,
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
    /// Use the key that was found, or make a new one.
    Key,
}

pub struct Onboarding {
    lang: Lang,
    fields: Vec<Field>,
    /// Index into [`Onboarding::slots`].
    focus: usize,
    /// Index into [`ROLES`].
    role: usize,
    key: KeySetup,
    /// With [`KeySetup::Found`]: whether to use that key.
    use_found: bool,
}

impl Onboarding {
    pub fn new(lang: Lang, key: KeySetup) -> Self {
        let fields = vec![
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
            Field::masked(""),
            repeat_field(lang),
        ];
        let mut form = Self {
            lang,
            fields,
            focus: 0,
            role: 0,
            use_found: matches!(key, KeySetup::Found { .. }),
            key,
        };
        form.label_passphrase();
        form
    }

    fn pass_mode(&self) -> PassMode {
        let existing = match &self.key {
            KeySetup::Existing(key) => key,
            KeySetup::Found { key, .. } if self.use_found => key,
            KeySetup::New | KeySetup::Found { .. } => return PassMode::Choose,
        };
        if existing.is_encrypted() {
            PassMode::Unlock
        } else {
            PassMode::None
        }
    }

    /// Names the passphrase field for what it is now for.
    fn label_passphrase(&mut self) {
        let l = self.lang;
        let mode = self.pass_mode();
        let pass = &mut self.fields[PASS];
        match mode {
            PassMode::Unlock => {
                pass.label = l
                    .pick(
                        "De wachtwoordzin van uw sleutel",
                        "The passphrase of your key",
                    )
                    .into();
                pass.note = None;
            }
            PassMode::Choose | PassMode::None => {
                pass.label = l
                    .pick(
                        "Wachtwoordzin voor uw nieuwe sleutel (minstens 8 tekens)",
                        "Passphrase for your new key (at least 8 characters)",
                    )
                    .into();
                pass.note = Some(
                    l.pick(
                        "leeg laten = sleutel niet versleutelen",
                        "leave empty = do not encrypt the key",
                    )
                    .into(),
                );
            }
        }
        pass.error = None;
    }

    /// The focus order: name, principal, role, then the passphrase fields.
    fn slots(&self) -> Vec<Slot> {
        let mut slots = vec![Slot::Field(NAME), Slot::Field(PRINCIPAL), Slot::Role];
        if matches!(self.key, KeySetup::Found { .. }) {
            slots.push(Slot::Key);
        }
        match self.pass_mode() {
            PassMode::Choose => slots.extend([Slot::Field(PASS), Slot::Field(REPEAT)]),
            PassMode::Unlock => slots.push(Slot::Field(PASS)),
            PassMode::None => {}
        }
        slots
    }

    fn slot(&self) -> Slot {
        self.slots()[self.focus]
    }

    pub fn hints(&self) -> Vec<Hint> {
        let l = self.lang;
        let mut hints = vec![Hint::new("Tab ↑↓", l.pick("veld", "field"))];
        match self.slot() {
            Slot::Role => hints.push(Hint::new("←→", l.pick("rol kiezen", "choose role"))),
            Slot::Key => hints.push(Hint::new("←→", l.pick("sleutel kiezen", "choose key"))),
            Slot::Field(_) => {}
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
                Slot::Key => {
                    if matches!(
                        key.code,
                        KeyCode::Left | KeyCode::Right | KeyCode::Char(' ')
                    ) {
                        self.use_found = !self.use_found;
                        self.fields[PASS] = Field::masked("");
                        self.fields[REPEAT] = repeat_field(self.lang);
                        self.label_passphrase();
                    }
                }
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
                let passphrase = match self.pass_mode() {
                    PassMode::None => None,
                    PassMode::Choose | PassMode::Unlock => {
                        Some(self.fields[PASS].value()).filter(|p| !p.is_empty())
                    }
                };
                return Some(Outcome::Done(Identity {
                    name: self.fields[NAME].value().trim().to_owned(),
                    principal: self.fields[PRINCIPAL].value().trim().to_owned(),
                    role: ROLES[self.role].to_owned(),
                    passphrase,
                    use_found: self.use_found,
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

    /// Whether `passphrase` opens the existing key; asked here so a typo is
    /// fixed in place rather than after the store was half made.
    fn unlock_error(&self, passphrase: &str) -> Option<String> {
        let key = match &self.key {
            KeySetup::Existing(key) | KeySetup::Found { key, .. } => key,
            KeySetup::New => return None,
        };
        key.unlock(Some(passphrase)).err().map(|_| {
            self.lang
                .pick(
                    "deze wachtwoordzin opent de sleutel niet; probeer het opnieuw",
                    "this passphrase does not open the key; try again",
                )
                .into()
        })
    }

    fn error_of(&self, i: usize) -> Option<String> {
        let l = self.lang;
        let value = self.fields[i].value();
        match i {
            NAME if value.trim().is_empty() => {
                Some(l.pick("vul uw naam in", "enter your name").into())
            }
            PRINCIPAL if !is_principal(value.trim()) => Some(l.bad_principal_help()),
            PASS if self.pass_mode() == PassMode::Unlock => self.unlock_error(&value),
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
    fn render_key(&self, area: Rect, buf: &mut Buffer, focused: bool) {
        let l = self.lang;
        let KeySetup::Found { path, .. } = &self.key else {
            return;
        };
        let choices = [
            (true, l.use_found_key(path)),
            (
                false,
                l.pick("een nieuwe sleutel maken", "make a new key")
                    .to_owned(),
            ),
        ];
        choice_block(
            l.pick("Uw sleutel om mee te ondertekenen", "Your key to sign with"),
            choices
                .iter()
                .map(|(use_found, text)| (text.as_str(), *use_found == self.use_found)),
            l.pick(
                "dezelfde sleutel werkt ook voor SSH; handtekeningen blijven gescheiden",
                "the same key also works for SSH; the signatures stay apart",
            ),
            focused,
        )
        .render(area, buf);
    }

    fn render_role(&self, area: Rect, buf: &mut Buffer, focused: bool) {
        let l = self.lang;
        choice_block(
            l.onboarding_role_label(),
            ROLES
                .iter()
                .enumerate()
                .map(|(i, role)| (*role, i == self.role)),
            l.onboarding_role_note(),
            focused,
        )
        .render(area, buf);
    }
}

fn repeat_field(lang: Lang) -> Field {
    Field::masked(lang.pick("Herhaal de wachtwoordzin", "Repeat the passphrase"))
}

/// A labelled one-of-several choice on one line, with a quiet note below.
/// The chosen option is marked `(•)`, and reversed while focused.
fn choice_block<'a>(
    label: &str,
    choices: impl Iterator<Item = (&'a str, bool)>,
    note: &str,
    focused: bool,
) -> Paragraph<'static> {
    let (marker, style) = if focused {
        ("▶ ", Style::new().add_modifier(Modifier::BOLD))
    } else {
        ("  ", Style::new())
    };
    let mut line = vec![Span::raw("    ")];
    for (text, chosen) in choices {
        let mark = if chosen { "(•)" } else { "( )" };
        let style = if chosen && focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        };
        line.push(Span::styled(format!("{mark} {text}"), style));
        line.push(Span::raw("  "));
    }
    Paragraph::new(vec![
        Line::styled(format!("{marker}{label}"), style),
        Line::from(line),
        Line::styled(
            format!("    {note}"),
            Style::new().add_modifier(Modifier::DIM),
        ),
    ])
}

impl Widget for &Onboarding {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let l = self.lang;
        let slots = self.slots();
        let heights: Vec<u16> = slots
            .iter()
            .map(|slot| match slot {
                Slot::Field(i) => self.fields[*i].height(area.width),
                Slot::Role | Slot::Key => 3,
            })
            .collect();
        let intro = l.onboarding_intro(
            !matches!(self.key, KeySetup::Existing(_)),
            matches!(self.key, KeySetup::Found { .. }),
        );
        let intro_height = rows(intro, area.width).saturating_add(1);
        // On a short window the introduction gives way first, then the
        // fields above the focus scroll out of view: the focus always shows.
        let total: u16 = heights.iter().sum();
        let intro_height = if intro_height.saturating_add(total) <= area.height {
            intro_height
        } else {
            1
        };
        let room = area.height.saturating_sub(intro_height);
        let first = first_visible(&heights, self.focus, room);
        let mut constraints = vec![Constraint::Length(intro_height)];
        constraints.extend(heights[first..].iter().map(|h| Constraint::Length(*h)));
        constraints.push(Constraint::Fill(1));
        let areas = Layout::vertical(constraints).split(area);
        let mut head = vec![Line::styled(
            l.pick("Welkom bij maatwerk", "Welcome to maatwerk"),
            Style::new().add_modifier(Modifier::BOLD),
        )];
        if intro_height > 1 {
            head.push(Line::raw(intro));
        }
        Paragraph::new(head)
            .wrap(Wrap { trim: true })
            .render(areas[0], buf);
        for (at, slot) in slots.iter().enumerate().skip(first) {
            let area = areas[at - first + 1];
            let focused = at == self.focus;
            match slot {
                Slot::Field(i) => self.fields[*i].render(area, buf, focused),
                Slot::Role => self.render_role(area, buf, focused),
                Slot::Key => self.render_key(area, buf, focused),
            }
        }
    }
}

/// Runs the first-run form until it is done or cancelled.
pub fn onboard<B: Backend>(
    terminal: &mut Terminal<B>,
    form: &mut Onboarding,
    events: &mut dyn Iterator<Item = io::Result<Event>>,
) -> io::Result<Option<Identity>>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    loop {
        terminal
            .draw(|frame| {
                let area = frame.area();
                let [main, bar] =
                    Layout::vertical([Constraint::Fill(1), Constraint::Length(2)]).areas(area);
                let block = Block::bordered().title(Line::styled(
                    " maatwerk ",
                    Style::new().add_modifier(Modifier::BOLD),
                ));
                let inner = block.inner(main);
                frame.render_widget(block, main);
                frame.render_widget(&*form, inner);
                // Esc and Ctrl-C both stop here; the form's hints name Esc.
                frame.render_widget(HintBar(&form.hints()), bar);
            })
            .map_err(io::Error::other)?;
        let Some(event) = events.next() else {
            return Ok(None);
        };
        let Event::Key(key) = event? else { continue };
        if key.kind != KeyEventKind::Press {
            continue;
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Ok(None);
        }
        match form.update(Onboarding::on_key(key)) {
            Some(Outcome::Done(identity)) => return Ok(Some(identity)),
            Some(Outcome::Cancel) => return Ok(None),
            None => {}
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
        let mut o = Onboarding::new(Lang::Nl, KeySetup::New);
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
                use_found: false,
            }))
        );
    }

    #[test]
    fn an_empty_passphrase_means_an_unencrypted_key() {
        let mut o = Onboarding::new(Lang::En, KeySetup::New);
        let done = typed(&mut o, "Anna\nanna@x\n\n\n\n");
        let Some(Outcome::Done(identity)) = done else {
            panic!("{done:?}")
        };
        assert_eq!(identity.passphrase, None);
        assert_eq!(identity.role, "consulent", "the usual role is the default");
    }

    fn key_file(passphrase: Option<&str>) -> KeyFile {
        let key = crate::domain::keys::Signer::generate("anna").unwrap();
        KeyFile::parse(&key.to_openssh(passphrase).unwrap()).unwrap()
    }

    fn press(o: &mut Onboarding, code: KeyCode) {
        o.update(Onboarding::on_key(KeyEvent::new(code, KeyModifiers::NONE)));
    }

    #[test]
    fn a_key_that_was_found_is_offered_and_a_new_one_is_the_other_choice() {
        let mut o = Onboarding::new(
            Lang::Nl,
            KeySetup::Found {
                path: "~/.ssh/id_ed25519".into(),
                key: key_file(None),
            },
        );
        typed(&mut o, "Anna\nanna@x\n\n");
        assert_eq!(o.slot(), Slot::Key);
        assert!(o.use_found, "the key the person has is the default");
        assert_eq!(o.slots().len(), 4, "an unencrypted key needs no passphrase");
        press(&mut o, KeyCode::Right);
        assert!(!o.use_found);
        assert_eq!(o.slots().len(), 6, "a new key asks a passphrase twice");
        press(&mut o, KeyCode::Left);
        let done = typed(&mut o, "\n");
        let Some(Outcome::Done(identity)) = done else {
            panic!("{done:?}")
        };
        assert!(identity.use_found);
        assert_eq!(identity.passphrase, None);
    }

    #[test]
    fn an_encrypted_existing_key_is_opened_in_the_form() {
        let mut o = Onboarding::new(Lang::En, KeySetup::Existing(key_file(Some("juiste zin"))));
        typed(&mut o, "Anna\nanna@x\n\n");
        assert_eq!(o.slot(), Slot::Field(PASS));
        assert_eq!(o.slots().len(), 4, "no repeat: the key exists");
        assert_eq!(typed(&mut o, "foute zin\n"), None);
        assert!(
            o.fields[PASS]
                .error
                .as_deref()
                .is_some_and(|e| e.contains("does not open the key")),
            "{:?}",
            o.fields[PASS].error
        );
        for _ in 0.."foute zin".len() {
            press(&mut o, KeyCode::Backspace);
        }
        let done = typed(&mut o, "juiste zin\n");
        let Some(Outcome::Done(identity)) = done else {
            panic!("{done:?}")
        };
        assert_eq!(identity.passphrase.as_deref(), Some("juiste zin"));
        assert!(!identity.use_found);
    }

    fn screen(o: &Onboarding, width: u16, height: u16) -> String {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
        o.render(buf.area, &mut buf);
        (0..height)
            .map(|y| {
                (0..width)
                    .map(|x| buf[(x, y)].symbol().to_owned())
                    .collect::<String>()
                    + "\n"
            })
            .collect()
    }

    #[test]
    fn the_focused_field_shows_however_small_the_window() {
        let mut o = Onboarding::new(
            Lang::Nl,
            KeySetup::Found {
                path: "~/.ssh/id_ed25519".into(),
                key: key_file(None),
            },
        );
        typed(&mut o, "Anna\nanna@x\n\n");
        press(&mut o, KeyCode::Right);
        typed(&mut o, "\nlange wachtwoordzin\n");
        assert_eq!(o.slot(), Slot::Field(REPEAT));
        for (width, height) in [(78, 20), (48, 10)] {
            let text = screen(&o, width, height);
            assert!(text.contains("▶ Herhaal"), "{width}×{height}:\n{text}");
        }
        let roomy = screen(&o, 78, 30);
        assert!(roomy.contains("Er is nog geen opslag"), "{roomy}");
        assert!(roomy.contains("Uw naam"), "{roomy}");
    }
}
