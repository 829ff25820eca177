//! Reading a filled sheet back: an XLSX workbook (each of its worksheets
//! that is a sheet) or the same table saved as CSV. The sheet is
//! recognised by its machine row ([`super::layout`]), which names the
//! contest, the judge and each column's criterion; every mark is given
//! with the cell it came from (`D7`), for messages a clerk can follow.

use super::layout::{self, Sheet};
use crate::blind::EntryNames;
use crate::contest::Rules;
use crate::data::{Entries, Panels};
use crate::error::{Diagnostic, Diagnostics};
use crate::msg;
use std::io::Read as _;
use std::path::Path;

/// A table as read: each row's cells as text, from column A.
pub struct Grid {
    /// The worksheet's name (XLSX).
    pub name: Option<String>,
    pub rows: Vec<Vec<String>>,
}

impl Grid {
    fn cell(&self, row: usize, column: usize) -> &str {
        self.rows.get(row).and_then(|r| r.get(column)).map_or("", |c| c.trim())
    }

    /// The row of its machine row, if it has one.
    fn machine_row(&self) -> Option<usize> {
        (0..layout::MACHINE_ROW_WITHIN.min(self.rows.len())).find(|&r| layout::parse_tag(self.cell(r, 0)).is_some())
    }
}

/// One mark read from a sheet.
pub struct Filled {
    /// Where it was: `D7`, or `J1!D7` in a workbook of several sheets.
    pub cell: String,
    /// The entry as written (its code when judging is blind).
    pub typed: String,
    pub criterion: usize,
    /// `[entry as written, criterion key, element, judge, value]`, as a marks file has them.
    pub fields: [String; 5],
    /// The judge's number.
    pub judge: u16,
}

/// The file's sheets, or None when it is not a marking sheet (then it is
/// an ordinary marks file). A CSV is recognised by its first 64 KB, so a
/// large marks file is not read twice.
pub fn grids(file: &Path) -> Result<Option<Vec<Grid>>, Diagnostic> {
    let cannot = |e: &dyn std::fmt::Display| Diagnostic::new(file, "", msg!("sheet-cannot-read", why = e));
    // One sheet named of a workbook (`marks.xlsx#评分`) is a long-form table.
    if crate::data::workbook::Sheet::named_by(file).is_some_and(|sheet| sheet.name.is_some()) {
        return Ok(None);
    }
    let mut head = Vec::new();
    std::fs::File::open(file)
        .and_then(|f| f.take(64 * 1024).read_to_end(&mut head))
        .map_err(|e| cannot(&e))?;
    let grids = if head.starts_with(b"PK\x03\x04") {
        xlsx_grids(file).map_err(|e| cannot(&e))?
    } else {
        if !head.windows(layout::MARKER.len()).any(|w| w == layout::MARKER.as_bytes()) {
            return Ok(None);
        }
        vec![csv_grid(file)?]
    };
    let sheets: Vec<Grid> = grids.into_iter().filter(|g| g.machine_row().is_some()).collect();
    Ok((!sheets.is_empty()).then_some(sheets))
}

fn xlsx_grids(file: &Path) -> Result<Vec<Grid>, calamine::XlsxError> {
    use calamine::Reader as _;
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(file)?;
    let mut grids = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name)?;
        let (Some((top, left)), Some((bottom, _))) = (range.start(), range.end()) else {
            continue;
        };
        let mut rows = vec![Vec::new(); bottom as usize + 1];
        for (r, c, data) in range.used_cells() {
            let (r, c) = (r + top as usize, c + left as usize);
            let row = &mut rows[r];
            if row.len() <= c {
                row.resize(c + 1, String::new());
            }
            row[c] = text(data);
        }
        grids.push(Grid { name: Some(name), rows });
    }
    Ok(grids)
}

/// A cell's value as a clerk would read it (8.5, not 8.5000000001); an
/// error cell (`#DIV/0!`) as Excel shows it, which the mark's check
/// refuses with the cell's address.
fn text(data: &calamine::Data) -> String {
    crate::data::workbook::shown(data).unwrap_or_else(|_| data.to_string())
}

