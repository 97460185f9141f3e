//! The kinds of check as a caseworker reads them: what an answer must be.

use super::Lang;
use crate::domain::number::Decimal;

impl Lang {
    pub fn kind_confirm(self, expect: bool) -> String {
        match (self, expect) {
            (Self::Nl, true) => "ja/nee — alleen met ‘ja’ valt het geval onder deze norm".into(),
            (Self::Nl, false) => "ja/nee — alleen met ‘nee’ valt het geval onder deze norm".into(),
            (Self::En, true) => "yes/no — the case falls under this norm only with ‘yes’".into(),
            (Self::En, false) => "yes/no — the case falls under this norm only with ‘no’".into(),
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

    pub fn kind_date(self, within_period: bool) -> &'static str {
        if within_period {
            self.pick("datum binnen de looptijd", "date within the period")
        } else {
            self.pick("datum", "date")
        }
    }

    /// When a question applies: " — alleen als minderjarige-kinderen: ja".
    pub fn only_when(self, when: &[crate::domain::norm::Condition]) -> String {
        use crate::domain::norm::ConditionValue;
        let conditions: Vec<String> = when
            .iter()
            .map(|c| {
                let value = match &c.value {
                    ConditionValue::Yes(true) => self.yes().to_owned(),
                    ConditionValue::Yes(false) => self.no().to_owned(),
                    ConditionValue::Option(o) => o.clone(),
                };
                format!("{}: {value}", c.check)
            })
            .collect();
        let conditions = conditions.join(self.pick(" en ", " and "));
        match self {
            Self::Nl => format!(" — alleen als {conditions}"),
            Self::En => format!(" — only if {conditions}"),
        }
    }
}
