//! One resolved configuration: flags, environment and defaults become one
//! validated [`Config`] before any command runs (ripgrep's low-level
//! arguments becoming high-level ones). [`Env`] is the only reader of the
//! process environment and the platform's directories.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::{ColorChoice, Global, LangArg};
use crate::domain::clock::Clock;
use crate::i18n::Lang;

/// The variables this program reads.
const VARS: &[&str] = &[
    "MAATWERK_NOW",
    "MAATWERK_LANG",
    "MAATWERK_NORMS",
    "MAATWERK_STORE",
    "MAATWERK_KEY",
    "MAATWERK_PASSPHRASE_FILE",
    "MAATWERK_GIT",
    "MAATWERK_SYNC_WARN_AFTER",
    "NO_COLOR",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
];

/// The process's surroundings, read once.
#[derive(Debug, Clone)]
pub struct Env {
    vars: BTreeMap<String, String>,
    pub cwd: PathBuf,
    pub home: Option<PathBuf>,
    /// Where programs keep data (`~/.local/share` on Linux).
    pub data_dir: Option<PathBuf>,
    /// Where programs keep configuration (`~/.config` on Linux).
    pub config_dir: Option<PathBuf>,
    pub time_zone: TimeZone,
    pub ttys: Ttys,
}

/// Which standard streams are terminals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ttys {
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
}

impl Env {
    /// The real process.
    pub fn from_process() -> Self {
        let vars = VARS
            .iter()
            .filter_map(|name| Some(((*name).to_owned(), std::env::var(name).ok()?)))
            .collect();
        Self {
            vars,
            cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
            home: dirs::home_dir(),
            data_dir: dirs::data_dir(),
            config_dir: dirs::config_dir(),
            time_zone: TimeZone::system(),
            ttys: Ttys {
                stdin: std::io::stdin().is_terminal(),
                stdout: std::io::stdout().is_terminal(),
                stderr: std::io::stderr().is_terminal(),
            },
        }
    }

    /// Surroundings for a test: these variables, `home` as the home
    /// directory (with the Linux data and config directories below it),
    /// UTC and no terminal.
    pub fn for_test(home: &Path, vars: &[(&str, &str)]) -> Self {
        Self {
            vars: vars
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            cwd: home.to_path_buf(),
            home: Some(home.to_path_buf()),
            data_dir: Some(home.join(".local/share")),
            config_dir: Some(home.join(".config")),
            time_zone: TimeZone::UTC,
            ttys: Ttys::default(),
        }
    }

    /// A variable's value; empty counts as unset.
    pub fn var(&self, name: &str) -> Option<&str> {
        self.vars
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

/// Where the norms come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NormsSource {
    /// A directory: `--norms`, `MAATWERK_NORMS`, or `./norms`.
    Dir(PathBuf),
    /// The norms bundled in the program.
    Bundled,
}

/// Everything a command needs to know about where things are and how to
/// speak, resolved and checked.
#[derive(Debug, Clone)]
pub struct Config {
    pub lang: Lang,
    pub clock: Clock,
    /// Whether to colour standard output and standard error.
    pub color: (bool, bool),
    pub norms: NormsSource,
    /// `None` only without a home directory and without `--store`.
    pub store: Option<PathBuf>,
    pub key: Option<PathBuf>,
    /// Whether the key was named (`--key`, `MAATWERK_KEY`) rather than the
    /// default: only then is the person's own SSH key not offered.
    pub key_named: bool,
    pub drafts: Option<PathBuf>,
    /// The person's own OpenSSH key, to offer on the first run.
    pub ssh_key: Option<PathBuf>,
    pub home: Option<PathBuf>,
    /// `MAATWERK_PASSPHRASE_FILE`: the passphrase for scripts.
    pub passphrase_file: Option<PathBuf>,
    pub ttys: Ttys,
    /// The directory the command was given in.
    pub cwd: PathBuf,
    /// The `git` program sync and clone run (`MAATWERK_GIT`, default `git`).
    pub git: PathBuf,
    /// How long after the last sync `new` and `review` say so
    /// (`MAATWERK_SYNC_WARN_AFTER`, default a day).
    pub sync_warn_after: jiff::SignedDuration,
}

/// How long after the last sync `new` and `review` say so, unless
/// `MAATWERK_SYNC_WARN_AFTER` says otherwise.
pub const SYNC_WARN_AFTER: jiff::SignedDuration = jiff::SignedDuration::from_hours(24);

/// Why the flags and environment do not make a usable configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// `MAATWERK_NOW` is not a timestamp.
    BadClock(String),
    /// `MAATWERK_LANG` is neither `nl` nor `en`.
    BadLang(String),
    /// `--norms` or `MAATWERK_NORMS` is not a directory.
    NormsDirMissing(PathBuf),
    /// `MAATWERK_SYNC_WARN_AFTER` is not a duration.
    BadSyncWarn(String),
}

