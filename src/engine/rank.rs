//! Ranking: a sort key per entry (the total, then the tie-break cascade),
//! places that tied entries share (1, 2, 2, 4), overall and per division.

use super::components::*;
use crate::contest::{KindRule, Order, Rules, TieBreakRule};
use crate::data::{Entries, MarkSet};
use bevy_ecs::prelude::*;
use rayon::prelude::*;
use rust_decimal::Decimal;
use std::cmp::Ordering;
use std::collections::HashMap;

/// One part of a sort key; parts compare in the direction the rules give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyPart {
    Number(Option<Decimal>),
    Text(String),
}

impl std::fmt::Display for KeyPart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyPart::Number(Some(n)) => write!(f, "{n}"),
            KeyPart::Number(None) => write!(f, "–"),
            KeyPart::Text(t) => write!(f, "{t}"),
        }
    }
}

/// The direction of each key part: the total's, then each tie-break's.
pub fn directions(rules: &Rules) -> Vec<Order> {
    std::iter::once(rules.contest.ranking.order)
        .chain(rules.tie_breaks.iter().map(|t| match t {
            TieBreakRule::FewerDeductions => Order::LowerIsBetter,
            TieBreakRule::Field(_, order) => *order,
            _ => Order::HigherIsBetter,
        }))
        .collect()
}

/// The names of the key parts, for explanations.
pub fn key_names(rules: &Rules) -> Vec<String> {
    std::iter::once("total".to_string())
        .chain(rules.tie_breaks.iter().map(|t| match t {
            TieBreakRule::Category(c) => format!("category {}", rules.categories[*c].id),
            TieBreakRule::Criterion(c) => rules.criteria[*c].key.clone(),
            TieBreakRule::HighestMark(c) => format!("highest single mark in {}", rules.criteria[*c].key),
            TieBreakRule::FewerDeductions => "fewer deductions".into(),
            TieBreakRule::Field(name, _) => format!("field {name}"),
        }))
        .collect()
}

pub fn sort_key(inputs: &Inputs, entry: u32, total: &Total, categories: &CategoryScores, values: &CriterionValues) -> Vec<KeyPart> {
    let rules = &inputs.rules;
    let mut key = Vec::with_capacity(1 + rules.tie_breaks.len());
    key.push(KeyPart::Number(total.0));
    for tie_break in &rules.tie_breaks {
        key.push(match tie_break {
            TieBreakRule::Category(c) => KeyPart::Number(categories.0[*c]),
            TieBreakRule::Criterion(c) => KeyPart::Number(values.0[*c]),
            TieBreakRule::HighestMark(c) => KeyPart::Number(highest_mark(rules, &inputs.marks, entry, *c)),
            TieBreakRule::FewerDeductions => KeyPart::Number(Some(
                (0..rules.criteria.len())
                    .filter(|&c| matches!(rules.criteria[c].kind, KindRule::Deduction { .. }))
                    .filter_map(|c| values.0[c])
                    .map(|v| v.abs())
                    .sum(),
            )),
            TieBreakRule::Field(name, _) => field_part(&inputs.entries, entry, name),
        });
    }
    key
}

fn highest_mark(rules: &Rules, marks: &MarkSet, entry: u32, criterion: usize) -> Option<Decimal> {
    let rule = &rules.criteria[criterion];
    let slots = rule.first_slot..rule.first_slot + rule.slot_count as u16;
    marks
        .of_entry(entry as usize)
        .iter()
        .filter(|m| slots.contains(&m.slot))
        .map(|m| MarkSet::value(rules, m))
        .max()
}

fn field_part(entries: &Entries, entry: u32, name: &str) -> KeyPart {
    let value = entries.field(&entries.list[entry as usize], name).unwrap_or("");
    match crate::contest::parse_decimal(value) {
        Some(n) => KeyPart::Number(Some(n)),
        None if value.is_empty() => KeyPart::Number(None),
        None => KeyPart::Text(value.to_string()),
    }
}

/// Orders two keys, better first. Missing values come last either way;
/// numbers come before text.
pub fn compare(a: &[KeyPart], b: &[KeyPart], directions: &[Order]) -> Ordering {
    for ((x, y), order) in a.iter().zip(b).zip(directions) {
        let ordering = match (x, y) {
            (KeyPart::Number(Some(x)), KeyPart::Number(Some(y))) => match order {
                Order::HigherIsBetter => y.cmp(x),
                Order::LowerIsBetter => x.cmp(y),
            },
            (KeyPart::Text(x), KeyPart::Text(y)) => match order {
                Order::HigherIsBetter => y.cmp(x),
                Order::LowerIsBetter => x.cmp(y),
            },
            (KeyPart::Number(None), KeyPart::Number(None)) => Ordering::Equal,
            (KeyPart::Number(None), _) | (KeyPart::Text(_), KeyPart::Number(Some(_))) => Ordering::Greater,
            (_, KeyPart::Number(None)) | (KeyPart::Number(Some(_)), KeyPart::Text(_)) => Ordering::Less,
        };
        if ordering != Ordering::Equal {
            return ordering;
        }
    }
    Ordering::Equal
}

