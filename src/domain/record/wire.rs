//! How a check's answer is written. Since record format 3 each check names
//! its kind and the answer reads by it: a number is an exact decimal in a
//! string, a date a date, a text never anything but a text. Before it an
//! answer read by its TOML type (a float a number, a string that reads as a
//! date a date), and such records still read, and write back, that way.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Answer, CheckAnswer};
use crate::domain::number;

/// An answer as TOML holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Yes(bool),
    Float(f64),
    Text(String),
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    id: String,
    question: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kind: Option<String>,
    answer: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
}

impl TryFrom<Check> for CheckAnswer {
    type Error = String;

    fn try_from(c: Check) -> Result<Self, String> {
        let answer =
            read(c.kind.as_deref(), c.answer).map_err(|e| format!("check `{}`: {e}", c.id))?;
        Ok(Self {
            id: c.id,
            question: c.question,
            kind: c.kind,
            answer,
            unit: c.unit,
        })
    }
}

impl From<CheckAnswer> for Check {
    fn from(c: CheckAnswer) -> Self {
        Self {
            answer: write(&c.answer, c.kind.is_some()),
            id: c.id,
            question: c.question,
            kind: c.kind,
            unit: c.unit,
        }
    }
}

/// The answer `value` stands for, read by `kind` when there is one (record
/// format 3, drafts) and by its TOML type when not.
pub fn read(kind: Option<&str>, value: Value) -> Result<Answer, String> {
    let Some(kind) = kind else {
        return match value {
            Value::Yes(b) => Ok(Answer::Yes(b)),
            Value::Float(f) => number::from_float(f)
                .map(Answer::Number)
                .ok_or_else(|| format!("`{f}` is not a number")),
            Value::Text(text) => Ok(legacy_text(text)),
        };
    };
    match (kind, value) {
        ("confirm", Value::Yes(b)) => Ok(Answer::Yes(b)),
        ("number", Value::Text(text)) => number::from_record(&text)
            .map(Answer::Number)
            .ok_or_else(|| format!("`{text}` is not a number as records write them (`850.50`)")),
        ("date", Value::Text(text)) => text
            .parse::<Date>()
            .ok()
            .filter(|d| d.to_string() == text)
            .map(Answer::Date)
            .ok_or_else(|| format!("`{text}` is not a date as records write them (`2027-03-03`)")),
        ("text" | "choice", Value::Text(text)) => Ok(Answer::Text(text)),
        ("confirm" | "number" | "date" | "text" | "choice", _) => {
            Err(format!("the answer does not fit a check of kind `{kind}`"))
        }
        _ => Err(format!("unknown kind of check `{kind}`")),
    }
}

/// A string in a record before format 3: a date when it reads as one, as
/// serde's untagged answer read it.
fn legacy_text(text: String) -> Answer {
    // Only a text that starts as a date may be one (a year's digits or its
    // sign); others are not handed to the date parser.
    let may_be_date = text
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '\u{2212}'));
    match text.parse::<Date>() {
        Ok(date) if may_be_date => Answer::Date(date),
        _ => Answer::Text(text),
    }
}

/// How `answer` is written: by kind (`typed`), or as records before format
/// 3 wrote it.
pub fn write(answer: &Answer, typed: bool) -> Value {
    match answer {
        Answer::Yes(b) => Value::Yes(*b),
        Answer::Number(n) if typed => Value::Text(n.to_string()),
        Answer::Number(n) => Value::Float(number::to_float(*n)),
        Answer::Date(d) => Value::Text(d.to_string()),
        Answer::Text(t) => Value::Text(t.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_answers_read_by_their_kind_and_nothing_else() {
        let text = |s: &str| Value::Text(s.into());
        assert_eq!(
            read(Some("number"), text("850.50")),
            Ok(Answer::Number("850.50".parse().unwrap()))
        );
        // A text that looks like a date stays a text.
        assert_eq!(
            read(Some("text"), text("2027-03-03")),
            Ok(Answer::Text("2027-03-03".into()))
        );
        assert_eq!(
            read(None, text("2027-03-03")),
            Ok(Answer::Date(jiff::civil::date(2027, 3, 3)))
        );
        for (kind, value) in [
            ("number", Value::Float(850.5)),
            ("number", text("850,50")),
            ("date", text("3-3-2027")),
            ("confirm", text("ja")),
            ("text", Value::Yes(true)),
            ("amount", text("1")),
        ] {
            assert!(read(Some(kind), value.clone()).is_err(), "{kind} {value:?}");
        }
        assert_eq!(
            read(None, Value::Float(412.35)),
            Ok(Answer::Number("412.35".parse().unwrap()))
        );
    }

    #[test]
    fn answers_write_back_as_they_were_read() {
        let n = Answer::Number("850.50".parse().unwrap());
        assert_eq!(write(&n, true), Value::Text("850.50".into()));
        assert_eq!(write(&n, false), Value::Float(850.5));
    }
}
