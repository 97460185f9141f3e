//! `maatwerk norms …`: the agreed norms.

mod adopt;
mod check;
mod list;
mod show;
mod withdraw;

use clap::Subcommand;

pub(crate) use list::print_table;

use super::{CliError, Context, Outcome};
use crate::domain::adoption::Adoptions;
use crate::domain::norm::Norm;
use crate::domain::store::Store;
use crate::i18n::Lang;

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
pub(crate) fn validity(lang: Lang, norm: &Norm) -> String {
    lang.in_force(norm.valid_from, norm.valid_until)
}

/// The adoptions of the configured store, when there is one that can be
/// read: what `norms list` and `norms show` say each norm's standing is.
/// Problems with the store are `verify`'s to report, not these commands'.
pub(crate) fn store_adoptions(ctx: &Context) -> Option<Adoptions> {
    let dir = ctx.config.store.as_deref()?;
    let state = Store::open(dir).ok()?.state().ok()?;
    Some(state.adoptions)
}
