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
use crate::domain::decision;
use crate::domain::draft::{Draft, DraftAnswer, DraftNorm, Step};
use crate::domain::keyring::Grant;
use crate::domain::norm::catalog::{Catalog, LoadedNorm};
use crate::domain::store::files::new_id;
use crate::i18n::Lang;

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
    Sign(Option<String>),
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
    clock: Box<dyn Fn() -> Timestamp>,
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
            clock: Box::new(|| {
                let now = Timestamp::now();
                Timestamp::from_second(now.as_second()).unwrap_or(now)
            }),
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
    pub fn with_clock(mut self, clock: impl Fn() -> Timestamp + 'static) -> Self {
        self.clock = Box::new(clock);
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
        let at = (self.clock)();
        self.record = Some((new_id("MW", at), at));
        let assessed = self.assess();
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
    fn assess(&self) -> Assessed {
        let (id, at) = self
            .record
            .clone()
            .unwrap_or_else(|| (String::new(), Timestamp::UNIX_EPOCH));
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
                    (id, at),
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
            Some(review::Outcome::Sign(passphrase)) => vec![Effect::Sign(passphrase)],
            Some(review::Outcome::Back) => {
                let screen = self.motivation_screen();
                self.go(Step::Motivation, screen)
            }
            Some(review::Outcome::Evidence(confirmed)) => {
                self.draft.evidence = confirmed;
                let assessed = self.assess();
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
            let height = u16::try_from(
                textwrap::wrap(&format!("⚠ {notice}"), usize::from(inner.width.max(1))).len(),
            )
            .unwrap_or(1)
            .saturating_add(1);
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

/// Runs the first-run form until it is done or cancelled.
pub fn onboard<B: Backend>(
    terminal: &mut Terminal<B>,
    form: &mut onboarding::Onboarding,
    events: &mut dyn Iterator<Item = io::Result<Event>>,
) -> io::Result<Option<onboarding::Identity>>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    loop {
        terminal
            .draw(|frame| {
                let area = frame.area();
                let [main, bar] =
                    Layout::vertical([Constraint::Fill(1), Constraint::Length(2)]).areas(area);
                let block = Block::bordered().title(Line::styled(
                    " maatwerk ",
                    Style::new().add_modifier(Modifier::BOLD),
                ));
                let inner = block.inner(main);
                frame.render_widget(block, main);
                frame.render_widget(&*form, inner);
                // Esc and Ctrl-C both stop here; the form's hints name Esc.
                frame.render_widget(HintBar(&form.hints()), bar);
            })
            .map_err(io::Error::other)?;
        let Some(event) = events.next() else {
            return Ok(None);
        };
        let Event::Key(key) = event? else { continue };
        if key.kind != KeyEventKind::Press {
            continue;
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Ok(None);
        }
        match form.update(onboarding::Onboarding::on_key(key)) {
            Some(onboarding::Outcome::Done(identity)) => return Ok(Some(identity)),
            Some(onboarding::Outcome::Cancel) => return Ok(None),
            None => {}
        }
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
                Effect::Sign(passphrase) => {
                    let (id, at) = app
                        .record
                        .clone()
                        .unwrap_or_else(|| (String::new(), Timestamp::UNIX_EPOCH));
                    let result = host.sign(&app.draft, &id, at, passphrase.as_deref());
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
mod tests {
    use super::*;
    use crate::domain::keys::{Fingerprint, Signer as Key};
    use jiff::civil::date;
    use ratatui::backend::TestBackend;

    const TODAY: Date = date(2026, 11, 23);

    fn signer(role: &str, needs_passphrase: bool) -> Signer {
        let key = Key::generate("anna").unwrap();
        Signer {
            grant: Grant {
                entry_id: "KR-1".into(),
                principal: "anna@gemeente.example".into(),
                name: "Anna de Wit".into(),
                role: role.into(),
                beheerder: false,
                fingerprint: Fingerprint::of(key.public_key()),
                key: key.public_key().clone(),
                from: "2026-01-01T00:00:00Z".parse().unwrap(),
                until: None,
            },
            needs_passphrase,
            next_seq: 4,
            prev: Some("sha256:abc".into()),
        }
    }

    fn app_with(lang: Lang, draft: Draft) -> App {
        App::new(
            lang,
            Catalog::bundled(),
            TODAY,
            signer("consulent", false),
            draft,
        )
        .with_clock(|| "2026-11-23T09:30:00Z".parse().unwrap())
    }

    fn app(lang: Lang) -> App {
        app_with(lang, Draft::new("2026-11-23T09:00:00Z".parse().unwrap()))
    }

    #[derive(Default)]
    struct FakeHost {
        saves: Vec<Draft>,
        discarded: Vec<String>,
        signed: Vec<(String, Option<String>)>,
        signals: Vec<(Option<String>, String)>,
    }

    impl Host for FakeHost {
        fn save_draft(&mut self, draft: &Draft) -> io::Result<()> {
            self.saves.push(draft.clone());
            Ok(())
        }
        fn discard_draft(&mut self, id: &str) -> io::Result<()> {
            self.discarded.push(id.to_owned());
            Ok(())
        }
        fn sign(
            &mut self,
            _: &Draft,
            record_id: &str,
            _: Timestamp,
            passphrase: Option<&str>,
        ) -> Result<String, String> {
            if passphrase == Some("fout") {
                return Err("verkeerde wachtwoordzin".into());
            }
            self.signed
                .push((record_id.to_owned(), passphrase.map(str::to_owned)));
            Ok(record_id.to_owned())
        }
        fn log_signal(
            &mut self,
            _: &Draft,
            check: Option<&str>,
            text: &str,
            _: Option<&str>,
        ) -> Result<String, String> {
            self.signals
                .push((check.map(str::to_owned), text.to_owned()));
            Ok("SG-20261123-AAAAAAAA".into())
        }
    }

    /// Keys as a person types them: `\n` Enter, `\t` Tab, `\x1b` Esc,
    /// `\x13` Ctrl-S, `\x03` Ctrl-C.
    fn keys(text: &str) -> Vec<io::Result<Event>> {
        text.chars()
            .map(|c| {
                let key = match c {
                    '\n' => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
                    '\t' => KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE),
                    '\u{1b}' => KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
                    '\u{13}' => KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
                    '\u{3}' => KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
                    c => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
                };
                Ok(Event::Key(key))
            })
            .collect()
    }

    fn drive(app: &mut App, host: &mut FakeHost, text: &str) -> io::Result<Ending> {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let mut events = keys(text).into_iter();
        run(&mut terminal, app, &mut events, host)
    }

    /// Meaning must survive without colour (`NO_COLOR`, monochrome
    /// terminals): the screens use bold, reverse, dim and symbols only.
    fn assert_no_colour(terminal: &Terminal<TestBackend>, name: &str) {
        for (i, cell) in terminal.backend().buffer().content.iter().enumerate() {
            assert!(
                cell.fg == ratatui::style::Color::Reset && cell.bg == ratatui::style::Color::Reset,
                "{name}: cell {i} ({:?}) is coloured {:?} on {:?}",
                cell.symbol(),
                cell.fg,
                cell.bg
            );
        }
    }

    /// A whole-screen snapshot, which must also be free of colour.
    fn snapshot(name: &str, terminal: &Terminal<TestBackend>) {
        masked_snapshot(name, terminal, &[]);
    }

    /// As [`snapshot`], with the random part of ids and key fingerprints
    /// replaced by `*` of the same width wherever they are on screen, so the
    /// layout is still compared.
    fn masked_snapshot(name: &str, terminal: &Terminal<TestBackend>, random: &[&str]) {
        assert_no_colour(terminal, name);
        let mut screen = terminal.backend().to_string();
        for value in random {
            let keep = value.len().min(12);
            let mask = format!("{}{}", &value[..keep], "*".repeat(value.len() - keep));
            screen = screen.replace(value, &mask);
        }
        insta::assert_snapshot!(name.to_owned(), screen);
    }

    fn press(app: &mut App, text: &str) {
        for event in keys(text) {
            if let Ok(Event::Key(k)) = event
                && let Some(m) = app.on_key(k)
            {
                app.update(m);
            }
        }
    }

    /// Every key a hint on `app`'s current screen names is handled there.
    fn assert_hints_are_handled(app: &App) {
        for hint in app.hints() {
            for key in hinted_keys(hint.keys) {
                assert!(
                    app.on_key(key).is_some(),
                    "{}: the hint {:?} names {key:?}, which does nothing",
                    app.title(),
                    hint.keys
                );
            }
        }
    }

    fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
        terminal
    }

    const LONG: &str =
        "De jongere heeft sinds oktober geen inkomen en de huur van november is niet betaald.";

    /// Norm, case, checks and motivation for pw-zoektermijn-jongeren.
    fn to_review() -> String {
        to_review_with(450)
    }

    /// As [`to_review`], with an advance of `amount` euro.
    fn to_review_with(amount: u32) -> String {
        let motivation = format!(
            "{LONG} Extra.\t{LONG} Extra.\t{LONG} Extra.\t{LONG} Extra.\tWil werken.\tJongerenloket.\tGeen ontruiming.\u{13}"
        );
        format!(
            "zoektermijn\nZ-2026-001234\n\n\n22-12-2026\njjj{amount}\njTwee sollicitaties per week bij het leerwerkloket.\n{motivation}"
        )
    }

    #[test]
    fn a_caseworker_goes_from_norm_to_signed_record() {
        let mut app = app(Lang::Nl);
        let mut host = FakeHost::default();
        // Review: confirm the two required evidence items, then sign; any key closes.
        let mut events: Vec<io::Result<Event>> = keys(&to_review());
        events.push(Ok(Event::Key(KeyEvent::new(
            KeyCode::Char(' '),
            KeyModifiers::NONE,
        ))));
        events.push(Ok(Event::Key(KeyEvent::new(
            KeyCode::Down,
            KeyModifiers::NONE,
        ))));
        events.extend(keys(" \nx"));
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let ending = run(&mut terminal, &mut app, &mut events.into_iter(), &mut host).unwrap();
        let id = app.record_id().unwrap().to_owned();
        assert_eq!(ending, Ending::Signed(id.clone()));
        assert_eq!(host.signed, [(id.clone(), None)]);
        assert_eq!(
            host.discarded,
            [app.draft().id.clone()],
            "a signed draft is discarded"
        );
        let last = host.saves.last().unwrap();
        assert_eq!(last.case, "Z-2026-001234");
        assert_eq!(last.period_end, Some(date(2026, 12, 23)));
        assert_eq!(last.evidence, ["gespreksverslag", "bankafschriften"]);
        assert!(host.saves.len() >= 6, "saved on every step");
    }

    #[test]
    fn the_review_shows_the_record_as_it_will_be_stored_and_the_mandate() {
        let mut app = app(Lang::Nl);
        let mut host = FakeHost::default();
        let mut events = keys(&to_review());
        events.extend(keys("\u{3}"));
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let ending = run(&mut terminal, &mut app, &mut events.into_iter(), &mut host).unwrap();
        assert!(matches!(ending, Ending::Saved(_)));
        let mut app = app_with(Lang::Nl, host.saves.last().unwrap().clone());
        assert!(
            matches!(app.screen(), Screen::Review(_)),
            "resumed at the review"
        );
        let screen = draw(&app, 100, 40).backend().to_string();
        assert!(screen.contains("Nog niet te ondertekenen"), "{screen}");
        app.update(Msg::Review(review::Msg::Toggle));
        app.update(Msg::Review(review::Msg::Down));
        app.update(Msg::Review(review::Msg::Toggle));
        let screen = draw(&app, 100, 40).backend().to_string();
        assert!(screen.contains("✓ Binnen uw mandaat"), "{screen}");
        assert!(screen.contains("opgesteld en vastgesteld"));
        assert!(
            screen.contains("seq = 4"),
            "the preview is the record: {screen}"
        );
        assert!(screen.contains(&format!("id = \"{}\"", app.record_id().unwrap())));
    }

    #[test]
    fn quitting_saves_and_resuming_continues_where_it_stopped() {
        let mut app = app(Lang::Nl);
        let mut host = FakeHost::default();
        let ending = drive(
            &mut app,
            &mut host,
            "zoektermijn\nZ-2026-000042\n\n\n22-12-2026\njj\u{3}",
        )
        .unwrap();
        let Ending::Saved(id) = ending else {
            panic!("{ending:?}")
        };
        let draft = host.saves.last().unwrap().clone();
        assert_eq!(draft.id, id);
        assert_eq!(draft.step, Step::Checklist);
        assert_eq!(draft.answers.len(), 2, "answers typed so far are kept");
        let resumed = app_with(Lang::Nl, draft);
        let Screen::Checklist(c) = resumed.screen() else {
            panic!("not the checklist")
        };
        assert_eq!(c.answered().len(), 2);
    }

    #[test]
    fn nothing_typed_means_nothing_saved() {
        let mut app = app(Lang::En);
        let mut host = FakeHost::default();
        assert_eq!(
            drive(&mut app, &mut host, "\u{1b}").unwrap(),
            Ending::Nothing
        );
        assert!(host.saves.is_empty());
    }

    #[test]
    fn a_failed_condition_can_become_a_signal() {
        let mut app = app(Lang::Nl);
        let mut host = FakeHost::default();
        let ending = drive(
            &mut app,
            &mut host,
            "zoektermijn\nZ-2026-000099\n\n\n22-12-2026\nn3Inwoner is 28 en heeft toch acuut hulp nodig bij de huur.\u{13}x",
        )
        .unwrap();
        assert_eq!(ending, Ending::Signal("SG-20261123-AAAAAAAA".into()));
        assert_eq!(host.signals[0].0.as_deref(), Some("leeftijd-onder-27"));
        assert!(host.signals[0].1.starts_with("Inwoner is 28"));
    }

    #[test]
    fn a_wrong_passphrase_is_said_and_nothing_leaves() {
        let mut app = App::new(
            Lang::Nl,
            Catalog::bundled(),
            TODAY,
            signer("consulent", true),
            Draft::new("2026-11-23T09:00:00Z".parse().unwrap()),
        );
        let mut host = FakeHost::default();
        let mut events = keys(&to_review());
        events.push(Ok(Event::Key(KeyEvent::new(
            KeyCode::Char(' '),
            KeyModifiers::NONE,
        ))));
        events.push(Ok(Event::Key(KeyEvent::new(
            KeyCode::Down,
            KeyModifiers::NONE,
        ))));
        events.extend(keys(" fout\n\u{3}"));
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let ending = run(&mut terminal, &mut app, &mut events.into_iter(), &mut host).unwrap();
        assert!(matches!(ending, Ending::Saved(_)));
        assert!(host.signed.is_empty());
        assert!(host.discarded.is_empty());
    }

    #[test]
    fn keys_and_help() {
        let mut app = app(Lang::Nl);
        let release = KeyEvent {
            kind: KeyEventKind::Release,
            ..KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE)
        };
        assert_eq!(app.on_key(release), None, "key releases are ignored");
        app.update(Msg::ToggleHelp);
        let screen = draw(&app, 80, 24).backend().to_string();
        assert!(
            screen.contains("Toetsen") && screen.contains("concept"),
            "{screen}"
        );
    }

    #[test]
    fn screens_in_both_languages_and_sizes() {
        for lang in [Lang::Nl, Lang::En] {
            let code = if lang == Lang::Nl { "nl" } else { "en" };
            let mut walk = app(lang);
            snapshot(&format!("picker_{code}_80x24"), &draw(&walk, 80, 24));
            for (step, text) in [
                ("case", "zoektermijn\n"),
                ("checklist", "Z-2026-001234\n\n\n22-12-2026\n"),
                ("checklist_failed", "n"),
                (
                    "motivation",
                    "1jjj450\njTwee sollicitaties per week bij het leerwerkloket.\n",
                ),
            ] {
                press(&mut walk, text);
                snapshot(&format!("{step}_{code}_80x24"), &draw(&walk, 80, 24));
            }
            press(&mut walk, "\u{1b}\u{1b}\u{1b}");
            assert!(matches!(walk.screen(), Screen::Picker(_)), "Esc went back");
            press(&mut walk, "\u{1b}");
            masked_snapshot(
                &format!("leaving_{code}_80x24"),
                &draw(&walk, 80, 24),
                &[&walk.draft().id],
            );

            let mut review = app_with(lang, Draft::new("2026-11-23T09:00:00Z".parse().unwrap()));
            press(&mut review, &to_review());
            review.update(Msg::Review(review::Msg::Toggle));
            review.update(Msg::Review(review::Msg::Down));
            review.update(Msg::Review(review::Msg::Toggle));
            let record_id = review.record_id().unwrap_or_default().to_owned();
            let fingerprint = review.signer.grant.fingerprint.to_string();
            masked_snapshot(
                &format!("review_{code}_80x24"),
                &draw(&review, 80, 24),
                &[&record_id, &fingerprint],
            );

            let mut signal = app_with(lang, Draft::new("2026-11-23T09:00:00Z".parse().unwrap()));
            press(
                &mut signal,
                "zoektermijn\nZ-2026-000099\n\n\n22-12-2026\nn3Inwoner is 28.",
            );
            snapshot(&format!("signal_{code}_80x24"), &draw(&signal, 80, 24));

            let mut done = app(lang);
            done.signed(Ok("MW-20261123-K7QF2XAB".into()));
            snapshot(&format!("done_{code}_80x24"), &draw(&done, 80, 24));

            let mut help = app(lang);
            help.update(Msg::ToggleHelp);
            snapshot(&format!("help_{code}_80x24"), &draw(&help, 80, 24));

            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            let mut form = onboarding::Onboarding::new(lang, onboarding::KeySetup::New);
            let mut events = keys("Anna de Wit\n").into_iter();
            assert_eq!(
                onboard(&mut terminal, &mut form, &mut events).unwrap(),
                None
            );
            snapshot(&format!("onboarding_{code}_80x24"), &terminal);
        }
        let mut narrow = app(Lang::Nl);
        snapshot("picker_nl_narrow_60x20", &draw(&narrow, 60, 20));
        narrow.update(Msg::Picker(picker::Msg::Choose));
        snapshot("case_nl_narrow_60x20", &draw(&narrow, 60, 20));
        snapshot("too_small_nl_40x10", &draw(&narrow, 40, 10));
    }

    #[test]
    fn esc_on_the_first_screen_asks_before_leaving_when_work_was_typed() {
        let mut app = app(Lang::Nl);
        let mut host = FakeHost::default();
        let ending = drive(
            &mut app,
            &mut host,
            "zoektermijn\nZ-2026-000042\u{1b}\u{1b}",
        )
        .unwrap();
        // The events ran out while asking: that is a closed terminal, so the
        // draft is saved.
        assert!(matches!(ending, Ending::Saved(_)), "{ending:?}");

        let mut app = app_with(
            Lang::Nl,
            Draft::new("2026-11-23T09:00:00Z".parse().unwrap()),
        );
        press(&mut app, "zoektermijn\nZ-2026-000042\u{1b}\u{1b}");
        assert!(app.leaving, "Esc on the picker asks first");
        let screen = draw(&app, 80, 24).backend().to_string();
        assert!(screen.contains("De walkthrough verlaten?"), "{screen}");
        assert!(
            screen.contains(&app.draft().id),
            "names the draft: {screen}"
        );
        press(&mut app, "x");
        assert!(app.leaving, "other keys do nothing while asking");
        press(&mut app, "n");
        assert!(!app.leaving && matches!(app.screen(), Screen::Picker(_)));
        assert_eq!(
            app.on_key(KeyEvent::from(KeyCode::Esc)),
            Some(Msg::Picker(picker::Msg::ClearOrBack))
        );
        press(&mut app, "\u{1b}");
        assert_eq!(app.on_key(KeyEvent::from(KeyCode::Enter)), Some(Msg::Quit));
        assert_eq!(app.update(Msg::Quit), [Effect::Quit]);
    }

    #[test]
    fn esc_with_nothing_typed_leaves_at_once() {
        let mut app = app(Lang::En);
        press(&mut app, "zoek\u{1b}");
        assert!(
            matches!(app.screen(), Screen::Picker(_)),
            "first Esc clears the filter"
        );
        assert_eq!(
            app.update(Msg::Picker(picker::Msg::ClearOrBack)),
            [Effect::Quit]
        );
    }

    #[test]
    fn an_amount_above_the_mandaat_goes_to_review_by_a_higher_role() {
        let mut app = app(Lang::Nl);
        press(&mut app, &to_review_with(900));
        let Screen::Review(_) = app.screen() else {
            panic!("not at the review")
        };
        app.update(Msg::Review(review::Msg::Toggle));
        app.update(Msg::Review(review::Msg::Down));
        app.update(Msg::Review(review::Msg::Toggle));
        let screen = draw(&app, 100, 90).backend().to_string();
        assert!(
            screen.contains("Vereist beoordeling door teamleider"),
            "{screen}"
        );
        assert!(
            screen.contains("answer = 900.0") && screen.contains("review_role = \"teamleider\""),
            "the preview holds the amount: {screen}"
        );
    }

    #[test]
    fn a_window_too_small_keeps_the_state_and_comes_back() {
        let mut app = app(Lang::En);
        press(&mut app, "zoektermijn\nZ-2026-000042");
        let before = draw(&app, 80, 24).backend().to_string();
        let small = draw(&app, 30, 8).backend().to_string();
        assert!(small.contains("too small"), "{small}");
        assert!(!small.contains("Z-2026-000042"));
        let mut host = FakeHost::default();
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let mut events = vec![Ok(Event::Resize(30, 8)), Ok(Event::Resize(80, 24))].into_iter();
        run(&mut terminal, &mut app, &mut events, &mut host).unwrap();
        assert_eq!(draw(&app, 80, 24).backend().to_string(), before);
    }

    /// The key presses a hint's label stands for.
    fn hinted_keys(label: &str) -> Vec<KeyEvent> {
        let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        label
            .split([' ', '/'])
            .flat_map(|part| match part {
                "↑↓" => vec![plain(KeyCode::Up), plain(KeyCode::Down)],
                "←→" => vec![plain(KeyCode::Left), plain(KeyCode::Right)],
                "Enter" | "⏎" => vec![plain(KeyCode::Enter)],
                "Esc" => vec![plain(KeyCode::Esc)],
                "Tab" => vec![plain(KeyCode::Tab)],
                "Shift-Tab" => vec![plain(KeyCode::BackTab)],
                "PgUp" => vec![plain(KeyCode::PageUp)],
                "PgDn" => vec![plain(KeyCode::PageDown)],
                "F1" => vec![plain(KeyCode::F(1))],
                "Spatie" | "Space" => vec![plain(KeyCode::Char(' '))],
                "Ctrl-S" => vec![ctrl('s')],
                "Ctrl-C" => vec![ctrl('c')],
                "abc" => vec![plain(KeyCode::Char('a'))],
                one if one.chars().count() == 1 => {
                    vec![plain(KeyCode::Char(one.chars().next().unwrap_or(' ')))]
                }
                other => panic!("hint {label:?}: unknown key {other:?}"),
            })
            .collect()
    }

    #[test]
    fn every_hinted_key_is_handled_on_its_screen() {
        let steps = [
            "",
            "zoektermijn\n",
            "Z-2026-001234\n\n\n22-12-2026\n",
            "n",
            "1jjj450\njTwee sollicitaties per week bij het leerwerkloket.\n",
        ];
        for lang in [Lang::Nl, Lang::En] {
            let mut walk = app(lang);
            for text in steps {
                press(&mut walk, text);
                assert_hints_are_handled(&walk);
            }
            let mut review = app(lang);
            press(&mut review, &to_review());
            assert_hints_are_handled(&review);
            let mut signal = app(lang);
            press(
                &mut signal,
                "zoektermijn\nZ-2026-000099\n\n\n22-12-2026\nn3",
            );
            assert_hints_are_handled(&signal);
            let mut leaving = app(lang);
            press(&mut leaving, "zoektermijn\n\u{1b}\u{1b}");
            assert!(leaving.leaving);
            assert_hints_are_handled(&leaving);
            let mut done = app(lang);
            done.signed(Ok("MW-20261123-K7QF2XAB".into()));
            assert_hints_are_handled(&done);
        }
    }

    #[test]
    fn a_notice_shows_on_the_first_screen_until_the_next_key() {
        let mut app = app(Lang::Nl).with_notice(Lang::Nl.draft_norm_changed_resume(2, 3));
        let screen = draw(&app, 80, 24).backend().to_string();
        assert!(
            screen.contains("⚠ Let op: de norm van dit concept is gewijzigd (versie 2 → 3)"),
            "{screen}"
        );
        assert!(screen.contains("Zoek:"), "the screen itself still shows");
        press(&mut app, "z");
        let screen = draw(&app, 80, 24).backend().to_string();
        assert!(!screen.contains("gewijzigd"), "{screen}");
    }

    #[test]
    fn the_highlighted_row_is_marked_by_symbol_and_style_not_colour_alone() {
        let terminal = draw(&app(Lang::Nl), 80, 24);
        let buffer = terminal.backend().buffer();
        let row = (0..24)
            .find(|y| buffer[(1, *y)].symbol() == "▶")
            .expect("a marked row");
        assert!(buffer[(3, row)].modifier.contains(Modifier::REVERSED));
    }
}
