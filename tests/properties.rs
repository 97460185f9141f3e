//! Properties that must hold for any input, not only the ones we thought
//! of: the readers of norms, answers, records, keyrings and signatures
//! never panic, whatever bytes a file holds; the fast record reader reads
//! exactly what the TOML parser reads; the keyring comes out the same
//! whatever order its files are read in.
//!
//! `cargo test` runs 256 cases per property. For a deep run:
//!
//! ```sh
//! PROPTEST_CASES=100000 cargo test --release --test properties
//! ```

use maatwerk::domain::number::{self, Decimal};
use std::sync::OnceLock;

use jiff::Timestamp;
use jiff::civil::Date;
use maatwerk::domain::answers;
use maatwerk::domain::keyring::{Action, KEYRING_FORMAT, Keyring, KeyringEntry, SignedEntry};
use maatwerk::domain::keys::{self, Namespace, Signer};
use maatwerk::domain::norm::award::{Awarded, Form};
use maatwerk::domain::norm::catalog::Catalog;
use maatwerk::domain::norm::parse::parse as parse_norm;
use maatwerk::domain::record::{
    Answer, Author, CheckAnswer, EvidenceItem, MandateRecord, Motivation, NormRef, Period, Record,
    RecordedOutcome, SignatureMeaning, TotalLine, canonical,
};
use maatwerk::domain::source::{Sha256Hex, SourceFile};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;

// ---------------------------------------------------------------- inputs

/// Characters that matter to TOML and to our readers, and any others.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('a', 'z'),
        2 => Just(' '),
        1 => any::<char>(),
        1 => prop::sample::select(vec![
            '"', '\'', '\\', '\n', '\r', '\t', '#', '=', '[', ']', ',', '.', '-', '+', '0', '1',
            '9', 'e', 'E', '_', 'é', 'ë', '€', '\u{7f}', '\u{85}', '\u{0}', '\u{1b}', '\u{feff}',
        ]),
    ]
}

fn text() -> impl Strategy<Value = String> {
    vec(tricky_char(), 0..40).prop_map(String::from_iter)
}

fn date() -> impl Strategy<Value = Date> {
    (1i16..=9999, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap_or_default())
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (0i64..4_000_000_000).prop_map(|s| Timestamp::from_second(s).unwrap_or_default())
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        any::<bool>().prop_map(Answer::Yes),
        any::<i32>().prop_map(|n| Answer::Number(Decimal::from(n))),
        (any::<i64>(), 0u32..=6).prop_map(|(n, scale)| Answer::Number(Decimal::new(n, scale))),
        date().prop_map(Answer::Date),
        text().prop_map(Answer::Text),
    ]
}

fn hashes() -> impl Strategy<Value = Option<Vec<String>>> {
    proptest::option::of(vec(
        vec(prop::sample::select(b"0123456789abcdef".to_vec()), 1..8)
            .prop_map(|c| format!("sha256:{}", String::from_utf8_lossy(&c))),
        0..3,
    ))
}

fn check_of(
    (id, question, answer, unit, typed): (String, String, Answer, Option<String>, bool),
) -> CheckAnswer {
    // Records of format 3 name each check's kind; older ones do not, and
    // hold numbers as floats.
    let answer = match answer {
        Answer::Number(n) if !typed => {
            Answer::Number(number::from_float(number::to_float(n)).unwrap_or_default())
        }
        other => other,
    };
    CheckAnswer {
        id,
        question,
        kind: typed.then(|| answer.kind_name().to_owned()),
        answer,
        unit,
    }
}

fn evidence_of((id, text, in_case_file): (String, String, bool)) -> EvidenceItem {
    EvidenceItem {
        id,
        text,
        in_case_file,
    }
}

/// The seven parts of a motivation, in their order.
fn motivation_of(parts: &[String]) -> Motivation {
    Motivation {
        circumstances: parts[0].clone(),
        consequences: parts[1].clone(),
        aims: parts[2].clone(),
        disproportionality: parts[3].clone(),
        resident_view: parts[4].clone(),
        consulted: parts[5].clone(),
        expected_effect: parts[6].clone(),
    }
}

