//! `podium report`: one self-contained HTML file with the contest's summary,
//! the award list, the leaderboards overall and per division, every chart
//! (inline SVG), each entry's category breakdown, and the rules in words in
//! Chinese and English.

mod elements;
pub mod rules;
mod workflow;

use crate::chart::{self, ChartData, ChartKind, ChartOptions, ImageFormat};
use crate::contest::Lang;
use crate::engine::Results;
use crate::output::html::{board_table, escape, page, tier_badge};
use crate::output::{label, number, Leaderboard};
use crate::say;
use crate::stages::Staged;
use std::fmt::Write as _;

/// What the report is built from.
pub struct ReportInputs<'a> {
    pub results: &'a Results,
    /// The raw marks, for the judge consistency chart.
    pub marks: Option<(&'a crate::data::MarkSet, &'a crate::contest::Rules)>,
    pub lang: Lang,
    /// The mark store's last record and hash, to publish with the results.
    pub audit_head: Option<(i64, String)>,
    /// A contest run in stages: every stage scored (`results` is then its
    /// classification).
    pub staged: Option<&'a Staged>,
    /// The results workflow as recorded, when the contest declares one:
    /// the event and every step's record.
    pub workflow: Option<(&'a crate::event::Event, &'a [crate::store::StepRecord])>,
}

pub fn build(inputs: &ReportInputs) -> Result<String, String> {
    let (results, lang) = (inputs.results, inputs.lang);
    let rules = &*results.inputs.rules;
    let board = Leaderboard::new(results, lang, None).map_err(|d| d.to_string())?;
    let mut body = String::new();
    let name = &rules.contest.name;
    let _ = writeln!(
        body,
        "<header><h1>{}</h1><p class=\"sub\">{} · {}</p></header>",
        escape(name.get(lang)),
        escape(name.get(other(lang))),
        label(lang, "成绩报告", "Results report")
    );
    // The contest as written: a classification's own rules only list its stages.
    let written = inputs.marks.map_or(rules, |(_, rules)| rules);
    summary(&mut body, inputs, &board, written);
    award_list(&mut body, &board);
    let _ = writeln!(body, "<h2 id=\"leaderboard\">{}</h2>", label(lang, "总排行榜", "Leaderboard"));
    body.push_str(&board_table(&board));
    if let Some(staged) = inputs.staged {
        stage_boards(&mut body, staged, lang)?;
    }
    division_boards(&mut body, results, lang)?;
    if !results.teams.is_empty() {
        let teams = Leaderboard::of_teams(results, lang).map_err(|d| d.to_string())?;
        let _ = writeln!(body, "<h2 id=\"teams\">{}</h2>", label(lang, "团体排行榜", "Team leaderboard"));
        body.push_str(&board_table(&teams));
    }
    charts(&mut body, inputs, &board)?;
    breakdown(&mut body, &board);
    elements::element_tables(&mut body, &board);
    if let Some((event, records)) = inputs.workflow {
        workflow::record(&mut body, event, records, lang);
    }
    rules_in_words(&mut body, written, lang);
    Ok(page(
        &format!("{} · {}", name.get(lang), label(lang, "成绩报告", "Results report")),
        lang,
        &body,
    ))
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    }
}

/// The counts of the contest as written (`rules`: its judges and criteria,
/// not a classification's).
fn summary(body: &mut String, inputs: &ReportInputs, board: &Leaderboard, rules: &crate::contest::Rules) {
    let lang = inputs.lang;
    let results = inputs.results;
    let ranked = board.rows.iter().filter(|r| r.place.is_some()).count();
    let awarded = board.rows.iter().filter(|r| !r.awards.is_empty()).count();
    let flagged = board.rows.iter().filter(|r| !r.flags.is_empty()).count();
    let marks = inputs.marks.map(|(m, _)| m.marks.len());
    let mut items: Vec<(&str, String)> = vec![
        (label(lang, "参赛", "Entries"), board.rows.len().to_string()),
        (label(lang, "排名", "Ranked"), ranked.to_string()),
        (label(lang, "获奖", "Awarded"), awarded.to_string()),
        (label(lang, "有标记", "Flagged"), flagged.to_string()),
        (label(lang, "评委", "Judges"), rules.contest.judges.len().to_string()),
        (label(lang, "评分项", "Criteria"), rules.criteria.len().to_string()),
    ];
    if let Some(marks) = marks {
        items.push((label(lang, "评分记录", "Marks"), marks.to_string()));
    }
    if !rules.contest.divisions.is_empty() {
        let fields: Vec<String> = rules.contest.divisions.iter().map(|d| rules.contest.field_label(d, lang)).collect();
        items.push((label(lang, "分组", "Divisions"), fields.join(", ")));
    }
    if let Some(teams) = rules.contest.teams.as_ref().filter(|_| !results.teams.is_empty()) {
        items.push((label(lang, "团体", "Teams"), format!("{} ({})", results.teams.len(), teams.field)));
    }
    if let Some((seq, hash)) = &inputs.audit_head {
        items.push((label(lang, "评分存证", "Audit head"), format!("#{seq} {hash}")));
    }
    let _ = writeln!(
        body,
        "<h2 id=\"summary\">{}</h2>\n<dl class=\"summary\">",
        label(lang, "概况", "Summary")
    );
    for (term, value) in items {
        let _ = writeln!(body, "<dt>{term}</dt><dd>{}</dd>", escape(&value));
    }
    body.push_str("</dl>\n");
}

