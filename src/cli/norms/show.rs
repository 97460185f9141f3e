use std::io;

use anstyle::Style;
use clap::Args;
use jiff::civil::Date;
use serde::Serialize;

use crate::cli::{CliError, Context, Outcome, date_arg, load_catalog, warn_broken};
use crate::domain::adoption::Standing;
use crate::domain::jci::Jci;
use crate::domain::norm::catalog::LoadedNorm;
use crate::domain::norm::{Check, CheckKind, Norm, Unusable};
use crate::domain::suggest;

/// Show one norm in full, as a caseworker reads it: the rule, its legal
/// basis, the intent, the checks, the evidence and the mandate
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The norm's id (see `maatwerk norms list --all`)
    pub id: String,
    /// Say whether the norm was usable on this date instead of today
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct JsonShow<'a> {
    #[serde(flatten)]
    norm: &'a Norm,
    sha256: &'a str,
    source: &'a str,
    basis_url: String,
    usable_on: Date,
    usable: bool,
    unusable: Option<Unusable>,
    /// Its standing in the configured store, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    in_store: Option<Standing>,
}

pub fn run(args: &ShowArgs, ctx: &mut Context) -> Result<Outcome, CliError> {
    let catalog = load_catalog(ctx)?;
    let on = date_arg(ctx, "--on", args.on.as_deref())?.unwrap_or(ctx.today);
    let Some(loaded) = catalog.get(&args.id) else {
        let broken = catalog.reports().iter().find(|r| {
            r.has_errors()
                && std::path::Path::new(r.source.name())
                    .file_stem()
                    .is_some_and(|s| s == args.id.as_str())
        });
        if let Some(report) = broken {
            return Err(CliError::input(
                ctx.lang.norm_has_errors(&args.id, report.source.name()),
                Some(ctx.lang.run_norms_check_help(report.source.name())),
            ));
        }
        let ids = catalog.norms().iter().map(|n| &n.norm.id);
        return Err(CliError::input(
            ctx.lang.no_such_norm(&args.id),
            Some(ctx.lang.no_such_norm_help(suggest(&args.id, ids))),
        ));
    };
    warn_broken(&catalog, ctx)?;
    let standing =
        super::store_adoptions(ctx).map(|a| a.standing(&loaded.norm.id, loaded.sha256().as_str()));
    if args.json {
        ctx.out.json(&JsonShow {
            norm: &loaded.norm,
            sha256: loaded.sha256().as_str(),
            source: loaded.source.name(),
            basis_url: loaded.norm.rule.basis.url(),
            usable_on: on,
            usable: loaded.norm.usability(on).is_ok(),
            unusable: loaded.norm.usability(on).err(),
            in_store: standing,
        })?;
    } else {
        print_norm(ctx, loaded, on, standing)?;
    }
    Ok(Outcome::Success)
}

fn heading(ctx: &mut Context, text: &str) -> io::Result<()> {
    ctx.out.blank()?;
    let text = ctx.out.paint(Style::new().bold().underline(), text);
    ctx.out.line(&text)
}

fn field(ctx: &mut Context, label: &str, value: &str) -> io::Result<()> {
    let label = format!("{label:<18}");
    let label = ctx.out.paint(Style::new().dimmed(), &label);
    ctx.out.line(&format!("{label}{value}"))
}

fn law(ctx: &mut Context, indent: usize, jci: &Jci) -> io::Result<()> {
    let pad = " ".repeat(indent);
    ctx.out.line(&format!("{pad}{}", ctx.lang.jci_label(jci)))?;
    let url = ctx.out.paint(Style::new().underline(), &jci.url());
    ctx.out.line(&format!("{pad}{url}"))
}

