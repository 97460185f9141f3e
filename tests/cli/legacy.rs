//! Records are legal documents kept for years: a store written by an earlier
//! release (`tests/fixtures/stores/`) verifies with this one, ever after.
//! Release 0.1 wrote the first records; release 0.2 the first adoptions and
//! linked histories; release 0.3 the first reviews, revisions, extensions,
//! withdrawals and samples; release 0.4 record format 3 (exact decimals)
//! and questions asked only when an earlier answer says so; release 0.5
//! record format 4 (totals and awards); release 0.6 chains per person and
//! device, and witnessed checkpoints.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use super::support::{Sandbox, repo, ssh_keygen, stderr, stdout};

/// The v0.1 store, copied into a sandbox so nothing can touch the fixture.
fn v0_1() -> (Sandbox, PathBuf, String) {
    release("v0.1")
}

/// The store a release wrote, copied into a sandbox.
fn release(name: &str) -> (Sandbox, PathBuf, String) {
    let sandbox = Sandbox::new();
    let fixture = repo().join("tests/fixtures/stores").join(name);
    let store = sandbox.work().join("store");
    copy_dir(&fixture.join("store"), &store);
    let root = fs::read_to_string(fixture.join("root-fingerprint")).expect("root");
    (sandbox, store, root.trim().to_owned())
}

/// `verify --json --expect-root` on `store` a while after the release: its
/// exit code and report.
fn verify_json(sandbox: &Sandbox, store: &Path, root: &str) -> (Option<i32>, serde_json::Value) {
    let output = sandbox
        .cmd()
        .env("MAATWERK_NOW", "2026-12-04T12:00:00Z")
        .arg("--store")
        .arg(store)
        .args(["verify", "--json", "--expect-root", root])
        .output()
        .expect("run");
    let json = serde_json::from_str(&stdout(&output))
        .unwrap_or_else(|_| panic!("{}{}", stdout(&output), stderr(&output)));
    (output.status.code(), json)
}

/// `maatwerk show` of `id` in Dutch, a while after the release.
fn show_nl(sandbox: &Sandbox, store: &Path, id: &str) -> String {
    let output = sandbox
        .cmd()
        .env("MAATWERK_NOW", "2026-12-04T12:00:00Z")
        .arg("--store")
        .arg(store)
        .args(["--lang", "nl", "show", id])
        .output()
        .expect("run");
    assert!(output.status.success(), "{id}: {}", stderr(&output));
    stdout(&output)
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read dir").filter_map(Result::ok) {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

#[test]
fn a_store_written_by_release_0_1_verifies() {
    let (sandbox, store, root) = v0_1();
    let (code, json) = verify_json(&sandbox, &store, &root);
    assert_eq!(code, Some(0), "{json:#}");
    assert_eq!(json["errors"], 0, "{json:#}");
    assert_eq!(json["records"], 3);
    assert_eq!(json["signals"], 1);
    assert_eq!(json["keyring_entries"], 4);
    assert_eq!(json["root"], root.as_str());
}

#[test]
fn its_records_read_and_list_as_they_always_did() {
    let (sandbox, store, _) = v0_1();
    let list = sandbox
        .cmd()
        .arg("--store")
        .arg(&store)
        .args(["list", "--json"])
        .output()
        .expect("run");
    assert!(list.status.success(), "{}", stderr(&list));
    let records: serde_json::Value = serde_json::from_str(&stdout(&list)).expect("json");
    let ids: Vec<&str> = records
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "MW-20261123-7X43KCZ4",
            "MW-20261123-7ZF2P531",
            "MW-20261123-8S86NM6R"
        ]
    );
    assert_eq!(records[1]["mandate"], "needs-review");
    for id in ids {
        let show = sandbox
            .cmd()
            .arg("--store")
            .arg(&store)
            .args(["show", id])
            .output()
            .expect("run");
        assert!(show.status.success(), "{id}: {}", stderr(&show));
    }
}

