//! Entering one mark into an open store batch: the decisions `podium mark`,
//! `podium import` and the server share — a new mark, the same value again
//! (nothing stored, so a replayed submission is harmless), a correction
//! (only with a reason), or a double-entry confirmation.

use crate::contest::parse_decimal;
use crate::store::{Appended, Batch, Cell, Current, StoreError};

/// Whether two entered values are the same mark (8.5 and 8.50 are).
pub fn same_value(a: &str, b: &str) -> bool {
    match (parse_decimal(a), parse_decimal(b)) {
        (Some(a), Some(b)) => a == b,
        _ => a.trim() == b.trim(),
    }
}

/// A reason as given (for a correction, an unlock): trimmed, none if
/// empty, refused if it holds a control character, which would reach the
/// audit log and terminals as a forged line or an escape code.
pub fn reason(text: Option<&str>) -> Result<Option<&str>, String> {
    let Some(text) = text.map(str::trim).filter(|r| !r.is_empty()) else {
        return Ok(None);
    };
    crate::text::refuse_controls(&crate::msg!("cli-the-reason").to_string(), text)?;
    Ok(Some(text))
}

/// What entering a mark did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entered {
    /// A first mark for the cell, stored as this record.
    Stored(i64),
    /// The cell already has this value: nothing stored.
    Unchanged(Current),
    /// A correction of `from`, stored as record `seq`.
    Corrected { seq: i64, from: Current },
    /// The cell has another value and no reason was given: nothing stored.
    NeedsReason(Current),
}

/// Enters `value` for `cell`: stores a first mark, or with a `reason`
/// corrects the current one.
pub fn enter(batch: &mut Batch, cell: &Cell, value: &str, reason: Option<&str>) -> Result<Entered, StoreError> {
    let current = match batch.append(cell, value)? {
        Appended::Stored(seq) => return Ok(Entered::Stored(seq)),
        Appended::Exists(current) => current,
    };
    if same_value(&current.value, value) {
        return Ok(Entered::Unchanged(current));
    }
    match reason.map(str::trim).filter(|r| !r.is_empty()) {
        Some(reason) => {
            let seq = batch.correct(cell, value, current.seq, reason)?;
            Ok(Entered::Corrected { seq, from: current })
        }
        None => Ok(Entered::NeedsReason(current)),
    }
}

/// How a second entry (double entry) compares with the stored first entry.
pub enum Verified {
    /// Agrees, entered by someone else: confirmed by this record.
    Confirmed(i64),
    AlreadyConfirmed,
    /// Disagrees, or there is no first entry: for the chief judge to resolve.
    Disagrees(String),
}

/// Checks a second entry against the cell's first and confirms it if they
/// agree. The clerk who typed the first entry may not confirm it.
pub fn verify(batch: &mut Batch, cell: &Cell, value: &str, clerk: &str) -> Result<Result<Verified, String>, StoreError> {
    let Some(current) = batch.current(cell)? else {
        return Ok(Ok(Verified::Disagrees(
            "no first entry to verify: enter the sheet without --verify first".into(),
        )));
    };
    if !same_value(&current.value, value) {
        return Ok(Ok(Verified::Disagrees(format!(
            "the first entry is {} (#{}, by {}), the second {value}",
            current.value, current.seq, current.by
        ))));
    }
    if current.by == clerk {
        return Ok(Err(format!(
            "{clerk} entered this mark (#{}); a second clerk must verify it",
            current.seq
        )));
    }
    if current.confirmed.is_some() {
        return Ok(Ok(Verified::AlreadyConfirmed));
    }
    Ok(Ok(Verified::Confirmed(batch.confirm(cell, value, current.seq)?)))
}
