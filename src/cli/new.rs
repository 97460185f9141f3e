use std::path::PathBuf;

use clap::Args;

use super::diagnostics::{self, Item};
use super::review::act_error;
use super::signing::{member_grant, open_store, read_key, store_error, unlock};
use super::{CliError, Context, Outcome, load_catalog};
use crate::domain::answers;
use crate::domain::decision::Refusal;
use crate::domain::diagnostic::{FileReport, Severity};
use crate::domain::keyring::Grant;
use crate::domain::norm::catalog::Catalog;
use crate::domain::ops;
use crate::domain::ops::record::SignedRecord;
use crate::domain::ops::review::Subject;
use crate::domain::source::SourceFile;
use crate::domain::store::files::new_id;
use crate::domain::suggest;

/// Record a signed decision: the full-screen walkthrough, or from an
/// answers file for scripts. Prints the new record's id alone on standard
/// output, for scripts and the case file
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("basis").multiple(true).args(["norm", "revises", "extends"])))]
pub struct NewArgs {
    /// The id of the agreed norm the decision relies on (required with
    /// --answers unless --revises or --extends; in the walkthrough it skips
    /// choosing)
    #[arg(long)]
    pub norm: Option<String>,
    /// The answers: case reference, check answers, motivation and period
    /// (see examples/answers/); without it the walkthrough opens
    #[arg(
        long,
        value_name = "FILE",
        requires = "basis",
        conflicts_with = "resume"
    )]
    pub answers: Option<PathBuf>,
    /// Revise a returned record: the new record names it and replaces it
    /// (same case; the norm is the revised record's unless --norm says
    /// otherwise). Without --answers the walkthrough starts from its answers
    #[arg(long, value_name = "ID", conflicts_with = "resume")]
    pub revises: Option<String>,
    /// Extend a decision: the new record continues it, its period starting
    /// the day after the earlier one ends, within the norm's limits on
    /// extensions. Without --answers the walkthrough starts from its answers
    #[arg(long, value_name = "ID", conflicts_with_all = ["resume", "revises"])]
    pub extends: Option<String>,
    /// Go on with a draft of the walkthrough: the most recent one, or the
    /// one with this id (see `maatwerk drafts`)
    #[arg(long, value_name = "DRAFT", num_args = 0..=1, default_missing_value = "")]
    pub resume: Option<String>,
}

/// The walkthrough, with a word first (and again after it, below what it
/// leaves on the screen) when the store was not synced for long.
fn walkthrough(
    args: &NewArgs,
    ctx: &mut Context,
    unsynced: Option<&str>,
) -> Result<Outcome, CliError> {
    let start = super::walkthrough::Start {
        norm: args.norm.as_deref(),
        revises: args.revises.as_deref(),
        extends: args.extends.as_deref(),
        resume: match args.resume.as_deref() {
            None => super::walkthrough::Resume::No,
            Some("") => super::walkthrough::Resume::Latest,
            Some(id) => super::walkthrough::Resume::Draft(id),
        },
    };
    let outcome = super::walkthrough::run(&start, ctx);
    if let Some(note) = unsynced {
        ctx.out.err_line(&ctx.lang.warning_line(note))?;
    }
    outcome
}

