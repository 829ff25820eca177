//! Contests run in stages. Each stage is scored by the engine as a contest
//! of its own over the entries that reached it, with the earlier totals it
//! carries as categories; its rule decides who goes on; the last stage
//! reached decides each entry's place in the classification.

pub mod advance;
mod classify;
pub mod live;

pub use advance::{Outcome, Reason};
pub use classify::classification;

use crate::contest::{AdvanceRule, Order, StageRules};
use crate::data::{Mark, MarkSet, Panels};
use crate::engine::{self, Carried, Inputs, Place, Results};
use rayon::prelude::*;
use rust_decimal::Decimal;
use std::sync::Arc;

/// A stage's results, with what the stage layer adds.
pub struct StageResults {
    /// The stage scored as a contest: its entries numbered within the stage.
    pub results: Results,
    /// Each stage entry's number in the contest (ascending).
    pub entries: Vec<u32>,
    /// By stage entry: the stage's own score (the total less what it carried).
    pub own: Vec<Option<Decimal>>,
    /// By stage entry: the place by the stage's own score (ties shared).
    pub own_places: Vec<Option<Place>>,
    /// By stage entry: how far behind the leader its total is.
    pub behind: Vec<Option<Decimal>>,
    /// By stage entry: whether it went on, and why.
    pub outcomes: Vec<Outcome>,
    /// The stage entry's row in `results.rows`.
    row_of: Vec<usize>,
    /// By contest entry: its stage number (`u32::MAX`: it did not take part).
    local_of: Vec<u32>,
    /// By stage entry: its total, read in order (the classification reads
    /// every entry's total of every stage: from the rows, each a cache miss).
    totals: Vec<Option<Decimal>>,
}

impl StageResults {
    /// The stage number of a contest entry that took part.
    pub fn local(&self, entry: u32) -> Option<u32> {
        self.local_of.get(entry as usize).copied().filter(|&local| local != u32::MAX)
    }

    pub fn row(&self, local: u32) -> &engine::ResultRow {
        &self.results.rows[self.row_of[local as usize]]
    }

    /// A contest entry's total in this stage, if it took part and has one.
    pub fn total_of(&self, entry: u32) -> Option<Decimal> {
        self.local(entry).and_then(|local| self.totals[local as usize])
    }

    /// The contest entries that go on, ascending.
    pub fn qualifiers(&self) -> Vec<u32> {
        self.entries
            .iter()
            .zip(&self.outcomes)
            .filter(|(_, outcome)| matches!(outcome, Outcome::Through(_)))
            .map(|(&entry, _)| entry)
            .collect()
    }
}

/// Every stage's results and the classification.
pub struct Staged {
    pub stages: Vec<StageResults>,
    /// The final classification, as results every output reads: a
    /// "category" per stage (its total) and each entry's place.
    pub classification: Results,
}

impl Staged {
    /// The last stage a contest entry took part in.
    pub fn reached(&self, entry: u32) -> Option<usize> {
        self.stages.iter().rposition(|stage| stage.local(entry).is_some())
    }
}

/// Scores a contest run in stages; `traced` entries (contest numbers) carry
/// the engine's trace in every stage they reach.
pub fn score(inputs: Inputs, traced: &[u32]) -> Staged {
    let rules = inputs.rules.clone();
    let mut stopwatch = crate::timings::Stopwatch::start();
    let mut done: Vec<StageResults> = Vec::with_capacity(rules.stages.len());
    for stage in &rules.stages {
        let field = match stage.takes {
            Some(earlier) => done[earlier].qualifiers(),
            None => (0..inputs.entries.list.len() as u32).collect(),
        };
        let local_traced: Vec<u32> = traced
            .iter()
            .filter_map(|e| field.binary_search(e).ok().map(|i| i as u32))
            .collect();
        let stage_inputs = stage_inputs(&inputs, stage, &field, &done);
        stopwatch.lap("stage inputs");
        let results = engine::score(stage_inputs, &local_traced);
        done.push(decide(stage, results, field, inputs.entries.list.len()));
        stopwatch.lap("stage");
    }
    let classification = classification(&inputs, &done);
    stopwatch.lap("classified");
    Staged {
        stages: done,
        classification,
    }
}

