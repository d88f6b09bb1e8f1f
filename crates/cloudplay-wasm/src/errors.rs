//! Crossing the JS boundary: values travel as JSON text (one serde path, serde_json, keeps
//! the module small) and core errors become JS `Error` objects.

use cloudplay_sign::{Error, ErrorKind};
#[cfg(feature = "full")]
use serde::de::DeserializeOwned;
#[cfg(feature = "full")]
use serde::Serialize;
use wasm_bindgen::prelude::*;

pub type JsResult = Result<JsValue, JsValue>;

#[wasm_bindgen(module = "/js/bridge.js")]
extern "C" {
    /// JSON.stringify that writes a BigInt as its decimal text.
    #[wasm_bindgen(catch, js_name = toJson)]
    fn to_json(value: &JsValue) -> Result<JsValue, JsValue>;
    /// signWire's compact input (a string), or null when the input must take the JSON path.
    #[wasm_bindgen(js_name = packWire)]
    pub fn pack_wire(value: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = hasErrorShape)]
    pub fn is_cloudplay_error(value: &JsValue) -> bool;
    #[wasm_bindgen(js_name = unpackTrace)]
    pub fn unpack_trace(text: &str) -> JsValue;
    /// The trace from its nine fields in order, `undefined` for an absent one.
    #[wasm_bindgen(js_name = traceOfParts)]
    pub fn trace_of_parts(parts: &js_sys::Array) -> JsValue;
    #[cfg(feature = "full")]
    #[wasm_bindgen(catch, js_name = unpackPrepared)]
    pub fn unpack_prepared(text: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = textInto)]
    fn text_into(s: &JsValue, memory: &JsValue, ptr: u32, cap: u32) -> i32;
    #[wasm_bindgen(js_name = isText)]
    fn is_text(s: &JsValue) -> bool;
}

thread_local! {
    static MEMORY: JsValue = wasm_bindgen::memory();
    // Where JS strings are copied in; kept between calls so a run of signatures allocates once.
    static SCRATCH: core::cell::Cell<Vec<u8>> = core::cell::Cell::new(vec![0; SCRATCH_MIN]);
}

/// The scratch buffer's size between calls: textInto relies on it being above 1 byte.
const SCRATCH_MIN: usize = 4096;
/// A scratch buffer grown beyond this for a large string is given back after use.
const SCRATCH_KEPT: usize = 1 << 16;

/// Runs `f` on the text of a JS string (`None` when the value is not a string, or is one with a
/// lone UTF-16 surrogate, which UTF-8 cannot carry: signing its U+FFFD stand-in would sign text
/// the caller never gave).
pub fn with_text<R>(value: &JsValue, f: impl FnOnce(&str) -> R) -> Option<R> {
    // Taken out of the cell, so a nested call (none today) would get a fresh buffer.
    let mut buf = SCRATCH.with(|s| s.take());
    // Made anew rather than resized: what it held is not needed, and `resize` writes its zeros
    // one byte at a time in this size-optimised module (a quarter of signing a 32 KB body).
    if buf.len() < SCRATCH_MIN {
        buf = vec![0; SCRATCH_MIN];
    }
    let result = loop {
        let n = MEMORY.with(|m| text_into(value, m, buf.as_mut_ptr() as u32, buf.len() as u32));
        match usize::try_from(n) {
            Ok(written) => {
                let text = buf.get(..written).and_then(|b| core::str::from_utf8(b).ok());
                // encodeInto writes a lone surrogate as U+FFFD, which a string may also hold.
                break text.filter(|t| !holds_replacement(t.as_bytes()) || is_text(value)).map(f);
            }
            Err(_) if n == -1 => break None,
            // Room that cannot grow further (a string beyond 2 GiB of UTF-8): not readable.
            Err(_) if n.unsigned_abs() as usize <= buf.len() => break None,
            Err(_) => buf = vec![0; n.unsigned_abs() as usize],
        }
    };
    if buf.len() > SCRATCH_KEPT {
        buf = vec![0; SCRATCH_MIN];
    }
    SCRATCH.with(|s| s.set(buf));
    result
}

