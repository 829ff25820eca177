//! Category scores, vetoes and the total.

use super::components::trace_say;
use super::components::*;
use super::par_for_each;
use super::round::{at_level, round};
use crate::contest::rules::VetoEffectRule;
use crate::contest::{CategoryRule, CategoryScore, KindRule, Lang, Rules};
use bevy_ecs::prelude::*;
use rust_decimal::Decimal;

/// What a criterion adds to its category: its points, except that a Flag
/// adds nothing and a PassFail adds its points only when passed.
pub fn contribution(rules: &Rules, criterion: usize, value: Decimal) -> Decimal {
    match rules.criteria[criterion].kind {
        KindRule::Flag => Decimal::ZERO,
        KindRule::PassFail { points } => {
            if value >= Decimal::ONE {
                points
            } else {
                Decimal::ZERO
            }
        }
        _ => value,
    }
}

/// Why a category score or a total is not there.
enum Unscored {
    /// An input is unscored (and flagged already).
    Missing,
    /// The result is beyond the largest exact decimal.
    TooLarge,
}

/// Adds up `values`: `Missing` if one is `None`, `TooLarge` on overflow.
fn add_up(values: impl Iterator<Item = Option<Decimal>>) -> Result<Decimal, Unscored> {
    let mut sum = Decimal::ZERO;
    for value in values {
        sum = sum.checked_add(value.ok_or(Unscored::Missing)?).ok_or(Unscored::TooLarge)?;
    }
    Ok(sum)
}

/// Records a score left out as too large (`category` `None`: the total).
fn flag_too_large(outcome: &Result<Decimal, Unscored>, category: Option<usize>, flags: &mut Flags) {
    if let Err(Unscored::TooLarge) = outcome {
        flags.0.push(Flag::TooLarge {
            category: category.map(|c| c as u16),
        });
    }
}

pub fn sum_categories(
    inputs: Res<Inputs>,
    mut query: Query<(&EntryIndex, &CriterionValues, &mut CategoryScores, &mut Flags, Option<&mut Trace>)>,
) {
    let rules = &inputs.rules;
    par_for_each(&mut query, |(entry, values, mut scores, mut flags, mut trace)| {
        with_room(&mut scores.0, rules.categories.len());
        for (c, category) in rules.categories.iter().enumerate() {
            let points = match category.carried {
                Some(carried) => carried_points(&inputs, entry.0, carried, category, &mut trace),
                None => add_up(category.criteria.clone().map(|k| values.0[k].map(|v| contribution(rules, k, v)))),
            };
            let score = points.and_then(|points| category_score(rules, category, points, &mut trace));
            flag_too_large(&score, Some(c), &mut flags);
            scores.0[c] = score.ok();
        }
    });
}

/// The earlier stage's total an entry carries into this stage: missing
/// when the entry has none (it did not finish that stage).
fn carried_points(
    inputs: &Inputs,
    entry: u32,
    carried: usize,
    category: &CategoryRule,
    trace: &mut Option<Mut<Trace>>,
) -> Result<Decimal, Unscored> {
    let total = inputs.carried.get(entry, carried);
    Trace::note(trace, || {
        let stage = Words::new(category.label.get(Lang::Zh).into(), category.label.get(Lang::En).into());
        match total {
            Some(total) => trace_say!("trace-carried", stage = stage, total = total),
            None => trace_say!("trace-carried-none", stage = stage),
        }
    });
    total.ok_or(Unscored::Missing)
}

/// A category's score from the sum of its criteria's points.
fn category_score(rules: &Rules, category: &CategoryRule, points: Decimal, trace: &mut Option<Mut<Trace>>) -> Result<Decimal, Unscored> {
    let scaled = match category.score {
        CategoryScore::Share => points
            .checked_div(category.max_points)
            .and_then(|share| share.checked_mul(category.weight)),
        CategoryScore::Sum => points.checked_mul(category.weight),
    }
    .ok_or(Unscored::TooLarge)?;
    let floored = category.floor.map_or(scaled, |floor| scaled.max(floor));
    let r = &rules.contest.rounding;
    let score = at_level(floored, r.category, &[r.total]);
    Trace::note(trace, || {
        let (id, max, weight) = (&category.id, category.max_points.normalize(), category.weight.normalize());
        match category.score {
            CategoryScore::Share => trace_say!(
                "trace-category-share",
                id = id,
                points = points,
                max = max,
                weight = weight,
                score = score
            ),
            CategoryScore::Sum => trace_say!("trace-category-sum", id = id, points = points, weight = weight, score = score),
        }
    });
    Ok(score)
}

pub fn apply_vetoes(inputs: Res<Inputs>, mut query: Query<(&CriterionValues, &mut CategoryScores, &mut Flags, Option<&mut Trace>)>) {
    let rules = &inputs.rules;
    if rules.vetoes.is_empty() {
        return;
    }
    let criteria = rules.criteria.len();
    par_for_each(&mut query, |(values, mut categories, mut flags, mut trace)| {
        for (v, veto) in rules.vetoes.iter().enumerate() {
            let var = |i: usize| if i < criteria { values.0[i] } else { categories.0[i - criteria] };
            // A condition over an unscored input cannot be decided; the entry
            // is incomplete and flagged already.
            let Ok(held) = veto.when.eval(&var) else { continue };
            if held.is_zero() {
                continue;
            }
            flags.0.push(Flag::Veto { veto: v as u16 });
            Trace::note(&mut trace, || {
                let effect = match veto.effect {
                    VetoEffectRule::Disqualify => trace_say!("trace-veto-no-award"),
                    VetoEffectRule::ZeroCategory(c) => trace_say!("trace-veto-zero-category", id = rules.categories[c].id),
                    VetoEffectRule::CapTotal(cap) => trace_say!("trace-veto-cap", cap = cap),
                };
                trace_say!("trace-veto", id = veto.id, when = veto.when_text, effect = effect)
            });
            if let VetoEffectRule::ZeroCategory(c) = veto.effect {
                let r = &rules.contest.rounding;
                categories.0[c] = Some(at_level(Decimal::ZERO, r.category, &[r.total]));
            }
        }
    });
}

pub fn weigh_total(inputs: Res<Inputs>, mut query: Query<(&CategoryScores, &mut Flags, &mut Total, Option<&mut Trace>), With<EntryIndex>>) {
    let rules = &inputs.rules;
    par_for_each(&mut query, |(categories, mut flags, mut total, mut trace)| {
        let sum = add_up(categories.0.iter().copied());
        flag_too_large(&sum, None, &mut flags);
        let sum = sum.ok();
        let cap = flags
            .0
            .iter()
            .filter_map(|f| match f {
                Flag::Veto { veto } => match rules.vetoes[*veto as usize].effect {
                    VetoEffectRule::CapTotal(cap) => Some(cap),
                    _ => None,
                },
                _ => None,
            })
            .min();
        total.0 = sum.map(|sum| {
            let capped = cap.map_or(sum, |cap| sum.min(cap));
            let value = round(capped, rules.contest.rounding.total);
            Trace::note(&mut trace, || match cap {
                Some(cap) if capped < sum => trace_say!("trace-total-capped", sum = sum, cap = cap, value = value),
                _ => trace_say!("trace-total", sum = sum, value = value),
            });
            value
        });
    });
}