/// The checks, the evidence, the totals and the award of a record.
#[allow(clippy::type_complexity)]
fn lists() -> impl Strategy<
    Value = (
        Vec<(String, String, Answer, Option<String>, bool)>,
        Vec<(String, String, bool)>,
        Vec<TotalLine>,
        Option<Awarded>,
    ),
> {
    (
        vec(
            (
                text(),
                text(),
                answer(),
                proptest::option::of(text()),
                any::<bool>(),
            ),
            0..4,
        ),
        vec((text(), text(), any::<bool>()), 0..3),
        vec(total_line(), 0..3),
        proptest::option::of(awarded()),
    )
}

fn awarded() -> impl Strategy<Value = Awarded> {
    (
        0..3u8,
        proptest::option::of((any::<i64>(), 0u32..=6)),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(date()),
    )
        .prop_map(
            |(form, amount, unit, takes_effect_when, revocable_until)| Awarded {
                form: match form {
                    0 => Form::Gift,
                    1 => Form::Loan,
                    _ => Form::InKind,
                },
                amount: amount.map(|(n, scale)| Decimal::new(n, scale)),
                unit,
                takes_effect_when,
                revocable_until,
            },
        )
}

fn record() -> impl Strategy<Value = Record> {
    let head = (
        text(),
        text(),
        timestamp(),
        date(),
        text(),
        // TOML integers are 64-bit signed.
        0..=u64::try_from(i64::MAX).unwrap_or_default(),
        proptest::option::of(text()),
        hashes(),
        hashes(),
        any::<bool>(),
        (
            proptest::option::of(text()),
            proptest::option::of(text()),
            proptest::option::of(text()),
            proptest::option::of(text()),
        ),
    );
    let people = (
        vec(text(), 4),
        (text(), any::<u32>(), text(), text(), text(), text()),
        proptest::option::of((date(), date())),
        (0..3u8, proptest::option::of(text())),
        vec(text(), 7),
    );
    let lists = lists();
    (head, people, lists).prop_map(|(h, p, l)| {
        let (
            format,
            id,
            created,
            decision_date,
            case,
            seq,
            prev,
            keyring,
            adoptions,
            decided,
            revises,
        ) = h;
        let (author, norm, period, mandate, motivation) = p;
        Record {
            format,
            id,
            created,
            decision_date,
            case,
            seq,
            prev,
            keyring,
            adoptions,
            revises: revises.0,
            revises_sha256: revises.1,
            extends: revises.2,
            extends_sha256: revises.3,
            signature_meaning: if decided {
                SignatureMeaning::Decided
            } else {
                SignatureMeaning::ForReview
            },
            author: Author {
                principal: author[0].clone(),
                name: author[1].clone(),
                role: author[2].clone(),
                key: author[3].clone(),
            },
            norm: NormRef {
                id: norm.0,
                version: norm.1,
                sha256: norm.2,
                title: norm.3,
                basis: norm.4,
                basis_label: norm.5,
            },
            period: period.map(|(start, end)| Period { start, end }),
            mandate: MandateRecord {
                outcome: match mandate.0 {
                    0 => RecordedOutcome::Within,
                    1 => RecordedOutcome::NeedsReview,
                    _ => RecordedOutcome::BeyondNorm,
                },
                review_role: mandate.1,
            },
            motivation: motivation_of(&motivation),
            checks: l.0.into_iter().map(check_of).collect(),
            evidence: l.1.into_iter().map(evidence_of).collect(),
            totals: l.2,
            award: l.3,
        }
    })
}

fn total_line() -> impl Strategy<Value = TotalLine> {
    (
        (text(), proptest::option::of(text())),
        (proptest::option::of(date()), proptest::option::of(date())),
        vec((any::<i64>(), 0u32..=6), 3),
    )
        .prop_map(total_of)
}

