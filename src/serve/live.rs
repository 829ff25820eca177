//! The live results: the contest stays scored in memory; after every commit
//! the scoring thread re-scores the entries whose marks changed, then places
//! and awards, and publishes the leading places to the hall and the desk.
//! The whole leaderboard (the same JSON as `score --format json`: tens of
//! megabytes at national scale) is made only when the API asks for it. A
//! write by another process (a clerk's import while the server runs) or a
//! change of the event's state loads the contest again. The organiser
//! always sees the newest; the public (hall and API) sees it unless the
//! board is frozen, and in ceremony mode sees places revealed from the
//! bottom up.

use super::writer::Committed;
use crate::blind::Codes;
use crate::contest::Lang;
use crate::engine::{Inputs, LiveScores, Results};
use crate::load::{load, Sources};
use crate::output::{FormatKind, Leaderboard};
use crate::stages::live::LiveStaged;
use crate::store::Store;
use axum::body::Bytes;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use tokio::sync::{oneshot, watch};

/// What the hall screen shows besides the results.
#[derive(Debug, Clone, Copy, Default, serde::Serialize, PartialEq, Eq)]
pub struct HallState {
    /// The public board stopped updating (the jury still sees live results).
    pub frozen: bool,
    /// Ceremony mode: places revealed one by one from the bottom up.
    pub ceremony: Option<Ceremony>,
}

/// An award ceremony on the hall screen. The results are pinned while it
/// runs; only revealed rows ever leave the server.
#[derive(Debug, Clone, Copy, serde::Serialize, PartialEq, Eq)]
pub struct Ceremony {
    /// The rows announced: the places chosen, with any entry tied at the last.
    pub rows: usize,
    /// How many of them are revealed, counting up from the bottom.
    pub revealed: usize,
}

/// What the organiser asks of the ceremony at the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CeremonyStep {
    /// Start with these places announced (none: the award places on the hall board).
    Start(Option<usize>),
    /// Reveal one more row (starting the ceremony if it has not started).
    Next,
    End,
}

impl HallState {
    /// Whether the public results stay as they were (frozen, or a ceremony).
    fn pinned(&self) -> bool {
        self.frozen || self.ceremony.is_some()
    }
}

/// One row of the hall board, its JSON made once.
pub struct HallRow {
    pub rank: u32,
    pub awarded: bool,
    pub json: String,
}

/// One scoring of the contest, as each reader wants it.
pub struct Snapshot {
    /// The store's last record the results include.
    pub version: i64,
    /// The top places for the hall: rows with totals as exact text.
    pub hall_rows: Vec<HallRow>,
    /// For the organiser: the top places and every flagged entry.
    pub desk_rows: String,
    /// Who owes which marks; none missing: marking is complete.
    pub marking: Marking,
    /// Whether the awards shown are provisional (暂定).
    pub provisional: bool,
    /// Why, for the hall: marking incomplete, results not yet confirmed, or
    /// on public notice until a time (empty when final).
    pub note: String,
    /// In a contest run in stages: who reached which stage (the cells the
    /// judges' pages offer).
    pub reach: Option<Arc<crate::stages::Reach>>,
    /// In a contest run in stages: the stage the hall shows, in words.
    pub stage: Option<String>,
    /// The CLI's JSON (`score --format json`) for the API.
    api: Mutex<Api>,
}

/// A snapshot's JSON for the API: made when first asked for, on a thread of
/// its own (at national scale it takes seconds; scoring goes on meanwhile).
enum Api {
    Unmade,
    /// Being made; these requests wait for it.
    Making(Vec<Reply>),
    Made(Bytes),
}

/// Where an API request waits for its answer.
type Reply = oneshot::Sender<Result<Bytes, String>>;

/// Places the desk shows besides the flagged entries.
const DESK_TOP: usize = 200;

/// Missing marks the desk lists per judge (the rest it counts).
const DESK_LISTED: usize = 60;

