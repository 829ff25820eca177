//! `podium check`: every problem with the contest, its entries, marks and
//! element data, each with its file, line and field; then what scoring
//! would leave out (marks the store does not hold, element data the
//! contest does not name, entries that cannot be scored yet), as warnings.

use crate::contest::Lang;
use crate::engine::{score, Flag, Inputs};
use crate::error::Diagnostic;
use crate::load::{left_out, load, scores_from_store, Sources};
use crate::output::flag_text;
use std::path::Path;

/// Entries that cannot be scored, named at most; and their reasons given.
const NAMED: usize = 10;
const REASONS: usize = 3;

pub fn run(contest: &Path, marks: Option<&Path>) -> Result<(), String> {
    let inputs = load(contest, marks).map_err(|problems| {
        let count = problems.len();
        format!("{problems}\n\n{count} problem{} found", if count == 1 { "" } else { "s" })
    })?;
    let rules = &inputs.rules;
    let summary = format!(
        "{} — {} categories, {} criteria, {} judges, {} entries, {} marks",
        rules.contest.id,
        rules.categories.len(),
        rules.criteria.len(),
        rules.contest.judges.len(),
        inputs.entries.list.len(),
        inputs.marks.marks.len()
    );
    let mut warnings = left_out(&inputs, marks);
    if let Some(unscorable) = unscorable(&inputs, marks) {
        warnings.push(unscorable);
    }
    if warnings.is_empty() {
        println!("ok: {summary}");
    } else {
        let count = warnings.len();
        println!("{warnings}\n\n{summary}\n{count} warning{}", if count == 1 { "" } else { "s" });
    }
    Ok(())
}

/// The entries that cannot be scored yet (a mark or element data missing),
/// how many, and the first few with why.
fn unscorable(inputs: &Inputs, marks: Option<&Path>) -> Option<Diagnostic> {
    let results = score(inputs.clone(), &[]);
    let rules = &inputs.rules;
    // Clerks chase marks by code when judging is blind, as `status` does
    // (before the codes are given, by id).
    let names = crate::blind::EntryNames::of(rules, &Sources::of(rules, None).store).unwrap_or(crate::blind::EntryNames::Ids);
    let mut why: Vec<String> = Vec::new();
    let mut count = 0usize;
    for row in &results.rows {
        let reasons: Vec<String> = row
            .flags
            .iter()
            .filter(|f| matches!(f, Flag::Incomplete { .. }))
            .map(|f| flag_text(rules, f, Lang::En))
            .collect();
        if reasons.is_empty() {
            continue;
        }
        count += 1;
        if why.len() < NAMED {
            let more = match reasons.len() {
                n if n > REASONS => format!("; and {} more", n - REASONS),
                _ => String::new(),
            };
            let first = &reasons[..reasons.len().min(REASONS)];
            why.push(format!(
                "{}: {}{more}",
                names.shown(&inputs.entries.list[row.entry as usize].id),
                first.join("; ")
            ));
        }
    }
    if count == 0 {
        return None;
    }
    let sources = Sources::of(rules, marks);
    let scored_from = if scores_from_store(&sources, marks) {
        sources.store
    } else {
        sources.marks
    };
    let more = if count > why.len() {
        format!("\n  … and {} more", count - why.len())
    } else {
        String::new()
    };
    let message = format!(
        "{count} of {} entries cannot be scored yet (they are left unranked):\n  {}{more}",
        inputs.entries.list.len(),
        why.join("\n  ")
    );
    Some(
        Diagnostic::new(&scored_from, "", message)
            .help(format!("`podium status {}` lists every missing mark", rules.dir().display()))
            .warning(),
    )
}
