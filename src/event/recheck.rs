//! The re-check (复核): all of the top N, a share of the rest drawn by lot,
//! and, beyond the rule, every entry within a margin of an award line,
//! since that is where an error would change a result. The sample is drawn
//! once (`recheck-sample`, its seed recorded so anyone can redraw it); the
//! re-check's own typing of the sampled sheets is compared with the stored
//! marks (`recheck-entry`); once every sampled entry is re-checked, an
//! error rate above the threshold widens the re-check to every entry
//! (`recheck-widen`). A difference is resolved by a correction the chief
//! judge makes through the lock (`podium mark --recheck`), or when the
//! stored mark already equals the re-checked one.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Why an entry is in the sample.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "why", rename_all = "snake_case")]
pub enum Why {
    /// Placed in the top N (ties with the Nth too).
    Top { place: u32 },
    /// Drawn by lot from the rest.
    Drawn,
    /// Within the margin of an award line: the line's total.
    NearLine { line: String },
    /// Within the margin of a stage's qualification line: the stage and the
    /// line's total in it.
    NearCut { stage: String, line: String },
    /// The re-check widened to everyone.
    All,
}

/// One sampled entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sampled {
    pub entry: String,
    #[serde(flatten)]
    pub why: Why,
}

/// An entry as the sample sees it: its total, place and awards.
#[derive(Debug, Clone)]
pub struct Standing {
    pub entry: String,
    pub total: Option<Decimal>,
    pub place: Option<u32>,
    /// The awards it won, by set: (set, tier).
    pub awards: Vec<(u16, u16)>,
    /// The group each award set decides within (its division's value, or
    /// empty for the whole field), by set.
    pub groups: Vec<String>,
}

/// The plan as numbers.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    pub top: u32,
    pub percent: Decimal,
    pub margin: Option<Decimal>,
}

/// A stage's qualification line (a contest run in stages): each entry's
/// total in the stage, and the totals either side of the cut.
#[derive(Debug, Clone, Default)]
pub struct Cut {
    pub stage: String,
    pub totals: std::collections::HashMap<String, Decimal>,
    pub lines: Vec<Decimal>,
}

/// The totals on both sides of each change of outcome down a ranking
/// (entries in place order, each with its total and outcome).
pub fn change_lines<T: PartialEq>(ranked: &[(Decimal, T)]) -> Vec<Decimal> {
    let mut lines: Vec<Decimal> = ranked
        .windows(2)
        .filter(|pair| pair[0].1 != pair[1].1)
        .flat_map(|pair| [pair[0].0, pair[1].0])
        .collect();
    lines.sort();
    lines.dedup();
    lines
}

/// The award lines: for each award set and group, the totals on both sides
/// of each change of award down the ranking.
pub fn award_lines(standings: &[Standing], sets: usize) -> Vec<Decimal> {
    let mut lines = Vec::new();
    for set in 0..sets {
        let mut groups: std::collections::BTreeMap<&str, Vec<&Standing>> = std::collections::BTreeMap::new();
        for s in standings.iter().filter(|s| s.total.is_some() && s.place.is_some()) {
            groups.entry(s.groups.get(set).map_or("", String::as_str)).or_default().push(s);
        }
        for members in groups.values_mut() {
            members.sort_by_key(|s| s.place);
            let award = |s: &Standing| s.awards.iter().find(|(k, _)| *k as usize == set).map(|(_, t)| *t);
            let ranked: Vec<(Decimal, Option<u16>)> = members.iter().filter_map(|s| Some((s.total?, award(s)))).collect();
            lines.extend(change_lines(&ranked));
        }
    }
    lines.sort();
    lines.dedup();
    lines
}

