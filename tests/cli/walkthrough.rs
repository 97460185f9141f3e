//! The walkthrough driven the way a person uses it: the real binary in a
//! real terminal (tmux), keys typed, the screen read back.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use super::support::{NOW, Team, stdout};

mod first_run;

/// A tmux server of its own, so tests never touch anyone's sessions.
pub(super) struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    pub(super) fn new(dir: &Path) -> Self {
        Self {
            socket: dir.join("tmux.sock"),
        }
    }

    pub(super) fn tmux(&self) -> Command {
        let mut cmd = Command::new("tmux");
        cmd.arg("-S").arg(&self.socket);
        cmd
    }

    /// Starts `maatwerk <args>` as `who` in an 80×24 terminal.
    pub(super) fn start(&self, team: &Team, who: &str, args: &str) {
        let env = format!(
            "HOME={} MAATWERK_STORE={} MAATWERK_KEY={}",
            team.sandbox.home().display(),
            team.store().display(),
            team.key(who).display(),
        );
        self.start_with(&env, args, &team.sandbox.work());
    }

    /// Starts `maatwerk <args>` with only `env` (and a fixed clock, Dutch,
    /// a terminal type) in its environment; stdout goes to `out.txt`.
    pub(super) fn start_with(&self, env: &str, args: &str, work: &Path) {
        let bin = assert_cmd::cargo::cargo_bin!("maatwerk");
        let command = format!(
            "exec env -i {env} MAATWERK_NOW={NOW} LANG=nl_NL.UTF-8 TERM=xterm-256color {} {args} > {}/out.txt",
            bin.display(),
            work.display(),
        );
        let status = self
            .tmux()
            .args([
                "new-session",
                "-d",
                "-c",
                &work.display().to_string(),
                "-s",
                "w",
                "-x",
                "80",
                "-y",
                "24",
                &command,
            ])
            .status()
            .expect("tmux");
        assert!(status.success());
    }

    pub(super) fn keys(&self, keys: &[&str]) {
        self.tmux()
            .args(["send-keys", "-t", "w"])
            .args(keys)
            .status()
            .expect("tmux");
    }

    pub(super) fn text(&self, text: &str) {
        // `--` so that text starting with `-` is typed, not read as a flag.
        self.tmux()
            .args(["send-keys", "-t", "w", "-l", "--", text])
            .status()
            .expect("tmux");
    }

    pub(super) fn screen(&self) -> String {
        let output = self
            .tmux()
            .args(["capture-pane", "-p", "-t", "w"])
            .output()
            .expect("tmux");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Waits until the screen shows `text`; fails with the screen if it
    /// does not within ten seconds.
    pub(super) fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {text:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen shows every one of `texts` at once: a frame
    /// may be captured half drawn.
    pub(super) fn wait_for_all(&self, texts: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if texts.iter().all(|t| screen.contains(t)) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {texts:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen shows `text` and no longer `gone`: a frame
    /// may be captured half drawn.
    pub(super) fn wait_for_without(&self, text: &str, gone: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) && !screen.contains(gone) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {text:?} without {gone:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The pid of the program in the pane (it was `exec`ed).
    pub(super) fn pid(&self) -> u32 {
        let output = self
            .tmux()
            .args(["list-panes", "-t", "w", "-F", "#{pane_pid}"])
            .output()
            .expect("tmux");
        String::from_utf8_lossy(&output.stdout)
            .trim()
            .parse()
            .expect("pid")
    }

    /// Waits until the program has left the session.
    pub(super) fn wait_gone(&self) {
        let start = Instant::now();
        while self
            .tmux()
            .args(["has-session", "-t", "w"])
            .output()
            .is_ok_and(|o| o.status.success())
        {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "still running:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux().arg("kill-server").output();
    }
}

const PARTS: [&str; 7] = [
    "De jongere heeft sinds oktober geen inkomen en de huur van november is niet betaald.",
    "Vier weken wachten betekent een tweede huurachterstand en een reeel risico op ontruiming.",
    "De zoektermijn moet eigen inspanning stimuleren: eerst zelf werk of opleiding zoeken.",
    "De jongere zoekt al actief; wachten voegt niets toe maar brengt huisvesting in gevaar.",
    "Wil graag aan het werk.",
    "Jongerenloket.",
    "Geen ontruiming.",
];

/// From the norm picker up to the answered checks of pw-zoektermijn-jongeren.
pub(super) fn up_to_checks(t: &Tmux) {
    t.wait_for("Kies de afgesproken norm");
    t.text("zoektermijn");
    t.wait_for("▶ Aanvraag van een jongere");
    t.keys(&["Enter"]);
    t.wait_for("Zaaknummer");
    t.text("Z-2026-001234");
    t.keys(&["Enter", "Enter", "Enter"]);
    t.text("22-12-2026");
    t.keys(&["Enter"]);
    t.wait_for("Vraag 1 van 6");
    t.text("jj");
    t.wait_for("Vraag 3 van 6");
}

/// From the third check to the closed walkthrough; returns the review
/// screen as it was before signing.
pub(super) fn finish(t: &Tmux) -> String {
    finish_with(t, "Binnen uw mandaat", None)
}

/// From the third check to the closed walkthrough; `mandate` is what the
/// review must say, `passphrase` is typed when the key needs one.
pub(super) fn finish_with(t: &Tmux, mandate: &str, passphrase: Option<&str>) -> String {
    finish_typing(t, "450", mandate, passphrase)
}

/// As [`finish_with`], the advance typed as `amount`.
pub(super) fn finish_typing(
    t: &Tmux,
    amount: &str,
    mandate: &str,
    passphrase: Option<&str>,
) -> String {
    t.text("j");
    t.wait_for("Vraag 4 van 6");
    t.text(amount);
    t.keys(&["Enter"]);
    t.wait_for("Vraag 5 van 6");
    t.text("j");
    t.text("Twee sollicitaties per week bij het leerwerkloket.");
    t.keys(&["Enter"]);
    t.wait_for("Onderdeel 1 van 7");
    for part in PARTS {
        t.text(part);
        t.keys(&["Tab"]);
    }
    t.keys(&["C-s"]);
    t.wait_for("Nog niet te ondertekenen");
    t.keys(&["Space", "Down", "Space"]);
    // The record as it reads: labelled, the amount as people write it.
    t.wait_for_all(&[
        mandate,
        "Besluitdatum      23 november 2026",
        "23 november 2026 t/m 22 december 2026",
    ]);
    // Ctrl-R: the exact text that is signed, the whole screen drawn.
    t.keys(&["C-r"]);
    let review = t.wait_for_all(&[
        mandate,
        "Zo wordt de verantwoording opgeslagen",
        "format = \"maatwerk-record/4\"",
        "decision_date = ",
    ]);
    if let Some(p) = passphrase {
        t.keys(&["Tab"]);
        t.text(p);
    }
    t.keys(&["Enter"]);
    t.wait_for("Ondertekend en opgeslagen");
    t.keys(&["q"]);
    t.wait_gone();
    review
}

#[test]
fn a_caseworker_signs_a_decision_in_the_walkthrough() {
    let team = Team::new();
    let t = Tmux::new(&team.sandbox.work());
    t.start(&team, "anna", "new");
    up_to_checks(&t);
    let review = finish(&t);
    let id = std::fs::read_to_string(team.sandbox.work().join("out.txt")).expect("stdout");
    let id = id.trim();
    assert!(id.starts_with("MW-20261123-"), "{id:?}");
    // The preview was the record: its first lines are the stored file's.
    let path = std::fs::read_dir(team.store().join("records/anna@gemeente.example"))
        .expect("records")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "toml"))
        .expect("a record");
    let stored = std::fs::read_to_string(path).expect("record");
    let previewed: Vec<&str> = review
        .lines()
        .filter_map(|l| l.strip_prefix("││"))
        .map(|l| l.trim_end_matches('│').trim_end())
        .filter(|l| l.contains(" = "))
        .collect();
    assert!(previewed.len() >= 5, "{review}");
    for line in &previewed {
        assert!(
            stored.contains(line),
            "{line:?} previewed but not stored:\n{stored}"
        );
    }
    let (code, report) = team.verify();
    assert_eq!(code, Some(0), "{report}");
    assert_eq!(report["records"], 1);
    let shown = stdout(&team.as_("anna").args(["show", id]).output().expect("run"));
    assert!(
        shown.contains("Z-2026-001234") && shown.contains("within the author's mandaat"),
        "{shown}"
    );
    let drafts = stdout(&team.as_("anna").args(["drafts"]).output().expect("run"));
    assert_eq!(drafts, "No drafts.\n", "a signed draft is gone");
}

#[test]
fn closing_the_terminal_keeps_the_draft_and_resume_finishes_it() {
    let team = Team::new();
    let t = Tmux::new(&team.sandbox.work());
    t.start(&team, "anna", "new");
    up_to_checks(&t);
    let pid = t.pid();
    // Close the terminal mid-walkthrough: the program gets SIGHUP.
    t.tmux()
        .args(["kill-session", "-t", "w"])
        .status()
        .expect("tmux");
    let start = Instant::now();
    while Path::new(&format!("/proc/{pid}")).exists() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the program must end when its terminal closes"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // The draft is saved as the program goes down: both answers are in it.
    let dir = team.sandbox.home().join(".local/share/maatwerk/drafts");
    let start = Instant::now();
    let draft = loop {
        let text = std::fs::read_dir(&dir)
            .ok()
            .and_then(|mut d| {
                d.find_map(|e| {
                    e.ok()
                        .filter(|e| e.file_name().to_string_lossy().starts_with("DR-"))
                })
            })
            .and_then(|e| std::fs::read_to_string(e.path()).ok())
            .unwrap_or_default();
        if text.matches("[[answers]]").count() == 2 || start.elapsed() > Duration::from_secs(5) {
            break text;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(draft.matches("[[answers]]").count(), 2, "{draft}");
    assert!(
        draft.contains("step = \"checklist\"") && draft.contains("Z-2026-001234"),
        "{draft}"
    );

    let t = Tmux::new(&team.sandbox.work());
    t.start(&team, "anna", "new --resume");
    // Back at the checks with the two answers kept, at the third.
    t.wait_for("Vraag 3 van 6");
    finish(&t);
    let (code, report) = team.verify();
    assert_eq!(code, Some(0), "{report}");
    assert_eq!(report["records"], 1);
}

/// A half-typed case reference survives Ctrl-C; the next `maatwerk new`
/// offers the draft, and going on with it opens the same field with the
/// same text.
#[test]
fn the_next_new_offers_the_open_draft_and_returns_to_the_field_where_typing_stopped() {
    let team = Team::new();
    let t = Tmux::new(&team.sandbox.work());
    t.start(&team, "anna", "new");
    t.wait_for("Kies de afgesproken norm");
    t.text("zoektermijn");
    t.wait_for("▶ Aanvraag van een jongere");
    t.keys(&["Enter"]);
    t.wait_for("Zaaknummer");
    t.text("Z-2026-00");
    t.wait_for("Z-2026-00");
    t.keys(&["Tab", "Tab", "Tab"]);
    t.wait_for("▶ Tot en met");
    t.text("22-12");
    t.wait_for("22-12");
    t.keys(&["C-c"]);
    t.wait_gone();

    let t = Tmux::new(&team.sandbox.work());
    t.start(&team, "anna", "new");
    t.wait_for_all(&[
        "U heeft 1 open concept",
        "Z-2026-00 · Aanvraag van een jongere",
        "bij de zaak",
        "Nieuw besluit beginnen",
    ]);
    t.keys(&["Enter"]);
    // The same field, with what was typed in it.
    let screen = t.wait_for("▶ Tot en met");
    assert!(screen.contains("22-12"), "{screen}");
    assert!(screen.contains("Z-2026-00"), "{screen}");
    t.text("-2026");
    t.keys(&["Enter"]);
    t.wait_for("Vraag 1 van 6");
    t.keys(&["C-c"]);
    t.wait_gone();

    // A new decision is one key away.
    let t = Tmux::new(&team.sandbox.work());
    t.start(&team, "anna", "new");
    t.wait_for("U heeft 1 open concept");
    t.text("n");
    t.wait_for("Kies de afgesproken norm");
    t.keys(&["C-c"]);
    t.wait_gone();
}

#[test]
fn a_draft_whose_norm_changed_says_so_and_asks_the_checks_again() {
    use maatwerk::domain::draft::{Draft, DraftNorm, Drafts, Step};
    let team = Team::new();
    let drafts = Drafts::new(team.sandbox.home().join(".local/share/maatwerk/drafts"));
    let mut stale = Draft::new("2026-11-20T08:00:00Z".parse().expect("time"));
    stale.case = "Z-2026-000321".into();
    stale.step = Step::Motivation;
    stale.norm = Some(DraftNorm {
        id: "pw-zoektermijn-jongeren".into(),
        version: 2,
        sha256: "0".repeat(64),
    });
    drafts.save(&stale).expect("save");
    let t = Tmux::new(&team.sandbox.work());
    t.start(&team, "anna", &format!("new --resume {}", stale.id));
    t.wait_for_all(&[
        "de norm van dit concept is gewijzigd (versie 2 → 3)",
        "Controlevragen",
        "Vraag 1 van 6",
    ]);
    t.text("j");
    // The notice goes with the first key.
    t.wait_for_without("Vraag 2 van 6", "gewijzigd");
    t.keys(&["C-c"]);
    t.wait_gone();
}

/// A consulent signs a decision beyond her mandaat; the teamleider opens
/// `maatwerk review`, reads it, returns nothing but approves it, and leaves.
/// Then verify passes and `show` tells both.
#[test]
fn a_teamleider_approves_a_consulents_record_in_the_inbox() {
    let team = Team::new();
    let answers = team.sandbox.write(
        "over.toml",
        std::fs::read_to_string(Team::example("pw-zoektermijn-jongeren"))
            .expect("example")
            .replace("voorschot = 450", "voorschot = 900"),
    );
    let id = team.record("anna", "pw-zoektermijn-jongeren", &answers);
    let t = Tmux::new(&team.sandbox.work());
    t.start(&team, "tom", "review");
    t.wait_for_all(&[
        "wacht op uw beoordeling",
        &id,
        "voorschot € 900 > € 500 (consulent)",
    ]);
    t.keys(&["Enter"]);
    t.wait_for_all(&["Waarom beoordeling nodig is", "Zaak"]);
    t.keys(&["Tab"]);
    t.wait_for("Mandaat");
    t.keys(&["Enter"]);
    t.wait_for("Uw oordeel");
    // Rejecting without a remark is refused, then the approval is signed.
    t.keys(&["F7", "C-s"]);
    t.wait_for("schrijf bij terugsturen en afwijzen een opmerking");
    t.keys(&["F5"]);
    t.text("Akkoord; huurachterstand in het dossier.");
    t.keys(&["C-s"]);
    t.wait_for("ondertekend");
    t.keys(&["Enter"]);
    t.wait_for("Er wacht niets op uw beoordeling");
    t.keys(&["Escape"]);
    t.wait_gone();
    let out = std::fs::read_to_string(team.sandbox.work().join("out.txt")).expect("out");
    assert!(out.trim().starts_with("RV-"), "{out}");

    let (code, report) = team.verify();
    assert_eq!(code, Some(0), "{report:#}");
    assert_eq!(report["reviews"], 1);
    let show = team
        .as_("bea")
        .args(["--lang", "nl", "show", &id])
        .output()
        .expect("run");
    let text = stdout(&show);
    assert!(
        text.contains("goedgekeurd door Tom Teamleider (teamleider)"),
        "{text}"
    );
    assert!(text.contains("“Akkoord; huurachterstand in"), "{text}");
    assert!(
        text.contains("opgesteld, ter beoordeling — Anna Consulent"),
        "{text}"
    );
}

/// A returned record is revised in the walkthrough: it starts from the
/// answers given then, with the reviewer's remark, and the new record
/// names the one it replaces.
#[test]
fn a_returned_record_is_revised_in_the_walkthrough() {
    let team = Team::new();
    let answers = team.sandbox.write(
        "over.toml",
        std::fs::read_to_string(Team::example("pw-zoektermijn-jongeren"))
            .expect("example")
            .replace("voorschot = 450", "voorschot = 900"),
    );
    let id = team.record("anna", "pw-zoektermijn-jongeren", &answers);
    let returned = team
        .as_("tom")
        .args([
            "review",
            &id,
            "--return",
            "--comment",
            "Onderbouw het voorschot.",
        ])
        .output()
        .expect("run");
    assert!(returned.status.success());
    let t = Tmux::new(&team.sandbox.work());
    t.start(&team, "anna", &format!("new --revises {id}"));
    t.wait_for_all(&["U herziet", "Onderbouw het voorschot.", "Z-2026-001234"]);
    // The case as it was; then every check as answered, the amount lowered.
    t.keys(&["Enter", "Enter", "Enter", "Enter"]);
    t.wait_for("Vraag 1 van 6");
    t.keys(&["Enter", "Enter", "Enter"]);
    t.wait_for("900");
    t.keys(&["BSpace", "BSpace", "BSpace"]);
    t.text("480");
    t.keys(&["Enter", "Enter", "Enter"]);
    t.wait_for("Onderdeel 1 van 7");
    t.keys(&["C-s"]);
    // The record names the one it replaces.
    t.wait_for(&format!("herziening van {id}"));
    t.keys(&["Enter"]);
    t.wait_for("Ondertekend en opgeslagen");
    t.keys(&["Enter"]);
    t.wait_gone();
    let listed = team
        .as_("bea")
        .args(["list", "--json"])
        .output()
        .expect("run");
    let json: serde_json::Value = serde_json::from_str(&stdout(&listed)).expect("json");
    assert_eq!(json[0]["status"], "superseded", "{json:#}");
    assert_eq!(json[1]["revises"], id.as_str(), "{json:#}");
    assert_eq!(json[1]["status"], "decided", "{json:#}");
    let (code, report) = team.verify();
    assert_eq!(code, Some(0), "{report:#}");
}

#[test]
fn a_decision_is_extended_in_the_walkthrough_with_the_time_used_so_far() {
    let team = Team::new();
    let norm = "jw-jeugdhulp-na-18";
    let first = team.record("tom", norm, &Team::example(norm));
    let t = Tmux::new(&team.sandbox.work());
    t.start(&team, "tom", &format!("new --extends {first}"));
    // The period follows on, as long as the one extended; how far the
    // decisions have gone is said where the period is typed.
    let screen = t.wait_for_all(&[
        "U verlengt",
        "1 juni 2027",
        "verlenging 1 van ten hoogste 4",
        "al 6 maanden van de 5 jaar",
    ]);
    assert!(screen.contains("30-11-2027"), "{screen}");
    t.keys(&["Enter", "Enter", "Enter", "Enter"]);
    t.wait_for("Vraag 1 van");
    t.keys(&["Enter", "Enter", "Enter", "Enter"]);
    t.wait_for("Onderdeel 1 van 7");
    t.keys(&["C-s"]);
    t.wait_for(&format!("verlenging van {first}"));
    t.keys(&["Enter"]);
    t.wait_for("Ondertekend en opgeslagen");
    t.keys(&["Enter"]);
    t.wait_gone();
    let listed = team
        .as_("bea")
        .args(["list", "--json"])
        .output()
        .expect("run");
    let json: serde_json::Value = serde_json::from_str(&stdout(&listed)).expect("json");
    assert_eq!(json[1]["extends"], first.as_str(), "{json:#}");
    let (code, report) = team.verify();
    assert_eq!(code, Some(0), "{report:#}");
}
