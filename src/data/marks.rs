//! Marks in long form, one mark per row: `entry,criterion,element,judge,value`.
//!
//! This is the hot path at scale (10M marks = 300 MB of CSV), so the reader
//! streams the file in blocks, parses blocks in parallel, and keeps each
//! mark in 8 bytes: the value as an integer count of the criterion's
//! smallest step (its declared decimal places), which makes range and step
//! checks exact integer arithmetic, plus its slot and judge. Which entry a
//! mark belongs to is not stored per mark: each entry's marks are one range
//! of the pool. Results never depend on thread count: blocks are parsed
//! independently and joined in file order.

use super::cells::{ascii_number, column_label, odd_character, odd_in_number, row_field, separator_help, suggestion};
use super::Panels;
use super::{headers, read_text, workbook, Entries, MAX_REPORTED};
use crate::contest::{KindRule, Rules};
use crate::error::{Diagnostic, Diagnostics};
use crate::i18n::Text;
use crate::msg;
use rayon::prelude::*;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use std::io::Read;
use std::path::Path;

pub use super::cells::column_letter;

/// `judge` of a mark recorded without a judge (a measurement, a count).
pub const NO_JUDGE: u16 = u16::MAX;

/// One mark of one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// The value × 10^scale of its criterion (see `MarkRangeRule::scale`).
    pub units: i32,
    pub slot: u16,
    pub judge: u16,
}

impl Mark {
    /// What makes a mark one cell's: its slot and judge.
    pub fn key(&self) -> (u16, u16) {
        (self.slot, self.judge)
    }
}

/// Every mark of a contest; each entry's marks are one range of the pool,
/// sorted by slot and judge.
#[derive(Debug, Clone, Default)]
pub struct MarkSet {
    pub marks: Vec<Mark>,
    /// (start, length) in `marks` of each entry's marks.
    pub ranges: Vec<(u32, u32)>,
    /// Marks in `marks` that no range covers any more (left by `set`).
    unused: usize,
}

/// A cell marked twice by one judge: (entry, slot, judge).
pub type Duplicate = (u32, u16, u16);

impl MarkSet {
    pub fn of_entry(&self, entry: usize) -> &[Mark] {
        let (start, len) = self.ranges[entry];
        &self.marks[start as usize..(start + len) as usize]
    }

    /// Sets one cell's mark (entered or corrected) for `entry`. A new cell
    /// moves the entry's marks to the end of the pool, still sorted; the old
    /// place is left unused until unused places are half the pool, when the
    /// pool is packed again (so each mark is moved a bounded number of times
    /// however many arrive one by one).
    pub fn set(&mut self, entry: usize, mark: Mark) {
        let (start, len) = self.ranges[entry];
        let slice = &mut self.marks[start as usize..(start + len) as usize];
        if let Some(same) = slice.iter_mut().find(|m| m.key() == mark.key()) {
            same.units = mark.units;
            return;
        }
        let mut moved = slice.to_vec();
        moved.push(mark);
        moved.sort_unstable_by_key(Mark::key);
        self.ranges[entry] = (self.marks.len() as u32, len + 1);
        self.marks.extend(moved);
        self.unused += len as usize;
        if self.unused > self.marks.len() / 2 {
            self.pack();
        }
    }

    /// The pool again without unused places, each entry's marks in entry order.
    fn pack(&mut self) {
        let mut packed = Vec::with_capacity(2 * (self.marks.len() - self.unused));
        for range in &mut self.ranges {
            let (start, len) = *range;
            *range = (packed.len() as u32, len);
            packed.extend_from_slice(&self.marks[start as usize..(start + len) as usize]);
        }
        self.marks = packed;
        self.unused = 0;
    }

    /// Room for `additional` marks to arrive without the pool being copied
    /// (room never written costs no memory).
    pub fn reserve(&mut self, additional: usize) {
        self.marks.reserve(additional);
    }

    /// Marks given with their entries, in any order.
    pub fn from_entry_marks(mut marks: Vec<(u32, Mark)>, entry_count: usize) -> Result<MarkSet, Vec<Duplicate>> {
        marks.par_sort_unstable_by_key(|(entry, mark)| (*entry, mark.key()));
        let mut ranges = vec![(0u32, 0u32); entry_count];
        for (i, (entry, _)) in marks.iter().enumerate() {
            let range = &mut ranges[*entry as usize];
            if range.1 == 0 {
                range.0 = i as u32;
            }
            range.1 += 1;
        }
        let set = MarkSet {
            marks: marks.into_iter().map(|(_, mark)| mark).collect(),
            ranges,
            unused: 0,
        };
        set.check_duplicates()
    }

    /// Marks already grouped by entry, each group anywhere in the pool:
    /// `blocks` gives each entry's (index, start, length). Nothing is moved
    /// but within a group (sorted there if it is not).
    pub fn from_blocks(marks: Vec<Mark>, blocks: &[(u32, u32, u32)], entry_count: usize) -> Result<MarkSet, Vec<Duplicate>> {
        let mut ranges = vec![(0u32, 0u32); entry_count];
        for &(entry, start, len) in blocks {
            ranges[entry as usize] = (start, len);
        }
        MarkSet { marks, ranges, unused: 0 }.sort_and_check()
    }

    /// Marks already grouped by entry, in entry order: `counts[e]` of them
    /// for entry e (each group sorted here if it is not).
    pub fn from_grouped(marks: Vec<Mark>, counts: &[u32]) -> Result<MarkSet, Vec<Duplicate>> {
        let mut start = 0u32;
        let ranges = counts
            .iter()
            .map(|&count| {
                let range = (start, count);
                start += count;
                range
            })
            .collect();
        MarkSet { marks, ranges, unused: 0 }.sort_and_check()
    }

