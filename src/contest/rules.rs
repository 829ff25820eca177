//! Compiling a `Contest` into `Rules`: every name resolved to an index,
//! every formula parsed, every semantic check done, so the engine never
//! meets an unknown name or an impossible setting.

use super::model::*;
use super::{locate, Number};
use crate::error::{suggestion, Diagnostic, Diagnostics};
use crate::formula::{self, Expr};
use crate::i18n::Text;
use crate::msg;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::path::PathBuf;

mod stages;
mod workflow;
pub use stages::StageRules;
pub use workflow::WorkflowRules;

/// One markable cell of an entry: a criterion, or one element of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub criterion: u16,
    /// 1-based element number; 0 for a criterion without elements.
    pub element: u8,
}

#[derive(Debug, Clone)]
pub struct CriterionRule {
    /// `category.criterion`, as marks files name it.
    pub key: String,
    pub category: usize,
    /// Index within the category's `criteria`.
    pub position: usize,
    pub max: Option<Decimal>,
    pub range: MarkRangeRule,
    pub kind: KindRule,
    pub panel: Panel,
    pub missing: Missing,
    pub spread: Option<Spread>,
    /// Judges expected to mark this criterion (indices into `Rules::judges`).
    pub judges: Vec<u16>,
    /// `max / marks.max` when that is an exact decimal (20 / 10 = 2): then
    /// one multiplication turns a judgement panel's mark into points, giving
    /// the same number as multiplying by max and dividing, faster.
    pub points_per_mark: Option<Decimal>,
    /// A judgement panel's mark is on a scale of its own and is turned
    /// into points: `max` is given and is not the marks' maximum (decided
    /// once, not compared as decimals for every cell).
    pub marks_rescaled: bool,
    /// First slot of this criterion; elements follow it.
    pub first_slot: u16,
    pub slot_count: u8,
}

/// The range of one raw mark, with the number of decimal places marks are
/// stored with (the step's places; 4 when no step is declared).
#[derive(Debug, Clone, Copy)]
pub struct MarkRangeRule {
    pub min: Decimal,
    pub max: Decimal,
    pub step: Option<Decimal>,
    pub scale: u32,
}

#[derive(Debug, Clone)]
pub enum KindRule {
    Judgement {
        convert: Option<ConvertRule>,
    },
    /// A measured value's scale; for `Scale::Formula`, its parsed formula
    /// (variable 0 = `value`).
    Measurement(Scale, Option<Expr>),
    Deduction {
        per: Decimal,
    },
    Bonus {
        per: Decimal,
    },
    PassFail {
        points: Decimal,
    },
    Flag,
    Elements {
        data: Vec<String>,
        /// Text fields of the elements file: kept and shown, never computed with.
        text: Vec<String>,
        convert: Option<ConvertRule>,
        value: Expr,
        combine: Combine,
        unperformed: Option<Unperformed>,
    },
    /// Variables are criterion indices.
    Formula(Expr),
}

impl KindRule {
    /// Whether the criterion's points count towards its category's maximum.
    pub fn scores_out_of_max(&self) -> bool {
        !matches!(self, KindRule::Deduction { .. } | KindRule::Bonus { .. } | KindRule::Flag)
    }

    pub fn is_counted(&self) -> bool {
        matches!(self, KindRule::Deduction { .. } | KindRule::Bonus { .. })
    }
}

/// How one mark becomes points. Formula variables: 0 = `mark`, 1.. = element data.
#[derive(Debug, Clone)]
pub enum ConvertRule {
    Table(Vec<(Decimal, Decimal)>),
    Formula(Expr),
}

#[derive(Debug, Clone)]
pub struct CategoryRule {
    pub id: String,
    pub label: Label,
    pub weight: Decimal,
    pub score: CategoryScore,
    pub floor: Option<Decimal>,
    /// Sum of the `max` of criteria that score out of a maximum.
    pub max_points: Decimal,
    pub criteria: std::ops::Range<usize>,
    /// In a stage: the category carries an earlier stage's total (its
    /// number in the stage's carry list) instead of adding up criteria.
    pub carried: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct VetoRule {
    pub id: String,
    pub label: Label,
    pub when_text: String,
    /// Variables: criteria 0..n, then categories n.. .
    pub when: Expr,
    pub effect: VetoEffectRule,
}

#[derive(Debug, Clone, Copy)]
pub enum VetoEffectRule {
    Disqualify,
    ZeroCategory(usize),
    CapTotal(Decimal),
}

#[derive(Debug, Clone)]
pub enum TieBreakRule {
    Category(usize),
    Criterion(usize),
    HighestMark(usize),
    FewerDeductions,
    Field(String, Order),
}

/// A checked contest, ready to run.
#[derive(Debug, Clone)]
pub struct Rules {
    pub contest: Contest,
    pub path: PathBuf,
    pub source: String,
    pub categories: Vec<CategoryRule>,
    pub criteria: Vec<CriterionRule>,
    pub slots: Vec<Slot>,
    pub criterion_index: HashMap<String, u16>,
    pub judge_index: HashMap<String, u16>,
    pub vetoes: Vec<VetoRule>,
    pub tie_breaks: Vec<TieBreakRule>,
    /// A contest run in stages: each stage compiled as a contest of its own.
    pub stages: Vec<stages::StageRules>,
    /// With stages: the classification as a contest, a category per stage.
    pub classification: Option<std::sync::Arc<Rules>>,
    /// How the results become final, when the contest declares it.
    pub workflow: Option<WorkflowRules>,
}

impl Rules {
    pub fn dir(&self) -> PathBuf {
        self.path.parent().map(PathBuf::from).unwrap_or_default()
    }

