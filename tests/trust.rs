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

/// The first `board` event of a stream.
fn first_event(url: &str) -> serde_json::Value {
    use std::io::{BufRead, BufReader, Read};
    let response = agent().get(url).call().unwrap();
    let reader = BufReader::new(response.into_body().into_reader().take(1 << 20));
    for line in reader.lines() {
        if let Some(data) = line.unwrap().strip_prefix("data: ") {
            return serde_json::from_str(data).unwrap();
        }
    }
    panic!("the stream ended without an event");
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
