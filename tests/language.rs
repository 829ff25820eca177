//! One language setting for everything podium says: `--lang` on every
//! command, else `PODIUM_LANG`, else the system locale.

mod common;
use common::*;

/// `podium status` on the construction example with this environment.
fn status(args: &[&str], environment: &[(&str, &str)]) -> String {
    let mut command = podium_command();
    command
        .env_remove("PODIUM_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (name, value) in environment {
        command.env(name, value);
    }
    let out = command.args(["status", "contests/construction"]).args(args).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

const ZH: &str = "按评分项：";
const EN: &str = "by criterion:";

#[test]
fn the_language_comes_from_the_flag_then_podium_lang_then_the_locale() {
    assert!(status(&[], &[("LANG", "zh_CN.UTF-8")]).contains(ZH));
    assert!(status(&[], &[("LANG", "C.UTF-8")]).contains(EN));
    assert!(
        status(&[], &[("LANG", "en_GB.UTF-8"), ("LC_ALL", "zh_TW.UTF-8")]).contains(ZH),
        "LC_ALL comes first"
    );
    assert!(status(&[], &[]).contains(ZH), "no locale at all (Windows): Chinese");
    assert!(status(&[], &[("LANG", "zh_CN.UTF-8"), ("PODIUM_LANG", "en")]).contains(EN));
    assert!(status(&["--lang", "zh"], &[("PODIUM_LANG", "en")]).contains(ZH));
    assert!(status(&["--lang", "en"], &[("LANG", "zh_CN.UTF-8")]).contains(EN));
}

#[test]
fn every_command_takes_lang() {
    for command in [
        "check", "score", "status", "import", "mark", "lock", "audit", "codes", "serve", "gen", "export", "init", "explain", "chart",
        "report", "judges",
    ] {
        let out = podium(&[command, "--lang", "en", "--help"]);
        assert!(out.status.success(), "{command} --lang: {}", stderr(&out));
        assert!(stdout(&out).contains("--lang"), "{command} --help names --lang");
    }
}