#[test]
fn stock_openssh_still_verifies_its_signatures() {
    let (sandbox, store, _) = v0_1();
    let signers = sandbox.work().join("allowed_signers");
    let output = sandbox
        .cmd()
        .arg("--store")
        .arg(&store)
        .args(["keyring", "allowed-signers"])
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr(&output));
    fs::write(&signers, output.stdout).expect("write");
    let record = store.join("records/tom@gemeente.example/000001-MW-20261123-8S86NM6R.toml");
    let check = ssh_keygen()
        .args([
            "-Y",
            "verify",
            "-n",
            "maatwerk-record",
            "-I",
            "tom@gemeente.example",
            "-f",
        ])
        .arg(&signers)
        .arg("-s")
        .arg(format!("{}.sig", record.display()))
        // Tom's key was revoked after he signed: judge it at signing time.
        .args(["-Overify-time=20261123100000Z"])
        .stdin(fs::File::open(&record).expect("record"))
        .output()
        .expect("ssh-keygen");
    assert!(
        check.status.success(),
        "{}{}",
        stdout(&check),
        stderr(&check)
    );
}

#[test]
fn its_description_gains_no_settings_release_0_1_did_not_have() {
    let (sandbox, store, root) = v0_1();
    let config = store.join("store.toml");
    let text = fs::read_to_string(&config).expect("read");
    fs::write(
        &config,
        format!("{text}adopters = [\"consulent\"]\ndecision_window_days = 3650\n"),
    )
    .expect("write");
    fs::remove_file(store.join("store.toml.sig")).expect("rm sig");
    let key = sandbox.work().join("bea");
    fs::copy(repo().join("tests/fixtures/stores/v0.1/keys/bea"), &key).expect("key");
    // A checkout keeps no file modes but the executable bit; ssh-keygen
    // ignores a private key that others may read.
    fs::set_permissions(&key, fs::Permissions::from_mode(0o600)).expect("chmod");
    let signed = ssh_keygen()
        .args(["-Y", "sign", "-n", "maatwerk-keyring", "-f"])
        .arg(&key)
        .arg(&config)
        .output()
        .expect("ssh-keygen");
    assert!(
        signed.status.success(),
        "{}",
        String::from_utf8_lossy(&signed.stderr)
    );
    let (code, json) = verify_json(&sandbox, &store, &root);
    assert_eq!(code, Some(1), "{json:#}");
    let codes: Vec<&str> = json["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(codes.contains(&"config-altered"), "{json:#}");
}

/// Every signed file of release 0.1 is, byte for byte, what this release
/// writes for its content: no comment or spacing that verify does not read.
#[test]
fn its_files_are_in_the_form_this_release_writes() {
    let (_sandbox, store, _root) = v0_1();
    let mut checked = 0;
    for dir in [
        "records/anna@gemeente.example",
        "records/tom@gemeente.example",
    ] {
        for entry in fs::read_dir(store.join(dir))
            .expect("dir")
            .filter_map(Result::ok)
        {
            let path = entry.path();
            if path.extension().is_some_and(|x| x == "toml") {
                let text = fs::read_to_string(&path).expect("read");
                let record = maatwerk::domain::record::Record::from_toml(&text).expect("record");
                assert_eq!(record.to_toml().expect("write"), text, "{}", path.display());
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 3);
}

#[test]
fn a_store_written_by_release_0_2_verifies_without_a_single_finding() {
    let (sandbox, store, root) = release("v0.2");
    let (code, json) = verify_json(&sandbox, &store, &root);
    assert_eq!(code, Some(0), "{json:#}");
    assert_eq!(json["findings"], serde_json::json!([]), "{json:#}");
    assert_eq!(json["records"], 3);
    assert_eq!(json["signals"], 1);
    assert_eq!(json["keyring_entries"], 5);
    assert_eq!(json["adoptions"], 4);
    assert_eq!(json["norms"], 3);
    assert_eq!(json["root"], root.as_str());
}

/// The records of release 0.2 read back as they were written, and stock
/// OpenSSH still accepts an adoption's signature.
#[test]
fn release_0_2_records_list_and_its_adoptions_verify_with_stock_openssh() {
    let (sandbox, store, _) = release("v0.2");
    let list = sandbox
        .cmd()
        .arg("--store")
        .arg(&store)
        .args(["list", "--json"])
        .output()
        .expect("run");
    assert!(list.status.success(), "{}", stderr(&list));
    let records: serde_json::Value = serde_json::from_str(&stdout(&list)).expect("json");
    let mandates: Vec<&str> = records
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|r| r["mandate"].as_str())
        .collect();
    assert_eq!(mandates, ["within", "needs-review", "within"]);
    let signers = sandbox.work().join("allowed_signers");
    let output = sandbox
        .cmd()
        .arg("--store")
        .arg(&store)
        .args(["keyring", "allowed-signers"])
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr(&output));
    fs::write(&signers, output.stdout).expect("write");
    let adoption = store.join("adoptions/AD-20261120-710240GZ.toml");
    let check = ssh_keygen()
        .args([
            "-Y",
            "verify",
            "-n",
            "maatwerk-adoption",
            "-I",
            "dirk@gemeente.example",
            "-f",
        ])
        .arg(&signers)
        .arg("-s")
        .arg(format!("{}.sig", adoption.display()))
        .args(["-Overify-time=20261120080000Z"])
        .stdin(fs::File::open(&adoption).expect("adoption"))
        .output()
        .expect("ssh-keygen");
    assert!(
        check.status.success(),
        "{}{}",
        stdout(&check),
        stderr(&check)
    );
}

#[test]
fn a_store_written_by_release_0_3_verifies_without_a_single_finding() {
    let (sandbox, store, root) = release("v0.3");
    let (code, json) = verify_json(&sandbox, &store, &root);
    assert_eq!(code, Some(0), "{json:#}");
    assert_eq!(json["findings"], serde_json::json!([]), "{json:#}");
    assert_eq!(json["records"], 5);
    assert_eq!(json["reviews"], 2);
    assert_eq!(json["withdrawals"], 1);
    assert_eq!(json["samples"], 1);
    assert_eq!(json["signals"], 1);
    assert_eq!(json["adoptions"], 3);
    assert_eq!(json["root"], root.as_str());
}

/// Release 0.3 wrote amounts as TOML floats; they read back as the amounts
/// the caseworker typed, and each record's life reads as it did.
#[test]
fn release_0_3_amounts_and_statuses_read_as_they_were_signed() {
    let (sandbox, store, _) = release("v0.3");
    let list = sandbox
        .cmd()
        .env("MAATWERK_NOW", "2026-12-04T12:00:00Z")
        .arg("--store")
        .arg(&store)
        .args(["list", "--json"])
        .output()
        .expect("run");
    assert!(list.status.success(), "{}", stderr(&list));
    let records: serde_json::Value = serde_json::from_str(&stdout(&list)).expect("json");
    let statuses: Vec<(&str, &str)> = records
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|r| Some((r["id"].as_str()?, r["status"].as_str()?)))
        .collect();
    assert_eq!(
        statuses,
        [
            ("MW-20261123-7X43BR8S", "withdrawn"),
            ("MW-20261123-7ZF29AHD", "superseded"),
            ("MW-20261123-9NC6CY01", "approved"),
            ("MW-20261124-7X41GXB3", "decided"),
            ("MW-20261124-81T664X8", "decided"),
        ],
        "{records:#}"
    );
    for (id, amount) in [
        ("MW-20261123-7X43BR8S", "€ 412,35"),
        ("MW-20261123-9NC6CY01", "€ 850,50"),
    ] {
        let show = sandbox
            .cmd()
            .env("MAATWERK_NOW", "2026-12-04T12:00:00Z")
            .arg("--store")
            .arg(&store)
            .args(["--lang", "nl", "show", id])
            .output()
            .expect("run");
        assert!(show.status.success(), "{id}: {}", stderr(&show));
        assert!(stdout(&show).contains(amount), "{id}: {}", stdout(&show));
    }
    // Why the revision needed review, as the team lead read it.
    let show = sandbox
        .cmd()
        .env("MAATWERK_NOW", "2026-12-04T12:00:00Z")
        .arg("--store")
        .arg(&store)
        .args(["--lang", "nl", "show", "MW-20261123-9NC6CY01"])
        .output()
        .expect("run");
    assert!(
        stdout(&show).contains("• voorschot € 850,50 > € 500 (consulent)"),
        "{}",
        stdout(&show)
    );
}

/// Stock OpenSSH verifies every kind of file release 0.3 signed — a
/// review, a withdrawal and a sample too — with the keyring's
/// `allowed_signers`.
#[test]
fn release_0_3_files_of_every_kind_verify_with_stock_openssh() {
    let (sandbox, store, _) = release("v0.3");
    let output = sandbox
        .cmd()
        .arg("--store")
        .arg(&store)
        .args(["keyring", "allowed-signers"])
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr(&output));
    let signers = sandbox.work().join("allowed_signers");
    fs::write(&signers, output.stdout).expect("write");
    for (file, namespace, who, at) in [
        (
            "reviews/tom@gemeente.example/000001-RV-20261123-8S82WY1R.toml",
            "maatwerk-review",
            "tom@gemeente.example",
            "20261123100000Z",
        ),
        (
            "withdrawals/anna@gemeente.example/000001-WD-20261125-7X46SKFH.toml",
            "maatwerk-withdrawal",
            "anna@gemeente.example",
            "20261125090000Z",
        ),
        (
            "samples/tom@gemeente.example/000001-SM-20261125-71039J3F.toml",
            "maatwerk-sample",
            "tom@gemeente.example",
            "20261125080000Z",
        ),
    ] {
        let path = store.join(file);
        let check = ssh_keygen()
            .args(["-Y", "verify", "-n", namespace, "-I", who, "-f"])
            .arg(&signers)
            .arg("-s")
            .arg(format!("{}.sig", path.display()))
            .arg(format!("-Overify-time={at}"))
            .stdin(fs::File::open(&path).expect("file"))
            .output()
            .expect("ssh-keygen");
        assert!(
            check.status.success(),
            "{file}: {}{}",
            stdout(&check),
            stderr(&check)
        );
    }
}