/// A total line from its id and summed check, its dates and its three
/// numbers.
#[allow(clippy::type_complexity)]
fn total_of(
    ((id, sum), (from, through), numbers): (
        (String, Option<String>),
        (Option<Date>, Option<Date>),
        Vec<(i64, u32)>,
    ),
) -> TotalLine {
    let n = |i: usize| Decimal::new(numbers[i].0, numbers[i].1);
    TotalLine {
        id,
        sum,
        from,
        through,
        earlier: n(0),
        total: n(1),
        max: n(2),
    }
}

/// Edits to a text: at a position, insert, replace or remove a byte.
fn edits() -> impl Strategy<Value = Vec<(Index, u8, u8)>> {
    let bytes = prop::sample::select(b"\"'\\\n\r \t#=[],.-+_0159eExu{}a\x7f\x00\xc2\x85".to_vec());
    vec((any::<Index>(), 0..3u8, bytes), 1..4)
}

/// `text` with `edits` applied; `None` when the result is not UTF-8.
fn edited(text: &str, edits: &[(Index, u8, u8)]) -> Option<String> {
    let mut bytes = text.as_bytes().to_vec();
    for (at, op, byte) in edits {
        let i = at.index(bytes.len() + 1);
        match op {
            0 => bytes.insert(i, *byte),
            1 if i < bytes.len() => bytes[i] = *byte,
            _ if i < bytes.len() => {
                bytes.remove(i);
            }
            _ => bytes.push(*byte),
        }
    }
    String::from_utf8(bytes).ok()
}

fn bundled_norm_texts() -> &'static [(String, String)] {
    static TEXTS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        Catalog::bundled()
            .norms()
            .iter()
            .map(|n| (n.norm.id.clone(), n.source.text().to_owned()))
            .collect()
    })
}

fn example_answers() -> &'static [(String, String)] {
    static TEXTS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/answers");
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).expect("examples/answers") {
            let path = entry.expect("entry").path();
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("")
                .to_owned();
            out.push((stem, std::fs::read_to_string(&path).expect("answers")));
        }
        out.sort();
        out
    })
}

// ---------------------------------------------------------------- records

/// What the fast reader read must be what the TOML parser reads, to the
/// byte when written again.
fn same_as_toml(text: &str) -> Result<(), TestCaseError> {
    if let Some(fast) = canonical::parse(text) {
        let slow = Record::from_toml(text);
        prop_assert!(slow.is_ok(), "fast reader read what TOML refuses: {text:?}");
        let slow = slow.unwrap_or_else(|_| unreachable!());
        prop_assert_eq!(&fast, &slow, "{:?}", text);
        prop_assert_eq!(fast.to_toml().ok(), slow.to_toml().ok());
    }
    Ok(())
}

proptest! {
    #[test]
    fn a_written_record_reads_back_the_same_both_ways(record in record()) {
        let Ok(text) = record.to_toml() else { return Ok(()) };
        let slow = Record::from_toml(&text);
        prop_assert!(slow.is_ok(), "{text}");
        // Records as written are the fast reader's to read, but for
        // numbers in a form it leaves to the TOML parser.
        let fast = canonical::parse(&text);
        // (A float a record before format 3 holds reads plainly when it is
        // neither huge nor tiny.)
        let numbers_plain = record.checks.iter().all(|c| match c.answer {
            Answer::Number(n) if c.kind.is_none() => {
                let f = maatwerk::domain::number::to_float(n).abs();
                f < 1e15 && (f == 0.0 || f > 1e-5)
            }
            _ => true,
        });
        if numbers_plain {
            prop_assert!(fast.is_some(), "{text}");
        }
        same_as_toml(&text)?;
    }

    #[test]
    fn an_edited_record_is_read_as_toml_reads_it_or_left_to_it(
        record in record(),
        edits in edits(),
        lines in vec((any::<Index>(), any::<Index>(), 0..3u8), 0..3),
    ) {
        let Ok(text) = record.to_toml() else { return Ok(()) };
        // Whole lines moved, copied or dropped, then bytes edited.
        let mut all: Vec<&str> = text.split('\n').collect();
        for (from, to, op) in &lines {
            if all.is_empty() {
                break;
            }
            let (i, j) = (from.index(all.len()), to.index(all.len()));
            match op {
                0 => all.swap(i, j),
                1 => all.insert(j, all[i]),
                _ => {
                    all.remove(i);
                }
            }
        }
        if let Some(text) = edited(&all.join("\n"), &edits) {
            same_as_toml(&text)?;
        }
    }

    #[test]
    fn any_text_is_read_as_toml_reads_it_or_left_to_it(text in text()) {
        same_as_toml(&text)?;
        let _ = maatwerk::domain::record::RecordHead::parse(&text);
    }
}

