//! XLSX for the office: the whole leaderboard on the first sheet and one
//! sheet per division, header frozen, numbers as numbers shown with the
//! places they were computed to, each award cell in its award's colour.

use super::{label, BoardRow, Format, Leaderboard};
use crate::engine::Place;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Color, Format as CellFormat, Workbook, Worksheet, XlsxError};
use std::collections::HashMap;
use std::io::{self, Write};

pub struct Xlsx;

impl Format for Xlsx {
    fn write(&self, board: &Leaderboard, out: &mut dyn Write) -> io::Result<()> {
        let bytes = workbook(board).map_err(|e| io::Error::other(format!("cannot build the workbook: {e}")))?;
        out.write_all(&bytes)
    }
}

/// A sheet: its name and its rows, each with its place on that sheet.
struct Sheet<'b, 'a> {
    name: String,
    rows: Vec<(Option<Place>, &'b BoardRow<'a>)>,
}

fn sheets<'b, 'a>(board: &'b Leaderboard<'a>) -> Vec<Sheet<'b, 'a>> {
    let lang = board.lang;
    let first = match &board.filter {
        Some((_, value)) => value.clone(),
        None if board.teams => label(lang, "团体", "Teams").to_string(),
        None => label(lang, "总榜", "Overall").to_string(),
    };
    let mut sheets = vec![Sheet {
        name: first,
        rows: board.rows.iter().map(|r| (r.place, r)).collect(),
    }];
    if board.filter.is_some() || board.teams {
        return sheets;
    }
    let fields = board.rows.first().map_or(0, |r| r.divisions.len());
    for d in 0..fields {
        let mut values: Vec<&str> = board.rows.iter().map(|r| r.divisions[d].1).collect();
        values.sort_unstable();
        values.dedup();
        for value in values {
            let mut rows: Vec<_> = board
                .rows
                .iter()
                .filter(|r| r.divisions[d].1 == value)
                .map(|r| (r.divisions[d].2, r))
                .collect();
            rows.sort_by_key(|(place, _)| place.map_or(u32::MAX, |p| p.rank));
            let name = if fields > 1 {
                format!("{}={value}", board.rows[0].divisions[d].0)
            } else {
                value.to_string()
            };
            sheets.push(Sheet { name, rows });
        }
    }
    sheets
}

/// A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique.
fn sheet_name(wanted: &str, taken: &mut Vec<String>) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(28)
        .collect();
    let clean = if clean.trim().is_empty() { "-".to_string() } else { clean };
    let mut name = clean.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        name = format!("{clean}~{n}");
        n += 1;
    }
    taken.push(name.clone());
    name
}

fn workbook(board: &Leaderboard) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let mut taken = Vec::new();
    let mut formats = Formats::default();
    for sheet in sheets(board) {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(sheet_name(&sheet.name, &mut taken))?;
        write_sheet(worksheet, board, &sheet, &mut formats)?;
    }
    workbook.save_to_buffer()
}

/// Cell formats, made once each: numbers by their places, awards by colour.
#[derive(Default)]
struct Formats {
    numbers: HashMap<u32, CellFormat>,
    awards: HashMap<(String, String), CellFormat>,
}

impl Formats {
    fn number(&mut self, places: u32) -> &CellFormat {
        self.numbers.entry(places).or_insert_with(|| {
            let pattern = if places == 0 {
                "0".to_string()
            } else {
                format!("0.{}", "0".repeat(places as usize))
            };
            CellFormat::new().set_num_format(pattern)
        })
    }

    fn award(&mut self, board: &Leaderboard, set: &str, tier: &str) -> &CellFormat {
        self.awards.entry((set.to_string(), tier.to_string())).or_insert_with(|| {
            let colour = crate::chart::award_colour(board.rules, set, tier);
            CellFormat::new()
                .set_background_color(Color::RGB(((colour.0 as u32) << 16) | ((colour.1 as u32) << 8) | colour.2 as u32))
                .set_font_color(Color::White)
                .set_bold()
        })
    }
}

/// The font of every cell: one an office's Chinese Windows has.
const FONT: &str = "等线";

/// The rows above the table: the title (contest, sheet, date and, while
/// marking is incomplete, the provisional note), then the header row.
const TITLE_ROWS: u32 = 1;

