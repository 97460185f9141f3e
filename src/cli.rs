//! The command line: parses arguments, builds the [`Context`], runs one
//! command and turns its result into an exit code, in one place:
//! 0 ok, 1 a negative result (e.g. `norms check` found errors), 2 a usage or
//! input error. A closed pipe (`| head`) is not an error.

mod checkpoint;
mod completions;
pub mod config;
pub mod context;
mod diagnostics;
mod drafts;
mod due;
mod export;
mod help;
mod init;
mod keyring;
mod keys;
mod list_records;
mod new;
mod norms;
pub mod output;
mod overview;
mod report;
mod review;
mod reviews;
mod selection;
mod show_record;
mod signal;
mod signals;
mod signing;
mod sync;
mod verified;
mod verify;
mod walkthrough;
mod withdraw;

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use anstyle::{AnsiColor, Style};
use clap::{Args, FromArgMatches, Parser, Subcommand};

pub use config::{Config, ConfigError, Env, NormsSource};
pub use context::{ColorChoice, Context};
pub(crate) use norms::print_table as norms_table;
use output::Output;

use crate::domain::bsn;
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
    /// Directory with the agreed norms (also `MAATWERK_NORMS`) [default:
    /// ./norms if present, else the norms bundled in the program]
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        help_heading = "Global options"
    )]
    pub norms: Option<PathBuf>,
    /// Language of interface text (also `MAATWERK_LANG`) [default: from
    /// `LC_ALL/LANG`: Dutch for nl*, else English]
    #[arg(long, global = true, value_enum, help_heading = "Global options")]
    pub lang: Option<LangArg>,
    /// When to use colour; `auto` honours `NO_COLOR`
    #[arg(
        long,
        global = true,
        value_enum,
        default_value_t,
        value_name = "WHEN",
        help_heading = "Global options"
    )]
    pub color: ColorChoice,
    /// The store with records and keyring (also `MAATWERK_STORE`)
    /// [default: a `maatwerk/store` directory in the user's data directory]
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        help_heading = "Global options"
    )]
    pub store: Option<PathBuf>,
    /// The OpenSSH ed25519 private key to sign with (also `MAATWERK_KEY`);
    /// an encrypted key's passphrase is asked, or read from the file
    /// `MAATWERK_PASSPHRASE_FILE` names. A public key (`.pub`) signs through
    /// the ssh-agent on `SSH_AUTH_SOCK` that holds its private half
    /// [default: `maatwerk/id_ed25519` in the user's config directory]
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        help_heading = "Global options"
    )]
    pub key: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    /// Nederlands
    Nl,
    /// English
    En,
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
    Export(export::ExportArgs),
    Report(report::ReportArgs),
    Review(review::ReviewArgs),
    Reviews(reviews::ReviewsArgs),
    Withdraw(withdraw::WithdrawArgs),
    Due(due::DueArgs),
    Signal(signal::SignalArgs),
    Signals(signals::SignalsArgs),
    Drafts(drafts::DraftsArgs),
    Init(init::InitArgs),
    Sync(sync::SyncArgs),
    Checkpoint(checkpoint::CheckpointArgs),
    Clone(sync::CloneArgs),
    /// Make or manage your signing key
    #[command(subcommand)]
    Keys(keys::KeysCommand),
    /// The team's people, roles and public keys
    #[command(subcommand)]
    Keyring(keyring::KeyringCommand),
    Completions(completions::CompletionsArgs),
    Man(completions::ManArgs),
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
    let env = Env::from_process();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = help::early_lang(&args, |name| env.var(name).map(str::to_owned));
    let args = help::help_subcommand(args);
    let parsed = help::command(lang)
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let help = matches!(
                e.kind(),
                clap::error::ErrorKind::DisplayHelp
                    | clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            );
            match (lang, help::dutch_error(&e)) {
                (crate::i18n::Lang::Nl, Some(message)) if e.use_stderr() => {
                    #[allow(clippy::print_stderr)]
                    {
                        eprintln!("{message}");
                    }
                }
                // Help in Dutch names clap's placeholders in Dutch too.
                (crate::i18n::Lang::Nl, _) if help => {
                    let text = help::dutch_placeholders(&e.render().to_string());
                    #[allow(clippy::print_stdout, clippy::print_stderr)]
                    if e.use_stderr() {
                        eprint!("{text}");
                    } else {
                        print!("{text}");
                    }
                }
                _ => {
                    let _ = e.print();
                }
            }
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match Config::resolve(&cli.global, &env) {
        Ok(config) => {
            let width = config
                .ttys
                .stdout
                .then(crate::tui::terminal_width)
                .flatten();
            let (color_out, color_err) = config.color;
            let out = Output::stdio(color_out, color_err, width);
            let mut ctx = Context::new(config, out);
            let result = run(&cli, &mut ctx);
            finish(result, &mut ctx)
        }
        Err((lang, error)) => {
            let mut out = Output::stdio(false, false, None);
            let error = config_error(lang, &error);
            let _ = report(&mut out, lang, &error);
            ExitCode::from(2)
        }
    }
}

