//! `podium draw`: lots anyone can verify. `--commit` publishes the
//! commitment, a second run draws and publishes the seed; `--move` records
//! a station or heat changed afterwards; `--show`, `--verify` and
//! `--sheet` let anyone check and post it.

use crate::contest::workflow::Action;
use crate::event::draw::{Drawn, Place};
use crate::event::lots::{self, Ask, Lots};
use crate::load::{load_contest, Sources};
use crate::msg;
use crate::output::html::escape;
use crate::store::Store;
use crate::{event, say};
use std::fmt::Write as _;
use std::path::Path;

/// What `podium draw` is asked.
pub struct DrawArgs<'a> {
    pub what: Option<Drawn>,
    pub commit: bool,
    pub move_entry: Option<&'a str>,
    pub to: Option<&'a str>,
    pub heat: Option<u32>,
    pub time_added: Option<&'a str>,
    pub show: bool,
    pub json: bool,
    pub verify: bool,
    pub sheet: Option<&'a Path>,
    pub role: Option<&'a str>,
    pub reason: Option<&'a str>,
}

pub fn run(contest: &Path, args: DrawArgs, lang: crate::contest::Lang) -> Result<(), String> {
    let (rules, entries) = load_contest(contest).map_err(|p| p.to_string())?;
    let path = Sources::of(&rules, None).store;
    if args.verify {
        return verify(&path);
    }
    let what = match (args.what, args.move_entry) {
        (Some(what), _) => what,
        (None, Some(_)) => Drawn::Stations,
        (None, None) => return Err(msg!("draw-for-needed").to_string()),
    };
    if args.show || args.sheet.is_some() {
        let store = Store::open_existing(&path)?.ok_or_else(|| msg!("draw-nothing", what = what.name()).to_string())?;
        let records = store.steps()?;
        let lots = Lots::read(&records);
        return match args.sheet {
            Some(sheet) => write_sheet(&store, &rules, &lots, what, sheet, lang),
            None => show(&lots, what, args.json),
        };
    }
    let actor = event::acting(&rules, args.role, None, Action::Draw).map_err(|why| why.to_string())?;
    let ask = match (args.commit, args.move_entry) {
        (true, None) => Ask::Commit,
        (false, None) => Ask::Reveal,
        (false, Some(entry)) => {
            let to = args.to.ok_or_else(|| msg!("draw-move-to-needed").to_string())?;
            let time_added = match args.time_added {
                Some(text) => crate::contest::workflow::seconds(text).ok_or_else(|| msg!("draw-time-added", text = text).to_string())?,
                None => 0,
            };
            Ask::Move {
                entry,
                to,
                heat: args.heat,
                time_added,
            }
        }
        (true, Some(_)) => return Err(msg!("draw-one-thing").to_string()),
    };
    let mut store = Store::open(&path)?;
    let reason = args.reason.map(str::trim).unwrap_or("");
    let said = lots::take(&mut store, &rules, &entries, &actor, what, ask, reason).map_err(|why| why.to_string())?;
    println!("{said}");
    Ok(())
}

/// Every draw recomputed from its seed.
fn verify(path: &Path) -> Result<(), String> {
    let Some(store) = Store::open_existing(path)? else {
        println!("{}", msg!("draw-verify-none"));
        return Ok(());
    };
    let lots = Lots::read(&store.steps()?);
    let problems = lots.verify();
    if !problems.is_empty() {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        return Err(lines.join("\n"));
    }
    println!(
        "{}",
        msg!("draw-verify-ok", count = lots.reveals.len(), commits = lots.commits.len())
    );
    Ok(())
}

