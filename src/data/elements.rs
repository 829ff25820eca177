//! Element data: per entry, per element, the values the contest's formulas
//! read (a difficulty coefficient, a base value) and the text it shows (a
//! dive code). Wide CSV: `entry,criterion,element,<field>,<field>...`, one
//! row per performed element.

use super::cells::{ascii_number, odd_character, odd_in_number, suggestion};
use super::{read_text, Entries, Table};
use crate::contest::{out_of_range, parse_decimal, KindRule, Rules};
use crate::error::{Diagnostic, Diagnostics};
use crate::i18n::Text;
use crate::msg;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use std::path::Path;

#[derive(Debug, Clone, Default)]
pub struct ElementData {
    /// (entry, slot) → values aligned with the criterion's declared `data`;
    /// a key for every row of the file, so also the elements performed.
    values: FxHashMap<(u32, u16), Vec<Decimal>>,
    /// (entry, slot) → text aligned with the criterion's declared `text`.
    text: FxHashMap<(u32, u16), Vec<Box<str>>>,
}

impl ElementData {
    pub fn get(&self, entry: u32, slot: u16) -> Option<&[Decimal]> {
        self.values.get(&(entry, slot)).map(Vec::as_slice)
    }

    /// The element's text fields (a dive code), as the file gives them.
    pub fn text(&self, entry: u32, slot: u16) -> Option<&[Box<str>]> {
        self.text.get(&(entry, slot)).map(Vec::as_slice)
    }

    /// Whether the entry performed the element in `slot`: it has a row in
    /// the elements file or a mark among `marks` (the entry's, sorted by slot).
    pub fn performed(&self, entry: u32, slot: u16, marks: super::EntryMarks) -> bool {
        self.values.contains_key(&(entry, slot)) || !marks.in_slot(slot).is_empty()
    }

    /// The data of a stage's entries (`field`: their contest numbers,
    /// ascending) and criteria (`slots`: each contest slot's in the stage),
    /// numbered as the stage numbers them.
    pub fn for_stage(&self, field: &[u32], slots: &[Option<u16>]) -> ElementData {
        ElementData {
            values: renumbered(&self.values, field, slots),
            text: renumbered(&self.text, field, slots),
        }
    }

    pub fn load(path: &Path, rules: &Rules, entries: &Entries) -> Result<ElementData, Diagnostics> {
        let text = read_text(path)?;
        let mut table = Table::new(path, &text, &["entry", "criterion", "element"])?;
        let mut problems = Diagnostics::default();
        let (Some(entry_col), Some(criterion_col), Some(element_col)) =
            (table.column("entry"), table.column("criterion"), table.column("element"))
        else {
            return Err(Diagnostic::new(path, "entry,criterion,element", msg!("files-elements-header"))
                .at_line(1)
                .into());
        };
        let mut data = ElementData::default();
        // The row where each (entry, slot) was given, to name both rows of one given twice.
        let mut given: FxHashMap<(u32, u16), usize> = FxHashMap::default();
        // The data fields' columns, looked up while the rows are read.
        let header = table.header.clone();
        let labels: Vec<String> = (0..header.len()).map(|i| table.field(i)).collect();
        let column = |name: &str| header.iter().position(|h| h == name);
        table.rows(&mut problems, |record, line, problems| {
            let at = |column: usize, message: Text| Diagnostic::new(path, labels[column].as_str(), message).at_line(line);
            let get = |i: usize| record.get(i).unwrap_or("").trim();
            let Some(entry) = entries.find(get(entry_col)) else {
                let problem = at(entry_col, msg!("files-unknown-entry", entry = get(entry_col)));
                problems.push(match odd_character(get(entry_col)) {
                    Some(odd) => problem.help(odd),
                    None => problem,
                });
                return;
            };
            let key = get(criterion_col);
            let Some(&criterion) = rules.criterion_index.get(key) else {
                let help = odd_character(key).unwrap_or_else(|| suggestion(key, rules.criterion_index.keys().map(String::as_str)));
                problems.push(at(criterion_col, msg!("files-unknown-criterion", criterion = key)).help(help));
                return;
            };
            let rule = &rules.criteria[criterion as usize];
            let KindRule::Elements { data: fields, text, .. } = &rule.kind else {
                problems.push(at(criterion_col, msg!("files-elements-none", criterion = key)));
                return;
            };
            let element = match get(element_col).parse::<u8>() {
                Ok(n) if n >= 1 && n <= rule.slot_count => n,
                _ => {
                    problems.push(at(
                        element_col,
                        msg!(
                            "files-elements-not-element",
                            cell = get(element_col),
                            criterion = key,
                            count = rule.slot_count
                        ),
                    ));
                    return;
                }
            };
            let mut values = Vec::with_capacity(fields.len());
            let mut texts = Vec::with_capacity(text.len());
            for field in fields.iter().chain(text) {
                let Some(i) = column(field) else {
                    problems.push(
                        Diagnostic::new(
                            path,
                            field.as_str(),
                            msg!("files-elements-no-field", criterion = key, field = field),
                        )
                        .at_line(line),
                    );
                    return;
                };
                if text.contains(field) {
                    // Text is shown in terminals, pages and files: no control characters.
                    match super::entries::control_problem(path, line, || labels[i].clone(), get(entry_col), get(i)) {
                        Some(problem) => problems.push(problem),
                        None => texts.push(get(i).into()),
                    }
                    continue;
                }
                match data_value(get(i)) {
                    Ok(v) => values.push(v),
                    Err((message, help)) => {
                        let mut problem = at(i, message);
                        problem.help = help;
                        problems.push(problem);
                    }
                }
            }
            let slot = (entry, rule.first_slot + element as u16 - 1);
            if texts.len() != text.len() {
                return;
            }
            if !texts.is_empty() {
                data.text.insert(slot, texts);
            }
            if values.len() == fields.len() && data.values.insert(slot, values).is_some() {
                let first = given.get(&slot).copied().unwrap_or(0);
                problems.push(at(
                    element_col,
                    msg!(
                        "files-elements-twice",
                        element = element,
                        criterion = key,
                        entry = get(entry_col),
                        first = first,
                        second = line
                    ),
                ));
            }
            given.entry(slot).or_insert(line);
        });
        problems.into_result(data)
    }
}

/// `map`'s (entry, slot) keys renumbered as a stage numbers them (see
/// `ElementData::for_stage`); those outside the stage left out.
fn renumbered<T: Clone>(map: &FxHashMap<(u32, u16), T>, field: &[u32], slots: &[Option<u16>]) -> FxHashMap<(u32, u16), T> {
    map.iter()
        .filter_map(|(&(entry, slot), value)| {
            let local = field.binary_search(&entry).ok()? as u32;
            Some(((local, slots[slot as usize]?), value.clone()))
        })
        .collect()
}

/// One cell of element data: a number within the range of a contest's
/// numbers (full-width digits read as digits), or (message, help) saying
/// why not.
fn data_value(cell: &str) -> Result<Decimal, (Text, Option<Text>)> {
    let value = parse_decimal(&ascii_number(cell)).ok_or_else(|| (msg!("files-not-a-number-cell", cell = cell), odd_in_number(cell)))?;
    match out_of_range(value) {
        Some((message, help)) => Err((message.into(), Some(help.into()))),
        None => Ok(value),
    }
}
