//! What falls due, sample draws, revisions and extensions.

use super::Lang;

impl Lang {
    pub fn bad_period_arg(self, flag: &str, given: &str) -> String {
        match self {
            Self::Nl => format!(
                "{flag} `{given}` is geen periode; schrijf hem als ISO 8601, bijvoorbeeld P30D (30 dagen) of P2M (2 maanden)"
            ),
            Self::En => format!(
                "{flag} `{given}` is not a period; write it as ISO 8601, for example P30D (30 days) or P2M (2 months)"
            ),
        }
    }

    pub fn nothing_due(self, within: &str) -> String {
        match self {
            Self::Nl => format!("Niets valt binnen {within} af te handelen."),
            Self::En => format!("Nothing falls due within {within}."),
        }
    }

    pub fn due_kind(self, kind: crate::domain::due::DueKind) -> &'static str {
        use crate::domain::due::DueKind;
        match kind {
            DueKind::Reassess => self.pick("opnieuw bekijken", "look at again"),
            DueKind::PeriodEnds => self.pick("looptijd eindigt", "period ends"),
        }
    }

    /// Days until a date: "over 3 dagen", "vandaag", "2 dagen te laat".
    pub fn days_left(self, days: i32) -> String {
        match (self, days) {
            (Self::Nl, 0) => "vandaag".into(),
            (Self::Nl, 1) => "morgen".into(),
            (Self::Nl, -1) => "1 dag te laat".into(),
            (Self::Nl, d) if d < 0 => format!("{} dagen te laat", -d),
            (Self::Nl, d) => format!("over {d} dagen"),
            (Self::En, 0) => "today".into(),
            (Self::En, 1) => "tomorrow".into(),
            (Self::En, -1) => "1 day overdue".into(),
            (Self::En, d) if d < 0 => format!("{} days overdue", -d),
            (Self::En, d) => format!("in {d} days"),
        }
    }

    pub fn due_header(self) -> [&'static str; 7] {
        match self {
            Self::Nl => ["id", "wat", "datum", "wanneer", "zaak", "auteur", "norm"],
            Self::En => ["id", "what", "date", "when", "case", "author", "norm"],
        }
    }

    pub fn bad_percent(self, given: &str) -> String {
        match self {
            Self::Nl => {
                format!("--sample `{given}` is geen percentage van 1 tot en met 100, zoals 10%")
            }
            Self::En => {
                format!("--sample `{given}` is not a percentage from 1 to 100, such as 10%")
            }
        }
    }

    pub fn bad_seed(self) -> String {
        self.pick(
            "--seed mag niet leeg zijn en geen BSN of stuurteken bevatten; kies een woord of getal dat u in het dossier noteert",
            "--seed may not be empty nor hold a BSN or a control character; choose a word or number you note in the file",
        )
        .to_owned()
    }

    pub fn sample_written(self, drawn: usize, population: u64, file: &str) -> String {
        match self {
            Self::Nl => format!(
                "{drawn} van {population} binnen mandaat genomen besluiten getrokken voor een tweede blik; de trekking is ondertekend: {file}. `maatwerk verify` doet de trekking opnieuw."
            ),
            Self::En => format!(
                "{drawn} of {population} decisions taken within mandaat drawn for a second look; the draw is signed: {file}. `maatwerk verify` redoes it."
            ),
        }
    }

    pub fn revising_notice(self, id: &str, by: &str, remark: Option<&str>) -> String {
        let (nl, en) = remark.map_or_else(Default::default, |r| {
            (format!(" Opmerking: “{r}”"), format!(" Remark: “{r}”"))
        });
        match self {
            Self::Nl => format!(
                "U herziet {id}, teruggestuurd door {by}.{nl} De antwoorden van toen staan klaar; pas aan wat nodig is."
            ),
            Self::En => format!(
                "You are revising {id}, returned by {by}.{en} The answers given then are filled in; change what is needed."
            ),
        }
    }

    /// Above the first screen of an extension.
    pub fn extending_notice(self, id: &str, start: Option<jiff::civil::Date>) -> String {
        let from = start.map(|d| self.date(d)).unwrap_or_default();
        match self {
            Self::Nl => format!(
                "U verlengt {id}. De nieuwe periode begint op {from}; de antwoorden van toen staan klaar, pas aan wat nodig is."
            ),
            Self::En => format!(
                "You are extending {id}. The new period starts on {from}; the answers given then are filled in, change what is needed."
            ),
        }
    }

    pub fn extension_problem(self, problem: &crate::domain::extension::ExtensionProblem) -> String {
        use crate::domain::extension::ExtensionProblem as P;
        match (self, problem) {
            (Self::Nl, P::NotInForce(s)) => format!(
                "alleen een besluit dat geldt of is verlopen kan worden verlengd; dit is {}",
                self.status(*s)
            ),
            (Self::En, P::NotInForce(s)) => format!(
                "only a decision in force or expired can be extended; this one is {}",
                self.status(*s)
            ),
            (Self::Nl, P::OtherCase) => "een verlenging gaat over dezelfde zaak".into(),
            (Self::En, P::OtherCase) => "an extension is about the same case".into(),
            (Self::Nl, P::OtherNorm) => "een verlenging steunt op dezelfde norm".into(),
            (Self::En, P::OtherNorm) => "an extension relies on the same norm".into(),
            (Self::Nl, P::NoPeriod) => {
                "een verlenging en het besluit dat zij verlengt hebben allebei een looptijd".into()
            }
            (Self::En, P::NoPeriod) => {
                "an extension and the decision it extends both have a period".into()
            }
            (Self::Nl, P::NotContiguous { expected }) => format!(
                "de looptijd van een verlenging begint de dag na het einde van de vorige: op {expected}"
            ),
            (Self::En, P::NotContiguous { expected }) => format!(
                "an extension's period starts the day after the previous one ends: on {expected}"
            ),
            (Self::Nl, P::TooManyExtensions { max }) => {
                format!("de norm staat ten hoogste {max} verlenging(en) toe")
            }
            (Self::En, P::TooManyExtensions { max }) => {
                format!("the norm allows at most {max} extension(s)")
            }
            (Self::Nl, P::TotalTooLong { max, last }) => format!(
                "alle looptijden samen mogen ten hoogste {} duren: t/m {last}",
                self.duration(*max),
                last = self.date(last),
            ),
            (Self::En, P::TotalTooLong { max, last }) => format!(
                "all periods together may run at most {}: up to and including {last}",
                self.duration(*max),
                last = self.date(last),
            ),
        }
    }

    pub fn remark_kept(self, record: &str) -> String {
        match self {
            Self::Nl => format!(
                "Uw oordeel en opmerking bij {record} zijn bewaard; `maatwerk review` gaat ermee verder."
            ),
            Self::En => format!(
                "Your verdict and remark on {record} are kept; `maatwerk review` goes on with them."
            ),
        }
    }

    pub fn returned_to_you(self) -> &'static str {
        self.pick(
            "Teruggestuurd naar u — herzie met de opdracht eronder:",
            "Returned to you — revise with the command below it:",
        )
    }

    pub fn sample_problem(self, problem: crate::domain::sample::SampleProblem) -> String {
        use crate::domain::sample::{SAMPLERS, SampleProblem as P};
        match (self, problem) {
            (Self::Nl, P::Percent) => "het percentage loopt van 1 tot en met 100".into(),
            (Self::En, P::Percent) => "the percentage runs from 1 to 100".into(),
            (_, P::Seed) => self.bad_seed(),
            (Self::Nl, P::Window) => "--from ligt na --to".into(),
            (Self::En, P::Window) => "--from lies after --to".into(),
            (Self::Nl, P::Drawer) => format!("een steekproef trekt een {}", SAMPLERS.join(", ")),
            (Self::En, P::Drawer) => format!("a sample is drawn by a {}", SAMPLERS.join(", ")),
        }
    }
}
