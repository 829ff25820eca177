//! Benchmarks of the scoring pass with marks in memory.
//!
//! The sizes come from `podium gen`'s layout: entries × 20 criteria × 5
//! judges. Run with `cargo bench`; PODIUM_BENCH_ENTRIES changes the largest
//! size (default 100000, province scale: 10M marks).

mod common;
use common::contest;
use podium::engine::score;
use std::path::PathBuf;

fn main() {
    divan::main();
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
    bencher
        .counter(divan::counter::ItemsCount::new(inputs.marks.marks.len()))
        .bench(|| score(inputs.clone(), &[]));
}

/// The same contest run in three stages (`common::staged`): each stage
/// scored over the entries that reached it, who goes on, the
/// classification. Its marks per second are to be set beside the
/// one-stage pass's.
#[divan::bench(args = [0], sample_count = 10)]
fn three_stages(bencher: divan::Bencher, entries: u32) {
    let entries = if entries == 0 { largest() } else { entries };
    let inputs = common::staged(entries);
    bencher
        .counter(divan::counter::ItemsCount::new(inputs.marks.marks.len()))
        .bench(|| podium::stages::score(inputs.clone(), &[]));
}

/// The same contest in three stages that each mark every criterion again
/// (`common::staged_in_full`): a hundred marks per entry in each stage, as
/// in the one-stage pass, so that the marks per second of the two show
/// what running in stages costs.
#[divan::bench(args = [0], sample_count = 10)]
fn three_full_stages(bencher: divan::Bencher, entries: u32) {
    let entries = if entries == 0 { largest() } else { entries };
    let inputs = common::staged_in_full(entries);
    bencher
        .counter(divan::counter::ItemsCount::new(inputs.marks.marks.len()))
        .bench(|| podium::stages::score(inputs.clone(), &[]));
}

/// Reading and checking the marks CSV into memory.
#[divan::bench(args = [10_000], sample_count = 10)]
fn load_marks(bencher: divan::Bencher, entries: u32) {
    let inputs = contest(entries);
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-data/e{entries}/marks.csv"));
    bencher.bench(|| podium::data::marks::load(&path, &inputs.rules, &inputs.entries).unwrap());
}

/// The global part of scoring (ranks and awards) over entries already
/// scored, from nothing kept: what a change to many entries redoes.
#[divan::bench(args = [0], sample_count = 10)]
fn ranks_and_awards(bencher: divan::Bencher, entries: u32) {
    use bevy_ecs::schedule::{IntoScheduleConfigs, Schedule};
    let entries = if entries == 0 { largest() } else { entries };
    let inputs = contest(entries);
    let mut world = podium::engine::build_world(&inputs, &[]);
    podium::engine::scoring_schedule().run(&mut world);
    let mut again = Schedule::default();
    again.add_systems((podium::engine::rank::rank_entries, podium::engine::awards::decide_awards).chain());
    bencher.bench_local(|| {
        world.insert_resource(podium::engine::rank::Ranking::default());
        again.run(&mut world)
    });
}

/// A live event: one mark corrected again and again (two values in turn),
/// its entry re-scored, then places and awards over the field, then `after`.
fn one_mark_at_a_time<T>(bencher: divan::Bencher, entries: u32, mut after: impl FnMut(&mut podium::engine::LiveScores) -> T) {
    let entries = if entries == 0 { largest() } else { entries };
    let inputs = contest(entries);
    let first = inputs.marks.of_entry(0)[0];
    let mut live = podium::engine::LiveScores::new(inputs);
    let mut units = first.units;
    bencher.bench_local(|| {
        units = if units == first.units { first.units - 5 } else { first.units };
        live.set_mark(0, podium::data::Mark { units, ..first });
        live.rescore();
        after(&mut live)
    });
}

/// One mark re-scored: what `podium serve` does per commit before publishing.
#[divan::bench(args = [10_000, 0], sample_count = 20)]
fn live_one_mark(bencher: divan::Bencher, entries: u32) {
    one_mark_at_a_time(bencher, entries, |_| ());
}

/// One mark to an updated leaderboard: the mark re-scored as in
/// `live_one_mark`, then the rows `podium serve` sends the hall (the top 10)
/// and the desk (the leading 200 and every flagged entry).
#[divan::bench(args = [10_000, 0], sample_count = 20)]
fn live_one_mark_to_board(bencher: divan::Bencher, entries: u32) {
    one_mark_at_a_time(bencher, entries, |live| {
        podium::serve::live::leading_rows(live, None, podium::contest::Lang::Zh, 10).unwrap()
    });
}

/// One mark that completes an entry (its last mark arrives): the entry joins
/// the order in the middle of the field, everyone below moves down a place,
/// and the hall's and desk's rows are written.
#[divan::bench(args = [0], sample_count = 10)]
fn live_entry_completes_to_board(bencher: divan::Bencher, entries: u32) {
    let entries = if entries == 0 { largest() } else { entries };
    let full = contest(entries);
    let middle = full.marks.ranges.len() / 2;
    let last = *full.marks.of_entry(middle).last().unwrap();
    let mut held_back = full.clone();
    let marks = (0..full.marks.ranges.len())
        .flat_map(|e| full.marks.of_entry(e).iter().map(move |m| (e as u32, *m)))
        .filter(|&(e, m)| !(e as usize == middle && m == last))
        .collect();
    held_back.marks = std::sync::Arc::new(podium::data::MarkSet::from_entry_marks(marks, full.marks.ranges.len()).unwrap());
    bencher
        .with_inputs(|| {
            // A copy of its own: marks shared with `held_back` would be copied by the first change.
            let mut inputs = held_back.clone();
            inputs.marks = std::sync::Arc::new((*held_back.marks).clone());
            podium::engine::LiveScores::new(inputs)
        })
        .bench_local_values(|mut live| {
            live.set_mark(middle as u32, last);
            live.rescore();
            podium::serve::live::leading_rows(&mut live, None, podium::contest::Lang::Zh, 10).unwrap();
            live
        });
}
