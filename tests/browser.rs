//! The event in a real browser (Debian's headless Chromium through
//! chromedriver): a judge opens their link on a phone-sized screen, is
//! told a bad value is out of range, saves a mark and corrects it; the hall
//! board updates by itself; the organiser locks the criterion at the desk
//! and the judge can no longer change it. In Chinese, at a phone's size and
//! a desk's: the judge finds an entry, jumps to the next unmarked one and
//! sees their progress; the desk says who owes which marks; no English word
//! a judge does not need. Screenshots in target/screenshots.

mod common;
use common::serve::*;
use common::*;
use fantoccini::{Client, ClientBuilder, Locator};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// chromedriver on a free loopback port, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Debian's chromedriver, or None (then skipped, except in CI).
fn driver() -> Option<Driver> {
    let (browser, chromedriver) = (Path::new("/usr/bin/chromium"), Path::new("/usr/bin/chromedriver"));
    if !browser.exists() || !chromedriver.exists() {
        assert!(
            std::env::var("CI").is_err(),
            "CI needs chromium and chromedriver: .ci/run installs them"
        );
        eprintln!("skipped: /usr/bin/chromium or /usr/bin/chromedriver is not installed (apt-get install chromium chromium-driver)");
        return None;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child = Command::new(chromedriver)
        .args([format!("--port={port}"), "--allowed-ips=127.0.0.1".into()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let url = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(20);
    while get_ok(&format!("{url}/status")).is_none() {
        assert!(Instant::now() < deadline, "chromedriver did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    Some(Driver { child, url })
}

fn get_ok(url: &str) -> Option<String> {
    let mut response = agent().get(url).call().ok()?;
    response.body_mut().read_to_string().ok()
}

/// A headless Chromium session with a window of this size.
async fn browser(driver: &Driver, width: u32, height: u32, profile: &Path) -> Client {
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": "/usr/bin/chromium",
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", format!("--window-size={width},{height}"),
                format!("--user-data-dir={}", profile.display()),
            ]
        }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(capabilities)
        .connect(&driver.url)
        .await
        .expect("a browser session")
}

/// Waits until `check` holds, or fails saying `what`.
async fn until<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + Duration::from_secs(15);
    while !check().await {
        assert!(Instant::now() < deadline, "timed out waiting: {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn shot(client: &Client, name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), client.screenshot().await.unwrap()).unwrap();
}

const CELL: &str = "form.cell[data-entry=\"C01\"][data-criterion=\"quality.workmanship\"]";

async fn status_text(judge: &Client) -> String {
    let cell = judge.find(Locator::Css(CELL)).await.unwrap();
    cell.find(Locator::Css(".status")).await.unwrap().text().await.unwrap()
}

/// C01's total as the hall shows it.
async fn hall_total(hall: &Client) -> Option<String> {
    let script = "const row = [...document.querySelectorAll('#rows tr')].find(r => r.children[1].textContent === '钢筋一班'); return row ? row.children[3].textContent : null;";
    hall.execute(script, vec![]).await.ok()?.as_str().map(String::from)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_judge_marks_the_hall_updates_and_a_lock_stops_changes() {
    let Some(driver) = driver() else { return };
    // The event so far: every mark but J1's for C01's workmanship (C01 is
    // ranked meanwhile on the other judges' mean).
    let dir = contest("browser");
    let marks = std::fs::read_to_string("contests/construction/marks.csv").unwrap();
    let sheet: String = marks
        .lines()
        .filter(|l| !l.starts_with("C01,quality.workmanship,,J1,"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(dir.join("sheet.csv"), sheet).unwrap();
    unrestrict_j1(&dir);
    let out = podium(&["import", dir.to_str().unwrap(), dir.join("sheet.csv").to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let server = Server::start(&dir);

    let hall = browser(&driver, 1600, 900, &dir.join("hall-profile")).await;
    hall.goto(&format!("{}/hall", server.base)).await.unwrap();
    until("the hall shows C01", || async { hall_total(&hall).await.is_some() }).await;
    let before = hall_total(&hall).await.unwrap();

    // The judge, on a phone-sized screen.
    let judge = browser(&driver, 412, 915, &dir.join("judge-profile")).await;
    judge.goto(server.judge("J1")).await.unwrap();
    let cell = judge.find(Locator::Css(CELL)).await.unwrap();
    let input = cell.find(Locator::Css("input.value")).await.unwrap();
    input.send_keys("11").await.unwrap();
    until("the page says 11 is out of range", || async {
        status_text(&judge).await.contains("out of range: 0 to 10")
    })
    .await;
    shot(&judge, "serve-judge-invalid").await;
    cell.find(Locator::Css("button")).await.unwrap().click().await.unwrap();
    assert_eq!(
        exported(&dir).matches("C01,quality.workmanship,,J1,").count(),
        0,
        "a bad value never leaves the page"
    );

    input.clear().await.unwrap();
    input.send_keys("6").await.unwrap();
    cell.find(Locator::Css("button")).await.unwrap().click().await.unwrap();
    until("the mark is saved", || async { status_text(&judge).await.starts_with("saved #") }).await;
    assert!(exported(&dir).contains("C01,quality.workmanship,,J1,6\n"));
    until("the hall board updates by itself", || async {
        hall_total(&hall).await.is_some_and(|t| t != before)
    })
    .await;
    shot(&hall, "serve-hall").await;

    // A correction: the reason box appears, and the change is saved with it.
    input.clear().await.unwrap();
    input.send_keys("6.5").await.unwrap();
    let reason = cell.find(Locator::Css("input.reason")).await.unwrap();
    until("the reason box appears", || async { reason.is_displayed().await.unwrap_or(false) }).await;
    reason.send_keys("看错评分表").await.unwrap();
    cell.find(Locator::Css("button")).await.unwrap().click().await.unwrap();
    until("the correction is saved", || async {
        status_text(&judge).await.contains("6 → 6.5")
    })
    .await;
    shot(&judge, "serve-judge-corrected").await;

    // The organiser locks the criterion at the desk.
    let desk = hall;
    desk.goto(&server.desk).await.unwrap();
    let lock = desk.find(Locator::Css("form[data-action=\"lock\"]")).await.unwrap();
    lock.find(Locator::Css("select"))
        .await
        .unwrap()
        .select_by_value("criterion quality.workmanship")
        .await
        .unwrap();
    lock.find(Locator::Css("button")).await.unwrap().click().await.unwrap();
    until("the desk says it is locked", || async {
        desk.find(Locator::Id("said"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap_or_default()
            .contains("locked Workmanship")
    })
    .await;
    shot(&desk, "serve-desk").await;

    // The judge can no longer change it.
    input.clear().await.unwrap();
    input.send_keys("7").await.unwrap();
    reason.send_keys("再改").await.unwrap();
    cell.find(Locator::Css("button")).await.unwrap().click().await.unwrap();
    until("the judge is told it is locked", || async {
        status_text(&judge).await.contains("locked")
    })
    .await;
    shot(&judge, "serve-judge-locked").await;
    assert!(
        exported(&dir).contains("C01,quality.workmanship,,J1,6.5\n"),
        "the locked mark stayed"
    );
    judge.close().await.unwrap();
    desk.close().await.unwrap();
}

/// How many rows the hall shows, and whether each lies wholly on the screen.
async fn hall_rows_on_screen(hall: &Client) -> (usize, bool) {
    let script = "const rows = [...document.querySelectorAll('#rows tr')];
        return [rows.length, rows.every(r => { const b = r.getBoundingClientRect();
            return b.height > 0 && b.top >= 0 && b.bottom <= innerHeight + 0.5 && b.right <= innerWidth + 0.5; })];";
    let answer = hall.execute(script, vec![]).await.unwrap();
    (answer[0].as_u64().unwrap() as usize, answer[1].as_bool().unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_ceremony_reveals_one_row_a_click_and_every_revealed_row_is_on_screen() {
    let Some(driver) = driver() else { return };
    let dir = temp_dir("browser-ceremony");
    for file in ["contest.ron", "entries.csv"] {
        std::fs::copy(Path::new("contests/skills-duel").join(file), dir.join(file)).unwrap();
    }
    std::fs::write(dir.join("marks.csv"), "entry,criterion,element,judge,value\n").unwrap();
    let out = podium(&["import", dir.to_str().unwrap(), "contests/skills-duel/marks.csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // The hall in Chinese, as the event has it.
    let server = Server::start_in(&dir, "zh");
    let screen = browser(&driver, 1920, 1080, &dir.join("screen-profile")).await;
    let phone = browser(&driver, 412, 915, &dir.join("phone-profile")).await;
    for hall in [&screen, &phone] {
        hall.goto(&format!("{}/hall", server.base)).await.unwrap();
        until("the hall shows 20 rows", || async { hall_rows_on_screen(hall).await.0 == 20 }).await;
        assert!(hall_rows_on_screen(hall).await.1, "every row of the live board is on screen");
    }
    shot(&screen, "serve-hall-1080p").await;
    let form = form_token(&get(&server.desk).1);
    let click = |step: &'static str| {
        let (url, form) = (format!("{}/ceremony", server.desk), form.clone());
        async move {
            let said = tokio::task::spawn_blocking(move || post(&url, &[("step", step), ("form", &form)]).1)
                .await
                .unwrap();
            assert!(said.contains("\"ok\":true"), "{said}");
        }
    };
    click("start").await;
    for revealed in 0..=20 {
        for (hall, size) in [(&screen, "1080p"), (&phone, "phone")] {
            until(&format!("{size}: {revealed} rows revealed"), || async {
                hall_rows_on_screen(hall).await.0 == revealed
            })
            .await;
            assert!(
                hall_rows_on_screen(hall).await.1,
                "{size}: a revealed row is off the screen ({revealed} revealed)"
            );
            if [1, 10, 20].contains(&revealed) {
                shot(hall, &format!("serve-ceremony-{size}-{revealed}")).await;
            }
        }
        if revealed < 20 {
            click("next").await;
        }
    }
    screen.close().await.unwrap();
    phone.close().await.unwrap();
}

/// What a page's script answers, as JSON.
async fn run(client: &Client, script: &str) -> serde_json::Value {
    client.execute(script, vec![]).await.unwrap()
}

/// Whether the page fits the screen's width (no sideways scrolling) and
/// every visible button and field is at least 44 px high (a finger's tap).
async fn fits_a_phone(client: &Client) -> (bool, Vec<String>) {
    let answer = run(
        client,
        "const small = [...document.querySelectorAll('button, input:not([type=hidden]), select, summary')]
            .filter(e => e.getClientRects().length > 0 && e.getBoundingClientRect().height < 44)
            .map(e => e.outerHTML.slice(0, 80));
         return [document.documentElement.scrollWidth <= innerWidth, small];",
    )
    .await;
    let small = answer[1]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    (answer[0].as_bool().unwrap(), small)
}

/// Every word in Latin letters a person reads on the page (its text, and
/// the placeholders and labels of its fields), but those allowed.
async fn latin_words(client: &Client, allowed: &[&str]) -> Vec<String> {
    let answer = run(
        client,
        "const fields = [...document.querySelectorAll('[placeholder], [aria-label], button')]
            .map(e => (e.placeholder || '') + ' ' + (e.getAttribute('aria-label') || '')).join(' ');
         return document.body.innerText + ' ' + fields + ' ' + document.title;",
    )
    .await;
    let text = answer.as_str().unwrap().to_string();
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|w| !allowed.contains(w))
        .map(String::from)
        .collect();
    words.dedup();
    words
}

/// The entries whose cells are shown on the judge's page.
async fn shown_entries(judge: &Client) -> Vec<String> {
    let answer = run(
        judge,
        "return [...document.querySelectorAll('section.entry')].filter(s => !s.hidden).map(s => s.dataset.code);",
    )
    .await;
    answer.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_chinese_a_judge_finds_entries_and_the_next_unmarked_and_the_desk_says_who_owes_what() {
    let Some(driver) = driver() else { return };
    // J1 marks every entry; their workmanship marks for C03, C05 and C07 are still to come.
    let dir = contest("browser-zh");
    unrestrict_j1(&dir);
    let marks = std::fs::read_to_string("contests/construction/marks.csv").unwrap();
    let owed = ["C03", "C05", "C07"];
    let sheet: String = marks
        .lines()
        .filter(|l| !owed.iter().any(|e| l.starts_with(&format!("{e},quality.workmanship,,J1,"))))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(dir.join("sheet.csv"), sheet).unwrap();
    let out = podium(&["import", dir.to_str().unwrap(), dir.join("sheet.csv").to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let server = Server::start_in(&dir, "zh");
    let entries: Vec<String> = std::fs::read_to_string(dir.join("entries.csv"))
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect();
    // A judge needs to read entry codes and their own id; nothing else in Latin letters.
    let mut allowed: Vec<&str> = entries.iter().map(String::as_str).collect();
    allowed.push("J1");

    // Marked on the phone, before the desktop's turn.
    let mut marked = 0;
    for (size, (width, height)) in [("phone", (412, 915)), ("desktop", (1280, 900))] {
        let judge = browser(&driver, width, height, &dir.join(format!("judge-{size}"))).await;
        judge.goto(server.judge("J1")).await.unwrap();
        let progress = judge.find(Locator::Css(".progress")).await.unwrap().text().await.unwrap();
        let total: usize = run(&judge, "return document.querySelectorAll('form.cell').length;")
            .await
            .as_u64()
            .unwrap() as usize;
        assert!(
            progress.starts_with(&format!("已评 {} / 共 {total}", total - owed.len() + marked)),
            "{progress}"
        );
        let latin = latin_words(&judge, &allowed).await;
        assert!(latin.is_empty(), "{size}: English on the Chinese judge's page: {latin:?}");
        let inputs = run(
            &judge,
            "return [...document.querySelectorAll('input.value')].every(i => i.inputMode === 'decimal');",
        )
        .await;
        assert_eq!(inputs, true, "a phone's keyboard with a decimal point");
        if size == "phone" {
            let (fits, small) = fits_a_phone(&judge).await;
            assert!(fits, "the judge's page scrolls sideways on a phone");
            assert!(small.is_empty(), "too small to tap: {small:?}");
        }
        shot(&judge, &format!("serve-judge-zh-{size}")).await;

        // Search by code, by number, by name.
        let search = judge.find(Locator::Id("search")).await.unwrap();
        search.send_keys("C05").await.unwrap();
        until("only C05 is shown", || async { shown_entries(&judge).await == ["C05"] }).await;
        search.clear().await.unwrap();
        search.send_keys("7").await.unwrap();
        until("the number 7 finds C07", || async { shown_entries(&judge).await == ["C07"] }).await;
        search.clear().await.unwrap();
        search.send_keys("钢筋").await.unwrap();
        until("the name finds C01", || async { shown_entries(&judge).await == ["C01"] }).await;
        if size == "phone" {
            shot(&judge, "serve-judge-zh-phone-search").await;
        }

        // "Next unmarked" clears the search, and goes to and focuses the first empty cell.
        judge.find(Locator::Id("next")).await.unwrap().click().await.unwrap();
        let focused = "const a = document.activeElement, cell = a && a.closest('form.cell'), b = a.getBoundingClientRect();
            return cell ? [cell.dataset.entry, cell.dataset.criterion, a.value, b.top >= 0 && b.bottom <= innerHeight] : null;";
        until("the first unmarked cell has the focus", || async {
            run(&judge, focused).await[0] == owed[marked]
        })
        .await;
        let at = run(&judge, focused).await;
        assert_eq!(at[1], "quality.workmanship");
        assert_eq!(at[2], "", "an empty cell");
        assert_eq!(at[3], true, "on screen");
        assert_eq!(shown_entries(&judge).await.len(), entries.len(), "the search is cleared");
        if size == "phone" {
            shot(&judge, "serve-judge-zh-phone-next").await;
            // Marked there, the progress counts it and the next goes on to C05.
            judge.active_element().await.unwrap().send_keys("7.5").await.unwrap();
            let cell = judge
                .find(Locator::Css(
                    "form.cell[data-entry=\"C03\"][data-criterion=\"quality.workmanship\"]",
                ))
                .await
                .unwrap();
            cell.find(Locator::Css("button")).await.unwrap().click().await.unwrap();
            until("the mark is saved, in Chinese", || async {
                let status = cell.find(Locator::Css(".status")).await.unwrap();
                status.text().await.unwrap_or_default().starts_with("已保存")
            })
            .await;
            marked += 1;
            let said = cell.find(Locator::Css(".status")).await.unwrap().text().await.unwrap();
            assert!(said.ends_with("C03 工程实体质量 = 7.5"), "{said}");
            let progress = judge.find(Locator::Css(".progress")).await.unwrap().text().await.unwrap();
            assert!(
                progress.starts_with(&format!("已评 {} / 共 {total}", total - owed.len() + marked)),
                "{progress}"
            );
            judge.find(Locator::Id("next")).await.unwrap().click().await.unwrap();
            until("next goes on to C05", || async { run(&judge, focused).await[0] == "C05" }).await;
            let latin = latin_words(&judge, &allowed).await;
            assert!(latin.is_empty(), "English on the Chinese judge's page after saving: {latin:?}");
            shot(&judge, "serve-judge-zh-phone-saved").await;
        }
        judge.close().await.unwrap();
    }

    // The hall: while marks are owed, its awards are provisional.
    let hall = browser(&driver, 1600, 900, &dir.join("hall-zh")).await;
    hall.goto(&format!("{}/hall", server.base)).await.unwrap();
    until("the hall shows its rows", || async {
        run(&hall, "return document.querySelectorAll('#rows tr').length;")
            .await
            .as_u64()
            .unwrap_or(0)
            > 0
    })
    .await;
    let marked = run(
        &hall,
        "return [document.getElementById('provisional').hidden, document.querySelectorAll('#rows .provisional').length];",
    )
    .await;
    assert_eq!(marked[0], false, "the hall says its awards are provisional");
    assert!(marked[1].as_u64().unwrap() > 0, "each awarded row says 暂定");
    shot(&hall, "serve-hall-zh-provisional").await;
    hall.close().await.unwrap();

    // The desk: who owes which marks, by judge.
    for (size, (width, height)) in [("phone", (412, 915)), ("desktop", (1280, 900))] {
        let desk = browser(&driver, width, height, &dir.join(format!("desk-{size}"))).await;
        desk.goto(&server.desk).await.unwrap();
        let j1 = desk.find(Locator::Css("details[data-judge=\"J1\"]")).await.unwrap();
        j1.find(Locator::Css("summary")).await.unwrap().click().await.unwrap();
        let owes = j1.text().await.unwrap();
        assert!(
            owes.contains("缺 2 / 共") && owes.contains("C05：工程实体质量") && owes.contains("C07：工程实体质量"),
            "{owes}"
        );
        assert!(!owes.contains("C03"), "C03 was marked on the phone: {owes}");
        until("the live results arrive", || async {
            run(&desk, "return document.querySelectorAll('#live tr').length;")
                .await
                .as_u64()
                .unwrap_or(0)
                > 0
        })
        .await;
        let awards = run(
            &desk,
            "return [...document.querySelectorAll('#live tr')].map(r => r.children[4].textContent).join('|');",
        )
        .await;
        assert!(
            awards.as_str().unwrap().contains("暂定"),
            "awards are provisional while marks are owed: {awards}"
        );
        // The desk also names judges by id; its flags come from
        // `output::flag_text`, which still names a criterion by its key.
        let keys = ["quality", "workmanship", "safety", "site"];
        let desk_words: Vec<&str> = allowed.iter().copied().chain(["J2", "J3", "J4", "J5"]).chain(keys).collect();
        let latin = latin_words(&desk, &desk_words).await;
        assert!(latin.is_empty(), "{size}: English on the Chinese desk: {latin:?}");
        if size == "phone" {
            let (fits, small) = fits_a_phone(&desk).await;
            assert!(fits, "the desk scrolls sideways on a phone");
            assert!(small.is_empty(), "too small to tap on the desk: {small:?}");
        }
        shot(&desk, &format!("serve-desk-zh-{size}")).await;
        if size == "desktop" {
            // A mark arrives: the desk's list follows by itself, J1's still open.
            let link = server.judge("J1").to_string();
            let (status, answer) = tokio::task::spawn_blocking(move || {
                let form = form_token(&get(&link).1);
                mark(&link, &form, "C05", "quality.workmanship", "8", "")
            })
            .await
            .unwrap();
            assert_eq!(status, 200, "{answer}");
            let j1 = "const d = document.querySelector('details[data-judge=\"J1\"]'); return d ? [d.open, d.textContent] : null;";
            until("the desk no longer lists C05 for J1", || async {
                let now = run(&desk, j1).await;
                now[0] == true && now[1].as_str().is_some_and(|t| t.contains("C07") && !t.contains("C05"))
            })
            .await;
        }
        run(&desk, "document.getElementById('live').scrollIntoView(); return null;").await;
        shot(&desk, &format!("serve-desk-zh-{size}-results")).await;
        if size == "phone" {
            desk.close().await.unwrap();
            continue;
        }
        // Published: nothing left to lock, unlock, publish or freeze; the ceremony stays.
        let (url, form) = (server.desk.clone(), form_token(&desk.source().await.unwrap()));
        tokio::task::spawn_blocking(move || {
            for (action, fields) in [("lock", vec![("scope", "contest")]), ("publish", vec![])] {
                let mut fields = fields;
                fields.push(("form", &form));
                let (_, said) = post(&format!("{url}/{action}"), &fields);
                assert!(said.contains("\"ok\":true"), "{said}");
            }
        })
        .await
        .unwrap();
        desk.refresh().await.unwrap();
        let actions = "return [...document.querySelectorAll('form.action')].map(f => f.dataset.action).join(' ');";
        assert_eq!(run(&desk, actions).await, "ceremony ceremony ceremony");
        until("published awards are final, not provisional", || async {
            run(
                &desk,
                "return document.getElementById('provisional').hidden && document.querySelectorAll('#live tr').length > 0;",
            )
            .await
                == true
        })
        .await;
        shot(&desk, "serve-desk-zh-published").await;
        desk.close().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_hall_of_a_contest_in_stages_names_the_stage_and_points_behind() {
    let Some(driver) = driver() else { return };
    let dir = temp_dir("browser-stages");
    for file in ["contest.ron", "entries.csv", "marks.csv"] {
        std::fs::copy(Path::new("contests/district-duel").join(file), dir.join(file)).unwrap();
    }
    let server = Server::start_in(&dir, "zh");
    let hall = browser(&driver, 1920, 1080, &dir.join("hall-profile")).await;
    hall.goto(&format!("{}/hall", server.base)).await.unwrap();
    until("the hall shows 20 rows", || async { hall_rows_on_screen(&hall).await.0 == 20 }).await;
    assert!(hall_rows_on_screen(&hall).await.1, "every row is on screen");
    let script = "const rows = [...document.querySelectorAll('#rows tr')];
        return [document.getElementById('stage').textContent, !document.getElementById('behind').hidden,
                rows[0].children[1].textContent, rows[0].children[4].textContent, rows[1].children[4].textContent,
                rows[0].children[5].textContent, rows[19].children[5].textContent];";
    let shown = hall.execute(script, vec![]).await.unwrap();
    // The final under way; 刘振华 (C28) leads, 史海燕 (C20) is 92.15 − 89.42 = 2.73 behind;
    // the classification's prizes beside them (the 20th, 莫桂芳, has none).
    assert_eq!(
        shown,
        serde_json::json!(["实操决赛", true, "刘振华", "0.00", "2.73", "一等奖 ", ""])
    );
    shot(&hall, "serve-hall-stages").await;
    // Closed, or the browser outlives chromedriver.
    hall.close().await.unwrap();
}
