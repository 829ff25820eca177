//! `podium serve`: judges mark on their phones through personal secret
//! links, the organiser watches and locks at a desk, and the hall screen
//! shows the live leaderboard — a small local web server over the same
//! store and engine as the command line.

mod desk;
mod hall;
mod judge;
// Which cells a judge marks, for their paper sheet too.
pub use judge::offers_in;
pub mod links;
mod listen;
pub mod live;
mod roles;
mod writer;

use crate::blind::Codes;
use crate::contest::{Lang, Rules};
use crate::data::Entries;
use crate::load::{load_contest, Sources};
use crate::say;
use crate::store::{Cell, StateChange, Store};
use axum::extract::{DefaultBodyLimit, Form, Path as UrlPath, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use links::{same, Links};
use live::{CeremonyStep, Live};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tokio_stream::StreamExt as _;
use writer::{Answer, Job, MarkJob, Writer};

/// Pages link to the bundled font here rather than carrying it: a phone
/// loads it once.
pub const FONT_LINK: &str =
    "@font-face { font-family: \"Podium Sans\"; src: url(/assets/podium-sans.woff2) format(\"woff2\"); font-display: swap; }";

/// The longest a page's read of the store waits when SQLite says it is
/// busy (reads in WAL mode rarely wait at all).
const READ_WAIT: std::time::Duration = std::time::Duration::from_secs(1);

/// The largest request body taken (a mark is a few hundred bytes).
const BODY_LIMIT: usize = 16 * 1024;

pub struct ServeOptions {
    pub bind: SocketAddr,
    /// The address printed in links, when judges reach the server by another name.
    pub base: Option<String>,
    pub lang: Lang,
    /// How many places the hall screen shows.
    pub top: usize,
}

pub struct App {
    pub rules: Arc<Rules>,
    pub entries: Arc<Entries>,
    /// Who marks which entry.
    panels: crate::data::Panels,
    /// Live boards open, per address.
    boards: listen::Boards,
    pub lang: Lang,
    links: Links,
    /// Codes of entries, when judging is blind.
    codes: Option<Codes>,
    /// A connection for reading pages' data (a judge's saved marks, the state), on blocking threads.
    reader: Mutex<Store>,
    /// A connection only for checking links (one indexed read, taken in place).
    link_reader: Mutex<Store>,
    writer: Writer,
    live: Arc<Live>,
}

type Shared = Arc<App>;

pub fn run(contest: &Path, options: ServeOptions) -> Result<(), String> {
    let (rules, entries) = load_contest(contest).map_err(|p| p.to_string())?;
    let (rules, entries) = (Arc::new(rules), Arc::new(entries));
    let store_path = Sources::of(&rules, None).store;
    let mut store = Store::open(&store_path)?;
    let links = Links::new(store.secret("links")?);
    let reader = Store::open(&store_path)?;
    let link_reader = Store::open(&store_path)?;
    for read in [&reader, &link_reader] {
        read.wait_for_writers(READ_WAIT)?;
    }
    let codes = if rules.contest.marking.blind {
        // Judges mark by the codes of the outermost layer: the work pieces', with two.
        let codes = Codes::load_layer(&reader, crate::blind::code_layers(&rules))?;
        if codes.is_empty() {
            return Err(say!(options.lang, "serve-blind-codes"));
        }
        Some(codes)
    } else {
        None
    };
    let live = Live::start(contest.to_path_buf(), options.lang, options.top)?;
    let scorer = live.clone();
    let writer = Writer::start(store, rules.clone(), entries.clone(), move |changes| scorer.committed(changes));
    let app = Arc::new(App {
        panels: crate::data::Panels::new(&rules, &entries),
        boards: listen::Boards::default(),
        rules,
        entries,
        lang: options.lang,
        links,
        codes,
        reader: Mutex::new(reader),
        link_reader: Mutex::new(link_reader),
        writer,
        live,
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| say!(options.lang, "serve-cannot-start", why = e))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(options.bind)
            .await
            .map_err(|e| say!(options.lang, "serve-cannot-listen", address = options.bind, why = e))?;
        let address = listener.local_addr().map_err(|e| e.to_string())?;
        let base = options.base.clone().unwrap_or_else(|| format!("http://{address}"));
        print_links(&app, &base)?;
        listen::serve(listener, router(app), async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await;
        Ok(())
    })
}

/// What the organiser needs at start: where the hall board is, the desk's
/// link and every judge's.
fn print_links(app: &App, base: &str) -> Result<(), String> {
    use std::io::Write as _;
    let reader = app.reader.lock().expect("not poisoned");
    let lang = app.lang;
    let desk = format!("{base}/desk/{}", app.links.admin(generation(&reader, "admin")?));
    // Each line ends with its address (tests and scripts read from `http`).
    let mut lines = vec![
        say!(lang, "serve-listening", url = base),
        say!(lang, "serve-hall", url = format!("{base}/hall")),
        say!(lang, "serve-api", url = format!("{base}/api/results")),
        say!(lang, "serve-desk", url = desk),
    ];
    for judge in &app.rules.contest.judges {
        let token = app.links.judge(&judge.id, generation(&reader, &judge.id)?);
        let url = format!("{base}/j/{}/{token}", judge.id);
        lines.push(say!(lang, "serve-judge", judge = judge.id, name = judge.name, url = url));
    }
    for holder in app.rules.workflow.iter().flat_map(|w| &w.roles) {
        let token = app.links.role(&holder.id, generation(&reader, &format!("role:{}", holder.id))?);
        let url = format!("{base}/r/{}/{token}", holder.id);
        let role = holder.role.words().in_lang(lang);
        lines.push(say!(lang, "serve-role", id = holder.id, role = role, name = holder.name, url = url));
    }
    // A closed standard output (the links piped to a program that has
    // finished) must not stop the server.
    let mut out = std::io::stdout().lock();
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    let _ = out.flush();
    Ok(())
}

/// A link's generation (moved on by `podium judges revoke`).
pub fn generation(store: &Store, who: &str) -> Result<u32, String> {
    Ok(store.setting(&format!("link:{who}"))?.and_then(|g| g.parse().ok()).unwrap_or(0))
}

fn router(app: Shared) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/assets/podium-sans.woff2", get(font))
        .route("/hall", get(hall_page))
        .route("/events", get(hall_events))
        .route("/api/results", get(results))
        .route("/j/{judge}/{token}", get(judge_page))
        .route(
            "/j/{judge}/{token}/mark",
            post(judge_mark).layer(axum::middleware::from_fn(in_time)),
        )
        .route("/r/{role}/{token}", get(role_page))
        .route("/r/{role}/{token}/step", post(role_step).layer(axum::middleware::from_fn(in_time)))
        .route("/desk/{token}", get(desk_page))
        .route("/desk/{token}/events", get(desk_events))
        .route(
            "/desk/{token}/{action}",
            post(desk_action).layer(axum::middleware::from_fn(in_time)),
        )
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::map_response(secure_headers))
        .with_state(app)
}

