//! Issue 14, "what real events needed": elements an entry did not perform,
//! measurements scored by an exact formula, element text (dive codes),
//! per-element results, and zeros that fill a gap saying so. Every expected
//! number is worked out by hand in the comment beside it.

mod common;
use common::{contest_dir, podium_en, run_err_en, s, stdout};
use podium::engine::{score, ElementResult, Results};
use podium::load::load;
use std::path::Path;

fn row<'a>(results: &'a Results, id: &str) -> &'a podium::engine::ResultRow {
    let index = results.inputs.entries.find(id).unwrap();
    results.rows.iter().find(|r| r.entry == index).unwrap()
}

fn total(results: &Results, id: &str) -> String {
    row(results, id).total.map_or("none".into(), |t| t.to_string())
}

fn flags(results: &Results, id: &str) -> Vec<String> {
    let rules = &results.inputs.rules;
    row(results, id).flags.iter().map(|f| podium::output::flag_code(rules, f)).collect()
}

/// `podium explain` in English: its standard output.
fn explain(dir: &Path, entry: &str) -> String {
    let out = podium_en(&["explain", s(dir), entry]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    stdout(&out)
}

/// A diving-like event: up to three dives, each marked by two judges,
/// worth the panel's mean × the dive's difficulty (dd); the dive code is text.
fn dives(name: &str, combine: &str, unperformed: &str) -> std::path::PathBuf {
    let contest = format!(
        r#"Contest(id: "t", name: (en: "t"), judges: [Judge(id: "J1"), Judge(id: "J2")],
        files: (elements: "elements.csv"),
        rounding: (total: (places: 2, mode: HalfUp)),
        categories: [Category(id: "s", label: (en: "S"), score: Sum, criteria: [
            Criterion(id: "dives", label: (en: "Dives"), marks: (min: 0, max: 10, step: 0.5),
                kind: Elements(count: 3, data: ["dd"], text: ["code"], value: "score * dd", combine: {combine}{unperformed})),
        ])])"#
    );
    // A: three dives. B: two (no marks and no row for dive 3).
    // C: dive 2 is in the elements file but unmarked, so it was performed and its marks are missing.
    let marks = "entry,criterion,element,judge,value\n\
        A,s.dives,1,J1,8\nA,s.dives,1,J2,9\nA,s.dives,2,J1,7\nA,s.dives,2,J2,7\nA,s.dives,3,J1,9\nA,s.dives,3,J2,10\n\
        B,s.dives,1,J1,6\nB,s.dives,1,J2,7\nB,s.dives,2,J1,8\nB,s.dives,2,J2,8\n\
        C,s.dives,1,J1,5\nC,s.dives,1,J2,5\n";
    let dir = contest_dir(name, &contest, "id,name\nA,a\nB,b\nC,c\n", marks);
    let elements = "entry,criterion,element,dd,code\n\
        A,s.dives,1,1.2,5154B\nA,s.dives,2,2.0,107C\nA,s.dives,3,1.4,201A\n\
        B,s.dives,1,1.5,3A+2T\nB,s.dives,2,2.0,109C\n\
        C,s.dives,1,1.0,101A\nC,s.dives,2,1.0,103B\n";
    std::fs::write(dir.join("elements.csv"), elements).unwrap();
    dir
}

