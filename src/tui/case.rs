//! The case: reference (never a BSN), decision date, and the period the
//! departure runs when the norm limits it.

use crossterm::event::{KeyCode, KeyEvent};
use jiff::ToSpan;
use jiff::civil::Date;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::field::{Field, first_visible};
use super::hints::Hint;
use super::keymap::{self, Binding, Key, Label};
use super::text::rows;
use crate::domain::dates::parse_typed_date as parse_date;
use crate::domain::decision::{case_problem, first_unplain, unplain_case};
use crate::domain::duration::CalendarDuration;
use crate::domain::norm::{DecisionFacts, Mandate, MandateOutcome};
use crate::i18n::{KeyAction, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Edit(KeyEvent),
    Next,
    Prev,
    Submit,
    Back,
}

/// The case as entered: reference, decision date, and the departure's
/// first day and first day no longer covered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseData {
    pub case: String,
    pub decision_date: Date,
    pub period: Option<(Date, Date)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Done(CaseData),
    Back,
}

/// Fields move with Tab and the arrows; other keys edit the field.
const KEYS: &[Binding<Msg>] = &[
    Binding::hinted(
        &[Key::Code(KeyCode::Tab), Key::Code(KeyCode::Down)],
        Msg::Next,
        Label::Fixed("Tab ↑↓"),
        KeyAction::Field,
    ),
    Binding::quiet(
        &[Key::Code(KeyCode::BackTab), Key::Code(KeyCode::Up)],
        Msg::Prev,
    ),
    Binding::hinted(
        &[Key::Code(KeyCode::Enter)],
        Msg::Submit,
        Label::Fixed("Enter"),
        KeyAction::Next,
    ),
    Binding::hinted(
        &[Key::Code(KeyCode::Esc)],
        Msg::Back,
        Label::Fixed("Esc"),
        KeyAction::Back,
    ),
];

pub struct CaseForm {
    lang: Lang,
    today: Date,
    fields: Vec<Field>,
    focus: usize,
    max_duration: Option<CalendarDuration>,
    /// The norm's mandaat and the author's role: how long a period the
    /// author may decide alone, said as the period is typed.
    own: Option<(Mandate, String)>,
    /// The earliest decision date the store accepts.
    earliest: Option<Date>,
    /// An extension: the first day the norm's longest total no longer
    /// covers.
    total_limit: Option<Date>,
    /// The norm keeps the period within one calendar year.
    one_year: bool,
}

const CASE: usize = 0;
const DATE: usize = 1;
const START: usize = 2;
const LAST: usize = 3;

impl CaseForm {
    /// A form for a norm with `max_duration` (which asks for the period),
    /// prefilled from a draft where there is one.
    pub fn new(
        lang: Lang,
        today: Date,
        max_duration: Option<CalendarDuration>,
        prefill: Option<&CaseData>,
    ) -> Self {
        let decision = prefill.map_or(today, |p| p.decision_date);
        let mut fields = vec![
            Field::new(
                lang.label_case_field(),
                prefill.map_or("", |p| p.case.as_str()),
            ),
            Field::new(lang.label_decision_date_field(), &lang.day(decision)),
        ];
        if let Some(max) = max_duration {
            let (start, last) = prefill.and_then(|p| p.period).map_or(
                (lang.day(decision), String::new()),
                |(s, e)| {
                    (
                        lang.day(s),
                        e.checked_sub(1.day())
                            .map(|d| lang.day(d))
                            .unwrap_or_default(),
                    )
                },
            );
            let mut start_field = Field::new(lang.label_first_day(), &start);
            start_field.note = Some(lang.max_duration_note(&lang.duration(max)));
            fields.push(start_field);
            fields.push(Field::new(lang.label_last_day(), &last));
        }
        Self {
            lang,
            today,
            fields,
            focus: 0,
            max_duration,
            own: None,
            earliest: None,
            total_limit: None,
            one_year: false,
        }
    }

    /// Refuses, at the last day, a period that runs into the next
    /// calendar year (a norm's `period_within = "calendar-year"`).
    #[must_use]
    pub fn within_calendar_year(mut self, yes: bool) -> Self {
        self.one_year = yes;
        self.refresh_mandate_note();
        self
    }

