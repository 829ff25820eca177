//! Who goes on from a stage: the stage's rule walked down its ranking,
//! best first. Entries still tied at the cut line all go through; a cap
//! passes over entries whose group (organisation, country) is full.

use crate::contest::{Advance, AdvanceRule, Order};
use crate::engine::Place;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// One entry of a stage as the rule sees it, in ranking order (best first,
/// unranked last).
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    pub place: Option<Place>,
    pub total: Option<Decimal>,
    /// The value of the heats field (for `Heats`).
    pub heat: &'a str,
    /// The value of the capped field (for `cap`).
    pub group: &'a str,
}

/// How an entry fared at the end of a stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The last stage: there is nothing to go on to.
    Last,
    Through(Reason),
    Out(Reason),
}

impl Outcome {
    pub fn through(&self) -> Option<bool> {
        match self {
            Outcome::Last => None,
            Outcome::Through(_) => Some(true),
            Outcome::Out(_) => Some(false),
        }
    }
}

/// Why, in terms the stage's rule uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The stage sends every ranked entry on.
    Everyone,
    /// Its place against the number going on (`Top`, `Share`).
    Place { rank: u32, top: u32 },
    /// Its total against the bound (`AtLeast`).
    Total { total: Decimal, bound: Decimal },
    /// Its place within its heat against the heat's winners.
    Heat { heat: String, place: u32, winners: u32 },
    /// Among the others of every heat, its place against the best others taken.
    BestOther { place: u32, taken: u32 },
    /// Its group already had `cap` entries going on.
    Capped { group: String, cap: u32 },
    /// It has no total in this stage.
    Unranked,
}

/// Each candidate's outcome, in the candidates' order.
pub fn decide(advance: Option<&Advance>, order: Order, candidates: &[Candidate]) -> Vec<Outcome> {
    let Some(advance) = advance else {
        return candidates
            .iter()
            .map(|c| match c.place {
                Some(_) => Outcome::Through(Reason::Everyone),
                None => Outcome::Out(Reason::Unranked),
            })
            .collect();
    };
    let mut cap = Cap::new(advance.cap.as_ref().map(|(_, n)| *n));
    let ranked = candidates.iter().filter(|c| c.place.is_some()).count();
    let mut outcomes = match &advance.rule {
        AdvanceRule::Top(n) => top(candidates, *n, &mut cap),
        AdvanceRule::Share(percent) => {
            let n = (Decimal::from(ranked) * percent.value() / Decimal::ONE_HUNDRED).floor();
            top(candidates, n.to_u32().unwrap_or(0), &mut cap)
        }
        AdvanceRule::AtLeast(bound) => at_least(candidates, bound.value(), order, &mut cap),
        AdvanceRule::Heats { winners, best_others, .. } => heats(candidates, *winners, *best_others, &mut cap),
    };
    for (outcome, candidate) in outcomes.iter_mut().zip(candidates) {
        if candidate.place.is_none() {
            *outcome = Outcome::Out(Reason::Unranked);
        }
    }
    outcomes
}

/// How many of each group go on so far, against the cap.
struct Cap {
    cap: Option<u32>,
    taken: HashMap<String, u32>,
}

impl Cap {
    fn new(cap: Option<u32>) -> Cap {
        Cap {
            cap,
            taken: HashMap::new(),
        }
    }

    /// `Capped` when the group is full.
    fn full(&self, group: &str) -> Option<Reason> {
        let cap = self.cap?;
        (self.taken.get(group).copied().unwrap_or(0) >= cap).then(|| Reason::Capped {
            group: group.to_string(),
            cap,
        })
    }

    fn take(&mut self, group: &str) {
        // Without a cap nothing is counted (a string and a map entry per
        // entry going on took most of deciding).
        if self.cap.is_none() {
            return;
        }
        if let Some(taken) = self.taken.get_mut(group) {
            *taken += 1;
            return;
        }
        self.taken.insert(group.to_string(), 1);
    }
}

/// The best `n` by place, passing over capped entries; whoever shares the
/// place of the last one taken goes through too.
fn top(candidates: &[Candidate], n: u32, cap: &mut Cap) -> Vec<Outcome> {
    let (mut taken, mut last_rank) = (0u32, None);
    let mut outcomes = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        let Some(place) = candidate.place else {
            outcomes.push(Outcome::Out(Reason::Unranked));
            continue;
        };
        let reason = Reason::Place { rank: place.rank, top: n };
        if taken >= n && last_rank != Some(place.rank) {
            outcomes.push(Outcome::Out(reason));
        } else if let Some(full) = cap.full(candidate.group) {
            outcomes.push(Outcome::Out(full));
        } else {
            cap.take(candidate.group);
            taken += 1;
            last_rank = Some(place.rank);
            outcomes.push(Outcome::Through(reason));
        }
    }
    outcomes
}

