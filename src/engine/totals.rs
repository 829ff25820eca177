//! Category scores, vetoes and the total.

use super::components::*;
use super::par_for_each;
use super::round::round;
use crate::contest::rules::VetoEffectRule;
use crate::contest::{CategoryScore, KindRule, Rules};
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

pub fn sum_categories(inputs: Res<Inputs>, mut query: Query<(&CriterionValues, &mut CategoryScores, Option<&mut Trace>)>) {
    let rules = &inputs.rules;
    par_for_each(&mut query, |(values, mut scores, mut trace)| {
        for (c, category) in rules.categories.iter().enumerate() {
            let points: Option<Decimal> = category
                .criteria
                .clone()
                .map(|k| values.0[k].map(|v| contribution(rules, k, v)))
                .sum();
            let score = points.map(|points| {
                let scaled = match category.score {
                    CategoryScore::Share => points / category.max_points * category.weight,
                    CategoryScore::Sum => points * category.weight,
                };
                let floored = category.floor.map_or(scaled, |floor| scaled.max(floor));
                let score = round(floored, rules.contest.rounding.category);
                Trace::note(&mut trace, || match category.score {
                    CategoryScore::Share => format!(
                        "category {}: {points} of {} points × weight {} = {score}",
                        category.id,
                        category.max_points.normalize(),
                        category.weight.normalize()
                    ),
                    CategoryScore::Sum => format!("category {}: sum {points} × {} = {score}", category.id, category.weight.normalize()),
                });
                score
            });
            scores.0[c] = score;
        }
    });
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
                    VetoEffectRule::Disqualify => "no award".to_string(),
                    VetoEffectRule::ZeroCategory(c) => format!("category {} scores 0", rules.categories[c].id),
                    VetoEffectRule::CapTotal(cap) => format!("the total is capped at {cap}"),
                };
                format!("veto {} ({}) holds: {effect}", veto.id, veto.when_text)
            });
            if let VetoEffectRule::ZeroCategory(c) = veto.effect {
                categories.0[c] = Some(round(Decimal::ZERO, rules.contest.rounding.category));
            }
        }
    });
}

pub fn weigh_total(inputs: Res<Inputs>, mut query: Query<(&CategoryScores, &Flags, &mut Total, Option<&mut Trace>), With<EntryIndex>>) {
    let rules = &inputs.rules;
    par_for_each(&mut query, |(categories, flags, mut total, mut trace)| {
        let sum: Option<Decimal> = categories.0.iter().copied().sum();
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
                Some(cap) if capped < sum => format!("total: {sum}, capped at {cap} by a veto → {value}"),
                _ => format!("total: {sum} → {value}"),
            });
            value
        });
    });
}
