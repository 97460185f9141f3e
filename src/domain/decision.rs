//! A proposed decision checked against its norm: everything that must hold
//! before it may be signed, and who may take it.
//!
//! Used by the scripted `maatwerk new --answers` and the walkthrough alike.

use crate::domain::number;
use jiff::civil::Date;

use super::bsn::contains_bsn;
use super::keyring::Grant;
use super::norm::{AnswerProblem, CheckKind, DecisionFacts, MandateOutcome, Norm};
use super::record::{
    Answer, CheckAnswer, EvidenceItem, MandateRecord, Motivation, NormRef, Period, Record,
    RecordFormat, RecordedOutcome, SignatureMeaning, SignedUnder, TotalLine,
};

mod dates;
mod refusal;
pub mod totals;
pub use refusal::Refusal;

/// What the caseworker proposes.
#[derive(Debug, Clone, Default)]
pub struct Proposal {
    pub case: String,
    pub decision_date: Option<Date>,
    /// First day, and first day after, the departure.
    pub period: Option<(Date, Date)>,
    pub answers: Vec<(String, Answer)>,
    pub evidence: Vec<(String, bool)>,
    pub motivation: Motivation,
    /// What earlier decisions came to, for each of the norm's totals
    /// (by total id): counted in the store by the caller.
    pub earlier: Vec<(String, crate::domain::number::Decimal)>,
}

/// The decision dates a record signed on one day may carry: not after that
/// day, and not more than the store's window before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecisionWindow {
    pub earliest: Date,
    pub latest: Date,
}

impl DecisionWindow {
    /// For a decision signed `today`, dated back at most `days`.
    pub fn signed_on(today: Date, days: u32) -> Self {
        let back = jiff::Span::new().days(i64::from(days));
        Self {
            earliest: today.checked_sub(back).unwrap_or(Date::MIN),
            latest: today,
        }
    }
}

/// A proposal that may be signed.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub decision_date: Date,
    pub mandate: MandateOutcome,
    pub meaning: SignatureMeaning,
    /// The norm's totals with this decision.
    pub totals: Vec<TotalLine>,
    /// What the norm's `[award]` gives for the answers.
    pub award: Option<crate::domain::norm::award::Awarded>,
}

