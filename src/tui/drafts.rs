//! Before a new decision: the drafts still open, to go on with one or to
//! start afresh. Each is told by its norm, its case and how long ago it was
//! last worked on; a draft without a case reference says so.

use crossterm::event::{KeyCode, KeyEvent};
use jiff::Timestamp;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::hints::Hint;
use super::keymap::{self, Binding, Key, Label};
use crate::domain::draft::Draft;
use crate::domain::norm::catalog::Catalog;
use crate::i18n::{KeyAction, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Up,
    Down,
    Choose,
    New,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    GoOn(Box<Draft>),
    New,
}

const KEYS: &[Binding<Msg>] = &[
    Binding::hinted(
        &[Key::Code(KeyCode::Down), Key::Code(KeyCode::Tab)],
        Msg::Down,
        Label::Fixed("↑↓"),
        KeyAction::Move,
    ),
    Binding::quiet(
        &[Key::Code(KeyCode::Up), Key::Code(KeyCode::BackTab)],
        Msg::Up,
    ),
    Binding::hinted(
        &[Key::Code(KeyCode::Enter)],
        Msg::Choose,
        Label::Fixed("Enter"),
        KeyAction::Next,
    ),
    Binding::hinted(
        &[Key::char('n'), Key::char('N')],
        Msg::New,
        Label::Fixed("n"),
        KeyAction::NewDecision,
    ),
];

/// One draft as the list shows it.
struct Row {
    draft: Draft,
    norm: String,
}

pub struct DraftChoice {
    lang: Lang,
    now: Timestamp,
    rows: Vec<Row>,
    /// The row chosen; one past the drafts is "a new decision".
    at: usize,
}

impl DraftChoice {
    /// The choice between `drafts` (newest first) and a new decision.
    pub fn new(lang: Lang, drafts: Vec<Draft>, catalog: &Catalog, now: Timestamp) -> Self {
        let rows = drafts
            .into_iter()
            .map(|draft| {
                let norm = draft.norm.as_ref().map_or_else(
                    || lang.draft_without_norm().to_owned(),
                    |n| {
                        catalog
                            .get(&n.id)
                            .map_or_else(|| n.id.clone(), |l| l.norm.title.clone())
                    },
                );
                Row { draft, norm }
            })
            .collect();
        Self {
            lang,
            now,
            rows,
            at: 0,
        }
    }

    pub fn hints(&self) -> Vec<Hint> {
        keymap::hints(KEYS, self.lang)
    }

    pub fn on_key(key: KeyEvent) -> Option<Msg> {
        keymap::lookup(KEYS, &key)
    }

    pub fn update(&mut self, msg: Msg) -> Option<Outcome> {
        let last = self.rows.len();
        match msg {
            Msg::Down => self.at = (self.at + 1) % (last + 1),
            Msg::Up => self.at = (self.at + last) % (last + 1),
            Msg::New => return Some(Outcome::New),
            Msg::Choose => {
                return Some(match self.rows.get(self.at) {
                    Some(row) => Outcome::GoOn(Box::new(row.draft.clone())),
                    None => Outcome::New,
                });
            }
        }
        None
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let l = self.lang;
        let mut lines = vec![Line::from(l.drafts_open(self.rows.len())), Line::default()];
        let mark = |on: bool| if on { "▶ " } else { "  " };
        let bold = |on: bool| {
            if on {
                Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
            } else {
                Style::new().add_modifier(Modifier::BOLD)
            }
        };
        for (i, row) in self.rows.iter().enumerate() {
            let on = i == self.at;
            let d = &row.draft;
            let case = if d.case.trim().is_empty() {
                l.draft_without_case().to_owned()
            } else {
                d.case.clone()
            };
            lines.push(Line::from(vec![
                Span::raw(mark(on)),
                Span::styled(case, bold(on)),
                Span::raw(" · "),
                Span::raw(row.norm.clone()),
            ]));
            let age = self.now.duration_since(d.updated);
            lines.push(Line::from(format!(
                "    {} · {}",
                l.draft_step(d.step),
                l.ago(age)
            )));
        }
        lines.push(Line::default());
        let on = self.at == self.rows.len();
        lines.push(Line::from(vec![
            Span::raw(mark(on)),
            Span::styled(l.start_new_decision(), bold(on)),
        ]));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(case: &str, minutes_ago: i64) -> Draft {
        let now: Timestamp = "2026-11-23T12:00:00Z".parse().unwrap();
        let mut d = Draft::new(now - jiff::SignedDuration::from_mins(minutes_ago));
        d.case = case.into();
        d
    }

    #[test]
    fn a_draft_is_chosen_or_a_new_decision_started() {
        let now = "2026-11-23T12:00:00Z".parse().unwrap();
        let drafts = vec![draft("Z-2026-000042", 5), draft("", 60 * 26)];
        let mut choice = DraftChoice::new(Lang::Nl, drafts, &Catalog::bundled(), now);
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(60, 12)).unwrap();
        terminal
            .draw(|f| choice.render(f.area(), f.buffer_mut()))
            .unwrap();
        let screen = terminal.backend().to_string();
        for text in [
            "2 open concepten",
            "Z-2026-000042",
            "5 minuten geleden",
            "(nog geen zaaknummer)",
            "1 dag geleden",
            "Nieuw besluit beginnen",
        ] {
            assert!(screen.contains(text), "{text}: {screen}");
        }
        choice.update(Msg::Down);
        let Some(Outcome::GoOn(d)) = choice.update(Msg::Choose) else {
            panic!("no draft chosen")
        };
        assert_eq!(d.case, "");
        choice.update(Msg::Down);
        assert_eq!(choice.update(Msg::Choose), Some(Outcome::New));
        choice.update(Msg::Down);
        assert!(
            matches!(choice.update(Msg::Choose), Some(Outcome::GoOn(_))),
            "wraps round"
        );
        assert_eq!(choice.update(Msg::New), Some(Outcome::New));
    }
}
