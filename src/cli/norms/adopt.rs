use clap::Args;

use crate::cli::signing::{
    adoption_error, member_grant, open_store, read_key, store_error, unlock,
};
use crate::cli::{CliError, Context, Outcome, load_catalog};
use crate::domain::norm::catalog::LoadedNorm;
use crate::domain::ops::adoption::plan_adoption;
use crate::domain::suggest;

/// Adopt norms into the store: a signed statement that this exact version
/// of the norm may be relied on, from its `valid_from`. Only norms with
/// status `vastgesteld` can be adopted; the norm is taken from the norms in
/// use (`--norms`). You must be allowed to adopt (by default afdelingshoofd
/// or beheerder). Prints the adoption's id
#[derive(Debug, Args)]
pub struct AdoptArgs {
    /// The ids of the norms to adopt
    #[arg(required_unless_present = "all")]
    pub ids: Vec<String>,
    /// Every norm in use that is adopted in its file and in force today
    #[arg(long, conflicts_with = "ids")]
    pub all: bool,
}

pub fn run(args: &AdoptArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let catalog = load_catalog(ctx)?;
    let chosen: Vec<&LoadedNorm> = if args.all {
        catalog.usable_on(ctx.today).collect()
    } else {
        args.ids
            .iter()
            .map(|id| {
                catalog.get(id).ok_or_else(|| {
                    let ids = catalog.norms().iter().map(|n| &n.norm.id);
                    CliError::input(
                        lang.no_such_norm(id),
                        Some(lang.no_such_norm_help(suggest(id, ids))),
                    )
                })
            })
            .collect::<Result<_, _>>()?
    };
    let store = open_store(ctx)?;
    let state = store.state().map_err(|e| store_error(ctx, &e))?;
    let key = read_key(ctx.key_path()?, ctx)?;
    let grant = member_grant(&state.keyring, &key, ctx)?;
    // Everything is checked before the passphrase is asked; with --all,
    // norms adopted already are passed over.
    let mut todo = Vec::new();
    for norm in chosen {
        match plan_adoption(&state, norm, &grant, ctx.now) {
            Ok(_) => todo.push(norm),
            Err(crate::domain::ops::adoption::AdoptionError::AlreadyAdopted) if args.all => {}
            Err(e) => return Err(adoption_error(ctx, &norm.norm.id, &e)),
        }
    }
    if todo.is_empty() {
        ctx.out.err_line(&lang.nothing_to_adopt())?;
        return Ok(Outcome::Success);
    }
    let signer = unlock(&key, ctx)?;
    for norm in todo {
        // Each adoption follows the one before.
        let state = store.state().map_err(|e| store_error(ctx, &e))?;
        let adoption = plan_adoption(&state, norm, &grant, ctx.now)
            .map_err(|e| adoption_error(ctx, &norm.norm.id, &e))?;
        let path = store
            .add_adoption(&adoption, &norm.source, &signer)
            .map_err(|e| store_error(ctx, &e))?;
        ctx.out.err_line(&lang.norm_adopted(
            &norm.norm.id,
            norm.norm.version,
            &crate::domain::store::relative(store.dir(), &path),
        ))?;
        ctx.out.line(&adoption.id)?;
    }
    Ok(Outcome::Success)
}
