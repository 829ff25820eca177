//! What the World holds: one entity per entry with these components, and
//! the contest's inputs as a resource.

use crate::contest::Rules;
use crate::data::{ElementData, Entries, MarkSet, Panels};
use bevy_ecs::prelude::*;
use rust_decimal::Decimal;
use std::sync::Arc;

/// Everything scoring reads, shared by every system.
#[derive(Resource, Clone)]
pub struct Inputs {
    pub rules: Arc<Rules>,
    pub entries: Arc<Entries>,
    pub marks: Arc<MarkSet>,
    pub elements: Arc<ElementData>,
    /// Who marks which entry (judges who stand aside, reserves).
    pub panels: Arc<Panels>,
    /// In a stage: the earlier totals each entry carries in.
    pub carried: Arc<Carried>,
}

/// The earlier stages' totals each entry of a stage carries in: by entry,
/// one value per carried stage (`None`: the entry has no total there).
#[derive(Debug, Clone, Default)]
pub struct Carried {
    pub per_entry: usize,
    pub values: Vec<Option<Decimal>>,
    /// In the classification of a contest run in stages: the last stage
    /// each entry reached (empty elsewhere).
    pub reached: Vec<Option<usize>>,
}

impl Carried {
    pub fn get(&self, entry: u32, carried: usize) -> Option<Decimal> {
        self.values.get(entry as usize * self.per_entry + carried).copied().flatten()
    }
}

impl Inputs {
    pub fn new(rules: Rules, entries: Entries, marks: MarkSet, elements: ElementData) -> Inputs {
        let panels = Panels::new(&rules, &entries);
        Inputs {
            rules: Arc::new(rules),
            entries: Arc::new(entries),
            marks: Arc::new(marks),
            elements: Arc::new(elements),
            panels: Arc::new(panels),
            carried: Arc::default(),
        }
    }
}

/// Index of the entry in `Entries::list` (and in `MarkSet::ranges`).
#[derive(Component, Debug, Clone, Copy)]
pub struct EntryIndex(pub u32);

/// Each entry's entity, by entry index.
#[derive(Resource, Debug, Clone)]
pub struct EntryEntities(pub Vec<Entity>);

/// An `Option<Decimal>` in 16 bytes where the `Option` takes 20: a
/// national field holds 25 million scores, so those four bytes are a
/// tenth of its memory. `None` is a decimal's layout with a scale no
/// decimal has (a decimal's scale is at most 28).
#[derive(Clone, Copy)]
pub struct MaybeDecimal([u8; 16]);

impl MaybeDecimal {
    pub const NONE: MaybeDecimal = MaybeDecimal([0, 0, SCALE_OF_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

    pub fn get(self) -> Option<Decimal> {
        (self.0[SCALE_BYTE] != SCALE_OF_NONE).then(|| Decimal::deserialize(self.0))
    }
}

/// Where `Decimal::serialize` puts the scale, and the scale that says `None`.
const SCALE_BYTE: usize = 2;
const SCALE_OF_NONE: u8 = u8::MAX;

impl From<Option<Decimal>> for MaybeDecimal {
    fn from(value: Option<Decimal>) -> MaybeDecimal {
        value.map_or(MaybeDecimal::NONE, |v| MaybeDecimal(v.serialize()))
    }
}

impl From<Decimal> for MaybeDecimal {
    fn from(value: Decimal) -> MaybeDecimal {
        MaybeDecimal(value.serialize())
    }
}

impl Default for MaybeDecimal {
    fn default() -> MaybeDecimal {
        MaybeDecimal::NONE
    }
}

/// Equal as the decimals are (1.0 is 1.00), as `Option<Decimal>` is.
impl PartialEq for MaybeDecimal {
    fn eq(&self, other: &MaybeDecimal) -> bool {
        self.get() == other.get()
    }
}

impl std::fmt::Debug for MaybeDecimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

/// Each criterion's value, by criterion index; `None` until scored, or if it
/// cannot be scored (see the entry's flags). For a Flag this is the recorded
/// 0/1, for a PassFail 1 (pass) or 0 (fail); for every other kind, its points.
#[derive(Component, Debug, Clone, Default)]
pub struct CriterionValues(pub Vec<MaybeDecimal>);

/// `values` with room for `count`, made when the entry is first scored: on
/// the worker scoring it, not for a million entries on the thread that
/// spawns them (a seventh of the national run).
pub fn with_room(values: &mut Vec<MaybeDecimal>, count: usize) -> &mut [MaybeDecimal] {
    if values.len() != count {
        values.resize(count, MaybeDecimal::NONE);
    }
    values
}

/// One element of an element criterion of an entry, as scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementResult {
    pub criterion: u16,
    /// 1-based, as people number elements.
    pub element: u8,
    /// Whether the entry performed it (a not-performed element has no
    /// marks and no row in the elements file).
    pub performed: bool,
    /// The panel's score of its marks; `None` when not performed.
    pub score: Option<Decimal>,
    /// What the element counts in its criterion: its value, 0 for a
    /// not-performed element that counts `Zero`, `None` when left out.
    pub value: Option<Decimal>,
}

/// The elements of an entry's element criteria, in the contest's order;
/// empty for a contest without element criteria. An element after one that
/// could not be scored is not listed (its criterion is unscored).
#[derive(Component, Debug, Clone, Default)]
pub struct ElementResults(pub Vec<ElementResult>);

/// Each category's score; `None` if a criterion in it is unscored.
#[derive(Component, Debug, Clone, Default)]
pub struct CategoryScores(pub Vec<MaybeDecimal>);

/// The total; `None` for an incomplete entry, which is not ranked.
#[derive(Component, Debug, Clone, Default)]
pub struct Total(pub Option<Decimal>);

/// Text a user reads, in Chinese and English.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Words {
    pub zh: String,
    pub en: String,
}