/// What the scoring thread is asked to do.
#[derive(Default)]
struct Work {
    /// Commits not yet scored.
    commits: Vec<Committed>,
    /// Snapshots whose JSON an API request is waiting for.
    api: Vec<Arc<Snapshot>>,
    /// The hall's state changed (a freeze pins the public results).
    hall: bool,
}

pub struct Live {
    /// The newest results, for the organiser (the API reads `public`).
    pub results: watch::Receiver<Arc<Snapshot>>,
    /// What the hall shows: `{"hall": …, "rows": …}`.
    pub hall: watch::Receiver<Arc<String>>,
    hall_state: Mutex<HallState>,
    hall_sender: watch::Sender<Arc<String>>,
    /// What the public sees: the newest, or what it was frozen at.
    public: Mutex<Arc<Snapshot>>,
    work: Mutex<Work>,
    signal: Condvar,
}

/// The scores kept in memory: a contest's, each change re-scoring its
/// entry; or, for a contest run in stages, its classification.
enum Kept {
    // Boxed: both are large, and made once per server.
    Single(Box<LiveScores>),
    Staged(Box<LiveStaged>),
}

impl Kept {
    fn new(inputs: Inputs) -> Kept {
        if inputs.rules.stages.is_empty() {
            Kept::Single(Box::new(LiveScores::new(inputs)))
        } else {
            Kept::Staged(Box::new(LiveStaged::new(inputs)))
        }
    }

    fn inputs(&self) -> &Inputs {
        match self {
            Kept::Single(scores) => scores.inputs(),
            Kept::Staged(scores) => scores.inputs(),
        }
    }

    fn rules(&self) -> &crate::contest::Rules {
        &self.inputs().rules
    }

    fn set_mark(&mut self, entry: u32, mark: crate::data::Mark) {
        match self {
            Kept::Single(scores) => scores.set_mark(entry, mark),
            Kept::Staged(scores) => scores.set_mark(entry, mark),
        }
    }

    fn rescore(&mut self) {
        match self {
            Kept::Single(scores) => scores.rescore(),
            Kept::Staged(scores) => scores.rescore(),
        }
    }

    fn results(&mut self) -> Results {
        match self {
            Kept::Single(scores) => scores.results(),
            Kept::Staged(scores) => scores.results(),
        }
    }

    fn leading(&mut self, top: usize) -> Results {
        match self {
            Kept::Single(scores) => scores.leading(top),
            Kept::Staged(scores) => scores.leading(top),
        }
    }

    /// Who owes which marks: in a contest run in stages, each stage's of
    /// the entries that reached it.
    /// The stage under way, in words (contests run in stages).
    fn under_way(&self, lang: Lang) -> Option<String> {
        match self {
            Kept::Single(_) => None,
            Kept::Staged(scores) => Some(scores.under_way().get(lang).to_string()),
        }
    }

    fn reach(&self) -> Option<Arc<crate::stages::Reach>> {
        match self {
            Kept::Single(_) => None,
            Kept::Staged(scores) => Some(scores.reach()),
        }
    }

    fn marking(&self, codes: Option<&Codes>, listed: usize) -> Marking {
        match self {
            Kept::Single(scores) => Marking::of(scores.inputs(), codes, listed),
            Kept::Staged(scores) => Marking::of_stages(scores.inputs(), scores.stages(), codes, listed),
        }
    }
}

/// The scores kept in memory and what they were scored from.
struct Scoring {
    scores: Kept,
    /// With blind judging before publication: the codes to show.
    codes: Option<Arc<Codes>>,
    /// The store's last record they include.
    head: i64,
    /// Whether the marks came from the store (else from the marks file,
    /// which the store replaces once it holds a mark).
    from_store: bool,
    /// Whether the results are published (final, whatever marks are missing).
    published: bool,
    /// With a workflow: results are provisional until final, and on notice
    /// until this time (shown).
    workflow: bool,
    notice: Option<String>,
}

