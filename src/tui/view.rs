//! The walkthrough's view: it only reads the state. A frame is the screen's
//! own widget in a titled border, with the key hints below, the help or the
//! question whether to leave over it, and a notice above it when there is
//! one.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph, Widget, Wrap};

use super::app::{App, DONE, LEAVING, QUIT, Screen};
use super::hints::{Hint, HintBar};
use super::keymap;
use super::text::rows;
use super::{MIN_HEIGHT, MIN_WIDTH};
use crate::i18n::{Lang, ScreenTitle};

impl App {
    /// The hints of the screen in front, as the bar and the help show them.
    pub(super) fn hints(&self) -> Vec<Hint> {
        let l = self.lang;
        if self.leaving {
            return keymap::hints(LEAVING, l);
        }
        let mut hints = match &self.screen {
            Screen::Onboarding(f) => {
                let mut hints = f.hints();
                hints.extend(keymap::hints(super::app::HELP, l));
                return hints;
            }
            Screen::Drafts(d) => d.hints(),
            Screen::Done { .. } => return keymap::hints(DONE, l),
            Screen::Picker(p) => p.hints(),
            Screen::Case(f) => f.hints(),
            Screen::Checklist(c) => c.hints(),
            Screen::Motivation(m) => m.hints(),
            Screen::Sign(s) => s.hints(),
            Screen::Signal(f, _) => f.hints(),
        };
        hints.extend(keymap::hints(self.help_keys(), l));
        hints.extend(keymap::hints(QUIT, l));
        hints
    }

    pub(super) fn title(&self) -> String {
        let step = match self.screen {
            Screen::Onboarding(_) => return String::new(),
            Screen::Drafts(_) => ScreenTitle::Drafts,
            Screen::Picker(_) => ScreenTitle::Picker,
            Screen::Case(_) => ScreenTitle::Case,
            Screen::Checklist(_) => ScreenTitle::Checklist,
            Screen::Motivation(_) => ScreenTitle::Motivation,
            Screen::Sign(_) => ScreenTitle::Sign,
            Screen::Signal(..) => ScreenTitle::Signal,
            Screen::Done { .. } => ScreenTitle::Done,
        };
        let title = self.lang.screen_title(step);
        match self.loaded() {
            Some(n) if !matches!(self.screen, Screen::Picker(_) | Screen::Drafts(_)) => {
                format!("{title} · {}", n.norm.id)
            }
            _ => title.to_owned(),
        }
    }
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let l = self.lang;
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let text = l.window_too_small(MIN_WIDTH, MIN_HEIGHT, area.width, area.height);
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let hints = self.hints();
        // Every hint shown, wrapped, but never more than a third of the
        // window.
        let hint_height = HintBar(&hints).height(area.width).clamp(1, area.height / 3);
        let [main, bar] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(hint_height)]).areas(area);
        let title = self.title();
        let title = if title.is_empty() {
            " maatwerk ".to_owned()
        } else {
            format!(" maatwerk · {title} ")
        };
        // Too long for the border: the step's name without the norm's id
        // (the screen names the norm), rather than a word cut off.
        let room = usize::from(main.width.saturating_sub(2));
        let title = if title.chars().count() > room {
            title
                .rsplit_once(" · ")
                .map_or(title.clone(), |(head, _)| format!("{head} "))
        } else {
            title
        };
        let block = Block::bordered().title(Line::styled(
            title,
            Style::new().add_modifier(Modifier::BOLD),
        ));
        let mut inner = block.inner(main);
        block.render(main, buf);
        let notice = self.notice.as_ref().or_else(|| {
            matches!(self.screen, Screen::Sign(_))
                .then_some(self.unsynced.as_ref())
                .flatten()
        });
        if let Some(notice) = notice {
            // A notice that says what went well carries its own mark.
            let notice = if notice.starts_with('✓') {
                notice.clone()
            } else {
                format!("⚠ {notice}")
            };
            let height = rows(&notice, inner.width).saturating_add(1);
            let [top, rest] =
                Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(inner);
            Paragraph::new(Line::styled(
                notice,
                Style::new().add_modifier(Modifier::BOLD),
            ))
            .wrap(Wrap { trim: true })
            .render(top, buf);
            inner = rest;
        }
        if self.leaving {
            render_leaving(l, &self.draft.id, inner, buf);
        } else if self.help {
            let note = match self.screen {
                Screen::Picker(_) => {
                    format!("{}\n\n{}", l.help_unusable_mark(), l.help_draft_note())
                }
                Screen::Onboarding(_) => l.help_onboarding_note().to_owned(),
                _ => l.help_draft_note().to_owned(),
            };
            render_keys(l, &hints, &note, inner, buf);
        } else {
            match &self.screen {
                Screen::Onboarding(f) => f.render(inner, buf),
                Screen::Drafts(d) => d.render(inner, buf),
                Screen::Picker(p) => p.render(inner, buf),
                Screen::Case(f) => f.render(inner, buf),
                Screen::Checklist(c) => c.render(inner, buf),
                Screen::Motivation(m) => m.render(inner, buf),
                Screen::Sign(s) => s.render(inner, buf),
                Screen::Signal(f, _) => f.render(inner, buf),
                Screen::Done { id, signal } => {
                    let waiting = self
                        .waiting_for
                        .as_deref()
                        .map(|role| (role, self.nobody_reviews));
                    render_done(l, id, *signal, waiting, inner, buf);
                }
            }
        }
        HintBar(&hints).render(bar, buf);
    }
}

