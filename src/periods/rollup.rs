//! A series scored: each period's contest as any contest is scored, the
//! bars its vetoes set (this period, the rest of the year, or years), the
//! rotating award of each period, and each roll-up's totals, places and
//! awards. A team is the same entry id from period to period.

use super::{Loaded, Reach, RollUp, RollUpRule};
use crate::contest::{Label, Order};
use crate::engine::awards::{award_group, Candidate};
use crate::engine::{Flag, Place, Results};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// A team as the latest period that has it names it.
#[derive(Debug, Clone)]
pub struct Team {
    pub id: String,
    pub name: String,
    pub organisation: String,
}

/// A team's result in one period.
#[derive(Debug, Clone)]
pub struct Cell {
    pub total: Option<Decimal>,
    pub place: Option<Place>,
    /// The vetoes that held: (id, label).
    pub vetoes: Vec<(String, Label)>,
    /// Disqualified by a veto that period (no award of that period).
    pub disqualified: bool,
}

/// Why a team is barred in a period: the veto and the period it held in
/// (a period of an earlier year's series is named with its year).
#[derive(Debug, Clone, PartialEq)]
pub struct BarredBy {
    pub veto: Label,
    pub period: Label,
    pub year: i32,
}

/// A roll-up's results, by team.
#[derive(Debug, Clone)]
pub struct RollUpResult {
    pub totals: Vec<Option<Decimal>>,
    pub places: Vec<Option<Place>>,
    /// (award set, tier) won.
    pub awards: Vec<Vec<(u16, u16)>>,
    /// Barred in one of its periods: no award of the roll-up.
    pub barred: Vec<bool>,
}

/// Everything the board and a team's year sheet show.
pub struct Scored {
    pub teams: Vec<Team>,
    /// By period, then team.
    pub cells: Vec<Vec<Option<Cell>>>,
    pub barred: Vec<Vec<Option<BarredBy>>>,
    /// By period: the teams that hold the rotating award.
    pub rotating: Vec<Vec<usize>>,
    /// By roll-up, in the series' order.
    pub roll_ups: Vec<RollUpResult>,
    /// Every period's marks are all in.
    pub complete: bool,
    pub order: Order,
}

/// Scores every period of the series and what it rolls up to.
pub fn score(loaded: &Loaded) -> Result<Scored, String> {
    let results: Vec<Results> = loaded
        .series
        .periods
        .iter()
        .map(|period| {
            let inputs = crate::load::load(&loaded.folder(period), None).map_err(|p| p.to_string())?;
            Ok(crate::stages::final_results(inputs, &[]))
        })
        .collect::<Result<_, String>>()?;
    check_periods(loaded, &results)?;
    let order = results
        .first()
        .map_or(Order::HigherIsBetter, |r| r.inputs.rules.contest.ranking.order);
    let teams = teams(&results);
    let cells = cells(&results, &teams);
    let ids: Vec<String> = teams.iter().map(|(t, _)| t.id.clone()).collect();
    let events = bar_events(loaded, &cells, &ids)?;
    let barred = barred(loaded, &events, &ids);
    let rotating = rotating(&cells, &barred);
    let roll_ups = loaded
        .series
        .roll_ups
        .iter()
        .map(|roll_up| roll_up_result(loaded, roll_up, &cells, &barred, order))
        .collect();
    Ok(Scored {
        teams: teams.into_iter().map(|(team, _)| team).collect(),
        cells,
        barred,
        rotating,
        roll_ups,
        complete: results.iter().all(|r| r.complete),
        order,
    })
}

/// The periods' contests agree on the order of ranking, and a bar names a
/// veto some period's contest declares (a misspelt one would bar nobody, silently).
fn check_periods(loaded: &Loaded, results: &[Results]) -> Result<(), String> {
    let mut declared: Vec<&str> = Vec::new();
    for veto in results.iter().flat_map(|r| &r.inputs.rules.vetoes) {
        if !declared.contains(&veto.id.as_str()) {
            declared.push(&veto.id);
        }
    }
    let mut problems = crate::error::Diagnostics::default();
    // One order for every period: a roll-up adds their totals and ranks them once.
    let periods = &loaded.series.periods;
    let order = |r: &Results| r.inputs.rules.contest.ranking.order;
    for p in (1..results.len()).filter(|&p| order(&results[p]) != order(&results[0])) {
        problems.push(crate::contest::placed(
            &loaded.path,
            &loaded.source,
            format!("periods[{p}].folder"),
            &super::in_period(p, &super::quoted(&periods[p].folder)),
            crate::msg!("periods-order-differs", id = &periods[p].id, first = &periods[0].id),
            Some(crate::msg!("periods-order-differs-help", file = crate::contest::CONTEST_FILE)),
        ));
    }
    for (b, bar) in loaded.series.bars.iter().enumerate() {
        if !declared.contains(&bar.veto.as_str()) {
            problems.push(crate::contest::placed(
                &loaded.path,
                &loaded.source,
                format!("bars[{b}].veto"),
                &["bars", &super::quoted(&bar.veto)],
                crate::msg!("periods-unknown-veto", id = &bar.veto),
                Some(crate::error::suggestion(&bar.veto, declared.iter().copied())),
            ));
        }
    }
    problems.into_result(()).map_err(|p| p.to_string())
}

