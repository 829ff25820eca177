//! How a contest's results become final, as `contest.ron` declares it
//! (`workflow:`): who holds which role and what each may do, the lots,
//! the layers of blind codes, the sign-offs, the re-check, appeals and
//! public notice. The steps themselves and the states they lead through
//! are `crate::event`'s; this is only what the organiser writes.

use super::number::Number;
use crate::i18n::Text;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Workflow {
    /// Who holds each role: `(id: "chief", role: ChiefJudge, name: "王建国")`.
    pub roles: Vec<RoleHolder>,
    /// Lots drawn before the start: the stations (工位) and heats (场次).
    pub draw: Option<DrawPlan>,
    /// Layers of blind codes: 1 (entry codes) or 2 (entry codes, then
    /// work-piece codes marks are entered by). 0: none.
    pub code_layers: u8,
    /// Each judge's sheet is confirmed by the chief judge, and the results
    /// signed by the chief judge and then the supervisor.
    pub sign_offs: bool,
    /// The re-check (复核) of the results before they are signed.
    pub recheck: Option<RecheckPlan>,
    /// Appeals (申诉) to the arbitration group.
    pub appeals: Option<AppealPlan>,
    /// Public notice (公示) of the results before they are final.
    pub notice: Option<NoticePlan>,
}

/// A person (or group) holding a role, known by `id` on the command line
/// (`--as chief`) and at the desk (the role's own link).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct RoleHolder {
    pub id: String,
    pub role: Role,
    /// Who it is, as the records and the report name them.
    pub name: String,
    /// What this holder may do, instead of the role's usual rights
    /// (`Role::usual_rights`).
    #[serde(default)]
    pub may: Option<Vec<Action>>,
}

/// The roles of a Chinese skills contest's technical rules.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Hash)]
pub enum Role {
    /// 组委会: runs the event, starts the notice, publishes.
    Organiser,
    /// 裁判长.
    ChiefJudge,
    /// 加密裁判.
    EncryptionJudge,
    /// 监督.
    Supervisor,
    /// 仲裁组.
    Arbitration,
    /// 录分员: types paper sheets in, files appeals handed in on paper.
    Clerk,
    /// 裁判.
    Judge,
}

/// What a role may do: each step of the workflow needs one of these.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Hash)]
pub enum Action {
    /// Enter marks (a judge their own; a clerk a paper sheet's).
    Mark,
    /// Lock and unlock marking.
    Lock,
    /// Draw lots, and move an entry to a backup station.
    Draw,
    /// Give entry or work-piece codes.
    Code,
    /// Confirm a judge's sheet (裁判长确认).
    ConfirmSheet,
    /// Sign the results by code.
    SignResults,
    /// Decode a layer of codes (加密裁判解密).
    Decode,
    /// Witness a decoding and sign the results after the chief judge (监督).
    Supervise,
    /// Draw and enter the re-check.
    Recheck,
    /// File an appeal or an objection handed in.
    FileAppeal,
    /// Rule on an appeal or objection (仲裁).
    Rule,
    /// Start the public notice.
    Notice,
    /// Make the results final.
    Publish,
}

impl Role {
    /// What a role may do unless the contest says otherwise: the division
    /// of work the technical rules describe.
    pub fn usual_rights(self) -> &'static [Action] {
        use Action::*;
        match self {
            Role::Organiser => &[Lock, Draw, FileAppeal, Notice, Publish],
            Role::ChiefJudge => &[Mark, Lock, Draw, ConfirmSheet, SignResults, Recheck],
            Role::EncryptionJudge => &[Code, Decode],
            Role::Supervisor => &[Supervise],
            Role::Arbitration => &[Rule],
            Role::Clerk => &[Mark, FileAppeal],
            Role::Judge => &[Mark],
        }
    }

    /// The role in words: 裁判长.
    pub fn words(self) -> Text {
        Text::said(self.message_id())
    }

    /// The role's name in the message catalogue (`role-chief-judge`...).
    fn message_id(self) -> &'static str {
        match self {
            Role::Organiser => "role-organiser",
            Role::ChiefJudge => "role-chief-judge",
            Role::EncryptionJudge => "role-encryption-judge",
            Role::Supervisor => "role-supervisor",
            Role::Arbitration => "role-arbitration",
            Role::Clerk => "role-clerk",
            Role::Judge => "role-judge",
        }
    }
}

