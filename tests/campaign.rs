//! Levels: the bundled campaign (two enterprises → one town) run end to
//! end with `podium advance`, and advance's refusals, each leaving the
//! target's entries file as it was.

mod common;

use common::{assert_golden, podium, run_err, run_ok, s, stdout, temp_dir};
use std::path::{Path, PathBuf};

const EXAMPLE: &str = "contests/campaign-district";

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for item in std::fs::read_dir(from).unwrap() {
        let item = item.unwrap();
        let target = to.join(item.file_name());
        if item.file_type().unwrap().is_dir() {
            copy(&item.path(), &target);
        } else {
            std::fs::copy(item.path(), target).unwrap();
        }
    }
}

/// The bundled campaign, copied to a folder of the test's own.
fn campaign(name: &str) -> PathBuf {
    let dir = temp_dir(name).join("campaign");
    copy(&Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE), &dir);
    dir
}

fn path(dir: &Path, contest: &str) -> String {
    s(&dir.join(contest)).to_string()
}

/// Imports the contest's marks into its store and locks it, as the chief
/// judge does before the results go on.
fn lock(dir: &Path, contest: &str) {
    let contest = path(dir, contest);
    run_ok(&["import", &contest, &format!("{contest}/marks.csv"), "--by", "测试"]);
    run_ok(&["lock", &contest, "--by", "测试"]);
}

/// Another bundled contest copied into the campaign's folder, its marks
/// imported and locked: the source of an advance.
fn bundled_and_locked(dir: &Path, name: &str) -> String {
    copy(&Path::new(env!("CARGO_MANIFEST_DIR")).join("contests").join(name), &dir.join(name));
    lock(dir, name);
    path(dir, name)
}

fn advance(dir: &Path, source: &str, rule: &[&str]) -> String {
    let (source, town) = (path(dir, source), path(dir, "town"));
    let mut args = vec!["advance", &source, &town];
    args.extend(rule);
    run_ok(&args)
}

fn advance_err(dir: &Path, source: &str, rule: &[&str]) -> String {
    let (source, town) = (path(dir, source), path(dir, "town"));
    let mut args = vec!["advance", &source, &town];
    args.extend(rule);
    run_err(&args)
}

fn town_entries(dir: &Path) -> Vec<u8> {
    std::fs::read(dir.join("town/entries.csv")).unwrap()
}

/// The rows of the town's entries file after its header.
fn town_rows(dir: &Path) -> Vec<String> {
    let text = String::from_utf8(town_entries(dir)).unwrap();
    text.lines().skip(1).map(String::from).collect()
}

#[test]
fn the_bundled_campaign_runs_from_the_enterprises_to_the_town() {
    let dir = campaign("whole");
    let before = town_entries(&dir);
    lock(&dir, "enterprise-a");
    lock(&dir, "enterprise-b");
    let said = advance(&dir, "enterprise-a", &["--top", "3"]);
    assert!(said.contains("已把 4 名选手加入") && said.contains("A01、A02、A03、A05"), "{said}");
    advance(&dir, "enterprise-b", &["--top", "3"]);
    // The header is kept byte for byte (BOM, Chinese headers); the rows follow it.
    let after = town_entries(&dir);
    assert_eq!(after[..before.len()], before[..]);
    let town = path(&dir, "town");
    run_ok(&["import", &town, &format!("{town}/marks-to-import.csv"), "--by", "测试"]);
    assert_golden(Path::new("tests/golden/campaign-district.town.txt"), &run_ok(&["score", &town]));
    let board = run_ok(&["campaign", s(&dir)]);
    assert_golden(Path::new("tests/golden/campaign-district.board.txt"), &board);
    let json = run_ok(&["campaign", s(&dir), "--format", "json"]);
    assert_golden(Path::new("tests/golden/campaign-district.board.json"), &json);
    let csv = run_ok(&["campaign", s(&dir), "--format", "csv"]);
    assert_golden(Path::new("tests/golden/campaign-district.board.csv"), &csv);
}

#[test]
fn the_board_says_each_contests_state() {
    let dir = campaign("states");
    let open = run_ok(&["campaign", s(&dir)]);
    assert_eq!(open.matches("进行中").count(), 3, "{open}");
    let english = stdout(&common::podium_en(&["campaign", s(&dir)]));
    assert!(
        english.contains("[Town · Welder] 2026 Chengdong Town Welders' Skills Duel (town final) (folder town)"),
        "{english}"
    );
    assert!(english.contains("0 entries, open\n  No award winners yet"), "{english}");
    assert!(open.contains("0 名选手，进行中") && open.contains("尚无获奖选手"), "{open}");
    lock(&dir, "enterprise-a");
    run_ok(&["publish", &path(&dir, "enterprise-a"), "--by", "测试"]);
    lock(&dir, "enterprise-b");
    let board = run_ok(&["campaign", s(&dir)]);
    assert!(board.contains("8 名选手，已公布"), "{board}");
    assert!(board.contains("7 名选手，已锁定"), "{board}");
}

