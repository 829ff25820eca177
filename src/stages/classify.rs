//! The final classification: entries by the last stage they reached, the
//! latest first, and within it by their place there. An entry out at a
//! stage keeps its place from that stage, so every qualifier of a stage
//! ranks above every entry it eliminated, whatever their points. Awards are
//! decided down this order.

use super::StageResults;
use crate::contest::{Rules, Scope};
use crate::data::{Entries, MarkSet, Panels};
use crate::engine::awards::{award_group, eligible, Candidate};
use crate::engine::{Carried, Flags, Inputs, Place, ResultRow, Results, Standing};
use rayon::prelude::*;
use rust_decimal::Decimal;
use std::sync::Arc;

/// One classified entry: where it ended and how it is compared.
#[derive(Debug, Clone, Copy)]
struct Ended {
    entry: u32,
    stage: usize,
    /// Its place in that stage (`None`: unranked there).
    place: Option<Place>,
}

impl Ended {
    /// Entries with equal keys share a place.
    fn key(&self) -> (usize, Option<u32>) {
        (self.stage, self.place.map(|p| p.rank))
    }
}

/// The classification as results every output reads: a category per stage
/// (the entry's total there), the total of the last stage it reached.
pub fn classification(inputs: &Inputs, stages: &[StageResults]) -> Results {
    let rules = inputs
        .rules
        .classification
        .clone()
        .expect("a contest with stages has a classification");
    let count = inputs.entries.list.len();
    let ended = classified_order(count, stages);
    let ranked = ended.iter().take_while(|e| e.place.is_some()).count();
    let overall = places_along(&ended[..ranked]);
    let divisions = rules.contest.divisions.len();
    // Each row reads every stage's entry numbers and totals: in parallel,
    // as are the look-ups below (a cache miss each at scale).
    let mut rows: Vec<ResultRow> = ended
        .par_iter()
        .enumerate()
        .map(|(i, end)| ResultRow {
            entry: end.entry,
            values: Vec::new(),
            categories: stages.iter().map(|stage| stage.total_of(end.entry)).collect(),
            total: stages[end.stage].total_of(end.entry),
            flags: Vec::new(),
            standing: Standing {
                overall: overall.get(i).copied(),
                divisions: vec![None; divisions],
            },
            awards: Vec::new(),
            elements: Vec::new(),
            trace: Vec::new(),
        })
        .collect();
    division_places(inputs, &rules, &ended[..ranked], &mut rows);
    let disqualified: Vec<bool> = ended.par_iter().map(|end| disqualified(stages, end)).collect();
    decide_awards(inputs, &rules, &ended[..ranked], &mut rows, &disqualified);
    let carried = Carried {
        per_entry: stages.len(),
        values: (0..count as u32)
            .into_par_iter()
            .flat_map_iter(|entry| stages.iter().map(move |stage| stage.total_of(entry)))
            .collect(),
        reached: ended.iter().fold(vec![None; count], |mut reached, end| {
            reached[end.entry as usize] = Some(end.stage);
            reached
        }),
    };
    let entries = inputs.entries.clone();
    let panels = Panels::new(&rules, &entries);
    Results {
        inputs: Inputs {
            rules,
            entries,
            marks: Arc::new(MarkSet::default()),
            elements: Arc::default(),
            panels: Arc::new(panels),
            carried: Arc::new(carried),
        },
        rows,
        teams: Vec::new(),
        complete: stages.iter().all(|stage| stage.results.complete),
    }
}

/// Every entry once: by last stage reached (latest first), then by its
/// place there; entries unranked where they ended come last.
fn classified_order(count: usize, stages: &[StageResults]) -> Vec<Ended> {
    let mut last = vec![None; count];
    for (k, stage) in stages.iter().enumerate() {
        for &entry in &stage.entries {
            last[entry as usize] = Some(k);
        }
    }
    let mut ranked = Vec::with_capacity(count);
    let mut unranked = Vec::new();
    for (k, stage) in stages.iter().enumerate().rev() {
        for row in &stage.results.rows {
            let entry = stage.entries[row.entry as usize];
            if last[entry as usize] != Some(k) {
                continue;
            }
            let end = Ended {
                entry,
                stage: k,
                place: row.standing.overall,
            };
            if end.place.is_some() {
                ranked.push(end);
            } else {
                unranked.push(end);
            }
        }
    }
    ranked.extend(unranked);
    ranked
}

