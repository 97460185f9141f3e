//! Which remote a copy syncs with: a store made a repository the first
//! time it is shared, and a remote given anew kept only once a sync with
//! it went through.

use std::path::Path;

use super::{BRANCH, Git, REMOTE_REF, SyncError, git, is_shared};
use crate::domain::fsread;

/// Makes the directory a repository, set up for a store of many files: a
/// smaller index, and what was found untracked remembered per directory.
pub(super) fn init(git: &Git) -> Result<(), SyncError> {
    git.run(["init", "--quiet", "--initial-branch", BRANCH])?;
    git.run(["config", "index.version", "4"])?;
    git.run(["config", "core.untrackedCache", "true"])?;
    Ok(())
}

/// Makes the store in `git`'s directory shared with `remote` (a store not
/// yet in git becomes a repository; a copy that has a remote gets this
/// one instead). What the copy's remote was, when it was given another.
pub fn share(git: &Git, remote: Option<&str>) -> Result<Option<Previous>, SyncError> {
    let dir = git.dir();
    if !is_shared(dir) {
        if remote.is_none() {
            return Err(SyncError::NotShared);
        }
        init(git)?;
    }
    let (output, _) = git.output(["remote", "get-url", "origin"])?;
    let current = output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned());
    let Some(url) = remote else {
        return current.map(|_| None).ok_or(SyncError::NoRemote);
    };
    if current.as_deref() == Some(url) {
        return Ok(None);
    }
    // A repository with a working tree never takes a push to its branch:
    // said now, before the copy is given it.
    if git::is_local(url) {
        let path = url.strip_prefix("file://").unwrap_or(url);
        if matches!(fsread::kind(&Path::new(path).join(".git")), Ok(Some(_))) {
            return Err(SyncError::CheckedOut { kept: current });
        }
    }
    match &current {
        None => git.run(["remote", "add", "origin", url])?,
        Some(_) => git.run(["remote", "set-url", "origin", url])?,
    };
    // What was fetched from the remote before is not this one's.
    git.output(["update-ref", "-d", REMOTE_REF])?;
    Ok(Some(Previous { url: current }))
}

/// The remote a copy had before it was given another.
#[derive(Debug)]
pub struct Previous {
    pub(super) url: Option<String>,
}

impl Previous {
    /// Gives the copy its earlier remote back: a remote that could not be
    /// reached is not remembered.
    pub(super) fn restore(&self, git: &Git) {
        let _ = match &self.url {
            Some(url) => git.output(["remote", "set-url", "origin", url]),
            None => git.output(["remote", "remove", "origin"]),
        };
    }
}
