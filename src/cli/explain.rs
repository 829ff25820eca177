//! `podium explain`: every step from one entry's marks to its place.

use crate::contest::Lang;
use crate::engine::rank::{compare, directions, key_names, sort_key, KeyPart};
use crate::engine::{score, CategoryScores, CriterionValues, ResultRow, Results, Total};
use crate::error::suggestion;
use crate::output::{flag_text, number};
use crate::{msg, say};
use std::cmp::Ordering;
use std::path::Path;

pub fn run(contest: &Path, entry_id: &str, lang: Lang, marks: Option<&Path>) -> Result<(), String> {
    let inputs = super::load_warned(contest, marks)?;
    let Some(entry) = inputs.entries.find(entry_id) else {
        let ids = inputs.entries.list.iter().map(|e| &*e.id);
        return Err(msg!("explain-no-entry", id = entry_id, suggestion = suggestion(entry_id, ids)).in_lang(lang));
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
    if let Some(contest) = inputs
        .entries
        .field(record, crate::campaign::FROM_CONTEST)
        .filter(|c| !c.is_empty())
    {
        let place = inputs.entries.field(record, crate::campaign::FROM_PLACE).unwrap_or("-");
        line(format!("  {}", say!(lang, "explain-from", contest = contest, place = place)));
    }
    for (field, place) in rules.contest.divisions.iter().zip(&row.standing.divisions) {
        let value = inputs.entries.field(record, field).unwrap_or("");
        let said = match place {
            None => say!(lang, "explain-division", field = field, value = value),
            Some(p) if p.tied => say!(lang, "explain-division-place-tied", field = field, value = value, rank = p.rank),
            Some(p) => say!(lang, "explain-division-place", field = field, value = value, rank = p.rank),
        };
        line(format!("  {said}"));
    }
    line(String::new());
    line(say!(lang, "explain-steps"));
    for step in &row.trace {
        line(format!("  {}", step.get(lang)));
    }
    line(String::new());
    line(say!(lang, "explain-total", total = number(row.total)));
    match row.standing.overall {
        Some(place) if place.tied => line(say!(lang, "explain-place-tied", rank = place.rank)),
        Some(place) => line(say!(lang, "explain-place", rank = place.rank)),
        None => line(say!(lang, "explain-not-ranked")),
    }
    for tie in tie_breaks(results, row, lang) {
        line(format!("  {tie}"));
    }
    for flag in &row.flags {
        line(say!(lang, "explain-flag", flag = flag_text(rules, flag, lang)));
    }
    for &(s, t) in &row.awards {
        let set = &rules.contest.awards[s as usize];
        line(say!(
            lang,
            "explain-award",
            award = set.tiers[t as usize].label.get(lang),
            set = set.id
        ));
    }
    text
}

/// For each entry with the same total, which tie-break put one above the other.
fn tie_breaks(results: &Results, row: &ResultRow, lang: Lang) -> Vec<String> {
    let inputs = &results.inputs;
    let rules = &inputs.rules;
    let directions = directions(rules);
    let names = key_names(rules, lang);
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
            notes.push(say!(lang, "explain-tied-all", id = id));
            continue;
        };
        let (a, b): (&KeyPart, &KeyPart) = (&mine[part], &theirs[part]);
        let by = &names[part];
        notes.push(match compare(&mine, &theirs, &directions) {
            Ordering::Less => say!(lang, "explain-above", id = id, by = by, mine = a, theirs = b),
            _ => say!(lang, "explain-below", id = id, by = by, mine = a, theirs = b),
        });
    }
    notes
}