fn csv_grid(file: &Path) -> Result<Grid, Diagnostic> {
    let text = crate::data::read_csv_text(file)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // Each record at the row Excel shows it in (blank lines are rows too),
    // so a cell's address is the one the clerk sees.
    let mut numbers = crate::data::RowNumbers::new(&text);
    let mut rows: Vec<Vec<String>> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| crate::data::csv_error_at(file, &e, &mut numbers))?;
        let row = numbers.of(record.position()).max(1);
        rows.resize(rows.len().max(row), Vec::new());
        rows[row - 1] = record.iter().map(str::to_string).collect();
    }
    Ok(Grid { name: None, rows })
}

/// What reading one sheet needs from the contest.
pub struct Contest<'a> {
    pub file: &'a Path,
    pub rules: &'a Rules,
    pub entries: &'a Entries,
    pub panels: &'a Panels,
    pub names: &'a EntryNames,
}

impl Contest<'_> {
    /// The marks on a sheet, each with its cell; or every cell that is
    /// wrong in its layout (a value under no criterion, a struck-out cell
    /// filled, an entry the judge does not mark). The marks themselves
    /// are checked as any mark is, by the caller.
    pub fn marks(&self, grid: &Grid, several: bool, problems: &mut Diagnostics) -> Vec<Filled> {
        let rules = self.rules;
        let machine = grid.machine_row().expect("grids() keeps only sheets");
        let place = |row: usize, column: usize| {
            let cell = layout::address(row as u32, column as u16);
            match (&grid.name, several) {
                (Some(name), true) => format!("{name}!{cell}"),
                _ => cell,
            }
        };
        let at = |row: usize, column: usize, message: crate::i18n::Text| Diagnostic::new(self.file, place(row, column), message);
        let (contest, judge_id) = layout::parse_tag(grid.cell(machine, 0)).expect("a machine row");
        if contest != rules.contest.id {
            problems.push(at(
                machine,
                0,
                msg!("sheet-other-contest", found = contest, wanted = rules.contest.id),
            ));
            return Vec::new();
        }
        let Some(&judge) = rules.judge_index.get(judge_id.as_str()) else {
            problems.push(at(machine, 0, msg!("sheet-unknown-judge", judge = judge_id)));
            return Vec::new();
        };
        // Every entry's cells: a sheet of a later stage lists fewer, by id.
        let sheet = Sheet::of(rules, self.entries, self.panels, self.names, judge, None);
        // The mark columns, by the keys in the machine row.
        let mut columns = Vec::new();
        for c in 1..grid.rows[machine].len() {
            let key = grid.cell(machine, c);
            if key.is_empty() || key == layout::NAME_KEY {
                continue;
            }
            match sheet.columns.iter().position(|column| column.key(rules) == key) {
                Some(i) => columns.push((c, i)),
                None => problems.push(at(machine, c, msg!("sheet-unknown-column", key = key, judge = judge_id))),
            }
        }
        let first = machine + (layout::FIRST_ENTRY_ROW - layout::MACHINE_ROW) as usize;
        let mut filled = Vec::new();
        let mut below = false;
        for row in first..grid.rows.len() {
            let typed = grid.cell(row, 0);
            // The entries end at the first row without one; the signatures follow.
            below |= typed.is_empty();
            for &(c, i) in &columns {
                let column = &sheet.columns[i];
                let value = grid.cell(row, c);
                if value.is_empty() {
                    continue;
                }
                let heading = column.heading(rules, crate::i18n::spoken());
                if below {
                    problems.push(at(row, c, msg!("sheet-mark-without-entry", criterion = heading)));
                    continue;
                }
                // An entry not on the sheet at all is named by the marks' own checks.
                let offered = sheet.lines.iter().find(|line| line.shown == typed).map(|line| line.offered[i]);
                if offered == Some(false) {
                    problems.push(at(
                        row,
                        c,
                        msg!("sheet-struck-filled", entry = typed, criterion = heading, judge = judge_id),
                    ));
                    continue;
                }
                let element = if column.element == 0 {
                    String::new()
                } else {
                    column.element.to_string()
                };
                filled.push(Filled {
                    cell: place(row, c),
                    typed: typed.to_string(),
                    criterion: column.criterion,
                    fields: [
                        typed.to_string(),
                        rules.criteria[column.criterion].key.clone(),
                        element,
                        judge_id.clone(),
                        value.to_string(),
                    ],
                    judge,
                });
            }
        }
        filled
    }
}
