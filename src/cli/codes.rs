//! `podium codes`: gives every entry an anonymous code for blind judging
//! and lists them for the chief judge (to print labels, seal the list).

use crate::blind::Codes;
use crate::load::{load_contest, Sources};
use crate::store::Store;
use crate::text::spreadsheet_text;
use std::path::Path;

pub fn run(contest: &Path, output: Option<&Path>, (by, role): (Option<&str>, Option<&str>), layer: u8) -> Result<(), String> {
    let (rules, entries) = load_contest(contest).map_err(|p| p.to_string())?;
    let actor = crate::event::acting(&rules, role, by, crate::contest::workflow::Action::Code).map_err(|why| why.to_string())?;
    let layers = crate::blind::code_layers(&rules);
    if layer == 0 || layer > layers.max(1) {
        return Err(crate::msg!("codes-layer-not-declared", layer = layer, layers = layers).to_string());
    }
    let mut store = Store::open(&Sources::of(&rules, None).store)?;
    let entry_codes = Codes::load(&store)?;
    if layer == 2 && entry_codes.is_empty() {
        return Err(crate::msg!("blind-no-codes").to_string());
    }
    let codes = Codes::assign(&mut store, &entries, &actor.recorded(), layer)?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| e.to_string();
    // The second layer's list joins work pieces to entry codes, never to names.
    let header: &[&str] = match layer {
        2 => &["piece_code", "code"],
        _ => &["code", "entry", "name", "organisation"],
    };
    writer.write_record(header).map_err(fail)?;
    for entry in &entries.list {
        let code = codes.code_of(&entry.id).unwrap_or("");
        let row = match layer {
            2 => vec![code, entry_codes.code_of(&entry.id).unwrap_or("")],
            _ => vec![code, &entry.id, &entry.name, entries.organisation(entry)],
        };
        writer
            .write_record(row.into_iter().map(|text| spreadsheet_text(text).into_owned()))
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
