//! Interface text for keys, the keyring, records and verification.

use jiff::Timestamp;
use jiff::civil::Date;

use super::Lang;
use crate::domain::decision::Refusal;
use crate::domain::keyring::EntryProblem;
use crate::domain::norm::{MandateOutcome, Norm, Unusable};
use crate::domain::record::RecordedOutcome;
use crate::domain::verify::{FindingKind as Problem, Report};

impl Lang {
    pub fn yes(self) -> &'static str {
        self.pick("ja", "yes")
    }

    pub fn no(self) -> &'static str {
        self.pick("nee", "no")
    }

    pub fn no_home(self) -> String {
        self.pick(
            "kan de map van de gebruiker niet bepalen; geef --store en --key op",
            "cannot find the user's directories; give --store and --key",
        )
        .into()
    }

    // Keys and passphrases.

    pub fn passphrase_prompt(self) -> String {
        self.pick(
            "Wachtwoordzin voor uw sleutel: ",
            "Passphrase for your key: ",
        )
        .into()
    }

    pub fn new_passphrase_prompt(self) -> String {
        self.pick(
            "Nieuwe wachtwoordzin (minstens 8 tekens): ",
            "New passphrase (at least 8 characters): ",
        )
        .into()
    }

    pub fn repeat_passphrase_prompt(self) -> String {
        self.pick("Herhaal de wachtwoordzin: ", "Repeat the passphrase: ")
            .into()
    }

    pub fn passphrases_differ(self) -> String {
        self.pick(
            "de wachtwoordzinnen verschillen; er is niets geschreven",
            "the passphrases differ; nothing was written",
        )
        .into()
    }

    pub fn passphrase_too_short(self) -> String {
        self.pick(
            "de wachtwoordzin is korter dan 8 tekens; er is niets geschreven",
            "the passphrase is shorter than 8 characters; nothing was written",
        )
        .into()
    }

    pub fn wrong_passphrase(self) -> String {
        self.pick("verkeerde wachtwoordzin", "wrong passphrase")
            .into()
    }

    pub fn no_terminal_for_passphrase(self) -> String {
        self.pick(
            "de sleutel is versleuteld en er is geen terminal om de wachtwoordzin te vragen",
            "the key is encrypted and there is no terminal to ask for the passphrase",
        )
        .into()
    }

    pub fn passphrase_file_help(self) -> String {
        self.pick(
            "zet voor scripts MAATWERK_PASSPHRASE_FILE op een bestand met de wachtwoordzin",
            "for scripts, set MAATWERK_PASSPHRASE_FILE to a file holding the passphrase",
        )
        .into()
    }

    pub fn cannot_read_passphrase_file(self, file: &str, error: &str) -> String {
        match self {
            Self::Nl => format!("kan MAATWERK_PASSPHRASE_FILE `{file}` niet lezen: {error}"),
            Self::En => format!("cannot read MAATWERK_PASSPHRASE_FILE `{file}`: {error}"),
        }
    }

    pub fn cannot_read_key(self, error: &str) -> String {
        match self {
            Self::Nl => format!("kan de sleutel niet lezen: {error}"),
            Self::En => format!("cannot read the key: {error}"),
        }
    }

    pub fn cannot_read_key_at(self, path: &str, error: &str) -> String {
        match self {
            Self::Nl => format!("kan de sleutel `{path}` niet lezen: {error}"),
            Self::En => format!("cannot read the key `{path}`: {error}"),
        }
    }

    pub fn cannot_read_key_help(self) -> String {
        self.pick(
            "maak een sleutel met `maatwerk keys new`, of wijs een bestaande OpenSSH ed25519-sleutel aan met --key",
            "make a key with `maatwerk keys new`, or point at an existing OpenSSH ed25519 key with --key",
        )
        .into()
    }

    pub fn not_an_ed25519_key(self) -> String {
        self.pick(
            "dit is geen OpenSSH ed25519-privésleutel",
            "this is not an OpenSSH ed25519 private key",
        )
        .into()
    }

    pub fn key_exists(self, path: &str) -> String {
        match self {
            Self::Nl => format!("`{path}` bestaat al; een sleutel wordt nooit overschreven"),
            Self::En => format!("`{path}` already exists; a key is never overwritten"),
        }
    }

    pub fn key_exists_help(self) -> String {
        self.pick(
            "kies een andere plek met --out",
            "choose another place with --out",
        )
        .into()
    }

    pub fn key_written(self, path: &str, encrypted: bool) -> String {
        match (self, encrypted) {
            (Self::Nl, true) => format!(
                "Sleutel geschreven naar {path} (versleuteld), publieke sleutel naar {path}.pub. Vingerafdruk:"
            ),
            (Self::Nl, false) => format!(
                "Sleutel geschreven naar {path} (NIET versleuteld), publieke sleutel naar {path}.pub. Vingerafdruk:"
            ),
            (Self::En, true) => {
                format!("Key written to {path} (encrypted), public key to {path}.pub. Fingerprint:")
            }
            (Self::En, false) => format!(
                "Key written to {path} (NOT encrypted), public key to {path}.pub. Fingerprint:"
            ),
        }
    }

    pub fn bad_fingerprint(self, text: &str) -> String {
        match self {
            Self::Nl => format!(
                "`{text}` is geen vingerafdruk zoals SHA256:… (43 tekens na de dubbele punt)"
            ),
            Self::En => format!(
                "`{text}` is not a fingerprint like SHA256:… (43 characters after the colon)"
            ),
        }
    }

    // Store and keyring.

    /// A store error in one sentence.
    pub fn store_problem(self, error: &crate::domain::store::StoreError) -> String {
        use crate::domain::store::StoreError as E;
        match error {
            E::NotAStore { dir } => self.not_a_store(&dir.display().to_string()),
            E::AlreadyAStore { dir } => self.already_a_store(&dir.display().to_string()),
            E::Io { path, source } => match self {
                Self::Nl => format!("`{}`: {source}", path.display()),
                Self::En => format!("`{}`: {source}", path.display()),
            },
            E::Corrupt { path, what } => match self {
                Self::Nl => format!("`{}` is onleesbaar of beschadigd: {what}", path.display()),
                Self::En => format!("`{}` is unreadable or damaged: {what}", path.display()),
            },
            E::NotAMember(fp) => self.key_not_in_keyring(fp.as_str()),
            E::NotBeheerder => self.not_beheerder(),
            E::Key(e) => self.key_problem(e),
        }
    }

    /// A key that could not be made, in one sentence.
    pub fn key_file_problem(self, error: &crate::domain::ops::keys::KeyFileError) -> String {
        use crate::domain::ops::keys::KeyFileError as E;
        match error {
            E::Exists(path) => self.key_exists(&path.display().to_string()),
            E::Io { path, source } => {
                self.cannot_write(&path.display().to_string(), &source.to_string())
            }
            E::Key(e) => self.key_problem(e),
        }
    }

    /// A key error in one sentence.
    pub fn key_problem(self, error: &crate::domain::keys::KeyError) -> String {
        use crate::domain::keys::KeyError as E;
        match error {
            E::Read(e) => self.cannot_read_key(&e.to_string()),
            E::Format(_) | E::NotEd25519 => self.not_an_ed25519_key(),
            E::Passphrase => self.wrong_passphrase(),
            E::Sign(e) => match self {
                Self::Nl => format!("ondertekenen mislukt: {e}"),
                Self::En => format!("signing failed: {e}"),
            },
        }
    }

    pub fn not_a_store(self, dir: &str) -> String {
        match self {
            Self::Nl => format!("`{dir}` is geen maatwerk-opslag (er is geen store.toml)"),
            Self::En => format!("`{dir}` is not a maatwerk store (there is no store.toml)"),
        }
    }

    pub fn not_a_store_help(self) -> String {
        self.pick(
            "maak er een met `maatwerk init`, of wijs de opslag aan met --store of MAATWERK_STORE",
            "make one with `maatwerk init`, or point at the store with --store or MAATWERK_STORE",
        )
        .into()
    }

    pub fn already_a_store(self, dir: &str) -> String {
        match self {
            Self::Nl => format!("`{dir}` is al een maatwerk-opslag; er is niets veranderd"),
            Self::En => format!("`{dir}` is already a maatwerk store; nothing was changed"),
        }
    }

    pub fn store_made(self, dir: &str) -> String {
        match self {
            Self::Nl => format!(
                "Opslag gemaakt in {dir}. U bent de eerste beheerder: het vertrouwensanker. Geef auditors deze vingerafdruk (voor `maatwerk verify --expect-root`):"
            ),
            Self::En => format!(
                "Store made in {dir}. You are its first beheerder: the trust root. Give auditors this fingerprint (for `maatwerk verify --expect-root`):"
            ),
        }
    }

    pub fn key_not_in_keyring(self, fingerprint: &str) -> String {
        match self {
            Self::Nl => format!(
                "uw sleutel {fingerprint} staat niet (of nu niet geldig) in de sleutelring van deze opslag"
            ),
            Self::En => {
                format!("your key {fingerprint} is not in this store's keyring, or not valid now")
            }
        }
    }

    pub fn key_not_in_keyring_help(self) -> String {
        self.pick(
            "vraag een beheerder u toe te voegen met `maatwerk keyring add`, met uw publieke sleutel (.pub)",
            "ask a beheerder to add you with `maatwerk keyring add`, giving your public key (.pub)",
        )
        .into()
    }

    pub fn not_beheerder(self) -> String {
        self.pick(
            "alleen een beheerder mag de sleutelring wijzigen",
            "only a beheerder may change the keyring",
        )
        .into()
    }

    pub fn bad_principal(self, principal: &str) -> String {
        match self {
            Self::Nl => format!("`{principal}` is geen geldige principal"),
            Self::En => format!("`{principal}` is not a valid principal"),
        }
    }

    pub fn bad_principal_help(self) -> String {
        self.pick(
            "gebruik een vaste naam van kleine letters, cijfers en . _ - @, zoals een e-mailadres",
            "use a stable name of lower-case letters, digits and . _ - @, such as an e-mail address",
        )
        .into()
    }

    pub fn empty_name(self) -> String {
        self.pick("de naam is leeg", "the name is empty").into()
    }

    pub fn already_member(self, principal: &str) -> String {
        match self {
            Self::Nl => format!("`{principal}` staat al in de sleutelring"),
            Self::En => format!("`{principal}` is already in the keyring"),
        }
    }

    pub fn already_member_help(self) -> String {
        self.pick(
            "gebruik --change om rol, sleutel of naam te wijzigen",
            "use --change to change their role, key or name",
        )
        .into()
    }

    pub fn not_a_member(self, principal: &str) -> String {
        match self {
            Self::Nl => format!("`{principal}` staat (op dat moment) niet in de sleutelring"),
            Self::En => format!("`{principal}` is not in the keyring (at that moment)"),
        }
    }

    pub fn unknown_role(self, role: &str) -> String {
        match self {
            Self::Nl => format!("de rol `{role}` bestaat niet in deze opslag"),
            Self::En => format!("the role `{role}` does not exist in this store"),
        }
    }

    pub fn known_roles(self, roles: &[String]) -> String {
        match self {
            Self::Nl => format!("rollen: {}", roles.join(", ")),
            Self::En => format!("roles: {}", roles.join(", ")),
        }
    }

    pub fn bad_public_key(self) -> String {
        self.pick(
            "geen OpenSSH ed25519 publieke sleutel (een regel `ssh-ed25519 AAAA…` of een .pub-bestand)",
            "not an OpenSSH ed25519 public key (an `ssh-ed25519 AAAA…` line or a .pub file)",
        )
        .into()
    }

    pub fn key_belongs_to(self, principal: &str) -> String {
        match self {
            Self::Nl => {
                format!("deze sleutel hoort al bij `{principal}`; iedereen heeft een eigen sleutel")
            }
            Self::En => format!(
                "this key already belongs to `{principal}`; everyone has a key of their own"
            ),
        }
    }

    pub fn add_needs(self, flags: &str) -> String {
        match self {
            Self::Nl => format!("voor een nieuw lid zijn nodig: {flags}"),
            Self::En => format!("a new member needs: {flags}"),
        }
    }

    pub fn keyring_entry_written(self, path: &str) -> String {
        match self {
            Self::Nl => format!("Ondertekende wijziging van de sleutelring geschreven: {path}"),
            Self::En => format!("Signed keyring change written: {path}"),
        }
    }

    pub fn keyring_header(self) -> [&'static str; 6] {
        match self {
            Self::Nl => ["principal", "naam", "rol", "vingerafdruk", "geldig", "nu"],
            Self::En => ["principal", "name", "role", "fingerprint", "valid", "now"],
        }
    }

    pub fn grant_window(self, from: Timestamp, until: Option<Timestamp>) -> String {
        let day = |t: Timestamp| t.to_zoned(jiff::tz::TimeZone::UTC).date().to_string();
        match until {
            Some(u) => format!("{} – {}", day(from), day(u)),
            None => format!("{} –", day(from)),
        }
    }

    pub fn trust_root_line(self, fingerprint: &str) -> String {
        match self {
            Self::Nl => format!("Vertrouwensanker: {fingerprint}"),
            Self::En => format!("Trust root: {fingerprint}"),
        }
    }

    // Records.

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
                format!("drawn up, for review by a {role} or higher")
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
            Self::Nl => format!(
                "let op: {count} bestand(en) konden niet als verantwoording worden gelezen; `maatwerk verify` laat zien welke"
            ),
            Self::En => format!(
                "note: {count} file(s) could not be read as records; `maatwerk verify` shows which"
            ),
        }
    }

    pub fn no_records(self) -> &'static str {
        self.pick("Geen verantwoordingen.", "No records.")
    }

    pub fn records_header(self) -> [&'static str; 6] {
        match self {
            Self::Nl => ["id", "besluitdatum", "zaak", "auteur", "norm", "mandaat"],
            Self::En => ["id", "decided", "case", "author", "norm", "mandaat"],
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

    pub fn period_range(self, start: Date, end: Date) -> String {
        match self {
            Self::Nl => format!("{start} tot {end}"),
            Self::En => format!("{start} until {end}"),
        }
    }

    pub fn label_signed_by(self) -> &'static str {
        self.pick("Ondertekend door", "Signed by")
    }

    pub fn label_signed_at(self) -> &'static str {
        self.pick("Ondertekend op", "Signed at")
    }

    pub fn label_meaning(self) -> &'static str {
        self.pick("Betekenis", "Meaning")
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

    /// Why a proposal may not be signed.
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
            Refusal::OutOfRange { check, min, max } => {
                let range = match (min, max) {
                    (Some(lo), Some(hi)) => format!("{lo} – {hi}"),
                    (Some(lo), None) => format!("≥ {lo}"),
                    (None, Some(hi)) => format!("≤ {hi}"),
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
            Refusal::EvidenceMissing { id } => t(
                format!("verplicht bewijsstuk `{id}` is niet als aanwezig in het dossier bevestigd"),
                format!("required evidence `{id}` is not confirmed to be in the case file"),
            ),
        }
    }

    /// How to resolve a refusal.
    pub fn refusal_help(self, r: &Refusal, norm: &Norm) -> Option<String> {
        let nl = self == Self::Nl;
        let t = |nl_text: String, en_text: String| Some(if nl { nl_text } else { en_text });
        match r {
            Refusal::NormUnusable(Unusable::Concept | Unusable::Withdrawn { .. }) => t(
                "kies een vastgestelde norm; `maatwerk norms list` toont ze".into(),
                "choose an adopted norm; `maatwerk norms list` shows them".into(),
            ),
            Refusal::NormUnusable(_) => t(
                "controleer de besluitdatum, of kies een norm die op die datum geldt".into(),
                "check the decision date, or choose a norm in force on that date".into(),
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
            _ => None,
        }
    }

    // Signals.

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

    // Drafts.

    pub fn no_drafts(self) -> &'static str {
        self.pick("Geen concepten.", "No drafts.")
    }

    pub fn drafts_header(self) -> [&'static str; 4] {
        match self {
            Self::Nl => ["id", "bijgewerkt", "zaak", "norm"],
            Self::En => ["id", "updated", "case", "norm"],
        }
    }

    pub fn draft_norm_changed(self, id: &str) -> String {
        match self {
            Self::Nl => format!("{id} (norm gewijzigd)"),
            Self::En => format!("{id} (norm changed)"),
        }
    }

    pub fn no_such_draft(self, id: &str) -> String {
        match self {
            Self::Nl => format!("er is geen concept met id `{id}`"),
            Self::En => format!("there is no draft with id `{id}`"),
        }
    }

    pub fn no_such_draft_help(self) -> String {
        self.pick(
            "`maatwerk drafts` toont alle concepten",
            "`maatwerk drafts` shows every draft",
        )
        .into()
    }

    pub fn draft_discarded(self, id: &str) -> String {
        match self {
            Self::Nl => format!("Concept {id} weggegooid."),
            Self::En => format!("Draft {id} discarded."),
        }
    }

    // Verification.

    pub fn verify_progress(self, done: usize, total: usize) -> String {
        match self {
            Self::Nl => format!("Controleren: {done} van {total} verantwoordingen"),
            Self::En => format!("Verifying: {done} of {total} records"),
        }
    }

    /// What failed, in one line.
    pub fn verify_problem(self, p: &Problem) -> String {
        let nl = self == Self::Nl;
        let t = |a: String, b: String| if nl { a } else { b };
        match p {
            Problem::IncompleteWrite => t("onvoltooid weggeschreven bestand".into(), "incompletely written file".into()),
            Problem::OrphanSignature => t("handtekening zonder bestand".into(), "signature without its file".into()),
            Problem::Unsigned => t("bestand zonder handtekening".into(), "file without a signature".into()),
            Problem::StrayFile => t("bestand dat niet in de opslag hoort".into(), "file that does not belong in the store".into()),
            Problem::Unreadable(e) => t(format!("niet te lezen: {e}"), format!("cannot be read: {e}")),
            Problem::Malformed(e) => t(format!("onleesbare inhoud: {e}"), format!("malformed content: {e}")),
            Problem::BadSignature => t("de handtekening klopt niet bij de inhoud".into(), "the signature does not match the content".into()),
            Problem::WrongNamespace { found } => t(
                format!("de handtekening is voor een ander doel gezet ({found})"),
                format!("the signature was made for another purpose ({found})"),
            ),
            Problem::SignerUnknown => t("ondertekend met een sleutel die niet in de sleutelring staat".into(), "signed with a key that is not in the keyring".into()),
            Problem::SignerNotValidThen => t(
                "ondertekend met een sleutel die op dat moment niet geldig was (ingetrokken, verlopen of nog niet geldig)".into(),
                "signed with a key that was not valid at that moment (revoked, expired or not yet valid)".into(),
            ),
            Problem::RoleNotGiven { claimed, given } => t(
                format!("claimt de rol `{claimed}`, maar de sleutelring gaf `{given}`"),
                format!("claims the role `{claimed}`, but the keyring gave `{given}`"),
            ),
            Problem::AuthorMismatch => t("de auteur in het bestand is niet wie de sleutel heeft".into(), "the author in the file is not the key's holder".into()),
            Problem::KeyMismatch => t("de vingerafdruk in het bestand is niet die van de ondertekenaar".into(), "the fingerprint in the file is not the signer's".into()),
            Problem::NameMismatch => t("bestandsnaam of map past niet bij id, volgnummer of auteur in het bestand".into(), "file name or directory does not match the id, sequence number or author inside".into()),
            Problem::DuplicateId => t("dit id komt vaker voor".into(), "this id appears more than once".into()),
            Problem::Keyring(e) => self.entry_problem(e),
            Problem::RootNotPinned { expected, found } => t(
                format!("het vertrouwensanker is {found}, niet het verwachte {expected}"),
                format!("the trust root is {found}, not the expected {expected}"),
            ),
            Problem::NoRoot => t("de sleutelring heeft geen geldig vertrouwensanker".into(), "the keyring has no valid trust root".into()),
            Problem::ConfigRootMismatch => t("store.toml noemt een ander vertrouwensanker dan de sleutelring".into(), "store.toml names another trust root than the keyring".into()),
            Problem::NormMissing { sha256 } => t(
                format!("de norm waarop dit besluit steunt ontbreekt (norms/{sha256}.toml)"),
                format!("the norm this decision relies on is missing (norms/{sha256}.toml)"),
            ),
            Problem::NormAltered => t("de inhoud van deze normkopie past niet bij de sha256 in de naam".into(), "this norm copy's content does not match the sha256 in its name".into()),
            Problem::NormMismatch => t("de normkopie is niet de norm (id, versie) die het besluit noemt".into(), "the norm copy is not the norm (id, version) the decision names".into()),
            Problem::NormNotInForce(why) => {
                let why = self.unusable_short(why);
                t(
                    format!("de norm gold niet op de besluitdatum: {why}"),
                    format!("the norm was not in force on the decision date: {why}"),
                )
            }
            Problem::ChainGap { after, next } => t(
                format!("de keten springt van {after} naar {next}"),
                format!("the chain jumps from {after} to {next}"),
            ),
            Problem::ChainFork { seq } => t(format!("twee verantwoordingen met volgnummer {seq}"), format!("two records with sequence number {seq}")),
            Problem::ChainBroken { seq } => t(
                format!("verantwoording {seq} verwijst niet naar de echte vorige"),
                format!("record {seq} does not link to the actual previous record"),
            ),
            Problem::ChainStart => t("de eerste verantwoording verwijst naar een vorige".into(), "the first record links to a previous one".into()),
        }
    }

    fn entry_problem(self, e: &EntryProblem) -> String {
        let nl = self == Self::Nl;
        let t = |a: String, b: String| if nl { a } else { b };
        match e {
            EntryProblem::BadSignature => t(
                "wijziging van de sleutelring met ongeldige handtekening".into(),
                "keyring change with an invalid signature".into(),
            ),
            EntryProblem::SignerNotBeheerder { signer } => t(
                format!(
                    "wijziging van de sleutelring ondertekend door `{signer}`, die toen geen beheerder was"
                ),
                format!("keyring change signed by `{signer}`, who was no beheerder then"),
            ),
            EntryProblem::SecondRoot => t(
                "tweede zelfondertekend vertrouwensanker".into(),
                "a second self-signed trust root".into(),
            ),
            EntryProblem::NoRoot => t("geen vertrouwensanker".into(), "no trust root".into()),
            EntryProblem::BadPublicKey => t(
                "ongeldige publieke sleutel".into(),
                "invalid public key".into(),
            ),
            EntryProblem::Incomplete => t(
                "onvolledige wijziging (naam, rol of sleutel ontbreekt)".into(),
                "incomplete change (name, role or key missing)".into(),
            ),
            EntryProblem::UnknownPrincipal => t(
                "wijziging of intrekking voor iemand die niet in de sleutelring staat".into(),
                "change or revocation for someone not in the keyring".into(),
            ),
            EntryProblem::RootMismatch { expected, found } => t(
                format!("vertrouwensanker {found}, verwacht {expected}"),
                format!("trust root {found}, expected {expected}"),
            ),
        }
    }

    /// What a finding means for the auditor.
    pub fn verify_meaning(self, p: &Problem) -> String {
        let nl = self == Self::Nl;
        let t = |a: &str, b: &str| if nl { a.to_owned() } else { b.to_owned() };
        match p {
            Problem::IncompleteWrite | Problem::OrphanSignature => t(
                "Een schrijfactie is onderbroken (bijvoorbeeld een crash); dit is geen besluit en kan veilig worden verwijderd. Blijkt het een verwijderd besluit, dan meldt de keten van de auteur een gat.",
                "A write was interrupted (a crash, for example); this is no decision and can safely be removed. Had a decision been removed, its author's chain would show a gap.",
            ),
            Problem::BadSignature
            | Problem::WrongNamespace { .. }
            | Problem::Malformed(_)
            | Problem::NormAltered => t(
                "De inhoud is gewijzigd nadat hij werd ondertekend, of de handtekening hoort bij een ander bestand.",
                "The content was changed after it was signed, or the signature belongs to another file.",
            ),
            Problem::SignerUnknown
            | Problem::SignerNotValidThen
            | Problem::RoleNotGiven { .. }
            | Problem::AuthorMismatch
            | Problem::KeyMismatch => t(
                "Niet vast te stellen dat een bevoegd persoon in de geclaimde rol dit heeft ondertekend.",
                "It cannot be established that an authorised person in the claimed role signed this.",
            ),
            Problem::ChainGap { .. } | Problem::ChainBroken { .. } | Problem::ChainStart => t(
                "Er is een verantwoording van deze auteur verwijderd, vervangen of verplaatst.",
                "A record by this author was removed, replaced or moved.",
            ),
            Problem::ChainFork { .. } | Problem::DuplicateId => t(
                "Twee versies van dezelfde plek in de keten: een verantwoording is gekopieerd of dubbel aangemaakt.",
                "Two versions of the same place in the chain: a record was copied or made twice.",
            ),
            Problem::NormNotInForce(_) => t(
                "Het besluit steunt op een norm die op de besluitdatum niet was vastgesteld of niet gold.",
                "The decision relies on a norm that was not adopted or not in force on its decision date.",
            ),
            Problem::NormMissing { .. } | Problem::NormMismatch => t(
                "Niet aan te tonen op welke versie van de norm het besluit steunde.",
                "It cannot be shown which version of the norm the decision relied on.",
            ),
            Problem::Keyring(_)
            | Problem::NoRoot
            | Problem::RootNotPinned { .. }
            | Problem::ConfigRootMismatch => t(
                "De sleutelring leidt niet (alleen) terug naar het vertrouwde anker; handtekeningen die erop steunen zijn niet te vertrouwen.",
                "The keyring does not lead (only) back to the trusted root; signatures that rely on it cannot be trusted.",
            ),
            Problem::Unsigned
            | Problem::StrayFile
            | Problem::NameMismatch
            | Problem::Unreadable(_) => t(
                "Dit bestand is niet door maatwerk geschreven of is later veranderd of verplaatst.",
                "This file was not written by maatwerk, or was changed or moved later.",
            ),
        }
    }

    pub fn verify_summary(self, r: &Report) -> String {
        let root = r.root.as_ref().map_or("—".to_owned(), ToString::to_string);
        let (errors, warnings) = (r.errors(), r.warnings());
        match self {
            Self::Nl => {
                let count = |n: usize, one: &str, many: &str| {
                    format!("{n} {}", if n == 1 { one } else { many })
                };
                let head = format!(
                    "{}, {}, {} en {} gecontroleerd (vertrouwensanker {root})",
                    count(r.records, "verantwoording", "verantwoordingen"),
                    count(r.signals, "signaal", "signalen"),
                    count(
                        r.keyring_entries,
                        "wijziging van de sleutelring",
                        "wijzigingen van de sleutelring"
                    ),
                    count(r.norms, "normkopie", "normkopieën"),
                );
                match (errors, warnings) {
                    (0, 0) => format!("✓ {head}: alles in orde."),
                    (0, w) => format!("✓ {head}: in orde, {w} waarschuwing(en)."),
                    (e, _) => format!("✗ {head}: {e} probleem/problemen gevonden."),
                }
            }
            Self::En => {
                let count = |n: usize, one: &str, many: &str| {
                    format!("{n} {}", if n == 1 { one } else { many })
                };
                let head = format!(
                    "{}, {}, {} and {} verified (trust root {root})",
                    count(r.records, "record", "records"),
                    count(r.signals, "signal", "signals"),
                    count(r.keyring_entries, "keyring change", "keyring changes"),
                    count(r.norms, "norm copy", "norm copies"),
                );
                match (errors, warnings) {
                    (0, 0) => format!("✓ {head}: all is well."),
                    (0, w) => format!("✓ {head}: well, with {w} warning(s)."),
                    (e, _) => format!("✗ {head}: {e} problem(s) found."),
                }
            }
        }
    }
}
