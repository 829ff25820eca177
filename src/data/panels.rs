//! Who judges which entry. A judge stands aside from an entry they may not
//! mark (their own organisation, an entry not assigned to them, another
//! division); the panel of an entry for a criterion is then the criterion's
//! judges who may mark it, each judge who stands aside replaced by the next
//! reserve judge (in the contest's order) who may. Panel rules (trimming,
//! `BySize`, the spread check) apply to that panel, and every reader —
//! scoring, `status`, the judges' pages, the desk — asks this one place.

use crate::contest::{Judge, Rules};
use crate::data::Entries;
use rustc_hash::FxHashSet;
use std::borrow::Cow;

/// Judges on a panel: on the stack for panels of up to 8.
pub type Seats = smallvec::SmallVec<[u16; 8]>;

/// What limits the entries one judge may mark.
#[derive(Default)]
struct Permit {
    /// The judge's organisation, as an entries value id: its entries are refused.
    own_organisation: Option<u32>,
    /// Only these entries (by number): those assigned in the contest or the
    /// assignments file, and the members of groups assigned there.
    entries: Option<FxHashSet<u32>>,
    /// Only entries with this value (id) in this field column.
    division: Option<(usize, u32)>,
}

impl Permit {
    fn new(judge: &Judge, rules: &Rules, entries: &Entries) -> Permit {
        let own_organisation = (!rules.contest.judging.allow_own_organisation && !judge.organisation.is_empty())
            .then(|| entries.value_id(&judge.organisation))
            .flatten();
        let assigned = judge.entries.is_some() || !judge.groups.is_empty();
        let mut allowed: FxHashSet<u32> = judge.entries.iter().flatten().filter_map(|id| entries.find(id)).collect();
        // Members of the judge's groups, in one pass over the entries.
        let groups: FxHashSet<(usize, u32)> = judge
            .groups
            .iter()
            .filter_map(|(field, value)| Some((entries.field_index(field)?, entries.value_id(value)?)))
            .collect();
        let mut columns: Vec<usize> = groups.iter().map(|&(column, _)| column).collect();
        columns.sort_unstable();
        columns.dedup();
        if !groups.is_empty() {
            let member = |e: &crate::data::Entry| columns.iter().any(|&c| groups.contains(&(c, entries.value_id_of(e, c))));
            allowed.extend((0..entries.list.len() as u32).filter(|&i| member(&entries.list[i as usize])));
        }
        Permit {
            own_organisation,
            entries: assigned.then_some(allowed),
            // A division value no entry has matches nothing: the value id is then u32::MAX.
            division: judge
                .division
                .as_ref()
                .and_then(|(field, value)| entries.field_index(field).map(|c| (c, entries.value_id(value).unwrap_or(u32::MAX)))),
        }
    }

    fn is_unrestricted(&self) -> bool {
        self.own_organisation.is_none() && self.entries.is_none() && self.division.is_none()
    }
}

/// Every judge's permits, each entry's judges and the reserves, built once
/// per contest.
pub struct Panels {
    permits: Vec<Permit>,
    /// Reserve judges, in the contest's order.
    reserves: Vec<u16>,
    /// When some judge is limited: the judges who may mark each entry, by
    /// judge number (none when every judge may mark every entry).
    allowed: Option<Vec<Seats>>,
    /// Whether each judge sits on each criterion's panel: `on_panel[c][j]`.
    on_panel: Vec<Vec<bool>>,
}

impl Panels {
    pub fn new(rules: &Rules, entries: &Entries) -> Panels {
        let judges = rules.contest.judges.len();
        let permits: Vec<Permit> = rules.contest.judges.iter().map(|j| Permit::new(j, rules, entries)).collect();
        let allowed = (!permits.iter().all(Permit::is_unrestricted)).then(|| {
            (0..entries.list.len() as u32)
                .map(|e| {
                    (0..judges as u16)
                        .filter(|&j| permitted(&permits[j as usize], entries, e))
                        .collect()
                })
                .collect()
        });
        let on_panel = rules
            .criteria
            .iter()
            .map(|rule| (0..judges as u16).map(|j| rule.judges.contains(&j)).collect())
            .collect();
        let reserves = (0..judges as u16).filter(|&j| rules.contest.judges[j as usize].reserve).collect();
        Panels {
            permits,
            reserves,
            allowed,
            on_panel,
        }
    }