/// The sample: the top `plan.top` (ties at the last place included), then
/// every ranked entry within the margin of an award line or of a stage's
/// `cuts`, then `plan.percent` % of the rest (rounded up) drawn by lot
/// with `seed`.
pub fn sample(standings: &[Standing], (sets, cuts): (usize, &[Cut]), plan: Plan, seed: &[u8]) -> Vec<Sampled> {
    let mut sampled: Vec<Sampled> = Vec::new();
    let mut taken = std::collections::HashSet::new();
    for s in standings {
        if let Some(place) = s.place.filter(|p| *p <= plan.top) {
            taken.insert(s.entry.clone());
            sampled.push(Sampled {
                entry: s.entry.clone(),
                why: Why::Top { place },
            });
        }
    }
    if let Some(margin) = plan.margin {
        let lines = award_lines(standings, sets);
        for s in standings {
            let Some(total) = s.total else { continue };
            if taken.contains(&s.entry) {
                continue;
            }
            if let Some(line) = lines.iter().find(|line| (total - **line).abs() <= margin) {
                taken.insert(s.entry.clone());
                sampled.push(Sampled {
                    entry: s.entry.clone(),
                    why: Why::NearLine {
                        line: line.normalize().to_string(),
                    },
                });
            }
        }
        for cut in cuts {
            for s in standings {
                let Some(total) = cut.totals.get(&s.entry) else { continue };
                if taken.contains(&s.entry) {
                    continue;
                }
                if let Some(line) = cut.lines.iter().find(|line| (*total - **line).abs() <= margin) {
                    taken.insert(s.entry.clone());
                    sampled.push(Sampled {
                        entry: s.entry.clone(),
                        why: Why::NearCut {
                            stage: cut.stage.clone(),
                            line: line.normalize().to_string(),
                        },
                    });
                }
            }
        }
    }
    let rest: Vec<String> = {
        let mut rest: Vec<String> = standings.iter().map(|s| s.entry.clone()).filter(|e| !taken.contains(e)).collect();
        rest.sort();
        rest
    };
    let share = Decimal::from(rest.len() as u64) * plan.percent / Decimal::ONE_HUNDRED;
    let count = share.ceil().try_into().unwrap_or(usize::MAX).min(rest.len());
    for entry in super::draw::shuffle_for(seed, "recheck", &rest).into_iter().take(count) {
        sampled.push(Sampled { entry, why: Why::Drawn });
    }
    sampled
}

/// A re-checked mark that differs from the one stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Difference {
    pub entry: String,
    pub criterion: String,
    pub element: u8,
    pub judge: String,
    pub stored: String,
    pub rechecked: String,
}

impl Difference {
    pub fn cell(&self) -> crate::store::Cell {
        crate::store::Cell {
            entry: self.entry.clone(),
            criterion: self.criterion.clone(),
            element: self.element,
            judge: self.judge.clone(),
        }
    }
}

/// The recorded sample (`recheck-sample`) and a widening (`recheck-widen`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Drawn {
    pub seed: String,
    pub entries: Vec<Sampled>,
    /// The plan the sample was drawn by, as the contest declared it then
    /// (a later edit of contest.ron does not rewrite what was drawn).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<RecordedPlan>,
}

/// A re-check plan as recorded with its sample: numbers as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedPlan {
    pub top: u32,
    pub percent: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin: Option<String>,
    pub threshold: String,
}

impl RecordedPlan {
    pub fn of(plan: &crate::contest::workflow::RecheckPlan) -> RecordedPlan {
        RecordedPlan {
            top: plan.top,
            percent: plan.percent.0.normalize().to_string(),
            margin: plan.margin.map(|m| m.0.normalize().to_string()),
            threshold: plan.threshold.0.normalize().to_string(),
        }
    }
}

/// A file of the re-check's typing compared (`recheck-entry`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Compared {
    pub file: String,
    pub entries: Vec<String>,
    pub differences: Vec<Difference>,
}

/// A stored mark the chief judge kept, against the re-check's typing of it
/// (`recheck-kept`): the re-check was the one mistyped. It resolves the
/// difference as a correction would, with its reason recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kept {
    pub entry: String,
    pub criterion: String,
    pub element: u8,
    pub judge: String,
    pub value: String,
}

impl Kept {
    pub fn of(cell: &crate::store::Cell, value: &str) -> Kept {
        Kept {
            entry: cell.entry.clone(),
            criterion: cell.criterion.clone(),
            element: cell.element,
            judge: cell.judge.clone(),
            value: value.to_string(),
        }
    }

