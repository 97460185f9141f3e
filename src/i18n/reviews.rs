//! Reviews, withdrawals, revisions and the status of a decision.

use std::fmt::Write as _;

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

    pub fn heading_why_review(self) -> &'static str {
        self.pick("Waarom beoordeling nodig is", "Why review is needed")
    }

    /// A remark's problem as the inbox says it (no command-line flags).
    pub fn text_problem_in_inbox(self, problem: TextProblem) -> String {
        match (self, problem) {
            (Self::Nl, TextProblem::RemarkMissing) => {
                "schrijf bij terugsturen en afwijzen een opmerking voor de auteur".into()
            }
            (Self::En, TextProblem::RemarkMissing) => {
                "write a remark for the author when returning or rejecting".into()
            }
            (_, other) => self.text_problem(other),
        }
    }

    pub fn passphrase_needed(self) -> &'static str {
        self.pick(
            "typ de wachtwoordzin van uw sleutel",
            "type your key's passphrase",
        )
    }

    pub fn inbox_title(self, reviewer: &str) -> String {
        match self {
            Self::Nl => format!("beoordelen · {reviewer}"),
            Self::En => format!("review · {reviewer}"),
        }
    }

    pub fn inbox_heading(self, count: usize) -> String {
        match (self, count) {
            (Self::Nl, 1) => "1 verantwoording wacht op uw beoordeling.".into(),
            (Self::Nl, n) => {
                format!("{n} verantwoordingen wachten op uw beoordeling, oudste eerst.")
            }
            (Self::En, 1) => "1 record is waiting for your review.".into(),
            (Self::En, n) => format!("{n} records are waiting for your review, oldest first."),
        }
    }

    pub fn waited(self, days: i64) -> String {
        match (self, days) {
            (Self::Nl, 0) => "sinds vandaag".into(),
            (Self::En, 0) => "since today".into(),
            (Self::Nl, _) => format!("wacht {}", self.waiting_days(days)),
            (Self::En, _) => format!("waiting {}", self.waiting_days(days)),
        }
    }

    pub fn label_verdict_on(self, record: &str) -> String {
        match self {
            Self::Nl => format!("Uw oordeel over {record}"),
            Self::En => format!("Your verdict on {record}"),
        }
    }

    pub fn too_small_to_sign(self) -> &'static str {
        self.pick(
            "Het venster is te klein om te ondertekenen: het oordeel, de verantwoording waar het over gaat en wat uw handtekening betekent moeten alle drie te zien zijn. Maak het venster groter.",
            "The window is too small to sign in: the verdict, the record it is about and what your signature means must all show. Make the window larger.",
        )
    }

    pub fn verdict_choice(self, verdict: Verdict) -> &'static str {
        match verdict {
            Verdict::Approve => self.pick("goedkeuren", "approve"),
            Verdict::Return => self.pick("terugsturen", "return"),
            Verdict::Reject => self.pick("afwijzen", "reject"),
        }
    }

    pub fn label_remark(self, verdict: Verdict) -> &'static str {
        if verdict.needs_remark() {
            self.pick(
                "Opmerking voor de auteur (verplicht)",
                "Remark for the author (required)",
            )
        } else {
            self.pick(
                "Opmerking voor de auteur (mag leeg)",
                "Remark for the author (may be empty)",
            )
        }
    }

    /// What the signature on a verdict means.
    pub fn verdict_meaning(self, verdict: Verdict, record: &str) -> String {
        match (self, verdict) {
            (Self::Nl, Verdict::Approve) => format!(
                "Met uw handtekening keurt u {record} goed: het besluit mag worden genomen zoals opgesteld."
            ),
            (Self::Nl, Verdict::Return) => format!(
                "Met uw handtekening stuurt u {record} terug: de auteur herziet de verantwoording met uw opmerking."
            ),
            (Self::Nl, Verdict::Reject) => {
                format!("Met uw handtekening wijst u {record} af: het besluit wordt niet genomen.")
            }
            (Self::En, Verdict::Approve) => {
                format!("Your signature approves {record}: the decision may be taken as drawn up.")
            }
            (Self::En, Verdict::Return) => {
                format!(
                    "Your signature returns {record}: the author revises the record with your remark."
                )
            }
            (Self::En, Verdict::Reject) => {
                format!("Your signature rejects {record}: the decision is not taken.")
            }
        }
    }

    pub fn review_done(
        self,
        id: &str,
        record: &str,
        verdict: Verdict,
        passed_on: Option<&str>,
    ) -> String {
        let head = match self {
            Self::Nl => format!(
                "Beoordeling {id} ondertekend: {record} {}.",
                self.verdict(verdict)
            ),
            Self::En => format!("Review {id} signed: {record} {}.", self.verdict(verdict)),
        };
        match passed_on {
            Some(role) => format!("{head} {}", self.review_passed_on(role)),
            None => head,
        }
    }

    pub fn inbox_help_note(self) -> &'static str {
        self.pick(
            "Wat u bij een oordeel typt, blijft bewaard tot u ondertekent, ook als u stopt of het venster sluit. Een oordeel is ondertekend en wordt nooit meer gewijzigd; een teruggestuurde verantwoording herziet de auteur met `maatwerk new --revises`.",
            "What you type with a verdict is kept until you sign, also when you stop or the window closes. A verdict is signed and never changed; the author revises a returned record with `maatwerk new --revises`.",
        )
    }

    pub fn inbox_needs_terminal(self) -> String {
        self.pick(
            "de inbox van `maatwerk review` heeft een terminal nodig",
            "the inbox of `maatwerk review` needs a terminal",
        )
        .to_owned()
    }

    pub fn inbox_needs_terminal_help(self) -> String {
        self.pick(
            "in een script: `maatwerk reviews` toont wat wacht, `maatwerk review ID --approve|--return|--reject` ondertekent een oordeel",
            "in a script: `maatwerk reviews` shows what waits, `maatwerk review ID --approve|--return|--reject` signs a verdict",
        )
        .to_owned()
    }

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
                "{drawn} van {population} binnen mandaat genomen besluiten getrokken voor een tweede blik; de trekking is ondertekend: {file}. `maatwerk verify` doet haar na."
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
                self.duration(*max)
            ),
            (Self::En, P::TotalTooLong { max, last }) => format!(
                "all periods together may run at most {}: up to and including {last}",
                self.duration(*max)
            ),
        }
    }

    pub fn extending_notice(self, id: &str) -> String {
        match self {
            Self::Nl => format!(
                "U verlengt {id}. De antwoorden van toen staan klaar; de nieuwe looptijd begint de dag na het einde van de vorige."
            ),
            Self::En => format!(
                "You are extending {id}. The answers given then are filled in; the new period starts the day after the previous one ends."
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
    /// `€1,800` or `€1,800.50` in English; other units follow the number.
    pub fn amount(self, value: f64, unit: Option<&str>) -> String {
        let (thousands, decimal) = match self {
            Self::Nl => ('.', ','),
            Self::En => (',', '.'),
        };
        let cents = (value.abs() * 100.0).round();
        let whole = format!("{:.0}", (cents / 100.0).trunc());
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(thousands);
            }
            grouped.push(c);
        }
        let fraction = cents % 100.0;
        if fraction != 0.0 {
            grouped.push(decimal);
            let _ = write!(grouped, "{fraction:02.0}");
        }
        let sign = if value < 0.0 { "-" } else { "" };
        match (self, unit) {
            (Self::Nl, Some("EUR")) => format!("€ {sign}{grouped}"),
            (Self::En, Some("EUR")) => format!("{sign}€{grouped}"),
            (_, Some(unit)) => format!("{sign}{grouped} {unit}"),
            (_, None) => format!("{sign}{grouped}"),
        }
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
            Exceeded::Duration { max } => match self {
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
        }
    }

    /// A check's answer as a person reads it.
    pub fn answer_text(self, check: &crate::domain::record::CheckAnswer) -> String {
        use crate::domain::record::Answer;
        match &check.answer {
            Answer::Yes(true) => self.yes().to_owned(),
            Answer::Yes(false) => self.no().to_owned(),
            Answer::Number(n) => format!(
                "{n}{}",
                check
                    .unit
                    .as_ref()
                    .map(|u| format!(" {u}"))
                    .unwrap_or_default()
            ),
            Answer::Date(d) => d.to_string(),
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
    fn amounts_as_dutch_and_english_readers_write_them() {
        assert_eq!(Lang::Nl.amount(1800.0, Some("EUR")), "€ 1.800");
        assert_eq!(Lang::Nl.amount(2350.5, Some("EUR")), "€ 2.350,50");
        assert_eq!(Lang::En.amount(2350.5, Some("EUR")), "€2,350.50");
        assert_eq!(Lang::Nl.amount(1_234_567.0, None), "1.234.567");
        assert_eq!(Lang::Nl.amount(12.0, Some("uur")), "12 uur");
        assert_eq!(Lang::En.amount(999.999, Some("EUR")), "€1,000");
    }
}
