//! Interface text of the command line.

use jiff::civil::Date;

use super::Lang;
use crate::domain::norm::Unusable;
use crate::domain::norm::catalog::Origin;

impl Lang {
    pub(crate) fn pick<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Self::Nl => nl,
            Self::En => en,
        }
    }

    fn origin(self, origin: &Origin) -> String {
        match origin {
            Origin::Directory(dir) => dir.display().to_string(),
            Origin::Files => self.pick("opgegeven bestanden", "given files").to_owned(),
            Origin::Bundled => self.pick("ingebouwde normen", "bundled norms").to_owned(),
        }
    }

    pub fn help_label(self) -> &'static str {
        self.pick("hulp", "help")
    }

    pub fn tagline(self) -> &'static str {
        self.pick(
            "maatwerk — afwijken van de standaardregel, op basis van afgesproken normen",
            "maatwerk — departing from the standard rule on the basis of agreed norms",
        )
    }

    pub fn next_steps_heading(self) -> &'static str {
        self.pick("Verder:", "Next:")
    }

    pub fn next_steps(self) -> Vec<(&'static str, &'static str)> {
        match self {
            Self::Nl => vec![
                ("maatwerk norms show <id>", "een norm volledig lezen"),
                (
                    "maatwerk norms list --all",
                    "ook concept-, ingetrokken en verlopen normen",
                ),
                ("maatwerk norms check [pad…]", "normbestanden controleren"),
                ("maatwerk --help", "alle opdrachten en opties"),
            ],
            Self::En => vec![
                ("maatwerk norms show <id>", "read one norm in full"),
                (
                    "maatwerk norms list --all",
                    "include concept, withdrawn and expired norms",
                ),
                ("maatwerk norms check [path…]", "check norm files"),
                ("maatwerk --help", "all commands and options"),
            ],
        }
    }

    pub fn bad_clock(self, value: &str) -> String {
        match self {
            Self::Nl => format!(
                "MAATWERK_NOW={value:?} is geen RFC 3339-tijdstip zoals 2026-11-23T09:30:00Z"
            ),
            Self::En => format!(
                "MAATWERK_NOW={value:?} is not an RFC 3339 timestamp such as 2026-11-23T09:30:00Z"
            ),
        }
    }

    pub fn bad_lang(self, value: &str) -> String {
        match self {
            Self::Nl => format!("MAATWERK_LANG={value:?}: kies `nl` of `en`"),
            Self::En => format!("MAATWERK_LANG={value:?}: choose `nl` or `en`"),
        }
    }

    pub fn norms_dir_missing(self, dir: &str) -> String {
        match self {
            Self::Nl => format!("de normmap `{dir}` bestaat niet of is geen map"),
            Self::En => format!("the norms directory `{dir}` does not exist or is not a directory"),
        }
    }

    pub fn norms_dir_missing_help(self) -> String {
        self.pick(
            "geef een bestaande map met --norms of MAATWERK_NORMS, of laat beide weg om ./norms of de ingebouwde normen te gebruiken",
            "name an existing directory with --norms or MAATWERK_NORMS, or leave both out to use ./norms or the bundled norms",
        )
        .to_owned()
    }

    pub fn cannot_list(self, path: &str, error: &str) -> String {
        match self {
            Self::Nl => format!("kan `{path}` niet lezen: {error}"),
            Self::En => format!("cannot read `{path}`: {error}"),
        }
    }

    pub fn cannot_write(self, path: &str, error: &str) -> String {
        match self {
            Self::Nl => format!("kan `{path}` niet schrijven: {error}"),
            Self::En => format!("cannot write `{path}`: {error}"),
        }
    }

    pub fn broken_norms_left_out(self, count: usize, origin: &Origin) -> String {
        let origin = self.origin(origin);
        match (self, count) {
            (Self::Nl, 1) => format!(
                "let op: 1 normbestand in {origin} bevat fouten en is weggelaten; `maatwerk norms check` laat zien wat er mis is"
            ),
            (Self::Nl, n) => format!(
                "let op: {n} normbestanden in {origin} bevatten fouten en zijn weggelaten; `maatwerk norms check` laat zien wat er mis is"
            ),
            (Self::En, 1) => format!(
                "note: 1 norm file in {origin} has errors and was left out; `maatwerk norms check` shows what is wrong"
            ),
            (Self::En, n) => format!(
                "note: {n} norm files in {origin} have errors and were left out; `maatwerk norms check` shows what is wrong"
            ),
        }
    }

    pub fn usable_norms_heading(self, usable: usize, on: Date, origin: &Origin) -> String {
        let origin = self.origin(origin);
        match self {
            Self::Nl => format!("Normen bruikbaar op {on}: {usable} (bron: {origin})"),
            Self::En => format!("Norms usable on {on}: {usable} (source: {origin})"),
        }
    }

    pub fn all_norms_heading(
        self,
        total: usize,
        usable: usize,
        on: Date,
        origin: &Origin,
    ) -> String {
        let origin = self.origin(origin);
        match self {
            Self::Nl => {
                format!("Alle normen: {total}, waarvan {usable} bruikbaar op {on} (bron: {origin})")
            }
            Self::En => {
                format!("All norms: {total}, of which {usable} usable on {on} (source: {origin})")
            }
        }
    }

    pub fn no_norms_to_show(self, all: bool) -> String {
        match (self, all) {
            (Self::Nl, false) => "Geen enkele norm is op deze datum bruikbaar; `maatwerk norms list --all` toont ze allemaal.".into(),
            (Self::Nl, true) => "Er zijn geen normen.".into(),
            (Self::En, false) => "No norm is usable on this date; `maatwerk norms list --all` shows them all.".into(),
            (Self::En, true) => "There are no norms.".into(),
        }
    }

    /// id, version, title, domain, status, validity.
    pub fn norm_table_header(self) -> [&'static str; 6] {
        match self {
            Self::Nl => ["id", "versie", "titel", "domein", "status", "geldig"],
            Self::En => ["id", "version", "title", "domain", "status", "valid"],
        }
    }

    pub fn usable_column(self) -> &'static str {
        self.pick("bruikbaar", "usable")
    }

    pub fn usable_yes(self) -> &'static str {
        self.pick("✓ ja", "✓ yes")
    }

    pub fn unusable_short(self, why: &Unusable) -> String {
        let reason = match (self, why) {
            (Self::Nl, Unusable::Concept) => "concept".to_owned(),
            (Self::Nl, Unusable::Withdrawn { .. }) => "ingetrokken".to_owned(),
            (Self::Nl, Unusable::NotYetValid { from }) => format!("geldt vanaf {from}"),
            (Self::Nl, Unusable::Expired { until }) => format!("verlopen na {until}"),
            (Self::En, Unusable::Concept) => "concept".to_owned(),
            (Self::En, Unusable::Withdrawn { .. }) => "withdrawn".to_owned(),
            (Self::En, Unusable::NotYetValid { from }) => format!("in force from {from}"),
            (Self::En, Unusable::Expired { until }) => format!("expired after {until}"),
        };
        format!("✗ {reason}")
    }

    pub fn usable_on(self, on: Date) -> String {
        match self {
            Self::Nl => format!("✓ Bruikbaar voor een besluit op {on}."),
            Self::En => format!("✓ Usable for a decision on {on}."),
        }
    }

    pub fn unusable_on(self, on: Date, why: &Unusable) -> String {
        match (self, why) {
            (Self::Nl, Unusable::Concept) => {
                format!("✗ Niet bruikbaar op {on}: dit is een concept dat nog niet is vastgesteld.")
            }
            (Self::Nl, Unusable::Withdrawn { since: Some(since) }) => {
                format!("✗ Niet bruikbaar op {on}: ingetrokken per {since}.")
            }
            (Self::Nl, Unusable::Withdrawn { since: None }) => {
                format!("✗ Niet bruikbaar op {on}: de norm is ingetrokken.")
            }
            (Self::Nl, Unusable::NotYetValid { from }) => {
                format!("✗ Niet bruikbaar op {on}: de norm geldt pas vanaf {from}.")
            }
            (Self::Nl, Unusable::Expired { until }) => {
                format!("✗ Niet bruikbaar op {on}: de norm gold tot en met {until}.")
            }
            (Self::En, Unusable::Concept) => {
                format!("✗ Not usable on {on}: this is a concept that has not been adopted.")
            }
            (Self::En, Unusable::Withdrawn { since: Some(since) }) => {
                format!("✗ Not usable on {on}: withdrawn as of {since}.")
            }
            (Self::En, Unusable::Withdrawn { since: None }) => {
                format!("✗ Not usable on {on}: the norm has been withdrawn.")
            }
            (Self::En, Unusable::NotYetValid { from }) => {
                format!("✗ Not usable on {on}: the norm is only in force from {from}.")
            }
            (Self::En, Unusable::Expired { until }) => {
                format!("✗ Not usable on {on}: the norm was in force up to and including {until}.")
            }
        }
    }

    pub fn norm_has_errors(self, id: &str, file: &str) -> String {
        match self {
            Self::Nl => format!("de norm `{id}` ({file}) bevat fouten en kan niet worden getoond"),
            Self::En => format!("the norm `{id}` ({file}) has errors and cannot be shown"),
        }
    }

    pub fn run_norms_check_help(self, file: &str) -> String {
        match self {
            Self::Nl => format!("`maatwerk norms check {file}` laat zien wat er mis is"),
            Self::En => format!("`maatwerk norms check {file}` shows what is wrong"),
        }
    }

    pub fn no_such_norm(self, id: &str) -> String {
        match self {
            Self::Nl => format!("er is geen norm met id `{id}`"),
            Self::En => format!("there is no norm with id `{id}`"),
        }
    }

    pub fn no_such_norm_help(self, suggestion: Option<&str>) -> String {
        match (self, suggestion) {
            (Self::Nl, Some(s)) => {
                format!("bedoelt u `{s}`? `maatwerk norms list --all` toont alle ids")
            }
            (Self::Nl, None) => "`maatwerk norms list --all` toont alle ids".into(),
            (Self::En, Some(s)) => {
                format!("did you mean `{s}`? `maatwerk norms list --all` shows every id")
            }
            (Self::En, None) => "`maatwerk norms list --all` shows every id".into(),
        }
    }

    pub fn norm_id_line(self, id: &str, version: u32, status: &str) -> String {
        match self {
            Self::Nl => format!("{id} · versie {version} · {status}"),
            Self::En => format!("{id} · version {version} · {status}"),
        }
    }

    pub fn label_adopted(self) -> &'static str {
        self.pick("Vastgesteld", "Adopted")
    }

    pub fn adopted_by(self, on: Date, by: &str) -> String {
        match self {
            Self::Nl => format!("{on} door {by}"),
            Self::En => format!("{on} by {by}"),
        }
    }

    pub fn label_valid(self) -> &'static str {
        self.pick("Geldig", "In force")
    }

    pub fn label_withdrawn(self) -> &'static str {
        self.pick("Ingetrokken per", "Withdrawn as of")
    }

    pub fn label_owner(self) -> &'static str {
        self.pick("Eigenaar", "Owner")
    }

    pub fn label_domain(self) -> &'static str {
        self.pick("Domein", "Domain")
    }

    pub fn label_max_duration(self) -> &'static str {
        self.pick("Maximale duur", "Longest duration")
    }

    pub fn label_review_after(self) -> &'static str {
        self.pick("Herbeoordelen na", "Review after")
    }

    pub fn label_source(self) -> &'static str {
        self.pick("Bestand", "File")
    }

    pub fn heading_rule(self) -> &'static str {
        self.pick(
            "Standaardregel waarvan wordt afgeweken",
            "Standard rule departed from",
        )
    }

    pub fn label_basis(self) -> &'static str {
        self.pick("Grondslag", "Legal basis")
    }

    pub fn label_local_rule(self) -> &'static str {
        self.pick("Lokale regel", "Local rule")
    }

    pub fn local_rule_article(self, title: &str, article: &str) -> String {
        match self {
            Self::Nl => format!("{title}, artikel {article}"),
            Self::En => format!("{title}, article {article}"),
        }
    }

    pub fn heading_intent(self) -> &'static str {
        self.pick("Bedoeling", "Intent")
    }

    pub fn label_intent_rule(self) -> &'static str {
        self.pick("Waar de regel voor is:", "What the rule is for:")
    }

    pub fn label_intent_departure(self) -> &'static str {
        self.pick(
            "Waarom afwijken hier de bedoeling dient:",
            "Why departing here serves that aim:",
        )
    }

    pub fn heading_grounds(self) -> &'static str {
        self.pick(
            "Juridische grond om af te wijken",
            "Legal ground for departing",
        )
    }

    pub fn heading_checks(self, count: usize) -> String {
        match self {
            Self::Nl => format!("Controlevragen ({count})"),
            Self::En => format!("Checks ({count})"),
        }
    }

    pub fn heading_evidence(self) -> &'static str {
        self.pick("Bewijsstukken in het dossier", "Evidence in the case file")
    }

    pub fn optional_suffix(self) -> &'static str {
        self.pick(" (optioneel)", " (optional)")
    }

    pub fn heading_motivation(self, min_chars: u32) -> String {
        match self {
            Self::Nl => format!("Motivering (Awb 4:84), elk onderdeel minstens {min_chars} tekens"),
            Self::En => format!("Motivation (Awb 4:84), each part at least {min_chars} characters"),
        }
    }

    pub fn part_circumstances(self) -> &'static str {
        self.pick("Bijzondere omstandigheden", "Special circumstances")
    }

    pub fn part_consequences(self) -> &'static str {
        self.pick(
            "Gevolgen van het toepassen van de regel",
            "Consequences of applying the rule",
        )
    }

    pub fn part_aims(self) -> &'static str {
        self.pick("Doelen van de regel", "Aims of the rule")
    }

    pub fn part_disproportionality(self) -> &'static str {
        self.pick(
            "Waarom die gevolgen onevenredig zijn",
            "Why those consequences are disproportionate",
        )
    }

    pub fn heading_mandate(self) -> &'static str {
        self.pick("Mandaat", "Mandaat (who may decide)")
    }

    pub fn limit_up_to(self, check: &str, max: f64, unit: Option<&str>) -> String {
        let unit = unit.map(|u| format!(" {u}")).unwrap_or_default();
        match self {
            Self::Nl => format!("{check} tot en met {max}{unit}"),
            Self::En => format!("{check} up to {max}{unit}"),
        }
    }

    pub fn duration_up_to(self, duration: &str) -> String {
        match self {
            Self::Nl => format!("duur tot {duration}"),
            Self::En => format!("duration up to {duration}"),
        }
    }

    pub fn no_limits(self) -> &'static str {
        self.pick(
            "alles wat deze norm toestaat",
            "everything this norm allows",
        )
    }

    pub fn four_eyes(self, always: bool) -> &'static str {
        match (self, always) {
            (Self::Nl, true) => "Vier ogen: elk besluit wordt door een tweede persoon beoordeeld.",
            (Self::Nl, false) => {
                "Boven het eigen mandaat beoordeelt een rol met voldoende mandaat het besluit."
            }
            (Self::En, true) => "Four eyes: a second person reviews every decision.",
            (Self::En, false) => {
                "Beyond one's own mandaat, a role with enough mandaat reviews the decision."
            }
        }
    }

    pub fn kind_confirm(self, expect: bool) -> String {
        match (self, expect) {
            (Self::Nl, true) => "ja/nee — alleen met ‘ja’ valt het geval onder deze norm".into(),
            (Self::Nl, false) => "ja/nee — alleen met ‘nee’ valt het geval onder deze norm".into(),
            (Self::En, true) => "yes/no — the case falls under this norm only with ‘yes’".into(),
            (Self::En, false) => "yes/no — the case falls under this norm only with ‘no’".into(),
        }
    }

    pub fn kind_text(self, min_chars: u32) -> String {
        match (self, min_chars) {
            (Self::Nl, 0) => "tekst".into(),
            (Self::Nl, n) => format!("tekst, minstens {n} tekens"),
            (Self::En, 0) => "text".into(),
            (Self::En, n) => format!("text, at least {n} characters"),
        }
    }

    pub fn kind_number(self, min: Option<f64>, max: Option<f64>, unit: Option<&str>) -> String {
        let unit = unit.map(|u| format!(" {u}")).unwrap_or_default();
        match (self, min, max) {
            (Self::Nl, Some(lo), Some(hi)) => format!("getal van {lo} tot en met {hi}{unit}"),
            (Self::Nl, Some(lo), None) => format!("getal, minstens {lo}{unit}"),
            (Self::Nl, None, Some(hi)) => format!("getal, hoogstens {hi}{unit}"),
            (Self::Nl, None, None) => format!("getal{unit}"),
            (Self::En, Some(lo), Some(hi)) => format!("number from {lo} to {hi}{unit}"),
            (Self::En, Some(lo), None) => format!("number, at least {lo}{unit}"),
            (Self::En, None, Some(hi)) => format!("number, at most {hi}{unit}"),
            (Self::En, None, None) => format!("number{unit}"),
        }
    }

    pub fn kind_choice(self, options: &[String], accept: &[String]) -> String {
        let options = options.join(" | ");
        if accept.is_empty() {
            match self {
                Self::Nl => format!("keuze: {options}"),
                Self::En => format!("choice: {options}"),
            }
        } else {
            let accept = accept.join(" | ");
            match self {
                Self::Nl => format!("keuze: {options} — valt onder de norm bij: {accept}"),
                Self::En => format!("choice: {options} — falls under the norm with: {accept}"),
            }
        }
    }

    pub fn kind_date(self) -> &'static str {
        self.pick("datum", "date")
    }

    pub fn check_summary(
        self,
        files: usize,
        broken: usize,
        errors: usize,
        warnings: usize,
    ) -> String {
        match self {
            Self::Nl => {
                let files_text = if files == 1 {
                    "1 normbestand".to_owned()
                } else {
                    format!("{files} normbestanden")
                };
                let warnings_text = match warnings {
                    0 => String::new(),
                    1 => ", 1 waarschuwing".to_owned(),
                    n => format!(", {n} waarschuwingen"),
                };
                match errors {
                    0 => format!("{files_text} gecontroleerd: geen fouten{warnings_text}."),
                    1 => format!(
                        "{files_text} gecontroleerd: 1 fout in {broken} bestand{warnings_text}."
                    ),
                    n => format!(
                        "{files_text} gecontroleerd: {n} fouten in {broken} {}{warnings_text}.",
                        if broken == 1 { "bestand" } else { "bestanden" }
                    ),
                }
            }
            Self::En => {
                let files_text = if files == 1 {
                    "1 norm file".to_owned()
                } else {
                    format!("{files} norm files")
                };
                let warnings_text = match warnings {
                    0 => String::new(),
                    1 => ", 1 warning".to_owned(),
                    n => format!(", {n} warnings"),
                };
                match errors {
                    0 => format!("{files_text} checked: no errors{warnings_text}."),
                    1 => format!("{files_text} checked: 1 error in {broken} file{warnings_text}."),
                    n => format!(
                        "{files_text} checked: {n} errors in {broken} {}{warnings_text}.",
                        if broken == 1 { "file" } else { "files" }
                    ),
                }
            }
        }
    }
}