    /// The entry fields the contest reads: divisions, the team field and
    /// tie-break fields. The entries file must have each of them.
    pub fn entry_fields(&self) -> Vec<String> {
        let mut fields = self.contest.divisions.clone();
        fields.extend(self.contest.teams.as_ref().map(|t| t.field.clone()));
        fields.extend(self.contest.judges.iter().filter_map(|j| j.division.as_ref().map(|d| d.0.clone())));
        fields.extend(self.tie_breaks.iter().filter_map(|t| match t {
            TieBreakRule::Field(name, _) => Some(name.clone()),
            _ => None,
        }));
        for stage in &self.stages {
            fields.extend(stage.rules.entry_fields());
            fields.extend(stage.entry_fields());
        }
        let mut seen = std::collections::HashSet::new();
        fields.retain(|f| seen.insert(f.clone()));
        fields
    }

    pub fn judge_id(&self, judge: u16) -> &str {
        self.contest.judges.get(judge as usize).map_or("", |j| j.id.as_str())
    }

    /// The criterion's label as written in the contest.
    pub fn criterion_label(&self, criterion: usize, lang: Lang) -> &str {
        let rule = &self.criteria[criterion];
        self.contest.categories[rule.category].criteria[rule.position].label.get(lang)
    }

    pub fn compile(contest: Contest, path: PathBuf, source: String) -> Result<Rules, Diagnostics> {
        let mut compiler = Compiler {
            path: &path,
            source: &source,
            problems: Diagnostics::default(),
        };
        let rules = compiler.compile(contest.clone());
        let workflow = compiler.workflow(&contest);
        let problems = compiler.problems;
        // Codes declared as the workflow's layers hide names as `marking.blind` does.
        let mut contest = contest;
        contest.marking.blind |= workflow.as_ref().is_some_and(|w| w.code_layers > 0);
        let (categories, criteria, slots, criterion_index, judge_index, vetoes, tie_breaks) = rules;
        let mut rules = problems.into_result(Rules {
            contest,
            path,
            source,
            categories,
            criteria,
            slots,
            criterion_index,
            judge_index,
            vetoes,
            tie_breaks,
            stages: Vec::new(),
            classification: None,
            workflow,
        })?;
        rules.stages = stages::derive(&rules)?;
        rules.classification = stages::classification(&rules)?;
        Ok(rules)
    }
}

/// Checks award sets written outside a contest (a roll-up's in
/// `periods.ron`) as a contest's are checked, placed in `source`; `field`
/// names them (`roll_ups[3].awards`). They are decided overall.
pub fn check_award_sets(sets: &[AwardSet], path: &std::path::Path, source: &str, field: &str) -> Diagnostics {
    let path = path.to_path_buf();
    let mut compiler = Compiler {
        path: &path,
        source,
        problems: Diagnostics::default(),
    };
    compiler.awards(sets, field, &[]);
    compiler.problems
}

type Compiled = (
    Vec<CategoryRule>,
    Vec<CriterionRule>,
    Vec<Slot>,
    HashMap<String, u16>,
    HashMap<String, u16>,
    Vec<VetoRule>,
    Vec<TieBreakRule>,
);

struct Compiler<'a> {
    path: &'a PathBuf,
    source: &'a str,
    problems: Diagnostics,
}

/// Decimal places of a number: 0.05 → 2.
fn places(d: Decimal) -> u32 {
    d.normalize().scale()
}

/// Marks without a declared step may carry this many decimal places.
pub const DEFAULT_MARK_PLACES: u32 = 4;