#[test]
fn advance_is_refused_while_the_source_is_not_locked() {
    let dir = campaign("open");
    let before = town_entries(&dir);
    let error = advance_err(&dir, "enterprise-a", &["--top", "3"]);
    assert!(error.contains("welder-2026-heavy-machinery 尚未锁定"), "{error}");
    assert!(error.contains("podium lock"), "{error}");
    // A lock of one criterion is not a lock of the contest.
    let a = path(&dir, "enterprise-a");
    run_ok(&["lock", &a, "--criterion", "theory.exam", "--by", "测试"]);
    advance_err(&dir, "enterprise-a", &["--top", "3"]);
    assert_eq!(town_entries(&dir), before);
}

#[test]
fn ties_at_the_cut_all_go_through() {
    // By hand: A03 and A05 have the same marks (exam 86; 8.0, 8.2, 8.1):
    // 86 × 0.3 + 8.1 / 10 × 70 = 25.8 + 56.7 = 82.50 each, third equal
    // behind A01 (89.20) and A02 (85.20); A07 is fifth with 76.60.
    let dir = campaign("ties");
    lock(&dir, "enterprise-a");
    advance(&dir, "enterprise-a", &["--top", "3"]);
    assert_eq!(
        town_rows(&dir),
        [
            "A01,王建明,重工机械厂,welder,welder-2026-heavy-machinery,1",
            "A02,李秀兰,重工机械厂,welder,welder-2026-heavy-machinery,2",
            "A03,张志强,重工机械厂,welder,welder-2026-heavy-machinery,3",
            "A05,陈伟,重工机械厂,welder,welder-2026-heavy-machinery,3",
        ]
    );
    // A cut above the tie takes only the places above it.
    let dir = campaign("above-the-tie");
    lock(&dir, "enterprise-a");
    advance(&dir, "enterprise-a", &["--top", "2"]);
    assert_eq!(town_rows(&dir).len(), 2);
}

#[test]
fn award_winners_go_on_and_a_disqualified_entry_never_does() {
    let dir = campaign("awards");
    lock(&dir, "enterprise-b");
    advance(&dir, "enterprise-b", &["--award", "first", "--award", "second"]);
    let rows = town_rows(&dir);
    let ids: Vec<&str> = rows.iter().map(|r| r.split(',').next().unwrap()).collect();
    assert_eq!(ids, ["B01", "B02"]);
    // A08 failed the theory exam (58 < 60): placed eighth of eight, and
    // disqualified, so even --top 8 leaves it behind.
    let dir = campaign("vetoed");
    lock(&dir, "enterprise-a");
    advance(&dir, "enterprise-a", &["--top", "8"]);
    let rows = town_rows(&dir);
    assert_eq!(rows.len(), 7);
    assert!(!rows.iter().any(|r| r.starts_with("A08,")));
    let error = advance_err(&dir, "enterprise-a", &["--award", "gold"]);
    assert!(error.contains("没有奖项等级 `gold`"), "{error}");
}

#[test]
fn a_second_run_adds_nothing() {
    let dir = campaign("again");
    lock(&dir, "enterprise-a");
    advance(&dir, "enterprise-a", &["--top", "3"]);
    let once = town_entries(&dir);
    let said = advance(&dir, "enterprise-a", &["--top", "3"]);
    assert!(said.contains("4 名选手此前已经晋级，没有重复加入"), "{said}");
    assert_eq!(town_entries(&dir), once);
}

