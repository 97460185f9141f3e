//! Verification: what a finding says and what it means for an auditor.

mod meaning;

use super::Lang;
use crate::domain::history::HistoryProblem;
use crate::domain::keyring::EntryProblem;
use crate::domain::verify::{FindingKind, Report};

impl Lang {
    pub fn verify_progress(self, done: usize, total: usize) -> String {
        match self {
            Self::Nl => format!("Controleren: {done} van {total} verantwoordingen"),
            Self::En => format!("Verifying: {done} of {total} records"),
        }
    }

    /// What failed, in one line.
    pub fn verify_problem(self, p: &FindingKind) -> String {
        let nl = self == Self::Nl;
        let t = |a: String, b: String| if nl { a } else { b };
        match p {
            FindingKind::IncompleteWrite => t("onvoltooid weggeschreven bestand".into(), "incompletely written file".into()),
            FindingKind::OrphanSignature => t("handtekening zonder bestand".into(), "signature without its file".into()),
            FindingKind::SampleLate { missed: 1 } => t(
                "de trekking telde 1 besluit niet dat in de 72 uur ervoor was ondertekend".into(),
                "the draw did not count 1 decision signed in the 72 hours before it".into(),
            ),
            FindingKind::SampleLate { missed } => t(
                format!("de trekking telde {missed} besluiten niet die in de 72 uur ervoor waren ondertekend"),
                format!("the draw did not count {missed} decisions signed in the 72 hours before it"),
            ),
            FindingKind::Unsigned => t("bestand zonder handtekening".into(), "file without a signature".into()),
            FindingKind::StrayFile => t("bestand dat niet in de opslag hoort".into(), "file that does not belong in the store".into()),
            FindingKind::Unreadable(e) => t(format!("niet te lezen: {e}"), format!("cannot be read: {e}")),
            FindingKind::Malformed(e) => t(format!("onleesbare inhoud: {e}"), format!("malformed content: {e}")),
            FindingKind::BadSignature => t("de handtekening klopt niet bij de inhoud".into(), "the signature does not match the content".into()),
            FindingKind::WrongNamespace { found } => t(
                format!("de handtekening is voor een ander doel gezet ({found})"),
                format!("the signature was made for another purpose ({found})"),
            ),
            FindingKind::SignerUnknown => t("ondertekend met een sleutel die niet in de sleutelring staat".into(), "signed with a key that is not in the keyring".into()),
            FindingKind::SignerNotValidThen => t(
                "ondertekend met een sleutel die op dat moment niet geldig was (ingetrokken, verlopen of nog niet geldig)".into(),
                "signed with a key that was not valid at that moment (revoked, expired or not yet valid)".into(),
            ),
            FindingKind::RoleNotGiven { claimed, given } => t(
                format!("claimt de rol `{claimed}`, maar de sleutelring gaf `{given}`"),
                format!("claims the role `{claimed}`, but the keyring gave `{given}`"),
            ),
            FindingKind::AuthorMismatch => t("de auteur in het bestand is niet wie de sleutel heeft".into(), "the author in the file is not the key's holder".into()),
            FindingKind::KeyMismatch => t("de vingerafdruk in het bestand is niet die van de ondertekenaar".into(), "the fingerprint in the file is not the signer's".into()),
            FindingKind::NameMismatch => t("bestandsnaam of map past niet bij id, volgnummer of auteur in het bestand".into(), "file name or directory does not match the id, sequence number or author inside".into()),
            FindingKind::DuplicateId => t("dit id komt vaker voor".into(), "this id appears more than once".into()),
            FindingKind::Keyring(e) => self.entry_problem(e),
            FindingKind::RootNotPinned { expected, found } => t(
                format!("het vertrouwensanker is {found}, niet het verwachte {expected}"),
                format!("the trust root is {found}, not the expected {expected}"),
            ),
            FindingKind::NoRoot => t("de sleutelring heeft geen geldig vertrouwensanker".into(), "the keyring has no valid trust root".into()),
            FindingKind::ConfigRootMismatch => t("store.toml noemt een ander vertrouwensanker dan de sleutelring".into(), "store.toml names another trust root than the keyring".into()),
            FindingKind::NormUnused { valid: true } => t("een normkopie die geen opname en geen verantwoording noemt (een onderbroken opname?)".into(), "a norm copy no adoption and no record names (an interrupted adoption?)".into()),
            FindingKind::NormUnused { valid: false } => t("geen geldige norm, en geen opname of verantwoording noemt dit bestand".into(), "no valid norm, and no adoption or record names this file".into()),
            FindingKind::NotAsWritten => t("niet zoals maatwerk het schrijft: er staat commentaar, witruimte of een volgorde in die verify niet leest".into(), "not as maatwerk writes it: it holds a comment, spacing or order that verify does not read".into()),
            FindingKind::ConfigAltered => t("store.toml is niet de beschrijving die het vertrouwensanker bij het maken van de opslag vastlegde".into(), "store.toml is not the description the trust root laid down when the store was made".into()),
            FindingKind::NormMissing { sha256 } => t(
                format!("de norm waarop dit besluit steunt ontbreekt (norms/{sha256}.toml)"),
                format!("the norm this decision relies on is missing (norms/{sha256}.toml)"),
            ),
            FindingKind::NormAltered => t("de inhoud van deze normkopie past niet bij de sha256 in de naam".into(), "this norm copy's content does not match the sha256 in its name".into()),
            FindingKind::NormMismatch => t("de normkopie is niet de norm (id, versie) die het besluit noemt".into(), "the norm copy is not the norm (id, version) the decision names".into()),
            FindingKind::NormNotInForce(why) => {
                let why = self.unusable_short(why);
                t(
                    format!("de norm gold niet op de besluitdatum: {why}"),
                    format!("the norm was not in force on the decision date: {why}"),
                )
            }
            FindingKind::WitnessedMissing { .. }
            | FindingKind::WitnessedChanged { .. }
            | FindingKind::Backdated { .. }
            | FindingKind::WitnessRole { .. } => self.witness_problem(p),
            FindingKind::NotARegularFile { .. }
            | FindingKind::UnknownFormat { .. }
            | FindingKind::Adoption(_)
            | FindingKind::HistoryMissing { .. }
            | FindingKind::SignedBeforeItsHistory
            | FindingKind::GrantNotSeen
            | FindingKind::OldFormatAfterUpgrade
            | FindingKind::SignedBeforeAdoption
            | FindingKind::CreatedInFuture
            | FindingKind::ChainTimeBackwards
            | FindingKind::FormatDowngrade
            | FindingKind::Contradicts { .. }
            | FindingKind::Refused(_)
            | FindingKind::SignalRefused(_)
            | FindingKind::Act(_)
            | FindingKind::ActRecordMissing
            | FindingKind::ActText(_)
            | FindingKind::SampleNotRedone { .. }
            | FindingKind::SampleRefused(_)
            | FindingKind::Extension(_)
            | FindingKind::TotalMisstated { .. }
            | FindingKind::TotalPassedTogether { .. } => self.verify_problem_derived(p),
            FindingKind::ChainGap { after, next } => t(
                format!("de keten springt van {after} naar {next}"),
                format!("the chain jumps from {after} to {next}"),
            ),
            FindingKind::ChainFork { seq } => t(format!("twee verantwoordingen met volgnummer {seq}"), format!("two records with sequence number {seq}")),
            FindingKind::ChainBroken { seq } => t(
                format!("verantwoording {seq} verwijst niet naar de echte vorige"),
                format!("record {seq} does not link to the actual previous record"),
            ),
            FindingKind::ChainStart => t("de eerste verantwoording verwijst naar een vorige".into(), "the first record links to a previous one".into()),
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
            EntryProblem::BadPrincipal => t(
                "wijziging van de sleutelring met een principal die geen gewone naam is (zoals `../`)".into(),
                "keyring change with a principal that is no plain name (such as `../`)".into(),
            ),
            EntryProblem::History(h) => self.history_problem(h),
            EntryProblem::SignerRevoked { signer } => t(
                format!(
                    "wijziging van de sleutelring ondertekend door `{signer}`, wiens recht daarvoor toen al was ingetrokken"
                ),
                format!("keyring change signed by `{signer}`, whose right to make it had already been revoked then"),
            ),
            EntryProblem::BadName => t(
                "een naam die leeg is, niet op één regel staat, of iets anders laat zien dan er staat".into(),
                "a name that is empty, not on one line, or shows something other than what is written".into(),
            ),
            EntryProblem::ReachesBack => t(
                "toevoeging of wijziging die zou gelden van vóór het moment waarop ze werd gemaakt".into(),
                "addition or change that would count from before it was made".into(),
            ),
            EntryProblem::RootMismatch { expected, found } => t(
                format!("vertrouwensanker {found}, verwacht {expected}"),
                format!("trust root {found}, expected {expected}"),
            ),
        }
    }

