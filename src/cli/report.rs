//! `podium report`: the whole contest in one self-contained HTML file.

use crate::contest::Lang;
use crate::load::Sources;
use crate::report::{build, ReportInputs};
use std::path::Path;

pub fn run(contest: &Path, output: &Path, lang: Lang, font: Option<&Path>, marks: Option<&Path>) -> Result<(), String> {
    crate::chart::font::install(font)?;
    let inputs = super::load_warned(contest, marks)?;
    if crate::blind::hidden_names(&inputs.rules)?.is_some() {
        return Err(crate::msg!("report-names-hidden").to_string());
    }
    let store = crate::store::Store::open_existing(&Sources::of(&inputs.rules, None).store)?;
    let audit_head = match &store {
        Some(store) if store.has_marks()? => Some(store.head()?),
        _ => None,
    };
    let workflow = match (&store, &inputs.rules.workflow) {
        (Some(store), Some(_)) => Some((crate::event::Event::read(store, &inputs.rules)?, store.steps()?)),
        _ => None,
    };
    let (marks_kept, rules_kept) = (inputs.marks.clone(), inputs.rules.clone());
    // A contest run in stages reports its classification and every stage.
    let (staged, plain) = if inputs.rules.stages.is_empty() {
        (None, Some(crate::engine::score(inputs, &[])))
    } else {
        (Some(crate::stages::score(inputs, &[])), None)
    };
    let results = plain
        .as_ref()
        .or(staged.as_ref().map(|s| &s.classification))
        .expect("one of the two");
    let html = build(&ReportInputs {
        results,
        marks: Some((&marks_kept, &rules_kept)),
        lang,
        audit_head,
        staged: staged.as_ref(),
        workflow: workflow.as_ref().map(|(event, records)| (event, records.as_slice())),
    })?;
    crate::output::write_atomically(output, html.as_bytes())
        .map_err(|e| crate::msg!("report-cannot-write", path = output.display(), error = e).to_string())?;
    println!("{}", output.display());
    Ok(())
}
