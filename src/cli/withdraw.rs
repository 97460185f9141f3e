use clap::Args;

use super::review::act_error;
use super::signing::{member_grant, open_store, read_key, store_error, unlock};
use super::{CliError, Context, Outcome};
use crate::domain::ops::review::{self, Subject};

/// Withdraw a decision: from now on it no longer holds. Signed by its
/// author, by someone who reviewed it, or by someone above the author in
/// its norm. Prints the withdrawal's id
#[derive(Debug, Args)]
pub struct WithdrawArgs {
    /// The record's id, e.g. MW-20261123-K7QF2XAB
    pub id: String,
    /// Why the decision no longer stands (at least 10 characters)
    #[arg(long)]
    pub reason: String,
}

pub fn run(args: &WithdrawArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let store = open_store(ctx)?;
    let state = store.state().map_err(|e| store_error(ctx, &e))?;
    let key = read_key(ctx.key_path()?, ctx)?;
    let grant = member_grant(&state.keyring, &key, ctx)?;
    let subject = Subject::find(&store, &state, &args.id, ctx.today)
        .map_err(|e| store_error(ctx, &e))?
        .map_err(|e| act_error(ctx, &e))?;
    subject
        .after_record(ctx.now)
        .map_err(|e| act_error(ctx, &e))?;
    let prepared = review::prepare_withdrawal(&subject, &grant, &args.reason, &state)
        .map_err(|e| act_error(ctx, &e))?;
    let signer = unlock(&key, ctx)?;
    let (withdrawal, path) = prepared
        .sign(&store, &signer, ctx.now)
        .map_err(|e| store_error(ctx, &e))?;
    ctx.out.err_line(&ctx.lang.withdrawal_written(
        &withdrawal.record.id,
        &crate::domain::store::relative(store.dir(), &path),
    ))?;
    if let Some(note) = super::sync::share_note(ctx) {
        ctx.out.err_line(note)?;
    }
    ctx.out.line(&withdrawal.id)?;
    Ok(Outcome::Success)
}
