//! The contest format's two editions, `docs/contest-format.md` and
//! `docs/contest-format.zh.md`, kept in step, and the examples in them
//! valid.
//!
//! The rule the editions are held to, section by section (a section is a
//! heading and the text up to the next heading):
//! - the same headings at the same levels in the same order, each Chinese
//!   heading carrying the English one (up to its own brackets) in brackets:
//!   `## 奖项（Awards）`, so that sections pair by name, not only by place;
//! - the same fenced code blocks, byte for byte once comments are taken
//!   out: what the user types stays as it is, the comments are translated.
//!   A comment is `//` or `#` to the end of the line (at the line's start or
//!   after a space) and, as in the folder listing, the words after a line's
//!   first word when two or more spaces follow that word. Trailing spaces do
//!   not count, so a translated comment may be aligned differently;
//! - every `inline code` of the English section (a field, a value, a
//!   command) appears in the Chinese section too; the Chinese may add some,
//!   as it shows technical names beside their labels.
//!
//! When a section is added to the English edition, add its translation at
//! the same place in the Chinese one (and the other way round): this test
//! names the first heading where the two part.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const ENGLISH: &str = "docs/contest-format.md";
const CHINESE: &str = "docs/contest-format.zh.md";

/// One heading and what follows it, up to the next heading.
#[derive(Debug, Default)]
struct Section {
    level: usize,
    title: String,
    code_blocks: Vec<String>,
    prose: String,
}

impl Section {
    /// The `spans` of its text; a span may run over a line break, which
    /// counts as a space.
    fn inline_code(&self) -> BTreeSet<String> {
        let spans = self.prose.split('`').skip(1).step_by(2);
        spans.map(|span| span.split_whitespace().collect::<Vec<_>>().join(" ")).collect()
    }
}

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// Splits Markdown into sections; text before the first heading is a
/// section of level 0.
fn sections(markdown: &str) -> Vec<Section> {
    let mut sections = vec![Section::default()];
    let mut fence: Option<String> = None;
    for line in markdown.lines() {
        let current = sections.last_mut().unwrap();
        if let Some(block) = fence.as_mut() {
            if line.trim_start().starts_with("```") {
                current.code_blocks.push(fence.take().unwrap());
            } else {
                block.push_str(line);
                block.push('\n');
            }
        } else if line.trim_start().starts_with("```") {
            fence = Some(String::new());
        } else if let Some(level) = heading_level(line) {
            sections.push(Section {
                level,
                title: line[level..].trim().to_string(),
                ..Section::default()
            });
        } else {
            current.prose.push_str(line);
            current.prose.push('\n');
        }
    }
    assert!(fence.is_none(), "a code block is not closed");
    sections
}

/// `## Title` → 2.
fn heading_level(line: &str) -> Option<usize> {
    let level = line.chars().take_while(|&c| c == '#').count();
    (level > 0 && line[level..].starts_with(' ')).then_some(level)
}

/// A code block as the user types it: each line without its comment or
/// trailing spaces (see the module's comment for what a comment is).
fn without_comments(block: &str) -> String {
    let mut out = String::new();
    for line in block.lines() {
        let mut end = line.len();
        for marker in ["//", "#"] {
            if let Some(at) = line
                .match_indices(marker)
                .map(|(at, _)| at)
                .find(|&at| at == 0 || line[..at].ends_with(' '))
            {
                end = end.min(at);
            }
        }
        // The folder listing's descriptions: `  contest.ron     the rules`.
        let indent = line.len() - line.trim_start().len();
        if let Some(word_end) = line[indent..].find(' ').map(|at| indent + at) {
            if line[word_end..].starts_with("  ") && !line[word_end..].trim().is_empty() {
                end = end.min(word_end);
            }
        }
        out.push_str(line[..end].trim_end());
        out.push('\n');
    }
    out
}