/// A request with a body must have sent all of it within this long (its
/// head has its own limit): a body trickled in byte by byte would hold a
/// connection for ever.
const BODY_TIME: std::time::Duration = std::time::Duration::from_secs(10);

async fn in_time(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    match tokio::time::timeout(BODY_TIME, next.run(request)).await {
        Ok(response) => response,
        // No language at hand here: the process's (`--lang`, which the server speaks too).
        Err(_) => refused(StatusCode::REQUEST_TIMEOUT, crate::msg!("request-too-slow").to_string()),
    }
}

/// Every response: no sniffing, no framing, nothing loaded from elsewhere,
/// and no secret link leaking in a Referer header.
async fn secure_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'",
        ),
    );
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

async fn index(State(app): State<Shared>) -> Html<String> {
    let lang = app.lang;
    let body = format!(
        "<h1>{}</h1><p><a href=\"/hall\">{}</a></p><p class=\"note\">{}</p>",
        crate::output::html::escape(app.rules.contest.name.get(lang)),
        say!(lang, "index-hall"),
        say!(lang, "index-judges")
    );
    Html(crate::output::html::document(
        app.rules.contest.name.get(lang),
        lang,
        FONT_LINK,
        "",
        &body,
    ))
}

async fn font() -> Response {
    (
        [
            (header::CONTENT_TYPE, "font/woff2"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        crate::output::html::FONT_WOFF2,
    )
        .into_response()
}

async fn hall_page(State(app): State<Shared>) -> Html<String> {
    Html(hall::page(&app))
}

/// The results as `podium score --format json` gives them (the public's
/// view: frozen when the hall is).
async fn results(State(app): State<Shared>) -> Response {
    // Places not yet revealed in the ceremony never leave the server.
    if app.live.hall_state().ceremony.is_some() {
        let mut response = refused(StatusCode::SERVICE_UNAVAILABLE, say!(app.lang, "hall-withheld"));
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
        return response;
    }
    match app.live.api().await {
        Ok(api) => ([(header::CONTENT_TYPE, "application/json; charset=utf-8")], api).into_response(),
        Err(_) => refused(StatusCode::SERVICE_UNAVAILABLE, say!(app.lang, "results-unreadable")),
    }
}

/// Server-sent events named `board`, one for every new value of `receiver`.
/// The stream holds `watching` until it ends, so the board is counted while open.
fn stream<T: Send + Sync + 'static>(
    receiver: tokio::sync::watch::Receiver<Arc<T>>,
    data: fn(&T) -> &str,
    watching: listen::Watching,
) -> Sse<impl futures_util::Stream<Item = Result<Event, std::convert::Infallible>>> {
    let events = tokio_stream::wrappers::WatchStream::new(receiver).map(move |value| {
        let _ = &watching;
        Ok(Event::default().event("board").data(data(&value)))
    });
    Sse::new(events).keep_alive(KeepAlive::default())
}

async fn hall_events(State(app): State<Shared>, peer: Option<axum::Extension<listen::Peer>>) -> Response {
    match app.boards.open(peer.map(|p| p.0)) {
        Some(watching) => stream(app.live.hall.clone(), String::as_str, watching).into_response(),
        None => too_many_boards(app.lang),
    }
}

/// A live board refused: this address, or everyone together, watches too many.
fn too_many_boards(lang: Lang) -> Response {
    let mut response = refused(StatusCode::SERVICE_UNAVAILABLE, say!(lang, "too-many-boards"));
    response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("10"));
    response
}

