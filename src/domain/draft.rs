//! Drafts: a walkthrough not yet signed, saved on every step so nothing
//! typed is lost.
//!
//! Drafts live in the user's own data directory, not in the store: they are
//! working copies, never signed, never exported, never synced. A draft
//! remembers the sha256 of the norm file it was started on, so resuming it
//! after the norm changed says so.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::bsn::{is_bsn_number, redact};
use super::decision::Proposal;
use super::norm::catalog::{Catalog, LoadedNorm};
use super::record::{Answer, Motivation, wire};
use super::store::files::{TEMP_PREFIX, make_dirs, new_id, private, restrict_dir, sync_dir};

/// Drafts written now: with the place within the step and what was typed
/// there. Drafts of format 1 read as well.
pub const DRAFT_FORMAT: &str = "maatwerk-draft/2";

/// Where in the walkthrough the caseworker was, in walkthrough order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    Norm,
    Case,
    Checklist,
    Motivation,
    Review,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub format: String,
    pub id: String,
    pub created: Timestamp,
    pub updated: Timestamp,
    pub step: Step,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub norm: Option<DraftNorm>,
    #[serde(default)]
    pub case: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_start: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end: Option<Date>,
    #[serde(default)]
    pub answers: Vec<DraftAnswer>,
    #[serde(default)]
    pub evidence: Vec<String>,
    #[serde(default)]
    pub motivation: Motivation,
    /// The returned record this draft revises.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revises: Option<crate::domain::review::RecordRef>,
    /// The decision this draft extends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<crate::domain::review::RecordRef>,
    /// Where within the step the caseworker was: the field of the case
    /// screen, the question of the checklist, the part of the motivation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<usize>,
    /// The case screen's fields as typed, also where they do not read as
    /// a case reference or a date yet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub typed: Vec<String>,
}

/// The norm a draft was started on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftNorm {
    pub id: String,
    pub version: u32,
    pub sha256: String,
}

impl DraftNorm {
    pub fn of(norm: &LoadedNorm) -> Self {
        Self {
            id: norm.norm.id.clone(),
            version: norm.norm.version,
            sha256: norm.sha256().to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "WireAnswer", into = "WireAnswer")]
pub struct DraftAnswer {
    pub check: String,
    pub answer: Answer,
}

/// A draft's answer as written: with the kind of its answer, so a number
/// stays exact (`answer = "850.50"`). Drafts of release 0.3 and before
/// have no kind and read by TOML type.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireAnswer {
    check: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kind: Option<String>,
    answer: wire::Value,
}

impl TryFrom<WireAnswer> for DraftAnswer {
    type Error = String;

    fn try_from(w: WireAnswer) -> Result<Self, String> {
        Ok(Self {
            answer: wire::read(w.kind.as_deref(), w.answer)
                .map_err(|e| format!("answer to `{}`: {e}", w.check))?,
            check: w.check,
        })
    }
}

impl From<DraftAnswer> for WireAnswer {
    fn from(a: DraftAnswer) -> Self {
        Self {
            kind: Some(a.answer.kind_name().to_owned()),
            answer: wire::write(&a.answer, true),
            check: a.check,
        }
    }
}

/// How a draft's norm compares with the norms in use now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NormState {
    /// No norm chosen yet.
    None,
    Unchanged,
    /// The norm file changed since the draft was started (new version or
    /// edited bytes): answers must be checked again.
    Changed {
        then: u32,
        now: u32,
    },
    /// The norm is no longer among the norms in use.
    Gone,
}

impl Draft {
    pub fn new(now: Timestamp) -> Self {
        Self {
            format: DRAFT_FORMAT.into(),
            id: new_id("DR", now),
            created: now,
            updated: now,
            step: Step::Norm,
            norm: None,
            case: String::new(),
            decision_date: None,
            period_start: None,
            period_end: None,
            answers: Vec::new(),
            evidence: Vec::new(),
            motivation: Motivation::default(),
            revises: None,
            focus: None,
            typed: Vec::new(),
            extends: None,
        }
    }

