//! Contests assessed each period, checked by hand on a small series: every
//! roll-up rule, every reach of a bar (this period, the rest of the year,
//! years, from an earlier year's series), the rotating award passing over
//! a barred team, and mistakes in periods.ron refused at their place. Then
//! the bundled year of monthly assessments against its golden files.

mod common;
use common::*;
use std::path::{Path, PathBuf};

/// One period's contest: each team's total is its one recorded `score`;
/// `injury` = 1 is a veto that withholds the period's awards.
const MONTH: &str = r#"Contest(id: "m{n}", name: (zh: "第{n}期", en: "Period {n}"), entrants: Teams,
    rounding: (total: (places: 1, mode: HalfUp)),
    categories: [Category(id: "a", label: (zh: "得分", en: "Score"), score: Sum, criteria: [
        Criterion(id: "score", label: (zh: "得分", en: "Score"), marks: (min: 0, max: 100, step: 0.5), kind: Measurement(scale: Linear(best: 100, worst: 0)), max: 100),
        Criterion(id: "injury", label: (zh: "工伤", en: "Injury"), kind: Flag),
    ])],
    vetoes: [Veto(id: "injury", label: (zh: "工伤事故", en: "Injury"), when: "a.injury > 0", effect: Disqualify)],
)"#;

/// A series in `dir/name`: `scores[p][t]` is team t's score in period p
/// (`None`: the team has no row that period), `injuries` the (period, team)
/// with an injury; `rest` is the rest of periods.ron after the periods.
fn series(dir: &Path, name: &str, year: i32, scores: &[&[Option<f64>]], injuries: &[(usize, usize)], rest: &str) -> PathBuf {
    let root = dir.join(name);
    let mut periods = String::new();
    for (p, row) in scores.iter().enumerate() {
        let folder = root.join(format!("p{}", p + 1));
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("contest.ron"), MONTH.replace("{n}", &(p + 1).to_string())).unwrap();
        let mut entries = String::from("id,name,organisation,members\n");
        let mut marks = String::from("entry,criterion,element,judge,value\n");
        for (t, score) in row.iter().enumerate() {
            let Some(score) = score else { continue };
            entries.push_str(&format!("T{},班组{},厂,\n", t + 1, t + 1));
            marks.push_str(&format!("T{},a.score,,,{score}\n", t + 1));
            let injured = injuries.contains(&(p, t));
            marks.push_str(&format!("T{},a.injury,,,{}\n", t + 1, u8::from(injured)));
        }
        std::fs::write(folder.join("entries.csv"), entries).unwrap();
        std::fs::write(folder.join("marks.csv"), marks).unwrap();
        periods.push_str(&format!(
            "Period(id: \"p{}\", label: (zh: \"{}月\", en: \"P{}\"), folder: \"p{}\"),\n",
            p + 1,
            p + 1,
            p + 1,
            p + 1
        ));
    }
    let text = format!(
        "Periods(id: \"s{year}\", name: (zh: \"考核{year}\", en: \"Series {year}\"), year: {year},\n periods: [\n{periods}],\n{rest})\n"
    );
    std::fs::write(root.join("periods.ron"), text).unwrap();
    root
}

/// Each team's (rolled-up total, rank) on the JSON board of `roll_up`.
fn board(dir: &Path, roll_up: &str) -> serde_json::Value {
    let out = run_ok(&["periods", s(dir), "--roll-up", roll_up, "--format", "json"]);
    serde_json::from_str(&out).unwrap()
}

fn team<'a>(board: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    board["teams"].as_array().unwrap().iter().find(|t| t["team"] == id).unwrap()
}

const THREE: [&[Option<f64>]; 3] = [
    &[Some(80.0), Some(90.0), Some(70.0)],
    &[Some(60.0), Some(85.0), Some(75.0)],
    &[Some(95.0), None, Some(72.5)],
];

