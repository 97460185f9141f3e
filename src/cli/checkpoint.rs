//! `maatwerk checkpoint`: witness where every chain of the store stands.

use clap::Args;

use super::signing::{member_grant, open_store, read_key, store_error, unlock};
use super::{CliError, Context, Outcome};
use crate::domain::ops::checkpoint::{self, CheckpointError};
use crate::domain::store::Store;

/// Sign a checkpoint: where every chain of the store stands now — each
/// author's records, reviews, withdrawals and samples, the keyring, the
/// adoptions and the signals — witnessed by you (teamleider,
/// afdelingshoofd, controller or beheerder). Removing what it names, or
/// backdating a file to before it, shows in verify. Prints the
/// checkpoint's id
#[derive(Debug, Args)]
pub struct CheckpointArgs {}

pub(super) fn checkpoint_error(ctx: &Context, error: &CheckpointError) -> CliError {
    match error {
        CheckpointError::Role { role } => CliError::input(
            ctx.lang.checkpoint_role(role),
            Some(ctx.lang.checkpoint_role_help()),
        ),
        CheckpointError::Store(e) => store_error(ctx, e),
    }
}

/// A checkpoint prepared by the holder of the configured key, or why not.
pub(super) fn prepare(
    ctx: &Context,
    store: &Store,
) -> Result<(checkpoint::Prepared, crate::domain::keys::KeyFile), CliError> {
    let state = store.state().map_err(|e| store_error(ctx, &e))?;
    let key = read_key(ctx.key_path()?, ctx)?;
    let grant = member_grant(&state.keyring, &key, ctx)?;
    let heads = (state.keyring.heads(), state.adoptions.heads());
    let prepared = checkpoint::prepare(store, &grant, heads, ctx.now)
        .map_err(|e| checkpoint_error(ctx, &e))?;
    Ok((prepared, key))
}

pub fn run(_args: &CheckpointArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let store = open_store(ctx)?;
    let (prepared, key) = prepare(ctx, &store)?;
    let signer = unlock(&key, ctx)?;
    let (made, path) =
        checkpoint::sign(&store, &signer, prepared).map_err(|e| checkpoint_error(ctx, &e))?;
    ctx.out.err_line(&ctx.lang.checkpoint_written(
        made.chains.len(),
        &crate::domain::store::relative(store.dir(), &path),
    ))?;
    if let Some(note) = super::sync::share_note(ctx) {
        ctx.out.err_line(note)?;
    }
    ctx.out.line(&made.id)?;
    Ok(Outcome::Success)
}
