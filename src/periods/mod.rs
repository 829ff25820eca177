//! Periods: a labour contest (劳动竞赛) assessed each period (a month), one
//! contest folder per period with its own marks, named in `periods.ron`
//! with how the periods roll up (a quarter, the year), how far a veto bars
//! a team, and the award that passes each period to the best team (流动红旗).
//! Documented in docs/contest-format.md, "Periods".

pub mod board;
pub mod rollup;

use crate::contest::{ron_diagnostic, ron_options, AwardSet, Label, Number, Round};
use crate::error::{suggestion, Diagnostics};
use crate::msg;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The file that makes a folder a series of periods.
pub const PERIODS_FILE: &str = "periods.ron";

/// `periods.ron` as an organiser writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Periods")]
pub struct Series {
    pub id: String,
    pub name: Label,
    /// The year the periods fall in (bars that reach across years count from it).
    pub year: i32,
    /// The periods in order, each a contest folder.
    pub periods: Vec<Period>,
    /// Results over several periods: each quarter, the year.
    #[serde(default)]
    pub roll_ups: Vec<RollUp>,
    /// How far a veto of the periods' contests bars a team from awards (a
    /// veto not listed acts only within its period's contest: a `Disqualify`
    /// one withholds that period's awards, the rotating award among them).
    #[serde(default)]
    pub bars: Vec<Bar>,
    /// Earlier years' series (folders) whose bars may reach into this year.
    #[serde(default)]
    pub earlier: Vec<String>,
    /// An award passed each period to the best team not barred (流动红旗).
    #[serde(default)]
    pub rotating: Option<Rotating>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub id: String,
    pub label: Label,
    /// The period's contest folder, relative to periods.ron's.
    pub folder: String,
}

/// A result over several periods.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RollUp {
    pub id: String,
    pub label: Label,
    /// The periods it covers (default: every period).
    #[serde(default)]
    pub periods: Vec<String>,
    pub rule: RollUpRule,
    /// Rounding of the rolled-up total (a mean can run to many places).
    #[serde(default)]
    pub round: Option<Round>,
    /// Awards decided on the roll-up (a barred team wins none).
    #[serde(default)]
    pub awards: Vec<AwardSet>,
}

#[derive(Debug, Clone, Deserialize)]
pub enum RollUpRule {
    /// The sum of the periods' totals; a team needs every period.
    Sum,
    /// Their mean; a team needs every period.
    Mean,
    /// The sum of the best k periods' totals; a team needs k of them.
    Best(u32),
    /// Σ weight × total / Σ weight over the listed periods; a team needs every one.
    Weighted(Vec<(String, Number)>),
}

/// How far one veto bars a team.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bar {
    /// The veto's id in the periods' contests.
    pub veto: String,
    pub reach: Reach,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
pub enum Reach {
    /// The period the veto held in.
    Period,
    /// That period and every later one of the year.
    RestOfYear,
    /// The rest of the year and the next n − 1 years: `Years(3)`.
    Years(u32),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rotating {
    pub id: String,
    pub label: Label,
}

/// A series read and checked.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub path: PathBuf,
    pub series: Series,
    /// periods.ron's text, to place what only the periods' contests show wrong.
    pub source: String,
}

impl Loaded {
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    pub fn folder(&self, period: &Period) -> PathBuf {
        self.dir().join(&period.folder)
    }

    /// The periods a roll-up covers, by number.
    pub fn covered(&self, roll_up: &RollUp) -> Vec<usize> {
        let periods = &self.series.periods;
        if roll_up.periods.is_empty() {
            return (0..periods.len()).collect();
        }
        roll_up
            .periods
            .iter()
            .filter_map(|id| periods.iter().position(|p| &p.id == id))
            .collect()
    }
}

/// A PERIODS argument: a folder holding `periods.ron`, or the file.
fn periods_file(arg: &Path) -> PathBuf {
    if arg.is_dir() {
        arg.join(PERIODS_FILE)
    } else {
        arg.to_path_buf()
    }
}

