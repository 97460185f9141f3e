//! A fast reader for records in the form this program writes them: the
//! keys in their fixed order, one per line, the tables in theirs. It reads
//! what verification needs many thousands of times a second; anything it
//! does not recognise it leaves to the TOML parser (`None`).
//!
//! It reads a strict subset of TOML, in which every text has one meaning:
//! whole lines `key = value` with nothing after the value; basic strings
//! with TOML's escapes, multi-line ones opened at the end of a line and
//! closed at the end of another, literal strings without control
//! characters; integers without sign, underscores or leading zeros up to
//! TOML's largest; numbers in TOML's decimal float form without
//! underscores; `true` and `false`; arrays of plain strings on one line.
//! So whatever it reads, a TOML reader reads the same record from the same
//! bytes, or fails where it gives up: the tests hold it to that against
//! the TOML parser on generated and mutated records.

use jiff::Timestamp;
use jiff::civil::Date;

use super::wire;
use super::{
    Answer, Author, CheckAnswer, EvidenceItem, MandateRecord, Motivation, NormRef, Period, Record,
    RecordedOutcome, SignatureMeaning, TotalLine,
};

/// The record in `text`, when it is in the form this program writes.
pub fn parse(text: &str) -> Option<Record> {
    let mut r = Reader {
        lines: text.split('\n').peekable(),
    };
    let format = r.string("format")?;
    let id = r.string("id")?;
    let created: Timestamp = r.string("created")?.parse().ok()?;
    let decision_date: Date = r.string("decision_date")?.parse().ok()?;
    let case = r.string("case")?;
    let seq = r.integer("seq")?;
    let prev = r.optional("prev", Reader::value_string).ok()?;
    let keyring = r.optional("keyring", Reader::value_strings).ok()?;
    let adoptions = r.optional("adoptions", Reader::value_strings).ok()?;
    let revises = r.optional("revises", Reader::value_string).ok()?;
    let revises_sha256 = r.optional("revises_sha256", Reader::value_string).ok()?;
    let extends = r.optional("extends", Reader::value_string).ok()?;
    let extends_sha256 = r.optional("extends_sha256", Reader::value_string).ok()?;
    let signature_meaning = match r.string("signature_meaning")?.as_str() {
        "opgesteld en vastgesteld" => SignatureMeaning::Decided,
        "opgesteld, ter beoordeling" => SignatureMeaning::ForReview,
        _ => return None,
    };
    // A record without checks says so in the top table.
    let no_checks = r
        .optional("check", |v| (v.first == "[]").then_some(()))
        .ok()?
        .is_some();
    let author = author(&mut r)?;
    let norm = norm(&mut r)?;
    let period = if r.at_header("[period]") {
        r.header("[period]")?;
        Some(Period {
            start: r.string("start")?.parse().ok()?,
            end: r.string("end")?.parse().ok()?,
        })
    } else {
        None
    };
    let mandate = mandate(&mut r)?;
    let motivation = motivation(&mut r)?;
    let (checks, evidence) = checks_and_evidence(&mut r)?;
    let totals = totals(&mut r)?;
    let award = if r.at_header("[award]") {
        Some(award(&mut r)?)
    } else {
        None
    };
    if no_checks && !checks.is_empty() {
        return None;
    }
    // Nothing may follow but the end.
    if r.lines.any(|line| !line.is_empty()) {
        return None;
    }
    Some(Record {
        format,
        id,
        created,
        decision_date,
        case,
        seq,
        prev,
        keyring,
        adoptions,
        revises,
        revises_sha256,
        extends,
        extends_sha256,
        signature_meaning,
        author,
        norm,
        period,
        mandate,
        motivation,
        checks,
        evidence,
        totals,
        award,
    })
}

fn author(r: &mut Reader<'_>) -> Option<Author> {
    r.header("[author]")?;
    Some(Author {
        principal: r.string("principal")?,
        name: r.string("name")?,
        role: r.string("role")?,
        key: r.string("key")?,
    })
}