fn write_sheet(worksheet: &mut Worksheet, board: &Leaderboard, sheet: &Sheet, formats: &mut Formats) -> Result<(), XlsxError> {
    let lang = board.lang;
    let rules = board.rules;
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .date()
        .to_string();
    let mut title = format!("{} — {} — {today}", rules.contest.name.get(lang), sheet.name);
    if let Some(note) = board.provisional_note() {
        title = format!("{title} — {note}");
    }
    worksheet.write_string_with_format(0, 0, &title, &CellFormat::new().set_bold().set_font_size(14).set_font_name(FONT))?;
    // A4 landscape, fitted to the page width, the header row on every page.
    worksheet.set_landscape();
    worksheet.set_paper_size(9);
    worksheet.set_print_fit_to_pages(1, 0);
    worksheet.set_repeat_rows(TITLE_ROWS, TITLE_ROWS)?;
    worksheet.set_header(format!("&C{}", rules.contest.name.get(lang).replace('&', "&&")));
    worksheet.set_footer(crate::say!(lang, "xlsx-page-footer"));
    let mut header: Vec<String> = [
        label(lang, "名次", "Rank"),
        label(lang, "并列", "Tied"),
        if board.teams {
            label(lang, "团体", "Team")
        } else {
            label(lang, "编号", "Entry")
        },
        if board.teams {
            label(lang, "成员", "Members")
        } else {
            label(lang, "名称", "Name")
        },
        label(lang, "单位", "Organisation"),
        &rules.contest.division_heading(lang),
        label(lang, "总分", "Total"),
    ]
    .map(String::from)
    .to_vec();
    header.extend(rules.categories.iter().map(|c| c.label.get(lang).to_string()));
    header.extend([label(lang, "奖项", "Award"), label(lang, "标记", "Flags")].map(String::from));
    header.extend(board.stage_columns.iter().map(|c| c.heading(lang)));
    let bold = CellFormat::new().set_bold().set_font_name(FONT);
    for (c, text) in header.iter().enumerate() {
        worksheet.write_string_with_format(TITLE_ROWS, c as u16, text, &bold)?;
    }
    let award_column = 7 + rules.categories.len() as u16;
    for (i, (place, row)) in sheet.rows.iter().enumerate() {
        let r = i as u32 + TITLE_ROWS + 1;
        if let Some(place) = place {
            worksheet.write_number(r, 0, place.rank)?;
        }
        worksheet.write_string(r, 1, board.yes_no(place.is_some_and(|p| p.tied)))?;
        for (c, text) in [row.entry, &row.name, row.organisation, row.division].into_iter().enumerate() {
            worksheet.write_string(r, c as u16 + 2, text)?;
        }
        write_decimal(worksheet, r, 6, row.total, formats)?;
        for (k, value) in row.categories.iter().enumerate() {
            write_decimal(worksheet, r, 7 + k as u16, value.get(), formats)?;
        }
        if let Some((set, tier, tier_label)) = row.awards.first() {
            let format = formats.award(board, set, tier).clone();
            worksheet.write_string_with_format(r, award_column, board.award_label(tier_label), &format)?;
        }
        worksheet.write_string(r, award_column + 1, row.flags.join(";"))?;
        for (k, column) in board.stage_columns.iter().enumerate() {
            let at = award_column + 2 + k as u16;
            match column {
                super::StageColumn::Behind => write_decimal(worksheet, r, at, row.stage.behind, formats)?,
                _ => {
                    worksheet.write_string(r, at, column.text(board, row))?;
                }
            }
        }
    }
    worksheet.set_freeze_panes(TITLE_ROWS + 1, 0)?;
    let last_column = award_column + 1 + board.stage_columns.len() as u16;
    worksheet.autofilter(TITLE_ROWS, 0, sheet.rows.len() as u32 + TITLE_ROWS, last_column)?;
    for (c, width) in [6.0, 6.0, 10.0, 18.0, 18.0, 12.0, 10.0].into_iter().enumerate() {
        worksheet.set_column_width(c as u16, width)?;
    }
    worksheet.set_column_width(award_column, 14.0)?;
    Ok(())
}

/// An exact decimal as an Excel number (a double: exact to 15 digits, far
/// beyond any contest's places), shown with its computed places.
fn write_decimal(worksheet: &mut Worksheet, row: u32, column: u16, value: Option<Decimal>, formats: &mut Formats) -> Result<(), XlsxError> {
    let Some(value) = value else { return Ok(()) };
    let format = formats.number(value.scale()).clone();
    worksheet.write_number_with_format(row, column, value.to_f64().unwrap_or(0.0), &format)?;
    Ok(())
}
