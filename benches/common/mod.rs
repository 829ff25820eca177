//! What the benchmarks share: generated contests.

use podium::engine::Inputs;
use std::path::PathBuf;

/// A generated contest, made once per size under target/bench-data.
pub fn contest(entries: u32) -> Inputs {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-data/e{entries}"));
    if !dir.join("marks.csv").exists() {
        let cli = <podium::cli::Cli as clap::Parser>::parse_from([
            "podium",
            "gen",
            dir.to_str().unwrap(),
            "--entries",
            &entries.to_string(),
            "--criteria",
            "20",
            "--judges",
            "5",
            "--seed",
            "1",
        ]);
        assert_eq!(podium::cli::run(cli), 0);
    }
    podium::load::load(&dir, None).expect("the generated contest loads")
}

/// The generated contest run in three stages: quality and safety first (the
/// better half goes on), then efficiency and innovation carrying the first
/// stage whole (the better half again), then conduct carrying the second.
/// Each entry keeps only the marks of the stages it reaches, as at a real
/// event: about 6.5 marks in 10 of the one-stage contest's.
#[allow(dead_code)]
pub fn staged(entries: u32) -> Inputs {
    let flat = contest(entries);
    let contest = flat.rules.contest.clone();
    let stages = [
        ("first", vec!["quality", "safety"]),
        ("second", vec!["efficiency", "innovation"]),
        ("final", vec!["conduct"]),
    ];
    in_stages(&flat, contest, &stages, |round, mark| (round == 0).then_some(*mark))
}

/// The generated contest run in three stages that each mark all twenty
/// criteria again (as rounds of a judged event do), the better half going
/// on each time: each entry-stage has the one-stage contest's hundred marks,
/// so its time per mark shows what running in stages costs. Each stage's
/// marks are the one-stage marks again.
#[allow(dead_code)]
pub fn staged_in_full(entries: u32) -> Inputs {
    let flat = contest(entries);
    let mut contest = flat.rules.contest.clone();
    let ids: Vec<String> = contest.categories.iter().map(|c| c.id.clone()).collect();
    let again = |round: &str| -> Vec<podium::contest::Category> {
        let categories = flat.rules.contest.categories.iter();
        categories
            .map(|c| podium::contest::Category {
                id: format!("{}_{round}", c.id),
                ..c.clone()
            })
            .collect()
    };
    let (second, last) = (again("2"), again("3"));
    contest.categories.extend(second.iter().cloned().chain(last.iter().cloned()));
    let named = |categories: &[podium::contest::Category]| categories.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
    let stages = [("first", ids.clone()), ("second", named(&second)), ("final", named(&last))];
    let criteria = flat.rules.criteria.len() as u16;
    in_stages(&flat, contest, &stages, move |round, mark| {
        Some(podium::data::Mark {
            slot: mark.slot + criteria * round as u16,
            ..*mark
        })
    })
}

/// `contest` with the `stages` given as (id, categories), each taking the
/// better half of the one before and carrying its total; each entry's
/// marks of `flat` made into those of each stage by `mark_of(stage, mark)`,
/// and kept for the stages it reaches.
fn in_stages<S: AsRef<str>>(
    flat: &Inputs,
    mut contest: podium::contest::Contest,
    stages: &[(&str, Vec<S>)],
    mark_of: impl Fn(usize, &podium::data::Mark) -> Option<podium::data::Mark>,
) -> Inputs {
    use podium::contest::{Advance, AdvanceRule, Label, Number, Rules, Stage, TieBreak};
    use podium::data::{ElementData, Mark, MarkSet};
    use rust_decimal::Decimal;
    let entries = flat.entries.list.len() as u32;
    contest.total_max = None;
    contest.ranking.tie_breaks.clear();
    let half = || Advance {
        rule: AdvanceRule::Share(Number(Decimal::from(50))),
        cap: None,
    };
    let last = stages.len() - 1;
    contest.stages = stages
        .iter()
        .enumerate()
        .map(|(i, (id, categories))| Stage {
            id: id.to_string(),
            label: Label {
                zh: id.to_string(),
                en: id.to_string(),
            },
            categories: categories.iter().map(|c| c.as_ref().to_string()).collect(),
            takes: None,
            carry: (i > 0)
                .then(|| (stages[i - 1].0.to_string(), Number(Decimal::ONE_HUNDRED)))
                .into_iter()
                .collect(),
            total_max: None,
            tie_breaks: vec![TieBreak::Category(categories[0].as_ref().into())],
            vetoes: Vec::new(),
            advance: (i < last).then(half),
        })
        .collect();
    let rules = Rules::compile(contest, flat.rules.path.clone(), flat.rules.source.clone()).expect("the staged contest compiles");
    let stage_of_category: Vec<usize> = rules
        .categories
        .iter()
        .map(|c| rules.contest.stages.iter().position(|s| s.categories.contains(&c.id)).unwrap())
        .collect();
    let every_mark: Vec<(u32, Mark)> = (0..entries)
        .flat_map(|e| {
            let mark_of = &mark_of;
            (0..stages.len()).flat_map(move |round| {
                flat.marks
                    .of_entry(e as usize)
                    .iter()
                    .filter_map(move |m| mark_of(round, m).map(|m| (e, m)))
            })
        })
        .collect();
    let all_marks = MarkSet::from_entry_marks(every_mark, entries as usize).expect("no cell twice");
    let all = Inputs::new(rules, (*flat.entries).clone(), all_marks, ElementData::default());
    let reached = podium::stages::score(all.clone(), &[]);
    let (rules, stage_of_category) = (&all.rules, &stage_of_category);
    let kept: Vec<(u32, Mark)> = (0..entries)
        .flat_map(|e| {
            let last = reached.reached(e).unwrap_or(0);
            all.marks.of_entry(e as usize).iter().filter_map(move |m| {
                let category = rules.criteria[rules.slots[m.slot as usize].criterion as usize].category;
                (stage_of_category[category] <= last).then_some((e, *m))
            })
        })
        .collect();
    let mut inputs = all.clone();
    inputs.marks = std::sync::Arc::new(MarkSet::from_entry_marks(kept, entries as usize).unwrap());
    inputs
}
