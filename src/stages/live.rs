//! A contest run in stages kept scored for a live event. A changed mark
//! can change who reaches every later stage, so each change re-scores the
//! stages from the first: right for the thousands of entries an event in
//! stages has, not for a national single-stage contest (`LiveScores`).

use super::{inputs_of_stages, score};
use crate::data::Mark;
use crate::engine::{Inputs, Results};
use std::sync::Arc;

pub struct LiveStaged {
    inputs: Inputs,
    /// The classification as it stands.
    results: Results,
    /// The standings of the stage under way: the last with a ranked entry.
    current: Results,
    /// Each stage's inputs with the contest numbers of its entries, for
    /// what each stage still expects.
    stages: Vec<(Inputs, Vec<u32>)>,
    changed: bool,
}

impl LiveStaged {
    pub fn new(inputs: Inputs) -> LiveStaged {
        let (results, current, stages) = scored(&inputs);
        LiveStaged {
            inputs,
            results,
            current,
            stages,
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
            (self.results, self.current, self.stages) = scored(&self.inputs);
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

    /// Each stage's inputs and the contest numbers of its entries.
    pub fn stages(&self) -> &[(Inputs, Vec<u32>)] {
        &self.stages
    }
}

/// The classification, the standings of the stage under way, and what
/// each stage scored.
fn scored(inputs: &Inputs) -> (Results, Results, Vec<(Inputs, Vec<u32>)>) {
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
    let current = staged.stages[under_way].results.clone();
    (staged.classification, current, stages)
}
