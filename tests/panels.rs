//! The panel of an entry (issue 12): judges who may not mark an entry stand
//! aside, reserves take their seats, and scoring, `status` and the marks
//! checks agree on who is expected. Each number worked out by hand.

mod common;
use common::*;
use podium::engine::{score, Results};
use podium::load::load;
use std::path::Path;

/// Five judges (J5 from organisation 甲厂) dropping the highest and lowest
/// mark, with `reserves` after them.
fn contest(reserves: &str) -> String {
    format!(
        r#"Contest(id: "p", name: (en: "p"),
        judges: [Judge(id: "J1"), Judge(id: "J2"), Judge(id: "J3"), Judge(id: "J4"), Judge(id: "J5", organisation: "甲厂"){reserves}],
        judging: (panel: TrimmedMean(1), missing: Refuse),
        categories: [Category(id: "s", label: (en: "S"), score: Sum, criteria: [
            Criterion(id: "x", label: (en: "X"), marks: (min: 0, max: 10, step: 0.5), kind: Judgement())])])"#
    )
}

const ENTRIES: &str = "id,name,organisation\nA,a,甲厂\nB,b,乙厂\n";
/// B marked by all five; A by the four who may (J5 belongs to A's organisation).
const MARKS: &str = "entry,criterion,element,judge,value\nB,s.x,,J1,6\nB,s.x,,J2,7\nB,s.x,,J3,8\nB,s.x,,J4,9\nB,s.x,,J5,10\nA,s.x,,J1,6\nA,s.x,,J2,7\nA,s.x,,J3,8\nA,s.x,,J4,9\n";

fn total(results: &Results, id: &str) -> String {
    let index = results.inputs.entries.find(id).unwrap();
    let row = results.rows.iter().find(|r| r.entry == index).unwrap();
    row.total.map_or("none".into(), |t| t.normalize().to_string())
}

fn scored(dir: &Path) -> Results {
    score(load(dir, None).unwrap_or_else(|e| panic!("{e}")), &[])
}

#[test]
fn a_judge_who_stands_aside_is_not_expected_and_the_rule_applies_to_the_panel_left() {
    let dir = contest_dir("panel-aside", &contest(""), ENTRIES, MARKS);
    let results = scored(&dir);
    // B: drop 6 and 10, mean of 7, 8, 9 = 8.
    assert_eq!(total(&results, "B"), "8");
    // A: the panel is J1–J4; drop 6 and 9, mean of 7 and 8 = 7.5 (was: never scored, waiting for J5).
    assert_eq!(total(&results, "A"), "7.5");
    // status expects what scoring expects: 9 marks, all there.
    let status = stdout(&podium(&["status", dir.to_str().unwrap(), "--lang", "en"]));
    assert!(
        status.contains("marks: 9 of 9 expected (100.0%); 0 of 2 entries have marks missing"),
        "{status}"
    );
    // explain says who sits on A's panel.
    let explain = stdout(&podium(&["explain", dir.to_str().unwrap(), "A", "--lang", "en"]));
    assert!(explain.contains("this entry's panel is J1, J2, J3, J4"), "{explain}");
    // J5's mark for A is refused, naming why.
    let out = podium(&[
        "mark",
        dir.to_str().unwrap(),
        "--judge",
        "J5",
        "--entry",
        "A",
        "--criterion",
        "s.x",
        "5",
    ]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("与选手同单位（需回避"), "{}", stderr(&out));
}

