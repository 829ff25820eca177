//! `podium advance SOURCE TARGET`: the qualifiers of a locked contest become
//! entries of the next level's contest, each with where it came from
//! (`from_contest`, `from_place`). The target's entries file gains rows at
//! its end and nothing else changes in it; the whole file is written at
//! once (temp file and rename), or not at all.

use super::{state_of, State, FROM_CONTEST, FROM_PLACE};
use crate::contest::rules::VetoEffectRule;
use crate::contest::Lang;
use crate::contest::Rules;
use crate::data::{headers, Entries};
use crate::engine::{Flag, Results};
use crate::i18n::Text;
use crate::load::Sources;
use crate::msg;
use crate::output::Leaderboard;
use std::path::Path;

/// Who goes on: the top `top` places (everyone tied at the cut too),
/// and/or the winners of these award tiers. An entry a veto disqualified
/// never goes on.
#[derive(Debug, Clone, Default)]
pub struct Rule {
    pub top: Option<u32>,
    pub awards: Vec<String>,
    /// Only this division of the source (`welder`, `trade=welder`), by
    /// its places within it: an enterprise's duel of several trades
    /// sends each trade on to the town's contest of that trade.
    pub division: Option<String>,
}

impl Rule {
    /// Whether an entry at `rank` holding these award tiers goes on.
    pub fn takes(&self, rank: u32, tiers: &[&str]) -> bool {
        self.top.is_some_and(|top| rank <= top) || tiers.iter().any(|t| self.awards.iter().any(|a| a == t))
    }
}

/// One entry that goes on, as the source scored it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qualifier {
    pub entry: u32,
    pub rank: u32,
}

/// What `advance` did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Ids added to the target's entries.
    pub added: Vec<String>,
    /// Ids already there from this source (an earlier run).
    pub already: Vec<String>,
}

/// Adds the qualifiers of `source` to `target`'s entries file.
pub fn run(source: &Path, target: &Path, rule: &Rule) -> Result<Outcome, String> {
    let inputs = crate::load::load(source, None).map_err(|p| p.to_string())?;
    let to_rules = crate::contest::load(target).map_err(|p| p.to_string())?;
    let file = Sources::of(&to_rules, None).entries;
    // A target without an entries file yet gets one (see `appended`).
    let to_entries = match file.exists() {
        true => Entries::load(&file, &to_rules.entry_fields()).map_err(|p| p.to_string())?,
        false => Entries::default(),
    };
    let from = &inputs.rules.contest.id;
    if *from == to_rules.contest.id {
        return Err(msg!("advance-same", contest = from).to_string());
    }
    if state_of(&inputs.rules)? == State::Open {
        let command = format!("podium lock {}", source.display());
        return Err(format!(
            "{}\n  {}",
            msg!("advance-not-locked", contest = from),
            msg!("advance-lock-help", command = command)
        ));
    }
    if state_of(&to_rules)? != State::Open {
        return Err(msg!("advance-target-locked", contest = &to_rules.contest.id).to_string());
    }
    check_tiers(&inputs.rules, rule)?;
    // A contest run in stages goes on by its final classification.
    let results = crate::stages::final_results(inputs, &[]);
    refuse_unscored(&results)?;
    let qualifiers = qualifiers(&results, rule)?;
    append(&results, &qualifiers, (&to_entries, &file, &to_rules.entry_fields()))
}

/// Every award tier the rule names must be one of the source's.
fn check_tiers(rules: &Rules, rule: &Rule) -> Result<(), String> {
    let tiers: Vec<&str> = rules.contest.awards.iter().flat_map(|s| &s.tiers).map(|t| t.id.as_str()).collect();
    match rule.awards.iter().find(|a| !tiers.contains(&a.as_str())) {
        None => Ok(()),
        Some(tier) => Err(format!(
            "{}\n  {}",
            msg!("advance-no-tier", tier = tier, contest = &rules.contest.id),
            crate::error::suggestion(tier, tiers.iter().copied())
        )),
    }
}

