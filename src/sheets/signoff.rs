//! The results sign-off sheet (成绩签字确认表) and the public notice
//! (成绩公示表). The sign-off sheet is to print and sign: the
//! leaderboard by code while the codes still hide names, the digest of the
//! marks it stands on, the store's audit head, each judge's sheet and
//! whether it is confirmed, and lines for the chief judge's and the
//! supervisor's signatures (with the recorded signatures, once given).

use crate::event::Event;
use crate::output::html::{board_table, escape};
use crate::output::Leaderboard;
use crate::say;
use std::fmt::Write as _;

const STYLE: &str = r#"<style>
@page { size: A4 portrait; margin: 12mm; }
div.signoff { max-width: 1100px; }
.signoff h1 { text-align: center; font-size: 1.4rem; margin: 0 0 .3rem; }
.signoff .sub { text-align: center; }
.signoff dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; font-size: .95rem; }
.signoff dd { margin: 0; overflow-wrap: anywhere; font-family: monospace, "Podium Sans"; }
.signatures { margin-top: 1.6rem; font-size: 1.05rem; line-height: 3rem; break-inside: avoid; page-break-inside: avoid; }
footer.note { display: none; }
@media print { div.signoff { margin: 0; max-width: none; font-size: 10.5pt; } table.board thead { display: table-header-group; } table.board tr { break-inside: avoid; } }
</style>
"#;

/// The sheet for `board` (names already hidden by the caller while the
/// codes hide them), as `event` stands, with the store's head.
pub fn page(board: &Leaderboard, event: &Event, head: &(i64, String), by_code: bool) -> String {
    let (rules, lang) = (board.rules, board.lang);
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<h1>{}</h1><p class=\"sub\">{}</p>",
        escape(&say!(lang, "signoff-title", contest = rules.contest.name.get(lang))),
        escape(&match by_code {
            true => say!(lang, "signoff-by-code"),
            false => say!(lang, "signoff-by-name"),
        })
    );
    body.push_str(&board_table(board));
    let _ = writeln!(body, "<dl>");
    let fact = |body: &mut String, term: String, value: &str| {
        let _ = writeln!(body, "<dt>{}</dt><dd>{}</dd>", escape(&term), escape(value));
    };
    fact(&mut body, say!(lang, "signoff-phase"), &event.phase().words().in_lang(lang));
    fact(&mut body, say!(lang, "signoff-digest"), &event.digests.all);
    fact(&mut body, say!(lang, "signoff-head"), &format!("#{} {}", head.0, head.1));
    let sheets: Vec<String> = event
        .sheets()
        .iter()
        .map(|(judge, confirmed)| format!("{judge} {}", if *confirmed { "✓" } else { "✗" }))
        .collect();
    fact(&mut body, say!(lang, "signoff-sheets"), &sheets.join("  "));
    body.push_str("</dl>\n<div class=\"signatures\">");
    for (role, signed) in [
        (crate::contest::workflow::Role::ChiefJudge, event.signed()),
        (crate::contest::workflow::Role::Supervisor, event.countersigned()),
    ] {
        let recorded = signed.map(|taken| {
            say!(
                lang,
                "signoff-recorded",
                by = taken.record.actor,
                at = crate::store::local_time(&taken.record.at),
                seq = taken.record.seq
            )
        });
        let _ = writeln!(
            body,
            "<p>{}</p>",
            escape(&say!(
                lang,
                "signoff-line",
                role = role.words().in_lang(lang),
                recorded = recorded.unwrap_or_default()
            ))
        );
    }
    body.push_str("</div>\n");
    let title = say!(lang, "signoff-title", contest = rules.contest.name.get(lang));
    document(&title, lang, &body)
}

/// The public notice to post (成绩公示表): the provisional results by
/// name, until when they are on notice and how to object.
pub fn notice(board: &Leaderboard, until: &str, head: &(i64, String)) -> String {
    let (rules, lang) = (board.rules, board.lang);
    let title = say!(lang, "notice-title", contest = rules.contest.name.get(lang));
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<h1>{}</h1><p class=\"sub\">{}</p>",
        escape(&title),
        escape(&say!(lang, "notice-until", until = until))
    );
    body.push_str(&board_table(board));
    let _ = writeln!(
        body,
        "<p>{}</p><dl><dt>{}</dt><dd>{}</dd></dl>",
        escape(&say!(lang, "notice-objections", until = until)),
        escape(&say!(lang, "signoff-head")),
        escape(&format!("#{} {}", head.0, head.1))
    );
    document(&title, lang, &body)
}

/// A printed sheet: the page around `body`, A4, the font inside.
fn document(title: &str, lang: crate::contest::Lang, body: &str) -> String {
    crate::output::html::document(
        title,
        lang,
        &crate::output::html::font_face(),
        STYLE,
        &format!("<div class=\"signoff\">{body}</div>"),
    )
}
