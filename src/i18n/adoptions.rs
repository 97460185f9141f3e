//! Adopting and withdrawing norms in the store, and where a norm stands
//! there.

use jiff::civil::Date;

use super::Lang;
use crate::domain::adoption::{AdoptionProblem, Standing};
use crate::domain::ops::adoption::AdoptionError;

impl Lang {
    pub fn norm_adopted(self, id: &str, version: u32, file: &str) -> String {
        match self {
            Self::Nl => format!("Norm {id} versie {version} opgenomen in de opslag: {file}"),
            Self::En => format!("Norm {id} version {version} adopted in the store: {file}"),
        }
    }

    pub fn norm_withdrawn(self, id: &str, on: Date, file: &str) -> String {
        let on = self.date(on);
        match self {
            Self::Nl => format!("Norm {id} ingetrokken per {on}: {file}"),
            Self::En => format!("Norm {id} withdrawn as of {on}: {file}"),
        }
    }

    pub fn nothing_to_adopt(self) -> String {
        self.pick(
            "Er is niets op te nemen: deze normen staan al in de opslag.",
            "Nothing to adopt: these norms are adopted in the store already.",
        )
        .into()
    }

    pub fn reason_needed(self) -> String {
        self.pick(
            "geef met --reason op waarom de norm wordt ingetrokken",
            "say with --reason why the norm is withdrawn",
        )
        .into()
    }

    pub fn adoption_problem(self, id: &str, e: &AdoptionError) -> String {
        let nl = self == Self::Nl;
        let t = |a: String, b: String| if nl { a } else { b };
        match e {
            AdoptionError::NotAnAdopter { role, .. } => t(
                format!("met de rol `{role}` mag u geen normen in deze opslag opnemen"),
                format!("the role `{role}` may not adopt norms in this store"),
            ),
            AdoptionError::NotVastgesteld(status) => t(
                format!(
                    "de norm `{id}` heeft status `{status}`; alleen een vastgestelde norm kan in de opslag worden opgenomen"
                ),
                format!(
                    "the norm `{id}` has status `{status}`; only an adopted norm (vastgesteld) can be adopted in the store"
                ),
            ),
            AdoptionError::AlreadyAdopted => t(
                format!("deze versie van `{id}` is al opgenomen in de opslag"),
                format!("this version of `{id}` is already adopted in the store"),
            ),
            AdoptionError::SecondText { version, .. } => t(
                format!(
                    "er is al een andere tekst van `{id}` versie {version} vastgesteld; een gewijzigde norm krijgt een nieuw versienummer"
                ),
                format!(
                    "another text of `{id}` version {version} is already adopted; a changed norm gets a new version number"
                ),
            ),
            AdoptionError::UnknownRole { role, .. } => t(
                format!(
                    "een mandaattrede van `{id}` noemt de rol `{role}`, die deze opslag niet kent"
                ),
                format!(
                    "a mandaat tier of `{id}` names the role `{role}`, which this store does not have"
                ),
            ),
            AdoptionError::NotAdopted(_) => self.norm_not_adopted(id),
            AdoptionError::AlreadyWithdrawn(_) => t(
                format!("`{id}` is al ingetrokken"),
                format!("`{id}` is already withdrawn"),
            ),
            AdoptionError::WithdrawnBeforeToday { today } => t(
                format!("intrekken kan niet met terugwerkende kracht: kies {today} of later"),
                format!("a withdrawal cannot be backdated: choose {today} or later"),
            ),
        }
    }

    pub fn adoption_problem_help(self, id: &str, e: &AdoptionError) -> Option<String> {
        match e {
            AdoptionError::NotAnAdopter { adopters, .. } => Some(match self {
                Self::Nl => format!(
                    "opnemen mag: {}, en wie de sleutelring beheert",
                    adopters.join(", ")
                ),
                Self::En => format!(
                    "who may adopt: {}, and whoever manages the keyring",
                    adopters.join(", ")
                ),
            }),
            AdoptionError::UnknownRole { roles, .. } => Some(self.known_roles(roles)),
            AdoptionError::NotAdopted(_) => Some(self.norm_not_adopted_help(id)),
            _ => None,
        }
    }

