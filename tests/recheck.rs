//! The re-check (复核) of `contests/construction` with a workflow declared:
//! the sample drawn once marking is locked, the re-check's typing compared
//! with the stored marks, one error found and corrected, widening past the
//! threshold, and each refusal with its message (in Chinese).

mod common;
use common::*;
use std::path::{Path, PathBuf};

/// A copy of the construction contest with a workflow whose re-check is
/// `plan`, its marks as `marks` (the example's, perhaps mistyped), imported
/// by the clerk.
fn construction(name: &str, plan: &str, marks: &str) -> PathBuf {
    let dir = temp_dir(name);
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("contests/construction");
    std::fs::copy(source.join("entries.csv"), dir.join("entries.csv")).unwrap();
    let contest = std::fs::read_to_string(source.join("contest.ron")).unwrap();
    let body = contest.trim_end().strip_suffix(')').unwrap().trim_end().trim_end_matches(',');
    let workflow = format!(
        r#",
    workflow: (
        roles: [
            (id: "chief", role: ChiefJudge, name: "周建国"),
            (id: "clerk", role: Clerk, name: "钱芳"),
            (id: "sup", role: Supervisor, name: "赵强"),
            (id: "org", role: Organiser, name: "组委会"),
        ],
        sign_offs: true,
        recheck: {plan},
    ),
)
"#
    );
    std::fs::write(dir.join("contest.ron"), format!("{body}{workflow}")).unwrap();
    std::fs::write(dir.join("typed.csv"), marks).unwrap();
    run_ok(&["import", s(&dir), s(&dir.join("typed.csv")), "--as", "clerk"]);
    dir
}

/// The example's marks, as on the judges' sheets.
fn sheets() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("contests/construction/marks.csv")).unwrap()
}

/// The right mark and the mistyped one: C05 (placed first) from J1's sheet.
const RIGHT: &str = "C05,quality.workmanship,,J1,9\n";
const WRONG: &str = "C05,quality.workmanship,,J1,8\n";

/// Marking locked and every judge's sheet confirmed by the chief judge.
fn locked(dir: &Path) {
    run_ok(&["lock", s(dir), "--as", "chief"]);
    confirmed(dir, &["J1", "J2", "J3", "J4", "J5"]);
}

/// These judges' sheets confirmed (again, after a correction).
fn confirmed(dir: &Path, judges: &[&str]) {
    for judge in judges {
        run_ok(&["sign", s(dir), "--sheet", judge, "--as", "chief"]);
    }
}

/// The sheets' rows of these entries, under the header, less `without`.
fn rows_of(entries: &[&str], without: &str) -> String {
    let sheets = sheets();
    let mut lines = vec![sheets.lines().next().unwrap()];
    lines.extend(
        sheets
            .lines()
            .skip(1)
            .filter(|line| entries.contains(&line.split(',').next().unwrap()) && format!("{line}\n") != without),
    );
    lines.join("\n") + "\n"
}

/// The entries a draw printed, one a line after the heading: `ID：why`.
fn sample_of(drawn: &str) -> Vec<String> {
    drawn
        .lines()
        .skip(1)
        .map(|line| line.split('：').next().unwrap().to_string())
        .collect()
}

fn enter(dir: &Path, name: &str, text: &str) -> std::process::Output {
    std::fs::write(dir.join(name), text).unwrap();
    podium(&["recheck", s(dir), "--enter", s(&dir.join(name)), "--as", "chief"])
}

/// How many steps of this kind the audit log shows.
fn logged(dir: &Path, words: &str) -> usize {
    run_ok(&["audit", "log", s(dir)]).matches(words).count()
}

