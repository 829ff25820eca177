//! Panel aggregation: how several judges' marks become one.

use super::exact::{mean, sum};
use super::round::round_ratio;
use crate::contest::rules::panel_rule_for;
use crate::contest::{Panel, Round};
use rust_decimal::Decimal;

/// Why a panel could not give a result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PanelError {
    NoMarks,
    TooFew {
        rule: String,
        marks: usize,
    },
    /// Their sum is beyond the largest exact decimal.
    TooLarge,
}

/// Combines `marks` (any order) by `panel`.
pub fn aggregate(panel: &Panel, marks: &[Decimal]) -> Result<Decimal, PanelError> {
    if marks.is_empty() {
        return Err(PanelError::NoMarks);
    }
    let mut sorted: smallvec::SmallVec<[Decimal; 8]> = marks.iter().copied().collect();
    sorted.sort_unstable();
    let rule = panel_rule_for(panel, sorted.len()).ok_or_else(|| too_few(panel, sorted.len()))?;
    let n = sorted.len();
    let result = match rule {
        Panel::Mean => mean(&sorted),
        Panel::Sum => sum(sorted.iter().copied()),
        Panel::Min => Some(sorted[0]),
        Panel::Max => Some(sorted[n - 1]),
        Panel::Median if n % 2 == 1 => Some(sorted[n / 2]),
        Panel::Median => mean(&sorted[n / 2 - 1..=n / 2]),
        Panel::TrimmedMean(k) | Panel::TrimmedSum(k) => {
            let kept = kept(&sorted, usize::from(*k)).ok_or_else(|| too_few(rule, n))?;
            if matches!(rule, Panel::TrimmedMean(_)) {
                mean(kept)
            } else {
                sum(kept.iter().copied())
            }
        }
        Panel::ClosestPair => {
            if n < 2 {
                return Err(too_few(rule, n));
            }
            // The lowest of the closest pairs, so the choice is deterministic.
            let pair = sorted.windows(2).min_by_key(|w| w[1].saturating_sub(w[0])).expect("n >= 2");
            mean(pair)
        }
        Panel::BySize(_) => unreachable!("panel_rule_for resolves BySize"),
    };
    result.ok_or(PanelError::TooLarge)
}

/// The marks a panel keeps: for trimmed rules the middle ones, else all.
pub fn kept_marks<'a, T>(panel: &Panel, sorted: &'a [T]) -> &'a [T] {
    match panel_rule_for(panel, sorted.len()) {
        Some(Panel::TrimmedMean(k) | Panel::TrimmedSum(k)) => kept(sorted, usize::from(*k)).unwrap_or(sorted),
        _ => sorted,
    }
}

/// The same panel without dropping extremes (for "use all marks").
pub fn untrimmed(panel: &Panel, n: usize) -> Panel {
    match panel_rule_for(panel, n) {
        Some(Panel::TrimmedMean(_)) => Panel::Mean,
        Some(Panel::TrimmedSum(_)) => Panel::Sum,
        Some(other) => other.clone(),
        None => panel.clone(),
    }
}

fn kept<T>(sorted: &[T], k: usize) -> Option<&[T]> {
    (sorted.len() > 2 * k).then(|| &sorted[k..sorted.len() - k])
}

/// [`aggregate`], then rounded to `rounding`, in whole units of 10^-`scale`
/// (as the marks are stored), without decimal arithmetic: the common
/// panel, worked out several times faster and to the same decimal, value
/// and places (a property test holds the two together). `units` is
/// sorted on the way. `None` where this path does not answer and the
/// decimal one must: a rule it does not take, too few marks, a result that
/// rounds to a negative zero, or numbers beyond its exact range.
#[inline]
pub fn aggregate_units(panel: &Panel, units: &mut [i64], scale: u32, rounding: Round) -> Option<Decimal> {
    const MOST_PLACES: u32 = 9;
    if units.is_empty() || units.len() > 64 || scale > MOST_PLACES || rounding.places > MOST_PLACES {
        return None;
    }
    sort_few(units);
    let n = units.len();
    // Each mark is an i32 and a panel at most 64 of them: sums fit an i64.
    let total = |kept: &[i64]| kept.iter().sum::<i64>();
    // The result is `sum / count` units.
    let (sum, count) = match panel_rule_for(panel, n)? {
        Panel::Mean => (total(units), n),
        Panel::Sum => (total(units), 1),
        Panel::Min => (units[0], 1),
        Panel::Max => (units[n - 1], 1),
        Panel::Median if n % 2 == 1 => (units[n / 2], 1),
        Panel::Median => (total(&units[n / 2 - 1..=n / 2]), 2),
        Panel::TrimmedMean(k) => {
            let kept = kept(units, usize::from(*k))?;
            (total(kept), kept.len())
        }
        Panel::TrimmedSum(k) => (total(kept(units, usize::from(*k))?), 1),
        Panel::ClosestPair | Panel::BySize(_) => return None,
    };
    round_ratio(sum, count as i64, scale, rounding)
}

