//! The draws as the store records them: a commitment (`draw-commit`)
//! published before the draw, the seed and the places once drawn (`draw`),
//! and the moves made afterwards (`draw-move`: a failed station, a later
//! heat, time added back). The seed waits in the store's settings, never in
//! the log, until it is revealed.

use super::draw::{self, Drawn, Place};
use super::Actor;
use crate::contest::Rules;
use crate::data::Entries;
use crate::i18n::Text;
use crate::msg;
use crate::store::{StepRecord, Store};
use serde::{Deserialize, Serialize};

/// A commitment: what will be drawn, over which list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commit {
    pub what: String,
    pub commitment: String,
    pub list: String,
    pub count: usize,
    /// A stations draw's stations and heats, fixed with the commitment: the
    /// seed sits in the store until the reveal, so whoever can read the
    /// store must not be able to reorder the stations to suit it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seats: Option<Seats>,
}

/// The stations (in the order places are dealt) and the heats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seats {
    pub stations: Vec<String>,
    pub heats: u32,
}

/// A draw made: its seed, the list, the stations and the places.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reveal {
    pub what: String,
    pub seed: String,
    pub commitment: String,
    pub entries: Vec<String>,
    #[serde(default)]
    pub stations: Vec<String>,
    #[serde(default)]
    pub heats: u32,
    pub places: Vec<Place>,
}

/// An entry moved to another station or heat after the draw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Move {
    pub entry: String,
    pub heat: u32,
    pub to: String,
    /// Time added back (补时), in seconds.
    pub time_added: u64,
}

/// Every draw recorded, in order.
#[derive(Debug, Default)]
pub struct Lots {
    pub commits: Vec<(StepRecord, Commit)>,
    pub reveals: Vec<(StepRecord, Reveal)>,
    pub moves: Vec<(StepRecord, Move)>,
}

impl Lots {
    pub fn read(records: &[StepRecord]) -> Lots {
        let mut lots = Lots::default();
        for record in records {
            match record.step.as_str() {
                "draw-commit" => lots
                    .commits
                    .extend(serde_json::from_str(&record.value).ok().map(|c| (record.clone(), c))),
                "draw" => lots
                    .reveals
                    .extend(serde_json::from_str(&record.value).ok().map(|r| (record.clone(), r))),
                "draw-move" => lots
                    .moves
                    .extend(serde_json::from_str(&record.value).ok().map(|m| (record.clone(), m))),
                _ => {}
            }
        }
        lots
    }

    /// The commitment for `what` not yet drawn.
    pub fn open_commit(&self, what: Drawn) -> Option<&(StepRecord, Commit)> {
        let last = self.commits.iter().rev().find(|(_, c)| c.what == what.name())?;
        let drawn = self.reveals.iter().any(|(r, d)| d.what == what.name() && r.seq > last.0.seq);
        (!drawn).then_some(last)
    }

    /// The last draw of `what`.
    pub fn drawn(&self, what: Drawn) -> Option<&(StepRecord, Reveal)> {
        self.reveals.iter().rev().find(|(_, r)| r.what == what.name())
    }

    /// Where each entry is now: the last draw of `what`, with the moves
    /// made since (stations only).
    pub fn assignment(&self, what: Drawn) -> Option<Vec<Place>> {
        let (record, reveal) = self.drawn(what)?;
        let mut places = reveal.places.clone();
        if what == Drawn::Stations {
            for (_, moved) in self.moves.iter().filter(|(r, _)| r.seq > record.seq) {
                if let Some(place) = places.iter_mut().find(|p| p.entry == moved.entry) {
                    place.heat = Some(moved.heat);
                    place.slot = moved.to.clone();
                }
            }
        }
        Some(places)
    }

    /// Each draw recomputed from its seed: the records whose seed does not
    /// match its commitment, or whose places the seed does not give.
    pub fn verify(&self) -> Vec<Text> {
        let mut problems = Vec::new();
        for (record, reveal) in &self.reveals {
            let Some(seed) = draw::seed_bytes(&reveal.seed) else {
                problems.push(msg!("draw-verify-seed", seq = record.seq));
                continue;
            };
            if draw::commitment(&seed) != reveal.commitment {
                problems.push(msg!("draw-verify-commitment", seq = record.seq));
            }
            problems.extend(self.against_commit(record, reveal));
            let Some(what) = Drawn::named(&reveal.what) else { continue };
            if draw::places(&seed, what, &reveal.entries, &reveal.stations, reveal.heats) != reveal.places {
                problems.push(msg!("draw-verify-places", seq = record.seq));
            }
        }
        problems
    }

