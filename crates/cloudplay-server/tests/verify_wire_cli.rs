//! `cloudplay verify-wire` over a pipe: every vector's request verifies at its own time,
//! the same request an hour later is refused with the vendor's expiry code, and bad lines
//! are answered without ending the stream.

use std::io::Write;
use std::process::{Command, Stdio};

use cloudplay_core::conformance::received_request;
use serde_json::Value;

fn run(stdin: Vec<u8>) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cloudplay"))
        .arg("verify-wire")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || input.write_all(&stdin));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn vectors_verify_and_expire() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/signing.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let vectors = doc["vectors"].as_array().unwrap();
    let mut stdin = Vec::new();
    for v in vectors {
        let req = received_request(v).unwrap();
        let mut late = req.clone();
        late["now"] = (v["timestamp"].as_i64().unwrap() + 3600).into();
        for line in [&req, &late] {
            stdin.extend(serde_json::to_vec(line).unwrap());
            stdin.push(b'\n');
        }
    }
    stdin.extend_from_slice(b"{\"method\":\"GET\",\"credentials\":[],\"now\":1}\n\xff\n");
    let out = run(stdin);
    assert_eq!(out.len(), vectors.len() * 2 + 2);
    for (i, v) in vectors.iter().enumerate() {
        let (ok, late) = (&out[2 * i], &out[2 * i + 1]);
        assert_eq!(ok["ok"], true, "{}: {ok}", v["id"]);
        assert_eq!(late["ok"], false, "{}", v["id"]);
        // API 3.0 hosts answer in API 3.0's words whichever Tencent signature is used.
        let api3 = v["api"]["host"].as_str().unwrap().ends_with("tencentcloudapi.com");
        let want = match v["algorithm"].as_str().unwrap() {
            "TC3-HMAC-SHA256" => "AuthFailure.SignatureExpire",
            "TC-HmacSHA1" | "TC-HmacSHA256" if api3 => "AuthFailure.SignatureExpire",
            "TC-HmacSHA1" | "TC-HmacSHA256" => "4500",
            _ => "InvalidTimeStamp.Expired",
        };
        assert_eq!(late["code"], want, "{}", v["id"]);
    }
    // The line lacks the url (or host, path and query): named.
    assert_eq!(out[out.len() - 2]["code"], "MissingField");
    assert_eq!(out[out.len() - 2]["path"], "url");
    assert_eq!(out[out.len() - 1]["code"], "InvalidUtf8");
    assert!(out[out.len() - 1]["ok"] == false);
}

/// One key, as prepare takes it, is read as a list of one; a fault in it is named as prepare
/// names it.
#[test]
fn one_key_is_a_list_of_one() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/signing.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut stdin = Vec::new();
    let mut one = received_request(&doc["vectors"][0]).unwrap();
    one["credentials"] = one["credentials"][0].take();
    let mut partial = one.clone();
    partial["credentials"].as_object_mut().unwrap().remove("secret_key");
    for line in [&one, &partial] {
        stdin.extend(serde_json::to_vec(line).unwrap());
        stdin.push(b'\n');
    }
    let out = run(stdin);
    assert_eq!(out[0]["ok"], true, "{}", out[0]);
    assert_eq!(
        (out[1]["code"].as_str(), out[1]["path"].as_str()),
        (Some("MissingField"), Some("credentials.secret_key"))
    );
}
