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
use std::sync::Arc;

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
    /// The pool, which a stage's marks share with the contest's.
    pub marks: Arc<Vec<Mark>>,
    /// (start, length) in `marks` of each entry's marks.
    pub ranges: Vec<(u32, u32)>,
    /// Marks in `marks` that no range covers any more (left by `set`).
    unused: usize,
    /// The set's slot s is slot s + `slot_base` of the pool's marks: a
    /// later stage reads the contest's pool in place, where its slots come
    /// after the earlier stages'. Read marks by slot through [`EntryMarks`].
    slot_base: u16,
    /// The entry `ranges[0]` is of: a part of a contest's marks, handed on
    /// as it is read ([`load_in_parts`]), holds a run of its entries.
    first_entry: u32,
}

/// One entry's marks (sorted by slot and judge), read in the set's slot
/// numbering.
#[derive(Debug, Clone, Copy)]
pub struct EntryMarks<'a> {
    /// The marks as the pool holds them: read `slot` with [`Self::slot_of`].
    pub marks: &'a [Mark],
    slot_base: u16,
}

impl<'a> EntryMarks<'a> {
    /// The marks of one slot (the set's number), in judge order: one run,
    /// found by two binary searches, or at once where the marks are all
    /// that slot's (a cell of one slot, as scoring hands it).
    pub fn in_slot(&self, slot: u16) -> &'a [Mark] {
        let slot = slot + self.slot_base;
        if self.marks.first().is_some_and(|m| m.slot == slot) && self.marks.last().is_some_and(|m| m.slot == slot) {
            return self.marks;
        }
        let start = self.marks.partition_point(|m| m.slot < slot);
        &self.marks[start..start + self.marks[start..].partition_point(|m| m.slot == slot)]
    }

    /// A mark's slot in the set's numbering.
    pub fn slot_of(&self, mark: &Mark) -> u16 {
        mark.slot - self.slot_base
    }

    /// The marks read slot after slot, ascending: see [`SlotWalk`].
    pub fn walk(self) -> SlotWalk<'a> {
        SlotWalk {
            rest: self.marks,
            next: self.slot_base,
            marks: self,
        }
    }
}

/// An entry's marks read slot by slot in ascending order, each slot's run
/// found by stepping on from the last: the marks are read once, in memory
/// order, where a binary search for each slot strays over cold memory.
pub struct SlotWalk<'a> {
    marks: EntryMarks<'a>,
    /// The marks after the last run given.
    rest: &'a [Mark],
    /// The lowest pool slot `rest` answers for.
    next: u16,
}

impl<'a> SlotWalk<'a> {
    /// The marks of one slot (the set's number), as [`EntryMarks::in_slot`]:
    /// a slot before the last asked is searched for instead.
    pub fn in_slot(&mut self, slot: u16) -> &'a [Mark] {
        self.in_slots(slot, 1).marks
    }

    /// The marks of `count` slots from `first` (the set's numbers): a
    /// criterion's elements, read as the entry's marks are.
    pub fn in_slots(&mut self, first: u16, count: u16) -> EntryMarks<'a> {
        let base = self.marks.slot_base;
        let (first, past) = (first + base, first + base + count);
        let marks = if first < self.next {
            let start = self.marks.marks.partition_point(|m| m.slot < first);
            let run = self.marks.marks[start..].partition_point(|m| m.slot < past);
            &self.marks.marks[start..start + run]
        } else {
            let before = self.rest.iter().take_while(|m| m.slot < first).count();
            let run = self.rest[before..].iter().take_while(|m| m.slot < past).count();
            let (found, rest) = self.rest[before..].split_at(run);
            (self.rest, self.next) = (rest, past);
            found
        };
        EntryMarks { marks, slot_base: base }
    }
}

/// A cell marked twice by one judge: (entry, slot, judge).
pub type Duplicate = (u32, u16, u16);

impl MarkSet {
    /// An entry's marks as the pool holds them (slots numbered as the
    /// pool's: a stage's set reads them with [`Self::entry`]).
    pub fn of_entry(&self, entry: usize) -> &[Mark] {
        let (start, len) = self.ranges[entry - self.first_entry as usize];
        &self.marks[start as usize..(start + len) as usize]
    }

    /// The entries the set holds marks of: every entry of the contest, or
    /// a part's run of them.
    pub fn entries(&self) -> std::ops::Range<u32> {
        self.first_entry..self.first_entry + self.ranges.len() as u32
    }

    /// The pool's vector, emptied (its room kept), if no other set shares
    /// it: for a part done with to give back ([`TakePart`]).
    pub fn into_emptied_pool(self) -> Option<Vec<Mark>> {
        let mut marks = Arc::try_unwrap(self.marks).ok()?;
        marks.clear();
        Some(marks)
    }

