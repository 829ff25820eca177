//! Awards: each award set walks its ranking (overall or per division) from
//! the top and gives its tiers in order. Tied entries share an award; an
//! entry whose total is within the set's tolerance of the last awarded total
//! shares it too; vetoed (disqualified) entries and those past the
//! threshold get none, and take no place from others.

use super::components::*;
use super::rank::Ranking;
use crate::contest::{AwardSet, Eligible, Entrants, Order, Rules, Scope, TierRule};
use crate::data::Entries;
use bevy_ecs::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// What awarding needs to know of one ranked entry.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    pub entry: u32,
    pub total: Decimal,
    /// The entry's place in the set's scope (overall or its division).
    pub place: Place,
    /// May win (not disqualified, of the eligible kind).
    pub eligible: bool,
}

/// Walks each set's groups down the kept order (`Ranking`): no sorting,
/// and only as far as the set's tiers reach. After a live change only the
/// groups holding an entry that moved are walked again: a group's awards
/// depend on its own entries alone.
pub fn decide_awards(
    inputs: Res<Inputs>,
    ranking: Res<Ranking>,
    entities: Res<EntryEntities>,
    mut awards: Query<&mut Awards>,
    mut given: Local<Given>,
) {
    let rules = &inputs.rules;
    let (count, sets) = (inputs.entries.list.len(), rules.contest.awards.len());
    if sets == 0 {
        return;
    }
    // What this system gave last time is still right outside the touched groups.
    let since_last = given.generation + 1 == ranking.generation && given.tiers.len() == count * sets;
    // A group's awards depend on its own entries alone: only the groups of
    // entries whose scores changed are walked again.
    let touched = ranking.changed().filter(|_| since_last);
    let mut won = match touched {
        Some(_) => given.tiers.clone(),
        None => vec![0; count * sets],
    };
    for (s, set) in rules.contest.awards.iter().enumerate() {
        let division = match &set.scope {
            Scope::Overall => None,
            Scope::PerDivision(field) => rules.contest.divisions.iter().position(|d| d == field),
        };
        let (group_of, groups) = ranking.scope(division);
        let mut again = vec![touched.is_none(); groups];
        for &entry in touched.unwrap_or_default() {
            again[group_of[entry as usize] as usize] = true;
        }
        for (entry, &group) in group_of.iter().enumerate() {
            if again[group as usize] {
                won[entry * sets + s] = 0;
            }
        }
        for group in ranking.groups(division, &again) {
            let candidates = group.iter().map(|&position| {
                let row = ranking.rows()[position as usize];
                Candidate {
                    entry: row.entry,
                    total: row.total,
                    place: ranking.place_at(position as usize, division),
                    eligible: !row.disqualified && eligible(rules, &inputs.entries, set, row.entry),
                }
            });
            for (entry, tier) in award_group(set, rules.contest.ranking.order, group.len(), candidates) {
                won[entry as usize * sets + s] = tier + 1;
            }
        }
    }
    // Written only where awards changed, so a live change touches few entities.
    for entry in 0..count {
        let now = &won[entry * sets..(entry + 1) * sets];
        if touched.is_some() && given.tiers[entry * sets..(entry + 1) * sets] == *now {
            continue;
        }
        let list: Vec<(u16, u16)> = (0..sets).filter(|&s| now[s] > 0).map(|s| (s as u16, now[s] - 1)).collect();
        let mut component = awards.get_mut(entities.0[entry]).expect("an entry's entity");
        if component.0 != list {
            component.0 = list;
        }
    }
    *given = Given {
        generation: ranking.generation,
        tiers: won,
    };
}

/// What `decide_awards` gave when it last ran: each entry's tier + 1 in
/// each set (0: none), flat by entry index.
#[derive(Default)]
pub struct Given {
    generation: u64,
    tiers: Vec<u16>,
}

/// Whether the set is for entries of this one's kind (teams, individuals).
pub fn eligible(rules: &Rules, entries: &Entries, set: &AwardSet, entry: u32) -> bool {
    let is_team = || rules.contest.entrants == Entrants::Teams || !entries.list[entry as usize].members.is_empty();
    match set.eligible {
        Eligible::All => true,
        Eligible::Teams => is_team(),
        Eligible::Individuals => !is_team(),
    }
}

