//! A role's page (`/r/ROLE/TOKEN`): the chief judge, the encryption judge,
//! the supervisor, the arbitration group, the clerk or the organising
//! committee acts here as that role, each link its own secret like a
//! judge's. The page shows where the results stand and offers only the
//! steps the role may take; each is decided by `event::decide`, exactly as
//! on the command line, and recorded by the writer.

use super::App;
use crate::contest::workflow::{Action, RoleHolder};
use crate::event::{AppealStatus, Event};
use crate::output::html::escape;
use crate::say;
use std::fmt::Write as _;

const SCRIPT: &str = r#"<script>
document.addEventListener('DOMContentLoaded', () => {
  const form = document.querySelector('meta[name=form]').content;
  document.querySelectorAll('form.step').forEach(f => f.addEventListener('submit', async event => {
    event.preventDefault();
    const body = new URLSearchParams(new FormData(f)); body.set('form', form);
    const response = await fetch(location.pathname + '/step', {method: 'POST', body});
    const answer = await response.json();
    const said = document.getElementById('said'); said.textContent = answer.message; said.className = answer.ok ? 'ok' : 'bad';
    if (answer.ok) setTimeout(() => location.reload(), 1200);
  }));
});
</script>
<style>
footer { display: none; }
#said { white-space: pre-line; } #said.ok { color: #198754; } #said.bad { color: #b02a37; }
form.step { display: flex; flex-wrap: wrap; gap: .5rem; margin: .6rem 0; align-items: center; }
form.step input, form.step select { padding: .4rem; font-size: 1rem; min-height: 44px; box-sizing: border-box; max-width: 100%; }
button { min-height: 44px; padding: .4rem 1rem; font-size: 1rem; }
button, input, select { font-family: inherit; }
ul.summary li { margin: .3rem 0; }
@media (max-width: 600px) { body { margin: .6rem; } form.step { flex-direction: column; align-items: stretch; } form.step > * { width: 100%; } }
</style>
"#;

/// The page of `holder`, as the event stands.
pub fn page(app: &App, holder: &RoleHolder, event: &Event, form: &str) -> String {
    let (rules, lang) = (&*app.rules, app.lang);
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<header><h1>{}</h1><p class=\"sub\">{}</p></header><p id=\"said\" role=\"status\"></p>",
        escape(rules.contest.name.get(lang)),
        escape(&say!(
            lang,
            "role-page-title",
            role = holder.role.words().in_lang(lang),
            name = holder.name
        ))
    );
    let _ = writeln!(body, "<h2>{}</h2><ul class=\"summary\">", say!(lang, "role-page-where"));
    for line in event.summary() {
        let _ = writeln!(body, "<li>{}</li>", escape(&line.in_lang(lang)));
    }
    body.push_str("</ul>\n");
    if event.state.published.is_none() {
        let _ = writeln!(body, "<h2>{}</h2>", say!(lang, "role-page-steps"));
        steps(&mut body, app, holder, event);
    }
    appeals(&mut body, app, &event.appeals());
    let head = format!("<meta name=\"form\" content=\"{form}\">\n{SCRIPT}");
    crate::output::html::document(rules.contest.name.get(lang), lang, super::FONT_LINK, &head, &body)
}

