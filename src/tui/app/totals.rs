//! The norm's totals over several decisions in the walkthrough: the host
//! counts what earlier decisions in the store came to once the case and
//! the decision date are known, and again when either changes; the
//! checklist says where each total stands and the sign screen previews
//! the record as it will be signed.

use jiff::Timestamp;
use jiff::civil::Date;

use super::{App, Screen};
use crate::domain::number::Decimal;
use crate::domain::store::Earlier;
use crate::domain::totals::case_key;
use crate::tui::checklist::SoFar;

/// What a count of earlier decisions depends on: the norm (as adopted),
/// the case as the store compares it, and the decision date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counting {
    pub norm: String,
    pub case: String,
    pub on: Date,
    /// Decisions signed before this moment count.
    pub at: Timestamp,
}

impl Counting {
    fn same(&self, other: &Self) -> bool {
        (&self.norm, &self.case, self.on) == (&other.norm, &other.case, other.on)
    }
}

impl App {
    /// The count the host must make before the next screen is drawn:
    /// when the norm has totals, the case and date are known, and what
    /// was counted was for another norm, case or date.
    pub fn wanted_count(&self) -> Option<Counting> {
        let loaded = self.loaded()?;
        if loaded.norm.totals.is_empty() || self.draft.case.trim().is_empty() {
            return None;
        }
        if !matches!(
            self.screen,
            Screen::Checklist(_) | Screen::Motivation(_) | Screen::Sign(_)
        ) {
            return None;
        }
        let wanted = Counting {
            norm: loaded.sha256().as_str().to_owned(),
            case: case_key(&self.draft.case),
            on: self.draft.decision_date?,
            at: self
                .record
                .as_ref()
                .map_or_else(|| self.clock.now(), |r| r.1),
        };
        match &self.earlier {
            Some((counted, _)) if counted.same(&wanted) => None,
            _ => Some(wanted),
        }
    }

    /// The host's count for `counting`: kept, and the screen in view told.
    /// A store that cannot be read is said above the screen; signing will
    /// say it again.
    pub fn counted(&mut self, counting: Counting, result: Result<Vec<Earlier>, String>) {
        let earlier = match result {
            Ok(earlier) => earlier,
            Err(problem) => {
                self.notice = Some(problem);
                Vec::new()
            }
        };
        self.earlier = Some((counting, earlier));
        let so_far = self.so_far();
        match &mut self.screen {
            Screen::Checklist(list) => list.set_totals(so_far),
            Screen::Sign(_) => {
                if let Some((id, at)) = self.record.clone() {
                    let assessed = self.assess(&id, at);
                    if let Screen::Sign(s) = &mut self.screen {
                        s.reassess(assessed);
                    }
                }
            }
            _ => {}
        }
    }

    /// What earlier decisions came to per total, for the decision as
    /// drafted now: nothing until the host has counted for this norm,
    /// case and date.
    pub(super) fn earlier_amounts(&self) -> Vec<(String, Decimal)> {
        self.counted_now()
            .map(|e| e.iter().map(|e| (e.total.clone(), e.amount)).collect())
            .unwrap_or_default()
    }

    /// Where each of the norm's totals stands, for the checklist.
    pub(super) fn so_far(&self) -> Vec<SoFar> {
        let (Some(loaded), Some(on), Some(earlier)) =
            (self.loaded(), self.draft.decision_date, self.counted_now())
        else {
            return Vec::new();
        };
        loaded
            .norm
            .totals
            .iter()
            .map(|total| SoFar {
                total: total.clone(),
                earlier: earlier
                    .iter()
                    .find(|e| e.total == total.id)
                    .map_or(Decimal::ZERO, |e| e.amount),
                on,
            })
            .collect()
    }

    fn counted_now(&self) -> Option<&[Earlier]> {
        let (counted, earlier) = self.earlier.as_ref()?;
        let loaded = self.loaded()?;
        let current = (
            loaded.sha256().as_str(),
            case_key(&self.draft.case),
            self.draft.decision_date?,
        );
        (current == (counted.norm.as_str(), counted.case.clone(), counted.on))
            .then_some(earlier.as_slice())
    }
}