/// Every team of any period, in order of first appearance, named as the
/// latest period names it; with its index.
fn teams(results: &[Results]) -> Vec<(Team, usize)> {
    let mut found: Vec<(Team, usize)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for results in results {
        let entries = &results.inputs.entries;
        for entry in &entries.list {
            let team = Team {
                id: entry.id.to_string(),
                name: entry.name.to_string(),
                organisation: entries.organisation(entry).to_string(),
            };
            match index.get(&team.id) {
                Some(&t) => found[t].0 = team,
                None => {
                    index.insert(team.id.clone(), found.len());
                    let at = found.len();
                    found.push((team, at));
                }
            }
        }
    }
    found
}

/// Each period's row of each team.
fn cells(results: &[Results], teams: &[(Team, usize)]) -> Vec<Vec<Option<Cell>>> {
    results
        .iter()
        .map(|results| {
            let rules = &results.inputs.rules;
            let entries = &results.inputs.entries;
            let mut row_of: Vec<Option<Cell>> = vec![None; teams.len()];
            let index: HashMap<&str, usize> = teams.iter().map(|(t, i)| (t.id.as_str(), *i)).collect();
            for row in &results.rows {
                let id = &*entries.list[row.entry as usize].id;
                let vetoes = row
                    .flags
                    .iter()
                    .filter_map(|flag| match flag {
                        Flag::Veto { veto } => {
                            let veto = &rules.vetoes[*veto as usize];
                            Some((veto.id.clone(), veto.label.clone()))
                        }
                        _ => None,
                    })
                    .collect();
                row_of[index[id]] = Some(Cell {
                    total: row.total,
                    place: row.standing.overall,
                    vetoes,
                    disqualified: crate::engine::Flags::disqualify(&row.flags, rules),
                });
            }
            row_of
        })
        .collect()
}

/// A bar: the team, the period it began in (this series' number, or the
/// start of the year for an earlier year's), its reach and why.
struct Event {
    team: String,
    period: usize,
    reach: Reach,
    why: BarredBy,
}

/// The bars this series' vetoes set (`teams`: the ids by team number),
/// and those of earlier years that still reach into it.
fn bar_events(loaded: &Loaded, cells: &[Vec<Option<Cell>>], teams: &[String]) -> Result<Vec<Event>, String> {
    let series = &loaded.series;
    let mut events = Vec::new();
    for (p, period_cells) in cells.iter().enumerate() {
        for (t, cell) in period_cells.iter().enumerate() {
            let Some(cell) = cell else { continue };
            for (id, label) in &cell.vetoes {
                let Some(bar) = series.bars.iter().find(|b| &b.veto == id) else {
                    continue;
                };
                events.push(Event {
                    team: teams[t].clone(),
                    period: p,
                    reach: bar.reach,
                    why: BarredBy {
                        veto: label.clone(),
                        period: series.periods[p].label.clone(),
                        year: series.year,
                    },
                });
            }
        }
    }
    for earlier in &series.earlier {
        let mut before = super::load(&loaded.dir().join(earlier)).map_err(|p| p.to_string())?;
        // Its own bars only: each year lists every earlier year that reaches
        // it, so no series is read twice, nor one that names this one.
        before.series.earlier.clear();
        let scored = score(&before)?;
        let ids: Vec<String> = scored.teams.iter().map(|t| t.id.clone()).collect();
        let mut reaching = bar_events(&before, &scored.cells, &ids)?;
        // Only bars of years that reach this one, and from its first period.
        let this_year = i64::from(series.year);
        reaching.retain(
            |e| matches!(e.reach, Reach::Years(n) if i64::from(e.why.year) < this_year && i64::from(e.why.year) + i64::from(n) > this_year),
        );
        for event in &mut reaching {
            event.period = 0;
        }
        events.extend(reaching);
    }
    Ok(events)
}