/// Every award, best first, with who won it.
fn award_list(body: &mut String, board: &Leaderboard) {
    let lang = board.lang;
    let rules = board.rules;
    if rules.contest.awards.is_empty() {
        return;
    }
    let _ = writeln!(body, "<h2 id=\"awards\">{}</h2>", label(lang, "获奖名单", "Awards"));
    for set in &rules.contest.awards {
        for tier in &set.tiers {
            let winners: Vec<_> = board
                .rows
                .iter()
                .filter(|r| r.awards.iter().any(|a| a.0 == set.id && a.1 == tier.id))
                .collect();
            if winners.is_empty() {
                continue;
            }
            let badge = tier_badge(board, &set.id, &tier.id, &board.award_label(tier.label.get(lang)));
            let _ = writeln!(
                body,
                "<h3>{badge} <span class=\"note\">{} {}</span></h3>",
                winners.len(),
                label(lang, "名", "won")
            );
            body.push_str("<table class=\"winners\"><tbody>\n");
            for row in winners {
                let _ = writeln!(
                    body,
                    "<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
                    row.place.map_or("-".into(), |p| p.rank.to_string()),
                    escape(row.entry),
                    escape(&row.name),
                    escape(row.organisation),
                    escape(row.division),
                    number(row.total)
                );
            }
            body.push_str("</tbody></table>\n");
        }
    }
}

/// Each stage's standings, as `podium score --stage ID` shows them: who
/// took part, their places there and, before the last stage, who went on.
fn stage_boards(body: &mut String, staged: &Staged, lang: Lang) -> Result<(), String> {
    for (k, stage) in staged.stages.iter().enumerate() {
        let board = Leaderboard::of_stage(staged, k, lang, None).map_err(|d| d.to_string())?;
        let (id, name) = board.stage.unwrap_or_default();
        let _ = writeln!(
            body,
            "<h2 id=\"stage-{}\">{}</h2>",
            escape(id),
            escape(&say!(lang, "report-stage-board", stage = name))
        );
        let entries = stage.entries.len();
        let note = if board.stage_columns.contains(&crate::output::StageColumn::Advanced) {
            let column = crate::output::StageColumn::Advanced.heading(lang);
            let through = stage.qualifiers().len();
            say!(
                lang,
                "report-stage-board-note",
                entries = entries,
                through = through,
                column = column
            )
        } else {
            say!(lang, "report-stage-board-note-last", entries = entries)
        };
        let _ = writeln!(body, "<p class=\"note\">{}</p>", escape(&note));
        body.push_str(&board_table(&board));
    }
    Ok(())
}

fn division_boards(body: &mut String, results: &Results, lang: Lang) -> Result<(), String> {
    let rules = &*results.inputs.rules;
    let entries = &*results.inputs.entries;
    for field in &rules.contest.divisions {
        let mut values: Vec<&str> = entries.list.iter().filter_map(|e| entries.field(e, field)).collect();
        values.sort_unstable();
        values.dedup();
        for value in values {
            let board = Leaderboard::new(results, lang, Some(&format!("{field}={value}"))).map_err(|d| d.to_string())?;
            let _ = writeln!(
                body,
                "<h2>{} · {}</h2>",
                escape(&rules.contest.field_label(field, lang)),
                escape(value)
            );
            body.push_str(&board_table(&board));
        }
    }
    Ok(())
}

