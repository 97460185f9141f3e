//! The kinds of check as a caseworker reads them: what an answer must be.

use super::Lang;
use crate::domain::number::Decimal;

impl Lang {
    pub fn kind_confirm(self, expect: Option<bool>) -> String {
        match (self, expect) {
            (Self::Nl, Some(true)) => {
                "ja/nee — alleen met ‘ja’ valt het geval onder deze norm".into()
            }
            (Self::Nl, Some(false)) => {
                "ja/nee — alleen met ‘nee’ valt het geval onder deze norm".into()
            }
            (Self::Nl, None) => "ja/nee — beide antwoorden kunnen".into(),
            (Self::En, Some(true)) => {
                "yes/no — the case falls under this norm only with ‘yes’".into()
            }
            (Self::En, Some(false)) => {
                "yes/no — the case falls under this norm only with ‘no’".into()
            }
            (Self::En, None) => "yes/no — either answer will do".into(),
        }
    }

    pub fn kind_text(self, min_chars: u32) -> String {
        match (self, min_chars) {
            (Self::Nl, 0) => "tekst".into(),
            (Self::Nl, n) => format!("tekst, minstens {n} tekens"),
            (Self::En, 0) => "text".into(),
            (Self::En, n) => format!("text, at least {n} characters"),
        }
    }

    pub fn kind_number(
        self,
        min: Option<Decimal>,
        max: Option<Decimal>,
        unit: Option<&str>,
    ) -> String {
        let n = |v: Decimal| self.amount(v, unit);
        let euro = unit == Some(crate::domain::number::EURO);
        let range = match (self, min, max) {
            (Self::Nl, Some(lo), Some(hi)) => format!("van {} t/m {}", n(lo), n(hi)),
            (Self::Nl, Some(lo), None) => format!("minstens {}", n(lo)),
            (Self::Nl, None, Some(hi)) => format!("hoogstens {}", n(hi)),
            (Self::En, Some(lo), Some(hi)) => format!("from {} to {}", n(lo), n(hi)),
            (Self::En, Some(lo), None) => format!("at least {}", n(lo)),
            (Self::En, None, Some(hi)) => format!("at most {}", n(hi)),
            (_, None, None) => unit.map(str::to_owned).unwrap_or_default(),
        };
        let what = match (self, euro) {
            (Self::Nl, true) => "bedrag",
            (Self::Nl, false) => "getal",
            (Self::En, true) => "amount",
            (Self::En, false) => "number",
        };
        let how = match (self, euro) {
            (Self::Nl, true) => ", bijvoorbeeld 450 of 1.250,50",
            (Self::En, true) => ", for example 450 or 1,250.50",
            _ => "",
        };
        format!("{what} {range}{how}").trim_end().to_owned()
    }

    pub fn kind_choice(self, options: &[String], accept: &[String]) -> String {
        let options = options.join(" | ");
        if accept.is_empty() {
            match self {
                Self::Nl => format!("keuze: {options}"),
                Self::En => format!("choice: {options}"),
            }
        } else {
            let accept = accept.join(" | ");
            match self {
                Self::Nl => format!("keuze: {options} — valt onder de norm bij: {accept}"),
                Self::En => format!("choice: {options} — falls under the norm with: {accept}"),
            }
        }
    }

    pub fn kind_date(
        self,
        within_period: bool,
        before_decision: Option<crate::domain::duration::CalendarDuration>,
    ) -> String {
        let text = if within_period {
            self.pick("datum binnen de looptijd", "date within the period")
        } else {
            self.pick("datum", "date")
        };
        let Some(d) = before_decision.map(|d| self.duration(d)) else {
            return text.to_owned();
        };
        match self {
            Self::Nl => format!("{text}, ten hoogste {d} vóór de besluitdatum"),
            Self::En => format!("{text}, at most {d} before the decision date"),
        }
    }

    /// When a question applies: " — alleen als minderjarige-kinderen: ja".
    pub fn only_when(self, when: &[crate::domain::norm::Condition]) -> String {
        let conditions: Vec<String> = when
            .iter()
            .map(|c| format!("{}: {}", c.check, self.condition_value(&c.value)))
            .collect();
        let conditions = conditions.join(self.pick(" en ", " and "));
        match self {
            Self::Nl => format!(" — alleen als {conditions}"),
            Self::En => format!(" — only if {conditions}"),
        }
    }

