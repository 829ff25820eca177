//! `podium import`: a marks CSV (the long form) into the store, all or
//! nothing. Every bad row is reported with its line; re-importing the same
//! file stores nothing new.

use super::mark::actor;
use crate::blind::EntryNames;
use crate::contest::Rules;
use crate::data::marks::{column_letter, COLUMNS};
use crate::data::{Entries, RowChecker};
use crate::enter::{enter, verify, Entered, Verified};
use crate::error::{Diagnostic, Diagnostics};
use crate::load::{load_contest, Sources};
use crate::store::{Batch, Cell, Forecast, Forecasted, State, Store, StoreError};
use crate::text::from_spreadsheet_str;
use std::path::Path;

/// What importing a file does.
#[derive(Clone, Copy)]
pub enum Mode<'a> {
    /// Enter its marks; with a reason, it may correct marks already stored.
    Enter { reason: Option<&'a str> },
    /// Double entry: it is the second clerk's typing of sheets already entered.
    Verify,
}

/// A checked row, ready to store.
struct Row {
    line: usize,
    /// The entry as typed (its code, when judging is blind), for messages.
    typed: String,
    cell: Cell,
    value: String,
    /// Its record's hash if it is stored as the cell's first mark, like every row before it.
    forecast: Option<Forecasted>,
}

/// What the rows came to.
#[derive(Default)]
struct Outcome {
    problems: Diagnostics,
    unchanged: usize,
    disagreements: Diagnostics,
}

/// What checking a row needs, gathered once.
struct Checks<'a> {
    file: &'a Path,
    rules: &'a Rules,
    entries: &'a Entries,
    checker: RowChecker<'a>,
    names: &'a EntryNames,
    columns: [usize; 5],
}

impl Checks<'_> {
    /// The row as a mark to store, or why it is refused.
    fn row(&self, record: &csv::StringRecord, line: usize, state: &State) -> Result<Row, Diagnostic> {
        let at = |field: String, why: String| Diagnostic::new(self.file, field, why).at_line(line);
        let column = |c: usize| format!(" (column {})", column_letter(self.columns[c]));
        let mut fields = self.columns.map(|c| record.get(c).unwrap_or("").trim());
        // Ids as they were before `podium export` kept them from reading as formulas.
        for c in [0, 1, 3] {
            fields[c] = from_spreadsheet_str(fields[c]);
        }
        let typed = fields[0];
        let id = self
            .names
            .resolve(self.entries, typed)
            .map_err(|why| at(format!("entry{}", column(0)), why))?;
        fields[0] = &id;
        let (entry, checked) = self.checker.check(fields).map_err(|refusal| {
            let field = match COLUMNS.iter().position(|c| *c == refusal.field) {
                Some(c) => format!("{}{}", refusal.field, column(c)),
                None => refusal.field.clone(),
            };
            let mut problem = at(field, refusal.message);
            problem.help = refusal.help.map(Into::into);
            problem
        })?;
        let criterion = self.rules.slots[checked.slot as usize].criterion as usize;
        if let Some(why) = crate::lock::refusal(state, self.rules, self.entries, entry, criterion) {
            return Err(at("criterion".into(), why));
        }
        let [_, criterion, element, judge, value] = fields;
        let cell = Cell {
            entry: id.clone(),
            criterion: criterion.into(),
            element: element.parse().unwrap_or(0),
            judge: judge.into(),
        };
        Ok(Row {
            line,
            typed: typed.into(),
            cell,
            value: value.into(),
            forecast: None,
        })
    }
}

