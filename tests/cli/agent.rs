//! Keys people already keep in an ssh-agent — on a hardware token, or
//! unlocked once a day — sign: `--key` names the public key and the agent on
//! `SSH_AUTH_SOCK` signs, tested against a real `ssh-agent`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::support::{Team, ssh_keygen, stderr, stdout};

/// A real `ssh-agent` in the foreground, stopped when dropped.
struct Agent {
    child: Child,
    socket: PathBuf,
}

impl Agent {
    fn start(dir: &Path) -> Self {
        let socket = dir.join("agent.sock");
        let child = Command::new("ssh-agent")
            .arg("-D")
            .arg("-a")
            .arg(&socket)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("ssh-agent (openssh-client) is installed");
        let start = Instant::now();
        while !socket.exists() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "ssh-agent did not start"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        Self { child, socket }
    }

    fn add(&self, key: &Path) {
        let out = Command::new("ssh-add")
            .arg(key)
            .env("SSH_AUTH_SOCK", &self.socket)
            .output()
            .expect("ssh-add");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn a_key_held_by_an_ssh_agent_signs_and_stock_openssh_verifies_it() {
    let team = Team::new();
    let agent = Agent::start(&team.sandbox.work());
    agent.add(&team.key("anna"));
    // Only the public half stays where maatwerk can read it.
    let public = team.sandbox.work().join("anna-agent.pub");
    fs::copy(format!("{}.pub", team.key("anna").display()), &public).expect("copy");
    let hidden = team.sandbox.work().join("elsewhere");
    fs::rename(team.key("anna"), &hidden).expect("move the private key away");

    let norm = "pw-zoektermijn-jongeren";
    let sign = |socket: Option<&Path>| {
        let mut cmd = team.as_("anna");
        cmd.env("MAATWERK_KEY", &public)
            .env_remove("SSH_AUTH_SOCK")
            .args(["new", "--norm", norm, "--answers"])
            .arg(Team::example(norm));
        if let Some(s) = socket {
            cmd.env("SSH_AUTH_SOCK", s);
        }
        cmd.output().expect("run")
    };
    let out = sign(Some(&agent.socket));
    assert!(out.status.success(), "{}", stderr(&out));
    let id = stdout(&out).trim().to_owned();
    let (code, report) = team.verify();
    assert_eq!(code, Some(0), "{report}");

    // Stock OpenSSH accepts what the agent signed.
    let signers = team.sandbox.work().join("allowed_signers");
    let listed = team
        .as_("bea")
        .args(["keyring", "allowed-signers"])
        .output()
        .expect("run");
    fs::write(&signers, listed.stdout).expect("write");
    let record = team.record_file(&id);
    let check = ssh_keygen()
        .args(["-Y", "verify", "-n", "maatwerk-record", "-I"])
        .arg(Team::principal("anna"))
        .arg("-f")
        .arg(&signers)
        .arg("-s")
        .arg(format!("{}.sig", record.display()))
        .stdin(fs::File::open(&record).expect("record"))
        .output()
        .expect("ssh-keygen");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );

    // No agent running: said, with the way on; nothing written.
    let before = team.files();
    let out = sign(None);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("ssh-agent"), "{}", stderr(&out));
    assert!(stderr(&out).contains("ssh-add"), "{}", stderr(&out));
    assert_eq!(team.files(), before);

    // An agent that does not hold the key refuses; nothing written.
    let dir = team.sandbox.work().join("other");
    fs::create_dir_all(&dir).expect("dir");
    let other = Agent::start(&dir);
    let out = sign(Some(&other.socket));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("does not sign with this key"),
        "{}",
        stderr(&out)
    );
    assert_eq!(team.files(), before);
}
