//! `podium periods FOLDER`: the roll-up board (each team's period totals,
//! its rolled-up total, place and award, the rotating award it held, and
//! any bar), or with `--team` one team's year sheet, every period shown.

use super::rollup::{score, Scored};
use super::{Loaded, RollUp};
use crate::campaign::board::{aligned, BoardFormat};
use crate::contest::Lang;
use crate::output::{number, shown_place};
use crate::say;
use crate::text::spreadsheet_text;
use serde_json::json;
use std::io::Write;
use std::path::Path;

/// What to show: the board of a roll-up (the last declared if none is
/// named), or one team's sheet.
pub struct Wanted<'a> {
    pub roll_up: Option<&'a str>,
    pub team: Option<&'a str>,
    pub format: BoardFormat,
    pub lang: Lang,
    pub output: Option<&'a Path>,
}

pub fn run(folder: &Path, wanted: Wanted) -> Result<(), String> {
    let loaded = super::load(folder).map_err(|p| p.to_string())?;
    let scored = score(&loaded)?;
    let view = View {
        loaded: &loaded,
        scored: &scored,
        lang: wanted.lang,
    };
    let mut bytes = Vec::new();
    match wanted.team {
        Some(id) => {
            let team = scored.teams.iter().position(|t| t.id == id).ok_or_else(|| {
                let ids = scored.teams.iter().map(|t| t.id.as_str());
                crate::msg!("periods-unknown-team", id = id, suggestion = crate::error::suggestion(id, ids)).to_string()
            })?;
            view.sheet(team, wanted.format, &mut bytes)
        }
        None => {
            let roll_up = match wanted.roll_up {
                Some(id) => Some(loaded.series.roll_ups.iter().position(|r| r.id == id).ok_or_else(|| {
                    let ids = loaded.series.roll_ups.iter().map(|r| r.id.as_str());
                    crate::msg!("periods-unknown-roll-up", id = id, suggestion = crate::error::suggestion(id, ids)).to_string()
                })?),
                None => loaded.series.roll_ups.len().checked_sub(1),
            };
            view.board(roll_up, wanted.format, &mut bytes)
        }
    }
    .map_err(|e| e.to_string())?;
    match wanted.output {
        Some(path) => crate::output::write_atomically(path, &bytes)
            .map_err(|e| crate::msg!("advance-cannot-write", file = path.display(), why = e).to_string()),
        None => std::io::stdout().write_all(&bytes).map_err(|e| e.to_string()),
    }
}

struct View<'a> {
    loaded: &'a Loaded,
    scored: &'a Scored,
    lang: Lang,
}

