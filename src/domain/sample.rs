//! Sample review: trust, then check a sample. A team lead or controller
//! draws a reproducible random sample of the decisions taken within
//! mandaat for a second look, and signs the draw: the seed, the window,
//! how many records could be drawn and which were. Anyone can redo it —
//! `verify` does — from the store alone.
//!
//! The draw: the population is every record decided within its author's
//! mandaat (as the record states), with a decision date in the window,
//! signed before the draw, by someone other than who draws. Each record's ticket is the SHA-256 of
//! `"<seed>:<id>"`; the records with the lowest tickets are drawn,
//! `ceil(percent × population / 100)` of them. The same seed on the same
//! store draws the same records.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::record::{Author, Record, RecordedOutcome};

pub const SAMPLE_FORMAT: &str = "maatwerk-sample/1";

/// The roles that draw samples: those who take a second look, not those
/// whose decisions are looked at.
pub const SAMPLERS: &[&str] = &["teamleider", "afdelingshoofd", "controller"];

/// Why a draw may not be signed, or does not count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SampleProblem {
    /// Not 1 to 100.
    Percent,
    /// No seed, or one with a BSN or a hidden character.
    Seed,
    /// `from` after `to`.
    Window,
    /// Drawn by a role that does not take second looks.
    Drawer,
}

impl SampleProblem {
    pub fn code(self) -> &'static str {
        match self {
            Self::Percent => "sample-percent",
            Self::Seed => "sample-seed",
            Self::Window => "sample-window",
            Self::Drawer => "sample-drawer",
        }
    }
}

/// Every reason `request`, drawn by someone in `role`, may not be signed.
pub fn check(request: &Request, role: &str) -> Vec<SampleProblem> {
    let mut problems = Vec::new();
    if !(1..=100).contains(&request.percent) {
        problems.push(SampleProblem::Percent);
    }
    let seed = request.seed.trim();
    if seed.is_empty()
        || seed != request.seed
        || super::bsn::contains_bsn(seed)
        || super::text::has_hidden_control(seed)
    {
        problems.push(SampleProblem::Seed);
    }
    if let (Some(from), Some(to)) = (request.from, request.to)
        && from > to
    {
        problems.push(SampleProblem::Window);
    }
    if !SAMPLERS.contains(&role) {
        problems.push(SampleProblem::Drawer);
    }
    problems
}

/// A signed draw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sample {
    pub format: String,
    pub id: String,
    pub created: Timestamp,
    pub seq: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev: Option<String>,
    pub keyring: Vec<String>,
    pub adoptions: Vec<String>,
    pub seed: String,
    /// How many in a hundred are drawn (1 to 100).
    pub percent: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// How many records could be drawn.
    pub population: u64,
    /// The records drawn, lowest ticket first.
    pub drawn: Vec<String>,
    pub by: Author,
}

/// What a draw asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub seed: String,
    pub percent: u8,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Records signed after this moment are not in the population.
    pub at: Timestamp,
    /// Who draws: their own decisions are never in their sample.
    pub by: String,
}

impl Request {
    /// Whether `record` could be drawn.
    pub fn admits(&self, record: &Record) -> bool {
        record.mandate.outcome == RecordedOutcome::Within
            && record.created <= self.at
            && record.author.principal != self.by
            && self.from.is_none_or(|d| record.decision_date >= d)
            && self.to.is_none_or(|d| record.decision_date <= d)
    }

    /// How many of `population` are drawn.
    pub fn size(&self, population: u64) -> usize {
        let wanted = (population * u64::from(self.percent)).div_ceil(100);
        usize::try_from(wanted).unwrap_or(usize::MAX)
    }
}

impl Sample {
    /// The request this draw answered.
    pub fn request(&self) -> Request {
        Request {
            seed: self.seed.clone(),
            percent: self.percent,
            from: self.from,
            to: self.to,
            at: self.created,
            by: self.by.principal.clone(),
        }
    }
}

