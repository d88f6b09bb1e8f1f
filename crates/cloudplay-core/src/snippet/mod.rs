//! Code for the current call: curl, Python, Node, Go and the vendor CLIs.
//!
//! A snippet is made from the spec, the call and (for curl, and for the API styles no SDK
//! covers) the signed request. [`Credentials`](crate::Credentials) are deliberately not an input:
//! SDK snippets read the key pair from the environment, and a signed request carries only a
//! signature, so no code path here can put a secret into the text.
//!
//! | language | Tencent API 3.0 | Tencent API 2.0 (legacy) | Alibaba RPC |
//! | --- | --- | --- | --- |
//! | `curl` | signed request | signed request | signed request |
//! | `python` | `tencentcloud-sdk-python` `CommonClient` | `qcloudapi-sdk-python` `QcloudApi` | `alibabacloud_tea_openapi` `call_api` |
//! | `node` | `tencentcloud-sdk-nodejs-common` `CommonClient` | signed `fetch` (no maintained SDK) | `@alicloud/openapi-client` `callApi` |
//! | `go` | `tencentcloud-sdk-go` `NewCommonClient` | signed `net/http` request (no SDK) | `darabonba-openapi/v2` `CallApi` |
//! | `cli` | `tccli … --cli-unfold-argument` | signed curl (tccli has no API 2.0) | `aliyun <product> <Action>` |

mod cli;
mod curl;
mod go;
mod node;
mod python;
pub mod text;

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use crate::build::{build, flatten, ordered, resolve_host, BuildOptions};
use crate::catalog::Catalog;
use crate::error::{Error, ErrorKind, Result};
use crate::http::HttpRequest;
use crate::prepare::Call;
use crate::spec::{ApiSpec, ApiStyle, Location};
use crate::Algorithm;

pub use curl::curl_command;

/// The languages a snippet can be written in; serialized kebab-case (`"curl"`, `"python"`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub enum Language {
    Curl,
    Python,
    Node,
    Go,
    Cli,
}

impl Language {
    pub const ALL: [Language; 5] = [Language::Curl, Language::Python, Language::Node, Language::Go, Language::Cli];

    /// The serialized name.
    pub const fn name(self) -> &'static str {
        match self {
            Language::Curl => "curl",
            Language::Python => "python",
            Language::Node => "node",
            Language::Go => "go",
            Language::Cli => "cli",
        }
    }

    /// Parses a serialized name; anything else is an `InvalidField` error at `language`.
    pub fn parse(name: &str) -> Result<Language> {
        Language::ALL.into_iter().find(|l| l.name() == name).ok_or_else(|| {
            Error::at(
                ErrorKind::InvalidField,
                "language",
                format!("'{name}' is not one of {}", Language::ALL.map(Language::name).join(", ")),
            )
        })
    }
}

/// What every writer needs to know about the call.
pub(crate) struct Ctx<'a> {
    pub spec: &'a ApiSpec,
    pub call: &'a Call,
    /// The host the call goes to (explicit endpoint, region host, or default).
    pub host: String,
    pub region: Option<&'a str>,
    /// The endpoint named `http://` (a local simulator): the SDKs are told to speak plain HTTP.
    pub plain_http: bool,
}

/// Writes `call` (an API of `spec`) in `language`. `signed` is the request as `prepare` signed
/// it; curl needs it, and so do the API styles without an SDK in the target language (an
/// `MissingField` error at `signed` says so when it is absent).
pub fn snippet(spec: &ApiSpec, call: &Call, language: Language, signed: Option<&HttpRequest>) -> Result<String> {
    if !call.api.is_empty() && call.api != spec.id() {
        return Err(Error::at(
            ErrorKind::InvalidField,
            "api",
            format!("the call names '{}' but the spec is '{}'", call.api, spec.id()),
        ));
    }
    let region = call.region.as_deref().filter(|r| !r.is_empty());
    let host = resolve_host(spec, region, call.endpoint.as_deref())?;
    if let Some(signed) = signed {
        signed_for(spec, &host, signed)?;
        same_parameters(spec, call, signed)?;
    }
    let plain_http = call.endpoint.as_deref().is_some_and(|e| crate::build::endpoint_parts(e).0 == Some("http"));
    let ctx = Ctx { spec, call, host, region, plain_http };
    match language {
        Language::Curl => Ok(curl_command(spec.style, need_signed(signed, "curl")?)),
        Language::Python => python::snippet(&ctx),
        Language::Node => node::snippet(&ctx, signed),
        Language::Go => go::snippet(&ctx, signed),
        Language::Cli => cli::snippet(&ctx, signed),
    }
}

