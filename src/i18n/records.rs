//! Records: signing one, why a proposal may not be signed, and reading
//! them back (`show`, `list`).

use crate::domain::number::Decimal;
use jiff::civil::Date;

use super::Lang;
use crate::domain::decision::Refusal;
use crate::domain::norm::MandateOutcome;
use crate::domain::norm::Norm;
use crate::domain::norm::Unusable;
use crate::domain::record::RecordedOutcome;

impl Lang {
    pub fn nothing_signed_answers(self) -> String {
        self.pick(
            "het antwoordenbestand bevat fouten; er is niets ondertekend of opgeslagen",
            "the answers file has errors; nothing was signed or stored",
        )
        .into()
    }

    pub fn nothing_signed(self, reasons: usize) -> String {
        match (self, reasons) {
            (Self::Nl, 1) => {
                "niet ondertekend om de reden hierboven; er is niets opgeslagen".into()
            }
            (Self::Nl, n) => {
                format!("niet ondertekend om de {n} redenen hierboven; er is niets opgeslagen")
            }
            (Self::En, 1) => "not signed, for the reason above; nothing was stored".into(),
            (Self::En, n) => format!("not signed, for the {n} reasons above; nothing was stored"),
        }
    }

    pub fn record_signed(self, id: &str, file: &str, mandate: &MandateOutcome) -> String {
        let meaning = match (self, mandate) {
            (Self::Nl, MandateOutcome::NeedsReview { role }) => {
                format!("opgesteld, ter beoordeling door een {role} of hoger")
            }
            (Self::Nl, _) => "opgesteld en vastgesteld, binnen uw mandaat".to_owned(),
            (Self::En, MandateOutcome::NeedsReview { role }) => {
                format!("drawn up, for review by {} or higher", super::a_role(role))
            }
            (Self::En, _) => "drawn up and decided, within your mandaat".to_owned(),
        };
        match self {
            Self::Nl => format!(
                "Ondertekend: {id} ({meaning}). Bestand: {file}. Noteer het id {id} in het zaakdossier."
            ),
            Self::En => format!(
                "Signed: {id} ({meaning}). File: {file}. Note the id {id} in the case file."
            ),
        }
    }

    pub fn no_such_record(self, id: &str) -> String {
        match self {
            Self::Nl => format!("er is geen verantwoording met id `{id}` in deze opslag"),
            Self::En => format!("there is no record with id `{id}` in this store"),
        }
    }

    pub fn no_such_record_help(self) -> String {
        self.pick(
            "`maatwerk list` toont alle verantwoordingen",
            "`maatwerk list` shows every record",
        )
        .into()
    }

    pub fn record_unreadable(self, id: &str, what: &str) -> String {
        match self {
            Self::Nl => format!("de verantwoording `{id}` is niet te lezen: {what}"),
            Self::En => format!("the record `{id}` cannot be read: {what}"),
        }
    }

    pub fn records_unreadable(self, count: usize) -> String {
        match self {
            Self::Nl if count == 1 => "let op: 1 bestand kon niet als verantwoording worden gelezen; `maatwerk verify` laat zien welk".to_owned(),
            Self::Nl => format!(
                "let op: {count} bestanden konden niet als verantwoording worden gelezen; `maatwerk verify` laat zien welke"
            ),
            Self::En if count == 1 => {
                "note: 1 file could not be read as a record; `maatwerk verify` shows which".to_owned()
            }
            Self::En => format!(
                "note: {count} files could not be read as records; `maatwerk verify` shows which"
            ),
        }
    }

