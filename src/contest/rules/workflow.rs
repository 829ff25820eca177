//! Checks `workflow:` as written and compiles it: roles named once, each
//! step's roles present, lengths of time read, numbers in range.

use super::Compiler;
use crate::contest::model::Contest;
use crate::contest::workflow::{seconds, Action, AppealPlan, DrawPlan, RecheckPlan, Role, RoleHolder, Workflow};
use crate::msg;
use rust_decimal::Decimal;

/// At most this many stations or heats: more is a typo, not a contest.
const MAX_STATIONS: u32 = 100_000;

/// The workflow a contest runs, checked.
#[derive(Debug, Clone)]
pub struct WorkflowRules {
    pub roles: Vec<RoleHolder>,
    pub draw: Option<DrawPlan>,
    pub code_layers: u8,
    pub sign_offs: bool,
    pub recheck: Option<RecheckPlan>,
    /// Appeals are filed within this many seconds of the end of marking.
    pub appeal_within: Option<u64>,
    /// The public notice lasts this many seconds.
    pub notice_length: Option<u64>,
}

impl WorkflowRules {
    /// The holder of role id `id`.
    pub fn holder(&self, id: &str) -> Option<&RoleHolder> {
        self.roles.iter().find(|r| r.id == id)
    }

    /// Everyone who may take `action`.
    pub fn who_may(&self, action: Action) -> impl Iterator<Item = &RoleHolder> {
        self.roles.iter().filter(move |r| r.may(action))
    }
}

