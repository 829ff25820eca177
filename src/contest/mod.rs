//! The contest definition: the RON model, loading with positioned errors,
//! and compilation into checked `Rules` the engine runs.

pub mod model;
pub mod number;
pub mod rules;
pub mod workflow;

pub use model::*;
pub use number::{out_of_range, parse_decimal, Number, LONGEST_NUMBER};
pub use rules::{CategoryRule, ConvertRule, CriterionRule, KindRule, Rules, Slot, StageRules, TieBreakRule, VetoRule, WorkflowRules};

use crate::error::{line_col, Diagnostic, Diagnostics};
use crate::i18n::Text;
use crate::msg;
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
        ron::Error::MissingStructField { field, outer: Some(outer) } => {
            (field.to_string(), Some(msg!("ron-add-field-to", field = field, outer = outer)))
        }
        ron::Error::MissingStructField { field, outer: None } => (field.to_string(), Some(msg!("ron-add-field", field = field))),
        ron::Error::NoSuchStructField { found, expected, .. } => {
            (found.clone(), Some(crate::error::suggestion(found, expected.iter().copied())))
        }
        ron::Error::NoSuchEnumVariant { found, expected, .. } => {
            (found.clone(), Some(crate::error::suggestion(found, expected.iter().copied())))
        }
        _ => (String::new(), None),
    };
    let mut diagnostic = Diagnostic::new(path, field, ron_message(&error.code)).at(position.line, position.col);
    if let Some(help) = help {
        diagnostic = diagnostic.help(help);
    }
    diagnostic
}

/// What RON found wrong, in words of the catalogue for the errors an
/// organiser makes (a misspelt or missing field, a wrong kind of value, a
/// missing comma or bracket); RON's own English words, beside a label, for
/// the rare rest.
fn ron_message(error: &ron::Error) -> Text {
    use ron::Error as E;
    let outer = |outer: &Option<String>| outer.clone().unwrap_or_else(|| "?".into());
    match error {
        E::NoSuchStructField { found, outer: o, .. } => msg!("ron-no-such-field", found = found, outer = outer(o)),
        E::NoSuchEnumVariant { found, outer: o, .. } => msg!("ron-no-such-variant", found = found, outer = outer(o)),
        E::MissingStructField { field, outer: o } => msg!("ron-missing-field", field = field, outer = outer(o)),
        E::DuplicateStructField { field, outer: o } => msg!("ron-duplicate-field", field = field, outer = outer(o)),
        E::InvalidValueForType { expected, found } => msg!("ron-wrong-value", expected = expected, found = found),
        E::Message(message) => msg!("ron-value", message = message),
        E::Eof => msg!("ron-eof"),
        E::ExpectedComma => msg!("ron-expected-comma"),
        E::ExpectedArrayEnd | E::ExpectedMapEnd | E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => msg!("ron-expected-end"),
        E::ExpectedStringEnd => msg!("ron-expected-string-end"),
        E::ExpectedString => msg!("ron-expected-string"),
        E::ExpectedInteger | E::ExpectedFloat => msg!("ron-expected-number"),
        E::UnexpectedChar(c) => msg!("ron-unexpected-char", character = c),
        E::TrailingCharacters => msg!("ron-trailing"),
        other => msg!("ron-other", message = other),
    }
}

/// Line and column of the last of `anchors`, each searched after the one
/// before: `locate(text, &["\"quality\"", "\"workmanship\""])`. Serde forgets
/// positions, so semantic errors find their place again this way.
pub fn locate(text: &str, anchors: &[&str]) -> Option<(usize, usize)> {
    let mut offset = 0;
    for (i, anchor) in anchors.iter().enumerate() {
        // The same anchor again (`&[&id, &id]`: an id written twice) is its next occurrence.
        if i > 0 && anchors[i - 1] == *anchor {
            offset += anchor.len();
        }
        offset += text[offset..].find(anchor)?;
    }
    Some(line_col(text, offset))
}

/// A problem in a RON file of podium's (`periods.ron`, `campaign.ron`),
/// placed at the last of `anchors` it finds, with its help.
pub fn placed(path: &Path, source: &str, field: String, anchors: &[&str], message: Text, help: Option<Text>) -> Diagnostic {
    let mut diagnostic = Diagnostic::new(path, field, message);
    if let Some((line, column)) = locate(source, anchors) {
        diagnostic = diagnostic.at(line, column);
    }
    if let Some(help) = help {
        diagnostic = diagnostic.help(help);
    }
    diagnostic
}

/// Reads and checks `contest.ron` (or the file given).
pub fn load(arg: &Path) -> Result<Rules, Diagnostics> {
    let path = contest_file(arg);
    let source = crate::data::read_text(&path).map_err(|mut d| {
        if !path.exists() {
            d.help = Some(msg!("contest-not-found-help", file = CONTEST_FILE));
        }
        d
    })?;
    let contest: Contest = ron_options().from_str(&source).map_err(|e| ron_diagnostic(&path, &e))?;
    Rules::compile(contest, path, source)
}
