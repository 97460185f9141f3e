//! The full-screen walkthrough. Model, message, update, view: a key becomes
//! a message without I/O, `update` changes the state and returns effects
//! for the loop to perform, and the view only reads the state. The loop is
//! generic over the terminal backend, so tests run it on `TestBackend`.

pub mod case;
pub mod checklist;
pub mod field;
pub mod hints;
pub mod motivation;
pub mod onboarding;
pub mod picker;
pub mod review;
pub mod signal;
pub mod text;

pub use onboarding::onboard;

use std::io;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use jiff::Timestamp;
use jiff::civil::Date;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use self::case::{CaseData, CaseForm};
use self::checklist::Checklist;
use self::hints::{Hint, HintBar};
use self::motivation::MotivationForm;
use self::picker::Picker;
use self::review::{Assessed, Review};
use self::signal::SignalForm;
use crate::domain::clock::Clock;
use crate::domain::decision;
use crate::domain::draft::{Draft, DraftAnswer, DraftNorm, Step};
use crate::domain::keyring::Grant;
use crate::domain::norm::catalog::{Catalog, LoadedNorm};
use crate::domain::store::files::new_id;
use crate::i18n::Lang;

/// The terminal's width in columns, when there is one.
pub fn terminal_width() -> Option<u16> {
    crossterm::terminal::size().ok().map(|(cols, _)| cols)
}

/// Smallest terminal the walkthrough draws in; below it, it says so.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 14;

/// Who signs, as the keyring knows them, and where their chain stands.
#[derive(Debug, Clone)]
pub struct Signer {
    pub grant: Grant,
    pub needs_passphrase: bool,
    pub next_seq: u64,
    pub prev: Option<String>,
}

/// Performs what the walkthrough asks: the only place with I/O.
pub trait Host {
    fn save_draft(&mut self, draft: &Draft) -> io::Result<()>;
    fn discard_draft(&mut self, id: &str) -> io::Result<()>;
    /// Signs and stores the record for `draft` under `record_id`, drawn up
    /// `at`; returns the id, or why it failed in the user's words.
    fn sign(
        &mut self,
        draft: &Draft,
        record_id: &str,
        at: Timestamp,
        passphrase: Option<&str>,
    ) -> Result<String, String>;
    /// Signs and stores a signal; returns its id or why it failed.
    fn log_signal(
        &mut self,
        draft: &Draft,
        check: Option<&str>,
        text: &str,
        passphrase: Option<&str>,
    ) -> Result<String, String>;
}

pub enum Screen {
    Picker(Picker),
    Case(CaseForm),
    Checklist(Checklist),
    Motivation(MotivationForm),
    Review(Review),
    Signal(SignalForm, Option<String>),
    Done { id: String, signal: bool },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Picker(picker::Msg),
    Case(case::Msg),
    Checklist(checklist::Msg),
    Motivation(motivation::Msg),
    Review(review::Msg),
    Signal(signal::Msg),
    Close,
    ToggleHelp,
    Quit,
    /// Stay after being asked whether to leave.
    Stay,
}

/// What the loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    SaveDraft,
    /// Sign the record previewed as `record_id`, drawn up `at`.
    Sign {
        record_id: String,
        at: Timestamp,
        passphrase: Option<String>,
    },
    LogSignal {
        check: Option<String>,
        text: String,
        passphrase: Option<String>,
    },
    /// Leave, saving the draft first.
    Quit,
    /// Leave after the record or signal was stored.
    Close,
}

/// How the walkthrough ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    /// Left before signing; the draft with this id keeps the work.
    Saved(String),
    /// Left before anything worth keeping was typed.
    Nothing,
    Signed(String),
    Signal(String),
}

pub struct App {
    lang: Lang,
    today: Date,
    catalog: Catalog,
    signer: Signer,
    draft: Draft,
    screen: Screen,
    help: bool,
    /// Esc on the first screen with work typed asks before leaving.
    leaving: bool,
    /// The id and moment the record will get, fixed each time the review
    /// opens, so the preview shows exactly what will be stored.
    record: Option<(String, Timestamp)>,
    /// Whole seconds, as records store them.
    clock: Clock,
    /// Something to say on the first screen (e.g. that a resumed draft's
    /// norm changed), until the next key.
    notice: Option<String>,
}

