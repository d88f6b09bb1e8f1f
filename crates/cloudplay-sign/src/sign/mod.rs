//! The five signing algorithms at the wire level, and the trace of every intermediate value.
//!
//! `sign_wire` canonicalizes and signs exactly what it is given; it never adds, drops or
//! reorders a parameter on its own. It returns what the caller adds to the request (the
//! `Authorization` header or the `Signature` parameter) instead of mutating anything.

mod acs3;
mod acs_rpc;
mod canonical;
mod tc3;
mod tc_legacy;

use alloc::string::String;
use core::fmt;

use serde::{Deserialize, Serialize};

pub use canonical::{CanonicalRequest, NameOrder, StringToSign};

use crate::error::Result;
use crate::wire::WireInput;

/// A signing algorithm id, spelled as in the conformance contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub enum Algorithm {
    /// Tencent Cloud API 3.0.
    #[serde(rename = "TC3-HMAC-SHA256")]
    Tc3HmacSha256,
    /// Tencent Cloud legacy API 2.0 (and API 3.0's v1 signature), HMAC-SHA1.
    #[serde(rename = "TC-HmacSHA1")]
    TcHmacSha1,
    /// Tencent Cloud legacy API 2.0, HMAC-SHA256.
    #[serde(rename = "TC-HmacSHA256")]
    TcHmacSha256,
    /// Alibaba Cloud RPC signature version 1.0.
    #[serde(rename = "ACS-RPC-HMAC-SHA1")]
    AcsRpcHmacSha1,
    /// Alibaba Cloud V3 signature.
    #[serde(rename = "ACS3-HMAC-SHA256")]
    Acs3HmacSha256,
}

impl Algorithm {
    pub const ALL: [Algorithm; 5] = [
        Algorithm::Tc3HmacSha256,
        Algorithm::TcHmacSha1,
        Algorithm::TcHmacSha256,
        Algorithm::AcsRpcHmacSha1,
        Algorithm::Acs3HmacSha256,
    ];
    pub const ALL_IDS: [&'static str; 5] =
        ["TC3-HMAC-SHA256", "TC-HmacSHA1", "TC-HmacSHA256", "ACS-RPC-HMAC-SHA1", "ACS3-HMAC-SHA256"];

    pub const fn id(self) -> &'static str {
        match self {
            Algorithm::Tc3HmacSha256 => Self::ALL_IDS[0],
            Algorithm::TcHmacSha1 => Self::ALL_IDS[1],
            Algorithm::TcHmacSha256 => Self::ALL_IDS[2],
            Algorithm::AcsRpcHmacSha1 => Self::ALL_IDS[3],
            Algorithm::Acs3HmacSha256 => Self::ALL_IDS[4],
        }
    }

    pub fn parse(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.id() == id)
    }

    /// Whether the signature goes in an `Authorization` header (else in a `Signature` parameter).
    pub const fn uses_authorization_header(self) -> bool {
        matches!(self, Algorithm::Tc3HmacSha256 | Algorithm::Acs3HmacSha256)
    }
}

impl fmt::Display for Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Every intermediate value of one signature, as the vendors name them. Fields an algorithm
/// does not have are absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct SigningTrace {
    pub algorithm: Algorithm,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_request: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hashed_canonical_request: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hashed_payload: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential_scope: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_headers: Option<String>,
    pub string_to_sign: String,
    /// Lower-case hex (TC3, ACS3) or base64 (TC legacy, ACS RPC).
    pub signature: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization: Option<String>,
}

impl SigningTrace {
    /// The trace of an algorithm that signs its parameters (TC legacy, ACS RPC): a string to
    /// sign and a signature, nothing else.
    pub(crate) fn of_params(algorithm: Algorithm, string_to_sign: String, signature: String) -> Self {
        SigningTrace {
            algorithm,
            canonical_request: None,
            hashed_canonical_request: None,
            hashed_payload: None,
            credential_scope: None,
            signed_headers: None,
            string_to_sign,
            signature,
            authorization: None,
        }
    }

