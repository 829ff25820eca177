//! The mark store: an embedded SQLite database beside the contest.
//!
//! - `log` is append-only: every mark and every correction is a new record
//!   naming the one it replaces and why; its batch (in `batches`) says who
//!   entered it, when, and how (`podium mark`, `podium import FILE`). Triggers
//!   refuse UPDATE and DELETE; each record carries a SHA-256 hash chained to
//!   the previous record's, so an edit, removal or insertion made behind
//!   podium's back breaks the chain and `verify` names the record.
//! - `current_by_entry` holds each cell's latest value, one row per entry
//!   (see `cells`). It is derived from the log in the same transaction, so
//!   scoring reads it directly; `verify` also checks it against the log.
//! - WAL journal with `synchronous = FULL`: when `append` returns, the
//!   records are on disk. A transaction is all or nothing.
//! - Commands that only read open it read-only (`open_existing`), so a
//!   store archived on read-only media, or read-only to its user, can still
//!   be scored, exported and verified.

mod cells;
mod chain;

pub use chain::{hex, Forecast, Forecasted, Record, Tamper};

use crate::i18n::Text;
use crate::msg;
use cells::{text_at, CellKey, CellMark, EntryCells};
use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior};
use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The store's file name beside `contest.ron`, unless the contest names another.
pub const STORE_FILE: &str = "marks.db";

/// The layout of the tables below; a store of another layout is refused.
/// Layout 1 kept the current marks one row per cell (`current`); layout 2
/// one row per entry, each cell's texts written out in full (format 1 of
/// `cells`). A store of either is brought to this one when it is opened.
const SCHEMA_VERSION: &str = "3";

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
CREATE TABLE IF NOT EXISTS current_by_entry (entry TEXT PRIMARY KEY, cells BLOB NOT NULL);
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

/// How many entries' current marks a batch holds before writing them back.
const ENTRIES_HELD: usize = 256;

/// How many entries' current marks the export in entered order holds at once.
const ENTRIES_READ: usize = 1024;

/// Which log records are lock, unlock and publish records. Spelled with OR,
/// not IN: SQLite checks a three-value IN list through a temporary table,
/// and it checks this condition on every record appended (a third of the
/// import's time). The query reads it in the same words, or the planner
/// would not use the index.
const STATE_KINDS: &str = "kind = 'lock' OR kind = 'unlock' OR kind = 'publish'";

/// The lock, unlock and publish records, in order.
const STATE_QUERY: &str = "SELECT log.seq, log.kind, log.value, batches.at FROM log JOIN batches ON batches.id = log.batch
     WHERE kind = 'lock' OR kind = 'unlock' OR kind = 'publish' ORDER BY log.seq";

/// The state the records of `STATE_QUERY` come to.
fn read_state(query: &mut rusqlite::Statement, path: &Path) -> Result<State, StoreError> {
    let fail = |e: rusqlite::Error| StoreError::new(path, e);
    let mut rows = query.query([]).map_err(fail)?;
    let mut state = State::default();
    while let Some(row) = rows.next().map_err(fail)? {
        let read = |row: &rusqlite::Row| -> rusqlite::Result<(i64, String, String, String)> {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        };
        let (seq, kind, scope, at) = read(row).map_err(fail)?;
        if kind == "lock" {
            state.locked_at.push((seq, at));
        }
        state.apply(seq, &kind, scope);
    }
    Ok(state)
}

/// Lock, unlock and publish records, and the workflow's steps, found
/// without reading every mark. Replaces `log_state`, the same index
/// written with IN.
fn state_index() -> String {
    format!(
        "DROP INDEX IF EXISTS log_state; CREATE INDEX IF NOT EXISTS log_state_changes ON log (seq) WHERE {STATE_KINDS};
         CREATE INDEX IF NOT EXISTS log_steps ON log (seq) WHERE kind = 'step';"
    )
}

/// How a code record names its layer (in the `criterion` column): layer 1
/// with nothing, as every store before layers did.
fn code_layer_tag(layer: u8) -> &'static str {
    match layer {
        2 => "piece",
        _ => "",
    }
}

/// The workflow's steps (`kind = 'step'`), in order, with who took each
/// and when. A step's name is kept in the `criterion` column, what it is
/// about (an entry, a judge's sheet, an appeal) in `entry`, its details in
/// `value`.
const STEPS_QUERY: &str = "SELECT log.seq, log.criterion, log.entry, log.value, log.reason, batches.actor, batches.at
     FROM log JOIN batches ON batches.id = log.batch WHERE log.kind = 'step' ORDER BY log.seq";

/// One recorded step of the event's workflow (a draw, a sign-off, an
/// appeal...): what `event` reads the workflow's state from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepRecord {
    pub seq: i64,
    /// The step's name: `draw`, `sign`, `appeal`...
    pub step: String,
    /// What the step is about: an entry, a judge's sheet, an appeal's id, or empty.
    pub subject: String,
    /// The step's details (JSON, as the step's code writes them).
    pub value: String,
    pub reason: String,
    pub actor: String,
    /// When, as stored (UTC, RFC 3339).
    pub at: String,
}

fn read_steps(query: &mut rusqlite::Statement, path: &Path) -> Result<Vec<StepRecord>, StoreError> {
    let rows = query
        .query_map([], |row| {
            Ok(StepRecord {
                seq: row.get(0)?,
                step: row.get(1)?,
                subject: row.get(2)?,
                value: row.get(3)?,
                reason: row.get(4)?,
                actor: row.get(5)?,
                at: row.get(6)?,
            })
        })
        .map_err(|e| StoreError::new(path, e))?;
    rows.collect::<rusqlite::Result<_>>().map_err(|e| StoreError::new(path, e))
}

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

