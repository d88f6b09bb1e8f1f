//! cloudplay-sim: a simulator of the four seed cloud APIs that official SDKs can talk to.
//!
//! [`Simulator::handle`] takes a received [`HttpRequest`], the time and some entropy, and
//! answers an [`HttpResponse`] the way the vendor would:
//!
//! 1. recognise the vendor and the API from the request itself ([`route`]);
//! 2. verify the signature with the core's verifier, following the request's own signed
//!    headers and parameters, in the vendor's error vocabulary;
//! 3. refuse a reused nonce and more than the documented requests per second per action;
//! 4. validate the business parameters with the core, in the vendor's codes;
//! 5. run the service's behaviour ([`services`]) and answer in the vendor's envelope
//!    ([`envelope`]) with a fresh RequestId.
//!
//! Everything it remembers is in [`State`]: bounded, exportable as JSON, and a pure function of
//! the requests, times and entropy it was given. `no_std` + `alloc`.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_debug_implementations)]

extern crate alloc;

pub mod accounts;
pub mod envelope;
mod params;
pub mod rng;
pub mod route;
pub mod services;
pub mod state;

use alloc::format;
use alloc::string::{String, ToString};
use alloc::sync::Arc;
use alloc::vec::Vec;

use cloudplay_core::id_index::IdIndex;
use cloudplay_core::verify::{verify, Family, Refusal, ALIBABA_WINDOW_SECS, TENCENT_WINDOW_SECS};
use cloudplay_core::{validate_call, ApiSpec, Call, Catalog, HttpRequest};
use serde::{Deserialize, Serialize};

pub use accounts::{Account, Accounts, Profile};
pub use envelope::{HttpResponse, Vendor};
pub use state::{Limits, State};

use envelope::{alibaba_error, alibaba_status, alibaba_success, legacy_gateway_error, tencent_error, tencent_success};
use route::Wire;
use services::Data;

/// A request header that makes the simulator answer one of the API's documented error codes
/// after the signature and parameters check out, for codes no request can reach on its own
/// (InternalError, DBConnectError, …). Official SDKs never send it; the page and tests may.
pub const FAULT_HEADER: &str = "X-Cloudplay-Fault";

/// Requests per second per account and action when an API documents no limit of its own (ms and
/// hai document 20).
pub const DEFAULT_RATE_LIMIT: u32 = 20;

/// What happened to one request, for a log line: never a secret, a signature or a token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub vendor: Vendor,
    /// `product/version/action`, once recognised.
    pub api: Option<String>,
    /// The error code answered; `None` for a success.
    pub code: Option<String>,
    /// For a refused signature: what the server computed from the request as received, so a
    /// client can find the first step where its own trace differs. Holds no secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<cloudplay_core::SigningTrace>,
}

/// The largest body a request may carry: Tencent takes a POST of at most 1 MB signed with
/// HmacSHA1 or HmacSHA256 (a `SecretId` among its parameters, API 2.0's too) and 10 MB signed
/// with TC3; the same 10 MB bounds the rest here. `cloudplay serve` reads no more than
/// [`MAX_BODY`] of a body.
fn body_limit(wire: &Wire) -> usize {
    let v1 = wire.auth_scheme == route::AuthScheme::Params && wire.params.iter().any(|(name, _)| name == "SecretId");
    if v1 {
        1 << 20
    } else {
        MAX_BODY
    }
}

/// The most of a body any request may carry (see [`body_limit`]).
pub const MAX_BODY: usize = 10 << 20;

/// Why the server could not even hand a request over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    /// The body is longer than the server accepts.
    TooLarge { limit: usize },
    /// The body or a header is not UTF-8.
    NotUtf8,
}

#[derive(Debug, Clone)]
pub struct Simulator {
    /// Shared so a request can hold its spec while the state changes, without copying it.
    specs: Vec<Arc<ApiSpec>>,
    data: Data,
    accounts: Accounts,
    state: State,
    /// `None`: each API's documented limit (else [`DEFAULT_RATE_LIMIT`]); `Some(0)`: no limit.
    rate_limit: Option<u32>,
}

