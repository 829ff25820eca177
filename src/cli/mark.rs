//! `podium mark`: one mark, checked against the contest (range, step,
//! panel, assignment, conflict of interest), stored durably, or refused
//! with the reason and nothing stored.

use crate::contest::parse_decimal;
use crate::data::RowChecker;
use crate::load::{load_contest, Sources};
use crate::store::{Appended, Cell, Store};
use std::path::Path;

pub struct MarkArgs<'a> {
    pub judge: Option<&'a str>,
    pub entry: &'a str,
    pub criterion: &'a str,
    pub element: Option<u8>,
    pub value: &'a str,
    pub reason: Option<&'a str>,
    pub by: Option<&'a str>,
}

/// Who is entering marks: `--by`, else the login name.
pub fn actor(by: Option<&str>) -> String {
    by.map(String::from)
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("LOGNAME").ok())
        .or_else(|| std::env::var("USERNAME").ok())
        .unwrap_or_else(|| "unknown".into())
}

/// Whether two entered values are the same mark (8.5 and 8.50 are).
pub fn same_value(a: &str, b: &str) -> bool {
    match (parse_decimal(a), parse_decimal(b)) {
        (Some(a), Some(b)) => a == b,
        _ => a.trim() == b.trim(),
    }
}

pub fn run(contest: &Path, args: MarkArgs) -> Result<(), String> {
    let (rules, entries) = load_contest(contest).map_err(|p| p.to_string())?;
    let element = args.element.map(|e| e.to_string()).unwrap_or_default();
    let judge = args.judge.unwrap_or("");
    let value = args.value.trim();
    let (entry_index, checked) = RowChecker::new(&rules, &entries)
        .check([args.entry, args.criterion, &element, judge, value])
        .map_err(|refusal| {
            let help = refusal.help.map(|h| format!("\n  help: {h}")).unwrap_or_default();
            format!("mark refused, nothing stored: --{} {}{help}", refusal.field, refusal.message)
        })?;
    let cell = Cell {
        entry: args.entry.into(),
        criterion: args.criterion.into(),
        element: args.element.unwrap_or(0),
        judge: judge.into(),
    };
    let described = format!(
        "{} {}{} {}",
        cell.entry,
        cell.criterion,
        args.element.map(|e| format!(" element {e}")).unwrap_or_default(),
        judge
    );
    let reason = args.reason.map(str::trim).filter(|r| !r.is_empty());
    let mut store = Store::open(&Sources::of(&rules, None).store)?;
    // The decision and the write are one transaction: no other writer can slip in between.
    let criterion = rules.slots[checked.slot as usize].criterion as usize;
    let said = store.transact(&actor(args.by), "podium mark", |batch| {
        if let Some(why) = crate::lock::refusal(&batch.state()?, &rules, &entries, entry_index, criterion) {
            return Err(format!("mark refused, nothing stored: {described}: {why}"));
        }
        match batch.append(&cell, value)? {
            Appended::Stored(seq) => Ok(format!("stored #{seq}: {described} = {value}")),
            Appended::Exists(current) if same_value(&current.value, value) => Ok(format!(
                "{described} is already {} (#{}); nothing stored",
                current.value, current.seq
            )),
            Appended::Exists(current) => match reason {
                None => Err(format!(
                    "mark refused, nothing stored: {described} is already {} (#{}); to correct it, say why with --reason",
                    current.value, current.seq
                )),
                Some(reason) => {
                    let seq = batch.correct(&cell, value, current.seq, reason)?;
                    Ok(format!(
                        "stored #{seq}: {described} {} → {value} (corrects #{}: {reason})",
                        current.value, current.seq
                    ))
                }
            },
        }
    })?;
    println!("{said}");
    Ok(())
}