#[test]
fn a_recheck_finds_an_error_and_once_corrected_the_results_can_be_signed() {
    let sheets = sheets();
    assert!(sheets.contains(RIGHT));
    // The top 2 and a fifth of the other 6 (1.2, so 2): 4 entries.
    let dir = construction(
        "recheck-flow",
        "(top: 2, percent: 20, threshold: 60)",
        &sheets.replace(RIGHT, WRONG),
    );
    let d = s(&dir);
    assert!(run_err(&["recheck", d, "--draw", "--as", "chief"]).contains("评分尚未结束：锁定整场比赛后才能复核"));
    locked(&dir);
    let early = run_err(&["recheck", d, "--enter", s(&dir.join("typed.csv")), "--as", "chief"]);
    assert!(early.contains("还没有抽取复核样本"), "{early}");
    assert!(run_err(&["sign", d, "--as", "chief"]).contains("还没有复核：先抽取复核样本"));
    assert!(run_err(&["recheck", d, "--draw", "--as", "clerk"]).contains("不能“复核”"));

    let drawn = run_ok(&["recheck", d, "--draw", "--as", "chief"]);
    assert!(drawn.starts_with("已抽取复核样本：4 名选手"), "{drawn}");
    assert!(
        drawn.contains("C05：名次 1，前列全部复核") && drawn.contains("C01：名次 2，前列全部复核"),
        "{drawn}"
    );
    assert_eq!(drawn.matches("：随机抽取").count(), 2, "{drawn}");
    let sample = sample_of(&drawn);
    // A clerk who dislikes the sample cannot draw another: refused, and the log holds one draw.
    assert!(run_err(&["recheck", d, "--draw", "--as", "chief"]).contains("复核样本已抽取（记录 #"));
    assert_eq!(logged(&dir, "抽取复核样本"), 1);
    // The log holds the seed and the plan, so anyone can draw the sample again.
    let log = run_ok(&["audit", "log", d]);
    assert!(
        log.contains("规则：前 2 名全部，其余抽取 20%，不含获奖线附近，差错率超过 60% 全部复核"),
        "{log}"
    );
    assert!(log.contains("（种子 "), "{log}");
    assert!(run_err(&["sign", d, "--as", "chief"]).contains("复核尚未完成：还有 4 名选手待复核"));
    // Nor can marking reopen under it, for a mark to change where the sample does not look.
    let reopen = run_err(&["unlock", d, "--as", "chief", "--reason", "补录"]);
    assert!(
        reopen.contains("复核样本已抽取（记录 #") && reopen.contains("不能再解锁"),
        "{reopen}"
    );

    // A file that slips in an entry outside the sample: refused whole, nothing recorded.
    let outsider = ["C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08"]
        .into_iter()
        .find(|e| !sample.iter().any(|s| s == e))
        .unwrap();
    let mut with_outsider: Vec<&str> = sample.iter().map(String::as_str).collect();
    with_outsider.push(outsider);
    let refused = enter(&dir, "outside.csv", &rows_of(&with_outsider, ""));
    let said = stderr(&refused);
    assert!(!refused.status.success());
    assert!(
        said.contains(&format!("选手 {outsider} 不在复核样本中")) && said.contains("整份文件未记录"),
        "{said}"
    );
    // A file that leaves out the one bad mark: refused, or the error would pass unseen.
    let sampled: Vec<&str> = sample.iter().map(String::as_str).collect();
    let refused = enter(&dir, "partial.csv", &rows_of(&sampled, RIGHT));
    let said = stderr(&refused);
    assert!(!refused.status.success());
    assert!(
        said.contains("缺少选手 C05 quality.workmanship 裁判 J1 的复核分数") && said.contains("整份文件未记录"),
        "{said}"
    );
    // A file that types the bad mark twice, once right and once as entered: refused.
    let refused = enter(&dir, "twice.csv", &(rows_of(&sampled, "") + WRONG));
    let said = stderr(&refused);
    assert!(!refused.status.success());
    assert!(
        said.contains("选手 C05 quality.workmanship 裁判 J1 又录为 8，第") && said.contains("整份文件未记录"),
        "{said}"
    );
    assert_eq!(logged(&dir, "比对复核录入"), 0);
    assert!(run_ok(&["recheck", d]).contains("已复核 0 名"));

    // The sample's sheets typed again: the mistyped mark found.
    let found = enter(&dir, "recheck.csv", &rows_of(&sampled, ""));
    assert!(found.status.success(), "{}", stderr(&found));
    let found = stdout(&found);
    assert!(found.contains("发现 1 处不一致"), "{found}");
    assert!(found.contains("选手 C05 quality.workmanship 裁判 J1：录入 8，复核 9"), "{found}");
    assert!(found.contains("已复核 4 名，其中 1 名有差错，差错率 25%；尚待复核 0 名"), "{found}");
    assert!(!found.contains("复核扩大"), "25 % is under the 60 % declared: {found}");
    let refused = run_err(&["sign", d, "--as", "chief"]);
    assert!(refused.contains("复核发现的差错尚未更正：C05 quality.workmanship J1"), "{refused}");

    // Corrections through the lock: only of a difference found, only by the chief judge, with a reason.
    let correct = |role: &str, judge: &str, reason: Option<&str>| {
        let mut args = vec!["mark", d, "--as", role, "--recheck", "--entry", "C05"];
        args.extend(["--criterion", "quality.workmanship", "--judge", judge]);
        if let Some(reason) = reason {
            args.extend(["--reason", reason]);
        }
        args.push("9");
        podium(&args)
    };
    assert!(stderr(&correct("chief", "J2", Some("复核"))).contains("复核没有发现选手 C05 quality.workmanship 裁判 J2 的待更正差错"));
    assert!(stderr(&correct("clerk", "J1", Some("复核"))).contains("不能“复核”"));
    assert!(stderr(&correct("chief", "J1", None)).contains("须写明理由"));
    let fixed = correct("chief", "J1", Some("复核发现录入错误，按评分表更正"));
    assert!(fixed.status.success(), "{}", stderr(&fixed));
    let status = run_ok(&["recheck", d]);
    assert!(
        status.contains("选手 C05 quality.workmanship 裁判 J1：录入 8，复核 9 — 已解决"),
        "{status}"
    );
    assert!(!status.contains("待更正"), "{status}");
    // The correction's reason cites the re-check in the audit log.
    assert!(run_ok(&["audit", "log", d]).contains("[recheck] 复核发现录入错误，按评分表更正"));
    confirmed(&dir, &["J1"]);
    run_ok(&["sign", d, "--as", "chief"]);
    let late = run_err(&["recheck", d, "--enter", s(&dir.join("recheck.csv")), "--as", "chief"]);
    assert!(late.contains("成绩已签字确认") && late.contains("复核须在签字之前"), "{late}");
}