/// Who entered a record.
const ACTOR_OF: &str = "SELECT b.actor FROM log l JOIN batches b ON b.id = l.batch WHERE l.seq = ?1";
/// One entry's current marks.
const CELLS_OF: &str = "SELECT cells FROM current_by_entry WHERE entry = ?1";

/// An entry's current marks as stored; none if it has no marks yet.
fn cells_of(query: &mut rusqlite::Statement, path: &Path, entry: &str) -> Result<EntryCells, StoreError> {
    let bytes: Option<Vec<u8>> = query
        .query_row([entry], |row| row.get(0))
        .optional()
        .map_err(|e| StoreError::new(path, e))?;
    match bytes {
        None => Ok(EntryCells::default()),
        Some(bytes) => EntryCells::decode(&bytes).ok_or_else(|| unreadable(path, entry)),
    }
}

fn unreadable(path: &Path, entry: &str) -> StoreError {
    StoreError {
        path: path.to_path_buf(),
        message: msg!("store-entry-unreadable", entry = entry),
    }
}

/// A cell's current mark, with who entered it.
fn current_of(actor_of: &mut rusqlite::Statement, path: &Path, mark: &CellMark) -> Result<Current, StoreError> {
    let by = actor_of
        .query_row([mark.seq], |row| row.get(0))
        .map_err(|e| StoreError::new(path, e))?;
    Ok(Current {
        value: mark.value.to_string(),
        seq: mark.seq,
        by,
        confirmed: mark.confirmed,
    })
}

/// Whether a current mark is among those asked for.
fn wanted(which: Which, mark: &CellMark) -> bool {
    match which {
        Which::All => true,
        Which::Confirmed => mark.confirmed.is_some(),
        Which::Unconfirmed => mark.confirmed.is_none(),
    }
}

/// For the workflow's refusals, which carry words not yet in a language.
impl From<StoreError> for Text {
    fn from(error: StoreError) -> Text {
        Text::Verbatim(error.to_string())
    }
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
    pub message: Text,
}

/// Why nothing was stored when another program held the write lock for
/// longer than this one waits (the message's id).
const BUSY: &str = "store-busy";

/// Why a store cannot be written (the message's id).
const READ_ONLY: &str = "store-read-only";

impl StoreError {
    /// Whether another program held the store's write lock too long: worth
    /// trying again, nothing else is wrong.
    pub fn is_busy(&self) -> bool {
        matches!(self.message, Text::Said { id: BUSY, .. })
    }

    fn is_read_only(&self) -> bool {
        matches!(self.message, Text::Said { id: READ_ONLY, .. })
    }

    fn new(path: &Path, e: rusqlite::Error) -> StoreError {
        StoreError {
            path: path.to_path_buf(),
            message: msg!("store-sqlite", error = e),
        }
    }
}

/// Why a store cannot be written, in words, if `e` says it cannot: the file
/// or its folder is read-only (an archive, read-only media, another user's).
fn read_only(path: &Path, e: &rusqlite::Error) -> Option<StoreError> {
    let code = e.sqlite_error_code()?;
    (code == ErrorCode::ReadOnly || (code == ErrorCode::CannotOpen && path.exists())).then(|| StoreError {
        path: path.to_path_buf(),
        message: msg!("store-read-only"),
    })
}

/// The store's layout number, if it has one (`None`: from before layouts were numbered).
fn layout(connection: &Connection) -> rusqlite::Result<Option<String>> {
    let has_meta: bool = connection.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta')",
        [],
        |row| row.get(0),
    )?;
    if !has_meta {
        return Ok(None);
    }
    connection
        .query_row("SELECT value FROM meta WHERE key = 'schema'", [], |row| row.get(0))
        .optional()
}

/// The refusal of a store of another layout.
fn other_layout(path: &Path, version: Option<&str>) -> StoreError {
    StoreError {
        path: path.to_path_buf(),
        message: match version {
            Some(version) => msg!("store-other-layout", layout = version, ours = SCHEMA_VERSION),
            None => msg!("store-unnumbered-layout", ours = SCHEMA_VERSION),
        },
    }
}

