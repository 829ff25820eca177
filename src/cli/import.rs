//! `podium import`: a marks file (the long form, CSV or a workbook) into
//! the store, all or nothing. Every bad row is reported with its row as
//! Excel numbers it, and every conflict with stored marks; re-importing
//! the same file stores nothing new.

use crate::blind::EntryNames;
use crate::contest::Rules;
use crate::data::cells::{ascii_number, column_label, odd_character, row_field};
use crate::data::marks::COLUMNS;
use crate::data::{csv_error_at, headers, is_blank_row, read_csv_text, Entries, Pieces, RowChecker, RowNumbers};
use crate::enter::{enter, verify, Entered, Verified};
use crate::error::{Diagnostic, Diagnostics};
use crate::i18n::{spoken, Text};
use crate::load::{load_contest, Sources};
use crate::store::{Batch, Cell, Forecast, Forecasted, State, Store, StoreError};
use crate::text::from_spreadsheet_str;
use crate::{msg, say};
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
    /// The row of each record this import stored, by its number from the
    /// first (they follow each other), to name both rows when the file
    /// gives one cell twice.
    rows: Stored,
}

/// Rows of the records an import stored.
#[derive(Default)]
struct Stored {
    first: Option<i64>,
    lines: Vec<u32>,
}

impl Stored {
    fn add(&mut self, seq: i64, line: usize) {
        let first = *self.first.get_or_insert(seq);
        if seq - first == self.lines.len() as i64 {
            self.lines.push(line as u32);
        }
    }

    /// The row of record `seq`, if this import stored it.
    fn row(&self, seq: i64) -> Option<usize> {
        let index = usize::try_from(seq - self.first?).ok()?;
        self.lines.get(index).map(|&line| line as usize)
    }
}

/// What checking a row needs, gathered once.
struct Checks<'a> {
    file: &'a Path,
    rules: &'a Rules,
    entries: &'a Entries,
    checker: RowChecker<'a>,
    names: &'a EntryNames,
    columns: [usize; 5],
    /// The header as the file writes it, for messages.
    written: Vec<String>,
}

