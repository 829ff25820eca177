//! `podium draw`: lots committed to before they are drawn, recomputed by an
//! independent script from the published seed, moves recorded with their
//! reasons, and every refusal with its message (in Chinese).

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn example(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("contests/district-workflow");
    for file in ["contest.ron", "entries.csv", "marks.csv"] {
        std::fs::copy(source.join(file), dir.join(file)).unwrap();
    }
    dir
}

/// `tests/draw_verify.py` run on `json`.
fn script(json: &str) -> std::process::Output {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/draw_verify.py");
    let mut child = Command::new("python3")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    use std::io::Write as _;
    child.stdin.take().unwrap().write_all(json.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

/// The places `tests/draw_verify.py` computes from `podium draw --show --format json`.
fn recomputed(json: &str) -> String {
    let out = script(json);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// What `tests/draw_verify.py` says when it refuses `json`.
fn refused(json: &str) -> String {
    let out = script(json);
    assert!(!out.status.success(), "the script accepted {json}");
    String::from_utf8(out.stderr).unwrap()
}

/// `podium draw --show --format json` of the draw of `what`.
fn shown(d: &str, what: &str) -> serde_json::Value {
    serde_json::from_str(&run_ok(&["draw", d, "--for", what, "--show", "--format", "json"])).unwrap()
}

/// The places as the draw recorded them, in the same lines.
fn drawn(json: &serde_json::Value) -> String {
    json["drawn"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let heat = p.get("heat").and_then(|h| h.as_u64()).map(|h| h.to_string()).unwrap_or_default();
            format!("{}\t{heat}\t{}\n", p["entry"].as_str().unwrap(), p["slot"].as_str().unwrap())
        })
        .collect()
}

#[test]
fn each_draw_is_recomputed_from_its_seed_by_an_independent_script() {
    let dir = example("draw-python");
    let d = s(&dir);
    for what in ["stations", "order", "codes"] {
        let committed = run_ok(&["draw", d, "--for", what, "--commit", "--as", "chief"]);
        let commitment = committed.rsplit('：').next().unwrap().split('；').next().unwrap().to_string();
        assert_eq!(commitment.len(), 64, "{committed}");
        // Before the draw, the seed is nowhere anyone can read.
        let log = run_ok(&["audit", "log", d]);
        assert!(log.contains(&commitment));
        run_ok(&["draw", d, "--for", what, "--as", "chief"]);
        let json = shown(d, what);
        let seed = json["seed"].as_str().unwrap();
        assert!(!log.contains(seed), "the seed was readable before the draw");
        assert_eq!(json["commitment"], commitment.as_str());
        let recomputed = recomputed(&json.to_string());
        assert_eq!(recomputed, drawn(&json), "{what}");
        assert_eq!(recomputed.lines().count(), 10);
        // The script refuses a list other than the one committed to.
        let mut other = json.clone();
        other["entries"][0] = "W99".into();
        assert!(refused(&other.to_string()).contains("the list is not the one committed to"));
    }
    assert!(run_ok(&["draw", d, "--verify"]).contains("抽签核验通过：3 次抽签"));
    // Codes drawn by lot are the entries' codes.
    let codes = run_ok(&["codes", d, "--as", "enc"]);
    assert!(
        codes
            .lines()
            .skip(1)
            .all(|line| line.len() > 3 && line.as_bytes()[..3].iter().all(u8::is_ascii_digit)),
        "{codes}"
    );
}

#[test]
fn a_pinned_draw_is_the_same_in_both_implementations() {
    // Seed 00…00 (its SHA-256 the well-known 66687aad…) over W01–W10 for the
    // running order: pinned, so a change to the algorithm cannot pass unseen.
    let json = serde_json::json!({
        "what": "order", "seed": "0".repeat(64),
        "commitment": "66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925",
        "entries": (1..=10).map(|k| format!("W{k:02}")).collect::<Vec<_>>(), "stations": [], "heats": 1,
        "list": "2971bb2848c66df7deb51e41cc160e2a23f55722b4b4d916d6a2eb568302673e",
    });
    let python = recomputed(&json.to_string());
    let order: Vec<&str> = python.lines().map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(order, ["W10", "W01", "W06", "W07", "W09", "W02", "W05", "W08", "W04", "W03"]);
    // podium's own shuffle of the same seed gives the same order.
    let ids: Vec<String> = (1..=10).map(|k| format!("W{k:02}")).collect();
    let ours = podium::event::draw::shuffle(&[0; 32], podium::event::draw::Drawn::Order, &ids);
    assert_eq!(ours, order);
}

#[test]
fn moves_keep_their_reason_and_time_added_and_the_sheet_shows_them() {
    let dir = example("draw-moves");
    let d = s(&dir);
    assert!(run_err(&["draw", d, "--move", "W03", "--to", "B01", "--reason", "x", "--as", "chief"]).contains("还没有抽定工位"));
    run_ok(&["draw", d, "--for", "stations", "--commit", "--as", "chief"]);
    let sheet = dir.join("draw.html");
    run_ok(&["draw", d, "--for", "stations", "--sheet", s(&sheet)]);
    let before = std::fs::read_to_string(&sheet).unwrap();
    assert!(
        before.contains("抽签后公布") && before.contains("<svg"),
        "the sheet before the draw shows the commitment and a QR code"
    );
    run_ok(&["draw", d, "--for", "stations", "--as", "chief"]);
    let json = shown(d, "stations");
    let places = json["places"].as_array().unwrap();
    let at = |entry: &str| places.iter().find(|p| p["entry"] == entry).unwrap().clone();
    let w03 = at("W03");
    let other = places.iter().find(|p| p["entry"] != "W03" && p["heat"] == w03["heat"]).unwrap();
    assert!(run_err(&["draw", d, "--move", "W03", "--to", "B01", "--as", "chief"]).contains("须写明理由"));
    assert!(
        run_err(&["draw", d, "--move", "W03", "--to", "Z9", "--reason", "x", "--as", "chief"])
            .contains("没有工位“Z9”；可用的工位（含备用）：A01, A02, A03, A04, A05, B01")
    );
    let taken = run_err(&[
        "draw",
        d,
        "--move",
        "W03",
        "--to",
        other["slot"].as_str().unwrap(),
        "--reason",
        "x",
        "--as",
        "chief",
    ]);
    assert!(taken.contains("工位已由选手"), "{taken}");
    assert!(run_err(&["draw", d, "--move", "W03", "--to", "B01", "--heat", "3", "--reason", "x", "--as", "chief"]).contains("没有第 3 场"));
    assert!(run_err(&[
        "draw",
        d,
        "--move",
        "W03",
        "--to",
        "B01",
        "--time-added",
        "10 分钟",
        "--reason",
        "x",
        "--as",
        "chief"
    ])
    .contains("补时“10 分钟”看不懂"));
    run_ok(&[
        "draw",
        d,
        "--move",
        "W03",
        "--to",
        "B01",
        "--time-added",
        "10m",
        "--reason",
        "焊机故障",
        "--as",
        "chief",
    ]);
    let json = shown(d, "stations");
    let moved = json["places"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["entry"] == "W03")
        .unwrap()
        .clone();
    assert_eq!(moved["slot"], "B01");
    assert_eq!(moved["heat"], w03["heat"]);
    // The draw itself is unchanged: the move is a record of its own.
    assert_eq!(recomputed(&json.to_string()), drawn(&json));
    run_ok(&["draw", d, "--for", "stations", "--sheet", s(&sheet)]);
    let after = std::fs::read_to_string(&sheet).unwrap();
    for text in [
        json["seed"].as_str().unwrap(),
        json["commitment"].as_str().unwrap(),
        "调换记录",
        "补时 10 分钟，理由：焊机故障",
        "抽签人签字",
        "监督签字",
        "审计记录头",
    ] {
        assert!(after.contains(text), "the sheet lacks {text:?}");
    }
    // W03's row shows where it is now, marked as moved; no other row is.
    assert_eq!(after.matches("（已调换）").count(), 1);
    assert!(
        after.contains(&format!("<tr><td>W03</td><td>{}</td><td>B01（已调换）</td></tr>", w03["heat"])),
        "{after}"
    );
    let moved_words = format!("选手 W03 调至第 {} 场 B01 工位，补时 10 分钟，理由：焊机故障", w03["heat"]);
    assert!(run_ok(&["audit", "log", d]).contains(&moved_words), "{moved_words}");
}

#[test]
fn a_draw_out_of_turn_is_refused_and_nothing_is_recorded() {
    let dir = example("draw-refusals");
    let d = s(&dir);
    let records = || run_ok(&["audit", "log", d]).lines().filter(|l| l.starts_with('#')).count();
    assert!(run_err(&["draw", d, "--for", "stations", "--as", "chief"]).contains("工位与场次还没有公布承诺值"));
    assert!(run_err(&["draw", d, "--for", "stations", "--commit", "--as", "sup"]).contains("角色 `sup`（监督）不能“抽签”"));
    assert!(run_err(&["draw", d, "--commit", "--as", "chief"]).contains("请用 `--for stations`"));
    run_ok(&["draw", d, "--for", "stations", "--commit", "--as", "chief"]);
    let open = run_err(&["draw", d, "--for", "stations", "--commit", "--as", "chief"]);
    assert!(open.contains("已公布承诺值（记录 #1）但尚未抽签"), "{open}");
    // The list drawn over changed after the commitment.
    let entries = dir.join("entries.csv");
    let list = std::fs::read_to_string(&entries).unwrap();
    std::fs::write(&entries, format!("{list}W11,孙悦,重型机械厂\n")).unwrap();
    assert!(run_err(&["draw", d, "--for", "stations", "--as", "chief"]).contains("公布承诺值时名单有 10 名选手，现在名单不同（11 名）"));
    // The way on from there: a new commitment, with a reason.
    let changed = dir.join("changed");
    std::fs::create_dir_all(&changed).unwrap();
    for file in ["contest.ron", "entries.csv", "marks.db"] {
        std::fs::copy(dir.join(file), changed.join(file)).unwrap();
    }
    let fewer: String = list.lines().filter(|l| !l.starts_with("W10,")).map(|l| format!("{l}\n")).collect();
    std::fs::write(changed.join("entries.csv"), fewer).unwrap();
    run_ok(&[
        "draw",
        s(&changed),
        "--for",
        "stations",
        "--commit",
        "--as",
        "chief",
        "--reason",
        "名单更正：W10 退赛",
    ]);
    run_ok(&["draw", s(&changed), "--for", "stations", "--as", "chief"]);
    assert!(run_ok(&["draw", s(&changed), "--verify"]).contains("抽签核验通过：1 次抽签"));
    std::fs::write(&entries, &list).unwrap();
    // The stations reordered after the commitment (when the seed sits in the store).
    let contest = dir.join("contest.ron");
    let plan = std::fs::read_to_string(&contest).unwrap();
    std::fs::write(
        &contest,
        plan.replace(r#"["A01", "A02", "A03", "A04", "A05"]"#, r#"["A05", "A04", "A03", "A02", "A01"]"#),
    )
    .unwrap();
    let reordered = run_err(&["draw", d, "--for", "stations", "--as", "chief"]);
    assert!(
        reordered.contains("公布承诺值以后，contest.ron 的工位或场次（`workflow.draw`）改动了"),
        "{reordered}"
    );
    std::fs::write(&contest, &plan).unwrap();
    // A seed changed in the store behind podium's back does not match its commitment.
    let connection = rusqlite::Connection::open(dir.join("marks.db")).unwrap();
    connection
        .execute("UPDATE meta SET value = ?1 WHERE key LIKE 'setting:draw-seed:%'", ["ab".repeat(32)])
        .unwrap();
    drop(connection);
    assert!(run_err(&["draw", d, "--for", "stations", "--as", "chief"]).contains("对应的种子不在评分库中"));
    let before = records();
    assert!(run_err(&["draw", d, "--for", "stations", "--commit", "--as", "chief"]).contains("尚未抽签"));
    assert_eq!(records(), before, "nothing recorded");
    // Too few stations for the entries.
    let text = std::fs::read_to_string(&contest).unwrap().replace("heats: 2,", "heats: 1,");
    let small = example("draw-small");
    std::fs::write(small.join("contest.ron"), text).unwrap();
    assert!(run_err(&["draw", s(&small), "--for", "stations", "--commit", "--as", "chief"])
        .contains("10 名选手，而工位只有 5 个 × 1 场 = 5 个位置"));
    // Codes are drawn once, before any are given — also when they are given between commitment and draw.
    run_ok(&["draw", s(&small), "--for", "codes", "--commit", "--as", "chief"]);
    run_ok(&["codes", s(&small), "--as", "enc"]);
    assert!(run_err(&["draw", s(&small), "--for", "codes", "--as", "chief"]).contains("选手已有加密号，不能再抽检录号"));
    run_ok(&["codes", d, "--as", "enc"]);
    assert!(run_err(&["draw", d, "--for", "codes", "--commit", "--as", "chief"]).contains("选手已有加密号，不能再抽检录号"));
}

#[test]
fn a_redraw_needs_a_reason_and_keeps_the_first_draw() {
    let dir = example("draw-again");
    let d = s(&dir);
    run_ok(&["draw", d, "--for", "order", "--commit", "--as", "org"]);
    run_ok(&["draw", d, "--for", "order", "--as", "org"]);
    let first = shown(d, "order");
    assert!(run_err(&["draw", d, "--for", "order", "--commit", "--as", "org"]).contains("重新抽签须写明理由"));
    run_ok(&["draw", d, "--for", "order", "--commit", "--as", "org", "--reason", "抽签箱封条破损"]);
    run_ok(&["draw", d, "--for", "order", "--as", "org"]);
    let second = shown(d, "order");
    assert_ne!(first["seed"], second["seed"]);
    assert!(run_ok(&["draw", d, "--verify"]).contains("2 次抽签"));
    let log = run_ok(&["audit", "log", d]);
    assert!(
        log.contains(first["seed"].as_str().unwrap()) && log.contains("理由：抽签箱封条破损"),
        "{log}"
    );
    // The sheet to post shows the redraw and its reason.
    let sheet = dir.join("抽签表.html");
    run_ok(&["draw", d, "--for", "order", "--sheet", s(&sheet)]);
    let html = std::fs::read_to_string(&sheet).unwrap();
    assert!(
        html.contains("<h2>重新抽签</h2>") && html.contains("理由：抽签箱封条破损"),
        "{html}"
    );
    assert!(html.contains(second["seed"].as_str().unwrap()));
    // A move made before a redraw belongs to the draw it replaced: not on the new draw's sheet.
    run_ok(&["draw", d, "--for", "stations", "--commit", "--as", "org"]);
    run_ok(&["draw", d, "--for", "stations", "--as", "org"]);
    run_ok(&[
        "draw",
        d,
        "--move",
        "W03",
        "--to",
        "B01",
        "--heat",
        "2",
        "--reason",
        "焊机故障",
        "--as",
        "org",
    ]);
    run_ok(&["draw", d, "--for", "stations", "--commit", "--as", "org", "--reason", "工位图有误"]);
    run_ok(&["draw", d, "--for", "stations", "--as", "org"]);
    run_ok(&["draw", d, "--for", "stations", "--sheet", s(&sheet)]);
    let html = std::fs::read_to_string(&sheet).unwrap();
    assert!(
        html.contains("理由：工位图有误") && !html.contains("焊机故障") && !html.contains("已调换"),
        "{html}"
    );
}
