//! The final classification: entries by the last stage they reached, the
//! latest first, and within it by their place there. An entry out at a
//! stage keeps its place from that stage, so every qualifier of a stage
//! ranks above every entry it eliminated, whatever their points. Awards are
//! decided down this order.

use super::StageResults;
use crate::contest::rules::VetoEffectRule;
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
    // Every entry's totals (read by entry, once), the places in each
    // division and the awards are found side by side, none reading
    // another; each row is then made once, whole.
    let (carried, (division_places, won)) = rayon::join(
        || carried(stages, &ended, count),
        || {
            rayon::join(
                || division_places(inputs, &rules, &ended[..ranked]),
                || decide_awards(inputs, &rules, stages, (&ended[..ranked], &overall)),
            )
        },
    );
    let made = Made {
        overall: &overall,
        divisions: division_places,
        awards: AwardsByRow::of(won, ranked),
        carried: &carried,
    };
    let rows = rows_of(&ended, &made);
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

/// What the classification's rows are made of, by position down it.
struct Made<'a> {
    overall: &'a [Place],
    /// By division: the ranked rows' places in it (`None`: the contest's
    /// entries have no such field).
    divisions: Vec<Option<Vec<Place>>>,
    awards: AwardsByRow,
    /// Every entry's total in each stage.
    carried: &'a Carried,
}

/// A row for each entry down the classification, with its places overall
/// and in each division and its awards: its stages' totals as
/// categories, the total of the last it reached.
fn rows_of(ended: &[Ended], made: &Made) -> Vec<ResultRow> {
    let stages = made.carried.per_entry;
    ended
        .par_iter()
        .enumerate()
        .map(|(i, end)| {
            let totals = &made.carried.values[end.entry as usize * stages..][..stages];
            ResultRow {
                entry: end.entry,
                values: Box::default(),
                categories: totals.iter().map(|&total| total.into()).collect(),
                total: totals[end.stage],
                flags: Box::default(),
                standing: Standing {
                    overall: made.overall.get(i).copied(),
                    divisions: made
                        .divisions
                        .iter()
                        .map(|places| places.as_ref().and_then(|p| p.get(i)).copied())
                        .collect(),
                },
                awards: made.awards.row(i),
                elements: Box::default(),
                trace: Box::default(),
            }
        })
        .collect()
}

/// The awards won, by ranked row: row `i`'s are `won[starts[i]..starts[i + 1]]`.
struct AwardsByRow {
    won: Vec<(u32, (u16, u16))>,
    starts: Vec<u32>,
}

impl AwardsByRow {
    /// From (row, (set, tier)) pairs, any order, over `ranked` rows.
    fn of(mut won: Vec<(u32, (u16, u16))>, ranked: usize) -> AwardsByRow {
        won.par_sort_unstable();
        let mut starts = vec![0u32; ranked + 1];
        for &(i, _) in &won {
            starts[i as usize + 1] += 1;
        }
        for i in 0..ranked {
            starts[i + 1] += starts[i];
        }
        AwardsByRow { won, starts }
    }

    /// Row `i`'s awards, by set (none past the ranked rows).
    fn row(&self, i: usize) -> Box<[(u16, u16)]> {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&from), Some(&to)) => self.won[from as usize..to as usize].iter().map(|&(_, award)| award).collect(),
            _ => Box::default(),
        }
    }
}

