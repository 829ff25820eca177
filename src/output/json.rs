//! JSON: every number written exactly as computed. The leaderboard is
//! serialised straight from the board's rows (no tree of values is built:
//! at national scale that was most of the time).

use super::{BoardRow, ElementCell, Format, Leaderboard, StageColumn};
use crate::engine::Place;
use rust_decimal::Decimal;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use std::io::{self, Write};
use std::str::FromStr;

pub struct Json;

/// An exact decimal as a JSON number (`87.50` stays `87.50`).
struct Exact(Option<Decimal>);

impl Serialize for Exact {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some(value) => serde_json::Number::from_str(&value.to_string())
                .expect("a decimal is a JSON number")
                .serialize(serializer),
            None => serializer.serialize_none(),
        }
    }
}

/// id → score, in the contest's order.
struct Scores<'a, I>(I, &'a [crate::engine::MaybeDecimal]);

impl<'a, I: Iterator<Item = &'a String> + Clone> Serialize for Scores<'a, I> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.1.len()))?;
        for (id, value) in self.0.clone().zip(self.1) {
            map.serialize_entry(id, &Exact(value.get()))?;
        }
        map.end()
    }
}

/// A place within a division field.
#[derive(Serialize)]
struct DivisionPlace<'a> {
    value: &'a str,
    rank: Option<u32>,
    tied: bool,
}

/// Each division field → its value and the place within it.
struct Divisions<'a>(&'a [(&'a str, &'a str, Option<Place>)]);

impl Serialize for Divisions<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (field, value, place) in self.0 {
            let place = DivisionPlace {
                value,
                rank: place.map(|p| p.rank),
                tied: place.is_some_and(|p| p.tied),
            };
            map.serialize_entry(field, &place)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct Award<'a> {
    set: &'a str,
    tier: &'a str,
    label: &'a str,
}

/// One leaderboard row, its fields in the order users' scripts know.
struct Row<'a>(&'a Leaderboard<'a>, &'a BoardRow<'a>);

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Row(board, row) = self;
        let rules = board.rules;
        let slots = board.element_slots();
        let mut map = serializer.serialize_map(Some(14 + usize::from(!slots.is_empty())))?;
        map.serialize_entry("rank", &row.place.map(|p| p.rank))?;
        map.serialize_entry("tied", &row.place.is_some_and(|p| p.tied))?;
        map.serialize_entry("entry", row.entry)?;
        map.serialize_entry("name", &row.name)?;
        map.serialize_entry("organisation", row.organisation)?;
        map.serialize_entry("division", row.division)?;
        map.serialize_entry("divisions", &Divisions(&row.divisions))?;
        map.serialize_entry("total", &Exact(row.total))?;
        map.serialize_entry("categories", &Scores(rules.categories.iter().map(|c| &c.id), row.categories))?;
        map.serialize_entry("criteria", &Scores(rules.criteria.iter().map(|c| &c.key), row.criteria))?;
        map.serialize_entry("flags", &row.flags)?;
        map.serialize_entry("award", &row.awards.first().map(|a| a.1))?;
        map.serialize_entry("award_label", &row.awards.first().map(|a| a.2))?;
        let awards: Vec<Award> = row.awards.iter().map(|&(set, tier, label)| Award { set, tier, label }).collect();
        map.serialize_entry("awards", &awards)?;
        // Only entries that went on from a lower level have these: other
        // contests' JSON stays as scripts know it.
        if let Some((contest, place)) = row.from {
            map.serialize_entry("from_contest", contest)?;
            map.serialize_entry("from_place", place)?;
        }
        for column in &board.stage_columns {
            let cells = &row.stage;
            match column {
                StageColumn::RoundRank => {
                    map.serialize_entry("round_rank", &cells.round_place.map(|p| p.rank))?;
                    map.serialize_entry("round_tied", &cells.round_place.is_some_and(|p| p.tied))?;
                }
                StageColumn::Behind => map.serialize_entry("behind", &Exact(cells.behind))?,
                StageColumn::Advanced => map.serialize_entry("advanced", &cells.advanced)?,
                StageColumn::Reached => map.serialize_entry("stage", &cells.reached.map(|(id, _)| id))?,
            }
        }
        if !slots.is_empty() {
            map.serialize_entry("elements", &Elements(board, row, &slots))?;
        }
        map.end()
    }
}

/// Each element criterion's key → its elements, in the contest's order.
struct Elements<'a>(&'a Leaderboard<'a>, &'a BoardRow<'a>, &'a [(usize, u8)]);

impl Serialize for Elements<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Elements(board, row, slots) = self;
        let mut map = serializer.serialize_map(None)?;
        for group in slots.chunk_by(|a, b| a.0 == b.0) {
            let cells: Vec<Element> = group.iter().map(|&slot| Element(board.element_cell(row, slot))).collect();
            map.serialize_entry(&board.rules.criteria[group[0].0].key, &cells)?;
        }
        map.end()
    }
}

/// One element: `performed` false for one the entry did not perform;
/// `value` what it counts (null when left out or unscored); its data and
/// text by field.
struct Element<'a>(ElementCell<'a>);

impl Serialize for Element<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let cell = &self.0;
        let mut map = serializer.serialize_map(Some(6))?;
        map.serialize_entry("element", &cell.element)?;
        map.serialize_entry("performed", &cell.result.map(|r| r.performed))?;
        map.serialize_entry("score", &Exact(cell.result.and_then(|r| r.score)))?;
        map.serialize_entry("value", &Exact(cell.result.and_then(|r| r.value)))?;
        let data: Vec<(&str, Exact)> = cell.data.iter().map(|&(field, v)| (field, Exact(Some(v)))).collect();
        map.serialize_entry("data", &Fields(&data))?;
        map.serialize_entry("text", &Fields(&cell.text))?;
        map.end()
    }
}

/// Fields by name → their values.
struct Fields<'a, T>(&'a [(&'a str, T)]);

impl<T: Serialize> Serialize for Fields<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (field, value) in self.0 {
            map.serialize_entry(field, value)?;
        }
        map.end()
    }
}

/// Every row, best first.
struct Rows<'a>(&'a Leaderboard<'a>);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.rows.len()))?;
        for row in &self.0.rows {
            seq.serialize_element(&Row(self.0, row))?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct Filter<'a> {
    field: &'a str,
    value: &'a str,
}

#[derive(Serialize)]
struct Document<'a> {
    contest: &'a str,
    name: &'a str,
    leaderboard: &'static str,
    /// The stage whose standings these are (contests run in stages).
    #[serde(skip_serializing_if = "Option::is_none")]
    stage: Option<&'a str>,
    division: Option<Filter<'a>>,
    /// Marks are still missing: the awards may change.
    provisional: bool,
    entries: Rows<'a>,
}

impl Format for Json {
    fn write(&self, board: &Leaderboard, out: &mut dyn Write) -> io::Result<()> {
        let rules = board.rules;
        let document = Document {
            contest: &rules.contest.id,
            name: rules.contest.name.get(board.lang),
            leaderboard: if board.teams { "teams" } else { "entries" },
            stage: board.stage.map(|(id, _)| id),
            division: board.filter.as_ref().map(|(field, value)| Filter { field, value }),
            provisional: board.provisional,
            entries: Rows(board),
        };
        let mut out = io::BufWriter::with_capacity(1 << 16, out);
        serde_json::to_writer_pretty(&mut out, &document)?;
        writeln!(out)?;
        out.flush()
    }
}
