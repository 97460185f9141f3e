//! Key hints: each screen lists the keys it handles, and the help bar is
//! drawn from that same list, so the two cannot drift apart.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

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
        u16::try_from(self.lines(width).len()).unwrap_or(u16::MAX)
    }

    /// The bar laid out in lines of at most `width` columns: each hint kept
    /// whole on one line where it fits, two spaces between hints; a hint
    /// wider than a line is wrapped at its words. Spans are `(bold, text)`.
    fn lines(&self, width: u16) -> Vec<Vec<(bool, String)>> {
        use unicode_width::UnicodeWidthStr;
        let width = usize::from(width.max(1));
        let mut lines: Vec<Vec<(bool, String)>> = vec![Vec::new()];
        let mut used = 0;
        for hint in self.0 {
            let unit = hint.keys.width() + 1 + hint.action.width();
            if used > 0 && used + 2 + unit > width {
                lines.push(Vec::new());
                used = 0;
            }
            let line = lines.last_mut().expect("a line");
            if used > 0 {
                line.push((false, "  ".to_owned()));
                used += 2;
            }
            if unit <= width - used {
                line.push((true, hint.keys.to_owned()));
                line.push((false, format!(" {}", hint.action)));
                used += unit;
                continue;
            }
            // Wider than a line: the keys, then the words as they fit.
            line.push((true, hint.keys.to_owned()));
            used += hint.keys.width();
            for word in hint.action.split_whitespace() {
                if used > 0 && used + 1 + word.width() > width {
                    lines.push(Vec::new());
                    used = 0;
                }
                let line = lines.last_mut().expect("a line");
                let text = if used > 0 {
                    format!(" {word}")
                } else {
                    word.to_owned()
                };
                used += text.width();
                line.push((false, text));
            }
        }
        lines
    }
}

impl Widget for HintBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let lines: Vec<Line> = self
            .lines(area.width)
            .into_iter()
            .map(|spans| {
                Line::from(
                    spans
                        .into_iter()
                        .map(|(bold, text)| {
                            if bold {
                                Span::styled(text, Style::new().add_modifier(Modifier::BOLD))
                            } else {
                                Span::raw(text)
                            }
                        })
                        .collect::<Vec<_>>(),
                )
            })
            .collect();
        Paragraph::new(lines).render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every hint shows whole in the rows the bar says it needs, at every
    /// width: the bar is never cut.
    #[test]
    fn the_bar_is_never_cut() {
        let hints = vec![
            Hint::new("↑↓", "bewijsstuk"),
            Hint::new("Spatie", "aanwezig"),
            Hint::new("PgUp/PgDn", "voorbeeld"),
            Hint::new("Enter", "ondertekenen"),
            Hint::new("Esc", "terug"),
            Hint::new("F1", "hulp"),
            Hint::new("Ctrl-C", "opslaan en stoppen"),
            Hint::new("Tab ↑↓", "veld"),
            Hint::new("j/n", "ja of nee, en verder"),
        ];
        for width in 20..=160 {
            let bar = HintBar(&hints);
            let height = bar.height(width);
            let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
            HintBar(&hints).render(buf.area, &mut buf);
            let mut shown = String::new();
            for y in 0..height {
                for x in 0..width {
                    shown.push_str(buf[(x, y)].symbol());
                }
                shown.push(' ');
            }
            let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
            for h in &hints {
                assert!(
                    shown.contains(&h.action),
                    "width {width}: {:?} cut from {shown:?}",
                    h.action
                );
            }
        }
    }
}
