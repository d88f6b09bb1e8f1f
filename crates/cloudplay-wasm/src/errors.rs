//! Crossing the JS boundary: serde in and out, and core errors as JS `Error` objects.

use cloudplay_core::{Error, ErrorKind};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

pub type JsResult = Result<JsValue, JsValue>;

/// A JS `Error` named `CloudplayError` with `code` and, where a field is involved, `path`.
pub fn to_js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name("CloudplayError");
    let obj: &JsValue = err.as_ref();
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(obj, &"code".into(), &e.code().into());
    if let Some(path) = &e.path {
        let _ = js_sys::Reflect::set(obj, &"path".into(), &path.as_str().into());
    }
    if !e.violations.is_empty() {
        if let Ok(list) = e.violations.serialize(&serde_wasm_bindgen::Serializer::json_compatible()) {
            let _ = js_sys::Reflect::set(obj, &"violations".into(), &list);
        }
    }
    err.into()
}

/// Reads a JS value into a serde type; a shape mismatch names the argument.
pub fn from_js<T: DeserializeOwned>(value: JsValue, arg: &str) -> Result<T, Error> {
    if value.is_undefined() || value.is_null() {
        return Err(Error::at(ErrorKind::MissingField, arg, format!("'{arg}' is required")));
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| Error::at(ErrorKind::InvalidJson, arg, e.to_string()))
}

/// Writes a serde value as plain JS objects (maps as objects, 64-bit integers as numbers).
pub fn to_js<T: Serialize>(value: &T) -> JsResult {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| to_js_error(&Error::new(ErrorKind::InvalidJson, e.to_string())))
}
