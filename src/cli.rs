//! The command line: parses arguments, builds the [`Context`], runs one
//! command and turns its result into an exit code, in one place:
//! 0 ok, 1 a negative result (e.g. `norms check` found errors), 2 a usage or
//! input error. A closed pipe (`| head`) is not an error.

pub mod context;
mod diagnostics;
mod drafts;
mod help;
mod init;
mod keyring;
mod keys;
mod list_records;
mod new;
mod norms;
pub mod output;
mod overview;
mod show_record;
mod signal;
mod signals;
mod signing;
mod verify;
mod walkthrough;

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use anstyle::{AnsiColor, Style};
use clap::{Args, FromArgMatches, Parser, Subcommand};

pub use context::{ColorChoice, Context};
pub(crate) use norms::print_table as norms_table;

use crate::domain::norm::catalog::Catalog;
use crate::i18n::Lang;

/// Log a tailored decision (maatwerk) that departs from a standard rule,
/// tied to the agreed norm it relies on, and signed.
///
/// Without a command, shows the agreed norms usable today and how to go on.
#[derive(Debug, Parser)]
#[command(name = "maatwerk", version, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Global {
    /// Directory with the agreed norms [default: ./norms if present, else
    /// the norms bundled in the program]
    #[arg(long, global = true, env = "MAATWERK_NORMS", value_name = "DIR")]
    pub norms: Option<PathBuf>,
    /// Language of interface text [default: from `LC_ALL/LANG`: Dutch for
    /// nl*, else English]
    #[arg(long, global = true, env = "MAATWERK_LANG", value_enum)]
    pub lang: Option<LangArg>,
    /// When to use colour; `auto` honours `NO_COLOR`
    #[arg(long, global = true, value_enum, default_value_t, value_name = "WHEN")]
    pub color: ColorChoice,
    /// The store with records and keyring [default: a `maatwerk/store`
    /// directory in the user's data directory]
    #[arg(long, global = true, env = "MAATWERK_STORE", value_name = "DIR")]
    pub store: Option<PathBuf>,
    /// The OpenSSH ed25519 private key to sign with [default:
    /// `maatwerk/id_ed25519` in the user's config directory]
    #[arg(long, global = true, env = "MAATWERK_KEY", value_name = "PATH")]
    pub key: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    /// Nederlands
    Nl,
    /// English
    En,
}

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Self {
        match arg {
            LangArg::Nl => Self::Nl,
            LangArg::En => Self::En,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List, read and check the agreed norms
    #[command(subcommand)]
    Norms(norms::NormsCommand),
    /// Record a signed decision
    New(new::NewArgs),
    Show(show_record::ShowArgs),
    List(list_records::ListArgs),
    Verify(verify::VerifyArgs),
    Signal(signal::SignalArgs),
    Signals(signals::SignalsArgs),
    Drafts(drafts::DraftsArgs),
    Init(init::InitArgs),
    /// Make or manage your signing key
    #[command(subcommand)]
    Keys(keys::KeysCommand),
    /// The team's people, roles and public keys
    #[command(subcommand)]
    Keyring(keyring::KeyringCommand),
}

/// How a command ended when it did not fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Success,
    /// Exit 1: the command ran and its answer is "no" (problems found).
    Negative,
}

/// Why a command could not do its job (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Io(#[from] io::Error),
    /// Bad input from the user; message and help are already in their
    /// language.
    #[error("{message}")]
    Input {
        message: String,
        help: Option<String>,
    },
}

impl CliError {
    pub fn input(message: String, help: Option<String>) -> Self {
        Self::Input { message, help }
    }
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = help::early_lang(&args, |name| std::env::var(name).ok());
    let parsed = help::command(lang)
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let mut ctx = match Context::from_process(cli.global.lang.map(Lang::from), cli.global.color) {
        Ok(ctx) => ctx,
        Err(e) => {
            // No output has been set up yet to report through.
            #[allow(clippy::print_stderr)]
            {
                eprintln!("maatwerk: {e}");
            }
            return ExitCode::from(2);
        }
    };
    let result = run(&cli, &mut ctx);
    finish(result, &mut ctx)
}

