//! The motivation, part by part: the four parts of an Awb 4:84 motivation
//! with the norm's guidance and a live count against its `min_chars`, then
//! the resident's own view, who was consulted and the expected effect.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};
use ratatui_textarea::{TextArea, WrapMode};

use super::hints::Hint;
use super::keymap::{self, Binding, Key, Label};
use super::text::rows;
use crate::domain::bsn::contains_bsn;
use crate::domain::decision::{PartProblem, part_problems};
use crate::domain::norm::Norm;
use crate::domain::record::Motivation;
use crate::i18n::{KeyAction, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Edit(KeyEvent),
    Next,
    Prev,
    Done,
    Back,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Done(Motivation),
    Back,
}

const KEYS: &[Binding<Msg>] = &[
    Binding::hinted(
        &[Key::Code(KeyCode::Tab)],
        Msg::Next,
        Label::Fixed("Tab"),
        KeyAction::NextPart,
    ),
    Binding::hinted(
        &[Key::Code(KeyCode::BackTab)],
        Msg::Prev,
        Label::Fixed("Shift-Tab"),
        KeyAction::PreviousPart,
    ),
    Binding::hinted(
        &[Key::Ctrl('s'), Key::Code(KeyCode::F(2))],
        Msg::Done,
        Label::Fixed("Ctrl-S"),
        KeyAction::Done,
    ),
    Binding::hinted(
        &[Key::Code(KeyCode::Esc)],
        Msg::Back,
        Label::Fixed("Esc"),
        KeyAction::Back,
    ),
];

struct Part {
    label: &'static str,
    guidance: Option<String>,
    /// Whether the norm's `min_chars` applies.
    counted: bool,
    area: TextArea<'static>,
}

impl Part {
    fn len(&self) -> usize {
        crate::domain::text::written_len(&self.text())
    }

    fn text(&self) -> String {
        self.area.lines().join("\n")
    }
}

pub struct MotivationForm {
    lang: Lang,
    parts: Vec<Part>,
    focus: usize,
    min_chars: u32,
    error: Option<String>,
}

impl MotivationForm {
    pub fn new(lang: Lang, norm: &Norm, prefill: &Motivation) -> Self {
        let g = &norm.motivation;
        let part = |label, guidance: &Option<String>, counted, text: &str| {
            let mut area = TextArea::new(text.split('\n').map(str::to_owned).collect());
            area.set_wrap_mode(WrapMode::Word);
            area.set_cursor_line_style(Style::new());
            area.move_cursor(ratatui_textarea::CursorMove::Bottom);
            area.move_cursor(ratatui_textarea::CursorMove::End);
            Part {
                label,
                guidance: guidance.clone(),
                counted,
                area,
            }
        };
        let parts = vec![
            part(
                lang.part_circumstances(),
                &g.circumstances,
                true,
                &prefill.circumstances,
            ),
            part(
                lang.part_consequences(),
                &g.consequences,
                true,
                &prefill.consequences,
            ),
            part(lang.part_aims(), &g.aims, true, &prefill.aims),
            part(
                lang.part_disproportionality(),
                &g.disproportionality,
                true,
                &prefill.disproportionality,
            ),
            part(
                lang.part_resident_view(),
                &Some(lang.guidance_resident_view().to_owned()),
                false,
                &prefill.resident_view,
            ),
            part(
                lang.part_consulted(),
                &Some(lang.guidance_consulted().to_owned()),
                false,
                &prefill.consulted,
            ),
            part(
                lang.part_expected_effect(),
                &Some(lang.guidance_expected_effect().to_owned()),
                false,
                &prefill.expected_effect,
            ),
        ];
        Self {
            lang,
            parts,
            focus: 0,
            min_chars: g.min_chars,
            error: None,
        }
    }

    pub fn hints(&self) -> Vec<Hint> {
        keymap::hints(KEYS, self.lang)
    }

    /// Enter starts a new line; every key not bound edits the part.
    pub fn on_key(key: KeyEvent) -> Msg {
        keymap::lookup(KEYS, &key).unwrap_or(Msg::Edit(key))
    }

    /// The motivation as typed so far, for the draft.
    /// The part in focus.
    pub fn at(&self) -> usize {
        self.focus
    }

    /// Opens part `index` (a resumed draft's).
    pub fn open_at(&mut self, index: usize) {
        if index < self.parts.len() {
            self.focus = index;
        }
    }

    pub fn motivation(&self) -> Motivation {
        let t = |i: usize| self.parts[i].text();
        Motivation {
            circumstances: t(0),
            consequences: t(1),
            aims: t(2),
            disproportionality: t(3),
            resident_view: t(4),
            consulted: t(5),
            expected_effect: t(6),
        }
    }

    pub fn update(&mut self, msg: Msg) -> Option<Outcome> {
        match msg {
            Msg::Edit(key) => {
                self.parts[self.focus].area.input(key);
                self.error = None;
            }
            Msg::Next => self.focus = (self.focus + 1) % self.parts.len(),
            Msg::Prev => self.focus = (self.focus + self.parts.len() - 1) % self.parts.len(),
            Msg::Back => return Some(Outcome::Back),
            Msg::Done => {
                if let Some((i, error)) = self.first_problem() {
                    self.focus = i;
                    self.error = Some(error);
                } else {
                    return Some(Outcome::Done(self.motivation()));
                }
            }
        }
        None
    }

