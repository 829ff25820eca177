//! Paper marking sheets (评分表): `podium sheets` writes each judge's sheet
//! as XLSX and HTML; a sheet filled in (as a clerk types into the XLSX) and
//! imported back scores exactly as the marks file does; a bad cell is
//! named by its address; the XLSX checks marks as they are typed and prints
//! on A4; the HTML prints on A4 in a real browser.

mod common;
use common::*;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

const DUEL: &str = "contests/skills-duel";

/// A copy of a bundled contest (without its marks file unless asked).
fn bundled(contest: &str, name: &str, with_marks: bool) -> PathBuf {
    let dir = temp_dir(name);
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join(contest);
    for file in std::fs::read_dir(&from).unwrap() {
        let file = file.unwrap().file_name();
        if with_marks || file != "marks.csv" {
            std::fs::copy(from.join(&file), dir.join(&file)).unwrap();
        }
    }
    dir
}

/// A copy of the skills duel.
fn duel(name: &str, with_marks: bool) -> PathBuf {
    bundled(DUEL, name, with_marks)
}

/// The duel with J4 of an entrant's organisation (供电公司), so they stand
/// aside for its entries, and I2 a reserve who takes J4's seat there: I2
/// marks workmanship for those entries only.
fn duel_with_a_reserve(name: &str) -> PathBuf {
    let dir = duel(name, false);
    let ron = std::fs::read_to_string(dir.join("contest.ron")).unwrap();
    let ron = ron
        .replacen("organisation: \"市焊接协会\")", "organisation: \"供电公司\")", 1)
        .replacen(
            "name: \"蒋红\", organisation: \"区安监站\")",
            "name: \"蒋红\", organisation: \"区安监站\", reserve: true)",
            1,
        );
    std::fs::write(dir.join("contest.ron"), ron).unwrap();
    dir
}

/// A bundled contest's marks file: (entry, column key, judge) → value,
/// where a column key is the criterion, or `criterion#element` as a
/// sheet's machine row names an element; and the rows no judge gives.
fn bundled_marks(contest: &str) -> (HashMap<(String, String, String), String>, String) {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(contest).join("marks.csv")).unwrap();
    let mut judged = HashMap::new();
    let mut unjudged = String::from("entry,criterion,element,judge,value\n");
    for line in text.trim_start_matches('\u{feff}').lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        if f[3].is_empty() {
            unjudged += &format!("{line}\n");
        } else {
            let key = if f[2].is_empty() {
                f[1].to_string()
            } else {
                format!("{}#{}", f[1], f[2])
            };
            judged.insert((f[0].into(), key, f[3].into()), f[4].into());
        }
    }
    (judged, unjudged)
}

fn duel_marks() -> (HashMap<(String, String, String), String>, String) {
    bundled_marks(DUEL)
}

/// The first worksheet's cells as text, by absolute position.
fn grid(xlsx: &Path) -> Vec<Vec<String>> {
    use calamine::{open_workbook, Reader, Xlsx};
    let mut book: Xlsx<_> = open_workbook(xlsx).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    let (top, left) = range.start().unwrap();
    let mut rows = vec![Vec::new(); range.end().unwrap().0 as usize + 1];
    for (r, c, data) in range.used_cells() {
        let (r, c) = (r + top as usize, c + left as usize);
        let row = &mut rows[r];
        row.resize(row.len().max(c + 1), String::new());
        row[c] = data.to_string();
    }
    rows
}

/// `C7` for row 6, column 2 (0-based).
fn address(row: usize, column: usize) -> String {
    format!("{}{}", (b'A' + column as u8) as char, row + 1)
}

/// The sheet's machine row (found, as podium finds it, by its marker):
/// its row, the judge, and the criterion key of each mark column.
fn machine_row(grid: &[Vec<String>]) -> (usize, String, Vec<(usize, String)>) {
    let row = grid
        .iter()
        .position(|r| r.first().is_some_and(|a| a.starts_with("#podium-sheet")))
        .expect("a machine row");
    let judge = grid[row][0].split("judge=").nth(1).unwrap().to_string();
    let keys = grid[row]
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, k)| k.contains('.'))
        .map(|(c, k)| (c, k.clone()))
        .collect();
    (row, judge, keys)
}

