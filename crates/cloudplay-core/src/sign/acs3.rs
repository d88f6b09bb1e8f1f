//! ACS3-HMAC-SHA256 (Alibaba Cloud V3 signature).

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::{Algorithm, CanonicalRequest, SigningTrace, StringToSign};
use crate::crypto::{hex, hmac_sha256, sha256_hex};
use crate::encode::{parse_query, push_rfc3986};
use crate::error::Result;
use crate::wire::WireInput;

pub fn sign(input: &WireInput) -> Result<SigningTrace> {
    let query = canonical_query(&input.query)?;
    let canonical = CanonicalRequest::new(input, query, sha256_hex(input.body.as_bytes()))?;
    let canonical_text = canonical.to_string();
    let hashed_canonical_request = sha256_hex(canonical_text.as_bytes());
    let string_to_sign = StringToSign::Acs3 { hashed_canonical_request: &hashed_canonical_request }.to_string();
    let signature = hex(&hmac_sha256(input.credentials.secret_key.as_bytes(), string_to_sign.as_bytes()));
    let authorization = format!(
        "ACS3-HMAC-SHA256 Credential={},SignedHeaders={},Signature={signature}",
        input.credentials.secret_id, canonical.signed_headers
    );
    Ok(SigningTrace {
        algorithm: Algorithm::Acs3HmacSha256,
        signed_headers: Some(canonical.signed_headers),
        hashed_payload: Some(canonical.hashed_payload),
        canonical_request: Some(canonical_text),
        hashed_canonical_request: Some(hashed_canonical_request),
        credential_scope: None,
        string_to_sign,
        signature,
        authorization: Some(authorization),
    })
}

/// Decodes the query as sent (SDKs differ: `+` or `%20` for space, `*` raw or `%2A`), sorts
/// by name, and re-encodes names and values by RFC 3986; an empty value is written `k=`.
pub fn canonical_query(raw: &str) -> Result<String> {
    let mut pairs: Vec<(Vec<u8>, Vec<u8>)> = parse_query(raw, "query")?;
    pairs.sort();
    let mut out = String::with_capacity(raw.len() + raw.len() / 4);
    for (i, (name, value)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        push_rfc3986(&mut out, name);
        out.push('=');
        push_rfc3986(&mut out, value);
    }
    Ok(out)
}
