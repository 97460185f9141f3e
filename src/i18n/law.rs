//! Law and time as people read them: citations of legal provisions and
//! calendar durations.

use super::Lang;
use crate::domain::duration::{CalendarDuration, DurationUnit};
use crate::domain::jci::Jci;

impl Lang {
    /// How a person cites a provision: "Participatiewet, artikel 41 lid 4" or
    /// "Participatiewet, article 41 paragraph 4".
    pub fn jci_label(self, jci: &Jci) -> String {
        match self {
            Self::Nl => jci.citation(),
            Self::En => jci.label_with(english_part),
        }
    }

    /// "3 maanden", "6 weeks", "1 jaar en 2 weken".
    pub fn duration(self, duration: CalendarDuration) -> String {
        let parts: Vec<String> = duration
            .parts()
            .map(|(n, unit)| self.duration_unit(n, unit))
            .collect();
        self.join_and(&parts)
    }

    fn duration_unit(self, n: i64, unit: DurationUnit) -> String {
        let one = n == 1;
        let word = match (self, unit, one) {
            (Self::Nl, DurationUnit::Year, _) => "jaar",
            (Self::Nl, DurationUnit::Month, true) => "maand",
            (Self::Nl, DurationUnit::Month, false) => "maanden",
            (Self::Nl, DurationUnit::Week, true) => "week",
            (Self::Nl, DurationUnit::Week, false) => "weken",
            (Self::Nl, DurationUnit::Day, true) => "dag",
            (Self::Nl, DurationUnit::Day, false) => "dagen",
            (Self::En, DurationUnit::Year, true) => "year",
            (Self::En, DurationUnit::Year, false) => "years",
            (Self::En, DurationUnit::Month, true) => "month",
            (Self::En, DurationUnit::Month, false) => "months",
            (Self::En, DurationUnit::Week, true) => "week",
            (Self::En, DurationUnit::Week, false) => "weeks",
            (Self::En, DurationUnit::Day, true) => "day",
            (Self::En, DurationUnit::Day, false) => "days",
        };
        format!("{n} {word}")
    }
}

/// The English word for a Juriconnect location parameter.
fn english_part(key: &str) -> &'static str {
    match key {
        "boek" => "book",
        "deel" => "part",
        "titel" | "titeldeel" => "title",
        "hoofdstuk" => "chapter",
        "afdeling" => "division",
        "paragraaf" => "section",
        "sub-paragraaf" => "subsection",
        "artikel" => "article",
        "lid" => "paragraph",
        "onderdeel" => "point",
        "sub" => "sub",
        "bijlage" => "annex",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_in_both_languages() {
        let jci: Jci = "jci1.3:c:BWBR0015703&lid=4&artikel=41"
            .parse()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            Lang::Nl.jci_label(&jci),
            "Participatiewet, artikel 41 lid 4"
        );
        assert_eq!(
            Lang::En.jci_label(&jci),
            "Participatiewet, article 41 paragraph 4"
        );
    }

    #[test]
    fn durations_in_both_languages() {
        let p = CalendarDuration::parse_iso("P1Y2W").unwrap();
        assert_eq!(Lang::Nl.duration(p), "1 jaar en 2 weken");
        assert_eq!(Lang::En.duration(p), "1 year and 2 weeks");
        let month = CalendarDuration::parse_iso("P1M").unwrap();
        assert_eq!(Lang::Nl.duration(month), "1 maand");
    }
}