    /// A draw checked against the commitment published before it: one
    /// there was, over the same list (and, for stations, the same seats).
    fn against_commit(&self, record: &StepRecord, reveal: &Reveal) -> Option<Text> {
        let commit = self
            .commits
            .iter()
            .rev()
            .find(|(c, commit)| c.seq < record.seq && commit.what == reveal.what && commit.commitment == reveal.commitment);
        let Some((_, commit)) = commit else {
            return Some(msg!("draw-verify-uncommitted", seq = record.seq));
        };
        if commit.list != draw::list_digest(&reveal.entries) {
            return Some(msg!("draw-verify-list", seq = record.seq));
        }
        let seats = Seats {
            stations: reveal.stations.clone(),
            heats: reveal.heats,
        };
        match &commit.seats {
            Some(fixed) if *fixed != seats => Some(msg!("draw-verify-seats", seq = record.seq)),
            _ => None,
        }
    }
}

/// A draw step in words, for the audit trail and the report.
pub fn words(record: &StepRecord) -> Option<Text> {
    let text = match record.step.as_str() {
        "draw-commit" => {
            let c: Commit = serde_json::from_str(&record.value).ok()?;
            msg!(
                "draw-step-commit",
                what = what_words(&c.what),
                commitment = c.commitment,
                count = c.count
            )
        }
        "draw" => {
            let r: Reveal = serde_json::from_str(&record.value).ok()?;
            msg!(
                "draw-step-reveal",
                what = what_words(&r.what),
                seed = r.seed,
                count = r.places.len()
            )
        }
        "draw-move" => {
            let m: Move = serde_json::from_str(&record.value).ok()?;
            msg!(
                "draw-step-move",
                entry = m.entry,
                heat = m.heat,
                to = m.to,
                minutes = minutes(m.time_added)
            )
        }
        _ => return None,
    };
    Some(match record.reason.is_empty() {
        true => text,
        false => msg!("audit-step-reason", step = text, reason = record.reason),
    })
}

fn what_words(what: &str) -> Text {
    match Drawn::named(what) {
        Some(Drawn::Stations) => msg!("draw-what-stations"),
        Some(Drawn::Order) => msg!("draw-what-order"),
        Some(Drawn::Codes) => msg!("draw-what-codes"),
        None => Text::from(what),
    }
}

/// Seconds as minutes, with a decimal when they do not divide.
fn minutes(seconds: u64) -> String {
    match seconds % 60 {
        0 => (seconds / 60).to_string(),
        _ => format!("{:.1}", seconds as f64 / 60.0),
    }
}

/// The stations and heats a contest's draw plan gives.
fn stations(rules: &Rules) -> Result<(Vec<String>, u32), Text> {
    let plan = rules
        .workflow
        .as_ref()
        .and_then(|w| w.draw.as_ref())
        .ok_or_else(|| msg!("draw-no-plan"))?;
    let stations = match plan.station_count {
        Some(n) => (1..=n).map(|k| k.to_string()).collect(),
        None => plan.stations.clone(),
    };
    Ok((stations, plan.heats.unwrap_or(1)))
}

/// The list a draw is over now: every entry's id, sorted.
fn list_now(entries: &Entries) -> Vec<String> {
    let ids: Vec<&str> = entries.list.iter().map(|e| &*e.id).collect();
    draw::sorted(&ids)
}

/// What a draw command asks.
pub enum Ask<'a> {
    Commit,
    Reveal,
    Move {
        entry: &'a str,
        to: &'a str,
        heat: Option<u32>,
        time_added: u64,
    },
}

