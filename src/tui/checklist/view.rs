//! The checklist as it is drawn: where the caseworker is, the question and
//! its answer, the live mandaat line, and the way out of a failed condition.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Text};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Checklist;
use crate::domain::norm::total::Beyond;
use crate::domain::norm::{CheckKind, DecisionFacts};
use crate::domain::number::Decimal;
use crate::tui::text::rows;

impl Checklist {
    /// Where the caseworker is — the question's number among those that
    /// apply now, its section, and the section's guidance when there is
    /// room — above the question; returns the room below it.
    fn render_head(&self, area: Rect, buf: &mut Buffer) -> Rect {
        let l = self.lang;
        let check = self.check();
        let section = check
            .section
            .as_ref()
            .and_then(|s| self.norm.sections.iter().find(|x| x.id == *s));
        // Counted over the questions that apply now.
        let shown = self.shown();
        let at = shown.iter().position(|i| *i == self.index).unwrap_or(0);
        let progress = l.check_progress(at + 1, shown.len());
        let head_text = match section {
            Some(s) => format!("{progress} · {}", s.title),
            None => progress,
        };
        // The section's guidance under its name, as `norms show` has it;
        // in a small window the question and its answer come first.
        let guidance = section
            .and_then(|s| s.help.clone())
            .filter(|_| area.height > 14);
        // Totals that count decisions hold whatever the answers.
        let counts: Vec<String> = self
            .totals
            .iter()
            .filter(|t| t.total.sum.is_none() && !t.earlier.is_zero())
            .map(|t| {
                let one = crate::domain::number::Decimal::ONE;
                l.total_so_far(&t.total, None, (t.earlier, t.on), Some(one))
            })
            .collect();
        let head_height = rows(&head_text, area.width)
            + guidance.as_deref().map_or(0, |g| rows(g, area.width))
            + counts.iter().map(|c| rows(c, area.width)).sum::<u16>()
            + 1;
        let [head, body] =
            Layout::vertical([Constraint::Length(head_height), Constraint::Fill(1)]).areas(area);
        let dim = Style::new().add_modifier(Modifier::DIM);
        let mut head_lines = vec![Line::styled(head_text, dim)];
        if let Some(g) = guidance {
            head_lines.push(Line::styled(g, dim));
        }
        head_lines.extend(counts.into_iter().map(Line::raw));
        Paragraph::new(head_lines)
            .wrap(Wrap { trim: true })
            .render(head, buf);
        body
    }
}

impl Widget for &Checklist {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let l = self.lang;
        let check = self.check();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let body = self.render_head(area, buf);

        if let Some(i) = self.failed {
            self.render_not_covered(i, body, buf);
            return;
        }

        let mut lines = vec![Line::styled(check.question.clone(), bold)];
        if let Some(help) = &check.help {
            lines.push(Line::styled(
                help.clone(),
                Style::new().add_modifier(Modifier::DIM),
            ));
        }
        let question_height = std::iter::once(&check.question)
            .chain(&check.help)
            .map(|text| rows(text, body.width))
            .fold(1, u16::saturating_add);
        lines.push(Line::raw(""));
        let [question, answer] =
            Layout::vertical([Constraint::Length(question_height), Constraint::Fill(1)])
                .areas(body);
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(question, buf);
        match &check.kind {
            CheckKind::Confirm { .. } => {
                let mark = |b: bool| {
                    if self.confirm == Some(b) {
                        "(•)"
                    } else {
                        "( )"
                    }
                };
                let mut rows = vec![
                    Line::raw(format!("{} {}", mark(true), l.yes())),
                    Line::raw(format!("{} {}", mark(false), l.no())),
                ];
                if let Some(e) = &self.field.error {
                    rows.push(Line::styled(format!("✗ {e}"), bold));
                }
                Paragraph::new(rows).render(answer, buf);
            }
            CheckKind::Choice { options, .. } => {
                let rows: Vec<Line> = options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| {
                        let (mark, style) = if i == self.choice {
                            ("▶ ", Style::new().add_modifier(Modifier::REVERSED))
                        } else {
                            ("  ", Style::new())
                        };
                        Line::styled(format!("{mark}{o}"), style)
                    })
                    .collect();
                Paragraph::new(rows).render(answer, buf);
            }
            _ => {
                let [field, live] = Layout::vertical([
                    Constraint::Length(self.field.height(answer.width)),
                    Constraint::Fill(1),
                ])
                .areas(answer);
                self.field.render(field, buf, true);
                let lines: Vec<Line> = self
                    .live_mandate()
                    .map(|line| Line::styled(line, bold))
                    .into_iter()
                    .chain(self.live_totals().into_iter().map(Line::raw))
                    .collect();
                if !lines.is_empty() {
                    let [_, live] =
                        Layout::horizontal([Constraint::Length(4), Constraint::Fill(1)])
                            .areas(live);
                    Paragraph::new(lines)
                        .wrap(Wrap { trim: true })
                        .render(live, buf);
                }
            }
        }
    }
}