pub fn run(args: &NewArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let unsynced = super::sync::stale_note(ctx);
    if let Some(note) = &unsynced {
        ctx.out.err_line(&ctx.lang.warning_line(note))?;
    }
    let Some(answers_file) = &args.answers else {
        return walkthrough(args, ctx, unsynced.as_deref());
    };
    let lang = ctx.lang;
    let store = open_store(ctx)?;
    let state = store.state().map_err(|e| store_error(ctx, &e))?;
    let (records, earlier) = earlier_decision(args, &store, &state, ctx)?;
    let norm = match (&args.norm, &earlier) {
        (Some(norm), _) => norm.as_str(),
        (None, Some(subject)) => subject.stored.record.norm.id.as_str(),
        (None, None) => return Err(CliError::input(lang.norm_required().to_owned(), None)),
    };
    let adopted = store.adopted_catalog(&state, ctx.today);
    let Some(loaded) = adopted.get(norm) else {
        return Err(not_adopted(ctx, norm, &adopted));
    };
    // A decision relies on the adopted text. Norms given from a directory
    // that hold another text of it are not silently set aside.
    if let super::config::NormsSource::Dir(dir) = &ctx.config.norms
        && let Ok(in_use) = load_catalog(ctx)
        && let Some(other) = in_use.get(norm)
        && other.sha256() != loaded.sha256()
    {
        return Err(CliError::input(
            lang.other_text_in_use(norm, &dir.display().to_string(), loaded.norm.version),
            Some(lang.other_text_in_use_help(norm, &dir.display().to_string())),
        ));
    }
    let text = std::fs::read_to_string(answers_file).map_err(|e| {
        CliError::input(
            lang.cannot_list(&answers_file.display().to_string(), &e),
            None,
        )
    })?;
    let source = SourceFile::new(answers_file.display().to_string(), text);
    let parsed = answers::parse(&source, &loaded.norm);
    if !parsed.diagnostics.is_empty() {
        let report = FileReport {
            source: std::sync::Arc::new(source.clone()),
            diagnostics: parsed.diagnostics.clone(),
        };
        diagnostics::render(&mut ctx.out, lang, &[report])?;
    }
    let Some(mut proposal) = parsed.proposal else {
        return Err(CliError::input(lang.nothing_signed_answers(), None));
    };
    let key = read_key(ctx.key_path()?, ctx)?;
    let grant = member_grant(&state.keyring, &key, ctx)?;
    proposal.earlier = earlier_totals(&store, &state, &loaded.norm, (&proposal, &grant), ctx)?;

    let prepared = match ops::record::prepare(loaded, &proposal, &grant, ctx.today, &state) {
        Ok(p) => p,
        Err(refusals) => {
            let items: Vec<Item> = refusals
                .iter()
                .map(|r| Item {
                    severity: Severity::Error,
                    span: r.field().and_then(|f| parsed.spans.get(&f).cloned()),
                    code: r.code(),
                    message: lang.refusal(r),
                    help: lang.refusal_help(r, &loaded.norm),
                    hide_source: matches!(r, Refusal::BsnInText { .. } | Refusal::CaseIsBsn),
                })
                .collect();
            diagnostics::render_items(&mut ctx.out, lang, &source, &items)?;
            return Err(CliError::input(lang.nothing_signed(refusals.len()), None));
        }
    };

    let prepared = match &earlier {
        None => prepared,
        Some(subject) => link_to_earlier(
            prepared,
            subject,
            &records,
            &grant,
            (args, &proposal, loaded),
            ctx,
        )?,
    };
    let key = unlock(&key, ctx)?;
    let now = ctx.now;
    let SignedRecord { record, path } = prepared
        .sign(&store, &key, (new_id("MW", now), now))
        .map_err(|e| store_error(ctx, &e))?;
    let shown = crate::domain::store::relative(store.dir(), &path);
    let mandate = &prepared.assessment().mandate;
    ctx.out
        .err_line(&lang.record_signed(&record.id, &shown, mandate))?;
    say_if_nobody_reviews(mandate, (&state, &loaded.norm, &grant), ctx)?;
    if let Some(note) = super::sync::share_note(ctx) {
        ctx.out.err_line(note)?;
    }
    ctx.out.line(&record.id)?;
    Ok(Outcome::Success)
}

/// For a decision for review that nobody in the store can review yet:
/// says so, and how to add someone.
fn say_if_nobody_reviews(
    mandate: &crate::domain::norm::MandateOutcome,
    (state, norm, grant): (
        &crate::domain::store::StoreState,
        &crate::domain::norm::Norm,
        &Grant,
    ),
    ctx: &mut Context,
) -> Result<(), CliError> {
    if let crate::domain::norm::MandateOutcome::NeedsReview { role } = mandate
        && !state
            .keyring
            .has_reviewer(&norm.mandate, role, &grant.principal, ctx.now)
    {
        ctx.out.err_line(&ctx.lang.nobody_reviews(role))?;
    }
    Ok(())
}

