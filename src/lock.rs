//! What a lock covers: the whole contest, a criterion, a category, or a
//! division. Stored in the mark store's log as text ("criterion quality.x").

use crate::contest::Rules;
use crate::data::Entries;
use crate::error::suggest;
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
    ) -> Result<Scope, String> {
        match (criterion, category, division) {
            (None, None, None) => Ok(Scope::Contest),
            (Some(key), None, None) => match rules.criterion_index.get(key) {
                Some(_) => Ok(Scope::Criterion(key.into())),
                None => Err(format!(
                    "--criterion: unknown criterion `{key}`; {}",
                    suggest(key, rules.criterion_index.keys().map(String::as_str))
                )),
            },
            (None, Some(id), None) => match rules.categories.iter().any(|c| c.id == id) {
                true => Ok(Scope::Category(id.into())),
                false => Err(format!(
                    "--category: unknown category `{id}`; {}",
                    suggest(id, rules.categories.iter().map(|c| c.id.as_str()))
                )),
            },
            (None, None, Some(text)) => {
                let Some((field, value)) = text.split_once('=') else {
                    return Err(format!("--division: write it as field=value, e.g. trade=welder (not `{text}`)"));
                };
                let (field, value) = (field.trim(), value.trim());
                if !rules.contest.divisions.iter().any(|d| d == field) {
                    return Err(format!(
                        "--division: `{field}` is not a division; {}",
                        suggest(field, rules.contest.divisions.iter().map(String::as_str))
                    ));
                }
                if !entries.list.iter().any(|e| entries.field(e, field) == Some(value)) {
                    return Err(format!("--division: no entry has {field} `{value}`"));
                }
                Ok(Scope::Division(field.into(), value.into()))
            }
            _ => Err("name one scope: --criterion, --category or --division (or none, for the whole contest)".into()),
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
        match Scope::parse(text) {
            Some(Scope::Contest) => Ok(Scope::Contest),
            Some(Scope::Criterion(key)) => Scope::from_flags(rules, entries, Some(&key), None, None),
            Some(Scope::Category(id)) => Scope::from_flags(rules, entries, None, Some(&id), None),
            Some(Scope::Division(field, value)) => Scope::from_flags(rules, entries, None, None, Some(&format!("{field}={value}"))),
            None => Err(format!(
                "`{}` is not a scope: contest, criterion KEY, category ID or division FIELD=VALUE",
                text.trim()
            )),
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

/// Why a mark of this entry's criterion may not change now, if it may not.
pub fn refusal(state: &State, rules: &Rules, entries: &Entries, entry: u32, criterion: usize) -> Option<String> {
    if let Some(seq) = state.published {
        return Some(format!("the results were published (#{seq}); nothing can change"));
    }
    state.locked.iter().find_map(|(text, seq)| {
        let scope = Scope::parse(text)?;
        scope
            .covers(rules, entries, entry, criterion)
            .then(|| format!("{text} is locked (#{seq}); the chief judge can unlock it with `podium unlock`"))
    })
}

/// Records a lock, unlock or publish of the scope `text` in the open batch,
/// if the event's state allows it: what was done, or why not.
pub fn change_state(batch: &mut crate::store::Batch, change: StateChange, text: &str, reason: &str) -> Result<String, String> {
    crate::text::refuse_controls("the reason", reason)?;
    let state = batch.state()?;
    if let Some(seq) = state.published {
        return Err(format!("the results were published (#{seq}); nothing can change"));
    }
    let locked = state.locked.iter().find(|(s, _)| *s == text).map(|(_, seq)| *seq);
    match (change, locked) {
        (StateChange::Lock, Some(seq)) => Ok(format!("{text} is already locked (#{seq})")),
        (StateChange::Lock, None) => Ok(format!("locked {text} (#{})", batch.record_state(change, text, reason)?)),
        (StateChange::Unlock, None) => Err(format!("{text} is not locked{}", held_by(&state.locked))),
        (StateChange::Unlock, Some(_)) if reason.is_empty() => {
            Err(format!("unlocking {text} needs a reason: --reason \"…\" (kept in the audit trail)"))
        }
        (StateChange::Unlock, Some(_)) => Ok(format!("unlocked {text} (#{})", batch.record_state(change, text, reason)?)),
        (StateChange::Publish, None) => Err("lock the whole contest before publishing: `podium lock CONTEST`".into()),
        (StateChange::Publish, Some(_)) => Ok(format!(
            "published (#{}): the results are final; no mark can change",
            batch.record_state(change, text, reason)?
        )),
    }
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