fn desk_rows(snapshot: &live::Snapshot) -> &str {
    &snapshot.desk_rows
}

/// A refusal a page shows: plain words, never internals.
fn refused(status: StatusCode, message: impl Into<String>) -> Response {
    let answer = Answer {
        saved: false,
        changed: false,
        value: None,
        record: None,
        message: message.into(),
    };
    (status, Json(answer)).into_response()
}

fn not_found(app: &App) -> Response {
    let message = say!(app.lang, "link-not-valid");
    let page = crate::output::html::document(&message, app.lang, FONT_LINK, "", &format!("<p>{message}</p>"));
    (StatusCode::NOT_FOUND, Html(page)).into_response()
}

impl App {
    /// Runs `read` with the reading connection on a blocking thread: the
    /// store is a file, and the async workers must stay free for the hall.
    /// Reading never waits for a writer (SQLite's WAL).
    async fn read<T: Send + 'static>(self: &Arc<Self>, read: impl FnOnce(&App, &Store) -> T + Send + 'static) -> Option<T> {
        let app = self.clone();
        tokio::task::spawn_blocking(move || {
            let reader = app.reader.lock().ok()?;
            Some(read(&app, &reader))
        })
        .await
        .ok()
        .flatten()
    }

    /// The judge whose link this is, if it is valid now. (One indexed read,
    /// taken in place: it never waits for a writer, and a busy store gives
    /// up within `READ_WAIT`.)
    fn judge_of(&self, judge: &str, token: &str) -> Option<u16> {
        let index = *self.rules.judge_index.get(judge)?;
        let reader = self.link_reader.lock().ok()?;
        let generation = generation(&reader, judge).ok()?;
        same(token, &self.links.judge(judge, generation)).then_some(index)
    }

    /// The role whose link this is, if it is valid now.
    fn role_of(&self, role: &str, token: &str) -> Option<crate::contest::workflow::RoleHolder> {
        let holder = self.rules.workflow.as_ref()?.holder(role)?.clone();
        let reader = self.link_reader.lock().ok()?;
        let generation = generation(&reader, &format!("role:{role}")).ok()?;
        same(token, &self.links.role(role, generation)).then_some(holder)
    }

    fn is_admin(&self, token: &str) -> bool {
        let Ok(reader) = self.link_reader.lock() else { return false };
        generation(&reader, "admin").is_ok_and(|g| same(token, &self.links.admin(g)))
    }
}

