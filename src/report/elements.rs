//! The report's element tables: for each element criterion, each entry's
//! elements with what each counted, its text (a dive code) and data, and
//! the ones not performed said as such.

use crate::output::html::escape;
use crate::output::{number, BoardRow, ElementCell, Leaderboard};
use crate::say;
use std::fmt::Write as _;

/// One table per element criterion, entries in the board's order.
pub fn element_tables(body: &mut String, board: &Leaderboard) {
    let slots = board.element_slots();
    if slots.is_empty() {
        return;
    }
    let (lang, rules) = (board.lang, board.rules);
    let _ = writeln!(body, "<h2 id=\"elements\">{}</h2>", say!(lang, "report-elements"));
    for group in slots.chunk_by(|a, b| a.0 == b.0) {
        let criterion = rules.criterion_label(group[0].0, lang);
        let _ = writeln!(body, "<h3>{}</h3>", escape(criterion));
        body.push_str("<table><thead><tr>");
        let _ = write!(
            body,
            "<th class=\"n\">{}</th><th>{}</th>",
            say!(lang, "column-rank"),
            say!(lang, "column-name")
        );
        for &(_, element) in group {
            let heading = say!(lang, "column-element", criterion = criterion, element = element);
            let _ = write!(body, "<th class=\"n\">{}</th>", escape(&heading));
        }
        let _ = writeln!(body, "<th class=\"n\">{}</th></tr></thead><tbody>", escape(criterion));
        for row in &board.rows {
            element_row(body, board, row, group);
        }
        body.push_str("</tbody></table>\n");
    }
}

fn element_row(body: &mut String, board: &Leaderboard, row: &BoardRow, group: &[(usize, u8)]) {
    let _ = write!(
        body,
        "<tr><td class=\"n\">{}</td><td>{}</td>",
        row.place.map_or("-".into(), |p| p.rank.to_string()),
        escape(if row.name.is_empty() { row.entry } else { &row.name })
    );
    for &slot in group {
        let _ = write!(body, "<td class=\"n\">{}</td>", cell(board, &board.element_cell(row, slot)));
    }
    let _ = writeln!(
        body,
        "<td class=\"n\"><strong>{}</strong></td></tr>",
        number(row.criteria[group[0].0].get())
    );
}

/// What an element counted, then its text and data below in small type.
fn cell(board: &Leaderboard, cell: &ElementCell) -> String {
    let shown = match cell.result {
        Some(result) if !result.performed => match result.value {
            Some(_) => say!(board.lang, "value-not-performed-zero"),
            None => say!(board.lang, "value-not-performed"),
        },
        Some(result) => number(result.value),
        None => number(None),
    };
    let details: Vec<String> = cell
        .text
        .iter()
        .map(|(_, text)| text.to_string())
        .chain(cell.data.iter().map(|(field, value)| format!("{field} {value}")))
        .collect();
    if details.is_empty() {
        escape(&shown)
    } else {
        format!("{}<br><small>{}</small>", escape(&shown), escape(&details.join(" · ")))
    }
}