/// `path` as an SQLite URI, opened read-only and `immutable`: SQLite then
/// takes no locks and needs no `-shm` file beside it, which a read-only
/// folder cannot hold.
fn immutable_uri(path: &Path) -> String {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from("file:");
    for &byte in path.as_os_str().as_encoded_bytes() {
        if byte.is_ascii_alphanumeric() || b"/-_.~".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.push_str("?mode=ro&immutable=1");
    uri
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
        let fail = |e: rusqlite::Error| {
            read_only(path, &e).unwrap_or_else(|| StoreError {
                path: path.to_path_buf(),
                message: msg!("store-cannot-open", error = e),
            })
        };
        let connection = Connection::open(path).map_err(fail)?;
        // SQLite opens a file it may not write read-only, without a word.
        if connection.is_readonly(rusqlite::MAIN_DB).map_err(fail)? {
            return Err(fail(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_READONLY),
                None,
            )));
        }
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
        // A new store's pages are 16 KiB, not SQLite's 4 KiB: a 10M-mark
        // import then writes and checkpoints a tenth less and takes about
        // 15 % less time; an entry's current marks fit in one page. (An
        // existing store keeps its size: this changes nothing there.)
        connection.execute_batch("PRAGMA page_size = 16384;").map_err(fail)?;
        // Read the layout before touching anything: a refused store stays as
        // it was. Creating it holds the write lock, so of several processes
        // starting at once one creates it and the others find it made.
        // (A store that exists is only read here: opening it never waits
        // for another program's write.)
        let created = if has("log").map_err(fail)? {
            Ok(false)
        } else {
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
            created
        };
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
        let version = if matches!(version.as_deref(), Some("1" | "2")) {
            upgrade(&connection).map_err(fail)?;
            Some(SCHEMA_VERSION.to_string())
        } else {
            version
        };
        if version.as_deref() != Some(SCHEMA_VERSION) {
            return Err(other_layout(path, version.as_deref()));
        }
        // WAL rewrites the file's header, so only once the layout is known good.
        connection.pragma_update(None, "journal_mode", "WAL").map_err(fail)?;
        // Stores made before the state index, or with its older form, get it now: an index changes no record.
        connection.execute_batch(&state_index()).map_err(fail)?;
        Ok(Store {
            connection,
            path: path.to_path_buf(),
        })
    }

    /// Opens the store only if it exists, to read: nothing is written to it,
    /// so it may be read-only (an archive). A store of an older layout is
    /// brought to this one first, which needs it writable.
    pub fn open_existing(path: &Path) -> Result<Option<Store>, StoreError> {
        if !path.exists() {
            return Ok(None);
        }
        let fail = |e: rusqlite::Error| StoreError {
            path: path.to_path_buf(),
            message: msg!("store-cannot-open", error = e),
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let open = |name: &str| -> rusqlite::Result<(Connection, Option<String>)> {
            let connection = Connection::open_with_flags(name, flags)?;
            connection.busy_timeout(Duration::from_secs(30))?;
            let version = layout(&connection)?;
            Ok((connection, version))
        };
        let (connection, version) = match open(&path.to_string_lossy()) {
            Ok(opened) => opened,
            // A WAL store in a folder that cannot be written: SQLite cannot
            // make the shared-memory file it reads through. With no log of
            // commits waiting beside it, the file alone is the whole store.
            Err(e) if matches!(e.sqlite_error_code(), Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly)) => {
                let mut wal = path.as_os_str().to_owned();
                wal.push("-wal");
                if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
                    return Err(StoreError {
                        path: path.to_path_buf(),
                        message: msg!("store-wal-read-only", wal = PathBuf::from(wal).display()),
                    });
                }
                open(&immutable_uri(path)).map_err(fail)?
            }
            Err(e) => return Err(fail(e)),
        };
        match version.as_deref() {
            Some(SCHEMA_VERSION) => Ok(Some(Store {
                connection,
                path: path.to_path_buf(),
            })),
            Some(old @ ("1" | "2")) => {
                // Bringing it to this layout writes: only a writable store can be read.
                drop(connection);
                let old = old.to_string();
                Store::open(path).map(Some).map_err(|e| match e.is_read_only() {
                    true => StoreError {
                        path: path.to_path_buf(),
                        message: msg!("store-old-layout-read-only", layout = old, ours = SCHEMA_VERSION),
                    },
                    false => e,
                })
            }
            other => Err(other_layout(path, other)),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How long a write waits for another program's write lock before it
    /// gives up as busy (30 s unless set).
    pub fn wait_for_writers(&self, wait: Duration) -> Result<(), StoreError> {
        self.connection.busy_timeout(wait).map_err(|e| self.error(e))
    }

    fn error(&self, e: rusqlite::Error) -> StoreError {
        StoreError {
            path: self.path.clone(),
            message: msg!("store-sqlite", error = e),
        }
    }

    /// The current mark of a cell.
    pub fn current(&self, cell: &Cell) -> Result<Option<Current>, StoreError> {
        let mut query = self.connection.prepare_cached(CELLS_OF).map_err(|e| self.error(e))?;
        let cells = cells_of(&mut query, &self.path, &cell.entry)?;
        let Some(mark) = cells.0.get(&CellKey::of_ref(cell)) else {
            return Ok(None);
        };
        let mut actor_of = self.connection.prepare_cached(ACTOR_OF).map_err(|e| self.error(e))?;
        current_of(&mut actor_of, &self.path, mark).map(Some)
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
            message: msg!("store-not-stored", error = e),
        };
        // IMMEDIATE: take the write lock first, so the chain and the current marks cannot move under us.
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => StoreError {
                    path: path.clone(),
                    message: msg!("store-busy"),
                },
                _ => fail(e),
            })?;
        let (seq, previous) = chain::head(&transaction).map_err(fail)?;
        let prepare = |sql: &str| transaction.prepare(sql).map_err(fail);
        let mut batch = Batch {
            actor_of: prepare(ACTOR_OF)?,
            cells_of: prepare(CELLS_OF)?,
            write_cells: prepare(
                "INSERT INTO current_by_entry (entry, cells) VALUES (?1, ?2) ON CONFLICT (entry) DO UPDATE SET cells = excluded.cells",
            )?,
            entries: FxHashMap::default(),
            insert: prepare(
                "INSERT INTO log (seq, kind, entry, criterion, element, judge, value, replaces, reason, batch, hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?,
            new_batch: prepare("INSERT INTO batches (actor, at, source) VALUES (?1, ?2, ?3)")?,
            state_records: prepare(STATE_QUERY)?,
            step_records: prepare(STEPS_QUERY)?,
            setting_of: prepare("SELECT value FROM meta WHERE key = ?1")?,
            codes_given: prepare("SELECT EXISTS (SELECT 1 FROM log WHERE kind = 'code' AND criterion = '')")?,
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
            expected: None,
            forecast_holds: false,
        };
        let result = work(&mut batch)?;
        batch.write_entries()?;
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
                message: msg!("store-no-random", error = e),
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
        self.codes_of_layer(1)
    }

    /// The codes of one layer, (entry, code): layer 1 the entries' own
    /// codes (recorded with no criterion, as stores always have), layer 2
    /// the work pieces' (`piece`).
    pub fn codes_of_layer(&self, layer: u8) -> Result<Vec<(String, String)>, StoreError> {
        let mut query = self
            .connection
            .prepare("SELECT entry, value FROM log WHERE kind = 'code' AND criterion = ?1 ORDER BY seq")
            .map_err(|e| self.error(e))?;
        let rows = query
            .query_map([code_layer_tag(layer)], |row| Ok((row.get(0)?, row.get(1)?)))
            .map_err(|e| self.error(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.error(e))
    }

    /// Whether any mark has been stored (a store may exist before its first mark).
    pub fn has_marks(&self) -> Result<bool, StoreError> {
        self.connection
            .query_row("SELECT EXISTS (SELECT 1 FROM current_by_entry)", [], |row| row.get(0))
            .map_err(|e| self.error(e))
    }

    /// The event's state as stored now. Only reads, in one statement: it
    /// never waits for a writer (another process importing, say), and a
    /// store open only to read can tell it.
    pub fn state(&self) -> Result<State, StoreError> {
        let mut query = self.connection.prepare_cached(STATE_QUERY).map_err(|e| self.error(e))?;
        read_state(&mut query, &self.path)
    }

    /// The workflow's steps recorded so far, oldest first.
    pub fn steps(&self) -> Result<Vec<StepRecord>, StoreError> {
        let mut query = self.connection.prepare_cached(STEPS_QUERY).map_err(|e| self.error(e))?;
        read_steps(&mut query, &self.path)
    }

    /// The cells' current marks (all, or only those confirmed or not yet
    /// confirmed by double entry): in the order the cells were first marked
    /// (`as_entered`, for export and lists), or grouped by entry (faster, for scoring).
    pub fn current_marks(&self, which: Which, as_entered: bool, mut each: impl FnMut(Cell, String)) -> Result<(), StoreError> {
        if as_entered {
            return self.current_marks_as_entered(which, each);
        }
        self.each_entry(|entry, cells| {
            for (key, mark) in cells.in_entered_order() {
                if wanted(which, mark) {
                    each(key.in_entry(entry), mark.value.to_string());
                }
            }
        })
    }

    /// Every entry's stored cells, in batches of `batch` entries, in the
    /// order entries were first stored; [`stored_marks`] reads a cells'
    /// encoding. The batch is copied out (in two buffers, not two
    /// allocations an entry) so that other threads may read it while the
    /// next is fetched.
    pub fn each_entry_batch(&self, batch: usize, mut each: impl FnMut(StoredBatch)) -> Result<(), StoreError> {
        let mut query = self
            .connection
            .prepare("SELECT entry, cells FROM current_by_entry")
            .map_err(|e| self.error(e))?;
        let mut rows = query.query([]).map_err(|e| self.error(e))?;
        let mut filled = StoredBatch::default();
        while let Some(row) = rows.next().map_err(|e| self.error(e))? {
            let entry = row.get_ref(0).and_then(|v| Ok(v.as_str()?)).map_err(|e| self.error(e))?;
            let bytes = row.get_ref(1).and_then(|v| Ok(v.as_blob()?)).map_err(|e| self.error(e))?;
            filled.push(entry, bytes);
            if filled.len() == batch {
                each(std::mem::take(&mut filled));
            }
        }
        if !filled.is_empty() {
            each(filled);
        }
        Ok(())
    }

    /// Every entry's current marks, entries in the order they were first stored.
    fn each_entry(&self, mut each: impl FnMut(&str, EntryCells)) -> Result<(), StoreError> {
        let mut query = self
            .connection
            .prepare("SELECT entry, cells FROM current_by_entry")
            .map_err(|e| self.error(e))?;
        let mut rows = query.query([]).map_err(|e| self.error(e))?;
        while let Some(row) = rows.next().map_err(|e| self.error(e))? {
            let entry: String = row.get(0).map_err(|e| self.error(e))?;
            let bytes = row.get_ref(1).and_then(|v| Ok(v.as_blob()?)).map_err(|e| self.error(e))?;
            let cells = EntryCells::decode(bytes).ok_or_else(|| unreadable(&self.path, &entry))?;
            each(&entry, cells);
        }
        Ok(())
    }

    /// The current marks in the order their cells were first marked, across
    /// entries: the log's first marks of cells, in order, each with its
    /// cell's value now. Reads each entry's marks once while the log stays
    /// on it (as an import leaves it), so memory stays small.
    fn current_marks_as_entered(&self, which: Which, mut each: impl FnMut(Cell, String)) -> Result<(), StoreError> {
        let mut firsts = self
            .connection
            .prepare("SELECT seq, entry, criterion, element, judge FROM log WHERE kind = 'mark' AND replaces IS NULL ORDER BY seq")
            .map_err(|e| self.error(e))?;
        let mut cells_query = self.connection.prepare_cached(CELLS_OF).map_err(|e| self.error(e))?;
        let mut read: FxHashMap<String, EntryCells> = FxHashMap::default();
        let mut rows = firsts.query([]).map_err(|e| self.error(e))?;
        while let Some(row) = rows.next().map_err(|e| self.error(e))? {
            let read_row = |row: &rusqlite::Row| -> rusqlite::Result<(i64, Cell)> {
                Ok((
                    row.get(0)?,
                    Cell {
                        entry: row.get(1)?,
                        criterion: row.get(2)?,
                        element: row.get(3)?,
                        judge: row.get(4)?,
                    },
                ))
            };
            let (seq, cell) = read_row(row).map_err(|e| self.error(e))?;
            if !read.contains_key(&cell.entry) {
                // Marks entered entry by entry need one at a time; interleaved, a bounded few.
                if read.len() >= ENTRIES_READ {
                    read.clear();
                }
                let cells = cells_of(&mut cells_query, &self.path, &cell.entry)?;
                read.insert(cell.entry.clone(), cells);
            }
            let mark = read[&cell.entry].0.get(&CellKey::of_ref(&cell));
            if let Some(mark) = mark.filter(|m| m.first == seq && wanted(which, m)) {
                let value = mark.value.to_string();
                each(cell, value);
            }
        }
        Ok(())
    }

    /// The current marks one judge gave: (cell, value).
    pub fn marks_of_judge(&self, judge: &str) -> Result<Vec<(Cell, String)>, StoreError> {
        let mut marks = Vec::new();
        self.each_entry(|entry, cells| {
            for (key, mark) in cells.in_entered_order() {
                if key.judge == judge {
                    marks.push((key.in_entry(entry), mark.value.to_string()));
                }
            }
        })?;
        Ok(marks)
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

/// Brings a store of layout 1 or 2 to this layout; the log is not touched.
/// Layout 1's current marks (one `current` row per cell) become one row per
/// entry. Layout 2's rows stay as they are (`cells` still reads format 1)
/// and are written anew as their entries change; only the number changes,
/// so that an older podium refuses the store rather than misread it. Of
/// several processes opening it at once, the first does it.
fn upgrade(connection: &Connection) -> rusqlite::Result<()> {
    connection.execute_batch("BEGIN IMMEDIATE")?;
    let upgraded = (|| -> rusqlite::Result<()> {
        let version: String = connection.query_row("SELECT value FROM meta WHERE key = 'schema'", [], |row| row.get(0))?;
        match version.as_str() {
            "1" => current_by_entry_from_layout_1(connection)?,
            "2" => {}
            _ => return Ok(()),
        }
        connection.execute("UPDATE meta SET value = ?1 WHERE key = 'schema'", [SCHEMA_VERSION])?;
        Ok(())
    })();
    connection.execute_batch(if upgraded.is_ok() { "COMMIT" } else { "ROLLBACK" })?;
    upgraded
}

/// Layout 1's `current` (one row per cell) as `current_by_entry`.
fn current_by_entry_from_layout_1(connection: &Connection) -> rusqlite::Result<()> {
    connection.execute_batch(SCHEMA)?;
    let mut write = connection.prepare("INSERT INTO current_by_entry (entry, cells) VALUES (?1, ?2)")?;
    let mut read =
        connection.prepare("SELECT entry, criterion, element, judge, value, seq, first, confirmed FROM current ORDER BY entry")?;
    let mut rows = read.query([])?;
    let (mut entry, mut cells) = (None::<String>, EntryCells::default());
    while let Some(row) = rows.next()? {
        let this: String = row.get(0)?;
        if entry.as_ref() != Some(&this) {
            if let Some(entry) = entry.replace(this) {
                write.execute(params![entry, std::mem::take(&mut cells).encode()])?;
            }
        }
        let key = CellKey {
            criterion: text_at(row, 1)?,
            element: row.get(2)?,
            judge: text_at(row, 3)?,
        };
        let mark = CellMark {
            value: text_at(row, 4)?,
            seq: row.get(5)?,
            first: row.get(6)?,
            confirmed: row.get(7)?,
        };
        cells.0.insert(key, mark);
    }
    if let Some(entry) = entry {
        write.execute(params![entry, cells.encode()])?;
    }
    connection.execute_batch("DROP TABLE current;")
}

/// A time as stored (UTC, RFC 3339) in the local time zone with its offset,
/// as a person reads it: `2026-12-04 18:20:05 +08:00`; as stored if it is
/// not a time. jiff, not `time`, finds the zone: `time` refuses the local
/// offset in a process with threads (the server's), jiff reads `TZ` and
/// /etc/localtime itself.
pub fn local_time(stored: &str) -> String {
    match stored.parse::<jiff::Timestamp>() {
        Ok(at) => at
            .to_zoned_datetime(jiff::tz::TimeZone::system())
            .strftime("%Y-%m-%d %H:%M:%S %:z")
            .to_string(),
        Err(_) => stored.to_string(),
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
    actor_of: rusqlite::Statement<'t>,
    cells_of: rusqlite::Statement<'t>,
    write_cells: rusqlite::Statement<'t>,
    /// The current marks of the entries this batch has read, with whether
    /// it changed them: written back when full and before the commit.
    entries: FxHashMap<String, (EntryCells, bool)>,
    insert: rusqlite::Statement<'t>,
    new_batch: rusqlite::Statement<'t>,
    state_records: rusqlite::Statement<'t>,
    step_records: rusqlite::Statement<'t>,
    setting_of: rusqlite::Statement<'t>,
    codes_given: rusqlite::Statement<'t>,
    path: PathBuf,
    seq: i64,
    /// The last record before this transaction.
    started: i64,
    previous: Vec<u8>,
    header: chain::BatchHeader,
    /// The `batches` row, written with the first record (no empty batches).
    batch_id: Option<i64>,
    stored: usize,
    /// The hash forecast for the next record (see `forecast`), and whether
    /// every record since the forecast was made is as it assumed.
    expected: Option<Forecasted>,
    forecast_holds: bool,
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
    /// When each lock record was made (UTC, RFC 3339): the end of marking
    /// that appeal deadlines count from.
    pub locked_at: Vec<(i64, String)>,
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

/// Entries' stored cells, as [`Store::each_entry_batch`] fetches them.
#[derive(Default)]
pub struct StoredBatch {
    ids: String,
    encodings: Vec<u8>,
    /// Where each entry's id and encoding end.
    ends: Vec<(usize, usize)>,
}

impl StoredBatch {
    fn push(&mut self, entry: &str, encoding: &[u8]) {
        self.ids.push_str(entry);
        self.encodings.extend_from_slice(encoding);
        self.ends.push((self.ids.len(), self.encodings.len()));
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The `i`th entry's id and cells' encoding.
    pub fn get(&self, i: usize) -> (&str, &[u8]) {
        let (id_start, start) = if i == 0 { (0, 0) } else { self.ends[i - 1] };
        let (id_end, end) = self.ends[i];
        (&self.ids[id_start..id_end], &self.encodings[start..end])
    }
}

/// An entry's current marks (those asked for) from its stored encoding
/// (of a store at `path`), as borrowed text and in no particular order:
/// `(criterion, element, judge, value)` — the fast way to read them all,
/// with nothing made per mark.
pub fn stored_marks(
    path: &Path,
    entry: &str,
    bytes: &[u8],
    which: Which,
    each: impl FnOnce(&mut dyn Iterator<Item = (&str, u8, &str, &str)>),
) -> Result<(), StoreError> {
    // The current format is read in place; an older one through the map it decodes to.
    let owned;
    let cells = match cells::refs_of(bytes) {
        Some(cells) => cells,
        None => {
            owned = EntryCells::decode(bytes).ok_or_else(|| unreadable(path, entry))?;
            owned.refs()
        }
    };
    let wanted = |confirmed: bool| match which {
        Which::All => true,
        Which::Confirmed => confirmed,
        Which::Unconfirmed => !confirmed,
    };
    let mut marks = cells
        .iter()
        .filter(|cell| wanted(cell.confirmed))
        .map(|cell| (cell.criterion, cell.element, cell.judge, cell.value));
    each(&mut marks);
    Ok(())
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
            message: msg!("store-not-stored", error = e),
        }
    }

    /// Starts a new batch for `actor` within the same transaction: records
    /// from here on say they were entered by them. The server commits many
    /// judges' marks together (one disk flush for all) yet records each
    /// judge's own.
    pub fn begin_batch(&mut self, actor: &str, source: &str) {
        if self.header.actor != actor || self.header.source != source {
            self.forecast_holds = false;
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
        let mark = self.mark(cell)?;
        mark.map(|mark| current_of(&mut self.actor_of, &self.path, &mark)).transpose()
    }

    /// The entry's current marks, read once per batch; `changed` if the
    /// caller will change them.
    fn cells(&mut self, entry: &str) -> Result<&mut EntryCells, StoreError> {
        if !self.entries.contains_key(entry) {
            // Bounded: an import of a whole province would otherwise hold every entry.
            if self.entries.len() >= ENTRIES_HELD {
                self.write_entries()?;
                self.entries.clear();
            }
            let cells = cells_of(&mut self.cells_of, &self.path, entry)?;
            self.entries.insert(entry.to_string(), (cells, false));
        }
        Ok(&mut self.entries.get_mut(entry).expect("just read").0)
    }

    /// Sets a cell's current mark; its entry's marks were read first.
    fn set(&mut self, cell: &Cell, mark: CellMark) {
        let (cells, changed) = self
            .entries
            .get_mut(&cell.entry)
            .expect("the entry's marks are read before they change");
        cells.0.insert(CellKey::of(cell), mark);
        *changed = true;
    }

    /// The cell's current mark as this batch has it.
    fn mark(&mut self, cell: &Cell) -> Result<Option<CellMark>, StoreError> {
        Ok(self.cells(&cell.entry)?.0.get(&CellKey::of_ref(cell)).cloned())
    }

    /// Writes back the current marks this batch changed.
    fn write_entries(&mut self) -> Result<(), StoreError> {
        for (entry, (cells, changed)) in &mut self.entries {
            if std::mem::take(changed) {
                self.write_cells
                    .execute(params![entry, cells.encode()])
                    .map_err(|e| StoreError::new(&self.path, e))?;
            }
        }
        Ok(())
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
        if let Some(current) = self.current(cell)? {
            return Ok(Appended::Exists(current));
        }
        let seq = self.log(cell, value, None, "")?;
        let mark = CellMark {
            value: value.into(),
            seq,
            first: seq,
            confirmed: None,
        };
        self.set(cell, mark);
        Ok(Appended::Stored(seq))
    }

    /// Confirms the cell's current mark (record `mark`), entered by someone
    /// else: the second entry of double entry agreed with it.
    pub fn confirm(&mut self, cell: &Cell, value: &str, mark: i64) -> Result<i64, StoreError> {
        let current = self.mark(cell)?;
        let seq = self.record("confirm", cell, value, Some(mark), "")?;
        if let Some(current) = current {
            self.set(
                cell,
                CellMark {
                    confirmed: Some(seq),
                    ..current
                },
            );
        }
        Ok(seq)
    }

    /// Records an entry's anonymous code of `layer` (1: the entry's, 2: its work piece's).
    pub fn record_code(&mut self, entry: &str, code: &str, layer: u8) -> Result<i64, StoreError> {
        let cell = Cell {
            entry: entry.into(),
            criterion: code_layer_tag(layer).into(),
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

    /// The last record before this transaction: what the caller read the
    /// store at, if it decided outside it, must still be the head.
    pub fn head_before(&self) -> i64 {
        self.started
    }

    /// When this batch is recorded as made (UTC, RFC 3339).
    pub fn at(&self) -> &str {
        &self.header.at
    }

    /// Records a step of the workflow (`event` decides which steps may be
    /// taken; this only writes one down).
    pub fn record_step(&mut self, step: &str, subject: &str, value: &str, reason: &str) -> Result<i64, StoreError> {
        let cell = Cell {
            entry: subject.into(),
            criterion: step.into(),
            element: 0,
            judge: String::new(),
        };
        self.record("step", &cell, value, None, reason)
    }

    /// A setting (`Store::setting`), as of this batch.
    pub fn setting(&mut self, name: &str) -> Result<Option<String>, StoreError> {
        let path = self.path.clone();
        self.setting_of
            .query_row([format!("setting:{name}")], |row| row.get(0))
            .optional()
            .map_err(|e| StoreError::new(&path, e))
    }

    /// Whether the entries have been given codes (layer 1).
    pub fn has_codes(&mut self) -> Result<bool, StoreError> {
        let path = self.path.clone();
        self.codes_given
            .query_row([], |row| row.get(0))
            .map_err(|e| StoreError::new(&path, e))
    }

    /// The workflow's steps as of this batch (its own included), oldest first.
    pub fn steps(&mut self) -> Result<Vec<StepRecord>, StoreError> {
        read_steps(&mut self.step_records, &self.path)
    }

    /// The scopes locked now, with the record that locked each, and whether
    /// the results are published — as of this batch.
    pub fn state(&mut self) -> Result<State, StoreError> {
        read_state(&mut self.state_records, &self.path)
    }

    /// Stores a correction of the cell's current mark `replaces`, for `reason`.
    pub fn correct(&mut self, cell: &Cell, value: &str, replaces: i64, reason: &str) -> Result<i64, StoreError> {
        let first = self.mark(cell)?.map(|current| current.first);
        let seq = self.log(cell, value, Some(replaces), reason)?;
        let mark = CellMark {
            value: value.into(),
            seq,
            first: first.unwrap_or(seq),
            confirmed: None,
        };
        self.set(cell, mark);
        Ok(seq)
    }

    /// Appends a mark record to the log.
    fn log(&mut self, cell: &Cell, value: &str, replaces: Option<i64>, reason: &str) -> Result<i64, StoreError> {
        self.record("mark", cell, value, replaces, reason)
    }

    /// The hashes the records from here on will have if each is the first
    /// mark of a cell, in order, for another thread to work out ahead; give
    /// each to `expect` before entering its mark.
    pub fn forecast(&mut self) -> Forecast {
        self.forecast_holds = true;
        Forecast::new(self.seq, &self.previous, &self.header)
    }

    /// The forecast hash of the next record, if it is the first mark of the
    /// cell it was forecast for: the record takes it instead of hashing.
    /// The caller enters that cell's mark next; if the record is anything
    /// else, or follows a record that did not take its forecast, it is
    /// hashed as usual and no forecast is taken again.
    pub fn expect(&mut self, forecasted: Forecasted) {
        self.expected = Some(forecasted);
    }

    /// Appends a record to the log, chained to the one before.
    fn record(&mut self, kind: &str, cell: &Cell, value: &str, replaces: Option<i64>, reason: &str) -> Result<i64, StoreError> {
        let seq = self.seq + 1;
        let batch_id = self.batch_id()?;
        let fields = chain::RecordFields {
            seq,
            kind,
            cell,
            value,
            replaces,
            reason,
            batch: &self.header,
        };
        let first_mark = kind == "mark" && replaces.is_none() && reason.is_empty();
        let hash = match self.expected.take() {
            Some(forecast) if self.forecast_holds && first_mark && forecast.seq == seq => {
                debug_assert_eq!(
                    forecast.hash,
                    chain::hash(&self.previous, &fields),
                    "record #{seq}: the forecast is wrong"
                );
                forecast.hash
            }
            _ => {
                self.forecast_holds = false;
                chain::hash(&self.previous, &fields)
            }
        };
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
        self.previous.clear();
        self.previous.extend_from_slice(&hash);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_is_read_in_the_words_of_its_index() {
        assert!(STATE_QUERY.contains(STATE_KINDS), "the planner would not use the index");
    }

    /// An empty folder of this test's own.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("podium-store-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn cell(entry: usize, judge: &str) -> Cell {
        Cell {
            entry: format!("E{entry:05}"),
            criterion: "quality".into(),
            element: 0,
            judge: judge.into(),
        }
    }

    /// More entries than a batch holds, and than the export reads at once,
    /// each marked twice far apart: nothing is lost, the order is kept.
    #[test]
    fn more_entries_than_are_held_at_once_keep_every_mark_in_order() {
        let dir = scratch("held");
        let mut store = Store::open(&dir.join("marks.db")).unwrap();
        let entries = ENTRIES_HELD.max(ENTRIES_READ) + 10;
        let entered: Vec<Cell> = ["J1", "J2"].iter().flat_map(|j| (0..entries).map(move |e| cell(e, j))).collect();
        store
            .transact("clerk", "test", |batch| {
                for cell in &entered {
                    assert!(matches!(batch.append(cell, "5")?, Appended::Stored(_)));
                }
                // Found again after their entries were written back to make room.
                for cell in &entered[..10] {
                    assert!(matches!(batch.append(cell, "5")?, Appended::Exists(_)));
                }
                Ok::<_, StoreError>(())
            })
            .unwrap();
        let mut exported = Vec::new();
        store.current_marks(Which::All, true, |cell, _| exported.push(cell)).unwrap();
        assert_eq!(exported, entered);
        let mut scored = 0;
        store.current_marks(Which::All, false, |_, _| scored += 1).unwrap();
        assert_eq!(scored, entered.len());
        assert_eq!(store.verify().unwrap(), (entered.len(), vec![]));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A store of layout 2 (each entry's cells in format 1) is read as it
    /// is; an entry is written in this layout's format when it changes.
    #[test]
    fn a_store_of_layout_2_is_read_and_its_entries_written_anew_as_they_change() {
        let dir = scratch("layout-2");
        let path = dir.join("marks.db");
        let entered: Vec<Cell> = ["J1", "J2"].iter().flat_map(|j| (0..3).map(move |e| cell(e, j))).collect();
        let mut store = Store::open(&path).unwrap();
        store
            .transact("clerk", "test", |batch| {
                entered.iter().try_for_each(|cell| batch.append(cell, "7.5").map(|_| ()))
            })
            .unwrap();
        let mut before = Vec::new();
        store
            .current_marks(Which::All, true, |cell, value| before.push((cell, value)))
            .unwrap();
        drop(store);
        let connection = Connection::open(&path).unwrap();
        let rows: Vec<(String, Vec<u8>)> = connection
            .prepare("SELECT entry, cells FROM current_by_entry")
            .unwrap()
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        for (entry, bytes) in rows {
            let format_1 = cells::encode_format_1(&EntryCells::decode(&bytes).unwrap());
            connection
                .execute("UPDATE current_by_entry SET cells = ?1 WHERE entry = ?2", params![format_1, entry])
                .unwrap();
        }
        connection.execute("UPDATE meta SET value = '2' WHERE key = 'schema'", []).unwrap();
        drop(connection);

        let mut store = Store::open(&path).unwrap();
        let layout: String = store
            .connection
            .query_row("SELECT value FROM meta WHERE key = 'schema'", [], |row| row.get(0))
            .unwrap();
        assert_eq!(layout, SCHEMA_VERSION);
        let mut after = Vec::new();
        store
            .current_marks(Which::All, true, |cell, value| after.push((cell, value)))
            .unwrap();
        assert_eq!(after, before);
        assert_eq!(store.verify().unwrap(), (entered.len(), vec![]));
        store
            .transact("clerk", "test", |batch| batch.append(&cell(0, "J3"), "8").map(|_| ()))
            .unwrap();
        let format_of = |entry: usize| -> u8 {
            store
                .connection
                .query_row(
                    "SELECT cells FROM current_by_entry WHERE entry = ?1",
                    [cell(entry, "").entry],
                    |row| row.get::<_, Vec<u8>>(0),
                )
                .unwrap()[0]
        };
        assert_eq!(
            (format_of(0), format_of(1)),
            (2, 1),
            "the changed entry written anew, the others left"
        );
        assert_eq!(store.verify().unwrap(), (entered.len() + 1, vec![]));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// Hashes forecast for rows that all become first marks are taken; once
    /// a row is skipped (already stored) or stored otherwise (a
    /// correction), the records after it are hashed as usual.
    #[test]
    fn forecast_hashes_are_taken_only_while_every_record_is_as_forecast() {
        let dir = scratch("forecast");
        let mut store = Store::open(&dir.join("marks.db")).unwrap();
        let first = cell(0, "J1");
        store
            .transact("clerk", "test", |batch| batch.append(&first, "5").map(|_| ()))
            .unwrap();
        let rows: Vec<Cell> = (1..8).map(|e| cell(e, "J1")).collect();
        for (skipped, corrected) in [(None, None), (Some(2), None), (None, Some(first.clone()))] {
            let rows: Vec<Cell> = rows
                .iter()
                .map(|c| Cell {
                    judge: format!("{}{skipped:?}{corrected:?}", c.judge),
                    ..c.clone()
                })
                .collect();
            let taken = store
                .transact("clerk", "test", |batch| -> Result<Vec<bool>, StoreError> {
                    let mut forecast = batch.forecast();
                    let forecasts: Vec<Forecasted> = rows.iter().map(|c| forecast.first_mark(c, "6")).collect();
                    let mut taken = Vec::new();
                    for (i, (row, forecasted)) in rows.iter().zip(forecasts).enumerate() {
                        batch.expect(forecasted);
                        if Some(i) == skipped {
                            continue;
                        }
                        match (&corrected, i) {
                            (Some(cell), 3) => {
                                let current = batch.mark(cell)?.unwrap().seq;
                                batch.correct(cell, "4", current, "misread")?;
                            }
                            _ => assert!(matches!(batch.append(row, "6")?, Appended::Stored(_))),
                        }
                        taken.push(batch.forecast_holds);
                    }
                    Ok(taken)
                })
                .unwrap();
            let expected: Vec<bool> = match (skipped, &corrected) {
                (None, None) => vec![true; 7],
                (Some(2), _) => vec![true, true, false, false, false, false],
                _ => vec![true, true, true, false, false, false, false],
            };
            assert_eq!(taken, expected, "skipped {skipped:?}, corrected {corrected:?}");
            let (records, problems) = store.verify().unwrap();
            assert_eq!(problems, vec![], "skipped {skipped:?}, corrected {corrected:?}");
            assert!(records > 7);
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
