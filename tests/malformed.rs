//! Malformed input never panics: thousands of seeded mutations of the
//! example contests' files (characters deleted, inserted, lines doubled or
//! cut) each end in a result or in diagnostics with a file and a message.

mod common;
use common::temp_dir;
use podium::random::Random;
use std::path::Path;

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
