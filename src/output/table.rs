//! The terminal table, with column widths that count a Chinese character
//! as two columns so names line up.

use super::{label, number, BoardRow, Format, Leaderboard};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

pub struct Table;

/// The text, with any control character escaped (see `text::shown`).
fn shown(text: String) -> String {
    match crate::text::shown(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(escaped) => escaped,
    }
}

/// A column: its header and how a row fills it; numbers align right.
struct Column<'b> {
    header: String,
    numeric: bool,
    cell: Box<dyn Fn(&BoardRow) -> String + 'b>,
}

fn columns<'b>(board: &'b Leaderboard) -> Vec<Column<'b>> {
    let lang = board.lang;
    let text = |header: &str, cell: Box<dyn Fn(&BoardRow) -> String + 'b>| Column {
        header: header.to_string(),
        numeric: false,
        cell,
    };
    let mut columns = vec![Column {
        header: label(lang, "名次", "Rank").into(),
        numeric: true,
        cell: Box::new(|row| match row.place {
            Some(p) if p.tied => format!("={}", p.rank),
            Some(p) => p.rank.to_string(),
            None => "-".into(),
        }),
    }];
    if board.teams {
        columns.push(text(label(lang, "团体", "Team"), Box::new(|row| row.entry.to_string())));
        columns.push(text(label(lang, "成员", "Members"), Box::new(|row| row.name.to_string())));
    } else {
        columns.push(text(label(lang, "编号", "Entry"), Box::new(|row| row.entry.to_string())));
        columns.push(text(label(lang, "名称", "Name"), Box::new(|row| row.name.to_string())));
        columns.push(text(
            label(lang, "单位", "Organisation"),
            Box::new(|row| row.organisation.to_string()),
        ));
        if !board.rules.contest.divisions.is_empty() {
            columns.push(text(
                &board.rules.contest.division_heading(lang),
                Box::new(|row| row.division.to_string()),
            ));
        }
    }
    for (c, category) in board.rules.categories.iter().enumerate() {
        columns.push(Column {
            header: category.label.get(lang).to_string(),
            numeric: true,
            cell: Box::new(move |row| number(row.categories[c].get())),
        });
    }
    columns.push(Column {
        header: label(lang, "总分", "Total").into(),
        numeric: true,
        cell: Box::new(|row| number(row.total)),
    });
    for &column in &board.stage_columns {
        columns.push(Column {
            header: column.heading(lang),
            numeric: column != super::StageColumn::Reached,
            cell: Box::new(move |row| column.text(board, row)),
        });
    }
    columns.push(text(
        label(lang, "奖项", "Award"),
        Box::new(move |row| row.awards.iter().map(|a| board.award_label(a.2)).collect::<Vec<_>>().join(", ")),
    ));
    if !board.teams {
        columns.push(text(label(lang, "标记", "Flags"), Box::new(|row| row.flags.join(" "))));
    }
    columns
}

impl Format for Table {
    fn write(&self, board: &Leaderboard, out: &mut dyn Write) -> io::Result<()> {
        let columns = columns(board);
        // A control character (in a contest's or an old store's text) is shown escaped, never obeyed.
        let rows: Vec<Vec<String>> = board
            .rows
            .iter()
            .map(|row| columns.iter().map(|c| shown((c.cell)(row))).collect())
            .collect();
        let widths: Vec<usize> = (0..columns.len())
            .map(|c| {
                rows.iter()
                    .map(|r| r[c].width())
                    .chain([columns[c].header.width()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let title = crate::text::shown(board.rules.contest.name.get(board.lang));
        match (&board.filter, board.teams) {
            (Some((field, value)), _) => writeln!(out, "{title} — {field}: {value}")?,
            (None, true) => writeln!(out, "{title} — {}", label(board.lang, "团体", "teams"))?,
            (None, false) => writeln!(out, "{title}")?,
        }
        if let Some(note) = board.provisional_note() {
            writeln!(out, "{note}")?;
        }
        let line = |cells: &[String]| {
            let mut text = String::new();
            for (c, cell) in cells.iter().enumerate() {
                let pad = " ".repeat(widths[c] - cell.width());
                if columns[c].numeric {
                    text.push_str(&pad);
                    text.push_str(cell);
                } else {
                    text.push_str(cell);
                    text.push_str(&pad);
                }
                text.push_str("  ");
            }
            text.trim_end().to_string()
        };
        let headers: Vec<String> = columns.iter().map(|c| shown(c.header.clone())).collect();
        writeln!(out, "{}", line(&headers))?;
        writeln!(out, "{}", widths.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>().join("  "))?;
        for row in &rows {
            writeln!(out, "{}", line(row))?;
        }
        Ok(())
    }
}
