//! Contests run in stages, checked by hand: every rule for going on, ties at
//! the cut, every way a stage carries earlier totals, the classification,
//! and every mistake in writing stages refused at its place. Then the
//! invariants, for any marks: the classification is a permutation, a
//! qualifier is never below an entry its stage eliminated, and results do
//! not depend on the thread count.

mod common;
use common::*;

use podium::contest::{ron_options, Contest, Rules};
use podium::data::{ElementData, Entries, Mark, MarkSet};
use podium::engine::Inputs;
use proptest::prelude::*;

/// A two-stage contest: `a.x` in stage one, `b.y` in stage two, both plain
/// sums of one judge's mark (0–100); `stages` is the stages' text.
fn two_stage(stages: &str) -> String {
    format!(
        r#"Contest(id: "t", name: (zh: "测试", en: "Test"),
    judges: [Judge(id: "J1")],
    rounding: (category: (places: 2, mode: HalfUp), total: (places: 2, mode: HalfUp)),
    categories: [
        Category(id: "a", label: (zh: "甲", en: "A"), score: Sum, criteria: [
            Criterion(id: "x", label: (zh: "X", en: "X"), marks: (min: 0, max: 100, step: 0.5), kind: Judgement()),
        ]),
        Category(id: "b", label: (zh: "乙", en: "B"), score: Sum, criteria: [
            Criterion(id: "y", label: (zh: "Y", en: "Y"), marks: (min: 0, max: 100, step: 0.5), kind: Judgement()),
        ]),
    ],
    stages: {stages},
)"#
    )
}

/// Entries E1.. (organisations from `orgs`, pairs P1, P1, P2, P2, ...) with
/// stage-one marks `first` and stage-two marks `second` for everyone.
fn contest(name: &str, stages: &str, orgs: &[&str], first: &[f64], second: &[f64]) -> std::path::PathBuf {
    let mut entries = String::from("id,name,organisation,pair\n");
    let mut marks = String::from("entry,criterion,element,judge,value\n");
    for (i, org) in orgs.iter().enumerate() {
        entries.push_str(&format!("E{},选手{},{org},P{}\n", i + 1, i + 1, i / 2 + 1));
        marks.push_str(&format!("E{},a.x,,J1,{}\n", i + 1, first[i]));
        if let Some(y) = second.get(i) {
            marks.push_str(&format!("E{},b.y,,J1,{y}\n", i + 1));
        }
    }
    contest_dir(name, &two_stage(stages), &entries, &marks)
}

/// (entry, advanced) of each row of a stage's CSV (ids), best first.
fn advanced(dir: &std::path::Path, stage: &str) -> Vec<(String, String)> {
    let csv = run_ok(&["score", s(dir), "--stage", stage, "--format", "csv", "--headers", "ids"]);
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let (entry, advanced) = (
        header.iter().position(|h| *h == "entry").unwrap(),
        header.iter().position(|h| *h == "advanced").unwrap(),
    );
    lines
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            (cells[entry].to_string(), cells[advanced].to_string())
        })
        .collect()
}

fn through(dir: &std::path::Path, stage: &str) -> Vec<String> {
    let mut ids: Vec<String> = advanced(dir, stage)
        .into_iter()
        .filter(|(_, a)| a == "true")
        .map(|(e, _)| e)
        .collect();
    ids.sort();
    ids
}

const ORGS6: [&str; 6] = ["甲厂", "甲厂", "甲厂", "乙厂", "乙厂", "丙厂"];

#[test]
fn top_n_sends_everyone_tied_at_the_cut_unless_a_tie_break_separates_them() {
    let stages = r#"[Stage(id: "s1", label: (zh: "预赛", en: "Prelim"), categories: ["a"], advance: (rule: Top(2))),
                     Stage(id: "s2", label: (zh: "决赛", en: "Final"), categories: ["b"])]"#;
    // 90, 80, 80, 70, 60, 50: the top 2 are three entries (=2).
    let dir = contest("stage-tie-all", stages, &ORGS6, &[90.0, 80.0, 80.0, 70.0, 60.0, 50.0], &[]);
    assert_eq!(through(&dir, "s1"), ["E1", "E2", "E3"]);
    // With a tie-break (the lower pair: E2 is in P1, E3 in P2), exactly two go on.
    let stages = r#"[Stage(id: "s1", label: (zh: "预赛", en: "Prelim"), categories: ["a"], tie_breaks: [Field("pair", LowerIsBetter)], advance: (rule: Top(2))),
                     Stage(id: "s2", label: (zh: "决赛", en: "Final"), categories: ["b"])]"#;
    let dir = contest("stage-tie-break", stages, &ORGS6, &[90.0, 80.0, 80.0, 70.0, 60.0, 50.0], &[]);
    assert_eq!(through(&dir, "s1"), ["E1", "E2"]);
}