/// Whether UTF-8 holds U+FFFD (EF BF BD). By hand: `str::contains` brings a substring searcher
/// of some 9 KB into the signing-only module, where a byte search (memchr) is already there.
fn holds_replacement(bytes: &[u8]) -> bool {
    bytes.contains(&0xEF) && bytes.windows(3).any(|w| w == [0xEF, 0xBF, 0xBD])
}

/// The text of a JS string, owned.
pub fn text(value: &JsValue) -> Option<String> {
    with_text(value, str::to_owned)
}

/// A JS `Error` named `CloudplayError` with `code`, `path` where a field is involved, and
/// `violations` for a validation failure.
pub fn to_js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    let obj: &JsValue = err.as_ref();
    // Defined, not assigned: with Error.prototype frozen (SES lockdown), `err.name = …`
    // throws, and a JS exception here would unwind through the module.
    let _ = js_sys::Reflect::define_property(err.as_ref(), &"name".into(), &own_value("CloudplayError".into()));
    // Enumerable, so that a JSON log line of the error (`JSON.stringify(e)`) keeps the English
    // message beside `message_zh`, not the Chinese alone.
    let message = own_value(e.to_string().into());
    let _ = js_sys::Reflect::set(&message, &"enumerable".into(), &JsValue::TRUE);
    let _ = js_sys::Reflect::define_property(err.as_ref(), &"message".into(), &message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(obj, &"code".into(), &e.code().into());
    if let Some(path) = &e.path {
        let _ = js_sys::Reflect::set(obj, &"path".into(), &path.as_str().into());
    }
    if let Some(zh) = &e.message_zh {
        let _ = js_sys::Reflect::set(obj, &"message_zh".into(), &zh.as_str().into());
    }
    // Only validation has violations; the signing-only module has no validation.
    #[cfg(feature = "full")]
    if !e.violations.is_empty() {
        if let Ok(list) = to_js(&e.violations) {
            let _ = js_sys::Reflect::set(obj, &"violations".into(), &list);
        }
    }
    err.into()
}

/// A property descriptor of a writable, configurable, non-enumerable value (as `name` is on
/// an Error).
fn own_value(value: JsValue) -> js_sys::Object {
    let d = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&d, &"value".into(), &value);
    let _ = js_sys::Reflect::set(&d, &"writable".into(), &JsValue::TRUE);
    let _ = js_sys::Reflect::set(&d, &"configurable".into(), &JsValue::TRUE);
    d
}

/// The JSON text of a JS value (strings are taken as JSON text already).
pub fn json_text(value: &JsValue, arg: &str) -> Result<String, Error> {
    if let Some(text) = text(value) {
        return Ok(text);
    }
    if value.is_string() {
        return Err(Error::at(
            ErrorKind::InvalidJson,
            arg,
            "holds a lone UTF-16 surrogate, which is not text: it cannot be signed or sent as given",
        ));
    }
    if value.is_undefined() || value.is_null() {
        return Err(Error::at(ErrorKind::MissingField, arg, format!("'{arg}' is required")));
    }
    match to_json(value) {
        Ok(json) => text(&json)
            .ok_or_else(|| Error::at(ErrorKind::InvalidJson, arg, "is not a JSON value (a function or a symbol?)")),
        Err(e) => {
            let field = js_sys::Reflect::get(&e, &"path".into()).ok().and_then(|p| p.as_string());
            // toJson throws only Errors whose message is a string, whatever a getter threw.
            let why: String = js_sys::Error::from(e.clone()).message().into();
            match field {
                // A value JSON would change (NaN, a lone surrogate), found by toJson.
                Some(field) => {
                    let kind = match js_sys::Reflect::get(&e, &"code".into()).ok().and_then(|c| c.as_string()) {
                        Some(c) if c == "InvalidField" => ErrorKind::InvalidField,
                        _ => ErrorKind::InvalidJson,
                    };
                    let path = match (field.is_empty(), arg == INPUT) {
                        (true, _) => arg.to_owned(),
                        (false, true) => field,
                        (false, false) => format!("{arg}.{field}"),
                    };
                    Err(Error::at(kind, path, why))
                }
                // A cycle, a throwing toJSON.
                None => Err(Error::at(ErrorKind::InvalidJson, arg, format!("cannot be read as JSON ({why})"))),
            }
        }
    }
}