    /// A draft that revises `record` (returned, kept as `revised`), on the
    /// adopted `norm`: its case, period, answers, evidence and motivation
    /// to start from, at the case, so every step is seen again.
    pub fn revising(
        record: &crate::domain::record::Record,
        revised: crate::domain::review::RecordRef,
        norm: &LoadedNorm,
        now: Timestamp,
    ) -> Self {
        let mut draft = Self::new(now);
        draft.norm = Some(DraftNorm::of(norm));
        draft.step = Step::Case;
        draft.case.clone_from(&record.case);
        // A new decision, taken the day the revision is made.
        draft.decision_date = Some(now.to_zoned(jiff::tz::TimeZone::UTC).date());
        draft.period_start = record.period.map(|p| p.start);
        draft.period_end = record.period.map(|p| p.end);
        draft.answers = record
            .checks
            .iter()
            .filter(|c| norm.norm.check(&c.id).is_some())
            .map(|c| DraftAnswer {
                check: c.id.clone(),
                answer: c.answer.clone(),
            })
            .collect();
        draft.evidence = record
            .evidence
            .iter()
            .filter(|e| e.in_case_file)
            .map(|e| e.id.clone())
            .collect();
        draft.motivation = record.motivation.clone();
        draft.revises = Some(revised);
        draft
    }

    /// The draft of an extension of `record`, as `reference`: its answers
    /// and evidence to start from, its period starting the day after the
    /// extended one ends and as long as it, but not past `limit` (the
    /// first day the norm's longest total no longer covers).
    pub fn extending(
        record: &crate::domain::record::Record,
        reference: crate::domain::review::RecordRef,
        norm: &LoadedNorm,
        (now, limit): (Timestamp, Option<Date>),
    ) -> Self {
        let mut draft = Self::revising(record, reference, norm, now);
        draft.extends = draft.revises.take();
        draft.period_start = record.period.map(|p| p.end);
        draft.period_end = record.period.and_then(|p| {
            let length = p.start.until((jiff::Unit::Year, p.end)).ok()?;
            let end = p.end.checked_add(length).ok()?;
            Some(limit.map_or(end, |limit| end.min(limit)))
        });
        draft
    }

    /// This draft with every valid BSN taken out: the digits in texts
    /// replaced by `•`, a number answer that is one left out.
    #[must_use]
    pub fn without_bsn(&self) -> Self {
        let mut draft = self.clone();
        draft.case = redact(&draft.case);
        for text in &mut draft.typed {
            *text = redact(text);
        }
        draft
            .answers
            .retain(|a| !matches!(a.answer, Answer::Number(n) if is_bsn_number(n)));
        for a in &mut draft.answers {
            if let Answer::Text(text) = &mut a.answer {
                *text = redact(text);
            }
        }
        let m = &mut draft.motivation;
        for part in [
            &mut m.circumstances,
            &mut m.consequences,
            &mut m.aims,
            &mut m.disproportionality,
            &mut m.resident_view,
            &mut m.consulted,
            &mut m.expected_effect,
        ] {
            *part = redact(part);
        }
        draft
    }

    pub fn proposal(&self) -> Proposal {
        Proposal {
            earlier: Vec::new(),
            case: self.case.clone(),
            decision_date: self.decision_date,
            period: self.period_start.zip(self.period_end),
            answers: self
                .answers
                .iter()
                .map(|a| (a.check.clone(), a.answer.clone()))
                .collect(),
            evidence: self.evidence.iter().map(|id| (id.clone(), true)).collect(),
            motivation: self.motivation.clone(),
        }
    }

    /// When the draft's norm changed since it was saved: the draft follows
    /// the norm in use now and goes back to its checks, whose answers were
    /// given to another version. Returns the versions then and now.
    pub fn catch_up(&mut self, catalog: &Catalog) -> Option<(u32, u32)> {
        let NormState::Changed { then, now } = self.norm_state(catalog) else {
            return None;
        };
        self.step = self.step.min(Step::Checklist);
        let current = self.norm.as_ref().and_then(|n| catalog.get(&n.id));
        if let Some(loaded) = current {
            self.norm = Some(DraftNorm::of(loaded));
        }
        Some((then, now))
    }

    pub fn norm_state(&self, catalog: &Catalog) -> NormState {
        let Some(norm) = &self.norm else {
            return NormState::None;
        };
        match catalog.get(&norm.id) {
            None => NormState::Gone,
            Some(now) if now.sha256().as_str() == norm.sha256 => NormState::Unchanged,
            Some(now) => NormState::Changed {
                then: norm.version,
                now: now.norm.version,
            },
        }
    }
}