    /// An entry's marks, read in the set's slot numbering.
    pub fn entry(&self, entry: usize) -> EntryMarks<'_> {
        EntryMarks {
            marks: self.of_entry(entry),
            slot_base: self.slot_base,
        }
    }

    /// Sets one cell's mark (entered or corrected) for `entry`. A new cell
    /// moves the entry's marks to the end of the pool, still sorted; the old
    /// place is left unused until unused places are half the pool, when the
    /// pool is packed again (so each mark is moved a bounded number of times
    /// however many arrive one by one).
    pub fn set(&mut self, entry: usize, mark: Mark) {
        let mark = Mark {
            slot: mark.slot + self.slot_base,
            ..mark
        };
        let (start, len) = self.ranges[entry];
        let pool = Arc::make_mut(&mut self.marks);
        let slice = &mut pool[start as usize..(start + len) as usize];
        if let Some(same) = slice.iter_mut().find(|m| m.key() == mark.key()) {
            same.units = mark.units;
            return;
        }
        let mut moved = slice.to_vec();
        moved.push(mark);
        moved.sort_unstable_by_key(Mark::key);
        self.ranges[entry] = (pool.len() as u32, len + 1);
        pool.extend(moved);
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
        self.marks = Arc::new(packed);
        self.unused = 0;
    }

    /// Room for `additional` marks to arrive without the pool being copied
    /// (room never written costs no memory).
    pub fn reserve(&mut self, additional: usize) {
        Arc::make_mut(&mut self.marks).reserve(additional);
    }

    /// The marks of other entries made of runs of this pool (a stage's
    /// entries, of its slots): `runs[e]` is (start, length) here, and the
    /// new set's slot s is this pool's s + `slot_base`. Nothing is copied;
    /// the runs are sorted and have no cell twice, as this pool.
    pub fn runs(&self, runs: Vec<(u32, u32)>, slot_base: u16) -> MarkSet {
        let covered: usize = runs.iter().map(|&(_, len)| len as usize).sum();
        MarkSet {
            unused: self.marks.len() - covered,
            marks: Arc::clone(&self.marks),
            ranges: runs,
            slot_base: self.slot_base + slot_base,
            first_entry: 0,
        }
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
            marks: Arc::new(marks.into_iter().map(|(_, mark)| mark).collect()),
            ranges,
            unused: 0,
            slot_base: 0,
            first_entry: 0,
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
        MarkSet {
            marks: Arc::new(marks),
            ranges,
            unused: 0,
            slot_base: 0,
            first_entry: 0,
        }
        .sort_and_check()
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
        MarkSet {
            marks: Arc::new(marks),
            ranges,
            unused: 0,
            slot_base: 0,
            first_entry: 0,
        }
        .sort_and_check()
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
        let mut rest: &mut [Mark] = Arc::make_mut(&mut self.marks).as_mut_slice();
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
        let entries = self.first_entry as usize..self.first_entry as usize + self.ranges.len();
        let twice = |e: usize| self.of_entry(e).windows(2).any(|w| w[0].key() == w[1].key());
        // The usual answer, none, found in parallel; any are then listed in order.
        if !entries.clone().into_par_iter().any(twice) {
            return Ok(self);
        }
        let duplicates: Vec<Duplicate> = entries
            .flat_map(|e| {
                let mut twice: Vec<Duplicate> = self
                    .of_entry(e)
                    .windows(2)
                    .filter(|w| w[0].key() == w[1].key())
                    .map(move |w| (e as u32, w[0].slot, w[0].judge))
                    .collect();
                // A cell marked three times is one cell, said once with all its rows.
                twice.dedup();
                twice
            })
            .take(MAX_REPORTED)
            .collect();
        if duplicates.is_empty() {
            Ok(self)
        } else {
            Err(duplicates)
        }
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
        let read = |cuts: Cuts| -> Result<Result<MarkSet, Vec<Duplicate>>, Failure> {
            let file = std::fs::File::open(path).map_err(|e| Diagnostic::new(path, "", msg!("files-cannot-read", why = e)))?;
            let mut assembly = Assembly::new(entries.list.len());
            read_stream(file, path, (rules, entries), cuts, &mut assembly)?;
            Ok(assembly.finish())
        };
        match read(Cuts::AtLineEnds) {
            Err(Failure::QuoteAcrossBlocks) => read(Cuts::AtRowEnds),
            other => other,
        }
        .or_else(|failure| match failure {
            Failure::NotUtf8 | Failure::CarriageReturns => read_decoded(path, rules, entries),
            failure => Err(failure),
        })
    };
    let duplicates = match read {
        Ok(Ok(set)) => return Ok(set),
        Ok(Err(duplicates)) => duplicates,
        Err(Failure::Problems(problems)) => return Err(problems),
        Err(Failure::NotUtf8 | Failure::CarriageReturns | Failure::QuoteAcrossBlocks | Failure::Unwanted) => {
            return Err(read_text(path).err().map(Diagnostics::from).unwrap_or_default())
        }
    };
    // Rare: find the rows of each cell marked twice, to name them.
    let rows = read_text(path).map(|text| duplicate_rows(&line_feeds(text), &duplicates, rules, entries));
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
        let message = match (slot.element, rows.len()) {
            (0, 0..=2) => msg!(
                "files-marks-twice",
                entry = id,
                criterion = criterion,
                judge = judge,
                rows = list(&rows)
            ),
            (0, count) => msg!(
                "files-marks-more",
                entry = id,
                criterion = criterion,
                judge = judge,
                count = count,
                rows = list(&rows)
            ),
            (element, 0..=2) => msg!(
                "files-marks-twice-element",
                entry = id,
                criterion = criterion,
                element = element,
                judge = judge,
                rows = list(&rows)
            ),
            (element, count) => msg!(
                "files-marks-more-element",
                entry = id,
                criterion = criterion,
                element = element,
                judge = judge,
                count = count,
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
    let text = super::read_csv_text(path)?;
    let mut assembly = Assembly::new(entries.list.len());
    read_stream(line_feeds(text).as_bytes(), path, (rules, entries), Cuts::AtRowEnds, &mut assembly)?;
    Ok(assembly.finish())
}

/// The text with each `\r` alone (a line end as old Mac Excel wrote
/// them) made `\n`, the line end the block reader splits at.
fn line_feeds(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let bytes = text.as_bytes();
    let fed: Vec<u8> = (0..bytes.len())
        .map(|i| match bytes[i] {
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => b'\n',
            byte => byte,
        })
        .collect();
    String::from_utf8(fed).expect("one ASCII byte changed for another")
}

/// The rows (as Excel numbers them) of each cell marked twice.
fn duplicate_rows(text: &str, duplicates: &[Duplicate], rules: &Rules, entries: &Entries) -> Vec<Vec<usize>> {
    let mut rows = vec![Vec::new(); duplicates.len()];
    let Ok((header, skip)) = Header::parse(Path::new(""), text.as_bytes()) else {
        return rows;
    };
    let lookups = Lookups::new(rules, entries);
    let mut body = Rows::new(&text.as_bytes()[skip..]);
    let mut number = 1;
    while let Some(row) = body.next_row() {
        number += 1;
        let parsed = match body.line.quoted {
            false => header
                .fields(row, &body.line)
                .and_then(|fields| parse_row(as_written(fields), &mut Cache::default(), &lookups)),
            true => parse_quoted(row, &header, &lookups),
        };
        if let Ok((entry, mark)) = parsed {
            if let Some(d) = duplicates
                .iter()
                .position(|&(e, slot, judge)| (e, slot, judge) == (entry, mark.slot, mark.judge))
            {
                rows[d].push(number);
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
    /// Its rows end in a `\r` alone: it is read again whole.
    CarriageReturns,
    /// A block cut at a line end ends in a quoted cell (which holds line
    /// breaks): the file is read again, cut at row ends.
    QuoteAcrossBlocks,
    /// The gathering needs no more of the file ([`Gather::wants_more`]).
    Unwanted,
}

/// Where the file is cut into blocks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cuts {
    /// At each block's last `\n`: the end of a row unless a quoted cell
    /// holding line breaks runs across it, which the block then says.
    /// (Looking for quotes in every block, to cut at row ends at once,
    /// cost a pass over the whole file.)
    AtLineEnds,
    /// At row ends outside quoted cells, as the csv reader reads them.
    AtRowEnds,
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

/// Where parsed blocks go, in file order.
trait Gather {
    fn add(&mut self, block: &BlockResult);

    /// Whether more blocks are of use (a gathering that cannot go on says
    /// so, and the file is read no further).
    fn wants_more(&self) -> bool {
        true
    }
}

/// Collects parsed blocks into the pool. Rows of one entry usually come
/// together (every export writes them so); then each entry's marks are
/// already one range. If an entry's rows are scattered (a later stage's
/// marks appended, a judge's sheet typed in at a time), every run of rows
/// is noted where it lies and the pool is gathered by entry at the end.
struct Assembly {
    marks: Vec<Mark>,
    /// While every entry's rows come together: each entry's range.
    ranges: Vec<(u32, u32)>,
    /// Entries seen, to notice one whose rows are not together.
    seen: Vec<bool>,
    last: Option<u32>,
    /// Once an entry's rows are found apart: every run of rows in `marks`,
    /// in file order.
    runs: Option<Runs>,
}

impl Assembly {
    fn new(entry_count: usize) -> Assembly {
        Assembly {
            marks: Vec::new(),
            ranges: vec![(0, 0); entry_count],
            seen: vec![false; entry_count],
            last: None,
            runs: None,
        }
    }

    fn finish(self) -> Result<MarkSet, Vec<Duplicate>> {
        match self.runs {
            None => MarkSet {
                marks: Arc::new(self.marks),
                ranges: self.ranges,
                unused: 0,
                slot_base: 0,
                first_entry: 0,
            }
            .sort_and_check(),
            Some(runs) => gathered(self.marks, runs, self.ranges.len()),
        }
    }

    /// The runs of rows so far, in file order, once rows are found apart:
    /// until then each entry had one range.
    fn runs_so_far(&self) -> Runs {
        let mut ranges: Vec<(u32, u32, u32)> = (self.ranges.iter().enumerate())
            .filter(|(_, range)| range.1 > 0)
            .map(|(entry, &(start, len))| (start, entry as u32, len))
            .collect();
        ranges.sort_unstable();
        let mut runs = Runs::default();
        for (_, entry, len) in ranges {
            runs.push(entry, len);
        }
        runs
    }
}

/// Runs of rows of one entry, in file order, each starting in the pool
/// where the one before ends. A run is its entry's number, with the top
/// bit set where its length follows: a run of one row (every run, in a
/// file sorted by judge and criterion) takes four bytes, half a mark.
#[derive(Default)]
struct Runs(Vec<u32>);

/// Set on a run's entry number when its length follows.
const LENGTH_FOLLOWS: u32 = 1 << 31;

impl Runs {
    fn push(&mut self, entry: u32, len: u32) {
        debug_assert!(entry < LENGTH_FOLLOWS, "fewer than 2^31 entries");
        match len {
            1 => self.0.push(entry),
            _ => self.0.extend([entry | LENGTH_FOLLOWS, len]),
        }
    }

    /// Each run as (entry, length).
    fn iter(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        let mut words = self.0.iter().copied();
        std::iter::from_fn(move || {
            let word = words.next()?;
            Some(match word & LENGTH_FOLLOWS {
                0 => (word, 1),
                _ => (word & !LENGTH_FOLLOWS, words.next().unwrap_or(0)),
            })
        })
    }
}

/// The marks of `runs` gathered by entry, each entry's runs in file order:
/// a counting sort of the runs, every mark copied once to its entry's
/// place (sorting every mark by entry took a third of reading a contest
/// whose later stages' marks follow the first's). At most 20 bytes a mark
/// are held at once, as the sort held.
fn gathered(marks: Vec<Mark>, runs: Runs, entry_count: usize) -> Result<MarkSet, Vec<Duplicate>> {
    let mut counts = vec![0u32; entry_count];
    for (entry, len) in runs.iter() {
        counts[entry as usize] += len;
    }
    // Where each entry's next run goes.
    let mut next: Vec<u32> = counts
        .iter()
        .scan(0u32, |at, &count| {
            let start = *at;
            *at += count;
            Some(start)
        })
        .collect();
    let unset = Mark {
        units: 0,
        slot: 0,
        judge: NO_JUDGE,
    };
    let mut grouped = vec![unset; marks.len()];
    let mut start = 0usize;
    for (entry, len) in runs.iter() {
        let (to, len) = (&mut next[entry as usize], len as usize);
        grouped[*to as usize..][..len].copy_from_slice(&marks[start..start + len]);
        *to += len as u32;
        start += len;
    }
    drop((marks, runs));
    MarkSet::from_grouped(grouped, &counts)
}

impl Gather for Assembly {
    fn add(&mut self, block: &BlockResult) {
        let mut position = 0usize;
        for &(entry, len) in &block.runs {
            let run = &block.marks[position..position + len as usize];
            position += len as usize;
            let start = self.marks.len() as u32;
            if self.runs.is_none() && self.last != Some(entry) && self.seen[entry as usize] {
                // Rows apart: from here on every run is noted, to be gathered at the end.
                self.runs = Some(self.runs_so_far());
            }
            if let Some(runs) = &mut self.runs {
                runs.push(entry, len);
            } else if self.last == Some(entry) {
                self.ranges[entry as usize].1 += len;
            } else {
                self.seen[entry as usize] = true;
                self.ranges[entry as usize] = (start, len);
            }
            self.marks.extend_from_slice(run);
            self.last = Some(entry);
        }
    }
}

/// Marks gathered into parts (`PART_MARKS` or so), each a run of entries
/// with all their marks, handed on as soon as it is whole: possible where
/// every entry's rows come together and in the entries' order, as exports
/// and `podium gen` write them. Anything else (an entry's rows apart or
/// out of order, a cell marked twice) stops the gathering: the file is to
/// be read whole, which says what is wrong.
struct Parts<'p> {
    part: &'p mut TakePart<'p>,
    /// A part is handed on at the first entry after this many marks.
    part_marks: usize,
    entry_count: usize,
    marks: Vec<Mark>,
    /// From `first` on, each entry's (start, length) in `marks`.
    ranges: Vec<(u32, u32)>,
    first: u32,
    last: Option<u32>,
    stopped: bool,
}

/// Marks gathered before a part is handed on: a part's entries are
/// scored together, enough of them to keep both cores busy, few enough
/// that a part takes little memory (8 MB).
pub const PART_MARKS: usize = 1 << 20;

/// What each part is handed to: it may give back the vector of a part done
/// with, emptied, for the next part to be gathered in. Its pages are then
/// touched already: fresh ones, met page by page, cost more than copying
/// the marks into them.
pub type TakePart<'p> = dyn FnMut(MarkSet) -> Option<Vec<Mark>> + 'p;

impl<'p> Parts<'p> {
    fn new(entry_count: usize, part_marks: usize, part: &'p mut TakePart<'p>) -> Parts<'p> {
        Parts {
            part,
            part_marks,
            entry_count,
            marks: Vec::with_capacity(Parts::room(part_marks)),
            ranges: Vec::new(),
            first: 0,
            last: None,
            stopped: false,
        }
    }

    /// The room a part is gathered in: its marks, and the last entry's
    /// that take it past `part_marks`.
    fn room(part_marks: usize) -> usize {
        part_marks + part_marks / 8
    }

    /// Hands on the entries from `first` up to `end`, if the part's
    /// entries are each marked once per cell.
    fn hand_on(&mut self, end: u32) {
        self.ranges.resize((end - self.first) as usize, (0, 0));
        let part = MarkSet {
            marks: Arc::new(std::mem::take(&mut self.marks)),
            ranges: std::mem::take(&mut self.ranges),
            unused: 0,
            slot_base: 0,
            first_entry: self.first,
        };
        match part.sort_and_check() {
            Ok(part) => self.marks = (self.part)(part).unwrap_or_default(),
            Err(_) => self.stopped = true,
        }
        self.marks.reserve(Parts::room(self.part_marks));
        self.first = end;
    }

    /// Hands on the last part; whether every entry's marks were handed on.
    fn finish(mut self) -> bool {
        if !self.stopped {
            self.hand_on(self.entry_count as u32);
        }
        !self.stopped
    }
}

impl Gather for Parts<'_> {
    fn add(&mut self, block: &BlockResult) {
        let mut position = 0usize;
        for &(entry, len) in &block.runs {
            if self.stopped {
                return;
            }
            let run = &block.marks[position..position + len as usize];
            position += len as usize;
            match self.last {
                Some(last) if entry == last => self.ranges.last_mut().expect("the last entry's range").1 += len,
                Some(last) if entry < last => {
                    self.stopped = true;
                    return;
                }
                _ => {
                    if self.marks.len() >= self.part_marks {
                        self.hand_on(entry);
                    }
                    // Entries in between have no marks.
                    self.ranges.resize((entry - self.first) as usize, (0, 0));
                    self.ranges.push((self.marks.len() as u32, len));
                }
            }
            self.marks.extend_from_slice(run);
            self.last = Some(entry);
        }
    }

    fn wants_more(&self) -> bool {
        !self.stopped
    }
}

/// Reads a marks file a part at a time, handing each part (a run of
/// entries, in order, with all their marks: about `part_marks`, see
/// [`PART_MARKS`]) to `part` as soon as it is read, so the file's marks
/// are never all in memory. Only a UTF-8 CSV
/// file whose entries' rows come together and in the entries' order can
/// be read so; false for any other, or a file with anything wrong, which
/// [`load`] reads whole and reports on. Parts handed on before that are
/// then of no use.
pub fn load_in_parts(path: &Path, (rules, entries): (&Rules, &Entries), part_marks: usize, part: &mut TakePart<'_>) -> bool {
    if workbook::is_workbook(path) {
        return false;
    }
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut parts = Parts::new(entries.list.len(), part_marks, part);
    match read_stream(file, path, (rules, entries), Cuts::AtLineEnds, &mut parts) {
        Ok(()) => parts.finish(),
        Err(_) => false,
    }
}

/// Streams `input`: a reader thread fills blocks of whole lines (reusing
/// buffers, at most a few in flight) while rayon parses them in batches;
/// results are joined in file order.
fn read_stream(
    input: impl Read + Send,
    path: &Path,
    (rules, entries): (&Rules, &Entries),
    cuts: Cuts,
    gather: &mut dyn Gather,
) -> Result<(), Failure> {
    let batch = rayon::current_num_threads().max(1) * 2;
    let (filled_tx, filled_rx) = std::sync::mpsc::sync_channel(batch);
    let (free_tx, free_rx) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        scope.spawn(move || read_blocks(input, (filled_tx, free_rx), cuts));
        // Owning the receiver here means it is dropped on any early return,
        // which stops the reader before the scope waits for it.
        parse_blocks(filled_rx, free_tx, batch, path, (rules, entries), (cuts, gather))
    })
}

