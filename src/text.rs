//! Text crossing podium's edges, made safe for what reads it next: a
//! spreadsheet (a cell that starts like a formula), a terminal (escape codes,
//! line breaks, direction overrides) or an XML parser (characters XML 1.0
//! does not allow).

use std::borrow::Cow;

/// Whether `c` changes how text around it is shown rather than being shown:
/// C0 and C1 controls (line breaks, tab, escape, bell, delete), the
/// direction marks and overrides (U+202E shows what follows backwards), and
/// the line and paragraph separators. None has a place in a name, a reason
/// or a clerk's name.
pub fn is_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

/// The first control character in `text` (see `is_control`), if any.
pub fn first_control(text: &str) -> Option<char> {
    // Printable ASCII, most ids and many names, holds none: seen a byte at
    // a time without decoding (every cell of every entries file is asked).
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return None;
    }
    text.chars().find(|&c| is_control(c))
}

/// A control character named for people: `U+001B`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// Refuses text that holds a control character, naming the field and the
/// character: what is typed as a reason or a clerk's name is shown later in
/// terminals and the audit log, where an escape code or a line break could
/// forge a line.
pub fn refuse_controls(field: &str, text: &str) -> Result<(), String> {
    match first_control(text) {
        None => Ok(()),
        Some(c) => Err(crate::msg!("text-control-character", field = field, code = code_point(c)).to_string()),
    }
}

/// `text` for a terminal: each control character written as `\u{1b}`, so it
/// is seen rather than obeyed (text stored before podium refused them).
pub fn shown(text: &str) -> Cow<'_, str> {
    if first_control(text).is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_control(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether XML 1.0 allows `c` in a document.
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `text` with every character XML 1.0 does not allow replaced by U+FFFD,
/// so that an XML parser (an SVG viewer) accepts the document.
pub fn xml_chars(text: &str) -> Cow<'_, str> {
    if text.chars().all(allowed_in_xml) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| if allowed_in_xml(c) { c } else { '\u{FFFD}' }).collect())
}

/// Whether a spreadsheet would read a cell starting with this byte as a
/// formula (or, for tab and CR, pass over them to one that is).
fn starts_formula(byte: u8) -> bool {
    matches!(byte, b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
}

/// Whether `bytes`, once any leading apostrophes are passed, starts like a formula.
fn formula_like(bytes: &[u8]) -> bool {
    let rest = bytes.iter().position(|&b| b != b'\'').map_or(&[][..], |i| &bytes[i..]);
    rest.first().is_some_and(|&b| starts_formula(b))
}

/// A text cell for a CSV file: one that starts like a formula (`=`, `+`,
/// `-`, `@`, tab, CR) gets an apostrophe in front, which spreadsheets take
/// as "this is text" (OWASP's advice), so `=1+cmd|' /C calc'!A0` reaches
/// Excel as words, not a formula. A cell that already starts with
/// apostrophes before such a character gets one more, so `from_spreadsheet`
/// gives back exactly what was written. Only for text: numbers (`-1.5`) are
/// written as they are.
pub fn spreadsheet_text(text: &str) -> Cow<'_, str> {
    if formula_like(text.as_bytes()) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The text a cell written by `spreadsheet_text` held: one apostrophe before
/// a formula-like start is taken away (as a spreadsheet does when it reads
/// a typed `'=…`); anything else is as it is.
pub fn from_spreadsheet(cell: &[u8]) -> &[u8] {
    match cell.first() {
        Some(b'\'') if formula_like(cell) => &cell[1..],
        _ => cell,
    }
}

/// `from_spreadsheet` for a cell already read as text.
pub fn from_spreadsheet_str(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if formula_like(cell.as_bytes()) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_start_like_formulas_are_text_and_read_back_exactly() {
        for (text, written) in [
            ("=1+cmd|' /C calc'!A0", "'=1+cmd|' /C calc'!A0"),
            ("+1", "'+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("'=1", "''=1"),
            ("''@x", "'''@x"),
            ("E05", "E05"),
            ("O'Brien", "O'Brien"),
            ("'quoted'", "'quoted'"),
            ("'", "'"),
            ("", ""),
            ("钢筋一班", "钢筋一班"),
        ] {
            assert_eq!(spreadsheet_text(text), written, "{text:?}");
            assert_eq!(from_spreadsheet(written.as_bytes()), text.as_bytes(), "{written:?}");
            assert_eq!(from_spreadsheet_str(written), text, "{written:?}");
        }
        // What a clerk types in Excel to keep `=x` as text reads as `=x`.
        assert_eq!(from_spreadsheet(b"'=x"), b"=x");
    }

    #[test]
    fn control_characters_are_named_and_shown_escaped() {
        assert_eq!(first_control("typo"), None);
        assert_eq!(first_control("a\u{1b}[2J"), Some('\u{1b}'));
        assert_eq!(first_control("abc\u{202E}cba"), Some('\u{202E}'));
        assert_eq!(first_control("x\u{85}"), Some('\u{85}'));
        // At the ends of printable ASCII, which is seen without decoding.
        assert_eq!(first_control(" ~ E0001 王"), None);
        assert_eq!(first_control("del\u{7f}"), Some('\u{7f}'));
        assert_eq!(first_control("tab\there"), Some('\t'));
        let err = refuse_controls("--reason", "typo\n#999 forged").unwrap_err();
        assert!(err.starts_with("--reason") && err.contains("U+000A"), "{err}");
        assert_eq!(shown("誊写错误"), "誊写错误");
        assert_eq!(shown("a\u{1b}]0;t\u{7}\nb\u{202E}"), "a\\u{1b}]0;t\\u{7}\\u{a}b\\u{202e}");
    }

    #[test]
    fn xml_gets_only_characters_it_allows() {
        assert_eq!(xml_chars("金奖 & A\t\n"), "金奖 & A\t\n");
        assert_eq!(xml_chars("a\u{1}b\u{1b}c\u{FFFE}"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}");
    }
}
