//! Diagnostics: every user-facing error names the file, the line and column
//! when known, the field, what was wrong and what would be valid.

use crate::contest::Lang;
use crate::i18n::Text;
use crate::{msg, say};
use std::fmt;
use std::path::{Path, PathBuf};

/// One problem found in a user's input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    /// 1-based line and column, when the input has positions.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The field in question, e.g. `categories[1].criteria[0].kind` or `value`.
    pub field: String,
    pub message: Text,
    /// What would be valid, or what to do next.
    pub help: Option<Text>,
    /// Something the user must know, which does not stop the command.
    pub warning: bool,
}

impl Diagnostic {
    pub fn new(file: &Path, field: impl Into<String>, message: impl Into<Text>) -> Self {
        Diagnostic {
            file: file.to_path_buf(),
            line: None,
            column: None,
            field: field.into(),
            message: message.into(),
            help: None,
            warning: false,
        }
    }

    /// The same, as a warning: reported, but the command goes on.
    pub fn warning(mut self) -> Self {
        self.warning = true;
        self
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    pub fn help(mut self, help: impl Into<Text>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl Diagnostic {
    /// The diagnostic in `lang`: `file:line:column: error in `field`: message`,
    /// then the help on a line of its own.
    pub fn in_lang(&self, lang: Lang) -> String {
        let mut place = self.file.display().to_string();
        if let Some(line) = self.line {
            place += &format!(":{line}");
            if let Some(column) = self.column {
                place += &format!(":{column}");
            }
        }
        let (field, message) = (&self.field, self.message.in_lang(lang));
        let mut said = match (self.warning, field.is_empty()) {
            (false, true) => say!(lang, "diag-error", place = place, message = message),
            (false, false) => say!(lang, "diag-error-in", place = place, field = field, message = message),
            (true, true) => say!(lang, "diag-warning", place = place, message = message),
            (true, false) => say!(lang, "diag-warning-in", place = place, field = field, message = message),
        };
        if let Some(help) = &self.help {
            said += "\n  ";
            said += &say!(lang, "diag-help", help = help.in_lang(lang));
        }
        said
    }
}

/// In the language of the process.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(crate::i18n::spoken()))
    }
}

/// Everything wrong with an input, reported together so the user can fix
/// all of it in one pass.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// `Ok(value)` when nothing was reported.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics(vec![diagnostic])
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// Names longer than this get no suggestion: nobody mistypes an id that
/// long, and comparing it with every candidate would cost the time of many.
const SUGGEST_UP_TO: usize = 64;

/// The closest of `candidates` to `name` by edit distance, for "did you mean".
/// Its cost is bounded: long names are not compared, and a candidate whose
/// length alone puts it too far is skipped without comparing.
pub fn did_you_mean<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let length = name.chars().count();
    if length > SUGGEST_UP_TO {
        return None;
    }
    candidates
        .into_iter()
        .filter_map(|candidate| {
            let candidate_length = candidate.chars().count();
            let allowed = (candidate_length / 3).max(2);
            if length.abs_diff(candidate_length) > allowed {
                return None;
            }
            let distance = edit_distance(name, candidate);
            (distance <= allowed).then_some((distance, candidate))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// [`suggestion`] in the language of the process.
pub fn suggest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str> + Clone) -> String {
    suggestion(name, candidates).to_string()
}

/// "did you mean X?" if a candidate is close, otherwise the list of valid names.
pub fn suggestion<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str> + Clone) -> Text {
    match did_you_mean(name, candidates.clone()) {
        Some(best) => msg!("suggest-did-you-mean", name = best),
        None => {
            let all: Vec<&str> = candidates.into_iter().collect();
            if all.is_empty() {
                msg!("suggest-none-declared")
            } else if all.len() > 12 {
                msg!("suggest-valid-some", names = all[..12].join(", "), count = all.len())
            } else {
                msg!("suggest-valid", names = all.join(", "))
            }
        }
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// 1-based line and column of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_name() {
        assert_eq!(did_you_mean("qualty", ["quality", "safety"]), Some("quality"));
        assert_eq!(did_you_mean("zzz", ["quality", "safety"]), None);
        assert_eq!(suggestion("qualty", ["quality"]).in_lang(Lang::Zh), "您是不是要写 `quality`？");
        assert_eq!(suggestion("qualty", ["quality"]).in_lang(Lang::En), "did you mean `quality`?");
        assert_eq!(suggestion("zzz", ["a", "b"]).in_lang(Lang::En), "valid: a, b");
        let long = "E".repeat(16 * 1024);
        assert_eq!(did_you_mean(&long, ["E", "EE"]), None, "a 16 KB name is not compared");
    }

    #[test]
    fn line_and_column_are_one_based() {
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        assert_eq!(line_col("ab", 0), (1, 1));
    }
}
