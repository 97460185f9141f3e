use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The fixed "now" every test runs at: Monday 23 November 2026.
pub const NOW: &str = "2026-11-23T09:00:00Z";

/// A sealed place to run the binary: its own HOME and working directory.
pub struct Sandbox {
    root: TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        let root = tempfile::tempdir().expect("temp dir");
        fs::create_dir_all(root.path().join("home")).expect("home");
        fs::create_dir_all(root.path().join("work")).expect("work");
        Self { root }
    }

    pub fn home(&self) -> PathBuf {
        self.root.path().join("home")
    }

    /// The working directory the binary runs in.
    pub fn work(&self) -> PathBuf {
        self.root.path().join("work")
    }

    /// `maatwerk` with a clean environment, English unless a test says
    /// otherwise, and the fixed clock.
    pub fn cmd(&self) -> Command {
        Command::from_std(self.std_cmd())
    }

    /// The same as [`cmd`](Self::cmd), as a plain `std` command for tests
    /// that need to hold the child's pipes.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("maatwerk"));
        cmd.env_clear()
            .env("HOME", self.home())
            .env("MAATWERK_NOW", NOW)
            .env("LANG", "en_GB.UTF-8")
            .current_dir(self.work());
        cmd
    }

    /// Writes `text` to `relative` under the working directory.
    pub fn write(&self, relative: &str, text: impl AsRef<[u8]>) -> PathBuf {
        let path = self.work().join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("parent dir");
        }
        fs::write(&path, text).expect("write");
        path
    }

    /// Copies one bundled norm into `dir` under the working directory.
    pub fn copy_norm(&self, id: &str, dir: &str) -> PathBuf {
        let text = fs::read(repo().join("norms").join(format!("{id}.toml"))).expect("bundled norm");
        self.write(&format!("{dir}/{id}.toml"), text)
    }
}

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Standard output of a finished command as text.
pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
