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
//! `n log n`. What is held of each decision is a few machine words, so a
//! million records are counted in little memory.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, RandomState};

use jiff::Timestamp;
use jiff::civil::Date;

use super::acts::Acts;
use super::{Finding, FindingKind};
use crate::domain::norm::Norm;
use crate::domain::norm::total::{Scope, Total};
use crate::domain::number::Decimal;
use crate::domain::record::{Answer, Record, RecordFormat};
use crate::domain::review::{Review, Verdict, Withdrawal};
use crate::domain::store::files::CompactId;
use crate::domain::totals::{NameTable, case_key};

mod sweep;

#[cfg(test)]
use self::sweep::Fenwick;
use self::sweep::{team_seen_sums, team_sums};
use crate::domain::store::device::{SYNC_ALLOWANCE, chain_principal};

/// A record kept for the count, in a few machine words: its names by
/// their place in [`Counting`]'s table, its numbers and stated totals in
/// [`Counting`]'s shared list.
#[derive(Debug, Clone, Copy)]
struct Entry {
    id: CompactId,
    decision_date: Date,
    /// The chain it lies in (its author's, on the device it was signed
    /// on) and where: of one chain's decisions signed in the same second,
    /// the earlier counts towards the later; of two chains', each towards
    /// the other.
    author: u32,
    /// Who signed it, on whichever device: a person sees their own
    /// decisions, wherever they signed them.
    principal: u32,
    seq: u64,
    created: Timestamp,
    /// Its case key ([`case_key`]) hashed with the count's own random
    /// key: two cases are taken for one only as often as two random
    /// 64-bit numbers meet, and nobody can make them.
    case: u64,
    /// Its norm's id, and the norm it relied on by sha256.
    norm: u32,
    sha256: u32,
    /// Where its numbers, and after them what it states of its totals,
    /// start in [`Counting::values`]; and how many of each.
    values: u32,
    numbers: u16,
    stated: u16,
    states_totals: bool,
}

/// The records kept for the count.
#[derive(Debug, Default)]
pub struct Counting {
    entries: Vec<Entry>,
    /// Each entry's numbers (by check; only for checks a total sums) and
    /// stated totals (by total).
    values: Vec<(u32, Decimal)>,
    /// The checks some total sums.
    summed: HashSet<String>,
    /// The entries that revise another decision, and which.
    revising: Vec<(u32, CompactId)>,
    names: NameTable,
    key: RandomState,
    /// The files of entries not at the name their author, number and id
    /// give (their own check finds that), by entry.
    odd: HashMap<usize, Box<str>>,
}

impl Counting {
    /// A count for the totals of the norms in `snapshots`.
    pub fn new(snapshots: &HashMap<String, Option<Norm>>) -> Self {
        let summed = snapshots
            .values()
            .flatten()
            .flat_map(|n| n.totals.iter().filter_map(|t| t.sum.clone()))
            .collect();
        Self {
            summed,
            ..Self::default()
        }
    }

    /// Takes `record`, read from `file`, into the count. A record whose id
    /// is not one this program writes is an error of its own, and counts
    /// for nothing.
    pub fn take(&mut self, file: &str, record: &Record) {
        let Some(id) = CompactId::new(&record.id) else {
            return;
        };
        let values = u32::try_from(self.values.len()).unwrap_or(u32::MAX);
        let mut numbers = 0u16;
        for check in record.checks.iter().filter(|c| self.summed.contains(&c.id)) {
            if let Answer::Number(n) = check.answer {
                self.values.push((self.names.place(&check.id), n));
                numbers = numbers.saturating_add(1);
            }
        }
        let mut stated = 0u16;
        for line in &record.totals {
            self.values.push((self.names.place(&line.id), line.earlier));
            stated = stated.saturating_add(1);
        }
        let entry = Entry {
            id,
            decision_date: record.decision_date,
            author: self
                .names
                .place(chain_of(file).unwrap_or(&record.author.principal)),
            principal: self.names.place(
                chain_of(file)
                    .and_then(chain_principal)
                    .unwrap_or(&record.author.principal),
            ),
            seq: record.seq,
            created: record.created,
            case: self.key.hash_one(case_key(&record.case)),
            norm: self.names.place(&record.norm.id),
            sha256: self.names.place(&record.norm.sha256),
            values,
            numbers,
            stated,
            states_totals: RecordFormat::of(&record.format)
                .is_some_and(RecordFormat::states_totals),
        };
        self.entries.push(entry);
        let at = self.entries.len() - 1;
        if let Some(revised) = record.revises.as_deref().and_then(CompactId::new) {
            self.revising.push((place(at), revised));
        }
        if self.file(at) != file {
            self.odd.insert(at, file.into());
        }
    }

