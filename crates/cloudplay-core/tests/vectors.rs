//! Every vector computed by the vendors' official SDKs is reproduced byte for byte.
//!
//! Reads `tests/fixtures/signing.json`, the regressions found by the differential generator
//! (`tests/fixtures/differential.json`, see tests/differential), and any extra vector files listed
//! (`:`-separated) in `CLOUDPLAY_EXTRA_VECTORS`, which `cargo xtask test` points at
//! `../shared/vectors` when present.

use cloudplay_core::conformance::{contract_input, COMPARED_FIELDS};
use cloudplay_core::{sign_wire, WireInput};
use serde_json::Value;

fn vector_files() -> Vec<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = vec![root.join("tests/fixtures/signing.json"), root.join("tests/fixtures/differential.json")];
    if let Ok(extra) = std::env::var("CLOUDPLAY_EXTRA_VECTORS") {
        files.extend(extra.split(':').filter(|s| !s.is_empty()).map(Into::into));
    }
    files
}

/// A vector on which the official SDKs disagree with each other for the same contract input;
/// the signer follows the Python SDKs, so only the verifier is held to it.
fn diverges(v: &Value) -> bool {
    v["tags"].as_array().is_some_and(|t| t.iter().any(|t| t.as_str().is_some_and(|t| t.starts_with("divergence:"))))
}

#[test]
fn every_vector_is_reproduced_exactly() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for file in vector_files() {
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let doc: Value = serde_json::from_str(&text).unwrap();
        for v in doc["vectors"].as_array().unwrap() {
            let id = v["id"].as_str().unwrap();
            if diverges(v) {
                continue;
            }
            let input = serde_json::to_vec(&contract_input(v).expect("vector has the contract fields")).unwrap();
            let trace = match WireInput::from_json(&input).and_then(|i| sign_wire(&i)) {
                Ok(t) => serde_json::to_value(t).unwrap(),
                Err(e) => {
                    failures.push(format!("{id}: error {e}"));
                    continue;
                }
            };
            for field in COMPARED_FIELDS {
                if let Some(want) = v["expected"].get(field) {
                    if trace.get(field) != Some(want) {
                        failures.push(format!("{id}: {field}\n  want {want}\n  got  {}", trace[field]));
                    }
                }
            }
            checked += 1;
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
    assert!(checked >= 48, "only {checked} vectors checked");
    eprintln!("{checked} vectors reproduced");
}

/// One `Signer` across every vector, forwards then backwards and each vector twice in a row:
/// its remembered TC3 key is hit, missed and replaced (other secret, day or service), and every
/// trace must still be the one `sign_wire` gives.
#[test]
fn a_signer_that_remembers_keys_gives_the_same_traces() {
    let mut inputs = Vec::new();
    for file in vector_files() {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for v in doc["vectors"].as_array().unwrap() {
            let input = serde_json::to_vec(&contract_input(v).unwrap()).unwrap();
            let Ok(w) = WireInput::from_json(&input) else { continue };
            if w.algorithm == cloudplay_core::Algorithm::Tc3HmacSha256 {
                // Neighbours that differ from it in one part of the key only.
                let mut next_day = w.clone();
                next_day.timestamp = w.timestamp.map(|t| t + 86_400);
                let mut other_service = w.clone();
                other_service.service.to_mut().push('x');
                let mut other_secret = w.clone();
                other_secret.credentials.secret_key.push('x');
                inputs.extend([w.clone(), next_day, w.clone(), other_service, w.clone(), other_secret]);
            }
            inputs.push(w);
        }
    }
    let tc3 = inputs.iter().filter(|w| w.algorithm == cloudplay_core::Algorithm::Tc3HmacSha256).count();
    assert!(tc3 >= 10, "only {tc3} TC3 vectors");
    let mut signer = cloudplay_core::Signer::default();
    let order = inputs.iter().chain(inputs.iter().rev()).flat_map(|w| [w, w]);
    for w in order {
        assert_eq!(signer.sign(w).ok(), sign_wire(w).ok(), "{w:?}");
    }
}

/// Tencent's v3 signing page works its example over a third signed header, `X-TC-Action:
/// DescribeInstances`, and writes its value in lower case; the SDKs sign values as sent (the
/// differential suite's `CVM.TencentCloudAPI.com` hosts stay so). The signer follows the SDKs;
/// the page's reading gives the page's hash, and the verifier takes a signature made either way.
#[test]
fn tc3_header_values_as_the_sdks_sign_them_and_as_the_docs_write_them() {
    let input = serde_json::json!({
        "algorithm": "TC3-HMAC-SHA256", "method": "POST", "host": "cvm.tencentcloudapi.com",
        "path": "/", "service": "cvm", "timestamp": 1551113065,
        "credentials": {"secret_id": "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "secret_key": "redacted"},
        "query": "",
        "body": r#"{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}"#,
        "signed_headers": "content-type;host;x-tc-action",
        "headers": {"Content-Type": "application/json; charset=utf-8", "Host": "cvm.tencentcloudapi.com", "X-TC-Action": "DescribeInstances"}
    });
    let wire = WireInput::from_json(&serde_json::to_vec(&input).unwrap()).unwrap();
    let as_sent = sign_wire(&wire).unwrap();
    assert!(as_sent.canonical_request.as_deref().unwrap().contains("\nx-tc-action:DescribeInstances\n"));
    let documented = cloudplay_core::sign::alternatives::tc3_lower_case_values(&wire).unwrap();
    assert!(documented.canonical_request.as_deref().unwrap().contains("\nx-tc-action:describeinstances\n"));
    assert_eq!(
        documented.hashed_canonical_request.as_deref(),
        Some("7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84")
    );
    // Either signature verifies against the request as sent.
    for trace in [&as_sent, &documented] {
        let request = serde_json::json!({
            "method": "POST", "url": "https://cvm.tencentcloudapi.com/",
            "headers": {
                "Content-Type": "application/json; charset=utf-8", "Host": "cvm.tencentcloudapi.com",
                "X-TC-Action": "DescribeInstances", "X-TC-Version": "2017-03-12", "X-TC-Timestamp": "1551113065",
                "Authorization": trace.authorization.as_deref().unwrap()
            },
            "body": input["body"], "credentials": input["credentials"], "now": 1551113065
        });
        let verified = cloudplay_core::verify::VerifyWireInput::from_value(request).unwrap().verify();
        assert!(verified.is_ok(), "{:?}", verified.err().map(|r| r.message));
    }
}
