//! Exact numbers in contest files.
//!
//! RON hands numbers to serde as `f64`, which cannot hold 0.1 exactly. A
//! `Number` is read either from a string (`"0.1"`, always exact) or from a
//! RON number, which is turned back into the shortest decimal that prints as
//! the same float: what the organiser typed, as long as they typed at most 15
//! significant digits. From then on everything is `rust_decimal::Decimal`.

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Number(pub Decimal);

impl Number {
    pub fn value(self) -> Decimal {
        self.0
    }
}

impl From<Decimal> for Number {
    fn from(d: Decimal) -> Self {
        Number(d)
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.normalize())
    }
}

/// The largest size of a number in a contest (its definition, element
/// data): far beyond any real score, time or amount, and small enough that
/// the exact arithmetic on such numbers cannot overflow in checking them.
pub const MAX_MAGNITUDE: i64 = 1_000_000_000_000;

/// The most decimal places a number in a contest may have (marks are stored
/// as i32 counts of their step, which cannot be finer than this).
pub const MAX_PLACES: u32 = 9;

/// What is wrong with `value` as a number in a contest, and what would be
/// valid: (message, help); `None` when it is within `MAX_MAGNITUDE` and
/// `MAX_PLACES`.
pub fn out_of_range(value: Decimal) -> Option<(String, String)> {
    let places = value.normalize().scale();
    if value.abs() > Decimal::from(MAX_MAGNITUDE) {
        Some((
            crate::msg!("number-too-large", value = value.normalize()).to_string(),
            crate::msg!("number-too-large-help", max = MAX_MAGNITUDE).to_string(),
        ))
    } else if places > MAX_PLACES {
        Some((
            crate::msg!("number-too-precise", value = value.normalize(), places = places).to_string(),
            crate::msg!("number-too-precise-help", places = MAX_PLACES).to_string(),
        ))
    } else {
        None
    }
}

/// Parses a decimal as written by a person: `12`, `-0.5`, `+3.25`.
/// The most characters a number in a contest, a mark or element data has
/// (a decimal of 28 digits with its sign and point fits).
pub const LONGEST_NUMBER: usize = 40;

pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let text = text.trim();
    // rust_decimal's exact parser recurses once per digit: a long run of
    // digits (a value stored by an older podium) must not reach it.
    if text.len() > LONGEST_NUMBER {
        return None;
    }
    let text = text.strip_prefix('+').unwrap_or(text);
    if text.is_empty() || text.contains(['e', 'E', '_']) {
        return None;
    }
    Decimal::from_str_exact(text).ok()
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NumberVisitor;
        impl Visitor<'_> for NumberVisitor {
            type Value = Number;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number such as 30, 0.5 or \"0.05\"")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Number, E> {
                Ok(Number(Decimal::from(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Number, E> {
                Ok(Number(Decimal::from(v)))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Number, E> {
                if !v.is_finite() {
                    return Err(E::custom(crate::msg!("number-not-finite")));
                }
                // Rust prints the shortest decimal that reads back as `v`.
                Decimal::from_str(&format!("{v}"))
                    .map(Number)
                    .map_err(|_| E::custom(crate::msg!("number-write-as-string", value = v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Number, E> {
                parse_decimal(v)
                    .map(Number)
                    .ok_or_else(|| E::custom(crate::msg!("number-not-decimal", value = v)))
            }
        }
        deserializer.deserialize_any(NumberVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_come_back_as_typed() {
        let n: Number = ron::from_str("0.1").unwrap();
        assert_eq!(n.0.to_string(), "0.1");
        let n: Number = ron::from_str("\"0.30\"").unwrap();
        assert_eq!(n.0.to_string(), "0.30");
        let n: Number = ron::from_str("30").unwrap();
        assert_eq!(n.0, Decimal::from(30));
    }

    #[test]
    fn a_run_of_ten_thousand_digits_is_no_number_and_costs_no_stack() {
        let long = format!("{}5", "0".repeat(10_000));
        // On a thread with a small stack, as the server's writer has.
        let parsed = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || parse_decimal(&long))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(parsed, None);
        assert_eq!(
            parse_decimal(&format!("{}5", "0".repeat(LONGEST_NUMBER - 1))),
            Some(Decimal::from(5))
        );
    }

    #[test]
    fn numbers_in_range() {
        assert_eq!(out_of_range(Decimal::new(-1_000_000_000_000, 0)), None);
        assert_eq!(out_of_range(Decimal::new(123_456_789, 9)), None);
        let (message, help) = out_of_range(Decimal::MAX).unwrap();
        assert_eq!(message, "79228162514264337593543950335 is too large");
        assert!(help.contains("between -1000000000000 and 1000000000000"), "{help}");
        let (message, help) = out_of_range(Decimal::new(1, 28)).unwrap();
        assert_eq!(message, "0.0000000000000000000000000001 has 28 decimal places");
        assert!(help.contains("at most 9 decimal places"), "{help}");
    }

    #[test]
    fn rejects_non_numbers() {
        assert!(parse_decimal("1e5").is_none());
        assert!(parse_decimal("abc").is_none());
        assert_eq!(parse_decimal(" +2.5 "), Some(Decimal::new(25, 1)));
    }
}