/// Sorts a panel's few marks with an odd–even transposition network: its
/// compare-exchanges compile to conditional moves, where an insertion
/// sort's branches, on marks in no order, mispredict on nearly every cell.
/// Larger panels take the library's sort.
fn sort_few(units: &mut [i64]) {
    if units.len() > 16 {
        units.sort_unstable();
        return;
    }
    for round in 0..units.len() {
        for pair in units[round % 2..].chunks_exact_mut(2) {
            let (a, b) = (pair[0], pair[1]);
            pair[0] = a.min(b);
            pair[1] = a.max(b);
        }
    }
}

fn too_few(panel: &Panel, marks: usize) -> PanelError {
    PanelError::TooFew {
        rule: format!("{panel:?}"),
        marks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contest::RoundMode;
    use proptest::prelude::*;
    use std::str::FromStr;

    /// The decimal path: each mark as a decimal, aggregated, rounded.
    fn by_decimals(panel: &Panel, units: &[i64], scale: u32, rounding: Round) -> Option<Decimal> {
        let marks: Vec<Decimal> = units.iter().map(|&u| Decimal::new(u, scale)).collect();
        aggregate(panel, &marks).ok().map(|v| super::super::round::round(v, Some(rounding)))
    }

    fn a_panel() -> impl Strategy<Value = Panel> {
        prop_oneof![
            Just(Panel::Mean),
            Just(Panel::Sum),
            Just(Panel::Min),
            Just(Panel::Max),
            Just(Panel::Median),
            (0u8..3).prop_map(Panel::TrimmedMean),
            (0u8..3).prop_map(Panel::TrimmedSum),
            Just(Panel::BySize(vec![
                (3, Panel::Mean),
                (5, Panel::TrimmedMean(1)),
                (7, Panel::TrimmedMean(2))
            ])),
        ]
    }

    fn a_mode() -> impl Strategy<Value = RoundMode> {
        prop_oneof![Just(RoundMode::HalfUp), Just(RoundMode::HalfEven), Just(RoundMode::Truncate)]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// The integer path gives the decimal path's very decimal (value
        /// and places, so the same text) wherever it answers, and answers
        /// the common panels.
        #[test]
        fn whole_units_agree_with_decimals(
            panel in a_panel(),
            units in proptest::collection::vec(-2000i64..2000, 1..10),
            scale in 0u32..4,
            places in 0u32..5,
            mode in a_mode(),
        ) {
            let rounding = Round { places, mode };
            let expected = by_decimals(&panel, &units, scale, rounding);
            let fast = aggregate_units(&panel, &mut units.clone(), scale, rounding);
            if let Some(fast) = fast {
                let expected = expected.expect("the decimal path answers where the integer path does");
                prop_assert_eq!(fast.to_string(), expected.to_string());
            } else if let Some(expected) = expected {
                // Only a negative zero is left to the decimals.
                prop_assert!(expected.is_zero(), "{:?} {:?} left to the decimals", panel, units);
            }
        }
    }

    proptest! {
        /// The network sorts as the library does, at every panel size.
        #[test]
        fn few_marks_sorted_as_the_library_sorts(units in proptest::collection::vec(-50i64..50, 0..40)) {
            let (mut network, mut library) = (units.clone(), units);
            sort_few(&mut network);
            library.sort_unstable();
            prop_assert_eq!(network, library);
        }
    }

    #[test]
    fn whole_units_by_hand() {
        let two = |mode| Round { places: 2, mode };
        let at = |panel: Panel, units: &[i64], mode| aggregate_units(&panel, &mut units.to_vec(), 1, two(mode)).map(|d| d.to_string());
        // (85 + 90 + 95) / 3 tenths = 9.00; (10 + 10 + 20) / 3 tenths = 1.333… → 1.33
        assert_eq!(
            at(Panel::TrimmedMean(1), &[70, 95, 85, 90, 95], RoundMode::HalfUp).as_deref(),
            Some("9.00")
        );
        assert_eq!(at(Panel::Mean, &[10, 10, 20], RoundMode::HalfUp).as_deref(), Some("1.33"));
        // 0.125 → 0.13 half up, 0.12 half even, 0.12 truncated (tenths of 0.25 and 0: mean 1.25 / 10)
        let quarter = |mode| aggregate_units(&Panel::Mean, &mut [0, 25], 2, Round { places: 2, mode }).map(|d| d.to_string());
        assert_eq!(quarter(RoundMode::HalfUp).as_deref(), Some("0.13"));
        assert_eq!(quarter(RoundMode::HalfEven).as_deref(), Some("0.12"));
        assert_eq!(quarter(RoundMode::Truncate).as_deref(), Some("0.12"));
        // Negative halves go away from zero; a negative zero is left to the decimals.
        assert_eq!(at(Panel::Mean, &[-1, -2], RoundMode::HalfUp).as_deref(), Some("-0.15"));
        assert_eq!(aggregate_units(&Panel::Mean, &mut [-1], 3, two(RoundMode::HalfUp)), None);
        // Too few to trim, and a rule it leaves to the decimals.
        assert_eq!(at(Panel::TrimmedMean(1), &[1, 2], RoundMode::HalfUp), None);
        assert_eq!(at(Panel::ClosestPair, &[1, 2], RoundMode::HalfUp), None);
    }

    fn d(values: &[&str]) -> Vec<Decimal> {
        values.iter().map(|v| Decimal::from_str(v).unwrap()).collect()
    }

    fn agg(panel: Panel, values: &[&str]) -> String {
        aggregate(&panel, &d(values)).unwrap().normalize().to_string()
    }

    #[test]
    fn every_rule_by_hand() {
        let marks = ["7", "9", "8", "6", "10"];
        assert_eq!(agg(Panel::Mean, &marks), "8");
        assert_eq!(agg(Panel::Median, &marks), "8");
        assert_eq!(agg(Panel::Median, &["7", "9", "8", "6"]), "7.5");
        assert_eq!(agg(Panel::Sum, &marks), "40");
        assert_eq!(agg(Panel::Min, &marks), "6");
        assert_eq!(agg(Panel::Max, &marks), "10");
        // drop 6 and 10: (7 + 8 + 9) / 3
        assert_eq!(agg(Panel::TrimmedMean(1), &marks), "8");
        assert_eq!(agg(Panel::TrimmedSum(1), &marks), "24");
        assert_eq!(agg(Panel::TrimmedMean(1), &["8.5", "9.0", "9.5", "7.0", "9.5"]), "9");
        // gaps 0.2, 0.5, 1.0: closest are 8.1 and 8.3
        assert_eq!(agg(Panel::ClosestPair, &["8.1", "8.3", "8.8", "9.8"]), "8.2");
        assert_eq!(agg(Panel::Mean, &["1", "1", "2"]), "1.3333333333333333333333333333");
    }

    #[test]
    fn rule_by_panel_size() {
        let by_size = Panel::BySize(vec![(3, Panel::Mean), (5, Panel::TrimmedMean(1)), (7, Panel::TrimmedMean(2))]);
        assert_eq!(agg(by_size.clone(), &["6", "7", "8"]), "7");
        assert_eq!(agg(by_size.clone(), &["6", "7", "8", "9", "10"]), "8");
        // 6 marks: the 5-judge rule applies (largest size not above 6)
        assert_eq!(agg(by_size.clone(), &["1", "7", "8", "8", "9", "10"]), "8");
        assert_eq!(agg(by_size, &["1", "2", "7", "8", "9", "10", "10"]), "8");
    }

    #[test]
    fn too_few_marks_is_an_error_not_a_guess() {
        assert_eq!(aggregate(&Panel::Mean, &[]), Err(PanelError::NoMarks));
        assert!(matches!(
            aggregate(&Panel::TrimmedMean(1), &d(&["1", "2"])),
            Err(PanelError::TooFew { .. })
        ));
        let by_size = Panel::BySize(vec![(3, Panel::Mean)]);
        assert!(matches!(aggregate(&by_size, &d(&["1", "2"])), Err(PanelError::TooFew { .. })));
        let huge = [Decimal::MAX, Decimal::MAX];
        for panel in [Panel::Mean, Panel::Sum, Panel::Median, Panel::ClosestPair] {
            assert_eq!(aggregate(&panel, &huge), Err(PanelError::TooLarge), "{panel:?}");
        }
    }
}
