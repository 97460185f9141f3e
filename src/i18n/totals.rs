//! Totals over several decisions in words: how much, over which dates,
//! for whom.

use jiff::civil::Date;

use super::Lang;
use crate::domain::norm::total::Scope;
use crate::domain::number::Decimal;
use crate::domain::record::{Record, TotalLine};

impl Lang {
    pub fn heading_totals(self) -> &'static str {
        self.pick(
            "Totalen over meerdere besluiten",
            "Totals over several decisions",
        )
    }

    /// One total as the record states it: what earlier decisions came to,
    /// with this one, against the maximum, over which dates.
    pub fn total_line(self, r: &Record, line: &TotalLine) -> String {
        let unit = line
            .sum
            .as_ref()
            .and_then(|id| r.checks.iter().find(|c| c.id == *id))
            .and_then(|c| c.unit.as_deref());
        let at = |n: Decimal| self.total_amount(n, unit, line.sum.is_none());
        let (earlier, total, max) = (at(line.earlier), at(line.total), at(line.max));
        let when = self.total_window(line.from, line.through);
        let id = &line.id;
        self.pick(
            &format!("{id}: eerdere besluiten {earlier}, met dit besluit {total} van ten hoogste {max} ({when})"),
            &format!("{id}: earlier decisions {earlier}, with this one {total} of at most {max} ({when})"),
        )
        .to_owned()
    }

    /// A total's figure: an amount in its unit, or a number of decisions.
    pub fn total_amount(self, value: Decimal, unit: Option<&str>, counted: bool) -> String {
        if !counted {
            return self.amount(value, unit);
        }
        let n = self.amount(value, None);
        match (self, value == Decimal::ONE) {
            (Self::Nl, true) => format!("{n} besluit"),
            (Self::Nl, false) => format!("{n} besluiten"),
            (Self::En, true) => format!("{n} decision"),
            (Self::En, false) => format!("{n} decisions"),
        }
    }

    /// The decision dates that count together, inclusive.
    pub fn total_window(self, from: Option<Date>, through: Option<Date>) -> String {
        match (from, through) {
            (Some(from), Some(through))
                if from.month() == 1
                    && from.day() == 1
                    && through.year() == from.year()
                    && through.month() == 12
                    && through.day() == 31 =>
            {
                format!("in {}", from.year())
            }
            (Some(from), Some(through)) => self
                .pick(
                    &format!("van {} t/m {}", self.date(from), self.date(through)),
                    &format!(
                        "from {} to {} inclusive",
                        self.date(from),
                        self.date(through)
                    ),
                )
                .to_owned(),
            (Some(from), None) => self
                .pick(
                    &format!("vanaf {}", self.date(from)),
                    &format!("from {}", self.date(from)),
                )
                .to_owned(),
            (None, Some(through)) => self
                .pick(
                    &format!("t/m {}", self.date(through)),
                    &format!("up to {}", self.date(through)),
                )
                .to_owned(),
            (None, None) => self.pick("ooit", "ever").to_owned(),
        }
    }

    /// A total a record states otherwise than the store gives.
    pub fn total_misstated(
        self,
        total: &str,
        stated: Option<Decimal>,
        found: Decimal,
        (unit, counted): (Option<&str>, bool),
    ) -> String {
        let found = self.total_amount(found, unit, counted);
        match stated {
            None => self.pick(
                &format!("steunt op een norm met een totaal over meerdere besluiten (`{total}`) maar vermeldt het niet; de eerdere besluiten in de opslag komen op {found}"),
                &format!("relies on a norm with a total over several decisions (`{total}`) but does not state it; the earlier decisions in the store come to {found}"),
            ).to_owned(),
            Some(stated) => {
                let stated = self.total_amount(stated, unit, counted);
                self.pick(
                    &format!("totaal `{total}`: de eerdere besluiten die meetellen komen in de opslag op {found}, de verantwoording noemt {stated}"),
                    &format!("total `{total}`: the earlier decisions that count come to {found} in the store, the record states {stated}"),
                ).to_owned()
            }
        }
    }

    /// Whose decisions count together.
    pub fn total_scope(self, per: Scope) -> &'static str {
        match (self, per) {
            (Self::Nl, Scope::Case) => "deze zaak",
            (Self::Nl, Scope::Team) => "het team",
            (Self::En, Scope::Case) => "this case",
            (Self::En, Scope::Team) => "the team",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn totals_read_as_people_say_them() {
        let nl = Lang::Nl;
        assert_eq!(
            nl.total_amount(Decimal::new(120_000, 2), Some("EUR"), false),
            "€ 1.200"
        );
        assert_eq!(nl.total_amount(Decimal::ONE, None, true), "1 besluit");
        assert_eq!(
            Lang::En.total_amount(Decimal::TWO, None, true),
            "2 decisions"
        );
        assert_eq!(
            nl.total_window(Some(date(2026, 1, 1)), Some(date(2026, 12, 31))),
            "in 2026"
        );
        assert_eq!(
            nl.total_window(Some(date(2021, 6, 16)), Some(date(2031, 6, 14))),
            "van 16 juni 2021 t/m 14 juni 2031"
        );
        assert_eq!(nl.total_window(None, None), "ooit");
    }
}