impl Compiler<'_> {
    pub(super) fn workflow(&mut self, contest: &Contest) -> Option<WorkflowRules> {
        let workflow = contest.workflow.as_ref()?;
        self.workflow_roles(workflow);
        if workflow.code_layers > 2 {
            self.report(
                &["workflow", "code_layers"],
                "workflow.code_layers",
                msg!("rules-workflow-code-layers", layers = workflow.code_layers),
                None,
            );
        }
        if workflow.code_layers > 0 && contest.marking.blind {
            self.report(&["blind"], "marking.blind", msg!("rules-workflow-blind-twice"), None);
        }
        self.workflow_needs(workflow);
        if let Some(plan) = &workflow.draw {
            self.draw_plan(plan);
        }
        if let Some(plan) = &workflow.recheck {
            self.recheck_plan(plan);
        }
        let appeal_within = workflow
            .appeals
            .as_ref()
            .and_then(|AppealPlan { within }| self.length(within, "workflow.appeals.within", "within"));
        let notice_length = workflow
            .notice
            .as_ref()
            .and_then(|plan| self.length(&plan.length, "workflow.notice.length", "length"));
        Some(WorkflowRules {
            roles: workflow.roles.clone(),
            draw: workflow.draw.clone(),
            code_layers: workflow.code_layers,
            sign_offs: workflow.sign_offs,
            recheck: workflow.recheck.clone(),
            appeal_within,
            notice_length,
        })
    }

    fn workflow_roles(&mut self, workflow: &Workflow) {
        for (k, holder) in workflow.roles.iter().enumerate() {
            let field = format!("workflow.roles[{k}]");
            let anchor = format!("\"{}\"", holder.id);
            self.check_id(&holder.id, &["roles", &anchor], &format!("{field}.id"));
            if workflow.roles[..k].iter().any(|r| r.id == holder.id) {
                self.report(
                    &["roles", &anchor, &anchor],
                    format!("{field}.id"),
                    msg!("rules-workflow-role-twice", id = holder.id),
                    None,
                );
            }
            if holder.name.trim().is_empty() {
                self.report(
                    &["roles", &anchor],
                    format!("{field}.name"),
                    msg!("rules-workflow-role-nameless", id = holder.id),
                    None,
                );
            }
        }
    }

    /// Each declared step has someone who may take it.
    fn workflow_needs(&mut self, workflow: &Workflow) {
        let mut needs: Vec<(Action, &str)> = Vec::new();
        if workflow.draw.is_some() {
            needs.push((Action::Draw, "draw"));
        }
        if workflow.code_layers > 0 {
            needs.extend([
                (Action::Code, "code_layers"),
                (Action::Decode, "code_layers"),
                (Action::Supervise, "code_layers"),
            ]);
        }
        if workflow.sign_offs {
            needs.extend([
                (Action::ConfirmSheet, "sign_offs"),
                (Action::SignResults, "sign_offs"),
                (Action::Supervise, "sign_offs"),
            ]);
        }
        if workflow.recheck.is_some() {
            needs.push((Action::Recheck, "recheck"));
        }
        if workflow.appeals.is_some() {
            needs.extend([(Action::FileAppeal, "appeals"), (Action::Rule, "appeals")]);
        }
        if workflow.notice.is_some() {
            needs.extend([(Action::Notice, "notice"), (Action::Rule, "notice")]);
        }
        needs.push((Action::Publish, "roles"));
        for (action, step) in needs {
            if !workflow.roles.iter().any(|r| r.may(action)) {
                self.report(
                    &["workflow", step],
                    format!("workflow.{step}"),
                    msg!("rules-workflow-nobody-may", action = action.words()),
                    Some(msg!("rules-workflow-nobody-may-help", roles = usual_holders(action))),
                );
            }
        }
    }

    fn draw_plan(&mut self, plan: &DrawPlan) {
        let named = plan.stations.len() as u64;
        let counted = plan.station_count.map(u64::from);
        let anchors = ["workflow", "draw"];
        match (named, counted) {
            (0, None) => self.report(&anchors, "workflow.draw.stations", msg!("rules-draw-no-stations"), None),
            (1.., Some(_)) => self.report(&anchors, "workflow.draw.station_count", msg!("rules-draw-stations-twice"), None),
            _ => {}
        }
        let too_many = |n: u64| n == 0 || n > u64::from(MAX_STATIONS);
        if named > u64::from(MAX_STATIONS) || counted.is_some_and(too_many) || plan.heats.is_some_and(|h| too_many(h.into())) {
            self.report(&anchors, "workflow.draw", msg!("rules-draw-count", max = MAX_STATIONS), None);
        }
        let mut all: Vec<&String> = plan.stations.iter().chain(&plan.backups).collect();
        for name in &all {
            if name.trim().is_empty() || name.chars().any(char::is_control) {
                self.report(
                    &anchors,
                    "workflow.draw.stations",
                    msg!("rules-draw-station-name", name = name),
                    None,
                );
            }
        }
        all.sort();
        if let Some(pair) = all.windows(2).find(|w| w[0] == w[1]) {
            self.report(
                &anchors,
                "workflow.draw.stations",
                msg!("rules-draw-station-twice", name = pair[0]),
                None,
            );
        }
    }

    fn recheck_plan(&mut self, plan: &RecheckPlan) {
        let percent = |n: Decimal| n >= Decimal::ZERO && n <= Decimal::ONE_HUNDRED;
        for (value, field) in [(plan.percent.0, "percent"), (plan.threshold.0, "threshold")] {
            if !percent(value) {
                self.report(
                    &["workflow", "recheck", field],
                    format!("workflow.recheck.{field}"),
                    msg!("rules-recheck-percent", field = field, value = value),
                    None,
                );
            }
        }
        if plan.margin.is_some_and(|m| m.0 < Decimal::ZERO) {
            self.report(
                &["workflow", "recheck", "margin"],
                "workflow.recheck.margin",
                msg!("rules-recheck-margin"),
                None,
            );
        }
    }

    /// A length of time (`"2h"`), or a report of what would be valid.
    fn length(&mut self, text: &str, field: &str, anchor: &str) -> Option<u64> {
        let read = seconds(text);
        if read.is_none() {
            self.report(
                &["workflow", anchor],
                field,
                msg!("rules-workflow-length", text = text),
                Some(msg!("rules-workflow-length-help")),
            );
        }
        read
    }
}

/// The roles that usually take `action`, for a help line: "`ChiefJudge`".
fn usual_holders(action: Action) -> String {
    use Role::*;
    [Organiser, ChiefJudge, EncryptionJudge, Supervisor, Arbitration, Clerk, Judge]
        .into_iter()
        .filter(|role| role.usual_rights().contains(&action))
        .map(|role| format!("`{role:?}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
