use crate::contest::Lang;
use crate::engine::score;
use crate::load::load;
use crate::output::{write_board, FormatKind, Leaderboard};
use std::path::Path;

pub fn run(
    contest: &Path,
    format: FormatKind,
    division: Option<&str>,
    lang: Lang,
    output: Option<&Path>,
    marks: Option<&Path>,
) -> Result<(), String> {
    let inputs = load(contest, marks).map_err(|p| p.to_string())?;
    let results = score(inputs, &[]);
    let mut stopwatch = crate::timings::Stopwatch::start();
    let board = Leaderboard::new(&results, lang, division).map_err(|d| d.to_string())?;
    stopwatch.lap("board");
    match write_board(&board, format, output) {
        // The reader went away (`podium score ... | head`): not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
    .map_err(|e| match output {
        Some(path) => format!("{}: cannot write the leaderboard: {e}", path.display()),
        None => format!("cannot write the leaderboard: {e}"),
    })?;
    stopwatch.lap("write");
    Ok(())
}
