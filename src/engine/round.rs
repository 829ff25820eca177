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