/// Each cell the marks file has a mark for on this sheet: (address, value).
fn values_for(grid: &[Vec<String>], marks: &HashMap<(String, String, String), String>) -> Vec<(String, String)> {
    let (machine, judge, keys) = machine_row(grid);
    let mut cells = Vec::new();
    for (r, row) in grid.iter().enumerate().skip(machine + 4) {
        let Some(entry) = row.first().filter(|e| !e.is_empty()) else {
            break;
        };
        for (c, key) in &keys {
            if let Some(value) = marks.get(&(entry.clone(), key.clone(), judge.clone())) {
                cells.push((address(r, *c), value.clone()));
            }
        }
    }
    cells
}

/// The sheet's XML inside the workbook.
fn sheet_xml(xlsx: &Path) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(xlsx).unwrap()).unwrap();
    let mut xml = String::new();
    archive
        .by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

/// Types `values` into the workbook's empty cells, as Excel would store
/// them (numbers), writing the filled workbook to `out`.
fn fill(xlsx: &Path, values: &[(String, String)], out: &Path) {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(xlsx).unwrap()).unwrap();
    let mut writer = zip::ZipWriter::new(std::fs::File::create(out).unwrap());
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().to_string();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let mut xml = String::from_utf8(bytes).unwrap();
            for (cell, value) in values {
                let start = xml
                    .find(&format!("<c r=\"{cell}\" "))
                    .unwrap_or_else(|| panic!("no empty cell {cell}"));
                let end = start + xml[start..].find("/>").unwrap();
                let typed = format!("{}><v>{value}</v></c>", &xml[start..end]);
                xml.replace_range(start..end + 2, &typed);
            }
            bytes = xml.into_bytes();
        }
        writer.start_file(name, options).unwrap();
        writer.write_all(&bytes).unwrap();
    }
    writer.finish().unwrap();
}

/// The same table as CSV (what Excel's "save as CSV" gives).
fn as_csv(xlsx: &Path, out: &Path) {
    let mut writer = csv::WriterBuilder::new().flexible(true).from_path(out).unwrap();
    for row in grid(xlsx) {
        writer.write_record(if row.is_empty() { vec![String::new()] } else { row }).unwrap();
    }
    writer.flush().unwrap();
}

const JUDGES: [&str; 7] = ["J1", "J2", "J3", "J4", "J5", "I1", "I2"];

/// Each judge's sheet of a bundled contest, filled from its marks file
/// and imported back (one as CSV), gives the leaderboard the marks file gives.
fn round_trip(contest: &str, judges: &[&str], as_csv_too: &str) {
    let (marks, unjudged) = bundled_marks(contest);
    let name = contest.rsplit('/').next().unwrap();
    // The leaderboard from the marks file, through the store.
    let typed = bundled(contest, &format!("sheets-typed-{name}"), true);
    run_ok(&["import", s(&typed), s(&typed.join("marks.csv")), "--by", "书记员甲"]);
    let expected = run_ok(&["score", s(&typed)]);

    // The same from each judge's sheet, filled in and imported back.
    let dir = bundled(contest, &format!("sheets-filled-{name}"), false);
    let out = dir.join("sheets");
    run_ok(&["sheets", s(&dir), "-o", s(&out)]);
    if unjudged.lines().count() > 1 {
        let unjudged_file = dir.join("measured.csv");
        std::fs::write(&unjudged_file, unjudged).unwrap();
        run_ok(&["import", s(&dir), s(&unjudged_file), "--by", "书记员甲"]);
    }
    let mut filled_cells = 0;
    for judge in judges {
        assert!(out.join(format!("{judge}.html")).exists(), "{judge}'s HTML sheet");
        let blank = out.join(format!("{judge}.xlsx"));
        let values = values_for(&grid(&blank), &marks);
        filled_cells += values.len();
        let filled = dir.join(format!("{judge}-filled.xlsx"));
        fill(&blank, &values, &filled);
        let file = if *judge == as_csv_too {
            // One sheet comes back as CSV, as Excel saves it.
            let csv = dir.join(format!("{judge}-filled.csv"));
            as_csv(&filled, &csv);
            csv
        } else {
            filled
        };
        let said = run_ok(&["import", s(&dir), s(&file), "--by", "书记员甲"]);
        assert!(said.contains(&format!("导入 {} 个分数", values.len())), "{said}");
    }
    assert_eq!(
        filled_cells,
        marks.len(),
        "every judge's mark in the marks file has its cell on a sheet"
    );
    assert_eq!(run_ok(&["score", s(&dir)]), expected);
}

