//! Signals: few, checked one by one. Each is signed in its own namespace by
//! a keyring member valid at the moment it was made, under a keyring state
//! that gave them that grant; it is the author it names, lives in that
//! author's directory, and says what a signal may say.

use std::path::Path;

use super::records::{Context, read_problem};
use super::signer::{Claim, check_signed};
use super::{Finding, FindingKind};
use crate::domain::fsread::{self, limit};
use crate::domain::keys::Namespace;
use crate::domain::signal::{self, SIGNAL_FORMAT, SIGNAL_FORMAT_V1, Signal};
use crate::domain::store::{relative, sig_path};

/// Checks the signals at `paths`; returns how many there are.
pub fn check_signals(
    cx: &Context<'_>,
    paths: &[std::path::PathBuf],
    findings: &mut Vec<Finding>,
) -> usize {
    let mut ids = std::collections::HashSet::new();
    for path in paths {
        let rel = relative(cx.base, path);
        match check_signal(cx, path) {
            Ok((id, kinds)) => {
                if !ids.insert(id) {
                    findings.push(Finding::new(&rel, FindingKind::DuplicateId));
                }
                findings.extend(kinds.into_iter().map(|k| Finding::new(&rel, k)));
            }
            Err(kind) => findings.push(Finding::new(&rel, kind)),
        }
    }
    paths.len()
}

/// The signal's id and what is wrong with it.
fn check_signal(cx: &Context<'_>, path: &Path) -> Result<(String, Vec<FindingKind>), FindingKind> {
    let bytes = fsread::read(path, limit::SIGNED_FILE).map_err(read_problem)?;
    let signal: Signal = std::str::from_utf8(&bytes)
        .map_err(|e| e.to_string())
        .and_then(|t| toml::from_str(t).map_err(|e: toml::de::Error| e.message().to_owned()))
        .map_err(FindingKind::Malformed)?;
    let mut findings = Vec::new();
    if toml::to_string(&signal)
        .ok()
        .map(String::into_bytes)
        .as_deref()
        != Some(bytes.as_slice())
    {
        findings.push(FindingKind::NotAsWritten);
    }
    let dir_principal = path
        .parent()
        .and_then(Path::file_name)
        .and_then(|n| n.to_str());
    let file_id = path.file_stem().and_then(|n| n.to_str());
    if dir_principal != Some(signal.author.principal.as_str())
        || file_id != Some(signal.id.as_str())
    {
        findings.push(FindingKind::NameMismatch);
    }
    match (signal.format.as_str(), &signal.keyring) {
        (SIGNAL_FORMAT, Some(_)) => {}
        (SIGNAL_FORMAT_V1, None) => {
            if cx.upgraded.is_some_and(|at| signal.created >= at) {
                findings.push(FindingKind::OldFormatAfterUpgrade);
            }
        }
        (other, _) => {
            return Err(FindingKind::UnknownFormat {
                found: other.to_owned(),
            });
        }
    }
    if signal.created > cx.now {
        findings.push(FindingKind::CreatedInFuture);
    }
    findings.extend(
        signal::check(&signal.case, &signal.text)
            .into_iter()
            .map(FindingKind::SignalRefused),
    );
    // The norm it tried: kept in the store, the one named, with that check.
    if let Some(tried) = &signal.norm {
        match cx.snapshots.get(&tried.sha256) {
            None => findings.push(FindingKind::NormMissing {
                sha256: tried.sha256.clone(),
            }),
            Some(Some(norm)) if norm.id == tried.id && norm.version == tried.version => {
                if let Some(check) = &tried.failed_check
                    && !norm.checks.iter().any(|c| &c.id == check)
                {
                    findings.push(FindingKind::Contradicts {
                        field: "norm.failed_check".into(),
                    });
                }
            }
            Some(_) => findings.push(FindingKind::NormMismatch),
        }
    }
    let armored = fsread::read_text(&sig_path(path), limit::SIGNATURE).map_err(read_problem)?;
    let claim = Claim {
        author: &signal.author,
        at: signal.created,
        namespace: Namespace::Signal,
        keyring: signal.keyring.as_deref(),
    };
    if let Err(kind) = check_signed(&bytes, &armored, &claim, cx.keyring) {
        findings.push(kind);
    }
    Ok((signal.id, findings))
}
