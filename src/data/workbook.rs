//! Workbooks (XLSX, and the other formats calamine reads) as CSV text:
//! line N of the text is row N of the sheet, so every reader numbers rows
//! as Excel does and reads a sheet as it reads a CSV file. The first sheet,
//! or the one named after `#`: `marks.xlsx#评分`.

use super::cells::column_label;
use crate::error::Diagnostic;
use crate::msg;
use calamine::{Data, Reader};
use std::path::{Path, PathBuf};

/// The endings of the files read as workbooks.
const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// A sheet of a workbook: the file, and the sheet's name if one is given.
pub struct Sheet {
    pub file: PathBuf,
    pub name: Option<String>,
    /// As the user wrote it, for messages.
    pub written: PathBuf,
}

impl Sheet {
    /// The sheet `path` names, if it names a workbook (`x.xlsx`,
    /// `x.xlsx#sheet`).
    pub fn named_by(path: &Path) -> Option<Sheet> {
        let is_workbook = |p: &Path| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        };
        if is_workbook(path) {
            return Some(Sheet {
                file: path.to_path_buf(),
                name: None,
                written: path.to_path_buf(),
            });
        }
        let (file, name) = path.to_str()?.rsplit_once('#')?;
        is_workbook(Path::new(file)).then(|| Sheet {
            file: PathBuf::from(file),
            name: Some(name.to_string()),
            written: path.to_path_buf(),
        })
    }
}

/// Whether `path` names a workbook rather than a text file.
pub fn is_workbook(path: &Path) -> bool {
    Sheet::named_by(path).is_some()
}

/// The sheet as UTF-8 CSV, line N = sheet row N.
pub fn to_csv(sheet: &Sheet) -> Result<String, Diagnostic> {
    let path = &sheet.written;
    let mut workbook =
        calamine::open_workbook_auto(&sheet.file).map_err(|e| Diagnostic::new(path, "", msg!("files-workbook-unreadable", why = e)))?;
    let names = workbook.sheet_names();
    let name = match &sheet.name {
        None => names
            .first()
            .cloned()
            .ok_or_else(|| Diagnostic::new(path, "", msg!("files-workbook-no-sheets")))?,
        Some(name) if names.contains(name) => name.clone(),
        Some(name) => {
            return Err(
                Diagnostic::new(path, "", msg!("files-workbook-no-such-sheet", sheet = name)).help(msg!(
                    "files-workbook-sheets",
                    sheets = names.join(&crate::say!(crate::i18n::spoken(), "list-separator"))
                )),
            )
        }
    };
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| Diagnostic::new(path, "", msg!("files-workbook-unreadable", why = e)))?;
    let mut text = String::new();
    let Some((first_row, first_column)) = range.start() else {
        return Ok(text);
    };
    for _ in 0..first_row {
        text.push('\n');
    }
    // Every row as wide as the widest, without the empty columns at the end.
    let width = range
        .rows()
        .filter_map(|row| row.iter().rposition(|cell| *cell != Data::Empty))
        .max()
        .map_or(0, |last| last + 1);
    for (r, row) in range.rows().enumerate() {
        let mut cells: Vec<String> = vec![String::new(); first_column as usize];
        for (c, cell) in row.iter().take(width).enumerate() {
            let shown = shown(cell).map_err(|why| {
                Diagnostic::new(path, column_label(first_column as usize + c, None), why).at_line(first_row as usize + r + 1)
            })?;
            cells.push(quoted(shown));
        }
        text.push_str(&cells.join(","));
        text.push('\n');
    }
    Ok(text)
}

/// A cell as CSV: quoted when it holds a comma or quote. A line break in
/// a cell (Alt+Enter) becomes U+2028, the line separator: the text keeps
/// one line per sheet row, so rows after it keep their numbers, and a
/// reader that refuses line breaks in a value still refuses it.
fn quoted(cell: String) -> String {
    let cell = if cell.contains(['\n', '\r']) {
        cell.replace("\r\n", "\u{2028}").replace(['\n', '\r'], "\u{2028}")
    } else {
        cell
    };
    if cell.contains([',', '"']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

/// Excel shows at most 15 significant digits; a number stored with more
/// (`0.30000000000000004` for `=0.1+0.2`) is read as Excel shows it.
const SHOWN_DIGITS: usize = 15;

/// A cell as text, as Excel shows it: a number in its shortest decimal
/// (`8.5`, never `8.4999999`), a date as `2026-12-04`.
pub(crate) fn shown(cell: &Data) -> Result<String, crate::i18n::Text> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(x) => number(*x),
        Data::Bool(b) => (if *b { "TRUE" } else { "FALSE" }).to_string(),
        Data::DateTime(date) => date_time(date.as_f64()),
        Data::Error(e) => return Err(msg!("files-workbook-cell-error", error = e)),
    })
}

/// A float cell in the fewest digits that read back as it, rounded to the
/// digits Excel shows.
fn number(x: f64) -> String {
    let shortest = x.to_string();
    let digits = shortest.bytes().filter(u8::is_ascii_digit).count();
    if digits <= SHOWN_DIGITS || !x.is_finite() {
        return shortest;
    }
    let rounded = format!("{x:.*e}", SHOWN_DIGITS - 1);
    match rust_decimal::Decimal::from_scientific(&rounded) {
        Ok(d) => d.normalize().to_string(),
        Err(_) => shortest,
    }
}

/// A date (Excel's serial day, from 1899-12-30) as `YYYY-MM-DD`, with the
/// time when it has one.
fn date_time(serial: f64) -> String {
    let epoch = time::Date::from_calendar_date(1899, time::Month::December, 30).expect("a date");
    let seconds = (serial * 86_400.0).round() as i64;
    let Some(moment) = epoch.midnight().checked_add(time::Duration::seconds(seconds)) else {
        return number(serial);
    };
    let (date, clock) = (moment.date(), moment.time());
    let day = format!("{:04}-{:02}-{:02}", date.year(), date.month() as u8, date.day());
    if clock == time::Time::MIDNIGHT {
        day
    } else {
        format!("{day} {:02}:{:02}:{:02}", clock.hour(), clock.minute(), clock.second())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_excel_shows_them() {
        assert_eq!(number(8.5), "8.5");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(86.0), "86");
        assert_eq!(number(7.25), "7.25");
        assert_eq!(number(123456.789), "123456.789");
        assert_eq!(number(5.0 + 1.7), "6.7", "a formula's result as Excel shows it");
        assert_eq!(number(-0.5), "-0.5");
        assert_eq!(number(49.99), "49.99");
        assert_eq!(date_time(46360.0), "2026-12-04");
    }

    #[test]
    fn a_sheet_is_named_after_a_hash() {
        let sheet = Sheet::named_by(Path::new("dir/marks.xlsx#评分")).unwrap();
        assert_eq!(sheet.file, Path::new("dir/marks.xlsx"));
        assert_eq!(sheet.name.as_deref(), Some("评分"));
        assert!(Sheet::named_by(Path::new("marks.csv")).is_none());
        assert!(Sheet::named_by(Path::new("a#b.csv")).is_none());
        assert!(Sheet::named_by(Path::new("Marks.XLSX")).unwrap().name.is_none());
    }
}