    /// The one thing to add to the request: `("Authorization", …)` as a header for TC3/ACS3,
    /// `("Signature", …)` as a parameter otherwise.
    pub fn addition(&self) -> (&'static str, &str) {
        match &self.authorization {
            Some(auth) => ("Authorization", auth.as_str()),
            None => ("Signature", self.signature.as_str()),
        }
    }

    /// Constant-time check of a presented signature against this one.
    pub fn signature_matches(&self, presented: &str) -> bool {
        crate::crypto::ct_eq(self.signature.as_bytes(), presented.as_bytes())
    }
}

/// Signs a wire-level request. See the module docs and `vectors/README.md`.
pub fn sign_wire(input: &WireInput) -> Result<SigningTrace> {
    sign(input, None)
}

/// Signs like [`sign_wire`], deriving each TC3 signing key once for a run of requests with the
/// same secret, day and service. For a caller that signs many requests (a JS module, a JSON
/// Lines loop); the traces are the same as `sign_wire`'s.
#[derive(Debug, Default)]
pub struct Signer {
    tc3_keys: tc3::KeyCache,
}

impl Signer {
    pub fn sign(&mut self, input: &WireInput) -> Result<SigningTrace> {
        sign(input, Some(&mut self.tc3_keys))
    }
}

pub use tc3::UNSIGNED_PAYLOAD;

/// The payload's hash for TC3 and ACS3: the body's, unless the caller's hash header stands
/// for a body it does not give. One beside a body given must hash it: the server hashes the
/// body it receives, and would not verify the signature.
fn payload_hash(input: &WireInput, header: &str) -> Result<String> {
    use crate::wire::PayloadHash;
    let refuse = |why: &[&str]| {
        let mut message = alloc::vec!["is not "];
        message.extend_from_slice(why);
        crate::error::Error::at(
            crate::error::ErrorKind::InvalidField,
            crate::text::concat(&["headers.", header]),
            crate::text::concat(&message),
        )
    };
    match &input.payload_hash {
        Some(PayloadHash::Stands(given)) => {
            let hex = given.len() == 64 && given.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
            if hex {
                Ok(given.clone())
            } else {
                Err(refuse(&["a SHA-256 in lower-case hex, which it must be to stand for the body not given"]))
            }
        }
        Some(PayloadHash::Claims(given)) => {
            let hashed = crate::crypto::sha256_hex(input.body.as_bytes());
            if *given == hashed {
                Ok(hashed)
            } else {
                Err(refuse(&[
                    "the body's SHA-256 in lower-case hex (",
                    &hashed,
                    "), which the server computes from the body it receives",
                ]))
            }
        }
        None => Ok(crate::crypto::sha256_hex(input.body.as_bytes())),
    }
}

fn sign(input: &WireInput, tc3_keys: Option<&mut tc3::KeyCache>) -> Result<SigningTrace> {
    match input.algorithm {
        Algorithm::Tc3HmacSha256 => tc3::sign(input, tc3_keys),
        Algorithm::TcHmacSha1 | Algorithm::TcHmacSha256 => tc_legacy::sign(input),
        Algorithm::AcsRpcHmacSha1 => acs_rpc::sign(input),
        Algorithm::Acs3HmacSha256 => acs3::sign(input),
    }
}

/// Other readings of a request that signers produce, for the verifier: ACS3 with the query
/// names RFC 3986-encoded (Alibaba's documentation) instead of as sent (the official SDKs),
/// both Alibaba schemes with names in @alicloud/openapi-util's UTF-16 order, TC3 with a
/// query signed byte for byte where a URL parser would have escaped, and Tencent's v1 with
/// names as sent.
#[doc(hidden)]
pub mod alternatives {
    use super::*;

    pub fn acs3_encoded_names(input: &WireInput) -> Result<SigningTrace> {
        acs3::sign_with(input, acs3::Names::Rfc3986, NameOrder::CodePoint)
    }

    pub fn acs3_utf16_order(input: &WireInput) -> Result<SigningTrace> {
        acs3::sign_with(input, acs3::Names::AsSent, NameOrder::Utf16)
    }

