//! The current marks of one entry, stored as one row of `current_by_entry`:
//! every cell of the entry that has a mark, with its value now. One row
//! per entry rather than per cell because a bulk import then writes each
//! entry once instead of one B-tree row per mark (that row was a third of
//! an import's time). The rows are derived from the log in the same
//! transaction; `verify` derives them again and compares.
//!
//! The encoding (format 2) is a format byte, then the entry's texts once
//! each (criteria, judges, values; a count, then each length-prefixed),
//! then per cell, in the order the cells were first marked: the numbers of
//! its criterion, element, judge and value texts, its first record (as the
//! step from the cell before), its record now (as the step from its first)
//! and the confirming record (0 for none, else 1 + the step from its record
//! now). Numbers are LEB128, steps zigzag-signed. An entry's 100 cells
//! take about 10 bytes each, a third of format 1 (below, still read),
//! which wrote every text and record number out in full per cell: at 10M
//! marks the store is a sixth smaller and an import writes that much less.

use super::Cell;
use compact_str::CompactString;
use hashbrown::{Equivalent, HashMap};
use rustc_hash::{FxBuildHasher, FxHashMap};

/// A cell within its entry. Its texts, and its mark's value, are kept
/// inline when short (up to 24 bytes, as criteria, judges and values are):
/// an import sets millions of them, and allocating each was a tenth of
/// storing a mark.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellKey {
    pub criterion: CompactString,
    pub element: u8,
    pub judge: CompactString,
}

impl CellKey {
    pub fn of(cell: &Cell) -> CellKey {
        CellKey {
            criterion: cell.criterion.as_str().into(),
            element: cell.element,
            judge: cell.judge.as_str().into(),
        }
    }

    /// The key of a cell, borrowed: to look a cell up without copying its texts.
    pub fn of_ref(cell: &Cell) -> CellRef<'_> {
        CellRef {
            criterion: &cell.criterion,
            element: cell.element,
            judge: &cell.judge,
        }
    }

    pub fn in_entry(&self, entry: &str) -> Cell {
        Cell {
            entry: entry.into(),
            criterion: self.criterion.to_string(),
            element: self.element,
            judge: self.judge.to_string(),
        }
    }
}

/// A text column of a row, kept inline when short.
pub fn text_at(row: &rusqlite::Row, column: usize) -> rusqlite::Result<CompactString> {
    Ok(row.get_ref(column)?.as_str()?.into())
}

/// A `CellKey` borrowed; hashes as the key does (same fields, same order).
#[derive(Hash)]
pub struct CellRef<'a> {
    criterion: &'a str,
    element: u8,
    judge: &'a str,
}

impl Equivalent<CellKey> for CellRef<'_> {
    fn equivalent(&self, key: &CellKey) -> bool {
        self.criterion == key.criterion && self.element == key.element && self.judge == key.judge
    }
}

/// A cell's mark now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellMark {
    pub value: CompactString,
    /// The record that set the value.
    pub seq: i64,
    /// The cell's first record: the order cells were entered in.
    pub first: i64,
    /// The record confirming the value (double entry), if any.
    pub confirmed: Option<i64>,
}

/// One entry's current marks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntryCells(pub HashMap<CellKey, CellMark, FxBuildHasher>);

const FORMAT: u8 = 2;
/// Texts and numbers in full per cell: stores of layout 2 have it.
const FORMAT_1: u8 = 1;

impl EntryCells {
    /// The cells in the order they were first marked.
    pub fn in_entered_order(&self) -> Vec<(&CellKey, &CellMark)> {
        let mut cells: Vec<_> = self.0.iter().collect();
        cells.sort_unstable_by_key(|(_, mark)| mark.first);
        cells
    }

    pub fn encode(&self) -> Vec<u8> {
        let cells = self.in_entered_order();
        let mut texts = Texts::default();
        let mut body = Vec::with_capacity(cells.len() * 8);
        let mut previous_first = 0;
        for (key, mark) in &cells {
            put_number(&mut body, texts.number(&key.criterion));
            body.push(key.element);
            put_number(&mut body, texts.number(&key.judge));
            put_number(&mut body, texts.number(&mark.value));
            put_step(&mut body, previous_first, mark.first);
            put_step(&mut body, mark.first, mark.seq);
            match mark.confirmed {
                None => body.push(0),
                Some(confirmed) => put_number(&mut body, 1 + zigzag(confirmed.wrapping_sub(mark.seq))),
            }
            previous_first = mark.first;
        }
        let texts = texts.in_order;
        let mut bytes = Vec::with_capacity(2 + texts.iter().map(|t| 1 + t.len()).sum::<usize>() + body.len());
        bytes.push(FORMAT);
        put_number(&mut bytes, texts.len() as u64);
        for text in &texts {
            put_text(&mut bytes, text);
        }
        bytes.extend_from_slice(&body);
        bytes
    }

