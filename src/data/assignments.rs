//! The assignments file: which judge marks which entries, for contests too
//! large to list them in the contest file (100,000 entries with panels of
//! five drawn from sixty judges). One row per judge and entry (`judge,entry`)
//! or per judge and group of entries (`judge,group`, the group written
//! `field=value`, such as `trade=welder`). A judge the file names marks only
//! what it assigns them (with any `entries:` the contest gives them); a
//! judge it does not name is not limited by it.

use super::{read_text, Entries, Table};
use crate::contest::Rules;
use crate::error::{suggest, Diagnostic, Diagnostics};
use rustc_hash::FxHashSet;
use std::path::Path;

/// What the file assigns one judge: entries by id, groups as (field, value).
#[derive(Clone, Default)]
struct Assigned {
    entries: Vec<String>,
    groups: Vec<(String, String)>,
}

/// Reads the file and gives each judge it names their entries and groups.
pub fn apply(path: &Path, rules: &mut Rules, entries: &Entries) -> Result<(), Diagnostics> {
    let text = read_text(path)?;
    let mut table = Table::new(path, &text)?;
    let (Some(judge_col), entry_col, group_col) = (table.column("judge"), table.column("entry"), table.column("group")) else {
        return Err(missing_columns(path));
    };
    if entry_col.is_none() && group_col.is_none() {
        return Err(missing_columns(path));
    }
    let mut assigned: Vec<Assigned> = vec![Assigned::default(); rules.contest.judges.len()];
    let mut problems = Diagnostics::default();
    let mut present = None;
    table.rows(&mut problems, |record, line, problems| {
        let at = |field: &str, message: String| Diagnostic::new(path, field, message).at_line(line);
        let get = |col: Option<usize>| col.and_then(|i| record.get(i)).unwrap_or("").trim();
        let (judge, entry, group) = (get(Some(judge_col)), get(entry_col), get(group_col));
        if judge.is_empty() && entry.is_empty() && group.is_empty() {
            return;
        }
        let Some(&j) = rules.judge_index.get(judge) else {
            let names = rules.contest.judges.iter().map(|j| j.id.as_str());
            problems.push(at("judge", format!("unknown judge `{judge}`")).help(suggest(judge, names)));
            return;
        };
        let Assigned {
            entries: entries_of,
            groups: groups_of,
        } = &mut assigned[j as usize];
        match (entry.is_empty(), group.is_empty()) {
            (false, true) if entries.find(entry).is_some() => entries_of.push(entry.to_string()),
            (false, true) => problems.push(at("entry", format!("unknown entry `{entry}`"))),
            (true, false) => match parse_group(group, entries, &mut present) {
                Ok(group) => groups_of.push(group),
                Err(why) => problems.push(at("group", why)),
            },
            _ => problems.push(at(
                "entry",
                "give either an entry or a group (field=value) in each row, not both or neither".into(),
            )),
        }
    });
    if !problems.is_empty() {
        return Err(problems);
    }
    for (judge, assigned) in rules.contest.judges.iter_mut().zip(assigned) {
        if assigned.entries.is_empty() && assigned.groups.is_empty() {
            continue;
        }
        judge.entries.get_or_insert_with(Vec::new).extend(assigned.entries);
        judge.groups.extend(assigned.groups);
        judge.groups.sort_unstable();
        judge.groups.dedup();
    }
    Ok(())
}

fn missing_columns(path: &Path) -> Diagnostics {
    Diagnostic::new(
        path,
        "judge,entry",
        "the header needs a `judge` column and an `entry` or `group` column",
    )
    .help("for example:\njudge,entry\nJ1,E001")
    .at_line(1)
    .into()
}

/// `field=value`: an entry field and a value some entry has (`present`
/// holds each field's values, gathered once when first needed).
fn parse_group(text: &str, entries: &Entries, present: &mut Option<FxHashSet<(usize, u32)>>) -> Result<(String, String), String> {
    let Some((field, value)) = text.split_once('=') else {
        return Err(format!("write a group as field=value, such as trade=welder (not `{text}`)"));
    };
    let (field, value) = (field.trim(), value.trim());
    let Some(column) = entries.field_index(field) else {
        return Err(format!(
            "`{field}` is not a field of the entries; {}",
            suggest(field, entries.fields.iter().map(String::as_str))
        ));
    };
    let present = present.get_or_insert_with(|| {
        let columns = 0..entries.fields.len();
        let values = |e| columns.clone().map(move |c| (c, entries.value_id_of(e, c)));
        entries.list.iter().flat_map(values).collect()
    });
    if !entries.value_id(value).is_some_and(|v| present.contains(&(column, v))) {
        return Err(format!("no entry has {field} `{value}`"));
    }
    Ok((field.to_string(), value.to_string()))
}
