//! How to fix each problem in a norm file, in the reader's language.

use super::Lang;
use crate::domain::diagnostic::Problem;
use crate::domain::jci::JciError;

impl Lang {
    /// How to fix it, when there is something useful to say.
    #[allow(clippy::too_many_lines)]
    pub fn problem_help(self, problem: &Problem) -> Option<String> {
        use Problem as P;
        let nl = self == Self::Nl;
        let pick = |nl_text: String, en_text: String| Some(if nl { nl_text } else { en_text });
        match problem {
            P::UnreadableNumber {
                unreadable: crate::domain::number::Unreadable::Ambiguous { whole, fraction },
                unit,
                ..
            } => Some(self.two_readings(*whole, *fraction, unit.as_deref())),
            P::UnreadableNumber { unit, .. } if unit.as_deref() == Some(crate::domain::number::EURO) => pick(
                "schrijf een bedrag zoals 2350.50 of \"2.350,50\", met hoogstens twee cijfers achter de komma".into(),
                "write an amount like 2350.50 or \"2,350.50\", with at most two decimals".into(),
            ),
            P::UnreadableNumber { .. } => pick(
                "schrijf een getal zoals 12 of 2.5, zonder tekst erbij".into(),
                "write a number like 12 or 2.5, with no text around it".into(),
            ),
            P::BadCondition { kind, check, .. } if kind == "confirm" => pick(
                format!("`{check}` is een ja/nee-vraag: schrijf `{check} = true` of `{check} = false`"),
                format!("`{check}` is a yes/no question: write `{check} = true` or `{check} = false`"),
            ),
            P::BadCondition { kind, check, options, suggestion, .. } if kind == "choice" => {
                let listed = options.iter().map(|o| format!("\"{o}\"")).collect::<Vec<_>>().join(", ");
                let mean = suggestion.as_ref().map(|s| (format!("bedoelde u \"{s}\"? "), format!("did you mean \"{s}\"? "))).unwrap_or_default();
                pick(
                    format!("{}`{check}` is een keuzevraag met de opties {listed}; noem er een, of een lijst: `{check} = [\"…\", \"…\"]`", mean.0),
                    format!("{}`{check}` is a choice question with the options {listed}; name one, or a list: `{check} = [\"…\", \"…\"]`", mean.1),
                )
            }
            P::BadCondition { kind, check, suggestion, .. } if kind == "number" => {
                let mean = suggestion.as_ref().map(|s| (format!("bedoelde u `{s}`? "), format!("did you mean `{s}`? "))).unwrap_or_default();
                pick(
                    format!("{}`{check}` is een getalvraag: geef een grens, zoals `{check} = {{ below = 200 }}` (ook `at_most`, `above`, `at_least`)", mean.0),
                    format!("{}`{check}` is a number question: give a bound, such as `{check} = {{ below = 200 }}` (also `at_most`, `above`, `at_least`)", mean.1),
                )
            }
            P::ConditionOnLaterCheck { id } => pick(
                format!("een voorwaarde op een vraag kan alleen een eerdere vraag noemen: zet de [[check]] `{id}` hoger in het bestand"),
                format!("a condition on a question can only name an earlier question: move the [[check]] `{id}` up in the file"),
            ),
            P::ConstraintWithoutRule => pick(
                "geef `require` (alle antwoorden moeten gelden) of `any` (ten minste één moet gelden), met minstens één vraag uit deze norm en het antwoord dat moet gelden: `require = { <vraag-id> = true }`".into(),
                "give `require` (every answer must hold) or `any` (at least one must hold), with at least one question of this norm and the answer that must hold: `require = { <question-id> = true }`".into(),
            ),
            P::BadCondition { .. } => pick(
                "een voorwaarde noemt een ja/nee-vraag met true of false, een keuzevraag met een van haar opties of een lijst daarvan, of een getalvraag met een grens: `when = { grond = \"verlenging\", bedrag = { below = 200 } }`".into(),
                "a condition names a yes/no question with true or false, a choice question with one of its options or a list of them, or a number question with a bound: `when = { grond = \"verlenging\", bedrag = { below = 200 } }`".into(),
            ),
            P::NeedsFormat { format, .. } => pick(
                format!("zet `format = {format}` bovenaan de norm; die werkt dan met maatwerk 0.5 of later"),
                format!("put `format = {format}` at the top of the norm; it then needs maatwerk 0.5 or later"),
            ),
            P::UnknownFormat { newest, .. } => pick(
                format!("laat `format` weg (formaat 1) of schrijf `format = {newest}`"),
                format!("leave `format` out (format 1) or write `format = {newest}`"),
            ),
            P::RoleNotInStore { known, .. } => {
                let known = known.join(", ");
                pick(
                    format!("rollen van deze opslag (store.toml): {known}; niemand kan in deze rol besluiten"),
                    format!("this store's roles (store.toml): {known}; nobody can decide in this role"),
                )
            }
            P::HiddenCharacter { .. } => pick(
                "haal het teken weg: een terminal, spreadsheet of browser kan erop handelen, en niemand ziet het staan".to_owned(),
                "remove the character: a terminal, spreadsheet or browser may act on it, and nobody sees it".to_owned(),
            ),
            P::DecimalComma { point, .. } => pick(
                format!("in TOML is de punt het decimaalteken: schrijf {point}"),
                format!("in TOML the point is the decimal mark: write {point}"),
            ),
            P::DutchThousands { written, meant } => {
                let short = written.trim_end_matches('0').trim_end_matches('.');
                pick(
                    format!("bedoelt u {meant}? Schrijf dan {meant}, zonder punt. Bedoelt u {}, schrijf dan {short}: in TOML is de punt het decimaalteken", short.replace('.', ",")),
                    format!("did you mean {meant}? Then write {meant}, without a point. If you mean {short}, write {short}: in TOML the point is the decimal mark"),
                )
            }
            P::Syntax { message } if message.contains("date") || message.contains("day") => pick(
                "controleer de datum: JJJJ-MM-DD, een bestaande dag, zonder aanhalingstekens".into(),
                "check the date: YYYY-MM-DD, a real day, without quotes".into(),
            ),
            P::Syntax { .. } => pick(
                "controleer aanhalingstekens, `=`-tekens en [kopjes] op deze plek".into(),
                "check quotes, `=` signs and [headers] at this spot".into(),
            ),
            P::Unreadable { .. } => pick(
                "controleer of het bestand bestaat en leesbaar is".into(),
                "check that the file exists and can be read".into(),
            ),
            P::NotUtf8 => pick(
                "sla het bestand op als UTF-8".into(),
                "save the file as UTF-8".into(),
            ),
            P::UnknownKey {
                suggestion: Some(s),
                ..
            } => pick(format!("bedoelt u `{s}`?"), format!("did you mean `{s}`?")),
            P::UnknownKey { .. } => pick(
                "verwijder deze regel; de README beschrijft alle sleutels van het normformaat".into(),
                "remove this line; the README describes every key of the norm format".into(),
            ),
            P::MissingKey { example, .. } => pick(
                format!("voeg toe, bijvoorbeeld:\n{example}"),
                format!("add it, for example:\n{example}"),
            ),
            P::WrongType { .. } | P::EmptyText { .. } => None,
            P::BadId { value, .. } if kebab(value).is_some() => {
                let meant = kebab(value).unwrap_or_default();
                pick(
                    format!("bedoelt u `{meant}`? Gebruik kleine letters, cijfers en koppeltekens (hoogstens 64 tekens)"),
                    format!("did you mean `{meant}`? Use lower-case letters, digits and hyphens (at most 64 characters)"),
                )
            }
            P::BadId { .. } => pick(
                "gebruik kleine letters, cijfers en koppeltekens, zoals `pw-zoektermijn-jongeren` (hoogstens 64 tekens)".into(),
                "use lower-case letters, digits and hyphens, like `pw-zoektermijn-jongeren` (at most 64 characters)".into(),
            ),
            P::IdNotFileName { id, .. } => pick(
                format!("hernoem het bestand naar `{id}.toml`, of pas de id aan"),
                format!("rename the file to `{id}.toml`, or change the id"),
            ),
            P::DuplicateNormId { .. } => pick(
                "elke norm heeft een eigen id; een nieuwe versie vervangt het bestand en krijgt een hoger `version`".into(),
                "every norm has its own id; a new version replaces the file and gets a higher `version`".into(),
            ),
            P::DuplicateItem { item, .. } => pick(
                format!("geef elke {} een eigen id", self.item(*item)),
                format!("give every {} its own id", self.item(*item)),
            ),
            P::DateWithTime { key } => pick(
                format!("schrijf alleen de datum: {key} = 2026-02-01"),
                format!("write the date only: {key} = 2026-02-01"),
            ),
            P::QuotedDate { key, value } => pick(
                format!("haal de aanhalingstekens weg: {key} = {value}"),
                format!("remove the quotes: {key} = {value}"),
            ),
            P::BadDate { .. } => pick(
                "controleer dag en maand (JJJJ-MM-DD)".into(),
                "check the day and month (YYYY-MM-DD)".into(),
            ),
            P::DateOrder {
                earlier: "adopted_on",
                ..
            } => pick(
                "een norm geldt niet voordat hij is vastgesteld, tenzij met terugwerkende kracht: zet dan `retroactive = true`".into(),
                "a norm is not in force before it is adopted, unless with retroactive effect: then set `retroactive = true`".into(),
            ),
            P::DateOrder { .. } => pick(
                "een norm kan niet eindigen voordat hij begint".into(),
                "a norm cannot end before it starts".into(),
            ),
            P::BadJci {
                error: JciError::UnknownParam {
                    suggestion: Some(s),
                    ..
                },
                ..
            } => pick(format!("bedoelt u `{s}`?"), format!("did you mean `{s}`?")),
            P::BadJci {
                error: JciError::Link(jci),
                ..
            } => pick(
                format!("bedoelt u `{jci}`? Controleer artikel en lid"),
                format!("did you mean `{jci}`? Check the article and member"),
            ),
            P::BadJci { .. } => pick(
                "schrijf zoals jci1.3:c:BWBR0015703&artikel=41&lid=4 (de verwijzing staat bij elk artikel op wetten.overheid.nl)".into(),
                "write it like jci1.3:c:BWBR0015703&artikel=41&lid=4 (wetten.overheid.nl shows it for every article)".into(),
            ),
            P::BadCvdr { .. } => pick(
                "schrijf zoals CVDR719087 (te vinden op lokaleregelgeving.overheid.nl)".into(),
                "write it like CVDR719087 (found on lokaleregelgeving.overheid.nl)".into(),
            ),
            P::BadPeriod { meant: Some(iso), .. } => pick(
                format!("bedoelt u \"{iso}\"? Een duur staat in ISO 8601: \"P3M\" is 3 maanden, \"P6W\" 6 weken, \"P1Y\" 1 jaar"),
                format!("did you mean \"{iso}\"? A duration is written in ISO 8601: \"P3M\" is 3 months, \"P6W\" 6 weeks, \"P1Y\" 1 year"),
            ),
            P::BadPeriod { .. } => pick(
                "schrijf een ISO 8601-duur zoals \"P3M\" (3 maanden), \"P6W\" (6 weken) of \"P1Y\" (1 jaar), of een aantal dagen zoals 90".into(),
                "write an ISO 8601 duration like \"P3M\" (3 months), \"P6W\" (6 weeks) or \"P1Y\" (1 year), or a number of days like 90".into(),
            ),
            P::UnknownValue {
                allowed,
                suggestion,
                ..
            } => {
                let list = allowed.join(", ");
                match suggestion {
                    Some(s) => pick(
                        format!("bedoelt u `{s}`? Toegestaan: {list}"),
                        format!("did you mean `{s}`? Allowed: {list}"),
                    ),
                    None => pick(format!("toegestaan: {list}"), format!("allowed: {list}")),
                }
            }
            P::UnknownReference {
                suggestion: Some(s),
                ..
            } => pick(format!("bedoelt u `{s}`?"), format!("did you mean `{s}`?")),
            P::UnknownReference { item, .. } => pick(
                format!("gebruik de id van een {} uit dit bestand", self.item(*item)),
                format!("use the id of a {} in this file", self.item(*item)),
            ),
            P::NotANumberCheck { key, .. } => pick(
                format!("`{key}` kan alleen een check met kind = \"number\" noemen: kies een getalvraag, of maak er een van"),
                format!("`{key}` can only name a check with kind = \"number\": choose a number question, or make one"),
            ),
            P::BadLocalGround { .. } => pick(
                "schrijf een gemeentelijk artikel als { cvdr = \"CVDR719087\", article = \"4\" }, met eventueel title = \"…\"".into(),
                "write a municipal article as { cvdr = \"CVDR719087\", article = \"4\" }, with title = \"…\" if you like".into(),
            ),
            P::NotADateCheck { .. } => pick(
                "`period_ends_before` noemt een vraag met kind = \"date\", bijvoorbeeld de datum waarop de jongere 23 wordt".into(),
                "`period_ends_before` names a question with kind = \"date\", for example the day the young person turns 23".into(),
            ),
            P::ChoiceWithoutOptions => pick(
                "voeg de keuzes toe: options = [\"…\", \"…\"]".into(),
                "add the choices: options = [\"…\", \"…\"]".into(),
            ),
            P::MinAboveMax { .. } => pick(
                "verwissel ze, of pas een van beide aan".into(),
                "swap them, or change one of them".into(),
            ),
            P::AcceptNotAnOption { .. } => pick(
                "`accept` noemt de opties waarmee de consulent verder mag; elk moet ook in `options` staan".into(),
                "`accept` names the options that let the caseworker proceed; each must also be in `options`".into(),
            ),
            P::KeyNotForKind { .. } => pick(
                "confirm: expect · text: min_chars · number: min, max, unit · choice: options, accept".into(),
                "confirm: expect · text: min_chars · number: min, max, unit · choice: options, accept".into(),
            ),
            P::TooSmall { key, .. } if key == "version" => pick(
                "begin bij 1 en verhoog bij elke inhoudelijke wijziging".into(),
                "start at 1 and increase it with every change of substance".into(),
            ),
            P::TooSmall { .. } => None,
            P::NoChecks => pick(
                "voeg ten minste één [[check]] toe met id, question en kind".into(),
                "add at least one [[check]] with id, question and kind".into(),
            ),
            P::NoTiers => pick(
                "voeg ten minste één [[mandate.tier]] toe, bijvoorbeeld role = \"consulent\"".into(),
                "add at least one [[mandate.tier]], for example role = \"consulent\"".into(),
            ),
            P::TierNotIncreasing { .. } => pick(
                "zet de treden van klein naar groot mandaat: een latere rol mag alles wat een eerdere mag; laat een grens weg voor 'onbeperkt'".into(),
                "order the tiers from smallest to largest mandate: a later role may do all an earlier one may; leave a limit out for 'unlimited'".into(),
            ),
            P::TierLongerThanNorm { .. } => pick(
                "verkort `max_duration` van de trede of verleng die van de norm".into(),
                "shorten the tier's `max_duration` or lengthen the norm's".into(),
            ),
            P::WithdrawnOnNeedsStatus => pick(
                "zet status = \"ingetrokken\", of verwijder `withdrawn_on`".into(),
                "set status = \"ingetrokken\", or remove `withdrawn_on`".into(),
            ),
            P::AdoptionMissing { .. } => pick(
                "vermeld wanneer en door wie de norm is vastgesteld, bijvoorbeeld:\nadopted_on = 2026-01-15\nadopted_by = \"college van burgemeester en wethouders\"".into(),
                "state when and by whom the norm was adopted, for example:\nadopted_on = 2026-01-15\nadopted_by = \"college van burgemeester en wethouders\"".into(),
            ),
            P::ReviewAfterMaxDuration => pick(
                "kies een kortere `review_after`".into(),
                "choose a shorter `review_after`".into(),
            ),
            P::TotalShorterThanMax => pick(
                "maak `max_total_duration` minstens zo lang als `max_duration`, bijvoorbeeld max_duration = \"P12M\" en max_total_duration = \"P24M\"".into(),
                "make `max_total_duration` at least as long as `max_duration`, for example max_duration = \"P12M\" and max_total_duration = \"P24M\"".into(),
            ),
            P::NotATomlFile => pick(
                "normbestanden eindigen op .toml".into(),
                "norm files end in .toml".into(),
            ),
            P::NoNormFiles => pick(
                "zet één norm per bestand in deze map, met de id als bestandsnaam".into(),
                "put one norm per file in this directory, named after its id".into(),
            ),
        }
    }
}

/// `value` as an id is written: lower case, words joined by hyphens;
/// `None` when that is no id either.
fn kebab(value: &str) -> Option<String> {
    let id = value
        .trim()
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    (id != value && crate::domain::norm::parse::is_kebab_id(&id)).then_some(id)
}