#[test]
fn an_id_the_target_has_from_elsewhere_is_refused_with_both_origins() {
    let dir = campaign("clash");
    // The shipyard numbers its entries as the works does: its B01 becomes A01.
    for file in ["entries.csv", "marks.csv"] {
        let file = dir.join("enterprise-b").join(file);
        let text = std::fs::read_to_string(&file).unwrap().replace("B01,", "A01,");
        std::fs::write(file, text).unwrap();
    }
    lock(&dir, "enterprise-a");
    lock(&dir, "enterprise-b");
    advance(&dir, "enterprise-a", &["--top", "3"]);
    let before = town_entries(&dir);
    let error = advance_err(&dir, "enterprise-b", &["--top", "3"]);
    assert!(
        error
            .contains("编号 A01 已在目标比赛的名单中（来自 welder-2026-heavy-machinery 第 1 名），又作为 welder-2026-shipyard 第 1 名晋级"),
        "{error}"
    );
    assert!(error.contains("未写入任何内容"), "{error}");
    assert_eq!(town_entries(&dir), before);
    // An entry the town took in itself is an origin too.
    let dir = campaign("clash-own");
    let file = dir.join("town/entries.csv");
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str("A02,李秀兰,重工机械厂,welder,,\n");
    std::fs::write(&file, &text).unwrap();
    lock(&dir, "enterprise-a");
    let error = advance_err(&dir, "enterprise-a", &["--top", "3"]);
    assert!(error.contains("编号 A02 已在目标比赛的名单中（本级直接报名）"), "{error}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

#[test]
fn a_source_with_unscored_entries_is_refused() {
    let dir = campaign("unscored");
    let marks = dir.join("enterprise-b/marks.csv");
    let text = std::fs::read_to_string(&marks)
        .unwrap()
        .replace("B04,practical.workmanship,,J2,7.9\n", "");
    std::fs::write(&marks, text).unwrap();
    lock(&dir, "enterprise-b");
    let before = town_entries(&dir);
    let error = advance_err(&dir, "enterprise-b", &["--top", "3"]);
    assert!(error.contains("还有 1 名选手没有评出成绩（B04）"), "{error}");
    assert_eq!(town_entries(&dir), before);
}

#[test]
fn provenance_reads_back_in_explain_and_json() {
    let dir = campaign("provenance");
    lock(&dir, "enterprise-a");
    advance(&dir, "enterprise-a", &["--top", "3"]);
    let town = path(&dir, "town");
    let explained = run_ok(&["explain", &town, "A05"]);
    assert!(
        explained.contains("晋级自 welder-2026-heavy-machinery，原名次第 3 名"),
        "{explained}"
    );
    let json: serde_json::Value = serde_json::from_str(&run_ok(&["score", &town, "--format", "json"])).unwrap();
    let a05 = json["entries"].as_array().unwrap().iter().find(|e| e["entry"] == "A05").unwrap();
    assert_eq!(a05["from_contest"], "welder-2026-heavy-machinery");
    assert_eq!(a05["from_place"], "3");
    // Contests without provenance keep the JSON scripts know.
    let plain = run_ok(&["score", &path(&dir, "enterprise-a"), "--format", "json"]);
    assert!(!plain.contains("from_contest"));
}

#[test]
fn a_gb18030_entries_file_with_crlf_gains_rows_in_its_own_encoding() {
    let dir = campaign("gbk");
    let file = dir.join("town/entries.csv");
    let header = "编号,姓名,单位,工种,来源比赛,原名次\r\nT01,钱多多,镇农机站,welder,,\r\n";
    let (bytes, _, _) = encoding_rs::GB18030.encode(header);
    std::fs::write(&file, &bytes).unwrap();
    lock(&dir, "enterprise-b");
    advance(&dir, "enterprise-b", &["--top", "1"]);
    let after = std::fs::read(&file).unwrap();
    assert_eq!(after[..bytes.len()], bytes[..]);
    let (text, _, malformed) = encoding_rs::GB18030.decode(&after);
    assert!(!malformed);
    assert!(
        text.ends_with("T01,钱多多,镇农机站,welder,,\r\nB01,吴晓东,城东造船厂,welder,welder-2026-shipyard,1\r\n"),
        "{text}"
    );
}

#[test]
fn a_target_without_the_provenance_columns_gets_them_only_while_it_has_no_rows() {
    let dir = campaign("no-columns");
    let file = dir.join("town/entries.csv");
    let rows = "id,name,organisation,trade\nT01,钱多多,镇农机站,welder\n";
    std::fs::write(&file, rows).unwrap();
    lock(&dir, "enterprise-a");
    let error = advance_err(&dir, "enterprise-a", &["--top", "1"]);
    assert!(
        error.contains("没有 `from_contest` 列") && error.contains("`from_place`"),
        "{error}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), rows);
    // Only a header: it is written again with the two columns.
    std::fs::write(&file, "id,name,organisation,trade\n").unwrap();
    advance(&dir, "enterprise-a", &["--top", "1"]);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "id,name,organisation,trade,from_contest,from_place\nA01,王建明,重工机械厂,welder,welder-2026-heavy-machinery,1\n"
    );
    // No entries file at all: one is made (UTF-8 with a BOM, for Excel),
    // with the fields the town's contest reads.
    std::fs::remove_file(&file).unwrap();
    advance(&dir, "enterprise-a", &["--top", "1"]);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "\u{feff}id,name,organisation,trade,from_contest,from_place\nA01,王建明,重工机械厂,welder,welder-2026-heavy-machinery,1\n"
    );
}

#[test]
fn a_locked_target_takes_no_more_entries() {
    let dir = campaign("locked-target");
    lock(&dir, "enterprise-a");
    run_ok(&["lock", &path(&dir, "town"), "--by", "测试"]);
    let error = advance_err(&dir, "enterprise-a", &["--top", "3"]);
    assert!(error.contains("已锁定或已公布"), "{error}");
}

#[test]
fn campaign_ron_errors_are_positioned() {
    let dir = campaign("bad-ron");
    let file = dir.join("campaign.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text
        .replace(
            "folder: \"enterprise-b\", level: \"enterprise\"",
            "folder: \"enterprise-b\", level: \"enterprse\"",
        )
        .replace("folder: \"town\"", "folder: \"towm\"");
    std::fs::write(&file, &text).unwrap();
    let error = run_err(&["campaign", s(&dir)]);
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let level = format!("campaign.ron:{}:", line_of("enterprse"));
    assert!(error.contains(&level) && error.contains("没有编号为 `enterprse` 的级别"), "{error}");
    assert!(error.contains("`enterprise`"), "the suggestion: {error}");
    let folder = format!("campaign.ron:{}:", line_of("towm"));
    assert!(error.contains(&folder) && error.contains("文件夹 `towm` 不是竞赛文件夹"), "{error}");
    // A contest folder copied and its id left as it was.
    let fixed = text.replace("enterprse", "enterprise").replace("towm", "town");
    std::fs::write(&file, &fixed).unwrap();
    let b = dir.join("enterprise-b/contest.ron");
    let contest = std::fs::read_to_string(&b)
        .unwrap()
        .replace("welder-2026-shipyard", "welder-2026-heavy-machinery");
    std::fs::write(&b, contest).unwrap();
    let error = run_err(&["campaign", s(&dir)]);
    assert!(
        error.contains("文件夹 `enterprise-b` 中比赛的编号 `welder-2026-heavy-machinery` 与文件夹 `enterprise-a` 中的相同"),
        "{error}"
    );
    assert!(
        error.contains(&format!("campaign.ron:{}:", line_of("folder: \"enterprise-b\""))),
        "{error}"
    );
    // A RON mistake is positioned as contest.ron's are.
    std::fs::write(&file, text.replace("levels:", "levls:")).unwrap();
    let error = run_err(&["campaign", s(&dir)]);
    assert!(error.contains(&format!("campaign.ron:{}:", line_of("levels:"))), "{error}");
}

#[test]
fn advance_needs_a_rule() {
    let out = podium(&["advance", "a", "b"]);
    assert!(!out.status.success());
    assert!(stdout(&out).is_empty());
}

#[test]
fn the_bundled_contests_pass_check_and_init_makes_the_campaign() {
    for contest in ["enterprise-a", "enterprise-b", "town"] {
        let said = run_ok(&["check", &format!("{EXAMPLE}/{contest}")]);
        assert!(said.starts_with("检查通过："), "{contest}: {said}");
    }
    let dir = temp_dir("init").join("区焊工比武");
    let said = run_ok(&["init", s(&dir), "--template", "campaign-district"]);
    assert!(said.contains("建立比赛活动"), "{said}");
    let board = run_ok(&["campaign", s(&dir)]);
    assert!(board.starts_with("2026年城东镇焊工技能比武（企业—镇街）\n"), "{board}");
    assert_eq!(board.matches("进行中").count(), 3, "{board}");
    let listed = run_ok(&["init", "--list"]);
    assert!(listed.contains("campaign-district  两级焊工比武"), "{listed}");
}

#[test]
fn a_source_whose_marks_are_not_all_in_is_refused_even_when_every_entry_has_a_total() {
    let dir = campaign("incomplete");
    // The others' mean stands in for a missing judge: B04 has a total, but
    // the places may change when the mark comes in.
    let contest = dir.join("enterprise-b/contest.ron");
    let text = std::fs::read_to_string(&contest)
        .unwrap()
        .replace("missing: Refuse", "missing: SubstituteMean");
    std::fs::write(&contest, text).unwrap();
    let marks = dir.join("enterprise-b/marks.csv");
    let text = std::fs::read_to_string(&marks)
        .unwrap()
        .replace("B04,practical.workmanship,,J2,7.9\n", "");
    std::fs::write(&marks, text).unwrap();
    lock(&dir, "enterprise-b");
    let error = advance_err(&dir, "enterprise-b", &["--top", "3"]);
    assert!(
        error.contains("welder-2026-shipyard 的评分尚未完成") && error.contains("podium status"),
        "{error}"
    );
    assert_eq!(town_rows(&dir).len(), 0);
}

#[test]
fn the_worked_example_of_the_docs_runs_as_shown() {
    for doc in ["docs/contest-format.md", "docs/contest-format.zh.md"] {
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(doc)).unwrap();
        let blocks: Vec<&str> = text.split("```").skip(1).step_by(2).collect();
        let commands = blocks
            .iter()
            .find(|b| b.contains("podium advance enterprise-a"))
            .expect("the worked example");
        let shown = blocks.iter().find(|b| b.starts_with("text\n【镇街")).expect("the board it shows");
        let root = temp_dir("worked-example");
        let mut folder = root.clone();
        let mut last = String::new();
        for line in commands.lines().filter(|l| !l.trim().is_empty()) {
            let words: Vec<&str> = line.split_whitespace().collect();
            if words[0] == "cd" {
                folder = folder.join(words[1]);
                continue;
            }
            let out = common::podium_command().args(&words[1..]).current_dir(&folder).output().unwrap();
            assert!(out.status.success(), "{doc}: `{line}` failed: {}", common::stderr(&out));
            last = stdout(&out);
        }
        for line in shown.lines().skip(1) {
            assert!(last.contains(line), "{doc}: the board does not show\n{line}\nbut\n{last}");
        }
    }
}

#[test]
fn the_board_hides_the_winners_of_a_blind_contest_until_it_is_published() {
    let dir = campaign("blind");
    lock(&dir, "enterprise-a");
    lock(&dir, "enterprise-b");
    advance(&dir, "enterprise-a", &["--top", "3"]);
    advance(&dir, "enterprise-b", &["--top", "3"]);
    let town = path(&dir, "town");
    // The marks come in first: with blind judging they would name codes.
    run_ok(&["import", &town, &format!("{town}/marks-to-import.csv"), "--by", "测试"]);
    let contest = dir.join("town/contest.ron");
    let text = std::fs::read_to_string(&contest)
        .unwrap()
        .replace("    judging:", "    marking: (blind: true),\n    judging:");
    std::fs::write(&contest, text).unwrap();
    run_ok(&["codes", &town, "--by", "测试"]);
    let board = run_ok(&["campaign", s(&dir)]);
    let town_part = &board[board.find("【镇街").unwrap()..];
    assert!(!town_part.contains("王建明") && !town_part.contains("来自"), "{town_part}");
    run_ok(&["lock", &town, "--by", "测试"]);
    run_ok(&["publish", &town, "--by", "测试"]);
    let board = run_ok(&["campaign", s(&dir)]);
    assert!(
        board.contains("二等奖  2  A01  王建明  重工机械厂  来自2026年重工机械厂焊工技能比武（企业）第 1 名"),
        "{board}"
    );
}

#[test]
fn a_division_of_the_source_goes_on_by_its_places_within_it() {
    // The bundled skills duel has electricians and welders in one contest;
    // its welders' places (tests/golden/skills-duel.txt): W11 first overall,
    // W06 third, W08 seventh — first, second and third among the welders.
    let dir = campaign("division");
    let duel = bundled_and_locked(&dir, "skills-duel");
    run_ok(&["advance", &duel, &path(&dir, "town"), "--top", "3", "--division", "welder"]);
    assert_eq!(
        town_rows(&dir),
        [
            "W11,潘静艳,重工集团,welder,skills-duel-2026,1",
            "W06,周娟平,造船厂,welder,skills-duel-2026,2",
            "W08,袁杰杰,锅炉厂,welder,skills-duel-2026,3",
        ]
    );
    let error = run_err(&["advance", &duel, &path(&dir, "town"), "--top", "3", "--division", "welders"]);
    assert!(error.contains("welders") && error.contains("welder"), "{error}");
}

#[test]
fn a_contest_run_in_stages_sends_on_by_its_final_classification() {
    // The bundled district duel (tests/golden/district-duel.txt): C28, C20
    // and C27 are first to third of the practical final.
    let dir = campaign("stages");
    let duel = bundled_and_locked(&dir, "district-duel");
    run_ok(&["advance", &duel, &path(&dir, "town"), "--top", "3"]);
    let ids: Vec<String> = town_rows(&dir).iter().map(|r| r.split(',').next().unwrap().to_string()).collect();
    assert_eq!(ids, ["C28", "C20", "C27"]);
}
