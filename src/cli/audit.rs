//! `podium audit`: verify the store's hash chain, and show the history of marks.

use crate::load::Sources;
use crate::msg;
use crate::store::Store;
use std::path::Path;

fn open(contest: &Path) -> Result<Store, String> {
    let rules = crate::contest::load(contest).map_err(|p| p.to_string())?;
    let path = Sources::of(&rules, None).store;
    Store::open_existing(&path)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| msg!("audit-no-store", path = path.display()).to_string())
}

pub fn verify(contest: &Path) -> Result<(), String> {
    let store = open(contest)?;
    let (count, problems) = store.verify().map_err(|e| e.to_string())?;
    if problems.is_empty() {
        let (seq, hash) = store.head()?;
        println!("{}", msg!("audit-intact", count = count, path = store.path().display()));
        println!("{}", msg!("audit-head", seq = seq, hash = hash));
        return Ok(());
    }
    let lines: Vec<String> = problems.iter().map(|p| format!("{}: {p}", store.path().display())).collect();
    Err(format!("{}\n\n{}", lines.join("\n"), msg!("audit-changed", count = problems.len())))
}

pub fn log(contest: &Path, entry: Option<&str>, criterion: Option<&str>, judge: Option<&str>) -> Result<(), String> {
    let store = open(contest)?;
    let records = store.history(entry, criterion, judge).map_err(|e| e.to_string())?;
    let values: std::collections::HashMap<i64, &str> = records.iter().map(|r| (r.seq, r.value.as_str())).collect();
    for record in &records {
        let cell = &record.cell;
        let described = match cell.element {
            0 if cell.judge.is_empty() => msg!("audit-cell-no-judge", entry = cell.entry, criterion = cell.criterion),
            0 => msg!("audit-cell", entry = cell.entry, criterion = cell.criterion, judge = cell.judge),
            element => msg!(
                "audit-cell-element",
                entry = cell.entry,
                criterion = cell.criterion,
                element = element,
                judge = cell.judge
            ),
        };
        let what = match (record.kind.as_str(), record.replaces) {
            ("mark", Some(old)) => msg!(
                "audit-corrected",
                cell = described,
                from = values.get(&old).copied().unwrap_or("?"),
                value = record.value,
                replaces = old,
                reason = record.reason
            ),
            ("mark", None) => msg!("audit-marked", cell = described, value = record.value),
            // A code record: the entry's code (layer 1), or its work piece's (`piece`).
            ("code", _) if cell.criterion == "piece" => msg!("audit-piece-code", entry = cell.entry, code = record.value),
            ("code", _) => msg!("audit-code", entry = cell.entry, code = record.value),
            ("confirm", Some(mark)) => msg!("audit-confirmed", cell = described, value = record.value, mark = mark),
            ("step", _) => crate::event::step_words(&crate::store::StepRecord {
                seq: record.seq,
                step: cell.criterion.clone(),
                subject: cell.entry.clone(),
                value: record.value.clone(),
                reason: record.reason.clone(),
                actor: record.actor.clone(),
                at: record.at.clone(),
            }),
            (kind, _) => {
                let action = match kind {
                    "lock" => msg!("audit-lock"),
                    "unlock" => msg!("audit-unlock"),
                    "publish" => msg!("audit-publish"),
                    other => other.into(),
                };
                let scope = crate::lock::Scope::described(&record.value);
                match record.reason.is_empty() {
                    true => msg!("audit-state", action = action, scope = scope),
                    false => msg!("audit-state-reason", action = action, scope = scope, reason = record.reason),
                }
            }
        };
        // A reason or a name stored before podium refused control characters is shown escaped, never obeyed.
        let at = crate::store::local_time(&record.at);
        let line = msg!(
            "audit-line",
            seq = record.seq,
            at = at,
            actor = record.actor,
            source = record.source,
            what = what
        );
        println!("{}", crate::text::shown(&line.to_string()));
    }
    if records.is_empty() {
        println!("{}", msg!("audit-none"));
    }
    Ok(())
}