impl Lang {
    pub fn not_selectable(self, why: &Unusable) -> String {
        let why = self.unusable_short(why);
        match self {
            Self::Nl => format!(
                "Niet te kiezen: {}. Kies een vastgestelde norm die vandaag geldt.",
                why.trim_start_matches("✗ ")
            ),
            Self::En => format!(
                "Cannot be chosen: {}. Choose an adopted norm in force today.",
                why.trim_start_matches("✗ ")
            ),
        }
    }

    pub fn norms_shown(self, shown: usize, total: usize) -> String {
        match self {
            Self::Nl => format!("{shown} van {total} normen"),
            Self::En => format!("{shown} of {total} norms"),
        }
    }

    pub fn window_too_small(self, min_w: u16, min_h: u16, w: u16, h: u16) -> String {
        match self {
            Self::Nl => format!(
                "Venster te klein: minstens {min_w}×{min_h} nodig, nu {w}×{h}. Maak het venster groter; er gaat niets verloren."
            ),
            Self::En => format!(
                "Window too small: needs at least {min_w}×{min_h}, now {w}×{h}. Make the window larger; nothing is lost."
            ),
        }
    }
}

impl Lang {
    pub fn case_intro(self) -> &'static str {
        self.pick(
            "Over welke zaak gaat het? Gebruik het zaaknummer uit het zaaksysteem, nooit een BSN.",
            "Which case is it? Use the case reference from the case system, never a BSN.",
        )
    }

    /// What is wrong with a case reference, said at its field.
    pub fn case_problem(self, problem: crate::domain::decision::CaseProblem) -> String {
        use crate::domain::decision::CaseProblem as P;
        match problem {
            P::Missing => self
                .pick("vul het zaaknummer in", "enter the case reference")
                .into(),
            P::IsBsn => self.case_bsn_explained(),
            P::Invalid => self.pick("1 tot 64 tekens", "1 to 64 characters").into(),
        }
    }

    pub fn case_bsn_explained(self) -> String {
        self.pick(
            "dit is een burgerservicenummer (BSN); dat mag alleen worden vastgelegd waar een wet het toestaat (UAVG art. 46). Gebruik het zaaknummer.",
            "this is a citizen service number (BSN); it may only be recorded where a law allows it (UAVG art. 46). Use the case reference.",
        )
        .into()
    }

    pub fn date_hint(self) -> String {
        self.pick(
            "een datum zoals 23-11-2026 of 2026-11-23",
            "a date such as 23-11-2026 or 2026-11-23",
        )
        .into()
    }

    pub fn max_duration_note(self, max: &str) -> String {
        match self {
            Self::Nl => format!("de norm staat ten hoogste {max} toe"),
            Self::En => format!("the norm allows at most {max}"),
        }
    }

    pub fn period_over_max(self, max: &str, last: Date) -> String {
        match self {
            Self::Nl => format!("langer dan de norm toestaat ({max}): uiterlijk t/m {last}"),
            Self::En => {
                format!("longer than the norm allows ({max}): at most up to and including {last}")
            }
        }
    }
}

