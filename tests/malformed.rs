//! Malformed input never panics: thousands of seeded mutations of the
//! example contests' files (characters deleted, inserted, lines doubled or
//! cut) each end in a result or in diagnostics with a file and a message.

mod common;
use common::{podium, podium_en, stderr, temp_dir};
use podium::random::Random;
use std::path::{Path, PathBuf};

const NOISE: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "0",
    "-1",
    "1e9",
    "9999999999999999999999",
    "x",
    "Top(0)",
    "\n",
    "。",
    "é",
    "\u{feff}",
    "",
    ".",
    "TrimmedMean(9)",
    "/ 0",
];

fn mutate(text: &str, random: &mut Random) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = random.below(chars.len() as u64) as usize;
    let mut out: String;
    match random.below(5) {
        0 => {
            let len = 1 + random.below(8) as usize;
            out = chars[..at].iter().chain(chars[(at + len).min(chars.len())..].iter()).collect();
        }
        1 => {
            out = chars[..at].iter().collect();
            out.push_str(NOISE[random.below(NOISE.len() as u64) as usize]);
            out.extend(&chars[at..]);
        }
        2 => out = chars[..at].iter().collect(),
        3 => {
            let lines: Vec<&str> = text.lines().collect();
            let line = random.below(lines.len() as u64) as usize;
            let mut copy = lines.clone();
            copy.insert(line, lines[line]);
            out = copy.join("\n");
        }
        _ => {
            // Replace a number-looking run with noise.
            out = chars[..at].iter().collect();
            out.push_str(NOISE[random.below(NOISE.len() as u64) as usize]);
            let rest: String = chars[at..].iter().collect();
            out.push_str(rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '.'));
        }
    }
    out
}

fn score_if_valid(dir: &Path) {
    if let Ok(inputs) = podium::load::load(dir, None) {
        boards(inputs);
    }
}

/// Scores as `podium score` does and builds every board in both languages:
/// the leaderboard, or for a contest run in stages the classification and
/// each stage's standings.
fn boards(inputs: podium::engine::Inputs) {
    let langs = [podium::contest::Lang::Zh, podium::contest::Lang::En];
    if inputs.rules.stages.is_empty() {
        let results = podium::engine::score(inputs, &[]);
        for lang in langs {
            podium::output::Leaderboard::new(&results, lang, None).unwrap();
        }
        return;
    }
    let staged = podium::stages::score(inputs, &[]);
    for lang in langs {
        podium::output::Leaderboard::new(&staged.classification, lang, None).unwrap();
        for k in 0..staged.stages.len() {
            podium::output::Leaderboard::of_stage(&staged, k, lang, None).unwrap();
        }
    }
}

#[test]
fn mutated_inputs_give_errors_never_panics() {
    let mut random = Random(2026);
    let mut rejected = 0;
    let mut tried = 0;
    for example in ["construction", "skills-duel", "judged-panel", "monthly-teams", "knockout"] {
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("contests").join(example);
        let dir = temp_dir(&format!("fuzz-{example}"));
        let files: Vec<_> = std::fs::read_dir(&source).unwrap().map(|e| e.unwrap().path()).collect();
        for round in 0..120 {
            for file in &files {
                std::fs::copy(file, dir.join(file.file_name().unwrap())).unwrap();
            }
            let victim = &files[round % files.len()];
            let text = std::fs::read_to_string(victim).unwrap();
            let mutated = mutate(&text, &mut random);
            std::fs::write(dir.join(victim.file_name().unwrap()), &mutated).unwrap();
            tried += 1;
            let outcome = std::panic::catch_unwind(|| score_if_valid(&dir));
            assert!(outcome.is_ok(), "panic on a mutation of {}:\n{mutated}", victim.display());
            if let Err(problems) = podium::load::load(&dir, None) {
                rejected += 1;
                for problem in &problems.0 {
                    assert!(!problem.message.is_empty());
                    assert!(problem.file.file_name().is_some(), "every problem names its file: {problem}");
                }
            }
        }
    }
    // Most mutations break something; the test would be empty if none did.
    assert!(rejected > tried / 3, "only {rejected} of {tried} mutations were rejected");
}

