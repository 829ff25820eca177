//! Loading a contest folder: the contest, its entries, marks and element
//! data, each checked, every problem reported with its file and line. Marks
//! come from the mark store once it holds any, else from the marks CSV; a
//! file given with `--marks` overrides both.

use crate::contest::{self, Rules};
use crate::data::{marks, ElementData, Entries, Mark, MarkSet, RowChecker};
use crate::engine::{Inputs, Results};
use crate::error::{Diagnostic, Diagnostics};
use crate::msg;
use crate::store::{Store, StoredBatch, Which};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Where a contest's files are, after defaults and overrides.
pub struct Sources {
    pub entries: PathBuf,
    pub marks: PathBuf,
    pub elements: Option<PathBuf>,
    pub assignments: Option<PathBuf>,
    pub store: PathBuf,
}

impl Sources {
    pub fn of(rules: &Rules, marks_override: Option<&Path>) -> Sources {
        let dir = rules.dir();
        let files = &rules.contest.files;
        Sources {
            entries: dir.join(&files.entries),
            marks: marks_override.map_or_else(|| dir.join(&files.marks), Path::to_path_buf),
            elements: files.elements.as_ref().map(|e| dir.join(e)),
            assignments: files.assignments.as_ref().map(|a| dir.join(a)),
            store: dir.join(&files.store),
        }
    }
}

/// The contest and its entries, checked (what entering marks needs).
pub fn load_contest(contest_arg: &Path) -> Result<(Rules, Entries), Diagnostics> {
    let mut rules = contest::load(contest_arg)?;
    let sources = Sources::of(&rules, None);
    let entries = Entries::load(&sources.entries, &rules.entry_fields())?;
    if let Some(file) = &sources.assignments {
        crate::data::assignments::apply(file, &mut rules, &entries)?;
    }
    let mut problems = assignments(&rules, &entries);
    problems
        .0
        .extend(crate::stages::heatless_entries(&rules, &entries, &sources.entries).0);
    problems.into_result((rules, entries))
}

/// Judges' assigned entries must exist.
fn assignments(rules: &Rules, entries: &Entries) -> Diagnostics {
    let mut problems = Diagnostics::default();
    for (j, judge) in rules.contest.judges.iter().enumerate() {
        for id in judge.entries.iter().flatten().filter(|id| entries.find(id).is_none()) {
            let at = contest::locate(&rules.source, &["judges", &format!("\"{}\"", judge.id), &format!("\"{id}\"")]);
            let mut problem = Diagnostic::new(
                &rules.path,
                format!("judges[{j}].entries"),
                msg!("load-assigned-unknown", judge = judge.id, id = id),
            );
            if let Some((line, column)) = at {
                problem = problem.at(line, column);
            }
            problems.push(problem);
        }
    }
    problems
}

/// Loads and checks everything `score` needs. With double entry, marks
/// not yet confirmed count only if the contest says so.
pub fn load(contest_arg: &Path, marks_override: Option<&Path>) -> Result<Inputs, Diagnostics> {
    load_with(contest_arg, marks_override, false)
}

/// As `load`; `all_marks` takes unconfirmed marks whatever the contest says
/// (for `status`, which counts what has been entered).
pub fn load_with(contest_arg: &Path, marks_override: Option<&Path>, all_marks: bool) -> Result<Inputs, Diagnostics> {
    unmarked_with(contest_arg, marks_override, all_marks)?.marked()
}

/// A contest loaded but for its marks: its rules, entries and element data
/// checked, the marks still to come (from the store, or a file).
pub struct Unmarked {
    /// The contest's inputs, with no marks yet.
    pub inputs: Inputs,
    marks_override: Option<PathBuf>,
    all_marks: bool,
    /// What is wrong with the element data, told with what is wrong with
    /// the marks.
    element_problems: Diagnostics,
}

/// Where a contest's marks come from.
enum MarksFrom {
    Store(Store),
    File(PathBuf),
}

/// The contest, its entries and element data: what `load` reads before the
/// marks (which `Unmarked::marked` or `Unmarked::scored` then read).
pub fn unmarked(contest_arg: &Path, marks_override: Option<&Path>) -> Result<Unmarked, Diagnostics> {
    unmarked_with(contest_arg, marks_override, false)
}

