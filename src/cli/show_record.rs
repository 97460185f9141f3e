use std::io;

use anstyle::Style;
use clap::Args;

use super::signing::{open_store, store_error};
use super::{CliError, Context, Outcome};
use crate::domain::lifecycle::{Event, Life, Status};
use crate::domain::record::Record;
use crate::domain::review::{Review, Withdrawal};
use crate::domain::store::{Ledger, RecordFilter};
use crate::domain::verify;

/// Show one record: the decision, the norm it relied on, the answers, the
/// motivation, who signed it and whether the signature holds
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The record's id, e.g. MW-20261123-K7QF2XAB
    pub id: String,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(serde::Serialize)]
struct JsonShow<'a> {
    #[serde(flatten)]
    record: &'a Record,
    file: String,
    signature_valid: bool,
    problems: Vec<&'static str>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    life: Option<JsonLife>,
}

/// What happened to the decision since it was signed.
#[derive(serde::Serialize)]
struct JsonLife {
    status: Status,
    norm_revised: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    waiting_for: Option<String>,
    reviews: Vec<String>,
    withdrawals: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    revised_by: Option<String>,
    /// What earlier decisions come to in the store as it is now, by total.
    totals_now: Vec<JsonRecount>,
}

/// What earlier decisions come to now for one total, and which they are.
#[derive(serde::Serialize)]
struct JsonRecount {
    id: String,
    #[serde(with = "crate::domain::number::text")]
    earlier: crate::domain::number::Decimal,
    decisions: Vec<String>,
}

/// The decision's story as `show` tells it: its status and, oldest first,
/// the reviews, the revision and the withdrawal that count.
struct Told {
    life: Life,
    events: Vec<Told1>,
    /// Each limit of its author's mandaat a record drawn up for review
    /// goes beyond.
    why: Vec<crate::domain::norm::Exceeded>,
    /// Its norm's totals counted again in the store as it is now.
    recount: Vec<crate::domain::store::Earlier>,
}

enum Told1 {
    Reviewed(Review),
    Withdrawn(Withdrawal),
    Revised(String, jiff::Timestamp),
}

/// The story of the record `id`, when the store can tell it.
fn story(store: &crate::domain::store::Store, id: &str, today: jiff::civil::Date) -> Option<Told> {
    let state = store.state().ok()?;
    let records = store.records(&RecordFilter::default()).ok()?.items;
    let acts = store.acts(&state).ok()?;
    let stored = records.iter().find(|r| r.record.id == id)?;
    let ledger = Ledger::new(store, &state, &acts, &records);
    let tale = ledger.story(stored, today);
    let events = tale
        .events
        .iter()
        .map(|e| match e {
            Event::Reviewed(r) => Told1::Reviewed((*r).clone()),
            Event::Withdrawn(w) => Told1::Withdrawn((*w).clone()),
            Event::Revised(r) => Told1::Revised(r.id.clone(), r.created),
        })
        .collect();
    let why = match (stored.record.mandate.outcome, ledger.norm(&stored.record)) {
        (crate::domain::record::RecordedOutcome::NeedsReview, Some(norm)) => {
            stored.record.exceeded(&norm)
        }
        _ => Vec::new(),
    };
    let recount = ledger
        .norm(&stored.record)
        .and_then(|norm| store.recount(&state, &norm, &stored.record, today).ok())
        .unwrap_or_default();
    Some(Told {
        life: tale.life,
        events,
        why,
        recount,
    })
}

impl Told {
    fn json(&self) -> JsonLife {
        JsonLife {
            status: self.life.status,
            norm_revised: self.life.norm_revised,
            waiting_for: self.life.waiting_for.clone(),
            reviews: self
                .events
                .iter()
                .filter_map(|e| match e {
                    Told1::Reviewed(r) => Some(r.id.clone()),
                    _ => None,
                })
                .collect(),
            withdrawals: self
                .events
                .iter()
                .filter_map(|e| match e {
                    Told1::Withdrawn(w) => Some(w.id.clone()),
                    _ => None,
                })
                .collect(),
            revised_by: self.events.iter().find_map(|e| match e {
                Told1::Revised(id, _) => Some(id.clone()),
                _ => None,
            }),
            totals_now: self
                .recount
                .iter()
                .map(|e| JsonRecount {
                    id: e.total.clone(),
                    earlier: e.amount,
                    decisions: e.decisions.clone(),
                })
                .collect(),
        }
    }
}