    fn problem(&self, part: &Part) -> Option<String> {
        let l = self.lang;
        let problems = part_problems(&part.text(), part.counted, self.min_chars);
        // A BSN first: it must go whatever else is wrong.
        let first = problems
            .iter()
            .find(|p| **p == PartProblem::Bsn)
            .or(problems.first())?;
        Some(match first {
            PartProblem::Empty => l.field_still_empty().to_owned(),
            PartProblem::Bsn => l.motivation_bsn().into(),
            PartProblem::TooShort { len, min } => l.chars_count(*len, *min),
        })
    }

    fn first_problem(&self) -> Option<(usize, String)> {
        self.parts
            .iter()
            .enumerate()
            .find_map(|(i, p)| self.problem(p).map(|e| (i, e)))
    }
}

impl Widget for &MotivationForm {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let l = self.lang;
        let part = &self.parts[self.focus];
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let dim = Style::new().add_modifier(Modifier::DIM);
        let marks: String = self
            .parts
            .iter()
            .enumerate()
            .map(
                |(i, p)| match (i == self.focus, self.problem(p).is_none()) {
                    (true, _) => '◆',
                    (false, true) => '●',
                    (false, false) => '○',
                },
            )
            .collect();
        // The guidance whole, wrapped, at most a third of the room.
        let guidance_height = part
            .guidance
            .as_deref()
            .map_or(0, |g| rows(g, area.width).min(area.height / 3));
        let [head, guidance, text, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(guidance_height),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let title = l.motivation_part(self.focus + 1, self.parts.len(), part.label);
        Paragraph::new(Line::from(vec![
            ratatui::text::Span::styled(title, bold),
            ratatui::text::Span::raw("  "),
            ratatui::text::Span::raw(marks),
        ]))
        .render(head, buf);
        if let Some(g) = &part.guidance {
            Paragraph::new(Line::styled(g.clone(), dim))
                .wrap(Wrap { trim: true })
                .render(guidance, buf);
        }
        let block = Block::bordered();
        let inner = block.inner(text);
        block.render(text, buf);
        (&part.area).render(inner, buf);
        let count = if part.counted {
            l.chars_count(part.len(), self.min_chars)
        } else {
            l.chars_written(part.len())
        };
        // A BSN is said the moment it is typed, not only when leaving.
        let line = match (&self.error, self.problem(part)) {
            (Some(e), _) => Line::styled(format!("✗ {e}"), bold),
            (None, None) => Line::raw(format!("✓ {count}")),
            (None, Some(_)) if contains_bsn(&part.text()) => {
                Line::styled(format!("✗ {} · {count}", l.motivation_bsn()), bold)
            }
            (None, Some(_)) => Line::styled(count, dim),
        };
        Paragraph::new(line).render(status, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::norm::catalog::Catalog;
    use crossterm::event::KeyModifiers;

    fn form() -> MotivationForm {
        let catalog = Catalog::bundled();
        let norm = &catalog.get("pw-zoektermijn-jongeren").unwrap().norm;
        MotivationForm::new(Lang::Nl, norm, &Motivation::default())
    }

    fn typed(form: &mut MotivationForm, text: &str) {
        for c in text.chars() {
            let code = if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            };
            form.update(Msg::Edit(KeyEvent::new(code, KeyModifiers::NONE)));
        }
    }

    #[test]
    fn parts_are_counted_against_the_norm_and_multi_line_text_is_kept() {
        let mut form = form();
        typed(&mut form, "Geen inkomen sinds oktober.\nHuur niet betaald.");
        assert_eq!(
            form.motivation().circumstances,
            "Geen inkomen sinds oktober.\nHuur niet betaald."
        );
        // Too short for the norm's 80 characters: Ctrl-S says so and stays.
        assert_eq!(form.update(Msg::Done), None);
        assert_eq!(form.focus, 0);
        assert_eq!(form.error.as_deref(), Some("46 van minstens 80 tekens"));
        let long = "x".repeat(80);
        typed(&mut form, &long);
        for _ in 0..3 {
            form.update(Msg::Next);
            typed(&mut form, &long);
        }
        for text in ["Wil werken.", "Jongerenloket.", "Geen ontruiming."] {
            form.update(Msg::Next);
            typed(&mut form, text);
        }
        let Some(Outcome::Done(m)) = form.update(Msg::Done) else {
            panic!("not done")
        };
        assert_eq!(m.consulted, "Jongerenloket.");
    }

    #[test]
    fn a_bsn_in_any_part_stops_it() {
        let mut form = form();
        let long = "x".repeat(80);
        for i in 0..7 {
            typed(
                &mut form,
                if i == 5 {
                    "Gesproken met 1234.56.782"
                } else {
                    &long
                },
            );
            form.update(Msg::Next);
        }
        assert_eq!(form.update(Msg::Done), None);
        assert_eq!(form.focus, 5);
        assert_eq!(
            form.error.as_deref(),
            Some("bevat een BSN; laat dat weg (UAVG art. 46)")
        );
    }

    #[test]
    fn a_bsn_is_said_while_it_is_typed_even_in_a_long_enough_text() {
        let mut form = form();
        typed(&mut form, &"x".repeat(120));
        typed(&mut form, " BSN 111222333");
        let mut buf = Buffer::empty(Rect::new(0, 0, 80, 20));
        (&form).render(buf.area, &mut buf);
        let last: String = (0..80).map(|x| buf[(x, 19)].symbol().to_owned()).collect();
        assert!(last.starts_with("✗ bevat een BSN"), "{last}");
        assert!(buf[(0, 19)].modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn keys_map_to_messages() {
        let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(MotivationForm::on_key(ctrl_s), Msg::Done);
        assert_eq!(
            MotivationForm::on_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)),
            Msg::Next
        );
        let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(
            MotivationForm::on_key(enter),
            Msg::Edit(enter),
            "Enter starts a new line"
        );
    }
}