    /// Sorts each entry's marks by slot and judge and rejects a cell marked
    /// twice by one judge.
    fn sort_and_check(mut self) -> Result<MarkSet, Vec<Duplicate>> {
        // Split the pool into each entry's range (in pool order) and sort those in parallel.
        let mut order: Vec<(u32, u32, u32)> = self
            .ranges
            .iter()
            .enumerate()
            .map(|(e, &(start, len))| (start, len, e as u32))
            .collect();
        order.sort_unstable();
        let mut pieces: Vec<&mut [Mark]> = Vec::with_capacity(order.len());
        let mut rest: &mut [Mark] = &mut self.marks;
        let mut position = 0u32;
        for &(start, len, _) in &order {
            let (_, tail) = rest.split_at_mut((start - position) as usize);
            let (piece, tail) = tail.split_at_mut(len as usize);
            pieces.push(piece);
            rest = tail;
            position = start + len;
        }
        pieces.par_iter_mut().for_each(|piece| {
            if !piece.is_sorted_by_key(Mark::key) {
                piece.sort_unstable_by_key(Mark::key);
            }
        });
        self.check_duplicates()
    }

    fn check_duplicates(self) -> Result<MarkSet, Vec<Duplicate>> {
        let duplicates: Vec<Duplicate> = (0..self.ranges.len())
            .flat_map(|e| {
                self.of_entry(e)
                    .windows(2)
                    .filter(|w| w[0].key() == w[1].key())
                    .map(move |w| (e as u32, w[0].slot, w[0].judge))
                    .collect::<Vec<_>>()
            })
            .take(MAX_REPORTED)
            .collect();
        if duplicates.is_empty() {
            Ok(self)
        } else {
            Err(duplicates)
        }
    }

    /// The mark's value as an exact decimal.
    pub fn value(rules: &Rules, mark: &Mark) -> Decimal {
        let criterion = rules.slots[mark.slot as usize].criterion as usize;
        Decimal::new(mark.units as i64, rules.criteria[criterion].range.scale)
    }
}

/// The columns of the long form, in the order `podium export` writes them.
pub const COLUMNS: [&str; 5] = ["entry", "criterion", "element", "judge", "value"];

/// Bytes read per block; blocks are parsed in parallel in batches.
const BLOCK: usize = 4 << 20;

/// Reads a marks file. Every bad row is reported (up to `MAX_REPORTED`)
/// with its row, field and what would be valid. A UTF-8 CSV file is
/// streamed; a workbook, or a file that turns out not to be UTF-8 (GBK),
/// is read whole by `read_text` and parsed the same way.
pub fn load(path: &Path, rules: &Rules, entries: &Entries) -> Result<MarkSet, Diagnostics> {
    let read = if workbook::is_workbook(path) {
        read_decoded(path, rules, entries)
    } else {
        let file = std::fs::File::open(path).map_err(|e| Diagnostic::new(path, "", msg!("files-cannot-read", why = e)))?;
        match read_stream(file, path, rules, entries) {
            Err(Failure::NotUtf8) => read_decoded(path, rules, entries),
            other => other,
        }
    };
    let duplicates = match read {
        Ok(Ok(set)) => return Ok(set),
        Ok(Err(duplicates)) => duplicates,
        Err(Failure::Problems(problems)) => return Err(problems),
        Err(Failure::NotUtf8) => return Err(read_text(path).err().map(Diagnostics::from).unwrap_or_default()),
    };
    // Rare: find the rows of each cell marked twice, to name them.
    let rows = read_text(path).map(|text| duplicate_rows(&text, &duplicates, rules, entries));
    let mut problems = Diagnostics::default();
    for (i, (entry, slot, judge)) in duplicates.into_iter().enumerate() {
        let slot = rules.slots[slot as usize];
        let criterion = &rules.criteria[slot.criterion as usize].key;
        let judge = if judge == NO_JUDGE {
            String::from("-")
        } else {
            rules.judge_id(judge).to_string()
        };
        let rows = rows.as_ref().ok().and_then(|rows| rows.get(i)).cloned().unwrap_or_default();
        let id = &entries.list[entry as usize].id;
        let message = match slot.element {
            0 => msg!(
                "files-marks-twice",
                entry = id,
                criterion = criterion,
                judge = judge,
                rows = list(&rows)
            ),
            element => msg!(
                "files-marks-twice-element",
                entry = id,
                criterion = criterion,
                element = element,
                judge = judge,
                rows = list(&rows)
            ),
        };
        let problem = Diagnostic::new(path, "entry,criterion,element,judge", message).help(msg!("files-marks-twice-help"));
        problems.push(match rows.last() {
            Some(&line) => problem.at_line(line),
            None => problem,
        });
    }
    Err(problems)
}

/// Row numbers as a list, as the reader writes one: `3、7` / `3, 7`.
fn list(rows: &[usize]) -> String {
    let rows: Vec<String> = rows.iter().map(usize::to_string).collect();
    rows.join(&crate::say!(crate::i18n::spoken(), "list-separator"))
}

/// The marks of a file read whole as text (a workbook, GBK).
fn read_decoded(path: &Path, rules: &Rules, entries: &Entries) -> Result<Result<MarkSet, Vec<Duplicate>>, Failure> {
    let text = read_text(path)?;
    read_stream(text.as_bytes(), path, rules, entries)
}