/// The answer when the writer did not do a job: refused by the rules (409),
/// or the store busy with another program's write or failing (503; a busy
/// store says when to send it again). Nothing was stored either way.
fn not_done(lang: Lang, why: writer::NotDone) -> Response {
    match why {
        writer::NotDone::Refused(message) => refused(StatusCode::CONFLICT, message),
        writer::NotDone::Busy => {
            let mut response = refused(StatusCode::SERVICE_UNAVAILABLE, say!(lang, "mark-busy"));
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
            response
        }
        writer::NotDone::Failed(message) => refused(StatusCode::SERVICE_UNAVAILABLE, say!(lang, "mark-not-saved", why = message)),
    }
}

/// A state-changing request must come from our own page: its form token,
/// and if the browser says where it comes from, from this server.
fn from_our_page(app: &App, headers: &HeaderMap, token: &str, form: &str) -> Result<(), Response> {
    let forbidden = |why: String| refused(StatusCode::FORBIDDEN, why);
    if !same(form, &app.links.form(token)) {
        return Err(forbidden(say!(app.lang, "form-out-of-date")));
    }
    if headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|s| s == "cross-site")
    {
        return Err(forbidden(say!(app.lang, "other-site")));
    }
    if let (Some(origin), Some(host)) = (headers.get(header::ORIGIN), headers.get(header::HOST)) {
        let origin = origin.to_str().unwrap_or("");
        let host = host.to_str().unwrap_or("");
        let origin_host = origin.split_once("://").map_or(origin, |(_, rest)| rest);
        if origin_host != host {
            return Err(forbidden(say!(app.lang, "other-site")));
        }
    }
    Ok(())
}

async fn judge_page(State(app): State<Shared>, UrlPath((judge, token)): UrlPath<(String, String)>) -> Response {
    let Some(j) = app.judge_of(&judge, &token) else {
        return not_found(&app);
    };
    let saved = app.read(move |_, reader| reader.marks_of_judge(&judge)).await;
    let saved = match saved {
        Some(Ok(marks)) => marks
            .into_iter()
            .map(|(cell, value)| ((cell.entry, cell.criterion, cell.element), value))
            .collect::<HashMap<_, _>>(),
        Some(Err(e)) => return unreadable(app.lang, &e.message.to_string()),
        None => return unreadable(app.lang, ""),
    };
    Html(judge::page(&app, j, app.codes.as_ref(), &saved, &app.links.form(&token))).into_response()
}

/// The store could not be read just now.
fn unreadable(lang: Lang, why: &str) -> Response {
    (StatusCode::SERVICE_UNAVAILABLE, say!(lang, "store-unreadable", why = why)).into_response()
}

#[derive(serde::Deserialize)]
struct MarkForm {
    entry: String,
    criterion: String,
    #[serde(default)]
    element: String,
    value: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    form: String,
}