#[test]
fn an_element_not_performed_is_left_out_or_counts_zero_as_declared() {
    // A: 8.5 × 1.2 = 10.2, 7 × 2.0 = 14, 9.5 × 1.4 = 13.3; sum 37.5, mean 12.5.
    // B: 6.5 × 1.5 = 9.75, 8 × 2.0 = 16; dive 3 not performed.
    let skip = score(load(&dives("skip-sum", "Sum", ", unperformed: Skip"), None).unwrap(), &[]);
    assert_eq!(total(&skip, "A"), "37.50");
    assert_eq!(total(&skip, "B"), "25.75");
    // C performed dive 2 (it has element data): its marks are missing, not "not performed".
    assert_eq!(total(&skip, "C"), "none");

    // Mean over the performed dives: (9.75 + 16) / 2 = 12.875 → 12.88.
    let mean_skip = score(load(&dives("skip-mean", "Mean", ", unperformed: Skip"), None).unwrap(), &[]);
    assert_eq!(total(&mean_skip, "A"), "12.50");
    assert_eq!(total(&mean_skip, "B"), "12.88");
    // Counted as 0: (9.75 + 16 + 0) / 3 = 8.5833… → 8.58.
    let mean_zero = score(load(&dives("zero-mean", "Mean", ", unperformed: Zero"), None).unwrap(), &[]);
    assert_eq!(total(&mean_zero, "B"), "8.58");
    // Best(2) chooses among what was performed: 16 + 9.75.
    let best = score(load(&dives("skip-best", "Best(2)", ", unperformed: Skip"), None).unwrap(), &[]);
    assert_eq!(total(&best, "A"), "27.30");
    assert_eq!(total(&best, "B"), "25.75");

    // Without `unperformed` every dive must be performed: B is not scored.
    let fixed = score(load(&dives("fixed", "Sum", ""), None).unwrap(), &[]);
    assert_eq!(total(&fixed, "B"), "none");
    assert_eq!(flags(&fixed, "B"), ["incomplete:s.dives"]);
    // With `missing: Zero` and no `unperformed`, B's third dive is not a quiet 0
    // and not "no element data": it is flagged, and the reason says what to declare.
    let zero = dives("fixed-zero", "Sum", "");
    let contest = std::fs::read_to_string(zero.join("contest.ron")).unwrap();
    std::fs::write(
        zero.join("contest.ron"),
        contest.replace("combine: Sum))", "combine: Sum), missing: Zero)"),
    )
    .unwrap();
    let fixed_zero = score(load(&zero, None).unwrap(), &[]);
    assert_eq!(total(&fixed_zero, "B"), "none");
    assert_eq!(flags(&fixed_zero, "B"), ["incomplete:s.dives", "filled_zero:s.dives#3"]);
    let text = explain(&zero, "B");
    assert!(
        text.contains("element 3 has no marks and no element data: if it was not performed, the contest must say how that counts (`unperformed: Skip` or `Zero`)"),
        "{text}"
    );
    // No zero was filled in quietly: nothing is flagged as filled.
    assert!(flags(&skip, "B").is_empty(), "{:?}", flags(&skip, "B"));
}

#[test]
fn each_element_is_kept_with_whether_it_was_performed() {
    let dir = dives("results", "Mean", ", unperformed: Zero");
    let results = score(load(&dir, None).unwrap(), &[]);
    let element = |element: u8, performed: bool, score: Option<&str>, value: Option<&str>| ElementResult {
        criterion: 0,
        element,
        performed,
        score: score.map(|v| v.parse().unwrap()),
        value: value.map(|v| v.parse().unwrap()),
    };
    assert_eq!(
        *row(&results, "B").elements,
        [
            element(1, true, Some("6.5"), Some("9.75")),
            element(2, true, Some("8"), Some("16.0")),
            element(3, false, None, Some("0")),
        ]
    );
    let skip = score(load(&dives("results-skip", "Sum", ", unperformed: Skip"), None).unwrap(), &[]);
    assert_eq!(row(&skip, "B").elements[2], element(3, false, None, None));
}

#[test]
fn explain_says_which_element_was_not_performed_and_names_the_data() {
    let dir = dives("explain-skip", "Sum", ", unperformed: Skip");
    let text = explain(&dir, "B");
    assert!(text.contains("s.dives element 1: score 6.5, dd 1.5, code 3A+2T → 9.75"), "{text}");
    assert!(
        text.contains("s.dives element 3: not performed (no marks, no element data), left out"),
        "{text}"
    );
    assert!(
        !text.contains("no element data\n") && !text.contains("has no element data"),
        "{text}"
    );
    let dir = dives("explain-zero", "Sum", ", unperformed: Zero");
    assert!(
        explain(&dir, "B").contains("s.dives element 3: not performed (no marks, no element data), counts 0"),
        "{}",
        explain(&dir, "B")
    );
}