impl Default for Simulator {
    fn default() -> Self {
        Simulator::new()
    }
}

/// One request being answered.
struct Turn<'a> {
    vendor: Vendor,
    wire: &'a Wire,
    request_id: String,
    api: Option<String>,
    /// The server's trace of a refused signature.
    expected: Option<cloudplay_core::SigningTrace>,
    /// Messages in Chinese: a Tencent request that asked for zh-CN (`X-TC-Language`, or the
    /// `Language` parameter). Alibaba's gateway answers in English.
    zh: bool,
}

impl Turn<'_> {
    /// The message in the language the request asked for.
    fn say<T>(&self, en: T, zh: T) -> T {
        if self.zh {
            zh
        } else {
            en
        }
    }
}

/// Whether a request asks Tencent for answers in Chinese.
fn wants_zh(req: &HttpRequest, wire: &Wire, vendor: Vendor) -> bool {
    // Asked for however the request is signed (or not): an unsigned or malformed request
    // is refused in the language it asked for too.
    let language = match vendor {
        Vendor::Alibaba => None,
        _ => req.header("X-TC-Language").or_else(|| wire.param("Language")),
    };
    language.is_some_and(|l| l.trim().eq_ignore_ascii_case("zh-CN"))
}

impl Simulator {
    /// The four seed APIs, their service tables and the demo accounts.
    ///
    /// # Panics
    /// Only if a built-in spec or data file is broken, which the crate's tests rule out.
    pub fn new() -> Self {
        Simulator::try_new().expect("built-in specs and service data parse")
    }

    /// [`new`](Self::new) without the panic, for callers that must never abort (JS bindings).
    pub fn try_new() -> Result<Self, String> {
        let catalog = Catalog::builtin().map_err(|e| e.message)?;
        let data = Data::builtin()?;
        let specs = catalog.specs().to_vec();
        Ok(Simulator { specs, data, accounts: Accounts::demo(), state: State::default(), rate_limit: None })
    }

    pub fn accounts(&self) -> &Accounts {
        &self.accounts
    }

    pub fn accounts_mut(&mut self) -> &mut Accounts {
        &mut self.accounts
    }

    /// Adds accounts from `[{"secret_id","secret_key","token"?,"profile"?}]`.
    pub fn add_accounts_json(&mut self, text: &str) -> Result<usize, String> {
        self.accounts.add_json(text)
    }

    /// Overrides every API's rate limit: `Some(0)` turns limiting off (for load benchmarks),
    /// `None` restores the documented limits.
    pub fn set_rate_limit(&mut self, per_second: Option<u32>) {
        self.rate_limit = per_second;
    }

    /// Adds an API (an imported spec): it is verified and validated like the seed APIs and
    /// answers an empty success.
    pub fn add_spec(&mut self, spec: ApiSpec) {
        self.add_specs(core::iter::once(Arc::new(spec)));
    }