    /// What is wrong with a change's place in its hash-linked history.
    pub fn history_problem(self, p: &HistoryProblem) -> String {
        let nl = self == Self::Nl;
        let t = |a: String, b: String| if nl { a } else { b };
        match p {
            HistoryProblem::Missing { hash } => t(
                format!(
                    "volgt op een wijziging die er niet (meer) is ({hash}): verwijderd of vervangen"
                ),
                format!("follows a change that is not there ({hash}): removed or replaced"),
            ),
            HistoryProblem::BeforeWhatItFollows => t(
                "zegt eerder gemaakt te zijn dan een wijziging waarop het volgt".into(),
                "says it was made before a change it follows".into(),
            ),
            HistoryProblem::UnlinkedAfterLinks => t(
                "wijziging in het oude formaat, toegevoegd nadat de geschiedenis gekoppeld werd"
                    .into(),
                "change in the old format, added after the history was linked".into(),
            ),
            HistoryProblem::SecondStart => t(
                "tweede begin van de geschiedenis".into(),
                "a second start of the history".into(),
            ),
        }
    }

    /// What failed, for the findings about histories, time and what a
    /// file claims.
    #[allow(clippy::too_many_lines)] // a table: one arm per kind of finding
    fn verify_problem_derived(self, p: &FindingKind) -> String {
        let nl = self == Self::Nl;
        let t = |a: String, b: String| if nl { a } else { b };
        match p {
            FindingKind::NotARegularFile { kind } => t(
                format!("geen gewoon bestand maar een {}; niet gevolgd of geopend", self.entry_kind(kind)),
                format!("not a regular file but a {kind}; neither followed nor opened"),
            ),
            FindingKind::UnknownFormat { found } => t(
                format!("onbekend formaat `{found}`"),
                format!("unknown format `{found}`"),
            ),
            FindingKind::Adoption(a) => self.adoption_file_problem(a),
            FindingKind::HistoryMissing { hash } => t(
                format!("noemt een wijziging van de sleutelring of een opname die er niet (meer) is ({hash})"),
                format!("names a change of the keyring or the adoptions that is not there ({hash})"),
            ),
            FindingKind::SignedBeforeItsHistory => t(
                "zegt ondertekend te zijn vóór een wijziging die het zelf noemt".into(),
                "says it was signed before a change it names itself".into(),
            ),
            FindingKind::GrantNotSeen => t(
                "ondertekend onder een sleutelring waarin de ondertekenaar deze rol nog niet had".into(),
                "signed under a keyring in which the signer did not yet have this role".into(),
            ),
            FindingKind::OldFormatAfterUpgrade => t(
                "in het oude formaat (zonder sleutelring en opnames), maar ondertekend nadat de opslag die ging noemen".into(),
                "in the old format (naming no keyring and adoptions), yet signed after the store began to name them".into(),
            ),
            FindingKind::SignedBeforeAdoption => t(
                "ondertekend vóór normen in de opslag werden opgenomen (release 0.1); steunt op de vaststelling in de norm zelf".into(),
                "signed before norms were adopted in the store (release 0.1); rests on the adoption stated in the norm itself".into(),
            ),
            FindingKind::CreatedInFuture => t(
                "zegt later ondertekend te zijn dan nu".into(),
                "says it was signed later than now".into(),
            ),
            FindingKind::ChainTimeBackwards => t(
                "zegt eerder ondertekend te zijn dan de verantwoording ervoor in de keten".into(),
                "says it was signed before the record before it in the chain".into(),
            ),
            FindingKind::FormatDowngrade => t(
                "is in een ouder formaat dan de verantwoording ervoor in de keten; deze versie schrijft dat formaat niet meer".into(),
                "is in an older format than the record before it in the chain; this release no longer writes that format".into(),
            ),
            FindingKind::Contradicts { field } => t(
                format!("`{field}` klopt niet met wat de norm en de sleutelring geven"),
                format!("`{field}` contradicts what its norm and the keyring give"),
            ),
            FindingKind::Refused(r) => t(
                format!("had niet ondertekend mogen worden: {}", self.refusal(r)),
                format!("should never have been signed: {}", self.refusal(r)),
            ),
            FindingKind::SignalRefused(problem) => t(
                format!("had niet ondertekend mogen worden: {}", self.signal_problem(*problem)),
                format!("should never have been signed: {}", self.signal_problem(*problem)),
            ),
            FindingKind::Act(problem) => self.act_problem(problem),
            FindingKind::SampleRefused(problem) => t(
                format!("had niet ondertekend mogen worden: {}", self.sample_problem(*problem)),
                format!("should never have been signed: {}", self.sample_problem(*problem)),
            ),
            FindingKind::Extension(problem) => t(
                format!("had niet ondertekend mogen worden: {}", self.extension_problem(problem)),
                format!("should never have been signed: {}", self.extension_problem(problem)),
            ),
            FindingKind::TotalMisstated {
                total,
                stated,
                found,
                unit,
                counted,
                stopped,
            } => {
                let text = self.total_misstated(total, *stated, *found, (unit.as_deref(), *counted));
                if *stopped {
                    format!("{text}{}", self.no_longer_holds())
                } else {
                    text
                }
            }
            FindingKind::TotalPassedTogether {
                total,
                found,
                max,
                unit,
                counted,
            } => self.total_passed_together(total, (*found, *max), (unit.as_deref(), *counted)),
            FindingKind::SampleNotRedone { field } => t(
                format!("`{field}` is niet wat de trekking geeft als zij opnieuw uit de opslag wordt gedaan"),
                format!("`{field}` is not what the draw gives when done again from the store"),
            ),
            FindingKind::ActRecordMissing => t(
                "gaat over een verantwoording die niet in de opslag staat (of, bij een herziening, nooit is teruggestuurd)".into(),
                "is about a record the store does not hold (or, for a revision, one that was never returned)".into(),
            ),
            FindingKind::ActText(problem) => t(
                format!("had niet ondertekend mogen worden: {}", self.text_problem(*problem)),
                format!("should never have been signed: {}", self.text_problem(*problem)),
            ),
            other => self.verify_problem(other),
        }
    }

