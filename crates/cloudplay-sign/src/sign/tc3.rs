//! TC3-HMAC-SHA256 (Tencent Cloud API 3.0).

use alloc::string::{String, ToString};

use super::{Algorithm, CanonicalRequest, SigningTrace, StringToSign};
use crate::crypto::{ct_eq, hex, hmac_sha256, sha256, sha256_hex, HmacSha256Key};
use crate::encode::whatwg_query;
use crate::error::Result;
use crate::text::concat;
use crate::time::UtcDateTime;
use crate::wire::WireInput;

/// The value of `X-TC-Content-SHA256` that asks for the body to be left out of the signature.
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

pub fn sign(input: &WireInput, keys: Option<&mut KeyCache>) -> Result<SigningTrace> {
    sign_with(input, Query::Whatwg, Values::AsSent, keys)
}

/// How the signed headers' values are written in the canonical request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Values {
    /// As sent, as the official SDKs sign them.
    AsSent,
    /// In lower case, as Tencent's signing page writes them (see
    /// [`CanonicalRequest::with_lower_case_values`]).
    LowerCase,
}

/// How the query as sent becomes the canonical query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Query {
    /// Byte for byte, but for what a WHATWG URL parser escapes ([`whatwg_query`]): what both
    /// official SDKs sign (the Python one never sends such a byte).
    Whatwg,
    /// Byte for byte, for a client that sends and signs a raw `'`.
    AsSent,
}

pub fn sign_with(
    input: &WireInput,
    query_form: Query,
    values: Values,
    keys: Option<&mut KeyCache>,
) -> Result<SigningTrace> {
    let timestamp = input.timestamp.unwrap_or_default();
    // The scope date is the UTC date of the timestamp, whatever the signer's time zone.
    let date = UtcDateTime::from_unix(timestamp)?.date();
    let unsigned = input.header("x-tc-content-sha256").is_some_and(|v| v.trim() == UNSIGNED_PAYLOAD);
    let hashed_payload = if unsigned {
        sha256_hex(UNSIGNED_PAYLOAD.as_bytes())
    } else {
        super::payload_hash(input, "x-tc-content-sha256")?
    };

    // TC3 signs the query as sent: no re-sorting, no re-encoding.
    let query = match query_form {
        Query::Whatwg => whatwg_query(&input.query),
        Query::AsSent => alloc::borrow::Cow::Borrowed(&*input.query),
    };
    let canonical = CanonicalRequest::new(input, query, hashed_payload)?;
    let canonical = if values == Values::LowerCase { canonical.with_lower_case_values() } else { canonical };
    let canonical_text = canonical.text();
    let hashed_canonical_request = sha256_hex(canonical_text.as_bytes());
    let credential_scope = concat(&[&date, "/", &input.service, "/tc3_request"]);
    let string_to_sign = StringToSign::Tc3 {
        timestamp,
        credential_scope: &credential_scope,
        hashed_canonical_request: &hashed_canonical_request,
    }
    .text();

    let secret = &input.credentials.secret_key;
    let signature = hex(&match keys {
        Some(cache) => cache.key(secret, &date, &input.service).mac(string_to_sign.as_bytes()),
        None => hmac_sha256(&derive_signing_key(secret, &date, &input.service).signing, string_to_sign.as_bytes()),
    });
    let authorization = concat(&[
        "TC3-HMAC-SHA256 Credential=",
        &input.credentials.secret_id,
        "/",
        &credential_scope,
        ", SignedHeaders=",
        &canonical.signed_headers,
        ", Signature=",
        &signature,
    ]);
    Ok(SigningTrace {
        algorithm: Algorithm::Tc3HmacSha256,
        signed_headers: Some(canonical.signed_headers),
        hashed_payload: Some(canonical.hashed_payload),
        canonical_request: Some(canonical_text),
        hashed_canonical_request: Some(hashed_canonical_request),
        credential_scope: Some(credential_scope),
        string_to_sign,
        signature,
        authorization: Some(authorization),
    })
}

/// The three derived keys of the TC3 chain: `HMAC("TC3"+secret, date)` → service → `tc3_request`.
#[derive(Clone)]
pub struct Tc3Keys {
    pub date: [u8; 32],
    pub service: [u8; 32],
    pub signing: [u8; 32],
}

pub fn derive_signing_key(secret_key: &str, date: &str, service: &str) -> Tc3Keys {
    let mut k = String::with_capacity(3 + secret_key.len());
    k.push_str("TC3");
    k.push_str(secret_key);
    let date_key = hmac_sha256(k.as_bytes(), date.as_bytes());
    let service_key = hmac_sha256(&date_key, service.as_bytes());
    let signing = hmac_sha256(&service_key, b"tc3_request");
    Tc3Keys { date: date_key, service: service_key, signing }
}

// Derived keys are secret for a day and a service: never print them by accident.
impl core::fmt::Debug for Tc3Keys {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Tc3Keys(<redacted>)")
    }
}

/// The last TC3 signing key, so that a run of signatures with one secret, day and service
/// derives it once (three HMACs) instead of every time, as aws4fetch does for SigV4. The secret
/// itself is not kept: the entry is found by a SHA-256 of it.
#[derive(Debug, Default)]
pub struct KeyCache {
    last: Option<CachedKey>,
}

#[derive(Debug)]
struct CachedKey {
    secret_digest: [u8; 32],
    date: String,
    service: String,
    key: HmacSha256Key,
}

impl KeyCache {
    fn key(&mut self, secret_key: &str, date: &str, service: &str) -> &HmacSha256Key {
        let digest = sha256(secret_key.as_bytes());
        let hit = self
            .last
            .as_ref()
            .is_some_and(|c| c.date == date && c.service == service && ct_eq(&c.secret_digest, &digest));
        if !hit {
            self.last = None;
        }
        let entry = self.last.get_or_insert_with(|| CachedKey {
            secret_digest: digest,
            date: date.to_string(),
            service: service.to_string(),
            key: HmacSha256Key::new(&derive_signing_key(secret_key, date, service).signing),
        });
        &entry.key
    }
}
