//! Making a copy of a shared store for a new member or machine.

use std::path::Path;

use jiff::Timestamp;

use super::git::Git;
use super::remote::init;
use super::{REMOTE_REF, SYNCED_REF, SyncError, fetch, incoming, write_state};
use crate::domain::fsread::{self, Kind};
use crate::domain::store::device::Device;
use crate::domain::store::files;
use crate::domain::verify::Report;

/// Makes a copy of the store at `url` in `dir` (absent or empty), a device
/// of its own; checks every file before it is written out and verifies the
/// copy. `Ok(Err(report))` when verify finds errors: the copy is then
/// removed again.
pub fn clone(
    git: &Git,
    url: &str,
    now: Timestamp,
    verify: &mut dyn FnMut(&Path) -> Report,
) -> Result<Result<Device, Report>, SyncError> {
    let dir = git.dir().to_path_buf();
    match fsread::kind(&dir) {
        Ok(None) => {}
        Ok(Some(Kind::Dir)) if fsread::list(&dir).is_ok_and(|l| l.is_empty()) => {}
        _ => return Err(SyncError::NotEmpty { dir }),
    }
    let made = !dir.exists();
    let result = clone_into(git, url, now, verify);
    if !matches!(result, Ok(Ok(_))) {
        // Nothing is left of a copy that was not taken.
        if made {
            let _ = std::fs::remove_dir_all(&dir);
        } else if let Ok(listed) = fsread::list(&dir) {
            for (name, kind) in listed {
                let path = dir.join(name);
                let _ = if kind == Kind::Dir {
                    std::fs::remove_dir_all(path)
                } else {
                    std::fs::remove_file(path)
                };
            }
        }
    }
    result
}

fn clone_into(
    git: &Git,
    url: &str,
    now: Timestamp,
    verify: &mut dyn FnMut(&Path) -> Report,
) -> Result<Result<Device, Report>, SyncError> {
    let dir = git.dir().to_path_buf();
    files::make_dirs(&dir).map_err(|e| SyncError::Io {
        path: dir.clone(),
        message: e.to_string(),
    })?;
    init(git)?;
    git.run(["remote", "add", "origin", url])?;
    fetch(git)?;
    let remote = git.commit(REMOTE_REF)?.ok_or(SyncError::Empty)?;
    let empty_tree = git.run(["hash-object", "-t", "tree", "/dev/null"])?;
    let empty_tree = String::from_utf8_lossy(&empty_tree).trim().to_owned();
    incoming(git, &empty_tree, &remote)?;
    git.run(["reset", "--quiet", "--hard", &remote])?;
    let device = Device::assign(&dir).map_err(|e| SyncError::Io {
        path: dir.join(crate::domain::store::device::DEVICE_FILE),
        message: e.to_string(),
    })?;
    let report = verify(&dir);
    if report.errors() > 0 {
        return Ok(Err(report));
    }
    git.run(["update-ref", SYNCED_REF, &remote])?;
    write_state(&dir, &remote, &report, now)?;
    Ok(Ok(device))
}
