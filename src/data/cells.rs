//! What a cell holds that a person cannot see is wrong: a full-width digit
//! (`８.5`), a Chinese comma (`8，5`), a full-width or stray space, an
//! invisible character. Errors name the character, its column (letter and
//! header) and the fix; numbers typed in full-width digits are read exactly
//! as their half-width twins (ids never are changed).

use crate::i18n::{spoken, Text};
use crate::{msg, say};
use std::borrow::Cow;

/// A spreadsheet column name: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(mut column: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

/// The field of a diagnostic about column `column` (0-based): its header
/// as the file writes it and its letter, `value (column E)`. In the
/// language of the process (a diagnostic's field is not translated later).
pub fn column_label(column: usize, header: Option<&str>) -> String {
    let letter = column_letter(column);
    match header {
        Some(header) if !header.is_empty() => say!(spoken(), "files-column", header = header, letter = letter),
        _ => say!(spoken(), "files-column-only", letter = letter),
    }
}

/// The field of a diagnostic about a whole row.
pub fn row_field() -> String {
    say!(spoken(), "files-field-row")
}

/// "did you mean X?" if a candidate is close to `name`, otherwise the
/// valid names (the first dozen).
pub fn suggestion<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str> + Clone) -> Text {
    if let Some(best) = crate::error::did_you_mean(name, candidates.clone()) {
        return msg!("files-did-you-mean", name = best);
    }
    let all: Vec<&str> = candidates.into_iter().collect();
    match all.len() {
        0 => msg!("files-none-declared"),
        n if n > 12 => msg!(
            "files-valid-many",
            names = all[..12].join(&crate::say!(crate::i18n::spoken(), "list-separator")),
            count = n
        ),
        _ => msg!(
            "files-valid",
            names = all.join(&crate::say!(crate::i18n::spoken(), "list-separator"))
        ),
    }
}

/// The half-width twin of a full-width form (`８` → `8`, `，` → `,`) or of
/// Chinese punctuation that stands for one (`、` → `,`, `。` → `.`).
fn half_width(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        '、' => Some(','),
        '。' => Some('.'),
        _ => None,
    }
}

/// Spaces and characters that show as nothing.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{3000}'
    )
}

/// Why a trimmed cell may not read as meant: the first character a person
/// would not see as wrong, named with its fix. `None` if there is none.
pub fn odd_character(cell: &str) -> Option<Text> {
    cell.chars().find_map(|c| {
        let code = crate::text::code_point(c);
        if let Some(plain) = half_width(c) {
            Some(msg!("files-odd-wide", code = code, char = c, plain = plain))
        } else if c == ' ' {
            Some(msg!("files-odd-space", code = code))
        } else if is_invisible(c) {
            Some(msg!("files-odd-invisible", code = code))
        } else {
            None
        }
    })
}

/// As `odd_character`, for a cell that holds a number: a Chinese comma or
/// full stop there was meant as a decimal point or a thousands separator,
/// not as a comma.
pub fn odd_in_number(cell: &str) -> Option<Text> {
    match cell.chars().find(|c| matches!(c, '，' | '、' | '。' | '．')) {
        Some(c) if c != '．' || !cell.contains(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c)) => {
            Some(msg!("files-odd-in-number", code = crate::text::code_point(c), char = c))
        }
        _ => odd_character(cell),
    }
}

/// What to do about a row with the wrong number of fields: a Chinese
/// comma, semicolon or a tab used between columns is named; else check the
/// commas.
pub fn separator_help(row: &str) -> Text {
    match row.chars().find(|c| matches!(c, '，' | '；' | ';' | '\t' | '、')) {
        Some(c) => {
            // A tab shows as nothing: write it as `\t`.
            let shown = if c == '\t' { "\\t".to_string() } else { c.to_string() };
            msg!("files-separator", code = crate::text::code_point(c), char = shown)
        }
        None => msg!("files-check-commas"),
    }
}

/// A number as typed, read as ASCII: full-width digits, full stop, plus
/// and minus (`８．５`) become their half-width twins, and edge spaces
/// (full-width too) go. Nothing else changes, so a value that is no number
/// stays one.
pub fn ascii_number(cell: &str) -> Cow<'_, str> {
    let cell = super::headers::trimmed(cell);
    if cell.is_ascii() {
        return Cow::Borrowed(cell);
    }
    Cow::Owned(
        cell.chars()
            .map(|c| match c {
                '０'..='９' | '．' | '－' | '＋' => half_width(c).unwrap_or(c),
                _ => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contest::Lang;

    #[test]
    fn spreadsheet_column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(3), "D");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27 * 26), "AAA");
    }

    #[test]
    fn odd_characters_are_named_with_their_fix() {
        let said = |cell: &str| odd_character(cell).map(|t| t.in_lang(Lang::En));
        assert!(said("８.5").unwrap().contains("U+FF18 \"８\""), "{:?}", said("８.5"));
        assert!(said("8，5").unwrap().contains("U+FF0C"));
        assert!(said("8 .5").unwrap().contains("U+0020"));
        assert!(said("8.5\u{3000}").unwrap().contains("U+3000"));
        assert_eq!(said("8.5"), None);
        let number = odd_in_number("8，5").unwrap().in_lang(Lang::En);
        assert!(number.contains("U+FF0C") && number.contains("decimal point"), "{number}");
        assert_eq!(said("王伟"), None);
    }

    #[test]
    fn full_width_numbers_read_exactly() {
        assert_eq!(ascii_number("８．５"), "8.5");
        assert_eq!(ascii_number("\u{3000}－１２\u{3000}"), "-12");
        assert_eq!(ascii_number("8，5"), "8，5");
        assert!(matches!(ascii_number(" 8.5 "), Cow::Borrowed("8.5")));
    }
}