impl Config {
    /// Flags first, then the environment, then the defaults.
    pub fn resolve(global: &Global, env: &Env) -> Result<Self, (Lang, ConfigError)> {
        let locale = Lang::from_locale(|name| env.var(name).map(str::to_owned));
        let lang = match (global.lang, env.var("MAATWERK_LANG")) {
            (Some(arg), _) => Lang::from(arg),
            (None, None) => locale,
            (None, Some("nl")) => Lang::Nl,
            (None, Some("en")) => Lang::En,
            (None, Some(other)) => return Err((locale, ConfigError::BadLang(other.to_owned()))),
        };
        let fail = |e| (lang, e);
        let clock = match env.var("MAATWERK_NOW") {
            Some(text) => Clock::fixed(
                text.parse::<Timestamp>()
                    .map_err(|_| fail(ConfigError::BadClock(text.to_owned())))?,
            ),
            None => Clock::system(env.time_zone.clone()),
        };
        let no_color = env.var("NO_COLOR").is_some();
        let colorize = |is_tty: bool| match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_tty && !no_color,
        };
        let named = |flag: &Option<PathBuf>, var: &str| {
            flag.clone().or_else(|| env.var(var).map(PathBuf::from))
        };
        let norms = match named(&global.norms, "MAATWERK_NORMS") {
            Some(dir) if env.cwd.join(&dir).is_dir() => NormsSource::Dir(dir),
            Some(dir) => return Err(fail(ConfigError::NormsDirMissing(dir))),
            // Relative, so paths in messages read as the user knows them.
            None if env.cwd.join("norms").is_dir() => NormsSource::Dir(PathBuf::from("norms")),
            None => NormsSource::Bundled,
        };
        let data = env.data_dir.as_ref().map(|d| d.join("maatwerk"));
        let store = named(&global.store, "MAATWERK_STORE")
            .or_else(|| data.as_ref().map(|d| d.join("store")));
        let key_named = named(&global.key, "MAATWERK_KEY");
        let key = key_named.clone().or_else(|| {
            env.config_dir
                .as_ref()
                .map(|d| d.join("maatwerk").join("id_ed25519"))
        });
        let drafts = data.map(|d| d.join("drafts"));
        let ssh_key = env
            .home
            .as_ref()
            .filter(|_| cfg!(unix))
            .map(|h| h.join(".ssh").join("id_ed25519"));
        let sync_warn_after = match env.var("MAATWERK_SYNC_WARN_AFTER") {
            None => SYNC_WARN_AFTER,
            Some(text) => text
                .parse::<jiff::Span>()
                .ok()
                .and_then(|span| {
                    span.to_duration(jiff::SpanRelativeTo::days_are_24_hours())
                        .ok()
                })
                .filter(jiff::SignedDuration::is_positive)
                .ok_or_else(|| fail(ConfigError::BadSyncWarn(text.to_owned())))?,
        };
        Ok(Self {
            lang,
            clock,
            color: (colorize(env.ttys.stdout), colorize(env.ttys.stderr)),
            norms,
            store,
            key,
            key_named: key_named.is_some(),
            drafts,
            ssh_key,
            home: env.home.clone(),
            passphrase_file: env.var("MAATWERK_PASSPHRASE_FILE").map(PathBuf::from),
            ttys: env.ttys,
            cwd: env.cwd.clone(),
            git: env
                .var("MAATWERK_GIT")
                .map_or_else(|| PathBuf::from("git"), PathBuf::from),
            sync_warn_after,
        })
    }

    /// Whether the full-screen walkthrough can run: a terminal to read keys
    /// from and to draw on.
    pub fn interactive(&self) -> bool {
        self.ttys.stdin && self.ttys.stderr
    }

    /// `path` with the home directory written as `~`, as people know it.
    pub fn home_relative(&self, path: &Path) -> String {
        self.home
            .as_ref()
            .and_then(|home| path.strip_prefix(home).ok())
            .map_or_else(
                || path.display().to_string(),
                |rest| format!("~/{}", rest.display()),
            )
    }
}

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Self {
        match arg {
            LangArg::Nl => Self::Nl,
            LangArg::En => Self::En,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn resolve(args: &[&str], vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let home = Path::new("/home/anna");
        let cli = super::super::Cli::try_parse_from(
            std::iter::once("maatwerk").chain(args.iter().copied()),
        )
        .unwrap();
        Config::resolve(&cli.global, &Env::for_test(home, vars)).map_err(|(_, e)| e)
    }

    #[test]
    fn flags_beat_the_environment_which_beats_the_defaults() {
        let config = resolve(&[], &[]).unwrap();
        let path = |p: Option<PathBuf>| p.unwrap_or_default();
        assert_eq!(
            path(config.store),
            Path::new("/home/anna/.local/share/maatwerk/store")
        );
        assert_eq!(
            path(config.key),
            Path::new("/home/anna/.config/maatwerk/id_ed25519")
        );
        assert_eq!(
            path(config.drafts),
            Path::new("/home/anna/.local/share/maatwerk/drafts")
        );
        assert_eq!(config.norms, NormsSource::Bundled);
        assert!(!config.key_named);
        assert_eq!(config.lang, Lang::En);

        let env = [
            ("MAATWERK_STORE", "/srv/team"),
            ("MAATWERK_KEY", "/k"),
            ("LANG", "nl_NL.UTF-8"),
        ];
        let config = resolve(&[], &env).unwrap();
        assert_eq!(config.store.as_deref(), Some(Path::new("/srv/team")));
        assert!(config.key_named);
        assert_eq!(config.lang, Lang::Nl);
        let config = resolve(&["--store", "/elders", "--lang", "en"], &env).unwrap();
        assert_eq!(config.store.as_deref(), Some(Path::new("/elders")));
        assert_eq!(config.lang, Lang::En);
    }

    #[test]
    fn a_fixed_clock_and_what_is_wrong() {
        let config = resolve(&[], &[("MAATWERK_NOW", "2026-11-23T09:30:00Z")]).unwrap();
        assert!(config.clock.is_fixed());
        assert_eq!(config.clock.today(), jiff::civil::date(2026, 11, 23));
        assert_eq!(
            resolve(&[], &[("MAATWERK_NOW", "maandag")]).unwrap_err(),
            ConfigError::BadClock("maandag".into())
        );
        assert_eq!(
            resolve(&[], &[("MAATWERK_LANG", "de")]).unwrap_err(),
            ConfigError::BadLang("de".into())
        );
        assert_eq!(
            resolve(&["--norms", "/bestaat/niet"], &[]).unwrap_err(),
            ConfigError::NormsDirMissing("/bestaat/niet".into())
        );
    }
}
