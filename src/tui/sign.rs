//! Check and sign: whether the decision is within the author's mandaat,
//! what the signature means, the evidence to confirm, and the record
//! exactly as it will be stored. A masked passphrase when the key needs it.

use crossterm::event::{KeyCode, KeyEvent};
use jiff::tz::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::field::{Field, first_visible};
use super::hints::Hint;
use super::inbox::read;
use super::keymap::{self, Binding, Key, Label};
use super::text::rows;
use crate::domain::decision::Refusal;
use crate::domain::norm::{MandateOutcome, Norm};
use crate::domain::record::Record;
use crate::i18n::{KeyAction, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Up,
    Down,
    Toggle,
    /// Page up and down: this many pages of the record (negative: back).
    ScrollPreview(i16),
    /// Between the record as it reads and the exact text that is signed.
    ToggleRaw,
    Edit(KeyEvent),
    /// Tab: between the evidence list and the passphrase.
    SwitchFocus,
    Sign,
    Back,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Sign, with the passphrase when one was asked.
    Sign(Option<String>),
    Back,
    /// The evidence confirmations changed: the draft should keep them.
    Evidence(Vec<String>),
}

/// What the app knows about the decision as it stands.
#[derive(Debug, Clone)]
pub struct Assessed {
    /// `Ok` with the mandaat outcome, or every reason it cannot be signed.
    pub result: Result<MandateOutcome, Vec<Refusal>>,
    /// The record as it will be stored, exactly.
    pub preview: String,
    /// The same record, to show as it reads.
    pub record: Option<Record>,
    /// Each limit of the author's mandaat the decision goes beyond, as a
    /// team lead reads it ("looptijd 4 maanden > 3 maanden (consulent)").
    pub why: Vec<String>,
}

const EVIDENCE: [Binding<Msg>; 3] = [
    Binding::hinted(
        &[Key::Code(KeyCode::Up)],
        Msg::Up,
        Label::Fixed("↑↓"),
        KeyAction::Evidence,
    ),
    Binding::quiet(&[Key::Code(KeyCode::Down)], Msg::Down),
    Binding::hinted(
        &[Key::char(' ')],
        Msg::Toggle,
        Label::Space,
        KeyAction::Present,
    ),
];
const TAB_PASSPHRASE: Binding<Msg> = Binding::hinted(
    &[Key::Code(KeyCode::Tab), Key::Code(KeyCode::BackTab)],
    Msg::SwitchFocus,
    Label::Fixed("Tab"),
    KeyAction::Passphrase,
);
const TAB_QUIET: Binding<Msg> = Binding::quiet(
    &[Key::Code(KeyCode::Tab), Key::Code(KeyCode::BackTab)],
    Msg::SwitchFocus,
);
const PREVIEW: [Binding<Msg>; 3] = [
    Binding::hinted(
        &[Key::Code(KeyCode::PageUp)],
        Msg::ScrollPreview(-1),
        Label::Fixed("PgUp/PgDn"),
        KeyAction::Preview,
    ),
    Binding::quiet(&[Key::Code(KeyCode::PageDown)], Msg::ScrollPreview(1)),
    Binding::hinted(
        &[Key::Ctrl('r'), Key::Code(KeyCode::F(3))],
        Msg::ToggleRaw,
        Label::Fixed("Ctrl-R"),
        KeyAction::StoredText,
    ),
];
const SIGN_AND_BACK: [Binding<Msg>; 2] = [
    Binding::hinted(
        &[Key::Code(KeyCode::Enter)],
        Msg::Sign,
        Label::Fixed("Enter"),
        KeyAction::Sign,
    ),
    Binding::hinted(
        &[Key::Code(KeyCode::Esc)],
        Msg::Back,
        Label::Fixed("Esc"),
        KeyAction::Back,
    ),
];

const KEYS_ON_LIST: &[Binding<Msg>] = &[
    EVIDENCE[0],
    EVIDENCE[1],
    EVIDENCE[2],
    TAB_QUIET,
    PREVIEW[0],
    PREVIEW[1],
    PREVIEW[2],
    SIGN_AND_BACK[0],
    SIGN_AND_BACK[1],
];
const KEYS_ON_LIST_WITH_PASSPHRASE: &[Binding<Msg>] = &[
    EVIDENCE[0],
    EVIDENCE[1],
    EVIDENCE[2],
    TAB_PASSPHRASE,
    PREVIEW[0],
    PREVIEW[1],
    PREVIEW[2],
    SIGN_AND_BACK[0],
    SIGN_AND_BACK[1],
];
const KEYS_ON_PASSPHRASE: &[Binding<Msg>] = &[
    TAB_PASSPHRASE,
    PREVIEW[0],
    PREVIEW[1],
    PREVIEW[2],
    SIGN_AND_BACK[0],
    SIGN_AND_BACK[1],
];

