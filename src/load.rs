//! Loading a contest folder: the contest, its entries, marks and element
//! data, each checked, every problem reported with its file and line.

use crate::contest::{self, Rules};
use crate::data::{marks, ElementData, Entries};
use crate::engine::Inputs;
use crate::error::Diagnostics;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where a contest's files are, after defaults and overrides.
pub struct Sources {
    pub entries: PathBuf,
    pub marks: PathBuf,
    pub elements: Option<PathBuf>,
}

impl Sources {
    pub fn of(rules: &Rules, marks_override: Option<&Path>) -> Sources {
        let dir = rules.dir();
        let files = &rules.contest.files;
        Sources {
            entries: dir.join(&files.entries),
            marks: marks_override.map_or_else(|| dir.join(&files.marks), Path::to_path_buf),
            elements: files.elements.as_ref().map(|e| dir.join(e)),
        }
    }
}

/// Judges' assigned entries must exist.
fn assignments(rules: &Rules, entries: &Entries) -> Diagnostics {
    let mut problems = Diagnostics::default();
    for (j, judge) in rules.contest.judges.iter().enumerate() {
        for id in judge.entries.iter().flatten().filter(|id| entries.find(id).is_none()) {
            let at = contest::locate(&rules.source, &["judges", &format!("\"{}\"", judge.id), &format!("\"{id}\"")]);
            let mut problem = crate::error::Diagnostic::new(
                &rules.path,
                format!("judges[{j}].entries"),
                format!("judge {} is assigned `{id}`, which is not an entry", judge.id),
            );
            if let Some((line, column)) = at {
                problem = problem.at(line, column);
            }
            problems.push(problem);
        }
    }
    problems
}

/// Loads and checks everything `score` needs.
pub fn load(contest_arg: &Path, marks_override: Option<&Path>) -> Result<Inputs, Diagnostics> {
    let mut stopwatch = crate::timings::Stopwatch::start();
    let rules = contest::load(contest_arg)?;
    let sources = Sources::of(&rules, marks_override);
    let entries = Entries::load(&sources.entries, &rules.entry_fields())?;
    stopwatch.lap("entries");
    let mut problems = assignments(&rules, &entries);
    let marks = marks::load(&sources.marks, &rules, &entries)
        .map_err(|e| problems.0.extend(e.0))
        .ok();
    stopwatch.lap("marks");
    let elements = match &sources.elements {
        Some(path) => ElementData::load(path, &rules, &entries).map_err(|e| problems.0.extend(e.0)).ok(),
        None => Some(ElementData::default()),
    };
    match (marks, elements) {
        (Some(marks), Some(elements)) if problems.is_empty() => Ok(Inputs {
            rules: Arc::new(rules),
            entries: Arc::new(entries),
            marks: Arc::new(marks),
            elements: Arc::new(elements),
        }),
        _ => Err(problems),
    }
}
