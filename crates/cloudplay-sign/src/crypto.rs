//! The few primitives the signers need, over RustCrypto's `hmac`, `sha1` and `sha2`.

use alloc::string::String;
use hmac::{Hmac, Mac};
use sha1::Sha1;
use sha2::{Digest, Sha256};

pub fn sha256(data: &[u8]) -> [u8; 32] {
    Sha256::digest(data).into()
}

pub fn sha256_hex(data: &[u8]) -> String {
    hex(&sha256(data))
}

pub fn hmac_sha256(key: &[u8], data: &[u8]) -> [u8; 32] {
    HmacSha256Key::new(key).into_mac(data)
}

/// An HMAC-SHA256 key with its inner and outer pads already absorbed: each MAC under it then
/// costs two compressions fewer than [`hmac_sha256`]. As secret as the key it came from.
#[derive(Clone)]
pub struct HmacSha256Key(Hmac<Sha256>);

impl HmacSha256Key {
    pub fn new(key: &[u8]) -> Self {
        // Any key length is accepted for HMAC; the fallback cannot be reached.
        Self(Hmac::<Sha256>::new_from_slice(key).unwrap_or_else(|_| Hmac::<Sha256>::new(&Default::default())))
    }

    pub fn mac(&self, data: &[u8]) -> [u8; 32] {
        self.clone().into_mac(data)
    }

    fn into_mac(mut self, data: &[u8]) -> [u8; 32] {
        self.0.update(data);
        self.0.finalize().into_bytes().into()
    }
}

impl core::fmt::Debug for HmacSha256Key {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("HmacSha256Key(<redacted>)")
    }
}

pub fn hmac_sha1(key: &[u8], data: &[u8]) -> [u8; 20] {
    let mut mac = match Hmac::<Sha1>::new_from_slice(key) {
        Ok(m) => m,
        Err(_) => return [0; 20],
    };
    mac.update(data);
    mac.finalize().into_bytes().into()
}

pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    // Written by index into a sized buffer: a push per digit is a call per digit in the
    // size-optimised module.
    let mut s = alloc::vec![0; bytes.len() * 2];
    for (pair, &b) in s.chunks_exact_mut(2).zip(bytes) {
        pair[0] = DIGITS[usize::from(b >> 4)];
        pair[1] = DIGITS[usize::from(b & 15)];
    }
    // Only ASCII hex digits were pushed.
    String::from_utf8(s).unwrap_or_default()
}

/// Standard base64 (RFC 4648 §4) with padding. Written out: signatures are 20 or 32 bytes,
/// and a general engine would be a tenth of the signing-only module.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            let c = if i <= chunk.len() { ALPHABET[(n >> (18 - 6 * i) & 63) as usize] } else { b'=' };
            out.push(char::from(c));
        }
    }
    out
}

/// Compares two byte strings in time that depends only on their lengths, so a verifier
/// does not reveal how many leading bytes of a forged signature were right.
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut diff = 0u8;
    for (x, y) in a.iter().zip(b) {
        diff |= x ^ y;
    }
    // black_box keeps the optimiser from turning the fold into an early exit.
    core::hint::black_box(diff) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    #[test]
    fn rfc4231_case_2() {
        let mac = hmac_sha256(b"Jefe", b"what do ya want for nothing?");
        assert_eq!(hex(&mac), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    #[test]
    fn rfc2202_sha1_case_2() {
        let mac = hmac_sha1(b"Jefe", b"what do ya want for nothing?");
        assert_eq!(hex(&mac), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    }

    #[test]
    fn keyed_hmac_matches_one_shot_hmac_for_every_key_length() {
        // Keys shorter than, equal to and longer than the 64-byte block take different paths.
        for len in [0, 1, 32, 64, 65, 200] {
            let key: Vec<u8> = (0..len).map(|i| i as u8).collect();
            let keyed = HmacSha256Key::new(&key);
            for data in [&b""[..], b"abc", &[7u8; 130]] {
                assert_eq!(keyed.mac(data), hmac_sha256(&key, data), "key length {len}");
            }
        }
    }

    #[test]
    fn base64_matches_rfc4648_test_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (raw, encoded) in cases {
            assert_eq!(base64(raw.as_bytes()), encoded);
        }
        // Every alphabet position, both ends included.
        assert_eq!(base64(&[0xfb, 0xff, 0xbf, 0x00, 0x10, 0x83]), "+/+/ABCD");
    }

    #[test]
    fn ct_eq_compares_content_and_length() {
        assert!(ct_eq(b"abc", b"abc"));
        assert!(!ct_eq(b"abc", b"abd"));
        assert!(!ct_eq(b"abc", b"ab"));
    }
}
