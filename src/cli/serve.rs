//! `podium serve` and `podium judges`: the event server, and the judges'
//! secret links (listed, or revoked and issued anew).

use crate::serve::links::Links;
use crate::serve::{generation, store_of, ServeOptions};
use crate::store::Store;
use std::net::SocketAddr;
use std::path::Path;

pub fn serve(contest: &Path, mut options: ServeOptions, lan: bool) -> Result<(), String> {
    if lan {
        // Judges' phones on the hall's network reach it; say so, since anyone there can try.
        options.bind = SocketAddr::new(std::net::Ipv4Addr::UNSPECIFIED.into(), options.bind.port());
        eprintln!("podium serve: listening on every network interface (--lan): judges reach it at this machine's address");
    }
    crate::serve::run(contest, options)
}

/// Every judge's link and the desk's.
pub fn links(contest: &Path, base: &str) -> Result<(), String> {
    let (rules, path) = store_of(contest)?;
    let mut store = Store::open(&path)?;
    let links = Links::new(store.secret("links")?);
    let base = base.trim_end_matches('/');
    println!("organiser desk: {base}/desk/{}", links.admin(generation(&store, "admin")?));
    for judge in &rules.contest.judges {
        let token = links.judge(&judge.id, generation(&store, &judge.id)?);
        println!("{}\t{}\t{base}/j/{}/{token}", judge.id, judge.name, judge.id);
    }
    Ok(())
}

/// Revokes a judge's link (or the desk's, `admin`) and prints the new one.
pub fn revoke(contest: &Path, who: &str, base: &str) -> Result<(), String> {
    let (rules, path) = store_of(contest)?;
    if who != "admin" && !rules.contest.judges.iter().any(|j| j.id == who) {
        let ids = rules.contest.judges.iter().map(|j| j.id.as_str()).chain(["admin"]);
        return Err(format!("no judge `{who}`; {}", crate::error::suggest(who, ids)));
    }
    let mut store = Store::open(&path)?;
    let links = Links::new(store.secret("links")?);
    let next = generation(&store, who)? + 1;
    store.set_setting(&format!("link:{who}"), &next.to_string())?;
    let base = base.trim_end_matches('/');
    let url = if who == "admin" {
        format!("{base}/desk/{}", links.admin(next))
    } else {
        format!("{base}/j/{who}/{}", links.judge(who, next))
    };
    println!("revoked the old link of {who}; the new one: {url}");
    Ok(())
}
