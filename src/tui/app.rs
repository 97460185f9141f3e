//! The walkthrough's model and update. A key becomes a [`Msg`] without I/O
//! ([`App::on_key`]); [`App::update`] changes the state and returns the
//! [`Effect`]s the loop must perform; the results come back through
//! [`App::signed`], [`App::key_checked`] and the like. The view is in
//! `view.rs`, the loop in `run.rs`; the update of each step of the
//! walkthrough in `app/steps.rs`.

mod screens;
mod steps;
mod totals;

pub use totals::Counting;

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};
use jiff::Timestamp;
use jiff::civil::Date;

use super::case::{self, CaseForm};
use super::checklist::{self, Checklist};
use super::drafts::{self, DraftChoice};
use super::keymap::{self, Binding, Key, Label};
use super::motivation::{self, MotivationForm};
use super::onboarding::{self, Identity, Onboarding};
use super::picker::{self, Picker};
use super::sign::{self, SignScreen};
use super::signal::{self, SignalForm};
use crate::domain::clock::Clock;
use crate::domain::draft::{Draft, DraftAnswer, Step};
use crate::domain::keyring::Grant;
use crate::domain::norm::Norm;
use crate::domain::norm::catalog::{Catalog, LoadedNorm};
use crate::domain::record::Answer;
use crate::domain::store::StoreState;
use crate::i18n::{KeyAction, Lang};

/// Who signs, as the keyring knows them, where their chain stands, and the
/// store they sign in as it stood when the walkthrough began.
#[derive(Debug, Clone)]
pub struct Signatory {
    pub grant: Grant,
    pub needs_passphrase: bool,
    pub next_seq: u64,
    pub prev: Option<String>,
    pub state: Arc<StoreState>,
}

// One screen lives at a time, moved rarely: boxing the larger ones buys
// nothing.
#[allow(clippy::large_enum_variant)]
pub enum Screen {
    Onboarding(Onboarding),
    Drafts(DraftChoice),
    Picker(Picker),
    Case(CaseForm),
    Checklist(Checklist),
    Motivation(MotivationForm),
    Sign(Box<SignScreen>),
    Signal(SignalForm, Option<String>),
    Done { id: String, signal: bool },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Onboarding(onboarding::Msg),
    Drafts(drafts::Msg),
    Picker(picker::Msg),
    Case(case::Msg),
    Checklist(checklist::Msg),
    Motivation(motivation::Msg),
    Sign(sign::Msg),
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
    /// Try `passphrase` on the existing key (the one found, when
    /// `use_found`): slow on purpose, so never done in `update`.
    CheckKey {
        use_found: bool,
        passphrase: String,
    },
    /// Make the key (or link the one found) and the store.
    SetUp(Identity),
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

/// Ctrl-C saves and stops, on every screen.
pub(super) const QUIT: &[Binding<Msg>] = &[Binding::hinted(
    &[Key::Ctrl('c')],
    Msg::Quit,
    Label::Fixed("Ctrl-C"),
    KeyAction::SaveAndQuit,
)];

/// Help where people type text: F1 only.
pub(super) const HELP: &[Binding<Msg>] = &[Binding::hinted(
    &[Key::Code(KeyCode::F(1))],
    Msg::ToggleHelp,
    Label::Fixed("F1"),
    KeyAction::Help,
)];

/// Help where `?` is no character people type.
pub(super) const HELP_QUESTION_MARK: &[Binding<Msg>] = &[Binding::hinted(
    &[Key::char('?'), Key::Code(KeyCode::F(1))],
    Msg::ToggleHelp,
    Label::Fixed("?"),
    KeyAction::Help,
)];

/// Done: any key closes.
pub(super) const DONE: &[Binding<Msg>] = &[Binding::hinted(
    &[],
    Msg::Close,
    Label::Fixed("⏎"),
    KeyAction::Close,
)];

/// Asked whether to leave.
pub(super) const LEAVING: &[Binding<Msg>] = &[
    Binding::hinted(
        &[
            Key::Code(KeyCode::Enter),
            Key::char('j'),
            Key::char('J'),
            Key::char('y'),
            Key::char('Y'),
        ],
        Msg::Quit,
        Label::Fixed("⏎/j"),
        KeyAction::Leave,
    ),
    Binding::hinted(
        &[Key::Code(KeyCode::Esc), Key::char('n'), Key::char('N')],
        Msg::Stay,
        Label::Fixed("Esc/n"),
        KeyAction::Stay,
    ),
];

pub struct App {
    pub(super) lang: Lang,
    pub(super) today: Date,
    /// The norms adopted in the store: the ones a decision may rely on.
    pub(super) catalog: Catalog,
    /// Norms in use that are not adopted in the store, shown with why.
    pub(super) unadopted: Vec<Norm>,
    /// `None` until the first run has made the key and the store.
    pub(super) signatory: Option<Signatory>,
    pub(super) draft: Draft,
    pub(super) screen: Screen,
    pub(super) help: bool,
    /// Esc on the first screen with work typed asks before leaving.
    pub(super) leaving: bool,
    /// The id and moment the record will get, fixed each time the sign
    /// screen opens, so the preview shows exactly what will be stored.
    record: Option<(String, Timestamp)>,
    /// Who reviews the record just signed, when it needs review.
    pub(super) waiting_for: Option<String>,
    /// … and nobody in the store can review it yet.
    pub(super) nobody_reviews: bool,
    clock: Clock,
    /// Something to say on the first screen (e.g. that a resumed draft's
    /// norm changed), until the next key.
    pub(super) notice: Option<String>,
    /// That the store was not synced for long: shown at the start, and
    /// again where the record is signed.
    pub(super) unsynced: Option<String>,
    /// The norm left for "another norm", whose answers are kept in case
    /// the same norm is chosen again.
    pub(super) left_norm: Option<String>,
    /// What the earlier decisions in the store came to for the norm's
    /// totals, counted by the host for this norm, case and date.
    pub(super) earlier: Option<(Counting, Vec<crate::domain::store::Earlier>)>,
    /// For an extension: how far the decisions it continues have gone.
    pub(super) extension: Option<crate::domain::extension::SoFar>,
}

impl App {
    /// The walkthrough for `signatory`, starting from `draft`.
    pub fn new(
        lang: Lang,
        catalog: Catalog,
        clock: Clock,
        signatory: Signatory,
        draft: Draft,
    ) -> Self {
        let mut app = Self::with_screen(lang, catalog, clock, Some(signatory), draft);
        app.screen = app.picker_screen();
        app.resume();
        app
    }

