//! Profile radar: one entry, or a few side by side, over the categories,
//! each axis running from nothing to the category's full marks.

use super::canvas::{fit, Align, Canvas, Drawn};
use super::{f, heading, label, ChartData, ChartOptions, INK, MUTED, RULE, SERIES};
use crate::contest::{CategoryScore, KindRule};
use crate::output::BoardRow;
use plotters::prelude::*;

/// The entries to draw: those asked for, else the top three.
pub fn chosen<'a>(data: &'a ChartData, options: &ChartOptions) -> Result<Vec<&'a BoardRow<'a>>, String> {
    if options.entries.is_empty() {
        return Ok(data.ranked().take(3).collect());
    }
    options
        .entries
        .iter()
        .map(|id| {
            data.board.rows.iter().find(|r| r.entry == id).ok_or_else(|| {
                let ids = data.board.rows.iter().map(|r| r.entry);
                format!(
                    "--entry: no entry `{id}` on this leaderboard\nhelp: {}",
                    crate::error::suggest(id, ids)
                )
            })
        })
        .collect()
}

/// One spoke of the radar: what it is, where its value comes from, and its full marks.
struct Axis {
    label: String,
    /// Index into the row's categories, or its criteria.
    index: usize,
    criterion: bool,
    full: f64,
}

impl Axis {
    /// The row's value on this axis as a share of full marks, 0 to 1.
    fn share(&self, row: &BoardRow) -> f64 {
        let values = if self.criterion { row.criteria } else { row.categories };
        match values.get(self.index).and_then(|v| v.get()) {
            Some(v) if self.full > 0.0 => (f(v) / self.full).clamp(0.0, 1.0),
            _ => 0.0,
        }
    }
}

/// The spokes: the categories, or when there are fewer than three (no
/// shape to see) the criteria that score out of a maximum (not deductions,
/// bonuses, gates or flags, whose "full marks" mean nothing here).
fn axes(data: &ChartData, options: &ChartOptions) -> Vec<Axis> {
    let categories = category_axes(data, options);
    if categories.len() >= 3 {
        return categories;
    }
    let criteria = criterion_axes(data, options);
    if criteria.len() >= 3 {
        criteria
    } else {
        categories
    }
}

fn category_axes(data: &ChartData, options: &ChartOptions) -> Vec<Axis> {
    let lang = options.lang;
    data.rules()
        .categories
        .iter()
        .enumerate()
        .map(|(c, category)| Axis {
            label: category.label.get(lang).to_string(),
            index: c,
            criterion: false,
            // A share's full marks are its weight; a plain sum's, the best any entry reached.
            full: match category.score {
                CategoryScore::Share => f(category.weight),
                CategoryScore::Sum => data
                    .board
                    .rows
                    .iter()
                    .filter_map(|r| r.categories.get(c).and_then(|v| v.get()))
                    .map(|v| f(v).abs())
                    .fold(0.0, f64::max),
            },
        })
        .collect()
}

fn criterion_axes(data: &ChartData, options: &ChartOptions) -> Vec<Axis> {
    let (rules, lang) = (data.rules(), options.lang);
    rules
        .criteria
        .iter()
        .enumerate()
        .filter(|(_, criterion)| {
            !matches!(
                criterion.kind,
                KindRule::Deduction { .. } | KindRule::Bonus { .. } | KindRule::PassFail { .. } | KindRule::Flag
            )
        })
        .filter_map(|(c, criterion)| {
            Some(Axis {
                label: rules.criterion_label(c, lang).to_string(),
                index: c,
                criterion: true,
                full: f(criterion.max?),
            })
        })
        .collect()
}

