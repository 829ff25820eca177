//! `podium campaign FOLDER`: the campaign board. Every contest of the
//! campaign by level and trade, with its entries, its state (open, locked,
//! published) and its award winners, each with where it came from.

use super::{state_of, Loaded, Member, State, FROM_CONTEST, FROM_PLACE};
use crate::contest::{Label, Lang};
use crate::say;
use crate::text::spreadsheet_text;
use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// How the board is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum BoardFormat {
    #[default]
    Table,
    Json,
    Csv,
}

/// One contest on the board.
#[derive(Debug, Clone, Serialize)]
pub struct Line {
    pub folder: String,
    pub contest: String,
    #[serde(skip)]
    pub name: Label,
    pub level: String,
    pub trade: String,
    pub entries: usize,
    #[serde(serialize_with = "state_id")]
    pub state: State,
    /// Marks are still missing: its awards may change.
    pub provisional: bool,
    pub winners: Vec<Winner>,
}

fn state_id<S: serde::Serializer>(state: &State, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(state.id())
}

/// An award winner and where it came from (empty for an entry of this level's own).
#[derive(Debug, Clone, Serialize)]
pub struct Winner {
    /// Its place in its contest.
    pub rank: Option<u32>,
    pub tied: bool,
    pub entry: String,
    pub name: String,
    pub organisation: String,
    pub awards: Vec<String>,
    #[serde(skip)]
    pub award_labels: Vec<Label>,
    pub from_contest: Option<String>,
    pub from_place: Option<String>,
}

/// Every contest of the campaign, scored, in board order.
pub fn lines(campaign: &Loaded) -> Result<Vec<Line>, String> {
    campaign.ordered().into_iter().map(|member| line(campaign, member)).collect()
}

fn line(campaign: &Loaded, member: &Member) -> Result<Line, String> {
    let folder = campaign.folder(member);
    let inputs = crate::load::load(&folder, None).map_err(|p| p.to_string())?;
    let state = state_of(&inputs.rules)?;
    // Blind judging before publication: winners by their codes only, as
    // on the contest's own leaderboard (where they came from would name them).
    let codes = crate::blind::hidden_names(&inputs.rules)?;
    let results = crate::stages::final_results(inputs, &[]);
    let (rules, entries) = (&results.inputs.rules, &results.inputs.entries);
    let provenance = |entry, field| entries.field(entry, field).filter(|v| !v.is_empty()).map(String::from);
    let winners = results
        .rows
        .iter()
        .filter(|row| !row.awards.is_empty())
        .map(|row| {
            let entry = &entries.list[row.entry as usize];
            let tiers: Vec<_> = row
                .awards
                .iter()
                .map(|&(s, t)| &rules.contest.awards[s as usize].tiers[t as usize])
                .collect();
            let winner = Winner {
                rank: row.standing.overall.map(|p| p.rank),
                tied: row.standing.overall.is_some_and(|p| p.tied),
                entry: entry.id.to_string(),
                name: entry.name.to_string(),
                organisation: entries.organisation(entry).to_string(),
                awards: tiers.iter().map(|t| t.id.clone()).collect(),
                award_labels: tiers.iter().map(|t| t.label.clone()).collect(),
                from_contest: provenance(entry, FROM_CONTEST),
                from_place: provenance(entry, FROM_PLACE),
            };
            match &codes {
                Some(codes) => Winner {
                    entry: codes.code_of(&entry.id).unwrap_or("?").to_string(),
                    name: String::new(),
                    organisation: String::new(),
                    from_contest: None,
                    from_place: None,
                    ..winner
                },
                None => winner,
            }
        })
        .collect();
    Ok(Line {
        folder: member.folder.clone(),
        contest: rules.contest.id.clone(),
        name: rules.contest.name.clone(),
        level: member.level.clone(),
        trade: member.trade.clone(),
        entries: entries.list.len(),
        state,
        provisional: !results.complete,
        winners,
    })
}

