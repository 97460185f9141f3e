//! Extensions: a decision whose period is over, or nearly, continued by a
//! new decision on the same norm for the same case, its period following
//! on. The norm may cap how often (`max_extensions`) and how long all of
//! them together may run (`max_total_duration`, counted from the first
//! day of the first decision). Judged when the extension is written and
//! again by `verify`.

use jiff::civil::Date;

use super::duration::CalendarDuration;
use super::lifecycle::Status;
use super::norm::Norm;
use super::record::Record;

/// Why a decision may not extend another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExtensionProblem {
    /// The decision extended was not in force (for review, returned,
    /// rejected, withdrawn, superseded).
    NotInForce(Status),
    OtherCase,
    OtherNorm,
    /// One of the two has no period to follow on.
    NoPeriod,
    /// The period does not start the day after the extended one ends.
    NotContiguous {
        expected: Date,
    },
    /// More extensions than the norm allows.
    TooManyExtensions {
        max: u32,
    },
    /// All periods together run longer than the norm allows: the last day
    /// that may still be covered.
    TotalTooLong {
        max: CalendarDuration,
        last: Date,
    },
}

impl ExtensionProblem {
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotInForce(_) => "extension-of-decision-not-in-force",
            Self::OtherCase => "extension-other-case",
            Self::OtherNorm => "extension-other-norm",
            Self::NoPeriod => "extension-without-period",
            Self::NotContiguous { .. } => "extension-not-contiguous",
            Self::TooManyExtensions { .. } => "too-many-extensions",
            Self::TotalTooLong { .. } => "total-duration-too-long",
        }
    }
}

/// The chain of decisions `target` continues, oldest first, ending with
/// `target`: followed through `extends` as far as `find` knows the records
/// (and never round in a circle).
pub fn chain<'a>(target: &'a Record, find: impl Fn(&str) -> Option<&'a Record>) -> Vec<&'a Record> {
    let mut chain = vec![target];
    let mut at = target;
    while let Some(earlier) = at.extends.as_deref().and_then(&find) {
        if chain.iter().any(|r| r.id == earlier.id) || chain.len() > 1000 {
            break;
        }
        chain.push(earlier);
        at = earlier;
    }
    chain.reverse();
    chain
}

/// Every reason a decision for `case` on `norm` over `period` may not
/// extend the last decision of `chain`, whose status is `status`.
pub fn check(
    (case, norm, period): (&str, &Norm, Option<(Date, Date)>),
    chain: &[&Record],
    status: Status,
) -> Vec<ExtensionProblem> {
    let mut problems = Vec::new();
    let (Some(first), Some(target)) = (chain.first(), chain.last()) else {
        return problems;
    };
    if !matches!(status, Status::Decided | Status::Approved | Status::Expired) {
        problems.push(ExtensionProblem::NotInForce(status));
    }
    if case.trim() != target.case {
        problems.push(ExtensionProblem::OtherCase);
    }
    if norm.id != target.norm.id {
        problems.push(ExtensionProblem::OtherNorm);
    }
    let (Some((start, end)), Some(before), Some(origin)) = (period, target.period, first.period)
    else {
        problems.push(ExtensionProblem::NoPeriod);
        return problems;
    };
    if start != before.end {
        problems.push(ExtensionProblem::NotContiguous {
            expected: before.end,
        });
    }
    let extensions = u32::try_from(chain.len()).unwrap_or(u32::MAX);
    if let Some(max) = norm.max_extensions
        && extensions > max
    {
        problems.push(ExtensionProblem::TooManyExtensions { max });
    }
    if let Some(max) = norm.max_total_duration
        && let Some(limit) = max.end_from(origin.start)
        && end > limit
    {
        problems.push(ExtensionProblem::TotalTooLong {
            max,
            last: limit.yesterday().unwrap_or(limit),
        });
    }
    problems
}

/// How far a chain of decisions has gone, for the extension that would
/// follow it: the first day of the first decision, how many extensions
/// the next one makes, and the first day it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SoFar {
    pub origin: Date,
    /// The number the next extension gets: 1 for the first.
    pub number: u32,
    pub next: Date,
}

impl SoFar {
    /// Of `chain` (oldest first), when its first and last decisions have
    /// a period.
    pub fn of(chain: &[&Record]) -> Option<Self> {
        let origin = chain.first()?.period?.start;
        let next = chain.last()?.period?.end;
        Some(Self {
            origin,
            number: u32::try_from(chain.len()).unwrap_or(u32::MAX),
            next,
        })
    }

    /// The time covered so far, from the first day up to the next, in
    /// the units of `like` (the norm's limit) where there is one.
    pub fn used(self, like: Option<CalendarDuration>) -> Option<CalendarDuration> {
        match like {
            Some(like) => CalendarDuration::between_like(self.origin, self.next, like),
            None => CalendarDuration::between(self.origin, self.next),
        }
    }

