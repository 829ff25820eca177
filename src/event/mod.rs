//! The event's workflow: the phases a contest's results go through, and
//! the rule for each step between them, stated once.
//!
//! ```text
//!  open ─first mark─▶ marking ─lock─▶ locked ─sign, countersign─▶ signed
//!    ─decode, witnessed, layer by layer─▶ decoded ─notice─▶ on notice ─publish─▶ final
//! ```
//!
//! A contest declares which of these steps it takes (`workflow:`); the
//! phases of the steps it leaves out are passed straight through. Without
//! `workflow:` a contest goes open → marking → locked → final, as it
//! always has, and a store made before the workflow reads as before: the
//! phase is read from the records (locks, publish, the steps), never
//! stored on its own.
//!
//! A signature covers the marks as they stand (their digest): a mark
//! changed after it (a re-check's or an upheld appeal's correction) voids
//! it, and the results fall back to `locked` until they are signed again.
//! A notice counts only after the signatures it follows.

pub mod decide;
pub mod draw;
pub mod lots;
pub mod recheck;
pub mod roles;
pub mod steps;

pub use decide::{decide, Command};
pub use roles::{acting, acting_for, Actor};
pub use steps::{Appeal, Step};

use crate::contest::{Rules, WorkflowRules};
use crate::i18n::Text;
use crate::msg;
use crate::store::{State, StepRecord, Store, StoreError, Which};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// Takes `command` as `actor`: reads the event, decides, and records the
/// steps in one transaction (refused, nothing written, if another writer
/// moved the store in between). The steps recorded, with their records.
pub fn take(
    store: &mut Store,
    rules: &Rules,
    actor: &Actor,
    command: &Command,
    reason: &str,
    source: &str,
) -> Result<Vec<(i64, Step)>, Text> {
    crate::text::refuse_controls(&msg!("cli-the-reason").to_string(), reason).map_err(Text::from)?;
    let event = Event::read(store, rules)?;
    store.transact(&actor.recorded(), source, |batch| {
        let mut taken = Vec::new();
        for step in decide_in(batch, &event, actor, command)? {
            let (subject, value) = step.stored();
            taken.push((batch.record_step(step.name(), &subject, &value, reason)?, step));
        }
        Ok(taken)
    })
}

/// Carries out `command` as `actor`, publication included (its record is
/// the lock log's, as it always was): what was done, in words, or why not.
/// The command line and the desk's role links both come here.
pub fn carry_out(
    store: &mut Store,
    rules: &Rules,
    actor: &Actor,
    command: &Command,
    reason: &str,
    source: &str,
) -> Result<Vec<Text>, Text> {
    if *command != Command::Publish {
        let taken = take(store, rules, actor, command, reason, source)?;
        return Ok(taken.iter().map(|(seq, step)| step.done(&actor.recorded(), *seq)).collect());
    }
    let event = Event::read(store, rules)?;
    let said = store.transact(&actor.recorded(), source, |batch| {
        decide_in(batch, &event, actor, command)?;
        crate::lock::change_state(batch, crate::store::StateChange::Publish, "contest", reason).map_err(Text::from)
    })?;
    Ok(vec![Text::from(said)])
}

/// [`decide`] within the transaction that records the outcome: refused if
/// the store moved since `event` was read, and timed by the batch's clock.
pub fn decide_in(batch: &crate::store::Batch, event: &Event, actor: &Actor, command: &Command) -> Result<Vec<Step>, Text> {
    if batch.head_before() != event.head {
        return Err(msg!("event-moved"));
    }
    let now = batch.at().parse().unwrap_or_else(|_| jiff::Timestamp::now());
    decide(event, actor, command, now)
}

/// How many layers of codes are decoded, read from the steps alone (what
/// shows names needs no digest of the marks).
pub fn decoded_layers(store: &Store, rules: &Rules) -> Result<u8, StoreError> {
    let layers = rules.workflow.as_ref().map_or(0, |w| w.code_layers);
    Ok(decoded(&read_steps(store)?, layers))
}

fn read_steps(store: &Store) -> Result<Vec<Taken>, StoreError> {
    Ok(store
        .steps()?
        .into_iter()
        .filter_map(|record| Step::read(&record).map(|step| Taken { step, record }))
        .collect())
}