/// The motivation parts in the order they are asked, with their answers-file
/// key and whether the norm's `min_chars` applies.
pub fn motivation_parts(m: &Motivation) -> [(&'static str, &str, bool); 7] {
    [
        ("circumstances", m.circumstances.as_str(), true),
        ("consequences", m.consequences.as_str(), true),
        ("aims", m.aims.as_str(), true),
        ("disproportionality", m.disproportionality.as_str(), true),
        ("resident_view", m.resident_view.as_str(), false),
        ("consulted", m.consulted.as_str(), false),
        ("expected_effect", m.expected_effect.as_str(), false),
    ]
}

/// Whether a case reference has a usable form: 1 to 64 printable
/// characters on one line.
pub fn is_case_reference(case: &str) -> bool {
    let n = case.chars().count();
    (1..=64).contains(&n)
        && !case
            .chars()
            .any(|c| c.is_control() || super::text::is_invisible(c))
        && case.chars().any(char::is_alphanumeric)
}

/// Checks `p` against `norm` for an author in `role`, dated the window's
/// last day unless the proposal names a decision date, which must lie in
/// `window`. Returns every refusal at once.
pub fn assess(
    norm: &Norm,
    p: &Proposal,
    role: &str,
    window: DecisionWindow,
) -> Result<Assessment, Vec<Refusal>> {
    // Answers to questions that do not apply (their `when` does not hold)
    // are no part of the decision.
    let applicable = Proposal {
        answers: norm.applicable(&p.answers),
        ..p.clone()
    };
    let p = &applicable;
    let mut refusals = Vec::new();
    let decision_date = p.decision_date.unwrap_or(window.latest);
    if decision_date > window.latest {
        refusals.push(Refusal::DecisionDateInFuture {
            date: decision_date,
        });
    } else if decision_date < window.earliest {
        refusals.push(Refusal::DecisionDateTooOld {
            date: decision_date,
            earliest: window.earliest,
        });
    }
    if let Err(why) = norm.usability(decision_date) {
        refusals.push(Refusal::NormUnusable(why));
    }
    check_case(&p.case, &mut refusals);
    check_hidden(p, &mut refusals);
    check_answers(norm, p, decision_date, &mut refusals);
    check_motivation(norm, &p.motivation, &mut refusals);
    check_period(norm, p.period, &mut refusals);
    dates::check(norm, p, &mut refusals);
    for evidence in norm
        .evidence
        .iter()
        .filter(|e| e.required && norm.holds(&e.when, &p.answers))
    {
        let present = p
            .evidence
            .iter()
            .any(|(id, yes)| *id == evidence.id && *yes);
        if !present {
            refusals.push(Refusal::EvidenceMissing {
                id: evidence.id.clone(),
            });
        }
    }

    let assessment = settle(norm, p, role, decision_date, &mut refusals);
    if assessment.mandate == MandateOutcome::BeyondNorm {
        refusals.push(Refusal::BeyondNorm);
    }
    if refusals.is_empty() {
        Ok(assessment)
    } else {
        Err(refusals)
    }
}

/// Who may take the decision `p` dated `decision_date` by an author in
/// `role`, and the norm's totals with it: what a record states whether or
/// not it may be signed. A total the norm refuses to go past adds to
/// `refusals`.
pub fn settle(
    norm: &Norm,
    p: &Proposal,
    role: &str,
    decision_date: Date,
    refusals: &mut Vec<Refusal>,
) -> Assessment {
    let facts =
        DecisionFacts::from_answers(p.answers.iter().map(|(id, a)| (id.as_str(), a)), p.period);
    let (totals, review) = totals::judge(norm, p, &facts, decision_date, refusals);
    let mandate = totals::with_review(norm, norm.mandate.outcome(role, &facts), review);
    let meaning = match mandate {
        MandateOutcome::Within { .. } => SignatureMeaning::Decided,
        _ => SignatureMeaning::ForReview,
    };
    let award = norm
        .award
        .as_ref()
        .map(|a| a.give(norm, &p.answers, decision_date));
    Assessment {
        decision_date,
        mandate,
        meaning,
        totals,
        award,
    }
}

/// Every text of `p` that holds a character showing otherwise than it
/// reads.
fn check_hidden(p: &Proposal, refusals: &mut Vec<Refusal>) {
    let answers = p.answers.iter().filter_map(|(id, a)| match a {
        Answer::Text(text) => Some((format!("answers.{id}"), text.as_str())),
        _ => None,
    });
    let parts = motivation_parts(&p.motivation)
        .into_iter()
        .map(|(key, text, _)| (format!("motivation.{key}"), text));
    for (field, text) in std::iter::once(("case".to_owned(), p.case.as_str()))
        .chain(answers)
        .chain(parts)
    {
        if super::text::has_hidden_control(text) {
            refusals.push(Refusal::HiddenCharacter { field });
        }
    }
}

/// Why a case reference will not do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseProblem {
    Missing,
    /// It holds a BSN, which a record never does (UAVG art. 46).
    IsBsn,
    Invalid,
}

/// What is wrong with `case` as a case reference, if anything.
pub fn case_problem(case: &str) -> Option<CaseProblem> {
    let case = case.trim();
    if case.is_empty() {
        Some(CaseProblem::Missing)
    } else if contains_bsn(case) || case.contains(crate::domain::bsn::REDACTED) {
        // A case reference from which a BSN was taken out (a draft keeps
        // none) is no case reference either.
        Some(CaseProblem::IsBsn)
    } else if !is_case_reference(case) {
        Some(CaseProblem::Invalid)
    } else {
        None
    }
}