/// The rows (as Excel numbers them) of each cell marked twice.
fn duplicate_rows(text: &str, duplicates: &[Duplicate], rules: &Rules, entries: &Entries) -> Vec<Vec<usize>> {
    let mut rows = vec![Vec::new(); duplicates.len()];
    let Ok((header, skip)) = Header::parse(Path::new(""), text.as_bytes()) else {
        return rows;
    };
    let lookups = Lookups::new(rules, entries);
    let body = &text.as_bytes()[skip..];
    for (i, row) in body.split(|&b| b == b'\n').enumerate() {
        let row = row.strip_suffix(b"\r").unwrap_or(row);
        let parsed = match header.split(row) {
            Some(Ok(fields)) => parse_row(as_written(fields), &mut Cache::default(), &lookups),
            _ => continue,
        };
        if let Ok((entry, mark)) = parsed {
            if let Some(d) = duplicates
                .iter()
                .position(|&(e, slot, judge)| (e, slot, judge) == (entry, mark.slot, mark.judge))
            {
                rows[d].push(i + 2);
            }
        }
    }
    rows
}

/// Why reading marks stopped.
enum Failure {
    Problems(Diagnostics),
    /// The file is not UTF-8: it is read again by `read_text`.
    NotUtf8,
}

impl From<Diagnostics> for Failure {
    fn from(problems: Diagnostics) -> Self {
        Failure::Problems(problems)
    }
}

impl From<Diagnostic> for Failure {
    fn from(problem: Diagnostic) -> Self {
        Failure::Problems(problem.into())
    }
}

/// Collects parsed blocks into the pool. Rows of one entry usually come
/// together (every export writes them so); then each entry's marks are
/// already one range. If an entry's rows are scattered, the pool is
/// gathered again by entry.
struct Assembly {
    marks: Vec<Mark>,
    ranges: Vec<(u32, u32)>,
    /// Entries seen, to notice one whose rows are not together.
    seen: Vec<bool>,
    last: Option<u32>,
    scattered: Vec<(u32, Mark)>,
}

impl Assembly {
    fn new(entry_count: usize) -> Assembly {
        Assembly {
            marks: Vec::new(),
            ranges: vec![(0, 0); entry_count],
            seen: vec![false; entry_count],
            last: None,
            scattered: Vec::new(),
        }
    }

    fn add(&mut self, block: BlockResult) {
        let mut position = 0usize;
        for (entry, len) in block.runs {
            let run = &block.marks[position..position + len as usize];
            position += len as usize;
            if !self.scattered.is_empty() {
                self.scattered.extend(run.iter().map(|m| (entry, *m)));
                continue;
            }
            if self.last == Some(entry) {
                self.ranges[entry as usize].1 += len;
            } else if self.seen[entry as usize] {
                // Scattered rows: from here on, keep entries with marks and sort at the end.
                self.scatter();
                self.scattered.extend(run.iter().map(|m| (entry, *m)));
                continue;
            } else {
                self.seen[entry as usize] = true;
                self.ranges[entry as usize] = (self.marks.len() as u32, len);
            }
            self.marks.extend_from_slice(run);
            self.last = Some(entry);
        }
    }

    fn scatter(&mut self) {
        for (entry, &(start, len)) in self.ranges.iter().enumerate() {
            self.scattered.extend(
                self.marks[start as usize..(start + len) as usize]
                    .iter()
                    .map(|m| (entry as u32, *m)),
            );
        }
        self.marks = Vec::new();
    }

    fn finish(self) -> Result<MarkSet, Vec<Duplicate>> {
        if self.scattered.is_empty() {
            MarkSet {
                marks: self.marks,
                ranges: self.ranges,
                unused: 0,
            }
            .sort_and_check()
        } else {
            MarkSet::from_entry_marks(self.scattered, self.ranges.len())
        }
    }
}

/// Streams `input`: a reader thread fills blocks of whole lines (reusing
/// buffers, at most a few in flight) while rayon parses them in batches;
/// results are joined in file order.
fn read_stream(input: impl Read + Send, path: &Path, rules: &Rules, entries: &Entries) -> Result<Result<MarkSet, Vec<Duplicate>>, Failure> {
    let batch = rayon::current_num_threads().max(1) * 2;
    let (filled_tx, filled_rx) = std::sync::mpsc::sync_channel(batch);
    let (free_tx, free_rx) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        scope.spawn(move || read_blocks(input, filled_tx, free_rx));
        // Owning the receiver here means it is dropped on any early return,
        // which stops the reader before the scope waits for it.
        parse_blocks(filled_rx, free_tx, batch, path, rules, entries)
    })
}

type Filled = std::io::Result<Vec<u8>>;

/// Fills blocks of about `BLOCK` bytes that end at a line end.
fn read_blocks(mut input: impl Read, filled: std::sync::mpsc::SyncSender<Filled>, free: std::sync::mpsc::Receiver<Vec<u8>>) {
    let mut pending: Vec<u8> = Vec::new();
    loop {
        let mut block = free.try_recv().unwrap_or_default();
        block.clear();
        block.append(&mut pending);
        let mut start = block.len();
        block.resize(start + BLOCK, 0);
        let eof = loop {
            match input.read(&mut block[start..]) {
                Ok(0) => break true,
                Ok(n) => start += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let _ = filled.send(Err(e));
                    return;
                }
            }
            if start == block.len() {
                break false;
            }
        };
        block.truncate(start);
        if !eof {
            match memchr::memrchr(b'\n', &block) {
                Some(end) => pending.extend_from_slice(&block[end + 1..]),
                // A line longer than a block: keep reading into it.
                None => {
                    pending = block;
                    continue;
                }
            }
            let end = block.len() - pending.len();
            block.truncate(end);
        }
        if (!block.is_empty() && filled.send(Ok(block)).is_err()) || eof {
            return;
        }
    }
}

