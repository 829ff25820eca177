//! The contest's rules in words, Chinese and English, written from the same
//! checked rules that computed the results, so the report cannot say one
//! thing while the numbers did another.

use crate::contest::{
    Advance, AdvanceRule, CategoryScore, Combine, Convert, CriterionKind, Eligible, Lang, Missing, Order, Panel, Round, RoundMode, Rules,
    Scale, Scope, SpreadBetween, SpreadResolve, Takes, TeamCombine, TieBreakRule, TierRule, VetoEffect,
};
use crate::engine::components::words;
use crate::engine::Words;

/// A heading and its lines.
pub struct Section {
    pub title: Words,
    pub lines: Vec<Words>,
}

pub fn describe(rules: &Rules) -> Vec<Section> {
    let mut sections = vec![totals(rules), criteria(rules), rounding(rules), ranking(rules)];
    if !rules.contest.stages.is_empty() {
        sections.insert(1, stages(rules));
    }
    if !rules.contest.vetoes.is_empty() {
        sections.insert(2, vetoes(rules));
    }
    if !rules.contest.awards.is_empty() {
        sections.push(awards(&rules.contest.awards, words!("奖项", "Awards")));
    }
    if let Some(teams) = &rules.contest.teams {
        let field = &teams.field;
        let combine = match teams.combine {
            TeamCombine::Sum => words!("成员总分之和", "the sum of its members' totals"),
            TeamCombine::Mean => words!("成员总分的平均", "the mean of its members' totals"),
            TeamCombine::Best(k) => words!(
                "成绩最好的 {k} 名成员总分之和（不足 {k} 人不排名）",
                "the sum of its best {k} members' totals (unranked with fewer)"
            ),
        };
        let mut section = awards(&teams.awards, words!("团体成绩", "Team results"));
        section.lines.insert(
            0,
            Words::new(
                format!("{field} 相同的参赛者组成一队；团体成绩为{}。", combine.zh),
                format!("Entries with the same {field} form a team, scored as {}.", combine.en),
            ),
        );
        sections.push(section);
    }
    sections.push(judging(rules));
    sections
}

fn number(value: &crate::contest::Number) -> String {
    value.to_string()
}

fn totals(rules: &Rules) -> Section {
    let contest = &rules.contest;
    let mut lines = Vec::new();
    let order = match contest.ranking.order {
        Order::HigherIsBetter => words!("总分越高越好", "higher totals rank first"),
        Order::LowerIsBetter => words!("总分越低越好", "lower totals rank first"),
    };
    match &contest.total_max {
        // In stages, the stages section says what each total is.
        _ if !contest.stages.is_empty() => {}
        Some(max) => {
            let max = number(max);
            lines.push(Words::new(
                format!("总分满分 {max} 分，{}。", order.zh),
                format!("The total is out of {max}; {}.", order.en),
            ));
        }
        None => lines.push(Words::new(
            format!("总分为各类别得分之和，{}。", order.zh),
            format!("The total is the sum of the category scores; {}.", order.en),
        )),
    }
    for category in &rules.categories {
        let (zh, en, id) = (&category.label.zh, &category.label.en, &category.id);
        let weight = category.weight.normalize();
        let how = match category.score {
            CategoryScore::Share => words!(
                "占 {weight} 分：各评分项得分占其满分的比例 × {weight}",
                "worth {weight}: its criteria's points as a share of their maximum × {weight}"
            ),
            CategoryScore::Sum if weight == rust_decimal::Decimal::ONE => {
                words!("各评分项得分直接相加", "the plain sum of its criteria's points")
            }
            CategoryScore::Sum => words!("各评分项得分相加 × {weight}", "the sum of its criteria's points × {weight}"),
        };
        let floor = match category.floor {
            Some(floor) => Words::new(format!("，最低 {}", floor.normalize()), format!(", at least {}", floor.normalize())),
            None => Words::default(),
        };
        lines.push(Words::new(
            format!("{zh}（{id}）：{}{}。", how.zh, floor.zh),
            format!("{en} ({id}): {}{}.", how.en, floor.en),
        ));
    }
    Section {
        title: words!("总分与类别", "Total and categories"),
        lines,
    }
}

