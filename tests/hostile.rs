//! Text that attacks whoever reads podium's output next: line breaks and
//! escape codes in a reason or a clerk's name (a forged audit line, a
//! changed terminal title), control characters in names and labels (an
//! SVG no XML parser accepts). Refused where it is typed, shown escaped
//! where an older store already holds it. (Cells that start like spreadsheet
//! formulas: `tests/exports.rs` and `tests/store.rs`.)

mod common;
use common::*;
use std::path::{Path, PathBuf};

/// A fresh copy of the construction example, with no store yet.
fn construction(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    for file in ["contest.ron", "entries.csv", "marks.csv"] {
        std::fs::copy(format!("contests/construction/{file}"), dir.join(file)).unwrap();
    }
    dir
}

fn records(dir: &Path) -> usize {
    let text = run_ok(&["audit", "verify", s(dir)]);
    text.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// A terminal would obey these rather than show them.
fn has_controls(text: &str) -> bool {
    text.chars()
        .any(|c| (c.is_control() && c != '\n') || ('\u{202A}'..='\u{202E}').contains(&c))
}

const FORGED: &str = "typo\n#999 2026-12-04T16:00:00Z by chief judge (podium mark): all marks checked\u{1b}[2J";

#[test]
fn a_reason_or_a_clerks_name_with_control_characters_is_refused_and_nothing_stored() {
    let dir = construction("controls-refused");
    let d = s(&dir);
    run_ok(&["import", d, s(&dir.join("marks.csv")), "--by", "书记员甲"]);
    let cell = ["--judge", "J1", "--entry", "C01", "--criterion", "quality.workmanship"];
    let mark = |extra: &[&str]| run_err_en(&[&["mark", d][..], &cell, extra, &["8"]].concat());

    let err = mark(&["--reason", FORGED]);
    assert!(
        err.contains("mark refused, nothing stored: the reason contains the control character U+000A"),
        "{err}"
    );
    let err = mark(&["--reason", "abc\u{202E}fed"]);
    assert!(err.contains("the reason contains the control character U+202E"), "{err}");
    let err = mark(&["--reason", "misread", "--by", "clerk\u{1b}]0;pwned\u{7}"]);
    assert!(err.contains("--by contains the control character U+001B"), "{err}");

    let sheet = dir.join("sheet.csv");
    std::fs::write(&sheet, "entry,criterion,element,judge,value\nC01,quality.workmanship,,J1,8\n").unwrap();
    let err = run_err_en(&["import", d, s(&sheet), "--by", "clerk\u{9b}31m"]);
    assert!(
        err.contains("nothing imported: --by contains the control character U+009B"),
        "{err}"
    );
    let err = run_err_en(&["import", d, s(&sheet), "--reason", FORGED]);
    assert!(
        err.contains("nothing imported: the reason contains the control character U+000A"),
        "{err}"
    );

    run_ok(&["lock", d, "--criterion", "quality.workmanship"]);
    let err = run_err_en(&["unlock", d, "--criterion", "quality.workmanship", "--reason", FORGED]);
    assert!(err.contains("the reason contains the control character U+000A"), "{err}");
    assert!(
        run_ok(&["status", d, "--lang", "en"]).contains("quality.workmanship (#251)"),
        "still locked"
    );
    assert_eq!(records(&dir), 251, "only the lock was stored");
    let log = run_ok(&["audit", "log", d, "--entry", "C01"]);
    assert!(!has_controls(&log) && !log.contains("#999"), "{log}");
}

#[test]
fn a_store_written_before_the_check_shows_its_control_characters_escaped() {
    let dir = construction("controls-escaped");
    let d = s(&dir);
    run_ok(&["import", d, s(&dir.join("marks.csv"))]);
    // What an older podium let through: a correction with a forged line in
    // its reason, entered by a "clerk" whose name retitles the terminal.
    let connection = rusqlite::Connection::open(dir.join("marks.db")).unwrap();
    connection
        .execute(
            "INSERT INTO batches (id, actor, at, source) VALUES (99, ?1, '2026-12-04T16:00:00Z', 'podium mark')",
            ["clerk\u{1b}]0;pwned\u{7}"],
        )
        .unwrap();
    connection
        .execute(
            "INSERT INTO log (seq, kind, entry, criterion, element, judge, value, replaces, reason, batch, hash)
             VALUES (251, 'mark', 'C01', 'quality.workmanship', 0, 'J1', '8', 1, ?1, 99, x'00')",
            [FORGED],
        )
        .unwrap();
    drop(connection);
    let log = run_ok(&[
        "--lang",
        "en",
        "audit",
        "log",
        d,
        "--entry",
        "C01",
        "--judge",
        "J1",
        "--criterion",
        "quality.workmanship",
    ]);
    assert!(!has_controls(&log), "{log:?}");
    assert_eq!(log.lines().count(), 2, "one line per record, none forged: {log}");
    assert!(
        log.contains("by clerk\\u{1b}]0;pwned\\u{7} (podium mark): C01 quality.workmanship J1 7.5 → 8 (corrects #1: typo\\u{a}#999 "),
        "{log}"
    );
}

#[test]
fn an_entry_name_with_a_control_character_is_refused_with_its_row_and_column() {
    let dir = construction("controls-entries");
    let entries = std::fs::read_to_string(dir.join("entries.csv"))
        .unwrap()
        .replace("混凝土突击队", "混凝土\u{1b}]0;pwned\u{7}突击队")
        .replace("幕墙安装组,华东安装公司", "幕墙安装组,\"华东\n安装公司\"");
    std::fs::write(dir.join("entries.csv"), entries).unwrap();
    let err = run_err_en(&["check", s(&dir)]);
    assert!(
        err.contains("entries.csv:3: error in `name (column B)`: entry `C02`: `混凝土\\u{1b}]0;pwned\\u{7}突击队` contains the control character U+001B"),
        "{err}"
    );
    assert!(
        err.contains(
            "entries.csv:4: error in `organisation (column C)`: entry `C03`: `华东\\u{a}安装公司` contains the control character U+000A"
        ),
        "{err}"
    );
    assert!(!has_controls(&err), "{err:?}");
}

/// Whether XML 1.0 allows every character of `text`.
fn xml_chars_only(text: &str) -> bool {
    text.chars()
        .all(|c| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..))
}

