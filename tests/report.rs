//! The contest report: one HTML file that needs nothing else, with every
//! part the organiser prints, checked as text and in headless Chromium
//! (screenshots in target/screenshots).

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

const EXAMPLES: [&str; 6] = [
    "construction",
    "skills-duel",
    "judged-panel",
    "monthly-teams",
    "knockout",
    "district-duel",
];

/// Writes the example's report into a folder of `test`'s own (tests run at once).
fn report(test: &str, name: &str, lang: &str) -> (PathBuf, String) {
    let dir = temp_dir(&format!("report-{test}-{name}-{lang}"));
    let file = dir.join("report.html");
    let out = podium(&["report", &format!("contests/{name}"), "-o", file.to_str().unwrap(), "--lang", lang]);
    assert!(out.status.success(), "{name}: {}", stderr(&out));
    let html = std::fs::read_to_string(&file).unwrap();
    (file, html)
}

/// The words a reader sees: tags, the embedded font and SVG paths removed.
fn visible_text(html: &str) -> String {
    let body = &html[html.find("<body>").unwrap()..];
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

#[test]
fn the_report_has_every_part_and_needs_nothing_else() {
    for name in EXAMPLES {
        let (_, html) = report("parts", name, "zh");
        for id in ["summary", "leaderboard", "charts", "breakdown", "rules"] {
            assert!(html.contains(&format!("<h2 id=\"{id}\">")), "{name}: no {id} section");
        }
        assert_eq!(html.matches("<svg").count(), 6, "{name}: every chart kind inline");
        assert!(!html.contains("<text"), "{name}: chart text is drawn as glyph outlines");
        for outside in ["http://", "https://", "<script", "<link", "<img", "src=\""] {
            let without_svg_namespace = html.replace("http://www.w3.org/2000/svg", "");
            assert!(!without_svg_namespace.contains(outside), "{name}: refers outside itself: {outside}");
        }
        // The rules in both languages, from the same contest.
        assert!(
            html.contains("<section lang=\"zh-CN\">") && html.contains("<section lang=\"en\">"),
            "{name}"
        );
        // Every character a reader sees is in the embedded font: no fallback, no boxes.
        podium::chart::font::install(None).unwrap();
        let missing = podium::chart::font::missing(&visible_text(&html));
        assert!(missing.is_empty(), "{name}: characters outside the embedded font: {missing:?}");
    }
}

#[test]
fn the_rules_in_words_say_what_computed_the_results() {
    let (_, html) = report("rules", "construction", "zh");
    for words in [
        "总分满分 100 分，总分越高越好。",
        "比质量（quality）：占 30 分",
        "5 人时去掉 1 个最高分和 1 个最低分后取平均",
        "发生重大安全事故：当 safety.major_accident &gt; 0 时，取消一切评奖资格（仍排名）。",
        "The total is out of 100; higher totals rank first.",
        "with 5 marks, the mean after dropping the 1 highest and 1 lowest",
        "Entries still equal share a place, and the next place is skipped (1, 2, 2, 4).",
    ] {
        assert!(html.contains(words), "the rules lack: {words}");
    }
    let (_, html) = report("rules", "judged-panel", "en");
    assert!(html.contains("Scores by category") && html.contains("Award"), "English labels");
}

/// The part of the report from one `<h2 id=...>` to the next heading.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html.find(&format!("<h2 id=\"{id}\">")).unwrap_or_else(|| panic!("no section {id}"));
    let rest = &html[start + 4..];
    &html[start..start + 4 + rest.find("<h2").unwrap_or(rest.len())]
}

/// The `class` of the board row of `entry` in a part of the report.
fn row_class<'a>(part: &'a str, entry: &str) -> &'a str {
    let cell = part.find(&format!("<td>{entry}</td>")).unwrap_or_else(|| panic!("no row {entry}"));
    let row = &part[part[..cell].rfind("<tr").unwrap()..cell];
    row.split("class=\"").nth(1).map_or("", |c| &c[..c.find('"').unwrap()])
}

