//! `podium lock`, `unlock` and `publish`: the event's state, open → locked →
//! published, recorded in the mark store's log like marks.

use super::mark::actor;
use crate::load::{load_contest, Sources};
use crate::lock::Scope;
use crate::store::{StateChange, Store};
use std::path::Path;

pub struct ScopeFlags<'a> {
    pub criterion: Option<&'a str>,
    pub category: Option<&'a str>,
    pub division: Option<&'a str>,
}

pub fn run(contest: &Path, change: StateChange, flags: ScopeFlags, reason: Option<&str>, by: Option<&str>) -> Result<(), String> {
    let (rules, entries) = load_contest(contest).map_err(|p| p.to_string())?;
    let scope = Scope::from_flags(&rules, &entries, flags.criterion, flags.category, flags.division)?;
    let text = scope.text();
    let reason = reason.map(str::trim).unwrap_or("");
    let mut store = Store::open(&Sources::of(&rules, None).store)?;
    let command = match change {
        StateChange::Lock => "podium lock",
        StateChange::Unlock => "podium unlock",
        StateChange::Publish => "podium publish",
    };
    let said = store.transact(&actor(by), command, |batch| {
        let state = batch.state()?;
        if let Some(seq) = state.published {
            return Err(format!("the results were published (#{seq}); nothing can change"));
        }
        let locked = state.locked.iter().find(|(s, _)| *s == text).map(|(_, seq)| *seq);
        match (change, locked) {
            (StateChange::Lock, Some(seq)) => Ok(format!("{text} is already locked (#{seq})")),
            (StateChange::Lock, None) => Ok(format!("locked {text} (#{})", batch.record_state(change, &text, reason)?)),
            (StateChange::Unlock, None) => Err(format!("{text} is not locked{}", held_by(&state.locked))),
            (StateChange::Unlock, Some(_)) if reason.is_empty() => {
                Err(format!("unlocking {text} needs a reason: --reason \"…\" (kept in the audit trail)"))
            }
            (StateChange::Unlock, Some(_)) => Ok(format!("unlocked {text} (#{})", batch.record_state(change, &text, reason)?)),
            (StateChange::Publish, None) => Err("lock the whole contest before publishing: `podium lock CONTEST`".into()),
            (StateChange::Publish, Some(_)) => Ok(format!(
                "published (#{}): the results are final; no mark can change",
                batch.record_state(change, &text, reason)?
            )),
        }
    })?;
    println!("{said}");
    Ok(())
}

/// What is locked instead, for an unlock that names the wrong scope.
fn held_by(locked: &[(String, i64)]) -> String {
    if locked.is_empty() {
        String::new()
    } else {
        let scopes: Vec<String> = locked.iter().map(|(s, seq)| format!("{s} (#{seq})")).collect();
        format!("; locked now: {}", scopes.join(", "))
    }
}