#[test]
fn a_share_is_rounded_down_and_a_threshold_follows_the_order() {
    // 50 % of 6 ranked = 3.
    let share = r#"[Stage(id: "s1", label: (zh: "预赛", en: "Prelim"), categories: ["a"], advance: (rule: Share(50))),
                    Stage(id: "s2", label: (zh: "决赛", en: "Final"), categories: ["b"])]"#;
    let dir = contest("stage-share", share, &ORGS6, &[90.0, 85.0, 80.0, 70.0, 60.0, 50.0], &[]);
    assert_eq!(through(&dir, "s1"), ["E1", "E2", "E3"]);
    // 40 % of 6 = 2.4: two.
    let dir = contest(
        "stage-share-down",
        &share.replace("Share(50)", "Share(40)"),
        &ORGS6,
        &[90.0, 85.0, 80.0, 70.0, 60.0, 50.0],
        &[],
    );
    assert_eq!(through(&dir, "s1"), ["E1", "E2"]);
    let at_least = share.replace("Share(50)", "AtLeast(70)");
    let dir = contest("stage-at-least", &at_least, &ORGS6, &[90.0, 85.0, 80.0, 70.0, 69.5, 50.0], &[]);
    assert_eq!(through(&dir, "s1"), ["E1", "E2", "E3", "E4"]);
}

#[test]
fn a_cap_takes_the_next_best_from_another_organisation() {
    // Top 3, at most 2 per organisation: E1, E2 (甲厂), E3 (甲厂) passed over, E4 (乙厂).
    let stages = r#"[Stage(id: "s1", label: (zh: "预赛", en: "Prelim"), categories: ["a"], advance: (rule: Top(3), cap: ("organisation", 2))),
                     Stage(id: "s2", label: (zh: "决赛", en: "Final"), categories: ["b"])]"#;
    let dir = contest("stage-cap", stages, &ORGS6, &[90.0, 85.0, 80.0, 70.0, 60.0, 50.0], &[]);
    assert_eq!(through(&dir, "s1"), ["E1", "E2", "E4"]);
    let explained = run_ok(&["explain", s(&dir), "E3", "--lang", "zh"]);
    assert!(explained.contains("未晋级：甲厂 已有 2 名晋级，每组最多 2 名"), "{explained}");
}

#[test]
fn heats_send_winners_and_best_losers_and_the_classification_puts_qualifiers_first() {
    // Pairs (E1,E2) (E3,E4) (E5,E6); E2 loses with 85 to E1's 90 yet beats
    // the winner of the third pair (E5, 60); one best loser goes on.
    let stages = r#"[Stage(id: "ko", label: (zh: "淘汰赛", en: "Knock-out"), categories: ["a"], advance: (rule: Heats(field: "pair", winners: 1, best_others: 1))),
                     Stage(id: "fin", label: (zh: "决赛", en: "Final"), categories: ["b"], carry: [("ko", 100)])]"#;
    let dir = contest(
        "stage-heats",
        stages,
        &ORGS6,
        &[90.0, 85.0, 70.0, 80.0, 60.0, 50.0],
        &[10.0, 10.0, 0.0, 10.0, 10.0, 0.0],
    );
    assert_eq!(through(&dir, "ko"), ["E1", "E2", "E4", "E5"]);
    // The classification: finalists by their two-round totals (100, 95, 90,
    // 70), then the eliminated by their round-one points (E3 70, E6 50).
    let board = run_ok(&["score", s(&dir), "--format", "csv", "--headers", "ids"]);
    let order: Vec<&str> = board.lines().skip(1).map(|l| l.split(',').nth(2).unwrap()).collect();
    assert_eq!(order, ["E1", "E2", "E4", "E5", "E3", "E6"], "{board}");
    // E3 (70 in round one) ranks below E5, who had 60 in round one and went on.
    assert!(board.lines().nth(4).unwrap().starts_with("4,false,E5,"), "{board}");
}