#[test]
fn labels_with_control_characters_leave_svg_well_formed_and_the_terminal_alone() {
    // The contest's own labels are the organiser's; whether or not the
    // contest file refuses control characters in them, none reaches an SVG
    // or a terminal as itself.
    let dir = construction("controls-labels");
    let ron = std::fs::read_to_string(dir.join("contest.ron")).unwrap().replace(
        "en: \"2026 District Construction Labour Contest\"",
        "en: \"2026 District\u{1} Construction\u{1b}]0;pwned\u{7} Labour Contest\"",
    );
    std::fs::write(dir.join("contest.ron"), ron).unwrap();
    let out = podium(&["check", s(&dir)]);
    if !out.status.success() {
        assert!(
            stderr(&out).contains("U+0001") || stderr(&out).contains("control"),
            "{}",
            stderr(&out)
        );
        return;
    }
    let table = run_ok(&["score", s(&dir), "--lang", "en"]);
    assert!(!has_controls(&table), "{table:?}");
    assert!(
        table.starts_with("2026 District\\u{1} Construction\\u{1b}]0;pwned\\u{7} Labour Contest\n"),
        "{table}"
    );
    for kind in ["leaderboard", "categories", "distribution"] {
        let file = dir.join(format!("{kind}.svg"));
        run_ok(&["chart", s(&dir), kind, "--lang", "en", "-o", s(&file)]);
        let svg = std::fs::read_to_string(&file).unwrap();
        assert!(xml_chars_only(&svg), "{kind}: a character XML does not allow");
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "{kind}");
    }
}

#[test]
fn a_judge_link_and_the_desk_refuse_a_reason_with_control_characters() {
    use common::serve::*;
    let dir = contest("controls-serve");
    let server = Server::start(&dir);
    let link = server.judge("J1");
    let form = form_token(&get(link).1);
    assert_eq!(mark(link, &form, "C01", "quality.workmanship", "8.5", "").0, 200);
    let (status, answer) = mark(link, &form, "C01", "quality.workmanship", "9", FORGED);
    assert_eq!(status, 422, "{answer}");
    let message = answer["message"].as_str().unwrap();
    assert!(
        message.contains("not saved: the reason contains the control character U+000A"),
        "{answer}"
    );
    assert!(exported(&dir).contains("C01,quality.workmanship,,J1,8.5"), "nothing stored");
    // The organiser's unlock reason too.
    let desk_form = form_token(&get(&server.desk).1);
    let scope = ("scope", "criterion quality.workmanship");
    let (_, said) = post(&format!("{}/lock", server.desk), &[scope, ("form", &desk_form)]);
    assert!(said.contains("\"ok\":true"), "{said}");
    let (_, said) = post(
        &format!("{}/unlock", server.desk),
        &[scope, ("reason", "ok\u{1b}[2J"), ("form", &desk_form)],
    );
    assert!(said.contains("\"ok\":false") && said.contains("U+001B"), "{said}");
}
