//! Scoring a contest a part of its field at a time, as the marks file is
//! read (`load::Unmarked::scored`, what `podium score` does), gives the
//! results of reading every mark first and scoring the whole field; files
//! it cannot read so are read whole, and bad files are told as `load`
//! tells them.

mod common;
use common::{podium, s, stderr, temp_dir};
use std::path::{Path, PathBuf};

/// Everything a board is made of, to compare two scorings by.
fn said(results: &podium::engine::Results) -> String {
    format!("{:?}", (&results.rows, &results.teams, results.complete))
}

/// The contest read whole and scored.
fn whole(dir: &Path) -> String {
    let inputs = podium::load::load(dir, None).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    said(&podium::engine::score(inputs, &[]))
}

/// The contest scored in parts of about `part_marks` marks, and whether
/// it was read in parts at all.
fn in_parts(dir: &Path, part_marks: usize) -> (String, bool) {
    let unmarked = podium::load::unmarked(dir, None).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let scored = unmarked
        .scored_in_parts_of(part_marks)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    (said(&scored.results), scored.in_parts)
}

/// A copy of a bundled contest's folder, to change.
fn copy_of(contest: &str, name: &str) -> PathBuf {
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("contests").join(contest), name)
}

/// A generated contest of `entries` entries.
fn generated(name: &str, entries: u32) -> PathBuf {
    let dir = temp_dir(name);
    let n = entries.to_string();
    let out = podium(&["gen", s(&dir), "--entries", &n, "--criteria", "6", "--judges", "3", "--seed", "5"]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

/// The marks file's rows (after its header), changed by `change`.
fn change_rows(dir: &Path, change: impl FnOnce(&mut Vec<String>)) {
    let path = dir.join("marks.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut rows = lines.split_off(1);
    change(&mut rows);
    lines.extend(rows);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
}

/// The contest's tie-breaks without `HighestMark`, which reads marks when
/// the field is ranked (a contest with it is read whole).
fn without_highest_mark(dir: &Path) {
    let path = dir.join("contest.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text
        .replace(", HighestMark(\"routine.elements\")", "")
        .replace("HighestMark(\"dives.dives\")", "");
    assert!(!text.contains("HighestMark"));
    std::fs::write(&path, text).unwrap();
}

const PART_SIZES: [usize; 5] = [1, 2, 7, 64, podium::data::marks::PART_MARKS];

#[test]
fn scoring_in_parts_gives_the_results_of_scoring_whole() {
    let mut contests: Vec<PathBuf> = ["construction", "monthly-teams"]
        .iter()
        .map(|c| Path::new(env!("CARGO_MANIFEST_DIR")).join("contests").join(c))
        .collect();
    // Element criteria (dives, a programme's elements), read in parts once
    // their tie-breaks no longer read marks.
    for contest in ["judged-panel", "diving"] {
        let dir = copy_of(contest, &format!("parts-{contest}"));
        without_highest_mark(&dir);
        contests.push(dir);
    }
    contests.push(generated("parts-generated", 400));
    for dir in &contests {
        let expected = whole(dir);
        for part_marks in PART_SIZES {
            let (found, parts) = in_parts(dir, part_marks);
            assert!(parts, "{} was read whole", dir.display());
            assert_eq!(found, expected, "{} in parts of {part_marks}", dir.display());
        }
    }
}

#[test]
fn each_part_is_gathered_in_the_room_of_the_part_before() {
    let dir = generated("parts-room", 400);
    let inputs = podium::load::load(&dir, None).unwrap();
    let mut scorer = podium::engine::PartScorer::new(inputs.clone());
    // A room no part would be gathered in otherwise, to know it again.
    const GIVEN: usize = 5000;
    let mut rooms = Vec::new();
    let read = podium::data::marks::load_in_parts(&dir.join("marks.csv"), (&inputs.rules, &inputs.entries), 1024, &mut |part| {
        let (room, place) = (part.marks.capacity(), part.marks.as_ptr());
        rooms.push(room);
        let given_back = scorer.score(part).expect("a part scored gives back its vector");
        assert!(given_back.is_empty() && given_back.capacity() == room && given_back.as_ptr() == place);
        Some(Vec::with_capacity(GIVEN))
    });
    assert!(read);
    // 400 entries of 18 marks: seven parts of 57 entries and the rest,
    // each after the first gathered in the room given back.
    assert_eq!(rooms.len(), 8);
    assert!(
        rooms[1..].iter().all(|&room| room == GIVEN),
        "every part after the first is gathered in the room given"
    );
    assert_eq!(said(&scorer.finish()), whole(&dir));
}

#[test]
fn entries_without_marks_anywhere_in_the_file_are_scored_as_whole() {
    let dir = generated("parts-gaps", 60);
    let entry = |row: &str| row.split(',').next().unwrap().to_string();
    change_rows(&dir, |rows| {
        // The first entry, two in the middle and the last have no marks; another
        // lacks one.
        let first = entry(&rows[0]);
        let last = entry(rows.last().unwrap());
        let middle = [entry(&rows[rows.len() / 2]), entry(&rows[rows.len() / 2 + 200])];
        rows.retain(|row| {
            let e = entry(row);
            e != first && e != last && !middle.contains(&e)
        });
        rows.remove(rows.len() / 3);
    });
    let expected = whole(&dir);
    assert!(expected.ends_with("false)"), "marking is incomplete");
    for part_marks in PART_SIZES {
        assert_eq!(in_parts(&dir, part_marks), (expected.clone(), true), "in parts of {part_marks}");
    }
}

#[test]
fn files_that_cannot_be_read_in_parts_are_read_whole() {
    let base = generated("parts-order", 80);
    let expected = whole(&base);
    // The entries' rows in the opposite order; an entry's rows apart; a cell
    // marked twice (an error `load` names).
    let reversed = copy_dir(&base, "parts-reversed");
    change_rows(&reversed, |rows| rows.reverse());
    let apart = copy_dir(&base, "parts-apart");
    change_rows(&apart, |rows| {
        let moved = rows.remove(5);
        rows.push(moved);
    });
    for dir in [&reversed, &apart] {
        assert_eq!(in_parts(dir, 16), (expected.clone(), false), "{}", dir.display());
    }
    // A bundled contest with a late sheet (W04's marks after W20's), and
    // one whose tie-breaks read marks after scoring.
    for contest in ["skills-duel", "diving"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("contests").join(contest);
        assert_eq!(in_parts(&dir, 16), (whole(&dir), false), "{contest}");
    }
}

#[test]
fn a_bad_file_is_told_as_load_tells_it() {
    let base = generated("parts-bad", 50);
    let twice = copy_dir(&base, "parts-twice");
    change_rows(&twice, |rows| {
        let again = rows[3].clone();
        rows.insert(4, again);
    });
    let bad_value = copy_dir(&base, "parts-bad-value");
    change_rows(&bad_value, |rows| {
        let last = rows.pop().unwrap();
        let (cells, _) = last.rsplit_once(',').unwrap();
        rows.push(format!("{cells},ten"));
    });
    for dir in [&twice, &bad_value] {
        let told = podium::load::load(dir, None).err().expect("a bad file").to_string();
        for part_marks in [1, 16, podium::data::marks::PART_MARKS] {
            let unmarked = podium::load::unmarked(dir, None).unwrap();
            let found = unmarked.scored_in_parts_of(part_marks).err().expect("a bad file").to_string();
            assert_eq!(found, told, "{} in parts of {part_marks}", dir.display());
        }
    }
}

/// A copy of a contest folder.
fn copy_dir(from: &Path, name: &str) -> PathBuf {
    let dir = temp_dir(name);
    for file in std::fs::read_dir(from).unwrap() {
        let file = file.unwrap();
        std::fs::copy(file.path(), dir.join(file.file_name())).unwrap();
    }
    dir
}
