//! Award charts: every kind for every example, as PNG (decoded: right size,
//! not blank, text drawn) and as SVG (self-contained: glyphs as shapes, no
//! fonts or files fetched from anywhere).

mod common;
use common::*;

const EXAMPLES: [&str; 4] = ["construction", "skills-duel", "judged-panel", "monthly-teams"];
const KINDS: [&str; 6] = ["leaderboard", "categories", "radar", "divisions", "judges", "distribution"];

/// The PNG's size and its RGB pixels.
fn decode(path: &std::path::Path) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgb);
    pixels.truncate(info.buffer_size());
    (info.width, info.height, pixels)
}

/// The share of pixels that are not white in rows `rows` (fractions of the height).
fn ink(width: u32, height: u32, pixels: &[u8], rows: std::ops::Range<f64>) -> f64 {
    let (from, to) = ((rows.start * height as f64) as usize, (rows.end * height as f64) as usize);
    let row = width as usize * 3;
    let area = &pixels[from * row..to * row];
    let inked = area.chunks(3).filter(|p| p.iter().any(|&c| c < 240)).count();
    inked as f64 / (area.len() / 3) as f64
}

#[test]
fn every_chart_of_every_example_draws_as_png() {
    let dir = temp_dir("charts-png");
    for name in EXAMPLES {
        for kind in KINDS {
            let file = dir.join(format!("{name}-{kind}.png"));
            let out = podium(&["chart", &format!("contests/{name}"), kind, "-o", file.to_str().unwrap()]);
            assert!(out.status.success(), "{name} {kind}: {}", stderr(&out));
            let (width, height, pixels) = decode(&file);
            assert_eq!((width, height), (1920, 1080), "{name} {kind}");
            // The title is drawn (text at the top) and so is the chart below it.
            let title = ink(width, height, &pixels, 0.02..0.08);
            let body = ink(width, height, &pixels, 0.12..0.95);
            assert!(title > 0.02, "{name} {kind}: no title ({title})");
            assert!(body > 0.01 && body < 0.95, "{name} {kind}: blank or flooded chart ({body})");
            let colours: std::collections::HashSet<&[u8]> = pixels.chunks(3).collect();
            assert!(colours.len() > 20, "{name} {kind}: only {} colours", colours.len());
        }
    }
}

#[test]
fn every_chart_of_every_example_draws_as_self_contained_svg() {
    let dir = temp_dir("charts-svg");
    for name in EXAMPLES {
        for kind in KINDS {
            let file = dir.join(format!("{name}-{kind}.svg"));
            let out = podium(&[
                "chart",
                &format!("contests/{name}"),
                kind,
                "-o",
                file.to_str().unwrap(),
                "--lang",
                "en",
            ]);
            assert!(out.status.success(), "{name} {kind}: {}", stderr(&out));
            let svg = std::fs::read_to_string(&file).unwrap();
            assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "{name} {kind}");
            // No text left for a viewer's fonts, nothing fetched from outside.
            for outside in ["<text", "font-family", "href", "url(", "@import", "<image"] {
                assert!(!svg.contains(outside), "{name} {kind}: the SVG has `{outside}`");
            }
            let without_namespace = svg.replace("http://www.w3.org/2000/svg", "");
            assert!(!without_namespace.contains("http"), "{name} {kind}: refers to a web address");
            // The words survive as glyph outlines, titled for screen readers and search.
            assert!(svg.contains("<path d=\"M") && svg.contains("<title>"), "{name} {kind}: no glyphs");
        }
    }
    let svg = std::fs::read_to_string(dir.join("construction-leaderboard.svg")).unwrap();
    assert!(
        svg.contains("<title>2026 District Construction Labour Contest"),
        "the contest's English name is drawn"
    );
}