impl Lang {
    pub fn answer_label(self) -> &'static str {
        self.pick("Antwoord", "Answer")
    }

    pub fn chars_count(self, n: usize, min: u32) -> String {
        match self {
            Self::Nl => format!("{n} van minstens {min} tekens"),
            Self::En => format!("{n} of at least {min} characters"),
        }
    }

    /// What is wrong with an answer, said at the field where it is typed.
    pub fn answer_problem(
        self,
        problem: &crate::domain::norm::AnswerProblem,
        check: &crate::domain::norm::Check,
    ) -> String {
        use crate::domain::norm::{AnswerProblem as P, CheckKind};
        match (problem, &check.kind) {
            (P::Missing, CheckKind::Confirm { .. }) => self
                .pick("kies ja of nee (j/n)", "choose yes or no (y/n)")
                .into(),
            (P::Missing, _) => self.pick("vul het antwoord in", "enter the answer").into(),
            (P::NotANumber, _) => self.pick("vul een getal in", "enter a number").into(),
            (P::NotADate, _) => self.date_hint(),
            (P::OutOfRange { min, max }, CheckKind::Number { unit, .. }) => {
                self.kind_number(*min, *max, unit.as_deref())
            }
            (P::OutOfRange { min, max }, _) => self.kind_number(*min, *max, None),
            (P::TooShort { min, len }, _) => self.chars_count(*len, *min),
            (P::BsnInText, _) => self
                .pick(
                    "bevat een BSN; laat dat weg",
                    "contains a BSN; leave it out",
                )
                .into(),
            (P::NotAnOption { value }, _) => match self {
                Self::Nl => format!("`{value}` is geen van de keuzes"),
                Self::En => format!("`{value}` is not one of the choices"),
            },
            (P::WrongType { kind }, _) => match self {
                Self::Nl => format!("past niet bij een vraag van soort `{kind}`"),
                Self::En => format!("does not fit a question of kind `{kind}`"),
            },
            (P::ConditionNotMet, _) => self.not_covered_because(&check.question),
        }
    }

    pub fn check_progress(self, n: usize, total: usize) -> String {
        match self {
            Self::Nl => format!("Vraag {n} van {total}"),
            Self::En => format!("Question {n} of {total}"),
        }
    }

    pub fn not_covered_title(self) -> &'static str {
        self.pick(
            "Deze norm dekt dit geval niet",
            "This norm does not cover the case",
        )
    }

    pub fn not_covered_because(self, question: &str) -> String {
        match self {
            Self::Nl => {
                format!("Aan deze voorwaarde is niet voldaan: “{question}”. Wat wilt u doen?")
            }
            Self::En => format!("This condition is not met: “{question}”. What do you want to do?"),
        }
    }
}

