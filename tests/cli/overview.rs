use super::support::{Sandbox, stderr, stdout};

#[test]
fn without_a_command_it_shows_the_bundled_norms_usable_today_with_zero_configuration() {
    let sandbox = Sandbox::new();
    let output = sandbox.cmd().output().expect("run");
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains("Norms usable on 23 November 2026: 8 (source: bundled norms)"),
        "{out}"
    );
    assert!(out.contains("pw-zoektermijn-jongeren"));
    // Concept and withdrawn norms are not offered.
    assert!(!out.contains("pw-zeer-dringende-redenen-buitenland"));
    assert!(!out.contains("pw-duurzame-goederen-om-niet"));
    assert!(out.contains("maatwerk norms show <id>"));
    assert_eq!(stderr(&output), "");
}

#[test]
fn a_norms_directory_in_the_working_directory_is_used_when_present() {
    let sandbox = Sandbox::new();
    sandbox.copy_norm("jw-jeugdhulp-na-18", "norms");
    let output = sandbox.cmd().output().expect("run");
    let out = stdout(&output);
    assert!(
        out.contains("Norms usable on 23 November 2026: 1 (source: norms)"),
        "{out}"
    );
}

#[test]
fn dutch_locale_gives_dutch_text() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .cmd()
        .env("LANG", "nl_NL.UTF-8")
        .output()
        .expect("run");
    let out = stdout(&output);
    assert!(
        out.contains("Normen bruikbaar op 23 november 2026: 8 (bron: ingebouwde normen)"),
        "{out}"
    );
    assert!(out.contains("een norm volledig lezen"));
}

#[test]
fn broken_files_in_the_norms_directory_are_left_out_with_a_note() {
    let sandbox = Sandbox::new();
    sandbox.copy_norm("jw-jeugdhulp-na-18", "norms");
    sandbox.write("norms/kapot.toml", "id = \"kapot\"\n");
    let output = sandbox.cmd().output().expect("run");
    assert!(output.status.success());
    assert!(stdout(&output).contains("jw-jeugdhulp-na-18"));
    assert_eq!(
        stderr(&output),
        "note: 1 norm file in norms has errors and was left out; `maatwerk norms check` shows what is wrong\n"
    );
}
