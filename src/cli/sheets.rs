//! `podium sheets`: each judge's paper marking sheet (评分表), as XLSX and
//! as a page to print, one file per judge named by their id
//! (`OUT/J1.xlsx`, `OUT/J1.html`); and `podium import` of a filled sheet
//! (XLSX, or the same table saved as CSV): every mark checked as any mark
//! is, each bad cell named by its address, all or nothing.

use super::import::Mode;
use crate::blind::EntryNames;
use crate::contest::{Lang, Rules};
use crate::data::{Entries, Panels, RowChecker};
use crate::enter::{enter, verify, Entered, Verified};
use crate::error::{Diagnostic, Diagnostics};
use crate::load::{load_contest, Sources};
use crate::sheets::read::{self, Filled};
use crate::sheets::{html, xlsx, Sheet};
use crate::store::Store;
use crate::{msg, say};
use std::path::{Path, PathBuf};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetFormat {
    Xlsx,
    Html,
}

/// What `podium sheets` was asked for.
pub struct Ask<'a> {
    pub judge: Option<&'a str>,
    /// Both when none is given.
    pub format: Option<SheetFormat>,
    /// The folder to write into; `sheets` in the contest's folder if none.
    pub output: Option<&'a Path>,
    pub lang: Lang,
}

pub fn run(contest: &Path, ask: Ask) -> Result<(), String> {
    let lang = ask.lang;
    let (rules, entries) = load_contest(contest).map_err(|p| p.to_string())?;
    let names = EntryNames::of(&rules, &Sources::of(&rules, None).store)?;
    // An entry added after `podium codes` has no code to be listed by.
    if let EntryNames::Codes(codes) = &names {
        if let Some(entry) = entries.list.iter().find(|e| codes.code_of(&e.id).is_none()) {
            return Err(say!(lang, "sheet-no-code", entry = entry.id));
        }
    }
    let panels = Panels::new(&rules, &entries);
    // A contest run in stages: a later stage's sheets list who reached it, as the marks stand.
    let reach = match rules.stages.is_empty() {
        true => None,
        false => Some(crate::stages::Reach::of(
            crate::load::load(contest, None).map_err(|p| p.to_string())?,
        )),
    };
    let judges: Vec<u16> = match ask.judge {
        Some(id) => {
            let j = rules.judge_index.get(id.trim()).copied().ok_or_else(|| {
                let known: Vec<&str> = rules.contest.judges.iter().map(|j| j.id.as_str()).collect();
                say!(lang, "sheet-no-such-judge", judge = id, known = known.join(", "))
            })?;
            vec![j]
        }
        None => (0..rules.contest.judges.len() as u16).collect(),
    };
    let folder: PathBuf = ask.output.map_or_else(|| rules.dir().join("sheets"), Path::to_path_buf);
    std::fs::create_dir_all(&folder).map_err(|e| say!(lang, "sheet-cannot-write", path = folder.display(), why = e))?;
    let formats = match ask.format {
        Some(format) => vec![format],
        None => vec![SheetFormat::Xlsx, SheetFormat::Html],
    };
    for j in judges {
        let sheet = Sheet::of(&rules, &entries, &panels, &names, j, reach.as_ref());
        let id = rules.judge_id(j);
        if sheet.lines.is_empty() {
            println!("{}", say!(lang, "sheet-nothing-to-mark", judge = id));
            continue;
        }
        for &format in &formats {
            let (path, bytes) = match format {
                SheetFormat::Xlsx => (
                    folder.join(format!("{id}.xlsx")),
                    xlsx::write(&rules, &sheet, lang).map_err(|e| say!(lang, "sheet-cannot-build", why = e))?,
                ),
                SheetFormat::Html => (folder.join(format!("{id}.html")), html::write(&rules, &sheet, lang).into_bytes()),
            };
            std::fs::write(&path, bytes).map_err(|e| say!(lang, "sheet-cannot-write", path = path.display(), why = e))?;
            println!(
                "{}",
                say!(
                    lang,
                    "sheet-written",
                    path = path.display(),
                    judge = id,
                    entries = sheet.lines.len()
                )
            );
        }
    }
    Ok(())
}

