//! Files as offices have them: GBK CSV with Chinese headers, CRLF, blank
//! rows Excel leaves, full-width characters and Chinese commas, XLSX
//! workbooks; every error at the row Excel shows, in every command.

mod common;
use common::*;
use std::path::{Path, PathBuf};

/// A copy of a bundled example in a fresh folder.
fn example(name: &str, example: &str) -> PathBuf {
    let dir = temp_dir(name);
    for file in std::fs::read_dir(Path::new("contests").join(example)).unwrap() {
        let file = file.unwrap().path();
        std::fs::copy(&file, dir.join(file.file_name().unwrap())).unwrap();
    }
    dir
}

/// `podium score` of a contest folder, which must succeed.
fn score(dir: &Path) -> String {
    run_ok(&["score", s(dir)])
}

/// The text in GBK, every character of it encodable.
fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable, "the test's text is all in GBK");
    bytes.into_owned()
}

/// Each example's entries header in Chinese, as an office writes it.
const CHINESE_HEADERS: [(&str, &str, &str); 2] = [
    ("skills-duel", "id,name,organisation,trade,street", "编号,姓名,单位,工种,街道"),
    (
        "construction",
        "id,name,organisation,industry,district,members",
        "编号,姓名,单位,行业,区县,成员",
    ),
];

#[test]
fn gbk_entries_with_chinese_headers_score_as_the_utf8_files() {
    for (name, english, chinese) in CHINESE_HEADERS {
        let dir = example(&format!("gbk-{name}"), name);
        let utf8 = score(&dir);
        let text = std::fs::read_to_string(dir.join("entries.csv")).unwrap();
        let text = text.trim_start_matches('\u{feff}');
        assert!(text.starts_with(english), "{name}: {text}");
        let text = text.replacen(english, chinese, 1).replace('\n', "\r\n");
        std::fs::write(dir.join("entries.csv"), gbk(&text)).unwrap();
        let check = podium(&["check", s(&dir)]);
        assert!(check.status.success(), "{name}: {}", stderr(&check));
        let said = stderr(&check);
        assert!(
            said.contains("entries.csv") && said.contains("GB18030") && said.matches("GB18030").count() == 1,
            "{name}: the encoding is said once: {said}"
        );
        assert_eq!(score(&dir), utf8, "{name}: the same leaderboard, byte for byte");
        let english_said = stderr(&podium_en(&["check", s(&dir)]));
        assert!(english_said.contains("read as GB18030 (GBK)"), "{english_said}");
    }
}

#[test]
fn gbk_marks_with_chinese_headers_score_as_the_utf8_file() {
    let dir = example("gbk-marks", "skills-duel");
    let utf8 = score(&dir);
    let text = std::fs::read_to_string(dir.join("marks.csv")).unwrap();
    let text = text.replacen("entry,criterion,element,judge,value", "编号,评分项,要素,评委,分数", 1);
    std::fs::write(dir.join("marks.csv"), gbk(&text)).unwrap();
    let out = podium(&["score", s(&dir)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), utf8);
    assert!(stderr(&out).contains("GB18030"), "{}", stderr(&out));
}

#[test]
fn a_file_neither_utf8_nor_gb18030_is_refused_at_its_row() {
    let dir = example("not-text", "skills-duel");
    let mut bytes = gbk(&std::fs::read_to_string(dir.join("entries.csv"))
        .unwrap()
        .replacen('\u{feff}', "", 1));
    // 0xFF is neither UTF-8 nor GB18030 (where 0x80 is the euro sign).
    let row = bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()).count() + 1;
    bytes.extend_from_slice(b"E99,\xFF\xFF,x,welder,y\n");
    std::fs::write(dir.join("entries.csv"), bytes).unwrap();
    let err = run_err_en(&["check", s(&dir)]);
    assert!(
        err.contains(&format!(
            "entries.csv:{row}: error in `column B`: the file is neither UTF-8 nor GB18030/GBK text"
        )),
        "{err}"
    );
    assert!(err.contains("CSV UTF-8"), "{err}");
    let err = run_err(&["check", s(&dir)]);
    assert!(
        err.contains(&format!("entries.csv:{row}")) && err.contains("既不是 UTF-8 也不是 GB18030"),
        "{err}"
    );
    // Excel's "Unicode text" is UTF-16: named as such.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("id,name\n".encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.join("entries.csv"), utf16).unwrap();
    let err = run_err_en(&["check", s(&dir)]);
    assert!(err.contains("UTF-16") && err.contains("CSV UTF-8"), "{err}");
}

