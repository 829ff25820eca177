//! The one font podium draws with: a subset of Noto Sans CJK SC shipped in
//! `assets/fonts` (SIL OFL 1.1), compiled into the binary so charts draw
//! Chinese on a machine with no fonts at all.
//!
//! Text outside the subset is caught before drawing (`missing`), never drawn
//! as boxes; `--font FILE` supplies a font that has it.

use ab_glyph::{Font, FontRef, OutlineCurve, ScaleFont};
use std::fmt::Write as _;
use std::path::Path;
use std::sync::OnceLock;

/// The bundled font.
pub const BUNDLED: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-podium.otf");

/// The family name charts ask plotters for.
pub const FAMILY: &str = "sans-serif";

static FONT: OnceLock<FontRef<'static>> = OnceLock::new();

/// Makes `bytes` (the bundled font unless `--font` gave another) the font
/// of every chart. The first call wins: one process draws with one font.
pub fn install(file: Option<&Path>) -> Result<&'static FontRef<'static>, String> {
    if let Some(font) = FONT.get() {
        return Ok(font);
    }
    let bytes: &'static [u8] = match file {
        None => BUNDLED,
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot read the font: {e}", path.display()))?;
            Box::leak(bytes.into_boxed_slice())
        }
    };
    let font = FontRef::try_from_slice(bytes).map_err(|_| match file {
        Some(path) => format!(
            "{}: not a TrueType or OpenType font (a .ttc collection needs one face extracted)",
            path.display()
        ),
        None => "the bundled font is damaged".into(),
    })?;
    let _ = plotters::style::register_font(FAMILY, plotters::style::FontStyle::Normal, bytes);
    Ok(FONT.get_or_init(|| font))
}

/// The installed font (the bundled one if none was installed).
pub fn font() -> &'static FontRef<'static> {
    install(None).expect("the bundled font parses")
}

/// The characters of `text` the font cannot draw, in order, once each.
pub fn missing(text: &str) -> Vec<char> {
    let font = font();
    let mut missing: Vec<char> = Vec::new();
    for c in text.chars() {
        if !c.is_whitespace() && !c.is_control() && font.glyph_id(c).0 == 0 && !missing.contains(&c) {
            missing.push(c);
        }
    }
    missing
}

/// The width of `text` at `size` pixels per em.
pub fn width(text: &str, size: f64) -> f64 {
    let font = font();
    let scaled = font.as_scaled(px_scale(font, size));
    let mut width = 0.0;
    let mut previous = None;
    for c in text.chars() {
        let glyph = font.glyph_id(c);
        if let Some(p) = previous {
            width += scaled.kern(p, glyph);
        }
        width += scaled.h_advance(glyph);
        previous = Some(glyph);
    }
    f64::from(width)
}

/// ab_glyph scales by the font's height (ascent - descent); CSS and SVG by the em.
fn px_scale(font: &FontRef, size: f64) -> f32 {
    let units = font.units_per_em().unwrap_or(1000.0);
    let height = font.height_unscaled();
    size as f32 * height / units
}

/// Calls `pixel(x, y, coverage)` for every pixel the glyphs of `text`
/// touch, at `size` pixels per em, x from the start of the baseline, y down.
pub fn rasterise(text: &str, size: f64, mut pixel: impl FnMut(f64, f64, f32)) {
    let font = font();
    let scale = ab_glyph::PxScale::from(px_scale(font, size));
    let scaled = font.as_scaled(scale);
    let (mut pen, mut previous) = (0.0f32, None);
    for c in text.chars() {
        let id = font.glyph_id(c);
        if let Some(p) = previous {
            pen += scaled.kern(p, id);
        }
        previous = Some(id);
        let glyph = id.with_scale_and_position(scale, ab_glyph::point(pen, 0.0));
        if let Some(outlined) = font.outline_glyph(glyph) {
            let bounds = outlined.px_bounds();
            outlined.draw(|gx, gy, coverage| {
                if coverage > 0.0 {
                    pixel(
                        f64::from(bounds.min.x) + f64::from(gx),
                        f64::from(bounds.min.y) + f64::from(gy),
                        coverage.min(1.0),
                    );
                }
            });
        }
        pen += scaled.h_advance(id);
    }
}

/// The outline of `text` as SVG path data, its baseline starting at (x, y),
/// `size` pixels per em: SVG text drawn as shapes needs no font to show.
pub fn outline(text: &str, x: f64, y: f64, size: f64) -> String {
    let font = font();
    let scale = size / f64::from(font.units_per_em().unwrap_or(1000.0));
    let (mut pen, mut previous) = (0.0f64, None);
    let mut path = String::new();
    let point = |p: ab_glyph::Point, pen: f64| (x + (pen + f64::from(p.x) * scale), y - f64::from(p.y) * scale);
    for c in text.chars() {
        let glyph = font.glyph_id(c);
        if let Some(p) = previous {
            pen += f64::from(font.kern_unscaled(p, glyph)) * scale;
        }
        previous = Some(glyph);
        if let Some(outline) = font.outline(glyph) {
            let mut last: Option<ab_glyph::Point> = None;
            for curve in &outline.curves {
                let start = match curve {
                    OutlineCurve::Line(a, _) | OutlineCurve::Quad(a, _, _) | OutlineCurve::Cubic(a, _, _, _) => *a,
                };
                if last != Some(start) {
                    if last.is_some() {
                        path.push('Z');
                    }
                    let (px, py) = point(start, pen);
                    let _ = write!(path, "M{px:.2} {py:.2}");
                }
                let end = match curve {
                    OutlineCurve::Line(_, b) => {
                        let (bx, by) = point(*b, pen);
                        let _ = write!(path, "L{bx:.2} {by:.2}");
                        *b
                    }
                    OutlineCurve::Quad(_, c1, b) => {
                        let ((cx, cy), (bx, by)) = (point(*c1, pen), point(*b, pen));
                        let _ = write!(path, "Q{cx:.2} {cy:.2} {bx:.2} {by:.2}");
                        *b
                    }
                    OutlineCurve::Cubic(_, c1, c2, b) => {
                        let ((c1x, c1y), (c2x, c2y), (bx, by)) = (point(*c1, pen), point(*c2, pen), point(*b, pen));
                        let _ = write!(path, "C{c1x:.2} {c1y:.2} {c2x:.2} {c2y:.2} {bx:.2} {by:.2}");
                        *b
                    }
                };
                last = Some(end);
            }
            if last.is_some() {
                path.push('Z');
            }
        }
        pen += f64::from(font.h_advance_unscaled(glyph)) * scale;
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_font_draws_chinese_and_latin() {
        assert!(missing("五比五赛 Worker Pioneer 一等奖 ①（）：").is_empty());
        assert!(
            width("一等奖", 20.0) > 55.0 && width("一等奖", 20.0) < 65.0,
            "CJK glyphs are one em wide"
        );
        assert!(outline("奖", 0.0, 20.0, 20.0).starts_with('M'));
    }

    #[test]
    fn characters_outside_the_subset_are_named() {
        // 堃 (a name character) is not in GB2312.
        assert_eq!(missing("王堃 王坤"), vec!['堃']);
    }
}
