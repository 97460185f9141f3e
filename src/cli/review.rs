use clap::{ArgGroup, Args};

use super::signing::{member_grant, open_store, read_key, store_error, unlock};
use super::{CliError, Context, Outcome};
use crate::domain::ops::review::{self, ActError, Subject};
use crate::domain::review::Verdict;
use crate::tui::inbox::Inbox;
use crate::tui::inbox::host::InboxHost;

/// Review records drawn up for review: without an id, the inbox of the
/// records waiting for you opens full-screen; with one, approve it, return
/// it to its author with remarks, or reject it. Signed; you may not review
/// your own record, and your role must reach the role its norm asks for
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("verdict").requires("id").args(["approve", "return_", "reject"])))]
pub struct ReviewArgs {
    /// Draw a sample of the decisions taken within mandaat for a second
    /// look, e.g. 10%: prints their ids and signs the draw
    #[arg(long, value_name = "PERCENT", conflicts_with_all = ["id", "verdict"], requires = "seed")]
    pub sample: Option<String>,
    /// The seed of the draw: the same seed on the same store draws the
    /// same records
    #[arg(long, requires = "sample")]
    pub seed: Option<String>,
    /// Only decisions dated on or after this date (with --sample)
    #[arg(long, value_name = "DATE", requires = "sample")]
    pub from: Option<String>,
    /// Only decisions dated on or before this date (with --sample)
    #[arg(long, value_name = "DATE", requires = "sample")]
    pub to: Option<String>,
    /// The record's id, e.g. MW-20261123-K7QF2XAB (with --approve,
    /// --return or --reject); without it the inbox opens
    #[arg(requires = "verdict")]
    pub id: Option<String>,
    /// The decision may be taken as drawn up
    #[arg(long)]
    pub approve: bool,
    /// Back to the author to revise (a remark is required)
    #[arg(long = "return", id = "return_")]
    pub return_: bool,
    /// The decision is not to be taken (a remark is required)
    #[arg(long)]
    pub reject: bool,
    /// The remark for the author
    #[arg(long, conflicts_with = "comment_file")]
    pub comment: Option<String>,
    /// A file holding the remark
    #[arg(long, value_name = "FILE")]
    pub comment_file: Option<std::path::PathBuf>,
}

pub fn run(args: &ReviewArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    if let Some(note) = super::sync::stale_note(ctx) {
        ctx.out.err_line(&lang.warning_line(&note))?;
    }
    if let (Some(percent), Some(seed)) = (&args.sample, &args.seed) {
        return sample(args, percent, seed, ctx);
    }
    let Some(id) = &args.id else {
        return inbox(ctx);
    };
    let verdict = if args.approve {
        Verdict::Approve
    } else if args.return_ {
        Verdict::Return
    } else {
        Verdict::Reject
    };
    let remark = match (&args.comment, &args.comment_file) {
        (Some(text), _) => Some(text.clone()),
        (None, Some(path)) => Some(super::read_text_arg(ctx, "--comment-file", path)?),
        (None, None) => None,
    };
    let store = open_store(ctx)?;
    let state = store.state().map_err(|e| store_error(ctx, &e))?;
    let key = read_key(ctx.key_path()?, ctx)?;
    let grant = member_grant(&state.keyring, &key, ctx)?;
    let subject = Subject::find(&store, &state, id, ctx.today)
        .map_err(|e| store_error(ctx, &e))?
        .map_err(|e| act_error(ctx, &e))?
        .recounted(&store, &state, ctx.today);
    subject
        .after_record(ctx.now)
        .map_err(|e| act_error(ctx, &e))?;
    for (line, now, _) in subject.undercounted() {
        let text = lang.total_recounted(&subject.stored.record, line, now);
        ctx.out.err_line(&crate::cli::output::printable(&text))?;
    }
    let prepared = review::prepare(&subject, &grant, verdict, remark.as_deref(), &state)
        .map_err(|e| act_error(ctx, &e))?;
    let signer = unlock(&key, ctx)?;
    let (review, path) = prepared
        .sign(&store, &signer, ctx.now)
        .map_err(|e| store_error(ctx, &e))?;
    // What was typed on it in the inbox is settled now.
    let _ = crate::domain::draft::Drafts::new(ctx.drafts_dir()?).discard_remark(&review.record.id);
    ctx.out.err_line(&lang.review_written(
        verdict,
        &review.record.id,
        &crate::domain::store::relative(store.dir(), &path),
    ))?;
    // An approval beyond the reviewer's own tier passes the record on.
    if verdict == Verdict::Approve
        && let Some(role) = subject.passed_on_after(verdict, &grant.role)
    {
        ctx.out.err_line(&lang.review_passed_on(&role))?;
    }
    if let Some(note) = super::sync::share_note(ctx) {
        ctx.out.err_line(note)?;
    }
    ctx.out.line(&review.id)?;
    Ok(Outcome::Success)
}

