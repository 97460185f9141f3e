//! A newcomer's first run in a real terminal: from an empty home through
//! the set-up to a signed and verified record, with a new key or their own.

use super::{Tmux, finish_typing, finish_with, up_to_checks};
use std::process::Command;

use crate::cli::support::stdout;

#[test]
fn a_newcomer_goes_from_an_empty_home_through_onboarding_to_a_verified_record() {
    let sandbox = crate::cli::support::Sandbox::new();
    let t = Tmux::new(&sandbox.work());
    t.start_with(
        &format!("HOME={}", sandbox.home().display()),
        "",
        &sandbox.work(),
    );
    t.wait_for("Welkom bij maatwerk");
    t.text("Anna de Wit");
    t.keys(&["Enter"]);
    t.text("anna@gemeente.example");
    t.keys(&["Enter"]);
    // Consulent is the default.
    t.wait_for_all(&["▶ Uw rol", "(•) consulent"]);
    // She tries the next role, then settles on consulent.
    t.keys(&["Right"]);
    t.wait_for("(•) teamleider");
    t.keys(&["Left"]);
    t.wait_for("(•) consulent");
    t.keys(&["Enter"]);
    t.text("lange wachtwoordzin");
    t.keys(&["Enter"]);
    t.text("lange wachtwoordzin");
    let screen = t.wait_for("•••");
    assert!(
        !screen.contains("lange wachtwoordzin"),
        "the passphrase is masked:\n{screen}"
    );
    t.keys(&["Enter"]);
    // The example norms are offered for adoption, and said to be examples.
    t.wait_for_all(&[
        "▶ Normen in deze opslag",
        "(•) de 8 voorbeeldnormen opnemen",
        "dit zijn voorbeelden",
    ]);
    t.keys(&["Enter"]);
    // Told that key and store are ready.
    t.wait_for("✓ Klaar: uw sleutel");
    t.text("zoektermijn");
    t.wait_for("▶ Aanvraag van een jongere");
    t.keys(&["Enter"]);
    t.wait_for("Zaaknummer");
    t.text("Z-2026-001234");
    t.keys(&["Enter"]);
    // Dates as Dutch people type them; the mandaat said as the period is
    // typed.
    t.wait_for("23-11-2026");
    t.keys(&["Enter", "Enter"]);
    t.text("22-12-2026");
    t.wait_for("✓ binnen uw mandaat t/m 22 december 2026");
    t.keys(&["Enter"]);
    t.wait_for("Vraag 1 van 6");
    t.text("jj");
    t.wait_for("Vraag 3 van 6");
    // A store of one: Anna decides as consulent and also manages the
    // keyring. The advance typed as a Dutch caseworker writes it.
    finish_typing(
        &t,
        "€ 412,35",
        "Binnen uw mandaat",
        Some("lange wachtwoordzin"),
    );
    let id = std::fs::read_to_string(sandbox.work().join("out.txt")).expect("stdout");
    let id = id.trim();
    assert!(id.starts_with("MW-20261123-"), "{id:?}");
    let shown = stdout(
        &sandbox
            .cmd()
            .env("HOME", sandbox.home())
            .env("MAATWERK_NOW", crate::cli::support::VERIFY_NOW)
            .args(["--lang", "nl", "show", id])
            .output()
            .expect("run"),
    );
    for text in [
        "→ € 412,35",
        "Besluitdatum      23 november 2026",
        "Looptijd          23 november 2026 t/m 22 december 2026",
    ] {
        assert!(shown.contains(text), "{text}: {shown}");
    }

    let home = sandbox.home();
    let key = home.join(".config/maatwerk/id_ed25519");
    let text = std::fs::read_to_string(&key).expect("key made");
    assert!(text.contains("BEGIN OPENSSH PRIVATE KEY"));
    let output = sandbox
        .cmd()
        .env("HOME", &home)
        .env("MAATWERK_NOW", crate::cli::support::VERIFY_NOW)
        .args(["verify", "--json"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("\"records\": 1"));
    assert!(stdout(&output).contains("\"adoptions\": 8"));
    let output = sandbox
        .cmd()
        .env("HOME", &home)
        .args(["keyring", "list", "--json"])
        .output()
        .expect("run");
    let list = stdout(&output);
    assert!(
        list.contains("\"role\": \"consulent\"") && list.contains("\"beheerder\": true"),
        "{list}"
    );
}

#[test]
fn a_newcomer_with_an_ssh_key_signs_with_it() {
    let sandbox = crate::cli::support::Sandbox::new();
    let home = sandbox.home();
    let ssh = home.join(".ssh");
    std::fs::create_dir_all(&ssh).expect("dir");
    let made = Command::new("ssh-keygen")
        .args([
            "-q",
            "-t",
            "ed25519",
            "-N",
            "mijn ssh-zin",
            "-C",
            "bram",
            "-f",
        ])
        .arg(ssh.join("id_ed25519"))
        .status()
        .expect("ssh-keygen");
    assert!(made.success());
    let t = Tmux::new(&sandbox.work());
    t.start_with(&format!("HOME={}", home.display()), "", &sandbox.work());
    t.wait_for("ondertekent met een OpenSSH-sleutel");
    t.text("Bram Visser");
    t.keys(&["Enter"]);
    t.text("bram@gemeente.example");
    t.keys(&["Enter", "Enter"]);
    t.wait_for_all(&[
        "▶ Uw sleutel om mee te ondertekenen",
        "(•) ~/.ssh/id_ed25519 gebruiken",
    ]);
    t.keys(&["Enter"]);
    t.wait_for("▶ De wachtwoordzin van uw sleutel");
    t.text("verkeerde zin");
    t.keys(&["Enter"]);
    t.wait_for("opent de sleutel niet");
    for _ in 0.."verkeerde zin".len() {
        t.keys(&["BSpace"]);
    }
    t.text("mijn ssh-zin");
    t.keys(&["Enter"]);
    t.wait_for("▶ Normen in deze opslag");
    t.keys(&["Enter"]);
    up_to_checks(&t);
    finish_with(&t, "Binnen uw mandaat", Some("mijn ssh-zin"));

    let link = home.join(".config/maatwerk/id_ed25519");
    assert_eq!(
        std::fs::read_link(&link).expect("a link"),
        ssh.join("id_ed25519"),
        "maatwerk signs with the person's own key, not a copy"
    );
    let output = sandbox
        .cmd()
        .env("HOME", &home)
        .env("MAATWERK_NOW", crate::cli::support::VERIFY_NOW)
        .args(["verify", "--json"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("\"records\": 1"));

    // With the passphrase in MAATWERK_PASSPHRASE_FILE the walkthrough
    // does not ask for it: signing needs no typing.
    let file = sandbox.write("zin.txt", "mijn ssh-zin\n");
    t.start_with(
        &format!(
            "HOME={} MAATWERK_PASSPHRASE_FILE={}",
            home.display(),
            file.display()
        ),
        "new",
        &sandbox.work(),
    );
    up_to_checks(&t);
    finish_with(&t, "Binnen uw mandaat", None);
    let output = sandbox
        .cmd()
        .env("HOME", &home)
        .env("MAATWERK_NOW", crate::cli::support::VERIFY_NOW)
        .args(["verify", "--json"])
        .output()
        .expect("run");
    assert!(
        stdout(&output).contains("\"records\": 2"),
        "{}",
        stdout(&output)
    );
}
