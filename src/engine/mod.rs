//! The engine: a bevy_ecs World with one entity per entry, and a Schedule
//! of named rule systems run in the order stated once in `scoring_schedule`.
//! Systems iterate entries in parallel; nothing they compute depends on the
//! number of threads or the order entities are visited.

pub mod awards;
pub mod components;
pub mod criteria;
pub mod exact;
mod expected;
pub mod panel;
mod parts;
pub mod rank;
pub mod round;
pub mod teams;
pub mod totals;

pub use components::*;
pub use expected::{entry_complete, expected_marks, marking_complete, marks_each_entry_expects};
pub use parts::PartScorer;

use bevy_ecs::prelude::*;
use bevy_ecs::query::{IterQueryData, QueryFilter, QueryItem};
use bevy_ecs::schedule::SingleThreadedExecutor;
use rayon::prelude::*;
use rust_decimal::Decimal;

/// The scoring rules in their one order: criteria by kind (formulas last,
/// as they read the others), then categories, vetoes, the total, teams'
/// totals from their members, ranks and awards.
pub fn scoring_schedule() -> Schedule {
    let mut schedule = one_by_one();
    schedule.add_systems((entry_systems_set(), field_systems_set()).chain());
    schedule
}

/// A schedule whose systems run one after another; each is parallel inside.
fn one_by_one() -> Schedule {
    let mut schedule = Schedule::default();
    schedule.set_executor(SingleThreadedExecutor::new());
    schedule
}

/// What each entry's own marks decide: its criteria, categories and total.
fn entry_systems_set() -> bevy_ecs::schedule::ScheduleConfigs<bevy_ecs::system::ScheduleSystem> {
    (
        criteria::score_judgements,
        criteria::score_measurements,
        criteria::score_deductions_and_bonuses,
        criteria::score_gates_and_flags,
        criteria::score_elements,
        criteria::evaluate_formulas,
        totals::sum_categories,
        totals::apply_vetoes,
        totals::weigh_total,
    )
        .chain()
}

/// What the whole field decides: teams' totals, places and awards.
fn field_systems_set() -> bevy_ecs::schedule::ScheduleConfigs<bevy_ecs::system::ScheduleSystem> {
    (
        teams::combine_team_members,
        rank::rank_entries,
        teams::rank_teams,
        awards::decide_awards,
        teams::decide_team_awards,
    )
        .chain()
}

/// One entry's result, as every output reads it. Its lists are boxed
/// slices, a word smaller than vectors: a national field's rows live
/// beside the World they are moved out of, so each byte of a row is a
/// megabyte of the run's peak.
#[derive(Debug, Clone)]
pub struct ResultRow {
    pub entry: u32,
    pub values: Box<[MaybeDecimal]>,
    pub categories: Box<[MaybeDecimal]>,
    pub total: Option<Decimal>,
    pub flags: Box<[Flag]>,
    pub standing: Standing,
    pub awards: Box<[(u16, u16)]>,
    /// Each element of the entry's element criteria, in the contest's order.
    pub elements: Box<[ElementResult]>,
    pub trace: Box<[Words]>,
}

/// A team's result, when the contest combines teams from members.
#[derive(Debug, Clone)]
pub struct TeamRow {
    pub name: Box<str>,
    pub members: Vec<u32>,
    pub categories: Vec<MaybeDecimal>,
    pub total: Option<Decimal>,
    pub place: Option<Place>,
    pub awards: Vec<(u16, u16)>,
}

/// Every entry's result, best first; unranked (incomplete) entries last.
/// `teams` likewise, for contests that combine teams from members.
#[derive(Clone)]
pub struct Results {
    pub inputs: Inputs,
    pub rows: Vec<ResultRow>,
    pub teams: Vec<TeamRow>,
    /// Every mark the contest expects is in ([`marking_complete`]); until
    /// then the awards are provisional.
    pub complete: bool,
}

/// Entries handed to rayon at a time: enough to keep every core busy,
/// few enough that the borrowed items take little memory at a million entries.
const CHUNK: usize = 8192;

