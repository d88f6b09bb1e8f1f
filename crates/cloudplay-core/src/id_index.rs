//! Finding a spec by its id among thousands (all of tccli is sixteen thousand APIs) without a
//! scan per lookup, and without a map of id strings: a table of positions, found by a hash of
//! the id and checked against the spec itself. (A `BTreeMap<String, usize>` did the same for
//! 5 KB gzip of the npm module.)

use alloc::sync::Arc;
use alloc::vec::Vec;

use crate::spec::ApiSpec;

const EMPTY: u32 = u32::MAX;

/// Positions in a list of specs, by id. The list is the caller's; the index only grows with it.
/// The hash is not keyed: ids made to collide would make lookups slow, not wrong (the ids come
/// from the caller's own imports).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdIndex {
    slots: Vec<u32>,
    len: usize,
}

/// FNV-1a over `product/version/action`, as the id's text would hash, without writing it.
fn hash(parts: [&str; 3]) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, part) in parts.iter().enumerate() {
        let sep: &[u8] = if i == 0 { b"" } else { b"/" };
        for &b in sep.iter().chain(part.as_bytes()) {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    // The high bits: FNV-1a's low bits mix poorly, and a table takes the low ones.
    (h ^ (h >> 32)) as usize
}

fn hash_id(id: &str) -> usize {
    let mut parts = id.splitn(3, '/');
    let (p, v, a) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    // An id of fewer than three parts hashes as if the missing ones were empty; it then
    // matches no spec, whose check below is exact.
    hash([p, v, a])
}

impl IdIndex {
    /// The position of the spec with this id in `specs` (the list this index was kept for).
    pub fn find(&self, specs: &[Arc<ApiSpec>], id: &str) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut at = hash_id(id) & mask;
        loop {
            match self.slots[at] {
                EMPTY => return None,
                // A list other than the index's is the caller's slip: not found, not a panic.
                i if specs.get(i as usize).is_some_and(|s| s.has_id(id)) => return Some(i as usize),
                _ => at = (at + 1) & mask,
            }
        }
    }

    /// An index of every spec in `specs`.
    pub fn of(specs: &[Arc<ApiSpec>]) -> Self {
        let mut index = IdIndex::default();
        index.rebuild(specs);
        index
    }

    /// Records that `specs[position]`, the last, was pushed (its id is not yet in the index).
    pub fn push(&mut self, specs: &[Arc<ApiSpec>], position: usize) {
        self.len += 1;
        if self.len * 2 > self.slots.len() {
            self.rebuild(specs);
        } else {
            self.place(&specs[position], position);
        }
    }

    fn rebuild(&mut self, specs: &[Arc<ApiSpec>]) {
        self.slots = alloc::vec![EMPTY; (specs.len() * 4).next_power_of_two().max(16)];
        for (i, spec) in specs.iter().enumerate() {
            self.place(spec, i);
        }
        self.len = specs.len();
    }

    fn place(&mut self, spec: &ApiSpec, position: usize) {
        let mask = self.slots.len() - 1;
        let mut at = hash([&spec.product, &spec.version, &spec.action]) & mask;
        while self.slots[at] != EMPTY {
            at = (at + 1) & mask;
        }
        self.slots[at] = position as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spec_is_found_by_its_id_and_no_other() {
        let base = crate::catalog::builtin_spec("hai/2023-08-12/RunInstances").unwrap().unwrap();
        let mut specs: Vec<Arc<ApiSpec>> = Vec::new();
        let mut index = IdIndex::default();
        for i in 0..3000 {
            let mut spec = base.clone();
            spec.product = alloc::format!("p{}", i % 37);
            spec.action = alloc::format!("Action{i}");
            specs.push(Arc::new(spec));
            index.push(&specs, specs.len() - 1);
        }
        for (i, spec) in specs.iter().enumerate() {
            assert_eq!(index.find(&specs, &spec.id()), Some(i));
        }
        for missing in ["p1/2023-08-12/Action2", "p1/2023-08-12", "", "p1/2023-08-12/Action1/x", "nope"] {
            assert_eq!(index.find(&specs, missing), None, "{missing}");
        }
        assert_eq!(IdIndex::default().find(&specs, "p0/2023-08-12/Action0"), None);
    }
}