/// The results every board, chart and report reads: the contest's, or for
/// a contest run in stages its classification.
pub fn final_results(inputs: Inputs, traced: &[u32]) -> Results {
    if inputs.rules.stages.is_empty() {
        engine::score(inputs, traced)
    } else {
        score(inputs, traced).classification
    }
}

/// Which entries reached the stage of each criterion, as the marks stand:
/// a later stage's paper sheets list only the entries that reached it.
pub struct Reach {
    /// By contest criterion: its stage.
    stage_of_criterion: Vec<usize>,
    /// By contest entry: the last stage it reached.
    reached: Vec<Option<usize>>,
}

impl Reach {
    pub fn of(inputs: Inputs) -> Reach {
        let rules = inputs.rules.clone();
        Reach::from_staged(&rules, &score(inputs, &[]))
    }

    /// Who reached which stage in `staged`, a scoring of the contest `rules`.
    pub fn from_staged(rules: &crate::contest::Rules, staged: &Staged) -> Reach {
        let count = staged.classification.inputs.entries.list.len() as u32;
        Reach {
            stage_of_criterion: rules
                .criteria
                .iter()
                .map(|c| {
                    rules
                        .stages
                        .iter()
                        .position(|s| s.slots[c.first_slot as usize].is_some())
                        .unwrap_or(0)
                })
                .collect(),
            reached: (0..count).map(|entry| staged.reached(entry)).collect(),
        }
    }

    /// Whether the entry reached the stage that scores the criterion.
    pub fn reached(&self, entry: u32, criterion: usize) -> bool {
        self.reached[entry as usize].is_some_and(|last| last >= self.stage_of_criterion[criterion])
    }
}

/// An entry whose result carries flags: its number in the contest, the
/// rules of the stage that flagged it, and the flags.
pub type Flagged = (u32, Arc<crate::contest::Rules>, Box<[engine::Flag]>);

/// What scoring tells `check` and `status`, from one scoring.
pub struct Scrutiny {
    /// Each entry's flags (contest numbers, best first), with the rules that
    /// name their criteria: the contest's, or in a contest run in stages
    /// every stage's where the entry has any.
    pub flagged: Vec<Flagged>,
    /// In a contest run in stages: marks scoring leaves out (`unreached_marks`).
    pub unreached: Option<crate::error::Diagnostic>,
    /// In a contest run in stages: a stage that sent no one on (`none_through`).
    pub none_through: Option<crate::error::Diagnostic>,
}

/// Scores the contest once for what `check` and `status` report.
pub fn scrutinise(inputs: Inputs) -> Scrutiny {
    if inputs.rules.stages.is_empty() {
        let results = engine::score(inputs, &[]);
        let rules = results.inputs.rules.clone();
        let flagged = results
            .rows
            .into_iter()
            .filter(|row| !row.flags.is_empty())
            .map(|row| (row.entry, rules.clone(), row.flags))
            .collect();
        return Scrutiny {
            flagged,
            unreached: None,
            none_through: None,
        };
    }
    let staged = score(inputs.clone(), &[]);
    let unreached = unreached_marks(&inputs, &staged);
    let none_through = none_through(&inputs, &staged);
    let mut flagged = Vec::new();
    for stage in staged.stages {
        let rules = stage.results.inputs.rules.clone();
        for row in stage.results.rows {
            if !row.flags.is_empty() {
                flagged.push((stage.entries[row.entry as usize], rules.clone(), row.flags));
            }
        }
    }
    Scrutiny {
        flagged,
        unreached,
        none_through,
    }
}

