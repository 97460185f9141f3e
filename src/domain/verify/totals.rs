//! Totals over several decisions, counted again over the whole store once
//! every record is read: for each record on a norm with `[[total]]`, what
//! the decisions signed before it that still held then come to, against
//! what the record states. Whether the total went past its maximum — and
//! so the record should have been refused or sent for review — the
//! record's own check decides from what it states ([`super::derive`]);
//! here the statement itself is proven, so a record cannot state less
//! than the store shows.
//!
//! Decisions for one case are few and counted directly; a team's total is
//! counted in one pass in signing order over a tree of sums by decision
//! date, so a store of a hundred thousand records is counted in
//! `n log n`.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use jiff::Timestamp;
use jiff::civil::Date;

use super::acts::Acts;
use super::{Finding, FindingKind};
use crate::domain::norm::Norm;
use crate::domain::norm::total::{Scope, Total};
use crate::domain::number::Decimal;
use crate::domain::record::{Record, RecordFormat};
use crate::domain::review::Verdict;
use crate::domain::totals::{Counted, Names};

/// A record kept for the count: what it adds, and what it states.
#[derive(Debug, Clone)]
pub struct Entry {
    pub file: Box<str>,
    pub counted: Counted,
    /// The norm it relied on, by sha256.
    pub norm: Arc<str>,
    pub states_totals: bool,
    /// What it states the earlier decisions came to, by total.
    pub stated: Vec<(Arc<str>, Decimal)>,
    pub revises: Option<String>,
}

/// The records kept for the count, their names held once.
#[derive(Debug, Default)]
pub struct Counting {
    pub entries: Vec<Entry>,
    names: Names,
}

impl Counting {
    pub fn take(&mut self, file: &str, record: &Record) {
        let names = &mut self.names;
        self.entries.push(Entry {
            file: file.into(),
            counted: Counted::of_in(record, names),
            norm: names.get(&record.norm.sha256),
            states_totals: RecordFormat::of(&record.format)
                .is_some_and(RecordFormat::states_totals),
            stated: record
                .totals
                .iter()
                .map(|line| (names.get(&line.id), line.earlier))
                .collect(),
            revises: record.revises.clone(),
        });
    }
}

/// The ids of the norms whose decisions some total counts.
pub fn counted_norms(snapshots: &HashMap<String, Option<Norm>>) -> HashSet<String> {
    snapshots
        .values()
        .flatten()
        .flat_map(|n| n.totals.iter().flat_map(|t| t.norms.iter().cloned()))
        .collect()
}

