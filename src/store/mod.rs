//! The mark store: an embedded SQLite database beside the contest.
//!
//! - `log` is append-only: every mark and every correction is a new record
//!   naming the one it replaces and why; its batch (in `batches`) says who
//!   entered it, when, and how (`podium mark`, `podium import FILE`). Triggers
//!   refuse UPDATE and DELETE; each record carries a SHA-256 hash chained to
//!   the previous record's, so an edit, removal or insertion made behind
//!   podium's back breaks the chain and `verify` names the record.
//! - `current` holds each cell's latest value. It is derived from the log
//!   in the same transaction, so scoring reads it directly; `verify` also
//!   checks it against the log.
//! - WAL journal with `synchronous = FULL`: when `append` returns, the
//!   records are on disk. A transaction is all or nothing.

mod chain;

pub use chain::{hex, Record, Tamper};

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The store's file name beside `contest.ron`, unless the contest names another.
pub const STORE_FILE: &str = "marks.db";

/// The layout of the tables below; a store of another layout is refused.
const SCHEMA_VERSION: &str = "1";

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS batches (
    id INTEGER PRIMARY KEY,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS log (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    entry TEXT NOT NULL,
    criterion TEXT NOT NULL,
    element INTEGER NOT NULL,
    judge TEXT NOT NULL,
    value TEXT NOT NULL,
    replaces INTEGER,
    reason TEXT NOT NULL,
    batch INTEGER NOT NULL REFERENCES batches (id),
    hash BLOB NOT NULL
);
CREATE TRIGGER IF NOT EXISTS batches_are_append_only_update BEFORE UPDATE ON batches
BEGIN SELECT RAISE(ABORT, 'the mark log is append-only: correct a mark with a new record'); END;
CREATE TRIGGER IF NOT EXISTS log_is_append_only_update BEFORE UPDATE ON log
BEGIN SELECT RAISE(ABORT, 'the mark log is append-only: correct a mark with a new record'); END;
CREATE TRIGGER IF NOT EXISTS log_is_append_only_delete BEFORE DELETE ON log
BEGIN SELECT RAISE(ABORT, 'the mark log is append-only: correct a mark with a new record'); END;
CREATE TABLE IF NOT EXISTS current (
    entry TEXT NOT NULL,
    criterion TEXT NOT NULL,
    element INTEGER NOT NULL,
    judge TEXT NOT NULL,
    value TEXT NOT NULL,
    seq INTEGER NOT NULL,
    first INTEGER NOT NULL,
    confirmed INTEGER,
    PRIMARY KEY (entry, criterion, element, judge)
) WITHOUT ROWID;
";

/// One cell: who marked what (element 0 when the criterion has none; judge
/// empty for a record without a judge).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cell {
    pub entry: String,
    pub criterion: String,
    pub element: u8,
    pub judge: String,
}

/// Lock, unlock and publish records, found without reading every mark.
const STATE_INDEX: &str = "CREATE INDEX IF NOT EXISTS log_state ON log (seq) WHERE kind IN ('lock', 'unlock', 'publish');";

/// A cell's current mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Current {
    pub value: String,
    pub seq: i64,
    /// Who entered it.
    pub by: String,
    /// The record confirming it (double entry), if any.
    pub confirmed: Option<i64>,
}

/// The current mark of a cell, with who entered it.
const CURRENT_OF: &str =
    "SELECT c.value, c.seq, b.actor, c.confirmed FROM current c JOIN log l ON l.seq = c.seq JOIN batches b ON b.id = l.batch
     WHERE c.entry = ?1 AND c.criterion = ?2 AND c.element = ?3 AND c.judge = ?4";

fn read_current(row: &rusqlite::Row) -> rusqlite::Result<Current> {
    Ok(Current {
        value: row.get(0)?,
        seq: row.get(1)?,
        by: row.get(2)?,
        confirmed: row.get(3)?,
    })
}

/// A row of `entry, criterion, element, judge, value`.
fn read_cell_value(row: &rusqlite::Row) -> rusqlite::Result<(Cell, String)> {
    let cell = Cell {
        entry: row.get(0)?,
        criterion: row.get(1)?,
        element: row.get(2)?,
        judge: row.get(3)?,
    };
    Ok((cell, row.get(4)?))
}

/// For commands, whose errors are messages.
impl From<StoreError> for String {
    fn from(error: StoreError) -> String {
        error.to_string()
    }
}