/// Layers go from the outermost (`layers`) down to 1, each decoded once
/// the supervisor has witnessed it.
fn decoded(steps: &[Taken], layers: u8) -> u8 {
    (0..layers).take_while(|k| witnessed(steps, layers - k)).count() as u8
}

fn witnessed(steps: &[Taken], layer: u8) -> bool {
    steps.iter().any(|t| t.step == Step::Witness { layer })
}

/// Whether an appeal may name `typed` as its entry: an entry of the
/// contest, by the code it is known by while names are hidden. The appeal
/// records it as typed, never the name a code hides.
pub fn appealable(rules: &Rules, entries: &crate::data::Entries, typed: &str) -> Result<(), String> {
    let names = crate::blind::EntryNames::of(rules, &crate::load::Sources::of(rules, None).store)?;
    let id = names.resolve(entries, typed)?;
    match entries.find(&id) {
        Some(_) => Ok(()),
        None => Err(msg!("event-appeal-entry-unknown", entry = typed.trim()).to_string()),
    }
}

/// A recorded step in words, with its reason: the workflow's own steps as
/// they read, another's (a draw's, a re-check's) by its name and details.
pub fn step_words(record: &StepRecord) -> Text {
    if let Some(words) = lots::words(record).or_else(|| recheck::words(record)) {
        return words;
    }
    let Some(step) = Step::read(record) else {
        return msg!(
            "audit-step-other",
            step = record.step,
            subject = record.subject,
            value = record.value
        );
    };
    match record.reason.is_empty() {
        true => step.words(),
        false => msg!("audit-step-reason", step = step.words(), reason = record.reason),
    }
}

/// The reason stored for a correction an upheld appeal decided: the
/// appeal's id first, so the audit trail shows which ruling changed it.
pub fn citing(appeal: &str, reason: &str) -> String {
    format!("[{appeal}] {reason}")
}

/// Where the results stand, in the order they go through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    /// No mark yet.
    Open,
    Marking,
    /// The whole contest is locked: marking is over.
    Locked,
    /// Signed by the chief judge and the supervisor.
    Signed,
    /// Every layer of codes decoded, each witnessed.
    Decoded,
    /// On public notice.
    OnNotice,
    /// Published: final.
    Final,
}

impl Phase {
    pub fn words(self) -> Text {
        match self {
            Phase::Open => msg!("phase-open"),
            Phase::Marking => msg!("phase-marking"),
            Phase::Locked => msg!("phase-locked"),
            Phase::Signed => msg!("phase-signed"),
            Phase::Decoded => msg!("phase-decoded"),
            Phase::OnNotice => msg!("phase-on-notice"),
            Phase::Final => msg!("phase-final"),
        }
    }
}

/// The digests signatures cover: of all current marks, and of each
/// judge's (their sheet).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Digests {
    pub all: String,
    pub by_judge: BTreeMap<String, String>,
}

impl Digests {
    /// Reads every current mark once. Each digest is over the cells'
    /// (entry, criterion, element, judge, value) in sorted order, so it
    /// depends on the marks alone, not on the order they were typed in.
    pub fn read(store: &Store) -> Result<Digests, StoreError> {
        let mut cells = Vec::new();
        store.current_marks(Which::All, false, |cell, value| cells.push((cell, value)))?;
        cells.sort();
        let mut all = Sha256::new();
        let mut by_judge: BTreeMap<String, Sha256> = BTreeMap::new();
        for (cell, value) in &cells {
            let line = format!("{}\t{}\t{}\t{}\t{}\n", cell.entry, cell.criterion, cell.element, cell.judge, value);
            all.update(line.as_bytes());
            by_judge.entry(cell.judge.clone()).or_default().update(line.as_bytes());
        }
        Ok(Digests {
            all: crate::store::hex(&all.finalize()),
            by_judge: by_judge.into_iter().map(|(j, d)| (j, crate::store::hex(&d.finalize()))).collect(),
        })
    }
}

/// A recorded step with who took it and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    pub step: Step,
    pub record: StepRecord,
}

