use crate::contest::Lang;
use crate::engine::drop_aside;
use crate::output::{write_board, FormatKind, Leaderboard};
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
        let written = if wanted.teams {
            Leaderboard::of_teams(&results, wanted.lang)
        } else {
            Leaderboard::new(&results, wanted.lang, wanted.division)
        }
        .map_err(|d| d.to_string())
        .and_then(|board| write(board, &wanted, codes.as_ref()));
        drop_aside(results);
        return written;
    }
    let inputs = unmarked.marked().map_err(|p| p.to_string())?;
    super::warn(crate::load::left_out(&inputs, marks));
    let staged = crate::stages::score(inputs, &[]);
    let written = match wanted.stage {
        Some(id) => stage_number(&staged, id)
            .and_then(|stage| Leaderboard::of_stage(&staged, stage, wanted.lang, wanted.division).map_err(|d| d.to_string())),
        None => Leaderboard::new(&staged.classification, wanted.lang, wanted.division).map_err(|d| d.to_string()),
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

/// Writes the board as asked.
fn write<'a>(mut board: Leaderboard<'a>, wanted: &Board, codes: Option<&'a crate::blind::Codes>) -> Result<(), String> {
    let mut stopwatch = crate::timings::Stopwatch::start();
    board.headers = wanted.headers;
    if let Some(codes) = codes {
        board.hide_names(codes);
    }
    stopwatch.lap("board");
    match write_board(&board, wanted.format, wanted.output) {
        // The reader went away (`podium score ... | head`): not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
    .map_err(|e| match wanted.output {
        Some(path) => crate::msg!("score-cannot-write-to", path = path.display(), error = e).to_string(),
        None => crate::msg!("score-cannot-write", error = e).to_string(),
    })?;
    stopwatch.lap("write");
    Ok(())
}
