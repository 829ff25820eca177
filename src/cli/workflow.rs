//! `podium sign`, `decode`, `notice` and `appeal`: the steps of the
//! workflow a contest declares, each taken as a role (`--as`), decided by
//! `event::decide` and recorded in the mark store's log.

use crate::contest::Rules;
use crate::event::{self, decide::shown, Command, Event};
use crate::load::{load_contest, Sources};
use crate::msg;
use crate::store::Store;
use std::path::Path;

/// Who acts, and where.
pub struct Acting<'a> {
    pub contest: &'a Path,
    pub role: Option<&'a str>,
    pub by: Option<&'a str>,
    pub reason: Option<&'a str>,
}

impl<'a> Acting<'a> {
    pub fn new(contest: &'a Path, role: &'a Option<String>, reason: &'a Option<String>) -> Acting<'a> {
        Acting {
            contest,
            role: role.as_deref(),
            by: None,
            reason: reason.as_deref(),
        }
    }
}

/// What `appeal` is asked to do.
pub enum AppealAsk<'a> {
    File { entry: &'a str, from: &'a str, what: &'a str },
    Rule { id: &'a str, upheld: bool },
    List,
}

impl<'a> AppealAsk<'a> {
    /// The flags of `podium appeal`, as one request: `--list`; `--rule ID`
    /// with `--upheld` or `--dismissed`; or `--entry`, `--from` and `--what`.
    pub fn from_flags(
        (entry, from, what, rule): (Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<&'a str>),
        upheld: bool,
        dismissed: bool,
        list: bool,
    ) -> Result<AppealAsk<'a>, String> {
        let filing = entry.is_some() || from.is_some() || what.is_some();
        match (list, rule, filing) {
            (true, None, false) => Ok(AppealAsk::List),
            (false, Some(id), false) if upheld != dismissed => Ok(AppealAsk::Rule { id, upheld }),
            (false, Some(_), false) => Err(msg!("event-appeal-flags-ruling").to_string()),
            (false, None, true) if !upheld && !dismissed => match (entry, from, what) {
                (Some(entry), Some(from), Some(what)) => Ok(AppealAsk::File { entry, from, what }),
                _ => Err(msg!("event-appeal-flags-filing").to_string()),
            },
            _ => Err(msg!("event-appeal-flags").to_string()),
        }
    }
}

pub fn sign(acting: Acting, sheet: Option<&str>) -> Result<(), String> {
    let command = match sheet {
        Some(judge) => Command::ConfirmSheet {
            judge: judge.trim().into(),
        },
        None => Command::Sign,
    };
    take(acting, command, "podium sign")
}

pub fn decode(acting: Acting) -> Result<(), String> {
    take(acting, Command::Decode, "podium decode")
}

pub fn notice(acting: Acting) -> Result<(), String> {
    take(acting, Command::Notice, "podium notice")
}

pub fn appeal(acting: Acting, ask: AppealAsk) -> Result<(), String> {
    match ask {
        AppealAsk::List => list_appeals(acting.contest),
        AppealAsk::Rule { id, upheld } => {
            if acting.reason.is_none_or(|r| r.trim().is_empty()) {
                return Err(msg!("event-ruling-needs-reason").to_string());
            }
            take(
                acting,
                Command::Rule {
                    id: id.trim().into(),
                    upheld,
                },
                "podium appeal",
            )
        }
        AppealAsk::File { entry, from, what } => {
            let (rules, entries) = load_contest(acting.contest).map_err(|p| p.to_string())?;
            event::appealable(&rules, &entries, entry)?;
            // Recorded as typed (a code, under blind judging): the appeal must not name whom the codes hide.
            let command = Command::FileAppeal {
                entry: entry.trim().into(),
                from: from.into(),
                what: what.into(),
            };
            take_loaded(&rules, acting, command, "podium appeal")
        }
    }
}

fn take(acting: Acting, command: Command, source: &str) -> Result<(), String> {
    let rules = crate::contest::load(acting.contest).map_err(|p| p.to_string())?;
    take_loaded(&rules, acting, command, source)
}

fn take_loaded(rules: &Rules, acting: Acting, command: Command, source: &str) -> Result<(), String> {
    let actor = event::acting_for(rules, acting.role, acting.by, &command).map_err(|t| t.to_string())?;
    let mut store = Store::open(&Sources::of(rules, None).store)?;
    let reason = acting.reason.map(str::trim).unwrap_or("");
    let taken = event::take(&mut store, rules, &actor, &command, reason, source).map_err(|t| t.to_string())?;
    for (seq, step) in &taken {
        println!("{}", step.done(&actor.recorded(), *seq));
    }
    let event = Event::read(&store, rules)?;
    println!("{}", msg!("event-phase-now", phase = event.phase().words()));
    Ok(())
}

fn list_appeals(contest: &Path) -> Result<(), String> {
    let rules = crate::contest::load(contest).map_err(|p| p.to_string())?;
    let path = Sources::of(&rules, None).store;
    let Some(store) = Store::open_existing(&path)? else {
        println!("{}", msg!("event-appeals-none"));
        return Ok(());
    };
    let event = Event::read(&store, &rules)?;
    let appeals = event.appeals();
    if let Some(deadline) = event.appeal_deadline() {
        println!("{}", msg!("event-appeals-deadline", deadline = shown(deadline)));
    }
    if appeals.is_empty() {
        println!("{}", msg!("event-appeals-none"));
    }
    for status in appeals {
        let appeal = &status.appeal;
        let filed = crate::store::local_time(&status.filed.at);
        let ruling = match &status.ruling {
            None => msg!("event-appeal-open"),
            Some((upheld, record)) => msg!(
                "event-appeal-ruled",
                upheld = if *upheld { "yes" } else { "no" },
                reason = record.reason,
                by = record.actor,
                at = crate::store::local_time(&record.at)
            ),
        };
        let line = msg!(
            "event-appeal-line",
            id = appeal.id,
            entry = appeal.entry,
            from = appeal.from,
            what = appeal.what,
            filed = filed,
            ruling = ruling
        );
        println!("{}", crate::text::shown(&line.to_string()));
    }
    Ok(())
}

/// `podium sign CONTEST --print FILE`: the results sign-off sheet as the
/// event stands, by code while the codes hide names; `podium notice
/// CONTEST --print FILE` (`notice`): the public notice to post.
pub fn print_sheet(contest: &Path, output: &Path, lang: crate::contest::Lang, notice: bool) -> Result<(), String> {
    let inputs = super::load_warned(contest, None)?;
    let rules = inputs.rules.clone();
    if rules.workflow.is_none() {
        return Err(msg!("event-no-workflow").to_string());
    }
    let codes = crate::blind::hidden_names(&rules)?;
    let store = Store::open_existing(&Sources::of(&rules, None).store)?.ok_or_else(|| msg!("event-appeals-none").to_string())?;
    let event = Event::read(&store, &rules)?;
    let head = store.head()?;
    let results = crate::engine::score(inputs, &[]);
    let mut board = crate::output::Leaderboard::new(&results, lang, None).map_err(|d| d.to_string())?;
    if let Some(codes) = &codes {
        board.hide_names(codes);
    }
    let html = match notice {
        false => crate::sheets::signoff::page(&board, &event, &head, codes.is_some()),
        true => {
            let Some((_, until)) = event.notice() else {
                return Err(msg!("notice-not-on", phase = event.phase().words()).to_string());
            };
            crate::sheets::signoff::notice(&board, &shown(until), &head)
        }
    };
    crate::output::write_atomically(output, html.as_bytes())
        .map_err(|e| msg!("report-cannot-write", path = output.display(), error = e).to_string())?;
    println!("{}", output.display());
    Ok(())
}
