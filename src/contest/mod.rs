//! The contest definition: the RON model, loading with positioned errors,
//! and compilation into checked `Rules` the engine runs.

pub mod model;
pub mod number;
pub mod rules;

pub use model::*;
pub use number::{out_of_range, parse_decimal, Number, LONGEST_NUMBER};
pub use rules::{CategoryRule, ConvertRule, CriterionRule, KindRule, Rules, Slot, TieBreakRule, VetoRule};

use crate::error::{line_col, Diagnostic, Diagnostics};
use std::path::{Path, PathBuf};

/// The file names podium looks for in a contest folder.
pub const CONTEST_FILE: &str = "contest.ron";

/// A CONTEST argument: a folder holding `contest.ron`, or the file itself.
pub fn contest_file(arg: &Path) -> PathBuf {
    if arg.is_dir() {
        arg.join(CONTEST_FILE)
    } else {
        arg.to_path_buf()
    }
}

/// RON as organisers write it: `max: 40` rather than `max: Some(40)`.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

pub fn ron_diagnostic(path: &Path, error: &ron::error::SpannedError) -> Diagnostic {
    let position = error.span.start;
    let (field, help) = match &error.code {
        ron::Error::MissingStructField { field, outer } => (
            field.to_string(),
            Some(format!("add `{field}: ...` to {}", outer.as_deref().unwrap_or("this item"))),
        ),
        ron::Error::NoSuchStructField { found, expected, .. } => {
            (found.clone(), Some(crate::error::suggest(found, expected.iter().copied())))
        }
        ron::Error::NoSuchEnumVariant { found, expected, .. } => {
            (found.clone(), Some(crate::error::suggest(found, expected.iter().copied())))
        }
        _ => (String::new(), None),
    };
    let mut diagnostic = Diagnostic::new(path, field, error.code.to_string()).at(position.line, position.col);
    if let Some(help) = help {
        diagnostic = diagnostic.help(help);
    }
    diagnostic
}

/// Line and column of the last of `anchors`, each searched after the one
/// before: `locate(text, &["\"quality\"", "\"workmanship\""])`. Serde forgets
/// positions, so semantic errors find their place again this way.
pub fn locate(text: &str, anchors: &[&str]) -> Option<(usize, usize)> {
    let mut offset = 0;
    for anchor in anchors {
        offset += text[offset..].find(anchor)?;
    }
    Some(line_col(text, offset))
}

/// Reads and checks `contest.ron` (or the file given).
pub fn load(arg: &Path) -> Result<Rules, Diagnostics> {
    let path = contest_file(arg);
    let source = crate::data::read_text(&path).map_err(|mut d| {
        if !path.exists() {
            d.help =
                Some(format!("a CONTEST is a folder holding {CONTEST_FILE} or the path of the file; `podium init DIR` makes one").into());
        }
        d
    })?;
    let contest: Contest = ron_options().from_str(&source).map_err(|e| ron_diagnostic(&path, &e))?;
    Rules::compile(contest, path, source)
}
