//! A team's store shared through git: one bare repository, three copies
//! (two consulenten, one teamleider, one consulent on two copies) signing
//! at the same time and syncing in every order; then each attack an
//! insider could make with plain git, refused by sync on another copy and
//! found by verify on a fresh clone.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use super::support::{Team, stderr, stdout};

/// The `git` program, found where a shell would find it: the tests run
/// the binary with an empty environment.
fn git_program() -> PathBuf {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .map(|dir| dir.join("git"))
        .find(|path| path.is_file())
        .expect("git on PATH")
}

/// Plain git in `dir`, as an insider would run it.
fn git(dir: &Path, args: &[&str]) -> String {
    let output = std::process::Command::new(git_program())
        .current_dir(dir)
        .args([
            "-c",
            "user.name=Insider",
            "-c",
            "user.email=insider@example.org",
        ])
        .args(args)
        .output()
        .expect("git");
    assert!(output.status.success(), "git {args:?}: {}", stderr(&output));
    stdout(&output)
}

struct Shared {
    team: Team,
}

impl Shared {
    /// Bea's store, shared through a new bare repository, with Eve added
    /// as a second consulent; copies made by clone for Anna (`anna1`),
    /// Eve (`eve2`, where Anna signs too) and Tom (`tom3`).
    fn new() -> Self {
        let team = Team::new();
        team.add("eve", "Eve Consulent", "consulent");
        git(
            &team.sandbox.work(),
            &[
                "init",
                "--quiet",
                "--bare",
                "--initial-branch=main",
                "remote.git",
            ],
        );
        let shared = Self { team };
        let first = shared.run(
            "bea",
            "store",
            "2026-11-23T10:00:00Z",
            &["sync", "--remote", "remote.git"],
        );
        assert!(first.status.success(), "{}", stderr(&first));
        assert!(
            stdout(&first).contains("The store is shared now"),
            "{}",
            stdout(&first)
        );
        for (who, copy) in [("anna", "anna1"), ("eve", "eve2"), ("tom", "tom3")] {
            let cloned = shared.run(who, copy, "2026-11-23T10:05:00Z", &["clone", "remote.git"]);
            assert!(cloned.status.success(), "{}", stderr(&cloned));
        }
        shared
    }

    fn dir(&self, copy: &str) -> PathBuf {
        self.team.sandbox.work().join(copy)
    }

    /// `maatwerk` as `who` on the copy `copy`, at `now`.
    fn run(&self, who: &str, copy: &str, now: &str, args: &[&str]) -> Output {
        self.team
            .sandbox
            .cmd()
            .env("MAATWERK_STORE", self.dir(copy))
            .env("MAATWERK_KEY", self.team.key(who))
            .env("MAATWERK_NOW", now)
            .env("MAATWERK_GIT", git_program())
            .args(args)
            .output()
            .expect("run")
    }

    /// `who` decides on a case of its own in `copy` at `now`.
    fn decide(&self, who: &str, copy: &str, now: &str, case: &str) -> String {
        self.decide_with(who, copy, now, case, "voorschot = 450")
    }

    /// As [`Self::decide`], with an advance of its own: beyond a
    /// consulent's mandaat above € 500.
    fn decide_with(&self, who: &str, copy: &str, now: &str, case: &str, advance: &str) -> String {
        let example =
            fs::read_to_string(Team::example("pw-zoektermijn-jongeren")).expect("example");
        let answers = self.team.sandbox.write(
            &format!("{case}.toml"),
            example
                .replace("Z-2026-001234", case)
                .replace("voorschot = 450", advance),
        );
        let answers = answers.display().to_string();
        let output = self.run(
            who,
            copy,
            now,
            &[
                "new",
                "--norm",
                "pw-zoektermijn-jongeren",
                "--answers",
                &answers,
            ],
        );
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output).trim().to_owned()
    }

    fn sync(&self, who: &str, copy: &str, now: &str) -> Output {
        self.run(who, copy, now, &["sync"])
    }

    /// Each `(who, copy, now)` syncs in turn, and each sync goes through.
    fn sync_each(&self, rounds: &[(&str, &str, &str)]) {
        for (who, copy, now) in rounds {
            let synced = self.sync(who, copy, now);
            assert!(synced.status.success(), "{copy}: {}", stderr(&synced));
        }
    }

    /// `verify --json` on `dir`, with its exit code.
    fn verify(&self, dir: &Path) -> (Option<i32>, serde_json::Value) {
        let output = self
            .team
            .sandbox
            .cmd()
            .env("MAATWERK_STORE", dir)
            .env("MAATWERK_NOW", "2026-12-31T12:00:00Z")
            .args(["verify", "--json"])
            .output()
            .expect("run");
        let json = serde_json::from_str(&stdout(&output))
            .unwrap_or_else(|_| panic!("json: {}{}", stdout(&output), stderr(&output)));
        (output.status.code(), json)
    }

    /// A fresh clone with plain git, as an auditor makes one.
    fn fresh_clone(&self, name: &str) -> PathBuf {
        git(
            &self.team.sandbox.work(),
            &["clone", "--quiet", "remote.git", name],
        );
        self.dir(name)
    }

    /// Every file of a copy's store, sorted.
    fn files(&self, copy: &str) -> Vec<String> {
        fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
            for entry in fs::read_dir(dir).expect("dir").filter_map(Result::ok) {
                let path = entry.path();
                // Version control, locks and the index are no part of it.
                if path
                    .file_name()
                    .is_some_and(|n| [".git", ".locks", ".index"].iter().any(|s| n == *s))
                {
                    continue;
                }
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
        walk(&self.dir(copy), &self.dir(copy), &mut out);
        out.sort();
        out
    }

    /// What a copy is: its files and its commit.
    fn state(&self, copy: &str) -> (Vec<String>, String) {
        (
            self.files(copy),
            git(&self.dir(copy), &["rev-parse", "HEAD"]),
        )
    }
}

/// Whether `file` is a signed file (not its signature).
fn is_signed(file: &str) -> bool {
    Path::new(file).extension().is_some_and(|e| e == "toml")
}

fn codes(json: &serde_json::Value) -> Vec<String> {
    json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| {
            format!(
                "{} {}",
                f["code"].as_str().unwrap_or(""),
                f["file"].as_str().unwrap_or("")
            )
        })
        .collect()
}

/// Times a minute apart on 24 November, one round of signing an hour.
fn at(round: usize, minute: usize) -> String {
    format!("2026-11-24T{:02}:{minute:02}:00Z", 8 + round)
}

