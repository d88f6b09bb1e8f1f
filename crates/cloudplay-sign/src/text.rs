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
/// the repeat's)`. Through a hash table, so that 100,000 names take a moment instead of
/// minutes; a handful take no longer than comparing them pairwise did (RPC's twenty-odd
/// parameters a little less). A table rather than a sort: a second sort is kilobytes of the
/// signing-only module. One function for every list of names, behind a pointer, so that the
/// module holds one copy.
pub fn first_repeat<'a>(len: usize, name: &dyn Fn(usize) -> &'a [u8], ignore_case: bool) -> Option<(usize, usize)> {
    let same = |a: &[u8], b: &[u8]| if ignore_case { a.eq_ignore_ascii_case(b) } else { a == b };
    fill(len, name, &same).1
}

const EMPTY: usize = usize::MAX;

/// FNV-1a over the lower-case bytes (so that names equal but for case meet), folded so that
/// the low bits a table takes depend on all of it. Not keyed: names made to collide make the
/// lookups slow, not wrong (`cloudplay serve` reads at most a 64 KiB head).
fn folded_hash(name: &[u8]) -> usize {
    let h = name
        .iter()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x100_0000_01b3));
    (h ^ (h >> 32)) as usize
}

/// An open-addressing table of the names' indexes, the first of names `same` calls equal kept,
/// and the first repeat met: `(its first index, the repeat's)`.
fn fill<'a>(
    len: usize,
    name: &dyn Fn(usize) -> &'a [u8],
    same: &dyn Fn(&[u8], &[u8]) -> bool,
) -> (alloc::vec::Vec<usize>, Option<(usize, usize)>) {
    let mask = (len * 2).next_power_of_two() - 1;
    let mut slots = alloc::vec![EMPTY; mask + 1];
    let mut repeat = None;
    for i in 0..len {
        let mut at = folded_hash(name(i)) & mask;
        loop {
            match slots[at] {
                EMPTY => break slots[at] = i,
                first if same(name(first), name(i)) => break repeat = repeat.or(Some((first, i))),
                _ => at = (at + 1) & mask,
            }
        }
    }
    (slots, repeat)
}

/// Names looked up by name, ASCII case ignored: [`fill`]'s table, for a request that signs more
/// headers than a scan per header would take well (a map of strings was 5 KB gzip of the
/// signing-only module). The first of equal names is found.
#[derive(Debug)]
pub struct NameTable {
    slots: alloc::vec::Vec<usize>,
}

impl NameTable {
    pub fn new<'a>(len: usize, name: &dyn Fn(usize) -> &'a [u8]) -> Self {
        NameTable { slots: fill(len, name, &|a, b| a.eq_ignore_ascii_case(b)).0 }
    }

    /// The index of the first name equal to `key` (ASCII case ignored).
    pub fn find<'a>(&self, key: &[u8], name: &dyn Fn(usize) -> &'a [u8]) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut at = folded_hash(key) & mask;
        loop {
            match self.slots[at] {
                EMPTY => return None,
                i if name(i).eq_ignore_ascii_case(key) => return Some(i),
                _ => at = (at + 1) & mask,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn a_name_table_finds_each_name_in_any_case_and_the_first_of_equal_ones() {
        let names: alloc::vec::Vec<alloc::string::String> =
            (0..500).map(|i| alloc::format!("X-Head-{i}")).chain([alloc::string::String::from("x-head-7")]).collect();
        let table = NameTable::new(names.len(), &|i| names[i].as_bytes());
        for (i, n) in names.iter().enumerate().take(500) {
            assert_eq!(table.find(n.to_ascii_lowercase().as_bytes(), &|i| names[i].as_bytes()), Some(i));
        }
        assert_eq!(table.find(b"X-HEAD-7", &|i| names[i].as_bytes()), Some(7));
        assert_eq!(table.find(b"x-head-500", &|i| names[i].as_bytes()), None);
    }

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
