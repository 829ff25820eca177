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
    // While codes hide the entries, an entry is asked for and shown by its code.
    let hidden = crate::blind::hidden_names(&inputs.rules)?;
    let entry_id = match &hidden {
        Some(codes) => codes.resolve(&inputs.entries, entry_id)?,
        None => entry_id.to_string(),
    };
    let Some(entry) = inputs.entries.find(&entry_id) else {
        let ids = inputs.entries.list.iter().map(|e| &*e.id);
        return Err(msg!("explain-no-entry", id = entry_id, suggestion = suggestion(&entry_id, ids)).in_lang(lang));
    };
    let shown = Shown(hidden.as_ref());
    if !inputs.rules.stages.is_empty() {
        let staged = crate::stages::score(inputs, &[entry]);
        print!("{}", staged_explanation(&staged, entry, lang, shown));
        return Ok(());
    }
    let results = score(inputs, &[entry]);
    print!("{}", explanation(&results, entry, lang, shown));
    Ok(())
}

/// How entries are named: by id, or by code while codes hide them.
#[derive(Clone, Copy)]
pub struct Shown<'a>(pub Option<&'a crate::blind::Codes>);

impl Shown<'_> {
    fn id<'e>(&'e self, id: &'e str) -> &'e str {
        match self.0 {
            Some(codes) => codes.code_of(id).unwrap_or("?"),
            None => id,
        }
    }
}

/// The entry's id, name and organisation, and where it came from when it
/// went on from a lower level (`podium advance`).
fn heading(inputs: &crate::engine::Inputs, entry: u32, lang: Lang, shown: Shown) -> String {
    let entries = &inputs.entries;
    let record = &entries.list[entry as usize];
    if shown.0.is_some() {
        return format!("{}\n", shown.id(&record.id));
    }
    let mut text = format!("{} {} ({})\n", record.id, record.name, entries.organisation(record));
    if let Some(contest) = entries.field(record, crate::campaign::FROM_CONTEST).filter(|c| !c.is_empty()) {
        let place = entries.field(record, crate::campaign::FROM_PLACE).unwrap_or("-");
        text.push_str(&format!("  {}\n", say!(lang, "explain-from", contest = contest, place = place)));
    }
    text
}

/// The explanation as text (kept separate from printing for tests).
pub fn explanation(results: &Results, entry: u32, lang: Lang, shown: Shown) -> String {
    let inputs = &results.inputs;
    let mut text = heading(inputs, entry, lang, shown);
    text.push_str(&steps_and_place(results, entry, lang, false, shown));
    text
}

/// A contest run in stages: each stage the entry reached, scored as any
/// contest is, with why it went on or not; then its final place.
pub fn staged_explanation(staged: &crate::stages::Staged, entry: u32, lang: Lang, shown: Shown) -> String {
    let classification = &staged.classification;
    let inputs = &classification.inputs;
    let mut text = heading(inputs, entry, lang, shown);
    for (k, stage) in staged.stages.iter().enumerate() {
        let Some(local) = stage.local(entry) else { continue };
        let label = inputs.rules.categories[k].label.get(lang);
        text.push_str(&format!("\n{}\n", say!(lang, "explain-stage", number = k + 1, stage = label)));
        for line in steps_and_place(&stage.results, local, lang, true, shown)
            .lines()
            .skip_while(|l| l.is_empty())
        {
            match line.is_empty() {
                true => text.push('\n'),
                false => text.push_str(&format!("  {line}\n")),
            }
        }
        let l = local as usize;
        if let Some(place) = stage.own_places[l] {
            text.push_str(&format!(
                "  {}\n",
                say!(lang, "explain-round-place", rank = crate::output::shown_place(place))
            ));
        }
        if let Some(behind) = stage.behind[l] {
            text.push_str(&format!("  {}\n", say!(lang, "explain-behind", behind = behind)));
        }
        if let Some(said) = outcome_words(&stage.outcomes[l], lang) {
            text.push_str(&format!("  {said}\n"));
        }
    }
    let row = classification
        .rows
        .iter()
        .find(|r| r.entry == entry)
        .expect("every entry has a row");
    let reached = staged.reached(entry).map_or("", |k| inputs.rules.categories[k].label.get(lang));
    text.push('\n');
    text.push_str(&match row.standing.overall {
        Some(place) => say!(
            lang,
            "explain-classified",
            rank = crate::output::shown_place(place),
            stage = reached
        ),
        None => say!(lang, "explain-not-classified", stage = reached),
    });
    text.push('\n');
    for &(s, t) in &row.awards {
        let set = &inputs.rules.contest.awards[s as usize];
        text.push_str(&say!(
            lang,
            "explain-award",
            award = set.tiers[t as usize].label.get(lang),
            set = set.id
        ));
        text.push('\n');
    }
    text
}

/// Why an entry went on from a stage or did not, in words.
fn outcome_words(outcome: &crate::stages::Outcome, lang: Lang) -> Option<String> {
    use crate::stages::{Outcome, Reason};
    let (through, reason) = match outcome {
        Outcome::Last => return None,
        Outcome::Through(reason) => (true, reason),
        Outcome::Out(reason) => (false, reason),
    };
    let why = match reason {
        Reason::Everyone => say!(lang, "advance-everyone"),
        Reason::Place { rank, top } => say!(lang, "advance-place", rank = rank, top = top),
        Reason::Total { total, bound } => say!(lang, "advance-total", total = total, bound = bound),
        Reason::Heat { heat, place, winners } => say!(lang, "advance-heat", heat = heat, place = place, winners = winners),
        Reason::BestOther { place, taken } => say!(lang, "advance-best-other", place = place, taken = taken),
        Reason::Capped { group, cap } => say!(lang, "advance-capped", group = group, cap = cap),
        Reason::Unranked => say!(lang, "advance-unranked"),
    };
    Some(match through {
        true => say!(lang, "advance-through", why = why),
        false => say!(lang, "advance-out", why = why),
    })
}

/// From the first step to the place, flags and awards: everything an
/// explanation says after the entry's name (`in_stage`: of one stage).
fn steps_and_place(results: &Results, entry: u32, lang: Lang, in_stage: bool, shown: Shown) -> String {
    let inputs = &results.inputs;
    let rules = &inputs.rules;
    let record = &inputs.entries.list[entry as usize];
    let row = results.rows.iter().find(|r| r.entry == entry).expect("every entry has a row");
    let mut text = String::new();
    let mut line = |s: String| {
        text.push_str(&s);
        text.push('\n');
    };
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
        Some(place) if in_stage => line(say!(lang, "explain-stage-place", rank = crate::output::shown_place(place))),
        Some(place) if place.tied => line(say!(lang, "explain-place-tied", rank = place.rank)),
        Some(place) => line(say!(lang, "explain-place", rank = place.rank)),
        None => line(say!(lang, "explain-not-ranked")),
    }
    for tie in tie_breaks(results, row, lang, shown) {
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
fn tie_breaks(results: &Results, row: &ResultRow, lang: Lang, shown: Shown) -> Vec<String> {
    let inputs = &results.inputs;
    let rules = &inputs.rules;
    let directions = directions(rules);
    let names = key_names(rules, lang);
    let key_of = |r: &ResultRow| {
        let (total, categories, values) = (
            Total(r.total),
            CategoryScores(r.categories.to_vec()),
            CriterionValues(r.values.to_vec()),
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
        let id = shown.id(&inputs.entries.list[other.entry as usize].id);
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
