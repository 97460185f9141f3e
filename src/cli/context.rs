//! Everything a command needs from the world outside: the clock, the
//! environment, the language, the terminal. Built once in `main`, or by a
//! test with a fixed clock.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::PathBuf;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

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
    pub lang: Lang,
    /// Now, in UTC. `MAATWERK_NOW` (RFC 3339) fixes it for scripts and tests.
    pub now: Timestamp,
    /// Today in the local time zone: the default decision date.
    pub today: Date,
    pub cwd: PathBuf,
    env: BTreeMap<String, String>,
    pub out: Output,
}

/// A `MAATWERK_NOW` that is not a timestamp.
#[derive(Debug, thiserror::Error)]
#[error("MAATWERK_NOW={value:?} is not an RFC 3339 timestamp such as 2026-11-23T09:30:00Z")]
pub struct BadClock {
    pub value: String,
}

impl Context {
    /// The real process: its environment, clock, working directory and
    /// standard streams.
    pub fn from_process(lang: Option<Lang>, color: ColorChoice) -> Result<Self, BadClock> {
        let env: BTreeMap<String, String> = std::env::vars().collect();
        let now = match env.get("MAATWERK_NOW") {
            Some(value) => value.parse::<Timestamp>().map_err(|_| BadClock {
                value: value.clone(),
            })?,
            None => Timestamp::now(),
        };
        // Whole seconds: what allowed_signers windows and people can read.
        let now = Timestamp::from_second(now.as_second()).unwrap_or(now);
        let tz = if env.contains_key("MAATWERK_NOW") {
            // A fixed clock is meant to give the same day everywhere.
            TimeZone::UTC
        } else {
            TimeZone::system()
        };
        let lang = lang.unwrap_or_else(|| Lang::from_locale(|name| env.get(name).cloned()));
        let no_color = env.get("NO_COLOR").is_some_and(|v| !v.is_empty());
        let colorize = |is_tty: bool| match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_tty && !no_color,
        };
        let out = Output::stdio(
            colorize(std::io::stdout().is_terminal()),
            colorize(std::io::stderr().is_terminal()),
            std::io::stdout().is_terminal(),
        );
        Ok(Self {
            lang,
            now,
            today: now.to_zoned(tz).date(),
            cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
            env,
            out,
        })
    }

    /// A context for tests: fixed clock, empty environment, captured output.
    pub fn for_test(lang: Lang, now: Timestamp, out: Output) -> Self {
        Self {
            lang,
            now,
            today: now.to_zoned(TimeZone::UTC).date(),
            cwd: PathBuf::from("."),
            env: BTreeMap::new(),
            out,
        }
    }

    pub fn var(&self, name: &str) -> Option<&str> {
        self.env.get(name).map(String::as_str)
    }
}