fn parse_blocks(
    filled: std::sync::mpsc::Receiver<Filled>,
    free: std::sync::mpsc::Sender<Vec<u8>>,
    batch: usize,
    path: &Path,
    rules: &Rules,
    entries: &Entries,
) -> Result<Result<MarkSet, Vec<Duplicate>>, Failure> {
    let read_error = |e: std::io::Error| Failure::from(Diagnostic::new(path, "", msg!("files-cannot-read", why = e)));
    let mut header: Option<(Header, usize)> = None;
    let mut line = 2usize;
    let mut assembly = Assembly::new(entries.list.len());
    let mut problems = Vec::new();
    let mut error_count = 0usize;
    // Who may mark which entry, worked out once for every block.
    let panels = Panels::new(rules, entries);
    while let Ok(first) = filled.recv() {
        let mut blocks = vec![first.map_err(read_error)?];
        while blocks.len() < batch {
            match filled.try_recv() {
                Ok(block) => blocks.push(block.map_err(read_error)?),
                Err(_) => break,
            }
        }
        let mut skip = 0;
        if header.is_none() {
            let parsed = Header::parse(path, &blocks[0])?;
            skip = parsed.1;
            header = Some(parsed);
        }
        let Some((header, _)) = &header else { unreachable!("set above") };
        let parsed: Vec<BlockResult> = blocks
            .par_iter()
            .enumerate()
            .map(|(i, block)| parse_block(&block[if i == 0 { skip } else { 0 }..], header, rules, entries, &panels))
            .collect();
        for block in blocks {
            let _ = free.send(block);
        }
        for mut result in parsed {
            if result.not_utf8 {
                return Err(Failure::NotUtf8);
            }
            for (relative_line, problem) in std::mem::take(&mut result.problems) {
                error_count += 1;
                if problems.len() < MAX_REPORTED {
                    problems.push(problem.into_diagnostic(path, line + relative_line, header, entries, rules));
                }
            }
            error_count += result.unreported;
            line += result.lines;
            if error_count == 0 {
                assembly.add(result);
            }
        }
    }
    if header.is_none() {
        return Err(Diagnostic::new(path, "", msg!("files-marks-empty"))
            .help(msg!("files-marks-header"))
            .into());
    }
    if error_count > 0 {
        if error_count > problems.len() {
            problems.push(Diagnostic::new(
                path,
                "",
                msg!("files-more-bad-rows", count = error_count - problems.len()),
            ));
        }
        return Err(Failure::Problems(Diagnostics(problems)));
    }
    Ok(assembly.finish())
}

/// Where each column is; other columns (a time, a note) are ignored.
struct Header {
    /// For each column of the file, which of `COLUMNS` it is, if any.
    wanted: Vec<Option<usize>>,
    width: usize,
    /// Each column's header as the file writes it (trimmed), for messages.
    written: Vec<String>,
}

impl Header {
    /// The file column (0-based) holding `COLUMNS[wanted]`.
    fn position(&self, wanted: usize) -> Option<usize> {
        self.wanted.iter().position(|&c| c == Some(wanted))
    }

    /// Splits a row without quotes at its commas in one pass: the five
    /// columns, trimmed, in `COLUMNS` order; `None` if the row has a quote.
    fn split<'a>(&self, row: &'a [u8]) -> Option<Result<[&'a [u8]; 5], RowProblem>> {
        let mut picked: [&[u8]; 5] = [b""; 5];
        let mut count = 0;
        let mut start = 0;
        for (i, &byte) in row.iter().enumerate() {
            if byte == b',' {
                if let Some(&Some(c)) = self.wanted.get(count) {
                    picked[c] = row[start..i].trim_ascii();
                }
                count += 1;
                start = i + 1;
            } else if byte == b'"' {
                return None;
            }
        }
        if let Some(&Some(c)) = self.wanted.get(count) {
            picked[c] = row[start..].trim_ascii();
        }
        count += 1;
        Some(if count == self.width {
            Ok(picked)
        } else {
            Err(RowProblem::Fields(count, self.width, separator_help(&String::from_utf8_lossy(row))))
        })
    }

    /// The five columns of a row, trimmed, in `COLUMNS` order.
    fn pick<'a>(&self, fields: impl Iterator<Item = &'a [u8]>, row: &[u8]) -> Result<[&'a [u8]; 5], RowProblem> {
        let mut picked: [&[u8]; 5] = [b""; 5];
        let mut count = 0;
        for field in fields {
            if let Some(&Some(c)) = self.wanted.get(count) {
                picked[c] = field.trim_ascii();
            }
            count += 1;
        }
        if count != self.width {
            return Err(RowProblem::Fields(count, self.width, separator_help(&String::from_utf8_lossy(row))));
        }
        Ok(picked)
    }

    /// Parses the header row (English or Chinese names, see `headers`);
    /// returns it and the bytes it took.
    fn parse(path: &Path, block: &[u8]) -> Result<(Header, usize), Failure> {
        let bom = if block.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
        let block = &block[bom..];
        let end = block.iter().position(|&b| b == b'\n').unwrap_or(block.len());
        let text = std::str::from_utf8(&block[..end]).map_err(|_| Failure::NotUtf8)?;
        let text = text.trim_end_matches('\r');
        let written: Vec<String> = text.split(',').map(|h| headers::trimmed(h).to_string()).collect();
        let names = headers::read_header(written.iter().map(String::as_str), &COLUMNS);
        let mut columns = [0; 5];
        for (c, column) in COLUMNS.iter().enumerate() {
            match names.iter().position(|n| n == column) {
                Some(i) => columns[c] = i,
                None => {
                    let help = match separator_help(text) {
                        Text::Said {
                            id: "files-check-commas", ..
                        } => msg!("files-marks-header"),
                        named => named,
                    };
                    return Err(Diagnostic::new(path, *column, msg!("files-no-column", column = column))
                        .at_line(1)
                        .help(help)
                        .into());
                }
            }
        }
        let consumed = (end + 1).min(block.len()) + bom;
        let wanted = (0..names.len()).map(|i| columns.iter().position(|&c| c == i)).collect();
        Ok((
            Header {
                wanted,
                width: names.len(),
                written,
            },
            consumed,
        ))
    }
}

