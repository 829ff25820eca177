//! A thin drawing layer over plotters for every chart: pixel coordinates,
//! text placed by its baseline in ems of the one font, and the same picture
//! on a bitmap (PNG) and on SVG.

use super::font;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Where text hangs from its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
    Right,
}

pub struct Canvas<'a, DB: DrawingBackend> {
    area: DrawingArea<DB, Shift>,
    pub width: f64,
    pub height: f64,
    /// Pixels per design unit: charts are laid out for 1920×1080 and scaled.
    pub unit: f64,
    /// Text on a bitmap is drawn here, glyph by glyph; on SVG plotters
    /// writes it and `svg::outline_text` turns it into shapes.
    bitmap: bool,
    _life: std::marker::PhantomData<&'a ()>,
}

pub type Drawn = Result<(), String>;

fn failed<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> String {
    format!("cannot draw the chart: {e}")
}

impl<'a, DB: DrawingBackend> Canvas<'a, DB> {
    pub fn new(backend: DB, bitmap: bool) -> Result<Self, String> {
        let area = backend.into_drawing_area();
        let (w, h) = area.dim_in_pixel();
        area.fill(&WHITE).map_err(failed)?;
        let (width, height) = (f64::from(w), f64::from(h));
        Ok(Canvas {
            area,
            width,
            height,
            unit: (width / 1920.0).min(height / 1080.0),
            bitmap,
            _life: std::marker::PhantomData,
        })
    }

    /// `v` design units in pixels.
    pub fn u(&self, v: f64) -> f64 {
        v * self.unit
    }

    pub fn present(self) -> Drawn {
        self.area.present().map_err(failed)
    }

    /// Text with its baseline at `y`, `em` pixels per em.
    pub fn text(&self, text: &str, x: f64, y: f64, em: f64, align: Align, colour: RGBColor) -> Drawn {
        self.styled_text(text, x, y, em, align, colour, FontTransform::None)
    }

    /// Text turned a quarter left (reading upwards), centred on (x, y).
    pub fn text_upwards(&self, text: &str, x: f64, y: f64, em: f64, colour: RGBColor) -> Drawn {
        self.styled_text(text, x, y, em, Align::Centre, colour, FontTransform::Rotate270)
    }

    #[allow(clippy::too_many_arguments)]
    fn styled_text(&self, text: &str, x: f64, y: f64, em: f64, align: Align, colour: RGBColor, turn: FontTransform) -> Drawn {
        if self.bitmap {
            return self.raster_text(text, x, y, em, align, colour, matches!(turn, FontTransform::Rotate270));
        }
        let f = font::font();
        let size = em * f64::from(ab_glyph::Font::height_unscaled(f)) / f64::from(ab_glyph::Font::units_per_em(f).unwrap_or(1000.0));
        let h = match align {
            Align::Left => HPos::Left,
            Align::Centre => HPos::Center,
            Align::Right => HPos::Right,
        };
        // plotters puts the baseline half the font size below a top-anchored point.
        let style = TextStyle::from((font::FAMILY, size).into_font())
            .color(&colour)
            .pos(Pos::new(h, VPos::Top))
            .transform(turn.clone());
        let at = match turn {
            FontTransform::Rotate270 => (x - size / 2.0, y),
            _ => (x, y - size / 2.0),
        };
        self.area
            .draw_text(text, &style, (at.0.round() as i32, at.1.round() as i32))
            .map_err(failed)
    }

    /// Glyph by glyph with their side bearings (plotters' own bitmap text
    /// drops them, which pushes CJK punctuation out of place).
    #[allow(clippy::too_many_arguments)]
    fn raster_text(&self, text: &str, x: f64, y: f64, em: f64, align: Align, colour: RGBColor, upwards: bool) -> Drawn {
        let width = font::width(text, em);
        let start = match align {
            Align::Left => 0.0,
            Align::Centre => -width / 2.0,
            Align::Right => -width,
        };
        let mut result = Ok(());
        font::rasterise(text, em, |gx, gy, coverage| {
            // (gx, gy) from the start of the baseline, y down.
            let (lx, ly) = (start + gx, gy);
            let (px, py) = if upwards { (x + ly, y - lx) } else { (x + lx, y + ly) };
            let pixel = (px.round() as i32, py.round() as i32);
            if result.is_ok() {
                result = self.area.draw_pixel(pixel, &colour.mix(f64::from(coverage))).map_err(failed);
            }
        });
        result
    }

    /// A value axis for horizontal bars: a grid line at each of `marks`
    /// from `top` to `bottom`, labelled below it.
    pub fn value_grid(&self, marks: &[f64], x: impl Fn(f64) -> f64, top: f64, bottom: f64) -> Drawn {
        for &t in marks {
            self.line(&[(x(t), top), (x(t), bottom)], super::RULE, self.u(1.0))?;
            self.text(
                &tick_label(t),
                x(t),
                bottom + self.u(26.0),
                self.u(18.0),
                Align::Centre,
                super::MUTED,
            )?;
        }
        Ok(())
    }

