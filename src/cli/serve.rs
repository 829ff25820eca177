//! `podium serve` and `podium judges`: the event server, and the judges'
//! secret links (listed, or revoked and issued anew).

use crate::contest::Lang;
use crate::output::html::escape;
use crate::say;
use crate::serve::links::Links;
use crate::serve::{generation, store_of, ServeOptions};
use crate::store::Store;
use std::net::SocketAddr;
use std::path::Path;

pub fn serve(contest: &Path, mut options: ServeOptions, lan: bool) -> Result<(), String> {
    if lan {
        // Judges' phones on the hall's network reach it; say so, since anyone there can try.
        options.bind = SocketAddr::new(std::net::Ipv4Addr::UNSPECIFIED.into(), options.bind.port());
        eprintln!("{}", say!(options.lang, "serve-lan"));
    }
    crate::serve::run(contest, options)
}

/// Every judge's link and the desk's; with `sheet`, also a printable page
/// with each judge's link as a QR code, to cut up and hand out.
pub fn links(contest: &Path, base: &str, sheet: Option<&Path>, lang: Lang) -> Result<(), String> {
    let (rules, path) = store_of(contest)?;
    let mut store = Store::open(&path)?;
    let links = Links::new(store.secret("links")?);
    let base = base.trim_end_matches('/');
    let desk = format!("{base}/desk/{}", links.admin(generation(&store, "admin")?));
    println!("{}", say!(lang, "serve-desk", url = desk));
    // The workflow's roles, each with its own link (`/r/ROLE/TOKEN`).
    for holder in rules.workflow.iter().flat_map(|w| &w.roles) {
        let token = links.role(&holder.id, generation(&store, &format!("role:{}", holder.id))?);
        println!("{}\t{}\t{base}/r/{}/{token}", holder.id, holder.name, holder.id);
    }
    let mut cards = String::new();
    for judge in &rules.contest.judges {
        let token = links.judge(&judge.id, generation(&store, &judge.id)?);
        let url = format!("{base}/j/{}/{token}", judge.id);
        println!("{}\t{}\t{url}", judge.id, judge.name);
        if sheet.is_some() {
            let code = qrcode::QrCode::new(url.as_bytes()).map_err(|e| say!(lang, "links-no-qr", url = url, why = e))?;
            let svg = code.render::<qrcode::render::svg::Color>().min_dimensions(220, 220).build();
            let svg = svg.find("<svg").map_or(svg.as_str(), |at| &svg[at..]);
            cards.push_str(&format!(
                "<div class=\"card\"><h3>{} {}</h3>{svg}<p class=\"link\">{}</p></div>\n",
                escape(&judge.id),
                escape(&judge.name),
                escape(&url)
            ));
        }
    }
    if let Some(sheet) = sheet {
        let title = rules.contest.name.get(lang);
        let body = format!(
            "<header><h1>{}</h1><p class=\"sub\">{}</p></header>\n<style>.cards {{ display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }} .card {{ border: 1px dashed #adb5bd; padding: 1rem; text-align: center; break-inside: avoid; page-break-inside: avoid; }} .card svg {{ width: 55mm; height: 55mm; }} .link {{ font-size: .7rem; word-break: break-all; color: #495057; }}</style>\n<div class=\"cards\">{cards}</div>",
            escape(title),
            say!(lang, "links-sheet-note")
        );
        crate::output::write_atomically(sheet, crate::output::html::page(title, lang, &body).as_bytes())
            .map_err(|e| say!(lang, "links-sheet-unwritable", path = sheet.display(), why = e))?;
        println!("{}", say!(lang, "links-sheet-written", path = sheet.display()));
    }
    Ok(())
}

/// Revokes a judge's link (or the desk's, `admin`, or a workflow role's)
/// and prints the new one.
pub fn revoke(contest: &Path, who: &str, base: &str) -> Result<(), String> {
    let (rules, path) = store_of(contest)?;
    let judge = rules.contest.judges.iter().any(|j| j.id == who);
    let role = rules.workflow.as_ref().and_then(|w| w.holder(who)).filter(|_| !judge);
    if who != "admin" && !judge && role.is_none() {
        let roles = rules.workflow.iter().flat_map(|w| w.roles.iter().map(|r| r.id.as_str()));
        let ids = rules.contest.judges.iter().map(|j| j.id.as_str()).chain(["admin"]).chain(roles);
        // The process's language (`--lang`): `podium judges revoke` has no page.
        return Err(format!(
            "{}; {}",
            crate::msg!("links-no-judge", who = who),
            crate::error::suggest(who, ids)
        ));
    }
    let mut store = Store::open(&path)?;
    let links = Links::new(store.secret("links")?);
    // A role's generation is kept apart from a judge's of the same name.
    let key = match role {
        Some(_) => format!("role:{who}"),
        None => who.to_string(),
    };
    let next = generation(&store, &key)? + 1;
    store.set_setting(&format!("link:{key}"), &next.to_string())?;
    let base = base.trim_end_matches('/');
    let url = match (who, role) {
        ("admin", _) => format!("{base}/desk/{}", links.admin(next)),
        (_, Some(_)) => format!("{base}/r/{who}/{}", links.role(who, next)),
        _ => format!("{base}/j/{who}/{}", links.judge(who, next)),
    };
    println!("{}", crate::msg!("links-revoked", who = who, url = url));
    Ok(())
}
