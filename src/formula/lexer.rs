//! Tokens of the formula language, each with its byte offset.

use crate::i18n::Text;
use crate::msg;
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    Number(Decimal),
    /// A name, possibly dotted: `score`, `quality.workmanship`.
    Name(String),
    Op(&'static str),
    LParen,
    RParen,
    Comma,
}

/// Splits `text` into (offset, token) pairs, or fails at the offending offset.
pub fn tokenize(text: &str) -> Result<Vec<(usize, Token)>, (usize, Text)> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() || (c == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)) {
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                i += 1;
            }
            let number =
                Decimal::from_str_exact(&text[start..i]).map_err(|_| (start, msg!("formula-not-a-number", text = &text[start..i])))?;
            tokens.push((start, Token::Number(number)));
            continue;
        }
        if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b'.' || bytes[i] >= 0x80) {
                i += 1;
            }
            tokens.push((start, Token::Name(text[start..i].to_string())));
            continue;
        }
        let two = text.get(i..i + 2).unwrap_or("");
        let (token, width) = match two {
            "<=" => (Token::Op("<="), 2),
            ">=" => (Token::Op(">="), 2),
            "==" => (Token::Op("=="), 2),
            "!=" => (Token::Op("!="), 2),
            _ => match c {
                b'+' => (Token::Op("+"), 1),
                b'-' => (Token::Op("-"), 1),
                b'*' => (Token::Op("*"), 1),
                b'/' => (Token::Op("/"), 1),
                b'<' => (Token::Op("<"), 1),
                b'>' => (Token::Op(">"), 1),
                b'(' => (Token::LParen, 1),
                b')' => (Token::RParen, 1),
                b',' => (Token::Comma, 1),
                _ => {
                    let ch = text[i..].chars().next().unwrap_or('?');
                    return Err((i, msg!("formula-unexpected-character", character = ch)));
                }
            },
        };
        tokens.push((start, token));
        i += width;
    }
    Ok(tokens)
}
