//! Decimal text to the nearest `f64`, for the Float parameters typed in query strings and CLI
//! lines.
//!
//! `str::parse::<f64>` gives the same numbers but brings core's Eisel-Lemire tables (about 17 KB)
//! into the npm module; this is a short, slow exact conversion instead (a few parameters per
//! call). It accepts the same texts as `parse::<f64>` when that gives a finite number:
//! `[+-]?(d+|d+.d*|.d+)([eE][+-]?d+)?`, rounded to nearest, ties to even; `inf`, `NaN` and
//! overflow are `None`.

use alloc::vec::Vec;

/// The parsed number, or `None` when `text` is not a decimal number or overflows `f64`.
pub(crate) fn parse_f64(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, rest) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        Some(b'+') => (false, &bytes[1..]),
        _ => (false, bytes),
    };
    let int_len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let (int, rest) = rest.split_at(int_len);
    let (frac, rest) = match rest.split_first() {
        Some((b'.', after)) => after.split_at(after.iter().take_while(|b| b.is_ascii_digit()).count()),
        _ => (&rest[..0], rest),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let exponent = match rest.split_first() {
        None => 0,
        Some((b'e' | b'E', after)) => exponent(after)?,
        Some(_) => return None,
    };
    let sign = u64::from(negative) << 63;

    // Every halfway point between two doubles has at most 767 significant digits, so 800 digits
    // and a nonzero mark for the rest round the same way as all of them.
    const KEPT: usize = 800;
    let mut mantissa = Vec::new();
    let (mut kept, mut total, mut sticky) = (0usize, 0i64, false);
    for &b in int.iter().chain(frac) {
        if total == 0 && b == b'0' {
            continue;
        }
        total += 1;
        if kept < KEPT {
            mul_add(&mut mantissa, 10, u32::from(b - b'0'));
            kept += 1;
        } else {
            sticky |= b != b'0';
        }
    }
    if total == 0 {
        return Some(f64::from_bits(sign));
    }
    // value = mantissa × 10^e, with `total` digits before the point at 10^magnitude.
    let magnitude = total + exponent - frac.len() as i64;
    if magnitude > 310 {
        return None;
    }
    if magnitude < -324 {
        return Some(f64::from_bits(sign));
    }
    let mut e = magnitude - kept as i64;
    if sticky {
        mul_add(&mut mantissa, 10, 1);
        e -= 1;
    }
    // 10^e = 5^e × 2^e: the powers of two go to the binary exponent, only 5^|e| is a big number.
    let mut five = Vec::from([1u32]);
    let target = if e >= 0 { &mut mantissa } else { &mut five };
    for _ in 0..e.unsigned_abs() {
        mul_add(target, 5, 0);
    }
    let bits = nearest(mantissa, five, e as i32)?;
    Some(f64::from_bits(bits | sign))
}

/// The exponent digits after `e`. It stops growing past 65535 as `parse::<f64>` does, which only
/// matters with more than 65535 digits to offset it.
fn exponent(text: &[u8]) -> Option<i64> {
    let (negative, digits) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let value = digits.iter().fold(0i64, |v, &d| if v < 0x10000 { v * 10 + i64::from(d - b'0') } else { v });
    Some(if negative { -value } else { value })
}

/// The bits of the double nearest to num / den × 2^exp2 (num, den > 0), or `None` past f64::MAX.
fn nearest(mut num: Vec<u32>, mut den: Vec<u32>, exp2: i32) -> Option<u64> {
    // Scale to den ≤ num < 2·den; then num/den × 2^exp is the value.
    let shift = bit_len(&num) - bit_len(&den);
    if shift > 0 {
        shl(&mut den, shift);
    } else {
        shl(&mut num, -shift);
    }
    let mut exp = exp2 + shift;
    if !ge(&num, &den) {
        shl(&mut num, 1);
        exp -= 1;
    }
    // The first 64 bits of the quotient, the leading one at 2^exp; `sticky` for any rest.
    let mut q: u64 = 0;
    for _ in 0..64 {
        q <<= 1;
        if ge(&num, &den) {
            sub(&mut num, &den);
            q |= 1;
        }
        shl(&mut num, 1);
    }
    let sticky = !num.is_empty();

    // 53 bits for a normal double, fewer below 2^-1022 (subnormals, biased exponent 0).
    let mut biased = exp + 1023;
    let mut drop = 11;
    if biased < 1 {
        drop += 1 - biased;
        biased = 1;
    }
    if biased > 2046 {
        return None;
    }
    if drop > 64 {
        return Some(0);
    }
    let q = u128::from(q);
    let m = q >> drop;
    let rest = q & ((1 << drop) - 1);
    let half = 1 << (drop - 1);
    let up = rest > half || (rest == half && (sticky || m & 1 == 1));
    // A carry out of the 53 bits lands in the exponent, as it should.
    let bits = ((biased as u64 - 1) << 52) + m as u64 + u64::from(up);
    (bits < 0x7ff0_0000_0000_0000).then_some(bits)
}

