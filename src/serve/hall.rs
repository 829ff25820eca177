//! The hall screen: the leaderboard full-screen in award colours, updated
//! live by server-sent events; frozen when the organiser freezes it; in
//! ceremony mode, places revealed one by one from the bottom up.

use super::App;
use crate::output::label;

const STYLE: &str = r#"<style>
body { max-width: none; margin: 0; padding: 2vh 3vw; background: #0b1d33; color: #f8f9fa; font-size: 2.2vh; }
header h1 { font-size: 4.5vh; margin: 0; } header .sub { color: #adb5bd; font-size: 2.4vh; }
table { font-size: 3vh; } th { background: transparent; color: #adb5bd; border-bottom: 2px solid #495057; }
td { border-bottom: 1px solid #243b55; padding: .6vh 1vw; }
td.total { font-weight: 700; text-align: right; font-variant-numeric: tabular-nums; }
td.rank { text-align: right; width: 5vw; }
.award { display: inline-block; padding: .1vh .8vw; border-radius: 2vh; color: #fff; font-weight: 600; }
tr.hidden td { visibility: hidden; }
#state { position: fixed; right: 3vw; top: 2vh; color: #ffc107; font-size: 2.4vh; }
footer { display: none; }
</style>
"#;

const SCRIPT: &str = r#"<script>
document.addEventListener('DOMContentLoaded', () => {
  const rows = document.getElementById('rows'), state = document.getElementById('state');
  const colours = JSON.parse(document.querySelector('meta[name=colours]').content);
  const words = JSON.parse(document.querySelector('meta[name=words]').content);
  function cell(text, cls) { const td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; return td; }
  function show(message) {
    const data = JSON.parse(message), hall = data.hall, entries = data.rows;
    rows.replaceChildren(...entries.map((e, i) => {
      const tr = document.createElement('tr');
      tr.append(cell((e.tied ? '=' : '') + e.rank, 'rank'), cell(e.name || e.entry), cell(e.organisation || ''), cell(e.total, 'total'));
      const award = document.createElement('td');
      (e.awards || []).forEach(a => { const span = document.createElement('span'); span.className = 'award'; span.style.background = colours[a.set + '/' + a.tier] || '#5b7db1'; span.textContent = a.label; award.append(span, ' '); });
      tr.append(award);
      // Ceremony: only the last `revealed` of the list are shown, counting up from the bottom.
      if (hall.ceremony !== null && i < entries.length - hall.ceremony) tr.className = 'hidden';
      return tr;
    }));
    state.textContent = hall.frozen ? words.frozen : (hall.ceremony !== null ? words.ceremony : '');
    document.body.dataset.version = (+(document.body.dataset.version || 0) + 1);
  }
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
        "frozen": label(lang, "榜单已冻结", "board frozen"),
        "ceremony": label(lang, "颁奖进行中", "ceremony"),
    });
    let head = format!(
        "<meta name=\"colours\" content=\"{}\">\n<meta name=\"words\" content=\"{}\">\n{STYLE}{SCRIPT}",
        crate::output::html::escape(&serde_json::Value::Object(colours).to_string()),
        crate::output::html::escape(&words.to_string()),
    );
    let columns = crate::output::html::head_row(&[
        (label(lang, "名次", "Rank"), true),
        (label(lang, "名称", "Name"), false),
        (label(lang, "单位", "Organisation"), false),
        (label(lang, "总分", "Total"), true),
        (label(lang, "奖项", "Award"), false),
    ]);
    let body = format!(
        "<header><h1>{}</h1><p class=\"sub\">{}</p></header><div id=\"state\"></div>\n<table>{columns}<tbody id=\"rows\"></tbody></table>",
        crate::output::html::escape(rules.contest.name.get(lang)),
        label(lang, "实时排行榜", "Live leaderboard"),
    );
    crate::output::html::document(rules.contest.name.get(lang), lang, super::FONT_LINK, &head, &body)
}
