//! The screen of each step, made from the draft and what the walkthrough
//! knows: the norms, the signatory, today.

use jiff::Timestamp;

use super::{App, Screen};
use crate::domain::norm::MandateOutcome;
use crate::domain::norm::Unusable;
use crate::domain::ops;
use crate::domain::store::files::new_id;
use crate::tui::case::{CaseData, CaseForm};
use crate::tui::checklist::Checklist;
use crate::tui::motivation::MotivationForm;
use crate::tui::picker::Picker;
use crate::tui::sign::{Assessed, SignScreen};

impl App {
    pub(super) fn picker_screen(&self) -> Screen {
        let adopted = self.catalog.norms().iter().map(|n| {
            let usable = match &self.signatory {
                Some(s) => s
                    .state
                    .adoptions
                    .for_decision(n.sha256().as_str(), self.today, None)
                    .map(|_| ()),
                None => Err(Unusable::NotAdopted),
            };
            (n.norm.clone(), usable)
        });
        let unadopted = self
            .unadopted
            .iter()
            .filter(|n| self.catalog.get(&n.id).is_none())
            .map(|n| {
                // Its own reason first: a concept or withdrawn norm cannot
                // be adopted either.
                let why = n
                    .usability(self.today)
                    .err()
                    .unwrap_or(Unusable::NotAdopted);
                (n.clone(), Err(why))
            });
        Screen::Picker(Picker::new(self.lang, adopted.chain(unadopted).collect()))
    }

    pub(super) fn case_screen(&self) -> Screen {
        let max = self.loaded().and_then(|n| n.norm.max_duration);
        let data = self.draft.decision_date.map(|decision_date| CaseData {
            case: self.draft.case.clone(),
            decision_date,
            period: self.draft.period_start.zip(self.draft.period_end),
        });
        let one_year = self
            .loaded()
            .is_some_and(|n| n.norm.period_in_calendar_year);
        let mut form =
            CaseForm::new(self.lang, self.today, max, data.as_ref()).within_calendar_year(one_year);
        if let (Some(so_far), Some(n), Some(_)) =
            (self.extension, self.loaded(), &self.draft.extends)
        {
            let note = self.lang.extension_so_far(so_far, &n.norm);
            form = form.extending(note, so_far.limit(&n.norm));
        }
        Screen::Case(match (self.loaded(), &self.signatory) {
            (Some(n), Some(s)) => form
                .with_mandate(n.norm.mandate.clone(), &s.grant.role)
                .dated_from(s.state.window(self.today).earliest),
            _ => form,
        })
    }

    pub(super) fn checklist_screen(&self) -> Screen {
        match (self.loaded(), &self.signatory) {
            (Some(n), Some(s)) => Screen::Checklist(
                Checklist::new(
                    self.lang,
                    &n.norm,
                    &self.draft.proposal().answers,
                    &s.grant.role,
                    self.draft.period_start.zip(self.draft.period_end),
                )
                .with_totals(self.so_far())
                .deciding_on(self.draft.decision_date),
            ),
            _ => self.picker_screen(),
        }
    }

    pub(super) fn motivation_screen(&self) -> Screen {
        match self.loaded() {
            Some(n) => Screen::Motivation(MotivationForm::new(
                self.lang,
                &n.norm,
                &self.draft.motivation,
            )),
            None => self.picker_screen(),
        }
    }

    pub(super) fn sign_screen(&mut self) -> Screen {
        let at = self.clock.now();
        let id = new_id("MW", at);
        let assessed = self.assess(&id, at);
        self.record = Some((id, at));
        match (self.loaded(), &self.signatory) {
            (Some(n), Some(s)) => Screen::Sign(Box::new(SignScreen::new(
                self.lang,
                asked_for(&n.norm, &self.draft.proposal().answers),
                &self.draft.evidence,
                s.needs_passphrase,
                assessed,
                self.clock.time_zone().clone(),
            ))),
            _ => self.picker_screen(),
        }
    }

    /// The decision as it stands: its mandaat outcome and the record it
    /// becomes, or why it cannot be signed yet.
    pub(super) fn assess(&self, id: &str, at: Timestamp) -> Assessed {
        let (Some(loaded), Some(signatory)) = (self.loaded(), &self.signatory) else {
            return Assessed {
                result: Err(Vec::new()),
                preview: String::new(),
                record: None,
                why: Vec::new(),
            };
        };
        let mut proposal = self.draft.proposal();
        proposal.earlier = self.earlier_amounts();
        match ops::record::prepare(
            loaded,
            &proposal,
            &signatory.grant,
            self.today,
            &signatory.state,
        ) {
            Ok(prepared) => {
                // A revision names the record it revises, as the host
                // will sign it.
                let prepared = match (&self.draft.revises, &self.draft.extends) {
                    (Some(revised), _) => prepared.revising(revised.clone()),
                    (None, Some(extended)) => prepared.extending(extended.clone()),
                    (None, None) => prepared,
                };
                let record = prepared.draw_up(
                    (id.to_owned(), at),
                    signatory.next_seq,
                    signatory.prev.clone(),
                );
                let mandate = prepared.assessment().mandate.clone();
                let why = match mandate {
                    MandateOutcome::NeedsReview { .. } => self
                        .lang
                        .why_review(&record, &record.exceeded(&loaded.norm)),
                    _ => Vec::new(),
                };
                Assessed {
                    result: Ok(mandate),
                    preview: record.to_toml().unwrap_or_default(),
                    record: Some(record),
                    why,
                }
            }
            Err(refusals) => Assessed {
                result: Err(refusals),
                preview: String::new(),
                record: None,
                why: Vec::new(),
            },
        }
    }
}

/// `norm` with only the evidence asked for with these answers (its `when`
/// holds): what the sign screen lists.
fn asked_for(
    norm: &crate::domain::norm::Norm,
    answers: &[(String, crate::domain::record::Answer)],
) -> crate::domain::norm::Norm {
    let mut norm = norm.clone();
    let applicable = norm.applicable(answers);
    let asked: Vec<_> = norm
        .evidence
        .iter()
        .filter(|e| norm.holds(&e.when, &applicable))
        .cloned()
        .collect();
    norm.evidence = asked;
    norm
}
