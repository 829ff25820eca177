//! The live results: after every commit a scoring thread scores the store
//! again and publishes the leaderboard (the same JSON as `score --format
//! json`). The organiser always sees the newest; the hall sees it unless
//! the board is frozen, and in ceremony mode sees places revealed from the
//! bottom up.

use crate::contest::Lang;
use crate::engine::score;
use crate::load::load;
use crate::output::{FormatKind, Leaderboard};
use std::path::PathBuf;
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
    dirty: Arc<(Mutex<bool>, Condvar)>,
}

impl Live {
    /// Scores the contest now and starts the thread that scores it again
    /// whenever `changed` is called.
    pub fn start(contest: PathBuf, lang: Lang, top: usize) -> Result<Arc<Live>, String> {
        let first = Arc::new(snapshot(&contest, lang, top)?);
        let (results_sender, results) = watch::channel(first.clone());
        let (hall_sender, hall) = watch::channel(Arc::new(hall_json(HallState::default(), &first)));
        let live = Arc::new(Live {
            results,
            hall,
            hall_state: Mutex::new(HallState::default()),
            hall_sender,
            public: Mutex::new(first),
            dirty: Arc::new((Mutex::new(false), Condvar::new())),
        });
        let worker = live.clone();
        std::thread::Builder::new()
            .name("podium-scorer".into())
            .spawn(move || loop {
                worker.wait_for_change();
                match snapshot(&contest, lang, top) {
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

    /// Marks have changed: score again (changes arriving meanwhile are scored together).
    pub fn changed(&self) {
        let (dirty, signal) = &*self.dirty;
        *dirty.lock().expect("not poisoned") = true;
        signal.notify_one();
    }

    fn wait_for_change(&self) {
        let (dirty, signal) = &*self.dirty;
        let mut dirty = dirty.lock().expect("not poisoned");
        while !*dirty {
            dirty = signal.wait(dirty).expect("not poisoned");
        }
        *dirty = false;
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

/// Scores the contest: the leaderboard as the CLI's JSON and as rows for
/// the pages; with blind judging before publication, by code and without names.
fn snapshot(contest: &std::path::Path, lang: Lang, top: usize) -> Result<Snapshot, String> {
    let inputs = load(contest, None).map_err(|p| p.to_string())?;
    let codes = crate::blind::hidden_names(&inputs.rules)?;
    let results = score(inputs, &[]);
    let mut board = Leaderboard::new(&results, lang, None).map_err(|d| d.to_string())?;
    if let Some(codes) = &codes {
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
    Ok(Snapshot { api, hall_rows, desk_rows })
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
