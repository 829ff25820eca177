//! Criterion systems: one per kind of criterion, each scoring every entry's
//! criteria of that kind in parallel. They share `panel_cell`, the one
//! routine that turns a cell's judge marks into one number.

use super::components::*;
use super::components::{trace_say, words};
use super::exact::{self, too_large};
use super::panel::{aggregate, aggregate_units, kept_marks, untrimmed, PanelError};
use super::par_for_each;
use super::round::{at_level, round};
use crate::contest::Lang;
use crate::contest::{Combine, ConvertRule, CriterionRule, KindRule, Missing, Rules, Scale, SpreadBetween, SpreadResolve, Unperformed};
use crate::data::{EntryMarks, Mark, NO_JUDGE};
use crate::formula::{EvalError, Expr};
use crate::say;
use bevy_ecs::prelude::*;
use rust_decimal::Decimal;
use smallvec::SmallVec;
use std::sync::Arc;

/// A panel's marks: on the stack for panels of up to 8 judges, so scoring
/// a cell allocates nothing.
pub type PanelMarks<T> = SmallVec<[T; 8]>;

/// The components a criterion system writes.
pub type Scoring<'a> = (
    &'a EntryIndex,
    &'a mut CriterionValues,
    &'a mut Flags,
    Option<&'a mut ElementResults>,
    Option<&'a mut Trace>,
);

/// What scoring one criterion of one entry may read.
pub struct Cell<'a> {
    pub inputs: &'a Inputs,
    pub criterion: usize,
    pub rule: &'a CriterionRule,
    pub entry: u32,
    /// The entry's marks of this criterion's slots, sorted by slot and judge.
    pub marks: EntryMarks<'a>,
}

/// Why a cell is not scored, in words: shared by every cell it is said of.
type Reason = Arc<Words>;

type Outcome = Result<Decimal, Reason>;

/// Scores one criterion of one entry, given every criterion value so far;
/// an element criterion also lists its elements.
type Scorer = fn(&Cell, &[MaybeDecimal], &mut Flags, &mut Option<Mut<ElementResults>>, &mut Option<Mut<Trace>>) -> Outcome;

/// Runs `score` for every entry and every criterion `of_kind` selects.
fn score_each(inputs: &Inputs, query: &mut Query<Scoring>, of_kind: fn(&KindRule) -> bool, score: Scorer) {
    let rules = &inputs.rules;
    let criteria: Vec<usize> = (0..rules.criteria.len()).filter(|&c| of_kind(&rules.criteria[c].kind)).collect();
    if criteria.is_empty() {
        return;
    }
    par_for_each(query, |(index, mut values, mut flags, mut elements, mut trace)| {
        // Criteria in slot order: the entry's marks are read once, in order.
        let mut walk = inputs.marks.entry(index.0 as usize).walk();
        with_room(&mut values.0, rules.criteria.len());
        for &criterion in &criteria {
            let rule = &rules.criteria[criterion];
            let cell = Cell {
                inputs,
                criterion,
                rule,
                entry: index.0,
                marks: walk.in_slots(rule.first_slot, rule.slot_count as u16),
            };
            Trace::scoring(&mut trace, Some(criterion as u16));
            let r = &rules.contest.rounding;
            let outcome =
                score(&cell, &values.0, &mut flags, &mut elements, &mut trace).map(|v| at_level(v, r.criterion, &[r.category, r.total]));
            Trace::note(&mut trace, || match &outcome {
                Ok(v) => {
                    let key = &rule.key;
                    words!("{key} = {v}", "{key} = {v}")
                }
                Err(reason) => {
                    let (key, zh, en) = (&rule.key, &reason.zh, &reason.en);
                    trace_say!("trace-not-scored", key = key, label = Words::new(zh.clone(), en.clone()))
                }
            });
            Trace::scoring(&mut trace, None);
            if let Err(reason) = &outcome {
                flags.0.push(Flag::Incomplete {
                    criterion: criterion as u16,
                    reason: reason.clone(),
                });
            }
            values.0[criterion] = outcome.ok().into();
        }
    });
}

pub fn score_judgements(inputs: Res<Inputs>, mut query: Query<Scoring>) {
    score_each(
        &inputs,
        &mut query,
        |k| matches!(k, KindRule::Judgement { .. }),
        |c, v, f, _, t| judgement(c, v, f, t),
    );
}

