//! The agreed norms as people read them: the overview, `norms list`,
//! `norms show`, and why a norm cannot be used.

use crate::domain::number::Decimal;
use jiff::civil::Date;

use super::Lang;
use crate::domain::norm::Unusable;
use crate::domain::norm::catalog::Origin;

impl Lang {
    fn origin(self, origin: &Origin) -> String {
        match origin {
            Origin::Directory(dir) => dir.display().to_string(),
            Origin::Files => self.pick("opgegeven bestanden", "given files").to_owned(),
            Origin::Bundled => self.pick("ingebouwde normen", "bundled norms").to_owned(),
            Origin::Store(dir) => match self {
                Self::Nl => format!("opgenomen in de opslag {}", dir.display()),
                Self::En => format!("adopted in the store {}", dir.display()),
            },
        }
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
        let on = self.date(on);
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
        let on = self.date(on);
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
            (Self::Nl, Unusable::NotYetValid { from }) => {
                format!("geldt vanaf {from}", from = self.date(from))
            }
            (Self::Nl, Unusable::Expired { until }) => {
                format!("verlopen na {until}", until = self.date(until))
            }
            (Self::Nl, Unusable::NotAdopted) => "niet opgenomen in de opslag".to_owned(),
            (Self::Nl, Unusable::WithdrawnInStore { since }) => {
                format!(
                    "ingetrokken in de opslag per {since}",
                    since = self.date(since)
                )
            }
            (Self::En, Unusable::Concept) => "concept".to_owned(),
            (Self::En, Unusable::Withdrawn { .. }) => "withdrawn".to_owned(),
            (Self::En, Unusable::NotYetValid { from }) => {
                format!("in force from {from}", from = self.date(from))
            }
            (Self::En, Unusable::Expired { until }) => {
                format!("expired after {until}", until = self.date(until))
            }
            (Self::En, Unusable::NotAdopted) => "not adopted in the store".to_owned(),
            (Self::En, Unusable::WithdrawnInStore { since }) => {
                format!(
                    "withdrawn in the store from {since}",
                    since = self.date(since)
                )
            }
        };
        format!("✗ {reason}")
    }

    pub fn usable_on(self, on: Date) -> String {
        let on = self.date(on);
        match self {
            Self::Nl => format!("✓ Bruikbaar voor een besluit op {on}."),
            Self::En => format!("✓ Usable for a decision on {on}."),
        }
    }

    pub fn unusable_on(self, on: Date, why: &Unusable) -> String {
        let on = self.date(on);
        let since = |d: &Option<Date>| d.map(|d| self.date(d)).unwrap_or_default();
        match (self, why) {
            (Self::Nl, Unusable::Concept) => {
                format!("✗ Niet bruikbaar op {on}: dit is een concept dat nog niet is vastgesteld.")
            }
            (Self::Nl, Unusable::Withdrawn { since: d @ Some(_) }) => {
                format!("✗ Niet bruikbaar op {on}: ingetrokken per {}.", since(d))
            }
            (Self::Nl, Unusable::Withdrawn { since: None }) => {
                format!("✗ Niet bruikbaar op {on}: de norm is ingetrokken.")
            }
            (Self::Nl, Unusable::NotYetValid { from }) => {
                format!(
                    "✗ Niet bruikbaar op {on}: de norm geldt pas vanaf {}.",
                    self.date(*from)
                )
            }
            (Self::Nl, Unusable::Expired { until }) => {
                format!(
                    "✗ Niet bruikbaar op {on}: de norm gold tot en met {}.",
                    self.date(*until)
                )
            }
            (Self::En, Unusable::Concept) => {
                format!("✗ Not usable on {on}: this is a concept that has not been adopted.")
            }
            (Self::En, Unusable::Withdrawn { since: d @ Some(_) }) => {
                format!("✗ Not usable on {on}: withdrawn as of {}.", since(d))
            }
            (Self::En, Unusable::Withdrawn { since: None }) => {
                format!("✗ Not usable on {on}: the norm has been withdrawn.")
            }
            (Self::En, Unusable::NotYetValid { from }) => {
                format!(
                    "✗ Not usable on {on}: the norm is only in force from {}.",
                    self.date(*from)
                )
            }
            (Self::En, Unusable::Expired { until }) => {
                format!(
                    "✗ Not usable on {on}: the norm was in force up to and including {}.",
                    self.date(*until)
                )
            }
            (Self::Nl, Unusable::NotAdopted) => {
                format!("✗ Niet bruikbaar op {on}: deze versie is niet opgenomen in de opslag.")
            }
            (Self::En, Unusable::NotAdopted) => {
                format!("✗ Not usable on {on}: this version is not adopted in the store.")
            }
            (Self::Nl, Unusable::WithdrawnInStore { since }) => {
                format!(
                    "✗ Niet bruikbaar op {on}: in de opslag ingetrokken per {}.",
                    self.date(*since)
                )
            }
            (Self::En, Unusable::WithdrawnInStore { since }) => {
                format!(
                    "✗ Not usable on {on}: withdrawn in the store as of {}.",
                    self.date(*since)
                )
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
        let on = self.date(on);
        match self {
            Self::Nl => format!("{on} door {by}"),
            Self::En => format!("{on} by {by}"),
        }
    }

    /// An adoption known only to the year or month: "in maart 2019 door …".
    pub fn adopted_roughly_by(
        self,
        rough: crate::domain::norm::provenance::Rough,
        by: &str,
    ) -> String {
        let when = match (rough.month, rough.first_day()) {
            (Some(_), Some(day)) => {
                let full = self.date(day);
                // "1 maart 2019" without its day.
                full.split_once(' ')
                    .map_or(full.clone(), |(_, rest)| rest.to_owned())
            }
            _ => rough.year.to_string(),
        };
        match self {
            Self::Nl => format!("in {when} (dag niet bekend) door {by}"),
            Self::En => format!("in {when} (day not known) by {by}"),
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

    pub fn limit_up_to(self, check: &str, max: Decimal, unit: Option<&str>) -> String {
        let max = self.amount(max, unit);
        match self {
            Self::Nl => format!("{check} tot en met {max}"),
            Self::En => format!("{check} up to {max}"),
        }
    }

    pub fn duration_up_to(self, duration: &str) -> String {
        match self {
            Self::Nl => format!("duur tot {duration}"),
            Self::En => format!("duration up to {duration}"),
        }
    }

    /// What a mandaat tier may decide: "voorschot tot 500 EUR, duur tot 3
    /// maanden", or that it has no limits.
    pub fn tier_limits(
        self,
        norm: &crate::domain::norm::Norm,
        tier: &crate::domain::norm::Tier,
    ) -> String {
        let mut limits: Vec<String> = tier
            .limits
            .iter()
            .map(|limit| {
                let unit = norm.check(&limit.check).and_then(|c| match &c.kind {
                    crate::domain::norm::CheckKind::Number { unit, .. } => unit.clone(),
                    _ => None,
                });
                self.limit_up_to(&limit.check, limit.max, unit.as_deref())
            })
            .collect();
        if let Some(d) = tier.max_duration {
            limits.push(self.duration_up_to(&self.duration(d)));
        }
        if limits.is_empty() {
            self.no_limits().to_owned()
        } else {
            limits.join(", ")
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

    pub fn not_selectable(self, why: &Unusable) -> String {
        if *why == Unusable::NotAdopted {
            return match self {
                Self::Nl => "Niet te kiezen: niet opgenomen in de opslag. Een afdelingshoofd of beheerder neemt de norm op met `maatwerk norms adopt ID`.".into(),
                Self::En => "Cannot be chosen: not adopted in the store. An afdelingshoofd or beheerder adopts it with `maatwerk norms adopt ID`.".into(),
            };
        }
        let why = self.unusable_short(why);
        match self {
            Self::Nl => format!(
                "Niet te kiezen: {}. Kies een norm uit de opslag die vandaag geldt.",
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
}
