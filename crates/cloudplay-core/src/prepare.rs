//! `prepare` = validate + build + sign: from a call to a signed request and its full trace.

use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::build::{build, resolve_algorithm, BuildOptions, CONTENT_FORM};
use crate::encode::{form_urlencode, parse_query, rfc3986};
use crate::error::{Error, ErrorKind, Result};
use crate::http::HttpRequest;
use crate::sign::{Algorithm, Signer, SigningTrace};
use crate::spec::ApiSpec;
use crate::validate::{validate_call, Violation};
use crate::wire::{Credentials, Text, WireInput};

/// One API call as a caller describes it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(deny_unknown_fields)]
pub struct Call {
    /// `{product}/{version}/{action}`, e.g. `hai/2023-08-12/RunInstances`.
    pub api: String,
    /// Business parameters, a JSON object.
    #[serde(default)]
    #[cfg_attr(feature = "tsify", tsify(type = "Record<string, unknown>"))]
    pub params: Value,
    #[serde(default)]
    pub region: Option<String>,
    /// A host that overrides the spec's endpoints (`cvm.ap-shanghai.tencentcloudapi.com`), with
    /// `http://` for a local server such as `cloudplay serve` (`http://127.0.0.1:8080`): the
    /// signed request's `scheme` follows it.
    #[serde(default)]
    pub endpoint: Option<String>,
}

impl Call {
    pub fn new(api: impl Into<String>, params: Value) -> Self {
        Call { api: api.into(), params, region: None, endpoint: None }
    }

    pub fn with_region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Parses a call from JSON text; non-JSON and wrong shapes are an `InvalidJson` error.
    pub fn from_json(text: &str) -> Result<Self> {
        crate::json::typed(text).map_err(|e| Error::new(ErrorKind::InvalidJson, e.to_string()))
    }
}

/// How to prepare a call. `timestamp` is required: the core never reads a clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrepareOptions {
    /// Unix seconds.
    pub timestamp: i64,
    /// Required by every algorithm but TC3: a positive integer for Tencent, any string for Alibaba.
    #[serde(default)]
    pub nonce: Option<String>,
    #[serde(default)]
    pub algorithm: Option<Algorithm>,
    #[serde(default)]
    pub method: Option<String>,
    #[serde(default)]
    pub content_type: Option<String>,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub unsigned_payload: bool,
    /// Sign even when validation finds violations (they are returned alongside), so a
    /// deliberately invalid request can be sent to see the vendor's own error.
    #[serde(default)]
    pub allow_invalid: bool,
}

impl PrepareOptions {
    pub fn at(timestamp: i64) -> Self {
        PrepareOptions {
            timestamp,
            nonce: None,
            algorithm: None,
            method: None,
            content_type: None,
            language: None,
            unsigned_payload: false,
            allow_invalid: false,
        }
    }
}

/// A signed request, every intermediate value of its signature, and the violations found
/// (empty unless `allow_invalid` let an invalid call through).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct Prepared {
    /// Every part is present in a signed request, so the type says so (see SignedRequest).
    #[cfg_attr(feature = "tsify", tsify(type = "SignedRequest"))]
    pub request: HttpRequest,
    pub trace: SigningTrace,
    pub violations: Vec<Violation>,
}

/// Validates, builds and signs a call against one spec. In strict mode violations are an
/// [`ErrorKind::Validation`] error carrying all of them.
pub fn prepare_with_spec(
    spec: &ApiSpec,
    call: &Call,
    credentials: &Credentials,
    options: &PrepareOptions,
) -> Result<Prepared> {
    prepare_with_signer(spec, call, credentials, options, &mut Signer::default())
}

