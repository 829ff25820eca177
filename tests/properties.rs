//! Invariants that hold for any marks: the ranking is a permutation of the
//! entries, equal totals share a rank, re-scoring (in any mark order) gives
//! the same result, and dropping k extremes equals sorting and slicing.

use podium::contest::{ron_options, Contest, Panel, Rules};
use podium::data::{ElementData, Entries, Mark, MarkSet};
use podium::engine::panel::aggregate;
use podium::engine::{score, Inputs};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::sync::Arc;

const CONTEST: &str = r#"Contest(id: "p", name: (en: "p"),
    judges: [Judge(id: "J1"), Judge(id: "J2"), Judge(id: "J3")],
    categories: [Category(id: "s", label: (en: "S"), score: Sum, criteria: [
        Criterion(id: "x", label: (en: "X"), marks: (min: 0, max: 4, step: 1), kind: Judgement()),
    ])])"#;

/// An in-memory contest: entry i gets marks[i] from J1, J2, J3 (in the order given).
fn inputs(marks: &[Vec<u8>], order: &[usize]) -> Inputs {
    let contest: Contest = ron_options().from_str(CONTEST).unwrap();
    let rules = Rules::compile(contest, "contest.ron".into(), CONTEST.into()).unwrap();
    let mut entries = Entries::with_fields(vec![]);
    for i in 0..marks.len() {
        let id = format!("E{i}");
        assert!(entries.push(&id, &format!("n{i}"), "", vec![], &[]));
    }
    let mut raw: Vec<(u32, Mark)> = marks
        .iter()
        .enumerate()
        .flat_map(|(e, judged)| {
            judged.iter().enumerate().map(move |(j, &v)| {
                (
                    e as u32,
                    Mark {
                        units: v as i32,
                        slot: 0,
                        judge: j as u16,
                    },
                )
            })
        })
        .collect();
    // Present the marks in another order; the store sorts them.
    let permuted: Vec<(u32, Mark)> = order.iter().filter_map(|&i| raw.get(i).copied()).collect();
    if permuted.len() == raw.len() {
        raw = permuted;
    }
    Inputs::new(
        rules,
        entries,
        MarkSet::from_entry_marks(raw, marks.len()).unwrap(),
        ElementData::default(),
    )
}

/// (entry, total, (rank, tied)) of each leaderboard row.
type Summary = Vec<(u32, Option<Decimal>, Option<(u32, bool)>)>;