/// Commits to, reveals or moves within a draw of `what`, as `actor`: what
/// was recorded, in words, or why not (nothing recorded).
pub fn take(store: &mut Store, rules: &Rules, entries: &Entries, actor: &Actor, what: Drawn, ask: Ask, reason: &str) -> Result<Text, Text> {
    crate::text::refuse_controls(&msg!("cli-the-reason").to_string(), reason).map_err(Text::from)?;
    if let Some(seq) = store.state()?.published {
        return Err(msg!("event-final", seq = seq));
    }
    let seed = match ask {
        Ask::Commit => {
            let mut seed = [0u8; 32];
            getrandom::fill(&mut seed).map_err(|e| msg!("blind-no-randomness", error = e))?;
            // Kept under its own commitment: a refused second commit cannot overwrite an open one's seed.
            store.set_setting(&format!("draw-seed:{}", draw::commitment(&seed)), &crate::store::hex(&seed))?;
            Some(seed)
        }
        _ => None,
    };
    let list = list_now(entries);
    store.transact(&actor.recorded(), "podium draw", |batch| {
        let lots = Lots::read(&batch.steps()?);
        match ask {
            Ask::Commit => {
                let seed = seed.expect("made above");
                check_commit(rules, &lots, what, &list, reason, batch)?;
                let commit = Commit {
                    what: what.name().into(),
                    commitment: draw::commitment(&seed),
                    list: draw::list_digest(&list),
                    count: list.len(),
                    seats: match what {
                        Drawn::Stations => {
                            let (stations, heats) = stations(rules)?;
                            Some(Seats { stations, heats })
                        }
                        _ => None,
                    },
                };
                let seq = batch.record_step("draw-commit", what.name(), &json(&commit), reason)?;
                Ok(msg!(
                    "draw-committed",
                    what = what_words(what.name()),
                    commitment = commit.commitment,
                    seq = seq
                ))
            }
            Ask::Reveal => {
                let Some((_, commit)) = lots.open_commit(what) else {
                    return Err(msg!("draw-reveal-no-commit", what = what_words(what.name())));
                };
                if commit.list != draw::list_digest(&list) {
                    return Err(msg!("draw-list-changed", count = commit.count, now = list.len()));
                }
                let seed = batch_seed(batch, &commit.commitment)?;
                let (stations, heats) = match what {
                    Drawn::Stations => stations(rules)?,
                    _ => (Vec::new(), 1),
                };
                if let Some(fixed) = &commit.seats {
                    if fixed.stations != stations || fixed.heats != heats {
                        return Err(msg!("draw-seats-changed"));
                    }
                }
                // Codes given some other way since the commitment: drawing would give a second set.
                if what == Drawn::Codes && batch.has_codes()? {
                    return Err(msg!("draw-codes-exist"));
                }
                let places = draw::places(&seed, what, &list, &stations, heats);
                let reveal = Reveal {
                    what: what.name().into(),
                    seed: crate::store::hex(&seed),
                    commitment: commit.commitment.clone(),
                    entries: list.clone(),
                    stations,
                    heats,
                    places,
                };
                let seq = batch.record_step("draw", what.name(), &json(&reveal), reason)?;
                // Codes drawn by lot are the entries' codes (layer 1) from now on.
                if what == Drawn::Codes {
                    for place in &reveal.places {
                        batch.record_code(&place.entry, &place.slot, 1)?;
                    }
                }
                Ok(msg!("draw-revealed", what = what_words(what.name()), seed = reveal.seed, seq = seq))
            }
            Ask::Move {
                entry,
                to,
                heat,
                time_added,
            } => {
                let moved = check_move(rules, &lots, entry, to, heat, reason)?;
                let moved = Move { time_added, ..moved };
                let seq = batch.record_step("draw-move", &moved.entry, &json(&moved), reason)?;
                Ok(msg!("draw-moved", entry = moved.entry, heat = moved.heat, to = moved.to, seq = seq))
            }
        }
    })
}

/// The seed kept for a commitment, checked against it.
fn batch_seed(batch: &mut crate::store::Batch, commitment: &str) -> Result<Vec<u8>, Text> {
    let kept = batch.setting(&format!("draw-seed:{commitment}"))?;
    match kept.as_deref().and_then(draw::seed_bytes) {
        Some(seed) if draw::commitment(&seed) == commitment => Ok(seed),
        _ => Err(msg!("draw-seed-lost", commitment = commitment)),
    }
}

fn check_commit(
    rules: &Rules,
    lots: &Lots,
    what: Drawn,
    list: &[String],
    reason: &str,
    batch: &mut crate::store::Batch,
) -> Result<(), Text> {
    // An open commitment is set aside only with a reason (the list changed, the seed lost), kept in the log like a redraw.
    if let Some((record, _)) = lots.open_commit(what) {
        if reason.trim().is_empty() {
            return Err(msg!("draw-commit-open", what = what_words(what.name()), seq = record.seq));
        }
    }
    if list.is_empty() {
        return Err(msg!("draw-no-entries"));
    }
    if let Some((record, _)) = lots.drawn(what) {
        if reason.trim().is_empty() {
            return Err(msg!("draw-redraw-needs-reason", what = what_words(what.name()), seq = record.seq));
        }
    }
    match what {
        Drawn::Stations => {
            let (stations, heats) = stations(rules)?;
            let seats = stations.len() * heats as usize;
            if list.len() > seats {
                return Err(msg!(
                    "draw-too-few-stations",
                    entries = list.len(),
                    stations = stations.len(),
                    heats = heats,
                    seats = seats
                ));
            }
        }
        Drawn::Codes if batch.has_codes()? => return Err(msg!("draw-codes-exist")),
        _ => {}
    }
    Ok(())
}