fn check_case(case: &str, refusals: &mut Vec<Refusal>) {
    match case_problem(case) {
        Some(CaseProblem::Missing) => refusals.push(Refusal::CaseMissing),
        Some(CaseProblem::IsBsn) => refusals.push(Refusal::CaseIsBsn),
        Some(CaseProblem::Invalid) => refusals.push(Refusal::CaseInvalid),
        None => {
            if let Some(suggestion) = unplain_case(case) {
                refusals.push(Refusal::CaseNotPlain {
                    suggestion,
                    first: first_unplain(case).unwrap_or((1, ' ')),
                });
            }
        }
    }
}

/// When `case` holds a character other than plain ASCII — a Cyrillic `М`,
/// a full-width `０`, an accented letter — which would make one case look
/// like another and be counted apart from it: the reference as it would
/// be in plain characters, when folding the full-width forms, dashes and
/// spaces of a word processor gives one.
/// The first character of `case` that is not plain ASCII, and where it
/// is (counting from 1), to point at it.
pub fn first_unplain(case: &str) -> Option<(usize, char)> {
    case.chars()
        .enumerate()
        .find(|(_, c)| *c != ' ' && !c.is_ascii_graphic())
        .map(|(i, c)| (i + 1, c))
}

pub fn unplain_case(case: &str) -> Option<Option<String>> {
    if case.chars().all(|c| c == ' ' || c.is_ascii_graphic()) {
        return None;
    }
    let folded: String = case
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{3000}' => ' ',
            _ => c,
        })
        .collect();
    Some(
        folded
            .chars()
            .all(|c| c == ' ' || c.is_ascii_graphic())
            .then_some(folded),
    )
}

fn check_answers(norm: &Norm, p: &Proposal, decision_date: Date, refusals: &mut Vec<Refusal>) {
    for (id, _) in &p.answers {
        if norm.check(id).is_none() {
            refusals.push(Refusal::UnknownCheck { id: id.clone() });
        }
    }
    refusals.extend(
        norm.broken(&p.answers)
            .into_iter()
            .map(|c| Refusal::ConstraintBroken {
                id: c.id.clone(),
                text: c.text.clone(),
                failing: norm.failing(&c.require, &p.answers),
                none_of: norm.none_of(&c.any, &p.answers),
            }),
    );
    for check in norm.checks.iter().filter(|c| norm.applies(c, &p.answers)) {
        let answer = p
            .answers
            .iter()
            .find(|(id, _)| *id == check.id)
            .map(|(_, a)| a);
        let Some(answer) = answer else {
            if check.required {
                refusals.push(Refusal::MissingAnswer {
                    check: check.id.clone(),
                });
            }
            continue;
        };
        let id = check.id.clone();
        let field = || format!("answers.{id}");
        for problem in check.judge_at(answer, p.period, Some(decision_date)) {
            refusals.push(match problem {
                AnswerProblem::ConditionNotMet => Refusal::ConditionNotMet {
                    check: id.clone(),
                    question: check.question.clone(),
                },
                AnswerProblem::TooShort { min, len } => Refusal::TooShort {
                    field: field(),
                    min,
                    len,
                },
                AnswerProblem::BsnInText => Refusal::BsnInText { field: field() },
                AnswerProblem::OutOfRange { min, max } => Refusal::OutOfRange {
                    check: id.clone(),
                    min,
                    max,
                    unit: match &check.kind {
                        CheckKind::Number { unit, .. } => unit.clone(),
                        _ => None,
                    },
                },
                AnswerProblem::Cents => Refusal::Cents { check: id.clone() },
                AnswerProblem::OutsidePeriod { .. } => {
                    Refusal::DateOutsidePeriod { check: id.clone() }
                }
                AnswerProblem::NotNearDecision { first, last } => Refusal::DateNotNearDecision {
                    check: id.clone(),
                    first,
                    last,
                },
                AnswerProblem::NotAnOption { value } => Refusal::NotAnOption {
                    check: id.clone(),
                    value,
                },
                AnswerProblem::WrongType { kind } => Refusal::WrongAnswerType {
                    check: id.clone(),
                    kind,
                },
                AnswerProblem::NotANumber | AnswerProblem::AmbiguousNumber { .. } => {
                    Refusal::WrongAnswerType {
                        check: id.clone(),
                        kind: "number",
                    }
                }
                // Typing problems; an answer given as a value has none.
                AnswerProblem::Missing | AnswerProblem::NotADate => {
                    Refusal::MissingAnswer { check: id.clone() }
                }
            });
        }
    }
}