/// The status and the timeline: signed, each review, the revision, the
/// withdrawal.
fn print_story(ctx: &mut Context, r: &Record, told: &Told) -> io::Result<()> {
    let lang = ctx.lang;
    if !told.why.is_empty() {
        ctx.out.blank()?;
        ctx.out.line(
            &ctx.out
                .paint(Style::new().bold().underline(), lang.heading_why_review()),
        )?;
        for why in lang.why_review(r, &told.why) {
            ctx.out.wrapped(2, &format!("• {why}"))?;
        }
    }
    ctx.out.blank()?;
    ctx.out.line(
        &ctx.out
            .paint(Style::new().bold().underline(), lang.heading_timeline()),
    )?;
    let mut lines = vec![(
        r.created,
        lang.timeline_signed(&r.author.name, r.signature_meaning),
    )];
    if let Some(revised) = &r.revises {
        lines[0].1 = format!("{} — {}", lines[0].1, lang.revision_of(revised));
    }
    if let Some(extended) = &r.extends {
        lines[0].1 = format!("{} — {}", lines[0].1, lang.extension_of(extended));
    }
    for e in &told.events {
        lines.push(match e {
            Told1::Reviewed(v) => (
                v.created,
                lang.timeline_reviewed(
                    &v.reviewer.name,
                    &v.reviewer.role,
                    v.verdict,
                    v.remark.as_deref(),
                ),
            ),
            Told1::Withdrawn(w) => (
                w.created,
                lang.timeline_withdrawn(&w.by.name, &w.by.role, &w.reason),
            ),
            Told1::Revised(id, at) => (*at, lang.timeline_revised(id)),
        });
    }
    for (at, text) in lines {
        let at = lang.day_time(at, ctx.config.clock.time_zone());
        let hang = 2 + at.chars().count() + 2;
        ctx.out.hanging(2, hang, &format!("{at}  {text}"))?;
    }
    field(
        ctx,
        lang.label_status(),
        &match &told.life.waiting_for {
            Some(role) => format!(
                "{} ({})",
                lang.status_with_flag(told.life.status, told.life.norm_revised),
                lang.needs_review_by(role)
            ),
            None => lang.status_with_flag(told.life.status, told.life.norm_revised),
        },
    )
}

pub fn run(args: &ShowArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let store = open_store(ctx)?;
    // Ids are written in capitals; people may type them in any case.
    let id = args.id.trim().to_ascii_uppercase();
    let Some(file) = store.find_record(&id).map_err(|e| store_error(ctx, &e))? else {
        return Err(CliError::input(
            lang.no_such_record(&args.id),
            Some(lang.no_such_record_help()),
        ));
    };
    let keyring = store.keyring().map_err(|e| store_error(ctx, &e))?;
    let (record, problems) = verify::check_one(&store, &keyring, &file.path).map_err(|p| {
        CliError::input(
            crate::cli::output::printable(
                &lang.record_unreadable(&args.id, &lang.verify_problem(&p)),
            )
            .into_owned(),
            None,
        )
    })?;
    let rel = crate::domain::store::relative(store.dir(), &file.path);
    let told = story(&store, &record.id, ctx.today);
    if args.json {
        ctx.out.json(&JsonShow {
            record: &record,
            file: rel,
            signature_valid: problems.is_empty(),
            problems: problems.iter().map(verify::FindingKind::code).collect(),
            life: told.as_ref().map(Told::json),
        })?;
        return Ok(Outcome::Success);
    }
    let recount = told.as_ref().map_or(&[][..], |t| &t.recount[..]);
    print_record(ctx, &record, &rel, recount)?;
    if let Some(told) = &told {
        print_story(ctx, &record, told)?;
    }
    ctx.out.blank()?;
    if problems.is_empty() {
        let ok = ctx.out.paint(
            Style::new().fg_color(Some(anstyle::AnsiColor::Green.into())),
            &lang.record_signature_ok(&crate::cli::output::printable(&record.author.name)),
        );
        ctx.out.line(&ok)?;
        Ok(Outcome::Success)
    } else {
        for p in &problems {
            let text = ctx.out.paint(
                Style::new().fg_color(Some(anstyle::AnsiColor::Red.into())),
                &crate::cli::output::printable(&format!("✗ {}", lang.verify_problem(p))),
            );
            ctx.out.line(&text)?;
        }
        Ok(Outcome::Negative)
    }
}