/// The drafts in one directory.
/// A verdict and remark being typed in the review inbox: kept as people
/// type, so nothing is lost when the terminal closes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemarkDraft {
    pub record: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<crate::domain::review::Verdict>,
    pub remark: String,
    pub updated: Timestamp,
}

#[derive(Debug, Clone)]
pub struct Drafts {
    dir: PathBuf,
}

impl Drafts {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    fn path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.toml"))
    }

    /// Saves `draft`, replacing its previous save atomically: a temporary
    /// file in the same directory, readable by its owner only, flushed,
    /// renamed over the old one. A valid BSN never reaches the disk: its
    /// digits are saved as `•`, a number that is one is left out.
    pub fn save(&self, draft: &Draft) -> io::Result<PathBuf> {
        let text = toml::to_string(&draft.without_bsn()).map_err(io::Error::other)?;
        self.write(&format!("{}.toml", draft.id), &text)
    }

    /// Writes `name` in the drafts directory atomically, readable by its
    /// owner only.
    fn write(&self, name: &str, text: &str) -> io::Result<PathBuf> {
        make_dirs(&self.dir)?;
        restrict_dir(&self.dir)?;
        let path = self.dir.join(name);
        let temp = self
            .dir
            .join(format!("{TEMP_PREFIX}{}-{name}", std::process::id()));
        let mut file = private(
            fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true),
        )
        .open(&temp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, &path)?;
        sync_dir(&self.dir)?;
        Ok(path)
    }

    /// Where the remark being typed on the record `record` is kept; `None`
    /// for anything that is not a record id.
    fn remark_path(&self, record: &str) -> Option<PathBuf> {
        crate::domain::store::files::is_id("MW", record)
            .then(|| self.dir.join(format!("review-{record}.toml")))
    }

    /// Keeps the verdict and remark being typed on a record, without a
    /// BSN, as [`Self::save`] keeps a draft.
    pub fn save_remark(&self, draft: &RemarkDraft) -> io::Result<PathBuf> {
        if self.remark_path(&draft.record).is_none() {
            return Err(io::Error::other("not a record id"));
        }
        let kept = RemarkDraft {
            remark: redact(&draft.remark),
            ..draft.clone()
        };
        let text = toml::to_string(&kept).map_err(io::Error::other)?;
        self.write(&format!("review-{}.toml", draft.record), &text)
    }

    /// The remark kept for `record`, if any.
    pub fn load_remark(&self, record: &str) -> Option<RemarkDraft> {
        let text = fs::read_to_string(self.remark_path(record)?).ok()?;
        toml::from_str(&text).ok()
    }

    /// Forgets the remark kept for `record`; none kept is fine.
    pub fn discard_remark(&self, record: &str) -> io::Result<()> {
        match self.remark_path(record).map(fs::remove_file) {
            Some(Err(e)) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    pub fn load(&self, id: &str) -> io::Result<Draft> {
        let text = fs::read_to_string(self.path(id))?;
        toml::from_str(&text).map_err(io::Error::other)
    }

    /// Every readable draft, most recently updated first.
    pub fn list(&self) -> io::Result<Vec<Draft>> {
        if !self.dir.is_dir() {
            return Ok(Vec::new());
        }
        let mut drafts: Vec<Draft> = fs::read_dir(&self.dir)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| is_draft_file(p))
            .filter_map(|p| fs::read_to_string(p).ok())
            .filter_map(|t| toml::from_str(&t).ok())
            .collect();
        drafts.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id)));
        Ok(drafts)
    }

    pub fn discard(&self, id: &str) -> io::Result<()> {
        fs::remove_file(self.path(id))
    }
}

