//! Marks in long form, one mark per row: `entry,criterion,element,judge,value`.
//!
//! This is the hot path at scale (10M marks = 300 MB of CSV), so the reader
//! streams the file in blocks, parses blocks in parallel, and keeps each
//! mark in 16 bytes: the value as an integer count of the criterion's
//! smallest step (its declared decimal places), which makes range and step
//! checks exact integer arithmetic. Results never depend on thread count:
//! blocks are parsed independently and joined in file order, then sorted.

use super::{Entries, MAX_REPORTED};
use crate::contest::{KindRule, Rules};
use crate::error::{suggest, Diagnostic, Diagnostics};
use rayon::prelude::*;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use std::io::Read;
use std::path::Path;

/// `judge` of a mark recorded without a judge (a measurement, a count).
pub const NO_JUDGE: u16 = u16::MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawMark {
    /// The value × 10^scale of its criterion.
    pub units: i64,
    pub entry: u32,
    pub slot: u16,
    pub judge: u16,
}

impl RawMark {
    fn key(&self) -> (u32, u16, u16) {
        (self.entry, self.slot, self.judge)
    }
}

/// Every mark of a contest, sorted by entry, slot and judge, with each
/// entry's marks found by offset.
#[derive(Debug, Clone, Default)]
pub struct MarkSet {
    pub marks: Vec<RawMark>,
    /// `marks[offsets[e]..offsets[e + 1]]` are entry e's marks.
    pub offsets: Vec<u32>,
}

impl MarkSet {
    pub fn of_entry(&self, entry: usize) -> &[RawMark] {
        &self.marks[self.offsets[entry] as usize..self.offsets[entry + 1] as usize]
    }

    /// Sorts, rejects duplicate cells and indexes by entry.
    pub fn from_marks(mut marks: Vec<RawMark>, entry_count: usize) -> Result<MarkSet, Vec<(u32, u16, u16)>> {
        if !marks.windows(2).all(|w| w[0].key() <= w[1].key()) {
            marks.par_sort_unstable_by_key(RawMark::key);
        }
        let duplicates: Vec<_> = marks
            .windows(2)
            .filter(|w| w[0].key() == w[1].key())
            .map(|w| w[0].key())
            .take(MAX_REPORTED)
            .collect();
        if !duplicates.is_empty() {
            return Err(duplicates);
        }
        let mut offsets = Vec::with_capacity(entry_count + 1);
        let mut position = 0usize;
        for entry in 0..=entry_count as u32 {
            while position < marks.len() && marks[position].entry < entry {
                position += 1;
            }
            offsets.push(position as u32);
        }
        Ok(MarkSet { marks, offsets })
    }

    /// The mark's value as an exact decimal.
    pub fn value(rules: &Rules, mark: &RawMark) -> Decimal {
        let criterion = rules.slots[mark.slot as usize].criterion as usize;
        Decimal::new(mark.units, rules.criteria[criterion].range.scale)
    }
}

/// The columns of the long form, in the order `podium export` writes them.
pub const COLUMNS: [&str; 5] = ["entry", "criterion", "element", "judge", "value"];

/// Bytes read per block; blocks are parsed in parallel in batches.
const BLOCK: usize = 4 << 20;

/// Reads a marks file. Every bad row is reported (up to `MAX_REPORTED`)
/// with its line, field and what would be valid.
pub fn load(path: &Path, rules: &Rules, entries: &Entries) -> Result<MarkSet, Diagnostics> {
    let file = std::fs::File::open(path).map_err(|e| Diagnostic::new(path, "", format!("cannot read the marks file: {e}")))?;
    let mut stopwatch = crate::timings::Stopwatch::start();
    let marks = read(file, path, rules, entries)?;
    stopwatch.lap("parse");
    let set = MarkSet::from_marks(marks, entries.list.len());
    stopwatch.lap("sort");
    set.map_err(|duplicates| {
        let mut problems = Diagnostics::default();
        for (entry, slot, judge) in duplicates {
            let slot = rules.slots[slot as usize];
            let criterion = &rules.criteria[slot.criterion as usize].key;
            let element = if slot.element > 0 {
                format!(" element {}", slot.element)
            } else {
                String::new()
            };
            let judge = if judge == NO_JUDGE { "(no judge)" } else { rules.judge_id(judge) };
            problems.push(
                Diagnostic::new(
                    path,
                    "entry,criterion,element,judge",
                    format!(
                        "entry `{}` has two marks for {criterion}{element} from judge {judge}",
                        entries.list[entry as usize].id
                    ),
                )
                .help("one judge gives one mark per cell: remove or correct one of the rows"),
            );
        }
        problems
    })
}