/// The headings of each edition, side by side, for a failure message.
fn side_by_side(english: &[Section], chinese: &[Section]) -> String {
    let rows = english.len().max(chinese.len());
    (0..rows)
        .map(|i| {
            let show = |s: Option<&Section>| s.map_or(String::from("—"), |s| format!("{} {}", "#".repeat(s.level), s.title));
            let left = show(english.get(i));
            let pad = 40usize.saturating_sub(unicode_width::UnicodeWidthStr::width(left.as_str()));
            format!("  {left}{} | {}\n", " ".repeat(pad), show(chinese.get(i)))
        })
        .collect()
}

/// Every way the two editions disagree, empty when they are in step.
fn differences(english_text: &str, chinese_text: &str) -> Vec<String> {
    let english = sections(english_text);
    let chinese = sections(chinese_text);
    let mut problems = Vec::new();
    let levels = |s: &[Section]| s.iter().map(|s| s.level).collect::<Vec<_>>();
    if levels(&english) != levels(&chinese) {
        problems.push(format!(
            "the headings differ ({} in English, {} in Chinese); add the missing section's translation at the same place:\n{}",
            english.len() - 1,
            chinese.len() - 1,
            side_by_side(&english, &chinese)
        ));
        return problems;
    }
    for (en, zh) in english.iter().zip(&chinese) {
        let place = format!("section \"{}\" / \"{}\"", en.title, zh.title);
        let english_name = en.title.split(" (").next().unwrap_or_default();
        if !zh.title.contains(english_name) {
            problems.push(format!(
                "{place}: the Chinese heading should carry the English one, `{english_name}`, in brackets"
            ));
        }
        let strip = |blocks: &[String]| blocks.iter().map(|b| without_comments(b)).collect::<Vec<_>>();
        let (en_blocks, zh_blocks) = (strip(&en.code_blocks), strip(&zh.code_blocks));
        if en_blocks.len() != zh_blocks.len() {
            problems.push(format!(
                "{place}: {} code blocks in English, {} in Chinese",
                en_blocks.len(),
                zh_blocks.len()
            ));
        }
        for (e, z) in en_blocks.iter().zip(&zh_blocks).filter(|(e, z)| e != z) {
            problems.push(format!(
                "{place}: a code block differs beyond its comments:\n--- English\n{e}--- Chinese\n{z}"
            ));
        }
        let missing: Vec<_> = en.inline_code().difference(&zh.inline_code()).cloned().collect();
        if !missing.is_empty() {
            problems.push(format!("{place}: the Chinese lacks {missing:?}"));
        }
    }
    problems
}

#[test]
fn the_chinese_edition_is_in_step_with_the_english() {
    let problems = differences(&read(ENGLISH), &read(CHINESE));
    assert!(
        problems.is_empty(),
        "{ENGLISH} and {CHINESE} are out of step:\n{}",
        problems.join("\n")
    );
}

#[test]
fn each_edition_links_to_the_other_at_the_top() {
    for (path, other) in [(ENGLISH, "contest-format.zh.md"), (CHINESE, "contest-format.md")] {
        let top: String = read(path).lines().take(4).collect();
        assert!(
            top.contains(&format!("]({other})")),
            "{path} should link to {other} in its first lines"
        );
    }
}

/// The check must fail when the editions part: a section in one only, a
/// changed example, a field name dropped from the translation.
#[test]
fn the_comparison_finds_a_section_in_one_edition_only() {
    let english = read(ENGLISH);
    let chinese = read(CHINESE);
    let added = format!("{english}\n## Sheets\n\nText.\n");
    let problems = differences(&added, &chinese);
    assert!(problems.len() == 1 && problems[0].contains("## Sheets"), "{problems:?}");
    let problems = differences(&english, &format!("{chinese}\n### 评分表\n"));
    assert!(problems.len() == 1 && problems[0].contains("### 评分表"), "{problems:?}");

    let swapped = chinese.replace("## 排名（Ranking）", "## 排名（Awards）");
    let problems = differences(&english, &swapped);
    assert!(problems.len() == 1 && problems[0].contains("`Ranking`"), "{problems:?}");

    let changed = chinese.replacen("J1,E00001,", "J1,E00009,", 1);
    let problems = differences(&english, &changed);
    assert!(problems.len() == 1 && problems[0].contains("E00009"), "{problems:?}");

    let dropped = chinese.replacen("`total_max`", "total_max", 1);
    let problems = differences(&english, &dropped);
    assert!(problems.len() == 1 && problems[0].contains("total_max"), "{problems:?}");
}

