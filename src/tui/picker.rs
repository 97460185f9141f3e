//! Choosing the agreed norm: a list filtered as you type (on title, id,
//! domain and rule text) and a preview of the highlighted norm. Norms that
//! cannot be chosen are listed, dimmed, with the reason.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::hints::Hint;
use super::keymap::{self, Binding, Key, Label};
use super::text::fit;
use crate::domain::norm::{Norm, Unusable};
use crate::i18n::{KeyAction, Lang};

/// What the picker asks the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Type(char),
    Erase,
    /// Esc: clear the filter, or go back when it is empty.
    ClearOrBack,
    Move(isize),
    Choose,
}

/// What came of a message that the app must act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The norm with this id was chosen.
    Chosen(String),
    /// Esc on an empty filter.
    Back,
    /// Enter on a norm that cannot be chosen: why not.
    Unusable(String),
}

/// The picker's keys, with what Esc does; typing filters (the `abc`
/// hint, handled after the table).
macro_rules! picker_keys {
    ($esc:expr) => {
        &[
            Binding::hinted(
                &[Key::Code(KeyCode::Up)],
                Msg::Move(-1),
                Label::Fixed("↑↓"),
                KeyAction::Move,
            ),
            Binding::quiet(&[Key::Code(KeyCode::Down)], Msg::Move(1)),
            Binding::quiet(&[Key::Code(KeyCode::PageUp)], Msg::Move(-10)),
            Binding::quiet(&[Key::Code(KeyCode::PageDown)], Msg::Move(10)),
            Binding::hinted(
                &[Key::Code(KeyCode::Enter)],
                Msg::Choose,
                Label::Fixed("Enter"),
                KeyAction::ThisNorm,
            ),
            Binding::hinted(&[], Msg::Erase, Label::Fixed("abc"), KeyAction::Search),
            Binding::hinted(
                &[Key::Code(KeyCode::Esc)],
                Msg::ClearOrBack,
                Label::Fixed("Esc"),
                $esc,
            ),
            Binding::quiet(&[Key::Code(KeyCode::Backspace)], Msg::Erase),
        ]
    };
}

const KEYS_EMPTY: &[Binding<Msg>] = picker_keys!(KeyAction::Back);
const KEYS_FILTERED: &[Binding<Msg>] = picker_keys!(KeyAction::Clear);

/// One norm as the picker shows it.
#[derive(Debug, Clone)]
struct Entry {
    norm: Norm,
    /// Title, id and domain: what people search by first.
    names: String,
    /// Everything searchable, including the rule text …
    haystack: String,
    /// … and the same in lower case, to find typed words in.
    lower: String,
    usable: Result<(), Unusable>,
}

pub struct Picker {
    lang: Lang,
    entries: Vec<Entry>,
    filter: String,
    /// Indices into `entries` that match the filter, best first.
    shown: Vec<usize>,
    selected: usize,
}

impl Picker {
    /// The norms offered, each with whether it may be chosen (or why
    /// not); usable ones first.
    pub fn new(lang: Lang, offered: Vec<(Norm, Result<(), Unusable>)>) -> Self {
        let mut entries: Vec<Entry> = offered
            .into_iter()
            .map(|(norm, usable)| {
                let haystack = format!(
                    "{} {} {} {}",
                    norm.title, norm.id, norm.domain, norm.rule.text
                );
                Entry {
                    names: format!("{} {} {}", norm.title, norm.id, norm.domain),
                    lower: haystack.to_lowercase(),
                    haystack,
                    usable,
                    norm,
                }
            })
            .collect();
        entries.sort_by_key(|e| e.usable.is_err());
        let mut picker = Self {
            lang,
            entries,
            filter: String::new(),
            shown: Vec::new(),
            selected: 0,
        };
        picker.refilter();
        picker
    }

    /// The bindings in force: Esc clears a filter, or goes back.
    fn keymap(&self) -> &'static [Binding<Msg>] {
        if self.filter.is_empty() {
            KEYS_EMPTY
        } else {
            KEYS_FILTERED
        }
    }

    /// The keys this screen handles, for the help bar.
    pub fn hints(&self) -> Vec<Hint> {
        keymap::hints(self.keymap(), self.lang)
    }

    /// The message for a key, if this screen handles it. No I/O.
    pub fn on_key(&self, key: KeyEvent) -> Option<Msg> {
        keymap::lookup(self.keymap(), &key).or(match key.code {
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(Msg::Type(c))
            }
            _ => None,
        })
    }

    pub fn update(&mut self, msg: Msg) -> Option<Outcome> {
        match msg {
            Msg::Type(c) => {
                self.filter.push(c);
                self.refilter();
            }
            Msg::Erase => {
                self.filter.pop();
                self.refilter();
            }
            Msg::ClearOrBack => {
                if self.filter.is_empty() {
                    return Some(Outcome::Back);
                }
                self.filter.clear();
                self.refilter();
            }
            Msg::Move(by) => {
                let last = self.shown.len().saturating_sub(1);
                self.selected = self.selected.saturating_add_signed(by).min(last);
            }
            Msg::Choose => {
                let entry = self.current()?;
                match entry.usable {
                    Ok(()) => return Some(Outcome::Chosen(entry.norm.id.clone())),
                    Err(why) => return Some(Outcome::Unusable(self.lang.not_selectable(&why))),
                }
            }
        }
        None
    }

    fn current(&self) -> Option<&Entry> {
        self.shown.get(self.selected).map(|i| &self.entries[*i])
    }

    /// The id of the highlighted norm.
    pub fn highlighted(&self) -> Option<&str> {
        self.current().map(|e| e.norm.id.as_str())
    }

    /// The ids of the norms the filter keeps, best first.
    pub fn shown_ids(&self) -> Vec<&str> {
        self.shown
            .iter()
            .map(|i| self.entries[*i].norm.id.as_str())
            .collect()
    }

    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// Recomputes which norms match, best match first; an empty filter
    /// shows all, usable ones first.
    fn refilter(&mut self) {
        if self.filter.trim().is_empty() {
            self.shown = (0..self.entries.len()).collect();
        } else {
            let pattern = Pattern::parse(&self.filter, CaseMatching::Ignore, Normalization::Smart);
            let mut matcher = Matcher::new(Config::DEFAULT);
            let mut buf = Vec::new();
            // Title, id and domain are matched loosely (typos, skipped
            // letters); the rule and the rest of the text only where every
            // word typed stands in it. A loose match much weaker than the
            // best one is left out, so typing narrows the list.
            let words: Vec<String> = self
                .filter
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
            let names: Vec<Option<u32>> = self
                .entries
                .iter()
                .map(|e| pattern.score(Utf32Str::new(&e.names, &mut buf), &mut matcher))
                .collect();
            let best = names.iter().flatten().max().copied().unwrap_or(0);
            let mut scored: Vec<(u32, usize)> = self
                .entries
                .iter()
                .enumerate()
                .filter_map(|(i, e)| {
                    let loose = names[i]
                        .filter(|s| s.saturating_mul(2) >= best)
                        .map(|s| s.saturating_mul(2));
                    let literal = words
                        .iter()
                        .all(|w| e.lower.contains(w.as_str()))
                        .then(|| pattern.score(Utf32Str::new(&e.haystack, &mut buf), &mut matcher))
                        .flatten()
                        .map(|s| s.max(1));
                    loose.max(literal).map(|score| (score, i))
                })
                .collect();
            scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            self.shown = scored.into_iter().map(|(_, i)| i).collect();
        }
        // A new query highlights its best match.
        self.selected = 0;
    }
}

