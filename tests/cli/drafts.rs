//! Drafts from the command line: listed, flagged when their norm changed,
//! discarded.

use maatwerk::domain::draft::{Draft, DraftNorm, Drafts, Step};
use maatwerk::domain::norm::catalog::Catalog;
use serde_json::Value;

use super::support::{Sandbox, stderr, stdout};

#[test]
fn drafts_are_listed_flagged_and_discarded() {
    let sandbox = Sandbox::new();
    let drafts = Drafts::new(sandbox.home().join(".local/share/maatwerk/drafts"));
    let catalog = Catalog::bundled();
    let norm = catalog.get("pw-zoektermijn-jongeren").expect("norm");
    let mut current = Draft::new("2026-11-23T08:00:00Z".parse().expect("time"));
    current.case = "Z-2026-000777".into();
    current.step = Step::Checklist;
    current.norm = Some(DraftNorm {
        id: norm.norm.id.clone(),
        version: norm.norm.version,
        sha256: norm.sha256().to_string(),
    });
    let mut stale = Draft::new("2026-11-20T08:00:00Z".parse().expect("time"));
    stale.norm = Some(DraftNorm {
        id: norm.norm.id.clone(),
        version: 2,
        sha256: "0".repeat(64),
    });
    drafts.save(&current).expect("save");
    drafts.save(&stale).expect("save");

    let json: Value = serde_json::from_str(&stdout(
        &sandbox
            .cmd()
            .args(["drafts", "--json"])
            .output()
            .expect("run"),
    ))
    .expect("json");
    assert_eq!(json[0]["id"], current.id.as_str());
    assert_eq!(json[0]["step"], "checklist");
    assert_eq!(json[0]["norm_changed"], false);
    assert_eq!(json[1]["norm_changed"], true);
    let table = stdout(&sandbox.cmd().args(["drafts"]).output().expect("run"));
    assert!(
        table.contains("pw-zoektermijn-jongeren (norm changed)"),
        "{table}"
    );
    // A draft without a case reference says so, to tell it apart.
    assert!(table.contains("(no case reference yet)"), "{table}");

    let output = sandbox
        .cmd()
        .args(["drafts", "--discard", &stale.id])
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr(&output));
    let missing = sandbox
        .cmd()
        .args(["drafts", "--discard", &stale.id])
        .output()
        .expect("run");
    assert_eq!(missing.status.code(), Some(2));
    assert!(stdout(&sandbox.cmd().args(["drafts"]).output().expect("run")).contains(&current.id));
    let none = Sandbox::new();
    assert_eq!(
        stdout(&none.cmd().args(["drafts"]).output().expect("run")),
        "No drafts.\n"
    );
}
