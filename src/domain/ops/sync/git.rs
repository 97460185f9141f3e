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
    // What comes in is checked as git can: a tree that names a file twice,
    // a path no checkout may write, a malformed object, is refused.
    "transfer.fsckObjects=true",
];

/// What the programs git starts in a remote on this machine are told,
/// over what that repository's own configuration says: run no hook, no
/// file-system monitor, no command to list an alternate's refs (`true`
/// lists none), no housekeeping afterwards, and never check out what is
/// pushed (which would run the filters the repository names). A team's
/// repository is bare and needs none of it.
const REMOTE_SETTINGS: &[&str] = &[
    "core.hooksPath=/dev/null",
    "core.fsmonitor=false",
    "core.alternateRefsCommand=true",
    "receive.denyCurrentBranch=refuse",
    "receive.autogc=false",
    "gc.auto=0",
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
        // What a person is shown of the command: without its settings.
        let mut shown = Vec::new();
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            if arg == "-c" {
                rest.next();
            } else {
                shown.push(arg.to_string_lossy().into_owned());
            }
        }
        let shown = shown.join(" ");
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

    /// What fetch and push are told on top of [`SETTINGS`] for the
    /// remote `origin`. A remote on this machine (a path, `file://`) is
    /// served by git programs started here, in the remote's repository,
    /// which would run what that repository's hooks and settings name:
    /// code anyone with write access to the shared repository could put
    /// there. They are told to run none ([`REMOTE_SETTINGS`]). A remote
    /// reached over a network runs its own programs on its own machine and
    /// is left to them.
    pub fn remote_settings(&self) -> Result<Vec<String>, SyncError> {
        let (output, _) = self.output(["remote", "get-url", "origin"])?;
        let url = String::from_utf8_lossy(&output.stdout).trim().to_owned();
        if !output.status.success() || !is_local(&url) {
            return Ok(Vec::new());
        }
        let program = quoted(&self.program.to_string_lossy());
        let mut settings = Vec::new();
        for (key, service) in [
            ("uploadpack", "upload-pack"),
            ("receivepack", "receive-pack"),
        ] {
            settings.push("-c".to_owned());
            let mut told = String::new();
            for setting in REMOTE_SETTINGS {
                told.push_str(" -c ");
                told.push_str(&quoted(setting));
            }
            settings.push(format!("remote.origin.{key}={program}{told} {service}"));
        }
        Ok(settings)
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

/// Whether git reaches `url` by starting its own programs on this machine,
/// as it decides: `file://`, or a path (no scheme, and no `host:` before
/// the first `/`).
pub fn is_local(url: &str) -> bool {
    if let Some((scheme, _)) = url.split_once("://") {
        return scheme.eq_ignore_ascii_case("file");
    }
    match url.split_once(':') {
        None => true,
        Some((before, _)) => before.contains('/'),
    }
}

/// `text` quoted for the shell git starts a local remote's program with.
fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remotes_on_this_machine_are_told_apart_from_remotes_elsewhere() {
        for local in [
            "/srv/team.git",
            "team.git",
            "../team.git",
            "file:///srv/team.git",
            "FILE:///srv/team.git",
            "./a:b.git",
            "/srv/a:b.git",
        ] {
            assert!(is_local(local), "{local}");
        }
        for remote in [
            "ssh://git@host/team.git",
            "git@host:team.git",
            "host:team.git",
            "https://host/team.git",
            "git://host/team.git",
        ] {
            assert!(!is_local(remote), "{remote}");
        }
    }

    #[test]
    fn a_program_is_quoted_for_the_shell() {
        assert_eq!(quoted("git"), "'git'");
        assert_eq!(quoted("/opt/it's/git"), "'/opt/it'\\''s/git'");
    }
}