/// The draw of `what` as it stands: the places (with the moves), and
/// what anyone needs to recompute it.
fn show(lots: &Lots, what: Drawn, json: bool) -> Result<(), String> {
    let Some((record, reveal)) = lots.drawn(what) else {
        if let Some((_, commit)) = lots.open_commit(what) {
            println!(
                "{}",
                msg!("draw-show-committed", commitment = commit.commitment, count = commit.count)
            );
            return Ok(());
        }
        return Err(msg!("draw-nothing", what = what.name()).to_string());
    };
    let places = lots.assignment(what).unwrap_or_default();
    // The list digest the commitment published, for a script to check the list against.
    let committed = lots
        .commits
        .iter()
        .rev()
        .find(|(c, commit)| c.seq < record.seq && commit.commitment == reveal.commitment)
        .map(|(_, commit)| commit.list.clone());
    if json {
        let value = serde_json::json!({
            "what": reveal.what,
            "seed": reveal.seed,
            "commitment": reveal.commitment,
            "entries": reveal.entries,
            "list": committed,
            "stations": reveal.stations,
            "heats": reveal.heats,
            "drawn": reveal.places,
            "places": places,
            "record": record.seq,
        });
        println!("{}", serde_json::to_string_pretty(&value).expect("JSON values serialise"));
        return Ok(());
    }
    println!(
        "{}",
        msg!(
            "draw-show-head",
            commitment = reveal.commitment,
            seed = reveal.seed,
            seq = record.seq
        )
    );
    for place in &places {
        println!("{}", place_line(place));
    }
    Ok(())
}

fn place_line(place: &Place) -> String {
    match place.heat {
        Some(heat) => msg!("draw-show-station", entry = place.entry, heat = heat, station = place.slot).to_string(),
        None => format!("{}\t{}", place.entry, place.slot),
    }
}