/// Runs the command `cli` names.
pub fn run(cli: &Cli, ctx: &mut Context) -> Result<Outcome, CliError> {
    match &cli.command {
        // On a terminal the main job: the walkthrough. Piped or scripted:
        // the norms usable today.
        None if ctx.config.interactive() => {
            let start = walkthrough::Start {
                norm: None,
                resume: walkthrough::Resume::No,
                revises: None,
                extends: None,
            };
            walkthrough::run(&start, ctx)
        }
        None => overview::run(ctx),
        Some(Command::Norms(command)) => norms::run(command, ctx),
        Some(Command::New(args)) => new::run(args, ctx),
        Some(Command::Show(args)) => show_record::run(args, ctx),
        Some(Command::List(args)) => list_records::run(args, ctx),
        Some(Command::Verify(args)) => verify::run(args, ctx),
        Some(Command::Export(args)) => export::run(args, ctx),
        Some(Command::Report(args)) => report::run(args, ctx),
        Some(Command::Review(args)) => review::run(args, ctx),
        Some(Command::Reviews(args)) => reviews::run(args, ctx),
        Some(Command::Withdraw(args)) => withdraw::run(args, ctx),
        Some(Command::Due(args)) => due::run(args, ctx),
        Some(Command::Completions(args)) => completions::run(args, ctx),
        Some(Command::Man(args)) => completions::man(args, ctx),
        Some(Command::Signal(args)) => signal::run(args, ctx),
        Some(Command::Signals(args)) => signals::run(args, ctx),
        Some(Command::Drafts(args)) => drafts::run(args, ctx),
        Some(Command::Init(args)) => init::run(args, ctx),
        Some(Command::Sync(args)) => sync::run(args, ctx),
        Some(Command::Checkpoint(args)) => checkpoint::run(args, ctx),
        Some(Command::Clone(args)) => sync::clone(args, ctx),
        Some(Command::Keys(command)) => keys::run(command, ctx),
        Some(Command::Keyring(command)) => keyring::run(command, ctx),
    }
}

/// A configuration that cannot be used, in the user's language.
fn config_error(lang: Lang, error: &ConfigError) -> CliError {
    match error {
        ConfigError::BadClock(value) => CliError::input(lang.bad_clock(value), None),
        ConfigError::BadLang(value) => CliError::input(lang.bad_lang(value), None),
        ConfigError::BadSyncWarn(value) => CliError::input(lang.bad_sync_warn(value), None),
        ConfigError::NormsDirMissing(dir) => CliError::input(
            lang.norms_dir_missing(&dir.display().to_string()),
            Some(lang.norms_dir_missing_help()),
        ),
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
            let _ = report(&mut ctx.out, ctx.lang, &error);
            ExitCode::from(2)
        }
    }
}

/// "error: …" and "help: …" on standard error.
fn report(out: &mut Output, lang: Lang, error: &CliError) -> io::Result<()> {
    let label = out.paint_err(
        Style::new().bold().fg_color(Some(AnsiColor::Red.into())),
        lang.severity(crate::domain::diagnostic::Severity::Error),
    );
    let message = match error {
        CliError::Io(e) => lang.io_problem(e),
        CliError::Input { message, .. } => message.clone(),
    };
    // A message may repeat what someone typed; never a BSN in it.
    out.err_line(&format!("{label}: {}", bsn::redact(&message)))?;
    if let CliError::Input {
        help: Some(help), ..
    } = error
    {
        let name = out.paint_err(Style::new().bold(), lang.help_label());
        out.err_line(&format!("{name}: {}", bsn::redact(help)))?;
    }
    out.flush()
}

/// The norms in use: the directory the configuration names, or the norms
/// bundled in the binary.
pub(crate) fn load_catalog(ctx: &Context) -> Result<Catalog, CliError> {
    let dir = match &ctx.config.norms {
        NormsSource::Bundled => return Ok(Catalog::bundled()),
        NormsSource::Dir(dir) => dir,
    };
    let mut catalog = Catalog::load_dir(dir).map_err(|e| {
        CliError::input(
            ctx.lang.cannot_list(&dir.display().to_string(), &e.source),
            None,
        )
    })?;
    catalog.origin = crate::domain::norm::catalog::Origin::Directory(dir.clone());
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

/// The text of a file the user names with `flag`, up to 64 KiB.
pub(crate) fn read_text_arg(
    ctx: &Context,
    flag: &str,
    path: &std::path::Path,
) -> Result<String, CliError> {
    use std::io::Read;
    const MAX: u64 = 64 * 1024;
    let mut text = String::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX + 1).read_to_string(&mut text))
        .and_then(|n| {
            if n as u64 > MAX {
                Err(io::Error::other(ctx.lang.file_too_large(MAX)))
            } else {
                Ok(())
            }
        })
        .map_err(|e| {
            CliError::input(
                ctx.lang
                    .cannot_list(&format!("{flag} {}", path.display()), &e),
                None,
            )
        })?;
    Ok(text)
}

/// A date given with `flag` (YYYY-MM-DD).
pub(crate) fn date_arg(
    ctx: &Context,
    flag: &str,
    text: Option<&str>,
) -> Result<Option<jiff::civil::Date>, CliError> {
    let Some(text) = text else { return Ok(None) };
    text.parse()
        .map(Some)
        .map_err(|_| CliError::input(ctx.lang.bad_date_arg(flag, text), None))
}

/// A principal as typed: an e-mail address in any case, trimmed and in
/// lower case as the keyring holds it.
#[allow(clippy::unnecessary_wraps)] // clap's value parsers return a Result
pub(crate) fn principal_arg(text: &str) -> Result<String, std::convert::Infallible> {
    Ok(text.trim().to_lowercase())
}