// Unsigned big numbers: little-endian u32 limbs, no high zero limb (zero is empty).

fn mul_add(x: &mut Vec<u32>, m: u32, a: u32) {
    let mut carry = u64::from(a);
    for limb in x.iter_mut() {
        let v = u64::from(*limb) * u64::from(m) + carry;
        *limb = v as u32;
        carry = v >> 32;
    }
    if carry != 0 {
        x.push(carry as u32);
    }
}

/// x -= y, for x ≥ y.
fn sub(x: &mut Vec<u32>, y: &[u32]) {
    let mut borrow = 0i64;
    for (i, limb) in x.iter_mut().enumerate() {
        let v = i64::from(*limb) - i64::from(y.get(i).copied().unwrap_or(0)) - borrow;
        *limb = v as u32;
        borrow = i64::from(v < 0);
    }
    trim(x);
}

fn shl(x: &mut Vec<u32>, n: i32) {
    if x.is_empty() {
        return;
    }
    x.splice(0..0, core::iter::repeat(0).take(n as usize / 32));
    mul_add(x, 1 << (n % 32), 0);
}

fn ge(x: &[u32], y: &[u32]) -> bool {
    x.len() > y.len() || (x.len() == y.len() && x.iter().rev().ge(y.iter().rev()))
}

fn bit_len(x: &[u32]) -> i32 {
    x.last().map_or(0, |top| 32 * x.len() as i32 - top.leading_zeros() as i32)
}