impl Compiler<'_> {
    /// Reports a problem at the position of the last anchor found.
    fn report(&mut self, anchors: &[&str], field: impl Into<String>, message: impl Into<Text>, help: Option<Text>) {
        let mut diagnostic = Diagnostic::new(self.path, field, message);
        // Fall back to fewer anchors so the report points somewhere close.
        for n in (1..=anchors.len()).rev() {
            if let Some((line, column)) = locate(self.source, &anchors[..n]) {
                diagnostic = diagnostic.at(line, column);
                break;
            }
        }
        if let Some(help) = help {
            diagnostic = diagnostic.help(help);
        }
        self.problems.push(diagnostic);
    }

    fn check_id(&mut self, id: &str, anchors: &[&str], field: &str) {
        if id.is_empty() || id.contains(['.', ',', ' ', '"']) {
            self.report(
                anchors,
                field,
                msg!("rules-id-unusable", id = id),
                Some(msg!("rules-id-unusable-help")),
            );
        }
    }

    fn compile(&mut self, contest: Contest) -> Compiled {
        // Every check below computes with the contest's numbers: only once
        // each is in range can none of that arithmetic overflow.
        if !self.numbers(&contest) {
            return Compiled::default();
        }
        let judge_index = self.judges(&contest);
        let (categories, mut criteria, slots, criterion_index) = self.categories(&contest, &judge_index);
        self.check_weights(&contest, &categories);
        self.formulas(&contest, &mut criteria, &criterion_index);
        let vetoes = self.vetoes(&contest, &categories, &criteria);
        let tie_breaks = self.tie_breaks(&contest, &categories, &criterion_index);
        self.rounding(&contest);
        self.awards(&contest.awards, "awards", &contest.divisions);
        self.teams(&contest);
        self.stages(&contest, &categories);
        (categories, criteria, slots, criterion_index, judge_index, vetoes, tie_breaks)
    }

    /// Reports each number of the contest beyond `MAX_MAGNITUDE` or
    /// `MAX_PLACES`; true when there is none.
    fn numbers(&mut self, contest: &Contest) -> bool {
        let found = contest_numbers(contest);
        for (field, anchors, value) in &found {
            if let Some((message, help)) = super::out_of_range(value.value()) {
                let anchors: Vec<&str> = anchors.iter().map(String::as_str).collect();
                self.report(&anchors, field.as_str(), message, Some(help.into()));
            }
        }
        found.iter().all(|(_, _, value)| super::out_of_range(value.value()).is_none())
    }

    fn judges(&mut self, contest: &Contest) -> HashMap<String, u16> {
        let mut index = HashMap::new();
        for (i, judge) in contest.judges.iter().enumerate() {
            let anchor = format!("\"{}\"", judge.id);
            self.check_id(&judge.id, &["judges", &anchor], &format!("judges[{i}].id"));
            if index.insert(judge.id.clone(), i as u16).is_some() {
                self.report(
                    &["judges", &anchor, &anchor],
                    format!("judges[{i}].id"),
                    msg!("rules-judge-twice", id = judge.id),
                    None,
                );
            }
        }
        index
    }

    #[allow(clippy::type_complexity)]
    fn categories(
        &mut self,
        contest: &Contest,
        judge_index: &HashMap<String, u16>,
    ) -> (Vec<CategoryRule>, Vec<CriterionRule>, Vec<Slot>, HashMap<String, u16>) {
        let mut categories = Vec::new();
        let mut criteria = Vec::new();
        let mut slots = Vec::new();
        let mut criterion_index = HashMap::new();
        if contest.categories.is_empty() {
            self.report(
                &["categories"],
                "categories",
                msg!("rules-no-categories"),
                Some(msg!("rules-no-categories-help")),
            );
        }
        for (c, category) in contest.categories.iter().enumerate() {
            let anchor = format!("\"{}\"", category.id);
            let field = format!("categories[{c}]");
            self.check_id(&category.id, &[&anchor], &format!("{field}.id"));
            if contest.categories[..c].iter().any(|o| o.id == category.id) {
                self.report(
                    &[&anchor, &anchor],
                    format!("{field}.id"),
                    msg!("rules-category-twice", id = category.id),
                    None,
                );
            }
            if category.criteria.is_empty() && category.carried.is_none() {
                self.report(
                    &[&anchor],
                    format!("{field}.criteria"),
                    msg!("rules-category-empty", id = category.id),
                    None,
                );
            }
            let first = criteria.len();
            for (k, criterion) in category.criteria.iter().enumerate() {
                let key = format!("{}.{}", category.id, criterion.id);
                let field = format!("{field}.criteria[{k}]");
                let anchors = [anchor.as_str(), &format!("\"{}\"", criterion.id)];
                self.check_id(&criterion.id, &anchors, &format!("{field}.id"));
                if criterion_index.insert(key.clone(), criteria.len() as u16).is_some() {
                    self.report(&anchors, format!("{field}.id"), msg!("rules-criterion-twice", key = key), None);
                }
                let rule = self.criterion(contest, c, k, criterion, key, &field, &anchors, judge_index, slots.len());
                for element in 0..rule.slot_count {
                    let element = if matches!(rule.kind, KindRule::Elements { .. }) {
                        element + 1
                    } else {
                        0
                    };
                    slots.push(Slot {
                        criterion: criteria.len() as u16,
                        element,
                    });
                }
                criteria.push(rule);
            }
            let range = first..criteria.len();
            let max_points = criteria[range.clone()]
                .iter()
                .filter(|r| r.kind.scores_out_of_max())
                .filter_map(|r| r.max)
                .sum::<Decimal>();
            let weight = category.weight.map(Number::value);
            if category.score == CategoryScore::Share {
                if weight.is_none() {
                    self.report(
                        &[&anchor],
                        format!("{field}.weight"),
                        msg!("rules-share-no-weight", id = category.id),
                        Some(msg!("rules-share-no-weight-help")),
                    );
                }
                if max_points.is_zero() {
                    self.report(
                        &[&anchor],
                        format!("{field}.criteria"),
                        msg!("rules-share-no-max", id = category.id),
                        Some(msg!("rules-share-no-max-help")),
                    );
                }
            }
            categories.push(CategoryRule {
                id: category.id.clone(),
                label: category.label.clone(),
                weight: weight.unwrap_or(Decimal::ONE),
                score: category.score,
                floor: category.floor.map(Number::value),
                max_points,
                criteria: range,
                carried: category.carried,
            });
        }
        if slots.len() > u16::MAX as usize {
            self.report(
                &["categories"],
                "categories",
                msg!("rules-too-many-cells", count = slots.len()),
                None,
            );
        }
        (categories, criteria, slots, criterion_index)
    }

    #[allow(clippy::too_many_arguments)]
    fn criterion(
        &mut self,
        contest: &Contest,
        category: usize,
        position: usize,
        criterion: &Criterion,
        key: String,
        field: &str,
        anchors: &[&str],
        judge_index: &HashMap<String, u16>,
        first_slot: usize,
    ) -> CriterionRule {
        let max = criterion.max.map(Number::value);
        let kind = self.kind(&criterion.kind, max, field, anchors);
        let (default_min, default_max, default_step) = match &kind {
            KindRule::PassFail { .. } | KindRule::Flag => (Decimal::ZERO, Decimal::ONE, Some(Decimal::ONE)),
            KindRule::Deduction { .. } | KindRule::Bonus { .. } => (Decimal::ZERO, Decimal::from(1_000_000), Some(Decimal::ONE)),
            _ => (Decimal::ZERO, Decimal::ZERO, None),
        };
        let needs_range = matches!(
            kind,
            KindRule::Judgement { .. } | KindRule::Elements { .. } | KindRule::Measurement(..)
        );
        if needs_range && criterion.marks.is_none() {
            self.report(
                anchors,
                format!("{field}.marks"),
                msg!("rules-needs-marks", key = key),
                Some(msg!("rules-needs-marks-help")),
            );
        }
        let range = match criterion.marks {
            Some(m) => (m.min.value(), m.max.value(), m.step.map(Number::value)),
            None => (default_min, default_max, default_step),
        };
        if criterion.marks.is_some() && range.0 >= range.1 {
            self.report(
                anchors,
                format!("{field}.marks"),
                msg!("rules-empty-range", key = key, min = range.0, max = range.1),
                None,
            );
        }
        for (k, (from, _)) in criterion.descriptors.iter().enumerate() {
            let (from, in_order) = (from.value(), k == 0 || criterion.descriptors[k - 1].0.value() < from.value());
            if from < range.0 || from > range.1 || !in_order {
                self.report(
                    anchors,
                    format!("{field}.descriptors[{k}]"),
                    msg!("rules-descriptor-outside", from = from, key = key, min = range.0, max = range.1),
                    Some(msg!("rules-descriptor-outside-help")),
                );
            }
        }
        if let Some(step) = range.2 {
            if step <= Decimal::ZERO {
                self.report(
                    anchors,
                    format!("{field}.marks.step"),
                    msg!("rules-step-not-positive", key = key, step = step),
                    None,
                );
            }
        }
        let scale = range.2.map_or(DEFAULT_MARK_PLACES, |s| places(s).max(places(range.0)));
        // Marks are stored as i32 counts of 10^-scale (8 bytes a mark at scale).
        let limit = Decimal::from(i32::MAX) / Decimal::from(10i64.pow(scale.min(9)));
        if range.0.abs() > limit || range.1.abs() > limit {
            self.report(
                anchors,
                format!("{field}.marks"),
                msg!(
                    "rules-too-many-steps",
                    key = key,
                    max = range.1.normalize(),
                    step = Decimal::new(1, scale)
                ),
                Some(msg!("rules-too-many-steps-help", limit = limit.trunc())),
            );
        }
        if matches!(kind, KindRule::Formula(_)) && criterion.marks.is_some() {
            self.report(anchors, format!("{field}.marks"), msg!("rules-formula-no-marks", key = key), None);
        }
        let needs_max = matches!(
            kind,
            KindRule::Judgement { .. } | KindRule::Elements { .. } | KindRule::Measurement(Scale::Linear { .. } | Scale::Formula(_), _)
        );
        if needs_max && max.is_none() && contest.categories[category].score == CategoryScore::Share {
            self.report(anchors, format!("{field}.max"), msg!("rules-needs-max", key = key), None);
        }

        let is_panel = matches!(kind, KindRule::Judgement { .. } | KindRule::Elements { .. });
        let default_panel = match &kind {
            KindRule::Deduction { .. } | KindRule::Bonus { .. } => Panel::Sum,
            KindRule::PassFail { .. } => Panel::Min,
            KindRule::Flag => Panel::Max,
            _ if is_panel => contest.judging.panel.clone().unwrap_or(Panel::Mean),
            _ => Panel::Mean,
        };
        let panel = criterion.panel.clone().unwrap_or(default_panel);
        self.check_panel(&panel, field, anchors);
        let default_missing = if is_panel || matches!(kind, KindRule::Measurement(..) | KindRule::PassFail { .. }) {
            contest.judging.missing.unwrap_or(Missing::Refuse)
        } else {
            Missing::Zero
        };
        let judges = match &criterion.judges {
            Some(ids) => ids
                .iter()
                .filter_map(|id| match judge_index.get(id) {
                    Some(&j) => Some(j),
                    None => {
                        let names = contest.judges.iter().map(|j| j.id.as_str());
                        self.report(
                            &[anchors[0], anchors[1], &format!("\"{id}\"")],
                            format!("{field}.judges"),
                            msg!("rules-unknown-judge", id = id),
                            Some(suggestion(id, names)),
                        );
                        None
                    }
                })
                .collect(),
            // Every judge but the reserves, who sit only in the place of one who stands aside.
            None if is_panel => (0..contest.judges.len() as u16)
                .filter(|&j| !contest.judges[j as usize].reserve)
                .collect(),
            None => Vec::new(),
        };
        if is_panel && judges.is_empty() {
            self.report(
                anchors,
                format!("{field}.judges"),
                msg!("rules-panel-no-judges", key = key),
                Some(msg!("rules-panel-no-judges-help")),
            );
        }
        if let Panel::BySize(_) = &panel {
            if !judges.is_empty() && panel_rule_for(&panel, judges.len()).is_none() {
                self.report(
                    anchors,
                    format!("{field}.panel"),
                    msg!("rules-bysize-uncovered", key = key, count = judges.len()),
                    None,
                );
            }
        } else if let Some(k) = trimmed(&panel) {
            if !judges.is_empty() && 2 * k as usize >= judges.len() {
                self.report(
                    anchors,
                    format!("{field}.panel"),
                    msg!("rules-trim-leaves-nothing", k = k, count = judges.len()),
                    Some(msg!("rules-trim-leaves-nothing-help")),
                );
            }
        }
        let slot_count = match &criterion.kind {
            CriterionKind::Elements { count, .. } => *count,
            _ => 1,
        };
        CriterionRule {
            key,
            category,
            position,
            max,
            range: MarkRangeRule {
                min: range.0,
                max: range.1,
                step: range.2,
                scale,
            },
            kind,
            panel,
            missing: criterion.missing.unwrap_or(default_missing),
            spread: criterion
                .spread
                .clone()
                .or_else(|| if is_panel { contest.judging.spread.clone() } else { None }),
            judges,
            points_per_mark: max
                .filter(|_| !range.1.is_zero())
                .map(|max| max / range.1)
                .filter(|f| max.is_some_and(|m| *f * range.1 == m)),
            marks_rescaled: max.is_some_and(|max| max != range.1 && !range.1.is_zero()),
            first_slot: first_slot as u16,
            slot_count,
        }
    }

    fn check_panel(&mut self, panel: &Panel, field: &str, anchors: &[&str]) {
        if let Panel::BySize(rules) = panel {
            if rules.is_empty() {
                self.report(anchors, format!("{field}.panel"), msg!("rules-bysize-empty"), None);
            }
            for (size, rule) in rules {
                if matches!(rule, Panel::BySize(_)) {
                    self.report(anchors, format!("{field}.panel"), msg!("rules-bysize-nested"), None);
                }
                if let Some(k) = trimmed(rule) {
                    if 2 * k >= *size {
                        self.report(
                            anchors,
                            format!("{field}.panel"),
                            msg!("rules-bysize-trim-leaves-nothing", size = size, k = k),
                            None,
                        );
                    }
                }
            }
            if rules.windows(2).any(|w| w[0].0 >= w[1].0) {
                self.report(anchors, format!("{field}.panel"), msg!("rules-bysize-increase"), None);
            }
        }
    }

    fn kind(&mut self, kind: &CriterionKind, max: Option<Decimal>, field: &str, anchors: &[&str]) -> KindRule {
        match kind {
            CriterionKind::Judgement { convert } => KindRule::Judgement {
                convert: convert.as_ref().map(|c| self.convert(c, &[], &[], field, anchors)),
            },
            CriterionKind::Measurement { scale } => {
                match scale {
                    Scale::Bands { bands, .. } => {
                        if bands.is_empty() {
                            self.report(anchors, format!("{field}.kind"), msg!("rules-bands-empty"), None);
                        }
                        if bands.windows(2).any(|w| w[0].within >= w[1].within) {
                            self.report(anchors, format!("{field}.kind"), msg!("rules-bands-order"), None);
                        }
                    }
                    Scale::Linear { best, worst } => {
                        if best == worst {
                            self.report(anchors, format!("{field}.kind"), msg!("rules-linear-same"), None);
                        }
                    }
                    Scale::Formula(text) => {
                        let expr = self.formula(text, &["value".to_string()], &format!("{field}.kind.scale"), anchors);
                        return KindRule::Measurement(scale.clone(), Some(expr));
                    }
                }
                KindRule::Measurement(scale.clone(), None)
            }
            CriterionKind::Deduction { per } | CriterionKind::Bonus { per } => {
                if per.value() <= Decimal::ZERO {
                    self.report(
                        anchors,
                        format!("{field}.kind.per"),
                        msg!("rules-per-not-positive", per = per),
                        None,
                    );
                }
                if matches!(kind, CriterionKind::Deduction { .. }) {
                    KindRule::Deduction { per: per.value() }
                } else {
                    KindRule::Bonus { per: per.value() }
                }
            }
            CriterionKind::PassFail { points } => KindRule::PassFail {
                points: points.map(Number::value).or(max).unwrap_or_default(),
            },
            CriterionKind::Flag => KindRule::Flag,
            CriterionKind::Elements {
                count,
                data,
                text: texts,
                convert,
                value,
                combine,
                unperformed,
            } => {
                self.text_fields(data, texts, field, anchors);
                if *count == 0 {
                    self.report(anchors, format!("{field}.kind.count"), msg!("rules-elements-none"), None);
                }
                if let Combine::Best(n) = combine {
                    if *n == 0 || n > count {
                        self.report(
                            anchors,
                            format!("{field}.kind.combine"),
                            msg!("rules-best-range", n = n, count = count),
                            None,
                        );
                    }
                }
                let convert = convert.as_ref().map(|c| self.convert(c, data, texts, field, anchors));
                let text = value.clone().unwrap_or_else(|| "score".into());
                let mut names = vec!["score".to_string()];
                names.extend(data.iter().cloned());
                let value = self.element_formula(&text, &names, texts, field, anchors);
                KindRule::Elements {
                    data: data.clone(),
                    text: texts.clone(),
                    convert,
                    value,
                    combine: combine.clone(),
                    unperformed: *unperformed,
                }
            }
            // Parsed once all criteria are known (see `formulas`).
            CriterionKind::Formula { .. } => KindRule::Formula(Expr::Number(Decimal::ZERO)),
        }
    }

    /// Text fields are named once, and never also as numeric data.
    fn text_fields(&mut self, data: &[String], texts: &[String], field: &str, anchors: &[&str]) {
        for (t, name) in texts.iter().enumerate() {
            if data.contains(name) || texts[..t].contains(name) {
                self.report(
                    anchors,
                    format!("{field}.kind.text"),
                    msg!("rules-element-text-twice", name = name),
                    None,
                );
            }
        }
    }

    /// A formula over an element's numbers (`names`), refusing its text fields by name.
    fn element_formula(&mut self, text: &str, names: &[String], texts: &[String], field: &str, anchors: &[&str]) -> Expr {
        let result = formula::parse(text, &mut |name| match names.iter().position(|n| n == name) {
            Some(i) => Ok(i),
            None if texts.iter().any(|t| t == name) => Err(msg!("rules-element-text-in-formula", name = name).to_string()),
            None => Err(msg!(
                "rules-unknown-name",
                name = name,
                suggestion = suggestion(name, names.iter().map(String::as_str))
            )
            .to_string()),
        });
        result.unwrap_or_else(|e| {
            self.report_formula(text, &e, field, anchors);
            Expr::Number(Decimal::ZERO)
        })
    }

    fn convert(&mut self, convert: &Convert, data: &[String], texts: &[String], field: &str, anchors: &[&str]) -> ConvertRule {
        match convert {
            Convert::Table(pairs) => {
                if pairs.windows(2).any(|w| w[0].0 >= w[1].0) {
                    self.report(anchors, format!("{field}.kind.convert"), msg!("rules-table-order"), None);
                }
                ConvertRule::Table(pairs.iter().map(|(m, p)| (m.value(), p.value())).collect())
            }
            Convert::Formula(text) => {
                let mut names = vec!["mark".to_string()];
                names.extend(data.iter().cloned());
                ConvertRule::Formula(self.element_formula(text, &names, texts, field, anchors))
            }
        }
    }

    /// Parses a formula whose names are `names` (variable i = names[i]).
    fn formula(&mut self, text: &str, names: &[String], field: &str, anchors: &[&str]) -> Expr {
        self.element_formula(text, names, &[], field, anchors)
    }

    /// Formula criteria read other criteria; an acyclic order is required
    /// and only criteria declared before a formula may be read by it.
    fn formulas(&mut self, contest: &Contest, criteria: &mut [CriterionRule], index: &HashMap<String, u16>) {
        let keys: Vec<String> = criteria.iter().map(|c| c.key.clone()).collect();
        let categories: Vec<&str> = contest.categories.iter().map(|c| c.id.as_str()).collect();
        let formulas: Vec<usize> = (0..criteria.len())
            .filter(|&i| matches!(criteria[i].kind, KindRule::Formula(_)))
            .collect();
        for i in formulas {
            let rule = &criteria[i];
            let criterion = &contest.categories[rule.category].criteria[rule.position];
            let CriterionKind::Formula { expr } = &criterion.kind else {
                continue;
            };
            let field = format!("categories[{}].criteria[{}].kind.expr", rule.category, rule.position);
            let anchors = [
                format!("\"{}\"", contest.categories[rule.category].id),
                format!("\"{}\"", criterion.id),
            ];
            let anchors: Vec<&str> = anchors.iter().map(String::as_str).collect();
            let key = rule.key.clone();
            let parsed = formula::parse(expr, &mut |name| match index.get(name) {
                Some(&j) if (j as usize) < i => Ok(j as usize),
                Some(_) => Err(msg!("rules-formula-reads-later", key = key, name = name).to_string()),
                None if categories.contains(&name) => Err(msg!("rules-formula-reads-category", name = name).to_string()),
                None => Err(msg!(
                    "rules-unknown-criterion-in-formula",
                    name = name,
                    suggestion = suggestion(name, keys.iter().map(String::as_str))
                )
                .to_string()),
            });
            match parsed {
                Ok(expr) => criteria[i].kind = KindRule::Formula(expr),
                Err(e) => self.report_formula(expr, &e, &field, &anchors),
            }
        }
    }

    fn report_formula(&mut self, text: &str, error: &formula::ParseError, field: &str, anchors: &[&str]) {
        let quoted = format!("{:?}", text);
        let mut diagnostic = Diagnostic::new(
            self.path,
            field,
            msg!("rules-in-formula", formula = excerpt(text), message = error.message),
        );
        let mut spots = anchors.to_vec();
        spots.push(&quoted);
        for n in (1..=spots.len()).rev() {
            if let Some((line, column)) = locate(self.source, &spots[..n]) {
                let column = if n == spots.len() {
                    column + 1 + text[..error.offset.min(text.len())].chars().count()
                } else {
                    column
                };
                diagnostic = diagnostic.at(line, column);
                break;
            }
        }
        self.problems.push(diagnostic);
    }

    fn check_weights(&mut self, contest: &Contest, categories: &[CategoryRule]) {
        let Some(total_max) = contest.total_max.map(Number::value) else {
            return;
        };
        if categories.iter().any(|c| c.score != CategoryScore::Share) {
            return;
        }
        let sum: Decimal = categories.iter().map(|c| c.weight).sum();
        if sum != total_max {
            let listed: Vec<String> = categories.iter().map(|c| format!("{} {}", c.id, c.weight.normalize())).collect();
            self.report(
                &["total_max"],
                "categories[].weight",
                msg!("rules-weights-sum", sum = sum.normalize(), total_max = total_max.normalize()),
                Some(msg!("rules-weights-list", weights = listed.join(", "))),
            );
        }
    }

    /// Names in veto conditions: criteria, then categories.
    fn condition_names(categories: &[CategoryRule], criteria: &[CriterionRule]) -> Vec<String> {
        criteria
            .iter()
            .map(|c| c.key.clone())
            .chain(categories.iter().map(|c| c.id.clone()))
            .collect()
    }

    fn vetoes(&mut self, contest: &Contest, categories: &[CategoryRule], criteria: &[CriterionRule]) -> Vec<VetoRule> {
        let names = Self::condition_names(categories, criteria);
        let mut vetoes = Vec::new();
        for (v, veto) in contest.vetoes.iter().enumerate() {
            let field = format!("vetoes[{v}]");
            let anchor = format!("\"{}\"", veto.id);
            let anchors = ["vetoes", anchor.as_str()];
            self.check_id(&veto.id, &anchors, &format!("{field}.id"));
            let when = self.formula(&veto.when, &names, &format!("{field}.when"), &anchors);
            let effect = match &veto.effect {
                VetoEffect::Disqualify => VetoEffectRule::Disqualify,
                VetoEffect::CapTotal(cap) => VetoEffectRule::CapTotal(cap.value()),
                VetoEffect::ZeroCategory(id) => match categories.iter().position(|c| &c.id == id) {
                    Some(c) => VetoEffectRule::ZeroCategory(c),
                    None => {
                        self.report(
                            &[anchors[0], anchors[1], "ZeroCategory"],
                            format!("{field}.effect"),
                            msg!("rules-unknown-category", id = id),
                            Some(suggestion(id, categories.iter().map(|c| c.id.as_str()))),
                        );
                        VetoEffectRule::Disqualify
                    }
                },
            };
            vetoes.push(VetoRule {
                id: veto.id.clone(),
                label: veto.label.clone(),
                when_text: veto.when.clone(),
                when,
                effect,
            });
        }
        vetoes
    }

    fn tie_breaks(&mut self, contest: &Contest, categories: &[CategoryRule], index: &HashMap<String, u16>) -> Vec<TieBreakRule> {
        let mut rules = Vec::new();
        for (t, tie_break) in contest.ranking.tie_breaks.iter().enumerate() {
            let field = format!("ranking.tie_breaks[{t}]");
            let rule = match tie_break {
                TieBreak::Category(id) => match categories.iter().position(|c| &c.id == id) {
                    Some(c) => Some(TieBreakRule::Category(c)),
                    None => {
                        self.report(
                            &["tie_breaks", &format!("\"{id}\"")],
                            field,
                            msg!("rules-unknown-category", id = id),
                            Some(suggestion(id, categories.iter().map(|c| c.id.as_str()))),
                        );
                        None
                    }
                },
                TieBreak::Criterion(key) | TieBreak::HighestMark(key) => match index.get(key) {
                    Some(&c) if matches!(tie_break, TieBreak::Criterion(_)) => Some(TieBreakRule::Criterion(c as usize)),
                    Some(&c) => Some(TieBreakRule::HighestMark(c as usize)),
                    None => {
                        self.report(
                            &["tie_breaks", &format!("\"{key}\"")],
                            field,
                            msg!("rules-unknown-criterion", key = key),
                            Some(suggestion(key, index.keys().map(String::as_str))),
                        );
                        None
                    }
                },
                TieBreak::FewerDeductions => Some(TieBreakRule::FewerDeductions),
                TieBreak::Field(name, order) => Some(TieBreakRule::Field(name.clone(), *order)),
            };
            rules.extend(rule);
        }
        rules
    }

    fn rounding(&mut self, contest: &Contest) {
        let r = &contest.rounding;
        for (name, round) in [
            ("judge", r.judge),
            ("panel", r.panel),
            ("element", r.element),
            ("criterion", r.criterion),
            ("category", r.category),
            ("total", r.total),
        ] {
            if let Some(round) = round {
                if round.places > 20 {
                    self.report(
                        &["rounding", name],
                        format!("rounding.{name}.places"),
                        msg!("rules-rounding-places", places = round.places),
                        None,
                    );
                }
            }
        }
    }

    fn teams(&mut self, contest: &Contest) {
        let Some(teams) = &contest.teams else { return };
        if teams.combine == TeamCombine::Best(0) {
            self.report(&["teams", "Best"], "teams.combine", msg!("rules-teams-best"), None);
        }
        // Teams have one leaderboard: their awards are decided overall.
        self.awards(&teams.awards, "teams.awards", &[]);
    }

    /// Checks award sets; `divisions` are the fields a set may be decided within.
    fn awards(&mut self, sets: &[AwardSet], path: &str, divisions: &[String]) {
        for (s, set) in sets.iter().enumerate() {
            let field = format!("{path}[{s}]");
            let anchor = format!("\"{}\"", set.id);
            if let Scope::PerDivision(name) = &set.scope {
                if !divisions.contains(name) {
                    self.report(
                        &["awards", &anchor, "PerDivision"],
                        format!("{field}.scope"),
                        msg!("rules-awards-not-division", name = name),
                        Some(msg!(
                            "rules-awards-not-division-help",
                            name = name,
                            suggestion = suggestion(name, divisions.iter().map(String::as_str))
                        )),
                    );
                }
            }
            if set.tiers.is_empty() {
                self.report(&["awards", &anchor], format!("{field}.tiers"), msg!("rules-awards-no-tier"), None);
            }
            let mut share = Decimal::ZERO;
            for (t, tier) in set.tiers.iter().enumerate() {
                let tier_anchor = format!("\"{}\"", tier.id);
                let anchors = ["awards", anchor.as_str(), tier_anchor.as_str()];
                match &tier.rule {
                    TierRule::Share(p) => {
                        share += p.value();
                        if p.value() <= Decimal::ZERO || share > Decimal::ONE_HUNDRED {
                            self.report(
                                &anchors,
                                format!("{field}.tiers[{t}].rule"),
                                msg!("rules-shares-over", id = set.id, share = share.normalize()),
                                Some(msg!("rules-shares-over-help")),
                            );
                        }
                    }
                    TierRule::BySize(steps) => {
                        if steps.is_empty() || steps.windows(2).any(|w| w[0].0 >= w[1].0) {
                            self.report(&anchors, format!("{field}.tiers[{t}].rule"), msg!("rules-award-bysize-order"), None);
                        }
                    }
                    TierRule::Top(_) | TierRule::AtLeast(_) => {}
                }
            }
        }
    }
}