/// Whether `total` is at least as good as `bound`.
fn at_least(order: Order, total: Decimal, bound: Decimal) -> bool {
    match order {
        Order::HigherIsBetter => total >= bound,
        Order::LowerIsBetter => total <= bound,
    }
}

/// Gives one set's tiers within one group of `field` candidates (best
/// first): (entry, tier) pairs. The candidates are read only as far as the
/// tiers reach.
pub fn award_group(set: &AwardSet, order: Order, field: usize, group: impl Iterator<Item = Candidate>) -> Vec<(u32, u16)> {
    let mut group = group.peekable();
    let mut awarded: Vec<(u32, u16)> = Vec::new();
    let mut share = Decimal::ZERO;
    let passes = |c: &Candidate| c.eligible && set.threshold.is_none_or(|t| at_least(order, c.total, t.value()));
    for (t, tier) in set.tiers.iter().enumerate() {
        let quota = match &tier.rule {
            TierRule::Top(n) => Some(*n as usize),
            TierRule::Share(percent) => {
                share += percent.value();
                // Cumulative cut, rounded down: 10/20/30% of 15 gives 1, 3, 4.
                let cut = (Decimal::from(field) * share / Decimal::ONE_HUNDRED)
                    .floor()
                    .to_usize()
                    .unwrap_or(0);
                Some(cut.saturating_sub(awarded.len()))
            }
            TierRule::BySize(steps) => Some(
                steps
                    .iter()
                    .rev()
                    .find(|(size, _)| *size as usize <= field)
                    .map_or(0, |(_, n)| *n as usize),
            ),
            TierRule::AtLeast(_) => None,
        };
        let mut given = 0;
        let mut last: Option<Candidate> = None;
        // The total of the entry that filled the quota: the tolerance is measured from it.
        let mut cut: Option<Decimal> = None;
        while let Some(&candidate) = group.peek() {
            let extends_last = last.is_some_and(|l| l.place.rank == candidate.place.rank)
                || cut
                    .zip(set.tolerance)
                    .is_some_and(|(cut, tol)| at_least(order, candidate.total, bound(order, cut, tol.value())));
            let room = match (&tier.rule, quota) {
                (TierRule::AtLeast(bound), _) => at_least(order, candidate.total, bound.value()),
                (_, Some(quota)) => given < quota || extends_last,
                (_, None) => false,
            };
            if !room {
                break;
            }
            group.next();
            if passes(&candidate) {
                awarded.push((candidate.entry, t as u16));
                given += 1;
                last = Some(candidate);
                if quota == Some(given) {
                    cut = Some(candidate.total);
                }
            }
        }
    }
    awarded
}