#[test]
fn carrying_resets_sums_or_weighs_the_earlier_total() {
    let first = [80.0, 60.0];
    let second = [50.0, 90.0];
    let orgs = ["甲厂", "乙厂"];
    let totals = |carry: &str| {
        let stages = format!(
            r#"[Stage(id: "s1", label: (zh: "一", en: "One"), categories: ["a"]),
                Stage(id: "s2", label: (zh: "二", en: "Two"), categories: ["b"]{carry})]"#
        );
        let dir = contest(&format!("stage-carry-{}", carry.len()), &stages, &orgs, &first, &second);
        let csv = run_ok(&["score", s(&dir), "--stage", "s2", "--format", "csv", "--headers", "ids"]);
        let mut rows: Vec<(String, String)> = csv
            .lines()
            .skip(1)
            .map(|l| {
                let cells: Vec<&str> = l.split(',').collect();
                (cells[2].to_string(), cells[6].to_string())
            })
            .collect();
        rows.sort();
        rows
    };
    // Reset: the second stage's own score alone.
    assert_eq!(totals(""), [("E1".into(), "50.00".into()), ("E2".into(), "90.00".into())]);
    // Carried in full: 80 + 50, 60 + 90.
    assert_eq!(
        totals(r#", carry: [("s1", 100)]"#),
        [("E1".into(), "130.00".into()), ("E2".into(), "150.00".into())]
    );
    // Weighted: 25 % of the first (20, 15) and the second in full.
    assert_eq!(
        totals(r#", carry: [("s1", 25)]"#),
        [("E1".into(), "70.00".into()), ("E2".into(), "105.00".into())]
    );
}

#[test]
fn mistakes_in_stages_are_refused_at_their_place() {
    let cases: [(&str, &str); 6] = [
        (
            r#"[Stage(id: "s1", label: (zh: "一", en: "One"), categories: ["a", "b"]), Stage(id: "s2", label: (zh: "二", en: "Two"), categories: ["b"])]"#,
            "category `b` is already in stage `s1`",
        ),
        (
            r#"[Stage(id: "s1", label: (zh: "一", en: "One"), categories: ["a"]), Stage(id: "s2", label: (zh: "二", en: "Two"), categories: ["b"], carry: [("s3", 50)])]"#,
            "`s3`, named by stage `s2`, is not an earlier stage",
        ),
        (
            r#"[Stage(id: "s1", label: (zh: "一", en: "One"), categories: ["a"]), Stage(id: "s2", label: (zh: "二", en: "Two"), categories: ["b"], advance: (rule: Top(3)))]"#,
            "the last stage `s2` has no stage after it",
        ),
        (
            r#"[Stage(id: "s1", label: (zh: "一", en: "One"), categories: ["a"], advance: (rule: Top(0))), Stage(id: "s2", label: (zh: "二", en: "Two"), categories: ["b"])]"#,
            "the rule of stage `s1` sends no one on",
        ),
        (
            r#"[Stage(id: "s1", label: (zh: "一", en: "One"), categories: ["a"])]"#,
            "category `b` is in no stage",
        ),
        (
            r#"[Stage(id: "s1", label: (zh: "一", en: "One"), categories: ["a"]), Stage(id: "s2", label: (zh: "二", en: "Two"), categories: ["bb"])]"#,
            "unknown category `bb`",
        ),
    ];
    for (i, (stages, expected)) in cases.iter().enumerate() {
        let dir = contest(&format!("stage-bad-{i}"), stages, &["甲厂"], &[1.0], &[1.0]);
        let err = run_err_en(&["check", s(&dir)]);
        assert!(err.contains(expected), "case {i}: {err}");
        assert!(err.contains("contest.ron:"), "case {i} names the file and line: {err}");
    }
    // A contest not run in stages has no stage to show; a misspelt stage is suggested.
    let err = run_err_en(&["score", "contests/construction", "--stage", "final"]);
    assert!(err.contains("not run in stages"), "{err}");
    let err = run_err_en(&["score", "contests/district-duel", "--stage", "finl"]);
    assert!(err.contains("did you mean `final`"), "{err}");
    let err = run_err_en(&["chart", "contests/construction", "leaderboard", "--stage", "final"]);
    assert!(err.contains("not run in stages"), "{err}");
    // In Chinese too.
    let err = run_err(&["score", "contests/district-duel", "--stage", "finl"]);
    assert!(err.contains("没有阶段 `finl`"), "{err}");
}

#[test]
fn a_chart_of_a_stage_is_titled_with_it() {
    let dir = temp_dir("stage-chart");
    let svg = dir.join("prelim.svg");
    run_ok(&[
        "chart",
        "contests/district-duel",
        "leaderboard",
        "--stage",
        "prelim",
        "-o",
        s(&svg),
        "--lang",
        "en",
    ]);
    let text = std::fs::read_to_string(&svg).unwrap();
    // Text is drawn as outlines; the SVG keeps the title as words for its readers.
    assert!(text.contains("Theory preliminary"), "the stage is named on its chart");
}

#[test]
fn a_later_stage_may_take_everyone_and_weigh_both() {
    // No cut: both stages for everyone, the second carrying 40 % of the first.
    let stages = r#"[Stage(id: "s1", label: (zh: "一", en: "One"), categories: ["a"]),
                     Stage(id: "s2", label: (zh: "二", en: "Two"), categories: ["b"], takes: Everyone, carry: [("s1", 40)])]"#;
    let dir = contest(
        "stage-everyone",
        stages,
        &["甲厂", "乙厂", "丙厂"],
        &[100.0, 50.0, 0.0],
        &[10.0, 40.0, 70.0],
    );
    let board = run_ok(&["score", s(&dir), "--format", "csv", "--headers", "ids"]);
    // 40 + 10 = 50, 20 + 40 = 60, 0 + 70 = 70.
    let totals: Vec<&str> = board.lines().skip(1).map(|l| l.split(',').nth(6).unwrap()).collect();
    assert_eq!(totals, ["70.00", "60.00", "50.00"], "{board}");
}