#[test]
fn filled_sheets_imported_back_score_as_the_marks_file_does() {
    round_trip(DUEL, &JUDGES, "I1");
}

#[test]
fn sheets_with_an_elements_column_each_come_back_too() {
    let judges = ["E1", "E2", "E3", "E4", "E5", "E6", "E7", "A1", "A2", "A3", "A4", "A5", "C"];
    round_trip("contests/judged-panel", &judges, "E7");
}

/// J1's sheet filled from the marks file, with one cell changed.
fn j1_filled(dir: &Path, change: Option<(&str, &str)>) -> PathBuf {
    let (marks, _) = duel_marks();
    let out = dir.join("sheets");
    run_ok(&["sheets", s(dir), "--judge", "J1", "--format", "xlsx", "-o", s(&out)]);
    let mut values = values_for(&grid(&out.join("J1.xlsx")), &marks);
    if let Some((cell, value)) = change {
        values.iter_mut().find(|(c, _)| c == cell).expect("the cell is filled").1 = value.into();
    }
    let filled = dir.join("J1-filled.xlsx");
    fill(&out.join("J1.xlsx"), &values, &filled);
    filled
}

/// The store of `dir` holds no mark: its export is the header alone.
fn assert_nothing_stored(dir: &Path) {
    let export = dir.join("now.csv");
    run_ok(&["export", "marks", s(dir), "--output", s(&export)]);
    let stored = std::fs::read_to_string(&export).unwrap();
    assert_eq!(
        stored.trim_start_matches('\u{feff}').lines().count(),
        1,
        "only the header: {stored}"
    );
}

#[test]
fn an_out_of_range_cell_is_refused_by_its_address_and_nothing_is_stored() {
    let dir = duel("sheets-bad", false);
    // J1 marks one criterion (工艺质量, 0–10), column C; E05 is on row 11.
    let filled = j1_filled(&dir, Some(("C11", "11")));
    let zh = run_err(&["import", s(&dir), s(&filled), "--by", "书记员甲"]);
    assert!(zh.contains("C11") && zh.contains("E05 的“工艺质量”"), "{zh}");
    assert!(zh.contains("未导入任何分数"), "{zh}");
    assert!(!zh.contains("C12"), "only the bad cell: {zh}");
    let en = run_err(&["import", s(&dir), s(&filled), "--by", "clerk", "--lang", "en"]);
    assert!(
        en.contains("C11") && en.contains("entry E05, Workmanship") && en.contains("nothing imported"),
        "{en}"
    );
    // The same sheet saved by Excel as CSV (CRLF line ends, blank rows
    // kept as rows): the same address.
    let csv = dir.join("J1-filled.csv");
    as_csv(&filled, &csv);
    let crlf = std::fs::read_to_string(&csv).unwrap().replace("\"\"\n", "\n").replace('\n', "\r\n");
    assert!(crlf.contains("\r\n\r\n"), "the sheet has a blank row: {crlf}");
    std::fs::write(&csv, crlf).unwrap();
    let from_csv = run_err(&["import", s(&dir), s(&csv), "--by", "书记员甲"]);
    assert!(from_csv.contains("C11") && !from_csv.contains("C10"), "{from_csv}");
    // Nothing stored: the good cells went in with the bad one or not at all.
    assert_nothing_stored(&dir);
}

#[test]
fn a_sheet_that_changes_stored_marks_needs_a_reason() {
    let dir = duel("sheets-correct", false);
    let first = j1_filled(&dir, None);
    run_ok(&["import", s(&dir), s(&first), "--by", "书记员甲"]);
    let again = run_ok(&["import", s(&dir), s(&first), "--by", "书记员甲"]);
    assert!(again.contains("导入 0 个分数（40 个此前已录入）"), "{again}");
    // E01 (row 7) and E02 (row 8) changed: both conflicts listed, neither stored.
    let changed = dir.join("J1-changed.xlsx");
    let (marks, _) = duel_marks();
    let out = dir.join("sheets");
    let mut values = values_for(&grid(&out.join("J1.xlsx")), &marks);
    values[0].1 = "9.9".into();
    values[1].1 = "9.8".into();
    fill(&out.join("J1.xlsx"), &values, &changed);
    let said = run_err(&["import", s(&dir), s(&changed), "--by", "书记员甲"]);
    assert!(said.contains("C7") && said.contains("C8") && said.contains("--reason"), "{said}");
    let corrected = run_ok(&["import", s(&dir), s(&changed), "--by", "书记员甲", "--reason", "誊写错误"]);
    assert!(corrected.contains("导入 2 个分数（38 个此前已录入）"), "{corrected}");
}