/// A record's ticket in the draw with `seed`.
pub fn ticket(seed: &str, id: &str) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(seed.as_bytes());
    hasher.update(b":");
    hasher.update(id.as_bytes());
    hasher.finalize().into()
}

/// A draw in progress: records are offered one by one, in any order; only
/// the best tickets are held.
#[derive(Debug, Clone)]
pub struct Draw {
    request: Request,
    population: u64,
    /// The lowest tickets seen, at most `cap` of them.
    best: std::collections::BinaryHeap<([u8; 32], String)>,
    cap: usize,
}

impl Draw {
    /// A draw for `request` that will keep `cap` records (for a new draw,
    /// the population must be counted first: see [`Self::size_for`]).
    pub fn new(request: Request, cap: usize) -> Self {
        Self {
            request,
            population: 0,
            best: std::collections::BinaryHeap::new(),
            cap,
        }
    }

    pub fn offer(&mut self, record: &Record) {
        if !self.request.admits(record) {
            return;
        }
        self.population += 1;
        if self.cap == 0 {
            return;
        }
        let t = ticket(&self.request.seed, &record.id);
        if self.best.len() < self.cap {
            self.best.push((t, record.id.clone()));
        } else if self.best.peek().is_some_and(|(worst, _)| t < *worst) {
            self.best.pop();
            self.best.push((t, record.id.clone()));
        }
    }

    pub fn population(&self) -> u64 {
        self.population
    }

    /// The records drawn, lowest ticket first.
    pub fn drawn(self) -> Vec<String> {
        self.best
            .into_sorted_vec()
            .into_iter()
            .map(|(_, id)| id)
            .collect()
    }
}

/// A signed draw done again from the store, allowing for what its drawer
/// could not have had yet: a record signed on another machine in the
/// `allowance` before the draw may not have reached the drawer's. The draw
/// holds when some share of those records, with every record signed
/// earlier, gives its population and, lowest tickets first, its records.
/// Records are offered one by one, in any order; what is held is the
/// draw's own records and a few counts.
#[derive(Debug, Clone)]
pub struct Redo {
    request: Request,
    /// Records signed from this moment on may have been missed.
    unsure_from: Timestamp,
    /// The tickets of the records the draw names, by id.
    named: std::collections::HashMap<String, [u8; 32]>,
    /// Whether the draw names its records lowest ticket first, each once.
    in_order: bool,
    /// The highest ticket it names.
    highest: Option<[u8; 32]>,
    /// Records of the population signed before `unsure_from`, and after.
    sure: u64,
    unsure: u64,
    /// Named records found in the population, and of those the unsure.
    found: u64,
    found_unsure: u64,
    /// Sure records with a lower ticket than the highest named, not named.
    passed_over: u64,
    /// Unsure records with a higher ticket than the highest named.
    unsure_above: u64,
}

/// What a draw done again says of the signed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Redone {
    /// The draw as it was signed, its drawer having missed this many
    /// records signed just before it elsewhere (usually none).
    Holds { missed: u64 },
    /// No share of the records signed just before gives its population.
    Population,
    /// Its records are not the lowest tickets of its population.
    Drawn,
}

impl Redo {
    /// A check of the draw that asked `request` and named `drawn`.
    pub fn new(request: Request, drawn: &[String], allowance: jiff::SignedDuration) -> Self {
        let tickets: Vec<[u8; 32]> = drawn.iter().map(|id| ticket(&request.seed, id)).collect();
        let named: std::collections::HashMap<String, [u8; 32]> =
            drawn.iter().cloned().zip(tickets.iter().copied()).collect();
        Self {
            unsure_from: request.at.checked_sub(allowance).unwrap_or(Timestamp::MIN),
            in_order: tickets.windows(2).all(|w| w[0] < w[1]) && named.len() == drawn.len(),
            highest: tickets.last().copied(),
            named,
            request,
            sure: 0,
            unsure: 0,
            found: 0,
            found_unsure: 0,
            passed_over: 0,
            unsure_above: 0,
        }
    }

