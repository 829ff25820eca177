//! What the benchmarks share: generated contests.

use podium::engine::Inputs;
use std::path::PathBuf;

/// A generated contest, made once per size under target/bench-data.
pub fn contest(entries: u32) -> Inputs {
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