impl Action {
    /// The action in words: 确认评分表.
    pub fn words(self) -> Text {
        Text::said(self.message_id())
    }

    /// The action's name in the message catalogue (`action-mark`...).
    fn message_id(self) -> &'static str {
        match self {
            Action::Mark => "action-mark",
            Action::Lock => "action-lock",
            Action::Draw => "action-draw",
            Action::Code => "action-code",
            Action::ConfirmSheet => "action-confirm-sheet",
            Action::SignResults => "action-sign-results",
            Action::Decode => "action-decode",
            Action::Supervise => "action-supervise",
            Action::Recheck => "action-recheck",
            Action::FileAppeal => "action-file-appeal",
            Action::Rule => "action-rule",
            Action::Notice => "action-notice",
            Action::Publish => "action-publish",
        }
    }
}

impl RoleHolder {
    pub fn may(&self, action: Action) -> bool {
        match &self.may {
            Some(rights) => rights.contains(&action),
            None => self.role.usual_rights().contains(&action),
        }
    }
}

/// What lots are drawn over.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct DrawPlan {
    /// The stations' names (`["A01", "A02"]`), or none: numbered 1..n.
    pub stations: Vec<String>,
    /// How many stations, when they are only numbered.
    pub station_count: Option<u32>,
    /// Heats (场次) the entries are spread over, each using every station.
    pub heats: Option<u32>,
    /// Backup stations an entry may be moved to when its equipment fails.
    pub backups: Vec<String>,
}

/// The re-check's sample: all of the top `top`, `percent` % of the rest
/// drawn by lot, and every entry within `margin` points of an award or
/// qualification line; all re-checked once the error rate passes `threshold` %.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecheckPlan {
    pub top: u32,
    pub percent: Number,
    #[serde(default)]
    pub margin: Option<Number>,
    pub threshold: Number,
}

/// Appeals are filed within `within` of the end of marking (`"2h"`, `"20m"`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppealPlan {
    pub within: String,
}

/// The results are on public notice for `length` (`"5d"`, `"72h"`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticePlan {
    pub length: String,
}

/// Reads a length of time as a contest writes it: a whole number and a
/// unit, `s`, `m`, `h` or `d` (`"2h"`, `"20m"`, `"5d"`). Seconds, or None.
pub fn seconds(text: &str) -> Option<u64> {
    let text = text.trim();
    let unit = text.chars().last()?;
    let scale = match unit {
        's' => 1,
        'm' => 60,
        'h' => 3600,
        'd' => 86_400,
        _ => return None,
    };
    let count: u64 = text[..text.len() - 1].trim().parse().ok()?;
    // Ten years is longer than any contest's deadline; beyond it is a typo.
    let seconds = count.checked_mul(scale)?;
    (seconds <= 10 * 365 * 86_400).then_some(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_of_time_read_as_written() {
        assert_eq!(seconds("2h"), Some(7200));
        assert_eq!(seconds("20m"), Some(1200));
        assert_eq!(seconds(" 5d "), Some(432_000));
        assert_eq!(seconds("90s"), Some(90));
        assert_eq!(seconds("0s"), Some(0));
        for bad in ["", "h", "2", "2 hours", "-2h", "2.5h", "99999999999999999999d", "4000d", "２h"] {
            assert_eq!(seconds(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn roles_hold_their_usual_rights_unless_the_contest_says_otherwise() {
        let chief = RoleHolder {
            id: "chief".into(),
            role: Role::ChiefJudge,
            name: "王建国".into(),
            may: None,
        };
        assert!(chief.may(Action::SignResults) && !chief.may(Action::Decode) && !chief.may(Action::Rule));
        let narrowed = RoleHolder {
            may: Some(vec![Action::ConfirmSheet]),
            ..chief
        };
        assert!(narrowed.may(Action::ConfirmSheet) && !narrowed.may(Action::SignResults));
    }

    #[test]
    fn every_role_and_action_has_words() {
        use Role::*;
        for role in [Organiser, ChiefJudge, EncryptionJudge, Supervisor, Arbitration, Clerk, Judge] {
            assert!(crate::i18n::knows(role.message_id()), "{role:?}");
            for action in role.usual_rights() {
                assert!(crate::i18n::knows(action.message_id()), "{action:?}");
            }
        }
    }
}
