//! Where everything sits on a marking sheet (评分表), declared once: the
//! XLSX and HTML writers lay a sheet out by it, and the reader finds the
//! contest, the judge, the criteria and the marks by it, so the two cannot
//! drift apart.
//!
//! Rows (0-based here, Excel's numbers one more):
//! - 0: the contest's name;  1: the judge (name and id);
//! - 2: the machine row, hidden in the XLSX: `#podium-sheet;contest=…;judge=…`
//!   in column A and each mark column's criterion key (`practical.workmanship`,
//!   an element as `key#2`), so nobody types an id;
//! - 3: the criteria's names;  4: their scales;  5: what the marks mean;
//! - 6 on: one entry a row (its code when judging is blind), column A the
//!   entry, then its name (not when blind), then the marks;
//! - after the entries, a blank row, then the signature and date lines.

use crate::blind::EntryNames;
use crate::contest::{KindRule, Lang, Rules};
use crate::data::{Entries, Panels};
use crate::say;

/// Column A of the machine row starts with this.
pub const MARKER: &str = "#podium-sheet";
pub const TITLE_ROW: u32 = 0;
pub const JUDGE_ROW: u32 = 1;
pub const MACHINE_ROW: u32 = 2;
pub const HEADING_ROW: u32 = 3;
pub const SCALE_ROW: u32 = 4;
pub const MEANING_ROW: u32 = 5;
pub const FIRST_ENTRY_ROW: u32 = 6;
/// The reader looks this far down for the machine row (a clerk may have
/// inserted a row or two above it).
pub const MACHINE_ROW_WITHIN: usize = 10;
/// The machine row's cell over the names column.
pub const NAME_KEY: &str = "#name";

/// One mark column: a criterion, or one element of it.
pub struct Column {
    pub criterion: usize,
    /// 1-based element number; 0 for a criterion without elements.
    pub element: u8,
}

impl Column {
    /// Its cell in the machine row.
    pub fn key(&self, rules: &Rules) -> String {
        let key = &rules.criteria[self.criterion].key;
        match self.element {
            0 => key.clone(),
            n => format!("{key}#{n}"),
        }
    }

    /// Its heading: the criterion's name (and the element's number).
    pub fn heading(&self, rules: &Rules, lang: Lang) -> String {
        let label = rules.criterion_label(self.criterion, lang);
        match self.element {
            0 => label.to_string(),
            n => format!("{label} #{n}"),
        }
    }

    /// Its scale in words: the range and step, or how a pass or a count is written.
    pub fn scale(&self, rules: &Rules, lang: Lang) -> String {
        let rule = &rules.criteria[self.criterion];
        match rule.kind {
            KindRule::PassFail { .. } | KindRule::Flag => say!(lang, "sheet-scale-pass"),
            KindRule::Deduction { .. } | KindRule::Bonus { .. } => say!(lang, "sheet-scale-count"),
            _ => {
                let range = &rule.range;
                let (min, max) = (range.min.normalize(), range.max.normalize());
                match range.step {
                    Some(step) => say!(lang, "sheet-scale", min = min, max = max, step = step.normalize()),
                    None => say!(lang, "sheet-scale-any", min = min, max = max),
                }
            }
        }
    }

    /// What the marks mean, when the contest says: `0+ 不合格`, `6+ 合格`, one a line.
    pub fn meaning(&self, rules: &Rules, lang: Lang) -> String {
        let rule = &rules.criteria[self.criterion];
        let model = &rules.contest.categories[rule.category].criteria[rule.position];
        let parts: Vec<String> = model
            .descriptors
            .iter()
            .map(|(from, meaning)| format!("{from}+ {}", meaning.get(lang)))
            .collect();
        // One a line: they wrap badly run together in a narrow column.
        parts.join("\n")
    }
}

/// One entry's row.
pub struct Line {
    /// The entry as the judge knows it: its id, or its code when judging is blind.
    pub shown: String,
    /// Its name, unless judging is blind.
    pub name: Option<String>,
    /// Whether the judge marks each column for this entry (a cell not
    /// theirs is struck out).
    pub offered: Vec<bool>,
}

/// One judge's sheet.
pub struct Sheet {
    pub judge: u16,
    pub columns: Vec<Column>,
    pub lines: Vec<Line>,
    /// Entries by code, without names.
    pub blind: bool,
}