/// Everyone signs in every round, on every copy, before anyone syncs; the
/// copies sync in each of the six orders; no sync ever fails, and in the
/// end every copy holds the same files, verifies clean, and Anna's two
/// copies hold two chains of hers, never a fork.
#[test]
fn a_team_of_three_signs_at_once_and_syncs_in_every_order() {
    let shared = Shared::new();
    let orders = [
        ["anna1", "eve2", "tom3"],
        ["anna1", "tom3", "eve2"],
        ["eve2", "anna1", "tom3"],
        ["eve2", "tom3", "anna1"],
        ["tom3", "anna1", "eve2"],
        ["tom3", "eve2", "anna1"],
    ];
    let who = |copy: &str| match copy {
        "anna1" => "anna",
        "eve2" => "eve",
        _ => "tom",
    };
    for (round, order) in orders.iter().enumerate() {
        shared.decide(
            "anna",
            "anna1",
            &at(round, 1),
            &format!("Z-2026-1{round}01"),
        );
        shared.decide("eve", "eve2", &at(round, 1), &format!("Z-2026-1{round}02"));
        shared.decide("anna", "eve2", &at(round, 2), &format!("Z-2026-1{round}03"));
        for (k, copy) in order.iter().enumerate() {
            let synced = shared.sync(who(copy), copy, &at(round, 10 + k));
            assert!(
                synced.status.success(),
                "round {round}, {copy}: {}{}",
                stdout(&synced),
                stderr(&synced)
            );
        }
    }
    // A last round brings every copy up to date.
    for (k, copy) in ["anna1", "eve2", "tom3", "anna1", "eve2"]
        .iter()
        .enumerate()
    {
        let synced = shared.sync(who(copy), copy, &at(7, 10 + k));
        assert!(synced.status.success(), "{copy}: {}", stderr(&synced));
    }
    let files = shared.files("anna1");
    assert_eq!(shared.files("eve2"), files);
    assert_eq!(shared.files("tom3"), files);
    let anna_chains: Vec<&String> = files
        .iter()
        .filter(|f| f.starts_with("records/anna@gemeente.example+") && is_signed(f))
        .collect();
    assert_eq!(anna_chains.len(), 12, "{anna_chains:#?}");
    let devices: std::collections::BTreeSet<&str> = anna_chains
        .iter()
        .filter_map(|f| f.split('/').nth(1))
        .collect();
    assert_eq!(devices.len(), 2, "one chain per device: {devices:?}");
    // Tom witnessed as he synced.
    assert!(
        files
            .iter()
            .any(|f| f.starts_with("checkpoints/tom@gemeente.example+"))
    );
    for copy in ["anna1", "eve2", "tom3"] {
        let (code, json) = shared.verify(&shared.dir(copy));
        assert_eq!(code, Some(0), "{copy}: {json:#}");
        assert!(json["checkpoints"].as_u64().unwrap_or(0) > 0, "{json:#}");
    }
    // Git never had to merge a conflict: every merge commit is maatwerk's.
    let log = git(&shared.dir("tom3"), &["log", "--format=%an %s"]);
    assert!(!log.to_lowercase().contains("conflict"), "{log}");
    assert!(log.lines().all(|l| !l.starts_with("Insider")), "{log}");
}

/// A team after two rounds, with Tom's checkpoint naming every chain.
fn witnessed_team() -> Shared {
    let shared = Shared::new();
    shared.decide("anna", "anna1", "2026-11-28T09:00:00Z", "Z-2026-200001");
    shared.decide("anna", "anna1", "2026-11-28T09:30:00Z", "Z-2026-200002");
    shared.decide("eve", "eve2", "2026-11-28T09:10:00Z", "Z-2026-200003");
    shared.sync_each(&[
        ("anna", "anna1", "2026-11-28T10:00:00Z"),
        ("eve", "eve2", "2026-11-28T10:01:00Z"),
        ("tom", "tom3", "2026-11-28T10:02:00Z"),
    ]);
    assert!(
        shared
            .files("tom3")
            .iter()
            .any(|f| f.starts_with("checkpoints/")),
        "Tom's sync made a checkpoint"
    );
    // Anna's decision beyond her mandaat, reviewed by Tom on his copy.
    let beyond = shared.decide_with(
        "anna",
        "anna1",
        "2026-11-28T10:02:30Z",
        "Z-2026-200004",
        "voorschot = 900",
    );
    shared.sync_each(&[
        ("anna", "anna1", "2026-11-28T10:02:40Z"),
        ("tom", "tom3", "2026-11-28T10:02:45Z"),
    ]);
    let reviewed = shared.run(
        "tom",
        "tom3",
        "2026-11-28T10:02:50Z",
        &["review", &beyond, "--approve", "--comment", "Akkoord."],
    );
    assert!(reviewed.status.success(), "{}", stderr(&reviewed));
    let tom = shared.sync("tom", "tom3", "2026-11-28T10:02:55Z");
    assert!(tom.status.success(), "{}{}", stdout(&tom), stderr(&tom));
    shared.sync_each(&[
        ("anna", "anna1", "2026-11-28T10:03:00Z"),
        ("eve", "eve2", "2026-11-28T10:04:00Z"),
    ]);
    let (code, json) = shared.verify(&shared.fresh_clone("before"));
    assert_eq!(code, Some(0), "{json:#}");
    assert_eq!(json["reviews"], 1, "{json:#}");
    shared
}

/// What an insider pushed is refused by sync on Eve's copy, which is left
/// exactly as it was, and found by verify on a fresh clone.
fn refused_and_found(shared: &Shared, clone: &str, expected: &str) {
    let before = shared.state("eve2");
    let synced = shared.sync("eve", "eve2", "2026-11-30T09:00:00Z");
    assert_eq!(
        synced.status.code(),
        Some(1),
        "{}{}",
        stdout(&synced),
        stderr(&synced)
    );
    assert_eq!(shared.state("eve2"), before, "the copy is as it was");
    let (code, json) = shared.verify(&shared.fresh_clone(clone));
    assert_eq!(code, Some(1), "{json:#}");
    let found = codes(&json);
    assert!(
        found.iter().any(|c| c.starts_with(expected)),
        "{expected}: {found:#?}"
    );
}

#[test]
fn an_authors_newest_record_removed_is_refused_and_found() {
    let shared = witnessed_team();
    let work = shared.fresh_clone("insider");
    let newest = shared
        .files("insider")
        .into_iter()
        .filter(|f| f.starts_with("records/anna@") && is_signed(f))
        .max()
        .expect("a record of Anna's");
    git(&work, &["rm", "--quiet", &newest, &format!("{newest}.sig")]);
    git(&work, &["commit", "--quiet", "-m", "weg ermee"]);
    git(&work, &["push", "--quiet", "origin", "main"]);
    let synced = shared.sync("eve", "eve2", "2026-11-30T09:00:00Z");
    assert!(
        stderr(&synced).contains("removed: records/anna@"),
        "{}",
        stderr(&synced)
    );
    refused_and_found(&shared, "auditor", "witnessed-missing records/anna@");
}

