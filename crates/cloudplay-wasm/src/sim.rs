//! The in-page simulator and `send`: the same `Simulator` the server hosts, one per module
//! instance, fed the JS clock and Web Crypto randomness unless the caller fixes them.

use std::cell::Cell;

use cloudplay_core::{Error, ErrorKind, HttpRequest};
use cloudplay_sim::{Simulator, Vendor};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::errors::{from_js, json_text, signed_from_js, to_js, to_js_error, JsResult};
use crate::state;

thread_local! {
    // Taken out for each call and put back, as the catalog is (see `state::with_catalog_mut`).
    static SIM: Cell<Option<Simulator>> = const { Cell::new(None) };
}

fn with_sim<R>(f: impl FnOnce(&mut Simulator) -> Result<R, Error>) -> Result<R, JsValue> {
    let mut sim = match SIM.with(Cell::take) {
        Some(sim) => sim,
        None => {
            let mut sim = Simulator::try_new().map_err(|m| to_js_error(&Error::new(ErrorKind::InvalidSpec, m)))?;
            // APIs imported into this module's catalog answer in the simulator too.
            state::with_catalog(|c| sim.add_specs(c.specs().iter().cloned()));
            sim
        }
    };
    let result = f(&mut sim);
    SIM.with(|cell| cell.set(Some(sim)));
    result.map_err(|e| to_js_error(&e))
}

/// Tells a running simulator about newly imported APIs.
pub fn add_specs<'a>(specs: impl IntoIterator<Item = &'a std::sync::Arc<cloudplay_core::ApiSpec>>) {
    SIM.with(|cell| {
        if let Some(mut sim) = cell.take() {
            sim.add_specs(specs.into_iter().cloned());
            cell.set(Some(sim));
        }
    });
}

#[derive(Deserialize, Default, tsify::Tsify)]
#[serde(deny_unknown_fields)]
pub struct SimulateOptions {
    /// The simulator's clock, unix seconds; defaults to now.
    #[serde(default)]
    #[tsify(optional)]
    now: Option<i64>,
    /// Seeds the ids of this answer (RequestId, resource ids); defaults to a random value.
    #[serde(default)]
    #[tsify(optional)]
    seed: Option<u64>,
}

/// What the simulator answered, and what it knows about why.
#[derive(Serialize, tsify::Tsify)]
pub struct SimulatedResponse {
    pub status: u16,
    #[tsify(type = "Record<string, string>")]
    #[serde(with = "cloudplay_core::http::pairs_as_map")]
    pub headers: Vec<(String, String)>,
    pub body: String,
    #[tsify(type = "\"tencent3\" | \"tencent-legacy\" | \"alibaba\"")]
    pub vendor: Vendor,
    /// `product/version/action`, once recognised.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub api: Option<String>,
    /// For a recognised API: whether the simulator models what it does (the four seed APIs).
    /// When false, a success only says the signature and the parameters were right.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub modelled: Option<bool>,
    /// The error code answered; absent for a success.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub code: Option<String>,
    /// For a refused signature: the server's own trace, to compare step by step.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub expected: Option<cloudplay_core::SigningTrace>,
}

fn simulate_request(req: &HttpRequest, now: i64, seed: u64) -> Result<SimulatedResponse, JsValue> {
    if cloudplay_sign::time::looks_like_milliseconds(now) {
        let e = Error::at(ErrorKind::InvalidField, "options.now", cloudplay_sign::time::MILLISECONDS);
        return Err(to_js_error(&e));
    }
    with_sim(|sim| {
        let (resp, outcome) = sim.handle_traced(req, now, seed);
        Ok(SimulatedResponse {
            status: resp.status,
            headers: resp.headers,
            body: resp.body,
            vendor: outcome.vendor,
            modelled: outcome.api.as_deref().map(cloudplay_sim::services::models),
            api: outcome.api,
            code: outcome.code,
            expected: outcome.expected,
        })
    })
}

