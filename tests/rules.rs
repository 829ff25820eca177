//! Hand-checked small contests, one rule at a time, through the whole
//! pipeline (load → World → schedule → results). Each expected number was
//! worked out by hand and is shown in the comment beside it.

mod common;
use common::contest_dir;
use podium::engine::{score, Results};
use podium::load::load;

/// Scores a contest made of one category's criteria and the marks given.
/// `judges` are J1..Jn; entries are A, B, C, ... with division `d`.
fn run(name: &str, contest: &str, entries: &str, marks: &str) -> Results {
    let dir = contest_dir(name, contest, entries, marks);
    let inputs = load(&dir, None).unwrap_or_else(|e| panic!("{name}: {e}"));
    score(inputs, &[])
}

fn row<'a>(results: &'a Results, id: &str) -> &'a podium::engine::ResultRow {
    let index = results.inputs.entries.find(id).unwrap();
    results.rows.iter().find(|r| r.entry == index).unwrap()
}

fn total(results: &Results, id: &str) -> String {
    row(results, id).total.map_or("none".into(), |t| t.to_string())
}

fn rank(results: &Results, id: &str) -> Option<(u32, bool)> {
    row(results, id).standing.overall.map(|p| (p.rank, p.tied))
}

fn flags(results: &Results, id: &str) -> Vec<String> {
    row(results, id)
        .flags
        .iter()
        .map(|f| podium::output::flag_code(&results.inputs.rules, f))
        .collect()
}

fn award(results: &Results, id: &str) -> Vec<String> {
    let rules = &results.inputs.rules;
    row(results, id)
        .awards
        .iter()
        .map(|&(s, t)| rules.contest.awards[s as usize].tiers[t as usize].id.clone())
        .collect()
}

const JUDGES3: &str = r#"judges: [Judge(id: "J1"), Judge(id: "J2"), Judge(id: "J3")],"#;
const JUDGES5: &str = r#"judges: [Judge(id: "J1"), Judge(id: "J2"), Judge(id: "J3"), Judge(id: "J4"), Judge(id: "J5")],"#;

/// A contest with one Sum category `s` holding `criteria`.
fn sum_contest(head: &str, criteria: &str) -> String {
    format!(
        r#"Contest(id: "t", name: (en: "t"), {head}
        categories: [Category(id: "s", label: (en: "S"), score: Sum, criteria: [{criteria}])])"#
    )
}

const ONE_JUDGED: &str = r#"Criterion(id: "x", label: (en: "X"), marks: (min: 0, max: 10, step: 0.001), kind: Judgement())"#;

#[test]
fn rounding_modes_at_the_total() {
    let entries = "id,name\nA,a\nB,b\nC,c\n";
    let marks = "entry,criterion,element,judge,value\nA,s.x,,J1,0.125\nB,s.x,,J1,0.135\nC,s.x,,J1,0.129\n";
    let judge = r#"judges: [Judge(id: "J1")],"#;
    let case = |mode: &str| {
        let head = format!("{judge} rounding: (total: (places: 2, mode: {mode})),");
        run(&format!("round-{mode}"), &sum_contest(&head, ONE_JUDGED), entries, marks)
    };
    let half_up = case("HalfUp");
    assert_eq!(
        [total(&half_up, "A"), total(&half_up, "B"), total(&half_up, "C")],
        ["0.13", "0.14", "0.13"]
    );
    let half_even = case("HalfEven");
    assert_eq!(
        [total(&half_even, "A"), total(&half_even, "B"), total(&half_even, "C")],
        ["0.12", "0.14", "0.13"]
    );
    let truncate = case("Truncate");
    assert_eq!(
        [total(&truncate, "A"), total(&truncate, "B"), total(&truncate, "C")],
        ["0.12", "0.13", "0.12"]
    );
}