#[test]
fn a_keyring_revocation_removed_is_refused_and_found() {
    let shared = witnessed_team();
    let revoked = shared.run(
        "bea",
        "store",
        "2026-11-29T09:00:00Z",
        &[
            "keyring",
            "revoke",
            "eve@gemeente.example",
            "--reason",
            "uit dienst",
        ],
    );
    assert!(revoked.status.success(), "{}", stderr(&revoked));
    shared.sync_each(&[
        ("bea", "store", "2026-11-29T09:05:00Z"),
        ("tom", "tom3", "2026-11-29T09:10:00Z"),
        ("eve", "eve2", "2026-11-29T09:15:00Z"),
    ]);
    // Bea, who revoked Eve, takes the revocation out again.
    let work = shared.fresh_clone("insider");
    let revocation = git(
        &work,
        &["grep", "-l", "action = \"revoke\"", "--", "keyring"],
    );
    let revocation = revocation.trim();
    git(
        &work,
        &["rm", "--quiet", revocation, &format!("{revocation}.sig")],
    );
    git(&work, &["commit", "--quiet", "-m", "toch niet"]);
    git(&work, &["push", "--quiet", "origin", "main"]);
    refused_and_found(&shared, "auditor", "history-missing checkpoints/tom@");
}

#[test]
fn history_rewritten_and_force_pushed_is_refused_and_found() {
    let shared = witnessed_team();
    let work = shared.fresh_clone("insider");
    let newest = shared
        .files("insider")
        .into_iter()
        .filter(|f| f.starts_with("records/eve@") && is_signed(f))
        .max()
        .expect("a record of Eve's");
    // The last commit made again, without Eve's record in the tree.
    git(&work, &["rm", "--quiet", &newest, &format!("{newest}.sig")]);
    git(&work, &["commit", "--quiet", "--amend", "--no-edit"]);
    git(&work, &["push", "--quiet", "--force", "origin", "main"]);
    let synced = shared.sync("anna", "anna1", "2026-11-30T09:00:00Z");
    assert_eq!(synced.status.code(), Some(1));
    assert!(
        stderr(&synced).contains("history was rewritten"),
        "{}",
        stderr(&synced)
    );
    refused_and_found(&shared, "auditor", "witnessed-missing records/eve@");
}

#[test]
fn a_record_backdated_to_before_a_checkpoint_is_refused_and_found() {
    let shared = witnessed_team();
    // Anna, with her valid key, in a copy of her own made with plain git,
    // signs a decision dated four days before Tom's checkpoint of the
    // 28th, and pushes it with plain git.
    let work = shared.fresh_clone("insider");
    let id = shared.decide("anna", "insider", "2026-11-24T09:00:00Z", "Z-2026-299999");
    assert!(id.starts_with("MW-20261124-"), "{id}");
    git(&work, &["add", "--all"]);
    git(&work, &["commit", "--quiet", "-m", "vergeten"]);
    git(&work, &["push", "--quiet", "origin", "main"]);
    let synced = shared.sync("eve", "eve2", "2026-11-30T09:00:00Z");
    assert!(
        stdout(&synced).contains("error[backdated] records/anna@"),
        "{}",
        stdout(&synced)
    );
    refused_and_found(&shared, "auditor", "backdated records/anna@");
}

/// A decision signed offline a little before a checkpoint and synced after
/// it is no backdating: within the 72 hours a copy may take to sync.
#[test]
fn signed_before_a_checkpoint_and_synced_after_it_is_not_backdated() {
    let shared = witnessed_team();
    shared.decide("eve", "eve2", "2026-11-29T08:00:00Z", "Z-2026-300001");
    let witnessed = shared.sync("tom", "tom3", "2026-11-29T09:00:00Z");
    assert!(witnessed.status.success());
    let late = shared.sync("eve", "eve2", "2026-11-29T12:00:00Z");
    assert!(late.status.success(), "{}{}", stdout(&late), stderr(&late));
    let (code, json) = shared.verify(&shared.fresh_clone("auditor"));
    assert_eq!(code, Some(0), "{json:#}");
}

#[test]
fn files_no_store_holds_are_refused_before_they_are_written() {
    let shared = witnessed_team();
    let work = shared.fresh_clone("insider");
    fs::write(work.join(".gitattributes"), "* text eol=crlf\n").expect("write");
    git(&work, &["add", ".gitattributes"]);
    git(&work, &["commit", "--quiet", "-m", "regels"]);
    git(&work, &["push", "--quiet", "origin", "main"]);
    let before = shared.state("anna1");
    let synced = shared.sync("anna", "anna1", "2026-11-30T09:00:00Z");
    assert_eq!(synced.status.code(), Some(1));
    assert!(
        stderr(&synced).contains("not part of a store: .gitattributes"),
        "{}",
        stderr(&synced)
    );
    assert_eq!(shared.state("anna1"), before);
    assert!(!shared.dir("anna1").join(".gitattributes").exists());
}

#[test]
fn a_clone_with_another_root_is_refused_and_leaves_nothing() {
    let shared = Shared::new();
    let wrong = shared.team.fingerprint("eve");
    let refused = shared.run(
        "eve",
        "elsewhere",
        "2026-11-23T11:00:00Z",
        &["clone", "remote.git", "--expect-root", &wrong],
    );
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    assert!(
        stdout(&refused).contains("root-not-pinned"),
        "{}",
        stdout(&refused)
    );
    assert!(!shared.dir("elsewhere").exists());
    let right = shared.team.fingerprint("bea");
    let cloned = shared.run(
        "eve",
        "elsewhere",
        "2026-11-23T11:00:00Z",
        &["clone", "remote.git", "--expect-root", &right],
    );
    assert!(cloned.status.success(), "{}", stderr(&cloned));
}

#[test]
fn an_unshared_store_and_a_stale_copy_say_what_to_do() {
    let team = Team::new();
    let unshared = team.as_("anna").args(["sync"]).output().expect("run");
    assert_eq!(unshared.status.code(), Some(2));
    assert!(
        stderr(&unshared).contains("maatwerk sync --remote URL"),
        "{}",
        stderr(&unshared)
    );
    let shared = Shared::new();
    let stale = shared.decide("anna", "anna1", "2026-11-25T12:00:00Z", "Z-2026-400001");
    assert!(stale.starts_with("MW-"));
    let output = shared.run(
        "anna",
        "anna1",
        "2026-11-25T12:00:00Z",
        &[
            "new",
            "--norm",
            "pw-zoektermijn-jongeren",
            "--answers",
            "Z-2026-400001.toml",
        ],
    );
    assert!(
        stderr(&output).contains("last synced 2 days ago"),
        "{}",
        stderr(&output)
    );
    let fresh = shared
        .team
        .sandbox
        .cmd()
        .env("MAATWERK_STORE", shared.dir("anna1"))
        .env("MAATWERK_KEY", shared.team.key("anna"))
        .env("MAATWERK_NOW", "2026-11-25T12:00:00Z")
        .env("MAATWERK_SYNC_WARN_AFTER", "3d")
        .args([
            "new",
            "--norm",
            "pw-zoektermijn-jongeren",
            "--answers",
            "Z-2026-400001.toml",
        ])
        .output()
        .expect("run");
    assert!(
        !stderr(&fresh).contains("last synced"),
        "{}",
        stderr(&fresh)
    );
}