fn summary(inputs: &Inputs) -> Summary {
    score(inputs.clone(), &[])
        .rows
        .iter()
        .map(|r| (r.entry, r.total, r.standing.overall.map(|p| (p.rank, p.tied))))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn ranking_is_a_permutation_and_ties_share_a_rank(marks in prop::collection::vec(prop::collection::vec(0u8..=4, 3), 1..80)) {
        let results = summary(&inputs(&marks, &[]));
        let mut entries: Vec<u32> = results.iter().map(|r| r.0).collect();
        entries.sort_unstable();
        prop_assert_eq!(entries, (0..marks.len() as u32).collect::<Vec<_>>());
        for (entry, total, place) in &results {
            let total = total.unwrap();
            let (rank, tied) = place.unwrap();
            let better = results.iter().filter(|r| r.1.unwrap() > total).count() as u32;
            let equal = results.iter().filter(|r| r.1.unwrap() == total && r.0 != *entry).count();
            prop_assert_eq!(rank, better + 1, "standard competition ranking (1, 2, 2, 4)");
            prop_assert_eq!(tied, equal > 0);
        }
        // Best first: ranks never decrease down the leaderboard.
        prop_assert!(results.windows(2).all(|w| w[0].2.unwrap().0 <= w[1].2.unwrap().0));
    }

    #[test]
    fn rescoring_is_deterministic_whatever_the_mark_order(
        marks in prop::collection::vec(prop::collection::vec(0u8..=4, 3), 1..40),
        order in Just(()).prop_perturb(|_, mut rng| {
            let mut order: Vec<usize> = (0..120).collect();
            for i in (1..order.len()).rev() {
                order.swap(i, (rng.next_u32() as usize) % (i + 1));
            }
            order
        }),
    ) {
        let order: Vec<usize> = order.into_iter().filter(|&i| i < marks.len() * 3).collect();
        let first = summary(&inputs(&marks, &[]));
        prop_assert_eq!(&first, &summary(&inputs(&marks, &[])));
        prop_assert_eq!(&first, &summary(&inputs(&marks, &order)));
    }

    #[test]
    fn dropping_k_extremes_equals_sorting(values in prop::collection::vec(-500i64..500, 1..15), k in 0u8..6) {
        let marks: Vec<Decimal> = values.iter().map(|&v| Decimal::new(v, 1)).collect();
        let mut sorted = marks.clone();
        sorted.sort();
        let n = sorted.len();
        let k_usize = usize::from(k);
        let trimmed = aggregate(&Panel::TrimmedMean(k), &marks);
        let summed = aggregate(&Panel::TrimmedSum(k), &marks);
        if 2 * k_usize < n {
            let kept = &sorted[k_usize..n - k_usize];
            let sum: Decimal = kept.iter().sum();
            prop_assert_eq!(summed.unwrap(), sum);
            prop_assert_eq!(trimmed.unwrap(), sum / Decimal::from(kept.len()));
        } else {
            prop_assert!(trimmed.is_err() && summed.is_err());
        }
    }
}

/// The example contests, loaded once.
fn examples() -> &'static [Inputs] {
    static EXAMPLES: std::sync::OnceLock<Vec<Inputs>> = std::sync::OnceLock::new();
    EXAMPLES.get_or_init(|| {
        ["construction", "skills-duel", "judged-panel", "monthly-teams"]
            .iter()
            .map(|name| podium::load::load(format!("contests/{name}").as_ref(), None).unwrap())
            .collect()
    })
}

/// Results as text, for comparing two scorings whole.
/// Everything a board shows of the results, whether marking is complete
/// (the provisional awards) included.
fn shown(results: &podium::engine::Results) -> String {
    format!("{:?}\n{:?}\ncomplete: {}", results.rows, results.teams, results.complete)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Marks arriving one by one at a live event, some corrected, re-scored
    /// at any points: the live results end exactly as scoring everything at once.
    #[test]
    fn live_rescoring_matches_scoring_from_scratch(
        example in 0usize..4,
        held_back in proptest::collection::vec(any::<bool>(), 400),
        corrections in proptest::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 0..12),
        pauses in proptest::collection::vec(any::<bool>(), 400),
    ) {
        let full = &examples()[example];
        let all: Vec<(u32, Mark)> = (0..full.marks.ranges.len())
            .flat_map(|e| full.marks.of_entry(e).iter().map(move |m| (e as u32, *m)))
            .collect();
        // The event so far: some marks held back, to arrive live.
        let (later, now): (Vec<_>, Vec<_>) = all.iter().enumerate().partition(|(i, _)| held_back[i % held_back.len()]);
        let now: Vec<(u32, Mark)> = now.into_iter().map(|(_, m)| *m).collect();
        let mut start = full.clone();
        start.marks = Arc::new(MarkSet::from_entry_marks(now, full.marks.ranges.len()).unwrap());
        let mut live = podium::engine::LiveScores::new(start);
        let mut last: std::collections::HashMap<(u32, u16, u16), Mark> = all.iter().map(|(e, m)| ((*e, m.slot, m.judge), *m)).collect();
        for (k, (_, (entry, mark))) in later.iter().enumerate() {
            live.set_mark(*entry, *mark);
            if pauses[k % pauses.len()] {
                live.rescore();
            }
        }
        // Corrections: a cell takes another mark's value of the same slot.
        for (cell, source) in &corrections {
            let (entry, mark) = all[cell.index(all.len())];
            let same_slot: Vec<&(u32, Mark)> = all.iter().filter(|(_, m)| m.slot == mark.slot).collect();
            let units = same_slot[source.index(same_slot.len())].1.units;
            let corrected = Mark { units, ..mark };
            live.set_mark(entry, corrected);
            last.insert((entry, mark.slot, mark.judge), corrected);
        }
        live.rescore();
        let mut expected = full.clone();
        expected.marks = Arc::new(MarkSet::from_entry_marks(last.into_iter().map(|((e, _, _), m)| (e, m)).collect(), full.marks.ranges.len()).unwrap());
        prop_assert_eq!(shown(&live.results()), shown(&score(expected, &[])));
    }
}