/// The skills duel's marks with CRLF line ends and row 10 bad.
fn crlf_marks_with_bad_row_10(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(dir.join("marks.csv")).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    assert!(lines[9].starts_with("E"), "{}", lines[9]);
    lines[9] = lines[9].rsplit_once(',').map(|(row, _)| format!("{row},99x")).unwrap();
    let path = dir.join("marks.csv");
    std::fs::write(&path, lines.join("\r\n") + "\r\n").unwrap();
    path
}

#[test]
fn a_crlf_file_with_a_bad_row_10_is_reported_as_row_10_by_every_command() {
    let dir = example("crlf", "skills-duel");
    let marks = crlf_marks_with_bad_row_10(&dir);
    let d = s(&dir);
    let place = "marks.csv:10: error in `value (column E)`: `99x`";
    for args in [
        vec!["check", d],
        vec!["check", d, "--marks", s(&marks)],
        vec!["score", d],
        vec!["import", d, s(&marks)],
    ] {
        let err = run_err_en(&args);
        assert!(err.contains(place), "{args:?}:\n{err}");
        assert!(!err.contains("marks.csv:9:") && !err.contains("marks.csv:11:"), "{args:?}:\n{err}");
        let chinese = run_err(&args);
        assert!(
            chinese.contains("marks.csv:10：") && chinese.contains("（value，E 列）"),
            "{args:?}:\n{chinese}"
        );
    }
    // Entries too: a CRLF entries file with a duplicated id names both rows.
    let text = std::fs::read_to_string(dir.join("entries.csv")).unwrap().replace("\r\n", "\n");
    let second = text.lines().nth(1).unwrap().to_string();
    std::fs::write(dir.join("entries.csv"), format!("{text}{second}\n").replace('\n', "\r\n")).unwrap();
    let rows = text.lines().count() + 1;
    let err = run_err_en(&["check", d]);
    assert!(
        err.contains(&format!(
            "entries.csv:{rows}: error in `id`: the id `E01` is used twice: rows 2 and {rows}"
        )),
        "{err}"
    );
    let err = run_err(&["check", d]);
    assert!(err.contains(&format!("编号 `E01` 用了两次：第 2 行和第 {rows} 行")), "{err}");
}

/// A quote opened and never closed (`"9` typed for `9`) would make the
/// rest of the file one cell: every reader refuses it at its row and
/// column, whole or read in pieces, UTF-8 or GBK, and nothing is stored.
#[test]
fn a_quote_never_closed_is_refused_at_its_row_by_every_command() {
    let dir = example("open-quote", "skills-duel");
    let text = std::fs::read_to_string(dir.join("marks.csv")).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines[9] = lines[9].rsplit_once(',').map(|(row, value)| format!("{row},\"{value}")).unwrap();
    let marks = dir.join("marks.csv");
    std::fs::write(&marks, lines.join("\r\n") + "\r\n").unwrap();
    let d = s(&dir);
    for args in [vec!["check", d], vec!["score", d], vec!["import", d, s(&marks)]] {
        let err = run_err_en(&args);
        assert!(
            err.contains("marks.csv:10: error in") && err.contains("column E"),
            "{args:?}:\n{err}"
        );
        assert!(!err.contains("marks.csv:11"), "{args:?}:\n{err}");
    }
    let err = run_err(&["import", d, s(&marks)]);
    assert!(err.contains("marks.csv:10：错误（value，E 列）：这个单元格在此处以引号"), "{err}");
    // As Excel on Chinese Windows saves it (GBK), read whole: the same.
    let crlf = lines.join("\r\n") + "\r\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(&crlf);
    std::fs::write(&marks, gbk).unwrap();
    for args in [vec!["score", d], vec!["import", d, s(&marks)]] {
        let err = run_err_en(&args);
        assert!(err.contains("marks.csv:10: error in"), "{args:?}:\n{err}");
    }
    // Closed thousands of lines on, it is one cell of the value column:
    // refused at its row, and shown cut short, not echoed whole.
    let mut long = lines.clone();
    long.insert(10, format!("{}\"", "x,".repeat(50_000)));
    std::fs::write(&marks, long.join("\r\n") + "\r\n").unwrap();
    for args in [vec!["import", d, s(&marks)], vec!["score", d]] {
        let err = run_err_en(&args);
        assert!(
            err.contains("marks.csv:10: error in") && err.len() < 2_000,
            "{args:?}: {} bytes",
            err.len()
        );
    }
    // Nothing of the refused files was stored.
    std::fs::write(&marks, text).unwrap();
    let out = podium_en(&["import", d, s(&marks)]);
    assert!(
        stdout(&out).contains("imported 395 marks") && stdout(&out).contains("(0 already stored)"),
        "{}",
        stdout(&out)
    );
    // An entries file with a name's quote left open.
    let entries = std::fs::read_to_string(dir.join("entries.csv")).unwrap();
    let entries = entries.replacen("\nE02,", "\nE02,\"", 1);
    std::fs::write(dir.join("entries.csv"), entries).unwrap();
    let err = run_err_en(&["check", d]);
    assert!(
        err.contains("entries.csv:3: error in `name (column B)`: a cell opens a quote"),
        "{err}"
    );
}

