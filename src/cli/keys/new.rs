use std::path::PathBuf;

use clap::Args;

use crate::cli::signing::{key_file_error, passphrase};
use crate::cli::{CliError, Context, Outcome};
use crate::domain::keys::is_strong_enough;
use crate::domain::ops;

/// Make a new OpenSSH ed25519 key pair to sign with, encrypted with a
/// passphrase unless --no-passphrase
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Where to write the private key; the public key goes next to it with
    /// `.pub` [default: --key, else `maatwerk/id_ed25519` in the config
    /// directory]
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Leave the private key unencrypted (only for keys kept on encrypted
    /// disks or in test set-ups)
    #[arg(long)]
    pub no_passphrase: bool,
    /// Comment stored in the key, usually your principal (e-mail address)
    #[arg(long, default_value = "maatwerk")]
    pub comment: String,
}

pub fn run(args: &NewArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let path = match &args.out {
        Some(path) => path.clone(),
        None => ctx.key_path()?.to_path_buf(),
    };
    ops::keys::check_free(&path).map_err(|e| key_file_error(ctx, &e))?;
    let phrase = if args.no_passphrase {
        None
    } else {
        let first = passphrase(ctx, &lang.new_passphrase_prompt())?;
        if ctx.config.passphrase_file.is_none() {
            let again = passphrase(ctx, &lang.repeat_passphrase_prompt())?;
            if again != first {
                return Err(CliError::input(lang.passphrases_differ(), None));
            }
        }
        if !is_strong_enough(&first) {
            return Err(CliError::input(lang.passphrase_too_short(), None));
        }
        Some(first)
    };
    let signer = ops::keys::make_key(&path, &args.comment, phrase.as_deref())
        .map_err(|e| key_file_error(ctx, &e))?;
    ctx.out
        .err_line(&lang.key_written(&path.display().to_string(), phrase.is_some()))?;
    ctx.out.line(&format!("{}", signer.fingerprint()))?;
    Ok(Outcome::Success)
}
