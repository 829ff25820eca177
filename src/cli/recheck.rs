//! `podium recheck`: draw the re-check's sample (`--draw`), compare the
//! re-check's typing of the sampled sheets with the stored marks
//! (`--enter FILE`), or show where the re-check stands.

use crate::blind::EntryNames;
use crate::contest::workflow::Action;
use crate::event::recheck::{self, Compared, Difference, Drawn, Plan, Progress, Sampled, Standing, Why};
use crate::event::{self, Event};
use crate::i18n::Text;
use crate::load::Sources;
use crate::msg;
use crate::store::Store;
use std::path::Path;

pub fn run(contest: &Path, draw: bool, enter: Option<&Path>, role: Option<&str>) -> Result<(), String> {
    let inputs = super::load_warned(contest, None)?;
    let rules = inputs.rules.clone();
    let Some(plan) = rules.workflow.as_ref().and_then(|w| w.recheck.clone()) else {
        return Err(msg!("recheck-none").to_string());
    };
    let path = Sources::of(&rules, None).store;
    if !draw && enter.is_none() {
        let store = Store::open_existing(&path)?.ok_or_else(|| msg!("recheck-not-drawn").to_string())?;
        let hidden = crate::blind::hidden_names(&rules)?;
        return status(&store, plan.threshold.0, Shown(hidden.as_ref()));
    }
    let actor = event::acting(&rules, role, None, Action::Recheck).map_err(|why| why.to_string())?;
    let hidden = crate::blind::hidden_names(&rules)?;
    let shown = Shown(hidden.as_ref());
    let mut store = Store::open(&path)?;
    let event = Event::read(&store, &rules)?;
    if event.whole_lock().is_none() {
        return Err(msg!("recheck-before-lock").to_string());
    }
    if let Some(signed) = event.signed() {
        return Err(msg!("recheck-after-sign", seq = signed.record.seq).to_string());
    }
    let progress = Progress::read(&store.steps()?);
    let said = match enter {
        None => {
            if let Some(record) = &progress.drawn {
                return Err(msg!("recheck-drawn-already", seq = record.seq).to_string());
            }
            let recorded = recheck::RecordedPlan::of(&plan);
            let plan = Plan {
                top: plan.top,
                percent: plan.percent.0,
                margin: plan.margin.map(|m| m.0),
            };
            // A contest run in stages: its classification, and each stage's cut.
            let (results, cuts) = match rules.stages.is_empty() {
                true => (crate::engine::score(inputs.clone(), &[]), Vec::new()),
                false => {
                    let staged = crate::stages::score(inputs.clone(), &[]);
                    let cuts = cuts(&inputs, &staged);
                    (staged.classification, cuts)
                }
            };
            let seed = fresh_seed()?;
            let sampled = recheck::sample(&standings(&results), (rules.contest.awards.len(), &cuts), plan, &seed);
            let drawn = Drawn {
                seed: crate::store::hex(&seed),
                entries: sampled,
                plan: Some(recorded),
            };
            record_sample(&mut store, &event, &actor, drawn, shown)?
        }
        Some(file) => {
            if progress.drawn.is_none() {
                return Err(msg!("recheck-not-drawn").to_string());
            }
            let names = EntryNames::of(&rules, &path)?;
            let rows = super::import::checked_rows(&rules, &inputs.entries, &names, file)?;
            compare(&mut store, &event, &actor, &progress, (rows, file), plan.threshold.0, shown)?
        }
    };
    for line in said {
        println!("{line}");
    }
    Ok(())
}

fn fresh_seed() -> Result<[u8; 32], String> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| msg!("blind-no-randomness", error = e).to_string())?;
    Ok(seed)
}

