//! The organiser's desk: who still owes which marks (by judge, entry and
//! criterion; by code under blind judging), locks and unlocks and publish
//! (until the results are published), the hall screen's freeze switch and
//! ceremony, and the live results with their flags. Laid out for a phone too.

use super::live::{HallState, Marking, Owed};
use super::App;
use crate::contest::Lang;
use crate::output::html::{escape, head_row};
use crate::say;
use std::fmt::Write as _;

const SCRIPT: &str = r#"<script>
document.addEventListener('DOMContentLoaded', () => {
  const form = document.querySelector('meta[name=form]').content;
  const words = JSON.parse(document.querySelector('meta[name=words]').content);
  document.querySelectorAll('form.action').forEach(f => f.addEventListener('submit', async event => {
    event.preventDefault();
    const body = new URLSearchParams(new FormData(f)); body.set('form', form);
    const response = await fetch(location.pathname + '/' + f.dataset.action, {method: 'POST', body});
    const answer = await response.json();
    const said = document.getElementById('said'); said.textContent = answer.message; said.className = answer.ok ? 'ok' : 'bad';
    if (answer.ok) setTimeout(() => location.reload(), 600);
  }));
  const rows = document.getElementById('live');
  // When marks arrive, who owes what is read again (every few seconds at most), keeping open lists open.
  let refreshing = false;
  async function refresh() {
    const owed = document.getElementById('owed');
    const open = [...owed.querySelectorAll('details[open]')].map(d => d.dataset.judge);
    const page = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
    const fresh = page.getElementById('owed');
    if (fresh) { fresh.querySelectorAll('details').forEach(d => { d.open = open.includes(d.dataset.judge); }); owed.replaceWith(fresh); }
    refreshing = false;
  }
  const source = new EventSource(location.pathname + '/events');
  source.addEventListener('board', event => {
    const board = JSON.parse(event.data);
    document.getElementById('provisional').hidden = !board.provisional;
    if (!refreshing && board.missing !== +document.getElementById('owed').dataset.missing) { refreshing = true; setTimeout(refresh, 3000); }
    rows.replaceChildren(...board.rows.map(e => {
      const tr = document.createElement('tr');
      const awards = e.awards.map(a => [a.label, a.division, board.provisional ? words.provisional : ''].filter(Boolean).join(' · ')).join('；');
      [(e.tied ? '=' : '') + (e.rank ?? '-'), e.entry, e.name, e.total, awards, e.flags.join('；')].forEach((t, i) => {
        const td = document.createElement('td'); td.textContent = t; if (i === 0 || i === 3) td.className = 'n'; if (i === 5) td.className = 'flags'; tr.append(td);
      });
      return tr;
    }));
  });
});
</script>
<style>
footer { display: none; }
#said.ok { color: #198754; } #said.bad { color: #b02a37; }
form.action { display: flex; flex-wrap: wrap; gap: .5rem; margin: .4rem 0; align-items: center; }
form.action input, form.action select { padding: .4rem; font-size: 1rem; min-height: 44px; box-sizing: border-box; max-width: 100%; }
button { min-height: 44px; padding: .4rem 1rem; font-size: 1rem; }
button, input, select { font-family: inherit; }
.owed { border-bottom: 1px solid var(--rule); }
.owed summary { min-height: 44px; display: flex; align-items: center; gap: .6rem; cursor: pointer; list-style: none; }
.owed summary::-webkit-details-marker { display: none; }
.owed summary::before { content: "▸"; color: var(--muted); }
.owed[open] summary::before { content: "▾"; }
.owed .n { margin-left: auto; white-space: nowrap; }
.owed .glance { color: #b02a37; }
p.owed.done { color: #198754; padding: .6rem 0; }
.owed ul { max-height: 18rem; overflow-y: auto; margin: 0 0 .6rem; padding-left: 1.2rem; }
.owed li { padding: .15rem 0; }
.scroll { overflow-x: auto; max-width: 100%; }
.scroll table { min-width: 40rem; } .scroll td, .scroll th { white-space: nowrap; } .scroll td.flags { white-space: normal; min-width: 12rem; }
.locks li { margin: .3rem 0; }
@media (max-width: 600px) {
  body { margin: .6rem; }
  form.action { flex-direction: column; align-items: stretch; }
  form.action > * { width: 100%; }
}
</style>
"#;

/// The desk: who owes which marks, locks and publication (until the
/// results are published), the hall screen, and the live results.
pub fn page(
    app: &App,
    marking: &Marking,
    state: &crate::store::State,
    hall: HallState,
    form: &str,
    workflow: Option<&crate::event::Event>,
) -> String {
    let rules = &*app.rules;
    let lang = app.lang;
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<header><h1>{}</h1><p class=\"sub\">{}</p></header><p id=\"said\" role=\"status\"></p>",
        escape(rules.contest.name.get(lang)),
        say!(lang, "desk-title")
    );
    if let Some(event) = workflow {
        workflow_summary(&mut body, app, event);
    }
    owed(&mut body, app, marking);
    let _ = writeln!(body, "<h2>{}</h2>", say!(lang, "desk-locks"));
    match state.published {
        // Nothing can change now: no lock, unlock or publish to offer.
        Some(seq) => {
            let _ = writeln!(body, "<p>{}</p>", say!(lang, "desk-published", record = seq));
        }
        None => locks(&mut body, app, state),
    }
    hall_controls(&mut body, lang, hall, state.published.is_some());
    // Live results with flags.
    let head = head_row(&[
        (&say!(lang, "column-rank"), true),
        (&say!(lang, "column-entry"), false),
        (&say!(lang, "column-name"), false),
        (&say!(lang, "column-total"), true),
        (&say!(lang, "column-award"), false),
        (&say!(lang, "column-flags"), false),
    ]);
    let _ = writeln!(
        body,
        "<h2>{}</h2><p id=\"provisional\" class=\"note\" hidden>{}</p><div class=\"scroll\"><table>{head}<tbody id=\"live\"></tbody></table></div>",
        say!(lang, "desk-live-results"),
        say!(lang, "desk-provisional-note")
    );
    let words = serde_json::json!({ "provisional": say!(lang, "award-provisional") });
    let head = format!(
        "<meta name=\"form\" content=\"{form}\">\n<meta name=\"words\" content=\"{}\">\n{SCRIPT}",
        escape(&words.to_string())
    );
    crate::output::html::document(rules.contest.name.get(lang), lang, super::FONT_LINK, &head, &body)
}

/// Where the results stand, and the appeals not yet ruled on with the
/// deadline for appeals.
fn workflow_summary(body: &mut String, app: &App, event: &crate::event::Event) {
    let lang = app.lang;
    let _ = writeln!(body, "<h2>{}</h2><ul class=\"locks\">", say!(lang, "role-page-where"));
    for line in event.summary() {
        let _ = writeln!(body, "<li>{}</li>", escape(&line.in_lang(lang)));
    }
    for status in event.open_appeals() {
        let step = crate::event::Step::Appeal(status.appeal.clone());
        let _ = writeln!(
            body,
            "<li>{} — {}</li>",
            escape(&step.words().in_lang(lang)),
            say!(lang, "event-appeal-open")
        );
    }
    body.push_str("</ul>\n");
}

/// Entries named beside a judge before the list is opened.
const GLANCE: usize = 6;

/// Who still owes which marks: one line per judge (those owing most
/// first), opened to the entries and criteria they owe, grouped by entry.
fn owed(body: &mut String, app: &App, marking: &Marking) {
    let (rules, lang) = (&*app.rules, app.lang);
    let present = marking.expected - marking.missing;
    let _ = writeln!(
        body,
        "<section id=\"owed\" data-missing=\"{}\"><h2>{}</h2><p>{}</p>",
        marking.missing,
        say!(lang, "desk-progress"),
        say!(
            lang,
            "desk-progress-total",
            present = present,
            expected = marking.expected,
            missing = marking.missing
        )
    );
    let mut owed: Vec<&Owed> = marking.owed.iter().collect();
    owed.sort_by_key(|o| std::cmp::Reverse(o.missing));
    // Those with nothing left, on one line: at national scale, hundreds.
    let mut done: Vec<String> = Vec::new();
    for o in owed {
        let who = match o.judge {
            Some(j) => {
                let judge = &rules.contest.judges[j as usize];
                format!("{} {}", escape(&judge.id), escape(&judge.name))
            }
            None => say!(lang, "desk-records"),
        };
        if o.missing == 0 {
            done.push(who);
            continue;
        }
        let count = say!(lang, "desk-owes", missing = o.missing, expected = o.expected);
        // The entries to chase, at a glance: "C05、C07、…".
        let mut first: Vec<&str> = o.cells.iter().map(|c| c.0.as_str()).collect();
        first.dedup();
        let more = if first.len() > GLANCE || o.missing > o.cells.len() {
            "…"
        } else {
            ""
        };
        first.truncate(GLANCE);
        let _ = write!(
            body,
            "<details class=\"owed\" data-judge=\"{}\"><summary><span>{who} <span class=\"glance\">{}{more}</span></span><span class=\"n\">{count}</span></summary><ul>",
            o.judge.map_or("", |j| rules.contest.judges[j as usize].id.as_str()),
            escape(&first.join("、")),
        );
        // The cells come entry by entry: one line per entry, its criteria after it.
        let mut cells = o.cells.iter().peekable();
        while let Some((entry, c, element)) = cells.next() {
            let mut what = vec![super::criterion_words(app, *c, *element)];
            while let Some((_, c, element)) = cells.next_if(|next| next.0 == *entry) {
                what.push(super::criterion_words(app, *c, *element));
            }
            let _ = write!(body, "<li><b>{}</b>：{}</li>", escape(entry), escape(&what.join("、")));
        }
        if o.missing > o.cells.len() {
            let _ = write!(
                body,
                "<li class=\"note\">{}</li>",
                say!(lang, "desk-owes-more", more = o.missing - o.cells.len())
            );
        }
        body.push_str("</ul></details>\n");
    }
    if !done.is_empty() {
        let _ = writeln!(
            body,
            "<p class=\"owed done\">{}</p>",
            say!(lang, "desk-owe-nothing", count = done.len(), who = done.join("、"))
        );
    }
    body.push_str("</section>\n");
}

/// What is locked (each with an unlock), and the lock and publish forms.
fn locks(body: &mut String, app: &App, state: &crate::store::State) {
    let (rules, lang) = (&*app.rules, app.lang);
    body.push_str("<ul class=\"locks\">");
    for (scope, seq) in &state.locked {
        let _ = writeln!(
            body,
            "<li>{} (#{seq}) <form class=\"action\" data-action=\"unlock\"><input type=\"hidden\" name=\"scope\" value=\"{}\"><input name=\"reason\" required placeholder=\"{}\" aria-label=\"{}\"><button>{}</button></form></li>",
            escape(&super::scope_words(app, scope)),
            escape(scope),
            say!(lang, "desk-unlock-reason"),
            say!(lang, "desk-unlock-reason"),
            say!(lang, "desk-unlock")
        );
    }
    body.push_str("</ul>");
    let mut scopes = vec![("contest".to_string(), say!(lang, "desk-whole-contest"))];
    scopes.extend(
        rules
            .categories
            .iter()
            .map(|c| (format!("category {}", c.id), c.label.get(lang).to_string())),
    );
    scopes.extend(
        rules
            .criteria
            .iter()
            .enumerate()
            .map(|(i, c)| (format!("criterion {}", c.key), rules.criterion_label(i, lang).to_string())),
    );
    let options: String = scopes
        .iter()
        .map(|(value, text)| format!("<option value=\"{}\">{}</option>", escape(value), escape(text)))
        .collect();
    let _ = writeln!(
        body,
        "<form class=\"action\" data-action=\"lock\"><select name=\"scope\" aria-label=\"{}\">{options}</select><button>{}</button></form>",
        say!(lang, "desk-lock"),
        say!(lang, "desk-lock"),
    );
    // With a workflow the results become final through its steps, on the roles' own links.
    match rules.workflow {
        Some(_) => {
            let _ = writeln!(body, "<p class=\"note\">{}</p>", say!(lang, "desk-workflow-note"));
        }
        None => {
            let _ = writeln!(
                body,
                "<form class=\"action\" data-action=\"publish\"><button>{}</button></form>",
                say!(lang, "desk-publish")
            );
        }
    }
}

/// The hall screen's switches. Once published the results cannot change,
/// so there is nothing to freeze (a board frozen before can still be
/// unfrozen); the ceremony stays, since it is held after publication.
fn hall_controls(body: &mut String, lang: Lang, hall: HallState, published: bool) {
    let _ = writeln!(
        body,
        "<h2>{}</h2><p class=\"note\">{}</p>",
        say!(lang, "desk-hall"),
        escape(&words::hall_now(lang, hall))
    );
    if !published || hall.frozen {
        let _ = writeln!(
            body,
            "<form class=\"action\" data-action=\"freeze\"><input type=\"hidden\" name=\"on\" value=\"{}\"><button>{}</button></form>",
            !hall.frozen,
            if hall.frozen {
                say!(lang, "desk-unfreeze")
            } else {
                say!(lang, "desk-freeze")
            },
        );
    }
    let _ = writeln!(
        body,
        "<form class=\"action\" data-action=\"ceremony\"><input type=\"hidden\" name=\"step\" value=\"start\"><input name=\"places\" type=\"number\" min=\"1\" inputmode=\"numeric\" placeholder=\"{}\" aria-label=\"{}\"><button>{}</button></form>\
<form class=\"action\" data-action=\"ceremony\"><input type=\"hidden\" name=\"step\" value=\"next\"><button>{}</button></form>\
<form class=\"action\" data-action=\"ceremony\"><input type=\"hidden\" name=\"step\" value=\"end\"><button>{}</button></form>",
        say!(lang, "desk-places"),
        say!(lang, "desk-places-help"),
        say!(lang, "desk-ceremony-start"),
        say!(lang, "desk-ceremony-next"),
        say!(lang, "desk-ceremony-end"),
    );
}

/// What the desk says of the hall screen.
pub mod words {
    use crate::contest::Lang;
    use crate::say;
    use crate::serve::live::HallState;

    /// The hall's state in a few words.
    pub fn hall_now(lang: Lang, hall: HallState) -> String {
        match (hall.frozen, hall.ceremony) {
            (_, Some(c)) => say!(lang, "desk-hall-ceremony", revealed = c.revealed, rows = c.rows),
            (true, None) => say!(lang, "desk-hall-frozen"),
            (false, None) => say!(lang, "desk-hall-live"),
        }
    }

    /// A number of places that is not one.
    pub fn places_wanted(lang: Lang, typed: &str) -> String {
        say!(lang, "desk-places-wanted", typed = typed)
    }
}