/// Hooks put into the shared repository — by anyone who may write to it —
/// would run on every member's machine that syncs with it by path: git
/// starts the remote's programs here. Sync tells them to run none.
#[test]
fn the_shared_repositorys_hooks_never_run_on_a_members_machine() {
    let shared = Shared::new();
    let remote = shared.dir("remote.git");
    let marker = shared.team.sandbox.work().join("hooked");
    let planted = shared.team.sandbox.work().join("planted-hooks");
    fs::create_dir_all(&planted).expect("dir");
    for dir in [remote.join("hooks"), planted.clone()] {
        for name in [
            "pre-receive",
            "update",
            "post-receive",
            "post-update",
            "reference-transaction",
            "pre-upload-pack",
        ] {
            let hook = dir.join(name);
            fs::write(
                &hook,
                format!("#!/bin/sh\necho {name} >> '{}'\n", marker.display()),
            )
            .expect("hook");
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                fs::set_permissions(&hook, fs::Permissions::from_mode(0o755)).expect("mode");
            }
        }
    }
    shared.decide("anna", "anna1", "2026-11-24T09:00:00Z", "Z-2026-500001");
    let synced = shared.sync("anna", "anna1", "2026-11-24T09:01:00Z");
    assert!(synced.status.success(), "{}", stderr(&synced));
    git(
        &remote,
        &["config", "core.hooksPath", &planted.display().to_string()],
    );
    shared.decide("eve", "eve2", "2026-11-24T09:02:00Z", "Z-2026-500002");
    let synced = shared.sync("eve", "eve2", "2026-11-24T09:03:00Z");
    assert!(synced.status.success(), "{}", stderr(&synced));
    let fetched = shared.sync("anna", "anna1", "2026-11-24T09:04:00Z");
    assert!(fetched.status.success(), "{}", stderr(&fetched));
    assert!(
        !marker.exists(),
        "hooks ran: {}",
        fs::read_to_string(&marker).unwrap_or_default()
    );
    // What was pushed did arrive.
    assert_eq!(shared.files("anna1"), shared.files("eve2"));
}

/// Settings in the shared repository that make git start a program —
/// a command to list an alternate's refs, a filter run when a pushed
/// branch is checked out in a repository with a working tree — would run
/// on the machine of whoever pushes to it by path. None of them runs.
#[test]
fn the_shared_repositorys_settings_start_no_program_on_a_members_machine() {
    let shared = Shared::new();
    let work = shared.team.sandbox.work();
    let remote = shared.dir("remote.git");
    let marker = work.join("started");
    let planted = |what: &str| format!("echo {what} >> '{}'; true", marker.display());

    // An alternate object store, with a command that lists its refs.
    git(
        &work,
        &[
            "init",
            "--quiet",
            "--bare",
            "--initial-branch=main",
            "alt.git",
        ],
    );
    fs::create_dir_all(remote.join("objects/info")).expect("dir");
    fs::write(
        remote.join("objects/info/alternates"),
        format!("{}\n", work.join("alt.git/objects").display()),
    )
    .expect("alternates");
    git(
        &remote,
        &[
            "config",
            "core.alternateRefsCommand",
            &planted("alternate-refs"),
        ],
    );
    shared.decide("anna", "anna1", "2026-11-24T09:00:00Z", "Z-2026-500001");
    let synced = shared.sync("anna", "anna1", "2026-11-24T09:01:00Z");
    assert!(synced.status.success(), "{}", stderr(&synced));

    // A repository with a working tree that checks out what is pushed to
    // it, through a filter of its own choosing.
    git(
        &work,
        &[
            "clone",
            "--quiet",
            &remote.display().to_string(),
            "checked-out",
        ],
    );
    let checked_out = work.join("checked-out");
    git(
        &checked_out,
        &["config", "receive.denyCurrentBranch", "updateInstead"],
    );
    git(
        &checked_out,
        &["config", "filter.planted.smudge", &planted("smudge")],
    );
    git(
        &checked_out,
        &["config", "filter.planted.process", &planted("process")],
    );
    fs::write(
        checked_out.join(".git/info/attributes"),
        "* filter=planted\n",
    )
    .expect("attributes");
    shared.decide("eve", "eve2", "2026-11-24T09:02:00Z", "Z-2026-500002");
    let before = shared.state("eve2");
    let pushed = shared.run(
        "eve",
        "eve2",
        "2026-11-24T09:03:00Z",
        &["sync", &checked_out.display().to_string()],
    );
    assert!(
        !marker.exists(),
        "programs started: {}",
        fs::read_to_string(&marker).unwrap_or_default()
    );
    // git refuses to update a branch that is checked out, and is not
    // asked again and again as if someone had pushed meanwhile; nothing
    // here is lost and the copy keeps the team's repository as its remote.
    assert!(!pushed.status.success(), "{}", stdout(&pushed));
    assert!(
        stderr(&pushed).contains(&format!(
            "This copy goes on syncing with {}; nothing was sent.",
            remote.display()
        )),
        "{}",
        stderr(&pushed)
    );
    let after = shared.files("eve2");
    assert!(before.0.iter().all(|f| after.contains(f)), "{after:?}");
    assert_eq!(
        git(&shared.dir("eve2"), &["remote", "get-url", "origin"]).trim(),
        remote.display().to_string()
    );
    let synced = shared.sync("eve", "eve2", "2026-11-24T09:04:00Z");
    assert!(synced.status.success(), "{}", stderr(&synced));
    assert!(!marker.exists());
}

impl Shared {
    /// `who` decides in `copy` at `now` on the doorbraakbudget for case
    /// `case`: once per case in a year, beyond that the teamleider's.
    fn breakthrough(&self, who: &str, copy: &str, now: &str, case: &str) -> String {
        let example = fs::read_to_string(Team::example("mw-doorbraakbudget")).expect("example");
        let answers = self.team.sandbox.write(
            &format!("{case}-{who}.toml"),
            example
                .replace("MR-2026-000093", case)
                .replace("start = 2026-11-23", &format!("start = {}", &now[..10])),
        );
        let answers = answers.display().to_string();
        let output = self.run(
            who,
            copy,
            now,
            &["new", "--norm", "mw-doorbraakbudget", "--answers", &answers],
        );
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output).trim().to_owned()
    }
}

