//! Blind judging (暗码评分): each entry gets an anonymous code, recorded
//! once in the mark store's log. Judges and clerks enter marks by code;
//! names are joined to the results only once they are published.
//!
//! A contest whose workflow has two layers of codes (一次加密、二次加密)
//! also gives each entry's work piece a code: marks are entered by it, and
//! decoding goes piece code → entry code → name, each layer a recorded
//! step (`event`). Until a layer is decoded, its codes are what shows.

use crate::data::Entries;
use crate::msg;
use crate::store::{Store, StoreError};
use std::collections::HashMap;

/// Letters and digits that cannot be mistaken for one another on a label.
const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const LENGTH: usize = 6;

/// Codes ↔ entry ids.
#[derive(Debug, Clone, Default)]
pub struct Codes {
    by_code: HashMap<String, String>,
    by_entry: HashMap<String, String>,
}

impl Codes {
    /// The entries' own codes (layer 1).
    pub fn load(store: &Store) -> Result<Codes, StoreError> {
        Codes::load_layer(store, 1)
    }

    /// The codes of `layer`: 1 the entries', 2 their work pieces'.
    pub fn load_layer(store: &Store, layer: u8) -> Result<Codes, StoreError> {
        let mut codes = Codes::default();
        for (entry, code) in store.codes_of_layer(layer)? {
            codes.insert(entry, code);
        }
        Ok(codes)
    }

    fn insert(&mut self, entry: String, code: String) {
        self.by_code.insert(code.clone(), entry.clone());
        self.by_entry.insert(entry, code);
    }

    pub fn entry_of(&self, code: &str) -> Option<&str> {
        self.by_code.get(code).map(String::as_str)
    }

    pub fn code_of(&self, entry: &str) -> Option<&str> {
        self.by_entry.get(entry).map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.by_code.is_empty()
    }

    /// Gives a code of `layer` to every entry that has none, recording each
    /// in the store. A code is never one another layer gave.
    pub fn assign(store: &mut Store, entries: &Entries, actor: &str, layer: u8) -> Result<Codes, String> {
        let mut codes = Codes::load_layer(store, layer)?;
        let other = Codes::load_layer(store, 3 - layer.clamp(1, 2))?;
        let missing: Vec<&str> = entries
            .list
            .iter()
            .map(|e| &*e.id)
            .filter(|id| codes.code_of(id).is_none())
            .collect();
        if missing.is_empty() {
            return Ok(codes);
        }
        let mut fresh = Vec::with_capacity(missing.len());
        for id in missing {
            let code = loop {
                let code = random_code()?;
                // Never a code that is also an entry id, nor one already given.
                let taken = codes.entry_of(&code).is_some() || other.entry_of(&code).is_some();
                if !taken && entries.find(&code).is_none() && !fresh.iter().any(|(_, c)| *c == code) {
                    break code;
                }
            };
            fresh.push((id.to_string(), code));
        }
        store.transact(actor, "podium codes", |batch| {
            for (entry, code) in &fresh {
                batch.record_code(entry, code, layer)?;
            }
            Ok::<_, String>(())
        })?;
        for (entry, code) in fresh {
            codes.insert(entry, code);
        }
        Ok(codes)
    }

    /// The entry id a judge or clerk typed as `code`, or why it is refused.
    pub fn resolve(&self, entries: &Entries, code: &str) -> Result<String, String> {
        if let Some(entry) = self.entry_of(code.trim()) {
            return Ok(entry.to_string());
        }
        if entries.find(code.trim()).is_some() {
            return Err(msg!("blind-id-not-code", id = code.trim()).to_string());
        }
        Err(msg!("blind-unknown-code", code = code.trim()).to_string())
    }
}

fn random_code() -> Result<String, String> {
    let mut bytes = [0u8; LENGTH];
    getrandom::fill(&mut bytes).map_err(|e| msg!("blind-no-randomness", error = e).to_string())?;
    Ok(bytes.iter().map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char).collect())
}

/// How commands read the entry a judge or clerk typed: as is, or by code
/// when the contest is blind.
pub enum EntryNames {
    Ids,
    Codes(Codes),
}

impl EntryNames {
    /// What the contest asks for; blind contests need their codes (in the
    /// store at `path`): with two layers, the work pieces'.
    pub fn of(rules: &crate::contest::Rules, path: &std::path::Path) -> Result<EntryNames, String> {
        let layer = code_layers(rules);
        if layer == 0 {
            return Ok(EntryNames::Ids);
        }
        let store = Store::open_existing(path)?;
        // Once every layer is decoded, entries are named as themselves.
        if let (Some(store), Some(_)) = (&store, &rules.workflow) {
            if crate::event::decoded_layers(store, rules)? == layer {
                return Ok(EntryNames::Ids);
            }
        }
        let codes = match &store {
            Some(store) => Codes::load_layer(store, layer)?,
            None => Codes::default(),
        };
        if codes.is_empty() {
            return Err(match layer {
                2 => msg!("blind-no-piece-codes"),
                _ => msg!("blind-no-codes"),
            }
            .to_string());
        }
        Ok(EntryNames::Codes(codes))
    }

    /// The entry id for what was typed.
    pub fn resolve(&self, entries: &Entries, typed: &str) -> Result<String, String> {
        match self {
            EntryNames::Ids => Ok(typed.trim().to_string()),
            EntryNames::Codes(codes) => codes.resolve(entries, typed),
        }
    }

    /// What to show for an entry id.
    pub fn shown<'a>(&'a self, id: &'a str) -> &'a str {
        match self {
            EntryNames::Ids => id,
            EntryNames::Codes(codes) => codes.code_of(id).unwrap_or("?"),
        }
    }
}

/// With blind judging, until the results are published the leaderboard
/// shows codes, not names: the codes to show them by.
/// With a workflow's layers, the codes of the outermost layer not yet
/// decoded, or None once every layer is.
pub fn hidden_names(rules: &crate::contest::Rules) -> Result<Option<Codes>, String> {
    let layers = code_layers(rules);
    if layers == 0 {
        return Ok(None);
    }
    let Some(store) = crate::store::Store::open_existing(&crate::load::Sources::of(rules, None).store)? else {
        return Ok(Some(Codes::default()));
    };
    if store.state()?.published.is_some() {
        return Ok(None);
    }
    let decoded = crate::event::decoded_layers(&store, rules)?;
    if decoded >= layers {
        return Ok(None);
    }
    Ok(Some(Codes::load_layer(&store, layers - decoded)?))
}

/// How many layers of codes hide the entries: the workflow's, else one
/// for `marking.blind`, else none.
pub fn code_layers(rules: &crate::contest::Rules) -> u8 {
    match &rules.workflow {
        Some(workflow) => workflow.code_layers,
        None => u8::from(rules.contest.marking.blind),
    }
}
