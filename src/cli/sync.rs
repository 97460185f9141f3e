//! `maatwerk sync` and `maatwerk clone`: a team's store shared through git.

use std::path::{Path, PathBuf};

use clap::Args;

use super::signing::{open_store, read_key, store_error, unlock};
use super::verify::print_findings;
use super::{CliError, Context, Outcome};
use crate::domain::checkpoint::may_witness;
use crate::domain::keys::Fingerprint;
use crate::domain::ops::sync::{self, Git, Identity, Steps, SyncError};
use crate::domain::store::Store;
use crate::domain::verify::{self, Proven, Report};

/// Share the store with the team through git: fetch what the others
/// added, check it before taking it in, combine it with what was signed
/// here, verify, and push. The first time with --remote. Exits 1 when what
/// came in was refused; the store is then left as it was
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The remote to share the store through: a path, file://… or
    /// ssh://…; remembered once a sync with it went through
    #[arg(long, value_name = "URL")]
    pub remote: Option<String>,
    /// The same as --remote URL
    #[arg(value_name = "URL", conflicts_with = "remote")]
    pub url: Option<String>,
    /// Make no checkpoint, also when you may witness (teamleider,
    /// afdelingshoofd, controller, beheerder) and something changed since
    /// your last one
    #[arg(long)]
    pub no_checkpoint: bool,
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

/// What `new` and `review` say when the store is shared and was not
/// synced for longer than `MAATWERK_SYNC_WARN_AFTER` (a day unless set):
/// what colleagues signed since is not seen, and what is signed here not
/// shared.
pub(super) fn stale_note(ctx: &Context) -> Option<String> {
    let dir = ctx.config.store.as_deref()?;
    if !sync::is_shared(dir) {
        return None;
    }
    match sync::last_synced(dir) {
        None => Some(ctx.lang.sync_stale(None)),
        Some(at) => {
            let age = ctx.now.duration_since(at);
            let beyond = age > crate::domain::store::device::SYNC_ALLOWANCE;
            (age > ctx.config.sync_warn_after)
                .then(|| ctx.lang.sync_stale(Some((&ctx.lang.ago(age), beyond))))
        }
    }
}

/// After something was signed in a shared store: it reaches the team
/// with the next sync.
pub(super) fn share_note(ctx: &Context) -> Option<&'static str> {
    let dir = ctx.config.store.as_deref()?;
    sync::is_shared(dir).then(|| ctx.lang.sync_to_share())
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
    witness: bool,
    /// Why no checkpoint was made, when one should have been.
    not_witnessed: Option<String>,
}

/// Verify of the store in `dir`; a store that cannot be opened is one
/// finding.
fn verify_at(
    dir: &Path,
    root: Option<&Fingerprint>,
    now: jiff::Timestamp,
    proven: &Proven,
) -> Report {
    match Store::open(dir) {
        Ok(store) => verify::verify_proven(&store, root, now, &mut |_, _| {}, proven),
        Err(e) => Report {
            findings: vec![verify::Finding::new(
                "store.toml",
                verify::FindingKind::Unreadable(e.to_string()),
            )],
            ..Report::default()
        },
    }
}

/// How far a colleague's clock may run ahead of this machine's: what they
/// signed a moment ago by their clock is not refused as signed in the
/// future.
const CLOCK_SKEW: jiff::SignedDuration = jiff::SignedDuration::from_mins(5);