/// Runs `each` on every item of `query` in parallel on rayon's pool (the
/// one pool all of podium's parallel work shares, so two pools never fight
/// over the cores), a chunk of entries at a time.
pub fn par_for_each<'s, D, F>(query: &mut Query<'_, 's, D, F>, each: impl Fn(QueryItem<'_, 's, D>) + Sync)
where
    D: IterQueryData,
    F: QueryFilter,
    for<'a> QueryItem<'a, 's, D>: Send,
{
    let mut items = query.iter_mut();
    loop {
        let chunk: Vec<_> = items.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        chunk.into_par_iter().for_each(&each);
    }
}

/// Builds the World, one entity per entry; `traced` entries record each step.
pub fn build_world(inputs: &Inputs, traced: &[u32]) -> World {
    let mut world = World::new();
    world.insert_resource(inputs.clone());
    let entities = spawn_unscored(&mut world, inputs, 0..inputs.entries.list.len() as u32);
    for &entry in traced {
        world.entity_mut(entities[entry as usize]).insert(Trace::default());
    }
    add_field(&mut world, inputs, entities);
    world
}

/// What the field systems read beside the entries (`entities`, each
/// entry's by its index): the kept order, and the teams.
fn add_field(world: &mut World, inputs: &Inputs, entities: Vec<Entity>) {
    let categories = inputs.rules.categories.len();
    world.insert_resource(EntryEntities(entities));
    world.insert_resource(rank::Ranking::default());
    world.spawn_batch(teams(inputs).into_iter().map(|team| {
        (
            team,
            CategoryScores(vec![MaybeDecimal::NONE; categories]),
            Total::default(),
            Standing::default(),
            Awards::default(),
        )
    }));
}

/// An entry's components.
type EntryBundle = (EntryIndex, CriterionValues, CategoryScores, Total, Flags, Standing, Awards);

/// Spawns entries before scoring. Only a contest with element criteria
/// gives them room for their elements' results: at national scale an empty
/// vector per entry is memory for nothing.
fn spawn_unscored(world: &mut World, inputs: &Inputs, entries: impl Iterator<Item = u32>) -> Vec<Entity> {
    if has_elements(inputs) {
        let bundles = entries.map(|e| (unscored(e), ElementResults::default()));
        world.spawn_batch(bundles).collect()
    } else {
        world.spawn_batch(entries.map(unscored)).collect()
    }
}

/// Whether the contest has element criteria, whose entries have room for
/// their elements' results.
fn has_elements(inputs: &Inputs) -> bool {
    let criteria = inputs.rules.criteria.iter();
    criteria
        .clone()
        .any(|c| matches!(c.kind, crate::contest::KindRule::Elements { .. }))
}

/// An entry's components before scoring: its values are given room as it
/// is scored (`components::with_room`).
fn unscored(entry: u32) -> EntryBundle {
    (
        EntryIndex(entry),
        CriterionValues::default(),
        CategoryScores::default(),
        Total::default(),
        Flags::default(),
        Standing::default(),
        Awards::default(),
    )
}

/// The contest's teams: entries grouped by the team field (an empty value
/// means no team), in order of first appearance.
fn teams(inputs: &Inputs) -> Vec<teams::TeamMembers> {
    let entries = &inputs.entries;
    let Some(column) = inputs.rules.contest.teams.as_ref().and_then(|t| entries.field_index(&t.field)) else {
        return Vec::new();
    };
    let mut found: Vec<teams::TeamMembers> = Vec::new();
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (e, entry) in entries.list.iter().enumerate() {
        let name = entries.value(entry, column);
        if name.is_empty() {
            continue;
        }
        let t = *index.entry(name).or_insert_with(|| {
            found.push(teams::TeamMembers {
                name: name.into(),
                members: Vec::new(),
            });
            found.len() - 1
        });
        found[t].members.push(e as u32);
    }
    found
}

/// Scores every entry. `traced` entries carry the trace `explain` prints.
///
/// Once ranked, marks that nobody else holds are let go (at national scale
/// they are the largest thing in memory): keep a clone of `inputs` to read
/// them afterwards. An explanation keeps them, as its tie-breaks need them.
pub fn score(inputs: Inputs, traced: &[u32]) -> Results {
    let mut stopwatch = crate::timings::Stopwatch::start();
    let mut world = build_world(&inputs, traced);
    stopwatch.lap("world");
    scoring_schedule().run(&mut world);
    stopwatch.lap("schedule");
    // Asked before the marks are let go.
    let complete = marking_complete(&inputs);
    stopwatch.lap("complete");
    let results = results_of(world, inputs, complete, traced.is_empty());
    stopwatch.lap("collect");
    results
}

