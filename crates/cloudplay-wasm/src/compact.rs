//! signWire's compact crossing (see `packWire` in js/bridge.js, which writes the layout, and
//! `cloudplay_sign::wire::packed`, which reads it): one string in, one string out, instead of
//! JSON both ways. `prepare` returns its signed request the same way (`unpackPrepared`).

use cloudplay_sign::SigningTrace;
use wasm_bindgen::JsValue;

use crate::errors;

/// The fields of a packed input (`cloudplay_sign::wire::packed` reads the layout `packWire`
/// writes), or `None` when the input must take the JSON path.
pub use cloudplay_sign::wire::packed::parse as fields;

/// The trace as a JS object: through `unpackTrace` (fields joined by NUL, empty when absent)
/// when that layout carries it exactly, as a list of its fields when it does not (a NUL in a
/// signed header value would shift every field after it).
pub fn trace(t: &SigningTrace) -> JsValue {
    if !trace_is_plain(t) {
        let parts = js_sys::Array::new();
        for value in trace_values(t) {
            parts.push(&value.map_or(JsValue::UNDEFINED, JsValue::from_str));
        }
        return errors::trace_of_parts(&parts);
    }
    let mut out = String::new();
    push_trace(&mut out, t);
    errors::unpack_trace(&out)
}

/// Whether `unpackTrace` reads the trace back exactly: no field holds a separator, and none is
/// present but empty (read back as absent).
fn trace_is_plain(t: &SigningTrace) -> bool {
    trace_values(t).iter().all(|v| v.map_or(true, |s| !s.is_empty() && plain(s)))
}

/// Free of the layouts' separators (NUL, U+0001, U+0002).
fn plain(s: &str) -> bool {
    !s.bytes().any(|b| b < 3)
}

fn trace_values(t: &SigningTrace) -> [Option<&str>; 9] {
    [
        Some(t.algorithm.id()),
        t.canonical_request.as_deref(),
        t.hashed_canonical_request.as_deref(),
        t.hashed_payload.as_deref(),
        t.credential_scope.as_deref(),
        t.signed_headers.as_deref(),
        Some(&t.string_to_sign),
        Some(&t.signature),
        t.authorization.as_deref(),
    ]
}

fn push_trace(out: &mut String, t: &SigningTrace) {
    let fields = trace_values(t).map(|v| v.unwrap_or(""));
    out.reserve(fields.iter().map(|f| f.len() + 1).sum());
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push('\0');
        }
        out.push_str(f);
    }
}

#[cfg(feature = "full")]
fn violation_texts(v: &cloudplay_core::Violation) -> [&str; 4] {
    [&v.path, &v.code, &v.message, &v.message_zh]
}

/// A prepared call as `unpackPrepared` in js/bridge.js reads it: the request's method,
/// scheme, host, path, query, headers (`name\u{1}value\u{2}`…) and body, then the trace, then
/// the violations (`path\u{1}code\u{1}message\u{1}message_zh\u{2}`…), all joined by NUL.
/// `None` when the layout cannot carry it exactly — a value holding a separator, a trace field
/// present but empty — and JSON must.
#[cfg(feature = "full")]
pub fn prepared(p: &cloudplay_core::Prepared) -> Option<String> {
    let r = &p.request;
    let t = &p.trace;
    let texts = [&r.method, &r.scheme, &r.host, &r.path, &r.query, &r.body];
    if !trace_is_plain(t)
        || !texts.iter().all(|s| plain(s))
        || !r.headers.iter().all(|(n, v)| plain(n) && plain(v))
        || !p.violations.iter().all(|v| violation_texts(v).iter().all(|s| plain(s)))
    {
        return None;
    }
    let mut out = String::with_capacity(texts.iter().map(|s| s.len() + 1).sum::<usize>() + 64 * r.headers.len());
    for s in &texts[..5] {
        out.push_str(s);
        out.push('\0');
    }
    for (n, v) in &r.headers {
        out.push_str(n);
        out.push('\u{1}');
        out.push_str(v);
        out.push('\u{2}');
    }
    out.push('\0');
    out.push_str(&r.body);
    out.push('\0');
    push_trace(&mut out, t);
    out.push('\0');
    for v in &p.violations {
        for (i, s) in violation_texts(v).iter().enumerate() {
            out.push_str(s);
            out.push(if i < 3 { '\u{1}' } else { '\u{2}' });
        }
    }
    Some(out)
}
