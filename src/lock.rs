//! What a lock covers: the whole contest, a criterion, a category, or a
//! division. Stored in the mark store's log as text ("criterion quality.x").

use crate::contest::Rules;
use crate::data::Entries;
use crate::error::suggestion;
use crate::i18n::Text;
use crate::msg;
use crate::store::{State, StateChange};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Contest,
    Criterion(String),
    Category(String),
    /// A division field and its value.
    Division(String, String),
}

impl Scope {
    /// The scope the command-line flags name (none: the whole contest),
    /// checked against the contest.
    pub fn from_flags(
        rules: &Rules,
        entries: &Entries,
        criterion: Option<&str>,
        category: Option<&str>,
        division: Option<&str>,
    ) -> Result<Scope, Text> {
        match (criterion, category, division) {
            (None, None, None) => Ok(Scope::Contest),
            (Some(key), None, None) => match rules.criterion_index.get(key) {
                Some(_) => Ok(Scope::Criterion(key.into())),
                None => Err(msg!(
                    "cli-scope-unknown-criterion",
                    key = key,
                    suggestion = suggestion(key, rules.criterion_index.keys().map(String::as_str))
                )),
            },
            (None, Some(id), None) => match rules.categories.iter().any(|c| c.id == id) {
                true => Ok(Scope::Category(id.into())),
                false => Err(msg!(
                    "cli-scope-unknown-category",
                    id = id,
                    suggestion = suggestion(id, rules.categories.iter().map(|c| c.id.as_str()))
                )),
            },
            (None, None, Some(text)) => {
                let Some((field, value)) = text.split_once('=') else {
                    return Err(msg!("cli-scope-division-form", text = text));
                };
                let (field, value) = (field.trim(), value.trim());
                if !rules.contest.divisions.iter().any(|d| d == field) {
                    return Err(msg!(
                        "cli-scope-not-a-division",
                        field = field,
                        suggestion = suggestion(field, rules.contest.divisions.iter().map(String::as_str))
                    ));
                }
                if !entries.list.iter().any(|e| entries.field(e, field) == Some(value)) {
                    return Err(msg!("cli-scope-division-empty", field = field, value = value));
                }
                Ok(Scope::Division(field.into(), value.into()))
            }
            _ => Err(msg!("cli-scope-one")),
        }
    }

    /// The text stored in the log.
    pub fn text(&self) -> String {
        match self {
            Scope::Contest => "contest".into(),
            Scope::Criterion(key) => format!("criterion {key}"),
            Scope::Category(id) => format!("category {id}"),
            Scope::Division(field, value) => format!("division {field}={value}"),
        }
    }

    /// The scope for a person: "评分项 `practical.workmanship`", "the
    /// whole contest" (the stored text is podium's, not a person's).
    pub fn describe(&self) -> Text {
        match self {
            Scope::Contest => msg!("cli-scope-contest"),
            Scope::Criterion(key) => msg!("cli-scope-criterion", key = key),
            Scope::Category(id) => msg!("cli-scope-category", id = id),
            Scope::Division(field, value) => msg!("cli-scope-division", field = field, value = value),
        }
    }

    /// A stored scope's text for a person ([`Scope::describe`]), or the
    /// text itself if it is not one.
    pub fn described(text: &str) -> Text {
        Scope::parse(text).map_or_else(|| Text::from(text), |scope| scope.describe())
    }