    fn cell(&self) -> crate::store::Cell {
        crate::store::Cell {
            entry: self.entry.clone(),
            criterion: self.criterion.clone(),
            element: self.element,
            judge: self.judge.clone(),
        }
    }
}

/// Where the re-check stands, from its records.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    pub drawn: Option<crate::store::StepRecord>,
    pub sample: Vec<Sampled>,
    pub widened: bool,
    pub rechecked: std::collections::BTreeSet<String>,
    /// Each difference with the record that found it.
    pub differences: Vec<(i64, Difference)>,
    /// Stored marks kept against the re-check, with their records.
    pub kept: Vec<(i64, Kept)>,
}

impl Progress {
    pub fn read(records: &[crate::store::StepRecord]) -> Progress {
        let mut progress = Progress::default();
        for record in records {
            match record.step.as_str() {
                "recheck-sample" | "recheck-widen" => {
                    if let Ok(drawn) = serde_json::from_str::<Drawn>(&record.value) {
                        progress.widened |= record.step == "recheck-widen";
                        progress.drawn.get_or_insert_with(|| record.clone());
                        progress.sample.extend(drawn.entries);
                    }
                }
                "recheck-entry" => {
                    if let Ok(compared) = serde_json::from_str::<Compared>(&record.value) {
                        progress.rechecked.extend(compared.entries);
                        progress
                            .differences
                            .extend(compared.differences.into_iter().map(|d| (record.seq, d)));
                    }
                }
                "recheck-kept" => {
                    if let Ok(kept) = serde_json::from_str::<Kept>(&record.value) {
                        progress.kept.push((record.seq, kept));
                    }
                }
                _ => {}
            }
        }
        progress
    }

    /// The sampled entries not yet re-checked.
    pub fn pending(&self) -> Vec<&str> {
        self.sample
            .iter()
            .map(|s| s.entry.as_str())
            .filter(|e| !self.rechecked.contains(*e))
            .collect()
    }

    /// Entries re-checked with a difference found.
    pub fn with_errors(&self) -> usize {
        let entries: std::collections::BTreeSet<&str> = self.differences.iter().map(|(_, d)| d.entry.as_str()).collect();
        entries.len()
    }

    pub fn rate(&self) -> Option<Decimal> {
        error_rate(self.rechecked.len(), self.with_errors())
    }

    /// The differences not yet resolved: the stored mark neither equals the
    /// re-checked one nor was corrected or kept (`recheck-kept`) after the
    /// difference was found.
    pub fn unresolved(&self, store: &crate::store::Store) -> Result<Vec<&Difference>, crate::store::StoreError> {
        let mut open = Vec::new();
        for (seq, difference) in &self.differences {
            let current = store.current(&difference.cell())?;
            let kept = self.kept.iter().any(|(at, k)| at > seq && k.cell() == difference.cell());
            let resolved = kept || current.is_some_and(|c| c.value == difference.rechecked || c.seq > *seq);
            if !resolved {
                open.push(difference);
            }
        }
        Ok(open)
    }
}

