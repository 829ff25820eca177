//! Category breakdown: each of the top entries as a bar stacked from its
//! category scores (the "five comparisons" of a labour contest).

use super::canvas::{axis, fit, widest, Align, Canvas, Drawn};
use super::{f, heading, label, ChartData, ChartOptions, INK, SERIES};
use plotters::prelude::*;

pub fn draw<DB: DrawingBackend>(canvas: &Canvas<DB>, data: &ChartData, options: &ChartOptions) -> Drawn {
    let lang = options.lang;
    let rules = data.rules();
    let rows: Vec<_> = data.ranked().take(options.top).collect();
    let title = super::titled(data, lang, "分类得分", "scores by category");
    let subtitle = format!("{} {}", label(lang, "前", "top"), rows.len()) + label(lang, " 名，按总分排序", ", in order of total");
    let top = heading(canvas, &title, &subtitle)?;
    let legend = canvas.u(70.0);
    let (left, right, bottom) = (canvas.u(48.0), canvas.width - canvas.u(120.0), canvas.height - legend);
    if rows.is_empty() {
        return super::nothing_ranked(canvas, top, lang);
    }
    let row_height = (bottom - top - canvas.u(40.0)) / rows.len() as f64;
    let em = (row_height * 0.5).min(canvas.u(24.0)).max(canvas.u(9.0));
    let names: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{}  {}",
                r.place.expect("ranked").rank,
                if r.name.is_empty() { r.entry } else { &r.name }
            )
        })
        .collect();
    let label_width = widest(&names, em).min((right - left) / 4.0);
    let plot_left = left + label_width + canvas.u(16.0);
    // Positive parts stack right of zero, negative ones (deductions) left of it.
    let extent = |row: &&crate::output::BoardRow| {
        row.categories.iter().filter_map(|v| v.get()).map(f).fold(
            (0.0f64, 0.0f64),
            |(neg, pos), v| {
                if v < 0.0 {
                    (neg + v, pos)
                } else {
                    (neg, pos + v)
                }
            },
        )
    };
    let (low, high) = rows
        .iter()
        .map(extent)
        .fold((0.0f64, 0.0f64), |(l, h), (n, p)| (l.min(n), h.max(p)));
    let high = rules.contest.total_max.as_ref().map_or(high, |m| high.max(f(m.0)));
    let (low, high, marks) = axis(low, high, 6);
    let x = |v: f64| plot_left + (v - low) / (high - low).max(f64::EPSILON) * (right - plot_left);
    let axis_y = top + row_height * rows.len() as f64 + canvas.u(8.0);
    canvas.value_grid(&marks, x, top, axis_y)?;
    for (i, row) in rows.iter().enumerate() {
        let y0 = top + row_height * i as f64;
        let (bar_top, bar_bottom) = (y0 + row_height * 0.15, y0 + row_height * 0.85);
        let baseline = (bar_top + bar_bottom) / 2.0 + em * 0.35;
        canvas.text(&fit(&names[i], label_width, em), left, baseline, em, Align::Left, INK)?;
        let (mut negative, mut positive) = (0.0, 0.0);
        for (c, value) in row.categories.iter().enumerate() {
            let Some(value) = value.get().map(f) else { continue };
            let colour = SERIES[c % SERIES.len()];
            let (from, to) = if value < 0.0 {
                negative += value;
                (negative, negative - value)
            } else {
                positive += value;
                (positive - value, positive)
            };
            canvas.rect(x(from), bar_top, x(to), bar_bottom, colour)?;
        }
        let total = row.total.map(|t| t.to_string()).unwrap_or_default();
        canvas.text(&total, x(positive) + canvas.u(8.0), baseline, em, Align::Left, INK)?;
    }
    // Legend: each category with its colour.
    let (mut lx, baseline, lem) = (left, bottom + canvas.u(44.0), canvas.u(20.0));
    for (c, category) in rules.categories.iter().enumerate() {
        let text = category.label.get(lang);
        canvas.rect(lx, baseline - lem * 0.85, lx + lem, baseline + lem * 0.15, SERIES[c % SERIES.len()])?;
        lx += lem + canvas.u(8.0);
        canvas.text(text, lx, baseline, lem, Align::Left, INK)?;
        lx += super::font::width(text, lem) + canvas.u(28.0);
    }
    Ok(())
}
