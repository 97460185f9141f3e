//! The `git` program, run on a store's copy and nothing else. It is told
//! everything that matters on its command line, so that no setting of the
//! user's own (a global ignore file, signing of commits, line-ending
//! conversion, hooks) changes what is committed or checked out, and no
//! repository around the store is ever mistaken for the store's own.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use super::SyncError;

/// Who commits: the person syncing, as the keyring names them.
#[derive(Debug, Clone)]
pub struct Identity {
    pub name: String,
    pub email: String,
}

/// Settings that hold for every command, whatever the user's own git
/// configuration says.
const SETTINGS: &[&str] = &[
    "core.autocrlf=false",
    "core.eol=lf",
    "core.safecrlf=false",
    "core.symlinks=false",
    "core.excludesFile=/dev/null",
    "core.hooksPath=/dev/null",
    "core.fsmonitor=false",
    "core.quotePath=false",
    "commit.gpgSign=false",
    "merge.renames=false",
    "diff.renames=false",
    "gc.auto=0",
    "maintenance.auto=false",
    "advice.detachedHead=false",
    "init.defaultBranch=main",
];

/// Variables that would point git at another repository than the store's.
const FOREIGN: &[&str] = &[
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_NAMESPACE",
    "GIT_COMMON_DIR",
    "GIT_PREFIX",
    "GIT_CONFIG",
    "GIT_CONFIG_PARAMETERS",
    "GIT_CONFIG_COUNT",
];

/// The `git` program, working in one directory.
#[derive(Debug, Clone)]
pub struct Git {
    program: OsString,
    dir: PathBuf,
    identity: Identity,
}

impl Git {
    pub fn new(program: impl Into<OsString>, dir: &Path, identity: Identity) -> Self {
        Self {
            program: program.into(),
            dir: dir.to_path_buf(),
            identity,
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn command<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut command = Command::new(&self.program);
        command.current_dir(&self.dir);
        for setting in SETTINGS {
            command.arg("-c").arg(setting);
        }
        command.args(args);
        for name in FOREIGN {
            command.env_remove(name);
        }
        // Never look for a repository above the store.
        if let Some(parent) = self.dir.parent() {
            command.env("GIT_CEILING_DIRECTORIES", parent);
        }
        command
            .env("GIT_AUTHOR_NAME", &self.identity.name)
            .env("GIT_AUTHOR_EMAIL", &self.identity.email)
            .env("GIT_COMMITTER_NAME", &self.identity.name)
            .env("GIT_COMMITTER_EMAIL", &self.identity.email)
            .env("GIT_TERMINAL_PROMPT", "0")
            .stdin(Stdio::null());
        command
    }

    /// Runs git with `args`; its output whatever the exit status.
    pub fn output<I, S>(&self, args: I) -> Result<(Output, String), SyncError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let args: Vec<OsString> = args.into_iter().map(|a| a.as_ref().to_owned()).collect();
        let shown = args
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(" ");
        let output = self.command(&args).output().map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                SyncError::GitMissing {
                    program: self.program.to_string_lossy().into_owned(),
                }
            } else {
                SyncError::Io {
                    path: self.dir.clone(),
                    message: e.to_string(),
                }
            }
        })?;
        Ok((output, shown))
    }

    /// Runs git with `args`; its standard output, or an error with what it
    /// said when it failed.
    pub fn run<I, S>(&self, args: I) -> Result<Vec<u8>, SyncError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let (output, shown) = self.output(args)?;
        if output.status.success() {
            Ok(output.stdout)
        } else {
            Err(failed(&shown, &output))
        }
    }

    /// Runs git with `args` for its answer yes (exit 0) or no (exit 1).
    pub fn test<I, S>(&self, args: I) -> Result<bool, SyncError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let (output, shown) = self.output(args)?;
        match output.status.code() {
            Some(0) => Ok(true),
            Some(1) => Ok(false),
            _ => Err(failed(&shown, &output)),
        }
    }

    /// The commit `name` names, if it exists.
    pub fn commit(&self, name: &str) -> Result<Option<String>, SyncError> {
        let (output, _) = self.output([
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{name}^{{commit}}"),
        ])?;
        Ok(output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
            .filter(|c| !c.is_empty()))
    }
}

/// The error for a git command that failed: its last lines.
pub fn failed(shown: &str, output: &Output) -> SyncError {
    let said = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = said.lines().filter(|l| !l.trim().is_empty()).collect();
    let tail = lines[lines.len().saturating_sub(6)..].join("\n");
    SyncError::Git {
        command: format!("git {shown}"),
        said: tail,
    }
}

/// The fields of git's `-z` output.
pub fn fields(bytes: &[u8]) -> impl Iterator<Item = String> + '_ {
    bytes
        .split(|b| *b == 0)
        .filter(|f| !f.is_empty())
        .map(|f| String::from_utf8_lossy(f).into_owned())
}
