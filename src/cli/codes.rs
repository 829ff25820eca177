//! `podium codes`: gives every entry an anonymous code for blind judging
//! and lists them for the chief judge (to print labels, seal the list).

use crate::blind::Codes;
use crate::load::{load_contest, Sources};
use crate::store::Store;
use crate::text::spreadsheet_text;
use std::path::Path;

pub fn run(contest: &Path, output: Option<&Path>, (by, role): (Option<&str>, Option<&str>)) -> Result<(), String> {
    let (rules, entries) = load_contest(contest).map_err(|p| p.to_string())?;
    let actor = crate::event::acting(&rules, role, by, crate::contest::workflow::Action::Code).map_err(|why| why.to_string())?;
    let mut store = Store::open(&Sources::of(&rules, None).store)?;
    let codes = Codes::assign(&mut store, &entries, &actor.recorded())?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| e.to_string();
    writer.write_record(["code", "entry", "name", "organisation"]).map_err(fail)?;
    for entry in &entries.list {
        let code = codes.code_of(&entry.id).unwrap_or("");
        writer
            .write_record([code, &entry.id, &entry.name, entries.organisation(entry)].map(|text| spreadsheet_text(text).into_owned()))
            .map_err(fail)?;
    }
    let text = writer.into_inner().map_err(|e| e.to_string())?;
    match output {
        Some(path) => {
            std::fs::write(path, text).map_err(|e| crate::msg!("codes-cannot-write", path = path.display(), error = e).to_string())
        }
        None => {
            print!("{}", String::from_utf8_lossy(&text));
            Ok(())
        }
    }
}