#[test]
fn when_the_recheck_was_the_one_mistyped_the_chief_judge_keeps_the_stored_mark() {
    let dir = construction("recheck-kept", "(top: 1, percent: 0, threshold: 100)", &sheets());
    let d = s(&dir);
    locked(&dir);
    assert_eq!(sample_of(&run_ok(&["recheck", d, "--draw", "--as", "chief"])), ["C05"]);
    // The re-check mistypes 9 as 8: a difference, but the stored mark is the right one.
    let found = enter(&dir, "recheck.csv", &rows_of(&["C05"], "").replace(RIGHT, WRONG));
    assert!(stdout(&found).contains("选手 C05 quality.workmanship 裁判 J1：录入 9，复核 8"));
    let kept = run_ok(&[
        "mark",
        d,
        "--as",
        "chief",
        "--recheck",
        "--entry",
        "C05",
        "--criterion",
        "quality.workmanship",
        "--judge",
        "J1",
        "--reason",
        "核对原始评分表，录入无误",
        "9",
    ]);
    assert!(kept.contains("维持录入的 9，不采用复核录入，差错已解决"), "{kept}");
    assert!(run_ok(&["recheck", d]).contains("— 已解决"));
    assert!(run_ok(&["audit", "log", d]).contains("维持录入的 9，不采用复核录入"));
    // No mark changed: J1's confirmed sheet still stands.
    run_ok(&["sign", d, "--as", "chief"]);
}

#[test]
fn an_error_rate_past_the_threshold_widens_the_recheck_to_every_entry() {
    let dir = construction(
        "recheck-widen",
        "(top: 2, percent: 20, threshold: 5)",
        &sheets().replace(RIGHT, WRONG),
    );
    let d = s(&dir);
    locked(&dir);
    let sample = sample_of(&run_ok(&["recheck", d, "--draw", "--as", "chief"]));
    let sampled: Vec<&str> = sample.iter().map(String::as_str).collect();
    let found = stdout(&enter(&dir, "recheck.csv", &rows_of(&sampled, "")));
    assert!(found.contains("差错率 25%"), "{found}");
    assert!(found.contains("差错率超过 5%：复核扩大到全部选手，新增 4 名待复核"), "{found}");
    assert!(run_err(&["sign", d, "--as", "chief"]).contains("复核尚未完成：还有 4 名选手待复核"));
    let status = run_ok(&["recheck", d]);
    let rest: Vec<&str> = ["C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08"]
        .into_iter()
        .filter(|e| !sampled.contains(e))
        .collect();
    for entry in &rest {
        assert!(status.contains(&format!("… {entry}：差错率超过规定，扩大为全部复核")), "{status}");
    }
    assert_eq!(logged(&dir, "复核扩大到全部选手"), 1);
    // The rest typed again without error: done, and no second widening.
    let done = stdout(&enter(&dir, "rest.csv", &rows_of(&rest, "")));
    assert!(done.contains("已复核 8 名，其中 1 名有差错，差错率 12.5%；尚待复核 0 名"), "{done}");
    assert!(!done.contains("复核扩大"), "{done}");
    assert_eq!(logged(&dir, "复核扩大到全部选手"), 1);
}

/// Cents of a total as the score's JSON gives it (two places).
fn cents(value: &serde_json::Value) -> Option<i64> {
    value.as_f64().map(|v| (v * 100.0).round() as i64)
}