pub struct SignScreen {
    lang: Lang,
    norm: Norm,
    confirmed: Vec<String>,
    cursor: usize,
    scroll: u16,
    /// Whether the record shows as the exact stored text.
    raw: bool,
    /// How far the record can scroll, as last drawn.
    last_scroll: std::cell::Cell<u16>,
    /// A page of the record as last drawn: what page up and down move.
    page: std::cell::Cell<u16>,
    passphrase: Option<Field>,
    /// Whether keys go to the passphrase rather than the evidence list.
    on_passphrase: bool,
    assessed: Assessed,
    /// The reader's time zone, for the signing time.
    zone: TimeZone,
    /// Why the last signing attempt failed.
    pub error: Option<String>,
}

impl SignScreen {
    /// The sign screen for a decision on `norm`, whose evidence is what is
    /// asked for in this case.
    pub fn new(
        lang: Lang,
        norm: Norm,
        confirmed: &[String],
        needs_passphrase: bool,
        assessed: Assessed,
        zone: TimeZone,
    ) -> Self {
        Self {
            zone,
            lang,
            norm,
            confirmed: confirmed.to_vec(),
            cursor: 0,
            scroll: 0,
            raw: false,
            last_scroll: std::cell::Cell::new(u16::MAX),
            page: std::cell::Cell::new(10),
            passphrase: needs_passphrase.then(|| Field::masked(lang.label_key_passphrase())),
            on_passphrase: false,
            assessed,
            error: None,
        }
    }

    /// The role that must review the decision, when it needs review.
    pub fn review_role(&self) -> Option<&str> {
        match &self.assessed.result {
            Ok(MandateOutcome::NeedsReview { role }) => Some(role),
            _ => None,
        }
    }

    /// The record as it will be signed, when it can be.
    pub fn record(&self) -> Option<&crate::domain::record::Record> {
        self.assessed.record.as_ref()
    }

    /// New assessment after the evidence changed.
    pub fn reassess(&mut self, assessed: Assessed) {
        self.assessed = assessed;
    }

    /// The bindings in force: on the passphrase every unbound key types;
    /// on the evidence list ↑↓ and Space work it (and typing starts the
    /// passphrase).
    fn keymap(&self) -> &'static [Binding<Msg>] {
        match (self.on_passphrase, self.passphrase.is_some()) {
            (true, _) => KEYS_ON_PASSPHRASE,
            (false, true) => KEYS_ON_LIST_WITH_PASSPHRASE,
            (false, false) => KEYS_ON_LIST,
        }
    }

    /// Whether keys type into the passphrase now.
    pub fn typing(&self) -> bool {
        self.on_passphrase
    }

    pub fn hints(&self) -> Vec<Hint> {
        keymap::hints(self.keymap(), self.lang)
    }

    pub fn on_key(&self, key: KeyEvent) -> Msg {
        keymap::lookup(self.keymap(), &key).unwrap_or(Msg::Edit(key))
    }

    pub fn update(&mut self, msg: Msg) -> Option<Outcome> {
        self.error = None;
        match msg {
            Msg::Up => self.cursor = self.cursor.saturating_sub(1),
            Msg::Down => {
                self.cursor = (self.cursor + 1).min(self.norm.evidence.len().saturating_sub(1));
            }
            Msg::Toggle => {
                let id = self.norm.evidence.get(self.cursor)?.id.clone();
                if let Some(i) = self.confirmed.iter().position(|c| *c == id) {
                    self.confirmed.remove(i);
                } else {
                    self.confirmed.push(id);
                }
                return Some(Outcome::Evidence(self.confirmed.clone()));
            }
            // Never past the end: PgUp brings the text back at once.
            Msg::ScrollPreview(pages) => {
                let by = i32::from(pages) * i32::from(self.page.get());
                let by = i16::try_from(by).unwrap_or(if by < 0 { i16::MIN } else { i16::MAX });
                self.scroll = self
                    .scroll
                    .min(self.last_scroll.get())
                    .saturating_add_signed(by)
                    .min(self.last_scroll.get());
            }
            Msg::ToggleRaw => {
                self.raw = !self.raw;
                self.scroll = 0;
            }
            Msg::Edit(key) => {
                if let Some(field) = &mut self.passphrase {
                    self.on_passphrase = true;
                    field.input(key);
                }
            }
            Msg::SwitchFocus => {
                self.on_passphrase = self.passphrase.is_some() && !self.on_passphrase;
            }
            Msg::Back => return Some(Outcome::Back),
            Msg::Sign => {
                if let Err(refusals) = &self.assessed.result {
                    self.error = Some(self.lang.cannot_sign_yet(refusals.len()));
                    return None;
                }
                let phrase = self.passphrase.as_ref().map(Field::value);
                if phrase.as_deref() == Some("") {
                    self.error = Some(self.lang.field_enter_passphrase().into());
                    return None;
                }
                return Some(Outcome::Sign(phrase));
            }
        }
        None
    }
}