#[test]
fn a_store_written_by_release_0_4_verifies_without_a_single_finding() {
    let (sandbox, store, root) = release("v0.4");
    let (code, json) = verify_json(&sandbox, &store, &root);
    assert_eq!(code, Some(0), "{json:#}");
    assert_eq!(json["findings"], serde_json::json!([]), "{json:#}");
    assert_eq!(json["records"], 7);
    assert_eq!(json["reviews"], 2);
    assert_eq!(json["withdrawals"], 1);
    assert_eq!(json["samples"], 1);
    assert_eq!(json["signals"], 1);
    assert_eq!(json["adoptions"], 4);
}

/// Release 0.4 wrote record format 3: exact decimals, and a question asked
/// only because of an earlier answer listed only then.
#[test]
fn release_0_4_amounts_and_conditional_questions_read_as_they_were_signed() {
    let (sandbox, store, _) = release("v0.4");
    let show = |id: &str| show_nl(&sandbox, &store, id);
    assert!(show("MW-20261123-7X426K7A").contains("€ 412,35"));
    let with_children = show("MW-20261124-8B63E5H0");
    assert!(
        with_children.contains("Wat betekent het traject voor de kinderen"),
        "{with_children}"
    );
    let without = show("MW-20261124-8FW60D1Y");
    assert!(without.contains("SH-2026-002211"), "{without}");
    assert!(
        !without.contains("Wat betekent het traject voor de kinderen"),
        "{without}"
    );
}