    pub fn offer(&mut self, record: &Record) {
        if !self.request.admits(record) {
            return;
        }
        let unsure = record.created > self.unsure_from;
        if unsure {
            self.unsure += 1;
        } else {
            self.sure += 1;
        }
        if self.named.contains_key(&record.id) {
            self.found += 1;
            self.found_unsure += u64::from(unsure);
            return;
        }
        let below = self
            .highest
            .is_some_and(|h| ticket(&self.request.seed, &record.id) < h);
        match (below, unsure) {
            (true, false) => self.passed_over += 1,
            (false, true) => self.unsure_above += 1,
            _ => {}
        }
    }

    /// Whether the draw holds, with the `population` it states.
    pub fn verdict(&self, population: u64) -> Redone {
        // Of the unsure records, the drawer had those drawn and some that
        // ranked above every one drawn.
        let others = population
            .checked_sub(self.sure)
            .and_then(|p| p.checked_sub(self.found_unsure));
        if others.is_none_or(|k| k > self.unsure_above) {
            return Redone::Population;
        }
        if !self.in_order
            || usize::try_from(self.found).ok() != Some(self.named.len())
            || self.passed_over > 0
            || self.request.size(population) != self.named.len()
        {
            return Redone::Drawn;
        }
        Redone::Holds {
            missed: (self.sure + self.unsure).saturating_sub(population),
        }
    }
}

