//! Outputs: the leaderboard view is built once here; each format is one
//! module behind the `Format` trait and only formats.

mod csv;
pub mod html;
mod json;
mod table;
mod xlsx;

use crate::contest::KindRule;
use crate::contest::{Lang, Rules};
use crate::data::ElementData;
use crate::engine::{ElementResult, Flag, MaybeDecimal, Place, Results};
use crate::error::{suggestion, Diagnostic};
use crate::stages::Staged;
use rayon::prelude::*;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::io::{self, Write};
use std::path::Path;

/// A leaderboard in one format.
pub trait Format {
    fn write(&self, board: &Leaderboard, out: &mut dyn Write) -> io::Result<()>;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatKind {
    Table,
    Json,
    Csv,
    /// A self-contained web page that prints well.
    Html,
    /// A workbook: the leaderboard, then one sheet per division (needs --output).
    Xlsx,
}

impl FormatKind {
    pub fn format(self) -> Box<dyn Format> {
        match self {
            FormatKind::Table => Box::new(table::Table),
            FormatKind::Json => Box::new(json::Json),
            FormatKind::Csv => Box::new(csv::Csv),
            FormatKind::Html => Box::new(html::Html),
            FormatKind::Xlsx => Box::new(xlsx::Xlsx),
        }
    }
}

/// One line of a leaderboard, borrowing from the results.
#[derive(Debug, Clone)]
pub struct BoardRow<'a> {
    pub place: Option<Place>,
    pub entry: &'a str,
    pub name: Cow<'a, str>,
    pub organisation: &'a str,
    /// The value of the first division field (or of the filtered one).
    pub division: &'a str,
    /// Each division field: (field, value, place within it).
    pub divisions: Vec<(&'a str, &'a str, Option<Place>)>,
    pub total: Option<Decimal>,
    pub categories: &'a [MaybeDecimal],
    pub criteria: &'a [MaybeDecimal],
    /// The entry's index, to find its element data (`u32::MAX` for a team).
    pub index: u32,
    /// Each element of the entry's element criteria (none for a team).
    pub elements: &'a [ElementResult],
    /// Machine codes: `veto:ID`, `spread:CRITERION`, `incomplete:CRITERION`,
    /// `substituted:CRITERION`, `filled_zero:CRITERION` (`#N` after an element's).
    pub flags: Vec<String>,
    /// Awards won: (set id, tier id, tier label).
    pub awards: Vec<(&'a str, &'a str, &'a str)>,
    /// Where an entry that went on from a lower level came from: the
    /// contest and its place there (`podium advance`).
    pub from: Option<(&'a str, &'a str)>,
    /// The entry's number in the results the board was made from.
    pub number: u32,
    /// On a board of a contest run in stages: what the stage adds.
    pub stage: StageCells<'a>,
}

/// What a board of a contest run in stages shows beside each row.
#[derive(Debug, Clone, Default)]
pub struct StageCells<'a> {
    /// The place by the stage's own score, without what it carried.
    pub round_place: Option<Place>,
    /// How far behind the leader's total.
    pub behind: Option<Decimal>,
    /// Whether it went on to the next stage (`None` on the last).
    pub advanced: Option<bool>,
    /// In the classification: the last stage reached, as (id, label).
    pub reached: Option<(&'a str, &'a str)>,
}

/// A column only boards of contests run in stages have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StageColumn {
    /// The place by the stage's own score (本轮名次).
    RoundRank,
    /// Points behind the leader.
    Behind,
    /// Went on to the next stage.
    Advanced,
    /// The last stage reached (classification).
    Reached,
}

impl StageColumn {
    /// The column's name for scripts (`--headers ids`, JSON).
    pub fn id(self) -> &'static str {
        match self {
            StageColumn::RoundRank => "round_rank",
            StageColumn::Behind => "behind",
            StageColumn::Advanced => "advanced",
            StageColumn::Reached => "stage",
        }
    }

    /// The column's heading in words.
    pub fn heading(self, lang: Lang) -> String {
        match self {
            StageColumn::RoundRank => crate::say!(lang, "column-round-rank"),
            StageColumn::Behind => crate::say!(lang, "column-behind"),
            StageColumn::Advanced => crate::say!(lang, "column-advanced"),
            StageColumn::Reached => crate::say!(lang, "column-stage-reached"),
        }
    }

    /// The cell as text (`-` when there is nothing to show).
    pub fn text(self, board: &Leaderboard, row: &BoardRow) -> String {
        let cells = &row.stage;
        match self {
            StageColumn::RoundRank => cells.round_place.map_or("-".into(), shown_place),
            StageColumn::Behind => number(cells.behind),
            StageColumn::Advanced => cells.advanced.map_or("-".into(), |yes| board.yes_no(yes)),
            StageColumn::Reached => cells.reached.map_or("-".into(), |(id, label)| match board.headers {
                Headers::Ids => id.to_string(),
                Headers::Words => label.to_string(),
            }),
        }
    }
}

