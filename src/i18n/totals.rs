//! Totals over several decisions in words: how much, over which dates,
//! for whom.

use jiff::civil::Date;

use super::Lang;
use crate::domain::extension::SoFar;
use crate::domain::norm::Norm;
use crate::domain::norm::total::{Beyond, Scope, Total};
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

    /// What the store holds now of a total the record `r` states in
    /// `line`, when that is more than it counted: `now` earlier.
    pub fn total_recounted(
        self,
        r: &Record,
        line: &TotalLine,
        now: &crate::domain::store::Earlier,
    ) -> String {
        let unit = line.sum.as_deref().and_then(|check| r.unit(check));
        let at = |n: Decimal| self.total_amount(n, unit.as_deref(), line.sum.is_none());
        let with = now
            .amount
            .saturating_add(line.total.saturating_sub(line.earlier));
        let (earlier, total, max) = (at(now.amount), at(with), at(line.max));
        let which = self.decision_ids(&now.decisions);
        match (self, with > line.max) {
            (Self::Nl, false) => format!(
                "In de opslag nu: eerdere besluiten {earlier} ({which}), met dit besluit {total} van ten hoogste {max}. De verantwoording telde een besluit niet mee dat kort ervoor op een andere computer werd ondertekend."
            ),
            (Self::Nl, true) => format!(
                "⚠ In de opslag nu: eerdere besluiten {earlier} ({which}), met dit besluit {total}: boven het maximum van {max}. De verantwoording telde een besluit niet mee dat kort ervoor op een andere computer werd ondertekend."
            ),
            (Self::En, false) => format!(
                "In the store now: earlier decisions {earlier} ({which}), with this one {total} of at most {max}. The record did not count a decision signed shortly before it on another computer."
            ),
            (Self::En, true) => format!(
                "⚠ In the store now: earlier decisions {earlier} ({which}), with this one {total}: past the maximum of {max}. The record did not count a decision signed shortly before it on another computer."
            ),
        }
    }

    /// Why a record needs a second look beyond its mandaat, as the inbox
    /// lists it: counted again now, it goes past a total —
    /// "eenmalig-per-zaak: in de opslag nu 2 besluiten > 1 besluit (eerder: MW-…)".
    pub fn past_total_now(
        self,
        r: &Record,
        line: &TotalLine,
        now: &crate::domain::store::Earlier,
        with: Decimal,
    ) -> String {
        let unit = line.sum.as_deref().and_then(|check| r.unit(check));
        let at = |n: Decimal| self.total_amount(n, unit.as_deref(), line.sum.is_none());
        let (id, with, max) = (&line.id, at(with), at(line.max));
        let which = self.decision_ids(&now.decisions);
        self.pick(
            &format!("{id}: in de opslag nu {with} > {max} (eerder: {which})"),
            &format!("{id}: in the store now {with} > {max} (earlier: {which})"),
        )
        .to_owned()
    }

    /// Decisions by id, the first three: "MW-…, MW-… en 4 andere".
    fn decision_ids(self, ids: &[String]) -> String {
        let shown = ids.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
        match (self, ids.len().saturating_sub(3)) {
            (_, 0) => shown,
            (Self::Nl, 1) => format!("{shown} en 1 ander"),
            (Self::Nl, more) => format!("{shown} en {more} andere"),
            (Self::En, 1) => format!("{shown} and 1 other"),
            (Self::En, more) => format!("{shown} and {more} others"),
        }
    }

    /// Where a total stands before this decision, as the walkthrough says
    /// it beside the question: "deze zaak: al € 800, van ten hoogste € 1.200
    /// (in 2026)",
    /// and with `this` decision's share what it comes to and whether that
    /// goes past the maximum.
    pub fn total_so_far(
        self,
        total: &Total,
        unit: Option<&str>,
        (earlier, on): (Decimal, Date),
        this: Option<Decimal>,
    ) -> String {
        let counted = total.sum.is_none();
        let at = |n: Decimal| self.total_amount(n, unit, counted);
        let (from, through) = total.window.bounds(on);
        let when = self.total_window(from, through);
        let scope = self.total_scope(total.per);
        let (e, max) = (at(earlier), at(total.max));
        let text = match self {
            Self::Nl => format!(
                "{}: al {e}, van ten hoogste {max} ({when})",
                capitalise(scope)
            ),
            Self::En => format!(
                "{}: already {e}, of at most {max} ({when})",
                capitalise(scope)
            ),
        };
        let Some(this) = this.filter(|t| *t > Decimal::ZERO) else {
            return text;
        };
        let sum = earlier + this;
        let with = at(sum);
        let what = match (self, counted) {
            (Self::Nl, true) => "met dit besluit",
            (Self::Nl, false) => "met dit bedrag",
            (Self::En, true) => "with this decision",
            (Self::En, false) => "with this amount",
        };
        let with = format!("{text}; {what} {with}");
        if sum <= total.max {
            if counted {
                return with;
            }
            let left = at(total.max - sum);
            return match self {
                Self::Nl => format!("{with}, nog {left} over"),
                Self::En => format!("{with}, {left} left"),
            };
        }
        match (self, &total.beyond) {
            (Self::Nl, Beyond::Refuse) => format!("{with} — meer dan het maximum: zo kan het niet"),
            (Self::En, Beyond::Refuse) => format!("{with} — past the maximum: not allowed"),
            (Self::Nl, Beyond::Review(role)) => {
                format!("{with} — meer dan het maximum: een {role} beoordeelt het besluit")
            }
            (Self::En, Beyond::Review(role)) => {
                format!(
                    "{with} — past the maximum: {} reviews the decision",
                    super::a_role(role)
                )
            }
        }
    }

    /// How far a chain of decisions has gone, said where the extension's
    /// period is typed: "verlenging 2 van ten hoogste 3; al 20 maanden van
    /// de 24 maanden gebruikt sinds 1 januari 2025, uiterlijk t/m 31
    /// december 2026".
    pub fn extension_so_far(self, so_far: SoFar, norm: &Norm) -> String {
        let n = so_far.number;
        let mut parts = vec![match (self, norm.max_extensions) {
            (Self::Nl, Some(max)) => format!("verlenging {n} van ten hoogste {max}"),
            (Self::En, Some(max)) => format!("extension {n} of at most {max}"),
            (Self::Nl, None) => format!("verlenging {n}"),
            (Self::En, None) => format!("extension {n}"),
        }];
        let since = self.date(so_far.origin);
        let used = so_far
            .used(norm.max_total_duration)
            .map(|d| self.duration(d));
        match (used, norm.max_total_duration, so_far.limit(norm)) {
            (Some(used), Some(max), Some(limit)) => {
                let max = self.duration(max);
                let last = self.date(limit.yesterday().unwrap_or(limit));
                parts.push(match self {
                    Self::Nl => format!(
                        "al {used} van de {max} gebruikt sinds {since}, uiterlijk t/m {last}"
                    ),
                    Self::En => {
                        format!("{used} of {max} used since {since}, up to {last} at the latest")
                    }
                });
            }
            (Some(used), _, _) => parts.push(match self {
                Self::Nl => format!("al {used} sinds {since}"),
                Self::En => format!("{used} since {since}"),
            }),
            _ => {}
        }
        parts.join("; ")
    }

    /// An extension's last day past the longest time all decisions
    /// together may run.
    pub fn extension_past_total(self, last: Date) -> String {
        match self {
            Self::Nl => format!(
                "samen met de eerdere besluiten langer dan de norm toestaat: uiterlijk t/m {}",
                self.date(last)
            ),
            Self::En => format!(
                "longer than the norm allows together with the earlier decisions: {} at the latest",
                self.date(last)
            ),
        }
    }

    pub fn heading_award(self) -> &'static str {
        self.pick("Toekenning", "Award")
    }

    pub fn form(self, form: crate::domain::norm::award::Form) -> &'static str {
        use crate::domain::norm::award::Form;
        match form {
            Form::Gift => self.pick("om niet (gift)", "gift"),
            Form::Loan => self.pick("lening", "loan"),
            Form::InKind => self.pick("in natura", "in kind"),
        }
    }

    /// What a record grants, one line each: the form, the amount worked
    /// out, when it takes effect, until when it may be revoked.
    pub fn award_lines(self, a: &crate::domain::norm::award::Awarded) -> Vec<String> {
        let mut lines = vec![format!(
            "{}: {}",
            self.pick("Vorm", "Form"),
            self.form(a.form)
        )];
        if let Some(amount) = a.amount {
            let unit = a.unit.as_deref();
            let amount = if unit == Some(crate::domain::number::EURO) {
                self.amount(amount, unit)
            } else {
                format!("{} {}", self.amount(amount, None), unit.unwrap_or_default())
            };
            lines.push(format!(
                "{}: {}",
                self.pick("Berekend", "Worked out"),
                amount.trim_end()
            ));
        }
        if let Some(when) = &a.takes_effect_when {
            lines.push(format!(
                "{}: {when}",
                self.pick("Gaat in als", "Takes effect when")
            ));
        }
        if let Some(until) = a.revocable_until {
            lines.push(format!(
                "{}: {}",
                self.pick("Herroepbaar t/m", "Revocable up to"),
                self.date(until)
            ));
        }
        lines
    }

    /// A norm's `[award]` as `norms show` says it.
    pub fn award_terms(self, a: &crate::domain::norm::award::Award) -> Vec<String> {
        let mut lines = vec![format!(
            "{}: {}",
            self.pick("Vorm", "Form"),
            self.form(a.form)
        )];
        for (when, form) in &a.form_when {
            lines.push(format!("{}{}", self.form(*form), self.only_when(when)));
        }
        if let Some(c) = &a.amount {
            let base = if c.unit == crate::domain::number::EURO {
                self.amount(c.base, Some(&c.unit))
            } else {
                format!("{} {}", self.amount(c.base, None), c.unit)
            };
            let mut parts = vec![base];
            for m in &c.add {
                let per = m
                    .per
                    .as_ref()
                    .map(|p| format!(" × {p}"))
                    .unwrap_or_default();
                let when = if m.when.is_empty() {
                    String::new()
                } else {
                    self.only_when(&m.when)
                };
                parts.push(format!("{}{per}{when}", self.amount(m.value, None)));
            }
            lines.push(format!(
                "{}: {}",
                self.pick("Berekend", "Worked out"),
                parts.join(" + ")
            ));
        }
        if let Some(when) = &a.takes_effect_when {
            lines.push(format!(
                "{}: {when}",
                self.pick("Gaat in als", "Takes effect when")
            ));
        }
        if let Some(d) = a.revocable_for {
            lines.push(format!(
                "{}: {}",
                self.pick("Herroepbaar gedurende", "Revocable for"),
                self.duration(d)
            ));
        }
        lines
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

    /// A total that decisions signed shortly after each other on several
    /// computers go past together: `found` with this decision, of `max`.
    pub fn total_passed_together(
        self,
        total: &str,
        (found, max): (Decimal, Decimal),
        (unit, counted): (Option<&str>, bool),
    ) -> String {
        let (found, max) = (
            self.total_amount(found, unit, counted),
            self.total_amount(max, unit, counted),
        );
        self.pick(
            &format!("totaal `{total}`: met de besluiten die minder dan 72 uur ervoor op een andere computer werden ondertekend, komt het met dit besluit op {found}: boven het maximum van {max}"),
            &format!("total `{total}`: with the decisions signed on another computer less than 72 hours before it, it comes to {found} with this decision: past its maximum of {max}"),
        )
        .to_owned()
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

/// `text` with its first letter a capital.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
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

    #[test]
    fn where_a_total_stands_is_said_beside_the_question() {
        let gifts = Total {
            id: "giften".into(),
            sum: Some("bedrag".into()),
            max: Decimal::new(1200, 0),
            per: Scope::Case,
            window: crate::domain::norm::total::Window::CalendarYear,
            beyond: Beyond::Review("teamleider".into()),
            norms: vec!["n".into()],
        };
        let nl = Lang::Nl;
        let on = date(2026, 3, 3);
        let eur = Some("EUR");
        let earlier = Decimal::new(800, 0);
        assert_eq!(
            nl.total_so_far(&gifts, eur, (earlier, on), None),
            "Deze zaak: al € 800, van ten hoogste € 1.200 (in 2026)"
        );
        assert_eq!(
            nl.total_so_far(&gifts, eur, (earlier, on), Some(Decimal::new(30050, 2))),
            "Deze zaak: al € 800, van ten hoogste € 1.200 (in 2026); met dit bedrag € 1.100,50, nog € 99,50 over"
        );
        assert_eq!(
            nl.total_so_far(&gifts, eur, (earlier, on), Some(Decimal::new(401, 0))),
            "Deze zaak: al € 800, van ten hoogste € 1.200 (in 2026); met dit bedrag € 1.201 — meer dan het maximum: een teamleider beoordeelt het besluit"
        );
        let once = Total {
            sum: None,
            max: Decimal::ONE,
            beyond: Beyond::Refuse,
            per: Scope::Team,
            ..gifts
        };
        assert_eq!(
            Lang::En.total_so_far(&once, None, (Decimal::ONE, on), Some(Decimal::ONE)),
            "The team: already 1 decision, of at most 1 decision (in 2026); with this decision 2 decisions — past the maximum: not allowed"
        );
    }
}
