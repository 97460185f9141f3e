//! First run: no key or store yet. Asks who you are, your role and a
//! passphrase; the walkthrough's host then makes an OpenSSH key and a local
//! store with you as its trust root (who also manages the keyring), and the
//! walkthrough starts. Opening an existing key (slow, on purpose) is asked
//! of the host too, never done here.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::field::{Field, first_visible};
use super::hints::Hint;
use super::keymap::{self, Binding, Key, Label};
use super::text::rows;
use crate::domain::keyring::is_principal;
use crate::domain::keys::{KeyFile, is_strong_enough};
use crate::domain::store::DEFAULT_ROLES;
use crate::i18n::{KeyAction, Lang};

mod choice;
use choice::Choice;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Edit(KeyEvent),
    Next,
    Prev,
    /// ← on a choice.
    ChoosePrev,
    /// → or Space on a choice.
    ChooseNext,
    Submit,
    Cancel,
}

const FIELD: Binding<Msg> = Binding::hinted(
    &[Key::Code(KeyCode::Tab), Key::Code(KeyCode::Down)],
    Msg::Next,
    Label::Fixed("Tab ↑↓"),
    KeyAction::Field,
);
const PREV: Binding<Msg> = Binding::quiet(
    &[Key::Code(KeyCode::BackTab), Key::Code(KeyCode::Up)],
    Msg::Prev,
);
const SUBMIT: Binding<Msg> = Binding::hinted(
    &[Key::Code(KeyCode::Enter)],
    Msg::Submit,
    Label::Fixed("Enter"),
    KeyAction::Next,
);
const CANCEL: Binding<Msg> = Binding::hinted(
    &[Key::Code(KeyCode::Esc)],
    Msg::Cancel,
    Label::Fixed("Esc"),
    KeyAction::Quit,
);
const NEXT_CHOICE: Binding<Msg> = Binding::quiet(
    &[Key::Code(KeyCode::Right), Key::char(' ')],
    Msg::ChooseNext,
);

const KEYS_ON_FIELD: &[Binding<Msg>] = &[FIELD, PREV, SUBMIT, CANCEL];
const KEYS_ON_ROLE: &[Binding<Msg>] = &[
    FIELD,
    PREV,
    Binding::hinted(
        &[Key::Code(KeyCode::Left)],
        Msg::ChoosePrev,
        Label::Fixed("←→"),
        KeyAction::ChooseRole,
    ),
    NEXT_CHOICE,
    SUBMIT,
    CANCEL,
];
const KEYS_ON_NORMS: &[Binding<Msg>] = &[
    FIELD,
    PREV,
    Binding::hinted(
        &[Key::Code(KeyCode::Left)],
        Msg::ChoosePrev,
        Label::Fixed("←→"),
        KeyAction::Choose,
    ),
    NEXT_CHOICE,
    SUBMIT,
    CANCEL,
];
const KEYS_ON_KEY: &[Binding<Msg>] = &[
    FIELD,
    PREV,
    Binding::hinted(
        &[Key::Code(KeyCode::Left)],
        Msg::ChoosePrev,
        Label::Fixed("←→"),
        KeyAction::ChooseKey,
    ),
    NEXT_CHOICE,
    SUBMIT,
    CANCEL,
];

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
    /// Adopt the norms in use into the new store.
    pub adopt_examples: bool,
}

/// The norms the first run offers to adopt into the new store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NormsOffer {
    /// How many of them are usable today.
    pub count: usize,
    /// Whether they are the examples bundled in the program.
    pub bundled: bool,
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
    /// Check that `passphrase` opens the existing key (the found one when
    /// `use_found`) before going on.
    Unlock {
        use_found: bool,
        passphrase: String,
    },
    Cancel,
}

// Indexes into `fields`.
const NAME: usize = 0;
const PRINCIPAL: usize = 1;
const PASS: usize = 2;
const REPEAT: usize = 3;

/// The roles a first user chooses from: a new store's, the usual first.
const ROLES: &[&str] = DEFAULT_ROLES;

/// Where the focus is: a text field, or the role between the principal and
/// the passphrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Field(usize),
    Role,
    /// Use the key that was found, or make a new one.
    Key,
    /// Adopt the norms in use, or not.
    Norms,
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
    /// The passphrase the host found to open the existing key.
    opened_with: Option<String>,
    /// The norms offered for adoption, and whether to adopt them.
    offer: Option<(NormsOffer, bool)>,
    /// Why setting up failed, when it did.
    pub error: Option<String>,
    /// Esc was pressed once with something typed: the next Esc stops.
    stopping: bool,
}

