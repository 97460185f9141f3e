//! Loading and validating norms.
//!
//! Target (issue 3): a directory of 1,000 norms loads and validates in under
//! 100 ms on a 2-core machine. Run with `cargo bench --bench norms`.

use std::fs;
use std::path::Path;

use maatwerk::domain::norm::catalog::Catalog;
use maatwerk::domain::norm::parse::parse;
use maatwerk::domain::source::SourceFile;

fn main() {
    divan::main();
}

/// Writes `count` realistic norms to `dir`: the bundled norms in turn, each
/// under a new id, so every file is a different, valid norm.
fn generate(dir: &Path, count: usize) {
    let bundled = Catalog::bundled();
    let templates: Vec<_> = bundled.norms().iter().collect();
    for i in 0..count {
        let template = templates[i % templates.len()];
        let id = format!("{}-{i:05}", template.norm.id);
        let text = template.source.text().replacen(
            &format!("id = \"{}\"", template.norm.id),
            &format!("id = \"{id}\""),
            1,
        );
        fs::write(dir.join(format!("{id}.toml")), text).expect("write generated norm");
    }
}

#[divan::bench(args = [100, 1_000])]
fn load_directory(bencher: divan::Bencher, count: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    generate(dir.path(), count);
    bencher.bench(|| {
        let catalog = Catalog::load_dir(dir.path()).expect("load");
        assert_eq!(catalog.norms().len(), count);
        assert!(catalog.reports().is_empty());
        catalog
    });
}

#[divan::bench]
fn parse_one_norm(bencher: divan::Bencher) {
    let text = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("norms/pw-zoektermijn-jongeren.toml"),
    )
    .expect("bundled norm");
    let source = SourceFile::new("pw-zoektermijn-jongeren.toml", text);
    bencher.bench(|| parse(divan::black_box(&source), "pw-zoektermijn-jongeren"));
}

#[divan::bench]
fn bundled_catalog(bencher: divan::Bencher) {
    bencher.bench(Catalog::bundled);
}