pub fn run(contest: &Path, file: &Path, by: Option<&str>, mode: Mode) -> Result<(), String> {
    if let Some(done) = super::sheets::import(contest, file, by, mode) {
        return done;
    }
    let (rules, entries) = load_contest(contest).map_err(|p| p.to_string())?;
    let store_path = Sources::of(&rules, None).store;
    let names = EntryNames::of(&rules, &store_path)?;
    let refused = |why: String| format!("nothing imported: {why}");
    let clerk = actor(by).map_err(refused)?;
    let mode = match mode {
        Mode::Enter { reason } => Mode::Enter {
            reason: crate::enter::reason(reason).map_err(refused)?,
        },
        Mode::Verify => Mode::Verify,
    };
    let mut store = Store::open(&store_path)?;
    let mut reader = csv::ReaderBuilder::new()
        .from_path(file)
        .map_err(|e| Diagnostic::new(file, "", format!("cannot read the file: {e}")).to_string())?;
    let columns = header_columns(file, &mut reader)?;
    let checks = Checks {
        file,
        rules: &rules,
        entries: &entries,
        checker: RowChecker::new(&rules, &entries),
        names: &names,
        columns,
    };
    let (stored, outcome) = import(&mut store, &mut reader, &checks, &clerk, mode)?;
    let unchanged = outcome.unchanged;
    match mode {
        Mode::Enter { .. } => println!("imported {stored} marks from {} ({unchanged} already stored)", file.display()),
        Mode::Verify => println!("confirmed {stored} marks from {} ({unchanged} already confirmed)", file.display()),
    }
    if outcome.disagreements.is_empty() {
        return Ok(());
    }
    // The agreeing marks are confirmed; these wait for the chief judge.
    let count = outcome.disagreements.len();
    Err(format!(
        "{}\n\n{count} mark{} not confirmed: check the paper sheets, correct with `podium mark --reason`, then verify again",
        outcome.disagreements,
        if count == 1 { "" } else { "s" }
    ))
}

/// Imports the file in one transaction: all of it, or nothing.
fn import(
    store: &mut Store,
    reader: &mut csv::Reader<std::fs::File>,
    checks: &Checks,
    clerk: &str,
    mode: Mode,
) -> Result<(usize, Outcome), String> {
    let file = checks.file;
    let source = format!(
        "podium import {}",
        file.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned())
    );
    store.transact(clerk, &source, |batch| {
        let state = batch.state()?;
        let mut outcome = Outcome::default();
        // Two threads: one reads and checks the rows, and hashes their
        // records ahead, while this one stores them, in the file's order,
        // and hands them back to be dropped where they were made (freeing
        // across threads is slow in glibc).
        let forecast = matches!(mode, Mode::Enter { .. }).then(|| batch.forecast());
        std::thread::scope(|scope| -> Result<(), StoreError> {
            let (send, checked) = std::sync::mpsc::sync_channel(4);
            let (give_back, used) = std::sync::mpsc::channel();
            scope.spawn(|| read_rows(reader, checks, &state, forecast, send, used));
            for rows in checked {
                for row in &rows {
                    match row {
                        Err(problem) => outcome.problems.push(problem.clone()),
                        // After a problem nothing will be stored, but every row is still checked.
                        Ok(_) if !outcome.problems.is_empty() => {}
                        Ok(row) => match mode {
                            Mode::Verify => verify_row(batch, row, clerk, file, &mut outcome)?,
                            Mode::Enter { reason } => enter_row(batch, row, reason, file, &mut outcome)?,
                        },
                    }
                }
                let _ = give_back.send(rows);
            }
            Ok(())
        })?;
        if !outcome.problems.is_empty() {
            let count = outcome.problems.len();
            let nothing = match mode {
                Mode::Enter { .. } => "nothing imported",
                Mode::Verify => "nothing confirmed",
            };
            return Err(format!(
                "{}\n\n{nothing}: {count} bad row{}",
                outcome.problems,
                if count == 1 { "" } else { "s" }
            ));
        }
        Ok((batch.stored(), outcome))
    })
}

/// Rows handed from the reading thread to the storing one at a time.
const ROWS_HANDED: usize = 1024;