impl View<'_> {
    /// The periods shown: the roll-up's, or every one.
    fn periods(&self, roll_up: Option<&RollUp>) -> Vec<usize> {
        match roll_up {
            Some(r) => self.loaded.covered(r),
            None => (0..self.loaded.series.periods.len()).collect(),
        }
    }

    /// A period's total for a team as the board shows it: `-` when it has
    /// none, `†` after it when the team is barred that period, `★` when it
    /// held the rotating award.
    fn cell(&self, p: usize, t: usize) -> String {
        let s = self.scored;
        let mut text = number(s.cells[p][t].as_ref().and_then(|c| c.total));
        if s.barred[p][t].is_some() {
            text.push('†');
        }
        if s.rotating[p].contains(&t) {
            text.push('★');
        }
        text
    }

    /// Why a team is barred, in words.
    fn barred_by(&self, why: &super::rollup::BarredBy) -> String {
        let lang = self.lang;
        say!(
            lang,
            "periods-barred-by",
            veto = why.veto.get(lang),
            period = why.period.get(lang),
            year = why.year
        )
    }

    fn award_labels(&self, roll_up: &RollUp, won: &[(u16, u16)]) -> String {
        let labels: Vec<&str> = won
            .iter()
            .map(|&(s, t)| roll_up.awards[s as usize].tiers[t as usize].label.get(self.lang))
            .collect();
        let labels = labels.join(&say!(self.lang, "list-separator"));
        if self.scored.complete || labels.is_empty() {
            labels
        } else {
            say!(self.lang, "board-award-provisional", award = labels)
        }
    }

    /// The teams in board order: by the roll-up's places (unranked last), or as first seen.
    fn order(&self, roll_up: Option<usize>) -> Vec<usize> {
        let mut teams: Vec<usize> = (0..self.scored.teams.len()).collect();
        if let Some(r) = roll_up {
            let places = &self.scored.roll_ups[r].places;
            teams.sort_by_key(|&t| places[t].map_or(u32::MAX, |p| p.rank));
        }
        teams
    }

    fn board(&self, roll_up: Option<usize>, format: BoardFormat, out: &mut dyn Write) -> std::io::Result<()> {
        let (lang, series, s) = (self.lang, &self.loaded.series, self.scored);
        let rule = roll_up.map(|r| &series.roll_ups[r]);
        let periods = self.periods(rule);
        let teams = self.order(roll_up);
        let rotating = series.rotating.as_ref();
        let held = |t: usize| periods.iter().filter(|&&p| s.rotating[p].contains(&t)).count();
        let barred = |t: usize| periods.iter().find_map(|&p| s.barred[p][t].clone());
        if format == BoardFormat::Json {
            let rows: Vec<serde_json::Value> = teams
                .iter()
                .map(|&t| {
                    let team = &s.teams[t];
                    let by_period: serde_json::Map<String, serde_json::Value> = periods
                        .iter()
                        .map(|&p| {
                            let cell = s.cells[p][t].as_ref();
                            let value = json!({
                                "total": cell.and_then(|c| c.total).map(|v| v.to_string()),
                                "rank": cell.and_then(|c| c.place).map(|p| p.rank),
                                "vetoes": cell.map_or(Vec::new(), |c| c.vetoes.iter().map(|v| v.0.clone()).collect()),
                                "barred": s.barred[p][t].is_some(),
                                "rotating": s.rotating[p].contains(&t),
                            });
                            (series.periods[p].id.clone(), value)
                        })
                        .collect();
                    let mut row = json!({"team": team.id, "name": team.name, "organisation": team.organisation, "periods": by_period});
                    if let (Some(r), Some(rule)) = (roll_up, rule) {
                        let result = &s.roll_ups[r];
                        row["rank"] = json!(result.places[t].map(|p| p.rank));
                        row["tied"] = json!(result.places[t].is_some_and(|p| p.tied));
                        row["total"] = json!(result.totals[t].map(|v| v.to_string()));
                        row["awards"] = result.awards[t]
                            .iter()
                            .map(|&(set, tier)| {
                                let set = &rule.awards[set as usize];
                                json!({"set": set.id, "tier": set.tiers[tier as usize].id, "label": set.tiers[tier as usize].label.get(lang)})
                            })
                            .collect();
                    }
                    row["barred"] = json!(barred(t).is_some());
                    row["rotating_held"] = json!(held(t));
                    row
                })
                .collect();
            let document = json!({
                "series": series.id,
                "name": series.name.get(lang),
                "roll_up": rule.map(|r| r.id.clone()),
                "provisional": !s.complete,
                "teams": rows,
            });
            serde_json::to_writer_pretty(&mut *out, &document)?;
            return writeln!(out);
        }
        let mut header = vec![
            say!(lang, "column-rank"),
            say!(lang, "column-team"),
            say!(lang, "column-name"),
            say!(lang, "column-organisation"),
        ];
        header.extend(periods.iter().map(|&p| series.periods[p].label.get(lang).to_string()));
        if let Some(rule) = rule {
            header.push(rule.label.get(lang).to_string());
            header.push(say!(lang, "column-award"));
        }
        if let Some(rotating) = rotating {
            header.push(say!(lang, "periods-rotating-held", rotating = rotating.label.get(lang)));
        }
        header.push(say!(lang, "column-barred"));
        let rows: Vec<Vec<String>> = teams
            .iter()
            .map(|&t| {
                let team = &s.teams[t];
                let place = roll_up.and_then(|r| s.roll_ups[r].places[t]).map_or("-".into(), shown_place);
                let mut row = vec![place, team.id.clone(), team.name.clone(), team.organisation.clone()];
                row.extend(periods.iter().map(|&p| self.cell(p, t)));
                if let (Some(r), Some(rule)) = (roll_up, rule) {
                    row.push(number(s.roll_ups[r].totals[t]));
                    row.push(self.award_labels(rule, &s.roll_ups[r].awards[t]));
                }
                if rotating.is_some() {
                    row.push(held(t).to_string());
                }
                row.push(barred(t).map_or(String::new(), |why| self.barred_by(&why)));
                row
            })
            .collect();
        if format == BoardFormat::Csv {
            out.write_all("\u{feff}".as_bytes())?;
            let mut writer = csv::Writer::from_writer(out);
            for row in std::iter::once(&header).chain(&rows) {
                writer.write_record(row.iter().map(|c| spreadsheet_text(c).into_owned()))?;
            }
            return writer.flush();
        }
        let title = match rule {
            Some(rule) => format!("{} — {}", series.name.get(lang), rule.label.get(lang)),
            None => series.name.get(lang).to_string(),
        };
        writeln!(out, "{title}")?;
        if !s.complete {
            writeln!(out, "{}", say!(lang, "board-provisional"))?;
        }
        let mut lines = vec![header];
        lines.extend(rows);
        for line in aligned(&lines) {
            writeln!(out, "{line}")?;
        }
        let legend = match rotating {
            Some(rotating) => say!(lang, "periods-legend", rotating = rotating.label.get(lang)),
            None => say!(lang, "periods-legend-barred"),
        };
        writeln!(out, "{legend}")
    }

    /// One team's year: every period (total, place, vetoes, bar, rotating
    /// award), then every roll-up (total, place, award).
    fn sheet(&self, t: usize, format: BoardFormat, out: &mut dyn Write) -> std::io::Result<()> {
        let (lang, series, s) = (self.lang, &self.loaded.series, self.scored);
        let team = &s.teams[t];
        let yes = |b: bool| if b { say!(lang, "value-yes") } else { String::new() };
        let period_rows: Vec<Vec<String>> = series
            .periods
            .iter()
            .enumerate()
            .map(|(p, period)| {
                let cell = s.cells[p][t].as_ref();
                let vetoes: Vec<&str> = cell.map_or(Vec::new(), |c| c.vetoes.iter().map(|v| v.1.get(lang)).collect());
                vec![
                    period.label.get(lang).to_string(),
                    number(cell.and_then(|c| c.total)),
                    cell.and_then(|c| c.place).map_or("-".into(), shown_place),
                    vetoes.join(&say!(lang, "list-separator")),
                    s.barred[p][t].as_ref().map_or(String::new(), |why| self.barred_by(why)),
                    yes(s.rotating[p].contains(&t)),
                ]
            })
            .collect();
        let roll_up_rows: Vec<Vec<String>> = series
            .roll_ups
            .iter()
            .zip(&s.roll_ups)
            .map(|(rule, result)| {
                vec![
                    rule.label.get(lang).to_string(),
                    number(result.totals[t]),
                    result.places[t].map_or("-".into(), shown_place),
                    self.award_labels(rule, &result.awards[t]),
                ]
            })
            .collect();
        if format == BoardFormat::Json {
            let document = json!({
                "series": series.id,
                "team": team.id,
                "name": team.name,
                "organisation": team.organisation,
                "periods": series.periods.iter().zip(&period_rows).map(|(p, row)| json!({
                    "period": p.id, "total": row[1], "rank": row[2], "vetoes": row[3], "barred": row[4], "rotating": !row[5].is_empty(),
                })).collect::<Vec<_>>(),
                "roll_ups": series.roll_ups.iter().zip(&roll_up_rows).map(|(r, row)| json!({
                    "roll_up": r.id, "total": row[1], "rank": row[2], "awards": row[3],
                })).collect::<Vec<_>>(),
            });
            serde_json::to_writer_pretty(&mut *out, &document)?;
            return writeln!(out);
        }
        let period_header = vec![
            say!(lang, "column-period"),
            say!(lang, "column-total"),
            say!(lang, "column-rank"),
            say!(lang, "column-vetoes"),
            say!(lang, "column-barred"),
            series.rotating.as_ref().map_or(String::new(), |r| r.label.get(lang).to_string()),
        ];
        let roll_up_header = vec![
            say!(lang, "column-roll-up"),
            say!(lang, "column-total"),
            say!(lang, "column-rank"),
            say!(lang, "column-award"),
        ];
        if format == BoardFormat::Csv {
            out.write_all("\u{feff}".as_bytes())?;
            // Two tables one under the other: the roll-ups' rows are shorter than the periods'.
            let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(out);
            for row in std::iter::once(&period_header)
                .chain(&period_rows)
                .chain([&roll_up_header])
                .chain(&roll_up_rows)
            {
                writer.write_record(row.iter().map(|c| spreadsheet_text(c).into_owned()))?;
            }
            return writer.flush();
        }
        // No empty brackets for a team of no organisation.
        let title = if team.organisation.is_empty() {
            say!(
                lang,
                "periods-sheet-title-alone",
                series = series.name.get(lang),
                team = team.id.as_str(),
                name = team.name.as_str()
            )
        } else {
            say!(
                lang,
                "periods-sheet-title",
                series = series.name.get(lang),
                team = team.id.as_str(),
                name = team.name.as_str(),
                organisation = team.organisation.as_str()
            )
        };
        writeln!(out, "{title}")?;
        let mut lines = vec![period_header];
        lines.extend(period_rows);
        for line in aligned(&lines) {
            writeln!(out, "{line}")?;
        }
        writeln!(out)?;
        let mut lines = vec![roll_up_header];
        lines.extend(roll_up_rows);
        for line in aligned(&lines) {
            writeln!(out, "{line}")?;
        }
        Ok(())
    }
}
