//! The rule for each step, stated once: given the event as stored, who
//! is acting and what they ask, the steps to record, or why not. Pure:
//! the caller reads the event, and records what this returns in the same
//! transaction (`event::take`).

use super::{Actor, Appeal, Event, Phase, Step};
use crate::contest::workflow::Action;
use crate::contest::WorkflowRules;
use crate::i18n::Text;
use crate::msg;

/// What someone asks of the workflow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// The chief judge confirms a judge's sheet as it stands.
    ConfirmSheet { judge: String },
    /// The chief judge signs the results; the supervisor signs after.
    Sign,
    /// The encryption judge decodes the next layer; the supervisor
    /// confirms a decoding.
    Decode,
    /// The public notice starts.
    Notice,
    /// The results become final (the publish record itself is `lock`'s).
    Publish,
    /// An appeal (an objection during the notice) is filed.
    FileAppeal { entry: String, from: String, what: String },
    /// The arbitration group rules.
    Rule { id: String, upheld: bool },
}

impl Command {
    /// What the actor needs the right to do; for signing and decoding,
    /// the supervisor's part is `Supervise`.
    pub fn action(&self) -> Action {
        match self {
            Command::ConfirmSheet { .. } => Action::ConfirmSheet,
            Command::Sign => Action::SignResults,
            Command::Decode => Action::Decode,
            Command::Notice => Action::Notice,
            Command::Publish => Action::Publish,
            Command::FileAppeal { .. } => Action::FileAppeal,
            Command::Rule { .. } => Action::Rule,
        }
    }

    /// Whether acting as a supervisor (`Supervise`) also takes this command.
    pub fn supervised(&self) -> bool {
        matches!(self, Command::Sign | Command::Decode)
    }
}

/// The steps `command` records, or why it is refused.
pub fn decide(event: &Event, actor: &Actor, command: &Command, now: jiff::Timestamp) -> Result<Vec<Step>, Text> {
    if let Some(seq) = event.state.published {
        return Err(msg!("event-final", seq = seq));
    }
    let Some(workflow) = &event.workflow else {
        return match command {
            Command::Publish => Ok(Vec::new()),
            _ => Err(msg!("event-no-workflow")),
        };
    };
    let supervising = actor
        .holder
        .as_ref()
        .is_some_and(|h| h.may(Action::Supervise) && !h.may(command.action()));
    match command {
        Command::ConfirmSheet { judge } => confirm_sheet(event, workflow, judge),
        Command::Sign if supervising => countersign(event, workflow),
        Command::Sign => sign(event, workflow),
        Command::Decode if supervising => witness(event),
        Command::Decode => decode(event, workflow),
        Command::Notice => notice(event, workflow, now),
        Command::Publish => publish(event, workflow, now),
        Command::FileAppeal { entry, from, what } => file_appeal(event, workflow, now, entry, from, what),
        Command::Rule { id, upheld } => rule(event, id, *upheld),
    }
}

fn needs_sign_offs(workflow: &WorkflowRules) -> Result<(), Text> {
    match workflow.sign_offs {
        true => Ok(()),
        false => Err(msg!("event-no-sign-offs")),
    }
}

fn confirm_sheet(event: &Event, workflow: &WorkflowRules, judge: &str) -> Result<Vec<Step>, Text> {
    needs_sign_offs(workflow)?;
    let Some(digest) = event.digests.by_judge.get(judge).filter(|_| !judge.is_empty()) else {
        return Err(msg!("event-sheet-no-marks", judge = judge));
    };
    if event.sheets().iter().any(|(j, confirmed)| j == judge && *confirmed) {
        return Err(msg!("event-sheet-already", judge = judge));
    }
    Ok(vec![Step::ConfirmSheet {
        judge: judge.into(),
        digest: digest.clone(),
    }])
}

fn sign(event: &Event, workflow: &WorkflowRules) -> Result<Vec<Step>, Text> {
    needs_sign_offs(workflow)?;
    if event.whole_lock().is_none() {
        return Err(msg!("event-sign-not-locked"));
    }
    if let Some(signed) = event.signed() {
        return Err(msg!("event-sign-already", seq = signed.record.seq));
    }
    let unconfirmed: Vec<String> = event.sheets().into_iter().filter(|(_, ok)| !ok).map(|(j, _)| j).collect();
    if !unconfirmed.is_empty() {
        return Err(msg!("event-sign-sheets", judges = unconfirmed.join(", ")));
    }
    // A declared re-check comes first: drawn, done, every difference resolved.
    match &event.recheck {
        Some(facts) if !facts.drawn => return Err(msg!("event-sign-recheck-undrawn")),
        Some(facts) if facts.pending > 0 => return Err(msg!("event-sign-recheck-pending", pending = facts.pending)),
        Some(facts) if !facts.unresolved.is_empty() => {
            return Err(msg!("event-sign-recheck-unresolved", cells = facts.unresolved.join("; ")))
        }
        _ => {}
    }
    open_appeals_refuse(event)?;
    Ok(vec![Step::Sign {
        digest: event.digests.all.clone(),
    }])
}