// Hostile contest files, one per crash reported in issue 12: each is refused
// with a located error (exit code 1), never a panic (101) or an abort (a signal).

const HUGE: &str = "\"79228162514264337593543950335\"";
const TINY: &str = "\"0.0000000000000000000000000001\"";

/// A copy of the example with `change` made to `file`.
fn hostile_copy(name: &str, example: &str, file: &str, change: impl FnOnce(String) -> String) -> PathBuf {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("contests").join(example);
    let dir = temp_dir(&format!("hostile-{name}"));
    for entry in std::fs::read_dir(&source).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let changed = change(text.clone());
    assert_ne!(text, changed, "{name}: the change must apply to the example");
    std::fs::write(dir.join(file), changed).unwrap();
    dir
}

/// `podium check` and `podium score` both refuse `dir` with exit code 1,
/// and their errors mention each of `parts`.
fn assert_refused(dir: &Path, parts: &[&str]) {
    for command in ["check", "score"] {
        let out = podium_en(&[command, dir.to_str().unwrap()]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "podium {command} must refuse, not crash:\n{err}");
        for part in parts {
            assert!(err.contains(part), "podium {command}: expected {part:?} in:\n{err}");
        }
    }
}

#[test]
fn a_huge_weight_is_refused_with_its_place() {
    let dir = hostile_copy("weight", "skills-duel", "contest.ron", |t| {
        t.replacen("weight: 30,", &format!("weight: {HUGE},"), 1)
    });
    assert_refused(&dir, &["contest.ron:39:", "categories[0].weight", "1000000000000"]);
}

#[test]
fn a_huge_floor_is_refused_with_its_place() {
    let dir = hostile_copy("floor", "skills-duel", "contest.ron", |t| {
        t.replacen("floor: 0,", &format!("floor: {HUGE},"), 1)
    });
    assert_refused(&dir, &["contest.ron:54:", "categories[1].floor", "1000000000000"]);
}

#[test]
fn a_huge_deduction_per_is_refused_with_its_place() {
    let dir = hostile_copy("per", "skills-duel", "contest.ron", |t| {
        t.replacen("Deduction(per: 2)", &format!("Deduction(per: {HUGE})"), 1)
    });
    assert_refused(&dir, &["contest.ron:98:", "categories[1].criteria[4].kind.per", "1000000000000"]);
}

#[test]
fn a_huge_linear_best_is_refused_with_its_place() {
    let dir = hostile_copy("linear", "skills-duel", "contest.ron", |t| {
        t.replacen("Linear(best: 100, worst: 0)", &format!("Linear(best: {HUGE}, worst: -1)"), 1)
    });
    assert_refused(
        &dir,
        &["contest.ron:46:", "categories[0].criteria[0].kind.scale.best", "1000000000000"],
    );
}

#[test]
fn a_step_of_1e_minus_28_is_refused_with_its_place() {
    let dir = hostile_copy("step", "skills-duel", "contest.ron", |t| {
        t.replacen(
            "marks: (min: 0, max: 100, step: 0.5)",
            &format!("marks: (min: 0, max: {TINY}, step: {TINY})"),
            1,
        )
    });
    assert_refused(
        &dir,
        &["contest.ron:45:", "categories[0].criteria[0].marks.step", "9 decimal places"],
    );
}

#[test]
fn huge_element_data_is_refused_with_its_row_and_column() {
    let dir = hostile_copy("element-data", "judged-panel", "elements.csv", |t| {
        t.replace(
            "F01,routine.elements,1,1.4,",
            "F01,routine.elements,1,7000000000000000000000000000,",
        )
        .replace(
            "F01,routine.elements,2,1.3,",
            "F01,routine.elements,2,7000000000000000000000000000,",
        )
    });
    assert_refused(&dir, &["elements.csv:2:", "difficulty (column D)", "1000000000000"]);
}

