//! Every file under the store, accounted for: what each directory may
//! hold, and a finding for everything else — stray files and dot-files,
//! links, FIFOs and devices (never followed or opened), signatures without
//! files and files without signatures, interrupted writes.

use std::path::{Path, PathBuf};

use super::{Finding, FindingKind};
use crate::domain::fsread::{self, Kind};
use crate::domain::keyring::is_principal;
use crate::domain::store::device::chain_principal;
use crate::domain::store::files::TEMP_PREFIX;
use crate::domain::store::{CONFIG_FILE, relative};

/// The directories a store has, and what is at its top besides.
pub const DIRS: &[&str] = &[
    "keyring",
    "norms",
    "adoptions",
    "records",
    "signals",
    "reviews",
    "withdrawals",
    "samples",
    "checkpoints",
];
const TOP_FILES: &[&str] = &[CONFIG_FILE, "store.toml.sig", ".gitignore"];
/// Not part of the store: version control, locks and the index `new`
/// finds earlier decisions by.
const SKIPPED: &[&str] = &[".git", ".locks", ".index"];

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Symlink => "symbolic link",
        Kind::Special => "FIFO, socket or device",
        Kind::Dir => "directory",
        Kind::File => "file",
    }
}

/// The finding for an entry that does not belong where it is.
fn stray(name: &str, kind: Kind) -> FindingKind {
    match kind {
        Kind::Symlink | Kind::Special => FindingKind::NotARegularFile {
            kind: kind_name(kind),
        },
        Kind::File if name.starts_with(TEMP_PREFIX) => FindingKind::IncompleteWrite,
        Kind::File | Kind::Dir => FindingKind::StrayFile,
    }
}

/// The entries of `dir`, or a finding when it cannot be listed; a finding
/// for each name that is not UTF-8.
fn entries(base: &Path, dir: &Path, findings: &mut Vec<Finding>) -> fsread::Listing {
    match fsread::listing(dir) {
        Ok((listing, odd)) => {
            for name in odd {
                findings.push(Finding::new(
                    relative(base, &dir.join(&name)),
                    FindingKind::StrayFile,
                ));
            }
            listing
        }
        Err(e) => {
            findings.push(Finding::new(
                relative(base, dir),
                FindingKind::Unreadable(e.to_string()),
            ));
            fsread::Listing::default()
        }
    }
}

/// The top of the store: `store.toml`, its signature, `.gitignore` and the
/// store's directories; a finding for anything else.
pub fn top(base: &Path, findings: &mut Vec<Finding>) {
    for (name, kind) in entries(base, base, findings).iter() {
        let expected = match kind {
            Kind::Dir => DIRS.contains(&name) || SKIPPED.contains(&name),
            Kind::File => TOP_FILES.contains(&name),
            _ => false,
        };
        if !expected {
            findings.push(Finding::new(name, stray(name, kind)));
        }
    }
}

/// The signed files in `dir` (each `*.toml` with its `.toml.sig`), sorted;
/// findings for whatever else is there. `accept` says which names of signed
/// files belong in it.
pub fn signed_files(
    base: &Path,
    dir: &Path,
    accept: impl Fn(&str) -> bool,
    findings: &mut Vec<Finding>,
) -> Vec<PathBuf> {
    signed(
        base,
        dir,
        |stem| accept(stem).then(|| dir.join(format!("{stem}.toml"))),
        findings,
    )
}

/// What `take` reads from the name (without `.toml`) of each signed file
/// in `dir` that belongs in it, in the order of their names; findings for
/// whatever else is there. Nothing is held per file but what `take` gives,
/// so that a directory of many thousands is listed in little memory.
pub fn signed<T>(
    base: &Path,
    dir: &Path,
    take: impl Fn(&str) -> Option<T>,
    findings: &mut Vec<Finding>,
) -> Vec<T> {
    if !is_dir(dir) {
        return Vec::new();
    }
    let list = entries(base, dir, findings);
    let has = |n: &str| list.has_file(n);
    let mut out = Vec::new();
    for (name, kind) in list.iter() {
        let file = kind == Kind::File && !name.starts_with('.');
        let at = || relative(base, &dir.join(name));
        if let Some(stem) = name.strip_suffix(".toml").filter(|_| file)
            && let Some(value) = take(stem)
        {
            if has(&format!("{name}.sig")) {
                out.push(value);
            } else {
                findings.push(Finding::new(at(), FindingKind::Unsigned));
            }
        } else if let Some(stem) = name.strip_suffix(".toml.sig").filter(|_| file)
            && take(stem).is_some()
        {
            if !has(&format!("{stem}.toml")) {
                findings.push(Finding::new(at(), FindingKind::OrphanSignature));
            }
        } else {
            findings.push(Finding::new(at(), stray(name, kind)));
        }
    }
    out
}