fn countersign(event: &Event, workflow: &WorkflowRules) -> Result<Vec<Step>, Text> {
    needs_sign_offs(workflow)?;
    if event.signed().is_none() {
        return Err(msg!("event-countersign-first"));
    }
    if let Some(signed) = event.countersigned() {
        return Err(msg!("event-sign-already", seq = signed.record.seq));
    }
    Ok(vec![Step::Countersign {
        digest: event.digests.all.clone(),
    }])
}

fn decode(event: &Event, workflow: &WorkflowRules) -> Result<Vec<Step>, Text> {
    if workflow.code_layers == 0 {
        return Err(msg!("event-no-codes"));
    }
    if !event.signatures_given() {
        return Err(msg!("event-decode-unsigned", phase = event.phase().words()));
    }
    if let Some(layer) = event.decode_awaiting_witness() {
        return Err(msg!("event-decode-awaiting", layer = layer));
    }
    let decoded = event.decoded_layers();
    if decoded == workflow.code_layers {
        return Err(msg!("event-decode-done"));
    }
    Ok(vec![Step::Decode {
        layer: workflow.code_layers - decoded,
    }])
}

fn witness(event: &Event) -> Result<Vec<Step>, Text> {
    match event.decode_awaiting_witness() {
        Some(layer) => Ok(vec![Step::Witness { layer }]),
        None => Err(msg!("event-witness-nothing")),
    }
}

fn notice(event: &Event, workflow: &WorkflowRules, now: jiff::Timestamp) -> Result<Vec<Step>, Text> {
    let Some(length) = workflow.notice_length else {
        return Err(msg!("event-no-notice"));
    };
    if let Some((_, until)) = event.notice() {
        return Err(msg!("event-notice-already", until = shown(until)));
    }
    if !event.results_ready() {
        return Err(msg!(
            "event-notice-too-early",
            phase = event.phase().words(),
            needed = needed_before(workflow)
        ));
    }
    open_appeals_refuse(event)?;
    let until = now
        .checked_add(jiff::SignedDuration::from_secs(length as i64))
        .map_err(|_| msg!("event-no-notice"))?;
    Ok(vec![Step::Notice { until: until.to_string() }])
}

/// What must come before the notice and publication, in words: locked,
/// signed, decoded.
fn needed_before(workflow: &WorkflowRules) -> Text {
    match (workflow.code_layers, workflow.sign_offs) {
        (1.., _) => Phase::Decoded.words(),
        (0, true) => Phase::Signed.words(),
        (0, false) => Phase::Locked.words(),
    }
}

fn publish(event: &Event, workflow: &WorkflowRules, now: jiff::Timestamp) -> Result<Vec<Step>, Text> {
    let phase = event.phase();
    if workflow.notice_length.is_some() {
        match event.notice() {
            Some((_, until)) if now < until => return Err(msg!("event-publish-on-notice", until = shown(until))),
            Some(_) => {}
            None => return Err(msg!("event-publish-needs-notice", phase = phase.words())),
        }
    } else if !event.results_ready() {
        return Err(msg!(
            "event-publish-too-early",
            phase = phase.words(),
            needed = needed_before(workflow)
        ));
    }
    open_appeals_refuse(event)?;
    Ok(Vec::new())
}

fn open_appeals_refuse(event: &Event) -> Result<(), Text> {
    let open: Vec<String> = event.open_appeals().into_iter().map(|a| a.appeal.id).collect();
    match open.is_empty() {
        true => Ok(()),
        false => Err(msg!("event-appeals-open", ids = open.join(", "))),
    }
}

