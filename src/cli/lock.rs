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
    let scope = Scope::from_flags(&rules, &entries, flags.criterion, flags.category, flags.division).map_err(|why| why.to_string())?;
    let text = scope.text();
    let reason = reason.map(str::trim).unwrap_or("");
    let mut store = Store::open(&Sources::of(&rules, None).store)?;
    let command = match change {
        StateChange::Lock => "podium lock",
        StateChange::Unlock => "podium unlock",
        StateChange::Publish => "podium publish",
    };
    let clerk = actor(by)?;
    let said = store.transact(&clerk, command, |batch| crate::lock::change_state(batch, change, &text, reason))?;
    println!("{said}");
    Ok(())
}
