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
}
