//! Messages and help for problems found in files people write.

use super::Lang;
use super::toml_messages::toml_message_nl;
use crate::domain::diagnostic::{Expected, Item, Problem, Severity};
use crate::domain::duration::DurationError;
use crate::domain::jci::JciError;

impl Lang {
    pub fn severity(self, severity: Severity) -> &'static str {
        match (self, severity) {
            (Self::Nl, Severity::Error) => "fout",
            (Self::Nl, Severity::Warning) => "waarschuwing",
            (Self::En, Severity::Error) => "error",
            (Self::En, Severity::Warning) => "warning",
        }
    }

    fn expected(self, expected: Expected) -> &'static str {
        match (self, expected) {
            (Self::Nl, Expected::Text) => "tekst tussen aanhalingstekens",
            (Self::Nl, Expected::WholeNumber) => "een geheel getal",
            (Self::Nl, Expected::Number) => "een getal",
            (Self::Nl, Expected::Boolean) => "true of false",
            (Self::Nl, Expected::Date) => "een datum (JJJJ-MM-DD, zonder aanhalingstekens)",
            (Self::Nl, Expected::Table) => "een tabel",
            (Self::Nl, Expected::ListOfTables) => "een lijst van tabellen ([[…]])",
            (Self::Nl, Expected::ListOfTexts) => "een lijst van teksten",
            (Self::Nl, Expected::Duration) => "een periode zoals \"P3M\" of een aantal dagen",
            (Self::Nl, Expected::NumberOrTable) => "een getal of een tabel",
            (Self::En, Expected::Text) => "text in quotes",
            (Self::En, Expected::WholeNumber) => "a whole number",
            (Self::En, Expected::Number) => "a number",
            (Self::En, Expected::Boolean) => "true or false",
            (Self::En, Expected::Date) => "a date (YYYY-MM-DD, without quotes)",
            (Self::En, Expected::Table) => "a table",
            (Self::En, Expected::ListOfTables) => "a list of tables ([[…]])",
            (Self::En, Expected::ListOfTexts) => "a list of texts",
            (Self::En, Expected::Duration) => "a period such as \"P3M\" or a number of days",
            (Self::En, Expected::NumberOrTable) => "a number or a table",
        }
    }

    fn found(self, toml_type: &str) -> &'static str {
        match (self, toml_type) {
            (Self::Nl, "string") => "tekst",
            (Self::Nl, "integer") => "een geheel getal",
            (Self::Nl, "float") => "een kommagetal",
            (Self::Nl, "boolean") => "true/false",
            (Self::Nl, "datetime") => "een datum of tijd",
            (Self::Nl, "array") => "een lijst",
            (Self::Nl, _) => "een tabel",
            (Self::En, "string") => "text",
            (Self::En, "integer") => "a whole number",
            (Self::En, "float") => "a decimal number",
            (Self::En, "boolean") => "true/false",
            (Self::En, "datetime") => "a date or time",
            (Self::En, "array") => "a list",
            (Self::En, _) => "a table",
        }
    }

    pub(super) fn item(self, item: Item) -> &'static str {
        match (self, item) {
            (Self::Nl, Item::Check) => "check",
            (Self::Nl, Item::Section) => "sectie",
            (Self::Nl, Item::Evidence) => "bewijsstuk",
            (Self::Nl, Item::Option) => "keuzeoptie",
            (Self::Nl, Item::Role) => "rol",
            (Self::Nl, Item::Total) => "totaal",
            (Self::Nl, Item::Constraint) => "regel",
            (Self::En, Item::Check) => "check",
            (Self::En, Item::Section) => "section",
            (Self::En, Item::Evidence) => "evidence item",
            (Self::En, Item::Option) => "option",
            (Self::En, Item::Role) => "role",
            (Self::En, Item::Total) => "total",
            (Self::En, Item::Constraint) => "constraint",
        }
    }

    fn jci_reason(self, error: &JciError) -> String {
        match (self, error) {
            (Self::Nl, JciError::Prefix) => "begint niet met `jci1.3:c:`".into(),
            (Self::Nl, JciError::Version(v)) => format!("onbekende Juriconnect-versie `{v}`"),
            (Self::Nl, JciError::Kind(k)) => {
                format!("onbekend soort verwijzing `{k}`; gebruik `c` (geconsolideerde tekst)")
            }
            (Self::Nl, JciError::BwbId(id)) => {
                format!("`{id}` is geen BWB-id (BWBR of BWBV gevolgd door 7 cijfers)")
            }
            (Self::Nl, JciError::Param(p)) => format!("`{p}` is geen `sleutel=waarde`"),
            (Self::Nl, JciError::UnknownParam { key, .. }) => {
                format!("onbekende parameter `{key}`")
            }
            (Self::Nl, JciError::DuplicateParam(k)) => {
                format!("parameter `{k}` staat er twee keer")
            }
            (Self::Nl, JciError::EmptyValue(k)) => format!("parameter `{k}` heeft geen waarde"),
            (Self::Nl, JciError::Date { key, value }) => {
                format!("`{key}={value}` is geen datum (JJJJ-MM-DD)")
            }
            (Self::Nl, JciError::LidWithoutArtikel) => "`lid` zonder `artikel`".into(),
            (Self::Nl, JciError::Whitespace) => "bevat spaties".into(),
            (Self::Nl, JciError::Link(_)) => {
                "is een link naar de wet, geen Juriconnect-verwijzing".into()
            }
            (Self::En, JciError::Prefix) => "does not start with `jci1.3:c:`".into(),
            (Self::En, JciError::Link(_)) => {
                "is a link to the law, not a Juriconnect reference".into()
            }
            (Self::En, JciError::Version(v)) => format!("unknown Juriconnect version `{v}`"),
            (Self::En, JciError::Kind(k)) => {
                format!("unknown reference type `{k}`; use `c` (consolidated text)")
            }
            (Self::En, JciError::BwbId(id)) => {
                format!("`{id}` is not a BWB id (BWBR or BWBV followed by 7 digits)")
            }
            (Self::En, JciError::Param(p)) => format!("`{p}` is not `key=value`"),
            (Self::En, JciError::UnknownParam { key, .. }) => format!("unknown parameter `{key}`"),
            (Self::En, JciError::DuplicateParam(k)) => format!("parameter `{k}` appears twice"),
            (Self::En, JciError::EmptyValue(k)) => format!("parameter `{k}` has no value"),
            (Self::En, JciError::Date { key, value }) => {
                format!("`{key}={value}` is not a date (YYYY-MM-DD)")
            }
            (Self::En, JciError::LidWithoutArtikel) => "`lid` without `artikel`".into(),
            (Self::En, JciError::Whitespace) => "contains spaces".into(),
        }
    }

    fn period_reason(self, error: DurationError) -> &'static str {
        match (self, error) {
            (Self::Nl, DurationError::Syntax) => "geen ISO 8601-duur",
            (Self::Nl, DurationError::NotPositive) => "de periode moet langer dan nul zijn",
            (Self::Nl, DurationError::TimeUnits) => {
                "uren, minuten en seconden horen niet in een besluitduur"
            }
            (Self::En, DurationError::Syntax) => "not an ISO 8601 duration",
            (Self::En, DurationError::NotPositive) => "the period must be longer than zero",
            (Self::En, DurationError::TimeUnits) => {
                "hours, minutes and seconds do not belong in a decision's duration"
            }
        }
    }

    /// What is wrong, in one sentence.
    #[allow(clippy::too_many_lines)]
    pub fn problem(self, problem: &Problem) -> String {
        use Problem as P;
        match self {
            Self::Nl => match problem {
                P::Syntax { message } => format!("ongeldige TOML: {}", toml_message_nl(message)),
                P::HiddenCharacter { code } => {
                    format!("de tekst bevat een onzichtbaar stuurteken ({code})")
                }
                P::DecimalComma { written, .. } => {
                    format!("`{written}` is met een komma geschreven; TOML leest dat niet als getal")
                }
                P::DutchThousands { written, .. } => format!(
                    "`{written}` staat hier voor het getal {}, niet voor {}",
                    written.replace('.', ","),
                    written.replace('.', "")
                ),
                P::Unreadable { message } => format!("kan het bestand niet lezen: {message}"),
                P::NotUtf8 => "het bestand is geen UTF-8-tekst".into(),
                P::UnknownKey { key, .. } => format!("onbekende sleutel `{key}`"),
                P::MissingKey { key, .. } => format!("verplichte sleutel `{key}` ontbreekt"),
                P::WrongType { key, expected, found } => format!(
                    "`{key}` moet {} zijn, maar is {}",
                    self.expected(*expected),
                    self.found(found)
                ),
                P::EmptyText { key } => format!("`{key}` is leeg"),
                P::BadId { key, value } => format!("`{value}` is geen geldige id voor `{key}`"),
                P::IdNotFileName { id, stem } => {
                    format!("id `{id}` komt niet overeen met de bestandsnaam `{stem}.toml`")
                }
                P::DuplicateNormId { id, other_file } => {
                    format!("id `{id}` wordt ook al gebruikt in {other_file}")
                }
                P::DuplicateItem { item, id } => {
                    format!("{} `{id}` komt meer dan eens voor", self.item(*item))
                }
                P::DateWithTime { key } => format!("`{key}` moet een datum zonder tijd zijn"),
                P::QuotedDate { key, .. } => format!("`{key}` is als tekst geschreven, niet als datum"),
                P::BadDate { key, value } => format!("`{value}` is geen bestaande datum (`{key}`)"),
                P::DateOrder { earlier, later } => format!("`{later}` ligt vóór `{earlier}`"),
                P::BadJci { value, error } => format!(
                    "`{value}` is geen geldige Juriconnect-verwijzing: {}",
                    self.jci_reason(error)
                ),
                P::BadCvdr { value } => format!("`{value}` is geen CVDR-nummer"),
                P::BadPeriod { key, error, .. } => {
                    format!("`{key}` is geen geldige periode: {}", self.period_reason(*error))
                }
                P::UnknownValue { key, value, .. } => {
                    format!("`{value}` is geen toegestane waarde voor `{key}`")
                }
                P::UnknownReference { item, id, .. } => {
                    format!("er is geen {} met id `{id}`", self.item(*item))
                }
                P::NotANumberCheck { id, key } => {
                    format!("`{key}` noemt check `{id}`, maar dat is geen getalvraag")
                }
                P::ConditionOnLaterCheck { id } => {
                    format!("de vraag `{id}` wordt pas later gesteld")
                }
                P::ChoiceWithoutOptions => "keuzevraag zonder opties".into(),
                P::MinAboveMax { min, max } => {
                    format!("`min` ({min}) is groter dan `max` ({max})")
                }
                P::AcceptNotAnOption { value } => {
                    format!("`{value}` staat in `accept` maar niet in `options`")
                }
                P::KeyNotForKind { key, kind } => {
                    format!("`{key}` hoort niet bij een check met kind = \"{kind}\"")
                }
                P::TooSmall { key, min } => {
                    format!("`{key}` moet een geheel getal van {min} of meer zijn")
                }
                P::NoChecks => "de norm heeft geen enkele check".into(),
                P::NoTiers => "het mandaat heeft geen enkele trede".into(),
                P::TierNotIncreasing {
                    role,
                    limit,
                    previous_role,
                } => format!(
                    "trede `{role}` mag minder dan de trede ervóór (`{previous_role}`) bij `{limit}`"
                ),
                P::TierLongerThanNorm { role } => {
                    format!("trede `{role}` mag langer afwijken dan de `max_duration` van de norm")
                }
                P::WithdrawnOnNeedsStatus => {
                    "`withdrawn_on` staat er, maar de status is niet \"ingetrokken\"".into()
                }
                P::AdoptionMissing { key } => {
                    format!("een vastgestelde of ingetrokken norm moet `{key}` vermelden")
                }
                P::ReviewAfterMaxDuration => {
                    "`review_after` is langer dan `max_duration`: de afwijking loopt af vóór de herbeoordeling".into()
                }
                P::TotalShorterThanMax => {
                    "`max_total_duration` is korter dan `max_duration`: ook zonder verlenging kan de looptijd niet ten volle worden gebruikt".into()
                }
                P::NotATomlFile => "dit is geen .toml-bestand".into(),
                P::NoNormFiles => "geen normbestanden (*.toml) in deze map".into(),
                P::RoleNotInStore { role, .. } => {
                    format!("de rol `{role}` bestaat niet in deze opslag")
                }
                P::UnreadableNumber { key, .. } => format!("`{key}` is geen getal zoals het er staat"),
                P::BadCondition { check, value, .. } => {
                    format!("de voorwaarde `{check} = {value}` kan niet gelden")
                }
                P::NeedsFormat { construct, format } => {
                    format!("{} kan pas in normformaat {format}", self.construct(construct))
                }
                P::ConstraintWithoutRule => {
                    "deze regel noemt geen antwoorden die moeten gelden, dus geldt hij altijd".into()
                }
                P::NotADateCheck { id } => format!("`{id}` is geen datumvraag"),
                P::BadLocalGround { value } => {
                    format!("deze grond noemt geen CVDR-regeling met een artikel ({value})")
                }
                P::UnknownFormat { found, newest } => {
                    format!("normformaat {found} bestaat niet; dit programma kent 1 t/m {newest}")
                }
            },
            Self::En => match problem {
                P::Syntax { message } => format!("invalid TOML: {message}"),
                P::HiddenCharacter { code } => {
                    format!("the text holds an invisible control character ({code})")
                }
                P::DecimalComma { written, .. } => {
                    format!("`{written}` is written with a decimal comma, which TOML does not read as a number")
                }
                P::DutchThousands { written, .. } => format!(
                    "`{written}` stands for the number {written} here, not for {}",
                    written.replace('.', "")
                ),
                P::Unreadable { message } => format!("cannot read the file: {message}"),
                P::NotUtf8 => "the file is not UTF-8 text".into(),
                P::UnknownKey { key, .. } => format!("unknown key `{key}`"),
                P::MissingKey { key, .. } => format!("required key `{key}` is missing"),
                P::WrongType { key, expected, found } => format!(
                    "`{key}` must be {}, but is {}",
                    self.expected(*expected),
                    self.found(found)
                ),
                P::EmptyText { key } => format!("`{key}` is empty"),
                P::BadId { key, value } => format!("`{value}` is not a valid id for `{key}`"),
                P::IdNotFileName { id, stem } => {
                    format!("id `{id}` does not match the file name `{stem}.toml`")
                }
                P::DuplicateNormId { id, other_file } => {
                    format!("id `{id}` is already used in {other_file}")
                }
                P::DuplicateItem { item, id } => {
                    format!("{} `{id}` appears more than once", self.item(*item))
                }
                P::DateWithTime { key } => format!("`{key}` must be a date without a time"),
                P::QuotedDate { key, .. } => format!("`{key}` is written as text, not as a date"),
                P::BadDate { key, value } => format!("`{value}` is not a real date (`{key}`)"),
                P::DateOrder { earlier, later } => format!("`{later}` is before `{earlier}`"),
                P::BadJci { value, error } => format!(
                    "`{value}` is not a valid Juriconnect reference: {}",
                    self.jci_reason(error)
                ),
                P::BadCvdr { value } => format!("`{value}` is not a CVDR number"),
                P::BadPeriod { key, error, .. } => {
                    format!("`{key}` is not a valid period: {}", self.period_reason(*error))
                }
                P::UnknownValue { key, value, .. } => {
                    format!("`{value}` is not an allowed value for `{key}`")
                }
                P::UnknownReference { item, id, .. } => {
                    format!("there is no {} with id `{id}`", self.item(*item))
                }
                P::NotANumberCheck { id, key } => {
                    format!("`{key}` names check `{id}`, which is not a number question")
                }
                P::ConditionOnLaterCheck { id } => {
                    format!("the question `{id}` is asked only later")
                }
                P::ChoiceWithoutOptions => "choice question without options".into(),
                P::MinAboveMax { min, max } => {
                    format!("`min` ({min}) is greater than `max` ({max})")
                }
                P::AcceptNotAnOption { value } => {
                    format!("`{value}` is in `accept` but not in `options`")
                }
                P::KeyNotForKind { key, kind } => {
                    format!("`{key}` does not belong to a check with kind = \"{kind}\"")
                }
                P::TooSmall { key, min } => format!("`{key}` must be a whole number of {min} or more"),
                P::NoChecks => "the norm has no checks".into(),
                P::NoTiers => "the mandate has no tiers".into(),
                P::TierNotIncreasing {
                    role,
                    limit,
                    previous_role,
                } => format!(
                    "tier `{role}` allows less than the tier before it (`{previous_role}`) on `{limit}`"
                ),
                P::TierLongerThanNorm { role } => {
                    format!("tier `{role}` allows a longer departure than the norm's `max_duration`")
                }
                P::WithdrawnOnNeedsStatus => {
                    "`withdrawn_on` is set, but the status is not \"ingetrokken\"".into()
                }
                P::AdoptionMissing { key } => {
                    format!("an adopted or withdrawn norm must state `{key}`")
                }
                P::ReviewAfterMaxDuration => {
                    "`review_after` is longer than `max_duration`: the departure ends before it is reviewed".into()
                }
                P::TotalShorterThanMax => {
                    "`max_total_duration` is shorter than `max_duration`: not even one decision could run its full length".into()
                }
                P::NotATomlFile => "this is not a .toml file".into(),
                P::NoNormFiles => "no norm files (*.toml) in this directory".into(),
                P::RoleNotInStore { role, .. } => {
                    format!("the role `{role}` does not exist in this store")
                }
                P::UnreadableNumber { key, .. } => format!("`{key}` is not a number as written"),
                P::BadCondition { check, value, .. } => {
                    format!("the condition `{check} = {value}` cannot hold")
                }
                P::NeedsFormat { construct, format } => {
                    format!("{} needs norm format {format}", self.construct(construct))
                }
                P::ConstraintWithoutRule => {
                    "this rule names no answers that must hold, so it always holds".into()
                }
                P::NotADateCheck { id } => format!("`{id}` is not a date question"),
                P::BadLocalGround { value } => {
                    format!("this ground names no CVDR regulation with an article ({value})")
                }
                P::UnknownFormat { found, newest } => {
                    format!("there is no norm format {found}; this program knows 1 to {newest}")
                }
            },
        }
    }
}

impl Lang {
    /// A construct of a newer norm format, as `needs-format` names it; a
    /// key or table name stays as it is written.
    fn construct(self, construct: &crate::domain::diagnostic::Construct) -> String {
        use crate::domain::diagnostic::Construct as C;
        match construct {
            C::Written(written) => written.clone(),
            C::ListOrBound => self
                .pick(
                    "een lijst of een grens in een voorwaarde",
                    "a list or a bound in a condition",
                )
                .into(),
            C::Bases => self
                .pick(
                    "een lijst van wettelijke grondslagen",
                    "a list of legal bases",
                )
                .into(),
            C::MunicipalArticle => self
                .pick(
                    "een gemeentelijk artikel als grond",
                    "a municipal article as a ground",
                )
                .into(),
            C::RoughDate => self
                .pick(
                    "een vaststellingsdatum die alleen op jaar of maand bekend is",
                    "an adoption date known only to the year or month",
                )
                .into(),
        }
    }
}
