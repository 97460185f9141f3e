//! `maatwerk report`: the learning report in the terminal, and as one
//! self-contained HTML file.

mod html;

use std::path::PathBuf;

use clap::Args;

use super::signing::{open_store, store_error};
use super::{CliError, Context, Outcome, date_arg};
use crate::domain::norm::Norm;
use crate::domain::report::{Learning, Window};
use crate::domain::store::{RecordFilter, StoreError};
use crate::i18n::Lang;

/// The learning report: which rules are departed from, how often and with
/// what result, how long reviews take, where no norm fits and which norms
/// go unused; with flags where a rule keeps being departed from. Counts
/// only: no cases, no names
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The first decision date counted [default: twelve months before
    /// --to]
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// The last decision date counted [default: today]
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Also write the report as one self-contained HTML file (no scripts,
    /// no outside resources; prints on A4)
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Flag a rule departed from at least this many times in the twelve
    /// months up to --to
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = at_least_one)]
    pub flag_rule: usize,
    /// Flag a domain with at least this many signals in the period
    #[arg(long, value_name = "N", default_value_t = 5, value_parser = at_least_one)]
    pub flag_signals: usize,
    #[command(flatten)]
    pub root: super::verified::RootArg,
}

/// A threshold: a whole number of at least 1 (0 would flag everything).
fn at_least_one(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err("1, 2, 3 …".into()),
    }
}

/// Everything the report shows.
pub struct View<'a> {
    pub learning: &'a Learning,
    pub errors: usize,
    pub warnings: usize,
    /// Whether verify held the store to a root given with --expect-root.
    pub pinned: bool,
    pub flag_rule: usize,
    pub flag_signals: usize,
    pub today: jiff::civil::Date,
}

pub fn run(args: &ReportArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let store = open_store(ctx)?;
    let state = store.state().map_err(|e| store_error(ctx, &e))?;
    let to = date_arg(ctx, "--to", args.to.as_deref())?.unwrap_or(ctx.today);
    let from = date_arg(ctx, "--from", args.from.as_deref())?.unwrap_or(Window::year_to(to).from);
    if from > to {
        return Err(CliError::input(lang.report_from_after_to(from, to), None));
    }
    if let Some(path) = &args.html {
        super::output::writable(path, lang)?;
        super::output::outside_store(path, store.dir(), lang)?;
    }
    if to > ctx.today {
        ctx.out
            .err_line(&lang.report_to_after_today(to, ctx.today))?;
    }
    // Verified first: the stories are told with the revisions it read.
    let verified = super::verified::verified(&store, &args.root, ctx)?;
    let mut learning = Learning::new(Window { from, to });
    let filter = RecordFilter {
        from: Some(learning.reads_from()),
        to: Some(to),
        brief: true,
        ..RecordFilter::default()
    };
    let mut norm = |sha: &str| -> Option<Norm> { store.snapshot(sha).flatten() };
    let unreadable = store
        .each_story::<StoreError>(
            (&state, &verified.revisions),
            &filter,
            ctx.today,
            &mut |stored, story| {
                let valid = !verified.failed(&stored.file);
                learning.take((&stored.record, valid), story, &mut norm);
                Ok(())
            },
        )
        .map_err(|e| store_error(ctx, &e))?;
    let signals = store
        .signals_where(&RecordFilter {
            from: Some(from),
            to: Some(to),
            ..RecordFilter::default()
        })
        .map_err(|e| store_error(ctx, &e))?;
    for signal in &signals {
        learning.take_signal(signal, &mut norm);
    }
    let catalog = store.adopted_catalog(&state, to);
    let in_force: Vec<&Norm> = catalog.norms().iter().map(|l| &l.norm).collect();
    learning.in_force(&in_force);
    if unreadable > 0 {
        ctx.out.err_line(&lang.records_unreadable(unreadable))?;
    }

    let view = View {
        learning: &learning,
        errors: verified.errors,
        warnings: verified.warnings,
        pinned: verified.pinned,
        flag_rule: args.flag_rule,
        flag_signals: args.flag_signals,
        today: ctx.today,
    };
    // The file first: a terminal that stops reading (`| head`) must not
    // keep it from being written.
    if let Some(path) = &args.html {
        let page = html::page(&view, lang);
        let shown = path.display().to_string();
        super::output::atomically(path, false, &mut |tmp| std::fs::write(tmp, page.as_bytes()))
            .map_err(|e: std::io::Error| {
                CliError::input(lang.report_html_failed(&shown, &e), None)
            })?;
        ctx.out.err_line(&lang.report_html_written(&shown))?;
    }
    print(&view, lang, ctx)?;
    Ok(Outcome::Success)
}