/// The argument name of `signWire` and `verifyWire`, whose paths are the input's own
/// (`timestamp`, `headers.Host`), as the signer and the verifier name them.
pub const INPUT: &str = "input";

/// An input read as JSON text and refused as a whole (not JSON, not an object) is refused at
/// `input`, as every other refusal names where it is.
pub fn at_input(mut e: Error) -> Error {
    if e.path.is_none() {
        e.path = Some(INPUT.into());
    }
    e
}

/// Reads a JS value, or JSON text, into a serde type; a shape mismatch names the member at
/// fault (`credentials.secret_id`), or else the argument.
#[cfg(feature = "full")]
pub fn from_js<T: DeserializeOwned>(value: JsValue, arg: &str) -> Result<T, Error> {
    let text = json_text(&value, arg)?;
    cloudplay_core::json::typed_arg(&text, arg)
}

/// The signed request `simulate`, `send` and `snippet` take. `prepare`'s whole answer is the
/// likely slip, and would otherwise be told only that `signed.method` is missing.
#[cfg(feature = "full")]
pub fn signed_from_js(value: JsValue) -> Result<cloudplay_core::HttpRequest, Error> {
    let has = |name: &str| js_sys::Reflect::has(&value, &name.into()).unwrap_or(false);
    if value.is_object() && has("request") && has("trace") {
        return Err(Error::at(
            ErrorKind::InvalidField,
            "signed",
            "is prepare's whole answer: pass its `request` (prepare(...).request)",
        ));
    }
    let mut request: cloudplay_core::HttpRequest = from_js(value, "signed")?;
    // As verifyWire reads a request.
    request.duplicate_header("signed.headers.")?;
    request.scheme.make_ascii_lowercase();
    if request.scheme != "http" && request.scheme != "https" {
        return Err(Error::at(ErrorKind::InvalidField, "signed.scheme", "is not http or https"));
    }
    Ok(request)
}

/// [`from_js`] for the call read on every keystroke (see `cloudplay_core::json::hot_arg`).
#[cfg(feature = "full")]
pub fn hot_from_js<T: DeserializeOwned>(value: JsValue, arg: &str) -> Result<T, Error> {
    let text = json_text(&value, arg)?;
    cloudplay_core::json::hot_arg(&text, arg)
}

/// Every integer below this a JS number holds exactly; one at or past it may have lost digits.
#[cfg(feature = "full")]
pub const JS_EXACT: u64 = 1 << 53;

/// The call, read as [`hot_from_js`] reads it. Given as an object, its parameters' integers past
/// 2^53 were JS numbers, whose last digits were lost before the call was made (2**60 arrives as
/// 1152921504606847000): refused, where a decimal string or a BigInt is exact. A parameter the
/// spec types Float takes such a number as it is (1e21 is a float like any other). JSON text is
/// taken at its word. (A signWire input, by contrast, signs a number as its text, as the
/// official SDKs' JS does with their large nonces.)
#[cfg(feature = "full")]
pub fn call_from_js(value: JsValue) -> Result<cloudplay_core::Call, Error> {
    let from_object = !value.is_string();
    let call: cloudplay_core::Call = hot_from_js(value, "call")?;
    if from_object {
        let at = crate::state::with_catalog(|c| {
            let spec = c.get(&call.api);
            let top = spec.map(|s| Typed::Fields(&s.params));
            lossy_integer(&call.params, top.unwrap_or(Typed::Unknown), spec)
        });
        if let Some(at) = at {
            return Err(Error::at(
                ErrorKind::InvalidField,
                format!("call.params{at}"),
                "is an integer past 2^53 that a JS number cannot hold exactly (its last digits are already lost): give it as a decimal string or a BigInt",
            )
            .zh("是超过 2^53 的整数，JS 数字无法精确表示（末几位已经丢失）：请以十进制字符串或 BigInt 给出。"));
        }
    }
    Ok(call)
}