/// [`snippet`] for a call whose API is looked up in `catalog` (the shape the JS binding exposes
/// as `snippet(call, language)`).
pub fn snippet_in(catalog: &Catalog, call: &Call, language: Language, signed: Option<&HttpRequest>) -> Result<String> {
    snippet(catalog.spec(&call.api)?, call, language, signed)
}

pub(crate) fn need_signed<'a>(signed: Option<&'a HttpRequest>, what: &str) -> Result<&'a HttpRequest> {
    signed.ok_or_else(|| {
        Error::at(
            ErrorKind::MissingField,
            "signed",
            format!("{what} needs the signed request: prepare the call first and pass the result"),
        )
        .zh(format!("{what} 需要已签名的请求：请先签名（prepare）这次调用，再把结果传入。"))
    })
}

/// A signed request embedded in a snippet must be this call's: one prepared for another API or
/// endpoint (kept from before the user switched) would show a command that does something else.
fn signed_for(spec: &ApiSpec, host: &str, signed: &HttpRequest) -> Result<()> {
    let params = crate::verify::request_params(signed);
    // TC3 names the action and version in headers, ACS3 too; the parameter schemes in the query
    // or form body.
    let named = |headers: [&str; 2], param: &str| {
        headers
            .iter()
            .find_map(|h| signed.header(h).map(String::from))
            .or_else(|| params.iter().find(|(n, _)| n == param).map(|(_, v)| v.clone()))
    };
    let mismatch = |what: &str, theirs: &str, ours: &str| {
        Err(Error::at(
            ErrorKind::InvalidField,
            "signed",
            format!("the signed request is for {what} '{theirs}', not this call's '{ours}': prepare this call and pass its request"),
        ))
    };
    if let Some(action) = named(["x-tc-action", "x-acs-action"], "Action").filter(|a| *a != spec.action) {
        return mismatch("action", &action, &spec.action);
    }
    if let Some(version) = named(["x-tc-version", "x-acs-version"], "Version").filter(|v| *v != spec.version) {
        return mismatch("version", &version, &spec.version);
    }
    if !signed.host.eq_ignore_ascii_case(host) {
        return mismatch("host", &signed.host, host);
    }
    Ok(())
}

/// The signed request must carry this call's region and parameters too: a page that keeps the
/// last signed request while the user edits would otherwise show a command sending the old
/// values. The call is built again the way the request was (method, content type, signing
/// scheme) and what the call decides is compared: a JSON body whole; for query and form
/// parameters, every name a build without parameters does not have (the common ones vary with
/// each signing).
fn same_parameters(spec: &ApiSpec, call: &Call, signed: &HttpRequest) -> Result<()> {
    use crate::verify::request_params;
    let auth = signed.header("authorization").unwrap_or("");
    let algorithm = spec.algorithms.iter().copied().find(|a| match a {
        Algorithm::Tc3HmacSha256 => auth.starts_with("TC3-"),
        Algorithm::Acs3HmacSha256 => auth.starts_with("ACS3-"),
        _ => auth.is_empty(),
    });
    let options = BuildOptions {
        nonce: Some("1".into()),
        region: call.region.clone().filter(|r| !r.is_empty()),
        endpoint: call.endpoint.clone(),
        algorithm,
        method: Some(signed.method.to_ascii_uppercase()),
        content_type: signed.header("content-type").map(String::from),
        // Present in both builds, so that their names count as common.
        language: spec.style.is_tencent().then(|| "en-US".into()),
        secret_id: Some("id".into()),
        token: Some("token".into()),
        ..BuildOptions::default()
    };
    // A request this call cannot be built as (another method) was refused above or is let be.
    let Ok(ours) = build(spec, &call.params, &options) else { return Ok(()) };
    let (our_params, their_params) = (request_params(&ours), request_params(signed));
    let region = |req: &HttpRequest, params: &[(String, String)]| {
        let named = |name: &str| params.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
        req.header("x-tc-region").or_else(|| named("Region")).or_else(|| named("RegionId")).map(String::from)
    };
    // The page passes the request it has just prepared on every change: a JSON body, which holds
    // the parameters whole, is compared as it is, without a second build.
    let json_body = ours.header("content-type").is_some_and(|c| c.contains("json")) && !ours.body.is_empty();
    let same = region(&ours, &our_params) == region(signed, &their_params)
        && if json_body {
            ours.body == signed.body
        } else {
            // The names a build without parameters also has vary with each signing (time, nonce,
            // key id): the others are the call's.
            let Ok(bare) = build(spec, &serde_json::json!({}), &options) else { return Ok(()) };
            let common = request_params(&bare);
            let decided = |params: &[(String, String)]| -> Vec<(String, String)> {
                params
                    .iter()
                    .filter(|(n, _)| n != "Signature" && !common.iter().any(|(c, _)| c == n))
                    .cloned()
                    .collect()
            };
            // Compared as sets, in any order: a sort here would add a sort routine of its own.
            let (mine, theirs) = (decided(&our_params), decided(&their_params));
            mine.len() == theirs.len() && mine.iter().all(|p| theirs.contains(p))
        };
    if !same {
        return Err(Error::at(
            ErrorKind::InvalidField,
            "signed",
            "the signed request carries other parameters or another region than this call: prepare this call and pass its request",
        ));
    }
    Ok(())
}