impl Checklist {
    /// Who may decide with the amount as typed now, for number checks the
    /// mandaat limits: "✓ within your mandaat" or who must review.
    pub(super) fn live_mandate(&self) -> Option<String> {
        let check = self.check();
        let limited = self
            .norm
            .mandate
            .tiers
            .iter()
            .any(|t| t.limits.iter().any(|l| l.check == check.id));
        if !limited {
            return None;
        }
        let typed = check.read_typed(&self.field.value()).ok()??;
        // An answer the check does not take says so itself; no mandaat
        // beside it.
        if !check.judge_in(&typed, self.period).is_empty() {
            return None;
        }
        let others = self
            .norm
            .checks
            .iter()
            .zip(&self.answers)
            .filter(|(c, _)| c.id != check.id)
            .filter_map(|(c, a)| Some((c.id.as_str(), a.as_ref()?)));
        let facts =
            DecisionFacts::from_answers(others.chain([(check.id.as_str(), &typed)]), self.period);
        let outcome = self.norm.mandate.outcome(&self.role, &facts);
        // A total this decision takes past its maximum may ask a higher
        // role to review.
        let review = self
            .totals
            .iter()
            .filter_map(|t| {
                let this = t.total.measure(facts.numbers.iter().copied());
                let past = this > Decimal::ZERO && t.earlier + this > t.total.max;
                match &t.total.beyond {
                    Beyond::Review(role) if past => Some(role.clone()),
                    _ => None,
                }
            })
            .collect();
        let outcome = crate::domain::decision::totals::with_review(&self.norm, outcome, review);
        Some(self.lang.mandate_live(&outcome))
    }

    /// Where the totals that add up this question's answers stand, with
    /// the amount as typed now.
    pub(super) fn live_totals(&self) -> Vec<String> {
        let check = self.check();
        let typed = match check.read_typed(&self.field.value()) {
            Ok(Some(crate::domain::record::Answer::Number(n))) => Some(n),
            _ => None,
        };
        self.totals
            .iter()
            .filter(|t| t.total.sum.as_deref() == Some(check.id.as_str()))
            .map(|t| {
                let unit = crate::domain::decision::totals::unit(&self.norm, &t.total);
                self.lang
                    .total_so_far(&t.total, unit, (t.earlier, t.on), typed)
            })
            .collect()
    }

    /// The branch shown when check `i`'s required condition failed.
    fn render_not_covered(&self, i: usize, body: Rect, buf: &mut Buffer) {
        let l = self.lang;
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let failed = &self.norm.checks[i];
        let because = match &self.rule {
            Some(rule) => l.rule_not_met(&rule.text, &rule.unmet, &rule.one_of),
            None => l.not_covered_because(&failed.question),
        };
        let text = Text::from(vec![
            Line::styled(l.not_covered_title(), bold),
            Line::raw(""),
            Line::raw(because),
            Line::raw(""),
            Line::raw(format!("1  {}", l.not_covered_options()[0])),
            Line::raw(format!("2  {}", l.not_covered_options()[1])),
            Line::raw(format!("3  {}", l.not_covered_options()[2])),
        ]);
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .render(body, buf);
    }
}