/// The event as the store has it: what every decision reads.
#[derive(Debug, Clone)]
pub struct Event {
    pub workflow: Option<WorkflowRules>,
    pub state: State,
    pub steps: Vec<Taken>,
    /// The last record read.
    pub head: i64,
    pub has_marks: bool,
    pub digests: Digests,
    /// With a declared re-check: how far it has come.
    pub recheck: Option<RecheckFacts>,
}

/// What the workflow's rules need of the re-check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecheckFacts {
    pub drawn: bool,
    pub pending: usize,
    /// The cells whose difference is not yet resolved, in words.
    pub unresolved: Vec<String>,
    pub rate: Option<rust_decimal::Decimal>,
}

/// An appeal with its ruling, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppealStatus {
    pub appeal: Appeal,
    pub filed: StepRecord,
    /// The ruling: upheld or not, and its record (reason, who, when).
    pub ruling: Option<(bool, StepRecord)>,
}

impl Event {
    pub fn read(store: &Store, rules: &Rules) -> Result<Event, StoreError> {
        let steps = read_steps(store)?;
        let recheck = match rules.workflow.as_ref().and_then(|w| w.recheck.as_ref()) {
            Some(_) => {
                let progress = recheck::Progress::read(&store.steps()?);
                let unresolved = progress.unresolved(store)?;
                Some(RecheckFacts {
                    drawn: progress.drawn.is_some(),
                    pending: progress.pending().len(),
                    unresolved: unresolved
                        .iter()
                        .map(|d| format!("{} {} {}", d.entry, d.criterion, d.judge))
                        .collect(),
                    rate: progress.rate(),
                })
            }
            None => None,
        };
        Ok(Event {
            recheck,
            workflow: rules.workflow.clone(),
            state: store.state()?,
            steps,
            head: store.head()?.0,
            has_marks: store.has_marks()?,
            digests: Digests::read(store)?,
        })
    }

    /// Where the results stand now. A step the contest does not take is
    /// passed over, never claimed: without sign-offs the results go from
    /// locked to decoded (or on notice) without ever being "signed".
    pub fn phase(&self) -> Phase {
        if self.state.published.is_some() {
            return Phase::Final;
        }
        if self.whole_lock().is_none() {
            return if self.has_marks { Phase::Marking } else { Phase::Open };
        }
        let Some(workflow) = &self.workflow else {
            return Phase::Locked;
        };
        match () {
            _ if !self.signatures_given() => Phase::Locked,
            _ if self.decoded_layers() < workflow.code_layers => Phase::Signed,
            _ if self.notice().is_some() => Phase::OnNotice,
            _ if workflow.code_layers > 0 => Phase::Decoded,
            _ if workflow.sign_offs => Phase::Signed,
            _ => Phase::Locked,
        }
    }

    /// Whether the results are signed as the contest asks (by the chief
    /// judge and the supervisor, over the marks as they stand), or the
    /// contest asks for no signatures; and marking is over either way.
    pub fn signatures_given(&self) -> bool {
        self.signatures_hold().is_some()
    }

    /// Whether the results are ready for notice or publication: marking
    /// over, signed as asked, every layer of codes decoded.
    pub fn results_ready(&self) -> bool {
        let layers = self.workflow.as_ref().map_or(0, |w| w.code_layers);
        self.signatures_given() && self.decoded_layers() == layers
    }

    /// The record that locked the whole contest, if it is locked.
    pub fn whole_lock(&self) -> Option<i64> {
        self.state.locked.iter().find(|(scope, _)| scope == "contest").map(|(_, seq)| *seq)
    }

    /// The steps taken since record `after`.
    fn since(&self, after: i64) -> impl DoubleEndedIterator<Item = &Taken> {
        self.steps.iter().filter(move |t| t.record.seq > after)
    }

    /// The chief judge's signature that still holds: after the lock, over
    /// the marks as they are.
    pub fn signed(&self) -> Option<&Taken> {
        let lock = self.whole_lock()?;
        self.since(lock)
            .rev()
            .find(|t| matches!(&t.step, Step::Sign { digest } if *digest == self.digests.all))
    }

