//! Malformed input never panics: thousands of seeded mutations of the
//! example contests' files (characters deleted, inserted, lines doubled or
//! cut) each end in a result or in diagnostics with a file and a message.

mod common;
use common::{podium, stderr, temp_dir};
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
        let results = podium::engine::score(inputs, &[]);
        for lang in [podium::contest::Lang::Zh, podium::contest::Lang::En] {
            podium::output::Leaderboard::new(&results, lang, None).unwrap();
        }
    }
}

#[test]
fn mutated_inputs_give_errors_never_panics() {
    let mut random = Random(2026);
    let mut rejected = 0;
    let mut tried = 0;
    for example in ["construction", "skills-duel", "judged-panel", "monthly-teams"] {
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
        let out = podium(&[command, dir.to_str().unwrap()]);
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