/// The board in `format`, in `lang`.
pub fn write(campaign: &Loaded, lines: &[Line], format: BoardFormat, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let board = Board { campaign, lines, lang };
    match format {
        BoardFormat::Table => board.table(out),
        BoardFormat::Json => board.json(out),
        BoardFormat::Csv => board.csv(out),
    }
}

struct Board<'a> {
    campaign: &'a Loaded,
    lines: &'a [Line],
    lang: Lang,
}

impl Board<'_> {
    fn level(&self, id: &str) -> String {
        self.campaign.level(id).map_or(id, |l| l.label.get(self.lang)).to_string()
    }

    fn trade(&self, id: &str) -> String {
        self.campaign.trade(id).map_or(id, |t| t.label.get(self.lang)).to_string()
    }

    /// A winner's awards in words, provisional (暂定) while marks are missing.
    fn awards(&self, line: &Line, winner: &Winner) -> String {
        let labels: Vec<String> = winner
            .award_labels
            .iter()
            .map(|l| match line.provisional {
                true => say!(self.lang, "board-award-provisional", award = l.get(self.lang)),
                false => l.get(self.lang).to_string(),
            })
            .collect();
        labels.join(&say!(self.lang, "list-separator"))
    }

    /// Where a winner came from, in words: the source contest's name (when
    /// it is one of the campaign's), its level and the place it had there.
    fn origin(&self, winner: &Winner) -> Option<String> {
        let contest = winner.from_contest.as_deref()?;
        let place = winner.from_place.as_deref().unwrap_or("-");
        let named: HashMap<&str, &Line> = self.lines.iter().map(|l| (l.contest.as_str(), l)).collect();
        Some(match named.get(contest) {
            Some(source) => say!(
                self.lang,
                "campaign-from-level",
                contest = source.name.get(self.lang),
                level = self.level(&source.level),
                place = place
            ),
            None => say!(self.lang, "campaign-from", contest = contest, place = place),
        })
    }

    fn table(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let lang = self.lang;
        let c = &self.campaign.campaign;
        writeln!(out, "{}", c.name.get(lang))?;
        for line in self.lines {
            writeln!(out)?;
            let heading = say!(
                lang,
                "campaign-contest",
                level = self.level(&line.level),
                trade = self.trade(&line.trade),
                name = line.name.get(lang),
                folder = &line.folder
            );
            writeln!(out, "{heading}")?;
            let count = say!(
                lang,
                "campaign-count",
                entries = line.entries,
                state = line.state.said().in_lang(lang)
            );
            writeln!(out, "  {count}")?;
            if line.winners.is_empty() {
                writeln!(out, "  {}", say!(lang, "campaign-no-winners"))?;
            }
            let rows: Vec<Vec<String>> = line
                .winners
                .iter()
                .map(|winner| {
                    let mut cells = vec![
                        self.awards(line, winner),
                        place(winner),
                        winner.entry.clone(),
                        winner.name.clone(),
                        winner.organisation.clone(),
                    ];
                    cells.extend(self.origin(winner));
                    cells
                })
                .collect();
            for row in aligned(&rows) {
                writeln!(out, "  {}", crate::text::shown(&row))?;
            }
        }
        Ok(())
    }

    fn json(&self, out: &mut dyn Write) -> std::io::Result<()> {
        #[derive(Serialize)]
        struct Document<'a> {
            campaign: &'a str,
            name: &'a str,
            levels: Vec<&'a str>,
            contests: Vec<Contest<'a>>,
        }
        /// A line with its contest's name in the board's language.
        #[derive(Serialize)]
        struct Contest<'a> {
            name: &'a str,
            #[serde(flatten)]
            line: &'a Line,
        }
        let c = &self.campaign.campaign;
        let document = Document {
            campaign: &c.id,
            name: c.name.get(self.lang),
            levels: c.levels.iter().map(|l| l.id.as_str()).collect(),
            contests: self
                .lines
                .iter()
                .map(|line| Contest {
                    name: line.name.get(self.lang),
                    line,
                })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut *out, &document)?;
        writeln!(out)
    }

    /// One row per winner (a contest without winners: one row without), for a spreadsheet.
    fn csv(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let lang = self.lang;
        out.write_all("\u{feff}".as_bytes())?;
        let mut writer = csv::Writer::from_writer(out);
        let header = [
            "campaign-column-level",
            "campaign-column-trade",
            "campaign-column-contest",
            "campaign-column-folder",
            "campaign-column-entries",
            "campaign-column-state",
            "column-rank",
            "column-tied",
            "column-entry",
            "column-name",
            "column-organisation",
            "column-award",
            "campaign-column-from-contest",
            "campaign-column-from-place",
        ];
        writer.write_record(header.map(|id| crate::i18n::say(lang, id, &[])))?;
        for line in self.lines {
            let contest = [
                self.level(&line.level),
                self.trade(&line.trade),
                line.name.get(lang).to_string(),
                line.folder.clone(),
                line.entries.to_string(),
                line.state.said().in_lang(lang),
            ];
            let empty = Winner {
                rank: None,
                tied: false,
                entry: String::new(),
                name: String::new(),
                organisation: String::new(),
                awards: Vec::new(),
                award_labels: Vec::new(),
                from_contest: None,
                from_place: None,
            };
            let winners = if line.winners.is_empty() {
                std::slice::from_ref(&empty)
            } else {
                &line.winners[..]
            };
            for winner in winners {
                let tied = match winner.tied {
                    true => say!(lang, "value-yes"),
                    false => String::new(),
                };
                let cells = contest.iter().cloned().chain([
                    winner.rank.map(|r| r.to_string()).unwrap_or_default(),
                    tied,
                    winner.entry.clone(),
                    winner.name.clone(),
                    winner.organisation.clone(),
                    self.awards(line, winner),
                    winner.from_contest.clone().unwrap_or_default(),
                    winner.from_place.clone().unwrap_or_default(),
                ]);
                writer.write_record(cells.map(|c| spreadsheet_text(&c).into_owned()))?;
            }
        }
        writer.flush()
    }
}