/// Each entry's total, place and awards, and the group each award set
/// decides within.
fn standings(results: &crate::engine::Results) -> Vec<Standing> {
    let inputs = &results.inputs;
    let sets = &inputs.rules.contest.awards;
    results
        .rows
        .iter()
        .map(|row| {
            let record = &inputs.entries.list[row.entry as usize];
            let groups = sets
                .iter()
                .map(|set| match &set.scope {
                    crate::contest::Scope::Overall => String::new(),
                    crate::contest::Scope::PerDivision(field) => inputs.entries.field(record, field).unwrap_or("").to_string(),
                })
                .collect();
            Standing {
                entry: record.id.to_string(),
                total: row.total,
                place: row.standing.overall.map(|p| p.rank),
                awards: row.awards.to_vec(),
                groups,
            }
        })
        .collect()
}

/// Each stage's qualification line: the stage totals either side of a
/// change from going on to not, down the stage's places.
fn cuts(inputs: &crate::engine::Inputs, staged: &crate::stages::Staged) -> Vec<recheck::Cut> {
    let mut cuts = Vec::new();
    for (stage, rules) in staged.stages.iter().zip(&inputs.rules.stages) {
        let mut cut = recheck::Cut {
            stage: rules.id.clone(),
            ..Default::default()
        };
        let mut ranked = Vec::new();
        for (local, (&entry, outcome)) in stage.entries.iter().zip(&stage.outcomes).enumerate() {
            let row = stage.row(local as u32);
            let (Some(total), Some(through)) = (row.total, outcome.through()) else {
                continue;
            };
            cut.totals.insert(inputs.entries.list[entry as usize].id.to_string(), total);
            ranked.push((row.standing.overall.map(|p| p.rank), total, through));
        }
        ranked.sort_by_key(|(place, _, _)| place.unwrap_or(u32::MAX));
        let ranked: Vec<_> = ranked.into_iter().map(|(_, total, through)| (total, through)).collect();
        cut.lines = recheck::change_lines(&ranked);
        if !cut.lines.is_empty() {
            cuts.push(cut);
        }
    }
    cuts
}

/// Records the sample with the seed it was drawn with, so anyone can draw it again.
fn record_sample(store: &mut Store, event: &Event, actor: &event::Actor, drawn: Drawn, shown: Shown) -> Result<Vec<Text>, String> {
    let seq = store.transact(&actor.recorded(), "podium recheck", |batch| {
        if batch.head_before() != event.head {
            return Err(msg!("event-moved").to_string());
        }
        Ok(batch.record_step("recheck-sample", "", &json(&drawn), "")?)
    })?;
    let mut said = vec![msg!("recheck-drawn", count = drawn.entries.len(), seq = seq)];
    said.extend(drawn.entries.iter().map(|s| sampled_line(s, shown)));
    Ok(said)
}

/// How entries are named: by the code that hides them, until decoded.
#[derive(Clone, Copy)]
struct Shown<'a>(Option<&'a crate::blind::Codes>);

impl Shown<'_> {
    fn entry(&self, id: &str) -> String {
        match self.0 {
            Some(codes) => codes.code_of(id).unwrap_or("?").to_string(),
            None => id.to_string(),
        }
    }
}

fn sampled_line(sampled: &Sampled, shown: Shown) -> Text {
    let entry = shown.entry(&sampled.entry);
    match &sampled.why {
        Why::Top { place } => msg!("recheck-why-top", entry = entry, place = place),
        Why::NearLine { line } => msg!("recheck-why-line", entry = entry, line = line),
        Why::NearCut { stage, line } => msg!("recheck-why-cut", entry = entry, stage = stage, line = line),
        Why::Drawn => msg!("recheck-why-drawn", entry = entry),
        Why::All => msg!("recheck-why-all", entry = entry),
    }
}