/// A catalogue message in both languages, with the same arguments.
fn both(id: &str, args: &[(&str, Words)]) -> Words {
    let speak = |lang: Lang| {
        let args: Vec<(&str, String)> = args.iter().map(|(name, value)| (*name, value.get(lang).to_string())).collect();
        crate::i18n::say(lang, id, &args)
    };
    Words::new(speak(Lang::Zh), speak(Lang::En))
}

/// The same text in both languages (a number, an id).
fn same(text: impl ToString) -> Words {
    let text = text.to_string();
    Words::new(text.clone(), text)
}

/// A contest field's name in both languages (`pair` → 对阵 / Pair).
fn field_words(contest: &crate::contest::Contest, field: &str) -> Words {
    Words::new(contest.field_label(field, Lang::Zh), contest.field_label(field, Lang::En))
}

/// The stages in order: what each scores, who takes part, what it
/// carries, and who goes on.
fn stages(rules: &Rules) -> Section {
    let contest = &rules.contest;
    let stages = &contest.stages;
    let label = |id: &str| -> Words {
        let found = stages.iter().find(|s| s.id == id).map(|s| &s.label);
        found.map_or_else(|| same(id), |l| Words::new(l.zh.clone(), l.en.clone()))
    };
    let mut lines = vec![both("report-stages-intro", &[("count", same(stages.len()))])];
    for (k, stage) in stages.iter().enumerate() {
        let categories: Vec<&crate::contest::Category> = stage
            .categories
            .iter()
            .filter_map(|id| contest.categories.iter().find(|c| &c.id == id))
            .collect();
        let categories = Words::new(
            categories.iter().map(|c| c.label.zh.as_str()).collect::<Vec<_>>().join("、"),
            categories.iter().map(|c| c.label.en.as_str()).collect::<Vec<_>>().join(", "),
        );
        let takes = match (&stage.takes, k) {
            (Some(Takes::Everyone), _) | (None, 0) => both("report-stage-takes-everyone", &[]),
            (Some(Takes::Qualifiers(id)), _) => both("report-stage-takes-qualifiers", &[("stage", label(id))]),
            (None, _) => both("report-stage-takes-qualifiers", &[("stage", label(&stages[k - 1].id))]),
        };
        let carry = if stage.carry.is_empty() {
            both("report-stage-carry-none", &[])
        } else {
            let parts: Vec<Words> = stage
                .carry
                .iter()
                .map(|(id, percent)| {
                    both(
                        "report-stage-carry-part",
                        &[("stage", label(id)), ("percent", same(number(percent)))],
                    )
                })
                .collect();
            let parts = Words::new(
                parts.iter().map(|p| p.zh.as_str()).collect::<Vec<_>>().join("、"),
                parts.iter().map(|p| p.en.as_str()).collect::<Vec<_>>().join(", "),
            );
            both("report-stage-carry", &[("parts", parts)])
        };
        let advance = if k + 1 == stages.len() {
            both("report-stage-last", &[])
        } else {
            advance(contest, stage.advance.as_ref())
        };
        lines.push(both(
            "report-stage-line",
            &[
                ("number", same(k + 1)),
                ("stage", label(&stage.id)),
                ("id", same(&stage.id)),
                ("categories", categories),
                ("takes", takes),
                ("carry", carry),
                ("advance", advance),
            ],
        ));
    }
    // Each stage's own tie-breaks and vetoes, from the stage as scored.
    for (stage, compiled) in stages.iter().zip(&rules.stages) {
        let own = tie_breaks(&compiled.rules).into_iter().chain(vetoes(&compiled.rules).lines);
        lines.extend(own.map(|rule| both("report-stage-rule", &[("stage", label(&stage.id)), ("rule", rule)])));
    }
    Section {
        title: both("report-stages-title", &[]),
        lines,
    }
}

/// A stage's rule for going on, in words, with its cap.
fn advance(contest: &crate::contest::Contest, advance: Option<&Advance>) -> Words {
    let Some(advance) = advance else {
        return both("report-stage-advance-everyone", &[]);
    };
    let mut words = match &advance.rule {
        AdvanceRule::Top(n) => both("report-stage-advance-top", &[("n", same(n))]),
        AdvanceRule::Share(p) => both("report-stage-advance-share", &[("percent", same(number(p)))]),
        AdvanceRule::AtLeast(bound) => {
            let id = match contest.ranking.order {
                Order::HigherIsBetter => "report-stage-advance-at-least",
                Order::LowerIsBetter => "report-stage-advance-at-most",
            };
            both(id, &[("bound", same(number(bound)))])
        }
        AdvanceRule::Heats {
            field,
            winners,
            best_others,
        } => both(
            "report-stage-advance-heats",
            &[
                ("field", field_words(contest, field)),
                ("winners", same(winners)),
                ("others", same(best_others)),
            ],
        ),
    };
    if let Some((field, cap)) = &advance.cap {
        let capped = both(
            "report-stage-advance-cap",
            &[("field", field_words(contest, field)), ("cap", same(cap))],
        );
        words.zh += &capped.zh;
        words.en += &capped.en;
    }
    words
}

