//! The bundled example contests: each passes `podium check`, and its
//! leaderboard (table, JSON, CSV) and one explanation match golden files
//! that were checked by hand.

mod common;
use common::*;

const EXAMPLES: [&str; 8] = [
    "construction",
    "skills-duel",
    "judged-panel",
    "monthly-teams",
    "district-duel",
    "three-rounds",
    "knockout",
    "diving",
];

#[test]
fn every_example_passes_check() {
    for name in EXAMPLES {
        let out = podium(&["check", &format!("contests/{name}")]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert!(stdout(&out).starts_with("检查通过："), "{name}: {}", stdout(&out));
    }
}

#[test]
fn leaderboards_match_the_golden_files() {
    for name in EXAMPLES {
        let dir = format!("contests/{name}");
        for (format, ext) in [("table", "txt"), ("json", "json"), ("csv", "csv")] {
            let out = podium(&["score", &dir, "--format", format]);
            assert!(out.status.success(), "{name} {format}: {}", stderr(&out));
            assert_golden(format!("tests/golden/{name}.{ext}").as_ref(), &stdout(&out));
        }
        let out = podium(&["score", &dir, "--lang", "en"]);
        assert_golden(format!("tests/golden/{name}.en.txt").as_ref(), &stdout(&out));
    }
}

#[test]
fn explanations_match_the_golden_files() {
    // One entry of each example whose explanation exercises its rules:
    // dropped extremes and a spread flag; a tie; elements and a substituted
    // judge; vetoes zeroing a category and capping the total; dives with
    // their codes, two not performed after a withdrawal.
    for (name, entry) in [
        ("construction", "C03"),
        ("skills-duel", "W03"),
        ("judged-panel", "F04"),
        ("monthly-teams", "T06"),
        // Tied at the preliminary's cut and through; a tie-break in the final.
        ("district-duel", "C26"),
        // Three rounds carried over.
        ("three-rounds", "T03"),
        // A best loser of the knock-out round.
        ("knockout", "F08"),
        ("diving", "M05"),
    ] {
        let out = podium(&["explain", &format!("contests/{name}"), entry, "--lang", "en"]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert_golden(format!("tests/golden/{name}.explain.txt").as_ref(), &stdout(&out));
    }
    // And in Chinese, every step included.
    let out = podium(&["explain", "contests/construction", "C08", "--lang", "zh"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_golden("tests/golden/construction.explain.zh.txt".as_ref(), &stdout(&out));
}

#[test]
fn the_standings_after_each_stage_match_the_golden_files() {
    for (name, stages) in [
        ("district-duel", &["prelim", "final"][..]),
        ("three-rounds", &["round1", "round2", "round3"][..]),
        ("knockout", &["ko", "final"][..]),
    ] {
        for stage in stages {
            let dir = format!("contests/{name}");
            for (format, ext) in [("table", "txt"), ("csv", "csv")] {
                let out = podium(&["score", &dir, "--stage", stage, "--format", format]);
                assert!(out.status.success(), "{name} {stage}: {}", stderr(&out));
                assert_golden(format!("tests/golden/{name}.{stage}.{ext}").as_ref(), &stdout(&out));
            }
        }
    }
    let out = podium(&["score", "contests/knockout", "--stage", "ko", "--format", "json"]);
    assert_golden("tests/golden/knockout.ko.json".as_ref(), &stdout(&out));
}

#[test]
fn the_team_leaderboard_matches_its_golden_files() {
    for (format, ext) in [("table", "txt"), ("json", "json")] {
        let out = podium(&["score", "contests/skills-duel", "--teams", "--format", format]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_golden(format!("tests/golden/skills-duel.teams.{ext}").as_ref(), &stdout(&out));
    }
    let out = podium(&["score", "contests/construction", "--teams"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("本竞赛没有声明团体"), "{}", stderr(&out));
}

#[test]
fn a_division_filter_ranks_within_the_division() {
    let out = podium(&["score", "contests/skills-duel", "--division", "welder", "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rows.len(), 20);
    assert!(rows.iter().all(|r| r.split(',').nth(5) == Some("welder")));
    assert!(rows[0].starts_with("1,否,W11,"), "{}", rows[0]);
    // Scripts ask for the ids: the columns and values of before.
    let ids = run_ok(&[
        "score",
        "contests/skills-duel",
        "--division",
        "welder",
        "--format",
        "csv",
        "--headers",
        "ids",
    ]);
    assert!(
        ids.starts_with("\u{feff}rank,tied,entry,name,organisation,division,total,"),
        "{ids}"
    );
    assert!(ids.lines().nth(1).unwrap().starts_with("1,false,W11,"), "{ids}");

    let out = podium(&["score", "contests/skills-duel", "--division", "trade=plumber"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("没有选手的 trade 为 `plumber`"), "{}", stderr(&out));
    let out = podium_en(&["score", "contests/skills-duel", "--division", "trade=plumber"]);
    assert!(stderr(&out).contains("no entry has trade `plumber`"), "{}", stderr(&out));
}

#[test]
fn init_makes_a_contest_that_scores() {
    let dir = temp_dir("init");
    let target = dir.join("my-contest");
    let out = podium(&["init", target.to_str().unwrap(), "--template", "skills-duel"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = podium(&["check", target.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    // A second init into the same folder refuses rather than overwrite.
    let out = podium_en(&["init", target.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("already holds a contest.ron"));
    let out = podium_en(&["init", dir.join("x").to_str().unwrap(), "--template", "constructoin"]);
    assert!(stderr(&out).contains("did you mean `construction`?"), "{}", stderr(&out));
}

#[test]
fn output_file_is_written_whole() {
    let dir = temp_dir("output");
    let path = dir.join("board.json");
    let out = podium(&[
        "score",
        "contests/construction",
        "--format",
        "json",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written = std::fs::read_to_string(&path).unwrap();
    let expected = std::fs::read_to_string("tests/golden/construction.json").unwrap();
    assert_eq!(written, expected);
    assert!(!dir.join("board.partial").exists());
}

#[test]
fn results_do_not_depend_on_the_thread_count() {
    let dir = temp_dir("threads");
    let out = podium(&[
        "gen",
        dir.to_str().unwrap(),
        "--entries",
        "3000",
        "--criteria",
        "12",
        "--judges",
        "5",
        "--seed",
        "9",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let run = |threads: &str, contest: &str| {
        let out = podium_command()
            .args(["score", contest, "--format", "json"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        out.stdout
    };
    for contest in [
        dir.to_str().unwrap(),
        "contests/judged-panel",
        "contests/skills-duel",
        "contests/district-duel",
        "contests/knockout",
    ] {
        let one = run("1", contest);
        assert_eq!(one, run("2", contest), "{contest}: 1 and 2 threads differ");
        assert_eq!(one, run("4", contest), "{contest}: 1 and 4 threads differ");
    }
}

#[test]
fn gen_is_deterministic_from_its_seed() {
    let a = temp_dir("gen-a");
    let b = temp_dir("gen-b");
    for dir in [&a, &b] {
        let out = podium(&[
            "gen",
            dir.to_str().unwrap(),
            "--entries",
            "50",
            "--criteria",
            "7",
            "--judges",
            "3",
            "--seed",
            "42",
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    for file in ["contest.ron", "entries.csv", "marks.csv"] {
        assert_eq!(std::fs::read(a.join(file)).unwrap(), std::fs::read(b.join(file)).unwrap(), "{file}");
    }
    let marks = std::fs::read_to_string(a.join("marks.csv")).unwrap();
    assert_eq!(marks.lines().count(), 1 + 50 * 7 * 3);
    let out = podium(&["check", a.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn marks_from_another_file() {
    // The same marks, but C06's missing safety judge has now marked: no substitution.
    let dir = temp_dir("other-marks");
    let marks = std::fs::read_to_string("contests/construction/marks.csv").unwrap() + "C06,safety.site,,J4,7\n";
    let path = dir.join("late.csv");
    std::fs::write(&path, marks).unwrap();
    let out = podium(&[
        "score",
        "contests/construction",
        "--marks",
        path.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let row = stdout(&out).lines().find(|l| l.contains(",C06,")).unwrap().to_string();
    assert!(!row.contains("substituted"), "{row}");
    let before = stdout(&podium(&["score", "contests/construction", "--format", "csv"]));
    assert!(before.lines().any(|l| l.contains(",C06,") && l.contains("substituted:safety.site")));
}