/// Compares the re-check's rows with the stored marks and records what it
/// found; widens the re-check once its sample is done and the error rate
/// passes the threshold.
fn compare(
    store: &mut Store,
    event: &Event,
    actor: &event::Actor,
    progress: &Progress,
    (rows, file): (Vec<(usize, crate::store::Cell, String)>, &Path),
    threshold: rust_decimal::Decimal,
    shown: Shown,
) -> Result<Vec<Text>, String> {
    let sample: std::collections::HashSet<&str> = progress.sample.iter().map(|s| s.entry.as_str()).collect();
    let outside: Vec<String> = rows
        .iter()
        .filter(|(_, cell, _)| !sample.contains(cell.entry.as_str()))
        .map(|(line, cell, _)| {
            msg!(
                "recheck-outside-row",
                file = file.display(),
                line = line,
                entry = shown.entry(&cell.entry)
            )
            .to_string()
        })
        .collect();
    if !outside.is_empty() {
        return Err(format!("{}\n\n{}", outside.join("\n"), msg!("recheck-outside")));
    }
    let twice = typed_twice(&rows, file, shown);
    if !twice.is_empty() {
        return Err(format!("{}\n\n{}", twice.join("\n"), msg!("recheck-twice")));
    }
    let missing = missing_cells(store, &rows, file, shown)?;
    if !missing.is_empty() {
        return Err(format!("{}\n\n{}", missing.join("\n"), msg!("recheck-incomplete")));
    }
    let mut differences = Vec::new();
    for (_, cell, value) in &rows {
        let stored = store.current(cell)?.map(|c| c.value).unwrap_or_default();
        if stored != *value {
            differences.push(Difference {
                entry: cell.entry.clone(),
                criterion: cell.criterion.clone(),
                element: cell.element,
                judge: cell.judge.clone(),
                stored,
                rechecked: value.clone(),
            });
        }
    }
    let mut entries: Vec<String> = rows.iter().map(|(_, cell, _)| cell.entry.clone()).collect();
    entries.sort();
    entries.dedup();
    let compared = Compared {
        file: file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        entries,
        differences,
    };
    // What the re-check comes to once this file is counted.
    let mut after = progress.clone();
    after.rechecked.extend(compared.entries.iter().cloned());
    after
        .differences
        .extend(compared.differences.iter().cloned().map(|d| (i64::MAX, d)));
    let widen = !after.widened && after.pending().is_empty() && after.rate().is_some_and(|rate| rate > threshold);
    let everyone: Vec<Sampled> = match widen {
        true => event_entries(store, &after)?,
        false => Vec::new(),
    };
    let seq = store.transact(&actor.recorded(), "podium recheck", |batch| {
        if batch.head_before() != event.head {
            return Err(msg!("event-moved").to_string());
        }
        let seq = batch.record_step("recheck-entry", "", &json(&compared), "")?;
        if widen {
            let widened = Drawn {
                seed: String::new(),
                entries: everyone.clone(),
                plan: None,
            };
            batch.record_step("recheck-widen", "", &json(&widened), "")?;
        }
        Ok(seq)
    })?;
    let mut said = vec![msg!(
        "recheck-compared",
        rows = rows.len(),
        entries = compared.entries.len(),
        differences = compared.differences.len(),
        seq = seq
    )];
    said.extend(compared.differences.iter().map(|d| difference_line(d, shown)));
    let rate = after.rate().map_or("-".to_string(), |r| format!("{}%", r.round_dp(2).normalize()));
    said.push(msg!(
        "recheck-rate",
        rechecked = after.rechecked.len(),
        errors = after.with_errors(),
        rate = rate,
        pending = after.pending().len()
    ));
    if widen {
        said.push(msg!("recheck-widened", threshold = threshold.normalize(), count = everyone.len()));
    }
    Ok(said)
}

/// The rows that type a mark the file already gave, differently: which of
/// the two would the re-check be?
fn typed_twice(rows: &[(usize, crate::store::Cell, String)], file: &Path, shown: Shown) -> Vec<String> {
    let mut first: std::collections::HashMap<&crate::store::Cell, (usize, &str)> = std::collections::HashMap::new();
    let mut twice = Vec::new();
    for (line, cell, value) in rows {
        match first.get(cell) {
            Some((at, was)) if *was != value.as_str() => twice.push(
                msg!(
                    "recheck-twice-row",
                    file = file.display(),
                    line = line,
                    entry = shown.entry(&cell.entry),
                    criterion = cell.criterion,
                    judge = cell.judge,
                    first = at,
                    was = *was,
                    value = value
                )
                .to_string(),
            ),
            Some(_) => {}
            None => {
                first.insert(cell, (*line, value));
            }
        }
    }
    twice
}