struct BlockResult {
    marks: Vec<Mark>,
    /// (entry, number of marks) of each run of rows of one entry, in order.
    runs: Vec<(u32, u32)>,
    /// (line within the block, problem).
    problems: Vec<(usize, RowProblem)>,
    unreported: usize,
    lines: usize,
    /// The block is not UTF-8 (and a row of it was refused): the file is
    /// read again, decoded.
    not_utf8: bool,
}

/// A bad row, turned into a diagnostic only if it is reported.
enum RowProblem {
    /// (fields found, fields wanted, the row's separator gone wrong).
    Fields(usize, usize, Text),
    UnknownEntry(String),
    UnknownCriterion(String),
    Element(String, usize, Text),
    Judge(String, usize, Text),
    Value(String, usize, Text),
    Quoted,
}

impl RowProblem {
    /// (field, message, help) in words.
    fn describe(self, entries: &Entries, rules: &Rules) -> (&'static str, Text, Option<Text>) {
        let key = |criterion: usize| rules.criteria[criterion].key.clone();
        // A character the eye does not see as wrong, named first.
        let odd = |cell: &str| odd_character(cell);
        match self {
            RowProblem::Fields(found, wanted, help) => ("row", msg!("files-field-count", found = found, wanted = wanted), Some(help)),
            RowProblem::UnknownEntry(id) => {
                let help = odd(&id).unwrap_or_else(|| {
                    if entries.list.len() <= 5000 {
                        suggestion(&id, entries.list.iter().map(|e| &*e.id))
                    } else {
                        msg!("files-check-entries")
                    }
                });
                ("entry", msg!("files-unknown-entry", entry = id), Some(help))
            }
            RowProblem::UnknownCriterion(name) => {
                let help = odd(&name).unwrap_or_else(|| {
                    let names = rules.criteria.iter().map(|c| c.key.as_str());
                    msg!("files-criterion-help", suggestion = suggestion(&name, names))
                });
                ("criterion", msg!("files-unknown-criterion", criterion = name), Some(help))
            }
            RowProblem::Element(text, c, why) => (
                "element",
                msg!("files-cell-for", cell = &text, criterion = key(c), why = why),
                odd(&text),
            ),
            RowProblem::Judge(text, c, why) => (
                "judge",
                msg!("files-cell-for", cell = &text, criterion = key(c), why = why),
                odd(&text),
            ),
            RowProblem::Value(text, c, why) => (
                "value",
                msg!("files-cell-for", cell = &text, criterion = key(c), why = why),
                odd_in_number(&text),
            ),
            RowProblem::Quoted => ("row", msg!("files-quote-open"), None),
        }
    }

    fn into_diagnostic(self, path: &Path, line: usize, header: &Header, entries: &Entries, rules: &Rules) -> Diagnostic {
        let (field, message, help) = self.describe(entries, rules);
        // Name the spreadsheet column too: people fix marks files in Excel.
        let field = match COLUMNS.iter().position(|c| *c == field).and_then(|c| header.position(c)) {
            Some(column) => column_label(column, header.written.get(column).map(String::as_str)),
            None if field == "row" => row_field(),
            None => field.to_string(),
        };
        let diagnostic = Diagnostic::new(path, field, message).at_line(line);
        match help {
            Some(help) => diagnostic.help(help),
            None => diagnostic,
        }
    }
}

/// Per-criterion limits in units of its scale.
fn limits(rules: &Rules, criterion: usize) -> (i64, i64, i64) {
    let range = &rules.criteria[criterion].range;
    let units = |d: Decimal| {
        let mut d = d;
        d.rescale(range.scale);
        i64::try_from(d.mantissa()).unwrap_or(i64::MAX)
    };
    (units(range.min), units(range.max), range.step.map_or(1, units).max(1))
}