impl SignScreen {
    /// The mandate and what signing means, or why it cannot be signed yet.
    fn status_lines(&self) -> Vec<Line<'static>> {
        let l = self.lang;
        let bold = Style::new().add_modifier(Modifier::BOLD);
        match &self.assessed.result {
            Ok(outcome) => std::iter::once(Line::styled(l.mandate_live(outcome), bold))
                .chain(
                    self.assessed
                        .why
                        .iter()
                        .map(|w| Line::raw(format!("  • {w}"))),
                )
                .chain(std::iter::once(Line::raw(l.signature_meaning(outcome))))
                .collect(),
            Err(refusals) => std::iter::once(Line::styled(l.cannot_sign_yet(refusals.len()), bold))
                .chain(
                    refusals
                        .iter()
                        .map(|r| Line::raw(format!("✗ {}", l.refusal_on(r, &self.norm)))),
                )
                .collect(),
        }
    }
}

impl SignScreen {
    /// The evidence list, the item under the cursor in view.
    fn render_evidence(&self, items: &[(String, u16)], area: Rect, buf: &mut Buffer) {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let heights: Vec<u16> = items.iter().map(|(_, h)| *h).collect();
        let first = first_visible(&heights, self.cursor, area.height.saturating_sub(1));
        let mut lines = vec![Line::styled(self.lang.heading_evidence(), bold)];
        for (i, (text, _)) in items.iter().enumerate().skip(first) {
            let style = if i == self.cursor && !self.on_passphrase {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            };
            lines.push(Line::styled(text.clone(), style));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(area, buf);
    }
}

impl Widget for &SignScreen {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let l = self.lang;
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let suffix = |e: &crate::domain::norm::Evidence| {
            if e.required { "" } else { l.optional_suffix() }
        };
        // Each item wrapped: nothing is cut at the edge.
        let items: Vec<(String, u16)> = self
            .norm
            .evidence
            .iter()
            .map(|e| {
                let mark = if self.confirmed.contains(&e.id) {
                    "[x]"
                } else {
                    "[ ]"
                };
                let text = format!("{mark} {}{}", e.text, suffix(e));
                let height = rows(&text, area.width);
                (text, height)
            })
            .collect();
        let pass_height = self
            .passphrase
            .as_ref()
            .map_or(0, |field| field.height(area.width));
        let status_lines = self.status_lines();
        let status_full = status_lines
            .iter()
            .map(|line| rows(&line.to_string(), area.width))
            .fold(1, u16::saturating_add);
        let evidence_full = items.iter().map(|(_, h)| *h).fold(1, u16::saturating_add);
        // Room goes first to the record (a box of one line at the least,
        // three when there is room), then to the mandaat line, then to the
        // evidence item under the cursor with its heading; what is left
        // lets each of them grow.
        let room = area.height.saturating_sub(pass_height + 1);
        let mut left = room;
        let mut take = |want: u16| {
            let got = want.min(left);
            left -= got;
            got
        };
        take(3);
        let mut status_height = take(1);
        let mut evidence_height = take(2.min(evidence_full));
        take(2);
        status_height += take(status_full.saturating_sub(status_height));
        evidence_height += take(evidence_full.saturating_sub(evidence_height));
        let [status, evidence, preview, pass, error] = Layout::vertical([
            Constraint::Length(status_height),
            Constraint::Length(evidence_height),
            Constraint::Fill(1),
            Constraint::Length(pass_height),
            Constraint::Length(1),
        ])
        .areas(area);
        Paragraph::new(status_lines)
            .wrap(Wrap { trim: true })
            .render(status, buf);
        self.render_evidence(&items, evidence, buf);
        let title = if self.raw {
            l.record_as_stored_title()
        } else {
            l.record_as_it_reads_title()
        };
        let block = Block::bordered().title(title);
        let inner = block.inner(preview);
        block.render(preview, buf);
        if self.assessed.preview.is_empty() {
            Paragraph::new(Line::styled(
                l.preview_after_reasons(),
                Style::new().add_modifier(Modifier::DIM),
            ))
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        } else if let (false, Some(record)) = (self.raw, &self.assessed.record) {
            self.page.set(inner.height.saturating_sub(1).max(1));
            let rows = read::rows_of(l, record, &self.assessed.why, &self.zone, false);
            let total = read::lines(&rows, inner.width).len();
            self.last_scroll.set(
                u16::try_from(total)
                    .unwrap_or(u16::MAX)
                    .saturating_sub(inner.height),
            );
            read::render(&rows, self.scroll, inner, buf);
        } else {
            // The exact text, wrapped: nothing is cut at the box's edge.
            let total = self
                .assessed
                .preview
                .lines()
                .map(|line| rows(line, inner.width).max(1))
                .fold(0, u16::saturating_add);
            self.last_scroll.set(total.saturating_sub(inner.height));
            self.page.set(inner.height.saturating_sub(1).max(1));
            Paragraph::new(self.assessed.preview.as_str())
                .wrap(Wrap { trim: false })
                .scroll((self.scroll.min(self.last_scroll.get()), 0))
                .render(inner, buf);
        }
        if let Some(field) = &self.passphrase {
            field.render(pass, buf, self.on_passphrase);
        }
        if let Some(e) = &self.error {
            Paragraph::new(Line::styled(format!("✗ {e}"), bold)).render(error, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::norm::catalog::Catalog;
    use crossterm::event::KeyModifiers;

    fn screen(result: Result<MandateOutcome, Vec<Refusal>>, passphrase: bool) -> SignScreen {
        let catalog = Catalog::bundled();
        let norm = &catalog.get("pw-zoektermijn-jongeren").unwrap().norm;
        SignScreen::new(
            Lang::Nl,
            norm.clone(),
            &[],
            passphrase,
            Assessed {
                // As `App::assess` does: no preview while there are refusals.
                preview: if result.is_ok() {
                    "id = \"MW-…\"".into()
                } else {
                    String::new()
                },
                result,
                record: None,
                why: Vec::new(),
            },
            TimeZone::UTC,
        )
    }

    #[test]
    fn evidence_toggles_and_refusals_block_signing() {
        let mut r = screen(
            Err(vec![Refusal::EvidenceMissing {
                id: "gespreksverslag".into(),
            }]),
            false,
        );
        assert_eq!(
            r.update(Msg::Toggle),
            Some(Outcome::Evidence(vec!["gespreksverslag".into()]))
        );
        r.update(Msg::Down);
        assert_eq!(
            r.update(Msg::Toggle),
            Some(Outcome::Evidence(vec![
                "gespreksverslag".into(),
                "bankafschriften".into()
            ]))
        );
        assert_eq!(r.update(Msg::Sign), None);
        assert!(r.error.is_some());
    }

    #[test]
    fn signing_asks_the_passphrase_when_the_key_needs_it() {
        let within = Ok(MandateOutcome::Within {
            role: "consulent".into(),
        });
        assert_eq!(
            screen(within.clone(), false).update(Msg::Sign),
            Some(Outcome::Sign(None))
        );
        let mut r = screen(within, true);
        assert_eq!(r.update(Msg::Sign), None, "an empty passphrase is not sent");
        for c in "mijn geheim".chars() {
            let msg = r.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            r.update(msg);
        }
        // Once typing, a space belongs to the passphrase, not the evidence.
        assert_eq!(
            r.update(Msg::Sign),
            Some(Outcome::Sign(Some("mijn geheim".into())))
        );
        assert!(r.confirmed.is_empty());
    }

    #[test]
    fn every_reason_shows_even_when_they_wrap() {
        let r = screen(
            Err(vec![
                Refusal::EvidenceMissing {
                    id: "offerte-of-factuur-van-de-kosten".into(),
                },
                Refusal::EvidenceMissing {
                    id: "afwijzing-voorliggende-voorziening".into(),
                },
            ]),
            true,
        );
        let mut buf = Buffer::empty(Rect::new(0, 0, 60, 22));
        (&r).render(buf.area, &mut buf);
        let screen: String = buf
            .content
            .iter()
            .map(ratatui::buffer::Cell::symbol)
            .collect();
        assert!(
            screen.contains("afwijzing-voorliggende-voorziening"),
            "{screen}"
        );
        assert!(
            screen.contains("Verschijnt zodra de redenen hierboven zijn opgelost"),
            "the empty preview says why: {screen}"
        );
    }
}
