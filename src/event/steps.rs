//! The workflow's steps as the store keeps them: a name, what the step is
//! about, its details as JSON and a reason (`StepRecord`). Steps this
//! module does not know (a draw's) are left to their own readers.

use crate::i18n::Text;
use crate::msg;
use crate::store::StepRecord;
use serde::{Deserialize, Serialize};

/// One step of the workflow, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The chief judge confirms a judge's sheet as it stands: the digest of
    /// that judge's current marks.
    ConfirmSheet { judge: String, digest: String },
    /// The chief judge signs the results: the digest of all current marks.
    Sign { digest: String },
    /// The supervisor signs after the chief judge, the same digest.
    Countersign { digest: String },
    /// The encryption judge decodes a layer of codes (2: work-piece codes
    /// to entry codes; 1: entry codes to names)...
    Decode { layer: u8 },
    /// ...which shows only once the supervisor confirms it.
    Witness { layer: u8 },
    /// The public notice starts; it ends at `until` (UTC, RFC 3339).
    Notice { until: String },
    /// An appeal (or, during the notice, an objection) is filed.
    Appeal(Appeal),
    /// The arbitration group rules on appeal `id`; final.
    Ruling { id: String, upheld: bool },
}

/// What an appeal says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appeal {
    pub id: String,
    /// The entry it concerns.
    pub entry: String,
    /// Who appeals (a team leader: 领队).
    pub from: String,
    /// What is appealed, in their words.
    pub what: String,
    /// Filed during the public notice (异议) rather than after marking (申诉).
    #[serde(default)]
    pub objection: bool,
}

#[derive(Serialize, Deserialize)]
struct Digest {
    digest: String,
}

#[derive(Serialize, Deserialize)]
struct Layer {
    layer: u8,
}

#[derive(Serialize, Deserialize)]
struct Until {
    until: String,
}

#[derive(Serialize, Deserialize)]
struct Upheld {
    upheld: bool,
}

impl Step {
    /// The step's name in the store.
    pub fn name(&self) -> &'static str {
        match self {
            Step::ConfirmSheet { .. } => "sheet-confirm",
            Step::Sign { .. } => "sign",
            Step::Countersign { .. } => "countersign",
            Step::Decode { .. } => "decode",
            Step::Witness { .. } => "decode-witness",
            Step::Notice { .. } => "notice",
            Step::Appeal(_) => "appeal",
            Step::Ruling { .. } => "ruling",
        }
    }

    /// What the step is about (the `subject` column) and its details.
    pub fn stored(&self) -> (String, String) {
        match self {
            Step::ConfirmSheet { judge, digest } => (judge.clone(), json(&Digest { digest: digest.clone() })),
            Step::Sign { digest } | Step::Countersign { digest } => (String::new(), json(&Digest { digest: digest.clone() })),
            Step::Decode { layer } | Step::Witness { layer } => (String::new(), json(&Layer { layer: *layer })),
            Step::Notice { until } => (String::new(), json(&Until { until: until.clone() })),
            Step::Appeal(appeal) => (appeal.id.clone(), json(appeal)),
            Step::Ruling { id, upheld } => (id.clone(), json(&Upheld { upheld: *upheld })),
        }
    }

    /// The step a record holds, if it is one of these (and reads as one:
    /// a record that does not is left out rather than guessed at).
    pub fn read(record: &StepRecord) -> Option<Step> {
        let value = record.value.as_str();
        let step = match record.step.as_str() {
            "sheet-confirm" => Step::ConfirmSheet {
                judge: record.subject.clone(),
                digest: serde_json::from_str::<Digest>(value).ok()?.digest,
            },
            "sign" => Step::Sign {
                digest: serde_json::from_str::<Digest>(value).ok()?.digest,
            },
            "countersign" => Step::Countersign {
                digest: serde_json::from_str::<Digest>(value).ok()?.digest,
            },
            "decode" => Step::Decode {
                layer: serde_json::from_str::<Layer>(value).ok()?.layer,
            },
            "decode-witness" => Step::Witness {
                layer: serde_json::from_str::<Layer>(value).ok()?.layer,
            },
            "notice" => Step::Notice {
                until: serde_json::from_str::<Until>(value).ok()?.until,
            },
            "appeal" => Step::Appeal(serde_json::from_str(value).ok()?),
            "ruling" => Step::Ruling {
                id: record.subject.clone(),
                upheld: serde_json::from_str::<Upheld>(value).ok()?.upheld,
            },
            _ => return None,
        };
        Some(step)
    }
}

