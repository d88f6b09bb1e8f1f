//! cloudplay for JavaScript: the whole flow — catalog, validate, prepare, sign, verify,
//! simulate, send, snippet — behind `wasm-bindgen`.
//!
//! Every function takes plain JS values (or JSON text) and returns plain JS values. A bad
//! input comes back as a JS `Error` with `code` and `path`, never as a panic, and the module
//! keeps working. Time and randomness default to the browser's clock and crypto here, at the
//! edge; the core below never reads either.
#![forbid(unsafe_code)]

#[cfg(all(target_arch = "wasm32", not(feature = "full")))]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

mod compact;
mod errors;
#[cfg(feature = "full")]
mod sim;
#[cfg(feature = "full")]
mod state;

#[cfg(feature = "full")]
use cloudplay_core::verify::{outcome_json, VerifyWireInput};
#[cfg(feature = "full")]
use cloudplay_core::{Call, Credentials};
use cloudplay_sign::{Signer, WireInput};
#[cfg(feature = "full")]
use serde::Deserialize;
use wasm_bindgen::prelude::*;

#[cfg(feature = "full")]
use errors::from_js;
#[cfg(feature = "full")]
use errors::to_js;
use errors::{to_js_error, JsResult};

// Parameters typed "?T" are rewritten to `name?: T` when the package is built:
// wasm-bindgen drops the `?` of an Option parameter whose type is given by hand.
#[wasm_bindgen(typescript_custom_section)]
const ERROR_TS: &str = r#"
/** What `send` adds to the module's codes: its own failures, told apart from the API's answers. */
export type SendErrorKind = "Timeout" | "Aborted" | "NetworkError" | "CorsError" | "ProxyRefused" | "NoProxy";

/** What every function throws on bad input: a JS Error with a stable code. */
export interface CloudplayError extends Error {
    name: "CloudplayError";
    /** What went wrong: `MissingField`, `InvalidField`, `Validation`, … (see `ErrorKind`), or
     *  one of `send`'s own (see `SendErrorKind`). */
    code: ErrorKind | SendErrorKind;
    /** The field concerned, e.g. `credentials.secret_key` or `SystemDisk.DiskSize`. */
    path?: string;
    /** The message's detail in Chinese, where one is written (`message` is English, and
     *  begins with the code and path). */
    message_zh?: string;
    /** For code `Validation`: every violation found. */
    violations?: Violation[];
    /** From `send` through the proxy: the proxy's own code (`x-cloudplay-proxy-error`) of a
     *  `ProxyRefused`, or of a `NetworkError` or `Timeout` it met on the way to the vendor. */
    reason?: string;
}

/** The request `prepare` signed: an HttpRequest with every part filled in. */
export interface SignedRequest extends HttpRequest {
    scheme: string;
    path: string;
    query: string;
    headers: Record<string, string>;
    body: string;
}
"#;

#[cfg(feature = "full")]
/// Reads an argument given either as a JS value or as JSON text.
fn arg<T: serde::de::DeserializeOwned>(value: JsValue, name: &str) -> Result<T, cloudplay_core::Error> {
    from_js(value, name)
}

/// Signs a request exactly as given on the wire (the contract the vendors' signing vectors
/// follow): snake_case fields in, `{ string_to_sign, signature, … }` out.
#[wasm_bindgen(js_name = signWire, unchecked_return_type = "SigningTrace")]
pub fn sign_wire_js(#[wasm_bindgen(unchecked_param_type = "SignWireInput | string")] input: JsValue) -> JsResult {
    // Signed while the packed text is at hand: the input borrows its fields from it.
    let packed = errors::with_text(&errors::pack_wire(&input), |text| {
        compact::fields(text).map(|raw| WireInput::from_fields(raw).and_then(|w| sign_remembering_keys(&w)))
    });
    let trace = match packed.flatten() {
        Some(signed) => signed,
        None => errors::json_text(&input, errors::INPUT)
            .and_then(|text| WireInput::from_json(text.as_bytes()))
            .and_then(|w| sign_remembering_keys(&w)),
    }
    .map_err(|e| to_js_error(&errors::at_input(e)))?;
    Ok(compact::trace(&trace))
}

thread_local! {
    // A page or a tool signs run after run with one secret: derive each TC3 key once.
    static SIGNER: core::cell::Cell<Signer> = core::cell::Cell::default();
}

