//! Benchmarks of the scoring pass with marks in memory.
//!
//! The sizes come from `podium gen`'s layout: entries × 20 criteria × 5
//! judges. Run with `cargo bench`; PODIUM_BENCH_ENTRIES changes the largest
//! size (default 100000, province scale: 10M marks).

use podium::engine::{score, Inputs};
use std::path::PathBuf;

fn main() {
    divan::main();
}

/// A generated contest, made once per size under target/bench-data.
fn contest(entries: u32) -> Inputs {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-data/e{entries}"));
    if !dir.join("marks.csv").exists() {
        let cli = <podium::cli::Cli as clap::Parser>::parse_from([
            "podium",
            "gen",
            dir.to_str().unwrap(),
            "--entries",
            &entries.to_string(),
            "--criteria",
            "20",
            "--judges",
            "5",
            "--seed",
            "1",
        ]);
        assert_eq!(podium::cli::run(cli), 0);
    }
    podium::load::load(&dir, None).expect("the generated contest loads")
}

fn largest() -> u32 {
    std::env::var("PODIUM_BENCH_ENTRIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
}

/// The whole schedule (criteria, categories, vetoes, totals, ranks, awards)
/// over marks already in memory.
#[divan::bench(args = [1_000, 10_000, 0], sample_count = 10)]
fn scoring_pass(bencher: divan::Bencher, entries: u32) {
    let entries = if entries == 0 { largest() } else { entries };
    let inputs = contest(entries);
    bencher.bench(|| score(inputs.clone(), &[]));
}

/// Reading and checking the marks CSV into memory.
#[divan::bench(args = [10_000], sample_count = 10)]
fn load_marks(bencher: divan::Bencher, entries: u32) {
    let inputs = contest(entries);
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-data/e{entries}/marks.csv"));
    bencher.bench(|| podium::data::marks::load(&path, &inputs.rules, &inputs.entries).unwrap());
}