impl Step {
    /// What the step did, in words, for the audit trail and the report.
    pub fn words(&self) -> Text {
        match self {
            Step::ConfirmSheet { judge, digest } => msg!("step-confirm-sheet", judge = judge, digest = short(digest)),
            Step::Sign { digest } => msg!("step-sign", digest = short(digest)),
            Step::Countersign { digest } => msg!("step-countersign", digest = short(digest)),
            Step::Decode { layer } => msg!("step-decode", layer = layer),
            Step::Witness { layer } => msg!("step-witness", layer = layer),
            Step::Notice { until } => msg!(
                "step-notice",
                until = until.parse().map(super::decide::shown).unwrap_or_else(|_| until.clone())
            ),
            Step::Appeal(a) if a.objection => msg!("step-objection", id = a.id, entry = a.entry, from = a.from, what = a.what),
            Step::Appeal(a) => msg!("step-appeal", id = a.id, entry = a.entry, from = a.from, what = a.what),
            Step::Ruling { id, upheld: true } => msg!("step-upheld", id = id),
            Step::Ruling { id, upheld: false } => msg!("step-dismissed", id = id),
        }
    }
}

impl Step {
    /// What was recorded, by whom, in words: what the command line and
    /// the desk answer.
    pub fn done(&self, who: &str, seq: i64) -> Text {
        match self {
            Step::ConfirmSheet { judge, .. } => msg!("event-done-sheet", who = who, judge = judge, seq = seq),
            Step::Sign { .. } => msg!("event-done-sign", who = who, seq = seq),
            Step::Countersign { .. } => msg!("event-done-countersign", who = who, seq = seq),
            Step::Decode { layer } => msg!("event-done-decode", who = who, layer = layer, seq = seq),
            Step::Witness { layer } => msg!("event-done-witness", who = who, layer = layer, seq = seq),
            Step::Notice { until } => msg!(
                "event-done-notice",
                who = who,
                until = until.parse().map(super::decide::shown).unwrap_or_else(|_| until.clone()),
                seq = seq
            ),
            Step::Appeal(appeal) => msg!("event-done-appeal", who = who, id = appeal.id, entry = appeal.entry, seq = seq),
            Step::Ruling { id, upheld: true } => msg!("event-done-upheld", who = who, id = id, seq = seq),
            Step::Ruling { id, upheld: false } => msg!("event-done-dismissed", who = who, id = id, seq = seq),
        }
    }
}

/// A digest's first 12 hex digits: enough to compare with a printed sheet.
fn short(digest: &str) -> &str {
    digest.get(..12).unwrap_or(digest)
}

/// A step's details as one line of JSON.
fn json(value: &impl Serialize) -> String {
    serde_json::to_string(value).expect("plain structs serialise")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(step: &Step) -> StepRecord {
        let (subject, value) = step.stored();
        StepRecord {
            seq: 1,
            step: step.name().into(),
            subject,
            value,
            reason: String::new(),
            actor: "王建国 (chief)".into(),
            at: "2026-12-05T02:00:00Z".into(),
        }
    }

    #[test]
    fn every_step_reads_back_as_written() {
        let steps = [
            Step::ConfirmSheet {
                judge: "J1".into(),
                digest: "ab".into(),
            },
            Step::Sign { digest: "cd".into() },
            Step::Countersign { digest: "cd".into() },
            Step::Decode { layer: 2 },
            Step::Witness { layer: 1 },
            Step::Notice {
                until: "2026-12-10T02:00:00Z".into(),
            },
            Step::Appeal(Appeal {
                id: "A1".into(),
                entry: "E07".into(),
                from: "张领队".into(),
                what: "第 3 项计时有误".into(),
                objection: false,
            }),
            Step::Ruling {
                id: "A1".into(),
                upheld: true,
            },
        ];
        for step in steps {
            assert_eq!(Step::read(&record(&step)), Some(step));
        }
    }

    #[test]
    fn a_record_that_does_not_read_is_left_out() {
        let mut broken = record(&Step::Sign { digest: "cd".into() });
        broken.value = "{\"digest\": 7}".into();
        assert_eq!(Step::read(&broken), None);
        broken.step = "draw".into();
        assert_eq!(Step::read(&broken), None);
    }
}