/// The norm snapshots in `dir`: `<sha256>.toml`, regular files.
pub fn norm_files(base: &Path, dir: &Path, findings: &mut Vec<Finding>) -> Vec<PathBuf> {
    if !is_dir(dir) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (name, kind) in entries(base, dir, findings).iter() {
        let sha = name
            .strip_suffix(".toml")
            .filter(|s| s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')));
        match (sha, kind) {
            (Some(_), Kind::File) => out.push(dir.join(name)),
            _ => findings.push(Finding::new(
                relative(base, &dir.join(name)),
                stray(name, kind),
            )),
        }
    }
    out
}

/// The directories in `dir` named like principals, sorted; findings for
/// everything else.
pub fn author_dirs(base: &Path, dir: &Path, findings: &mut Vec<Finding>) -> Vec<String> {
    dirs_named(base, dir, is_principal, findings)
}

/// The directories in `dir` that hold a chain — named like a principal, or
/// a principal and a device (`anna@…+k7p2q9x3`) — sorted; findings for
/// everything else.
pub fn chain_dirs(base: &Path, dir: &Path, findings: &mut Vec<Finding>) -> Vec<String> {
    dirs_named(base, dir, |name| chain_principal(name).is_some(), findings)
}

fn dirs_named(
    base: &Path,
    dir: &Path,
    accept: impl Fn(&str) -> bool,
    findings: &mut Vec<Finding>,
) -> Vec<String> {
    if !is_dir(dir) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (name, kind) in entries(base, dir, findings).iter() {
        if kind == Kind::Dir && accept(name) {
            out.push(name.to_owned());
        } else {
            findings.push(Finding::new(
                relative(base, &dir.join(name)),
                stray(name, kind),
            ));
        }
    }
    out
}

/// Whether `dir` is a directory (not a link to one).
fn is_dir(dir: &Path) -> bool {
    matches!(fsread::kind(dir), Ok(Some(Kind::Dir)))
}

/// The name as text, for names this program wrote.
pub fn name_of(path: &Path) -> &str {
    path.file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn every_entry_is_accounted_for() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path();
        let keyring = base.join("keyring");
        fs::create_dir_all(&keyring).unwrap();
        for name in [
            "KR-1.toml",
            "KR-1.toml.sig",
            "KR-2.toml",
            "KR-3.toml.sig",
            ".tmp-1-x",
            ".notes.toml",
            ".notes.toml.sig",
            "notities.txt",
        ] {
            fs::write(keyring.join(name), "x").unwrap();
        }
        std::os::unix::fs::symlink("/", keyring.join("wortel.toml")).unwrap();
        fs::create_dir(keyring.join("sub")).unwrap();
        let mut findings = Vec::new();
        let pairs = signed_files(base, &keyring, |s| s.starts_with("KR-"), &mut findings);
        assert_eq!(pairs, [keyring.join("KR-1.toml")]);
        let mut found: Vec<(String, &str)> = findings
            .iter()
            .map(|f| (f.file.clone(), f.kind.code()))
            .collect();
        found.sort();
        assert_eq!(
            found,
            [
                ("keyring/.notes.toml".into(), "stray-file"),
                ("keyring/.notes.toml.sig".into(), "stray-file"),
                ("keyring/.tmp-1-x".into(), "incomplete-write"),
                ("keyring/KR-2.toml".into(), "unsigned"),
                ("keyring/KR-3.toml.sig".into(), "orphan-signature"),
                ("keyring/notities.txt".into(), "stray-file"),
                ("keyring/sub".into(), "stray-file"),
                ("keyring/wortel.toml".into(), "not-a-regular-file"),
            ]
        );
    }

    #[test]
    fn only_principals_are_author_directories() {
        let dir = tempfile::tempdir().unwrap();
        let records = dir.path().join("records");
        fs::create_dir_all(records.join("anna@gemeente.example")).unwrap();
        fs::create_dir_all(records.join("Niet Geldig")).unwrap();
        std::os::unix::fs::symlink("/", records.join("alles")).unwrap();
        let mut findings = Vec::new();
        let authors = author_dirs(dir.path(), &records, &mut findings);
        assert_eq!(authors, ["anna@gemeente.example"]);
        assert_eq!(findings.len(), 2, "{findings:?}");
    }
}
