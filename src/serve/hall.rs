//! The hall screen: the leaderboard full-screen in award colours, updated
//! live by server-sent events; frozen when the organiser freezes it; in
//! ceremony mode, places revealed one by one from the bottom up (the server
//! sends only the revealed rows), always fitted to the screen.

use super::App;
use crate::say;

const STYLE: &str = r#"<style>
html, body { height: 100%; overflow: hidden; }
body { max-width: none; margin: 0; padding: 2vh 3vw; box-sizing: border-box; background: #0b1d33; color: #f8f9fa; font-size: 2.2vh; }
header h1 { font-size: 4.5vh; margin: 0; } header .sub { color: #adb5bd; font-size: 2.4vh; margin: .4vh 0; }
table { font-size: var(--rows, 3vh); width: 100%; } th { background: transparent; color: #adb5bd; border-bottom: 2px solid #495057; }
td { border-bottom: 1px solid #243b55; padding: .25em .6em; }
td.total { font-weight: 700; text-align: right; font-variant-numeric: tabular-nums; }
td.rank { text-align: right; width: 3em; }
td.behind { font-weight: 400; color: #adb5bd; }
#stage { color: #f8f9fa; font-weight: 600; }
tr.newest td { background: #14365c; }
.award { display: inline-block; padding: .05em .5em; border-radius: 1em; color: #fff; font-weight: 600; }
#state { position: fixed; right: 3vw; top: 2vh; color: #ffc107; font-size: 2.4vh; }
#waiting { color: #ffc107; font-size: 2.6vh; margin: .6vh 0; }
#provisional { color: #ffc107; font-size: 2.4vh; margin: .4vh 0; }
.division { color: #ced4da; }
.provisional { color: #ffc107; font-size: .8em; border: 1px solid #ffc107; border-radius: 1em; padding: 0 .4em; }
@media (max-width: 700px) { th:nth-child(3), td.org { display: none; } body { padding: 1.5vh 2vw; } #state { position: static; } }
footer { display: none; }
</style>
"#;

/// Draws the rows the server sends (in a ceremony, only those revealed so
/// far: the others never reach the page), then shrinks them until every
/// row is on the screen.
const SCRIPT: &str = r#"<script>
document.addEventListener('DOMContentLoaded', () => {
  const rows = document.getElementById('rows'), state = document.getElementById('state'), waiting = document.getElementById('waiting');
  const colours = JSON.parse(document.querySelector('meta[name=colours]').content);
  const words = JSON.parse(document.querySelector('meta[name=words]').content);
  function cell(text, cls) { const td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; return td; }
  const table = document.querySelector('table');
  function overflows() { const b = table.getBoundingClientRect(); return b.bottom > innerHeight || b.right > innerWidth; }
  function fit() {
    let size = Math.min(innerHeight * 0.03, innerWidth * 0.03);
    do { document.documentElement.style.setProperty('--rows', size + 'px'); size *= 0.94; }
    while (overflows() && size > 4);
  }
  function show(message) {
    const data = JSON.parse(message), hall = data.hall, entries = data.rows, ceremony = hall.ceremony;
    rows.replaceChildren(...entries.map((e, i) => {
      const tr = document.createElement('tr');
      tr.append(cell((e.tied ? '=' : '') + e.rank, 'rank'), cell(e.name || e.entry), cell(e.organisation || '', 'org'), cell(e.total, 'total'));
      // A contest run in stages: how far behind the leader, as a round is followed.
      if (data.stage) tr.append(cell(e.behind || '', 'total behind'));
      const award = document.createElement('td');
      (e.awards || []).forEach(a => { const span = document.createElement('span'); span.className = 'award'; span.style.background = colours[a.set + '/' + a.tier] || '#5b7db1'; span.textContent = a.label; award.append(span, ' ');
        // Decided within a division: which one, beside it; and provisional until marking is complete.
        if (a.division) { const d = document.createElement('span'); d.className = 'division'; d.textContent = a.division; award.append(d, ' '); }
 });
      // Once a row: the awards are provisional until marking is complete.
      if (data.provisional && (e.awards || []).length) { const p = document.createElement('span'); p.className = 'provisional'; p.textContent = words.provisional; award.append(p); }
      tr.append(award);
      if (ceremony && i === 0) tr.className = 'newest';
      return tr;
    }));
    const left = ceremony ? ceremony.rows - ceremony.revealed : 0;
    waiting.hidden = !ceremony || left === 0;
    waiting.textContent = words.waiting.replace('{n}', left);
    state.textContent = ceremony ? words.ceremony : (hall.frozen ? words.frozen : '');
    const note = document.getElementById('provisional');
    note.hidden = !data.provisional; note.textContent = data.note;
    // Which stage the board is of, and its column of points behind.
    document.getElementById('stage').textContent = data.stage || '';
    document.getElementById('behind').hidden = !data.stage;
    fit();
    document.body.dataset.version = (+(document.body.dataset.version || 0) + 1);
  }
  addEventListener('resize', fit);
  document.fonts.ready.then(fit);
  const source = new EventSource('/events');
  source.addEventListener('board', event => show(event.data));
});
</script>
"#;

pub fn page(app: &App) -> String {
    let rules = &*app.rules;
    let lang = app.lang;
    let mut colours = serde_json::Map::new();
    for set in &rules.contest.awards {
        for tier in &set.tiers {
            let c = crate::chart::award_colour(rules, &set.id, &tier.id);
            colours.insert(
                format!("{}/{}", set.id, tier.id),
                format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2).into(),
            );
        }
    }
    let words = serde_json::json!({
        "frozen": say!(lang, "hall-frozen"),
        "ceremony": say!(lang, "hall-ceremony"),
        "waiting": say!(lang, "hall-waiting", n = "{n}"),
        "provisional": say!(lang, "award-provisional"),
    });
    let head = format!(
        "<meta name=\"colours\" content=\"{}\">\n<meta name=\"words\" content=\"{}\">\n{STYLE}{SCRIPT}",
        crate::output::html::escape(&serde_json::Value::Object(colours).to_string()),
        crate::output::html::escape(&words.to_string()),
    );
    let columns = format!(
        "<thead><tr><th class=\"n\">{}</th><th>{}</th><th>{}</th><th class=\"n\">{}</th><th class=\"n\" id=\"behind\" hidden>{}</th><th>{}</th></tr></thead>",
        say!(lang, "column-rank"),
        say!(lang, "column-name"),
        say!(lang, "column-organisation"),
        say!(lang, "column-total"),
        say!(lang, "column-behind"),
        say!(lang, "column-award"),
    );
    let body = format!(
        "<header><h1>{}</h1><p class=\"sub\"><span id=\"stage\"></span> {}</p></header><div id=\"state\"></div><p id=\"provisional\" hidden>{}</p><p id=\"waiting\" hidden></p>\n<table>{columns}<tbody id=\"rows\"></tbody></table>",
        crate::output::html::escape(rules.contest.name.get(lang)),
        say!(lang, "hall-live"),
        say!(lang, "hall-provisional"),
    );
    crate::output::html::document(rules.contest.name.get(lang), lang, super::FONT_LINK, &head, &body)
}
