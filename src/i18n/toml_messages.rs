//! The TOML parser's messages in Dutch.

/// A message of the TOML parser in Dutch: what is wrong, without the list
/// of what was expected (the snippet shows where). A message this table
/// does not know stays as the parser wrote it.
pub(super) fn toml_message_nl(message: &str) -> String {
    let described = message.split(", expected").next().unwrap_or(message).trim();
    TOML_DUTCH
        .iter()
        .find(|(english, _)| described == *english)
        .map_or_else(|| message.to_owned(), |(_, dutch)| (*dutch).to_owned())
}

/// The TOML parser's messages and their Dutch.
const TOML_DUTCH: &[(&str, &str)] = &[
    (
        "string values must be quoted",
        "tekst moet tussen aanhalingstekens staan",
    ),
    (
        "missing opening quote",
        "het openingsaanhalingsteken ontbreekt",
    ),
    (
        "missing comma between array elements",
        "er ontbreekt een komma tussen de elementen van de lijst",
    ),
    (
        "missing assignment between key-value pairs",
        "er ontbreekt een `=` tussen sleutel en waarde",
    ),
    (
        "missing comma between key-value pairs",
        "er ontbreekt een komma tussen de sleutels",
    ),
    ("missing value for key", "de sleutel heeft geen waarde"),
    ("missing value", "de waarde ontbreekt"),
    ("key with no value", "de sleutel heeft geen waarde"),
    (
        "unexpected key or value",
        "hier hoort geen sleutel of waarde (staat er iets achter de waarde op dezelfde regel?)",
    ),
    (
        "unexpected content between comment and newline",
        "onverwachte tekens na het commentaar",
    ),
    ("unexpected content", "onverwachte tekens"),
    ("unexpected leading zero", "een getal begint niet met een 0"),
    ("unexpected sign", "onverwacht plus- of minteken"),
    ("redundant numeric sign", "dubbel plus- of minteken"),
    ("unclosed array table", "het kopje [[…]] is niet gesloten"),
    ("unclosed table", "het kopje […] is niet gesloten"),
    ("unclosed inline table", "de {…} is niet gesloten"),
    ("unclosed array", "de lijst […] is niet gesloten"),
    (
        "invalid multi-line basic string",
        "de tekst over meer regels (\"\"\"…\"\"\") is niet gesloten of ongeldig",
    ),
    (
        "invalid multi-line literal string",
        "de tekst over meer regels ('''…''') is niet gesloten of ongeldig",
    ),
    (
        "invalid basic string",
        "de tekst tussen aanhalingstekens is niet gesloten of ongeldig",
    ),
    (
        "invalid literal string",
        "de tekst tussen enkele aanhalingstekens is niet gesloten of ongeldig",
    ),
    (
        "invalid unquoted key",
        "ongeldige sleutel: gebruik letters, cijfers, - en _",
    ),
    (
        "unquoted keys cannot be empty",
        "een sleutel mag niet leeg zijn",
    ),
    (
        "invalid key-value pair",
        "ongeldige regel: verwacht `sleutel = waarde`",
    ),
    ("invalid inline table element", "ongeldig element in {…}"),
    ("extra comma in array", "een komma te veel in de lijst"),
    ("extra comma in inline table", "een komma te veel in {…}"),
    (
        "extra assignment between key-value pairs",
        "een `=` te veel",
    ),
    ("extra `=`", "een `=` te veel"),
    ("unexpected `=` in array", "een `=` hoort niet in een lijst"),
    (
        "carriage return must be followed by newline",
        "een regeleinde moet LF of CRLF zijn",
    ),
    (
        "too few unicode value digits",
        "te weinig cijfers na \\u of \\U",
    ),
    ("missing escaped value", "na de \\ ontbreekt het teken"),
    ("invalid comment character", "ongeldig teken in commentaar"),
    (
        "`_` may only go between digits",
        "`_` mag alleen tussen cijfers staan",
    ),
    ("invalid value", "ongeldige waarde"),
    ("invalid float", "ongeldig getal"),
    ("invalid integer number", "ongeldig geheel getal"),
    ("invalid date-time", "ongeldige datum of tijd"),
    ("invalid boolean", "ongeldige waarde: gebruik true of false"),
    ("duplicate key", "deze sleutel staat er al"),
];

#[cfg(test)]
mod tests {
    use super::toml_message_nl;

    #[test]
    fn the_parsers_messages_read_in_dutch() {
        assert_eq!(
            toml_message_nl("string values must be quoted, expected literal string"),
            "tekst moet tussen aanhalingstekens staan"
        );
        assert_eq!(toml_message_nl("duplicate key"), "deze sleutel staat er al");
        // What the table does not know stays as the parser wrote it.
        assert_eq!(toml_message_nl("iets nieuws"), "iets nieuws");
    }
}