#[test]
fn rounding_happens_at_each_named_step_only() {
    // Marks 1, 1, 2: panel mean 1.3333…, rounded at the panel to 1.33 (HalfUp);
    // × 3 points per mark-point (max 30 on a 0–10 scale) = 3.99 — not 4.00,
    // which rounding only at the end would give.
    let head = format!("{JUDGES3} rounding: (panel: (places: 2, mode: HalfUp)),");
    let criterion = r#"Criterion(id: "x", label: (en: "X"), max: 30, marks: (min: 0, max: 10, step: 1), kind: Judgement())"#;
    let results = run(
        "steps",
        &sum_contest(&head, criterion),
        "id,name\nA,a\n",
        "entry,criterion,element,judge,value\nA,s.x,,J1,1\nA,s.x,,J2,1\nA,s.x,,J3,2\n",
    );
    assert_eq!(total(&results, "A"), "3.99");
}

#[test]
fn missing_judges_substitute_refuse_or_zero() {
    let marks = "entry,criterion,element,judge,value\nA,s.x,,J1,6\nA,s.x,,J2,8\nB,s.x,,J1,5\nB,s.x,,J2,5\nB,s.x,,J3,5\n";
    let entries = "id,name\nA,a\nB,b\n";
    let with = |missing: &str| {
        let head = format!("{JUDGES3} judging: (missing: {missing}), rounding: (total: (places: 2, mode: HalfUp)),");
        let criterion = r#"Criterion(id: "x", label: (en: "X"), marks: (min: 0, max: 10, step: 1), kind: Judgement())"#;
        run(&format!("missing-{missing}"), &sum_contest(&head, criterion), entries, marks)
    };
    // J3 missing: the mean of 6 and 8 (7) stands in → mean of 6, 8, 7 = 7.
    let substitute = with("SubstituteMean");
    assert_eq!(total(&substitute, "A"), "7.00");
    assert_eq!(flags(&substitute, "A"), ["substituted:s.x"]);
    // Refused: A is not scored and not ranked; B is first.
    let refuse = with("Refuse");
    assert_eq!(total(&refuse, "A"), "none");
    assert_eq!(rank(&refuse, "A"), None);
    assert_eq!(rank(&refuse, "B"), Some((1, false)));
    assert_eq!(flags(&refuse, "A"), ["incomplete:s.x"]);
    // Zero: (6 + 8 + 0) / 3 = 4.666… → 4.67.
    assert_eq!(total(&with("Zero"), "A"), "4.67");
}

#[test]
fn spread_check_flags_uses_all_or_blocks() {
    // Marks 1, 8, 8, 8, 9: 8 apart, the limit is 3. Trimmed mean drops 1 and 9 → 8;
    // using all marks gives 34 / 5 = 6.8; blocking leaves it unscored.
    let marks = "entry,criterion,element,judge,value\nA,s.x,,J1,1\nA,s.x,,J2,8\nA,s.x,,J3,8\nA,s.x,,J4,8\nA,s.x,,J5,9\n";
    let with = |resolve: &str, between: &str| {
        let head = format!("{JUDGES5} judging: (panel: TrimmedMean(1), spread: (max: 3, between: {between}, resolve: {resolve})),");
        let criterion = r#"Criterion(id: "x", label: (en: "X"), marks: (min: 0, max: 10, step: 1), kind: Judgement())"#;
        run(
            &format!("spread-{resolve}-{between}"),
            &sum_contest(&head, criterion),
            "id,name\nA,a\n",
            marks,
        )
    };
    let flagged = with("Flag", "All");
    assert_eq!(total(&flagged, "A"), "8");
    assert_eq!(flags(&flagged, "A"), ["spread:s.x"]);
    assert_eq!(row(&with("UseAll", "All"), "A").total.unwrap().normalize().to_string(), "6.8");
    let blocked = with("Block", "All");
    assert_eq!(total(&blocked, "A"), "none");
    assert!(flags(&blocked, "A").contains(&"incomplete:s.x".to_string()));
    // Between the kept marks (8, 8, 8) the spread is 0: no flag.
    assert!(flags(&with("Block", "Middle"), "A").is_empty());
}