impl Lang {
    pub fn motivation_part(self, n: usize, total: usize, label: &str) -> String {
        match self {
            Self::Nl => format!("Onderdeel {n} van {total}: {label}"),
            Self::En => format!("Part {n} of {total}: {label}"),
        }
    }

    pub fn chars_written(self, n: usize) -> String {
        match self {
            Self::Nl => format!("{n} tekens"),
            Self::En => format!("{n} characters"),
        }
    }
}

impl Lang {
    pub fn mandate_live(self, outcome: &crate::domain::norm::MandateOutcome) -> String {
        use crate::domain::norm::MandateOutcome as M;
        match (self, outcome) {
            (Self::Nl, M::Within { .. }) => "✓ Binnen uw mandaat".into(),
            (Self::Nl, M::NeedsReview { role }) => {
                format!("⚠ Vereist beoordeling door {role} of hoger")
            }
            (Self::Nl, M::BeyondNorm) => "✗ Boven elk mandaat in deze norm".into(),
            (Self::En, M::Within { .. }) => "✓ Within your mandaat".into(),
            (Self::En, M::NeedsReview { role }) => format!("⚠ Needs review by {role} or higher"),
            (Self::En, M::BeyondNorm) => "✗ Beyond every mandaat in this norm".into(),
        }
    }