/// The ids `records` give for `request`: the population counted and the
/// sample drawn, in two passes over a slice held in memory.
pub fn draw(request: &Request, records: &[&Record]) -> (u64, Vec<String>) {
    let population = records.iter().filter(|r| request.admits(r)).count() as u64;
    let mut draw = Draw::new(request.clone(), request.size(population));
    for r in records {
        draw.offer(r);
    }
    (population, draw.drawn())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::norm::catalog::Catalog;

    fn records(n: usize) -> Vec<Record> {
        let norm = Catalog::bundled()
            .get("mw-doorbraakbudget")
            .expect("bundled")
            .norm
            .clone();
        (0..n)
            .map(|i| {
                let mut r = crate::domain::testing::record_on(&norm, "anna", "consulent", 400.0);
                r.id = format!("MW-20261123-{i:08}");
                r
            })
            .collect()
    }

    fn request(seed: &str, percent: u8) -> Request {
        Request {
            seed: seed.into(),
            percent,
            from: None,
            to: None,
            at: "2027-01-01T00:00:00Z".parse().unwrap(),
            by: "tom".into(),
        }
    }

    #[test]
    fn the_same_seed_draws_the_same_records_in_any_order() {
        let all = records(200);
        let refs: Vec<&Record> = all.iter().collect();
        let (population, drawn) = draw(&request("audit-2026", 10), &refs);
        assert_eq!(population, 200);
        assert_eq!(drawn.len(), 20);
        let reversed: Vec<&Record> = all.iter().rev().collect();
        assert_eq!(draw(&request("audit-2026", 10), &reversed).1, drawn);
        assert_ne!(draw(&request("other", 10), &refs).1, drawn);
        // A smaller share of the same seed is the start of the larger one.
        let five = draw(&request("audit-2026", 5), &refs).1;
        assert_eq!(five[..], drawn[..10]);
    }

    /// What verify says of a draw that states `population` and `drawn`,
    /// done again over `all`.
    fn redone(all: &[Record], request: &Request, (population, drawn): (u64, &[String])) -> Redone {
        let mut redo = Redo::new(request.clone(), drawn, jiff::SignedDuration::from_hours(72));
        for r in all.iter().rev() {
            redo.offer(r);
        }
        redo.verdict(population)
    }

    /// A draw holds when its drawer had every record signed more than 72
    /// hours before it and some of those signed since; it does not when a
    /// record they surely had is left out, one is chosen, or the count is
    /// off.
    #[test]
    fn a_draw_holds_with_records_signed_just_before_it_missing_and_only_then() {
        let mut all = records(200);
        for r in &mut all[180..] {
            r.created = "2026-12-30T12:00:00Z".parse().unwrap();
        }
        let request = request("audit-2026", 10);
        let draw_of = |records: &[&Record]| draw(&request, records);
        let everything: Vec<&Record> = all.iter().collect();
        let (population, drawn) = draw_of(&everything);
        assert_eq!(
            redone(&all, &request, (population, &drawn)),
            Redone::Holds { missed: 0 }
        );
        // Without the late ones, or some of them.
        for had in [180, 185, 199] {
            let (population, drawn) = draw_of(&everything[..had]);
            assert_eq!(
                redone(&all, &request, (population, &drawn)),
                Redone::Holds {
                    missed: 200 - u64::try_from(had).unwrap()
                },
                "{had}"
            );
        }
        // Without a record signed long before that it would have drawn:
        // the lowest ticket of those.
        let first = draw_of(&everything[..180]).1[0].clone();
        assert!(drawn.contains(&first));
        let without: Vec<&Record> = everything
            .iter()
            .copied()
            .filter(|r| r.id != first)
            .collect();
        let (population, drawn_without) = draw_of(&without);
        assert_eq!(
            redone(&all, &request, (population, &drawn_without)),
            Redone::Drawn
        );
        // A record chosen instead of one drawn.
        let mut chosen = drawn.clone();
        chosen[3] = all
            .iter()
            .map(|r| r.id.clone())
            .find(|id| !drawn.contains(id))
            .unwrap();
        chosen.sort_by_key(|id| ticket("audit-2026", id));
        for population in [180, 190, 200] {
            assert!(
                !matches!(
                    redone(&all, &request, (population, &chosen)),
                    Redone::Holds { .. }
                ),
                "{population}"
            );
        }
        // Out of order.
        let mut reversed = drawn.clone();
        reversed.reverse();
        assert_eq!(redone(&all, &request, (200, &reversed)), Redone::Drawn);
        // More than there are, fewer than were surely there.
        assert_eq!(redone(&all, &request, (201, &drawn)), Redone::Population);
        assert_eq!(redone(&all, &request, (179, &drawn)), Redone::Population);
    }

    #[test]
    fn a_draw_asks_a_share_a_seed_an_ordered_window_and_a_team_lead() {
        assert_eq!(check(&request("s", 10), "teamleider"), []);
        assert_eq!(
            check(&request("s", 0), "controller"),
            [SampleProblem::Percent]
        );
        assert_eq!(
            check(&request("", 101), "teamleider"),
            [SampleProblem::Percent, SampleProblem::Seed]
        );
        let mut reversed = request("s", 10);
        reversed.from = Some(jiff::civil::date(2027, 1, 1));
        reversed.to = Some(jiff::civil::date(2026, 1, 1));
        assert_eq!(
            check(&reversed, "consulent"),
            [SampleProblem::Window, SampleProblem::Drawer]
        );
    }

    #[test]
    fn only_decisions_within_mandaat_in_the_window_signed_before_count() {
        let mut all = records(10);
        all[0].mandate.outcome = RecordedOutcome::NeedsReview;
        all[1].created = "2027-02-01T00:00:00Z".parse().unwrap();
        all[2].decision_date = jiff::civil::date(2026, 1, 1);
        let refs: Vec<&Record> = all.iter().collect();
        let mut windowed = request("s", 100);
        windowed.from = Some(jiff::civil::date(2026, 6, 1));
        let (population, drawn) = draw(&windowed, &refs);
        assert_eq!(population, 7);
        let mut own = request("s", 100);
        own.by = "anna".into();
        assert_eq!(draw(&own, &refs).0, 0, "nobody draws their own decisions");
        assert_eq!(drawn.len(), 7);
        assert_eq!(request("s", 1).size(7), 1, "at least one when any");
        assert_eq!(request("s", 1).size(0), 0);
    }
}
