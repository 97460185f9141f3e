//! The domain: norms, and later records, signing, the store and verification.
//! Plain Rust with no terminal or argument-parsing code, so tests and any
//! front end can drive it.

pub mod adoption;
pub mod answers;
pub mod bsn;
pub mod checkpoint;
pub mod clock;
pub mod dates;
pub mod decision;
pub mod diagnostic;
pub mod draft;
pub mod due;
pub mod duration;
pub mod export;
pub mod extension;
pub mod fsread;
pub mod history;
pub mod jci;
pub mod keyring;
pub mod keys;
pub mod lifecycle;
pub mod norm;
pub mod number;
pub mod ops;
pub mod record;
pub mod report;
pub mod review;
pub mod sample;
pub mod signal;
pub mod source;
pub mod store;
#[cfg(test)]
pub(crate) mod testing;
pub mod text;
pub(crate) mod toml_reader;
pub mod totals;
pub mod verify;

/// The closest of `candidates` to a mistyped `word`, if one is close enough
/// to be what the person meant.
pub fn suggest<'a, S>(word: &str, candidates: impl IntoIterator<Item = &'a S>) -> Option<&'a str>
where
    S: AsRef<str> + ?Sized + 'a,
{
    candidates
        .into_iter()
        .map(AsRef::as_ref)
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::suggest;

    #[test]
    fn suggests_close_words_only() {
        let keys = ["title", "summary", "valid_from", "valid_until"];
        assert_eq!(suggest("titel", keys.iter()), Some("title"));
        assert_eq!(suggest("valid_untill", keys.iter()), Some("valid_until"));
        assert_eq!(
            suggest("vastgesteld", ["concept", "vastgesteld"].iter()),
            Some("vastgesteld")
        );
        assert_eq!(suggest("colour", keys.iter()), None);
    }
}