/// Streams `input`, parsing blocks of whole lines in parallel.
pub fn read(mut input: impl Read, path: &Path, rules: &Rules, entries: &Entries) -> Result<Vec<RawMark>, Diagnostics> {
    let mut pending: Vec<u8> = Vec::new();
    let mut header: Option<Header> = None;
    let mut line = 1usize;
    let mut marks = Vec::new();
    let mut problems = Vec::new();
    let mut error_count = 0usize;
    let batch_size = rayon::current_num_threads().max(1) * 2;
    let mut eof = false;
    while !eof {
        // Gather a batch of blocks, each ending at a line end.
        let mut blocks: Vec<Vec<u8>> = Vec::with_capacity(batch_size);
        while blocks.len() < batch_size && !eof {
            let mut block = std::mem::take(&mut pending);
            let start = block.len();
            block.resize(start + BLOCK, 0);
            let mut filled = start;
            while filled < block.len() {
                let n = input
                    .read(&mut block[filled..])
                    .map_err(|e| Diagnostic::new(path, "", format!("cannot read the marks file: {e}")))?;
                if n == 0 {
                    eof = true;
                    break;
                }
                filled += n;
            }
            block.truncate(filled);
            if !eof {
                match block.iter().rposition(|&b| b == b'\n') {
                    Some(end) => pending = block.split_off(end + 1),
                    None => {
                        pending = block;
                        continue;
                    }
                }
            }
            if header.is_none() {
                let (parsed, rest) = Header::parse(path, &block)?;
                header = Some(parsed);
                block.drain(..rest);
                line += 1;
            }
            blocks.push(block);
        }
        let Some(header) = &header else {
            return Err(Diagnostic::new(path, "", "the marks file is empty")
                .help(format!("the first row names the columns: {}", COLUMNS.join(",")))
                .into());
        };
        let parsed: Vec<BlockResult> = blocks.par_iter().map(|block| parse_block(block, header, rules, entries)).collect();
        for result in parsed {
            marks.extend_from_slice(&result.marks);
            for (relative_line, problem) in result.problems {
                error_count += 1;
                if problems.len() < MAX_REPORTED {
                    problems.push(problem.into_diagnostic(path, line + relative_line, entries, rules));
                }
            }
            error_count += result.unreported;
            line += result.lines;
        }
    }
    if error_count > 0 {
        if error_count > problems.len() {
            problems.push(Diagnostic::new(
                path,
                "",
                format!("… and {} more bad rows", error_count - problems.len()),
            ));
        }
        return Err(Diagnostics(problems));
    }
    Ok(marks)
}

/// Where each column is; other columns (a time, a note) are ignored.
struct Header {
    columns: [usize; 5],
    width: usize,
}

impl Header {
    /// The five columns of a row, trimmed, in `COLUMNS` order.
    fn pick<'a>(&self, fields: &[&'a [u8]]) -> Result<[&'a [u8]; 5], RowProblem> {
        if fields.len() != self.width {
            return Err(RowProblem::Fields(fields.len(), self.width));
        }
        Ok(self.columns.map(|c| fields[c].trim_ascii()))
    }

    /// Parses the header row; returns it and the bytes it took.
    fn parse(path: &Path, block: &[u8]) -> Result<(Header, usize), Diagnostics> {
        let bom = if block.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
        let block = &block[bom..];
        let end = block.iter().position(|&b| b == b'\n').unwrap_or(block.len());
        let text = String::from_utf8_lossy(&block[..end]);
        let names: Vec<&str> = text.trim_end_matches('\r').split(',').map(str::trim).collect();
        let mut columns = [0; 5];
        for (c, column) in COLUMNS.iter().enumerate() {
            match names.iter().position(|n| n == column) {
                Some(i) => columns[c] = i,
                None => {
                    return Err(Diagnostic::new(path, *column, format!("the header has no `{column}` column"))
                        .at_line(1)
                        .help(format!("the first row names the columns: {}", COLUMNS.join(",")))
                        .into())
                }
            }
        }
        let consumed = (end + 1).min(block.len()) + bom;
        Ok((
            Header {
                columns,
                width: names.len(),
            },
            consumed,
        ))
    }
}

struct BlockResult {
    marks: Vec<RawMark>,
    /// (line within the block, problem).
    problems: Vec<(usize, RowProblem)>,
    unreported: usize,
    lines: usize,
}

/// A bad row, turned into a diagnostic only if it is reported.
enum RowProblem {
    Fields(usize, usize),
    UnknownEntry(String),
    UnknownCriterion(String),
    Element(String, usize, String),
    Judge(String, usize, String),
    Value(String, usize, String),
    Quoted,
}

