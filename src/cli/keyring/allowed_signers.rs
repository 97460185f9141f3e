use clap::Args;

use crate::cli::signing::{open_store, store_error};
use crate::cli::{CliError, Context, Outcome};

/// Print an OpenSSH `allowed_signers` file that makes `ssh-keygen -Y verify`
/// accept exactly the signatures `maatwerk verify` accepts
#[derive(Debug, Args)]
pub struct AllowedSignersArgs {}

pub fn run(_args: &AllowedSignersArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let store = open_store(ctx)?;
    let state = store.state().map_err(|e| store_error(ctx, &e))?;
    let text = state.keyring.allowed_signers(&state.config.adopters);
    ctx.out.line(text.trim_end())?;
    Ok(Outcome::Success)
}