impl Words {
    pub fn new(zh: String, en: String) -> Words {
        Words { zh, en }
    }

    pub fn get(&self, lang: crate::contest::Lang) -> &str {
        match lang {
            crate::contest::Lang::Zh => &self.zh,
            crate::contest::Lang::En => &self.en,
        }
    }
}

/// `words!("中文 {x}", "English {x}")`: both formatted, capturing the same names.
macro_rules! words {
    ($zh:literal, $en:literal $(,)?) => {
        $crate::engine::Words {
            zh: format!($zh),
            en: format!($en),
        }
    };
}
pub(crate) use words;

/// A value said in a language: words in that language, anything else as
/// it displays (a number, an id).
pub trait InLang {
    fn in_lang(&self, lang: crate::contest::Lang) -> String;
}

impl<T: std::fmt::Display + ?Sized> InLang for T {
    fn in_lang(&self, _: crate::contest::Lang) -> String {
        self.to_string()
    }
}

impl InLang for Words {
    fn in_lang(&self, lang: crate::contest::Lang) -> String {
        self.get(lang).to_string()
    }
}

/// `trace_say!(ID, name = value, …)`: the catalogue's message as
/// [`Words`], in both languages; a value that is itself `Words` is said in
/// each language in turn.
macro_rules! trace_say {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {{
        let said = |lang: $crate::contest::Lang| {
            $crate::i18n::say(lang, $id, &[$((stringify!($name), $crate::engine::InLang::in_lang(&$value, lang))),*])
        };
        $crate::engine::Words {
            zh: said($crate::contest::Lang::Zh),
            en: said($crate::contest::Lang::En),
        }
    }};
}
pub(crate) use trace_say;

/// Something a user must know about an entry's result.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Flag {
    /// A criterion could not be scored; the reason is for people. Shared:
    /// before the marks come in, every cell of every entry has one, and
    /// most say the same (see `criteria::Reason`).
    Incomplete { criterion: u16, reason: Arc<Words> },
    /// Marks further apart than the contest's spread check allows.
    Spread { criterion: u16, element: u8, spread: Decimal },
    /// The mean of the other judges stood in for missing judges.
    Substituted { criterion: u16, element: u8, judges: Vec<u16> },
    /// A veto condition held.
    Veto { veto: u16 },
    /// `missing: Zero` filled a gap: no mark where a judge's mark or a
    /// record was expected counted as 0 (element 0: not an element).
    /// Deductions, bonuses and flags without a record are not gaps.
    FilledZero { criterion: u16, element: u8 },
    /// A category's score (`None`: the total) is beyond the largest exact
    /// decimal, and left unscored.
    TooLarge { category: Option<u16> },
}

#[derive(Component, Debug, Clone, Default)]
pub struct Flags(pub Vec<Flag>);

impl Flags {
    pub fn disqualified(&self, rules: &Rules) -> bool {
        Flags::disqualify(&self.0, rules)
    }