    pub fn signature_meaning(self, outcome: &crate::domain::norm::MandateOutcome) -> String {
        use crate::domain::norm::MandateOutcome as M;
        match (self, outcome) {
            (Self::Nl, M::Within { .. }) => {
                "Uw handtekening betekent: opgesteld en vastgesteld — u neemt dit besluit.".into()
            }
            (Self::Nl, _) => {
                "Uw handtekening betekent: opgesteld, ter beoordeling — u legt het besluit voor."
                    .into()
            }
            (Self::En, M::Within { .. }) => {
                "Your signature means: drawn up and decided — you take this decision.".into()
            }
            (Self::En, _) => {
                "Your signature means: drawn up, for review — you submit the decision.".into()
            }
        }
    }

    pub fn cannot_sign_yet(self, reasons: usize) -> String {
        match (self, reasons) {
            (Self::Nl, 1) => "Nog niet te ondertekenen, om deze reden:".into(),
            (Self::Nl, n) => format!("Nog niet te ondertekenen, om deze {n} redenen:"),
            (Self::En, 1) => "Cannot be signed yet, for this reason:".into(),
            (Self::En, n) => format!("Cannot be signed yet, for these {n} reasons:"),
        }
    }
}

impl Lang {
    pub fn signal_intro(self, case: &str, question: &str) -> String {
        match self {
            Self::Nl => format!(
                "Signaal voor de beleidseigenaar over zaak {case}: de norm dekte dit geval niet (“{question}”). Het signaal wordt ondertekend en in de opslag bewaard."
            ),
            Self::En => format!(
                "Signal for the policy owner about case {case}: the norm did not cover it (“{question}”). The signal is signed and kept in the store."
            ),
        }
    }

