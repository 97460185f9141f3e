//! The learning report: what a store's decisions say about the rules they
//! depart from. How often each norm and each standard rule was departed
//! from, month by month; how many decisions were within the author's
//! mandaat and how reviews went; how long a decision waited for its
//! review; where caseworkers found no norm (signals); which norms were
//! never used. A rule departed from again and again is flagged: once a
//! departure has settled into a pattern it should become a rule itself
//! (Aanwijzing voor de regelgeving 5.25 lid 3).
//!
//! Only roles, norms and rules are counted, never cases or names: the
//! report can be shared as it is.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};

use super::lifecycle::{Event, Status, Story};
use super::norm::Norm;
use super::record::Record;
use super::review::Verdict;
use super::signal::Signal;

/// The days a report covers, both inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub from: Date,
    pub to: Date,
}

impl Window {
    /// The twelve months up to and including `to`.
    pub fn year_to(to: Date) -> Self {
        let from = to
            .checked_sub(1.year())
            .and_then(Date::tomorrow)
            .unwrap_or(Date::MIN);
        Self { from, to }
    }

    pub fn contains(&self, day: Date) -> bool {
        self.from <= day && day <= self.to
    }

    /// The first day of each month the window touches, in order.
    pub fn months(&self) -> Vec<Date> {
        let mut months = Vec::new();
        let mut month = self.from.first_of_month();
        while month <= self.to {
            months.push(month);
            match month.checked_add(1.month()) {
                Ok(next) => month = next,
                Err(_) => break,
            }
        }
        months
    }
}

/// How decisions went: within mandaat or sent for review, and the
/// verdicts the reviews gave.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcomes {
    /// Decisions (each in its latest version) …
    pub decisions: usize,
    /// … of which within the author's mandaat …
    pub within_mandaat: usize,
    /// … and of which drawn up for review.
    pub for_review: usize,
    /// Review verdicts given on the decisions and on the versions they
    /// replaced.
    pub approved: usize,
    pub returned: usize,
    pub rejected: usize,
    /// Decisions still waiting for a review.
    pub waiting: usize,
    pub withdrawn: usize,
    /// Decisions that took effect: within mandaat or approved, also those
    /// since withdrawn or ended.
    pub took_effect: usize,
}

/// One norm's line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormLine {
    pub title: String,
    pub domain: Option<String>,
    pub rule: String,
    pub outcomes: Outcomes,
}

/// One standard rule's line: departed from through one or more norms.
/// Only decisions that took effect count: a departure refused, returned
/// or still waiting did not happen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleLine {
    /// Departures in the report's window …
    pub decisions: usize,
    /// … and in the twelve months up to its last day.
    pub in_year: usize,
    pub norms: BTreeSet<String>,
    /// Whether it is a local rule (which the municipality can change), not
    /// only an article of a national law.
    pub local: bool,
}

/// What a norm in the store says about itself, for the report.
#[derive(Debug, Clone)]
struct NormFacts {
    domain: String,
    /// The local rule it departs from, when the norm names one.
    local: Option<String>,
}

/// The learning report as it is tallied, record by record.
#[derive(Debug, Clone)]
pub struct Learning {
    pub window: Window,
    /// The twelve months a rule's departures are flagged over.
    pub year: Window,
    pub outcomes: Outcomes,
    /// By norm id.
    pub norms: BTreeMap<String, NormLine>,
    /// By the rule departed from, as [`rule_label`] words it.
    pub rules: BTreeMap<String, RuleLine>,
    /// Decisions by the month of their decision date, every month of the
    /// window included.
    pub months: BTreeMap<Date, usize>,
    /// Decisions by the author's role.
    pub roles: BTreeMap<String, usize>,
    /// Signals by the domain of the norm that was tried; `None` when no
    /// norm was.
    pub signals: BTreeMap<Option<String>, usize>,
    /// Norms in force on the window's last day without a single decision
    /// in it: (id, title).
    pub unused: Vec<(String, String)>,
    /// Seconds from signing to the first review, for each reviewed
    /// decision.
    waits: Vec<i64>,
    facts: HashMap<String, Option<NormFacts>>,
}