impl App {
    pub fn new(lang: Lang, catalog: Catalog, today: Date, signer: Signer, draft: Draft) -> Self {
        let screen = Screen::Picker(Picker::new(lang, &catalog, today));
        let mut app = Self {
            lang,
            today,
            catalog,
            signer,
            draft,
            screen,
            help: false,
            leaving: false,
            record: None,
            clock: Clock::system(jiff::tz::TimeZone::UTC),
            notice: None,
        };
        app.resume();
        app
    }

    /// Shows `notice` above the first screen until the next key.
    #[must_use]
    pub fn with_notice(mut self, notice: String) -> Self {
        self.notice = Some(notice);
        self
    }

    /// Uses `clock` for the moment a record is drawn up (a fixed clock in
    /// tests and with `MAATWERK_NOW`).
    #[must_use]
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        if matches!(self.screen, Screen::Review(_)) {
            self.screen = self.review_screen();
        }
        self
    }

    /// Opens the step a resumed draft was at.
    fn resume(&mut self) {
        if self.loaded().is_none() {
            self.draft.norm = None;
            self.draft.step = Step::Norm;
            return;
        }
        self.screen = match self.draft.step {
            Step::Norm => return,
            Step::Case => self.case_screen(),
            Step::Checklist => self.checklist_screen(),
            Step::Motivation => self.motivation_screen(),
            Step::Review => self.review_screen(),
        };
    }

    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    fn loaded(&self) -> Option<&LoadedNorm> {
        self.draft
            .norm
            .as_ref()
            .and_then(|n| self.catalog.get(&n.id))
    }

    fn case_data(&self) -> Option<CaseData> {
        Some(CaseData {
            case: self.draft.case.clone(),
            decision_date: self.draft.decision_date?,
            period: self.draft.period_start.zip(self.draft.period_end),
        })
    }

    fn case_screen(&self) -> Screen {
        let max = self.loaded().and_then(|n| n.norm.max_duration);
        Screen::Case(CaseForm::new(
            self.lang,
            self.today,
            max,
            self.case_data().as_ref(),
        ))
    }

    fn checklist_screen(&self) -> Screen {
        match self.loaded() {
            Some(n) => Screen::Checklist(Checklist::new(
                self.lang,
                &n.norm,
                &self.draft.proposal().answers,
                &self.signer.grant.role,
                self.draft.period_start.zip(self.draft.period_end),
            )),
            None => Screen::Picker(Picker::new(self.lang, &self.catalog, self.today)),
        }
    }

    fn motivation_screen(&self) -> Screen {
        match self.loaded() {
            Some(n) => Screen::Motivation(MotivationForm::new(
                self.lang,
                &n.norm,
                &self.draft.motivation,
            )),
            None => Screen::Picker(Picker::new(self.lang, &self.catalog, self.today)),
        }
    }

    fn review_screen(&mut self) -> Screen {
        let at = self.clock.now();
        let id = new_id("MW", at);
        let assessed = self.assess(&id, at);
        self.record = Some((id, at));
        match self.loaded() {
            Some(n) => Screen::Review(Review::new(
                self.lang,
                &n.norm,
                &self.draft.evidence,
                self.signer.needs_passphrase,
                assessed,
            )),
            None => Screen::Picker(Picker::new(self.lang, &self.catalog, self.today)),
        }
    }

    /// The decision as it stands: its mandaat outcome and the record it
    /// becomes, or why it cannot be signed yet.
    fn assess(&self, id: &str, at: Timestamp) -> Assessed {
        let Some(loaded) = self.loaded() else {
            return Assessed {
                result: Err(Vec::new()),
                preview: String::new(),
            };
        };
        let proposal = self.draft.proposal();
        match decision::assess(&loaded.norm, &proposal, &self.signer.grant.role, self.today) {
            Ok(a) => {
                let record = decision::build_record(
                    loaded,
                    &proposal,
                    &a,
                    &self.signer.grant,
                    (id.to_owned(), at),
                    self.signer.next_seq,
                    self.signer.prev.clone(),
                );
                Assessed {
                    result: Ok(a.mandate),
                    preview: record.to_toml().unwrap_or_default(),
                }
            }
            Err(refusals) => Assessed {
                result: Err(refusals),
                preview: String::new(),
            },
        }
    }

    /// The message for a key press; key releases and repeats of other
    /// platforms are ignored.
    pub fn on_key(&self, key: KeyEvent) -> Option<Msg> {
        if key.kind != KeyEventKind::Press {
            return None;
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Some(Msg::Quit);
        }
        if let Screen::Done { .. } = self.screen {
            return Some(Msg::Close);
        }
        if self.leaving {
            return match key.code {
                KeyCode::Enter | KeyCode::Char('j' | 'J' | 'y' | 'Y') => Some(Msg::Quit),
                KeyCode::Esc | KeyCode::Char('n' | 'N') => Some(Msg::Stay),
                _ => None,
            };
        }
        if key.code == KeyCode::F(1)
            || (key.code == KeyCode::Char('?') && self.question_mark_is_help())
        {
            return Some(Msg::ToggleHelp);
        }
        if self.help {
            return matches!(key.code, KeyCode::Esc).then_some(Msg::ToggleHelp);
        }
        Some(match &self.screen {
            Screen::Picker(_) => Msg::Picker(Picker::on_key(key)?),
            Screen::Case(_) => Msg::Case(CaseForm::on_key(key)),
            Screen::Checklist(c) => Msg::Checklist(c.on_key(key)?),
            Screen::Motivation(_) => Msg::Motivation(MotivationForm::on_key(key)),
            Screen::Review(r) => Msg::Review(r.on_key(key)),
            Screen::Signal(..) => Msg::Signal(SignalForm::on_key(key)),
            Screen::Done { .. } => Msg::Close,
        })
    }

    /// On screens where people type free text, `?` is a character and F1
    /// opens help.
    fn question_mark_is_help(&self) -> bool {
        matches!(self.screen, Screen::Picker(_))
    }

    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        self.notice = None;
        match msg {
            Msg::Quit => {
                self.sync();
                vec![Effect::Quit]
            }
            Msg::Close => vec![Effect::Close],
            Msg::Stay => {
                self.leaving = false;
                Vec::new()
            }
            Msg::ToggleHelp => {
                self.help = !self.help;
                Vec::new()
            }
            Msg::Picker(m) => self.picker(m),
            Msg::Case(m) => self.case(m),
            Msg::Checklist(m) => self.checklist(m),
            Msg::Motivation(m) => self.motivation(m),
            Msg::Review(m) => self.review(m),
            Msg::Signal(m) => self.signal(m),
        }
    }

    /// Whether anything worth keeping as a draft was entered.
    fn has_input(&self) -> bool {
        self.draft.norm.is_some() || !self.draft.case.is_empty()
    }

    /// Copies what is typed on the current screen into the draft.
    fn sync(&mut self) {
        match &self.screen {
            Screen::Checklist(c) => self.set_answers(c.answered()),
            Screen::Motivation(m) => self.draft.motivation = m.motivation(),
            _ => {}
        }
    }

    fn set_answers(&mut self, answers: Vec<(String, crate::domain::record::Answer)>) {
        self.draft.answers = answers
            .into_iter()
            .map(|(check, answer)| DraftAnswer { check, answer })
            .collect();
    }

    fn go(&mut self, step: Step, screen: Screen) -> Vec<Effect> {
        self.draft.step = step;
        self.screen = screen;
        vec![Effect::SaveDraft]
    }

    fn picker(&mut self, m: picker::Msg) -> Vec<Effect> {
        let Screen::Picker(p) = &mut self.screen else {
            return Vec::new();
        };
        match p.update(m) {
            Some(picker::Outcome::Chosen(id)) => {
                let Some(loaded) = self.catalog.get(&id) else {
                    return Vec::new();
                };
                let same = self.draft.norm.as_ref().is_some_and(|n| n.id == id);
                self.draft.norm = Some(DraftNorm {
                    id,
                    version: loaded.norm.version,
                    sha256: loaded.sha256().to_string(),
                });
                if !same {
                    self.draft.answers.clear();
                }
                let screen = self.case_screen();
                self.go(Step::Case, screen)
            }
            Some(picker::Outcome::Back) if self.has_input() => {
                self.leaving = true;
                Vec::new()
            }
            Some(picker::Outcome::Back) => vec![Effect::Quit],
            None => Vec::new(),
        }
    }

    fn case(&mut self, m: case::Msg) -> Vec<Effect> {
        let Screen::Case(f) = &mut self.screen else {
            return Vec::new();
        };
        match f.update(m) {
            Some(case::Outcome::Done(data)) => {
                self.draft.case = data.case;
                self.draft.decision_date = Some(data.decision_date);
                (self.draft.period_start, self.draft.period_end) = data.period.unzip();
                let screen = self.checklist_screen();
                self.go(Step::Checklist, screen)
            }
            Some(case::Outcome::Back) => {
                let screen = Screen::Picker(Picker::new(self.lang, &self.catalog, self.today));
                self.go(Step::Norm, screen)
            }
            None => Vec::new(),
        }
    }

    fn checklist(&mut self, m: checklist::Msg) -> Vec<Effect> {
        let Screen::Checklist(c) = &mut self.screen else {
            return Vec::new();
        };
        let outcome = c.update(m);
        let answered = c.answered();
        match outcome {
            Some(checklist::Outcome::Done(answers)) => {
                self.set_answers(answers);
                let screen = self.motivation_screen();
                self.go(Step::Motivation, screen)
            }
            Some(checklist::Outcome::Back) => {
                self.set_answers(answered);
                let screen = self.case_screen();
                self.go(Step::Case, screen)
            }
            Some(checklist::Outcome::OtherNorm) => {
                self.set_answers(Vec::new());
                self.draft.norm = None;
                let screen = Screen::Picker(Picker::new(self.lang, &self.catalog, self.today));
                self.go(Step::Norm, screen)
            }
            Some(checklist::Outcome::Signal { check }) => {
                self.set_answers(answered);
                let question = self
                    .loaded()
                    .and_then(|n| n.norm.check(&check))
                    .map(|c| c.question.clone())
                    .unwrap_or_default();
                self.screen = Screen::Signal(
                    SignalForm::new(
                        self.lang,
                        &self.draft.case,
                        &question,
                        self.signer.needs_passphrase,
                    ),
                    Some(check),
                );
                vec![Effect::SaveDraft]
            }
            None => Vec::new(),
        }
    }

    fn motivation(&mut self, m: motivation::Msg) -> Vec<Effect> {
        let Screen::Motivation(f) = &mut self.screen else {
            return Vec::new();
        };
        let outcome = f.update(m);
        let current = f.motivation();
        match outcome {
            Some(motivation::Outcome::Done(text)) => {
                self.draft.motivation = text;
                let screen = self.review_screen();
                self.go(Step::Review, screen)
            }
            Some(motivation::Outcome::Back) => {
                self.draft.motivation = current;
                let screen = self.checklist_screen();
                self.go(Step::Checklist, screen)
            }
            None => Vec::new(),
        }
    }

    fn review(&mut self, m: review::Msg) -> Vec<Effect> {
        let Screen::Review(r) = &mut self.screen else {
            return Vec::new();
        };
        match r.update(m) {
            Some(review::Outcome::Sign(passphrase)) => match &self.record {
                Some((record_id, at)) => vec![Effect::Sign {
                    record_id: record_id.clone(),
                    at: *at,
                    passphrase,
                }],
                None => Vec::new(),
            },
            Some(review::Outcome::Back) => {
                let screen = self.motivation_screen();
                self.go(Step::Motivation, screen)
            }
            Some(review::Outcome::Evidence(confirmed)) => {
                self.draft.evidence = confirmed;
                let Some((id, at)) = &self.record else {
                    return Vec::new();
                };
                let assessed = self.assess(id, *at);
                if let Screen::Review(r) = &mut self.screen {
                    r.reassess(assessed);
                }
                vec![Effect::SaveDraft]
            }
            None => Vec::new(),
        }
    }

    fn signal(&mut self, m: signal::Msg) -> Vec<Effect> {
        let Screen::Signal(f, check) = &mut self.screen else {
            return Vec::new();
        };
        let check = check.clone();
        match f.update(m) {
            Some(signal::Outcome::Send { text, passphrase }) => vec![Effect::LogSignal {
                check,
                text,
                passphrase,
            }],
            Some(signal::Outcome::Back) => {
                self.screen = self.checklist_screen();
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    /// The record was signed (or not): show the id, or why not.
    pub fn signed(&mut self, result: Result<String, String>) {
        match result {
            Ok(id) => self.screen = Screen::Done { id, signal: false },
            Err(e) => {
                if let Screen::Review(r) = &mut self.screen {
                    r.error = Some(e);
                }
            }
        }
    }

    pub fn signal_logged(&mut self, result: Result<String, String>) {
        match result {
            Ok(id) => self.screen = Screen::Done { id, signal: true },
            Err(e) => {
                if let Screen::Signal(f, _) = &mut self.screen {
                    f.error = Some(e);
                }
            }
        }
    }

    /// The id the record gets when signed.
    pub fn record_id(&self) -> Option<&str> {
        self.record.as_ref().map(|(id, _)| id.as_str())
    }

    fn hints(&self) -> Vec<Hint> {
        let l = self.lang;
        if self.leaving {
            return vec![
                Hint::new("⏎/j", l.pick("verlaten", "leave")),
                Hint::new("Esc/n", l.pick("blijven", "stay")),
            ];
        }
        let mut hints = match &self.screen {
            Screen::Picker(p) => p.hints(),
            Screen::Case(f) => f.hints(),
            Screen::Checklist(c) => c.hints(),
            Screen::Motivation(m) => m.hints(),
            Screen::Review(r) => r.hints(),
            Screen::Signal(f, _) => f.hints(),
            Screen::Done { .. } => return vec![Hint::new("⏎", l.any_key_to_close())],
        };
        let help_key = if self.question_mark_is_help() {
            "?"
        } else {
            "F1"
        };
        hints.push(Hint::new(help_key, l.pick("hulp", "help")));
        hints.push(Hint::new(
            "Ctrl-C",
            l.pick("opslaan en stoppen", "save and quit"),
        ));
        hints
    }

    fn title(&self) -> String {
        let step = match self.screen {
            Screen::Picker(_) => "picker",
            Screen::Case(_) => "case",
            Screen::Checklist(_) => "checklist",
            Screen::Motivation(_) => "motivation",
            Screen::Review(_) => "review",
            Screen::Signal(..) => "signal",
            Screen::Done { .. } => "done",
        };
        let title = self.lang.screen_title(step);
        match self.loaded() {
            Some(n) if !matches!(self.screen, Screen::Picker(_)) => {
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
        let hint_height = if area.width >= 100 { 1 } else { 2 };
        let [main, bar] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(hint_height)]).areas(area);
        let block = Block::bordered().title(Line::styled(
            format!(" maatwerk · {} ", self.title()),
            Style::new().add_modifier(Modifier::BOLD),
        ));
        let mut inner = block.inner(main);
        block.render(main, buf);
        if let Some(notice) = &self.notice {
            let height = text::rows(&format!("⚠ {notice}"), inner.width).saturating_add(1);
            let [top, rest] =
                Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(inner);
            Paragraph::new(Line::styled(
                format!("⚠ {notice}"),
                Style::new().add_modifier(Modifier::BOLD),
            ))
            .wrap(Wrap { trim: true })
            .render(top, buf);
            inner = rest;
        }
        if self.leaving {
            let lines = vec![
                Line::styled(
                    l.pick("De walkthrough verlaten?", "Leave the walkthrough?"),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Line::raw(""),
                Line::raw(l.leave_question(&self.draft.id)),
            ];
            Paragraph::new(lines)
                .wrap(Wrap { trim: true })
                .render(inner, buf);
        } else if self.help {
            let lines: Vec<Line> = std::iter::once(Line::styled(
                l.pick("Toetsen", "Keys"),
                Style::new().add_modifier(Modifier::BOLD),
            ))
            .chain(
                hints
                    .iter()
                    .map(|h| Line::raw(format!("{:<10} {}", h.keys, h.action))),
            )
            .chain([Line::raw(""), Line::raw(l.help_draft_note())])
            .collect();
            Paragraph::new(lines)
                .wrap(Wrap { trim: true })
                .render(inner, buf);
        } else {
            match &self.screen {
                Screen::Picker(p) => p.render(inner, buf),
                Screen::Case(f) => f.render(inner, buf),
                Screen::Checklist(c) => c.render(inner, buf),
                Screen::Motivation(m) => m.render(inner, buf),
                Screen::Review(r) => r.render(inner, buf),
                Screen::Signal(f, _) => f.render(inner, buf),
                Screen::Done { id, signal } => render_done(l, id, *signal, inner, buf),
            }
        }
        HintBar(&hints).render(bar, buf);
    }
}

/// Leaves the walkthrough, keeping the draft when anything was entered.
fn leave(app: &mut App, host: &mut dyn Host) -> io::Result<Ending> {
    app.sync();
    if !app.has_input() {
        return Ok(Ending::Nothing);
    }
    host.save_draft(&app.draft)?;
    Ok(Ending::Saved(app.draft.id.clone()))
}

fn render_done(l: Lang, id: &str, signal: bool, area: Rect, buf: &mut Buffer) {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let note = if signal {
        l.signal_done_note(id)
    } else {
        l.done_note(id)
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
        .flex(ratatui::layout::Flex::Center)
        .areas(boxed);
    let frame = Block::bordered().border_type(ratatui::widgets::BorderType::Double);
    let inner = frame.inner(centred);
    frame.render(centred, buf);
    Paragraph::new(vec![
        Line::raw(""),
        Line::styled(id.to_owned(), bold),
        Line::raw(""),
    ])
    .alignment(ratatui::layout::Alignment::Center)
    .render(inner, buf);
    Paragraph::new(note)
        .wrap(Wrap { trim: true })
        .render(rest, buf);
}

/// Runs `app` on `terminal`, reading `events` and letting `host` perform
/// the effects, until the walkthrough ends. The draft is saved on every
/// step and when leaving.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut dyn Iterator<Item = io::Result<Event>>,
    host: &mut dyn Host,
) -> io::Result<Ending>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    loop {
        // A terminal that went away (closed window, lost connection) must
        // not lose the work: save the draft, then report.
        if let Err(e) = terminal.draw(|frame| frame.render_widget(&*app, frame.area())) {
            leave(app, host)?;
            return Err(io::Error::other(e));
        }
        let msg = match events.next() {
            None => Some(Msg::Quit),
            Some(Err(e)) => {
                leave(app, host)?;
                return Err(e);
            }
            Some(Ok(Event::Key(key))) => app.on_key(key),
            // The next draw adapts to the new size.
            Some(Ok(_)) => None,
        };
        let Some(msg) = msg else { continue };
        for effect in app.update(msg) {
            match effect {
                Effect::SaveDraft => host.save_draft(&app.draft)?,
                Effect::Quit => return leave(app, host),
                Effect::Close => {
                    return Ok(match &app.screen {
                        Screen::Done { id, signal: true } => Ending::Signal(id.clone()),
                        Screen::Done { id, .. } => Ending::Signed(id.clone()),
                        _ => Ending::Nothing,
                    });
                }
                Effect::Sign {
                    record_id,
                    at,
                    passphrase,
                } => {
                    let result = host.sign(&app.draft, &record_id, at, passphrase.as_deref());
                    if result.is_ok() {
                        host.discard_draft(&app.draft.id)?;
                    }
                    app.signed(result);
                }
                Effect::LogSignal {
                    check,
                    text,
                    passphrase,
                } => {
                    let result =
                        host.log_signal(&app.draft, check.as_deref(), &text, passphrase.as_deref());
                    if result.is_ok() {
                        host.discard_draft(&app.draft.id)?;
                    }
                    app.signal_logged(result);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