    pub fn done_title(self) -> &'static str {
        self.pick("Ondertekend en opgeslagen", "Signed and stored")
    }

    pub fn done_note(self, id: &str) -> String {
        match self {
            Self::Nl => format!(
                "Noteer {id} in het zaakdossier, bijvoorbeeld in het rapport bij het besluit. Iedereen met de opslag kan de handtekening controleren met `maatwerk verify`."
            ),
            Self::En => format!(
                "Note {id} in the case file, for example in the report with the decision. Anyone with the store can check the signature with `maatwerk verify`."
            ),
        }
    }

    pub fn signal_done_note(self, id: &str) -> String {
        match self {
            Self::Nl => format!(
                "Signaal {id} is ondertekend en bewaard voor de beleidseigenaar. Er is geen besluit vastgelegd."
            ),
            Self::En => format!(
                "Signal {id} is signed and kept for the policy owner. No decision was recorded."
            ),
        }
    }

    pub fn any_key_to_close(self) -> &'static str {
        self.pick(
            "Druk op een toets om af te sluiten.",
            "Press any key to close.",
        )
    }
}

impl Lang {
    pub fn use_found_key(self, path: &str) -> String {
        match self {
            Self::Nl => format!("{path} gebruiken"),
            Self::En => format!("use {path}"),
        }
    }