#[derive(Debug)]
pub struct StoreError {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

pub struct Store {
    connection: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens the store, creating it on first use.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let fail = |e: rusqlite::Error| StoreError {
            path: path.to_path_buf(),
            message: format!("cannot open the mark store: {e}"),
        };
        let connection = Connection::open(path).map_err(fail)?;
        // Several processes may enter marks at once: wait for the writer's lock.
        connection.busy_timeout(Duration::from_secs(30)).map_err(fail)?;
        connection.pragma_update(None, "synchronous", "FULL").map_err(fail)?;
        let has = |table: &str| -> rusqlite::Result<bool> {
            connection.query_row(
                "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
                [table],
                |row| row.get(0),
            )
        };
        // Read the layout before touching anything: a refused store stays as
        // it was. Creating it holds the write lock, so of several processes
        // starting at once one creates it and the others find it made.
        connection.execute_batch("BEGIN IMMEDIATE").map_err(fail)?;
        let created = (|| -> rusqlite::Result<bool> {
            if has("log")? {
                return Ok(false);
            }
            connection.execute_batch(SCHEMA)?;
            connection.execute("INSERT INTO meta (key, value) VALUES ('schema', ?1)", [SCHEMA_VERSION])?;
            Ok(true)
        })();
        connection
            .execute_batch(if created.is_ok() { "COMMIT" } else { "ROLLBACK" })
            .map_err(fail)?;
        let version: Option<String> = if created.map_err(fail)? {
            Some(SCHEMA_VERSION.into())
        } else if has("meta").map_err(fail)? {
            connection
                .query_row("SELECT value FROM meta WHERE key = 'schema'", [], |row| row.get(0))
                .optional()
                .map_err(fail)?
        } else {
            None
        };
        if version.as_deref() != Some(SCHEMA_VERSION) {
            return Err(StoreError {
                path: path.to_path_buf(),
                message: format!(
                    "this mark store has table layout {}, and this podium reads layout {SCHEMA_VERSION}: export its marks with the podium that made it, then import them into a new store",
                    version.as_deref().unwrap_or("from before layouts were numbered")
                ),
            });
        }
        // WAL rewrites the file's header, so only once the layout is known good.
        connection.pragma_update(None, "journal_mode", "WAL").map_err(fail)?;
        // Stores made before the state index had it added: an index changes no record.
        connection.execute_batch(STATE_INDEX).map_err(fail)?;
        Ok(Store {
            connection,
            path: path.to_path_buf(),
        })
    }

    /// Opens the store only if it exists.
    pub fn open_existing(path: &Path) -> Result<Option<Store>, StoreError> {
        if path.exists() {
            Store::open(path).map(Some)
        } else {
            Ok(None)
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn error(&self, e: rusqlite::Error) -> StoreError {
        StoreError {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }

    /// The current mark of a cell.
    pub fn current(&self, cell: &Cell) -> Result<Option<Current>, StoreError> {
        self.connection
            .query_row(
                CURRENT_OF,
                params![cell.entry, cell.criterion, cell.element, cell.judge],
                read_current,
            )
            .optional()
            .map_err(|e| self.error(e))
    }

    /// Runs `work` as one batch of appends in one transaction holding the
    /// write lock, so what it reads is what it appends after. The batch is
    /// stored, durably, only if `work` returns `Ok`; otherwise nothing is.
    pub fn transact<T, E: From<StoreError>>(
        &mut self,
        actor: &str,
        source: &str,
        work: impl FnOnce(&mut Batch) -> Result<T, E>,
    ) -> Result<T, E> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| StoreError {
            path: path.clone(),
            message: format!("the marks were not stored: {e}"),
        };
        // IMMEDIATE: take the write lock first, so the chain and the current marks cannot move under us.
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail)?;
        let (seq, previous) = chain::head(&transaction).map_err(fail)?;
        let prepare = |sql: &str| transaction.prepare(sql).map_err(fail);
        let mut batch = Batch {
            current_of: prepare(CURRENT_OF)?,
            confirm: prepare("UPDATE current SET confirmed = ?5 WHERE entry = ?1 AND criterion = ?2 AND element = ?3 AND judge = ?4")?,
            claim: prepare(
                "INSERT INTO current (entry, criterion, element, judge, value, seq, first) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
                 ON CONFLICT (entry, criterion, element, judge) DO NOTHING",
            )?,
            replace: prepare(
                "UPDATE current SET value = ?5, seq = ?6, confirmed = NULL WHERE entry = ?1 AND criterion = ?2 AND element = ?3 AND judge = ?4",
            )?,
            insert: prepare(
                "INSERT INTO log (seq, kind, entry, criterion, element, judge, value, replaces, reason, batch, hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?,
            new_batch: prepare("INSERT INTO batches (actor, at, source) VALUES (?1, ?2, ?3)")?,
            state_records: prepare("SELECT seq, kind, value FROM log WHERE kind IN ('lock', 'unlock', 'publish') ORDER BY seq")?,
            path: self.path.clone(),
            seq,
            started: seq,
            previous,
            header: chain::BatchHeader {
                actor: actor.into(),
                at: now(),
                source: source.into(),
            },
            batch_id: None,
            stored: 0,
        };
        let result = work(&mut batch)?;
        let (seq, previous, stored) = (batch.seq, std::mem::take(&mut batch.previous), batch.stored);
        drop(batch);
        if stored > 0 {
            chain::set_head(&transaction, seq, &previous).map_err(fail)?;
        }
        transaction.commit().map_err(fail)?;
        Ok(result)
    }

    /// A named secret kept in the store (the server's signing key): made of
    /// 32 random bytes the first time it is asked for, the same ever after.
    pub fn secret(&mut self, name: &str) -> Result<Vec<u8>, StoreError> {
        let key = format!("secret:{name}");
        let fresh = {
            let mut bytes = [0u8; 32];
            getrandom::fill(&mut bytes).map_err(|e| StoreError {
                path: self.path.clone(),
                message: format!("no random numbers from the system: {e}"),
            })?;
            chain::hex(&bytes)
        };
        self.connection
            .execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
                params![key, fresh],
            )
            .map_err(|e| self.error(e))?;
        let stored: String = self
            .connection
            .query_row("SELECT value FROM meta WHERE key = ?1", [&key], |row| row.get(0))
            .map_err(|e| self.error(e))?;
        Ok(stored.into_bytes())
    }

    /// A small setting kept in the store (`meta`), if set.
    pub fn setting(&self, name: &str) -> Result<Option<String>, StoreError> {
        self.connection
            .query_row("SELECT value FROM meta WHERE key = ?1", [format!("setting:{name}")], |row| {
                row.get(0)
            })
            .optional()
            .map_err(|e| self.error(e))
    }

    pub fn set_setting(&self, name: &str, value: &str) -> Result<(), StoreError> {
        self.connection
            .execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![format!("setting:{name}"), value],
            )
            .map(|_| ())
            .map_err(|e| self.error(e))
    }