    /// Also shows `norms` (in use, not adopted in the store), as norms that
    /// cannot be chosen yet and why.
    #[must_use]
    pub fn with_unadopted(mut self, norms: Vec<Norm>) -> Self {
        self.unadopted = norms;
        if matches!(self.screen, Screen::Picker(_)) {
            self.screen = self.picker_screen();
        }
        self
    }

    /// An extension of decisions that have gone `so_far`: said where the
    /// period is typed, which may not run past the norm's longest total.
    #[must_use]
    pub fn with_extension(mut self, so_far: crate::domain::extension::SoFar) -> Self {
        self.extension = Some(so_far);
        if let Screen::Case(typed) = &self.screen {
            let (focus, raw) = (typed.focus(), typed.raw());
            self.screen = self.case_screen();
            if let Screen::Case(form) = &mut self.screen {
                form.restore(focus, &raw);
            }
        }
        self
    }

    /// Offers `drafts` (newest first) to go on with before a new decision,
    /// when there are any and nothing else was asked for.
    #[must_use]
    pub fn offering_drafts(mut self, drafts: Vec<Draft>) -> Self {
        if !drafts.is_empty() && matches!(self.screen, Screen::Picker(_)) {
            let now = self.clock.now();
            self.screen = Screen::Drafts(DraftChoice::new(self.lang, drafts, &self.catalog, now));
        }
        self
    }

    /// The first run: `form` sets up key and store, then the walkthrough
    /// goes on from `draft`.
    pub fn first_run(
        lang: Lang,
        catalog: Catalog,
        clock: Clock,
        form: Onboarding,
        draft: Draft,
    ) -> Self {
        let mut app = Self::with_screen(lang, catalog, clock, None, draft);
        app.screen = Screen::Onboarding(form);
        app
    }

