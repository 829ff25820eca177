//! The only place numbers are rounded: at the steps the contest names.

use crate::contest::{Round, RoundMode};
use rust_decimal::{Decimal, RoundingStrategy};

pub fn round(value: Decimal, rule: Option<Round>) -> Decimal {
    match rule {
        None => value,
        Some(Round { places, mode }) => {
            let mut rounded = value.round_dp_with_strategy(places, strategy(mode));
            // Show the declared places: 7 rounded to 2 places reads 7.00.
            rounded.rescale(places);
            rounded
        }
    }
}

/// A value at a level: rounded as the contest declares for the level
/// (`own`); at a level it does not round, shown with the places of the
/// nearest level above it that it rounds (`above`, nearest first), so that
/// a 60 reads `60.00` beside a total of `151.60`. Padding only adds zeros:
/// the value, and any places it has beyond those, stay as computed.
pub fn at_level(value: Decimal, own: Option<Round>, above: &[Option<Round>]) -> Decimal {
    if own.is_some() {
        return round(value, own);
    }
    match above.iter().flatten().next() {
        Some(shown) if value.scale() < shown.places => {
            let mut padded = value;
            padded.rescale(shown.places);
            padded
        }
        _ => value,
    }
}

/// `sum / (count × 10^scale)` rounded as `rounding` says, in whole numbers
/// (the whole-unit paths of panels and categories): the decimal that
/// [`round`] gives the same value, to its very places. `None` where the
/// decimals must answer: a negative value that rounds to zero (a decimal
/// keeps its sign, "-0.00"), or numbers beyond an i64. `count` is positive.
pub fn round_ratio(sum: i64, count: i64, scale: u32, rounding: Round) -> Option<Decimal> {
    // At `places`: (sum × 10^places) / (count × 10^scale).
    let (numerator, denominator) = match rounding.places.checked_sub(scale) {
        Some(more) => (sum.checked_mul(10i64.checked_pow(more)?)?, count),
        None => (sum, count.checked_mul(10i64.checked_pow(scale - rounding.places)?)?),
    };
    let rounded = divide_rounded(numerator, denominator, rounding.mode);
    if rounded == 0 && numerator < 0 {
        return None;
    }
    Some(Decimal::new(rounded, rounding.places))
}

/// `numerator / denominator` (the denominator positive) rounded to a whole
/// number as `mode` says.
fn divide_rounded(numerator: i64, denominator: i64, mode: RoundMode) -> i64 {
    let (quotient, remainder) = (numerator / denominator, numerator % denominator);
    let away = quotient + numerator.signum();
    // The remainder set beside what is left to the next whole number
    // (doubling it could overflow).
    let (past, short) = (remainder.abs(), denominator - remainder.abs());
    match mode {
        RoundMode::Truncate => quotient,
        _ if remainder == 0 => quotient,
        RoundMode::HalfUp if past >= short => away,
        RoundMode::HalfEven if past > short || (past == short && quotient % 2 != 0) => away,
        RoundMode::HalfUp | RoundMode::HalfEven => quotient,
    }
}

fn strategy(mode: RoundMode) -> RoundingStrategy {
    match mode {
        RoundMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
        RoundMode::HalfEven => RoundingStrategy::MidpointNearestEven,
        RoundMode::Truncate => RoundingStrategy::ToZero,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn r(value: &str, places: u32, mode: RoundMode) -> String {
        round(Decimal::from_str(value).unwrap(), Some(Round { places, mode })).to_string()
    }

    #[test]
    fn each_mode_by_hand() {
        assert_eq!(r("2.345", 2, RoundMode::HalfUp), "2.35");
        assert_eq!(r("2.345", 2, RoundMode::HalfEven), "2.34");
        assert_eq!(r("2.355", 2, RoundMode::HalfEven), "2.36");
        assert_eq!(r("2.349", 2, RoundMode::Truncate), "2.34");
        assert_eq!(r("-2.345", 2, RoundMode::HalfUp), "-2.35");
        assert_eq!(r("-2.349", 2, RoundMode::Truncate), "-2.34");
        assert_eq!(r("7", 2, RoundMode::HalfUp), "7.00");
        assert_eq!(round(Decimal::from_str("1.005").unwrap(), None).to_string(), "1.005");
    }

    #[test]
    fn a_level_not_rounded_shows_the_places_of_the_next_one_rounded() {
        let d = |v: &str| Decimal::from_str(v).unwrap();
        let two = Some(Round {
            places: 2,
            mode: RoundMode::HalfUp,
        });
        // Not rounded here, 2 places at the total: 60 → 60.00; 7.125 keeps its places.
        assert_eq!(at_level(d("60"), None, &[None, two]).to_string(), "60.00");
        assert_eq!(at_level(d("7.125"), None, &[two]).to_string(), "7.125");
        // Rounded here: rounding decides.
        assert_eq!(at_level(d("7.125"), two, &[None]).to_string(), "7.13");
        // Nothing rounded anywhere: as computed.
        assert_eq!(at_level(d("60"), None, &[None, None]).to_string(), "60");
    }
}