    /// Refuses, at the field, a decision date before `earliest` (the
    /// store's decision window).
    #[must_use]
    pub fn dated_from(mut self, earliest: Date) -> Self {
        self.earliest = Some(earliest);
        self
    }

    /// An extension: `so_far` said above the period, which may not run
    /// past `limit` (exclusive) together with the decisions it continues.
    #[must_use]
    pub fn extending(mut self, so_far: String, limit: Option<Date>) -> Self {
        self.total_limit = limit;
        if let Some(start) = self.fields.get_mut(START) {
            start.note = Some(match start.note.take() {
                Some(note) => format!("{so_far}; {note}"),
                None => so_far,
            });
        }
        self
    }

    /// Says, as the period is typed, whether it lies within the mandaat of
    /// an author in `role` under `mandate`.
    #[must_use]
    pub fn with_mandate(mut self, mandate: Mandate, role: &str) -> Self {
        self.own = Some((mandate, role.to_owned()));
        self.refresh_mandate_note();
        self
    }

    /// The note under the last day: the last day within the author's own
    /// mandaat, and whether the period typed goes beyond it.
    fn refresh_mandate_note(&mut self) {
        if self.fields.len() <= LAST {
            return;
        }
        self.fields[LAST].note = self.mandate_note();
    }

    fn mandate_note(&self) -> Option<String> {
        let l = self.lang;
        let (mandate, role) = self.own.as_ref()?;
        let start = parse_date(&self.fields[START].value())?;
        let last = parse_date(&self.fields[LAST].value());
        let facts = |end: Date| DecisionFacts {
            numbers: Vec::new(),
            period: Some((start, end)),
        };
        let Some(tier) = mandate.rank(role).map(|i| &mandate.tiers[i]) else {
            return Some(l.no_mandate_in_norm(role));
        };
        if mandate.four_eyes {
            return Some(l.four_eyes_note());
        }
        // The last day the author may decide alone: the tier's longest
        // period, else the norm's.
        let mut own_end = tier.max_duration.or(self.max_duration)?.end_from(start)?;
        // Within one calendar year, where the norm keeps it there.
        if self.one_year
            && let Ok(new_year) = jiff::civil::Date::new(start.year() + 1, 1, 1)
        {
            own_end = own_end.min(new_year);
        }
        let own_last = own_end.checked_sub(1.day()).ok()?;
        match last.and_then(|d| d.checked_add(1.day()).ok()) {
            Some(end) if end > own_end => {
                let MandateOutcome::NeedsReview { role: reviewer } =
                    mandate.outcome(role, &facts(end))
                else {
                    return None;
                };
                Some(l.beyond_own_mandate(own_last, &reviewer))
            }
            _ => Some(l.within_own_mandate(own_last)),
        }
    }

    pub fn hints(&self) -> Vec<Hint> {
        keymap::hints(KEYS, self.lang)
    }

    pub fn on_key(key: KeyEvent) -> Msg {
        keymap::lookup(KEYS, &key).unwrap_or(Msg::Edit(key))
    }

    pub fn update(&mut self, msg: Msg) -> Option<Outcome> {
        match msg {
            Msg::Edit(key) => {
                self.fields[self.focus].input(key);
                self.validate_focused();
                self.refresh_mandate_note();
            }
            Msg::Next => self.focus = (self.focus + 1).min(self.fields.len() - 1),
            Msg::Prev => self.focus = self.focus.saturating_sub(1),
            Msg::Back => return Some(Outcome::Back),
            Msg::Submit => {
                if self.focus + 1 < self.fields.len() {
                    self.validate_focused();
                    if self.fields[self.focus].error.is_none() {
                        self.focus += 1;
                    }
                } else {
                    return self.submit();
                }
            }
        }
        None
    }

    fn validate_focused(&mut self) {
        let error = self.error_of(self.focus);
        self.fields[self.focus].error = error;
    }