    /// Reads a scope's text as stored (or as typed at the desk: spaces
    /// around its parts do not matter).
    pub fn parse(text: &str) -> Option<Scope> {
        let text = text.trim();
        let (kind, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
        let rest = rest.trim();
        match kind {
            "contest" if rest.is_empty() => Some(Scope::Contest),
            "criterion" if !rest.is_empty() => Some(Scope::Criterion(rest.into())),
            "category" if !rest.is_empty() => Some(Scope::Category(rest.into())),
            "division" => rest.split_once('=').map(|(f, v)| Scope::Division(f.trim().into(), v.trim().into())),
            _ => None,
        }
    }

    /// A scope typed as text (at the desk), checked as the command line's
    /// flags are.
    pub fn from_text(rules: &Rules, entries: &Entries, text: &str) -> Result<Scope, String> {
        Scope::from_text_said(rules, entries, text).map_err(|why| why.to_string())
    }

    /// [`Scope::from_text`], its refusal not yet in a language.
    pub fn from_text_said(rules: &Rules, entries: &Entries, text: &str) -> Result<Scope, Text> {
        match Scope::parse(text) {
            Some(Scope::Contest) => Ok(Scope::Contest),
            Some(Scope::Criterion(key)) => Scope::from_flags(rules, entries, Some(&key), None, None),
            Some(Scope::Category(id)) => Scope::from_flags(rules, entries, None, Some(&id), None),
            Some(Scope::Division(field, value)) => Scope::from_flags(rules, entries, None, None, Some(&format!("{field}={value}"))),
            None => Err(msg!("cli-scope-not-a-scope", text = text.trim())),
        }
    }

    /// Whether the scope covers an entry's criterion.
    pub fn covers(&self, rules: &Rules, entries: &Entries, entry: u32, criterion: usize) -> bool {
        let rule = &rules.criteria[criterion];
        match self {
            Scope::Contest => true,
            Scope::Criterion(key) => rule.key == *key,
            Scope::Category(id) => rules.categories[rule.category].id == *id,
            Scope::Division(field, value) => entries.field(&entries.list[entry as usize], field) == Some(value.as_str()),
        }
    }
}

/// Why a mark of this entry's criterion may not change now, if it may
/// not, in the language of the process.
pub fn refusal(state: &State, rules: &Rules, entries: &Entries, entry: u32, criterion: usize) -> Option<String> {
    refusal_text(state, rules, entries, entry, criterion).map(|why| why.to_string())
}

/// Why a mark of this entry's criterion may not change now, if it may not.
pub fn refusal_text(state: &State, rules: &Rules, entries: &Entries, entry: u32, criterion: usize) -> Option<Text> {
    if let Some(seq) = state.published {
        return Some(msg!("cli-lock-published", seq = seq));
    }
    state.locked.iter().find_map(|(text, seq)| {
        let scope = Scope::parse(text)?;
        scope
            .covers(rules, entries, entry, criterion)
            .then(|| msg!("cli-lock-locked", scope = scope.describe(), seq = seq))
    })
}

/// Records a lock, unlock or publish of the scope `text` in the open batch,
/// if the event's state allows it: what was done, or why not (in the
/// language of the process).
/// The record of the re-check's sample, if one is drawn.
fn recheck_drawn(batch: &mut crate::store::Batch) -> Result<Option<i64>, crate::store::StoreError> {
    Ok(batch.steps()?.iter().find(|r| r.step == "recheck-sample").map(|r| r.seq))
}

pub fn change_state(batch: &mut crate::store::Batch, change: StateChange, text: &str, reason: &str) -> Result<String, String> {
    crate::text::refuse_controls(&msg!("cli-the-reason").to_string(), reason)?;
    let state = batch.state()?;
    if let Some(seq) = state.published {
        return Err(msg!("cli-lock-published", seq = seq).to_string());
    }
    let scope = Scope::described(text);
    let locked = state.locked.iter().find(|(s, _)| *s == text).map(|(_, seq)| *seq);
    let drawn = match change {
        StateChange::Unlock => recheck_drawn(batch)?,
        _ => None,
    };
    let said = match (change, locked) {
        (StateChange::Lock, Some(seq)) => msg!("cli-lock-already", scope = scope, seq = seq),
        (StateChange::Lock, None) => msg!("cli-lock-done", scope = scope, seq = batch.record_state(change, text, reason)?),
        (StateChange::Unlock, None) if state.locked.is_empty() => return Err(msg!("cli-unlock-not-locked", scope = scope).to_string()),
        (StateChange::Unlock, None) => {
            let held: Vec<String> = state
                .locked
                .iter()
                .map(|(s, seq)| format!("{} (#{seq})", Scope::described(s)))
                .collect();
            return Err(msg!("cli-unlock-not-locked-but", scope = scope, locked = held.join(", ")).to_string());
        }
        (StateChange::Unlock, Some(_)) if reason.is_empty() => return Err(msg!("cli-unlock-needs-reason", scope = scope).to_string()),
        // Once the re-check's sample is drawn, marks change only by a recorded
        // decision: reopening marking would let a mark change unseen by it.
        (StateChange::Unlock, Some(_)) if drawn.is_some() => {
            return Err(msg!("recheck-no-unlock", scope = scope, seq = drawn.unwrap_or_default()).to_string())
        }
        (StateChange::Unlock, Some(_)) => msg!("cli-unlock-done", scope = scope, seq = batch.record_state(change, text, reason)?),
        (StateChange::Publish, None) => return Err(msg!("cli-publish-needs-lock").to_string()),
        (StateChange::Publish, Some(_)) => msg!("cli-publish-done", seq = batch.record_state(change, text, reason)?),
    };
    Ok(said.to_string())
}