fn panel(rule: &Panel) -> Words {
    match rule {
        Panel::Mean => words!("取平均", "the mean"),
        Panel::Median => words!("取中位数", "the median"),
        Panel::Sum => words!("求和", "the sum"),
        Panel::Min => words!("取最低分", "the lowest mark"),
        Panel::Max => words!("取最高分", "the highest mark"),
        Panel::TrimmedMean(k) => words!(
            "去掉 {k} 个最高分和 {k} 个最低分后取平均",
            "the mean after dropping the {k} highest and {k} lowest"
        ),
        Panel::TrimmedSum(k) => words!(
            "去掉 {k} 个最高分和 {k} 个最低分后求和",
            "the sum after dropping the {k} highest and {k} lowest"
        ),
        Panel::ClosestPair => words!("取最接近的两个分数的平均", "the mean of the two closest marks"),
        Panel::BySize(rules) => {
            let parts: Vec<(String, String)> = rules
                .iter()
                .map(|(n, rule)| {
                    let p = panel(rule);
                    (format!("{n} 人时{}", p.zh), format!("with {n} marks, {}", p.en))
                })
                .collect();
            let (zh, en): (Vec<String>, Vec<String>) = parts.into_iter().unzip();
            Words {
                zh: format!("按评分人数：{}", zh.join("；")),
                en: format!("by the number of marks: {}", en.join("; ")),
            }
        }
    }
}

fn kind(kind: &CriterionKind, max: Option<String>) -> Words {
    let max = max.unwrap_or_default();
    match kind {
        CriterionKind::Judgement { convert } => match convert {
            None => words!("评委打分", "judges' marks"),
            Some(Convert::Table(_)) => words!("评委打分，按对照表换算为得分", "judges' marks, converted to points by a table"),
            Some(Convert::Formula(f)) => words!("评委打分，按公式 {f} 换算", "judges' marks, converted by the formula {f}"),
        },
        CriterionKind::Measurement { scale } => match scale {
            Scale::Bands { nominal, bands, otherwise } => {
                let bands: Vec<String> = bands
                    .iter()
                    .map(|b| format!("≤{}→{}", number(&b.within), number(&b.points)))
                    .collect();
                let (bands, otherwise) = (bands.join(", "), number(otherwise));
                match nominal {
                    Some(n) => {
                        let n = number(n);
                        words!(
                            "实测值与标准值 {n} 之差按档计分：{bands}，其余 {otherwise}",
                            "a measurement scored by its deviation from {n}: {bands}, else {otherwise}"
                        )
                    }
                    None => words!(
                        "实测值按档计分：{bands}，其余 {otherwise}",
                        "a measurement scored in bands: {bands}, else {otherwise}"
                    ),
                }
            }
            Scale::Linear { best, worst } => {
                let (best, worst) = (number(best), number(worst));
                words!(
                    "实测值 {best} 得满分 {max}，{worst} 得 0 分，其间按比例",
                    "a measurement: {max} at {best}, 0 at {worst}, linear between"
                )
            }
            Scale::Formula(f) => words!("实测值 `value` 按公式 {f} 计分", "a measurement `value` scored by the formula {f}"),
        },
        CriterionKind::Deduction { per } => {
            let per = number(per);
            words!("每次扣 {per} 分，最多扣 {max} 分", "{per} off per count, at most {max}")
        }
        CriterionKind::Bonus { per } => {
            let per = number(per);
            words!("每次加 {per} 分，最多加 {max} 分", "{per} added per count, at most {max}")
        }
        CriterionKind::PassFail { points } => {
            let points = points.as_ref().map_or("0".into(), number);
            words!("合格/不合格，合格得 {points} 分", "pass or fail; a pass is worth {points}")
        }
        CriterionKind::Flag => words!(
            "是/否记录，不计分（供否决和公式使用）",
            "a yes/no record worth no points (for vetoes and formulas)"
        ),
        CriterionKind::Elements {
            count,
            combine,
            unperformed,
            ..
        } => {
            let combine = match combine {
                Combine::Sum => words!("相加", "summed"),
                Combine::Mean => words!("取平均", "averaged"),
                Combine::Best(n) => words!("取最好的 {n} 个相加", "the best {n} summed"),
            };
            let said = Words::new(
                format!("{count} 个动作分别评分，{}", combine.zh),
                format!("{count} elements marked one by one, {}", combine.en),
            );
            let fewer = |lang| match unperformed {
                None => String::new(),
                Some(crate::contest::Unperformed::Skip) => crate::say!(lang, "report-unperformed-skip", count = count),
                Some(crate::contest::Unperformed::Zero) => crate::say!(lang, "report-unperformed-zero", count = count),
            };
            Words::new(
                said.zh + &fewer(crate::contest::Lang::Zh),
                said.en + &fewer(crate::contest::Lang::En),
            )
        }
        CriterionKind::Formula { expr } => words!("按公式计算：{expr}", "computed by the formula {expr}"),
    }
}