/// The results out of a World scored; `untraced`: the marks, if nobody
/// else holds them, are let go first.
fn results_of(mut world: World, mut inputs: Inputs, complete: bool, untraced: bool) -> Results {
    // Nothing changes after this: the kept order is of no more use.
    world.remove_resource::<rank::Ranking>();
    world.remove_resource::<Inputs>();
    if untraced && std::sync::Arc::strong_count(&inputs.marks) == 1 {
        drop_aside(std::mem::take(&mut inputs.marks));
    }
    // The rows are made beside the World: the run's peak. In a large field,
    // whatever was freed before (the parts' Worlds and marks, the ranking)
    // goes back first.
    if inputs.entries.list.len() >= GIVE_BACK_FROM {
        give_back_freed_memory();
    }
    let results = collect(inputs, complete, &mut world);
    drop_aside(world);
    results
}

/// The entries from which a field's freed memory is handed back before its
/// rows are made. In a province's field (100,000 entries) it costs more
/// than it gives: 10 ms more to make the rows (16 -> 26 ms), 30 ms in A/B
/// runs of 0.66 s, for a few megabytes.
const GIVE_BACK_FROM: usize = 500_000;

/// Hands the pages of freed memory back to the system. glibc keeps what a
/// program frees in its arenas for reuse, as holes between what is still
/// held: at national scale 40 to 150 MB of them, more or less from run to
/// run as the threads' timing falls (peaks of 0.99 to 1.11 GB; 955-958 MB
/// every run once handed back, at a cost of 5 ms).
fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages to the system; it may be
    // called at any time from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Frees `value` on a thread of its own: at scale, a World or a contest's
/// results take a twentieth of the run to free, which nobody need wait for
/// (a command's process ends first, handing all its memory back at once).
/// Where no thread can be had, it is freed here.
pub fn drop_aside<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new().spawn(move || drop(value));
}

/// Moves each entry's result out of the World (no copies: at scale the
/// World's vectors are most of the memory).
fn collect(inputs: Inputs, complete: bool, world: &mut World) -> Results {
    let (rows, teams) = gather(world, true);
    Results {
        inputs,
        rows,
        teams,
        complete,
    }
}

/// What a result row is read from.
type RowQuery = (
    &'static EntryIndex,
    &'static mut CriterionValues,
    &'static mut CategoryScores,
    &'static Total,
    &'static mut Flags,
    &'static mut Standing,
    &'static mut Awards,
    Option<&'static mut ElementResults>,
    Option<&'static mut Trace>,
);

/// One entry's result: moved out of its components (`take`) or copied.
/// Either way the components are not marked changed: a copy must not make
/// the next live re-scoring think these entries moved.
fn result_row(
    (index, mut values, mut categories, total, mut flags, mut standing, mut awards, elements, trace): bevy_ecs::query::QueryItem<
        '_,
        '_,
        RowQuery,
    >,
    take: bool,
) -> ResultRow {
    fn out<T: Default + Clone>(mut value: Mut<T>, take: bool) -> T {
        let value = value.bypass_change_detection();
        if take {
            std::mem::take(value)
        } else {
            value.clone()
        }
    }
    let mut flags = out(flags.reborrow(), take).0;
    flags.sort();
    ResultRow {
        entry: index.0,
        values: out(values.reborrow(), take).0.into(),
        categories: out(categories.reborrow(), take).0.into(),
        total: total.0,
        flags: flags.into(),
        standing: out(standing.reborrow(), take),
        awards: out(awards.reborrow(), take).0.into(),
        elements: elements.map(|e| out(e, take).0.into()).unwrap_or_default(),
        trace: trace.map(|t| out(t, take).in_order().into()).unwrap_or_default(),
    }
}