fn file_appeal(
    event: &Event,
    workflow: &WorkflowRules,
    now: jiff::Timestamp,
    entry: &str,
    from: &str,
    what: &str,
) -> Result<Vec<Step>, Text> {
    if workflow.appeal_within.is_none() && workflow.notice_length.is_none() {
        return Err(msg!("event-no-appeals"));
    }
    for (field, text) in [("--from", from), ("--what", what), ("--entry", entry)] {
        if text.trim().is_empty() {
            return Err(msg!("event-appeal-empty", field = field));
        }
        // Shown in terminals and pages: a control character would be obeyed there.
        crate::text::refuse_controls(field, text).map_err(Text::from)?;
    }
    // During the notice, an objection; before it, an appeal within its time.
    let objection = match event.notice() {
        Some((_, until)) if now < until => true,
        Some((_, until)) => return Err(msg!("event-objection-late", until = shown(until))),
        None => {
            if workflow.appeal_within.is_none() {
                return Err(msg!("event-appeal-only-on-notice"));
            }
            if let Some(deadline) = event.appeal_deadline().filter(|deadline| now > *deadline) {
                return Err(msg!("event-appeal-late", deadline = shown(deadline)));
            }
            false
        }
    };
    let prefix = if objection { "O" } else { "A" };
    let count = event.appeals().iter().filter(|a| a.appeal.objection == objection).count();
    Ok(vec![Step::Appeal(Appeal {
        id: format!("{prefix}{}", count + 1),
        entry: entry.trim().into(),
        from: from.trim().into(),
        what: what.trim().into(),
        objection,
    })])
}

fn rule(event: &Event, id: &str, upheld: bool) -> Result<Vec<Step>, Text> {
    let appeals = event.appeals();
    let Some(status) = appeals.iter().find(|a| a.appeal.id == id.trim()) else {
        let ids: Vec<&str> = appeals.iter().map(|a| a.appeal.id.as_str()).collect();
        return Err(msg!("event-rule-unknown", id = id, suggestion = crate::error::suggestion(id, ids)));
    };
    if let Some((_, record)) = &status.ruling {
        return Err(msg!("event-rule-final", id = id, seq = record.seq));
    }
    Ok(vec![Step::Ruling {
        id: status.appeal.id.clone(),
        upheld,
    }])
}

/// A stored time as people read it: local, with the offset.
pub fn shown(at: jiff::Timestamp) -> String {
    crate::store::local_time(&at.to_string())
}

#[cfg(test)]
mod tests {
    //! The rules table-tested on events built by hand: each phase, and
    //! what each command does in it.
    use super::*;
    use crate::contest::workflow::{Role, RoleHolder};
    use crate::contest::WorkflowRules;
    use crate::event::{Digests, Taken};
    use crate::store::{State, StepRecord};

    fn workflow(code_layers: u8) -> WorkflowRules {
        let holder = |id: &str, role| RoleHolder {
            id: id.into(),
            role,
            name: id.into(),
            may: None,
        };
        WorkflowRules {
            roles: vec![
                holder("chief", Role::ChiefJudge),
                holder("sup", Role::Supervisor),
                holder("enc", Role::EncryptionJudge),
                holder("org", Role::Organiser),
            ],
            draw: None,
            code_layers,
            sign_offs: true,
            recheck: None,
            appeal_within: Some(3600),
            notice_length: Some(60),
        }
    }

    fn actor(event: &Event, id: &str) -> Actor {
        Actor {
            name: id.into(),
            holder: event.workflow.as_ref().and_then(|w| w.holder(id)).cloned(),
        }
    }

    /// A locked event with one judge's marks, and `steps` taken after the lock.
    fn event(code_layers: u8, steps: Vec<Step>) -> Event {
        let steps = steps
            .into_iter()
            .enumerate()
            .map(|(k, step)| {
                let (subject, value) = step.stored();
                let record = StepRecord {
                    seq: 11 + k as i64,
                    step: step.name().into(),
                    subject,
                    value,
                    reason: String::new(),
                    actor: String::new(),
                    at: "2026-12-05T01:00:00Z".into(),
                };
                Taken { step, record }
            })
            .collect();
        Event {
            workflow: Some(workflow(code_layers)),
            state: State {
                locked: vec![("contest".into(), 10)],
                published: None,
                locked_at: vec![(10, "2026-12-05T00:00:00Z".into())],
            },
            steps,
            head: 100,
            has_marks: true,
            recheck: None,
            digests: Digests {
                all: "ALL".into(),
                by_judge: [("J1".to_string(), "J1SHEET".to_string())].into(),
            },
        }
    }

    fn at(text: &str) -> jiff::Timestamp {
        text.parse().unwrap()
    }

