//! A judge's sheet as an XLSX workbook: laid out by [`super::layout`], each
//! cell the judge marks checked by Excel as it is typed (its range and
//! step, with the error in the sheet's language), cells not theirs struck
//! out and refused, printed on A4 with the headings on every page.

use super::layout::{self, Sheet};
use crate::contest::{Lang, Rules};
use crate::say;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    DataValidation, DataValidationRule, Format, FormatAlign, FormatBorder, FormatDiagonalBorder, Formula, Workbook, Worksheet, XlsxError,
};

/// A font every Chinese Windows and WPS has; charset 134 is GB2312.
const FONT: &str = "宋体";
const GB2312: u8 = 134;
/// Paper size 9 is A4 in Excel's numbering.
const A4: u8 = 9;

/// The workbook's bytes.
pub fn write(rules: &Rules, sheet: &Sheet, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let worksheet = workbook.add_worksheet();
    worksheet.set_name(rules.judge_id(sheet.judge))?;
    lay_out(worksheet, rules, sheet, lang)?;
    workbook.save_to_buffer()
}

fn base() -> Format {
    Format::new().set_font_name(FONT).set_font_charset(GB2312).set_font_size(11)
}

fn boxed() -> Format {
    base().set_border(FormatBorder::Thin).set_align(FormatAlign::VerticalCenter)
}