/// A finding for every record whose stated totals are not what the store
/// gives.
pub fn check(
    snapshots: &HashMap<String, Option<Norm>>,
    acts: &Acts,
    entries: &[Entry],
    findings: &mut Vec<Finding>,
) {
    if entries.is_empty() {
        return;
    }
    let stops = stops(acts, entries);
    let stop = |e: &Entry| stops.get(e.counted.id.as_str()).copied();
    let mut by_case: HashMap<&str, Vec<&Entry>> = HashMap::new();
    for e in entries {
        by_case
            .entry(e.counted.case_key.as_str())
            .or_default()
            .push(e);
    }
    // What each record's totals come to, in a slot per (record, total):
    // with a decision that stopped holding in the very second the record
    // was signed left out, and counted (which came first within a second
    // of two signers cannot be told, so either will do).
    let norm_of = |e: &Entry| snapshots.get(&*e.norm).and_then(Option::as_ref);
    let mut offsets = Vec::with_capacity(entries.len());
    let mut slots = 0;
    for e in entries {
        offsets.push(slots);
        slots += norm_of(e).map_or(0, |n| n.totals.len());
    }
    let mut found: Vec<(Decimal, Decimal)> = vec![(Decimal::ZERO, Decimal::ZERO); slots];
    let mut team: Vec<(&Total, Vec<&Entry>, Vec<usize>)> = Vec::new();
    for (e, offset) in entries.iter().zip(&offsets) {
        let Some(norm) = norm_of(e) else {
            continue;
        };
        for (t, total) in norm.totals.iter().enumerate() {
            let slot = offset + t;
            match total.per {
                Scope::Case => {
                    let sum = |lenient: bool| -> Decimal {
                        by_case[e.counted.case_key.as_str()]
                            .iter()
                            .filter(|o| holds_then(stop(o), &e.counted, lenient))
                            .filter(|o| o.counted.counts_for(total, &e.counted))
                            .map(|o| measure(total, o))
                            .sum()
                    };
                    found[slot] = (sum(false), sum(true));
                }
                Scope::Team => match team.iter_mut().find(|(t, _, _)| *t == total) {
                    Some((_, queries, at)) => {
                        queries.push(e);
                        at.push(slot);
                    }
                    None => team.push((total, vec![e], vec![slot])),
                },
            }
        }
    }
    for (total, queries, at) in team {
        let strict = team_sums(total, entries, &queries, &stop, false);
        let lenient = team_sums(total, entries, &queries, &stop, true);
        for ((slot, (_, low)), (_, high)) in at.into_iter().zip(strict).zip(lenient) {
            found[slot] = (low, high);
        }
    }
    for (e, offset) in entries.iter().zip(&offsets) {
        let Some(norm) = norm_of(e) else {
            continue;
        };
        for (t, total) in norm.totals.iter().enumerate() {
            let (low, high) = found[offset + t];
            let stated = e
                .stated
                .iter()
                .find(|(id, _)| **id == *total.id)
                .map(|(_, earlier)| *earlier);
            // A record of format 4 without the line is found by its own
            // check (it contradicts its norm); one in an older format
            // cannot state it at all.
            if stated.is_none() && e.states_totals {
                continue;
            }
            let sum = match stated {
                Some(s) if s > high => high,
                _ => low,
            };
            if stated.is_none_or(|s| s < low || s > high) {
                findings.push(Finding::new(
                    e.file.clone(),
                    FindingKind::TotalMisstated {
                        total: total.id.clone(),
                        stated,
                        found: sum,
                        unit: crate::domain::decision::totals::unit(norm, total).map(str::to_owned),
                        counted: total.sum.is_none(),
                    },
                ));
            }
        }
    }
}

fn measure(total: &Total, e: &Entry) -> Decimal {
    total.measure(e.counted.numbers.iter().map(|(id, n)| (&**id, *n)))
}

/// Whether `other` still held when `this` was signed: it stopped holding
/// (withdrawn, returned, rejected, revised) only after — or, `lenient`,
/// not before that second.
fn holds_then(stopped: Option<Timestamp>, this: &Counted, lenient: bool) -> bool {
    stopped.is_none_or(|at| at > this.created || (lenient && at == this.created))
}

/// When each record stopped holding: its first withdrawal, return or
/// rejection, or the record that revises it.
fn stops<'a>(acts: &'a Acts, entries: &'a [Entry]) -> HashMap<&'a str, Timestamp> {
    let mut stops: HashMap<&str, Timestamp> = HashMap::new();
    let mut stop = |id: &'a str, at: Timestamp| {
        let t = stops.entry(id).or_insert(at);
        *t = (*t).min(at);
    };
    for (_, w) in &acts.withdrawals {
        stop(&w.record.id, w.created);
    }
    for (_, r) in &acts.reviews {
        if matches!(r.verdict, Verdict::Return | Verdict::Reject) {
            stop(&r.record.id, r.created);
        }
    }
    for e in entries {
        if let Some(revised) = &e.revises {
            stop(revised, e.counted.created);
        }
    }
    stops
}