    pub fn motivation_bsn(self) -> &'static str {
        self.pick(
            "bevat een BSN; laat dat weg (UAVG art. 46)",
            "contains a BSN; leave it out (UAVG art. 46)",
        )
    }

    pub fn onboarding_role_label(self) -> &'static str {
        self.pick("Uw rol in het mandaat", "Your role in the mandaat")
    }

    pub fn onboarding_role_note(self) -> &'static str {
        self.pick(
            "elke norm bepaalt per rol wat u zelf mag besluiten",
            "each norm sets per role what you may decide alone",
        )
    }

    pub fn leave_question(self, draft: &str) -> String {
        match self {
            Self::Nl => format!(
                "Wat u invulde blijft bewaard als concept {draft}. Met `maatwerk new --resume {draft}` gaat u later verder."
            ),
            Self::En => format!(
                "What you entered is kept as draft {draft}. `maatwerk new --resume {draft}` goes on later."
            ),
        }
    }

    pub fn help_draft_note(self) -> &'static str {
        self.pick(
            "Uw werk wordt bij elke stap als concept bewaard, ook bij Ctrl-C of als het venster sluit. `maatwerk new --resume` gaat verder; `maatwerk drafts` toont de concepten.",
            "Your work is kept as a draft at every step, also on Ctrl-C or when the window closes. `maatwerk new --resume` goes on; `maatwerk drafts` lists the drafts.",
        )
    }
}

