//! A labelled one-of-several choice on the first run's form.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::tui::text::rows;

/// A labelled one-of-several choice, wrapped where it must, with a quiet
/// note below. The chosen option is marked `(•)`, and reversed while
/// focused.
pub(super) struct Choice {
    pub label: String,
    pub options: Vec<(String, bool)>,
    pub note: String,
}

impl Choice {
    /// Options are never split: as many whole options on a line as fit,
    /// each line indented.
    const INDENT: &str = "    ";

    fn option_text(&self, i: usize) -> String {
        let (text, chosen) = &self.options[i];
        format!("{} {text}", if *chosen { "(•)" } else { "( )" })
    }

    /// The options on each line at `width` columns, by index.
    fn lines(&self, width: u16) -> Vec<Vec<usize>> {
        let room = usize::from(width).saturating_sub(Self::INDENT.len()).max(1);
        let mut lines: Vec<Vec<usize>> = Vec::new();
        let mut used = 0;
        for i in 0..self.options.len() {
            let len = self.option_text(i).width();
            match lines.last_mut() {
                Some(line) if used + 2 + len <= room => {
                    line.push(i);
                    used += 2 + len;
                }
                _ => {
                    lines.push(vec![i]);
                    used = len;
                }
            }
        }
        lines
    }

    /// The rows of a line of options (more than one only when a single
    /// option is wider than the window).
    fn line_rows(&self, line: &[usize], width: u16) -> u16 {
        let text: Vec<String> = line.iter().map(|i| self.option_text(*i)).collect();
        rows(&format!("{}{}", Self::INDENT, text.join("  ")), width)
    }

    fn options_height(&self, width: u16) -> u16 {
        self.lines(width)
            .iter()
            .map(|line| self.line_rows(line, width))
            .sum()
    }

    /// The note, wrapped under the options' indent.
    fn note_lines(&self, width: u16) -> Vec<String> {
        let room = usize::from(width).saturating_sub(Self::INDENT.len()).max(1);
        textwrap::wrap(&self.note, room)
            .into_iter()
            .map(|line| format!("{}{line}", Self::INDENT))
            .collect()
    }

    pub fn height(&self, width: u16) -> u16 {
        let note = u16::try_from(self.note_lines(width).len()).unwrap_or(u16::MAX);
        1 + self.options_height(width) + note
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, focused: bool) {
        let (marker, style) = if focused {
            ("▶ ", Style::new().add_modifier(Modifier::BOLD))
        } else {
            ("  ", Style::new())
        };
        let [head, options, note] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(self.options_height(area.width)),
            Constraint::Fill(1),
        ])
        .areas(area);
        Paragraph::new(Line::styled(format!("{marker}{}", self.label), style)).render(head, buf);
        let lines = self.lines(area.width);
        let heights: Vec<Constraint> = lines
            .iter()
            .map(|line| Constraint::Length(self.line_rows(line, area.width)))
            .collect();
        for (line, row) in lines
            .iter()
            .zip(Layout::vertical(heights).split(options).iter())
        {
            let mut spans = vec![Span::raw(Self::INDENT)];
            for (n, i) in line.iter().enumerate() {
                if n > 0 {
                    spans.push(Span::raw("  "));
                }
                let style = if self.options[*i].1 && focused {
                    Style::new().add_modifier(Modifier::REVERSED)
                } else {
                    Style::new()
                };
                spans.push(Span::styled(self.option_text(*i), style));
            }
            Paragraph::new(Line::from(spans))
                .wrap(Wrap { trim: false })
                .render(*row, buf);
        }
        let dim = Style::new().add_modifier(Modifier::DIM);
        let note_lines: Vec<Line> = self
            .note_lines(area.width)
            .into_iter()
            .map(|line| Line::styled(line, dim))
            .collect();
        Paragraph::new(note_lines).render(note, buf);
    }
}
