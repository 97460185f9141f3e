use clap::Args;

use super::signing::{member_grant, open_store, read_key, store_error, unlock};
use super::{CliError, Context, Outcome, load_catalog};
use crate::domain::ops::{self, signal::SignalRequest};
use crate::domain::signal::TriedNorm;
use crate::domain::suggest;

/// Log a signal: a signed note that no agreed norm fits a case that needs
/// one, for the policy owner. Prints the signal's id
#[derive(Debug, Args)]
pub struct SignalArgs {
    /// The case reference (zaaknummer) — never a BSN
    #[arg(long)]
    pub case: String,
    /// What the case needs and why no agreed norm fits (at least 20
    /// characters)
    #[arg(long)]
    pub text: String,
    /// The norm that was tried and did not cover the case
    #[arg(long)]
    pub norm: Option<String>,
    /// The check of that norm whose condition failed
    #[arg(long, requires = "norm")]
    pub check: Option<String>,
}

pub fn run(args: &SignalArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let request = SignalRequest {
        case: args.case.clone(),
        text: args.text.clone(),
    };
    let prepared = match ops::signal::prepare(&request) {
        Ok(prepared) => prepared,
        Err(problems) => {
            for p in &problems {
                ctx.out.err_line(&format!(
                    "{}: {}",
                    lang.severity(crate::domain::diagnostic::Severity::Error),
                    lang.signal_problem(*p)
                ))?;
            }
            return Err(CliError::input(lang.signal_not_signed(), None));
        }
    };
    let tried = match &args.norm {
        None => None,
        Some(id) => {
            let catalog = load_catalog(ctx)?;
            let Some(loaded) = catalog.get(id) else {
                let ids = catalog.norms().iter().map(|n| &n.norm.id);
                return Err(CliError::input(
                    lang.no_such_norm(id),
                    Some(lang.no_such_norm_help(suggest(id, ids))),
                ));
            };
            if let Some(check) = &args.check
                && loaded.norm.check(check).is_none()
            {
                return Err(CliError::input(lang.no_such_check(id, check), None));
            }
            Some(TriedNorm::of(loaded, args.check.clone()))
        }
    };
    let store = open_store(ctx)?;
    let keyring = store.keyring().map_err(|e| store_error(ctx, &e))?;
    let key = read_key(ctx.key_path()?, ctx)?;
    let grant = member_grant(&keyring, &key, ctx)?;
    let signal = prepared.draw_up(tried, &grant, keyring.heads(), ctx.now);
    let signer = unlock(&key, ctx)?;
    let path = ops::signal::sign(&store, &signer, &signal).map_err(|e| store_error(ctx, &e))?;
    ctx.out.err_line(&lang.signal_written(
        &signal.id,
        &crate::domain::store::relative(store.dir(), &path),
    ))?;
    if let Some(note) = super::sync::share_note(ctx) {
        ctx.out.err_line(note)?;
    }
    ctx.out.line(&signal.id)?;
    Ok(Outcome::Success)
}