/// A sheet saved as CSV with one entry's row pasted twice gives its marks
/// twice: refused at both cells, the same value or not, with a reason or
/// not (the later row is no correction of the earlier), nothing stored.
#[test]
fn a_sheet_giving_a_mark_twice_is_refused_at_both_cells() {
    let dir = duel("sheets-twice", false);
    let filled = j1_filled(&dir, None);
    let csv = dir.join("J1-twice.csv");
    as_csv(&filled, &csv);
    let text = std::fs::read_to_string(&csv).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    // E05 on row 11, again on row 12 (once as it is, once changed).
    let e05 = rows[10].to_string();
    assert!(e05.contains("E05"), "{e05}");
    let changed = e05.replacen(&e05.rsplit(',').find(|v| !v.is_empty()).unwrap().to_string(), "1", 1);
    for again in [e05.clone(), changed] {
        let mut twice = rows.clone();
        twice.insert(11, &again);
        std::fs::write(&csv, twice.join("\n") + "\n").unwrap();
        for reason in [None, Some("誊写错误")] {
            let mut args = vec!["import", s(&dir), s(&csv), "--by", "clerk", "--lang", "en"];
            args.extend(reason.map(|r| ["--reason", r]).into_iter().flatten());
            let err = run_err(&args);
            assert!(
                err.contains("C12") && err.contains("entry E05, Workmanship is given twice in this workbook: at C11 and here"),
                "{reason:?}: {err}"
            );
            assert!(err.contains("nothing imported"), "{err}");
        }
    }
    assert_nothing_stored(&dir);
}

#[test]
fn a_second_clerk_verifies_a_sheet() {
    let dir = duel("sheets-verify", false);
    std::fs::write(
        dir.join("contest.ron"),
        std::fs::read_to_string(dir.join("contest.ron")).unwrap().replacen(
            "    entrants: Individuals,",
            "    entrants: Individuals,\n    marking: (double_entry: true),",
            1,
        ),
    )
    .unwrap();
    let filled = j1_filled(&dir, None);
    run_ok(&["import", s(&dir), s(&filled), "--by", "书记员甲"]);
    let same_clerk = run_err(&["import", s(&dir), s(&filled), "--verify", "--by", "书记员甲"]);
    assert!(same_clerk.contains("C7"), "the cell is named: {same_clerk}");
    let confirmed = run_ok(&["import", s(&dir), s(&filled), "--verify", "--by", "书记员乙"]);
    assert!(confirmed.contains("确认 40 个分数"), "{confirmed}");
    // A second typing that disagrees names the cell.
    let other = j1_filled(&dir, Some(("C7", "9.9")));
    let disagrees = run_err(&["import", s(&dir), s(&other), "--verify", "--by", "书记员丙"]);
    assert!(disagrees.contains("C7") && disagrees.contains("E01 的“工艺质量”"), "{disagrees}");
}