    /// What is wrong with an adoption file, in one line.
    pub fn adoption_file_problem(self, p: &AdoptionProblem) -> String {
        let nl = self == Self::Nl;
        let t = |a: String, b: String| if nl { a } else { b };
        match p {
            AdoptionProblem::History(h) => self.history_problem(h),
            AdoptionProblem::BadSignature => t(
                "de handtekening van de opname klopt niet".into(),
                "the adoption's signature does not hold".into(),
            ),
            AdoptionProblem::SignerUnknown => t(
                "ondertekend door iemand die toen niet (zo) in de sleutelring stond".into(),
                "signed by someone who was not (so) in the keyring then".into(),
            ),
            AdoptionProblem::NotAnAdopter { role } => t(
                format!("opgenomen door iemand met de rol `{role}`, die geen normen mag opnemen"),
                format!("adopted by someone in the role `{role}`, which may not adopt norms"),
            ),
            AdoptionProblem::KeyringMissing { hash } => t(
                format!("noemt een wijziging van de sleutelring die er niet (meer) is ({hash})"),
                format!("names a keyring change that is not there ({hash})"),
            ),
            AdoptionProblem::NormMissing => t(
                "de tekst van de opgenomen norm ontbreekt in norms/".into(),
                "the adopted norm's text is missing from norms/".into(),
            ),
            AdoptionProblem::NormInvalid => t(
                "de bewaarde normtekst is geen geldige norm (`norms check` faalt) of niet de norm die genoemd wordt".into(),
                "the kept norm text is not a valid norm (`norms check` fails) or not the norm named".into(),
            ),
            AdoptionProblem::FactsDiffer => t(
                "de gegevens in de opname (titel, status, data) zijn niet die van de normtekst".into(),
                "the facts in the adoption (title, status, dates) are not those of the norm's text".into(),
            ),
            AdoptionProblem::NotVastgesteld => t(
                "een norm die niet de status vastgesteld heeft, is in de opslag vastgesteld".into(),
                "a norm without status vastgesteld was adopted in the store".into(),
            ),
            AdoptionProblem::UnknownRole { role } => t(
                format!("een mandaattrede noemt de rol `{role}`, die de opslag niet kent"),
                format!("a mandaat tier names the role `{role}`, which the store does not have"),
            ),
            AdoptionProblem::SecondText { id, version } => t(
                format!("een tweede, andere tekst van `{id}` versie {version}"),
                format!("a second, different text of `{id}` version {version}"),
            ),
            AdoptionProblem::WithdrawsNothing => t(
                "trekt een norm in die daarvoor niet was vastgesteld".into(),
                "withdraws a norm that was not adopted before it".into(),
            ),
            AdoptionProblem::WithdrawnBeforeRegistered { on } => t(
                format!("trekt de norm in per {on}, vóór de dag waarop de intrekking werd ondertekend", on = self.date(on)),
                format!("withdraws the norm from {on}, before the day the withdrawal was signed", on = self.date(on)),
            ),
        }
    }

    // A norm's standing in the store, where lists and refusals say it.

