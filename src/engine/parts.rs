//! Scoring a contest a part of its field at a time, as the marks are read
//! (`data::marks::load_in_parts`): each part's entries are scored by the
//! entry systems in a World of their own, their results moved into the
//! contest's World, and the part's marks let go. At national scale the
//! marks are the largest thing in memory, and so they are never all held.
//! The field systems (places, awards) then run over the whole field as
//! [`super::score`] runs them, and the results are the same.

use super::*;
use crate::data::{Mark, MarkSet};
use std::sync::Arc;

/// A contest being scored part by part.
pub struct PartScorer {
    /// The contest's inputs but for the marks, which come a part at a time.
    inputs: Inputs,
    /// The contest's World: every entry scored so far, in entry order.
    world: World,
    entities: Vec<Entity>,
    /// Every mark expected of the entries scored so far is in.
    complete: bool,
}

impl PartScorer {
    pub fn new(inputs: Inputs) -> PartScorer {
        PartScorer {
            entities: Vec::with_capacity(inputs.entries.list.len()),
            inputs,
            world: World::new(),
            complete: true,
        }
    }

    /// Scores the entries whose marks `part` holds: the run of the field
    /// after the entries scored so far. Gives back the part's vector of
    /// marks, emptied, for the next part to be gathered in.
    pub fn score(&mut self, part: MarkSet) -> Option<Vec<Mark>> {
        let entries = part.entries();
        assert_eq!(entries.start as usize, self.entities.len(), "parts come in the entries' order");
        let inputs = Inputs {
            marks: Arc::new(part),
            ..self.inputs.clone()
        };
        self.complete &= expected::marking_complete_of(&inputs, entries.clone());
        // A World of the part's own, let go whole once its results are
        // moved (despawning its entities one by one cost more than scoring).
        let mut part = World::new();
        spawn_unscored(&mut part, &inputs, entries);
        part.insert_resource(inputs);
        let mut entry_systems = one_by_one();
        entry_systems.add_systems(entry_systems_set());
        entry_systems.run(&mut part);
        self.move_scored(&mut part);
        let inputs = part.remove_resource::<Inputs>();
        drop_aside(part);
        Arc::try_unwrap(inputs?.marks).ok()?.into_emptied_pool()
    }

    /// Moves a part's scored entries into the contest's World, in entry
    /// order.
    fn move_scored(&mut self, part: &mut World) {
        let mut scored = part.query::<(
            &EntryIndex,
            &mut CriterionValues,
            &mut CategoryScores,
            &mut Total,
            &mut Flags,
            Option<&mut ElementResults>,
        )>();
        let mut moved: Vec<(EntryBundle, Option<ElementResults>)> = scored
            .iter_mut(part)
            .map(|(index, mut values, mut categories, mut total, mut flags, elements)| {
                let bundle = (
                    *index,
                    std::mem::take(&mut *values),
                    std::mem::take(&mut *categories),
                    std::mem::take(&mut *total),
                    std::mem::take(&mut *flags),
                    Standing::default(),
                    Awards::default(),
                );
                (bundle, elements.map(|mut e| std::mem::take(&mut *e)))
            })
            .collect();
        if !moved.is_sorted_by_key(|(bundle, _)| bundle.0 .0) {
            moved.sort_unstable_by_key(|(bundle, _)| bundle.0 .0);
        }
        let spawned: Vec<Entity> = if has_elements(&self.inputs) {
            let bundles = moved.into_iter().map(|(bundle, elements)| (bundle, elements.unwrap_or_default()));
            self.world.spawn_batch(bundles).collect()
        } else {
            self.world.spawn_batch(moved.into_iter().map(|(bundle, _)| bundle)).collect()
        };
        self.entities.extend(spawned);
    }

    /// Places and awards over the whole field, once every part is scored:
    /// the results `score` gives.
    pub fn finish(mut self) -> Results {
        assert_eq!(self.entities.len(), self.inputs.entries.list.len(), "every entry scored");
        let mut stopwatch = crate::timings::Stopwatch::start();
        add_field(&mut self.world, &self.inputs, self.entities);
        self.world.insert_resource(self.inputs.clone());
        let mut field_systems = one_by_one();
        field_systems.add_systems(field_systems_set());
        field_systems.run(&mut self.world);
        stopwatch.lap("field");
        let results = results_of(self.world, self.inputs, self.complete, true);
        stopwatch.lap("collect");
        results
    }
}