/// For each of `queries`, what the team's decisions signed before it that
/// held then and lie in its window come to: one pass in time order over
/// a tree of sums by decision date.
fn team_sums<'a>(
    total: &Total,
    entries: &'a [Entry],
    queries: &[&'a Entry],
    stop: &dyn Fn(&Entry) -> Option<Timestamp>,
    lenient: bool,
) -> Vec<(&'a str, Decimal)> {
    let counting: Vec<&Entry> = entries
        .iter()
        .filter(|e| total.counts_norm(&e.counted.norm))
        .collect();
    let mut days: Vec<Date> = counting.iter().map(|e| e.counted.decision_date).collect();
    days.sort_unstable();
    days.dedup();
    let mut events: Vec<Event<'_>> = Vec::new();
    for e in &counting {
        let at = days.partition_point(|d| *d < e.counted.decision_date);
        let m = measure(total, e);
        let stopped = stop(e);
        // Stopped in the second it was signed: it held for nobody.
        if stopped.is_some_and(|s| s <= e.counted.created) {
            continue;
        }
        events.push(Event::of(&e.counted, Step::Add(at, m)));
        if let Some(stopped) = stopped {
            events.push(Event {
                at: stopped,
                author: "",
                seq: 0,
                step: Step::Stop(at, -m, lenient),
            });
        }
    }
    for (i, q) in queries.iter().enumerate() {
        events.push(Event::of(&q.counted, Step::Query(i)));
    }
    // At one moment: stops first (when lenient: last); then each author's additions and
    // queries in chain order (a query before its own addition), seen by
    // that author only; then every addition, for what comes later.
    events.sort_by(|a, b| {
        (a.at, a.step.rank(), a.author, a.seq, a.step.after()).cmp(&(
            b.at,
            b.step.rank(),
            b.author,
            b.seq,
            b.step.after(),
        ))
    });
    let mut tree = Fenwick::new(days.len());
    // In the order of `queries`, whatever the order of signing.
    let mut out: Vec<(&str, Decimal)> = vec![("", Decimal::ZERO); queries.len()];
    for moment in events.chunk_by(|a, b| a.at == b.at) {
        for author in moment.chunk_by(|a, b| a.author == b.author) {
            for event in author {
                match event.step {
                    Step::Stop(i, m, _) | Step::Add(i, m) => tree.add(i, m),
                    Step::Query(i) => {
                        let q = &queries[i].counted;
                        let (from, through) = total.window.bounds(q.decision_date);
                        let lo = from.map_or(0, |f| days.partition_point(|d| *d < f));
                        let hi = through.map_or(days.len(), |t| days.partition_point(|d| *d <= t));
                        out[i] = (q.id.as_str(), tree.range(lo, hi));
                    }
                }
            }
            // Other authors in the same second do not see these yet.
            for event in author {
                if let Step::Add(i, m) = event.step {
                    tree.add(i, -m);
                }
            }
        }
        for event in moment {
            if let Step::Add(i, m) = event.step {
                tree.add(i, m);
            }
        }
    }
    out
}

/// One moment in the sweep over a team's decisions.
struct Event<'a> {
    at: Timestamp,
    author: &'a str,
    seq: u64,
    step: Step,
}

impl<'a> Event<'a> {
    fn of(c: &'a Counted, step: Step) -> Self {
        Self {
            at: c.created,
            author: &c.author,
            seq: c.seq,
            step,
        }
    }
}

#[derive(Clone, Copy)]
enum Step {
    /// A decision stops holding: its amount off, at its date's position;
    /// after the queries of that second when lenient.
    Stop(usize, Decimal, bool),
    /// A decision is signed: its amount on, at its date's position.
    Add(usize, Decimal),
    /// What the decisions signed before `queries[i]` come to.
    Query(usize),
}

impl Step {
    fn rank(self) -> u8 {
        match self {
            Self::Stop(_, _, false) => 0,
            Self::Stop(_, _, true) => 2,
            _ => 1,
        }
    }

    fn after(self) -> u8 {
        u8::from(matches!(self, Self::Add(..)))
    }
}

/// Sums over positions, updated and read in `log n`.
struct Fenwick(Vec<Decimal>);

impl Fenwick {
    fn new(n: usize) -> Self {
        Self(vec![Decimal::ZERO; n + 1])
    }

    fn add(&mut self, at: usize, value: Decimal) {
        let mut i = at + 1;
        while i < self.0.len() {
            self.0[i] += value;
            i += i & i.wrapping_neg();
        }
    }

    /// The sum of positions before `end`.
    fn prefix(&self, end: usize) -> Decimal {
        let mut sum = Decimal::ZERO;
        let mut i = end;
        while i > 0 {
            sum += self.0[i];
            i -= i & i.wrapping_neg();
        }
        sum
    }