fn sign_remembering_keys(wire: &WireInput) -> Result<cloudplay_sign::SigningTrace, cloudplay_sign::Error> {
    with_signer(|signer| signer.sign(wire))
}

/// Runs `f` with the module's signer, taken out for the call (like the catalog, see
/// `state::with_catalog_mut`); a fresh signer, had it been lost, gives the same signatures.
fn with_signer<R>(f: impl FnOnce(&mut Signer) -> R) -> R {
    let mut signer = SIGNER.with(core::cell::Cell::take);
    let result = f(&mut signer);
    SIGNER.with(|s| s.set(signer));
    result
}

#[cfg(feature = "full")]
/// Verifies a received request: `{method, url, headers, body, credentials: [...], now}` in,
/// `{ok: true, …}` or `{ok: false, code, message, string_to_sign?}` out (vendor codes).
#[wasm_bindgen(js_name = verifyWire, unchecked_return_type = "VerifyOutcome")]
pub fn verify_wire_js(#[wasm_bindgen(unchecked_param_type = "VerifyWireJson | string")] input: JsValue) -> JsResult {
    // Paths are the input's own (`now`, `headers.Host`), as signWire's are.
    let text = errors::json_text(&input, errors::INPUT).map_err(|e| to_js_error(&e))?;
    let input = VerifyWireInput::from_json(text.as_bytes()).map_err(|e| to_js_error(&errors::at_input(e)))?;
    to_js(&outcome_json(&input.verify()))
}

#[cfg(feature = "full")]
/// The APIs known to this module: the four built-in seed APIs plus any imported.
#[wasm_bindgen(unchecked_return_type = "ApiSummary[]")]
pub fn catalog() -> JsResult {
    state::with_catalog(|c| to_js(&c.list()))
}

#[cfg(feature = "full")]
/// Catalog entries matching every term of `query` (product, action, title, description; zh or en),
/// ignoring ASCII case only.
#[wasm_bindgen(unchecked_return_type = "ApiSummary[]")]
pub fn search(#[wasm_bindgen(unchecked_param_type = "string")] query: JsValue) -> JsResult {
    let q = query.as_string().ok_or_else(|| {
        to_js_error(&cloudplay_core::Error::at(
            cloudplay_core::ErrorKind::InvalidField,
            "query",
            "must be a string of words, such as 'hai run' (an empty one lists every API)",
        ))
    })?;
    state::with_catalog(|c| to_js(&c.search(&q)))
}

#[cfg(feature = "full")]
/// The full spec of one API (`product/version/action`): parameter tree, docs, rules, errors, examples.
#[wasm_bindgen(unchecked_return_type = "ApiSpec")]
pub fn describe(#[wasm_bindgen(unchecked_param_type = "string")] api_id: JsValue) -> JsResult {
    let id = api_id.as_string().ok_or_else(|| {
        // A catalog entry or a spec passed whole is the likely slip.
        let entry = js_sys::Reflect::get(&api_id, &"id".into()).ok().is_some_and(|v| v.is_string());
        to_js_error(&cloudplay_core::Error::at(
            cloudplay_core::ErrorKind::InvalidField,
            "apiId",
            if entry {
                "must be a string: pass the entry's `id` (describe(entry.id))"
            } else {
                "must be a string such as 'hai/2023-08-12/RunInstances'"
            },
        ))
    })?;
    state::with_catalog(|c| {
        c.spec(&id)
            .map_err(|e| to_js_error(&cloudplay_core::Error { path: Some("apiId".into()), ..e }))
            .and_then(errors::to_js_exact)
    })
}

#[cfg(feature = "full")]
/// JSON text, its bytes (a file read without an encoding: `readFileSync(path)`, a fetch's
/// `arrayBuffer()`), or an already-parsed object.
fn text_arg(value: JsValue, name: &str) -> Result<String, JsValue> {
    let bytes = match value.dyn_ref::<js_sys::ArrayBuffer>() {
        Some(buffer) => Some(js_sys::Uint8Array::new(buffer)),
        None => value.dyn_ref::<js_sys::Uint8Array>().cloned(),
    };
    if let Some(bytes) = bytes {
        let why = "is bytes that are not UTF-8 text";
        let not_text = || to_js_error(&cloudplay_core::Error::at(cloudplay_core::ErrorKind::InvalidJson, name, why));
        return String::from_utf8(bytes.to_vec()).map_err(|_| not_text());
    }
    errors::json_text(&value, name).map_err(|e| to_js_error(&e))
}

