//! Re-deriving a record: from the norm it names and the grant its signer
//! held, everything the record claims that can be recomputed is recomputed
//! — the norm's own words, the checks and their questions, whether the
//! answers and the motivation do, the mandaat outcome and what the
//! signature means, the legal basis pinned to the decision date — and each
//! contradiction is a finding naming the field.

use jiff::Span;
use jiff::tz::TimeZone;

use super::FindingKind;
use crate::domain::decision::{self, DecisionWindow, Placement, Proposal, Refusal};
use crate::domain::keyring::Grant;
use crate::domain::norm::Norm;
use crate::domain::record::{Answer, Record, RecordFormat};

/// The decision dates a record signed at `record.created` may carry: not
/// after its day (in any time zone), nor more than `window_days` before it.
pub fn window(record: &Record, window_days: u32) -> DecisionWindow {
    let day = record.created.to_zoned(TimeZone::UTC).date();
    let mut window = DecisionWindow::signed_on(day, window_days);
    window.latest = day.checked_add(Span::new().days(1)).unwrap_or(day);
    window
}

/// Every contradiction between `record` and what its norm (with `sha256`)
/// and the signer's `grant` give.
pub fn rederive(
    record: &Record,
    norm: &Norm,
    sha256: &str,
    grant: &Grant,
    window_days: u32,
) -> Vec<FindingKind> {
    let mut findings = Vec::new();
    // A norm in format 2 has rules (totals, rules across answers, the
    // award) that only records of format 4 state: an older format on it
    // would slip past them.
    if norm.format >= 2
        && !RecordFormat::of(&record.format).is_some_and(RecordFormat::states_totals)
    {
        findings.push(FindingKind::Contradicts {
            field: "format".into(),
        });
    }
    let proposal = Proposal {
        case: record.case.clone(),
        decision_date: Some(record.decision_date),
        period: record.period.map(|p| (p.start, p.end)),
        answers: record
            .checks
            .iter()
            .map(|c| (c.id.clone(), c.answer.clone()))
            .collect(),
        evidence: record
            .evidence
            .iter()
            .map(|e| (e.id.clone(), e.in_case_file))
            .collect(),
        motivation: record.motivation.clone(),
        // What earlier decisions came to is the record's claim; verify
        // counts the store again elsewhere.
        earlier: record
            .totals
            .iter()
            .map(|t| (t.id.clone(), t.earlier))
            .collect(),
    };
    // Whether it may be signed at all. The norm's usability is judged with
    // the adoption, elsewhere.
    let assessment =
        match decision::assess(norm, &proposal, &grant.role, window(record, window_days)) {
            Ok(assessment) => assessment,
            Err(refusals) => {
                findings.extend(
                    refusals
                        .into_iter()
                        .filter(|r| !matches!(r, Refusal::NormUnusable(_)))
                        // Plain case references since record format 4.
                        .filter(|r| {
                            !matches!(r, Refusal::CaseNotPlain { .. })
                                || RecordFormat::of(&record.format)
                                    .is_some_and(RecordFormat::states_totals)
                        })
                        .map(FindingKind::Refused),
                );
                // What it should say all the same, given what it was asked.
                decision::settle(
                    norm,
                    &proposal,
                    &grant.role,
                    record.decision_date,
                    &mut Vec::new(),
                )
            }
        };
    let expected = decision::build_record(
        norm,
        sha256,
        &proposal,
        &assessment,
        grant,
        Placement {
            id: record.id.clone(),
            created: record.created,
            seq: record.seq,
            prev: record.prev.clone(),
            format: RecordFormat::of(&record.format).unwrap_or(RecordFormat::CURRENT),
            under: record.signed_under(),
            revises: record.revises_ref(),
            extends: record.extends_ref(),
        },
    );
    if expected != *record || !numbers_as_written(record, &expected) {
        findings.extend(
            differences(record, &expected)
                .into_iter()
                .map(|field| FindingKind::Contradicts { field }),
        );
    }
    findings
}

/// Whether, in a record of format 3, every number is written as the
/// program writes it (the same value with another scale is not).
fn numbers_as_written(stated: &Record, expected: &Record) -> bool {
    if !RecordFormat::of(&stated.format).is_some_and(RecordFormat::typed) {
        return true;
    }
    stated
        .checks
        .iter()
        .zip(&expected.checks)
        .all(|(s, e)| match (&s.answer, &e.answer) {
            (Answer::Number(a), Answer::Number(b)) => a.to_string() == b.to_string(),
            _ => true,
        })
}

/// The fields in which `stated` and `expected` differ.
fn differences(stated: &Record, expected: &Record) -> Vec<String> {
    let mut fields = Vec::new();
    let mut differ = |name: &str, same: bool| {
        if !same {
            fields.push(name.to_owned());
        }
    };
    differ("format", stated.format == expected.format);
    differ("case", stated.case == expected.case);
    differ(
        "revises",
        stated.revises == expected.revises && stated.revises_sha256 == expected.revises_sha256,
    );
    differ(
        "extends",
        stated.extends == expected.extends && stated.extends_sha256 == expected.extends_sha256,
    );
    differ(
        "signature_meaning",
        stated.signature_meaning == expected.signature_meaning,
    );
    differ("author", stated.author == expected.author);
    differ("norm.id", stated.norm.id == expected.norm.id);
    differ("norm.version", stated.norm.version == expected.norm.version);
    differ("norm.title", stated.norm.title == expected.norm.title);
    differ("norm.basis", stated.norm.basis == expected.norm.basis);
    differ(
        "norm.basis_label",
        stated.norm.basis_label == expected.norm.basis_label,
    );
    differ("period", stated.period == expected.period);
    differ(
        "mandate.outcome",
        stated.mandate.outcome == expected.mandate.outcome,
    );
    differ(
        "mandate.review_role",
        stated.mandate.review_role == expected.mandate.review_role,
    );
    differ("motivation", stated.motivation == expected.motivation);
    // In a record of format 3 a number is written as the program writes it
    // (`1800.00`), not as any decimal of the same value (`1800.0000`).
    let typed = RecordFormat::of(&stated.format).is_some_and(RecordFormat::typed);
    let same_answer = |s: &Answer, e: &Answer| match (s, e) {
        (Answer::Number(a), Answer::Number(b)) if typed => a.to_string() == b.to_string(),
        _ => s == e,
    };
    if stated.checks.len() == expected.checks.len() {
        for (s, e) in stated.checks.iter().zip(&expected.checks) {
            let at = |part: &str| format!("check.{}.{part}", s.id);
            differ(&at("id"), s.id == e.id);
            differ(&at("question"), s.question == e.question);
            differ(&at("kind"), s.kind == e.kind);
            differ(&at("answer"), same_answer(&s.answer, &e.answer));
            differ(&at("unit"), s.unit == e.unit);
        }
    } else {
        differ("check", false);
    }
    if stated.evidence.len() == expected.evidence.len() {
        for (s, e) in stated.evidence.iter().zip(&expected.evidence) {
            let at = |part: &str| format!("evidence.{}.{part}", s.id);
            differ(&at("id"), s.id == e.id);
            differ(&at("text"), s.text == e.text);
            differ(&at("in_case_file"), s.in_case_file == e.in_case_file);
        }
    } else {
        differ("evidence", false);
    }
    differ("award", stated.award == expected.award);
    if fields.is_empty() {
        // Something else differs (a field this list does not name).
        fields.push("record".to_owned());
    }
    fields
}
