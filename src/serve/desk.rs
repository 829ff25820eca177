//! The organiser's desk: progress per judge, locks and unlocks, publish,
//! the hall screen's freeze switch and ceremony, and the live results with
//! their flags.

use super::App;
use crate::output::html::{escape, head_row};
use crate::output::label;
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
        label(lang, "组织者工作台", "Organiser's desk")
    );
    // Progress per judge.
    let head = head_row(&[
        (label(lang, "评委", "Judge"), false),
        (label(lang, "姓名", "Name"), false),
        (label(lang, "已评", "Saved"), true),
        (label(lang, "应评", "Expected"), true),
    ]);
    let _ = writeln!(body, "<h2>{}</h2><table>{head}<tbody>", label(lang, "评分进度", "Progress"));
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
    let _ = writeln!(body, "<h2>{}</h2>", label(lang, "锁定与发布", "Locks and publication"));
    if let Some(seq) = state.published {
        let _ = writeln!(
            body,
            "<p>{} (#{seq})</p>",
            label(lang, "成绩已发布，不能再更改。", "The results are published and final.")
        );
    }
    body.push_str("<ul>");
    for (scope, seq) in &state.locked {
        let _ = writeln!(
            body,
            "<li>{} (#{seq}) <form class=\"action\" data-action=\"unlock\"><input type=\"hidden\" name=\"scope\" value=\"{}\"><input name=\"reason\" required placeholder=\"{}\"><button>{}</button></form></li>",
            escape(scope),
            escape(scope),
            label(lang, "解锁原因", "reason to unlock"),
            label(lang, "解锁", "Unlock")
        );
    }
    body.push_str("</ul>");
    let mut scopes = vec![("contest".to_string(), label(lang, "整个竞赛", "the whole contest").to_string())];
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
        label(lang, "锁定", "Lock"),
        label(lang, "发布成绩（需先锁定整个竞赛）", "Publish (after locking the whole contest)")
    );
    // The hall screen.
    let _ = writeln!(
        body,
        "<h2>{}</h2><form class=\"action\" data-action=\"freeze\"><input type=\"hidden\" name=\"on\" value=\"{}\"><button>{}</button></form> \
<form class=\"action\" data-action=\"ceremony\"><input type=\"hidden\" name=\"step\" value=\"start\"><input name=\"places\" type=\"number\" min=\"1\" inputmode=\"numeric\" placeholder=\"{}\" aria-label=\"{}\"><button>{}</button></form> \
<form class=\"action\" data-action=\"ceremony\"><input type=\"hidden\" name=\"step\" value=\"next\"><button>{}</button></form> \
<form class=\"action\" data-action=\"ceremony\"><input type=\"hidden\" name=\"step\" value=\"end\"><button>{}</button></form> <span class=\"note\">{}</span>",
        label(lang, "大厅屏幕", "Hall screen"),
        !hall.frozen,
        if hall.frozen { label(lang, "解除冻结", "Unfreeze") } else { label(lang, "冻结榜单", "Freeze") },
        label(lang, "获奖名次数", "award places"),
        label(lang, "颁奖揭晓的名次数（留空：所有获奖名次）", "places to reveal (empty: every award place)"),
        label(lang, "开始颁奖", "Start the ceremony"),
        label(lang, "颁奖：揭晓下一名", "Ceremony: reveal the next"),
        label(lang, "结束颁奖模式", "End the ceremony"),
        escape(&words::hall_now(lang, hall))
    );
    // Live results with flags.
    let head = head_row(&[
        (label(lang, "名次", "Rank"), true),
        (label(lang, "编号", "Entry"), false),
        (label(lang, "名称", "Name"), false),
        (label(lang, "总分", "Total"), true),
        (label(lang, "奖项", "Award"), false),
        (label(lang, "标记", "Flags"), false),
    ]);
    let _ = writeln!(
        body,
        "<h2>{}</h2><table>{head}<tbody id=\"live\"></tbody></table>",
        label(lang, "实时成绩（不受冻结影响）", "Live results (never frozen)")
    );
    let head = format!("<meta name=\"form\" content=\"{form}\">\n{SCRIPT}");
    crate::output::html::document(rules.contest.name.get(lang), lang, super::FONT_LINK, &head, &body)
}

/// What the desk says of the hall screen.
pub mod words {
    use crate::contest::Lang;
    use crate::serve::live::HallState;

    /// The hall's state in a few words.
    pub fn hall_now(lang: Lang, hall: HallState) -> String {
        match (lang, hall.frozen, hall.ceremony) {
            (Lang::Zh, _, Some(c)) => format!("颁奖中：已揭晓 {} / {} 名", c.revealed, c.rows),
            (Lang::En, _, Some(c)) => format!("ceremony: {} of {} places revealed", c.revealed, c.rows),
            (Lang::Zh, true, None) => "大厅榜单已冻结".into(),
            (Lang::En, true, None) => "the hall board is frozen".into(),
            (Lang::Zh, false, None) => "大厅榜单实时更新".into(),
            (Lang::En, false, None) => "the hall board is live".into(),
        }
    }

    /// A number of places that is not one.
    pub fn places_wanted(lang: Lang, typed: &str) -> String {
        match lang {
            Lang::Zh => format!("名次数须为正整数（收到“{typed}”）"),
            Lang::En => format!("the number of places must be a whole number above 0 (not `{typed}`)"),
        }
    }
}
