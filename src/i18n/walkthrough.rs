//! The walkthrough's screens: titles, field labels, what is said at a
//! field, and the short texts of each step.

use jiff::civil::Date;

use super::Lang;
use crate::domain::number::{Decimal, EURO};

/// The walkthrough's screens, as their titles name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenTitle {
    Drafts,
    Picker,
    Case,
    Checklist,
    Motivation,
    Sign,
    Signal,
    Done,
}

impl Lang {
    pub fn screen_title(self, screen: ScreenTitle) -> &'static str {
        use ScreenTitle as S;
        match screen {
            S::Drafts => self.pick("Verder met een concept?", "Go on with a draft?"),
            S::Picker => self.pick("Kies de afgesproken norm", "Choose the agreed norm"),
            S::Case => self.pick("De zaak", "The case"),
            S::Checklist => self.pick("Controlevragen", "Checks"),
            S::Motivation => self.pick("Motivering", "Motivation"),
            S::Sign => self.pick("Controleren en ondertekenen", "Review and sign"),
            S::Signal => self.pick("Signaal: geen passende norm", "Signal: no agreed norm fits"),
            S::Done => self.pick("Klaar", "Done"),
        }
    }

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

    pub fn search_label(self) -> &'static str {
        self.pick("Zoek: ", "Search: ")
    }

    pub fn no_norm_matches(self) -> &'static str {
        self.pick(
            "Geen norm past bij deze zoekterm.",
            "No norm matches this search.",
        )
    }

    pub fn label_case_field(self) -> &'static str {
        self.pick("Zaaknummer", "Case reference")
    }

    pub fn label_decision_date_field(self) -> &'static str {
        self.pick("Besluitdatum", "Decision date")
    }

    pub fn label_first_day(self) -> &'static str {
        self.pick("Ingangsdatum", "First day")
    }

    pub fn label_last_day(self) -> &'static str {
        self.pick("Tot en met", "Up to and including")
    }

    /// A number that reads two ways, both readings named and how to write
    /// each: "dit is € 1.200 of € 1,20: schrijf 1200 of 1,20". A reading an
    /// amount cannot have (three decimals) is named, not offered.
    pub fn two_readings(self, whole: Decimal, fraction: Decimal, unit: Option<&str>) -> String {
        let shown = |v| self.amount(v, unit);
        let typed = |v| self.typed_number(v, unit);
        let cents = unit != Some(EURO) || crate::domain::number::decimals(fraction) <= 2;
        match (self, cents) {
            (Self::Nl, true) => format!(
                "dit is op twee manieren te lezen, {} of {}: schrijf {} of {}",
                shown(whole),
                shown(fraction),
                typed(whole),
                typed(fraction)
            ),
            (Self::En, true) => format!(
                "this reads two ways, {} or {}: write {} or {}",
                shown(whole),
                shown(fraction),
                typed(whole),
                typed(fraction)
            ),
            (Self::Nl, false) => format!(
                "dit is op twee manieren te lezen: schrijf {} voor {}; een bedrag heeft hoogstens twee cijfers achter de komma",
                typed(whole),
                shown(whole)
            ),
            (Self::En, false) => format!(
                "this reads two ways: write {} for {}; an amount has at most two decimals",
                typed(whole),
                shown(whole)
            ),
        }
    }

    /// A number put back in a field to be edited, as the caseworker would
    /// type it: `850,50` in Dutch, `850.50` in English; no thousands marks.
    pub fn typed_number(self, value: Decimal, unit: Option<&str>) -> String {
        let mut value = value.normalize();
        if unit == Some(EURO) && value.scale() > 0 {
            value.rescale(2);
        }
        let text = value.to_string();
        match self {
            Self::Nl => text.replace('.', ","),
            Self::En => text,
        }
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

    /// Under the last day, as the period is typed.
    pub fn within_own_mandate(self, last: Date) -> String {
        match self {
            Self::Nl => format!("✓ binnen uw mandaat t/m {}", self.date(last)),
            Self::En => format!(
                "✓ within your mandaat up to and including {}",
                self.date(last)
            ),
        }
    }

    pub fn beyond_own_mandate(self, last: Date, reviewer: &str) -> String {
        match self {
            Self::Nl => format!(
                "⚠ langer dan uw mandaat (t/m {}): het besluit gaat ter beoordeling naar een {reviewer}",
                self.date(last)
            ),
            Self::En => format!(
                "⚠ longer than your mandaat (up to and including {}): the decision goes for review to a {reviewer}",
                self.date(last)
            ),
        }
    }

    pub fn no_mandate_in_norm(self, role: &str) -> String {
        match self {
            Self::Nl => format!(
                "⚠ deze norm geeft een {role} geen mandaat: het besluit gaat ter beoordeling"
            ),
            Self::En => {
                format!(
                    "⚠ this norm gives {} no mandaat: the decision goes for review",
                    super::a_role(role)
                )
            }
        }
    }

    pub fn four_eyes_note(self) -> String {
        self.pick(
            "⚠ deze norm vraagt bij elk besluit een tweede beoordelaar (vier ogen)",
            "⚠ this norm asks a second reviewer for every decision (four eyes)",
        )
        .into()
    }

    pub fn decision_date_before(self, earliest: Date) -> String {
        match self {
            Self::Nl => format!(
                "ligt verder terug dan deze opslag toestaat: op zijn vroegst {}",
                self.date(earliest)
            ),
            Self::En => format!(
                "lies further back than this store allows: {} at the earliest",
                self.date(earliest)
            ),
        }
    }

    pub fn decision_date_after_today(self) -> String {
        self.pick(
            "ligt na vandaag: een besluit wordt vastgelegd als het genomen is",
            "is after today: a decision is recorded once it is taken",
        )
        .into()
    }

    pub fn period_over_max(self, max: &str, last: Date) -> String {
        let last = self.date(last);
        match self {
            Self::Nl => format!("langer dan de norm toestaat ({max}): uiterlijk t/m {last}"),
            Self::En => {
                format!("longer than the norm allows ({max}): at most up to and including {last}")
            }
        }
    }

    pub fn field_before_first_day(self) -> &'static str {
        self.pick("ligt vóór de ingangsdatum", "is before the first day")
    }

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
        use crate::domain::number::EURO;
        match (problem, &check.kind) {
            (P::Missing, CheckKind::Confirm { .. }) => self
                .pick("kies ja of nee (j/n)", "choose yes or no (y/n)")
                .into(),
            (P::Missing, _) => self.pick("vul het antwoord in", "enter the answer").into(),
            (
                P::NotANumber,
                CheckKind::Number {
                    unit: Some(unit), ..
                },
            ) if unit == EURO => self
                .pick(
                    "vul een bedrag in, zoals 2.350,50 of 2350,50",
                    "enter an amount, such as 2,350.50 or 2350.50",
                )
                .into(),
            (P::NotANumber, _) => self.pick("vul een getal in", "enter a number").into(),
            (P::NotNearDecision { first, last }, _) => match self {
                Self::Nl => format!(
                    "moet liggen van {} t/m {} (de besluitdatum)",
                    self.date(*first),
                    self.date(*last)
                ),
                Self::En => format!(
                    "must lie from {} to {} inclusive (the decision date)",
                    self.date(*first),
                    self.date(*last)
                ),
            },
            (P::OutsidePeriod { first, last }, _) => match self {
                Self::Nl => format!("valt buiten de looptijd ({})", self.through(*first, *last)),
                Self::En => format!("falls outside the period ({})", self.through(*first, *last)),
            },
            (P::Cents, _) => self
                .pick(
                    "een bedrag heeft hoogstens twee cijfers achter de komma",
                    "an amount has at most two decimals",
                )
                .into(),
            (P::AmbiguousNumber { whole, fraction }, kind) => {
                let unit = match kind {
                    CheckKind::Number { unit, .. } => unit.as_deref(),
                    _ => None,
                };
                self.two_readings(*whole, *fraction, unit)
            }
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

    /// A rule across answers of the norm that the answers break, with the
    /// questions whose answers do not hold and what would.
    pub fn rule_not_met(
        self,
        text: &str,
        unmet: &[(String, String)],
        one_of: &[(String, String)],
    ) -> String {
        let listed = |list: &[(String, String)]| {
            list.iter()
                .map(|(question, want)| format!("“{question}” {want}"))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let mut needed = Vec::new();
        if !unmet.is_empty() {
            needed.push(listed(unmet));
        }
        if !one_of.is_empty() {
            needed.push(match self {
                Self::Nl => format!("ten minste één van: {}", listed(one_of)),
                Self::En => format!("at least one of: {}", listed(one_of)),
            });
        }
        let needed = needed.join("; ");
        match self {
            Self::Nl => format!(
                "Aan deze regel van de norm is niet voldaan: “{text}” Nodig: {needed}. Wat wilt u doen?"
            ),
            Self::En => format!(
                "This rule of the norm is not met: “{text}” Needed: {needed}. What do you want to do?"
            ),
        }
    }

    pub fn not_covered_options(self) -> [&'static str; 3] {
        [
            self.pick(
                "Het antwoord aanpassen (het was onjuist)",
                "Change the answer (it was wrong)",
            ),
            self.pick("Een andere norm kiezen", "Choose another norm"),
            self.pick(
                "Een signaal melden: er is geen passende norm",
                "Log a signal: no agreed norm fits",
            ),
        ]
    }

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

    pub fn field_still_empty(self) -> &'static str {
        self.pick("nog leeg", "still empty")
    }

    pub fn motivation_bsn(self) -> &'static str {
        self.pick(
            "bevat een BSN; laat dat weg (UAVG art. 46)",
            "contains a BSN; leave it out (UAVG art. 46)",
        )
    }

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

    pub fn label_key_passphrase(self) -> &'static str {
        self.pick("Wachtwoordzin van uw sleutel", "Your key's passphrase")
    }

    pub fn field_enter_passphrase(self) -> &'static str {
        self.pick("vul de wachtwoordzin in", "enter the passphrase")
    }

    pub fn record_as_it_reads_title(self) -> &'static str {
        self.pick(
            " De verantwoording (Ctrl-R: de opgeslagen tekst) ",
            " The record (Ctrl-R: the stored text) ",
        )
    }

    pub fn record_as_stored_title(self) -> &'static str {
        self.pick(
            " Zo wordt de verantwoording opgeslagen (Ctrl-R: leesbaar) ",
            " The record as it will be stored (Ctrl-R: readable) ",
        )
    }

    pub fn preview_after_reasons(self) -> &'static str {
        self.pick(
            "Verschijnt zodra de redenen hierboven zijn opgelost.",
            "Appears once the reasons above are resolved.",
        )
    }

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

    pub fn signal_text_title(self) -> &'static str {
        self.pick(
            " Wat heeft de zaak nodig, en waarom past geen norm? ",
            " What does the case need, and why does no norm fit? ",
        )
    }

    pub fn leave_title(self) -> &'static str {
        self.pick("Stoppen met invullen?", "Stop filling in?")
    }

    pub fn no_store_yet(self) -> String {
        self.pick(
            "er is nog geen opslag om in te ondertekenen",
            "there is no store to sign in yet",
        )
        .into()
    }

    pub fn keys_title(self) -> &'static str {
        self.pick("Toetsen", "Keys")
    }
}
