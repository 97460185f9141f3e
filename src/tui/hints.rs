//! Key hints: each screen lists the keys it handles, and the help bar is
//! drawn from that same list, so the two cannot drift apart.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// One key (or key group) and what it does, already in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: &'static str,
    pub action: String,
}

impl Hint {
    pub fn new(keys: &'static str, action: impl Into<String>) -> Self {
        Self {
            keys,
            action: action.into(),
        }
    }
}

/// The help bar at the bottom of a screen.
pub struct HintBar<'a>(pub &'a [Hint]);

impl HintBar<'_> {
    /// The rows the bar takes at `width` columns, every hint shown.
    pub fn height(&self, width: u16) -> u16 {
        let text: Vec<String> = self
            .0
            .iter()
            .map(|h| format!("{} {}", h.keys, h.action))
            .collect();
        super::text::rows(&text.join("  "), width)
    }
}

impl Widget for HintBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut spans = Vec::new();
        for (i, hint) in self.0.iter().enumerate() {
            if i > 0 {
                spans.push(Span::raw("  "));
            }
            spans.push(Span::styled(
                hint.keys,
                Style::new().add_modifier(Modifier::BOLD),
            ));
            spans.push(Span::raw(" "));
            spans.push(Span::raw(hint.action.clone()));
        }
        Paragraph::new(Line::from(spans))
            .wrap(Wrap { trim: true })
            .render(area, buf);
    }
}
