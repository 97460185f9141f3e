//! `maatwerk norms …`: the agreed norms.

mod adopt;
mod check;
mod list;
mod show;
mod withdraw;

use clap::Subcommand;

pub(crate) use list::print_table;

use super::{CliError, Context, Outcome};
use crate::domain::norm::Norm;

#[derive(Debug, Subcommand)]
pub enum NormsCommand {
    List(list::ListArgs),
    Show(show::ShowArgs),
    Check(check::CheckArgs),
    Adopt(adopt::AdoptArgs),
    Withdraw(withdraw::WithdrawArgs),
}

pub fn run(command: &NormsCommand, ctx: &mut Context) -> Result<Outcome, CliError> {
    match command {
        NormsCommand::List(args) => list::run(args, ctx),
        NormsCommand::Show(args) => show::run(args, ctx),
        NormsCommand::Check(args) => check::run(args, ctx),
        NormsCommand::Adopt(args) => adopt::run(args, ctx),
        NormsCommand::Withdraw(args) => withdraw::run(args, ctx),
    }
}

/// "2026-02-01 – 2027-12-31", or open-ended "2026-02-01 –".
pub(crate) fn validity(norm: &Norm) -> String {
    match norm.valid_until {
        Some(until) => format!("{} – {until}", norm.valid_from),
        None => format!("{} –", norm.valid_from),
    }
}
