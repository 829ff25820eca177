//! A contest run in stages: the stages checked as the organiser wrote them,
//! then each compiled into the `Rules` of a contest of its own (its
//! categories, and a category for each earlier total it carries), so the
//! engine scores a stage exactly as it scores any contest.

use super::{CategoryRule, Compiler, Rules};
use crate::contest::model::*;
use crate::contest::Number;
use crate::error::{suggestion, Diagnostics};
use crate::msg;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::sync::Arc;

/// The most stages a contest has. Real contests have a handful; each stage
/// is compiled as a contest of its own (a copy of the contest's rules), so
/// thousands would take minutes and gigabytes before scoring a mark.
pub const MAX_STAGES: usize = 64;

/// One stage, ready to score.
#[derive(Debug, Clone)]
pub struct StageRules {
    pub id: String,
    pub label: Label,
    /// The stage as a contest: its carried totals first, then its categories.
    pub rules: Arc<Rules>,
    /// Each contest slot's slot in this stage; `None` for another stage's.
    pub slots: Vec<Option<u16>>,
    /// Earlier stages carried in, as (stage number, percent).
    pub carry: Vec<(usize, Decimal)>,
    /// Whose qualifiers take part (`None`: every entry).
    pub takes: Option<usize>,
    pub advance: Option<Advance>,
    /// The last stage: the classification's, sending no one on.
    pub last: bool,
}

impl StageRules {
    /// The entry fields the stage's rule for going on reads.
    pub fn entry_fields(&self) -> Vec<String> {
        let Some(advance) = &self.advance else { return Vec::new() };
        let heats = match &advance.rule {
            AdvanceRule::Heats { field, .. } => Some(field.clone()),
            _ => None,
        };
        heats
            .into_iter()
            .chain(advance.cap.as_ref().map(|(field, _)| field.clone()))
            .collect()
    }
}

/// Each stage compiled as a contest of its own (none for a contest without
/// stages). The stages were checked with the contest (`Compiler::stages`).
pub fn derive(rules: &Rules) -> Result<Vec<StageRules>, Diagnostics> {
    let stages = &rules.contest.stages;
    let mut compiled: Vec<StageRules> = Vec::with_capacity(stages.len());
    for (k, stage) in stages.iter().enumerate() {
        let position = |id: &str| stages.iter().position(|s| s.id == id).expect("checked: an earlier stage");
        let stage_rules = Rules::compile(stage_contest(rules, stage), rules.path.clone(), rules.source.clone())
            .map_err(|problems| in_stage(problems, rules, k))?;
        let takes = match &stage.takes {
            Some(Takes::Everyone) => None,
            Some(Takes::Qualifiers(id)) => Some(position(id)),
            None => k.checked_sub(1),
        };
        compiled.push(StageRules {
            id: stage.id.clone(),
            label: stage.label.clone(),
            slots: slot_map(rules, &stage_rules),
            rules: Arc::new(stage_rules),
            carry: stage.carry.iter().map(|(id, percent)| (position(id), percent.value())).collect(),
            takes,
            advance: stage.advance.clone(),
            last: k + 1 == stages.len(),
        });
    }
    Ok(compiled)
}

/// A stage's problems as the organiser wrote them: the stage's compiled
/// contest names its carried stages `categories[j]` and its tie-breaks
/// `ranking.tie_breaks`, and finds the first `total_max` in the file; each
/// problem is named and placed in stage `k` instead.
fn in_stage(problems: Diagnostics, rules: &Rules, k: usize) -> Diagnostics {
    let stages = &rules.contest.stages;
    let stage = &stages[k];
    let anchor = |s: &Stage| super::locate(&rules.source, &["stages", &format!("\"{}\"", s.id)]);
    let (start, end) = (anchor(stage), stages.get(k + 1).and_then(anchor));
    let within = |at: (usize, usize)| start.is_some_and(|start| at >= start) && end.is_none_or(|end| at < end);
    let carried = stage.carry.len();
    let problems = problems.0.into_iter().map(|mut problem| {
        let (key, rest) = match problem.field.split_once('.') {
            Some((key, rest)) => (key.to_string(), format!(".{rest}")),
            None => (problem.field.clone(), String::new()),
        };
        let (key, rest) = match key.as_str() {
            "ranking" => ("tie_breaks".to_string(), rest.trim_start_matches(".tie_breaks").to_string()),
            _ if key.starts_with("categories[") => {
                let j: usize = key["categories[".len()..].trim_end_matches(']').parse().unwrap_or(0);
                match j.checked_sub(carried) {
                    None => (format!("carry[{j}]"), String::new()),
                    Some(own) => (format!("categories[{own}]"), rest),
                }
            }
            _ => (key, rest),
        };
        problem.field = format!("stages[{k}].{key}{rest}");
        let placed = problem.line.zip(problem.column).is_some_and(within);
        if !placed {
            let word = key.split('[').next().unwrap_or(&key).to_string();
            let id = format!("\"{}\"", stage.id);
            let found = super::locate(&rules.source, &["stages", &id, &word]).or_else(|| super::locate(&rules.source, &["stages", &id]));
            if let Some((line, column)) = found {
                problem = problem.at(line, column);
            }
        }
        problem
    });
    Diagnostics(problems.collect())
}

