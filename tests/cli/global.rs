//! Options every command takes, exit codes, and what a user gets wrong.

use std::io::Read;
use std::process::Stdio;

use super::support::{Sandbox, stderr, stdout};

#[test]
fn norms_option_and_environment_choose_the_directory() {
    let sandbox = Sandbox::new();
    sandbox.copy_norm("jw-jeugdhulp-na-18", "elders");
    let by_flag = sandbox
        .cmd()
        .args(["norms", "list", "--norms", "elders"])
        .output()
        .expect("run");
    assert!(stdout(&by_flag).contains("Norms usable on 23 November 2026: 1 (source: elders)"));
    let by_env = sandbox
        .cmd()
        .env("MAATWERK_NORMS", "elders")
        .args(["norms", "list"])
        .output()
        .expect("run");
    assert!(stdout(&by_env).contains("(source: elders)"));
}

#[test]
fn a_missing_norms_directory_is_a_usage_error_with_a_way_out() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .cmd()
        .args(["--norms", "nergens", "norms", "list"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "error: the norms directory `nergens` does not exist or is not a directory\n\
         help: name an existing directory with --norms or MAATWERK_NORMS, or leave both out to use ./norms or the bundled norms\n"
    );
    assert_eq!(stdout(&output), "");
}

#[test]
fn language_flag_beats_environment_beats_locale() {
    let sandbox = Sandbox::new();
    let nl = sandbox
        .cmd()
        .env("MAATWERK_LANG", "nl")
        .args(["norms", "list"])
        .output()
        .expect("run");
    assert!(stdout(&nl).starts_with("Normen bruikbaar"));
    let en = sandbox
        .cmd()
        .env("MAATWERK_LANG", "nl")
        .args(["--lang", "en", "norms", "list"])
        .output()
        .expect("run");
    assert!(stdout(&en).starts_with("Norms usable"));
    let bad = sandbox.cmd().args(["--lang", "de"]).output().expect("run");
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("invalid value 'de'"));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal_and_never_with_no_color() {
    let sandbox = Sandbox::new();
    let always = sandbox
        .cmd()
        .args(["--color", "always", "norms", "list"])
        .output()
        .expect("run");
    assert!(stdout(&always).contains('\u{1b}'));
    let auto = sandbox.cmd().args(["norms", "list"]).output().expect("run");
    assert!(
        !stdout(&auto).contains('\u{1b}'),
        "not a terminal: no colour"
    );
    let never = sandbox
        .cmd()
        .env("NO_COLOR", "1")
        .args(["--color", "never", "norms", "check", "x.toml"])
        .output()
        .expect("run");
    assert!(!stderr(&never).contains('\u{1b}'));
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    let sandbox = Sandbox::new();
    let unknown = sandbox
        .cmd()
        .args(["norms", "lijst"])
        .output()
        .expect("run");
    assert_eq!(unknown.status.code(), Some(2));
    let help = sandbox
        .cmd()
        .args(["norms", "--help"])
        .output()
        .expect("run");
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("check"));
    let bad_date = sandbox
        .cmd()
        .args(["norms", "list", "--on", "23-11-2026"])
        .output()
        .expect("run");
    assert_eq!(bad_date.status.code(), Some(2));
    assert!(stderr(&bad_date).contains("is not a date (YYYY-MM-DD)"));
}

#[test]
fn a_bad_fixed_clock_is_reported_not_ignored() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .cmd()
        .env("MAATWERK_NOW", "gisteren")
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("MAATWERK_NOW=\"gisteren\" is not an RFC 3339 timestamp"));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let sandbox = Sandbox::new();
    // Enough norms that the listing outgrows the pipe buffer.
    let template =
        std::fs::read_to_string(super::support::repo().join("norms/pw-betaling-per-week.toml"))
            .expect("norm");
    for i in 0..600 {
        let id = format!("pw-betaling-per-week-{i:04}");
        sandbox.write(
            &format!("veel/{id}.toml"),
            template.replace("\"pw-betaling-per-week\"", &format!("\"{id}\"")),
        );
    }
    let mut child = sandbox
        .std_cmd()
        .args(["--norms", "veel", "norms", "list", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = [0u8; 16];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("read");
    // The reading end is dropped here, as `| head` would.
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("stderr");
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(0), "{err}");
    assert_eq!(err, "");
}

