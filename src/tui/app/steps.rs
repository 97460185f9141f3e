//! The update of each step of the walkthrough: what a screen's outcome
//! does to the draft, and which screen comes next.

use super::{App, Effect, Screen};
use crate::domain::draft::{DraftNorm, Step};
use crate::tui::case;
use crate::tui::checklist;
use crate::tui::drafts;
use crate::tui::motivation;
use crate::tui::picker;
use crate::tui::sign;
use crate::tui::signal::{self, SignalForm};

impl App {
    pub(super) fn picker(&mut self, m: picker::Msg) -> Vec<Effect> {
        let Screen::Picker(p) = &mut self.screen else {
            return Vec::new();
        };
        match p.update(m) {
            Some(picker::Outcome::Chosen(id)) => {
                let Some(loaded) = self.catalog.get(&id) else {
                    return Vec::new();
                };
                // The same norm again (also after "another norm"): the
                // answers given stay.
                let same = self.draft.norm.as_ref().is_some_and(|n| n.id == id)
                    || self.left_norm.as_deref() == Some(id.as_str());
                self.left_norm = None;
                self.draft.norm = Some(DraftNorm::of(loaded));
                if !same {
                    self.draft.answers.clear();
                }
                let screen = self.case_screen();
                self.go(Step::Case, screen)
            }
            Some(picker::Outcome::Back) if self.has_input() => {
                self.leaving = true;
                Vec::new()
            }
            Some(picker::Outcome::Back) => vec![Effect::Quit],
            // Said above the screen, where the eye is after Enter.
            Some(picker::Outcome::Unusable(why)) => {
                self.notice = Some(why);
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    pub(super) fn choose_draft(&mut self, m: drafts::Msg) -> Vec<Effect> {
        let Screen::Drafts(choice) = &mut self.screen else {
            return Vec::new();
        };
        match choice.update(m) {
            Some(drafts::Outcome::GoOn(draft)) => {
                self.draft = *draft;
                self.notice = self
                    .draft
                    .catch_up(&self.catalog)
                    .map(|(then, now)| self.lang.draft_norm_changed_resume(then, now));
                self.screen = self.picker_screen();
                self.resume();
            }
            Some(drafts::Outcome::New) => self.screen = self.picker_screen(),
            None => {}
        }
        Vec::new()
    }

    pub(super) fn case(&mut self, m: case::Msg) -> Vec<Effect> {
        let Screen::Case(f) = &mut self.screen else {
            return Vec::new();
        };
        match f.update(m) {
            Some(case::Outcome::Done(data)) => {
                self.draft.case = data.case;
                self.draft.decision_date = Some(data.decision_date);
                (self.draft.period_start, self.draft.period_end) = data.period.unzip();
                let screen = self.checklist_screen();
                self.go(Step::Checklist, screen)
            }
            Some(case::Outcome::Back) => {
                let screen = self.picker_screen();
                self.go(Step::Norm, screen)
            }
            None => Vec::new(),
        }
    }

    pub(super) fn checklist(&mut self, m: checklist::Msg) -> Vec<Effect> {
        let Screen::Checklist(c) = &mut self.screen else {
            return Vec::new();
        };
        let outcome = c.update(m);
        let answered = c.answered();
        match outcome {
            Some(checklist::Outcome::Done(answers)) => {
                self.set_answers(answers);
                let screen = self.motivation_screen();
                self.go(Step::Motivation, screen)
            }
            Some(checklist::Outcome::Back) => {
                self.set_answers(answered);
                let screen = self.case_screen();
                self.go(Step::Case, screen)
            }
            Some(checklist::Outcome::OtherNorm) => {
                self.set_answers(answered);
                self.left_norm = self.draft.norm.take().map(|n| n.id);
                let screen = self.picker_screen();
                self.go(Step::Norm, screen)
            }
            Some(checklist::Outcome::Signal { check }) => {
                self.set_answers(answered);
                let question = self
                    .loaded()
                    .and_then(|n| n.norm.check(&check))
                    .map(|c| c.question.clone())
                    .unwrap_or_default();
                let needs_passphrase = self.signatory.as_ref().is_some_and(|s| s.needs_passphrase);
                self.screen = Screen::Signal(
                    SignalForm::new(self.lang, &self.draft.case, &question, needs_passphrase),
                    Some(check),
                );
                vec![Effect::SaveDraft]
            }
            None => Vec::new(),
        }
    }

    pub(super) fn motivation(&mut self, m: motivation::Msg) -> Vec<Effect> {
        let Screen::Motivation(f) = &mut self.screen else {
            return Vec::new();
        };
        let outcome = f.update(m);
        let current = f.motivation();
        match outcome {
            Some(motivation::Outcome::Done(text)) => {
                self.draft.motivation = text;
                let screen = self.sign_screen();
                self.go(Step::Review, screen)
            }
            Some(motivation::Outcome::Back) => {
                self.draft.motivation = current;
                // Back to the last question, the one just left.
                let mut screen = self.checklist_screen();
                if let Screen::Checklist(list) = &mut screen {
                    list.open_last();
                }
                self.go(Step::Checklist, screen)
            }
            None => Vec::new(),
        }
    }

    pub(super) fn sign(&mut self, m: sign::Msg) -> Vec<Effect> {
        let Screen::Sign(s) = &mut self.screen else {
            return Vec::new();
        };
        match s.update(m) {
            Some(sign::Outcome::Sign(passphrase)) => match &self.record {
                Some((record_id, at)) => vec![Effect::Sign {
                    record_id: record_id.clone(),
                    at: *at,
                    passphrase,
                }],
                None => Vec::new(),
            },
            Some(sign::Outcome::Back) => {
                let screen = self.motivation_screen();
                self.go(Step::Motivation, screen)
            }
            Some(sign::Outcome::Evidence(confirmed)) => {
                self.draft.evidence = confirmed;
                let Some((id, at)) = &self.record else {
                    return Vec::new();
                };
                let assessed = self.assess(id, *at);
                if let Screen::Sign(s) = &mut self.screen {
                    s.reassess(assessed);
                }
                vec![Effect::SaveDraft]
            }
            None => Vec::new(),
        }
    }

    pub(super) fn signal(&mut self, m: signal::Msg) -> Vec<Effect> {
        let Screen::Signal(f, check) = &mut self.screen else {
            return Vec::new();
        };
        let check = check.clone();
        match f.update(m) {
            Some(signal::Outcome::Send { text, passphrase }) => vec![Effect::LogSignal {
                check,
                text,
                passphrase,
            }],
            Some(signal::Outcome::Back) => {
                self.screen = self.checklist_screen();
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    /// The record was signed (or not): show the id, or why not.
    pub fn signed(&mut self, result: Result<String, String>) {
        match result {
            Ok(id) => {
                if let Screen::Sign(s) = &self.screen {
                    self.waiting_for = s.review_role().map(str::to_owned);
                }
                self.nobody_reviews = self.waiting_for.as_deref().is_some_and(|role| {
                    let (Some(norm), Some(s)) = (self.loaded(), &self.signatory) else {
                        return false;
                    };
                    !s.state.keyring.has_reviewer(
                        &norm.norm.mandate,
                        role,
                        &s.grant.principal,
                        self.clock.now(),
                    )
                });
                self.screen = Screen::Done { id, signal: false };
            }
            Err(e) => {
                if let Screen::Sign(s) = &mut self.screen {
                    s.error = Some(e);
                }
            }
        }
    }

    pub fn signal_logged(&mut self, result: Result<String, String>) {
        match result {
            Ok(id) => self.screen = Screen::Done { id, signal: true },
            Err(e) => {
                if let Screen::Signal(f, _) = &mut self.screen {
                    f.error = Some(e);
                }
            }
        }
    }
}