#[test]
fn a_contest_in_stages_reports_each_stage_with_its_qualifiers_marked() {
    // The knock-out: F11 won its pair with 72.33 and goes on; F16 lost
    // with 74.33, more points, and was not among the two best losers.
    let (_, zh) = report("stages", "knockout", "zh");
    let order: Vec<usize> = ["leaderboard", "stage-ko", "stage-final", "charts"]
        .iter()
        .map(|id| zh.find(&format!("<h2 id=\"{id}\">")).unwrap_or_else(|| panic!("no {id}")))
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "the stages follow the classification: {order:?}"
    );
    let ko = section(&zh, "stage-ko");
    assert!(
        ko.contains(">第一轮淘汰赛成绩</h2>") && ko.contains("参赛 16 人，晋级 10 人"),
        "{ko}"
    );
    assert!(ko.contains("<th class=\"n\">晋级</th>") && ko.contains("<th class=\"n\">本轮名次</th>"));
    assert_eq!(row_class(ko, "F11"), "through");
    assert_eq!(row_class(ko, "F16"), "out");
    assert_eq!(
        ko.matches("class=\"through\"").count() + ko.matches("class=\"tied through\"").count(),
        10
    );
    // The final: ten took part, nobody goes on from it, its places are the last word.
    let last = section(&zh, "stage-final");
    assert!(last.contains("参赛 10 人；本赛段为最后赛段，其名次即最终名次。"), "{last}");
    assert!(!last.contains("through") && !last.contains("<th class=\"n\">晋级</th>"));
    // The summary counts the contest's criteria, not the classification's none.
    assert!(zh.contains("<dt>评分项</dt><dd>2</dd>"), "criteria counted");
    for words in [
        "本竞赛分 2 个赛段依次进行。",
        "第 1 赛段“第一轮淘汰赛”（`ko`）：比赛内容为第一轮；全体选手参加；不带入此前赛段的成绩；\
         按“对阵”分组对阵：每组前 1 名晋级，其余选手中总分最好的 2 名也晋级，与末位并列者全部晋级。",
        "第 2 赛段“决赛轮”（`final`）：比赛内容为第二轮；“第一轮淘汰赛”的晋级者参加；\
         本赛段得分另加“第一轮淘汰赛”总分的 100%；为最后赛段，其名次即最终名次。",
        "Stage 1, Knock-out round (`ko`): scores Run 1; every entry takes part; no earlier total is carried in; \
         entries with the same Pair meet in a heat: the best 1 of each heat go on, then the best 2 of all the others",
    ] {
        assert!(zh.contains(words), "the rules lack: {words}");
    }

    let (_, en) = report("stages", "district-duel", "en");
    let prelim = section(&en, "stage-prelim");
    assert!(prelim.contains(">Standings after Theory preliminary</h2>"), "{}", &prelim[..200]);
    assert!(prelim.contains("<th class=\"n\">Advanced</th>"));
    for words in [
        "the best 30 go on, and everyone tied with the 30th goes on too",
        "25% of the Theory preliminary total is added to the stage&#39;s own score",
        "In Practical final: With equal totals, step 1: higher Practical task score first.",
        "“实操决赛”赛段：总分相同时，第 1 步：类别“实际操作”得分高者在前。",
    ] {
        assert!(en.contains(words), "the rules lack: {words}");
    }
}

/// Debian's Chromium, or None (then the test is skipped, except in CI).
fn chromium() -> Option<&'static Path> {
    let path = Path::new("/usr/bin/chromium");
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var("CI").is_err(),
        "CI needs /usr/bin/chromium for the browser tests: .ci/run installs chromium"
    );
    eprintln!("skipped: /usr/bin/chromium is not installed (apt-get install chromium)");
    None
}

fn headless(browser: &Path, profile: &Path, args: &[&str]) -> std::process::Output {
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            // Let the embedded font load before the page is captured.
            "--virtual-time-budget=15000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("chromium runs")
}

#[test]
fn the_report_opens_in_headless_chromium_with_its_font_and_no_broken_images() {
    let Some(browser) = chromium() else { return };
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    for name in ["construction", "skills-duel"] {
        let (file, html) = report("browser", name, "zh");
        let dir = file.parent().unwrap();
        // A copy with a probe that writes what the browser loaded into the page.
        let probe = "<script>document.fonts.ready.then(() => { \
            const faces = [...document.fonts].map(f => f.family + ':' + f.status).join('|'); \
            const broken = [...document.images].filter(i => !i.complete || i.naturalWidth === 0).length; \
            const svgs = [...document.querySelectorAll('svg')].filter(s => s.getBoundingClientRect().width > 100).length; \
            document.body.setAttribute('data-probe', faces + ';broken=' + broken + ';svgs=' + svgs); });</script>";
        let probed = dir.join("probed.html");
        std::fs::write(&probed, html.replace("</body>", &format!("{probe}</body>"))).unwrap();
        let out = headless(
            browser,
            &dir.join("profile"),
            &["--dump-dom", &format!("file://{}", probed.display())],
        );
        let dom = String::from_utf8_lossy(&out.stdout);
        assert!(
            dom.contains("data-probe=\"Podium Sans:loaded;broken=0;svgs=6\""),
            "{name}: {}",
            dom.split("data-probe").nth(1).map_or("no probe result", |s| &s[..s.len().min(120)])
        );
        // And a screenshot of the page as a reader first sees it.
        let shot = shots.join(format!("report-{name}.png"));
        let _ = std::fs::remove_file(&shot);
        let out = headless(
            browser,
            &dir.join("profile"),
            &[
                "--window-size=1280,2400",
                &format!("--screenshot={}", shot.display()),
                &format!("file://{}", file.display()),
            ],
        );
        assert!(shot.exists(), "{name}: no screenshot: {}", String::from_utf8_lossy(&out.stderr));
        let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&shot).unwrap()));
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut pixels).unwrap();
        assert_eq!((info.width, info.height), (1280, 2400));
        let channels = info.buffer_size() / (info.width * info.height) as usize;
        // The heading's text is drawn: dark pixels in the top band.
        let top_band = &pixels[..info.line_size * 80];
        let dark = top_band.chunks(channels).filter(|p| p[..3].iter().all(|&c| c < 100)).count();
        assert!(dark > 500, "{name}: the heading did not render ({dark} dark pixels)");
    }
}