#[test]
fn ties_share_a_rank_and_tie_breaks_separate_them() {
    // Totals: A 9, B 7 (a 4, b 3), C 7 (a 3, b 4), D 7 (a 3, b 4), E 5.
    let head = r#"judges: [Judge(id: "J1")], ranking: (tie_breaks: [Category("a")]),"#;
    let contest = format!(
        r#"Contest(id: "t", name: (en: "t"), {head}
        categories: [
            Category(id: "a", label: (en: "A"), score: Sum, criteria: [Criterion(id: "x", label: (en: "X"), marks: (min: 0, max: 10, step: 1), kind: Judgement())]),
            Category(id: "b", label: (en: "B"), score: Sum, criteria: [Criterion(id: "y", label: (en: "Y"), marks: (min: 0, max: 10, step: 1), kind: Judgement())]),
        ])"#
    );
    let marks = "entry,criterion,element,judge,value\n\
        A,a.x,,J1,5\nA,b.y,,J1,4\nB,a.x,,J1,4\nB,b.y,,J1,3\nC,a.x,,J1,3\nC,b.y,,J1,4\nD,a.x,,J1,3\nD,b.y,,J1,4\nE,a.x,,J1,2\nE,b.y,,J1,3\n";
    let results = run("ties", &contest, "id,name\nA,a\nB,b\nC,c\nD,d\nE,e\n", marks);
    // B beats C and D on category a; C and D stay tied on everything: 1, 2, 3, 3, 5.
    assert_eq!(rank(&results, "A"), Some((1, false)));
    assert_eq!(rank(&results, "B"), Some((2, false)));
    assert_eq!(rank(&results, "C"), Some((3, true)));
    assert_eq!(rank(&results, "D"), Some((3, true)));
    assert_eq!(rank(&results, "E"), Some((5, false)));

    // Without the tie-break, B, C and D share second place: 1, 2, 2, 2, 5.
    let plain = run(
        "ties-plain",
        &contest.replace(r#"tie_breaks: [Category("a")]"#, "tie_breaks: []"),
        "id,name\nA,a\nB,b\nC,c\nD,d\nE,e\n",
        marks,
    );
    let ranks: Vec<_> = ["A", "B", "C", "D", "E"].iter().map(|id| rank(&plain, id).unwrap()).collect();
    assert_eq!(ranks, [(1, false), (2, true), (2, true), (2, true), (5, false)]);
}

#[test]
fn lower_is_better_ranks_the_smallest_total_first() {
    let head = r#"judges: [Judge(id: "J1")], ranking: (order: LowerIsBetter),"#;
    let criterion = r#"Criterion(id: "t", label: (en: "Time"), marks: (min: 0, max: 999, step: 0.01), kind: Judgement())"#;
    let results = run(
        "lower",
        &sum_contest(head, criterion),
        "id,name\nA,a\nB,b\n",
        "entry,criterion,element,judge,value\nA,s.t,,J1,61.20\nB,s.t,,J1,59.87\n",
    );
    assert_eq!(rank(&results, "B"), Some((1, false)));
    assert_eq!(rank(&results, "A"), Some((2, false)));
}

/// Three entries scored 90, 80 and 70 on one criterion, with `vetoes` and
/// a flag criterion `s.bad` (A has it), and a first and second prize.
fn veto_contest(name: &str, vetoes: &str, total_rounding: bool) -> Results {
    let rounding = if total_rounding {
        "rounding: (total: (places: 1, mode: HalfUp)),"
    } else {
        ""
    };
    let contest = format!(
        r#"Contest(id: "t", name: (en: "t"), judges: [Judge(id: "J1")], {rounding}
        categories: [
            Category(id: "s", label: (en: "S"), score: Sum, criteria: [
                Criterion(id: "x", label: (en: "X"), marks: (min: 0, max: 100, step: 1), kind: Judgement()),
                Criterion(id: "bad", label: (en: "Bad"), kind: Flag),
            ]),
            Category(id: "o", label: (en: "O"), score: Sum, criteria: [Criterion(id: "y", label: (en: "Y"), marks: (min: 0, max: 10, step: 1), kind: Judgement())]),
        ],
        vetoes: [{vetoes}],
        awards: [AwardSet(id: "p", tiers: [Tier(id: "first", label: (en: "1"), rule: Top(1)), Tier(id: "second", label: (en: "2"), rule: Top(1))])])"#
    );
    let marks = "entry,criterion,element,judge,value\nA,s.x,,J1,90\nA,s.bad,,J1,1\nA,o.y,,J1,5\nB,s.x,,J1,80\nB,o.y,,J1,5\nC,s.x,,J1,70\nC,o.y,,J1,5\n";
    run(name, &contest, "id,name\nA,a\nB,b\nC,c\n", marks)
}