/// The classification as a contest: a category per stage, holding the
/// entry's total there, and the contest's awards (none without stages).
pub fn classification(rules: &Rules) -> Result<Option<Arc<Rules>>, Diagnostics> {
    let contest = &rules.contest;
    if contest.stages.is_empty() {
        return Ok(None);
    }
    let mut derived = contest.clone();
    derived.categories = contest
        .stages
        .iter()
        .enumerate()
        .map(|(k, stage)| Category {
            id: stage.id.clone(),
            label: stage.label.clone(),
            weight: None,
            score: CategoryScore::Sum,
            floor: None,
            criteria: Vec::new(),
            carried: Some(k),
        })
        .collect();
    derived.total_max = contest.stages.last().and_then(|s| s.total_max);
    derived.stages = Vec::new();
    let classification = Rules::compile(derived, rules.path.clone(), rules.source.clone())?;
    Ok(Some(Arc::new(classification)))
}

/// The stage as a contest: the contest's judges, entries' fields, rounding
/// and marking, with the stage's categories, tie-breaks and vetoes. Awards
/// are decided on the classification, not in a stage.
fn stage_contest(rules: &Rules, stage: &Stage) -> Contest {
    let contest = &rules.contest;
    let carried = stage.carry.iter().enumerate().map(|(j, (id, percent))| Category {
        id: id.clone(),
        label: carried_label(contest, id, percent.value()),
        weight: Some(Number(percent.value() / Decimal::ONE_HUNDRED)),
        score: CategoryScore::Sum,
        floor: None,
        criteria: Vec::new(),
        carried: Some(j),
    });
    let own = stage
        .categories
        .iter()
        .filter_map(|id| contest.categories.iter().find(|c| &c.id == id).cloned());
    let mut derived = contest.clone();
    // Every board, chart and page of the stage says which stage it is.
    derived.name = Label {
        zh: format!("{} — {}", contest.name.get(Lang::Zh), stage.label.get(Lang::Zh)),
        en: format!("{} — {}", contest.name.get(Lang::En), stage.label.get(Lang::En)),
    };
    derived.categories = carried.chain(own).collect();
    derived.total_max = stage.total_max;
    derived.ranking.tie_breaks = stage.tie_breaks.clone();
    derived.vetoes = stage.vetoes.clone();
    derived.awards = Vec::new();
    derived.stages = Vec::new();
    derived
}

/// A carried stage as its column reads: "理论预赛（25%）".
fn carried_label(contest: &Contest, id: &str, percent: Decimal) -> Label {
    let stage = contest
        .stages
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.label.clone())
        .unwrap_or_default();
    let percent = percent.normalize();
    Label {
        zh: format!("{}（{percent}%）", stage.get(Lang::Zh)),
        en: format!("{} ({percent}%)", stage.get(Lang::En)),
    }
}

/// Where each of the contest's slots is in the stage.
fn slot_map(contest: &Rules, stage: &Rules) -> Vec<Option<u16>> {
    let mut map = vec![None; contest.slots.len()];
    for criterion in &contest.criteria {
        let Some(&there) = stage.criterion_index.get(&criterion.key) else {
            continue;
        };
        let first = stage.criteria[there as usize].first_slot;
        for element in 0..criterion.slot_count as u16 {
            map[(criterion.first_slot + element) as usize] = Some(first + element);
        }
    }
    map
}