impl Scoring {
    fn load(contest: &Path) -> Result<Scoring, String> {
        let inputs = load(contest, None).map_err(|p| p.to_string())?;
        let codes = crate::blind::hidden_names(&inputs.rules)?.map(Arc::new);
        let store = Store::open_existing(&Sources::of(&inputs.rules, None).store)?;
        let (head, from_store, published) = match &store {
            Some(store) => (store.head()?.0, store.has_marks()?, store.state()?.published.is_some()),
            None => (0, false, false),
        };
        let notice = match (&store, &inputs.rules.workflow) {
            (Some(store), Some(_)) => crate::event::Event::read(store, &inputs.rules)?
                .notice()
                .map(|(_, until)| crate::event::decide::shown(until)),
            _ => None,
        };
        let workflow = inputs.rules.workflow.is_some();
        Ok(Scoring {
            scores: Kept::new(inputs),
            codes,
            head,
            from_store,
            published,
            workflow,
            notice,
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
        for warning in crate::load::left_out(scoring.scores.inputs(), None).0 {
            eprintln!("{warning}");
        }
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
            work: Mutex::new(Work::default()),
            signal: Condvar::new(),
        });
        let worker = live.clone();
        let reader = Store::open_existing(&store_path)?;
        std::thread::Builder::new()
            .name("podium-scorer".into())
            .spawn(move || {
                // The public results are pinned while the hall is frozen.
                let mut pinned = false;
                loop {
                    let work = worker.wait_for_work();
                    if work.hall {
                        pinned = worker.pin(&mut scoring, lang, pinned);
                    }
                    let current = if work.commits.is_empty() {
                        // Idle: has anyone else written to the store?
                        reader
                            .as_ref()
                            .and_then(|r| r.head().ok())
                            .is_none_or(|(head, _)| head == scoring.head)
                    } else {
                        scoring.apply(work.commits, counts_live_marks)
                    };
                    if !current {
                        match Scoring::load(&contest) {
                            Ok(loaded) => scoring = loaded,
                            Err(e) => eprintln!("{}", crate::say!(lang, "serve-cannot-score", why = e)),
                        }
                    }
                    if worker.results.borrow().version != scoring.head {
                        match snapshot(&mut scoring, lang, top) {
                            Ok(newest) => {
                                let newest = Arc::new(newest);
                                let _ = results_sender.send(newest.clone());
                                worker.publish(Some(newest).filter(|_| !pinned));
                            }
                            Err(e) => eprintln!("{}", crate::say!(lang, "serve-cannot-score", why = e)),
                        }
                    }
                    for wanted in work.api {
                        // A pinned snapshot's JSON is made when it is pinned, never from later scores.
                        let is_pinned = pinned && Arc::ptr_eq(&wanted, &worker.public.lock().expect("not poisoned"));
                        if !(is_pinned && wanted.version != scoring.head) {
                            make_api(&mut scoring, wanted, lang);
                        }
                    }
                }
            })
            .map_err(|e| e.to_string())?;
        Ok(live)
    }

    /// A commit of the server's: score it.
    pub fn committed(&self, commit: Committed) {
        self.ask(|work| work.commits.push(commit));
    }

    /// The public results as the CLI's JSON (`score --format json`).
    pub async fn api(&self) -> Result<Bytes, String> {
        let public = self.public.lock().expect("not poisoned").clone();
        let (reply, answer) = oneshot::channel();
        let ask = {
            let mut api = public.api.lock().expect("not poisoned");
            match &mut *api {
                Api::Made(json) => return Ok(json.clone()),
                Api::Making(waiting) => {
                    waiting.push(reply);
                    false
                }
                Api::Unmade => {
                    *api = Api::Making(vec![reply]);
                    true
                }
            }
        };
        if ask {
            self.ask(|work| work.api.push(public));
        }
        answer.await.map_err(|_| crate::msg!("serve-stopping").to_string())?
    }

