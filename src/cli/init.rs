//! `podium init`: a new contest folder from a bundled example, ready to edit.

use crate::msg;
use std::path::Path;

/// (name, description, files) of each bundled example in `contests/`.
type Template = (&'static str, &'static str, &'static [(&'static str, &'static str)]);

macro_rules! files {
    ($dir:literal: $($file:literal),*) => {
        &[$(($file, include_str!(concat!("../../contests/", $dir, "/", $file)))),*]
    };
}

/// (name, the catalogue's id of its description, files).
pub const TEMPLATES: &[Template] = &[
    (
        "construction",
        "init-template-construction",
        files!("construction": "contest.ron", "entries.csv", "marks.csv"),
    ),
    (
        "skills-duel",
        "init-template-skills-duel",
        files!("skills-duel": "contest.ron", "entries.csv", "marks.csv"),
    ),
    (
        "judged-panel",
        "init-template-judged-panel",
        files!("judged-panel": "contest.ron", "entries.csv", "marks.csv", "elements.csv"),
    ),
    (
        "monthly-teams",
        "init-template-monthly-teams",
        files!("monthly-teams": "contest.ron", "entries.csv", "marks.csv"),
    ),
    (
        "district-duel",
        "init-template-district-duel",
        files!("district-duel": "contest.ron", "entries.csv", "marks.csv"),
    ),
    (
        "three-rounds",
        "init-template-three-rounds",
        files!("three-rounds": "contest.ron", "entries.csv", "marks.csv"),
    ),
    (
        "knockout",
        "init-template-knockout",
        files!("knockout": "contest.ron", "entries.csv", "marks.csv"),
    ),
    (
        "campaign-district",
        "init-template-campaign-district",
        files!("campaign-district": "campaign.ron",
            "enterprise-a/contest.ron", "enterprise-a/entries.csv", "enterprise-a/marks.csv",
            "enterprise-b/contest.ron", "enterprise-b/entries.csv", "enterprise-b/marks.csv",
            "town/contest.ron", "town/entries.csv", "town/marks.csv", "town/marks-to-import.csv"),
    ),
];

pub fn run(dir: Option<&Path>, template: &str, list: bool) -> Result<(), String> {
    let Some(dir) = dir.filter(|_| !list) else {
        for (name, description, _) in TEMPLATES {
            let description = crate::i18n::say(crate::i18n::spoken(), description, &[]);
            println!("{name:18} {description}");
        }
        return Ok(());
    };
    let Some((_, _, files)) = TEMPLATES.iter().find(|t| t.0 == template) else {
        let names = TEMPLATES.iter().map(|t| t.0);
        return Err(msg!(
            "init-no-template",
            template = template,
            suggestion = crate::error::suggest(template, names)
        )
        .to_string());
    };
    // The first file is the one that makes the folder what it is
    // (contest.ron, or a campaign's campaign.ron).
    if dir.join(crate::contest::CONTEST_FILE).exists() || dir.join(files[0].0).exists() {
        return Err(msg!("init-exists", dir = dir.display()).to_string());
    }
    std::fs::create_dir_all(dir).map_err(|e| msg!("init-cannot-create", dir = dir.display(), error = e).to_string())?;
    for (name, text) in *files {
        let path = dir.join(name);
        // A campaign's contests are folders of its own.
        if let Some(parent) = path.parent().filter(|p| *p != dir) {
            std::fs::create_dir_all(parent).map_err(|e| msg!("init-cannot-create", dir = parent.display(), error = e).to_string())?;
        }
        std::fs::write(&path, text).map_err(|e| msg!("init-cannot-write", path = path.display(), error = e).to_string())?;
    }
    if files[0].0 == crate::campaign::CAMPAIGN_FILE {
        println!("{}", msg!("init-made-campaign", dir = dir.display(), template = template));
    } else {
        println!("{}", msg!("init-made", dir = dir.display(), template = template));
    }
    Ok(())
}
