//! The full-screen walkthrough. Model, message, update, view: a key becomes
//! a message without I/O, `update` changes the state and returns effects
//! for the loop to perform through a host, and the view only reads the
//! state. The loop is generic over the terminal backend, so tests run it on
//! `TestBackend`.
//!
//! - `app.rs`: the model and its update; `view.rs`: drawing it;
//!   `run.rs`: the loop and the [`Host`] it performs effects through;
//!   `host.rs`: the host backed by the store; `terminal.rs`: the real
//!   terminal, set up and always restored.
//! - One file per screen (picker, case, checklist, motivation, sign, signal,
//!   onboarding), each a state with `on_key` → `Msg` → `update`, its keys a
//!   table in `keymap.rs` terms.

mod app;
pub mod case;
pub mod checklist;
pub mod drafts;
pub mod field;
pub mod hints;
mod host;
pub mod inbox;
pub mod keymap;
pub mod motivation;
pub mod onboarding;
pub mod picker;
mod run;
pub mod sign;
pub mod signal;
mod terminal;
pub mod text;
mod view;

pub use app::{App, Effect, Ending, Msg, Screen, Signatory};
pub use host::{FirstRun, Member, StoreHost};
pub use run::{Host, run};
pub use terminal::{run_inbox_on_terminal, run_on_terminal};

/// Smallest terminal the walkthrough draws in; below it, it says so.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 14;

/// The terminal's width in columns, when there is one.
pub fn terminal_width() -> Option<u16> {
    crossterm::terminal::size().ok().map(|(cols, _)| cols)
}

#[cfg(test)]
mod tests;