    /// Gives the scoring thread work and wakes it.
    fn ask(&self, add: impl FnOnce(&mut Work)) {
        add(&mut self.work.lock().expect("not poisoned"));
        self.signal.notify_one();
    }

    /// The work waiting; none after two idle seconds.
    fn wait_for_work(&self) -> Work {
        let work = self.work.lock().expect("not poisoned");
        let (mut work, _) = self
            .signal
            .wait_timeout_while(work, std::time::Duration::from_secs(2), |w| {
                w.commits.is_empty() && w.api.is_empty() && !w.hall
            })
            .expect("not poisoned");
        std::mem::take(&mut *work)
    }

    /// After the hall's state changed: a freeze pins the public results as
    /// they stand now, with their JSON made before any later mark moves the
    /// scores on; unfreezing lets the public see the newest. Whether pinned.
    fn pin(&self, scoring: &mut Scoring, lang: Lang, pinned: bool) -> bool {
        let frozen = self.hall_state().pinned();
        if frozen && !pinned {
            let newest = self.results.borrow().clone();
            // Made now, from these scores, even when a request already
            // waits for it: a making asked for before the freeze would run
            // only after this round's marks and give the newer results.
            let unmade = {
                let mut api = newest.api.lock().expect("not poisoned");
                if matches!(*api, Api::Unmade) {
                    *api = Api::Making(Vec::new());
                }
                !matches!(*api, Api::Made(_))
            };
            if unmade {
                make_api(scoring, newest.clone(), lang);
            }
            *self.public.lock().expect("not poisoned") = newest;
        } else if !frozen && pinned {
            self.publish(Some(self.results.borrow().clone()));
        }
        frozen
    }

    pub fn hall_state(&self) -> HallState {
        *self.hall_state.lock().expect("not poisoned")
    }

    /// Changes what the hall shows (freeze, ceremony) and tells the hall;
    /// the scoring thread pins or unpins the public results.
    pub fn set_hall(&self, change: impl FnOnce(&mut HallState)) -> HallState {
        let state = {
            let mut state = self.hall_state.lock().expect("not poisoned");
            change(&mut state);
            *state
        };
        self.publish(None);
        self.ask(|work| work.hall = true);
        state
    }

    /// A step of the ceremony, over the public results as they stand.
    pub fn ceremony(&self, step: CeremonyStep) -> HallState {
        let public = self.public.lock().expect("not poisoned").clone();
        self.set_hall(|hall| {
            hall.ceremony = match (step, hall.ceremony) {
                (CeremonyStep::End, _) => None,
                (CeremonyStep::Start(places), _) => Some(announced(&public.hall_rows, places)),
                (CeremonyStep::Next, Some(c)) => Some(Ceremony {
                    revealed: (c.revealed + 1).min(c.rows),
                    ..c
                }),
                (CeremonyStep::Next, None) => Some(Ceremony {
                    revealed: 1,
                    ..announced(&public.hall_rows, None)
                }),
            }
        })
    }

    /// What the public sees on the hall board now (as `/events` sends it).
    pub fn hall_now(&self) -> Arc<String> {
        self.hall.borrow().clone()
    }

    /// Sends the hall its state with the public results, updated with
    /// `newest` if given.
    fn publish(&self, newest: Option<Arc<Snapshot>>) {
        let state = self.hall_state();
        let mut public = self.public.lock().expect("not poisoned");
        if let Some(newest) = newest {
            *public = newest;
        }
        let _ = self.hall_sender.send(Arc::new(hall_json(state, &public)));
    }
}

