//! Everything a command needs from the world outside: the resolved
//! [`Config`] (language, clock, paths) and the [`Output`] to write to. Built
//! once in `main`, or by a test.

use std::path::Path;

use jiff::Timestamp;
use jiff::civil::Date;

use super::CliError;
use super::config::Config;
use super::output::Output;
use crate::i18n::Lang;

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless `NO_COLOR` is set.
    #[default]
    Auto,
    Always,
    Never,
}

/// The program's view of its environment.
pub struct Context {
    pub config: Config,
    pub lang: Lang,
    /// Now, in whole seconds, when the command started.
    pub now: Timestamp,
    /// Today in the clock's time zone: the default decision date.
    pub today: Date,
    pub out: Output,
}

impl Context {
    pub fn new(config: Config, out: Output) -> Self {
        Self {
            lang: config.lang,
            now: config.clock.now(),
            today: config.clock.today(),
            config,
            out,
        }
    }

    /// The store's directory.
    pub fn store_dir(&self) -> Result<&Path, CliError> {
        self.config.store.as_deref().ok_or_else(|| self.no_home())
    }

    /// The signing key's path.
    pub fn key_path(&self) -> Result<&Path, CliError> {
        self.config.key.as_deref().ok_or_else(|| self.no_home())
    }

    /// Where the walkthrough's drafts are kept.
    pub fn drafts_dir(&self) -> Result<&Path, CliError> {
        self.config.drafts.as_deref().ok_or_else(|| self.no_home())
    }

    fn no_home(&self) -> CliError {
        CliError::input(self.lang.no_home(), None)
    }
}
