//! `podium export marks`: the store's current marks in the long CSV form,
//! in the order they were first entered, so importing a file and exporting
//! it gives the file back. Ids that start like a spreadsheet formula get an
//! apostrophe first (`text::spreadsheet_text`), which `podium import` and
//! the marks reader take away again; values are numbers, written as they are.

use crate::data::marks::COLUMNS;
use crate::load::Sources;
use crate::store::{Store, Which};
use crate::text::spreadsheet_text;
use std::io::Write;
use std::path::Path;

pub fn marks(contest: &Path, output: Option<&Path>) -> Result<(), String> {
    let rules = crate::contest::load(contest).map_err(|p| p.to_string())?;
    let path = Sources::of(&rules, None).store;
    let store = Store::open_existing(&path).map_err(|e| e.to_string())?.ok_or_else(|| {
        format!(
            "{}: there is no mark store yet; `podium import` or `podium mark` makes it",
            path.display()
        )
    })?;
    let write = |out: &mut dyn Write| -> Result<(), String> {
        let mut writer = csv::Writer::from_writer(out);
        let mut failed = None;
        writer.write_record(COLUMNS).map_err(|e| e.to_string())?;
        store
            .current_marks(Which::All, true, |cell, value| {
                let element = if cell.element == 0 {
                    String::new()
                } else {
                    cell.element.to_string()
                };
                let [entry, criterion, judge] = [&cell.entry, &cell.criterion, &cell.judge].map(|text| spreadsheet_text(text));
                if let Err(e) = writer.write_record([&*entry, &*criterion, &element, &*judge, &value]) {
                    failed.get_or_insert(e.to_string());
                }
            })
            .map_err(|e| e.to_string())?;
        failed.map_or(Ok(()), Err)?;
        writer.flush().map_err(|e| e.to_string())
    };
    match output {
        Some(file) => {
            // Write beside the target and rename, so a failed export leaves no half file.
            let partial = file.with_extension("partial");
            let mut out = std::io::BufWriter::new(std::fs::File::create(&partial).map_err(|e| format!("{}: {e}", partial.display()))?);
            write(&mut out)?;
            out.flush().map_err(|e| e.to_string())?;
            drop(out);
            std::fs::rename(&partial, file).map_err(|e| format!("{}: {e}", file.display()))
        }
        None => write(&mut std::io::BufWriter::new(std::io::stdout().lock())),
    }
}
