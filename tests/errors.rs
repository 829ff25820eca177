//! Bad input, one rejection at a time, through `podium check`: each error
//! names the file, the line (and column where there is one), the field, and
//! what would be valid; nothing is scored from a contest with errors.

mod common;
use common::*;
use std::path::Path;

const EXAMPLE: &str = "contests/construction";

/// Copies the construction example, lets `change` edit one file, and
/// returns what `podium check` printed on standard error (it must fail).
fn check_with(name: &str, file: &str, change: impl Fn(String) -> String) -> String {
    check_bytes(name, file, |bytes| change(String::from_utf8(bytes).unwrap()).into_bytes())
}

/// As `check_with`, for changes that are not text.
fn check_bytes(name: &str, file: &str, change: impl Fn(Vec<u8>) -> Vec<u8>) -> String {
    let dir = temp_dir(name);
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    let bytes = std::fs::read(dir.join(file)).unwrap();
    std::fs::write(dir.join(file), change(bytes)).unwrap();
    let out = podium_en(&["check", dir.to_str().unwrap()]);
    assert!(!out.status.success(), "{name}: check passed but should fail");
    let score = podium_en(&["score", dir.to_str().unwrap()]);
    assert!(
        !score.status.success() && score.stdout.is_empty(),
        "{name}: nothing is scored from bad input"
    );
    stderr(&out)
}

fn assert_mentions(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "expected {part:?} in:\n{text}");
    }
}

#[test]
fn malformed_ron_names_line_and_column() {
    let err = check_with("ron-syntax", "contest.ron", |t| t.replacen("weight: 30,", "weight: 30", 1));
    assert_mentions(&err, &["contest.ron:", "error"]);
    let line_col = err.split("contest.ron:").nth(1).unwrap();
    assert!(line_col.split(':').take(2).all(|n| n.parse::<usize>().is_ok()), "{err}");
}

#[test]
fn unknown_fields_and_variants_suggest_the_right_name() {
    let err = check_with("ron-field", "contest.ron", |t| {
        t.replacen("            max: 20,", "            mx: 20,", 1)
    });
    assert_mentions(&err, &["contest.ron:41:", "`mx`", "did you mean `max`?"]);
    let err = check_with("ron-variant", "contest.ron", |t| {
        t.replacen("kind: Judgement(),", "kind: Judgment(),", 1)
    });
    assert_mentions(&err, &["`Judgment`", "did you mean `Judgement`?"]);
}

#[test]
fn semantic_checks_of_the_contest() {
    let err = check_with("weights", "contest.ron", |t| t.replacen("weight: 10,", "weight: 15,", 1));
    assert_mentions(&err, &["the category weights add up to 105, but total_max is 100", "conduct 15"]);
    let err = check_with("tie-break", "contest.ron", |t| {
        t.replacen("Category(\"safety\")", "Category(\"safty\")", 1)
    });
    assert_mentions(
        &err,
        &["ranking.tie_breaks[0]", "unknown category `safty`", "did you mean `safety`?"],
    );
    let err = check_with("formula", "contest.ron", |t| {
        t.replacen("safety.major_accident > 0", "safety.major_acident > 0", 1)
    });
    assert_mentions(
        &err,
        &[
            "vetoes[0].when",
            "unknown name `safety.major_acident`",
            "did you mean `safety.major_accident`?",
        ],
    );
    let err = check_with("duplicate-criterion", "contest.ron", |t| {
        t.replacen("id: \"acceptance\"", "id: \"workmanship\"", 1)
    });
    assert_mentions(&err, &["the criterion `quality.workmanship` is declared twice"]);
    let err = check_with("judge", "contest.ron", |t| {
        t.replacen("judges: [\"J1\", \"J3\", \"J5\"]", "judges: [\"J1\", \"J3\", \"J6\"]", 1)
    });
    assert_mentions(&err, &["unknown judge `J6`"]);
    let err = check_with("trimmed", "contest.ron", |t| {
        t.replacen("(5, TrimmedMean(1))", "(5, TrimmedMean(3))", 1)
    });
    assert_mentions(&err, &["with 5 judges, dropping 3 highest and 3 lowest leaves nothing"]);
    let err = check_with("share", "contest.ron", |t| t.replacen("rule: Top(1)),", "rule: Share(120)),", 1));
    assert_mentions(&err, &["beyond 100%"]);
}