#[test]
fn the_xlsx_checks_each_mark_and_prints_on_a4() {
    let dir = duel("sheets-xlsx", false);
    let out = dir.join("sheets");
    run_ok(&["sheets", s(&dir), "--format", "xlsx", "-o", s(&out)]);
    assert!(!out.join("J1.html").exists(), "--format xlsx writes no HTML");
    let j1 = sheet_xml(&out.join("J1.xlsx"));
    // Workmanship: 0–10 on a step of 0.1, checked by a formula.
    assert!(j1.contains("<dataValidation type=\"custom\""), "{j1}");
    assert!(j1.contains("C7&gt;=0,C7&lt;=10,ROUND((C7-0)/0.1,9)"), "{j1}");
    assert!(j1.contains("分值不符合要求"), "a Chinese error message");
    assert!(j1.contains("paperSize=\"9\""), "A4");
    assert!(
        j1.contains("fitToWidth=\"1\"") || j1.contains("<pageSetUpPr fitToPage=\"1\"/>"),
        "fit to width"
    );
    assert!(
        j1.contains("<row r=\"3\"") && j1.contains("hidden=\"1\""),
        "the machine row is hidden"
    );
    // Counts of unsafe operations: whole numbers.
    let i1 = sheet_xml(&out.join("I1.xlsx"));
    assert!(
        i1.contains("<dataValidation type=\"whole\"") && i1.contains("<formula1>0</formula1><formula2>1000000</formula2>"),
        "{i1}"
    );
    // The headings repeat on every printed page.
    let mut archive = zip::ZipArchive::new(std::fs::File::open(out.join("J1.xlsx")).unwrap()).unwrap();
    let mut workbook = String::new();
    archive.by_name("xl/workbook.xml").unwrap().read_to_string(&mut workbook).unwrap();
    assert!(workbook.contains("_xlnm.Print_Titles") && workbook.contains("$1:$6"), "{workbook}");
    // The judge and the contest on the sheet, in words.
    let cells = grid(&out.join("J1.xlsx"));
    assert_eq!(cells[0][0], "2026年区职工技能比武（电工、焊工）评分表");
    assert_eq!(cells[1][0], "评委：周建国（编号 J1）");
    assert_eq!(cells[3][..3], ["编号", "姓名", "工艺质量"]);
    assert_eq!(cells[4][2], "分值 0–10，步长 0.1");
}

#[test]
fn a_sheet_of_another_contest_or_an_unknown_judge_is_refused() {
    let dir = duel("sheets-other", false);
    let out = dir.join("sheets");
    run_ok(&["sheets", s(&dir), "--judge", "J1", "--format", "xlsx", "-o", s(&out)]);
    let csv = dir.join("J1.csv");
    as_csv(&out.join("J1.xlsx"), &csv);
    let text = std::fs::read_to_string(&csv).unwrap();
    std::fs::write(&csv, text.replace("contest=skills-duel-2026", "contest=other-2025")).unwrap();
    let said = run_err(&["import", s(&dir), s(&csv)]);
    assert!(said.contains("A3") && said.contains("other-2025"), "{said}");
    let blank = run_err(&["import", s(&dir), s(&out.join("J1.xlsx"))]);
    assert!(blank.contains("没有填写任何分数"), "the blank sheet: {blank}");
    let unknown = run_err(&["sheets", s(&dir), "--judge", "J9"]);
    assert!(unknown.contains("J9") && unknown.contains("J1, J2"), "{unknown}");
}

#[test]
fn cells_a_judge_does_not_mark_are_struck_out_and_refused() {
    let dir = duel_with_a_reserve("sheets-reserve");
    let out = dir.join("sheets");
    run_ok(&["sheets", s(&dir), "--judge", "I2", "-o", s(&out)]);
    let html = std::fs::read_to_string(out.join("I2.html")).unwrap();
    // 40 entries; I2 sits in for J4 on the 8 of 供电公司 only.
    assert_eq!(html.matches("<td class=\"struck\">").count(), 40 - 8);
    let cells = grid(&out.join("I2.xlsx"));
    let (machine, judge, keys) = machine_row(&cells);
    assert_eq!(judge, "I2");
    let keys: Vec<&str> = keys.iter().map(|(_, k)| k.as_str()).collect();
    assert_eq!(keys, ["practical.workmanship", "practical.unsafe"]);
    // E03 (热电厂) is struck: Excel refuses a value there, and so does import.
    let e03 = cells.iter().position(|r| r.first().is_some_and(|e| e == "E03")).unwrap();
    assert!(e03 > machine);
    let xml = sheet_xml(&out.join("I2.xlsx"));
    assert!(xml.contains(&format!("<formula1>ISBLANK({})</formula1>", address(e03, 2))), "{xml}");
    let filled = dir.join("I2-filled.xlsx");
    fill(
        &out.join("I2.xlsx"),
        &[(address(e03, 2), "7".into()), (address(e03, 3), "1".into())],
        &filled,
    );
    let said = run_err(&["import", s(&dir), s(&filled)]);
    assert!(said.contains(&address(e03, 2)) && said.contains("此格已划去"), "{said}");
    assert!(!said.contains(&address(e03, 3)), "the count is I2's to give: {said}");
}

