//! `maatwerk new` without an answers file, and `maatwerk` on a terminal:
//! finds what the walkthrough starts from — the norms, the store and key,
//! the draft to go on with — and hands over to the terminal interface.

use super::signing::{member_grant, open_store, read_key, store_error};
use super::{CliError, Context, Outcome, load_catalog};
use crate::domain::draft::{Draft, DraftNorm, Drafts, Step};
use crate::domain::extension::SoFar;
use crate::domain::keys::KeyFile;
use crate::domain::norm::catalog::Catalog;
use crate::domain::norm::catalog::Origin;
use crate::tui::onboarding::{KeySetup, NormsOffer, Onboarding};
use crate::tui::{self, App, Ending, FirstRun, Member, StoreHost};

/// What `new` needs to start the walkthrough.
pub struct Start<'a> {
    pub norm: Option<&'a str>,
    pub resume: Resume<'a>,
    /// A returned record to revise: the draft starts from its answers.
    pub revises: Option<&'a str>,
    /// A decision to extend: the draft starts from its answers, its
    /// period the day after.
    pub extends: Option<&'a str>,
}

/// Which draft to start from.
pub enum Resume<'a> {
    /// A new draft.
    No,
    /// The most recently updated draft.
    Latest,
    Draft(&'a str),
}

impl Start<'_> {
    /// A plain `maatwerk new`: no draft, norm or earlier record named.
    fn is_plain(&self) -> bool {
        matches!(self.resume, Resume::No)
            && self.norm.is_none()
            && self.revises.is_none()
            && self.extends.is_none()
    }
}

pub fn run(start: &Start<'_>, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    if !ctx.config.interactive() {
        return Err(CliError::input(
            lang.walkthrough_needs_terminal(),
            Some(lang.walkthrough_needs_terminal_help()),
        ));
    }
    let catalog = load_catalog(ctx)?;
    let key_path = ctx.key_path()?.to_path_buf();
    let store_dir = ctx.store_dir()?.to_path_buf();
    let drafts = Drafts::new(ctx.drafts_dir()?);
    let clock = ctx.config.clock.clone();
    let needs_key = !key_path.exists();
    let needs_store = !store_dir.join(crate::domain::store::CONFIG_FILE).exists();
    if needs_key && !needs_store {
        // A store exists, so someone manages it: they add this person.
        return Err(CliError::input(
            lang.no_key_for_store(&key_path.display().to_string()),
            Some(lang.no_key_for_store_help()),
        ));
    }

    let (mut app, mut host) = if needs_store {
        let found = if needs_key && !ctx.config.key_named {
            found_ssh_key(ctx)
        } else {
            None
        };
        let found_path = found.as_ref().map(|(path, _)| path.clone());
        let setup = match (found, needs_key) {
            (_, false) => KeySetup::Existing(read_key(&key_path, ctx)?),
            (Some((path, key)), true) => KeySetup::Found {
                path: ctx.config.home_relative(&path),
                key,
            },
            (None, true) => KeySetup::New,
        };
        let (draft, notice) = initial_draft(start, &drafts, &catalog, ctx)?;
        let offer = NormsOffer {
            count: catalog.usable_on(ctx.today).count(),
            bundled: catalog.origin == Origin::Bundled,
        };
        let form = Onboarding::new(lang, setup).offering(offer);
        let mut app = App::first_run(
            lang,
            Catalog::from_norms(catalog.origin.clone(), Vec::new()),
            clock.clone(),
            form,
            draft,
        )
        .with_unadopted(catalog.norms().iter().map(|n| n.norm.clone()).collect());
        if let Some(notice) = notice {
            app = app.with_notice(notice);
        }
        let first_run = FirstRun {
            key_path,
            store_dir: store_dir.clone(),
            found: found_path,
            examples: catalog,
        };
        (app, StoreHost::first_run(lang, clock, drafts, first_run))
    } else {
        member_walkthrough(start, ctx, &catalog, &key_path, drafts)?
    };
    let ending = tui::run_on_terminal(&mut app, &mut host)?;
    // A store made on this run: its trust root is what auditors pin.
    if needs_store
        && let Ok(store) = crate::domain::store::Store::open(&store_dir)
        && let Ok(keyring) = store.keyring()
        && let Some(root) = keyring.root()
    {
        ctx.out
            .err_line(&lang.store_made_with_root(root.as_str()))?;
    }
    match ending {
        Ending::Signed(id) | Ending::Signal(id) => {
            if let Some(note) = super::sync::share_note(ctx) {
                ctx.out.err_line(note)?;
            }
            ctx.out.line(&id)?;
        }
        Ending::Saved(id) => ctx.out.err_line(&lang.draft_saved(&id))?,
        Ending::Nothing => {}
    }
    Ok(Outcome::Success)
}

