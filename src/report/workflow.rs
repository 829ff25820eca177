//! The report's record of the results workflow: how the results were made
//! final, the rule for each step, where they stand, and every step taken
//! with who took it and when (the draw's commitment and seed, the
//! re-check's figures, the signatures, decoding, appeals and rulings).

use crate::contest::Lang;
use crate::event::Event;
use crate::output::html::escape;
use crate::say;
use crate::store::StepRecord;
use std::fmt::Write as _;

/// The rule for each step, in the order the results go through them:
/// the same rules `event::decide` applies.
const RULES: [&str; 7] = [
    "report-workflow-rule-marking",
    "report-workflow-rule-sheets",
    "report-workflow-rule-sign",
    "report-workflow-rule-decode",
    "report-workflow-rule-appeals",
    "report-workflow-rule-notice",
    "report-workflow-rule-final",
];

pub fn record(body: &mut String, event: &Event, records: &[StepRecord], lang: Lang) {
    let _ = writeln!(body, "<h2 id=\"workflow\">{}</h2>", say!(lang, "report-workflow"));
    let _ = writeln!(body, "<h3>{}</h3><ol>", say!(lang, "report-workflow-rules"));
    for id in RULES {
        let _ = writeln!(body, "<li>{}</li>", escape(&crate::i18n::say(lang, id, &[])));
    }
    body.push_str("</ol>\n<ul>\n");
    for line in event.summary() {
        let _ = writeln!(body, "<li>{}</li>", escape(&line.in_lang(lang)));
    }
    body.push_str("</ul>\n");
    let _ = writeln!(
        body,
        "<h3>{}</h3><table><thead><tr><th class=\"n\">{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        say!(lang, "report-workflow-steps"),
        say!(lang, "report-workflow-record"),
        say!(lang, "report-workflow-when"),
        say!(lang, "report-workflow-who"),
        say!(lang, "report-workflow-what")
    );
    for record in records {
        let _ = writeln!(
            body,
            "<tr><td class=\"n\">#{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            record.seq,
            escape(&crate::store::local_time(&record.at)),
            escape(&record.actor),
            escape(&crate::event::step_words(record).in_lang(lang))
        );
    }
    body.push_str("</tbody></table>\n");
}