async fn judge_mark(
    State(app): State<Shared>,
    UrlPath((judge, token)): UrlPath<(String, String)>,
    headers: HeaderMap,
    Form(form): Form<MarkForm>,
) -> Response {
    let Some(j) = app.judge_of(&judge, &token) else {
        return refused(StatusCode::NOT_FOUND, say!(app.lang, "link-not-valid"));
    };
    if let Err(response) = from_our_page(&app, &headers, &token, &form.form) {
        return response;
    }
    // The entry as the judge knows it: by code when judging is blind.
    let shown = form.entry.trim();
    let entry_id = match &app.codes {
        Some(codes) => match codes.entry_of(shown) {
            Some(id) => id.to_string(),
            None => return refused(StatusCode::UNPROCESSABLE_ENTITY, say!(app.lang, "mark-no-such-code", code = shown)),
        },
        None => shown.to_string(),
    };
    let element = if form.element.trim() == "0" { "" } else { form.element.trim() };
    let value = form.value.trim();
    let checker = crate::data::RowChecker::with_panels(&app.rules, &app.entries, &app.panels);
    let (entry, checked) = match checker.check([&entry_id, form.criterion.trim(), element, &judge, value]) {
        Ok(ok) => ok,
        Err(refusal) => {
            let status = if refusal.field == "judge" || refusal.field == "entry" {
                StatusCode::FORBIDDEN
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            // In the page's words, naming the entry as the judge knows it
            // (under blind judging, by its code only: a refusal must not
            // tell which entry a code stands for, nor whose it is).
            let message = refusal_words(&app, &refusal.field, shown, form.criterion.trim());
            return refused(status, message);
        }
    };
    let criterion = app.rules.slots[checked.slot as usize].criterion as usize;
    // The link writes exactly the cells its page offers.
    if !judge::offers(&app, j, entry, criterion) {
        let message = say!(app.lang, "mark-not-on-page", criterion = form.criterion.trim());
        return refused(StatusCode::FORBIDDEN, message);
    }
    let slot_element = app.rules.slots[checked.slot as usize].element;
    let cell = Cell {
        entry: entry_id,
        criterion: app.rules.criteria[criterion].key.clone(),
        element: slot_element,
        judge: judge.clone(),
    };
    let described = format!("{shown} {}", criterion_words(&app, criterion, slot_element));
    let reason = match crate::enter::reason(Some(&form.reason)) {
        Ok(reason) => reason.map(String::from),
        Err(why) => return refused(StatusCode::UNPROCESSABLE_ENTITY, say!(app.lang, "mark-not-saved", why = why)),
    };
    let (reply, answer) = tokio::sync::oneshot::channel();
    let job = MarkJob {
        judge,
        cell,
        value: value.to_string(),
        reason,
        entry,
        criterion,
        mark: checked,
        described,
        lang: app.lang,
    };
    if let Err(why) = app.writer.send(Job::Mark(job, reply)) {
        return not_done(app.lang, why);
    }
    match answer.await {
        Ok(Ok(answer)) => Json(answer).into_response(),
        Ok(Err(why)) => not_done(app.lang, why),
        Err(_) => refused(StatusCode::SERVICE_UNAVAILABLE, say!(app.lang, "mark-stopping")),
    }
}

/// Why a mark from a judge's page was refused, in the page's words. The
/// page checks the value as it is typed, so this is rare: a page left open
/// while the contest changed, or a request made by hand.
fn refusal_words(app: &App, field: &str, shown: &str, criterion: &str) -> String {
    let lang = app.lang;
    let rule = app.rules.criterion_index.get(criterion).map(|&c| &app.rules.criteria[c as usize]);
    match (field, rule) {
        ("value", Some(rule)) => {
            let step = rule.range.step.map_or("any".to_string(), |s| s.normalize().to_string());
            say!(
                lang,
                "mark-bad-value",
                min = rule.range.min.normalize(),
                max = rule.range.max.normalize(),
                step = step
            )
        }
        ("entry", _) => say!(lang, "mark-no-such-code", code = shown),
        ("criterion" | "element" | "value", _) => say!(lang, "mark-not-on-page", criterion = criterion),
        _ => say!(lang, "mark-entry-not-on-page", entry = shown),
    }
}

/// A criterion as a page names it: its label, and the element's number.
pub fn criterion_words(app: &App, criterion: usize, element: u8) -> String {
    let label = app.rules.criterion_label(criterion, app.lang);
    match element {
        0 => label.to_string(),
        n => say!(app.lang, "element-of", criterion = label, element = n),
    }
}

async fn role_page(State(app): State<Shared>, UrlPath((role, token)): UrlPath<(String, String)>) -> Response {
    let Some(holder) = app.role_of(&role, &token) else {
        return not_found(&app);
    };
    match app.read(|app, reader| crate::event::Event::read(reader, &app.rules)).await {
        Some(Ok(event)) => Html(roles::page(&app, &holder, &event, &app.links.form(&token))).into_response(),
        Some(Err(e)) => unreadable(app.lang, &e.message.to_string()),
        None => unreadable(app.lang, ""),
    }
}

/// What a role's page posts: the step and what it needs.
#[derive(serde::Deserialize)]
struct RoleForm {
    #[serde(default)]
    command: String,
    #[serde(default)]
    judge: String,
    #[serde(default)]
    id: String,
    #[serde(default)]
    ruling: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    entry: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    what: String,
    #[serde(default)]
    form: String,
}

async fn role_step(
    State(app): State<Shared>,
    UrlPath((role, token)): UrlPath<(String, String)>,
    headers: HeaderMap,
    Form(form): Form<RoleForm>,
) -> Response {
    let Some(holder) = app.role_of(&role, &token) else {
        return refused(StatusCode::NOT_FOUND, say!(app.lang, "link-not-valid"));
    };
    if let Err(response) = from_our_page(&app, &headers, &token, &form.form) {
        return response;
    }
    let said = |ok: bool, message: String| Json(Said { ok, message }).into_response();
    let command = match roles::command(&form) {
        Ok(command) => command,
        Err(why) => return said(false, why.in_lang(app.lang)),
    };
    let actor = match crate::event::acting_for(&app.rules, Some(&holder.id), None, &command) {
        Ok(actor) => actor,
        Err(why) => return said(false, why.in_lang(app.lang)),
    };
    if let crate::event::Command::FileAppeal { entry, .. } = &command {
        if let Err(why) = crate::event::appealable(&app.rules, &app.entries, entry) {
            return said(false, why);
        }
    }
    let (reply, answer) = tokio::sync::oneshot::channel();
    let job = Job::Step {
        actor,
        command,
        reason: form.reason.trim().to_string(),
        reply,
    };
    if let Err(why) = app.writer.send(job) {
        return not_done(app.lang, why);
    }
    match answer.await {
        Ok(Ok(message)) => said(true, message),
        Ok(Err(writer::NotDone::Refused(why) | writer::NotDone::Failed(why))) => said(false, why),
        Ok(Err(writer::NotDone::Busy)) => not_done(app.lang, writer::NotDone::Busy),
        Err(_) => said(false, say!(app.lang, "mark-stopping")),
    }
}

async fn desk_page(State(app): State<Shared>, UrlPath(token): UrlPath<String>) -> Response {
    if !app.is_admin(&token) {
        return not_found(&app);
    }
    let state = match app.read(|_, reader| reader.state()).await {
        Some(Ok(state)) => state,
        Some(Err(e)) => return unreadable(app.lang, &e.message.to_string()),
        None => return unreadable(app.lang, ""),
    };
    // With a workflow: where the results stand, the open appeals and their deadline.
    let workflow = match app.rules.workflow {
        Some(_) => match app.read(|app, reader| crate::event::Event::read(reader, &app.rules)).await {
            Some(Ok(event)) => Some(event),
            Some(Err(e)) => return unreadable(app.lang, &e.message.to_string()),
            None => return unreadable(app.lang, ""),
        },
        None => None,
    };
    // Who owes what, as of the newest scoring (the marks the results count).
    let newest = app.live.results.borrow().clone();
    Html(desk::page(
        &app,
        &newest.marking,
        &state,
        app.live.hall_state(),
        &app.links.form(&token),
        workflow.as_ref(),
    ))
    .into_response()
}

/// A lock's scope as the page's reader names it: the whole contest, a
/// category's or criterion's label, a division's value.
pub fn scope_words(app: &App, text: &str) -> String {
    use crate::lock::Scope;
    let (rules, lang) = (&*app.rules, app.lang);
    match Scope::parse(text) {
        Some(Scope::Contest) => say!(lang, "desk-whole-contest"),
        Some(Scope::Criterion(key)) => match rules.criterion_index.get(&key) {
            Some(&c) => rules.criterion_label(c as usize, lang).to_string(),
            None => key,
        },
        Some(Scope::Category(id)) => rules
            .categories
            .iter()
            .find(|c| c.id == id)
            .map_or(id, |c| c.label.get(lang).to_string()),
        Some(Scope::Division(field, value)) => say!(lang, "scope-division", field = field, value = value),
        None => text.to_string(),
    }
}

async fn desk_events(State(app): State<Shared>, UrlPath(token): UrlPath<String>, peer: Option<axum::Extension<listen::Peer>>) -> Response {
    if !app.is_admin(&token) {
        return not_found(&app);
    }
    match app.boards.open(peer.map(|p| p.0)) {
        Some(watching) => stream(app.live.results.clone(), desk_rows, watching).into_response(),
        None => too_many_boards(app.lang),
    }
}

#[derive(serde::Deserialize)]
struct DeskForm {
    #[serde(default)]
    scope: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    on: String,
    #[serde(default)]
    step: String,
    /// How many places a ceremony announces.
    #[serde(default)]
    places: String,
    #[serde(default)]
    form: String,
}

#[derive(serde::Serialize)]
struct Said {
    ok: bool,
    message: String,
}

async fn desk_action(
    State(app): State<Shared>,
    UrlPath((token, action)): UrlPath<(String, String)>,
    headers: HeaderMap,
    Form(form): Form<DeskForm>,
) -> Response {
    if !app.is_admin(&token) {
        return refused(StatusCode::NOT_FOUND, say!(app.lang, "link-not-valid"));
    }
    if let Err(response) = from_our_page(&app, &headers, &token, &form.form) {
        return response;
    }
    let said = |ok: bool, message: String| Json(Said { ok, message }).into_response();
    let change = match action.as_str() {
        "lock" => StateChange::Lock,
        "unlock" => StateChange::Unlock,
        "publish" => StateChange::Publish,
        "freeze" => {
            let on = match form.on.as_str() {
                "true" => true,
                "false" => false,
                other => return said(false, say!(app.lang, "desk-no-action", action = other)),
            };
            let state = app.live.set_hall(|hall| hall.frozen = on);
            return said(true, desk::words::hall_now(app.lang, state));
        }
        "ceremony" => {
            let step = match form.step.as_str() {
                "start" => match form.places.trim() {
                    "" => CeremonyStep::Start(None),
                    places => match places.parse::<usize>() {
                        Ok(n) if n > 0 => CeremonyStep::Start(Some(n)),
                        _ => return said(false, desk::words::places_wanted(app.lang, places)),
                    },
                },
                "end" => CeremonyStep::End,
                "next" => CeremonyStep::Next,
                other => return said(false, say!(app.lang, "desk-no-action", action = other)),
            };
            let state = app.live.ceremony(step);
            return said(true, desk::words::hall_now(app.lang, state));
        }
        _ => return refused(StatusCode::NOT_FOUND, say!(app.lang, "desk-no-action", action = action)),
    };
    let scope = if change == StateChange::Publish {
        Ok(crate::lock::Scope::Contest)
    } else {
        crate::lock::Scope::from_text(&app.rules, &app.entries, &form.scope)
    };
    // Stored as the command line would store it, so that it locks what it names.
    let scope = match scope {
        Ok(scope) => scope.text(),
        Err(message) => return said(false, say!(app.lang, "desk-not-done", why = message)),
    };
    let reason = form.reason.trim().to_string();
    // What the state refuses, said in the page's words (the writer checks
    // again, in its transaction, for a change made meanwhile).
    match app.read(|_, reader| reader.state()).await {
        Some(Ok(state)) => {
            if let Some(why) = desk_refusal(&app, &state, change, &scope, &reason) {
                return said(false, why);
            }
        }
        Some(Err(e)) => return said(false, say!(app.lang, "store-unreadable", why = e.message)),
        None => return said(false, say!(app.lang, "store-unreadable", why = "")),
    }
    let words = scope_words(&app, &scope);
    let (reply, answer) = tokio::sync::oneshot::channel();
    let job = Job::State {
        change,
        scope,
        reason,
        reply,
    };
    match app.writer.send(job) {
        Err(writer::NotDone::Busy) => return not_done(app.lang, writer::NotDone::Busy),
        Err(_) => return said(false, say!(app.lang, "mark-stopping")),
        Ok(()) => {}
    }
    match answer.await {
        Ok(Ok(_)) => said(
            true,
            match change {
                StateChange::Lock => say!(app.lang, "desk-locked", scope = words),
                StateChange::Unlock => say!(app.lang, "desk-unlocked", scope = words),
                StateChange::Publish => say!(app.lang, "desk-published-now"),
            },
        ),
        Ok(Err(writer::NotDone::Refused(why) | writer::NotDone::Failed(why))) => said(false, say!(app.lang, "desk-not-done", why = why)),
        Ok(Err(writer::NotDone::Busy)) => not_done(app.lang, writer::NotDone::Busy),
        Err(_) => said(false, say!(app.lang, "mark-stopping")),
    }
}

/// Why the event's state refuses a lock, unlock or publish, in the page's
/// words (as `lock::change_state` refuses it).
fn desk_refusal(app: &App, state: &crate::store::State, change: StateChange, scope: &str, reason: &str) -> Option<String> {
    let lang = app.lang;
    let locked = state.locked.iter().any(|(s, _)| s == scope);
    if state.published.is_some() {
        return Some(say!(lang, "desk-published-already"));
    }
    match change {
        StateChange::Unlock if !locked => Some(say!(lang, "desk-not-locked", scope = scope_words(app, scope))),
        StateChange::Unlock if reason.is_empty() => Some(say!(lang, "desk-unlock-needs-reason")),
        StateChange::Publish if !locked => Some(say!(lang, "desk-publish-needs-lock")),
        _ => None,
    }
}

/// Where the contest's store is, for `podium judges`.
pub fn store_of(contest: &Path) -> Result<(Arc<Rules>, PathBuf), String> {
    let (rules, _) = load_contest(contest).map_err(|p| p.to_string())?;
    let path = Sources::of(&rules, None).store;
    Ok((Arc::new(rules), path))
}
