//! Award charts (`podium chart`): one file per kind, each drawing on a
//! `Canvas` so the same code makes PNG and SVG.

mod canvas;
mod categories;
mod distribution;
mod divisions;
pub mod font;
mod judges;
mod leaderboard;
mod radar;
pub mod svg;

use crate::contest::{Lang, Rules};
use crate::data::MarkSet;
use crate::engine::Results;
pub use crate::output::label;
use crate::output::{BoardRow, Leaderboard};
use canvas::Canvas;
use plotters::prelude::*;
use rust_decimal::prelude::ToPrimitive;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ChartKind {
    /// Horizontal bars of the top entries in award colours.
    Leaderboard,
    /// Stacked bars: each entry's score by category.
    Categories,
    /// One entry (or a few) over the categories.
    Radar,
    /// The spread of totals per division or organisation.
    Divisions,
    /// Each judge's marks against the panel, per criterion.
    Judges,
    /// Histogram of totals with the award lines.
    Distribution,
}

impl ChartKind {
    pub const ALL: [ChartKind; 6] = [
        ChartKind::Leaderboard,
        ChartKind::Categories,
        ChartKind::Radar,
        ChartKind::Divisions,
        ChartKind::Judges,
        ChartKind::Distribution,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ChartKind::Leaderboard => "leaderboard",
            ChartKind::Categories => "categories",
            ChartKind::Radar => "radar",
            ChartKind::Divisions => "divisions",
            ChartKind::Judges => "judges",
            ChartKind::Distribution => "distribution",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImageFormat {
    Png,
    Svg,
}

/// What to draw and how big.
#[derive(Debug, Clone)]
pub struct ChartOptions {
    pub kind: ChartKind,
    pub width: u32,
    pub height: u32,
    pub lang: Lang,
    /// How many entries the bar charts show.
    pub top: usize,
    /// The entries a radar shows (ids); the top three if empty.
    pub entries: Vec<String>,
    /// The entry field the division comparison groups by (the first division if None).
    pub group: Option<String>,
}

/// What the charts draw from.
pub struct ChartData<'a> {
    pub results: &'a Results,
    pub board: &'a Leaderboard<'a>,
    /// The raw marks (for the judges chart), with the rules that number
    /// them: the contest's, which a stage's or the classification's are not.
    pub marks: Option<(&'a MarkSet, &'a Rules)>,
}

impl ChartData<'_> {
    pub fn rules(&self) -> &Rules {
        &self.results.inputs.rules
    }

    /// The rules the raw marks are numbered by.
    pub fn marks_rules(&self) -> &Rules {
        self.marks.map_or_else(|| self.rules(), |(_, rules)| rules)
    }

    /// The ranked rows, best first.
    pub fn ranked(&self) -> impl Iterator<Item = &BoardRow<'_>> {
        self.board.rows.iter().filter(|r| r.place.is_some() && r.total.is_some())
    }

    /// The contest's name in the chart's language.
    pub fn title(&self, lang: Lang) -> &str {
        self.rules().contest.name.get(lang)
    }
}

/// A decimal as a chart coordinate (charts only place things; every number
/// a chart prints is the exact one).
pub fn f(value: rust_decimal::Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// Draws the chart as PNG bytes or SVG text (UTF-8 bytes).
pub fn render(data: &ChartData, options: &ChartOptions, format: ImageFormat) -> Result<Vec<u8>, String> {
    check_glyphs(data, options)?;
    let size = (options.width, options.height);
    match format {
        ImageFormat::Svg => {
            let mut text = String::new();
            {
                let canvas = Canvas::new(SVGBackend::with_string(&mut text, size), false)?;
                draw(&canvas, data, options)?;
                canvas.present()?;
            }
            Ok(svg::outline_text(&text).into_bytes())
        }
        ImageFormat::Png => {
            let mut pixels = vec![255u8; options.width as usize * options.height as usize * 3];
            {
                let canvas = Canvas::new(BitMapBackend::with_buffer(&mut pixels, size), true)?;
                draw(&canvas, data, options)?;
                canvas.present()?;
            }
            encode_png(&pixels, options.width, options.height)
        }
    }
}

fn draw<DB: DrawingBackend>(canvas: &Canvas<DB>, data: &ChartData, options: &ChartOptions) -> canvas::Drawn {
    match options.kind {
        ChartKind::Leaderboard => leaderboard::draw(canvas, data, options),
        ChartKind::Categories => categories::draw(canvas, data, options),
        ChartKind::Radar => radar::draw(canvas, data, options),
        ChartKind::Divisions => divisions::draw(canvas, data, options),
        ChartKind::Judges => judges::draw(canvas, data, options),
        ChartKind::Distribution => distribution::draw(canvas, data, options),
    }
}

fn encode_png(pixels: &[u8], width: u32, height: u32) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    // 300 dpi, so a print layout sizes the picture as intended.
    encoder.set_pixel_dims(Some(png::PixelDimensions {
        xppu: 11811,
        yppu: 11811,
        unit: png::Unit::Meter,
    }));
    let mut writer = encoder.write_header().map_err(|e| format!("cannot encode the PNG: {e}"))?;
    writer.write_image_data(pixels).map_err(|e| format!("cannot encode the PNG: {e}"))?;
    writer.finish().map_err(|e| format!("cannot encode the PNG: {e}"))?;
    Ok(bytes)
}