/// A place as the leaderboards show it: `=3` when tied.
fn place(winner: &Winner) -> String {
    match (winner.rank, winner.tied) {
        (Some(rank), true) => format!("={rank}"),
        (Some(rank), false) => rank.to_string(),
        (None, _) => String::new(),
    }
}

/// Rows of cells as lines, each column as wide as its widest cell (a
/// Chinese character two columns wide); the last column is not padded.
pub fn aligned(rows: &[Vec<String>]) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().filter_map(|r| r.get(c)).map(|cell| cell.width()).max().unwrap_or(0))
        .collect();
    rows.iter()
        .map(|row| {
            let mut line = String::new();
            for (c, cell) in row.iter().enumerate() {
                line.push_str(cell);
                if c + 1 < row.len() {
                    line.push_str(&" ".repeat(widths[c] - cell.width() + 2));
                }
            }
            line.trim_end().to_string()
        })
        .collect()
}

/// `podium campaign FOLDER`: loads, scores and writes the board.
pub fn run(folder: &Path, format: BoardFormat, lang: Lang, output: Option<&Path>) -> Result<(), String> {
    let campaign = super::load(folder).map_err(|p| p.to_string())?;
    let lines = lines(&campaign)?;
    let mut bytes = Vec::new();
    write(&campaign, &lines, format, lang, &mut bytes).map_err(|e| e.to_string())?;
    match output {
        Some(path) => crate::output::write_atomically(path, &bytes)
            .map_err(|e| crate::msg!("advance-cannot-write", file = path.display(), why = e).to_string()),
        None => std::io::stdout().write_all(&bytes).map_err(|e| e.to_string()),
    }
}
