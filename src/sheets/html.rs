//! A judge's sheet as one self-contained HTML page to print: laid out by
//! [`super::layout`], on A4 with the table's headings repeated on every
//! printed page, the bundled Chinese font inside (nothing is fetched).

use super::layout::{self, Sheet};
use crate::contest::{Lang, Rules};
use crate::output::html::escape;
use std::fmt::Write as _;

const STYLE: &str = r#"<style>
body.sheet { font-family: "Podium Sans", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimSun", sans-serif; max-width: 1100px; }
table.marks tr.top th { border: none; background: none; padding: 0 0 .6rem; }
.sheet h1 { text-align: center; font-size: 1.4rem; margin: 0 0 .3rem; }
.sheet .judge { text-align: center; font-size: 1.05rem; font-weight: normal; margin: 0; }
table.marks col.entry { width: 5rem; } table.marks col.name { width: 7rem; }
table.marks { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.marks th, table.marks td { border: 1px solid #000; padding: .25rem .35rem; text-align: center; vertical-align: middle; }
table.marks thead tr:not(.top) th { background: #ededed; }
table.marks .scale, table.marks .meaning { font-weight: normal; font-size: .8rem; color: #333; }
table.marks .meaning { white-space: pre-line; text-align: left; }
table.marks th { overflow-wrap: anywhere; }
table.marks td { height: 2.1rem; }
table.marks td.entry { text-align: left; white-space: nowrap; }
table.marks td.struck { background: repeating-linear-gradient(135deg, #fff 0 5px, #bbb 5px 6px); }
.signatures { margin-top: 1.6rem; font-size: 1.05rem; line-height: 3rem; }
footer.note { display: none; }
@media print {
  body.sheet { margin: 0; max-width: none; font-size: 10.5pt; }
  table.marks thead { display: table-header-group; }
  table.marks tr { break-inside: avoid; page-break-inside: avoid; }
  table.marks thead tr:not(.top) th, table.marks td.struck { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .signatures { break-inside: avoid; page-break-inside: avoid; }
}
</style>
"#;

/// The page.
pub fn write(rules: &Rules, sheet: &Sheet, lang: Lang) -> String {
    let orientation = if sheet.landscape() { "landscape" } else { "portrait" };
    let mut body = format!("{STYLE}<style>@page {{ size: A4 {orientation}; margin: 12mm; }}</style>\n");
    let leads = sheet.lead_headings(lang);
    let width = leads.len() + sheet.columns.len();
    body.push_str("<table class=\"marks\">\n<colgroup>");
    for (i, _) in leads.iter().enumerate() {
        body.push_str(if i == 0 { "<col class=\"entry\">" } else { "<col class=\"name\">" });
    }
    body.push_str("</colgroup>\n");
    // The contest and the judge inside the table's head, so that every
    // printed page says whose sheet it is.
    let _ = write!(
        body,
        "<thead>\n<tr class=\"top\"><th colspan=\"{width}\"><h1>{}</h1><p class=\"judge\">{}</p></th></tr>\n<tr>",
        escape(&layout::title(rules, lang)),
        escape(&layout::judge_line(rules, sheet.judge, lang))
    );
    let meanings: Vec<String> = sheet.columns.iter().map(|c| c.meaning(rules, lang)).collect();
    let with_meanings = meanings.iter().any(|m| !m.is_empty());
    let rows = if with_meanings { 3 } else { 2 };
    for lead in &leads {
        let _ = write!(body, "<th rowspan=\"{rows}\">{}</th>", escape(lead));
    }
    for column in &sheet.columns {
        let _ = write!(body, "<th>{}</th>", escape(&column.heading(rules, lang)));
    }
    body.push_str("</tr>\n<tr>");
    for column in &sheet.columns {
        let _ = write!(body, "<th class=\"scale\">{}</th>", escape(&column.scale(rules, lang)));
    }
    if with_meanings {
        body.push_str("</tr>\n<tr>");
        for meaning in &meanings {
            let _ = write!(body, "<th class=\"meaning\">{}</th>", escape(meaning));
        }
    }
    body.push_str("</tr>\n</thead>\n<tbody>\n");
    for line in &sheet.lines {
        let _ = write!(body, "<tr><td class=\"entry\">{}</td>", escape(&line.shown));
        if let Some(name) = &line.name {
            let _ = write!(body, "<td class=\"entry\">{}</td>", escape(name));
        }
        for offered in &line.offered {
            body.push_str(if *offered { "<td></td>" } else { "<td class=\"struck\"></td>" });
        }
        body.push_str("</tr>\n");
    }
    body.push_str("</tbody>\n</table>\n<div class=\"signatures\">");
    for words in layout::signature_lines(lang) {
        let _ = write!(body, "<div>{}</div>", escape(&words));
    }
    body.push_str("</div>");
    let title = format!("{} · {}", rules.judge_id(sheet.judge), layout::title(rules, lang));
    crate::output::html::page(&title, lang, &body).replacen("<body>", "<body class=\"sheet\">", 1)
}