/// Every name and label a chart may draw must be in the font: a character
/// outside it is named with where it comes from, never drawn as a box.
fn check_glyphs(data: &ChartData, options: &ChartOptions) -> Result<(), String> {
    let rules = data.rules();
    let lang = options.lang;
    let mut texts: Vec<(String, String)> = vec![("contest name".into(), data.title(lang).to_string())];
    texts.extend(
        rules
            .categories
            .iter()
            .map(|c| (format!("category {}", c.id), c.label.get(lang).to_string())),
    );
    for set in &rules.contest.awards {
        texts.extend(set.tiers.iter().map(|t| (format!("award {}", t.id), t.label.get(lang).to_string())));
    }
    for row in &data.board.rows {
        for (what, text) in [("name", &*row.name), ("organisation", row.organisation), ("division", row.division)] {
            texts.push((format!("entry {} {what}", row.entry), text.to_string()));
        }
    }
    let mut problems = Vec::new();
    for (whose, text) in &texts {
        let missing = font::missing(text);
        if !missing.is_empty() {
            let chars: Vec<String> = missing.iter().map(|c| format!("{c} (U+{:04X})", *c as u32)).collect();
            problems.push(format!("  {whose} `{text}`: {}", chars.join(", ")));
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    let shown = problems.len().min(20);
    Err(format!(
        "the chart font has no glyph for some characters, which would be drawn as empty boxes:\n{}{}\n\
         help: give a font that has them with --font FILE (a .ttf or .otf, e.g. Noto Sans CJK SC extracted from its .ttc)",
        problems[..shown].join("\n"),
        if problems.len() > shown {
            format!("\n  … and {} more", problems.len() - shown)
        } else {
            String::new()
        }
    ))
}

/// Colours that stay apart for colour-blind readers (Okabe–Ito), for categories.
pub const SERIES: [RGBColor; 8] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(213, 94, 0),
    RGBColor(140, 140, 140),
    RGBColor(240, 228, 66),
];

pub const INK: RGBColor = RGBColor(33, 37, 41);
pub const MUTED: RGBColor = RGBColor(108, 117, 125);
pub const RULE: RGBColor = RGBColor(222, 226, 230);
pub const NO_AWARD: RGBColor = RGBColor(91, 125, 177);

/// The colour of an award: gold, silver and bronze for the first three
/// tiers of the first award set, then distinct colours for the rest.
pub fn award_colour(rules: &Rules, set: &str, tier: &str) -> RGBColor {
    const MEDALS: [RGBColor; 3] = [RGBColor(212, 160, 23), RGBColor(150, 155, 162), RGBColor(176, 110, 52)];
    const NAMED: [RGBColor; 4] = [
        RGBColor(42, 157, 143),
        RGBColor(123, 94, 167),
        RGBColor(192, 57, 43),
        RGBColor(38, 70, 83),
    ];
    let mut named = 0;
    for (s, award_set) in rules.contest.awards.iter().enumerate() {
        for (t, t_rule) in award_set.tiers.iter().enumerate() {
            if award_set.id == set && t_rule.id == tier {
                return if s == 0 && t < 3 { MEDALS[t] } else { NAMED[named % NAMED.len()] };
            }
            if !(s == 0 && t < 3) {
                named += 1;
            }
        }
    }
    NO_AWARD
}

/// The chart's title and subtitle; returns where the plot may start (y).
pub fn heading<DB: DrawingBackend>(canvas: &Canvas<DB>, title: &str, subtitle: &str) -> Result<f64, String> {
    let x = canvas.u(48.0);
    canvas.text(title, x, canvas.u(64.0), canvas.u(40.0), canvas::Align::Left, INK)?;
    canvas.text(subtitle, x, canvas.u(104.0), canvas.u(24.0), canvas::Align::Left, MUTED)?;
    Ok(canvas.u(136.0))
}

/// A chart's title: the contest's name, then what the chart shows.
pub fn titled(data: &ChartData, lang: Lang, zh: &'static str, en: &'static str) -> String {
    match lang {
        Lang::Zh => format!("{}：{zh}", data.title(lang)),
        Lang::En => format!("{}: {en}", data.title(lang)),
    }
}

/// What a chart says when no entry is ranked yet.
pub fn nothing_ranked<DB: DrawingBackend>(canvas: &Canvas<DB>, top: f64, lang: Lang) -> canvas::Drawn {
    let text = label(lang, "尚无排名", "nothing ranked yet");
    canvas.text(
        text,
        canvas.u(48.0),
        top + canvas.u(60.0),
        canvas.u(28.0),
        canvas::Align::Left,
        MUTED,
    )
}
