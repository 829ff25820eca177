//! `podium chart`: one award chart as PNG or SVG.

use crate::chart::{font, render, ChartData, ChartKind, ChartOptions, ImageFormat};
use crate::output::Leaderboard;
use std::path::{Path, PathBuf};

/// What the command line asked for.
pub struct ChartArgs<'a> {
    pub options: ChartOptions,
    pub format: Option<ImageFormat>,
    pub output: Option<&'a Path>,
    pub division: Option<&'a str>,
    pub font: Option<&'a Path>,
    /// A contest run in stages: the standings after this stage.
    pub stage: Option<&'a str>,
}

pub fn run(contest: &Path, args: ChartArgs, marks: Option<&Path>) -> Result<(), String> {
    font::install(args.font)?;
    let format = args
        .format
        .unwrap_or_else(|| match args.output.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("svg") => ImageFormat::Svg,
            _ => ImageFormat::Png,
        });
    let inputs = super::load_warned(contest, marks)?;
    if inputs.rules.contest.marking.blind && crate::blind::hidden_names(&inputs.rules)?.is_some() {
        return Err("blind judging: charts name entries, so they are drawn once the results are published (`podium publish`)".into());
    }
    // The judges chart reads the raw marks, which scoring frees when no one else holds them.
    let marks_kept = (args.options.kind == ChartKind::Judges).then(|| (inputs.marks.clone(), inputs.rules.clone()));
    let (staged, plain);
    let (results, board) = match (args.stage, inputs.rules.stages.is_empty()) {
        (Some(stage), true) => return Err(crate::msg!("score-no-stages", stage = stage).to_string()),
        (Some(stage), false) => {
            staged = crate::stages::score(inputs, &[]);
            let k = super::score::stage_number(&staged, stage)?;
            let board = Leaderboard::of_stage(&staged, k, args.options.lang, args.division).map_err(|d| d.to_string())?;
            (&staged.stages[k].results, board)
        }
        (None, _) => {
            plain = crate::stages::final_results(inputs, &[]);
            let board = Leaderboard::new(&plain, args.options.lang, args.division).map_err(|d| d.to_string())?;
            (&plain, board)
        }
    };
    let data = ChartData {
        results,
        board: &board,
        marks: marks_kept.as_ref().map(|(marks, rules)| (&**marks, &**rules)),
    };
    let bytes = render(&data, &args.options, format)?;
    let extension = match format {
        ImageFormat::Png => "png",
        ImageFormat::Svg => "svg",
    };
    let path = args
        .output
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(format!("{}.{extension}", args.options.kind.name())));
    crate::output::write_atomically(&path, &bytes).map_err(|e| format!("{}: cannot write the chart: {e}", path.display()))?;
    println!("{}", path.display());
    Ok(())
}

/// `--size`: `WIDTHxHEIGHT` in pixels, or a name: `1080p` (1920×1080, the
/// hall screen), `4k`, `a4` (landscape at 300 dpi), `a4-portrait`.
pub fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let named = match text.to_ascii_lowercase().as_str() {
        "1080p" | "screen" => Some((1920, 1080)),
        "4k" => Some((3840, 2160)),
        "a4" => Some((3508, 2480)),
        "a4-portrait" => Some((2480, 3508)),
        _ => None,
    };
    if let Some(size) = named {
        return Ok(size);
    }
    let parsed = text
        .split_once(['x', 'X', '×'])
        .and_then(|(w, h)| Some((w.trim().parse::<u32>().ok()?, h.trim().parse::<u32>().ok()?)));
    match parsed {
        Some((w, h)) if (320..=10000).contains(&w) && (240..=10000).contains(&h) => Ok((w, h)),
        Some(_) => Err(format!("`{text}`: width 320–10000 and height 240–10000 pixels")),
        None => Err(format!(
            "`{text}`: give WIDTHxHEIGHT in pixels (1920x1080) or 1080p, 4k, a4, a4-portrait"
        )),
    }
}
