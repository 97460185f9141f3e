//! What the learning report says, in the terminal and in its HTML file.

use jiff::civil::Date;

use super::Lang;
use crate::domain::number::Decimal;

/// The report's fixed words.
pub struct ReportWords {
    pub title: &'static str,
    pub summary: &'static str,
    pub per_month: &'static str,
    pub per_norm: &'static str,
    pub per_rule: &'static str,
    pub per_role: &'static str,
    pub signals: &'static str,
    pub unused: &'static str,
    pub flags: &'static str,
    pub no_flags: &'static str,
    pub no_signals: &'static str,
    pub none_unused: &'static str,
    /// The columns of the norms' table.
    pub norm_columns: [&'static str; 8],
    /// The columns of the rules' table.
    pub rule_columns: [&'static str; 4],
    pub role_columns: [&'static str; 2],
    pub signal_columns: [&'static str; 2],
    /// A signal about which no norm was tried.
    pub no_domain: &'static str,
    /// What the report leaves out.
    pub privacy: &'static str,
    /// What a month chart's bars are.
    pub chart_label: &'static str,
}

impl Lang {
    pub fn report_words(self) -> ReportWords {
        match self {
            Self::Nl => ReportWords {
                title: "Leerrapport maatwerk",
                summary: "Samenvatting",
                per_month: "Besluiten per maand",
                per_norm: "Per norm",
                per_rule: "Per regel waarvan is afgeweken (van kracht geworden)",
                per_role: "Per rol",
                signals: "Signalen per domein (geen passende norm)",
                unused: "Normen zonder besluit in deze periode",
                flags: "Aandachtspunten",
                no_flags: "Geen regel of domein over de drempel.",
                no_signals: "Geen signalen in deze periode.",
                none_unused: "Elke norm in de opslag is gebruikt.",
                norm_columns: [
                    "norm",
                    "besluiten",
                    "binnen mandaat",
                    "ter beoordeling",
                    "goedgekeurd",
                    "teruggestuurd",
                    "afgewezen",
                    "wacht nog",
                ],
                rule_columns: ["regel", "afwijkingen", "in 12 maanden", "normen"],
                role_columns: ["rol", "besluiten"],
                signal_columns: ["domein", "signalen"],
                no_domain: "(geen norm geprobeerd)",
                privacy: "Dit rapport telt besluiten per norm, regel en rol; het noemt geen zaken en geen namen.",
                chart_label: "Aantal besluiten per maand",
            },
            Self::En => ReportWords {
                title: "Maatwerk learning report",
                summary: "Summary",
                per_month: "Decisions per month",
                per_norm: "Per norm",
                per_rule: "Per rule departed from (took effect)",
                per_role: "Per role",
                signals: "Signals per domain (no norm fitted)",
                unused: "Norms without a decision in this period",
                flags: "Points of attention",
                no_flags: "No rule or domain over the threshold.",
                no_signals: "No signals in this period.",
                none_unused: "Every norm in the store was used.",
                norm_columns: [
                    "norm",
                    "decisions",
                    "within mandaat",
                    "for review",
                    "approved",
                    "returned",
                    "rejected",
                    "waiting",
                ],
                rule_columns: ["rule", "departures", "in 12 months", "norms"],
                role_columns: ["role", "decisions"],
                signal_columns: ["domain", "signals"],
                no_domain: "(no norm tried)",
                privacy: "This report counts decisions per norm, rule and role; it names no cases and no people.",
                chart_label: "Number of decisions per month",
            },
        }
    }

    /// A count as people read it: `1.234` in Dutch, `1,234` in English.
    pub fn count(self, n: usize) -> String {
        self.amount(Decimal::from(n), None)
    }

    /// A month in a chart: `jan 2026`, `Jan 2026`.
    pub fn month_short(self, month: Date) -> String {
        const NL: [&str; 12] = [
            "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
        ];
        const EN: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let i = usize::try_from(month.month() - 1).unwrap_or(0);
        let name = match self {
            Self::Nl => NL[i],
            Self::En => EN[i],
        };
        format!("{name} {}", month.year())
    }

    pub fn report_period(self, from: Date, to: Date) -> String {
        match self {
            Self::Nl => format!("Periode: {}", self.through(from, to)),
            Self::En => format!("Period: {}", self.through(from, to)),
        }
    }

    /// What verify found, as the report's first line under its period;
    /// `pinned` when the store was held to a root given with
    /// --expect-root.
    pub fn report_verified(self, errors: usize, warnings: usize, pinned: bool) -> String {
        let root = match (self, pinned) {
            (_, true) => "",
            (Self::Nl, false) => {
                " Gecontroleerd tegen het vertrouwensanker dat de opslag zelf noemt; leg het vast met --expect-root."
            }
            (Self::En, false) => {
                " Checked against the trust root the store names itself; pin it with --expect-root."
            }
        };
        match (self, errors + warnings) {
            (Self::Nl, 0) => {
                format!(
                    "Controle (verify): geen bevindingen; de telling rust op een geverifieerde opslag.{root}"
                )
            }
            (Self::En, 0) => {
                format!("Verify: no findings; the counts rest on a verified store.{root}")
            }
            (Self::Nl, _) => format!(
                "Controle (verify): {errors} fout(en), {warnings} waarschuwing(en); de telling neemt alles mee wat er staat. Zie `maatwerk verify`.{root}"
            ),
            (Self::En, _) => format!(
                "Verify: {errors} error(s), {warnings} warning(s); the counts take in everything there is. See `maatwerk verify`.{root}"
            ),
        }
    }

    pub fn report_decisions(
        self,
        decisions: usize,
        (within, for_review): (usize, usize),
        took_effect: usize,
    ) -> String {
        let (d, w, r) = (
            self.count(decisions),
            self.count(within),
            self.count(for_review),
        );
        let t = self.count(took_effect);
        match self {
            Self::Nl => format!(
                "Besluiten: {d} — {w} binnen mandaat, {r} ter beoordeling opgesteld; {t} van kracht geworden (binnen mandaat of goedgekeurd)"
            ),
            Self::En => format!(
                "Decisions: {d} — {w} within mandaat, {r} drawn up for review; {t} took effect (within mandaat or approved)"
            ),
        }
    }

    pub fn report_verdicts(
        self,
        (approved, returned, rejected): (usize, usize, usize),
        waiting: usize,
    ) -> String {
        let (a, t, r, w) = (
            self.count(approved),
            self.count(returned),
            self.count(rejected),
            self.count(waiting),
        );
        match self {
            Self::Nl => format!(
                "Beoordelingen: {a} goedgekeurd, {t} teruggestuurd, {r} afgewezen; {w} {} nog",
                if waiting == 1 { "wacht" } else { "wachten" }
            ),
            Self::En => {
                format!("Reviews: {a} approved, {t} returned, {r} rejected; {w} still waiting")
            }
        }
    }

    pub fn report_wait(self, median_secs: Option<i64>, reviewed: usize) -> String {
        let Some(secs) = median_secs else {
            return self
                .pick(
                    "Tijd tot beoordeling: geen beoordelingen in deze periode",
                    "Time to review: no reviews in this period",
                )
                .into();
        };
        let n = self.count(reviewed);
        let wait = self.span(secs);
        match (self, reviewed) {
            (Self::Nl, 1) => {
                format!("Tijd tot beoordeling: {wait}, voor het ene beoordeelde besluit")
            }
            (Self::En, 1) => format!("Time to review: {wait}, for the one reviewed decision"),
            (Self::Nl, _) => {
                format!("Tijd tot beoordeling (mediaan): {wait}, over {n} beoordeelde besluiten")
            }
            (Self::En, _) => {
                format!("Time to review (median): {wait}, over {n} reviewed decisions")
            }
        }
    }

    /// A span of time in days and hours, or minutes when short.
    pub fn span(self, secs: i64) -> String {
        let minutes = secs.max(0) / 60;
        let (days, hours) = (minutes / (60 * 24), minutes / 60 % 24);
        let unit = |n: i64, nl: (&str, &str), en: (&str, &str)| {
            let (one, many) = match self {
                Self::Nl => nl,
                Self::En => en,
            };
            format!("{n} {}", if n == 1 { one } else { many })
        };
        let day = |n| unit(n, ("dag", "dagen"), ("day", "days"));
        let hour = |n| unit(n, ("uur", "uur"), ("hour", "hours"));
        match (days, hours) {
            (0, 0) => unit(minutes, ("minuut", "minuten"), ("minute", "minutes")),
            (0, h) => hour(h),
            (d, 0) => day(d),
            (d, h) => format!("{} {}", day(d), hour(h)),
        }
    }

    pub fn report_signals_total(self, signals: usize) -> String {
        let n = self.count(signals);
        match self {
            Self::Nl => format!("Signalen (geen passende norm): {n}"),
            Self::En => format!("Signals (no norm fitted): {n}"),
        }
    }

    /// The flag on a rule departed from again and again: a local rule the
    /// municipality can change; a national law's article it cannot, but it
    /// can lay the settled practice down in a rule of its own.
    pub fn report_flag_rule(self, rule: &str, times: usize, local: bool) -> String {
        let n = self.count(times);
        match (self, local) {
            (Self::Nl, true) => format!(
                "{rule}: {n} keer van afgeweken in 12 maanden — overweeg de regel aan te passen (Aanwijzing voor de regelgeving 5.25 lid 3)"
            ),
            (Self::Nl, false) => format!(
                "{rule}: {n} keer van afgeweken in 12 maanden — overweeg de vaste praktijk vast te leggen in een eigen regel, of meld het bij wie de wet maakt (Aanwijzing voor de regelgeving 5.25 lid 3)"
            ),
            (Self::En, true) => format!(
                "{rule}: departed from {n} times in 12 months — consider changing the rule (Aanwijzing voor de regelgeving 5.25 lid 3)"
            ),
            (Self::En, false) => format!(
                "{rule}: departed from {n} times in 12 months — consider laying the settled practice down in a rule of your own, or tell those who make the law (Aanwijzing voor de regelgeving 5.25 lid 3)"
            ),
        }
    }

    /// The flag on a domain where caseworkers keep finding no norm.
    pub fn report_flag_signals(self, domain: Option<&str>, signals: usize) -> String {
        let n = match (self, signals) {
            (Self::Nl, 1) => "1 signaal".to_owned(),
            (Self::Nl, _) => format!("{} signalen", self.count(signals)),
            (Self::En, 1) => "1 signal".to_owned(),
            (Self::En, _) => format!("{} signals", self.count(signals)),
        };
        match (self, domain) {
            (Self::Nl, Some(d)) => {
                format!("{n} zonder passende norm in domein {d} — overweeg een norm")
            }
            (Self::Nl, None) => {
                format!("{n} zonder passende norm, zonder geprobeerde norm — overweeg een norm")
            }
            (Self::En, Some(d)) => {
                format!("{n} without a fitting norm in domain {d} — consider a norm")
            }
            (Self::En, None) => {
                format!("{n} without a fitting norm, no norm tried — consider a norm")
            }
        }
    }

    /// How the thresholds were set, under the flags.
    pub fn report_thresholds(self, rule: usize, signals: usize) -> String {
        match self {
            Self::Nl => format!(
                "Drempels (--flag-rule, --flag-signals): een regel waarvan {rule} keer of vaker is afgeweken in 12 maanden; een domein met {signals} of meer signalen in de periode."
            ),
            Self::En => {
                let times = if rule == 1 {
                    "once".to_owned()
                } else {
                    format!("{rule} times")
                };
                format!(
                    "Thresholds (--flag-rule, --flag-signals): a rule departed from {times} or more in 12 months; a domain with {signals} or more signals in the period."
                )
            }
        }
    }

    pub fn report_from_after_to(self, from: Date, to: Date) -> String {
        match self {
            Self::Nl => format!(
                "--from ({}) ligt na --to ({}): geef de eerste dag vóór de laatste",
                self.date(from),
                self.date(to)
            ),
            Self::En => format!(
                "--from ({}) is after --to ({}): give the first day before the last",
                self.date(from),
                self.date(to)
            ),
        }
    }

    pub fn report_to_after_today(self, to: Date, today: Date) -> String {
        match self {
            Self::Nl => format!(
                "Let op: --to ({}) ligt na vandaag ({}); wat nog moet komen telt niet mee",
                self.date(to),
                self.date(today)
            ),
            Self::En => format!(
                "Note: --to ({}) is after today ({}); what is still to come is not counted",
                self.date(to),
                self.date(today)
            ),
        }
    }

    pub fn report_html_written(self, path: &str) -> String {
        match self {
            Self::Nl => format!("Rapport geschreven naar {path}"),
            Self::En => format!("Report written to {path}"),
        }
    }

    pub fn report_html_failed(self, path: &str, error: &std::io::Error) -> String {
        match self {
            Self::Nl => format!("kan het rapport niet schrijven naar {path}: {error}"),
            Self::En => format!("cannot write the report to {path}: {error}"),
        }
    }

    /// When the report was made, at its foot.
    pub fn report_made(self, today: Date) -> String {
        match self {
            Self::Nl => format!(
                "Gemaakt op {} met maatwerk {}.",
                self.date(today),
                env!("CARGO_PKG_VERSION")
            ),
            Self::En => format!(
                "Made on {} with maatwerk {}.",
                self.date(today),
                env!("CARGO_PKG_VERSION")
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_in_days_and_hours() {
        assert_eq!(Lang::Nl.span(90), "1 minuut");
        assert_eq!(Lang::Nl.span(3 * 3600 + 59), "3 uur");
        assert_eq!(Lang::Nl.span(27 * 3600), "1 dag 3 uur");
        assert_eq!(Lang::En.span(48 * 3600), "2 days");
        assert_eq!(Lang::En.span(-5), "0 minutes");
    }

    #[test]
    fn counts_and_months_read_as_their_readers_write_them() {
        assert_eq!(Lang::Nl.count(1234), "1.234");
        assert_eq!(Lang::En.count(1234), "1,234");
        let march = jiff::civil::date(2027, 3, 1);
        assert_eq!(Lang::Nl.month_short(march), "mrt 2027");
        assert_eq!(Lang::En.month_short(march), "Mar 2027");
    }
}
