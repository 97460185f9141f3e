//! Counting earlier decisions towards a norm's totals
//! ([`crate::domain::norm::total`]): which decisions count together, and
//! what they come to. `new` counts from the store's index, `verify` from
//! every record it reads; both count the same way, here.

use std::collections::HashSet;
use std::sync::Arc;

use jiff::Timestamp;
use jiff::civil::Date;

use super::norm::total::{Scope, Total};
use super::number::Decimal;
use super::record::{Answer, Record};

/// A case reference as decisions are compared by it: its runs of letters
/// and of digits, the letters in capitals and the digits without leading
/// zeros. `Z-2026-0001`, `z 2026/1` and `Z2026/0001` are one case;
/// `Z-2026-0010` is another.
pub fn case_key(case: &str) -> String {
    let mut runs: Vec<String> = Vec::new();
    let mut digits: Option<bool> = None;
    for c in case.chars() {
        if !c.is_alphanumeric() {
            digits = None;
            continue;
        }
        let digit = c.is_ascii_digit();
        if digits != Some(digit) {
            runs.push(String::new());
            digits = Some(digit);
        }
        if let Some(run) = runs.last_mut() {
            // A leading zero gives way to the digit after it.
            if digit && run == "0" {
                run.clear();
            }
            run.extend(c.to_uppercase());
        }
    }
    runs.join("-")
}

/// Names held once however many decisions carry them.
#[derive(Debug, Default)]
pub struct Names(HashSet<Arc<str>>);

impl Names {
    pub fn get(&mut self, name: &str) -> Arc<str> {
        if let Some(known) = self.0.get(name) {
            return Arc::clone(known);
        }
        let name: Arc<str> = Arc::from(name);
        self.0.insert(Arc::clone(&name));
        name
    }
}

/// Names held once and known by their place, for holders of many small
/// facts: a store's norms, authors and checks are few, its decisions many.
#[derive(Debug, Default)]
pub struct NameTable {
    names: Vec<Arc<str>>,
    places: std::collections::HashMap<Arc<str>, u32>,
}

impl NameTable {
    /// The place of `name`, taken in if it is new.
    pub fn place(&mut self, name: &str) -> u32 {
        if let Some(place) = self.places.get(name) {
            return *place;
        }
        let place = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        let name: Arc<str> = Arc::from(name);
        self.names.push(Arc::clone(&name));
        self.places.insert(name, place);
        place
    }

    /// The place of `name`, if it was ever taken in.
    pub fn find(&self, name: &str) -> Option<u32> {
        self.places.get(name).copied()
    }

    /// The name at `place` (empty for a place never given).
    pub fn name(&self, place: u32) -> &str {
        usize::try_from(place)
            .ok()
            .and_then(|i| self.names.get(i))
            .map_or("", |n| n)
    }
}

/// What a decision contributes to totals: enough to count it.
#[derive(Debug, Clone, PartialEq)]
pub struct Counted {
    pub id: String,
    /// Its case reference as [`case_key`] gives it.
    pub case_key: String,
    /// Its norm's id; shared among the decisions held at once.
    pub norm: Arc<str>,
    pub decision_date: Date,
    /// When it was signed: only decisions signed before another count
    /// towards that one.
    pub created: Timestamp,
    /// Who signed it, and where in their chain: of one author's decisions
    /// signed in the same second, the earlier in the chain counts towards
    /// the later.
    pub author: Arc<str>,
    pub seq: u64,
    /// Its answers to number checks.
    pub numbers: Vec<(Arc<str>, Decimal)>,
}

impl Counted {
    /// What totals count of `record`.
    pub fn of(record: &Record) -> Self {
        Self::of_in(record, &mut Names::default())
    }

    /// What totals count of `record`, its names shared through `names`
    /// with the other decisions held: a store's norms, authors and checks
    /// are few, its decisions many.
    pub fn of_in(record: &Record, names: &mut Names) -> Self {
        Self {
            id: record.id.clone(),
            case_key: case_key(&record.case),
            norm: names.get(&record.norm.id),
            decision_date: record.decision_date,
            created: record.created,
            author: names.get(&record.author.principal),
            seq: record.seq,
            numbers: record
                .checks
                .iter()
                .filter_map(|c| match c.answer {
                    Answer::Number(n) => Some((names.get(&c.id), n)),
                    _ => None,
                })
                .collect(),
        }
    }

    /// Whether it counts towards `total` for a decision like `this`.
    pub fn counts_for(&self, total: &Total, this: &Counted) -> bool {
        self.id != this.id
            && self.signed_before(this)
            && total.counts_norm(&self.norm)
            && (total.per == Scope::Team || self.case_key == this.case_key)
            && total
                .window
                .contains(this.decision_date, self.decision_date)
    }
}

