//! A team's total for every record that has it, in one pass in signing
//! order over a tree of sums by decision date: `n log n` for a store of
//! any size, where counting each pair would be `n²`.

use jiff::Timestamp;
use jiff::civil::Date;

use super::{Counting, Entry, Resolved, at, place};
use crate::domain::norm::total::Total;
use crate::domain::number::Decimal;

/// For each of `queries` (entries, by place), what the team's decisions
/// signed before it that held then and lie in its window come to: one
/// pass in signing order over a tree of sums by decision date. At one
/// moment: the decisions that stop holding first (when `lenient`: last);
/// then the moment's queries, each seeing every decision of the moment but
/// those of its own chain from its own number on; then every decision of
/// the moment, for what comes later.
pub(super) fn team_sums(
    total: &Resolved<'_>,
    counting: &Counting,
    queries: &[u32],
    stop: &dyn Fn(&Entry) -> Option<Timestamp>,
    (out, lenient): (&mut [(Decimal, Decimal)], bool),
) {
    let entries = &counting.entries;
    let counts = |e: &Entry| total.norms.contains(&e.norm);
    let mut days: Vec<Date> = entries
        .iter()
        .filter(|e| counts(e))
        .map(|e| e.decision_date)
        .collect();
    days.sort_unstable();
    days.dedup();
    let day_of = |e: &Entry| days.partition_point(|d| *d < e.decision_date);
    // The decisions that count, in signing order, and when those that
    // stopped holding stopped. One that stopped before it was signed held
    // for nobody; one that stopped in the second it was signed, only
    // (`lenient`) for its author's next in that second.
    let mut adds: Vec<u32> = Vec::new();
    let mut stopped: Vec<(Timestamp, u32)> = Vec::new();
    for (i, e) in entries.iter().enumerate().filter(|(_, e)| counts(e)) {
        match stop(e) {
            Some(s) if s < e.created || (s == e.created && !lenient) => {}
            Some(s) => {
                adds.push(place(i));
                stopped.push((s, place(i)));
            }
            None => adds.push(place(i)),
        }
    }
    let order = |&i: &u32| {
        let e = &entries[at(i)];
        (e.created, e.principal, e.author, e.seq)
    };
    adds.sort_unstable_by_key(order);
    stopped.sort_unstable_by_key(|(s, _)| *s);
    let mut asked: Vec<u32> = (0..place(queries.len())).collect();
    asked.sort_by_key(|&q| order(&queries[at(q)]));
    let mut tree = Fenwick::new(days.len());
    let add = |tree: &mut Fenwick, i: u32, sign: Decimal| {
        let e = &entries[at(i)];
        tree.add(day_of(e), sign * counting.measure(total, e));
    };
    let (mut add_at, mut ask_at, mut stop_at) = (0, 0, 0);
    let created_of = |i: u32| entries[at(i)].created;
    loop {
        let next = [
            adds.get(add_at).map(|&i| created_of(i)),
            asked.get(ask_at).map(|&q| created_of(queries[at(q)])),
            stopped.get(stop_at).map(|(t, _)| *t),
        ];
        let Some(now) = next.into_iter().flatten().min() else {
            break;
        };
        let add_end = add_at + adds[add_at..].partition_point(|&i| created_of(i) == now);
        let ask_end =
            ask_at + asked[ask_at..].partition_point(|&q| created_of(queries[at(q)]) == now);
        let stop_end = stop_at + stopped[stop_at..].partition_point(|(t, _)| *t == now);
        if !lenient {
            for &(_, i) in &stopped[stop_at..stop_end] {
                add(&mut tree, i, Decimal::NEGATIVE_ONE);
            }
        }
        answer_moment(
            (entries, queries),
            (&adds[add_at..add_end], &asked[ask_at..ask_end]),
            &mut tree,
            &add,
            &mut |q, this, tree| {
                let sum = in_window(total.total, &days, tree, this);
                let answer = &mut out[at(q)];
                if lenient {
                    answer.1 = sum;
                } else {
                    answer.0 = sum;
                }
            },
        );
        if lenient {
            for &(_, i) in &stopped[stop_at..stop_end] {
                add(&mut tree, i, Decimal::NEGATIVE_ONE);
            }
        }
        for &i in &adds[add_at..add_end] {
            add(&mut tree, i, Decimal::ONE);
        }
        (add_at, ask_at, stop_at) = (add_end, ask_end, stop_end);
    }
}

