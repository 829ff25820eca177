//! `podium status`: what the chief judge has to chase — how complete the
//! marks are per criterion, judge and entry, which marks are missing, and
//! which entries are flagged (spread, incomplete, substituted, vetoed).

use crate::data::NO_JUDGE;
use crate::engine::Flag;
use crate::load::load_with;
use crate::output::flag_text;
use crate::say;
use std::collections::BTreeMap;
use std::path::Path;

/// Missing marks listed by name, at most.
const LISTED: usize = 30;

pub fn run(contest: &Path, lang: crate::contest::Lang) -> Result<(), String> {
    let inputs = load_with(contest, None, true).map_err(|p| p.to_string())?;
    for warning in crate::load::left_out(&inputs, None).0 {
        eprintln!("{warning}");
    }
    let (rules, entries) = (&inputs.rules, &inputs.entries);
    // Judges and clerks chase marks by code when judging is blind.
    let names = crate::blind::EntryNames::of(rules, &crate::load::Sources::of(rules, None).store)?;
    // (criterion key, judge id) → (expected, present); and the missing cells.
    let no_judge = say!(lang, "status-no-judge");
    // A contest run in stages expects each stage's marks of the entries that reached it.
    let counted: Vec<(crate::engine::Inputs, Vec<u32>)> = if rules.stages.is_empty() {
        vec![(inputs.clone(), (0..entries.list.len() as u32).collect())]
    } else {
        let staged = crate::stages::score(inputs.clone(), &[]);
        crate::stages::inputs_of_stages(&inputs, &staged)
            .into_iter()
            .zip(staged.stages.iter().map(|s| s.entries.clone()))
            .collect()
    };
    let mut by_criterion: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut by_judge: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut missing: Vec<String> = Vec::new();
    let mut missing_count = 0usize;
    let mut short: std::collections::BTreeSet<u32> = std::collections::BTreeSet::new();
    for (stage_inputs, numbers) in &counted {
        let stage_rules = &stage_inputs.rules;
        crate::engine::expected_marks(stage_inputs, |e, c, element, judge, found| {
            let rule = &stage_rules.criteria[c];
            let judge_id = if judge == NO_JUDGE {
                no_judge.as_str()
            } else {
                stage_rules.judge_id(judge)
            };
            for (key, tally) in [(rule.key.as_str(), &mut by_criterion), (judge_id, &mut by_judge)] {
                let counts = tally.entry(key).or_default();
                counts.0 += 1;
                counts.1 += usize::from(found);
            }
            if found {
                return true;
            }
            missing_count += 1;
            let entry = numbers[e as usize];
            short.insert(entry);
            if missing.len() < LISTED {
                let shown = names.shown(&entries.list[entry as usize].id);
                missing.push(if element > 0 {
                    say!(
                        lang,
                        "status-missing-element",
                        entry = shown,
                        criterion = rule.key,
                        element = element,
                        judge = judge_id
                    )
                } else {
                    say!(lang, "status-missing", entry = shown, criterion = rule.key, judge = judge_id)
                });
            }
            true
        });
    }
    let entries_missing = short.len();
    let expected: usize = by_criterion.values().map(|t| t.0).sum();
    let percent = |(expected, present): (usize, usize)| {
        if expected == 0 {
            100.0
        } else {
            present as f64 * 100.0 / expected as f64
        }
    };
    println!("{} — {}", rules.contest.name.get(lang), rules.contest.id);
    let (done, total) = (expected - missing_count, entries.list.len());
    let share = percent((expected, done));
    let share = format!("{share:.1}");
    println!(
        "{}",
        say!(
            lang,
            "status-marks",
            expected = expected,
            done = done,
            share = share,
            total = total,
            missing = entries_missing
        )
    );
    let store = crate::store::Store::open_existing(&crate::load::Sources::of(rules, None).store).map_err(|e| e.to_string())?;
    if let Some(store) = store {
        let state = store.state()?;
        let locked: Vec<String> = state
            .locked
            .iter()
            .map(|(scope, seq)| {
                say!(
                    lang,
                    "status-scope",
                    scope = crate::lock::Scope::described(scope).in_lang(lang),
                    seq = seq
                )
            })
            .collect();
        if rules.contest.marking.double_entry {
            let mut unconfirmed: Vec<String> = Vec::new();
            let mut count = 0;
            store.current_marks(crate::store::Which::Unconfirmed, true, |cell, value| {
                count += 1;
                if unconfirmed.len() < LISTED {
                    unconfirmed.push(format!("{} {} {} = {value}", names.shown(&cell.entry), cell.criterion, cell.judge));
                }
            })?;
            if rules.contest.marking.count_unconfirmed {
                println!("{}", say!(lang, "status-unconfirmed-counted", count = count));
            } else {
                println!("{}", say!(lang, "status-unconfirmed", count = count));
            }
            for line in &unconfirmed {
                println!("  {}", crate::text::shown(line));
            }
        }
        match (state.published, locked.is_empty()) {
            (Some(seq), _) => println!("{}", say!(lang, "status-published", seq = seq)),
            (None, true) => println!("{}", say!(lang, "status-open")),
            (None, false) => println!(
                "{}",
                say!(
                    lang,
                    "status-locked",
                    scopes = crate::text::shown(&locked.join(say!(lang, "status-list-separator").as_str()))
                )
            ),
        }
    }
    if rules.workflow.is_some() {
        if let Some(store) = crate::store::Store::open_existing(&crate::load::Sources::of(rules, None).store)? {
            for line in crate::event::Event::read(&store, rules)?.summary() {
                println!("{}", line.in_lang(lang));
            }
        }
    }
    println!("\n{}", say!(lang, "status-by-criterion"));
    for (key, counts) in &by_criterion {
        println!("  {key:<28} {:>8} / {:<8} {:5.1}%", counts.1, counts.0, percent(*counts));
    }
    println!("\n{}", say!(lang, "status-by-judge"));
    for (judge, counts) in &by_judge {
        println!("  {judge:<28} {:>8} / {:<8} {:5.1}%", counts.1, counts.0, percent(*counts));
    }
    if missing_count > 0 {
        println!("\n{}", say!(lang, "status-missing-heading", count = missing_count));
        for cell in &missing {
            println!("  {cell}");
        }
        if missing_count > missing.len() {
            println!("  {}", say!(lang, "status-more", count = missing_count - missing.len()));
        }
    }
    // Flags come from scoring what is there.
    let flagged_entries = crate::stages::scrutinise(inputs.clone()).flagged;
    // Zeros standing in for marks are not missing marks above: said apart.
    let filled = flagged_entries
        .iter()
        .flat_map(|(_, _, flags)| flags)
        .filter(|f| matches!(f, Flag::FilledZero { .. }))
        .count();
    if filled > 0 {
        println!("\n{}", say!(lang, "status-filled-zero", count = filled));
    }
    let mut flagged = 0;
    for (entry, flag_rules, flags) in flagged_entries {
        let worth_chasing: Vec<&Flag> = flags
            .iter()
            .filter(|f| !matches!(f, Flag::Incomplete { .. }) || missing_count == 0)
            .collect();
        if worth_chasing.is_empty() {
            continue;
        }
        if flagged == 0 {
            println!("\n{}", say!(lang, "status-flagged"));
        }
        flagged += 1;
        if flagged <= LISTED {
            let id = names.shown(&entries.list[entry as usize].id);
            let texts: Vec<String> = worth_chasing.iter().map(|f| flag_text(&flag_rules, f, lang)).collect();
            println!("  {id}: {}", texts.join("; "));
        }
    }
    if flagged > LISTED {
        println!("  {}", say!(lang, "status-more-entries", count = flagged - LISTED));
    }
    Ok(())
}