#[test]
fn help_speaks_the_users_language() {
    let sandbox = Sandbox::new();
    let nl = sandbox
        .cmd()
        .env("LANG", "nl_NL.UTF-8")
        .args(["norms", "list", "--help"])
        .output()
        .expect("run");
    assert_eq!(nl.status.code(), Some(0));
    let text = stdout(&nl);
    assert!(text.contains("Gebruik: maatwerk norms list"), "{text}");
    assert!(text.contains("Toon ook concept-, ingetrokken en verlopen normen"));
    assert!(!text.contains("Print help"));
    let en = stdout(
        &sandbox
            .cmd()
            .args(["norms", "list", "--help"])
            .output()
            .expect("run"),
    );
    assert!(
        en.contains("Also list concept, withdrawn and expired norms"),
        "{en}"
    );
}

/// Completions for three shells and a manual page, in the user's language.
#[test]
fn completions_and_a_manual_page() {
    let sandbox = Sandbox::new();
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef maatwerk"),
        ("fish", "complete -c maatwerk"),
    ] {
        let out = sandbox
            .cmd()
            .args(["completions", shell])
            .output()
            .expect("run");
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        assert!(script.contains(marker), "{shell}: {script}");
        assert!(
            script.contains("review"),
            "{shell} completes the review command"
        );
    }
    let out = sandbox
        .cmd()
        .args(["--lang", "nl", "man"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let page = stdout(&out);
    assert!(page.contains(".TH maatwerk 1"), "{page}");
    assert!(page.contains("Leg een maatwerkbesluit vast"), "{page}");
    let out = sandbox
        .cmd()
        .args(["completions", "powershell"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
}

/// A command's own options come first; the options every command has sit
/// under their own heading after them, in both languages.
#[test]
fn global_options_have_their_own_heading() {
    let sandbox = Sandbox::new();
    for (lang, heading) in [("en", "Global options:"), ("nl", "Algemene opties:")] {
        let out = sandbox
            .cmd()
            .args(["--lang", lang, "review", "--help"])
            .output()
            .expect("run");
        let help = stdout(&out);
        let own = help.find("--approve").expect("own option");
        let global = help
            .find(heading)
            .unwrap_or_else(|| panic!("{lang}: {help}"));
        let store = help.find("--store").expect("global option");
        assert!(own < global && global < store, "{lang}: {help}");
    }
}

/// In Dutch, clap's own words are Dutch too: usage errors, placeholders,
/// defaults.
#[test]
fn usage_errors_and_help_speak_dutch_in_dutch() {
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .args(["--lang", "nl", "lsit"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("onbekende opdracht `lsit`") && err.contains("bedoelt u `list`"),
        "{err}"
    );
    assert!(
        err.contains("Gebruik: maatwerk [OPTIES] [OPDRACHT]"),
        "{err}"
    );
    let out = sandbox
        .cmd()
        .args(["--lang", "nl", "--color", "blauw", "list"])
        .output()
        .expect("run");
    assert!(
        stderr(&out).contains("`blauw` is geen geldige waarde"),
        "{}",
        stderr(&out)
    );
    // An option without its value is said to miss it, not to be "``".
    let out = sandbox
        .cmd()
        .args(["--lang", "nl", "export", "--from"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("vraagt een waarde, en die ontbreekt"), "{err}");
    assert!(
        !err.contains("``") && !err.contains("kies uit: \n"),
        "{err}"
    );
    let out = sandbox
        .cmd()
        .args(["--lang", "nl", "list", "--help"])
        .output()
        .expect("run");
    let help = stdout(&out);
    assert!(help.contains("Gebruik: maatwerk list [OPTIES]"), "{help}");
    assert!(
        help.contains("[standaard: auto]") && !help.contains("[default"),
        "{help}"
    );
    assert!(!help.contains("error:"), "{help}");
}