pub fn score_measurements(inputs: Res<Inputs>, mut query: Query<Scoring>) {
    score_each(
        &inputs,
        &mut query,
        |k| matches!(k, KindRule::Measurement(..)),
        |c, v, f, _, t| measurement(c, v, f, t),
    );
}

pub fn score_deductions_and_bonuses(inputs: Res<Inputs>, mut query: Query<Scoring>) {
    score_each(&inputs, &mut query, KindRule::is_counted, |c, v, f, _, t| count(c, v, f, t));
}

pub fn score_gates_and_flags(inputs: Res<Inputs>, mut query: Query<Scoring>) {
    score_each(
        &inputs,
        &mut query,
        |k| matches!(k, KindRule::PassFail { .. } | KindRule::Flag),
        |c, v, f, _, t| gate(c, v, f, t),
    );
}

pub fn score_elements(inputs: Res<Inputs>, mut query: Query<Scoring>) {
    score_each(&inputs, &mut query, |k| matches!(k, KindRule::Elements { .. }), elements);
}

pub fn evaluate_formulas(inputs: Res<Inputs>, mut query: Query<Scoring>) {
    score_each(
        &inputs,
        &mut query,
        |k| matches!(k, KindRule::Formula(_)),
        |c, v, f, _, t| formula(c, v, f, t),
    );
}

fn judgement(cell: &Cell, _: &[MaybeDecimal], flags: &mut Flags, trace: &mut Option<Mut<Trace>>) -> Outcome {
    let KindRule::Judgement { convert } = &cell.rule.kind else {
        unreachable!()
    };
    let panel = panel_cell(cell, 0, convert.as_ref(), None, flags, trace)?;
    // Without a conversion, marks on their own scale (say 0–10) are worth
    // the criterion's `max` points in proportion.
    match (convert, cell.rule.max) {
        (None, Some(max)) if cell.rule.marks_rescaled => {
            let points = match cell.rule.points_per_mark {
                Some(factor) => panel.checked_mul(factor),
                None => panel.checked_mul(max).and_then(|p| p.checked_div(cell.rule.range.max)),
            }
            .ok_or_else(too_large)?;
            Trace::note(trace, || {
                let (key, scale) = (&cell.rule.key, cell.rule.range.max.normalize());
                trace_say!("trace-marks-points", key = key, panel = panel, scale = scale, max = max)
            });
            Ok(points)
        }
        _ => Ok(panel),
    }
}

fn measurement(cell: &Cell, _: &[MaybeDecimal], flags: &mut Flags, trace: &mut Option<Mut<Trace>>) -> Outcome {
    let KindRule::Measurement(scale, formula) = &cell.rule.kind else {
        unreachable!()
    };
    let value = panel_cell(cell, 0, None, None, flags, trace)?;
    let points = match scale {
        Scale::Bands { nominal, bands, otherwise } => {
            let deviation = match nominal {
                Some(n) => value.checked_sub(n.value()).ok_or_else(too_large)?.abs(),
                None => value,
            };
            let band = bands.iter().find(|b| deviation <= b.within.value());
            Trace::note(trace, || {
                let key = &cell.rule.key;
                match band {
                    Some(b) => {
                        let (within, points) = (b.within, b.points);
                        trace_say!(
                            "trace-deviation-within-points",
                            key = key,
                            deviation = deviation,
                            within = within,
                            points = points
                        )
                    }
                    None => trace_say!(
                        "trace-deviation-outside-every-band",
                        key = key,
                        deviation = deviation,
                        otherwise = otherwise
                    ),
                }
            });
            band.map_or(otherwise.value(), |b| b.points.value())
        }
        Scale::Linear { best, worst } => {
            let (best, worst) = (best.value(), worst.value());
            let max = cell.rule.max.unwrap_or(Decimal::ONE);
            let share = linear_share(value, best, worst).ok_or_else(too_large)?;
            Trace::note(trace, || {
                let key = &cell.rule.key;
                trace_say!(
                    "trace-line-share",
                    key = key,
                    value = value,
                    worst = worst,
                    best = best,
                    max = max,
                    share = share
                )
            });
            max.checked_mul(share).ok_or_else(too_large)?
        }
        Scale::Formula(text) => {
            let expr = formula.as_ref().expect("a formula scale is compiled with its formula");
            let points = eval(expr, &|_| Some(value), cell, 0)?;
            // A declared `max` caps the points; nothing else bounds them.
            let capped = cell.rule.max.map_or(points, |max| points.min(max));
            Trace::note(trace, || {
                let key = &cell.rule.key;
                match cell.rule.max.filter(|_| capped < points) {
                    Some(max) => trace_say!(
                        "trace-measured-formula-capped",
                        key = key,
                        value = value,
                        formula = text,
                        points = points,
                        max = max
                    ),
                    None => trace_say!("trace-measured-formula", key = key, value = value, formula = text, points = points),
                }
            });
            capped
        }
    };
    Ok(points)
}