    fn with_screen(
        lang: Lang,
        catalog: Catalog,
        clock: Clock,
        signatory: Option<Signatory>,
        draft: Draft,
    ) -> Self {
        let today = clock.today();
        Self {
            screen: Screen::Picker(Picker::new(lang, Vec::new())),
            lang,
            today,
            catalog,
            unadopted: Vec::new(),
            signatory,
            draft,
            help: false,
            leaving: false,
            record: None,
            waiting_for: None,
            nobody_reviews: false,
            clock,
            notice: None,
            unsynced: None,
            left_norm: None,
            earlier: None,
            extension: None,
        }
    }

    /// Shows `notice` above the first screen until the next key.
    #[must_use]
    pub fn with_notice(mut self, notice: String) -> Self {
        self.notice = Some(notice);
        self
    }

    /// Says that the store was not synced for long: above the first
    /// screen until the next key, and on the screen where one signs.
    #[must_use]
    pub fn with_unsynced(mut self, note: String) -> Self {
        self.notice = Some(note.clone());
        self.unsynced = Some(note);
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
            Step::Review => self.sign_screen(),
        };
        // Back at the field, question or part where the caseworker
        // stopped, with what was typed there.
        let typed = std::mem::take(&mut self.draft.typed);
        let Some(focus) = self.draft.focus.take() else {
            return;
        };
        match &mut self.screen {
            Screen::Case(f) => f.restore(focus, &typed),
            Screen::Checklist(c) => c.open_at(focus),
            Screen::Motivation(m) => m.open_at(focus),
            _ => {}
        }
    }

    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    pub fn signatory(&self) -> Option<&Signatory> {
        self.signatory.as_ref()
    }

    pub(super) fn loaded(&self) -> Option<&LoadedNorm> {
        self.draft
            .norm
            .as_ref()
            .and_then(|n| self.catalog.get(&n.id))
    }

    /// The message for a key press; key releases and repeats of other
    /// platforms are ignored.
    pub fn on_key(&self, key: KeyEvent) -> Option<Msg> {
        if key.kind != KeyEventKind::Press {
            return None;
        }
        // Once signed, any key closes — Ctrl-C too: there is nothing left
        // to save.
        if let Screen::Done { .. } = self.screen {
            return Some(Msg::Close);
        }
        if let Some(msg) = keymap::lookup(QUIT, &key) {
            return Some(msg);
        }
        // On the first run's form `?` is typed (in a name or an address);
        // F1 opens help.
        if let Screen::Onboarding(form) = &self.screen {
            if let Some(msg) = keymap::lookup(HELP, &key) {
                return Some(msg);
            }
            if self.help {
                return matches!(key.code, KeyCode::Esc).then_some(Msg::ToggleHelp);
            }
            return Some(Msg::Onboarding(form.on_key(key)));
        }
        if self.leaving {
            return keymap::lookup(LEAVING, &key);
        }
        if let Some(msg) = keymap::lookup(self.help_keys(), &key) {
            return Some(msg);
        }
        if self.help {
            return matches!(key.code, KeyCode::Esc).then_some(Msg::ToggleHelp);
        }
        Some(match &self.screen {
            Screen::Drafts(_) => Msg::Drafts(DraftChoice::on_key(key)?),
            Screen::Picker(p) => Msg::Picker(p.on_key(key)?),
            Screen::Case(_) => Msg::Case(CaseForm::on_key(key)),
            Screen::Checklist(c) => Msg::Checklist(c.on_key(key)?),
            Screen::Motivation(_) => Msg::Motivation(MotivationForm::on_key(key)),
            Screen::Sign(s) => Msg::Sign(s.on_key(key)),
            Screen::Signal(f, _) => Msg::Signal(f.on_key(key)),
            Screen::Onboarding(_) | Screen::Done { .. } => Msg::Close,
        })
    }