    /// What a condition asks of an answer: "ja", "4a of 4b", "onder 200".
    pub fn condition_value(self, value: &crate::domain::norm::ConditionValue) -> String {
        use crate::domain::norm::{Compare, ConditionValue};
        match value {
            ConditionValue::Yes(true) => self.yes().to_owned(),
            ConditionValue::Yes(false) => self.no().to_owned(),
            ConditionValue::Option(o) => o.clone(),
            ConditionValue::OneOf(any) => any.join(self.pick(" of ", " or ")),
            ConditionValue::Compare(c) => {
                let (word, n) = match (self, c) {
                    (Self::Nl, Compare::Below(n)) => ("onder", n),
                    (Self::Nl, Compare::AtMost(n)) => ("hoogstens", n),
                    (Self::Nl, Compare::Above(n)) => ("boven", n),
                    (Self::Nl, Compare::AtLeast(n)) => ("minstens", n),
                    (Self::En, Compare::Below(n)) => ("below", n),
                    (Self::En, Compare::AtMost(n)) => ("at most", n),
                    (Self::En, Compare::Above(n)) => ("above", n),
                    (Self::En, Compare::AtLeast(n)) => ("at least", n),
                };
                format!("{word} {}", self.amount(*n, None))
            }
        }
    }

    pub fn heading_constraints(self) -> &'static str {
        self.pick("Regels over meerdere antwoorden", "Rules across answers")
    }

    /// What a rule across answers asks, in its conditions: "als bedrag:
    /// boven 500 — vereist betaald-aan: schuldeiser of instantie".
    pub fn constraint_terms(self, c: &crate::domain::norm::Constraint) -> String {
        let list = |conditions: &[crate::domain::norm::Condition], and: bool| {
            conditions
                .iter()
                .map(|c| format!("{}: {}", c.check, self.condition_value(&c.value)))
                .collect::<Vec<_>>()
                .join(match (self, and) {
                    (Self::Nl, true) => " en ",
                    (Self::Nl, false) => " of ",
                    (Self::En, true) => " and ",
                    (Self::En, false) => " or ",
                })
        };
        let mut parts = Vec::new();
        if !c.when.is_empty() {
            parts.push(format!(
                "{} {}",
                self.pick("als", "if"),
                list(&c.when, true)
            ));
        }
        if !c.require.is_empty() {
            parts.push(format!(
                "{} {}",
                self.pick("vereist", "requires"),
                list(&c.require, true)
            ));
        }
        if !c.any.is_empty() {
            parts.push(format!(
                "{} {}",
                self.pick("ten minste één van", "at least one of"),
                list(&c.any, false)
            ));
        }
        parts.join(" — ")
    }

    /// A total as `norms show` says it: "bedrag samen ten hoogste € 50.000
    /// per kalenderjaar voor het team; daarboven geweigerd".
    pub fn total_terms(self, t: &crate::domain::norm::total::Total, unit: Option<&str>) -> String {
        use crate::domain::norm::total::{Beyond, Window};
        let what = match &t.sum {
            Some(check) => format!("{check} {}", self.pick("samen", "together")),
            None => self
                .pick("aantal besluiten", "number of decisions")
                .to_owned(),
        };
        let max = self.total_amount(t.max, unit, t.sum.is_none());
        let window = match (self, t.window) {
            (Self::Nl, Window::CalendarYear) => "per kalenderjaar".to_owned(),
            (Self::En, Window::CalendarYear) => "per calendar year".to_owned(),
            (Self::Nl, Window::Within(d)) => format!("binnen {} van elkaar", self.duration(d)),
            (Self::En, Window::Within(d)) => format!("within {} of each other", self.duration(d)),
            (Self::Nl, Window::Ever) => "ooit".to_owned(),
            (Self::En, Window::Ever) => "ever".to_owned(),
        };
        let whose = self.total_scope(t.per);
        let beyond = match (self, &t.beyond) {
            (Self::Nl, Beyond::Refuse) => "daarboven kan het niet".to_owned(),
            (Self::En, Beyond::Refuse) => "not allowed beyond it".to_owned(),
            (Self::Nl, Beyond::Review(role)) => format!("daarboven beoordeelt een {role}"),
            (Self::En, Beyond::Review(role)) => {
                format!("beyond it {} reviews", super::a_role(role))
            }
        };
        match self {
            Self::Nl => format!("{what} ten hoogste {max} {window} voor {whose}; {beyond}"),
            Self::En => format!("{what} at most {max} {window} for {whose}; {beyond}"),
        }
    }

    /// How long a decision may run, with the norm's rules for its period:
    /// "1 jaar; uiterlijk t/m de dag vóór het antwoord op wordt-23-op;
    /// binnen één kalenderjaar".
    pub fn period_terms(
        self,
        n: &crate::domain::norm::Norm,
        max: crate::domain::duration::CalendarDuration,
    ) -> String {
        let mut parts = vec![self.duration(max)];
        if let Some(id) = &n.period_ends_before {
            parts.push(match self {
                Self::Nl => format!("uiterlijk t/m de dag vóór het antwoord op `{id}`"),
                Self::En => format!("up to the day before the answer to `{id}`"),
            });
        }
        if n.period_in_calendar_year {
            parts.push(
                self.pick("binnen één kalenderjaar", "within one calendar year")
                    .to_owned(),
            );
        }
        parts.join("; ")
    }
}
