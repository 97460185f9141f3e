//! Sharing a store through git: what a team's members add is fetched,
//! checked before it is taken in, combined with what was added here,
//! verified, and pushed. The store only grows and no two writers share a
//! file, so combining never conflicts; anything else that comes in — a
//! file removed or changed, history rewritten, a file that is no part of a
//! store, a record verify rejects — is refused, and the copy is left as it
//! was.
//!
//! The `git` program does the work ([`git`]): it reaches every remote a
//! team has (a path, `file://`, ssh, https) with the user's own ssh and
//! credential set-up, and this module only reads what it says.

mod clone;
pub mod git;
mod known;
mod remote;

pub use self::clone::clone;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

pub use self::git::{Git, Identity};
use self::known::{blocking, key, noted, told, verify_combined, write_state};
pub use self::remote::{Previous, share};
use crate::domain::fsread::{self, Kind};
use crate::domain::store::device::chain_principal;
use crate::domain::store::files;
use crate::domain::verify::{Finding, Proven, Report};

/// The branch a store is shared on.
pub const BRANCH: &str = "main";
/// The remote's branch as this copy last took it in: what the remote's
/// history must still contain next time.
pub const SYNCED_REF: &str = "refs/maatwerk/synced";
const REMOTE_REF: &str = "refs/remotes/origin/main";
/// When this copy last synced.
const SYNCED_FILE: &str = ".git/maatwerk-synced";
/// The store's `.gitignore`, as `init` writes it.
pub const GITIGNORE: &str =
    "# Not part of the store: locks, the index and interrupted writes.\n.locks/\n.index/\n.tmp-*\n";
/// How often a push is tried again when someone pushed in between.
const ATTEMPTS: usize = 5;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("the store is not shared yet")]
    NotShared,
    #[error("the store's copy has no remote")]
    NoRemote,
    #[error("the program `{program}` was not found")]
    GitMissing { program: String },
    #[error("{command} failed: {said}")]
    Git { command: String, said: String },
    #[error("{}: {message}", path.display())]
    Io { path: PathBuf, message: String },
    /// Files of the store that were shared and are now changed or gone.
    #[error("signed files changed or removed here: {}", files.join(", "))]
    LocalChanged { files: Vec<String> },
    /// Files here that are no part of a store.
    #[error("files that are not part of the store: {}", files.join(", "))]
    LocalStray { files: Vec<String> },
    /// The store's `.gitignore` is not the one `init` writes.
    #[error("the store's .gitignore was changed")]
    IgnoreChanged,
    /// The remote no longer holds the history this copy took in.
    #[error("the remote's history was rewritten")]
    Rewritten,
    /// The remote holds another store.
    #[error("the remote holds another store")]
    Unrelated,
    /// What came in removes or changes files, or adds files that are no
    /// part of a store: `(what, file)`.
    #[error("what came in changes the store: {}", changes.iter().map(|(w, f)| format!("{w:?} {f}")).collect::<Vec<_>>().join(", "))]
    Incoming { changes: Vec<(Change, String)> },
    /// Both sides added a file of the same name with other contents.
    #[error("both sides wrote {file}")]
    Conflict { file: String },
    /// The remote holds no store.
    #[error("the remote holds no store")]
    Empty,
    /// Where a clone should go is not empty.
    #[error("{} is not empty", dir.display())]
    NotEmpty { dir: PathBuf },
    #[error("the remote kept refusing the push (someone else pushed each time)")]
    Busy,
    /// The remote has a working tree with the branch checked out; the
    /// copy keeps the remote it had (`kept`), when it was given another.
    #[error("the remote is a repository with the branch checked out, not a bare one")]
    CheckedOut { kept: Option<String> },
}

/// How an incoming file departs from a store that only grows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Removed,
    Changed,
    /// A link, a submodule or an executable where files are kept.
    NotAFile,
    /// A file no store has.
    Stray,
}

/// What a sync did.
#[derive(Debug, Default)]
pub struct Synced {
    /// Files that came in.
    pub received: Vec<String>,
    /// Files of this copy committed and sent.
    pub sent: Vec<String>,
    /// Whether the remote was empty and now holds the store.
    pub first: bool,
    /// The remote this copy had, if any, and the one it has now, when it
    /// was given another.
    pub switched: Option<(Option<String>, String)>,
    /// Findings that the combination gave and that are no reason to
    /// refuse it (totals counted with decisions signed at the same time
    /// elsewhere).
    pub noted: Vec<Finding>,
    /// A checkpoint made on the way.
    pub checkpoint: Option<PathBuf>,
}

