//! What a copy proved and was told at its last sync: the errors verify
//! found then, which a later sync does not hold against what comes in;
//! the warnings it told of once; and the records proven then, whose own
//! checks need not be done again.

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

use jiff::Timestamp;

use super::{Git, SYNCED_FILE, Steps, SyncError, git};
use crate::domain::fsread;
use crate::domain::store::files;
use crate::domain::verify::{Finding, FindingKind, Proven, Report, Severity};

/// The errors verify found in the store as last synced, which a later
/// sync does not hold against what comes in.
const KNOWN_FILE: &str = ".git/maatwerk-known";

/// The errors of `report`: each holds against a combination. (Decisions
/// signed on two machines within the time a copy may take to sync miss
/// each other in good faith; verify allows for that itself.)
pub(super) fn blocking(report: &Report) -> impl Iterator<Item = &Finding> {
    report
        .findings
        .iter()
        .filter(|f| f.kind.severity() == Severity::Error)
}

/// The errors known in the store before what came in was combined with
/// it (by `combine`), and what verify says after. What this copy took in
/// at its last sync, `taken`, was proven then.
pub(super) fn verify_combined(
    git: &Git,
    taken: Option<&str>,
    steps: &mut dyn Steps,
    combine: &dyn Fn() -> Result<(), SyncError>,
) -> Result<(BTreeSet<String>, Report), SyncError> {
    let known = taken.and_then(|t| Some((t, known(git.dir(), t)?)));
    let baseline = match &known {
        Some((_, known)) => known.clone(),
        None => blocking(&steps.verify(&Proven::default()))
            .map(key)
            .collect(),
    };
    combine()?;
    let proven = match &known {
        Some((taken, known)) => proven(git, taken, known)?,
        None => Proven::default(),
    };
    Ok((baseline, steps.verify(&proven)))
}

/// The records of `taken`, the store as this copy last synced it, whose
/// own checks need not be done again in the store as it is now: all those
/// with no error `known` then, provided the store since only gained files,
/// and none in the keyring, the adoptions, the norms or `store.toml`
/// (their checks depend on nothing else). None otherwise: then every
/// record is checked again, as a keyring change may have made one
/// invalid.
fn proven(git: &Git, taken: &str, known: &BTreeSet<String>) -> Result<Proven, SyncError> {
    let changes = git.run([
        "diff-tree",
        "-r",
        "-z",
        "--name-status",
        "--no-renames",
        "--no-commit-id",
        taken,
        "HEAD",
    ])?;
    let fields: Vec<String> = git::fields(&changes).collect();
    let grew = fields.chunks(2).all(|change| match change {
        [status, path] => {
            status == "A"
                && !["keyring/", "adoptions/", "norms/"]
                    .iter()
                    .any(|dir| path.starts_with(dir))
                && !path.starts_with("store.toml")
        }
        _ => false,
    });
    if !grew {
        return Ok(Proven::default());
    }
    let failed: HashSet<&str> = known
        .iter()
        .filter(|k| !k.starts_with('~'))
        .filter_map(|k| k.split_once('\t').map(|(_, file)| file))
        .collect();
    let files = git.run(["ls-tree", "-r", "-z", "--name-only", taken, "--", "records"])?;
    Ok(git::fields(&files)
        .filter(|f| {
            Path::new(f).extension().is_some_and(|e| e == "toml") && !failed.contains(f.as_str())
        })
        .collect())
}

/// The findings a sync tells of though they refuse nothing: totals
/// misstated or passed together and files backdated, mostly by a copy
/// that synced late, and draws that missed what had not reached them.
pub(super) fn noted(report: &Report) -> impl Iterator<Item = &Finding> {
    report.findings.iter().filter(|f| {
        matches!(
            f.kind,
            FindingKind::TotalMisstated { .. }
                | FindingKind::TotalPassedTogether { .. }
                | FindingKind::Backdated { .. }
                | FindingKind::SampleLate { .. }
        )
    })
}

/// How a finding told of already is kept among the known ones: apart
/// from the errors, which block.
pub(super) fn told(finding: &Finding) -> String {
    format!("~{}", key(finding))
}

pub(super) fn key(finding: &Finding) -> String {
    format!("{}\t{}", finding.kind.code(), finding.file)
}

/// The errors known in the store as `commit` held it.
fn known(dir: &Path, commit: &str) -> Option<BTreeSet<String>> {
    let text = fsread::read_text(&dir.join(KNOWN_FILE), 64 * 1024 * 1024).ok()?;
    let mut lines = text.lines();
    (lines.next()? == commit).then(|| lines.map(str::to_owned).collect())
}

pub(super) fn write_state(
    dir: &Path,
    commit: &str,
    report: &Report,
    now: Timestamp,
) -> Result<(), SyncError> {
    let mut text = format!("{commit}\n");
    for finding in blocking(report) {
        text.push_str(&key(finding));
        text.push('\n');
    }
    for finding in noted(report).filter(|f| f.kind.severity() != Severity::Error) {
        text.push_str(&told(finding));
        text.push('\n');
    }
    for (file, bytes) in [(KNOWN_FILE, text), (SYNCED_FILE, format!("{now}\n"))] {
        let path = dir.join(file);
        files::replace(&path, bytes.as_bytes()).map_err(|e| SyncError::Io {
            path,
            message: e.to_string(),
        })?;
    }
    Ok(())
}