/// Every entry with a total at least as good as `bound`.
fn at_least(candidates: &[Candidate], bound: Decimal, order: Order, cap: &mut Cap) -> Vec<Outcome> {
    candidates
        .iter()
        .map(|candidate| {
            let Some(total) = candidate.total.filter(|_| candidate.place.is_some()) else {
                return Outcome::Out(Reason::Unranked);
            };
            let good = match order {
                Order::HigherIsBetter => total >= bound,
                Order::LowerIsBetter => total <= bound,
            };
            let reason = Reason::Total { total, bound };
            if !good {
                return Outcome::Out(reason);
            }
            if let Some(full) = cap.full(candidate.group) {
                return Outcome::Out(full);
            }
            cap.take(candidate.group);
            Outcome::Through(reason)
        })
        .collect()
}

/// Each heat's best `winners` (by their places: tied winners both go), then
/// the best `best_others` of everyone else, with ties at that cut too. A
/// heat won is never taken away by the cap; the others are capped.
fn heats(candidates: &[Candidate], winners: u32, best_others: u32, cap: &mut Cap) -> Vec<Outcome> {
    // A heat place: one more than the heat's entries placed strictly better.
    // Candidates come best first, so each heat's ranks stay sorted and the
    // better ones are found by bisection (a heat of 100,000 stays fast).
    let mut better: HashMap<&str, Vec<u32>> = HashMap::new();
    let mut outcomes: Vec<Option<Outcome>> = vec![None; candidates.len()];
    for (i, candidate) in candidates.iter().enumerate() {
        let Some(place) = candidate.place else { continue };
        let ranks = better.entry(candidate.heat).or_default();
        let heat_place = 1 + ranks.partition_point(|&r| r < place.rank) as u32;
        ranks.push(place.rank);
        if heat_place <= winners {
            cap.take(candidate.group);
            let heat = candidate.heat.to_string();
            outcomes[i] = Some(Outcome::Through(Reason::Heat {
                heat,
                place: heat_place,
                winners,
            }));
        }
    }
    let (mut taken, mut last_rank, mut other_place) = (0u32, None, 0u32);
    for (i, candidate) in candidates.iter().enumerate() {
        let Some(place) = candidate.place else { continue };
        if outcomes[i].is_some() {
            continue;
        }
        other_place += 1;
        let reason = Reason::BestOther {
            place: other_place,
            taken: best_others,
        };
        outcomes[i] = Some(if taken >= best_others && last_rank != Some(place.rank) {
            Outcome::Out(reason)
        } else if let Some(full) = cap.full(candidate.group) {
            Outcome::Out(full)
        } else {
            cap.take(candidate.group);
            taken += 1;
            last_rank = Some(place.rank);
            Outcome::Through(reason)
        });
    }
    outcomes.into_iter().map(|o| o.unwrap_or(Outcome::Out(Reason::Unranked))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contest::Number;

    fn place(rank: u32, tied: bool) -> Option<Place> {
        Some(Place { rank, tied })
    }

    /// Candidates from (place, tied, total, heat, group), best first.
    fn field(rows: &[(u32, bool, i64, &'static str, &'static str)]) -> Vec<Candidate<'static>> {
        rows.iter()
            .map(|&(rank, tied, total, heat, group)| Candidate {
                place: if rank == 0 { None } else { place(rank, tied) },
                total: (rank != 0).then(|| Decimal::from(total)),
                heat,
                group,
            })
            .collect()
    }

    fn advance(rule: AdvanceRule, cap: Option<u32>) -> Advance {
        Advance {
            rule,
            cap: cap.map(|n| ("organisation".to_string(), n)),
        }
    }

    fn through(outcomes: &[Outcome]) -> Vec<bool> {
        outcomes.iter().map(|o| o.through() == Some(true)).collect()
    }

    #[test]
    fn top_n_takes_everyone_tied_at_the_cut() {
        // Places 1, 2, =3, =3, 5: the top 3 are four entries.
        let field = field(&[
            (1, false, 90, "", "A"),
            (2, false, 88, "", "B"),
            (3, true, 85, "", "C"),
            (3, true, 85, "", "D"),
            (5, false, 80, "", "E"),
        ]);
        let outcomes = decide(Some(&advance(AdvanceRule::Top(3), None)), Order::HigherIsBetter, &field);
        assert_eq!(through(&outcomes), [true, true, true, true, false]);
        assert_eq!(outcomes[4], Outcome::Out(Reason::Place { rank: 5, top: 3 }));
    }

    #[test]
    fn top_n_without_a_tie_takes_exactly_n() {
        let field = field(&[
            (1, false, 90, "", "A"),
            (2, false, 88, "", "B"),
            (3, false, 85, "", "C"),
            (4, false, 84, "", "D"),
        ]);
        let outcomes = decide(Some(&advance(AdvanceRule::Top(2), None)), Order::HigherIsBetter, &field);
        assert_eq!(through(&outcomes), [true, true, false, false]);
    }

    #[test]
    fn unranked_entries_never_go_on() {
        let field = field(&[(1, false, 90, "", "A"), (0, false, 0, "", "B")]);
        let outcomes = decide(Some(&advance(AdvanceRule::Top(5), None)), Order::HigherIsBetter, &field);
        assert_eq!(outcomes[1], Outcome::Out(Reason::Unranked));
        let everyone = decide(None, Order::HigherIsBetter, &field);
        assert_eq!(through(&everyone), [true, false]);
    }

    #[test]
    fn share_is_rounded_down_over_the_ranked() {
        // 30 % of 7 ranked is 2.1: two go on (the unranked eighth does not count).
        let mut rows: Vec<(u32, bool, i64, &str, &str)> = (1..=7).map(|r| (r, false, 100 - r as i64, "", "A")).collect();
        rows.push((0, false, 0, "", "A"));
        let field = field(&rows);
        let outcomes = decide(
            Some(&advance(AdvanceRule::Share(Number(Decimal::from(30))), None)),
            Order::HigherIsBetter,
            &field,
        );
        assert_eq!(through(&outcomes).iter().filter(|t| **t).count(), 2);
    }

    #[test]
    fn at_least_follows_the_order() {
        let field = field(&[(1, false, 60, "", "A"), (2, false, 55, "", "B"), (3, false, 40, "", "C")]);
        let higher = decide(
            Some(&advance(AdvanceRule::AtLeast(Number(Decimal::from(55))), None)),
            Order::HigherIsBetter,
            &field,
        );
        assert_eq!(through(&higher), [true, true, false]);
        // Lower is better (times): at most 55.
        let times = self::field(&[(1, false, 40, "", "A"), (2, false, 55, "", "B"), (3, false, 60, "", "C")]);
        let lower = decide(
            Some(&advance(AdvanceRule::AtLeast(Number(Decimal::from(55))), None)),
            Order::LowerIsBetter,
            &times,
        );
        assert_eq!(through(&lower), [true, true, false]);
    }

    #[test]
    fn a_cap_passes_over_a_full_organisation_and_takes_the_next_best() {
        // Top 3, at most 2 from one organisation: A, A, (A capped), B.
        let field = field(&[
            (1, false, 90, "", "A"),
            (2, false, 89, "", "A"),
            (3, false, 88, "", "A"),
            (4, false, 80, "", "B"),
            (5, false, 70, "", "C"),
        ]);
        let outcomes = decide(Some(&advance(AdvanceRule::Top(3), Some(2))), Order::HigherIsBetter, &field);
        assert_eq!(through(&outcomes), [true, true, false, true, false]);
        assert_eq!(outcomes[2], Outcome::Out(Reason::Capped { group: "A".into(), cap: 2 }));
    }

    #[test]
    fn heats_send_each_winner_then_the_best_losers() {
        // Pairs P1..P3; a loser of P1 has more points than the winner of P3.
        let field = field(&[
            (1, false, 130, "P1", "A"),
            (2, false, 125, "P1", "B"),
            (3, false, 120, "P2", "C"),
            (4, false, 110, "P3", "D"),
            (5, false, 100, "P2", "E"),
            (6, false, 90, "P3", "F"),
        ]);
        let rule = AdvanceRule::Heats {
            field: "pair".into(),
            winners: 1,
            best_others: 1,
        };
        let outcomes = decide(Some(&advance(rule, None)), Order::HigherIsBetter, &field);
        assert_eq!(through(&outcomes), [true, true, true, true, false, false]);
        assert_eq!(outcomes[1], Outcome::Through(Reason::BestOther { place: 1, taken: 1 }));
        assert_eq!(
            outcomes[3],
            Outcome::Through(Reason::Heat {
                heat: "P3".into(),
                place: 1,
                winners: 1
            })
        );
        assert_eq!(outcomes[4], Outcome::Out(Reason::BestOther { place: 2, taken: 1 }));
    }

    #[test]
    fn a_tied_heat_sends_both_and_tied_best_losers_all_go() {
        let field = field(&[
            (1, true, 100, "P1", "A"),
            (1, true, 100, "P1", "B"),
            (3, false, 90, "P2", "C"),
            (4, true, 80, "P2", "D"),
            (4, true, 80, "P3", "E"),
            (6, false, 70, "P3", "F"),
        ]);
        let rule = AdvanceRule::Heats {
            field: "pair".into(),
            winners: 1,
            best_others: 1,
        };
        let outcomes = decide(Some(&advance(rule, None)), Order::HigherIsBetter, &field);
        // A and B share P1; C wins P2; E wins P3; D is the best other alone.
        assert_eq!(through(&outcomes), [true, true, true, true, true, false]);
    }
}
