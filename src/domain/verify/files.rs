//! Reading the store's files for verification: every file found, each one
//! accounted for, and the norm snapshots by their sha256.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use super::{Finding, FindingKind};
use crate::domain::norm::Norm;
use crate::domain::norm::parse::parse_snapshot;
use crate::domain::source::{Sha256Hex, SourceFile};
use crate::domain::store::files::TEMP_PREFIX;
use crate::domain::store::{CONFIG_FILE, StoreError, relative, sig_path};

/// Every file under `dir`, except version control and locks.
pub fn walk(base: &Path, dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), StoreError> {
    let entries = fs::read_dir(dir).map_err(|source| StoreError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let name = entry.file_name();
        if dir == base && (name == ".git" || name == ".locks") {
            continue;
        }
        // The type comes with the directory listing: no stat per file.
        let is_dir = match entry.file_type() {
            Ok(t) if t.is_symlink() => path.is_dir(),
            Ok(t) => t.is_dir(),
            Err(_) => path.is_dir(),
        };
        if is_dir {
            walk(base, &path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn is_temp(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(TEMP_PREFIX))
}

/// Names every file that is not where a store keeps it: interrupted writes,
/// stray files, signatures without files and files without signatures.
/// Returns how many keyring entries there are.
// Store file names are written by this program in lower case; a `.TOML`
// file is not one of them and is reported as stray.
#[allow(clippy::case_sensitive_file_extension_comparisons)]
pub fn account_for_files(
    base: &Path,
    all: &[PathBuf],
    present: &HashSet<&Path>,
    findings: &mut Vec<Finding>,
) -> usize {
    let mut note = |path: &Path, kind: FindingKind| {
        findings.push(Finding::new(relative(base, path), kind));
    };
    let mut keyring_files = 0;
    for path in all {
        let rel = relative(base, path);
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.starts_with(TEMP_PREFIX) {
            note(path, FindingKind::IncompleteWrite);
            continue;
        }
        let parts: Vec<&str> = rel.split('/').collect();
        let expected = match parts.as_slice() {
            [CONFIG_FILE | "store.toml.sig" | ".gitignore"] => true,
            ["keyring", f] => {
                if f.ends_with(".toml") {
                    keyring_files += 1;
                }
                f.ends_with(".toml") || f.ends_with(".toml.sig")
            }
            ["norms", f] => f.ends_with(".toml"),
            ["records" | "signals", _, f] => f.ends_with(".toml") || f.ends_with(".toml.sig"),
            _ => false,
        };
        if !expected {
            note(path, FindingKind::StrayFile);
        } else if let Some(file) = name.strip_suffix(".sig") {
            if !present.contains(path.with_file_name(file).as_path()) {
                note(path, FindingKind::OrphanSignature);
            }
        } else if name.ends_with(".toml")
            && parts[0] != "norms"
            && !present.contains(sig_path(path).as_path())
        {
            note(path, FindingKind::Unsigned);
        }
    }
    keyring_files
}

/// The norm copies in `norms/`, parsed, by sha256 (`None` for a copy that
/// is not a valid norm); copies whose bytes do not hash to their name are
/// findings. Returns them and how many there are.
pub fn read_snapshots(
    base: &Path,
    norms_dir: &Path,
    all: &[PathBuf],
    findings: &mut Vec<Finding>,
) -> (HashMap<String, Option<Norm>>, usize) {
    let mut count = 0;
    let mut snapshots: HashMap<String, Option<Norm>> = HashMap::new();
    // Interrupted writes were reported with the other files.
    for path in all
        .iter()
        .filter(|p| p.parent() == Some(norms_dir) && !is_temp(p))
    {
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        count += 1;
        match fs::read(path) {
            Ok(bytes) if Sha256Hex::of(&bytes).as_str() == stem => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let norm = parse_snapshot(&SourceFile::new(stem, text));
                snapshots.insert(stem.to_owned(), norm);
            }
            Ok(_) => findings.push(Finding::new(relative(base, path), FindingKind::NormAltered)),
            Err(e) => findings.push(Finding::new(
                relative(base, path),
                FindingKind::Unreadable(e.to_string()),
            )),
        }
    }
    (snapshots, count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_is_accounted_for() {
        let base = Path::new("/s");
        let all: Vec<PathBuf> = [
            "store.toml",
            "store.toml.sig",
            ".gitignore",
            "keyring/KR-1.toml",
            "keyring/KR-1.toml.sig",
            "keyring/KR-2.toml",
            "records/anna/000001-MW-1.toml.sig",
            "records/anna/.tmp-1-x.toml",
            "records/anna/notes.txt",
            "notities.toml",
            "norms/abc.toml",
        ]
        .iter()
        .map(|p| base.join(p))
        .collect();
        let present: HashSet<&Path> = all.iter().map(PathBuf::as_path).collect();
        let mut findings = Vec::new();
        let keyring = account_for_files(base, &all, &present, &mut findings);
        assert_eq!(keyring, 2);
        let found: Vec<(&str, &str)> = findings
            .iter()
            .map(|f| (f.file.as_str(), f.kind.code()))
            .collect();
        assert_eq!(
            found,
            [
                ("keyring/KR-2.toml", "unsigned"),
                ("records/anna/000001-MW-1.toml.sig", "orphan-signature"),
                ("records/anna/.tmp-1-x.toml", "incomplete-write"),
                ("records/anna/notes.txt", "stray-file"),
                ("notities.toml", "stray-file"),
            ]
        );
    }

    #[test]
    fn snapshots_must_hash_to_their_name() {
        let dir = tempfile::tempdir().unwrap();
        let norms = dir.path().join("norms");
        fs::create_dir_all(&norms).unwrap();
        let text = "id = \"x\"\n";
        let good = norms.join(format!("{}.toml", Sha256Hex::of(text.as_bytes())));
        let bad = norms.join(format!("{}.toml", "0".repeat(64)));
        fs::write(&good, text).unwrap();
        fs::write(&bad, text).unwrap();
        let mut findings = Vec::new();
        let (snapshots, count) =
            read_snapshots(dir.path(), &norms, &[good.clone(), bad], &mut findings);
        assert_eq!(count, 2);
        assert_eq!(snapshots.len(), 1, "only the copy that hashes right");
        assert_eq!(snapshots.values().next(), Some(&None), "not a valid norm");
        assert_eq!(
            findings,
            [Finding::new(
                format!("norms/{}.toml", "0".repeat(64)),
                FindingKind::NormAltered
            )]
        );
    }
}