/// `podium import` of a filled sheet; None when the file is not a sheet
/// (an ordinary marks file, for `import` to read).
pub fn import(contest: &Path, file: &Path, who: (Option<&str>, Option<&str>), mode: Mode) -> Option<Result<(), String>> {
    match read::grids(file) {
        Ok(None) => None,
        Ok(Some(grids)) => Some(import_grids(contest, file, &grids, who, mode)),
        Err(problem) => Some(Err(problem.to_string())),
    }
}

fn import_grids(
    contest: &Path,
    file: &Path,
    grids: &[read::Grid],
    (by, role): (Option<&str>, Option<&str>),
    mode: Mode,
) -> Result<(), String> {
    let (rules, entries) = load_contest(contest).map_err(|p| p.to_string())?;
    let store_path = Sources::of(&rules, None).store;
    let names = EntryNames::of(&rules, &store_path)?;
    let refused = |why: String| msg!("sheet-nothing-imported", why = why).to_string();
    let clerk = super::import::entering(&rules, by, role).map_err(refused)?;
    let mode = match mode {
        Mode::Enter { reason } => Mode::Enter {
            reason: crate::enter::reason(reason).map_err(refused)?,
        },
        Mode::Verify => Mode::Verify,
    };
    let panels = Panels::new(&rules, &entries);
    let reading = read::Contest {
        file,
        rules: &rules,
        entries: &entries,
        panels: &panels,
        names: &names,
    };
    let mut problems = Diagnostics::default();
    let filled: Vec<Filled> = grids
        .iter()
        .flat_map(|grid| reading.marks(grid, grids.len() > 1, &mut problems))
        .collect();
    // A blank sheet imported by mistake (the printed one, not the typed one).
    if filled.is_empty() && problems.is_empty() {
        return Err(Diagnostic::new(file, "", msg!("sheet-blank")).to_string());
    }
    let checks = Checks {
        file,
        rules: &rules,
        entries: &entries,
        checker: RowChecker::with_panels(&rules, &entries, &panels),
        names: &names,
    };
    let mut store = Store::open(&store_path)?;
    let source = format!(
        "podium import {}",
        file.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned())
    );
    let outcome = store.transact(&clerk, &source, |batch| {
        let state = batch.state()?;
        let mut outcome = Outcome::default();
        let mut ready = Vec::new();
        for mark in &filled {
            match checks.mark(mark, &state) {
                Ok(cell) => ready.push((mark, cell)),
                Err(problem) => problems.push(problem),
            }
        }
        // Every cell is checked first; with one refused, nothing is stored.
        if !problems.is_empty() {
            return Err(Stop::Refused);
        }
        // Where each record this import stored came from: a workbook that
        // gives one mark twice (a sheet in it twice) is refused at both.
        let mut stored_from: rustc_hash::FxHashMap<i64, &str> = rustc_hash::FxHashMap::default();
        for (mark, cell) in ready {
            let value = &mark.fields[4];
            let at = |message| Diagnostic::new(file, mark.cell.clone(), message);
            match mode {
                Mode::Enter { reason } => match enter(batch, &cell, value, reason)? {
                    Entered::Unchanged(current) | Entered::Corrected { from: current, .. } | Entered::NeedsReason(current)
                        if stored_from.contains_key(&current.seq) =>
                    {
                        problems.push(
                            at(msg!(
                                "sheet-twice",
                                entry = mark.typed,
                                criterion = checks.heading(mark),
                                earlier = stored_from[&current.seq]
                            ))
                            .help(msg!("files-marks-twice-help")),
                        )
                    }
                    Entered::Stored(seq) | Entered::Corrected { seq, .. } => {
                        stored_from.insert(seq, &mark.cell);
                        outcome.stored += 1
                    }
                    Entered::Unchanged(_) => outcome.unchanged += 1,
                    Entered::NeedsReason(current) => problems.push(
                        at(msg!(
                            "sheet-conflict",
                            entry = mark.typed,
                            criterion = checks.heading(mark),
                            stored = current.value,
                            seq = current.seq,
                            value = value
                        ))
                        .help(msg!("sheet-conflict-help")),
                    ),
                },
                Mode::Verify => match verify(batch, &cell, value, &clerk)? {
                    Ok(Verified::Confirmed(_)) => outcome.stored += 1,
                    Ok(Verified::AlreadyConfirmed) => outcome.unchanged += 1,
                    Ok(Verified::Disagrees(why)) => outcome.disagreements.push(at(msg!(
                        "sheet-disagrees",
                        entry = mark.typed,
                        criterion = checks.heading(mark),
                        why = why
                    ))),
                    Err(why) => problems.push(at(why.into())),
                },
            }
        }
        // A conflict stores nothing either: the batch is rolled back.
        if !problems.is_empty() {
            return Err(Stop::Refused);
        }
        Ok(outcome)
    });
    let lang = crate::i18n::spoken();
    let outcome = match outcome {
        Ok(outcome) => outcome,
        Err(Stop::Store(e)) => return Err(e.to_string()),
        Err(Stop::Refused) => {
            let count = problems.len();
            let nothing = match mode {
                Mode::Enter { .. } => say!(lang, "sheet-nothing-stored", count = count),
                Mode::Verify => say!(lang, "sheet-nothing-confirmed", count = count),
            };
            return Err(format!("{problems}\n\n{nothing}"));
        }
    };
    let (stored, unchanged, file_shown) = (outcome.stored, outcome.unchanged, file.display());
    match mode {
        Mode::Enter { .. } => println!(
            "{}",
            say!(lang, "sheet-imported", stored = stored, unchanged = unchanged, file = file_shown)
        ),
        Mode::Verify => println!(
            "{}",
            say!(lang, "sheet-confirmed", stored = stored, unchanged = unchanged, file = file_shown)
        ),
    }
    if outcome.disagreements.is_empty() {
        return Ok(());
    }
    let count = outcome.disagreements.len();
    Err(format!(
        "{}\n\n{}",
        outcome.disagreements,
        say!(lang, "sheet-not-confirmed", count = count)
    ))
}

