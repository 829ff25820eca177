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
    use podium::contest::{Advance, AdvanceRule, Label, Number, Rules, Stage, TieBreak};
    use podium::data::{ElementData, Mark, MarkSet};
    use rust_decimal::Decimal;
    let flat = contest(entries);
    let mut contest = flat.rules.contest.clone();
    contest.total_max = None;
    contest.ranking.tie_breaks.clear();
    let half = || Advance {
        rule: AdvanceRule::Share(Number(Decimal::from(50))),
        cap: None,
    };
    let stage = |id: &str, categories: &[&str], carry: Option<&str>, advance: Option<Advance>| Stage {
        id: id.into(),
        label: Label {
            zh: id.into(),
            en: id.into(),
        },
        categories: categories.iter().map(|c| c.to_string()).collect(),
        takes: None,
        carry: carry.map(|c| (c.to_string(), Number(Decimal::ONE_HUNDRED))).into_iter().collect(),
        total_max: None,
        tie_breaks: vec![TieBreak::Category(categories[0].into())],
        vetoes: Vec::new(),
        advance,
    };
    contest.stages = vec![
        stage("first", &["quality", "safety"], None, Some(half())),
        stage("second", &["efficiency", "innovation"], Some("first"), Some(half())),
        stage("final", &["conduct"], Some("second"), None),
    ];
    let rules = Rules::compile(contest, flat.rules.path.clone(), flat.rules.source.clone()).expect("the staged contest compiles");
    let stage_of_category: Vec<usize> = rules
        .categories
        .iter()
        .map(|c| rules.contest.stages.iter().position(|s| s.categories.contains(&c.id)).unwrap())
        .collect();
    let all = Inputs::new(rules, (*flat.entries).clone(), (*flat.marks).clone(), ElementData::default());
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