fn parse_block(block: &[u8], header: &Header, rules: &Rules, entries: &Entries, panels: &Panels) -> BlockResult {
    let mut result = BlockResult {
        marks: Vec::with_capacity(block.len() / 24),
        runs: Vec::new(),
        problems: Vec::new(),
        unreported: 0,
        lines: 0,
        not_utf8: false,
    };
    let lookups = Lookups::with(rules, entries, PanelsOf::Kept(panels));
    let mut cache = Cache::default();
    // Whether the block is UTF-8, worked out at its first refused row.
    let mut block_is_utf8: Option<bool> = None;
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', block).chain((block.last() != Some(&b'\n')).then_some(block.len()));
    for (relative, end) in ends.enumerate() {
        let raw = &block[start..end];
        start = end + 1;
        result.lines = relative + 1;
        let row = raw.strip_suffix(b"\r").unwrap_or(raw);
        if row.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let parsed = match header.split(row) {
            Some(columns) => columns.and_then(|row| parse_row(as_written(row), &mut cache, &lookups)),
            None => {
                // Rare: a quoted field. Its pieces are owned, so a fresh cache.
                let Some(owned) = unquote(row) else {
                    push_problem(&mut result, relative, RowProblem::Quoted);
                    continue;
                };
                let pieces: Vec<&[u8]> = owned.iter().map(Vec::as_slice).collect();
                header
                    .pick(pieces.iter().copied(), row)
                    .and_then(|row| parse_row(as_written(row), &mut Cache::default(), &lookups))
            }
        };
        // Rare: a refused row. It may be blank (`,,,`), the file may not be
        // UTF-8 after all, or a cell may hold full-width digits or spaces.
        let parsed = match parsed {
            Ok(parsed) => Ok(parsed),
            Err(_) if is_blank(row) => continue,
            Err(_) if !*block_is_utf8.get_or_insert_with(|| std::str::from_utf8(block).is_ok()) => {
                result.not_utf8 = true;
                return result;
            }
            Err(problem) => cleaned(row, header, &lookups).unwrap_or(Err(problem)),
        };
        match parsed {
            Ok((entry, mark)) => {
                match result.runs.last_mut() {
                    Some((last, count)) if *last == entry => *count += 1,
                    _ => result.runs.push((entry, 1)),
                }
                result.marks.push(mark);
            }
            Err(problem) => push_problem(&mut result, relative, problem),
        }
    }
    result
}

/// Whether a row holds only commas and spaces (full-width too).
fn is_blank(row: &[u8]) -> bool {
    std::str::from_utf8(row).is_ok_and(|row| row.chars().all(|c| c == ',' || c.is_whitespace()))
}

/// A row read again with full-width spaces trimmed from its cells and the
/// value's full-width digits read as digits (`cells::ascii_number`);
/// `None` if that changes nothing.
fn cleaned(row: &[u8], header: &Header, lookups: &Lookups) -> Option<Result<(u32, Mark), RowProblem>> {
    if row.is_ascii() {
        return None;
    }
    let value = header.position(4);
    let fields: Vec<String> = unquote(row)?
        .iter()
        .enumerate()
        .map(|(i, field)| {
            // Only the value is read as a number; ids only lose edge spaces.
            std::str::from_utf8(field).map(|f| match Some(i) == value {
                true => ascii_number(f).into_owned(),
                false => headers::trimmed(f).to_string(),
            })
        })
        .collect::<Result<_, _>>()
        .ok()?;
    let pieces = fields.iter().map(String::as_bytes);
    Some(
        header
            .pick(pieces, row)
            .and_then(|fields| parse_row(as_written(fields), &mut Cache::default(), lookups)),
    )
}

/// A row's ids as written before `podium export` kept them from reading
/// as spreadsheet formulas (`text::from_spreadsheet`); the value is a number.
pub fn as_written([entry, criterion, element, judge, value]: [&[u8]; 5]) -> [&[u8]; 5] {
    use crate::text::from_spreadsheet;
    [
        from_spreadsheet(entry),
        from_spreadsheet(criterion),
        element,
        from_spreadsheet(judge),
        value,
    ]
}

fn push_problem(result: &mut BlockResult, line: usize, problem: RowProblem) {
    if result.problems.len() < MAX_REPORTED {
        result.problems.push((line, problem));
    } else {
        result.unreported += 1;
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// What rows are checked against, built once per block.
struct Lookups<'r> {
    rules: &'r Rules,
    entries: &'r Entries,
    criteria: FxHashMap<&'r [u8], usize>,
    judges: FxHashMap<&'r [u8], u16>,
    /// (min, max, step) of each criterion in units of its scale.
    limits: Vec<(i64, i64, i64)>,
    /// Who may mark which entry, and each entry's panels.
    panels: PanelsOf<'r>,
}

/// Panels worked out for these lookups, or borrowed from whoever keeps them.
enum PanelsOf<'r> {
    Made(Panels),
    Kept(&'r Panels),
}

impl std::ops::Deref for PanelsOf<'_> {
    type Target = Panels;

    fn deref(&self) -> &Panels {
        match self {
            PanelsOf::Made(panels) => panels,
            PanelsOf::Kept(panels) => panels,
        }
    }
}

impl<'r> Lookups<'r> {
    fn new(rules: &'r Rules, entries: &'r Entries) -> Lookups<'r> {
        Lookups::with(rules, entries, PanelsOf::Made(Panels::new(rules, entries)))
    }

    fn with(rules: &'r Rules, entries: &'r Entries, panels: PanelsOf<'r>) -> Lookups<'r> {
        Lookups {
            rules,
            entries,
            criteria: rules.criteria.iter().enumerate().map(|(i, c)| (c.key.as_bytes(), i)).collect(),
            judges: rules.judge_index.iter().map(|(k, &v)| (k.as_bytes(), v)).collect(),
            limits: (0..rules.criteria.len()).map(|c| limits(rules, c)).collect(),
            panels,
        }
    }
}

/// Checks single marks against the contest exactly as the marks reader
/// does, for commands that take marks one at a time.
pub struct RowChecker<'r> {
    lookups: Lookups<'r>,
}

/// Why a mark was refused: the field (`entry`, `criterion`, `element`,
/// `judge`, `value`), what is wrong, and what would be valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub field: String,
    pub message: Text,
    pub help: Option<Text>,
}