    /// Whether these flags take every award (a veto that disqualifies).
    pub fn disqualify(flags: &[Flag], rules: &Rules) -> bool {
        flags.iter().any(|f| match f {
            Flag::Veto { veto } => matches!(
                rules.vetoes[*veto as usize].effect,
                crate::contest::rules::VetoEffectRule::Disqualify
            ),
            _ => false,
        })
    }
}

/// A place in a ranking: 1-based, shared by tied entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Place {
    pub rank: u32,
    pub tied: bool,
}

/// Places overall and within each division field (aligned with the
/// contest's `divisions`). `None` for unranked (incomplete) entries.
#[derive(Component, Debug, Clone, Default)]
pub struct Standing {
    pub overall: Option<Place>,
    pub divisions: DivisionPlaces,
}

/// An entry's places in its divisions: contests name one or two division
/// fields, whose places are held in the standing itself (in the space a
/// vector's header takes) rather than in an allocation per entry, of
/// which a national run made a million.
pub type DivisionPlaces = smallvec::SmallVec<[Option<Place>; 2]>;

/// Awards won: (award set, tier) indices.
#[derive(Component, Debug, Clone, Default)]
pub struct Awards(pub Vec<(u16, u16)>);

/// Present only on entries being explained: each system writes what it
/// did, each line under the criterion it was scoring (`AFTER_CRITERIA`
/// for the steps after them), so that the lines read in the contest's
/// order whatever order the systems ran in.
#[derive(Component, Debug, Clone, Default)]
pub struct Trace {
    pub lines: Vec<(u16, Words)>,
    /// The criterion being scored; `None` outside the criterion systems.
    pub criterion: Option<u16>,
}

/// The order key of the steps that follow every criterion's.
pub const AFTER_CRITERIA: u16 = u16::MAX;

impl Trace {
    pub fn note(trace: &mut Option<Mut<Trace>>, line: impl FnOnce() -> Words) {
        if let Some(trace) = trace {
            let key = trace.criterion.unwrap_or(AFTER_CRITERIA);
            trace.lines.push((key, line()));
        }
    }

    /// Marks the lines that follow as steps of `criterion` (`None`: of none).
    pub fn scoring(trace: &mut Option<Mut<Trace>>, criterion: Option<u16>) {
        if let Some(trace) = trace {
            trace.criterion = criterion;
        }
    }

    /// The lines in the contest's order: each criterion's steps in the
    /// order of the criteria, each in the order it was written, then the rest.
    pub fn in_order(mut self) -> Vec<Words> {
        self.lines.sort_by_key(|(key, _)| *key);
        self.lines.into_iter().map(|(_, words)| words).collect()
    }
}

// The places of two divisions take no more room than a vector's header.
const _: () = assert!(std::mem::size_of::<DivisionPlaces>() <= std::mem::size_of::<Vec<Option<Place>>>());

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The very decimal comes back: its value, scale and sign (1.50
        /// stays 1.50), as the board prints it.
        #[test]
        fn a_maybe_decimal_holds_any_decimal(lo: u32, mid: u32, hi: u32, negative: bool, scale in 0u32..=28) {
            let decimal = Decimal::from_parts(lo, mid, hi, negative, scale);
            let held = MaybeDecimal::from(decimal).get();
            prop_assert_eq!(held.map(|d| d.serialize()), Some(decimal.serialize()));
            prop_assert_eq!(MaybeDecimal::from(Some(decimal)), MaybeDecimal::from(decimal));
        }
    }

    #[test]
    fn nothing_is_none_in_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<MaybeDecimal>(), 16);
        for none in [MaybeDecimal::NONE, MaybeDecimal::default(), MaybeDecimal::from(None)] {
            assert_eq!(none.get(), None);
        }
        assert_ne!(MaybeDecimal::from(Decimal::ZERO), MaybeDecimal::NONE);
        // A zero made negative (which `from_parts` above never makes), the
        // extremes and the finest scale come back byte for byte: whatever
        // byte of the layout the scale is in, these would tell.
        let negative_zero = -Decimal::new(0, 2);
        assert!(negative_zero.is_sign_negative());
        let finest = Decimal::new(1, 28);
        for decimal in [negative_zero, Decimal::MAX, Decimal::MIN, finest, -finest] {
            let held = MaybeDecimal::from(decimal).get().map(|d| d.serialize());
            assert_eq!(held, Some(decimal.serialize()));
        }
        assert_eq!(MaybeDecimal::from(Decimal::new(100, 2)), MaybeDecimal::from(Decimal::ONE));
    }
}
