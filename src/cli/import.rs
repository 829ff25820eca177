//! `podium import`: a marks CSV (the long form) into the store, all or
//! nothing. Every bad row is reported with its line; re-importing the same
//! file stores nothing new.

use super::mark::{actor, same_value, verify, Verified};
use crate::blind::EntryNames;
use crate::data::marks::column_letter;
use crate::data::marks::COLUMNS;
use crate::data::RowChecker;
use crate::error::{Diagnostic, Diagnostics};
use crate::load::{load_contest, Sources};
use crate::store::{Appended, Cell, Store};
use std::path::Path;

/// What importing a file does.
#[derive(Clone, Copy)]
pub enum Mode<'a> {
    /// Enter its marks; with a reason, it may correct marks already stored.
    Enter { reason: Option<&'a str> },
    /// Double entry: it is the second clerk's typing of sheets already entered.
    Verify,
}

pub fn run(contest: &Path, file: &Path, by: Option<&str>, mode: Mode) -> Result<(), String> {
    let (rules, entries) = load_contest(contest).map_err(|p| p.to_string())?;
    let checker = RowChecker::new(&rules, &entries);
    let mut reader = csv::ReaderBuilder::new()
        .from_path(file)
        .map_err(|e| Diagnostic::new(file, "", format!("cannot read the file: {e}")).to_string())?;
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
    let store_path = Sources::of(&rules, None).store;
    let names = EntryNames::of(&rules, &store_path)?;
    let mut store = Store::open(&store_path)?;
    let source = format!(
        "podium import {}",
        file.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned())
    );
    let clerk = actor(by);
    let (stored, unchanged, disagreements) = store.transact(&clerk, &source, |batch| {
        let (mut problems, mut unchanged, mut disagreements) = (Diagnostics::default(), 0usize, Diagnostics::default());
        let state = batch.state()?;
        let mut record = csv::StringRecord::new();
        loop {
            match reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line() as usize);
                    problems.push(Diagnostic::new(file, "row", e.to_string()).at_line(line));
                    continue;
                }
            }
            let line = record.position().map_or(0, |p| p.line() as usize);
            let mut fields = columns.map(|c| record.get(c).unwrap_or("").trim());
            let typed = fields[0];
            let id = match names.resolve(&entries, typed) {
                Ok(id) => id,
                Err(why) => {
                    problems.push(Diagnostic::new(file, format!("entry (column {})", column_letter(columns[0])), why).at_line(line));
                    continue;
                }
            };
            fields[0] = &id;
            let (entry, checked) = match checker.check(fields) {
                Ok(checked) => checked,
                Err(refusal) => {
                    let column = COLUMNS
                        .iter()
                        .position(|c| *c == refusal.field)
                        .map(|c| format!(" (column {})", column_letter(columns[c])));
                    let mut problem =
                        Diagnostic::new(file, format!("{}{}", refusal.field, column.unwrap_or_default()), refusal.message).at_line(line);
                    problem.help = refusal.help;
                    problems.push(problem);
                    continue;
                }
            };
            let criterion = rules.slots[checked.slot as usize].criterion as usize;
            if let Some(why) = crate::lock::refusal(&state, &rules, &entries, entry, criterion) {
                problems.push(Diagnostic::new(file, "criterion", why).at_line(line));
                continue;
            }
            // After a problem nothing will be stored, but every row is still checked.
            if !problems.is_empty() {
                continue;
            }
            let [_, criterion, element, judge, value] = fields;
            // Messages show the entry as typed (its code, when judging is blind).
            let entry = typed;
            let cell = Cell {
                entry: id.clone(),
                criterion: criterion.into(),
                element: element.parse().unwrap_or(0),
                judge: judge.into(),
            };
            match mode {
                Mode::Verify => match verify(batch, &cell, value, &clerk)? {
                    Ok(Verified::Confirmed(_)) => {}
                    Ok(Verified::AlreadyConfirmed) => unchanged += 1,
                    Ok(Verified::Disagrees(why)) => {
                        disagreements.push(Diagnostic::new(file, "value", format!("{entry} {criterion} {judge}: {why}")).at_line(line))
                    }
                    Err(why) => problems.push(Diagnostic::new(file, "", why).at_line(line)),
                },
                Mode::Enter { reason } => match batch.append(&cell, value)? {
                    Appended::Stored(_) => {}
                    Appended::Exists(current) if same_value(&current.value, value) => unchanged += 1,
                    Appended::Exists(current) => match reason.map(str::trim).filter(|r| !r.is_empty()) {
                        Some(reason) => {
                            batch.correct(&cell, value, current.seq, reason)?;
                        }
                        None => problems.push(
                            Diagnostic::new(
                                file,
                                "value",
                                format!(
                                    "{entry} {criterion} {judge} is already {} (#{}), not {value}",
                                    current.value, current.seq
                                ),
                            )
                            .at_line(line)
                            .help("to correct marks by import, say why with --reason; or correct one with `podium mark --reason`"),
                        ),
                    },
                },
            }
        }
        if problems.is_empty() {
            Ok((batch.stored(), unchanged, disagreements))
        } else {
            let count = problems.len();
            let nothing = match mode {
                Mode::Enter { .. } => "nothing imported",
                Mode::Verify => "nothing confirmed",
            };
            Err(format!(
                "{problems}\n\n{nothing}: {count} bad row{}",
                if count == 1 { "" } else { "s" }
            ))
        }
    })?;
    match mode {
        Mode::Enter { .. } => println!("imported {stored} marks from {} ({unchanged} already stored)", file.display()),
        Mode::Verify => println!("confirmed {stored} marks from {} ({unchanged} already confirmed)", file.display()),
    }
    if disagreements.is_empty() {
        return Ok(());
    }
    // The agreeing marks are confirmed; these wait for the chief judge.
    let count = disagreements.len();
    Err(format!(
        "{disagreements}\n\n{count} mark{} not confirmed: check the paper sheets, correct with `podium mark --reason`, then verify again",
        if count == 1 { "" } else { "s" }
    ))
}
