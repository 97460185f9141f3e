//! `maatwerk sync` and `maatwerk clone`: a team's store shared through git.

use std::path::{Path, PathBuf};

use clap::Args;

use super::signing::{open_store, read_key, store_error};
use super::verify::print_findings;
use super::{CliError, Context, Outcome};
use crate::domain::keys::Fingerprint;
use crate::domain::ops::sync::{self, Git, Identity, Steps, SyncError};
use crate::domain::store::Store;
use crate::domain::verify::{self, Report};

/// Share the store with the team through git: fetch what the others
/// added, check it before taking it in, combine it with what was signed
/// here, verify, and push. The first time with --remote. Exits 1 when what
/// came in was refused; the store is then left as it was
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The remote to share the store through: a path, file://… or
    /// ssh://…; remembered for later syncs
    #[arg(long, value_name = "URL")]
    pub remote: Option<String>,
}

/// Make a copy of a team's store from its remote, to work in: every file
/// is checked before it is written and the copy verified; what you sign in
/// it goes on a chain of this device's own. Into --store, or the default
/// store
#[derive(Debug, Args)]
pub struct CloneArgs {
    /// Where the store is shared: a path, file://… or ssh://…
    #[arg(value_name = "URL")]
    pub url: String,
    /// The trust root's fingerprint you were given (SHA256:…); a store
    /// with another root is refused
    #[arg(long, value_name = "FINGERPRINT")]
    pub expect_root: Option<String>,
}

/// Who commits: the person whose key this is, as the keyring names them;
/// someone outside the keyring (an auditor) commits nothing of their own.
fn identity(ctx: &Context, store: &Store) -> Identity {
    let named = store.keyring().ok().and_then(|keyring| {
        let key = read_key(ctx.key_path().ok()?, ctx).ok()?;
        let grant = keyring.grant_of_key(key.public_key(), ctx.now).ok()?;
        Some(Identity {
            name: grant.name.clone(),
            email: grant.principal.clone(),
        })
    });
    named.unwrap_or_else(|| Identity {
        name: "maatwerk".into(),
        email: "maatwerk@localhost".into(),
    })
}

pub(super) fn sync_error(ctx: &Context, error: &SyncError) -> CliError {
    let (message, help) = ctx.lang.sync_error(error);
    CliError::input(message, help)
}

/// Files made by git are the owner's alone, as the store's own are.
fn private_files() {
    #[cfg(unix)]
    rustix::process::umask(rustix::fs::Mode::from_bits_truncate(0o077));
}

struct Cli<'a> {
    dir: PathBuf,
    root: Option<Fingerprint>,
    ctx: &'a Context,
    principal: String,
}

impl Steps for Cli<'_> {
    fn verify(&mut self) -> Report {
        match Store::open(&self.dir) {
            Ok(store) => verify::verify(&store, self.root.as_ref(), self.ctx.now, &mut |_, _| {}),
            Err(_) => Report::default(),
        }
    }

    fn witness(&mut self) -> Result<Option<PathBuf>, SyncError> {
        Ok(None)
    }

    fn commit_message(&self, files: usize) -> String {
        format!(
            "maatwerk: {files} bestand(en) van / file(s) by {}",
            self.principal
        )
    }
}

pub fn run(args: &SyncArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let store = open_store(ctx)?;
    let keyring = store.keyring().map_err(|e| store_error(ctx, &e))?;
    let who = identity(ctx, &store);
    private_files();
    let git = Git::new(&ctx.config.git, store.dir(), who.clone());
    if ctx.config.ttys.stderr {
        ctx.out.err_line(lang.sync_progress())?;
    }
    let mut steps = Cli {
        dir: store.dir().to_path_buf(),
        root: keyring.root().cloned(),
        ctx,
        principal: who.email,
    };
    let remote = args
        .remote
        .as_deref()
        .map(|url| absolute_url(url, &ctx.config.cwd));
    let result = sync::sync(&git, remote.as_deref(), ctx.now, &mut steps)
        .map_err(|e| sync_error(ctx, &e))?;
    match result {
        Ok(synced) => {
            if !synced.noted.is_empty() {
                print_findings(ctx, &synced.noted)?;
                ctx.out.wrapped(0, lang.sync_noted())?;
            }
            ctx.out.line(&lang.sync_done(
                synced.received.len(),
                synced.sent.len(),
                synced.first,
            ))?;
            Ok(Outcome::Success)
        }
        Err(refused) => {
            print_findings(ctx, &refused.findings)?;
            ctx.out.blank()?;
            ctx.out
                .line(&lang.sync_refused(refused.findings.len(), refused.received.len()))?;
            Ok(Outcome::Negative)
        }
    }
}

pub fn clone(args: &CloneArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let expect = match &args.expect_root {
        None => None,
        Some(text) => Some(
            Fingerprint::from_text(text)
                .ok_or_else(|| CliError::input(lang.bad_fingerprint(text), None))?,
        ),
    };
    let dir = ctx.store_dir()?.to_path_buf();
    private_files();
    let git = Git::new(
        &ctx.config.git,
        &dir,
        Identity {
            name: "maatwerk".into(),
            email: "maatwerk@localhost".into(),
        },
    );
    let now = ctx.now;
    let mut check = |at: &Path| match Store::open(at) {
        Ok(store) => verify::verify(&store, expect.as_ref(), now, &mut |_, _| {}),
        Err(_) => Report {
            findings: vec![verify::Finding::new(
                "store.toml",
                verify::FindingKind::Unreadable("no store.toml".into()),
            )],
            ..Report::default()
        },
    };
    let url = absolute_url(&args.url, &ctx.config.cwd);
    match sync::clone(&git, &url, now, &mut check).map_err(|e| sync_error(ctx, &e))? {
        Ok(device) => {
            let store = Store::open(&dir).map_err(|e| store_error(ctx, &e))?;
            let root = store
                .keyring()
                .ok()
                .and_then(|k| k.root().map(ToString::to_string))
                .unwrap_or_default();
            ctx.out.line(&lang.clone_done(
                &ctx.config.home_relative(&dir),
                device.as_str(),
                &root,
            ))?;
            Ok(Outcome::Success)
        }
        Err(report) => {
            print_findings(ctx, &report.findings)?;
            ctx.out.blank()?;
            ctx.out.line(&lang.clone_refused(report.errors()))?;
            Ok(Outcome::Negative)
        }
    }
}

/// A remote given as a relative path, made absolute: git resolves it from
/// the copy's directory, not from where the command was given.
fn absolute_url(url: &str, cwd: &Path) -> String {
    let looks_like_path = !url.contains("://") && !url.contains(':');
    if looks_like_path && Path::new(url).is_relative() {
        return cwd.join(url).display().to_string();
    }
    url.to_owned()
}