/// Reads and checks every row, handing them on in order with their
/// records' hashes forecast, and drops the rows handed back; stops early
/// if the storing thread has stopped.
fn read_rows(
    reader: &mut csv::Reader<std::fs::File>,
    checks: &Checks,
    state: &State,
    mut forecast: Option<Forecast>,
    send: std::sync::mpsc::SyncSender<Vec<Result<Row, Diagnostic>>>,
    used: std::sync::mpsc::Receiver<Vec<Result<Row, Diagnostic>>>,
) {
    let mut record = csv::StringRecord::new();
    let mut rows = Vec::with_capacity(ROWS_HANDED);
    loop {
        let row = match reader.read_record(&mut record) {
            Ok(true) => {
                let line = record.position().map_or(0, |p| p.line() as usize);
                checks.row(&record, line, state).map(|mut row| {
                    row.forecast = forecast.as_mut().map(|f| f.first_mark(&row.cell, &row.value));
                    row
                })
            }
            Ok(false) => break,
            Err(e) => Err(crate::data::csv_error(checks.file, &e)),
        };
        rows.push(row);
        if rows.len() == ROWS_HANDED {
            let mut empty = used.try_recv().unwrap_or_else(|_| Vec::with_capacity(ROWS_HANDED));
            empty.clear();
            if send.send(std::mem::replace(&mut rows, empty)).is_err() {
                return;
            }
        }
    }
    let _ = send.send(rows);
}

/// Where each of `COLUMNS` is in the file.
fn header_columns(file: &Path, reader: &mut csv::Reader<std::fs::File>) -> Result<[usize; 5], String> {
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| Diagnostic::new(file, "row", e.to_string()).at_line(1).to_string())?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_string())
        .collect();
    let mut columns = [0usize; 5];
    for (c, name) in COLUMNS.iter().enumerate() {
        columns[c] = header.iter().position(|h| h == name).ok_or_else(|| {
            Diagnostic::new(file, *name, format!("the header has no `{name}` column"))
                .at_line(1)
                .help(format!("the first row names the columns: {}", COLUMNS.join(",")))
                .to_string()
        })?;
    }
    Ok(columns)
}

/// Stores a row: a new cell's mark; for a cell already marked, nothing
/// (same value), a correction (with a reason) or a conflict.
fn enter_row(batch: &mut Batch, row: &Row, reason: Option<&str>, file: &Path, outcome: &mut Outcome) -> Result<(), StoreError> {
    if let Some(forecasted) = row.forecast {
        batch.expect(forecasted);
    }
    match enter(batch, &row.cell, &row.value, reason)? {
        Entered::Stored(_) | Entered::Corrected { .. } => {}
        Entered::Unchanged(_) => outcome.unchanged += 1,
        Entered::NeedsReason(current) => {
            let (cell, value) = (&row.cell, &row.value);
            outcome.problems.push(
                Diagnostic::new(
                    file,
                    "value",
                    format!(
                        "{} {} {} is already {} (#{}), not {value}",
                        row.typed, cell.criterion, cell.judge, current.value, current.seq
                    ),
                )
                .at_line(row.line)
                .help("to correct marks by import, say why with --reason; or correct one with `podium mark --reason`"),
            );
        }
    }
    Ok(())
}

/// Double entry: checks a second clerk's row against the first entry.
fn verify_row(batch: &mut Batch, row: &Row, clerk: &str, file: &Path, outcome: &mut Outcome) -> Result<(), StoreError> {
    match verify(batch, &row.cell, &row.value, clerk)? {
        Ok(Verified::Confirmed(_)) => {}
        Ok(Verified::AlreadyConfirmed) => outcome.unchanged += 1,
        Ok(Verified::Disagrees(why)) => {
            let cell = &row.cell;
            outcome
                .disagreements
                .push(Diagnostic::new(file, "value", format!("{} {} {}: {why}", row.typed, cell.criterion, cell.judge)).at_line(row.line));
        }
        Err(why) => outcome.problems.push(Diagnostic::new(file, "", why).at_line(row.line)),
    }
    Ok(())
}