    /// Each entry's anonymous code (blind judging): (entry id, code).
    pub fn codes(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut query = self
            .connection
            .prepare("SELECT entry, value FROM log WHERE kind = 'code' ORDER BY seq")
            .map_err(|e| self.error(e))?;
        let rows = query
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .map_err(|e| self.error(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.error(e))
    }

    /// Whether any mark has been stored (a store may exist before its first mark).
    pub fn has_marks(&self) -> Result<bool, StoreError> {
        self.connection
            .query_row("SELECT EXISTS (SELECT 1 FROM current)", [], |row| row.get(0))
            .map_err(|e| self.error(e))
    }

    /// The event's state as stored now.
    pub fn state(&mut self) -> Result<State, StoreError> {
        self.transact("", "", |batch| batch.state())
    }

    /// The cells' current marks (all, or only those confirmed or not yet
    /// confirmed by double entry): in the order the cells were first marked
    /// (`as_entered`, for export and lists), or grouped by entry (faster, for scoring).
    pub fn current_marks(&self, which: Which, as_entered: bool, mut each: impl FnMut(Cell, String)) -> Result<(), StoreError> {
        let filter = match which {
            Which::All => "",
            Which::Confirmed => " WHERE confirmed IS NOT NULL",
            Which::Unconfirmed => " WHERE confirmed IS NULL",
        };
        let order = if as_entered { " ORDER BY first" } else { "" };
        let sql = format!("SELECT entry, criterion, element, judge, value FROM current{filter}{order}");
        let mut query = self.connection.prepare(&sql).map_err(|e| self.error(e))?;
        let mut rows = query.query([]).map_err(|e| self.error(e))?;
        while let Some(row) = rows.next().map_err(|e| self.error(e))? {
            let (cell, value) = read_cell_value(row).map_err(|e| self.error(e))?;
            each(cell, value);
        }
        Ok(())
    }

    /// The current marks one judge gave: (cell, value).
    pub fn marks_of_judge(&self, judge: &str) -> Result<Vec<(Cell, String)>, StoreError> {
        let mut query = self
            .connection
            .prepare_cached("SELECT entry, criterion, element, judge, value FROM current WHERE judge = ?1")
            .map_err(|e| self.error(e))?;
        let rows = query.query_map([judge], read_cell_value).map_err(|e| self.error(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.error(e))
    }

    /// The records touching cells that match the filter (None matches all), oldest first.
    pub fn history(&self, entry: Option<&str>, criterion: Option<&str>, judge: Option<&str>) -> Result<Vec<Record>, StoreError> {
        chain::records(&self.connection, entry, criterion, judge).map_err(|e| self.error(e))
    }

    /// The last record podium wrote and its hash (hex): publish it with the
    /// results, and no later rewrite of the store can match it.
    pub fn head(&self) -> Result<(i64, String), StoreError> {
        chain::head(&self.connection)
            .map(|(seq, hash)| (seq, chain::hex(&hash)))
            .map_err(|e| self.error(e))
    }

    /// Checks the chain, the head and the current marks; every problem names its record.
    pub fn verify(&self) -> Result<(usize, Vec<Tamper>), StoreError> {
        chain::verify(&self.connection).map_err(|e| self.error(e))
    }
}

/// The time now, UTC, RFC 3339 with microseconds.
fn now() -> String {
    let now = time::OffsetDateTime::now_utc();
    let now = now.replace_nanosecond(now.microsecond() * 1000).unwrap_or(now);
    now.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

/// Appends in one transaction; see `Store::transact`.
pub struct Batch<'t> {
    current_of: rusqlite::Statement<'t>,
    claim: rusqlite::Statement<'t>,
    replace: rusqlite::Statement<'t>,
    confirm: rusqlite::Statement<'t>,
    insert: rusqlite::Statement<'t>,
    new_batch: rusqlite::Statement<'t>,
    state_records: rusqlite::Statement<'t>,
    path: PathBuf,
    seq: i64,
    /// The last record before this transaction.
    started: i64,
    previous: Vec<u8>,
    header: chain::BatchHeader,
    /// The `batches` row, written with the first record (no empty batches).
    batch_id: Option<i64>,
    stored: usize,
}

/// A change of the event's state, recorded in the log like a mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateChange {
    Lock,
    Unlock,
    /// The results are final: everything is locked for good.
    Publish,
}

impl StateChange {
    fn as_str(self) -> &'static str {
        match self {
            StateChange::Lock => "lock",
            StateChange::Unlock => "unlock",
            StateChange::Publish => "publish",
        }
    }
}