fn render_leaving(l: Lang, draft: &str, area: Rect, buf: &mut Buffer) {
    let lines = vec![
        Line::styled(l.leave_title(), Style::new().add_modifier(Modifier::BOLD)),
        Line::raw(""),
        Line::raw(l.leave_question(draft)),
    ];
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// The help overlay: every key of the screen and what it does, then `note`.
pub(super) fn render_keys(l: Lang, hints: &[Hint], note: &str, area: Rect, buf: &mut Buffer) {
    // The keys in a column as wide as the widest of them, at least ten.
    let width = hints
        .iter()
        .map(|h| h.keys.chars().count())
        .max()
        .unwrap_or(0)
        .max(10);
    let lines: Vec<Line> = std::iter::once(Line::styled(
        l.keys_title(),
        Style::new().add_modifier(Modifier::BOLD),
    ))
    .chain(
        hints
            .iter()
            .map(|h| Line::raw(format!("{:<width$} {}", h.keys, h.action))),
    )
    .chain(std::iter::once(Line::raw("")))
    .chain(note.lines().map(|line| Line::raw(line.to_owned())))
    .collect();
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

fn render_done(
    l: Lang,
    id: &str,
    signal: bool,
    waiting_for: Option<(&str, bool)>,
    area: Rect,
    buf: &mut Buffer,
) {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let note = match (signal, waiting_for) {
        (true, _) => l.signal_done_note(id),
        (false, Some((role, false))) => {
            format!("{}\n\n{}", l.done_for_review(role), l.done_note(id))
        }
        (false, Some((role, true))) => format!(
            "{} {}\n\n{}",
            l.done_for_review(role),
            l.nobody_reviews(role),
            l.done_note(id)
        ),
        (false, None) => l.done_note(id),
    };
    let [_, title, _, boxed, _, rest] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(5),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    Paragraph::new(Line::styled(format!("✓ {}", l.done_title()), bold)).render(title, buf);
    // The id where the eye lands: boxed and centred, as plain text so a
    // double click copies it whole.
    let width = u16::try_from(id.chars().count() + 10)
        .unwrap_or(u16::MAX)
        .min(boxed.width);
    let [centred] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(boxed);
    let frame = Block::bordered().border_type(BorderType::Double);
    let inner = frame.inner(centred);
    frame.render(centred, buf);
    Paragraph::new(vec![
        Line::raw(""),
        Line::styled(id.to_owned(), bold),
        Line::raw(""),
    ])
    .alignment(Alignment::Center)
    .render(inner, buf);
    Paragraph::new(note)
        .wrap(Wrap { trim: true })
        .render(rest, buf);
}
