//! `podium init`: a new contest folder from a bundled example, ready to edit.

use std::path::Path;

/// (name, description, files) of each bundled example in `contests/`.
type Template = (&'static str, &'static str, &'static [(&'static str, &'static str)]);

macro_rules! files {
    ($dir:literal: $($file:literal),*) => {
        &[$(($file, include_str!(concat!("../../contests/", $dir, "/", $file)))),*]
    };
}

pub const TEMPLATES: &[Template] = &[
    (
        "construction",
        "五比五赛 construction labour contest: teams, deductions, bonuses, a safety veto",
        files!("construction": "contest.ron", "entries.csv", "marks.csv"),
    ),
    (
        "skills-duel",
        "district skills duel for electricians and welders: measurement and judgement, prizes per trade",
        files!("skills-duel": "contest.ron", "entries.csv", "marks.csv"),
    ),
    (
        "judged-panel",
        "judged-panel event: elements with difficulty, 5 or 7 judges dropping extremes",
        files!("judged-panel": "contest.ron", "entries.csv", "marks.csv", "elements.csv"),
    ),
    (
        "monthly-teams",
        "monthly assessment of work teams: vetoes and caps",
        files!("monthly-teams": "contest.ron", "entries.csv", "marks.csv"),
    ),
];

pub fn run(dir: Option<&Path>, template: &str, list: bool) -> Result<(), String> {
    let Some(dir) = dir.filter(|_| !list) else {
        for (name, description, _) in TEMPLATES {
            println!("{name:14} {description}");
        }
        return Ok(());
    };
    let Some((_, _, files)) = TEMPLATES.iter().find(|t| t.0 == template) else {
        let names = TEMPLATES.iter().map(|t| t.0);
        return Err(format!(
            "init: no template `{template}`; {}",
            crate::error::suggest(template, names)
        ));
    };
    if dir.join(crate::contest::CONTEST_FILE).exists() {
        return Err(format!(
            "init: {} already holds a contest.ron; choose a new folder so nothing is overwritten",
            dir.display()
        ));
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("init: cannot create {}: {e}", dir.display()))?;
    for (name, text) in *files {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| format!("init: cannot write {}: {e}", path.display()))?;
    }
    println!(
        "made {} from `{template}`: edit contest.ron, then run `podium check {}`",
        dir.display(),
        dir.display()
    );
    Ok(())
}
