//! The hash chain over the log: each record's hash is SHA-256 of the
//! previous record's hash and the record's own fields, each length-prefixed
//! so no two different records encode alike. The head (last sequence
//! number and hash) is kept in `meta` in the same transaction, so records
//! removed from the end are noticed too.

use super::cells::{text_at, CellKey, EntryCells};
use super::Cell;
use crate::msg;
use compact_str::CompactString;
use rusqlite::{params, Connection, OptionalExtension};
use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};

/// One record of the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub seq: i64,
    pub kind: String,
    pub cell: Cell,
    pub value: String,
    pub replaces: Option<i64>,
    pub reason: String,
    pub actor: String,
    pub at: String,
    pub source: String,
    pub hash: Vec<u8>,
}

/// Something `verify` found wrong, naming the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tamper {
    /// The record's contents or hash do not match the chain: it was edited,
    /// or inserted behind podium's back.
    Changed { seq: i64 },
    /// Records are missing between these two.
    Removed { after: i64, before: i64 },
    /// The last records were removed: the log ends before the head podium wrote.
    Truncated { last: i64, head: i64 },
    /// Records were added after the head podium wrote.
    Appended { head: i64, last: i64 },
    /// The current mark of a cell does not match the log.
    Current { cell: Cell },
    /// An entry's current marks are not in podium's encoding.
    Unreadable { entry: String },
}

impl std::fmt::Display for Tamper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Tamper::Changed { seq } => write!(f, "{}", msg!("tamper-changed", seq = seq)),
            Tamper::Removed { after, before } => write!(f, "{}", msg!("tamper-removed", after = after, before = before)),
            Tamper::Truncated { last, head } => write!(f, "{}", msg!("tamper-truncated", last = last, head = head)),
            Tamper::Appended { head, last } => write!(f, "{}", msg!("tamper-appended", first = head + 1, last = last, head = head)),
            Tamper::Current { cell } => write!(
                f,
                "{}",
                msg!(
                    "tamper-current",
                    entry = cell.entry,
                    criterion = cell.criterion,
                    element = cell.element,
                    judge = cell.judge
                )
            ),
            Tamper::Unreadable { entry } => write!(f, "{}", msg!("tamper-unreadable", entry = entry)),
        }
    }
}

const GENESIS: [u8; 32] = [0; 32];

/// Who entered a batch of records, when and how; every record's hash covers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchHeader {
    pub actor: String,
    pub at: String,
    pub source: String,
}

/// The fields of a record that its hash covers.
pub struct RecordFields<'a> {
    pub seq: i64,
    pub kind: &'a str,
    pub cell: &'a Cell,
    pub value: &'a str,
    pub replaces: Option<i64>,
    pub reason: &'a str,
    pub batch: &'a BatchHeader,
}

impl Record {
    fn header(&self) -> BatchHeader {
        BatchHeader {
            actor: self.actor.clone(),
            at: self.at.clone(),
            source: self.source.clone(),
        }
    }

    fn fields<'a>(&'a self, batch: &'a BatchHeader) -> RecordFields<'a> {
        RecordFields {
            seq: self.seq,
            kind: &self.kind,
            cell: &self.cell,
            value: &self.value,
            replaces: self.replaces,
            reason: &self.reason,
            batch,
        }
    }
}

/// The hashes records will have if each is the first mark of a cell,
/// appended in order after a batch's last record. An import works them out
/// on the thread that reads the file while the rows before are stored:
/// hashing is a tenth of storing a mark. See `Batch::forecast`.
#[derive(Debug, Clone)]
pub struct Forecast {
    seq: i64,
    previous: Vec<u8>,
    batch: BatchHeader,
}

/// A record's hash worked out ahead.
#[derive(Debug, Clone, Copy)]
pub struct Forecasted {
    pub(super) seq: i64,
    pub(super) hash: [u8; 32],
}

impl Forecast {
    pub(super) fn new(seq: i64, previous: &[u8], batch: &BatchHeader) -> Forecast {
        Forecast {
            seq,
            previous: previous.to_vec(),
            batch: batch.clone(),
        }
    }

    /// The next record's hash, if it is the first mark of `cell`, `value`;
    /// the record after is then forecast to follow it.
    pub fn first_mark(&mut self, cell: &Cell, value: &str) -> Forecasted {
        let seq = self.seq + 1;
        let fields = RecordFields {
            seq,
            kind: "mark",
            cell,
            value,
            replaces: None,
            reason: "",
            batch: &self.batch,
        };
        let hash = hash(&self.previous, &fields);
        self.seq = seq;
        self.previous.clear();
        self.previous.extend_from_slice(&hash);
        Forecasted { seq, hash }
    }
}