impl<'r> RowChecker<'r> {
    pub fn new(rules: &'r Rules, entries: &'r Entries) -> RowChecker<'r> {
        RowChecker {
            lookups: Lookups::new(rules, entries),
        }
    }

    /// As `new`, with the contest's panels already worked out (the server
    /// checks every mark against the same ones).
    pub fn with_panels(rules: &'r Rules, entries: &'r Entries, panels: &'r Panels) -> RowChecker<'r> {
        RowChecker {
            lookups: Lookups::with(rules, entries, PanelsOf::Kept(panels)),
        }
    }

    /// Whether the judge may mark the entry at all (assignment, division,
    /// conflict of interest); which criteria is the criterion's panel.
    pub fn permits(&self, judge: u16, entry: u32) -> bool {
        self.lookups.panels.permits(judge, entry)
    }

    /// Who marks and who stands aside.
    pub fn panels(&self) -> &Panels {
        &self.lookups.panels
    }

    /// Checks `[entry, criterion, element, judge, value]` (element and judge may be empty).
    pub fn check(&self, fields: [&str; 5]) -> Result<(u32, Mark), Refusal> {
        self.check_with(fields, &mut RowCache::default())
    }

    /// [`RowChecker::check`], remembering the last entry and criterion in
    /// `cache`: rows that follow one another (one entry's marks) look each
    /// up once.
    pub fn check_with<'a>(&self, fields: [&'a str; 5], cache: &mut RowCache<'a>) -> Result<(u32, Mark), Refusal> {
        let fields = fields.map(|f| f.trim().as_bytes());
        parse_row(fields, &mut cache.0, &self.lookups).map_err(|problem| {
            let d = problem.describe(self.lookups.entries, self.lookups.rules);
            Refusal {
                field: d.0.to_string(),
                message: d.1,
                help: d.2,
            }
        })
    }
}

/// What [`RowChecker::check_with`] remembers between rows.
#[derive(Default)]
pub struct RowCache<'a>(Cache<'a>);

/// The last entry and criterion looked up: rows of one entry come
/// together and a criterion's judges follow each other, so most rows
/// need no hashing.
#[derive(Default)]
struct Cache<'a> {
    entry: Option<(&'a [u8], u32)>,
    criterion: Option<(&'a [u8], usize)>,
}

fn parse_row<'a>(
    [entry, criterion, element, judge, value]: [&'a [u8]; 5],
    cache: &mut Cache<'a>,
    lookups: &Lookups,
) -> Result<(u32, Mark), RowProblem> {
    let (rules, entries) = (lookups.rules, lookups.entries);
    let entry_index = match cache.entry {
        Some((bytes, index)) if bytes == entry => index,
        _ => {
            let found = std::str::from_utf8(entry).ok().and_then(|id| entries.find(id));
            let index = found.ok_or_else(|| RowProblem::UnknownEntry(text(entry)))?;
            cache.entry = Some((entry, index));
            index
        }
    };
    let c = match cache.criterion {
        Some((bytes, index)) if bytes == criterion => index,
        _ => {
            let index = *lookups
                .criteria
                .get(criterion)
                .ok_or_else(|| RowProblem::UnknownCriterion(text(criterion)))?;
            cache.criterion = Some((criterion, index));
            index
        }
    };
    let rule = &rules.criteria[c];
    let element_number = match (&rule.kind, element.is_empty()) {
        (KindRule::Formula(_), _) => return Err(RowProblem::Value(text(value), c, msg!("files-formula-no-marks"))),
        (KindRule::Elements { .. }, true) => {
            return Err(RowProblem::Element(
                String::new(),
                c,
                msg!("files-element-needed", count = rule.slot_count),
            ))
        }
        (KindRule::Elements { .. }, false) => match std::str::from_utf8(element).ok().and_then(|s| s.parse::<u8>().ok()) {
            Some(n) if n >= 1 && n <= rule.slot_count => n - 1,
            _ => {
                return Err(RowProblem::Element(
                    text(element),
                    c,
                    msg!("files-element-range", count = rule.slot_count),
                ))
            }
        },
        (_, true) => 0,
        (_, false) => return Err(RowProblem::Element(text(element), c, msg!("files-element-none"))),
    };
    let judge_index = if judge.is_empty() {
        if !rule.judges.is_empty() {
            return Err(RowProblem::Judge(String::new(), c, msg!("files-judge-needed")));
        }
        NO_JUDGE
    } else {
        let j = *lookups.judges.get(judge).ok_or_else(|| {
            let names = rules.contest.judges.iter().map(|j| j.id.as_str());
            RowProblem::Judge(
                text(judge),
                c,
                msg!("files-unknown-judge", suggestion = suggestion(&text(judge), names)),
            )
        })?;
        let is_reserve = rules.contest.judges[j as usize].reserve;
        if !rule.judges.is_empty() && !rule.judges.contains(&j) && !is_reserve {
            let panel: Vec<&str> = rule.judges.iter().map(|&j| rules.judge_id(j)).collect();
            return Err(RowProblem::Judge(
                text(judge),
                c,
                msg!(
                    "files-judge-not-on-panel",
                    panel = panel.join(&crate::say!(crate::i18n::spoken(), "list-separator"))
                ),
            ));
        }
        if !lookups.panels.permits(j, entry_index) {
            let why = lookups
                .panels
                .refuses(rules, entries, j, entry_index)
                .unwrap_or_else(|| Text::from(""));
            return Err(RowProblem::Judge(text(judge), c, why));
        }
        if !rule.judges.is_empty() && !lookups.panels.sits(rules, c, j, entry_index) {
            let seated = lookups.panels.seated(rules, c, entry_index);
            let seated: Vec<&str> = seated.iter().map(|&j| rules.judge_id(j)).collect();
            return Err(RowProblem::Judge(
                text(judge),
                c,
                msg!(
                    "files-reserve-not-seated",
                    entry = entries.list[entry_index as usize].id,
                    panel = seated.join(&crate::say!(crate::i18n::spoken(), "list-separator"))
                ),
            ));
        }
        j
    };
    let (min, max, step) = lookups.limits[c];
    let range = &rule.range;
    let units = parse_units(value, range.scale).map_err(|why| RowProblem::Value(text(value), c, why))?;
    if units < min || units > max {
        return Err(RowProblem::Value(
            text(value),
            c,
            msg!("files-out-of-range", min = range.min.normalize(), max = range.max.normalize()),
        ));
    }
    if (units - min) % step != 0 {
        let step = range.step.unwrap_or_default().normalize();
        return Err(RowProblem::Value(
            text(value),
            c,
            msg!("files-off-step", step = step, min = range.min.normalize()),
        ));
    }
    // Within the range, so within i32: `Rules` checks every range fits.
    let mark = Mark {
        units: units as i32,
        slot: rule.first_slot + element_number as u16,
        judge: judge_index,
    };
    Ok((entry_index, mark))
}

/// Parses a decimal as an integer count of 10^-scale, exactly.
pub fn parse_units(bytes: &[u8], scale: u32) -> Result<i64, Text> {
    // No mark is longer; a longer one (ten thousand zeros) would only be
    // stored to cost every later reader of the cell.
    if bytes.len() > crate::contest::LONGEST_NUMBER {
        return Err(msg!("files-number-too-long", count = crate::contest::LONGEST_NUMBER));
    }
    let fail = || msg!("files-not-a-number", scale = scale);
    let (negative, digits) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        Some(b'+') => (false, &bytes[1..]),
        _ => (false, bytes),
    };
    let (whole, fraction) = match digits.iter().position(|&b| b == b'.') {
        Some(dot) => (&digits[..dot], &digits[dot + 1..]),
        None => (digits, &b""[..]),
    };
    if (whole.is_empty() && fraction.is_empty()) || !whole.iter().chain(fraction).all(u8::is_ascii_digit) {
        return Err(fail());
    }
    let extra = fraction.len().saturating_sub(scale as usize);
    if fraction[fraction.len() - extra..].iter().any(|&b| b != b'0') {
        return Err(msg!("files-too-many-decimals", scale = scale));
    }
    let mut units: i64 = 0;
    let kept = &fraction[..fraction.len() - extra];
    for &digit in whole.iter().chain(kept) {
        units = units
            .checked_mul(10)
            .and_then(|u| u.checked_add((digit - b'0') as i64))
            .ok_or_else(|| msg!("files-too-large"))?;
    }
    for _ in kept.len()..scale as usize {
        units = units.checked_mul(10).ok_or_else(|| msg!("files-too-large"))?;
    }
    Ok(if negative { -units } else { units })
}

