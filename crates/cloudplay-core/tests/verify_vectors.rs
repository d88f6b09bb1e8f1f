//! The verifier accepts every official-SDK request as it was sent, at its own timestamp, and
//! refuses it with the vendor's code when one byte of what the signature covers changes, when
//! it is checked an hour later, or when the key is unknown.

mod common;

use cloudplay_core::conformance::received_request;
use cloudplay_core::verify::{Failure, VerifyWireInput};
use serde_json::Value;

fn vectors() -> Vec<Value> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = vec![root.join("tests/fixtures/signing.json"), root.join("tests/fixtures/differential.json")];
    if let Ok(extra) = std::env::var("CLOUDPLAY_EXTRA_VECTORS") {
        files.extend(extra.split(':').filter(|s| !s.is_empty()).map(Into::into));
    }
    files
        .iter()
        .flat_map(|f| {
            let doc: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
            doc["vectors"].as_array().unwrap().clone()
        })
        .collect()
}

/// Whose error vocabulary a vector's refusals use: API 3.0 hosts answer in API 3.0's words
/// whichever Tencent signature the request carries; API 2.0 hosts in API 2.0's numbers.
fn family(v: &Value) -> &'static str {
    match v["algorithm"].as_str().unwrap() {
        "TC3-HMAC-SHA256" => "tencent3",
        "TC-HmacSHA1" | "TC-HmacSHA256" if v["api"]["host"].as_str().unwrap().ends_with("tencentcloudapi.com") => {
            "tencent3"
        }
        "TC-HmacSHA1" | "TC-HmacSHA256" => "tencent-legacy",
        _ => "alibaba",
    }
}

fn input(v: &Value) -> Value {
    received_request(v).unwrap_or_else(|| panic!("{} lacks wire fields", v["id"]))
}

fn check(req: &Value) -> Result<cloudplay_core::verify::Verified, cloudplay_core::verify::Refusal> {
    VerifyWireInput::from_value(req.clone()).expect("well-formed verify input").verify()
}

/// Changes one letter or digit in `s` at or after `from`, keeping it well-formed: the hex
/// digits of a `%XX` escape are passed over (`%F0` must not become the malformed `%G0`).
fn flip_one(s: &str, from: usize) -> Option<String> {
    let b = s.as_bytes();
    let mut i = from;
    while i < b.len() {
        if b[i] == b'%' && b.get(i + 1..i + 3).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
            i += 3;
            continue;
        }
        if b[i].is_ascii_alphanumeric() {
            let mut out = b.to_vec();
            out[i] = match b[i] {
                b'z' => b'y',
                b'Z' => b'Y',
                b'9' => b'8',
                c => c + 1,
            };
            return String::from_utf8(out).ok();
        }
        i += 1;
    }
    None
}

/// The offset of the first query value that is neither the key id, the clock, the signature
/// nor the scheme, so that changing it can only break the signature. Values the SDKs leave out
/// of the signature are passed over: one starting with '@' (qcloudapi, POST: a file upload in
/// API 2.0's convention), in the Tencent legacy scheme a name that a later one shadows once `_`
/// is written `.` (`A_b` then `A.b`: the SDK's dict keeps the later value), and a query name the
/// form body repeats (`body`: the Alibaba SDKs sign the body's value).
fn business_value_offset(url: &str, tencent_legacy: bool, body: &str) -> Option<usize> {
    let in_body: Vec<String> = common::pairs(body).into_iter().map(|(n, _)| n).collect();
    const SIGNING: [&str; 7] =
        ["AccessKeyId", "SecretId", "Timestamp", "Signature", "SignatureMethod", "SignatureVersion", "Nonce"];
    let q = url.find('?')? + 1;
    let segs: Vec<&str> = url[q..].split('&').collect();
    let signed_as = |seg: &str| {
        let name = seg.split_once('=').map_or(seg, |(n, _)| n);
        common::pairs(name).first().map(|(n, _)| n.replace('_', ".")).unwrap_or_default()
    };
    let mut offset = q;
    for (i, seg) in segs.iter().enumerate() {
        if let Some((name, value)) = seg.split_once('=') {
            let shadowed = (tencent_legacy && segs[i + 1..].iter().any(|later| signed_as(later) == signed_as(seg)))
                || common::pairs(name).first().is_some_and(|(n, _)| in_body.contains(n));
            if !SIGNING.contains(&name)
                && !value.starts_with("%40")
                && !shadowed
                && value.bytes().any(|b| b.is_ascii_alphanumeric())
            {
                return Some(offset + name.len() + 1);
            }
        }
        offset += seg.len() + 1;
    }
    None
}