    /// Adds APIs (shared with a catalog: no copy), each replacing one of the same id: by an
    /// index of the ids, as a catalog of all of tccli holds sixteen thousand, and a scan per API
    /// made this quadratic.
    pub fn add_specs(&mut self, specs: impl IntoIterator<Item = Arc<ApiSpec>>) {
        let mut index = IdIndex::of(&self.specs);
        for spec in specs {
            match index.find(&self.specs, &spec.id()) {
                Some(at) => self.specs[at] = spec,
                None => {
                    self.specs.push(spec);
                    index.push(&self.specs, self.specs.len() - 1);
                }
            }
        }
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    pub fn export_state(&self) -> String {
        self.state.to_json()
    }

    pub fn import_state(&mut self, json: &str) -> Result<(), cloudplay_core::Error> {
        self.state = State::from_json(json)?;
        Ok(())
    }

    /// Answers one request received at `now` (unix seconds); `entropy` seeds its ids.
    pub fn handle(&mut self, req: &HttpRequest, now: i64, entropy: u64) -> HttpResponse {
        self.handle_traced(req, now, entropy).0
    }

    /// [`handle`](Self::handle) for callers holding JSON text (the JS binding): an
    /// [`HttpRequest`] in (headers as an object or a list of pairs), an [`HttpResponse`]
    /// `{status, headers, body}` out. Only unreadable input is an error.
    pub fn handle_json(&mut self, request: &str, now: i64, entropy: u64) -> Result<String, String> {
        let req: HttpRequest = cloudplay_core::json::typed_arg(request, "").map_err(|e| format!("request: {e}"))?;
        serde_json::to_string(&self.handle(&req, now, entropy)).map_err(|e| format!("response: {e}"))
    }

    /// [`handle`](Self::handle), also saying what happened, for a log line.
    pub fn handle_traced(&mut self, req: &HttpRequest, now: i64, entropy: u64) -> (HttpResponse, Outcome) {
        let wire = Wire::read(req);
        let limit = body_limit(&wire);
        if req.body.len() > limit {
            return self.reject(req, Unreadable::TooLarge { limit }, entropy);
        }
        self.state.requests = self.state.requests.wrapping_add(1);
        let mut rng = rng::Rng::for_request(entropy, self.state.requests);
        let vendor = route::vendor_of(req, &wire, &self.specs);
        let zh = wants_zh(req, &wire, vendor);
        let mut turn =
            Turn { vendor, wire: &wire, request_id: request_id(vendor, &mut rng), api: None, expected: None, zh };
        let answer = self.answer(req, &mut turn, now, &mut rng);
        let code = match &answer {
            Ok(_) => None,
            Err((code, _)) => Some(code.clone()),
        };
        let response = match answer {
            Ok(r) | Err((_, r)) => r,
        };
        (response, Outcome { vendor, api: turn.api, code, expected: turn.expected })
    }

    /// A vendor-shaped error for a request the server could not read whole.
    pub fn reject(&mut self, req: &HttpRequest, why: Unreadable, entropy: u64) -> (HttpResponse, Outcome) {
        self.state.requests = self.state.requests.wrapping_add(1);
        let mut rng = rng::Rng::for_request(entropy, self.state.requests);
        let wire = Wire::read(req);
        let vendor = route::vendor_of(req, &wire, &self.specs);
        let zh = wants_zh(req, &wire, vendor);
        let turn =
            Turn { vendor, wire: &wire, request_id: request_id(vendor, &mut rng), api: None, expected: None, zh };
        let (code, message) = match (vendor, why) {
            (_, Unreadable::TooLarge { limit }) => (
                if vendor == Vendor::Tencent3 { "RequestSizeLimitExceeded" } else { "InvalidParameter" },
                turn.say(
                    format!("The request is larger than the {limit} bytes accepted."),
                    format!("请求超过了可接受的 {limit} 字节。"),
                ),
            ),
            (_, Unreadable::NotUtf8) => (
                "InvalidParameter",
                String::from(
                    turn.say("The request body or a header is not UTF-8 text.", "请求体或某个请求头不是 UTF-8 文本。"),
                ),
            ),
        };
        let (code, r) = match vendor {
            Vendor::TencentLegacy => ("4000".to_string(), legacy_gateway_error(4000, &message)),
            _ => (code.to_string(), self.error(&turn, None, code, &message)),
        };
        (r, Outcome { vendor, api: None, code: Some(code), expected: None })
    }

    fn answer(
        &mut self,
        req: &HttpRequest,
        turn: &mut Turn<'_>,
        now: i64,
        rng: &mut rng::Rng,
    ) -> Result<HttpResponse, (String, HttpResponse)> {
        let accounts = &self.accounts;
        let verified = verify(req, |id| accounts.credentials(id), now).map_err(|r| {
            let answer = self.refused(turn, &r);
            turn.expected = r.expected.map(|t| *t);
            answer
        })?;
        let account = self.accounts.get(&verified.secret_id).cloned().ok_or_else(|| {
            let code = "AuthFailure.SecretIdNotFound";
            let message = turn.say("The key is not known.", "密钥不存在。");
            (code.to_string(), self.error(turn, None, code, message))
        })?;
        let specs = &self.specs;
        let spec = route::api_of(req, turn.wire, turn.vendor, specs).map_err(|e| self.unrouted(turn, e))?;
        turn.api = Some(spec.id());
        if let Some(nonce) = &verified.nonce {
            let keep = 2 * if turn.vendor == Vendor::Alibaba { ALIBABA_WINDOW_SECS } else { TENCENT_WINDOW_SECS };
            if self.state.replayed(&format!("{}|{nonce}", verified.secret_id), now, keep) {
                return Err(self.replayed(turn, &spec));
            }
        }
        let limit =
            self.rate_limit.unwrap_or_else(|| spec.rate_limit.as_ref().map_or(DEFAULT_RATE_LIMIT, |r| r.per_second));
        if limit > 0 && !self.state.admit(&format!("{}|{}", verified.secret_id, spec.id()), now, limit) {
            return Err(self.throttled(turn, &spec, limit));
        }
        let (params, base) = params::business(req, turn.wire, turn.vendor, &spec)
            .map_err(|(en, zh)| self.invalid(turn, &spec, turn.say(&en, &zh)))?;
        let call = Call { api: spec.id(), params, region: params::region(req, turn.wire, turn.vendor), endpoint: None };
        let violations: Vec<_> = validate_call(&spec, &call)
            .into_iter()
            // Alibaba's gateway and API 2.0 ignore parameters they do not know.
            .filter(|v| turn.vendor == Vendor::Tencent3 || v.code != "UnknownParameter")
            .collect();
        if let Some(first) = violations.first() {
            let code = match turn.vendor {
                Vendor::Tencent3 => first.code.as_str(),
                Vendor::TencentLegacy => "ParamsAssertError",
                Vendor::Alibaba if first.code == "MissingParameter" => "MissingParameter",
                Vendor::Alibaba => "InvalidParameter",
            };
            // Every problem at once (a few), so one round trip shows what to fix.
            let shown: Vec<String> = violations
                .iter()
                .take(5)
                .map(|v| params::in_wire_names(turn.say(&v.message, &v.message_zh), &v.path, base))
                .collect();
            let rest = violations.len().saturating_sub(shown.len());
            let mut message = shown.join(if turn.zh { "" } else { " " });
            if rest > 0 {
                message.push_str(&turn.say(format!(" ({rest} more.)"), format!("（另有 {rest} 处。）")));
            }
            return Err((code.to_string(), self.error(turn, Some(&spec), code, &message)));
        }
        if let Some(fault) = req.header(FAULT_HEADER).map(str::trim).filter(|f| !f.is_empty()) {
            return Err(self.fault(turn, &spec, fault));
        }
        let ctx = services::Ctx {
            account: &account,
            api: &spec.id(),
            spec: &spec,
            params: &call.params,
            wire: turn.wire,
            now,
            rng,
            state: &mut self.state,
        };
        match services::run(&self.data, ctx) {
            Ok(fields) => Ok(match turn.vendor {
                Vendor::Alibaba => alibaba_success(fields, &turn.request_id),
                _ => tencent_success(fields, &turn.request_id),
            }),
            Err(f) => {
                let message = turn.say(f.message.as_str(), f.message_zh.as_deref().unwrap_or(&f.message)).to_string();
                Err((f.code.clone(), self.error(turn, Some(&spec), &f.code, &message)))
            }
        }
    }

    /// A service-level error in the vendor's envelope; Alibaba's status comes from the spec.
    fn error(&self, turn: &Turn<'_>, spec: Option<&ApiSpec>, code: &str, message: &str) -> HttpResponse {
        match turn.vendor {
            Vendor::Tencent3 | Vendor::TencentLegacy => tencent_error(code, message, &turn.request_id),
            Vendor::Alibaba => {
                let documented =
                    spec.and_then(|s| s.errors.iter().find(|e| e.code == code)).and_then(|e| e.http_status);
                let status = documented.unwrap_or_else(|| alibaba_status(code));
                alibaba_error(status, code, message, &turn.request_id, &turn.wire.host)
            }
        }
    }

    fn refused(&self, turn: &Turn<'_>, refusal: &Refusal) -> (String, HttpResponse) {
        let family = match turn.vendor {
            Vendor::Tencent3 => Family::Tencent3,
            Vendor::TencentLegacy => Family::TencentLegacy,
            Vendor::Alibaba => Family::Alibaba,
        };
        let r = Refusal { family, ..refusal.clone() };
        let code = r.vendor_code();
        let message = turn.say(r.vendor_message(), r.vendor_message_zh());
        let response = match turn.vendor {
            Vendor::TencentLegacy => legacy_gateway_error(code.parse().unwrap_or(4100), &message),
            _ => self.error(turn, None, code, &message),
        };
        (code.to_string(), response)
    }

    fn unrouted(&self, turn: &Turn<'_>, e: route::RouteError) -> (String, HttpResponse) {
        use route::RouteError::*;
        let (code, message) = match (turn.vendor, e) {
            (Vendor::Alibaba, MissingAction) => ("MissingParameter", "The Action parameter is missing.".to_string()),
            (_, MissingAction) => {
                ("MissingParameter", String::from(turn.say("The Action is missing.", "缺少 Action。")))
            }
            (vendor, UnknownAction { action, product }) => {
                let code = match vendor {
                    Vendor::Tencent3 => "InvalidAction",
                    Vendor::TencentLegacy => "Wrapper.InterfaceNameNotFound",
                    Vendor::Alibaba => "InvalidAction.NotFound",
                };
                let within = product.as_deref().map(|p| format!(" of {p}")).unwrap_or_default();
                // The product's own APIs when it has some here, and a few at most: with a
                // vendor's whole metadata imported there are thousands.
                let of_product: Vec<&Arc<ApiSpec>> =
                    self.specs.iter().filter(|s| product.as_deref().is_some_and(|p| s.product == p)).collect();
                let pool = if of_product.is_empty() { self.specs.iter().collect() } else { of_product };
                let known: Vec<String> = pool.iter().take(8).map(|s| s.id()).collect();
                let (more, more_zh) = match pool.len().saturating_sub(known.len()) {
                    0 => (String::new(), String::new()),
                    n => (format!(" and {n} more"), format!(" 等（另有 {n} 个）")),
                };
                let within_zh = product.as_deref().map(|p| format!("（{p}）")).unwrap_or_default();
                let message = turn.say(
                    format!(
                        "No action {action}{within} here; this simulator offers {}{more}. Other APIs are added as data: addSpecs or an import in the package and the page, cloudplay serve --specs FILE for the server.",
                        known.join(", ")
                    ),
                    format!(
                        "模拟器中没有接口 {action}{within_zh}；模拟器提供：{}{more_zh}。其他接口以数据添加：在包和页面中用 addSpecs 或导入，服务器用 cloudplay serve --specs FILE。",
                        known.join("、")
                    ),
                );
                (code, message)
            }
            (vendor, UnknownVersion { action, version, known }) => {
                let code = if vendor == Vendor::Alibaba { "InvalidVersion" } else { "NoSuchVersion" };
                let message = turn.say(
                    format!("{action} has no version '{version}'; its version is {known}."),
                    format!("{action} 没有版本 '{version}'；它的版本是 {known}。"),
                );
                (code, message)
            }
        };
        (code.to_string(), self.error(turn, None, code, &message))
    }

    fn replayed(&self, turn: &Turn<'_>, spec: &ApiSpec) -> (String, HttpResponse) {
        let message = turn.say(
            "This nonce was already used within the signature's time window: each request needs a new one.",
            "此随机数（Nonce）在签名有效期内已用过：每个请求都需要新的随机数。",
        );
        match turn.vendor {
            Vendor::TencentLegacy => ("4500".into(), legacy_gateway_error(4500, message)),
            Vendor::Alibaba => {
                ("SignatureNonceUsed".into(), self.error(turn, Some(spec), "SignatureNonceUsed", message))
            }
            // API 3.0 documents no replay code of its own; a replayed v1 signature is refused
            // as a signature no longer valid.
            Vendor::Tencent3 => (
                "AuthFailure.SignatureExpire".into(),
                self.error(turn, Some(spec), "AuthFailure.SignatureExpire", message),
            ),
        }
    }

    fn throttled(&self, turn: &Turn<'_>, spec: &ApiSpec, limit: u32) -> (String, HttpResponse) {
        let message = turn.say(
            format!("More than {limit} requests per second to {} from this account.", spec.action),
            format!("此账号每秒对 {} 的请求超过 {limit} 次。", spec.action),
        );
        self.throttle_answer(turn, spec, &message)
    }

    /// The gateway's throttling answer, in each vendor's form.
    fn throttle_answer(&self, turn: &Turn<'_>, spec: &ApiSpec, message: &str) -> (String, HttpResponse) {
        match turn.vendor {
            Vendor::TencentLegacy => ("4400".into(), legacy_gateway_error(4400, message)),
            Vendor::Alibaba => {
                let mut r = self.error(turn, Some(spec), "Throttling", message);
                // tea-openapi turns an answer with a retry hint into its ThrottlingException.
                r.headers.push(("x-acs-retry-after".into(), "1000".into()));
                ("Throttling".into(), r)
            }
            Vendor::Tencent3 => {
                ("RequestLimitExceeded".into(), self.error(turn, Some(spec), "RequestLimitExceeded", message))
            }
        }
    }

    fn invalid(&self, turn: &Turn<'_>, spec: &ApiSpec, message: &str) -> (String, HttpResponse) {
        let code = if turn.vendor == Vendor::TencentLegacy { "ParamsAssertError" } else { "InvalidParameter" };
        (code.into(), self.error(turn, Some(spec), code, message))
    }

    fn fault(&self, turn: &Turn<'_>, spec: &ApiSpec, fault: &str) -> (String, HttpResponse) {
        let said = |code: &str| {
            turn.say(
                format!("{code} (asked for with the {FAULT_HEADER} header)."),
                format!("{code}（由请求头 {FAULT_HEADER} 指定）。"),
            )
        };
        let asked = |code: &str| (code.to_string(), self.error(turn, Some(spec), code, &said(code)));
        if spec.errors.iter().any(|e| e.code == fault) {
            return asked(fault);
        }
        // What the vendor's gateway answers any API, whatever its own table lists: a test of
        // the caller's retries needs these most.
        let throttle = match turn.vendor {
            Vendor::Tencent3 => "RequestLimitExceeded",
            Vendor::TencentLegacy => "4400",
            Vendor::Alibaba => "Throttling",
        };
        if fault == throttle || (turn.vendor == Vendor::TencentLegacy && fault == "RequestLimitExceeded") {
            return self.throttle_answer(turn, spec, &said(fault));
        }
        // API 2.0's gateway has numbered codes of its own, none of them InternalError.
        let internal = (turn.vendor != Vendor::TencentLegacy).then_some("InternalError");
        if Some(fault) == internal {
            return asked(fault);
        }
        // The test's own mistake, in a code no vendor answers, so that it is not read as one.
        let mut known: Vec<&str> = spec.errors.iter().map(|e| e.code.as_str()).collect();
        for common in [Some(throttle), internal].into_iter().flatten() {
            if !known.contains(&common) {
                known.push(common);
            }
        }
        let message = turn.say(
            format!(
                "{FAULT_HEADER} names '{fault}', which {} does not document; it can ask for {}.",
                spec.id(),
                known.join(", ")
            ),
            format!("{FAULT_HEADER} 指定的 '{fault}' 不在 {} 的文档中；可以指定：{}。", spec.id(), known.join("、")),
        );
        (UNKNOWN_FAULT.into(), self.error(turn, Some(spec), UNKNOWN_FAULT, &message))
    }
}

/// The code of a fault header naming what the API cannot answer: cloudplay's, no vendor's.
pub const UNKNOWN_FAULT: &str = "Cloudplay.UnknownFault";

/// Tencent API 3.0's RequestIds are lowercase UUIDs; Alibaba's and API 2.0's (as the postgres
/// seed's example shows) are uppercase.
fn request_id(vendor: Vendor, rng: &mut rng::Rng) -> String {
    let id = rng.uuid();
    if vendor != Vendor::Tencent3 {
        id.to_ascii_uppercase()
    } else {
        id
    }
}
