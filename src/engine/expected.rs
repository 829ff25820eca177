//! The marks a contest expects: the one notion of "complete" behind
//! `podium status`, the desk's list of who owes what, and the provisional
//! (暂定) awards on every board while marking is incomplete.

use super::Inputs;

/// Whether every mark the contest expects is in: `podium status`'s notion
/// of complete. Until it is, every award shown is provisional (暂定).
pub fn marking_complete(inputs: &Inputs) -> bool {
    marking_complete_of(inputs, 0..inputs.entries.list.len() as u32)
}

/// [`marking_complete`] of some of the entries.
pub(super) fn marking_complete_of(inputs: &Inputs, entries: std::ops::Range<u32>) -> bool {
    use rayon::prelude::*;
    match marks_each_entry_expects(inputs) {
        // Counted without reading a mark (walking them all cost a tenth of
        // scoring at province scale).
        Some(expected) => entries.into_par_iter().all(|e| inputs.marks.of_entry(e as usize).len() == expected),
        None => entries.into_par_iter().all(|e| entry_complete(inputs, e)),
    }
}

/// How many marks every entry is expected to have, where that is one
/// number and an entry with that many has each one: every criterion wants
/// a mark of each of its judges for each of its elements (no formula, no
/// gap counted as zero, no element an entry may leave unperformed, no
/// record without a judge), and every entry has the criterion's own panel
/// (no judge closed to an entry, so no reserve sits). As every mark read
/// into a set is checked to be of a judge seated for its entry and cell,
/// and no cell twice (files and the store alike), the count says it all.
/// `None` elsewhere: the marks are walked.
pub fn marks_each_entry_expects(inputs: &Inputs) -> Option<usize> {
    use crate::contest::{KindRule, Missing};
    if !inputs.panels.same_for_every_entry() {
        return None;
    }
    inputs.rules.criteria.iter().try_fold(0, |sum, rule| {
        let plain = !matches!(rule.kind, KindRule::Formula(_) | KindRule::Elements { unperformed: Some(_), .. })
            && rule.missing != Missing::Zero
            && !rule.judges.is_empty();
        plain.then(|| sum + rule.slot_count as usize * rule.judges.len())
    })
}

/// Whether every mark the contest expects of entry `e` is in.
pub fn entry_complete(inputs: &Inputs, e: u32) -> bool {
    let mut complete = true;
    expected_of_entry(inputs, e, &mut |_, _, _, _, found| {
        complete = found;
        found
    });
    complete
}

/// Visits every mark the contest expects, as `podium status` counts them:
/// each seated panel judge's mark of each element (a reserve in a seat
/// counts, who stands aside does not), and one record with no judge for a
/// criterion no panel marks; formulas, criteria where an absent mark
/// counts as zero, and elements an entry did not perform (where the contest
/// allows that), expect none. `visit(entry, criterion, element, judge,
/// found)` returns whether to go on; `judge` is `NO_JUDGE` for records.
pub fn expected_marks(inputs: &Inputs, mut visit: impl FnMut(u32, usize, u8, u16, bool) -> bool) {
    for e in 0..inputs.entries.list.len() as u32 {
        if !expected_of_entry(inputs, e, &mut visit) {
            return;
        }
    }
}

/// [`expected_marks`] of one entry; false when `visit` asked to stop.
fn expected_of_entry(inputs: &Inputs, e: u32, visit: &mut impl FnMut(u32, usize, u8, u16, bool) -> bool) -> bool {
    use crate::contest::{KindRule, Missing};
    use crate::data::NO_JUDGE;
    let rules = &inputs.rules;
    {
        let present = inputs.marks.entry(e as usize);
        let mut walk = present.walk();
        for (c, rule) in rules.criteria.iter().enumerate() {
            if matches!(rule.kind, KindRule::Formula(_)) || rule.missing == Missing::Zero {
                continue;
            }
            let judges = if rule.judges.is_empty() {
                std::borrow::Cow::Owned(vec![NO_JUDGE])
            } else {
                inputs.panels.seated(rules, c, e)
            };
            let may_skip = matches!(rule.kind, KindRule::Elements { unperformed: Some(_), .. });
            for element in 0..rule.slot_count {
                let slot = rule.first_slot + element as u16;
                if may_skip && !inputs.elements.performed(e, slot, present) {
                    continue;
                }
                // An entry's marks are sorted by slot: the slot's are one run, found once.
                let run = walk.in_slot(slot);
                for &judge in judges.iter() {
                    // A record without a judge may come from anyone.
                    let found = judge == NO_JUDGE && !run.is_empty() || run.iter().any(|m| m.judge == judge);
                    let shown = if matches!(rule.kind, KindRule::Elements { .. }) {
                        element + 1
                    } else {
                        0
                    };
                    if !visit(e, c, shown, judge, found) {
                        return false;
                    }
                }
            }
        }
    }
    true
}
