//! CSV: one row per entry, numbers exactly as computed. UTF-8 with a byte
//! order mark, which is how Excel knows the Chinese is UTF-8. Text that
//! starts like a formula gets an apostrophe first (`text::spreadsheet_text`).
//! After the columns scripts have always read come each criterion's points,
//! then each element's value, data and text.

use super::{prefetch, BoardRow, ElementCell, Format, Headers, Leaderboard, ROWS_AHEAD};
use crate::contest::{KindRule, Unperformed};
use crate::say;
use crate::text::spreadsheet_text;
use rayon::prelude::*;
use rust_decimal::Decimal;
use std::io::{self, Write};

pub struct Csv;

/// CSV records written into a chunk's text as the csv crate's writer (as
/// podium builds it) writes them: fields between commas, a field quoted
/// only when it holds a comma, a quote, CR or LF, its quotes doubled; a
/// record of one empty field written `""`; LF after each record. The
/// crate's writer copied every field through a call of its own: at a
/// province's 3.6M fields, a tenth of the run.
#[derive(Default)]
struct Records {
    text: String,
    /// Where the record being written starts in `text`, and its fields so far.
    start: usize,
    fields: usize,
}

impl Records {
    fn with_capacity(bytes: usize) -> Records {
        Records {
            text: String::with_capacity(bytes),
            ..Records::default()
        }
    }

    fn next_field(&mut self) {
        if self.fields > 0 {
            self.text.push(',');
        }
        self.fields += 1;
    }

    fn text(&mut self, field: &str) {
        self.next_field();
        if field.bytes().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n')) {
            self.text.push('"');
            self.text.push_str(&field.replace('"', "\"\""));
            self.text.push('"');
        } else {
            self.text.push_str(field);
        }
    }

    /// A number: never quoted (digits, a point and a sign), `-` for none.
    fn number(&mut self, value: Option<Decimal>) {
        self.next_field();
        match value {
            Some(v) => super::push_decimal(&mut self.text, v),
            None => self.text.push('-'),
        }
    }

    fn end(&mut self) {
        if self.text.len() == self.start {
            self.text.push_str("\"\"");
        }
        self.text.push('\n');
        (self.start, self.fields) = (self.text.len(), 0);
    }
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
fn write_details(record: &mut Records, board: &Leaderboard, row: &BoardRow) {
    // As many as the header has, whatever the row holds (a team has none).
    if !board.teams {
        for c in 0..board.rules.criteria.len() {
            record.number(row.criteria.get(c).and_then(|v| v.get()));
        }
    }
    for slot in board.element_slots() {
        let cell = board.element_cell(row, slot);
        match cell.result {
            Some(result) if !result.performed => record.text(&not_performed(board, &cell)),
            Some(result) => record.number(result.value),
            None => record.number(None),
        }
        let (fields, texts) = element_field_counts(board, slot.0);
        for f in 0..fields {
            record.number(cell.data.get(f).map(|d| d.1));
        }
        for t in 0..texts {
            record.text(&spreadsheet_text(cell.text.get(t).map_or("", |t| t.1)));
        }
    }
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
        write_head(board, out)?;
        write_rows(board, out)?;
        out.flush()
    }
}

/// The byte-order mark (so that Excel reads the file as UTF-8) and the header.
pub fn write_head(board: &Leaderboard, out: &mut dyn Write) -> io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    let mut records = Records::default();
    for column in header(board) {
        records.text(&column);
    }
    records.end();
    out.write_all(records.text.as_bytes())
}

/// The board's rows, formatted in parallel, a chunk each, and written in order.
pub fn write_rows(board: &Leaderboard, out: &mut dyn Write) -> io::Result<()> {
    for window in board.rows.chunks(ROWS_PER_CHUNK * CHUNKS_AT_ONCE) {
        let chunks: Vec<String> = window.par_chunks(ROWS_PER_CHUNK).map(|rows| format_rows(board, rows)).collect();
        for chunk in chunks {
            out.write_all(chunk.as_bytes())?;
        }
    }
    Ok(())
}

/// `rows` as CSV records.
fn format_rows(board: &Leaderboard, rows: &[BoardRow]) -> String {
    let mut records = Records::with_capacity(rows.len() * 256);
    // Said once, not looked up in the catalogue for every row.
    let tied = [board.yes_no(false), board.yes_no(true)];
    for (i, row) in rows.iter().enumerate() {
        if let Some(ahead) = rows.get(i + ROWS_AHEAD) {
            prefetch(ahead.entry.as_ptr());
            prefetch(ahead.name.as_ptr());
            prefetch(ahead.categories.as_ptr());
            prefetch(ahead.criteria.as_ptr());
        }
        write_row(&mut records, board, row, &tied);
    }
    records.text
}

/// A row; `tied` says "no" and "yes" as the board does.
fn write_row(record: &mut Records, board: &Leaderboard, row: &BoardRow, tied: &[String; 2]) {
    match row.place {
        Some(place) => record.number(Some(Decimal::from(place.rank))),
        None => record.text(""),
    }
    record.text(&tied[usize::from(row.place.is_some_and(|p| p.tied))]);
    for text in [row.entry, &row.name, row.organisation, row.division] {
        record.text(&spreadsheet_text(text));
    }
    record.number(row.total);
    for value in row.categories {
        record.number(value.get());
    }
    record.text(&spreadsheet_text(&row.flags.join(";")));
    record.text(&spreadsheet_text(row.awards.first().map_or("", |a| a.1)));
    let award = row.awards.first().map_or(String::new(), |a| match board.headers {
        Headers::Ids => a.2.to_string(),
        Headers::Words => board.award_label(a.2),
    });
    record.text(&spreadsheet_text(&award));
    for column in &board.stage_columns {
        record.text(&spreadsheet_text(&column.text(board, row)));
    }
    write_details(record, board, row);
    record.end();
}

#[cfg(test)]
mod tests {
    use super::Records;
    use proptest::prelude::*;

    proptest! {
        /// Records are written byte for byte as the csv crate writes them:
        /// fields with commas, quotes, line ends, spaces, Chinese, or
        /// nothing, and records of one empty field.
        #[test]
        fn records_are_written_as_the_csv_crate_writes_them(
            rows in proptest::collection::vec(proptest::collection::vec("[a-c,\"\r\n 评分-]{0,6}", 1..5), 1..6),
        ) {
            let mut records = Records::default();
            // Flexible only so that records of any length can be set side by side.
            let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
            for row in &rows {
                row.iter().for_each(|field| records.text(field));
                records.end();
                writer.write_record(row).unwrap();
            }
            prop_assert_eq!(records.text.into_bytes(), writer.into_inner().unwrap());
        }
    }
}
