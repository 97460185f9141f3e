//! The message catalogue: every sentence the program shows, in Dutch and
//! English. Whole sentences with placeholders, never glued fragments.
//!
//! Domain words (maatwerk, norm, mandaat, zaak) stay Dutch in English text
//! where that is what users say. Norm content is shown as its author wrote it.

// The catalogue matches on (language, case); some words are the same in both.
#![allow(clippy::match_same_arms)]

mod help;
mod problems;
mod records;
mod text;

/// The language of interface text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    /// The language from the locale variables (`LC_ALL`, `LC_MESSAGES`,
    /// `LANG`, first non-empty wins): Dutch for `nl*`, English otherwise.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Self {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|value| !value.is_empty());
        match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("nl") => Self::Nl,
            _ => Self::En,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Nl => "nl",
            Self::En => "en",
        }
    }

    /// The word for a Juriconnect location parameter: "artikel"/"article".
    pub fn jci_part(self, key: &str) -> &'static str {
        match (self, key) {
            (Self::Nl, "boek") => "boek",
            (Self::Nl, "deel") => "deel",
            (Self::Nl, "titel" | "titeldeel") => "titel",
            (Self::Nl, "hoofdstuk") => "hoofdstuk",
            (Self::Nl, "afdeling") => "afdeling",
            (Self::Nl, "paragraaf") => "paragraaf",
            (Self::Nl, "sub-paragraaf") => "subparagraaf",
            (Self::Nl, "artikel") => "artikel",
            (Self::Nl, "lid") => "lid",
            (Self::Nl, "onderdeel") => "onderdeel",
            (Self::Nl, "sub") => "sub",
            (Self::Nl, "bijlage") => "bijlage",
            (Self::En, "boek") => "book",
            (Self::En, "deel") => "part",
            (Self::En, "titel" | "titeldeel") => "title",
            (Self::En, "hoofdstuk") => "chapter",
            (Self::En, "afdeling") => "division",
            (Self::En, "paragraaf") => "section",
            (Self::En, "sub-paragraaf") => "subsection",
            (Self::En, "artikel") => "article",
            (Self::En, "lid") => "paragraph",
            (Self::En, "onderdeel") => "point",
            (Self::En, "bijlage") => "annex",
            _ => "",
        }
    }

    /// "3 maanden", "1 week".
    pub fn period_unit(self, n: i64, unit: &str) -> String {
        let one = n == 1;
        let word = match (self, unit, one) {
            (Self::Nl, "year", _) => "jaar",
            (Self::Nl, "month", true) => "maand",
            (Self::Nl, "month", false) => "maanden",
            (Self::Nl, "week", true) => "week",
            (Self::Nl, "week", false) => "weken",
            (Self::Nl, _, true) => "dag",
            (Self::Nl, _, false) => "dagen",
            (Self::En, "year", true) => "year",
            (Self::En, "year", false) => "years",
            (Self::En, "month", true) => "month",
            (Self::En, "month", false) => "months",
            (Self::En, "week", true) => "week",
            (Self::En, "week", false) => "weeks",
            (Self::En, _, true) => "day",
            (Self::En, _, false) => "days",
        };
        format!("{n} {word}")
    }

    /// "a, b en c" / "a, b and c".
    pub fn join_and(self, parts: &[String]) -> String {
        let and = match self {
            Self::Nl => "en",
            Self::En => "and",
        };
        match parts {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn locale_decides_the_language() {
        assert_eq!(Lang::from_locale(env(&[("LANG", "nl_NL.UTF-8")])), Lang::Nl);
        assert_eq!(Lang::from_locale(env(&[("LANG", "nl_BE.UTF-8")])), Lang::Nl);
        assert_eq!(Lang::from_locale(env(&[("LANG", "en_GB.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[("LANG", "C")])), Lang::En);
        // LC_ALL overrides LANG; an empty value is skipped.
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "nl_NL.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", ""), ("LANG", "nl_NL.UTF-8")])),
            Lang::Nl
        );
    }

    #[test]
    fn joins_lists_naturally() {
        let parts = ["a".to_owned(), "b".to_owned(), "c".to_owned()];
        assert_eq!(Lang::Nl.join_and(&parts), "a, b en c");
        assert_eq!(Lang::En.join_and(&parts[..2]), "a and b");
        assert_eq!(Lang::En.join_and(&parts[..1]), "a");
    }
}
