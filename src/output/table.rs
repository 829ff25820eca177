//! The terminal table, with column widths that count a Chinese character
//! as two columns so names line up.

use super::{label, number, Format, Leaderboard};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

pub struct Table;

impl Format for Table {
    fn write(&self, board: &Leaderboard, out: &mut dyn Write) -> io::Result<()> {
        let lang = board.lang;
        let mut header: Vec<String> = vec![
            label(lang, "名次", "Rank").into(),
            label(lang, "编号", "Entry").into(),
            label(lang, "名称", "Name").into(),
            label(lang, "单位", "Organisation").into(),
        ];
        let show_division = !board.rules.contest.divisions.is_empty();
        if show_division {
            header.push(label(lang, "组别", "Division").into());
        }
        header.extend(board.rules.categories.iter().map(|c| c.label.get(lang).to_string()));
        header.push(label(lang, "总分", "Total").into());
        header.push(label(lang, "奖项", "Award").into());
        header.push(label(lang, "标记", "Flags").into());
        let numeric_from = 4 + usize::from(show_division);
        let numeric_to = numeric_from + board.rules.categories.len() + 1;

        let rows: Vec<Vec<String>> = board
            .rows
            .iter()
            .map(|row| {
                let rank = match row.place {
                    Some(p) if p.tied => format!("={}", p.rank),
                    Some(p) => p.rank.to_string(),
                    None => "-".into(),
                };
                let mut cells = vec![rank, row.entry.to_string(), row.name.to_string(), row.organisation.to_string()];
                if show_division {
                    cells.push(row.division.to_string());
                }
                cells.extend(row.categories.iter().map(|v| number(*v)));
                cells.push(number(row.total));
                cells.push(row.awards.iter().map(|a| a.2).collect::<Vec<_>>().join(", "));
                cells.push(row.flags.join(" "));
                cells
            })
            .collect();

        let widths: Vec<usize> = (0..header.len())
            .map(|c| rows.iter().map(|r| r[c].width()).chain([header[c].width()]).max().unwrap_or(0))
            .collect();
        let title = board.rules.contest.name.get(lang);
        match &board.filter {
            Some((field, value)) => writeln!(out, "{title} — {field}: {value}")?,
            None => writeln!(out, "{title}")?,
        }
        let line = |cells: &[String]| {
            let mut text = String::new();
            for (c, cell) in cells.iter().enumerate() {
                let pad = " ".repeat(widths[c] - cell.width());
                if (numeric_from..numeric_to).contains(&c) || c == 0 {
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
        writeln!(out, "{}", line(&header))?;
        writeln!(out, "{}", widths.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>().join("  "))?;
        for row in &rows {
            writeln!(out, "{}", line(row))?;
        }
        Ok(())
    }
}
