//! Ranking: a sort key per entry (the total, then the tie-break cascade),
//! places that tied entries share (1, 2, 2, 4), overall and per division.

use super::components::*;
use crate::contest::{KindRule, Order, Rules, TieBreakRule};
use crate::data::{Entries, MarkSet};
use bevy_ecs::prelude::*;
use rayon::prelude::*;
use rust_decimal::Decimal;
use std::cmp::Ordering;

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

/// What ranking reads of one entry.
pub type Scored<'a> = (u32, &'a Total, &'a CategoryScores, &'a CriterionValues);

/// Part `part` of an entry's sort key: 0 is the total, then each tie-break.
pub fn key_part(inputs: &Inputs, part: usize, (entry, total, categories, values): Scored) -> KeyPart {
    let rules = &inputs.rules;
    let Some(tie_break) = part.checked_sub(1).map(|t| &rules.tie_breaks[t]) else {
        return KeyPart::Number(total.0);
    };
    match tie_break {
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
    }
}

/// An entry's whole sort key.
pub fn sort_key(inputs: &Inputs, scored: Scored) -> Vec<KeyPart> {
    (0..=inputs.rules.tie_breaks.len())
        .map(|part| key_part(inputs, part, scored))
        .collect()
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

/// Sort keys encoded as integers, `width` parts per entry, oriented so that
/// smaller is better and a missing value is last. Comparing them is exact
/// and cheap, which matters when a million entries are sorted.
pub struct EncodedKeys {
    pub width: usize,
    pub parts: Vec<i128>,
}

impl EncodedKeys {
    pub fn of(&self, i: usize) -> &[i128] {
        &self.parts[i * self.width..(i + 1) * self.width]
    }

    /// Encodes `count` keys, one column at a time: `column(c, i)` is part c
    /// of entry i's key. Building a column at a time keeps only one column
    /// of decimals in memory, not a million small keys.
    pub fn encode(count: usize, directions: &[Order], column: impl Fn(usize, usize) -> KeyPart + Sync) -> EncodedKeys {
        let width = directions.len();
        let mut parts = vec![0i128; count * width];
        for (c, &order) in directions.iter().enumerate() {
            let values: Vec<KeyPart> = (0..count).into_par_iter().map(|i| column(c, i)).collect();
            let encoded = encode_numbers(&values, order).unwrap_or_else(|| dense_ranks(&values, order));
            for (i, value) in encoded.into_iter().enumerate() {
                parts[i * width + c] = value;
            }
        }
        EncodedKeys { width, parts }
    }
}

/// A column of numbers as integers at the column's largest scale, or `None`
/// if it holds text or a value too large to rescale.
fn encode_numbers(values: &[KeyPart], order: Order) -> Option<Vec<i128>> {
    let mut scale = 0;
    for value in values {
        match value {
            KeyPart::Number(Some(n)) => scale = scale.max(n.scale()),
            KeyPart::Number(None) => {}
            KeyPart::Text(_) => return None,
        }
    }
    values
        .iter()
        .map(|value| match value {
            KeyPart::Number(Some(n)) => {
                let value = n.mantissa().checked_mul(10i128.checked_pow(scale - n.scale())?)?;
                Some(match order {
                    Order::HigherIsBetter => -value,
                    Order::LowerIsBetter => value,
                })
            }
            _ => Some(i128::MAX),
        })
        .collect()
}

/// A column as dense ranks (0 = best) by `compare`: the slow, general way.
fn dense_ranks(values: &[KeyPart], order: Order) -> Vec<i128> {
    let orders = [order];
    let part = |i: usize| std::slice::from_ref(&values[i]);
    let mut sorted: Vec<usize> = (0..values.len()).collect();
    sorted.sort_by(|&a, &b| compare(part(a), part(b), &orders));
    let mut ranks = vec![0i128; values.len()];
    let mut rank = 0;
    for w in 0..sorted.len() {
        if w > 0 && compare(part(sorted[w - 1]), part(sorted[w]), &orders) != Ordering::Equal {
            rank += 1;
        }
        ranks[sorted[w]] = rank;
    }
    ranks
}

/// Places for entries already sorted best first, within groups (`group[i]`
/// is entry i's group id, below `groups`): an entry shares the place of the
/// one before it in its group when their keys are equal (1, 2, 2, 4), and is
/// `tied` when it shares a place with anyone.
pub fn assign_places(sorted: &[usize], keys: &EncodedKeys, group: &[u32], groups: usize) -> Vec<Place> {
    let mut places = vec![Place::default(); group.len()];
    // Per group: how many placed so far, and the last entry placed.
    let mut state: Vec<(u32, usize)> = vec![(0, usize::MAX); groups];
    for &i in sorted {
        let seen = &mut state[group[i] as usize];
        seen.0 += 1;
        let previous = seen.1;
        if previous != usize::MAX && keys.of(previous) == keys.of(i) {
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

/// Each entry's group id by the value of an entry field (the value's
/// interned id, so no text is compared), and the number of ids.
fn group_ids(entries: &Entries, rows: &[(u32, bool)], field: &str) -> (Vec<u32>, usize) {
    let Some(column) = entries.field_index(field) else {
        return (vec![0; rows.len()], 1);
    };
    let group: Vec<u32> = rows
        .iter()
        .map(|(entry, _)| entries.value_id_of(&entries.list[*entry as usize], column))
        .collect();
    let groups = group.iter().max().map_or(1, |&g| g as usize + 1);
    (group, groups)
}

pub fn rank_entries(inputs: Res<Inputs>, mut query: Query<(&EntryIndex, &Total, &CategoryScores, &CriterionValues, &mut Standing)>) {
    let rules = &inputs.rules;
    let directions = directions(rules);
    let scored: Vec<Scored> = query
        .iter()
        .map(|(index, total, categories, values, _)| (index.0, total, categories, values))
        .collect();
    let keys = EncodedKeys::encode(scored.len(), &directions, |part, i| key_part(&inputs, part, scored[i]));
    let rows: Vec<(u32, bool)> = scored.iter().map(|s| (s.0, s.1 .0.is_some())).collect();
    drop(scored);
    let mut sorted: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].1).collect();
    // Entry order breaks full ties only for display; tied entries share a place.
    sorted.par_sort_unstable_by(|&a, &b| keys.of(a).cmp(keys.of(b)).then(rows[a].0.cmp(&rows[b].0)));
    let overall = assign_places(&sorted, &keys, &vec![0; rows.len()], 1);
    let by_division: Vec<Vec<Place>> = rules
        .contest
        .divisions
        .iter()
        .map(|field| {
            let (group, groups) = group_ids(&inputs.entries, &rows, field);
            assign_places(&sorted, &keys, &group, groups)
        })
        .collect();
    // The query visits entities in the same order as above.
    for (i, (_, total, _, _, mut standing)) in query.iter_mut().enumerate() {
        let ranked = total.0.is_some();
        standing.overall = ranked.then_some(overall[i]);
        standing.divisions.clear();
        standing
            .divisions
            .extend(by_division.iter().map(|places| ranked.then_some(places[i])));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: i64) -> Vec<KeyPart> {
        vec![KeyPart::Number(Some(Decimal::from(n)))]
    }

    fn encode(keys: Vec<Vec<KeyPart>>) -> EncodedKeys {
        EncodedKeys::encode(keys.len(), &[Order::HigherIsBetter], |part, i| keys[i][part].clone())
    }

    #[test]
    fn ties_share_a_rank_and_the_next_rank_skips() {
        let keys = encode(vec![key(90), key(85), key(85), key(70)]);
        let places = assign_places(&[0, 1, 2, 3], &keys, &[0, 0, 0, 0], 1);
        let ranks: Vec<(u32, bool)> = places.iter().map(|p| (p.rank, p.tied)).collect();
        assert_eq!(ranks, vec![(1, false), (2, true), (2, true), (4, false)]);
    }

    #[test]
    fn ranks_within_groups() {
        let keys = encode(vec![key(90), key(85), key(80), key(80)]);
        let places = assign_places(&[0, 1, 2, 3], &keys, &[0, 1, 0, 1], 2);
        let ranks: Vec<u32> = places.iter().map(|p| p.rank).collect();
        assert_eq!(ranks, vec![1, 1, 2, 2]);
        assert!(places.iter().all(|p| !p.tied));
    }

    #[test]
    fn encoded_keys_order_like_compare() {
        let keys = [
            vec![KeyPart::Number(Some(Decimal::new(855, 1)))],
            vec![KeyPart::Number(None)],
            vec![KeyPart::Number(Some(Decimal::new(8550, 2)))],
            vec![KeyPart::Number(Some(Decimal::from(90)))],
            vec![KeyPart::Text("b".into())],
        ];
        for order in [Order::HigherIsBetter, Order::LowerIsBetter] {
            let encoded = EncodedKeys::encode(keys.len(), &[order], |part, i| keys[i][part].clone());
            for a in 0..keys.len() {
                for b in 0..keys.len() {
                    assert_eq!(
                        encoded.of(a).cmp(encoded.of(b)),
                        compare(&keys[a], &keys[b], &[order]),
                        "{a} vs {b}"
                    );
                }
            }
        }
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
