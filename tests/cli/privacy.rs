//! What a store and its messages give away: no message repeats a line
//! holding a BSN, and the store is readable by its owner only.

use std::fs;
use std::path::{Path, PathBuf};

use super::support::{Team, stderr, stdout};

#[test]
fn no_message_ever_shows_a_line_that_holds_a_bsn() {
    let team = Team::new();
    let answers = team.sandbox.write(
        "bsn.toml",
        "case = \"Z-2026-1\"\ndecision_date = 2026-11-20\nopmerking = \"bel moeder, BSN 1234.56.782\" x\n123456782 = 1\n",
    );
    for json in [false, true] {
        let mut cmd = team.as_("anna");
        cmd.args(["new", "--norm", "pw-zoektermijn-jongeren", "--answers"])
            .arg(&answers);
        if json {
            cmd.arg("--json");
        }
        let output = cmd.output().expect("run");
        assert!(!output.status.success(), "{}", stderr(&output));
        let all = format!("{}{}", stdout(&output), stderr(&output));
        for digits in ["123456782", "1234.56.782"] {
            assert!(!all.contains(digits), "{digits} shown:\n{all}");
        }
        if !json {
            assert!(all.contains("bsn.toml:3:"), "{all}");
        }
    }
    // Nor an error about a value given on the command line.
    let output = team
        .as_("anna")
        .args(["new", "--norm", "123456782"])
        .output()
        .expect("run");
    assert!(!output.status.success());
    assert!(
        !stderr(&output).contains("123456782"),
        "{}",
        stderr(&output)
    );
}

/// Personal case data is for the team, not for others on the machine:
/// whatever the umask, every directory of the store is 0700 and every file
/// 0600.
#[cfg(unix)]
#[test]
fn the_store_is_readable_by_its_owner_only_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    fn walk(path: &Path, out: &mut Vec<(PathBuf, u32)>) {
        let mode = fs::symlink_metadata(path)
            .expect("meta")
            .permissions()
            .mode()
            & 0o777;
        out.push((path.to_path_buf(), mode));
        if path.is_dir() {
            for entry in fs::read_dir(path).expect("dir").filter_map(Result::ok) {
                walk(&entry.path(), out);
            }
        }
    }
    let team = Team::new();
    // A record written under the loosest umask there is.
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 000 && exec '{}' new --norm pw-zoektermijn-jongeren --answers '{}'",
            assert_cmd::cargo::cargo_bin!("maatwerk").display(),
            Team::example("pw-zoektermijn-jongeren").display()
        ))
        .env_clear()
        .env("HOME", team.sandbox.home())
        .env("MAATWERK_NOW", super::support::NOW)
        .env("MAATWERK_STORE", team.store())
        .env("MAATWERK_KEY", team.key("anna"))
        .current_dir(team.sandbox.work())
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr(&output));
    let mut all = Vec::new();
    walk(&team.store(), &mut all);
    assert!(all.len() > 20, "{all:?}");
    for (path, mode) in all {
        let expected = if path.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode, expected, "{}", path.display());
    }
}
