//! ACS3-HMAC-SHA256 (Alibaba Cloud V3 signature).

use alloc::string::String;
use alloc::vec::Vec;

use super::{Algorithm, CanonicalRequest, NameOrder, SigningTrace, StringToSign};
use crate::crypto::{hex, hmac_sha256, sha256_hex};
use crate::encode::{ascii_string, parse_query, push_rfc3986};
use crate::error::Result;
use crate::text::concat;
use crate::wire::WireInput;

pub fn sign(input: &WireInput) -> Result<SigningTrace> {
    sign_with(input, Names::AsSent, NameOrder::CodePoint)
}

/// How query names are written in the canonical query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Names {
    /// Decoded, not re-encoded: what both official SDKs sign (alibabacloud-tea-openapi's
    /// `get_canonical_query_string` and @alicloud/openapi-util's `getAuthorization` encode only
    /// values). It differs from [`Names::Rfc3986`] only for names outside `A-Za-z0-9-_.~`.
    AsSent,
    /// RFC 3986-encoded, as Alibaba's signature documentation writes it.
    Rfc3986,
}

pub fn sign_with(input: &WireInput, names: Names, order: NameOrder) -> Result<SigningTrace> {
    let query = canonical_query(&input.query, names, order)?;
    let hashed_payload = super::payload_hash(input, "x-acs-content-sha256")?;
    let canonical = CanonicalRequest::new(input, query.into(), hashed_payload)?;
    let canonical_text = canonical.text();
    let hashed_canonical_request = sha256_hex(canonical_text.as_bytes());
    let string_to_sign = StringToSign::Acs3 { hashed_canonical_request: &hashed_canonical_request }.text();
    let signature = hex(&hmac_sha256(input.credentials.secret_key.as_bytes(), string_to_sign.as_bytes()));
    let authorization = concat(&[
        "ACS3-HMAC-SHA256 Credential=",
        &input.credentials.secret_id,
        ",SignedHeaders=",
        &canonical.signed_headers,
        ",Signature=",
        &signature,
    ]);
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
/// by name, writes names per `names` and values RFC 3986-encoded; an empty value is `k=`.
pub fn canonical_query(raw: &str, names: Names, order: NameOrder) -> Result<String> {
    let decoded = parse_query(raw, "query")?;
    let mut pairs: Vec<(&[u8], &[u8])> = decoded.iter().map(|(n, v)| (&n[..], &v[..])).collect();
    order.sort(&mut pairs, true);
    let mut out = Vec::with_capacity(raw.len() + raw.len() / 4);
    for (i, &(name, value)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push(b'&');
        }
        match (names, core::str::from_utf8(name)) {
            (Names::AsSent, Ok(text)) => out.extend_from_slice(text.as_bytes()),
            // Bytes that are not UTF-8 cannot be text in the canonical request: keep them escaped.
            _ => push_rfc3986(&mut out, name),
        }
        out.push(b'=');
        push_rfc3986(&mut out, value);
    }
    Ok(ascii_string(out))
}

/// Whether any name in the query would be written differently by [`Names::Rfc3986`].
pub fn has_names_to_encode(raw: &str) -> bool {
    parse_query(raw, "query")
        .map(|pairs| pairs.iter().any(|(n, _)| n.iter().any(|b| !(b.is_ascii_alphanumeric() || b"-_.~".contains(b)))))
        .unwrap_or(false)
}

/// Whether sorting the query's names by UTF-16 unit could give another order.
pub fn order_matters(raw: &str) -> bool {
    parse_query(raw, "query").map(|pairs| NameOrder::matters(pairs.iter().map(|(n, _)| &n[..]))).unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_signed_as_sent_and_values_encoded() {
        let q = "k%2541=%25zz&%E5%90%8D=a+b&k+k=%2A&b=";
        let cp = NameOrder::CodePoint;
        assert_eq!(canonical_query(q, Names::AsSent, cp).unwrap(), "b=&k k=%2A&k%41=%25zz&名=a%20b");
        assert_eq!(canonical_query(q, Names::Rfc3986, cp).unwrap(), "b=&k%20k=%2A&k%2541=%25zz&%E5%90%8D=a%20b");
        assert!(has_names_to_encode(q));
        assert!(!has_names_to_encode("Parameter.1.Code=%20&a~b=1"));
    }

    #[test]
    fn astral_names_sort_after_private_use_by_code_point_and_before_by_utf16() {
        // U+1F600 is the surrogate pair D83D DE00 in UTF-16, below U+E000.
        let q = "%F0%9F%98%80k=1&%EE%80%80k=2";
        assert_eq!(canonical_query(q, Names::AsSent, NameOrder::CodePoint).unwrap(), "\u{e000}k=2&😀k=1");
        assert_eq!(canonical_query(q, Names::AsSent, NameOrder::Utf16).unwrap(), "😀k=1&\u{e000}k=2");
        assert!(order_matters(q));
        assert!(!order_matters("%F0%9F%98%80k=1&%E5%90%8Dk=2"));
    }
}