/// A place as a board shows it: `=3` when shared.
pub fn shown_place(place: Place) -> String {
    if place.tied {
        format!("={}", place.rank)
    } else {
        place.rank.to_string()
    }
}

/// Column names as people read them, in the chosen language, or the ids
/// scripts read (`--headers ids`: the columns and values of before, the
/// same in every language).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Headers {
    #[default]
    Words,
    Ids,
}

pub struct Leaderboard<'a> {
    pub rules: &'a Rules,
    pub lang: Lang,
    pub headers: Headers,
    /// Marks the contest expects are still missing: every award shown is
    /// provisional (暂定) until they are in.
    pub provisional: bool,
    /// Whether the rows are teams combined from members (`--teams`).
    pub teams: bool,
    /// The division shown, as (field, value), when filtered.
    pub filter: Option<(String, String)>,
    pub rows: Vec<BoardRow<'a>>,
    /// The element data and text the entries' elements were scored with.
    pub element_data: &'a ElementData,
    /// The columns a board of a contest run in stages adds (none otherwise).
    pub stage_columns: Vec<StageColumn>,
    /// The stage this board shows the standings after, as (id, label).
    pub stage: Option<(&'a str, &'a str)>,
}

/// One element of a row as outputs show it: its result (`None` when it
/// could not be reached: an earlier element of its criterion is unscored),
/// and its data and text by field.
pub struct ElementCell<'a> {
    pub criterion: usize,
    pub element: u8,
    pub result: Option<&'a ElementResult>,
    pub data: Vec<(&'a str, Decimal)>,
    pub text: Vec<(&'a str, &'a str)>,
}

impl<'a> Leaderboard<'a> {
    /// The leaderboard of `results`, for one division if `division` names one
    /// (`VALUE` or `FIELD=VALUE`); then ranks are places within that division.
    pub fn new(results: &'a Results, lang: Lang, division: Option<&str>) -> Result<Leaderboard<'a>, Diagnostic> {
        let filter = division.map(|d| resolve_division(results, d)).transpose()?;
        let mut rows = board_rows(results, &results.rows, lang, filter.as_ref());
        if filter.is_some() {
            rows.sort_by_key(|r| r.place.map_or(u32::MAX, |p| p.rank));
        }
        let mut board = Leaderboard::of_rows(results, &[], lang);
        (board.rows, board.filter) = (rows, filter);
        Ok(board)
    }

    /// The board of some of the results' rows (the whole field's board, a
    /// window at a time: see [`write_csv_in_windows`]).
    pub fn of_rows(results: &'a Results, rows: &'a [crate::engine::ResultRow], lang: Lang) -> Leaderboard<'a> {
        let stage_columns = match results.inputs.carried.reached.is_empty() {
            true => Vec::new(),
            false => vec![StageColumn::Reached],
        };
        Leaderboard {
            rules: &results.inputs.rules,
            lang,
            headers: Headers::Words,
            provisional: !results.complete,
            teams: false,
            filter: None,
            rows: board_rows(results, rows, lang, None),
            element_data: &results.inputs.elements,
            stage_columns,
            stage: None,
        }
    }
}