/// Reads and checks `periods.ron`: every problem positioned as in contest.ron.
pub fn load(arg: &Path) -> Result<Loaded, Diagnostics> {
    let path = periods_file(arg);
    let source = crate::data::read_text(&path).map_err(|mut d| {
        if !path.exists() {
            d.help = Some(msg!("periods-not-found-help", file = PERIODS_FILE));
        }
        d
    })?;
    let series: Series = ron_options().from_str(&source).map_err(|e| ron_diagnostic(&path, &e))?;
    let loaded = Loaded { path, series, source };
    let problems = check(&loaded);
    problems.into_result(loaded)
}

/// What serde cannot see: names that must match, folders that must exist,
/// rules that can give a result.
fn check(loaded: &Loaded) -> Diagnostics {
    let (s, source) = (&loaded.series, &loaded.source);
    let mut problems = Diagnostics::default();
    // The roll-ups' award sets, checked as a contest's are.
    let mut award_problems = Diagnostics::default();
    let mut problem = |field: String, anchors: &[&str], message, help: Option<crate::i18n::Text>| {
        problems.push(crate::contest::placed(&loaded.path, source, field, anchors, message, help));
    };
    if s.periods.is_empty() {
        problem("periods".into(), &["periods"], msg!("periods-none"), None);
    }
    let ids: Vec<&str> = s.periods.iter().map(|p| p.id.as_str()).collect();
    // The same contest twice would count its marks twice (`2026-01` and `./2026-01/` alike).
    let folders: Vec<Option<PathBuf>> = s.periods.iter().map(|p| std::fs::canonicalize(loaded.folder(p)).ok()).collect();
    for (i, period) in s.periods.iter().enumerate() {
        let at = quoted(&period.id);
        if let Some(first) = folders[..i].iter().position(|f| f.is_some() && *f == folders[i]) {
            problem(
                format!("periods[{i}].folder"),
                &in_period(i, &quoted(&period.folder)),
                msg!("periods-folder-twice", folder = &period.folder, first = &s.periods[first].id),
                None,
            );
        }
        if ids[..i].contains(&period.id.as_str()) {
            problem(
                format!("periods[{i}].id"),
                &in_period(i, &at),
                msg!("periods-id-twice", id = &period.id),
                None,
            );
        }
        if !loaded.folder(period).join(crate::contest::CONTEST_FILE).is_file() {
            let help = msg!("periods-folder-help", file = crate::contest::CONTEST_FILE);
            problem(
                format!("periods[{i}].folder"),
                &in_period(i, &quoted(&period.folder)),
                msg!("periods-not-a-contest", folder = &period.folder),
                Some(help),
            );
        }
    }
    for (r, roll_up) in s.roll_ups.iter().enumerate() {
        let at = quoted(&roll_up.id);
        let awards = crate::contest::rules::check_award_sets(&roll_up.awards, &loaded.path, source, &format!("roll_ups[{r}].awards"));
        award_problems.0.extend(awards.0);
        if s.roll_ups[..r].iter().any(|other| other.id == roll_up.id) {
            problem(
                format!("roll_ups[{r}].id"),
                &["roll_ups", &at, &at],
                msg!("periods-roll-up-id-twice", id = &roll_up.id),
                None,
            );
        }
        // A period counted twice in one roll-up would weigh double.
        let weighted: Vec<&str> = match &roll_up.rule {
            RollUpRule::Weighted(weights) => weights.iter().map(|(id, _)| id.as_str()).collect(),
            _ => Vec::new(),
        };
        for list in [roll_up.periods.iter().map(String::as_str).collect(), weighted] {
            for (i, id) in list.iter().enumerate() {
                if !list[..i].contains(id) {
                    continue;
                }
                problem(
                    format!("roll_ups[{r}]"),
                    &["roll_ups", &at, &quoted(id), &quoted(id)],
                    msg!("periods-roll-up-period-twice", id = *id, roll_up = &roll_up.id),
                    None,
                );
            }
        }
        let named = roll_up.periods.iter().map(String::as_str).chain(match &roll_up.rule {
            RollUpRule::Weighted(weights) => weights.iter().map(|(id, _)| id.as_str()).collect(),
            _ => Vec::new(),
        });
        for id in named.filter(|id| !ids.contains(id)) {
            let message = msg!("periods-unknown-period", id = id);
            problem(
                format!("roll_ups[{r}]"),
                &["roll_ups", &at, &quoted(id)],
                message,
                Some(suggestion(id, ids.iter().copied())),
            );
        }
        let count = if roll_up.periods.is_empty() {
            s.periods.len()
        } else {
            roll_up.periods.len()
        };
        if let RollUpRule::Weighted(weights) = &roll_up.rule {
            // A weight outside the roll-up's own periods would leave every team without a total.
            let outside = |id: &str| !roll_up.periods.is_empty() && ids.contains(&id) && !roll_up.periods.iter().any(|p| p == id);
            for (id, _) in weights.iter().filter(|(id, _)| outside(id)) {
                problem(
                    format!("roll_ups[{r}].rule"),
                    &["roll_ups", &at, "Weighted", &quoted(id)],
                    msg!("periods-weight-outside", id = id, roll_up = &roll_up.id),
                    None,
                );
            }
            for (id, weight) in weights.iter().filter(|(_, w)| w.value() <= rust_decimal::Decimal::ZERO) {
                problem(
                    format!("roll_ups[{r}].rule"),
                    &["roll_ups", &at, "Weighted", &quoted(id)],
                    msg!("periods-weight-not-positive", id = id, weight = weight.value().to_string()),
                    None,
                );
            }
        }
        let empty = match &roll_up.rule {
            RollUpRule::Best(k) => *k == 0 || *k as usize > count,
            RollUpRule::Weighted(weights) => weights.iter().map(|(_, w)| w.value()).sum::<rust_decimal::Decimal>().is_zero(),
            RollUpRule::Sum | RollUpRule::Mean => count == 0,
        };
        if empty {
            problem(
                format!("roll_ups[{r}].rule"),
                &["roll_ups", &at, "rule"],
                msg!("periods-rule-empty", id = &roll_up.id, count = count),
                matches!(roll_up.rule, RollUpRule::Best(_)).then(|| msg!("periods-best-help", count = count)),
            );
        }
    }
    for (b, bar) in s.bars.iter().enumerate() {
        if s.bars[..b].iter().any(|other| other.veto == bar.veto) {
            // Only the first would hold: the second reach would be hidden.
            problem(
                format!("bars[{b}].veto"),
                &["bars", &quoted(&bar.veto), &quoted(&bar.veto)],
                msg!("periods-bar-twice", veto = &bar.veto),
                None,
            );
        }
        if bar.reach == Reach::Years(0) {
            problem(
                format!("bars[{b}].reach"),
                &["bars", &quoted(&bar.veto)],
                msg!("periods-years-zero"),
                None,
            );
        }
    }
    for (e, earlier) in s.earlier.iter().enumerate() {
        if !loaded.dir().join(earlier).join(PERIODS_FILE).is_file() {
            problem(
                format!("earlier[{e}]"),
                &["earlier", &quoted(earlier)],
                msg!("periods-earlier-missing", folder = earlier, file = PERIODS_FILE),
                None,
            );
        }
    }
    problems.0.extend(award_problems.0);
    problems
}

/// Anchors for `text` within the i-th `Period(…)`: an id and a folder are
/// often the same words (`"2026-01"`), and an id written twice is found again.
fn in_period(i: usize, text: &str) -> Vec<&str> {
    let mut anchors = vec!["periods"];
    anchors.extend(std::iter::repeat_n("Period(", i + 1));
    anchors.push(text);
    anchors
}

fn quoted(text: &str) -> String {
    format!("\"{text}\"")
}