/// Places for entries already sorted best first, within groups: an entry
/// shares the place of the one before it in its group when their keys are
/// equal (1, 2, 2, 4), and is `tied` when it shares a place with anyone.
pub fn assign_places<G: Eq + std::hash::Hash>(sorted: &[usize], keys: &[Vec<KeyPart>], group: impl Fn(usize) -> G) -> Vec<Place> {
    let mut places = vec![Place::default(); keys.len()];
    // Per group: how many placed so far, and the last entry placed.
    let mut state: HashMap<G, (u32, usize)> = HashMap::new();
    for &i in sorted {
        let seen = state.entry(group(i)).or_insert((0, usize::MAX));
        seen.0 += 1;
        let previous = seen.1;
        if previous != usize::MAX && keys[previous] == keys[i] {
            places[i] = Place {
                rank: places[previous].rank,
                tied: true,
            };
            places[previous].tied = true;
        } else {
            places[i] = Place { rank: seen.0, tied: false };
        }
        seen.1 = i;
    }
    places
}

pub fn rank_entries(inputs: Res<Inputs>, mut query: Query<(&EntryIndex, &Total, &CategoryScores, &CriterionValues, &mut Standing)>) {
    let rules = &inputs.rules;
    let directions = directions(rules);
    let rows: Vec<(u32, Vec<KeyPart>, bool)> = query
        .iter()
        .map(|(index, total, categories, values, _)| (index.0, sort_key(&inputs, index.0, total, categories, values), total.0.is_some()))
        .collect();
    let keys: Vec<Vec<KeyPart>> = rows.iter().map(|r| r.1.clone()).collect();
    let mut sorted: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].2).collect();
    // Entry order breaks full ties only for display; tied entries share a place.
    sorted.par_sort_by(|&a, &b| compare(&keys[a], &keys[b], &directions).then(rows[a].0.cmp(&rows[b].0)));
    let overall = assign_places(&sorted, &keys, |_| ());
    let entries = &inputs.entries;
    let by_division: Vec<Vec<Place>> = rules
        .contest
        .divisions
        .iter()
        .map(|field| {
            let column = entries.field_index(field);
            assign_places(&sorted, &keys, |i| {
                column.map(|c| entries.list[rows[i].0 as usize].fields[c].as_str())
            })
        })
        .collect();
    let position: HashMap<u32, usize> = rows.iter().enumerate().map(|(i, r)| (r.0, i)).collect();
    for (index, total, _, _, mut standing) in &mut query {
        let i = position[&index.0];
        let ranked = total.0.is_some();
        standing.overall = ranked.then_some(overall[i]);
        standing.divisions = by_division.iter().map(|places| ranked.then_some(places[i])).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: i64) -> Vec<KeyPart> {
        vec![KeyPart::Number(Some(Decimal::from(n)))]
    }

    #[test]
    fn ties_share_a_rank_and_the_next_rank_skips() {
        let keys = vec![key(90), key(85), key(85), key(70)];
        let places = assign_places(&[0, 1, 2, 3], &keys, |_| ());
        let ranks: Vec<(u32, bool)> = places.iter().map(|p| (p.rank, p.tied)).collect();
        assert_eq!(ranks, vec![(1, false), (2, true), (2, true), (4, false)]);
    }

    #[test]
    fn ranks_within_groups() {
        let keys = vec![key(90), key(85), key(80), key(80)];
        let groups = ["a", "b", "a", "b"];
        let places = assign_places(&[0, 1, 2, 3], &keys, |i| groups[i]);
        let ranks: Vec<u32> = places.iter().map(|p| p.rank).collect();
        assert_eq!(ranks, vec![1, 1, 2, 2]);
        assert!(places.iter().all(|p| !p.tied));
    }

    #[test]
    fn lower_is_better_and_missing_last() {
        let lower = [Order::LowerIsBetter];
        assert_eq!(compare(&key(10), &key(12), &lower), Ordering::Less);
        let missing = vec![KeyPart::Number(None)];
        assert_eq!(compare(&missing, &key(0), &lower), Ordering::Greater);
        assert_eq!(compare(&missing, &key(0), &[Order::HigherIsBetter]), Ordering::Greater);
    }
}