/// [`prepare_with_spec`] with a long-lived [`Signer`], for a caller that prepares call after
/// call with one secret (the playground previews every keystroke).
pub fn prepare_with_signer(
    spec: &ApiSpec,
    call: &Call,
    credentials: &Credentials,
    options: &PrepareOptions,
    signer: &mut Signer,
) -> Result<Prepared> {
    if !call.api.is_empty() && !spec.has_id(&call.api) {
        return Err(Error::at(
            ErrorKind::InvalidField,
            "call.api",
            alloc::format!("the call names '{}' but the spec is '{}'", call.api, spec.id()),
        ));
    }
    check_credentials(credentials)?;
    let violations = validate_call(spec, call);
    if !violations.is_empty() && !options.allow_invalid {
        return Err(Error::validation(violations));
    }
    let algorithm = resolve_algorithm(spec, options.algorithm).map_err(in_options)?;
    let build_options = BuildOptions {
        timestamp: options.timestamp,
        nonce: options.nonce.clone(),
        region: call.region.clone(),
        endpoint: call.endpoint.clone(),
        algorithm: Some(algorithm),
        method: options.method.clone(),
        content_type: options.content_type.clone(),
        language: options.language.clone(),
        unsigned_payload: options.unsigned_payload,
        secret_id: Some(credentials.secret_id.clone()),
        token: credentials.token.clone(),
    };
    let mut request = build(spec, &call.params, &build_options).map_err(in_options)?;
    let trace = sign_request(&mut request, algorithm, spec.service(), credentials, options.timestamp, signer)
        .map_err(in_options)?;
    Ok(Prepared { request, trace, violations })
}

/// An error at one of the options or of the call's own fields (`nonce`, `endpoint`, as build
/// and sign name them) under the argument that holds it (`options.nonce`, `call.endpoint`), as
/// prepare's other errors name theirs. Parameter paths (`SystemDisk.DiskSize`) stay as the
/// violations give them.
fn in_options(mut e: Error) -> Error {
    const OPTIONS: [&str; 7] =
        ["timestamp", "nonce", "algorithm", "method", "content_type", "language", "unsigned_payload"];
    if let Some(path) = e.path.as_mut() {
        if OPTIONS.contains(&path.as_str()) {
            path.insert_str(0, "options.");
        } else if path == "endpoint" || path == "region" {
            path.insert_str(0, "call.");
        }
    }
    e
}

fn check_credentials(c: &Credentials) -> Result<()> {
    if c.secret_id.is_empty() {
        return Err(Error::at(ErrorKind::InvalidField, "credentials.secret_id", "must not be empty").zh("不能为空。"));
    }
    if c.secret_key.is_empty() {
        return Err(Error::at(ErrorKind::InvalidField, "credentials.secret_key", "must not be empty").zh("不能为空。"));
    }
    let fields = [("credentials.secret_id", Some(&c.secret_id)), ("credentials.secret_key", Some(&c.secret_key))];
    for (path, value) in fields.into_iter().chain([("credentials.token", c.token.as_ref())]) {
        if let Some((why, why_zh)) = value.and_then(|v| credential_flaw(v)) {
            return Err(Error::at(ErrorKind::InvalidField, path, why).zh(why_zh));
        }
    }
    // The key pasted into both fields would go out in clear as the id.
    if c.secret_id == c.secret_key {
        return Err(Error::at(
            ErrorKind::InvalidField,
            "credentials.secret_id",
            "is the same as secret_key: the id is sent in clear with every request, so the key would be too; give the access key id",
        )
        .zh("与 SecretKey 相同：SecretId 随每个请求明文发出，SecretKey 也会随之泄露。请在此填写 SecretId / AccessKeyId。"));
    }
    // Swapped, the secret would go out as the id in the Authorization header or the query, and
    // into every log on the way; a random secret begins so only once in millions.
    const ID_PREFIXES: [&str; 3] = ["AKID", "LTAI", "STS."];
    if ID_PREFIXES.iter().any(|p| c.secret_key.starts_with(p))
        && !ID_PREFIXES.iter().any(|p| c.secret_id.starts_with(p))
    {
        return Err(Error::at(
            ErrorKind::InvalidField,
            "credentials.secret_key",
            "begins as an access key id does (AKID…, LTAI…, STS.…): are secret_id and secret_key swapped?",
        )
        .zh("以密钥 ID 的前缀（AKID…、LTAI…、STS.…）开头：是否把 SecretId 和 SecretKey 填反了？"));
    }
    Ok(())
}