#[test]
fn comments_are_what_may_differ() {
    assert_eq!(
        without_comments("    combine: Best(2),           // Sum, Mean\n"),
        "    combine: Best(2),\n"
    );
    assert_eq!(without_comments("  contest.ron     竞赛规则\n"), "  contest.ron\n");
    assert_eq!(without_comments("podium check x   # 检查\n"), "podium check x\n");
    // Not comments: a URL, the formula syntax, an id with a `#`.
    let kept = "podium serve x --base http://192.168.1.20:8080\n+ - * /   ( )   < <=\nmin(a, b, …)  max(a, b, …)\nE#1,x\n";
    assert_eq!(without_comments(kept), kept);
}

/// A contest the docs' RON fragments are placed into, so that each is read
/// and checked as podium reads a contest: `{judges}`, `{awards}` and
/// `{fields}` are filled from the examples.
const SKELETON: &str = r#"Contest(
    id: "docs",
    name: (zh: "文档示例", en: "The docs' examples"),
    divisions: ["trade"],
    categories: [
        Category(id: "quality", label: (zh: "质量", en: "Quality"), weight: 100, criteria: [
            Criterion(id: "workmanship", label: (zh: "工艺", en: "Workmanship"), max: 10, marks: (min: 0, max: 10, step: 0.5), kind: Judgement()),
        ]),
    ],
    judges: [{judges}],
    awards: [{awards}],
    {fields}
)
"#;