#[test]
fn veto_disqualify_withholds_awards_but_keeps_the_rank() {
    let results = veto_contest(
        "veto-dq",
        r#"Veto(id: "v", label: (en: "V"), when: "s.bad > 0", effect: Disqualify)"#,
        false,
    );
    assert_eq!(rank(&results, "A"), Some((1, false)));
    assert_eq!(total(&results, "A"), "95");
    assert!(award(&results, "A").is_empty());
    assert_eq!(flags(&results, "A"), ["veto:v"]);
    // The prizes pass to the next entries: B first, C second.
    assert_eq!(award(&results, "B"), ["first"]);
    assert_eq!(award(&results, "C"), ["second"]);
}

#[test]
fn veto_zero_category_and_cap_total() {
    // Zeroing category s leaves A only o: 5.
    let zeroed = veto_contest(
        "veto-zero",
        r#"Veto(id: "v", label: (en: "V"), when: "s.bad > 0", effect: ZeroCategory("s"))"#,
        false,
    );
    assert_eq!(total(&zeroed, "A"), "5");
    assert_eq!(rank(&zeroed, "A"), Some((3, false)));
    // Capping at 60 (a total rounding of 1 place shows 60.0); B and C are
    // untouched. A condition may read a category: B's s is 80, not above 85.
    let capped = veto_contest(
        "veto-cap",
        r#"Veto(id: "v", label: (en: "V"), when: "s > 85", effect: CapTotal(60))"#,
        true,
    );
    assert_eq!(total(&capped, "A"), "60.0");
    assert_eq!(total(&capped, "B"), "85.0");
    assert_eq!(award(&capped, "B"), ["first"]);
}

#[test]
fn shares_per_division() {
    // Division x has 10 entries scored 10..1, division y 5 entries scored 5..1.
    // 10% / 20%: x gets 1 first and 2 second; y (0.5 and 1.5 rounded down) 0 first, 1 second.
    let head = r#"judges: [Judge(id: "J1")], divisions: ["d"],
        awards: [AwardSet(id: "p", scope: PerDivision("d"), tiers: [
            Tier(id: "first", label: (en: "1"), rule: Share(10)),
            Tier(id: "second", label: (en: "2"), rule: Share(20)),
        ])],"#;
    let criterion = r#"Criterion(id: "x", label: (en: "X"), marks: (min: 0, max: 10, step: 1), kind: Judgement())"#;
    let mut entries = String::from("id,name,d\n");
    let mut marks = String::from("entry,criterion,element,judge,value\n");
    for i in 1..=10 {
        entries += &format!("X{i},x{i},x\n");
        marks += &format!("X{i},s.x,,J1,{}\n", 11 - i);
    }
    for i in 1..=5 {
        entries += &format!("Y{i},y{i},y\n");
        marks += &format!("Y{i},s.x,,J1,{}\n", 6 - i);
    }
    let results = run("shares", &sum_contest(head, criterion), &entries, &marks);
    assert_eq!(award(&results, "X1"), ["first"]);
    assert_eq!(award(&results, "X2"), ["second"]);
    assert_eq!(award(&results, "X3"), ["second"]);
    assert!(award(&results, "X4").is_empty());
    assert_eq!(award(&results, "Y1"), ["second"]);
    assert!(award(&results, "Y2").is_empty());
    // Division ranks: Y1 is first in y though 6th overall.
    assert_eq!(row(&results, "Y1").standing.divisions[0].map(|p| p.rank), Some(1));
}

