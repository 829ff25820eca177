//! Trust at the event (issue 12): what a judge's link, the desk and the
//! public hall may and may not do, tried as the person would.

mod common;
use common::serve::*;
use common::*;
use std::path::{Path, PathBuf};

/// A bundled example with its contest and entries but no marks yet.
fn example_without_marks(name: &str, example: &str) -> PathBuf {
    let dir = temp_dir(name);
    for file in ["contest.ron", "entries.csv"] {
        std::fs::copy(Path::new("contests").join(example).join(file), dir.join(file)).unwrap();
    }
    std::fs::write(dir.join("marks.csv"), "entry,criterion,element,judge,value\n").unwrap();
    dir
}

/// Every `data-X="…"` value of a page, in order.
fn attributes(page: &str, name: &str) -> Vec<String> {
    let key = format!("{name}=\"");
    page.match_indices(&key)
        .map(|(at, _)| {
            let rest = &page[at + key.len()..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .collect()
}

/// Every criterion key of a contest, as `category.criterion`.
fn criterion_keys(dir: &Path) -> Vec<String> {
    let (rules, _) = podium::load::load_contest(dir).unwrap();
    rules.criteria.iter().map(|c| c.key.clone()).collect()
}

/// Posts `value` for every criterion of the contest on `entry` through a
/// judge's link: the criteria that were saved.
fn saved_through_link(dir: &Path, link: &str, entry: &str, value: &str) -> Vec<String> {
    let form = form_token(&get(link).1);
    criterion_keys(dir)
        .into_iter()
        .filter(|key| {
            let (status, answer) = mark(link, &form, entry, key, value, "");
            assert_eq!(status == 200, answer["saved"] == true, "{answer}");
            answer["saved"] == true
        })
        .collect()
}

#[test]
fn a_judges_link_writes_exactly_the_cells_its_page_offers() {
    let dir = example_without_marks("trust-link-cells", "construction");
    let server = Server::start(&dir);
    for judge in ["J1", "J2", "J3", "J4", "J5"] {
        let link = server.judge(judge);
        let page = get(link).1;
        let entry = attributes(&page, "data-entry")[0].clone();
        let offered: Vec<String> = attributes(&page, "data-criterion").into_iter().fold(Vec::new(), |mut keys, key| {
            if !keys.contains(&key) {
                keys.push(key);
            }
            keys
        });
        assert!(!offered.is_empty(), "{judge} has something to mark");
        assert_eq!(saved_through_link(&dir, link, &entry, "1"), offered, "{judge} on {entry}");
    }
    // No flag, measurement or count came in through a link.
    let marks = exported(&dir);
    for key in [
        "safety.major_accident",
        "quality.acceptance",
        "quality.defects",
        "innovation.proposals",
    ] {
        assert!(!marks.contains(key), "{key} was stored from a judge's link:\n{marks}");
    }
}

#[test]
fn a_judge_cannot_veto_the_leader_or_set_an_exam_score() {
    // The attack as reported: J2 flags a major accident on the leading entry.
    let dir = example_without_marks("trust-veto", "construction");
    let server = Server::start(&dir);
    let link = server.judge("J2");
    let form = form_token(&get(link).1);
    for criterion in ["safety.major_accident", " safety.major_accident ", "efficiency.schedule"] {
        let (status, answer) = mark(link, &form, "C01", criterion, "1", "");
        assert_eq!(status, 403, "{criterion}: {answer}");
        assert!(answer["message"].as_str().unwrap().contains("not on your page"), "{answer}");
    }
    assert_eq!(exported(&dir).lines().count(), 1, "nothing stored");
    drop(server);

    // In the skills duel: another entry's exam score and practical time.
    let dir = example_without_marks("trust-exam", "skills-duel");
    let server = Server::start(&dir);
    for judge in ["J1", "J3", "J5"] {
        let link = server.judge(judge);
        let form = form_token(&get(link).1);
        for (criterion, value) in [("theory.exam", "0"), ("practical.time", "240")] {
            let (status, answer) = mark(link, &form, "E02", criterion, value, "");
            assert_eq!(status, 403, "{judge} {criterion}: {answer}");
        }
    }
    assert_eq!(exported(&dir).lines().count(), 1, "nothing stored");
}

#[test]
fn a_scope_typed_at_the_desk_with_spaces_locks_what_it_names() {
    let dir = example_without_marks("trust-desk-scope", "skills-duel");
    let server = Server::start(&dir);
    let desk_form = form_token(&get(&server.desk).1);
    let (_, said) = post(
        &format!("{}/lock", server.desk),
        &[("scope", "  division   trade = welder "), ("form", &desk_form)],
    );
    let said: serde_json::Value = serde_json::from_str(&said).unwrap();
    assert_eq!(said["ok"], true, "{said}");
    assert!(said["message"].as_str().unwrap().contains("division trade=welder"), "{said}");
    // A welder's mark is now refused; an electrician's is taken.
    let link = server.judge("J1");
    let page = get(link).1;
    let form = form_token(&page);
    let entries = podium::load::load_contest(&dir).unwrap().1;
    let trade = |id: &str| {
        entries
            .field(&entries.list[entries.find(id).unwrap() as usize], "trade")
            .unwrap()
            .to_string()
    };
    let shown = attributes(&page, "data-entry");
    let welder = shown.iter().find(|e| trade(e) == "welder").unwrap();
    let electrician = shown.iter().find(|e| trade(e) == "electrician").unwrap();
    let (status, answer) = mark(link, &form, welder, "practical.workmanship", "8", "");
    assert_eq!(status, 409, "{answer}");
    assert!(answer["message"].as_str().unwrap().contains("locked"), "{answer}");
    let (status, answer) = mark(link, &form, electrician, "practical.workmanship", "8", "");
    assert_eq!(status, 200, "{answer}");
    // The CLI sees the same lock, and a scope that names nothing is refused.
    let status = stdout(&podium(&["status", dir.to_str().unwrap(), "--lang", "en"]));
    assert!(status.contains("division trade=welder"), "{status}");
    for typo in [
        "division trade=plumber",
        "divisions trade=welder",
        "criterion practical.workmanshipp",
    ] {
        let (_, said) = post(&format!("{}/lock", server.desk), &[("scope", typo), ("form", &desk_form)]);
        let said: serde_json::Value = serde_json::from_str(&said).unwrap();
        assert_eq!(said["ok"], false, "{typo}: {said}");
    }
}

/// The skills duel with every mark in the store.
fn skills_duel_marked(name: &str) -> PathBuf {
    let dir = example_without_marks(name, "skills-duel");
    let out = podium(&["import", dir.to_str().unwrap(), "contests/skills-duel/marks.csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

/// Everything a spectator on the hall's network can read without a link.
fn public_views(server: &Server) -> Vec<(String, String)> {
    ["/", "/hall", "/events", "/api/results", "/api/results?all=1", "/hall?ceremony=0"]
        .iter()
        .map(|path| {
            let url = format!("{}{path}", server.base);
            let body = if path.starts_with("/events") {
                first_event(&url).to_string()
            } else {
                get(&url).1
            };
            (path.to_string(), body)
        })
        .collect()
}

#[test]
fn the_ceremony_never_lets_an_unrevealed_place_leave_the_server() {
    let dir = skills_duel_marked("trust-ceremony");
    let server = Server::start(&dir);
    let cli: serde_json::Value = serde_json::from_str(&stdout(&podium(&[
        "score",
        dir.to_str().unwrap(),
        "--format",
        "json",
        "--lang",
        "en",
    ])))
    .unwrap();
    let names: Vec<String> = cli["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_string())
        .collect();
    let form = form_token(&get(&server.desk).1);
    let step = |fields: &[(&str, &str)]| -> serde_json::Value {
        let mut fields = fields.to_vec();
        fields.push(("form", &form));
        serde_json::from_str(&post(&format!("{}/ceremony", server.desk), &fields).1).unwrap()
    };
    // Without a number of places, the ceremony announces every award place on the hall board (20 here).
    let said = step(&[("step", "start"), ("places", "")]);
    assert_eq!(said["ok"], true, "{said}");
    assert!(said["message"].as_str().unwrap().contains("0 of 20"), "{said}");
    for revealed in 0..=20 {
        let hall = first_event(&format!("{}/events", server.base));
        assert_eq!(hall["hall"]["ceremony"]["revealed"], revealed, "{hall}");
        let shown: Vec<&str> = hall["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap())
            .collect();
        // The bottom `revealed` of the 20 places, best first.
        assert_eq!(shown, names[20 - revealed..20].iter().map(String::as_str).collect::<Vec<_>>());
        for (path, body) in public_views(&server) {
            for hidden in &names[..20 - revealed] {
                assert!(
                    !body.contains(hidden.as_str()),
                    "{path} shows {hidden} before it is revealed ({revealed} revealed)"
                );
            }
        }
        let (status, body) = get(&format!("{}/api/results", server.base));
        assert_eq!(status, 503, "{body}");
        step(&[("step", "next")]);
    }
    // One click too many changes nothing; the end of the ceremony makes the results public again.
    assert_eq!(first_event(&format!("{}/events", server.base))["hall"]["ceremony"]["revealed"], 20);
    let said = step(&[("step", "end")]);
    assert_eq!(said["ok"], true, "{said}");
    let (status, api) = get(&format!("{}/api/results", server.base));
    assert_eq!(status, 200);
    assert!(api.contains(&names[0]));
    // The organiser may announce fewer places; ties at the last one come too.
    let said = step(&[("step", "start"), ("places", "3")]);
    assert!(said["message"].as_str().unwrap().contains("0 of 3"), "{said}");
    for bad in ["0", "-1", "x", "99999999999999999999999"] {
        let said = step(&[("step", "start"), ("places", bad)]);
        assert_eq!(said["ok"], false, "{bad}: {said}");
    }
}

/// An HTTP client that gives up after `seconds`.
fn impatient(seconds: u64) -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(std::time::Duration::from_secs(seconds)))
        .build()
        .into()
}

/// GET with a client that waits at most 5 s (a stalled server took 30):
/// the status, and how long the answer took.
fn get_soon(url: &str) -> (u16, std::time::Duration) {
    let started = std::time::Instant::now();
    let response = impatient(5).get(url).call().unwrap_or_else(|e| panic!("{url}: {e}"));
    (response.status().as_u16(), started.elapsed())
}

#[test]
fn while_another_program_writes_the_server_reads_and_says_busy_for_marks() {
    let dir = skills_duel_marked("trust-busy");
    // Every mark but one judge's for one cell is in; J1 has that one to give.
    let marks = exported(&dir);
    let cell = marks
        .lines()
        .find(|l| l.contains(",practical.workmanship,,J1,"))
        .unwrap()
        .to_string();
    let entry = cell.split(',').next().unwrap().to_string();
    let server = Server::start(&dir);
    let link = server.judge("J1").to_string();
    let form = form_token(&get(&link).1);
    // Another program takes the store's write lock and holds it.
    let other = rusqlite::Connection::open(dir.join("marks.db")).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    for path in ["/hall", "/api/results", "/"] {
        let (status, took) = get_soon(&format!("{}{path}", server.base));
        assert_eq!(status, 200, "{path}");
        eprintln!("{path} under a held write lock: {took:?}");
    }
    for url in [link.clone(), server.desk.clone()] {
        let (status, took) = get_soon(&url);
        assert_eq!(status, 200, "{url}");
        eprintln!("a page under a held write lock: {took:?}");
    }
    let hall = first_event(&format!("{}/events", server.base));
    assert!(hall["rows"].as_array().is_some_and(|r| !r.is_empty()));
    // A mark (a correction, with its reason) meanwhile: busy, not acknowledged, not stored.
    let (status, answer) = mark(&link, &form, &entry, "practical.workmanship", "9.9", "re-read");
    assert_eq!(status, 503, "{answer}");
    assert_eq!(answer["saved"], false);
    assert!(answer["message"].as_str().unwrap().contains("busy"), "{answer}");
    let desk_form = form_token(&get(&server.desk).1);
    let (status, said) = post(&format!("{}/lock", server.desk), &[("scope", "contest"), ("form", &desk_form)]);
    assert_eq!(status, 503, "{said}");
    other.execute_batch("ROLLBACK").unwrap();
    drop(other);
    assert_eq!(exported(&dir), marks, "nothing stored while busy");
    // The judge sends it again once the other program is done: stored.
    let (status, answer) = mark(&link, &form, &entry, "practical.workmanship", "9.9", "re-read");
    assert_eq!(status, 200, "{answer}");
    assert!(exported(&dir).contains(&format!("{entry},practical.workmanship,,J1,9.9")));
}

#[test]
fn a_huge_entry_name_costs_no_more_than_a_short_one() {
    let dir = skills_duel_marked("trust-huge-name");
    let server = Server::start(&dir);
    let link = server.judge("J1");
    let form = form_token(&get(link).1);
    let huge = "E".repeat(15 * 1024);
    for _ in 0..2 {
        let (status, answer) = mark(link, &form, &huge, "practical.workmanship", "8", "");
        assert_eq!(status, 403, "{answer}");
    }
    let (status, took) = get_soon(&format!("{}/hall", server.base));
    assert_eq!(status, 200);
    eprintln!("/hall after two 15 KB names: {took:?}");
}

/// Opens `count` connections to `server` from the loopback address `from`,
/// each having sent `opening` (nothing, or part of a request's head).
async fn connections(server: std::net::SocketAddr, from: [u8; 4], count: usize, opening: &'static [u8]) -> Vec<tokio::net::TcpStream> {
    use tokio::io::AsyncWriteExt as _;
    let mut open = Vec::with_capacity(count);
    for _ in 0..count {
        let socket = tokio::net::TcpSocket::new_v4().unwrap();
        socket.bind((std::net::Ipv4Addr::from(from), 0).into()).unwrap();
        let mut stream = socket.connect(server).await.unwrap();
        stream.write_all(opening).await.unwrap();
        open.push(stream);
    }
    open
}

/// How many of `streams` the server has closed (a read sees the end).
async fn closed(streams: &mut [tokio::net::TcpStream]) -> usize {
    use tokio::io::AsyncReadExt as _;
    let mut count = 0;
    for stream in streams {
        let mut buffer = [0u8; 4096];
        let read = tokio::time::timeout(std::time::Duration::from_millis(20), async {
            loop {
                match stream.read(&mut buffer).await {
                    Ok(0) | Err(_) => return true,
                    Ok(_) => continue,
                }
            }
        });
        if read.await.unwrap_or(false) {
            count += 1;
        }
    }
    count
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_flood_does_not_stop_the_hall() {
    let dir = skills_duel_marked("trust-flood");
    let server = tokio::task::spawn_blocking(move || Server::start(&dir)).await.unwrap();
    let address: std::net::SocketAddr = server.base.trim_start_matches("http://").parse().unwrap();
    // One host opens 300 sockets and sends nothing; another starts 200
    // requests and never finishes their heads; a third holds 200 live boards.
    let mut idle = connections(address, [127, 0, 0, 2], 300, b"").await;
    // A fourth sends a mark's head and then its body a trickle at a time.
    let mut trickled = connections(
        address,
        [127, 0, 0, 5],
        50,
        b"POST /j/J1/x/mark HTTP/1.1\r\nHost: hall\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000\r\n\r\nentry=C0",
    )
    .await;
    let mut slow = connections(address, [127, 0, 0, 3], 200, b"GET /hall HTTP/1.1\r\nHost: hall\r\nX-Slow: ").await;
    let mut boards = connections(address, [127, 0, 0, 4], 200, b"GET /events HTTP/1.1\r\nHost: hall\r\n\r\n").await;
    let base = server.base.clone();
    let answered = tokio::task::spawn_blocking(move || ["/hall", "/api/results", "/"].map(|path| get_soon(&format!("{base}{path}"))))
        .await
        .unwrap();
    for (status, took) in answered {
        assert_eq!(status, 200);
        eprintln!("answered during the flood in {took:?}");
    }
    // The hall screen's own live board opens while another address holds its 16.
    let events = format!("{}/events", server.base);
    let board = tokio::task::spawn_blocking(move || first_event(&events)).await.unwrap();
    assert!(board["rows"].as_array().is_some_and(|rows| !rows.is_empty()));
    // Past its cap, one host's further connections are closed at once.
    assert_eq!(closed(&mut idle).await, 300 - 256, "one address holds at most 256");
    // Sockets that never finish a request's head are closed after 10 s.
    tokio::time::sleep(std::time::Duration::from_secs(11)).await;
    assert_eq!(closed(&mut idle).await, 300, "idle sockets are closed");
    assert_eq!(closed(&mut slow).await, 200, "unfinished heads are closed");
    assert_eq!(closed(&mut trickled).await, 50, "bodies that never finish are cut off");
    assert_eq!(closed(&mut boards).await, 200 - 16, "one address watches at most 16 live boards");
    let base = server.base.clone();
    let (status, _) = tokio::task::spawn_blocking(move || get_soon(&format!("{base}/hall")))
        .await
        .unwrap();
    assert_eq!(status, 200);
    drop(boards);
    tokio::task::spawn_blocking(move || drop(server)).await.unwrap();
}

#[test]
fn marks_the_store_replaced_are_never_dropped_in_silence() {
    let dir = temp_dir("trust-left-out");
    for file in ["contest.ron", "entries.csv", "marks.csv"] {
        std::fs::copy(Path::new("contests/construction").join(file), dir.join(file)).unwrap();
    }
    let d = dir.to_str().unwrap();
    assert!(stdout(&podium_en(&["check", d])).starts_with("ok: "));
    // One mark through the store: from now on the store is scored, not marks.csv.
    let out = podium_en(&[
        "mark",
        d,
        "--judge",
        "J1",
        "--entry",
        "C01",
        "--criterion",
        "quality.workmanship",
        "8.5",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = |out: std::process::Output| format!("{}{}", stdout(&out), stderr(&out));
    for (command, out) in [
        ("check", said(podium_en(&["check", d]))),
        ("score", said(podium_en(&["score", d]))),
        ("status", said(podium_en(&["status", d, "--lang", "en"]))),
    ] {
        assert!(out.contains("marks.csv: warning"), "{command}:\n{out}");
        assert!(out.contains("holds 250 marks that are not scored"), "{command}:\n{out}");
        assert!(out.contains(&format!("podium import {d} {d}/marks.csv")), "{command}:\n{out}");
    }
    let check = stdout(&podium_en(&["check", d]));
    assert!(!check.contains("ok:"), "{check}");
    assert!(check.contains("8 of 8 entries cannot be scored yet"), "{check}");
    // The server says it too, when it starts.
    let mut serve = podium_command()
        .env("PODIUM_LANG", "en")
        .args(["serve", d, "--bind", "127.0.0.1:0"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(serve.stderr.take().unwrap()), &mut first).unwrap();
    let _ = serve.kill();
    let _ = serve.wait();
    assert!(first.contains("marks.csv: warning") && first.contains("250"), "{first}");
    // Brought in (the one that differs corrected with a reason), nothing is left out.
    let out = podium_en(&["import", d, &format!("{d}/marks.csv"), "--reason", "the sheet"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let check = said(podium_en(&["check", d]));
    assert!(check.starts_with("ok: "), "{check}");
    assert!(!said(podium_en(&["score", d])).contains("warning"));
    // Element data beside the contest that the contest does not name.
    std::fs::write(dir.join("elements.csv"), "entry,criterion,element,field,value\n").unwrap();
    let check = stdout(&podium_en(&["check", d]));
    assert!(check.contains("elements.csv: warning: this element data is not used"), "{check}");
    assert!(check.ends_with("1 warning\n"), "{check}");
}

#[test]
fn a_reserves_page_offers_the_seats_of_the_judge_who_stands_aside() {
    // J1 marks only C01 and C02; reserve R1 takes J1's seat for the rest.
    let dir = contest("trust-reserve");
    let ron = std::fs::read_to_string(dir.join("contest.ron")).unwrap();
    let ron = ron.replacen(
        "Judge(id: \"J5\", name: \"孙丽娟\", organisation: \"区总工会\"),",
        "Judge(id: \"J5\", name: \"孙丽娟\", organisation: \"区总工会\"),\n        Judge(id: \"R1\", name: \"备用\", reserve: true),",
        1,
    );
    assert!(ron.contains("\"R1\""), "the example's J5 line changed");
    std::fs::write(dir.join("contest.ron"), ron).unwrap();
    let server = Server::start(&dir);
    let entries_on = |page: &str| {
        let mut shown = attributes(page, "data-entry");
        shown.dedup();
        shown
    };
    assert_eq!(entries_on(&get(server.judge("J1")).1), ["C01", "C02"]);
    let reserve = server.desk.replace("/desk/", "/j/R1/");
    assert_eq!(get(&reserve).0, 404, "the reserve's link is its own, not the desk's");
    let out = podium(&["judges", "links", dir.to_str().unwrap(), "--base", "http://x"]);
    let link = stdout(&out)
        .lines()
        .find(|l| l.contains("/j/R1/"))
        .map(|l| l.split_whitespace().last().unwrap().replace("http://x", &server.base))
        .expect("R1 has a link");
    let page = get(&link).1;
    assert_eq!(entries_on(&page), ["C03", "C04", "C05", "C06", "C07", "C08"]);
    // R1's mark for C03 is taken; for C01, where J1 sits, refused.
    let form = form_token(&page);
    assert_eq!(mark(&link, &form, "C03", "quality.workmanship", "8", "").0, 200);
    let (status, answer) = mark(&link, &form, "C01", "quality.workmanship", "8", "");
    assert_eq!(status, 403, "{answer}");
}

#[test]
fn a_value_of_ten_thousand_digits_is_refused_and_the_server_stays_up() {
    let dir = skills_duel_marked("trust-long-value");
    let server = Server::start(&dir);
    let link = server.judge("J1");
    let page = get(link).1;
    let form = form_token(&page);
    let entry = attributes(&page, "data-entry")[0].clone();
    let long = format!("{}5", "0".repeat(10_000));
    for value in [long.as_str(), "5", long.as_str()] {
        let (status, answer) = mark(link, &form, &entry, "practical.workmanship", value, "re-read");
        if value == "5" {
            assert_eq!(status, 200, "{answer}");
        } else {
            assert_eq!(status, 422, "{answer}");
            assert!(answer["message"].as_str().unwrap().contains("from 0 to 10"), "{answer}");
        }
    }
    assert_eq!(get_soon(&format!("{}/hall", server.base)).0, 200, "the server is still up");
}

#[test]
fn under_blind_judging_a_refusal_never_names_the_entry_behind_a_code() {
    let dir = contest("trust-blind-refusal");
    let ron = std::fs::read_to_string(dir.join("contest.ron")).unwrap().replacen(
        "    judges: [",
        "    marking: (blind: true),\n    judges: [",
        1,
    );
    std::fs::write(dir.join("contest.ron"), ron).unwrap();
    let codes = stdout(&podium(&["codes", dir.to_str().unwrap()]));
    let code_of = |entry: &str| code_of(&codes, entry);
    let server = Server::start(&dir);
    // J1 marks C01 and C02 only; C03's code is not on the page.
    let link = server.judge("J1");
    let form = form_token(&get(link).1);
    let (status, answer) = mark(link, &form, &code_of("C03"), "quality.workmanship", "8", "");
    assert_eq!(status, 403, "{answer}");
    let message = answer["message"].as_str().unwrap();
    assert!(message.contains(&code_of("C03")) && !message.contains("C03"), "{message}");
    assert!(!message.contains("organisation"), "{message}");
}