/// The event's state: open, some scopes locked, or published. Scopes are
/// text the commands give meaning to ("contest", "criterion quality.x", …).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// Each locked scope and the record that locked it.
    pub locked: Vec<(String, i64)>,
    /// The record that published the results.
    pub published: Option<i64>,
}

impl State {
    fn apply(&mut self, seq: i64, kind: &str, scope: String) {
        match kind {
            "lock" if !self.locked.iter().any(|(s, _)| *s == scope) => self.locked.push((scope, seq)),
            "unlock" => self.locked.retain(|(s, _)| *s != scope),
            "publish" => self.published = Some(seq),
            _ => {}
        }
    }
}

/// Which current marks to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    All,
    /// Confirmed by a second entry (double entry).
    Confirmed,
    Unconfirmed,
}

/// What appending one mark did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Appended {
    /// Stored as this record.
    Stored(i64),
    /// The cell already has a mark; nothing stored. The caller decides
    /// whether to `correct` it.
    Exists(Current),
}

impl Batch<'_> {
    fn error(&self, e: rusqlite::Error) -> StoreError {
        StoreError {
            path: self.path.clone(),
            message: format!("the marks were not stored: {e}"),
        }
    }

    /// Starts a new batch for `actor` within the same transaction: records
    /// from here on say they were entered by them. The server commits many
    /// judges' marks together (one disk flush for all) yet records each
    /// judge's own.
    pub fn begin_batch(&mut self, actor: &str, source: &str) {
        if self.header.actor != actor || self.header.source != source {
            self.header = chain::BatchHeader {
                actor: actor.into(),
                at: now(),
                source: source.into(),
            };
            self.batch_id = None;
        }
    }

    /// The cell's current mark, including what this batch appended.
    pub fn current(&mut self, cell: &Cell) -> Result<Option<Current>, StoreError> {
        self.current_of
            .query_row(params![cell.entry, cell.criterion, cell.element, cell.judge], read_current)
            .optional()
            .map_err(|e| self.error(e))
    }

    /// The `batches` row, written with the first record (no empty batches).
    fn batch_id(&mut self) -> Result<i64, StoreError> {
        if let Some(id) = self.batch_id {
            return Ok(id);
        }
        let header = &self.header;
        let id = self
            .new_batch
            .insert(params![header.actor, header.at, header.source])
            .map_err(|e| self.error(e))?;
        Ok(*self.batch_id.insert(id))
    }

    /// Stores a first mark for a cell; if the cell has one, stores nothing
    /// and says what it is.
    pub fn append(&mut self, cell: &Cell, value: &str) -> Result<Appended, StoreError> {
        let seq = self.seq + 1;
        let claimed = self
            .claim
            .execute(params![cell.entry, cell.criterion, cell.element, cell.judge, value, seq])
            .map_err(|e| self.error(e))?;
        if claimed == 0 {
            let current = self.current(cell)?.expect("a claimed cell has a current mark");
            return Ok(Appended::Exists(current));
        }
        self.log(cell, value, None, "").map(Appended::Stored)
    }

    /// Confirms the cell's current mark (record `mark`), entered by someone
    /// else: the second entry of double entry agreed with it.
    pub fn confirm(&mut self, cell: &Cell, value: &str, mark: i64) -> Result<i64, StoreError> {
        let seq = self.record("confirm", cell, value, Some(mark), "")?;
        self.confirm
            .execute(params![cell.entry, cell.criterion, cell.element, cell.judge, seq])
            .map_err(|e| self.error(e))?;
        Ok(seq)
    }

    /// Records an entry's anonymous code.
    pub fn record_code(&mut self, entry: &str, code: &str) -> Result<i64, StoreError> {
        let cell = Cell {
            entry: entry.into(),
            criterion: String::new(),
            element: 0,
            judge: String::new(),
        };
        self.record("code", &cell, code, None, "")
    }

    /// Records a lock, unlock or publish (`kind`) of `scope`, for `reason`.
    pub fn record_state(&mut self, kind: StateChange, scope: &str, reason: &str) -> Result<i64, StoreError> {
        let cell = Cell {
            entry: String::new(),
            criterion: String::new(),
            element: 0,
            judge: String::new(),
        };
        self.record(kind.as_str(), &cell, scope, None, reason)
    }

    /// The scopes locked now, with the record that locked each, and whether
    /// the results are published — as of this batch.
    pub fn state(&mut self) -> Result<State, StoreError> {
        let mut query = self.state_records.query([]).map_err(|e| StoreError {
            path: self.path.clone(),
            message: e.to_string(),
        })?;
        let mut state = State::default();
        while let Some(row) = query.next().map_err(|e| StoreError {
            path: self.path.clone(),
            message: e.to_string(),
        })? {
            let read = |row: &rusqlite::Row| -> rusqlite::Result<(i64, String, String)> { Ok((row.get(0)?, row.get(1)?, row.get(2)?)) };
            let (seq, kind, scope) = read(row).map_err(|e| StoreError {
                path: self.path.clone(),
                message: e.to_string(),
            })?;
            state.apply(seq, &kind, scope);
        }
        Ok(state)
    }

    /// Stores a correction of the cell's current mark `replaces`, for `reason`.
    pub fn correct(&mut self, cell: &Cell, value: &str, replaces: i64, reason: &str) -> Result<i64, StoreError> {
        let seq = self.seq + 1;
        self.replace
            .execute(params![cell.entry, cell.criterion, cell.element, cell.judge, value, seq])
            .map_err(|e| self.error(e))?;
        self.log(cell, value, Some(replaces), reason)
    }

    /// Appends a mark record to the log.
    fn log(&mut self, cell: &Cell, value: &str, replaces: Option<i64>, reason: &str) -> Result<i64, StoreError> {
        self.record("mark", cell, value, replaces, reason)
    }

    /// Appends a record to the log, chained to the one before.
    fn record(&mut self, kind: &str, cell: &Cell, value: &str, replaces: Option<i64>, reason: &str) -> Result<i64, StoreError> {
        let seq = self.seq + 1;
        let batch_id = self.batch_id()?;
        let hash = chain::hash(
            &self.previous,
            &chain::RecordFields {
                seq,
                kind,
                cell,
                value,
                replaces,
                reason,
                batch: &self.header,
            },
        );
        self.insert
            .execute(params![
                seq,
                kind,
                cell.entry,
                cell.criterion,
                cell.element,
                cell.judge,
                value,
                replaces,
                reason,
                batch_id,
                hash.as_slice()
            ])
            .map_err(|e| self.error(e))?;
        self.seq = seq;
        self.previous = hash;
        self.stored += 1;
        Ok(seq)
    }

    /// How many marks this batch has stored.
    pub fn stored(&self) -> usize {
        self.stored
    }

    /// The last record before this transaction and the last one now: a
    /// reader that saw every transaction's pair in a chain missed no writer.
    pub fn heads(&self) -> (i64, i64) {
        (self.started, self.seq)
    }
}