#[test]
fn conversion_table_and_proportional_points() {
    // Grades 1–3 convert to 2, 5, 9 points; marks 1, 3, 3 → 2, 9, 9 → mean 20/3 = 6.67 at the panel.
    let head = format!("{JUDGES3} rounding: (panel: (places: 2, mode: HalfUp)),");
    let criteria = r#"Criterion(id: "g", label: (en: "G"), marks: (min: 1, max: 3, step: 1), kind: Judgement(convert: Table([(1, 2), (2, 5), (3, 9)]))),
        Criterion(id: "p", label: (en: "P"), max: 40, marks: (min: 0, max: 10, step: 0.5), kind: Judgement())"#;
    // Marks 7, 8, 9 on 0–10 worth 40 points: 8 × 40 / 10 = 32.
    let marks = "entry,criterion,element,judge,value\nA,s.g,,J1,1\nA,s.g,,J2,3\nA,s.g,,J3,3\nA,s.p,,J1,7\nA,s.p,,J2,8\nA,s.p,,J3,9\n";
    let results = run("convert", &sum_contest(&head, criteria), "id,name\nA,a\n", marks);
    assert_eq!(row(&results, "A").values[0].get().unwrap().to_string(), "6.67");
    assert_eq!(row(&results, "A").values[1].get().unwrap().normalize().to_string(), "32");
}

#[test]
fn measurements_by_bands_and_lines() {
    let criteria = r#"
        Criterion(id: "d", label: (en: "Dim"), max: 10, marks: (min: 0, max: 100, step: 0.01),
            kind: Measurement(scale: Bands(nominal: 50, bands: [(within: 0.05, points: 10), (within: 0.1, points: 6)], otherwise: 1))),
        Criterion(id: "t", label: (en: "Time"), max: 20, marks: (min: 0, max: 999, step: 1),
            kind: Measurement(scale: Linear(best: 60, worst: 100)))"#;
    // A: 50.05 (within 0.05) → 10; 70 min → 20 × (100 − 70) / 40 = 15. Total 25.
    // B: 49.92 (0.08 off) → 6; 110 min (past worst) → 0. Total 6.
    // C: 50.30 → otherwise 1; 55 min (better than best) → 20. Total 21.
    let marks = "entry,criterion,element,judge,value\nA,s.d,,,50.05\nA,s.t,,,70\nB,s.d,,,49.92\nB,s.t,,,110\nC,s.d,,,50.30\nC,s.t,,,55\n";
    let results = run("measure", &sum_contest("", criteria), "id,name\nA,a\nB,b\nC,c\n", marks);
    assert_eq!(row(&results, "A").total.unwrap().normalize().to_string(), "25");
    assert_eq!(row(&results, "B").total.unwrap().normalize().to_string(), "6");
    assert_eq!(row(&results, "C").total.unwrap().normalize().to_string(), "21");
}

#[test]
fn deductions_bonuses_caps_and_floors() {
    let contest = r#"Contest(id: "t", name: (en: "t"), judges: [Judge(id: "J1"), Judge(id: "J2")],
        categories: [Category(id: "s", label: (en: "S"), score: Sum, floor: 0, criteria: [
            Criterion(id: "base", label: (en: "Base"), marks: (min: 0, max: 10, step: 1), kind: Judgement(), judges: ["J1"]),
            Criterion(id: "ded", label: (en: "Ded"), max: 6, kind: Deduction(per: 2), judges: ["J1", "J2"]),
            Criterion(id: "bon", label: (en: "Bon"), max: 3, kind: Bonus(per: 1)),
        ])])"#;
    // A: 8 − min((1 + 1) × 2, 6) + min(5 × 1, 3) = 8 − 4 + 3 = 7 (the two inspectors' counts add up).
    // B: 2 − min(5 × 2, 6) = −4, floored at 0.
    let marks =
        "entry,criterion,element,judge,value\nA,s.base,,J1,8\nA,s.ded,,J1,1\nA,s.ded,,J2,1\nA,s.bon,,,5\nB,s.base,,J1,2\nB,s.ded,,J2,5\n";
    let results = run("counts", contest, "id,name\nA,a\nB,b\n", marks);
    assert_eq!(total(&results, "A"), "7");
    assert_eq!(total(&results, "B"), "0");
}

