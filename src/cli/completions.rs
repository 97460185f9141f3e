use clap::{Args, ValueEnum};

use super::{CliError, Context, Outcome};

/// Print a shell completion script for maatwerk, for example
/// `maatwerk completions bash > ~/.local/share/bash-completion/completions/maatwerk`
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in
    pub shell: Shell,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

pub fn run(args: &CompletionsArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let mut command = super::help::command(ctx.lang);
    let mut script = Vec::new();
    let shell = match args.shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    clap_complete::generate(shell, &mut command, "maatwerk", &mut script);
    ctx.out.bytes(&script)?;
    Ok(Outcome::Success)
}

/// Print the manual page (roff), for example
/// `maatwerk man > ~/.local/share/man/man1/maatwerk.1`
#[derive(Debug, Args)]
pub struct ManArgs {}

pub fn man(_args: &ManArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let command = super::help::command(ctx.lang);
    let mut page = Vec::new();
    clap_mangen::Man::new(command).render(&mut page)?;
    ctx.out.bytes(&page)?;
    Ok(Outcome::Success)
}
