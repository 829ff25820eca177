//! The current marks of one entry, stored as one row of `current_by_entry`:
//! every cell of the entry that has a mark, with its value now. One row
//! per entry rather than per cell because a bulk import then writes each
//! entry once instead of one B-tree row per mark (that row was a third of
//! an import's time). The rows are derived from the log in the same
//! transaction; `verify` derives them again and compares.
//!
//! The encoding is a format byte, then per cell, in the order the cells
//! were first marked: criterion, element, judge, value, seq, first and
//! confirmed (0 for none), texts length-prefixed, numbers as LEB128.

use super::Cell;
use hashbrown::{Equivalent, HashMap};
use rustc_hash::FxBuildHasher;

/// A cell within its entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellKey {
    pub criterion: String,
    pub element: u8,
    pub judge: String,
}

impl CellKey {
    pub fn of(cell: &Cell) -> CellKey {
        CellKey {
            criterion: cell.criterion.clone(),
            element: cell.element,
            judge: cell.judge.clone(),
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
            criterion: self.criterion.clone(),
            element: self.element,
            judge: self.judge.clone(),
        }
    }
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
    pub value: String,
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

const FORMAT: u8 = 1;

impl EntryCells {
    /// The cells in the order they were first marked.
    pub fn in_entered_order(&self) -> Vec<(&CellKey, &CellMark)> {
        let mut cells: Vec<_> = self.0.iter().collect();
        cells.sort_unstable_by_key(|(_, mark)| mark.first);
        cells
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(1 + self.0.len() * 32);
        bytes.push(FORMAT);
        for (key, mark) in self.in_entered_order() {
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

    /// None if the bytes are not an encoding (edited outside podium).
    pub fn decode(bytes: &[u8]) -> Option<EntryCells> {
        let (&format, mut rest) = bytes.split_first()?;
        if format != FORMAT {
            return None;
        }
        let mut cells = HashMap::default();
        while !rest.is_empty() {
            let criterion = take_text(&mut rest)?;
            let (&element, after) = rest.split_first()?;
            rest = after;
            let key = CellKey {
                criterion,
                element,
                judge: take_text(&mut rest)?,
            };
            let value = take_text(&mut rest)?;
            let [seq, first, confirmed] = [(); 3].map(|_| take_number(&mut rest).and_then(|n| i64::try_from(n).ok()));
            let mark = CellMark {
                value,
                seq: seq?,
                first: first?,
                confirmed: Some(confirmed?).filter(|&c| c != 0),
            };
            if cells.insert(key, mark).is_some() {
                return None;
            }
        }
        Some(EntryCells(cells))
    }
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

fn take_text(rest: &mut &[u8]) -> Option<String> {
    let len = usize::try_from(take_number(rest)?).ok()?;
    if len > rest.len() {
        return None;
    }
    let (text, after) = rest.split_at(len);
    *rest = after;
    String::from_utf8(text.to_vec()).ok()
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
        assert_eq!(EntryCells::decode(&[FORMAT]), Some(EntryCells::default()));
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
        other_format[0] = 2;
        assert_eq!(EntryCells::decode(&other_format), None);
        let twice = [bytes.clone(), bytes[1..].to_vec()].concat();
        assert_eq!(EntryCells::decode(&twice), None, "a cell stored twice");
    }
}
