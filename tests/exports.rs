//! Leaderboard exports read back and compared with the JSON output: the
//! CSV as Excel reads it (UTF-8 with BOM), the XLSX workbook (a sheet per
//! division, frozen header), and the self-contained HTML page.

mod common;
use common::*;
use serde_json::Value;

fn json_board(contest: &str) -> Value {
    let out = podium(&["score", contest, "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

/// A JSON number (exact decimal text) as f64, for comparing with a spreadsheet cell.
fn number(value: &Value) -> Option<f64> {
    value.as_number().map(|n| n.to_string().parse().unwrap())
}

#[test]
fn csv_opens_in_excel_with_chinese_intact_and_matches_the_json() {
    for contest in ["contests/construction", "contests/skills-duel"] {
        let json = json_board(contest);
        // The ids scripts read (the default headers are words: tests/examples.rs).
        let out = podium(&["score", contest, "--format", "csv", "--headers", "ids"]);
        let bytes = out.stdout;
        assert!(
            bytes.starts_with("\u{feff}".as_bytes()),
            "a byte order mark first, so Excel reads UTF-8"
        );
        let text = String::from_utf8(bytes).unwrap();
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let header = reader.headers().unwrap().clone();
        let column = |name: &str| header.iter().position(|h| h == name).unwrap();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let entries = json["entries"].as_array().unwrap();
        assert_eq!(rows.len(), entries.len());
        for (row, entry) in rows.iter().zip(entries) {
            assert_eq!(row[column("entry")], *entry["entry"].as_str().unwrap());
            assert_eq!(row[column("name")], *entry["name"].as_str().unwrap(), "Chinese names intact");
            assert_eq!(row[column("rank")], entry["rank"].to_string().replace("null", ""));
            // Numbers as plain numbers, the exact decimal text of the JSON.
            assert_eq!(row[column("total")], entry["total"].to_string().replace("null", "-"));
            for (id, value) in entry["categories"].as_object().unwrap() {
                assert_eq!(row[column(id)], value.to_string().replace("null", "-"), "{id}");
            }
            assert_eq!(row[column("award_label")], *entry["award_label"].as_str().unwrap_or(""));
        }
    }
}

#[test]
fn xlsx_has_a_sheet_per_division_and_matches_the_json() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let dir = temp_dir("xlsx");
    let file = dir.join("results.xlsx");
    let out = podium(&["score", "contests/skills-duel", "--format", "xlsx", "-o", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json = json_board("contests/skills-duel");
    let entries = json["entries"].as_array().unwrap();
    let mut workbook: Xlsx<_> = open_workbook(&file).unwrap();
    // Two division fields: a sheet for each value of each.
    assert_eq!(
        workbook.sheet_names(),
        [
            "总榜",
            "trade=electrician",
            "trade=welder",
            "street=东湖街道",
            "street=北港镇",
            "street=南山镇",
            "street=西岭街道"
        ]
    );
    let overall = workbook.worksheet_range("总榜").unwrap();
    // A title row (the contest, the sheet, the date), then the header.
    let title = overall.rows().next().unwrap()[0].to_string();
    assert!(title.starts_with("2026年区职工技能比武（电工、焊工） — 总榜 — 20"), "{title}");
    assert!(!title.contains("暂定"), "every mark is in: {title}");
    let header: Vec<String> = overall.rows().nth(1).unwrap().iter().map(|c| c.to_string()).collect();
    assert_eq!(&header[..7], ["名次", "并列", "编号", "名称", "单位", "工种", "总分"]);
    assert_eq!(header[5], "工种", "the division column under the label the contest gives its field");
    assert_eq!(&header[7..9], ["理论知识", "实际操作"], "category labels in the chosen language");
    assert_eq!(header[9], "奖项");
    let rows: Vec<&[Data]> = overall.rows().skip(2).collect();
    assert_eq!(rows.len(), entries.len());
    for (row, entry) in rows.iter().zip(entries) {
        assert_eq!(row[2].to_string(), entry["entry"].as_str().unwrap());
        assert_eq!(row[3].to_string(), entry["name"].as_str().unwrap());
        match (&row[0], entry["rank"].as_u64()) {
            (Data::Float(rank), Some(expected)) => assert_eq!(*rank, expected as f64),
            (Data::Empty, None) => {}
            (cell, expected) => panic!("rank {cell:?}, expected {expected:?}"),
        }
        let tied = if entry["tied"].as_bool().unwrap() { "是" } else { "否" };
        assert_eq!(row[1], Data::String(tied.into()), "yes or no in words, not TRUE/FALSE");
        // Totals are numbers, not text.
        match (&row[6], number(&entry["total"])) {
            (Data::Float(total), Some(expected)) => assert_eq!(*total, expected),
            (Data::Empty, None) => {}
            (cell, expected) => panic!("total {cell:?}, expected {expected:?}"),
        }
        for (k, value) in entry["categories"].as_object().unwrap().values().enumerate() {
            if let Some(expected) = number(value) {
                assert_eq!(row[7 + k], Data::Float(expected));
            }
        }
        assert_eq!(row[9].to_string(), entry["award_label"].as_str().unwrap_or(""));
    }
    // Each division's sheet: its entries, ranked within the division.
    for trade in ["electrician", "welder"] {
        let sheet = workbook.worksheet_range(&format!("trade={trade}")).unwrap();
        let in_trade: Vec<&Value> = entries.iter().filter(|e| e["division"] == trade).collect();
        assert_eq!(sheet.rows().count() - 2, in_trade.len(), "{trade}");
        for row in sheet.rows().skip(2) {
            let entry = in_trade.iter().find(|e| e["entry"] == row[2].to_string().as_str()).unwrap();
            let rank = entry["divisions"]["trade"]["rank"].as_u64().map(|r| r as f64);
            let cell = if let Data::Float(r) = row[0] { Some(r) } else { None };
            assert_eq!(cell, rank, "{trade} {}", row[2]);
        }
    }
    // The title and header rows are frozen on every sheet, which prints on
    // A4 landscape, fitted to the width, the header row on every page.
    let archive = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
    let mut archive = archive;
    let mut part = |name: &str| {
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut xml).unwrap();
        xml
    };
    for n in 1..=3 {
        let xml = part(&format!("xl/worksheets/sheet{n}.xml"));
        assert!(
            xml.contains("ySplit=\"2\"") && xml.contains("state=\"frozen\""),
            "sheet {n} header not frozen"
        );
        assert!(
            xml.contains("paperSize=\"9\"") && xml.contains("orientation=\"landscape\""),
            "sheet {n}: {xml}"
        );
        assert!(
            xml.contains("fitToHeight=\"0\"") && xml.contains("fitToPage=\"1\""),
            "sheet {n} fits the width"
        );
    }
    let workbook_xml = part("xl/workbook.xml");
    assert!(
        workbook_xml.contains("_xlnm.Print_Titles") && workbook_xml.contains("$2:$2"),
        "{workbook_xml}"
    );
}

#[test]
fn xlsx_needs_an_output_file() {
    let out = podium(&["score", "contests/skills-duel", "--format", "xlsx"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--output"), "{}", stderr(&out));
}

#[test]
fn the_html_leaderboard_is_self_contained() {
    let dir = temp_dir("html");
    let file = dir.join("board.html");
    let out = podium(&["score", "contests/construction", "--format", "html", "-o", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<meta charset=\"utf-8\">"));
    assert!(
        html.contains("@font-face") && html.contains("data:font/woff2;base64,"),
        "the font is inside"
    );
    for outside in ["http://", "https://", "<script", "<link", "src=\""] {
        assert!(!html.contains(outside), "refers outside itself: {outside}");
    }
    let json = json_board("contests/construction");
    for entry in json["entries"].as_array().unwrap() {
        let name = entry["name"].as_str().unwrap();
        assert!(html.contains(name), "{name} missing");
    }
    assert!(
        html.contains("@media print") && html.contains("thead { display: table-header-group; }"),
        "prints with the header on every page"
    );
}

/// A copy of the construction contest whose entries' ids, names and
/// organisations start like spreadsheet formulas, as an attacker would enter them.
fn hostile_contest(name: &str) -> std::path::PathBuf {
    let dir = temp_dir(name);
    let read = |file: &str| std::fs::read_to_string(format!("contests/construction/{file}")).unwrap();
    std::fs::write(dir.join("contest.ron"), read("contest.ron")).unwrap();
    let entries = read("entries.csv")
        .replace(
            "C01,钢筋一班,城建集团一公司",
            "=1+cmd|' /C calc'!A0,@SUM(1+1)*cmd|' /C calc'!A0,-2+3+cmd|' /C calc'!A0",
        )
        .replace("C02,混凝土突击队", "+C02,'=already quoted");
    std::fs::write(dir.join("entries.csv"), entries).unwrap();
    let marks = read("marks.csv")
        .replace("\nC01,", "\n=1+cmd|' /C calc'!A0,")
        .replace("\nC02,", "\n+C02,");
    std::fs::write(dir.join("marks.csv"), marks).unwrap();
    dir
}

fn formula_like(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(['=', '+', '-', '@', '\t', '\r'])
}

#[test]
fn a_name_that_starts_like_a_formula_reaches_excel_as_text() {
    let dir = hostile_contest("formulas");
    let contest = dir.to_str().unwrap();
    let json = json_board(contest);
    let entries = json["entries"].as_array().unwrap();
    let names: Vec<&str> = entries.iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"@SUM(1+1)*cmd|' /C calc'!A0"), "{names:?}");

    // CSV: every text cell that starts like a formula has an apostrophe first;
    // without it, the text is exactly the JSON's; numbers stay numbers.
    let out = podium(&["score", contest, "--format", "csv", "--headers", "ids"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), entries.len());
    for (row, entry) in rows.iter().zip(entries) {
        for field in ["entry", "name", "organisation", "division", "flags", "award", "award_label"] {
            let cell = &row[column(field)];
            let value = entry[field].as_str().map(String::from).unwrap_or_else(|| {
                entry[field].as_array().map_or(String::new(), |flags| {
                    flags.iter().map(|f| f.as_str().unwrap()).collect::<Vec<_>>().join(";")
                })
            });
            if formula_like(&value) {
                assert_eq!(*cell, format!("'{value}"), "{field}: a formula reaches Excel");
            } else {
                assert_eq!(*cell, value, "{field}");
            }
        }
        assert_eq!(row[column("total")], entry["total"].to_string().replace("null", "-"));
    }
    assert!(
        text.contains(",'=1+cmd|' /C calc'!A0,'@SUM(1+1)*cmd|' /C calc'!A0,'-2+3+cmd|' /C calc'!A0,"),
        "{text}"
    );
    assert!(text.contains(",'+C02,''=already quoted,"), "{text}");

    // XLSX: text goes in as a shared string, which Excel never evaluates; no
    // formula anywhere, and the name reads back as it was, with no apostrophe.
    use calamine::{open_workbook, Reader, Xlsx};
    let file = dir.join("results.xlsx");
    let out = podium(&["score", contest, "--format", "xlsx", "-o", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
    for n in 0..archive.len() {
        let mut part = archive.by_index(n).unwrap();
        let mut xml = String::new();
        if part.name().starts_with("xl/worksheets/") {
            std::io::Read::read_to_string(&mut part, &mut xml).unwrap();
            assert!(!xml.contains("<f>") && !xml.contains("<f "), "{} has a formula", part.name());
            assert!(
                !xml.contains("t=\"str\"") && !xml.contains("cmd|"),
                "{}: text only as shared strings",
                part.name()
            );
        }
    }
    let mut shared = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("xl/sharedStrings.xml").unwrap(), &mut shared).unwrap();
    assert!(shared.contains("<t>@SUM(1+1)*cmd|' /C calc'!A0</t>"), "{shared}");
    let mut workbook: Xlsx<_> = open_workbook(&file).unwrap();
    let first = workbook.sheet_names()[0].clone();
    let sheet = workbook.worksheet_range(&first).unwrap();
    let read: Vec<String> = sheet.rows().skip(2).map(|row| row[3].to_string()).collect();
    assert_eq!(read, names);
}

/// While a mark the contest expects is missing, every board says its awards
/// are provisional (暂定); once it is in, none does.
#[test]
fn every_board_marks_its_awards_provisional_until_every_mark_is_in() {
    let dir = temp_dir("provisional");
    for file in ["contest.ron", "entries.csv", "marks.csv"] {
        std::fs::copy(format!("contests/skills-duel/{file}"), dir.join(file)).unwrap();
    }
    let boards = |dir: &std::path::Path| -> Vec<(&'static str, String)> {
        let d = dir.to_str().unwrap();
        let xlsx = dir.join("board.xlsx");
        let html = dir.join("board.html");
        run_ok(&["score", d, "--format", "xlsx", "-o", xlsx.to_str().unwrap()]);
        run_ok(&["score", d, "--format", "html", "-o", html.to_str().unwrap()]);
        let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
        let sheet = calamine::Reader::worksheet_range(&mut workbook, "总榜").unwrap();
        let cells: Vec<String> = sheet.rows().flat_map(|r| r.iter().map(|c| c.to_string())).collect();
        vec![
            ("table", run_ok(&["score", d])),
            ("csv", run_ok(&["score", d, "--format", "csv"])),
            ("json", run_ok(&["score", d, "--format", "json"])),
            ("xlsx", cells.join("\n")),
            ("html", std::fs::read_to_string(&html).unwrap()),
        ]
    };
    for (board, text) in boards(&dir) {
        assert!(
            !text.contains("暂定") && !text.contains("\"provisional\": true"),
            "{board}: every mark is in"
        );
    }
    // W11 (first prize) loses one judge's mark of practical.workmanship.
    let marks = std::fs::read_to_string(dir.join("marks.csv")).unwrap();
    let line = marks
        .lines()
        .find(|l| l.starts_with("W11,practical.workmanship,"))
        .unwrap()
        .to_string();
    std::fs::write(dir.join("marks.csv"), marks.replace(&format!("{line}\n"), "")).unwrap();
    for (board, text) in boards(&dir) {
        match board {
            "json" => assert!(text.contains("\"provisional\": true"), "{board}: {text}"),
            // A CSV has no line for a note: each award says it.
            "csv" => assert!(text.contains(",一等奖（暂定）"), "{board}: {text}"),
            _ => assert!(text.contains("一等奖（暂定）") && text.contains("评分尚未完成"), "{board}: {text}"),
        }
    }
    // The leaderboard chart and the report say it too.
    let svg = dir.join("leaderboard.svg");
    run_ok(&["chart", dir.to_str().unwrap(), "leaderboard", "-o", svg.to_str().unwrap()]);
    let chart = std::fs::read_to_string(&svg).unwrap();
    assert!(
        chart.contains("一等奖（暂定）") && chart.contains("评分尚未完成"),
        "the chart's legend and subtitle"
    );
    assert!(
        chart.contains(" · welder") && chart.contains(" · electrician"),
        "prizes per trade: each bar names its trade"
    );
    let report = dir.join("report.html");
    run_ok(&["report", dir.to_str().unwrap(), "-o", report.to_str().unwrap()]);
    assert!(
        std::fs::read_to_string(&report).unwrap().contains("一等奖（暂定）"),
        "the report's award list"
    );
    let english = podium_en(&["score", dir.to_str().unwrap()]);
    let english = String::from_utf8(english.stdout).unwrap();
    assert!(
        english.contains("First prize (provisional)") && english.contains("Marking is not complete"),
        "{english}"
    );
}

#[test]
fn a_csv_board_written_a_window_at_a_time_is_the_board_written_whole() {
    use podium::output::{write_board, write_csv_in_windows, FormatKind, Leaderboard};
    let dir = temp_dir("windows");
    let (whole, windowed) = (dir.join("whole.csv"), dir.join("windowed.csv"));
    // A contest with divisions and awards, one with element criteria, and
    // the classification of one run in stages.
    for contest in ["construction", "judged-panel", "knockout"] {
        let inputs = podium::load::load(&std::path::Path::new("contests").join(contest), None).unwrap();
        let results = podium::stages::final_results(inputs, &[]);
        for lang in [podium::contest::Lang::Zh, podium::contest::Lang::En] {
            let board = Leaderboard::new(&results, lang, None).unwrap();
            write_board(&board, FormatKind::Csv, Some(&whole)).unwrap();
            let expected = std::fs::read(&whole).unwrap();
            for window in [1, 2, 7, podium::output::WINDOW] {
                let board_of = |rows| Leaderboard::of_rows(&results, rows, lang);
                write_csv_in_windows(&results, window, board_of, Some(&windowed)).unwrap();
                assert_eq!(std::fs::read(&windowed).unwrap(), expected, "{contest} in windows of {window}");
            }
        }
    }
}