    /// The file entry `at` was read from: its chain's directory (the
    /// author's, on a device of their own), number and id.
    fn file(&self, at: usize) -> String {
        if let Some(file) = self.odd.get(&at) {
            return file.to_string();
        }
        let e = &self.entries[at];
        super::records::record_file(self.names.name(e.author), e.seq, &e.id)
    }

    fn numbers(&self, e: &Entry) -> &[(u32, Decimal)] {
        let from = usize::try_from(e.values).unwrap_or(usize::MAX);
        self.values
            .get(from..from.saturating_add(usize::from(e.numbers)))
            .unwrap_or_default()
    }

    fn stated(&self, e: &Entry) -> &[(u32, Decimal)] {
        let from = usize::try_from(e.values)
            .unwrap_or(usize::MAX)
            .saturating_add(usize::from(e.numbers));
        self.values
            .get(from..from.saturating_add(usize::from(e.stated)))
            .unwrap_or_default()
    }

    /// `total` in the terms of the names held.
    fn resolve<'t>(&self, total: &'t Total) -> Resolved<'t> {
        Resolved {
            total,
            norms: total
                .norms
                .iter()
                .filter_map(|n| self.names.find(n))
                .collect(),
            sum: match total.sum.as_deref() {
                None => Measure::Decisions,
                Some(check) => Measure::Check(self.names.find(check)),
            },
        }
    }

    /// What `e` adds to `r`'s total: the sum of its answers to the
    /// check summed, or one decision when decisions are counted.
    fn measure(&self, r: &Resolved<'_>, e: &Entry) -> Decimal {
        match r.sum {
            Measure::Decisions => Decimal::ONE,
            Measure::Check(check) => self
                .numbers(e)
                .iter()
                .filter(|(id, _)| Some(*id) == check)
                .map(|(_, n)| *n)
                .fold(Decimal::ZERO, Decimal::saturating_add),
        }
    }
}

/// A total with its norms and summed check as places in the names held.
struct Resolved<'t> {
    total: &'t Total,
    norms: Vec<u32>,
    sum: Measure,
}

/// What a total adds up.
enum Measure {
    /// One for each decision.
    Decisions,
    /// The answers to a check (`None`: one no decision answered).
    Check(Option<u32>),
}

impl Resolved<'_> {
    /// Whether `other` counts towards this total for `this`: as
    /// [`crate::domain::totals::Counted::counts_for`] decides, which `new`
    /// counts with.
    fn counts_for(&self, other: &Entry, this: &Entry) -> bool {
        other.id != this.id
            && signed_before(other, this)
            && self.norms.contains(&other.norm)
            && (self.total.per == Scope::Team || other.case == this.case)
            && self
                .total
                .window
                .contains(this.decision_date, other.decision_date)
    }
}

/// The directory of the chain a record's `file` lies in.
fn chain_of(file: &str) -> Option<&str> {
    file.strip_prefix("records/")?
        .split_once('/')
        .map(|(chain, _)| chain)
}

