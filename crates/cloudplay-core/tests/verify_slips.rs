//! A signature made with a common slip (the RPC key without its `&`, the wrong HMAC for API
//! 2.0's SignatureMethod, a `+` sent unencoded, upper-case or base64 hex, TC3's key chain without
//! "TC3" or over another date than the scope's) is refused with that slip named, over every vector it applies to; a wrong key is not
//! mistaken for a slip.

use cloudplay_core::conformance::received_request;
use cloudplay_core::crypto::{base64, hex, hmac_sha1, hmac_sha256};
use cloudplay_core::encode::rfc3986;
use cloudplay_core::time::UtcDateTime;
use cloudplay_core::verify::{Failure, VerifyWireInput};
use serde_json::Value;

fn vectors() -> Vec<Value> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("tests/fixtures/signing.json")).unwrap()).unwrap();
    doc["vectors"].as_array().unwrap().clone()
}

fn refusal(req: &Value) -> cloudplay_core::verify::Refusal {
    VerifyWireInput::from_value(req.clone()).unwrap().verify().expect_err("must be refused")
}

/// Puts `value` (as it goes on the wire) in place of the `Signature` parameter's value, in the
/// query or in a form body.
fn replace_param_signature(req: &mut Value, value: &str) {
    for field in ["url", "body"] {
        let text = req[field].as_str().unwrap().to_string();
        let Some(at) = text.find("Signature=").filter(|&i| i == 0 || matches!(&text[i - 1..i], "?" | "&")) else {
            continue;
        };
        let start = at + "Signature=".len();
        let end = text[start..].find('&').map_or(text.len(), |i| start + i);
        req[field] = format!("{}{value}{}", &text[..start], &text[end..]).into();
        return;
    }
    panic!("no Signature parameter in {req}");
}

fn replace_header_signature(req: &mut Value, value: &str) {
    let headers = req["headers"].as_object_mut().unwrap();
    let (_, auth) = headers.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case("authorization")).unwrap();
    let text = auth.as_str().unwrap();
    let at = text.rfind("Signature=").unwrap() + "Signature=".len();
    *auth = format!("{}{value}", &text[..at]).into();
}

fn expect_slip(v: &Value, req: &Value, words: &str) {
    let r = refusal(req);
    assert_eq!(r.failure, Failure::SignatureMismatch, "{}: {}", v["id"], r.message);
    let slip = r.slip.clone().unwrap_or_else(|| panic!("{}: no slip in {}", v["id"], r.message));
    let (en, zh) = (slip.en, slip.zh);
    assert!(en.contains(words), "{}: {en}", v["id"]);
    assert!(r.message.ends_with(en) && r.message_zh.ends_with(zh), "{}: {}", v["id"], r.message);
    // aliyun-python-sdk-core reads the string to sign after the message's first colon.
    let vendor = r.vendor_message();
    if let Some((_, after)) = vendor.split_once("server string to sign is") {
        assert_eq!(vendor.split_once(':').unwrap().1, &after[1..], "{}", v["id"]);
        assert!(vendor.contains(en));
        // The Chinese quotes the same string to sign, after the same slip.
        let zh_vendor = r.vendor_message_zh();
        assert!(
            zh_vendor.contains(zh) && zh_vendor.ends_with(&format!("服务端的待签名字符串为：{}", &after[1..])),
            "{zh_vendor}"
        );
    }
}