    /// Adds a decoded cell; None if the cell is there already (bytes edited).
    fn add(&mut self, key: CellKey, mark: CellMark) -> Option<()> {
        self.0.insert(key, mark).is_none().then_some(())
    }

    /// None if the bytes are not an encoding (edited outside podium).
    pub fn decode(bytes: &[u8]) -> Option<EntryCells> {
        match bytes.split_first()? {
            (&FORMAT, rest) => decode_format_2(rest),
            (&FORMAT_1, rest) => decode_format_1(rest),
            _ => None,
        }
    }
}

/// A cell as read straight from its encoding: borrowed text, nothing made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredCell<'a> {
    pub criterion: &'a str,
    pub element: u8,
    pub judge: &'a str,
    pub value: &'a str,
    pub confirmed: bool,
}

impl EntryCells {
    /// The cells as borrowed text, in no particular order.
    pub fn refs(&self) -> Vec<StoredCell<'_>> {
        self.0
            .iter()
            .map(|(key, mark)| StoredCell {
                criterion: &key.criterion,
                element: key.element,
                judge: &key.judge,
                value: &mark.value,
                confirmed: mark.confirmed.is_some(),
            })
            .collect()
    }
}

/// The cells of an encoding of the current format, borrowed from it, with
/// no map built (reading every mark wants only them); None if the bytes
/// are of another format or damaged.
pub fn refs_of(bytes: &[u8]) -> Option<Vec<StoredCell<'_>>> {
    let (&FORMAT, mut rest) = bytes.split_first()? else {
        return None;
    };
    let count = usize::try_from(take_number(&mut rest)?).ok()?;
    let texts: Vec<&str> = (0..count.min(rest.len())).map(|_| take_str(&mut rest)).collect::<Option<_>>()?;
    if texts.len() != count {
        return None;
    }
    let text = |rest: &mut &[u8]| texts.get(usize::try_from(take_number(rest)?).ok()?).copied();
    let mut cells = Vec::new();
    let mut previous_first = 0;
    while !rest.is_empty() {
        let criterion = text(&mut rest)?;
        let (&element, after) = rest.split_first()?;
        rest = after;
        let judge = text(&mut rest)?;
        let value = text(&mut rest)?;
        let first = take_step(&mut rest, previous_first)?;
        // The record that set it: not wanted here, but read past.
        take_step(&mut rest, first)?;
        let confirmed = take_number(&mut rest)? != 0;
        previous_first = first;
        cells.push(StoredCell {
            criterion,
            element,
            judge,
            value,
            confirmed,
        });
    }
    Some(cells)
}

/// An entry's texts, each numbered once in the order first used.
#[derive(Default)]
struct Texts<'a> {
    in_order: Vec<&'a str>,
    numbers: FxHashMap<&'a str, u64>,
}

impl<'a> Texts<'a> {
    fn number(&mut self, text: &'a str) -> u64 {
        *self.numbers.entry(text).or_insert_with(|| {
            self.in_order.push(text);
            self.in_order.len() as u64 - 1
        })
    }
}

fn decode_format_2(mut rest: &[u8]) -> Option<EntryCells> {
    let count = usize::try_from(take_number(&mut rest)?).ok()?;
    // Each text takes at least its length byte: a damaged count cannot ask for more.
    let texts: Vec<CompactString> = (0..count.min(rest.len())).map(|_| take_text(&mut rest)).collect::<Option<_>>()?;
    if texts.len() != count {
        return None;
    }
    let mut text = |rest: &mut &[u8]| texts.get(usize::try_from(take_number(rest)?).ok()?).cloned();
    let mut cells = EntryCells::default();
    let mut previous_first = 0;
    while !rest.is_empty() {
        let (key, value) = take_cell(&mut rest, &mut text)?;
        let first = take_step(&mut rest, previous_first)?;
        let seq = take_step(&mut rest, first)?;
        let confirmed = match take_number(&mut rest)? {
            0 => None,
            n => Some(seq.checked_add(unzigzag(n - 1))?),
        };
        previous_first = first;
        cells.add(
            key,
            CellMark {
                value,
                seq,
                first,
                confirmed,
            },
        )?;
    }
    Some(cells)
}

