//! Generates a realistic, validly signed store for benchmarks, tests and
//! demonstrations, and prints its trust root:
//!
//! ```sh
//! cargo run --release --example gen_store -- --records 100000 --authors 40 --out /tmp/store
//! maatwerk verify --store /tmp/store --expect-root <printed fingerprint>
//! ```
//!
//! With `--key-out FILE` it also writes the first caseworker's key
//! (`consulent-000@gemeente.example`), to sign more records with.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod generate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Generate a realistic, validly signed maatwerk store
#[derive(Parser)]
struct Args {
    /// How many records
    #[arg(long, default_value_t = 1000)]
    records: usize,
    /// How many authors (every fourth is a teamleider)
    #[arg(long, default_value_t = 20)]
    authors: usize,
    /// The directory to make the store in; must not be a store yet
    #[arg(long)]
    out: PathBuf,
    /// Also write the first caseworker's private key (no passphrase) here,
    /// to sign more records in the store with
    #[arg(long)]
    key_out: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let started = std::time::Instant::now();
    match generate::generate(&args.out, args.records, args.authors) {
        Ok(g) => {
            if let Some(path) = &args.key_out
                && let Err(e) = write_private(path, &g.consulent.1)
            {
                eprintln!("gen_store: {}: {e}", path.display());
                return ExitCode::from(2);
            }
            eprintln!(
                "{} records by {} authors in {} ({:.1} s)",
                args.records,
                args.authors,
                args.out.display(),
                started.elapsed().as_secs_f64()
            );
            println!("{}", g.root);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_store: {e}");
            ExitCode::from(2)
        }
    }
}

/// Writes a private key readable by its owner only, as ssh wants it.
fn write_private(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(text.as_bytes())
}