/// The walkthrough of a member of an existing store.
fn member_walkthrough(
    start: &Start<'_>,
    ctx: &mut Context,
    catalog: &Catalog,
    key_path: &std::path::Path,
    drafts: Drafts,
) -> Result<(App, StoreHost), CliError> {
    let lang = ctx.lang;
    let clock = ctx.config.clock.clone();
    let store = open_store(ctx)?;
    let keyring = store.keyring().map_err(|e| store_error(ctx, &e))?;
    let key = read_key(key_path, ctx)?;
    let grant = member_grant(&keyring, &key, ctx)?;
    let member = Member { store, key, grant };
    let (mut signatory, adopted) =
        StoreHost::signatory(&member, ctx.today).map_err(|e| store_error(ctx, &e))?;
    // A passphrase given in a file opens the key now, and is not asked.
    let unlocked = if signatory.needs_passphrase && ctx.config.passphrase_file.is_some() {
        signatory.needs_passphrase = false;
        Some(super::signing::unlock(&member.key, ctx)?)
    } else {
        None
    };
    let (draft, notice) = member_draft(start, &member, &drafts, &adopted, ctx)?;
    let mut app = App::new(
        lang,
        adopted.clone(),
        clock.clone(),
        signatory.clone(),
        draft,
    )
    .with_unadopted(catalog.norms().iter().map(|n| n.norm.clone()).collect());
    // A plain `maatwerk new` first offers the drafts still open.
    if start.is_plain() {
        app = app.offering_drafts(drafts.list()?);
    }
    if let Some(note) = super::sync::stale_note(ctx) {
        app = app.with_unsynced(note);
    }
    if let Some(notice) = notice {
        app = app.with_notice(notice);
    }
    if let Some(so_far) = extension_so_far(&member.store, app.draft(), ctx)? {
        app = app.with_extension(so_far);
    }
    let mut host = StoreHost::new(lang, clock, drafts, member, (signatory, adopted));
    if let Some(signer) = unlocked {
        host = host.unlocked(signer);
    }
    Ok((app, host))
}

/// What a member's walkthrough starts from: a revision, an extension, a
/// draft to go on with, or a new one.
fn member_draft(
    start: &Start<'_>,
    member: &Member,
    drafts: &Drafts,
    adopted: &Catalog,
    ctx: &Context,
) -> Result<(Draft, Option<String>), CliError> {
    match (start.revises, start.extends) {
        (Some(id), _) => revision_draft(id, member, adopted, ctx, false),
        (None, Some(id)) => revision_draft(id, member, adopted, ctx, true),
        (None, None) => initial_draft(start, drafts, adopted, ctx),
    }
}

