//! A small deterministic generator (SplitMix64): the simulator's only source of randomness, so
//! the same state, request, time and entropy always give the same answer.

use alloc::string::String;

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for one request: the caller's entropy mixed with the simulator's request
    /// counter, so a caller that passes a constant still gets fresh ids on every request.
    pub fn for_request(entropy: u64, counter: u64) -> Self {
        let mut r = Rng(entropy ^ counter.wrapping_mul(GOLDEN).rotate_left(17));
        r.next_u64();
        r
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0); the modulo bias is irrelevant at these sizes.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// `len` characters drawn from `alphabet`.
    pub fn string_from(&mut self, alphabet: &[u8], len: usize) -> String {
        (0..len).map(|_| char::from(alphabet[self.below(alphabet.len() as u64) as usize])).collect()
    }

    pub fn hex(&mut self, len: usize) -> String {
        self.string_from(b"0123456789abcdef", len)
    }

    pub fn lower_alnum(&mut self, len: usize) -> String {
        self.string_from(b"0123456789abcdefghijklmnopqrstuvwxyz", len)
    }

    pub fn digits(&mut self, len: usize) -> String {
        self.string_from(b"0123456789", len)
    }

    /// A version-4 UUID in lowercase, the shape of Tencent's RequestIds.
    pub fn uuid(&mut self) -> String {
        let (a, b) = (self.next_u64(), self.next_u64());
        let b = (b & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
        let a = (a & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000;
        alloc::format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xFFFF,
            a & 0xFFFF,
            b >> 48,
            b & 0xFFFF_FFFF_FFFF
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_sequence_and_counter_changes_it() {
        let (mut a, mut b, mut c) = (Rng::for_request(7, 1), Rng::for_request(7, 1), Rng::for_request(7, 2));
        assert_eq!(a.uuid(), b.uuid());
        assert_ne!(Rng::for_request(7, 1).uuid(), c.uuid());
        let id = a.uuid();
        assert_eq!(id.len(), 36);
        assert_eq!(id.as_bytes()[14], b'4');
        assert!(matches!(id.as_bytes()[19], b'8' | b'9' | b'a' | b'b'));
        assert!(a.lower_alnum(8).bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    }
}
