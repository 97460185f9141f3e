use clap::Args;

use super::signing::{read_key, store_error, unlock};
use super::{CliError, Context, Outcome};
use crate::domain::keyring::is_principal;
use crate::domain::store::{DEFAULT_ROLES, Store};

/// Make a new store for records and keyring, with you as its first
/// beheerder: the trust root every signature leads back to. Prints the
/// trust root's fingerprint, which auditors pin with `verify --expect-root`
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Your principal: a stable name such as your e-mail address
    #[arg(long, value_parser = crate::cli::principal_arg)]
    pub principal: String,
    /// Your name as it appears on what you sign
    #[arg(long)]
    pub name: String,
    /// Your role in the mandaat (consulent, teamleider, …). You manage the
    /// keyring whatever role you choose
    #[arg(long, default_value = crate::domain::keyring::BEHEERDER)]
    pub role: String,
}

pub fn run(args: &InitArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    if !is_principal(&args.principal) {
        return Err(CliError::input(
            lang.bad_principal(&args.principal),
            Some(lang.bad_principal_help()),
        ));
    }
    if args.name.trim().is_empty() {
        return Err(CliError::input(lang.empty_name(), None));
    }
    let roles: Vec<String> = DEFAULT_ROLES.iter().map(|r| (*r).to_owned()).collect();
    if !roles.contains(&args.role) {
        return Err(CliError::input(
            lang.unknown_role(&args.role),
            Some(lang.known_roles(&roles)),
        ));
    }
    let dir = ctx.store_dir()?.to_path_buf();
    if dir.join(crate::domain::store::CONFIG_FILE).exists() {
        return Err(store_error(
            ctx,
            &crate::domain::store::StoreError::AlreadyAStore { dir },
        ));
    }
    let key = read_key(ctx.key_path()?, ctx)?;
    let signer = unlock(&key, ctx)?;
    Store::init(
        &dir,
        &signer,
        &args.principal,
        args.name.trim(),
        &args.role,
        ctx.now,
    )
    .map_err(|e| store_error(ctx, &e))?;
    ctx.out
        .err_line(&lang.store_made(&dir.display().to_string()))?;
    ctx.out.line(signer.fingerprint().as_str())?;
    Ok(Outcome::Success)
}
