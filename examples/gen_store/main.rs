//! Generates a realistic, validly signed store for benchmarks, tests and
//! demonstrations, and prints its trust root:
//!
//! ```sh
//! cargo run --release --example gen_store -- --records 100000 --authors 40 --out /tmp/store
//! maatwerk verify --store /tmp/store --expect-root <printed fingerprint>
//! ```
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
}

fn main() -> ExitCode {
    let args = Args::parse();
    let started = std::time::Instant::now();
    match generate::generate(&args.out, args.records, args.authors) {
        Ok(g) => {
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