type Filled = std::io::Result<Vec<u8>>;

/// Fills blocks of about `BLOCK` bytes that end where `cuts` says.
fn read_blocks(
    mut input: impl Read,
    (filled, free): (std::sync::mpsc::SyncSender<Filled>, std::sync::mpsc::Receiver<Vec<u8>>),
    cuts: Cuts,
) {
    let mut pending: Vec<u8> = Vec::new();
    loop {
        let mut block = free.try_recv().unwrap_or_default();
        block.clear();
        block.append(&mut pending);
        block.reserve_exact(BLOCK);
        // Read into the block's spare room as it is: zeroing it first
        // cost as much as a copy of the whole file.
        let eof = match (&mut input).take(BLOCK as u64).read_to_end(&mut block) {
            Ok(read) => read < BLOCK,
            Err(e) => {
                let _ = filled.send(Err(e));
                return;
            }
        };
        if !eof {
            let end = match cuts {
                Cuts::AtLineEnds => memchr::memrchr(b'\n', &block),
                Cuts::AtRowEnds => last_row_end(&block),
            };
            match end {
                Some(end) => pending.extend_from_slice(&block[end + 1..]),
                // A line longer than a block: keep reading into it.
                None if cuts == Cuts::AtLineEnds || block.len() <= 2 * super::LONGEST_ROW || memchr::memchr(b'"', &block).is_none() => {
                    pending = block;
                    continue;
                }
                // A quote open past twice `LONGEST_ROW`, a stray one: its
                // row is refused, and the file is read no further.
                None => {
                    let _ = filled.send(Ok(block));
                    return;
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

/// The line end in `block` (which starts with a row) after its last whole
/// row: its last `\n`, unless the block has a quote, when a line end inside
/// a quoted cell does not end a row.
fn last_row_end(block: &[u8]) -> Option<usize> {
    match memchr::memchr(b'"', block) {
        None => memchr::memrchr(b'\n', block),
        Some(_) => super::RecordEnds::new().last(block),
    }
}

/// Parses blocks as they arrive, each a task on the rayon pool (at most
/// `batch` at once, so memory stays a few blocks), while this thread joins
/// the parsed ones in file order: the joining no longer waits for a whole
/// batch, nor the parsing for the joining.
fn parse_blocks(
    filled: std::sync::mpsc::Receiver<Filled>,
    free: std::sync::mpsc::Sender<Vec<u8>>,
    batch: usize,
    path: &Path,
    (rules, entries): (&Rules, &Entries),
    (cuts, gather): (Cuts, &mut dyn Gather),
) -> Result<(), Failure> {
    let read_error = |e: std::io::Error| Failure::from(Diagnostic::new(path, "", msg!("files-cannot-read", why = e)));
    // The header, from the first block (which starts after it).
    let mut first = match filled.recv() {
        Ok(block) => Some(block.map_err(read_error)?),
        Err(_) => None,
    };
    let header: Option<(Header, usize)> = first.as_ref().map(|block| Header::parse(path, block)).transpose()?;
    let mut line = 2usize;
    let mut problems = Vec::new();
    let mut error_count = 0usize;
    // Who may mark which entry, worked out once for every block.
    let panels = Panels::new(rules, entries);
    let (parsed_tx, parsed) = std::sync::mpsc::channel::<(usize, BlockResult)>();
    let mut failure = None;
    rayon::in_place_scope(|scope| {
        let mut waiting: std::collections::BTreeMap<usize, BlockResult> = std::collections::BTreeMap::new();
        let (mut sent, mut joined, mut in_flight, mut ended) = (0usize, 0usize, 0usize, false);
        // Each block's marks are read into a vector a block before was
        // read into: fresh ones, met page by page, cost more than the copy.
        let mut spare_marks: Vec<Vec<Mark>> = Vec::new();
        loop {
            while let Ok((index, result)) = parsed.try_recv() {
                waiting.insert(index, result);
                in_flight -= 1;
            }
            while let Some(mut result) = waiting.remove(&joined) {
                joined += 1;
                if let Some(again) = result.read_again.take() {
                    failure = Some(again);
                    return;
                }
                if result.ends_in_quote && cuts == Cuts::AtLineEnds {
                    failure = Some(Failure::QuoteAcrossBlocks);
                    return;
                }
                let Some((header, _)) = &header else {
                    unreachable!("parsed after the header")
                };
                for (relative_line, problem) in std::mem::take(&mut result.problems) {
                    error_count += 1;
                    if problems.len() < MAX_REPORTED {
                        problems.push(problem.into_diagnostic(path, line + relative_line, header, entries, rules));
                    }
                }
                error_count += result.unreported;
                line += result.lines;
                if error_count == 0 {
                    gather.add(&result);
                    spare_marks.push(result.marks);
                    if !gather.wants_more() {
                        failure = Some(Failure::Unwanted);
                        return;
                    }
                }
            }
            if ended && in_flight == 0 {
                return;
            }
            if !ended && in_flight < batch {
                let (block, skip) = match first.take() {
                    Some(block) => (block, header.as_ref().map_or(0, |(_, skip)| *skip)),
                    None => match filled.recv() {
                        Ok(Ok(block)) => (block, 0),
                        Ok(Err(e)) => {
                            failure = Some(read_error(e));
                            ended = true;
                            continue;
                        }
                        Err(_) => {
                            ended = true;
                            continue;
                        }
                    },
                };
                let Some((header, _)) = &header else {
                    unreachable!("a block, so a header")
                };
                let (index, panels, parsed_tx, free) = (sent, &panels, parsed_tx.clone(), free.clone());
                let marks = spare_marks.pop().unwrap_or_default();
                scope.spawn(move |_| {
                    let result = parse_block(&block[skip..], marks, header, rules, entries, panels);
                    let _ = free.send(block);
                    let _ = parsed_tx.send((index, result));
                });
                sent += 1;
                in_flight += 1;
                continue;
            }
            let (index, result) = parsed.recv().expect("a block in flight sends its result");
            waiting.insert(index, result);
            in_flight -= 1;
        }
    });
    if let Some(failure) = failure {
        return Err(failure);
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
    Ok(())
}

/// Where each column is; other columns (a time, a note) are ignored.
struct Header {
    /// For each column of the file, which of `COLUMNS` it is, if any.
    wanted: Vec<Option<usize>>,
    /// For each of `COLUMNS`, its column in the file.
    columns: [usize; 5],
    width: usize,
    /// Each column's header as the file writes it (trimmed), for messages.
    written: Vec<String>,
}

impl Header {
    /// The file column (0-based) holding `COLUMNS[wanted]`.
    fn position(&self, wanted: usize) -> Option<usize> {
        self.wanted.iter().position(|&c| c == Some(wanted))
    }

    /// The five columns of a row without quotes, found by [`Line::rescan`].
    /// Inlined, and each column read in `COLUMNS` order from its commas:
    /// the array built by writing columns at their places went through
    /// memory, and its reading stalled on those writes (a tenth of the
    /// time spent reading marks).
    #[inline(always)]
    fn fields<'a>(&self, row: &'a [u8], line: &Line) -> Result<[&'a [u8]; 5], RowProblem> {
        if line.commas > MOST_COMMAS {
            return self.pick(row.split(|&b| b == b','), row);
        }
        let count = line.commas + 1;
        if count != self.width {
            return Err(RowProblem::Fields(count, self.width, separator_help(&String::from_utf8_lossy(row))));
        }
        let field = |c: usize| {
            let column = self.columns[c];
            let start = if column == 0 { 0 } else { line.comma_at[column - 1] as usize + 1 };
            let end = if column == line.commas {
                row.len()
            } else {
                line.comma_at[column] as usize
            };
            row[start..end].trim_ascii()
        };
        // Written out, not `array::from_fn`: that was a call whose array
        // came back through memory, and reading it stalled.
        Ok([field(0), field(1), field(2), field(3), field(4)])
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
        let end = super::Quotes::first_row_end(block).unwrap_or(block.len());
        // Rows that end in a `\r` alone (CSV as old Mac Excel saved it) are
        // read from the whole text, their line ends made `\n`.
        if block.get(end) == Some(&b'\r') {
            return Err(Failure::CarriageReturns);
        }
        let text = std::str::from_utf8(&block[..end]).map_err(|_| Failure::NotUtf8)?;
        let text = text.trim_end_matches('\r');
        // Header cells may be quoted, holding a comma or a line break.
        let cells: Vec<String> = match text.contains('"').then(|| unquote(text.as_bytes())) {
            Some(Some(cells)) => cells.iter().map(|cell| String::from_utf8_lossy(cell).into_owned()).collect(),
            Some(None) => {
                super::quotes_closed(path, text, 0)?;
                text.split(',').map(str::to_string).collect()
            }
            None => text.split(',').map(str::to_string).collect(),
        };
        let written: Vec<String> = cells.iter().map(|h| headers::trimmed(h).to_string()).collect();
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
                columns,
                width: names.len(),
                written,
            },
            consumed,
        ))
    }
}

/// Commas a [`Line`] keeps the places of; a row with more (a file of many
/// other columns) is split again the slow way.
const MOST_COMMAS: usize = 32;

/// One line of a block: where it ends and where its commas are, found
/// sixteen bytes at a time with SSE2 on x86_64, eight bytes in a word
/// elsewhere. (Byte by byte, each comma cost a mispredicted branch: at ten
/// million rows, the largest part of reading them. Sixteen bytes at a time
/// took 6 % off a province run's CPU and 11 % off a national one's.)
#[derive(Debug, PartialEq)]
struct Line {
    /// Where the line ends: at its `\n`, or at the end of the block.
    end: usize,
    /// How many commas it has; the first `MOST_COMMAS` are in `comma_at`.
    commas: usize,
    /// Each comma's place from the start of the line.
    comma_at: [u32; MOST_COMMAS],
    /// It holds a `"`: its fields are read by `unquote`.
    quoted: bool,
}

impl Line {
    fn new() -> Line {
        Line {
            end: 0,
            commas: 0,
            comma_at: [0; MOST_COMMAS],
            quoted: false,
        }
    }

    /// The line of `block` starting at `start`.
    #[cfg(test)]
    fn scan(block: &[u8], start: usize) -> Line {
        let mut line = Line::new();
        line.rescan(block, start);
        line
    }

    /// Made the line of `block` starting at `start` (reused, as each
    /// line's is made afresh ten million times).
    fn rescan(&mut self, block: &[u8], start: usize) {
        #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
        // SAFETY: `rescan_sixteen` asks for SSE2 alone, which this build
        // targets (x86_64's baseline: every x86_64 processor has it).
        unsafe {
            self.rescan_sixteen(block, start)
        }
        #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
        self.rescan_words(block, start)
    }

    /// [`Line::rescan`] eight bytes at a time in a word.
    #[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
    fn rescan_words(&mut self, block: &[u8], start: usize) {
        let line = self;
        // Counted in locals and stored once: kept in the line, each word's
        // update went through memory.
        let (mut end, mut commas_seen, mut quoted) = (block.len(), 0, false);
        let mut at = start;
        while at < block.len() {
            let word = match block.get(at..at + 8) {
                Some(eight) => u64::from_le_bytes(eight.try_into().expect("eight bytes")),
                None => {
                    let mut padded = [0u8; 8];
                    padded.iter_mut().zip(&block[at..]).for_each(|(p, b)| *p = *b);
                    u64::from_le_bytes(padded)
                }
            };
            let newline = bytes_equal(word, b'\n');
            // The bits of the bytes before the first line end.
            let before = if newline == 0 {
                u64::MAX
            } else {
                (newline & newline.wrapping_neg()) - 1
            };
            quoted |= bytes_equal(word, b'"') & before != 0;
            let mut commas = bytes_equal(word, b',') & before;
            while commas != 0 {
                if let Some(place) = line.comma_at.get_mut(commas_seen) {
                    *place = (at - start) as u32 + commas.trailing_zeros() / 8;
                }
                commas_seen += 1;
                commas &= commas - 1;
            }
            if newline != 0 {
                end = at + (newline.trailing_zeros() / 8) as usize;
                break;
            }
            at += 8;
        }
        (line.end, line.commas, line.quoted) = (end, commas_seen, quoted);
    }

    /// [`Line::rescan`] sixteen bytes at a time: each byte compared with
    /// the line end, the comma and the quote at once, and the bytes that
    /// matched taken as the bits of a mask (as [`bytes_equal`] does for a
    /// word, and with the same steps after).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "sse2")]
    fn rescan_sixteen(&mut self, block: &[u8], start: usize) {
        use std::arch::x86_64::*;
        let line = self;
        let every = |byte: u8| _mm_set1_epi8(byte as i8);
        let (newlines, commas, quotes) = (every(b'\n'), every(b','), every(b'"'));
        let (mut end, mut commas_seen, mut quoted) = (block.len(), 0, false);
        let mut at = start;
        while at < block.len() {
            let sixteen: [u8; 16] = match block.get(at..at + 16) {
                Some(sixteen) => sixteen.try_into().expect("sixteen bytes"),
                None => {
                    let mut padded = [0u8; 16];
                    padded.iter_mut().zip(&block[at..]).for_each(|(p, b)| *p = *b);
                    padded
                }
            };
            let half = |from: usize| i64::from_le_bytes(sixteen[from..from + 8].try_into().expect("eight bytes"));
            let bytes = _mm_set_epi64x(half(8), half(0));
            let matching = |wanted| _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, wanted)) as u32;
            let newline = matching(newlines);
            let before = if newline == 0 {
                0xFFFF
            } else {
                (newline & newline.wrapping_neg()) - 1
            };
            quoted |= matching(quotes) & before != 0;
            let mut found = matching(commas) & before;
            while found != 0 {
                if let Some(place) = line.comma_at.get_mut(commas_seen) {
                    *place = (at - start) as u32 + found.trailing_zeros();
                }
                commas_seen += 1;
                found &= found - 1;
            }
            if newline != 0 {
                end = at + newline.trailing_zeros() as usize;
                break;
            }
            at += 16;
        }
        (line.end, line.commas, line.quoted) = (end, commas_seen, quoted);
    }
}