impl Checks<'_> {
    /// The row as a mark to store, or why it is refused.
    fn row(&self, record: &csv::StringRecord, line: usize, state: &State) -> Result<Row, Diagnostic> {
        let at = |field: String, why: Text| Diagnostic::new(self.file, field, why).at_line(line);
        let column = |c: usize| column_label(self.columns[c], self.written.get(self.columns[c]).map(String::as_str));
        let mut fields = self.columns.map(|c| headers::trimmed(record.get(c).unwrap_or("")));
        // A value in full-width digits is the number it shows (ids never change).
        let value = ascii_number(fields[4]);
        fields[4] = &value;
        // Ids as they were before `podium export` kept them from reading as formulas.
        for c in [0, 1, 3] {
            fields[c] = from_spreadsheet_str(fields[c]);
        }
        let typed = fields[0];
        let id = self.names.resolve(self.entries, typed).map_err(|why| {
            let problem = at(column(0), why.into());
            match odd_character(typed) {
                Some(odd) => problem.help(odd),
                None => problem,
            }
        })?;
        fields[0] = &id;
        let (entry, checked) = self.checker.check(fields).map_err(|refusal| {
            let field = match COLUMNS.iter().position(|c| *c == refusal.field) {
                Some(c) => column(c),
                None => refusal.field.clone(),
            };
            let mut problem = at(field, refusal.message);
            problem.help = refusal.help;
            problem
        })?;
        let criterion = self.rules.slots[checked.slot as usize].criterion as usize;
        if let Some(why) = crate::lock::refusal(state, self.rules, self.entries, entry, criterion) {
            return Err(at(column(1), why.into()));
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

pub fn run(contest: &Path, file: &Path, (by, role): (Option<&str>, Option<&str>), mode: Mode) -> Result<(), String> {
    if let Some(done) = super::sheets::import(contest, file, (by, role), mode) {
        return done;
    }
    let (rules, entries) = load_contest(contest).map_err(|p| p.to_string())?;
    let store_path = Sources::of(&rules, None).store;
    let names = EntryNames::of(&rules, &store_path)?;
    let refused = |why: String| say!(spoken(), "files-import-refused", why = why);
    let clerk = entering(&rules, by, role).map_err(refused)?;
    let mode = match mode {
        Mode::Enter { reason } => Mode::Enter {
            reason: crate::enter::reason(reason).map_err(refused)?,
        },
        Mode::Verify => Mode::Verify,
    };
    let mut store = Store::open(&store_path)?;
    // UTF-8 or GBK, CSV or a workbook, as every reader reads files; a large
    // UTF-8 file a piece at a time.
    let mut pieces = Pieces::open(file).map_err(|e| e.to_string())?;
    let first = pieces.next().transpose().map_err(|e| e.to_string())?;
    let text = first.map(|piece| piece.text).unwrap_or_default();
    let mut rows = RowNumbers::new(&text);
    let mut reader = csv_reader(&text, true);
    let (columns, written) = header_columns(file, &mut reader, &mut rows)?;
    let checks = Checks {
        file,
        rules: &rules,
        entries: &entries,
        checker: RowChecker::new(&rules, &entries),
        names: &names,
        columns,
        written,
    };
    let (stored, outcome) = import(&mut store, ((&mut reader, rows), &mut pieces), &checks, &clerk, mode)?;
    let (unchanged, shown) = (outcome.unchanged, file.display());
    match mode {
        Mode::Enter { .. } => println!(
            "{}",
            say!(spoken(), "files-imported", stored = stored, file = shown, unchanged = unchanged)
        ),
        Mode::Verify => println!(
            "{}",
            say!(spoken(), "files-confirmed", stored = stored, file = shown, unchanged = unchanged)
        ),
    }
    if outcome.disagreements.is_empty() {
        return Ok(());
    }
    // The agreeing marks are confirmed; these wait for the chief judge.
    let count = outcome.disagreements.len();
    Err(format!(
        "{}\n\n{}",
        outcome.disagreements,
        match count {
            1 => say!(spoken(), "files-not-confirmed-one"),
            _ => say!(spoken(), "files-not-confirmed", count = count),
        }
    ))
}

/// The CSV reader of the file's first piece, and its row numbers; then
/// the file's other pieces.
type Rows<'t> = ((&'t mut csv::Reader<&'t [u8]>, RowNumbers<'t>), &'t mut Pieces);

/// A reader of CSV text as every podium reader reads it (rows of any width
/// read, to be reported by their row).
fn csv_reader(text: &str, header: bool) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(header)
        .from_reader(text.as_bytes())
}

/// Imports the file in one transaction: all of it, or nothing.
fn import(store: &mut Store, reader: Rows, checks: &Checks, clerk: &str, mode: Mode) -> Result<(usize, Outcome), String> {
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
                        // After a problem nothing will be stored (the
                        // transaction is given up), but every row is still
                        // entered in it, so that every conflict with a
                        // stored mark is found and listed.
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
                Mode::Enter { .. } if count == 1 => say!(spoken(), "files-nothing-imported-one"),
                Mode::Enter { .. } => say!(spoken(), "files-nothing-imported", count = count),
                Mode::Verify if count == 1 => say!(spoken(), "files-nothing-confirmed-one"),
                Mode::Verify => say!(spoken(), "files-nothing-confirmed", count = count),
            };
            return Err(format!("{}\n\n{nothing}", outcome.problems));
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
    ((reader, mut lines), pieces): Rows,
    checks: &Checks,
    state: &State,
    forecast: Option<Forecast>,
    send: std::sync::mpsc::SyncSender<Vec<Result<Row, Diagnostic>>>,
    used: std::sync::mpsc::Receiver<Vec<Result<Row, Diagnostic>>>,
) {
    let mut hand = Handing {
        rows: Vec::with_capacity(ROWS_HANDED),
        forecast,
        send,
        used,
    };
    let mut record = csv::StringRecord::new();
    let mut read_all = |reader: &mut csv::Reader<&[u8]>, lines: &mut RowNumbers, hand: &mut Handing| {
        while let Some(row) = next_row(reader, lines, checks, state, &mut record) {
            if !hand.on(row) {
                return false;
            }
        }
        true
    };
    if !read_all(reader, &mut lines, &mut hand) {
        return;
    }
    for piece in pieces {
        let piece = match piece {
            Ok(piece) => piece,
            Err(problem) => {
                hand.on(Err(problem));
                break;
            }
        };
        let mut reader = csv_reader(&piece.text, false);
        if !read_all(&mut reader, &mut RowNumbers::after(&piece.text, piece.rows_before), &mut hand) {
            return;
        }
    }
    let _ = hand.send.send(hand.rows);
}

