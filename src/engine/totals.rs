//! Category scores, vetoes and the total.

use super::components::trace_say;
use super::components::*;
use super::par_for_each;
use super::round::{at_level, round, round_ratio};
use crate::contest::rules::VetoEffectRule;
use crate::contest::{CategoryRule, CategoryScore, KindRule, Lang, Rounding, Rules};
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
            if trace.is_none() {
                if let Some(score) = category_in_units(rules, category, &values.0) {
                    scores.0[c] = score.into();
                    continue;
                }
            }
            let points = match category.carried {
                Some(carried) => carried_points(&inputs, entry.0, carried, category, &mut trace),
                None => add_up(
                    category
                        .criteria
                        .clone()
                        .map(|k| values.0[k].get().map(|v| contribution(rules, k, v))),
                ),
            };
            let score = points.and_then(|points| category_score(rules, category, points, &mut trace));
            flag_too_large(&score, Some(c), &mut flags);
            scores.0[c] = score.ok().into();
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
    let score = scored(category, points, &rules.contest.rounding)?;
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

/// A category's points weighed (as a share of its maximum, or summed),
/// floored and rounded as the contest says.
fn scored(category: &CategoryRule, points: Decimal, rounding: &Rounding) -> Result<Decimal, Unscored> {
    let scaled = match category.score {
        CategoryScore::Share => points
            .checked_div(category.max_points)
            .and_then(|share| share.checked_mul(category.weight)),
        CategoryScore::Sum => points.checked_mul(category.weight),
    }
    .ok_or(Unscored::TooLarge)?;
    let floored = category.floor.map_or(scaled, |floor| scaled.max(floor));
    Ok(at_level(floored, rounding.category, &[rounding.total]))
}

/// Places the whole-unit path counts points in.
const UNIT_PLACES: u32 = 9;

/// A category's score worked out in whole numbers where that is exact, as
/// the panels' is: several times faster than the decimals, and the very
/// same decimal (a property test holds [`scored_in_units`] to [`scored`]).
/// `None` hands the category to the decimal path, which says why whatever
/// else happens: a criterion unscored, a carried total.
fn category_in_units(rules: &Rules, category: &CategoryRule, values: &[MaybeDecimal]) -> Option<Decimal> {
    if category.carried.is_some() {
        return None;
    }
    let mut points = 0i64;
    for k in category.criteria.clone() {
        points = points.checked_add(units(contribution(rules, k, values[k].get()?))?)?;
    }
    scored_in_units(category, points, &rules.contest.rounding)
}

/// [`scored`] of `points` (in units of 10^-[`UNIT_PLACES`]), in whole
/// numbers. It answers where the decimals are exact, so that both round the
/// same value: the category is rounded, has no floor, and its points
/// divided by its maximum end within the unit places; `None` elsewhere (a
/// share in thirds, numbers beyond an i64, a negative value rounding to zero).
fn scored_in_units(category: &CategoryRule, points: i64, rounding: &Rounding) -> Option<Decimal> {
    let round = rounding.category?;
    if category.floor.is_some() {
        return None;
    }
    let (weight, weight_places) = whole(category.weight)?;
    let weighed = match category.score {
        CategoryScore::Sum => points.checked_mul(weight)?,
        CategoryScore::Share => {
            // points / max in the unit places: exactly, or the decimals answer.
            let (max, max_places) = whole(category.max_points)?;
            let scaled = points.checked_mul(10i64.checked_pow(max_places)?)?;
            if max <= 0 || scaled % max != 0 {
                return None;
            }
            (scaled / max).checked_mul(weight)?
        }
    };
    round_ratio(weighed, 1, UNIT_PLACES + weight_places, round)
}

/// A decimal in units of 10^-[`UNIT_PLACES`]; `None` beyond them or an
/// i64, and for a negative zero (whose sign the decimals keep).
fn units(value: Decimal) -> Option<i64> {
    if value.is_zero() && value.is_sign_negative() {
        return None;
    }
    let places = UNIT_PLACES.checked_sub(value.scale())?;
    i64::try_from(value.mantissa()).ok()?.checked_mul(10i64.checked_pow(places)?)
}

/// A decimal as (whole number, places): 0.25 is (25, 2).
fn whole(value: Decimal) -> Option<(i64, u32)> {
    Some((i64::try_from(value.mantissa()).ok()?, value.scale()))
}

pub fn apply_vetoes(inputs: Res<Inputs>, mut query: Query<(&CriterionValues, &mut CategoryScores, &mut Flags, Option<&mut Trace>)>) {
    let rules = &inputs.rules;
    if rules.vetoes.is_empty() {
        return;
    }
    let criteria = rules.criteria.len();
    par_for_each(&mut query, |(values, mut categories, mut flags, mut trace)| {
        for (v, veto) in rules.vetoes.iter().enumerate() {
            let var = |i: usize| if i < criteria { values.0[i] } else { categories.0[i - criteria] }.get();
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
                categories.0[c] = at_level(Decimal::ZERO, r.category, &[r.total]).into();
            }
        }
    });
}