    /// What is wrong with field `i`, if anything.
    fn error_of(&self, i: usize) -> Option<String> {
        let l = self.lang;
        let value = self.fields[i].value();
        match i {
            CASE => case_problem(&value).map(|p| l.case_problem(p)).or_else(|| {
                let plain = unplain_case(&value)?;
                Some(l.case_not_plain(plain.as_deref(), first_unplain(&value)))
            }),
            DATE => match parse_date(&value) {
                None => Some(l.date_hint()),
                // A decision is recorded once it is taken.
                Some(date) if date > self.today => Some(l.decision_date_after_today()),
                Some(date) if self.earliest.is_some_and(|e| date < e) => {
                    self.earliest.map(|e| l.decision_date_before(e))
                }
                Some(_) => None,
            },
            START => parse_date(&value).is_none().then(|| l.date_hint()),
            _ => {
                let Some(last) = parse_date(&value) else {
                    return Some(l.date_hint());
                };
                let start = parse_date(&self.fields[START].value())?;
                if last < start {
                    return Some(l.field_before_first_day().into());
                }
                if self.one_year && last.year() != start.year() {
                    return Some(l.period_past_year_end(start.year()));
                }
                let end = last.checked_add(1.day()).ok()?;
                if let Some(limit) = self.total_limit.filter(|l| end > *l) {
                    return Some(l.extension_past_total(limit.yesterday().unwrap_or(limit)));
                }
                let limit = self.max_duration?.end_from(start)?;
                (end > limit).then(|| {
                    l.period_over_max(
                        &self.max_duration.map(|m| l.duration(m)).unwrap_or_default(),
                        limit.checked_sub(1.day()).unwrap_or(limit),
                    )
                })
            }
        }
    }

    /// What has been typed so far, as far as it reads: the case reference
    /// as typed, the dates that are dates. A draft keeps it when someone
    /// stops halfway.
    /// The field in focus.
    pub fn focus(&self) -> usize {
        self.focus
    }

    /// Every field as typed, also where it does not read yet.
    pub fn raw(&self) -> Vec<String> {
        self.fields.iter().map(Field::value).collect()
    }

    /// Back to `focus` with the fields as they were typed (from a draft).
    pub fn restore(&mut self, focus: usize, raw: &[String]) {
        for (field, text) in self.fields.iter_mut().zip(raw) {
            let note = field.note.take();
            *field = Field::new(field.label.clone(), text);
            field.note = note;
        }
        self.focus = focus.min(self.fields.len() - 1);
        self.refresh_mandate_note();
    }

    pub fn typed(&self) -> (String, Option<Date>, Option<(Date, Date)>) {
        let date = |i: usize| parse_date(&self.fields[i].value());
        let period = (self.fields.len() > LAST)
            .then(|| Some((date(START)?, date(LAST)?.checked_add(1.day()).ok()?)))
            .flatten();
        (
            self.fields[CASE].value().trim().to_owned(),
            date(DATE),
            period,
        )
    }

    fn submit(&mut self) -> Option<Outcome> {
        for i in 0..self.fields.len() {
            let error = self.error_of(i);
            self.fields[i].error.clone_from(&error);
            if error.is_some() {
                self.focus = i;
                return None;
            }
        }
        let date = |i: usize| parse_date(&self.fields[i].value());
        let period = if self.fields.len() > START {
            Some((date(START)?, date(LAST)?.checked_add(1.day()).ok()?))
        } else {
            None
        };
        Some(Outcome::Done(CaseData {
            case: self.fields[CASE].value().trim().to_owned(),
            decision_date: date(DATE)?,
            period,
        }))
    }
}