/// Result rows best first; unranked (incomplete) entries last.
///
/// Their order is sorted first, then the rows are put in it where they
/// are, each cycle of the permutation followed with swaps: sorting the
/// rows themselves (two hundred bytes each) moved each a dozen times, and
/// moving them into a new vector touched that much fresh memory (two
/// thirds of gathering the results).
fn best_first(mut rows: Vec<ResultRow>) -> Vec<ResultRow> {
    let mut order: Vec<(u32, u32, u32)> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.standing.overall.map_or(u32::MAX, |p| p.rank), r.entry, i as u32))
        .collect();
    // Each row's entry is its own: no two keys are equal.
    order.par_sort_unstable();
    // Place p takes the row now at `from[p]`; a place done points at itself.
    let mut from: Vec<u32> = order.into_iter().map(|(_, _, i)| i).collect();
    for start in 0..from.len() {
        let mut place = start;
        loop {
            let next = from[place] as usize;
            from[place] = place as u32;
            if next == start {
                break;
            }
            rows.swap(place, next);
            place = next;
        }
    }
    rows
}

/// Each entry's and team's result, best first: moved out of the World
/// (`take`) or copied, leaving it as it was.
fn gather(world: &mut World, take: bool) -> (Vec<ResultRow>, Vec<TeamRow>) {
    let rows: Vec<ResultRow> = world
        .query::<RowQuery>()
        .iter_mut(world)
        .map(|item| result_row(item, take))
        .collect();
    (best_first(rows), team_rows(world))
}

/// Each team's result, best first.
fn team_rows(world: &mut World) -> Vec<TeamRow> {
    let mut teams = world.query::<(&teams::TeamMembers, &CategoryScores, &Total, &Standing, &Awards)>();
    let mut teams: Vec<TeamRow> = teams
        .iter(world)
        .map(|(team, categories, total, standing, awards)| TeamRow {
            name: team.name.clone(),
            members: team.members.clone(),
            categories: categories.0.clone(),
            total: total.0,
            place: standing.overall,
            awards: awards.0.clone(),
        })
        .collect();
    teams.sort_by(|a, b| (a.place.map_or(u32::MAX, |p| p.rank), &a.name).cmp(&(b.place.map_or(u32::MAX, |p| p.rank), &b.name)));
    teams
}

/// A contest kept scored in memory for a live event: a changed mark
/// re-scores only its entry (the same systems, in a World of the changed
/// entries alone), then places and awards over the whole field.
pub struct LiveScores {
    world: World,
    /// Where changed entries are scored (a schedule keeps to one World).
    scratch: World,
    entry_systems: Schedule,
    field_systems: Schedule,
    /// Entries whose marks changed since the last `rescore`.
    changed: Vec<u32>,
    /// By entry: whether every mark it is expected to have is in; and how
    /// many are not, kept as marks arrive (asked for every board the hall
    /// and desk are sent, over the whole field it cost tens of
    /// milliseconds a mark at province scale).
    complete: Vec<bool>,
    incomplete: usize,
}

impl LiveScores {
    pub fn new(mut inputs: Inputs) -> LiveScores {
        // Room for as many marks again, so that new marks arriving never copy the pool.
        let marks = std::sync::Arc::make_mut(&mut inputs.marks);
        marks.reserve(marks.marks.len().max(4096));
        let mut world = build_world(&inputs, &[]);
        let complete: Vec<bool> = {
            use rayon::prelude::*;
            (0..inputs.entries.list.len() as u32)
                .into_par_iter()
                .map(|e| entry_complete(&inputs, e))
                .collect()
        };
        let incomplete = complete.iter().filter(|&&c| !c).count();
        // The World holds the only copy of the marks, so changing them copies nothing.
        drop(inputs);
        let (mut entry_systems, mut field_systems) = (one_by_one(), one_by_one());
        entry_systems.add_systems(entry_systems_set());
        field_systems.add_systems(field_systems_set());
        // Every entry scored once here (changed ones later in `scratch`,
        // which the kept entry systems belong to) ...
        let mut first = one_by_one();
        first.add_systems(entry_systems_set());
        first.run(&mut world);
        // ... and the field by the very systems kept for live changes, so
        // that their change detection starts from this scoring.
        field_systems.run(&mut world);
        LiveScores {
            world,
            scratch: World::new(),
            entry_systems,
            field_systems,
            changed: Vec::new(),
            complete,
            incomplete,
        }
    }

    pub fn rules(&self) -> &crate::contest::Rules {
        &self.world.resource::<Inputs>().rules
    }