#[cfg(feature = "full")]
#[wasm_bindgen(module = "/js/bridge.js")]
extern "C" {
    #[wasm_bindgen(js_name = lossyJson)]
    fn lossy_json(value: &JsValue) -> Option<String>;
}

/// The call with what JSON cannot carry dropped or written as null, as JSON.stringify has it:
/// read only to check the rest of a call whose one value was refused.
#[cfg(feature = "full")]
pub fn lossy_call(value: &JsValue) -> Option<cloudplay_core::Call> {
    let text = if value.is_string() { value.as_string() } else { lossy_json(value) }?;
    cloudplay_core::json::typed_arg(&text, "call").ok()
}

/// Why a value JSON cannot carry was refused, in Chinese, from the words toJson (bridge.js) or
/// the integer check used: those words are the key, and tests/node/prepare.test.mjs gives every
/// cause to see that none falls to the general sentence.
#[cfg(feature = "full")]
fn why_zh(message: &str) -> &'static str {
    const CAUSES: [(&str, &str); 11] = [
        ("is NaN", "是 NaN，JSON 无法表示（会被当作 null 发送）：请填写有限数值，或省略该字段"),
        ("Infinity", "是无穷大，JSON 无法表示（会被当作 null 发送）：请填写有限数值，或省略该字段"),
        ("is a function", "是函数，JSON 无法表示（会被省略）：请给出值本身"),
        ("is a symbol", "是 Symbol，JSON 无法表示（会被省略）：请给出值本身"),
        ("is a Promise", "是 Promise：请先 await，再给出它的值"),
        ("is bytes", "是字节数据（类型化数组或 ArrayBuffer）：请给出文本或解析后的 JSON"),
        ("is a RegExp", "是正则表达式，JSON 会写成 {}：请给出其文本（.source）"),
        ("is a WeakMap", "是 WeakMap 或 WeakSet，JSON 看不到其内容：请给出普通对象"),
        ("invalid Date", "是无效的 Date，JSON 无法表示（会被当作 null 发送）"),
        ("lone UTF-16 surrogate", "含有孤立的 UTF-16 代理项，不是合法文本：无法按原样签名或发送"),
        ("past 2^53", "是超过 2^53 的整数，JS 数字无法精确表示（末位已丢失）：请改用十进制字符串或 BigInt"),
    ];
    CAUSES
        .iter()
        .find(|(english, _)| message.contains(english))
        .map_or("的值无法原样以 JSON 发送：请给出值本身", |(_, zh)| zh)
}

/// A parameter value JSON cannot carry as given (NaN from an empty number input, a function,
/// a Promise, an integer past 2^53), found while reading the call, as the violation it is:
/// a form shows it at its field, by the same path as every other violation of that field.
#[cfg(feature = "full")]
pub fn param_violation(e: &Error) -> Option<cloudplay_sign::error::Violation> {
    if !matches!(e.kind, ErrorKind::InvalidField | ErrorKind::InvalidJson) {
        return None;
    }
    // The parameters as a whole (a Promise given for them) are the call's problem, not a field's.
    let path = e.path.as_deref()?.strip_prefix("call.params.")?;
    Some(cloudplay_sign::error::Violation {
        path: path.into(),
        code: "InvalidParameter".into(),
        message: format!("{path} {}", e.message),
        message_zh: format!("{path} {}。", why_zh(&e.message)),
    })
}

