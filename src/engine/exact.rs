//! Arithmetic that cannot panic. Exact decimals end at
//! ±79228162514264337593543950335; a sum or product beyond that (formulas
//! may give anything up to it) leaves its result unscored, with a reason.

use super::components::{trace_say, Words};
use rust_decimal::Decimal;

/// The sum, or `None` if it is too large.
pub fn sum(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    values.into_iter().try_fold(Decimal::ZERO, Decimal::checked_add)
}

/// The mean of a non-empty list, or `None` if its sum is too large.
pub fn mean(values: &[Decimal]) -> Option<Decimal> {
    sum(values.iter().copied())?.checked_div(Decimal::from(values.len()))
}

/// Why a number could not be computed.
pub fn too_large() -> Words {
    let max = Decimal::MAX;
    trace_say!("trace-too-large", max = max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_beyond_the_largest_decimal_are_none() {
        assert_eq!(sum([Decimal::ONE, Decimal::TWO]), Some(Decimal::from(3)));
        assert_eq!(sum([Decimal::MAX, Decimal::ONE]), None);
        assert_eq!(sum([Decimal::MAX, Decimal::ONE, Decimal::NEGATIVE_ONE]), None);
        assert_eq!(mean(&[Decimal::MAX, Decimal::MAX]), None);
        assert_eq!(mean(&[Decimal::ONE, Decimal::TWO]), Some(Decimal::new(15, 1)));
    }
}