/// The report in the terminal.
fn print(view: &View<'_>, lang: Lang, ctx: &mut Context) -> Result<(), CliError> {
    let w = lang.report_words();
    let l = view.learning;
    let out = &mut ctx.out;
    let bold = anstyle::Style::new().bold();
    let heading = |out: &mut super::output::Output, text: &str| -> std::io::Result<()> {
        out.blank()?;
        let text = out.paint(bold, text);
        out.line(&text)
    };
    let title = out.paint(bold, w.title);
    out.line(&title)?;
    out.line(&lang.report_period(l.window.from, l.window.to))?;
    out.wrapped(
        0,
        &lang.report_verified(view.errors, view.warnings, view.pinned),
    )?;

    heading(out, w.summary)?;
    for line in summary(view, lang) {
        out.wrapped(0, &line)?;
    }

    heading(out, w.flags)?;
    let flags = flags(view, lang);
    if flags.is_empty() {
        out.line(w.no_flags)?;
    }
    for flag in &flags {
        out.hanging(0, 2, &format!("! {flag}"))?;
    }
    out.wrapped(
        0,
        &lang.report_thresholds(view.flag_rule, view.flag_signals),
    )?;

    heading(out, w.per_month)?;
    let most = l.months.values().copied().max().unwrap_or(0).max(1);
    let rows: Vec<Vec<String>> = l
        .months
        .iter()
        .map(|(month, n)| {
            let bar = "█".repeat((n * 40).div_ceil(most));
            vec![lang.month_short(*month), lang.count(*n), bar]
        })
        .collect();
    out.table(&["", "", ""], &rows, 2, &[])?;

    heading(out, w.per_norm)?;
    out.table(&w.norm_columns, &norm_rows(l, lang), 0, &[7, 5, 6, 4])?;

    heading(out, w.per_rule)?;
    out.table(&w.rule_columns, &rule_rows(l, lang), 0, &[3])?;

    heading(out, w.per_role)?;
    out.table(&w.role_columns, &role_rows(l, lang), 0, &[])?;

    heading(out, w.signals)?;
    let signals = signal_rows(l, lang);
    if signals.is_empty() {
        out.line(w.no_signals)?;
    } else {
        out.table(&w.signal_columns, &signals, 0, &[])?;
    }

    heading(out, w.unused)?;
    if l.unused.is_empty() {
        out.line(w.none_unused)?;
    }
    for (id, title) in &l.unused {
        out.hanging(0, 2, &format!("{id} — {title}"))?;
    }
    out.blank()?;
    out.wrapped(0, w.privacy)?;
    Ok(())
}

/// The summary's lines.
pub fn summary(view: &View<'_>, lang: Lang) -> Vec<String> {
    let o = view.learning.outcomes;
    let signals: usize = view.learning.signals.values().sum();
    vec![
        lang.report_decisions(o.decisions, (o.within_mandaat, o.for_review), o.took_effect),
        lang.report_verdicts((o.approved, o.returned, o.rejected), o.waiting),
        lang.report_wait(view.learning.median_wait(), view.learning.reviewed()),
        lang.report_signals_total(signals),
    ]
}

/// The flags: rules departed from again and again, domains without a
/// norm.
pub fn flags(view: &View<'_>, lang: Lang) -> Vec<String> {
    let l = view.learning;
    let rules = l
        .recurring(view.flag_rule)
        .into_iter()
        .map(|(rule, line)| lang.report_flag_rule(rule, line.in_year, line.local));
    let signals = l
        .signal_domains(view.flag_signals)
        .into_iter()
        .map(|(domain, n)| lang.report_flag_signals(domain, n));
    rules.chain(signals).collect()
}

pub fn norm_rows(l: &Learning, lang: Lang) -> Vec<Vec<String>> {
    let mut norms: Vec<_> = l.norms.iter().collect();
    norms.sort_by(|a, b| {
        b.1.outcomes
            .decisions
            .cmp(&a.1.outcomes.decisions)
            .then(a.0.cmp(b.0))
    });
    norms
        .into_iter()
        .map(|(id, line)| {
            let o = line.outcomes;
            [
                id.clone(),
                lang.count(o.decisions),
                lang.count(o.within_mandaat),
                lang.count(o.for_review),
                lang.count(o.approved),
                lang.count(o.returned),
                lang.count(o.rejected),
                lang.count(o.waiting),
            ]
            .to_vec()
        })
        .collect()
}

pub fn rule_rows(l: &Learning, lang: Lang) -> Vec<Vec<String>> {
    let mut rules: Vec<_> = l.rules.iter().filter(|(_, r)| r.decisions > 0).collect();
    rules.sort_by(|a, b| b.1.decisions.cmp(&a.1.decisions).then(a.0.cmp(b.0)));
    rules
        .into_iter()
        .map(|(rule, line)| {
            let norms: Vec<&str> = line.norms.iter().map(String::as_str).collect();
            vec![
                rule.clone(),
                lang.count(line.decisions),
                lang.count(line.in_year),
                norms.join(", "),
            ]
        })
        .collect()
}

pub fn role_rows(l: &Learning, lang: Lang) -> Vec<Vec<String>> {
    l.roles
        .iter()
        .map(|(role, n)| vec![role.clone(), lang.count(*n)])
        .collect()
}

pub fn signal_rows(l: &Learning, lang: Lang) -> Vec<Vec<String>> {
    let w = lang.report_words();
    l.signal_domains(1)
        .into_iter()
        .map(|(domain, n)| vec![domain.unwrap_or(w.no_domain).to_owned(), lang.count(n)])
        .collect()
}