/// A contest whose entries are not all scored has no places to go on by.
fn refuse_unscored(results: &Results) -> Result<(), String> {
    let unscored: Vec<&str> = results
        .rows
        .iter()
        .filter(|row| row.standing.overall.is_none() || row.flags.iter().any(|f| matches!(f, Flag::Incomplete { .. })))
        .map(|row| &*results.inputs.entries.list[row.entry as usize].id)
        .collect();
    let contest = &results.inputs.rules.contest.id;
    match (unscored.is_empty(), results.complete) {
        (true, true) => return Ok(()),
        // Every entry has a total, but from marks still missing (a
        // missing mark counted as the contest says): places may change.
        (true, false) => {
            let command = format!("podium status {}", results.inputs.rules.dir().display());
            return Err(msg!("advance-incomplete", contest = contest, command = command).to_string());
        }
        (false, _) => {}
    }
    const SHOWN: usize = 10;
    let mut ids = unscored.iter().take(SHOWN).copied().collect::<Vec<_>>().join(", ");
    if unscored.len() > SHOWN {
        ids.push_str(", …");
    }
    Err(msg!("advance-unscored", contest = contest, count = unscored.len(), ids = ids).to_string())
}

/// The entries the rule sends on, best first, each with its place (within
/// the division, when the rule names one) as the leaderboard shows it.
pub fn qualifiers(results: &Results, rule: &Rule) -> Result<Vec<Qualifier>, String> {
    let rules = &results.inputs.rules;
    let entries = &results.inputs.entries;
    let board = Leaderboard::new(results, Lang::default(), rule.division.as_deref()).map_err(|d| d.to_string())?;
    let mut disqualified = vec![false; entries.list.len()];
    for row in &results.rows {
        disqualified[row.entry as usize] = row.flags.iter().any(|f| match f {
            Flag::Veto { veto } => matches!(rules.vetoes[*veto as usize].effect, VetoEffectRule::Disqualify),
            _ => false,
        });
    }
    Ok(board
        .rows
        .iter()
        .filter_map(|row| {
            let entry = entries.find(row.entry)?;
            let rank = row.place?.rank;
            let tiers: Vec<&str> = row.awards.iter().map(|award| award.1).collect();
            (!disqualified[entry as usize] && rule.takes(rank, &tiers)).then_some(Qualifier { entry, rank })
        })
        .collect())
}

/// The target's entries, their file, and the fields its contest reads.
type Target<'a> = (&'a Entries, &'a Path, &'a [String]);

/// Appends the qualifiers not yet in the target's entries to its file,
/// after refusing any whose id the target already has from elsewhere.
fn append(results: &Results, qualifiers: &[Qualifier], (entries, file, fields): Target) -> Result<Outcome, String> {
    let source = &results.inputs.entries;
    let from = results.inputs.rules.contest.id.as_str();
    let mut outcome = Outcome::default();
    let mut clashes = Vec::new();
    let mut new = Vec::new();
    for q in qualifiers {
        let id = &*source.list[q.entry as usize].id;
        let Some(there) = entries.find(id) else {
            new.push(q);
            continue;
        };
        let there = &entries.list[there as usize];
        match entries.field(there, FROM_CONTEST).filter(|c| !c.is_empty()) {
            Some(contest) if contest == from => outcome.already.push(id.to_string()),
            Some(contest) => {
                let place = entries.field(there, FROM_PLACE).unwrap_or("");
                let origin = msg!("advance-origin", contest = contest, place = place);
                clashes.push(msg!("advance-clash", id = id, there = origin, contest = from, place = q.rank));
            }
            None => clashes.push(msg!(
                "advance-clash",
                id = id,
                there = msg!("advance-origin-own"),
                contest = from,
                place = q.rank
            )),
        }
    }
    if !clashes.is_empty() {
        let lines: Vec<String> = clashes.iter().map(Text::to_string).collect();
        return Err(format!("{}\n  {}", lines.join("\n"), msg!("advance-clash-help")));
    }
    if !new.is_empty() {
        let text = appended(file, fields, results, &new)?;
        crate::output::write_atomically(file, &text)
            .map_err(|e| msg!("advance-cannot-write", file = file.display(), why = e).to_string())?;
    }
    outcome.added = new.iter().map(|q| source.list[q.entry as usize].id.to_string()).collect();
    Ok(outcome)
}