#[test]
fn a_veto_nested_20000_deep_is_refused_not_a_stack_overflow() {
    let deep = format!("{}theory.exam{} < 60", "(".repeat(20_000), ")".repeat(20_000));
    let dir = hostile_copy("deep", "skills-duel", "contest.ron", |t| {
        t.replacen("when: \"theory.exam < 60\"", &format!("when: \"{deep}\""), 1)
    });
    assert_refused(&dir, &["contest.ron:108:", "vetoes[0].when", "nest more than"]);
}

#[test]
fn a_formula_of_10000_terms_is_refused_not_a_stack_overflow() {
    let long = vec!["theory.exam"; 10_000].join(" + ");
    let dir = hostile_copy("long", "skills-duel", "contest.ron", |t| {
        t.replacen("when: \"theory.exam < 60\"", &format!("when: \"{long} < 60\""), 1)
    });
    assert_refused(&dir, &["contest.ron:108:", "vetoes[0].when", "too long"]);
}

// The semantic profile: seeded mutations that put extreme numbers, deep
// nesting and huge lists where they matter in the example contests. Each
// case must end scored or refused with located errors: never a panic (in
// process, caught) nor an abort (the binary, as a subprocess, for the cases
// that could exhaust a stack).

const EXTREMES: &[&str] = &[
    "\"79228162514264337593543950335\"",
    "\"-79228162514264337593543950335\"",
    "\"0.0000000000000000000000000001\"",
    "\"-0.0000000000000000000000000001\"",
    "\"1000000000000000000000000000\"",
    "\"1000000000000\"",
    "\"-1000000000000\"",
    "\"0.000000001\"",
    "9223372036854775807",
    "-9223372036854775808",
    "2147483647",
    "-2147483648",
    "0",
    "-1",
    "-0.5",
];

/// Fields whose numbers drive the arithmetic: weights, floors, per, scales, ranges, awards.
const NUMBER_KEYS: &[&str] = &[
    "weight: ",
    "floor: ",
    "per: ",
    "best: ",
    "worst: ",
    "step: ",
    "min: ",
    "max: ",
    "within: ",
    "points: ",
    "nominal: ",
    "otherwise: ",
    "tolerance: ",
    "threshold: ",
    "total_max: ",
    "Share(",
    "AtLeast(",
    "CapTotal(",
    "Top(",
    "winners: ",
    "best_others: ",
];

/// Byte spans of the numbers written after one of `NUMBER_KEYS`.
fn number_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for key in NUMBER_KEYS {
        for (at, _) in text.match_indices(key) {
            let start = at + key.len();
            let len = text[start..]
                .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
                .unwrap_or(0);
            if len > 0 {
                spans.push((start, start + len));
            }
        }
    }
    spans.sort_unstable();
    spans
}

fn pick<'a>(random: &mut Random, items: &[&'a str]) -> &'a str {
    items[random.below(items.len() as u64) as usize]
}

/// An extreme number in place of one of the contest's numbers.
fn extreme_number(text: &str, random: &mut Random) -> String {
    let spans = number_spans(text);
    let (start, end) = spans[random.below(spans.len() as u64) as usize];
    format!("{}{}{}", &text[..start], pick(random, EXTREMES), &text[end..])
}

/// An extreme number in place of one cell of element data.
fn extreme_element_data(text: &str, random: &mut Random) -> String {
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let row = 1 + random.below(lines.len() as u64 - 1) as usize;
    let mut cells: Vec<String> = lines[row].split(',').map(String::from).collect();
    let column = 3 + random.below(cells.len() as u64 - 3) as usize;
    cells[column] = pick(random, EXTREMES).trim_matches('"').to_string();
    lines[row] = cells.join(",");
    lines.join("\n") + "\n"
}

/// A hostile formula built from the original `f` (so that its names resolve).
fn hostile_formula(f: &str, random: &mut Random) -> String {
    let n = [2usize, 31, 32, 33, 499, 500, 5_000, 20_000][random.below(8) as usize];
    match random.below(6) {
        0 => format!("{}{f}{}", "(".repeat(n), ")".repeat(n)),
        1 => format!("{f}{}", " + 0".repeat(n)),
        2 => format!("{}({f})", "-".repeat(n)),
        3 => format!("{}({f}){}", "abs(".repeat(n), ")".repeat(n)),
        4 => format!("{}({f})", "not ".repeat(n)),
        _ => format!("({f} + 1) * 79228162514264337593543950335 * {}", n),
    }
}