#[test]
fn a_store_written_by_release_0_5_verifies_without_a_single_finding() {
    let (sandbox, store, root) = release("v0.5");
    let (code, json) = verify_json(&sandbox, &store, &root);
    assert_eq!(code, Some(0), "{json:#}");
    assert_eq!(json["findings"], serde_json::json!([]), "{json:#}");
    assert_eq!(json["records"], 5);
    assert_eq!(json["reviews"], 2);
    assert_eq!(json["signals"], 1);
    assert_eq!(json["adoptions"], 3);
}

/// Release 0.5 wrote record format 4: totals over several decisions (here
/// a case written two ways counted as one) and an award with its form.
#[test]
fn release_0_5_totals_and_awards_read_as_they_were_signed() {
    let (sandbox, store, _) = release("v0.5");
    // Read as one line, however it is wrapped.
    let show = |id: &str| {
        show_nl(&sandbox, &store, id)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let again = show("MW-20261124-7X406MVA");
    assert!(
        again.contains(
            "eenmalig-per-zaak: eerdere besluiten 1 besluit, met dit besluit 2 besluiten"
        ),
        "{again}"
    );
    let loan = show("MW-20261124-9NC1QDQD");
    assert!(loan.contains("lening"), "{loan}");
    assert!(loan.contains("€ 3.300"), "{loan}");
}

#[test]
fn a_store_written_by_release_0_6_verifies_without_a_single_finding() {
    let (sandbox, store, root) = release("v0.6");
    let (code, json) = verify_json(&sandbox, &store, &root);
    assert_eq!(code, Some(0), "{json:#}");
    assert_eq!(json["findings"], serde_json::json!([]), "{json:#}");
    assert_eq!(json["records"], 2);
    assert_eq!(json["reviews"], 1);
    assert_eq!(json["signals"], 1);
    assert_eq!(json["checkpoints"], 4);
    // Anna signed on two machines: two chains of hers, each witnessed.
    let chains = json["chains"].as_array().expect("chains");
    let anna: Vec<_> = chains
        .iter()
        .filter(|c| {
            c["dir"]
                .as_str()
                .is_some_and(|d| d.starts_with("records/anna@"))
        })
        .collect();
    assert_eq!(anna.len(), 2, "{json:#}");
    assert!(
        anna.iter().all(|c| c["after"] == 0 && c["witnessed"] == 1),
        "{json:#}"
    );
}

/// A record removed from a device's chain, or a checkpoint's witness
/// taken out, still shows in the store release 0.6 wrote.
#[test]
fn release_0_6_checkpoints_still_witness_what_they_named() {
    let (sandbox, store, root) = release("v0.6");
    let chain = fs::read_dir(store.join("records"))
        .expect("records")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().contains('+'))
        })
        .expect("a device's chain");
    fs::remove_dir_all(&chain).expect("remove");
    let (code, json) = verify_json(&sandbox, &store, &root);
    assert_eq!(code, Some(1), "{json:#}");
    let missing = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "witnessed-missing")
        .count();
    assert!(missing >= 1, "{json:#}");
}