/// Why the transaction stopped: the store failed, or a cell was refused
/// (then nothing is stored: the batch is rolled back).
enum Stop {
    Store(crate::store::StoreError),
    Refused,
}

impl From<crate::store::StoreError> for Stop {
    fn from(error: crate::store::StoreError) -> Self {
        Stop::Store(error)
    }
}

/// What the cells came to.
#[derive(Default)]
struct Outcome {
    stored: usize,
    unchanged: usize,
    disagreements: Diagnostics,
}

/// What checking a sheet's marks needs, gathered once.
struct Checks<'a> {
    file: &'a Path,
    rules: &'a Rules,
    entries: &'a Entries,
    checker: RowChecker<'a>,
    names: &'a EntryNames,
}

impl Checks<'_> {
    /// The criterion's name, for messages.
    fn heading(&self, mark: &Filled) -> String {
        self.rules.criterion_label(mark.criterion, crate::i18n::spoken()).to_string()
    }

    /// The mark's cell in the store, or why it is refused: the same checks
    /// as any mark (the entry, range, step, panel, locks).
    fn mark(&self, mark: &Filled, state: &crate::store::State) -> Result<crate::store::Cell, Diagnostic> {
        let refuse = |why: String| {
            Diagnostic::new(
                self.file,
                mark.cell.clone(),
                msg!("sheet-cell-refused", entry = mark.typed, criterion = self.heading(mark), why = why),
            )
        };
        let id = self.names.resolve(self.entries, &mark.typed).map_err(refuse)?;
        let [_, criterion, element, judge, value] = &mark.fields;
        let (entry, _) = self.checker.check([&id, criterion, element, judge, value]).map_err(|refusal| {
            let mut problem = refuse(refusal.message.to_string());
            problem.help = refusal.help;
            problem
        })?;
        if let Some(why) = crate::lock::refusal(state, self.rules, self.entries, entry, mark.criterion) {
            return Err(refuse(why));
        }
        debug_assert_eq!(self.rules.judge_index.get(judge.as_str()), Some(&mark.judge));
        Ok(crate::store::Cell {
            entry: id,
            criterion: criterion.clone(),
            element: element.parse().unwrap_or(0),
            judge: judge.clone(),
        })
    }
}