/// A number of the contest: its field, the anchors that find it, its value.
type Found = (String, Vec<String>, Number);

/// Within one item: the field below it, words that find it after the
/// item's own anchors, the value.
type Within = (String, &'static [&'static str], Number);

fn quoted(id: &str) -> String {
    format!("\"{id}\"")
}

/// Every number written in the contest, where `numbers` checks its range.
fn contest_numbers(contest: &Contest) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut add = |field: &str, anchors: &[String], within: Vec<Within>| {
        for (below, words, value) in within {
            let mut anchors = anchors.to_vec();
            anchors.extend(words.iter().map(|w| w.to_string()));
            let field = if field.is_empty() { below } else { format!("{field}.{below}") };
            found.push((field, anchors, value));
        }
    };
    let top = contest.total_max.map(|n| ("total_max".to_string(), &["total_max:"][..], n));
    add("", &[], top.into_iter().collect());
    let spread = contest
        .judging
        .spread
        .as_ref()
        .map(|s| ("max".to_string(), &["judging", "spread", "max:"][..], s.max));
    add("judging.spread", &[], spread.into_iter().collect());
    for (c, category) in contest.categories.iter().enumerate() {
        let anchors = [quoted(&category.id)];
        add(&format!("categories[{c}]"), &anchors, category_numbers(category));
        for (k, criterion) in category.criteria.iter().enumerate() {
            let anchors = [quoted(&category.id), quoted(&criterion.id)];
            add(&format!("categories[{c}].criteria[{k}]"), &anchors, criterion_numbers(criterion));
        }
    }
    for (v, veto) in contest.vetoes.iter().enumerate() {
        if let VetoEffect::CapTotal(cap) = veto.effect {
            let anchors = ["vetoes".to_string(), quoted(&veto.id)];
            add(&format!("vetoes[{v}]"), &anchors, vec![("effect".into(), &["CapTotal"], cap)]);
        }
    }
    for (k, stage) in contest.stages.iter().enumerate() {
        let anchors = ["stages".to_string(), quoted(&stage.id)];
        add(&format!("stages[{k}]"), &anchors, stage_numbers(stage));
    }
    let team_awards = contest
        .teams
        .iter()
        .flat_map(|t| t.awards.iter().enumerate().map(|(s, a)| (format!("teams.awards[{s}]"), a)));
    for (field, set) in contest
        .awards
        .iter()
        .enumerate()
        .map(|(s, a)| (format!("awards[{s}]"), a))
        .chain(team_awards)
    {
        add(&field, &["awards".to_string(), quoted(&set.id)], award_numbers(set));
    }
    found
}