impl Onboarding {
    pub fn new(lang: Lang, key: KeySetup) -> Self {
        let fields = vec![
            Field::new(lang.label_your_name(), ""),
            Field::new(lang.label_your_principal(), ""),
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
            opened_with: None,
            offer: None,
            error: None,
            stopping: false,
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
                pass.label = l.label_existing_passphrase().into();
                pass.note = None;
            }
            PassMode::Choose | PassMode::None => {
                pass.label = l.label_new_passphrase().into();
                pass.note = Some(l.note_empty_passphrase().into());
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
        if self.offer.is_some() {
            slots.push(Slot::Norms);
        }
        slots
    }

    /// Offers to adopt the norms in use into the new store (yes unless the
    /// person says no).
    #[must_use]
    pub fn offering(mut self, offer: NormsOffer) -> Self {
        self.offer = (offer.count > 0).then_some((offer, true));
        self
    }

    fn slot(&self) -> Slot {
        self.slots()[self.focus]
    }

    fn keymap(&self) -> &'static [Binding<Msg>] {
        match self.slot() {
            Slot::Field(_) => KEYS_ON_FIELD,
            Slot::Role => KEYS_ON_ROLE,
            Slot::Key => KEYS_ON_KEY,
            Slot::Norms => KEYS_ON_NORMS,
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
        if msg != Msg::Cancel {
            self.stopping = false;
        }
        match msg {
            Msg::Edit(key) => match self.slot() {
                Slot::Field(i) => {
                    self.fields[i].input(key);
                    self.fields[i].error = None;
                }
                Slot::Role => {
                    if let KeyCode::Char(c) = key.code
                        && let Some(i) = ROLES.iter().position(|r| r.starts_with(c))
                    {
                        self.role = i;
                    }
                }
                Slot::Key | Slot::Norms => {}
            },
            Msg::ChoosePrev | Msg::ChooseNext => match self.slot() {
                Slot::Role => {
                    let step = if msg == Msg::ChooseNext {
                        1
                    } else {
                        ROLES.len() - 1
                    };
                    self.role = (self.role + step) % ROLES.len();
                }
                Slot::Norms => {
                    if let Some((_, adopt)) = &mut self.offer {
                        *adopt = !*adopt;
                    }
                }
                Slot::Key => {
                    self.use_found = !self.use_found;
                    self.opened_with = None;
                    self.fields[PASS] = Field::masked("");
                    self.fields[REPEAT] = repeat_field(self.lang);
                    self.label_passphrase();
                }
                Slot::Field(_) => {}
            },
            Msg::Next => self.focus = (self.focus + 1).min(self.slots().len() - 1),
            Msg::Prev => self.focus = self.focus.saturating_sub(1),
            // Typed work is not thrown away on one key: the first Esc asks.
            Msg::Cancel if self.stopping || self.fields.iter().all(|f| f.value().is_empty()) => {
                return Some(Outcome::Cancel);
            }
            Msg::Cancel => {
                self.stopping = true;
                self.error = Some(self.lang.onboarding_stop_question().into());
                return None;
            }
            Msg::Submit => return self.submit(),
        }
        None
    }

    fn submit(&mut self) -> Option<Outcome> {
        if let Slot::Field(i) = self.slot() {
            let error = self.error_of(i);
            self.fields[i].error.clone_from(&error);
            if error.is_some() {
                return None;
            }
            if let Some(unlock) = self.needs_unlock(i) {
                return Some(unlock);
            }
        }
        let slots = self.slots();
        if self.focus + 1 < slots.len() {
            self.focus += 1;
            return None;
        }
        for (at, slot) in slots.iter().enumerate() {
            if let Slot::Field(i) = *slot {
                if let Some(e) = self.error_of(i) {
                    self.fields[i].error = Some(e);
                    self.focus = at;
                    return None;
                }
                if let Some(unlock) = self.needs_unlock(i) {
                    self.focus = at;
                    return Some(unlock);
                }
            }
        }
        let passphrase = match self.pass_mode() {
            PassMode::None => None,
            PassMode::Choose | PassMode::Unlock => {
                Some(self.fields[PASS].value()).filter(|p| !p.is_empty())
            }
        };
        Some(Outcome::Done(Identity {
            name: self.fields[NAME].value().trim().to_owned(),
            // Addresses are the same in any case of letters; the keyring
            // keeps them in lower case.
            principal: self.fields[PRINCIPAL].value().trim().to_lowercase(),
            role: ROLES[self.role].to_owned(),
            passphrase,
            use_found: self.use_found,
            adopt_examples: self.offer.is_some_and(|(_, adopt)| adopt),
        }))
    }

    /// When field `i` is the passphrase of an existing key that has not
    /// been opened with what is typed: ask the host to try it.
    fn needs_unlock(&self, i: usize) -> Option<Outcome> {
        let value = self.fields[i].value();
        (i == PASS
            && self.pass_mode() == PassMode::Unlock
            && self.opened_with.as_deref() != Some(value.as_str()))
        .then_some(Outcome::Unlock {
            use_found: self.use_found,
            passphrase: value,
        })
    }

    /// What the host found when it tried `passphrase` on the existing key;
    /// when it opened the key, submitting goes on where it was.
    pub fn unlocked(&mut self, passphrase: &str, opened: bool) -> Option<Outcome> {
        if opened {
            self.opened_with = Some(passphrase.to_owned());
            self.submit()
        } else {
            self.fields[PASS].error = Some(self.lang.field_passphrase_does_not_open().into());
            None
        }
    }

    fn error_of(&self, i: usize) -> Option<String> {
        let l = self.lang;
        let value = self.fields[i].value();
        match i {
            NAME if value.trim().is_empty() => Some(l.field_enter_name().into()),
            PRINCIPAL if !is_principal(&value.trim().to_lowercase()) => {
                Some(l.bad_principal_help())
            }
            PASS if self.pass_mode() == PassMode::Unlock => None,
            PASS if !value.is_empty() && !is_strong_enough(&value) => {
                Some(l.field_passphrase_short().into())
            }
            REPEAT if value != self.fields[PASS].value() => {
                Some(l.field_passphrases_differ().into())
            }
            _ => None,
        }
    }
}

impl Onboarding {
    /// A choice slot as label, options (with the chosen one) and note.
    fn choice(&self, slot: Slot) -> Choice {
        let l = self.lang;
        match slot {
            Slot::Key => {
                let path = match &self.key {
                    KeySetup::Found { path, .. } => path.as_str(),
                    _ => "",
                };
                Choice {
                    label: l.label_your_key().to_owned(),
                    options: vec![
                        (l.use_found_key(path), self.use_found),
                        (l.make_new_key().to_owned(), !self.use_found),
                    ],
                    note: l.note_same_key_for_ssh().to_owned(),
                }
            }
            Slot::Norms => {
                let (offer, adopt) = self.offer.unwrap_or((
                    NormsOffer {
                        count: 0,
                        bundled: true,
                    },
                    false,
                ));
                Choice {
                    label: l.adopt_norms_label().to_owned(),
                    options: vec![
                        (l.adopt_norms_yes(offer.count, offer.bundled), adopt),
                        (l.adopt_norms_no().to_owned(), !adopt),
                    ],
                    note: l.adopt_norms_note(offer.bundled).to_owned(),
                }
            }
            Slot::Role | Slot::Field(_) => Choice {
                label: l.onboarding_role_label().to_owned(),
                options: ROLES
                    .iter()
                    .enumerate()
                    .map(|(i, role)| ((*role).to_owned(), i == self.role))
                    .collect(),
                note: l.onboarding_role_note().to_owned(),
            },
        }
    }