/// Why a signed request stops working, said once for every snippet that embeds one.
pub(crate) fn expiry_note(style: ApiStyle) -> &'static str {
    if style.is_tencent() {
        "Signed request: Tencent Cloud accepts it for 5 minutes after its timestamp\n\
         (then AuthFailure.SignatureExpire); prepare it again after that. It carries a\n\
         signature, never the SecretKey."
    } else {
        "Signed request: Alibaba Cloud accepts it for 15 minutes after its timestamp and each\n\
         nonce only once; prepare it again to resend. It carries a signature, never the\n\
         AccessKey secret."
    }
}

/// Alibaba RPC business parameters flattened as they travel (`Name.1.Field`), split by where
/// the spec puts them. The SDKs' generic call takes them in this form, which keeps every value
/// a string: exact for any integer, in every language.
pub(crate) struct AlibabaParts {
    pub method: String,
    pub query: Vec<(String, String)>,
    pub body: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    /// `HTTP` for an `http://` endpoint, else `HTTPS`, as the generic clients' Params spell it.
    pub protocol: &'static str,
}

impl AlibabaParts {
    pub fn of(ctx: &Ctx<'_>) -> Result<Self> {
        let spec = ctx.spec;
        let method = spec.methods.first().cloned().unwrap_or_else(|| "POST".into());
        let protocol = if ctx.plain_http { "HTTP" } else { "HTTPS" };
        let mut parts = AlibabaParts { method, query: Vec::new(), body: Vec::new(), headers: Vec::new(), protocol };
        let empty = serde_json::Map::new();
        let map = match &ctx.call.params {
            serde_json::Value::Object(m) => m,
            serde_json::Value::Null => &empty,
            _ => return Err(Error::at(ErrorKind::InvalidField, "params", "the parameters must be a JSON object")),
        };
        for e in ordered(Some(&spec.params), map) {
            let target = match e.param.and_then(|p| p.location) {
                Some(Location::Header) => &mut parts.headers,
                Some(Location::Body) if parts.method == "POST" => &mut parts.body,
                _ => &mut parts.query,
            };
            flatten(spec, e.name.into(), e.param, e.value, 1, 0, target)?;
        }
        Ok(parts)
    }

    /// A form body goes as `formData`; with none the type is unused and `json` is the
    /// vendors' own example.
    pub fn req_body_type(&self) -> &'static str {
        if self.body.is_empty() {
            "json"
        } else {
            "formData"
        }
    }

    pub fn node(pairs: &[(String, String)]) -> text::Node {
        text::Node::Map(pairs.iter().map(|(k, v)| (k.clone(), text::Node::Str(v.clone()))).collect())
    }
}