impl Learning {
    pub fn new(window: Window) -> Self {
        Self {
            window,
            year: Window::year_to(window.to),
            outcomes: Outcomes::default(),
            norms: BTreeMap::new(),
            rules: BTreeMap::new(),
            months: window.months().into_iter().map(|m| (m, 0)).collect(),
            roles: BTreeMap::new(),
            signals: BTreeMap::new(),
            unused: Vec::new(),
            waits: Vec::new(),
            facts: HashMap::new(),
        }
    }

    /// The first day a record must be decided on to count: the window's or
    /// the twelve months' first, whichever is earlier.
    pub fn reads_from(&self) -> Date {
        self.window.from.min(self.year.from)
    }

    /// Takes `record`, with its `story`, into the tally; `norm` gives the
    /// norm a record relies on by its sha256 (read once per norm).
    /// A record verify found an error in (`valid` false) is counted as a
    /// decision, never as one that took effect.
    pub fn take(
        &mut self,
        (record, valid): (&Record, bool),
        story: &Story<'_>,
        norm: &mut dyn FnMut(&str) -> Option<Norm>,
    ) {
        let day = record.decision_date;
        let in_window = self.window.contains(day);
        let counts = story.life.status != Status::Superseded;
        let took_effect = valid && story.took_effect(record);
        // Each norm read once; a record only borrows what it says.
        if !self.facts.contains_key(&record.norm.sha256) {
            let facts = norm(&record.norm.sha256).map(|n| NormFacts {
                domain: n.domain,
                local: n.rule.local.map(|l| match &l.article {
                    Some(article) => format!("{} art. {article}", l.title),
                    None => l.title,
                }),
            });
            self.facts.insert(record.norm.sha256.clone(), facts);
        }
        let facts = self.facts.get(&record.norm.sha256).and_then(Option::as_ref);
        let rule = rule_label(facts.and_then(|f| f.local.as_deref()), record);
        let local = facts.is_some_and(|f| f.local.is_some());
        if took_effect && self.year.contains(day) {
            let line = self.rules.entry(rule.clone()).or_default();
            line.in_year += 1;
            line.local = local;
        }
        if !in_window {
            return;
        }
        let line = self
            .norms
            .entry(record.norm.id.clone())
            .or_insert_with(|| NormLine {
                title: record.norm.title.clone(),
                domain: facts.map(|f| f.domain.clone()),
                rule: rule.clone(),
                outcomes: Outcomes::default(),
            });
        let mut verdicts = Outcomes::default();
        let mut first_review: Option<Timestamp> = None;
        for event in &story.events {
            if let Event::Reviewed(review) = event {
                first_review = Some(first_review.map_or(review.created, |t| t.min(review.created)));
                match review.verdict {
                    Verdict::Approve => verdicts.approved += 1,
                    Verdict::Return => verdicts.returned += 1,
                    Verdict::Reject => verdicts.rejected += 1,
                }
            }
        }
        if let Some(at) = first_review {
            self.waits.push(at.duration_since(record.created).as_secs());
        }
        let add = |o: &mut Outcomes| {
            o.approved += verdicts.approved;
            o.returned += verdicts.returned;
            o.rejected += verdicts.rejected;
            if counts {
                o.decisions += 1;
                if record.mandate.review_role.is_some() {
                    o.for_review += 1;
                } else {
                    o.within_mandaat += 1;
                }
                o.waiting += usize::from(story.life.status == Status::ForReview);
                o.withdrawn += usize::from(story.life.status == Status::Withdrawn);
                o.took_effect += usize::from(took_effect);
            }
        };
        add(&mut line.outcomes);
        add(&mut self.outcomes);
        if took_effect {
            let rule = self.rules.entry(rule).or_default();
            rule.decisions += 1;
            rule.local = local;
            rule.norms.insert(record.norm.id.clone());
        }
        if counts {
            *self.months.entry(day.first_of_month()).or_default() += 1;
            *self.roles.entry(record.author.role.clone()).or_default() += 1;
        }
    }