pub fn hash(previous: &[u8], record: &RecordFields) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(previous);
    hasher.update(record.seq.to_le_bytes());
    for text in [
        record.kind,
        &record.cell.entry,
        &record.cell.criterion,
        &record.cell.judge,
        record.value,
        record.reason,
        &record.batch.actor,
        &record.batch.at,
        &record.batch.source,
    ] {
        hasher.update((text.len() as u32).to_le_bytes());
        hasher.update(text.as_bytes());
    }
    hasher.update([record.cell.element]);
    match record.replaces {
        Some(seq) => {
            hasher.update([1]);
            hasher.update(seq.to_le_bytes());
        }
        None => hasher.update([0]),
    }
    hasher.finalize().into()
}

/// The last sequence number and hash podium wrote.
pub fn head(connection: &Connection) -> rusqlite::Result<(i64, Vec<u8>)> {
    let get = |key: &str| -> rusqlite::Result<Option<String>> {
        connection
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| row.get(0))
            .optional()
    };
    let seq = get("head_seq")?.and_then(|s| s.parse().ok()).unwrap_or(0);
    let hash = get("head_hash")?.and_then(|h| hex_decode(&h)).unwrap_or_else(|| GENESIS.to_vec());
    Ok((seq, hash))
}

pub fn set_head(connection: &Connection, seq: i64, hash: &[u8]) -> rusqlite::Result<()> {
    let mut set = connection
        .prepare_cached("INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")?;
    set.execute(params!["head_seq", seq.to_string()])?;
    set.execute(params!["head_hash", hex(hash)])?;
    Ok(())
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn hex_decode(text: &str) -> Option<Vec<u8>> {
    (0..text.len())
        .step_by(2)
        .map(|i| text.get(i..i + 2).and_then(|b| u8::from_str_radix(b, 16).ok()))
        .collect()
}

fn read(row: &rusqlite::Row) -> rusqlite::Result<Record> {
    Ok(Record {
        seq: row.get(0)?,
        kind: row.get(1)?,
        cell: Cell {
            entry: row.get(2)?,
            criterion: row.get(3)?,
            element: row.get(4)?,
            judge: row.get(5)?,
        },
        value: row.get(6)?,
        replaces: row.get(7)?,
        reason: row.get(8)?,
        // A record whose batch is gone reads as an empty batch, so its hash fails.
        actor: row.get::<_, Option<String>>(9)?.unwrap_or_default(),
        at: row.get::<_, Option<String>>(10)?.unwrap_or_default(),
        source: row.get::<_, Option<String>>(11)?.unwrap_or_default(),
        hash: row.get(12)?,
    })
}

const COLUMNS: &str = "seq, kind, entry, criterion, element, judge, value, replaces, reason, actor, at, source, hash";
const FROM: &str = "log LEFT JOIN batches ON batches.id = log.batch";

/// Records matching the filters (None matches all), oldest first.
pub fn records(
    connection: &Connection,
    entry: Option<&str>,
    criterion: Option<&str>,
    judge: Option<&str>,
) -> rusqlite::Result<Vec<Record>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE (?1 IS NULL OR entry = ?1) AND (?2 IS NULL OR criterion = ?2) AND (?3 IS NULL OR judge = ?3) ORDER BY seq"
    );
    let mut query = connection.prepare(&sql)?;
    let rows = query.query_map(params![entry, criterion, judge], read)?;
    rows.collect()
}

/// Walks the whole log; returns how many records it holds and what is wrong.
pub fn verify(connection: &Connection) -> rusqlite::Result<(usize, Vec<Tamper>)> {
    let mut problems = Vec::new();
    let mut query = connection.prepare(&format!("SELECT {COLUMNS} FROM {FROM} ORDER BY seq"))?;
    let mut rows = query.query([])?;
    let (mut last, mut previous) = (0i64, GENESIS.to_vec());
    let mut count = 0;
    while let Some(row) = rows.next()? {
        let record = read(row)?;
        count += 1;
        if record.seq != last + 1 {
            problems.push(Tamper::Removed {
                after: last,
                before: record.seq,
            });
        }
        let header = record.header();
        if hash(&previous, &record.fields(&header)).as_slice() != record.hash {
            problems.push(Tamper::Changed { seq: record.seq });
        }
        // Go on from the stored hash, so one bad record is named once.
        previous = record.hash;
        last = record.seq;
    }
    let (head, _) = head(connection)?;
    if last < head {
        problems.push(Tamper::Truncated { last, head });
    } else if last > head {
        problems.push(Tamper::Appended { head, last });
    }
    problems.extend(current_mismatches(connection)?);
    Ok((count, problems))
}