/// A stage's numbers: its maximum, the percents it carries, its rule's bound.
fn stage_numbers(stage: &Stage) -> Vec<Within> {
    let mut found: Vec<Within> = Vec::new();
    found.extend(stage.total_max.map(|n| ("total_max".to_string(), &["total_max:"][..], n)));
    for (j, (_, percent)) in stage.carry.iter().enumerate() {
        found.push((format!("carry[{j}]"), &["carry"], *percent));
    }
    match stage.advance.as_ref().map(|a| &a.rule) {
        Some(AdvanceRule::Share(n)) => found.push(("advance.rule".into(), &["advance", "Share"], *n)),
        Some(AdvanceRule::AtLeast(n)) => found.push(("advance.rule".into(), &["advance", "AtLeast"], *n)),
        _ => {}
    }
    found
}

fn category_numbers(category: &Category) -> Vec<Within> {
    let weight = category.weight.map(|n| ("weight".to_string(), &["weight:"][..], n));
    let floor = category.floor.map(|n| ("floor".to_string(), &["floor:"][..], n));
    weight.into_iter().chain(floor).collect()
}

fn criterion_numbers(criterion: &Criterion) -> Vec<Within> {
    let mut found: Vec<Within> = Vec::new();
    found.extend(criterion.max.map(|n| ("max".to_string(), &["max:"][..], n)));
    if let Some(marks) = criterion.marks {
        found.push(("marks.min".into(), &["marks", "min:"], marks.min));
        found.push(("marks.max".into(), &["marks", "max:"], marks.max));
        found.extend(marks.step.map(|n| ("marks.step".to_string(), &["marks", "step:"][..], n)));
    }
    for (d, (from, _)) in criterion.descriptors.iter().enumerate() {
        found.push((format!("descriptors[{d}]"), &["descriptors"], *from));
    }
    found.extend(
        criterion
            .spread
            .as_ref()
            .map(|s| ("spread.max".to_string(), &["spread", "max:"][..], s.max)),
    );
    found.extend(kind_numbers(&criterion.kind));
    found
}