/// What is wrong with a credential's text, said without quoting it. Keys and tokens are
/// printable ASCII without spaces: a line break (a key read from a file, a token pasted with
/// its newline) would be signed, fail only at the server as a wrong signature, or, in the
/// token's header, be refused by fetch as a network error.
fn credential_flaw(value: &str) -> Option<(&'static str, &'static str)> {
    let bytes = value.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_whitespace) || bytes.last().is_some_and(u8::is_ascii_whitespace) {
        return Some((
            "begins or ends with a space or a line break (copied with the text around it?): remove it",
            "开头或结尾有空格或换行（复制时带上了周围的文字？）：请删除。",
        ));
    }
    if bytes.iter().any(|b| b.is_ascii_control()) {
        return Some((
            "holds a control character (a line break or a tab), which no key or token has",
            "含有控制字符（换行或制表符），密钥和 Token 中不会出现此类字符。",
        ));
    }
    if bytes.contains(&b' ') {
        return Some(("holds a space, which no key or token has", "含有空格，密钥和 Token 中不会出现空格。"));
    }
    None
}

/// Signs a built request in place with the wire-level `signer` (which remembers TC3 keys from
/// one call to the next) and returns the trace.
///
/// TC3 signs `content-type;host`, as the official SDKs do. ACS3 signs `host`, `content-type`
/// when present, and every `x-acs-*` header. Tencent v1/legacy and Alibaba RPC sign every
/// parameter in the query and a form body; their `Signature` goes into the body of a Tencent
/// POST, and into the query otherwise. Signing again replaces an earlier signature.
pub fn sign_request(
    request: &mut HttpRequest,
    algorithm: Algorithm,
    service: &str,
    credentials: &Credentials,
    timestamp: i64,
    signer: &mut Signer,
) -> Result<SigningTrace> {
    request.headers.retain(|(n, _)| !n.eq_ignore_ascii_case("authorization"));
    let header_signed = matches!(algorithm, Algorithm::Tc3HmacSha256 | Algorithm::Acs3HmacSha256);
    let form_body = request.header("content-type").is_some_and(|c| c.starts_with(CONTENT_FORM));
    if !header_signed {
        request.query = without_signature(&request.query);
        if form_body {
            request.body = without_signature(&request.body);
        }
    }
    // The input borrows the request; the signature is added once it is done with.
    let trace = {
        let mut input = WireInput::from_request(algorithm, request, credentials);
        input.service = service.into();
        input.timestamp = Some(timestamp);
        if header_signed {
            input.signed_headers = if algorithm == Algorithm::Tc3HmacSha256 {
                vec!["content-type".into(), "host".into()]
            } else {
                let mut names: Vec<String> = request
                    .headers
                    .iter()
                    .map(|(n, _)| n.to_ascii_lowercase())
                    .filter(|n| n == "host" || n == "content-type" || n.starts_with("x-acs-"))
                    .collect();
                if !names.iter().any(|n| n == "host") {
                    names.push("host".into());
                }
                names.sort();
                names.dedup();
                names
            };
        } else {
            input.params = decode_pairs(&request.query, "query")?;
            if form_body {
                input.params.extend(decode_pairs(&request.body, "body")?);
            }
        }
        signer.sign(&input)?
    };
    if let Some(auth) = &trace.authorization {
        request.headers.push(("Authorization".into(), auth.clone()));
    }
    if !header_signed {
        let tencent = algorithm != Algorithm::AcsRpcHmacSha1;
        let encoded = if tencent { form_urlencode(&trace.signature) } else { rfc3986(&trace.signature) };
        let target = if tencent && form_body && request.method.eq_ignore_ascii_case("POST") {
            &mut request.body
        } else {
            &mut request.query
        };
        if !target.is_empty() {
            target.push('&');
        }
        target.push_str("Signature=");
        target.push_str(&encoded);
    }
    Ok(trace)
}

fn decode_pairs(encoded: &str, field: &str) -> Result<Vec<(Text<'static>, Text<'static>)>> {
    let mut out = Vec::new();
    for (k, v) in parse_query(encoded, field)? {
        let utf8 = |b: alloc::borrow::Cow<'_, [u8]>| {
            String::from_utf8(b.into_owned())
                .map_err(|_| Error::at(ErrorKind::InvalidUtf8, field, "a parameter is not UTF-8"))
        };
        out.push((utf8(k)?.into(), utf8(v)?.into()));
    }
    Ok(out)
}

/// The encoded parameters without an earlier `Signature`, so signing twice replaces it.
fn without_signature(encoded: &str) -> String {
    let is_sig = |seg: &str| seg == "Signature" || seg.starts_with("Signature=");
    if !encoded.split('&').any(is_sig) {
        return encoded.into();
    }
    let kept: Vec<&str> = encoded.split('&').filter(|seg| !is_sig(seg)).collect();
    kept.join("&")
}