fn norm(r: &mut Reader<'_>) -> Option<NormRef> {
    r.header("[norm]")?;
    Some(NormRef {
        id: r.string("id")?,
        version: u32::try_from(r.integer("version")?).ok()?,
        sha256: r.string("sha256")?,
        title: r.string("title")?,
        basis: r.string("basis")?,
        basis_label: r.string("basis_label")?,
    })
}

fn mandate(r: &mut Reader<'_>) -> Option<MandateRecord> {
    r.header("[mandate]")?;
    let outcome = match r.string("outcome")?.as_str() {
        "within" => RecordedOutcome::Within,
        "needs-review" => RecordedOutcome::NeedsReview,
        "beyond-norm" => RecordedOutcome::BeyondNorm,
        _ => return None,
    };
    Some(MandateRecord {
        outcome,
        review_role: r.optional("review_role", Reader::value_string).ok()?,
    })
}

fn motivation(r: &mut Reader<'_>) -> Option<Motivation> {
    r.header("[motivation]")?;
    Some(Motivation {
        circumstances: r.string("circumstances")?,
        consequences: r.string("consequences")?,
        aims: r.string("aims")?,
        disproportionality: r.string("disproportionality")?,
        resident_view: r.string("resident_view")?,
        consulted: r.string("consulted")?,
        expected_effect: r.string("expected_effect")?,
    })
}

fn checks_and_evidence(r: &mut Reader<'_>) -> Option<(Vec<CheckAnswer>, Vec<EvidenceItem>)> {
    let mut checks = Vec::new();
    while r.at_header("[[check]]") {
        r.header("[[check]]")?;
        let mut check = CheckAnswer {
            id: r.string("id")?,
            question: r.string("question")?,
            kind: r.optional("kind", Reader::value_string).ok()?,
            answer: Answer::Yes(false),
            unit: None,
        };
        check.answer = r
            .key("answer")
            .and_then(|v| Reader::answer(v, check.kind.as_deref()))?;
        check.unit = r.optional("unit", Reader::value_string).ok()?;
        checks.push(check);
    }
    let mut evidence = Vec::new();
    while r.at_header("[[evidence]]") {
        r.header("[[evidence]]")?;
        evidence.push(EvidenceItem {
            id: r.string("id")?,
            text: r.string("text")?,
            in_case_file: r.boolean("in_case_file")?,
        });
    }
    Some((checks, evidence))
}

fn totals(r: &mut Reader<'_>) -> Option<Vec<TotalLine>> {
    let mut totals = Vec::new();
    while r.at_header("[[total]]") {
        r.header("[[total]]")?;
        let id = r.string("id")?;
        let sum = r.optional("sum", Reader::value_string).ok()?;
        let date = |v: Value<'_, '_>| Reader::value_string(v)?.parse::<Date>().ok();
        let from = r.optional("from", date).ok()?;
        let through = r.optional("through", date).ok()?;
        let mut number = |key: &str| crate::domain::number::from_record(&r.string(key)?);
        totals.push(TotalLine {
            id,
            sum,
            from,
            through,
            earlier: number("earlier")?,
            total: number("total")?,
            max: number("max")?,
        });
    }
    Some(totals)
}

fn award(r: &mut Reader<'_>) -> Option<crate::domain::norm::award::Awarded> {
    use crate::domain::norm::award::{Awarded, Form};
    r.header("[award]")?;
    let form = Form::named(&r.string("form")?)?;
    let amount = r
        .optional("amount", |v| {
            crate::domain::number::from_record(&Reader::value_string(v)?)
        })
        .ok()?;
    let unit = r.optional("unit", Reader::value_string).ok()?;
    let takes_effect_when = r.optional("takes_effect_when", Reader::value_string).ok()?;
    let revocable_until = r
        .optional("revocable_until", |v| {
            Reader::value_string(v)?.parse::<Date>().ok()
        })
        .ok()?;
    Some(Awarded {
        form,
        amount,
        unit,
        takes_effect_when,
        revocable_until,
    })
}

/// A text this reader leaves to the TOML parser.
#[derive(Debug)]
struct NotCanonical;

struct Reader<'a> {
    lines: std::iter::Peekable<std::str::Split<'a, char>>,
}