/// Every entry's total in each stage, and the last stage it reached.
fn carried(stages: &[StageResults], ended: &[Ended], count: usize) -> Carried {
    let mut reached = vec![None; count];
    for end in ended {
        reached[end.entry as usize] = Some(end.stage);
    }
    let mut values = vec![None; count * stages.len()];
    values.par_chunks_mut(stages.len().max(1)).enumerate().for_each(|(entry, totals)| {
        totals
            .iter_mut()
            .zip(stages)
            .for_each(|(total, stage)| *total = stage.total_of(entry as u32))
    });
    Carried {
        per_entry: stages.len(),
        values,
        reached,
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

/// By division, the ranked rows' places within its values, down the same
/// order (`None` where the entries have no such field).
fn division_places(inputs: &Inputs, rules: &Rules, ranked: &[Ended]) -> Vec<Option<Vec<Place>>> {
    let entries = &inputs.entries;
    let fields = rules.contest.divisions.iter();
    fields
        .map(|field| {
            entries
                .field_index(field)
                .map(|column| places_within(ranked, &group_ids(entries, ranked, Some(column))))
        })
        .collect()
}

/// Each ranked entry's value id in `column`: the group it is placed in
/// (one group, 0, without a column).
fn group_ids(entries: &Entries, ranked: &[Ended], column: Option<usize>) -> Vec<u32> {
    ranked
        .par_iter()
        .map(|end| column.map_or(0, |c| entries.value_id_of(&entries.list[end.entry as usize], c)))
        .collect()
}

/// Each ranked entry's place within its group (`ids`), in one pass down
/// the order: a run of equal keys in a group shares the place of its
/// first, as [`places_along`] places each group's own list (which, built
/// group by group, took a tenth of the classification).
fn places_within(ranked: &[Ended], ids: &[u32]) -> Vec<Place> {
    /// A group so far: members placed, and where its last run starts.
    #[derive(Clone, Copy)]
    struct Group {
        placed: u32,
        run: usize,
        key: (usize, Option<u32>),
    }
    // Group ids are the entries' value ids: small and dense, so a vector indexes them.
    let mut groups: Vec<Option<Group>> = Vec::new();
    let mut places: Vec<Place> = Vec::with_capacity(ranked.len());
    for (i, (end, &id)) in ranked.iter().zip(ids).enumerate() {
        let id = id as usize;
        if groups.len() <= id {
            groups.resize(id + 1, None);
        }
        let place = match &mut groups[id] {
            Some(group) if group.key == end.key() => {
                group.placed += 1;
                places[group.run].tied = true;
                Place {
                    rank: places[group.run].rank,
                    tied: true,
                }
            }
            group => {
                let placed = group.map_or(0, |g| g.placed);
                *group = Some(Group {
                    placed: placed + 1,
                    run: i,
                    key: end.key(),
                });
                Place {
                    rank: placed + 1,
                    tied: false,
                }
            }
        };
        places.push(place);
    }
    places
}

/// The ranked entries grouped by their `ids`, each group with its places:
/// (positions in `ranked`, places), groups in order of first appearance.
fn groups(ranked: &[Ended], ids: &[u32]) -> Vec<(Vec<usize>, Vec<Place>)> {
    let places = places_within(ranked, ids);
    let mut index: Vec<usize> = Vec::new();
    let mut found: Vec<(Vec<usize>, Vec<Place>)> = Vec::new();
    for (i, &id) in ids.iter().enumerate() {
        let id = id as usize;
        if index.len() <= id {
            index.resize(id + 1, usize::MAX);
        }
        if index[id] == usize::MAX {
            index[id] = found.len();
            found.push((Vec::new(), Vec::new()));
        }
        let (members, group_places) = &mut found[index[id]];
        members.push(i);
        group_places.push(places[i]);
    }
    found
}

/// Whether a veto took every award from the entry in the stage it ended in.
fn disqualified(stages: &[StageResults], end: &Ended) -> bool {
    let stage = &stages[end.stage];
    let rules = &stage.results.inputs.rules;
    // Where no veto disqualifies, no row is read (each a cache miss).
    let may = rules.vetoes.iter().any(|veto| matches!(veto.effect, VetoEffectRule::Disqualify));
    may && stage
        .local(end.entry)
        .is_some_and(|local| Flags::disqualify(&stage.row(local).flags, rules))
}

/// The contest's awards, each set walked down the classification (overall
/// or within each division value). Candidates are read only as far as the
/// tiers reach: whether a veto took an entry's awards is asked of those.
fn decide_awards(
    inputs: &Inputs,
    rules: &Rules,
    stages: &[StageResults],
    (ranked, overall): (&[Ended], &[Place]),
) -> Vec<(u32, (u16, u16))> {
    let entries = &inputs.entries;
    let order = rules.contest.ranking.order;
    let mut given = Vec::new();
    for (s, set) in rules.contest.awards.iter().enumerate() {
        let candidate = |i: usize, place: Place| Candidate {
            entry: i as u32,
            total: stages[ranked[i].stage].total_of(ranked[i].entry).unwrap_or(Decimal::ZERO),
            place,
            eligible: !disqualified(stages, &ranked[i]) && eligible(rules, entries, set, ranked[i].entry),
        };
        let won: Vec<(u32, u16)> = match &set.scope {
            Scope::Overall => award_group(
                set,
                order,
                ranked.len(),
                overall.iter().enumerate().map(|(i, &place)| candidate(i, place)),
            ),
            // Each division value's awards apart, in parallel.
            Scope::PerDivision(field) => groups(ranked, &group_ids(entries, ranked, entries.field_index(field)))
                .into_par_iter()
                .flat_map_iter(|(members, places)| {
                    let field = members.len();
                    award_group(
                        set,
                        order,
                        field,
                        members.into_iter().zip(places).map(|(i, place)| candidate(i, place)),
                    )
                })
                .collect(),
        };
        given.extend(won.into_iter().map(|(i, tier)| (i, (s as u16, tier))));
    }
    given
}

#[cfg(test)]
mod tests {
    use super::{places_along, places_within, Ended, Place};
    use proptest::prelude::*;

    proptest! {
        /// Placing every group in one pass is placing each group's own
        /// list in turn: a group's run of equal keys shares a place.
        #[test]
        fn places_within_groups_are_each_group_placed_alone(
            rows in proptest::collection::vec((0usize..3, proptest::option::weighted(0.9, 1u32..6), 0u32..4), 0..60),
        ) {
            let mut rows = rows;
            // Down the classification: by stage (latest first), then place.
            rows.sort_by_key(|&(stage, place, _)| (std::cmp::Reverse(stage), place.is_none(), place));
            let ranked: Vec<Ended> = rows
                .iter()
                .enumerate()
                .map(|(i, &(stage, rank, _))| Ended { entry: i as u32, stage, place: rank.map(|rank| Place { rank, tied: false }) })
                .collect();
            let ids: Vec<u32> = rows.iter().map(|&(_, _, id)| id).collect();
            let mut expected = vec![None; ranked.len()];
            for id in 0..4 {
                let members: Vec<usize> = (0..ranked.len()).filter(|&i| ids[i] == id).collect();
                let order: Vec<Ended> = members.iter().map(|&i| ranked[i]).collect();
                for (&i, place) in members.iter().zip(places_along(&order)) {
                    expected[i] = Some(place);
                }
            }
            let found: Vec<Option<Place>> = places_within(&ranked, &ids).into_iter().map(Some).collect();
            prop_assert_eq!(found, expected);
        }
    }
}