/// The rows a ceremony announces: the first `places` (by default, through
/// the last row with an award; with no awards, every row), and every row
/// tied with the last of them.
fn announced(rows: &[HallRow], places: Option<usize>) -> Ceremony {
    let places = places.unwrap_or_else(|| rows.iter().rposition(|r| r.awarded).map_or(rows.len(), |last| last + 1));
    let count = match places.min(rows.len()).checked_sub(1) {
        Some(last) => rows.iter().take_while(|r| r.rank <= rows[last].rank).count(),
        None => 0,
    };
    Ceremony { rows: count, revealed: 0 }
}

/// The hall board as the public may see it: in a ceremony only the rows
/// revealed so far (the bottom `revealed` of those announced), and how many
/// are still to come.
fn hall_json(state: HallState, snapshot: &Snapshot) -> String {
    let shown: &[HallRow] = match state.ceremony {
        Some(c) => {
            let rows = &snapshot.hall_rows[..c.rows.min(snapshot.hall_rows.len())];
            &rows[rows.len() - c.revealed.min(rows.len())..]
        }
        None => &snapshot.hall_rows,
    };
    let rows: Vec<&str> = shown.iter().map(|r| r.json.as_str()).collect();
    let state = serde_json::to_string(&state).expect("plain data serialises");
    let provisional = snapshot.provisional;
    let stage = serde_json::to_string(&snapshot.stage).expect("plain data serialises");
    let note = serde_json::to_string(&snapshot.note).expect("a string serialises");
    format!(
        "{{\"hall\":{state},\"provisional\":{provisional},\"note\":{note},\"stage\":{stage},\"rows\":[{}]}}",
        rows.join(",")
    )
}

/// The leading places as they stand, as rows for the hall and the desk.
fn snapshot(scoring: &mut Scoring, lang: Lang, top: usize) -> Result<Snapshot, String> {
    let leading = scoring.scores.leading(top.max(DESK_TOP));
    let stage = scoring.scores.under_way(lang);
    let (hall_rows, desk_rows) = rows_of_leading(leading, scoring.codes.as_deref(), lang, top, stage.is_some())?;
    let marking = scoring.scores.marking(scoring.codes.as_deref(), DESK_LISTED);
    // Awards are provisional while marks are missing, or (with a workflow)
    // until the results are confirmed; publication makes them final.
    let provisional = (marking.missing > 0 || scoring.workflow) && !scoring.published;
    let note = match (&scoring.notice, marking.missing) {
        _ if !provisional => String::new(),
        (_, 1..) => crate::say!(lang, "hall-provisional"),
        (Some(until), 0) => crate::say!(lang, "hall-on-notice", until = until),
        (None, 0) => crate::say!(lang, "hall-unconfirmed"),
    };
    let desk_rows = format!(
        "{{\"provisional\":{provisional},\"missing\":{},\"rows\":{desk_rows}}}",
        marking.missing
    );
    Ok(Snapshot {
        version: scoring.head,
        hall_rows,
        desk_rows,
        marking,
        provisional,
        note,
        reach: scoring.scores.reach(),
        stage,
        api: Mutex::new(Api::Unmade),
    })
}

/// The rows the hall shows (the `top` places) and the desk shows (the
/// leading places and every flagged entry), with totals as exact text; with
/// blind judging before publication (`codes`), by code and without names.
pub fn leading_rows(scores: &mut LiveScores, codes: Option<&Codes>, lang: Lang, top: usize) -> Result<(Vec<HallRow>, String), String> {
    rows_of_leading(scores.leading(top.max(DESK_TOP)), codes, lang, top, false)
}

