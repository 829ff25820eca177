//! The live results: the contest stays scored in memory; after every commit
//! the scoring thread re-scores the entries whose marks changed, then places
//! and awards, and publishes the leaderboard (the same JSON as `score
//! --format json`). A write by another process (a clerk's import while the
//! server runs) or a change of the event's state loads the contest again. The organiser always sees the newest; the hall sees it unless
//! the board is frozen, and in ceremony mode sees places revealed from the
//! bottom up.

use super::writer::Committed;
use crate::contest::Lang;
use crate::engine::LiveScores;
use crate::load::{load, Sources};
use crate::output::{FormatKind, Leaderboard};
use crate::store::Store;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use tokio::sync::watch;

/// What the hall screen shows besides the results.
#[derive(Debug, Clone, Copy, Default, serde::Serialize, PartialEq, Eq)]
pub struct HallState {
    /// The public board stopped updating (the jury still sees live results).
    pub frozen: bool,
    /// Ceremony mode: how many places are revealed, from the bottom of the top list.
    pub ceremony: Option<usize>,
}

/// One scoring of the contest, as each reader wants it.
pub struct Snapshot {
    /// The store's last record the results include.
    pub version: i64,
    /// The CLI's JSON (`score --format json`), for the API.
    pub api: String,
    /// The top places for the hall: rows with totals as exact text.
    pub hall_rows: String,
    /// For the organiser: the top places and every flagged entry.
    pub desk_rows: String,
}

pub struct Live {
    /// The newest results, for the organiser and the API.
    pub results: watch::Receiver<Arc<Snapshot>>,
    /// What the hall shows: `{"hall": …, "rows": …}`.
    pub hall: watch::Receiver<Arc<String>>,
    hall_state: Mutex<HallState>,
    hall_sender: watch::Sender<Arc<String>>,
    public: Mutex<Arc<Snapshot>>,
    /// Commits not yet scored.
    pending: Mutex<Vec<Committed>>,
    signal: Condvar,
}

/// The scores kept in memory and what they were scored from.
struct Scoring {
    scores: LiveScores,
    /// With blind judging before publication: the codes to show.
    codes: Option<crate::blind::Codes>,
    /// The store's last record they include.
    head: i64,
    /// Whether the marks came from the store (else from the marks file,
    /// which the store replaces once it holds a mark).
    from_store: bool,
}

impl Scoring {
    fn load(contest: &Path) -> Result<Scoring, String> {
        let inputs = load(contest, None).map_err(|p| p.to_string())?;
        let codes = crate::blind::hidden_names(&inputs.rules)?;
        let store = Store::open_existing(&Sources::of(&inputs.rules, None).store)?;
        let (head, from_store) = match &store {
            Some(store) => (store.head()?.0, store.has_marks()?),
            None => (0, false),
        };
        Ok(Scoring {
            scores: LiveScores::new(inputs),
            codes,
            head,
            from_store,
        })
    }

    /// Applies the server's commits, or says the contest must be loaded
    /// again (another process wrote, the state changed, or the marks' source did).
    fn apply(&mut self, commits: Vec<Committed>, counts_live_marks: bool) -> bool {
        let mut changed = false;
        for commit in commits {
            if commit.heads.0 != self.head || commit.state || (!self.from_store && !commit.marks.is_empty()) {
                return false;
            }
            self.head = commit.heads.1;
            // With double entry, a judge's first entry counts once confirmed (by a clerk, later).
            if counts_live_marks {
                for (entry, mark) in commit.marks {
                    self.scores.set_mark(entry, mark);
                    changed = true;
                }
            }
        }
        if changed {
            self.scores.rescore();
        }
        true
    }
}

impl Live {
    /// Scores the contest now and starts the thread that keeps it scored
    /// as commits arrive (and notices writes by other processes).
    pub fn start(contest: PathBuf, lang: Lang, top: usize) -> Result<Arc<Live>, String> {
        let mut scoring = Scoring::load(&contest)?;
        let marking = &scoring.scores.rules().contest.marking;
        let counts_live_marks = !marking.double_entry || marking.count_unconfirmed;
        let store_path = Sources::of(scoring.scores.rules(), None).store;
        let first = Arc::new(snapshot(&mut scoring, lang, top)?);
        let (results_sender, results) = watch::channel(first.clone());
        let (hall_sender, hall) = watch::channel(Arc::new(hall_json(HallState::default(), &first)));
        let live = Arc::new(Live {
            results,
            hall,
            hall_state: Mutex::new(HallState::default()),
            hall_sender,
            public: Mutex::new(first),
            pending: Mutex::new(Vec::new()),
            signal: Condvar::new(),
        });
        let worker = live.clone();
        let reader = Store::open_existing(&store_path)?;
        std::thread::Builder::new()
            .name("podium-scorer".into())
            .spawn(move || loop {
                let commits = worker.wait_for_commits();
                let current = if commits.is_empty() {
                    // Idle: has anyone else written to the store?
                    reader
                        .as_ref()
                        .and_then(|r| r.head().ok())
                        .is_none_or(|(head, _)| head == scoring.head)
                } else {
                    scoring.apply(commits, counts_live_marks)
                };
                if current && worker.results.borrow().version == scoring.head {
                    continue;
                }
                if !current {
                    match Scoring::load(&contest) {
                        Ok(loaded) => scoring = loaded,
                        Err(e) => {
                            eprintln!("podium serve: cannot score: {e}");
                            continue;
                        }
                    }
                }
                match snapshot(&mut scoring, lang, top) {
                    Ok(newest) => {
                        let newest = Arc::new(newest);
                        let _ = results_sender.send(newest.clone());
                        worker.publish(Some(newest));
                    }
                    Err(e) => eprintln!("podium serve: cannot score: {e}"),
                }
            })
            .map_err(|e| e.to_string())?;
        Ok(live)
    }