// The invariants, on contests built in memory.

/// A three-stage contest of one-mark sums with this rule after each of the
/// first two stages.
fn staged_inputs(rule: &str, marks: &[[u8; 3]]) -> Inputs {
    let text = format!(
        r#"Contest(id: "p", name: (en: "p"), judges: [Judge(id: "J1")],
    categories: [
        Category(id: "a", label: (en: "A"), score: Sum, criteria: [Criterion(id: "x", label: (en: "X"), marks: (min: 0, max: 9, step: 1), kind: Judgement())]),
        Category(id: "b", label: (en: "B"), score: Sum, criteria: [Criterion(id: "x", label: (en: "X"), marks: (min: 0, max: 9, step: 1), kind: Judgement())]),
        Category(id: "c", label: (en: "C"), score: Sum, criteria: [Criterion(id: "x", label: (en: "X"), marks: (min: 0, max: 9, step: 1), kind: Judgement())]),
    ],
    stages: [
        Stage(id: "s1", label: (en: "1"), categories: ["a"], advance: (rule: {rule})),
        Stage(id: "s2", label: (en: "2"), categories: ["b"], carry: [("s1", 100)], advance: (rule: {rule})),
        Stage(id: "s3", label: (en: "3"), categories: ["c"], carry: [("s2", 50)]),
    ],
    awards: [AwardSet(id: "w", tiers: [Tier(id: "t", label: (en: "T"), rule: Top(3))])],
)"#
    );
    let contest: Contest = ron_options().from_str(&text).unwrap();
    let rules = Rules::compile(contest, "contest.ron".into(), text.clone()).unwrap();
    let mut entries = Entries::with_fields(vec!["pair".into()]);
    for i in 0..marks.len() {
        let pair = format!("P{}", i / 2);
        assert!(entries.push(&format!("E{i}"), "n", &format!("O{}", i % 3), vec![], &[pair.as_str()]));
    }
    let raw: Vec<(u32, Mark)> = marks
        .iter()
        .enumerate()
        .flat_map(|(e, m)| {
            (0..3u16).map(move |slot| {
                (
                    e as u32,
                    Mark {
                        units: m[slot as usize] as i32,
                        slot,
                        judge: 0,
                    },
                )
            })
        })
        .collect();
    let marks = MarkSet::from_entry_marks(raw, marks.len()).unwrap();
    Inputs::new(rules, entries, marks, ElementData::default())
}

/// (entry, place rank, last stage) down the classification.
fn classified(inputs: Inputs) -> Vec<(u32, Option<u32>, Option<usize>)> {
    let staged = podium::stages::score(inputs, &[]);
    staged
        .classification
        .rows
        .iter()
        .map(|r| (r.entry, r.standing.overall.map(|p| p.rank), staged.reached(r.entry)))
        .collect()
}