/// Which team is barred in which period, and by what (the first bar that
/// reaches it).
fn barred(loaded: &Loaded, events: &[Event], teams: &[String]) -> Vec<Vec<Option<BarredBy>>> {
    let periods = loaded.series.periods.len();
    let index: HashMap<&str, usize> = teams.iter().enumerate().map(|(t, id)| (id.as_str(), t)).collect();
    let mut barred = vec![vec![None; teams.len()]; periods];
    for event in events {
        let Some(&t) = index.get(event.team.as_str()) else { continue };
        let last = match event.reach {
            Reach::Period => event.period,
            Reach::RestOfYear | Reach::Years(_) => periods - 1,
        };
        for period in barred.iter_mut().take(last + 1).skip(event.period) {
            period[t].get_or_insert_with(|| event.why.clone());
        }
    }
    barred
}

/// Each period's holders of the rotating award: the best placed teams not
/// barred and not disqualified that period (tied teams share it).
fn rotating(cells: &[Vec<Option<Cell>>], barred: &[Vec<Option<BarredBy>>]) -> Vec<Vec<usize>> {
    cells
        .iter()
        .zip(barred)
        .map(|(period, barred)| {
            let eligible = |t: usize| {
                period[t]
                    .as_ref()
                    .filter(|c| !c.disqualified && barred[t].is_none())
                    .and_then(|c| c.place)
            };
            let best = (0..period.len()).filter_map(eligible).map(|p| p.rank).min();
            (0..period.len())
                .filter(|&t| best.is_some() && eligible(t).map(|p| p.rank) == best)
                .collect()
        })
        .collect()
}

/// A roll-up over its periods: each team's total by the rule, places (ties
/// shared) and the roll-up's awards to teams not barred in its periods.
fn roll_up_result(
    loaded: &Loaded,
    roll_up: &RollUp,
    cells: &[Vec<Option<Cell>>],
    barred: &[Vec<Option<BarredBy>>],
    order: Order,
) -> RollUpResult {
    let covered = loaded.covered(roll_up);
    let teams = cells.first().map_or(0, Vec::len);
    let totals: Vec<Option<Decimal>> = (0..teams)
        .map(|t| {
            let totals: Vec<Option<Decimal>> = covered.iter().map(|&p| cells[p][t].as_ref().and_then(|c| c.total)).collect();
            let total = rolled_up(&roll_up.rule, &covered, loaded, &totals, order)?;
            Some(crate::engine::round::round(total, roll_up.round))
        })
        .collect();
    let places = crate::stages::places_by(&totals, order);
    let barred_team: Vec<bool> = (0..teams).map(|t| covered.iter().any(|&p| barred[p][t].is_some())).collect();
    let mut ranked: Vec<usize> = (0..teams).filter(|&t| places[t].is_some()).collect();
    ranked.sort_by_key(|&t| places[t].map(|p| p.rank));
    let mut awards = vec![Vec::new(); teams];
    for (s, set) in roll_up.awards.iter().enumerate() {
        let candidates = ranked.iter().map(|&t| Candidate {
            entry: t as u32,
            total: totals[t].unwrap_or_default(),
            place: places[t].unwrap_or_default(),
            eligible: !barred_team[t],
        });
        for (team, tier) in award_group(set, order, ranked.len(), candidates) {
            awards[team as usize].push((s as u16, tier));
        }
    }
    RollUpResult {
        totals,
        places,
        awards,
        barred: barred_team,
    }
}

/// One team's rolled-up total from its periods' totals (`None` where it has
/// none), or `None` when the rule cannot give one.
pub fn rolled_up(rule: &RollUpRule, covered: &[usize], loaded: &Loaded, totals: &[Option<Decimal>], order: Order) -> Option<Decimal> {
    match rule {
        RollUpRule::Sum => totals.iter().copied().sum(),
        RollUpRule::Mean => {
            let sum: Decimal = totals.iter().copied().sum::<Option<Decimal>>()?;
            sum.checked_div(Decimal::from(totals.len()))
        }
        RollUpRule::Best(k) => {
            let mut present: Vec<Decimal> = totals.iter().flatten().copied().collect();
            if present.len() < *k as usize {
                return None;
            }
            present.sort_by(|a, b| match order {
                Order::HigherIsBetter => b.cmp(a),
                Order::LowerIsBetter => a.cmp(b),
            });
            Some(present[..*k as usize].iter().sum())
        }
        RollUpRule::Weighted(weights) => {
            let (mut sum, mut weight_sum) = (Decimal::ZERO, Decimal::ZERO);
            for (id, weight) in weights {
                let p = loaded.series.periods.iter().position(|p| &p.id == id)?;
                let at = covered.iter().position(|&c| c == p)?;
                sum += totals[at]? * weight.value();
                weight_sum += weight.value();
            }
            sum.checked_div(weight_sum)
        }
    }
}
