//! `podium serve` over HTTP, as a judge's phone, the organiser's desk and
//! someone trying what they should not: another judge's entry, a forged
//! request, an oversized body, a replay, a revoked link, a lock; and a
//! kill -9 of the server while marks arrive.

mod common;
use common::*;
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// The construction example with no marks yet, J1 assigned C01 and C02 only.
fn contest(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    for file in ["contest.ron", "entries.csv"] {
        std::fs::copy(Path::new("contests/construction").join(file), dir.join(file)).unwrap();
    }
    std::fs::write(dir.join("marks.csv"), "entry,criterion,element,judge,value\n").unwrap();
    let ron = std::fs::read_to_string(dir.join("contest.ron")).unwrap();
    let ron = ron.replacen(
        "Judge(id: \"J1\", name: \"王建华\", organisation: \"区总工会\")",
        "Judge(id: \"J1\", name: \"王建华\", organisation: \"区总工会\", entries: [\"C01\", \"C02\"])",
        1,
    );
    assert!(ron.contains("entries: [\"C01\", \"C02\"]"), "the example's J1 line changed");
    std::fs::write(dir.join("contest.ron"), ron).unwrap();
    dir
}

/// A running `podium serve`, stopped (SIGKILL) when dropped.
struct Server {
    child: Child,
    base: String,
    desk: String,
    judges: HashMap<String, String>,
}

impl Server {
    fn start(dir: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_podium"))
            .args(["serve", dir.to_str().unwrap(), "--bind", "127.0.0.1:0", "--lang", "en"])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let (mut base, mut desk, mut judges) = (String::new(), String::new(), HashMap::new());
        while judges.len() < 5 {
            let line = lines.next().expect("the server prints its links").unwrap();
            let url = line.split_whitespace().last().unwrap().to_string();
            if line.starts_with("podium serve: listening on ") {
                base = url;
            } else if line.starts_with("organiser desk:") {
                desk = url;
            } else if let Some(rest) = line.strip_prefix("judge ") {
                judges.insert(rest.split_whitespace().next().unwrap().to_string(), url);
            }
        }
        Server { child, base, desk, judges }
    }

    fn judge(&self, id: &str) -> &str {
        &self.judges[id]
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).build().into()
}

/// GET: (status, body).
fn get(url: &str) -> (u16, String) {
    let mut response = agent().get(url).call().unwrap();
    (response.status().as_u16(), response.body_mut().read_to_string().unwrap())
}

/// POST a form as the page would (same origin): (status, body).
fn post(url: &str, fields: &[(&str, &str)]) -> (u16, String) {
    let origin = url.split('/').take(3).collect::<Vec<_>>().join("/");
    post_with(url, fields, &[("Origin", &origin)])
}

fn post_with(url: &str, fields: &[(&str, &str)], headers: &[(&str, &str)]) -> (u16, String) {
    let mut request = agent().post(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let mut response = request.send_form(fields.iter().copied()).unwrap();
    (response.status().as_u16(), response.body_mut().read_to_string().unwrap())
}

/// The form token a page carries.
fn form_token(page: &str) -> String {
    let at = page.find("<meta name=\"form\" content=\"").expect("the page has a form token") + 27;
    page[at..at + page[at..].find('"').unwrap()].to_string()
}

/// A judge's link, its form token, and a mark posted through it.
fn mark(link: &str, form: &str, entry: &str, criterion: &str, value: &str, reason: &str) -> (u16, serde_json::Value) {
    let (status, body) = post(
        &format!("{link}/mark"),
        &[
            ("entry", entry),
            ("criterion", criterion),
            ("element", "0"),
            ("value", value),
            ("reason", reason),
            ("form", form),
        ],
    );
    (status, serde_json::from_str(&body).unwrap_or_else(|_| panic!("not JSON: {body}")))
}

fn exported(dir: &Path) -> String {
    stdout(&podium(&["export", "marks", dir.to_str().unwrap()]))
}

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
    assert!(answer["message"].as_str().unwrap().contains("value"), "{answer}");
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
        answer["message"].as_str().unwrap().contains("not among the entries assigned"),
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
    let records = stdout(&podium(&["audit", "verify", dir.to_str().unwrap()]));
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
    assert!(
        said.contains("\"ok\":true") && said.contains("locked criterion quality.workmanship"),
        "{said}"
    );
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