#[cfg(feature = "full")]
/// Adds every action of a tccli `api.json` (Tencent API 3.0 metadata) to the catalog; the
/// matching `examples.json` is optional. Returns `{added: [ids], skipped: [...]}`.
#[wasm_bindgen(js_name = importTccli, unchecked_return_type = "ImportReport")]
pub fn import_tccli(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer | object")] api_json: JsValue,
    #[wasm_bindgen(unchecked_param_type = "?string | Uint8Array | ArrayBuffer | object")] examples_json: Option<
        JsValue,
    >,
) -> JsResult {
    let api = text_arg(api_json, "apiJson")?;
    let examples = match examples_json.filter(|v| !v.is_null() && !v.is_undefined()) {
        None => None,
        Some(v) => Some(text_arg(v, "examplesJson")?),
    };
    add_to_catalog(|c| c.import_tccli(&api, examples.as_deref()))
}

#[cfg(feature = "full")]
/// Runs an addition to the catalog, tells the simulator of the APIs it added, and returns its
/// report.
fn add_to_catalog(
    add: impl FnOnce(&mut cloudplay_core::Catalog) -> cloudplay_core::Result<cloudplay_core::import::ImportReport>,
) -> JsResult {
    state::with_catalog_mut(|c| {
        add(c).inspect(|r| announce(c, &r.added)).map_err(|e| to_js_error(&e)).and_then(|r| to_js(&r))
    })
}

#[cfg(feature = "full")]
/// Adds API specs as `describe` gives them (one, or a list): hand-written, or kept from an
/// earlier import so that a tool need not import the vendor's metadata on every run. Every
/// spec is checked first; a bad one (named by its place, `specs[1].methods[0]`) adds none.
#[wasm_bindgen(js_name = addSpecs, unchecked_return_type = "ImportReport")]
pub fn add_specs(
    #[wasm_bindgen(unchecked_param_type = "ApiSpec | ApiSpec[] | string | Uint8Array | ArrayBuffer")] specs: JsValue,
) -> JsResult {
    let text = text_arg(specs, "specs")?;
    add_to_catalog(|c| c.add_specs(&text))
}

#[cfg(feature = "full")]
/// Adds Alibaba API metadata (a bundle of aliyun-openapi-meta files) to the catalog.
#[wasm_bindgen(js_name = importAlibabaMeta, unchecked_return_type = "ImportReport")]
pub fn import_alibaba_meta(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer | object")] bundle: JsValue,
) -> JsResult {
    let text = text_arg(bundle, "bundle")?;
    add_to_catalog(|c| c.import_alibaba_meta(&text))
}

#[cfg(feature = "full")]
/// The call `validate` and `prepare` take; or, where one of its parameters holds a value JSON
/// cannot carry (an empty number field's NaN), every violation of it: that value's, and the
/// rest of the call's as JSON.stringify would have sent it (so that one empty field does not
/// hide a form's other problems).
fn read_call(call: JsValue) -> Result<Result<Call, Vec<cloudplay_core::Violation>>, JsValue> {
    let given = call.clone();
    let e = match errors::call_from_js(call) {
        Ok(call) => return Ok(Ok(call)),
        Err(e) => e,
    };
    let Some(refused) = errors::param_violation(&e) else { return Err(to_js_error(&e)) };
    let Some(rest) = errors::lossy_call(&given) else { return Ok(Err(vec![refused])) };
    let mut found = state::with_catalog(|c| c.validate(&rest)).map_err(|e| to_js_error(&e))?;
    // What the lossy reading says of that value itself (its null read as missing) is not
    // about what was given.
    let path = &refused.path;
    found.retain(|v| {
        !(v.path == *path || v.path.starts_with(&format!("{path}.")) || v.path.starts_with(&format!("{path}[")))
    });
    found.insert(0, refused);
    Ok(Err(found))
}

#[cfg(feature = "full")]
/// Every violation of a call `{api, params, region?, endpoint?}`: `[{path, code, message, message_zh}]`.
#[wasm_bindgen(unchecked_return_type = "Violation[]")]
pub fn validate(#[wasm_bindgen(unchecked_param_type = "Call | string")] call: JsValue) -> JsResult {
    match read_call(call)? {
        Ok(call) => state::with_catalog(|c| c.validate(&call).map_err(|e| to_js_error(&e)).and_then(|v| to_js(&v))),
        Err(violations) => to_js(&violations),
    }
}

