//! The contest language: what an organiser writes in `contest.ron`.
//! Documented field by field in `docs/contest-format.md`; keep the two in step.

use super::number::Number;
use crate::say;
use serde::Deserialize;

/// A label a user reads, in Chinese and English.
#[derive(Debug, Clone, Deserialize, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Label {
    #[serde(default)]
    pub zh: String,
    #[serde(default)]
    pub en: String,
}

impl Label {
    /// The label in `lang` ("zh" or "en"), falling back to the other.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Zh => (&self.zh, &self.en),
            Lang::En => (&self.en, &self.zh),
        };
        if first.is_empty() {
            second
        } else {
            first
        }
    }
}

impl Contest {
    /// An entry field as people call it: its label in the contest, else
    /// the word for `organisation`, else the field's own name.
    pub fn field_label(&self, field: &str, lang: Lang) -> String {
        match self.fields.iter().find(|(name, _)| name == field) {
            Some((_, label)) => label.get(lang).to_string(),
            None if field == "organisation" => say!(lang, "column-organisation"),
            None => field.to_string(),
        }
    }

    /// The heading of the division column: the first division field's
    /// label when the contest gives one (工种), else "division" in words.
    pub fn division_heading(&self, lang: Lang) -> String {
        match self.divisions.first().filter(|d| self.fields.iter().any(|(name, _)| name == *d)) {
            Some(field) => self.field_label(field, lang),
            None => say!(lang, "column-division"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contest {
    pub id: String,
    pub name: Label,
    #[serde(default)]
    pub entrants: Entrants,
    #[serde(default)]
    pub files: Files,
    /// The maximum total, when the contest has one (e.g. 100 or 1000).
    /// With it, the weights of `Share` categories must add up to it.
    #[serde(default)]
    pub total_max: Option<Number>,
    pub categories: Vec<Category>,
    #[serde(default)]
    pub judges: Vec<Judge>,
    #[serde(default)]
    pub judging: JudgingDefaults,
    #[serde(default)]
    pub rounding: Rounding,
    #[serde(default)]
    pub vetoes: Vec<Veto>,
    /// Entry fields that divide the field (trade, region, industry, level...).
    #[serde(default)]
    pub divisions: Vec<String>,
    /// What people call the entries' fields: `[("trade", (zh: "工种", en: "Trade"))]`,
    /// so boards, charts and the report say 工种, not `trade`.
    #[serde(default)]
    pub fields: Vec<(String, Label)>,
    #[serde(default)]
    pub ranking: Ranking,
    #[serde(default)]
    pub awards: Vec<AwardSet>,
    /// Teams whose results are combined from their members' (团体成绩).
    #[serde(default)]
    pub teams: Option<Teams>,
    #[serde(default)]
    pub marking: Marking,
    /// A contest run in stages (rounds): each scores some of the categories
    /// over the entries that reached it; the last decides the classification.
    #[serde(default)]
    pub stages: Vec<Stage>,
    /// How the results become final: roles, lots, codes, sign-offs,
    /// re-check, appeals and public notice (`contest::workflow`).
    #[serde(default)]
    pub workflow: Option<super::workflow::Workflow>,
}

/// One stage (round) of a contest run in stages: a theory preliminary, a
/// semi-final, a knock-out round. It is scored as a contest of its own over
/// its categories and the entries that take part, with the totals it
/// carries from earlier stages as categories of their own.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: String,
    pub label: Label,
    /// The contest's categories this stage scores, by id.
    pub categories: Vec<String>,
    /// Who takes part: by default everyone in the first stage and the
    /// previous stage's qualifiers after it.
    #[serde(default)]
    pub takes: Option<Takes>,
    /// Earlier stages' totals carried into this one, each as (stage, percent):
    /// `[("theory", 25)]` adds 25 % of the theory total.
    #[serde(default)]
    pub carry: Vec<(String, Number)>,
    /// The stage's maximum total; with it, the weights of its `Share`
    /// categories and the carried maxima must add up to it.
    #[serde(default)]
    pub total_max: Option<Number>,
    /// What decides the places of entries with the same total in this stage.
    #[serde(default)]
    pub tie_breaks: Vec<TieBreak>,
    #[serde(default)]
    pub vetoes: Vec<Veto>,
    /// Who goes on to the next stage (none: every ranked entry).
    #[serde(default)]
    pub advance: Option<Advance>,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub enum Takes {
    /// Every entry of the contest.
    Everyone,
    /// The qualifiers of this earlier stage.
    Qualifiers(String),
}

/// Who goes on from a stage: the rule, then at most `cap` entries sharing a
/// value of a field. Entries still tied at the cut line after the stage's
/// tie-breaks all go through.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advance {
    pub rule: AdvanceRule,
    /// At most this many entries with one value of the field go on:
    /// `("organisation", 2)`; the next best are taken instead.
    #[serde(default)]
    pub cap: Option<(String, u32)>,
}

#[derive(Debug, Clone, Deserialize)]
pub enum AdvanceRule {
    /// The best n places (and everyone tied at the n-th).
    Top(u32),
    /// The best share of the ranked entries, in percent, rounded down.
    Share(Number),
    /// Every entry with a total at least this good.
    AtLeast(Number),
    /// Heats (pairs) are the entries sharing a value of `field`: the best
    /// `winners` of each heat go on, then the best `best_others` of the rest
    /// (lucky losers) by their total.
    Heats { field: String, winners: u32, best_others: u32 },
}

/// How marks are entered into the mark store.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Marking {
    /// Paper sheets are typed twice by different clerks (`--verify`); a mark
    /// is confirmed when both agree.
    pub double_entry: bool,
    /// With double entry: whether marks not yet confirmed count in the
    /// (provisional) leaderboard.
    pub count_unconfirmed: bool,
    /// Blind judging: judges and clerks know entries only by the codes
    /// `podium codes` gives them; names appear once the results are published.
    pub blind: bool,
}

impl Default for Marking {
    fn default() -> Self {
        Marking {
            double_entry: false,
            count_unconfirmed: true,
            blind: false,
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, Default, PartialEq, Eq)]
pub enum Entrants {
    #[default]
    Individuals,
    Teams,
}

/// Where the entries, marks and element data are, relative to the contest file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Files {
    pub entries: String,
    pub marks: String,
    pub elements: Option<String>,
    /// Which judge marks which entries, at scale: a CSV of `judge,entry`
    /// (or `judge,group` with `field=value`) rows.
    pub assignments: Option<String>,
    /// The mark store (SQLite), created on first use by `podium mark` or `import`.
    pub store: String,
}

impl Default for Files {
    fn default() -> Self {
        Files {
            entries: "entries.csv".into(),
            marks: "marks.csv".into(),
            elements: None,
            assignments: None,
            store: crate::store::STORE_FILE.into(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub label: Label,
    /// Points of this category in the total (for `Share`), or a multiplier
    /// of the plain sum (for `Sum`; default 1).
    #[serde(default)]
    pub weight: Option<Number>,
    #[serde(default)]
    pub score: CategoryScore,
    /// Lowest score the category can reach after deductions (e.g. 0).
    #[serde(default)]
    pub floor: Option<Number>,
    pub criteria: Vec<Criterion>,
    /// Set by podium, never written: in a stage, the category that carries
    /// an earlier stage's total (its number in the stage's carry list).
    #[serde(skip)]
    pub carried: Option<usize>,
}

/// How criterion points become the category score.
#[derive(Debug, Clone, Copy, Deserialize, Default, PartialEq, Eq)]
pub enum CategoryScore {
    /// points / (sum of the criteria's `max`) × weight: the category's
    /// weighted share of the total.
    #[default]
    Share,
    /// The plain sum of criterion points, times the weight if one is given.
    Sum,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub label: Label,
    /// Highest points this criterion gives (for deductions and bonuses: the cap).
    #[serde(default)]
    pub max: Option<Number>,
    /// The range and step of one raw mark as a judge enters it.
    #[serde(default)]
    pub marks: Option<MarkRange>,
    pub kind: CriterionKind,
    /// How several marks of one cell combine (defaults depend on the kind).
    #[serde(default)]
    pub panel: Option<Panel>,
    /// Judges who mark this criterion (default: every judge of the contest).
    #[serde(default)]
    pub judges: Option<Vec<String>>,
    #[serde(default)]
    pub missing: Option<Missing>,
    #[serde(default)]
    pub spread: Option<Spread>,
    /// What marks mean, shown to judges beside the scale: from each mark
    /// up, e.g. `[(0, (zh: "不合格", en: "Below standard")), (6, (zh: "合格", en: "Meets it"))]`.
    #[serde(default)]
    pub descriptors: Vec<(Number, Label)>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MarkRange {
    pub min: Number,
    pub max: Number,
    #[serde(default)]
    pub step: Option<Number>,
}

#[derive(Debug, Clone, Deserialize)]
pub enum CriterionKind {
    /// Marks from a panel of judges, optionally converted per mark first.
    Judgement {
        #[serde(default)]
        convert: Option<Convert>,
    },
    /// A measured value turned into points by a scale.
    Measurement { scale: Scale },
    /// count × per points subtracted, at most `max`.
    Deduction { per: Number },
    /// count × per points added, at most `max`.
    Bonus { per: Number },
    /// 1 = pass, 0 = fail; a pass is worth `points` (default 0).
    PassFail {
        #[serde(default)]
        points: Option<Number>,
    },
    /// A yes/no record (1/0) worth no points, for vetoes and formulas.
    Flag,
    /// Several performed elements, each marked by the panel.
    Elements {
        /// How many elements an entry performs; with `unperformed`, the most it may perform.
        count: u8,
        /// Per-entry data of each element (e.g. "difficulty"), from the elements file.
        #[serde(default)]
        data: Vec<String>,
        /// Per-entry text of each element (a dive code `5154B`), from the
        /// elements file: kept and shown, never computed with.
        #[serde(default)]
        text: Vec<String>,
        /// How an element an entry did not perform counts (no marks and no
        /// row in the elements file); without it every element must be performed.
        #[serde(default)]
        unperformed: Option<Unperformed>,
        #[serde(default)]
        convert: Option<Convert>,
        /// The element's value from its panel `score` and its data (default "score").
        #[serde(default)]
        value: Option<String>,
        combine: Combine,
    },
    /// A derived value over other criteria, in the formula language.
    Formula { expr: String },
}

/// Turns one judge's mark into points before the panel combines them.
#[derive(Debug, Clone, Deserialize)]
pub enum Convert {
    /// (mark, points) pairs; a mark not in the table is an error.
    Table(Vec<(Number, Number)>),
    /// A formula over `mark` and the element's data.
    Formula(String),
}

#[derive(Debug, Clone, Deserialize)]
pub enum Scale {
    /// Points of the first band whose limit the deviation (|value − nominal|,
    /// or the value itself without a nominal) does not exceed.
    Bands {
        #[serde(default)]
        nominal: Option<Number>,
        bands: Vec<Band>,
        #[serde(default)]
        otherwise: Number,
    },
    /// `max` points at `best`, 0 at `worst`, linear between, clamped.
    /// best < worst means lower is better (times, defects).
    Linear { best: Number, worst: Number },
    /// Points by an exact formula over the measured `value`
    /// ("60 + (value - 125) * 1.8"); at most `max` when the criterion has one.
    Formula(String),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub within: Number,
    pub points: Number,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub enum Panel {
    Mean,
    Median,
    Sum,
    Min,
    Max,
    /// Mean after dropping k highest and k lowest.
    TrimmedMean(u8),
    /// Sum after dropping k highest and k lowest.
    TrimmedSum(u8),
    /// Mean of the two marks closest to each other.
    ClosestPair,
    /// A rule chosen by the number of marks: [(3, Mean), (5, TrimmedMean(1))].
    BySize(Vec<(u8, Panel)>),
}

impl Panel {
    /// The rule in words for a person, its name as the contest writes it
    /// beside them: "去掉最高、最低各 1 个后取平均（`TrimmedMean(1)`）".
    pub fn words(&self, lang: Lang) -> String {
        let said = match self {
            Panel::Mean => say!(lang, "panel-mean"),
            Panel::Median => say!(lang, "panel-median"),
            Panel::Sum => say!(lang, "panel-sum"),
            Panel::Min => say!(lang, "panel-min"),
            Panel::Max => say!(lang, "panel-max"),
            Panel::TrimmedMean(k) => say!(lang, "panel-trimmed-mean", k = k),
            Panel::TrimmedSum(k) => say!(lang, "panel-trimmed-sum", k = k),
            Panel::ClosestPair => say!(lang, "panel-closest-pair"),
            Panel::BySize(_) => say!(lang, "panel-by-size"),
        };
        say!(lang, "panel-named", words = said, name = format!("{self:?}"))
    }
}

impl SpreadResolve {
    /// What is done about marks too far apart, in words.
    pub fn words(&self, lang: Lang) -> String {
        match self {
            SpreadResolve::Flag => say!(lang, "spread-flag"),
            SpreadResolve::UseAll => say!(lang, "spread-use-all"),
            SpreadResolve::Block => say!(lang, "spread-block"),
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
pub enum Missing {
    /// Stand in the mean of the other judges' marks.
    SubstituteMean,
    /// Leave the criterion unscored and the entry incomplete.
    Refuse,
    /// A missing record counts as 0 (the default for deductions, bonuses, flags).
    Zero,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spread {
    /// Largest allowed difference.
    pub max: Number,
    #[serde(default)]
    pub between: SpreadBetween,
    pub resolve: SpreadResolve,
}

#[derive(Debug, Clone, Copy, Deserialize, Default, PartialEq, Eq)]
pub enum SpreadBetween {
    /// Highest and lowest mark.
    #[default]
    All,
    /// Highest and lowest of the marks the panel keeps after trimming.
    Middle,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
pub enum SpreadResolve {
    /// Score as declared and flag the entry.
    Flag,
    /// Score with every mark (no trimming) and flag.
    UseAll,
    /// Leave the criterion unscored until the marks are corrected.
    Block,
}

/// How an element an entry did not perform counts.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
pub enum Unperformed {
    /// Left out: `Sum` adds, `Mean` averages and `Best(n)` chooses among the performed ones.
    Skip,
    /// Counts as an element worth 0 (a `Mean` divides by every element).
    Zero,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub enum Combine {
    Sum,
    Mean,
    /// Sum of the best n elements.
    Best(u8),
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct JudgingDefaults {
    pub panel: Option<Panel>,
    pub missing: Option<Missing>,
    pub spread: Option<Spread>,
    /// Let judges mark entries of their own organisation (default: refused).
    pub allow_own_organisation: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judge {
    pub id: String,
    #[serde(default)]
    pub name: String,
    /// The judge's own organisation: they may not mark its entries unless
    /// `judging.allow_own_organisation` is set.
    #[serde(default)]
    pub organisation: String,
    /// The only entries this judge marks (default: every entry).
    #[serde(default)]
    pub entries: Option<Vec<String>>,
    /// The only division this judge marks: `("trade", "welder")`.
    #[serde(default)]
    pub division: Option<(String, String)>,
    /// A reserve judge sits on no panel of their own: they take the seat of
    /// a panel judge who stands aside from an entry (own organisation, not
    /// assigned it), in the order the reserves are declared.
    #[serde(default)]
    pub reserve: bool,
    /// Groups of entries assigned to this judge by the assignments file
    /// (field, value); with `entries`, the judge marks only these.
    #[serde(skip)]
    pub groups: Vec<(String, String)>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Round {
    pub places: u32,
    pub mode: RoundMode,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
pub enum RoundMode {
    /// 四舍五入: halves away from zero.
    HalfUp,
    /// Banker's rounding: halves to the even digit.
    HalfEven,
    /// Cut off the extra digits.
    Truncate,
}

/// Where rounding happens; nowhere else.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Rounding {
    pub judge: Option<Round>,
    pub panel: Option<Round>,
    pub element: Option<Round>,
    pub criterion: Option<Round>,
    pub category: Option<Round>,
    pub total: Option<Round>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Veto {
    pub id: String,
    pub label: Label,
    /// A condition in the formula language, e.g. "safety.major_accident > 0".
    pub when: String,
    pub effect: VetoEffect,
}

#[derive(Debug, Clone, Deserialize)]
pub enum VetoEffect {
    /// No award of any kind; still ranked.
    Disqualify,
    /// The named category scores 0.
    ZeroCategory(String),
    /// The total is at most this.
    CapTotal(Number),
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Ranking {
    pub order: Order,
    pub tie_breaks: Vec<TieBreak>,
}

#[derive(Debug, Clone, Copy, Deserialize, Default, PartialEq, Eq)]
pub enum Order {
    #[default]
    HigherIsBetter,
    LowerIsBetter,
}

#[derive(Debug, Clone, Deserialize)]
pub enum TieBreak {
    /// Higher category score first.
    Category(String),
    /// Higher criterion points first ("category.criterion").
    Criterion(String),
    /// Higher best single judge mark in the criterion first.
    HighestMark(String),
    /// Smaller total of deductions first.
    FewerDeductions,
    /// An entry field, compared as numbers where both are numbers.
    Field(String, Order),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AwardSet {
    pub id: String,
    #[serde(default)]
    pub scope: Scope,
    #[serde(default)]
    pub eligible: Eligible,
    /// Entries whose totals are within this of the last awarded total get the same award.
    #[serde(default)]
    pub tolerance: Option<Number>,
    /// No award of this set to a total worse than this (below it when
    /// higher is better, above it when lower is better).
    #[serde(default)]
    pub threshold: Option<Number>,
    pub tiers: Vec<Tier>,
}

#[derive(Debug, Clone, Deserialize, Default, PartialEq, Eq)]
pub enum Scope {
    #[default]
    Overall,
    /// Awards are decided within each value of this division field.
    PerDivision(String),
}

#[derive(Debug, Clone, Copy, Deserialize, Default, PartialEq, Eq)]
pub enum Eligible {
    #[default]
    All,
    Teams,
    Individuals,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub id: String,
    pub label: Label,
    pub rule: TierRule,
}

#[derive(Debug, Clone, Deserialize)]
pub enum TierRule {
    /// The next n places.
    Top(u32),
    /// The next share of the field, in percent (cumulative cut, rounded down).
    Share(Number),
    /// Every remaining entry with a total at least this good.
    AtLeast(Number),
    /// The next n places, where n depends on the field size:
    /// [(1, 1), (10, 2), (20, 3)] gives 1 award from 1 entry, 2 from 10, 3 from 20.
    BySize(Vec<(u32, u32)>),
}

/// Team results combined from members' results: entries sharing a value of
/// `field` (any entry field, or "organisation") form a team.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Teams {
    pub field: String,
    pub combine: TeamCombine,
    /// Awards decided on the team leaderboard (scope Overall).
    #[serde(default)]
    pub awards: Vec<AwardSet>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
pub enum TeamCombine {
    /// Sum of every member's total.
    Sum,
    /// Mean of every member's total.
    Mean,
    /// Sum of the best k members' totals (a team with fewer scored members is not ranked).
    Best(u32),
}
