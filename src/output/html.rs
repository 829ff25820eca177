//! A self-contained HTML leaderboard: one file with its styles and the
//! bundled font inside, so it shows Chinese on any machine, offline, and
//! prints on A4 with the header repeated on every page. The report reuses
//! the page and the table.

use super::{label, BoardRow, Format, Leaderboard};
use crate::contest::Lang;
use base64::Engine as _;
use std::fmt::Write as _;
use std::io::{self, Write};

pub struct Html;

impl Format for Html {
    fn write(&self, board: &Leaderboard, out: &mut dyn Write) -> io::Result<()> {
        let lang = board.lang;
        let name = board.rules.contest.name.get(lang);
        let mut body = format!(
            "<header><h1>{}</h1><p class=\"sub\">{}",
            escape(name),
            label(lang, "排行榜", "Leaderboard")
        );
        if let Some((field, value)) = &board.filter {
            let _ = write!(body, " · {} = {}", escape(field), escape(value));
        }
        body.push_str("</p>");
        if let Some(note) = board.provisional_note() {
            let _ = write!(body, "<p class=\"provisional\">{}</p>", escape(&note));
        }
        body.push_str("</header>\n");
        body.push_str(&board_table(board));
        out.write_all(page(name, lang, &body).as_bytes())
    }
}

/// Text safe inside HTML elements and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The bundled font (WOFF2), for pages that link to it.
pub const FONT_WOFF2: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-podium.woff2");

/// The bundled font as a CSS `@font-face` with the font inside it.
pub fn font_face() -> String {
    let data = base64::engine::general_purpose::STANDARD.encode(FONT_WOFF2);
    format!(
        "@font-face {{ font-family: \"Podium Sans\"; src: url(data:font/woff2;base64,{data}) format(\"woff2\"); font-display: block; }}"
    )
}