impl Sheet {
    /// Judge `judge`'s sheet: the entries they mark down, the criteria
    /// they mark across: exactly the cells their page offers; in a contest
    /// run in stages (`reach`), only for the entries that reached the
    /// criterion's stage.
    pub fn of(
        rules: &Rules,
        entries: &Entries,
        panels: &Panels,
        names: &EntryNames,
        judge: u16,
        reach: Option<&crate::stages::Reach>,
    ) -> Sheet {
        let offered = |e: usize, c: usize| {
            crate::serve::offers_in(rules, panels, judge, e as u32, c) && reach.is_none_or(|reach| reach.reached(e as u32, c))
        };
        let entry_count = entries.list.len();
        let columns: Vec<Column> = (0..rules.criteria.len())
            .filter(|&c| (0..entry_count).any(|e| offered(e, c)))
            .flat_map(|c| {
                let rule = &rules.criteria[c];
                let elements = match rule.kind {
                    KindRule::Elements { .. } => (1..=rule.slot_count).collect(),
                    _ => vec![0],
                };
                elements.into_iter().map(move |element| Column { criterion: c, element })
            })
            .collect();
        let blind = matches!(names, EntryNames::Codes(_));
        let mut lines: Vec<Line> = entries
            .list
            .iter()
            .enumerate()
            .filter_map(|(e, entry)| {
                let offered: Vec<bool> = columns.iter().map(|column| offered(e, column.criterion)).collect();
                offered.contains(&true).then(|| Line {
                    shown: names.shown(&entry.id).to_string(),
                    name: (!blind).then(|| entry.name.to_string()),
                    offered,
                })
            })
            .collect();
        // By code when blind: the entries file's order (often by
        // organisation) would tell the judge who is who.
        if blind {
            lines.sort_by(|a, b| a.shown.cmp(&b.shown));
        }
        Sheet {
            judge,
            columns,
            lines,
            blind,
        }
    }

    /// Whether it prints across a landscape page: more mark columns than
    /// a portrait A4 page holds at a width to write in.
    pub fn landscape(&self) -> bool {
        self.columns.len() > 4
    }

    /// The column of the first mark: after the entry, and its name unless blind.
    pub fn first_mark_column(&self) -> u16 {
        if self.blind {
            1
        } else {
            2
        }
    }

    /// The machine row's cells, from column A.
    pub fn machine_row(&self, rules: &Rules) -> Vec<String> {
        let mut cells = vec![tag(&rules.contest.id, rules.judge_id(self.judge))];
        if !self.blind {
            cells.push(NAME_KEY.into());
        }
        cells.extend(self.columns.iter().map(|c| c.key(rules)));
        cells
    }

    /// The headings of the entry and name columns.
    pub fn lead_headings(&self, lang: Lang) -> Vec<String> {
        let mut headings = vec![if self.blind {
            say!(lang, "sheet-code")
        } else {
            say!(lang, "sheet-entry")
        }];
        if !self.blind {
            headings.push(say!(lang, "sheet-name"));
        }
        headings
    }
}

/// The words above the table: the contest's name, then the judge's line.
pub fn title(rules: &Rules, lang: Lang) -> String {
    say!(lang, "sheet-title", contest = rules.contest.name.get(lang))
}

pub fn judge_line(rules: &Rules, judge: u16, lang: Lang) -> String {
    let j = &rules.contest.judges[judge as usize];
    say!(lang, "sheet-judge", name = j.name, id = j.id)
}

/// The lines below the table, to sign.
pub fn signature_lines(lang: Lang) -> [String; 2] {
    [say!(lang, "sheet-sign-judge"), say!(lang, "sheet-sign-chief")]
}

/// Column A of the machine row.
pub fn tag(contest: &str, judge: &str) -> String {
    format!("{MARKER};contest={contest};judge={judge}")
}

/// The contest and judge ids in column A of a machine row, if it is one.
pub fn parse_tag(cell: &str) -> Option<(String, String)> {
    let rest = cell.trim().strip_prefix(MARKER)?;
    let mut contest = None;
    let mut judge = None;
    for part in rest.split(';') {
        match part.split_once('=') {
            Some(("contest", v)) => contest = Some(v.trim().to_string()),
            Some(("judge", v)) => judge = Some(v.trim().to_string()),
            _ => {}
        }
    }
    Some((contest?, judge?))
}

/// A cell's address as Excel shows it: row 6, column 2 (0-based) → `C7`.
pub fn address(row: u32, column: u16) -> String {
    format!("{}{}", crate::data::marks::column_letter(column as usize), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tag_reads_back() {
        let cell = tag("skills-duel-2026", "J1");
        assert_eq!(parse_tag(&cell), Some(("skills-duel-2026".into(), "J1".into())));
        assert_eq!(parse_tag("编号"), None);
        assert_eq!(parse_tag(MARKER), None, "a tag needs the contest and the judge");
    }

    #[test]
    fn addresses_are_excels() {
        assert_eq!(address(6, 2), "C7");
        assert_eq!(address(0, 27), "AB1");
    }
}
