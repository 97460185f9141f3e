//! Reads a parsed TOML document key by key, collecting every problem instead
//! of stopping at the first, so a person fixing a file sees all of them at
//! once. Used for norms and, later, answers files.

use crate::domain::number::{Decimal, from_toml_literal};
use std::ops::Range;

use jiff::civil::Date;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::{Diagnostic, Expected, Problem};
use super::suggest;

pub(crate) type Span = Range<usize>;

/// A value together with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct At<T> {
    pub value: T,
    pub span: Span,
}

/// A view of one TOML table that remembers which keys were asked for, so
/// [`finish`](TableReader::finish) can report the rest as unknown.
pub(crate) struct TableReader<'a, 'i> {
    table: &'a DeTable<'i>,
    span: Span,
    path: String,
    known: Vec<&'static str>,
    diags: &'a mut Vec<Diagnostic>,
}

/// A table taken out of an array of tables, to be read with
/// [`TableReader::open`].
pub(crate) struct TableItem<'a, 'i> {
    table: &'a DeTable<'i>,
    span: Span,
    path: String,
}

impl TableItem<'_, '_> {
    /// The item's `id`, if it has a textual one.
    pub fn id(&self) -> Option<String> {
        self.table
            .get("id")
            .and_then(|v| v.get_ref().as_str())
            .map(str::to_owned)
    }
}

fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "string",
        DeValue::Integer(_) => "integer",
        DeValue::Float(_) => "float",
        DeValue::Boolean(_) => "boolean",
        DeValue::Datetime(_) => "datetime",
        DeValue::Array(_) => "array",
        DeValue::Table(_) => "table",
    }
}

impl<'a, 'i> TableReader<'a, 'i> {
    /// The document's root table. Missing root keys are reported at the top
    /// of the file.
    pub fn root(table: &'a DeTable<'i>, diags: &'a mut Vec<Diagnostic>) -> Self {
        Self {
            table,
            span: 0..0,
            path: String::new(),
            known: Vec::new(),
            diags,
        }
    }

