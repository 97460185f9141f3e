//! Every shipped norm is loaded and validated.

use std::fs;

use maatwerk::domain::norm::Status;
use maatwerk::domain::norm::catalog::Catalog;

use super::support::repo;

#[test]
fn every_bundled_norm_loads_without_a_problem() {
    let catalog = Catalog::bundled();
    assert!(
        catalog.reports().is_empty(),
        "bundled norms have problems: {:#?}",
        catalog.reports()
    );
    let mut on_disk: Vec<String> = fs::read_dir(repo().join("norms"))
        .expect("norms dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_owned))
        .collect();
    on_disk.sort();
    let bundled: Vec<&str> = catalog.norms().iter().map(|n| n.norm.id.as_str()).collect();
    assert_eq!(
        bundled, on_disk,
        "the binary embeds exactly the files in norms/"
    );
}

#[test]
fn the_norms_directory_and_the_bundled_copy_are_the_same_bytes() {
    let dir = Catalog::load_dir(&repo().join("norms")).expect("norms dir");
    let bundled = Catalog::bundled();
    for (a, b) in dir.norms().iter().zip(bundled.norms()) {
        assert_eq!(a.norm.id, b.norm.id);
        assert_eq!(a.sha256(), b.sha256(), "{}", a.norm.id);
    }
}

#[test]
fn the_bundled_set_covers_the_domains_and_states_a_municipality_has() {
    let catalog = Catalog::bundled();
    let norms: Vec<_> = catalog.norms().iter().map(|n| &n.norm).collect();
    assert!(norms.len() >= 8);
    for domain in ["participatiewet", "schuldhulp", "wmo", "jeugd"] {
        assert!(norms.iter().any(|n| n.domain == domain), "no {domain} norm");
    }
    for status in [Status::Concept, Status::Ingetrokken, Status::Vastgesteld] {
        assert!(
            norms.iter().any(|n| n.status == status),
            "no {status:?} norm"
        );
    }
    // Norms rest on real law: every basis and ground names a BWB regulation.
    for n in &norms {
        assert!(n.rule.basis.bwb_id().starts_with("BWBR"), "{}", n.id);
    }
}