    /// The supervisor's signature that still holds: after the chief judge's.
    pub fn countersigned(&self) -> Option<&Taken> {
        let signed = self.signed()?;
        self.since(signed.record.seq)
            .rev()
            .find(|t| matches!(&t.step, Step::Countersign { digest } if *digest == self.digests.all))
    }

    /// The signatures the results need have all been given (or the
    /// contest asks for none).
    fn signatures_hold(&self) -> Option<i64> {
        match &self.workflow {
            Some(w) if w.sign_offs => self.countersigned().map(|t| t.record.seq),
            _ => self.whole_lock(),
        }
    }

    /// How many layers of codes are decoded, each witnessed: layers go
    /// from the outermost (the contest's `code_layers`) down to 1.
    pub fn decoded_layers(&self) -> u8 {
        let layers = self.workflow.as_ref().map_or(0, |w| w.code_layers);
        decoded(&self.steps, layers)
    }

    fn witnessed(&self, layer: u8) -> bool {
        witnessed(&self.steps, layer)
    }

    /// The layer the encryption judge has decoded and the supervisor has
    /// not yet confirmed.
    pub fn decode_awaiting_witness(&self) -> Option<u8> {
        self.steps.iter().rev().find_map(|t| match t.step {
            Step::Decode { layer } if !self.witnessed(layer) => Some(layer),
            _ => None,
        })
    }

    /// Whether names may be shown: once every layer is decoded (blind
    /// judging without a workflow: once published).
    pub fn names_visible(&self, blind: bool) -> bool {
        match &self.workflow {
            Some(w) if w.code_layers > 0 => self.decoded_layers() == w.code_layers,
            _ => !blind || self.state.published.is_some(),
        }
    }

    /// The notice that holds (after the signatures), and when it ends.
    pub fn notice(&self) -> Option<(&Taken, jiff::Timestamp)> {
        let after = self.signatures_hold()?;
        self.since(after).rev().find_map(|t| match &t.step {
            Step::Notice { until } => until.parse().ok().map(|until| (t, until)),
            _ => None,
        })
    }

    /// When the appeals' time runs out: `appeals.within` after the whole
    /// contest was locked (the end of marking).
    pub fn appeal_deadline(&self) -> Option<jiff::Timestamp> {
        let within = self.workflow.as_ref()?.appeal_within?;
        let lock = self.whole_lock()?;
        let locked_at = self.record_time(lock)?;
        locked_at.checked_add(jiff::SignedDuration::from_secs(within as i64)).ok()
    }

    /// When record `seq` was made, for the records this event read (the
    /// lock's time comes from its own step list or state query).
    fn record_time(&self, seq: i64) -> Option<jiff::Timestamp> {
        self.state
            .locked_at
            .iter()
            .find(|(s, _)| *s == seq)
            .and_then(|(_, at)| at.parse().ok())
    }

    /// Every appeal and objection, with its ruling.
    pub fn appeals(&self) -> Vec<AppealStatus> {
        let mut appeals: Vec<AppealStatus> = Vec::new();
        for taken in &self.steps {
            match &taken.step {
                Step::Appeal(appeal) => appeals.push(AppealStatus {
                    appeal: appeal.clone(),
                    filed: taken.record.clone(),
                    ruling: None,
                }),
                Step::Ruling { id, upheld } => {
                    if let Some(status) = appeals.iter_mut().find(|a| a.appeal.id == *id) {
                        status.ruling = Some((*upheld, taken.record.clone()));
                    }
                }
                _ => {}
            }
        }
        appeals
    }

    /// The appeals not yet ruled on.
    pub fn open_appeals(&self) -> Vec<AppealStatus> {
        self.appeals().into_iter().filter(|a| a.ruling.is_none()).collect()
    }

    /// The upheld appeal `id`, checked to concern the entry (`concerns`
    /// tells whether what the appeal names is that entry): the id a
    /// correction carries out, or why it may not.
    pub fn upheld_for(&self, id: &str, concerns: impl Fn(&str) -> bool) -> Result<String, Text> {
        let appeals = self.appeals();
        let id = id.trim();
        let Some(status) = appeals.iter().find(|a| a.appeal.id == id) else {
            let ids: Vec<&str> = appeals.iter().map(|a| a.appeal.id.as_str()).collect();
            return Err(msg!("event-rule-unknown", id = id, suggestion = crate::error::suggestion(id, ids)));
        };
        match &status.ruling {
            Some((true, _)) if concerns(&status.appeal.entry) => Ok(status.appeal.id.clone()),
            Some((true, _)) => Err(msg!("event-correction-other-entry", id = id, entry = status.appeal.entry)),
            Some((false, _)) => Err(msg!("event-correction-dismissed", id = id)),
            None => Err(msg!("event-correction-unruled", id = id)),
        }
    }

