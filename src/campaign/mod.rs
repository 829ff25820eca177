//! Campaigns: the levels of a skills duel (enterprise → town → district →
//! city), one contest folder per level and trade, named in `campaign.ron`
//! (documented in docs/contest-format.md, "Campaigns"). The winners of one
//! level become the entries of the next with `podium advance` (`advance`),
//! keeping where they came from; `podium campaign` shows the whole campaign
//! (`board`).

pub mod advance;
pub mod board;

use crate::contest::{ron_diagnostic, ron_options, Label};
use crate::error::{suggestion, Diagnostics};
use crate::msg;
use crate::store::Store;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The file that makes a folder a campaign.
pub const CAMPAIGN_FILE: &str = "campaign.ron";

/// The entries-file columns that say where an advanced entry came from:
/// the source contest's id and its place there.
pub const FROM_CONTEST: &str = "from_contest";
pub const FROM_PLACE: &str = "from_place";

/// `campaign.ron` as an organiser writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Campaign")]
pub struct Campaign {
    pub id: String,
    pub name: Label,
    /// The levels, lowest first: the order entries go on in.
    pub levels: Vec<Named>,
    /// The trades (工种) the campaign runs.
    pub trades: Vec<Named>,
    /// Which contest folder is which level and trade.
    pub contests: Vec<Member>,
}

/// A level or a trade: an id the contests name, and its label.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Named {
    pub id: String,
    pub label: Label,
}

/// One contest of the campaign.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Contest")]
pub struct Member {
    /// The contest's folder, relative to the campaign's.
    pub folder: String,
    pub level: String,
    pub trade: String,
}

/// A campaign read and checked: its file, and each contest's folder.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub path: PathBuf,
    pub campaign: Campaign,
}

impl Loaded {
    /// The campaign's folder.
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    /// A contest's folder.
    pub fn folder(&self, member: &Member) -> PathBuf {
        self.dir().join(&member.folder)
    }

    /// The contests in the order the board shows them: by level (lowest
    /// first), then trade, each as listed.
    pub fn ordered(&self) -> Vec<&Member> {
        let c = &self.campaign;
        let position = |list: &[Named], id: &str| list.iter().position(|n| n.id == id).unwrap_or(usize::MAX);
        let mut members: Vec<&Member> = c.contests.iter().collect();
        members.sort_by_key(|m| (position(&c.levels, &m.level), position(&c.trades, &m.trade)));
        members
    }

    pub fn level(&self, id: &str) -> Option<&Named> {
        self.campaign.levels.iter().find(|l| l.id == id)
    }

    pub fn trade(&self, id: &str) -> Option<&Named> {
        self.campaign.trades.iter().find(|t| t.id == id)
    }
}

/// A CAMPAIGN argument: a folder holding `campaign.ron`, or the file.
fn campaign_file(arg: &Path) -> PathBuf {
    if arg.is_dir() {
        arg.join(CAMPAIGN_FILE)
    } else {
        arg.to_path_buf()
    }
}

/// Reads and checks `campaign.ron`: every problem positioned as in
/// contest.ron (an unknown level or trade, a folder that is not a contest,
/// a folder or id named twice).
pub fn load(arg: &Path) -> Result<Loaded, Diagnostics> {
    let path = campaign_file(arg);
    let source = crate::data::read_text(&path).map_err(|mut d| {
        if !path.exists() {
            d.help = Some(msg!("campaign-not-found-help", file = CAMPAIGN_FILE));
        }
        d
    })?;
    let campaign: Campaign = ron_options().from_str(&source).map_err(|e| ron_diagnostic(&path, &e))?;
    let loaded = Loaded { path, campaign };
    check(&loaded, &source).into_result(loaded)
}

