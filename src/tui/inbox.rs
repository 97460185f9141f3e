//! The review inbox: the records waiting for this team lead, oldest first
//! with how long they have waited and why they need review; a record read
//! as `show` reads it with its norm beside it; the verdict with a remark;
//! signing. A key becomes a [`Msg`] without I/O ([`Inbox::on_key`]);
//! [`Inbox::update`] changes the state and returns the [`Effect`]s the loop
//! (`inbox/run.rs`) hands to its host. The view is in `inbox/view.rs`.

pub mod host;
mod keys;
pub mod read;
pub mod run;
mod view;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui_textarea::{TextArea, WrapMode};

use self::keys::{BACK_OR_LEAVE, DONE, IN_HELP, LIST, READING, VERDICT_ON_CHOICE, VERDICT_ON_TEXT};
use super::app::QUIT;
use super::field::Field;
use super::keymap;
use crate::domain::draft::RemarkDraft;
use crate::domain::ops::review::Subject;
use crate::domain::review::{self, Verdict};
use crate::i18n::Lang;

/// A record waiting for review, as the inbox shows it.
#[derive(Debug, Clone)]
pub struct Waiting {
    pub subject: Subject,
    /// Whole days since it was signed.
    pub waited_days: i64,
    /// Why it needs review, in the reader's words.
    pub why: Vec<String>,
    /// The totals it goes past, counted again in the store as it is now
    /// (also among `why`): said again where it is approved.
    pub past: Vec<String>,
}

/// One of the reviewer's own records that came back to them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Returned {
    pub id: String,
    /// Who returned it.
    pub by: String,
    pub remark: Option<String>,
}

/// Where the focus is on the verdict screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Choice,
    Remark,
    Passphrase,
}

pub struct VerdictForm {
    pub verdict: Verdict,
    pub focus: Focus,
    pub remark: TextArea<'static>,
    pub passphrase: Option<Field>,
    pub error: Option<String>,
}

impl VerdictForm {
    fn remark_text(&self) -> String {
        self.remark.lines().join("\n")
    }

    /// Tab and Shift-Tab: choice, remark, passphrase (when asked), round.
    fn move_focus(&mut self, forward: bool) {
        let order: &[Focus] = if self.passphrase.is_some() {
            &[Focus::Choice, Focus::Remark, Focus::Passphrase]
        } else {
            &[Focus::Choice, Focus::Remark]
        };
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let next = if forward {
            at + 1
        } else {
            at + order.len() - 1
        };
        self.focus = order[next % order.len()];
    }
}

pub enum Mode {
    List,
    Reading { scroll: u16, norm: bool },
    Verdict(Box<VerdictForm>),
    Done(Signed),
}

/// A verdict signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    pub id: String,
    pub record: String,
    pub verdict: Verdict,
    /// When the approval went beyond the reviewer's own tier: the role it
    /// waits for now.
    pub passed_on: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Up,
    Down,
    Open,
    Back,
    Scroll(i16),
    ToggleNorm,
    ToVerdict,
    Choose(Verdict),
    NextChoice,
    PrevChoice,
    NextFocus,
    PrevFocus,
    Edit(KeyEvent),
    Sign,
    ToggleHelp,
    /// Leave, keeping the remark being typed.
    Quit,
}

/// What the loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    SaveRemark(RemarkDraft),
    Sign {
        record: String,
        verdict: Verdict,
        remark: Option<String>,
        passphrase: Option<String>,
    },
    /// Read the inbox again (after a verdict).
    Reload,
    Quit,
}

pub struct Inbox {
    pub(super) lang: Lang,
    /// Who reviews: name and role, for the title.
    pub(super) reviewer: String,
    pub(super) items: Vec<Waiting>,
    pub(super) selected: usize,
    pub(super) mode: Mode,
    pub(super) help: bool,
    needs_passphrase: bool,
    now: Timestamp,
    /// The reader's time zone, for signing times.
    pub(super) zone: TimeZone,
    /// The verdicts signed in this session.
    pub(super) signed: Vec<String>,
    /// Remarks typed earlier, by record id: what the host kept.
    kept: Vec<RemarkDraft>,
    /// The window's size at the last frame (`None` before the first).
    room: Option<(u16, u16)>,
    /// This person's own records returned to them, to revise.
    pub(super) returned: Vec<Returned>,
}

impl Inbox {
    pub fn new(
        lang: Lang,
        reviewer: String,
        items: Vec<Waiting>,
        needs_passphrase: bool,
        now: Timestamp,
    ) -> Self {
        Self {
            lang,
            reviewer,
            items,
            selected: 0,
            mode: Mode::List,
            help: false,
            needs_passphrase,
            now,
            zone: TimeZone::UTC,
            signed: Vec::new(),
            kept: Vec::new(),
            room: None,
            returned: Vec::new(),
        }
    }