fn is_draft_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "toml")
        && path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("DR-"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::number::Decimal;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn a_remark_is_kept_without_a_bsn_and_forgotten_once_signed() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = Drafts::new(dir.path());
        let remark = RemarkDraft {
            record: "MW-20261123-7X41JRQT".into(),
            verdict: Some(crate::domain::review::Verdict::Return),
            remark: "Vraag naar 111222333 en onderbouw het bedrag.".into(),
            updated: at("2026-11-23T09:00:00Z"),
        };
        drafts.save_remark(&remark).unwrap();
        let kept = drafts.load_remark(&remark.record).unwrap();
        assert!(!kept.remark.contains("111222333"), "{}", kept.remark);
        assert_eq!(kept.verdict, remark.verdict);
        assert!(drafts.list().unwrap().is_empty(), "not a walkthrough draft");
        drafts.discard_remark(&remark.record).unwrap();
        drafts.discard_remark(&remark.record).unwrap();
        assert_eq!(drafts.load_remark(&remark.record), None);
        assert!(drafts.load_remark("../../etc/passwd").is_none());
    }

    #[test]
    fn drafts_round_trip_and_replace_their_previous_save() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = Drafts::new(dir.path());
        let mut draft = Draft::new(at("2026-11-23T09:00:00Z"));
        draft.case = "Z-2026-001234".into();
        draft.answers.push(DraftAnswer {
            check: "voorschot".into(),
            answer: Answer::Number(Decimal::from(450)),
        });
        draft.motivation.circumstances = "Geen inkomen sinds oktober.\nHuur niet betaald.".into();
        drafts.save(&draft).unwrap();
        draft.step = Step::Motivation;
        draft.updated = at("2026-11-23T09:05:00Z");
        drafts.save(&draft).unwrap();
        assert_eq!(drafts.load(&draft.id).unwrap(), draft);
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            names.len(),
            1,
            "one file per draft, no temporary files left: {names:?}"
        );
        assert_eq!(
            draft.proposal().answers,
            [("voorschot".to_owned(), Answer::Number(Decimal::from(450)))]
        );
    }

    #[test]
    fn a_bsn_never_reaches_the_disk_and_the_draft_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = Drafts::new(dir.path().join("concepten"));
        let mut draft = Draft::new(at("2026-11-23T09:00:00Z"));
        draft.case = "BSN 123456782".into();
        draft.answers.push(DraftAnswer {
            check: "voorschot".into(),
            answer: Answer::Number(Decimal::from(123_456_782)),
        });
        draft.answers.push(DraftAnswer {
            check: "afspraken".into(),
            answer: Answer::Text("bel 1234.56.782 terug".into()),
        });
        draft.motivation.consulted = "Moeder (BSN 123 456 782) en de school.".into();
        let path = drafts.save(&draft).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        for digits in ["123456782", "1234.56.782", "123 456 782"] {
            assert!(!text.contains(digits), "{digits} in {text}");
        }
        let saved = drafts.load(&draft.id).unwrap();
        assert_eq!(saved.case, "BSN •••••••••");
        assert_eq!(saved.answers.len(), 1, "the BSN as a number is left out");
        assert_eq!(
            saved.motivation.consulted,
            "Moeder (BSN ••• ••• •••) en de school."
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(&dir.path().join("concepten")), 0o700);
        }
    }

    #[test]
    fn listing_is_newest_first_and_discard_removes() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = Drafts::new(dir.path());
        let old = Draft::new(at("2026-11-20T09:00:00Z"));
        let new = Draft::new(at("2026-11-23T09:00:00Z"));
        drafts.save(&old).unwrap();
        drafts.save(&new).unwrap();
        fs::write(dir.path().join("notities.toml"), "x = 1").unwrap();
        let ids: Vec<String> = drafts.list().unwrap().into_iter().map(|d| d.id).collect();
        assert_eq!(ids, [new.id.clone(), old.id.clone()]);
        drafts.discard(&old.id).unwrap();
        assert_eq!(drafts.list().unwrap().len(), 1);
    }

    #[test]
    fn a_changed_norm_is_noticed() {
        let catalog = Catalog::bundled();
        let norm = catalog.get("pw-zoektermijn-jongeren").unwrap();
        let mut draft = Draft::new(at("2026-11-23T09:00:00Z"));
        assert_eq!(draft.norm_state(&catalog), NormState::None);
        draft.norm = Some(DraftNorm {
            id: norm.norm.id.clone(),
            version: norm.norm.version,
            sha256: norm.sha256().to_string(),
        });
        assert_eq!(draft.norm_state(&catalog), NormState::Unchanged);
        draft.norm.as_mut().unwrap().sha256 = "0".repeat(64);
        draft.norm.as_mut().unwrap().version = 2;
        assert_eq!(
            draft.norm_state(&catalog),
            NormState::Changed { then: 2, now: 3 }
        );
        draft.norm.as_mut().unwrap().id = "bestaat-niet".into();
        assert_eq!(draft.norm_state(&catalog), NormState::Gone);
    }
}