#[test]
fn blank_rows_excel_leaves_are_skipped_everywhere() {
    let dir = example("blank-rows", "skills-duel");
    let expected = score(&dir);
    for file in ["entries.csv", "marks.csv"] {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let width = text.lines().next().unwrap().matches(',').count();
        let blank = format!("{}\r\n\r\n   \r\n\u{3000},{}\r\n", ",".repeat(width), ",".repeat(width - 1));
        std::fs::write(dir.join(file), format!("{text}{blank}")).unwrap();
    }
    assert_eq!(score(&dir), expected);
    run_ok(&["check", s(&dir)]);
    let store = dir.join("store");
    std::fs::create_dir(&store).unwrap();
    for file in ["contest.ron", "entries.csv"] {
        std::fs::copy(dir.join(file), store.join(file)).unwrap();
    }
    let out = run_ok(&["import", s(&store), s(&dir.join("marks.csv"))]);
    assert!(out.contains("导入 395 个分数"), "{out}");
}

/// A marks file of the construction contest with `row` replacing row 3.
fn marks_with(name: &str, change: impl Fn(&str) -> String) -> PathBuf {
    let dir = example(name, "construction");
    let text = std::fs::read_to_string(dir.join("marks.csv")).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines[2] = change(&lines[2]);
    std::fs::write(dir.join("marks.csv"), lines.join("\n") + "\n").unwrap();
    dir
}

#[test]
fn full_width_digits_chinese_commas_and_stray_spaces_are_named_with_their_column() {
    // Row 3 is `C01,quality.workmanship,,J2,8.5`; in full-width digits
    // (and a full-width space after) it reads as the same number.
    let plain = example("full-width-plain", "construction");
    let expected = score(&plain);
    let wide = marks_with("full-width", |row| {
        let (rest, value) = row.rsplit_once(',').unwrap();
        let value: String = value
            .chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
                '.' => '．',
                c => c,
            })
            .collect();
        format!("{rest},{value}\u{3000}")
    });
    assert_eq!(score(&wide), expected, "８.5 is read as 8.5");

    for (name, change, english, chinese) in [
        (
            "chinese-comma",
            (|row: &str| row.replacen(",8.5", ",8，5", 1)) as fn(&str) -> String,
            "error in `value (column E)`: `8，5` for quality.workmanship: not a number",
            "单元格中有 U+FF0C“，”：数字的小数点用半角“.”",
        ),
        (
            "stray-space",
            |row: &str| row.replacen(",8.5", ",8 .5", 1),
            "error in `value (column E)`: `8 .5` for quality.workmanship",
            "单元格的值中间有空格（U+0020）：请删除",
        ),
        (
            "full-width-id",
            |row: &str| row.replacen("C01", "Ｃ01", 1),
            "error in `entry (column A)`: unknown entry `Ｃ01`",
            "单元格中有全角字符 U+FF23“Ｃ”：请改为半角的“C”",
        ),
        (
            // A full-width digit in an id is never read as the digit.
            "full-width-digit-id",
            |row: &str| row.replacen("C01", "C０1", 1),
            "error in `entry (column A)`: unknown entry `C０1`",
            "单元格中有全角字符 U+FF10“０”：请改为半角的“0”",
        ),
        (
            "comma-separated",
            |row: &str| row.replace(',', "，"),
            "error in `row`: this row has 1 fields but the header has 5",
            "这一行有 U+FF0C“，”：各列之间要用半角逗号“,”分隔",
        ),
    ] {
        let dir = marks_with(name, change);
        let row = std::fs::read_to_string(dir.join("marks.csv"))
            .unwrap()
            .lines()
            .nth(2)
            .unwrap()
            .to_string();
        assert_ne!(row, "C01,quality.workmanship,,J2,8.5", "{name}: row 3 is changed");
        let err = run_err_en(&["check", s(&dir)]);
        assert!(err.contains(&format!("marks.csv:3: {english}")), "{name}:\n{err}");
        let named = match name {
            "chinese-comma" => "U+FF0C \"，\": a number takes the half-width decimal point",
            "stray-space" => "U+0020",
            "full-width-id" => "U+FF23 \"Ｃ\"",
            "full-width-digit-id" => "U+FF10 \"０\"",
            _ => "U+FF0C \"，\"",
        };
        assert!(err.contains(named), "{name}: names the character:\n{err}");
        let err = run_err(&["check", s(&dir)]);
        assert!(err.contains("marks.csv:3：") && err.contains(chinese), "{name}:\n{err}");
    }
}