/// Rows on their way to the storing thread, a batch at a time.
struct Handing {
    rows: Vec<Result<Row, Diagnostic>>,
    forecast: Option<Forecast>,
    send: std::sync::mpsc::SyncSender<Vec<Result<Row, Diagnostic>>>,
    used: std::sync::mpsc::Receiver<Vec<Result<Row, Diagnostic>>>,
}

impl Handing {
    /// Hands the row on, its record's hash forecast; false if the storing
    /// thread has stopped.
    fn on(&mut self, row: Result<Row, Diagnostic>) -> bool {
        let row = row.map(|mut row| {
            row.forecast = self.forecast.as_mut().map(|f| f.first_mark(&row.cell, &row.value));
            row
        });
        self.rows.push(row);
        if self.rows.len() < ROWS_HANDED {
            return true;
        }
        let mut empty = self.used.try_recv().unwrap_or_else(|_| Vec::with_capacity(ROWS_HANDED));
        empty.clear();
        self.send.send(std::mem::replace(&mut self.rows, empty)).is_ok()
    }
}

/// The file's next row, checked, or None at its end.
fn next_row(
    reader: &mut csv::Reader<&[u8]>,
    lines: &mut RowNumbers,
    checks: &Checks,
    state: &State,
    record: &mut csv::StringRecord,
) -> Option<Result<Row, Diagnostic>> {
    loop {
        return Some(match reader.read_record(record) {
            Ok(true) if is_blank_row(record) => continue,
            Ok(true) if record.len() != checks.written.len() => {
                let line = lines.of(record.position());
                let found = msg!("files-field-count", found = record.len(), wanted = checks.written.len());
                let help = crate::data::cells::separator_help(lines.line_text(line));
                Err(Diagnostic::new(checks.file, row_field(), found).at_line(line).help(help))
            }
            Ok(true) => checks.row(record, lines.of(record.position()), state),
            Ok(false) => return None,
            Err(e) => Err(csv_error_at(checks.file, &e, lines)),
        });
    }
}

/// A marks file read and checked as `import` reads it, but not stored and
/// whatever is locked (a re-check reads a locked contest's sheets again):
/// each row's line, cell and value, or every problem, placed.
pub fn checked_rows(rules: &Rules, entries: &Entries, names: &EntryNames, file: &Path) -> Result<Vec<(usize, Cell, String)>, String> {
    let text = read_csv_text(file).map_err(|e| e.to_string())?;
    let mut lines = RowNumbers::new(&text);
    let mut reader = csv_reader(&text, true);
    let (columns, written) = header_columns(file, &mut reader, &mut lines)?;
    let checks = Checks {
        file,
        rules,
        entries,
        checker: RowChecker::new(rules, entries),
        names,
        columns,
        written,
    };
    let (mut rows, mut problems) = (Vec::new(), Diagnostics::default());
    let mut record = csv::StringRecord::new();
    let open = State::default();
    while let Some(row) = next_row(&mut reader, &mut lines, &checks, &open, &mut record) {
        match row {
            Ok(row) => rows.push((row.line, row.cell, row.value)),
            Err(problem) => problems.push(problem),
        }
    }
    match problems.is_empty() {
        true => Ok(rows),
        false => Err(problems.to_string()),
    }
}

/// Where each of `COLUMNS` is in the file (English or Chinese headers),
/// and the header as written.
fn header_columns(file: &Path, reader: &mut csv::Reader<&[u8]>, rows: &mut RowNumbers) -> Result<([usize; 5], Vec<String>), String> {
    let written: Vec<String> = reader
        .headers()
        .map_err(|e| csv_error_at(file, &e, rows).to_string())?
        .iter()
        .map(|h| headers::trimmed(h).to_string())
        .collect();
    let header = headers::read_header(written.iter().map(String::as_str), &COLUMNS);
    let mut columns = [0usize; 5];
    for (c, name) in COLUMNS.iter().enumerate() {
        columns[c] = header.iter().position(|h| h == name).ok_or_else(|| {
            Diagnostic::new(file, *name, msg!("files-no-column", column = name))
                .at_line(1)
                .help(match crate::data::cells::separator_help(&written.join(",")) {
                    Text::Said {
                        id: "files-check-commas", ..
                    } => msg!("files-marks-header"),
                    named => named,
                })
                .to_string()
        })?;
    }
    Ok((columns, written))
}