fn unmarked_with(contest_arg: &Path, marks_override: Option<&Path>, all_marks: bool) -> Result<Unmarked, Diagnostics> {
    let mut stopwatch = crate::timings::Stopwatch::start();
    let (rules, entries) = load_contest(contest_arg)?;
    stopwatch.lap("entries");
    let sources = Sources::of(&rules, marks_override);
    let (elements, element_problems) = match &sources.elements {
        Some(path) => match ElementData::load(path, &rules, &entries) {
            Ok(elements) => (elements, Diagnostics::default()),
            Err(problems) => (ElementData::default(), problems),
        },
        None => (ElementData::default(), Diagnostics::default()),
    };
    Ok(Unmarked {
        inputs: Inputs::new(rules, entries, MarkSet::default(), elements),
        marks_override: marks_override.map(Path::to_path_buf),
        all_marks,
        element_problems,
    })
}

impl Unmarked {
    /// The store once it holds any marks (a failed first import leaves it
    /// empty), else the marks file; a file given instead overrides both.
    fn marks_from(&self) -> Result<MarksFrom, Diagnostics> {
        let sources = Sources::of(&self.inputs.rules, self.marks_override.as_deref());
        if self.marks_override.is_some() {
            return Ok(MarksFrom::File(sources.marks));
        }
        let store = Store::open_existing(&sources.store).and_then(|store| match store {
            Some(store) if store.has_marks()? => Ok(Some(store)),
            _ => Ok(None),
        });
        match store {
            Ok(Some(store)) => Ok(MarksFrom::Store(store)),
            Ok(None) => Ok(MarksFrom::File(sources.marks)),
            Err(e) => Err(Diagnostic::new(&e.path, "", e.message).into()),
        }
    }

    /// The inputs with their marks, every problem with the marks and the
    /// element data told together. With double entry, marks not yet
    /// confirmed count only if the contest says so.
    pub fn marked(self) -> Result<Inputs, Diagnostics> {
        let mut stopwatch = crate::timings::Stopwatch::start();
        let (rules, entries) = (&*self.inputs.rules, &*self.inputs.entries);
        let marks = match self.marks_from() {
            Ok(MarksFrom::Store(store)) => from_store(&store, rules, entries, self.all_marks),
            Ok(MarksFrom::File(path)) => marks::load(&path, rules, entries),
            Err(problems) => Err(problems),
        };
        stopwatch.lap("marks");
        let mut problems = Diagnostics::default();
        let marks = marks.map_err(|e| problems.0.extend(e.0)).ok();
        problems.0.extend(self.element_problems.0);
        match marks {
            Some(marks) if problems.is_empty() => Ok(Inputs {
                marks: std::sync::Arc::new(marks),
                ..self.inputs
            }),
            _ => Err(problems),
        }
    }

    /// The contest scored, as `engine::score` scores `self.marked()`.
    /// Marks from a file that lists each entry's rows together and in the
    /// entries' order (as exports and `podium gen` write them) are scored a
    /// part of the field at a time as they are read, so they are never all
    /// in memory: at national scale they would be the largest thing there.
    /// Any other file, a bad one, the store, a contest run in stages or one
    /// whose tie-breaks read marks after scoring, is read whole first.
    pub fn scored(self) -> Result<Scored, Diagnostics> {
        self.scored_in_parts_of(marks::PART_MARKS)
    }

    /// As [`Self::scored`], in parts of about `part_marks` marks.
    pub fn scored_in_parts_of(self, part_marks: usize) -> Result<Scored, Diagnostics> {
        let rules = &self.inputs.rules;
        let ranks_by_marks = rules.tie_breaks.iter().any(|t| matches!(t, contest::TieBreakRule::HighestMark(_)));
        if self.element_problems.is_empty() && rules.stages.is_empty() && !ranks_by_marks {
            if let Ok(MarksFrom::File(path)) = self.marks_from() {
                let mut stopwatch = crate::timings::Stopwatch::start();
                let (read, scorer) = in_parts(&self.inputs, &path, part_marks);
                stopwatch.lap("marks scored");
                if read {
                    return Ok(Scored {
                        warnings: left_out(&self.inputs, self.marks_override.as_deref()),
                        results: scorer.finish(),
                        in_parts: true,
                    });
                }
            }
        }
        let marks_override = self.marks_override.clone();
        let inputs = self.marked()?;
        Ok(Scored {
            warnings: left_out(&inputs, marks_override.as_deref()),
            results: crate::engine::score(inputs, &[]),
            in_parts: false,
        })
    }
}

/// A contest scored ([`Unmarked::scored`]).
pub struct Scored {
    pub results: Results,
    /// What scoring left out, for the user to hear ([`left_out`]).
    pub warnings: Diagnostics,
    /// Whether the marks were scored a part at a time as they were read.
    pub in_parts: bool,
}