#[test]
fn elements_with_data_best_of_and_formulas() {
    let contest = r#"Contest(id: "t", name: (en: "t"), judges: [Judge(id: "J1"), Judge(id: "J2")],
        files: (elements: "elements.csv"),
        categories: [Category(id: "s", label: (en: "S"), score: Sum, criteria: [
            Criterion(id: "e", label: (en: "E"), marks: (min: 0, max: 10, step: 0.5),
                kind: Elements(count: 3, data: ["dd"], value: "score * dd", combine: Best(2))),
            Criterion(id: "f", label: (en: "F"), kind: Formula(expr: "min(s.e / 10, 1.5)")),
        ])])"#;
    // Element scores (mean of two judges) × difficulty:
    // 1: (8 + 9) / 2 = 8.5 × 1.2 = 10.2;  2: 7 × 1.0 = 7;  3: (9 + 10) / 2 = 9.5 × 1.4 = 13.3.
    // Best 2: 13.3 + 10.2 = 23.5. Formula: min(2.35, 1.5) = 1.5. Total 25.
    let marks =
        "entry,criterion,element,judge,value\nA,s.e,1,J1,8\nA,s.e,1,J2,9\nA,s.e,2,J1,7\nA,s.e,2,J2,7\nA,s.e,3,J1,9\nA,s.e,3,J2,10\n";
    let dir = contest_dir("elements", contest, "id,name\nA,a\n", marks);
    std::fs::write(
        dir.join("elements.csv"),
        "entry,criterion,element,dd\nA,s.e,1,1.2\nA,s.e,2,1.0\nA,s.e,3,1.4\n",
    )
    .unwrap();
    let results = score(load(&dir, None).unwrap(), &[]);
    assert_eq!(row(&results, "A").values[0].get().unwrap().normalize().to_string(), "23.5");
    assert_eq!(row(&results, "A").values[1].get().unwrap().normalize().to_string(), "1.5");
    assert_eq!(total(&results, "A"), "25.00");

    // Without the data of element 3 the criterion cannot be scored, and says why.
    std::fs::write(dir.join("elements.csv"), "entry,criterion,element,dd\nA,s.e,1,1.2\nA,s.e,2,1.0\n").unwrap();
    let results = score(load(&dir, None).unwrap(), &[]);
    assert_eq!(total(&results, "A"), "none");
    let reasons: Vec<String> = row(&results, "A").flags.iter().map(|f| format!("{f:?}")).collect();
    assert!(reasons.iter().any(|r| r.contains("element 3 has no element data")), "{reasons:?}");
}