    /// Takes a signal into the tally, when it was made in the window.
    pub fn take_signal(&mut self, signal: &Signal, norm: &mut dyn FnMut(&str) -> Option<Norm>) {
        let day = signal.created.to_zoned(jiff::tz::TimeZone::UTC).date();
        if !self.window.contains(day) {
            return;
        }
        let domain = signal
            .norm
            .as_ref()
            .and_then(|tried| norm(&tried.sha256))
            .map(|n| n.domain);
        *self.signals.entry(domain).or_default() += 1;
    }

    /// Notes the norms in force at the window's end: those without a
    /// decision in it are never used.
    pub fn in_force(&mut self, norms: &[&Norm]) {
        self.unused = norms
            .iter()
            .filter(|n| !self.norms.contains_key(&n.id))
            .map(|n| (n.id.clone(), n.title.clone()))
            .collect();
        self.unused.sort();
    }

    /// The median time from signing to the first review, in seconds.
    pub fn median_wait(&self) -> Option<i64> {
        let mut waits = self.waits.clone();
        waits.sort_unstable();
        let n = waits.len();
        match n {
            0 => None,
            _ if n % 2 == 1 => Some(waits[n / 2]),
            _ => Some(i64::midpoint(waits[n / 2 - 1], waits[n / 2])),
        }
    }

    /// How many decisions had a review.
    pub fn reviewed(&self) -> usize {
        self.waits.len()
    }

    /// The rules departed from at least `at_least` times in the twelve
    /// months, most often first.
    pub fn recurring(&self, at_least: usize) -> Vec<(&str, &RuleLine)> {
        let mut rules: Vec<(&str, &RuleLine)> = self
            .rules
            .iter()
            .filter(|(_, r)| r.in_year >= at_least.max(1))
            .map(|(k, r)| (k.as_str(), r))
            .collect();
        rules.sort_by(|a, b| b.1.in_year.cmp(&a.1.in_year).then(a.0.cmp(b.0)));
        rules
    }

    /// The domains with at least `at_least` signals, most first.
    pub fn signal_domains(&self, at_least: usize) -> Vec<(Option<&str>, usize)> {
        let mut domains: Vec<(Option<&str>, usize)> = self
            .signals
            .iter()
            .filter(|(_, n)| **n >= at_least.max(1))
            .map(|(d, n)| (d.as_deref(), *n))
            .collect();
        domains.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        domains
    }
}