/// What a cell's current mark must be: (value, seq, first, confirmed).
type Expected = FxHashMap<CellKey, (CompactString, i64, i64, Option<i64>)>;

/// Cells whose current mark is not what the log says it is, entry by entry:
/// the log's latest mark record of each cell (and its confirmation) against
/// the stored current marks. At most `MAX_REPORTED` are named.
fn current_mismatches(connection: &Connection) -> rusqlite::Result<Vec<Tamper>> {
    let sql = "
        WITH latest AS (
            SELECT max(seq) AS seq, min(seq) AS first FROM log WHERE kind = 'mark' GROUP BY entry, criterion, element, judge
        ),
        confirmations AS (
            SELECT replaces AS seq, max(seq) AS confirmed FROM log WHERE kind = 'confirm' GROUP BY replaces
        )
        SELECT l.entry, l.criterion, l.element, l.judge, l.value, l.seq, latest.first, c.confirmed
        FROM latest JOIN log l ON l.seq = latest.seq LEFT JOIN confirmations c ON c.seq = latest.seq
        ORDER BY l.entry";
    let mut stored = connection.prepare("SELECT cells FROM current_by_entry WHERE entry = ?1")?;
    let mut compare = |entry: &str, expected: &Expected, problems: &mut Vec<Tamper>| -> rusqlite::Result<()> {
        let bytes: Option<Vec<u8>> = stored.query_row([entry], |row| row.get(0)).optional()?;
        let cells = match bytes.map(|b| EntryCells::decode(&b)) {
            Some(None) => {
                problems.push(Tamper::Unreadable { entry: entry.into() });
                return Ok(());
            }
            Some(Some(cells)) => cells,
            None => EntryCells::default(),
        };
        problems.extend(differences(entry, expected, &cells));
        Ok(())
    };
    let mut problems = Vec::new();
    let mut seen = rustc_hash::FxHashSet::default();
    let (mut entry, mut expected) = (String::new(), Expected::default());
    let mut query = connection.prepare(sql)?;
    let mut rows = query.query([])?;
    while let Some(row) = rows.next()? {
        let (cell_entry, key) = (
            row.get_ref(0)?.as_str()?,
            CellKey {
                criterion: text_at(row, 1)?,
                element: row.get(2)?,
                judge: text_at(row, 3)?,
            },
        );
        if cell_entry != entry {
            if !expected.is_empty() {
                compare(&entry, &expected, &mut problems)?;
            }
            entry = cell_entry.to_string();
            seen.insert(entry.clone());
            expected.clear();
        }
        expected.insert(key, (text_at(row, 4)?, row.get(5)?, row.get(6)?, row.get(7)?));
    }
    if !expected.is_empty() {
        compare(&entry, &expected, &mut problems)?;
    }
    // Entries with current marks but no mark in the log.
    let mut all = connection.prepare("SELECT entry FROM current_by_entry")?;
    let unseen: Vec<String> = all
        .query_map([], |row| row.get(0))?
        .filter(|e| e.as_ref().map_or(true, |e| !seen.contains(e)))
        .collect::<rusqlite::Result<_>>()?;
    for entry in unseen {
        compare(&entry, &Expected::default(), &mut problems)?;
    }
    problems.truncate(MAX_REPORTED);
    Ok(problems)
}

/// At most this many problems with the current marks are named.
const MAX_REPORTED: usize = 1000;

/// The cells of an entry whose stored current mark is not the expected one.
fn differences(entry: &str, expected: &Expected, stored: &EntryCells) -> Vec<Tamper> {
    let mut keys: Vec<&CellKey> = expected.keys().chain(stored.0.keys()).collect();
    keys.sort_unstable();
    keys.dedup();
    keys.into_iter()
        .filter(|key| {
            let want = expected.get(*key);
            let have = stored.0.get(*key).map(|m| (&m.value, m.seq, m.first, m.confirmed));
            want.map(|(value, seq, first, confirmed)| (value, *seq, *first, *confirmed)) != have
        })
        .map(|key| Tamper::Current { cell: key.in_entry(entry) })
        .collect()
}