#[test]
fn every_roll_up_rule_by_hand() {
    let dir = temp_dir("periods-rules");
    let rest = r#"roll_ups: [
        RollUp(id: "sum", label: (zh: "合计", en: "Sum"), rule: Sum),
        RollUp(id: "mean", label: (zh: "平均", en: "Mean"), rule: Mean, round: (places: 2, mode: HalfUp)),
        RollUp(id: "best", label: (zh: "最好两期", en: "Best 2"), rule: Best(2)),
        RollUp(id: "weighted", label: (zh: "加权", en: "Weighted"), periods: ["p1", "p2"], rule: Weighted([("p1", 1), ("p2", 3)])),
    ],"#;
    let root = series(&dir, "rules", 2026, &THREE, &[], rest);
    // T1: 80 + 60 + 95 = 235; T2 has no third period: no sum; T3: 70 + 75 + 72.5 = 217.5.
    let sum = board(&root, "sum");
    assert_eq!(team(&sum, "T1")["total"], "235.0");
    assert_eq!(team(&sum, "T2")["total"], serde_json::Value::Null);
    assert_eq!(team(&sum, "T2")["rank"], serde_json::Value::Null);
    assert_eq!(team(&sum, "T3")["total"], "217.5");
    // Mean: 235 / 3 = 78.333… → 78.33; 217.5 / 3 = 72.50.
    let mean = board(&root, "mean");
    assert_eq!(team(&mean, "T1")["total"], "78.33");
    assert_eq!(team(&mean, "T3")["total"], "72.50");
    // Best two: T1 95 + 80 = 175; T2 90 + 85 = 175 (tied first); T3 75 + 72.5 = 147.5.
    let best = board(&root, "best");
    assert_eq!(team(&best, "T1")["total"], "175.0");
    assert_eq!(team(&best, "T2")["total"], "175.0");
    assert_eq!(
        (team(&best, "T1")["rank"].clone(), team(&best, "T1")["tied"].clone()),
        (1.into(), true.into())
    );
    assert_eq!(team(&best, "T3")["rank"], 3);
    // Weighted 1 : 3 over the first two: T1 (80 + 180) / 4 = 65; T2 (90 + 255) / 4 = 86.25.
    let weighted = board(&root, "weighted");
    assert_eq!(team(&weighted, "T1")["total"], "65.0");
    assert_eq!(team(&weighted, "T2")["total"], "86.250");
}

