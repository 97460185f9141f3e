//! `maatwerk keys …`: your own signing key.

mod new;

use clap::Subcommand;

use super::{CliError, Context, Outcome};

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    New(new::NewArgs),
}

pub fn run(command: &KeysCommand, ctx: &mut Context) -> Result<Outcome, CliError> {
    match command {
        KeysCommand::New(args) => new::run(args, ctx),
    }
}