/// The sheet to print and post: the commitment (and once drawn the seed)
/// with a QR code of it, the places, the moves, signature lines and the
/// audit head.
fn write_sheet(
    store: &Store,
    rules: &crate::contest::Rules,
    lots: &Lots,
    what: Drawn,
    path: &Path,
    lang: crate::contest::Lang,
) -> Result<(), String> {
    let (commitment, seed, places) = match (lots.drawn(what), lots.open_commit(what)) {
        (_, Some((_, commit))) => (commit.commitment.clone(), None, Vec::new()),
        (Some((_, reveal)), None) => (
            reveal.commitment.clone(),
            Some(reveal.seed.clone()),
            lots.assignment(what).unwrap_or_default(),
        ),
        (None, None) => return Err(msg!("draw-nothing", what = what.name()).to_string()),
    };
    let title = say!(
        lang,
        "draw-sheet-title",
        contest = rules.contest.name.get(lang),
        what = crate::i18n::say(lang, what_id(what), &[])
    );
    let mut body = format!("<h1>{}</h1>\n<dl>", escape(&title));
    let mut fact = |term: String, value: &str| {
        let _ = write!(body, "<dt>{}</dt><dd>{}</dd>", escape(&term), escape(value));
    };
    fact(say!(lang, "draw-sheet-commitment"), &commitment);
    fact(
        say!(lang, "draw-sheet-seed"),
        seed.as_deref().unwrap_or(&say!(lang, "draw-sheet-seed-later")),
    );
    let (seq, head) = store.head()?;
    fact(say!(lang, "signoff-head"), &format!("#{seq} {head}"));
    body.push_str("</dl>\n");
    // The QR code carries what anyone checks: the commitment, and the seed once drawn.
    let coded = match &seed {
        Some(seed) => format!("podium-draw {} commitment={commitment} seed={seed}", what.name()),
        None => format!("podium-draw {} commitment={commitment}", what.name()),
    };
    let qr = qrcode::QrCode::new(coded.as_bytes()).map_err(|e| say!(lang, "links-no-qr", url = coded, why = e))?;
    let svg = qr.render::<qrcode::render::svg::Color>().min_dimensions(200, 200).build();
    let svg = svg.split_once("?>").map_or(svg.as_str(), |(_, rest)| rest).to_string();
    let _ = writeln!(body, "<div class=\"qr\">{svg}</div>");
    if !places.is_empty() {
        let heads = match what {
            Drawn::Stations => [
                say!(lang, "column-entry"),
                say!(lang, "draw-sheet-heat"),
                say!(lang, "draw-sheet-station"),
            ]
            .to_vec(),
            Drawn::Order => [say!(lang, "column-entry"), say!(lang, "draw-sheet-order")].to_vec(),
            Drawn::Codes => [say!(lang, "column-entry"), say!(lang, "draw-sheet-code")].to_vec(),
        };
        body.push_str("<table class=\"board\"><thead><tr>");
        for head in heads {
            let _ = write!(body, "<th>{}</th>", escape(&head));
        }
        body.push_str("</tr></thead><tbody>\n");
        // A place moved since the draw is marked: the seed gives the place drawn, the moves below say why it differs.
        let drawn: &[Place] = lots.drawn(what).map_or(&[], |(_, reveal)| &reveal.places);
        let moved = say!(lang, "draw-sheet-moved");
        for place in &places {
            let _ = write!(body, "<tr><td>{}</td>", escape(&place.entry));
            if let Some(heat) = place.heat {
                let _ = write!(body, "<td>{heat}</td>");
            }
            let note = match drawn.iter().any(|d| d == place) {
                true => String::new(),
                false => escape(&moved),
            };
            let _ = writeln!(body, "<td>{}{note}</td></tr>", escape(&place.slot));
        }
        body.push_str("</tbody></table>\n");
    }
    // Redraws (each a commitment given with a reason) and moves, in the log's words.
    let redraws = lots
        .commits
        .iter()
        .filter(|(record, commit)| commit.what == what.name() && !record.reason.is_empty())
        .map(|(record, _)| record);
    list_section(&mut body, say!(lang, "draw-sheet-redraws"), redraws, lang);
    // Only the moves made since the current draw: a redraw's earlier moves belong to the draw it replaced.
    let since = lots.drawn(what).map_or(i64::MAX, |(record, _)| record.seq);
    let moves = match what {
        Drawn::Stations => lots.moves.iter().map(|(record, _)| record).filter(|r| r.seq > since).collect(),
        _ => Vec::new(),
    };
    list_section(&mut body, say!(lang, "draw-sheet-moves"), moves, lang);
    let _ = writeln!(body, "<p class=\"how\">{}</p>", escape(&say!(lang, "draw-sheet-how")));
    let _ = writeln!(
        body,
        "<div class=\"signatures\"><p>{}</p><p>{}</p></div>",
        escape(&say!(lang, "draw-sheet-drawer")),
        escape(&say!(lang, "draw-sheet-supervisor"))
    );
    let style = "<style>@page { size: A4 portrait; margin: 12mm; } .draw h1 { text-align: center; font-size: 1.4rem; } .draw dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } .draw dd { margin: 0; overflow-wrap: anywhere; font-family: monospace, \"Podium Sans\"; } .draw .qr svg { width: 200px; height: 200px; } .signatures { margin-top: 1.6rem; line-height: 3rem; } footer.note { display: none; }</style>";
    let html = crate::output::html::document(
        &title,
        lang,
        &crate::output::html::font_face(),
        style,
        &format!("<div class=\"draw\">{body}</div>"),
    );
    crate::output::write_atomically(path, html.as_bytes())
        .map_err(|e| msg!("report-cannot-write", path = path.display(), error = e).to_string())?;
    println!("{}", path.display());
    Ok(())
}

/// A heading and the records in words, if there are any.
fn list_section<'a>(
    body: &mut String,
    head: String,
    records: impl IntoIterator<Item = &'a crate::store::StepRecord>,
    lang: crate::contest::Lang,
) {
    let lines: Vec<String> = records
        .into_iter()
        .filter_map(|r| lots::words(r).map(|w| w.in_lang(lang)))
        .collect();
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(body, "<h2>{}</h2><ul>", escape(&head));
    for line in lines {
        let _ = writeln!(body, "<li>{}</li>", escape(&line));
    }
    body.push_str("</ul>\n");
}

fn what_id(what: Drawn) -> &'static str {
    match what {
        Drawn::Stations => "draw-what-stations",
        Drawn::Order => "draw-what-order",
        Drawn::Codes => "draw-what-codes",
    }
}
