use crate::load::load;
use std::path::Path;

pub fn run(contest: &Path, marks: Option<&Path>) -> Result<(), String> {
    let inputs = load(contest, marks).map_err(|problems| {
        let count = problems.len();
        format!("{problems}\n\n{count} problem{} found", if count == 1 { "" } else { "s" })
    })?;
    let rules = &inputs.rules;
    println!(
        "ok: {} — {} categories, {} criteria, {} judges, {} entries, {} marks",
        rules.contest.id,
        rules.categories.len(),
        rules.criteria.len(),
        rules.contest.judges.len(),
        inputs.entries.list.len(),
        inputs.marks.marks.len()
    );
    Ok(())
}