// ---------------------------------------------------------------- norms and answers

proptest! {
    #[test]
    fn the_norm_reader_never_panics(which in any::<Index>(), edits in edits(), noise in text()) {
        let texts = bundled_norm_texts();
        let (id, text) = &texts[which.index(texts.len())];
        if let Some(edited) = edited(text, &edits) {
            let parsed = parse_norm(&SourceFile::new("norm.toml", edited), id);
            // A norm that reads has no errors; one that does not, says why.
            prop_assert!(parsed.norm.is_some() || !parsed.diagnostics.is_empty());
        }
        let _ = parse_norm(&SourceFile::new("noise.toml", noise), "noise");
    }

    #[test]
    fn the_answers_reader_never_panics(which in any::<Index>(), edits in edits(), noise in text()) {
        let catalog = Catalog::bundled();
        let examples = example_answers();
        let (id, text) = &examples[which.index(examples.len())];
        let Some(norm) = catalog.norms().iter().find(|n| &n.norm.id == id) else {
            return Err(TestCaseError::fail(format!("no bundled norm {id}")));
        };
        if let Some(edited) = edited(text, &edits) {
            let parsed = answers::parse(&SourceFile::new("answers.toml", edited), &norm.norm);
            prop_assert!(parsed.proposal.is_some() || !parsed.diagnostics.is_empty());
        }
        let _ = answers::parse(&SourceFile::new("noise.toml", noise), &norm.norm);
    }
}

// ---------------------------------------------------------------- signatures

fn signers() -> &'static [Signer] {
    static SIGNERS: OnceLock<Vec<Signer>> = OnceLock::new();
    SIGNERS.get_or_init(|| {
        ["beheer", "anna", "bea"]
            .iter()
            .map(|c| Signer::generate(c).expect("key"))
            .collect()
    })
}

proptest! {
    #[test]
    fn the_signature_reader_never_panics_and_an_edit_never_verifies(
        edits in edits(),
        noise in text(),
    ) {
        let signer = &signers()[0];
        let message = b"besluit";
        let armored = signer.sign(Namespace::Record, message).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let _ = keys::parse_signature(&noise);
        if let Some(edited) = edited(&armored, &edits)
            && let Some(sig) = keys::parse_signature(&edited)
        {
            let verifies = keys::verify(signer.public_key(), Namespace::Record, message, &sig);
            let original = keys::parse_signature(&armored);
            // Only an edit that leaves the signature as it was (white
            // space in the armour) may still verify.
            prop_assert!(!verifies || original.as_ref() == Some(&sig));
        }
    }
}

// ---------------------------------------------------------------- keyring

/// A keyring change as an insider might write one: right or wrong in any
/// field, following any of the changes before it or none, signed by any of
/// the keys or not at all.
#[derive(Debug, Clone)]
struct Change {
    entry: KeyringEntry,
    /// Which earlier changes it follows (modulo how many there are).
    follows: Option<Vec<usize>>,
    signer: usize,
    signed: bool,
}

fn day(d: i64) -> Timestamp {
    Timestamp::from_second(1_767_225_600 + d * 86_400).unwrap_or_default()
}

