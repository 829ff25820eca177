use crate::contest::Lang;
use crate::engine::score;
use crate::output::{write_board, FormatKind, Leaderboard};
use std::path::Path;

/// Which leaderboard to write, how and where.
pub struct Board<'a> {
    pub format: FormatKind,
    pub division: Option<&'a str>,
    pub teams: bool,
    pub lang: Lang,
    pub output: Option<&'a Path>,
}

pub fn run(contest: &Path, wanted: Board, marks: Option<&Path>) -> Result<(), String> {
    if wanted.format == FormatKind::Xlsx && wanted.output.is_none() {
        return Err("--format xlsx writes a workbook file: give it with --output results.xlsx".into());
    }
    let inputs = super::load_warned(contest, marks)?;
    let codes = crate::blind::hidden_names(&inputs.rules)?;
    if codes.is_some() && wanted.teams {
        return Err("blind judging: the team leaderboard names organisations, so it is shown once the results are published".into());
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
        Some(path) => format!("{}: cannot write the leaderboard: {e}", path.display()),
        None => format!("cannot write the leaderboard: {e}"),
    })?;
    stopwatch.lap("write");
    Ok(())
}
