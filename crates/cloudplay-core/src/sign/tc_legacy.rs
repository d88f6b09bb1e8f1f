//! TC-HmacSHA1 / TC-HmacSHA256 (Tencent Cloud API 2.0, and API 3.0's v1 signature).

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::{Algorithm, SigningTrace, StringToSign};
use crate::crypto::{base64, hmac_sha1, hmac_sha256};
use crate::error::Result;
use crate::wire::WireInput;

pub fn sign(input: &WireInput) -> Result<SigningTrace> {
    let query = sorted_query(&input.params);
    let string_to_sign =
        StringToSign::TcLegacy { method: &input.method, host: &input.host, path: &input.path, query: &query }
            .to_string();
    let key = input.credentials.secret_key.as_bytes();
    let signature = match input.algorithm {
        Algorithm::TcHmacSha256 => base64(&hmac_sha256(key, string_to_sign.as_bytes())),
        _ => base64(&hmac_sha1(key, string_to_sign.as_bytes())),
    };
    Ok(SigningTrace {
        algorithm: input.algorithm,
        canonical_request: None,
        hashed_canonical_request: None,
        hashed_payload: None,
        credential_scope: None,
        signed_headers: None,
        string_to_sign,
        signature,
        authorization: None,
    })
}

/// `k=v&…` sorted by name (code point order), values raw, and `_` in a name written as `.`:
/// the SDKs sort first, then substitute, so `A_b` sorts as written but prints as `A.b`.
/// A `Signature` pair, if present, is the signature itself and is left out.
fn sorted_query(params: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = params.iter().filter(|(n, _)| n != "Signature").collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = String::new();
    for (i, (name, value)) in sorted.into_iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.extend(name.chars().map(|c| if c == '_' { '.' } else { c }));
        out.push('=');
        out.push_str(value);
    }
    out
}
