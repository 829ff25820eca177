//! `podium mark`: one mark, checked against the contest (range, step,
//! panel, assignment, conflict of interest), stored durably, or refused
//! with the reason and nothing stored.

use crate::blind::EntryNames;
use crate::data::RowChecker;
use crate::enter::{enter, verify, Entered, Verified};
use crate::load::{load_contest, Sources};
use crate::store::{Cell, Store};
use std::path::Path;

pub struct MarkArgs<'a> {
    pub judge: Option<&'a str>,
    pub entry: &'a str,
    pub criterion: &'a str,
    pub element: Option<u8>,
    pub value: &'a str,
    pub reason: Option<&'a str>,
    pub by: Option<&'a str>,
    /// Double entry: this is the second clerk's entry of the mark.
    pub verify: bool,
}

/// Who is entering marks: `--by`, else the login name; refused if it holds
/// a control character (it is shown in the audit log and in terminals).
pub fn actor(by: Option<&str>) -> Result<String, String> {
    let name = by
        .map(String::from)
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("LOGNAME").ok())
        .or_else(|| std::env::var("USERNAME").ok())
        .unwrap_or_else(|| "unknown".into());
    crate::text::refuse_controls(if by.is_some() { "--by" } else { "the login name" }, &name)?;
    Ok(name)
}

pub fn run(contest: &Path, args: MarkArgs) -> Result<(), String> {
    let (rules, entries) = load_contest(contest).map_err(|p| p.to_string())?;
    let element = args.element.map(|e| e.to_string()).unwrap_or_default();
    let judge = args.judge.unwrap_or("");
    let value = args.value.trim();
    let store_path = Sources::of(&rules, None).store;
    let refused = |why: String| format!("mark refused, nothing stored: --entry {why}");
    let entry = EntryNames::of(&rules, &store_path)?
        .resolve(&entries, args.entry)
        .map_err(refused)?;
    let (entry_index, checked) = RowChecker::new(&rules, &entries)
        .check([&entry, args.criterion, &element, judge, value])
        .map_err(|refusal| {
            let help = refusal.help.map(|h| format!("\n  help: {h}")).unwrap_or_default();
            format!("mark refused, nothing stored: --{} {}{help}", refusal.field, refusal.message)
        })?;
    let cell = Cell {
        entry,
        criterion: args.criterion.into(),
        element: args.element.unwrap_or(0),
        judge: judge.into(),
    };
    // Messages show the entry as it was typed (its code, when judging is blind).
    let described = format!(
        "{} {}{} {judge}",
        args.entry.trim(),
        cell.criterion,
        args.element.map(|e| format!(" element {e}")).unwrap_or_default()
    );
    let reason = crate::enter::reason(args.reason).map_err(|why| format!("mark refused, nothing stored: {why}"))?;
    let clerk = actor(args.by).map_err(|why| format!("mark refused, nothing stored: {why}"))?;
    let mut store = Store::open(&store_path)?;
    // The decision and the write are one transaction: no other writer can slip in between.
    let criterion = rules.slots[checked.slot as usize].criterion as usize;
    let said = store.transact(&clerk, "podium mark", |batch| {
        if let Some(why) = crate::lock::refusal(&batch.state()?, &rules, &entries, entry_index, criterion) {
            return Err(format!("mark refused, nothing stored: {described}: {why}"));
        }
        if args.verify {
            return match verify(batch, &cell, value, &clerk)? {
                Ok(Verified::Confirmed(seq)) => Ok(format!("confirmed #{seq}: {described} = {value}")),
                Ok(Verified::AlreadyConfirmed) => Ok(format!("{described} = {value} is already confirmed")),
                Ok(Verified::Disagrees(why)) => Err(format!("not confirmed: {described}: {why}")),
                Err(why) => Err(format!("not confirmed: {described}: {why}")),
            };
        }
        match enter(batch, &cell, value, reason)? {
            Entered::Stored(seq) => Ok(format!("stored #{seq}: {described} = {value}")),
            Entered::Unchanged(current) => Ok(format!(
                "{described} is already {} (#{}); nothing stored",
                current.value, current.seq
            )),
            Entered::NeedsReason(current) => Err(format!(
                "mark refused, nothing stored: {described} is already {} (#{}); to correct it, say why with --reason",
                current.value, current.seq
            )),
            Entered::Corrected { seq, from } => Ok(format!(
                "stored #{seq}: {described} {} → {value} (corrects #{}: {})",
                from.value,
                from.seq,
                reason.unwrap_or_default()
            )),
        }
    })?;
    println!("{said}");
    Ok(())
}