/// The bytes of `word` equal to `byte`: the high bit of each set, exactly
/// (no borrow runs from one byte into the next).
fn bytes_equal(word: u64, byte: u8) -> u64 {
    const LOW_SEVEN: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let zero_where_equal = word ^ (u64::from(byte) * 0x0101_0101_0101_0101);
    !(((zero_where_equal & LOW_SEVEN) + LOW_SEVEN) | zero_where_equal | LOW_SEVEN)
}

struct BlockResult {
    marks: Vec<Mark>,
    /// (entry, number of marks) of each run of rows of one entry, in order.
    runs: Vec<(u32, u32)>,
    /// (line within the block, problem).
    problems: Vec<(usize, RowProblem)>,
    unreported: usize,
    lines: usize,
    /// The file is read again whole: the block is not UTF-8 (and a row
    /// of it was refused, or is long), or a row ends in a `\r` alone.
    read_again: Option<Failure>,
    /// Its last row ends in a quoted cell still open.
    ends_in_quote: bool,
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
    /// A quoted cell left open at the line's end, in this file column if
    /// a quote opens it.
    Quoted(Option<usize>),
    /// A row longer than `LONGEST_ROW`: refused at the quote still open
    /// where it passes the limit, in this file column, if one is.
    TooLong(Option<usize>),
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
            RowProblem::Quoted(_) | RowProblem::TooLong(Some(_)) => {
                ("row", msg!("files-quote-not-closed"), Some(msg!("files-quote-not-closed-help")))
            }
            RowProblem::TooLong(None) => ("row", msg!("files-row-too-long"), Some(msg!("files-row-too-long-help"))),
        }
    }

    fn into_diagnostic(self, path: &Path, line: usize, header: &Header, entries: &Entries, rules: &Rules) -> Diagnostic {
        let quoted = match self {
            RowProblem::Quoted(column) | RowProblem::TooLong(column) => column,
            _ => None,
        };
        let (field, message, help) = self.describe(entries, rules);
        // Name the spreadsheet column too: people fix marks files in Excel.
        let column = quoted.or_else(|| COLUMNS.iter().position(|c| *c == field).and_then(|c| header.position(c)));
        let field = match column {
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

/// A criterion's marks in units of its scale: the least, the most, and
/// the step between them.
#[derive(Clone, Copy)]
struct Limits {
    min: i64,
    max: i64,
    step: i64,
    /// 2^64 / step, rounded up: a mark is on a step when its distance
    /// from `min` times this, wrapping, is below it (Lemire's test, with no
    /// division: ten million of them cost a tenth of reading the marks).
    /// `None` when a range is too wide for the test.
    on_step: Option<u64>,
}

impl Limits {
    fn of(rules: &Rules, criterion: usize) -> Limits {
        let range = &rules.criteria[criterion].range;
        let units = |d: Decimal| {
            let mut d = d;
            d.rescale(range.scale);
            i64::try_from(d.mantissa()).unwrap_or(i64::MAX)
        };
        let (min, max) = (units(range.min), units(range.max));
        let step = range.step.map_or(1, units).max(1);
        let narrow = u32::try_from(max.saturating_sub(min)).is_ok() && u32::try_from(step).is_ok();
        Limits {
            min,
            max,
            step,
            on_step: narrow.then(|| (u64::MAX / step as u64).wrapping_add(1)),
        }
    }

    /// Whether `units`, within the range, is on a step.
    fn on_step(&self, units: i64) -> bool {
        let distance = units - self.min;
        match self.on_step {
            Some(multiplier) => (distance as u64).wrapping_mul(multiplier) <= multiplier.wrapping_sub(1),
            None => distance % self.step == 0,
        }
    }
}

/// Parses `block`'s rows into `marks` (emptied first).
fn parse_block(block: &[u8], mut marks: Vec<Mark>, header: &Header, rules: &Rules, entries: &Entries, panels: &Panels) -> BlockResult {
    marks.clear();
    marks.reserve(block.len() / 24);
    let mut result = BlockResult {
        marks,
        runs: Vec::new(),
        problems: Vec::new(),
        unreported: 0,
        lines: 0,
        read_again: None,
        ends_in_quote: false,
    };
    let lookups = Lookups::with(rules, entries, PanelsOf::Kept(panels));
    let mut cache = Cache::default();
    // Whether the block is UTF-8, worked out at its first refused row.
    let mut block_is_utf8: Option<bool> = None;
    let mut rows = Rows::new(block);
    let mut relative = 0;
    // The last row kept whole: its bytes up to its judge, and its cell.
    let mut last: Option<(&[u8], RowCell)> = None;
    let in_order = header.columns == [0, 1, 2, 3, 4] && header.width == COLUMNS.len();
    loop {
        // A row that begins as the last did, with the same bytes, is for
        // the same cell: only its judge and value are read (a panel's
        // judges mark one cell in turn, row after row).
        if let Some(((judge, value, next), cell)) = last.and_then(|(start, cell)| Some((rows.same_cell(start)?, cell))) {
            let judge = crate::text::from_spreadsheet(judge.trim_ascii());
            if mark_into(cell, [judge, value.trim_ascii()], &mut cache, &lookups, |entry, mark| {
                keep(&mut result, entry, mark)
            })
            .is_ok()
            {
                rows.start = next;
                relative += 1;
                result.lines = relative;
                continue;
            }
            // Refused: read whole, which says why (or reads what the
            // shortcut does not: full-width digits, say).
        }
        let Some(row) = rows.next_row() else {
            break;
        };
        relative += 1;
        result.lines = relative;
        let relative = relative - 1;
        if row.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if row.len() > super::LONGEST_ROW / 2 {
            match long_row(row, block, rows.line.quoted) {
                Err(again) => {
                    result.read_again = Some(again);
                    return result;
                }
                Ok(Some(problem)) => {
                    push_problem(&mut result, relative, problem);
                    continue;
                }
                Ok(None) => {}
            }
        }
        let parsed = if !rows.line.quoted {
            // The common row is kept at once, not through a result.
            let kept = header
                .fields(row, &rows.line)
                .and_then(|row| parse_row_into(as_written(row), &mut cache, &lookups, |entry, mark| keep(&mut result, entry, mark)));
            match kept {
                Ok(cell) => {
                    // A row long enough to be looked at first (`long_row`)
                    // is never read so.
                    let short = row.len() + SAME_CELL_TAIL < super::LONGEST_ROW / 2;
                    if in_order && short && rows.line.commas == COLUMNS.len() - 1 {
                        last = Some((&row[..=rows.line.comma_at[2] as usize], cell));
                    }
                    continue;
                }
                Err(problem) => Err(problem),
            }
        } else {
            parse_quoted(row, header, &lookups)
        };
        // Rare: a refused row. It may be blank (`,,,`), the file may not be
        // UTF-8 after all, or a cell may hold full-width digits or spaces.
        let parsed = match parsed {
            Ok(parsed) => Ok(parsed),
            Err(_) if is_blank(row) => continue,
            Err(_) if !*block_is_utf8.get_or_insert_with(|| std::str::from_utf8(block).is_ok()) => {
                result.read_again = Some(Failure::NotUtf8);
                return result;
            }
            // A `\r` alone ends a row, as the csv reader reads rows: the
            // file is read again whole, such line ends made `\n`.
            Err(_) if !rows.line.quoted && row.contains(&b'\r') => {
                result.read_again = Some(Failure::CarriageReturns);
                return result;
            }
            Err(problem) => cleaned(row, header, &lookups).unwrap_or(Err(problem)),
        };
        match parsed {
            Ok((entry, mark)) => keep(&mut result, entry, mark),
            Err(problem) => push_problem(&mut result, relative, problem),
        }
    }
    result.ends_in_quote = rows.ends_in_quote;
    result
}

/// The most bytes after its judge's start a row read for the cell of the
/// row before ([`Rows::same_cell`]) may take: a judge and a value.
const SAME_CELL_TAIL: usize = 32;

/// The rows of a block (which starts with one), each with its [`Line`].
/// A quoted cell may hold line breaks (Alt+Enter in Excel): its row then
/// runs on to the line end after the cell closes, read as the csv reader
/// reads quotes, and is one row as Excel numbers them.
struct Rows<'b> {
    block: &'b [u8],
    start: usize,
    /// The last row's line (its first line, for a row over several).
    line: Line,
    /// The last row ends in a quoted cell still open.
    ends_in_quote: bool,
}

impl<'b> Rows<'b> {
    fn new(block: &'b [u8]) -> Rows<'b> {
        Rows {
            block,
            start: 0,
            line: Line::new(),
            ends_in_quote: false,
        }
    }

    /// The judge and value of the next row, and where the row after it
    /// starts, if the row begins with `start` (a row's bytes up to its
    /// judge) and the rest of its line, within a few bytes, is two cells
    /// without quotes. Anything else is read by [`Self::next_row`].
    #[inline(always)]
    fn same_cell(&self, start: &[u8]) -> Option<(&'b [u8], &'b [u8], usize)> {
        let rest = self.block.get(self.start..)?;
        if rest.len() < start.len() || !same(&rest[..start.len()], start) {
            return None;
        }
        let tail = &rest[start.len()..];
        let tail = &tail[..tail.len().min(SAME_CELL_TAIL)];
        let end = memchr::memchr(b'\n', tail)?;
        let line = &tail[..end];
        let comma = memchr::memchr(b',', line)?;
        let (judge, value) = (&line[..comma], &line[comma + 1..]);
        if value.contains(&b',') || line.contains(&b'"') {
            return None;
        }
        Some((judge, value, self.start + start.len() + end + 1))
    }

    /// The next row, without its line end.
    #[inline(always)]
    fn next_row(&mut self) -> Option<&'b [u8]> {
        if self.start >= self.block.len() {
            return None;
        }
        self.line.rescan(self.block, self.start);
        let rest = &self.block[self.start..];
        let (row, next) = match self.line.quoted {
            false => (&rest[..self.line.end - self.start], self.line.end + 1),
            true => match super::Quotes::first_row_end(rest) {
                Some(end) => (&rest[..end], self.start + end + 1),
                // The block's last row: a quote never closed in it makes
                // the rest of the block its cell.
                None => {
                    self.ends_in_quote = super::Quotes::of(rest).open.is_some();
                    (rest, self.block.len() + 1)
                }
            },
        };
        self.start = next;
        Some(row.strip_suffix(b"\r").unwrap_or(row))
    }
}

/// A row with a quoted cell, read by the csv reader (rare: its cells are
/// owned, so it has a cache of its own).
fn parse_quoted(row: &[u8], header: &Header, lookups: &Lookups) -> Result<(u32, Mark), RowProblem> {
    let Some(owned) = unquote(row) else {
        return Err(RowProblem::Quoted(open_quote(row)));
    };
    let pieces: Vec<&[u8]> = owned.iter().map(Vec::as_slice).collect();
    header
        .pick(pieces.iter().copied(), row)
        .and_then(|row| parse_row(as_written(row), &mut Cache::default(), lookups))
}

/// A row over half `LONGEST_ROW`: refused if longer than `LONGEST_ROW` (a
/// stray quote, as a rule), measured as `import` measures it, in UTF-8 with
/// `\r` alone ending a row, so a block that is not UTF-8, or a row with a
/// `\r` alone, is read again whole first. (Out of the loop that reads
/// rows: inline, it slowed every row.)
#[cold]
#[inline(never)]
fn long_row(row: &[u8], block: &[u8], quoted: bool) -> Result<Option<RowProblem>, Failure> {
    if std::str::from_utf8(block).is_err() {
        return Err(Failure::NotUtf8);
    }
    if !quoted && memchr::memchr(b'\r', row).is_some() {
        return Err(Failure::CarriageReturns);
    }
    Ok((row.len() > super::LONGEST_ROW).then(|| RowProblem::TooLong(open_quote(&row[..super::LONGEST_ROW]))))
}

/// The file column of the cell whose quote `row` ends inside, if it does.
fn open_quote(row: &[u8]) -> Option<usize> {
    super::Quotes::of(row)
        .open
        .map(|(open, record)| super::column_at_end(&row[record..open]))
}

/// Keeps a parsed mark of `entry`, after the block's marks so far.
#[inline(always)]
fn keep(result: &mut BlockResult, entry: u32, mark: Mark) {
    match result.runs.last_mut() {
        Some((last, count)) if *last == entry => *count += 1,
        _ => result.runs.push((entry, 1)),
    }
    result.marks.push(mark);
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

/// A cell as a message shows it: at most `SHOWN` characters, then `…` (a
/// quote left open can make a cell of megabytes, which was echoed whole).
fn text(bytes: &[u8]) -> String {
    const SHOWN: usize = 60;
    // No character takes more than 4 bytes: the first SHOWN are in these.
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(SHOWN * 4)]);
    match text.char_indices().nth(SHOWN) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.into_owned(),
    }
}

