//! The message catalogue: every sentence the program shows, in Dutch and
//! English. Whole sentences with placeholders, never glued fragments.
//!
//! Domain words (maatwerk, norm, mandaat, zaak) stay Dutch in English text
//! where that is what users say. Norm content is shown as its author wrote it.

// The catalogue matches on (language, case); some words are the same in both.
#![allow(clippy::match_same_arms)]

mod adoptions;
mod case_field;
mod config;
mod dates;
mod decisions;
mod done;
mod drafts;
mod export;
mod help;
mod help_export;
mod hints;
mod inbox;
mod keys;
mod kinds;
mod law;
mod norms;
mod onboarding;
mod problem_help;
mod problems;
mod records;
mod report;
mod reviews;
mod signals;
mod sync;
mod toml_messages;
mod totals;
mod verify;
mod walkthrough;

pub use self::report::ReportWords;

pub use hints::KeyAction;
pub use walkthrough::ScreenTitle;

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
}

/// A role with the English indefinite article: "a teamleider", "an
/// afdelingshoofd".
pub(crate) fn a_role(role: &str) -> String {
    let vowel = role
        .chars()
        .next()
        .is_some_and(|c| "aeiouAEIOU".contains(c));
    if vowel {
        format!("an {role}")
    } else {
        format!("a {role}")
    }
}

impl Lang {
    pub(crate) fn pick<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Self::Nl => nl,
            Self::En => en,
        }
    }

    pub fn help_label(self) -> &'static str {
        self.pick("hulp", "help")
    }

    pub fn yes(self) -> &'static str {
        self.pick("ja", "yes")
    }

    pub fn no(self) -> &'static str {
        self.pick("nee", "no")
    }

    /// The label of a finding that is worth knowing but no problem.
    pub fn notice_label(self) -> &'static str {
        self.pick("opmerking", "notice")
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Nl => "nl",
            Self::En => "en",
        }
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