    /// Said of a late or short record that no longer holds.
    fn no_longer_holds(self) -> &'static str {
        self.pick(
            "; het besluit geldt niet meer (ingetrokken, teruggestuurd, afgewezen of herzien)",
            "; the decision no longer holds (withdrawn, returned, rejected or revised)",
        )
    }

    fn entry_kind(self, kind: &str) -> &'static str {
        match (self, kind) {
            (Self::Nl, "symbolic link") => "symbolische koppeling",
            (Self::Nl, "directory") => "map",
            (Self::Nl, _) => "FIFO, socket of apparaat",
            (Self::En, "symbolic link") => "symbolic link",
            (Self::En, "directory") => "directory",
            (Self::En, _) => "FIFO, socket or device",
        }
    }

    /// What is wrong against the checkpoints.
    fn witness_problem(self, p: &FindingKind) -> String {
        let nl = self == Self::Nl;
        let t = |a: String, b: String| if nl { a } else { b };
        match p {
            FindingKind::WitnessedMissing {
                place: Some(place),
                checkpoint,
            } => t(
                format!("de keten bereikt plek {place} niet meer, die {checkpoint} noemt"),
                format!("the chain no longer reaches place {place}, which {checkpoint} names"),
            ),
            FindingKind::WitnessedMissing {
                place: None,
                checkpoint,
            } => t(
                format!("ontbreekt, terwijl {checkpoint} het noemt"),
                format!("missing, while {checkpoint} names it"),
            ),
            FindingKind::WitnessedChanged { checkpoint } => t(
                format!("is niet het bestand dat {checkpoint} op deze plek noemt"),
                format!("is not the file {checkpoint} names at this place"),
            ),
            FindingKind::Backdated {
                checkpoint,
                at,
                stopped,
            } => {
                let when = self.moment(*at, &jiff::tz::TimeZone::UTC);
                let text = t(
                    format!("gedateerd ruim vóór {checkpoint} ({when}), dat het niet noemt"),
                    format!("dated well before {checkpoint} ({when}), which does not name it"),
                );
                if *stopped {
                    format!("{text}{}", self.no_longer_holds())
                } else {
                    text
                }
            }
            FindingKind::WitnessRole { role } => t(
                format!("een checkpoint door een {role}, een rol die niets getuigt"),
                format!("a checkpoint by a {role}, a role that witnesses nothing"),
            ),
            _ => String::new(),
        }
    }

    pub fn verify_summary(self, r: &Report) -> String {
        let root = r.root.as_ref().map_or("—".to_owned(), ToString::to_string);
        let count =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let (errors, warnings, notices) = (r.errors(), r.warnings(), r.notices());
        match self {
            Self::Nl => {
                let head = format!(
                    "{}{}, {}, {}, {} en {} gecontroleerd (vertrouwensanker {root})",
                    count(r.records, "verantwoording", "verantwoordingen"),
                    match (r.reviews, r.withdrawals, r.samples) {
                        (0, 0, 0) => String::new(),
                        (v, w, s) => format!(
                            ", {}, {}, {}",
                            count(v, "beoordeling", "beoordelingen"),
                            count(w, "intrekking", "intrekkingen"),
                            count(s, "steekproef", "steekproeven")
                        ),
                    },
                    count(r.signals, "signaal", "signalen"),
                    count(
                        r.keyring_entries,
                        "wijziging van de sleutelring",
                        "wijzigingen van de sleutelring"
                    ),
                    count(r.adoptions, "opname", "opnames"),
                    count(r.norms, "normkopie", "normkopieën"),
                );
                let also = match (warnings, notices) {
                    (0, 0) => String::new(),
                    (w, 0) => format!(", {}", count(w, "waarschuwing", "waarschuwingen")),
                    (0, n) => format!(", {}", count(n, "opmerking", "opmerkingen")),
                    (w, n) => format!(
                        ", {} en {}",
                        count(w, "waarschuwing", "waarschuwingen"),
                        count(n, "opmerking", "opmerkingen")
                    ),
                };
                match errors {
                    0 if also.is_empty() => format!("✓ {head}: alles in orde."),
                    0 => format!("✓ {head}: in orde{also}."),
                    e => format!(
                        "✗ {head}: {} gevonden{also}.",
                        count(e, "probleem", "problemen")
                    ),
                }
            }
            Self::En => {
                let head = format!(
                    "{}{}, {}, {}, {} and {} verified (trust root {root})",
                    count(r.records, "record", "records"),
                    match (r.reviews, r.withdrawals, r.samples) {
                        (0, 0, 0) => String::new(),
                        (v, w, s) => format!(
                            ", {}, {}, {}",
                            count(v, "review", "reviews"),
                            count(w, "withdrawal", "withdrawals"),
                            count(s, "sample", "samples")
                        ),
                    },
                    count(r.signals, "signal", "signals"),
                    count(r.keyring_entries, "keyring change", "keyring changes"),
                    count(r.adoptions, "adoption", "adoptions"),
                    count(r.norms, "norm copy", "norm copies"),
                );
                let also = match (warnings, notices) {
                    (0, 0) => String::new(),
                    (w, 0) => format!(", {}", count(w, "warning", "warnings")),
                    (0, n) => format!(", {}", count(n, "notice", "notices")),
                    (w, n) => format!(
                        ", {} and {}",
                        count(w, "warning", "warnings"),
                        count(n, "notice", "notices")
                    ),
                };
                match errors {
                    0 if also.is_empty() => format!("✓ {head}: all is well."),
                    0 => format!("✓ {head}: well{also}."),
                    e => format!("✗ {head}: {} found{also}.", count(e, "problem", "problems")),
                }
            }
        }
    }

    /// After a verify without `--expect-root`.
    pub fn root_not_given(self, root: &str) -> String {
        match self {
            Self::Nl => format!(
                "Let op: er is geen vertrouwensanker opgegeven, dus is gecontroleerd tegen het anker dat de opslag zelf noemt. Een geheel vervangen opslag slaagt zo ook. Controleer met `--expect-root {root}` alleen als dat het anker is dat u bij het maken van de opslag kreeg."
            ),
            Self::En => format!(
                "Note: no trust root was given, so the store was checked against the root it names itself; a store replaced wholesale passes that too. Check with `--expect-root {root}` only if that is the root you were given when the store was made."
            ),
        }
    }
}