fn rule() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u32..8).prop_map(|n| format!("Top({n})")),
        (1u32..100).prop_map(|p| format!("Share({p})")),
        (0u32..10).prop_map(|t| format!("AtLeast({t})")),
        (1u32..3, 0u32..4).prop_map(|(w, o)| format!(r#"Heats(field: "pair", winners: {w}, best_others: {o})"#)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_classification_is_a_permutation_with_qualifiers_first(
        rule in rule(),
        marks in prop::collection::vec(prop::array::uniform3(0u8..10), 1..40),
    ) {
        let rows = classified(staged_inputs(&rule, &marks));
        let mut entries: Vec<u32> = rows.iter().map(|r| r.0).collect();
        entries.sort_unstable();
        prop_assert_eq!(entries, (0..marks.len() as u32).collect::<Vec<_>>());
        // Down the classification the last stage reached never rises, and
        // places never fall back.
        for pair in rows.windows(2) {
            prop_assert!(pair[0].2 >= pair[1].2, "{:?}", rows);
            if let (Some(a), Some(b)) = (pair[0].1, pair[1].1) {
                prop_assert!(a <= b, "{:?}", rows);
            }
        }
        // An entry that went further is always placed above one that did not.
        for a in &rows {
            for b in &rows {
                if a.2 > b.2 {
                    prop_assert!(a.1.unwrap() < b.1.unwrap(), "{:?} above {:?}", a, b);
                }
            }
        }
    }

    #[test]
    fn staged_results_do_not_depend_on_the_thread_count(
        rule in rule(),
        marks in prop::collection::vec(prop::array::uniform3(0u8..10), 1..60),
    ) {
        let run = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            pool.install(|| {
                let staged = podium::stages::score(staged_inputs(&rule, &marks), &[]);
                let rows: Vec<_> = staged
                    .classification
                    .rows
                    .iter()
                    .map(|r| (r.entry, r.total, r.standing.overall.map(|p| (p.rank, p.tied)), r.awards.clone()))
                    .collect();
                let outcomes: Vec<_> = staged.stages.iter().map(|s| s.outcomes.clone()).collect();
                (rows, outcomes)
            })
        };
        let one = run(1);
        prop_assert_eq!(&one, &run(2));
        prop_assert_eq!(&one, &run(4));
    }
}

#[test]
fn status_expects_each_stage_of_those_who_reached_it_and_check_names_strays() {
    let read = |file: &str| std::fs::read_to_string(format!("contests/district-duel/{file}")).unwrap();
    // One finalist's mark missing; a mark typed for an entrant out in the preliminary.
    let marks = read("marks.csv").replace("C28,practical.workpiece,,J3,34.5\n", "") + "C07,defence.answers,,D1,5\n";
    let dir = contest_dir("stage-status", &read("contest.ron"), &read("entries.csv"), &marks);
    let status = run_ok(&["status", s(&dir), "--lang", "zh"]);
    // 40 theory records and 31 finalists × 13 marks: the 9 out in the preliminary owe none.
    assert!(status.contains("应有 443 个，已有 442 个"), "{status}");
    assert!(status.contains("选手 C28 评分项 `practical.workpiece` 评委 J3"), "{status}");
    let check = run_ok(&["check", s(&dir), "--lang", "zh"]);
    assert!(
        check.contains("有 1 名选手未进入实操决赛，却有该阶段的评分，这些评分不计分：C07"),
        "{check}"
    );
}

#[test]
fn a_later_stages_sheets_list_only_those_who_reached_it() {
    let read = |file: &str| std::fs::read_to_string(format!("contests/district-duel/{file}")).unwrap();
    let dir = contest_dir("stage-sheets", &read("contest.ron"), &read("entries.csv"), &read("marks.csv"));
    let out = run_ok(&["sheets", s(&dir), "--judge", "J1", "--format", "html", "--lang", "en"]);
    // The final's judge marks the 31 finalists, not the 40 who sat the preliminary.
    assert!(out.contains("31 rows"), "{out}");
    // Before the preliminary is marked nobody has reached the final: nothing to print yet.
    std::fs::write(dir.join("marks.csv"), "entry,criterion,element,judge,value\n").unwrap();
    let out = run_ok(&["sheets", s(&dir), "--judge", "J1", "--format", "html", "--lang", "en"]);
    assert!(out.contains("judge J1 marks nothing"), "{out}");
}

