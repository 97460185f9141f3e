//! What is due: a decision in force whose norm asks to re-assess it after
//! a time (`review_after`), and a departure whose period ends soon. For
//! `maatwerk due`, so nothing runs out unnoticed.

use jiff::civil::Date;
use serde::Serialize;

use super::duration::CalendarDuration;
use super::lifecycle::{Life, Status};
use super::norm::Norm;
use super::record::Record;

/// What falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DueKind {
    /// The norm's `review_after` has passed, or will within the window.
    Reassess,
    /// The last day of the departure's period lies within the window.
    PeriodEnds,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub kind: DueKind,
    /// The day it falls due: the re-assessment date, or the period's last
    /// day.
    pub on: Date,
}

/// What falls due for `record` (whose life is `life`, relying on `norm`)
/// on or before `until`, seen on `today`. Only decisions in force count.
pub fn due(
    record: &Record,
    norm: Option<&Norm>,
    life: &Life,
    today: Date,
    until: Date,
) -> Vec<Due> {
    if !matches!(life.status, Status::Decided | Status::Approved) {
        return Vec::new();
    }
    let mut out = Vec::new();
    if let Some(on) = norm
        .and_then(|n| n.review_after)
        .and_then(|after| after.end_from(record.decision_date))
        .filter(|on| *on <= until)
    {
        out.push(Due {
            kind: DueKind::Reassess,
            on,
        });
    }
    if let Some(last) = record
        .period
        .and_then(|p| p.end.yesterday().ok())
        .filter(|last| (today..=until).contains(last))
    {
        out.push(Due {
            kind: DueKind::PeriodEnds,
            on: last,
        });
    }
    out
}

/// The last day of a window of `within` from `today`.
pub fn window_end(today: Date, within: CalendarDuration) -> Date {
    within.end_from(today).unwrap_or(today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::norm::catalog::Catalog;
    use jiff::civil::date;

    fn life(status: Status) -> Life {
        Life {
            status,
            waiting_for: None,
            norm_revised: false,
        }
    }

    #[test]
    fn a_reassessment_and_a_period_ending_fall_due_in_the_window() {
        // Jeugdhulp na 18: re-assess after three months.
        let norm = Catalog::bundled()
            .get("jw-jeugdhulp-na-18")
            .expect("bundled")
            .norm
            .clone();
        let mut record = crate::domain::testing::record_on(&norm, "anna", "consulent", 0.0);
        record.decision_date = date(2026, 9, 1);
        record.period = Some(crate::domain::record::Period {
            start: date(2026, 9, 1),
            end: date(2027, 1, 1),
        });
        let today = date(2026, 12, 4);
        let found = due(
            &record,
            Some(&norm),
            &life(Status::Decided),
            today,
            date(2027, 1, 3),
        );
        assert_eq!(
            found,
            [
                Due {
                    kind: DueKind::Reassess,
                    on: date(2026, 12, 1)
                },
                Due {
                    kind: DueKind::PeriodEnds,
                    on: date(2026, 12, 31)
                }
            ]
        );
        assert_eq!(
            due(
                &record,
                Some(&norm),
                &life(Status::Decided),
                today,
                date(2026, 12, 10)
            )
            .len(),
            1,
            "the period ends after the window"
        );
        for status in [Status::Withdrawn, Status::ForReview, Status::Superseded] {
            assert!(due(&record, Some(&norm), &life(status), today, date(2027, 1, 3)).is_empty());
        }
    }
}