/// The worst total still within `tolerance` of `total`.
fn bound(order: Order, total: Decimal, tolerance: Decimal) -> Decimal {
    match order {
        // Saturating: no total lies beyond the largest decimal either.
        Order::HigherIsBetter => total.saturating_sub(tolerance),
        Order::LowerIsBetter => total.saturating_add(tolerance),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contest::{Label, Number, Tier};

    fn set(tiers: Vec<TierRule>) -> AwardSet {
        AwardSet {
            id: "prizes".into(),
            scope: Scope::Overall,
            eligible: Eligible::All,
            tolerance: None,
            threshold: None,
            tiers: tiers
                .into_iter()
                .enumerate()
                .map(|(i, rule)| Tier {
                    id: format!("t{i}"),
                    label: Label::default(),
                    rule,
                })
                .collect(),
        }
    }

    fn award(set: &AwardSet, order: Order, group: &[Candidate]) -> Vec<(u32, u16)> {
        award_group(set, order, group.len(), group.iter().copied())
    }

    /// Candidates from (total, rank) pairs, entry = position.
    fn field(rows: &[(i64, u32)]) -> Vec<Candidate> {
        rows.iter()
            .enumerate()
            .map(|(i, &(total, rank))| Candidate {
                entry: i as u32,
                total: Decimal::from(total),
                place: Place { rank, tied: false },
                eligible: true,
            })
            .collect()
    }

    fn tiers_of(awarded: &[(u32, u16)], n: usize) -> Vec<Option<u16>> {
        (0..n as u32).map(|e| awarded.iter().find(|a| a.0 == e).map(|a| a.1)).collect()
    }

    fn pct(p: i64) -> TierRule {
        TierRule::Share(Number(Decimal::from(p)))
    }

    #[test]
    fn shares_are_cumulative_and_rounded_down() {
        // 15 entries, 10/20/30%: cuts at 1, 4, 9 → 1 first, 3 second, 5 third.
        let rows: Vec<(i64, u32)> = (0..15).map(|i| (100 - i, i as u32 + 1)).collect();
        let awarded = award(&set(vec![pct(10), pct(20), pct(30)]), Order::HigherIsBetter, &field(&rows));
        let tiers = tiers_of(&awarded, 15);
        assert_eq!(tiers.iter().filter(|t| **t == Some(0)).count(), 1);
        assert_eq!(tiers.iter().filter(|t| **t == Some(1)).count(), 3);
        assert_eq!(tiers.iter().filter(|t| **t == Some(2)).count(), 5);
        assert_eq!(tiers[9], None);
    }

    #[test]
    fn tied_entries_share_an_award() {
        // Top(1) with two entries tied for first: both gold; silver goes on.
        let awarded = award(
            &set(vec![TierRule::Top(1), TierRule::Top(1)]),
            Order::HigherIsBetter,
            &field(&[(90, 1), (90, 1), (80, 3), (70, 4)]),
        );
        assert_eq!(tiers_of(&awarded, 4), vec![Some(0), Some(0), Some(1), None]);
    }

    #[test]
    fn tolerance_threshold_and_disqualified() {
        let mut medals = set(vec![TierRule::Top(1), TierRule::Top(1), TierRule::Top(1)]);
        medals.tolerance = Some(Number(Decimal::TWO));
        // 95 and 94 within 2 of each other share gold; 90 silver; 89 within 2 of 90 shares silver.
        let awarded = award(
            &medals,
            Order::HigherIsBetter,
            &field(&[(95, 1), (94, 2), (90, 3), (89, 4), (80, 5), (60, 6)]),
        );
        assert_eq!(tiers_of(&awarded, 6), vec![Some(0), Some(0), Some(1), Some(1), Some(2), None]);

        let mut threshold = set(vec![TierRule::Top(3)]);
        threshold.threshold = Some(Number(Decimal::from(85)));
        let awarded = award(&threshold, Order::HigherIsBetter, &field(&[(95, 1), (90, 2), (80, 3)]));
        assert_eq!(tiers_of(&awarded, 3), vec![Some(0), Some(0), None]);

        let mut group = field(&[(95, 1), (90, 2), (80, 3)]);
        group[0].eligible = false;
        let awarded = award(&set(vec![TierRule::Top(1), TierRule::Top(1)]), Order::HigherIsBetter, &group);
        assert_eq!(tiers_of(&awarded, 3), vec![None, Some(0), Some(1)]);
    }

    #[test]
    fn at_least_and_by_size() {
        let awarded = award(
            &set(vec![
                TierRule::AtLeast(Number(Decimal::from(90))),
                TierRule::AtLeast(Number(Decimal::from(80))),
            ]),
            Order::HigherIsBetter,
            &field(&[(95, 1), (90, 2), (85, 3), (70, 4)]),
        );
        assert_eq!(tiers_of(&awarded, 4), vec![Some(0), Some(0), Some(1), None]);
        let by_size = set(vec![TierRule::BySize(vec![(1, 1), (4, 2), (10, 3)])]);
        let awarded = award(&by_size, Order::HigherIsBetter, &field(&[(9, 1), (8, 2), (7, 3), (6, 4), (5, 5)]));
        assert_eq!(awarded.len(), 2);
    }
}