    pub fn in_store_column(self) -> &'static str {
        self.pick("in opslag", "in store")
    }

    /// A norm text's standing in the store, in a table cell.
    pub fn standing_short(self, standing: &Standing) -> String {
        match (self, standing) {
            (Self::Nl, Standing::Adopted { withdrawn: None }) => "✓ opgenomen".to_owned(),
            (Self::En, Standing::Adopted { withdrawn: None }) => "✓ adopted".to_owned(),
            (
                Self::Nl,
                Standing::Adopted {
                    withdrawn: Some(since),
                },
            ) => format!("ingetrokken per {since}", since = self.date(since)),
            (
                Self::En,
                Standing::Adopted {
                    withdrawn: Some(since),
                },
            ) => format!("withdrawn from {since}", since = self.date(since)),
            (Self::Nl, Standing::OtherText { version }) => {
                format!("✗ andere tekst (versie {version} opgenomen)")
            }
            (Self::En, Standing::OtherText { version }) => {
                format!("✗ another text (version {version} adopted)")
            }
            (Self::Nl, Standing::NotAdopted) => "✗ niet opgenomen".to_owned(),
            (Self::En, Standing::NotAdopted) => "✗ not adopted".to_owned(),
        }
    }

    /// A norm text's standing in the store, as a sentence with the way on.
    pub fn standing_line(self, id: &str, standing: &Standing) -> String {
        match (self, standing) {
            (Self::Nl, Standing::Adopted { withdrawn: None }) => {
                "Opgenomen in deze opslag.".to_owned()
            }
            (Self::En, Standing::Adopted { withdrawn: None }) => {
                "Adopted in this store.".to_owned()
            }
            (
                Self::Nl,
                Standing::Adopted {
                    withdrawn: Some(since),
                },
            ) => format!(
                "Opgenomen in deze opslag, ingetrokken per {since}.",
                since = self.date(since)
            ),
            (
                Self::En,
                Standing::Adopted {
                    withdrawn: Some(since),
                },
            ) => format!(
                "Adopted in this store, withdrawn from {since}.",
                since = self.date(since)
            ),
            (Self::Nl, Standing::OtherText { version }) => format!(
                "Deze tekst is niet opgenomen in deze opslag; versie {version} van `{id}` wel. Een besluit steunt op de opgenomen tekst."
            ),
            (Self::En, Standing::OtherText { version }) => format!(
                "This text is not adopted in this store; version {version} of `{id}` is. A decision relies on the adopted text."
            ),
            (Self::Nl, Standing::NotAdopted) => format!(
                "Niet opgenomen in deze opslag: een afdelingshoofd of beheerder doet dat met `maatwerk norms adopt {id}`."
            ),
            (Self::En, Standing::NotAdopted) => format!(
                "Not adopted in this store: an afdelingshoofd or beheerder adopts it with `maatwerk norms adopt {id}`."
            ),
        }
    }

    pub fn norm_not_adopted(self, id: &str) -> String {
        match self {
            Self::Nl => format!("de norm `{id}` is niet opgenomen in deze opslag"),
            Self::En => format!("the norm `{id}` is not adopted in this store"),
        }
    }

    pub fn other_text_in_use(self, id: &str, dir: &str, adopted_version: u32) -> String {
        match self {
            Self::Nl => format!(
                "de norm `{id}` in {dir} is niet de tekst die in deze opslag is vastgesteld (dat is versie {adopted_version}); er is niets ondertekend"
            ),
            Self::En => format!(
                "the norm `{id}` in {dir} is not the text adopted in this store (that is version {adopted_version}); nothing was signed"
            ),
        }
    }

    pub fn other_text_in_use_help(self, id: &str, dir: &str) -> String {
        match self {
            Self::Nl => format!(
                "een besluit steunt op de opgenomen tekst: laat --norms weg, of laat een afdelingshoofd of beheerder deze tekst opnemen met `maatwerk norms adopt {id} --norms {dir}`"
            ),
            Self::En => format!(
                "a decision relies on the adopted text: leave out --norms, or have an afdelingshoofd or beheerder adopt this text with `maatwerk norms adopt {id} --norms {dir}`"
            ),
        }
    }

    pub fn norm_not_adopted_help(self, id: &str) -> String {
        match self {
            Self::Nl => format!(
                "een besluit mag alleen steunen op een norm die in de opslag is vastgesteld; een afdelingshoofd of beheerder doet dat met `maatwerk norms adopt {id}`"
            ),
            Self::En => format!(
                "a decision may only rely on a norm adopted in the store; an afdelingshoofd or beheerder adopts it with `maatwerk norms adopt {id}`"
            ),
        }
    }
}