    fn refusal(event: &Event, who: &str, command: Command) -> &'static str {
        match decide(event, &actor(event, who), &command, at("2026-12-05T01:30:00Z")) {
            Err(Text::Said { id, .. }) => id,
            other => panic!("{command:?} by {who} should be refused: {other:?}"),
        }
    }

    fn sheet() -> Step {
        Step::ConfirmSheet {
            judge: "J1".into(),
            digest: "J1SHEET".into(),
        }
    }

    #[test]
    fn the_phase_follows_the_steps_and_a_changed_mark_voids_the_signatures() {
        let signed = vec![
            sheet(),
            Step::Sign { digest: "ALL".into() },
            Step::Countersign { digest: "ALL".into() },
        ];
        assert_eq!(event(0, vec![sheet()]).phase(), Phase::Locked);
        assert_eq!(event(1, signed.clone()).phase(), Phase::Signed);
        let mut decoded = signed.clone();
        decoded.extend([Step::Decode { layer: 1 }, Step::Witness { layer: 1 }]);
        assert_eq!(event(1, decoded.clone()).phase(), Phase::Decoded);
        decoded.push(Step::Notice {
            until: "2026-12-05T02:00:00Z".into(),
        });
        assert_eq!(event(1, decoded.clone()).phase(), Phase::OnNotice);
        // The marks moved after signing: back to locked, the notice with them.
        let mut moved = event(1, decoded);
        moved.digests.all = "CHANGED".into();
        assert_eq!(moved.phase(), Phase::Locked);
        assert_eq!(refusal(&moved, "org", Command::Publish), "event-publish-needs-notice");
    }

    #[test]
    fn each_command_out_of_turn_is_refused_with_its_reason() {
        let none = event(2, vec![]);
        assert_eq!(refusal(&none, "chief", Command::Sign), "event-sign-sheets");
        assert_eq!(refusal(&none, "sup", Command::Sign), "event-countersign-first");
        assert_eq!(refusal(&none, "enc", Command::Decode), "event-decode-unsigned");
        assert_eq!(refusal(&none, "sup", Command::Decode), "event-witness-nothing");
        assert_eq!(refusal(&none, "org", Command::Notice), "event-notice-too-early");
        let signed = event(
            2,
            vec![
                sheet(),
                Step::Sign { digest: "ALL".into() },
                Step::Countersign { digest: "ALL".into() },
                Step::Decode { layer: 2 },
            ],
        );
        assert_eq!(refusal(&signed, "enc", Command::Decode), "event-decode-awaiting");
        assert_eq!(refusal(&signed, "chief", Command::Sign), "event-sign-already");
        let late = Command::FileAppeal {
            entry: "X".into(),
            from: "f".into(),
            what: "w".into(),
        };
        // Locked at 00:00 with an hour for appeals; it is 01:30.
        assert_eq!(refusal(&signed, "org", late), "event-appeal-late");
    }

    #[test]
    fn layers_are_decoded_from_the_outermost_each_once_witnessed() {
        let base = vec![
            sheet(),
            Step::Sign { digest: "ALL".into() },
            Step::Countersign { digest: "ALL".into() },
        ];
        let e = event(2, base.clone());
        assert_eq!(
            decide(&e, &actor(&e, "enc"), &Command::Decode, at("2026-12-05T00:10:00Z")),
            Ok(vec![Step::Decode { layer: 2 }])
        );
        let mut steps = base;
        steps.extend([Step::Decode { layer: 2 }, Step::Witness { layer: 2 }]);
        let e = event(2, steps);
        assert_eq!(e.decoded_layers(), 1);
        assert_eq!(
            decide(&e, &actor(&e, "enc"), &Command::Decode, at("2026-12-05T00:10:00Z")),
            Ok(vec![Step::Decode { layer: 1 }])
        );
    }

    #[test]
    fn publishing_waits_for_the_notice_to_end_and_for_every_ruling() {
        let mut steps = vec![
            sheet(),
            Step::Sign { digest: "ALL".into() },
            Step::Countersign { digest: "ALL".into() },
        ];
        steps.push(Step::Notice {
            until: "2026-12-05T02:00:00Z".into(),
        });
        let e = event(0, steps.clone());
        let publish = |e: &Event, now: &str| decide(e, &actor(e, "org"), &Command::Publish, at(now));
        assert!(matches!(
            publish(&e, "2026-12-05T01:59:59Z"),
            Err(Text::Said {
                id: "event-publish-on-notice",
                ..
            })
        ));
        assert_eq!(publish(&e, "2026-12-05T02:00:00Z"), Ok(vec![]));
        steps.push(Step::Appeal(Appeal {
            id: "O1".into(),
            entry: "W01".into(),
            from: "f".into(),
            what: "w".into(),
            objection: true,
        }));
        let e = event(0, steps);
        assert!(matches!(
            publish(&e, "2026-12-05T03:00:00Z"),
            Err(Text::Said {
                id: "event-appeals-open",
                ..
            })
        ));
    }
}
