//! Benchmarks of what podium draws and writes: a 1,000-entry leaderboard
//! chart (PNG and SVG) and the full report of a 10,000-entry contest.
//! Run with `cargo bench --bench rendering`.

mod common;
use common::contest;
use podium::chart::{render, ChartData, ChartKind, ChartOptions, ImageFormat};
use podium::contest::Lang;
use podium::engine::score;
use podium::output::Leaderboard;
use podium::report::{build, ReportInputs};

fn main() {
    divan::main();
}

#[divan::bench(args = [ImageFormat::Png, ImageFormat::Svg], sample_count = 10)]
fn leaderboard_chart_1000_entries(bencher: divan::Bencher, format: ImageFormat) {
    let results = score(contest(10_000), &[]);
    let board = Leaderboard::new(&results, Lang::Zh, None).unwrap();
    let data = ChartData {
        results: &results,
        board: &board,
        marks: None,
    };
    let options = ChartOptions {
        kind: ChartKind::Leaderboard,
        width: 1920,
        height: 1080,
        lang: Lang::Zh,
        top: 1000,
        entries: Vec::new(),
        group: None,
    };
    bencher.bench(|| render(&data, &options, format).unwrap());
}

/// The whole report: leaderboards, six charts, breakdown, rules in words.
#[divan::bench(sample_count = 5)]
fn report_10000_entries(bencher: divan::Bencher) {
    let inputs = contest(10_000);
    let (marks, rules) = (inputs.marks.clone(), inputs.rules.clone());
    let results = score(inputs, &[]);
    bencher.bench(|| {
        build(&ReportInputs {
            results: &results,
            marks: Some((&marks, &rules)),
            lang: Lang::Zh,
            audit_head: None,
            staged: None,
            workflow: None,
        })
        .unwrap()
    });
}