/// An act that cannot be signed, as the command line says it.
pub fn act_error(ctx: &Context, error: &ActError) -> CliError {
    let lang = ctx.lang;
    let help = matches!(error, ActError::NoSuchRecord(_)).then(|| lang.no_such_record_help());
    let message = lang.act_error(error);
    let stop = if message.ends_with(['.', '!', '?']) {
        ""
    } else {
        "."
    };
    CliError::input(
        format!("{message}{stop} {}", lang.review_not_signed()),
        help,
    )
}

/// `maatwerk review` on a terminal: the inbox, full-screen.
fn inbox(ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    if !ctx.config.interactive() {
        return Err(CliError::input(
            lang.inbox_needs_terminal(),
            Some(lang.inbox_needs_terminal_help()),
        ));
    }
    let store = open_store(ctx)?;
    let state = store.state().map_err(|e| store_error(ctx, &e))?;
    let key = read_key(ctx.key_path()?, ctx)?;
    let grant = member_grant(&state.keyring, &key, ctx)?;
    let reviewer = format!("{} ({})", grant.name, grant.role);
    let drafts = crate::domain::draft::Drafts::new(ctx.drafts_dir()?);
    let mut host = InboxHost::new(lang, ctx.config.clock.clone(), drafts, store, (key, grant));
    let items = host.waiting().map_err(|e| store_error(ctx, &e))?;
    let kept = host.kept(&items);
    let mut inbox = Inbox::new(lang, reviewer, items, host.needs_passphrase(), ctx.now)
        .in_zone(ctx.config.clock.time_zone().clone())
        .with_kept(kept);
    let left = crate::tui::run_inbox_on_terminal(&mut inbox, &mut host)?;
    if let Some(record) = &left.kept {
        ctx.out.err_line(&lang.remark_kept(record))?;
    }
    for id in &left.signed {
        ctx.out.line(id)?;
    }
    Ok(Outcome::Success)
}

/// `maatwerk review --sample 10% --seed S`: draws, signs the draw, prints
/// the ids drawn.
fn sample(
    args: &ReviewArgs,
    percent: &str,
    seed: &str,
    ctx: &mut Context,
) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let percent = percent
        .trim()
        .trim_end_matches('%')
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|p| (1..=100).contains(p))
        .ok_or_else(|| CliError::input(lang.bad_percent(percent), None))?;
    let seed = seed.trim();
    if seed.is_empty()
        || crate::domain::bsn::contains_bsn(seed)
        || crate::domain::text::has_hidden_control(seed)
    {
        return Err(CliError::input(lang.bad_seed(), None));
    }
    let request = crate::domain::sample::Request {
        seed: seed.to_owned(),
        percent,
        from: super::date_arg(ctx, "--from", args.from.as_deref())?,
        to: super::date_arg(ctx, "--to", args.to.as_deref())?,
        at: ctx.now,
        by: String::new(),
    };
    let store = open_store(ctx)?;
    let state = store.state().map_err(|e| store_error(ctx, &e))?;
    let key = read_key(ctx.key_path()?, ctx)?;
    let grant = member_grant(&state.keyring, &key, ctx)?;
    let request = crate::domain::sample::Request {
        by: grant.principal.clone(),
        ..request
    };
    if let Some(problem) = crate::domain::sample::check(&request, &grant.role).first() {
        return Err(CliError::input(
            format!(
                "{}. {}",
                lang.sample_problem(*problem),
                lang.review_not_signed()
            ),
            None,
        ));
    }
    let (population, drawn) =
        review::draw_sample(&store, &request).map_err(|e| store_error(ctx, &e))?;
    let signer = unlock(&key, ctx)?;
    let (sample, path) = review::sign_sample(
        &store,
        &state,
        &signer,
        &grant,
        (&request, population, drawn),
    )
    .map_err(|e| store_error(ctx, &e))?;
    ctx.out.err_line(&lang.sample_written(
        sample.drawn.len(),
        population,
        &crate::domain::store::relative(store.dir(), &path),
    ))?;
    for id in &sample.drawn {
        ctx.out.line(id)?;
    }
    Ok(Outcome::Success)
}