impl Widget for &Picker {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let l = self.lang;
        let [search, body] =
            Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
        let count = l.norms_shown(self.shown.len(), self.entries.len());
        let search_line = Line::from(vec![
            Span::styled(l.search_label(), Style::new().add_modifier(Modifier::BOLD)),
            Span::raw(self.filter.clone()),
            Span::styled("▏", Style::new().add_modifier(Modifier::SLOW_BLINK)),
        ]);
        Paragraph::new(vec![
            search_line,
            Line::styled(count, Style::new().add_modifier(Modifier::DIM)),
        ])
        .render(search, buf);

        let wide = body.width >= 70;
        let [list_area, preview_area] = if wide {
            Layout::horizontal([Constraint::Percentage(42), Constraint::Percentage(58)]).areas(body)
        } else {
            Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(body)
        };
        self.render_list(list_area, buf);
        self.render_preview(preview_area, buf, wide);
    }
}

impl Picker {
    fn render_list(&self, area: Rect, buf: &mut Buffer) {
        let l = self.lang;
        let height = usize::from(area.height);
        let first = self.selected.saturating_sub(height.saturating_sub(1));
        let mut lines = Vec::new();
        if self.shown.is_empty() {
            lines.push(Line::styled(
                l.no_norm_matches(),
                Style::new().add_modifier(Modifier::ITALIC),
            ));
        }
        for (row, index) in self.shown.iter().enumerate().skip(first).take(height) {
            let entry = &self.entries[*index];
            let marker = if row == self.selected { "▶ " } else { "  " };
            let mut style = Style::new();
            if row == self.selected {
                style = style.add_modifier(Modifier::REVERSED);
            }
            // The ✗ keeps its meaning without colour and when the title is
            // cut; the preview says why.
            let title = if entry.usable.is_ok() {
                entry.norm.title.clone()
            } else {
                style = style.add_modifier(Modifier::DIM);
                format!("✗ {}", entry.norm.title)
            };
            let width = usize::from(area.width).saturating_sub(2);
            lines.push(Line::styled(
                format!("{marker}{}", fit(&title, width)),
                style,
            ));
        }
        Paragraph::new(lines).render(area, buf);
    }

    fn render_preview(&self, area: Rect, buf: &mut Buffer, wide: bool) {
        let l = self.lang;
        let block = if wide {
            Block::new().borders(Borders::LEFT)
        } else {
            Block::new().borders(Borders::TOP)
        };
        let inner = block.inner(area);
        block.render(area, buf);
        let Some(entry) = self.current() else { return };
        let n = &entry.norm;
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let mut text = Text::default();
        text.push_line(Line::styled(n.title.clone(), bold));
        text.push_line(Line::styled(
            l.norm_id_line(&n.id, n.version, n.status.as_str()),
            Style::new().add_modifier(Modifier::DIM),
        ));
        if let Err(why) = &entry.usable {
            text.push_line(Line::styled(l.not_selectable(why), bold));
        }
        text.push_line(Line::raw(""));
        text.push_line(Line::styled(l.heading_rule(), bold));
        text.push_line(Line::raw(n.rule.text.replace('\n', " ")));
        text.push_line(Line::raw(format!(
            "{}: {}",
            l.label_basis(),
            l.jci_label(&n.rule.basis)
        )));
        text.push_line(Line::raw(""));
        text.push_line(Line::styled(l.heading_intent(), bold));
        text.push_line(Line::raw(n.intent.departure.replace('\n', " ")));
        if !n.mandate.tiers.is_empty() {
            text.push_line(Line::raw(""));
            text.push_line(Line::styled(l.heading_mandate(), bold));
        }
        for tier in &n.mandate.tiers {
            let limits = l.tier_limits(n, tier);
            text.push_line(Line::raw(format!("{}: {limits}", tier.role)));
        }
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .render(inner, buf);
    }
}