/// One moment's queries (`asked`, places in `queries`) answered, with the
/// moment's decisions (`adds`), both in signing order: each sees every
/// decision of the moment but those of its own chain numbered after it
/// (which came first within one second of two computers cannot be told).
/// `tree` is left as it was.
fn answer_moment(
    (entries, queries): (&[Entry], &[u32]),
    (adds, asked): (&[u32], &[u32]),
    tree: &mut Fenwick,
    add: &dyn Fn(&mut Fenwick, u32, Decimal),
    answer: &mut dyn FnMut(u32, &Entry, &Fenwick),
) {
    let query = |k: usize| &entries[at(queries[at(asked[k])])];
    let addition = |k: usize| &entries[at(adds[k])];
    for &i in adds {
        add(tree, i, Decimal::ONE);
    }
    let (mut chain_at, mut asking) = (0, 0);
    while asking < asked.len() {
        let first = query(asking);
        let chain = (first.principal, first.author);
        while chain_at < adds.len()
            && (addition(chain_at).principal, addition(chain_at).author) < chain
        {
            chain_at += 1;
        }
        let chain_from = chain_at;
        while chain_at < adds.len() && addition(chain_at).author == first.author {
            chain_at += 1;
        }
        // Of its own chain, only those numbered before it.
        for &i in &adds[chain_from..chain_at] {
            add(tree, i, Decimal::NEGATIVE_ONE);
        }
        let mut own = chain_from;
        while asking < asked.len() && query(asking).author == first.author {
            let this = query(asking);
            while own < chain_at && addition(own).seq < this.seq {
                add(tree, adds[own], Decimal::ONE);
                own += 1;
            }
            answer(asked[asking], this, tree);
            asking += 1;
        }
        for &i in &adds[own..chain_at] {
            add(tree, i, Decimal::ONE);
        }
    }
    for &i in adds {
        add(tree, i, Decimal::NEGATIVE_ONE);
    }
}

