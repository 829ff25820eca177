//! Division comparison: the totals of each division (or organisation) as a
//! box over its points, best median first.

use super::canvas::{axis, fit, widest, Align, Canvas, Drawn};
use super::{f, heading, label, ChartData, ChartOptions, INK, MUTED, SERIES};
use plotters::prelude::*;

/// Each group's name and its totals, sorted.
pub type Groups = Vec<(String, Vec<f64>)>;

/// The field compared by, and its groups, best median first.
pub fn groups(data: &ChartData, options: &ChartOptions) -> Result<(String, Groups), String> {
    let divisions = &data.rules().contest.divisions;
    let field = match &options.group {
        Some(g) => g.clone(),
        None => divisions.first().cloned().unwrap_or_else(|| "organisation".into()),
    };
    let valid: Vec<&str> = divisions.iter().map(String::as_str).chain(["organisation"]).collect();
    if !valid.contains(&field.as_str()) {
        return Err(format!(
            "--by: `{field}` is not a division of this contest\nhelp: compare by {}",
            valid.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ")
        ));
    }
    let mut groups: Groups = Vec::new();
    for row in data.ranked() {
        let value = if field == "organisation" {
            row.organisation
        } else {
            row.divisions.iter().find(|d| d.0 == field).map_or("", |d| d.1)
        };
        let total = f(row.total.expect("ranked"));
        match groups.iter_mut().find(|(g, _)| g == value) {
            Some((_, totals)) => totals.push(total),
            None => groups.push((value.to_string(), vec![total])),
        }
    }
    for (_, totals) in &mut groups {
        totals.sort_by(f64::total_cmp);
    }
    let lower_better = data.rules().contest.ranking.order == crate::contest::Order::LowerIsBetter;
    groups.sort_by(|a, b| {
        let order = quantile(&b.1, 0.5).total_cmp(&quantile(&a.1, 0.5));
        if lower_better { order.reverse() } else { order }.then_with(|| a.0.cmp(&b.0))
    });
    Ok((field, groups))
}

/// The q-quantile of sorted values (linear between neighbours).
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let at = q * (sorted.len() - 1) as f64;
    let (i, frac) = (at.floor() as usize, at.fract());
    sorted[i] + (sorted[(i + 1).min(sorted.len() - 1)] - sorted[i]) * frac
}

pub fn draw<DB: DrawingBackend>(canvas: &Canvas<DB>, data: &ChartData, options: &ChartOptions) -> Drawn {
    let lang = options.lang;
    let (field, mut groups) = groups(data, options)?;
    let hidden = groups.len().saturating_sub(options.top);
    groups.truncate(options.top);
    let title = super::titled(data, lang, "分组比较", "totals by group");
    let field = data.rules().contest.field_label(&field, lang);
    let mut subtitle = format!(
        "{}{field}{}",
        label(lang, "按 ", "by "),
        label(
            lang,
            " 分组：箱体为中间一半，竖线为中位数，点为每个参赛者",
            ": boxes hold the middle half, the bar is the median, dots are entries"
        )
    );
    if hidden > 0 {
        subtitle += &format!(
            "{}{hidden}{}",
            label(lang, "（另有 ", " ("),
            label(lang, " 组未显示）", " more groups not shown)")
        );
    }
    let top = heading(canvas, &title, &subtitle)?;
    let (left, right, bottom) = (canvas.u(48.0), canvas.width - canvas.u(60.0), canvas.height - canvas.u(70.0));
    if groups.is_empty() {
        return super::nothing_ranked(canvas, top, lang);
    }
    let row_height = (bottom - top) / groups.len() as f64;
    let em = (row_height * 0.3).min(canvas.u(24.0)).max(canvas.u(9.0));
    let names: Vec<String> = groups
        .iter()
        .map(|(g, t)| format!("{} (n={})", if g.is_empty() { "-" } else { g }, t.len()))
        .collect();
    let label_width = widest(&names, em).min((right - left) / 3.0);
    let plot_left = left + label_width + canvas.u(24.0);
    let all = groups.iter().flat_map(|(_, t)| t.iter().copied());
    let (low, high) = all.fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(v), h.max(v)));
    let (low, high, marks) = axis(low, high, 8);
    let x = |v: f64| plot_left + (v - low) / (high - low) * (right - plot_left);
    let axis_y = top + row_height * groups.len() as f64;
    canvas.value_grid(&marks, x, top, axis_y)?;
    for (i, (_, totals)) in groups.iter().enumerate() {
        let mid = top + row_height * (i as f64 + 0.5);
        let colour = SERIES[i % SERIES.len()];
        canvas.text(&fit(&names[i], label_width, em), left, mid + em * 0.35, em, Align::Left, INK)?;
        let (q1, median, q3) = (quantile(totals, 0.25), quantile(totals, 0.5), quantile(totals, 0.75));
        let half = (row_height * 0.3).min(canvas.u(40.0));
        canvas.line(&[(x(totals[0]), mid), (x(totals[totals.len() - 1]), mid)], MUTED, canvas.u(2.0))?;
        canvas.polygon(
            &[(x(q1), mid - half), (x(q3), mid - half), (x(q3), mid + half), (x(q1), mid + half)],
            colour.mix(0.25),
        )?;
        canvas.frame(x(q1), mid - half, x(q3), mid + half, colour, canvas.u(2.0))?;
        canvas.line(&[(x(median), mid - half), (x(median), mid + half)], colour, canvas.u(4.0))?;
        // Dots spread up and down by a fixed pattern, so a redraw is identical.
        let radius = canvas.u(3.5).min(half / 4.0).max(1.0);
        for (k, &total) in totals.iter().enumerate().take(2000) {
            let offset = (((k * 7919) % 97) as f64 / 96.0 - 0.5) * half * 1.6;
            canvas.dot(x(total), mid + offset, radius, INK.mix(0.45))?;
        }
    }
    Ok(())
}
