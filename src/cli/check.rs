//! `podium check`: every problem with the contest, its entries, marks and
//! element data, each with its file, line and field; then what scoring
//! would leave out (marks the store does not hold, element data the
//! contest does not name, entries that cannot be scored yet), as warnings.

use crate::contest::Rules;
use crate::data::Entries;
use crate::engine::Flag;
use crate::error::Diagnostic;
use crate::i18n::spoken;
use crate::load::{left_out, load, scores_from_store, Sources};
use crate::output::flag_text;
use crate::{msg, say};
use std::path::Path;

/// Entries that cannot be scored, named at most; and their reasons given.
const NAMED: usize = 10;
const REASONS: usize = 3;

pub fn run(contest: &Path, marks: Option<&Path>) -> Result<(), String> {
    let lang = spoken();
    let inputs = load(contest, marks).map_err(|problems| {
        let count = problems.len();
        let found = match count {
            1 => say!(lang, "files-check-problem"),
            _ => say!(lang, "files-check-problems", count = count),
        };
        format!("{problems}\n\n{found}")
    })?;
    let summary = say!(
        lang,
        "files-check-summary",
        contest = inputs.rules.contest.id,
        categories = inputs.rules.categories.len(),
        criteria = inputs.rules.criteria.len(),
        judges = inputs.rules.contest.judges.len(),
        entries = inputs.entries.list.len(),
        marks = inputs.marks.marks.len()
    );
    let mut warnings = left_out(&inputs, marks);
    // The inputs are handed over whole, so that their marks are let go once
    // ranked, as `score` lets them go (held here, they were a national
    // contest's largest thing in memory twice over).
    let (rules, entries) = (inputs.rules.clone(), inputs.entries.clone());
    let scrutiny = crate::stages::scrutinise(inputs);
    if let Some(unscorable) = unscorable(&rules, &entries, &scrutiny.flagged, marks) {
        warnings.push(unscorable);
    }
    warnings.0.extend(scrutiny.unreached);
    warnings.0.extend(scrutiny.none_through);
    if warnings.is_empty() {
        println!("{}", say!(lang, "files-check-ok", summary = summary));
    } else {
        let count = warnings.len();
        let counted = match count {
            1 => say!(lang, "files-check-warning"),
            _ => say!(lang, "files-check-warnings", count = count),
        };
        println!("{warnings}\n\n{summary}\n{counted}");
    }
    Ok(())
}

/// The entries that cannot be scored yet (a mark or element data missing),
/// how many, and the first few with why.
fn unscorable(rules: &Rules, entries: &Entries, flagged: &[crate::stages::Flagged], marks: Option<&Path>) -> Option<Diagnostic> {
    // Clerks chase marks by code when judging is blind, as `status` does
    // (before the codes are given, by id).
    let names = crate::blind::EntryNames::of(rules, &Sources::of(rules, None).store).unwrap_or(crate::blind::EntryNames::Ids);
    let mut why: Vec<String> = Vec::new();
    let mut count = 0usize;
    for (entry, flag_rules, flags) in flagged {
        let reasons: Vec<String> = flags
            .iter()
            .filter(|f| matches!(f, Flag::Incomplete { .. }))
            .map(|f| flag_text(flag_rules, f, spoken()))
            .collect();
        if reasons.is_empty() {
            continue;
        }
        count += 1;
        if why.len() < NAMED {
            let more = match reasons.len() {
                n if n > REASONS => say!(spoken(), "files-check-more-reasons", count = n - REASONS),
                _ => String::new(),
            };
            let first = &reasons[..reasons.len().min(REASONS)];
            why.push(format!(
                "{}: {}{more}",
                names.shown(&entries.list[*entry as usize].id),
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
        format!("\n  {}", say!(spoken(), "files-check-more-entries", count = count - why.len()))
    } else {
        String::new()
    };
    let message = msg!(
        "files-check-unscorable",
        count = count,
        entries = entries.list.len(),
        list = format!("  {}{more}", why.join("\n  "))
    );
    Some(
        Diagnostic::new(&scored_from, "", message)
            .help(msg!("files-check-status", dir = rules.dir().display()))
            .warning(),
    )
}
