//! Reviews, withdrawals, revisions and the status of a decision.

use crate::domain::number::Decimal;

use super::Lang;
use crate::domain::lifecycle::{Refusal, Status};
use crate::domain::ops::review::ActError;
use crate::domain::review::{TextProblem, Verdict};

impl Lang {
    /// A status as people read it.
    pub fn status(self, status: Status) -> &'static str {
        match status {
            Status::Decided => self.pick("vastgesteld", "decided"),
            Status::ForReview => self.pick("ter beoordeling", "for review"),
            Status::Approved => self.pick("goedgekeurd", "approved"),
            Status::Returned => self.pick("teruggestuurd", "returned"),
            Status::Rejected => self.pick("afgewezen", "rejected"),
            Status::Superseded => self.pick("vervangen", "superseded"),
            Status::Withdrawn => self.pick("ingetrokken", "withdrawn"),
            Status::Expired => self.pick("verlopen", "expired"),
        }
    }

    /// A status with the flag that its norm has since been revised.
    pub fn status_with_flag(self, status: Status, norm_revised: bool) -> String {
        if norm_revised {
            format!(
                "{} {}",
                self.status(status),
                self.pick("(norm herzien)", "(norm revised)")
            )
        } else {
            self.status(status).to_owned()
        }
    }

    pub fn verdict(self, verdict: Verdict) -> &'static str {
        match verdict {
            Verdict::Approve => self.pick("goedgekeurd", "approved"),
            Verdict::Return => self.pick("teruggestuurd", "returned"),
            Verdict::Reject => self.pick("afgewezen", "rejected"),
        }
    }

    pub fn unknown_status(self, given: &str) -> String {
        let codes: Vec<&str> = Status::ALL.iter().map(|s| s.code()).collect();
        match self {
            Self::Nl => format!("onbekende status `{given}`: kies uit {}", codes.join(", ")),
            Self::En => format!("unknown status `{given}`: choose from {}", codes.join(", ")),
        }
    }

    pub fn review_refusal(self, refusal: &Refusal) -> String {
        match (self, refusal) {
            (Self::Nl, Refusal::NothingToReview) => {
                "deze verantwoording is binnen het mandaat van de auteur vastgesteld: er valt niets te beoordelen".into()
            }
            (Self::En, Refusal::NothingToReview) => {
                "this record was decided within its author's mandaat: there is nothing to review".into()
            }
            (Self::Nl, Refusal::Settled(s)) => {
                format!("deze verantwoording is al {}", self.status(*s))
            }
            (Self::En, Refusal::Settled(s)) => format!("this record is {} already", self.status(*s)),
            (Self::Nl, Refusal::OwnRecord) => {
                "u bent de auteur: niemand beoordeelt een eigen besluit (vier ogen)".into()
            }
            (Self::En, Refusal::OwnRecord) => {
                "you are its author: nobody reviews their own decision (four eyes)".into()
            }
            (Self::Nl, Refusal::RoleTooLow { needed, role }) => format!(
                "deze verantwoording vraagt beoordeling door {needed} of hoger volgens de norm; uw rol is {role}"
            ),
            (Self::En, Refusal::RoleTooLow { needed, role }) => format!(
                "this record needs review by {needed} or higher under its norm; your role is {role}"
            ),
            (Self::Nl, Refusal::NoNorm) => {
                "de norm waarop deze verantwoording steunt staat niet in de opslag; `maatwerk verify` zegt meer".into()
            }
            (Self::En, Refusal::NoNorm) => {
                "the norm this record relied on is not in the store; `maatwerk verify` says more".into()
            }
        }
    }

    pub fn text_problem(self, problem: TextProblem) -> String {
        match (self, problem) {
            (Self::Nl, TextProblem::RemarkMissing) => {
                "terugsturen en afwijzen vragen een toelichting voor de auteur: geef --comment of --comment-file".into()
            }
            (Self::En, TextProblem::RemarkMissing) => {
                "returning and rejecting need a remark for the author: give --comment or --comment-file".into()
            }
            (Self::Nl, TextProblem::ReasonTooShort { min }) => {
                format!("de reden is te kort: schrijf in minstens {min} tekens waarom")
            }
            (Self::En, TextProblem::ReasonTooShort { min }) => {
                format!("the reason is too short: say why in at least {min} characters")
            }
            (Self::Nl, TextProblem::BsnInText) => {
                "de tekst bevat een BSN; gebruik het zaaknummer (AVG, art. 46 UAVG)".into()
            }
            (Self::En, TextProblem::BsnInText) => {
                "the text holds a BSN; use the case reference (GDPR, art. 46 UAVG)".into()
            }
            (Self::Nl, TextProblem::HiddenCharacter) => {
                "de tekst bevat een onzichtbaar stuurteken; typ hem opnieuw".into()
            }
            (Self::En, TextProblem::HiddenCharacter) => {
                "the text holds an invisible control character; type it again".into()
            }
        }
    }

    /// Why a review, withdrawal or revision cannot be signed.
    pub fn act_error(self, error: &ActError) -> String {
        match (self, error) {
            (Self::Nl, ActError::NoSuchRecord(id)) => {
                format!("geen verantwoording met id {id} in de opslag")
            }
            (Self::En, ActError::NoSuchRecord(id)) => format!("no record with id {id} in the store"),
            (_, ActError::Refused(r)) => self.review_refusal(r),
            (
                _,
                ActError::PastTotal {
                    total,
                    with,
                    max,
                    unit,
                    counted,
                },
            ) => {
                let at = |n| self.total_amount(n, unit.as_deref(), *counted);
                let (with, max) = (at(*with), at(*max));
                self.pick(
                    &format!("in de opslag zoals die nu is, komt {total} met dit besluit op {with}: boven het maximum van {max}, en de norm staat geen besluit daarboven toe. Een besluit van kort ervoor telde er niet in mee; wijs het af of stuur het terug"),
                    &format!("in the store as it is now, {total} comes to {with} with this decision: past its maximum of {max}, and the norm allows no decision past it. A decision signed shortly before it was not counted in it; reject it or return it"),
                )
                .to_owned()
            }
            (Self::Nl, ActError::Ended(s)) => format!(
                "deze verantwoording is {}: er gebeurt niets meer mee",
                self.status(*s)
            ),
            (Self::En, ActError::Ended(s)) => {
                format!("this record is {}: nothing more happens to it", self.status(*s))
            }
            (Self::Nl, ActError::MayNotWithdraw) => {
                "alleen de auteur, wie het besluit beoordeelde of wie boven de auteur staat in de norm mag het intrekken".into()
            }
            (Self::En, ActError::MayNotWithdraw) => {
                "only its author, someone who reviewed it, or someone above the author in its norm may withdraw it".into()
            }
            (Self::Nl, ActError::NotReturned(s)) => format!(
                "alleen een teruggestuurde verantwoording kan worden herzien; deze is {}",
                self.status(*s)
            ),
            (Self::En, ActError::NotReturned(s)) => format!(
                "only a returned record can be revised; this one is {}",
                self.status(*s)
            ),
            (Self::Nl, ActError::OtherCase { case }) => {
                format!("een herziening gaat over dezelfde zaak: {case}")
            }
            (Self::En, ActError::OtherCase { case }) => {
                format!("a revision is about the same case: {case}")
            }
            (Self::Nl, ActError::BeforeRecord) => {
                "de klok van deze computer staat vóór het moment waarop de verantwoording is ondertekend; zet de klok gelijk".into()
            }
            (Self::En, ActError::BeforeRecord) => {
                "this computer's clock is before the moment the record was signed; set the clock right".into()
            }
            (Self::Nl, ActError::NotTheAuthor { author }) => {
                format!("alleen de auteur herziet een teruggestuurde verantwoording: {author}")
            }
            (Self::En, ActError::NotTheAuthor { author }) => {
                format!("only the author revises a returned record: {author}")
            }
            (_, ActError::Text(problems)) => problems
                .iter()
                .map(|p| self.text_problem(*p))
                .collect::<Vec<_>>()
                .join("; "),
            (_, ActError::Extension(problems)) => problems
                .iter()
                .map(|p| self.extension_problem(p))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    pub fn file_too_large(self, max: u64) -> String {
        match self {
            Self::Nl => format!("groter dan {} KiB", max / 1024),
            Self::En => format!("larger than {} KiB", max / 1024),
        }
    }

    /// Why verify does not count a review, withdrawal or revision.
    pub fn act_problem(self, problem: &crate::domain::lifecycle::ActProblem) -> String {
        use crate::domain::lifecycle::ActProblem as P;
        match (self, problem) {
            (Self::Nl, P::RecordChanged) => {
                "noemt de verantwoording met andere inhoud (sha256) dan zij heeft".into()
            }
            (Self::En, P::RecordChanged) => {
                "names the record with other content (sha256) than it has".into()
            }
            (Self::Nl, P::BeforeRecord) => {
                "zegt ondertekend te zijn vóór de verantwoording waar het over gaat".into()
            }
            (Self::En, P::BeforeRecord) => {
                "says it was signed before the record it is about".into()
            }
            (Self::Nl, P::Refused(Refusal::OwnRecord)) => {
                "had niet ondertekend mogen worden: de beoordelaar is de auteur (vier ogen)".into()
            }
            (Self::En, P::Refused(Refusal::OwnRecord)) => {
                "should never have been signed: the reviewer is the record's author (four eyes)"
                    .into()
            }
            (Self::Nl, P::Refused(Refusal::RoleTooLow { needed, role })) => format!(
                "had niet ondertekend mogen worden: de verantwoording vraagt beoordeling door {needed} of hoger; de beoordelaar was {role}"
            ),
            (Self::En, P::Refused(Refusal::RoleTooLow { needed, role })) => format!(
                "should never have been signed: the record needs review by {needed} or higher; the reviewer was {role}"
            ),
            (Self::Nl, P::Refused(r)) => format!(
                "had niet ondertekend mogen worden: {}",
                self.review_refusal(r)
            ),
            (Self::En, P::Refused(r)) => {
                format!("should never have been signed: {}", self.review_refusal(r))
            }
            (Self::Nl, P::AfterEnd(s)) => {
                format!("ondertekend nadat het besluit al {} was", self.status(*s))
            }
            (Self::En, P::AfterEnd(s)) => {
                format!("signed after the decision was {} already", self.status(*s))
            }
            (_, P::MayNotWithdraw) => self.act_error(&ActError::MayNotWithdraw),
            (Self::Nl, P::RevisedTwice) => {
                "een tweede herziening van dezelfde verantwoording".into()
            }
            (Self::En, P::RevisedTwice) => "a second revision of the same record".into(),
            (_, P::NotReturned(s)) => self.act_error(&ActError::NotReturned(*s)),
            (Self::Nl, P::OtherCase) => "een herziening voor een andere zaak".into(),
            (Self::En, P::OtherCase) => "a revision for another case".into(),
            (Self::Nl, P::NotTheAuthor) => "een herziening door een ander dan de auteur".into(),
            (Self::En, P::NotTheAuthor) => "a revision by someone other than the author".into(),
        }
    }

    pub fn norm_required(self) -> &'static str {
        self.pick(
            "geef met --norm aan op welke norm het besluit steunt",
            "say with --norm which norm the decision relies on",
        )
    }

    pub fn heading_timeline(self) -> &'static str {
        self.pick("Verloop", "Timeline")
    }

    pub fn label_status(self) -> &'static str {
        self.pick("Status", "Status")
    }

    pub fn timeline_signed(
        self,
        name: &str,
        meaning: crate::domain::record::SignatureMeaning,
    ) -> String {
        format!("{} — {name}", self.recorded_meaning(meaning))
    }

    pub fn timeline_reviewed(
        self,
        name: &str,
        role: &str,
        verdict: Verdict,
        remark: Option<&str>,
    ) -> String {
        let head = match self {
            Self::Nl => format!("{} door {name} ({role})", self.verdict(verdict)),
            Self::En => format!("{} by {name} ({role})", self.verdict(verdict)),
        };
        match remark {
            Some(remark) => format!("{head}: “{remark}”"),
            None => head,
        }
    }

    pub fn timeline_withdrawn(self, name: &str, role: &str, reason: &str) -> String {
        match self {
            Self::Nl => format!("ingetrokken door {name} ({role}): “{reason}”"),
            Self::En => format!("withdrawn by {name} ({role}): “{reason}”"),
        }
    }

    pub fn timeline_revised(self, id: &str) -> String {
        match self {
            Self::Nl => format!("vervangen door herziening {id}"),
            Self::En => format!("superseded by revision {id}"),
        }
    }

    pub fn review_not_signed(self) -> &'static str {
        self.pick("Niets ondertekend.", "Nothing signed.")
    }

    pub fn review_written(self, verdict: Verdict, record: &str, file: &str) -> String {
        match self {
            Self::Nl => format!(
                "Beoordeling ondertekend: {record} {}. Bestand: {file}.",
                self.verdict(verdict)
            ),
            Self::En => format!(
                "Review signed: {record} {}. File: {file}.",
                self.verdict(verdict)
            ),
        }
    }

    pub fn review_passed_on(self, role: &str) -> String {
        match self {
            Self::Nl => format!(
                "Het bedrag of de looptijd gaat boven uw eigen mandaat: de verantwoording wacht nu op beoordeling door {role} of hoger."
            ),
            Self::En => format!(
                "The amount or duration goes beyond your own mandaat: the record now waits for review by {role} or higher."
            ),
        }
    }

    pub fn withdrawal_written(self, record: &str, file: &str) -> String {
        match self {
            Self::Nl => {
                format!("Intrekking ondertekend: {record} is ingetrokken. Bestand: {file}.")
            }
            Self::En => format!("Withdrawal signed: {record} is withdrawn. File: {file}."),
        }
    }

    pub fn reviews_header(self) -> [&'static str; 6] {
        match self {
            Self::Nl => ["id", "wacht", "zaak", "auteur", "norm", "waarom"],
            Self::En => ["id", "waiting", "case", "author", "norm", "why"],
        }
    }

    pub fn nothing_to_review(self) -> &'static str {
        self.pick(
            "Er wacht niets op uw beoordeling.",
            "Nothing is waiting for your review.",
        )
    }

    /// How long something has waited, in whole days.
    pub fn waiting_days(self, days: i64) -> String {
        match (self, days) {
            (Self::Nl, 0) => "vandaag".into(),
            (Self::Nl, 1) => "1 dag".into(),
            (Self::Nl, n) => format!("{n} dagen"),
            (Self::En, 0) => "today".into(),
            (Self::En, 1) => "1 day".into(),
            (Self::En, n) => format!("{n} days"),
        }
    }

    /// An amount as people read it: `€ 1.800` or `€ 1.800,50` in Dutch,
    /// `€1,800` or `€1,800.50` in English; other units follow the number
    /// (`2,5 uur`), with as many decimals as it has.
    pub fn amount(self, value: Decimal, unit: Option<&str>) -> String {
        let (thousands, decimal) = match self {
            Self::Nl => ('.', ','),
            Self::En => (',', '.'),
        };
        let euro = unit == Some(crate::domain::number::EURO);
        let sign = if value.is_sign_negative() && !value.is_zero() {
            "-"
        } else {
            ""
        };
        let mut value = value.abs().normalize();
        if euro && value.scale() > 0 {
            // Cents, when there are any: `€ 850,50`, not `€ 850,5`.
            value = value.round_dp(2).normalize();
            if value.scale() > 0 {
                value.rescale(2);
            }
        }
        let text = value.to_string();
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(thousands);
            }
            grouped.push(c);
        }
        if !fraction.is_empty() {
            grouped.push(decimal);
            grouped.push_str(fraction);
        }
        match (self, unit) {
            (Self::Nl, Some("EUR")) => format!("€ {sign}{grouped}"),
            (Self::En, Some("EUR")) => format!("{sign}€{grouped}"),
            (_, Some(unit)) => format!("{sign}{grouped} {unit}"),
            (_, None) => format!("{sign}{grouped}"),
        }
    }

    /// Each reason `record` needs review, as the team lead reads it, its
    /// amounts in their units.
    pub fn why_review(
        self,
        record: &crate::domain::record::Record,
        why: &[crate::domain::norm::Exceeded],
    ) -> Vec<String> {
        why.iter()
            .map(|w| self.exceeded(w, &record.author.role, |check| record.unit(check)))
            .collect()
    }

    /// Why `subject` waits for review, in full, and of that the totals it
    /// goes past counted again in the store as it is now (said again where
    /// it is approved).
    pub fn why_waiting(
        self,
        subject: &crate::domain::ops::review::Subject,
    ) -> (Vec<String>, Vec<String>) {
        let r = &subject.stored.record;
        let mut why = self.why_review(r, &subject.why());
        let past: Vec<String> = subject
            .undercounted()
            .into_iter()
            .filter(|(line, _, with)| *with > line.max)
            .map(|(line, now, with)| self.past_total_now(r, line, now, with))
            .collect();
        why.extend(past.iter().cloned());
        (why, past)
    }

    /// Why a decision needs review, as the team lead reads it:
    /// "bedrag € 1.800 > € 1.000 (consulent)".
    pub fn exceeded(
        self,
        why: &crate::domain::norm::Exceeded,
        role: &str,
        unit: impl Fn(&str) -> Option<String>,
    ) -> String {
        use crate::domain::norm::Exceeded;
        match why {
            Exceeded::Limit { check, value, max } => {
                let unit = unit(check);
                format!(
                    "{check} {} > {} ({role})",
                    self.amount(*value, unit.as_deref()),
                    self.amount(*max, unit.as_deref())
                )
            }
            Exceeded::Duration {
                length: Some(length),
                max,
            } => match self {
                Self::Nl => format!(
                    "looptijd {} > {} ({role})",
                    self.duration(*length),
                    self.duration(*max)
                ),
                Self::En => format!(
                    "period {} > {} ({role})",
                    self.duration(*length),
                    self.duration(*max)
                ),
            },
            Exceeded::Duration { length: None, max } => match self {
                Self::Nl => format!("looptijd langer dan {} ({role})", self.duration(*max)),
                Self::En => format!("period longer than {} ({role})", self.duration(*max)),
            },
            Exceeded::FourEyes => self
                .pick(
                    "de norm vraagt vier ogen bij elk besluit",
                    "the norm asks four eyes for every decision",
                )
                .to_owned(),
            Exceeded::NoTier => match self {
                Self::Nl => format!("de norm geeft {role} geen mandaat"),
                Self::En => format!("the norm gives {role} no mandaat"),
            },
            Exceeded::Total {
                id,
                total,
                max,
                unit,
                counted,
                role: reviewer,
            } => {
                let at = |n: Decimal| self.total_amount(n, unit.as_deref(), *counted);
                let (total, max) = (at(*total), at(*max));
                match self {
                    Self::Nl => format!(
                        "totaal {id}: met eerdere besluiten {total} > {max} (de norm vraagt een {reviewer})"
                    ),
                    Self::En => format!(
                        "total {id}: with earlier decisions {total} > {max} (the norm asks {})",
                        super::a_role(reviewer)
                    ),
                }
            }
        }
    }

    /// A check's answer as a person reads it.
    pub fn answer_text(self, check: &crate::domain::record::CheckAnswer) -> String {
        use crate::domain::record::Answer;
        match &check.answer {
            Answer::Yes(true) => self.yes().to_owned(),
            Answer::Yes(false) => self.no().to_owned(),
            Answer::Number(n) => self.amount(*n, check.unit.as_deref()),
            Answer::Date(d) => self.date(*d),
            Answer::Text(t) => t.clone(),
        }
    }

    /// The seven parts of a record's motivation with their labels, in
    /// their order.
    pub fn motivation_labelled(
        self,
        m: &crate::domain::record::Motivation,
    ) -> [(&'static str, &str); 7] {
        [
            (self.part_circumstances(), &m.circumstances),
            (self.part_consequences(), &m.consequences),
            (self.part_aims(), &m.aims),
            (self.part_disproportionality(), &m.disproportionality),
            (self.part_resident_view(), &m.resident_view),
            (self.part_consulted(), &m.consulted),
            (self.part_expected_effect(), &m.expected_effect),
        ]
    }

    pub fn needs_review_by(self, role: &str) -> String {
        match self {
            Self::Nl => format!("beoordeling door {role} of hoger"),
            Self::En => format!("review by {role} or higher"),
        }
    }

    pub fn extension_of(self, id: &str) -> String {
        match self {
            Self::Nl => format!("verlenging van {id}"),
            Self::En => format!("extension of {id}"),
        }
    }

    pub fn revision_of(self, id: &str) -> String {
        match self {
            Self::Nl => format!("herziening van {id}"),
            Self::En => format!("revision of {id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_blocks_signing_is_named_as_the_caseworker_saw_it() {
        let norm = crate::domain::norm::catalog::Catalog::bundled()
            .get("pw-zoektermijn-jongeren")
            .expect("bundled")
            .norm
            .clone();
        let evidence = &norm.evidence[0];
        let text = Lang::Nl.refusal_on(
            &crate::domain::decision::Refusal::EvidenceMissing {
                id: evidence.id.clone(),
            },
            &norm,
        );
        assert!(text.contains(&evidence.text), "{text}");
        assert!(!text.contains(&format!("`{}`", evidence.id)), "{text}");
    }

    #[test]
    fn a_period_beyond_the_mandaat_names_its_length_and_the_limit() {
        use crate::domain::duration::CalendarDuration;
        use crate::domain::norm::Exceeded;
        let start = jiff::civil::date(2026, 11, 23);
        let end = jiff::civil::date(2027, 2, 24);
        let why = Exceeded::Duration {
            length: CalendarDuration::between(start, end),
            max: CalendarDuration::parse_iso("P3M").unwrap(),
        };
        assert_eq!(
            Lang::Nl.exceeded(&why, "consulent", |_| None),
            "looptijd 3 maanden en 1 dag > 3 maanden (consulent)"
        );
        assert_eq!(
            Lang::En.exceeded(&why, "consulent", |_| None),
            "period 3 months and 1 day > 3 months (consulent)"
        );
    }

    #[test]
    fn amounts_as_dutch_and_english_readers_write_them() {
        let d = |t: &str| t.parse::<crate::domain::number::Decimal>().unwrap();
        assert_eq!(Lang::Nl.amount(d("1800.0"), Some("EUR")), "€ 1.800");
        assert_eq!(Lang::Nl.amount(d("2350.5"), Some("EUR")), "€ 2.350,50");
        assert_eq!(Lang::En.amount(d("2350.5"), Some("EUR")), "€2,350.50");
        assert_eq!(Lang::Nl.amount(d("1234567.0"), None), "1.234.567");
        assert_eq!(Lang::Nl.amount(d("12.0"), Some("uur")), "12 uur");
        assert_eq!(Lang::En.amount(d("999.999"), Some("EUR")), "€1,000");
    }
}
