use crate::contest::Lang;
use crate::engine::score;
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
}

pub fn run(contest: &Path, wanted: Board, marks: Option<&Path>) -> Result<(), String> {
    if wanted.format == FormatKind::Xlsx && wanted.output.is_none() {
        return Err(crate::msg!("score-xlsx-needs-output").to_string());
    }
    let inputs = super::load_warned(contest, marks)?;
    let codes = crate::blind::hidden_names(&inputs.rules)?;
    if codes.is_some() && wanted.teams {
        return Err(crate::msg!("score-blind-teams").to_string());
    }
    let results = score(inputs, &[]);
    let mut stopwatch = crate::timings::Stopwatch::start();
    let board = if wanted.teams {
        Leaderboard::of_teams(&results, wanted.lang)
    } else {
        Leaderboard::new(&results, wanted.lang, wanted.division)
    }
    .map_err(|d| d.to_string())?;
    let mut board = board;
    board.headers = wanted.headers;
    if let Some(codes) = &codes {
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