fn check_move(rules: &Rules, lots: &Lots, entry: &str, to: &str, heat: Option<u32>, reason: &str) -> Result<Move, Text> {
    if reason.trim().is_empty() {
        return Err(msg!("draw-move-needs-reason"));
    }
    let places = lots.assignment(Drawn::Stations).ok_or_else(|| msg!("draw-move-not-drawn"))?;
    let entry = entry.trim();
    let Some(place) = places.iter().find(|p| p.entry == entry) else {
        return Err(msg!("draw-move-unknown-entry", entry = entry));
    };
    let plan = rules
        .workflow
        .as_ref()
        .and_then(|w| w.draw.as_ref())
        .ok_or_else(|| msg!("draw-no-plan"))?;
    let (stations, heats) = stations(rules)?;
    let to = to.trim();
    if !stations.iter().chain(&plan.backups).any(|s| s == to) {
        let all: Vec<&str> = stations.iter().chain(&plan.backups).map(String::as_str).collect();
        return Err(msg!("draw-move-unknown-station", to = to, valid = all.join(", ")));
    }
    let heat = heat.or(place.heat).unwrap_or(1);
    if heat == 0 || heat > heats {
        return Err(msg!("draw-move-heat", heat = heat, heats = heats));
    }
    if let Some(other) = places.iter().find(|p| p.entry != entry && p.heat == Some(heat) && p.slot == to) {
        return Err(msg!("draw-move-taken", to = to, heat = heat, other = other.entry));
    }
    Ok(Move {
        entry: entry.into(),
        heat,
        to: to.into(),
        time_added: 0,
    })
}

fn json(value: &impl Serialize) -> String {
    serde_json::to_string(value).expect("plain structs serialise")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(seq: i64, step: &str, value: &impl Serialize) -> StepRecord {
        StepRecord {
            seq,
            step: step.into(),
            subject: String::new(),
            value: json(value),
            reason: String::new(),
            actor: "chief".into(),
            at: String::new(),
        }
    }

    /// A stations draw over W1..W3 at A/B, two heats, as recorded.
    fn drawn(seed: [u8; 32]) -> (Commit, Reveal) {
        let entries: Vec<String> = ["W1", "W2", "W3"].map(String::from).to_vec();
        let stations: Vec<String> = ["A", "B"].map(String::from).to_vec();
        let commit = Commit {
            what: "stations".into(),
            commitment: draw::commitment(&seed),
            list: draw::list_digest(&entries),
            count: 3,
            seats: Some(Seats {
                stations: stations.clone(),
                heats: 2,
            }),
        };
        let reveal = Reveal {
            what: "stations".into(),
            seed: crate::store::hex(&seed),
            commitment: commit.commitment.clone(),
            places: draw::places(&seed, Drawn::Stations, &entries, &stations, 2),
            entries,
            stations,
            heats: 2,
        };
        (commit, reveal)
    }

    fn problems(records: &[StepRecord]) -> Vec<String> {
        Lots::read(records)
            .verify()
            .iter()
            .map(|t| t.in_lang(crate::contest::Lang::En))
            .collect()
    }

    #[test]
    fn verify_checks_each_draw_against_the_commitment_before_it() {
        let (commit, reveal) = drawn([5; 32]);
        assert!(problems(&[record(1, "draw-commit", &commit), record(2, "draw", &reveal)]).is_empty());
        // Revealed with no commitment before it (or only after it).
        let late = problems(&[record(2, "draw", &reveal), record(3, "draw-commit", &commit)]);
        assert_eq!(
            late,
            ["record #2: no commitment to this seed was published before it; the draw was not committed to"]
        );
        // Another list than the one committed to: the places still follow from the seed.
        let mut other = reveal.clone();
        other.entries.push("W4".into());
        other.places = draw::places(&[5; 32], Drawn::Stations, &other.entries, &other.stations, 2);
        let listed = problems(&[record(1, "draw-commit", &commit), record(2, "draw", &other)]);
        assert_eq!(listed, ["record #2: the entries list drawn over is not the list committed to"]);
        // The stations reordered after the commitment.
        let mut turned = reveal.clone();
        turned.stations.reverse();
        turned.places = draw::places(&[5; 32], Drawn::Stations, &turned.entries, &turned.stations, 2);
        let seated = problems(&[record(1, "draw-commit", &commit), record(2, "draw", &turned)]);
        assert_eq!(seated, ["record #2: the stations or heats drawn over are not those committed to"]);
        // An older commitment (recorded before seats were) is checked on its list alone.
        let old = Commit { seats: None, ..commit };
        assert!(problems(&[record(1, "draw-commit", &old), record(2, "draw", &turned)]).is_empty());
    }
}