    /// The keys that open help here.
    pub(super) fn help_keys(&self) -> &'static [Binding<Msg>] {
        if self.question_mark_is_help() {
            HELP_QUESTION_MARK
        } else {
            HELP
        }
    }

    /// On screens where people type free text, `?` is a character and F1
    /// opens help.
    pub(super) fn question_mark_is_help(&self) -> bool {
        match &self.screen {
            Screen::Picker(_) | Screen::Drafts(_) => true,
            // On the sign screen nothing is typed but the passphrase; a
            // yes/no or choice question is answered with keys, not text.
            Screen::Sign(s) => !s.typing(),
            Screen::Checklist(c) => !c.typing(),
            _ => false,
        }
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
            Msg::Onboarding(m) => self.onboarding(m),
            Msg::Drafts(m) => self.choose_draft(m),
            Msg::Picker(m) => self.picker(m),
            Msg::Case(m) => self.case(m),
            Msg::Checklist(m) => self.checklist(m),
            Msg::Motivation(m) => self.motivation(m),
            Msg::Sign(m) => self.sign(m),
            Msg::Signal(m) => self.signal(m),
        }
    }

    /// Whether anything worth keeping as a draft was entered.
    pub(super) fn has_input(&self) -> bool {
        self.draft.norm.is_some() || !self.draft.case.is_empty()
    }

    /// Copies what is typed on the current screen into the draft.
    pub(super) fn sync(&mut self) {
        match &self.screen {
            Screen::Case(f) => {
                self.draft.focus = Some(f.focus());
                self.draft.typed = f.raw();
                let (case, decision_date, period) = f.typed();
                self.draft.case = case;
                self.draft.decision_date = decision_date.or(self.draft.decision_date);
                if let Some((start, end)) = period {
                    self.draft.period_start = Some(start);
                    self.draft.period_end = Some(end);
                }
            }
            Screen::Checklist(c) => {
                self.draft.focus = Some(c.at());
                self.set_answers(c.answered_so_far());
            }
            Screen::Motivation(m) => {
                self.draft.focus = Some(m.at());
                self.draft.motivation = m.motivation();
            }
            _ => {}
        }
    }

    fn set_answers(&mut self, answers: Vec<(String, Answer)>) {
        self.draft.answers = answers
            .into_iter()
            .map(|(check, answer)| DraftAnswer { check, answer })
            .collect();
    }

    fn go(&mut self, step: Step, screen: Screen) -> Vec<Effect> {
        self.draft.step = step;
        self.draft.focus = None;
        self.draft.typed.clear();
        self.screen = screen;
        vec![Effect::SaveDraft]
    }

    fn onboarding(&mut self, m: onboarding::Msg) -> Vec<Effect> {
        let Screen::Onboarding(form) = &mut self.screen else {
            return Vec::new();
        };
        let outcome = form.update(m);
        Self::onboarding_outcome(outcome)
    }

    fn onboarding_outcome(outcome: Option<onboarding::Outcome>) -> Vec<Effect> {
        match outcome {
            Some(onboarding::Outcome::Done(identity)) => vec![Effect::SetUp(identity)],
            Some(onboarding::Outcome::Unlock {
                use_found,
                passphrase,
            }) => vec![Effect::CheckKey {
                use_found,
                passphrase,
            }],
            Some(onboarding::Outcome::Cancel) => vec![Effect::Quit],
            None => Vec::new(),
        }
    }

    /// Whether `passphrase` opened the existing key; the form goes on.
    pub fn key_checked(&mut self, passphrase: &str, opened: bool) -> Vec<Effect> {
        let Screen::Onboarding(form) = &mut self.screen else {
            return Vec::new();
        };
        let outcome = form.unlocked(passphrase, opened);
        Self::onboarding_outcome(outcome)
    }

    /// Key and store were made (or why not): the walkthrough begins, on
    /// the norms adopted in the new store.
    pub fn set_up(&mut self, result: Result<(Signatory, Catalog), String>) {
        match result {
            Ok((signatory, catalog)) => {
                self.notice = Some(
                    self.lang
                        .set_up_done(&signatory.grant.fingerprint.to_string()),
                );
                self.signatory = Some(signatory);
                self.catalog = catalog;
                self.screen = self.picker_screen();
                self.resume();
            }
            Err(error) => {
                if let Screen::Onboarding(form) = &mut self.screen {
                    form.error = Some(error);
                }
            }
        }
    }

    /// The id the record gets when signed.
    pub fn record_id(&self) -> Option<&str> {
        self.record.as_ref().map(|(id, _)| id.as_str())
    }

    /// When the walkthrough was left: nothing, or the draft that keeps the
    /// work.
    pub(super) fn ending_on_leave(&mut self) -> Option<&Draft> {
        self.sync();
        self.has_input().then_some(&self.draft)
    }
}