    /// The sum of positions `lo..hi`.
    fn range(&self, lo: usize, hi: usize) -> Decimal {
        if hi <= lo {
            Decimal::ZERO
        } else {
            self.prefix(hi) - self.prefix(lo)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::norm::total::{Beyond, Window};
    use jiff::civil::date;

    fn entry(id: &str, author: &str, seq: u64, at: i64, day: i8, amount: i64) -> Entry {
        Entry {
            file: format!("{id}.toml").into(),
            counted: Counted {
                id: id.into(),
                case_key: id.into(),
                norm: "pw-giften".into(),
                decision_date: date(2026, 3, day),
                created: Timestamp::from_second(1_790_000_000 + at).unwrap(),
                author: author.into(),
                seq,
                numbers: vec![("bedrag".into(), Decimal::from(amount))],
            },
            norm: "".into(),
            states_totals: true,
            stated: Vec::new(),
            revises: None,
        }
    }

    /// A team's budget of € 10.000 a calendar year over `pw-giften`.
    fn budget() -> Total {
        Total {
            id: "budget".into(),
            sum: Some("bedrag".into()),
            max: Decimal::from(10_000),
            per: Scope::Team,
            window: Window::CalendarYear,
            beyond: Beyond::Refuse,
            norms: vec!["pw-giften".into()],
        }
    }

    /// The sweep gives what counting each pair directly gives, also for
    /// decisions signed in the same second by one author or by several,
    /// and for one that stopped holding.
    #[test]
    fn the_teams_sweep_counts_as_each_pair_does() {
        let total = budget();
        let entries = [
            entry("a1", "anna", 1, 0, 1, 100),
            entry("a2", "anna", 2, 0, 2, 200),
            entry("b1", "bram", 1, 0, 3, 400),
            entry("a3", "anna", 3, 0, 4, 800),
            entry("b2", "bram", 2, 5, 5, 1600),
            entry("a4", "anna", 4, 9, 6, 3200),
            // Withdrawn in the second it was signed.
            entry("c1", "carla", 1, 5, 7, 6400),
            entry("d1", "dora", 1, 7, 8, 10_000),
        ];
        let stop = |e: &Entry| match e.counted.id.as_str() {
            "a2" => Some(e.counted.created + jiff::SignedDuration::from_secs(7)),
            "c1" => Some(e.counted.created),
            _ => None,
        };
        let queries: Vec<&Entry> = entries.iter().collect();
        let swept = |lenient: bool| -> HashMap<&str, Decimal> {
            team_sums(&total, &entries, &queries, &stop, lenient)
                .into_iter()
                .collect()
        };
        for lenient in [false, true] {
            let swept = swept(lenient);
            for q in &entries {
                let direct: Decimal = entries
                    .iter()
                    .filter(|o| holds_then(stop(o), &q.counted, lenient))
                    .filter(|o| o.counted.counts_for(&total, &q.counted))
                    .map(|o| measure(&total, o))
                    .sum();
                assert_eq!(
                    swept[q.counted.id.as_str()],
                    direct,
                    "{} {lenient}",
                    q.counted.id
                );
            }
        }
        // d1 is signed in the very second a2 stops holding: left out, or
        // counted when lenient.
        assert_eq!(swept(true)["d1"], Decimal::from(3100));
        let swept = swept(false);
        let expected = [
            ("a1", 0),
            ("a2", 100),
            ("b1", 0),
            ("a3", 300),
            // Anna's three and Bram's first; a2 still held.
            ("b2", 1500),
            // a2 stopped holding before a4; c1 held for nobody; d1 counts.
            ("a4", 12_900),
            ("c1", 1500),
            ("d1", 2900),
        ];
        for (id, sum) in expected {
            assert_eq!(swept[id], Decimal::from(sum), "{id}");
        }
    }

    #[test]
    fn a_tree_of_sums_adds_ranges() {
        let mut tree = Fenwick::new(5);
        for (i, v) in [1, 2, 3, 4, 5].into_iter().enumerate() {
            tree.add(i, Decimal::from(v));
        }
        assert_eq!(tree.range(0, 5), Decimal::from(15));
        assert_eq!(tree.range(1, 3), Decimal::from(5));
        assert_eq!(tree.range(3, 3), Decimal::ZERO);
        tree.add(2, Decimal::from(-3));
        assert_eq!(tree.range(0, 5), Decimal::from(12));
    }

    /// The sums come back in the order of the queries, whatever the order
    /// the decisions were signed in: the caller pairs them by position.
    #[test]
    fn the_sweep_answers_in_the_order_it_was_asked() {
        let total = budget();
        let entries = [
            entry("late", "bram", 1, 9, 2, 400),
            entry("early", "anna", 1, 0, 1, 100),
        ];
        let queries: Vec<&Entry> = entries.iter().collect();
        let sums = team_sums(&total, &entries, &queries, &|_| None, false);
        assert_eq!(
            sums,
            [("late", Decimal::from(100)), ("early", Decimal::ZERO)]
        );
    }
}
