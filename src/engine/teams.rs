//! Teams combined from their members (团体成绩): team entities, with their
//! members' entry numbers, get a total and category scores from the members'
//! (sum, mean or the best k), a place on the team leaderboard and awards.

use super::awards::{award_group, Candidate};
use super::components::*;
use super::exact;
use super::rank::{assign_places, runs, EncodedKeys, KeyPart, Seen};
use super::round::round;
use crate::contest::{Order, TeamCombine};
use bevy_ecs::prelude::*;
use rust_decimal::Decimal;

/// A team: its name (the shared field value) and its members' entry numbers.
#[derive(Component, Debug, Clone)]
pub struct TeamMembers {
    pub name: Box<str>,
    pub members: Vec<u32>,
}

/// The members whose results count for the team, best first (for Best(k)
/// the best k; ties between members broken by entry order).
pub fn counted_members(combine: TeamCombine, order: Order, members: &[(u32, Decimal)]) -> Vec<u32> {
    let mut ranked = members.to_vec();
    ranked.sort_by(|a, b| {
        let by_total = match order {
            Order::HigherIsBetter => b.1.cmp(&a.1),
            Order::LowerIsBetter => a.1.cmp(&b.1),
        };
        by_total.then(a.0.cmp(&b.0))
    });
    let keep = match combine {
        TeamCombine::Best(k) => k as usize,
        TeamCombine::Sum | TeamCombine::Mean => ranked.len(),
    };
    ranked.into_iter().take(keep).map(|(entry, _)| entry).collect()
}

pub fn combine_team_members(
    inputs: Res<Inputs>,
    entries: Query<(&EntryIndex, &Total, &CategoryScores)>,
    mut teams: Query<(&TeamMembers, &mut Total, &mut CategoryScores), Without<EntryIndex>>,
) {
    let Some(rule) = &inputs.rules.contest.teams else { return };
    let contest = &inputs.rules.contest;
    let mut by_entry: Vec<Option<(Decimal, &CategoryScores)>> = vec![None; inputs.entries.list.len()];
    for (index, total, categories) in &entries {
        by_entry[index.0 as usize] = total.0.map(|t| (t, categories));
    }
    for (team, mut total, mut categories) in &mut teams {
        let scored: Vec<(u32, Decimal)> = team
            .members
            .iter()
            .filter_map(|&m| by_entry[m as usize].map(|(t, _)| (m, t)))
            .collect();
        let complete = match rule.combine {
            TeamCombine::Best(k) => scored.len() >= k as usize,
            TeamCombine::Sum | TeamCombine::Mean => scored.len() == team.members.len(),
        };
        if !complete || scored.is_empty() {
            total.0 = None;
            continue;
        }
        let counted = counted_members(rule.combine, contest.ranking.order, &scored);
        // A team whose sum is too large to compute is left unscored (unranked).
        let combine = |values: Vec<Decimal>| match rule.combine {
            TeamCombine::Mean => exact::mean(&values),
            TeamCombine::Sum | TeamCombine::Best(_) => exact::sum(values),
        };
        total.0 = combine(counted.iter().map(|&m| by_entry[m as usize].expect("scored").0).collect())
            .map(|sum| round(sum, contest.rounding.total));
        categories.0 = (0..inputs.rules.categories.len())
            .map(|c| {
                let values: Option<Vec<Decimal>> = counted
                    .iter()
                    .map(|&m| by_entry[m as usize].and_then(|(_, s)| s.0[c].get()))
                    .collect();
                values.and_then(combine).map(|v| round(v, contest.rounding.category)).into()
            })
            .collect();
    }
}

pub fn rank_teams(inputs: Res<Inputs>, mut teams: Query<(&TeamMembers, &Total, &mut Standing), Without<EntryIndex>>) {
    let order = inputs.rules.contest.ranking.order;
    let totals: Vec<(Box<str>, Option<Decimal>)> = teams.iter().map(|(team, total, _)| (team.name.clone(), total.0)).collect();
    let keys = EncodedKeys::encode(totals.len(), &[order], |_, i| KeyPart::Number(totals[i].1));
    let mut sorted: Vec<usize> = (0..totals.len()).filter(|&i| totals[i].1.is_some()).collect();
    sorted.sort_by(|&a, &b| keys.of(a).cmp(keys.of(b)).then(totals[a].0.cmp(&totals[b].0)));
    let runs = runs(sorted.iter().map(|&i| keys.of(i)));
    let (mut in_order, mut ordinals) = (vec![Place::default(); sorted.len()], vec![0; sorted.len()]);
    assign_places(
        &mut in_order,
        &mut ordinals,
        runs.into_iter().map(|run| (0, run)),
        &mut [Seen::NONE],
    );
    let mut places = vec![None; totals.len()];
    for (&team, place) in sorted.iter().zip(in_order) {
        places[team] = Some(place);
    }
    for (i, (_, _, mut standing)) in teams.iter_mut().enumerate() {
        standing.overall = places[i];
    }
}

pub fn decide_team_awards(inputs: Res<Inputs>, mut teams: Query<(&Total, &Standing, &mut Awards), Without<EntryIndex>>) {
    let Some(rule) = &inputs.rules.contest.teams else { return };
    let mut candidates: Vec<Candidate> = teams
        .iter()
        .enumerate()
        .filter_map(|(i, (total, standing, _))| {
            Some(Candidate {
                entry: i as u32,
                total: total.0?,
                place: standing.overall?,
                eligible: true,
            })
        })
        .collect();
    candidates.sort_by_key(|c| (c.place.rank, c.entry));
    let mut won: Vec<Vec<(u16, u16)>> = vec![Vec::new(); teams.iter().len()];
    for (s, set) in rule.awards.iter().enumerate() {
        for (team, tier) in award_group(
            set,
            inputs.rules.contest.ranking.order,
            candidates.len(),
            candidates.iter().copied(),
        ) {
            won[team as usize].push((s as u16, tier));
        }
    }
    for (i, (_, _, mut awards)) in teams.iter_mut().enumerate() {
        awards.0 = std::mem::take(&mut won[i]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_k_takes_the_best_members_in_the_contest_order() {
        let members = [
            (0, Decimal::from(70)),
            (1, Decimal::from(90)),
            (2, Decimal::from(80)),
            (3, Decimal::from(90)),
        ];
        assert_eq!(counted_members(TeamCombine::Best(2), Order::HigherIsBetter, &members), [1, 3]);
        assert_eq!(counted_members(TeamCombine::Best(2), Order::LowerIsBetter, &members), [0, 2]);
        assert_eq!(counted_members(TeamCombine::Sum, Order::HigherIsBetter, &members).len(), 4);
    }
}