/// Formulas (veto conditions, criteria, element values) replaced by hostile ones.
fn hostile_formulas(text: &str, random: &mut Random) -> Option<String> {
    let spans: Vec<(usize, usize)> = ["when: \"", "expr: \"", "value: \""]
        .iter()
        .flat_map(|key| text.match_indices(key).map(move |(at, _)| at + key.len()))
        .map(|start| (start, start + text[start..].find('"').unwrap()))
        .collect();
    if spans.is_empty() {
        return None;
    }
    let (start, end) = spans[random.below(spans.len() as u64) as usize];
    Some(format!(
        "{}{}{}",
        &text[..start],
        hostile_formula(&text[start..end], random),
        &text[end..]
    ))
}

/// A huge list: a category of thousands of criteria (each near the largest
/// decimal, so that their sum overflows), or an award set of thousands of tiers.
fn huge_list(text: &str, random: &mut Random) -> String {
    let n = [2usize, 10, 1_000, 10_000][random.below(4) as usize];
    let value = pick(random, &["1", "1000000000000 * 1000000000000 * 10000"]);
    if random.below(2) == 0 {
        let criteria: String = (0..n)
            .map(|i| format!("Criterion(id: \"c{i}\", label: (en: \"c\"), kind: Formula(expr: \"{value}\")),"))
            .collect();
        let category = format!("Category(id: \"huge\", label: (en: \"huge\"), score: Sum, criteria: [{criteria}]),");
        text.replacen("categories: [", &format!("categories: [{category}"), 1)
    } else {
        let tiers: String = (0..n)
            .map(|i| format!("Tier(id: \"t{i}\", label: (en: \"t\"), rule: Top(1)),"))
            .collect();
        let set = format!("AwardSet(id: \"huge\", threshold: \"-1000000000000\", tiers: [{tiers}]),");
        match text.find("awards: [") {
            Some(_) => text.replacen("awards: [", &format!("awards: [{set}"), 1),
            None => text.replacen("categories: [", &format!("awards: [{set}], categories: ["), 1),
        }
    }
}

#[derive(Default)]
struct Tally {
    cases: usize,
    panics: usize,
    aborts: usize,
    refused: usize,
    scored: usize,
    failures: Vec<String>,
}

impl Tally {
    fn fail(&mut self, what: String) {
        if self.failures.len() < 5 {
            self.failures.push(what);
        }
    }
}

/// The note that ends a long list of bad rows: a count, not a problem of its own.
const MORE_ROWS: &str = "… and ";

/// Every problem names its file and its place in it (a line or a field).
fn unlocated(problems: &podium::error::Diagnostics) -> Option<String> {
    problems
        .0
        .iter()
        .filter(|p| !p.message.to_string().starts_with(MORE_ROWS))
        .find(|p| p.file.file_name().is_none() || p.message.is_empty() || (p.line.is_none() && p.field.is_empty()))
        .map(|p| p.to_string())
}

/// Checks and scores `dir` in this process, as `podium score` does.
fn run_in_process(dir: &Path, case: &str, tally: &mut Tally) {
    let outcome = std::panic::catch_unwind(|| match podium::load::load(dir, None) {
        Err(problems) => Err(problems),
        Ok(inputs) => {
            boards(inputs);
            Ok(())
        }
    });
    match outcome {
        Err(_) => {
            tally.panics += 1;
            tally.fail(format!("panic: {case}"));
        }
        Ok(Ok(())) => tally.scored += 1,
        Ok(Err(problems)) => {
            tally.refused += 1;
            if let Some(problem) = unlocated(&problems) {
                tally.fail(format!("unlocated error for {case}: {problem}"));
            }
        }
    }
}