/// Entries without a heat in a stage every entry takes part in: they would
/// all meet in one heat of their own, and its winners go on unopposed.
pub fn heatless_entries(
    rules: &crate::contest::Rules,
    entries: &crate::data::Entries,
    file: &std::path::Path,
) -> crate::error::Diagnostics {
    let mut problems = crate::error::Diagnostics::default();
    for (k, stage) in rules.stages.iter().enumerate() {
        let Some(AdvanceRule::Heats { field, .. }) = stage.advance.as_ref().map(|a| &a.rule) else {
            continue;
        };
        if stage.takes.is_some() {
            // Heats drawn among qualifiers may be filled in once they are known.
            continue;
        }
        let missing: Vec<&str> = entries
            .list
            .iter()
            .filter(|e| entries.field(e, field).is_some_and(str::is_empty))
            .map(|e| &*e.id)
            .collect();
        if missing.is_empty() {
            continue;
        }
        let named: Vec<&str> = missing.iter().take(10).copied().collect();
        let message = crate::msg!(
            "stage-heat-missing",
            count = missing.len(),
            field = field,
            stage = rules.contest.stages[k].id,
            entries = named.join(", ")
        );
        problems
            .push(crate::error::Diagnostic::new(file, field.as_str(), message).help(crate::msg!("stage-heat-missing-help", field = field)));
    }
    problems
}

/// A stage with ranked entries that sent none of them on (a `Share` too
/// small for the field, an `AtLeast` nobody reached): the next stage is
/// empty and the classification ends there, so `check` says so.
pub fn none_through(inputs: &Inputs, staged: &Staged) -> Option<crate::error::Diagnostic> {
    let rules = &inputs.rules;
    let (k, done) = rules.stages.iter().zip(&staged.stages).enumerate().find(|(_, (stage, done))| {
        !stage.last && done.results.rows.iter().any(|r| r.standing.overall.is_some()) && done.qualifiers().is_empty()
    })?;
    let ranked = done.1.results.rows.iter().filter(|r| r.standing.overall.is_some()).count();
    let message = crate::msg!("stage-none-through", stage = rules.contest.stages[k].id, ranked = ranked);
    let path = &rules.path;
    let mut warning = crate::error::Diagnostic::new(path, format!("stages[{k}].advance"), message)
        .help(crate::msg!("stage-none-through-help"))
        .warning();
    let anchor = format!("\"{}\"", rules.contest.stages[k].id);
    if let Some((line, column)) = crate::contest::locate(&rules.source, &["stages", &anchor, "advance"]) {
        warning = warning.at(line, column);
    }
    Some(warning)
}

/// Marks of entries for a stage they did not reach, which scoring leaves
/// out (a clerk typed a finalist's sheet under the wrong number, or the
/// preliminary changed): a warning naming the stage and the entries.
pub fn unreached_marks(inputs: &Inputs, staged: &Staged) -> Option<crate::error::Diagnostic> {
    let rules = &inputs.rules;
    let mut found: Vec<(usize, Vec<u32>)> = Vec::new();
    for (k, (stage, done)) in rules.stages.iter().zip(&staged.stages).enumerate() {
        let strays: Vec<u32> = (0..inputs.entries.list.len() as u32)
            .filter(|&e| done.local(e).is_none())
            .filter(|&e| {
                inputs
                    .marks
                    .of_entry(e as usize)
                    .iter()
                    .any(|m| stage.slots[m.slot as usize].is_some())
            })
            .collect();
        if !strays.is_empty() {
            found.push((k, strays));
        }
    }
    let (k, strays) = found.first()?;
    let named: Vec<&str> = strays.iter().take(10).map(|&e| &*inputs.entries.list[e as usize].id).collect();
    let stage = &rules.stages[*k];
    let message = crate::msg!(
        "stage-marks-unreached",
        count = strays.len(),
        stage = stage.label.get(crate::i18n::spoken()),
        entries = named.join(&crate::say!(crate::i18n::spoken(), "list-separator"))
    );
    let sources = crate::load::Sources::of(rules, None);
    Some(
        crate::error::Diagnostic::new(&sources.marks, "", message)
            .help(crate::msg!("stage-marks-unreached-help"))
            .warning(),
    )
}