/// The marks stored for the file's entries that the file leaves out, in
/// words. An entry counts as re-checked only with its whole sheet typed
/// again: otherwise a clerk could re-type a sampled entry's good marks,
/// leave out the bad one, and the entry would pass as checked.
fn missing_cells(store: &Store, rows: &[(usize, crate::store::Cell, String)], file: &Path, shown: Shown) -> Result<Vec<String>, String> {
    let typed: std::collections::HashSet<&crate::store::Cell> = rows.iter().map(|(_, cell, _)| cell).collect();
    let entries: std::collections::HashSet<&str> = rows.iter().map(|(_, cell, _)| cell.entry.as_str()).collect();
    let mut missing = Vec::new();
    store.current_marks(crate::store::Which::All, false, |cell, _| {
        if entries.contains(cell.entry.as_str()) && !typed.contains(&cell) {
            missing.push(cell);
        }
    })?;
    missing.sort();
    // Without the stored value: the re-check types what the sheet says, unprompted.
    Ok(missing
        .into_iter()
        .map(|cell| {
            msg!(
                "recheck-missing-cell",
                file = file.display(),
                entry = shown.entry(&cell.entry),
                criterion = cell.criterion,
                judge = cell.judge
            )
            .to_string()
        })
        .collect())
}

/// Every entry with marks not yet in the sample: a widened re-check's.
fn event_entries(store: &Store, progress: &Progress) -> Result<Vec<Sampled>, String> {
    let sampled: std::collections::HashSet<&str> = progress.sample.iter().map(|s| s.entry.as_str()).collect();
    let mut entries = std::collections::BTreeSet::new();
    store.current_marks(crate::store::Which::All, false, |cell, _| {
        if !sampled.contains(cell.entry.as_str()) {
            entries.insert(cell.entry);
        }
    })?;
    Ok(entries.into_iter().map(|entry| Sampled { entry, why: Why::All }).collect())
}

fn difference_line(d: &Difference, shown: Shown) -> Text {
    msg!(
        "recheck-difference",
        entry = shown.entry(&d.entry),
        criterion = d.criterion,
        judge = d.judge,
        stored = d.stored,
        rechecked = d.rechecked
    )
}

/// Where the re-check stands.
fn status(store: &Store, threshold: rust_decimal::Decimal, shown: Shown) -> Result<(), String> {
    let progress = Progress::read(&store.steps()?);
    let Some(record) = &progress.drawn else {
        println!("{}", msg!("recheck-not-drawn"));
        return Ok(());
    };
    println!(
        "{}",
        msg!(
            "recheck-status-drawn",
            count = progress.sample.len(),
            seq = record.seq,
            by = record.actor
        )
    );
    for sampled in &progress.sample {
        let done = progress.rechecked.contains(&sampled.entry);
        let mark = if done { "✓" } else { "…" };
        println!("  {mark} {}", sampled_line(sampled, shown));
    }
    let unresolved = progress.unresolved(store)?;
    for (_, d) in &progress.differences {
        let open = unresolved.contains(&d);
        let state = if open { msg!("recheck-open") } else { msg!("recheck-resolved") };
        println!("  {} — {state}", difference_line(d, shown));
    }
    let rate = progress
        .rate()
        .map_or("-".to_string(), |r| format!("{}%", r.round_dp(2).normalize()));
    println!(
        "{}",
        msg!(
            "recheck-rate",
            rechecked = progress.rechecked.len(),
            errors = progress.with_errors(),
            rate = rate,
            pending = progress.pending().len()
        )
    );
    println!(
        "{}",
        msg!(
            "recheck-threshold",
            threshold = threshold.normalize(),
            widened = if progress.widened { "yes" } else { "no" }
        )
    );
    Ok(())
}

fn json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).expect("plain structs serialise")
}