impl Compiler<'_> {
    /// Checks the stages as written: names that exist and come earlier,
    /// every category in one stage, rules that can send someone on.
    pub(super) fn stages(&mut self, contest: &Contest, categories: &[CategoryRule]) {
        let stages = &contest.stages;
        if stages.is_empty() {
            return;
        }
        if stages.len() > MAX_STAGES {
            let message = msg!("rules-stage-too-many", count = stages.len(), max = MAX_STAGES);
            self.report(&["stages"], "stages", message, Some(msg!("rules-stage-too-many-help")));
            return;
        }
        self.stages_exclude(contest);
        // Each category's stage, as far as the stages are read.
        let mut seen: HashMap<String, String> = HashMap::new();
        for (k, stage) in stages.iter().enumerate() {
            let field = format!("stages[{k}]");
            let anchor = format!("\"{}\"", stage.id);
            let anchors = ["stages", anchor.as_str()];
            self.check_id(&stage.id, &anchors, &format!("{field}.id"));
            if stages[..k].iter().any(|s| s.id == stage.id) {
                self.report(
                    &["stages", &anchor, &anchor],
                    format!("{field}.id"),
                    msg!("rules-stage-twice", id = stage.id),
                    None,
                );
            }
            let earlier: Vec<&str> = stages[..k].iter().map(|s| s.id.as_str()).collect();
            self.stage_categories(stage, &field, &anchors, categories, &mut seen);
            self.stage_names_earlier(stage, &field, &anchors, &earlier);
            self.stage_total(contest, stage, &field, &anchors, categories);
            self.stage_advance(stage, &field, &anchors, k + 1 == stages.len());
        }
        for category in categories {
            if !stages.iter().any(|s| s.categories.contains(&category.id)) {
                self.report(
                    &["stages"],
                    "stages[].categories",
                    msg!("rules-stage-category-unused", id = category.id),
                    Some(msg!("rules-stage-category-unused-help")),
                );
            }
        }
    }

    /// What belongs to each stage, not to the contest, once it has stages.
    fn stages_exclude(&mut self, contest: &Contest) {
        let misplaced = [
            ("total_max", contest.total_max.is_some()),
            ("ranking.tie_breaks", !contest.ranking.tie_breaks.is_empty()),
            ("vetoes", !contest.vetoes.is_empty()),
        ];
        for (field, written) in misplaced {
            if written {
                let anchor = field.rsplit('.').next().unwrap_or(field);
                self.report(
                    &[anchor],
                    field,
                    msg!("rules-stage-misplaced", field = field),
                    Some(msg!("rules-stage-misplaced-help", field = anchor)),
                );
            }
        }
        if contest.teams.is_some() {
            self.report(&["teams"], "teams", msg!("rules-stage-teams"), None);
        }
    }

    /// Each category the stage names exists and is in no other stage, nor
    /// named like a stage it carries.
    fn stage_categories(
        &mut self,
        stage: &Stage,
        field: &str,
        anchors: &[&str],
        categories: &[CategoryRule],
        seen: &mut HashMap<String, String>,
    ) {
        if stage.categories.is_empty() {
            self.report(
                anchors,
                format!("{field}.categories"),
                msg!("rules-stage-no-categories", id = stage.id),
                None,
            );
        }
        for id in &stage.categories {
            let quoted = format!("\"{id}\"");
            let mut at = anchors.to_vec();
            at.extend(["categories", quoted.as_str()]);
            if !categories.iter().any(|c| &c.id == id) {
                let help = suggestion(id, categories.iter().map(|c| c.id.as_str()));
                self.report(
                    &at,
                    format!("{field}.categories"),
                    msg!("rules-unknown-category", id = id),
                    Some(help),
                );
            } else if let Some(other) = seen.get(id).filter(|other| **other != stage.id) {
                let message = msg!("rules-stage-category-twice", id = id, stage = other.clone());
                self.report(&at, format!("{field}.categories"), message, None);
            } else if stage.carry.iter().any(|(carried, _)| carried == id) {
                self.report(
                    &at,
                    format!("{field}.categories"),
                    msg!("rules-stage-category-is-carried", id = id),
                    None,
                );
            }
        }
        for id in &stage.categories {
            seen.entry(id.clone()).or_insert_with(|| stage.id.clone());
        }
    }

    /// Stages named in `takes` and `carry` come before this one.
    fn stage_names_earlier(&mut self, stage: &Stage, field: &str, anchors: &[&str], earlier: &[&str]) {
        let mut named: Vec<(&str, String)> = stage.carry.iter().map(|(id, _)| (id.as_str(), format!("{field}.carry"))).collect();
        if let Some(Takes::Qualifiers(id)) = &stage.takes {
            named.push((id, format!("{field}.takes")));
        }
        for (id, at) in named {
            if earlier.contains(&id) {
                continue;
            }
            let quoted = format!("\"{id}\"");
            let mut spots = anchors.to_vec();
            spots.push(&quoted);
            let help = if earlier.is_empty() {
                msg!("rules-stage-first-has-none")
            } else {
                suggestion(id, earlier.iter().copied())
            };
            self.report(&spots, at, msg!("rules-stage-not-earlier", id = id, stage = stage.id), Some(help));
        }
        for (i, (id, percent)) in stage.carry.iter().enumerate() {
            if stage.carry[..i].iter().any(|(earlier, _)| earlier == id) {
                self.report(
                    anchors,
                    format!("{field}.carry"),
                    msg!("rules-stage-carry-twice", id = id, stage = stage.id),
                    None,
                );
            }
            if percent.value() <= Decimal::ZERO {
                self.report(anchors, format!("{field}.carry"), msg!("rules-stage-carry-percent", id = id), None);
            }
        }
    }

    /// With a declared maximum, the stage's `Share` weights and the carried
    /// stages' maxima (times their percent) add up to it.
    fn stage_total(&mut self, contest: &Contest, stage: &Stage, field: &str, anchors: &[&str], categories: &[CategoryRule]) {
        let Some(total_max) = stage.total_max.map(Number::value) else {
            return;
        };
        let own: Vec<&CategoryRule> = categories.iter().filter(|c| stage.categories.contains(&c.id)).collect();
        if own.iter().any(|c| c.score != CategoryScore::Share) {
            return;
        }
        let mut parts: Vec<(String, Decimal)> = own.iter().map(|c| (c.id.clone(), c.weight)).collect();
        for (id, percent) in &stage.carry {
            let carried = contest.stages.iter().find(|s| &s.id == id).and_then(|s| s.total_max);
            let Some(max) = carried else { return };
            parts.push((
                format!("{id} {}%", percent.value().normalize()),
                max.value() * percent.value() / Decimal::ONE_HUNDRED,
            ));
        }
        let sum: Decimal = parts.iter().map(|(_, weight)| *weight).sum();
        if sum != total_max {
            let listed: Vec<String> = parts.iter().map(|(id, weight)| format!("{id} {}", weight.normalize())).collect();
            let mut at = anchors.to_vec();
            at.push("total_max");
            self.report(
                &at,
                format!("{field}.total_max"),
                msg!("rules-weights-sum", sum = sum.normalize(), total_max = total_max.normalize()),
                Some(msg!("rules-weights-list", weights = listed.join(", "))),
            );
        }
    }

    /// A rule that can send someone on, and none on the last stage.
    fn stage_advance(&mut self, stage: &Stage, field: &str, anchors: &[&str], last: bool) {
        let Some(advance) = &stage.advance else { return };
        let mut at = anchors.to_vec();
        at.push("advance");
        let field = format!("{field}.advance");
        if last {
            self.report(
                &at,
                field.clone(),
                msg!("rules-stage-last-advances", id = stage.id),
                Some(msg!("rules-stage-last-advances-help")),
            );
        }
        let sends_none = match &advance.rule {
            AdvanceRule::Top(n) => *n == 0,
            AdvanceRule::Share(p) => p.value() <= Decimal::ZERO || p.value() > Decimal::ONE_HUNDRED,
            AdvanceRule::AtLeast(_) => false,
            AdvanceRule::Heats { winners, .. } => *winners == 0,
        };
        if sends_none {
            self.report(
                &at,
                format!("{field}.rule"),
                msg!("rules-stage-advance-none", id = stage.id),
                Some(msg!("rules-stage-advance-none-help")),
            );
        }
        if advance.cap.as_ref().is_some_and(|(_, n)| *n == 0) {
            self.report(&at, format!("{field}.cap"), msg!("rules-stage-cap-zero"), None);
        }
    }
}