/// Whether `a` was signed before `b`: in an earlier second, or in the same
/// second but not later in the same chain. Which of two decisions signed
/// in one second on two computers came first cannot be told, so each
/// counts towards the other (in what the signer may have seen: only what
/// they surely saw is held against them), and neither hides the other by
/// sharing its second.
fn signed_before(a: &Entry, b: &Entry) -> bool {
    a.created < b.created || (a.created == b.created && (a.author != b.author || a.seq < b.seq))
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
/// gives. A record, review or withdrawal with an error of its own (its
/// file in `failed`) counts for nothing: what verify rejects neither adds
/// to a total nor frees a share of it.
pub fn check(
    (snapshots, failed): (&HashMap<String, Option<Norm>>, &HashSet<String>),
    acts: &Acts,
    counting: &Counting,
    findings: &mut Vec<Finding>,
) {
    let entries = &counting.entries;
    if entries.is_empty() {
        return;
    }
    let dead: HashSet<CompactId> = (0..entries.len())
        .filter(|&i| failed.contains(&counting.file(i)))
        .map(|i| entries[i].id)
        .collect();
    let stops = stops(acts, counting, (failed, &dead));
    // One that counts for nothing held for nobody, as if it stopped
    // before it was signed.
    let stop = |e: &Entry| {
        if dead.contains(&e.id) {
            Some(Timestamp::MIN)
        } else {
            stops.get(&e.id).copied()
        }
    };
    // The entries by case, to find a case's decisions by halving.
    let mut by_case: Vec<u32> = (0..place(entries.len())).collect();
    by_case.sort_unstable_by_key(|&i| entries[at(i)].case);
    let same_case = |case: u64| -> &[u32] {
        let from = by_case.partition_point(|&i| entries[at(i)].case < case);
        let to = from + by_case[from..].partition_point(|&i| entries[at(i)].case == case);
        &by_case[from..to]
    };
    let resolved: HashMap<u32, (&Norm, Vec<Resolved<'_>>)> = snapshots
        .iter()
        .filter_map(|(sha, norm)| Some((counting.names.find(sha)?, norm.as_ref()?)))
        .map(|(place, norm)| {
            let totals = norm.totals.iter().map(|t| counting.resolve(t)).collect();
            (place, (norm, totals))
        })
        .collect();
    // A team's totals are counted for all their records in one sweep
    // first; a case's as each record comes. Either way, what a record's
    // total comes to with a decision that stopped holding in the very
    // second the record was signed left out, and counted (which came
    // first within a second of two signers cannot be told, so either will
    // do).
    let mut team = team_totals(counting, &resolved, &stop);
    for (i, e) in entries.iter().enumerate() {
        let Some((norm, totals)) = resolved.get(&e.sha256) else {
            continue;
        };
        // Asked all the same (the team's answers come in this order), but
        // one that counts for nothing has an error of its own already.
        for r in totals {
            let total = r.total;
            let (low, high) = match total.per {
                Scope::Case => {
                    let sum = |lenient: bool| -> Decimal {
                        same_case(e.case)
                            .iter()
                            .map(|&o| &entries[at(o)])
                            .filter(|o| holds_then(stop(o), e, lenient))
                            .filter(|o| r.counts_for(o, e))
                            .filter(|o| lenient || surely_seen(o, e))
                            .map(|o| counting.measure(r, o))
                            .fold(Decimal::ZERO, Decimal::saturating_add)
                    };
                    (sum(false), sum(true))
                }
                // Asked in this order: the next answer is this record's.
                Scope::Team => team
                    .iter_mut()
                    .find(|t| t.resolved.total == total)
                    .and_then(|t| t.answers.next())
                    .unwrap_or_default(),
            };
            if dead.contains(&e.id) {
                continue;
            }
            let stated = counting
                .stated(e)
                .iter()
                .find(|(id, _)| counting.names.name(*id) == total.id)
                .map(|(_, earlier)| *earlier);
            // A record of format 4 without the line is found by its own
            // check (it contradicts its norm); one in an older format
            // cannot state it at all.
            if stated.is_none() && e.states_totals {
                continue;
            }
            if !stops.contains_key(&e.id)
                && let Some(kind) = passed_together((counting, r, norm), e, stated, (low, high))
            {
                findings.push(Finding::new(counting.file(i), kind));
            }
            let sum = match stated {
                Some(s) if s > high => high,
                _ => low,
            };
            if stated.is_none_or(|s| s < low || s > high) {
                findings.push(Finding::new(
                    counting.file(i),
                    FindingKind::TotalMisstated {
                        total: total.id.clone(),
                        stated,
                        found: sum,
                        unit: crate::domain::decision::totals::unit(norm, total).map(str::to_owned),
                        counted: total.sum.is_none(),
                        stopped: stops.contains_key(&e.id),
                    },
                ));
            }
        }
    }
}

/// A record `e` that states its total rightly as its signer could see it
/// (`stated` between the `low` and `high` counts, short of `high`), but
/// that with what was signed elsewhere just before goes past the maximum
/// its own count stays under.
fn passed_together(
    (counting, r, norm): (&Counting, &Resolved<'_>, &Norm),
    e: &Entry,
    stated: Option<Decimal>,
    (low, high): (Decimal, Decimal),
) -> Option<FindingKind> {
    let total = r.total;
    let stated = stated.filter(|s| (low..high).contains(s))?;
    let share = counting.measure(r, e);
    let with = high.saturating_add(share);
    (with > total.max && stated.saturating_add(share) <= total.max).then(|| {
        FindingKind::TotalPassedTogether {
            total: total.id.clone(),
            found: with,
            max: total.max,
            unit: crate::domain::decision::totals::unit(norm, total).map(str::to_owned),
            counted: total.sum.is_none(),
        }
    })
}

/// Whether the author of `this` surely saw `other` when signing: they
/// signed it themselves (on this device or another: a person knows their
/// own decisions, and a device made up for the purpose hides none), or it
/// was signed by someone else at least [`SYNC_ALLOWANCE`] before (what was
/// signed since may not have reached the machine `this` was signed on).
fn surely_seen(other: &Entry, this: &Entry) -> bool {
    other.principal == this.principal
        || other
            .created
            .checked_add(SYNC_ALLOWANCE)
            .is_ok_and(|seen| seen <= this.created)
}

/// A team's total, with what it came to for each record on a norm that
/// has it (strictly and leniently), in the order of the records.
struct TeamTotal<'r, 't> {
    resolved: &'r Resolved<'t>,
    answers: std::vec::IntoIter<(Decimal, Decimal)>,
}

/// Every team's total, counted for every record on a norm that has it.
fn team_totals<'r, 't>(
    counting: &Counting,
    resolved: &'r HashMap<u32, (&Norm, Vec<Resolved<'t>>)>,
    stop: &dyn Fn(&Entry) -> Option<Timestamp>,
) -> Vec<TeamTotal<'r, 't>> {
    let mut asked: Vec<(&Resolved<'t>, Vec<u32>)> = Vec::new();
    for (i, e) in counting.entries.iter().enumerate() {
        let Some((_, totals)) = resolved.get(&e.sha256) else {
            continue;
        };
        for r in totals.iter().filter(|r| r.total.per == Scope::Team) {
            match asked.iter_mut().find(|(t, _)| t.total == r.total) {
                Some((_, queries)) => queries.push(place(i)),
                None => asked.push((r, vec![place(i)])),
            }
        }
    }
    asked
        .into_iter()
        .map(|(r, queries)| {
            let mut sums = vec![(Decimal::ZERO, Decimal::ZERO); queries.len()];
            team_sums(r, counting, &queries, stop, (&mut sums, true));
            let seen = team_seen_sums(r, counting, &queries, stop, SYNC_ALLOWANCE);
            for (sum, seen) in sums.iter_mut().zip(seen) {
                sum.0 = seen;
            }
            TeamTotal {
                resolved: r,
                answers: sums.into_iter(),
            }
        })
        .collect()
}

/// An entry's place, as the count's lists of places hold it: a count
/// holds far fewer than four billion.
fn place(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The entry at `place`.
fn at(place: u32) -> usize {
    usize::try_from(place).unwrap_or(usize::MAX)
}

/// Whether `other` still held when `this` was signed: it stopped holding
/// (withdrawn, returned, rejected, revised) only after — or, `lenient`,
/// not before that second.
fn holds_then(stopped: Option<Timestamp>, this: &Entry, lenient: bool) -> bool {
    stopped.is_none_or(|at| at > this.created || (lenient && at == this.created))
}

/// When each record stopped holding: its first withdrawal, return or
/// rejection, or the record that revises it.
fn stops(
    acts: &Acts,
    counting: &Counting,
    (failed, dead): (&HashSet<String>, &HashSet<CompactId>),
) -> HashMap<CompactId, Timestamp> {
    let mut stops: HashMap<CompactId, Timestamp> = HashMap::new();
    let mut stop = |id: CompactId, at: Timestamp| {
        let t = stops.entry(id).or_insert(at);
        *t = (*t).min(at);
    };
    for w in &acts.withdrawals {
        if !failed.contains(&acts.file::<Withdrawal>(w)) {
            stop(w.about, w.created);
        }
    }
    for r in &acts.reviews {
        if matches!(r.verdict, Some(Verdict::Return | Verdict::Reject))
            && !failed.contains(&acts.file::<Review>(r))
        {
            stop(r.about, r.created);
        }
    }
    for &(i, revised) in &counting.revising {
        let reviser = &counting.entries[at(i)];
        if !dead.contains(&reviser.id) {
            stop(revised, reviser.created);
        }
    }
    stops
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::norm::total::{Beyond, Window};
    use crate::domain::totals::Counted;
    use jiff::civil::date;

    /// What the sweep gives for `queries`, strictly or leniently.
    fn sweep(
        r: &Resolved<'_>,
        c: &Counting,
        queries: &[u32],
        stop: &dyn Fn(&Entry) -> Option<Timestamp>,
        lenient: bool,
    ) -> Vec<Decimal> {
        let mut sums = vec![(Decimal::ZERO, Decimal::ZERO); queries.len()];
        team_sums(r, c, queries, stop, (&mut sums, lenient));
        sums.into_iter()
            .map(|(low, high)| if lenient { high } else { low })
            .collect()
    }

    /// What counting each pair gives for `this`.
    fn by_pairs(
        c: &Counting,
        r: &Resolved<'_>,
        stop: &dyn Fn(&Entry) -> Option<Timestamp>,
        this: &Entry,
        lenient: bool,
    ) -> Decimal {
        c.entries
            .iter()
            .filter(|o| holds_then(stop(o), this, lenient))
            .filter(|o| r.counts_for(o, this))
            .map(|o| c.measure(r, o))
            .sum()
    }

    fn id(n: usize) -> CompactId {
        CompactId::new(&format!("MW-20260301-{n:08}")).unwrap()
    }

    fn moment(second: i64) -> Timestamp {
        Timestamp::from_second(1_790_000_000 + second).unwrap()
    }

    /// `(name, author, seq, second, day in March, amount)`: decisions on
    /// `pw-giften`, each for a case of its own.
    type Row = (&'static str, &'static str, u64, i64, i8, i64);

    fn counting(rows: &[Row]) -> Counting {
        let mut c = Counting::default();
        for (n, (name, author, seq, second, day, amount)) in rows.iter().enumerate() {
            let values = u32::try_from(c.values.len()).unwrap();
            let bedrag = c.names.place("bedrag");
            c.values.push((bedrag, Decimal::from(*amount)));
            let entry = Entry {
                id: id(n),
                decision_date: date(2026, 3, *day),
                author: c.names.place(author),
                principal: c.names.place(author.split('+').next().unwrap()),
                seq: *seq,
                created: moment(*second),
                case: c.key.hash_one(name),
                norm: c.names.place("pw-giften"),
                sha256: c.names.place("sha256:norm"),
                values,
                numbers: 1,
                stated: 0,
                states_totals: true,
            };
            c.entries.push(entry);
        }
        c
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
        let rows: [Row; 8] = [
            ("a1", "anna", 1, 0, 1, 100),
            ("a2", "anna", 2, 0, 2, 200),
            ("b1", "bram", 1, 0, 3, 400),
            ("a3", "anna", 3, 0, 4, 800),
            ("b2", "bram", 2, 5, 5, 1600),
            ("a4", "anna", 4, 9, 6, 3200),
            // Withdrawn in the second it was signed.
            ("c1", "carla", 1, 5, 7, 6400),
            ("d1", "dora", 1, 7, 8, 10_000),
        ];
        let c = counting(&rows);
        let r = c.resolve(&total);
        let stop = |e: &Entry| {
            if e.id == id(1) {
                Some(e.created + jiff::SignedDuration::from_secs(7))
            } else if e.id == id(6) {
                Some(e.created)
            } else {
                None
            }
        };
        let queries: Vec<u32> = (0..place(rows.len())).collect();
        let swept = |lenient: bool| sweep(&r, &c, &queries, &stop, lenient);
        for lenient in [false, true] {
            let swept = swept(lenient);
            for (q, this) in c.entries.iter().enumerate() {
                let direct = by_pairs(&c, &r, &stop, this, lenient);
                assert_eq!(swept[q], direct, "{} {lenient}", rows[q].0);
            }
        }
        // d1 is signed in the very second a2 stops holding: left out, or
        // counted when lenient.
        assert_eq!(swept(true)[7], Decimal::from(3100));
        let expected = [
            // In the first second each sees the other chain's and its own
            // chain's earlier ones: Bram's first Anna's three, and so on.
            400, 500, 1100, 700, 1500,   // c1 stopped in its own second: held for nobody.
            12_900, // a2 stopped holding before a4; d1 counts.
            3100,   // c1 sees b2, of its own second.
            2900,   // d1 is signed in the second a2 stopped: left out.
        ];
        let swept = swept(false);
        for (q, sum) in expected.into_iter().enumerate() {
            assert_eq!(swept[q], Decimal::from(sum), "{}", rows[q].0);
        }
    }

    /// Over many decisions crowded into few seconds by few authors, some
    /// stopping to hold, the sweep still gives what each pair gives.
    #[test]
    fn the_sweep_agrees_with_pairs_in_a_crowd() {
        let total = Total {
            window: Window::Within(crate::domain::duration::CalendarDuration::days(10).unwrap()),
            ..budget()
        };
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |below: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % below
        };
        let authors = ["anna", "anna+k7p2q9x3", "bram", "anna+5d3yyrrt", "carla"];
        let mut seqs = [0u64; 5];
        let mut rows: Vec<Row> = Vec::new();
        for _ in 0..300 {
            let who = usize::try_from(next(5)).unwrap();
            seqs[who] += 1;
            let second = i64::try_from(next(40)).unwrap();
            let day = i8::try_from(1 + next(28)).unwrap();
            let amount = i64::try_from(next(500)).unwrap();
            rows.push(("", authors[who], seqs[who], second, day, amount));
        }
        let c = counting(&rows);
        let r = c.resolve(&total);
        let stops: Vec<Option<Timestamp>> = (0..rows.len())
            .map(|_| match next(4) {
                0 => Some(moment(i64::try_from(next(45)).unwrap())),
                _ => None,
            })
            .collect();
        let stop = |e: &Entry| {
            let n: usize = e.id.as_str()[12..].parse().unwrap();
            stops[n]
        };
        let queries: Vec<u32> = (0..place(rows.len())).rev().collect();
        for lenient in [false, true] {
            let swept = sweep(&r, &c, &queries, &stop, lenient);
            for (k, &q) in queries.iter().enumerate() {
                let this = &c.entries[at(q)];
                let direct = by_pairs(&c, &r, &stop, this, lenient);
                assert_eq!(swept[k], direct, "entry {q}, lenient {lenient}");
            }
        }
    }

    /// Decisions signed in one second on several computers each count
    /// towards the others (but for those later in their own chain); of
    /// those, a person surely saw their own, on whichever device, and not
    /// a colleague's.
    #[test]
    fn decisions_in_one_second_count_for_each_other_and_ones_own_are_surely_seen() {
        let total = budget();
        let rows: [Row; 4] = [
            ("a", "anna+k7p2q9x3", 1, 0, 1, 100),
            ("b", "anna+5d3yyrrt", 1, 0, 2, 200),
            ("c", "anna+5d3yyrrt", 2, 0, 3, 400),
            ("d", "bram", 1, 0, 4, 800),
        ];
        let c = counting(&rows);
        let r = c.resolve(&total);
        let none = |_: &Entry| None;
        let queries: Vec<u32> = (0..place(rows.len())).collect();
        let signed_before = [1400, 900, 1100, 700];
        for lenient in [false, true] {
            let swept = sweep(&r, &c, &queries, &none, lenient);
            for (q, sum) in signed_before.into_iter().enumerate() {
                assert_eq!(swept[q], Decimal::from(sum), "{} {lenient}", rows[q].0);
                let direct = by_pairs(&c, &r, &none, &c.entries[q], lenient);
                assert_eq!(direct, Decimal::from(sum), "{} {lenient}", rows[q].0);
            }
        }
        let seen = team_seen_sums(&r, &c, &queries, &none, SYNC_ALLOWANCE);
        let seen: Vec<Decimal> = seen.into_iter().collect();
        assert_eq!(seen, [600, 100, 300, 0].map(Decimal::from));
    }

    /// What a team's decisions come to that a record's author surely saw
    /// (their own chain, and other chains' decisions signed long enough
    /// before) is, over a crowd of decisions on several chains spread over
    /// hours, some stopping to hold, what counting each pair gives.
    #[test]
    fn what_was_surely_seen_agrees_with_pairs() {
        let total = Total {
            window: Window::Within(crate::domain::duration::CalendarDuration::days(10).unwrap()),
            ..budget()
        };
        let allowance = jiff::SignedDuration::from_secs(600);
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |below: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % below
        };
        let chains = ["anna", "anna+k7p2q9x3", "bram", "carla"];
        let mut seqs = [0u64; 4];
        let mut seconds = [0i64; 4];
        let mut rows: Vec<Row> = Vec::new();
        for _ in 0..300 {
            let who = usize::try_from(next(4)).unwrap();
            seqs[who] += 1;
            // Each chain goes forward in time, in steps of up to 20 minutes.
            seconds[who] += i64::try_from(next(1200)).unwrap();
            let day = i8::try_from(1 + next(28)).unwrap();
            let amount = i64::try_from(next(500)).unwrap();
            rows.push(("", chains[who], seqs[who], seconds[who], day, amount));
        }
        let c = counting(&rows);
        let r = c.resolve(&total);
        let stops: Vec<Option<Timestamp>> = (0..rows.len())
            .map(|_| match next(4) {
                0 => Some(moment(i64::try_from(next(20_000)).unwrap())),
                _ => None,
            })
            .collect();
        let stop = |e: &Entry| {
            let n: usize = e.id.as_str()[12..].parse().unwrap();
            stops[n]
        };
        let queries: Vec<u32> = (0..place(rows.len())).rev().collect();
        let seen = team_seen_sums(&r, &c, &queries, &stop, allowance);
        let mut differs = 0;
        for (k, &q) in queries.iter().enumerate() {
            let this = &c.entries[at(q)];
            let direct: Decimal = c
                .entries
                .iter()
                .filter(|o| holds_then(stop(o), this, false))
                .filter(|o| r.counts_for(o, this))
                .filter(|o| o.principal == this.principal || o.created + allowance <= this.created)
                .map(|o| c.measure(&r, o))
                .sum();
            assert_eq!(seen[k], direct, "entry {q}");
            differs += usize::from(direct != by_pairs(&c, &r, &stop, this, false));
        }
        assert!(
            differs > 10,
            "the allowance left out decisions of other chains: {differs}"
        );
    }

    /// What verify holds of a decision counts as `new` counts it: for
    /// every pair from a grid of cases, authors, chain places, seconds,
    /// dates and norms, under each scope and window, the compact entries
    /// agree with [`Counted::counts_for`].
    #[test]
    fn held_entries_count_as_new_counts() {
        let mut c = Counting::default();
        let mut counted = Vec::new();
        let cases = ["Z-1", "z 1", "Z-2"];
        let days = [date(2025, 12, 31), date(2026, 1, 5), date(2026, 6, 1)];
        let mut n = 0;
        for case in cases {
            for author in ["anna", "bram"] {
                for seq in [1, 2] {
                    for second in [0, 1] {
                        for day in days {
                            for norm in ["pw-giften", "pw-anders"] {
                                counted.push(Counted {
                                    id: id(n).to_string(),
                                    case_key: case_key(case),
                                    norm: norm.into(),
                                    decision_date: day,
                                    created: moment(second),
                                    author: author.into(),
                                    seq,
                                    numbers: Vec::new(),
                                });
                                c.entries.push(Entry {
                                    id: id(n),
                                    decision_date: day,
                                    author: c.names.place(author),
                                    principal: c.names.place(author),
                                    seq,
                                    created: moment(second),
                                    case: c.key.hash_one(case_key(case)),
                                    norm: c.names.place(norm),
                                    sha256: 0,
                                    values: 0,
                                    numbers: 0,
                                    stated: 0,
                                    states_totals: true,
                                });
                                n += 1;
                            }
                        }
                    }
                }
            }
        }
        let mut agreed = [0usize; 2];
        for per in [Scope::Case, Scope::Team] {
            for window in [Window::CalendarYear, Window::Ever] {
                let total = Total {
                    per,
                    window,
                    ..budget()
                };
                let r = c.resolve(&total);
                for (a, ca) in c.entries.iter().zip(&counted) {
                    for (b, cb) in c.entries.iter().zip(&counted) {
                        let expected = ca.counts_for(&total, cb);
                        assert_eq!(r.counts_for(a, b), expected, "{ca:?} for {cb:?}");
                        agreed[usize::from(expected)] += 1;
                    }
                }
            }
        }
        assert!(
            agreed[0] > 0 && agreed[1] > 0,
            "both answers seen: {agreed:?}"
        );
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
        let c = counting(&[
            ("late", "bram", 1, 9, 2, 400),
            ("early", "anna", 1, 0, 1, 100),
        ]);
        let r = c.resolve(&total);
        let sums = sweep(&r, &c, &[0, 1], &|_| None, false);
        assert_eq!(sums, [Decimal::from(100), Decimal::ZERO]);
    }
}