/// For each of `queries`, what the team's decisions come to that its
/// author surely saw: their own signed before it (on any device), and
/// others' signed at least `allowance` before it — what was
/// signed later elsewhere may not have reached the machine it was signed
/// on yet. Each counted only while it held (strictly: not in the second
/// it stopped).
pub(super) fn team_seen_sums(
    total: &Resolved<'_>,
    counting: &Counting,
    queries: &[u32],
    stop: &dyn Fn(&Entry) -> Option<Timestamp>,
    allowance: jiff::SignedDuration,
) -> Vec<Decimal> {
    let entries = &counting.entries;
    let counts = |e: &Entry| total.norms.contains(&e.norm);
    let mut days: Vec<Date> = entries
        .iter()
        .filter(|e| counts(e))
        .map(|e| e.decision_date)
        .collect();
    days.sort_unstable();
    days.dedup();
    let day_of = |e: &Entry| days.partition_point(|d| *d < e.decision_date);
    let after = |t: Timestamp| t.checked_add(allowance).unwrap_or(Timestamp::MAX);
    // When each decision counts for everyone (`allowance` after it was
    // signed) and, if it stops holding after that, when it stops.
    let mut adds: Vec<(Timestamp, u32)> = Vec::new();
    let mut removes: Vec<(Timestamp, u32)> = Vec::new();
    let mut chains: Vec<u32> = Vec::new();
    for (i, e) in entries.iter().enumerate().filter(|(_, e)| counts(e)) {
        chains.push(place(i));
        let from = after(e.created);
        match stop(e) {
            Some(s) if s <= from => {}
            Some(s) => {
                adds.push((from, place(i)));
                removes.push((s, place(i)));
            }
            None => adds.push((from, place(i))),
        }
    }
    adds.sort_unstable();
    removes.sort_unstable();
    // Each signer's decisions, on every device, in the order signed.
    let signed = |e: &Entry| (e.principal, e.created, e.author, e.seq);
    chains.sort_unstable_by_key(|&i| signed(&entries[at(i)]));
    let mut asked: Vec<u32> = (0..place(queries.len())).collect();
    asked.sort_by_key(|&q| entries[at(queries[at(q)])].created);
    let mut tree = Fenwick::new(days.len());
    let add = |tree: &mut Fenwick, i: u32, sign: Decimal| {
        let e = &entries[at(i)];
        tree.add(day_of(e), sign * counting.measure(total, e));
    };
    let (mut add_at, mut remove_at) = (0, 0);
    let mut out = vec![Decimal::ZERO; queries.len()];
    for q in asked {
        let this = &entries[at(queries[at(q)])];
        let now = this.created;
        while let Some(&(_, i)) = adds.get(add_at).filter(|(t, _)| *t <= now) {
            add(&mut tree, i, Decimal::ONE);
            add_at += 1;
        }
        while let Some(&(_, i)) = removes.get(remove_at).filter(|(t, _)| *t <= now) {
            add(&mut tree, i, Decimal::NEGATIVE_ONE);
            remove_at += 1;
        }
        let mut sum = in_window(total.total, &days, &tree, this);
        // Its signer's own decisions too recent to count for everyone:
        // those signed before it, and those signed in the same second on
        // another device.
        let mine = chains.partition_point(|&i| signed(&entries[at(i)]) < signed(this));
        let earlier = chains[..mine].iter().rev().take_while(|&&i| {
            let other = &entries[at(i)];
            other.principal == this.principal && after(other.created) > now
        });
        let same_second = chains[mine..].iter().take_while(|&&i| {
            let other = &entries[at(i)];
            other.principal == this.principal && other.created == now
        });
        for &i in earlier.chain(same_second) {
            let other = &entries[at(i)];
            if stop(other).is_none_or(|s| s > now) && total.counts_for(other, this) {
                sum = sum.saturating_add(counting.measure(total, other));
            }
        }
        out[at(q)] = sum;
    }
    out
}

/// What the decisions in `tree` (by their place in `days`) that lie in
/// `total`'s window around `this` come to.
fn in_window(total: &Total, days: &[Date], tree: &Fenwick, this: &Entry) -> Decimal {
    let (first, last) = total.window.bounds(this.decision_date);
    let lo = first.map_or(0, |f| days.partition_point(|d| *d < f));
    let hi = last.map_or(days.len(), |t| days.partition_point(|d| *d <= t));
    tree.range(lo, hi)
}

/// Sums over positions, updated and read in `log n`.
pub(super) struct Fenwick(Vec<Decimal>);

impl Fenwick {
    pub(super) fn new(n: usize) -> Self {
        Self(vec![Decimal::ZERO; n + 1])
    }

    pub(super) fn add(&mut self, at: usize, value: Decimal) {
        let mut i = at + 1;
        while i < self.0.len() {
            self.0[i] = self.0[i].saturating_add(value);
            i += i & i.wrapping_neg();
        }
    }

    /// The sum of positions before `end`.
    fn prefix(&self, end: usize) -> Decimal {
        let mut sum = Decimal::ZERO;
        let mut i = end;
        while i > 0 {
            sum = sum.saturating_add(self.0[i]);
            i -= i & i.wrapping_neg();
        }
        sum
    }

    /// The sum of positions `lo..hi`.
    pub(super) fn range(&self, lo: usize, hi: usize) -> Decimal {
        if hi <= lo {
            Decimal::ZERO
        } else {
            self.prefix(hi).saturating_sub(self.prefix(lo))
        }
    }
}