fn kind_numbers(kind: &CriterionKind) -> Vec<Within> {
    let table = |convert: &Option<Convert>| match convert {
        Some(Convert::Table(pairs)) => pairs
            .iter()
            .enumerate()
            .flat_map(|(p, (mark, points))| {
                let field = format!("kind.convert[{p}]");
                [(field.clone(), &["Table"][..], *mark), (field, &["Table"][..], *points)]
            })
            .collect(),
        _ => Vec::new(),
    };
    match kind {
        CriterionKind::Judgement { convert } | CriterionKind::Elements { convert, .. } => table(convert),
        CriterionKind::Measurement { scale } => scale_numbers(scale),
        CriterionKind::Deduction { per } | CriterionKind::Bonus { per } => vec![("kind.per".into(), &["per:"], *per)],
        CriterionKind::PassFail { points } => points.iter().map(|n| ("kind.points".to_string(), &["points:"][..], *n)).collect(),
        CriterionKind::Flag | CriterionKind::Formula { .. } => Vec::new(),
    }
}

fn scale_numbers(scale: &Scale) -> Vec<Within> {
    match scale {
        Scale::Linear { best, worst } => vec![
            ("kind.scale.best".into(), &["best:"], *best),
            ("kind.scale.worst".into(), &["worst:"], *worst),
        ],
        Scale::Bands { nominal, bands, otherwise } => {
            let mut found: Vec<Within> = nominal
                .iter()
                .map(|n| ("kind.scale.nominal".to_string(), &["nominal:"][..], *n))
                .collect();
            for (b, band) in bands.iter().enumerate() {
                found.push((format!("kind.scale.bands[{b}].within"), &["bands", "within:"], band.within));
                found.push((format!("kind.scale.bands[{b}].points"), &["bands", "points:"], band.points));
            }
            found.push(("kind.scale.otherwise".into(), &["otherwise:"], *otherwise));
            found
        }
        Scale::Formula(_) => Vec::new(),
    }
}