fn criteria(rules: &Rules) -> Section {
    let mut lines = Vec::new();
    for (c, rule) in rules.criteria.iter().enumerate() {
        let model = &rules.contest.categories[rule.category].criteria[rule.position];
        let key = &rule.key;
        let (zh, en) = (&model.label.zh, &model.label.en);
        let max = rule.max.map(|m| m.normalize().to_string());
        let what = kind(&model.kind, max.clone());
        let worth = match (&model.kind, &max) {
            (CriterionKind::Judgement { .. } | CriterionKind::Elements { .. } | CriterionKind::Measurement { .. }, Some(m)) => {
                words!("满分 {m}；", "out of {m}; ")
            }
            _ => Words::default(),
        };
        let mut line = Words::new(
            format!("{zh}（{key}）：{}{}", worth.zh, what.zh),
            format!("{en} ({key}): {}{}", worth.en, what.en),
        );
        let judged = matches!(model.kind, CriterionKind::Judgement { .. } | CriterionKind::Elements { .. });
        if judged {
            let (low, high) = (rule.range.min.normalize(), rule.range.max.normalize());
            let step = rule.range.step.map(|s| s.normalize().to_string()).unwrap_or_default();
            let range = if step.is_empty() {
                words!("；每位评委打 {low}–{high} 分", "; each judge marks {low}–{high}")
            } else {
                words!(
                    "；每位评委打 {low}–{high} 分，最小单位 {step}",
                    "; each judge marks {low}–{high} in steps of {step}"
                )
            };
            let judges = rule.judges.len();
            let p = panel(&rule.panel);
            let missing = match rule.missing {
                Missing::SubstituteMean => words!("缺评以其他评委平均分代替", "a missing mark is replaced by the others' mean"),
                Missing::Refuse => words!("缺评则该项不计分、待补评", "a missing mark leaves the criterion unscored"),
                Missing::Zero => words!("缺评记 0 分", "a missing mark counts 0"),
            };
            line.zh += &format!("{}；{judges} 位评委，{}；{}", range.zh, p.zh, missing.zh);
            line.en += &format!("{}; {judges} judges, {}; {}", range.en, p.en, missing.en);
            if let Some(spread) = &rule.spread {
                let max = number(&spread.max);
                let between = match spread.between {
                    SpreadBetween::All => words!("最高与最低分", "highest and lowest marks"),
                    SpreadBetween::Middle => words!("去掉极端分后的最高与最低分", "highest and lowest kept marks"),
                };
                let resolve = match spread.resolve {
                    SpreadResolve::Flag => words!("照常计分并标记", "scored as declared and flagged"),
                    SpreadResolve::UseAll => words!("改用全部分数计分并标记", "scored with every mark and flagged"),
                    SpreadResolve::Block => words!("暂不计分，待更正", "left unscored until corrected"),
                };
                line.zh += &format!("；{}相差超过 {max} 时{}", between.zh, resolve.zh);
                line.en += &format!("; when the {} differ by more than {max}, {}", between.en, resolve.en);
            }
        }
        let _ = c;
        line.zh.push('。');
        line.en.push('.');
        lines.push(line);
    }
    Section {
        title: words!("评分项", "Criteria"),
        lines,
    }
}