// An attacker's contest files with stages (the review of issue 14): each is
// refused with its file, line and column, its field and what is wrong, the
// place pointing into the stage at fault; none crashes, hangs or eats memory.

/// The text the error's `contest.ron:LINE:COLUMN` points at.
fn pointed_at(dir: &std::path::Path, err: &str) -> String {
    let at = err.split("contest.ron:").nth(1).unwrap_or_else(|| panic!("no position: {err}"));
    let mut numbers = at.split(|c: char| !c.is_ascii_digit()).map(|n| n.parse::<usize>().unwrap());
    let (line, column) = (numbers.next().unwrap(), numbers.next().unwrap());
    let text = std::fs::read_to_string(dir.join("contest.ron")).unwrap();
    text.lines().nth(line - 1).unwrap().chars().skip(column - 1).collect()
}

#[test]
fn hostile_stages_are_refused_in_the_stage_at_fault() {
    let one = r#"Stage(id: "s1", label: (zh: "一", en: "One"), categories: ["a"], total_max: 100, tie_breaks: [Criterion("a.x")], advance: (rule: Top(1)))"#;
    let two = |rest: &str| format!(r#"[{one}, Stage(id: "s2", label: (zh: "二", en: "Two"), categories: ["b"], {rest})]"#);
    let first = |rule: &str| {
        format!(
            r#"[Stage(id: "s1", label: (zh: "一", en: "One"), categories: ["a"], advance: (rule: {rule})), Stage(id: "s2", label: (zh: "二", en: "Two"), categories: ["b"])]"#
        )
    };
    // (stages, field, message, the text the position points at)
    let cases: Vec<(String, &str, &str, &str)> = vec![
        (
            two(r#"total_max: "79228162514264337593543950335""#),
            "stages[1].total_max",
            "is too large",
            "total_max",
        ),
        (
            two(r#"carry: [("s1", "79228162514264337593543950335")]"#),
            "stages[1].carry[0]",
            "79228162514264337593543950335 is too large",
            "carry",
        ),
        (
            two(r#"carry: [("s1", 50), ("s1", 50)]"#),
            "stages[1].carry",
            "stage `s2` carries stage `s1` twice",
            "\"s2\"",
        ),
        (
            two(r#"tie_breaks: [Category("a")]"#),
            "stages[1].tie_breaks[0]",
            "unknown category `a`",
            "\"a\")",
        ),
        (
            two(r#"vetoes: [Veto(id: "v", label: (zh: "否", en: "V"), when: "a.x > 1", effect: Disqualify)]"#),
            "stages[1].vetoes[0].when",
            "unknown name `a.x`",
            "a.x > 1",
        ),
        (
            first(r#"Share("0.0000000000000000000000000001")"#),
            "stages[0].advance.rule",
            "has 28 decimal places",
            "Share",
        ),
        (
            first(r#"AtLeast("-79228162514264337593543950335")"#),
            "stages[0].advance.rule",
            "is too large",
            "AtLeast",
        ),
        (first("Top(4294967296)"), "", "Integer is out of bounds", "4294967296"),
    ];
    for (i, (stages, field, message, at)) in cases.iter().enumerate() {
        let dir = contest(&format!("stage-hostile-{i}"), stages, &["甲厂"], &[1.0], &[1.0]);
        let err = run_err_en(&["score", s(&dir)]);
        assert!(
            err.contains(&format!("in `{field}`")) || field.is_empty(),
            "case {i}: the field: {err}"
        );
        assert!(err.contains(message), "case {i}: {err}");
        assert!(
            pointed_at(&dir, &err).starts_with(at),
            "case {i} points at {:?}: {err}",
            pointed_at(&dir, &err)
        );
    }
    // Thousands of stages are refused at once (3,000 took 30 s and 2.8 GB before a mark).
    let many: Vec<String> = (0..10_000)
        .map(|k| format!(r#"Stage(id: "s{k}", label: (zh: "段", en: "S"), categories: ["a"])"#))
        .collect();
    let dir = contest("stage-hostile-many", &format!("[{}]", many.join(", ")), &["甲厂"], &[1.0], &[1.0]);
    let started = std::time::Instant::now();
    let err = run_err_en(&["check", s(&dir)]);
    assert!(
        err.contains("the contest has 10000 stages; at most 64 are allowed") && err.contains("in `stages`"),
        "{err}"
    );
    assert!(pointed_at(&dir, &err).starts_with("stages"), "{err}");
    assert!(started.elapsed().as_secs() < 20, "refused in {:?}", started.elapsed());
}

#[test]
fn an_entry_without_a_heat_is_refused_by_name() {
    // E3 has no pair: alone in a heat of its own it would go on unopposed.
    let stages = r#"[Stage(id: "s1", label: (zh: "一", en: "One"), categories: ["a"], advance: (rule: Heats(field: "pair", winners: 1, best_others: 0))), Stage(id: "s2", label: (zh: "二", en: "Two"), categories: ["b"])]"#;
    let dir = contest(
        "stage-heatless",
        stages,
        &["甲厂", "乙厂", "丙厂", "丁厂"],
        &[9.0, 8.0, 1.0, 2.0],
        &[],
    );
    let entries = std::fs::read_to_string(dir.join("entries.csv")).unwrap();
    std::fs::write(dir.join("entries.csv"), entries.replace("E3,选手3,丙厂,P2", "E3,选手3,丙厂,")).unwrap();
    for command in ["check", "score"] {
        let err = run_err_en(&[command, s(&dir)]);
        assert!(
            err.contains("entries.csv: error in `pair`: 1 entries have no `pair`, which stage `s1` draws its heats by: E3"),
            "{err}"
        );
    }
    let err = run_err(&["check", s(&dir)]);
    assert!(err.contains("有 1 名选手的 `pair` 为空，而赛段 `s1` 按它分组对阵：E3"), "{err}");
    // A heats field the entries lack names the stage's rule among its readers.
    let stages = stages.replace("field: \"pair\"", "field: \"bout\"");
    let dir = contest("stage-heat-field", &stages, &["甲厂"], &[1.0], &[]);
    let err = run_err_en(&["check", s(&dir)]);
    assert!(err.contains("error in `bout`") && err.contains("a stage's heats or cap"), "{err}");
}

#[test]
fn a_stage_that_sends_no_one_on_is_a_warning_and_odd_fields_still_score() {
    // 0.0000001 % of three ranked entries rounds down to no one.
    let stages = r#"[Stage(id: "s1", label: (zh: "一", en: "One"), categories: ["a"], advance: (rule: Share(0.0000001))), Stage(id: "s2", label: (zh: "二", en: "Two"), categories: ["b"])]"#;
    let dir = contest("stage-share-none", stages, &["甲厂", "乙厂", "丙厂"], &[3.0, 2.0, 1.0], &[]);
    let check = stdout(&podium_en(&["check", s(&dir)]));
    assert!(check.contains("stage `s1` ranked 3 entries and sent none of them on"), "{check}");
    assert!(check.contains("contest.ron:"), "{check}");
    // The classification still has everyone, by their preliminary.
    let board = run_ok(&["score", s(&dir), "--format", "csv", "--headers", "ids"]);
    assert_eq!(board.lines().count(), 4, "{board}");
    // One entry, no entry, and every entry unranked in the first stage:
    // every output runs (a single total drew the division chart's axis for ever).
    let two = r#"[Stage(id: "s1", label: (zh: "一", en: "One"), categories: ["a"], advance: (rule: Top(1))), Stage(id: "s2", label: (zh: "二", en: "Two"), categories: ["b"])]"#;
    let unranked = contest("stage-unranked", two, &["甲厂", "乙厂"], &[1.0, 2.0], &[3.0, 4.0]);
    let marks = std::fs::read_to_string(unranked.join("marks.csv")).unwrap();
    std::fs::write(
        unranked.join("marks.csv"),
        marks.lines().filter(|l| !l.contains("a.x")).collect::<Vec<_>>().join("\n") + "\n",
    )
    .unwrap();
    let dirs = [
        contest("stage-one", two, &["甲厂"], &[5.0], &[6.0]),
        contest("stage-none", two, &[], &[], &[]),
        unranked,
    ];
    for dir in &dirs {
        for stage in ["s1", "s2"] {
            run_ok(&["score", s(dir), "--stage", stage]);
        }
        run_ok(&["score", s(dir), "--format", "json"]);
        run_ok(&["report", s(dir), "-o", s(&dir.join("report.html"))]);
        run_ok(&["chart", s(dir), "divisions", "-o", s(&dir.join("divisions.svg"))]);
    }
}