#[test]
fn a_bar_reaches_as_far_as_declared_and_the_rotating_award_passes_over_it() {
    let dir = temp_dir("periods-bars");
    // T2 leads every period; its injury in period 1 bars it as declared.
    let scores: [&[Option<f64>]; 3] = [
        &[Some(80.0), Some(90.0), Some(70.0)],
        &[Some(60.0), Some(85.0), Some(75.0)],
        &[Some(70.0), Some(95.0), Some(72.5)],
    ];
    let rotating = r#"rotating: (id: "flag", label: (zh: "流动红旗", en: "Red flag")),
        roll_ups: [RollUp(id: "year", label: (zh: "全年", en: "Year"), rule: Sum, awards: [AwardSet(id: "best", tiers: [Tier(id: "best", label: (zh: "先进", en: "Best"), rule: Top(1))])])],"#;
    let held = |root: &Path| -> Vec<Vec<String>> {
        let board = board(root, "year");
        (1..=3)
            .map(|p| {
                let mut holders: Vec<String> = board["teams"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|t| t["periods"][format!("p{p}")]["rotating"] == true)
                    .map(|t| t["team"].as_str().unwrap().to_string())
                    .collect();
                holders.sort();
                holders
            })
            .collect()
    };
    // This period only: T2 loses period 1's flag (to T1), wins the others.
    let root = series(
        &dir,
        "period",
        2026,
        &scores,
        &[(0, 1)],
        &format!("bars: [Bar(veto: \"injury\", reach: Period)],\n{rotating}"),
    );
    assert_eq!(held(&root), [vec!["T1"], vec!["T2"], vec!["T2"]]);
    // The year's award passes over T2 (barred in one of its periods) to T3 (217.5 against T1's 210).
    let year = board(&root, "year");
    assert_eq!(team(&year, "T2")["rank"], 1);
    assert_eq!(team(&year, "T2")["awards"], serde_json::json!([]));
    assert_eq!(team(&year, "T3")["awards"][0]["tier"], "best");
    // The rest of the year: no flag for T2 at all; period 2 goes to T3 (75), period 3 to T3 (72.5 > 70).
    let root = series(
        &dir,
        "rest",
        2026,
        &scores,
        &[(0, 1)],
        &format!("bars: [Bar(veto: \"injury\", reach: RestOfYear)],\n{rotating}"),
    );
    assert_eq!(held(&root), [vec!["T1"], vec!["T3"], vec!["T3"]]);
    // No bar declared: the veto still withholds its own period's flag (the contest disqualifies), nothing more.
    let root = series(&dir, "none", 2026, &scores, &[(0, 1)], rotating);
    assert_eq!(held(&root), [vec!["T1"], vec!["T2"], vec!["T2"]]);
    // Years(2) from last year's series: barred all this year; Years(1) from last year: not.
    let clean: [&[Option<f64>]; 3] = scores;
    series(
        &dir,
        "y2025",
        2025,
        &clean,
        &[(2, 1)],
        "bars: [Bar(veto: \"injury\", reach: Years(2))],",
    );
    let root = series(&dir, "y2026", 2026, &clean, &[], &format!("earlier: [\"../y2025\"],\n{rotating}"));
    assert_eq!(held(&root), [vec!["T1"], vec!["T3"], vec!["T3"]]);
    let sheet = run_ok(&["periods", s(&root), "--team", "T2", "--lang", "zh"]);
    assert!(sheet.contains("因2025年3月“工伤事故”禁评"), "{sheet}");
    series(
        &dir,
        "y2025",
        2025,
        &clean,
        &[(2, 1)],
        "bars: [Bar(veto: \"injury\", reach: Years(1))],",
    );
    assert_eq!(held(&root), [vec!["T2"], vec!["T2"], vec!["T2"]]);
}