/// Reads the marks file at `path` a part at a time ([`marks::load_in_parts`]),
/// each part scored on a thread of its own while the next is read (the
/// scoring's moments on one core are then the reading's to use); whether
/// every part was read, and the scorer of those read.
fn in_parts(inputs: &Inputs, path: &Path, part_marks: usize) -> (bool, crate::engine::PartScorer) {
    let mut scorer = crate::engine::PartScorer::new(inputs.clone());
    // One part scored while one waits and the next is read: three in memory at most.
    let (parts, to_score) = std::sync::mpsc::sync_channel(1);
    // Each part's vector, given back once it is scored, to gather another in.
    let (done_with, spare) = std::sync::mpsc::channel();
    let read = std::thread::scope(|scope| {
        let scoring = scope.spawn(|| {
            for part in to_score {
                if let Some(marks) = scorer.score(part) {
                    let _ = done_with.send(marks);
                }
            }
        });
        let read = marks::load_in_parts(path, (&inputs.rules, &inputs.entries), part_marks, &mut |part| {
            // The scorer stops only by panicking, which `join` passes on.
            let _ = parts.send(part);
            spare.try_recv().ok()
        });
        drop(parts);
        if let Err(panic) = scoring.join() {
            std::panic::resume_unwind(panic);
        }
        read
    });
    (read, scorer)
}

/// What scoring `inputs` leaves out without a word, for the user to hear:
/// a marks file holding marks the store does not (the store replaced the
/// file at its first mark), and element data beside the contest that the
/// contest does not name.
pub fn left_out(inputs: &Inputs, marks_override: Option<&Path>) -> Diagnostics {
    let rules = &inputs.rules;
    let sources = Sources::of(rules, marks_override);
    let mut warnings = Diagnostics::default();
    let beside = rules.dir().join("elements.csv");
    if sources.elements.is_none() && beside.exists() {
        warnings.push(
            Diagnostic::new(&beside, "", msg!("load-elements-unused"))
                .help(msg!("load-elements-unused-help"))
                .warning(),
        );
    }
    if scores_from_store(&sources, marks_override) && sources.marks.exists() {
        if let Some(warning) = marks_file_left_out(&sources.marks, inputs) {
            warnings.push(warning);
        }
    }
    warnings
}

/// Whether the marks scored are the store's (it holds marks and no file
/// was given instead).
pub fn scores_from_store(sources: &Sources, marks_override: Option<&Path>) -> bool {
    marks_override.is_none()
        && Store::open_existing(&sources.store).is_ok_and(|store| store.is_some_and(|s| s.has_marks().unwrap_or(false)))
}

/// The marks file, when it holds marks that the marks scored (the store's)
/// do not: how many, and the command that brings them in.
fn marks_file_left_out(file: &Path, inputs: &Inputs) -> Option<Diagnostic> {
    let import = format!("podium import {} {}", inputs.rules.dir().display(), file.display());
    let in_file = match marks::load(file, &inputs.rules, &inputs.entries) {
        Ok(marks) => marks,
        Err(problems) => {
            let check = format!("podium check {} --marks {}", inputs.rules.dir().display(), file.display());
            return Some(
                Diagnostic::new(file, "", msg!("load-file-not-comparable", count = problems.len()))
                    .help(msg!("load-file-not-comparable-help", command = check))
                    .warning(),
            );
        }
    };
    let (mut absent, mut different) = (0usize, 0usize);
    for entry in 0..inputs.entries.list.len() {
        let stored = inputs.marks.of_entry(entry);
        for mark in in_file.of_entry(entry) {
            match stored.binary_search_by_key(&mark.key(), Mark::key) {
                Ok(at) if stored[at].units == mark.units => {}
                Ok(_) => different += 1,
                Err(_) => absent += 1,
            }
        }
    }
    if absent + different == 0 {
        return None;
    }
    let message = msg!(
        "load-file-left-out",
        count = absent + different,
        absent = absent,
        different = different
    );
    let help = msg!("load-file-left-out-help", command = import);
    Some(Diagnostic::new(file, "", message).help(help).warning())
}

