//! The loop: draw, read a key, update, perform the effects through the
//! [`Host`] — the only place with I/O — until the walkthrough ends. Generic
//! over the terminal backend, so tests run it on `TestBackend`.

use std::io;

use crossterm::event::Event;
use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::Backend;

use super::app::{App, Counting, Effect, Ending, Msg, QUIT, Screen, Signatory};
use super::keymap;
use super::onboarding::Identity;
use super::{MIN_HEIGHT, MIN_WIDTH};
use crate::domain::draft::Draft;
use crate::domain::norm::catalog::Catalog;
use crate::domain::store::Earlier;

/// Performs what the walkthrough asks. Errors for the person come back in
/// their words.
pub trait Host {
    fn save_draft(&mut self, draft: &Draft) -> io::Result<()>;
    fn discard_draft(&mut self, id: &str) -> io::Result<()>;
    /// Tries `passphrase` on the existing key (the found one when
    /// `use_found`); keeps it open when it opens.
    fn check_key(&mut self, use_found: bool, passphrase: &str) -> bool;
    /// First run: makes or links the key and makes the store; returns who
    /// signs from now on and the norms adopted in the new store.
    fn set_up(&mut self, identity: &Identity) -> Result<(Signatory, Catalog), String>;
    /// Signs and stores the record for `draft` under `record_id`, drawn up
    /// `at`; returns the id.
    fn sign(
        &mut self,
        draft: &Draft,
        record_id: &str,
        at: Timestamp,
        passphrase: Option<&str>,
    ) -> Result<String, String>;
    /// What the earlier decisions in the store come to for each of the
    /// drafted norm's totals, as `counting` says.
    fn count_earlier(&mut self, draft: &Draft, counting: &Counting)
    -> Result<Vec<Earlier>, String>;
    /// Signs and stores a signal; returns its id.
    fn log_signal(
        &mut self,
        draft: &Draft,
        check: Option<&str>,
        text: &str,
        passphrase: Option<&str>,
    ) -> Result<String, String>;
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
        // Totals over several decisions are counted in the store before
        // the screen that shows them is drawn.
        if let Some(counting) = app.wanted_count() {
            let result = host.count_earlier(app.draft(), &counting);
            app.counted(counting, result);
        }
        // A terminal that went away (closed window, lost connection) must
        // not lose the work: save the draft, then report.
        let mut too_small = false;
        if let Err(e) = terminal.draw(|frame| {
            let area = frame.area();
            too_small = area.width < MIN_WIDTH || area.height < MIN_HEIGHT;
            frame.render_widget(&*app, area);
        }) {
            leave(app, host)?;
            return Err(io::Error::other(e));
        }
        let msg = match events.next() {
            None => Some(Msg::Quit),
            Some(Err(e)) => {
                leave(app, host)?;
                return Err(e);
            }
            // Keys typed blind into a window too small to show the screen
            // do nothing, but Ctrl-C still saves and stops.
            Some(Ok(Event::Key(key))) if too_small => keymap::lookup(QUIT, &key),
            Some(Ok(Event::Key(key))) => app.on_key(key),
            // The next draw adapts to the new size.
            Some(Ok(_)) => None,
        };
        let Some(msg) = msg else { continue };
        let mut effects = app.update(msg);
        while !effects.is_empty() {
            let mut next = Vec::new();
            for effect in effects {
                if let Some(ending) = perform(effect, app, host, &mut next)? {
                    return Ok(ending);
                }
            }
            effects = next;
        }
    }
}

/// Performs one effect; follow-up effects go into `next`. `Some` when the
/// walkthrough ends.
fn perform(
    effect: Effect,
    app: &mut App,
    host: &mut dyn Host,
    next: &mut Vec<Effect>,
) -> io::Result<Option<Ending>> {
    match effect {
        Effect::SaveDraft => host.save_draft(app.draft())?,
        Effect::Quit => return leave(app, host).map(Some),
        Effect::Close => return Ok(Some(done(app).unwrap_or(Ending::Nothing))),
        Effect::CheckKey {
            use_found,
            passphrase,
        } => {
            let opened = host.check_key(use_found, &passphrase);
            next.extend(app.key_checked(&passphrase, opened));
        }
        Effect::SetUp(identity) => {
            let result = host.set_up(&identity);
            app.set_up(result);
        }
        Effect::Sign {
            record_id,
            at,
            passphrase,
        } => {
            let result = host.sign(app.draft(), &record_id, at, passphrase.as_deref());
            if result.is_ok() {
                host.discard_draft(&app.draft().id)?;
            }
            app.signed(result);
        }
        Effect::LogSignal {
            check,
            text,
            passphrase,
        } => {
            let result =
                host.log_signal(app.draft(), check.as_deref(), &text, passphrase.as_deref());
            if result.is_ok() {
                host.discard_draft(&app.draft().id)?;
            }
            app.signal_logged(result);
        }
    }
    Ok(None)
}

/// What was signed, once it is.
fn done(app: &App) -> Option<Ending> {
    match app.screen() {
        Screen::Done { id, signal: true } => Some(Ending::Signal(id.clone())),
        Screen::Done { id, .. } => Some(Ending::Signed(id.clone())),
        _ => None,
    }
}

/// Leaves the walkthrough, keeping the draft when anything was entered
/// and nothing signed yet: a window closed after signing keeps no draft
/// to be signed twice, and still says what was signed.
fn leave(app: &mut App, host: &mut dyn Host) -> io::Result<Ending> {
    if let Some(ending) = done(app) {
        return Ok(ending);
    }
    match app.ending_on_leave() {
        None => Ok(Ending::Nothing),
        Some(draft) => {
            host.save_draft(draft)?;
            Ok(Ending::Saved(draft.id.clone()))
        }
    }
}
