//! The results workflow of `contests/district-workflow`: roles, two layers
//! of codes, sheets confirmed, results signed and decoded, appeals, the
//! public notice and publication, run through the command line as the
//! event would, with every refused step's message (in Chinese).

mod common;
use common::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A copy of the example, its notice and appeal times as given (the
/// example's own are days and hours).
fn example(name: &str, notice: &str, appeals: &str) -> PathBuf {
    let dir = temp_dir(name);
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("contests/district-workflow");
    for file in ["contest.ron", "entries.csv", "marks.csv", "judged.csv"] {
        std::fs::copy(source.join(file), dir.join(file)).unwrap();
    }
    let path = dir.join("contest.ron");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("notice: (length: \"5d\")", &format!("notice: (length: \"{notice}\")"))
        .replace("appeals: (within: \"2h\")", &format!("appeals: (within: \"{appeals}\")"));
    std::fs::write(&path, text).unwrap();
    dir
}

/// The codes a `podium codes` list gives: first column → second.
fn code_list(text: &str) -> HashMap<String, String> {
    text.lines()
        .skip(1)
        .map(|line| {
            let mut cells = line.split(',');
            (cells.next().unwrap().to_string(), cells.next().unwrap().to_string())
        })
        .collect()
}

/// A marks file with each row's entry written another way (`key`), and
/// the rows whose entry `key` leaves out dropped; the header kept.
fn rekeyed(text: &str, key: impl Fn(&str) -> Option<String>) -> String {
    let mut lines = vec![text.lines().next().unwrap().to_string()];
    for line in text.lines().skip(1) {
        let (entry, rest) = line.split_once(',').unwrap();
        if let Some(key) = key(entry) {
            lines.push(format!("{key},{rest}"));
        }
    }
    lines.join("\n") + "\n"
}

/// Gives both layers of codes, and writes the judges' sheets as they come
/// back from the judging room: keyed by work-piece code. Returns (piece
/// code of each entry, entry code of each entry).
fn coded(dir: &Path) -> (HashMap<String, String>, HashMap<String, String>) {
    let d = s(dir);
    let entry_codes: HashMap<String, String> = code_list(&run_ok(&["codes", d, "--as", "enc"]))
        .into_iter()
        .map(|(code, entry)| (entry, code))
        .collect();
    let pieces_to_codes = code_list(&run_ok(&["codes", d, "--as", "enc", "--layer", "2"]));
    let code_to_piece: HashMap<&String, &String> = pieces_to_codes.iter().map(|(piece, code)| (code, piece)).collect();
    let pieces: HashMap<String, String> = entry_codes
        .iter()
        .map(|(entry, code)| (entry.clone(), code_to_piece[code].clone()))
        .collect();
    let judged = std::fs::read_to_string(dir.join("judged.csv")).unwrap();
    std::fs::write(dir.join("sheets.csv"), rekeyed(&judged, |entry| Some(pieces[entry].clone()))).unwrap();
    (pieces, entry_codes)
}

/// The re-check drawn by the chief judge and its sample typed again from
/// the judges' own sheets (`judged.csv`, by work-piece code): what the
/// comparison says.
fn rechecked(dir: &Path, pieces: &HashMap<String, String>) -> String {
    let d = s(dir);
    let drawn = run_ok(&["recheck", d, "--draw", "--as", "chief"]);
    // One line per sampled entry, by its code: `CODE：why`.
    let sample: Vec<&str> = drawn.lines().skip(1).map(|line| line.split('：').next().unwrap()).collect();
    let judged = std::fs::read_to_string(dir.join("judged.csv")).unwrap();
    let in_sample = |entry: &str| sample.contains(&pieces[entry].as_str()).then(|| pieces[entry].clone());
    std::fs::write(dir.join("recheck.csv"), rekeyed(&judged, in_sample)).unwrap();
    run_ok(&["recheck", d, "--enter", s(&dir.join("recheck.csv")), "--as", "chief"])
}

/// Marks in, marking over, every sheet confirmed.
fn marked_and_locked(dir: &Path) {
    let d = s(dir);
    run_ok(&["import", d, s(&dir.join("sheets.csv")), "--as", "clerk"]);
    run_ok(&["lock", d, "--as", "chief"]);
    for judge in ["J1", "J2", "J3"] {
        run_ok(&["sign", d, "--sheet", judge, "--as", "chief"]);
    }
}

fn signed(dir: &Path) {
    run_ok(&["sign", s(dir), "--as", "chief"]);
    run_ok(&["sign", s(dir), "--as", "sup"]);
}

fn decoded(dir: &Path) {
    for role in ["enc", "sup", "enc", "sup"] {
        run_ok(&["decode", s(dir), "--as", role]);
    }
}

/// The first row of the leaderboard's entry column: what the board shows
/// an entry by.
fn first_shown(dir: &Path) -> String {
    let csv = run_ok(&["score", s(dir), "--format", "csv", "--headers", "ids"]);
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let column = header.iter().position(|h| *h == "entry").unwrap();
    csv.lines().nth(1).unwrap().split(',').nth(column).unwrap().to_string()
}

#[test]
fn the_example_runs_from_the_draw_to_final_results_with_a_recheck_error_and_an_appeal_upheld_and_one_dismissed() {
    let dir = example("workflow-run", "3s", "2h");
    let d = s(&dir);
    // Lots for stations and heats: the commitment first, then the draw, checked.
    run_ok(&["draw", d, "--for", "stations", "--commit", "--as", "chief"]);
    run_ok(&["draw", d, "--for", "stations", "--as", "chief"]);
    assert!(run_ok(&["draw", d, "--verify"]).contains("抽签核验通过"));
    let (pieces, _) = coded(&dir);
    // The clerk mistypes W01's weld mark from J1's sheet: 8.6 entered as 9.6.
    let sheets = std::fs::read_to_string(dir.join("sheets.csv")).unwrap();
    let mistyped = format!("{},practical.weld,,J1,8.6", pieces["W01"]);
    assert!(sheets.contains(&mistyped));
    std::fs::write(
        dir.join("sheets.csv"),
        sheets.replace(&mistyped, &format!("{},practical.weld,,J1,9.6", pieces["W01"])),
    )
    .unwrap();
    marked_and_locked(&dir);
    assert!(run_err(&["sign", d, "--as", "chief"]).contains("还没有复核：先抽取复核样本"));
    // The re-check finds it: W01 places in the top 3, all of whom are re-checked.
    let found = rechecked(&dir, &pieces);
    assert!(
        found.contains("发现 1 处不一致") && found.contains(&format!("选手 {} practical.weld 裁判 J1：录入 9.6，复核 8.6", pieces["W01"])),
        "{found}"
    );
    // One entry in error out of the sample passes the 5 % the example declares: everyone is re-checked.
    assert!(found.contains("差错率超过 5%：复核扩大到全部选手"), "{found}");
    assert!(run_err(&["sign", d, "--as", "chief"]).contains("复核尚未完成：还有"));
    let status = run_ok(&["recheck", d]);
    let rest: Vec<String> = status
        .lines()
        .filter(|l| l.contains("扩大为全部复核") && l.trim_start().starts_with('…'))
        .map(|l| {
            l.trim_start()
                .trim_start_matches('…')
                .trim()
                .split('：')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(!rest.is_empty(), "{status}");
    let judged = std::fs::read_to_string(dir.join("judged.csv")).unwrap();
    let in_rest = |entry: &str| rest.contains(&pieces[entry]).then(|| pieces[entry].clone());
    std::fs::write(dir.join("recheck-rest.csv"), rekeyed(&judged, in_rest)).unwrap();
    let all = run_ok(&["recheck", d, "--enter", s(&dir.join("recheck-rest.csv")), "--as", "chief"]);
    assert!(all.contains("已复核 10 名，其中 1 名有差错，差错率 10%；尚待复核 0 名"), "{all}");
    assert!(run_err(&["sign", d, "--as", "chief"]).contains("复核发现的差错尚未更正"));
    let other = podium(&[
        "mark",
        d,
        "--as",
        "chief",
        "--recheck",
        "--judge",
        "J2",
        "--entry",
        &pieces["W01"],
        "--criterion",
        "practical.weld",
        "--reason",
        "x",
        "9",
    ]);
    assert!(stderr(&other).contains("复核没有发现"), "{}", stderr(&other));
    let fixed = podium(&[
        "mark",
        d,
        "--as",
        "chief",
        "--recheck",
        "--judge",
        "J1",
        "--entry",
        &pieces["W01"],
        "--criterion",
        "practical.weld",
        "--reason",
        "复核更正",
        "8.6",
    ]);
    assert!(fixed.status.success(), "{}", stderr(&fixed));
    assert!(run_ok(&["recheck", d]).contains("已解决"));
    run_ok(&["sign", d, "--sheet", "J1", "--as", "chief"]);
    // Until decoded, the board shows work-piece codes: W06 is first.
    assert_eq!(first_shown(&dir), pieces["W06"]);

    // Two appeals, filed by the clerk for the team leaders, by piece code.
    let filed = run_ok(&[
        "appeal",
        d,
        "--as",
        "clerk",
        "--entry",
        &pieces["W04"],
        "--from",
        "刘洋所在厂领队",
        "--what",
        "操作规范 J2 的评分抄录有误",
    ]);
    assert!(filed.contains("已受理：录分员 钱芳 (clerk) 登记申诉 A1"), "{filed}");
    run_ok(&[
        "appeal",
        d,
        "--as",
        "clerk",
        "--entry",
        &pieces["W07"],
        "--from",
        "管道安装公司领队",
        "--what",
        "要求复查焊缝评分",
    ]);
    let refused = run_err(&["sign", d, "--as", "chief"]);
    assert!(refused.contains("申诉或异议 A1, A2 尚未裁决"), "{refused}");
    // A ruling needs its reason, and is final.
    assert!(run_err(&["appeal", d, "--as", "arb", "--rule", "A1", "--upheld"]).contains("仲裁裁决须写明理由"));
    let upheld = run_ok(&[
        "appeal",
        d,
        "--as",
        "arb",
        "--rule",
        "A1",
        "--upheld",
        "--reason",
        "原始评分表为 8.3，录入为 8.0",
    ]);
    assert!(upheld.contains("裁决申诉 A1 成立"), "{upheld}");
    run_ok(&[
        "appeal",
        d,
        "--as",
        "arb",
        "--rule",
        "A2",
        "--dismissed",
        "--reason",
        "评分表与录入一致",
    ]);
    assert!(run_err(&["appeal", d, "--as", "arb", "--rule", "A2", "--upheld", "--reason", "再议"]).contains("仲裁组的裁决为最终裁决"));

    // The upheld appeal's correction goes through the lock; the dismissed one's may not.
    let piece4 = &pieces["W04"];
    let correct = |appeal: &str, entry: &str| {
        podium(&[
            "mark",
            d,
            "--as",
            "chief",
            "--appeal",
            appeal,
            "--judge",
            "J2",
            "--entry",
            entry,
            "--criterion",
            "practical.process",
            "--reason",
            "依仲裁裁决更正",
            "8.3",
        ])
    };
    let dismissed = correct("A2", &pieces["W07"]);
    assert!(!dismissed.status.success());
    assert!(
        stderr(&dismissed).contains("申诉 `A2` 已被驳回，不能据此更正分数"),
        "{}",
        stderr(&dismissed)
    );
    let other = correct("A1", &pieces["W07"]);
    assert!(stderr(&other).contains("不能据此更正其他选手的分数"), "{}", stderr(&other));
    let done = correct("A1", piece4);
    assert!(done.status.success(), "{}", stderr(&done));
    // The corrected sheet is confirmed again before the results are signed.
    assert!(run_err(&["sign", d, "--as", "chief"]).contains("以下裁判的评分表尚未按现有评分由裁判长确认：J2"));
    run_ok(&["sign", d, "--sheet", "J2", "--as", "chief"]);
    signed(&dir);
    // The sign-off sheet to print: by work-piece code, the digest signed, the audit head, both signatures.
    let sheet = dir.join("signoff.html");
    run_ok(&["sign", d, "--print", s(&sheet)]);
    let html = std::fs::read_to_string(&sheet).unwrap();
    let head = run_ok(&["audit", "verify", d]);
    let head_hash = head.split_whitespace().last().unwrap();
    for text in [
        "成绩签字确认表",
        "按加密号列出，未解密",
        pieces["W06"].as_str(),
        "评分摘要（SHA-256）",
        head_hash,
        "裁判长签字：",
        "（已记录：赵强 (sup)，",
    ] {
        assert!(html.contains(text), "the sign-off sheet lacks {text:?}");
    }
    assert!(!html.contains("杨帆"), "no name before decoding");
    decoded(&dir);
    assert_eq!(first_shown(&dir), "W06");

    let poster = dir.join("notice.html");
    assert!(run_err(&["notice", d, "--print", s(&poster)]).contains("不在公示期"));
    let notice = run_ok(&["notice", d, "--as", "org"]);
    assert!(notice.contains("开始公示") && notice.contains("成绩现在：公示中"), "{notice}");
    run_ok(&["notice", d, "--print", s(&poster)]);
    let posted = std::fs::read_to_string(&poster).unwrap();
    assert!(
        posted.contains("成绩公示") && posted.contains("公示期至") && posted.contains("杨帆"),
        "the notice names the entries"
    );
    let early = run_err(&["publish", d, "--as", "org"]);
    assert!(
        early.contains("成绩正在公示") && early.contains("公示期满后才能公布最终成绩"),
        "{early}"
    );
    std::thread::sleep(std::time::Duration::from_secs(4));
    let published = run_ok(&["publish", d, "--as", "org"]);
    assert!(published.contains("已公布"), "{published}");
    let status = run_ok(&["status", d]);
    assert!(status.contains("成绩确认流程：最终成绩已公布"), "{status}");

    // The audit trail reads every step back in Chinese.
    let log = run_ok(&["audit", "log", d]);
    for line in [
        "由 周建国 (chief)（podium lock）：锁定整个竞赛",
        "（podium sign）：确认裁判 J1 的评分表（评分摘要 ",
        "由 录分员 钱芳 (clerk)（podium appeal）：受理申诉 A1：",
        "由 仲裁组（组长 孙立） (arb)（podium appeal）：仲裁裁决：A1 成立，理由：原始评分表为 8.3，录入为 8.0",
        "仲裁裁决：A2 不成立，驳回，理由：评分表与录入一致",
        "：[A1] 依仲裁裁决更正）",
        "由 周建国 (chief)（podium sign）：裁判长签字确认成绩（评分摘要 ",
        "由 赵强 (sup)（podium sign）：监督签字（评分摘要 ",
        "由 李敏 (enc)（podium decode）：解密第 2 层",
        "由 赵强 (sup)（podium decode）：监督确认第 1 层解密",
        "由 区总工会竞赛组委会 (org)（podium notice）：开始公示，至 ",
        "（podium publish）：公布整个竞赛",
    ] {
        assert!(log.contains(line), "the audit log lacks {line:?}:\n{log}");
    }
    assert!(run_ok(&["audit", "verify", d]).contains("完好"));

    // The report keeps the record: the rule of each step, who signed what when, the appeals and rulings.
    let report = dir.join("report.html");
    run_ok(&["report", d, "-o", s(&report)]);
    let html = std::fs::read_to_string(&report).unwrap();
    for text in [
        "成绩确认记录",
        "裁判长按加密号签字确认成绩，监督随后签字",
        "评分表：3 / 3 份已由裁判长确认",
        "裁判长签字确认成绩（评分摘要 ",
        "受理申诉 A1：选手 ",
        "仲裁裁决：A1 成立，理由：原始评分表为 8.3，录入为 8.0",
        "仲裁裁决：A2 不成立，驳回",
        "周建国 (chief)",
        "抽签（工位与场次）公布承诺值 ",
        "抽签（工位与场次）揭晓种子 ",
        "抽取复核样本 ",
        "复核：待复核 0 名，待更正 0 处，差错率 10%",
        "差错率超过规定，复核扩大到全部选手",
    ] {
        assert!(html.contains(text), "the report lacks {text:?}");
    }
}

#[test]
fn names_show_layer_by_layer_and_a_decoding_waits_for_the_supervisor() {
    let dir = example("workflow-decode", "5d", "2h");
    let d = s(&dir);
    let (pieces, entry_codes) = coded(&dir);
    marked_and_locked(&dir);
    assert!(rechecked(&dir, &pieces).contains("发现 0 处不一致"));
    let refused = run_err(&["decode", d, "--as", "enc"]);
    assert!(refused.contains("须经裁判长和监督签字确认后才能解密"), "{refused}");
    let report = run_err(&["report", d, "-o", s(&dir.join("report.html"))]);
    assert!(report.contains("成绩报告列出选手姓名，须在解密"), "{report}");
    signed(&dir);
    // explain too knows the entry only by its code until it is decoded.
    let explained = run_ok(&["explain", d, &pieces["W06"]]);
    assert!(
        explained.starts_with(&format!("{}\n", pieces["W06"])) && !explained.contains("杨帆"),
        "{explained}"
    );
    assert!(run_err(&["explain", d, "W06"]).contains("请写选手的加密号，而不是编号"));
    run_ok(&["decode", d, "--as", "enc"]);
    // Decoded by the encryption judge alone: nothing shows, the next layer waits.
    assert_eq!(first_shown(&dir), pieces["W06"]);
    let waiting = run_err(&["decode", d, "--as", "enc"]);
    assert!(waiting.contains("第 2 层的解密尚待监督确认"), "{waiting}");
    run_ok(&["decode", d, "--as", "sup"]);
    assert_eq!(first_shown(&dir), entry_codes["W06"]);
    run_ok(&["decode", d, "--as", "enc"]);
    assert_eq!(first_shown(&dir), entry_codes["W06"]);
    run_ok(&["decode", d, "--as", "sup"]);
    assert_eq!(first_shown(&dir), "W06");
    assert!(run_ok(&["explain", d, "W06"]).starts_with("W06 杨帆 (船舶修造公司)"));
    assert!(run_err(&["decode", d, "--as", "enc"]).contains("各层加密都已解密"));
    assert!(run_err(&["decode", d, "--as", "sup"]).contains("没有待确认的解密"));
}

#[test]
fn each_step_refused_out_of_turn_says_why() {
    let dir = example("workflow-refusals", "5d", "2h");
    let d = s(&dir);
    let (pieces, _) = coded(&dir);
    let by_supervisor = run_err(&[
        "mark",
        d,
        "--as",
        "sup",
        "--judge",
        "J1",
        "--entry",
        &pieces["W01"],
        "--criterion",
        "practical.weld",
        "8",
    ]);
    assert!(by_supervisor.contains("角色 `sup`（监督）不能“录入评分”"), "{by_supervisor}");
    // Roles: none given, one not declared, one that may not.
    assert!(run_err(&["import", d, s(&dir.join("sheets.csv"))]).contains("“录入评分”要写明以哪个角色操作：`--as chief`, `--as clerk`"));
    assert!(
        run_err(&["import", d, s(&dir.join("sheets.csv")), "--as", "clerc"]).contains("没有编号为 `clerc` 的角色。您是不是要写 `clerk`？")
    );
    let by_supervisor = run_err(&["import", d, s(&dir.join("sheets.csv")), "--as", "sup"]);
    assert!(
        by_supervisor.contains("角色 `sup`（监督）不能“录入评分”；可以做这一步的是：周建国 (chief), 录分员 钱芳 (clerk)"),
        "{by_supervisor}"
    );
    assert!(run_err(&["lock", d, "--as", "clerk"]).contains("角色 `clerk`（录分员）不能“锁定、解锁评分”"));
    assert!(run_err(&["publish", d, "--as", "chief"]).contains("不能“公布最终成绩”"));
    run_ok(&["import", d, s(&dir.join("sheets.csv")), "--as", "clerk"]);
    // Signing before marking is over; before every sheet is confirmed; the supervisor before the chief judge.
    assert!(run_err(&["sign", d, "--as", "chief"]).contains("评分尚未结束：先锁定整场比赛"));
    run_ok(&["lock", d, "--as", "chief"]);
    assert!(run_err(&["sign", d, "--as", "chief"]).contains("以下裁判的评分表尚未按现有评分由裁判长确认：J1, J2, J3"));
    assert!(run_err(&["sign", d, "--sheet", "J1", "--as", "sup"]).contains("不能“确认评分表”"));
    assert!(run_err(&["sign", d, "--sheet", "J9", "--as", "chief"]).contains("裁判 `J9` 还没有任何评分"));
    for judge in ["J1", "J2", "J3"] {
        run_ok(&["sign", d, "--sheet", judge, "--as", "chief"]);
    }
    assert!(run_err(&["sign", d, "--sheet", "J1", "--as", "chief"]).contains("已按现有评分确认过"));
    assert!(run_err(&["sign", d, "--as", "sup"]).contains("裁判长尚未按现有评分签字确认成绩"));
    // The re-check: before marking was over it was refused; drawn once; its file holds only the sample.
    let drawn = run_ok(&["recheck", d, "--draw", "--as", "chief"]);
    assert!(drawn.contains("已抽取复核样本"), "{drawn}");
    assert!(run_err(&["recheck", d, "--draw", "--as", "chief"]).contains("复核样本已抽取"));
    assert!(run_err(&["recheck", d, "--draw", "--as", "clerk"]).contains("不能“复核”"));
    let outside = run_err(&["recheck", d, "--enter", s(&dir.join("sheets.csv")), "--as", "chief"]);
    assert!(
        outside.contains("不在复核样本中") && outside.contains("整份文件未记录"),
        "{outside}"
    );
    assert!(run_err(&["sign", d, "--as", "chief"]).contains("复核尚未完成：还有"));
    // The sample entered again from the judges' sheets, identical: nothing to correct.
    let sample: Vec<&str> = drawn.lines().skip(1).map(|line| line.split('：').next().unwrap()).collect();
    let sheets = std::fs::read_to_string(dir.join("sheets.csv")).unwrap();
    std::fs::write(
        dir.join("again.csv"),
        rekeyed(&sheets, |code| sample.contains(&code).then(|| code.to_string())),
    )
    .unwrap();
    assert!(run_ok(&["recheck", d, "--enter", s(&dir.join("again.csv")), "--as", "chief"]).contains("差错率 0%"));
    // Notice and publication before their turn.
    assert!(run_err(&["notice", d, "--as", "org"]).contains("须“已解密”后才能公示"));
    assert!(run_err(&["publish", d, "--as", "org"]).contains("须经公示（`podium notice`）、公示期满后才能公布最终成绩"));
    signed(&dir);
    assert!(run_err(&["sign", d, "--as", "chief"]).contains("成绩已按现有评分签字"));
    decoded(&dir);
    run_ok(&["notice", d, "--as", "org"]);
    assert!(run_err(&["notice", d, "--as", "org"]).contains("成绩正在公示，至 "));
    // During the notice an appeal is an objection; publishing waits for the notice to end.
    let objection = run_ok(&[
        "appeal",
        d,
        "--as",
        "clerk",
        "--entry",
        "W03",
        "--from",
        "重型机械厂",
        "--what",
        "名次有异议",
    ]);
    assert!(objection.contains("登记申诉 O1"), "{objection}");
    assert!(run_err(&["publish", d, "--as", "org"]).contains("公示期满后才能公布最终成绩"));
    // Flags that do not make one request.
    assert!(run_err(&["appeal", d, "--as", "arb", "--rule", "O1"]).contains("`--upheld`（成立）或 `--dismissed`（驳回）之一"));
    assert!(run_err(&["appeal", d, "--as", "clerk", "--entry", "W03"]).contains("须同时写 `--entry`"));
    assert!(run_err(&["appeal", d, "--as", "clerk", "--entry", "W99", "--from", "x", "--what", "y"]).contains("没有选手 `W99`"));
    let escape = run_err(&[
        "appeal",
        d,
        "--as",
        "clerk",
        "--entry",
        "W03",
        "--from",
        "x",
        "--what",
        "\u{1b}[2J清屏",
    ]);
    assert!(escape.contains("--what") && escape.contains("U+001B"), "{escape}");
    assert!(run_err(&["appeal", d, "--as", "arb", "--rule", "O9", "--upheld", "--reason", "x"]).contains("没有编号为 `O9` 的申诉或异议"));
}

#[test]
fn an_appeal_after_its_deadline_is_refused() {
    let dir = example("workflow-late", "5d", "1s");
    let d = s(&dir);
    let (pieces, _) = coded(&dir);
    marked_and_locked(&dir);
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let late = run_err(&[
        "appeal",
        d,
        "--as",
        "clerk",
        "--entry",
        &pieces["W01"],
        "--from",
        "领队",
        "--what",
        "计时有误",
    ]);
    assert!(late.contains("申诉时限已于") && late.contains("截止，不再受理"), "{late}");
    let list = run_ok(&["appeal", d, "--list"]);
    assert!(list.contains("申诉截止时间：") && list.contains("没有申诉或异议"), "{list}");
}

#[test]
fn a_contest_without_a_workflow_takes_no_roles_and_publishes_as_before() {
    let dir = temp_dir("workflow-none");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("contests/construction");
    for file in ["contest.ron", "entries.csv", "marks.csv"] {
        std::fs::copy(source.join(file), dir.join(file)).unwrap();
    }
    let d = s(&dir);
    run_ok(&["import", d, s(&dir.join("marks.csv"))]);
    assert!(run_err(&["lock", d, "--as", "chief"]).contains("没有写流程角色（`workflow.roles`），不用写 `--as chief`"));
    assert!(run_err(&["sign", d]).contains("没有写成绩确认流程（`workflow`）"));
    run_ok(&["lock", d]);
    assert!(run_ok(&["publish", d]).contains("已公布"));
}

mod over_http {
    //! The same workflow through the role links `podium serve` prints.
    use super::common::serve::{form_token, get, post, post_with};
    use super::common::*;
    use super::*;
    use std::io::{BufRead, BufReader};
    use std::process::{Child, Stdio};

    struct Served {
        child: Child,
        desk: String,
        roles: HashMap<String, String>,
    }

    impl Drop for Served {
        fn drop(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    /// The server in Chinese, and its links: the desk's and each role's.
    fn serve(dir: &Path) -> Served {
        let mut child = podium_command()
            .args(["serve", s(dir), "--bind", "127.0.0.1:0", "--lang", "zh"])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let (mut desk, mut roles) = (String::new(), HashMap::new());
        while roles.len() < 6 {
            let line = lines.next().expect("the server prints its links").unwrap();
            let url = line[line.find("http://").expect("each line ends with its address")..].to_string();
            if let Some((_, role)) = url.split_once("/r/") {
                roles.insert(role.split('/').next().unwrap().to_string(), url);
            } else if url.contains("/desk/") {
                desk = url;
            }
        }
        std::thread::spawn(move || lines.for_each(drop));
        Served { child, desk, roles }
    }

    /// Takes a step on a role's page: (ok, what the page says).
    fn step(served: &Served, role: &str, fields: &[(&str, &str)]) -> (bool, String) {
        let link = &served.roles[role];
        let (status, page) = get(link);
        assert_eq!(status, 200, "{page}");
        let form = form_token(&page);
        let mut fields = fields.to_vec();
        fields.push(("form", &form));
        let (status, body) = post(&format!("{link}/step"), &fields);
        assert_eq!(status, 200, "{body}");
        let answer: serde_json::Value = serde_json::from_str(&body).unwrap();
        (answer["ok"].as_bool().unwrap(), answer["message"].as_str().unwrap().to_string())
    }

    #[test]
    fn each_role_takes_its_steps_on_its_own_page_and_only_those() {
        let dir = example("workflow-http", "3s", "2h");
        let (pieces, _) = coded(&dir);
        run_ok(&["import", s(&dir), s(&dir.join("sheets.csv")), "--as", "clerk"]);
        run_ok(&["lock", s(&dir), "--as", "chief"]);
        rechecked(&dir, &pieces);
        let served = serve(&dir);

        // A link is its role's alone: another token, another role's name, a forged form.
        let chief = &served.roles["chief"];
        let forged = chief.replace("/r/chief/", "/r/sup/");
        assert_eq!(get(&forged).0, 404);
        let last = if chief.ends_with('0') { "1" } else { "0" };
        assert_eq!(get(&format!("{}{last}", &chief[..chief.len() - 1])).0, 404);
        let (status, _) = post_with(&format!("{chief}/step"), &[("command", "sign"), ("form", "x")], &[]);
        assert_eq!(status, 403);
        // The page offers what the role may do, and the server refuses the rest whatever is posted.
        let (_, clerk_page) = get(&served.roles["clerk"]);
        assert!(
            clerk_page.contains("登记申诉") && !clerk_page.contains("签字确认成绩</button>"),
            "{clerk_page}"
        );
        let (ok, said) = step(&served, "clerk", &[("command", "sign")]);
        assert!(!ok && said.contains("角色 `clerk`（录分员）不能“签字确认成绩”"), "{said}");

        for judge in ["J1", "J2", "J3"] {
            let (ok, said) = step(&served, "chief", &[("command", "sheet"), ("judge", judge)]);
            assert!(ok, "{said}");
        }
        let (ok, said) = step(
            &served,
            "clerk",
            &[
                ("command", "appeal"),
                ("entry", &pieces["W05"]),
                ("from", "船舶修造公司领队"),
                ("what", "违规扣分有误"),
            ],
        );
        assert!(ok && said.contains("登记申诉 A1"), "{said}");
        let (ok, said) = step(&served, "chief", &[("command", "sign")]);
        assert!(!ok && said.contains("A1 尚未裁决"), "{said}");
        // The organiser's desk lists the open appeal and when appeals close.
        let (_, desk) = get(&served.desk);
        assert!(
            desk.contains("受理申诉 A1：") && desk.contains("待裁决") && desk.contains("申诉截止："),
            "{desk}"
        );
        let (ok, said) = step(
            &served,
            "arb",
            &[
                ("command", "rule"),
                ("id", "A1"),
                ("ruling", "dismissed"),
                ("reason", "现场记录无误"),
            ],
        );
        assert!(ok, "{said}");
        assert!(step(&served, "chief", &[("command", "sign")]).0);
        // A decoding waits for the supervisor; the supervisor's link signs and witnesses.
        let (ok, said) = step(&served, "enc", &[("command", "decode")]);
        assert!(!ok && said.contains("须经裁判长和监督签字确认后才能解密"), "{said}");
        assert!(step(&served, "sup", &[("command", "sign")]).0);
        assert!(step(&served, "enc", &[("command", "decode")]).0);
        let (ok, said) = step(&served, "enc", &[("command", "decode")]);
        assert!(!ok && said.contains("待监督确认"), "{said}");
        for role in ["sup", "enc", "sup"] {
            let (ok, said) = step(&served, role, &[("command", "decode")]);
            assert!(ok, "{role}: {said}");
        }
        // The desk's organiser link cannot shortcut the workflow.
        let (_, desk_page) = get(&served.desk);
        let form = form_token(&desk_page);
        let (_, body) = post(&format!("{}/publish", served.desk), &[("form", &form)]);
        assert!(body.contains("按成绩确认流程公布成绩"), "{body}");
        // The hall's first event: what the public screen shows now.
        let hall = |served: &Served| {
            let base = served.desk.split("/desk/").next().unwrap().to_string();
            super::common::serve::first_event(&format!("{base}/events"))
        };
        assert_eq!(hall(&served)["note"], "成绩尚待确认，奖项为暂定");
        let (ok, said) = step(&served, "org", &[("command", "notice")]);
        assert!(ok && said.contains("开始公示"), "{said}");
        // The hall, the public page, says the results are on notice and until when.
        let mut note = String::new();
        for _ in 0..50 {
            note = hall(&served)["note"].as_str().unwrap_or("").to_string();
            if note.starts_with("成绩公示中，至 ") {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        assert!(note.starts_with("成绩公示中，至 ") && note.ends_with("奖项为暂定"), "{note}");
        let (ok, said) = step(&served, "org", &[("command", "publish")]);
        assert!(!ok && said.contains("公示期满后才能公布最终成绩"), "{said}");
        std::thread::sleep(std::time::Duration::from_secs(4));
        let (ok, said) = step(&served, "org", &[("command", "publish")]);
        assert!(ok && said.contains("已公布"), "{said}");
        let (_, page) = get(&served.roles["org"]);
        assert!(page.contains("最终成绩已公布") && !page.contains("可以进行的步骤"), "{page}");
        // A role's link is revoked as a judge's is: the old one stops at once, the new one works.
        let revoked = run_ok(&["judges", "revoke", s(&dir), "clerk", "--base", chief.split("/r/").next().unwrap()]);
        let fresh = &revoked[revoked.find("http://").unwrap()..].trim().to_string();
        assert_eq!(get(&served.roles["clerk"]).0, 404);
        assert_eq!(get(fresh).0, 200, "{revoked}");
        assert!(run_ok(&["judges", "links", s(&dir)]).contains("clerk\t录分员 钱芳\thttp://"));
        drop(served);
        let log = run_ok(&["audit", "log", s(&dir)]);
        assert!(
            log.contains("由 仲裁组（组长 孙立） (arb)（podium serve）：仲裁裁决：A1 不成立，驳回，理由：现场记录无误"),
            "{log}"
        );
        assert!(log.contains("由 区总工会竞赛组委会 (org)（podium serve）：公布整个竞赛"), "{log}");
    }
}

#[test]
fn a_store_from_before_the_workflow_reads_as_before() {
    // A blind contest locked and published the way it always was, its store
    // then stripped of what this podium adds when it opens one (the steps' index).
    let dir = temp_dir("workflow-old-store");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("contests/construction");
    for file in ["contest.ron", "entries.csv", "marks.csv"] {
        std::fs::copy(source.join(file), dir.join(file)).unwrap();
    }
    let path = dir.join("contest.ron");
    let text =
        std::fs::read_to_string(&path)
            .unwrap()
            .replacen("    entrants: Teams,", "    entrants: Teams,\n    marking: (blind: true),", 1);
    std::fs::write(&path, text).unwrap();
    let d = s(&dir);
    let codes = code_list(&run_ok(&["codes", d]));
    let by_entry: HashMap<&String, &String> = codes.iter().map(|(code, entry)| (entry, code)).collect();
    let marks = std::fs::read_to_string(dir.join("marks.csv")).unwrap();
    std::fs::write(
        dir.join("coded.csv"),
        rekeyed(&marks, |entry| Some(by_entry[&entry.to_string()].clone())),
    )
    .unwrap();
    run_ok(&["import", d, s(&dir.join("coded.csv"))]);
    run_ok(&["lock", d]);
    let hidden = run_ok(&["score", d, "--format", "csv"]);
    run_ok(&["publish", d]);
    let connection = rusqlite::Connection::open(dir.join("marks.db")).unwrap();
    connection.execute_batch("DROP INDEX log_steps;").unwrap();
    drop(connection);
    assert!(run_ok(&["status", d]).contains("状态：成绩已公布"));
    let shown = run_ok(&["score", d, "--format", "csv"]);
    assert!(
        shown.contains("钢筋一班") && !hidden.contains("钢筋一班"),
        "names hidden until published, shown after"
    );
    assert!(run_ok(&["audit", "verify", d]).contains("完好"));
    assert!(run_err(&["unlock", d, "--reason", "x"]).contains("已公布"));
}
