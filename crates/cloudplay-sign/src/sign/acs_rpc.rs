//! ACS-RPC-HMAC-SHA1 (Alibaba Cloud RPC signature version 1.0).

use alloc::string::String;
use alloc::vec::Vec;

use super::{Algorithm, NameOrder, SigningTrace, StringToSign};
use crate::crypto::{base64, hmac_sha1};
use crate::encode::{ascii_string, push_rfc3986_twice};
use crate::error::Result;
use crate::wire::{Text, WireInput};

pub fn sign(input: &WireInput) -> Result<SigningTrace> {
    sign_with(input, NameOrder::CodePoint)
}

pub fn sign_with(input: &WireInput, order: NameOrder) -> Result<SigningTrace> {
    let encoded_query = encoded_canonical_query(&input.params, order);
    let string_to_sign = StringToSign::AcsRpc { method: &input.method, encoded_query: &encoded_query }.text();
    // The key is the secret followed by '&' (an empty token secret in OAuth-style signing).
    let mut key = String::with_capacity(input.credentials.secret_key.len() + 1);
    key.push_str(&input.credentials.secret_key);
    key.push('&');
    let signature = base64(&hmac_sha1(key.as_bytes(), string_to_sign.as_bytes()));
    Ok(SigningTrace::of_params(Algorithm::AcsRpcHmacSha1, string_to_sign, signature))
}

/// The canonical query RFC 3986-encoded once more, as the string to sign holds it. The
/// canonical query is the pairs sorted by name (so `Parameter.10.*` comes before
/// `Parameter.2.*`), each name and value RFC 3986-encoded, joined by `=` and `&`. A `Signature`
/// pair, if present, is the signature itself and is left out.
pub fn encoded_canonical_query(params: &[(Text<'_>, Text<'_>)], order: NameOrder) -> String {
    let mut sorted: Vec<(&[u8], &[u8])> =
        params.iter().filter(|(n, _)| n != "Signature").map(|(n, v)| (n.as_bytes(), v.as_bytes())).collect();
    order.sort(&mut sorted, false);
    let mut out = Vec::new();
    for (i, (name, value)) in sorted.into_iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b"%26");
        }
        push_rfc3986_twice(&mut out, name);
        out.extend_from_slice(b"%3D");
        push_rfc3986_twice(&mut out, value);
    }
    ascii_string(out)
}