    pub fn rpc_utf16_order(input: &WireInput) -> Result<SigningTrace> {
        acs_rpc::sign_with(input, NameOrder::Utf16)
    }

    /// TC3 with the query byte for byte, even where a URL parser would escape (a raw `'`).
    pub fn tc3_query_as_sent(input: &WireInput) -> Result<SigningTrace> {
        tc3::sign_with(input, tc3::Query::AsSent, tc3::Values::AsSent, None)
    }

    /// TC3 with the signed headers' values in lower case, as Tencent's signing page has them.
    pub fn tc3_lower_case_values(input: &WireInput) -> Result<SigningTrace> {
        tc3::sign_with(input, tc3::Query::Whatwg, tc3::Values::LowerCase, None)
    }

    /// API 2.0 / v1 with parameter names as sent, `_` kept (tencentcloud-sdk-nodejs).
    pub fn tc_legacy_names_as_sent(input: &WireInput) -> Result<SigningTrace> {
        tc_legacy::sign_with(input, tc_legacy::Names::AsSent)
    }

    pub use acs3::{has_names_to_encode as acs3_has_names_to_encode, order_matters as acs3_order_matters};
}

/// The TC3 signing-key chain, exposed so a preview can show each derived key.
pub use tc3::derive_signing_key as tc3_signing_key;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::sha256_hex;

    fn input(algorithm: &str, hash_header: &str, hash: &str, body: Option<&str>) -> Result<SigningTrace> {
        let body = body.map(|b| alloc::format!(r#","body":"{b}""#)).unwrap_or_default();
        let json = alloc::format!(
            r#"{{"algorithm":"{algorithm}","method":"POST","host":"h.example","path":"/","service":"h","timestamp":1700000000,
            "credentials":{{"secret_id":"id","secret_key":"key"}},"headers":{{"host":"h.example","content-type":"application/octet-stream","{hash_header}":"{hash}"}},
            "signed_headers":"content-type;host;{hash_header}"{body}}}"#
        );
        sign_wire(&WireInput::from_json(json.as_bytes())?)
    }

    /// A hash header stands for a body not given (bytes hashed by the caller), which signs as
    /// the body itself would; one that does not hash the body given is refused, naming it.
    #[test]
    fn a_hash_header_signs_for_a_body_not_given_and_must_hash_one_given() {
        let bytes = sha256_hex(b"upload bytes");
        for (alg, header) in [("ACS3-HMAC-SHA256", "x-acs-content-sha256"), ("TC3-HMAC-SHA256", "x-tc-content-sha256")]
        {
            let with_body = input(alg, header, &bytes, Some("upload bytes")).unwrap();
            let by_hash = input(alg, header, &bytes, None).unwrap();
            assert_eq!(by_hash.hashed_payload.as_deref(), Some(bytes.as_str()));
            assert_eq!(by_hash.signature, with_body.signature, "{alg}");
            let e = input(alg, header, &bytes, Some("other bytes")).unwrap_err();
            assert_eq!(
                (e.kind, e.path.as_deref()),
                (crate::error::ErrorKind::InvalidField, Some(alloc::format!("headers.{header}").as_str()))
            );
            assert!(e.message.contains(&sha256_hex(b"other bytes")), "{}", e.message);
            // Upper-case hex, or anything but a hash, stands for no body.
            assert!(input(alg, header, &bytes.to_uppercase(), None).is_err(), "{alg}");
            assert!(input(alg, header, "not-a-hash", None).is_err(), "{alg}");
            // An empty body given is a body: the header must be its hash.
            let e = input(alg, header, &bytes, Some("")).unwrap_err();
            assert!(e.message.contains(&sha256_hex(b"")), "{}", e.message);
            assert!(input(alg, header, &sha256_hex(b""), Some("")).is_ok());
        }
        // TC3's UNSIGNED-PAYLOAD is still its own case.
        let unsigned = input("TC3-HMAC-SHA256", "x-tc-content-sha256", "UNSIGNED-PAYLOAD", Some("anything")).unwrap();
        assert_eq!(unsigned.hashed_payload.as_deref(), Some(sha256_hex(b"UNSIGNED-PAYLOAD").as_str()));
    }
}
