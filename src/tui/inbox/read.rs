//! A record as the team lead reads it in the inbox — labelled and wrapped
//! as `show` prints it, never raw TOML — and the norm it relied on beside
//! it: the rule, why it may be departed from, and who may decide what.

use jiff::tz::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::domain::norm::Norm;
use crate::domain::ops::review::Subject;
use crate::domain::record::Record;
use crate::domain::text::printable;
use crate::i18n::Lang;

/// One row of text to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Heading(String),
    /// A label and its value.
    Field(String, String),
    /// Text, indented this many columns.
    Text(u16, String),
    Blank,
}

/// The record of `subject`, row by row.
pub fn record_rows(lang: Lang, subject: &Subject, why: &[String], zone: &TimeZone) -> Vec<Row> {
    let r = &subject.stored.record;
    let mut rows = rows_of(lang, r, why, zone, true);
    // After a total the store now counts more of than the record did:
    // what it comes to now.
    for (line, now, _) in subject.undercounted() {
        let said = format!("• {}", lang.total_line(r, line));
        if let Some(at) = rows
            .iter()
            .position(|row| matches!(row, Row::Text(2, text) if *text == said))
        {
            rows.insert(at + 1, Row::Text(4, lang.total_recounted(r, line, now)));
        }
    }
    rows
}

/// `r` row by row, with `why` it needs review when it does.
/// Moments show in `zone`, the reader's; a record not `signed` yet says
/// who is to sign it, and when.
pub fn rows_of(lang: Lang, r: &Record, why: &[String], zone: &TimeZone, signed: bool) -> Vec<Row> {
    let (by, at) = if signed {
        (lang.label_signed_by(), lang.label_signed_at())
    } else {
        (lang.label_to_sign_by(), lang.label_to_sign_at())
    };
    let mut rows = vec![
        Row::Heading(format!("{} · {}", r.id, r.norm.title)),
        Row::Blank,
        Row::Field(lang.label_case().into(), r.case.clone()),
        Row::Field(
            lang.label_decision_date().into(),
            lang.date(r.decision_date),
        ),
    ];
    if let Some(p) = &r.period {
        rows.push(Row::Field(
            lang.label_period().into(),
            lang.period_range(p.start, p.end),
        ));
    }
    rows.push(Row::Field(
        lang.label_norm().into(),
        format!("{} v{}", r.norm.id, r.norm.version),
    ));
    rows.push(Row::Field(
        by.into(),
        format!("{} ({})", r.author.name, r.author.role),
    ));
    rows.push(Row::Field(at.into(), lang.moment(r.created, zone)));
    if let Some(revised) = &r.revises {
        rows.push(Row::Field(
            lang.label_status().into(),
            lang.revision_of(revised),
        ));
    }
    if let Some(extended) = &r.extends {
        rows.push(Row::Field(
            lang.label_status().into(),
            lang.extension_of(extended),
        ));
    }
    if !why.is_empty() {
        rows.push(Row::Blank);
        rows.push(Row::Heading(lang.heading_why_review().into()));
        rows.extend(why.iter().map(|w| Row::Text(2, format!("• {w}"))));
    }
    rows.push(Row::Blank);
    rows.push(Row::Heading(lang.heading_checks(r.checks.len())));
    for c in &r.checks {
        rows.push(Row::Text(2, c.question.clone()));
        rows.push(Row::Text(6, format!("→ {}", lang.answer_text(c))));
    }
    rows.push(Row::Blank);
    rows.push(Row::Heading(lang.heading_motivation_record().into()));
    for (label, text) in lang.motivation_labelled(&r.motivation) {
        rows.push(Row::Text(2, label.to_owned()));
        rows.push(Row::Text(4, text.to_owned()));
    }
    if !r.evidence.is_empty() {
        rows.push(Row::Blank);
        rows.push(Row::Heading(lang.heading_evidence().into()));
        for e in &r.evidence {
            let mark = if e.in_case_file { "✓" } else { "✗" };
            rows.push(Row::Text(2, format!("{mark} {}", e.text)));
        }
    }
    if !r.totals.is_empty() {
        rows.push(Row::Blank);
        rows.push(Row::Heading(lang.heading_totals().into()));
        for line in &r.totals {
            rows.push(Row::Text(2, format!("• {}", lang.total_line(r, line))));
        }
    }
    if let Some(award) = &r.award {
        rows.push(Row::Blank);
        rows.push(Row::Heading(lang.heading_award().into()));
        for line in lang.award_lines(award) {
            rows.push(Row::Text(2, line));
        }
    }
    rows
}

