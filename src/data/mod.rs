//! Entries, marks and element data: reading the organisers' files with
//! every bad row reported by line and field.

pub mod assignments;
pub mod elements;
pub mod entries;
pub mod marks;
pub mod panels;

pub use elements::ElementData;
pub use entries::{Entries, Entry};
pub use marks::{Mark, MarkSet, Refusal, RowChecker, NO_JUDGE};
pub use panels::Panels;

use crate::error::{Diagnostic, Diagnostics};
use std::path::Path;

/// Reads a text file, naming it in the error; strips a UTF-8 BOM (Excel writes one).
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| Diagnostic::new(path, "", format!("cannot read the file: {e}")))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        let (line, column) = crate::error::line_col(&String::from_utf8_lossy(bytes), e.utf8_error().valid_up_to());
        Diagnostic::new(path, "", "the file is not UTF-8 text")
            .at(line, column)
            .help("save it as \"CSV UTF-8\" (Excel) or UTF-8 text")
    })
}

/// Most problems shown for one file; the rest are counted.
pub const MAX_REPORTED: usize = 50;

/// A malformed CSV row, in words (the field count, not the csv crate's record numbers).
pub fn csv_error(path: &Path, error: &csv::Error) -> Diagnostic {
    let line = error.position().map_or(0, |p| p.line() as usize);
    let message = match error.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => format!("this row has {len} fields but the header has {expected_len}"),
        csv::ErrorKind::Utf8 { .. } => "the row is not UTF-8 text".into(),
        _ => error.to_string(),
    };
    Diagnostic::new(path, "row", message)
        .at_line(line)
        .help("check for a missing or extra comma; quote fields that contain commas")
}

/// A small CSV file of the organisers' (element data, assignments): its
/// trimmed header, then its rows with their line numbers.
pub struct Table<'t> {
    path: &'t Path,
    pub header: Vec<String>,
    reader: csv::Reader<&'t [u8]>,
}

impl<'t> Table<'t> {
    pub fn new(path: &'t Path, text: &'t str) -> Result<Table<'t>, Diagnostic> {
        let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let header = reader
            .headers()
            .map_err(|e| Diagnostic::new(path, "row", e.to_string()).at_line(1))?
            .iter()
            .map(|h| h.trim().to_string())
            .collect();
        Ok(Table { path, header, reader })
    }

    /// The column with this name.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// Runs `each` on every row with its line, gathering problems in
    /// `problems` (a malformed row is one) until `MAX_REPORTED` of them.
    pub fn rows(&mut self, problems: &mut Diagnostics, mut each: impl FnMut(&csv::StringRecord, usize, &mut Diagnostics)) {
        for record in self.reader.records() {
            if problems.len() >= MAX_REPORTED {
                break;
            }
            match record {
                Ok(record) => {
                    let line = record.position().map_or(0, |p| p.line() as usize);
                    each(&record, line, problems);
                }
                Err(e) => problems.push(csv_error(self.path, &e)),
            }
        }
    }
}
