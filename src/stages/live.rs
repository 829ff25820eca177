//! A contest run in stages kept scored for a live event. A changed mark
//! can change who reaches every later stage, so each change re-scores the
//! stages from the first: right for the thousands of entries an event in
//! stages has, not for a national single-stage contest (`LiveScores`).

use super::{inputs_of_stages, score, Reach};
use crate::data::Mark;
use crate::engine::{Inputs, Results};
use std::sync::Arc;

pub struct LiveStaged {
    inputs: Inputs,
    /// The classification as it stands.
    results: Results,
    /// The standings of the stage under way: the last with a ranked entry.
    current: Results,
    /// Which stage that is.
    under_way: usize,
    /// Each stage's inputs with the contest numbers of its entries, for
    /// what each stage still expects.
    stages: Vec<(Inputs, Vec<u32>)>,
    /// Who reached which stage: the cells judges' pages offer.
    reach: Arc<Reach>,
    changed: bool,
}

impl LiveStaged {
    pub fn new(inputs: Inputs) -> LiveStaged {
        let (results, (under_way, current), stages, reach) = scored(&inputs);
        LiveStaged {
            inputs,
            results,
            current,
            under_way,
            stages,
            reach,
            changed: false,
        }
    }

    pub fn inputs(&self) -> &Inputs {
        &self.inputs
    }

    pub fn set_mark(&mut self, entry: u32, mark: Mark) {
        Arc::make_mut(&mut self.inputs.marks).set(entry as usize, mark);
        self.changed = true;
    }

    pub fn rescore(&mut self) {
        if std::mem::take(&mut self.changed) {
            let (results, (under_way, current), stages, reach) = scored(&self.inputs);
            (self.results, self.under_way, self.current, self.stages, self.reach) = (results, under_way, current, stages, reach);
        }
    }

    /// The classification as it stands.
    pub fn results(&self) -> Results {
        self.results.clone()
    }

    /// The first `top` rows of the stage under way, as the hall shows
    /// them: its running totals while it is marked (the classification
    /// would list the finalists last until their first marks arrive).
    pub fn leading(&self, top: usize) -> Results {
        let mut results = self.current.clone();
        results.rows.truncate(top);
        results
    }

    /// The label of the stage under way.
    pub fn under_way(&self) -> &crate::contest::Label {
        &self.inputs.rules.stages[self.under_way].label
    }

    /// Who reached which stage, as the marks stand.
    pub fn reach(&self) -> Arc<Reach> {
        self.reach.clone()
    }

    /// Each stage's inputs and the contest numbers of its entries.
    pub fn stages(&self) -> &[(Inputs, Vec<u32>)] {
        &self.stages
    }
}

/// The last stage's standings carry the awards the classification gives
/// its entries (awards are decided on the classification, which ranks the
/// last stage's entries first, in its order), so the hall shows them.
fn with_final_awards(last: &mut Results, staged: &super::Staged) {
    let stage = staged.stages.last().expect("a contest in stages has one");
    let classification = &staged.classification;
    let mut awards_of: Vec<&[(u16, u16)]> = vec![&[]; classification.inputs.entries.list.len()];
    for row in &classification.rows {
        awards_of[row.entry as usize] = &row.awards;
    }
    for row in &mut last.rows {
        row.awards = awards_of[stage.entries[row.entry as usize] as usize].into();
    }
    // The stage's own rules decide no awards; its board names them by the contest's.
    let mut rules = (*last.inputs.rules).clone();
    rules.contest.awards = classification.inputs.rules.contest.awards.clone();
    last.inputs.rules = Arc::new(rules);
}

/// What a scoring keeps: the classification, the standings of the stage
/// under way, what each stage scored, who reached which stage.
type Scored = (Results, (usize, Results), Vec<(Inputs, Vec<u32>)>, Arc<Reach>);

/// The classification, the standings of the stage under way, what each
/// stage scored, and who reached which stage.
fn scored(inputs: &Inputs) -> Scored {
    let staged = score(inputs.clone(), &[]);
    let stages = inputs_of_stages(inputs, &staged)
        .into_iter()
        .zip(staged.stages.iter().map(|s| s.entries.clone()))
        .collect();
    let under_way = staged
        .stages
        .iter()
        .rposition(|stage| stage.results.rows.iter().any(|row| row.standing.overall.is_some()))
        .unwrap_or(0);
    let mut current = staged.stages[under_way].results.clone();
    if under_way + 1 == staged.stages.len() {
        with_final_awards(&mut current, &staged);
    }
    let reach = Arc::new(Reach::from_staged(&inputs.rules, &staged));
    (staged.classification, (under_way, current), stages, reach)
}