fn award_numbers(set: &AwardSet) -> Vec<Within> {
    let mut found: Vec<Within> = Vec::new();
    found.extend(set.tolerance.map(|n| ("tolerance".to_string(), &["tolerance:"][..], n)));
    found.extend(set.threshold.map(|n| ("threshold".to_string(), &["threshold:"][..], n)));
    for (t, tier) in set.tiers.iter().enumerate() {
        if let TierRule::Share(n) | TierRule::AtLeast(n) = tier.rule {
            found.push((format!("tiers[{t}].rule"), &["tiers"], n));
        }
    }
    found
}

/// A formula as quoted in a message: whole, or its start when it is long.
fn excerpt(text: &str) -> String {
    const SHOWN: usize = 60;
    match text.char_indices().nth(SHOWN) {
        Some((end, _)) => format!("{:?} (of {} characters)", format!("{}…", &text[..end]), text.chars().count()),
        None => format!("{text:?}"),
    }
}

fn trimmed(panel: &Panel) -> Option<u8> {
    match panel {
        Panel::TrimmedMean(k) | Panel::TrimmedSum(k) => Some(*k),
        _ => None,
    }
}

/// The rule that applies to `n` marks: for BySize the entry with the largest
/// size not above `n`; otherwise the panel itself.
pub fn panel_rule_for(panel: &Panel, n: usize) -> Option<&Panel> {
    match panel {
        Panel::BySize(rules) => rules.iter().rev().find(|(size, _)| *size as usize <= n).map(|(_, rule)| rule),
        other => Some(other),
    }
}