    /// Reads a table from an array of tables.
    pub fn open<'b>(&'b mut self, item: &TableItem<'a, 'i>) -> TableReader<'b, 'i> {
        TableReader {
            table: item.table,
            span: item.span.clone(),
            path: item.path.clone(),
            known: Vec::new(),
            diags: self.diags,
        }
    }

    pub fn span(&self) -> Span {
        self.span.clone()
    }

    /// The dotted name of `key` in this table, as the user wrote it.
    pub fn key_path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// An error when `value` reads like a Dutch writer's thousands
    /// (`1.200` for twelve hundred), which TOML reads as one point two: a
    /// limit a thousand times too low is not signed on a guess.
    pub fn refuse_thousands(&mut self, value: &Spanned<DeValue<'_>>) {
        if let Some((written, meant)) = dutch_thousands(value.get_ref()) {
            self.diags.push(Diagnostic::error(
                value.span(),
                Problem::DutchThousands { written, meant },
            ));
        }
    }

    pub fn report(&mut self, diagnostic: Diagnostic) {
        self.diags.push(diagnostic);
    }

    pub fn error(&mut self, span: Span, problem: Problem) {
        self.diags.push(Diagnostic::error(span, problem));
    }

    fn value(&mut self, key: &'static str) -> Option<&'a Spanned<DeValue<'i>>> {
        if !self.known.contains(&key) {
            self.known.push(key);
        }
        self.table.get(key)
    }

    /// Whether `key` is present, without reading it.
    pub fn has(&self, key: &str) -> bool {
        self.table.get(key).is_some()
    }

    /// How many entries the table under `key` has; `None` when it is
    /// absent or no table.
    pub fn table_len(&self, key: &str) -> Option<usize> {
        self.table
            .get(key)?
            .get_ref()
            .as_table()
            .map(toml::map::Map::len)
    }

    /// Span of the value of `key`, or of the table when absent.
    pub fn span_of(&self, key: &str) -> Span {
        self.table.get(key).map_or(self.span.clone(), Spanned::span)
    }

    pub fn missing(&mut self, key: &'static str, example: &'static str) {
        let problem = Problem::MissingKey {
            key: self.key_path(key),
            example,
        };
        let span = self.span.clone();
        self.error(span, problem);
    }

    fn wrong_type(&mut self, key: &'static str, expected: Expected, found: &Spanned<DeValue<'_>>) {
        let problem = Problem::WrongType {
            key: self.key_path(key),
            expected,
            found: type_name(found.get_ref()),
        };
        self.error(found.span(), problem);
    }

    /// A non-empty text. `example` shows how to write the key when missing;
    /// `None` makes the key optional.
    pub fn text(&mut self, key: &'static str, example: Option<&'static str>) -> Option<At<String>> {
        let Some(value) = self.value(key) else {
            if let Some(example) = example {
                self.missing(key, example);
            }
            return None;
        };
        let Some(text) = value.get_ref().as_str() else {
            self.wrong_type(key, Expected::Text, value);
            return None;
        };
        if text.trim().is_empty() {
            let problem = Problem::EmptyText {
                key: self.key_path(key),
            };
            self.error(value.span(), problem);
            return None;
        }
        Some(At {
            value: text.to_owned(),
            span: value.span(),
        })
    }

    /// A whole number.
    pub fn integer(&mut self, key: &'static str, example: Option<&'static str>) -> Option<At<i64>> {
        let Some(value) = self.value(key) else {
            if let Some(example) = example {
                self.missing(key, example);
            }
            return None;
        };
        if let DeValue::Integer(int) = value.get_ref() {
            if let Ok(n) = i64::from_str_radix(int.as_str(), int.radix()) {
                Some(At {
                    value: n,
                    span: value.span(),
                })
            } else {
                self.wrong_type(key, Expected::WholeNumber, value);
                None
            }
        } else {
            self.wrong_type(key, Expected::WholeNumber, value);
            None
        }
    }

    /// A number, whole or not.
    pub fn number(&mut self, key: &'static str) -> Option<At<Decimal>> {
        let value = self.value(key)?;
        let number = number_of(value.get_ref());
        if number.is_none() {
            self.wrong_type(key, Expected::Number, value);
        }
        self.refuse_thousands(value);
        number.map(|n| At {
            value: n,
            span: value.span(),
        })
    }

    pub fn boolean(&mut self, key: &'static str) -> Option<At<bool>> {
        let value = self.value(key)?;
        let Some(b) = value.get_ref().as_bool() else {
            self.wrong_type(key, Expected::Boolean, value);
            return None;
        };
        Some(At {
            value: b,
            span: value.span(),
        })
    }

    /// A calendar date written as a TOML date (`2026-01-15`, no quotes).
    pub fn date(&mut self, key: &'static str, example: Option<&'static str>) -> Option<At<Date>> {
        let Some(value) = self.value(key) else {
            if let Some(example) = example {
                self.missing(key, example);
            }
            return None;
        };
        let span = value.span();
        match value.get_ref() {
            DeValue::Datetime(dt) => {
                let Some(d) = dt.date.filter(|_| dt.time.is_none() && dt.offset.is_none()) else {
                    let problem = Problem::DateWithTime {
                        key: self.key_path(key),
                    };
                    self.error(span, problem);
                    return None;
                };
                if let Ok(date) = Date::new(
                    i16::try_from(d.year).unwrap_or(i16::MAX),
                    i8::try_from(d.month).unwrap_or(i8::MAX),
                    i8::try_from(d.day).unwrap_or(i8::MAX),
                ) {
                    Some(At { value: date, span })
                } else {
                    let problem = Problem::BadDate {
                        key: self.key_path(key),
                        value: dt.to_string(),
                    };
                    self.error(span, problem);
                    None
                }
            }
            DeValue::String(s) if s.parse::<Date>().is_ok() => {
                let problem = Problem::QuotedDate {
                    key: self.key_path(key),
                    value: s.to_string(),
                };
                self.error(span, problem);
                None
            }
            _ => {
                self.wrong_type(key, Expected::Date, value);
                None
            }
        }
    }

    /// A list of texts; absent means empty.
    pub fn texts(&mut self, key: &'static str) -> Vec<At<String>> {
        let Some(value) = self.value(key) else {
            return Vec::new();
        };
        let Some(array) = value.get_ref().as_array() else {
            self.wrong_type(key, Expected::ListOfTexts, value);
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in array {
            match item.get_ref().as_str() {
                Some(s) if !s.trim().is_empty() => out.push(At {
                    value: s.to_owned(),
                    span: item.span(),
                }),
                Some(_) => {
                    let problem = Problem::EmptyText {
                        key: self.key_path(key),
                    };
                    self.error(item.span(), problem);
                }
                None => self.wrong_type(key, Expected::ListOfTexts, item),
            }
        }
        out
    }

    /// Any value, for keys that accept more than one type.
    pub fn raw(&mut self, key: &'static str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.value(key)
    }

    /// Reports `found` as the wrong type for `key`.
    pub fn reject(&mut self, key: &'static str, expected: Expected, found: &Spanned<DeValue<'_>>) {
        self.wrong_type(key, expected, found);
    }

    /// A sub-table such as `[rule]`.
    pub fn table<'b>(
        &'b mut self,
        key: &'static str,
        example: Option<&'static str>,
    ) -> Option<TableReader<'b, 'i>> {
        let Some(value) = self.value(key) else {
            if let Some(example) = example {
                self.missing(key, example);
            }
            return None;
        };
        let Some(table) = value.get_ref().as_table() else {
            self.wrong_type(key, Expected::Table, value);
            return None;
        };
        Some(TableReader {
            table,
            span: value.span(),
            path: self.key_path(key),
            known: Vec::new(),
            diags: self.diags,
        })
    }

    /// The tables of an array of tables such as `[[check]]`; absent means none.
    pub fn tables(&mut self, key: &'static str) -> Vec<TableItem<'a, 'i>> {
        let Some(value) = self.value(key) else {
            return Vec::new();
        };
        let Some(array) = value.get_ref().as_array() else {
            self.wrong_type(key, Expected::ListOfTables, value);
            return Vec::new();
        };
        let path = self.key_path(key);
        let mut out = Vec::new();
        for item in array {
            match item.get_ref().as_table() {
                Some(table) => out.push(TableItem {
                    table,
                    span: item.span(),
                    path: path.clone(),
                }),
                None => self.wrong_type(key, Expected::ListOfTables, item),
            }
        }
        out
    }

    /// The entries of a free-form table (e.g. `max = { bedrag = 500 }`).
    pub fn entries(
        &mut self,
        key: &'static str,
    ) -> Option<Vec<(At<String>, &'a Spanned<DeValue<'i>>)>> {
        let value = self.value(key)?;
        let Some(table) = value.get_ref().as_table() else {
            self.wrong_type(key, Expected::Table, value);
            return None;
        };
        Some(
            table
                .iter()
                .map(|(k, v)| {
                    (
                        At {
                            value: k.get_ref().to_string(),
                            span: k.span(),
                        },
                        v,
                    )
                })
                .collect(),
        )
    }

    /// Marks `key` as belonging to this table but not to this variant of it
    /// (e.g. `options` on a number check), reporting it if present.
    pub fn forbid(&mut self, key: &'static str, problem: impl FnOnce(String) -> Problem) {
        if let Some(value) = self.value(key) {
            let span = self
                .table
                .get_key_value(key)
                .map_or(value.span(), |(k, _)| k.span());
            let problem = problem(self.key_path(key));
            self.error(span, problem);
        }
    }

    /// Reports every key that was never asked for, with a suggestion when one
    /// of the known keys is close.
    pub fn finish(self) {
        for (key, _) in self.table {
            let name = key.get_ref();
            if !self.known.contains(&name.as_ref()) {
                let suggestion = dutch_alias(name)
                    .filter(|alias| self.known.contains(alias))
                    .or_else(|| suggest(name, self.known.iter()))
                    .map(str::to_owned);
                let problem = Problem::UnknownKey {
                    key: self.key_path(name),
                    suggestion,
                };
                self.diags.push(Diagnostic::error(key.span(), problem));
            }
        }
    }
}

