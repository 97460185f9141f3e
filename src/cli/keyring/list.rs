use clap::Args;
use serde::Serialize;

use crate::cli::signing::{open_store, store_error};
use crate::cli::{CliError, Context, Outcome};

/// List who may sign, in which role, with which key, and when
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct JsonGrant<'a> {
    principal: &'a str,
    name: &'a str,
    role: &'a str,
    /// May change the keyring (by role or besides it).
    beheerder: bool,
    fingerprint: &'a str,
    valid_from: jiff::Timestamp,
    valid_until: Option<jiff::Timestamp>,
    current: bool,
    entry: &'a str,
}

pub fn run(args: &ListArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let store = open_store(ctx)?;
    let keyring = store.keyring().map_err(|e| store_error(ctx, &e))?;
    let now = ctx.now;
    if args.json {
        let json: Vec<JsonGrant<'_>> = keyring
            .listing()
            .into_iter()
            .map(|g| JsonGrant {
                principal: &g.principal,
                name: &g.name,
                role: &g.role,
                beheerder: g.manages_keyring(),
                fingerprint: g.fingerprint.as_str(),
                valid_from: g.from,
                valid_until: g.until,
                current: g.covers(now),
                entry: &g.entry_id,
            })
            .collect();
        ctx.out.json(&json)?;
        return Ok(Outcome::Success);
    }
    let lang = ctx.lang;
    let rows: Vec<Vec<String>> = keyring
        .listing()
        .iter()
        .map(|g| {
            vec![
                g.principal.clone(),
                g.name.clone(),
                if g.beheerder && g.role != crate::domain::keyring::BEHEERDER {
                    lang.role_and_beheerder(&g.role)
                } else {
                    g.role.clone()
                },
                g.fingerprint.to_string(),
                lang.grant_window(g.from, g.until),
                if g.covers(now) {
                    lang.usable_yes().to_owned()
                } else {
                    lang.grant_not_now().to_owned()
                },
            ]
        })
        .collect();
    ctx.out.table(&lang.keyring_header(), &rows, 1, &[3, 4])?;
    if let Some(root) = keyring.root() {
        ctx.out.blank()?;
        ctx.out.line(&lang.trust_root_line(root.as_str()))?;
    }
    Ok(Outcome::Success)
}