/// A cell's key and value, its texts read by `text`.
fn take_cell(rest: &mut &[u8], text: &mut impl FnMut(&mut &[u8]) -> Option<CompactString>) -> Option<(CellKey, CompactString)> {
    let criterion = text(rest)?;
    let (&element, after) = rest.split_first()?;
    *rest = after;
    let judge = text(rest)?;
    let key = CellKey { criterion, element, judge };
    Some((key, text(rest)?))
}

/// Format 1, for tests of stores that hold it.
#[cfg(test)]
pub fn encode_format_1(cells: &EntryCells) -> Vec<u8> {
    let mut bytes = vec![FORMAT_1];
    for (key, mark) in cells.in_entered_order() {
        put_text(&mut bytes, &key.criterion);
        bytes.push(key.element);
        put_text(&mut bytes, &key.judge);
        put_text(&mut bytes, &mark.value);
        for number in [mark.seq, mark.first, mark.confirmed.unwrap_or(0)] {
            put_number(&mut bytes, number as u64);
        }
    }
    bytes
}

fn decode_format_1(mut rest: &[u8]) -> Option<EntryCells> {
    let mut cells = EntryCells::default();
    while !rest.is_empty() {
        let (key, value) = take_cell(&mut rest, &mut take_text)?;
        let [seq, first, confirmed] = [(); 3].map(|_| take_number(&mut rest).and_then(|n| i64::try_from(n).ok()));
        let mark = CellMark {
            value,
            seq: seq?,
            first: first?,
            confirmed: Some(confirmed?).filter(|&c| c != 0),
        };
        cells.add(key, mark)?;
    }
    Some(cells)
}

/// A signed number as an unsigned one, small either side of zero.
fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

fn unzigzag(n: u64) -> i64 {
    (n >> 1) as i64 ^ -((n & 1) as i64)
}

/// `to` as the step from `from`.
fn put_step(bytes: &mut Vec<u8>, from: i64, to: i64) {
    put_number(bytes, zigzag(to.wrapping_sub(from)));
}

fn take_step(rest: &mut &[u8], from: i64) -> Option<i64> {
    from.checked_add(unzigzag(take_number(rest)?))
}

fn put_number(bytes: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        bytes.push(n as u8 | 0x80);
        n >>= 7;
    }
    bytes.push(n as u8);
}

fn put_text(bytes: &mut Vec<u8>, text: &str) {
    put_number(bytes, text.len() as u64);
    bytes.extend_from_slice(text.as_bytes());
}

fn take_number(rest: &mut &[u8]) -> Option<u64> {
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let (&byte, after) = rest.split_first()?;
        *rest = after;
        n |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(n);
        }
    }
    None
}

fn take_text(rest: &mut &[u8]) -> Option<CompactString> {
    take_str(rest).map(CompactString::from)
}