#[test]
fn bad_marks_rows_each_with_line_column_and_reason() {
    let rows = "C01,quality.workmanshp,,J1,7\n\
                C99,quality.workmanship,,J1,7\n\
                C01,quality.workmanship,,J9,7\n\
                C01,quality.workmanship,,J1,17\n\
                C01,quality.workmanship,,J1,7.3\n\
                C01,quality.workmanship,1,J1,7\n\
                C01,quality.workmanship,,J1\n\
                C01,conduct.integrity,,J2,7\n\
                C01,quality.acceptance,,,9x\n";
    let err = check_with("marks-rows", "marks.csv", |t| t + rows);
    assert_mentions(
        &err,
        &[
            "marks.csv:252: error in `criterion (column B)`: unknown criterion `quality.workmanshp`",
            "did you mean `quality.workmanship`?",
            "marks.csv:253: error in `entry (column A)`: unknown entry `C99`",
            "marks.csv:254: error in `judge (column D)`: `J9` for quality.workmanship: unknown judge",
            "marks.csv:255: error in `value (column E)`: `17` for quality.workmanship: out of range: marks go from 0 to 10",
            "marks.csv:256: error in `value (column E)`: `7.3` for quality.workmanship: not on a step of 0.5 from 0",
            "marks.csv:257: error in `element (column C)`",
            "marks.csv:258: error in `row`: this row has 4 fields but the header has 5",
            "marks.csv:259: error in `judge (column D)`: `J2` for conduct.integrity: this judge is not on the panel (J1, J3, J5)",
            "marks.csv:260: error in `value (column E)`: `9x` for quality.acceptance: not a number",
            "9 problems found",
        ],
    );
}

#[test]
fn a_judge_marking_a_cell_twice_is_refused() {
    let err = check_with("duplicate-mark", "marks.csv", |t| t + "C01,quality.workmanship,,J1,9\n");
    assert_mentions(&err, &["entry `C01` has two marks for quality.workmanship from judge J1"]);
}

#[test]
fn marks_header_and_encoding() {
    let err = check_with("marks-header", "marks.csv", |t| {
        t.replacen("entry,criterion,element,judge,value", "entry,criterion,judge,value", 1)
    });
    assert_mentions(&err, &["marks.csv:1: error in `element`: the header has no `element` column"]);
    let err = check_with("marks-empty", "marks.csv", |_| String::new());
    assert_mentions(&err, &["the marks file is empty"]);
}

#[test]
fn bad_entries() {
    let err = check_with("entries-duplicate", "entries.csv", |t| t + "C01,又一个,某公司,房建,东城,\n");
    assert_mentions(&err, &["entries.csv:10: error in `id`: the id `C01` is used twice"]);
    let err = check_with("entries-division", "entries.csv", |t| t.replacen("industry", "sector", 1));
    assert_mentions(&err, &["the contest reads the field `industry`", "no such column"]);
    // A row saved in GBK rather than UTF-8.
    let err = check_bytes("entries-gbk", "entries.csv", |mut bytes| {
        bytes.extend_from_slice(b"C09,\xB3\xC7,x,y,z,\n");
        bytes
    });
    // Mixed with UTF-8, that row is neither encoding: refused at its row and column.
    assert_mentions(
        &err,
        &[
            "entries.csv:10: error in `column B`: the file is neither UTF-8 nor GB18030/GBK text",
            "CSV UTF-8",
        ],
    );
}

#[test]
fn excel_files_with_bom_and_crlf_are_read() {
    let dir = temp_dir("excel");
    for file in ["contest.ron", "entries.csv", "marks.csv"] {
        let text = std::fs::read_to_string(Path::new(EXAMPLE).join(file)).unwrap();
        let text = if file.ends_with(".csv") {
            format!("\u{feff}{}", text.replace('\n', "\r\n"))
        } else {
            text
        };
        std::fs::write(dir.join(file), text).unwrap();
    }
    let out = podium(&["score", dir.to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), std::fs::read_to_string("tests/golden/construction.json").unwrap());
}

#[test]
fn a_missing_contest_says_what_a_contest_is() {
    let out = podium_en(&["check", "no/such/folder"]);
    assert!(!out.status.success());
    assert_mentions(&stderr(&out), &["cannot read the file", "podium init"]);
}

#[test]
fn judges_may_not_mark_their_own_organisation_or_outside_their_assignment() {
    let err = check_with("conflict", "contest.ron", |t| {
        t.replacen("organisation: \"市质监站\"", "organisation: \"城建集团一公司\"", 1)
    });
    assert_mentions(
        &err,
        &["`J4` for quality.workmanship: the judge belongs to 城建集团一公司, the entry's own organisation (conflict of interest"],
    );
    let err = check_with("assigned-entries", "contest.ron", |t| {
        t.replacen(
            "organisation: \"区总工会\"),",
            "organisation: \"区总工会\", entries: [\"C02\", \"C03\"]),",
            1,
        )
    });
    assert_mentions(
        &err,
        &["`J1` for quality.workmanship: entry `C01` is not among the entries assigned to this judge"],
    );
    let err = check_with("assigned-division", "contest.ron", |t| {
        t.replacen(
            "organisation: \"区住建局\"),",
            "organisation: \"区住建局\", division: (\"industry\", \"市政\")),",
            1,
        )
    });
    assert_mentions(
        &err,
        &["`J2` for quality.workmanship: the judge marks only industry `市政`, and entry `C01` is not in it"],
    );
    let err = check_with("assigned-unknown", "contest.ron", |t| {
        t.replacen(
            "organisation: \"区总工会\"),",
            "organisation: \"区总工会\", entries: [\"C77\"]),",
            1,
        )
    });
    assert_mentions(&err, &["judges[0].entries", "judge J1 is assigned `C77`, which is not an entry"]);
}

