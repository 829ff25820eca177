//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod serve;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The podium binary, speaking Chinese unless told otherwise (`--lang`),
/// whatever the machine's locale: the tests' outputs do not depend on it.
pub fn podium_command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_podium"));
    command.env("PODIUM_LANG", "zh");
    command
}

pub fn podium(args: &[&str]) -> Output {
    podium_command()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("podium runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 output")
}

/// Runs podium and expects success: its standard output.
pub fn run_ok(args: &[&str]) -> String {
    let out = podium(args);
    assert!(out.status.success(), "podium {args:?} failed:\n{}", stderr(&out));
    stdout(&out)
}

/// Runs podium and expects it to fail: its standard error.
pub fn run_err(args: &[&str]) -> String {
    let out = podium(args);
    assert!(!out.status.success(), "podium {args:?} should fail:\n{}", stdout(&out));
    stderr(&out)
}

/// Runs podium in English (for tests of messages not yet in the catalogue,
/// and of the English catalogue).
pub fn podium_en(args: &[&str]) -> Output {
    let mut command = podium_command();
    command.env("PODIUM_LANG", "en");
    command
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("podium runs")
}

/// Runs podium in English and expects it to fail: its standard error.
pub fn run_err_en(args: &[&str]) -> String {
    let out = podium_en(args);
    assert!(!out.status.success(), "podium {args:?} should fail:\n{}", stdout(&out));
    stderr(&out)
}

/// A path as a command-line argument.
pub fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A fresh, empty folder for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("podium-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A contest folder with these three files.
pub fn contest_dir(name: &str, contest: &str, entries: &str, marks: &str) -> PathBuf {
    let dir = temp_dir(name);
    std::fs::write(dir.join("contest.ron"), contest).unwrap();
    std::fs::write(dir.join("entries.csv"), entries).unwrap();
    std::fs::write(dir.join("marks.csv"), marks).unwrap();
    dir
}

/// Compares `actual` with the golden file, or rewrites it when PODIUM_BLESS is set.
pub fn assert_golden(path: &Path, actual: &str) {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var_os("PODIUM_BLESS").is_some() {
        std::fs::write(&full, actual).unwrap();
        return;
    }
    let expected =
        std::fs::read_to_string(&full).unwrap_or_else(|_| panic!("missing golden file {}; run with PODIUM_BLESS=1", full.display()));
    if expected != actual {
        let first = expected.lines().zip(actual.lines()).position(|(a, b)| a != b).unwrap_or(0);
        panic!(
            "{} differs from the output at line {}:\n  golden: {:?}\n  actual: {:?}\n(re-bless with PODIUM_BLESS=1 after checking the change by hand)",
            full.display(),
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}
