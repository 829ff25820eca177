//! `podium import`: a marks CSV (the long form) into the store, all or
//! nothing. Every bad row is reported with its line; re-importing the same
//! file stores nothing new.

use super::mark::{actor, same_value};
use crate::data::marks::column_letter;
use crate::data::marks::COLUMNS;
use crate::data::RowChecker;
use crate::error::{Diagnostic, Diagnostics};
use crate::load::{load_contest, Sources};
use crate::store::{Appended, Cell, Store};
use std::path::Path;

pub fn run(contest: &Path, file: &Path, by: Option<&str>, reason: Option<&str>) -> Result<(), String> {
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
    let mut store = Store::open(&Sources::of(&rules, None).store)?;
    let source = format!(
        "podium import {}",
        file.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned())
    );
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    let (stored, unchanged) = store.transact(&actor(by), &source, |batch| {
        let (mut problems, mut unchanged) = (Diagnostics::default(), 0usize);
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
            let fields = columns.map(|c| record.get(c).unwrap_or("").trim());
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
            let [entry, criterion, element, judge, value] = fields;
            let cell = Cell {
                entry: entry.into(),
                criterion: criterion.into(),
                element: element.parse().unwrap_or(0),
                judge: judge.into(),
            };
            match batch.append(&cell, value)? {
                Appended::Stored(_) => {}
                Appended::Exists(current) if same_value(&current.value, value) => unchanged += 1,
                Appended::Exists(current) => match reason {
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
            }
        }
        if problems.is_empty() {
            Ok((batch.stored(), unchanged))
        } else {
            let count = problems.len();
            Err(format!(
                "{problems}\n\nnothing imported: {count} bad row{}",
                if count == 1 { "" } else { "s" }
            ))
        }
    })?;
    println!("imported {stored} marks from {} ({unchanged} already stored)", file.display());
    Ok(())
}
