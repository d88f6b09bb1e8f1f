//! Building the signers' strings without `core::fmt`: each is made in one allocation of its
//! exact length. In the size-optimised wasm module formatting machinery and growing strings
//! were a visible part of every signature's time.

use alloc::string::String;

/// The pieces joined, in one allocation.
pub fn concat(pieces: &[&str]) -> String {
    let mut out = String::with_capacity(pieces.iter().map(|p| p.len()).sum());
    for p in pieces {
        out.push_str(p);
    }
    out
}

/// The decimal text of `n`, written into `buf`.
pub fn decimal(n: i64, buf: &mut [u8; 20]) -> &str {
    let mut at = buf.len();
    let mut rest = n.unsigned_abs();
    loop {
        at -= 1;
        buf[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if n < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    // Only ASCII digits and '-' were written.
    core::str::from_utf8(&buf[at..]).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn decimal_is_display() {
        let mut buf = [0; 20];
        for n in [0, 1, 9, 10, 1_907_403_976, -1, -10, i64::MAX, i64::MIN, i64::MIN + 1] {
            assert_eq!(decimal(n, &mut buf), n.to_string());
        }
    }

    #[test]
    fn concat_joins_in_order() {
        assert_eq!(concat(&[]), "");
        assert_eq!(concat(&["a", "", "bc", "中"]), "abc中");
    }
}