impl Widget for &CaseForm {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let l = self.lang;
        let heights: Vec<u16> = self.fields.iter().map(|f| f.height(area.width)).collect();
        let intro = rows(l.case_intro(), area.width).saturating_add(1);
        // The field in focus is shown whole, with its error: the intro only
        // where there is room, and on a short window the fields above the
        // focus scroll out of view. Fields are stacked, never squeezed.
        let focused = heights.get(self.focus).copied().unwrap_or(0);
        let top = if intro + focused <= area.height {
            intro
        } else {
            0
        };
        if top > 0 {
            Paragraph::new(l.case_intro())
                .wrap(Wrap { trim: true })
                .render(
                    Rect {
                        height: top,
                        ..area
                    },
                    buf,
                );
        }
        let first = first_visible(&heights, self.focus, area.height.saturating_sub(top));
        let bottom = area.y.saturating_add(area.height);
        let mut y = area.y.saturating_add(top);
        for (i, field) in self.fields.iter().enumerate().skip(first) {
            if y >= bottom {
                break;
            }
            let height = heights[i].min(bottom - y);
            field.render(Rect { y, height, ..area }, buf, i == self.focus);
            y += height;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;
    use jiff::civil::date;

    const TODAY: Date = date(2026, 11, 23);

    fn typed(form: &mut CaseForm, text: &str) {
        for c in text.chars() {
            form.update(Msg::Edit(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
        }
    }

    fn erase(form: &mut CaseForm, n: usize) {
        for _ in 0..n {
            form.update(Msg::Edit(KeyEvent::new(
                KeyCode::Backspace,
                KeyModifiers::NONE,
            )));
        }
    }

    /// Where the norm keeps the period within one calendar year, the own
    /// mandaat is said up to the year's end at most.
    #[test]
    fn the_own_mandaat_stops_at_the_end_of_the_year_where_the_norm_does() {
        let catalog = crate::domain::norm::catalog::Catalog::bundled();
        let norm = &catalog
            .get("pw-bijzondere-bijstand-boven-grens")
            .unwrap()
            .norm;
        assert!(norm.period_in_calendar_year);
        let form = CaseForm::new(Lang::Nl, TODAY, norm.max_duration, None)
            .within_calendar_year(true)
            .with_mandate(norm.mandate.clone(), "consulent");
        assert_eq!(
            form.fields[LAST].note.as_deref(),
            Some("✓ binnen uw mandaat t/m 31 december 2026")
        );
    }

    #[test]
    fn the_own_mandaat_is_said_as_the_period_is_typed() {
        let catalog = crate::domain::norm::catalog::Catalog::bundled();
        let norm = &catalog.get("pw-zoektermijn-jongeren").unwrap().norm;
        let mut form = CaseForm::new(Lang::Nl, TODAY, norm.max_duration, None)
            .with_mandate(norm.mandate.clone(), "consulent");
        // Before the last day is typed: how far the author's own mandaat
        // reaches (a consulent: one month).
        assert_eq!(
            form.fields[LAST].note.as_deref(),
            Some("✓ binnen uw mandaat t/m 22 december 2026")
        );
        typed(&mut form, "Z-1");
        form.update(Msg::Submit);
        form.update(Msg::Submit);
        form.update(Msg::Submit);
        typed(&mut form, "22-12-2026");
        assert_eq!(
            form.fields[LAST].note.as_deref(),
            Some("✓ binnen uw mandaat t/m 22 december 2026")
        );
        erase(&mut form, 10);
        typed(&mut form, "27-12-2026");
        assert_eq!(
            form.fields[LAST].note.as_deref(),
            Some(
                "⚠ langer dan uw mandaat (t/m 22 december 2026): het besluit gaat ter beoordeling naar een teamleider"
            )
        );
        assert_eq!(
            form.fields[LAST].error, None,
            "within the norm's three months"
        );
        // A teamleider may decide the norm's whole three months.
        let form = CaseForm::new(Lang::En, TODAY, norm.max_duration, None)
            .with_mandate(norm.mandate.clone(), "teamleider");
        assert_eq!(
            form.fields[LAST].note.as_deref(),
            Some("✓ within your mandaat up to and including 22 February 2027")
        );
    }

    #[test]
    fn a_decision_date_after_today_is_refused_at_its_field() {
        let mut form = CaseForm::new(Lang::Nl, TODAY, None, None);
        typed(&mut form, "Z-1");
        form.update(Msg::Submit);
        erase(&mut form, 10);
        typed(&mut form, "24-11-2026");
        assert!(
            form.fields[DATE]
                .error
                .as_deref()
                .is_some_and(|e| e.contains("na vandaag")),
            "{:?}",
            form.fields[DATE].error
        );
        assert_eq!(form.update(Msg::Submit), None);
        assert_eq!(form.focus, DATE, "does not move on");
        erase(&mut form, 10);
        typed(&mut form, "23-11-2026");
        assert_eq!(form.fields[DATE].error, None);
    }

    #[test]
    fn a_bsn_is_explained_and_the_form_does_not_move_on() {
        let mut form = CaseForm::new(Lang::Nl, TODAY, None, None);
        typed(&mut form, "123456782");
        assert!(
            form.fields[CASE]
                .error
                .as_deref()
                .is_some_and(|e| e.contains("BSN"))
        );
        assert_eq!(form.update(Msg::Submit), None);
        assert_eq!(form.focus, CASE);
        erase(&mut form, 9);
        typed(&mut form, "Z-2026-001234");
        assert_eq!(form.fields[CASE].error, None);
        form.update(Msg::Submit);
        assert_eq!(
            form.update(Msg::Submit),
            Some(Outcome::Done(CaseData {
                case: "Z-2026-001234".into(),
                decision_date: TODAY,
                period: None,
            }))
        );
    }

    #[test]
    fn the_period_is_asked_inclusively_and_held_to_the_norm() {
        let max = CalendarDuration::parse_iso("P3M").unwrap();
        let mut form = CaseForm::new(Lang::En, TODAY, Some(max), None);
        typed(&mut form, "Z-1");
        form.update(Msg::Submit);
        form.update(Msg::Submit);
        form.update(Msg::Submit);
        assert_eq!(form.focus, LAST);
        typed(&mut form, "23-03-2027");
        assert!(
            form.fields[LAST]
                .error
                .as_deref()
                .is_some_and(|e| e.contains("22 February 2027")),
            "{:?}",
            form.fields[LAST].error
        );
        erase(&mut form, 10);
        typed(&mut form, "22-02-2027");
        assert_eq!(form.fields[LAST].error, None);
        let Some(Outcome::Done(data)) = form.update(Msg::Submit) else {
            panic!("not done")
        };
        assert_eq!(
            data.period,
            Some((TODAY, date(2027, 2, 23))),
            "end is the first day not covered"
        );
    }

    /// A norm that keeps the period within one calendar year says so at
    /// the last day, and a look-alike case reference is said at the case.
    #[test]
    fn a_period_into_the_next_year_and_a_look_alike_case_are_said_at_their_fields() {
        let max = CalendarDuration::parse_iso("P12M").unwrap();
        let mut form = CaseForm::new(Lang::Nl, TODAY, Some(max), None).within_calendar_year(true);
        typed(&mut form, "\u{41C}R-1");
        assert_eq!(form.update(Msg::Submit), None);
        assert_eq!(
            form.fields[CASE].error.as_deref(),
            Some("teken 1 (‘М’, U+041C) is geen gewone letter of cijfer: typ het zaaknummer over")
        );
        erase(&mut form, 4);
        typed(&mut form, "MR-1");
        form.update(Msg::Submit);
        form.update(Msg::Submit);
        form.update(Msg::Submit);
        assert_eq!(form.focus, LAST);
        typed(&mut form, "31-01-2027");
        assert_eq!(form.update(Msg::Submit), None);
        assert_eq!(
            form.fields[LAST].error.as_deref(),
            Some("binnen één kalenderjaar: uiterlijk t/m 31 december 2026")
        );
        erase(&mut form, 10);
        typed(&mut form, "31-12-2026");
        assert!(matches!(form.update(Msg::Submit), Some(Outcome::Done(_))));
    }

    #[test]
    fn esc_goes_back() {
        let mut form = CaseForm::new(Lang::Nl, TODAY, None, None);
        assert_eq!(
            form.update(CaseForm::on_key(KeyEvent::new(
                KeyCode::Esc,
                KeyModifiers::NONE
            ))),
            Some(Outcome::Back)
        );
    }

    #[test]
    fn at_the_smallest_window_the_focused_field_and_its_error_show() {
        let max = CalendarDuration::parse_iso("P3M").unwrap();
        let mut form = CaseForm::new(Lang::En, TODAY, Some(max), None);
        typed(&mut form, "Z-1");
        for _ in 0..3 {
            form.update(Msg::Submit);
        }
        typed(&mut form, "23-03-2027");
        // The walkthrough's smallest window, 50×14, leaves 48×10 inside.
        let mut buf = Buffer::empty(Rect::new(0, 0, 48, 10));
        (&form).render(buf.area, &mut buf);
        let screen: String = buf
            .content
            .iter()
            .map(ratatui::buffer::Cell::symbol)
            .collect();
        assert!(screen.contains("▶ Up to and including"), "{screen}");
        assert!(screen.contains("23-03-2027"), "{screen}");
        assert!(
            screen.contains("22 February 2027"),
            "the error shows: {screen}"
        );
    }
}
