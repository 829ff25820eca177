//! The one thread that writes the mark store. Requests from every judge
//! queue here; whatever has queued while the last commit was flushing is
//! committed together in one transaction (one flush to disk for all of
//! them), and each request is answered only once its commit is durable.

use crate::contest::Rules;
use crate::data::Entries;
use crate::enter::{enter, Entered};
use crate::say;
use crate::store::{Cell, State, StateChange, Store, StoreError};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Arc;
use tokio::sync::oneshot;

/// The most requests one commit takes.
const GROUP: usize = 512;

/// A checked mark from a judge's link.
pub struct MarkJob {
    pub judge: String,
    pub cell: Cell,
    pub value: String,
    pub reason: Option<String>,
    /// The entry's index and the criterion's, for the lock check.
    pub entry: u32,
    pub criterion: usize,
    /// The checked mark, for re-scoring without reading the store again.
    pub mark: crate::data::Mark,
    /// The cell as the judge sees it (by code when judging is blind), for messages.
    pub described: String,
    /// The language the judge is answered in.
    pub lang: crate::contest::Lang,
}

/// What a judge is told: saved (and the record), unchanged, or refused.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Answer {
    pub saved: bool,
    /// Whether the store changed (not so for the same value again).
    #[serde(skip)]
    pub changed: bool,
    pub value: Option<String>,
    pub record: Option<i64>,
    pub message: String,
}

/// Why a job was not done.
#[derive(Debug)]
pub enum NotDone {
    /// The rules refuse it (a lock, a correction without a reason): say why.
    Refused(String),
    /// Another program held the store's write lock: send it again shortly.
    Busy,
    /// The store failed (a full disk, say).
    Failed(String),
}

pub enum Job {
    Mark(MarkJob, oneshot::Sender<Result<Answer, NotDone>>),
    /// Lock, unlock or publish from the organiser's desk.
    State {
        change: StateChange,
        scope: String,
        reason: String,
        reply: oneshot::Sender<Result<String, NotDone>>,
    },
    /// A step of the workflow from a role's link: what was done, in words.
    Step {
        actor: crate::event::Actor,
        command: crate::event::Command,
        reason: String,
        reply: oneshot::Sender<Result<String, NotDone>>,
    },
}

/// How long a commit waits for another program's write (an import) before
/// the judges hear "busy, send it again": never long enough to leave a
/// phone waiting.
const WAIT_FOR_WRITERS: std::time::Duration = std::time::Duration::from_secs(1);

#[derive(Clone)]
pub struct Writer {
    sender: SyncSender<Job>,
}

impl Writer {
    /// Starts the writing thread; `committed` is called after every commit
    /// (to re-score).
    pub fn start(store: Store, rules: Arc<Rules>, entries: Arc<Entries>, committed: impl Fn(Committed) + Send + 'static) -> Writer {
        let (sender, receiver) = sync_channel(GROUP * 4);
        let _ = store.wait_for_writers(WAIT_FOR_WRITERS);
        std::thread::Builder::new()
            .name("podium-writer".into())
            .spawn(move || run(store, receiver, &rules, &entries, committed))
            .expect("a thread starts");
        Writer { sender }
    }

    /// Queues a job without waiting: `Err(Busy)` when the queue is full
    /// (the store held by another program while judges keep posting), so a
    /// request never holds up the server's threads; `Err(Failed)` if the
    /// writer has stopped.
    pub fn send(&self, job: Job) -> Result<(), NotDone> {
        self.sender.try_send(job).map_err(|e| match e {
            std::sync::mpsc::TrySendError::Full(_) => NotDone::Busy,
            std::sync::mpsc::TrySendError::Disconnected(_) => NotDone::Failed(crate::msg!("serve-stopping").to_string()),
        })
    }
}

/// What one commit changed, for re-scoring.
#[derive(Debug, Default)]
pub struct Committed {
    /// The last record before the commit and after it.
    pub heads: (i64, i64),
    /// Marks stored or corrected: (entry, mark).
    pub marks: Vec<(u32, crate::data::Mark)>,
    /// The event's state changed (a lock, an unlock, publication).
    pub state: bool,
}

/// A job's outcome, held until the commit is durable.
enum Outcome {
    Mark(Result<Answer, String>),
    State(Result<String, String>),
}