/// What rows are checked against, built once per block.
struct Lookups<'r> {
    rules: &'r Rules,
    entries: &'r Entries,
    criteria: FxHashMap<&'r [u8], usize>,
    judges: FxHashMap<&'r [u8], u16>,
    /// Each criterion's limits in units of its scale.
    limits: Vec<Limits>,
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
            limits: (0..rules.criteria.len()).map(|c| Limits::of(rules, c)).collect(),
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
    /// The judges met lately: a panel's judges take turns row by row.
    judges: [(&'a [u8], u16); RECENT_JUDGES],
    next_judge: usize,
    /// Where the last judge was found: the next row's judge is most often
    /// the one remembered after it (a panel marks in turn).
    last_found: usize,
}

/// Judges remembered by a [`Cache`]: a panel of up to this many is never hashed.
const RECENT_JUDGES: usize = 8;

impl<'a> Cache<'a> {
    fn judge(&mut self, judge: &'a [u8], lookups: &Lookups) -> Option<u16> {
        let after = (self.last_found + 1) % RECENT_JUDGES;
        let turns = (0..RECENT_JUDGES).map(|k| (after + k) % RECENT_JUDGES);
        if let Some(at) = turns.into_iter().find(|&at| same(self.judges[at].0, judge)) {
            self.last_found = at;
            return Some(self.judges[at].1);
        }
        let index = *lookups.judges.get(judge)?;
        self.last_found = self.next_judge;
        self.judges[self.next_judge] = (judge, index);
        self.next_judge = (self.next_judge + 1) % RECENT_JUDGES;
        Some(index)
    }
}

/// Whether two ids are the same: most are a few bytes, compared here in
/// one or two words (calling `memcmp` for each cost more than comparing).
fn same(a: &[u8], b: &[u8]) -> bool {
    fn word(bytes: &[u8], at: usize) -> u64 {
        u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"))
    }
    fn half(bytes: &[u8], at: usize) -> u32 {
        u32::from_le_bytes(bytes[at..at + 4].try_into().expect("four bytes"))
    }
    let n = a.len();
    n == b.len()
        && match n {
            0..4 => a.iter().zip(b).all(|(x, y)| x == y),
            4..8 => half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4),
            8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
            17..=32 => {
                let sixteen = |bytes: &[u8], at: usize| u128::from_le_bytes(bytes[at..at + 16].try_into().expect("sixteen bytes"));
                sixteen(a, 0) == sixteen(b, 0) && sixteen(a, n - 16) == sixteen(b, n - 16)
            }
            _ => a == b,
        }
}

