//! The signer compiled to wasm32 gives the same answers as natively.
#![cfg(target_arch = "wasm32")]

use cloudplay_core::conformance::contract_input;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

const VECTORS: &str = include_str!("../../../tests/fixtures/signing.json");
/// The differential generator's regressions; `divergence:*` ones (the SDKs disagree) are for
/// the verifier only.
const DIFFERENTIAL: &str = include_str!("../../../tests/fixtures/differential.json");

#[wasm_bindgen_test]
fn every_vector_signs_in_wasm() {
    let doc: Value = serde_json::from_str(VECTORS).unwrap();
    let mut n = 0;
    for v in doc["vectors"].as_array().unwrap() {
        let input = serde_json::to_string(&contract_input(v).unwrap()).unwrap();
        let out = cloudplay_wasm::sign_wire_js(JsValue::from_str(&input)).unwrap();
        let sig = js_sys::Reflect::get(&out, &"signature".into()).unwrap().as_string().unwrap();
        assert_eq!(sig, v["expected"]["signature"].as_str().unwrap(), "{}", v["id"]);
        n += 1;
    }
    assert_eq!(n, doc["vectors"].as_array().unwrap().len());

    let diff: Value = serde_json::from_str(DIFFERENTIAL).unwrap();
    let diverges =
        |v: &Value| v["tags"].as_array().unwrap().iter().any(|t| t.as_str().unwrap().starts_with("divergence:"));
    for v in diff["vectors"].as_array().unwrap().iter().filter(|v| !diverges(v)) {
        let input = serde_json::to_string(&contract_input(v).unwrap()).unwrap();
        let out = cloudplay_wasm::sign_wire_js(JsValue::from_str(&input)).unwrap();
        let sig = js_sys::Reflect::get(&out, &"signature".into()).unwrap().as_string().unwrap();
        assert_eq!(sig, v["expected"]["signature"].as_str().unwrap(), "{}", v["id"]);
    }
}

#[wasm_bindgen_test]
fn errors_are_js_errors_with_code_and_path() {
    let err = cloudplay_wasm::sign_wire_js(JsValue::from_str(r#"{"algorithm":"TC3-HMAC-SHA256"}"#)).unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>());
    let code = js_sys::Reflect::get(&err, &"code".into()).unwrap().as_string();
    let path = js_sys::Reflect::get(&err, &"path".into()).unwrap().as_string();
    assert_eq!(code.as_deref(), Some("MissingField"));
    assert_eq!(path.as_deref(), Some("method"));
    // The module keeps working after an error.
    assert!(cloudplay_wasm::sign_wire_js(JsValue::UNDEFINED).is_err());
}
