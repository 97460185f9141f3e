//! The inbox's keys, screen by screen: what they do and their hints, from
//! one table each.

use crossterm::event::KeyCode;

use super::Msg;
use crate::domain::review::Verdict;
use crate::i18n::KeyAction;
use crate::tui::keymap::{Binding, Key, Label};

const HELP: Binding<Msg> = Binding::hinted(
    &[Key::char('?'), Key::Code(KeyCode::F(1))],
    Msg::ToggleHelp,
    Label::Fixed("?"),
    KeyAction::Help,
);

/// The list of records waiting.
pub const LIST: &[Binding<Msg>] = &[
    Binding::hinted(
        &[Key::Code(KeyCode::Up), Key::char('k')],
        Msg::Up,
        Label::Fixed("↑↓"),
        KeyAction::Move,
    ),
    Binding::quiet(&[Key::Code(KeyCode::Down), Key::char('j')], Msg::Down),
    Binding::hinted(
        &[Key::Code(KeyCode::Enter)],
        Msg::Open,
        Label::Fixed("Enter"),
        KeyAction::Read,
    ),
    Binding::hinted(
        &[Key::Code(KeyCode::Esc), Key::char('q')],
        Msg::Back,
        Label::Fixed("Esc"),
        KeyAction::Quit,
    ),
    HELP,
];

/// Nothing waiting: any of these leaves.
pub const BACK_OR_LEAVE: &[Binding<Msg>] = &[Binding::hinted(
    &[
        Key::Code(KeyCode::Esc),
        Key::Code(KeyCode::Enter),
        Key::char('q'),
    ],
    Msg::Back,
    Label::Fixed("Esc"),
    KeyAction::Quit,
)];

/// Reading a record.
pub const READING: &[Binding<Msg>] = &[
    Binding::hinted(
        &[Key::Code(KeyCode::Enter), Key::char('b')],
        Msg::ToVerdict,
        Label::Fixed("Enter"),
        KeyAction::Judge,
    ),
    Binding::hinted(
        &[Key::Code(KeyCode::Tab), Key::char('n')],
        Msg::ToggleNorm,
        Label::Fixed("Tab"),
        KeyAction::RecordOrNorm,
    ),
    Binding::hinted(
        &[Key::Code(KeyCode::PageDown), Key::char(' ')],
        Msg::Scroll(10),
        Label::Fixed("↑↓ PgUp/PgDn"),
        KeyAction::Scroll,
    ),
    Binding::quiet(&[Key::Code(KeyCode::PageUp)], Msg::Scroll(-10)),
    Binding::quiet(&[Key::Code(KeyCode::Up), Key::char('k')], Msg::Up),
    Binding::quiet(&[Key::Code(KeyCode::Down), Key::char('j')], Msg::Down),
    Binding::hinted(
        &[Key::Code(KeyCode::Esc)],
        Msg::Back,
        Label::Fixed("Esc"),
        KeyAction::Back,
    ),
    HELP,
];

const CHOOSE: [Binding<Msg>; 3] = [
    Binding::hinted(
        &[Key::Code(KeyCode::F(5))],
        Msg::Choose(Verdict::Approve),
        Label::Fixed("F5"),
        KeyAction::Approve,
    ),
    Binding::hinted(
        &[Key::Code(KeyCode::F(6))],
        Msg::Choose(Verdict::Return),
        Label::Fixed("F6"),
        KeyAction::Return,
    ),
    Binding::hinted(
        &[Key::Code(KeyCode::F(7))],
        Msg::Choose(Verdict::Reject),
        Label::Fixed("F7"),
        KeyAction::Reject,
    ),
];
const FIELDS_SIGN_BACK_HELP: [Binding<Msg>; 5] = [
    Binding::hinted(
        &[Key::Code(KeyCode::Tab)],
        Msg::NextFocus,
        Label::Fixed("Tab"),
        KeyAction::NextField,
    ),
    Binding::quiet(&[Key::Code(KeyCode::BackTab)], Msg::PrevFocus),
    Binding::hinted(
        &[Key::Ctrl('s'), Key::Code(KeyCode::F(2))],
        Msg::Sign,
        Label::Fixed("Ctrl-S"),
        KeyAction::Sign,
    ),
    Binding::hinted(
        &[Key::Code(KeyCode::Esc)],
        Msg::Back,
        Label::Fixed("Esc"),
        KeyAction::Back,
    ),
    Binding::hinted(
        &[Key::Code(KeyCode::F(1))],
        Msg::ToggleHelp,
        Label::Fixed("F1"),
        KeyAction::Help,
    ),
];

/// The verdict, on the choice: ← and → choose.
pub const VERDICT_ON_CHOICE: &[Binding<Msg>] = &[
    Binding::hinted(
        &[Key::Code(KeyCode::Right)],
        Msg::NextChoice,
        Label::Fixed("←→"),
        KeyAction::Choose,
    ),
    Binding::quiet(&[Key::Code(KeyCode::Left)], Msg::PrevChoice),
    CHOOSE[0],
    CHOOSE[1],
    CHOOSE[2],
    FIELDS_SIGN_BACK_HELP[0],
    FIELDS_SIGN_BACK_HELP[1],
    FIELDS_SIGN_BACK_HELP[2],
    FIELDS_SIGN_BACK_HELP[3],
    FIELDS_SIGN_BACK_HELP[4],
];

/// The verdict, in the remark or the passphrase: every other key types
/// (arrows move the cursor).
pub const VERDICT_ON_TEXT: &[Binding<Msg>] = &[
    CHOOSE[0],
    CHOOSE[1],
    CHOOSE[2],
    FIELDS_SIGN_BACK_HELP[0],
    FIELDS_SIGN_BACK_HELP[1],
    FIELDS_SIGN_BACK_HELP[2],
    FIELDS_SIGN_BACK_HELP[3],
    FIELDS_SIGN_BACK_HELP[4],
];

/// Help is open: Esc, F1 or ? closes it.
pub const IN_HELP: &[Binding<Msg>] = &[Binding::hinted(
    &[
        Key::Code(KeyCode::Esc),
        Key::Code(KeyCode::F(1)),
        Key::char('?'),
    ],
    Msg::ToggleHelp,
    Label::Fixed("Esc"),
    KeyAction::CloseHelp,
)];

/// A verdict signed.
pub const DONE: &[Binding<Msg>] = &[
    Binding::hinted(
        &[Key::Code(KeyCode::Enter)],
        Msg::Open,
        Label::Fixed("Enter"),
        KeyAction::NextInInbox,
    ),
    Binding::hinted(
        &[Key::Code(KeyCode::Esc), Key::char('q')],
        Msg::Back,
        Label::Fixed("Esc"),
        KeyAction::Quit,
    ),
];
