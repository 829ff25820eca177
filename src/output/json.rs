//! JSON: every number written exactly as computed.

use super::{Format, Leaderboard};
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};
use std::io::{self, Write};
use std::str::FromStr;

pub struct Json;

/// An exact decimal as a JSON number (`87.50` stays `87.50`).
pub fn decimal(value: Option<Decimal>) -> Value {
    value.map_or(Value::Null, |v| {
        Value::Number(serde_json::Number::from_str(&v.to_string()).expect("a decimal is a JSON number"))
    })
}

/// id → score, in the contest's order.
fn scores<'a>(ids: impl Iterator<Item = &'a String>, values: &[Option<Decimal>]) -> Map<String, Value> {
    ids.zip(values).map(|(id, v)| (id.clone(), decimal(*v))).collect()
}

impl Format for Json {
    fn write(&self, board: &Leaderboard, out: &mut dyn Write) -> io::Result<()> {
        let rules = board.rules;
        let entries: Vec<Value> = board
            .rows
            .iter()
            .map(|row| {
                let categories = scores(rules.categories.iter().map(|c| &c.id), row.categories);
                let criteria = scores(rules.criteria.iter().map(|c| &c.key), row.criteria);
                let divisions: Map<String, Value> = row
                    .divisions
                    .iter()
                    .map(|(field, value, place)| {
                        (
                            field.to_string(),
                            json!({ "value": value, "rank": place.map(|p| p.rank), "tied": place.is_some_and(|p| p.tied) }),
                        )
                    })
                    .collect();
                let awards: Vec<Value> = row
                    .awards
                    .iter()
                    .map(|(set, tier, label)| json!({ "set": set, "tier": tier, "label": label }))
                    .collect();
                json!({
                    "rank": row.place.map(|p| p.rank),
                    "tied": row.place.is_some_and(|p| p.tied),
                    "entry": row.entry,
                    "name": row.name,
                    "organisation": row.organisation,
                    "division": row.division,
                    "divisions": divisions,
                    "total": decimal(row.total),
                    "categories": categories,
                    "criteria": criteria,
                    "flags": row.flags,
                    "award": row.awards.first().map(|a| a.1),
                    "award_label": row.awards.first().map(|a| a.2),
                    "awards": awards,
                })
            })
            .collect();
        let document = json!({
            "contest": rules.contest.id,
            "name": rules.contest.name.get(board.lang),
            "leaderboard": if board.teams { "teams" } else { "entries" },
            "division": board.filter.as_ref().map(|(field, value)| json!({ "field": field, "value": value })),
            "entries": entries,
        });
        serde_json::to_writer_pretty(&mut *out, &document)?;
        writeln!(out)
    }
}