/// The rule a record departs from: the local rule its norm names, with the
/// legal basis the record states.
pub fn rule_label(local: Option<&str>, record: &Record) -> String {
    let basis = record.norm.basis_label.trim();
    match (local, basis.is_empty()) {
        (Some(local), false) => format!("{local} ({basis})"),
        (Some(local), true) => local.to_owned(),
        (None, _) if !basis.is_empty() => basis.to_owned(),
        (None, _) => record.norm.basis.clone(),
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::domain::lifecycle::Life;
    use crate::domain::norm::catalog::Catalog;
    use crate::domain::review::{RecordRef, Review};
    use crate::domain::testing::record_on;

    fn norm(id: &str) -> Norm {
        Catalog::bundled()
            .get(id)
            .expect("bundled norm")
            .norm
            .clone()
    }

    fn review(verdict: Verdict, at: &str) -> Review {
        Review {
            format: "maatwerk-review/1".into(),
            id: "RV-1".into(),
            created: at.parse().unwrap(),
            seq: 1,
            prev: None,
            keyring: Vec::new(),
            adoptions: Vec::new(),
            verdict,
            remark: None,
            record: RecordRef {
                id: "MW-1".into(),
                sha256: String::new(),
            },
            reviewer: record_on(&norm("pw-zoektermijn-jongeren"), "tl", "teamleider", 1.0).author,
        }
    }

    fn story(status: Status, events: Vec<Event<'_>>) -> Story<'_> {
        Story {
            life: Life {
                status,
                waiting_for: None,
                norm_revised: false,
            },
            events,
            problems: Vec::new(),
        }
    }

    fn on(id: &str, day: Date, review_role: Option<&str>) -> Record {
        let mut record = record_on(&norm(id), "anna", "consulent", 100.0);
        record.decision_date = day;
        record.created = day.to_zoned(jiff::tz::TimeZone::UTC).unwrap().timestamp();
        record.norm.basis_label = format!("basis of {id}");
        record.mandate.review_role = review_role.map(str::to_owned);
        record
    }

    fn no_norm(_: &str) -> Option<Norm> {
        None
    }

    #[test]
    fn a_year_runs_up_to_and_including_its_last_day() {
        let year = Window::year_to(date(2026, 11, 30));
        assert_eq!(year.from, date(2025, 12, 1));
        assert!(year.contains(date(2026, 11, 30)) && !year.contains(date(2025, 11, 30)));
        let months = Window {
            from: date(2026, 1, 31),
            to: date(2026, 3, 1),
        }
        .months();
        assert_eq!(
            months,
            [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]
        );
    }

    #[test]
    fn decisions_are_counted_once_in_their_latest_version_and_every_verdict_counts() {
        let window = Window {
            from: date(2026, 6, 1),
            to: date(2026, 11, 30),
        };
        let mut learning = Learning::new(window);
        let id = "pw-zoektermijn-jongeren";
        let returned = review(Verdict::Return, "2026-07-01T02:00:00Z");
        let approved = review(Verdict::Approve, "2026-07-02T00:00:00Z");
        // Returned, then revised: the first version is superseded.
        let first = on(id, date(2026, 7, 1), Some("teamleider"));
        learning.take(
            (&first, true),
            &story(Status::Superseded, vec![Event::Reviewed(&returned)]),
            &mut no_norm,
        );
        let second = on(id, date(2026, 7, 1), Some("teamleider"));
        learning.take(
            (&second, true),
            &story(Status::Approved, vec![Event::Reviewed(&approved)]),
            &mut no_norm,
        );
        let within = on(id, date(2026, 9, 15), None);
        learning.take(
            (&within, true),
            &story(Status::Decided, Vec::new()),
            &mut no_norm,
        );
        let waiting = on(id, date(2026, 9, 16), Some("teamleider"));
        learning.take(
            (&waiting, true),
            &story(Status::ForReview, Vec::new()),
            &mut no_norm,
        );
        // Before the window: only in the twelve months.
        let early = on(id, date(2026, 1, 5), None);
        learning.take(
            (&early, true),
            &story(Status::Decided, Vec::new()),
            &mut no_norm,
        );

        let o = learning.outcomes;
        assert_eq!(
            (o.decisions, o.within_mandaat, o.for_review, o.waiting),
            (3, 1, 2, 1)
        );
        assert_eq!((o.approved, o.returned, o.rejected), (1, 1, 0));
        assert_eq!(learning.norms[id].outcomes, o);
        // Departures that took effect: the approved, the one within
        // mandaat, and the one before the window (in the twelve months).
        let rule = &learning.rules[&format!("basis of {id}")];
        assert_eq!((rule.decisions, rule.in_year), (2, 3));
        assert_eq!(o.took_effect, 2);
        assert_eq!(learning.months[&date(2026, 7, 1)], 1);
        assert_eq!(learning.months[&date(2026, 9, 1)], 2);
        assert_eq!(
            learning.months.len(),
            6,
            "every month, also without decisions"
        );
        assert_eq!(learning.roles["consulent"], 3);
        // Two hours to the return, a day to the approval.
        assert_eq!(learning.reviewed(), 2);
        assert_eq!(
            learning.median_wait(),
            Some(i64::midpoint(2 * 3600, 24 * 3600))
        );
    }

    #[test]
    fn a_rule_is_flagged_at_its_threshold_and_the_norm_never_used_is_named() {
        let window = Window {
            from: date(2026, 1, 1),
            to: date(2026, 12, 31),
        };
        let mut learning = Learning::new(window);
        for day in 1..=10 {
            let record = on("pw-zoektermijn-jongeren", date(2026, 3, day), None);
            learning.take(
                (&record, true),
                &story(Status::Decided, Vec::new()),
                &mut no_norm,
            );
        }
        let once = on("pw-betaling-per-week", date(2026, 3, 1), None);
        learning.take(
            (&once, true),
            &story(Status::Decided, Vec::new()),
            &mut no_norm,
        );
        let flagged = learning.recurring(10);
        assert_eq!(flagged.len(), 1);
        assert_eq!(flagged[0].0, "basis of pw-zoektermijn-jongeren");
        assert_eq!(flagged[0].1.in_year, 10);
        assert!(learning.recurring(11).is_empty());

        let (a, b, c) = (
            norm("pw-zoektermijn-jongeren"),
            norm("pw-betaling-per-week"),
            norm("mw-doorbraakbudget"),
        );
        learning.in_force(&[&a, &b, &c]);
        assert_eq!(
            learning.unused,
            [(c.id.clone(), c.title.clone())],
            "only the norm without a decision"
        );
    }

    #[test]
    fn a_rule_is_named_by_the_local_rule_and_its_legal_basis() {
        let mut learning = Learning::new(Window::year_to(date(2026, 11, 30)));
        let id = "pw-bijzondere-bijstand-boven-grens";
        let record = on(id, date(2026, 11, 1), None);
        let mut lookup = |_: &str| Some(norm(id));
        learning.take(
            (&record, true),
            &story(Status::Decided, Vec::new()),
            &mut lookup,
        );
        let line = &learning.norms[id];
        assert_eq!(
            line.rule,
            format!("Beleidsregels bijzondere bijstand art. 4 (basis of {id})")
        );
        assert_eq!(line.domain.as_deref(), Some("participatiewet"));
        assert!(
            learning.rules[&line.rule].local,
            "a local rule, which the municipality can change"
        );
    }

    #[test]
    fn signals_count_by_the_domain_of_the_norm_tried_within_the_window() {
        let mut learning = Learning::new(Window {
            from: date(2026, 11, 1),
            to: date(2026, 11, 30),
        });
        let signal = |day: &str, tried: Option<&str>| Signal {
            format: "maatwerk-signal/1".into(),
            id: "SG-1".into(),
            created: format!("{day}T10:00:00Z").parse().unwrap(),
            keyring: None,
            case: "Z-1".into(),
            norm: tried.map(|id| crate::domain::signal::TriedNorm {
                id: id.into(),
                version: 1,
                sha256: id.into(),
                failed_check: None,
            }),
            text: String::new(),
            author: record_on(&norm("pw-zoektermijn-jongeren"), "anna", "consulent", 1.0).author,
        };
        let mut lookup = |sha: &str| Some(norm(sha));
        learning.take_signal(
            &signal("2026-11-02", Some("jw-jeugdhulp-na-18")),
            &mut lookup,
        );
        learning.take_signal(
            &signal("2026-11-03", Some("jw-jeugdhulp-na-18")),
            &mut lookup,
        );
        learning.take_signal(&signal("2026-11-04", None), &mut lookup);
        learning.take_signal(&signal("2026-10-31", None), &mut lookup);
        assert_eq!(learning.signal_domains(2), [(Some("jeugd"), 2)]);
        assert_eq!(
            learning.signal_domains(1),
            [(Some("jeugd"), 2), (None, 1)],
            "the signal before the window is not counted"
        );
    }
}