/// Splits a row with quoted fields; `None` if a quote is left open.
fn unquote(row: &[u8]) -> Option<Vec<Vec<u8>>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(row);
    let mut record = csv::ByteRecord::new();
    match reader.read_byte_record(&mut record) {
        Ok(true) if reader.position().byte() as usize >= row.len() => Some(record.iter().map(<[u8]>::to_vec).collect()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{parse_units, Mark, MarkSet};

    #[test]
    fn marks_arriving_one_by_one_stay_sorted_and_the_pool_stays_small() {
        let mut set = MarkSet::from_entry_marks(vec![], 10).unwrap();
        for judge in 0..50u16 {
            for entry in 0..10usize {
                for slot in [3u16, 1, 2] {
                    let units = (entry as i32) * 1000 + slot as i32 * 100 + judge as i32;
                    set.set(entry, Mark { units, slot, judge });
                }
            }
            // A correction changes the value in place.
            set.set(4, Mark { units: -1, slot: 2, judge });
        }
        for entry in 0..10 {
            let marks = set.of_entry(entry);
            assert_eq!(marks.len(), 150);
            assert!(
                marks.windows(2).all(|w| w[0].key() < w[1].key()),
                "entry {entry} sorted by slot and judge"
            );
            assert!(marks.iter().all(|m| m.units
                == if entry == 4 && m.slot == 2 {
                    -1
                } else {
                    entry as i32 * 1000 + m.slot as i32 * 100 + m.judge as i32
                }));
        }
        assert!(set.marks.len() <= 3 * 1500, "packed as it grew: {} for 1500 marks", set.marks.len());
    }

    #[test]
    fn values_parse_exactly_at_the_scale() {
        assert_eq!(parse_units(b"8.5", 1), Ok(85));
        assert_eq!(parse_units(b"8.50", 1), Ok(85));
        assert_eq!(parse_units(b"-0.25", 2), Ok(-25));
        assert_eq!(parse_units(b"7", 2), Ok(700));
        assert_eq!(parse_units(b".5", 1), Ok(5));
        let said = |bytes: &[u8], scale| parse_units(bytes, scale).unwrap_err().in_lang(crate::contest::Lang::En);
        assert!(said(b"8.55", 1).contains("decimal places"));
        assert!(parse_units(b"8,5", 1).is_err());
        assert!(parse_units(b"", 1).is_err());
        assert!(parse_units(b"1e3", 1).is_err());
        assert!(said(b"99999999999999999999", 0).contains("too large"));
    }
}
