//! Key bindings as data. Each screen has a table (or one per mode) of
//! bindings: the keys, the message they send and, for the bindings people
//! should know about, the hint. Key handling and the hint bar are both made
//! from the same table, so they cannot drift apart.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::hints::Hint;
use crate::i18n::{KeyAction, Lang};

/// A key as a binding names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A key by its code, without Ctrl (Shift is part of the code where it
    /// matters: `BackTab`, capitals).
    Code(KeyCode),
    /// A letter with Ctrl.
    Ctrl(char),
}

impl Key {
    pub const fn char(c: char) -> Self {
        Self::Code(KeyCode::Char(c))
    }

    fn matches(self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        match self {
            Self::Code(code) => !ctrl && event.code == code,
            Self::Ctrl(c) => ctrl && event.code == KeyCode::Char(c),
        }
    }
}

/// How a hint writes its keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Fixed(&'static str),
    /// "j/n" in Dutch, "y/n" in English.
    YesNo,
    /// "Spatie" or "Space".
    Space,
}

/// One binding: these keys send this message; shown as this hint.
#[derive(Debug, Clone, Copy)]
pub struct Binding<M> {
    pub keys: &'static [Key],
    pub msg: M,
    pub hint: Option<(Label, KeyAction)>,
}

impl<M> Binding<M> {
    /// Keys that send `msg`, with a hint.
    pub const fn hinted(keys: &'static [Key], msg: M, label: Label, action: KeyAction) -> Self {
        Self {
            keys,
            msg,
            hint: Some((label, action)),
        }
    }

    /// Keys that send `msg` without a hint of their own.
    pub const fn quiet(keys: &'static [Key], msg: M) -> Self {
        Self {
            keys,
            msg,
            hint: None,
        }
    }
}

/// The message the first binding that has `event`'s key sends.
pub fn lookup<M: Copy>(map: &[Binding<M>], event: &KeyEvent) -> Option<M> {
    map.iter()
        .find(|b| b.keys.iter().any(|k| k.matches(event)))
        .map(|b| b.msg)
}

/// The hints of a table, in its order, in `lang`.
pub fn hints<M>(map: &[Binding<M>], lang: Lang) -> Vec<Hint> {
    map.iter()
        .filter_map(|b| b.hint)
        .map(|(label, action)| {
            let keys = match label {
                Label::Fixed(text) => text,
                Label::YesNo => lang.key_yes_no(),
                Label::Space => lang.key_space(),
            };
            Hint::new(keys, lang.key_action(action))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Msg {
        Up,
        Save,
        Quiet,
    }

    const MAP: &[Binding<Msg>] = &[
        Binding::hinted(
            &[Key::Code(KeyCode::Up), Key::char('k')],
            Msg::Up,
            Label::Fixed("↑"),
            KeyAction::Move,
        ),
        Binding::hinted(
            &[Key::Ctrl('s')],
            Msg::Save,
            Label::Fixed("Ctrl-S"),
            KeyAction::Done,
        ),
        Binding::quiet(&[Key::Code(KeyCode::Esc)], Msg::Quiet),
    ];

    #[test]
    fn keys_and_hints_come_from_one_table() {
        let press = |code, modifiers| lookup(MAP, &KeyEvent::new(code, modifiers));
        assert_eq!(press(KeyCode::Up, KeyModifiers::NONE), Some(Msg::Up));
        assert_eq!(press(KeyCode::Char('k'), KeyModifiers::NONE), Some(Msg::Up));
        assert_eq!(
            press(KeyCode::Char('s'), KeyModifiers::CONTROL),
            Some(Msg::Save)
        );
        assert_eq!(
            press(KeyCode::Char('s'), KeyModifiers::NONE),
            None,
            "s alone is not Ctrl-S"
        );
        assert_eq!(press(KeyCode::Char('k'), KeyModifiers::CONTROL), None);
        assert_eq!(press(KeyCode::Esc, KeyModifiers::NONE), Some(Msg::Quiet));
        let hints = hints(MAP, Lang::En);
        assert_eq!(
            hints.iter().map(|h| h.keys).collect::<Vec<_>>(),
            ["↑", "Ctrl-S"],
            "quiet bindings have no hint"
        );
    }
}