/// The store's current marks, checked against the contest as it is now
/// (it may have changed since the marks were entered).
fn from_store(store: &Store, rules: &Rules, entries: &Entries, all_marks: bool) -> Result<MarkSet, Diagnostics> {
    let marking = &rules.contest.marking;
    let which = if marking.double_entry && !marking.count_unconfirmed && !all_marks {
        Which::Confirmed
    } else {
        Which::All
    };
    // Entries fetched a batch at a time (the store's connection is one
    // thread's) while another thread checks the batch before, in parallel.
    let (fetched, batches) = std::sync::mpsc::sync_channel::<StoredBatch>(1);
    let path = store.path();
    let (checked, read) = std::thread::scope(|scope| {
        let checker = scope.spawn(move || {
            let mut checked = Checked::default();
            for batch in batches {
                let chunks: Vec<std::ops::Range<usize>> = (0..batch.len()).step_by(256).map(|i| i..(i + 256).min(batch.len())).collect();
                let parts: Vec<Result<Checked, Diagnostics>> = chunks
                    .into_par_iter()
                    .map(|chunk| check_stored(path, &batch, chunk, which, rules, entries))
                    .collect();
                for part in parts {
                    checked.append(part?);
                }
            }
            Ok::<Checked, Diagnostics>(checked)
        });
        // A send fails only when the checker stopped, which its join tells.
        let read = store.each_entry_batch(1024, |batch| {
            let _ = fetched.send(batch);
        });
        drop(fetched);
        (checker.join().expect("checking stored marks does not panic"), read)
    });
    read.map_err(|e| Diagnostics::from(Diagnostic::new(&e.path, "", e.message)))?;
    let Checked {
        marks,
        blocks,
        mut problems,
    } = checked?;
    problems.0.truncate(crate::data::MAX_REPORTED);
    if !problems.is_empty() {
        return Err(problems);
    }
    // The store holds one current mark per cell, so there are no duplicates to report.
    MarkSet::from_blocks(marks, &blocks, entries.list.len())
        .map_err(|_| Diagnostics::from(Diagnostic::new(store.path(), "", msg!("load-cell-twice"))))
}

/// Stored marks checked against the contest: the marks, each entry's
/// (entry, start, length) among them, and the marks refused.
#[derive(Default)]
struct Checked {
    marks: Vec<Mark>,
    blocks: Vec<(u32, u32, u32)>,
    problems: Diagnostics,
}

impl Checked {
    /// `later`'s marks after these.
    fn append(&mut self, later: Checked) {
        let shift = self.marks.len() as u32;
        self.marks.extend(later.marks);
        self.blocks
            .extend(later.blocks.into_iter().map(|(entry, start, len)| (entry, start + shift, len)));
        if self.problems.0.len() < crate::data::MAX_REPORTED {
            self.problems.0.extend(later.problems.0);
        }
    }
}

/// Checks the stored marks of the `stored` entries of `batch` as the marks
/// reader checks a file's rows; an unreadable encoding is the store's error.
fn check_stored(
    path: &Path,
    batch: &StoredBatch,
    stored: std::ops::Range<usize>,
    which: Which,
    rules: &Rules,
    entries: &Entries,
) -> Result<Checked, Diagnostics> {
    let checker = RowChecker::new(rules, entries);
    let mut checked = Checked::default();
    // Element numbers as the checker reads them (as text), made once.
    let numbers: Vec<String> = (0..=u8::MAX).map(|n| n.to_string()).collect();
    for (entry, bytes) in stored.map(|i| batch.get(i)) {
        let start = checked.marks.len() as u32;
        let mut index = None;
        crate::store::stored_marks(path, entry, bytes, which, |cells| {
            // One entry's marks together: its id is looked up once.
            let mut cache = crate::data::marks::RowCache::default();
            for (criterion, element, judge, value) in cells {
                let element = if element == 0 { "" } else { numbers[element as usize].as_str() };
                match checker.check_with([entry, criterion, element, judge, value], &mut cache) {
                    Ok((entry, mark)) => {
                        index = Some(entry);
                        checked.marks.push(mark);
                    }
                    Err(refusal) if checked.problems.len() < crate::data::MAX_REPORTED => checked.problems.push(
                        Diagnostic::new(
                            path,
                            refusal.field,
                            msg!(
                                "load-stored-mark",
                                entry = entry,
                                criterion = criterion,
                                judge = judge,
                                why = refusal.message
                            ),
                        )
                        .help(msg!("load-stored-mark-help")),
                    ),
                    Err(_) => {}
                }
            }
        })
        .map_err(|e| Diagnostics::from(Diagnostic::new(&e.path, "", e.message)))?;
        if let Some(entry) = index {
            checked.blocks.push((entry, start, checked.marks.len() as u32 - start));
        }
    }
    Ok(checked)
}
