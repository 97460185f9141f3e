//! A labelled one-line input with inline validation.

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use ratatui_textarea::TextArea;

use super::text::rows;

/// Columns before the input and the line below it.
const INDENT: u16 = 4;

pub struct Field {
    pub label: String,
    area: TextArea<'static>,
    /// What is wrong with the value now, in the user's words.
    pub error: Option<String>,
    /// A quiet remark below the field (e.g. the allowed range).
    pub note: Option<String>,
}

impl Field {
    pub fn new(label: impl Into<String>, value: &str) -> Self {
        let mut area = TextArea::new(vec![value.to_owned()]);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        area.set_cursor_line_style(Style::new());
        Self {
            label: label.into(),
            area,
            error: None,
            note: None,
        }
    }

    /// A field whose characters show as `•`.
    pub fn masked(label: impl Into<String>) -> Self {
        let mut field = Self::new(label, "");
        field.area.set_mask_char('•');
        field
    }

    /// Empties the field (a wrong passphrase is typed again from scratch).
    pub fn clear(&mut self) {
        let mask = self.area.mask_char();
        self.area = TextArea::new(vec![String::new()]);
        self.area.set_cursor_line_style(Style::new());
        if let Some(c) = mask {
            self.area.set_mask_char(c);
        }
    }

    pub fn value(&self) -> String {
        self.area.lines().join("")
    }

    /// Applies a key; Enter never adds a line to a one-line field.
    pub fn input(&mut self, key: KeyEvent) {
        if key.code != crossterm::event::KeyCode::Enter {
            self.area.input(key);
        }
    }

    /// Height needed at `width`: label, input, and the error or note below
    /// it, wrapped (at least one line, so fields do not jump as people type).
    pub fn height(&self, width: u16) -> u16 {
        let below = self
            .error
            .as_ref()
            .map(|e| format!("✗ {e}"))
            .or(self.note.clone());
        let lines = below.map_or(1, |text| rows(&text, width.saturating_sub(INDENT)));
        lines
            .max(1)
            .saturating_add(1)
            .saturating_add(self.label_rows(width))
    }

    /// The label's lines at `width`, after `marker`: on a narrow window it
    /// wraps under itself, every word of it shown.
    fn label_lines(&self, marker: &str, width: u16) -> Vec<String> {
        let options = textwrap::Options::new(usize::from(width.max(1)))
            .initial_indent(marker)
            .subsequent_indent("  ");
        textwrap::wrap(&self.label, options)
            .into_iter()
            .map(std::borrow::Cow::into_owned)
            .collect()
    }

    fn label_rows(&self, width: u16) -> u16 {
        u16::try_from(self.label_lines("▶ ", width).len()).unwrap_or(u16::MAX)
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, focused: bool) {
        let [label, input, below] = Layout::vertical([
            Constraint::Length(self.label_rows(area.width)),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        let marker = if focused { "▶ " } else { "  " };
        let style = if focused {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        let lines: Vec<Line> = self
            .label_lines(marker, area.width)
            .into_iter()
            .map(|line| Line::styled(line, style))
            .collect();
        Paragraph::new(lines).render(label, buf);
        let [_, input] =
            Layout::horizontal([Constraint::Length(INDENT), Constraint::Fill(1)]).areas(input);
        if focused {
            (&self.area).render(input, buf);
        } else {
            let shown = match self.area.mask_char() {
                Some(c) => c.to_string().repeat(self.value().chars().count()),
                None => self.value(),
            };
            Paragraph::new(shown).render(input, buf);
        }
        let [_, below] =
            Layout::horizontal([Constraint::Length(INDENT), Constraint::Fill(1)]).areas(below);
        if let Some(error) = &self.error {
            Paragraph::new(Line::styled(
                format!("✗ {error}"),
                Style::new().add_modifier(Modifier::BOLD),
            ))
            .wrap(Wrap { trim: true })
            .render(below, buf);
        } else if let Some(note) = &self.note {
            Paragraph::new(Line::styled(
                note.clone(),
                Style::new().add_modifier(Modifier::DIM),
            ))
            .wrap(Wrap { trim: true })
            .render(below, buf);
        }
    }
}

/// The first of a column of fields (of `heights`) to draw in `room` rows
/// so that the focused one shows: fields above it scroll out of view.
pub fn first_visible(heights: &[u16], focus: usize, room: u16) -> usize {
    let mut first = 0;
    while first < focus
        && heights
            .get(first..=focus)
            .is_some_and(|h| h.iter().sum::<u16>() > room)
    {
        first += 1;
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_error_wraps_below_the_field_and_is_read_to_the_end() {
        let mut field = Field::new("Uw principal", "Sanne Bakker");
        assert_eq!(field.height(40), 3, "one line is kept free below");
        field.error = Some(
            "gebruik een vaste naam van kleine letters, cijfers en . _ - @, zoals een e-mailadres"
                .into(),
        );
        let height = field.height(40);
        assert!(height >= 5, "the error takes {height} rows at width 40");
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, height));
        field.render(buf.area, &mut buf, false);
        let screen: String = buf
            .content
            .iter()
            .map(ratatui::buffer::Cell::symbol)
            .collect();
        assert!(screen.contains("e-mailadres"), "{screen}");
    }

    #[test]
    fn fields_above_the_focus_scroll_out_when_room_is_short() {
        assert_eq!(first_visible(&[3, 3, 3, 3], 3, 12), 0, "all fit");
        assert_eq!(first_visible(&[3, 3, 3, 3], 3, 7), 2);
        assert_eq!(
            first_visible(&[3, 3, 3, 3], 0, 2),
            0,
            "the focus stays first"
        );
        assert_eq!(first_visible(&[], 0, 5), 0);
    }
}