/// Anna's copy did not sync for four days. Meanwhile Eve gave the case its
/// one breakthrough payment; Anna, not seeing it, gives a second and states
/// none before it. Her sync says before she signs that this may happen,
/// then refuses her decision as hers — nothing is taken in or sent — and
/// says how to go on: she withdraws it, and then her sync goes through and
/// the store verifies, the late decision named as a warning.
#[test]
fn a_copy_offline_longer_than_allowed_is_told_how_to_go_on() {
    let shared = Shared::new();
    shared.breakthrough("eve", "eve2", "2026-11-24T09:00:00Z", "MR-2026-300001");
    let eve = shared.sync("eve", "eve2", "2026-11-24T09:05:00Z");
    assert!(eve.status.success(), "{}", stderr(&eve));

    let late = "2026-11-27T12:00:00Z";
    let answers = shared.team.sandbox.write(
        "late.toml",
        fs::read_to_string(Team::example("mw-doorbraakbudget"))
            .expect("example")
            .replace("MR-2026-000093", "MR-2026-300001")
            .replace("start = 2026-11-23", "start = 2026-11-27"),
    );
    let signed = shared.run(
        "anna",
        "anna1",
        late,
        &[
            "new",
            "--norm",
            "mw-doorbraakbudget",
            "--answers",
            &answers.display().to_string(),
        ],
    );
    assert!(signed.status.success(), "{}", stderr(&signed));
    assert!(
        stderr(&signed).contains("longer than the 72 hours"),
        "{}",
        stderr(&signed)
    );
    assert!(
        stderr(&signed).contains("The team sees this after your next `maatwerk sync`."),
        "{}",
        stderr(&signed)
    );
    let id = stdout(&signed).trim().to_owned();

    let before = shared.state("anna1");
    let refused = shared.sync("anna", "anna1", "2026-11-27T12:01:00Z");
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    let said = format!("{}{}", stdout(&refused), stderr(&refused));
    for text in [
        "total-understated",
        "what you signed here and did not share yet",
        "maatwerk withdraw ID",
        "Nothing was taken in or sent",
    ] {
        assert!(said.contains(text), "{text}: {said}");
    }
    assert!(
        !said.contains("with what came in ("),
        "not blamed on Eve: {said}"
    );
    assert_eq!(shared.state("anna1").0, before.0, "no file taken in");
    assert_eq!(
        git(&shared.dir("remote.git"), &["rev-parse", "main"]),
        git(&shared.dir("eve2"), &["rev-parse", "HEAD"]),
        "nothing sent"
    );

    withdrawn_and_shared(&shared, &id, "2026-11-27T12:05:00Z", "total-understated");
}

/// Anna withdraws `id` at `at` (and a minute later syncs), then Eve syncs
/// too: both go through, and a fresh clone verifies with a warning
/// `warning` about the withdrawn decision.
fn withdrawn_and_shared(shared: &Shared, id: &str, at: &str, warning: &str) {
    let withdrawn = shared.run(
        "anna",
        "anna1",
        at,
        &[
            "withdraw",
            id,
            "--reason",
            "Te laat gedeeld; zo nodig opnieuw vastgelegd.",
        ],
    );
    assert!(withdrawn.status.success(), "{}", stderr(&withdrawn));
    let later = |minutes: i64| {
        let at: jiff::Timestamp = at.parse().expect("time");
        (at + jiff::SignedDuration::from_mins(minutes)).to_string()
    };
    let noted = |output: &Output| {
        format!("{}{}", stdout(output), stderr(output))
            .contains("Note: verify names these files as warnings.")
    };
    for (who, copy, now) in [("anna", "anna1", later(1)), ("eve", "eve2", later(2))] {
        let synced = shared.sync(who, copy, &now);
        assert!(
            synced.status.success(),
            "{copy}: {}{}",
            stdout(&synced),
            stderr(&synced)
        );
        assert!(noted(&synced), "{copy}: {}", stdout(&synced));
    }
    // Told once, not on every sync after: Tom's checkpoint comes in.
    let tom = shared.sync("tom", "tom3", &later(3));
    assert!(tom.status.success(), "{}", stderr(&tom));
    let again = shared.sync("anna", "anna1", &later(4));
    assert!(
        stdout(&again).contains("Synced: came in and checked: 1 checkpoint."),
        "{}",
        stdout(&again)
    );
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(!noted(&again), "{}", stdout(&again));
    let (code, json) = shared.verify(&shared.fresh_clone("auditor"));
    assert_eq!(code, Some(0), "{json:#}");
    let warned = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .any(|f| f["code"] == warning && f["severity"] == "warning");
    assert!(warned, "{json:#}");
}

/// The same late decision, merged and pushed by hand with plain git past
/// Anna's own sync, is refused by Eve's sync and found by verify.
#[test]
fn an_understated_total_pushed_with_plain_git_is_refused_and_found() {
    let shared = Shared::new();
    shared.breakthrough("eve", "eve2", "2026-11-24T09:00:00Z", "MR-2026-300002");
    let eve = shared.sync("eve", "eve2", "2026-11-24T09:05:00Z");
    assert!(eve.status.success(), "{}", stderr(&eve));
    shared.breakthrough("anna", "anna1", "2026-11-27T12:00:00Z", "MR-2026-300002");
    let refused = shared.sync("anna", "anna1", "2026-11-27T12:01:00Z");
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    let anna1 = shared.dir("anna1");
    git(
        &anna1,
        &[
            "pull",
            "--quiet",
            "--no-rebase",
            "--no-edit",
            "origin",
            "main",
        ],
    );
    git(&anna1, &["push", "--quiet", "origin", "HEAD:main"]);
    refused_and_found(&shared, "auditor", "total-understated records/anna@");
}