#[test]
fn closest_pair_median_and_by_size_panels() {
    let with = |panel: &str, marks: &[&str]| {
        let head = format!(r#"{JUDGES5} judging: (panel: {panel}, missing: Zero),"#);
        let criterion = r#"Criterion(id: "x", label: (en: "X"), marks: (min: 0, max: 10, step: 0.1), kind: Judgement())"#;
        let mut csv = String::from("entry,criterion,element,judge,value\n");
        for (j, m) in marks.iter().enumerate() {
            csv += &format!("A,s.x,,J{},{m}\n", j + 1);
        }
        let results = run(
            &format!("panel-{}", panel.len() + marks.len()),
            &sum_contest(&head, criterion),
            "id,name\nA,a\n",
            &csv,
        );
        row(&results, "A").total.unwrap().normalize().to_string()
    };
    // Closest pair of 8.1, 8.3, 8.8, 9.8, 6.0 is 8.1 and 8.3 → 8.2.
    assert_eq!(with("ClosestPair", &["8.1", "8.3", "8.8", "9.8", "6.0"]), "8.2");
    assert_eq!(with("Median", &["8.1", "8.3", "8.8", "9.8", "6.0"]), "8.3");
    // Five marks under BySize([(3, Mean), (5, TrimmedMean(1))]): drop 6.0 and 9.8 → (8.1 + 8.3 + 8.8) / 3 = 8.4.
    assert_eq!(
        with("BySize([(3, Mean), (5, TrimmedMean(1))])", &["8.1", "8.3", "8.8", "9.8", "6.0"]),
        "8.4"
    );
}

#[test]
fn teams_combine_their_members() {
    // Members' totals: team x has 90, 70, 80; team y has 85 and an unscored
    // member; team z has 60 alone.
    let head = r#"judges: [Judge(id: "J1")],"#;
    let criterion = r#"Criterion(id: "x", label: (en: "X"), marks: (min: 0, max: 100, step: 1), kind: Judgement())"#;
    let entries = "id,name,team\nA,a,x\nB,b,x\nC,c,x\nD,d,y\nE,e,y\nF,f,z\nG,g,\n";
    let marks = "entry,criterion,element,judge,value\nA,s.x,,J1,90\nB,s.x,,J1,70\nC,s.x,,J1,80\nD,s.x,,J1,85\nF,s.x,,J1,60\nG,s.x,,J1,99\n";
    let team = |combine: &str| {
        let head = format!(
            r#"{head} teams: (field: "team", combine: {combine}, awards: [AwardSet(id: "t", tiers: [Tier(id: "best", label: (en: "Best"), rule: Top(1))])]),"#
        );
        let results = run(&format!("teams-{combine}"), &sum_contest(&head, criterion), entries, marks);
        results
            .teams
            .iter()
            .map(|t| {
                (
                    t.name.to_string(),
                    t.total.map(|v| v.normalize().to_string()),
                    t.place.map(|p| p.rank),
                    t.awards.len(),
                )
            })
            .collect::<Vec<_>>()
    };
    let some = |s: &str| Some(s.to_string());
    // Sum: x 240; y is missing a member's total, so not ranked; z 60. G has no team.
    assert_eq!(
        team("Sum"),
        [
            ("x".into(), some("240"), Some(1), 1),
            ("z".into(), some("60"), Some(2), 0),
            ("y".into(), None, None, 0)
        ]
    );
    // Mean: x 80, z 60.
    assert_eq!(team("Mean")[0], ("x".into(), some("80"), Some(1), 1));
    // Best(1): each team's best member: x 90, y 85, z 60.
    assert_eq!(
        team("Best(1)"),
        [
            ("x".into(), some("90"), Some(1), 1),
            ("y".into(), some("85"), Some(2), 0),
            ("z".into(), some("60"), Some(3), 0)
        ]
    );
    // Best(2): x 90 + 80 = 170; y and z have fewer than 2 scored members.
    assert_eq!(team("Best(2)")[0], ("x".into(), some("170"), Some(1), 1));
    assert_eq!(team("Best(2)")[1].2, None);
}

#[test]
fn grades_convert_by_each_elements_own_table() {
    // Each element lists what grades 1, 2 and 3 are worth for it (g1, g2, g3).
    let contest = r#"Contest(id: "t", name: (en: "t"), judges: [Judge(id: "J1"), Judge(id: "J2")],
        files: (elements: "elements.csv"),
        categories: [Category(id: "s", label: (en: "S"), score: Sum, criteria: [
            Criterion(id: "e", label: (en: "E"), marks: (min: 1, max: 3, step: 1),
                kind: Elements(count: 2, data: ["g1", "g2", "g3"],
                    convert: Formula("if(mark == 1, g1, if(mark == 2, g2, g3))"), combine: Sum)),
        ])])"#;
    // Element 1 (worth 2/4/6): grades 3 and 2 → 6 and 4 → mean 5.
    // Element 2 (worth 1/5/10): grades 3 and 3 → 10 and 10 → mean 10. Sum 15.
    let marks = "entry,criterion,element,judge,value\nA,s.e,1,J1,3\nA,s.e,1,J2,2\nA,s.e,2,J1,3\nA,s.e,2,J2,3\n";
    let dir = contest_dir("grade-tables", contest, "id,name\nA,a\n", marks);
    std::fs::write(
        dir.join("elements.csv"),
        "entry,criterion,element,g1,g2,g3\nA,s.e,1,2,4,6\nA,s.e,2,1,5,10\n",
    )
    .unwrap();
    let results = score(load(&dir, None).unwrap(), &[]);
    assert_eq!(total(&results, "A"), "15");
    // Loading the contest file itself is the same as loading its folder.
    let by_file = score(load(&dir.join("contest.ron"), None).unwrap(), &[]);
    assert_eq!(total(&by_file, "A"), "15");
}