/// What the spec says of the value being walked.
#[cfg(feature = "full")]
#[derive(Clone, Copy)]
enum Typed<'a> {
    /// Not described (no spec, an unknown member, an object open to any members).
    Unknown,
    Param(&'a cloudplay_core::spec::Param),
    /// The top-level parameter list.
    Fields(&'a [cloudplay_core::spec::Param]),
}

/// Where the first integer too large for a JS number is, as a path suffix (`.Disk.Size`, `[2]`),
/// skipping the numbers of Float parameters.
#[cfg(feature = "full")]
fn lossy_integer(value: &serde_json::Value, typed: Typed, spec: Option<&cloudplay_core::ApiSpec>) -> Option<String> {
    use cloudplay_core::spec::ParamType;
    use serde_json::Value;
    let param = match typed {
        Typed::Param(p) => Some(p),
        _ => None,
    };
    match value {
        Value::Number(_) if param.is_some_and(|p| p.ty == ParamType::Float) => None,
        Value::Number(n) => {
            // Every float this large is whole; smaller ones are fractions, another rule's.
            let lossy = past_js_exact(n)
                .unwrap_or_else(|| n.as_f64().is_some_and(|x| x >= JS_EXACT as f64 || x <= -(JS_EXACT as f64)));
            lossy.then(String::new)
        }
        Value::Array(items) => {
            let item = param.and_then(|p| p.items.as_deref()).map_or(Typed::Unknown, Typed::Param);
            items.iter().enumerate().find_map(|(i, x)| lossy_integer(x, item, spec).map(|at| format!("[{i}]{at}")))
        }
        Value::Object(members) => {
            let fields = match typed {
                Typed::Fields(f) => Some(f),
                Typed::Param(p) => spec.and_then(|s| s.fields_of(p)),
                Typed::Unknown => None,
            };
            members.iter().find_map(|(k, x)| {
                let member = fields.and_then(|f| f.iter().find(|p| p.name == *k)).map_or(Typed::Unknown, Typed::Param);
                lossy_integer(x, member, spec).map(|at| format!(".{k}{at}"))
            })
        }
        _ => None,
    }
}

/// Whether an integer is past what a JS number holds exactly; `None` for a float.
#[cfg(feature = "full")]
fn past_js_exact(n: &serde_json::Number) -> Option<bool> {
    match (n.as_u64(), n.as_i64()) {
        (Some(u), _) => Some(u >= JS_EXACT),
        (None, Some(i)) => Some(i.unsigned_abs() >= JS_EXACT),
        _ => None,
    }
}

/// [`to_js`] for a value that may hold integers past 2^53 (a vendor example's 64-bit ids):
/// those become decimal strings, which every integer parameter takes, where JSON.parse would
/// round them (446192236330927912 to …940) and the call built from them would be refused.
/// A parameter's bounds (`min`, `max` beside its `type`) stay numbers, as their type says.
#[cfg(feature = "full")]
pub fn to_js_exact<T: Serialize>(value: &T) -> JsResult {
    fn exact(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Number(n) if past_js_exact(n) == Some(true) => {
                *v = serde_json::Value::String(n.to_string());
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(exact),
            // A bound stays a number (a JS comparison with it is what it is for); an example's
            // parameter that happens to be named min or max does not.
            serde_json::Value::Object(map) => {
                let param = map.contains_key("type");
                map.iter_mut()
                    .filter(|(k, _)| !(param && matches!(k.as_str(), "min" | "max")))
                    .for_each(|(_, v)| exact(v))
            }
            _ => {}
        }
    }
    // Through text, whose writer and reader the module has anyway: serde_json::to_value would
    // build a second serializer for every type of a spec (13 KB gzip).
    let invalid = |e: serde_json::Error| to_js_error(&Error::new(ErrorKind::InvalidJson, e.to_string()));
    let mut v: serde_json::Value =
        serde_json::from_str(&serde_json::to_string(value).map_err(invalid)?).map_err(invalid)?;
    exact(&mut v);
    to_js(&v)
}

/// Writes a serde value as plain JS objects (64-bit integers become numbers).
#[cfg(feature = "full")]
pub fn to_js<T: Serialize>(value: &T) -> JsResult {
    let text =
        serde_json::to_string(value).map_err(|e| to_js_error(&Error::new(ErrorKind::InvalidJson, e.to_string())))?;
    js_sys::JSON::parse(&text).map_err(|_| to_js_error(&Error::new(ErrorKind::InvalidJson, "output is not JSON")))
}