    pub fn rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, colour: RGBColor) -> Drawn {
        let (a, b) = ((x0.round() as i32, y0.round() as i32), (x1.round() as i32, y1.round() as i32));
        self.area.draw(&Rectangle::new([a, b], colour.filled())).map_err(failed)
    }

    pub fn frame(&self, x0: f64, y0: f64, x1: f64, y1: f64, colour: RGBColor, width: f64) -> Drawn {
        let (a, b) = ((x0.round() as i32, y0.round() as i32), (x1.round() as i32, y1.round() as i32));
        let style = ShapeStyle::from(colour).stroke_width(width.max(1.0).round() as u32);
        self.area.draw(&Rectangle::new([a, b], style)).map_err(failed)
    }

    pub fn line(&self, points: &[(f64, f64)], colour: RGBColor, width: f64) -> Drawn {
        let points: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (x.round() as i32, y.round() as i32)).collect();
        let style = ShapeStyle::from(colour).stroke_width(width.max(1.0).round() as u32);
        self.area.draw(&PathElement::new(points, style)).map_err(failed)
    }

    pub fn dashed(&self, from: (f64, f64), to: (f64, f64), colour: RGBColor, width: f64) -> Drawn {
        let length = ((to.0 - from.0).powi(2) + (to.1 - from.1).powi(2)).sqrt();
        let dash = self.u(10.0).max(4.0);
        let steps = (length / dash).ceil() as usize;
        for i in (0..steps).step_by(2) {
            let t0 = i as f64 / steps as f64;
            let t1 = ((i + 1) as f64 / steps as f64).min(1.0);
            let at = |t: f64| (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
            self.line(&[at(t0), at(t1)], colour, width)?;
        }
        Ok(())
    }

    pub fn polygon(&self, points: &[(f64, f64)], colour: RGBAColor) -> Drawn {
        let points: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (x.round() as i32, y.round() as i32)).collect();
        self.area.draw(&Polygon::new(points, colour.filled())).map_err(failed)
    }

    pub fn dot(&self, x: f64, y: f64, radius: f64, colour: RGBAColor) -> Drawn {
        let r = radius.max(1.0).round() as i32;
        self.area
            .draw(&Circle::new((x.round() as i32, y.round() as i32), r, colour.filled()))
            .map_err(failed)
    }
}

/// The width of the widest of `texts` at `em`.
pub fn widest<S: AsRef<str>>(texts: &[S], em: f64) -> f64 {
    texts.iter().map(|t| font::width(t.as_ref(), em)).fold(0.0, f64::max)
}

/// `text` shortened with "…" to fit `width` pixels at `em`.
pub fn fit(text: &str, width: f64, em: f64) -> String {
    if font::width(text, em) <= width {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let shorter: String = chars.iter().collect::<String>() + "…";
        if font::width(&shorter, em) <= width {
            return shorter;
        }
    }
    String::new()
}

/// Tick values for an axis from `low` to `high`: about `count` round steps.
/// Each tick is counted from the first, never added up: a step below the
/// values' precision (one entry, every total equal) cannot loop for ever.
pub fn ticks(low: f64, high: f64, count: usize) -> Vec<f64> {
    let span = (high - low).max(f64::EPSILON);
    let raw = span / count.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    if step <= low.abs().max(high.abs()) * f64::EPSILON {
        // Steps too fine to tell the values apart: one tick.
        return vec![low];
    }
    let first = (low / step).ceil() * step;
    (0..=count.max(1) * 2 + 2)
        .map(|i| first + i as f64 * step)
        .take_while(|value| *value <= high + step * 1e-9)
        .map(|value| if value.abs() < step * 1e-9 { 0.0 } else { value })
        .collect()
}

/// `low..high` widened to whole ticks, and those ticks: an axis that ends on a labelled value.
/// A single value (one entry, every total equal) gets an axis of 1 either side.
pub fn axis(low: f64, high: f64, count: usize) -> (f64, f64, Vec<f64>) {
    let (low, high) = if high - low > high.abs().max(low.abs()).max(1.0) * 1e-9 {
        (low, high)
    } else {
        (low - 1.0, high + 1.0)
    };
    let inner = ticks(low, high, count);
    let step = if inner.len() > 1 {
        inner[1] - inner[0]
    } else {
        (high - low).abs().max(1.0)
    };
    let (low, high) = ((low / step).floor() * step, (high / step).ceil() * step);
    (low, high, ticks(low, high, count))
}

/// A tick value as a label: no trailing zeros.
pub fn tick_label(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_axis_of_a_single_value_ends_and_spans_it() {
        // One entry (or every total equal) once drew its ticks for ever.
        for value in [0.0, 85.5, -3.25, 1e12] {
            let (low, high, marks) = axis(value, value, 8);
            assert!(low < value && value < high, "{value}: {low}..{high}");
            assert!(!marks.is_empty() && marks.len() <= 18, "{value}: {marks:?}");
        }
        assert_eq!(ticks(85.5, 85.5, 8), [85.5]);
        // An ordinary axis is unchanged: 0..100 in steps of 20.
        assert_eq!(axis(3.0, 97.0, 6), (0.0, 100.0, vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]));
    }
}
