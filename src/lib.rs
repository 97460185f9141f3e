//! maatwerk: log a tailored decision that departs from a standard rule, tie
//! it to the agreed norm it relies on, sign it, and let others review,
//! verify and export it.
//!
//! Layers, one direction: [`domain`] ← `tui` ← [`cli`] ← `main`.

pub mod cli;
pub mod domain;
pub mod i18n;
pub mod tui;
