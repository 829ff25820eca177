//! Who takes a step: the command line and the desk act as one of the
//! roles the contest names (`--as chief`), and a role takes only the
//! steps it may. The command line cannot prove who is typing (whoever
//! can run it can open the store); the check keeps honest people from
//! taking another role's step by mistake, and the record says who did.

use crate::contest::workflow::{Action, RoleHolder};
use crate::contest::Rules;
use crate::error::suggestion;
use crate::i18n::Text;
use crate::msg;

/// Who is taking a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The person, as the records name them.
    pub name: String,
    /// The role they act in; None in a contest without `workflow:`.
    pub holder: Option<RoleHolder>,
}

impl Actor {
    /// The name the store records for the batch: `王建国 (chief)`.
    pub fn recorded(&self) -> String {
        match &self.holder {
            Some(holder) => format!("{} ({})", holder.name, holder.id),
            None => self.name.clone(),
        }
    }

    /// The role's id, if any.
    pub fn role_id(&self) -> Option<&str> {
        self.holder.as_ref().map(|h| h.id.as_str())
    }
}

/// The actor for `action`: in a contest with a workflow, the role `as_role`
/// names, refused if it is not given, not declared or may not take the
/// action; in a contest without one, whoever runs the command (`by`).
pub fn acting(rules: &Rules, as_role: Option<&str>, by: Option<&str>, action: Action) -> Result<Actor, Text> {
    let Some(workflow) = &rules.workflow else {
        if let Some(id) = as_role {
            return Err(msg!("event-no-roles", id = id));
        }
        let name = person(by).map_err(Text::from)?;
        return Ok(Actor { name, holder: None });
    };
    let ids = || workflow.roles.iter().map(|r| r.id.as_str());
    let Some(id) = as_role.map(str::trim) else {
        let able: Vec<String> = workflow.who_may(action).map(|r| format!("`--as {}`", r.id)).collect();
        return Err(msg!("event-role-needed", action = action.words(), roles = able.join(", ")));
    };
    let Some(holder) = workflow.holder(id) else {
        return Err(msg!("event-role-unknown", id = id, suggestion = suggestion(id, ids())));
    };
    if !holder.may(action) {
        let able: Vec<String> = workflow.who_may(action).map(|r| format!("{} ({})", r.name, r.id)).collect();
        return Err(msg!(
            "event-role-may-not",
            id = id,
            role = holder.role.words(),
            action = action.words(),
            able = able.join(", ")
        ));
    }
    Ok(Actor {
        name: holder.name.clone(),
        holder: Some(holder.clone()),
    })
}

/// Who is entering marks: `--by`, else the login name; refused if it holds
/// a control character (it is shown in the audit log and in terminals).
pub fn person(by: Option<&str>) -> Result<String, String> {
    let name = by
        .map(String::from)
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("LOGNAME").ok())
        .or_else(|| std::env::var("USERNAME").ok())
        .unwrap_or_else(|| "unknown".into());
    let what = if by.is_some() {
        "--by".to_string()
    } else {
        msg!("cli-mark-login-name").to_string()
    };
    crate::text::refuse_controls(&what, &name)?;
    Ok(name)
}

/// The actor for `command`: one that may take it, or, for signing and
/// decoding, the supervisor who takes its second part (`Supervise`).
pub fn acting_for(rules: &Rules, as_role: Option<&str>, by: Option<&str>, command: &super::Command) -> Result<Actor, Text> {
    match acting(rules, as_role, by, command.action()) {
        Err(refusal) if command.supervised() => acting(rules, as_role, by, Action::Supervise).map_err(|_| refusal),
        other => other,
    }
}