fn signed_header_names(v: &Value) -> Vec<String> {
    v["expected"]["signed_headers"].as_str().map(|s| s.split(';').map(String::from).collect()).unwrap_or_default()
}

#[test]
fn every_vector_verifies_at_its_own_time() {
    let vs = vectors();
    for v in &vs {
        let ok = check(&input(v)).unwrap_or_else(|r| panic!("{}: {r}", v["id"]));
        assert_eq!(ok.algorithm.id(), v["algorithm"].as_str().unwrap());
        assert_eq!(ok.trace.signature, v["expected"]["signature"].as_str().unwrap(), "{}", v["id"]);
    }
    assert!(vs.len() >= 48);
}

#[test]
fn one_byte_changed_is_a_signature_mismatch() {
    let mut mutations = 0;
    for v in vectors() {
        let id = v["id"].as_str().unwrap();
        let base = input(&v);
        let legacy = family(&v) != "alibaba" && v["algorithm"] != "TC3-HMAC-SHA256";
        let unsigned_body = v["expected"]["headers"].as_object().is_some_and(|h| {
            h.iter().any(|(k, x)| k.eq_ignore_ascii_case("x-tc-content-sha256") && x == "UNSIGNED-PAYLOAD")
        });

        let mut variants: Vec<(String, Value)> = Vec::new();
        if let Some(body) = base["body"].as_str().filter(|b| !b.is_empty()) {
            let mut m = base.clone();
            // In a form body change a parameter's value; in JSON any byte.
            let at = business_value_offset(&format!("?{body}"), legacy, "").map_or(body.len() / 2, |o| o - 1);
            m["body"] = flip_one(body, at).or_else(|| flip_one(body, 0)).unwrap().into();
            if unsigned_body {
                // UNSIGNED-PAYLOAD leaves the body out of the signature by design.
                assert!(check(&m).is_ok(), "{id}: an unsigned body is not covered");
            } else {
                variants.push(("body".into(), m));
            }
        }
        let url = base["url"].as_str().unwrap();
        let form_body = if base["headers"]
            .as_object()
            .unwrap()
            .iter()
            .any(|(k, x)| k.eq_ignore_ascii_case("content-type") && x.as_str().unwrap().contains("form-urlencoded"))
        {
            base["body"].as_str().unwrap_or("")
        } else {
            ""
        };
        if let Some(at) = business_value_offset(url, legacy, form_body) {
            let mut m = base.clone();
            m["url"] = flip_one(url, at).unwrap().into();
            variants.push(("query".into(), m));
        }
        for name in signed_header_names(&v) {
            let mut m = base.clone();
            let headers = m["headers"].as_object_mut().unwrap();
            let key = headers.keys().find(|k| k.eq_ignore_ascii_case(&name)).unwrap().clone();
            let value = headers[&key].as_str().unwrap();
            headers[&key] = flip_one(value, 0).unwrap().into();
            variants.push((format!("header {name}"), m));
        }
        assert!(!variants.is_empty(), "{id}: nothing to mutate");
        for (what, m) in variants {
            let refusal = check(&m).expect_err(&format!("{id}: changed {what} must be refused"));
            // A changed timestamp header is caught by the clock first; everything else by the signature.
            if refusal.failure != Failure::Expired || !what.contains("date") {
                assert_eq!(refusal.failure, Failure::SignatureMismatch, "{id}: {what}: {refusal}");
            }
            let code = refusal.vendor_code();
            let want = match family(&v) {
                "tencent3" => "AuthFailure.SignatureFailure",
                "tencent-legacy" => "4100",
                _ => "SignatureDoesNotMatch",
            };
            if refusal.failure == Failure::SignatureMismatch {
                assert_eq!(code, want, "{id}: {what}");
                assert!(refusal.string_to_sign().is_some());
            }
            mutations += 1;
        }
    }
    assert!(mutations > 100, "{mutations}");
}