/// [`leading_rows`] of the leading results, however kept; a stage's rows
/// (`stage`) say how far behind the leader each is, as spectators follow a
/// round.
fn rows_of_leading(results: Results, codes: Option<&Codes>, lang: Lang, top: usize, stage: bool) -> Result<(Vec<HallRow>, String), String> {
    let leader = results.rows.first().and_then(|row| row.total);
    let order = results.inputs.rules.contest.ranking.order;
    let mut board = Leaderboard::new(&results, lang, None).map_err(|d| d.to_string())?;
    if let Some(codes) = codes {
        board.hide_names(codes);
    }
    let hall = board
        .rows
        .iter()
        .filter_map(|r| r.place.map(|place| (r, place.rank)))
        .take(top)
        .map(|(r, rank)| {
            let mut json = public_row_json(board.rules, r);
            if let (true, Some(leader), Some(total)) = (stage, leader, r.total) {
                let behind = match order {
                    crate::contest::Order::HigherIsBetter => leader - total,
                    crate::contest::Order::LowerIsBetter => total - leader,
                };
                json["behind"] = crate::output::number(Some(behind)).into();
            }
            HallRow {
                rank,
                awarded: !r.awards.is_empty(),
                json: json.to_string(),
            }
        })
        .collect();
    // The organiser sees the top and every entry with something to
    // resolve, its flags in words (the board's rows are the results' rows, in order).
    let desk = board
        .rows
        .iter()
        .zip(&results.rows)
        .enumerate()
        .filter(|(i, (r, _))| *i < DESK_TOP || !r.flags.is_empty())
        .map(|(_, (board_row, row))| {
            let mut json = row_json(board.rules, board_row);
            let words: Vec<String> = row.flags.iter().map(|f| crate::output::flag_text(board.rules, f, lang)).collect();
            json["flags"] = words.into();
            json
        });
    Ok((hall, serde_json::Value::Array(desk.collect()).to_string()))
}

/// Makes `snapshot`'s JSON from the results as they stand, on a thread of
/// its own, and answers the requests waiting for it. If the scores have
/// moved on since the snapshot, the requests get the newest results and the
/// snapshot stays without (only a pinned snapshot is read again, and it has
/// its JSON made when pinned, before any later mark).
fn make_api(scoring: &mut Scoring, snapshot: Arc<Snapshot>, lang: Lang) {
    let mut results = scoring.scores.results();
    // The JSON reads no marks; holding them would make the next mark copy them all.
    results.inputs.marks = Default::default();
    let (codes, current) = (scoring.codes.clone(), snapshot.version == scoring.head);
    let waiting = snapshot.clone();
    let made = move || {
        let json = full_json(&results, codes.as_deref(), lang);
        let mut api = snapshot.api.lock().expect("not poisoned");
        // Made already (when it was pinned): nobody waits for this one.
        if matches!(*api, Api::Made(_)) {
            return;
        }
        let made = match &json {
            Ok(json) if current => Api::Made(json.clone()),
            _ => Api::Unmade,
        };
        if let Api::Making(waiting) = std::mem::replace(&mut *api, made) {
            for reply in waiting {
                let _ = reply.send(json.clone());
            }
        }
    };
    if let Err(e) = std::thread::Builder::new().name("podium-api".into()).spawn(made) {
        let said = crate::say!(lang, "serve-cannot-score", why = e);
        if let Api::Making(waiting) = std::mem::replace(&mut *waiting.api.lock().expect("not poisoned"), Api::Unmade) {
            for reply in waiting {
                let _ = reply.send(Err(said.clone()));
            }
        }
    }
}

/// The whole leaderboard as the CLI's JSON.
fn full_json(results: &crate::engine::Results, codes: Option<&Codes>, lang: Lang) -> Result<Bytes, String> {
    let mut board = Leaderboard::new(results, lang, None).map_err(|d| d.to_string())?;
    if let Some(codes) = codes {
        board.hide_names(codes);
    }
    let mut out = Vec::new();
    FormatKind::Json.format().write(&board, &mut out).map_err(|e| e.to_string())?;
    Ok(Bytes::from(out))
}

/// Who owes which marks, for the desk.
#[derive(Debug, Default)]
pub struct Marking {
    pub expected: usize,
    pub missing: usize,
    /// Per judge, in the contest's order, then the records no judge gives.
    pub owed: Vec<Owed>,
}