#[test]
fn mistakes_in_periods_are_refused_at_their_place() {
    let dir = temp_dir("periods-bad");
    for (i, (rest, expected)) in [
        (
            r#"roll_ups: [RollUp(id: "q", label: (zh: "季", en: "Q"), periods: ["p1", "p9"], rule: Sum)],"#,
            "no period `p9`",
        ),
        (
            r#"roll_ups: [RollUp(id: "q", label: (zh: "季", en: "Q"), rule: Best(5))],"#,
            "the rule of roll-up `q` cannot give a result",
        ),
        (r#"bars: [Bar(veto: "injury", reach: Years(0))],"#, "`Years(0)` bars no period"),
        (
            r#"roll_ups: [RollUp(id: "y", label: (zh: "年", en: "Y"), rule: Sum, awards: [AwardSet(id: "a", tiers: [Tier(id: "t", label: (zh: "奖", en: "A"), rule: Share(150))])])],"#,
            "the shares of `a` add up to 150%",
        ),
        (
            r#"earlier: ["../nowhere"],"#,
            "the earlier series folder ../nowhere has no periods.ron",
        ),
    ]
    .iter()
    .enumerate()
    {
        let root = series(&dir, &format!("bad{i}"), 2026, &THREE, &[], rest);
        let err = run_err_en(&["periods", s(&root)]);
        assert!(err.contains(expected), "case {i}: {err}");
        assert!(err.contains("periods.ron:"), "case {i} is placed: {err}");
    }
    // A series naming itself (or one that names it back) as an earlier year is read once, not forever.
    let root = series(
        &dir,
        "itself",
        2026,
        &THREE,
        &[],
        r#"earlier: ["."], bars: [Bar(veto: "injury", reach: Years(2))],"#,
    );
    run_ok(&["periods", s(&root)]);
    // A reach of years beyond any calendar does not overflow.
    series(
        &dir,
        "long-ago",
        i32::MAX,
        &THREE,
        &[(0, 0)],
        r#"bars: [Bar(veto: "injury", reach: Years(4294967295))],"#,
    );
    let root = series(&dir, "after", 2026, &THREE, &[], r#"earlier: ["../long-ago"],"#);
    run_ok(&["periods", s(&root)]);
    let root = series(&dir, "ok", 2026, &THREE, &[], "");
    let err = run_err_en(&["periods", s(&root), "--team", "T9"]);
    assert!(err.contains("no team `T9`"), "{err}");
}

#[test]
fn the_bundled_year_matches_its_golden_files() {
    for (args, golden) in [
        (&["periods", "contests/monthly-year"][..], "monthly-year.txt"),
        (
            &["periods", "contests/monthly-year", "--roll-up", "q2", "--lang", "en"][..],
            "monthly-year.q2.en.txt",
        ),
        (&["periods", "contests/monthly-year", "--format", "json"][..], "monthly-year.json"),
        (&["periods", "contests/monthly-year", "--team", "T05"][..], "monthly-year.T05.txt"),
    ] {
        let out = podium(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert_golden(format!("tests/golden/{golden}").as_ref(), &stdout(&out));
    }
}

/// What a hostile or careless periods.ron could do, each refused at its place
/// in both languages: counting a month twice, a bar that bars nobody, weights
/// that turn a total upside down or leave every team without one.
#[test]
fn a_hostile_series_is_refused_at_its_place() {
    let dir = temp_dir("periods-hostile");
    let root = series(&dir, "twice", 2026, &THREE, &[], "");
    // The same folder, written another way, as a fourth period: its marks would count twice.
    let text = std::fs::read_to_string(root.join("periods.ron")).unwrap();
    let text = text.replace(
        "],\n)",
        "Period(id: \"p4\", label: (zh: \"4月\", en: \"P4\"), folder: \"./p1/\"),\n],\n)",
    );
    std::fs::write(root.join("periods.ron"), text).unwrap();
    let err = run_err_en(&["periods", s(&root)]);
    assert!(err.contains("periods.ron:6:"), "{err}");
    assert!(err.contains("`periods[3].folder`"), "{err}");
    assert!(err.contains("folder ./p1/ is already listed as period `p1`"), "{err}");
    let err = run_err(&["periods", s(&root)]);
    assert!(err.contains("文件夹 ./p1/ 已作为期 `p1` 列出"), "{err}");
    for (i, (rest, field, en, zh)) in [
        (
            r#"bars: [Bar(veto: "injury", reach: Period), Bar(veto: "injurry", reach: RestOfYear)],"#,
            "periods.ron:7:54: error in `bars[1].veto`",
            "no period's contest declares the veto `injurry`",
            "没有哪一期的比赛声明了否决项 `injurry`",
        ),
        (
            r#"roll_ups: [RollUp(id: "w", label: (zh: "加权", en: "W"), rule: Weighted([("p1", 2), ("p2", -1)]))],"#,
            "periods.ron:7:84: error in `roll_ups[0].rule`",
            "the weight of period `p2` is -1; a weight must be more than 0",
            "期 `p2` 的权重是 -1；权重须大于 0",
        ),
        (
            r#"roll_ups: [RollUp(id: "w", label: (zh: "加权", en: "W"), rule: Weighted([("p1", 0), ("p2", 1)]))],"#,
            "`roll_ups[0].rule`",
            "the weight of period `p1` is 0",
            "期 `p1` 的权重是 0",
        ),
        (
            r#"roll_ups: [RollUp(id: "w", label: (zh: "加权", en: "W"), periods: ["p1", "p2"], rule: Weighted([("p1", 1), ("p3", 1)]))],"#,
            "`roll_ups[0].rule`",
            "period `p3` has a weight but is not among the `periods` of roll-up `w`",
            "期 `p3` 有权重，却不在汇总 `w` 的 `periods` 中",
        ),
        (
            r#"roll_ups: [RollUp(id: "b", label: (zh: "最好", en: "B"), rule: Best(4))],"#,
            "`roll_ups[0].rule`",
            "write `Best(k)` with k from 1 to 3",
            "写 `Best(k)`，k 取 1 到 3",
        ),
    ]
    .iter()
    .enumerate()
    {
        let root = series(&dir, &format!("bad{i}"), 2026, &THREE, &[], rest);
        let err = run_err_en(&["periods", s(&root)]);
        assert!(err.contains(en) && err.contains(field), "case {i}: {err}");
        assert!(err.contains("periods.ron:7:"), "case {i} is placed on its line: {err}");
        let err = run_err(&["periods", s(&root)]);
        assert!(err.contains(zh), "case {i}: {err}");
    }
    // The misspelt veto comes with the declared one to write instead.
    let root = dir.join("bad0");
    assert!(run_err_en(&["periods", s(&root)]).contains("did you mean `injury`?"));
    // A folder that is no contest is explained against periods.ron, not another file.
    let root = series(&dir, "gone", 2026, &THREE, &[], "");
    std::fs::remove_file(root.join("p2/contest.ron")).unwrap();
    let err = run_err_en(&["periods", s(&root)]);
    assert!(err.contains("folder p2 is not a contest"), "{err}");
    assert!(err.contains("relative to the folder of periods.ron"), "{err}");
}

/// A month whose marks do not load names its own file and row.
#[test]
fn a_month_that_does_not_load_is_named() {
    let dir = temp_dir("periods-month-bad");
    let root = series(&dir, "s", 2026, &THREE, &[], "");
    std::fs::write(root.join("p2/marks.csv"), "entry,criterion,element,judge,value\nT1,a.score,,,abc\n").unwrap();
    let err = run_err_en(&["periods", s(&root)]);
    assert!(err.contains("p2/marks.csv:2"), "{err}");
    assert!(err.contains("not a number"), "{err}");
}

/// One team's year sheet as CSV for a spreadsheet: BOM, Chinese headers, the
/// periods' table then the roll-ups' (shorter rows; once refused by the writer).
#[test]
fn a_team_sheet_opens_as_csv_in_chinese() {
    let dir = temp_dir("periods-sheet-csv");
    let rest = r#"roll_ups: [RollUp(id: "sum", label: (zh: "合计", en: "Sum"), rule: Sum)],
        rotating: (id: "flag", label: (zh: "流动红旗", en: "Red flag")),"#;
    let root = series(&dir, "s", 2026, &THREE, &[], rest);
    let out = run_ok(&["periods", s(&root), "--team", "T1", "--format", "csv"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "\u{feff}考核期,总分,名次,否决项,禁评,流动红旗");
    // T1 leads period 3 (95 against 72.5; T2 has none): the flag.
    assert_eq!(lines[3], "3月,95.0,1,,,是");
    assert_eq!(lines[4], "汇总,总分,名次,奖项");
    // 80 + 60 + 95 = 235, first of the two teams with every period.
    assert_eq!(lines[5], "合计,235.0,1,");
    // The board names what the rotating column counts, and its legend names the award.
    let board = run_ok(&["periods", s(&root)]);
    assert!(board.contains("流动红旗（次数）"), "{board}");
    assert!(board.contains("★ 该期获流动红旗"), "{board}");
    let sheet = run_ok(&["periods", s(&root), "--team", "T1", "--lang", "en"]);
    assert!(sheet.starts_with("Series 2026 — T1 班组1 (厂)\n"), "{sheet}");
}

/// Written twice, counted twice or hidden: each refused at the second writing.
#[test]
fn what_is_written_twice_is_refused_at_the_second() {
    let dir = temp_dir("periods-twice");
    for (i, (rest, at, en, zh)) in [
        (
            r#"roll_ups: [RollUp(id: "q", label: (zh: "季", en: "Q"), periods: ["p1", "p2", "p1"], rule: Sum)],"#,
            // The second "p1" of the list, not the first.
            "periods.ron:7:77: error in `roll_ups[0]`",
            "period `p1` is written twice in roll-up `q`",
            "期 `p1` 在汇总 `q` 中写了两次",
        ),
        (
            r#"bars: [Bar(veto: "injury", reach: Period), Bar(veto: "injury", reach: RestOfYear)],"#,
            "periods.ron:7:54: error in `bars[1].veto`",
            "the veto `injury` is written twice in `bars` and only the first would hold",
            "否决项 `injury` 在 `bars` 中写了两次",
        ),
        (
            r#"roll_ups: [RollUp(id: "q", label: (zh: "季", en: "Q"), rule: Sum), RollUp(id: "q", label: (zh: "年", en: "Y"), rule: Mean)],"#,
            "periods.ron:7:78: error in `roll_ups[1].id`",
            "roll-up `q` is written twice",
            "汇总 `q` 写了两次",
        ),
    ]
    .iter()
    .enumerate()
    {
        let root = series(&dir, &format!("twice{i}"), 2026, &THREE, &[], rest);
        let err = run_err_en(&["periods", s(&root)]);
        assert!(err.contains(at) && err.contains(en), "case {i}: {err}");
        assert!(run_err(&["periods", s(&root)]).contains(zh), "case {i}");
    }
    // A period id written twice is placed at the second period, not at a folder of the same name.
    let root = series(&dir, "id", 2026, &THREE, &[], "");
    let text = std::fs::read_to_string(root.join("periods.ron")).unwrap();
    std::fs::write(root.join("periods.ron"), text.replace("id: \"p3\"", "id: \"p1\"")).unwrap();
    let err = run_err_en(&["periods", s(&root)]);
    assert!(err.contains("periods.ron:5:12: error in `periods[2].id`"), "{err}");
    // A month ranked the other way round cannot be summed with the others.
    let root = series(&dir, "order", 2026, &THREE, &[], "");
    let contest = std::fs::read_to_string(root.join("p2/contest.ron")).unwrap();
    let contest = contest.replace("rounding:", "ranking: (order: LowerIsBetter),\n    rounding:");
    std::fs::write(root.join("p2/contest.ron"), contest).unwrap();
    let err = run_err_en(&["periods", s(&root)]);
    assert!(err.contains("periods.ron:4:"), "{err}");
    assert!(
        err.contains("the contest of period `p2` ranks the other way round from period `p1`'s"),
        "{err}"
    );
    assert!(run_err(&["periods", s(&root)]).contains("期 `p2` 的比赛排名方向与期 `p1` 的相反"));
}

/// Words a clerk reads: a folder that is no series says what one is; a team
/// of no organisation has no empty brackets on its sheet.
#[test]
fn a_clerk_is_told_what_a_series_is_and_reads_no_empty_brackets() {
    let dir = temp_dir("periods-clerk");
    let err = run_err(&["periods", s(&dir)]);
    assert!(err.contains("periods.ron"), "{err}");
    assert!(err.contains("按期考核的文件夹应含有 periods.ron"), "{err}");
    assert!(err.contains("`podium score`"), "{err}");
    let root = series(&dir, "s", 2026, &THREE, &[], "");
    for p in 1..=3 {
        let entries = root.join(format!("p{p}/entries.csv"));
        let text = std::fs::read_to_string(&entries).unwrap().replace(",厂,", ",,");
        std::fs::write(entries, text).unwrap();
    }
    let sheet = run_ok(&["periods", s(&root), "--team", "T1"]);
    assert_eq!(sheet.lines().next(), Some("考核2026 — T1 班组1 成绩单"), "{sheet}");
    let sheet = run_ok(&["periods", s(&root), "--team", "T1", "--lang", "en"]);
    assert_eq!(sheet.lines().next(), Some("Series 2026 — T1 班组1"), "{sheet}");
}
