//! A judge's page: only their assignments, each criterion's scale, checked
//! as they type, saved only once durable, corrections with a reason.

use super::App;
use crate::contest::KindRule;
use crate::output::html::escape;
use crate::say;
use std::collections::HashMap;
use std::fmt::Write as _;

/// One cell a judge marks.
pub struct Assignment {
    /// The entry as the judge knows it (its code when judging is blind).
    pub shown: String,
    /// The entry's name, unless judging is blind.
    pub name: String,
    /// The entry's number on the judge's page (1, 2, …), to find it by.
    pub number: usize,
    pub criterion: usize,
    pub element: u8,
}

/// Every cell judge `j` marks: entries they may mark × criteria on whose panel they sit.
pub fn assignments(app: &App, j: u16, codes: Option<&crate::blind::Codes>) -> Vec<Assignment> {
    let rules = &*app.rules;
    let entries = &*app.entries;
    let panels = &app.panels;
    let reach = reach(app);
    let criteria: Vec<usize> = (0..rules.criteria.len())
        .filter(|&c| marked_on_a_page(&rules.criteria[c]))
        .collect();
    let mut cells: Vec<Assignment> = Vec::new();
    for (e, entry) in entries.list.iter().enumerate() {
        if !panels.permits(j, e as u32) {
            continue;
        }
        let seated: Vec<usize> = criteria
            .iter()
            .copied()
            .filter(|&c| panels.sits(rules, c, j, e as u32) && reached(reach.as_deref(), e as u32, c))
            .collect();
        if seated.is_empty() {
            continue;
        }
        let (shown, name) = match codes {
            Some(codes) => (codes.code_of(&entry.id).unwrap_or("?").to_string(), String::new()),
            None => (entry.id.to_string(), entry.name.to_string()),
        };
        let number = cells.last().map_or(0, |a| a.number) + 1;
        for &c in &seated {
            let count = rules.criteria[c].slot_count;
            let elements: Vec<u8> = if matches!(rules.criteria[c].kind, KindRule::Elements { .. }) {
                (1..=count).collect()
            } else {
                vec![0]
            };
            for element in elements {
                cells.push(Assignment {
                    shown: shown.clone(),
                    name: name.clone(),
                    number,
                    criterion: c,
                    element,
                });
            }
        }
    }
    cells
}

/// Whether a criterion is marked on judges' pages: only one a panel marks.
/// Marks no panel gives (measurements, flags, counts, exam scores) come
/// from clerks and the desk, never a judge's link.
fn marked_on_a_page(rule: &crate::contest::CriterionRule) -> bool {
    !rule.judges.is_empty() && !matches!(rule.kind, KindRule::Formula(_))
}

/// Whether judge `j`'s page offers criterion `c` of `entry`: the judge sits
/// on that entry's panel for it.
pub fn offers(app: &App, j: u16, entry: u32, c: usize) -> bool {
    offers_in(&app.rules, &app.panels, j, entry, c) && reached(reach(app).as_deref(), entry, c)
}

/// In a contest run in stages: who reached which stage, as the marks stand.
fn reach(app: &App) -> Option<std::sync::Arc<crate::stages::Reach>> {
    app.live.results.borrow().reach.clone()
}

/// Whether the entry reached the stage of criterion `c` (always, without stages).
fn reached(reach: Option<&crate::stages::Reach>, entry: u32, c: usize) -> bool {
    reach.is_none_or(|reach| reach.reached(entry, c))
}

/// The same without a server: which cells a judge's paper sheet offers.
pub fn offers_in(rules: &crate::contest::Rules, panels: &crate::data::Panels, j: u16, entry: u32, c: usize) -> bool {
    marked_on_a_page(&rules.criteria[c]) && panels.sits(rules, c, j, entry)
}