/// Stores a row: a new cell's mark; for a cell already marked, nothing
/// (same value), a correction (with a reason) or a conflict.
fn enter_row(batch: &mut Batch, row: &Row, reason: Option<&str>, file: &Path, outcome: &mut Outcome) -> Result<(), StoreError> {
    if let Some(forecasted) = row.forecast {
        batch.expect(forecasted);
    }
    let entered = enter(batch, &row.cell, &row.value, reason)?;
    let (cell, value) = (&row.cell, &row.value);
    // A conflict with a stored mark, at the row's value.
    let conflict = |message| {
        Diagnostic::new(file, "value", message)
            .at_line(row.line)
            .help(msg!("files-import-conflict-help"))
    };
    // The file gives the cell twice: refused whatever the values (as
    // `score` and `check` refuse it), both rows named.
    if let Entered::Unchanged(current) | Entered::Corrected { from: current, .. } | Entered::NeedsReason(current) = &entered {
        if let Some(earlier) = outcome.rows.row(current.seq) {
            outcome.problems.push(match entered {
                Entered::Unchanged(_) => given_twice(file, row, earlier),
                _ => conflict(msg!(
                    "files-import-twice",
                    entry = row.typed,
                    criterion = cell.criterion,
                    judge = cell.judge,
                    stored = current.value,
                    earlier = earlier,
                    value = value
                )),
            });
            return Ok(());
        }
    }
    match entered {
        Entered::Stored(seq) | Entered::Corrected { seq, .. } => outcome.rows.add(seq, row.line),
        Entered::Unchanged(_) => outcome.unchanged += 1,
        Entered::NeedsReason(current) => outcome.problems.push(conflict(msg!(
            "files-import-conflict",
            entry = row.typed,
            criterion = cell.criterion,
            judge = cell.judge,
            stored = current.value,
            seq = current.seq,
            value = value
        ))),
    }
    Ok(())
}

/// A cell the file gives twice with one value, in the words `score` uses
/// for it: both rows named.
fn given_twice(file: &Path, row: &Row, earlier: usize) -> Diagnostic {
    let rows = format!("{earlier}{}{}", say!(spoken(), "list-separator"), row.line);
    let cell = &row.cell;
    let message = match cell.element {
        0 => msg!(
            "files-marks-twice",
            entry = row.typed,
            criterion = cell.criterion,
            judge = cell.judge,
            rows = rows
        ),
        element => msg!(
            "files-marks-twice-element",
            entry = row.typed,
            criterion = cell.criterion,
            element = element,
            judge = cell.judge,
            rows = rows
        ),
    };
    Diagnostic::new(file, "entry,criterion,element,judge", message)
        .at_line(row.line)
        .help(msg!("files-marks-twice-help"))
}

/// Double entry: checks a second clerk's row against the first entry.
fn verify_row(batch: &mut Batch, row: &Row, clerk: &str, file: &Path, outcome: &mut Outcome) -> Result<(), StoreError> {
    match verify(batch, &row.cell, &row.value, clerk)? {
        Ok(Verified::Confirmed(_)) => {}
        Ok(Verified::AlreadyConfirmed) => outcome.unchanged += 1,
        Ok(Verified::Disagrees(why)) => {
            let cell = &row.cell;
            let message = msg!(
                "files-verify-disagrees",
                entry = row.typed,
                criterion = cell.criterion,
                judge = cell.judge,
                why = why
            );
            outcome
                .disagreements
                .push(Diagnostic::new(file, "value", message).at_line(row.line));
        }
        Err(why) => outcome.problems.push(Diagnostic::new(file, "", why).at_line(row.line)),
    }
    Ok(())
}

/// Who is entering marks: the role (`--as`) in a contest with a workflow,
/// else whoever runs the command; as the store records them.
pub fn entering(rules: &crate::contest::Rules, by: Option<&str>, role: Option<&str>) -> Result<String, String> {
    crate::event::acting(rules, role, by, crate::contest::workflow::Action::Mark)
        .map(|actor| actor.recorded())
        .map_err(|why| why.to_string())
}
