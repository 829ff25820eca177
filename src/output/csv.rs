//! CSV: one row per entry, numbers exactly as computed. UTF-8 with a byte
//! order mark, which is how Excel knows the Chinese is UTF-8. Text that
//! starts like a formula gets an apostrophe first (`text::spreadsheet_text`).
//! After the columns scripts have always read come each criterion's points,
//! then each element's value, data and text.

use super::{BoardRow, ElementCell, Format, Headers, Leaderboard};
use crate::contest::{KindRule, Unperformed};
use crate::say;
use crate::text::spreadsheet_text;
use rayon::prelude::*;
use rust_decimal::Decimal;
use std::fmt::Write as _;
use std::io::{self, Write};

pub struct Csv;

/// Writes a number through one reused buffer: 100k rows would otherwise
/// allocate a string per number.
fn write_number<W: Write>(writer: &mut csv::Writer<W>, buffer: &mut String, value: Option<Decimal>) -> csv::Result<()> {
    buffer.clear();
    match value {
        Some(v) => super::push_decimal(buffer, v),
        None => buffer.push('-'),
    }
    writer.write_field(buffer.as_bytes())
}

/// The header row: the ids scripts know (`--headers ids`), or the same
/// columns in the reader's language.
fn header(board: &Leaderboard) -> Vec<String> {
    let rules = board.rules;
    let categories = rules.categories.iter();
    let mut header: Vec<String> = match board.headers {
        Headers::Ids => ["rank", "tied", "entry", "name", "organisation", "division", "total"]
            .map(String::from)
            .to_vec(),
        Headers::Words => {
            let lang = board.lang;
            [
                say!(lang, "column-rank"),
                say!(lang, "column-tied"),
                say!(lang, "column-entry"),
                say!(lang, "column-name"),
                say!(lang, "column-organisation"),
                board.rules.contest.division_heading(lang),
                say!(lang, "column-total"),
            ]
            .to_vec()
        }
    };
    match board.headers {
        Headers::Ids => {
            header.extend(categories.map(|c| spreadsheet_text(&c.id).into_owned()));
            header.extend(["flags", "award", "award_label"].map(String::from));
            header.extend(board.stage_columns.iter().map(|c| c.id().to_string()));
            if !board.teams {
                header.extend(rules.criteria.iter().map(|c| spreadsheet_text(&c.key).into_owned()));
            }
            for slot in board.element_slots() {
                let key = &rules.criteria[slot.0].key;
                header.extend(element_columns(board, slot).map(|field| match field {
                    None => format!("{key}#{}", slot.1),
                    Some(field) => format!("{key}#{}.{field}", slot.1),
                }));
            }
        }
        Headers::Words => {
            let lang = board.lang;
            header.extend(categories.map(|c| spreadsheet_text(c.label.get(lang)).into_owned()));
            header.extend([
                say!(lang, "column-flags"),
                say!(lang, "column-award-id"),
                say!(lang, "column-award"),
            ]);
            header.extend(board.stage_columns.iter().map(|c| c.heading(lang)));
            if !board.teams {
                header.extend((0..rules.criteria.len()).map(|c| spreadsheet_text(rules.criterion_label(c, lang)).into_owned()));
            }
            for slot in board.element_slots() {
                let criterion = rules.criterion_label(slot.0, lang);
                header.extend(element_columns(board, slot).map(|field| {
                    let said = match field {
                        None => say!(lang, "column-element", criterion = criterion, element = slot.1),
                        Some(field) => say!(lang, "column-element-field", criterion = criterion, element = slot.1, field = field),
                    };
                    spreadsheet_text(&said).into_owned()
                }));
            }
        }
    }
    header
}

/// An element's columns: its value (`None`), then each data and text field.
fn element_columns<'a>(board: &'a Leaderboard, (criterion, _): (usize, u8)) -> impl Iterator<Item = Option<&'a str>> {
    let fields = match &board.rules.criteria[criterion].kind {
        KindRule::Elements { data, text, .. } => data.iter().chain(text).map(|f| Some(f.as_str())).collect(),
        _ => Vec::new(),
    };
    std::iter::once(None).chain(fields)
}