/// Stock OpenSSH verifies a checkpoint and a review signed on a device's
/// chain, with the keyring's `allowed_signers`.
#[test]
fn release_0_6_checkpoints_verify_with_stock_openssh() {
    let (sandbox, store, _) = release("v0.6");
    let output = sandbox
        .cmd()
        .arg("--store")
        .arg(&store)
        .args(["keyring", "allowed-signers"])
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr(&output));
    let signers = sandbox.work().join("allowed_signers");
    fs::write(&signers, output.stdout).expect("write");
    let mut checked = 0;
    for (dir, namespace) in [
        ("checkpoints", "maatwerk-checkpoint"),
        ("reviews", "maatwerk-review"),
    ] {
        for chain in fs::read_dir(store.join(dir))
            .expect("dir")
            .filter_map(Result::ok)
        {
            let who = chain
                .file_name()
                .to_string_lossy()
                .split('+')
                .next()
                .unwrap_or_default()
                .to_owned();
            for file in fs::read_dir(chain.path())
                .expect("chain")
                .filter_map(Result::ok)
            {
                let path = file.path();
                if path.extension().is_none_or(|e| e != "toml") {
                    continue;
                }
                let text = fs::read_to_string(&path).expect("read");
                let created = text
                    .lines()
                    .find_map(|l| l.strip_prefix("created = \""))
                    .and_then(|l| l.strip_suffix('"'))
                    .expect("created");
                let at: String = created.chars().filter(char::is_ascii_digit).collect();
                let check = ssh_keygen()
                    .args(["-Y", "verify", "-n", namespace, "-I", &who, "-f"])
                    .arg(&signers)
                    .arg("-s")
                    .arg(format!("{}.sig", path.display()))
                    .arg(format!("-Overify-time={at}Z"))
                    .stdin(fs::File::open(&path).expect("file"))
                    .output()
                    .expect("ssh-keygen");
                assert!(
                    check.status.success(),
                    "{}: {}{}",
                    path.display(),
                    stdout(&check),
                    stderr(&check)
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 5);
}