pub fn draw<DB: DrawingBackend>(canvas: &Canvas<DB>, data: &ChartData, options: &ChartOptions) -> Drawn {
    let lang = options.lang;
    let rows = chosen(data, options)?;
    let title = super::titled(data, lang, "能力画像", "profile");
    let axes = axes(data, options);
    let subtitle = if axes.first().is_some_and(|a| a.criterion) {
        label(
            lang,
            "各评分项得分占满分的比例",
            "each criterion's points as a share of its full marks",
        )
    } else {
        label(
            lang,
            "各类别得分占满分的比例（累加类别以最高分为满分）",
            "each category's score as a share of its full marks (of the best score, for summed categories)",
        )
    };
    let top = heading(canvas, &title, subtitle)?;
    if axes.len() < 3 {
        // Fewer than three spokes make no shape: side-by-side bars say the same.
        return draw_bars(canvas, &axes, &rows, top, lang);
    }
    let n = axes.len();
    let legend_width = canvas.u(460.0);
    let (cx, cy) = ((canvas.width - legend_width) / 2.0, (top + canvas.height) / 2.0);
    let radius = ((canvas.width - legend_width) / 2.0 - canvas.u(200.0)).min((canvas.height - top) / 2.0 - canvas.u(70.0));
    let angle = |i: usize| std::f64::consts::PI * 2.0 * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
    let at = |i: usize, r: f64| (cx + r * angle(i).cos(), cy + r * angle(i).sin());
    // Rings at 25 % steps, spokes, and the category names outside.
    for ring in 1..=4 {
        let r = radius * ring as f64 / 4.0;
        let mut points: Vec<(f64, f64)> = (0..n).map(|i| at(i, r)).collect();
        points.push(at(0, r));
        canvas.line(&points, RULE, canvas.u(1.5))?;
        canvas.text(
            &format!("{}%", ring * 25),
            cx + canvas.u(6.0),
            cy - r + canvas.u(18.0),
            canvas.u(16.0),
            Align::Left,
            MUTED,
        )?;
    }
    let em = canvas.u(22.0);
    for (i, axis) in axes.iter().enumerate() {
        canvas.line(&[(cx, cy), at(i, radius)], RULE, canvas.u(1.5))?;
        let (x, y) = at(i, radius + canvas.u(28.0));
        let align = if (x - cx).abs() < canvas.u(4.0) {
            Align::Centre
        } else if x > cx {
            Align::Left
        } else {
            Align::Right
        };
        let text = fit(&axis.label, canvas.u(190.0), em);
        canvas.text(&text, x, y + em * 0.35, em, align, INK)?;
    }
    let (mut ly, lx) = (top + canvas.u(40.0), canvas.width - legend_width + canvas.u(20.0));
    for (k, row) in rows.iter().enumerate() {
        let colour = SERIES[k % SERIES.len()];
        let mut points: Vec<(f64, f64)> = axes.iter().enumerate().map(|(i, axis)| at(i, radius * axis.share(row))).collect();
        canvas.polygon(&points, colour.mix(0.18))?;
        points.push(points[0]);
        canvas.line(&points, colour, canvas.u(3.0))?;
        for &(x, y) in &points[..axes.len()] {
            canvas.dot(x, y, canvas.u(5.0), colour.to_rgba())?;
        }
        // Legend: who, and their exact total.
        let who = if row.name.is_empty() {
            row.entry.to_string()
        } else {
            format!("{} ({})", row.name, row.entry)
        };
        canvas.rect(lx, ly - em * 0.85, lx + em, ly + em * 0.15, colour)?;
        canvas.text(
            &fit(&who, legend_width - canvas.u(80.0), em),
            lx + em + canvas.u(10.0),
            ly,
            em,
            Align::Left,
            INK,
        )?;
        let total = format!(
            "{} {}",
            label(lang, "总分", "total"),
            row.total.map(|t| t.to_string()).unwrap_or("-".into())
        );
        canvas.text(&total, lx + em + canvas.u(10.0), ly + em * 1.4, canvas.u(18.0), Align::Left, MUTED)?;
        ly += em * 3.2;
    }
    Ok(())
}

/// The profile as bars: for each axis, one bar per entry, 0–100 %.
fn draw_bars<DB: DrawingBackend>(canvas: &Canvas<DB>, axes: &[Axis], rows: &[&BoardRow], top: f64, lang: crate::contest::Lang) -> Drawn {
    let (left, right, bottom) = (canvas.u(48.0), canvas.width - canvas.u(140.0), canvas.height - canvas.u(110.0));
    let em = canvas.u(22.0);
    let label_width = axes
        .iter()
        .map(|a| super::font::width(&a.label, em))
        .fold(0.0, f64::max)
        .min(canvas.u(400.0));
    let plot_left = left + label_width + canvas.u(24.0);
    let group = (bottom - top) / axes.len().max(1) as f64;
    let bar = (group * 0.8 / rows.len().max(1) as f64).min(canvas.u(60.0));
    let x = |share: f64| plot_left + share * (right - plot_left);
    for quarter in 0..=4 {
        let at = x(quarter as f64 / 4.0);
        canvas.line(&[(at, top), (at, bottom)], RULE, canvas.u(1.0))?;
        canvas.text(
            &format!("{}%", quarter * 25),
            at,
            bottom + canvas.u(28.0),
            canvas.u(18.0),
            Align::Centre,
            MUTED,
        )?;
    }
    for (i, axis) in axes.iter().enumerate() {
        let y0 = top + group * i as f64 + group * 0.1;
        let middle = y0 + bar * rows.len() as f64 / 2.0;
        canvas.text(&fit(&axis.label, label_width, em), left, middle + em * 0.35, em, Align::Left, INK)?;
        for (k, row) in rows.iter().enumerate() {
            let y = y0 + bar * k as f64;
            canvas.rect(x(0.0), y + bar * 0.1, x(axis.share(row)), y + bar * 0.9, SERIES[k % SERIES.len()])?;
        }
    }
    let (mut lx, baseline) = (left, canvas.height - canvas.u(36.0));
    for (k, row) in rows.iter().enumerate() {
        let who = if row.name.is_empty() {
            row.entry.to_string()
        } else {
            format!("{} ({})", row.name, row.entry)
        };
        let total = row.total.map(|t| t.to_string()).unwrap_or("-".into());
        let text = format!("{who} {} {total}", label(lang, "总分", "total"));
        canvas.rect(lx, baseline - em * 0.85, lx + em, baseline + em * 0.15, SERIES[k % SERIES.len()])?;
        lx += em + canvas.u(8.0);
        canvas.text(&text, lx, baseline, em, Align::Left, INK)?;
        lx += super::font::width(&text, em) + canvas.u(32.0);
    }
    Ok(())
}
