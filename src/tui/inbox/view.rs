//! The inbox's view: it only reads the state. The frame and the hint bar
//! as in the walkthrough; the list, a record with its norm (side by side
//! when the window is wide, one at a time with Tab when it is not), the
//! verdict, and the verdict signed.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::read::{self, Row};
use super::{Focus, Inbox, Mode, VerdictForm, Waiting};
use crate::domain::review::Verdict;
use crate::i18n::Lang;
use crate::tui::app::QUIT;
use crate::tui::hints::{Hint, HintBar};
use crate::tui::keymap;
use crate::tui::text::rows;
use crate::tui::{MIN_HEIGHT, MIN_WIDTH};

/// From this width a record and its norm are read side by side.
const SIDE_BY_SIDE: u16 = 110;

impl Inbox {
    pub(super) fn hints(&self) -> Vec<Hint> {
        let mut hints = keymap::hints(self.keys(), self.lang);
        hints.extend(keymap::hints(QUIT, self.lang));
        hints
    }

    /// The reading rows of the record in front, and of its norm.
    fn reading(&self, item: &Waiting) -> (Vec<Row>, Vec<Row>) {
        (
            read::record_rows(self.lang, &item.subject, &item.why, &self.zone),
            read::norm_rows(self.lang, item.subject.norm.as_deref()),
        )
    }
}

impl Widget for &Inbox {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let l = self.lang;
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            Paragraph::new(l.window_too_small(MIN_WIDTH, MIN_HEIGHT, area.width, area.height))
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let hints = self.hints();
        let hint_height = HintBar(&hints).height(area.width).clamp(1, area.height / 3);
        let [main, bar] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(hint_height)]).areas(area);
        let mut title = format!(" maatwerk · {} ", l.inbox_title(&self.reviewer));
        if let (Mode::Reading { .. } | Mode::Verdict(_), Some(item)) =
            (&self.mode, self.items.get(self.selected))
        {
            title = format!(
                " maatwerk · {} · {} ",
                l.inbox_title(&self.reviewer),
                item.subject.stored.record.id
            );
        }
        let block = Block::bordered().title(Line::styled(
            title,
            Style::new().add_modifier(Modifier::BOLD),
        ));
        let inner = block.inner(main);
        block.render(main, buf);
        if self.help {
            let mut listed = keymap::hints(self.screen_keys(), l);
            listed.extend(keymap::hints(QUIT, l));
            crate::tui::view::render_keys(l, &listed, l.inbox_help_note(), inner, buf);
        } else {
            match &self.mode {
                Mode::List => self.render_list(inner, buf),
                Mode::Reading { scroll, norm } => {
                    if let Some(item) = self.items.get(self.selected) {
                        let (record, norm_rows) = self.reading(item);
                        if inner.width >= SIDE_BY_SIDE {
                            let [left, right] = Layout::horizontal([
                                Constraint::Percentage(60),
                                Constraint::Percentage(40),
                            ])
                            .spacing(2)
                            .areas(inner);
                            let (a, b) = if *norm { (0, *scroll) } else { (*scroll, 0) };
                            read::render(&record, a, left, buf);
                            read::render(&norm_rows, b, right, buf);
                        } else if *norm {
                            read::render(&norm_rows, *scroll, inner, buf);
                        } else {
                            read::render(&record, *scroll, inner, buf);
                        }
                    }
                }
                Mode::Verdict(form) => {
                    let (record, past) = self
                        .items
                        .get(self.selected)
                        .map(|w| (w.subject.stored.record.id.as_str(), &w.past[..]))
                        .unwrap_or_default();
                    render_verdict(l, form, (record, past), inner, buf);
                }
                Mode::Done(signed) => {
                    let text = l.review_done(
                        &signed.id,
                        &signed.record,
                        signed.verdict,
                        signed.passed_on.as_deref(),
                    );
                    Paragraph::new(vec![
                        Line::styled(
                            format!("✓ {}", l.verdict(signed.verdict)),
                            Style::new().add_modifier(Modifier::BOLD),
                        ),
                        Line::raw(""),
                        Line::raw(text),
                    ])
                    .wrap(Wrap { trim: true })
                    .render(inner, buf);
                }
            }
        }
        HintBar(&hints).render(bar, buf);
    }
}

