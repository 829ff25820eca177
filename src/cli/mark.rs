//! `podium mark`: one mark, checked against the contest (range, step,
//! panel, assignment, conflict of interest), stored durably, or refused
//! with the reason and nothing stored.

use crate::blind::EntryNames;
use crate::contest::workflow::Action;
use crate::data::RowChecker;
use crate::enter::{enter, verify, Entered, Verified};
use crate::event::{self, Event};
use crate::load::{load_contest, Sources};
use crate::msg;
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
    /// The role entering it (`--as`), in a contest with a workflow.
    pub role: Option<&'a str>,
    /// The upheld appeal this correction carries out.
    pub appeal: Option<&'a str>,
    /// A correction of a difference the re-check found.
    pub recheck: bool,
}

pub fn run(contest: &Path, args: MarkArgs) -> Result<(), String> {
    let (rules, entries) = load_contest(contest).map_err(|p| p.to_string())?;
    let element = args.element.map(|e| e.to_string()).unwrap_or_default();
    let judge = args.judge.unwrap_or("");
    let value = args.value.trim();
    let store_path = Sources::of(&rules, None).store;
    let refused = |why: String| msg!("cli-mark-refused-flag", flag = "--entry", why = why).to_string();
    let entry = EntryNames::of(&rules, &store_path)?
        .resolve(&entries, args.entry)
        .map_err(refused)?;
    let (entry_index, checked) = RowChecker::new(&rules, &entries)
        .check([&entry, args.criterion, &element, judge, value])
        .map_err(|refusal| {
            let help = refusal
                .help
                .map(|h| format!("\n  {}", msg!("diag-help", help = h)))
                .unwrap_or_default();
            let where_ = msg!("cli-mark-cell", entry = args.entry.trim(), criterion = args.criterion.trim());
            let flag = format!("--{}", refusal.field);
            format!(
                "{}{help}",
                msg!("cli-mark-refused-at", cell = where_, flag = flag, why = refusal.message)
            )
        })?;
    let cell = Cell {
        entry,
        criterion: args.criterion.into(),
        element: args.element.unwrap_or(0),
        judge: judge.into(),
    };
    // Messages show the entry as it was typed (its code, when judging is blind).
    let mut described = match args.element {
        Some(element) => msg!(
            "cli-mark-described-element",
            entry = args.entry.trim(),
            criterion = cell.criterion,
            element = element
        ),
        None => msg!("cli-mark-described", entry = args.entry.trim(), criterion = cell.criterion),
    }
    .to_string();
    if !judge.is_empty() {
        described = msg!("cli-mark-described-judge", cell = described, judge = judge).to_string();
    }
    let described = described.as_str();
    let reason = crate::enter::reason(args.reason).map_err(|why| msg!("cli-mark-not-stored", why = why).to_string())?;
    let not_stored = |why: String| msg!("cli-mark-not-stored", why = why).to_string();
    let clerk = event::acting(&rules, args.role, args.by, Action::Mark).map_err(|why| not_stored(why.to_string()))?;
    let mut store = Store::open(&store_path)?;
    let appeal = match args.appeal {
        Some(id) => {
            let event = Event::read(&store, &rules)?;
            let names = EntryNames::of(&rules, &store_path)?;
            let concerns = |typed: &str| names.resolve(&entries, typed).is_ok_and(|id| id == cell.entry);
            Some(event.upheld_for(id, concerns).map_err(|why| not_stored(why.to_string()))?)
        }
        None => None,
    };
    // A difference the re-check found is corrected through the lock, as an upheld appeal is.
    // Only a role that may re-check (the chief judge) settles what the re-check found.
    let appeal = match (appeal, args.recheck) {
        (None, true) => {
            event::acting(&rules, args.role, args.by, Action::Recheck).map_err(|why| not_stored(why.to_string()))?;
            Some(recheck_difference(&store, &rules, &cell).map_err(|why| not_stored(why.to_string()))?)
        }
        (appeal, _) => appeal,
    };
    let reason = match (&appeal, reason) {
        (Some(_), None) => return Err(not_stored(msg!("cli-mark-appeal-needs-reason").to_string())),
        (Some(id), Some(reason)) => Some(event::citing(id, reason)),
        (None, reason) => reason.map(String::from),
    };
    let reason = reason.as_deref();
    // The decision and the write are one transaction: no other writer can slip in between.
    let criterion = rules.slots[checked.slot as usize].criterion as usize;
    let said = store.transact(&clerk.recorded(), "podium mark", |batch| {
        let state = batch.state()?;
        // An upheld appeal's correction is made through the lock, never after publication.
        let state = match (&appeal, state.published) {
            (Some(_), None) => crate::store::State::default(),
            _ => state,
        };
        if let Some(why) = crate::lock::refusal(&state, &rules, &entries, entry_index, criterion) {
            return Err(msg!("cli-mark-refused-cell", cell = described, why = why).to_string());
        }
        if args.verify {
            return match verify(batch, &cell, value, &clerk.recorded())? {
                Ok(Verified::Confirmed(seq)) => Ok(msg!("cli-mark-confirmed", seq = seq, cell = described, value = value).to_string()),
                Ok(Verified::AlreadyConfirmed) => Ok(msg!("cli-mark-already-confirmed", cell = described, value = value).to_string()),
                Ok(Verified::Disagrees(why)) | Err(why) => Err(msg!("cli-mark-not-confirmed", cell = described, why = why).to_string()),
            };
        }
        let said = match enter(batch, &cell, value, reason)? {
            Entered::Stored(seq) => msg!("cli-mark-stored", seq = seq, cell = described, value = value),
            // The re-check was the one mistyped: the stored mark is kept, on the record.
            Entered::Unchanged(current) if args.recheck => {
                let kept = event::recheck::Kept::of(&cell, &current.value);
                let json = serde_json::to_string(&kept).expect("plain struct serialises");
                let seq = batch.record_step("recheck-kept", &cell.entry, &json, reason.unwrap_or_default())?;
                msg!("recheck-kept", cell = described, value = current.value, seq = seq)
            }
            Entered::Unchanged(current) => msg!("cli-mark-same", cell = described, value = current.value, seq = current.seq),
            Entered::NeedsReason(current) => {
                return Err(msg!(
                    "cli-mark-correct-needs-reason",
                    cell = described,
                    value = current.value,
                    seq = current.seq
                )
                .to_string());
            }
            Entered::Corrected { seq, from } => msg!(
                "cli-mark-stored-correction",
                seq = seq,
                cell = described,
                from = from.value,
                value = value,
                replaces = from.seq,
                reason = reason.unwrap_or_default()
            ),
        };
        Ok(said.to_string())
    })?;
    println!("{said}");
    Ok(())
}

/// The re-check's tag for a correction of `cell`, if the re-check found it
/// different and it is not yet resolved; else why not.
fn recheck_difference(store: &Store, rules: &crate::contest::Rules, cell: &Cell) -> Result<String, crate::i18n::Text> {
    if rules.workflow.as_ref().and_then(|w| w.recheck.as_ref()).is_none() {
        return Err(msg!("recheck-none"));
    }
    let progress = event::recheck::Progress::read(&store.steps()?);
    let unresolved = progress.unresolved(store)?;
    match unresolved.iter().any(|d| d.cell() == *cell) {
        true => Ok("recheck".to_string()),
        false => Err(msg!(
            "recheck-no-difference",
            entry = cell.entry,
            criterion = cell.criterion,
            judge = cell.judge
        )),
    }
}