const SCRIPT: &str = r#"<script>
document.addEventListener('DOMContentLoaded', () => {
const form = document.querySelector('meta[name=form]').content;
// Words every cell may say, once for the page (a judge may have thousands of cells).
const words = JSON.parse(document.querySelector('meta[name=words]').content);
const cells = [...document.querySelectorAll('.cell')];
function count() {
  const done = cells.filter(c => c.classList.contains('saved')).length;
  document.getElementById('count').textContent = done;
  document.getElementById('all-done').hidden = done < cells.length;
}
// Finds an entry by code, name or number: "5" finds C05 (not C15), "C0" finds C01…C09.
const search = document.getElementById('search'), none = document.getElementById('no-match');
function digits(text) { const d = text.replace(/\D+/g, ''); return d === '' ? null : +d; }
const entries = [...document.querySelectorAll('section.entry')];
function filter() {
  const q = search.value.trim().toLowerCase(), n = /^\d+$/.test(q) ? +q : null;
  let shown = 0;
  entries.forEach(e => {
    const hit = q === '' || (n !== null && (digits(e.dataset.code) === n || e.dataset.number === q))
      || e.dataset.code.toLowerCase().includes(q) || e.dataset.name.toLowerCase().includes(q);
    e.hidden = !hit; shown += hit;
  });
  none.hidden = shown > 0;
}
search.addEventListener('input', filter);
// The first cell still empty: shown (the search cleared if it hides it), scrolled to, focused.
document.getElementById('next').addEventListener('click', () => {
  const next = cells.find(c => !c.classList.contains('saved'));
  if (!next) { count(); return; }
  if (next.closest('section').hidden) { search.value = ''; filter(); }
  const input = next.querySelector('input.value');
  next.scrollIntoView({block: 'center'});
  input.focus({preventScroll: true});
});
function check(input) {
  const v = input.value.trim(), min = +input.min, max = +input.max, step = +input.step;
  if (v === '') return '';
  const n = Number(v);
  if (!Number.isFinite(n)) return words.number;
  if (n < min || n > max) return input.dataset.msgRange;
  const units = Math.round((n - min) / step * 1e6) / 1e6;
  if (Math.abs(units - Math.round(units)) > 1e-9) return input.dataset.msgStep;
  return '';
}
document.querySelectorAll('.cell').forEach(cell => {
  const input = cell.querySelector('input.value'), reason = cell.querySelector('input.reason');
  const status = cell.querySelector('.status'), button = cell.querySelector('button');
  input.addEventListener('input', () => {
    const problem = check(input);
    input.setCustomValidity(problem);
    status.textContent = problem; status.className = 'status ' + (problem ? 'bad' : '');
    const changing = cell.dataset.saved !== '' && input.value.trim() !== cell.dataset.saved;
    reason.hidden = !changing;
  });
  cell.addEventListener('submit', async event => {
    event.preventDefault();
    const problem = check(input);
    if (problem || input.value.trim() === '') { status.textContent = problem || words.empty; status.className = 'status bad'; return; }
    button.disabled = true; status.textContent = '…'; status.className = 'status';
    const body = new URLSearchParams({entry: cell.dataset.entry, criterion: cell.dataset.criterion, element: cell.dataset.element, value: input.value.trim(), reason: reason.value, form});
    try {
      const response = await fetch(location.pathname + '/mark', {method: 'POST', body, headers: {'Content-Type': 'application/x-www-form-urlencoded'}});
      const answer = await response.json();
      status.textContent = answer.message;
      if (answer.saved) {
        cell.dataset.saved = answer.value; cell.classList.add('saved'); status.className = 'status ok';
        reason.value = ''; reason.hidden = true;
        count();
      } else { status.className = 'status bad'; }
    } catch (e) { status.textContent = words.offline; status.className = 'status bad'; }
    button.disabled = false;
  });
});
});
</script>
"#;