/// The norm, as far as a reviewer needs it beside the record.
pub fn norm_rows(lang: Lang, norm: Option<&Norm>) -> Vec<Row> {
    let Some(n) = norm else {
        return vec![Row::Text(
            0,
            lang.review_refusal(&crate::domain::lifecycle::Refusal::NoNorm),
        )];
    };
    let mut rows = vec![
        Row::Heading(format!("{} v{} · {}", n.id, n.version, n.title)),
        Row::Blank,
        Row::Heading(lang.heading_rule().into()),
        Row::Text(2, n.rule.text.trim().to_owned()),
        Row::Blank,
        Row::Heading(lang.heading_intent().into()),
        Row::Text(2, lang.label_intent_departure().to_owned()),
        Row::Text(4, n.intent.departure.trim().to_owned()),
        Row::Blank,
        Row::Heading(lang.heading_mandate().into()),
    ];
    rows.extend(
        n.mandate
            .tiers
            .iter()
            .map(|t| Row::Field(t.role.clone(), lang.tier_limits(n, t))),
    );
    if n.mandate.four_eyes {
        rows.push(Row::Text(2, lang.four_eyes(true).to_owned()));
    }
    rows
}

/// The rows as plain lines at `width` columns, wrapped: what the view
/// draws and scrolls.
pub fn lines(rows: &[Row], width: u16) -> Vec<(bool, String)> {
    let width = usize::from(width.max(20));
    let mut out = Vec::new();
    for row in rows {
        match row {
            Row::Blank => out.push((false, String::new())),
            Row::Heading(text) => {
                let options = textwrap::Options::new(width)
                    .word_splitter(textwrap::WordSplitter::NoHyphenation);
                for line in textwrap::wrap(&printable(text), options) {
                    out.push((true, line.into_owned()));
                }
            }
            Row::Field(label, value) => {
                // A label longer than its column keeps a space before the value.
                let head = format!("{label:<17} ");
                let pad = " ".repeat(18.min(width / 2));
                let options = textwrap::Options::new(width)
                    .initial_indent(&head)
                    .subsequent_indent(&pad)
                    .word_splitter(textwrap::WordSplitter::NoHyphenation);
                for line in textwrap::wrap(&printable(value), options) {
                    out.push((false, line.into_owned()));
                }
            }
            Row::Text(indent, text) => {
                let pad = " ".repeat(usize::from(*indent));
                let options = textwrap::Options::new(width)
                    .initial_indent(&pad)
                    .subsequent_indent(&pad)
                    .word_splitter(textwrap::WordSplitter::NoHyphenation);
                for paragraph in printable(text).split('\n') {
                    for line in textwrap::wrap(paragraph, options.clone()) {
                        out.push((false, line.into_owned()));
                    }
                }
            }
        }
    }
    out
}

/// `rows` from line `scroll` on, wrapped to `area`; never past the end, so
/// the last screenful stays.
pub fn render(rows: &[Row], scroll: u16, area: Rect, buf: &mut Buffer) {
    let lines = lines(rows, area.width);
    let last = lines.len().saturating_sub(usize::from(area.height));
    let from = usize::from(scroll).min(last);
    let shown: Vec<Line> = lines[from..]
        .iter()
        .map(|(heading, text)| {
            if *heading {
                Line::styled(text.clone(), Style::new().add_modifier(Modifier::BOLD))
            } else {
                Line::raw(text.clone())
            }
        })
        .collect();
    Paragraph::new(shown).render(area, buf);
}
