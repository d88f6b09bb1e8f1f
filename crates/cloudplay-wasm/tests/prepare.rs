//! prepare's answer crosses into JS through a compact layout when it can: it must be the very
//! object the JSON crossing gives, field for field and in the same order.
#![cfg(target_arch = "wasm32")]

use cloudplay_core::catalog::Catalog;
use cloudplay_core::{Call, Credentials, PrepareOptions};
use serde_json::{json, Value};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

/// JSON text of what `prepare` returned to JS, and of what the core prepared, with a session
/// token (which goes on the wire as given, in a header for TC3 and ACS3). `k` varies the
/// secret and the day, so the module's remembered signing keys are put to the test too.
fn both(call: &Call, algorithm: cloudplay_core::Algorithm, token: &str, k: usize) -> (String, String) {
    let secret = ["secret-key", "other", "secret-key2"][k % 3];
    let creds = json!({ "secret_id": "AKIDexample", "secret_key": secret, "token": token });
    let timestamp = 1700000000 + 86400 * (k % 2) as i64;
    let options =
        json!({ "timestamp": timestamp, "nonce": "4242", "algorithm": algorithm.id(), "allow_invalid": true });
    let js = cloudplay_wasm::prepare(
        JsValue::from_str(&serde_json::to_string(call).unwrap()),
        JsValue::from_str(&creds.to_string()),
        Some(JsValue::from_str(&options.to_string())),
    )
    .unwrap();
    let got = js_sys::JSON::stringify(&js).unwrap().as_string().unwrap();
    let core_options: PrepareOptions = serde_json::from_value(options).unwrap();
    let want = serde_json::to_string(
        &Catalog::builtin()
            .unwrap()
            .prepare(call, &serde_json::from_value::<Credentials>(creds).unwrap(), &core_options)
            .unwrap(),
    )
    .unwrap();
    (got, want)
}

#[wasm_bindgen_test]
fn compact_and_json_crossings_give_the_same_object() {
    let catalog = Catalog::builtin().unwrap();
    let mut n = 0;
    for spec in catalog.specs() {
        for ex in &spec.examples {
            for &algorithm in &spec.algorithms {
                let call =
                    Call { api: spec.id(), params: ex.params.clone(), region: ex.region.clone(), endpoint: None };
                // Separators on the wire or in a violation take the JSON crossing.
                let mut invalid = call.clone();
                invalid.params = json!({ "NoSuchParameter": [1, {"a": "\u{2}"}] });
                let mut invalid_odd = call.clone();
                invalid_odd.params = json!({ "No\u{1}Such\u{2}": 1 });
                // (A key or token holding a separator is refused before any crossing.)
                let cases = [(&call, "tok"), (&invalid, "tok"), (&invalid_odd, "tok")];
                for (call, token) in cases {
                    let (got, want) = both(call, algorithm, token, n);
                    assert_eq!(got, want, "{} {algorithm:?} {token:?}", spec.id());
                    n += 1;
                }
            }
        }
    }
    assert!(n >= 18, "{n} calls");
}

#[wasm_bindgen_test]
fn headers_keep_their_order() {
    let p: Value = {
        let call = Call {
            api: "hai/2023-08-12/RunInstances".into(),
            params: json!({}),
            region: Some("ap-guangzhou".into()),
            endpoint: None,
        };
        let (got, want) = both(&call, cloudplay_core::Algorithm::Tc3HmacSha256, "tok", 0);
        assert_eq!(got, want);
        serde_json::from_str(&got).unwrap()
    };
    assert!(p["request"]["headers"].as_object().unwrap().len() >= 5);
}
