//! Signals: that no agreed norm fits a case.

use super::Lang;
use crate::domain::decision::Refusal;

impl Lang {
    pub fn signal_problem(self, p: crate::domain::signal::SignalProblem) -> String {
        use crate::domain::signal::SignalProblem as P;
        let t = |nl: String, en: String| if self == Self::Nl { nl } else { en };
        match p {
            P::CaseMissing => self.refusal(&Refusal::CaseMissing),
            P::CaseInvalid => self.refusal(&Refusal::CaseInvalid),
            P::CaseIsBsn => self.refusal(&Refusal::CaseIsBsn),
            P::TextTooShort { min } => t(
                format!(
                    "de toelichting is te kort: schrijf in minstens {min} tekens wat de zaak nodig heeft en waarom geen norm past"
                ),
                format!(
                    "the text is too short: say in at least {min} characters what the case needs and why no norm fits"
                ),
            ),
            P::BsnInText => t(
                "de toelichting bevat een burgerservicenummer (BSN); gebruik het zaaknummer".into(),
                "the text contains a citizen service number (BSN); use the case reference".into(),
            ),
        }
    }

    pub fn signal_not_signed(self) -> String {
        self.pick(
            "het signaal is niet ondertekend; er is niets opgeslagen",
            "the signal was not signed; nothing was stored",
        )
        .into()
    }

    pub fn no_such_check(self, norm: &str, check: &str) -> String {
        match self {
            Self::Nl => format!("de norm `{norm}` heeft geen check `{check}`"),
            Self::En => format!("the norm `{norm}` has no check `{check}`"),
        }
    }

    pub fn signal_written(self, id: &str, file: &str) -> String {
        match self {
            Self::Nl => {
                format!("Signaal {id} ondertekend en opgeslagen voor de beleidseigenaar: {file}")
            }
            Self::En => format!("Signal {id} signed and stored for the policy owner: {file}"),
        }
    }

    pub fn no_signals(self) -> &'static str {
        self.pick("Geen signalen.", "No signals.")
    }

    pub fn signals_header(self) -> [&'static str; 6] {
        match self {
            Self::Nl => [
                "id",
                "datum",
                "zaak",
                "auteur",
                "geprobeerde norm",
                "toelichting",
            ],
            Self::En => ["id", "date", "case", "author", "norm tried", "text"],
        }
    }
}