fn vetoes(rules: &Rules) -> Section {
    let lines = rules
        .contest
        .vetoes
        .iter()
        .map(|veto| {
            let (zh, en, when) = (&veto.label.zh, &veto.label.en, &veto.when);
            let effect = match &veto.effect {
                VetoEffect::Disqualify => words!("取消一切评奖资格（仍排名）", "no award of any kind (still ranked)"),
                VetoEffect::ZeroCategory(c) => words!("类别 {c} 记 0 分", "category {c} scores 0"),
                VetoEffect::CapTotal(cap) => {
                    let cap = number(cap);
                    words!("总分最高 {cap}", "the total is at most {cap}")
                }
            };
            Words::new(
                format!("{zh}：当 {when} 时，{}。", effect.zh),
                format!("{en}: when {when}, {}.", effect.en),
            )
        })
        .collect();
    Section {
        title: words!("一票否决", "Vetoes"),
        lines,
    }
}

fn rounding(rules: &Rules) -> Section {
    let r = &rules.contest.rounding;
    let stages: [(Option<Round>, Words); 6] = [
        (r.judge, words!("每位评委的换算得分", "each judge's converted mark")),
        (r.panel, words!("评委组合后的得分", "the panel's result")),
        (r.element, words!("每个动作的得分", "each element's value")),
        (r.criterion, words!("评分项得分", "each criterion's points")),
        (r.category, words!("类别得分", "each category's score")),
        (r.total, words!("总分", "the total")),
    ];
    let mut lines: Vec<Words> = stages
        .iter()
        .filter_map(|(round, what)| {
            let round = (*round)?;
            let places = round.places;
            let mode = match round.mode {
                RoundMode::HalfUp => words!("四舍五入", "rounding halves up"),
                RoundMode::HalfEven => words!("四舍六入五成双", "rounding halves to even"),
                RoundMode::Truncate => words!("直接截断", "truncating"),
            };
            Some(Words::new(
                format!("{}保留 {places} 位小数，{}。", what.zh, mode.zh),
                format!("{} keeps {places} decimal places, {}.", what.en, mode.en),
            ))
        })
        .collect();
    lines.push(words!(
        "其余各步均为精确十进制计算，不做任何舍入。",
        "Every other step is exact decimal arithmetic, with no rounding."
    ));
    Section {
        title: words!("小数与进位", "Rounding"),
        lines,
    }
}

/// The steps that separate equal totals, one line each.
fn tie_breaks(rules: &Rules) -> Vec<Words> {
    let mut lines = Vec::new();
    for (k, tie_break) in rules.tie_breaks.iter().enumerate() {
        let n = k + 1;
        let rule = match tie_break {
            TieBreakRule::Category(c) => {
                let label = &rules.categories[*c].label;
                Words::new(
                    format!("类别“{}”得分高者在前", label.zh),
                    format!("higher {} score first", label.en),
                )
            }
            TieBreakRule::Criterion(c) => {
                let (zh, en) = (
                    rules.criterion_label(*c, crate::contest::Lang::Zh),
                    rules.criterion_label(*c, crate::contest::Lang::En),
                );
                words!("评分项“{zh}”得分高者在前", "higher {en} points first")
            }
            TieBreakRule::HighestMark(c) => {
                let (zh, en) = (
                    rules.criterion_label(*c, crate::contest::Lang::Zh),
                    rules.criterion_label(*c, crate::contest::Lang::En),
                );
                words!("评分项“{zh}”单个最高分高者在前", "the higher best single mark in {en} first")
            }
            TieBreakRule::FewerDeductions => words!("扣分少者在前", "fewer deductions first"),
            TieBreakRule::Field(field, order) => match order {
                Order::HigherIsBetter => words!("{field} 大者在前", "larger {field} first"),
                Order::LowerIsBetter => words!("{field} 小者在前", "smaller {field} first"),
            },
        };
        lines.push(Words::new(
            format!("总分相同时，第 {n} 步：{}。", rule.zh),
            format!("With equal totals, step {n}: {}.", rule.en),
        ));
    }
    lines
}