    /// Shows signing times in `zone`.
    #[must_use]
    pub fn in_zone(mut self, zone: TimeZone) -> Self {
        self.zone = zone;
        self
    }

    /// This person's own records that came back to them.
    #[must_use]
    pub fn with_returned(mut self, returned: Vec<Returned>) -> Self {
        self.returned = returned;
        self
    }

    /// Remarks typed in an earlier session, to take up again.
    #[must_use]
    pub fn with_kept(mut self, kept: Vec<RemarkDraft>) -> Self {
        self.kept = kept;
        self
    }

    /// The window's size, as the last frame was drawn.
    pub fn resized(&mut self, width: u16, height: u16) {
        self.room = Some((width, height));
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    pub fn items(&self) -> &[Waiting] {
        &self.items
    }

    pub fn signed(&self) -> &[String] {
        &self.signed
    }

    fn current(&self) -> Option<&Waiting> {
        self.items.get(self.selected)
    }

    /// The message for a key press.
    pub fn on_key(&self, key: KeyEvent) -> Option<Msg> {
        if key.kind != KeyEventKind::Press {
            return None;
        }
        if keymap::lookup(QUIT, &key).is_some() {
            return Some(Msg::Quit);
        }
        if self.help {
            return keymap::lookup(IN_HELP, &key);
        }
        if let Some(msg) = keymap::lookup(self.keys(), &key) {
            return Some(msg);
        }
        match &self.mode {
            // Typing on the choice types the remark.
            Mode::Verdict(form)
                if form.focus != Focus::Choice || matches!(key.code, KeyCode::Char(_)) =>
            {
                Some(Msg::Edit(key))
            }
            _ => None,
        }
    }

    /// The bindings of the screen in front.
    pub(super) fn keys(&self) -> &'static [keymap::Binding<Msg>] {
        if self.help {
            IN_HELP
        } else {
            self.screen_keys()
        }
    }