#[test]
fn import_lists_every_conflict_with_stored_marks_and_stores_nothing() {
    let dir = example("conflicts", "construction");
    let d = s(&dir);
    let text = std::fs::read_to_string(dir.join("marks.csv")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let first = dir.join("first.csv");
    std::fs::write(&first, lines[..100].join("\n") + "\n").unwrap();
    run_ok(&["import", d, s(&first)]);
    let records = || run_ok(&["audit", "verify", d]);
    let before = records();
    // Rows 5, 20 and 60 of the sheet change stored marks; the rest are new.
    let mut second: Vec<String> = vec![lines[0].to_string()];
    second.extend(lines[100..].iter().map(|l| l.to_string()));
    for (row, stored) in [(5, 4), (20, 30), (60, 90)] {
        let (cell, value) = lines[stored].rsplit_once(',').unwrap();
        let other = if value == "1" { "2" } else { "1" };
        second.insert(row - 1, format!("{cell},{other}"));
    }
    let sheet = dir.join("second.csv");
    std::fs::write(&sheet, second.join("\n") + "\n").unwrap();
    let err = run_err_en(&["import", d, s(&sheet)]);
    for row in [5, 20, 60] {
        assert!(err.contains(&format!("second.csv:{row}: error in `value`")), "row {row}:\n{err}");
    }
    assert_eq!(err.matches("is already").count(), 3, "{err}");
    assert!(err.contains("nothing imported: 3 bad rows"), "{err}");
    assert_eq!(records(), before, "nothing stored");
    let err = run_err(&["import", d, s(&sheet)]);
    assert_eq!(err.matches("已保存为").count(), 3, "{err}");
    assert!(err.contains("未导入任何分数：3 行有错"), "{err}");
}

/// A CSV text as a sheet of a workbook: numbers as number cells, the rest
/// as text.
fn write_sheet(workbook: &mut rust_xlsxwriter::Workbook, name: &str, csv: &str) {
    let sheet = workbook.add_worksheet();
    sheet.set_name(name).unwrap();
    for (r, line) in csv.trim_start_matches('\u{feff}').lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell.parse::<f64>() {
                Ok(number) if r > 0 && !cell.is_empty() && c >= 4 => sheet.write_number(r, c, number).map(|_| ()),
                _ if cell.is_empty() => Ok(()),
                _ => sheet.write_string(r, c, cell).map(|_| ()),
            }
            .unwrap();
        }
    }
}