/// Where `value` lies from `worst` (0) to `best` (1), clamped; `None` if
/// too large to compute.
fn linear_share(value: Decimal, best: Decimal, worst: Decimal) -> Option<Decimal> {
    let share = worst.checked_sub(value)?.checked_div(worst.checked_sub(best)?)?;
    Some(share.clamp(Decimal::ZERO, Decimal::ONE))
}

fn count(cell: &Cell, _: &[MaybeDecimal], flags: &mut Flags, trace: &mut Option<Mut<Trace>>) -> Outcome {
    let (per, sign) = match &cell.rule.kind {
        KindRule::Deduction { per } => (*per, Decimal::NEGATIVE_ONE),
        KindRule::Bonus { per } => (*per, Decimal::ONE),
        _ => unreachable!(),
    };
    let count = panel_cell(cell, 0, None, None, flags, trace)?;
    let uncapped = count.checked_mul(per).ok_or_else(too_large)?;
    let points = cell.rule.max.map_or(uncapped, |cap| uncapped.min(cap));
    Trace::note(trace, || {
        let key = &cell.rule.key;
        if points < uncapped {
            trace_say!(
                "trace-capped",
                key = key,
                count = count,
                per = per,
                uncapped = uncapped,
                points = points
            )
        } else {
            words!("{key}：{count} × {per} = {uncapped}", "{key}: {count} × {per} = {uncapped}")
        }
    });
    Ok(sign * points)
}

fn gate(cell: &Cell, _: &[MaybeDecimal], flags: &mut Flags, trace: &mut Option<Mut<Trace>>) -> Outcome {
    let value = panel_cell(cell, 0, None, None, flags, trace)?;
    Ok(if value >= Decimal::ONE { Decimal::ONE } else { Decimal::ZERO })
}

fn elements(
    cell: &Cell,
    _: &[MaybeDecimal],
    flags: &mut Flags,
    results: &mut Option<Mut<ElementResults>>,
    trace: &mut Option<Mut<Trace>>,
) -> Outcome {
    let KindRule::Elements {
        convert,
        value,
        combine,
        unperformed,
        ..
    } = &cell.rule.kind
    else {
        unreachable!()
    };
    let r = &cell.inputs.rules.contest.rounding;
    let element_level = |v: Decimal| at_level(v, r.element, &[r.criterion, r.category, r.total]);
    let criterion = cell.criterion as u16;
    // What each element counts: performed ones, and those not performed that count 0.
    let mut element_values = Vec::with_capacity(cell.rule.slot_count as usize);
    for element in 0..cell.rule.slot_count {
        let (slot, number) = (cell.rule.first_slot + element as u16, element + 1);
        let data = cell.inputs.elements.get(cell.entry, slot);
        if let Some(unperformed) = unperformed.filter(|_| !performed(cell, slot)) {
            let counts = match unperformed {
                Unperformed::Skip => None,
                Unperformed::Zero => Some(element_level(Decimal::ZERO)),
            };
            Trace::note(trace, || {
                let key = &cell.rule.key;
                match counts {
                    Some(zero) => trace_say!("trace-element-not-performed-zero", key = key, number = number, zero = zero),
                    None => trace_say!("trace-element-not-performed-skip", key = key, number = number),
                }
            });
            keep(
                results,
                ElementResult {
                    criterion,
                    element: number,
                    performed: false,
                    score: None,
                    value: counts,
                },
            );
            element_values.extend(counts);
            continue;
        }
        let score = panel_cell(cell, element, convert.as_ref(), data, flags, trace)?;
        let vars = |v: usize| {
            if v == 0 {
                Some(score)
            } else {
                data.and_then(|d| d.get(v - 1).copied())
            }
        };
        // No marks (a zero filled in) and no data: most likely not performed,
        // which the contest has not said how to count.
        let evaluated = eval(value, &vars, cell, number).map_err(|reason| match data {
            None if !performed(cell, slot) => trace_say!("trace-element-unperformed-undeclared", element = number).into(),
            _ => reason,
        });
        let element_value = element_level(evaluated?);
        Trace::note(trace, || {
            let (key, named) = (&cell.rule.key, named_data(cell, slot));
            if named.en.is_empty() {
                trace_say!(
                    "trace-element-scored",
                    key = key,
                    number = number,
                    score = score,
                    element_value = element_value
                )
            } else {
                trace_say!(
                    "trace-element-scored-data",
                    key = key,
                    number = number,
                    score = score,
                    data = named,
                    element_value = element_value
                )
            }
        });
        keep(
            results,
            ElementResult {
                criterion,
                element: number,
                performed: true,
                score: Some(score),
                value: Some(element_value),
            },
        );
        element_values.push(element_value);
    }
    element_values.sort_unstable_by(|a, b| b.cmp(a));
    let combined = match combine {
        Combine::Sum => exact::sum(element_values.iter().copied()),
        Combine::Mean if element_values.is_empty() => Some(Decimal::ZERO),
        Combine::Mean => exact::mean(&element_values),
        Combine::Best(n) => {
            Trace::note(trace, || {
                let (key, count) = (&cell.rule.key, element_values.len());
                trace_say!("trace-best-elements-count", key = key, count = count, n = n)
            });
            exact::sum(element_values.iter().take(*n as usize).copied())
        }
    };
    Ok(combined.ok_or_else(too_large)?)
}