/// Runs the command `cli` names.
pub fn run(cli: &Cli, ctx: &mut Context) -> Result<Outcome, CliError> {
    match &cli.command {
        // On a terminal the main job: the walkthrough. Piped or scripted:
        // the norms usable today.
        None if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() => {
            let start = walkthrough::Start {
                norm: None,
                resume: walkthrough::Resume::No,
            };
            walkthrough::run(&start, &cli.global, ctx)
        }
        None => overview::run(&cli.global, ctx),
        Some(Command::Norms(command)) => norms::run(command, &cli.global, ctx),
        Some(Command::New(args)) => new::run(args, &cli.global, ctx),
        Some(Command::Show(args)) => show_record::run(args, &cli.global, ctx),
        Some(Command::List(args)) => list_records::run(args, &cli.global, ctx),
        Some(Command::Verify(args)) => verify::run(args, &cli.global, ctx),
        Some(Command::Signal(args)) => signal::run(args, &cli.global, ctx),
        Some(Command::Signals(args)) => signals::run(args, &cli.global, ctx),
        Some(Command::Drafts(args)) => drafts::run(args, &cli.global, ctx),
        Some(Command::Init(args)) => init::run(args, &cli.global, ctx),
        Some(Command::Keys(command)) => keys::run(command, &cli.global, ctx),
        Some(Command::Keyring(command)) => keyring::run(command, &cli.global, ctx),
    }
}

/// Maps a command's result to the exit code, reporting errors on stderr.
pub fn finish(result: Result<Outcome, CliError>, ctx: &mut Context) -> ExitCode {
    let flushed = ctx.out.flush();
    let result = result.and_then(|outcome| flushed.map(|()| outcome).map_err(CliError::from));
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Negative) => ExitCode::from(1),
        Err(CliError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            let lang = ctx.lang;
            let label = ctx.out.paint_err(
                Style::new().bold().fg_color(Some(AnsiColor::Red.into())),
                lang.severity(crate::domain::diagnostic::Severity::Error),
            );
            let _ = ctx.out.err_line(&format!("{label}: {error}"));
            if let CliError::Input {
                help: Some(help), ..
            } = &error
            {
                let name = ctx.out.paint_err(Style::new().bold(), lang.help_label());
                let _ = ctx.out.err_line(&format!("{name}: {help}"));
            }
            let _ = ctx.out.flush();
            ExitCode::from(2)
        }
    }
}

/// Where the norms come from: `--norms` (or `MAATWERK_NORMS`), else
/// `./norms` when present, else the norms bundled in the binary.
pub(crate) fn load_catalog(global: &Global, ctx: &Context) -> Result<Catalog, CliError> {
    let dir = match &global.norms {
        Some(dir) => {
            if !dir.is_dir() {
                return Err(CliError::input(
                    ctx.lang.norms_dir_missing(&dir.display().to_string()),
                    Some(ctx.lang.norms_dir_missing_help()),
                ));
            }
            dir.clone()
        }
        None => {
            // Relative, so paths in messages read as the user knows them.
            if ctx.cwd.join("norms").is_dir() {
                PathBuf::from("norms")
            } else {
                return Ok(Catalog::bundled());
            }
        }
    };
    let mut catalog = Catalog::load_dir(&dir).map_err(|e| {
        CliError::input(
            ctx.lang
                .cannot_list(&dir.display().to_string(), &e.source.to_string()),
            None,
        )
    })?;
    catalog.origin = crate::domain::norm::catalog::Origin::Directory(dir);
    Ok(catalog)
}

/// Warns on stderr when some norm files were left out because of errors.
pub(crate) fn warn_broken(catalog: &Catalog, ctx: &mut Context) -> io::Result<()> {
    let broken = catalog.reports().iter().filter(|r| r.has_errors()).count();
    if broken > 0 {
        let text = ctx.lang.broken_norms_left_out(broken, &catalog.origin);
        let text = ctx
            .out
            .paint_err(Style::new().fg_color(Some(AnsiColor::Yellow.into())), &text);
        ctx.out.err_line(&text)?;
    }
    Ok(())
}

/// Parses a date given on the command line.
pub(crate) fn parse_date(text: &str) -> Result<jiff::civil::Date, String> {
    text.parse()
        .map_err(|_| format!("`{text}` is not a date (YYYY-MM-DD)"))
}