#[test]
fn xlsx_entries_and_marks_score_as_the_csv_files() {
    let dir = example("xlsx", "skills-duel");
    let d = s(&dir);
    let expected = score(&dir);
    let entries = std::fs::read_to_string(dir.join("entries.csv")).unwrap();
    let marks = std::fs::read_to_string(dir.join("marks.csv")).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    write_sheet(&mut book, "名单", &entries.replacen("id,name,organisation", "编号,姓名,单位", 1));
    book.save(dir.join("entries.xlsx")).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    write_sheet(&mut book, "说明", "这一页不是评分");
    write_sheet(&mut book, "评分", &marks);
    book.save(dir.join("marks.xlsx")).unwrap();
    std::fs::remove_file(dir.join("entries.csv")).unwrap();
    std::fs::remove_file(dir.join("marks.csv")).unwrap();
    let contest = std::fs::read_to_string(dir.join("contest.ron")).unwrap();
    let contest = contest.replacen(
        "    entrants: Individuals,",
        "    entrants: Individuals,\n    files: (entries: \"entries.xlsx\", marks: \"marks.xlsx#评分\"),",
        1,
    );
    std::fs::write(dir.join("contest.ron"), contest).unwrap();
    run_ok(&["check", d]);
    assert_eq!(score(&dir), expected, "the workbook scores as the CSV files");
    // `--marks` and `import` take a workbook too; without a sheet, the first is read.
    let err = run_err_en(&["check", d, "--marks", &format!("{d}/marks.xlsx")]);
    assert!(
        err.contains("marks.xlsx:1: error in `entry`: the header has no `entry` column"),
        "{err}"
    );
    let err = run_err_en(&["check", d, "--marks", &format!("{d}/marks.xlsx#成绩")]);
    assert!(err.contains("no sheet `成绩`") && err.contains("说明, 评分"), "{err}");
    run_ok(&["check", d, "--marks", &format!("{d}/marks.xlsx#评分")]);
    let out = run_ok(&["import", d, &format!("{d}/marks.xlsx#评分")]);
    assert!(out.contains("导入 395 个分数"), "{out}");
    assert_eq!(score(&dir), expected, "the imported workbook scores the same");
}

#[test]
fn a_bad_workbook_cell_is_reported_at_its_excel_row() {
    let dir = example("xlsx-bad", "skills-duel");
    let d = s(&dir);
    let marks = std::fs::read_to_string(dir.join("marks.csv")).unwrap();
    let mut lines: Vec<String> = marks.lines().map(String::from).collect();
    lines[11] = lines[11].rsplit_once(',').map(|(row, _)| format!("{row},1000")).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    // A blank row in the sheet (row 5) moves nothing: rows are Excel's.
    lines.insert(4, ",,,,".into());
    write_sheet(&mut book, "Sheet1", &lines.join("\n"));
    book.save(dir.join("marks.xlsx")).unwrap();
    let err = run_err_en(&["check", d, "--marks", &format!("{d}/marks.xlsx")]);
    assert!(err.contains("marks.xlsx:13: error in `value (column E)`: `1000`"), "{err}");
    assert!(err.contains("out of range"), "{err}");
    let err = run_err(&["import", d, &format!("{d}/marks.xlsx")]);
    assert!(err.contains("marks.xlsx:13：") && err.contains("超出范围"), "{err}");
}

#[test]
fn a_cell_marked_twice_names_both_rows() {
    let dir = example("marked-twice", "construction");
    let text = std::fs::read_to_string(dir.join("marks.csv")).unwrap();
    let row = text.lines().nth(3).unwrap().to_string();
    let rows = text.lines().count() + 1;
    std::fs::write(dir.join("marks.csv"), format!("{text}{row}\n").replace('\n', "\r\n")).unwrap();
    let err = run_err_en(&["check", s(&dir)]);
    assert!(
        err.contains(&format!(
            "marks.csv:{rows}: error in `entry,criterion,element,judge`: entry `C01` has two marks for quality.workmanship from judge J3 (rows 4, {rows})"
        )),
        "{err}"
    );
    let err = run_err(&["check", s(&dir)]);
    assert!(err.contains(&format!("（第 4、{rows} 行）")), "{err}");
    // `import` refuses it in the same words (it stored the cell once and
    // counted the second as already stored), and stores nothing.
    let marks = dir.join("marks.csv");
    let err = run_err_en(&["import", s(&dir), s(&marks)]);
    assert!(
        err.contains(&format!(
            "marks.csv:{rows}: error in `entry,criterion,element,judge`: entry `C01` has two marks for quality.workmanship from judge J3 (rows 4, {rows})"
        )) && err.contains("nothing imported: 1 bad row"),
        "{err}"
    );
    // Three times: one cell, said once, with its three rows.
    std::fs::write(&marks, format!("{text}{row}\n{row}\n")).unwrap();
    let err = run_err_en(&["check", s(&dir)]);
    let third = rows + 1;
    assert!(
        err.contains(&format!(
            "entry `C01` has 3 marks for quality.workmanship from judge J3 (rows 4, {rows}, {third})"
        )) && err.matches("marks for").count() == 1,
        "{err}"
    );
    let err = run_err(&["check", s(&dir)]);
    assert!(err.contains(&format!("评委 J3 的 3 个分数（第 4、{rows}、{third} 行）")), "{err}");
    std::fs::write(&marks, text).unwrap();
    let out = podium_en(&["import", s(&dir), s(&marks)]);
    assert!(stdout(&out).contains("(0 already stored)"), "nothing was stored: {}", stdout(&out));
}

