//! `podium explain`: every step from one entry's marks to its place.

use crate::contest::Lang;
use crate::engine::rank::{compare, directions, key_names, sort_key, KeyPart};
use crate::engine::{score, CategoryScores, CriterionValues, ResultRow, Results, Total};
use crate::error::suggest;
use crate::output::{flag_text, label, number};
use std::cmp::Ordering;
use std::path::Path;

pub fn run(contest: &Path, entry_id: &str, lang: Lang, marks: Option<&Path>) -> Result<(), String> {
    let inputs = super::load_warned(contest, marks)?;
    let Some(entry) = inputs.entries.find(entry_id) else {
        let ids = inputs.entries.list.iter().map(|e| &*e.id);
        return Err(format!("no entry `{entry_id}` in this contest; {}", suggest(entry_id, ids)));
    };
    let results = score(inputs, &[entry]);
    print!("{}", explanation(&results, entry, lang));
    Ok(())
}

/// The explanation as text (kept separate from printing for tests).
pub fn explanation(results: &Results, entry: u32, lang: Lang) -> String {
    let inputs = &results.inputs;
    let rules = &inputs.rules;
    let record = &inputs.entries.list[entry as usize];
    let row = results.rows.iter().find(|r| r.entry == entry).expect("every entry has a row");
    let mut text = String::new();
    let mut line = |s: String| {
        text.push_str(&s);
        text.push('\n');
    };
    line(format!("{} {} ({})", record.id, record.name, inputs.entries.organisation(record)));
    for (field, place) in rules.contest.divisions.iter().zip(&row.standing.divisions) {
        let value = inputs.entries.field(record, field).unwrap_or("");
        line(format!(
            "  {field}: {value}{}",
            place.map_or(String::new(), |p| format!(
                ", {} {}{}",
                label(lang, "组内名次", "place"),
                p.rank,
                if p.tied { label(lang, "（并列）", " (tied)") } else { "" }
            ))
        ));
    }
    line(String::new());
    line(label(lang, "计算步骤：", "Steps:").into());
    for step in &row.trace {
        line(format!("  {}", step.get(lang)));
    }
    line(String::new());
    line(format!("{} {}", label(lang, "总分", "Total"), number(row.total)));
    match row.standing.overall {
        Some(place) => line(format!(
            "{} {}{}",
            label(lang, "总名次", "Overall place"),
            place.rank,
            if place.tied { label(lang, "（并列）", " (tied)") } else { "" }
        )),
        None => line(label(lang, "未排名：有未评出的项目", "Not ranked: some criteria are not scored").into()),
    }
    for tie in tie_breaks(results, row) {
        line(format!("  {tie}"));
    }
    for flag in &row.flags {
        line(format!("{} {}", label(lang, "标记：", "Flag:"), flag_text(rules, flag, lang)));
    }
    for &(s, t) in &row.awards {
        let set = &rules.contest.awards[s as usize];
        line(format!(
            "{} {} ({})",
            label(lang, "奖项：", "Award:"),
            set.tiers[t as usize].label.get(lang),
            set.id
        ));
    }
    text
}

/// For each entry with the same total, which tie-break put one above the other.
fn tie_breaks(results: &Results, row: &ResultRow) -> Vec<String> {
    let inputs = &results.inputs;
    let rules = &inputs.rules;
    let directions = directions(rules);
    let names = key_names(rules);
    let key_of = |r: &ResultRow| {
        let (total, categories, values) = (
            Total(r.total),
            CategoryScores(r.categories.clone()),
            CriterionValues(r.values.clone()),
        );
        sort_key(inputs, (r.entry, &total, &categories, &values))
    };
    let mine = key_of(row);
    let mut notes = Vec::new();
    for other in &results.rows {
        if other.entry == row.entry || other.total.is_none() || other.total != row.total {
            continue;
        }
        let theirs = key_of(other);
        let id = &inputs.entries.list[other.entry as usize].id;
        let Some(part) = (1..mine.len()).find(|&i| mine[i] != theirs[i]) else {
            notes.push(format!("tied with {id} on the total and every tie-break"));
            continue;
        };
        let (a, b): (&KeyPart, &KeyPart) = (&mine[part], &theirs[part]);
        let verdict = match compare(&mine, &theirs, &directions) {
            Ordering::Less => "above",
            _ => "below",
        };
        notes.push(format!("same total as {id}; placed {verdict} it by {} ({a} vs {b})", names[part]));
    }
    notes
}