/// A re-check step in words, for the audit trail and the report.
pub fn words(record: &crate::store::StepRecord) -> Option<crate::i18n::Text> {
    use crate::msg;
    Some(match record.step.as_str() {
        "recheck-sample" => {
            let drawn: Drawn = serde_json::from_str(&record.value).ok()?;
            let entries: Vec<&str> = drawn.entries.iter().map(|s| s.entry.as_str()).collect();
            match drawn.plan {
                Some(plan) => msg!(
                    "recheck-step-sample-plan",
                    count = entries.len(),
                    entries = entries.join(", "),
                    seed = drawn.seed,
                    top = plan.top,
                    percent = plan.percent,
                    margin = plan.margin.unwrap_or_else(|| "none".to_string()),
                    threshold = plan.threshold
                ),
                None => msg!(
                    "recheck-step-sample",
                    count = entries.len(),
                    entries = entries.join(", "),
                    seed = drawn.seed
                ),
            }
        }
        "recheck-entry" => {
            let compared: Compared = serde_json::from_str(&record.value).ok()?;
            let found: Vec<String> = compared
                .differences
                .iter()
                .map(|d| format!("{} {} {} {} → {}", d.entry, d.criterion, d.judge, d.stored, d.rechecked))
                .collect();
            msg!(
                "recheck-step-entry",
                file = compared.file,
                entries = compared.entries.len(),
                count = found.len(),
                found = if found.is_empty() { "-".to_string() } else { found.join("; ") }
            )
        }
        "recheck-kept" => {
            let kept: Kept = serde_json::from_str(&record.value).ok()?;
            msg!(
                "recheck-step-kept",
                entry = kept.entry,
                criterion = kept.criterion,
                judge = kept.judge,
                value = kept.value
            )
        }
        "recheck-widen" => {
            let drawn: Drawn = serde_json::from_str(&record.value).ok()?;
            msg!("recheck-step-widen", count = drawn.entries.len())
        }
        _ => return None,
    })
}