#[test]
fn an_import_giving_one_cell_twice_names_both_rows() {
    let dir = example("import-twice", "construction");
    let text = std::fs::read_to_string(dir.join("marks.csv")).unwrap();
    let mut lines: Vec<String> = text.lines().take(10).map(String::from).collect();
    // Row 3 again as row 11, with another value.
    let (cell, _) = lines[2].rsplit_once(',').unwrap();
    lines.push(format!("{cell},6"));
    let sheet = dir.join("sheet.csv");
    std::fs::write(&sheet, lines.join("\r\n") + "\r\n").unwrap();
    let err = run_err_en(&["import", s(&dir), s(&sheet)]);
    assert!(
        err.contains("sheet.csv:11: error in `value`: C01 quality.workmanship J2 is 8.5 in row 3 of this file, and 6 here"),
        "{err}"
    );
    let err = run_err(&["import", s(&dir), s(&sheet)]);
    assert!(
        err.contains("sheet.csv:11：") && err.contains("在本文件第 3 行是 8.5，这里却是 6"),
        "{err}"
    );
    // With a reason to correct stored marks, the file still may not
    // correct itself: the later row is no correction of the earlier.
    let err = run_err_en(&["import", s(&dir), s(&sheet), "--reason", "re-typed"]);
    assert!(
        err.contains("sheet.csv:11: error in `value`: C01 quality.workmanship J2 is 8.5 in row 3 of this file, and 6 here"),
        "{err}"
    );
}

#[test]
fn a_line_break_in_a_workbook_cell_moves_no_row() {
    let dir = example("xlsx-note", "construction");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, name) in ["entry", "criterion", "element", "judge", "value", "备注"].iter().enumerate() {
        sheet.write_string(0, c as u16, *name).unwrap();
    }
    for (r, (value, note)) in [(8.5, "第一行\n第二行"), (9.0, "复核"), (17.0, "")].iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, "C01").unwrap();
        sheet.write_string(r, 1, "quality.workmanship").unwrap();
        sheet.write_string(r, 3, ["J1", "J2", "J3"][r as usize - 1]).unwrap();
        sheet.write_number(r, 4, *value).unwrap();
        sheet.write_string(r, 5, *note).unwrap();
    }
    book.save(dir.join("marks.xlsx")).unwrap();
    let err = run_err_en(&["check", s(&dir), "--marks", &format!("{}/marks.xlsx", s(&dir))]);
    assert!(err.contains("marks.xlsx:4: error in `value (column E)`: `17`"), "{err}");
    assert_eq!(err.matches("error in").count(), 1, "the note is no error: {err}");
}

/// The marks file as other programs write it: columns in another order,
/// forty empty note columns, some fields quoted, spaces around, CRLF. Read
/// eight bytes at a time, each row splits as it does byte by byte: the
/// same leaderboard; and a row one column short is named at its row.
#[test]
fn marks_with_many_columns_quotes_and_another_order_score_as_the_plain_file() {
    let dir = example("many-columns", "skills-duel");
    let expected = score(&dir);
    let text = std::fs::read_to_string(dir.join("marks.csv")).unwrap();
    let notes = ",".repeat(40);
    let mut rows: Vec<String> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let f: Vec<&str> = line.split(',').collect();
        let (entry, criterion, element, judge, value) = (f[0], f[1], f[2], f[3], f[4]);
        rows.push(match i % 3 {
            _ if i == 0 => format!("value,{notes}judge,entry,criterion,element"),
            0 => format!("{value}{notes},{judge},\"{entry}\",{criterion},{element}"),
            1 => format!(" {value} {notes}, {judge},{entry} ,\"{criterion}\",{element}"),
            _ => format!("{value}{notes},{judge},{entry},{criterion},{element}"),
        });
    }
    std::fs::write(dir.join("marks.csv"), rows.join("\r\n") + "\r\n").unwrap();
    assert_eq!(score(&dir), expected);
    // Row 5 one column short.
    rows[4] = rows[4].replacen(',', "", 1);
    std::fs::write(dir.join("marks.csv"), rows.join("\r\n") + "\r\n").unwrap();
    let out = run_err(&["score", s(&dir)]);
    assert!(
        out.contains("marks.csv:5：") && out.contains("这一行有 44 列，而表头有 45 列"),
        "{out}"
    );
}

