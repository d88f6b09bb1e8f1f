//! cloudplay for JavaScript: the core's signer (and, as it grows, the whole flow) behind
//! `wasm-bindgen`. Every function takes plain JS values and returns plain JS values; a bad
//! input comes back as a JS `Error` with `code` and `path`, never as a panic.
#![forbid(unsafe_code)]

mod errors;

use cloudplay_core::wire::RawFields;
use cloudplay_core::{sign_wire, WireInput};
use wasm_bindgen::prelude::*;

use errors::{to_js_error, JsResult};

/// Signs a request exactly as given on the wire (the conformance contract of
/// `vectors/README.md`): snake_case fields in, `{ string_to_sign, signature, … }` out.
/// Accepts the input as an object or as JSON text.
#[wasm_bindgen(js_name = signWire)]
pub fn sign_wire_js(input: JsValue) -> JsResult {
    let wire = if let Some(text) = input.as_string() {
        WireInput::from_json(text.as_bytes())
    } else {
        errors::from_js::<RawFields>(input, "input").and_then(WireInput::from_fields)
    }
    .map_err(|e| to_js_error(&e))?;
    let trace = sign_wire(&wire).map_err(|e| to_js_error(&e))?;
    errors::to_js(&trace)
}

/// The package version, for bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").into()
}