/// Every chart kind, inline: the SVGs carry their glyphs, so they need nothing else.
fn charts(body: &mut String, inputs: &ReportInputs, board: &Leaderboard) -> Result<(), String> {
    let lang = inputs.lang;
    let data = ChartData {
        results: inputs.results,
        board,
        marks: inputs.marks,
    };
    let _ = writeln!(body, "<h2 id=\"charts\">{}</h2>", label(lang, "图表", "Charts"));
    for kind in ChartKind::ALL {
        let options = ChartOptions {
            kind,
            width: 1600,
            height: 900,
            lang,
            top: 20,
            entries: Vec::new(),
            group: None,
        };
        let svg = chart::render(&data, &options, ImageFormat::Svg)?;
        let svg = String::from_utf8(svg).map_err(|e| e.to_string())?;
        let _ = writeln!(body, "<figure class=\"chart-{}\">{svg}</figure>", kind.name());
    }
    Ok(())
}

/// Each entry's categories as a stacked bar and in numbers.
fn breakdown(body: &mut String, board: &Leaderboard) {
    let lang = board.lang;
    let rules = board.rules;
    let _ = writeln!(
        body,
        "<h2 id=\"breakdown\">{}</h2>",
        label(lang, "各类别得分", "Scores by category")
    );
    let full: f64 = rules
        .contest
        .total_max
        .as_ref()
        .map(|m| chart::f(m.value()))
        .unwrap_or_else(|| board.rows.iter().filter_map(|r| r.total).map(chart::f).fold(0.0, f64::max))
        .max(f64::EPSILON);
    body.push_str("<table><thead><tr>");
    let _ = write!(
        body,
        "<th class=\"n\">{}</th><th>{}</th><th>{}</th>",
        label(lang, "名次", "Rank"),
        label(lang, "名称", "Name"),
        label(lang, "构成", "Make-up")
    );
    for (c, category) in rules.categories.iter().enumerate() {
        let colour = chart::SERIES[c % chart::SERIES.len()];
        let _ = write!(
            body,
            "<th class=\"n\"><span style=\"color:#{:02x}{:02x}{:02x}\">■</span> {}</th>",
            colour.0,
            colour.1,
            colour.2,
            escape(category.label.get(lang))
        );
    }
    let _ = writeln!(body, "<th class=\"n\">{}</th></tr></thead><tbody>", label(lang, "总分", "Total"));
    for row in &board.rows {
        let _ = write!(
            body,
            "<tr><td class=\"n\">{}</td><td>{}</td><td><div class=\"bar\">",
            row.place.map_or("-".into(), |p| p.rank.to_string()),
            escape(if row.name.is_empty() { row.entry } else { &row.name })
        );
        for (c, value) in row.categories.iter().enumerate() {
            let share = value.get().map_or(0.0, |v| (chart::f(v) / full * 100.0).max(0.0));
            let colour = chart::SERIES[c % chart::SERIES.len()];
            let _ = write!(
                body,
                "<span style=\"width:{share:.2}%;background:#{:02x}{:02x}{:02x}\"></span>",
                colour.0, colour.1, colour.2
            );
        }
        body.push_str("</div></td>");
        for value in row.categories {
            let _ = write!(body, "<td class=\"n\">{}</td>", number(value.get()));
        }
        let _ = writeln!(body, "<td class=\"n\"><strong>{}</strong></td></tr>", number(row.total));
    }
    body.push_str("</tbody></table>\n");
}

fn rules_in_words(body: &mut String, rules: &crate::contest::Rules, lang: Lang) {
    let _ = writeln!(
        body,
        "<h2 id=\"rules\">{}</h2>",
        label(lang, "竞赛规则 · Rules", "Rules · 竞赛规则")
    );
    let _ = writeln!(
        body,
        "<p class=\"note\">{}</p>",
        label(
            lang,
            "以下文字由计算成绩所用的同一份竞赛定义（contest.ron）生成。",
            "Written from the same contest definition (contest.ron) that computed the results."
        )
    );
    body.push_str("<div class=\"rules\">\n");
    for language in [Lang::Zh, Lang::En] {
        let lang_attr = if language == Lang::Zh { "zh-CN" } else { "en" };
        let _ = writeln!(body, "<section lang=\"{lang_attr}\">");
        for section in rules::describe(rules) {
            let _ = writeln!(body, "<h3>{}</h3><ul>", escape(section.title.get(language)));
            for line in &section.lines {
                let _ = writeln!(body, "<li>{}</li>", escape(line.get(language)));
            }
            body.push_str("</ul>\n");
        }
        body.push_str("</section>\n");
    }
    body.push_str("</div>\n");
}