/// What earlier decisions in the store came to, for each of the norm's
/// totals.
fn earlier_totals(
    store: &crate::domain::store::Store,
    state: &crate::domain::store::StoreState,
    norm: &crate::domain::norm::Norm,
    (proposal, grant): (&crate::domain::decision::Proposal, &Grant),
    ctx: &Context,
) -> Result<Vec<(String, crate::domain::number::Decimal)>, CliError> {
    let on = proposal.decision_date.unwrap_or(ctx.today);
    let signing = (grant.principal.as_str(), ctx.now, ctx.today);
    Ok(store
        .earlier_totals(state, norm, (&proposal.case, on), signing)
        .map_err(|e| store_error(ctx, &e))?
        .into_iter()
        .map(|e| (e.total, e.amount))
        .collect())
}

/// Why `norm` cannot be relied on: not adopted in the store (the norms in
/// use have it), or no norm of that id at all.
fn not_adopted(ctx: &Context, norm: &str, adopted: &Catalog) -> CliError {
    let lang = ctx.lang;
    let in_use = load_catalog(ctx).ok();
    if let Some(loaded) = in_use.as_ref().and_then(|c| c.get(norm)) {
        // A concept, withdrawn or expired norm cannot be adopted either:
        // say why it cannot be used, not how to adopt it.
        if let Err(why) = loaded.norm.usability(ctx.today) {
            return CliError::input(lang.unusable_on(ctx.today, &why), None);
        }
        return CliError::input(
            lang.norm_not_adopted(norm),
            Some(lang.norm_not_adopted_help(norm)),
        );
    }
    let ids = adopted
        .norms()
        .iter()
        .chain(in_use.iter().flat_map(Catalog::norms))
        .map(|n| &n.norm.id);
    CliError::input(
        lang.no_such_norm(norm),
        Some(lang.no_such_norm_help(suggest(norm, ids))),
    )
}

/// With --revises or --extends: the decision named, and every record in
/// the store (to follow earlier extensions).
fn earlier_decision(
    args: &NewArgs,
    store: &crate::domain::store::Store,
    state: &crate::domain::store::StoreState,
    ctx: &Context,
) -> Result<(Vec<crate::domain::store::StoredRecord>, Option<Subject>), CliError> {
    let Some(id) = args.revises.as_ref().or(args.extends.as_ref()) else {
        return Ok((Vec::new(), None));
    };
    let records = store
        .records(&crate::domain::store::RecordFilter {
            brief: true,
            ..Default::default()
        })
        .map_err(|e| store_error(ctx, &e))?
        .items;
    let acts = store.acts(state).map_err(|e| store_error(ctx, &e))?;
    let subject = Subject::among(store, state, &acts, &records, id, ctx.today)
        .map_err(|e| act_error(ctx, &e))?;
    Ok((records, Some(subject)))
}

/// The prepared record as a revision or an extension of `subject`, when
/// that may be.
fn link_to_earlier<'a>(
    prepared: ops::record::Prepared<'a>,
    subject: &Subject,
    records: &[crate::domain::store::StoredRecord],
    grant: &crate::domain::keyring::Grant,
    (args, proposal, loaded): (
        &NewArgs,
        &crate::domain::decision::Proposal,
        &crate::domain::norm::catalog::LoadedNorm,
    ),
    ctx: &Context,
) -> Result<ops::record::Prepared<'a>, CliError> {
    if args.extends.is_some() {
        let reference = ops::review::extendable(
            subject,
            records,
            (&proposal.case, &loaded.norm, proposal.period),
        )
        .map_err(|e| act_error(ctx, &e))?;
        Ok(prepared.extending(reference))
    } else {
        let reference = ops::review::revisable(subject, &proposal.case, grant)
            .map_err(|e| act_error(ctx, &e))?;
        Ok(prepared.revising(reference))
    }
}