/// What may be wrong with one part of the motivation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartProblem {
    Empty,
    /// Shorter than the norm's `min_chars` (for the parts it counts).
    TooShort {
        len: usize,
        min: u32,
    },
    /// It holds a valid BSN.
    Bsn,
}

/// The problems of a motivation part `text`; `counted` when the norm's
/// `min_chars` applies to it.
pub fn part_problems(text: &str, counted: bool, min_chars: u32) -> Vec<PartProblem> {
    let mut problems = Vec::new();
    let len = super::text::written_len(text);
    if len == 0 {
        problems.push(PartProblem::Empty);
    } else if counted && len < min_chars as usize {
        problems.push(PartProblem::TooShort {
            len,
            min: min_chars,
        });
    }
    if contains_bsn(text) {
        problems.push(PartProblem::Bsn);
    }
    problems
}

fn check_motivation(norm: &Norm, m: &Motivation, refusals: &mut Vec<Refusal>) {
    for (key, text, counted) in motivation_parts(m) {
        let field = format!("motivation.{key}");
        for problem in part_problems(text, counted, norm.motivation.min_chars) {
            refusals.push(match problem {
                PartProblem::Empty => Refusal::Missing {
                    field: field.clone(),
                },
                PartProblem::TooShort { len, min } => Refusal::TooShort {
                    field: field.clone(),
                    min,
                    len,
                },
                PartProblem::Bsn => Refusal::BsnInText {
                    field: field.clone(),
                },
            });
        }
    }
}

fn check_period(norm: &Norm, period: Option<(Date, Date)>, refusals: &mut Vec<Refusal>) {
    match (period, norm.max_duration) {
        (None, Some(_)) => refusals.push(Refusal::PeriodMissing),
        (Some((start, end)), max) => {
            if end <= start {
                refusals.push(Refusal::EndNotAfterStart);
            } else if let Some(max) = max
                && max.end_from(start).is_some_and(|last| end > last)
            {
                refusals.push(Refusal::PeriodTooLong {
                    max: max.to_string(),
                });
            }
        }
        (None, None) => {}
    }
}

/// Where a record is placed: its id and signing time, its number in its
/// author's chain and the link to the record before, and the histories it
/// was signed under (`None` for a record of format 1).
#[derive(Debug, Clone)]
pub struct Placement {
    pub id: String,
    pub created: jiff::Timestamp,
    pub seq: u64,
    pub prev: Option<String>,
    /// The form it is written in.
    pub format: RecordFormat,
    pub under: Option<SignedUnder>,
    /// The returned record it revises.
    pub revises: Option<crate::domain::review::RecordRef>,
    /// The decision it extends.
    pub extends: Option<crate::domain::review::RecordRef>,
}

/// The totals a record in `format` states: none before format 4.
fn stated_totals(format: RecordFormat, a: &Assessment) -> Vec<TotalLine> {
    if format.states_totals() {
        a.totals.clone()
    } else {
        Vec::new()
    }
}