impl<'a> Reader<'a> {
    /// The rest of the line `key = …`, when the next line is that key.
    fn key(&mut self, key: &str) -> Option<Value<'_, 'a>> {
        let line = *self.lines.peek()?;
        let rest = line.strip_prefix(key)?.strip_prefix(" = ")?;
        self.lines.next();
        Some(Value {
            first: rest,
            reader: self,
        })
    }

    fn string(&mut self, key: &str) -> Option<String> {
        self.key(key).and_then(Value::string)
    }

    /// A TOML integer that is not negative: TOML's are 64-bit signed.
    fn integer(&mut self, key: &str) -> Option<u64> {
        let digits = self.key(key)?.first;
        let value: i64 = plain_integer(digits)?.parse().ok()?;
        u64::try_from(value).ok()
    }

    fn boolean(&mut self, key: &str) -> Option<bool> {
        match self.key(key)?.first {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }

    /// `Ok(None)` when the next line is not `key`; `Err` when it is but
    /// its value does not read.
    fn optional<T>(
        &mut self,
        key: &str,
        read: impl FnOnce(Value<'_, 'a>) -> Option<T>,
    ) -> Result<Option<T>, NotCanonical> {
        let at_key = self
            .lines
            .peek()
            .is_some_and(|l| l.strip_prefix(key).is_some_and(|r| r.starts_with(" = ")));
        if !at_key {
            return Ok(None);
        }
        self.key(key).and_then(read).map(Some).ok_or(NotCanonical)
    }

    fn value_string(v: Value<'_, 'a>) -> Option<String> {
        v.string()
    }

    #[allow(clippy::needless_pass_by_value)] // read like every other value
    fn value_strings(v: Value<'_, 'a>) -> Option<Vec<String>> {
        let inner = v.first.strip_prefix('[')?.strip_suffix(']')?;
        if inner.is_empty() {
            return Some(Vec::new());
        }
        inner
            .split(", ")
            .map(|item| {
                let body = item.strip_prefix('"')?.strip_suffix('"')?;
                // Only plain strings here: hashes.
                let plain = !body.is_empty()
                    && !body.contains(['"', '\\', ','])
                    && !has_control(body, false);
                plain.then(|| body.to_owned())
            })
            .collect()
    }

    fn answer(v: Value<'_, 'a>, kind: Option<&str>) -> Option<Answer> {
        let value = match v.first {
            "true" => wire::Value::Yes(true),
            "false" => wire::Value::Yes(false),
            _ if kind.is_none() && number(v.first).is_some() => {
                wire::Value::Float(number(v.first)?)
            }
            // A number in another form (or a date): the TOML parser's.
            first if first.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-')) => {
                return None;
            }
            _ => wire::Value::Text(v.string()?),
        };
        wire::read(kind, value).ok()
    }

    /// Whether the next lines are a blank one and `header`.
    fn at_header(&mut self, header: &str) -> bool {
        let mut ahead = self.lines.clone();
        ahead.next() == Some("") && ahead.next() == Some(header)
    }

    fn header(&mut self, header: &str) -> Option<()> {
        (self.lines.next()?.is_empty() && self.lines.next()? == header).then_some(())
    }
}

/// A value that starts on the rest of a line and may run over more lines
/// (a multi-line string).
struct Value<'r, 'a> {
    first: &'a str,
    reader: &'r mut Reader<'a>,
}

impl Value<'_, '_> {
    /// The string, in any of TOML's four forms.
    fn string(self) -> Option<String> {
        let v = self.first;
        if let Some(rest) = v.strip_prefix("\"\"\"") {
            // The lines up to the closing `"""`; the opening newline is
            // not part of the string.
            let body = self.multi_line(rest, "\"\"\"")?;
            return unescape(&body, true);
        }
        if let Some(rest) = v.strip_prefix("'''") {
            return self.multi_line(rest, "'''");
        }
        if let Some(body) = v.strip_prefix('"').and_then(|b| b.strip_suffix('"')) {
            return unescape(body, false);
        }
        if let Some(body) = v.strip_prefix('\'').and_then(|b| b.strip_suffix('\'')) {
            return (!body.contains('\'') && !has_control(body, false)).then(|| body.to_owned());
        }
        None
    }

