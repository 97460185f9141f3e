//! The case screen of the walkthrough: what is said at the case
//! reference and the period as they are typed.

use super::Lang;

impl Lang {
    pub fn case_intro(self) -> &'static str {
        self.pick(
            "Over welke zaak gaat het? Gebruik het zaaknummer uit het zaaksysteem, nooit een BSN.",
            "Which case is it? Use the case reference from the case system, never a BSN.",
        )
    }

    /// What is wrong with a case reference, said at its field.
    pub fn case_problem(self, problem: crate::domain::decision::CaseProblem) -> String {
        use crate::domain::decision::CaseProblem as P;
        match problem {
            P::Missing => self
                .pick("vul het zaaknummer in", "enter the case reference")
                .into(),
            P::IsBsn => self.case_bsn_explained(),
            P::Invalid => self.pick("1 tot 64 tekens", "1 to 64 characters").into(),
        }
    }

    /// A case reference with a character other than plain ASCII, said at
    /// its field, with the plain form when there is one.
    pub fn case_not_plain(self, plain: Option<&str>, first: Option<(usize, char)>) -> String {
        let (at, c) = first.unwrap_or((1, ' '));
        let code = super::records::codepoint(c);
        match (self, plain) {
            (Self::Nl, Some(plain)) => {
                format!(
                    "teken {at} (‘{c}’, {code}) is geen gewone letter of cijfer: bedoelde u {plain}?"
                )
            }
            (Self::En, Some(plain)) => {
                format!(
                    "character {at} (‘{c}’, {code}) is no plain letter or digit: did you mean {plain}?"
                )
            }
            (Self::Nl, None) => format!(
                "teken {at} (‘{c}’, {code}) is geen gewone letter of cijfer: typ het zaaknummer over"
            ),
            (Self::En, None) => format!(
                "character {at} (‘{c}’, {code}) is no plain letter or digit: type the case reference"
            ),
        }
    }

    /// A period that runs into the next year, where the norm keeps it
    /// within one calendar year.
    pub fn period_past_year_end(self, year: i16) -> String {
        match self {
            Self::Nl => format!("binnen één kalenderjaar: uiterlijk t/m 31 december {year}"),
            Self::En => format!("within one calendar year: 31 December {year} at the latest"),
        }
    }

    pub fn case_bsn_explained(self) -> String {
        self.pick(
            "dit is een burgerservicenummer (BSN); dat mag alleen worden vastgelegd waar een wet het toestaat (UAVG art. 46). Gebruik het zaaknummer.",
            "this is a citizen service number (BSN); it may only be recorded where a law allows it (UAVG art. 46). Use the case reference.",
        )
        .into()
    }
}