#[test]
fn chinese_labels_come_from_the_contest() {
    let dir = temp_dir("charts-zh");
    let file = dir.join("radar.svg");
    let out = podium(&["chart", "contests/construction", "radar", "-o", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let svg = std::fs::read_to_string(&file).unwrap();
    for label in ["比质量", "比安全", "比高效", "比创新", "比作风", "能力画像"] {
        assert!(svg.contains(&format!("{label}</title>")), "radar lacks {label}");
    }
}

#[test]
fn sizes_suit_print_and_screen() {
    let dir = temp_dir("charts-size");
    for (size, expected) in [("a4", (3508, 2480)), ("800x600", (800, 600)), ("a4-portrait", (2480, 3508))] {
        let file = dir.join(format!("{size}.png"));
        let out = podium(&[
            "chart",
            "contests/skills-duel",
            "leaderboard",
            "--size",
            size,
            "-o",
            file.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{size}: {}", stderr(&out));
        let (width, height, pixels) = decode(&file);
        assert_eq!((width, height), expected);
        assert!(ink(width, height, &pixels, 0.12..0.95) > 0.01, "{size}: blank");
    }
    let out = podium_en(&["chart", "contests/skills-duel", "leaderboard", "--size", "big"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("WIDTHxHEIGHT"), "{}", stderr(&out));
}

#[test]
fn a_name_outside_the_font_is_refused_with_its_character_not_drawn_as_a_box() {
    let dir = temp_dir("charts-glyph");
    for file in ["contest.ron", "marks.csv", "elements.csv"] {
        std::fs::copy(format!("contests/judged-panel/{file}"), dir.join(file)).unwrap();
    }
    let entries = std::fs::read_to_string("contests/judged-panel/entries.csv").unwrap();
    let first_name = entries.lines().nth(1).unwrap().split(',').nth(1).unwrap().to_string();
    std::fs::write(dir.join("entries.csv"), entries.replacen(&first_name, "王堃", 1)).unwrap();
    let out = podium(&[
        "chart",
        dir.to_str().unwrap(),
        "leaderboard",
        "-o",
        dir.join("x.png").to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let message = stderr(&out);
    assert!(
        message.contains("王堃") && message.contains("U+5803") && message.contains("--font"),
        "{message}"
    );
    assert!(!dir.join("x.png").exists(), "nothing is written");
}

#[test]
fn a_radar_of_chosen_entries_and_a_comparison_by_organisation() {
    let dir = temp_dir("charts-options");
    let file = dir.join("radar.svg");
    let out = podium(&[
        "chart",
        "contests/construction",
        "radar",
        "--entry",
        "C03",
        "--entry",
        "C08",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = podium(&["chart", "contests/construction", "radar", "--entry", "C99"]);
    assert!(stderr(&out).contains("no entry `C99`"), "{}", stderr(&out));
    let file = dir.join("orgs.png");
    let out = podium(&[
        "chart",
        "contests/skills-duel",
        "divisions",
        "--by",
        "organisation",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = podium(&["chart", "contests/skills-duel", "divisions", "--by", "shoe"]);
    assert!(stderr(&out).contains("`shoe` is not a division"), "{}", stderr(&out));
}

/// The contest names its fields (`fields: [("trade", (zh: "工种", …))]`):
/// the chart and the report say 工种, never the field's id.
#[test]
fn charts_and_the_report_call_a_field_by_its_label() {
    let dir = temp_dir("field-labels");
    let svg = dir.join("divisions.svg");
    run_ok(&["chart", "contests/skills-duel", "divisions", "-o", svg.to_str().unwrap()]);
    let drawn = std::fs::read_to_string(&svg).unwrap();
    assert!(drawn.contains("按 工种 分组") && !drawn.contains("trade"), "{drawn}");
    // Prizes per trade: an award line per trade; the gold gear, for the best of all, one line.
    let svg = dir.join("distribution.svg");
    run_ok(&["chart", "contests/skills-duel", "distribution", "-o", svg.to_str().unwrap()]);
    let drawn = std::fs::read_to_string(&svg).unwrap();
    for line in ["一等奖 · welder ≥ 93.06", "一等奖 · electrician ≥ 90.98", "金齿轮奖 ≥ 99.28"] {
        assert!(drawn.contains(line), "{line} in {drawn}");
    }
    let report = dir.join("report.html");
    run_ok(&["report", "contests/skills-duel", "-o", report.to_str().unwrap()]);
    let page = std::fs::read_to_string(&report).unwrap();
    assert!(
        page.contains("<h2>工种 · welder</h2>") && !page.contains("<h2>trade"),
        "the report's division boards"
    );
}