impl Lang {
    pub fn draft_saved(self, id: &str) -> String {
        match self {
            Self::Nl => format!(
                "Niet ondertekend; uw werk is bewaard als concept {id}. Ga verder met `maatwerk new --resume`."
            ),
            Self::En => format!(
                "Not signed; your work is kept as draft {id}. Go on with `maatwerk new --resume`."
            ),
        }
    }

    pub fn draft_norm_changed_resume(self, then: u32, now: u32) -> String {
        match self {
            Self::Nl => format!(
                "Let op: de norm van dit concept is gewijzigd (versie {then} → {now}). Loop de controlevragen opnieuw na."
            ),
            Self::En => format!(
                "Note: the norm of this draft has changed (version {then} → {now}). Go through the checks again."
            ),
        }
    }
}

impl Lang {
    pub fn walkthrough_needs_terminal(self) -> String {
        self.pick(
            "de doorloop heeft een terminal nodig, en die is er niet",
            "the walkthrough needs a terminal, and there is none",
        )
        .into()
    }

    pub fn walkthrough_needs_terminal_help(self) -> String {
        self.pick(
            "gebruik voor scripts `maatwerk new --norm ID --answers BESTAND`",
            "for scripts, use `maatwerk new --norm ID --answers FILE`",
        )
        .into()
    }
}

impl Lang {
    pub fn onboarding_intro(self, needs_key: bool, found: bool) -> &'static str {
        match (self, needs_key) {
            (Self::Nl, true) if found => {
                "Er is nog geen opslag. maatwerk ondertekent met een OpenSSH-sleutel — uw bestaande of een nieuwe — en maakt een opslag op deze computer, met u als eerste beheerder. Collega's voegt u later toe met `maatwerk keyring add`."
            }
            (Self::En, true) if found => {
                "There is no store yet. maatwerk signs with an OpenSSH key — your existing one or a new one — and makes a store on this computer, with you as its first beheerder. Add colleagues later with `maatwerk keyring add`."
            }
            (Self::Nl, true) => {
                "Er is nog geen sleutel en geen opslag. maatwerk maakt een OpenSSH-sleutel om mee te ondertekenen en een opslag op deze computer, met u als eerste beheerder. Collega's voegt u later toe met `maatwerk keyring add`."
            }
            (Self::Nl, false) => {
                "Er is nog geen opslag. maatwerk maakt er een op deze computer, met u (en uw sleutel) als eerste beheerder. Collega's voegt u later toe met `maatwerk keyring add`."
            }
            (Self::En, true) => {
                "There is no key and no store yet. maatwerk makes an OpenSSH key to sign with and a store on this computer, with you as its first beheerder. Add colleagues later with `maatwerk keyring add`."
            }
            (Self::En, false) => {
                "There is no store yet. maatwerk makes one on this computer, with you (and your key) as its first beheerder. Add colleagues later with `maatwerk keyring add`."
            }
        }
    }
}

impl Lang {
    pub fn no_key_for_store(self, path: &str) -> String {
        match self {
            Self::Nl => format!("er is een opslag, maar geen sleutel op {path}"),
            Self::En => format!("there is a store, but no key at {path}"),
        }
    }

    pub fn no_key_for_store_help(self) -> String {
        self.pick(
            "maak een sleutel met `maatwerk keys new` en vraag de beheerder u toe te voegen met `maatwerk keyring add`",
            "make a key with `maatwerk keys new` and ask the beheerder to add you with `maatwerk keyring add`",
        )
        .into()
    }
}