fn lay_out(ws: &mut Worksheet, rules: &Rules, sheet: &Sheet, lang: Lang) -> Result<(), XlsxError> {
    let first = sheet.first_mark_column();
    let last = (first + sheet.columns.len() as u16).saturating_sub(1).max(first);
    let title = base().set_bold().set_font_size(16).set_align(FormatAlign::Center);
    let judge = base().set_font_size(12).set_align(FormatAlign::Center);
    let heading = boxed()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_background_color("#EDEDED");
    let small = boxed()
        .set_font_size(9)
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_font_color("#555555");
    let machine = base().set_font_size(8).set_font_color("#888888");
    let entry = boxed();
    let mark = boxed().set_align(FormatAlign::Center).set_font_size(12);
    // Struck out: light grey with a diagonal line (a fill pattern prints
    // as solid black in some spreadsheet programs).
    let struck = boxed()
        .set_background_color("#E0E0E0")
        .set_border_diagonal(FormatBorder::Thin)
        .set_border_diagonal_type(FormatDiagonalBorder::BorderUp)
        .set_border_diagonal_color("#808080");
    let footer = base().set_font_size(12).set_align(FormatAlign::VerticalCenter);

    ws.merge_range(layout::TITLE_ROW, 0, layout::TITLE_ROW, last, &layout::title(rules, lang), &title)?;
    ws.set_row_height(layout::TITLE_ROW, 28)?;
    ws.merge_range(
        layout::JUDGE_ROW,
        0,
        layout::JUDGE_ROW,
        last,
        &layout::judge_line(rules, sheet.judge, lang),
        &judge,
    )?;
    ws.set_row_height(layout::JUDGE_ROW, 22)?;
    // The machine row: hidden, and in grey should it be shown.
    for (c, cell) in sheet.machine_row(rules).iter().enumerate() {
        ws.write_string_with_format(layout::MACHINE_ROW, c as u16, cell, &machine)?;
    }
    ws.set_row_hidden(layout::MACHINE_ROW)?;

    let leads = sheet.lead_headings(lang);
    for (c, words) in leads.iter().enumerate() {
        ws.merge_range(layout::HEADING_ROW, c as u16, layout::MEANING_ROW, c as u16, words, &heading)?;
        ws.set_column_width(c as u16, if c == 0 { 11 } else { 12 })?;
    }
    for (i, column) in sheet.columns.iter().enumerate() {
        let c = first + i as u16;
        ws.write_string_with_format(layout::HEADING_ROW, c, column.heading(rules, lang), &heading)?;
        ws.write_string_with_format(layout::SCALE_ROW, c, column.scale(rules, lang), &small)?;
        ws.write_string_with_format(layout::MEANING_ROW, c, column.meaning(rules, lang), &small)?;
        ws.set_column_width(c, 15)?;
    }
    ws.set_row_height(layout::HEADING_ROW, 30)?;
    ws.set_row_height(layout::SCALE_ROW, 30)?;
    // What the marks mean, one a line: as many lines as the longest has.
    let lines = sheet
        .columns
        .iter()
        .map(|c| c.meaning(rules, lang).lines().count())
        .max()
        .unwrap_or(0);
    ws.set_row_height(layout::MEANING_ROW, if lines == 0 { 8 } else { 14 * lines as u32 + 4 })?;

    for (l, line) in sheet.lines.iter().enumerate() {
        let row = layout::FIRST_ENTRY_ROW + l as u32;
        ws.write_string_with_format(row, 0, &line.shown, &entry)?;
        if let Some(name) = &line.name {
            ws.write_string_with_format(row, 1, name, &entry)?;
        }
        for (i, offered) in line.offered.iter().enumerate() {
            ws.write_blank(row, first + i as u16, if *offered { &mark } else { &struck })?;
        }
        ws.set_row_height(row, 24)?;
    }
    validate(ws, rules, sheet, lang)?;

    let below = layout::FIRST_ENTRY_ROW + sheet.lines.len() as u32 + 1;
    for (i, words) in layout::signature_lines(lang).iter().enumerate() {
        let row = below + i as u32;
        ws.merge_range(row, 0, row, last, words, &footer)?;
        ws.set_row_height(row, 32)?;
    }

    ws.set_freeze_panes(layout::FIRST_ENTRY_ROW, first)?;
    ws.set_paper_size(A4);
    if sheet.landscape() {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(layout::TITLE_ROW, layout::MEANING_ROW)?;
    ws.set_print_center_horizontally(true);
    ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    ws.set_footer(say!(lang, "sheet-page-footer"));
    Ok(())
}

/// Excel's checks: each run of cells the judge marks in a column gets its
/// range and step; each run of struck cells refuses any value.
fn validate(ws: &mut Worksheet, rules: &Rules, sheet: &Sheet, lang: Lang) -> Result<(), XlsxError> {
    let first = sheet.first_mark_column();
    for (i, column) in sheet.columns.iter().enumerate() {
        let c = first + i as u16;
        let offered: Vec<bool> = sheet.lines.iter().map(|line| line.offered[i]).collect();
        let mut l = 0;
        while l < offered.len() {
            let run = offered[l..].iter().take_while(|o| **o == offered[l]).count();
            let (top, bottom) = (layout::FIRST_ENTRY_ROW + l as u32, layout::FIRST_ENTRY_ROW + (l + run) as u32 - 1);
            let top_cell = layout::address(top, c);
            let check = if offered[l] {
                marks_check(rules, column.criterion, &top_cell)?
                    .set_error_title(say!(lang, "sheet-check-title"))?
                    .set_error_message(truncate(
                        &say!(
                            lang,
                            "sheet-check-message",
                            criterion = column.heading(rules, lang),
                            scale = column.scale(rules, lang)
                        ),
                        255,
                    ))?
                    .set_input_title(truncate(&column.heading(rules, lang), 32))?
                    .set_input_message(truncate(&column.scale(rules, lang), 255))?
            } else {
                DataValidation::new()
                    .allow_custom(Formula::new(format!("=ISBLANK({top_cell})")))
                    .set_error_title(say!(lang, "sheet-check-title"))?
                    .set_error_message(say!(lang, "sheet-struck-message"))?
            };
            ws.add_data_validation(top, c, bottom, c, &check)?;
            l += run;
        }
    }
    Ok(())
}

/// The check of a mark: a whole number between the limits when marks go
/// in whole steps from a whole number, else a number between them on a step.
fn marks_check(rules: &Rules, criterion: usize, cell: &str) -> Result<DataValidation, XlsxError> {
    let rule = &rules.criteria[criterion];
    // A pass or a count has its range and step from `Rules` (0–1, whole counts).
    let (min, max, step) = (rule.range.min, rule.range.max, rule.range.step);
    let whole = |d: Decimal| d.fract().is_zero() && d.to_i32().is_some();
    let check = match step {
        Some(step) if step == Decimal::ONE && whole(min) && whole(max) => {
            DataValidation::new().allow_whole_number(DataValidationRule::Between(min.to_i32().unwrap_or(0), max.to_i32().unwrap_or(0)))
        }
        Some(step) => {
            let (min, max, step) = (min.normalize(), max.normalize(), step.normalize());
            // On a step: (value − min) / step rounds to a whole number
            // (rounded to 9 places first, as binary fractions are not exact).
            let units = format!("ROUND(({cell}-{min})/{step},9)");
            DataValidation::new().allow_custom(Formula::new(format!(
                "=AND(ISNUMBER({cell}),{cell}>={min},{cell}<={max},{units}=INT({units}))"
            )))
        }
        None => DataValidation::new().allow_decimal_number(DataValidationRule::Between(
            min.to_f64().unwrap_or(0.0),
            max.to_f64().unwrap_or(0.0),
        )),
    };
    Ok(check)
}

/// At most `limit` characters (Excel's limits on validation texts).
fn truncate(text: &str, limit: usize) -> String {
    text.chars().take(limit).collect()
}