/// The board's rows of `rows`, those in the division `filter` names alone
/// (placed within it) if it names one.
fn board_rows<'a>(
    results: &'a Results,
    rows: &'a [crate::engine::ResultRow],
    lang: Lang,
    filter: Option<&(String, String)>,
) -> Vec<BoardRow<'a>> {
    let rules = &*results.inputs.rules;
    let entries = &*results.inputs.entries;
    let divisions = &rules.contest.divisions;
    let columns: Vec<Option<usize>> = divisions.iter().map(|d| entries.field_index(d)).collect();
    let filter_column = filter.as_ref().and_then(|(field, _)| divisions.iter().position(|d| d == field));
    let from_columns = entries
        .field_index(crate::campaign::FROM_CONTEST)
        .zip(entries.field_index(crate::campaign::FROM_PLACE));
    // In parallel: each row reads its entry wherever it lies in memory,
    // asked for a few rows ahead.
    let board_row = |row: &'a crate::engine::ResultRow| {
        let entry = &entries.list[row.entry as usize];
        let value = |d: usize| columns[d].map_or("", |c| entries.value(entry, c));
        let (place, division) = match (filter, filter_column) {
            (Some((_, wanted)), Some(d)) => {
                if value(d) != wanted {
                    return None;
                }
                (row.standing.divisions[d], value(d))
            }
            _ => (row.standing.overall, if divisions.is_empty() { "" } else { value(0) }),
        };
        Some(BoardRow {
            place,
            entry: &entry.id,
            name: Cow::Borrowed(&entry.name),
            organisation: entries.organisation(entry),
            division,
            divisions: (0..divisions.len())
                .map(|d| (divisions[d].as_str(), value(d), row.standing.divisions[d]))
                .collect(),
            total: row.total,
            categories: &row.categories,
            criteria: &row.values,
            index: row.entry,
            elements: &row.elements,
            flags: row.flags.iter().map(|f| flag_code(rules, f)).collect(),
            awards: row
                .awards
                .iter()
                .map(|&(s, t)| {
                    let set = &rules.contest.awards[s as usize];
                    let tier = &set.tiers[t as usize];
                    (set.id.as_str(), tier.id.as_str(), tier.label.get(lang))
                })
                .collect(),
            from: from_columns
                .map(|(c, p)| (entries.value(entry, c), entries.value(entry, p)))
                .filter(|(contest, _)| !contest.is_empty()),
            number: row.entry,
            stage: StageCells::default(),
        })
    };
    // Every row kept: collected straight into a board of its size (a
    // filtered one is gathered in pieces and copied, page after page).
    let mut rows: Vec<BoardRow> = match filter {
        None => rows
            .par_iter()
            .enumerate()
            .map(|(i, row)| {
                if let Some(ahead) = rows.get(i + ROWS_AHEAD).and_then(|r| entries.list.get(r.entry as usize)) {
                    prefetch(ahead);
                }
                board_row(row).expect("without a division every row is kept")
            })
            .collect(),
        Some(_) => rows.par_iter().filter_map(board_row).collect(),
    };
    // The classification of a contest run in stages: the last stage each reached.
    let reached = &results.inputs.carried.reached;
    if !reached.is_empty() {
        for row in &mut rows {
            row.stage.reached = reached[row.number as usize].map(|k| {
                let stage = &rules.categories[k];
                (stage.id.as_str(), stage.label.get(lang))
            });
        }
    }
    rows
}

impl<'a> Leaderboard<'a> {
    /// Every element of every element criterion, in the contest's order, as
    /// (criterion, element number): the columns a row's elements fill.
    pub fn element_slots(&self) -> Vec<(usize, u8)> {
        if self.teams {
            return Vec::new();
        }
        let slots = self.rules.slots.iter().filter(|s| s.element > 0);
        slots.map(|s| (s.criterion as usize, s.element)).collect()
    }

    /// The element `(criterion, element)` of `row`, with its data and text.
    pub fn element_cell(&self, row: &BoardRow<'a>, (criterion, element): (usize, u8)) -> ElementCell<'a> {
        let rule = &self.rules.criteria[criterion];
        let (fields, texts): (&[String], &[String]) = match &rule.kind {
            KindRule::Elements { data, text, .. } => (data, text),
            _ => (&[], &[]),
        };
        let slot = rule.first_slot + element as u16 - 1;
        let data = self.element_data.get(row.index, slot).unwrap_or_default();
        let text = self.element_data.text(row.index, slot).unwrap_or_default();
        ElementCell {
            criterion,
            element,
            result: row
                .elements
                .iter()
                .find(|e| e.criterion as usize == criterion && e.element == element),
            data: fields.iter().map(String::as_str).zip(data.iter().copied()).collect(),
            text: texts.iter().map(String::as_str).zip(text.iter().map(|t| &**t)).collect(),
        }
    }

    /// An award's label as this board shows it: "一等奖（暂定）" while
    /// marking is incomplete.
    pub fn award_label(&self, label: &str) -> String {
        if self.provisional {
            crate::say!(self.lang, "board-award-provisional", award = label)
        } else {
            label.to_string()
        }
    }

    /// The division field whose awards are decided within it, when this
    /// board mixes its divisions: each row's award is then shown beside
    /// its division, or a reader would compare prizes across trades.
    pub fn award_division(&self) -> Option<&'a str> {
        if self.filter.is_some() || self.teams {
            return None;
        }
        self.rules.contest.awards.iter().find_map(|set| match &set.scope {
            crate::contest::Scope::PerDivision(field) => Some(field.as_str()),
            _ => None,
        })
    }

