//! The leaderboard: the top entries as horizontal bars in their award's
//! colour, ties marked, each bar labelled with its exact total.

use super::canvas::{axis, fit, widest, Align, Canvas, Drawn};
use super::{award_colour, f, heading, label, ChartData, ChartOptions, INK, MUTED, NO_AWARD};
use crate::contest::Order;
use plotters::prelude::*;

pub fn draw<DB: DrawingBackend>(canvas: &Canvas<DB>, data: &ChartData, options: &ChartOptions) -> Drawn {
    let lang = options.lang;
    let rules = data.rules();
    let rows: Vec<_> = data.ranked().take(options.top).collect();
    let scope = match &data.board.filter {
        Some((_, value)) => format!("{value} · "),
        None => String::new(),
    };
    let mut subtitle = format!("{scope}{} {}", label(lang, "前", "top"), rows.len()) + label(lang, " 名", "");
    if let Some(note) = data.board.provisional_note() {
        subtitle = format!("{subtitle} · {note}");
    }
    // Awards decided per division, on a board that mixes them: each bar names its division.
    let division = data.board.award_division();
    let top = heading(canvas, &super::titled(data, lang, "排行榜", "leaderboard"), &subtitle)?;
    if rows.is_empty() {
        return super::nothing_ranked(canvas, top, lang);
    }
    let legend = canvas.u(70.0);
    let (left, right, bottom) = (canvas.u(48.0), canvas.width - canvas.u(140.0), canvas.height - legend);
    let row_height = (bottom - top - canvas.u(40.0)) / rows.len() as f64;
    let em = (row_height * 0.5).min(canvas.u(26.0)).max(canvas.u(12.0));
    // Hundreds of rows: label every few, so labels never overlap.
    let every = (em * 1.3 / row_height).ceil().max(1.0) as usize;
    // Labels take what they need, up to a third of the width.
    let labels: Vec<String> = rows
        .iter()
        .map(|r| {
            let place = r.place.expect("ranked");
            let tie = if place.tied { "=" } else { "" };
            let who = if r.organisation.is_empty() {
                r.name.to_string()
            } else {
                match lang {
                    crate::contest::Lang::Zh => format!("{}（{}）", r.name, r.organisation),
                    crate::contest::Lang::En => format!("{} ({})", r.name, r.organisation),
                }
            };
            let who = if who.is_empty() { r.entry.to_string() } else { who };
            // A vetoed entry's missing award is explained, not left to puzzle over.
            let veto = if r.flags.iter().any(|f| f.starts_with("veto:")) {
                label(lang, "（否决）", " (veto)")
            } else {
                ""
            };
            let division = division
                .and_then(|field| r.divisions.iter().find(|d| d.0 == field))
                .map_or(String::new(), |d| format!(" · {}", d.1));
            format!("{tie}{}  {who}{division}{veto}", place.rank)
        })
        .collect();
    let label_width = widest(&labels, em).min((right - left) / 3.0);
    let plot_left = left + label_width + canvas.u(16.0);
    let totals: Vec<f64> = rows.iter().map(|r| f(r.total.expect("ranked"))).collect();
    let high = rules
        .contest
        .total_max
        .as_ref()
        .map(|m| f(m.0))
        .unwrap_or(0.0)
        .max(totals.iter().copied().fold(0.0, f64::max));
    let low = totals.iter().copied().fold(0.0, f64::min);
    let (low, high, marks) = axis(low, high, 6);
    let x = |v: f64| plot_left + (v - low) / (high - low).max(f64::EPSILON) * (right - plot_left);
    // Grid and axis values.
    let axis_y = top + row_height * rows.len() as f64 + canvas.u(8.0);
    canvas.value_grid(&marks, x, top, axis_y)?;
    let mut shown_awards: Vec<(String, String, RGBColor)> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let y0 = top + row_height * i as f64;
        // Dense rows touch (a half pixel of overlap so rounding leaves no white seams).
        let (bar_top, bar_bottom) = if every > 1 {
            (y0, y0 + row_height + 0.5)
        } else {
            (y0 + row_height * 0.15, y0 + row_height * 0.85)
        };
        let colour = match row.awards.first() {
            Some((set, tier, tier_label)) => {
                let colour = award_colour(rules, set, tier);
                let tier_label = data.board.award_label(tier_label);
                if !shown_awards.iter().any(|(l, _, _)| *l == tier_label) {
                    shown_awards.push((tier_label, tier.to_string(), colour));
                }
                colour
            }
            None => NO_AWARD,
        };
        canvas.rect(x(low), bar_top, x(totals[i]), bar_bottom, colour)?;
        if i % every == 0 {
            let baseline = (bar_top + bar_bottom) / 2.0 + em * 0.35;
            canvas.text(&fit(&labels[i], label_width, em), left, baseline, em, Align::Left, INK)?;
            let value = row.total.expect("ranked").to_string();
            canvas.text(&value, x(totals[i]) + canvas.u(8.0), baseline, em, Align::Left, INK)?;
        }
    }
    draw_legend(canvas, data, options, &shown_awards, bottom + canvas.u(44.0))?;
    if rules.contest.ranking.order == Order::LowerIsBetter {
        let note = label(lang, "总分越低越好", "lower totals are better");
        canvas.text(
            note,
            canvas.width - canvas.u(48.0),
            canvas.u(104.0),
            canvas.u(20.0),
            Align::Right,
            MUTED,
        )?;
    }
    Ok(())
}

/// Award colours shown, then the tie mark explained.
fn draw_legend<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    data: &ChartData,
    options: &ChartOptions,
    awards: &[(String, String, RGBColor)],
    baseline: f64,
) -> Drawn {
    let lang = options.lang;
    let em = canvas.u(20.0);
    let mut x = canvas.u(48.0);
    let swatch = em;
    let no_award = label(lang, "未获奖", "no award");
    let any_without = data.ranked().take(options.top).any(|r| r.awards.is_empty());
    let mut items: Vec<(&str, RGBColor)> = awards.iter().map(|(l, _, c)| (l.as_str(), *c)).collect();
    if any_without {
        items.push((no_award, NO_AWARD));
    }
    for (text, colour) in items {
        canvas.rect(x, baseline - swatch * 0.85, x + swatch, baseline + swatch * 0.15, colour)?;
        x += swatch + canvas.u(8.0);
        canvas.text(text, x, baseline, em, Align::Left, INK)?;
        x += super::font::width(text, em) + canvas.u(28.0);
    }
    let tie = label(lang, "名次前 “=” 表示并列", "\"=\" before a place marks a tie");
    canvas.text(tie, canvas.width - canvas.u(48.0), baseline, em, Align::Right, MUTED)
}