    /// Where the workflow stands, line by line: the phase, the sheets, the
    /// signatures, the decoding, the appeals and the notice (what `status`
    /// shows and the chief judge chases).
    pub fn summary(&self) -> Vec<Text> {
        let mut lines = vec![msg!("summary-phase", phase = self.phase().words())];
        let Some(workflow) = &self.workflow else {
            return lines;
        };
        let when = |record: &StepRecord| {
            msg!(
                "summary-by",
                by = record.actor,
                at = crate::store::local_time(&record.at),
                seq = record.seq
            )
        };
        if workflow.sign_offs {
            let sheets = self.sheets();
            let waiting: Vec<&str> = sheets.iter().filter(|(_, ok)| !ok).map(|(j, _)| j.as_str()).collect();
            let confirmed = sheets.len() - waiting.len();
            lines.push(match waiting.is_empty() {
                true => msg!("summary-sheets", confirmed = confirmed, total = sheets.len()),
                false => msg!(
                    "summary-sheets-waiting",
                    confirmed = confirmed,
                    total = sheets.len(),
                    waiting = waiting.join(", ")
                ),
            });
            lines.push(match self.signed() {
                Some(taken) => msg!("summary-signed", by = when(&taken.record)),
                None => msg!("summary-unsigned", who = crate::contest::workflow::Role::ChiefJudge.words()),
            });
            lines.push(match self.countersigned() {
                Some(taken) => msg!("summary-countersigned", by = when(&taken.record)),
                None => msg!("summary-unsigned", who = crate::contest::workflow::Role::Supervisor.words()),
            });
        }
        if let Some(facts) = &self.recheck {
            lines.push(match (facts.drawn, &facts.rate) {
                (false, _) => msg!("summary-recheck-undrawn"),
                (true, rate) => msg!(
                    "summary-recheck",
                    pending = facts.pending,
                    unresolved = facts.unresolved.len(),
                    rate = rate.map_or("-".to_string(), |r| format!("{}%", r.round_dp(2).normalize()))
                ),
            });
        }
        if workflow.code_layers > 0 {
            let (decoded, layers) = (self.decoded_layers(), workflow.code_layers);
            lines.push(match self.decode_awaiting_witness() {
                Some(awaiting) => msg!("summary-decoded-awaiting", decoded = decoded, layers = layers, awaiting = awaiting),
                None => msg!("summary-decoded", decoded = decoded, layers = layers),
            });
        }
        let appeals = self.appeals();
        if workflow.appeal_within.is_some() || workflow.notice_length.is_some() {
            let open: Vec<String> = self.open_appeals().into_iter().map(|a| a.appeal.id).collect();
            let deadline = self.appeal_deadline().map(decide::shown).unwrap_or_else(|| "-".into());
            lines.push(msg!(
                "summary-appeals",
                count = appeals.len(),
                open = if open.is_empty() { "-".to_string() } else { open.join(", ") },
                deadline = deadline
            ));
        }
        if let Some((taken, until)) = self.notice() {
            lines.push(msg!("summary-notice", until = decide::shown(until), by = when(&taken.record)));
        }
        lines
    }

    /// Each judge with marks, and whether their sheet is confirmed as it stands.
    pub fn sheets(&self) -> Vec<(String, bool)> {
        self.digests
            .by_judge
            .iter()
            .filter(|(judge, _)| !judge.is_empty())
            .map(|(judge, digest)| {
                let confirmed = self
                    .steps
                    .iter()
                    .any(|t| matches!(&t.step, Step::ConfirmSheet { judge: j, digest: d } if j == judge && d == digest));
                (judge.clone(), confirmed)
            })
            .collect()
    }
}
