//! The organiser's desk: progress per judge, locks and unlocks, publish,
//! the hall screen's freeze switch and ceremony, and the live results with
//! their flags.

use super::App;
use crate::output::html::{escape, head_row};
use crate::say;
use std::fmt::Write as _;

/// A judge's progress: marks saved of marks expected.
pub struct Progress {
    pub judge: String,
    pub name: String,
    pub saved: usize,
    pub expected: usize,
}

const SCRIPT: &str = r#"<script>
document.addEventListener('DOMContentLoaded', () => {
  const form = document.querySelector('meta[name=form]').content;
  document.querySelectorAll('form.action').forEach(f => f.addEventListener('submit', async event => {
    event.preventDefault();
    const body = new URLSearchParams(new FormData(f)); body.set('form', form);
    const response = await fetch(location.pathname + '/' + f.dataset.action, {method: 'POST', body});
    const answer = await response.json();
    const said = document.getElementById('said'); said.textContent = answer.message; said.className = answer.ok ? 'ok' : 'bad';
    if (answer.ok) setTimeout(() => location.reload(), 600);
  }));
  const rows = document.getElementById('live');
  const source = new EventSource(location.pathname + '/events');
  source.addEventListener('board', event => {
    rows.replaceChildren(...JSON.parse(event.data).map(e => {
      const tr = document.createElement('tr');
      [(e.tied ? '=' : '') + (e.rank ?? '-'), e.entry, e.name, e.total, e.awards.map(a => a.label).join(' '), e.flags.join(' ')].forEach((t, i) => {
        const td = document.createElement('td'); td.textContent = t; if (i === 0 || i === 3) td.className = 'n'; if (i === 5) td.className = 'flags'; tr.append(td);
      });
      return tr;
    }));
  });
});
</script>
<style>
#said.ok { color: #198754; } #said.bad { color: #b02a37; }
form.action { display: inline-flex; gap: .4rem; margin: .2rem 0; align-items: center; }
form.action input, form.action select { padding: .2rem; }
</style>
"#;

pub fn page(app: &App, progress: &[Progress], state: &crate::store::State, hall: super::live::HallState, form: &str) -> String {
    let rules = &*app.rules;
    let lang = app.lang;
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<header><h1>{}</h1><p class=\"sub\">{}</p></header><p id=\"said\" role=\"status\"></p>",
        escape(rules.contest.name.get(lang)),
        say!(lang, "desk-title")
    );
    // Progress per judge.
    let head = head_row(&[
        (&say!(lang, "column-judge"), false),
        (&say!(lang, "column-name"), false),
        (&say!(lang, "column-saved"), true),
        (&say!(lang, "column-expected"), true),
    ]);
    let _ = writeln!(body, "<h2>{}</h2><table>{head}<tbody>", say!(lang, "desk-progress"));
    for p in progress {
        let _ = writeln!(
            body,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            escape(&p.judge),
            escape(&p.name),
            p.saved,
            p.expected
        );
    }
    body.push_str("</tbody></table>\n");
    // The event's state.
    let _ = writeln!(body, "<h2>{}</h2>", say!(lang, "desk-locks"));
    if let Some(seq) = state.published {
        let _ = writeln!(body, "<p>{} (#{seq})</p>", say!(lang, "desk-published"));
    }
    body.push_str("<ul>");
    for (scope, seq) in &state.locked {
        let _ = writeln!(
            body,
            "<li>{} (#{seq}) <form class=\"action\" data-action=\"unlock\"><input type=\"hidden\" name=\"scope\" value=\"{}\"><input name=\"reason\" required placeholder=\"{}\"><button>{}</button></form></li>",
            escape(scope),
            escape(scope),
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
        "<form class=\"action\" data-action=\"lock\"><select name=\"scope\">{options}</select><button>{}</button></form><br>\
<form class=\"action\" data-action=\"publish\"><button>{}</button></form>",
        say!(lang, "desk-lock"),
        say!(lang, "desk-publish")
    );
    // The hall screen.
    let _ = writeln!(
        body,
        "<h2>{}</h2><form class=\"action\" data-action=\"freeze\"><input type=\"hidden\" name=\"on\" value=\"{}\"><button>{}</button></form> \
<form class=\"action\" data-action=\"ceremony\"><input type=\"hidden\" name=\"step\" value=\"start\"><input name=\"places\" type=\"number\" min=\"1\" inputmode=\"numeric\" placeholder=\"{}\" aria-label=\"{}\"><button>{}</button></form> \
<form class=\"action\" data-action=\"ceremony\"><input type=\"hidden\" name=\"step\" value=\"next\"><button>{}</button></form> \
<form class=\"action\" data-action=\"ceremony\"><input type=\"hidden\" name=\"step\" value=\"end\"><button>{}</button></form> <span class=\"note\">{}</span>",
        say!(lang, "desk-hall"),
        !hall.frozen,
        if hall.frozen { say!(lang, "desk-unfreeze") } else { say!(lang, "desk-freeze") },
        say!(lang, "desk-places"),
        say!(lang, "desk-places-help"),
        say!(lang, "desk-ceremony-start"),
        say!(lang, "desk-ceremony-next"),
        say!(lang, "desk-ceremony-end"),
        escape(&words::hall_now(lang, hall))
    );
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
        "<h2>{}</h2><table>{head}<tbody id=\"live\"></tbody></table>",
        say!(lang, "desk-live-results")
    );
    let head = format!("<meta name=\"form\" content=\"{form}\">\n{SCRIPT}");
    crate::output::html::document(rules.contest.name.get(lang), lang, super::FONT_LINK, &head, &body)
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
