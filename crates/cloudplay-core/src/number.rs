//! Exact integers from JSON: numbers up to 64 bits as serde_json holds them, and decimal strings
//! (JS callers cannot hold 2^53+1 in a Number, so they send "9007199254740993"). Everything is
//! compared as `i128`, which holds both `i64` and `u64` without rounding.

use core::cmp::Ordering;

use serde_json::{Number, Value};

/// Why a value is not an integer we can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntError {
    /// Not a number or decimal string, or has a fraction or exponent.
    NotInteger,
    /// An integer, but beyond what 64 bits (signed or unsigned) hold.
    OutOfRange,
}

/// The integer in a JSON number or a decimal string.
pub fn integer_of(v: &Value) -> Result<i128, IntError> {
    match v {
        Value::Number(n) => number_as_int(n).ok_or(IntError::NotInteger),
        Value::String(s) => parse_decimal(s),
        _ => Err(IntError::NotInteger),
    }
}

pub fn number_as_int(n: &Number) -> Option<i128> {
    n.as_i64().map(i128::from).or_else(|| n.as_u64().map(i128::from))
}

/// `-?[0-9]+` to an integer. More than 40 digits cannot fit 64 bits anyway and would overflow
/// `i128`, so they are out of range rather than an error of form.
pub fn parse_decimal(s: &str) -> Result<i128, IntError> {
    let (neg, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(IntError::NotInteger);
    }
    let significant = digits.trim_start_matches('0');
    if significant.len() > 38 {
        return Err(IntError::OutOfRange);
    }
    let mut v: i128 = 0;
    for b in significant.bytes() {
        v = v * 10 + i128::from(b - b'0');
    }
    Ok(if neg { -v } else { v })
}

/// The JSON number for an integer, if it fits `i64` or `u64`.
pub fn int_to_number(v: i128) -> Option<Number> {
    if let Ok(i) = i64::try_from(v) {
        Some(Number::from(i))
    } else {
        u64::try_from(v).ok().map(Number::from)
    }
}

/// Compares two JSON numbers exactly when both are integers, else as floats.
pub fn cmp_numbers(a: &Number, b: &Number) -> Option<Ordering> {
    match (number_as_int(a), number_as_int(b)) {
        (Some(x), Some(y)) => Some(x.cmp(&y)),
        _ => a.as_f64()?.partial_cmp(&b.as_f64()?),
    }
}

/// Compares an exact integer with a bound.
pub fn cmp_int_bound(v: i128, bound: &Number) -> Option<Ordering> {
    match number_as_int(bound) {
        Some(b) => Some(v.cmp(&b)),
        // A fractional bound on an integer: compare in floats; both sides are far below 2^53
        // in every real spec, and a rounding here only moves an already-fractional bound.
        None => (v as f64).partial_cmp(&bound.as_f64()?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn decimal_strings_are_exact() {
        assert_eq!(parse_decimal("9007199254740993"), Ok(9_007_199_254_740_993));
        assert_eq!(parse_decimal("18446744073709551615"), Ok(i128::from(u64::MAX)));
        assert_eq!(parse_decimal("-9223372036854775808"), Ok(i128::from(i64::MIN)));
        assert_eq!(parse_decimal("000123"), Ok(123));
        assert_eq!(parse_decimal("1".repeat(60).as_str()), Err(IntError::OutOfRange));
        for bad in ["", "-", "+1", "1.0", "1e3", " 1", "0x10", "１"] {
            assert_eq!(parse_decimal(bad), Err(IntError::NotInteger), "{bad:?}");
        }
    }

    #[test]
    fn json_numbers_keep_64_bits() {
        let v: Value = serde_json::from_str("9223372036854775807").unwrap();
        assert_eq!(integer_of(&v), Ok(i128::from(i64::MAX)));
        let v: Value = serde_json::from_str("18446744073709551615").unwrap();
        assert_eq!(integer_of(&v), Ok(i128::from(u64::MAX)));
        assert_eq!(integer_of(&json!(1.5)), Err(IntError::NotInteger));
        assert_eq!(integer_of(&json!(true)), Err(IntError::NotInteger));
        assert_eq!(int_to_number(i128::from(u64::MAX) + 1), None);
        assert_eq!(int_to_number(-1).unwrap().as_i64(), Some(-1));
    }

    #[test]
    fn bounds_compare_exactly() {
        let ten = Number::from(10u64);
        assert_eq!(cmp_int_bound(11, &ten), Some(Ordering::Greater));
        assert_eq!(
            cmp_int_bound(9_007_199_254_740_993, &Number::from(9_007_199_254_740_992u64)),
            Some(Ordering::Greater)
        );
        assert_eq!(cmp_numbers(&Number::from_f64(1.5).unwrap(), &Number::from(2)), Some(Ordering::Less));
    }
}