fn run(mut store: Store, receiver: Receiver<Job>, rules: &Rules, entries: &Entries, committed: impl Fn(Committed)) {
    while let Ok(first) = receiver.recv() {
        let mut jobs = vec![first];
        while jobs.len() < GROUP {
            match receiver.try_recv() {
                Ok(job) => jobs.push(job),
                Err(_) => break,
            }
        }
        // A workflow step reads the whole event to decide: taken on its own, not grouped.
        let (steps, jobs): (Vec<Job>, Vec<Job>) = jobs.into_iter().partition(|job| matches!(job, Job::Step { .. }));
        for job in steps {
            take_step(&mut store, rules, job, &committed);
        }
        if jobs.is_empty() {
            continue;
        }
        let mut outcomes: Vec<Outcome> = Vec::with_capacity(jobs.len());
        let mut changes = Committed::default();
        let done = store.transact("podium serve", "podium serve", |batch| {
            // Only this transaction can change the state while it runs: read it once.
            let mut state = batch.state()?;
            for job in &jobs {
                match job {
                    Job::Mark(job, _) => {
                        batch.begin_batch(&format!("{} (judge link)", job.judge), "podium serve");
                        let answer = mark(batch, &state, rules, entries, job)?;
                        if answer.as_ref().is_ok_and(|a| a.changed) {
                            changes.marks.push((job.entry, job.mark));
                        }
                        outcomes.push(Outcome::Mark(answer));
                    }
                    Job::State { change, scope, reason, .. } => {
                        batch.begin_batch("organiser (desk)", "podium serve");
                        // With a workflow, results become final only through its steps, each taken as a role.
                        let said = match (change, &rules.workflow) {
                            (StateChange::Publish, Some(_)) => Err(crate::msg!("desk-publish-workflow").to_string()),
                            _ => crate::lock::change_state(batch, *change, scope, reason),
                        };
                        state = batch.state()?;
                        changes.state = true;
                        outcomes.push(Outcome::State(said));
                    }
                    // Taken apart above, each on its own.
                    Job::Step { .. } => outcomes.push(Outcome::State(Err(crate::msg!("serve-not-reached").to_string()))),
                }
            }
            changes.heads = batch.heads();
            Ok::<_, StoreError>(())
        });
        // Only now, durable (or failed as a whole), does anyone hear back:
        // every job, whether or not the transaction reached it.
        let not_done = |e: &StoreError| match e.is_busy() {
            true => NotDone::Busy,
            false => NotDone::Failed(e.to_string()),
        };
        let mut outcomes = outcomes.into_iter();
        for job in jobs {
            match (job, &done, outcomes.next()) {
                (Job::Mark(_, to), Ok(()), Some(Outcome::Mark(answer))) => drop(to.send(answer.map_err(NotDone::Refused))),
                (Job::State { reply, .. } | Job::Step { reply, .. }, Ok(()), Some(Outcome::State(said))) => {
                    drop(reply.send(said.map_err(NotDone::Refused)))
                }
                (Job::Mark(_, to), Err(e), _) => drop(to.send(Err(not_done(e)))),
                (Job::State { reply, .. } | Job::Step { reply, .. }, Err(e), _) => drop(reply.send(Err(not_done(e)))),
                (Job::Mark(_, to), Ok(()), _) => drop(to.send(Err(NotDone::Failed(crate::msg!("serve-not-reached").to_string())))),
                (Job::State { reply, .. } | Job::Step { reply, .. }, Ok(()), _) => {
                    drop(reply.send(Err(NotDone::Failed(crate::msg!("serve-not-reached").to_string()))))
                }
            }
        }
        if done.is_ok() {
            committed(changes);
        }
    }
}

fn mark(
    batch: &mut crate::store::Batch,
    state: &State,
    rules: &Rules,
    entries: &Entries,
    job: &MarkJob,
) -> Result<Result<Answer, String>, StoreError> {
    let (cell, value, lang) = (&job.described, &job.value, job.lang);
    // Said to the judge in their page's words; the chief judge sees what is locked at the desk.
    if crate::lock::refusal(state, rules, entries, job.entry, job.criterion).is_some() {
        return Ok(Err(match state.published {
            Some(_) => say!(lang, "mark-published", cell = cell),
            None => say!(lang, "mark-locked", cell = cell),
        }));
    }
    Ok(match enter(batch, &job.cell, value, job.reason.as_deref())? {
        Entered::Stored(seq) => Ok(Answer {
            saved: true,
            changed: true,
            value: Some(value.clone()),
            record: Some(seq),
            message: say!(lang, "mark-saved", record = seq, cell = cell, value = value),
        }),
        Entered::Unchanged(current) => Ok(Answer {
            saved: true,
            changed: false,
            value: Some(current.value.clone()),
            record: Some(current.seq),
            message: say!(lang, "mark-unchanged", cell = cell, value = current.value, record = current.seq),
        }),
        Entered::Corrected { seq, from } => Ok(Answer {
            saved: true,
            changed: true,
            value: Some(value.clone()),
            record: Some(seq),
            message: say!(lang, "mark-corrected", record = seq, cell = cell, from = from.value, value = value),
        }),
        Entered::NeedsReason(current) => Err(say!(
            lang,
            "mark-needs-reason",
            cell = cell,
            value = current.value,
            record = current.seq
        )),
    })
}

/// Carries out a role's step and tells the live results (a decoding shows
/// names, a publication makes them final).
fn take_step(store: &mut Store, rules: &Rules, job: Job, committed: &impl Fn(Committed)) {
    let Job::Step {
        actor,
        command,
        reason,
        reply,
    } = job
    else {
        return;
    };
    let before = store.head().map_or(0, |(seq, _)| seq);
    let said = crate::event::carry_out(store, rules, &actor, &command, &reason, "podium serve");
    if said.is_ok() {
        let after = store.head().map_or(before, |(seq, _)| seq);
        committed(Committed {
            heads: (before, after),
            state: true,
            ..Committed::default()
        });
    }
    let said = said
        .map(|lines| lines.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
        .map_err(|why| NotDone::Refused(why.to_string()));
    let _ = reply.send(said);
}