/// A field where ties are common (marks 0–4 from three judges), in three
/// regions, with medals overall and prizes per region: what moving entries
/// in the kept order must get right.
const TIED: &str = r#"Contest(id: "t", name: (en: "t"),
    judges: [Judge(id: "J1"), Judge(id: "J2"), Judge(id: "J3")],
    divisions: ["region"],
    categories: [Category(id: "s", label: (en: "S"), score: Sum, criteria: [
        Criterion(id: "x", label: (en: "X"), marks: (min: 0, max: 4, step: 1), kind: Judgement()),
    ])],
    awards: [
        AwardSet(id: "medals", scope: Overall, tiers: [
            Tier(id: "gold", label: (en: "Gold"), rule: Top(1)),
            Tier(id: "silver", label: (en: "Silver"), rule: Top(2)),
        ]),
        AwardSet(id: "prizes", scope: PerDivision("region"), tiers: [
            Tier(id: "first", label: (en: "First"), rule: Share(20)),
            Tier(id: "second", label: (en: "Second"), rule: Share(30)),
        ]),
    ])"#;

/// The `TIED` contest with entry i in region `regions[i]`, and these marks.
fn tied_field(regions: &[u8], marks: Vec<(u32, Mark)>) -> Inputs {
    let contest: Contest = ron_options().from_str(TIED).unwrap();
    let rules = Rules::compile(contest, "contest.ron".into(), TIED.into()).unwrap();
    let mut entries = Entries::with_fields(vec!["region".into()]);
    for (i, region) in regions.iter().enumerate() {
        assert!(entries.push(&format!("E{i}"), &format!("n{i}"), "", vec![], &[&format!("R{region}")]));
    }
    Inputs::new(
        rules,
        entries,
        MarkSet::from_entry_marks(marks, regions.len()).unwrap(),
        ElementData::default(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Many tied entries moving up and down, some completing late: live
    /// places and awards end exactly as scoring everything at once.
    #[test]
    fn live_ranking_with_many_ties_matches_scoring_from_scratch(
        regions in proptest::collection::vec(0u8..3, 8..60),
        first in proptest::collection::vec((0i32..=4, 0i32..=4, 0i32..=4, any::<bool>()), 60),
        changes in proptest::collection::vec((any::<prop::sample::Index>(), 0u16..3, 0i32..=4, any::<bool>()), 1..40),
    ) {
        let mark = |judge: u16, units: i32| Mark { units, slot: 0, judge };
        // Every entry marked by J1 and J2; J3's mark comes later for some.
        let mut marks: std::collections::BTreeMap<(u32, u16), Mark> = Default::default();
        for (e, &(a, b, c, late)) in first.iter().take(regions.len()).enumerate() {
            let e = e as u32;
            marks.insert((e, 0), mark(0, a));
            marks.insert((e, 1), mark(1, b));
            if !late {
                marks.insert((e, 2), mark(2, c));
            }
        }
        let now: Vec<(u32, Mark)> = marks.iter().map(|(&(e, _), &m)| (e, m)).collect();
        let mut live = podium::engine::LiveScores::new(tied_field(&regions, now));
        for (entry, judge, units, rescore) in &changes {
            let entry = entry.index(regions.len()) as u32;
            live.set_mark(entry, mark(*judge, *units));
            marks.insert((entry, *judge), mark(*judge, *units));
            if *rescore {
                live.rescore();
            }
        }
        live.rescore();
        let expected = tied_field(&regions, marks.iter().map(|(&(e, _), &m)| (e, m)).collect());
        prop_assert_eq!(shown(&live.results()), shown(&score(expected, &[])));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The leaderboard's fast decimal writer says exactly what `Decimal`'s
    /// own formatting says, for any mantissa and scale (negative zero too).
    #[test]
    fn the_fast_decimal_writer_matches_display(mantissa in any::<i64>(), high in any::<u32>(), scale in 0u32..=28, negative_zero in any::<bool>()) {
        let wide = (i128::from(high) << 64) | i128::from(mantissa as u64);
        let wide = if mantissa < 0 { -wide } else { wide };
        for value in [Decimal::from_i128_with_scale(i128::from(mantissa), scale), Decimal::from_i128_with_scale(wide, scale)] {
            let mut written = String::new();
            podium::output::push_decimal(&mut written, value);
            prop_assert_eq!(written, value.to_string());
        }
        if negative_zero {
            let mut zero = Decimal::new(0, scale);
            zero.set_sign_negative(true);
            let mut written = String::new();
            podium::output::push_decimal(&mut written, zero);
            prop_assert_eq!(written, zero.to_string());
        }
    }
}

/// A contest `podium gen` makes (every judge marks every entry on each of
/// four criteria), loaded once.
fn generated() -> &'static Inputs {
    &generated_with_rows().0
}

/// The contest of [`generated`] (40 entries, 4 criteria, 3 judges), and
/// its marks file's rows.
fn generated_with_rows() -> &'static (Inputs, Vec<String>) {
    static GENERATED: std::sync::OnceLock<(Inputs, Vec<String>)> = std::sync::OnceLock::new();
    GENERATED.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("podium-properties-gen-{}", std::process::id()));
        let args = [
            "podium",
            "gen",
            dir.to_str().unwrap(),
            "--entries",
            "40",
            "--criteria",
            "4",
            "--judges",
            "3",
        ];
        assert_eq!(podium::cli::run(<podium::cli::Cli as clap::Parser>::parse_from(args)), 0);
        let inputs = podium::load::load(&dir, None).unwrap();
        let rows = std::fs::read_to_string(dir.join("marks.csv"))
            .unwrap()
            .lines()
            .skip(1)
            .map(String::from)
            .collect();
        std::fs::remove_dir_all(&dir).unwrap();
        (inputs, rows)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whether marking is complete, counted where each entry expects one
    /// number of marks, is what walking every expected mark finds: marks
    /// held back anywhere, in a generated contest, a plain one and the
    /// examples (which walk).
    #[test]
    fn completeness_counted_is_completeness_walked(
        example in 0usize..6,
        held_back in proptest::collection::vec(proptest::bool::weighted(0.01), 500),
        offset in 0usize..500,
    ) {
        let plain = inputs(&vec![vec![1, 2, 3]; 50], &[]);
        let full = match example {
            4 => &plain,
            5 => generated(),
            _ => &examples()[example],
        };
        let all: Vec<(u32, Mark)> = (0..full.marks.ranges.len())
            .flat_map(|e| full.marks.of_entry(e).iter().map(move |m| (e as u32, *m)))
            .collect();
        let kept: Vec<(u32, Mark)> = all.iter().enumerate().filter(|(i, _)| !held_back[(i + offset) % 500]).map(|(_, m)| *m).collect();
        let mut now = full.clone();
        now.marks = Arc::new(MarkSet::from_entry_marks(kept, full.marks.ranges.len()).unwrap());
        let walked = (0..now.entries.list.len() as u32).all(|e| podium::engine::entry_complete(&now, e));
        prop_assert_eq!(podium::engine::marking_complete(&now), walked);
    }
}

