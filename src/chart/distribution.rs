//! Score distribution: a histogram of totals with a line where each award
//! begins (the last total that won it).

use super::canvas::{tick_label, ticks, Align, Canvas, Drawn};
use super::{award_colour, f, heading, label, ChartData, ChartOptions, INK, MUTED, NO_AWARD, RULE};
use crate::contest::Order;
use plotters::prelude::*;
use rust_decimal::Decimal;

/// Where each award begins: (tier label, its colour, the least good total
/// that won it). Where awards are decided per division, each division has
/// its own line ("一等奖 · welder"): one line for all would mislead.
pub fn thresholds(data: &ChartData) -> Vec<(String, RGBColor, Decimal)> {
    let rules = data.rules();
    let lower_better = rules.contest.ranking.order == Order::LowerIsBetter;
    // On a board of one division, or of teams, one line per award.
    let mixed = data.board.award_division().is_some();
    let mut lines: Vec<(String, RGBColor, Decimal)> = Vec::new();
    for row in data.ranked() {
        let total = row.total.expect("ranked");
        for (set, tier, tier_label) in &row.awards {
            let colour = award_colour(rules, set, tier);
            let per_division = rules.contest.awards.iter().find(|s| s.id == *set).and_then(|s| match &s.scope {
                crate::contest::Scope::PerDivision(field) if mixed => Some(field),
                _ => None,
            });
            let within = per_division
                .and_then(|field| row.divisions.iter().find(|d| d.0 == *field))
                .map(|d| d.1);
            let tier_label = data.board.award_label(tier_label);
            let line = match within {
                Some(value) => format!("{tier_label} · {value}"),
                None => tier_label,
            };
            match lines.iter_mut().find(|(l, _, _)| *l == line) {
                Some((_, _, edge)) => *edge = if lower_better { (*edge).max(total) } else { (*edge).min(total) },
                None => lines.push((line, colour, total)),
            }
        }
    }
    lines
}

pub fn draw<DB: DrawingBackend>(canvas: &Canvas<DB>, data: &ChartData, options: &ChartOptions) -> Drawn {
    let lang = options.lang;
    let totals: Vec<f64> = data.ranked().map(|r| f(r.total.expect("ranked"))).collect();
    let title = super::titled(data, lang, "总分分布", "distribution of totals");
    let subtitle = format!(
        "{} {}{}",
        totals.len(),
        label(
            lang,
            "名参赛者；虚线为各奖项的最低获奖分",
            "entries; dashed lines mark where each award begins"
        ),
        data.board.provisional_note().map_or(String::new(), |note| format!(" · {note}"))
    );
    let top = heading(canvas, &title, &subtitle)?;
    let (left, right, bottom) = (canvas.u(110.0), canvas.width - canvas.u(60.0), canvas.height - canvas.u(90.0));
    if totals.is_empty() {
        return super::nothing_ranked(canvas, top, lang);
    }
    let (low, high) = totals.iter().fold((f64::MAX, f64::MIN), |(l, h), &v| (l.min(v), h.max(v)));
    // About √n bins, between 5 and 40, on round edges.
    let bins = ((totals.len() as f64).sqrt().round() as usize).clamp(5, 40);
    let edges = ticks(low, high.max(low + 1.0), bins);
    let step = if edges.len() > 1 { edges[1] - edges[0] } else { 1.0 };
    let start = (low / step).floor() * step;
    let count = (((high - start) / step).floor() as usize + 1).max(1);
    let mut counts = vec![0usize; count];
    for &t in &totals {
        counts[(((t - start) / step).floor() as usize).min(count - 1)] += 1;
    }
    let end = start + step * count as f64;
    let most = *counts.iter().max().unwrap_or(&1) as f64;
    let x = |v: f64| left + (v - start) / (end - start) * (right - left);
    let at_least = if data.rules().contest.ranking.order == Order::LowerIsBetter {
        "≤"
    } else {
        "≥"
    };
    // A band above the bars holds the award labels.
    let lines = thresholds(data);
    // Lines per division may be twice as many: labels go up to six rows deep.
    let rows = lines.len().clamp(1, 6);
    let band = canvas.u(30.0) * lines.len().min(rows) as f64;
    let y = |n: f64| bottom - n / most * (bottom - top - band - canvas.u(20.0));
    for t in ticks(0.0, most, 5) {
        canvas.line(&[(left, y(t)), (right, y(t))], RULE, canvas.u(1.0))?;
        canvas.text(
            &tick_label(t),
            left - canvas.u(12.0),
            y(t) + canvas.u(6.0),
            canvas.u(18.0),
            Align::Right,
            MUTED,
        )?;
    }
    for (i, &n) in counts.iter().enumerate() {
        let (x0, x1) = (x(start + step * i as f64), x(start + step * (i + 1) as f64));
        canvas.rect(x0 + 1.0, y(n as f64), x1 - 1.0, bottom, NO_AWARD)?;
    }
    for t in ticks(start, end, 10) {
        canvas.text(&tick_label(t), x(t), bottom + canvas.u(28.0), canvas.u(18.0), Align::Centre, MUTED)?;
    }
    canvas.text(
        label(lang, "总分", "total"),
        (left + right) / 2.0,
        bottom + canvas.u(64.0),
        canvas.u(20.0),
        Align::Centre,
        INK,
    )?;
    canvas.text_upwards(
        label(lang, "人数", "entries"),
        canvas.u(40.0),
        (top + bottom) / 2.0,
        canvas.u(20.0),
        INK,
    )?;
    // Award lines, then their labels on white so a neighbour's line never runs through them.
    let placed: Vec<(f64, f64)> = lines
        .iter()
        .enumerate()
        .map(|(k, (_, _, edge))| (x(f(*edge)), top + canvas.u(22.0) + canvas.u(30.0) * (k % rows) as f64))
        .collect();
    for ((_, colour, _), &(at, label_y)) in lines.iter().zip(&placed) {
        canvas.dashed((at, label_y + canvas.u(6.0)), (at, bottom), *colour, canvas.u(3.0))?;
    }
    let em = canvas.u(20.0);
    for ((tier, colour, edge), &(at, label_y)) in lines.iter().zip(&placed) {
        let text = format!("{tier} {at_least} {edge}");
        let width = super::font::width(&text, em);
        let (from, align) = if at > (left + right) / 2.0 {
            (at - canvas.u(8.0) - width, Align::Right)
        } else {
            (at + canvas.u(8.0), Align::Left)
        };
        canvas.rect(
            from - canvas.u(4.0),
            label_y - em,
            from + width + canvas.u(4.0),
            label_y + em * 0.3,
            WHITE,
        )?;
        let anchor = if align == Align::Right { from + width } else { from };
        canvas.text(&text, anchor, label_y, em, align, *colour)?;
    }
    Ok(())
}