    fn multi_line(self, rest: &str, close: &str) -> Option<String> {
        let check = |body: String| {
            let bad = close == "'''" && (body.contains("'''") || has_control(&body, true));
            (!bad).then_some(body)
        };
        if !rest.is_empty() {
            // All on one line.
            return check(rest.strip_suffix(close)?.to_owned());
        }
        let mut body = String::new();
        loop {
            let line = self.reader.lines.next()?;
            if let Some(last) = line.strip_suffix(close) {
                body.push_str(last);
                return check(body);
            }
            body.push_str(line);
            body.push('\n');
        }
    }
}

/// A byte that a string body without escapes never holds: `\\`, `"`, and
/// what TOML calls a control character (U+0000 to U+001F but tab, and
/// U+007F); newline is one only outside multi-line strings.
const NOT_PLAIN: u8 = 1;
/// A newline, plain only in a multi-line string.
const NEWLINE: u8 = 2;
const CLASS: [u8; 256] = {
    let mut class = [0; 256];
    let mut b = 0;
    while b < 0x20 {
        class[b] = NOT_PLAIN;
        b += 1;
    }
    class[b'\t' as usize] = 0;
    class[b'\n' as usize] = NEWLINE;
    class[b'\\' as usize] = NOT_PLAIN;
    class[b'"' as usize] = NOT_PLAIN;
    class[0x7f] = NOT_PLAIN;
    class
};

