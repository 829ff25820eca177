//! Element data: per entry, per element, the values the contest's formulas
//! read (a difficulty coefficient, a base value). Wide CSV:
//! `entry,criterion,element,<field>,<field>...`, one row per performed element.

use super::marks::column_letter;
use super::{read_text, Entries, Table};
use crate::contest::{out_of_range, parse_decimal, KindRule, Rules};
use crate::error::{suggest, Diagnostic, Diagnostics};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use std::path::Path;

#[derive(Debug, Clone, Default)]
pub struct ElementData {
    /// (entry, slot) → values aligned with the criterion's declared `data`.
    values: FxHashMap<(u32, u16), Vec<Decimal>>,
}

impl ElementData {
    pub fn get(&self, entry: u32, slot: u16) -> Option<&[Decimal]> {
        self.values.get(&(entry, slot)).map(Vec::as_slice)
    }

    pub fn load(path: &Path, rules: &Rules, entries: &Entries) -> Result<ElementData, Diagnostics> {
        let text = read_text(path)?;
        let mut table = Table::new(path, &text)?;
        let mut problems = Diagnostics::default();
        let (Some(entry_col), Some(criterion_col), Some(element_col)) =
            (table.column("entry"), table.column("criterion"), table.column("element"))
        else {
            return Err(Diagnostic::new(
                path,
                "entry,criterion,element",
                "the header needs `entry`, `criterion` and `element` columns, then one column per data field",
            )
            .at_line(1)
            .into());
        };
        let mut data = ElementData::default();
        // The data fields' columns, looked up while the rows are read.
        let header = table.header.clone();
        let column = |name: &str| header.iter().position(|h| h == name);
        table.rows(&mut problems, |record, line, problems| {
            let at = |field: &str, message: String| Diagnostic::new(path, field, message).at_line(line);
            let get = |i: usize| record.get(i).unwrap_or("").trim();
            let Some(entry) = entries.find(get(entry_col)) else {
                problems.push(at("entry", format!("unknown entry `{}`", get(entry_col))));
                return;
            };
            let key = get(criterion_col);
            let Some(&criterion) = rules.criterion_index.get(key) else {
                problems.push(
                    at("criterion", format!("unknown criterion `{key}`"))
                        .help(suggest(key, rules.criterion_index.keys().map(String::as_str))),
                );
                return;
            };
            let rule = &rules.criteria[criterion as usize];
            let KindRule::Elements { data: fields, .. } = &rule.kind else {
                problems.push(at("criterion", format!("`{key}` has no elements, so no element data")));
                return;
            };
            let element = match get(element_col).parse::<u8>() {
                Ok(n) if n >= 1 && n <= rule.slot_count => n,
                _ => {
                    problems.push(at(
                        "element",
                        format!("`{}` is not an element of {key}: give 1 to {}", get(element_col), rule.slot_count),
                    ));
                    return;
                }
            };
            let mut values = Vec::with_capacity(fields.len());
            for field in fields {
                let Some(i) = column(field) else {
                    problems.push(at(
                        field,
                        format!("{key} needs the data field `{field}`, but there is no such column"),
                    ));
                    return;
                };
                match data_value(get(i)) {
                    Ok(v) => values.push(v),
                    Err((message, help)) => {
                        let mut problem = at(&format!("{field} (column {})", column_letter(i)), message);
                        problem.help = help.map(Into::into);
                        problems.push(problem);
                    }
                }
            }
            if values.len() == fields.len() && data.values.insert((entry, rule.first_slot + element as u16 - 1), values).is_some() {
                problems.push(at(
                    "element",
                    format!("element {element} of {key} for entry `{}` is given twice", get(entry_col)),
                ));
            }
        });
        problems.into_result(data)
    }
}

/// One cell of element data: a number within the range of a contest's
/// numbers, or (message, help) saying why not.
fn data_value(cell: &str) -> Result<Decimal, (String, Option<String>)> {
    let value = parse_decimal(cell).ok_or_else(|| (format!("`{cell}` is not a number"), None))?;
    match out_of_range(value) {
        Some((message, help)) => Err((message, Some(help))),
        None => Ok(value),
    }
}