#[test]
fn a_contest_may_allow_judges_from_the_entrants_organisations() {
    let dir = temp_dir("allow-own");
    for file in ["contest.ron", "entries.csv", "marks.csv"] {
        std::fs::copy(Path::new(EXAMPLE).join(file), dir.join(file)).unwrap();
    }
    let contest = std::fs::read_to_string(dir.join("contest.ron")).unwrap();
    let contest = contest
        .replacen("organisation: \"市质监站\"", "organisation: \"城建集团一公司\"", 1)
        .replacen(
            "missing: SubstituteMean,",
            "missing: SubstituteMean,\n        allow_own_organisation: true,",
            1,
        );
    std::fs::write(dir.join("contest.ron"), contest).unwrap();
    let out = podium_en(&["check", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn entries_may_be_written_in_ron() {
    let dir = temp_dir("ron-entries");
    for file in ["contest.ron", "marks.csv"] {
        std::fs::copy(Path::new(EXAMPLE).join(file), dir.join(file)).unwrap();
    }
    // The construction entries, as RON.
    let mut ron = String::from("[\n");
    let csv = std::fs::read_to_string(Path::new(EXAMPLE).join("entries.csv")).unwrap();
    for line in csv.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let members: Vec<String> = f[5].split(';').map(|m| format!("{m:?}")).collect();
        ron += &format!(
            "    (id: {:?}, name: {:?}, organisation: {:?}, members: [{}], fields: {{\"industry\": {:?}, \"district\": {:?}}}),\n",
            f[0],
            f[1],
            f[2],
            members.join(", "),
            f[3],
            f[4]
        );
    }
    ron += "]\n";
    std::fs::write(dir.join("entries.ron"), &ron).unwrap();
    let contest = std::fs::read_to_string(dir.join("contest.ron")).unwrap().replacen(
        "    total_max: 100,",
        "    total_max: 100,\n    files: (entries: \"entries.ron\"),",
        1,
    );
    std::fs::write(dir.join("contest.ron"), contest).unwrap();
    let out = podium(&["score", dir.to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), std::fs::read_to_string("tests/golden/construction.json").unwrap());
    // A duplicate id in RON is named with its line.
    std::fs::write(dir.join("entries.ron"), ron.replacen("(id: \"C02\"", "(id: \"C01\"", 1)).unwrap();
    let err = stderr(&podium_en(&["check", dir.to_str().unwrap()]));
    assert!(err.contains("entries.ron:") && err.contains("the id `C01` is used twice"), "{err}");
}

#[test]
fn bad_element_data() {
    let dir = temp_dir("elements");
    for file in ["contest.ron", "entries.csv", "marks.csv", "elements.csv"] {
        std::fs::copy(Path::new("contests/judged-panel").join(file), dir.join(file)).unwrap();
    }
    let elements = std::fs::read_to_string(dir.join("elements.csv")).unwrap();
    let bad =
        elements + "F01,routine.elements,4,1.2,\nF01,routine.style,1,1.2,\nF99,routine.elements,1,1.2,\nF02,routine.elements,1,hard,\n";
    std::fs::write(dir.join("elements.csv"), bad).unwrap();
    let err = stderr(&podium_en(&["check", dir.to_str().unwrap()]));
    assert!(
        err.contains("elements.csv:72: error in `element (column C)`: `4` is not an element of routine.elements: give 1 to 3"),
        "{err}"
    );
    assert!(
        err.contains("elements.csv:73: error in `criterion (column B)`: `routine.style` has no elements, so no element data"),
        "{err}"
    );
    assert!(
        err.contains("elements.csv:74: error in `entry (column A)`: unknown entry `F99`"),
        "{err}"
    );
    assert!(
        err.contains("elements.csv:75: error in `difficulty (column D)`: `hard` is not a number"),
        "{err}"
    );
}

#[test]
fn descriptors_must_lie_within_the_marks_in_order() {
    let err = check_with("descriptors", "contest.ron", |t| {
        t.replacen("(9, (zh: \"精品工程\"", "(19, (zh: \"精品工程\"", 1)
    });
    assert_mentions(
        &err,
        &[
            "contest.ron:",
            "categories[0].criteria[0].descriptors[2]",
            "descriptor from 19 of `quality.workmanship` is outside the marks 0 to 10 or out of order",
            "list descriptors from the lowest mark up",
        ],
    );
}