/// The entries file's bytes with the new rows at the end, in its own
/// encoding and line endings; the rows already there are not touched. A
/// file without the provenance columns gets them only while it has no
/// rows (a new file: a header of `id`, `name`, `organisation` and the
/// `fields` the contest reads); otherwise the organiser adds them.
fn appended(file: &Path, fields: &[String], results: &Results, new: &[&Qualifier]) -> Result<Vec<u8>, String> {
    match file.extension().and_then(|e| e.to_str()) {
        Some("csv") | Some("CSV") | None => {}
        Some(_) => return Err(msg!("advance-not-csv", file = file.display()).to_string()),
    }
    let cannot_read = |e: std::io::Error| msg!("advance-cannot-write", file = file.display(), why = e).to_string();
    let (mut bytes, text) = match file.exists() {
        true => (
            std::fs::read(file).map_err(cannot_read)?,
            crate::data::read_text(file).map_err(|d| d.to_string())?,
        ),
        false => (b"\xEF\xBB\xBF".to_vec(), String::new()),
    };
    let utf8 = std::str::from_utf8(&bytes).is_ok();
    let crlf = text.contains("\r\n");
    let mut written = header_of(&text);
    if written.is_empty() {
        written = ["id", "name", "organisation"].map(String::from).to_vec();
        written.extend(fields.iter().filter(|f| !written.contains(f)).cloned().collect::<Vec<_>>());
    }
    let columns = ["id", "name", "organisation", "members", FROM_CONTEST, FROM_PLACE];
    let header = headers::read_header(written.iter().map(String::as_str), &columns);
    let missing: Vec<&str> = [FROM_CONTEST, FROM_PLACE]
        .into_iter()
        .filter(|c| !header.iter().any(|h| h == c))
        .collect();
    let mut header = header;
    if !missing.is_empty() || text.is_empty() {
        if has_rows(&text) {
            return Err(format!(
                "{}\n  {}",
                msg!("advance-no-column", file = file.display(), column = missing[0]),
                msg!("advance-add-columns", from_contest = FROM_CONTEST, from_place = FROM_PLACE)
            ));
        }
        // Only a header, or nothing: the header is written again with the columns.
        written.extend(missing.iter().map(|c| c.to_string()));
        header = headers::read_header(written.iter().map(String::as_str), &columns);
        let bom = bytes.starts_with(b"\xEF\xBB\xBF");
        bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        bytes.extend(encoded(csv_rows(std::slice::from_ref(&written), crlf)?, utf8));
    }
    let rows: Vec<Vec<String>> = new.iter().map(|q| row(results, q, &header)).collect();
    if !bytes.is_empty() && !bytes.ends_with(b"\n") && !bytes.ends_with(b"\xEF\xBB\xBF") {
        bytes.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
    }
    bytes.extend(encoded(csv_rows(&rows, crlf)?, utf8));
    Ok(bytes)
}

/// Rows as CSV text, each ended as the file ends its lines.
fn csv_rows(rows: &[Vec<String>], crlf: bool) -> Result<String, String> {
    let terminator = if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') };
    let mut writer = csv::WriterBuilder::new().terminator(terminator).from_writer(Vec::new());
    for row in rows {
        writer.write_record(row).map_err(|e| e.to_string())?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// Text in the file's encoding: UTF-8, or GB18030 for a file that came so
/// (Excel on Chinese Windows), whose new rows must be GB18030 too.
fn encoded(text: String, utf8: bool) -> Vec<u8> {
    match utf8 {
        true => text.into_bytes(),
        false => encoding_rs::GB18030.encode(&text).0.into_owned(),
    }
}

/// Whether the file has a row after its header that is not blank.
fn has_rows(text: &str) -> bool {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    reader
        .records()
        .any(|r| r.map_or(true, |record| !crate::data::is_blank_row(&record)))
}

/// The header row as written (trimmed).
fn header_of(text: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    match reader.read_record(&mut record) {
        Ok(true) => record.iter().map(|h| headers::trimmed(h).to_string()).collect(),
        _ => Vec::new(),
    }
}

/// A qualifier's row under the target's header: its own id, name,
/// organisation, members and any field the source has by that name, and
/// where it came from.
fn row(results: &Results, q: &Qualifier, header: &[String]) -> Vec<String> {
    let entries = &results.inputs.entries;
    let entry = &entries.list[q.entry as usize];
    header
        .iter()
        .map(|column| match column.as_str() {
            "id" => entry.id.to_string(),
            "name" => entry.name.to_string(),
            "members" => entry.members.join(";"),
            FROM_CONTEST => results.inputs.rules.contest.id.clone(),
            FROM_PLACE => q.rank.to_string(),
            field => entries.field(entry, field).unwrap_or("").to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_top_places_and_the_named_awards_go_on() {
        let rule = Rule {
            top: Some(3),
            awards: vec!["gold".into()],
            division: None,
        };
        // Places as ranking gives them, ties sharing one: 1, 2, 3, 3, 5.
        assert!(rule.takes(3, &[]), "a tie at the cut goes through");
        assert!(!rule.takes(5, &[]));
        assert!(rule.takes(5, &["gold"]));
        let awards_only = Rule {
            top: None,
            awards: vec!["gold".into()],
            division: None,
        };
        assert!(!awards_only.takes(1, &["silver"]));
    }
}