fn ranking(rules: &Rules) -> Section {
    let mut lines = tie_breaks(rules);
    lines.push(words!(
        "仍相同者并列，名次相同，其后名次顺延（如 1、2、2、4）。",
        "Entries still equal share a place, and the next place is skipped (1, 2, 2, 4)."
    ));
    if !rules.contest.divisions.is_empty() {
        let fields = rules.contest.divisions.join("、");
        let fields_en = rules.contest.divisions.join(", ");
        lines.push(words!(
            "另按 {fields} 分组排名。",
            "Entries are also ranked within each {fields_en}."
        ));
    }
    Section {
        title: words!("排名与并列", "Ranking and ties"),
        lines,
    }
}

fn awards(sets: &[crate::contest::AwardSet], title: Words) -> Section {
    let mut lines = Vec::new();
    for set in sets {
        let scope = match &set.scope {
            Scope::Overall => words!("全体", "the whole field"),
            Scope::PerDivision(field) => words!("每个 {field} 组内", "within each {field}"),
        };
        let eligible = match set.eligible {
            Eligible::All => Words::default(),
            Eligible::Teams => words!("（仅团体）", " (teams only)"),
            Eligible::Individuals => words!("（仅个人）", " (individuals only)"),
        };
        let tiers: Vec<Words> = set
            .tiers
            .iter()
            .map(|tier| {
                let (zh, en) = (&tier.label.zh, &tier.label.en);
                let rule = match &tier.rule {
                    TierRule::Top(n) => words!("接下来的 {n} 名", "the next {n} places"),
                    TierRule::Share(p) => {
                        let p = number(p);
                        words!("累计前 {p}%（向下取整）", "down to the top {p}% in all (rounded down)")
                    }
                    TierRule::AtLeast(x) => {
                        let x = number(x);
                        words!("其余总分达到 {x} 者", "every remaining entry reaching {x}")
                    }
                    TierRule::BySize(steps) => {
                        let text: Vec<String> = steps.iter().map(|(n, k)| format!("{n}→{k}")).collect();
                        let text = text.join(", ");
                        words!(
                            "按参赛人数定名额（人数→名额：{text}）",
                            "places by field size (entries→awards: {text})"
                        )
                    }
                };
                Words::new(format!("{zh}：{}", rule.zh), format!("{en}: {}", rule.en))
            })
            .collect();
        let zh: Vec<&str> = tiers.iter().map(|t| t.zh.as_str()).collect();
        let en: Vec<&str> = tiers.iter().map(|t| t.en.as_str()).collect();
        let mut line = Words::new(
            format!("{}{}：{}", scope.zh, eligible.zh, zh.join("；")),
            format!("Decided over {}{}: {}", scope.en, eligible.en, en.join("; ")),
        );
        if let Some(tolerance) = &set.tolerance {
            let t = number(tolerance);
            line.zh += &format!("；与末位获奖者相差不超过 {t} 者同获该奖");
            line.en += &format!("; entries within {t} of the last award winner share it");
        }
        if let Some(threshold) = &set.threshold {
            let t = number(threshold);
            line.zh += &format!("；总分未达 {t} 者不获奖");
            line.en += &format!("; no award below {t}");
        }
        line.zh.push('。');
        line.en.push('.');
        lines.push(line);
    }
    Section { title, lines }
}

fn judging(rules: &Rules) -> Section {
    let contest = &rules.contest;
    let judges = contest.judges.len();
    let mut lines = vec![words!("评委 {judges} 人。", "{judges} judges.")];
    lines.push(if contest.judging.allow_own_organisation {
        words!("允许评委为本单位参赛者评分。", "Judges may mark entries of their own organisation.")
    } else {
        words!("评委回避本单位参赛者。", "No judge marks an entry of their own organisation.")
    });
    if contest.marking.double_entry {
        lines.push(if contest.marking.count_unconfirmed {
            words!(
                "纸质评分表由两名录入员分别录入，一致方为确认；未确认的分数计入临时成绩。",
                "Paper sheets are typed by two clerks; marks are confirmed when both agree; unconfirmed marks count provisionally."
            )
        } else {
            words!(
                "纸质评分表由两名录入员分别录入，一致方为确认；只有确认的分数计入成绩。",
                "Paper sheets are typed by two clerks; only marks both agree on count."
            )
        });
    }
    if contest.marking.blind {
        lines.push(words!(
            "密号评分：评委只见参赛者编码，成绩公布后方显示姓名。",
            "Blind judging: judges see only codes; names appear once the results are published."
        ));
    }
    Section {
        title: words!("评委与评分", "Judges and marking"),
        lines,
    }
}
