//! `podium audit`: verify the store's hash chain, and show the history of marks.

use crate::load::Sources;
use crate::store::Store;
use std::path::Path;

fn open(contest: &Path) -> Result<Store, String> {
    let rules = crate::contest::load(contest).map_err(|p| p.to_string())?;
    let path = Sources::of(&rules, None).store;
    Store::open_existing(&path).map_err(|e| e.to_string())?.ok_or_else(|| {
        format!(
            "{}: there is no mark store yet; `podium import` or `podium mark` makes it",
            path.display()
        )
    })
}

pub fn verify(contest: &Path) -> Result<(), String> {
    let store = open(contest)?;
    let (count, problems) = store.verify().map_err(|e| e.to_string())?;
    if problems.is_empty() {
        let (seq, hash) = store.head()?;
        println!("ok: {count} records, the chain is intact ({})", store.path().display());
        println!("head: #{seq} {hash}");
        return Ok(());
    }
    let lines: Vec<String> = problems.iter().map(|p| format!("{}: {p}", store.path().display())).collect();
    Err(format!(
        "{}\n\nthe store was changed outside podium: {} problem{}",
        lines.join("\n"),
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    ))
}

pub fn log(contest: &Path, entry: Option<&str>, criterion: Option<&str>, judge: Option<&str>) -> Result<(), String> {
    let store = open(contest)?;
    let records = store.history(entry, criterion, judge).map_err(|e| e.to_string())?;
    let values: std::collections::HashMap<i64, &str> = records.iter().map(|r| (r.seq, r.value.as_str())).collect();
    for record in &records {
        let cell = &record.cell;
        let what = match (record.kind.as_str(), record.replaces) {
            ("mark", replaces) => {
                let element = if cell.element == 0 {
                    String::new()
                } else {
                    format!(" element {}", cell.element)
                };
                let change = match replaces {
                    Some(old) => format!(
                        "{} → {} (corrects #{old}: {})",
                        values.get(&old).copied().unwrap_or("?"),
                        record.value,
                        record.reason
                    ),
                    None => record.value.clone(),
                };
                format!("{} {}{element} {} {change}", cell.entry, cell.criterion, cell.judge)
            }
            ("confirm", Some(mark)) => {
                let element = if cell.element == 0 {
                    String::new()
                } else {
                    format!(" element {}", cell.element)
                };
                format!(
                    "{} {}{element} {} {} confirmed (second entry of #{mark})",
                    cell.entry, cell.criterion, cell.judge, record.value
                )
            }
            (kind, _) if record.reason.is_empty() => format!("{kind} {}", record.value),
            (kind, _) => format!("{kind} {} ({})", record.value, record.reason),
        };
        // A reason or a name stored before podium refused control characters is shown escaped, never obeyed.
        let line = format!("#{} {} by {} ({}): {what}", record.seq, record.at, record.actor, record.source);
        println!("{}", crate::text::shown(&line));
    }
    if records.is_empty() {
        println!("no records match");
    }
    Ok(())
}