impl Counted {
    /// Whether it was signed before `this`: in an earlier second, or in
    /// the same second unless later in the same author's chain. Which of
    /// two decisions signed in one second by two people came first cannot
    /// be told: each counts towards the other.
    pub fn signed_before(&self, this: &Counted) -> bool {
        self.created < this.created
            || (self.created == this.created && (self.author != this.author || self.seq < this.seq))
    }
}

/// What the decisions among `others` that count towards `total` for
/// `this` come to. The caller leaves out decisions that are no longer in
/// force or never were (rejected, returned, withdrawn, replaced).
pub fn earlier<'a>(
    total: &Total,
    this: &Counted,
    others: impl IntoIterator<Item = &'a Counted>,
) -> Decimal {
    others
        .into_iter()
        .filter(|o| o.counts_for(total, this))
        .map(|o| total.measure(o.numbers.iter().map(|(id, n)| (&**id, *n))))
        .fold(Decimal::ZERO, Decimal::saturating_add)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::duration::CalendarDuration;
    use crate::domain::norm::total::{Beyond, Window};
    use jiff::civil::date;

    fn counted(id: &str, case: &str, on: Date, at: &str, amount: i64) -> Counted {
        Counted {
            id: id.into(),
            case_key: case_key(case),
            norm: "pw-giften".into(),
            decision_date: on,
            created: at.parse().unwrap(),
            author: "anna@gemeente.example".into(),
            seq: 1,
            numbers: vec![("bedrag".into(), Decimal::from(amount))],
        }
    }

    fn total(window: Window, per: Scope, sum: bool) -> Total {
        Total {
            id: "giften".into(),
            sum: sum.then(|| "bedrag".into()),
            max: Decimal::from(1200),
            per,
            window,
            beyond: Beyond::Refuse,
            norms: vec!["pw-giften".into()],
        }
    }

    #[test]
    fn case_references_compare_by_their_letters_and_numbers() {
        assert_eq!(case_key("Z-2026-0001"), "Z-2026-1");
        assert_eq!(case_key(" z 2026/0001 "), "Z-2026-1");
        assert_eq!(case_key("Z2026/0001"), "Z-2026-1");
        // Leading zeros dropped or added: one case.
        assert_eq!(case_key("MR-2026-93"), case_key("MR-2026-000093"));
        assert_eq!(case_key("Z-0"), "Z-0");
        assert_eq!(case_key("Z-000"), "Z-0");
        assert_eq!(case_key("z.2026.0001"), case_key("Z-2026-0001"));
        assert_ne!(case_key("Z-2026-0001"), case_key("Z-2026-0010"));
    }

    #[test]
    fn earlier_decisions_count_by_case_window_norm_and_signing_order() {
        let this = counted("C", "Z-1", date(2026, 6, 1), "2026-06-01T10:00:00Z", 300);
        let others = [
            // Same case and year, signed before: counts.
            counted("A", "z 1", date(2026, 2, 1), "2026-02-01T10:00:00Z", 500),
            // Last year.
            counted("B", "Z-1", date(2025, 12, 31), "2025-12-31T10:00:00Z", 700),
            // Another case.
            counted("D", "Z-2", date(2026, 3, 1), "2026-03-01T10:00:00Z", 900),
            // Signed after this one.
            counted("E", "Z-1", date(2026, 5, 1), "2026-06-02T10:00:00Z", 100),
            // This one itself.
            this.clone(),
        ];
        let year = total(Window::CalendarYear, Scope::Case, true);
        assert_eq!(earlier(&year, &this, &others), Decimal::from(500));
        let team = total(Window::CalendarYear, Scope::Team, true);
        assert_eq!(earlier(&team, &this, &others), Decimal::from(1400));
        let ever = total(Window::Ever, Scope::Case, false);
        assert_eq!(earlier(&ever, &this, &others), Decimal::from(2));
        // Exactly four months apart is not less than four months.
        let four = total(
            Window::Within(CalendarDuration::parse_iso("P4M").unwrap()),
            Scope::Case,
            true,
        );
        assert_eq!(earlier(&four, &this, &others), Decimal::ZERO);
        let five = total(
            Window::Within(CalendarDuration::parse_iso("P5M").unwrap()),
            Scope::Case,
            true,
        );
        assert_eq!(earlier(&five, &this, &others), Decimal::from(500));
        let mut other_norm = year.clone();
        other_norm.norms = vec!["pw-andere".into()];
        assert_eq!(earlier(&other_norm, &this, &others), Decimal::ZERO);
    }
}
