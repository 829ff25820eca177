//! CSV: one row per entry, numbers exactly as computed. UTF-8 with a byte
//! order mark, which is how Excel knows the Chinese is UTF-8. Text that
//! starts like a formula gets an apostrophe first (`text::spreadsheet_text`).

use super::{Format, Headers, Leaderboard};
use crate::say;
use crate::text::spreadsheet_text;
use rust_decimal::Decimal;
use std::fmt::Write as _;
use std::io::{self, Write};

pub struct Csv;

/// Writes a number through one reused buffer: 100k rows would otherwise
/// allocate a string per number.
fn write_number<W: Write>(writer: &mut csv::Writer<W>, buffer: &mut String, value: Option<Decimal>) -> csv::Result<()> {
    buffer.clear();
    match value {
        Some(v) => write!(buffer, "{v}").expect("writing to a String cannot fail"),
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
        }
    }
    header
}

impl Format for Csv {
    fn write(&self, board: &Leaderboard, out: &mut dyn Write) -> io::Result<()> {
        out.write_all("\u{feff}".as_bytes())?;
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(header(board))?;
        let mut buffer = String::new();
        for row in &board.rows {
            buffer.clear();
            if let Some(place) = row.place {
                write!(buffer, "{}", place.rank).expect("writing to a String cannot fail");
            }
            writer.write_field(buffer.as_bytes())?;
            writer.write_field(board.yes_no(row.place.is_some_and(|p| p.tied)))?;
            for text in [row.entry, &row.name, row.organisation, row.division] {
                writer.write_field(&*spreadsheet_text(text))?;
            }
            write_number(&mut writer, &mut buffer, row.total)?;
            for value in row.categories {
                write_number(&mut writer, &mut buffer, *value)?;
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
            writer.write_record(None::<&[u8]>)?;
        }
        writer.flush()
    }
}