#[test]
fn an_hour_later_is_expired_and_unknown_keys_are_named() {
    for v in vectors() {
        let id = v["id"].as_str().unwrap();
        let mut late = input(&v);
        late["now"] = (v["timestamp"].as_i64().unwrap() + 3600).into();
        let r = check(&late).expect_err(id);
        assert_eq!(r.failure, Failure::Expired, "{id}: {r}");
        let want = match family(&v) {
            "tencent3" => "AuthFailure.SignatureExpire",
            "tencent-legacy" => "4500",
            _ => "InvalidTimeStamp.Expired",
        };
        assert_eq!(r.vendor_code(), want, "{id}");

        let mut stranger = input(&v);
        stranger["credentials"][0]["secret_id"] = "someone-else".into();
        let r = check(&stranger).expect_err(id);
        assert_eq!(r.failure, Failure::UnknownSecretId, "{id}: {r}");

        let mut wrong_secret = input(&v);
        wrong_secret["credentials"][0]["secret_key"] = "not-the-secret".into();
        let r = check(&wrong_secret).expect_err(id);
        assert_eq!(r.failure, Failure::SignatureMismatch, "{id}: {r}");
    }
}

#[test]
fn alibaba_mismatch_message_carries_the_string_to_sign_after_a_colon() {
    let v = vectors().into_iter().find(|v| v["algorithm"] == "ACS-RPC-HMAC-SHA1").unwrap();
    let mut req = input(&v);
    req["credentials"][0]["secret_key"] = "wrong".into();
    let r = check(&req).unwrap_err();
    let msg = r.vendor_message();
    let (_, after) = msg.split_once(':').expect("a colon");
    assert_eq!(after, v["expected"]["string_to_sign"].as_str().unwrap());
}

#[test]
fn session_tokens_are_checked() {
    for v in vectors().into_iter().filter(|v| v["credentials"].get("token").is_some()) {
        let id = v["id"].as_str().unwrap();
        let mut other = input(&v);
        other["credentials"][0]["token"] = "another-token".into();
        let r = check(&other).expect_err(id);
        assert_eq!(r.failure, Failure::TokenMismatch, "{id}: {r}");
        let mut none = input(&v);
        none["credentials"][0].as_object_mut().unwrap().remove("token");
        assert_eq!(check(&none).unwrap_err().failure, Failure::TokenMismatch, "{id}");
    }
}

/// A form body as people paste or type it: a space left unescaped (`curl -d 'a=b c'`) is the
/// space the client signed; a newline after the body is part of the last value, so the request
/// verifies or is a signature mismatch — never a request "without a signature".
#[test]
fn form_bodies_are_read_as_a_form_parser_reads_them() {
    let mut seen = 0;
    for v in vectors() {
        let base = input(&v);
        let form = base["headers"].as_object().is_some_and(|h| {
            h.iter().any(|(k, x)| {
                k.eq_ignore_ascii_case("content-type") && x.as_str().unwrap_or("").contains("form-urlencoded")
            })
        });
        let body = base["body"].as_str().unwrap_or("").to_owned();
        // Only the parameter schemes sign the body's parameters; TC3 and ACS3 hash its bytes.
        if !form || body.is_empty() || matches!(v["algorithm"].as_str(), Some("TC3-HMAC-SHA256" | "ACS3-HMAC-SHA256")) {
            continue;
        }
        let id = v["id"].as_str().unwrap();
        let space = ["+", "%20"].iter().find_map(|e| body.contains(e).then(|| body.replacen(e, " ", 1)));
        if let Some(spaced) = space {
            let mut m = base.clone();
            m["body"] = spaced.into();
            check(&m).unwrap_or_else(|r| panic!("{id}: a literal space: {r}"));
        }
        for (what, changed) in [("a newline after", format!("{body}\n")), ("a stray %", format!("{body}%"))] {
            let mut m = base.clone();
            m["body"] = changed.into();
            let refusal = check(&m).expect_err(&format!("{id}: {what}"));
            assert_eq!(refusal.failure, Failure::SignatureMismatch, "{id}: {what}: {refusal}");
        }
        seen += 1;
    }
    assert!(seen >= 3, "{seen} vectors with a form body");
}

