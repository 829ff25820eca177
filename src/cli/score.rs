use crate::contest::Lang;
use crate::engine::drop_aside;
use crate::engine::Results;
use crate::output::{write_board, write_csv_in_windows, FormatKind, Leaderboard, WINDOW};
use std::path::Path;

/// Which leaderboard to write, how and where.
pub struct Board<'a> {
    pub format: FormatKind,
    pub division: Option<&'a str>,
    pub teams: bool,
    pub headers: crate::output::Headers,
    pub lang: Lang,
    pub output: Option<&'a Path>,
    /// The standings after this stage, in a contest run in stages.
    pub stage: Option<&'a str>,
}

pub fn run(contest: &Path, wanted: Board, marks: Option<&Path>) -> Result<(), String> {
    if wanted.format == FormatKind::Xlsx && wanted.output.is_none() {
        return Err(crate::msg!("score-xlsx-needs-output").to_string());
    }
    let unmarked = crate::load::unmarked(contest, marks).map_err(|p| p.to_string())?;
    let rules = &unmarked.inputs.rules;
    let codes = crate::blind::hidden_names(rules)?;
    if wanted.teams && !rules.stages.is_empty() {
        return Err(crate::msg!("score-stages-teams").to_string());
    }
    if codes.is_some() && wanted.teams {
        return Err(crate::msg!("score-blind-teams").to_string());
    }
    if rules.stages.is_empty() {
        if let Some(stage) = wanted.stage {
            return Err(crate::msg!("score-no-stages", stage = stage).to_string());
        }
        let scored = unmarked.scored().map_err(|p| p.to_string())?;
        super::warn(scored.warnings);
        let results = scored.results;
        let written = match wanted.teams {
            true => Leaderboard::of_teams(&results, wanted.lang)
                .map_err(|d| d.to_string())
                .and_then(|board| write(board, &wanted, codes.as_ref())),
            false => write_results(&results, &wanted, codes.as_ref()),
        };
        drop_aside(results);
        return written;
    }
    let inputs = unmarked.marked().map_err(|p| p.to_string())?;
    super::warn(crate::load::left_out(&inputs, marks));
    let staged = crate::stages::score(inputs, &[]);
    let written = match wanted.stage {
        Some(id) => stage_number(&staged, id)
            .and_then(|stage| Leaderboard::of_stage(&staged, stage, wanted.lang, wanted.division).map_err(|d| d.to_string())),
        None => {
            let written = write_results(&staged.classification, &wanted, codes.as_ref());
            drop_aside(staged);
            return written;
        }
    }
    .and_then(|board| write(board, &wanted, codes.as_ref()));
    drop_aside(staged);
    written
}

/// The number of the stage `id` names, or what would be valid.
pub fn stage_number(staged: &crate::stages::Staged, id: &str) -> Result<usize, String> {
    let stages = &staged.classification.inputs.rules.categories;
    stages.iter().position(|s| s.id == id).ok_or_else(|| {
        let suggestion = crate::error::suggestion(id, stages.iter().map(|s| s.id.as_str()));
        crate::msg!("score-unknown-stage", stage = id, suggestion = suggestion).to_string()
    })
}

/// Writes the board of `results` as asked. A CSV board of the whole field
/// is made a window of rows at a time as it is written.
fn write_results<'a>(results: &'a Results, wanted: &Board, codes: Option<&'a crate::blind::Codes>) -> Result<(), String> {
    if wanted.format != FormatKind::Csv || wanted.division.is_some() {
        let board = Leaderboard::new(results, wanted.lang, wanted.division).map_err(|d| d.to_string())?;
        return write(board, wanted, codes);
    }
    let mut stopwatch = crate::timings::Stopwatch::start();
    let board_of = |rows| dressed(Leaderboard::of_rows(results, rows, wanted.lang), wanted, codes);
    let written = told(write_csv_in_windows(results, WINDOW, board_of, wanted.output), wanted);
    stopwatch.lap("write");
    written
}

/// The board with the headers and names asked for.
fn dressed<'a>(mut board: Leaderboard<'a>, wanted: &Board, codes: Option<&'a crate::blind::Codes>) -> Leaderboard<'a> {
    board.headers = wanted.headers;
    if let Some(codes) = codes {
        board.hide_names(codes);
    }
    board
}

/// Writes the board as asked.
fn write<'a>(board: Leaderboard<'a>, wanted: &Board, codes: Option<&'a crate::blind::Codes>) -> Result<(), String> {
    let mut stopwatch = crate::timings::Stopwatch::start();
    let board = dressed(board, wanted, codes);
    stopwatch.lap("board");
    let written = told(write_board(&board, wanted.format, wanted.output), wanted);
    stopwatch.lap("write");
    written
}

/// What went wrong writing, in the user's words.
fn told(written: std::io::Result<()>, wanted: &Board) -> Result<(), String> {
    match written {
        // The reader went away (`podium score ... | head`): not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
    .map_err(|e| match wanted.output {
        Some(path) => crate::msg!("score-cannot-write-to", path = path.display(), error = e).to_string(),
        None => crate::msg!("score-cannot-write", error = e).to_string(),
    })
}