fn print_norm(
    ctx: &mut Context,
    loaded: &LoadedNorm,
    on: Date,
    standing: Option<Standing>,
) -> io::Result<()> {
    let lang = ctx.lang;
    let n = &loaded.norm;
    let title = ctx.out.paint(Style::new().bold(), &n.title);
    ctx.out.line(&title)?;
    ctx.out
        .line(&lang.norm_id_line(&n.id, n.version, n.status.as_str()))?;
    ctx.out.blank()?;
    ctx.out.wrapped(0, &n.summary)?;
    ctx.out.blank()?;

    let usable = match n.usability(on) {
        Ok(()) => ctx.out.paint(
            Style::new().fg_color(Some(anstyle::AnsiColor::Green.into())),
            &lang.usable_on(on),
        ),
        Err(why) => ctx.out.paint(
            Style::new().fg_color(Some(anstyle::AnsiColor::Red.into())),
            &lang.unusable_on(on, &why),
        ),
    };
    ctx.out.line(&usable)?;
    if let Some(standing) = standing {
        let colour = match standing {
            Standing::Adopted { withdrawn: None } => anstyle::AnsiColor::Green,
            _ => anstyle::AnsiColor::Red,
        };
        let line = lang.standing_line(&n.id, &standing);
        let line = ctx
            .out
            .paint(Style::new().fg_color(Some(colour.into())), &line);
        ctx.out.line(&line)?;
    }
    if let (Some(on), Some(by)) = (n.adopted_on, &n.adopted_by) {
        field(ctx, lang.label_adopted(), &lang.adopted_by(on, by))?;
    }
    if let (Some(rough), Some(by)) = (n.adopted_roughly, &n.adopted_by) {
        field(
            ctx,
            lang.label_adopted(),
            &lang.adopted_roughly_by(rough, by),
        )?;
    }
    let mut valid = lang.in_force_long(n.valid_from, n.valid_until);
    if n.retroactive {
        valid.push_str(lang.retroactive_suffix());
    }
    field(ctx, lang.label_valid(), &valid)?;
    if let Some(withdrawn) = n.withdrawn_on {
        field(ctx, lang.label_withdrawn(), &withdrawn.to_string())?;
    }
    field(ctx, lang.label_owner(), &n.owner)?;
    field(ctx, lang.label_domain(), &n.domain)?;
    if let Some(max) = n.max_duration {
        field(ctx, lang.label_max_duration(), &lang.period_terms(n, max))?;
    }
    if let Some(review) = n.review_after {
        field(ctx, lang.label_review_after(), &lang.duration(review))?;
    }
    field(ctx, "sha256", loaded.sha256().as_str())?;
    field(ctx, lang.label_source(), loaded.source.name())?;

    heading(ctx, lang.heading_rule())?;
    ctx.out.wrapped(2, &n.rule.text)?;
    ctx.out.line(&format!("  {}:", lang.label_basis()))?;
    law(ctx, 4, &n.rule.basis)?;
    for also in &n.rule.also {
        law(ctx, 4, also)?;
    }
    if let Some(local) = &n.rule.local {
        let mut text = local.title.clone();
        if let Some(article) = &local.article {
            text = lang.local_rule_article(&text, article);
        }
        ctx.out
            .line(&format!("  {}: {text}", lang.label_local_rule()))?;
        if let Some(cvdr) = &local.cvdr {
            let url = ctx.out.paint(Style::new().underline(), &cvdr.url());
            ctx.out.line(&format!("    {url}"))?;
        }
    }

    heading(ctx, lang.heading_intent())?;
    ctx.out.line(&format!("  {}", lang.label_intent_rule()))?;
    ctx.out.wrapped(4, &n.intent.rule)?;
    ctx.out
        .line(&format!("  {}", lang.label_intent_departure()))?;
    ctx.out.wrapped(4, &n.intent.departure)?;

    print_grounds(ctx, n)?;

    heading(ctx, &lang.heading_checks(n.checks.len()))?;
    print_checks(ctx, n)?;

    print_rules(ctx, n)?;
    print_evidence(ctx, n)?;

    print_motivation(ctx, n)?;
    print_mandate(ctx, n)
}

fn print_motivation(ctx: &mut Context, n: &Norm) -> io::Result<()> {
    let lang = ctx.lang;
    heading(ctx, &lang.heading_motivation(n.motivation.min_chars))?;
    let parts = [
        (lang.part_circumstances(), &n.motivation.circumstances),
        (lang.part_consequences(), &n.motivation.consequences),
        (lang.part_aims(), &n.motivation.aims),
        (
            lang.part_disproportionality(),
            &n.motivation.disproportionality,
        ),
    ];
    for (label, guide) in parts {
        ctx.out.line(&format!("  {label}"))?;
        if let Some(guide) = guide {
            ctx.out.wrapped(4, guide)?;
        }
    }
    Ok(())
}

fn print_mandate(ctx: &mut Context, n: &Norm) -> io::Result<()> {
    let lang = ctx.lang;
    heading(ctx, lang.heading_mandate())?;
    let rows: Vec<Vec<String>> = n
        .mandate
        .tiers
        .iter()
        .map(|tier| vec![format!("  {}", tier.role), lang.tier_limits(n, tier)])
        .collect();
    ctx.out.table(&["", ""], &rows, 1, &[])?;
    ctx.out
        .line(&format!("  {}", lang.four_eyes(n.mandate.four_eyes)))?;
    Ok(())
}

