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

/// The first of `len` names (`name(i)`) given again, in the order given: `(its first index,
/// the repeat's)`. A request has a handful of names, compared pairwise; beyond that they go
/// through a hash table, so that 100,000 names take a moment instead of minutes. (A table
/// rather than a sort: a second sort is kilobytes of the signing-only module.) One function
/// for every list of names, behind a pointer, so that the module holds one copy.
pub fn first_repeat<'a>(len: usize, name: &dyn Fn(usize) -> &'a [u8], ignore_case: bool) -> Option<(usize, usize)> {
    let same = |a: &[u8], b: &[u8]| if ignore_case { a.eq_ignore_ascii_case(b) } else { a == b };
    if len <= 32 {
        return (0..len).find_map(|i| (0..i).find(|&j| same(name(j), name(i))).map(|first| (first, i)));
    }
    const EMPTY: usize = usize::MAX;
    let mask = (len * 2).next_power_of_two() - 1;
    let mut slots = alloc::vec![EMPTY; mask + 1];
    for i in 0..len {
        // FNV-1a, over the lower-case bytes when case does not count.
        let fold = |h: u64, &b: &u8| {
            (h ^ u64::from(if ignore_case { b.to_ascii_lowercase() } else { b })).wrapping_mul(0x100_0000_01b3)
        };
        let mut at = name(i).iter().fold(0xcbf2_9ce4_8422_2325, fold) as usize & mask;
        loop {
            match slots[at] {
                EMPTY => break slots[at] = i,
                first if same(name(first), name(i)) => return Some((first, i)),
                _ => at = (at + 1) & mask,
            }
        }
    }
    None
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