/// Keeps an element's result (entries have room for them in contests with element criteria).
fn keep(results: &mut Option<Mut<ElementResults>>, result: ElementResult) {
    if let Some(results) = results {
        results.0.push(result);
    }
}

/// Whether the entry performed an element: it has a mark or a row in the
/// elements file. Only a contest that declares `unperformed` asks.
fn performed(cell: &Cell, slot: u16) -> bool {
    crate::data::ElementData::performed(&cell.inputs.elements, cell.entry, slot, cell.marks)
}

/// An element's data and text by field, as the contest names them:
/// "difficulty 1.4, code 5154B" (in Chinese joined by 、).
fn named_data(cell: &Cell, slot: u16) -> Words {
    let KindRule::Elements { data: fields, text, .. } = &cell.rule.kind else {
        return Words::default();
    };
    let elements = &cell.inputs.elements;
    let numbers = fields.iter().zip(elements.get(cell.entry, slot).unwrap_or_default());
    let texts = text.iter().zip(elements.text(cell.entry, slot).unwrap_or_default());
    let named: Vec<String> = numbers
        .map(|(field, v)| format!("{field} {v}"))
        .chain(texts.map(|(field, t)| format!("{field} {t}")))
        .collect();
    let joined = |lang: Lang| named.join(&say!(lang, "list-separator"));
    Words::new(joined(Lang::Zh), joined(Lang::En))
}

fn formula(cell: &Cell, values: &[MaybeDecimal], _: &mut Flags, trace: &mut Option<Mut<Trace>>) -> Outcome {
    let KindRule::Formula(expr) = &cell.rule.kind else { unreachable!() };
    let result = eval(expr, &|v| values[v].get(), cell, 0)?;
    Trace::note(trace, || {
        let key = &cell.rule.key;
        trace_say!("trace-formula-gives", key = key, result = result)
    });
    Ok(result)
}

/// Evaluates a formula of a cell, naming a missing input in the error.
fn eval(expr: &Expr, vars: &dyn Fn(usize) -> Option<Decimal>, cell: &Cell, element: u8) -> Outcome {
    expr.eval(vars).map_err(|e| {
        Reason::new(match e {
            EvalError::Missing(_) if element > 0 => trace_say!("trace-element-has-no-element", element = element),
            EvalError::Missing(v) if matches!(cell.rule.kind, KindRule::Formula(_)) => {
                let key = &cell.inputs.rules.criteria[v].key;
                trace_say!("trace-reads-which-has-no", key = key)
            }
            EvalError::DivisionByZero => trace_say!("trace-formula-failed-division-zero"),
            other => trace_say!("trace-formula-failed", other = other),
        })
    })
}