#[test]
fn a_reserve_takes_the_seat_of_a_judge_who_stands_aside_and_only_there() {
    let dir = contest_dir("panel-reserve", &contest(r#", Judge(id: "R1", reserve: true)"#), ENTRIES, MARKS);
    // A's panel is J1–J4 and R1, whose mark is not in yet: A waits for it, B does not.
    let results = scored(&dir);
    assert_eq!(total(&results, "B"), "8", "a reserve sits on no full panel");
    assert_eq!(total(&results, "A"), "none");
    let status = stdout(&podium(&["status", dir.to_str().unwrap(), "--lang", "en"]));
    assert!(status.contains("marks: 9 of 10 expected"), "{status}");
    assert!(status.contains("A s.x R1"), "{status}");
    // R1 may not mark B, whose panel is full.
    let d = dir.to_str().unwrap();
    let out = podium(&["mark", d, "--judge", "R1", "--entry", "B", "--criterion", "s.x", "5"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("这位备用裁判不在选手 `B` 的评委组中"), "{}", stderr(&out));
    // R1 marks A 10: drop 6 and 10, mean of 7, 8, 9 = 8.
    let out = podium(&["mark", d, "--judge", "R1", "--entry", "A", "--criterion", "s.x", "10"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = podium(&["import", d, &format!("{d}/marks.csv")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let results = scored(&dir);
    assert_eq!(total(&results, "A"), "8");
    let status = stdout(&podium(&["status", d, "--lang", "en"]));
    assert!(status.contains("marks: 10 of 10 expected (100.0%)"), "{status}");
}

/// Six entries in two trades, four judges (Mean of the panel): J1 assigned
/// E1 and E2, J2 the welders; J3 and J4 not named, so they mark everyone.
const ASSIGNED_CONTEST: &str = r#"Contest(id: "a", name: (en: "a"),
    files: (assignments: "assignments.csv"),
    divisions: ["trade"],
    judges: [Judge(id: "J1"), Judge(id: "J2"), Judge(id: "J3"), Judge(id: "J4")],
    judging: (panel: Mean, missing: Refuse),
    categories: [Category(id: "s", label: (en: "S"), score: Sum, criteria: [
        Criterion(id: "x", label: (en: "X"), marks: (min: 0, max: 10, step: 1), kind: Judgement())])])"#;
const TRADES: &str = "id,name,trade\nE1,a,w\nE2,b,e\nE3,c,w\nE4,d,e\nE5,f,w\nE6,g,e\n";

#[test]
fn assignments_come_from_a_file_by_entry_or_by_group() {
    let marks = "entry,criterion,element,judge,value\n\
        E1,s.x,,J1,1\nE1,s.x,,J2,2\nE1,s.x,,J3,3\nE1,s.x,,J4,6\n\
        E2,s.x,,J1,3\nE2,s.x,,J3,3\nE2,s.x,,J4,6\n\
        E3,s.x,,J2,1\nE3,s.x,,J3,1\nE3,s.x,,J4,1\n\
        E4,s.x,,J3,4\nE4,s.x,,J4,5\n\
        E5,s.x,,J2,9\nE5,s.x,,J3,9\nE5,s.x,,J4,6\n\
        E6,s.x,,J3,2\nE6,s.x,,J4,2\n";
    let dir = contest_dir("panel-assigned", ASSIGNED_CONTEST, TRADES, marks);
    std::fs::write(
        dir.join("assignments.csv"),
        "\u{feff}judge,entry,group\nJ1,E1,\nJ1,E2,\nJ2,,trade=w\n,,\n",
    )
    .unwrap();
    let results = scored(&dir);
    // E1 (1+2+3+6)/4 = 3; E2 (3+3+6)/3 = 4; E3 1; E4 4.5; E5 8; E6 2.
    let totals: Vec<String> = ["E1", "E2", "E3", "E4", "E5", "E6"].iter().map(|e| total(&results, e)).collect();
    assert_eq!(totals, ["3", "4", "1", "4.5", "8", "2"]);
    let status = stdout(&podium(&["status", dir.to_str().unwrap(), "--lang", "en"]));
    assert!(status.contains("marks: 17 of 17 expected (100.0%)"), "{status}");
    // J1 marking E3 is refused: not assigned.
    let out = podium(&[
        "mark",
        dir.to_str().unwrap(),
        "--judge",
        "J1",
        "--entry",
        "E3",
        "--criterion",
        "s.x",
        "5",
    ]);
    assert!(stderr(&out).contains("不在分配给这位评委的选手之中"), "{}", stderr(&out));
}

#[test]
fn a_bad_assignments_file_is_refused_row_by_row() {
    let dir = contest_dir(
        "panel-assigned-bad",
        ASSIGNED_CONTEST,
        TRADES,
        "entry,criterion,element,judge,value\n",
    );
    std::fs::write(
        dir.join("assignments.csv"),
        "judge,entry,group\nJ9,E1,\nJ1,E99,\nJ2,,trade:w\nJ2,,grade=w\nJ2,E1,trade=w\nJ2,,trade=x\n",
    )
    .unwrap();
    let out = stdout(&podium_en(&["check", dir.to_str().unwrap()]));
    let err = stderr(&podium_en(&["check", dir.to_str().unwrap()]));
    let said = format!("{out}{err}");
    for expected in [
        "assignments.csv:2: error in `judge (column A)`: unknown judge `J9`",
        "did you mean `J1`?",
        "assignments.csv:3: error in `entry (column B)`: unknown entry `E99`",
        "assignments.csv:4: error in `group (column C)`: write a group as field=value",
        "assignments.csv:5: error in `group (column C)`: `grade` is not a field of the entries",
        "assignments.csv:6: error in `entry (column B)`: give either an entry or a group",
        "assignments.csv:7: error in `group (column C)`: no entry has trade `x`",
    ] {
        assert!(said.contains(expected), "missing {expected:?} in:\n{said}");
    }
    std::fs::write(dir.join("assignments.csv"), "who,what\nJ1,E1\n").unwrap();
    let said = stderr(&podium_en(&["check", dir.to_str().unwrap()]));
    assert!(
        said.contains("assignments.csv:1: error in `judge,entry`: the header needs a `judge` column"),
        "{said}"
    );
}

#[test]
fn generated_panels_drawn_from_many_judges_are_scored_whole_at_any_thread_count() {
    let dir = temp_dir("panel-gen");
    let d = dir.to_str().unwrap();
    let out = podium(&[
        "gen",
        d,
        "--entries",
        "400",
        "--criteria",
        "5",
        "--judges",
        "30",
        "--panel",
        "5",
        "--seed",
        "7",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let assignments = std::fs::read_to_string(dir.join("assignments.csv")).unwrap();
    assert_eq!(assignments.lines().count(), 1 + 400 * 5);
    assert!(stdout(&podium(&["check", d])).starts_with("检查通过："));
    let status = stdout(&podium(&["status", d, "--lang", "en"]));
    assert!(status.contains("marks: 10000 of 10000 expected (100.0%)"), "{status}");
    let results = scored(&dir);
    assert!(
        results.rows.iter().all(|r| r.total.is_some()),
        "every entry is scored by its own five"
    );
    let run = |threads: &str| {
        let out = podium_command()
            .args(["score", d, "--format", "csv"])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        out.stdout
    };
    assert_eq!(run("1"), run("4"));
    let out = podium_en(&["gen", d, "--judges", "3", "--panel", "4"]);
    assert!(
        stderr(&out).contains("--panel draws each entry's judges from --judges"),
        "{}",
        stderr(&out)
    );
}