#[test]
fn on_a_generated_ten_thousand_entry_contest_every_entry_near_an_award_line_is_sampled() {
    let dir = temp_dir("recheck-10k");
    let d = s(&dir);
    run_ok(&["gen", d, "--entries", "10000", "--criteria", "4", "--judges", "1", "--seed", "15"]);
    let contest = std::fs::read_to_string(dir.join("contest.ron")).unwrap();
    let body = contest.trim_end().strip_suffix(')').unwrap().trim_end().trim_end_matches(',');
    let workflow = r#",
    workflow: (
        roles: [
            (id: "chief", role: ChiefJudge, name: "裁判长"),
            (id: "clerk", role: Clerk, name: "录分员"),
            (id: "org", role: Organiser, name: "组委会"),
        ],
        recheck: (top: 10, percent: 15, margin: 1.5, threshold: 5),
    ),
)
"#;
    std::fs::write(dir.join("contest.ron"), format!("{body}{workflow}")).unwrap();
    run_ok(&["import", d, s(&dir.join("marks.csv")), "--as", "clerk"]);
    run_ok(&["lock", d, "--as", "chief"]);
    let drawn = run_ok(&["recheck", d, "--draw", "--as", "chief"]);
    let sample: std::collections::HashSet<String> = sample_of(&drawn).into_iter().collect();

    // The award lines worked out again from the scored results: prizes go
    // by region, so within each region, down its places, wherever the award
    // changes, the totals on both sides.
    let scored: serde_json::Value = serde_json::from_str(&run_ok(&["score", d, "--format", "json"])).unwrap();
    let entries = scored["entries"].as_array().unwrap();
    let mut regions: std::collections::BTreeMap<&str, Vec<&serde_json::Value>> = std::collections::BTreeMap::new();
    for entry in entries {
        regions
            .entry(entry["divisions"]["region"]["value"].as_str().unwrap())
            .or_default()
            .push(entry);
    }
    let mut lines = std::collections::BTreeSet::new();
    for members in regions.values_mut() {
        members.sort_by_key(|e| e["divisions"]["region"]["rank"].as_u64());
        for pair in members.windows(2) {
            if pair[0]["award"] != pair[1]["award"] {
                lines.extend(pair.iter().filter_map(|e| cents(&e["total"])));
            }
        }
    }
    assert!(lines.len() >= 6, "three tiers in each region: {lines:?}");
    let mut near = 0;
    for entry in entries {
        let (id, total) = (entry["entry"].as_str().unwrap(), cents(&entry["total"]).unwrap());
        if lines.iter().any(|line| (total - line).abs() <= 150) {
            near += 1;
            assert!(sample.contains(id), "{id} at {total} cents is within 1.5 of an award line");
        }
        if entry["rank"].as_u64().unwrap() <= 10 {
            assert!(sample.contains(id), "{id} places in the top 10");
        }
    }
    assert!(near > 100 && near < 9000, "a margin that tells: {near} near a line");
    // 15 % of the others, rounded up, drawn by lot.
    let drawn_by_lot = drawn.matches("：随机抽取").count();
    assert_eq!(drawn_by_lot, ((entries.len() - (sample.len() - drawn_by_lot)) * 15).div_ceil(100));
}

#[test]
fn in_a_contest_run_in_stages_the_entries_near_each_stages_cut_are_sampled() {
    let dir = temp_dir("recheck-stages");
    let d = s(&dir);
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("contests/three-rounds");
    for file in ["entries.csv", "marks.csv"] {
        std::fs::copy(source.join(file), dir.join(file)).unwrap();
    }
    let contest = std::fs::read_to_string(source.join("contest.ron")).unwrap();
    let body = contest.trim_end().strip_suffix(')').unwrap().trim_end().trim_end_matches(',');
    let workflow = r#",
    workflow: (
        roles: [
            (id: "chief", role: ChiefJudge, name: "裁判长"),
            (id: "clerk", role: Clerk, name: "录分员"),
            (id: "org", role: Organiser, name: "组委会"),
        ],
        recheck: (top: 1, percent: 0, margin: 0.5, threshold: 5),
    ),
)
"#;
    std::fs::write(dir.join("contest.ron"), format!("{body}{workflow}")).unwrap();
    run_ok(&["import", d, s(&dir.join("marks.csv")), "--as", "clerk"]);
    run_ok(&["lock", d, "--as", "chief"]);
    let drawn = run_ok(&["recheck", d, "--draw", "--as", "chief"]);
    // The preliminary sends 12 on: T12 (12th, 7.50) went on, T15 (13th, 7.46)
    // did not; T08 at 7.97 is within 0.5 of 7.50, T10 at 8.13 is not.
    for line in [
        "T12：在赛段 `round1` 的总分距晋级线 7.46 在规定分差内",
        "T15：在赛段 `round1` 的总分距晋级线 7.46 在规定分差内",
        "T08：在赛段 `round1` 的总分距晋级线 7.5 在规定分差内",
        // The semi-final sends 6 on: T13 (16.30) went on, T08 (16.27) did not.
        "T13：在赛段 `round2` 的总分距晋级线 16.27 在规定分差内",
        "T10：在赛段 `round2` 的总分距晋级线 16.27 在规定分差内",
    ] {
        assert!(drawn.contains(line), "{line}\n{drawn}");
    }
}