/// A form for each step the role may take.
fn steps(body: &mut String, app: &App, holder: &RoleHolder, event: &Event) {
    let lang = app.lang;
    let button = |command: &str, words: String| {
        format!(
            "<form class=\"step\"><input type=\"hidden\" name=\"command\" value=\"{command}\"><input name=\"reason\" placeholder=\"{}\"><button>{}</button></form>\n",
            escape(&say!(lang, "role-page-reason")),
            escape(&words)
        )
    };
    if holder.may(Action::ConfirmSheet) {
        // The sheets still to confirm first: the one chosen is the next to do.
        let mut sheets = event.sheets();
        sheets.sort_by_key(|(_, confirmed)| *confirmed);
        let options: String = sheets
            .iter()
            .map(|(judge, confirmed)| {
                let mark = if *confirmed { " ✓" } else { "" };
                format!("<option value=\"{0}\">{0}{mark}</option>", escape(judge))
            })
            .collect();
        let _ = writeln!(
            body,
            "<form class=\"step\"><input type=\"hidden\" name=\"command\" value=\"sheet\"><select name=\"judge\" aria-label=\"{}\">{options}</select><button>{}</button></form>",
            escape(&say!(lang, "role-page-judge")),
            escape(&say!(lang, "role-page-confirm-sheet"))
        );
    }
    if holder.may(Action::SignResults) || holder.may(Action::Supervise) {
        body.push_str(&button("sign", say!(lang, "role-page-sign")));
    }
    if holder.may(Action::Decode) || holder.may(Action::Supervise) {
        let words = match holder.may(Action::Decode) {
            true => say!(lang, "role-page-decode"),
            false => say!(lang, "role-page-witness"),
        };
        body.push_str(&button("decode", words));
    }
    if holder.may(Action::Notice) {
        body.push_str(&button("notice", say!(lang, "role-page-notice")));
    }
    if holder.may(Action::Publish) {
        body.push_str(&button("publish", say!(lang, "role-page-publish")));
    }
    if holder.may(Action::FileAppeal) {
        let field = |name: &str, id: &str| format!("<input name=\"{name}\" placeholder=\"{}\" required>", escape(&say(lang, id)));
        let _ = writeln!(
            body,
            "<form class=\"step\"><input type=\"hidden\" name=\"command\" value=\"appeal\">{}{}{}<button>{}</button></form>",
            field("entry", "role-page-entry"),
            field("from", "role-page-from"),
            field("what", "role-page-what"),
            escape(&say!(lang, "role-page-file-appeal"))
        );
    }
    if holder.may(Action::Rule) {
        let open: String = event
            .open_appeals()
            .iter()
            .map(|a| format!("<option value=\"{0}\">{0}</option>", escape(&a.appeal.id)))
            .collect();
        let _ = writeln!(
            body,
            "<form class=\"step\"><input type=\"hidden\" name=\"command\" value=\"rule\"><select name=\"id\" aria-label=\"{}\">{open}</select>\
             <select name=\"ruling\" aria-label=\"{}\"><option value=\"upheld\">{}</option><option value=\"dismissed\">{}</option></select>\
             <input name=\"reason\" placeholder=\"{}\" required><button>{}</button></form>",
            escape(&say!(lang, "role-page-appeal")),
            escape(&say!(lang, "role-page-ruling")),
            escape(&say!(lang, "role-page-upheld")),
            escape(&say!(lang, "role-page-dismissed")),
            escape(&say!(lang, "role-page-reason")),
            escape(&say!(lang, "role-page-rule"))
        );
    }
}

/// Every appeal with its ruling.
fn appeals(body: &mut String, app: &App, appeals: &[AppealStatus]) {
    let lang = app.lang;
    if appeals.is_empty() {
        return;
    }
    let _ = writeln!(body, "<h2>{}</h2><ul class=\"summary\">", say!(lang, "role-page-appeals"));
    for status in appeals {
        let step = crate::event::Step::Appeal(status.appeal.clone());
        let ruling = match &status.ruling {
            None => say!(lang, "event-appeal-open"),
            Some((upheld, record)) => say!(
                lang,
                "event-appeal-ruled",
                upheld = if *upheld { "yes" } else { "no" },
                reason = record.reason,
                by = record.actor,
                at = crate::store::local_time(&record.at)
            ),
        };
        let _ = writeln!(body, "<li>{} — {}</li>", escape(&step.words().in_lang(lang)), escape(&ruling));
    }
    body.push_str("</ul>\n");
}

fn say(lang: crate::contest::Lang, id: &str) -> String {
    crate::i18n::say(lang, id, &[])
}

/// What a role's form asks, as a command, or why it is not one.
pub fn command(form: &super::RoleForm) -> Result<crate::event::Command, crate::i18n::Text> {
    use crate::event::Command;
    Ok(match form.command.as_str() {
        "sheet" => Command::ConfirmSheet {
            judge: form.judge.trim().into(),
        },
        "sign" => Command::Sign,
        "decode" => Command::Decode,
        "notice" => Command::Notice,
        "publish" => Command::Publish,
        "appeal" => Command::FileAppeal {
            entry: form.entry.trim().into(),
            from: form.from.clone(),
            what: form.what.clone(),
        },
        "rule" if form.reason.trim().is_empty() => return Err(crate::msg!("event-ruling-needs-reason")),
        "rule" => Command::Rule {
            id: form.id.trim().into(),
            upheld: match form.ruling.as_str() {
                "upheld" => true,
                "dismissed" => false,
                _ => return Err(crate::msg!("event-appeal-flags-ruling")),
            },
        },
        other => return Err(crate::msg!("desk-no-action", action = other)),
    })
}
