//! The mark store: import, export, corrections, refusals, tamper evidence,
//! crash safety and concurrent writers — through the `podium` binary, as
//! clerks and judges use it.

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A fresh copy of an example contest, with no store yet.
fn contest(name: &str, example: &str) -> PathBuf {
    let dir = temp_dir(name);
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("contests").join(example)).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    dir
}

fn records(dir: &Path) -> usize {
    let text = run_ok(&["audit", "verify", dir.to_str().unwrap(), "--lang", "en"]);
    text.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// Sets the contest's `marking` (double entry, blind judging).
fn set_marking(dir: &Path, marking: &str) {
    let path = dir.join("contest.ron");
    let contest = std::fs::read_to_string(&path).unwrap().replacen(
        "    entrants: Teams,",
        &format!("    entrants: Teams,\n    marking: {marking},"),
        1,
    );
    std::fs::write(&path, contest).unwrap();
}

#[test]
fn import_then_export_gives_the_file_back_and_scores_the_same() {
    let dir = contest("roundtrip", "construction");
    let marks = dir.join("marks.csv");
    assert!(run_ok(&["import", s(&dir), s(&marks)]).contains("导入 250 个分数"));
    let exported = dir.join("exported.csv");
    run_ok(&["export", "marks", s(&dir), "--output", s(&exported)]);
    assert_eq!(
        std::fs::read_to_string(&exported).unwrap(),
        std::fs::read_to_string(&marks).unwrap()
    );
    // Scored from the store, the leaderboard is the golden one.
    let board = run_ok(&["score", s(&dir), "--format", "json"]);
    assert_eq!(board, std::fs::read_to_string("tests/golden/construction.json").unwrap());
    // The same file again stores nothing.
    assert!(run_ok(&["import", s(&dir), s(&marks)]).contains("导入 0 个分数"));
    assert_eq!(records(&dir), 250);
}

#[test]
fn import_is_all_or_nothing_and_lists_every_bad_row() {
    let dir = contest("import-bad", "construction");
    let file = dir.join("sheet.csv");
    std::fs::write(
        &file,
        "entry,criterion,element,judge,value\nC01,quality.workmanship,,J1,8\nC01,quality.workmanship,,J2,18\nC02,quality.workmanship,,J1,8\nC03,quality.wrkmanship,,J1,8\nC04,quality.workmanship,,J1\n",
    )
    .unwrap();
    let err = run_err_en(&["import", s(&dir), s(&file)]);
    assert!(
        err.contains("sheet.csv:3: error in `value (column E)`: `18` for quality.workmanship: out of range"),
        "{err}"
    );
    assert!(
        err.contains("sheet.csv:5: error in `criterion (column B)`: unknown criterion `quality.wrkmanship`"),
        "{err}"
    );
    assert!(
        err.contains("sheet.csv:6: error in `row`: this row has 4 fields but the header has 5"),
        "{err}"
    );
    assert!(err.contains("nothing imported: 3 bad rows"), "{err}");
    // Nothing stored: the store holds no record.
    assert_eq!(records(&dir), 0);
}

#[test]
fn a_different_value_for_a_stored_mark_is_a_conflict_unless_a_reason_is_given() {
    let dir = contest("import-conflict", "construction");
    run_ok(&["import", s(&dir), s(&dir.join("marks.csv"))]);
    let file = dir.join("second-sheet.csv");
    std::fs::write(
        &file,
        "entry,criterion,element,judge,value\nC01,quality.workmanship,,J1,7.50\nC01,quality.workmanship,,J2,6\n",
    )
    .unwrap();
    let err = run_err_en(&["import", s(&dir), s(&file)]);
    assert!(
        err.contains("second-sheet.csv:3: error in `value`: C01 quality.workmanship J2 is already 8.5 (#2), not 6"),
        "{err}"
    );
    assert_eq!(records(&dir), 250);
    // 7.50 equals the stored 7.5; with a reason, 6 corrects 8.5.
    let out = run_ok(&["import", s(&dir), s(&file), "--reason", "复核更正", "--by", "裁判长"]);
    assert!(out.contains("导入 1 个分数") && out.contains("1 个此前已保存"), "{out}");
    let log = run_ok(&[
        "--lang",
        "en",
        "audit",
        "log",
        s(&dir),
        "--entry",
        "C01",
        "--judge",
        "J2",
        "--criterion",
        "quality.workmanship",
    ]);
    assert!(
        log.contains("by 裁判长 (podium import second-sheet.csv): C01 quality.workmanship J2 8.5 → 6 (corrects #2: 复核更正)"),
        "{log}"
    );
}

/// An import whose new marks come before and after a correction and marks
/// already stored: the reading thread works each record's hash out ahead as
/// if every row were a new mark, and after the correction those guesses are
/// wrong though their record numbers still match.
#[test]
fn an_import_mixing_new_stored_and_corrected_marks_keeps_the_chain_whole() {
    let dir = contest("import-mixed", "construction");
    let text = std::fs::read_to_string(dir.join("marks.csv")).unwrap();
    let (header, rows) = text.split_once('\n').unwrap();
    let rows: Vec<Vec<&str>> = rows.lines().map(|row| row.split(',').collect()).collect();
    let sheet = |name: &str, rows: &[Vec<&str>]| {
        let lines: Vec<String> = rows.iter().map(|row| row.join(",")).collect();
        let file = dir.join(name);
        std::fs::write(&file, format!("{header}\n{}\n", lines.join("\n"))).unwrap();
        file
    };
    let (new, stored) = rows.split_at(200);
    run_ok(&["import", s(&dir), s(&sheet("first.csv", stored))]);
    // The first stored mark, given a value another mark of its criterion has.
    let mut corrected = stored[0].clone();
    corrected[4] = rows.iter().find(|row| row[1] == corrected[1] && row[4] != corrected[4]).unwrap()[4];
    let second: Vec<Vec<&str>> = [&new[..50], &[corrected.clone()], &new[50..], &stored[1..]].concat();
    let out = run_ok(&["import", s(&dir), s(&sheet("second.csv", &second)), "--reason", "复核更正"]);
    assert!(out.contains(&format!("导入 {} 个分数", new.len() + 1)), "{out}");
    assert!(out.contains(&format!("（{} 个此前已保存）", stored.len() - 1)), "{out}");
    assert_eq!(records(&dir), rows.len() + 1, "the chain verifies");
    let mut exported: Vec<String> = run_ok(&["export", "marks", s(&dir)]).lines().skip(1).map(String::from).collect();
    let mut expected: Vec<String> = second.iter().map(|row| row.join(",")).collect();
    exported.sort();
    expected.sort();
    assert_eq!(exported, expected);
}

#[test]
fn single_marks_are_checked_corrected_with_a_reason_and_refused_with_one() {
    let dir = contest("mark", "construction");
    let d = s(&dir);
    let mark = |extra: &[&str]| {
        let mut args = vec!["mark", d];
        args.extend_from_slice(extra);
        // The refusals asserted below are the English catalogue's.
        podium_en(&args)
    };
    let out = mark(&["--judge", "J1", "--entry", "C01", "--criterion", "quality.workmanship", "7.5"]);
    assert!(
        stdout(&out).contains("stored #1: C01 quality.workmanship J1 = 7.5"),
        "{}",
        stderr(&out)
    );
    for (args, reason) in [
        (
            vec!["--judge", "J1", "--entry", "C01", "--criterion", "quality.workmanship", "8"],
            "is already 7.5 (#1); to correct it, say why with --reason",
        ),
        (
            vec!["--judge", "J1", "--entry", "C01", "--criterion", "quality.workmanship", "10.5"],
            "out of range: marks go from 0 to 10",
        ),
        (
            vec!["--judge", "J1", "--entry", "C01", "--criterion", "quality.workmanship", "7.3"],
            "not on a step of 0.5 from 0",
        ),
        (
            vec!["--judge", "J2", "--entry", "C01", "--criterion", "conduct.integrity", "7"],
            "this judge is not on the panel (J1, J3, J5)",
        ),
        (
            vec!["--judge", "J7", "--entry", "C01", "--criterion", "quality.workmanship", "7"],
            "unknown judge",
        ),
        (
            vec!["--judge", "J1", "--entry", "C99", "--criterion", "quality.workmanship", "7"],
            "unknown entry `C99`",
        ),
        (
            vec![
                "--judge",
                "J1",
                "--entry",
                "C01",
                "--criterion",
                "quality.workmanship",
                "--element",
                "2",
                "7",
            ],
            "this criterion has no elements",
        ),
    ] {
        let out = mark(&args);
        let err = stderr(&out);
        assert!(
            !out.status.success() && err.contains("nothing stored") && err.contains(reason),
            "{args:?}: {err}"
        );
    }
    // The same value again stores nothing; a correction with a reason is a new record naming the old.
    assert!(stdout(&mark(&[
        "--judge",
        "J1",
        "--entry",
        "C01",
        "--criterion",
        "quality.workmanship",
        "7.50"
    ]))
    .contains("nothing stored"));
    let out = mark(&[
        "--judge",
        "J1",
        "--entry",
        "C01",
        "--criterion",
        "quality.workmanship",
        "--reason",
        "typo",
        "8",
    ]);
    assert!(
        stdout(&out).contains("stored #2: C01 quality.workmanship J1 7.5 → 8 (corrects #1: typo)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(records(&dir), 2);
}

#[test]
fn a_judge_of_the_entrants_organisation_is_refused() {
    let dir = contest("mark-conflict", "construction");
    let path = dir.join("contest.ron");
    let contest = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("organisation: \"市质监站\"", "organisation: \"城建集团一公司\"", 1);
    std::fs::write(&path, contest).unwrap();
    let err = run_err(&[
        "mark",
        s(&dir),
        "--judge",
        "J4",
        "--entry",
        "C01",
        "--criterion",
        "quality.workmanship",
        "8",
    ]);
    assert!(err.contains("与选手同单位（需回避"), "{err}");
    assert!(!dir.join("marks.db").exists() || records(&dir) == 0);
}

/// Runs SQL on the store behind podium's back.
fn tamper(dir: &Path, sql: &str) {
    let connection = rusqlite::Connection::open(dir.join("marks.db")).unwrap();
    connection.execute_batch(sql).unwrap();
}

#[test]
fn audit_verify_catches_edits_made_outside_podium() {
    let cases = [
        (
            "edit",
            "DROP TRIGGER log_is_append_only_update; UPDATE log SET value = '10' WHERE seq = 17;",
            "record #17 does not match the chain",
        ),
        (
            "remove",
            "DROP TRIGGER log_is_append_only_delete; DELETE FROM log WHERE seq = 40;",
            "records between #39 and #41 were removed",
        ),
        (
            "truncate",
            "DROP TRIGGER log_is_append_only_delete; DELETE FROM log WHERE seq = 250;",
            "the log ends at #249, but podium last wrote #250",
        ),
        (
            "insert",
            "INSERT INTO log (seq, kind, entry, criterion, element, judge, value, replaces, reason, batch, hash)
             VALUES (251, 'mark', 'C01', 'quality.workmanship', 0, 'J1', '10', 1, '', 1, x'00');",
            "record #251 does not match the chain",
        ),
        (
            "who",
            "DROP TRIGGER batches_are_append_only_update; UPDATE batches SET actor = 'someone else';",
            "record #1 does not match the chain",
        ),
        (
            "current",
            "UPDATE current_by_entry SET cells = (SELECT cells FROM current_by_entry WHERE entry = 'C01') WHERE entry = 'C02';",
            "the current mark of C02 quality.workmanship element 0 judge J3 does not match the log",
        ),
        (
            "current-removed",
            "DELETE FROM current_by_entry WHERE entry = 'C03';",
            "the current mark of C03 quality.workmanship element 0 judge J1 does not match the log",
        ),
        (
            "current-garbled",
            "UPDATE current_by_entry SET cells = x'01ff' WHERE entry = 'C02';",
            "the current marks of C02 cannot be read: they were edited outside podium",
        ),
    ];
    for (name, sql, expected) in cases {
        let dir = contest(&format!("tamper-{name}"), "construction");
        run_ok(&["import", s(&dir), s(&dir.join("marks.csv"))]);
        run_ok(&["audit", "verify", s(&dir)]);
        tamper(&dir, sql);
        let err = run_err_en(&["audit", "verify", s(&dir)]);
        assert!(err.contains(expected), "{name}: {err}");
        assert!(err.contains("the store was changed outside podium"), "{name}: {err}");
    }
}

#[test]
fn the_log_refuses_updates_and_deletes() {
    let dir = contest("append-only", "construction");
    run_ok(&["import", s(&dir), s(&dir.join("marks.csv"))]);
    let connection = rusqlite::Connection::open(dir.join("marks.db")).unwrap();
    let err = connection
        .execute("UPDATE log SET value = '1' WHERE seq = 1", [])
        .unwrap_err()
        .to_string();
    assert!(err.contains("append-only"), "{err}");
    let err = connection.execute("DELETE FROM log WHERE seq = 1", []).unwrap_err().to_string();
    assert!(err.contains("append-only"), "{err}");
}

#[test]
fn several_processes_entering_marks_at_once_lose_nothing() {
    let dir = contest("concurrent", "construction");
    // Four clerks, each entering a different judge's marks for every crew at once.
    let judges = ["J1", "J2", "J3", "J4"];
    let children: Vec<_> = judges
        .iter()
        .map(|judge| {
            let script: String = (1..=8)
                .map(|crew| {
                    format!(
                        "{} mark {} --judge {judge} --entry C0{crew} --criterion efficiency.management 7 || exit 1\n",
                        env!("CARGO_BIN_EXE_podium"),
                        s(&dir)
                    )
                })
                .collect();
            Command::new("sh").arg("-c").arg(script).stdout(Stdio::null()).spawn().unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    assert_eq!(records(&dir), judges.len() * 8);
    let exported = run_ok(&["export", "marks", s(&dir)]);
    assert_eq!(exported.lines().count(), 1 + judges.len() * 8);
}

/// Sends SIGKILL to a process and everything it started.
fn kill_group(child: &std::process::Child) {
    // `--`: without it, kill takes "-PID" for an option and does nothing.
    let status = Command::new("kill")
        .args(["-9", "--", &format!("-{}", child.id())])
        .status()
        .unwrap();
    assert!(status.success());
}

/// Kills `podium import` part-way through a large import: afterwards the
/// store holds none of it (the transaction commits only at the end), its
/// chain is intact, and importing again completes.
#[test]
fn a_killed_import_leaves_nothing_half_written() {
    use std::os::unix::process::CommandExt;
    let dir = temp_dir("kill-import");
    run_ok(&[
        "gen",
        s(&dir),
        "--entries",
        "8000",
        "--criteria",
        "10",
        "--judges",
        "5",
        "--seed",
        "3",
    ]);
    // How long a whole import takes here, on a copy.
    let timing = temp_dir("kill-import-timing");
    for file in ["contest.ron", "entries.csv", "marks.csv"] {
        std::fs::copy(dir.join(file), timing.join(file)).unwrap();
    }
    let started = std::time::Instant::now();
    run_ok(&["import", s(&timing), s(&timing.join("marks.csv"))]);
    let whole = started.elapsed();
    let mut child = podium_command()
        .args(["import", s(&dir), s(&dir.join("marks.csv"))])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .unwrap();
    // A third of the way through: well inside the one transaction, with margin for a faster second run.
    std::thread::sleep(whole / 3);
    assert!(child.try_wait().unwrap().is_none(), "the import finished before it could be killed");
    kill_group(&child);
    child.wait().unwrap();
    assert_eq!(records(&dir), 0, "a killed import must leave nothing");
    run_ok(&["import", s(&dir), s(&dir.join("marks.csv"))]);
    assert_eq!(records(&dir), 400_000);
}

/// Kills a stream of single marks, and the mark being entered, mid-way:
/// every mark acknowledged before the kill is there and the chain is intact.
#[test]
fn every_acknowledged_mark_survives_a_kill() {
    use std::io::BufRead;
    use std::os::unix::process::CommandExt;
    let dir = contest("kill-stream", "judged-panel");
    let podium_bin = env!("CARGO_BIN_EXE_podium");
    let mut script = String::new();
    for entry in 1..=14 {
        for element in 1..=2 {
            for judge in ["E1", "E2", "E3", "E4", "E5"] {
                script += &format!("{podium_bin} mark {} --judge {judge} --entry F{entry:02} --criterion precision.attempts --element {element} 8.5 || exit 1\n", s(&dir));
            }
        }
    }
    let total = 14 * 2 * 5;
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .stdout(Stdio::piped())
        .process_group(0)
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let mut acknowledged: Vec<String> = Vec::new();
    while acknowledged.len() < 10 {
        acknowledged.push(lines.next().expect("podium stopped early").unwrap());
    }
    kill_group(&child);
    child.wait().unwrap();
    acknowledged.extend(lines.map_while(Result::ok));
    assert!(acknowledged.len() < total, "the stream finished before the kill");
    let stored = records(&dir);
    assert!(stored >= acknowledged.len(), "{} acknowledged, {stored} stored", acknowledged.len());
    let log = run_ok(&["audit", "log", s(&dir)]);
    for line in acknowledged.iter().filter(|l| l.starts_with("stored #")) {
        let seq = line.trim_start_matches("stored ").split(':').next().unwrap();
        assert!(log.contains(&format!("{seq} ")), "acknowledged {seq} is missing");
    }
}

#[test]
fn status_shows_what_is_missing_and_flagged() {
    let out = run_ok(&["status", "contests/construction", "--lang", "en"]);
    // C06's safety panel lacks judge J4 (the mean stood in); C03's workmanship marks are 4.5 apart.
    assert!(
        out.contains("marks: 223 of 224 expected (99.6%); 1 of 8 entries have marks missing"),
        "{out}"
    );
    assert!(out.contains("missing (1):\n  C06 safety.site J4"), "{out}");
    let j4 = out.lines().find(|l| l.trim_start().starts_with("J4 ")).unwrap();
    assert!(j4.contains("31 / 32") && j4.ends_with("96.9%"), "{j4}");
    assert!(out.contains("C03: Workmanship: marks 4.5 apart"), "{out}");
    // Half a contest entered: every gap is counted, by criterion and judge.
    let dir = contest("status", "construction");
    let part: String = std::fs::read_to_string(dir.join("marks.csv"))
        .unwrap()
        .lines()
        .take(120)
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(dir.join("part.csv"), part).unwrap();
    std::fs::remove_file(dir.join("marks.csv")).unwrap();
    run_ok(&["import", s(&dir), s(&dir.join("part.csv"))]);
    let out = run_ok(&["status", s(&dir), "--lang", "en"]);
    assert!(
        out.contains("marks: 108 of 224 expected (48.2%); 5 of 8 entries have marks missing"),
        "{out}"
    );
    assert!(out.contains("C05 quality.workmanship J1"), "{out}");
    let out = run_ok(&["status", s(&dir)]);
    assert!(out.contains("评分：应有 224 个，已有 108 个（48.2%）"), "{out}");
}

#[test]
fn locks_stop_changes_until_unlocked_and_publishing_is_final() {
    let dir = contest("locks", "skills-duel");
    let d = s(&dir);
    run_ok(&["import", d, s(&dir.join("marks.csv"))]);
    let correct = |entry: &str, criterion: &str, judge: Option<&str>, value: &str| {
        let mut args = vec!["mark", d, "--entry", entry, "--criterion", criterion, "--reason", "复核", value];
        if let Some(judge) = judge {
            args.extend(["--judge", judge]);
        }
        podium_en(&args)
    };
    assert!(
        run_ok(&["lock", d, "--criterion", "practical.workmanship", "--by", "裁判长", "--lang", "en"])
            .contains("locked criterion practical.workmanship (#396)")
    );
    let out = correct("E01", "practical.workmanship", Some("J1"), "9");
    assert!(
        !out.status.success() && stderr(&out).contains("criterion practical.workmanship is locked (#396)"),
        "{}",
        stderr(&out)
    );
    // Other criteria stay open.
    assert!(correct("E01", "theory.exam", None, "91").status.success());
    // A division lock covers every criterion of that division's entries.
    run_ok(&["lock", d, "--division", "trade=welder"]);
    let out = correct("W01", "theory.exam", None, "91");
    assert!(stderr(&out).contains("division trade=welder is locked"), "{}", stderr(&out));
    // Import is refused row by row, and stores nothing.
    std::fs::write(
        dir.join("late.csv"),
        "entry,criterion,element,judge,value\nE02,theory.exam,,,88\nW02,theory.exam,,,88\n",
    )
    .unwrap();
    let err = run_err_en(&["import", d, s(&dir.join("late.csv")), "--reason", "late"]);
    assert!(
        err.contains("late.csv:3: error in `criterion (column B)`: division trade=welder is locked"),
        "{err}"
    );
    // Unlocking needs a reason; then the mark can be corrected.
    assert!(run_err_en(&["unlock", d, "--criterion", "practical.workmanship"]).contains("needs a reason"));
    run_ok(&["unlock", d, "--criterion", "practical.workmanship", "--reason", "复核"]);
    assert!(correct("E01", "practical.workmanship", Some("J1"), "9").status.success());
    // Publishing needs the whole contest locked, and then nothing changes.
    assert!(run_err_en(&["publish", d]).contains("lock the whole contest before publishing"));
    run_ok(&["lock", d]);
    run_ok(&["publish", d, "--by", "组委会"]);
    assert!(stderr(&correct("E02", "theory.exam", None, "70")).contains("the results were published"));
    assert!(run_err_en(&["unlock", d, "--reason", "x"]).contains("the results were published"));
    let log = run_ok(&["audit", "log", d, "--lang", "en"]);
    assert!(
        log.contains("by 裁判长 (podium lock): lock criterion practical.workmanship"),
        "{log}"
    );
    assert!(
        log.contains("(podium unlock): unlock criterion practical.workmanship (复核)"),
        "{log}"
    );
    assert!(log.contains("by 组委会 (podium publish): publish contest"), "{log}");
    assert!(run_ok(&["status", d, "--lang", "en"]).contains("state: published, final"));
    run_ok(&["audit", "verify", d]);
}

#[test]
fn double_entry_confirms_agreeing_marks_and_lists_disagreements() {
    let dir = contest("double-entry", "construction");
    let d = s(&dir);
    set_marking(&dir, "(double_entry: true, count_unconfirmed: false)");
    let all = std::fs::read_to_string(dir.join("marks.csv")).unwrap();
    std::fs::write(dir.join("first.csv"), &all).unwrap();
    // The second clerk mistypes one mark.
    std::fs::write(
        dir.join("second.csv"),
        all.replacen("C01,quality.workmanship,,J2,8.5", "C01,quality.workmanship,,J2,8", 1),
    )
    .unwrap();
    run_ok(&["import", d, s(&dir.join("first.csv")), "--by", "甲"]);
    // Nothing is confirmed yet, so the leaderboard has no totals; status says what waits.
    let status = run_ok(&["status", d, "--lang", "en"]);
    assert!(
        status.contains("marks: 223 of 224 expected") && status.contains("unconfirmed marks (double entry): 250 (not counted)"),
        "{status}"
    );
    let board = run_ok(&["score", d, "--format", "csv"]);
    assert!(board.lines().skip(1).all(|row| row.split(',').nth(6) == Some("-")), "{board}");
    // The same clerk may not confirm their own typing.
    let err = run_err_en(&["import", d, s(&dir.join("second.csv")), "--verify", "--by", "甲"]);
    assert!(
        err.contains("甲 entered this mark (#1); a second clerk must verify it") && err.contains("nothing confirmed"),
        "{err}"
    );
    // A second clerk: 249 agree and are confirmed; the one disagreement is listed.
    let out = podium_en(&["import", d, s(&dir.join("second.csv")), "--verify", "--by", "乙"]);
    assert!(!out.status.success());
    assert!(stdout(&out).contains("confirmed 249 marks"), "{}", stdout(&out));
    assert!(
        stderr(&out)
            .contains("second.csv:3: error in `value`: C01 quality.workmanship J2: the first entry is 8.5 (#2, by 甲), the second 8"),
        "{}",
        stderr(&out)
    );
    assert!(run_ok(&["status", d, "--lang", "en"])
        .contains("unconfirmed marks (double entry): 1 (not counted)\n  C01 quality.workmanship J2 = 8.5"));
    // The chief judge checks the paper: 8.5 was right; a third person confirms it.
    assert!(run_ok(&[
        "--lang",
        "en",
        "mark",
        d,
        "--judge",
        "J2",
        "--entry",
        "C01",
        "--criterion",
        "quality.workmanship",
        "--verify",
        "--by",
        "裁判长",
        "8.5"
    ])
    .contains("confirmed"));
    // All confirmed: the leaderboard is the golden one, and the chain holds.
    assert_eq!(
        run_ok(&["score", d, "--format", "json"]),
        std::fs::read_to_string("tests/golden/construction.json").unwrap()
    );
    run_ok(&["audit", "verify", d]);
    // A correction makes the mark unconfirmed again.
    run_ok(&[
        "mark",
        d,
        "--judge",
        "J2",
        "--entry",
        "C01",
        "--criterion",
        "quality.workmanship",
        "--reason",
        "复核",
        "--by",
        "裁判长",
        "9",
    ]);
    assert!(run_ok(&["status", d, "--lang", "en"])
        .contains("unconfirmed marks (double entry): 1 (not counted)\n  C01 quality.workmanship J2 = 9"));
}

#[test]
fn blind_judging_uses_codes_until_the_results_are_published() {
    let dir = contest("blind", "construction");
    let d = s(&dir);
    set_marking(&dir, "(blind: true)");
    assert!(
        run_err_en(&["import", d, s(&dir.join("marks.csv"))]).contains("give the entries their codes first with `podium codes CONTEST`")
    );
    let list = run_ok(&["codes", d, "--by", "裁判长"]);
    // Codes are stable once given.
    assert_eq!(list, run_ok(&["codes", d]));
    let codes: std::collections::HashMap<String, String> = list
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect::<Vec<_>>())
        .map(|f| (f[1].to_string(), f[0].to_string()))
        .collect();
    assert_eq!(codes.len(), 8);
    assert!(codes
        .values()
        .all(|c| c.len() == 6 && c.chars().all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit())));
    // The clerks' sheet carries codes, not ids; an id is refused.
    let marks = std::fs::read_to_string(dir.join("marks.csv")).unwrap();
    let by_code: String = marks
        .lines()
        .enumerate()
        .map(|(i, line)| match (i, line.split_once(',')) {
            (0, _) | (_, None) => format!("{line}\n"),
            (_, Some((id, rest))) => format!("{},{rest}\n", codes[id]),
        })
        .collect();
    std::fs::write(dir.join("sheet.csv"), by_code).unwrap();
    let err = run_err_en(&["import", d, s(&dir.join("marks.csv"))]);
    assert!(
        err.contains("marks.csv:2: error in `entry (column A)`: blind judging: give the entry's code, not its id (`C01`)"),
        "{err}"
    );
    assert!(run_ok(&["import", d, s(&dir.join("sheet.csv"))]).contains("导入 250 个分数"));
    // Before publication the board shows codes and no names.
    let board = run_ok(&["score", d, "--format", "csv"]);
    let first = board.lines().nth(1).unwrap();
    assert!(first.starts_with(&format!("1,否,{},,,", codes["C05"])), "{first}");
    assert!(!board.contains("桥梁架设班"));
    assert!(run_ok(&["status", d, "--lang", "en"]).contains(&format!("missing (1):\n  {} safety.site J4", codes["C06"])));
    // Once published, names are joined: the golden leaderboard.
    run_ok(&["lock", d]);
    run_ok(&["publish", d]);
    assert_eq!(
        run_ok(&["score", d, "--format", "json"]),
        std::fs::read_to_string("tests/golden/construction.json").unwrap()
    );
}

#[test]
fn a_failed_first_import_leaves_scoring_on_the_marks_file() {
    let dir = contest("failed-first-import", "construction");
    std::fs::write(
        dir.join("bad.csv"),
        "entry,criterion,element,judge,value\nC01,quality.workmanship,,J1,80\n",
    )
    .unwrap();
    run_err(&["import", s(&dir), s(&dir.join("bad.csv"))]);
    assert_eq!(
        run_ok(&["score", s(&dir), "--format", "json"]),
        std::fs::read_to_string("tests/golden/construction.json").unwrap()
    );
}

#[test]
fn a_store_of_another_layout_is_refused_and_left_alone() {
    let dir = contest("old-layout", "construction");
    let path = dir.join("marks.db");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE log (seq INTEGER PRIMARY KEY, value TEXT);")
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = run_err_en(&["audit", "verify", s(&dir)]);
    assert!(
        err.contains("this mark store has table layout from before layouts were numbered, and this podium reads layout 3"),
        "{err}"
    );
    assert!(std::fs::read(&path).unwrap() == before, "the refused store was changed");
}

/// Corrects C02's workmanship mark from J3 to 9.5 with `podium mark --reason`.
fn correct_c02_j3_to_9_5(dir: &Path) {
    let cell = ["--judge", "J3", "--entry", "C02", "--criterion", "quality.workmanship"];
    run_ok(&[&["mark", s(dir)][..], &cell, &["--reason", "misread", "9.5"]].concat());
}

#[test]
fn a_store_of_layout_1_is_brought_to_this_layout_with_its_marks() {
    let dir = contest("layout-1", "construction");
    run_ok(&["import", s(&dir), s(&dir.join("marks.csv"))]);
    correct_c02_j3_to_9_5(&dir);
    let exported = run_ok(&["export", "marks", s(&dir)]);
    let board = run_ok(&["score", s(&dir), "--format", "json"]);
    // Layout 1 kept one `current` row per cell.
    tamper(
        &dir,
        "CREATE TABLE current (
             entry TEXT NOT NULL, criterion TEXT NOT NULL, element INTEGER NOT NULL, judge TEXT NOT NULL,
             value TEXT NOT NULL, seq INTEGER NOT NULL, first INTEGER NOT NULL, confirmed INTEGER,
             PRIMARY KEY (entry, criterion, element, judge)) WITHOUT ROWID;
         INSERT INTO current SELECT l.entry, l.criterion, l.element, l.judge, l.value, l.seq, f.first, NULL
             FROM (SELECT max(seq) AS seq, min(seq) AS first FROM log WHERE kind = 'mark' GROUP BY entry, criterion, element, judge) f
             JOIN log l ON l.seq = f.seq;
         DROP TABLE current_by_entry;
         UPDATE meta SET value = '1' WHERE key = 'schema';",
    );
    assert_eq!(records(&dir), 251);
    assert_eq!(run_ok(&["export", "marks", s(&dir)]), exported);
    assert_eq!(run_ok(&["score", s(&dir), "--format", "json"]), board);
    let connection = rusqlite::Connection::open(dir.join("marks.db")).unwrap();
    let layout: String = connection
        .query_row("SELECT value FROM meta WHERE key = 'schema'", [], |row| row.get(0))
        .unwrap();
    assert_eq!(layout, "3");
    let old: i64 = connection
        .query_row("SELECT count(*) FROM sqlite_master WHERE name = 'current'", [], |row| row.get(0))
        .unwrap();
    assert_eq!(old, 0, "the old table is gone");
}

#[test]
fn marks_entered_judge_by_judge_export_in_that_order_with_corrections_in_place() {
    let dir = contest("judge-by-judge", "construction");
    let text = std::fs::read_to_string(dir.join("marks.csv")).unwrap();
    let (header, rows) = text.split_once('\n').unwrap();
    let mut rows: Vec<&str> = rows.lines().collect();
    // By judge, entries last to first: no entry's marks are together.
    rows.sort_by_key(|row| {
        let fields: Vec<&str> = row.split(',').collect();
        (fields[3], std::cmp::Reverse(fields[0]))
    });
    let sheet = dir.join("by-judge.csv");
    std::fs::write(&sheet, format!("{header}\n{}\n", rows.join("\n"))).unwrap();
    run_ok(&["import", s(&dir), s(&sheet)]);
    assert_eq!(run_ok(&["export", "marks", s(&dir)]), std::fs::read_to_string(&sheet).unwrap());
    // A correction keeps the cell's place in the order, with the new value.
    correct_c02_j3_to_9_5(&dir);
    let corrected: Vec<String> = rows
        .iter()
        .map(|row| match row.strip_prefix("C02,quality.workmanship,,J3,") {
            Some(_) => "C02,quality.workmanship,,J3,9.5".to_string(),
            None => row.to_string(),
        })
        .collect();
    assert_ne!(corrected, rows);
    assert_eq!(
        run_ok(&["export", "marks", s(&dir)]),
        format!("{header}\n{}\n", corrected.join("\n"))
    );
    run_ok(&["audit", "verify", s(&dir)]);
}

#[test]
fn ids_that_start_like_formulas_export_as_text_and_import_back_the_same() {
    let dir = contest("formula-ids", "construction");
    // An entry id and a judge id that Excel would run as formulas, an id
    // already starting with an apostrophe, and a negative mark.
    let hostile = "=1+cmd|' /C calc'!A0";
    let replace = |file: &str, pairs: &[(&str, &str)]| {
        let path = dir.join(file);
        let mut text = std::fs::read_to_string(&path).unwrap();
        for (from, to) in pairs {
            assert!(text.contains(from), "{file}: {from}");
            text = text.replace(from, to);
        }
        std::fs::write(&path, text).unwrap();
    };
    replace("entries.csv", &[("\nC01,", &format!("\n{hostile},")), ("\nC02,", "\n-C02,")]);
    replace(
        "contest.ron",
        &[
            ("\"J1\"", "\"@J1\""),
            ("marks: (min: 0, max: 10, step: 0.5)", "marks: (min: -10, max: 10, step: 0.5)"),
        ],
    );
    replace(
        "marks.csv",
        &[
            (
                "\nC01,quality.workmanship,,J1,7.5\n",
                &format!("\n{hostile},quality.workmanship,,J1,-1.5\n"),
            ),
            ("\nC01,", &format!("\n{hostile},")),
            ("\nC02,", "\n-C02,"),
            (",J1,", ",@J1,"),
        ],
    );
    let marks = dir.join("marks.csv");
    assert!(run_ok(&["import", s(&dir), s(&marks)]).contains("导入 250 个分数"));
    let board = run_ok(&["score", s(&dir), "--format", "json"]);
    let exported = dir.join("exported.csv");
    run_ok(&["export", "marks", s(&dir), "--output", s(&exported)]);
    let text = std::fs::read_to_string(&exported).unwrap();
    // Every id that starts like a formula has an apostrophe first; values are numbers as entered.
    let mut reader = csv::Reader::from_path(&exported).unwrap();
    for row in reader.records() {
        let row = row.unwrap();
        for id in [&row[0], &row[1], &row[3]] {
            assert!(!id.starts_with(['=', '+', '-', '@']), "{row:?}");
        }
        row[4].parse::<f64>().unwrap();
    }
    assert!(text.contains(&format!("\n'{hostile},quality.workmanship,,'@J1,-1.5\n")), "{text}");
    assert!(text.contains("\n'-C02,quality.workmanship,,'@J1,"), "{text}");
    // The file as written, apostrophes aside.
    let unquoted = text
        .replace(&format!("\n'{hostile},"), &format!("\n{hostile},"))
        .replace("\n'-C02,", "\n-C02,")
        .replace(",'@J1,", ",@J1,");
    assert_eq!(unquoted, std::fs::read_to_string(&marks).unwrap());
    // Importing the export stores nothing new; scoring it gives the same board.
    let again = run_ok(&["import", s(&dir), s(&exported)]);
    assert!(again.contains("导入 0 个分数") && again.contains("（250 个此前已保存）"), "{again}");
    assert_eq!(records(&dir), 250);
    assert_eq!(run_ok(&["score", s(&dir), "--format", "json", "--marks", s(&exported)]), board);
    assert_eq!(run_ok(&["score", s(&dir), "--format", "json", "--marks", s(&marks)]), board);
    assert_eq!(run_ok(&["export", "marks", s(&dir)]), text);
}

/// How a folder is made read-only for podium: a read-only bind mount in a
/// mount namespace of its own (root can write through any permission), else
/// the folder's write permission taken away, with podium run as `nobody`
/// when we are root.
enum ReadOnly {
    Mount,
    Nobody,
    Permissions,
}

impl ReadOnly {
    fn find(dir: &Path) -> Option<ReadOnly> {
        let mounted = Command::new("unshare")
            .args([
                "-m",
                "sh",
                "-c",
                "mount --bind -o ro \"$0\" \"$0\" && ! touch \"$0/probe\" 2>/dev/null",
                s(dir),
            ])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if mounted {
            return Some(ReadOnly::Mount);
        }
        let root = std::os::unix::fs::MetadataExt::uid(&std::fs::metadata("/proc/self").ok()?) == 0;
        let made = Command::new("chmod")
            .args(["-R", "a-w", s(dir)])
            .status()
            .is_ok_and(|s| s.success());
        match (made, root) {
            (true, false) => Some(ReadOnly::Permissions),
            (true, true) if Command::new("setpriv").arg("--version").output().is_ok() => Some(ReadOnly::Nobody),
            _ => None,
        }
    }

    fn podium(&self, dir: &Path, args: &[&str]) -> std::process::Output {
        let bin = env!("CARGO_BIN_EXE_podium");
        let mut command = match self {
            ReadOnly::Mount => {
                let mut c = Command::new("unshare");
                c.args(["-m", "sh", "-c", "mount --bind -o ro \"$0\" \"$0\" && exec \"$@\"", s(dir), bin]);
                c
            }
            ReadOnly::Nobody => {
                let mut c = Command::new("setpriv");
                c.args(["--reuid=65534", "--regid=65534", "--clear-groups", bin]);
                c
            }
            ReadOnly::Permissions => Command::new(bin),
        };
        command.env("PODIUM_LANG", "zh").args(args).current_dir("/").output().unwrap()
    }
}

#[test]
fn an_archived_store_on_read_only_media_is_read_and_verified_but_not_written() {
    let dir = contest("archive", "construction");
    let marks = dir.join("marks.csv");
    run_ok(&["import", s(&dir), s(&marks)]);
    let head = run_ok(&["audit", "verify", s(&dir), "--lang", "en"]);
    let files = |dir: &Path| -> Vec<(PathBuf, Vec<u8>)> {
        let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        files.into_iter().map(|p| (p.clone(), std::fs::read(&p).unwrap())).collect()
    };
    let before = files(&dir);
    // Where the outputs go: writable by whoever podium runs as.
    let out = temp_dir("archive-out");
    Command::new("chmod").args(["777", s(&out)]).status().unwrap();
    let Some(read_only) = ReadOnly::find(&dir) else {
        eprintln!("skipped: this machine can make no folder read-only to podium");
        return;
    };
    let d = s(&dir);
    let ok = |args: &[&str]| {
        let output = read_only.podium(&dir, args);
        assert!(
            output.status.success(),
            "podium {args:?} on a read-only store:\n{}",
            stderr(&output)
        );
        stdout(&output)
    };
    assert_eq!(ok(&["audit", "verify", d, "--lang", "en"]), head);
    assert_eq!(
        ok(&["score", d, "--format", "json"]),
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/construction.json")).unwrap()
    );
    assert_eq!(ok(&["export", "marks", d]), std::fs::read_to_string(&marks).unwrap());
    assert!(ok(&["status", d, "--lang", "en"]).contains("marks: 223 of 224 expected"));
    assert!(ok(&["audit", "log", d, "--entry", "C01"]).starts_with("#1 "));
    assert!(ok(&["explain", d, "C01", "--lang", "en"]).contains("C01"));
    let report = out.join("report.html");
    ok(&["report", d, "-o", s(&report)]);
    assert!(std::fs::read_to_string(&report)
        .unwrap()
        .contains(head.lines().nth(1).unwrap().trim_start_matches("head: #250 ")));
    let chart = out.join("board.svg");
    ok(&["chart", d, "leaderboard", "-o", s(&chart)]);
    assert!(std::fs::metadata(&chart).unwrap().len() > 0);
    // Writing commands say the store is read-only.
    for args in [
        &[
            "mark",
            d,
            "--judge",
            "J1",
            "--entry",
            "C01",
            "--criterion",
            "quality.workmanship",
            "--reason",
            "x",
            "8",
        ][..],
        &["import", d, s(&marks)],
        &["lock", d],
    ] {
        let output = read_only.podium(&dir, args);
        assert!(!output.status.success(), "{args:?}");
        assert!(stderr(&output).contains("分数库是只读的"), "{args:?}: {}", stderr(&output));
    }
    Command::new("chmod").args(["-R", "u+w", d]).status().unwrap();
    assert!(files(&dir) == before, "the archived folder was changed");
}