const STYLE: &str = r#"
:root { --ink: #212529; --muted: #6c757d; --rule: #dee2e6; --band: #f8f9fa; }
* { box-sizing: border-box; }
body { font-family: "Podium Sans", sans-serif; color: var(--ink); margin: 2rem auto; max-width: 1200px; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.8rem; margin: 0 0 .2rem; font-weight: 600; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .6rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
.sub, .note { color: var(--muted); margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { padding: .32rem .5rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { background: var(--band); font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.tied td.rank::after { content: " ="; color: var(--muted); }
tr.through td.advanced { font-weight: 600; color: #146c43; }
tr.out td { color: var(--muted); }
.provisional { color: #b45309; font-weight: 600; margin: .2rem 0; }
.award { display: inline-block; padding: .05rem .5rem; border-radius: .8rem; color: #fff; font-weight: 600; white-space: nowrap; }
.flags { color: #b02a37; font-size: .82rem; }
.bar { display: flex; height: .9rem; min-width: 8rem; background: var(--band); }
.bar span { display: block; height: 100%; }
table.winners { table-layout: fixed; }
table.winners td:nth-child(1) { width: 4rem; } table.winners td:nth-child(2) { width: 6rem; }
table.winners td:nth-child(3) { width: 11rem; } table.winners td:nth-child(4) { width: 14rem; } table.winners td:nth-child(5) { width: 10rem; }
figure { margin: 1.2rem 0; page-break-inside: avoid; break-inside: avoid; }
figure svg { width: 100%; height: auto; border: 1px solid var(--rule); }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1.2rem; }
dl.summary dt { color: var(--muted); }
.rules { display: grid; grid-template-columns: 1fr 1fr; gap: 0 2rem; }
.rules ul { padding-left: 1.2rem; margin: .3rem 0; }
@media (max-width: 800px) { .rules { grid-template-columns: 1fr; } }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; break-inside: avoid; }
  h2 { page-break-after: avoid; break-after: avoid; }
  .award { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .bar span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// A whole HTML document around `body`, the font inside it.
pub fn page(title: &str, lang: Lang, body: &str) -> String {
    document(title, lang, &font_face(), "", body)
}

/// A whole HTML document: `font` is the `@font-face` rule, `head` more
/// of the head (styles, a script).
pub fn document(title: &str, lang: Lang, font: &str, head: &str, body: &str) -> String {
    let lang = match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{font}{STYLE}</style>\n{head}</head>\n<body>\n{body}\n<footer class=\"note\">podium {}</footer>\n</body>\n</html>\n",
        escape(title),
        env!("CARGO_PKG_VERSION"),
    )
}

/// A table's header row: each column's words, and whether it holds numbers
/// (aligned right).
pub fn head_row(columns: &[(&str, bool)]) -> String {
    let cells: String = columns
        .iter()
        .map(|(words, numeric)| {
            if *numeric {
                format!("<th class=\"n\">{words}</th>")
            } else {
                format!("<th>{words}</th>")
            }
        })
        .collect();
    format!("<thead><tr>{cells}</tr></thead>")
}

/// One award as a badge in its colour.
pub fn tier_badge(board: &Leaderboard, set: &str, tier: &str, tier_label: &str) -> String {
    let c = crate::chart::award_colour(board.rules, set, tier);
    format!(
        "<span class=\"award\" style=\"background:#{:02x}{:02x}{:02x}\">{}</span>",
        c.0,
        c.1,
        c.2,
        escape(tier_label)
    )
}

/// A row's awards as badges.
pub fn award_badge(board: &Leaderboard, row: &BoardRow) -> String {
    let badges: Vec<String> = row
        .awards
        .iter()
        .map(|(set, tier, tier_label)| tier_badge(board, set, tier, &board.award_label(tier_label)))
        .collect();
    badges.join(" ")
}

/// The leaderboard as a table: place, who, total, each category, award, flags.
pub fn board_table(board: &Leaderboard) -> String {
    let lang = board.lang;
    let rules = board.rules;
    let mut html = String::from("<table class=\"board\">\n<thead><tr>");
    let _ = write!(html, "<th class=\"n\">{}</th>", label(lang, "名次", "Rank"));
    let (who, members) = if board.teams {
        (label(lang, "团体", "Team"), label(lang, "成员", "Members"))
    } else {
        (label(lang, "编号", "Entry"), label(lang, "名称", "Name"))
    };
    let _ = write!(html, "<th>{who}</th><th>{members}</th>");
    if !board.teams {
        let _ = write!(html, "<th>{}</th>", label(lang, "单位", "Organisation"));
        if board.rows.iter().any(|r| !r.division.is_empty()) {
            let _ = write!(html, "<th>{}</th>", board.rules.contest.division_heading(lang));
        }
    }
    let _ = write!(html, "<th class=\"n\">{}</th>", label(lang, "总分", "Total"));
    for category in &rules.categories {
        let _ = write!(html, "<th class=\"n\">{}</th>", escape(category.label.get(lang)));
    }
    for column in &board.stage_columns {
        let _ = write!(html, "<th class=\"n\">{}</th>", escape(&column.heading(lang)));
    }
    let _ = write!(html, "<th>{}</th></tr></thead>\n<tbody>\n", label(lang, "奖项", "Award"));
    let show_division = !board.teams && board.rows.iter().any(|r| !r.division.is_empty());
    for row in &board.rows {
        // A stage's board marks who went on (`through`) and who did not (`out`).
        let classes: Vec<&str> = [
            row.place.is_some_and(|p| p.tied).then_some("tied"),
            row.stage.advanced.map(|yes| if yes { "through" } else { "out" }),
        ]
        .into_iter()
        .flatten()
        .collect();
        let _ = write!(
            html,
            "<tr{}><td class=\"n rank\">{}</td><td>{}</td><td>{}</td>",
            if classes.is_empty() {
                String::new()
            } else {
                format!(" class=\"{}\"", classes.join(" "))
            },
            row.place.map_or("-".into(), |p| p.rank.to_string()),
            escape(row.entry),
            escape(&row.name)
        );
        if !board.teams {
            let _ = write!(html, "<td>{}</td>", escape(row.organisation));
            if show_division {
                let _ = write!(html, "<td>{}</td>", escape(row.division));
            }
        }
        let _ = write!(html, "<td class=\"n\"><strong>{}</strong></td>", super::number(row.total));
        for value in row.categories {
            let _ = write!(html, "<td class=\"n\">{}</td>", super::number(value.get()));
        }
        for column in &board.stage_columns {
            let _ = write!(html, "<td class=\"n {}\">{}</td>", column.id(), escape(&column.text(board, row)));
        }
        let _ = write!(html, "<td>{}", award_badge(board, row));
        if !row.flags.is_empty() {
            let _ = write!(html, " <span class=\"flags\">{}</span>", escape(&row.flags.join(" ")));
        }
        html.push_str("</td></tr>\n");
    }
    html.push_str("</tbody>\n</table>\n");
    html
}