/// A row's entry and mark, or why the row is refused.
fn parse_row<'a>(fields: [&'a [u8]; 5], cache: &mut Cache<'a>, lookups: &Lookups) -> Result<(u32, Mark), RowProblem> {
    let mut parsed = None;
    parse_row_into(fields, cache, lookups, |entry, mark| parsed = Some((entry, mark)))?;
    Ok(parsed.expect("a row not refused is kept"))
}

/// [`parse_row`], handing the entry and mark to `keep`: reading ten
/// million rows, a mark returned in a result went through memory, written
/// in halves and read back as one word, and stalled on every row.
/// Gives the row's cell, for rows after it that begin with the same bytes
/// ([`Rows::same_cell`]).
#[inline(always)]
fn parse_row_into<'a>(
    [entry, criterion, element, judge, value]: [&'a [u8]; 5],
    cache: &mut Cache<'a>,
    lookups: &Lookups,
    keep: impl FnOnce(u32, Mark),
) -> Result<RowCell, RowProblem> {
    let cell = row_cell([entry, criterion, element], value, cache, lookups)?;
    mark_into(cell, [judge, value], cache, lookups, keep)?;
    Ok(cell)
}

/// The entry, criterion and element a row's mark is for.
#[derive(Clone, Copy)]
struct RowCell {
    entry: u32,
    criterion: usize,
    element: u8,
}