/// A remote that cannot be reached, or holds another team's store, is not
/// remembered; an empty one, given on purpose, gets the whole store.
#[test]
fn a_remote_is_kept_only_when_the_store_was_synced_with_it() {
    let shared = Shared::new();
    let anna1 = shared.dir("anna1");
    let url = || git(&anna1, &["remote", "get-url", "origin"]);
    let before = url();
    let missing = shared.run(
        "anna",
        "anna1",
        "2026-11-24T09:00:00Z",
        &["sync", "--remote", "nowhere.git"],
    );
    assert_eq!(missing.status.code(), Some(2), "{}", stderr(&missing));
    assert!(
        stderr(&missing).contains("safe in this store"),
        "{}",
        stderr(&missing)
    );
    assert_eq!(url(), before, "an unreachable remote is not kept");

    // Another team's store.
    let work = shared.team.sandbox.work();
    git(
        &work,
        &[
            "init",
            "--quiet",
            "--bare",
            "--initial-branch=main",
            "other.git",
        ],
    );
    git(&work, &["clone", "--quiet", "other.git", "other"]);
    fs::write(work.join("other").join("store.toml"), "elsewhere\n").expect("write");
    git(&work.join("other"), &["add", "store.toml"]);
    git(&work.join("other"), &["commit", "--quiet", "-m", "anders"]);
    git(&work.join("other"), &["push", "--quiet", "origin", "main"]);
    let unrelated = shared.run(
        "anna",
        "anna1",
        "2026-11-24T09:01:00Z",
        &["sync", "--remote", "other.git"],
    );
    assert_eq!(unrelated.status.code(), Some(1), "{}", stderr(&unrelated));
    assert!(
        stderr(&unrelated).contains("another store"),
        "{}",
        stderr(&unrelated)
    );
    assert_eq!(url(), before, "another store's remote is not kept");

    // A new, empty repository for the team: it gets everything.
    git(
        &work,
        &[
            "init",
            "--quiet",
            "--bare",
            "--initial-branch=main",
            "moved.git",
        ],
    );
    shared.decide("anna", "anna1", "2026-11-24T09:02:00Z", "Z-2026-600001");
    let moved = shared.run(
        "anna",
        "anna1",
        "2026-11-24T09:03:00Z",
        &["sync", "moved.git"],
    );
    assert!(moved.status.success(), "{}", stderr(&moved));
    assert!(
        stdout(&moved).contains("The store is shared now"),
        "{}",
        stdout(&moved)
    );
    assert!(
        stderr(&moved).contains("This copy syncs with ")
            && stderr(&moved).contains("moved.git from now on (was "),
        "{}",
        stderr(&moved)
    );
    assert_eq!(
        git(&work.join("moved.git"), &["rev-parse", "main"]),
        git(&anna1, &["rev-parse", "HEAD"])
    );
    assert!(url().trim_end().ends_with("moved.git"), "{}", url());
    let again = shared.sync("anna", "anna1", "2026-11-24T09:04:00Z");
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stdout(&again).contains("Nothing new: this copy is up to date."),
        "{}",
        stdout(&again)
    );
    // And back to the team's repository, which gets what she signed.
    let back = shared.run(
        "anna",
        "anna1",
        "2026-11-24T09:05:00Z",
        &["sync", "--remote", "remote.git"],
    );
    assert!(back.status.success(), "{}{}", stdout(&back), stderr(&back));
    assert_eq!(
        git(&work.join("remote.git"), &["rev-parse", "main"]),
        git(&anna1, &["rev-parse", "HEAD"])
    );
}

/// An insider copies her store and gives the copy a device name of its
/// own, to sign a second breakthrough payment for one case on a chain
/// that "has not seen" the first. A person sees their own decisions on
/// every device: her sync refuses it, and pushed with plain git it is
/// refused by a colleague's sync and found by verify.
#[test]
fn a_device_made_up_to_hide_ones_own_decision_hides_nothing() {
    // A minute later, and in the very same second.
    for second in ["2026-11-24T09:01:00Z", "2026-11-24T09:00:00Z"] {
        made_up_device_hides(second);
    }
}

fn made_up_device_hides(second: &str) {
    let shared = Shared::new();
    let (anna1, anna9) = (shared.dir("anna1"), shared.dir("anna9"));
    let copied = std::process::Command::new("cp")
        .arg("-a")
        .arg(&anna1)
        .arg(&anna9)
        .status()
        .expect("cp");
    assert!(copied.success());
    fs::write(anna9.join(".git/maatwerk-device"), "zz9zz9zz\n").expect("device");
    shared.breakthrough("anna", "anna1", "2026-11-24T09:00:00Z", "MR-2026-700001");
    shared.breakthrough("anna", "anna9", second, "MR-2026-700001");
    let first = shared.sync("anna", "anna1", "2026-11-24T09:02:00Z");
    assert!(first.status.success(), "{}", stderr(&first));
    let second = shared.sync("anna", "anna9", "2026-11-24T09:03:00Z");
    assert_eq!(second.status.code(), Some(1), "{}", stderr(&second));
    assert!(
        stdout(&second).contains("total-understated"),
        "{}",
        stdout(&second)
    );
    git(
        &anna9,
        &[
            "pull",
            "--quiet",
            "--no-rebase",
            "--no-edit",
            "origin",
            "main",
        ],
    );
    git(&anna9, &["push", "--quiet", "origin", "HEAD:main"]);
    refused_and_found(
        &shared,
        "auditor",
        "total-understated records/anna@gemeente.example+zz9zz9zz/",
    );
}

/// Anna signs on a copy that then stays offline; Tom's checkpoint, made
/// more than 72 hours later, cannot name her decision. Her sync refuses it
/// as backdated and hers; once she withdraws it, her sync goes through and
/// verify names it as a warning: it no longer holds.
#[test]
fn a_decision_late_for_a_checkpoint_goes_on_once_withdrawn() {
    let shared = Shared::new();
    let id = shared.decide("anna", "anna1", "2026-11-24T09:00:00Z", "Z-2026-800001");
    let tom = shared.sync("tom", "tom3", "2026-11-27T12:00:00Z");
    assert!(tom.status.success(), "{}", stderr(&tom));
    assert!(stderr(&tom).contains("Checkpoint"), "{}", stderr(&tom));
    let refused = shared.sync("anna", "anna1", "2026-11-27T13:00:00Z");
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    let said = format!("{}{}", stdout(&refused), stderr(&refused));
    assert!(said.contains("backdated"), "{said}");
    assert!(said.contains("maatwerk withdraw ID"), "{said}");
    withdrawn_and_shared(&shared, &id, "2026-11-27T13:05:00Z", "backdated");
}

