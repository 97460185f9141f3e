use std::path::PathBuf;

use clap::Args;

use crate::cli::signing::{default_key_path, key_error, passphrase};
use crate::cli::{CliError, Context, Global, Outcome};
use crate::domain::keys::Signer;
use crate::domain::store::files::write_new;

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

pub fn run(args: &NewArgs, global: &Global, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let path = match (&args.out, &global.key) {
        (Some(p), _) | (None, Some(p)) => p.clone(),
        (None, None) => default_key_path(ctx)?,
    };
    let pub_path = PathBuf::from(format!("{}.pub", path.display()));
    for p in [&path, &pub_path] {
        if p.exists() {
            return Err(CliError::input(
                lang.key_exists(&p.display().to_string()),
                Some(lang.key_exists_help()),
            ));
        }
    }
    let phrase = if args.no_passphrase {
        None
    } else {
        let first = passphrase(ctx, &lang.new_passphrase_prompt())?;
        if ctx.var("MAATWERK_PASSPHRASE_FILE").is_none() {
            let again = passphrase(ctx, &lang.repeat_passphrase_prompt())?;
            if again != first {
                return Err(CliError::input(lang.passphrases_differ(), None));
            }
        }
        if first.chars().count() < 8 {
            return Err(CliError::input(lang.passphrase_too_short(), None));
        }
        Some(first)
    };
    let signer = Signer::generate(&args.comment).map_err(|e| key_error(ctx, &e))?;
    let private = signer
        .to_openssh(phrase.as_deref())
        .map_err(|e| key_error(ctx, &e))?;
    let public = signer
        .public_key()
        .to_openssh()
        .map_err(|e| CliError::input(e.to_string(), None))?;
    write_private(&path, private.as_bytes())?;
    write_new(&pub_path, format!("{public}\n").as_bytes())?;
    ctx.out
        .err_line(&lang.key_written(&path.display().to_string(), phrase.is_some()))?;
    ctx.out.line(&format!("{}", signer.fingerprint()))?;
    Ok(Outcome::Success)
}

/// The private key, readable by its owner only.
fn write_private(path: &std::path::Path, bytes: &[u8]) -> Result<(), CliError> {
    write_new(path, bytes)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(())
}