#[cfg(feature = "full")]
/// Options of `prepare`: the core's, with time and nonce optional (defaulted here).
#[derive(Deserialize, Default, tsify::Tsify)]
#[serde(deny_unknown_fields)]
struct PrepareOptions {
    /// Unix seconds; defaults to now.
    #[serde(default)]
    #[tsify(optional)]
    timestamp: Option<i64>,
    /// A string, or a number (Tencent's nonces are integers); defaults to a random integer.
    #[serde(default)]
    #[tsify(optional, type = "string | number")]
    nonce: Option<serde_json::Value>,
    /// One the API offers (`describe(id).algorithms`); default: its first.
    #[serde(default)]
    #[tsify(optional)]
    algorithm: Option<cloudplay_core::Algorithm>,
    /// `GET` or `POST`, as the API offers; default: its first.
    #[serde(default)]
    /// (Read in any case: `post` is POST.)
    #[tsify(optional, type = "\"GET\" | \"POST\" | \"get\" | \"post\"")]
    method: Option<String>,
    /// For a POST; JSON is for TC3 only. Default: the API's first.
    #[serde(default)]
    #[tsify(optional, type = "\"application/json\" | \"application/x-www-form-urlencoded\"")]
    content_type: Option<String>,
    /// Tencent only: `zh-CN` or `en-US`, the language of the vendor's error messages.
    #[serde(default)]
    #[tsify(optional, type = "\"zh-CN\" | \"en-US\"")]
    language: Option<String>,
    /// TC3 only: sign `UNSIGNED-PAYLOAD` instead of the body's hash.
    #[serde(default)]
    #[tsify(optional)]
    unsigned_payload: bool,
    /// Sign even when validation finds violations (returned in `violations`), to send a
    /// deliberately invalid call and see the vendor's own error.
    #[serde(default)]
    #[tsify(optional)]
    allow_invalid: bool,
}

#[cfg(feature = "full")]
/// Validates, builds and signs a call. `options.timestamp` defaults to now and
/// `options.nonce` to a random value; a call with violations is an Error with code
/// `Validation` and `violations`, unless `allow_invalid` is set.
#[wasm_bindgen(unchecked_return_type = "Prepared")]
pub fn prepare(
    #[wasm_bindgen(unchecked_param_type = "Call | string")] call: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Credentials")] credentials: JsValue,
    #[wasm_bindgen(unchecked_param_type = "?PrepareOptions")] options: Option<JsValue>,
) -> JsResult {
    let call: Call =
        read_call(call)?.map_err(|violations| to_js_error(&cloudplay_core::Error::validation(violations)))?;
    let credentials: Credentials =
        arg(credentials, "credentials").map_err(|e| to_js_error(&cloudplay_core::json::without_secret(e)))?;
    let options = options.filter(|v| !v.is_null() && !v.is_undefined());
    let from_object = options.as_ref().is_some_and(|v| !v.is_string());
    let o: PrepareOptions = match options {
        None => PrepareOptions::default(),
        Some(v) => arg(v, "options").map_err(|mut e| {
            // An algorithm no API signs with has the code signWire gives it.
            let unknown = e.message.contains("is not one of");
            if e.path.as_deref() == Some("options.algorithm")
                && e.kind == cloudplay_core::ErrorKind::InvalidField
                && unknown
            {
                e.kind = cloudplay_core::ErrorKind::UnknownAlgorithm;
            }
            to_js_error(&e)
        })?,
    };
    let bad_nonce = |why: &str| {
        to_js_error(&cloudplay_core::Error::at(cloudplay_core::ErrorKind::InvalidField, "options.nonce", why))
    };
    let nonce = match o.nonce {
        None | Some(serde_json::Value::Null) => state::nonce(),
        Some(serde_json::Value::String(s)) if s.is_empty() => {
            return Err(bad_nonce("is empty: leave it out for a random one, or give one"))
        }
        Some(serde_json::Value::String(s)) => s,
        // As with parameters: a JS number this large lost its last digits before it got here.
        Some(serde_json::Value::Number(n)) if n.as_u64().is_some_and(|u| from_object && u >= errors::JS_EXACT) => {
            return Err(bad_nonce("is a number past 2^53 that a JS number cannot hold exactly: give it as a string"))
        }
        Some(serde_json::Value::Number(n)) if n.is_u64() => n.to_string(),
        Some(_) => return Err(bad_nonce("must be a string or a positive integer")),
    };
    let options = cloudplay_core::PrepareOptions {
        timestamp: o.timestamp.unwrap_or_else(state::now),
        nonce: Some(nonce),
        algorithm: o.algorithm,
        method: o.method,
        content_type: o.content_type,
        language: o.language,
        unsigned_payload: o.unsigned_payload,
        allow_invalid: o.allow_invalid,
    };
    let prepared = state::with_catalog(|c| with_signer(|signer| c.prepare_with(&call, &credentials, &options, signer)))
        .map_err(|e| to_js_error(&e))?;
    // Crossing back after the catalog is put back: JS runs here.
    match compact::prepared(&prepared).map(|text| errors::unpack_prepared(&text)) {
        Some(Ok(object)) => Ok(object),
        _ => to_js(&prepared),
    }
}