/// What one judge (or, with `judge` None, the clerks' records) owes.
#[derive(Debug, Default)]
pub struct Owed {
    pub judge: Option<u16>,
    pub expected: usize,
    pub missing: usize,
    /// The first missing cells, at most `listed`: the entry as shown (its
    /// code under blind judging before publication), criterion, element (0: none).
    pub cells: Vec<(String, usize, u8)>,
}

impl Marking {
    /// The marks `inputs` expects, and the first `listed` missing of each judge.
    pub fn of(inputs: &Inputs, codes: Option<&Codes>, listed: usize) -> Marking {
        Marking::counted(inputs, std::slice::from_ref(inputs), codes, listed)
    }

    /// The marks each stage expects of the entries that reached it
    /// (`stages`: each stage's inputs; its judges are the contest's).
    pub fn of_stages(inputs: &Inputs, stages: &[(Inputs, Vec<u32>)], codes: Option<&Codes>, listed: usize) -> Marking {
        let stages: Vec<Inputs> = stages.iter().map(|(stage, _)| stage.clone()).collect();
        Marking::counted(inputs, &stages, codes, listed)
    }

    /// The marks `parts` expect (the contest, or its stages), each missing
    /// cell named by the contest's criterion.
    fn counted(inputs: &Inputs, parts: &[Inputs], codes: Option<&Codes>, listed: usize) -> Marking {
        let judges = inputs.rules.contest.judges.len();
        let mut owed: Vec<Owed> = (0..=judges)
            .map(|j| Owed {
                judge: (j < judges).then_some(j as u16),
                ..Owed::default()
            })
            .collect();
        for part in parts {
            crate::engine::expected_marks(part, |e, c, element, judge, found| {
                let owes = &mut owed[if judge == crate::data::NO_JUDGE { judges } else { judge as usize }];
                owes.expected += 1;
                if !found {
                    owes.missing += 1;
                    if owes.cells.len() < listed {
                        let id = part.entries.list[e as usize].id.as_ref();
                        let shown = codes.and_then(|codes| codes.code_of(id)).unwrap_or(id);
                        let criterion = inputs.rules.criterion_index[&part.rules.criteria[c].key] as usize;
                        owes.cells.push((shown.to_string(), criterion, element));
                    }
                }
                true
            });
        }
        owed.retain(|o| o.expected > 0);
        Marking {
            expected: owed.iter().map(|o| o.expected).sum(),
            missing: owed.iter().map(|o| o.missing).sum(),
            owed,
        }
    }
}

/// A row as the public sees it: without the flags, which are the jury's.
fn public_row_json(rules: &crate::contest::Rules, row: &crate::output::BoardRow) -> serde_json::Value {
    let mut json = row_json(rules, row);
    if let Some(row) = json.as_object_mut() {
        row.remove("flags");
    }
    json
}

/// A leaderboard row for a page, its total as exact text (a browser's
/// number would turn 82.80 into 82.8). An award decided within a division
/// carries the row's division: "一等奖" alone would mislead on a board
/// that mixes divisions.
fn row_json(rules: &crate::contest::Rules, row: &crate::output::BoardRow) -> serde_json::Value {
    let awards = row.awards.iter().map(|(set, tier, label)| {
        let division = award_division(rules, row, set);
        serde_json::json!({"set": set, "tier": tier, "label": label, "division": division})
    });
    serde_json::json!({
        "rank": row.place.map(|p| p.rank),
        "tied": row.place.is_some_and(|p| p.tied),
        "entry": row.entry,
        "name": row.name,
        "organisation": row.organisation,
        "total": crate::output::number(row.total),
        "awards": awards.collect::<Vec<_>>(),
        "flags": row.flags,
    })
}

