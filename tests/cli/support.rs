use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The fixed "now" every test runs at: Monday 23 November 2026.
pub const NOW: &str = "2026-11-23T09:00:00Z";

/// When tests verify: after anything they signed.
pub const VERIFY_NOW: &str = "2026-12-31T12:00:00Z";

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

/// A store with three people: Bea (beheerder, the trust root), Anna
/// (consulent) and Tom (teamleider), each with an unencrypted key.
pub struct Team {
    pub sandbox: Sandbox,
}

impl Team {
    pub fn new() -> Self {
        let sandbox = Sandbox::new();
        let team = Self { sandbox };
        for who in ["bea", "anna", "tom", "eve"] {
            team.sandbox
                .cmd()
                .args(["keys", "new", "--no-passphrase", "--comment", who, "--out"])
                .arg(team.key(who))
                .assert()
                .success();
        }
        team.as_("bea")
            .args([
                "init",
                "--principal",
                "bea@gemeente.example",
                "--name",
                "Bea Beheer",
            ])
            .assert()
            .success();
        team.add("anna", "Anna Consulent", "consulent");
        team.add("tom", "Tom Teamleider", "teamleider");
        team.as_("bea")
            .args(["norms", "adopt", "--all"])
            .assert()
            .success();
        team
    }

    /// A team with two decisions on `pw-zoektermijn-jongeren` for one case
    /// (written two ways), one of them beyond the mandaat and approved by
    /// Tom; a resident's view that starts with "="; and a signal about the
    /// same norm. Returns the two record ids.
    pub fn two_decisions_and_a_signal() -> (Self, [String; 2]) {
        let team = Self::new();
        let example =
            fs::read_to_string(Team::example("pw-zoektermijn-jongeren")).expect("example");
        let first = team.sandbox.write(
            "first.toml",
            example.replace(
                "resident_view = \"Wil graag",
                "resident_view = \"=HYPERLINK(\\\"x\\\") Wil graag",
            ),
        );
        let first = team.record("anna", "pw-zoektermijn-jongeren", &first);
        let second = team.sandbox.write(
            "second.toml",
            example
                .replace("voorschot = 450", "voorschot = 900")
                .replace("Z-2026-001234", "z 2026/1234"),
        );
        let second = team.record("anna", "pw-zoektermijn-jongeren", &second);
        let approved = team
            .as_("tom")
            .args(["review", &second, "--approve", "--comment", "Akkoord."])
            .output()
            .expect("run");
        assert!(approved.status.success(), "{}", stderr(&approved));
        let signal = team
            .as_("anna")
            .args([
                "signal",
                "--case",
                "Z-2026-000099",
                "--text",
                "Geen norm voor woonkosten bij dakloosheid na detentie.",
                "--norm",
                "pw-zoektermijn-jongeren",
                "--check",
                "leeftijd-onder-27",
            ])
            .output()
            .expect("run");
        assert!(signal.status.success(), "{}", stderr(&signal));
        (team, [first, second])
    }

    /// The SHA256 fingerprint of `who`'s key, as `ssh-keygen -l` gives it.
    pub fn fingerprint(&self, who: &str) -> String {
        let output = ssh_keygen()
            .args(["-l", "-E", "sha256", "-f"])
            .arg(format!("{}.pub", self.key(who).display()))
            .output()
            .expect("ssh-keygen");
        String::from_utf8_lossy(&output.stdout)
            .split_whitespace()
            .nth(1)
            .expect("fingerprint")
            .to_owned()
    }

    pub fn key(&self, who: &str) -> PathBuf {
        self.sandbox.work().join("keys").join(who)
    }

    pub fn store(&self) -> PathBuf {
        self.sandbox.work().join("store")
    }

    pub fn principal(who: &str) -> String {
        format!("{who}@gemeente.example")
    }

    /// `maatwerk` acting as `who`, on the team's store.
    pub fn as_(&self, who: &str) -> Command {
        let mut cmd = self.sandbox.cmd();
        cmd.env("MAATWERK_STORE", self.store())
            .env("MAATWERK_KEY", self.key(who));
        cmd
    }