/// What each stage scored, with every mark kept (`podium status` counts
/// the marks each stage expects of the entries that reached it).
pub fn inputs_of_stages(inputs: &Inputs, staged: &Staged) -> Vec<Inputs> {
    let rules = &inputs.rules;
    rules
        .stages
        .iter()
        .zip(&staged.stages)
        .map(|(stage, done)| stage_inputs(inputs, stage, &done.entries, &staged.stages))
        .collect()
}

/// What the engine scores for a stage: its entries, their marks of the
/// stage's criteria (renumbered), element data and carried totals.
fn stage_inputs(inputs: &Inputs, stage: &StageRules, field: &[u32], done: &[StageResults]) -> Inputs {
    let rules = stage.rules.clone();
    // A stage everyone takes part in (the first, as a rule) has the
    // contest's entries, numbered as they are.
    let entries = match field.len() == inputs.entries.list.len() {
        true => Arc::clone(&inputs.entries),
        false => Arc::new(inputs.entries.subset(field)),
    };
    let marks = stage_marks(inputs, stage, field);
    let elements = inputs.elements.for_stage(field, &stage.slots);
    let carried = Carried {
        per_entry: stage.carry.len(),
        values: field
            .iter()
            .flat_map(|&entry| stage.carry.iter().map(move |&(earlier, _)| done[earlier].total_of(entry)))
            .collect(),
        reached: Vec::new(),
    };
    let panels = Panels::new(&rules, &entries);
    Inputs {
        rules,
        entries,
        marks: Arc::new(marks),
        elements: Arc::new(elements),
        panels: Arc::new(panels),
        carried: Arc::new(carried),
    }
}

/// Each entry's marks of the stage's slots, renumbered as the stage's, in
/// the stage's order of its entries.
fn stage_marks(inputs: &Inputs, stage: &StageRules, field: &[u32]) -> MarkSet {
    let grouped = |(marks, counts): (Vec<Mark>, Vec<u32>)| {
        MarkSet::from_grouped(marks, &counts).expect("a cell of the contest is one cell of the stage")
    };
    // An entry's marks are sorted by slot: where the stage's slots are one
    // run of the contest's, numbered on from the run's first (as a stage's
    // categories are unless the contest lists them apart), its marks are
    // one run of the entry's.
    let first = stage.slots.iter().position(Option::is_some).unwrap_or(0);
    let past = stage.slots.iter().rposition(Option::is_some).map_or(0, |last| last + 1);
    if !(first..past).all(|slot| stage.slots[slot] == Some((slot - first) as u16)) {
        let mut marks = Vec::new();
        let counts = field
            .iter()
            .map(|&entry| {
                let before = marks.len();
                let of_stage = inputs.marks.of_entry(entry as usize).iter();
                marks.extend(of_stage.filter_map(|mark| stage.slots[mark.slot as usize].map(|slot| Mark { slot, ..*mark })));
                (marks.len() - before) as u32
            })
            .collect();
        return grouped((marks, counts));
    }
    // The stage reads the contest's pool in place, its slots numbered on
    // from `first`: nothing copied (at a hundred thousand entries, copying
    // was most of what running in stages cost).
    // Entries mostly have the same marks: where the entry before had its
    // run is tried first (a binary search missed the cache at each step).
    let runs: Vec<(u32, u32)> = field
        .par_iter()
        .map_init(
            || (0, 0),
            |(from_before, to_before), &entry| {
                let (start, _) = inputs.marks.ranges[entry as usize];
                let marks = inputs.marks.of_entry(entry as usize);
                let from = boundary(marks, first, *from_before);
                let to = boundary(marks, past, *to_before).max(from);
                (*from_before, *to_before) = (from, to);
                (start + from as u32, (to - from) as u32)
            },
        )
        .collect();
    inputs.marks.runs(runs, first as u16)
}