    /// A commit of the server's: score it.
    pub fn committed(&self, commit: Committed) {
        self.pending.lock().expect("not poisoned").push(commit);
        self.signal.notify_one();
    }

    /// The commits waiting; none after two idle seconds.
    fn wait_for_commits(&self) -> Vec<Committed> {
        let pending = self.pending.lock().expect("not poisoned");
        let (mut pending, _) = self
            .signal
            .wait_timeout_while(pending, std::time::Duration::from_secs(2), |p| p.is_empty())
            .expect("not poisoned");
        std::mem::take(&mut *pending)
    }

    pub fn hall_state(&self) -> HallState {
        *self.hall_state.lock().expect("not poisoned")
    }

    /// Changes what the hall shows (freeze, ceremony) and tells the hall.
    pub fn set_hall(&self, change: impl FnOnce(&mut HallState)) -> HallState {
        let state = {
            let mut state = self.hall_state.lock().expect("not poisoned");
            change(&mut state);
            *state
        };
        // Unfreezing shows the newest results at once.
        let newest = (!state.frozen).then(|| self.results.borrow().clone());
        self.publish(newest);
        state
    }

    /// Sends the hall its state with the public results, updated with
    /// `newest` unless the board is frozen.
    fn publish(&self, newest: Option<Arc<Snapshot>>) {
        let state = self.hall_state();
        let mut public = self.public.lock().expect("not poisoned");
        if let Some(newest) = newest.filter(|_| !state.frozen) {
            *public = newest;
        }
        let _ = self.hall_sender.send(Arc::new(hall_json(state, &public)));
    }
}

fn hall_json(state: HallState, snapshot: &Snapshot) -> String {
    let state = serde_json::to_string(&state).expect("plain data serialises");
    format!("{{\"hall\":{state},\"rows\":{}}}", snapshot.hall_rows)
}

/// The results as they stand: the leaderboard as the CLI's JSON and as
/// rows for the pages; with blind judging before publication, by code and
/// without names.
fn snapshot(scoring: &mut Scoring, lang: Lang, top: usize) -> Result<Snapshot, String> {
    let results = scoring.scores.results();
    let mut board = Leaderboard::new(&results, lang, None).map_err(|d| d.to_string())?;
    if let Some(codes) = &scoring.codes {
        board.hide_names(codes);
    }
    let mut out = Vec::new();
    FormatKind::Json.format().write(&board, &mut out).map_err(|e| e.to_string())?;
    let api = String::from_utf8(out).map_err(|e| e.to_string())?;
    let ranked = board.rows.iter().filter(|r| r.place.is_some());
    let hall_rows = rows(ranked.take(top));
    // The organiser sees the top and every entry with something to resolve.
    let desk = board
        .rows
        .iter()
        .enumerate()
        .filter(|(i, r)| *i < 200 || !r.flags.is_empty())
        .map(|(_, r)| r);
    let desk_rows = rows(desk);
    Ok(Snapshot {
        version: scoring.head,
        api,
        hall_rows,
        desk_rows,
    })
}

/// Leaderboard rows for a page, totals as exact text (a browser's number
/// would turn 82.80 into 82.8).
fn rows<'a>(rows: impl Iterator<Item = &'a crate::output::BoardRow<'a>>) -> String {
    let rows: Vec<serde_json::Value> = rows
        .map(|row| {
            serde_json::json!({
                "rank": row.place.map(|p| p.rank),
                "tied": row.place.is_some_and(|p| p.tied),
                "entry": row.entry,
                "name": row.name,
                "organisation": row.organisation,
                "total": crate::output::number(row.total),
                "awards": row.awards.iter().map(|(set, tier, label)| serde_json::json!({"set": set, "tier": tier, "label": label})).collect::<Vec<_>>(),
                "flags": row.flags,
            })
        })
        .collect();
    serde_json::Value::Array(rows).to_string()
}