fn change() -> impl Strategy<Value = Change> {
    (
        (
            0..3u8,
            prop::sample::select(vec!["beheer", "anna", "bea", "../x", ""]),
            prop::sample::select(vec![
                "beheerder",
                "consulent",
                "teamleider",
                "afdelingshoofd",
            ]),
            proptest::option::of(any::<bool>()),
            0..4usize,
        ),
        (0i64..40, proptest::option::of(0i64..40), 0..4usize),
        (
            proptest::option::of(vec(0..8usize, 0..3)),
            0i64..40,
            0..3usize,
            any::<bool>(),
        ),
    )
        .prop_map(|(who, when, how)| {
            let (action, principal, role, beheerder, key) = who;
            let (from, until, signed_by) = when;
            let (follows, created, signer, is_signed) = how;
            let public_key = signers()
                .get(key)
                .and_then(|s| s.public_key().to_openssh().ok())
                .unwrap_or_else(|| "ssh-ed25519 AAAA".to_owned());
            let signed_by = signers().get(signed_by).map_or_else(
                || "SHA256:onbekend".to_owned(),
                |s| s.fingerprint().to_string(),
            );
            Change {
                entry: KeyringEntry {
                    format: KEYRING_FORMAT.into(),
                    id: String::new(),
                    created: day(created),
                    follows: None,
                    action: match action {
                        0 => Action::Add,
                        1 => Action::Change,
                        _ => Action::Revoke,
                    },
                    principal: principal.into(),
                    name: Some(principal.to_uppercase()),
                    role: Some(role.into()),
                    beheerder,
                    public_key: Some(public_key),
                    valid_from: day(from),
                    valid_until: until.map(day),
                    signed_by,
                    reason: None,
                    config: None,
                },
                follows,
                signer,
                signed: is_signed,
            }
        })
}

/// The changes as files: each `follows` resolved to the hashes of changes
/// before it, each signed (or not).
fn signed_entries(changes: Vec<Change>) -> Vec<SignedEntry> {
    let mut out: Vec<SignedEntry> = Vec::new();
    for (n, change) in changes.into_iter().enumerate() {
        let mut entry = change.entry;
        entry.id = format!("KR-{n:03}");
        entry.follows = change.follows.map(|picks| {
            let mut hashes: Vec<String> = picks
                .iter()
                .filter_map(|p| out.get(p % out.len().max(1)))
                .map(|e| format!("sha256:{}", Sha256Hex::of(&e.bytes)))
                .collect();
            hashes.sort();
            hashes.dedup();
            hashes
        });
        let bytes = toml::to_string(&entry).unwrap_or_default().into_bytes();
        let signature = if change.signed {
            signers()[change.signer]
                .sign(Namespace::Keyring, &bytes)
                .unwrap_or_default()
        } else {
            String::from("-----BEGIN SSH SIGNATURE-----\n-----END SSH SIGNATURE-----\n")
        };
        out.push(SignedEntry {
            file: format!("keyring/{}.toml", entry.id),
            entry,
            bytes,
            signature,
        });
    }
    out
}

/// What a keyring comes to, in a form to compare.
fn outcome(ring: &Keyring) -> (String, Vec<String>, Option<String>) {
    let mut problems: Vec<String> = ring
        .problems()
        .iter()
        .map(|(file, p)| format!("{file}: {p:?}"))
        .collect();
    problems.sort();
    (
        ring.allowed_signers(&[]),
        problems,
        ring.root().map(ToString::to_string),
    )
}

proptest! {
    #[test]
    fn the_keyring_is_the_same_whatever_order_its_files_are_read_in(
        changes in vec(change(), 1..7),
        order in vec(any::<Index>(), 7),
    ) {
        let entries = signed_entries(changes);
        let ring = Keyring::build(&entries);
        // Every member it grants is a valid principal.
        for grant in ring.grants() {
            prop_assert!(maatwerk::domain::keyring::is_principal(&grant.principal));
        }
        let mut shuffled = entries.clone();
        for (i, pick) in order.iter().enumerate().take(shuffled.len()) {
            let j = pick.index(shuffled.len());
            shuffled.swap(i, j);
        }
        prop_assert_eq!(outcome(&ring), outcome(&Keyring::build(&shuffled)));
    }
}