    pub fn no_records(self) -> &'static str {
        self.pick("Geen verantwoordingen.", "No records.")
    }

    pub fn records_header(self) -> [&'static str; 6] {
        match self {
            Self::Nl => ["id", "datum", "zaak", "auteur", "norm", "status"],
            Self::En => ["id", "decided", "case", "author", "norm", "status"],
        }
    }

    pub fn mandate_short(self, outcome: RecordedOutcome) -> String {
        match (self, outcome) {
            (Self::Nl, RecordedOutcome::Within) => "binnen mandaat".into(),
            (Self::Nl, RecordedOutcome::NeedsReview) => "ter beoordeling".into(),
            (Self::Nl, RecordedOutcome::BeyondNorm) => "boven elk mandaat".into(),
            (Self::En, RecordedOutcome::Within) => "within mandaat".into(),
            (Self::En, RecordedOutcome::NeedsReview) => "for review".into(),
            (Self::En, RecordedOutcome::BeyondNorm) => "beyond every mandaat".into(),
        }
    }

    pub fn mandate_record(self, outcome: RecordedOutcome, role: Option<&str>) -> String {
        match (self, outcome, role) {
            (Self::Nl, RecordedOutcome::Within, _) => "binnen het mandaat van de auteur".into(),
            (Self::Nl, RecordedOutcome::NeedsReview, Some(role)) => {
                format!("vereist beoordeling door {role} of hoger")
            }
            (Self::Nl, RecordedOutcome::NeedsReview, None) => "vereist beoordeling".into(),
            (Self::Nl, RecordedOutcome::BeyondNorm, _) => "boven elk mandaat in de norm".into(),
            (Self::En, RecordedOutcome::Within, _) => "within the author's mandaat".into(),
            (Self::En, RecordedOutcome::NeedsReview, Some(role)) => {
                format!("needs review by {role} or higher")
            }
            (Self::En, RecordedOutcome::NeedsReview, None) => "needs review".into(),
            (Self::En, RecordedOutcome::BeyondNorm, _) => "beyond every mandaat in the norm".into(),
        }
    }

    pub fn record_signature_ok(self, name: &str) -> String {
        match self {
            Self::Nl => format!(
                "✓ Handtekening geldig: ondertekend door {name}, ongewijzigd sindsdien, norm aanwezig. (De keten van alle verantwoordingen controleert `maatwerk verify`.)"
            ),
            Self::En => format!(
                "✓ Signature valid: signed by {name}, unaltered since, norm present. (`maatwerk verify` checks the chain of all records.)"
            ),
        }
    }

    pub fn label_case(self) -> &'static str {
        self.pick("Zaak", "Case")
    }

    pub fn label_decision_date(self) -> &'static str {
        self.pick("Besluitdatum", "Decision date")
    }

    pub fn label_period(self) -> &'static str {
        self.pick("Looptijd", "Period")
    }

    /// A period as people read it: the first and the last day it covers
    /// (the record stores the first day no longer covered).
    pub fn period_range(self, start: Date, end: Date) -> String {
        self.through(start, end.yesterday().unwrap_or(end))
    }

    pub fn label_signed_by(self) -> &'static str {
        self.pick("Ondertekend door", "Signed by")
    }

    /// Before signing: who signs, and when.
    pub fn label_to_sign_by(self) -> &'static str {
        self.pick("Ondertekenaar", "Signatory")
    }

    pub fn label_to_sign_at(self) -> &'static str {
        self.pick("Ondertekening", "Signing")
    }

    pub fn label_signed_at(self) -> &'static str {
        self.pick("Ondertekend op", "Signed at")
    }

    pub fn label_meaning(self) -> &'static str {
        self.pick("Betekenis", "Meaning")
    }

    pub fn label_norm(self) -> &'static str {
        "Norm"
    }

    /// What the signature means, in the record's own Dutch words; in
    /// English with a translation after them.
    pub fn recorded_meaning(self, meaning: crate::domain::record::SignatureMeaning) -> String {
        use crate::domain::record::SignatureMeaning as M;
        let dutch = match meaning {
            M::Decided => "opgesteld en vastgesteld",
            M::ForReview => "opgesteld, ter beoordeling",
        };
        match (self, meaning) {
            (Self::Nl, _) => dutch.to_owned(),
            (Self::En, M::Decided) => format!("{dutch} (drawn up and decided)"),
            (Self::En, M::ForReview) => format!("{dutch} (drawn up, for review)"),
        }
    }

    pub fn label_mandate(self) -> &'static str {
        self.pick("Mandaat", "Mandaat")
    }

    pub fn label_file(self) -> &'static str {
        self.pick("Bestand", "File")
    }

    pub fn heading_motivation_record(self) -> &'static str {
        self.pick("Motivering", "Motivation")
    }

    pub fn part_resident_view(self) -> &'static str {
        self.pick("Zienswijze van de inwoner", "The resident's own view")
    }

    /// Guidance for the parts no norm words for itself; they are required,
    /// but need not be long.
    pub fn guidance_resident_view(self) -> &'static str {
        self.pick(
            "Verplicht, kort mag. Wat vindt de inwoner zelf van het besluit? Heeft de inwoner geen mening gegeven, schrijf dat dan.",
            "Required, may be short. What does the resident think of the decision? If they gave no view, say so.",
        )
    }

    pub fn guidance_consulted(self) -> &'static str {
        self.pick(
            "Verplicht, kort mag. Wie is geraadpleegd (netwerk, zorgaanbieder, collega, specialist)? Niemand? Schrijf dat en waarom.",
            "Required, may be short. Who was consulted (network, care provider, colleague, specialist)? Nobody? Say so and why.",
        )
    }

    pub fn guidance_expected_effect(self) -> &'static str {
        self.pick(
            "Verplicht, kort mag. Wat moet dit besluit bereiken, en waaraan ziet u later dat het gelukt is?",
            "Required, may be short. What should this decision achieve, and how will you see later that it did?",
        )
    }

    pub fn part_consulted(self) -> &'static str {
        self.pick("Geraadpleegd", "Consulted")
    }

    pub fn part_expected_effect(self) -> &'static str {
        self.pick("Verwacht effect", "Expected effect")
    }

    fn part_of_field(self, field: &str) -> String {
        let part = match field.strip_prefix("motivation.") {
            Some("circumstances") => self.part_circumstances(),
            Some("consequences") => self.part_consequences(),
            Some("aims") => self.part_aims(),
            Some("disproportionality") => self.part_disproportionality(),
            Some("resident_view") => self.part_resident_view(),
            Some("consulted") => self.part_consulted(),
            Some("expected_effect") => self.part_expected_effect(),
            _ => return format!("`{field}`"),
        };
        format!("“{part}” (`{field}`)")
    }

    /// Why a proposal may not be signed, naming things as the caseworker
    /// saw them on `norm`: the evidence by its text, a check by its
    /// question.
    pub fn refusal_on(self, r: &Refusal, norm: &crate::domain::norm::Norm) -> String {
        match r {
            Refusal::EvidenceMissing { id } => {
                let text = norm
                    .evidence
                    .iter()
                    .find(|e| &e.id == id)
                    .map_or(id.as_str(), |e| e.text.as_str());
                match self {
                    Self::Nl => format!(
                        "het verplichte bewijsstuk “{text}” is niet als aanwezig in het dossier bevestigd"
                    ),
                    Self::En => format!(
                        "the required evidence “{text}” is not confirmed to be in the case file"
                    ),
                }
            }
            other => {
                let text = self.refusal(other);
                // A check named by its id reads as its question.
                norm.checks.iter().fold(text, |text, c| {
                    text.replace(&format!("`answers.{}`", c.id), &format!("“{}”", c.question))
                })
            }
        }
    }

    /// Why a proposal may not be signed.
    // One arm per refusal, in both languages: a table, not logic.
    #[allow(clippy::too_many_lines)]
    pub fn refusal(self, r: &Refusal) -> String {
        let nl = self == Self::Nl;
        let t = |nl_text: String, en_text: String| if nl { nl_text } else { en_text };
        match r {
            Refusal::NormUnusable(why) => {
                let why = self.unusable_short(why);
                t(format!("de norm kan niet worden gebruikt: {why}"), format!("the norm cannot be used: {why}"))
            }
            Refusal::CaseMissing => t("het zaaknummer ontbreekt".into(), "the case reference is missing".into()),
            Refusal::CaseInvalid => t(
                "het zaaknummer moet 1 tot 64 tekens op één regel zijn".into(),
                "the case reference must be 1 to 64 characters on one line".into(),
            ),
            Refusal::CaseNotPlain { first: (at, c), .. } => t(
                format!("teken {at} van het zaaknummer, ‘{c}’ ({}), is geen gewone letter, cijfer of leesteken (het lijkt er misschien op, zoals een Cyrillische М of een brede ０)", codepoint(*c)),
                format!("character {at} of the case reference, ‘{c}’ ({}), is not a plain letter, digit or punctuation mark (it may look like one, as a Cyrillic М or a full-width ０ does)", codepoint(*c)),
            ),
            Refusal::CaseIsBsn => t(
                "het zaaknummer bevat een burgerservicenummer (BSN)".into(),
                "the case reference contains a citizen service number (BSN)".into(),
            ),
            Refusal::BsnInText { field } => {
                let f = self.part_of_field(field);
                t(
                    format!("{f} bevat een burgerservicenummer (BSN)"),
                    format!("{f} contains a citizen service number (BSN)"),
                )
            }
            Refusal::HiddenCharacter { field } => {
                let f = self.part_of_field(field);
                t(
                    format!("{f} bevat een teken dat iets anders laat zien dan er staat (een stuurteken of een richtingsteken)"),
                    format!("{f} holds a character that shows something other than what is written (a control or direction character)"),
                )
            }
            Refusal::UnknownCheck { id } => t(
                format!("deze norm heeft geen check `{id}`"),
                format!("this norm has no check `{id}`"),
            ),
            Refusal::MissingAnswer { check } => t(
                format!("het antwoord op check `{check}` ontbreekt"),
                format!("the answer to check `{check}` is missing"),
            ),
            Refusal::WrongAnswerType { check, kind } => t(
                format!("het antwoord op `{check}` past niet bij een check van soort `{kind}`"),
                format!("the answer to `{check}` does not fit a check of kind `{kind}`"),
            ),
            Refusal::ConditionNotMet { check, question } => t(
                format!("aan een voorwaarde van de norm is niet voldaan ({check}): “{question}”"),
                format!("a condition of the norm is not met ({check}): “{question}”"),
            ),
            Refusal::NotAnOption { check, value } => t(
                format!("`{value}` is geen keuze bij `{check}`"),
                format!("`{value}` is not a choice for `{check}`"),
            ),
            Refusal::DateOutsidePeriod { check } => t(
                format!("de datum bij `{check}` valt buiten de looptijd van het besluit"),
                format!("the date for `{check}` falls outside the decision's period"),
            ),
            Refusal::Cents { check } => t(
                format!("het bedrag bij `{check}` heeft meer dan twee cijfers achter de komma"),
                format!("the amount for `{check}` has more than two decimals"),
            ),
            Refusal::OutOfRange {
                check,
                min,
                max,
                unit,
            } => {
                let at = |n: &Decimal| self.amount(*n, unit.as_deref());
                let range = match (min, max) {
                    (Some(lo), Some(hi)) => {
                        format!("{} {} {}", at(lo), self.pick("t/m", "to"), at(hi))
                    }
                    (Some(lo), None) => format!("≥ {}", at(lo)),
                    (None, Some(hi)) => format!("≤ {}", at(hi)),
                    (None, None) => String::new(),
                };
                t(
                    format!("het antwoord op `{check}` valt buiten {range}"),
                    format!("the answer to `{check}` is outside {range}"),
                )
            }
            Refusal::TooShort { field, min, len } => {
                let f = self.part_of_field(field);
                t(
                    format!("{f} is te kort: {len} van minstens {min} tekens"),
                    format!("{f} is too short: {len} of at least {min} characters"),
                )
            }
            Refusal::Missing { field } => {
                let f = self.part_of_field(field);
                t(format!("{f} ontbreekt"), format!("{f} is missing"))
            }
            Refusal::PeriodMissing => t(
                "deze norm heeft een maximale duur, dus het besluit moet een looptijd hebben ([period])".into(),
                "this norm has a longest duration, so the decision needs a period ([period])".into(),
            ),
            Refusal::EndNotAfterStart => t(
                "de looptijd eindigt niet na het begin".into(),
                "the period does not end after it starts".into(),
            ),
            Refusal::PeriodTooLong { max } => t(
                format!("de looptijd is langer dan de norm toestaat ({max})"),
                format!("the period is longer than the norm allows ({max})"),
            ),
            Refusal::BeyondNorm => t(
                "het bedrag of de duur gaat boven elk mandaat in deze norm".into(),
                "the amount or duration exceeds every mandaat in this norm".into(),
            ),
            Refusal::TotalExceeded {
                total,
                earlier,
                this,
                max,
                unit,
                counted,
                from,
                through,
                per,
            } => {
                let at = |n: &Decimal| self.total_amount(*n, unit.as_deref(), *counted);
                let (earlier, with, max) = (at(earlier), at(&(*earlier + *this)), at(max));
                let when = self.total_window(*from, *through);
                let whose = self.total_scope(*per);
                t(
                    format!("totaal `{total}` gaat over het maximum: {whose} {when} samen {with}, meer dan {max} (eerdere besluiten: {earlier}); deze norm staat dat niet toe"),
                    format!("total `{total}` goes past its maximum: {whose} {when} together {with}, more than {max} (earlier decisions: {earlier}); this norm does not allow that"),
                )
            }
            Refusal::DateNotNearDecision { check, first, last } => t(
                format!("het antwoord op `{check}` moet liggen van {} t/m {} (de besluitdatum)", self.date(first), self.date(last)),
                format!("the answer to `{check}` must lie from {} to {} inclusive (the decision date)", self.date(first), self.date(last)),
            ),
            Refusal::PeriodPastDate { check, last } => t(
                format!("de looptijd loopt ten hoogste t/m {} (de dag vóór het antwoord op `{check}`)", self.date(last)),
                format!("the period runs up to {} at the latest (the day before the answer to `{check}`)", self.date(last)),
            ),
            Refusal::PeriodAcrossYears => t(
                "de looptijd valt volgens de norm binnen één kalenderjaar: de laatste dag is uiterlijk 31 december van het jaar waarin hij begint".into(),
                "the norm keeps the period within one calendar year: its last day is 31 December of the year it starts in at the latest".into(),
            ),
            Refusal::ConstraintBroken { id, text, failing, none_of } => {
                let said = |list: &[crate::domain::norm::Condition]| {
                    list.iter()
                        .map(|c| format!("{}: {}", c.check, self.condition_value(&c.value)))
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                let mut unmet = Vec::new();
                if !failing.is_empty() {
                    unmet.push(t(format!("niet voldaan: {}", said(failing)), format!("not met: {}", said(failing))));
                }
                if !none_of.is_empty() {
                    unmet.push(t(format!("geen van: {}", said(none_of)), format!("none of: {}", said(none_of))));
                }
                let unmet = unmet.join("; ");
                t(
                    format!("de antwoorden voldoen niet aan regel `{id}` van de norm: “{text}” ({unmet})"),
                    format!("the answers break rule `{id}` of the norm: “{text}” ({unmet})"),
                )
            }
            Refusal::EvidenceMissing { id } => t(
                format!("verplicht bewijsstuk `{id}` is niet als aanwezig in het dossier bevestigd"),
                format!("required evidence `{id}` is not confirmed to be in the case file"),
            ),
            Refusal::DecisionDateInFuture { date } => t(
                format!("de besluitdatum {date} ligt na vandaag; een besluit wordt vastgelegd als het genomen is", date = self.date(date)),
                format!("the decision date {date} is after today; a decision is recorded once it is taken", date = self.date(date)),
            ),
            Refusal::DecisionDateTooOld { date, earliest } => t(
                format!("de besluitdatum {date} ligt verder terug dan deze opslag toestaat (vanaf {earliest})", date = self.date(date), earliest = self.date(earliest)),
                format!("the decision date {date} lies further back than this store allows (from {earliest})", date = self.date(date), earliest = self.date(earliest)),
            ),
        }
    }

    /// How to resolve a refusal.
    pub fn refusal_help(self, r: &Refusal, norm: &Norm) -> Option<String> {
        let nl = self == Self::Nl;
        let t = |nl_text: String, en_text: String| Some(if nl { nl_text } else { en_text });
        match r {
            Refusal::NormUnusable(Unusable::Concept | Unusable::Withdrawn { .. }) => t(
                "kies een norm uit de opslag; `maatwerk norms list` toont ze".into(),
                "choose an adopted norm; `maatwerk norms list` shows them".into(),
            ),
            Refusal::NormUnusable(Unusable::NotAdopted) => t(
                format!(
                    "een norm geldt pas als hij in de opslag is vastgesteld: `maatwerk norms adopt {}` (door een afdelingshoofd of beheerder)",
                    norm.id
                ),
                format!(
                    "a norm counts once it is adopted in the store: `maatwerk norms adopt {}` (by an afdelingshoofd or beheerder)",
                    norm.id
                ),
            ),
            Refusal::NormUnusable(_) => t(
                "controleer de besluitdatum, of kies een norm die op die datum geldt".into(),
                "check the decision date, or choose a norm in force on that date".into(),
            ),
            Refusal::CaseNotPlain { suggestion: Some(plain), .. } => t(
                format!("bedoelde u `{plain}`? Typ het zaaknummer over zoals het zaaksysteem het toont: een zaak die er anders uitziet wordt apart geteld"),
                format!("did you mean `{plain}`? Type the case reference as the case system shows it: a case that looks otherwise is counted apart"),
            ),
            Refusal::CaseNotPlain { suggestion: None, .. } => t(
                "typ het zaaknummer over zoals het zaaksysteem het toont, in plaats van het te plakken: een zaak die er anders uitziet wordt apart geteld".into(),
                "type the case reference as the case system shows it instead of pasting it: a case that looks otherwise is counted apart".into(),
            ),
            Refusal::CaseIsBsn | Refusal::BsnInText { .. } => t(
                "het BSN mag alleen worden verwerkt waar een wet dat toestaat (UAVG art. 46); gebruik het zaaknummer en laat het BSN weg".into(),
                "the BSN may only be processed where a law allows it (UAVG art. 46); use the case reference and leave the BSN out".into(),
            ),
            Refusal::ConditionNotMet { .. } => t(
                "deze norm dekt dit geval niet. Pas het antwoord aan als het onjuist was, kies een andere norm, of meld een signaal dat er geen passende norm is".into(),
                "this norm does not cover the case. Correct the answer if it was wrong, choose another norm, or log a signal that no norm fits".into(),
            ),
            Refusal::UnknownCheck { .. } | Refusal::MissingAnswer { .. } => {
                let ids: Vec<&str> = norm.checks.iter().map(|c| c.id.as_str()).collect();
                t(format!("checks van deze norm: {}", ids.join(", ")), format!("this norm's checks: {}", ids.join(", ")))
            }
            Refusal::BeyondNorm => t(
                "verlaag het bedrag of de duur, of kies een norm die dit toestaat".into(),
                "lower the amount or duration, or choose a norm that allows it".into(),
            ),
            Refusal::PeriodMissing => t(
                "voeg toe:\n[period]\nstart = 2026-11-23\nlength = \"P3M\"".into(),
                "add:\n[period]\nstart = 2026-11-23\nlength = \"P3M\"".into(),
            ),
            Refusal::EvidenceMissing { id } => t(
                format!("bevestig in het antwoordenbestand: [evidence] {id} = true"),
                format!("confirm in the answers file: [evidence] {id} = true"),
            ),
            Refusal::DecisionDateTooOld { .. } => t(
                "leg het besluit vast kort nadat het genomen is; het venster staat in store.toml (decision_window_days)".into(),
                "record the decision soon after it was taken; the window is set in store.toml (decision_window_days)".into(),
            ),
            _ => None,
        }
    }
}

/// A character's code point as Unicode writes it: `U+041C`.
pub(crate) fn codepoint(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}
