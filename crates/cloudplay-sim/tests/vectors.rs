//! Every official-SDK request of `signing.json` goes through `Simulator::handle` at its own
//! timestamp and passes the signature check; one byte changed in body, query or a signed header,
//! or the same request an hour later, is refused with the vendor's code in its envelope.

use cloudplay_core::conformance::received_request;
use cloudplay_core::verify::VerifyWireInput;
use cloudplay_core::HttpRequest;
use cloudplay_sim::{Account, Profile, Simulator, Vendor};
use serde_json::Value;

fn vectors() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/signing.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["vectors"].as_array().unwrap().clone()
}

/// The request as the SDK sent it, and a simulator that knows the vector's key.
fn setup(v: &Value) -> (HttpRequest, Simulator, i64) {
    let input = VerifyWireInput::from_value(received_request(v).unwrap()).unwrap();
    let mut sim = Simulator::new();
    for c in &input.credentials {
        sim.accounts_mut().add(Account::new(&c.secret_id, &c.secret_key, c.token.as_deref(), Profile::Ordinary));
    }
    (input.request, sim, input.now)
}

fn code(body: &str) -> Option<String> {
    let b: Value = serde_json::from_str(body).unwrap();
    b["Response"]["Error"]["Code"].as_str().map(String::from).or(b["code"].as_i64().map(|c| c.to_string())).or(b
        ["Code"]
        .as_str()
        .filter(|c| *c != "Success")
        .map(String::from))
}

const AUTH_CODES: [&str; 14] = [
    "AuthFailure.SignatureFailure",
    "AuthFailure.SignatureExpire",
    "AuthFailure.SecretIdNotFound",
    "AuthFailure.InvalidAuthorization",
    "AuthFailure.TokenFailure",
    "4000",
    "4100",
    "4500",
    "SignatureDoesNotMatch",
    "IncompleteSignature",
    "InvalidAccessKeyId.NotFound",
    "InvalidTimeStamp.Expired",
    "InvalidSecurityToken.MismatchWithAccessKey",
    "SignatureNonceUsed",
];

fn is_seed(v: &Value) -> bool {
    let host = v["api"]["host"].as_str().unwrap();
    ["ms.", "hai.", "postgres.", "business."].iter().any(|p| host.starts_with(p))
}

#[test]
fn every_vector_passes_the_signature_check_at_its_own_time() {
    let mut seed = 0;
    for v in vectors() {
        let id = v["id"].as_str().unwrap();
        let (req, mut sim, now) = setup(&v);
        let (resp, outcome) = sim.handle_traced(&req, now, 1);
        let c = code(&resp.body);
        assert!(c.as_deref().map_or(true, |c| !AUTH_CODES.contains(&c)), "{id}: {c:?} {}", resp.body);
        if is_seed(&v) {
            seed += 1;
            assert!(outcome.api.is_some(), "{id}: routed to a seed API");
        } else {
            // Not one of the simulated APIs: verified, then refused as an unknown action.
            let want = ["InvalidAction", "Wrapper.InterfaceNameNotFound", "InvalidAction.NotFound"];
            assert!(c.as_deref().is_some_and(|c| want.contains(&c)), "{id}: {c:?}");
        }
    }
    assert!(seed >= 40, "{seed}");
}

/// Changes one letter or digit at or after `from`.
fn flip(s: &str, from: usize) -> Option<String> {
    let i = s.char_indices().skip_while(|(i, _)| *i < from).find(|(_, c)| c.is_ascii_alphanumeric())?.0;
    let mut b = s.as_bytes().to_vec();
    b[i] = match b[i] {
        b'z' => b'y',
        b'Z' => b'Y',
        b'9' => b'8',
        c => c + 1,
    };
    String::from_utf8(b).ok()
}

/// The offset of a business value in a query or form text (not a signing field).
fn business_offset(q: &str) -> Option<usize> {
    const SKIP: [&str; 8] = [
        "AccessKeyId",
        "SecretId",
        "Timestamp",
        "Signature",
        "SignatureMethod",
        "SignatureVersion",
        "Nonce",
        "SignatureNonce",
    ];
    let mut offset = 0;
    for seg in q.split('&') {
        if let Some((name, value)) = seg.split_once('=') {
            if !SKIP.contains(&name) && value.bytes().any(|b| b.is_ascii_alphanumeric()) {
                return Some(offset + name.len() + 1);
            }
        }
        offset += seg.len() + 1;
    }
    None
}

fn mismatch_code(vendor: Vendor) -> &'static str {
    match vendor {
        Vendor::Tencent3 => "AuthFailure.SignatureFailure",
        Vendor::TencentLegacy => "4100",
        Vendor::Alibaba => "SignatureDoesNotMatch",
    }
}

#[test]
fn one_byte_changed_or_an_hour_later_is_refused_in_the_vendors_terms() {
    let mut checked = 0;
    for v in vectors().into_iter().filter(is_seed) {
        let id = v["id"].as_str().unwrap();
        let (req, mut sim, now) = setup(&v);
        let vendor = sim.handle_traced(&req, now, 1).1.vendor;
        let unsigned = req.header("X-TC-Content-SHA256") == Some("UNSIGNED-PAYLOAD");
        let mut variants: Vec<(String, HttpRequest)> = Vec::new();
        if !req.body.is_empty() && !unsigned {
            let mut m = req.clone();
            let at = business_offset(&req.body).unwrap_or(req.body.len() / 2);
            m.body = flip(&req.body, at).or_else(|| flip(&req.body, 0)).unwrap();
            variants.push(("body".into(), m));
        }
        if let Some(at) = business_offset(&req.query) {
            let mut m = req.clone();
            m.query = flip(&req.query, at).unwrap();
            variants.push(("query".into(), m));
        }
        let signed: Vec<String> = v["expected"]["signed_headers"]
            .as_str()
            .unwrap_or("")
            .split(';')
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        for name in signed.iter().filter(|n| !n.contains("date") && *n != "x-acs-signature-nonce") {
            let mut m = req.clone();
            let slot = m.headers.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(name)).unwrap();
            slot.1 = flip(&slot.1, 0).unwrap();
            variants.push((format!("header {name}"), m));
        }
        assert!(!variants.is_empty(), "{id}");
        for (what, m) in variants {
            let (_, mut fresh, _) = setup(&v);
            let (resp, outcome) = fresh.handle_traced(&m, now, 2);
            assert_eq!(outcome.code.as_deref(), Some(mismatch_code(vendor)), "{id}: {what}: {}", resp.body);
            assert_eq!(outcome.vendor, vendor);
            match vendor {
                Vendor::Alibaba => {
                    assert_eq!(resp.status, 400);
                    let msg =
                        serde_json::from_str::<Value>(&resp.body).unwrap()["Message"].as_str().unwrap().to_string();
                    assert!(msg.split_once(':').is_some_and(|(_, sts)| !sts.is_empty()), "{id}: {msg}");
                }
                _ => assert_eq!((resp.status, resp.header("content-type")), (200, Some("application/json"))),
            }
            checked += 1;
        }
        let (_, mut fresh, _) = setup(&v);
        let (resp, outcome) = fresh.handle_traced(&req, now + 3600, 3);
        let want = match vendor {
            Vendor::Tencent3 => "AuthFailure.SignatureExpire",
            Vendor::TencentLegacy => "4500",
            Vendor::Alibaba => "InvalidTimeStamp.Expired",
        };
        assert_eq!(outcome.code.as_deref(), Some(want), "{id}: {}", resp.body);
    }
    assert!(checked > 60, "{checked}");
}