/// Runs a signed request (from `prepare`, or parsed with `parseRequest`) against the
/// in-page simulator: it verifies the signature, validates, and answers in the vendor's
/// envelope, exactly as `cloudplay serve` does.
#[wasm_bindgen(unchecked_return_type = "SimulatedResponse")]
pub fn simulate(
    #[wasm_bindgen(unchecked_param_type = "HttpRequest | string")] signed: JsValue,
    #[wasm_bindgen(unchecked_param_type = "?SimulateOptions")] options: Option<JsValue>,
) -> JsResult {
    let req: HttpRequest = signed_from_js(signed).map_err(|e| to_js_error(&e))?;
    let o: SimulateOptions = match options.filter(|v| !v.is_null() && !v.is_undefined()) {
        None => SimulateOptions::default(),
        Some(v) => from_js(v, "options").map_err(|e| to_js_error(&e))?,
    };
    let resp = simulate_request(&req, o.now.unwrap_or_else(state::now), o.seed.unwrap_or_else(state::entropy))?;
    to_js(&resp)
}

/// The simulator's built-in demo accounts, one per scenario (their keys are public demo values).
#[wasm_bindgen(js_name = demoAccounts, unchecked_return_type = "DemoAccount[]")]
pub fn demo_accounts() -> JsResult {
    let list: Vec<DemoAccount> = cloudplay_sim::accounts::DEMO
        .iter()
        .map(|(id, key, token, profile)| DemoAccount {
            secret_id: (*id).into(),
            secret_key: (*key).into(),
            token: token.map(Into::into),
            profile: serde_json::to_value(profile).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
        })
        .collect();
    to_js(&list)
}

#[derive(Serialize, tsify::Tsify)]
pub struct DemoAccount {
    pub secret_id: String,
    pub secret_key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub token: Option<String>,
    /// The scenario: `ordinary`, `not-allow-listed`, `arrears`, `incomplete-information`.
    #[tsify(type = "\"ordinary\" | \"not-allow-listed\" | \"arrears\" | \"incomplete-information\"")]
    pub profile: String,
}

/// The simulator's memory (created resources, idempotency records, nonces, rate windows) as JSON.
#[wasm_bindgen(js_name = simulatorState)]
pub fn simulator_state() -> Result<String, JsValue> {
    with_sim(|sim| Ok(sim.export_state()))
}

/// Replaces the simulator's memory with one exported by `simulatorState` (its text, or that
/// text parsed).
#[wasm_bindgen(js_name = restoreSimulator)]
pub fn restore_simulator(
    #[wasm_bindgen(unchecked_param_type = "string | object")] state_json: JsValue,
) -> Result<(), JsValue> {
    let text = json_text(&state_json, "state").map_err(|e| to_js_error(&e))?;
    // The state's reader names the member at fault (`state.format`) with its code.
    with_sim(|sim| sim.import_state(&text))
}

#[wasm_bindgen(module = "/js/send.js")]
extern "C" {
    #[wasm_bindgen(js_name = fetchSigned)]
    fn fetch_signed(request: JsValue, via: &str, timeout_ms: f64, signal: JsValue, proxy_url: &str) -> js_sys::Promise;
    #[wasm_bindgen(catch, js_name = sendOptions)]
    fn send_options(options: &JsValue) -> Result<js_sys::Array, JsValue>;
    #[wasm_bindgen(catch, js_name = throwIfAborted)]
    fn throw_if_aborted(signal: &JsValue) -> Result<(), JsValue>;
}

/// The longest wait setTimeout keeps (a longer one fires at once).
const MAX_TIMEOUT_MS: f64 = 2_147_483_647.0;

#[derive(Deserialize, tsify::Tsify)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SendOptions {
    /// `simulator` (in-page, the default), `proxy` (through `cloudplay serve`) or `direct`.
    #[serde(default)]
    #[tsify(optional, type = "\"simulator\" | \"proxy\" | \"direct\"")]
    via: Option<String>,
    /// Milliseconds before giving up (default 30000).
    #[serde(default)]
    #[tsify(optional)]
    timeout: Option<f64>,
    /// The forwarding proxy's URL (default `/proxy`, same origin as the page).
    #[serde(default)]
    #[tsify(optional)]
    proxy_url: Option<String>,
    /// For the simulator: its clock (unix seconds) and the seed of its ids.
    #[serde(default)]
    #[tsify(optional)]
    now: Option<i64>,
    #[serde(default)]
    #[tsify(optional)]
    seed: Option<u64>,
}