/// Where in an entry's `marks` (sorted by slot) the slots from `slot` on
/// start: at `guess` if it is there, else found by halving.
fn boundary(marks: &[Mark], slot: usize, guess: usize) -> usize {
    let below = |i: usize| (marks[i].slot as usize) < slot;
    match guess <= marks.len() && (guess == 0 || below(guess - 1)) && (guess == marks.len() || !below(guess)) {
        true => guess,
        false => marks.partition_point(|m| (m.slot as usize) < slot),
    }
}

/// The stage layer over a stage's results: own scores and places, the
/// distance to the leader, and who goes on.
fn decide(stage: &StageRules, results: Results, entries: Vec<u32>, contest_entries: usize) -> StageResults {
    let rules = &results.inputs.rules;
    let order = rules.contest.ranking.order;
    let count = entries.len();
    let carried = stage.carry.len();
    let leader = results.rows.first().and_then(|r| r.total);
    // The scores and places, who goes on, and where each contest entry is
    // in the stage are found side by side, none reading another.
    let standings = || {
        // Read down the rows in their order, each entry's numbers put at its
        // place: reading the rows by entry missed the cache at every row.
        let (own_down, behind_down): (Vec<Option<Decimal>>, Vec<Option<Decimal>>) = results
            .rows
            .par_iter()
            .map(|row| {
                let carried: Option<Decimal> = row.categories[..carried].iter().map(|c| c.get()).sum();
                let own = row.total.zip(carried).map(|(total, carried)| total - carried);
                let behind = row.total.zip(leader).map(|(total, leader)| match order {
                    Order::HigherIsBetter => leader - total,
                    Order::LowerIsBetter => total - leader,
                });
                (own, behind)
            })
            .unzip();
        let own_places = places_down(&results.rows, &own_down, order);
        let (mut row_of, mut own, mut behind, mut totals) = (vec![0; count], vec![None; count], vec![None; count], vec![None; count]);
        for (i, row) in results.rows.iter().enumerate() {
            let local = row.entry as usize;
            (row_of[local], own[local], behind[local], totals[local]) = (i, own_down[i], behind_down[i], row.total);
        }
        let own_places = own_places.unwrap_or_else(|| places_by(&own, order));
        (row_of, own, behind, totals, own_places)
    };
    let going_on = || {
        let mut by_local = vec![Outcome::Last; count];
        for (row, outcome) in results.rows.iter().zip(outcomes(stage, &results, order)) {
            by_local[row.entry as usize] = outcome;
        }
        by_local
    };
    let numbers = || {
        let mut local_of = vec![u32::MAX; contest_entries];
        for (local, &entry) in entries.iter().enumerate() {
            local_of[entry as usize] = local as u32;
        }
        local_of
    };
    let ((row_of, own, behind, totals, own_places), (by_local, local_of)) = rayon::join(standings, || rayon::join(going_on, numbers));
    StageResults {
        results,
        entries,
        own,
        own_places,
        behind,
        outcomes: by_local,
        row_of,
        local_of,
        totals,
    }
}

/// Each row's outcome, in the rows' order (best first).
fn outcomes(stage: &StageRules, results: &Results, order: Order) -> Vec<Outcome> {
    if stage.last {
        return vec![Outcome::Last; results.rows.len()];
    }
    let advance = stage.advance.as_ref();
    let entries = &results.inputs.entries;
    let value =
        |entry: u32, field: Option<&str>| -> &str { field.and_then(|f| entries.field(&entries.list[entry as usize], f)).unwrap_or("") };
    let heat_field = match advance.map(|a| &a.rule) {
        Some(AdvanceRule::Heats { field, .. }) => Some(field.as_str()),
        _ => None,
    };
    let cap_field = advance.and_then(|a| a.cap.as_ref()).map(|(f, _)| f.as_str());
    let candidates: Vec<advance::Candidate> = results
        .rows
        .par_iter()
        .map(|row| advance::Candidate {
            place: row.standing.overall,
            total: row.total,
            heat: value(row.entry, heat_field),
            group: value(row.entry, cap_field),
        })
        .collect();
    advance::decide(advance, order, &candidates)
}