/// What serde cannot see: names that must match, folders that must exist.
fn check(loaded: &Loaded, source: &str) -> Diagnostics {
    let c = &loaded.campaign;
    let mut problems = Diagnostics::default();
    let mut problem = |field: String, anchors: &[&str], message, help: Option<crate::i18n::Text>| {
        problems.push(crate::contest::placed(&loaded.path, source, field, anchors, message, help));
    };
    for (list, section) in [(&c.levels, "levels"), (&c.trades, "trades")] {
        for (i, named) in list.iter().enumerate() {
            if list[..i].iter().any(|n| n.id == named.id) {
                let anchor = quoted(&named.id);
                // The second time it is written.
                let first = format!("{section}[{i}].id");
                problem(first, &[section, &anchor, &anchor], msg!("campaign-id-twice", id = &named.id), None);
            }
        }
    }
    // Provenance names a contest by its id: two contests with one id (a
    // folder copied and not renamed inside) would be told apart by nobody.
    let mut contest_ids: Vec<(String, &str)> = Vec::new();
    for (i, member) in c.contests.iter().enumerate() {
        let at = quoted(&member.folder);
        for (list, value, name) in [(&c.levels, &member.level, "level"), (&c.trades, &member.trade, "trade")] {
            if !list.iter().any(|n| n.id == *value) {
                let ids = list.iter().map(|n| n.id.as_str());
                problem(
                    format!("contests[{i}].{name}"),
                    &["contests", &at, &quoted(value)],
                    if name == "level" {
                        msg!("campaign-unknown-level", id = value)
                    } else {
                        msg!("campaign-unknown-trade", id = value)
                    },
                    Some(suggestion(value, ids)),
                );
            }
        }
        let field = format!("contests[{i}].folder");
        if c.contests[..i].iter().any(|m| m.folder == member.folder) {
            problem(
                field,
                &["contests", &at, &at],
                msg!("campaign-folder-twice", folder = &member.folder),
                None,
            );
        } else if !loaded.folder(member).join(crate::contest::CONTEST_FILE).is_file() {
            let help = msg!("campaign-folder-help", file = crate::contest::CONTEST_FILE);
            problem(
                field,
                &["contests", &at],
                msg!("campaign-not-a-contest", folder = &member.folder),
                Some(help),
            );
        } else if let Some(id) = contest_id(loaded, member) {
            match contest_ids.iter().find(|(seen, _)| *seen == id) {
                Some((_, first)) => {
                    let message = msg!("campaign-contest-id-twice", folder = &member.folder, first = first, id = &id);
                    problem(field, &["contests", &at], message, Some(msg!("campaign-contest-id-help")));
                }
                None => contest_ids.push((id, &member.folder)),
            }
        }
    }
    problems
}

/// The `id` of a member's contest, if its contest.ron reads (when it does
/// not, the board reports why).
fn contest_id(loaded: &Loaded, member: &Member) -> Option<String> {
    let path = loaded.folder(member).join(crate::contest::CONTEST_FILE);
    let text = std::fs::read_to_string(path).ok()?;
    let contest: crate::contest::Contest = ron_options().from_str(&text).ok()?;
    Some(contest.id)
}

fn quoted(text: &str) -> String {
    format!("\"{text}\"")
}

/// Where a contest is in its life: open for marks, locked whole, or published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Open,
    Locked,
    Published,
}

impl State {
    /// The id scripts read (JSON, `--format csv` with ids).
    pub fn id(self) -> &'static str {
        match self {
            State::Open => "open",
            State::Locked => "locked",
            State::Published => "published",
        }
    }

    /// The state in words.
    pub fn said(self) -> crate::i18n::Text {
        match self {
            State::Open => msg!("campaign-state-open"),
            State::Locked => msg!("campaign-state-locked"),
            State::Published => msg!("campaign-state-published"),
        }
    }
}

/// The contest's state as its mark store records it: locked only when the
/// whole contest is (a locked criterion leaves the rest open). A contest
/// without a store has never been locked.
pub fn state_of(rules: &crate::contest::Rules) -> Result<State, String> {
    let store = crate::load::Sources::of(rules, None).store;
    let Some(store) = Store::open_existing(&store)? else {
        return Ok(State::Open);
    };
    let state = store.state()?;
    let whole = crate::lock::Scope::Contest.text();
    Ok(match (state.published, state.locked.iter().any(|(scope, _)| *scope == whole)) {
        (Some(_), _) => State::Published,
        (None, true) => State::Locked,
        (None, false) => State::Open,
    })
}
