//! A bounded load test of `podium serve` on loopback: 200 judges at once,
//! each posting marks through their own link as fast as answers come back;
//! every answer waits for its commit to be durable. Prints marks per second
//! and the latency percentiles. Run with `cargo bench --bench serve_load`
//! (PODIUM_LOAD_MARKS sets the marks per judge, default 100).

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const JUDGES: usize = 200;

fn main() {
    let per_judge: usize = std::env::var("PODIUM_LOAD_MARKS").ok().and_then(|v| v.parse().ok()).unwrap_or(100);
    let podium = env!("CARGO_BIN_EXE_podium");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/serve-load");
    let _ = std::fs::remove_dir_all(&dir);
    let status = Command::new(podium)
        .args([
            "gen",
            dir.to_str().unwrap(),
            "--entries",
            "500",
            "--criteria",
            "4",
            "--judges",
            &JUDGES.to_string(),
            "--seed",
            "1",
        ])
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    // The event starts with no marks: every one arrives through the server.
    std::fs::write(dir.join("marks.csv"), "entry,criterion,element,judge,value\n").unwrap();
    let mut server = Command::new(podium)
        .args(["serve", dir.to_str().unwrap(), "--bind", "127.0.0.1:0", "--lang", "en"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut links = Vec::new();
    for line in BufReader::new(server.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        if line.starts_with("judge ") {
            links.push(line.split_whitespace().last().unwrap().to_string());
            if links.len() == JUDGES {
                break;
            }
        }
    }
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    // Each judge opens their page once (for its form token), as on the day.
    let forms: Vec<String> = links
        .iter()
        .map(|link| {
            let page = agent
                .get(link)
                .call()
                .unwrap()
                .body_mut()
                .with_config()
                .limit(64 << 20)
                .read_to_string()
                .unwrap();
            let at = page.find("<meta name=\"form\" content=\"").unwrap() + 27;
            page[at..at + page[at..].find('"').unwrap()].to_string()
        })
        .collect();
    let criteria = ["quality.c01", "safety.c02", "efficiency.c03", "innovation.c04"];
    let started = Instant::now();
    let latencies: Vec<Vec<Duration>> = std::thread::scope(|scope| {
        let workers: Vec<_> = links
            .iter()
            .zip(&forms)
            .map(|(link, form)| {
                let agent = agent.clone();
                scope.spawn(move || {
                    let url = format!("{link}/mark");
                    let origin = url.split('/').take(3).collect::<Vec<_>>().join("/");
                    let mut times = Vec::with_capacity(per_judge);
                    for i in 0..per_judge {
                        let entry = format!("E{:07}", i / criteria.len() + 1);
                        let fields = [
                            ("entry", entry.as_str()),
                            ("criterion", criteria[i % criteria.len()]),
                            ("value", "7.5"),
                            ("form", form.as_str()),
                        ];
                        let sent = Instant::now();
                        let mut response = agent.post(&url).header("Origin", &origin).send_form(fields).unwrap();
                        let body = response.body_mut().read_to_string().unwrap();
                        assert!(body.contains("\"saved\":true"), "{body}");
                        times.push(sent.elapsed());
                    }
                    times
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let elapsed = started.elapsed();
    let update = mark_to_board(&agent, &links[0], &forms[0]);
    let _ = server.kill();
    let _ = server.wait();
    let mut all: Vec<Duration> = latencies.into_iter().flatten().collect();
    all.sort();
    let at = |q: f64| all[((all.len() as f64 * q) as usize).min(all.len() - 1)];
    let stored = Command::new(podium)
        .args(["export", "marks", dir.to_str().unwrap()])
        .output()
        .unwrap();
    let stored = String::from_utf8(stored.stdout).unwrap().lines().count() - 1;
    println!(
        "{} judges × {per_judge} marks = {} durable marks in {:.2} s: {:.0} marks/s; latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; {stored} in the store",
        JUDGES,
        all.len(),
        elapsed.as_secs_f64(),
        all.len() as f64 / elapsed.as_secs_f64(),
        at(0.50).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        all[all.len() - 1].as_secs_f64() * 1e3,
    );
    assert_eq!(stored, all.len(), "every acknowledged mark is in the store");
    println!(
        "one mark → the hall board updated (500 entries, 20k marks in the store): median {:.1} ms, max {:.1} ms over {} marks",
        update[update.len() / 2].as_secs_f64() * 1e3,
        update[update.len() - 1].as_secs_f64() * 1e3,
        update.len()
    );
}

/// From posting a mark to the hall's event showing it, for a series of
/// corrections of one cell (each changes the entry's total).
fn mark_to_board(agent: &ureq::Agent, link: &str, form: &str) -> Vec<Duration> {
    let base = link.split("/j/").next().unwrap().to_string();
    let (sender, events) = std::sync::mpsc::channel();
    let stream_agent = agent.clone();
    std::thread::spawn(move || {
        let mut response = stream_agent.get(&format!("{base}/events")).call().unwrap();
        let reader = BufReader::new(response.body_mut().as_reader());
        for line in reader.lines() {
            let Ok(line) = line else { return };
            if line.starts_with("data: ") && sender.send(Instant::now()).is_err() {
                return;
            }
        }
    });
    events.recv_timeout(Duration::from_secs(30)).expect("the first event");
    std::thread::sleep(Duration::from_millis(500));
    while events.try_recv().is_ok() {}
    let url = format!("{link}/mark");
    let origin = url.split('/').take(3).collect::<Vec<_>>().join("/");
    let mut times = Vec::new();
    for (i, value) in ["1", "9.5", "2", "9", "1.5", "8.5", "3", "10", "0.5", "7"]
        .iter()
        .cycle()
        .take(20)
        .enumerate()
    {
        let fields = [
            ("entry", "E0000001"),
            ("criterion", "quality.c01"),
            ("value", value),
            ("reason", "load test"),
            ("form", form),
        ];
        let sent = Instant::now();
        let body = agent
            .post(&url)
            .header("Origin", &origin)
            .send_form(fields)
            .unwrap()
            .body_mut()
            .read_to_string()
            .unwrap();
        assert!(body.contains("\"saved\":true"), "{i}: {body}");
        let shown = events.recv_timeout(Duration::from_secs(30)).expect("the board updates");
        times.push(shown.duration_since(sent));
        std::thread::sleep(Duration::from_millis(50));
        while events.try_recv().is_ok() {}
    }
    times.sort();
    times
}