impl Inbox {
    fn render_list(&self, area: Rect, buf: &mut Buffer) {
        let l = self.lang;
        // Records of one's own that came back: below the list, or alone.
        let mut back: Vec<Line> = Vec::new();
        if !self.returned.is_empty() {
            back.push(Line::styled(
                l.returned_to_you(),
                Style::new().add_modifier(Modifier::BOLD),
            ));
            for r in &self.returned {
                let remark = r
                    .remark
                    .as_deref()
                    .map(|m| format!(": “{m}”"))
                    .unwrap_or_default();
                back.push(Line::raw(
                    crate::domain::text::printable(&format!("  {} · {}{remark}", r.id, r.by))
                        .into_owned(),
                ));
                back.push(Line::raw(format!("    maatwerk new --revises {}", r.id)));
            }
        }
        if self.items.is_empty() {
            let mut lines = vec![Line::raw(l.nothing_to_review()), Line::raw("")];
            lines.extend(back);
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .render(area, buf);
            return;
        }
        let back_rows = u16::try_from(back.len())
            .unwrap_or(u16::MAX)
            .min(area.height / 2);
        let [area, below] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(back_rows)]).areas(area);
        Paragraph::new(back).render(below, buf);
        let [head, list] =
            Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
        Paragraph::new(l.inbox_heading(self.items.len()))
            .wrap(Wrap { trim: true })
            .render(head, buf);
        // Each record takes its lines; the list scrolls to keep the chosen
        // one in view.
        let width = usize::from(list.width.saturating_sub(4).max(10));
        // Each record takes a line at least: only those that can show are
        // laid out, however long the inbox.
        let room = usize::from(list.height);
        let start = self.selected.saturating_sub(room);
        let end = (self.selected + room).min(self.items.len());
        let blocks: Vec<Vec<(bool, String)>> = self.items[start..end]
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let i = start + i;
                let r = &w.subject.stored.record;
                let chosen = i == self.selected;
                let marker = if chosen { "▶ " } else { "  " };
                let head = format!(
                    "{marker}{} · {} · {} · {} · {}",
                    r.id,
                    l.waited(w.waited_days),
                    r.case,
                    r.author.name,
                    r.norm.id
                );
                let options = textwrap::Options::new(width + 4)
                    .subsequent_indent("  ")
                    .word_splitter(textwrap::WordSplitter::NoHyphenation);
                let mut lines: Vec<(bool, String)> = textwrap::wrap(&head, options)
                    .into_iter()
                    .map(|line| (chosen, line.into_owned()))
                    .collect();
                for why in &w.why {
                    let options = textwrap::Options::new(width)
                        .word_splitter(textwrap::WordSplitter::NoHyphenation);
                    for line in textwrap::wrap(why, options) {
                        lines.push((chosen, format!("    {line}")));
                    }
                }
                lines
            })
            .collect();
        let chosen = self.selected - start;
        let mut first = 0;
        while first < chosen && blocks[first..=chosen].iter().map(Vec::len).sum::<usize>() > room {
            first += 1;
        }
        let lines: Vec<Line> = blocks[first..]
            .iter()
            .flatten()
            .map(|(chosen, text)| {
                let text = crate::domain::text::printable(text).into_owned();
                if *chosen {
                    Line::styled(text, Style::new().add_modifier(Modifier::BOLD))
                } else {
                    Line::raw(text)
                }
            })
            .collect();
        Paragraph::new(lines).render(list, buf);
    }
}

/// The verdict screen's parts at `width`: the choice (naming the record),
/// what the signature means, the passphrase and the error, in rows.
struct VerdictRows {
    choice_text: String,
    choice: u16,
    meaning_text: String,
    meaning: u16,
    passphrase: u16,
    error: u16,
}

