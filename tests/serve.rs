//! `podium serve` over HTTP, as a judge's phone, the organiser's desk and
//! someone trying what they should not: another judge's entry, a forged
//! request, an oversized body, a replay, a revoked link, a lock; and a
//! kill -9 of the server while marks arrive.

mod common;
use common::serve::*;
use common::*;

#[test]
fn a_judge_marks_corrects_with_a_reason_and_the_results_follow() {
    let dir = contest("serve-mark");
    let server = Server::start(&dir);
    let link = server.judge("J1");
    let (status, page) = get(link);
    assert_eq!(status, 200);
    // Only the judge's own assignments, with each criterion's scale.
    assert!(page.contains("data-entry=\"C01\"") && page.contains("data-entry=\"C02\""));
    assert!(!page.contains("data-entry=\"C03\""), "C03 is not assigned to J1");
    assert!(page.contains("min=\"0\" max=\"10\" step=\"0.5\""));
    assert!(
        page.contains("0–10, steps of 0.5 · 0+ Defects found · 6+ Meets the acceptance code · 9+ Showcase quality"),
        "descriptors beside the scale"
    );
    let form = form_token(&page);
    let (status, answer) = mark(link, &form, "C01", "quality.workmanship", "8.5", "");
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["saved"], true);
    assert!(
        exported(&dir).contains("C01,quality.workmanship,,J1,8.5"),
        "durable before the answer"
    );
    // A change needs a reason; with one it is a correction in the audit trail.
    let (status, answer) = mark(link, &form, "C01", "quality.workmanship", "9", "");
    assert_eq!(status, 409);
    assert!(answer["message"].as_str().unwrap().contains("give a reason"), "{answer}");
    let (status, answer) = mark(link, &form, "C01", "quality.workmanship", "9", "typed 8.5 for 9");
    assert_eq!(status, 200, "{answer}");
    let log = stdout(&podium(&["audit", "log", dir.to_str().unwrap(), "--entry", "C01"]));
    assert!(log.contains("J1 (judge link)") && log.contains("typed 8.5 for 9"), "{log}");
    // The results (the CLI's JSON) follow the store.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let (_, results) = get(&format!("{}/api/results", server.base));
        let results: serde_json::Value = serde_json::from_str(&results).unwrap();
        let c01 = results["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["entry"] == "C01")
            .unwrap()
            .clone();
        if c01["criteria"]["quality.workmanship"] != serde_json::Value::Null {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the results never showed the mark: {c01}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    // A value the scale does not allow is refused, naming the range.
    let (status, answer) = mark(link, &form, "C02", "quality.workmanship", "11", "");
    assert_eq!(status, 422);
    assert!(
        answer["message"].as_str().unwrap().contains("from 0 to 10, in steps of 0.5"),
        "{answer}"
    );
}

#[test]
fn a_judge_cannot_mark_an_entry_not_theirs_or_use_another_judges_link() {
    let dir = contest("serve-other");
    let server = Server::start(&dir);
    let link = server.judge("J1");
    let form = form_token(&get(link).1);
    let (status, answer) = mark(link, &form, "C03", "quality.workmanship", "8", "");
    assert_eq!(status, 403, "{answer}");
    assert!(
        answer["message"].as_str().unwrap().contains("`C03` is not on your page"),
        "{answer}"
    );
    // J2's path with J1's token: not a link at all.
    let forged = link.replace("/j/J1/", "/j/J2/");
    assert_eq!(get(&forged).0, 404);
    let (status, _) = mark(&forged, &form, "C03", "quality.workmanship", "8", "");
    assert_eq!(status, 404);
    assert_eq!(exported(&dir).lines().count(), 1, "nothing stored");
}

#[test]
fn forged_oversized_and_replayed_requests() {
    let dir = contest("serve-forged");
    let server = Server::start(&dir);
    let link = server.judge("J2");
    let form = form_token(&get(link).1);
    let fields = [
        ("entry", "C03"),
        ("criterion", "quality.workmanship"),
        ("value", "7"),
        ("form", form.as_str()),
    ];
    let url = format!("{link}/mark");
    // No form token, or another site's page: refused.
    let (status, body) = post(&url, &fields[..3]);
    assert_eq!(status, 403, "{body}");
    let (status, body) = post_with(&url, &fields, &[("Origin", "http://evil.example")]);
    assert_eq!(status, 403, "{body}");
    let (status, body) = post_with(&url, &fields, &[("Sec-Fetch-Site", "cross-site")]);
    assert_eq!(status, 403, "{body}");
    // An oversized body never reaches the store.
    let big = "x".repeat(64 * 1024);
    let (status, _) = post(
        &url,
        &[
            ("entry", "C03"),
            ("criterion", "quality.workmanship"),
            ("value", "7"),
            ("reason", &big),
            ("form", &form),
        ],
    );
    assert_eq!(status, 413);
    assert_eq!(exported(&dir).lines().count(), 1, "nothing stored");
    // The same submission twice stores one mark.
    assert_eq!(post(&url, &fields).0, 200);
    assert_eq!(post(&url, &fields).0, 200);
    let records = stdout(&podium_en(&["audit", "verify", dir.to_str().unwrap()]));
    assert!(records.starts_with("ok: 1 record"), "{records}");
    // Responses never show internals, and tell browsers to keep to this server.
    let mut response = agent().get(link).call().unwrap();
    let csp = response
        .headers()
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"));
    assert_eq!(response.headers().get("referrer-policy").unwrap(), "no-referrer");
    let _ = response.body_mut().read_to_string();
}

#[test]
fn the_desk_needs_its_token_and_a_lock_stops_judges() {
    let dir = contest("serve-desk");
    let server = Server::start(&dir);
    assert_eq!(get(&format!("{}/desk/0123456789abcdef0123456789abcd", server.base)).0, 404);
    // A judge's token is not the organiser's.
    let j2 = server.judge("J2");
    let j2_token = j2.rsplit('/').next().unwrap();
    assert_eq!(get(&format!("{}/desk/{j2_token}", server.base)).0, 404);
    let (status, desk) = get(&server.desk);
    assert_eq!(status, 200);
    let desk_form = form_token(&desk);
    let (status, said) = post(
        &format!("{}/lock", server.desk),
        &[("scope", "criterion quality.workmanship"), ("form", &desk_form)],
    );
    assert_eq!(status, 200);
    assert!(said.contains("\"ok\":true") && said.contains("locked Workmanship"), "{said}");
    let form = form_token(&get(j2).1);
    let (status, answer) = mark(j2, &form, "C03", "quality.workmanship", "8", "");
    assert_eq!(status, 409);
    assert!(answer["message"].as_str().unwrap().contains("locked"), "{answer}");
    // Other criteria stay open.
    assert_eq!(mark(j2, &form, "C03", "safety.site", "8", "").0, 200);
    // An unlock needs a reason.
    let (_, said) = post(
        &format!("{}/unlock", server.desk),
        &[("scope", "criterion quality.workmanship"), ("form", &desk_form)],
    );
    assert!(said.contains("\"ok\":false") && said.contains("reason"), "{said}");
}

#[test]
fn a_revoked_link_stops_working_and_the_new_one_works() {
    let dir = contest("serve-revoke");
    let old = {
        let server = Server::start(&dir);
        server.judge("J3").to_string()
    };
    let out = podium(&["judges", "revoke", dir.to_str().unwrap(), "J3"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let server = Server::start(&dir);
    let new = server.judge("J3").to_string();
    assert_ne!(old.rsplit('/').next(), new.rsplit('/').next());
    let old_here = format!("{}/j/J3/{}", server.base, old.rsplit('/').next().unwrap());
    assert_eq!(get(&old_here).0, 404);
    assert_eq!(get(&new).0, 200);
}

#[test]
fn killing_the_server_mid_load_loses_no_acknowledged_mark() {
    let dir = contest("serve-kill");
    let mut server = Server::start(&dir);
    let links: Vec<(String, String)> = ["J2", "J3", "J4", "J5"]
        .iter()
        .map(|j| {
            let link = server.judge(j).to_string();
            let form = form_token(&get(&link).1);
            (link, form)
        })
        .collect();
    let acknowledged = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for (link, form) in &links {
            let acknowledged = &acknowledged;
            scope.spawn(move || {
                for entry in ["C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08"] {
                    for criterion in [
                        "quality.workmanship",
                        "safety.site",
                        "efficiency.management",
                        "innovation.five_smalls",
                    ] {
                        let url = format!("{link}/mark");
                        let fields = [
                            ("entry", entry),
                            ("criterion", criterion),
                            ("value", "6.5"),
                            ("form", form.as_str()),
                        ];
                        let origin = url.split('/').take(3).collect::<Vec<_>>().join("/");
                        let Ok(mut response) = agent().post(&url).header("Origin", &origin).send_form(fields) else {
                            return;
                        };
                        if response.status() == 200 && response.body_mut().read_to_string().is_ok_and(|b| b.contains("\"saved\":true")) {
                            let judge = link.split("/j/").nth(1).unwrap().split('/').next().unwrap().to_string();
                            acknowledged.lock().unwrap().push(format!("{entry},{criterion},,{judge},6.5"));
                        }
                    }
                }
            });
        }
        std::thread::sleep(std::time::Duration::from_millis(150));
        server.child.kill().unwrap();
    });
    let _ = server.child.wait();
    let acknowledged = acknowledged.into_inner().unwrap();
    let stored = exported(&dir);
    for line in &acknowledged {
        assert!(stored.contains(line.as_str()), "acknowledged but lost: {line}");
    }
    let verify = podium(&["audit", "verify", dir.to_str().unwrap()]);
    assert!(verify.status.success(), "{}", stderr(&verify));
    eprintln!("{} marks acknowledged before the kill, all present", acknowledged.len());
}

/// J2 corrects C01's workmanship mark, then waits until the desk's live
/// results show C01's new total.
fn correct_c01_and_wait_for_the_desk(server: &Server) {
    let desk_events = format!("{}/events", server.desk);
    let c01 = |board: serde_json::Value| {
        board["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["entry"] == "C01")
            .map(|r| r["total"].clone())
    };
    let before = c01(first_event(&desk_events));
    let link = server.judge("J2");
    let (status, said) = mark(
        link,
        &form_token(&get(link).1),
        "C01",
        "quality.workmanship",
        "3",
        "re-read the sheet",
    );
    assert_eq!(status, 200, "{said}");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while c01(first_event(&desk_events)) == before {
        assert!(std::time::Instant::now() < deadline, "the desk never saw the mark");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

#[test]
fn the_api_gives_the_clis_json_and_the_hall_freezes_and_reveals() {
    let dir = contest("serve-hall");
    unrestrict_j1(&dir);
    let out = podium(&["import", dir.to_str().unwrap(), "contests/construction/marks.csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let server = Server::start(&dir);
    let (status, api) = get(&format!("{}/api/results", server.base));
    assert_eq!(status, 200);
    let cli = stdout(&podium(&["score", dir.to_str().unwrap(), "--format", "json", "--lang", "en"]));
    assert_eq!(api, cli, "the API is the CLI's JSON");
    let hall = first_event(&format!("{}/events", server.base));
    assert_eq!(hall["hall"]["frozen"], false);
    assert_eq!(hall["rows"][1]["total"], "82.80", "totals as exact text");
    // Freeze, then the ceremony reveals from the bottom, one place at a time.
    let form = form_token(&get(&server.desk).1);
    let (_, said) = post(&format!("{}/freeze", server.desk), &[("on", "true"), ("form", &form)]);
    assert!(said.contains("\"ok\":true"), "{said}");
    assert_eq!(first_event(&format!("{}/events", server.base))["hall"]["frozen"], true);
    // A mark while frozen: the jury's desk sees it, the public API does not.
    correct_c01_and_wait_for_the_desk(&server);
    assert_eq!(
        get(&format!("{}/api/results", server.base)).1,
        api,
        "the public API stays frozen with the hall"
    );
    for _ in 0..2 {
        post(&format!("{}/ceremony", server.desk), &[("step", "next"), ("form", &form)]);
    }
    assert_eq!(first_event(&format!("{}/events", server.base))["hall"]["ceremony"]["revealed"], 2);
    // The desk's token is needed for all of it.
    let (status, _) = post(&format!("{}/desk/0000/freeze", server.base), &[("on", "false"), ("form", &form)]);
    assert_eq!(status, 404);
    // The ceremony over and the board unfrozen, the public sees the newest again.
    post(&format!("{}/ceremony", server.desk), &[("step", "end"), ("form", &form)]);
    post(&format!("{}/freeze", server.desk), &[("on", "false"), ("form", &form)]);
    api_reaches_cli(&server, &dir, "after the hall is unfrozen");
}

#[test]
fn a_board_frozen_before_anyone_read_the_api_keeps_its_results_there() {
    let dir = contest("serve-frozen");
    unrestrict_j1(&dir);
    let out = podium(&["import", dir.to_str().unwrap(), "contests/construction/marks.csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let server = Server::start(&dir);
    let frozen = stdout(&podium(&["score", dir.to_str().unwrap(), "--format", "json", "--lang", "en"]));
    let form = form_token(&get(&server.desk).1);
    let (_, said) = post(&format!("{}/freeze", server.desk), &[("on", "true"), ("form", &form)]);
    assert!(said.contains("\"ok\":true"), "{said}");
    // A mark after the freeze, seen by the desk, before the API is first asked.
    correct_c01_and_wait_for_the_desk(&server);
    let (status, api) = get(&format!("{}/api/results", server.base));
    assert_eq!(status, 200);
    assert_eq!(api, frozen, "the API gives the results the board was frozen at");
}

#[test]
fn a_printable_sheet_of_links_with_qr_codes() {
    let dir = contest("serve-sheet");
    let sheet = dir.join("links.html");
    let out = podium(&[
        "judges",
        "links",
        dir.to_str().unwrap(),
        "--base",
        "http://192.168.1.20:8080",
        "--sheet",
        sheet.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let listed = stdout(&out);
    let html = std::fs::read_to_string(&sheet).unwrap();
    assert_eq!(html.matches("<svg").count(), 5, "one QR code per judge");
    for line in listed.lines().filter(|l| l.starts_with('J')) {
        let url = line.split('\t').nth(2).unwrap();
        assert!(url.starts_with("http://192.168.1.20:8080/j/"), "{url}");
        assert!(html.contains(url), "the sheet shows {url}");
    }
    assert!(!html.contains("/desk/"), "the organiser's link is not on the judges' sheet");
}

#[test]
fn the_server_listens_on_loopback_unless_asked() {
    let help = stdout(&podium_en(&["serve", "--help"]));
    assert!(help.contains("[default: 127.0.0.1:8080]"), "loopback by default:\n{help}");
    assert!(help.contains("--lan"), "the LAN only when asked");
}

/// Polls the API until it equals `podium score --format json`, or fails.
fn api_reaches_cli(server: &Server, dir: &std::path::Path, what: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let cli = stdout(&podium(&["score", dir.to_str().unwrap(), "--format", "json", "--lang", "en"]));
        let (_, api) = get(&format!("{}/api/results", server.base));
        if api == cli {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{what}: the live results never matched the CLI's"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

#[test]
fn live_results_follow_served_marks_and_a_clerks_import_exactly() {
    let dir = contest("serve-live");
    unrestrict_j1(&dir);
    // Everything but C01's marks is in the store when the server starts.
    let marks = std::fs::read_to_string("contests/construction/marks.csv").unwrap();
    let (c01, rest): (Vec<&str>, Vec<&str>) = marks.lines().skip(1).partition(|l| l.starts_with("C01,"));
    let header = "entry,criterion,element,judge,value\n";
    std::fs::write(dir.join("rest.csv"), format!("{header}{}\n", rest.join("\n"))).unwrap();
    assert!(podium(&["import", dir.to_str().unwrap(), dir.join("rest.csv").to_str().unwrap()])
        .status
        .success());
    let server = Server::start(&dir);
    // Judges enter some of C01's marks through the server, one correcting.
    let link = server.judge("J2");
    let form = form_token(&get(link).1);
    for (criterion, value) in [("quality.workmanship", "8.5"), ("safety.site", "7"), ("efficiency.management", "9")] {
        assert_eq!(mark(link, &form, "C01", criterion, value, "").0, 200);
    }
    assert_eq!(mark(link, &form, "C01", "safety.site", "9.5", "re-read the sheet").0, 200);
    api_reaches_cli(&server, &dir, "after served marks");
    // A clerk imports the rest of C01's sheet meanwhile, from the command line.
    let sheet: Vec<&str> = c01.iter().copied().filter(|l| !l.contains(",J2,")).collect();
    std::fs::write(dir.join("c01.csv"), format!("{header}{}\n", sheet.join("\n"))).unwrap();
    let out = podium(&["import", dir.to_str().unwrap(), dir.join("c01.csv").to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    api_reaches_cli(&server, &dir, "after a clerk's import");
}

#[test]
fn blind_judging_shows_judges_codes_and_the_hall_no_names() {
    let dir = contest("serve-blind");
    let ron = std::fs::read_to_string(dir.join("contest.ron")).unwrap();
    std::fs::write(
        dir.join("contest.ron"),
        ron.replacen("    entrants: Teams,", "    entrants: Teams,\n    marking: (blind: true),", 1),
    )
    .unwrap();
    // No codes yet: the server says what to do first.
    let out = podium(&["serve", dir.to_str().unwrap(), "--bind", "127.0.0.1:0"]);
    assert!(!out.status.success() && stderr(&out).contains("podium codes"), "{}", stderr(&out));
    let codes = stdout(&podium(&["codes", dir.to_str().unwrap()]));
    // code,entry,name,organisation
    let code_of = |entry: &str| code_of(&codes, entry);
    let c01 = code_of("C01");
    let server = Server::start(&dir);
    let link = server.judge("J1");
    let page = get(link).1;
    assert!(page.contains(&format!("data-entry=\"{c01}\"")), "judges see codes");
    assert!(
        !page.contains("data-entry=\"C01\"") && !page.contains("钢筋一班"),
        "and neither ids nor names"
    );
    let form = form_token(&page);
    // Marks go in by code; an id is refused.
    assert_eq!(mark(link, &form, "C01", "quality.workmanship", "8", "").0, 422);
    let (status, answer) = mark(link, &form, &c01, "quality.workmanship", "8", "");
    assert_eq!(status, 200, "{answer}");
    assert!(
        exported(&dir).contains("C01,quality.workmanship,,J1,8"),
        "stored under the entry itself"
    );
    // The public results carry no names until publication.
    let (_, api) = get(&format!("{}/api/results", server.base));
    assert!(!api.contains("钢筋一班") && !api.contains("\"C01\""), "{api}");
    // The desk chases J1's marks by code too.
    let owed = owed_by(&get(&server.desk).1, "J1").to_string();
    assert!(owed.contains(&format!("<b>{}</b>", code_of("C02"))), "{owed}");
    assert!(!owed.contains("C02") && !owed.contains("C01"), "{owed}");
}

/// The part of the desk page about what judge `id` owes (empty if they owe nothing).
fn owed_by<'p>(desk: &'p str, id: &str) -> &'p str {
    let Some(at) = desk.find(&format!("data-judge=\"{id}\"")) else {
        return "";
    };
    &desk[at..at + desk[at..].find("</details>").unwrap()]
}

#[test]
fn the_desk_names_who_owes_which_marks_and_awards_stay_provisional_until_all_are_in() {
    let dir = contest("serve-owed");
    unrestrict_j1(&dir);
    // Every mark but J1's workmanship for C03 and C05.
    let marks = std::fs::read_to_string("contests/construction/marks.csv").unwrap();
    let sheet: String = marks
        .lines()
        .filter(|l| !l.starts_with("C03,quality.workmanship,,J1,") && !l.starts_with("C05,quality.workmanship,,J1,"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(dir.join("sheet.csv"), sheet).unwrap();
    let out = podium(&["import", dir.to_str().unwrap(), dir.join("sheet.csv").to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let server = Server::start(&dir);
    let desk = get(&server.desk).1;
    let j1 = owed_by(&desk, "J1");
    assert!(j1.contains("2 missing of"), "{j1}");
    assert!(
        j1.contains("<li><b>C03</b>：Workmanship</li>") && j1.contains("<li><b>C05</b>：Workmanship</li>"),
        "which entry, which criterion: {j1}"
    );
    assert_eq!(owed_by(&desk, "J2"), "", "J2 owes nothing");
    // The example's own marks lack J4's for C06's site.
    assert!(owed_by(&desk, "J4").contains("<li><b>C06</b>：Civilised site</li>"), "{desk}");
    assert!(desk.contains("221 marks of 224 expected; 3 missing."), "the total: {desk}");
    // The same count as `podium status`: one notion of complete.
    let status = stdout(&podium(&["status", dir.to_str().unwrap(), "--lang", "en"]));
    assert!(status.contains("marks: 221 of 224 expected"), "{status}");
    let hall = first_event(&format!("{}/events", server.base));
    assert_eq!(hall["provisional"], true, "marking is incomplete: {hall}");
    // The last two marks: nothing is owed, the awards are final.
    let link = server.judge("J1");
    let form = form_token(&get(link).1);
    for entry in ["C03", "C05"] {
        assert_eq!(mark(link, &form, entry, "quality.workmanship", "8", "").0, 200);
    }
    let j4 = server.judge("J4");
    assert_eq!(mark(j4, &form_token(&get(j4).1), "C06", "safety.site", "8", "").0, 200);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while first_event(&format!("{}/events", server.base))["provisional"] != false {
        assert!(std::time::Instant::now() < deadline, "the hall stayed provisional");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let desk = get(&server.desk).1;
    assert!(
        owed_by(&desk, "J1").is_empty() && owed_by(&desk, "J4").is_empty(),
        "nobody owes anything now"
    );
    // Once published, the desk offers no lock, unlock, publish or freeze; the ceremony stays.
    assert!(["lock", "publish", "freeze"]
        .iter()
        .all(|a| desk.contains(&format!("data-action=\"{a}\""))));
    let form = form_token(&desk);
    let (_, said) = post(&format!("{}/lock", server.desk), &[("scope", "contest"), ("form", &form)]);
    assert!(said.contains("\"ok\":true"), "{said}");
    let (_, said) = post(&format!("{}/publish", server.desk), &[("form", &form)]);
    assert!(said.contains("\"ok\":true") && said.contains("published"), "{said}");
    let desk = get(&server.desk).1;
    for action in ["lock", "unlock", "publish", "freeze"] {
        assert!(!desk.contains(&format!("data-action=\"{action}\"")), "{action} after publication");
    }
    assert!(desk.contains("data-action=\"ceremony\""));
    let (_, said) = post(&format!("{}/lock", server.desk), &[("scope", "contest"), ("form", &form)]);
    assert!(said.contains("\"ok\":false") && said.contains("published"), "{said}");
}

#[test]
fn an_award_decided_within_a_division_carries_the_division_on_the_boards() {
    // skills-duel awards per trade: each award shows the row's trade.
    let dir = temp_dir("serve-division");
    for file in ["contest.ron", "entries.csv"] {
        std::fs::copy(std::path::Path::new("contests/skills-duel").join(file), dir.join(file)).unwrap();
    }
    std::fs::write(dir.join("marks.csv"), "entry,criterion,element,judge,value\n").unwrap();
    let out = podium(&["import", dir.to_str().unwrap(), "contests/skills-duel/marks.csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let entries = std::fs::read_to_string(dir.join("entries.csv")).unwrap();
    let trade = |id: &str| {
        let row = entries.lines().find(|l| l.split(',').next() == Some(id)).unwrap();
        row.split(',').nth(3).unwrap().to_string()
    };
    let server = Server::start(&dir);
    let hall = first_event(&format!("{}/events", server.base));
    let mut awarded = 0;
    for row in hall["rows"].as_array().unwrap() {
        for award in row["awards"].as_array().unwrap() {
            // Prizes are decided per trade; the Golden Gear over everyone.
            match award["set"].as_str().unwrap() {
                "prizes" => assert_eq!(award["division"], trade(row["entry"].as_str().unwrap()), "{row}"),
                _ => assert_eq!(award["division"], serde_json::Value::Null, "{row}"),
            }
            awarded += 1;
        }
    }
    assert!(awarded > 0, "{hall}");
    let desk = first_event(&format!("{}/events", server.desk));
    let row = desk["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["awards"][0]["set"] == "prizes")
        .unwrap();
    assert_eq!(row["awards"][0]["division"], trade(row["entry"].as_str().unwrap()));
}

/// Latin-letter words in `text` other than those allowed.
fn latin_words<'t>(text: &'t str, allowed: &[&str]) -> Vec<&'t str> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()) && !allowed.contains(w))
        .collect()
}

#[test]
fn a_chinese_server_answers_a_judge_in_chinese() {
    let dir = contest("serve-zh");
    let server = Server::start_in(&dir, "zh");
    let link = server.judge("J1");
    let form = form_token(&get(link).1);
    let said = |(status, answer): (u16, serde_json::Value)| (status, answer["message"].as_str().unwrap().to_string());
    let (status, saved) = said(mark(link, &form, "C01", "quality.workmanship", "8.5", ""));
    assert_eq!(status, 200);
    assert!(
        saved.starts_with("已保存 #") && saved.ends_with("：C01 工程实体质量 = 8.5"),
        "{saved}"
    );
    let (_, again) = said(mark(link, &form, "C01", "quality.workmanship", "9", ""));
    assert!(again.contains("请填写原因"), "{again}");
    let (status, bad) = said(mark(link, &form, "C02", "quality.workmanship", "11", ""));
    assert_eq!(status, 422);
    assert_eq!(bad, "未保存：分数应在 0 到 10 之间，步长 0.5");
    let (_, other) = said(mark(link, &form, "C03", "quality.workmanship", "8", ""));
    assert_eq!(other, "未保存：`C03` 不在您的评分表上");
    // Locked at the desk: the judge hears it in Chinese, without the command line's words.
    let desk_form = form_token(&get(&server.desk).1);
    let (_, locked) = post(
        &format!("{}/lock", server.desk),
        &[("scope", "criterion quality.workmanship"), ("form", &desk_form)],
    );
    assert!(locked.contains("已锁定：工程实体质量"), "{locked}");
    let (status, refused) = said(mark(link, &form, "C02", "quality.workmanship", "8", ""));
    assert_eq!(status, 409);
    assert_eq!(refused, "未保存：C02 工程实体质量 已锁定；如需修改，请联系裁判长解锁。");
    let (_, unlock) = post(
        &format!("{}/unlock", server.desk),
        &[("scope", "criterion quality.workmanship"), ("form", &desk_form)],
    );
    assert!(unlock.contains("解锁须填写原因"), "{unlock}");
    for message in [saved, again, bad, refused, unlock, locked] {
        assert_eq!(
            latin_words(&message, &["C01", "C02", "ok", "false", "true", "message"]),
            Vec::<&str>::new(),
            "{message}"
        );
    }
    let (status, gone) = get(&link.replace("/j/J1/", "/j/J1/0"));
    assert_eq!(status, 404);
    assert!(gone.contains("链接无效"), "{gone}");
}

#[test]
fn a_contest_in_stages_shows_its_classification_in_the_hall_and_the_api() {
    let dir = temp_dir("serve-stages");
    for file in ["contest.ron", "entries.csv", "marks.csv"] {
        std::fs::copy(std::path::Path::new("contests/district-duel").join(file), dir.join(file)).unwrap();
    }
    let server = Server::start(&dir);
    let (status, api) = get(&format!("{}/api/results", server.base));
    assert_eq!(status, 200);
    let cli = stdout(&podium(&["score", dir.to_str().unwrap(), "--format", "json", "--lang", "en"]));
    assert_eq!(api, cli, "the API is the CLI's classification");
    let hall = first_event(&format!("{}/events", server.base));
    // Every mark the stages expect is in: the 9 out in the preliminary owe no final marks.
    assert_eq!(hall["provisional"], false, "{hall}");
    assert_eq!(hall["rows"][0]["entry"], "C28");
    assert_eq!(hall["rows"][0]["total"], "92.15");
    drop(server);
    // Before the final's first mark the hall shows the preliminary's standings,
    // not a classification with every finalist unranked at the bottom.
    let marks = std::fs::read_to_string(dir.join("marks.csv")).unwrap();
    let theory: String = marks
        .lines()
        .filter(|l| !l.contains("practical.") && !l.contains("defence."))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(dir.join("marks.csv"), theory).unwrap();
    let server = Server::start(&dir);
    let hall = first_event(&format!("{}/events", server.base));
    assert_eq!(hall["rows"][0]["entry"], "C10", "{hall}");
    assert_eq!(hall["rows"][0]["total"], "97.50");
}