/// Sends a signed request and resolves to `{status, headers, body, ms, via, code?}`. A network
/// or CORS failure rejects with code `NetworkError` / `CorsError` (also `Timeout`, `Aborted`,
/// `ProxyRefused`, `NoProxy`); an API error is an answer like any other, with its `code`.
/// `options.signal` (an AbortSignal) cancels it.
// An async function's type is wrapped in a Promise by wasm-bindgen already.
#[wasm_bindgen(unchecked_return_type = "SentResponse")]
pub async fn send(
    #[wasm_bindgen(unchecked_param_type = "HttpRequest | string")] signed: JsValue,
    #[wasm_bindgen(unchecked_param_type = "?SendOptions")] options: Option<JsValue>,
) -> JsResult {
    let req: HttpRequest = signed_from_js(signed).map_err(|e| to_js_error(&e))?;
    // The signal is a live JS object: read it before the options become JSON.
    let (signal, opts) = match options.filter(|v| !v.is_null() && !v.is_undefined()) {
        None => (JsValue::UNDEFINED, None),
        Some(v) => {
            let split = send_options(&v)?;
            let opts = from_js::<SendOptions>(split.get(1), "options").map_err(|mut e| {
                // `signal` was taken out before the JSON was read, so serde does not name it.
                e.message = e.message.replace("`seed`", "`seed`, `signal`");
                to_js_error(&e)
            })?;
            (split.get(0), Some(opts))
        }
    };
    let timeout = opts.as_ref().and_then(|o| o.timeout);
    if timeout.is_some_and(|t| !(t > 0.0 && t <= MAX_TIMEOUT_MS)) {
        let why = "must be milliseconds above 0 and at most 2147483647 (about 24 days)";
        return Err(to_js_error(&Error::at(ErrorKind::InvalidField, "options.timeout", why)));
    }
    throw_if_aborted(&signal)?;
    let via = opts.as_ref().and_then(|o| o.via.clone()).unwrap_or_else(|| "simulator".into());
    match via.as_str() {
        "simulator" => {
            let started = js_sys::Date::now();
            let now = opts.as_ref().and_then(|o| o.now).unwrap_or_else(state::now);
            let seed = opts.as_ref().and_then(|o| o.seed).unwrap_or_else(state::entropy);
            let mut r = simulate_request(&req, now, seed)?;
            // Named as fetch names them, so that code reading `headers["content-type"]` reads
            // every `via` alike.
            r.headers.iter_mut().for_each(|(name, _)| name.make_ascii_lowercase());
            let out = to_js(&r)?;
            let _ = js_sys::Reflect::set(&out, &"ms".into(), &(js_sys::Date::now() - started).into());
            let _ = js_sys::Reflect::set(&out, &"via".into(), &"simulator".into());
            Ok(out)
        }
        "proxy" | "direct" => {
            let timeout = timeout.unwrap_or(30_000.0);
            let proxy = opts.as_ref().and_then(|o| o.proxy_url.clone()).unwrap_or_else(|| "/proxy".into());
            let request = to_js(&req)?;
            wasm_bindgen_futures::JsFuture::from(fetch_signed(request, &via, timeout, signal, &proxy)).await
        }
        other => Err(to_js_error(&Error::at(
            ErrorKind::InvalidField,
            "options.via",
            format!("'{other}' is not one of simulator, proxy, direct"),
        ))),
    }
}

#[wasm_bindgen(typescript_custom_section)]
const SEND_TS: &str = r#"
/** The part of `send`'s options that is a live object, never JSON (merged with the rest). */
export interface SendOptions {
    /** Cancels the send when it aborts (`AbortSignal.timeout(ms)` rejects as `Timeout`). */
    signal?: AbortSignal | undefined;
}

/** What `send` resolves to. */
export interface SentResponse {
    status: number;
    headers: Record<string, string>;
    body: string;
    /** Milliseconds from sending to the whole answer. */
    ms: number;
    via: "simulator" | "proxy" | "direct";
    /** The vendor's error code when the answer is an API error, whatever `via`: Tencent's
     *  `Response.Error.Code` (sent with HTTP 200), API 2.0's `code`, Alibaba's `Code`; absent
     *  for a success. */
    code?: string;
    /** Simulator only: see SimulatedResponse. */
    vendor?: "tencent3" | "tencent-legacy" | "alibaba";
    modelled?: boolean;
    api?: string;
    expected?: SigningTrace;
}
"#;