/// Anna signs on her copy and syncs an hour later; meanwhile Tom drew a
/// sample on his, which could not count her decision. Her sync goes
/// through — the draw holds with what Tom had — and verify names the
/// draw's missed decision as a warning, not as a draw someone chose.
#[test]
fn a_sample_drawn_before_a_colleagues_decision_arrived_holds() {
    let shared = Shared::new();
    shared.decide("eve", "eve2", "2026-11-24T08:00:00Z", "Z-2026-900001");
    let synced = shared.sync("eve", "eve2", "2026-11-24T08:01:00Z");
    assert!(synced.status.success(), "{}", stderr(&synced));
    shared.decide("anna", "anna1", "2026-11-24T09:00:00Z", "Z-2026-900002");
    let pulled = shared.sync("tom", "tom3", "2026-11-24T09:30:00Z");
    assert!(pulled.status.success(), "{}", stderr(&pulled));
    let drawn = shared.run(
        "tom",
        "tom3",
        "2026-11-24T09:31:00Z",
        &["review", "--sample", "100%", "--seed", "week-48"],
    );
    assert!(drawn.status.success(), "{}", stderr(&drawn));
    let sent = shared.sync("tom", "tom3", "2026-11-24T09:32:00Z");
    assert!(sent.status.success(), "{}", stderr(&sent));
    let late = shared.sync("anna", "anna1", "2026-11-24T10:00:00Z");
    assert!(late.status.success(), "{}{}", stdout(&late), stderr(&late));
    let (code, report) = shared.verify(&shared.fresh_clone("auditor"));
    assert_eq!(code, Some(0), "{report:#}");
    assert_eq!(codes(&report), Vec::<String>::new(), "{report:#}");
    let warned: Vec<(&str, &str)> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] == "warning")
        .map(|f| {
            (
                f["code"].as_str().unwrap_or(""),
                f["file"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(
        warned
            .iter()
            .any(|(code, file)| *code == "sample-late" && file.starts_with("samples/tom@")),
        "{report:#}"
    );
}

/// Sync does not check again what it proved of the records it took in
/// before — but a keyring change that comes in may make one of them
/// invalid, and then it checks them all. Bea revokes Anna's key as of
/// before Anna's decision, which Eve's copy had taken in already; pushed
/// with plain git, Eve's sync refuses it and verify finds it.
#[test]
fn a_revocation_dated_before_a_decision_taken_in_earlier_is_refused() {
    let shared = Shared::new();
    shared.decide("anna", "anna1", "2026-11-24T09:00:00Z", "Z-2026-910001");
    shared.sync_each(&[
        ("anna", "anna1", "2026-11-24T09:01:00Z"),
        ("eve", "eve2", "2026-11-24T09:10:00Z"),
        ("bea", "store", "2026-11-24T09:20:00Z"),
    ]);
    let revoked = shared.run(
        "bea",
        "store",
        "2026-11-24T08:00:00Z",
        &[
            "keyring",
            "revoke",
            "anna@gemeente.example",
            "--reason",
            "sleutel kwijt",
        ],
    );
    assert!(revoked.status.success(), "{}", stderr(&revoked));
    let refused = shared.sync("bea", "store", "2026-11-24T09:30:00Z");
    assert_eq!(
        refused.status.code(),
        Some(1),
        "{}{}",
        stdout(&refused),
        stderr(&refused)
    );
    git(
        &shared.dir("store"),
        &["push", "--quiet", "origin", "HEAD:main"],
    );
    refused_and_found(&shared, "auditor", "signer-not-valid-then records/anna@");
}

/// Anna and Eve each give one case its once-only breakthrough payment,
/// half an hour apart on their own copies; neither saw the other's, which
/// verify allows. Eve's, above her mandaat, waits for Tom. Tom sees in
/// `show` and when he reviews that the store now counts Anna's payment
/// before Eve's, past the once-only total — not only the "0 earlier" Eve's
/// record states.
#[test]
fn a_reviewer_sees_what_the_store_counts_now_beside_what_the_record_states() {
    let shared = Shared::new();
    let anna = shared.breakthrough("anna", "anna1", "2026-11-24T09:00:00Z", "MR-2026-400001");
    let example = fs::read_to_string(Team::example("mw-doorbraakbudget")).expect("example");
    let answers = shared.team.sandbox.write(
        "eve-big.toml",
        example
            .replace("MR-2026-000093", "MR-2026-400001")
            .replace("start = 2026-11-23", "start = 2026-11-24")
            .replace("bedrag = 640", "bedrag = 1500"),
    );
    let signed = shared.run(
        "eve",
        "eve2",
        "2026-11-24T09:30:00Z",
        &[
            "new",
            "--norm",
            "mw-doorbraakbudget",
            "--answers",
            &answers.display().to_string(),
        ],
    );
    assert!(signed.status.success(), "{}", stderr(&signed));
    let eve = stdout(&signed).trim().to_owned();
    shared.sync_each(&[
        ("anna", "anna1", "2026-11-24T09:01:00Z"),
        ("eve", "eve2", "2026-11-24T09:31:00Z"),
        ("tom", "tom3", "2026-11-24T09:40:00Z"),
    ]);
    // An auditor sees the once-only total passed together, as a warning.
    passed_together_on(&shared, &eve);
    let shown = shared.run("tom", "tom3", "2026-11-24T09:41:00Z", &["show", &eve]);
    assert!(shown.status.success(), "{}", stderr(&shown));
    let text = stdout(&shown)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("eenmalig-per-zaak: earlier decisions 0 decisions"),
        "{text}"
    );
    assert!(
        text.contains(
            "with this one 2 decisions: past the maximum of 1 decision. The record did not \
             count a decision signed shortly before it on another computer."
        ),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "⚠ In the store now: earlier decisions 1 decision ({anna}),"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "In the store now: earlier decisions €640 ({anna}), with this one €2,140 of at most \
             €50,000."
        )),
        "{text}"
    );
    let json = shared.run(
        "tom",
        "tom3",
        "2026-11-24T09:41:00Z",
        &["show", &eve, "--json"],
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("json");
    let now = json["totals_now"].as_array().expect("totals_now");
    let once = now
        .iter()
        .find(|t| t["id"] == "eenmalig-per-zaak")
        .expect("once-only");
    assert_eq!(once["earlier"], "1", "{json:#}");
    assert_eq!(once["decisions"].as_array().map(Vec::len), Some(1));
    // So does the list of what waits for him.
    let listed = shared.run("tom", "tom3", "2026-11-24T09:41:00Z", &["reviews"]);
    assert!(listed.status.success(), "{}", stderr(&listed));
    assert!(
        stdout(&listed).contains(&format!(
            "eenmalig-per-zaak: in the store now 2 decisions > 1 decision (earlier: {anna})"
        )),
        "{}",
        stdout(&listed)
    );
    // The inbox Tom reads counts it again too.
    undercounted_in_inbox(&shared.dir("tom3"), &eve);
    // A teamleider may go past the once-only total: told, then signed.
    let approved = shared.run(
        "tom",
        "tom3",
        "2026-11-24T09:42:00Z",
        &["review", &eve, "--approve"],
    );
    assert!(approved.status.success(), "{}", stderr(&approved));
    assert!(
        stderr(&approved).contains("In the store now: earlier decisions 1"),
        "{}",
        stderr(&approved)
    );
}

/// Eve's record `id`, in the inbox of the copy `dir`, states less of both
/// breakthrough totals than the store counts now.
fn undercounted_in_inbox(dir: &Path, id: &str) {
    let store = maatwerk::domain::store::Store::open(dir).expect("store");
    let state = store.state().expect("state");
    let waiting =
        maatwerk::domain::ops::review::inbox(&store, &state, None, jiff::civil::date(2026, 11, 24))
            .expect("inbox")
            .items;
    let subject = waiting
        .iter()
        .find(|s| s.stored.record.id == id)
        .expect("waiting");
    let under: Vec<(&str, String)> = subject
        .undercounted()
        .iter()
        .map(|(line, now, _)| (line.id.as_str(), now.amount.to_string()))
        .collect();
    assert_eq!(
        under,
        [
            ("eenmalig-per-zaak", "1".to_owned()),
            ("teambudget-per-kalenderjaar", "640.00".to_owned())
        ]
    );
}

/// Verify on a fresh clone warns, once, that the record `id` goes past a
/// total together with a decision signed elsewhere just before it.
fn passed_together_on(shared: &Shared, id: &str) {
    let (code, report) = shared.verify(&shared.fresh_clone("auditor"));
    assert_eq!(code, Some(0), "{report:#}");
    let passed: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "total-passed-together" && f["severity"] == "warning")
        .filter_map(|f| f["file"].as_str())
        .collect();
    assert_eq!(passed.len(), 1, "{report:#}");
    assert!(passed[0].contains(id), "{report:#}");
}