    /// The bindings of the screen in front, help or not: what help lists.
    pub(super) fn screen_keys(&self) -> &'static [keymap::Binding<Msg>] {
        match &self.mode {
            Mode::List if self.items.is_empty() => BACK_OR_LEAVE,
            Mode::List => LIST,
            Mode::Reading { .. } => READING,
            Mode::Verdict(form) if form.focus == Focus::Choice => VERDICT_ON_CHOICE,
            Mode::Verdict(_) => VERDICT_ON_TEXT,
            Mode::Done(_) => DONE,
        }
    }

    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Quit => return vec![Effect::Quit],
            Msg::ToggleHelp => {
                self.help = !self.help;
                return Vec::new();
            }
            _ => {}
        }
        match &mut self.mode {
            Mode::List => self.list(msg),
            Mode::Reading { scroll, norm } => match msg {
                Msg::Scroll(by) => {
                    *scroll = scroll.saturating_add_signed(by);
                    Vec::new()
                }
                Msg::Up => {
                    *scroll = scroll.saturating_sub(1);
                    Vec::new()
                }
                Msg::Down => {
                    *scroll = scroll.saturating_add(1);
                    Vec::new()
                }
                Msg::ToggleNorm => {
                    *norm = !*norm;
                    *scroll = 0;
                    Vec::new()
                }
                Msg::ToVerdict => {
                    self.open_verdict();
                    Vec::new()
                }
                Msg::Back => {
                    self.mode = Mode::List;
                    Vec::new()
                }
                _ => Vec::new(),
            },
            Mode::Verdict(_) => self.verdict(msg),
            Mode::Done(_) => match msg {
                Msg::Open => vec![Effect::Reload],
                Msg::Back => vec![Effect::Quit],
                _ => Vec::new(),
            },
        }
    }

    fn list(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Up => self.selected = self.selected.saturating_sub(1),
            Msg::Down => {
                self.selected = (self.selected + 1).min(self.items.len().saturating_sub(1));
            }
            Msg::Open if self.current().is_some() => {
                self.mode = Mode::Reading {
                    scroll: 0,
                    norm: false,
                };
            }
            Msg::Back => return vec![Effect::Quit],
            _ => {}
        }
        Vec::new()
    }

    /// The verdict screen for the record read, with what was typed before.
    fn open_verdict(&mut self) {
        let Some(item) = self.current() else { return };
        let id = &item.subject.stored.record.id;
        let kept = self.kept.iter().find(|k| &k.record == id);
        let mut remark = TextArea::new(
            kept.map(|k| k.remark.lines().map(str::to_owned).collect())
                .unwrap_or_default(),
        );
        remark.set_wrap_mode(WrapMode::WordOrGlyph);
        remark.set_cursor_line_style(ratatui::style::Style::new());
        remark.move_cursor(ratatui_textarea::CursorMove::Bottom);
        remark.move_cursor(ratatui_textarea::CursorMove::End);
        self.mode = Mode::Verdict(Box::new(VerdictForm {
            verdict: kept.and_then(|k| k.verdict).unwrap_or(Verdict::Approve),
            focus: Focus::Choice,
            remark,
            passphrase: self
                .needs_passphrase
                .then(|| Field::masked(self.lang.label_key_passphrase())),
            error: None,
        }));
    }

    fn verdict(&mut self, msg: Msg) -> Vec<Effect> {
        let lang = self.lang;
        let now = self.now;
        let fits = self.room.is_none_or(|(w, h)| self.verdict_fits(w, h));
        let Some(record) = self.current().map(|w| w.subject.stored.record.id.clone()) else {
            return Vec::new();
        };
        let Mode::Verdict(form) = &mut self.mode else {
            return Vec::new();
        };
        let order = [Verdict::Approve, Verdict::Return, Verdict::Reject];
        let at = order.iter().position(|v| *v == form.verdict).unwrap_or(0);
        let mut changed = false;
        match msg {
            Msg::Choose(v) => {
                form.verdict = v;
                // Returning and rejecting need a remark: go there.
                if v.needs_remark() && form.focus == Focus::Choice {
                    form.focus = Focus::Remark;
                }
                changed = true;
            }
            Msg::NextChoice if form.focus == Focus::Choice => {
                form.verdict = order[(at + 1) % 3];
                changed = true;
            }
            Msg::PrevChoice if form.focus == Focus::Choice => {
                form.verdict = order[(at + 2) % 3];
                changed = true;
            }
            Msg::NextFocus | Msg::PrevFocus => form.move_focus(msg == Msg::NextFocus),
            Msg::Edit(key) => match form.focus {
                Focus::Remark => {
                    form.remark.input(key);
                    form.error = None;
                    changed = true;
                }
                Focus::Passphrase => {
                    if let Some(p) = &mut form.passphrase {
                        p.input(key);
                        p.error = None;
                    }
                }
                Focus::Choice => {
                    form.focus = Focus::Remark;
                    form.remark.input(key);
                    form.error = None;
                    changed = true;
                }
            },
            Msg::Back => {
                self.mode = Mode::Reading {
                    scroll: 0,
                    norm: false,
                };
                return Vec::new();
            }
            Msg::Sign if !fits => {
                form.error = Some(lang.too_small_to_sign().to_owned());
                return Vec::new();
            }
            Msg::Sign => {
                let text = form.remark_text();
                let problems = review::check_remark(form.verdict, Some(&text));
                if let Some(first) = problems.first() {
                    form.error = Some(lang.text_problem_in_inbox(*first));
                    form.focus = Focus::Remark;
                    return Vec::new();
                }
                let passphrase = form.passphrase.as_ref().map(Field::value);
                if passphrase.as_deref() == Some("") {
                    if let Some(p) = &mut form.passphrase {
                        p.error = Some(lang.passphrase_needed().to_owned());
                    }
                    form.focus = Focus::Passphrase;
                    return Vec::new();
                }
                return vec![Effect::Sign {
                    record,
                    verdict: form.verdict,
                    remark: review::stored_remark(Some(&text)),
                    passphrase,
                }];
            }
            _ => {}
        }
        if !changed {
            return Vec::new();
        }
        let draft = RemarkDraft {
            record,
            verdict: Some(form.verdict),
            remark: form.remark_text(),
            updated: now,
        };
        self.kept.retain(|k| k.record != draft.record);
        self.kept.push(draft.clone());
        vec![Effect::SaveRemark(draft)]
    }

    /// The verdict was signed (or why not).
    pub fn signed_result(&mut self, result: Result<Signed, String>) {
        match result {
            Ok(signed) => {
                self.kept.retain(|k| k.record != signed.record);
                self.signed.push(signed.id.clone());
                self.mode = Mode::Done(signed);
            }
            Err(error) => {
                if let Mode::Verdict(form) = &mut self.mode {
                    // A wrong passphrase is said at the passphrase.
                    match &mut form.passphrase {
                        Some(p) if error == self.lang.wrong_passphrase() => {
                            p.clear();
                            p.error = Some(error);
                            form.focus = Focus::Passphrase;
                        }
                        _ => form.error = Some(error),
                    }
                }
            }
        }
    }

    /// The inbox read again: back to the list, on the record after the
    /// one just reviewed.
    pub fn reloaded(&mut self, items: Vec<Waiting>) {
        self.items = items;
        self.selected = self.selected.min(self.items.len().saturating_sub(1));
        self.mode = Mode::List;
    }

    /// The remark being typed, to keep when leaving.
    pub fn typed(&self) -> Option<RemarkDraft> {
        let Mode::Verdict(form) = &self.mode else {
            return None;
        };
        let text = form.remark_text();
        (!text.trim().is_empty()).then(|| RemarkDraft {
            record: self
                .current()
                .map(|w| w.subject.stored.record.id.clone())
                .unwrap_or_default(),
            verdict: Some(form.verdict),
            remark: text,
            updated: self.now,
        })
    }
}

#[cfg(test)]
mod tests;