    /// The line that says the awards are provisional, when they are.
    pub fn provisional_note(&self) -> Option<String> {
        self.provisional.then(|| crate::say!(self.lang, "board-provisional"))
    }

    /// Yes or no, as this board's readers write it (`true`/`false` for scripts).
    pub fn yes_no(&self, yes: bool) -> String {
        match (self.headers, yes) {
            (Headers::Ids, yes) => yes.to_string(),
            (Headers::Words, true) => crate::say!(self.lang, "value-yes"),
            (Headers::Words, false) => crate::say!(self.lang, "value-no"),
        }
    }

    /// The standings after stage `k` of a contest run in stages: each row
    /// with its place by the stage's own score, its distance to the leader
    /// and whether it went on.
    pub fn of_stage(staged: &'a Staged, k: usize, lang: Lang, division: Option<&str>) -> Result<Leaderboard<'a>, Diagnostic> {
        let stage = &staged.stages[k];
        let mut board = Leaderboard::new(&stage.results, lang, division)?;
        let last = stage.outcomes.iter().all(|o| o.through().is_none());
        board.stage_columns = vec![StageColumn::RoundRank, StageColumn::Behind];
        if !last {
            board.stage_columns.push(StageColumn::Advanced);
        }
        let contest_stage = &staged.classification.inputs.rules.categories[k];
        board.stage = Some((contest_stage.id.as_str(), contest_stage.label.get(lang)));
        for row in &mut board.rows {
            let local = row.number as usize;
            row.stage = StageCells {
                round_place: stage.own_places[local],
                behind: stage.behind[local],
                advanced: stage.outcomes[local].through(),
                reached: None,
            };
        }
        Ok(board)
    }

    /// Blind judging before publication: each entry shows only its code.
    pub fn hide_names(&mut self, codes: &'a crate::blind::Codes) {
        for row in &mut self.rows {
            row.entry = codes.code_of(row.entry).unwrap_or("?");
            row.name = Cow::Borrowed("");
            row.organisation = "";
        }
    }

    /// The team leaderboard: teams combined from their members. A row's
    /// `entry` is the team, its `name` the members' names.
    pub fn of_teams(results: &'a Results, lang: Lang) -> Result<Leaderboard<'a>, Diagnostic> {
        let rules = &*results.inputs.rules;
        let Some(teams) = &rules.contest.teams else {
            return Err(Diagnostic::new(&rules.path, "--teams", crate::msg!("teams-none")).help(crate::msg!("teams-none-help")));
        };
        let entries = &results.inputs.entries;
        let rows = results
            .teams
            .iter()
            .map(|team| BoardRow {
                place: team.place,
                entry: &team.name,
                name: Cow::Owned(
                    team.members
                        .iter()
                        .map(|&m| &*entries.list[m as usize].name)
                        .collect::<Vec<_>>()
                        .join("、"),
                ),
                organisation: "",
                division: "",
                divisions: Vec::new(),
                total: team.total,
                categories: &team.categories,
                criteria: &[],
                index: u32::MAX,
                elements: &[],
                flags: Vec::new(),
                awards: team
                    .awards
                    .iter()
                    .map(|&(s, t)| {
                        let set = &teams.awards[s as usize];
                        let tier = &set.tiers[t as usize];
                        (set.id.as_str(), tier.id.as_str(), tier.label.get(lang))
                    })
                    .collect(),
                from: None,
                number: 0,
                stage: StageCells::default(),
            })
            .collect();
        Ok(Leaderboard {
            rules,
            lang,
            headers: Headers::Words,
            provisional: !results.complete,
            teams: true,
            filter: None,
            rows,
            element_data: &results.inputs.elements,
            stage_columns: Vec::new(),
            stage: None,
        })
    }
}

fn resolve_division(results: &Results, text: &str) -> Result<(String, String), Diagnostic> {
    let rules = &results.inputs.rules;
    let entries = &results.inputs.entries;
    let fields = &rules.contest.divisions;
    let problem = |message: crate::i18n::Text| Diagnostic::new(&rules.path, "--division", message);
    if fields.is_empty() {
        return Err(problem(crate::msg!("division-none")).help(crate::msg!("division-none-help")));
    }
    let (field, value) = match text.split_once('=') {
        Some((f, v)) => (f.trim().to_string(), v.trim().to_string()),
        None => {
            let field = fields
                .iter()
                .find(|f| entries.list.iter().any(|e| entries.field(e, f) == Some(text)));
            (field.cloned().unwrap_or_else(|| fields[0].clone()), text.to_string())
        }
    };
    if !fields.contains(&field) {
        return Err(
            problem(crate::msg!("division-unknown-field", field = field)).help(suggestion(&field, fields.iter().map(String::as_str)))
        );
    }
    let mut values: Vec<&str> = entries.list.iter().filter_map(|e| entries.field(e, &field)).collect();
    values.sort_unstable();
    values.dedup();
    if !values.contains(&value.as_str()) {
        return Err(
            problem(crate::msg!("division-no-entry", field = field, value = value)).help(suggestion(&value, values.iter().copied()))
        );
    }
    Ok((field, value))
}

/// A flag as the short code scripts read.
pub fn flag_code(rules: &Rules, flag: &Flag) -> String {
    let cell = |criterion: u16, element: u8| {
        let key = &rules.criteria[criterion as usize].key;
        if element > 0 {
            format!("{key}#{element}")
        } else {
            key.clone()
        }
    };
    match flag {
        Flag::Veto { veto } => format!("veto:{}", rules.vetoes[*veto as usize].id),
        Flag::Spread { criterion, element, .. } => format!("spread:{}", cell(*criterion, *element)),
        Flag::Incomplete { criterion, .. } => format!("incomplete:{}", cell(*criterion, 0)),
        Flag::Substituted { criterion, element, .. } => format!("substituted:{}", cell(*criterion, *element)),
        Flag::TooLarge { category } => format!("too_large:{}", scored_part(rules, *category)),
        Flag::FilledZero { criterion, element } => format!("filled_zero:{}", cell(*criterion, *element)),
    }
}

/// A flag in words, for people: each criterion by its label, as the
/// contest names it (the ids are for scripts: [`flag_code`]).
pub fn flag_text(rules: &Rules, flag: &Flag, lang: Lang) -> String {
    let criterion = |c: u16| rules.criterion_label(c as usize, lang).to_string();
    match flag {
        Flag::Veto { veto } => crate::say!(lang, "flag-veto", veto = rules.vetoes[*veto as usize].label.get(lang)),
        Flag::Spread { criterion: c, spread, .. } => crate::say!(lang, "flag-spread", criterion = criterion(*c), spread = spread),
        Flag::Incomplete { criterion: c, reason } => {
            crate::say!(lang, "flag-incomplete", criterion = criterion(*c), reason = reason.get(lang))
        }
        Flag::Substituted { criterion: c, judges, .. } => {
            let names: Vec<&str> = judges.iter().map(|&j| rules.judge_id(j)).collect();
            let names = names.join(&crate::say!(lang, "list-separator"));
            crate::say!(lang, "flag-substituted", criterion = criterion(*c), judges = names)
        }
        Flag::FilledZero { criterion: c, element } if *element > 0 => {
            crate::say!(lang, "flag-filled-zero-element", criterion = criterion(*c), element = element)
        }
        Flag::FilledZero { criterion: c, .. } => crate::say!(lang, "flag-filled-zero", criterion = criterion(*c)),
        Flag::TooLarge { category } => {
            let part = category.map_or_else(
                || crate::say!(lang, "column-total"),
                |c| rules.categories[c as usize].label.get(lang).to_string(),
            );
            crate::say!(
                lang,
                "flag-incomplete",
                criterion = part,
                reason = crate::engine::exact::too_large().get(lang)
            )
        }
    }
}

/// A category's id, or "total" for `None`.
fn scored_part(rules: &Rules, category: Option<u16>) -> &str {
    category.map_or("total", |c| rules.categories[c as usize].id.as_str())
}

/// Rows ahead of the one being made whose memory is asked for ([`prefetch`]).
const ROWS_AHEAD: usize = 4;

/// Asks the processor to bring the memory at `place` into its cache, and
/// goes on without waiting for it. A board's rows come in order of place,
/// while what each shows (its entry, its scores) lies where it was made, in
/// the entries' order: read row after row, nearly every row missed the
/// cache, a third of writing a province's board. The memory of the rows a
/// few ahead is asked for, to arrive while the rows before are written.
#[inline(always)]
fn prefetch<T>(place: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint: it reads nothing the program sees, and
    // never faults, whatever the address (x86_64 always has it, as SSE).
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(place.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = place;
}

/// Appends `value` as `Decimal`'s `Display` writes it (`87.50`, `-0.25`,
/// `3`), from its integer mantissa and scale: at a province's 3.5M numbers
/// a leaderboard writes, several times faster than the formatter.
pub fn push_decimal(buffer: &mut String, value: Decimal) {
    let magnitude = value.mantissa().unsigned_abs();
    let mut digits = itoa::Buffer::new();
    // Nearly every mantissa fits 64 bits, whose digits come far quicker.
    let digits = match u64::try_from(magnitude) {
        Ok(small) => digits.format(small),
        Err(_) => digits.format(magnitude),
    };
    let scale = value.scale() as usize;
    if value.is_sign_negative() {
        buffer.push('-');
    }
    if scale == 0 {
        buffer.push_str(digits);
    } else if digits.len() > scale {
        let (whole, fraction) = digits.split_at(digits.len() - scale);
        buffer.push_str(whole);
        buffer.push('.');
        buffer.push_str(fraction);
    } else {
        buffer.push_str("0.");
        buffer.extend(std::iter::repeat_n('0', scale - digits.len()));
        buffer.push_str(digits);
    }
}

/// A number as shown: exactly as computed (with the declared places).
pub fn number(value: Option<Decimal>) -> String {
    value.map_or_else(|| "-".into(), |v| v.to_string())
}

/// Labels a user reads, in Chinese and English.
pub fn label(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Writes the leaderboard to `output` (or standard output).
pub fn write_board(board: &Leaderboard, kind: FormatKind, output: Option<&Path>) -> io::Result<()> {
    let format = kind.format();
    write_to(output, |out| format.write(board, out))
}

/// Result rows made into a board's rows at a time by [`write_csv_in_windows`].
pub const WINDOW: usize = 1 << 16;

/// The CSV board of every row of `results`, each `window` of rows (see
/// [`WINDOW`]) made into the board's by `board_of` (which also makes the
/// board of no rows the header is written from) as it is written: a
/// national field's board, made whole, took a tenth of the run's memory.
pub fn write_csv_in_windows<'a>(
    results: &'a Results,
    window: usize,
    board_of: impl Fn(&'a [crate::engine::ResultRow]) -> Leaderboard<'a>,
    output: Option<&Path>,
) -> io::Result<()> {
    write_to(output, |out| {
        csv::write_head(&board_of(&[]), out)?;
        for window in results.rows.chunks(window) {
            csv::write_rows(&board_of(window), out)?;
        }
        out.flush()
    })
}

/// Runs `write` on the file at `output` (whole or not at all), or on standard output.
fn write_to(output: Option<&Path>, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    match output {
        Some(path) => write_atomically_with(path, write),
        None => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            write(&mut out)?;
            out.flush()
        }
    }
}

/// Writes `bytes` to `path` whole or not at all.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically_with(path, |file| file.write_all(bytes))
}

/// Writes beside the target and renames, so a failed run never leaves half a file.
fn write_atomically_with(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let partial = path.with_extension("partial");
    let mut file = io::BufWriter::new(std::fs::File::create(&partial)?);
    let written = write(&mut file).and_then(|()| file.flush());
    drop(file);
    match written {
        Ok(()) => std::fs::rename(&partial, path),
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            Err(e)
        }
    }
}