/// Places by the rows' own scores (`own`, down the rows), by stage entry,
/// found in one pass where the rows already list them best first (as
/// where a stage carries nothing: its rows are in order of their totals);
/// `None` where they do not, to be placed by [`places_by`].
fn places_down(rows: &[engine::ResultRow], own: &[Option<Decimal>], order: Order) -> Option<Vec<Option<Place>>> {
    let scored = own.iter().take_while(|s| s.is_some()).count();
    let in_order = own[..scored].windows(2).all(|pair| match order {
        Order::HigherIsBetter => pair[0] >= pair[1],
        Order::LowerIsBetter => pair[0] <= pair[1],
    });
    if !in_order || own[scored..].iter().any(Option::is_some) {
        return None;
    }
    let mut places = vec![None; rows.len()];
    let mut start = 0;
    while start < scored {
        let end = start + own[start..scored].iter().take_while(|s| **s == own[start]).count();
        for row in &rows[start..end] {
            places[row.entry as usize] = Some(Place {
                rank: start as u32 + 1,
                tied: end - start > 1,
            });
        }
        start = end;
    }
    Some(places)
}

/// Places by a score (ties shared), in the score's order; `None` unranked.
pub fn places_by(scores: &[Option<Decimal>], order: Order) -> Vec<Option<Place>> {
    let ranked = best_first_by(scores, order);
    let mut places = vec![None; scores.len()];
    let mut start = 0;
    while start < ranked.len() {
        let end = start + ranked[start..].iter().take_while(|(s, _)| *s == ranked[start].0).count();
        for &(_, i) in &ranked[start..end] {
            places[i as usize] = Some(Place {
                rank: start as u32 + 1,
                tied: end - start > 1,
            });
        }
        start = end;
    }
    places
}