    /// The rows slot `slot` takes at `width`.
    fn height(&self, slot: Slot, width: u16) -> u16 {
        match slot {
            Slot::Field(i) => self.fields[i].height(width),
            choice => self.choice(choice).height(width),
        }
    }
}

fn repeat_field(lang: Lang) -> Field {
    Field::masked(lang.label_repeat_passphrase())
}

impl Widget for &Onboarding {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let l = self.lang;
        let slots = self.slots();
        let heights: Vec<u16> = slots.iter().map(|s| self.height(*s, area.width)).collect();
        let intro = l.onboarding_intro(
            !matches!(self.key, KeySetup::Existing(_)),
            matches!(self.key, KeySetup::Found { .. }),
        );
        let error_height = self
            .error
            .as_ref()
            .map_or(0, |e| rows(&format!("✗ {e}"), area.width));
        let height = area.height.saturating_sub(error_height);
        // The introduction shows in full while it fits with the fields up to
        // the focus; otherwise it gives way, then fields above the focus
        // scroll out of view. Fields below the focus show as far as there
        // is room: the focused one always shows whole.
        let up_to_focus: u16 = heights[..=self.focus].iter().sum();
        let full = rows(intro, area.width).saturating_add(1);
        let intro_height = if full.saturating_add(up_to_focus) <= height {
            full
        } else {
            1
        };
        let room = height.saturating_sub(intro_height);
        let first = first_visible(&heights, self.focus, room);
        let mut head = vec![Line::styled(
            l.welcome(),
            Style::new().add_modifier(Modifier::BOLD),
        )];
        if intro_height > 1 {
            head.push(Line::raw(intro));
        }
        let [intro_area, rest] =
            Layout::vertical([Constraint::Length(intro_height), Constraint::Fill(1)]).areas(area);
        Paragraph::new(head)
            .wrap(Wrap { trim: true })
            .render(intro_area, buf);
        let mut y = rest.y;
        let bottom = rest.y.saturating_add(room);
        for (at, slot) in slots.iter().enumerate().skip(first) {
            let h = heights[at];
            if y.saturating_add(h) > bottom {
                break;
            }
            let slot_area = Rect::new(rest.x, y, rest.width, h);
            let focused = at == self.focus;
            match slot {
                Slot::Field(i) => self.fields[*i].render(slot_area, buf, focused),
                choice => self.choice(*choice).render(slot_area, buf, focused),
            }
            y += h;
        }
        if let Some(error) = &self.error {
            let y = area.y + area.height.saturating_sub(error_height);
            Paragraph::new(Line::styled(
                format!("✗ {error}"),
                Style::new().add_modifier(Modifier::BOLD),
            ))
            .wrap(Wrap { trim: true })
            .render(Rect::new(area.x, y, area.width, error_height), buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    #[test]
    fn esc_with_something_typed_asks_before_the_work_is_thrown_away() {
        let mut empty = Onboarding::new(Lang::Nl, KeySetup::New);
        assert_eq!(
            empty.update(Msg::Cancel),
            Some(Outcome::Cancel),
            "nothing to lose"
        );
        let mut o = Onboarding::new(Lang::Nl, KeySetup::New);
        typed(&mut o, "Anna de Wit\nanna@");
        assert_eq!(o.update(Msg::Cancel), None);
        assert!(
            o.error
                .as_deref()
                .is_some_and(|e| e.contains("nog eens op Esc"))
        );
        // Typing on: the question is gone, and one Esc asks again.
        typed(&mut o, "x");
        assert_eq!(o.update(Msg::Cancel), None);
        assert_eq!(o.update(Msg::Cancel), Some(Outcome::Cancel));
    }

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
            let msg = o.on_key(key);
            outcome = o.update(msg);
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
            "an address has no spaces"
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
            let msg = o.on_key(KeyEvent::new(code, KeyModifiers::NONE));
            o.update(msg);
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
                adopt_examples: false,
            }))
        );
    }

    #[test]
    fn the_work_address_is_kept_in_lower_case() {
        let mut o = Onboarding::new(Lang::Nl, KeySetup::New);
        let done = typed(&mut o, "Anna\nAnna.de.Wit@Gemeente.Example\n\n\n\n");
        let Some(Outcome::Done(identity)) = done else {
            panic!("{done:?}")
        };
        assert_eq!(identity.principal, "anna.de.wit@gemeente.example");
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
        let msg = o.on_key(KeyEvent::new(code, KeyModifiers::NONE));
        o.update(msg);
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
        // Opening the key is slow: the form asks the host, which answers.
        assert_eq!(
            typed(&mut o, "foute zin\n"),
            Some(Outcome::Unlock {
                use_found: false,
                passphrase: "foute zin".into()
            })
        );
        assert_eq!(o.unlocked("foute zin", false), None);
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
        assert!(matches!(
            typed(&mut o, "juiste zin\n"),
            Some(Outcome::Unlock { .. })
        ));
        let done = o.unlocked("juiste zin", true);
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