/// Why a sync refused what came in, with the copy left as it was.
#[derive(Debug)]
pub struct Refused {
    /// New errors in what came in, or in the store as a whole.
    pub findings: Vec<Finding>,
    /// New errors in this copy's own files, signed here and not shared
    /// yet, that only show with what came in: a total that misses what
    /// colleagues signed long before, a file dated well before a checkpoint
    /// that could not name it. Its author withdraws or revises it.
    pub own: Vec<Finding>,
    pub received: Vec<String>,
}

/// What the front end does during a sync: verify the copy as it stands
/// on disk, and make a checkpoint when the person may and wants one.
pub trait Steps {
    /// Verifies the store, but for what was proven of the records in
    /// `proven` ([`crate::domain::verify::verify_proven`]).
    fn verify(&mut self, proven: &Proven) -> Report;
    /// A checkpoint written into the store, if one was made.
    fn witness(&mut self) -> Result<Option<PathBuf>, SyncError>;
    /// The message of a commit of this copy's own files.
    fn commit_message(&self, files: usize) -> String;
}

/// Whether the store in `dir` is shared: a copy with a remote.
pub fn is_shared(dir: &Path) -> bool {
    matches!(fsread::kind(&dir.join(".git")), Ok(Some(Kind::Dir)))
}

/// When the copy in `dir` last synced, if it ever did.
pub fn last_synced(dir: &Path) -> Option<Timestamp> {
    fsread::read_text(&dir.join(SYNCED_FILE), 64)
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// Whether `path`, relative to the store, names a file a store may hold:
/// `store.toml` and its signature, the `.gitignore`, and signed files and
/// their signatures in the store's directories (each name checked again by
/// verify). Nothing else — no `.gitattributes`, no `.gitmodules`, no
/// dot-file anywhere — is ever taken in.
pub fn store_path(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    // Store file names are written by this program in lower case.
    #[allow(clippy::case_sensitive_file_extension_comparisons)]
    let signed = |name: &str| {
        !name.starts_with('.')
            && (name.ends_with(".toml") || name.ends_with(".toml.sig"))
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
    };
    match parts.as_slice() {
        [name] => ["store.toml", "store.toml.sig", ".gitignore"].contains(name),
        [dir, name] => ["keyring", "adoptions", "norms"].contains(dir) && signed(name),
        [dir, owner, name] => {
            let owner_ok = if *dir == "signals" {
                crate::domain::keyring::is_principal(owner)
            } else {
                [
                    "records",
                    "reviews",
                    "withdrawals",
                    "samples",
                    "checkpoints",
                ]
                .contains(dir)
                    && chain_principal(owner).is_some()
            };
            owner_ok && signed(name)
        }
        _ => false,
    }
}

/// Commits the store's new files in this copy: refused when a file that
/// was committed is changed or gone, or a new file is no part of a store.
/// The files committed.
pub fn commit_local(
    git: &Git,
    message: &dyn Fn(usize) -> String,
) -> Result<Vec<String>, SyncError> {
    let ignore = git.dir().join(".gitignore");
    match fsread::read(&ignore, 4096) {
        Ok(bytes) if bytes == GITIGNORE.as_bytes() => {}
        Err(_) if fsread::kind(&ignore).ok().flatten().is_none() => {
            files::write_new(&ignore, GITIGNORE.as_bytes()).map_err(|e| SyncError::Io {
                path: ignore.clone(),
                message: e.to_string(),
            })?;
        }
        _ => return Err(SyncError::IgnoreChanged),
    }
    let status = git.run([
        "status",
        "--porcelain=v1",
        "-z",
        "--untracked-files=all",
        "--no-renames",
    ])?;
    let mut changed = Vec::new();
    let mut stray = Vec::new();
    let mut new = Vec::new();
    for entry in git::fields(&status) {
        let (code, path) = entry.split_at(entry.len().min(3));
        if code == "?? " {
            let regular = matches!(fsread::kind(&git.dir().join(path)), Ok(Some(Kind::File)));
            if regular && store_path(path) {
                new.push(path.to_owned());
            } else {
                stray.push(path.to_owned());
            }
        } else if code.starts_with('A') && code.get(1..2) == Some(" ") {
            // Staged by an earlier sync that stopped before committing.
            new.push(path.to_owned());
        } else {
            changed.push(path.to_owned());
        }
    }
    if !changed.is_empty() {
        return Err(SyncError::LocalChanged { files: changed });
    }
    if !stray.is_empty() {
        return Err(SyncError::LocalStray { files: stray });
    }
    if new.is_empty() {
        return Ok(new);
    }
    // Only the files checked, named one by one on standard input would be
    // neater; `add` of the whole tree takes exactly these, as status
    // listed nothing else.
    git.run(["add", "--all", "--", "."])?;
    git.run([
        "commit",
        "--quiet",
        "--no-verify",
        "--message",
        &message(new.len()),
    ])?;
    Ok(new)
}

/// The files `remote` adds to `base`; an error naming every other change.
pub fn incoming(git: &Git, base: &str, remote: &str) -> Result<Vec<String>, SyncError> {
    let raw = git.run([
        "diff-tree",
        "-r",
        "-z",
        "--no-renames",
        "--no-commit-id",
        base,
        remote,
    ])?;
    let fields: Vec<String> = git::fields(&raw).collect();
    let mut added = Vec::new();
    let mut changes = Vec::new();
    for pair in fields.chunks(2) {
        let [meta, path] = pair else { break };
        // `:100644 100644 <old> <new> M`
        let parts: Vec<&str> = meta.trim_start_matches(':').split(' ').collect();
        let (new_mode, status) = (
            parts.get(1).copied().unwrap_or_default(),
            parts.get(4).copied().unwrap_or_default(),
        );
        let change = match status {
            "A" if new_mode != "100644" => Some(Change::NotAFile),
            "A" if !store_path(path) => Some(Change::Stray),
            "A" => None,
            "D" => Some(Change::Removed),
            "T" => Some(Change::NotAFile),
            _ => Some(Change::Changed),
        };
        match change {
            Some(change) => changes.push((change, path.clone())),
            None => added.push(path.clone()),
        }
    }
    if changes.is_empty() {
        Ok(added)
    } else {
        Err(SyncError::Incoming { changes })
    }
}

/// The files `to` adds to `from`.
fn added(git: &Git, from: &str, to: &str) -> Result<Vec<String>, SyncError> {
    let raw = git.run([
        "diff-tree",
        "-r",
        "-z",
        "--name-only",
        "--no-renames",
        "--diff-filter=A",
        "--no-commit-id",
        from,
        to,
    ])?;
    Ok(git::fields(&raw).collect())
}

/// Syncs the store in `git`'s directory with its remote, as of `now`.
/// `Ok(Err(refused))` when what came in was refused: the copy is then as
/// it was before, but for its own new files, committed.
pub fn sync(
    git: &Git,
    remote: Option<&str>,
    now: Timestamp,
    steps: &mut dyn Steps,
) -> Result<Result<Synced, Refused>, SyncError> {
    let previous = share(git, remote)?;
    let mut result = sync_with(git, previous.is_some(), now, steps);
    match (previous, &mut result) {
        (Some(previous), Ok(Ok(synced))) => {
            synced.switched = remote.map(|now| (previous.url, now.to_owned()));
        }
        // A remote given now that could not be synced with is not kept.
        (Some(previous), _) => previous.restore(git),
        (None, _) => {}
    }
    result
}

/// [`sync`] with the copy's remote, given just now when `switched`.
fn sync_with(
    git: &Git,
    switched: bool,
    now: Timestamp,
    steps: &mut dyn Steps,
) -> Result<Result<Synced, Refused>, SyncError> {
    let dir = git.dir().to_path_buf();
    let mut synced = Synced {
        sent: commit_local(git, &|n| steps.commit_message(n))?,
        ..Synced::default()
    };
    for attempt in 0..ATTEMPTS {
        fetch(git)?;
        let remote = git.commit(REMOTE_REF)?;
        let taken = git.commit(SYNCED_REF)?;
        let head = git.commit("HEAD")?.ok_or(SyncError::Empty)?;
        let base = match &remote {
            Some(remote) => Some(merge_base(git, &head, remote)?.ok_or(SyncError::Unrelated)?),
            None => None,
        };
        // The remote's history must still hold what this copy took in. A
        // remote given just now held none of it: it needs only to hold the
        // same store (or be empty, to share the store anew).
        if let Some(taken) = taken.as_ref().filter(|_| !switched) {
            let kept = match &remote {
                Some(remote) => git.test(["merge-base", "--is-ancestor", taken, remote])?,
                None => false,
            };
            if !kept {
                return Err(SyncError::Rewritten);
            }
        }
        let report = match (&remote, base) {
            (None, _) | (_, None) => {
                synced.first = true;
                steps.verify(&Proven::default())
            }
            (Some(remote), Some(base)) => {
                let received = incoming(git, &base, remote)?;
                if head == *remote {
                    // Nothing new on either side, but perhaps a checkpoint.
                    let made = if attempt == 0 { steps.witness()? } else { None };
                    let Some(made) = made else {
                        git.run(["update-ref", SYNCED_REF, remote])?;
                        write_synced(&dir, now)?;
                        return Ok(Ok(synced));
                    };
                    let sent = commit_local(git, &|n| steps.commit_message(n))?;
                    synced.sent.extend(sent);
                    synced.checkpoint = Some(made);
                }
                let (baseline, report) = verify_combined(git, taken.as_deref(), steps, &|| {
                    combine(git, &head, remote, &base)
                })?;
                let new: Vec<Finding> = blocking(&report)
                    .filter(|f| !baseline.contains(&key(f)))
                    .cloned()
                    .collect();
                if !new.is_empty() {
                    git.run(["reset", "--quiet", "--hard", &head])?;
                    let mine: BTreeSet<String> = added(git, remote, &head)?.into_iter().collect();
                    let (own, findings) = new.into_iter().partition(|f| mine.contains(&f.file));
                    return Ok(Err(Refused {
                        findings,
                        own,
                        received,
                    }));
                }
                // Told once: not again on the next sync.
                synced.noted = noted(&report)
                    .filter(|f| !baseline.contains(&key(f)) && !baseline.contains(&told(f)))
                    .cloned()
                    .collect();
                synced.received.extend(received);
                report
            }
        };
        if attempt == 0
            && synced.checkpoint.is_none()
            && let Some(made) = steps.witness()?
        {
            let sent = commit_local(git, &|n| steps.commit_message(n))?;
            synced.sent.extend(sent);
            synced.checkpoint = Some(made);
        }
        let head = git.commit("HEAD")?.ok_or(SyncError::Empty)?;
        // What the remote gets that it did not have, also what an earlier
        // sync committed and could not send.
        synced.sent = match &remote {
            Some(remote) => added(git, remote, &head)?,
            None => git::fields(&git.run(["ls-tree", "-r", "-z", "--name-only", &head])?).collect(),
        };
        if push(git)? {
            git.run(["update-ref", SYNCED_REF, &head])?;
            write_state(&dir, &head, &report, now)?;
            return Ok(Ok(synced));
        }
    }
    Err(SyncError::Busy)
}

fn write_synced(dir: &Path, now: Timestamp) -> Result<(), SyncError> {
    let path = dir.join(SYNCED_FILE);
    files::replace(&path, format!("{now}\n").as_bytes()).map_err(|e| SyncError::Io {
        path,
        message: e.to_string(),
    })
}

/// Fetches the remote's branch, whatever became of it; nothing when the
/// remote has no branch yet.
fn fetch(git: &Git) -> Result<(), SyncError> {
    let refspec = format!("+refs/heads/{BRANCH}:{REMOTE_REF}");
    let mut args = git.remote_settings()?;
    args.extend(["fetch", "--quiet", "--no-tags", "origin", &refspec].map(str::to_owned));
    if let Err(e) = git.run(&args) {
        empty_remote(git, e)?;
        // Nothing there: what was fetched before is gone too.
        git.output(["update-ref", "-d", REMOTE_REF])?;
    }
    Ok(())
}

/// A fetch that failed because the remote has no branch yet is no error.
fn empty_remote(git: &Git, error: SyncError) -> Result<(), SyncError> {
    let mut args = git.remote_settings()?;
    args.extend(["ls-remote", "--heads", "origin"].map(str::to_owned));
    let (output, _) = git.output(&args)?;
    if output.status.success() && output.stdout.is_empty() {
        Ok(())
    } else {
        Err(error)
    }
}

fn merge_base(git: &Git, a: &str, b: &str) -> Result<Option<String>, SyncError> {
    let (output, shown) = git.output(["merge-base", a, b])?;
    match output.status.code() {
        Some(0) => Ok(Some(
            String::from_utf8_lossy(&output.stdout).trim().to_owned(),
        )),
        Some(1) => Ok(None),
        _ => Err(git::failed(&shown, &output)),
    }
}

/// Takes `remote` into this copy: forward when this copy added nothing
/// since `base`, else a merge of the two, which only adds files.
fn combine(git: &Git, head: &str, remote: &str, base: &str) -> Result<(), SyncError> {
    if remote == base {
        return Ok(());
    }
    if head == base {
        git.run(["merge", "--quiet", "--ff-only", remote])?;
        return Ok(());
    }
    let (output, shown) = git.output([
        "merge",
        "--quiet",
        "--no-ff",
        "--no-edit",
        "--no-verify",
        "-m",
        "maatwerk: samengevoegd / combined",
        remote,
    ])?;
    if output.status.success() {
        return Ok(());
    }
    let conflicted = git
        .run(["diff", "--name-only", "-z", "--diff-filter=U"])
        .map(|b| git::fields(&b).next())
        .ok()
        .flatten();
    let _ = git.output(["merge", "--abort"]);
    let _ = git.output(["reset", "--quiet", "--hard", head]);
    match conflicted {
        Some(file) => Err(SyncError::Conflict { file }),
        None => Err(git::failed(&shown, &output)),
    }
}

/// Pushes this copy's branch; `false` when the remote moved on meanwhile.
fn push(git: &Git) -> Result<bool, SyncError> {
    let mut args = git.remote_settings()?;
    args.extend(["push", "--porcelain", "--quiet", "origin"].map(str::to_owned));
    args.push(format!("HEAD:refs/heads/{BRANCH}"));
    let (output, shown) = git.output(&args)?;
    if output.status.success() {
        return Ok(true);
    }
    let said = String::from_utf8_lossy(&output.stdout);
    let refused: Vec<&str> = said.lines().filter(|l| l.starts_with('!')).collect();
    if refused.iter().any(|l| l.contains("checked out")) {
        return Err(SyncError::CheckedOut { kept: None });
    }
    // `[rejected]`: the remote moved on; `[remote rejected]` is a refusal.
    if refused.iter().any(|l| l.contains("[rejected]")) {
        return Ok(false);
    }
    Err(git::failed(&shown, &output))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_a_store_holds_are_taken_in() {
        for good in [
            "store.toml",
            "store.toml.sig",
            ".gitignore",
            "keyring/KR-20260105-75P7QQZD.toml",
            "keyring/KR-20260105-75P7QQZD.toml.sig",
            "norms/69c09867961fff55e5ae7d949d4f04c551a197455fb54cb26a9dc7554baac25c.toml",
            "records/anna@gemeente.example/000001-MW-20261123-7X46T0M9.toml",
            "records/anna@gemeente.example+k7p2q9x3/000001-MW-20261123-7X46T0M9.toml.sig",
            "reviews/tom@gemeente.example/000001-RV-20261124-8S853SXT.toml",
            "checkpoints/tom@gemeente.example/000001-CP-20261124-8S853SXT.toml",
            "signals/anna@gemeente.example/SG-20261125-8S84XWS2.toml",
        ] {
            assert!(store_path(good), "{good}");
        }
        for bad in [
            ".gitattributes",
            ".gitmodules",
            "records/.gitattributes",
            "records/anna@gemeente.example/.gitattributes",
            "records/anna@gemeente.example/000001-MW-20261123-7X46T0M9.txt",
            "records/Anna/000001-MW-20261123-7X46T0M9.toml",
            "signals/anna@gemeente.example+k7p2q9x3/SG-20261125-8S84XWS2.toml",
            "records/anna@gemeente.example/sub/000001-MW-20261123-7X46T0M9.toml",
            "export.csv",
            "keyring/../store.toml",
            ".locks/anna.lock",
        ] {
            assert!(!store_path(bad), "{bad}");
        }
    }
}