/// The error rate, in percent: entries with a difference among those
/// re-checked (none re-checked: none).
pub fn error_rate(rechecked: usize, with_errors: usize) -> Option<Decimal> {
    (rechecked > 0).then(|| Decimal::from(with_errors as u64) * Decimal::ONE_HUNDRED / Decimal::from(rechecked as u64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Entries placed by total (highest first), with one award set of
    /// tiers won by the top `winners` (each a count).
    fn field(totals: &[i64], winners: &[usize]) -> Vec<Standing> {
        let mut order: Vec<usize> = (0..totals.len()).collect();
        order.sort_by_key(|&k| -totals[k]);
        let mut standings: Vec<Standing> = Vec::new();
        let mut tier_of = Vec::new();
        for (tier, count) in winners.iter().enumerate() {
            tier_of.extend(std::iter::repeat_n(tier as u16, *count));
        }
        for (position, &k) in order.iter().enumerate() {
            let place = order.iter().position(|&o| totals[o] == totals[k]).unwrap() as u32 + 1;
            let awards = tier_of.get(position).map(|t| vec![(0u16, *t)]).unwrap_or_default();
            standings.push(Standing {
                entry: format!("E{k:05}"),
                total: Some(Decimal::from(totals[k])),
                place: Some(place),
                awards,
                groups: vec![String::new()],
            });
        }
        standings
    }

    #[test]
    fn a_hand_checked_sample() {
        // Totals 90 down to 50 in steps of 5 (9 entries); first prize to 1,
        // second to the next 2. Top 2 re-checked; margin 5 catches the entries
        // either side of each line: 80 | 75 are the lines' totals (and 90 | 85).
        let totals = [90, 85, 80, 75, 70, 65, 60, 55, 50];
        let standings = field(&totals, &[1, 2]);
        let plan = Plan {
            top: 2,
            percent: Decimal::ZERO,
            margin: Some(Decimal::from(5)),
        };
        let sampled = sample(&standings, (1, &[]), plan, &[0; 32]);
        let entries: Vec<(&str, &Why)> = sampled.iter().map(|s| (s.entry.as_str(), &s.why)).collect();
        assert_eq!(
            entries,
            [
                ("E00000", &Why::Top { place: 1 }),
                ("E00001", &Why::Top { place: 2 }),
                ("E00002", &Why::NearLine { line: "75".into() }),
                ("E00003", &Why::NearLine { line: "75".into() }),
                ("E00004", &Why::NearLine { line: "75".into() }),
            ]
        );
        // 20 % of the 4 left is 0.8: one more, drawn.
        let plan = Plan {
            percent: Decimal::from(20),
            ..plan
        };
        let sampled = sample(&standings, (1, &[]), plan, &[0; 32]);
        assert_eq!(sampled.len(), 6);
        assert_eq!(sampled[5].why, Why::Drawn);
    }

    #[test]
    fn entries_near_a_stage_cut_are_sampled_by_their_total_in_that_stage() {
        // No awards; the stage took the best 2 of 4 by its own totals
        // (40, 39 went on; 30, 20 did not): the cut's lines are 39 and 30,
        // and within 1 of them are all but the entry at 20 (by the stage's
        // totals, not the final ones).
        let standings = field(&[50, 60, 70, 80], &[]);
        let cut = Cut {
            stage: "round1".into(),
            totals: [("E00000", 40), ("E00001", 39), ("E00002", 30), ("E00003", 20)]
                .map(|(e, t)| (e.to_string(), Decimal::from(t)))
                .into(),
            lines: change_lines(&[
                (Decimal::from(40), true),
                (Decimal::from(39), true),
                (Decimal::from(30), false),
                (Decimal::from(20), false),
            ]),
        };
        assert_eq!(cut.lines, [Decimal::from(30), Decimal::from(39)]);
        let plan = Plan {
            top: 0,
            percent: Decimal::ZERO,
            margin: Some(Decimal::ONE),
        };
        let sampled = sample(&standings, (1, std::slice::from_ref(&cut)), plan, &[0; 32]);
        let near = |line: &str| Why::NearCut {
            stage: "round1".into(),
            line: line.into(),
        };
        let entries: Vec<(&str, &Why)> = sampled.iter().map(|s| (s.entry.as_str(), &s.why)).collect();
        assert_eq!(entries, [("E00002", &near("30")), ("E00001", &near("39")), ("E00000", &near("39"))]);
    }

    #[test]
    fn the_error_rate_is_entries_with_a_difference_among_those_rechecked() {
        assert_eq!(error_rate(0, 0), None);
        assert_eq!(error_rate(20, 1), Some(Decimal::from(5)));
        assert_eq!(error_rate(3, 1).unwrap().round_dp(2), Decimal::new(3333, 2));
    }

    #[test]
    fn on_ten_thousand_entries_every_entry_near_an_award_line_is_sampled() {
        // 10,000 entries with totals spread over 0..=1000 (many ties), prizes
        // to the top 1 %, 3 % and 6 %.
        let totals: Vec<i64> = (0..10_000i64).map(|k| (k * 7919) % 1001).collect();
        let standings = field(&totals, &[100, 300, 600]);
        let margin = Decimal::from(2);
        let plan = Plan {
            top: 10,
            percent: Decimal::from(15),
            margin: Some(margin),
        };
        let sampled = sample(&standings, (1, &[]), plan, &[9; 32]);
        let lines = award_lines(&standings, 1);
        assert!(!lines.is_empty());
        let chosen: std::collections::HashSet<&str> = sampled.iter().map(|s| s.entry.as_str()).collect();
        for s in &standings {
            let near = lines.iter().any(|l| (s.total.unwrap() - l).abs() <= margin);
            assert!(
                !near || chosen.contains(s.entry.as_str()),
                "{} at {:?} is near a line",
                s.entry,
                s.total
            );
        }
        // And 15 % of the others, rounded up.
        let others = standings.len() - sampled.iter().filter(|s| s.why != Why::Drawn).count();
        let drawn = sampled.iter().filter(|s| s.why == Why::Drawn).count();
        assert_eq!(drawn, (others * 15).div_ceil(100));
    }

    proptest! {
        #[test]
        fn the_sample_always_holds_the_top_n(totals in prop::collection::vec(0i64..200, 1..300), top in 0u32..20, percent in 0u32..=100, seed in any::<[u8; 32]>()) {
            let standings = field(&totals, &[1, 2, 3]);
            let plan = Plan { top, percent: Decimal::from(percent), margin: Some(Decimal::ONE) };
            let sampled = sample(&standings, (1, &[]), plan, &seed);
            let chosen: std::collections::HashSet<&str> = sampled.iter().map(|s| s.entry.as_str()).collect();
            for s in &standings {
                if s.place.is_some_and(|p| p <= top) {
                    prop_assert!(chosen.contains(s.entry.as_str()));
                }
            }
            // No entry twice.
            prop_assert_eq!(chosen.len(), sampled.len());
        }
    }
}