/// Why a cell waits for these judges ("J1, J2"). Said of every cell of
/// every entry before the marks come in, so said once for each set of
/// names and shared: formatted for each cell, a 100,000-entry contest
/// without marks took a second and 500 MB for the same few sentences.
fn judges_not_marked(names: String) -> Reason {
    thread_local! {
        static SAID: std::cell::RefCell<rustc_hash::FxHashMap<String, Reason>> = Default::default();
    }
    SAID.with_borrow_mut(|said| {
        if let Some(reason) = said.get(&names) {
            return reason.clone();
        }
        // Names differ by contest and panel; a long-lived server meets many.
        if said.len() >= 1024 {
            said.clear();
        }
        let reason = Reason::new(trace_say!("trace-no-mark-judge", names = names));
        said.insert(names, reason.clone());
        reason
    })
}

/// The entry's marks of one slot of the cell's criterion, in judge order.
fn slot_run<'a>(cell: &Cell<'a>, element: u8) -> &'a [Mark] {
    cell.marks.in_slot(cell.rule.first_slot + element as u16)
}

/// The marks of one slot, as (judge, value), in judge order.
fn slot_marks(cell: &Cell, element: u8) -> PanelMarks<(u16, Decimal)> {
    slot_run(cell, element)
        .iter()
        .map(|m| (m.judge, Decimal::new(m.units as i64, cell.rule.range.scale)))
        .collect()
}

/// [`panel_cell`]'s result for the common panel, in the marks' own whole
/// units ([`aggregate_units`]): every seated judge has marked, nothing is
/// converted, the judges' marks are not rounded to fewer places than they
/// have, the panel's result is rounded, the spread (if limited) is within
/// its limit. `None` hands the cell to the decimal path, which says why
/// whatever else happens.
fn panel_in_units(cell: &Cell, element: u8) -> Option<Decimal> {
    let rules = &cell.inputs.rules;
    let (rule, rounding) = (cell.rule, &rules.contest.rounding);
    let scale = rule.range.scale;
    let rounded = rounding.panel?;
    if rounding.judge.is_some_and(|judge| judge.places < scale) {
        return None;
    }
    let raw = slot_run(cell, element);
    let seated = cell.inputs.panels.seated(rules, cell.criterion, cell.entry);
    if raw.is_empty() || !seated.iter().all(|j| raw.iter().any(|m| m.judge == *j)) {
        return None;
    }
    let mut units: PanelMarks<i64> = raw.iter().map(|m| i64::from(m.units)).collect();
    let result = aggregate_units(&rule.panel, &mut units, scale, rounded)?;
    if let Some(spread) = &rule.spread {
        let considered = match spread.between {
            SpreadBetween::All => &units[..],
            SpreadBetween::Middle => kept_marks(&rule.panel, &units),
        };
        let width = considered.last().zip(considered.first()).map_or(0, |(hi, lo)| hi - lo);
        if Decimal::new(width, scale) > spread.max.value() {
            return None;
        }
    }
    Some(result)
}

fn judge_name(rules: &Rules, judge: u16) -> &str {
    if judge == NO_JUDGE {
        "record"
    } else {
        rules.judge_id(judge)
    }
}