/// Each criterion's points and each element's cells, after the columns of before.
fn write_details<W: Write>(writer: &mut csv::Writer<W>, buffer: &mut String, board: &Leaderboard, row: &BoardRow) -> csv::Result<()> {
    // As many as the header has, whatever the row holds (a team has none).
    if !board.teams {
        for c in 0..board.rules.criteria.len() {
            write_number(writer, buffer, row.criteria.get(c).copied().flatten())?;
        }
    }
    for slot in board.element_slots() {
        let cell = board.element_cell(row, slot);
        match cell.result {
            Some(result) if !result.performed => writer.write_field(not_performed(board, &cell))?,
            Some(result) => write_number(writer, buffer, result.value)?,
            None => write_number(writer, buffer, None)?,
        }
        let (fields, texts) = element_field_counts(board, slot.0);
        for f in 0..fields {
            write_number(writer, buffer, cell.data.get(f).map(|d| d.1))?;
        }
        for t in 0..texts {
            writer.write_field(&*spreadsheet_text(cell.text.get(t).map_or("", |t| t.1)))?;
        }
    }
    Ok(())
}

/// How many data and text fields an element criterion declares.
fn element_field_counts(board: &Leaderboard, criterion: usize) -> (usize, usize) {
    match &board.rules.criteria[criterion].kind {
        KindRule::Elements { data, text, .. } => (data.len(), text.len()),
        _ => (0, 0),
    }
}

/// An element the entry did not perform, in words (`not_performed` for scripts).
fn not_performed(board: &Leaderboard, cell: &ElementCell) -> String {
    let zero = matches!(
        board.rules.criteria[cell.criterion].kind,
        KindRule::Elements {
            unperformed: Some(Unperformed::Zero),
            ..
        }
    );
    match (board.headers, zero) {
        (Headers::Ids, _) => "not_performed".into(),
        (Headers::Words, false) => say!(board.lang, "value-not-performed"),
        (Headers::Words, true) => say!(board.lang, "value-not-performed-zero"),
    }
}

/// Rows formatted at a time by one thread, and chunks in flight: a large
/// board is written as it is made, in a few megabytes.
const ROWS_PER_CHUNK: usize = 4096;
const CHUNKS_AT_ONCE: usize = 4;

impl Format for Csv {
    fn write(&self, board: &Leaderboard, out: &mut dyn Write) -> io::Result<()> {
        out.write_all("\u{feff}".as_bytes())?;
        let mut writer = csv::Writer::from_writer(&mut *out);
        writer.write_record(header(board))?;
        writer.flush()?;
        drop(writer);
        // Rows are formatted in parallel, a chunk each, and written in order:
        // each field is formatted and quoted on its own, so the bytes are
        // those of one writer.
        for window in board.rows.chunks(ROWS_PER_CHUNK * CHUNKS_AT_ONCE) {
            let chunks: Vec<io::Result<Vec<u8>>> = window.par_chunks(ROWS_PER_CHUNK).map(|rows| format_rows(board, rows)).collect();
            for chunk in chunks {
                out.write_all(&chunk?)?;
            }
        }
        out.flush()
    }
}

/// `rows` as CSV records.
fn format_rows(board: &Leaderboard, rows: &[BoardRow]) -> io::Result<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(Vec::with_capacity(rows.len() * 256));
    let mut buffer = String::new();
    for row in rows {
        write_row(&mut writer, &mut buffer, board, row)?;
    }
    writer.into_inner().map_err(|e| e.into_error())
}

fn write_row<W: Write>(writer: &mut csv::Writer<W>, buffer: &mut String, board: &Leaderboard, row: &BoardRow) -> csv::Result<()> {
    buffer.clear();
    if let Some(place) = row.place {
        write!(buffer, "{}", place.rank).expect("writing to a String cannot fail");
    }
    writer.write_field(buffer.as_bytes())?;
    writer.write_field(board.yes_no(row.place.is_some_and(|p| p.tied)))?;
    for text in [row.entry, &row.name, row.organisation, row.division] {
        writer.write_field(&*spreadsheet_text(text))?;
    }
    write_number(writer, buffer, row.total)?;
    for value in row.categories {
        write_number(writer, buffer, *value)?;
    }
    writer.write_field(&*spreadsheet_text(&row.flags.join(";")))?;
    writer.write_field(&*spreadsheet_text(row.awards.first().map_or("", |a| a.1)))?;
    let award = row.awards.first().map_or(String::new(), |a| match board.headers {
        Headers::Ids => a.2.to_string(),
        Headers::Words => board.award_label(a.2),
    });
    writer.write_field(&*spreadsheet_text(&award))?;
    for column in &board.stage_columns {
        writer.write_field(&*spreadsheet_text(&column.text(board, row)))?;
    }
    write_details(writer, buffer, board, row)?;
    writer.write_record(None::<&[u8]>)
}