    /// What is being scored.
    pub fn inputs(&self) -> &Inputs {
        self.world.resource::<Inputs>()
    }

    /// A mark entered or corrected for `entry`.
    pub fn set_mark(&mut self, entry: u32, mark: crate::data::Mark) {
        let mut inputs = self.world.resource_mut::<Inputs>();
        std::sync::Arc::make_mut(&mut inputs.marks).set(entry as usize, mark);
        self.changed.push(entry);
    }

    /// Re-scores the changed entries, then places and awards.
    pub fn rescore(&mut self) {
        if self.changed.is_empty() {
            return;
        }
        let mut changed = std::mem::take(&mut self.changed);
        changed.sort_unstable();
        changed.dedup();
        let inputs = self.world.resource::<Inputs>().clone();
        for &entry in &changed {
            let now = entry_complete(&inputs, entry);
            let was = std::mem::replace(&mut self.complete[entry as usize], now);
            self.incomplete = self.incomplete + usize::from(was && !now) - usize::from(!was && now);
        }
        let scratch = &mut self.scratch;
        spawn_unscored(scratch, &inputs, changed.iter().copied());
        scratch.insert_resource(inputs);
        self.entry_systems.run(scratch);
        let mut scored = scratch.query::<(
            &EntryIndex,
            &mut CriterionValues,
            &mut CategoryScores,
            &Total,
            &mut Flags,
            Option<&mut ElementResults>,
        )>();
        for (index, mut values, mut scores, total, mut flags, elements) in scored.iter_mut(scratch) {
            let entity = self.world.resource::<EntryEntities>().0[index.0 as usize];
            let mut entity = self.world.entity_mut(entity);
            *entity.get_mut::<CriterionValues>().expect("an entry") = std::mem::take(&mut *values);
            *entity.get_mut::<CategoryScores>().expect("an entry") = std::mem::take(&mut *scores);
            *entity.get_mut::<Total>().expect("an entry") = total.clone();
            *entity.get_mut::<Flags>().expect("an entry") = std::mem::take(&mut *flags);
            if let Some(mut elements) = elements {
                *entity.get_mut::<ElementResults>().expect("an entry of a contest with elements") = std::mem::take(&mut *elements);
            }
        }
        // Let go of the scratch's copy of the inputs, so the next change copies no marks.
        let done: Vec<Entity> = scratch.query_filtered::<Entity, With<EntryIndex>>().iter(scratch).collect();
        for entity in done {
            scratch.despawn(entity);
        }
        scratch.remove_resource::<Inputs>();
        self.field_systems.run(&mut self.world);
    }

    /// The results as they stand, as `score` gives them.
    pub fn results(&mut self) -> Results {
        let inputs = self.world.resource::<Inputs>().clone();
        let (rows, teams) = gather(&mut self.world, false);
        Results {
            inputs,
            rows,
            teams,
            complete: self.incomplete == 0,
        }
    }

    /// The results of the first `top` entries (best first, then unranked
    /// ones) and of every other entry with a flag: what the hall and the
    /// desk show, without copying the whole field.
    pub fn leading(&mut self, top: usize) -> Results {
        let world = &mut self.world;
        let ranking = world.resource::<rank::Ranking>();
        let count = world.resource::<Inputs>().entries.list.len() as u32;
        let unranked = (0..count).filter(|&e| ranking.place(e, None).is_none());
        let mut chosen: Vec<u32> = ranking.rows().iter().map(|r| r.entry).chain(unranked).take(top).collect();
        let mut flagged = world.query::<(&EntryIndex, &Flags)>();
        chosen.extend(
            flagged
                .iter(world)
                .filter(|(_, flags)| !flags.0.is_empty())
                .map(|(index, _)| index.0),
        );
        chosen.sort_unstable();
        chosen.dedup();
        let entities: Vec<Entity> = chosen.iter().map(|&e| world.resource::<EntryEntities>().0[e as usize]).collect();
        let mut query = world.query::<RowQuery>();
        let rows = best_first(
            entities
                .iter()
                .map(|&entity| result_row(query.get_mut(world, entity).expect("an entry's entity"), false))
                .collect(),
        );
        let inputs = world.resource::<Inputs>().clone();
        Results {
            complete: self.incomplete == 0,
            inputs,
            rows,
            teams: team_rows(world),
        }
    }
}
