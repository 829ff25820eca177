//! `podium lock`, `unlock` and `publish`: the event's state, open → locked →
//! published, recorded in the mark store's log like marks.

use crate::contest::workflow::Action;
use crate::event;
use crate::load::{load_contest, Sources};
use crate::lock::Scope;
use crate::store::{StateChange, Store};
use std::path::Path;

pub struct ScopeFlags<'a> {
    pub criterion: Option<&'a str>,
    pub category: Option<&'a str>,
    pub division: Option<&'a str>,
}

pub fn run(
    contest: &Path,
    change: StateChange,
    flags: ScopeFlags,
    reason: Option<&str>,
    by: Option<&str>,
    role: Option<&str>,
) -> Result<(), String> {
    let (rules, entries) = load_contest(contest).map_err(|p| p.to_string())?;
    let scope = Scope::from_flags(&rules, &entries, flags.criterion, flags.category, flags.division).map_err(|why| why.to_string())?;
    let text = scope.text();
    let reason = reason.map(str::trim).unwrap_or("");
    let action = match change {
        StateChange::Publish => Action::Publish,
        StateChange::Lock | StateChange::Unlock => Action::Lock,
    };
    let actor = event::acting(&rules, role, by, action).map_err(|why| why.to_string())?;
    let mut store = Store::open(&Sources::of(&rules, None).store)?;
    // Publishing is the workflow's last step: its rule is decided on the event as stored.
    if change == StateChange::Publish {
        let said = event::carry_out(&mut store, &rules, &actor, &event::Command::Publish, reason, "podium publish")
            .map_err(|why| why.to_string())?;
        for line in said {
            println!("{line}");
        }
        return Ok(());
    }
    let command = match change {
        StateChange::Lock => "podium lock",
        _ => "podium unlock",
    };
    let said = store.transact(&actor.recorded(), command, |batch| {
        crate::lock::change_state(batch, change, &text, reason)
    })?;
    println!("{said}");
    Ok(())
}
