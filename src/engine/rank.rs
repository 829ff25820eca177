//! Ranking: a sort key per entry (the total, then the tie-break cascade),
//! places that tied entries share (1, 2, 2, 4), overall and per division.

use super::components::*;
use crate::contest::{KindRule, Order, Rules, TieBreakRule};
use crate::data::{Entries, MarkSet};
use crate::say;
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

/// The names of the key parts, for explanations, in `lang`.
pub fn key_names(rules: &Rules, lang: crate::contest::Lang) -> Vec<String> {
    std::iter::once(say!(lang, "key-total"))
        .chain(rules.tie_breaks.iter().map(|t| match t {
            TieBreakRule::Category(c) => {
                let category = &rules.categories[*c];
                say!(lang, "key-category", label = category.label.get(lang), id = category.id)
            }
            TieBreakRule::Criterion(c) => say!(lang, "key-criterion", key = rules.criteria[*c].key),
            TieBreakRule::HighestMark(c) => say!(lang, "key-highest-mark", key = rules.criteria[*c].key),
            TieBreakRule::FewerDeductions => say!(lang, "key-fewer-deductions"),
            TieBreakRule::Field(name, _) => say!(lang, "key-field", name = name),
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
        TieBreakRule::Category(c) => KeyPart::Number(categories.0[*c].get()),
        TieBreakRule::Criterion(c) => KeyPart::Number(values.0[*c].get()),
        TieBreakRule::HighestMark(c) => KeyPart::Number(highest_mark(rules, &inputs.marks, entry, *c)),
        // Deductions too large to add up come last, as a missing value does.
        TieBreakRule::FewerDeductions => KeyPart::Number(super::exact::sum(
            (0..rules.criteria.len())
                .filter(|&c| matches!(rules.criteria[c].kind, KindRule::Deduction { .. }))
                .filter_map(|c| values.0[c].get())
                .map(|v| v.abs()),
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
    let marks = marks.entry(entry as usize);
    (rule.first_slot..rule.first_slot + rule.slot_count as u16)
        .flat_map(|slot| marks.in_slot(slot))
        .map(|m| Decimal::new(m.units as i64, rule.range.scale))
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
#[derive(Default)]
pub struct EncodedKeys {
    pub width: usize,
    pub parts: Vec<i128>,
    directions: Vec<Order>,
    /// The scale each column's numbers were encoded at; `None` for a column
    /// holding text, encoded as dense ranks (a new value cannot join those
    /// without encoding the whole column again).
    scales: Vec<Option<u32>>,
}

impl EncodedKeys {
    pub fn of(&self, i: usize) -> &[i128] {
        &self.parts[i * self.width..(i + 1) * self.width]
    }

    /// How many keys.
    pub fn len(&self) -> usize {
        self.parts.len().checked_div(self.width).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Encodes `count` keys, one column at a time: `column(c, i)` is part c
    /// of entry i's key. A column of numbers is read twice, for its finest
    /// scale and then straight into the keys: at a million entries, a
    /// column of parts and one of integers made on the way cost more (in
    /// fresh memory) than the reading. Only a column holding text (or a
    /// number too large to rescale) is held whole, and ranked.
    pub fn encode(count: usize, directions: &[Order], column: impl Fn(usize, usize) -> KeyPart + Sync) -> EncodedKeys {
        let width = directions.len();
        let mut parts = vec![0i128; count * width];
        let mut scales = Vec::with_capacity(width);
        for (c, &order) in directions.iter().enumerate() {
            let number = |i: usize| match column(c, i) {
                KeyPart::Number(n) => Some(n),
                KeyPart::Text(_) => None,
            };
            let scale = (0..count)
                .into_par_iter()
                .map(|i| number(i).map(|n| n.map_or(0, |n| n.scale())))
                .try_reduce(|| 0, |a, b| Some(a.max(b)));
            let encoded = scale.filter(|&scale| {
                parts
                    .par_chunks_mut(width)
                    .enumerate()
                    .all(|(i, key)| match number(i).and_then(|n| encode_number(n, scale, order)) {
                        Some(value) => {
                            key[c] = value;
                            true
                        }
                        None => false,
                    })
            });
            if encoded.is_none() {
                let values: Vec<KeyPart> = (0..count).into_par_iter().map(|i| column(c, i)).collect();
                let ranks = dense_ranks(&values, order);
                parts.par_chunks_mut(width).zip(ranks).for_each(|(key, rank)| key[c] = rank);
            }
            scales.push(encoded);
        }
        EncodedKeys {
            width,
            parts,
            directions: directions.to_vec(),
            scales,
        }
    }

    /// One more key encoded as these were, or `None` when it cannot be
    /// without encoding a column again (text, or a number finer than the
    /// column's scale).
    pub fn encode_one(&self, key: &[KeyPart]) -> Option<Vec<i128>> {
        key.iter()
            .zip(self.scales.iter().zip(&self.directions))
            .map(|(part, (scale, order))| match (part, scale) {
                (KeyPart::Number(n), Some(scale)) if n.is_none_or(|n| n.scale() <= *scale) => encode_number(*n, *scale, *order),
                _ => None,
            })
            .collect()
    }
}

/// Numbers as integers at their largest scale (as [`encode_number`]), or
/// `None` if one is too large to rescale: sorted far quicker than decimals.
pub fn encode_decimals(values: &[Option<Decimal>], order: Order) -> Option<Vec<i128>> {
    let scale = values.iter().flatten().map(Decimal::scale).max().unwrap_or(0);
    values.iter().map(|&n| encode_number(n, scale, order)).collect()
}

/// A number as an integer at `scale` (at least its own), smaller is better;
/// a missing one last. `None` if it is too large to rescale.
fn encode_number(n: Option<Decimal>, scale: u32, order: Order) -> Option<i128> {
    let Some(n) = n else { return Some(i128::MAX) };
    let value = n.mantissa().checked_mul(10i128.checked_pow(scale - n.scale())?)?;
    Some(match order {
        Order::HigherIsBetter => -value,
        Order::LowerIsBetter => value,
    })
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

/// For keys in best-first order: the number of the run of equal keys each
/// belongs to. Tied entries share a run; a run's entries are adjacent.
pub fn runs<'k>(keys: impl Iterator<Item = &'k [i128]>) -> Vec<u32> {
    let mut previous: Option<&[i128]> = None;
    let mut run = 0;
    keys.map(|key| {
        if previous.is_some_and(|p| p != key) {
            run += 1;
        }
        previous = Some(key);
        run
    })
    .collect()
}

/// One group's state while placing: how many of it are placed so far, and
/// the last one placed (its index) and its run.
#[derive(Debug, Clone, Copy)]
pub struct Seen {
    pub count: u32,
    pub last: usize,
    pub run: u32,
}

impl Seen {
    /// A group with nobody placed yet.
    pub const NONE: Seen = Seen {
        count: 0,
        last: usize::MAX,
        run: u32::MAX,
    };
}

/// Places for entries in best-first order, given as (group id, run) each
/// (entries of one run have equal keys), continuing from each group's
/// state in `seen`: an entry shares the place of the one before it in its
/// group when they are of one run (1, 2, 2, 4), and is `tied` when it
/// shares a place. The i-th entry gets `places[i]`, and `ordinals[i]`: how
/// many of its group are placed up to it.
pub fn assign_places(places: &mut [Place], ordinals: &mut [u32], ranked: impl Iterator<Item = (u32, u32)>, seen: &mut [Seen]) {
    for (i, (group, run)) in ranked.enumerate() {
        let seen = &mut seen[group as usize];
        seen.count += 1;
        ordinals[i] = seen.count;
        if seen.last != usize::MAX && seen.run == run {
            let rank = places[seen.last].rank;
            places[seen.last].tied = true;
            places[i] = Place { rank, tied: true };
        } else {
            places[i] = Place {
                rank: seen.count,
                tied: false,
            };
        }
        (seen.last, seen.run) = (i, run);
    }
}

/// The field in order, kept in the World between runs: when a few entries
/// change (a live event), each moves from its old position to its new one,
/// instead of the whole field being encoded and sorted again; and awards
/// walk it from the top. Everything is kept by position, so that the passes
/// over the field read and write memory in order.
#[derive(Resource, Default)]
pub struct Ranking {
    /// How keys are encoded (each column's scale and direction).
    format: EncodedKeys,
    /// The ranked (complete) entries, best first; full ties in entry order.
    rows: Vec<Ranked>,
    /// Their sort keys, `format.width` parts each, in the same order.
    keys: Vec<i128>,
    /// Each entry's position in `rows`, or `UNRANKED`.
    positions: Vec<u32>,
    /// Each scope's group id per entry and number of ids: overall (one
    /// group), then each division.
    scopes: Vec<(Vec<u32>, usize)>,
    /// Each row's place in each scope.
    places: Vec<Vec<Place>>,
    /// Each row's ordinal in its group in each scope: how many of the group
    /// rank up to it (so that places can be computed again from any row on).
    ordinals: Vec<Vec<u32>>,
    /// The rows whose places may have changed since they were last placed.
    window: Option<std::ops::Range<usize>>,
    /// The entries whose scores changed in the last run; `None`: all.
    changed: Option<Vec<u32>>,
    /// The entries whose scores or places the last run changed; `None`: all.
    touched: Option<Vec<u32>>,
    /// Runs so far: a system that keeps something of its own from the
    /// last run knows whether `changed` covers everything since.
    pub generation: u64,
}

/// A ranked entry, with what awards read of it.
#[derive(Debug, Clone, Copy)]
pub struct Ranked {
    pub entry: u32,
    pub total: Decimal,
    pub disqualified: bool,
    /// Its key equals the one of the row above (a tie).
    tied_above: bool,
}

const UNRANKED: u32 = u32::MAX;

/// More changed entries than this are ranked by sorting the field again.
const FEW: usize = 256;

impl Ranking {
    /// The ranked entries, best first.
    pub fn rows(&self) -> &[Ranked] {
        &self.rows
    }

    /// Each entry's group id in `division` (or overall), and the number of ids.
    pub fn scope(&self, division: Option<usize>) -> (&[u32], usize) {
        let (group, groups) = &self.scopes[division.map_or(0, |d| d + 1)];
        (group, *groups)
    }

    /// The positions in `rows` of each `wanted` group of `division` (or
    /// overall), each best first.
    pub fn groups(&self, division: Option<usize>, wanted: &[bool]) -> Vec<Vec<u32>> {
        let (group, groups) = self.scope(division);
        let mut buckets = vec![Vec::new(); groups];
        for (position, row) in self.rows.iter().enumerate() {
            let id = group[row.entry as usize] as usize;
            if wanted[id] {
                buckets[id].push(position as u32);
            }
        }
        buckets.retain(|b| !b.is_empty());
        buckets
    }

    /// The place of the row at `position` overall (`None`) or in a division.
    pub fn place_at(&self, position: usize, division: Option<usize>) -> Place {
        self.places[division.map_or(0, |d| d + 1)][position]
    }

    /// Entry `entry`'s place overall (`None`) or in a division; `None` if unranked.
    pub fn place(&self, entry: u32, division: Option<usize>) -> Option<Place> {
        let position = self.positions[entry as usize];
        (position != UNRANKED).then(|| self.place_at(position as usize, division))
    }

    fn key(&self, position: usize) -> &[i128] {
        let width = self.format.width;
        &self.keys[position * width..(position + 1) * width]
    }

    /// Everything again: every key encoded, the field sorted.
    fn rebuild(&mut self, inputs: &Inputs, scored: Vec<(Scored, bool)>) {
        let rules = &inputs.rules;
        let count = scored.len();
        let keys = EncodedKeys::encode(count, &directions(rules), |part, e| key_part(inputs, part, scored[e].0));
        let mut order: Vec<u32> = (0..count as u32).filter(|&e| scored[e as usize].0 .1 .0.is_some()).collect();
        order.par_sort_unstable_by(|&a, &b| keys.of(a as usize).cmp(keys.of(b as usize)).then(a.cmp(&b)));
        self.rows = order.par_iter().map(|&e| ranked(scored[e as usize])).collect();
        // Let go of each copy as soon as it is used: at national scale they are tens of megabytes.
        drop(scored);
        let ranked_count = order.len();
        let mut unranked = vec![true; count];
        order.iter().for_each(|&e| unranked[e as usize] = false);
        order.extend((0..count as u32).filter(|&e| unranked[e as usize]));
        drop(unranked);
        let mut keys = keys;
        permute(&mut keys.parts, keys.width, &order);
        keys.parts.truncate(ranked_count * keys.width);
        self.keys = std::mem::take(&mut keys.parts);
        self.format = keys;
        self.positions = vec![UNRANKED; count];
        self.renumber(0..ranked_count);
        drop(order);
        let (keys, width) = (&self.keys, self.format.width);
        let key = |position: usize| &keys[position * width..(position + 1) * width];
        self.rows
            .par_iter_mut()
            .enumerate()
            .skip(1)
            .for_each(|(position, row)| row.tied_above = key(position - 1) == key(position));
        let divisions = rules.contest.divisions.iter().map(|field| group_ids(&inputs.entries, field));
        self.scopes = std::iter::once((vec![0; count], 1)).chain(divisions).collect();
        self.window = Some(0..self.rows.len());
    }

    /// Adds `range` to the rows to place again.
    fn widen(&mut self, range: std::ops::Range<usize>) {
        self.window = Some(match self.window.take() {
            Some(window) => window.start.min(range.start)..window.end.max(range.end),
            None => range,
        });
    }

    /// Records where the rows in `range` now are.
    fn renumber(&mut self, range: std::ops::Range<usize>) {
        for position in range {
            self.positions[self.rows[position].entry as usize] = position as u32;
        }
    }

    /// Whether the row at `position` (if there is one) ties with the row above.
    fn check_tie(&mut self, position: usize) {
        if position < self.rows.len() {
            self.rows[position].tied_above = position > 0 && self.key(position - 1) == self.key(position);
        }
    }

    /// The first position in `range` whose row does not rank before an
    /// entry with `key` (the rows in `range` are in order).
    fn insertion_point(&self, range: std::ops::Range<usize>, key: &[i128], entry: u32) -> usize {
        let (mut low, mut high) = (range.start, range.end);
        while low < high {
            let middle = (low + high) / 2;
            if (self.key(middle), self.rows[middle].entry) < (key, entry) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low
    }

    /// Moves each changed entry from its old position to its new one,
    /// shifting only the rows between; false if a key needs the whole field
    /// encoded again.
    fn update(&mut self, inputs: &Inputs, changed: &[(Scored, bool)]) -> bool {
        let width = self.format.width;
        for &(scored, disqualified) in changed {
            let Some(key) = self.format.encode_one(&sort_key(inputs, scored)) else {
                return false;
            };
            let (entry, row) = (scored.0, || ranked((scored, disqualified)));
            let (old, now_ranked) = (self.positions[entry as usize], scored.1 .0.is_some());
            // The rows whose neighbour above may have changed.
            let neighbours: [usize; 4];
            if old == UNRANKED {
                if !now_ranked {
                    continue;
                }
                // Newly complete: in where its key goes.
                let new = self.insertion_point(0..self.rows.len(), &key, entry);
                self.rows.insert(new, row());
                self.keys.splice(new * width..new * width, key);
                self.renumber(new..self.rows.len());
                // Everyone below moves down a place.
                self.widen(new..self.rows.len());
                neighbours = [new, new + 1, new, new + 1];
            } else if !now_ranked {
                // No longer complete (a mark withdrawn): out of the order.
                let old = old as usize;
                self.rows.remove(old);
                self.keys.drain(old * width..(old + 1) * width);
                self.positions[entry as usize] = UNRANKED;
                self.renumber(old..self.rows.len());
                self.widen(old..self.rows.len());
                neighbours = [old; 4];
            } else {
                // Moved: up past the rows it now beats, or down past those that now beat it.
                let old = old as usize;
                self.rows[old] = row();
                self.keys[old * width..(old + 1) * width].copy_from_slice(&key);
                let up = self.insertion_point(0..old, &key, entry);
                let down = self.insertion_point(old + 1..self.rows.len(), &key, entry);
                let new = if up < old {
                    self.rows[up..=old].rotate_right(1);
                    self.keys[up * width..(old + 1) * width].rotate_right(width);
                    self.renumber(up..old + 1);
                    up
                } else if down > old + 1 {
                    self.rows[old..down].rotate_left(1);
                    self.keys[old * width..down * width].rotate_left(width);
                    self.renumber(old..down);
                    down - 1
                } else {
                    old
                };
                // Only the rows between moved.
                self.widen(old.min(new)..old.max(new) + 1);
                neighbours = [old, old + 1, new, new + 1];
            }
            for position in neighbours {
                self.check_tie(position);
            }
        }
        true
    }

    /// The entries whose scores or places the last run changed; `None`: all.
    pub fn touched(&self) -> Option<&[u32]> {
        self.touched.as_deref()
    }

    /// The entries whose scores changed in the last run; `None`: all.
    pub fn changed(&self) -> Option<&[u32]> {
        self.changed.as_deref()
    }

    /// Places the rows in the window again, in every scope (the rows above
    /// it keep theirs, and so do those below: the same rows are above them),
    /// and notes what the run changed: the `changed` entries (`None`: all)
    /// and the rows placed again.
    fn place_window(&mut self, changed: Option<Vec<u32>>) {
        let length = self.rows.len();
        let window = self.window.take().unwrap_or(length..length);
        // Whole runs, and the runs just above and below: a tie there may have
        // been made or broken.
        let mut start = window.start.min(length).saturating_sub(1);
        while start > 0 && self.rows[start].tied_above {
            start -= 1;
        }
        let mut end = (window.end + 1).min(length);
        while end < length && self.rows[end].tied_above {
            end += 1;
        }
        let rows = &self.rows;
        self.places.resize_with(self.scopes.len(), Vec::new);
        self.ordinals.resize_with(self.scopes.len(), Vec::new);
        for ((places, ordinals), (group, groups)) in self.places.iter_mut().zip(self.ordinals.iter_mut()).zip(&self.scopes) {
            places.resize(length, Place::default());
            ordinals.resize(length, 0);
            let group_of = |position: usize| group[rows[position].entry as usize];
            let mut seen = vec![Seen::NONE; *groups];
            // Each group in the window continues from its last row above.
            let mut wanted = vec![false; *groups];
            let mut missing = 0;
            for position in start..end {
                let g = group_of(position) as usize;
                missing += usize::from(!wanted[g]);
                wanted[g] = true;
            }
            for position in (0..start).rev() {
                if missing == 0 {
                    break;
                }
                let g = group_of(position) as usize;
                if wanted[g] {
                    (wanted[g], seen[g].count) = (false, ordinals[position]);
                    missing -= 1;
                }
            }
            let runs = rows[start..end].iter().scan(0, |run, row| {
                *run += u32::from(!row.tied_above);
                Some(*run)
            });
            let ranked = (start..end).map(group_of).zip(runs);
            assign_places(&mut places[start..end], &mut ordinals[start..end], ranked, &mut seen);
        }
        self.touched = changed.as_ref().map(|changed| {
            let mut touched: Vec<u32> = rows[start..end].iter().map(|r| r.entry).chain(changed.iter().copied()).collect();
            touched.sort_unstable();
            touched.dedup();
            touched
        });
        self.changed = changed;
        self.generation += 1;
    }
}

/// Rearranges `parts` (chunks of `width`) in place so that chunk i becomes
/// the chunk that was at `order[i]` (`order` a permutation), following each
/// cycle with one chunk held aside: no second copy of the keys.
fn permute(parts: &mut [i128], width: usize, order: &[u32]) {
    let mut done = vec![false; order.len()];
    let mut held = vec![0i128; width];
    for start in 0..order.len() {
        if done[start] {
            continue;
        }
        held.copy_from_slice(&parts[start * width..(start + 1) * width]);
        let mut at = start;
        loop {
            done[at] = true;
            let from = order[at] as usize;
            if from == start {
                parts[at * width..(at + 1) * width].copy_from_slice(&held);
                break;
            }
            parts.copy_within(from * width..(from + 1) * width, at * width);
            at = from;
        }
    }
}

/// A ranked entry's row, from what was scored.
fn ranked(((entry, total, _, _), disqualified): (Scored, bool)) -> Ranked {
    Ranked {
        entry,
        total: total.0.expect("ranked entries have totals"),
        disqualified,
        tied_above: false,
    }
}

/// Each entry's group id by the value of an entry field (the value's
/// interned id, so no text is compared), and the number of ids.
fn group_ids(entries: &Entries, field: &str) -> (Vec<u32>, usize) {
    let Some(column) = entries.field_index(field) else {
        return (vec![0; entries.list.len()], 1);
    };
    let group: Vec<u32> = entries.list.par_iter().map(|entry| entries.value_id_of(entry, column)).collect();
    let groups = group.iter().max().map_or(1, |&g| g as usize + 1);
    (group, groups)
}

/// The entries whose scores changed since ranking last ran.
type ChangedScores = Or<(Changed<Total>, Changed<CategoryScores>, Changed<CriterionValues>, Changed<Flags>)>;

/// What ranking reads of an entry.
type ScoredQuery = (
    &'static EntryIndex,
    &'static Total,
    &'static CategoryScores,
    &'static CriterionValues,
    &'static Flags,
);

fn scored_row<'a>(
    rules: &Rules,
    (index, total, categories, values, flags): (&EntryIndex, &'a Total, &'a CategoryScores, &'a CriterionValues, &Flags),
) -> (Scored<'a>, bool) {
    ((index.0, total, categories, values), flags.disqualified(rules))
}

/// Places overall and per division. The order is kept (in `Ranking`): when
/// few entries changed since the last run, only they move.
pub fn rank_entries(
    inputs: Res<Inputs>,
    mut ranking: ResMut<Ranking>,
    scored: Query<ScoredQuery>,
    changed: Query<ScoredQuery, ChangedScores>,
    entities: Res<EntryEntities>,
    mut standings: Query<(&EntryIndex, &mut Standing)>,
) {
    let count = inputs.entries.list.len();
    let row = |item| scored_row(&inputs.rules, item);
    // More than `FEW` means sorting everyone again: no need to hold them all.
    let changed: Vec<(Scored, bool)> = changed.iter().take(FEW + 1).map(row).collect();
    // Scopes are made by the first run: a contest without entries has
    // none kept, and its awards still ask for them.
    let kept = ranking.positions.len() == count && !ranking.scopes.is_empty();
    if changed.is_empty() && kept {
        return;
    }
    // Moving a few is cheaper than sorting all; moving many is not.
    let few = kept && changed.len() <= FEW;
    if few && ranking.update(&inputs, &changed) {
        ranking.place_window(Some(changed.iter().map(|c| c.0 .0).collect()));
    } else {
        drop(changed);
        // The World spawns entries in their order, and a query reads them
        // so unless one has moved (an explained entry carries a trace).
        let mut by_entry: Vec<(Scored, bool)> = scored.iter().map(row).collect();
        if !by_entry.is_sorted_by_key(|(scored, _)| scored.0) {
            by_entry.par_sort_unstable_by_key(|(scored, _)| scored.0);
        }
        assert!(
            by_entry.iter().enumerate().all(|(i, (scored, _))| scored.0 as usize == i) && by_entry.len() == count,
            "every entry has one entity"
        );
        ranking.rebuild(&inputs, by_entry);
        ranking.place_window(None);
    }
    // Written only where a place changed, so a live change touches few
    // entities; every entity, in parallel, after a sort of the field.
    let divisions = ranking.scopes.len() - 1;
    let write = |entry: u32, standing: &mut Standing| {
        standing.overall = ranking.place(entry, None);
        standing.divisions.clear();
        standing.divisions.extend((0..divisions).map(|d| ranking.place(entry, Some(d))));
    };
    match ranking.touched() {
        Some(touched) => {
            for &entry in touched {
                let (_, mut standing) = standings.get_mut(entities.0[entry as usize]).expect("an entry's entity");
                write(entry, &mut standing);
            }
        }
        None => super::par_for_each(&mut standings, |(index, mut standing)| write(index.0, &mut standing)),
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

    /// Places for keys given best first.
    fn places(keys: &EncodedKeys, group: &[u32], groups: usize) -> Vec<Place> {
        let runs = runs((0..keys.len()).map(|i| keys.of(i)));
        let mut places = vec![Place::default(); keys.len()];
        let mut ordinals = vec![0; keys.len()];
        assign_places(
            &mut places,
            &mut ordinals,
            group.iter().copied().zip(runs),
            &mut vec![Seen::NONE; groups],
        );
        places
    }

    #[test]
    fn keys_are_rearranged_in_place_by_a_permutation() {
        let mut parts: Vec<i128> = vec![10, 11, 20, 21, 30, 31, 40, 41];
        permute(&mut parts, 2, &[2, 0, 3, 1]);
        assert_eq!(parts, vec![30, 31, 10, 11, 40, 41, 20, 21]);
    }

    #[test]
    fn ties_share_a_rank_and_the_next_rank_skips() {
        let keys = encode(vec![key(90), key(85), key(85), key(70)]);
        let places = places(&keys, &[0, 0, 0, 0], 1);
        let ranks: Vec<(u32, bool)> = places.iter().map(|p| (p.rank, p.tied)).collect();
        assert_eq!(ranks, vec![(1, false), (2, true), (2, true), (4, false)]);
    }

    #[test]
    fn ranks_within_groups() {
        let keys = encode(vec![key(90), key(85), key(80), key(80)]);
        let places = places(&keys, &[0, 1, 0, 1], 2);
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
