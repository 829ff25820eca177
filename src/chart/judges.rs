//! Judge consistency: for each judge and criterion, how far the judge's
//! marks sit above (red) or below (blue) the mean of the panel marking the
//! same cell, on average.

use super::canvas::{fit, widest, Align, Canvas, Drawn};
use super::{heading, label, ChartData, ChartOptions, INK, MUTED, RULE};
use plotters::prelude::*;

/// Mean deviation from the panel per (judge, criterion), and how many marks
/// it averages: `[judge][criterion] = (sum, count)`.
pub fn deviations(data: &ChartData) -> Vec<Vec<(f64, u32)>> {
    let rules = data.marks_rules();
    let mut table = vec![vec![(0.0, 0u32); rules.criteria.len()]; rules.contest.judges.len()];
    let Some((marks, _)) = data.marks else { return table };
    for entry in 0..marks.ranges.len() {
        let marks = marks.of_entry(entry);
        // Marks come grouped by slot: one cell's panel at a time.
        for cell in marks.chunk_by(|a, b| a.slot == b.slot) {
            if cell.len() < 2 {
                continue;
            }
            let criterion = rules.slots[cell[0].slot as usize].criterion as usize;
            let scale = 10f64.powi(rules.criteria[criterion].range.scale as i32);
            let mean = cell.iter().map(|m| f64::from(m.units)).sum::<f64>() / cell.len() as f64;
            for mark in cell {
                if let Some(row) = table.get_mut(mark.judge as usize) {
                    let (sum, count) = &mut row[criterion];
                    *sum += (f64::from(mark.units) - mean) / scale;
                    *count += 1;
                }
            }
        }
    }
    table
}

pub fn draw<DB: DrawingBackend>(canvas: &Canvas<DB>, data: &ChartData, options: &ChartOptions) -> Drawn {
    let lang = options.lang;
    let rules = data.marks_rules();
    let table = deviations(data);
    let criteria: Vec<usize> = (0..rules.criteria.len())
        .filter(|&c| table.iter().any(|row| row[c].1 > 0))
        .collect();
    let judges: Vec<usize> = (0..table.len())
        .filter(|&j| criteria.iter().any(|&c| table[j][c].1 > 0))
        .take(60)
        .collect();
    let title = super::titled(data, lang, "评委一致性", "judge consistency");
    let subtitle = label(
        lang,
        "每格：该评委的分数与同一格全体评委平均分之差的平均（红偏高，蓝偏低）",
        "each cell: the judge's mark minus the panel's mean for the same cell, averaged (red high, blue low)",
    );
    let top = heading(canvas, &title, subtitle)?;
    let (left, right, bottom) = (canvas.u(48.0), canvas.width - canvas.u(48.0), canvas.height - canvas.u(60.0));
    if criteria.is_empty() {
        let none = label(
            lang,
            "没有两位以上评委共同评分的项目",
            "no criterion has two or more judges marking the same cell",
        );
        return canvas.text(none, left, top + canvas.u(60.0), canvas.u(28.0), Align::Left, MUTED);
    }
    let em = canvas.u(20.0);
    let judge_names: Vec<String> = judges
        .iter()
        .map(|&j| {
            let judge = &rules.contest.judges[j];
            if judge.name.is_empty() {
                judge.id.clone()
            } else {
                format!("{} {}", judge.id, judge.name)
            }
        })
        .collect();
    let label_width = widest(&judge_names, em).min(canvas.u(320.0));
    let grid_left = left + label_width + canvas.u(16.0);
    let header = canvas.u(80.0);
    let cell_w = (right - grid_left) / criteria.len() as f64;
    let cell_h = ((bottom - top - header) / judges.len() as f64).min(canvas.u(70.0));
    let worst = judges
        .iter()
        .flat_map(|&j| criteria.iter().map(move |&c| (j, c)))
        .filter(|&(j, c)| table[j][c].1 > 0)
        .map(|(j, c)| (table[j][c].0 / f64::from(table[j][c].1)).abs())
        .fold(0.0, f64::max)
        .max(1e-9);
    let cell_em = (cell_h * 0.4).min(cell_w * 0.28).min(canvas.u(20.0));
    for (k, &c) in criteria.iter().enumerate() {
        let x = grid_left + cell_w * (k as f64 + 0.5);
        let name = fit(rules.criterion_label(c, lang), cell_w * 0.95, cell_em.max(canvas.u(12.0)));
        canvas.text(
            &name,
            x,
            top + header - canvas.u(16.0),
            cell_em.max(canvas.u(12.0)),
            Align::Centre,
            INK,
        )?;
    }
    for (r, &j) in judges.iter().enumerate() {
        let y = top + header + cell_h * r as f64;
        canvas.text(
            &fit(&judge_names[r], label_width, em),
            left,
            y + cell_h / 2.0 + em * 0.35,
            em,
            Align::Left,
            INK,
        )?;
        for (k, &c) in criteria.iter().enumerate() {
            let x = grid_left + cell_w * k as f64;
            let (sum, count) = table[j][c];
            if count == 0 {
                canvas.rect(x + 1.0, y + 1.0, x + cell_w - 1.0, y + cell_h - 1.0, RGBColor(248, 249, 250))?;
                continue;
            }
            let mean = sum / f64::from(count);
            canvas.rect(x + 1.0, y + 1.0, x + cell_w - 1.0, y + cell_h - 1.0, diverging(mean / worst))?;
            let text = format!("{mean:+.2}");
            canvas.text(
                &text,
                x + cell_w / 2.0,
                y + cell_h / 2.0 + cell_em * 0.35,
                cell_em,
                Align::Centre,
                INK,
            )?;
        }
    }
    let grid_bottom = top + header + cell_h * judges.len() as f64;
    canvas.frame(grid_left, top + header, right, grid_bottom, RULE, canvas.u(1.0))?;
    let note = format!("{} ±{worst:.2}", label(lang, "颜色最深处为", "the deepest colour is"));
    canvas.text(&note, left, grid_bottom + canvas.u(40.0), canvas.u(18.0), Align::Left, MUTED)
}

/// White at 0, red towards +1, blue towards -1.
fn diverging(t: f64) -> RGBColor {
    let t = t.clamp(-1.0, 1.0);
    let (r, g, b) = if t >= 0.0 { (214.0, 96.0, 77.0) } else { (67.0, 147.0, 195.0) };
    let a = t.abs() * 0.85;
    let mix = |c: f64| (255.0 + (c - 255.0) * a).round() as u8;
    RGBColor(mix(r), mix(g), mix(b))
}
