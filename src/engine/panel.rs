//! Panel aggregation: how several judges' marks become one.

use super::exact::{mean, sum};
use crate::contest::rules::panel_rule_for;
use crate::contest::Panel;
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
pub fn kept_marks<'a>(panel: &Panel, sorted: &'a [Decimal]) -> &'a [Decimal] {
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

fn kept(sorted: &[Decimal], k: usize) -> Option<&[Decimal]> {
    (sorted.len() > 2 * k).then(|| &sorted[k..sorted.len() - k])
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
    use std::str::FromStr;

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