/// The count answers where every judge of a criterion marks every entry
/// and every criterion wants their marks; the examples (judges closed to
/// their own organisation's entries, deductions without a record) walk.
#[test]
fn completeness_is_counted_where_every_entry_expects_the_same_marks() {
    use podium::engine::marks_each_entry_expects;
    assert_eq!(marks_each_entry_expects(&inputs(&[vec![1, 2, 3]], &[])), Some(3));
    assert_eq!(marks_each_entry_expects(generated()), Some(12));
    let examples: Vec<Option<usize>> = examples().iter().map(marks_each_entry_expects).collect();
    assert_eq!(examples, [None; 4]);
}

/// A row's judge and value cells changed as files bring them: spaces, a
/// line end of Windows, quotes, a formula guard, full-width digits, a
/// comma too many, a judge or value that is wrong.
fn changed_tail(row: &str, change: usize) -> String {
    let mut cells = row.rsplitn(3, ',');
    let mut next = || cells.next().unwrap_or("");
    let (value, judge, cell) = (next(), next(), next());
    let (judge, value) = match change {
        0 => (format!(" {judge} "), format!(" {value}\r")),
        1 => (format!("\"{judge}\""), value.to_string()),
        2 => (format!("'{judge}"), value.to_string()),
        3 => (judge.to_string(), format!("\"{value}\"")),
        4 => (judge.to_string(), value.replace('5', "５")),
        5 => (judge.to_string(), format!("{value},1")),
        6 => ("J9".to_string(), value.to_string()),
        7 => (judge.to_string(), "10.25".to_string()),
        8 => (judge.to_string(), "x".to_string()),
        9 => (String::new(), value.to_string()),
        _ => (judge.to_string(), format!("{value}\r\r")),
    };
    format!("{cell},{judge},{value}")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A row that begins with the same bytes as the row before is read for
    /// the same cell, its judge and value alone: whatever its judge and
    /// value hold, the marks read, or the file's refusal, are those of the
    /// same rows each read whole (made to begin otherwise by a space after
    /// the criterion on every other row, which changes nothing).
    #[test]
    fn rows_for_the_cell_before_read_as_rows_read_whole(
        changes in proptest::collection::vec((0usize..360, 0usize..11), 0..6),
        twice in proptest::option::of(0usize..359),
    ) {
        let (inputs, rows) = generated_with_rows();
        let mut rows = rows.clone();
        for &(at, change) in &changes {
            rows[at] = changed_tail(&rows[at], change);
        }
        if let Some(at) = twice {
            rows.insert(at + 1, rows[at].clone());
        }
        // Every other row made to begin otherwise, where it has no quote.
        let apart: Vec<String> = rows
            .iter()
            .enumerate()
            .map(|(i, row)| match (i % 2, row.contains('"'), row.match_indices(',').nth(1)) {
                (1, false, Some((comma, _))) => format!("{} {}", &row[..comma], &row[comma..]),
                _ => row.clone(),
            })
            .collect();
        let path = std::env::temp_dir().join(format!("podium-properties-same-cell-{}.csv", std::process::id()));
        let read = |rows: &[String]| {
            std::fs::write(&path, format!("entry,criterion,element,judge,value\n{}\n", rows.join("\n"))).unwrap();
            match podium::data::marks::load(&path, &inputs.rules, &inputs.entries) {
                Ok(marks) => Ok((0..inputs.entries.list.len()).map(|e| marks.of_entry(e).to_vec()).collect::<Vec<_>>()),
                Err(problems) => Err(problems.to_string()),
            }
        };
        let (together, whole) = (read(&rows), read(&apart));
        std::fs::remove_file(&path).unwrap();
        prop_assert_eq!(together, whole);
    }
}