const STYLE: &str = r#"<style>
body { max-width: 760px; margin: 0 auto 1rem; padding: .6rem .6rem 0; box-sizing: border-box; }
footer { display: none; }
.tools { position: sticky; top: 0; z-index: 1; background: var(--bg, #fff); padding: .5rem 0; display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; border-bottom: 1px solid var(--rule); }
.tools input[type=search] { flex: 1 1 10rem; min-width: 0; font-size: 1rem; padding: .4rem; min-height: 44px; box-sizing: border-box; }
.tools button { min-height: 44px; font-size: 1rem; padding: .3rem .9rem; }
.tools .progress { flex-basis: 100%; font-size: .95rem; }
#all-done { color: #198754; }
.cell { display: grid; grid-template-columns: 1fr auto; gap: .3rem .6rem; align-items: center; padding: .6rem .2rem; border-bottom: 1px solid var(--rule); }
.cell .who { font-weight: 600; } .cell .scale { color: var(--muted); font-size: .85rem; }
.cell .row { display: flex; gap: .4rem; grid-column: 1 / -1; }
.cell input.value { width: 6.5rem; font-size: 1.2rem; padding: .3rem; }
.cell input.reason { flex: 1; font-size: 1rem; padding: .3rem; }
.cell input.value, .cell input.reason, .cell button { min-height: 44px; box-sizing: border-box; }
.cell button { font-size: 1.05rem; padding: .3rem .9rem; }
section.entry[hidden] { display: none; }
section.entry h2 { font-size: 1.1rem; margin: 1.2rem 0 0; }
section.entry .number { color: var(--muted); font-weight: 400; margin-right: .3rem; }
button, input, select { font-family: inherit; }
.cell:not(.saved) { border-left: 3px solid #ffc107; padding-left: .5rem; }
.cell.saved .who::after { content: " ✓"; color: #198754; }
.status { grid-column: 1 / -1; font-size: .85rem; min-height: 1em; }
.status.bad { color: #b02a37; } .status.ok { color: #198754; }
input:invalid { border-color: #b02a37; outline-color: #b02a37; }
</style>
"#;

pub fn page(app: &App, j: u16, codes: Option<&crate::blind::Codes>, saved: &HashMap<(String, String, u8), String>, form: &str) -> String {
    let rules = &*app.rules;
    let lang = app.lang;
    let judge = &rules.contest.judges[j as usize];
    let cells = assignments(app, j, codes);
    let done = cells
        .iter()
        .filter(|a| saved.contains_key(&(entry_id(codes, &a.shown), rules.criteria[a.criterion].key.clone(), a.element)))
        .count();
    let mut body = String::new();
    // The count in the words, as a span the page updates as marks are saved.
    let progress = escape(&say!(lang, "judge-progress", done = "\u{1}", total = cells.len()))
        .replace('\u{1}', &format!("<span id=\"count\">{done}</span>"));
    let _ = writeln!(
        body,
        "<header><h1>{}</h1><p class=\"sub\">{} {} {}</p></header>\
<div class=\"tools\"><input id=\"search\" type=\"search\" placeholder=\"{}\" aria-label=\"{}\" autocomplete=\"off\">\
<button id=\"next\" type=\"button\">{}</button><span class=\"progress\">{progress} <span id=\"all-done\"{}>{}</span></span></div>\
<p id=\"no-match\" class=\"note\" hidden>{}</p>",
        escape(rules.contest.name.get(lang)),
        say!(lang, "judge-who"),
        escape(&judge.id),
        escape(&judge.name),
        say!(lang, "judge-search-help"),
        say!(lang, "judge-search"),
        say!(lang, "judge-next"),
        if done < cells.len() { " hidden" } else { "" },
        say!(lang, "judge-all-done"),
        say!(lang, "judge-no-match"),
    );
    if cells.is_empty() {
        let _ = write!(body, "<p>{}</p>", say!(lang, "judge-nothing"));
    }
    // One section per entry (found by the search), its cells inside.
    let mut open: Option<usize> = None;
    for cell in &cells {
        if open != Some(cell.number) {
            if open.is_some() {
                body.push_str("</section>\n");
            }
            open = Some(cell.number);
            let _ = writeln!(
                body,
                "<section class=\"entry\" data-code=\"{}\" data-name=\"{}\" data-number=\"{}\"><h2><span class=\"number\">{}.</span>{} {}</h2>",
                escape(&cell.shown),
                escape(&cell.name),
                cell.number,
                cell.number,
                escape(&cell.shown),
                escape(&cell.name),
            );
        }
        let rule = &rules.criteria[cell.criterion];
        let key = &rule.key;
        let id = entry_id(codes, &cell.shown);
        let current = saved.get(&(id, key.clone(), cell.element)).cloned().unwrap_or_default();
        let (min, max) = (rule.range.min.normalize(), rule.range.max.normalize());
        let step = rule.range.step.map_or("any".to_string(), |s| s.normalize().to_string());
        let what = super::criterion_words(app, cell.criterion, cell.element);
        let mut scale = match rule.range.step {
            Some(_) => say!(lang, "judge-scale", min = min, max = max, step = step),
            None => say!(lang, "judge-scale-free", min = min, max = max),
        };
        // What the marks mean, when the contest says.
        let model = &rules.contest.categories[rule.category].criteria[rule.position];
        for (from, meaning) in &model.descriptors {
            scale.push_str(&format!(" · {from}+ {}", meaning.get(lang)));
        }
        let scale = escape(&scale);
        let _ = writeln!(
            body,
            "<form class=\"cell{}\" data-entry=\"{}\" data-criterion=\"{}\" data-element=\"{}\" data-saved=\"{}\">\
<div><div class=\"who\">{}</div><div class=\"scale\">{scale}</div></div>\
<div class=\"row\"><input class=\"value\" type=\"number\" inputmode=\"decimal\" min=\"{min}\" max=\"{max}\" step=\"{step}\" value=\"{}\" aria-label=\"{}\" \
data-msg-range=\"{}\" data-msg-step=\"{}\">\
<input class=\"reason\" type=\"text\" maxlength=\"200\" placeholder=\"{}\" hidden><button type=\"submit\">{}</button></div>\
<div class=\"status\" role=\"status\"></div></form>",
            if current.is_empty() { "" } else { " saved" },
            escape(&cell.shown),
            escape(key),
            cell.element,
            escape(&current),
            escape(&what),
            escape(&current),
            escape(&format!("{} {what}", cell.shown)),
            escape(&say!(lang, "judge-out-of-range", min = min, max = max)),
            escape(&say!(lang, "judge-off-step", step = step)),
            say!(lang, "judge-reason"),
            say!(lang, "judge-save"),
        );
    }
    if open.is_some() {
        body.push_str("</section>\n");
    }
    let words = serde_json::json!({
        "offline": say!(lang, "judge-offline"),
        "number": say!(lang, "judge-not-a-number"),
        "empty": say!(lang, "judge-empty"),
    });
    let head = format!(
        "<meta name=\"form\" content=\"{form}\">\n<meta name=\"words\" content=\"{}\">\n{STYLE}{SCRIPT}",
        escape(&words.to_string())
    );
    crate::output::html::document(
        &format!("{} · {}", judge.id, rules.contest.name.get(lang)),
        lang,
        super::FONT_LINK,
        &head,
        &body,
    )
}

/// The entry id behind what the judge sees.
pub fn entry_id(codes: Option<&crate::blind::Codes>, shown: &str) -> String {
    match codes {
        Some(codes) => codes.entry_of(shown).unwrap_or(shown).to_string(),
        None => shown.to_string(),
    }
}