#[test]
fn slips_are_named() {
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    for v in vectors() {
        let Some(mut req) = received_request(&v) else { continue };
        let alg = v["algorithm"].as_str().unwrap();
        let e = &v["expected"];
        let sts = e["string_to_sign"].as_str().unwrap().as_bytes();
        let secret = v["credentials"]["secret_key"].as_str().unwrap().as_bytes();
        let sig = e["signature"].as_str().unwrap();
        let mut note = |slip: &str| *seen.entry(slip.to_string()).or_default() += 1;
        match alg {
            "ACS-RPC-HMAC-SHA1" | "TC-HmacSHA1" | "TC-HmacSHA256" => {
                if sig.contains('+') {
                    let mut sent = req.clone();
                    replace_param_signature(&mut sent, &rfc3986(sig).replace("%2B", "+"));
                    expect_slip(&v, &sent, "without URL encoding");
                    note("unencoded");
                }
                let (other, words) = match alg {
                    "ACS-RPC-HMAC-SHA1" => (base64(&hmac_sha1(secret, sts)), "secret alone"),
                    "TC-HmacSHA256" => (base64(&hmac_sha1(secret, sts)), "is HmacSHA1"),
                    _ => (base64(&hmac_sha256(secret, sts)), "is HmacSHA256"),
                };
                let mut sent = req.clone();
                replace_param_signature(&mut sent, &rfc3986(&other));
                expect_slip(&v, &sent, words);
                note(alg);
                if alg == "ACS-RPC-HMAC-SHA1" {
                    let key = [secret, b"&"].concat();
                    replace_param_signature(&mut req, &rfc3986(&base64(&hmac_sha256(&key, sts))));
                    expect_slip(&v, &req, "is HMAC-SHA256");
                    note("rpc sha256");
                }
            }
            _ => {
                // A body other than the one hashed, the hash header left as signed.
                let hash_header =
                    if alg == "ACS3-HMAC-SHA256" { "x-acs-content-sha256" } else { "x-tc-content-sha256" };
                let hashed =
                    req["headers"].as_object().unwrap().iter().find(|(k, _)| k.eq_ignore_ascii_case(hash_header));
                // (An unsigned payload is not hashed: any body goes.)
                if hashed.is_some_and(|(_, value)| value != "UNSIGNED-PAYLOAD") {
                    let mut sent = req.clone();
                    sent["body"] = format!("{} ", sent["body"].as_str().unwrap()).into();
                    expect_slip(&v, &sent, "not the SHA-256 of the body received");
                    note("body hash");
                }
                let mut sent = req.clone();
                replace_header_signature(&mut sent, &sig.to_ascii_uppercase());
                expect_slip(&v, &sent, "upper case");
                let bytes: Vec<u8> =
                    (0..sig.len()).step_by(2).map(|i| u8::from_str_radix(&sig[i..i + 2], 16).unwrap()).collect();
                replace_header_signature(&mut sent, &base64(&bytes));
                expect_slip(&v, &sent, "base64");
                note("hex");
                if alg == "ACS3-HMAC-SHA256" {
                    let key = [secret, b"&"].concat();
                    let mut sent = req.clone();
                    replace_header_signature(&mut sent, &hex(&hmac_sha256(&key, sts)));
                    expect_slip(&v, &sent, "followed by &");
                    note("acs3 ampersand");
                }
                if alg == "TC3-HMAC-SHA256" {
                    let scope: Vec<&str> = e["credential_scope"].as_str().unwrap().split('/').collect();
                    let key = hmac_sha256(
                        &hmac_sha256(&hmac_sha256(secret, scope[0].as_bytes()), scope[1].as_bytes()),
                        b"tc3_request",
                    );
                    let mut sent = req.clone();
                    replace_header_signature(&mut sent, &hex(&hmac_sha256(&key, sts)));
                    expect_slip(&v, &sent, "\"TC3\"");
                    note("tc3 chain");
                    // The chain over another date than the scope's: a local day, or no dashes.
                    let chain = |date: &str| {
                        let first = hmac_sha256(&[b"TC3".as_slice(), secret].concat(), date.as_bytes());
                        hmac_sha256(&hmac_sha256(&first, scope[1].as_bytes()), b"tc3_request")
                    };
                    let ts = v["timestamp"].as_i64().unwrap();
                    for days in [-1, 1] {
                        let local = UtcDateTime::from_unix(ts + days * 86_400).unwrap().date();
                        replace_header_signature(&mut req, &hex(&hmac_sha256(&chain(&local), sts)));
                        expect_slip(&v, &req, "another day than the credential scope's");
                    }
                    replace_header_signature(&mut req, &hex(&hmac_sha256(&chain(&scope[0].replace('-', "")), sts)));
                    expect_slip(&v, &req, "without its dashes");
                    // Two days off is no local time zone: the key is blamed, as for any other.
                    let far = UtcDateTime::from_unix(ts + 2 * 86_400).unwrap().date();
                    replace_header_signature(&mut req, &hex(&hmac_sha256(&chain(&far), sts)));
                    assert_eq!(refusal(&req).slip, None, "{}", v["id"]);
                    note("tc3 date");
                }
            }
        }
    }
    for slip in [
        "unencoded",
        "ACS-RPC-HMAC-SHA1",
        "TC-HmacSHA1",
        "TC-HmacSHA256",
        "hex",
        "tc3 chain",
        "tc3 date",
        "rpc sha256",
        "acs3 ampersand",
    ] {
        assert!(seen.get(slip).is_some_and(|n| *n > 0), "no vector tried {slip}: {seen:?}");
    }
}

#[test]
fn a_wrong_key_is_not_taken_for_a_slip() {
    for v in vectors() {
        let Some(mut req) = received_request(&v) else { continue };
        req["credentials"][0]["secret_key"] = "another secret".into();
        let r = refusal(&req);
        assert_eq!((r.failure, r.slip), (Failure::SignatureMismatch, None), "{}: {}", v["id"], r.message);
    }
}