#[test]
fn under_blind_judging_a_sheet_lists_codes_not_names_and_reads_them_back() {
    let dir = duel("sheets-blind", false);
    let ron = std::fs::read_to_string(dir.join("contest.ron")).unwrap();
    std::fs::write(
        dir.join("contest.ron"),
        ron.replacen(
            "    entrants: Individuals,",
            "    entrants: Individuals,\n    marking: (blind: true),",
            1,
        ),
    )
    .unwrap();
    let refused = run_err(&["sheets", s(&dir)]);
    assert!(refused.contains("podium codes"), "codes first: {refused}");
    let list = dir.join("codes.csv");
    run_ok(&["codes", s(&dir), "-o", s(&list)]);
    let codes: HashMap<String, String> = std::fs::read_to_string(&list)
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].to_string(), f[1].to_string())
        })
        .collect();
    let out = dir.join("sheets");
    run_ok(&["sheets", s(&dir), "--judge", "J1", "-o", s(&out)]);
    let cells = grid(&out.join("J1.xlsx"));
    assert_eq!(cells[3][..2], ["暗码", "工艺质量"], "no names column");
    let shown: Vec<&str> = cells[6..46].iter().map(|r| r[0].as_str()).collect();
    assert!(shown.iter().all(|c| codes.contains_key(*c)), "{shown:?}");
    assert!(shown.windows(2).all(|w| w[0] < w[1]), "by code, not in the entries' order");
    let html = std::fs::read_to_string(out.join("J1.html")).unwrap();
    assert!(
        !html.contains("郑静芳") && !html.contains(">E01<"),
        "no names or ids under blind judging"
    );
    // Filled by code (from the marks by entry id) and read back.
    let (marks, _) = duel_marks();
    let by_code: HashMap<(String, String, String), String> = marks
        .iter()
        .filter_map(|((entry, criterion, judge), value)| {
            let code = codes.iter().find(|(_, e)| *e == entry)?.0;
            Some(((code.clone(), criterion.clone(), judge.clone()), value.clone()))
        })
        .collect();
    let values = values_for(&cells, &by_code);
    assert_eq!(values.len(), 40);
    let filled = dir.join("J1-filled.xlsx");
    fill(&out.join("J1.xlsx"), &values, &filled);
    let said = run_ok(&["import", s(&dir), s(&filled)]);
    assert!(said.contains("导入 40 个分数"), "{said}");
    // An entrant added after the codes were given has none to be listed by.
    let mut entries = std::fs::read_to_string(dir.join("entries.csv")).unwrap();
    entries += "E99,新人,供电公司,electrician,东湖街道\n";
    std::fs::write(dir.join("entries.csv"), entries).unwrap();
    let refused = run_err(&["sheets", s(&dir), "-o", s(&out)]);
    assert!(refused.contains("E99") && refused.contains("podium codes"), "{refused}");
}

#[test]
fn the_html_sheet_is_self_contained_and_prints_on_a4_with_its_headings_on_every_page() {
    let dir = duel_with_a_reserve("sheets-html");
    let out = dir.join("sheets");
    run_ok(&["sheets", s(&dir), "--judge", "I2", "--format", "html", "-o", s(&out)]);
    let html = std::fs::read_to_string(out.join("I2.html")).unwrap();
    assert!(html.contains("size: A4") && html.contains("<thead>") && html.contains("table-header-group"));
    assert!(html.contains("评委签名") && html.contains("裁判长确认"));
    assert!(!html.contains("http://") && !html.contains("https://"), "nothing fetched");
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        assert!(std::env::var("CI").is_err(), "CI needs chromium: .ci/run installs it");
        eprintln!("skipped printing: /usr/bin/chromium is not installed");
        return;
    }
    let pdf = dir.join("I2.pdf");
    let printed = std::process::Command::new(chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", out.join("I2.html").display()))
        .output()
        .unwrap();
    assert!(
        pdf.exists(),
        "chromium printed nothing: {}",
        String::from_utf8_lossy(&printed.stderr)
    );
    let bytes = std::fs::read(&pdf).unwrap();
    let pages = bytes.windows(11).filter(|w| w == b"/Type /Page" || w == b"/Type/Page/").count();
    assert!(pages >= 2, "40 entries take two A4 pages: {pages}");
    // A picture of each page, to look at (where poppler's pdftoppm is installed).
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    if let Ok(done) = std::process::Command::new("pdftoppm")
        .args(["-r", "70", "-png"])
        .arg(&pdf)
        .arg(shots.join("sheet-I2"))
        .status()
    {
        assert!(done.success());
    }
}
