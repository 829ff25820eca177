//! The assignments file: which judge marks which entries, for contests too
//! large to list them in the contest file (100,000 entries with panels of
//! five drawn from sixty judges). One row per judge and entry (`judge,entry`)
//! or per judge and group of entries (`judge,group`, the group written
//! `field=value`, such as `trade=welder`). A judge the file names marks only
//! what it assigns them (with any `entries:` the contest gives them); a
//! judge it does not name is not limited by it.

use super::cells::{odd_character, suggestion};
use super::{read_text, Entries, Table};
use crate::contest::Rules;
use crate::error::{Diagnostic, Diagnostics};
use crate::i18n::Text;
use crate::msg;
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
    let mut table = Table::new(path, &text, &["judge", "entry", "group"])?;
    let (Some(judge_col), entry_col, group_col) = (table.column("judge"), table.column("entry"), table.column("group")) else {
        return Err(missing_columns(path));
    };
    if entry_col.is_none() && group_col.is_none() {
        return Err(missing_columns(path));
    }
    let mut assigned: Vec<Assigned> = vec![Assigned::default(); rules.contest.judges.len()];
    let mut problems = Diagnostics::default();
    let mut present = None;
    let labels: Vec<String> = (0..table.header.len()).map(|i| table.field(i)).collect();
    let label = |column: Option<usize>| column.map_or("", |c| labels[c].as_str());
    table.rows(&mut problems, |record, line, problems| {
        let at = |column: Option<usize>, message: Text| Diagnostic::new(path, label(column), message).at_line(line);
        let get = |col: Option<usize>| col.and_then(|i| record.get(i)).unwrap_or("").trim();
        let (judge, entry, group) = (get(Some(judge_col)), get(entry_col), get(group_col));
        if judge.is_empty() && entry.is_empty() && group.is_empty() {
            return;
        }
        let Some(&j) = rules.judge_index.get(judge) else {
            let names = rules.contest.judges.iter().map(|j| j.id.as_str());
            let help = odd_character(judge).unwrap_or_else(|| suggestion(judge, names));
            problems.push(at(Some(judge_col), msg!("files-unknown-judge-named", judge = judge)).help(help));
            return;
        };
        let Assigned {
            entries: entries_of,
            groups: groups_of,
        } = &mut assigned[j as usize];
        match (entry.is_empty(), group.is_empty()) {
            (false, true) if entries.find(entry).is_some() => entries_of.push(entry.to_string()),
            (false, true) => {
                let problem = at(entry_col, msg!("files-unknown-entry", entry = entry));
                problems.push(match odd_character(entry) {
                    Some(odd) => problem.help(odd),
                    None => problem,
                })
            }
            (true, false) => match parse_group(group, entries, &mut present) {
                Ok(group) => groups_of.push(group),
                Err(why) => problems.push(at(group_col, why)),
            },
            _ => problems.push(at(entry_col, msg!("files-assignments-entry-or-group"))),
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
    Diagnostic::new(path, "judge,entry", msg!("files-assignments-header"))
        .help(msg!("files-assignments-example"))
        .at_line(1)
        .into()
}

/// `field=value`: an entry field and a value some entry has (`present`
/// holds each field's values, gathered once when first needed).
fn parse_group(text: &str, entries: &Entries, present: &mut Option<FxHashSet<(usize, u32)>>) -> Result<(String, String), Text> {
    let Some((field, value)) = text.split_once('=') else {
        return Err(msg!("files-group-form", group = text));
    };
    let (field, value) = (field.trim(), value.trim());
    let Some(column) = entries.field_index(field) else {
        return Err(msg!(
            "files-group-no-field",
            field = field,
            suggestion = suggestion(field, entries.fields.iter().map(String::as_str))
        ));
    };
    let present = present.get_or_insert_with(|| {
        let columns = 0..entries.fields.len();
        let values = |e| columns.clone().map(move |c| (c, entries.value_id_of(e, c)));
        entries.list.iter().flat_map(values).collect()
    });
    if !entries.value_id(value).is_some_and(|v| present.contains(&(column, v))) {
        return Err(msg!("files-group-no-entry", field = field, value = value));
    }
    Ok((field.to_string(), value.to_string()))
}