/// Marks with their judges ("J1 6.5, J2 7.2"; a record without a judge is
/// named as such), in both languages.
fn list(rules: &Rules, marks: &[(u16, Decimal)]) -> Words {
    let in_lang = |lang: Lang| {
        marks
            .iter()
            .map(|(j, v)| match *j {
                NO_JUDGE => say!(lang, "trace-record-mark", value = v),
                j => format!("{} {v}", rules.judge_id(j)),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    Words::new(in_lang(Lang::Zh), in_lang(Lang::En))
}

/// One cell's judge marks → one number: convert each mark, stand in for
/// missing judges, check the spread, combine by the panel rule, round.
pub fn panel_cell(
    cell: &Cell,
    element: u8,
    convert: Option<&ConvertRule>,
    data: Option<&[Decimal]>,
    flags: &mut Flags,
    trace: &mut Option<Mut<Trace>>,
) -> Outcome {
    if convert.is_none() && trace.is_none() {
        if let Some(result) = panel_in_units(cell, element) {
            return Ok(result);
        }
    }
    let rules = &cell.inputs.rules;
    let rule = cell.rule;
    let rounding = &rules.contest.rounding;
    let raw = slot_marks(cell, element);
    // Elements are numbered from 1 for people; 0 means "no element".
    let number = if matches!(rule.kind, KindRule::Elements { .. }) {
        element + 1
    } else {
        0
    };
    let label = || {
        let key = &rule.key;
        if number > 0 {
            trace_say!("trace-element", key = key, number = number)
        } else {
            words!("{key}", "{key}")
        }
    };
    // Where a mark is expected, a zero standing in for it is said (a
    // deduction, bonus or flag without a record is none happening).
    let gap = !matches!(rule.kind, KindRule::Deduction { .. } | KindRule::Bonus { .. } | KindRule::Flag);
    let filled_zero = Flag::FilledZero {
        criterion: cell.criterion as u16,
        element: number,
    };
    if raw.is_empty() && rule.missing == Missing::Zero {
        Trace::note(trace, || {
            let Words { zh, en } = label();
            trace_say!("trace-no-record-counts-as", label = Words::new(zh.clone(), en.clone()))
        });
        if gap {
            flags.0.push(filled_zero);
        }
        return Ok(Decimal::ZERO);
    }
    let mut marks: PanelMarks<(u16, Decimal)> = PanelMarks::with_capacity(raw.len() + rule.judges.len());
    for &(judge, value) in &raw {
        let points = match convert {
            None => value,
            Some(ConvertRule::Table(table)) => match table.iter().find(|(mark, _)| *mark == value) {
                Some((_, points)) => *points,
                None => {
                    let judge = judge_name(rules, judge);
                    return Err(trace_say!("trace-judge-gave-which-conversion", judge = judge, value = value).into());
                }
            },
            Some(ConvertRule::Formula(expr)) => {
                let vars = |v: usize| {
                    if v == 0 {
                        Some(value)
                    } else {
                        data.and_then(|d| d.get(v - 1).copied())
                    }
                };
                eval(expr, &vars, cell, number)?
            }
        };
        marks.push((judge, round(points, rounding.judge)));
    }
    if convert.is_some() {
        Trace::note(trace, || {
            let (Words { zh, en }, from, to) = (label(), list(rules, &raw), list(rules, &marks));
            let (from_zh, from_en, to_zh, to_en) = (from.zh, from.en, to.zh, to.en);
            trace_say!(
                "trace-marks-converted",
                label = Words::new(zh.clone(), en.clone()),
                from = Words::new(from_zh.clone(), from_en.clone()),
                to = Words::new(to_zh.clone(), to_en.clone())
            )
        });
    }
    // The entry's panel: the criterion's judges who may mark it, reserves in the seats of those who may not.
    let seated = cell.inputs.panels.seated(rules, cell.criterion, cell.entry);
    if seated.as_ref() != rule.judges.as_slice() {
        Trace::note(trace, || {
            let Words { zh, en } = label();
            let names = seated.iter().map(|&j| rules.judge_id(j)).collect::<Vec<_>>().join(", ");
            trace_say!(
                "trace-this-entry-s-panel",
                label = Words::new(zh.clone(), en.clone()),
                names = names
            )
        });
    }
    let missing: PanelMarks<u16> = seated.iter().copied().filter(|j| !raw.iter().any(|(m, _)| m == j)).collect();
    if !missing.is_empty() {
        let names = missing.iter().map(|&j| rules.judge_id(j)).collect::<Vec<_>>().join(", ");
        match rule.missing {
            Missing::Refuse => return Err(judges_not_marked(names)),
            Missing::Zero => {
                // Only a gap is worth a line: a count without a record is none counted.
                if gap {
                    Trace::note(trace, || {
                        let Words { zh, en } = label();
                        trace_say!(
                            "trace-judge-missing-zero",
                            label = Words::new(zh.clone(), en.clone()),
                            names = names
                        )
                    });
                    flags.0.push(filled_zero);
                }
                marks.extend(missing.iter().map(|&j| (j, Decimal::ZERO)));
            }
            Missing::SubstituteMean => {
                if marks.is_empty() {
                    return Err(trace_say!("trace-no-judge-has-marked").into());
                }
                let values: PanelMarks<Decimal> = marks.iter().map(|(_, v)| *v).collect();
                let mean = exact::mean(&values).ok_or_else(too_large)?;
                Trace::note(trace, || {
                    let Words { zh, en } = label();
                    trace_say!(
                        "trace-judge-missing-others-mean",
                        label = Words::new(zh.clone(), en.clone()),
                        names = names,
                        mean = mean
                    )
                });
                marks.extend(missing.iter().map(|&j| (j, mean)));
                flags.0.push(Flag::Substituted {
                    criterion: cell.criterion as u16,
                    element: number,
                    judges: missing.to_vec(),
                });
            }
        }
    }
    let mut panel = rule.panel.clone();
    if let Some(spread) = &rule.spread {
        let mut sorted: PanelMarks<Decimal> = raw.iter().map(|(_, v)| *v).collect();
        sorted.sort_unstable();
        let considered = match spread.between {
            SpreadBetween::All => &sorted[..],
            SpreadBetween::Middle => kept_marks(&panel, &sorted),
        };
        let width = considered
            .last()
            .zip(considered.first())
            .map_or(Decimal::ZERO, |(hi, lo)| hi.saturating_sub(*lo));
        if width > spread.max.value() {
            flags.0.push(Flag::Spread {
                criterion: cell.criterion as u16,
                element: number,
                spread: width,
            });
            Trace::note(trace, || {
                let (Words { zh, en }, limit, resolve) = (label(), spread.max, spread.resolve);
                let (resolve_zh, resolve_en) = (resolve.words(Lang::Zh), resolve.words(Lang::En));
                trace_say!(
                    "trace-marks-apart-more-than",
                    label = Words::new(zh.clone(), en.clone()),
                    width = width,
                    limit = limit,
                    resolve = Words::new(resolve_zh.clone(), resolve_en.clone())
                )
            });
            match spread.resolve {
                SpreadResolve::Flag => {}
                SpreadResolve::UseAll => panel = untrimmed(&panel, marks.len()),
                SpreadResolve::Block => {
                    let limit = spread.max;
                    return Err(trace_say!("trace-marks-are-apart-more", width = width, limit = limit).into());
                }
            }
        }
    }
    let values: PanelMarks<Decimal> = marks.iter().map(|(_, v)| *v).collect();
    let result = aggregate(&panel, &values).map_err(|e| match e {
        PanelError::NoMarks => trace_say!("trace-no-marks"),
        PanelError::TooFew { rule, marks } => trace_say!("trace-marks-are-too-few", marks = marks, rule = rule),
        PanelError::TooLarge => too_large(),
    })?;
    let result = round(result, rounding.panel);
    Trace::note(trace, || {
        let mut sorted = values.clone();
        sorted.sort_unstable();
        let kept = kept_marks(&panel, &sorted);
        let dropped = if kept.len() < sorted.len() {
            let k = (sorted.len() - kept.len()) / 2;
            let join = |marks: &[Decimal]| marks.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(", ");
            let (low, high) = (join(&sorted[..k]), join(&sorted[sorted.len() - k..]));
            trace_say!("trace-dropping-low-high", low = low, high = high)
        } else {
            Words::default()
        };
        let applied = crate::contest::rules::panel_rule_for(&panel, values.len()).unwrap_or(&panel);
        let (Words { zh, en }, Words { zh: all_zh, en: all_en }) = (label(), list(rules, &marks));
        let (dropped_zh, dropped_en) = (dropped.zh, dropped.en);
        let (applied_zh, applied_en) = (applied.words(Lang::Zh), applied.words(Lang::En));
        trace_say!(
            "trace-marks",
            label = Words::new(zh.clone(), en.clone()),
            all = Words::new(all_zh.clone(), all_en.clone()),
            applied = Words::new(applied_zh.clone(), applied_en.clone()),
            dropped = Words::new(dropped_zh.clone(), dropped_en.clone()),
            result = result
        )
    });
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_is_said_once_for_each_set_of_names() {
        let (first, again) = (judges_not_marked("J1, J2".into()), judges_not_marked("J1, J2".into()));
        assert!(Arc::ptr_eq(&first, &again), "the same names share one reason");
        assert!(first.en.contains("J1, J2") && first.zh.contains("J1, J2"), "{first:?}");
        let other = judges_not_marked("P3".into());
        assert!(other.en.contains("P3") && !other.en.contains("J1"), "{other:?}");
    }
}