/// The draft of a revision of the returned record `id` (or, `extending`,
/// of an extension of the decision `id`): its answers to start from, and
/// a notice with the reviewer's remark or the period that follows.
fn revision_draft(
    id: &str,
    member: &Member,
    adopted: &Catalog,
    ctx: &Context,
    extending: bool,
) -> Result<(Draft, Option<String>), CliError> {
    let lang = ctx.lang;
    let store = &member.store;
    let state = store.state().map_err(|e| store_error(ctx, &e))?;
    let subject = crate::domain::ops::review::Subject::find(store, &state, id, ctx.today)
        .map_err(|e| store_error(ctx, &e))?
        .map_err(|e| super::review::act_error(ctx, &e))?;
    let reference = if extending {
        subject.reference()
    } else {
        crate::domain::ops::review::revisable(&subject, &subject.stored.record.case, &member.grant)
            .map_err(|e| super::review::act_error(ctx, &e))?
    };
    let record = &subject.stored.record;
    let loaded = adopted.get(&record.norm.id).ok_or_else(|| {
        CliError::input(
            lang.norm_not_adopted(&record.norm.id),
            Some(lang.norm_not_adopted_help(&record.norm.id)),
        )
    })?;
    if extending {
        let records = brief_records(store, ctx)?;
        let chain = crate::domain::extension::chain(record, |id| {
            records.iter().map(|s| &s.record).find(|r| r.id == id)
        });
        let limit = SoFar::of(&chain).and_then(|s| s.limit(&loaded.norm));
        let draft = Draft::extending(record, reference, loaded, (ctx.now, limit));
        let notice = lang.extending_notice(&record.id, draft.period_start);
        return Ok((draft, Some(notice)));
    }
    let draft = Draft::revising(record, reference, loaded, ctx.now);
    let (by, remark) = subject.returned_by.clone().unwrap_or_default();
    Ok((
        draft,
        Some(lang.revising_notice(&record.id, &by, remark.as_deref())),
    ))
}

/// Every record in the store, read briefly.
fn brief_records(
    store: &crate::domain::store::Store,
    ctx: &Context,
) -> Result<Vec<crate::domain::store::StoredRecord>, CliError> {
    Ok(store
        .records(&crate::domain::store::RecordFilter {
            brief: true,
            ..Default::default()
        })
        .map_err(|e| store_error(ctx, &e))?
        .items)
}

/// For a draft that extends a decision: how far the decisions it would
/// continue have gone.
fn extension_so_far(
    store: &crate::domain::store::Store,
    draft: &Draft,
    ctx: &Context,
) -> Result<Option<SoFar>, CliError> {
    let Some(extended) = &draft.extends else {
        return Ok(None);
    };
    let records = brief_records(store, ctx)?;
    let find = |id: &str| records.iter().map(|s| &s.record).find(|r| r.id == id);
    Ok(find(&extended.id)
        .map(|target| crate::domain::extension::chain(target, find))
        .and_then(|chain| SoFar::of(&chain)))
}

/// An OpenSSH ed25519 key the person already has, to offer on the first
/// run.
fn found_ssh_key(ctx: &Context) -> Option<(std::path::PathBuf, KeyFile)> {
    let path = ctx.config.ssh_key.clone()?;
    let key = KeyFile::read(&path).ok()?;
    Some((path, key))
}

/// A new draft, or the one to resume; `--norm` preselects the norm. The
/// notice, if any, is for the first screen (the terminal is already the
/// walkthrough's).
fn initial_draft(
    start: &Start<'_>,
    drafts: &Drafts,
    catalog: &Catalog,
    ctx: &Context,
) -> Result<(Draft, Option<String>), CliError> {
    let lang = ctx.lang;
    let mut draft = match start.resume {
        Resume::No => Draft::new(ctx.now),
        Resume::Draft(id) => drafts.load(id).map_err(|_| {
            CliError::input(lang.no_such_draft(id), Some(lang.no_such_draft_help()))
        })?,
        Resume::Latest => drafts.list()?.into_iter().next().ok_or_else(|| {
            CliError::input(lang.no_drafts().trim_end_matches('.').to_owned(), None)
        })?,
    };
    let notice = draft
        .catch_up(catalog)
        .map(|(then, now)| lang.draft_norm_changed_resume(then, now));
    if let Some(id) = start.norm {
        let loaded = catalog.get(id).ok_or_else(|| {
            CliError::input(
                lang.norm_not_adopted(id),
                Some(lang.norm_not_adopted_help(id)),
            )
        })?;
        draft.norm = Some(DraftNorm::of(loaded));
        if draft.step == Step::Norm {
            draft.step = Step::Case;
        }
    }
    Ok((draft, notice))
}