impl Steps for Cli<'_> {
    fn verify(&mut self, proven: &Proven) -> Report {
        let now = self.ctx.now.checked_add(CLOCK_SKEW).unwrap_or(self.ctx.now);
        verify_at(&self.dir, self.root.as_ref(), now, proven)
    }

    fn witness(&mut self) -> Result<Option<PathBuf>, SyncError> {
        if !self.witness {
            return Ok(None);
        }
        let made = (|| {
            let store = Store::open(&self.dir).map_err(|e| store_error(self.ctx, &e))?;
            let (prepared, key) = super::checkpoint::prepare(self.ctx, &store)?;
            let last = crate::domain::ops::checkpoint::latest_of(
                &store,
                &prepared.checkpoint().witness.principal,
            );
            if !prepared.adds_to(last.as_ref()) {
                return Ok(None);
            }
            let signer = unlock(&key, self.ctx)?;
            let (_, path) = crate::domain::ops::checkpoint::sign(&store, &signer, prepared)
                .map_err(|e| super::checkpoint::checkpoint_error(self.ctx, &e))?;
            Ok::<_, CliError>(Some(path))
        })();
        match made {
            Ok(path) => Ok(path),
            Err(e) => {
                self.not_witnessed = Some(e.to_string());
                Ok(None)
            }
        }
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
    // A member who may witness makes a checkpoint on the way.
    let witness = !args.no_checkpoint
        && read_key(ctx.key_path()?, ctx)
            .ok()
            .and_then(|key| {
                keyring
                    .grant_of_key(key.public_key(), ctx.now)
                    .ok()
                    .cloned()
            })
            .is_some_and(|grant| may_witness(&grant.role));
    let mut steps = Cli {
        dir: store.dir().to_path_buf(),
        root: keyring.root().cloned(),
        ctx,
        principal: who.email,
        witness,
        not_witnessed: None,
    };
    let remote = args
        .remote
        .as_deref()
        .or(args.url.as_deref())
        .map(|url| absolute_url(url, &ctx.config.cwd));
    let result = match sync::sync(&git, remote.as_deref(), ctx.now, &mut steps) {
        Ok(result) => result,
        // What came in was refused: the answer is no, not a failure.
        Err(
            e @ (SyncError::Incoming { .. }
            | SyncError::Rewritten
            | SyncError::Unrelated
            | SyncError::Conflict { .. }),
        ) => {
            let (message, help) = lang.sync_error(&e);
            ctx.out.err_line(&message)?;
            if let Some(help) = help {
                ctx.out.wrapped(0, &help)?;
            }
            return Ok(Outcome::Negative);
        }
        Err(e) => return Err(sync_error(ctx, &e)),
    };
    let not_witnessed = steps.not_witnessed.take();
    if let Some(why) = not_witnessed {
        ctx.out.err_line(&lang.sync_no_checkpoint(&why))?;
    }
    match result {
        Ok(synced) => {
            if let Some(path) = &synced.checkpoint {
                ctx.out.err_line(
                    &lang.sync_checkpoint(&crate::domain::store::relative(store.dir(), path)),
                )?;
            }
            if !synced.noted.is_empty() {
                print_findings(ctx, &synced.noted)?;
                ctx.out.wrapped(0, lang.sync_noted())?;
            }
            ctx.out
                .line(&lang.sync_done(&synced.received, &synced.sent, synced.first))?;
            // A copy that had a remote is told it has another now.
            if let Some((Some(was), now)) = &synced.switched {
                ctx.out.err_line(&lang.sync_switched(was, now))?;
            }
            Ok(Outcome::Success)
        }
        Err(refused) => {
            if !refused.findings.is_empty() {
                print_findings(ctx, &refused.findings)?;
                ctx.out.blank()?;
                ctx.out.wrapped(
                    0,
                    &lang.sync_refused(refused.findings.len(), refused.received.len()),
                )?;
            }
            if !refused.own.is_empty() {
                if !refused.findings.is_empty() {
                    ctx.out.blank()?;
                }
                print_findings(ctx, &refused.own)?;
                ctx.out.blank()?;
                ctx.out
                    .wrapped(0, &lang.sync_refused_own(refused.own.len()))?;
            }
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
    let mut check = |at: &Path| verify_at(at, expect.as_ref(), now, &Proven::default());
    let url = absolute_url(&args.url, &ctx.config.cwd);
    let cloned = sync::clone(&git, &url, now, &mut check).map_err(|e| match &e {
        // Nothing of the person's own is at stake yet.
        SyncError::Git { .. } => CliError::input(
            lang.sync_error(&e).0,
            Some(lang.clone_git_help().to_owned()),
        ),
        _ => sync_error(ctx, &e),
    })?;
    match cloned {
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
                expect.is_some(),
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
