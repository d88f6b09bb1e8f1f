//! Per-service behaviour after a request is verified and validated. Each service reads its
//! tables from `data/*.json`; an API without a behaviour of its own answers the success its
//! spec documents.

pub mod bss;
pub mod hai;
pub mod ms;
pub mod postgres;

use alloc::format;
use alloc::string::String;

use cloudplay_core::number::integer_of;
use cloudplay_core::ApiSpec;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::accounts::Account;
use crate::rng::Rng;
use crate::route::Wire;
use crate::state::State;

/// What a service sees of one request.
#[derive(Debug)]
pub struct Ctx<'a> {
    pub account: &'a Account,
    /// The API id, `product/version/action`.
    pub api: &'a str,
    /// Its spec (an API the simulator does not model answers what it documents).
    pub spec: &'a ApiSpec,
    /// The business parameters, already valid for the spec.
    pub params: &'a Value,
    pub wire: &'a Wire,
    pub now: i64,
    pub rng: &'a mut Rng,
    pub state: &'a mut State,
}

/// A business error: the vendor's code and a message for a person, in Chinese too where the
/// vendor answers in the caller's language (Tencent's `X-TC-Language: zh-CN`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fail {
    pub code: String,
    pub message: String,
    pub message_zh: Option<String>,
}

pub fn fail(code: &str, message: impl Into<String>) -> Fail {
    Fail { code: code.into(), message: message.into(), message_zh: None }
}

impl Fail {
    pub fn zh(mut self, message: impl Into<String>) -> Self {
        self.message_zh = Some(message.into());
        self
    }
}

/// The business fields of a success, or why not.
pub type Answer = Result<Map<String, Value>, Fail>;

/// The services' tables, parsed once.
#[derive(Debug, Clone)]
pub struct Data {
    pub ms: ms::Data,
    pub postgres: postgres::Data,
    pub hai: hai::Data,
    pub bss: bss::Data,
}

fn table<T: DeserializeOwned>(name: &str, text: &str) -> Result<T, String> {
    cloudplay_core::json::typed(text).map_err(|e| format!("data/{name}.json: {e}"))
}

impl Data {
    /// The built-in tables. An error here is a broken data file (the tests load them).
    pub fn builtin() -> Result<Self, String> {
        Ok(Data {
            ms: table("ms", include_str!("../../data/ms.json"))?,
            postgres: table("postgres", include_str!("../../data/postgres.json"))?,
            hai: table("hai", include_str!("../../data/hai.json"))?,
            bss: table("bss", include_str!("../../data/bss.json"))?,
        })
    }
}

pub fn run(data: &Data, ctx: Ctx<'_>) -> Answer {
    match ctx.api {
        "ms/2018-04-08/CreateResourceInstances" => ms::run(&data.ms, ctx),
        "postgres/2017-03-12/CreateResource" => postgres::run(&data.postgres, ctx),
        "hai/2023-08-12/RunInstances" => hai::run(&data.hai, ctx),
        "bssopenapi/2017-12-14/CreateInstance" => bss::run(&data.bss, ctx),
        // Any other API (an imported one): signature and parameters were checked, and the
        // success is the one its spec documents.
        _ => Ok(documented(ctx.spec, ctx.params)),
    }
}

/// The fields of the success an API's examples document (a vendor example's response, as
/// tccli's examples carry them), without its RequestId: an SDK's typed model of the answer is
/// then filled as the vendor's would fill it. The example of the very parameters called, else
/// the first with a success; empty when none has one.
pub fn documented(spec: &ApiSpec, params: &Value) -> Map<String, Value> {
    let success = |response: &Value| {
        let fields = response.get("Response").unwrap_or(response).as_object()?;
        // An error documented as an example: Tencent's in `Error`; Alibaba's a `Code` with
        // nothing but its envelope around it (a success may carry a Code too, beside its data).
        let envelope = ["RequestId", "HostId", "Code", "Message", "Recommend"];
        let code = fields.get("Code").and_then(Value::as_str);
        let fine = code.is_some_and(|c| ["OK", "200", "Success", "success"].contains(&c));
        let alibaba_error = code.is_some() && !fine && fields.keys().all(|k| envelope.contains(&k.as_str()));
        if fields.contains_key("Error") || alibaba_error {
            return None;
        }
        let mut fields = fields.clone();
        fields.remove("RequestId");
        Some(fields)
    };
    let same =
        spec.examples.iter().filter(|e| e.params == *params).filter_map(|e| e.response.as_ref()).find_map(success);
    same.or_else(|| spec.examples.iter().filter_map(|e| e.response.as_ref()).find_map(success)).unwrap_or_default()
}

/// Whether the simulator models what `api` does (its resources, stock, quotas, idempotency)
/// rather than only checking a request's signature and parameters.
pub fn models(api: &str) -> bool {
    MODELLED.contains(&api)
}

const MODELLED: [&str; 4] = [
    "ms/2018-04-08/CreateResourceInstances",
    "postgres/2017-03-12/CreateResource",
    "hai/2023-08-12/RunInstances",
    "bssopenapi/2017-12-14/CreateInstance",
];

/// An integer parameter (validation already checked its type).
pub fn int(params: &Value, name: &str) -> Option<i128> {
    params.get(name).and_then(|v| integer_of(v).ok())
}

pub fn text<'v>(params: &'v Value, name: &str) -> Option<&'v str> {
    params.get(name).and_then(Value::as_str)
}

/// The idempotency key of a ClientToken: per account and API.
pub fn token_key(ctx: &Ctx<'_>, token: &str) -> String {
    format!("{}|{}|{token}", ctx.account.credentials.secret_id, ctx.api)
}

/// The earlier result of a repeated ClientToken, if any.
pub fn repeated(ctx: &Ctx<'_>) -> Option<Map<String, Value>> {
    let token = text(ctx.params, "ClientToken").filter(|t| !t.is_empty())?;
    ctx.state.idempotent(&token_key(ctx, token), ctx.now).and_then(Value::as_object).cloned()
}

/// Remembers a success under its ClientToken, if it has one.
pub fn remember(ctx: &mut Ctx<'_>, result: &Map<String, Value>) {
    if let Some(token) = text(ctx.params, "ClientToken").filter(|t| !t.is_empty()) {
        let key = token_key(ctx, token);
        ctx.state.remember(&key, ctx.now, Value::Object(result.clone()));
    }
}

pub fn resource(ctx: &mut Ctx<'_>, id: String) {
    let r = crate::state::Resource {
        id,
        api: ctx.api.into(),
        owner: ctx.account.credentials.secret_id.clone(),
        created: ctx.now,
    };
    ctx.state.create(r);
}