#[test]
fn status_expects_no_marks_of_an_element_not_performed() {
    // With `unperformed`, B's third dive expects nothing; C's second dive
    // (in the elements file) expects both judges' marks.
    let inputs = load(&dives("expected", "Sum", ", unperformed: Skip"), None).unwrap();
    let mut missing = Vec::new();
    podium::engine::expected_marks(&inputs, |entry, _, element, _, found| {
        if !found {
            missing.push((inputs.entries.list[entry as usize].id.to_string(), element));
        }
        true
    });
    assert_eq!(missing, [("C".to_string(), 2), ("C".to_string(), 2)]);
    // Without it, B's and C's third dives are two missing marks each as well.
    let inputs = load(&dives("expected-fixed", "Sum", ""), None).unwrap();
    let mut count = 0;
    podium::engine::expected_marks(&inputs, |_, _, _, _, found| {
        count += usize::from(!found);
        true
    });
    assert_eq!(count, 6);
}

#[test]
fn element_text_is_never_computed_with() {
    let dir = dives("text-formula", "Sum", "");
    let contest = std::fs::read_to_string(dir.join("contest.ron")).unwrap();
    std::fs::write(dir.join("contest.ron"), contest.replace("score * dd", "score * code")).unwrap();
    let err = run_err_en(&["check", s(&dir)]);
    // Refused at the name's place: line 6, the formula's opening quote + 1 + 8 characters.
    let line = contest.lines().nth(5).unwrap();
    let column = line.find("\"score * dd\"").unwrap() + 1 + 1 + 8;
    assert!(err.contains(&format!("contest.ron:6:{column}")), "{err}");
    assert!(err.contains("`code` is text element data"), "{err}");

    // A field cannot be both a number and text.
    std::fs::write(dir.join("contest.ron"), contest.replace(r#"text: ["code"]"#, r#"text: ["dd"]"#)).unwrap();
    let err = run_err_en(&["check", s(&dir)]);
    assert!(err.contains("`dd` is named twice"), "{err}");
}

/// A ski-jump-like distance: a measured value, no judge, points by formula.
fn jumps(name: &str, max: &str) -> std::path::PathBuf {
    let contest = format!(
        r#"Contest(id: "t", name: (en: "t"),
        rounding: (criterion: (places: 2, mode: HalfUp)),
        categories: [Category(id: "s", label: (en: "S"), score: Sum, criteria: [
            Criterion(id: "distance", label: (en: "Distance"), {max}marks: (min: 0, max: 300, step: 0.5),
                kind: Measurement(scale: Formula("60 + (value - 125) * 1.8"))),
        ])])"#
    );
    let marks = "entry,criterion,element,judge,value\nA,s.distance,,,131.5\nB,s.distance,,,120\nC,s.distance,,,125\n";
    contest_dir(name, &contest, "id,name\nA,a\nB,b\nC,c\n", marks)
}

#[test]
fn a_measurement_is_scored_by_an_exact_formula() {
    // A: 60 + 6.5 × 1.8 = 71.7; B: 60 − 5 × 1.8 = 51; C: 60, shown with the declared places.
    let results = score(load(&jumps("formula", ""), None).unwrap(), &[]);
    assert_eq!(total(&results, "A"), "71.70");
    assert_eq!(total(&results, "B"), "51.00");
    assert_eq!(total(&results, "C"), "60.00");
    // With `max: 70` A's 71.7 is capped at 70; the others are below it.
    let capped = score(load(&jumps("formula-max", "max: 70, "), None).unwrap(), &[]);
    assert_eq!(total(&capped, "A"), "70.00");
    assert_eq!(total(&capped, "B"), "51.00");
    let text = explain(&jumps("formula-explain", "max: 70, "), "A");
    assert!(
        text.contains("s.distance: measured 131.5, 60 + (value - 125) * 1.8 = 71.70, at most 70"),
        "{text}"
    );
}

#[test]
fn a_measurement_formula_is_checked_at_load() {
    let dir = jumps("formula-typo", "");
    let contest = std::fs::read_to_string(dir.join("contest.ron")).unwrap();
    std::fs::write(dir.join("contest.ron"), contest.replace("(value - 125)", "(valeu - 125)")).unwrap();
    let err = run_err_en(&["check", s(&dir)]);
    // Line 5; the formula's text starts one after its quote, and `valeu` 6 characters in.
    let line = contest.lines().nth(4).unwrap();
    let column = line.find("\"60 + ").unwrap() + 1 + 1 + 6;
    assert!(err.contains(&format!("contest.ron:5:{column}")), "{err}");
    assert!(err.contains("unknown name `valeu`") && err.contains("`value`"), "{err}");
}

#[test]
fn a_zero_filling_a_gap_is_flagged_and_a_missing_deduction_is_not() {
    let contest = r#"Contest(id: "t", name: (en: "t"), judges: [Judge(id: "J1"), Judge(id: "J2")],
        categories: [Category(id: "s", label: (en: "S"), score: Sum, criteria: [
            Criterion(id: "x", label: (en: "Execution"), marks: (min: 0, max: 10, step: 0.5), kind: Judgement(), missing: Zero),
            Criterion(id: "d", label: (en: "Faults"), kind: Deduction(per: 1), judges: ["J1"]),
        ])])"#;
    // A: both marks, no deduction record (none happened). B: J2's mark missing → (8 + 0) / 2 = 4.
    // C: no mark at all → 0.
    let marks = "entry,criterion,element,judge,value\nA,s.x,,J1,8\nA,s.x,,J2,9\nB,s.x,,J1,8\n";
    let dir = contest_dir("filled-zero", contest, "id,name\nA,a\nB,b\nC,c\n", marks);
    let results = score(load(&dir, None).unwrap(), &[]);
    assert_eq!(total(&results, "A"), "8.5");
    assert!(flags(&results, "A").is_empty());
    assert_eq!(total(&results, "B"), "4.0");
    assert_eq!(flags(&results, "B"), ["filled_zero:s.x"]);
    assert_eq!(total(&results, "C"), "0");
    assert_eq!(flags(&results, "C"), ["filled_zero:s.x"]);
    // explain says which judge's mark stood in as 0.
    assert!(explain(&dir, "B").contains("s.x: judge J2 missing, counts as 0 (`missing: Zero`)"));
    assert!(explain(&dir, "C").contains("s.x: no record, counts as 0"));
    // `podium status` names each such entry, in words.
    let out = stdout(&podium_en(&["status", s(&dir)]));
    assert!(out.contains("2 gaps counted as 0 (`missing: Zero`)"), "{out}");
    assert!(out.contains("B: Execution: no mark, counted as 0 (`missing: Zero`)"), "{out}");
    assert!(out.contains("C: Execution: no mark, counted as 0"), "{out}");
    assert!(!out.contains("A: "), "{out}");
}