/// The RON examples of one edition, as a contest folder: complete contests
/// on their own, fragments placed in `SKELETON`, with the entries example
/// as its entries file. Returns the folders to check.
fn contests_from_examples(markdown: &str, name: &str) -> Vec<PathBuf> {
    let root = std::env::temp_dir().join(format!("podium-docs-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let (mut judges, mut awards, mut fields, mut entries) = (Vec::new(), Vec::new(), Vec::new(), None);
    let mut folders = Vec::new();
    for block in sections(markdown).into_iter().flat_map(|s| s.code_blocks) {
        let first = block.trim_start();
        let type_name = first.split('(').next().unwrap_or("");
        let is_type =
            type_name.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && type_name.chars().all(|c| c.is_ascii_alphanumeric());
        let is_field = first
            .split(": ")
            .next()
            .is_some_and(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        if first.starts_with("id,name") {
            entries = Some(block.clone());
        } else if is_type && type_name == "Contest" {
            let folder = root.join(format!("complete-{}", folders.len()));
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(folder.join("contest.ron"), &block).unwrap();
            folders.push(folder);
        } else if is_type && type_name == "Judge" {
            judges.extend(block.lines().filter(|l| !l.trim().is_empty()).map(|l| format!("{l},")));
        } else if is_type && type_name == "Campaign" {
            // A campaign.ron of its own: read as podium reads one.
            let read: Result<podium::campaign::Campaign, _> = podium::contest::ron_options().from_str(&block);
            if let Err(e) = read {
                panic!("{name}: the campaign example does not read: {e}\n{block}");
            }
        } else if is_type && type_name == "Periods" {
            // A periods.ron of its own: read as podium reads one.
            let read: Result<podium::periods::Series, _> = podium::contest::ron_options().from_str(&block);
            if let Err(e) = read {
                panic!("{name}: the periods example does not read: {e}\n{block}");
            }
        } else if is_type && type_name == "AwardSet" {
            awards.push(format!("{},", block.trim_end()));
        } else if is_type {
            panic!("a RON example of a `{type_name}`: teach tests/docs.rs where it goes in a contest");
        } else if is_field {
            fields.push(format!("{},", block.trim_end().trim_end_matches(',')));
        }
    }
    let skeleton = root.join("fragments");
    std::fs::create_dir_all(&skeleton).unwrap();
    let contest = SKELETON
        .replace("{judges}", &judges.join("\n"))
        .replace("{awards}", &awards.join("\n"))
        .replace("{fields}", &fields.join("\n"));
    std::fs::write(skeleton.join("contest.ron"), contest).unwrap();
    std::fs::write(skeleton.join("entries.csv"), entries.expect("the docs show an entries file")).unwrap();
    folders.push(skeleton);
    folders
}

#[test]
fn the_ron_examples_are_valid_contests() {
    for (path, name) in [(ENGLISH, "en"), (CHINESE, "zh")] {
        let folders = contests_from_examples(&read(path), name);
        for folder in &folders {
            let rules = match podium::contest::load(folder) {
                Ok(rules) => rules,
                Err(problems) => panic!("{path}: the examples in {} do not load:\n{problems}", folder.display()),
            };
            let entries = folder.join("entries.csv");
            if entries.exists() {
                if let Err(problems) = podium::data::Entries::load(&entries, &rules.entry_fields()) {
                    panic!("{path}: the entries example does not load:\n{problems}");
                }
            }
        }
        // The fragments are there: three judges, a set of prizes, teams.
        let contest = std::fs::read_to_string(folders.last().unwrap().join("contest.ron")).unwrap();
        for part in ["Judge(id: \"J3\"", "id: \"prizes\"", "teams: ("] {
            assert!(contest.contains(part), "{path}: {part} is not among the examples");
        }
        std::fs::remove_dir_all(folders[0].parent().unwrap()).unwrap();
    }
}

/// The CSV examples are well-formed tables: every row as wide as its header.
#[test]
fn the_csv_examples_are_tables() {
    let mut tables = 0;
    for block in sections(&read(ENGLISH)).into_iter().flat_map(|s| s.code_blocks) {
        let header = block.lines().next().unwrap_or("");
        let is_csv = header.contains(',') && !header.contains(' ') && !header.contains('(');
        if !is_csv {
            continue;
        }
        let mut reader = csv::ReaderBuilder::new().from_reader(block.as_bytes());
        for row in reader.records() {
            row.unwrap_or_else(|e| panic!("a CSV example is not a table ({e}):\n{block}"));
        }
        tables += 1;
    }
    // assignments, entries, marks, element data
    assert!(tables >= 4, "found only {tables} CSV examples");
}

/// The README's walkthrough for an office runs as written: every command
/// in its command blocks, in order, in a fresh folder.
#[test]
fn the_readme_walkthrough_runs() {
    let readme = read("README.md");
    let all = sections(&readme);
    let start = all
        .iter()
        .position(|s| s.title.starts_with("五分钟上手"))
        .expect("the README has the walkthrough");
    let end = all[start + 1..]
        .iter()
        .position(|s| s.level <= 2)
        .map_or(all.len(), |i| start + 1 + i);
    let commands: Vec<Vec<String>> = all[start..end]
        .iter()
        .flat_map(|s| &s.code_blocks)
        .filter(|block| block.lines().all(|l| l.starts_with("podium ")))
        .flat_map(|block| block.lines().map(|l| l.split_whitespace().skip(1).map(str::to_string).collect()))
        .collect();
    assert!(commands.len() >= 6, "too few commands found: {commands:?}");
    let dir = std::env::temp_dir().join(format!("podium-docs-{}-walkthrough", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let podium = |args: &[String]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_podium"))
            .args(args)
            .current_dir(&dir)
            .output()
            .unwrap()
    };
    for args in &commands {
        let out = podium(args);
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "`podium {}` failed:\n{said}", args.join(" "));
        if let Some(at) = args.iter().position(|a| a == "-o") {
            assert!(dir.join(&args[at + 1]).exists(), "`podium {}` wrote nothing", args.join(" "));
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