/// The scored ones of `scores` best first, as (a key equal for equal
/// scores, index): whole numbers at the scores' finest scale where they
/// fit (a hundred thousand decimals sorted as decimals took a tenth of a
/// stage's deciding), else dense ranks of the decimals sorted.
fn best_first_by(scores: &[Option<Decimal>], order: Order) -> Vec<(i128, u32)> {
    let keys = engine::rank::encode_decimals(scores, order).unwrap_or_else(|| {
        let mut sorted: Vec<(Decimal, usize)> = scores.iter().enumerate().filter_map(|(i, s)| s.map(|s| (s, i))).collect();
        sorted.par_sort_by(|a, b| match order {
            Order::HigherIsBetter => b.0.cmp(&a.0),
            Order::LowerIsBetter => a.0.cmp(&b.0),
        });
        let mut keys = vec![i128::MAX; scores.len()];
        let mut rank = 0;
        for (w, &(score, i)) in sorted.iter().enumerate() {
            rank += i128::from(w > 0 && sorted[w - 1].0 != score);
            keys[i] = rank;
        }
        keys
    });
    let mut ranked: Vec<(i128, u32)> = (0..scores.len())
        .filter(|&i| scores[i].is_some())
        .map(|i| (keys[i], i as u32))
        .collect();
    ranked.par_sort_unstable();
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A place by its definition: one more than the scores better than it,
    /// tied when another score equals it.
    fn places_counted(scores: &[Option<Decimal>], order: Order) -> Vec<Option<Place>> {
        let better = |a: Decimal, b: Decimal| match order {
            Order::HigherIsBetter => a > b,
            Order::LowerIsBetter => a < b,
        };
        scores
            .iter()
            .map(|s| {
                let s = (*s)?;
                let scored = scores.iter().flatten();
                Some(Place {
                    rank: 1 + scored.clone().filter(|&&o| better(o, s)).count() as u32,
                    tied: scored.filter(|&&o| o == s).count() > 1,
                })
            })
            .collect()
    }

    /// A bare result row of stage entry `entry`.
    fn row_of_entry(entry: u32) -> engine::ResultRow {
        engine::ResultRow {
            entry,
            values: Box::default(),
            categories: Box::default(),
            total: None,
            flags: Box::default(),
            standing: engine::Standing::default(),
            awards: Box::default(),
            elements: Box::default(),
            trace: Box::default(),
        }
    }

    #[test]
    fn places_are_shared_by_equal_scores_whatever_their_places_written() {
        let d = |s: &str| Some(s.parse::<Decimal>().unwrap());
        let scores = [d("9.5"), None, d("9.50"), d("10"), d("-1"), d("9.499")];
        let places: Vec<Option<(u32, bool)>> = places_by(&scores, Order::HigherIsBetter)
            .into_iter()
            .map(|p| p.map(|p| (p.rank, p.tied)))
            .collect();
        assert_eq!(
            places,
            [
                Some((2, true)),
                None,
                Some((2, true)),
                Some((1, false)),
                Some((5, false)),
                Some((4, false))
            ]
        );
        // Too large to rescale to the finest places: ranked as decimals.
        let huge = [Some(Decimal::MAX), d("0.0000000000000000000000000001"), Some(Decimal::MAX), None];
        assert_eq!(places_by(&huge, Order::LowerIsBetter), places_counted(&huge, Order::LowerIsBetter));
    }

    proptest::proptest! {
        /// Places from whole-number keys are the places by definition, for
        /// scores of any places, signs and sizes, in either order.
        #[test]
        fn places_by_keys_are_places_by_definition(
            scores in proptest::collection::vec(proptest::option::weighted(0.9, (-3000i64..3000, 0u32..4)), 0..60),
            huge in proptest::bool::weighted(0.1),
            lower in proptest::bool::ANY,
        ) {
            let mut scores: Vec<Option<Decimal>> = scores.into_iter().map(|s| s.map(|(m, scale)| Decimal::new(m, scale))).collect();
            if huge {
                scores.push(Some(Decimal::MAX));
                scores.push(Some(Decimal::new(1, 28)));
            }
            let order = if lower { Order::LowerIsBetter } else { Order::HigherIsBetter };
            proptest::prop_assert_eq!(places_by(&scores, order), places_counted(&scores, order));
        }

        /// Places found down rows already in order of their scores are the
        /// places by definition; rows out of that order are left to
        /// `places_by`.
        #[test]
        fn places_down_rows_in_order_are_places_by_definition(
            scores in proptest::collection::vec(proptest::option::weighted(0.85, (-30i64..30, 0u32..3)), 0..40),
            shuffle in proptest::collection::vec(proptest::num::usize::ANY, 40),
            sort in proptest::bool::weighted(0.8),
            lower in proptest::bool::ANY,
        ) {
            let order = if lower { Order::LowerIsBetter } else { Order::HigherIsBetter };
            let mut down: Vec<Option<Decimal>> = scores.into_iter().map(|s| s.map(|(m, scale)| Decimal::new(m, scale))).collect();
            if sort {
                // Best first, unscored last: as a stage that carries nothing lists its rows.
                down.sort_by(|a, b| match (a, b, order) {
                    (Some(a), Some(b), Order::HigherIsBetter) => b.cmp(a),
                    (Some(a), Some(b), Order::LowerIsBetter) => a.cmp(b),
                    _ => b.is_some().cmp(&a.is_some()),
                });
            }
            // Each row's stage entry: the rows' order is not the entries'.
            let mut entries: Vec<u32> = (0..down.len() as u32).collect();
            for (i, &k) in shuffle.iter().enumerate().take(entries.len()) {
                let j = k % entries.len();
                entries.swap(i, j);
            }
            let rows: Vec<engine::ResultRow> = entries.iter().map(|&entry| row_of_entry(entry)).collect();
            let mut by_entry = vec![None; down.len()];
            for (row, score) in rows.iter().zip(&down) {
                by_entry[row.entry as usize] = *score;
            }
            match places_down(&rows, &down, order) {
                Some(places) => proptest::prop_assert_eq!(places, places_counted(&by_entry, order)),
                None => proptest::prop_assert!(!sort, "rows in order were not placed in one pass"),
            }
        }
    }
}