    /// The first day `norm`'s `max_total_duration` no longer covers.
    pub fn limit(self, norm: &Norm) -> Option<Date> {
        norm.max_total_duration?.end_from(self.origin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::duration::DurationUnit;
    use crate::domain::norm::catalog::Catalog;
    use crate::domain::record::Period;
    use jiff::civil::date;

    fn norm() -> Norm {
        let mut norm = Catalog::bundled()
            .get("jw-jeugdhulp-na-18")
            .expect("bundled")
            .norm
            .clone();
        norm.max_extensions = Some(2);
        norm.max_total_duration = CalendarDuration::parse_iso("P12M").ok();
        norm
    }

    fn decision(id: &str, start: Date, end: Date, extends: Option<&str>) -> Record {
        let mut r = crate::domain::testing::record_on(&norm(), "anna", "consulent", 0.0);
        r.id = id.into();
        r.period = Some(Period { start, end });
        r.extends = extends.map(str::to_owned);
        r
    }

    #[test]
    fn a_chain_says_how_far_it_has_gone() {
        let a = decision("A", date(2025, 1, 1), date(2025, 7, 1), None);
        let b = decision("B", date(2025, 7, 1), date(2026, 9, 1), Some("A"));
        let so_far = SoFar::of(&[&a, &b]).unwrap();
        assert_eq!(
            so_far,
            SoFar {
                origin: date(2025, 1, 1),
                number: 2,
                next: date(2026, 9, 1)
            }
        );
        let parts = |d: Option<CalendarDuration>| d.map(|d| d.parts().collect::<Vec<_>>());
        assert_eq!(
            parts(so_far.used(None)),
            Some(vec![(1, DurationUnit::Year), (8, DurationUnit::Month)])
        );
        let months = CalendarDuration::parse_iso("P24M").ok();
        assert_eq!(
            parts(so_far.used(months)),
            Some(vec![(20, DurationUnit::Month)])
        );
        assert_eq!(so_far.limit(&norm()), Some(date(2026, 1, 1)));
        let mut without = a.clone();
        without.period = None;
        assert_eq!(SoFar::of(&[&without]), None);
    }

    #[test]
    fn an_extension_follows_on_within_the_norms_limits() {
        let a = decision("A", date(2026, 1, 1), date(2026, 7, 1), None);
        let b = decision("B", date(2026, 7, 1), date(2026, 10, 1), Some("A"));
        let all = [&a, &b];
        let find = |id: &str| all.iter().copied().find(|r| r.id == id);
        let chain = chain(&b, find);
        assert_eq!(
            chain.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["A", "B"]
        );
        let n = norm();
        let new = |start, end| (a.case.as_str(), &n, Some((start, end)));
        assert_eq!(
            check(
                new(date(2026, 10, 1), date(2027, 1, 1)),
                &chain,
                Status::Decided
            ),
            []
        );
        assert_eq!(
            check(
                new(date(2026, 10, 2), date(2027, 1, 1)),
                &chain,
                Status::Expired
            ),
            [ExtensionProblem::NotContiguous {
                expected: date(2026, 10, 1)
            }]
        );
        assert_eq!(
            check(
                new(date(2026, 10, 1), date(2027, 1, 2)),
                &chain,
                Status::Decided
            ),
            [ExtensionProblem::TotalTooLong {
                max: CalendarDuration::parse_iso("P12M").unwrap(),
                last: date(2026, 12, 31)
            }]
        );
        let c = decision("C", date(2026, 10, 1), date(2026, 11, 1), Some("B"));
        let all = [&a, &b, &c];
        let find = |id: &str| all.iter().copied().find(|r| r.id == id);
        let longer = super::chain(&c, find);
        assert_eq!(
            check(
                new(date(2026, 11, 1), date(2026, 12, 1)),
                &longer,
                Status::Decided
            ),
            [ExtensionProblem::TooManyExtensions { max: 2 }]
        );
        assert_eq!(
            check(
                new(date(2026, 10, 1), date(2026, 12, 1)),
                &chain,
                Status::Withdrawn
            ),
            [ExtensionProblem::NotInForce(Status::Withdrawn)]
        );
    }

    #[test]
    fn a_circle_of_extensions_ends() {
        let a = decision("A", date(2026, 1, 1), date(2026, 2, 1), Some("B"));
        let b = decision("B", date(2026, 2, 1), date(2026, 3, 1), Some("A"));
        let all = [&a, &b];
        let find = |id: &str| all.iter().copied().find(|r| r.id == id);
        assert_eq!(chain(&b, find).len(), 2);
    }
}