/// The characters of a basic string's body with its escapes resolved;
/// `None` for anything this program does not write.
fn unescape(body: &str, multi_line: bool) -> Option<String> {
    // Most texts have nothing to resolve: no escape, no quote, no control
    // character.
    // Folded without stopping early, so that it runs many bytes at a time.
    let class = body
        .bytes()
        .fold(0, |found, b| found | CLASS[usize::from(b)]);
    let plain = class & NOT_PLAIN == 0 && (multi_line || class & NEWLINE == 0);
    if plain {
        return Some(body.to_owned());
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    // Unescaped quotes in a row: three would close a multi-line string.
    let mut quotes = 0;
    while let Some(c) = chars.next() {
        quotes = if c == '"' { quotes + 1 } else { 0 };
        match c {
            '\\' => out.push(match chars.next()? {
                'b' => '\u{8}',
                't' => '\t',
                'n' => '\n',
                'f' => '\u{c}',
                'r' => '\r',
                '"' => '"',
                '\\' => '\\',
                'e' => '\u{1b}',
                'u' => hex(&mut chars, 4)?,
                'U' => hex(&mut chars, 8)?,
                _ => return None,
            }),
            '"' if !multi_line || quotes == 3 => return None,
            c if is_toml_control(c) && !(multi_line && c == '\n') => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

fn hex(chars: &mut std::str::Chars<'_>, n: usize) -> Option<char> {
    let digits: String = chars.take(n).collect();
    if digits.len() != n || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    char::from_u32(u32::from_str_radix(&digits, 16).ok()?)
}

/// Whether `text` holds a character TOML does not allow unescaped in a
/// string: a control character other than tab (and newline in a
/// multi-line one).
fn has_control(text: &str, multi_line: bool) -> bool {
    text.chars()
        .any(|c| is_toml_control(c) && !(multi_line && c == '\n'))
}

/// `digits` when they are a TOML decimal integer without sign and
/// underscores: `0`, or digits not starting with `0`.
fn plain_integer(digits: &str) -> Option<&str> {
    let ok = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    ok.then_some(digits)
}

/// The value of a TOML integer or float written without underscores:
/// `[+-]` integer part, then `.` digits and/or an exponent. An integer
/// must fit TOML's 64 bits and reads as that integer does in a number.
fn number(text: &str) -> Option<f64> {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let end_of_int = unsigned
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(unsigned.len());
    let (int, mut rest) = unsigned.split_at(end_of_int);
    plain_integer(int)?;
    if rest.is_empty() {
        #[allow(clippy::cast_precision_loss)] // as a TOML integer becomes an f64
        return text.parse::<i64>().ok().map(|i| i as f64);
    }
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(fraction.len());
        if digits == 0 {
            return None;
        }
        rest = &fraction[digits..];
    }
    if let Some(exponent) = rest.strip_prefix(['e', 'E']) {
        let digits = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        rest = "";
    }
    if !rest.is_empty() {
        return None;
    }
    text.parse().ok().filter(|f: &f64| f.is_finite())
}

/// What TOML does not allow unescaped in a string: U+0000 to U+001F but
/// tab, and U+007F.
fn is_toml_control(c: char) -> bool {
    (c < ' ' && c != '\t') || c == '\u{7f}'
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record as release 0.1 wrote it.
    fn written() -> String {
        let text = include_str!(
            "../../../tests/fixtures/stores/v0.1/store/records/anna@gemeente.example/000001-MW-20261123-7X43KCZ4.toml"
        );
        text.to_owned()
    }

    #[test]
    fn a_record_as_written_reads_as_the_toml_parser_reads_it() {
        let text = written();
        let fast = parse(&text).expect("read fast");
        assert_eq!(Some(fast), Record::from_toml(&text).ok());
    }

    /// Replaces the first line starting with `key = ` by `line`.
    fn with_line(key: &str, line: &str) -> String {
        written()
            .split('\n')
            .map(|l| {
                if l.starts_with(&format!("{key} = ")) {
                    line.to_owned()
                } else {
                    l.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn forms_with_one_meaning_are_read_as_toml_reads_them() {
        for (key, line) in [
            ("case", r#"case = "Z-\u00e9\t\"x\"""#),
            ("case", "case = 'Z-2026 \"letterlijk\"'"),
            ("case", "case = '''Z-'2026'''"),
            ("case", "case = \"\"\"Z-\"\"2026\"\"\""),
            ("case", "case = \"\"\"\nregel een\nregel \\\\ twee\"\"\""),
            ("seq", "seq = 0"),
            ("seq", "seq = 9223372036854775807"),
        ] {
            let text = with_line(key, line);
            let fast = parse(&text);
            assert!(fast.is_some(), "{line}");
            assert_eq!(fast, Record::from_toml(&text).ok(), "{line}");
        }
    }

    #[test]
    fn forms_it_does_not_read_are_left_to_the_toml_parser() {
        for (key, line) in [
            ("seq", "seq = 01"),
            ("seq", "seq = +1"),
            ("seq", "seq = 1_000"),
            ("seq", "seq = 9223372036854775808"),
            ("seq", "seq = 1 # opmerking"),
            ("case", "case = \"Z\" # opmerking"),
            ("case", "case = \"Z\\x41\""),
            ("case", "case = \"Z\\u+041\""),
            ("case", "case = \"Z\\\""),
            ("case", "case = 'Z\u{1}'"),
            ("case", "case = \"Z\u{7f}\""),
            ("case", "case = \"Z\"\r"),
            ("case", "case = \"\"\"a\"\"\"b\"\"\""),
            ("case", "case = \"\"\"\na\\\n  b\"\"\""),
            ("case", "case= \"Z\""),
            ("case", "  case = \"Z\""),
        ] {
            let text = with_line(key, line);
            assert_eq!(parse(&text), None, "{line}");
        }
        // Keys out of their order, twice, or unknown.
        let text = written();
        let swapped = text.replacen("id = ", "idx = ", 1);
        assert_eq!(parse(&swapped), None);
        let doubled = text.replacen("[mandate]\n", "[mandate]\noutcome = \"within\"\n", 1);
        assert_eq!(parse(&doubled), None);
        let trailing = format!("{text}\n[extra]\n");
        assert_eq!(parse(&trailing), None);
    }

    #[test]
    fn numbers_are_read_as_toml_reads_them() {
        for (text, value) in [
            ("0", Some(0.0)),
            ("-0", Some(0.0)),
            ("+5", Some(5.0)),
            ("1800.5", Some(1800.5)),
            ("1e3", Some(1000.0)),
            ("1.5E-2", Some(0.015)),
            ("1e06", Some(1e6)),
            ("1.", None),
            (".5", None),
            ("01.5", None),
            ("1e", None),
            ("1_000", None),
            ("inf", None),
            ("nan", None),
            ("1e400", None),
            ("2026-01-01", None),
            ("9223372036854775808", None),
        ] {
            assert_eq!(number(text), value, "{text}");
        }
    }
}