/// [`parse_row_into`]'s entry, criterion and element (the value is named
/// where the criterion takes no marks).
#[inline(always)]
fn row_cell<'a>(
    [entry, criterion, element]: [&'a [u8]; 3],
    value: &[u8],
    cache: &mut Cache<'a>,
    lookups: &Lookups,
) -> Result<RowCell, RowProblem> {
    let (rules, entries) = (lookups.rules, lookups.entries);
    let entry_index = match cache.entry {
        Some((bytes, index)) if same(bytes, entry) => index,
        last => {
            // Marks mostly come in the entries' order: the entry after the
            // last is tried before hashing, which in a million entries
            // missed the cache twice for each (4 % of a national run).
            let next = last.map_or(0, |(_, index)| index + 1);
            let index = match entries.list.get(next as usize) {
                Some(listed) if same(listed.id.as_bytes(), entry) => next,
                _ => {
                    let found = std::str::from_utf8(entry).ok().and_then(|id| entries.find(id));
                    found.ok_or_else(|| RowProblem::UnknownEntry(text(entry)))?
                }
            };
            cache.entry = Some((entry, index));
            index
        }
    };
    let c = match cache.criterion {
        Some((bytes, index)) if same(bytes, criterion) => index,
        last => {
            // An entry's criteria mostly come in the contest's order: the
            // one after the last is tried before hashing.
            let next = last.map_or(0, |(_, index)| index + 1);
            let index = match rules.criteria.get(next) {
                Some(rule) if same(rule.key.as_bytes(), criterion) => next,
                _ => *lookups
                    .criteria
                    .get(criterion)
                    .ok_or_else(|| RowProblem::UnknownCriterion(text(criterion)))?,
            };
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
    Ok(RowCell {
        entry: entry_index,
        criterion: c,
        element: element_number,
    })
}

/// [`parse_row_into`]'s judge and value, of the mark for `cell`.
#[inline(always)]
fn mark_into<'a>(
    RowCell {
        entry: entry_index,
        criterion: c,
        element: element_number,
    }: RowCell,
    [judge, value]: [&'a [u8]; 2],
    cache: &mut Cache<'a>,
    lookups: &Lookups,
    keep: impl FnOnce(u32, Mark),
) -> Result<(), RowProblem> {
    let rules = lookups.rules;
    let rule = &rules.criteria[c];
    let judge_index = if judge.is_empty() {
        if !rule.judges.is_empty() {
            return Err(RowProblem::Judge(String::new(), c, msg!("files-judge-needed")));
        }
        NO_JUDGE
    } else {
        let j = cache.judge(judge, lookups).ok_or_else(|| {
            let names = rules.contest.judges.iter().map(|j| j.id.as_str());
            RowProblem::Judge(
                text(judge),
                c,
                msg!("files-unknown-judge", suggestion = suggestion(&text(judge), names)),
            )
        })?;
        if lookups.panels.sits_for_all(c, j) {
            j
        } else {
            seat_refused(judge, j, c, entry_index, lookups)?
        }
    };
    let limits = lookups.limits[c];
    let range = &rule.range;
    let units = parse_units(value, range.scale).map_err(|why| RowProblem::Value(text(value), c, why))?;
    if units < limits.min || units > limits.max {
        return Err(RowProblem::Value(
            text(value),
            c,
            msg!("files-out-of-range", min = range.min.normalize(), max = range.max.normalize()),
        ));
    }
    if !limits.on_step(units) {
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
    keep(entry_index, mark);
    Ok(())
}

/// A judge not seated on the criterion's panel for every entry: whether
/// they may mark this entry here (a reserve in a seat of someone standing
/// aside may), and why not.
fn seat_refused(judge: &[u8], j: u16, c: usize, entry_index: u32, lookups: &Lookups) -> Result<u16, RowProblem> {
    let (rules, entries) = (lookups.rules, lookups.entries);
    let rule = &rules.criteria[c];
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
    Ok(j)
}

/// Parses a decimal as an integer count of 10^-scale, exactly.
pub fn parse_units(bytes: &[u8], scale: u32) -> Result<i64, Text> {
    match plain_units(bytes, scale) {
        Some(units) => Ok(units),
        None => parse_any_units(bytes, scale),
    }
}

/// [`parse_units`] of a plain number (digits and at most one point, no
/// more places than `scale`) in one pass; `None` leaves anything else,
/// and every error, to [`parse_any_units`].
fn plain_units(bytes: &[u8], scale: u32) -> Option<i64> {
    // Eighteen digits fit an i64 whatever they are.
    if bytes.len() > 18 {
        return None;
    }
    let (mut units, mut digits, mut places) = (0i64, 0, None::<u32>);
    for &byte in bytes {
        match byte {
            b'0'..=b'9' => {
                units = units * 10 + i64::from(byte - b'0');
                digits += 1;
                if let Some(places) = &mut places {
                    *places += 1;
                }
            }
            b'.' if places.is_none() => places = Some(0),
            _ => return None,
        }
    }
    let places = places.unwrap_or(0);
    if digits == 0 || places > scale {
        return None;
    }
    units.checked_mul(10i64.checked_pow(scale - places)?)
}

/// [`parse_units`] of anything: a sign, places beyond the scale that are
/// zeros, and the error of what is not a number.
fn parse_any_units(bytes: &[u8], scale: u32) -> Result<i64, Text> {
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

/// Splits a row with quoted fields; `None` if a quote is left open (the
/// csv reader would read on to the end of the file as that one cell).
fn unquote(row: &[u8]) -> Option<Vec<Vec<u8>>> {
    if super::Quotes::of(row).open.is_some() {
        return None;
    }
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(row);
    let mut record = csv::ByteRecord::new();
    match reader.read_byte_record(&mut record) {
        Ok(true) if reader.position().byte() as usize >= row.len() => Some(record.iter().map(<[u8]>::to_vec).collect()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{
        bytes_equal, parse_any_units, parse_units, plain_units, same, Assembly, BlockResult, Gather, Limits, Line, Mark, MarkSet,
        MOST_COMMAS,
    };
    use std::sync::Arc;

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
    fn a_stage_reads_runs_of_the_pool_in_its_own_slot_numbers() {
        // Two entries marked in slots 0..4; a stage of slots 2 and 3 reads
        // them as its slots 0 and 1, without a copy.
        let mark = |entry: i32, slot: u16, judge: u16| Mark {
            units: entry * 100 + slot as i32 * 10 + judge as i32,
            slot,
            judge,
        };
        let all: Vec<(u32, Mark)> = (0..2u32)
            .flat_map(|e| (0..4u16).flat_map(move |slot| (0..2u16).map(move |judge| (e, mark(e as i32, slot, judge)))))
            .collect();
        let pool = MarkSet::from_entry_marks(all, 2).unwrap();
        // Entry 1 alone reached the stage: its marks of pool slots 2 and 3.
        let (start, _) = pool.ranges[1];
        let mut stage = pool.runs(vec![(start + 4, 4)], 2);
        assert!(Arc::ptr_eq(&stage.marks, &pool.marks), "nothing copied");
        let marks = stage.entry(0);
        assert_eq!(marks.in_slot(0).iter().map(|m| m.units).collect::<Vec<_>>(), [120, 121]);
        assert_eq!(marks.in_slot(1).iter().map(|m| m.units).collect::<Vec<_>>(), [130, 131]);
        assert!(marks.in_slot(2).is_empty(), "the pool's slot 4 does not exist");
        assert_eq!(marks.slot_of(&marks.marks[2]), 1);
        // A mark set in the stage's numbering lands in the pool's, in order,
        // and the contest's own set is left as it was.
        stage.set(
            0,
            Mark {
                units: -5,
                slot: 1,
                judge: 7,
            },
        );
        stage.set(
            0,
            Mark {
                units: -6,
                slot: 0,
                judge: 0,
            },
        );
        let marks = stage.entry(0);
        assert_eq!(
            marks.in_slot(1).iter().map(|m| (m.judge, m.units)).collect::<Vec<_>>(),
            [(0, 130), (1, 131), (7, -5)]
        );
        assert_eq!(marks.in_slot(0)[0].units, -6);
        assert_eq!(pool.entry(1).in_slot(3).len(), 2);
        assert_eq!(pool.entry(1).in_slot(2)[0].units, 120);
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

    use proptest::prelude::*;

    proptest! {
        /// Rows in any order, cut into blocks anywhere, are gathered into
        /// each entry's marks as sorting every mark by entry gathers them;
        /// a cell marked twice is found either way.
        #[test]
        fn rows_apart_are_gathered_as_sorted_by_entry(
            rows in proptest::collection::vec((0u32..6, 0u16..4, 0u16..3, -5i32..5), 0..80),
            cuts in proptest::collection::vec(1usize..12, 1..20),
        ) {
            let marks: Vec<(u32, Mark)> = rows.iter().map(|&(entry, slot, judge, units)| (entry, Mark { units, slot, judge })).collect();
            let mut assembly = Assembly::new(6);
            let (mut at, mut cut) = (0, cuts.iter().cycle());
            while at < marks.len() {
                let block = &marks[at..(at + cut.next().unwrap()).min(marks.len())];
                at += block.len();
                let mut runs: Vec<(u32, u32)> = Vec::new();
                for &(entry, _) in block {
                    match runs.last_mut() {
                        Some((last, len)) if *last == entry => *len += 1,
                        _ => runs.push((entry, 1)),
                    }
                }
                assembly.add(&BlockResult {
                    marks: block.iter().map(|&(_, mark)| mark).collect(),
                    runs,
                    problems: Vec::new(),
                    unreported: 0,
                    lines: block.len(),
                    read_again: None,
                    ends_in_quote: false,
                });
            }
            let sorted = MarkSet::from_entry_marks(marks, 6);
            match (assembly.finish(), sorted) {
                (Ok(found), Ok(sorted)) => {
                    for entry in 0..6 {
                        prop_assert_eq!(found.of_entry(entry), sorted.of_entry(entry));
                    }
                }
                (Err(found), Err(sorted)) => prop_assert_eq!(found, sorted),
                (found, sorted) => prop_assert_eq!(found.is_ok(), sorted.is_ok()),
            }
        }
    }

    proptest! {
        /// Walking an entry's marks slot by slot finds each slot's run as a
        /// search does, in any order of asking, in a stage's numbering too.
        #[test]
        fn a_walk_finds_each_slot_as_a_search(
            slots in proptest::collection::vec(0u16..12, 0..40),
            asked in proptest::collection::vec((0u16..10, 0u16..3), 0..30),
            base in 0u16..3,
        ) {
            let mut marks: Vec<Mark> = slots.iter().enumerate().map(|(i, &slot)| Mark { units: i as i32, slot, judge: i as u16 }).collect();
            marks.sort_by_key(Mark::key);
            let pool = MarkSet::from_grouped(marks.clone(), &[marks.len() as u32]).unwrap();
            let set = pool.runs(pool.ranges.clone(), base);
            let mut walk = set.entry(0).walk();
            for (slot, count) in asked {
                if count == 0 {
                    prop_assert_eq!(walk.in_slot(slot), set.entry(0).in_slot(slot), "slot {}", slot);
                    continue;
                }
                let wanted: Vec<Mark> = marks.iter().filter(|m| (slot + base..slot + base + count).contains(&m.slot)).copied().collect();
                let found = walk.in_slots(slot, count);
                prop_assert_eq!(found.marks, &wanted[..], "slots {} to {}", slot, slot + count);
                for s in slot..slot + count {
                    prop_assert_eq!(found.in_slot(s), set.entry(0).in_slot(s));
                }
            }
        }

        /// The one-pass reading of a plain number is the full reading's.
        #[test]
        fn plain_numbers_read_as_any_number(text in "[-+]?[0-9]{0,12}(\\.[0-9]{0,6})?|[0-9. ,e-]{0,8}", scale in 0u32..6) {
            if let Some(units) = plain_units(text.as_bytes(), scale) {
                prop_assert_eq!(Ok(units), parse_any_units(text.as_bytes(), scale));
            }
        }

        /// A line's commas, line end and quote, found sixteen bytes at a
        /// time (or eight in a word, as other processors do), are where a
        /// byte-by-byte look finds them.
        #[test]
        fn lines_scan_as_byte_by_byte(block in "([a-c,\"\r]{0,40}\n?){0,3}", start in 0usize..80) {
            let block = block.as_bytes();
            let start = start.min(block.len());
            let line = Line::scan(block, start);
            let mut in_words = Line::new();
            in_words.rescan_words(block, start);
            prop_assert_eq!(&in_words, &line);
            let end = block[start..].iter().position(|&b| b == b'\n').map_or(block.len(), |e| start + e);
            prop_assert_eq!(line.end, end);
            let row = &block[start..end];
            let commas: Vec<u32> = (0..row.len()).filter(|&i| row[i] == b',').map(|i| i as u32).collect();
            prop_assert_eq!(line.commas, commas.len());
            prop_assert_eq!(&line.comma_at[..commas.len().min(MOST_COMMAS)], &commas[..commas.len().min(MOST_COMMAS)]);
            prop_assert_eq!(line.quoted, row.contains(&b'"'));
        }

        /// A row's five columns read from its commas are those of a plain
        /// split at its commas, in any order of the columns, among others.
        #[test]
        fn columns_read_from_commas_as_split(
            order in Just((0..5usize).collect::<Vec<_>>()).prop_shuffle(),
            others in 0usize..36,
            cells in proptest::collection::vec("[ a-z0-9.]{0,6}", 41),
        ) {
            let mut names: Vec<&str> = order.iter().map(|&c| super::COLUMNS[c]).collect();
            let extra: Vec<String> = (0..others).map(|i| format!("note{i}")).collect();
            for (i, name) in extra.iter().enumerate() {
                names.insert((i * 7) % (names.len() + 1), name);
            }
            let head = format!("{}\n", names.join(","));
            let (header, _) = super::Header::parse(std::path::Path::new("marks.csv"), head.as_bytes()).ok().expect("a header of known columns");
            let row = cells[..names.len()].join(",");
            let line = Line::scan(row.as_bytes(), 0);
            let split = header.pick(row.as_bytes().split(|&b| b == b','), row.as_bytes());
            prop_assert_eq!(header.fields(row.as_bytes(), &line).ok(), split.ok());
        }

        /// Ids compared in words are equal exactly when they are.
        #[test]
        fn ids_compare_as_bytes(a in "[ab]{0,40}", b in "[ab]{0,40}", at in any::<proptest::sample::Index>()) {
            prop_assert_eq!(same(a.as_bytes(), b.as_bytes()), a == b);
            prop_assert!(same(a.as_bytes(), a.as_bytes()));
            // The same but for one byte, anywhere.
            if !a.is_empty() {
                let mut other = a.clone().into_bytes();
                let at = at.index(other.len());
                other[at] = if other[at] == b'a' { b'b' } else { b'a' };
                prop_assert!(!same(a.as_bytes(), &other));
            }
        }
    }

    #[test]
    fn steps_are_tested_without_dividing() {
        for step in 1..=40i64 {
            let limits = Limits {
                min: -7,
                max: 5000,
                step,
                on_step: Some((u64::MAX / step as u64).wrapping_add(1)),
            };
            for units in -7..=5000 {
                assert_eq!(limits.on_step(units), (units + 7) % step == 0, "{units} by {step}");
            }
        }
    }

    #[test]
    fn bytes_equal_finds_each_byte_and_no_other() {
        for byte in 0..=255u8 {
            for place in 0..8 {
                let mut word = [byte.wrapping_add(1); 8];
                word[place] = byte;
                let found = bytes_equal(u64::from_le_bytes(word), byte);
                assert_eq!(found, 0x80 << (8 * place), "{byte} at {place}");
            }
        }
    }
}
