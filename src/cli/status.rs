//! `podium status`: what the chief judge has to chase — how complete the
//! marks are per criterion, judge and entry, which marks are missing, and
//! which entries are flagged (spread, incomplete, substituted, vetoed).

use crate::contest::{KindRule, Missing};
use crate::data::{RowChecker, NO_JUDGE};
use crate::engine::{score, Flag};
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
    let (rules, entries, marks) = (&inputs.rules, &inputs.entries, &inputs.marks);
    let checker = RowChecker::new(rules, entries);
    // Judges and clerks chase marks by code when judging is blind.
    let names = crate::blind::EntryNames::of(rules, &crate::load::Sources::of(rules, None).store)?;
    // (criterion key, judge id) → (expected, present); and the missing cells.
    let no_judge = say!(lang, "status-no-judge");
    let mut by_criterion: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut by_judge: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut missing: Vec<String> = Vec::new();
    let mut missing_count = 0usize;
    let mut entries_missing = 0usize;
    for (e, entry) in entries.list.iter().enumerate() {
        let present = marks.of_entry(e);
        let before = missing_count;
        for (c, rule) in rules.criteria.iter().enumerate() {
            // Formulas take no marks; an absent count or flag is a zero, not a gap.
            if matches!(rule.kind, KindRule::Formula(_)) || rule.missing == Missing::Zero {
                continue;
            }
            // The entry's own panel: who stands aside is not expected, a reserve in their seat is.
            let judges: Vec<u16> = if rule.judges.is_empty() {
                vec![NO_JUDGE]
            } else {
                checker.panels().seated(rules, c, e as u32).into_owned()
            };
            for element in 0..rule.slot_count {
                let slot = rule.first_slot + element as u16;
                for &judge in &judges {
                    // A record without a named judge may come from anyone.
                    let found = present.iter().any(|m| m.slot == slot && (judge == NO_JUDGE || m.judge == judge));
                    let judge_id = if judge == NO_JUDGE {
                        no_judge.as_str()
                    } else {
                        rules.judge_id(judge)
                    };
                    for (key, tally) in [(rule.key.as_str(), &mut by_criterion), (judge_id, &mut by_judge)] {
                        let counts = tally.entry(key).or_default();
                        counts.0 += 1;
                        counts.1 += usize::from(found);
                    }
                    if !found {
                        missing_count += 1;
                        if missing.len() < LISTED {
                            let shown = names.shown(&entry.id);
                            missing.push(if matches!(rule.kind, KindRule::Elements { .. }) {
                                say!(
                                    lang,
                                    "status-missing-element",
                                    entry = shown,
                                    criterion = rule.key,
                                    element = element + 1,
                                    judge = judge_id
                                )
                            } else {
                                say!(lang, "status-missing", entry = shown, criterion = rule.key, judge = judge_id)
                            });
                        }
                    }
                }
            }
        }
        entries_missing += usize::from(missing_count > before);
    }
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
    let results = score(inputs.clone(), &[]);
    let mut flagged = 0;
    for row in &results.rows {
        let worth_chasing: Vec<&Flag> = row
            .flags
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
            let id = names.shown(&entries.list[row.entry as usize].id);
            let texts: Vec<String> = worth_chasing.iter().map(|f| flag_text(rules, f, lang)).collect();
            println!("  {id}: {}", texts.join("; "));
        }
    }
    if flagged > LISTED {
        println!("  {}", say!(lang, "status-more-entries", count = flagged - LISTED));
    }
    Ok(())
}