fn print_checks(ctx: &mut Context, n: &Norm) -> io::Result<()> {
    let lang = ctx.lang;
    let mut current: Option<&str> = None;
    for (i, check) in n.checks.iter().enumerate() {
        if check.section.as_deref() != current {
            current = check.section.as_deref();
            if let Some(section) = n.sections.iter().find(|s| Some(s.id.as_str()) == current) {
                let title = ctx.out.paint(Style::new().bold(), &section.title);
                ctx.out.line(&format!("  {title}"))?;
                if let Some(help) = &section.help {
                    ctx.out.wrapped(2, help)?;
                }
            }
        }
        let number = format!("{:>2}. ", i + 1);
        ctx.out.wrapped(2, &format!("{number}{}", check.question))?;
        let kind = describe_kind(lang, check);
        let kind = ctx.out.paint(Style::new().dimmed(), &kind);
        ctx.out.line(&format!("      {kind}"))?;
        if let Some(help) = &check.help {
            ctx.out.wrapped(6, help)?;
        }
    }
    Ok(())
}

fn describe_kind(lang: crate::i18n::Lang, check: &Check) -> String {
    let mut text = match &check.kind {
        CheckKind::Confirm { expect } => lang.kind_confirm(*expect),
        CheckKind::Text { min_chars } => lang.kind_text(*min_chars),
        CheckKind::Number { min, max, unit } => lang.kind_number(*min, *max, unit.as_deref()),
        CheckKind::Choice { options, accept } => lang.kind_choice(options, accept),
        CheckKind::Date {
            within_period,
            before_decision,
        } => lang.kind_date(*within_period, *before_decision),
    };
    if !check.required {
        text.push_str(lang.optional_suffix());
    }
    if !check.when.is_empty() {
        text.push_str(&lang.only_when(&check.when));
    }
    format!("[{}] {text}", check.id)
}

/// The legal grounds for departing, and the municipal articles.
fn print_grounds(ctx: &mut Context, n: &Norm) -> io::Result<()> {
    if n.grounds.is_empty() && n.local_grounds.is_empty() {
        return Ok(());
    }
    let lang = ctx.lang;
    heading(ctx, lang.heading_grounds())?;
    for ground in &n.grounds {
        law(ctx, 2, ground)?;
    }
    for ground in &n.local_grounds {
        let title = ground.title.as_deref().unwrap_or(ground.cvdr.as_str());
        let text = lang.local_rule_article(title, &ground.article);
        ctx.out.line(&format!("  {text}"))?;
        let url = ctx.out.paint(Style::new().underline(), &ground.cvdr.url());
        ctx.out.line(&format!("  {url}"))?;
    }
    Ok(())
}

/// The rules across answers and the totals over several decisions.
fn print_rules(ctx: &mut Context, n: &Norm) -> io::Result<()> {
    let lang = ctx.lang;
    if !n.constraints.is_empty() {
        heading(ctx, lang.heading_constraints())?;
        for c in &n.constraints {
            ctx.out.wrapped(2, &format!("• {}", c.text))?;
            let terms = format!("[{}] {}", c.id, lang.constraint_terms(c));
            let terms = ctx.out.paint(Style::new().dimmed(), &terms);
            ctx.out.line(&format!("    {terms}"))?;
        }
    }
    if let Some(award) = &n.award {
        heading(ctx, lang.heading_award())?;
        for line in lang.award_terms(award) {
            ctx.out.wrapped(2, &line)?;
        }
    }
    if !n.totals.is_empty() {
        heading(ctx, lang.heading_totals())?;
        for t in &n.totals {
            let unit = crate::domain::decision::totals::unit(n, t);
            let text = format!("[{}] {}", t.id, lang.total_terms(t, unit));
            ctx.out.wrapped(2, &format!("• {text}"))?;
        }
    }
    Ok(())
}

/// The evidence the norm asks for, each with when it is asked for.
fn print_evidence(ctx: &mut Context, n: &crate::domain::norm::Norm) -> io::Result<()> {
    let lang = ctx.lang;
    if !n.evidence.is_empty() {
        heading(ctx, lang.heading_evidence())?;
        for e in &n.evidence {
            let marker = if e.required { "•" } else { "◦" };
            let suffix = if e.required {
                ""
            } else {
                lang.optional_suffix()
            };
            let when = if e.when.is_empty() {
                String::new()
            } else {
                lang.only_when(&e.when)
            };
            ctx.out
                .wrapped(2, &format!("{marker} {}{suffix}{when}", e.text))?;
        }
    }
    Ok(())
}