/// Runs `podium check` and `podium score` on `dir` as subprocesses.
fn run_binary(dir: &Path, case: &str, tally: &mut Tally) {
    let mut refused = false;
    for command in ["check", "score"] {
        let out = podium(&[command, dir.to_str().unwrap()]);
        let err = stderr(&out);
        match out.status.code() {
            Some(0) => {}
            Some(1) => {
                refused = true;
                let errors = err.lines().filter(|l| l.contains(": error") && !l.contains(MORE_ROWS));
                if let Some(line) = errors
                    .clone()
                    .find(|l| !located(l))
                    .or(err.trim().is_empty().then_some("(nothing)"))
                {
                    tally.fail(format!("unlocated error for {case} ({command}): {line}"));
                }
            }
            Some(101) => {
                tally.panics += 1;
                tally.fail(format!("panic in {command}: {case}: {}", err.lines().next().unwrap_or("")));
            }
            _ => {
                tally.aborts += 1;
                tally.fail(format!("abort ({}) in {command}: {case}", out.status));
            }
        }
    }
    if refused {
        tally.refused += 1;
    } else {
        tally.scored += 1;
    }
}

/// An error line names its file, then a line number or a field.
fn located(line: &str) -> bool {
    let Some((file, rest)) = line.split_once(".ron:").or_else(|| line.split_once(".csv:")) else {
        return false;
    };
    !file.is_empty() && (rest.starts_with(|c: char| c.is_ascii_digit()) || rest.contains(" in `"))
}

#[test]
fn semantic_profile_extremes_give_located_errors_never_crashes() {
    let mut random = Random(12);
    let mut kinds: Vec<(&str, Tally)> = Vec::new();
    for (kind, rounds) in [("numbers", 60), ("element data", 40), ("formulas", 24), ("lists", 4)] {
        let mut tally = Tally::default();
        // The contests run in stages join for their stages' numbers.
        let staged: &[&str] = if kind == "numbers" { &["knockout", "district-duel"] } else { &[] };
        for &example in ["construction", "skills-duel", "judged-panel", "monthly-teams"]
            .iter()
            .chain(staged)
        {
            let (file, in_process) = match kind {
                "element data" if example != "judged-panel" => continue,
                "element data" => ("elements.csv", true),
                "numbers" => ("contest.ron", true),
                _ => ("contest.ron", false),
            };
            let rounds = if kind == "element data" { rounds * 4 } else { rounds };
            for round in 0..rounds {
                let dir = hostile_copy(&format!("semantic-{example}"), example, file, |text| {
                    let changed = match kind {
                        "numbers" => extreme_number(&text, &mut random),
                        "element data" => extreme_element_data(&text, &mut random),
                        "formulas" => hostile_formulas(&text, &mut random).unwrap_or_default(),
                        _ => huge_list(&text, &mut random),
                    };
                    // A mutation that changes nothing still runs (as the example itself).
                    if changed.is_empty() || changed == text {
                        text + "\n"
                    } else {
                        changed
                    }
                });
                let case = format!("{kind} #{round} of {example}");
                tally.cases += 1;
                if in_process {
                    run_in_process(&dir, &case, &mut tally);
                } else {
                    run_binary(&dir, &case, &mut tally);
                }
            }
        }
        kinds.push((kind, tally));
    }
    let total = |f: fn(&Tally) -> usize| kinds.iter().map(|(_, t)| f(t)).sum::<usize>();
    for (kind, t) in &kinds {
        println!(
            "  {kind}: {} cases, {} panics, {} aborts, {} refused with location, {} scored",
            t.cases, t.panics, t.aborts, t.refused, t.scored
        );
    }
    println!(
        "semantic profile: {} cases, {} panics, {} aborts, {} refused with location, {} scored",
        total(|t| t.cases),
        total(|t| t.panics),
        total(|t| t.aborts),
        total(|t| t.refused),
        total(|t| t.scored)
    );
    let failures: Vec<&String> = kinds.iter().flat_map(|(_, t)| &t.failures).collect();
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(
        total(|t| t.refused) > 0 && total(|t| t.scored) > 0,
        "the profile must reach both outcomes"
    );
}