#[cfg(feature = "full")]
/// Code for the call in `language` (`curl`, `python`, `node`, `go`, `cli`). Credentials are
/// never an input: SDK snippets read them from the environment; `curl` needs the signed
/// request from `prepare` (its signature, not the secret).
#[wasm_bindgen(unchecked_return_type = "string")]
pub fn snippet(
    #[wasm_bindgen(unchecked_param_type = "Call | string")] call: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Language")] language: JsValue,
    #[wasm_bindgen(unchecked_param_type = "?HttpRequest")] signed: Option<JsValue>,
) -> JsResult {
    let call: Call = errors::call_from_js(call).map_err(|e| to_js_error(&e))?;
    let Some(name) = language.as_string() else {
        let names: Vec<&str> = cloudplay_core::Language::ALL.iter().map(|l| l.name()).collect();
        let why = format!("must be a string, one of {}", names.join(", "));
        return Err(to_js_error(&cloudplay_core::Error::at(cloudplay_core::ErrorKind::InvalidField, "language", why)));
    };
    let language = cloudplay_core::Language::parse(&name).map_err(|e| to_js_error(&e))?;
    let signed: Option<cloudplay_core::HttpRequest> = match signed.filter(|v| !v.is_null() && !v.is_undefined()) {
        None => None,
        Some(v) => Some(errors::signed_from_js(v).map_err(|e| to_js_error(&e))?),
    };
    state::with_catalog(|c| {
        cloudplay_core::snippet_in(c, &call, language, signed.as_ref())
            .map(|s| JsValue::from_str(&s))
            .map_err(|e| to_js_error(&e))
    })
}

#[cfg(feature = "full")]
/// Reads a pasted request — raw HTTP (`POST / HTTP/1.1` …) or a curl command line — into
/// `{method, scheme, host, path, query, headers, body}`.
#[wasm_bindgen(js_name = parseRequest, unchecked_return_type = "SignedRequest")]
pub fn parse_request(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> JsResult {
    let text = text.as_string().ok_or_else(|| {
        to_js_error(&cloudplay_core::Error::at(cloudplay_core::ErrorKind::InvalidField, "text", "must be a string"))
    })?;
    cloudplay_core::detect_and_parse(&text).map_err(|e| to_js_error(&e)).and_then(|r| to_js(&r))
}

/// Newly imported APIs answer in the in-page simulator too.
#[cfg(feature = "full")]
fn announce(catalog: &cloudplay_core::Catalog, ids: &[String]) {
    sim::add_specs(ids.iter().filter_map(|id| catalog.shared(id)));
}

/// The package version, for bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").into()
}

/// Whether `value` is an error this module threw or `send` rejected with (named
/// `CloudplayError`, with a string `code`): a `catch` gets `unknown`, and in TypeScript this
/// narrows it to CloudplayError without a cast. A value whose members throw is not one.
#[wasm_bindgen(js_name = isCloudplayError, unchecked_return_type = "value is CloudplayError")]
pub fn is_cloudplay_error(#[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue) -> bool {
    // Read in JS: reading members from here would cost the signing-only module half a KB.
    errors::is_cloudplay_error(&value)
}