    pub fn add(&self, who: &str, name: &str, role: &str) {
        self.as_("bea")
            .args([
                "keyring",
                "add",
                "--principal",
                &Self::principal(who),
                "--name",
                name,
                "--role",
                role,
                "--public-key",
            ])
            .arg(format!("{}.pub", self.key(who).display()))
            .assert()
            .success();
    }

    /// Bea revokes `who` at `at` (RFC 3339).
    pub fn revoke(&self, who: &str, at: &str) {
        self.as_("bea")
            .env("MAATWERK_NOW", at)
            .args([
                "keyring",
                "revoke",
                &Self::principal(who),
                "--reason",
                "uit dienst",
            ])
            .assert()
            .success();
    }

    /// Records a decision as `who` from an answers file in `examples/answers`
    /// (or any path), returning the new record's id.
    pub fn record(&self, who: &str, norm: &str, answers: &Path) -> String {
        let output = self
            .as_(who)
            .args(["new", "--norm", norm, "--answers"])
            .arg(answers)
            .output()
            .expect("run");
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output).trim().to_owned()
    }

    /// The bundled example answers for `norm`.
    pub fn example(norm: &str) -> PathBuf {
        repo().join("examples/answers").join(format!("{norm}.toml"))
    }

    /// `maatwerk verify --json` as parsed JSON, with the exit code, run
    /// after every test's records were signed.
    pub fn verify(&self) -> (Option<i32>, serde_json::Value) {
        let output = self
            .as_("bea")
            .env("MAATWERK_NOW", VERIFY_NOW)
            .args(["verify", "--json"])
            .output()
            .expect("run");
        let json = serde_json::from_str(&stdout(&output))
            .unwrap_or_else(|_| panic!("json: {}{}", stdout(&output), stderr(&output)));
        (output.status.code(), json)
    }

    /// Every file in the store, relative, sorted: to show nothing changed.
    pub fn files(&self) -> Vec<String> {
        fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
            for entry in fs::read_dir(dir).expect("dir").filter_map(Result::ok) {
                let path = entry.path();
                if path.is_dir() {
                    walk(base, &path, out);
                } else {
                    out.push(
                        path.strip_prefix(base)
                            .expect("inside")
                            .display()
                            .to_string(),
                    );
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.store(), &self.store(), &mut out);
        out.sort();
        out
    }

    /// The record file of `id` (the `.toml`).
    pub fn record_file(&self, id: &str) -> PathBuf {
        let records = self.store().join("records");
        for author in fs::read_dir(&records)
            .expect("records")
            .filter_map(Result::ok)
        {
            for file in fs::read_dir(author.path())
                .expect("author")
                .filter_map(Result::ok)
            {
                let name = file.file_name().to_string_lossy().into_owned();
                if name.ends_with(&format!("{id}.toml")) {
                    return file.path();
                }
            }
        }
        panic!("no record {id}");
    }
}

/// `ssh-keygen`, which `.ci/run` installs; tests that need it fail loudly
/// without it rather than skip.
pub fn ssh_keygen() -> std::process::Command {
    std::process::Command::new("ssh-keygen")
}

pub fn sig(file: &Path) -> PathBuf {
    PathBuf::from(format!("{}.sig", file.display()))
}

/// Replaces the signature of `file` with one `ssh-keygen` makes with
/// `who`'s key in `namespace`.
pub fn resign(team: &Team, file: &Path, who: &str, namespace: &str) {
    fs::remove_file(sig(file)).expect("remove sig");
    let output = ssh_keygen()
        .args(["-Y", "sign", "-n", namespace, "-f"])
        .arg(team.key(who))
        .arg(file)
        .output()
        .expect("ssh-keygen");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

pub fn edit(file: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(file).expect("read");
    assert!(text.contains(from), "{from:?} not in {}", file.display());
    fs::write(file, text.replacen(from, to, 1)).expect("write");
}