/// The key a Dutch-speaking author probably meant by a Dutch word.
fn dutch_alias(word: &str) -> Option<&'static str> {
    Some(match word {
        "versie" => "version",
        "titel" => "title",
        "samenvatting" => "summary",
        "vastgesteld_op" => "adopted_on",
        "vastgesteld_door" => "adopted_by",
        "geldig_vanaf" => "valid_from",
        "geldig_tot" | "geldig_tot_en_met" => "valid_until",
        "ingetrokken_op" => "withdrawn_on",
        "eigenaar" => "owner",
        "domein" => "domain",
        "maximale_duur" | "max_duur" => "max_duration",
        "herbeoordelen_na" => "review_after",
        "gronden" | "grondslagen" => "grounds",
        "regel" => "rule",
        "bedoeling" | "doel" => "intent",
        "motivering" => "motivation",
        "tekst" => "text",
        "grondslag" => "basis",
        "lokaal" => "local",
        "artikel" => "article",
        "vraag" => "question",
        "toelichting" | "uitleg" => "help",
        "soort" => "kind",
        "verplicht" => "required",
        "verwacht" => "expect",
        "min_tekens" => "min_chars",
        "eenheid" => "unit",
        "terugwerkende_kracht" | "terugwerkend" => "retroactive",
        "opties" | "keuzes" => "options",
        "sectie" => "section",
        "bewijs" | "bewijsstuk" => "evidence",
        "mandaat" => "mandate",
        "trede" => "tier",
        "rol" => "role",
        "vier_ogen" => "four_eyes",
        _ => return None,
    })
}

/// A float written `1.200` or `25.000`: one to three digits, a point and
/// exactly three zeros or digits — what a Dutch writer means as twelve
/// hundred. The literal, and what such a writer meant.
pub(crate) fn dutch_thousands(value: &DeValue<'_>) -> Option<(String, Decimal)> {
    let DeValue::Float(f) = value else {
        return None;
    };
    let text = f.as_str();
    let (int, fraction) = text.strip_prefix('-').unwrap_or(text).split_once('.')?;
    let looks = (1..=3).contains(&int.len())
        && !int.starts_with('0')
        && int.bytes().all(|b| b.is_ascii_digit())
        && fraction.len() == 3
        && fraction.bytes().all(|b| b.is_ascii_digit());
    let meant = from_toml_literal(&text.replace('.', ""))?;
    looks.then(|| (text.to_owned(), meant))
}

/// A TOML integer or float, exactly: read from its digits, never through
/// a binary float.
pub(crate) fn number_of(value: &DeValue<'_>) -> Option<Decimal> {
    match value {
        DeValue::Integer(int) if int.radix() == 10 => from_toml_literal(int.as_str()),
        DeValue::Integer(int) => i64::from_str_radix(int.as_str(), int.radix())
            .ok()
            .map(Decimal::from),
        DeValue::Float(f) => from_toml_literal(f.as_str()),
        _ => None,
    }
}