impl RowProblem {
    fn into_diagnostic(self, path: &Path, line: usize, entries: &Entries, rules: &Rules) -> Diagnostic {
        let at = |field: &str, message: String| Diagnostic::new(path, field, message).at_line(line);
        match self {
            RowProblem::Fields(found, wanted) => {
                at("row", format!("this row has {found} fields but the header has {wanted}")).help("check for a missing or extra comma")
            }
            RowProblem::UnknownEntry(id) => {
                let help = if entries.list.len() <= 5000 {
                    suggest(&id, entries.list.iter().map(|e| e.id.as_str()))
                } else {
                    "check the entries file".into()
                };
                at("entry", format!("unknown entry `{id}`")).help(help)
            }
            RowProblem::UnknownCriterion(key) => at("criterion", format!("unknown criterion `{key}`")).help(format!(
                "write it as category.criterion; {}",
                suggest(&key, rules.criteria.iter().map(|c| c.key.as_str()))
            )),
            RowProblem::Element(text, criterion, why) => at("element", format!("`{text}` for {}: {why}", rules.criteria[criterion].key)),
            RowProblem::Judge(text, criterion, why) => at("judge", format!("`{text}` for {}: {why}", rules.criteria[criterion].key)),
            RowProblem::Value(text, criterion, why) => at("value", format!("`{text}` for {}: {why}", rules.criteria[criterion].key)),
            RowProblem::Quoted => at("row", "a quoted field spans lines or is not closed".into()),
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

fn parse_block(block: &[u8], header: &Header, rules: &Rules, entries: &Entries) -> BlockResult {
    let mut result = BlockResult {
        marks: Vec::with_capacity(block.len() / 24),
        problems: Vec::new(),
        unreported: 0,
        lines: 0,
    };
    // Rows of one entry come together; remembering the last lookup saves most hashing.
    let mut last_entry: (&[u8], u32) = (b"", u32::MAX);
    let criterion_keys: FxHashMap<&[u8], usize> = rules.criteria.iter().enumerate().map(|(i, c)| (c.key.as_bytes(), i)).collect();
    let judge_keys: FxHashMap<&[u8], u16> = rules.judge_index.iter().map(|(k, &v)| (k.as_bytes(), v)).collect();
    let criterion_limits: Vec<(i64, i64, i64)> = (0..rules.criteria.len()).map(|c| limits(rules, c)).collect();
    let mut fields: Vec<&[u8]> = Vec::with_capacity(header.width);
    for (relative, raw) in block.split(|&b| b == b'\n').enumerate() {
        result.lines = relative + 1;
        let row = raw.strip_suffix(b"\r").unwrap_or(raw);
        if row.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let parsed = if row.contains(&b'"') {
            // Rare: a quoted field. Its pieces are owned, so no lookup cache.
            let Some(owned) = unquote(row) else {
                push_problem(&mut result, relative, RowProblem::Quoted);
                continue;
            };
            let pieces: Vec<&[u8]> = owned.iter().map(Vec::as_slice).collect();
            let mut cache: (&[u8], u32) = (b"", u32::MAX);
            header
                .pick(&pieces)
                .and_then(|row| parse_row(row, &mut cache, entries, rules, &criterion_keys, &judge_keys, &criterion_limits))
        } else {
            fields.clear();
            fields.extend(row.split(|&b| b == b','));
            header.pick(&fields).and_then(|row| {
                parse_row(
                    row,
                    &mut last_entry,
                    entries,
                    rules,
                    &criterion_keys,
                    &judge_keys,
                    &criterion_limits,
                )
            })
        };
        match parsed {
            Ok(mark) => result.marks.push(mark),
            Err(problem) => push_problem(&mut result, relative, problem),
        }
    }
    // The block ends with '\n', so split yields one empty piece past the last line.
    if block.last() == Some(&b'\n') {
        result.lines -= 1;
    }
    result
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

#[allow(clippy::too_many_arguments)]
fn parse_row<'a>(
    [entry, criterion, element, judge, value]: [&'a [u8]; 5],
    last_entry: &mut (&'a [u8], u32),
    entries: &Entries,
    rules: &Rules,
    criterion_keys: &FxHashMap<&[u8], usize>,
    judge_keys: &FxHashMap<&[u8], u16>,
    criterion_limits: &[(i64, i64, i64)],
) -> Result<RawMark, RowProblem> {
    let entry_index = if entry == last_entry.0 {
        last_entry.1
    } else {
        let found = std::str::from_utf8(entry).ok().and_then(|id| entries.index.get(id)).copied();
        let index = found.ok_or_else(|| RowProblem::UnknownEntry(text(entry)))?;
        *last_entry = (entry, index);
        index
    };
    let c = *criterion_keys
        .get(criterion)
        .ok_or_else(|| RowProblem::UnknownCriterion(text(criterion)))?;
    let rule = &rules.criteria[c];
    let element_number = match (&rule.kind, element.is_empty()) {
        (KindRule::Formula(_), _) => {
            return Err(RowProblem::Value(
                text(value),
                c,
                "this criterion is a formula and takes no marks".into(),
            ))
        }
        (KindRule::Elements { .. }, true) => {
            return Err(RowProblem::Element(
                String::new(),
                c,
                format!("this criterion has elements: give a number from 1 to {}", rule.slot_count),
            ))
        }
        (KindRule::Elements { .. }, false) => match std::str::from_utf8(element).ok().and_then(|s| s.parse::<u8>().ok()) {
            Some(n) if n >= 1 && n <= rule.slot_count => n - 1,
            _ => {
                return Err(RowProblem::Element(
                    text(element),
                    c,
                    format!("the element is a number from 1 to {}", rule.slot_count),
                ))
            }
        },
        (_, true) => 0,
        (_, false) => {
            return Err(RowProblem::Element(
                text(element),
                c,
                "this criterion has no elements: leave the column empty".into(),
            ))
        }
    };
    let judge_index = if judge.is_empty() {
        if !rule.judges.is_empty() {
            return Err(RowProblem::Judge(
                String::new(),
                c,
                "this criterion is marked by a panel: name the judge".into(),
            ));
        }
        NO_JUDGE
    } else {
        let j = *judge_keys.get(judge).ok_or_else(|| {
            let names = rules.contest.judges.iter().map(|j| j.id.as_str());
            RowProblem::Judge(text(judge), c, format!("unknown judge; {}", suggest(&text(judge), names)))
        })?;
        if !rule.judges.is_empty() && !rule.judges.contains(&j) {
            let panel: Vec<&str> = rule.judges.iter().map(|&j| rules.judge_id(j)).collect();
            return Err(RowProblem::Judge(
                text(judge),
                c,
                format!("this judge is not on the panel ({})", panel.join(", ")),
            ));
        }
        j
    };
    let (min, max, step) = criterion_limits[c];
    let range = &rule.range;
    let units = parse_units(value, range.scale).map_err(|why| RowProblem::Value(text(value), c, why))?;
    if units < min || units > max {
        return Err(RowProblem::Value(
            text(value),
            c,
            format!("out of range: marks go from {} to {}", range.min.normalize(), range.max.normalize()),
        ));
    }
    if (units - min) % step != 0 {
        let step = range.step.unwrap_or_default().normalize();
        return Err(RowProblem::Value(
            text(value),
            c,
            format!("not on a step of {step} from {}", range.min.normalize()),
        ));
    }
    Ok(RawMark {
        units,
        entry: entry_index,
        slot: rule.first_slot + element_number as u16,
        judge: judge_index,
    })
}

/// Parses a decimal as an integer count of 10^-scale, exactly.
pub fn parse_units(bytes: &[u8], scale: u32) -> Result<i64, String> {
    let fail = || format!("not a number (write it like 8.5; no units, no thousands separators, at most {scale} decimal places)");
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
        return Err(format!("has more decimal places than the criterion's step allows ({scale})"));
    }
    let mut units: i64 = 0;
    let kept = &fraction[..fraction.len() - extra];
    for &digit in whole.iter().chain(kept) {
        units = units
            .checked_mul(10)
            .and_then(|u| u.checked_add((digit - b'0') as i64))
            .ok_or("too large".to_string())?;
    }
    for _ in kept.len()..scale as usize {
        units = units.checked_mul(10).ok_or("too large".to_string())?;
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
    use super::parse_units;

    #[test]
    fn values_parse_exactly_at_the_scale() {
        assert_eq!(parse_units(b"8.5", 1), Ok(85));
        assert_eq!(parse_units(b"8.50", 1), Ok(85));
        assert_eq!(parse_units(b"-0.25", 2), Ok(-25));
        assert_eq!(parse_units(b"7", 2), Ok(700));
        assert_eq!(parse_units(b".5", 1), Ok(5));
        assert!(parse_units(b"8.55", 1).unwrap_err().contains("decimal places"));
        assert!(parse_units(b"8,5", 1).is_err());
        assert!(parse_units(b"", 1).is_err());
        assert!(parse_units(b"1e3", 1).is_err());
        assert!(parse_units(b"99999999999999999999", 0).unwrap_err().contains("too large"));
    }
}
