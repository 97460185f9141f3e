//! Verify first, for the commands that report on a store (`export`,
//! `report`): what they show rests on a store proven file by file, held to
//! the trust root the auditor was given, and a record's stories are told
//! with the revisions verify read, never with a cache.

use std::collections::HashMap;

use clap::Args;

use super::{CliError, Context};
use crate::domain::keys::Fingerprint;
use crate::domain::store::{Store, StoredRecord};
use crate::domain::verify::{self, FindingKind, Severity};

/// The trust root to hold the store to.
#[derive(Debug, Args)]
pub struct RootArg {
    /// The trust root's fingerprint you expect (SHA256:…), as printed by
    /// `maatwerk init`; a store with any other root is reported as not
    /// verified [default: the root the store names itself, with a note]
    #[arg(long, value_name = "FINGERPRINT")]
    pub expect_root: Option<String>,
}

/// What verify found, as a report on the store needs it.
pub struct Verified {
    /// The codes of the findings on each file.
    pub by_file: HashMap<String, Vec<&'static str>>,
    /// The codes of the findings that say the link after a record broke,
    /// by that record's author and sequence number: either of the two may
    /// have been changed.
    pub after: HashMap<(String, u64), Vec<&'static str>>,
    /// The records that revise another, without an error of their own.
    pub revisions: Vec<StoredRecord>,
    /// Errors that bear on every record: on the keyring, the trust root,
    /// the store's configuration, adoptions or norm copies, and a broken
    /// chain of reviews or withdrawals (an act may be missing, and with it
    /// any record's status).
    pub everywhere: Vec<&'static str>,
    /// The files verify found an error in.
    pub failed: std::collections::HashSet<String>,
    pub findings: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Whether the store was held to a root given with `--expect-root`.
    pub pinned: bool,
}

impl Verified {
    /// The codes for the record `seq` of `author` in `file`: its own, and
    /// those on the link after it as `next:<code>`.
    pub fn codes(&self, file: &str, author: &str, seq: u64) -> Vec<String> {
        let own = self.by_file.get(file).into_iter().flatten();
        let next = self
            .after
            .get(&(author.to_owned(), seq))
            .into_iter()
            .flatten();
        own.map(|c| (*c).to_owned())
            .chain(next.map(|c| format!("next:{c}")))
            .chain(self.everywhere.iter().map(|c| format!("store:{c}")))
            .collect()
    }

    /// Whether verify found an error in `file`, or one that bears on every
    /// record.
    pub fn failed(&self, file: &str) -> bool {
        !self.everywhere.is_empty() || self.failed.contains(file)
    }

    /// The codes of the findings on `file`.
    pub fn on(&self, file: &str) -> Vec<String> {
        self.by_file
            .get(file)
            .into_iter()
            .flatten()
            .map(|c| (*c).to_owned())
            .collect()
    }
}

/// Runs verify on `store` (a progress line on a terminal), with the note
/// verify gives when no root was expected.
pub fn verified(store: &Store, root: &RootArg, ctx: &mut Context) -> Result<Verified, CliError> {
    let lang = ctx.lang;
    let expect = match &root.expect_root {
        None => None,
        Some(text) => Some(
            Fingerprint::from_text(text)
                .ok_or_else(|| CliError::input(lang.bad_fingerprint(text), None))?,
        ),
    };
    let show = ctx.config.ttys.stderr;
    let mut last_shown = 0;
    let report = verify::verify(store, expect.as_ref(), ctx.now, &mut |done, total| {
        if show && total >= 1000 && (done == total || done >= last_shown + total / 100) {
            last_shown = done;
            super::verify::eprint_progress(&lang.verify_progress(done, total));
        }
    });
    if show && report.records >= 1000 {
        super::verify::eprint_progress("");
    }
    if expect.is_none()
        && let Some(root) = &report.root
    {
        ctx.out.err_line(&lang.root_not_given(&root.to_string()))?;
    }
    let (errors, warnings) = (report.errors(), report.warnings());
    let findings = report.findings.len();
    let mut by_file: HashMap<String, Vec<&'static str>> = HashMap::new();
    let mut after: HashMap<(String, u64), Vec<&'static str>> = HashMap::new();
    let mut everywhere: Vec<&'static str> = Vec::new();
    let mut failed = std::collections::HashSet::new();
    for f in &report.findings {
        if f.kind.severity() == Severity::Error {
            failed.insert(f.file.clone());
            if bears_on_every_record(&f.file, &f.kind) && !everywhere.contains(&f.kind.code()) {
                everywhere.push(f.kind.code());
            }
        }
        if let Some(before) = before_in_chain(&f.file, &f.kind) {
            after.entry(before).or_default().push(f.kind.code());
        }
        by_file
            .entry(f.file.clone())
            .or_default()
            .push(f.kind.code());
    }
    Ok(Verified {
        by_file,
        after,
        everywhere,
        failed,
        revisions: report.revisions,
        findings,
        errors,
        warnings,
        pinned: expect.is_some(),
    })
}

/// Whether an error on `file` bears on every record: one on anything but
/// a record, a signal or a sample, or a broken chain of reviews or
/// withdrawals.
fn bears_on_every_record(file: &str, kind: &FindingKind) -> bool {
    let acts = file.starts_with("reviews/") || file.starts_with("withdrawals/");
    let own = file.starts_with("records/")
        || file.starts_with("signals/")
        || file.starts_with("samples/");
    let chain = matches!(
        kind,
        FindingKind::ChainGap { .. }
            | FindingKind::ChainBroken { .. }
            | FindingKind::ChainFork { .. }
            | FindingKind::ChainStart
            | FindingKind::DuplicateId
    );
    !(acts || own) || (acts && chain)
}

/// For a finding on a record that says the link to the record before it
/// broke: that record's author directory and sequence number.
fn before_in_chain(file: &str, kind: &FindingKind) -> Option<(String, u64)> {
    if !matches!(
        kind,
        FindingKind::ChainBroken { .. } | FindingKind::ChainTimeBackwards
    ) {
        return None;
    }
    let rest = file.strip_prefix("records/")?;
    let (author, name) = rest.split_once('/')?;
    let (seq, _) = name.split_once('-')?;
    let seq: u64 = seq.parse().ok()?;
    Some((author.to_owned(), seq.checked_sub(1)?))
}
