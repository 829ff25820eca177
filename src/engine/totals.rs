//! Category scores, vetoes and the total.

use super::components::words;
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
                Trace::note(&mut trace, || {
                    let (id, max, weight) = (&category.id, category.max_points.normalize(), category.weight.normalize());
                    match category.score {
                        CategoryScore::Share => words!(
                            "类别 {id}：{points} / {max} 分 × 权重 {weight} = {score}",
                            "category {id}: {points} of {max} points × weight {weight} = {score}"
                        ),
                        CategoryScore::Sum => words!(
                            "类别 {id}：合计 {points} × {weight} = {score}",
                            "category {id}: sum {points} × {weight} = {score}"
                        ),
                    }
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
                    VetoEffectRule::Disqualify => words!("不得评奖", "no award"),
                    VetoEffectRule::ZeroCategory(c) => {
                        let id = &rules.categories[c].id;
                        words!("类别 {id} 计 0 分", "category {id} scores 0")
                    }
                    VetoEffectRule::CapTotal(cap) => words!("总分封顶 {cap}", "the total is capped at {cap}"),
                };
                let (id, when, zh, en) = (&veto.id, &veto.when_text, effect.zh, effect.en);
                words!("一票否决 {id}（{when}）成立：{zh}", "veto {id} ({when}) holds: {en}")
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
                Some(cap) if capped < sum => words!(
                    "总分：{sum}，因否决项封顶 {cap} → {value}",
                    "total: {sum}, capped at {cap} by a veto → {value}"
                ),
                _ => words!("总分：{sum} → {value}", "total: {sum} → {value}"),
            });
            value
        });
    });
}