    /// Why judge `judge` may not mark entry `entry`, if they may not.
    pub fn refuses(&self, rules: &Rules, entries: &Entries, judge: u16, entry: u32) -> Option<crate::i18n::Text> {
        let permit = &self.permits[judge as usize];
        let judge = &rules.contest.judges[judge as usize];
        let record = &entries.list[entry as usize];
        if permit.own_organisation == Some(entries.value_id_of(record, 0)) {
            return Some(crate::msg!("files-judge-own-organisation", organisation = judge.organisation));
        }
        if permit.entries.as_ref().is_some_and(|allowed| !allowed.contains(&entry)) {
            return Some(crate::msg!("files-judge-not-assigned", entry = record.id));
        }
        if let (Some((column, value)), Some((field, wanted))) = (permit.division, &judge.division) {
            if entries.value_id_of(record, column) != value {
                return Some(crate::msg!(
                    "files-judge-other-division",
                    field = field,
                    wanted = wanted,
                    entry = record.id
                ));
            }
        }
        None
    }

    /// Whether every entry's panel for each criterion is the criterion's
    /// judges: no judge is closed to any entry, so no reserve sits.
    pub fn same_for_every_entry(&self) -> bool {
        self.allowed.is_none()
    }

    /// Whether judge `judge` may mark entry `entry` at all.
    pub fn permits(&self, judge: u16, entry: u32) -> bool {
        self.allowed.as_ref().is_none_or(|allowed| allowed[entry as usize].contains(&judge))
    }

    /// The judges who mark `entry` on criterion `criterion`'s panel: its
    /// judges who may, and for each who stands aside the next reserve who
    /// may and is not already seated. Empty for a criterion no panel marks.
    pub fn seated<'r>(&self, rules: &'r Rules, criterion: usize, entry: u32) -> Cow<'r, [u16]> {
        let panel = &rules.criteria[criterion].judges;
        let Some(allowed) = &self.allowed else {
            return Cow::Borrowed(panel);
        };
        let on_panel = &self.on_panel[criterion];
        let mut seats: Seats = allowed[entry as usize].iter().copied().filter(|&j| on_panel[j as usize]).collect();
        let mut vacant = panel.len() - seats.len();
        for &reserve in &self.reserves {
            if vacant == 0 {
                break;
            }
            if !on_panel[reserve as usize] && self.permits(reserve, entry) {
                seats.push(reserve);
                vacant -= 1;
            }
        }
        Cow::Owned(seats.into_vec())
    }

    /// Whether `judge` sits on criterion `criterion`'s panel for every
    /// entry: a judge of the panel where no entry is closed to any judge
    /// (the usual contest, checked at every mark read without more).
    pub fn sits_for_all(&self, criterion: usize, judge: u16) -> bool {
        self.allowed.is_none() && self.on_panel[criterion][judge as usize]
    }

    /// Whether `judge` sits on `entry`'s panel for criterion `criterion`
    /// (checked for every mark read: a judge of the panel needs no seating
    /// worked out, only a reserve does).
    pub fn sits(&self, rules: &Rules, criterion: usize, judge: u16, entry: u32) -> bool {
        if self.on_panel[criterion][judge as usize] {
            self.permits(judge, entry)
        } else {
            self.reserves.contains(&judge) && self.seated(rules, criterion, entry).contains(&judge)
        }
    }
}

/// Whether a judge with this permit may mark entry `entry`.
fn permitted(permit: &Permit, entries: &Entries, entry: u32) -> bool {
    let record = &entries.list[entry as usize];
    permit.own_organisation != Some(entries.value_id_of(record, 0))
        && permit.entries.as_ref().is_none_or(|allowed| allowed.contains(&entry))
        && permit
            .division
            .is_none_or(|(column, value)| entries.value_id_of(record, column) == value)
}