impl VerdictRows {
    /// The rows of the verdict on `record`, which goes past the totals
    /// `past` when counted again now (said when approving).
    fn at(l: Lang, form: &VerdictForm, (record, past): (&str, &[String]), width: u16) -> Self {
        let choices: Vec<String> = [Verdict::Approve, Verdict::Return, Verdict::Reject]
            .iter()
            .map(|v| {
                let mark = if *v == form.verdict {
                    "(•)"
                } else {
                    "(\u{a0})"
                };
                // Kept together when the line wraps.
                format!("{mark}\u{a0}{}", l.verdict_choice(*v))
            })
            .collect();
        let marker = if form.focus == Focus::Choice {
            "▶ "
        } else {
            "  "
        };
        let choice_text = format!(
            "{marker}{}: {}",
            l.label_verdict_on(record),
            choices.join("   ")
        );
        let mut meaning_text = l.verdict_meaning(form.verdict, record);
        if form.verdict == Verdict::Approve && !past.is_empty() {
            meaning_text = format!("{meaning_text} ⚠ {}", past.join("; "));
        }
        Self {
            choice: rows(&choice_text, width),
            meaning: rows(&meaning_text, width),
            passphrase: form.passphrase.as_ref().map_or(0, |p| p.height(width)),
            error: form
                .error
                .as_ref()
                .map_or(0, |e| rows(&format!("✗ {e}"), width)),
            choice_text,
            meaning_text,
        }
    }

    /// Rows everything takes, the remark at its smallest (three).
    fn needed(&self) -> u16 {
        self.choice + self.meaning + 1 + 1 + 3 + self.passphrase + self.error
    }
}

impl Inbox {
    /// Whether the verdict screen shows all of itself in a window of
    /// `width` × `height`: nobody signs what they cannot see.
    pub(super) fn verdict_fits(&self, width: u16, height: u16) -> bool {
        let (Mode::Verdict(form), Some(item)) = (&self.mode, self.items.get(self.selected)) else {
            return true;
        };
        let hints = self.hints();
        let bar = HintBar(&hints).height(width).clamp(1, height / 3);
        let inner = (width.saturating_sub(2), height.saturating_sub(bar + 2));
        VerdictRows::at(
            self.lang,
            form,
            (&item.subject.stored.record.id, &item.past),
            inner.0,
        )
        .needed()
            <= inner.1
    }
}

fn render_verdict(
    l: Lang,
    form: &VerdictForm,
    record: (&str, &[String]),
    area: Rect,
    buf: &mut Buffer,
) {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let r = VerdictRows::at(l, form, record, area.width);
    if r.needed() > area.height {
        Paragraph::new(l.too_small_to_sign())
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    }
    let [choice, mean, _, remark_label, remark, pass, err] = Layout::vertical([
        Constraint::Length(r.choice),
        Constraint::Length(r.meaning),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(r.passphrase),
        Constraint::Length(r.error),
    ])
    .areas(area);
    let style = |focus: Focus| {
        if form.focus == focus {
            bold
        } else {
            Style::new()
        }
    };
    Paragraph::new(Line::styled(r.choice_text, style(Focus::Choice)))
        .wrap(Wrap { trim: false })
        .render(choice, buf);
    Paragraph::new(r.meaning_text)
        .wrap(Wrap { trim: true })
        .render(mean, buf);
    let marker = if form.focus == Focus::Remark {
        "▶ "
    } else {
        "  "
    };
    Paragraph::new(Line::styled(
        format!("{marker}{}", l.label_remark(form.verdict)),
        style(Focus::Remark),
    ))
    .render(remark_label, buf);
    let boxed = Block::bordered();
    let inside = boxed.inner(remark);
    boxed.render(remark, buf);
    (&form.remark).render(inside, buf);
    if let Some(p) = &form.passphrase {
        p.render(pass, buf, form.focus == Focus::Passphrase);
    }
    if let Some(error) = &form.error {
        Paragraph::new(Line::styled(format!("✗ {error}"), bold))
            .wrap(Wrap { trim: true })
            .render(err, buf);
    }
}