pub fn weigh_total(inputs: Res<Inputs>, mut query: Query<(&CategoryScores, &mut Flags, &mut Total, Option<&mut Trace>), With<EntryIndex>>) {
    let rules = &inputs.rules;
    par_for_each(&mut query, |(categories, mut flags, mut total, mut trace)| {
        let sum = add_up(categories.0.iter().map(|c| c.get()));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contest::{Label, Round, RoundMode};
    use proptest::prelude::*;

    fn category(score: CategoryScore, weight: Decimal, max_points: Decimal) -> CategoryRule {
        CategoryRule {
            id: "c".into(),
            label: Label::default(),
            weight,
            score,
            floor: None,
            max_points,
            criteria: 0..0,
            carried: None,
        }
    }

    fn rounding(category: Option<Round>) -> Rounding {
        Rounding {
            category,
            ..Rounding::default()
        }
    }

    /// The decimal path: the points added up as decimals, then [`scored`].
    fn by_decimals(category: &CategoryRule, points: &[Decimal], rounding: &Rounding) -> Option<Decimal> {
        let sum = add_up(points.iter().map(|&p| Some(p))).ok()?;
        scored(category, sum, rounding).ok()
    }

    fn by_units(category: &CategoryRule, points: &[Decimal], rounding: &Rounding) -> Option<Decimal> {
        let sum = points.iter().try_fold(0i64, |sum, &p| sum.checked_add(units(p)?))?;
        scored_in_units(category, sum, rounding)
    }

    fn a_decimal(mantissa: std::ops::Range<i64>, places: std::ops::Range<u32>) -> impl Strategy<Value = Decimal> {
        (mantissa, places).prop_map(|(m, p)| Decimal::new(m, p))
    }

    /// Whether a maximum's whole number divides 10^6, so that points of at
    /// most three places divided by it end within the unit places.
    fn ends(max: Decimal) -> bool {
        1_000_000 % max.mantissa() == 0
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// Whole units give the decimal path's very decimal (value and
        /// places, so the same text) wherever they answer; shares of a
        /// maximum in thirds or sevenths are left to the decimals.
        #[test]
        fn whole_units_agree_with_decimals(
            points in proptest::collection::vec(a_decimal(-3000..3000, 0..4), 0..8),
            share in any::<bool>(),
            weight in a_decimal(1..400, 0..3),
            max in prop_oneof![a_decimal(1..500, 0..3), Just(Decimal::from(3)), Just(Decimal::new(70, 1))],
            places in 0u32..5,
            mode in prop_oneof![Just(RoundMode::HalfUp), Just(RoundMode::HalfEven), Just(RoundMode::Truncate)],
        ) {
            let score = if share { CategoryScore::Share } else { CategoryScore::Sum };
            let (category, rounding) = (category(score, weight, max), rounding(Some(Round { places, mode })));
            let expected = by_decimals(&category, &points, &rounding);
            if let Some(fast) = by_units(&category, &points, &rounding) {
                let expected = expected.expect("the decimals answer where whole units do");
                prop_assert_eq!(fast.to_string(), expected.to_string());
            } else if !share || ends(max) {
                // A share that ends, and every sum, are worked out in whole
                // units but for a negative zero.
                prop_assert!(expected.is_some_and(|e| e.is_zero()), "{:?} {:?} left to the decimals", category, points);
            }
        }
    }

    #[test]
    fn whole_units_by_hand() {
        let d = |m: i64, p: u32| Decimal::new(m, p);
        let two = rounding(Some(Round {
            places: 2,
            mode: RoundMode::HalfUp,
        }));
        let at =
            |category: &CategoryRule, points: &[Decimal], rounding: &Rounding| by_units(category, points, rounding).map(|v| v.to_string());
        // (9.50 + 8.25 + 10 + 9.50) / 40 × 30 = 37.25 / 40 × 30 = 27.9375 → 27.94
        let quality = category(CategoryScore::Share, d(30, 0), d(40, 0));
        let points = [d(950, 2), d(825, 2), d(10, 0), d(950, 2)];
        assert_eq!(at(&quality, &points, &two).as_deref(), Some("27.94"));
        assert_eq!(
            by_decimals(&quality, &points, &two).map(|v| v.to_string()).as_deref(),
            Some("27.94")
        );
        // 7 × 1.5 = 10.5 → 10.50
        let summed = category(CategoryScore::Sum, d(15, 1), d(10, 0));
        assert_eq!(at(&summed, &[d(7, 0)], &two).as_deref(), Some("10.50"));
        // 10 / 30 does not end: the decimals answer.
        let thirds = category(CategoryScore::Share, d(30, 0), d(30, 0));
        assert_eq!(at(&thirds, &[d(10, 0)], &two), None);
        // Not rounded at the category, or floored: the decimals answer.
        assert_eq!(at(&quality, &points, &rounding(None)), None);
        let floored = CategoryRule {
            floor: Some(Decimal::ZERO),
            ..quality.clone()
        };
        assert_eq!(at(&floored, &points, &two), None);
        // A negative value that rounds to zero keeps its sign in decimals ("-0.00").
        assert_eq!(at(&summed, &[d(-1, 3)], &two), None);
    }
}