/// A request correctly signed over too few headers is refused before its signature is compared:
/// TC3 must sign content-type and host, ACS3 host and every x-acs-* header it sends. Otherwise
/// an unsigned nonce or date could be changed to replay the request.
#[test]
fn signatures_over_too_few_headers_are_refused() {
    use cloudplay_core::conformance::contract_input;
    use cloudplay_core::sign::sign_wire;
    use cloudplay_core::wire::WireInput;
    let mut seen = 0;
    for v in vectors() {
        let id = v["id"].as_str().unwrap();
        let (must, code) = match v["algorithm"].as_str().unwrap() {
            "TC3-HMAC-SHA256" => {
                (vec!["content-type".to_string(), "host".to_string()], "AuthFailure.InvalidAuthorization")
            }
            "ACS3-HMAC-SHA256" => (
                signed_header_names(&v).into_iter().filter(|h| h == "host" || h.starts_with("x-acs-")).collect(),
                "IncompleteSignature",
            ),
            _ => continue,
        };
        for left_out in must {
            let mut wire = contract_input(&v).unwrap();
            let fewer: Vec<String> = signed_header_names(&v).into_iter().filter(|h| *h != left_out).collect();
            wire["signed_headers"] = fewer.join(";").into();
            let signer = WireInput::from_json(&serde_json::to_vec(&wire).unwrap()).unwrap();
            let authorization = sign_wire(&signer).unwrap().authorization.expect("an Authorization header");
            let mut req = input(&v);
            let headers = req["headers"].as_object_mut().unwrap();
            let key = headers.keys().find(|k| k.eq_ignore_ascii_case("authorization")).unwrap().clone();
            headers[&key] = authorization.into();
            let r = check(&req).expect_err(&format!("{id}: {left_out} unsigned"));
            assert_eq!(r.failure, Failure::MalformedAuthorization, "{id}: {left_out} unsigned: {r}");
            assert_eq!(r.vendor_code(), code, "{id}");
            assert!(r.message.contains(&left_out), "{id}: {}", r.message);
            seen += 1;
        }
    }
    assert!(seen >= 50, "{seen}");
}

/// Date.now() where unix seconds belong: out of the window, as the vendors answer, and said to be
/// milliseconds.
#[test]
fn a_timestamp_in_milliseconds_is_named_as_such() {
    let mut seen = 0;
    for v in vectors() {
        let ts = v["timestamp"].as_i64().unwrap();
        // Milliseconds of a time before the year 2286, as Date.now() gives them.
        if ts >= 10_000_000_000 {
            continue;
        }
        let mut req = input(&v);
        let field = match v["algorithm"].as_str().unwrap() {
            "TC3-HMAC-SHA256" => {
                let headers = req["headers"].as_object_mut().unwrap();
                let Some((_, value)) = headers.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case("x-tc-timestamp"))
                else {
                    continue;
                };
                *value = format!("{ts}000").into();
                "X-TC-Timestamp"
            }
            "TC-HmacSHA1" | "TC-HmacSHA256" => {
                let url = req["url"].as_str().unwrap().to_string();
                let from = format!("Timestamp={ts}");
                if !url.contains(&from) {
                    continue;
                }
                req["url"] = url.replacen(&from, &format!("{from}000"), 1).into();
                "Timestamp"
            }
            _ => continue,
        };
        let r = check(&req).unwrap_err();
        assert_eq!(r.failure, Failure::Expired, "{}: {}", v["id"], r.message);
        assert_eq!(
            r.message,
            format!("{field} {ts}000 is in milliseconds; it must be unix seconds ({ts})"),
            "{}",
            v["id"]
        );
        seen += 1;
    }
    assert!(seen >= 10, "{seen}");
}
