//! A running `podium serve` and the HTTP a page sends, for the server tests.

use super::*;
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};

/// The construction example with no marks yet, J1 assigned C01 and C02 only.
pub fn contest(name: &str) -> PathBuf {
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
pub struct Server {
    pub child: Child,
    pub base: String,
    pub desk: String,
    pub judges: HashMap<String, String>,
}

impl Server {
    /// The server speaking English (the tests' messages are English).
    pub fn start(dir: &Path) -> Server {
        Server::start_in(dir, "en")
    }

    /// The server speaking `lang`. Its links are read by their addresses,
    /// whatever the words around them: the desk's has `/desk/`, a judge's `/j/ID/`.
    pub fn start_in(dir: &Path, lang: &str) -> Server {
        let mut child = podium_command()
            .args(["serve", dir.to_str().unwrap(), "--bind", "127.0.0.1:0", "--lang", lang])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let (mut base, mut desk, mut judges) = (String::new(), String::new(), HashMap::new());
        while judges.len() < 5 {
            let line = lines.next().expect("the server prints its links").unwrap();
            let url = line[line.find("http://").expect("each line ends with its address")..].to_string();
            if let Some((_, judge)) = url.split_once("/j/") {
                judges.insert(judge.split('/').next().unwrap().to_string(), url);
            } else if url.contains("/desk/") {
                desk = url;
            } else if base.is_empty() {
                base = url;
            }
        }
        // The rest (more judges' links) is read and dropped.
        std::thread::spawn(move || lines.for_each(drop));
        Server { child, base, desk, judges }
    }

    pub fn judge(&self, id: &str) -> &str {
        &self.judges[id]
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP client that gives up after 30 s: a server that never answers
/// fails the test instead of hanging it.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(std::time::Duration::from_secs(30)))
        .build()
        .into()
}

/// GET: (status, body).
pub fn get(url: &str) -> (u16, String) {
    let mut response = agent().get(url).call().unwrap();
    (response.status().as_u16(), response.body_mut().read_to_string().unwrap())
}

/// POST a form as the page would (same origin): (status, body).
pub fn post(url: &str, fields: &[(&str, &str)]) -> (u16, String) {
    let origin = url.split('/').take(3).collect::<Vec<_>>().join("/");
    post_with(url, fields, &[("Origin", &origin)])
}

pub fn post_with(url: &str, fields: &[(&str, &str)], headers: &[(&str, &str)]) -> (u16, String) {
    let mut request = agent().post(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let mut response = request.send_form(fields.iter().copied()).unwrap();
    (response.status().as_u16(), response.body_mut().read_to_string().unwrap())
}

/// The form token a page carries.
pub fn form_token(page: &str) -> String {
    let at = page.find("<meta name=\"form\" content=\"").expect("the page has a form token") + 27;
    page[at..at + page[at..].find('"').unwrap()].to_string()
}

/// A judge's link, its form token, and a mark posted through it.
pub fn mark(link: &str, form: &str, entry: &str, criterion: &str, value: &str, reason: &str) -> (u16, serde_json::Value) {
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

pub fn exported(dir: &Path) -> String {
    stdout(&podium(&["export", "marks", dir.to_str().unwrap()]))
}

/// Lifts J1's assignment again (every entry theirs to mark).
pub fn unrestrict_j1(dir: &Path) {
    let ron = std::fs::read_to_string(dir.join("contest.ron"))
        .unwrap()
        .replace(", entries: [\"C01\", \"C02\"]", "");
    std::fs::write(dir.join("contest.ron"), ron).unwrap();
}

/// The first `board` event of a server-sent event stream, as JSON.
pub fn first_event(url: &str) -> serde_json::Value {
    let mut response = agent().get(url).call().unwrap();
    assert_eq!(response.headers().get("content-type").unwrap(), "text/event-stream");
    let reader = BufReader::new(response.body_mut().as_reader());
    for line in reader.lines() {
        if let Some(data) = line.unwrap().strip_prefix("data: ") {
            return serde_json::from_str(data).unwrap();
        }
    }
    panic!("the stream ended without an event");
}

/// The blind code of `entry`, from `podium codes`'s list (code,entry,name,organisation).
pub fn code_of(codes: &str, entry: &str) -> String {
    let row = codes
        .lines()
        .find(|l| l.split(',').nth(1) == Some(entry))
        .expect("the entry has a code");
    row.split(',').next().unwrap().to_string()
}