#[test]
fn json_and_csv_give_each_criterion_and_each_element() {
    let dir = dives("outputs", "Sum", ", unperformed: Skip");
    let out = podium_en(&["score", s(&dir), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let b = json["entries"].as_array().unwrap().iter().find(|e| e["entry"] == "B").unwrap();
    // The criterion's points, as before; then each dive: 6.5 × 1.5 = 9.75, 8 × 2.0 = 16, and dive 3 not performed.
    assert_eq!(b["criteria"]["s.dives"].to_string(), "25.75");
    let dives = &b["elements"]["s.dives"];
    assert_eq!(
        dives[0].to_string(),
        r#"{"element":1,"performed":true,"score":6.5,"value":9.75,"data":{"dd":1.5},"text":{"code":"3A+2T"}}"#
    );
    assert_eq!(dives[1]["value"].to_string(), "16.00");
    assert_eq!(
        dives[2].to_string(),
        r#"{"element":3,"performed":false,"score":null,"value":null,"data":{},"text":{}}"#
    );

    let csv = |headers: &str| {
        let out = podium_en(&["score", s(&dir), "--format", "csv", "--headers", headers]);
        let text = stdout(&out);
        let lines: Vec<String> = text.lines().map(String::from).collect();
        let b = lines.iter().find(|l| l.contains(",B,")).unwrap().clone();
        (lines[0].trim_start_matches('\u{feff}').to_string(), b)
    };
    let (header, b) = csv("ids");
    assert!(
        header.ends_with(
            "award_label,s.dives,s.dives#1,s.dives#1.dd,s.dives#1.code,s.dives#2,s.dives#2.dd,s.dives#2.code,s.dives#3,s.dives#3.dd,s.dives#3.code"
        ),
        "{header}"
    );
    assert!(b.ends_with(",25.75,9.75,1.5,3A+2T,16.00,2.0,109C,not_performed,-,"), "{b}");
    let (header, b) = csv("words");
    assert!(
        header.contains(",Dives,Dives element 1,Dives element 1 dd,Dives element 1 code,"),
        "{header}"
    );
    assert!(b.ends_with(",Not performed,-,"), "{b}");
}

#[test]
fn the_report_shows_each_element_with_its_code() {
    let dir = dives("report", "Sum", ", unperformed: Skip");
    let file = dir.join("report.html");
    let out = podium_en(&["report", s(&dir), "--output", s(&file)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = std::fs::read_to_string(&file).unwrap();
    let tables = &html[html.find("id=\"elements\"").expect("an element table")..];
    // B's row: 9.75 with its code and difficulty, 16.00, and dive 3 not performed; 25.75 in all.
    let b = &tables[tables.find("<td>b</td>").unwrap()..];
    let b = &b[..b.find("</tr>").unwrap()];
    assert!(b.contains("9.75<br><small>3A+2T · dd 1.5</small>"), "{b}");
    assert!(b.contains("16.00<br><small>109C · dd 2.0</small>"), "{b}");
    assert!(b.contains(">Not performed</td>"), "{b}");
    assert!(b.contains("<strong>25.75</strong>"), "{b}");
    assert!(html.contains("an entry may perform fewer than 3, and an element not performed is left out"));
}

#[test]
fn numbers_show_the_places_the_contest_declares() {
    // Only the total is rounded (2 places): the distance's 60 and the
    // category's sums read with 2 places beside it, and the values stay exact.
    let contest = r#"Contest(id: "t", name: (en: "t"), judges: [Judge(id: "J1")],
        rounding: (total: (places: 2, mode: HalfUp)),
        categories: [
            Category(id: "jump", label: (en: "Jump"), score: Sum, criteria: [
                Criterion(id: "distance", label: (en: "Distance"), marks: (min: 0, max: 300, step: 0.5),
                    kind: Measurement(scale: Formula("60 + (value - 125) * 2"))),
                Criterion(id: "style", label: (en: "Style"), marks: (min: 0, max: 100, step: 0.1), kind: Judgement()),
            ]),
            Category(id: "bonus", label: (en: "Bonus"), score: Sum, criteria: [
                Criterion(id: "gate", label: (en: "Gate"), kind: Bonus(per: 3)),
            ]),
        ])"#;
    // 60 + (125 − 125) × 2 = 60; style 91.6; jump 151.6; bonus 0 (no record); total 151.60.
    let marks = "entry,criterion,element,judge,value\nA,jump.distance,,,125\nA,jump.style,,J1,91.6\n";
    let dir = contest_dir("places", contest, "id,name\nA,a\n", marks);
    let out = podium_en(&["score", s(&dir), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let a = &json["entries"][0];
    assert_eq!(
        a["criteria"].to_string(),
        r#"{"jump.distance":60.00,"jump.style":91.60,"bonus.gate":0.00}"#
    );
    assert_eq!(a["categories"].to_string(), r#"{"jump":151.60,"bonus":0.00}"#);
    assert_eq!(a["total"].to_string(), "151.60");
    let table = stdout(&podium_en(&["score", s(&dir)]));
    assert!(table.contains("151.60") && table.contains("0.00"), "{table}");
}

#[test]
fn live_scoring_keeps_each_element_of_a_changed_entry() {
    // B's third dive arrives during the event: J1 and J2 give 9 (scale 1: 90 units).
    // It has no element data, so `score * dd` cannot be computed: the dive is
    // performed and B is unscored, saying so; before it B had two dives.
    let inputs = load(&dives("live", "Sum", ", unperformed: Skip"), None).unwrap();
    let b = inputs.entries.find("B").unwrap();
    let mut live = podium::engine::LiveScores::new(inputs);
    assert_eq!(row(&live.results(), "B").elements.len(), 3);
    assert!(!row(&live.results(), "B").elements[2].performed);
    for judge in [0, 1] {
        live.set_mark(b, podium::data::Mark { units: 90, slot: 2, judge });
    }
    live.rescore();
    let results = live.results();
    let elements = &row(&results, "B").elements;
    assert_eq!(elements.len(), 2, "{elements:?}");
    assert_eq!(total(&results, "B"), "none");
    assert_eq!(flags(&results, "B"), ["incomplete:s.dives"]);
    // The others keep theirs.
    assert_eq!(row(&results, "A").elements.len(), 3);
}

#[test]
fn a_measurement_formula_in_a_share_category_needs_its_max() {
    // A Share category weighs points out of the criteria's `max`: a formula
    // scale without one cannot be weighed, and is refused at load.
    let contest = r#"Contest(id: "t", name: (en: "t"),
        categories: [Category(id: "s", label: (en: "S"), weight: 100, criteria: [
            Criterion(id: "distance", label: (en: "Distance"), marks: (min: 0, max: 300, step: 0.5),
                kind: Measurement(scale: Formula("60 + (value - 125) * 1.8"))),
        ])])"#;
    let dir = contest_dir("formula-share", contest, "id,name\nA,a\n", "entry,criterion,element,judge,value\n");
    let err = run_err_en(&["check", s(&dir)]);
    assert!(err.contains("categories[0].criteria[0].max"), "{err}");
}

#[test]
fn element_text_with_a_control_character_is_refused_at_its_row() {
    let dir = dives("text-control", "Sum", ", unperformed: Skip");
    let elements = std::fs::read_to_string(dir.join("elements.csv")).unwrap();
    std::fs::write(dir.join("elements.csv"), elements.replace("109C", "109C\u{1b}[2J")).unwrap();
    let err = run_err_en(&["check", s(&dir)]);
    // B's second dive is the file's sixth row; `code` is its column E.
    assert!(err.contains("elements.csv:6: error in `code (column E)`"), "{err}");
    assert!(err.contains("contains the control character U+001B"), "{err}");
}

#[test]
fn a_stage_keeps_its_elements_codes_and_the_ones_not_performed() {
    // Round 1: a distance scored by formula; the best two go on. Round 2: up
    // to three dives with codes, the first round carried over in full.
    let contest = r#"Contest(id: "t", name: (en: "t"), judges: [Judge(id: "J1"), Judge(id: "J2")],
        files: (elements: "elements.csv"),
        categories: [
            Category(id: "r1", label: (en: "Round 1"), score: Sum, criteria: [
                Criterion(id: "distance", label: (en: "Distance"), marks: (min: 0, max: 300, step: 0.5),
                    kind: Measurement(scale: Formula("60 + (value - 125) * 2"))),
            ]),
            Category(id: "r2", label: (en: "Round 2"), score: Sum, criteria: [
                Criterion(id: "dives", label: (en: "Dives"), marks: (min: 0, max: 10, step: 0.5),
                    kind: Elements(count: 3, data: ["dd"], text: ["code"], value: "score * dd", combine: Sum, unperformed: Skip)),
            ]),
        ],
        stages: [
            Stage(id: "one", label: (en: "One"), categories: ["r1"], advance: (rule: Top(2))),
            Stage(id: "two", label: (en: "Two"), categories: ["r2"], carry: [("one", 100)]),
        ])"#;
    // Round 1: A 130 → 70, B 127 → 64, C 120 → 50 (out).
    // Round 2: A dives 1 and 2 (8 × 2.0 = 16, 7 × 1.5 = 10.5), B dive 1 (9 × 3.0 = 27).
    let marks = "entry,criterion,element,judge,value\n\
        A,r1.distance,,,130\nB,r1.distance,,,127\nC,r1.distance,,,120\n\
        A,r2.dives,1,J1,8\nA,r2.dives,1,J2,8\nA,r2.dives,2,J1,7\nA,r2.dives,2,J2,7\n\
        B,r2.dives,1,J1,9\nB,r2.dives,1,J2,9\n";
    let dir = contest_dir("stage-elements", contest, "id,name\nA,a\nB,b\nC,c\n", marks);
    let elements = "entry,criterion,element,dd,code\nA,r2.dives,1,2.0,5154B\nA,r2.dives,2,1.5,107C\nB,r2.dives,1,3.0,109C\n";
    std::fs::write(dir.join("elements.csv"), elements).unwrap();
    let out = podium_en(&["score", s(&dir), "--stage", "two", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let entry = |id: &str| {
        json["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["entry"] == id)
            .unwrap()
            .clone()
    };
    // A: 70 + 26.5 = 96.5; B: 64 + 27 = 91.
    assert_eq!(entry("A")["total"].to_string(), "96.50");
    assert_eq!(entry("B")["total"].to_string(), "91.00");
    let a = &entry("A")["elements"]["r2.dives"];
    assert_eq!(a[1]["text"]["code"], "107C");
    assert_eq!(a[2]["performed"], false);
    assert_eq!(entry("B")["elements"]["r2.dives"][0]["text"]["code"], "109C");
}