fn take_str<'a>(rest: &mut &'a [u8]) -> Option<&'a str> {
    let len = usize::try_from(take_number(rest)?).ok()?;
    if len > rest.len() {
        return None;
    }
    let (text, after) = rest.split_at(len);
    *rest = after;
    std::str::from_utf8(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells() -> EntryCells {
        let mut cells = EntryCells::default();
        for (i, (criterion, element, judge, value)) in [("quality.c01", 0, "J1", "7.5"), ("质量", 3, "评委2", "10"), ("s", 0, "", "")]
            .into_iter()
            .enumerate()
        {
            let key = CellKey {
                criterion: criterion.into(),
                element,
                judge: judge.into(),
            };
            let seq = 300 - i as i64 * 100;
            let confirmed = (i == 1).then_some(1 << 40);
            cells.0.insert(
                key,
                CellMark {
                    value: value.into(),
                    seq: seq + 1,
                    first: seq,
                    confirmed,
                },
            );
        }
        cells
    }

    #[test]
    fn decoding_gives_back_what_was_encoded() {
        let cells = cells();
        let bytes = cells.encode();
        assert_eq!(EntryCells::decode(&bytes), Some(cells.clone()));
        let order: Vec<i64> = cells.in_entered_order().iter().map(|(_, m)| m.first).collect();
        assert_eq!(order, [100, 200, 300]);
        assert_eq!(EntryCells::decode(&EntryCells::default().encode()), Some(EntryCells::default()));
        assert_eq!(EntryCells::decode(&[FORMAT]), None, "no count of texts");
    }

    #[test]
    fn cells_read_in_place_are_the_cells_decoded() {
        let cells = cells();
        let bytes = cells.encode();
        let mut read = refs_of(&bytes).expect("the current format");
        let mut decoded = cells.refs();
        let order = |c: &StoredCell| (c.criterion.to_string(), c.element, c.judge.to_string());
        read.sort_by_key(order);
        decoded.sort_by_key(order);
        assert_eq!(read, decoded);
        assert_eq!(read.iter().filter(|c| c.confirmed).count(), 1);
        // Cut short, the bytes give nothing, or only whole cells as they were.
        for cut in 0..bytes.len() {
            if let Some(some) = refs_of(&bytes[..cut]) {
                assert!(
                    some.len() < decoded.len() && some.iter().all(|c| decoded.contains(c)),
                    "cut at {cut}"
                );
            }
        }
        assert_eq!(refs_of(&encode_format_1(&cells)), None, "format 1 goes through `decode`");
    }

    #[test]
    fn damaged_bytes_are_refused_not_misread() {
        let (cells, bytes) = (cells(), cells().encode());
        // Cut short, the bytes give nothing or some of the cells (whole), never a wrong value.
        for cut in 0..bytes.len() {
            if let Some(some) = EntryCells::decode(&bytes[..cut]) {
                assert!(some.0.len() < cells.0.len(), "cut at {cut}");
                assert!(some.0.iter().all(|(key, mark)| cells.0.get(key) == Some(mark)), "cut at {cut}");
            }
        }
        assert_eq!(EntryCells::decode(&bytes[..bytes.len() - 1]), None);
        let mut other_format = bytes.clone();
        other_format[0] = 3;
        assert_eq!(EntryCells::decode(&other_format), None);
        // One cell: format, 3 texts (q, J, 1), then its body from byte 8.
        let mut one = EntryCells::default();
        let key = CellKey {
            criterion: "q".into(),
            element: 0,
            judge: "J".into(),
        };
        one.0.insert(
            key,
            CellMark {
                value: "1".into(),
                seq: 9,
                first: 9,
                confirmed: None,
            },
        );
        let bytes = one.encode();
        assert_eq!(bytes[..8], [FORMAT, 3, 1, b'q', 1, b'J', 1, b'1']);
        let mut text_out_of_range = bytes.clone();
        text_out_of_range[8] = 3;
        assert_eq!(EntryCells::decode(&text_out_of_range), None, "a text number past the texts");
        let twice = [&bytes[..], &bytes[8..]].concat();
        assert_eq!(EntryCells::decode(&twice), None, "a cell stored twice");
    }

    /// Stores of layout 2 hold format 1: texts and numbers in full per cell.
    #[test]
    fn format_1_is_still_read() {
        let bytes = [
            [1].as_slice(),
            &[1, b'q', 0, 2, b'J', b'1', 3, b'7', b'.', b'5', 0xC8, 0x01, 0x96, 0x01, 0x00],
            &[1, b'q', 1, 2, b'J', b'1', 1, b'8', 0xA0, 0x01, 0xA0, 0x01, 0xAC, 0x02],
        ]
        .concat();
        let cells = EntryCells::decode(&bytes).expect("format 1");
        assert_eq!(encode_format_1(&cells), bytes);
        let mark = |element| {
            &cells.0[&CellKey {
                criterion: "q".into(),
                element,
                judge: "J1".into(),
            }]
        };
        assert_eq!(
            *mark(0),
            CellMark {
                value: "7.5".into(),
                seq: 200,
                first: 150,
                confirmed: None
            }
        );
        assert_eq!(
            *mark(1),
            CellMark {
                value: "8".into(),
                seq: 160,
                first: 160,
                confirmed: Some(300)
            }
        );
        assert_eq!(
            EntryCells::decode(&cells.encode()),
            Some(cells.clone()),
            "written again in this format"
        );
    }

    /// The province benchmark's entries: 20 criteria, 5 judges, marked in a row.
    #[test]
    fn an_entry_of_a_hundred_cells_takes_about_ten_bytes_a_cell() {
        let mut cells = EntryCells::default();
        for (i, (criterion, judge)) in (1..=20).flat_map(|c| (1..=5).map(move |j| (c, j))).enumerate() {
            let key = CellKey {
                criterion: format!("quality.c{criterion:02}").into(),
                element: 0,
                judge: format!("J{judge}").into(),
            };
            let seq = 9_000_000 + i as i64;
            cells.0.insert(
                key,
                CellMark {
                    value: ["7", "7.5", "8", "8.5"][i % 4].into(),
                    seq,
                    first: seq,
                    confirmed: None,
                },
            );
        }
        let bytes = cells.encode();
        assert!(bytes.len() <= 1_000, "{} bytes", bytes.len());
        assert_eq!(EntryCells::decode(&bytes), Some(cells));
    }
}