/// A note typed over several lines (Alt+Enter) is one quoted cell of one
/// row, as Excel shows it and the csv reader reads it: `score`, `check`
/// and `import` all read such a file (several blocks of it, cells cut
/// at every place), a quoted header cell holding a comma, and rows that
/// end in a `\r` alone (CSV as old Mac Excel saved it), as the plain file;
/// a bad row after the notes is named at its Excel row.
#[test]
fn notes_over_several_lines_quoted_headers_and_old_mac_line_ends_read_as_the_plain_file() {
    let dir = example("multi-line-notes", "skills-duel");
    let expected = score(&dir);
    let text = std::fs::read_to_string(dir.join("marks.csv")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // Notes of 1 to 30 KB over many lines: the file is several of the
    // score reader's 4 MB blocks, so some note crosses each block's end.
    let note = |i: usize| format!("\"第{i}条备注\n{}\"\"复核\"\"\"", "说明，逗号\r\n".repeat(1 + i * 137 % 3000));
    let mut rows = vec![format!("{},\"备注, 说明\"", lines[0])];
    rows.extend(lines[1..].iter().enumerate().map(|(i, row)| format!("{row},{}", note(i))));
    let marks = dir.join("marks.csv");
    std::fs::write(&marks, rows.join("\r\n") + "\r\n").unwrap();
    assert!(std::fs::metadata(&marks).unwrap().len() > 8 << 20, "three blocks at least");
    assert_eq!(score(&dir), expected, "the same leaderboard, byte for byte");
    run_ok(&["check", s(&dir)]);
    // Row 300 (as Excel numbers it) with a value out of range: named there
    // by every command, however many lines the notes before it took.
    let mut bad = rows.clone();
    bad[299] = format!("{},999,{}", lines[299].rsplit_once(',').unwrap().0, note(298));
    std::fs::write(&marks, bad.join("\r\n") + "\r\n").unwrap();
    for args in [vec!["check", s(&dir)], vec!["score", s(&dir)]] {
        let err = run_err_en(&args);
        assert!(err.contains("marks.csv:300: error in `value (column E)`"), "{args:?}: {err}");
        assert_eq!(err.matches("error in").count(), 1, "{args:?}: {err}");
    }
    // Old Mac line ends, a `\r` alone: the same leaderboard; and rows so
    // ended after a header ended in CRLF.
    std::fs::write(&marks, text.replace("\r\n", "\n").replace('\n', "\r")).unwrap();
    assert_eq!(score(&dir), expected);
    std::fs::write(&marks, format!("{}\r\n{}\r", lines[0], lines[1..].join("\r"))).unwrap();
    assert_eq!(score(&dir), expected);
    // The notes imported, as read.
    std::fs::write(&marks, rows.join("\r\n") + "\r\n").unwrap();
    let out = podium_en(&["import", s(&dir), s(&marks)]);
    assert!(stdout(&out).contains("imported 395 marks"), "{}{}", stdout(&out), stderr(&out));
}

/// A stray quote that another stray quote closes megabytes on would make
/// every row between them one cell: no reader holds a cell open past
/// 4 MB (an Excel cell holds 32,767 characters); each refuses the quote
/// at its row, and nothing is stored.
/// Rows of one cell over 2 MB long, the second with a `\r` alone in it:
/// each is looked at whole, as any row that long is, and the `\r` ends a
/// row (as the csv reader reads it), whatever the row before began with.
#[test]
fn a_long_row_for_the_cell_before_is_looked_at_whole() {
    let dir = example("long-same-cell", "construction");
    let marks = dir.join("marks.csv");
    let text = std::fs::read_to_string(&marks).unwrap();
    let (header, first) = (text.lines().next().unwrap(), text.lines().nth(1).unwrap());
    let (cell, _) = first.rsplit_once(',').and_then(|(rest, _)| rest.rsplit_once(',')).unwrap();
    let (entry, after) = cell.split_once(',').unwrap();
    // The entry padded past 2 MB: one 4 MB block holds the three rows.
    let start = format!("{entry}{},{after},", " ".repeat((2 << 20) + 100_000));
    let filler = " ".repeat(3 << 20);
    let rows = format!("{header}\n{filler}\n{start}J1,7\n{start}J2\r,7\n{start}J3,7\n");
    std::fs::write(&marks, rows).unwrap();
    let err = run_err_en(&["check", s(&dir)]);
    assert!(
        err.contains("marks.csv:4: error in `row`: this row has 4 fields but the header has 5"),
        "{err}"
    );
    assert!(err.contains("marks.csv:5: error in `row`: this row has 2 fields"), "{err}");
}

#[test]
fn a_quote_open_for_megabytes_is_refused_at_its_row_by_every_command() {
    let dir = example("runaway-quote", "skills-duel");
    let text = std::fs::read_to_string(dir.join("marks.csv")).unwrap();
    let marks = dir.join("marks.csv");
    let d = s(&dir);
    // Megabytes of rows, then the quote that closes them: less than a
    // piece of `import` and two blocks of `score`, then more.
    for megabytes in [5, 9] {
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        lines[9] = lines[9].rsplit_once(',').map(|(row, value)| format!("{row},\"{value}")).unwrap();
        let filler = lines[20].clone();
        let rows = (megabytes << 20) / (filler.len() + 1);
        lines.splice(10..10, std::iter::repeat_n(filler, rows).chain([String::from("\"")]));
        std::fs::write(&marks, lines.join("\n") + "\n").unwrap();
        for args in [vec!["check", d], vec!["score", d], vec!["import", d, s(&marks)]] {
            let err = run_err_en(&args);
            assert!(
                err.contains("marks.csv:10: error in `value (column E)`: a cell opens a quote") && err.contains("nor within 4 MB"),
                "{megabytes} MB, {args:?}:\n{err}"
            );
            assert!(err.len() < 2_000, "{args:?}: {} bytes", err.len());
        }
    }
    // A note whose quotes close, just past 4 MB or just short of it, with
    // a bad value at row 300: past, every command refuses row 100 and no
    // row after it is lost unread; short, every command names row 300.
    for (bytes, refused) in [((4 << 20) + 1, true), ((4 << 20) - 1, false)] {
        let lines: Vec<String> = text.lines().map(String::from).collect();
        let mut rows: Vec<String> = lines[1..].iter().map(|row| format!("{row},\"a\r\nb\"")).collect();
        let start = format!("{},\"", lines[99]);
        rows[98] = format!("{start}{}\"", "ab\r\n".repeat(bytes).split_at(bytes - start.len() - 1).0);
        assert_eq!(rows[98].len(), bytes);
        rows[298] = format!("{},abc,\"\"", lines[299].rsplit_once(',').unwrap().0);
        std::fs::write(&marks, format!("{},note\r\n{}\r\n", lines[0], rows.join("\r\n"))).unwrap();
        for args in [vec!["check", d], vec!["score", d], vec!["import", d, s(&marks)]] {
            let err = run_err_en(&args);
            // Refused at the quote still open where the row passes 4 MB.
            assert_eq!(err.contains("marks.csv:100: error in"), refused, "{args:?}: {err}");
            if args[0] != "import" || !refused {
                assert!(err.contains("marks.csv:300: error in `value (column E)`: `abc`"), "{args:?}: {err}");
            }
        }
    }
    // A cell of 5 MB with a quote that opens nothing (`8" pipe`).
    let mut lines: Vec<String> = text.lines().map(|line| format!("{line},")).collect();
    lines[99] = format!("{}8\" pipe {}", lines[99], "z".repeat(5 << 20));
    std::fs::write(&marks, lines.join("\n") + "\n").unwrap();
    for args in [vec!["check", d], vec!["score", d], vec!["import", d, s(&marks)]] {
        let err = run_err_en(&args);
        assert!(
            err.contains("marks.csv:100: error in `row`: this row is longer than 4 MB"),
            "{args:?}: {err}"
        );
    }
    std::fs::write(&marks, &text).unwrap();
    let out = podium_en(&["import", d, s(&marks)]);
    assert!(stdout(&out).contains("(0 already stored)"), "nothing was stored: {}", stdout(&out));
}
