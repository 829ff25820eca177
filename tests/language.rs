//! One language setting for everything podium says: `--lang` on every
//! command, else `PODIUM_LANG`, else the system locale.

mod common;
use common::*;

/// `podium status` on the construction example with this environment.
fn status(args: &[&str], environment: &[(&str, &str)]) -> String {
    let mut command = podium_command();
    command
        .env_remove("PODIUM_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (name, value) in environment {
        command.env(name, value);
    }
    let out = command.args(["status", "contests/construction"]).args(args).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

const ZH: &str = "按评分项：";
const EN: &str = "by criterion:";

#[test]
fn the_language_comes_from_the_flag_then_podium_lang_then_the_locale() {
    assert!(status(&[], &[("LANG", "zh_CN.UTF-8")]).contains(ZH));
    assert!(status(&[], &[("LANG", "C.UTF-8")]).contains(EN));
    assert!(
        status(&[], &[("LANG", "en_GB.UTF-8"), ("LC_ALL", "zh_TW.UTF-8")]).contains(ZH),
        "LC_ALL comes first"
    );
    assert!(status(&[], &[]).contains(ZH), "no locale at all (Windows): Chinese");
    assert!(status(&[], &[("LANG", "zh_CN.UTF-8"), ("PODIUM_LANG", "en")]).contains(EN));
    assert!(status(&["--lang", "zh"], &[("PODIUM_LANG", "en")]).contains(ZH));
    assert!(status(&["--lang", "en"], &[("LANG", "zh_CN.UTF-8")]).contains(EN));
}

#[test]
fn every_command_takes_lang() {
    for command in [
        "check", "score", "status", "import", "mark", "lock", "audit", "codes", "serve", "gen", "export", "init", "explain", "chart",
        "report", "judges",
    ] {
        let out = podium(&[command, "--lang", "en", "--help"]);
        assert!(out.status.success(), "{command} --lang: {}", stderr(&out));
        assert!(stdout(&out).contains("--lang"), "{command} --help names --lang");
    }
}

/// podium in a Chinese locale (`LANG=zh_CN.UTF-8`, no PODIUM_LANG), or
/// with `--lang en`: (succeeded, standard output + standard error).
fn said(args: &[&str], lang: &str) -> (bool, String) {
    let mut command = podium_command();
    command
        .env_remove("PODIUM_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "zh_CN.UTF-8");
    if lang == "en" {
        command.args(["--lang", "en"]);
    }
    let out = command.args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap();
    (out.status.success(), format!("{}{}", stdout(&out), stderr(&out)))
}

/// The construction example in a folder of its own, with `change` made to
/// its contest.ron.
fn construction(name: &str, change: (&str, &str)) -> std::path::PathBuf {
    let dir = temp_dir(name);
    for file in ["contest.ron", "entries.csv"] {
        let text = std::fs::read_to_string(format!("contests/construction/{file}")).unwrap();
        assert!(
            text.contains(change.0) || file != "contest.ron",
            "the example still has {}",
            change.0
        );
        std::fs::write(dir.join(file), text.replace(change.0, change.1)).unwrap();
    }
    let marks = std::fs::read_to_string("contests/construction/marks.csv").unwrap();
    std::fs::write(dir.join("marks.csv"), marks.lines().next().unwrap()).unwrap();
    dir
}

/// The issue's first "must show": a typo in a criterion name, a mark of 11
/// on a 0–10 scale and a locked cell each say what is wrong, where (file,
/// line and field; the mark's entry and criterion), in Chinese under a
/// Chinese locale and in English with `--lang en`.
#[test]
fn a_typo_a_mark_out_of_range_and_a_locked_cell_are_told_in_the_chosen_language() {
    let tie_breaks = "tie_breaks: [Category(\"safety\"),";
    let typo = construction(
        "typo",
        (tie_breaks, "tie_breaks: [Criterion(\"quality.workmanshp\"), Category(\"safety\"),"),
    );
    let d = s(&typo);
    let (ok, zh) = said(&["check", d], "zh");
    assert!(!ok);
    let line = std::fs::read_to_string(typo.join("contest.ron"))
        .unwrap()
        .lines()
        .position(|l| l.contains("workmanshp"))
        .unwrap()
        + 1;
    let place = format!("contest.ron:{line}:");
    for part in [
        &place,
        "错误（ranking.tie_breaks[0]）",
        "没有评分项 `quality.workmanshp`",
        "提示：您是不是要写 `quality.workmanship`？",
    ] {
        assert!(zh.contains(part), "{part} in:\n{zh}");
    }
    let (_, en) = said(&["check", d], "en");
    for part in [
        &place,
        "error in `ranking.tie_breaks[0]`",
        "unknown criterion `quality.workmanshp`",
        "help: did you mean `quality.workmanship`?",
    ] {
        assert!(en.contains(part), "{part} in:\n{en}");
    }

    let marked = construction("marked", ("", ""));
    let d = s(&marked);
    let cell = ["mark", d, "--judge", "J1", "--entry", "C01", "--criterion", "quality.workmanship"];
    let with = |value: &'static str| [&cell[..], &[value]].concat();
    let (ok, zh) = said(&with("11"), "zh");
    assert!(!ok);
    for part in [
        "分数未录入，什么也没有保存（选手 C01 的评分项 `quality.workmanship`）：`--value`",
        "11",
        "10",
    ] {
        assert!(zh.contains(part), "{part} in:\n{zh}");
    }
    let (_, en) = said(&with("11"), "en");
    assert!(
        en.contains("mark refused, nothing stored (entry C01, criterion `quality.workmanship`): `--value`"),
        "{en}"
    );

    assert!(said(&["lock", d, "--criterion", "quality.workmanship"], "zh").0);
    let (ok, zh) = said(&with("8"), "zh");
    assert!(!ok);
    let locked = "分数未录入，什么也没有保存：选手 C01 评分项 `quality.workmanship` 评委 J1：评分项 `quality.workmanship`已锁定";
    assert!(zh.contains(locked) && zh.contains("裁判长可用 `podium unlock` 解锁"), "{zh}");
    let (_, en) = said(&with("8"), "en");
    let locked = "mark refused, nothing stored: C01 quality.workmanship J1: criterion quality.workmanship is locked";
    assert!(
        en.contains(locked) && en.contains("the chief judge can unlock it with `podium unlock`"),
        "{en}"
    );
    let (_, status) = said(&["status", d], "zh");
    assert!(status.contains("状态：已锁定评分项 `quality.workmanship`（#1）"), "{status}");
}

/// The audit log shows when, in the local time zone with its offset.
#[test]
fn the_audit_log_is_in_local_time() {
    let dir = construction("audit-time", ("", ""));
    let d = s(&dir);
    assert!(
        said(
            &[
                "mark",
                d,
                "--judge",
                "J1",
                "--entry",
                "C01",
                "--criterion",
                "quality.workmanship",
                "8"
            ],
            "zh"
        )
        .0
    );
    let out = podium_command()
        .env("TZ", "Asia/Shanghai")
        .args(["audit", "log", d])
        .output()
        .unwrap();
    let log = stdout(&out);
    // "#1 2026-12-05 02:20:05 +08:00 由 …"
    assert!(log.starts_with("#1 ") && log.split_whitespace().nth(3) == Some("+08:00"), "{log}");
    let out = podium_command()
        .env("TZ", "UTC")
        .args(["audit", "log", d, "--lang", "en"])
        .output()
        .unwrap();
    assert!(stdout(&out).split_whitespace().nth(3) == Some("+00:00"), "{}", stdout(&out));
}

/// `explain` says which tie-break put an entry above another in words:
/// the category by its label, its id beside it.
#[test]
fn explain_names_the_tie_break_in_words() {
    let contest = r#"Contest(id: "t", name: (zh: "比武", en: "Duel"), judges: [Judge(id: "J1")],
        categories: [
            Category(id: "theory", label: (zh: "理论", en: "Theory"), score: Sum,
                criteria: [Criterion(id: "exam", label: (zh: "笔试", en: "Exam"), marks: (min: 0, max: 100), kind: Judgement())]),
            Category(id: "practical", label: (zh: "实操", en: "Practical"), score: Sum,
                criteria: [Criterion(id: "task", label: (zh: "操作", en: "Task"), marks: (min: 0, max: 100), kind: Judgement())]),
        ],
        ranking: (tie_breaks: [Category("practical")]))"#;
    let entries = "id,name\nA,甲\nB,乙\n";
    let marks = "entry,criterion,element,judge,value\nA,theory.exam,,J1,40\nA,practical.task,,J1,60\nB,theory.exam,,J1,50\nB,practical.task,,J1,50\n";
    let dir = contest_dir("explain-tie", contest, entries, marks);
    let (ok, zh) = said(&["explain", s(&dir), "A"], "zh");
    assert!(ok, "{zh}");
    assert!(
        zh.contains("与 B 总分相同；按类别“实操”（`practical`）的得分排在其前（60.0000 比 50.0000）"),
        "{zh}"
    );
    let (_, en) = said(&["explain", s(&dir), "A"], "en");
    assert!(
        en.contains("same total as B; placed above it by category practical (Practical) (60.0000 vs 50.0000)"),
        "{en}"
    );
}