/// A commit whose tree names a record twice — made with git's plumbing
/// and pushed — passes for an added file to a look at what changed; git's
/// own check of what comes in refuses it, and the copy is left as it was.
#[test]
fn a_tree_naming_a_file_twice_is_refused() {
    let shared = Shared::new();
    shared.decide("anna", "anna1", "2026-11-24T09:00:00Z", "Z-2026-920001");
    let synced = shared.sync("anna", "anna1", "2026-11-24T09:01:00Z");
    assert!(synced.status.success(), "{}", stderr(&synced));
    let work = shared.fresh_clone("insider");
    let listed = git(&work, &["ls-tree", "HEAD", "--", "records"]);
    let records = listed
        .lines()
        .next()
        .and_then(|l| l.split('\t').next())
        .and_then(|l| l.split_whitespace().nth(2))
        .expect("records tree")
        .to_owned();
    let chain = git(&work, &["ls-tree", &records]);
    let chain_line = chain.lines().next().expect("a chain").to_owned();
    let (meta, name) = chain_line.split_once('\t').expect("entry");
    let inner = meta.split_whitespace().nth(2).expect("chain tree");
    let entries = git(&work, &["ls-tree", inner]);
    let doubled = format!("{entries}{}\n", entries.lines().next().expect("a file"));
    let tree_of = |text: &str| -> String {
        let mut child = std::process::Command::new(git_program())
            .current_dir(&work)
            .args(["mktree"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("mktree");
        std::io::Write::write_all(child.stdin.as_mut().expect("stdin"), text.as_bytes())
            .expect("write");
        let out = child.wait_with_output().expect("mktree");
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    };
    let chain_tree = tree_of(&doubled);
    let records_tree = tree_of(&format!("040000 tree {chain_tree}\t{name}\n"));
    let top = git(&work, &["ls-tree", "HEAD"]);
    let top: String = top
        .lines()
        .map(|l| {
            if l.ends_with("\trecords") {
                format!("040000 tree {records_tree}\trecords\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    let root = tree_of(&top);
    let commit = git(&work, &["commit-tree", &root, "-p", "HEAD", "-m", "dubbel"]);
    git(
        &work,
        &[
            "push",
            "--quiet",
            "origin",
            &format!("{}:refs/heads/main", commit.trim()),
        ],
    );
    let before = shared.state("eve2");
    let refused = shared.sync("eve", "eve2", "2026-11-24T09:10:00Z");
    assert!(!refused.status.success(), "{}", stdout(&refused));
    assert!(
        stderr(&refused).contains("duplicate"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(shared.state("eve2"), before, "the copy is as it was");
}

/// Eve has Anna's once-only payment for a case, and signs a second one
/// dated in the very second of Anna's, as if neither could have seen the
/// other. Decisions of one second count towards each other: hers states
/// Anna's and waits for the teamleider. Had she signed it before syncing,
/// verify would warn that the two pass the limit together.
#[test]
fn a_decision_dated_in_the_second_of_a_colleagues_still_counts_it() {
    let shared = Shared::new();
    let anna = shared.breakthrough("anna", "anna1", "2026-11-24T10:00:00Z", "MR-2026-930001");
    let synced = shared.sync("anna", "anna1", "2026-11-24T10:01:00Z");
    assert!(synced.status.success(), "{}", stderr(&synced));
    let synced = shared.sync("eve", "eve2", "2026-11-24T10:20:00Z");
    assert!(synced.status.success(), "{}", stderr(&synced));
    let eve = shared.breakthrough("eve", "eve2", "2026-11-24T10:00:00Z", "MR-2026-930001");
    let listed = shared.run(
        "eve",
        "eve2",
        "2026-11-24T10:21:00Z",
        &["list", "--status", "for-review", "--json"],
    );
    let waiting: serde_json::Value = serde_json::from_str(&stdout(&listed)).expect("json");
    assert!(
        waiting
            .as_array()
            .expect("list")
            .iter()
            .any(|r| r["id"] == eve.as_str()),
        "{waiting:#}"
    );
    // The same, signed on a copy that did not have Anna's yet.
    let tom = shared.breakthrough("tom", "tom3", "2026-11-24T10:00:00Z", "MR-2026-930002");
    let bea = shared.breakthrough("bea", "store", "2026-11-24T10:00:00Z", "MR-2026-930002");
    shared.sync_each(&[
        ("eve", "eve2", "2026-11-24T10:22:00Z"),
        ("tom", "tom3", "2026-11-24T10:23:00Z"),
        ("bea", "store", "2026-11-24T10:24:00Z"),
    ]);
    let (code, report) = shared.verify(&shared.fresh_clone("auditor"));
    assert_eq!(code, Some(0), "{report:#}");
    let passed: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "total-passed-together")
        .filter_map(|f| f["file"].as_str())
        .collect();
    assert!(passed.iter().any(|f| f.contains(&tom)), "{report:#}");
    assert!(passed.iter().any(|f| f.contains(&bea)), "{report:#}");
    // Eve's states Anna's and went for review; Anna's, of the same second,
    // is named with hers (warned, no error).
    assert!(passed.iter().any(|f| f.contains(&anna)), "{report:#}");
    assert!(!passed.iter().any(|f| f.contains(&eve)), "{report:#}");
}