/// The division an award of set `set` was decided within, for this row:
/// its value of the set's division field (None for an overall award).
pub fn award_division<'a>(rules: &crate::contest::Rules, row: &crate::output::BoardRow<'a>, set: &str) -> Option<&'a str> {
    let set = rules.contest.awards.iter().find(|s| s.id == set)?;
    match &set.scope {
        crate::contest::Scope::PerDivision(field) => row.divisions.iter().find(|d| d.0 == field).map(|d| d.1),
        crate::contest::Scope::Overall => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(ranks: &[(u32, bool)]) -> Vec<HallRow> {
        ranks
            .iter()
            .enumerate()
            .map(|(i, &(rank, awarded))| HallRow {
                rank,
                awarded,
                json: format!("{{\"n\":{i}}}"),
            })
            .collect()
    }

    #[test]
    fn marking_names_what_each_judge_owes_and_caps_the_list() {
        // The example's marks lack one: J4's for C06's site (as `podium status` counts).
        let marks = Path::new("contests/construction/marks.csv");
        let inputs = load(Path::new("contests/construction"), Some(marks)).unwrap();
        assert!(!crate::engine::marking_complete(&inputs));
        let marking = Marking::of(&inputs, None, 60);
        assert_eq!((marking.expected, marking.missing), (224, 1));
        let owing: Vec<&Owed> = marking.owed.iter().filter(|o| o.missing > 0).collect();
        assert_eq!(owing.len(), 1);
        let site = inputs.rules.criterion_index["safety.site"] as usize;
        assert_eq!(owing[0].judge, inputs.rules.judge_index.get("J4").copied());
        assert_eq!(owing[0].cells, [("C06".to_string(), site, 0)]);
        // Listed up to the cap, counted beyond it.
        let capped = Marking::of(&inputs, None, 0);
        assert_eq!(capped.missing, 1);
        assert!(capped.owed.iter().all(|o| o.cells.is_empty()));
    }

    #[test]
    fn a_ceremony_announces_the_award_places_and_everyone_tied_at_the_last() {
        // Places 1, 2, =3, =3, 5, 6; awards down to the first of the tied pair.
        let board = rows(&[(1, true), (2, true), (3, true), (3, false), (5, false), (6, false)]);
        assert_eq!(announced(&board, None), Ceremony { rows: 4, revealed: 0 });
        assert_eq!(announced(&board, Some(3)).rows, 4, "the tie at 3rd comes too");
        assert_eq!(announced(&board, Some(2)).rows, 2);
        assert_eq!(announced(&board, Some(99)).rows, 6);
        assert_eq!(announced(&rows(&[(1, false), (2, false)]), None).rows, 2, "no awards: every row");
        assert_eq!(announced(&[], None).rows, 0);
    }

    #[test]
    fn the_hall_gets_only_the_revealed_rows_from_the_bottom() {
        let snapshot = Snapshot {
            version: 0,
            hall_rows: rows(&[(1, true), (2, true), (3, true), (4, false)]),
            desk_rows: String::new(),
            marking: Marking::default(),
            provisional: false,
            note: String::new(),
            reach: None,
            stage: None,
            api: Mutex::new(Api::Unmade),
        };
        let hall = |ceremony| {
            let json: serde_json::Value = serde_json::from_str(&hall_json(HallState { frozen: false, ceremony }, &snapshot)).unwrap();
            json["rows"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["n"].as_u64().unwrap())
                .collect::<Vec<_>>()
        };
        assert_eq!(hall(None), [0, 1, 2, 3]);
        assert_eq!(hall(Some(Ceremony { rows: 3, revealed: 0 })), [0u64; 0]);
        assert_eq!(hall(Some(Ceremony { rows: 3, revealed: 1 })), [2]);
        assert_eq!(hall(Some(Ceremony { rows: 3, revealed: 3 })), [0, 1, 2]);
        assert_eq!(hall(Some(Ceremony { rows: 9, revealed: 9 })), [0, 1, 2, 3], "never past the board");
    }
}