/// The record for an assessed proposal on the norm with `sha256`, placed.
pub fn build_record(
    norm: &Norm,
    sha256: &str,
    p: &Proposal,
    a: &Assessment,
    grant: &Grant,
    place: Placement,
) -> Record {
    // The record lists exactly the questions that applied.
    let applicable = Proposal {
        answers: norm.applicable(&p.answers),
        ..p.clone()
    };
    let p = &applicable;
    let checks = norm
        .checks
        .iter()
        .filter_map(|c| {
            let answer = p.answers.iter().find(|(id, _)| *id == c.id)?.1.clone();
            let unit = match &c.kind {
                CheckKind::Number { unit, .. } => unit.clone(),
                _ => None,
            };
            let answer = match answer {
                Answer::Text(t) => Answer::Text(t.trim().to_owned()),
                Answer::Number(n) => Answer::Number(number::as_stored(n, unit.as_deref())),
                other => other,
            };
            Some(CheckAnswer {
                id: c.id.clone(),
                question: c.question.clone(),
                // Records before format 3 read answers by their TOML type.
                kind: place.format.typed().then(|| c.kind.name().to_owned()),
                answer,
                unit,
            })
        })
        .collect();
    // The evidence asked for in this case, as the questions that applied.
    let evidence = norm
        .evidence
        .iter()
        .filter(|e| norm.holds(&e.when, &p.answers))
        .map(|e| EvidenceItem {
            id: e.id.clone(),
            text: e.text.clone(),
            in_case_file: p.evidence.iter().any(|(id, yes)| *id == e.id && *yes),
        })
        .collect();
    let trim = |s: &str| s.trim().to_owned();
    let m = &p.motivation;
    let format = place.format.as_str();
    let (keyring, adoptions) = match place.under {
        Some(under) => (Some(under.keyring), Some(under.adoptions)),
        None => (None, None),
    };
    Record {
        format: format.into(),
        id: place.id,
        created: place.created,
        decision_date: a.decision_date,
        case: p.case.trim().to_owned(),
        seq: place.seq,
        prev: place.prev,
        keyring,
        adoptions,
        revises_sha256: place.revises.as_ref().map(|r| r.sha256.clone()),
        revises: place.revises.map(|r| r.id),
        extends_sha256: place.extends.as_ref().map(|r| r.sha256.clone()),
        extends: place.extends.map(|r| r.id),
        signature_meaning: a.meaning,
        author: grant.author(),
        norm: NormRef {
            id: norm.id.clone(),
            version: norm.version,
            sha256: sha256.to_owned(),
            title: norm.title.clone(),
            basis: norm.rule.basis.pinned(a.decision_date).to_string(),
            // Records are Dutch legal documents, whatever the interface language.
            basis_label: norm.rule.basis.citation(),
        },
        period: p.period.map(|(start, end)| Period { start, end }),
        mandate: match &a.mandate {
            MandateOutcome::Within { .. } => MandateRecord {
                outcome: RecordedOutcome::Within,
                review_role: None,
            },
            MandateOutcome::NeedsReview { role } => MandateRecord {
                outcome: RecordedOutcome::NeedsReview,
                review_role: Some(role.clone()),
            },
            MandateOutcome::BeyondNorm => MandateRecord {
                outcome: RecordedOutcome::BeyondNorm,
                review_role: None,
            },
        },
        motivation: Motivation {
            circumstances: trim(&m.circumstances),
            consequences: trim(&m.consequences),
            aims: trim(&m.aims),
            disproportionality: trim(&m.disproportionality),
            resident_view: trim(&m.resident_view),
            consulted: trim(&m.consulted),
            expected_effect: trim(&m.expected_effect),
        },
        checks,
        evidence,
        totals: stated_totals(place.format, a),
        award: a.award.clone().filter(|_| place.format.states_totals()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::norm::Unusable;
    use crate::domain::norm::catalog::Catalog;
    use crate::domain::number::Decimal;
    use jiff::civil::date;

    fn norm() -> Norm {
        Catalog::bundled()
            .get("pw-zoektermijn-jongeren")
            .expect("bundled norm")
            .norm
            .clone()
    }

    fn good() -> Proposal {
        let long = "x".repeat(80);
        Proposal {
            earlier: Vec::new(),
            case: "Z-2026-001234".into(),
            decision_date: None,
            period: Some((date(2026, 11, 23), date(2026, 12, 23))),
            answers: vec![
                ("leeftijd-onder-27".into(), Answer::Yes(true)),
                ("acute-nood".into(), Answer::Yes(true)),
                ("netwerk-onderzocht".into(), Answer::Yes(true)),
                ("voorschot".into(), Answer::Number(Decimal::from(450))),
                ("zoekt-actief".into(), Answer::Yes(true)),
                (
                    "afspraken".into(),
                    Answer::Text(
                        "Twee sollicitaties per week en een gesprek bij het leerwerkloket.".into(),
                    ),
                ),
            ],
            evidence: vec![
                ("gespreksverslag".into(), true),
                ("bankafschriften".into(), true),
            ],
            motivation: Motivation {
                circumstances: long.clone(),
                consequences: long.clone(),
                aims: long.clone(),
                disproportionality: long,
                resident_view: "Wil graag werken.".into(),
                consulted: "Jongerenloket".into(),
                expected_effect: "Geen huisuitzetting.".into(),
            },
        }
    }

    const TODAY: Date = date(2026, 11, 23);

    fn window() -> DecisionWindow {
        DecisionWindow::signed_on(TODAY, 31)
    }

    #[track_caller]
    fn refused(p: &Proposal, role: &str) -> Vec<Refusal> {
        assess(&norm(), p, role, window()).expect_err("must be refused")
    }

    #[test]
    fn a_complete_proposal_within_mandate_is_decided_by_its_author() {
        let a = assess(&norm(), &good(), "consulent", window()).unwrap();
        assert_eq!(a.meaning, SignatureMeaning::Decided);
        assert_eq!(a.decision_date, TODAY);
    }

    #[test]
    fn over_the_mandate_it_goes_for_review() {
        let mut p = good();
        p.answers[3].1 = Answer::Number(Decimal::from(900));
        let a = assess(&norm(), &p, "consulent", window()).unwrap();
        assert_eq!(a.meaning, SignatureMeaning::ForReview);
        assert_eq!(
            a.mandate,
            MandateOutcome::NeedsReview {
                role: "teamleider".into()
            }
        );
    }

    #[test]
    fn every_refusal_is_reported_at_once() {
        let mut p = good();
        p.case = "BSN 123456782".into();
        p.answers[1].1 = Answer::Yes(false);
        p.answers.retain(|(id, _)| id != "zoekt-actief");
        p.answers.push(("bestaat-niet".into(), Answer::Yes(true)));
        p.motivation.aims = "kort".into();
        p.motivation.consulted = "zie 1234.56.782".into();
        p.period = Some((date(2026, 11, 23), date(2027, 3, 1)));
        let r = refused(&p, "consulent");
        assert_eq!(
            r,
            vec![
                Refusal::CaseIsBsn,
                Refusal::UnknownCheck { id: "bestaat-niet".into() },
                Refusal::ConditionNotMet {
                    check: "acute-nood".into(),
                    question: "Is er sprake van acute financiële nood (geen geld voor huur, energie of eten)?".into()
                },
                Refusal::MissingAnswer { check: "zoekt-actief".into() },
                Refusal::TooShort { field: "motivation.aims".into(), min: 80, len: 4 },
                Refusal::BsnInText { field: "motivation.consulted".into() },
                Refusal::PeriodTooLong { max: "P3M".into() },
            ]
        );
    }

    #[test]
    fn unusable_norms_and_amounts_beyond_every_tier_are_refused() {
        let p = good();
        assert_eq!(
            assess(
                &norm(),
                &p,
                "consulent",
                DecisionWindow::signed_on(date(2028, 1, 1), 31)
            )
            .unwrap_err(),
            vec![Refusal::NormUnusable(Unusable::Expired {
                until: date(2027, 12, 31)
            })]
        );
        let mut over = good();
        over.answers[3].1 = Answer::Number(Decimal::from(1500));
        // 1500 is within the check's range and the teamleider's limit...
        assert!(assess(&norm(), &over, "consulent", window()).is_ok());
        // ...but a norm whose top tier has a limit can be exceeded.
        let mut capped = norm();
        capped.mandate.tiers.truncate(1);
        assert_eq!(
            assess(&capped, &over, "consulent", window()).unwrap_err(),
            vec![Refusal::BeyondNorm]
        );
    }

    #[test]
    fn wrong_types_ranges_and_periods() {
        let mut p = good();
        p.answers[0].1 = Answer::Text("ja".into());
        p.answers[3].1 = Answer::Number(Decimal::from(-1));
        p.period = Some((date(2026, 11, 23), date(2026, 11, 23)));
        assert_eq!(
            refused(&p, "consulent"),
            vec![
                Refusal::WrongAnswerType {
                    check: "leeftijd-onder-27".into(),
                    kind: "confirm"
                },
                Refusal::OutOfRange {
                    check: "voorschot".into(),
                    min: Some(Decimal::ZERO),
                    max: Some(Decimal::from(1500)),
                    unit: Some("EUR".into()),
                },
                Refusal::EndNotAfterStart,
            ]
        );
        p.period = None;
        assert!(refused(&p, "consulent").contains(&Refusal::PeriodMissing));
        p.evidence.clear();
        assert!(
            refused(&p, "consulent").contains(&Refusal::EvidenceMissing {
                id: "bankafschriften".into()
            })
        );
    }

    #[test]
    fn the_decision_date_lies_within_the_stores_window() {
        let mut p = good();
        p.decision_date = Some(date(2026, 11, 24));
        assert_eq!(
            refused(&p, "consulent"),
            [Refusal::DecisionDateInFuture {
                date: date(2026, 11, 24)
            }]
        );
        p.decision_date = Some(date(2026, 10, 22));
        assert_eq!(
            refused(&p, "consulent"),
            [Refusal::DecisionDateTooOld {
                date: date(2026, 10, 22),
                earliest: date(2026, 10, 23)
            }]
        );
        p.decision_date = Some(date(2026, 10, 23));
        assert!(assess(&norm(), &p, "consulent", window()).is_ok());
    }

    #[test]
    fn a_bsn_given_as_an_amount_is_refused() {
        let mut p = good();
        p.answers[3].1 = Answer::Number(Decimal::from(123_456_782));
        assert!(refused(&p, "consulent").contains(&Refusal::BsnInText {
            field: "answers.voorschot".into()
        }));
    }

    #[test]
    fn case_references() {
        for ok in ["Z-2026-001234", "zaak 17/123", "WMO.2026.55"] {
            assert!(is_case_reference(ok), "{ok}");
        }
        assert!(!is_case_reference(""));
        assert!(!is_case_reference("a\nb"));
        assert!(!is_case_reference("\u{200B}"), "nothing that shows");
        assert!(!is_case_reference("Z-2026\u{200B}-1"));
        assert!(!is_case_reference("--"), "no letter or digit");
        assert!(!is_case_reference(&"x".repeat(65)));
    }

    #[test]
    fn case_references_in_plain_characters_only() {
        assert_eq!(unplain_case("MR-2026-000093"), None);
        assert_eq!(unplain_case("zaak 17/123 (WMO)"), None);
        // A Cyrillic М looks like a Latin M and is another letter.
        assert_eq!(unplain_case("\u{041C}R-2026-000093"), Some(None));
        assert_eq!(unplain_case("Zaak-Ré"), Some(None));
        // Full-width digits and a word processor's dash fold back.
        assert_eq!(
            unplain_case("MR\u{2013}2026\u{2013}\u{FF10}\u{FF10}\u{FF19}3"),
            Some(Some("MR-2026-0093".into()))
        );
        let mut refusals = Vec::new();
        check_case("\u{041C}R-2026-1", &mut refusals);
        assert_eq!(
            refusals,
            [Refusal::CaseNotPlain {
                suggestion: None,
                first: (1, '\u{41C}')
            }]
        );
        assert_eq!(first_unplain("MR-2026-\u{FF10}1"), Some((9, '\u{FF10}')));
    }
}