fn field(ctx: &mut Context, label: &str, value: &str) -> io::Result<()> {
    let label = ctx
        .out
        .paint(Style::new().dimmed(), &format!("{label:<18}"));
    ctx.out
        .line(&format!("{label}{}", crate::cli::output::printable(value)))
}

fn print_record(
    ctx: &mut Context,
    r: &Record,
    file: &str,
    recount: &[crate::domain::store::Earlier],
) -> io::Result<()> {
    let lang = ctx.lang;
    let title = format!("{} · {}", r.id, r.norm.title);
    let title = ctx
        .out
        .paint(Style::new().bold(), &crate::cli::output::printable(&title));
    ctx.out.line(&title)?;
    ctx.out.blank()?;
    field(ctx, lang.label_case(), &r.case)?;
    field(ctx, lang.label_decision_date(), &lang.date(r.decision_date))?;
    if let Some(p) = &r.period {
        field(ctx, lang.label_period(), &lang.period_range(p.start, p.end))?;
    }
    field(
        ctx,
        lang.label_norm(),
        &format!(
            "{} v{} (sha256 {})",
            r.norm.id,
            r.norm.version,
            r.norm.sha256.chars().take(12).collect::<String>()
        ),
    )?;
    field(ctx, lang.label_basis(), &r.norm.basis_label)?;
    field(
        ctx,
        "",
        &format!("https://wetten.overheid.nl/{}", r.norm.basis),
    )?;
    field(
        ctx,
        lang.label_signed_by(),
        &format!(
            "{} ({}, {})",
            r.author.name, r.author.principal, r.author.role
        ),
    )?;
    field(
        ctx,
        lang.label_signed_at(),
        &lang.moment(r.created, ctx.config.clock.time_zone()),
    )?;
    field(
        ctx,
        lang.label_meaning(),
        &lang.recorded_meaning(r.signature_meaning),
    )?;
    field(
        ctx,
        lang.label_mandate(),
        &lang.mandate_record(r.mandate.outcome, r.mandate.review_role.as_deref()),
    )?;
    field(ctx, lang.label_file(), file)?;

    print_body(ctx, r, recount)
}

/// The checks with their answers, the motivation and the evidence.
fn print_body(
    ctx: &mut Context,
    r: &Record,
    recount: &[crate::domain::store::Earlier],
) -> io::Result<()> {
    let lang = ctx.lang;
    ctx.out.blank()?;
    ctx.out.line(&ctx.out.paint(
        Style::new().bold().underline(),
        &lang.heading_checks(r.checks.len()),
    ))?;
    for c in &r.checks {
        ctx.out.wrapped(2, &c.question)?;
        ctx.out.wrapped(6, &format!("→ {}", lang.answer_text(c)))?;
    }
    ctx.out.blank()?;
    ctx.out.line(&ctx.out.paint(
        Style::new().bold().underline(),
        lang.heading_motivation_record(),
    ))?;
    for (label, text) in lang.motivation_labelled(&r.motivation) {
        ctx.out.line(&format!("  {label}"))?;
        ctx.out.wrapped(4, text)?;
    }
    if !r.evidence.is_empty() {
        ctx.out.blank()?;
        ctx.out.line(
            &ctx.out
                .paint(Style::new().bold().underline(), lang.heading_evidence()),
        )?;
        for e in &r.evidence {
            let mark = if e.in_case_file { "✓" } else { "✗" };
            ctx.out.wrapped(2, &format!("{mark} {}", e.text))?;
        }
    }
    if !r.totals.is_empty() {
        ctx.out.blank()?;
        ctx.out.line(
            &ctx.out
                .paint(Style::new().bold().underline(), lang.heading_totals()),
        )?;
        for line in &r.totals {
            ctx.out
                .wrapped(2, &format!("• {}", lang.total_line(r, line)))?;
            // More in the store now than the record counted: a colleague's
            // decision signed elsewhere just before it.
            if let Some(now) = recount
                .iter()
                .find(|e| e.total == line.id && e.amount > line.earlier)
            {
                let text = ctx.out.paint(
                    Style::new().fg_color(Some(anstyle::AnsiColor::Yellow.into())),
                    &lang.total_recounted(r, line, now),
                );
                ctx.out.wrapped(4, &text)?;
            }
        }
    }
    if let Some(award) = &r.award {
        ctx.out.blank()?;
        ctx.out.line(
            &ctx.out
                .paint(Style::new().bold().underline(), lang.heading_award()),
        )?;
        for line in lang.award_lines(award) {
            ctx.out.wrapped(2, &line)?;
        }
    }
    Ok(())
}