fn trim(x: &mut Vec<u32>) {
    while x.last() == Some(&0) {
        x.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::string::String;

    /// What the code did before: core's parser, keeping finite numbers only.
    fn core_parse(text: &str) -> Option<u64> {
        text.parse::<f64>().ok().filter(|f| f.is_finite()).map(f64::to_bits)
    }

    fn same(text: &str) {
        assert_eq!(parse_f64(text).map(f64::to_bits), core_parse(text), "{text}");
    }

    #[test]
    fn accepts_what_core_accepts_with_the_same_numbers() {
        let cases = [
            ("1", Some(1.0)),
            ("1.", Some(1.0)),
            (".5", Some(0.5)),
            ("+1", Some(1.0)),
            ("+.5e1", Some(5.0)),
            ("1.e2", Some(100.0)),
            ("1E+2", Some(100.0)),
            ("00012.50", Some(12.5)),
            ("-0", Some(-0.0)),
            ("-0.0e-999", Some(-0.0)),
            ("0e99999999999999999999", Some(0.0)),
            ("1e-99999999999999999999", Some(0.0)),
            ("0.1", Some(0.1)),
            ("9007199254740993", Some(9007199254740992.0)),
            ("9007199254740995", Some(9007199254740996.0)),
            ("1.7976931348623157e308", Some(f64::MAX)),
            ("1.7976931348623158e308", Some(f64::MAX)),
            ("2.2250738585072014e-308", Some(f64::MIN_POSITIVE)),
            ("4.9406564584124654e-324", Some(f64::from_bits(1))),
            ("2.4703282292062328e-324", Some(f64::from_bits(1))),
            ("2.4703282292062327e-324", Some(0.0)),
            ("1e400", None),
            ("-1e400", None),
            ("1.7976931348623159e308", None),
            ("1e99999999999999999999", None),
            ("inf", None),
            ("-infinity", None),
            ("NaN", None),
            ("", None),
            (".", None),
            ("-", None),
            ("+-1", None),
            ("e5", None),
            (".e5", None),
            ("1e", None),
            ("1e+", None),
            ("1e5.0", None),
            ("1.2.3", None),
            (" 1", None),
            ("1 ", None),
            ("1_000", None),
            ("0x10", None),
            ("１", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_f64(text).map(f64::to_bits), want.map(f64::to_bits), "{text}");
            same(text);
        }
    }

    #[test]
    fn long_digit_strings_round_like_core() {
        let halfway = "2.47032822920623272088284396434110686182529901307162382212792841250337753635104375932649918180817996189898282347722858865463328355177969898199387398005390939063150356595155702263922908583924491051844359318028499365361525003193704576782492193656236698636584807570015857692699037063119282795585513329278343384093519780155312465972635795746227664652728272200563740064854999770965994704540208281662262378573934507363390079677619305775067401763246736009689513405355374585166611342237666786041621596804619144672918403005300575308490487653917113865916462395249126236538818796362393732804238910186723484976682350898633885879256283027559956575244555072551893136908362547791869486679949683240497058210285131854513962138377228261454376934125320985913276672363281255";
        same(halfway);
        same(&halfway[..halfway.len() - 1]);
        same(&format!("{}1", &halfway[..halfway.len() - 1]));
        same(&format!("{}{}1", &halfway[..halfway.len() - 1], "0".repeat(3000)));
        same(&format!("0.{}1", "0".repeat(70000)));
        same(&format!("1{}e-70000", "0".repeat(70000)));
        same(&format!("1{}e-70000", "0".repeat(65000)));
        same(&format!("{}.5", "9".repeat(400)));
        same(&format!("9007199254740992.{}1", "0".repeat(900)));
        same(&format!("9007199254740993{}", "0".repeat(900)));
    }

    /// xorshift64*, so the cases are the same on every run.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    #[test]
    fn random_texts_parse_like_core() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..10000 {
            let mut t = String::new();
            for _ in 0..rng.below(24) {
                t.push(b"0123456789012345678901234567890123456789+-.eE"[rng.below(45) as usize] as char);
            }
            same(&t);
        }
        for _ in 0..3000 {
            let x = f64::from_bits(rng.next() & !(1 << 63));
            if !x.is_finite() {
                continue;
            }
            for t in [format!("{x}"), format!("{x:e}"), format!("{x:.16e}"), format!("{x:.20e}"), format!("-{x:.5e}")] {
                same(&t);
            }
        }
    }

    /// The exact decimal text of odd × 2^k.
    fn exact(odd: u64, k: i32) -> String {
        let mut big = Vec::from([odd as u32, (odd >> 32) as u32]);
        trim(&mut big);
        for _ in 0..k.unsigned_abs() {
            mul_add(&mut big, if k < 0 { 5 } else { 2 }, 0);
        }
        let mut digits = Vec::new();
        while !big.is_empty() {
            let mut rem = 0u64;
            for limb in big.iter_mut().rev() {
                let cur = (rem << 32) | u64::from(*limb);
                *limb = (cur / 10) as u32;
                rem = cur % 10;
            }
            trim(&mut big);
            digits.push(b'0' + rem as u8);
        }
        digits.reverse();
        let digits = String::from_utf8(digits).unwrap();
        if k < 0 {
            format!("{digits}e-{}", k.unsigned_abs())
        } else {
            digits
        }
    }

    #[test]
    fn halfway_points_and_their_neighbours_round_like_core() {
        let mut rng = Rng(0x0123_4567_89ab_cdef);
        for i in 0..1000 {
            // Every binade is visited, the subnormal and the top ones included.
            let bits = if i < 40 { (i as u64 * 52) << 52 | rng.below(1 << 52) } else { rng.next() >> 1 };
            let x = f64::from_bits(bits);
            if !x.is_finite() || x == f64::MAX {
                continue;
            }
            let (m, e) = match bits >> 52 {
                0 => (bits, -1074),
                be => (bits & ((1 << 52) - 1) | 1 << 52, be as i32 - 1075),
            };
            // halfway to the next double: (2m + 1) × 2^(e - 1)
            let mid = exact(2 * m + 1, e - 1);
            same(&mid);
            let (digits, exp) = mid.split_once('e').unwrap_or((&mid, "0"));
            same(&format!("{digits}0000000000000000000001e{exp}"));
            same(&format!("{}e{exp}", &digits[..digits.len() - 1]));
            same(&format!("{}e{}", &digits[..digits.len() - 1], exp.parse::<i64>().unwrap() + 1));
        }
    }
}