/// Places down an order: equal keys share the place of the first of them.
fn places_along(order: &[Ended]) -> Vec<Place> {
    let mut places = Vec::with_capacity(order.len());
    let mut start = 0;
    while start < order.len() {
        let run = order[start..].iter().take_while(|e| e.key() == order[start].key()).count();
        places.extend(std::iter::repeat_n(
            Place {
                rank: start as u32 + 1,
                tied: run > 1,
            },
            run,
        ));
        start += run;
    }
    places
}

/// Each row's places within its division values, down the same order.
fn division_places(inputs: &Inputs, rules: &Rules, ranked: &[Ended], rows: &mut [ResultRow]) {
    let entries = &inputs.entries;
    for (d, field) in rules.contest.divisions.iter().enumerate() {
        let Some(column) = entries.field_index(field) else { continue };
        // Placed in a list in the rows' order, then written down the rows
        // in parallel: written group by group, each row was a cache miss.
        let mut placed = vec![None; ranked.len()];
        for (members, places) in groups(ranked, &group_ids(entries, ranked, Some(column))) {
            for (i, place) in members.into_iter().zip(places) {
                placed[i] = Some(place);
            }
        }
        rows.par_iter_mut()
            .zip(placed)
            .for_each(|(row, place)| row.standing.divisions[d] = place);
    }
}

/// Each ranked entry's value id in `column`: the group it is placed in
/// (one group, 0, without a column).
fn group_ids(entries: &Entries, ranked: &[Ended], column: Option<usize>) -> Vec<u32> {
    ranked
        .par_iter()
        .map(|end| column.map_or(0, |c| entries.value_id_of(&entries.list[end.entry as usize], c)))
        .collect()
}

/// The ranked entries grouped by their `ids`, each group with its places:
/// (positions in `ranked`, places), groups in order of first appearance.
fn groups(ranked: &[Ended], ids: &[u32]) -> Vec<(Vec<usize>, Vec<Place>)> {
    // Group ids are the entries' value ids: small and dense, so a vector indexes them.
    let mut index: Vec<usize> = Vec::new();
    let mut found: Vec<Vec<usize>> = Vec::new();
    for (i, &id) in ids.iter().enumerate() {
        let id = id as usize;
        if index.len() <= id {
            index.resize(id + 1, usize::MAX);
        }
        if index[id] == usize::MAX {
            index[id] = found.len();
            found.push(Vec::new());
        }
        found[index[id]].push(i);
    }
    found
        .into_iter()
        .map(|members| {
            let order: Vec<Ended> = members.iter().map(|&i| ranked[i]).collect();
            let places = places_along(&order);
            (members, places)
        })
        .collect()
}

/// Whether a veto took every award from the entry in the stage it ended in.
fn disqualified(stages: &[StageResults], end: &Ended) -> bool {
    let stage = &stages[end.stage];
    stage
        .local(end.entry)
        .is_some_and(|local| Flags::disqualify(&stage.row(local).flags, &stage.results.inputs.rules))
}

/// The contest's awards, each set walked down the classification (overall
/// or within each division value).
fn decide_awards(inputs: &Inputs, rules: &Rules, ranked: &[Ended], rows: &mut [ResultRow], disqualified: &[bool]) {
    let entries = &inputs.entries;
    let order = rules.contest.ranking.order;
    for (s, set) in rules.contest.awards.iter().enumerate() {
        let column = match &set.scope {
            Scope::Overall => None,
            Scope::PerDivision(field) => entries.field_index(field),
        };
        for (members, places) in groups(ranked, &group_ids(entries, ranked, column)) {
            let candidates = members.iter().zip(&places).map(|(&i, &place)| Candidate {
                entry: i as u32,
                total: rows[i].total.unwrap_or(Decimal::ZERO),
                place,
                eligible: !disqualified[i] && eligible(rules, entries, set, ranked[i].entry),
            });
            let won = award_group(set, order, members.len(), candidates);
            for (i, tier) in won {
                rows[i as usize].awards.push((s as u16, tier));
            }
        }
    }
}
