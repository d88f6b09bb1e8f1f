//! Building the unsigned wire request for a spec and parameters: common parameters, method,
//! host and path, and the business parameters flattened or serialized by each vendor's rule.
//!
//! | form | where the parameters go | arrays on the wire |
//! | --- | --- | --- |
//! | TC3 GET | query, form-urlencoded; `Content-Type: application/x-www-form-urlencoded` | `Name.0.Field` |
//! | TC3 POST | JSON body (`application/json`), or a form body if asked | — / `Name.0.Field` |
//! | Tencent v1/legacy | everything, common parameters too, in the query (GET) or a form body (POST) | `Name.0.Field` |
//! | Alibaba RPC v1 | everything in the query; business parameters in a form body if asked | `Name.1.Field` |
//! | Alibaba ACS3 | business parameters in the query (or a form body if asked); common ones as `x-acs-*` headers | `Name.1.Field` |
//!
//! Top-level parameters go out in the spec's order, then undeclared ones (only sent when the
//! caller chose to send invalid requests) in the order of the JSON map. A JSON `null` is absent.

use alloc::borrow::ToOwned;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::encode::{ascii_string, push_form_urlencode, push_rfc3986};
use crate::error::{Error, ErrorKind, Result};
use crate::http::HttpRequest;
use crate::number::{int_to_number, parse_decimal};
use crate::sign::Algorithm;
use crate::spec::{ApiSpec, Location, Param, ParamType, MAX_DEPTH};
use crate::time::UtcDateTime;

pub const CONTENT_JSON: &str = "application/json";
pub const CONTENT_FORM: &str = "application/x-www-form-urlencoded";

/// What `build` needs besides the spec and the parameters. Time and nonce are inputs: the core
/// never reads a clock or a random source.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BuildOptions {
    /// Unix seconds.
    pub timestamp: i64,
    /// Tencent legacy/v1: a positive integer (`Nonce`); Alibaba: any string
    /// (`SignatureNonce`, `x-acs-signature-nonce`). Unused by TC3.
    pub nonce: Option<String>,
    pub region: Option<String>,
    /// A host that overrides the spec's endpoints (e.g. a simulator or a regional host).
    pub endpoint: Option<String>,
    /// One of the spec's algorithms; the spec's first when unset. It picks the wire form.
    pub algorithm: Option<Algorithm>,
    /// `GET` or `POST`, one of the spec's methods; the spec's first when unset.
    pub method: Option<String>,
    /// For POST: `application/json` (TC3 only) or `application/x-www-form-urlencoded`.
    pub content_type: Option<String>,
    /// Tencent `zh-CN` or `en-US` (`X-TC-Language` / `Language`). Alibaba has no such common
    /// parameter, so it is not sent there.
    pub language: Option<String>,
    /// TC3: send `X-TC-Content-SHA256: UNSIGNED-PAYLOAD`, leaving the body out of the signature.
    pub unsigned_payload: bool,
    /// Tencent `SecretId` / Alibaba `AccessKeyId`, for the forms that carry it as a parameter.
    pub secret_id: Option<String>,
    /// Session token of temporary credentials.
    pub token: Option<String>,
}

// The session token is a credential: keep it out of logs.
impl fmt::Debug for BuildOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BuildOptions")
            .field("timestamp", &self.timestamp)
            .field("nonce", &self.nonce)
            .field("region", &self.region)
            .field("endpoint", &self.endpoint)
            .field("algorithm", &self.algorithm)
            .field("method", &self.method)
            .field("content_type", &self.content_type)
            .field("language", &self.language)
            .field("unsigned_payload", &self.unsigned_payload)
            .field("secret_id", &self.secret_id)
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// Tencent's common parameters of the v1 and API 2.0 signatures: the ones `build` sets, and
/// `RequestClient`, which qcloudapi-sdk-python adds. Never a business parameter.
pub const TENCENT_COMMON_PARAMS: &[&str] = &[
    "Action",
    "Version",
    "Region",
    "Timestamp",
    "Nonce",
    "SecretId",
    "SignatureMethod",
    "Signature",
    "Token",
    "Language",
    "RequestClient",
];

/// Alibaba's common RPC parameters: the ones `build` sets, and `SignatureType`, which some SDKs
/// add. `RegionId` is not among them: some APIs take it as a business parameter.
pub const ALIBABA_COMMON_PARAMS: &[&str] = &[
    "Action",
    "Format",
    "Version",
    "AccessKeyId",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "SignatureType",
    "Timestamp",
    "SecurityToken",
    "Signature",
];

/// The common parameters of each wire form; a business parameter of the same name would be
/// sent twice, so it is refused.
fn reserved(algorithm: Algorithm) -> &'static [&'static str] {
    match algorithm {
        Algorithm::Tc3HmacSha256 | Algorithm::Acs3HmacSha256 => &[],
        Algorithm::TcHmacSha1 | Algorithm::TcHmacSha256 => TENCENT_COMMON_PARAMS,
        Algorithm::AcsRpcHmacSha1 => ALIBABA_COMMON_PARAMS,
    }
}

/// Builds the unsigned request. Parameters are not validated here (see `validate`); only what
/// makes a request impossible to build is an error: a method, algorithm or content type the API
/// does not offer, a missing nonce, a parameter that collides with a common one, nesting deeper
/// than [`MAX_DEPTH`].
pub fn build(spec: &ApiSpec, params: &Value, options: &BuildOptions) -> Result<HttpRequest> {
    let algorithm = resolve_algorithm(spec, options.algorithm)?;
    let method = resolve_method(spec, options.method.as_deref())?;
    let content_type = resolve_content_type(spec, algorithm, &method, options.content_type.as_deref())?;
    let host = resolve_host(spec, options.region.as_deref(), options.endpoint.as_deref())?;
    let datetime = UtcDateTime::from_unix(options.timestamp)?;
    if let Some(lang) = &options.language {
        if spec.style.is_tencent() && lang != "zh-CN" && lang != "en-US" {
            return Err(Error::at(ErrorKind::InvalidField, "language", format!("'{lang}' is not zh-CN or en-US")));
        }
    }
    if options.unsigned_payload && algorithm != Algorithm::Tc3HmacSha256 {
        return Err(Error::at(
            ErrorKind::Unsupported,
            "unsigned_payload",
            format!("only TC3-HMAC-SHA256 has an unsigned payload, not {algorithm}"),
        ));
    }
    let empty = Map::new();
    let map = match params {
        Value::Object(m) => m,
        Value::Null => &empty,
        _ => return Err(Error::at(ErrorKind::InvalidField, "params", "the parameters must be a JSON object")),
    };
    let entries = ordered(Some(&spec.params), map);
    for e in &entries {
        if reserved(algorithm).contains(&e.name) {
            return Err(Error::at(
                ErrorKind::InvalidField,
                e.name,
                format!("'{}' is a common parameter that build sets itself; remove it from the parameters", e.name),
            ));
        }
    }

    let scheme = options.endpoint.as_deref().and_then(|e| endpoint_parts(e).0).unwrap_or("https");
    let mut req = HttpRequest {
        method: method.clone(),
        scheme: scheme.into(),
        host: host.clone(),
        path: spec.endpoints.path.clone(),
        ..HttpRequest::default()
    };
    match algorithm {
        Algorithm::Tc3HmacSha256 => {
            let ct = content_type.unwrap_or(CONTENT_FORM);
            if method == "GET" || ct == CONTENT_FORM {
                let pairs = flatten_all(spec, &entries, 0)?;
                let encoded = encode_pairs(&pairs, push_form_urlencode);
                if method == "GET" {
                    req.query = encoded;
                } else {
                    req.body = encoded;
                }
            } else {
                req.body = json_body(spec, &entries)?;
            }
            req.headers.push(("Content-Type".into(), ct.into()));
            req.headers.push(("Host".into(), host));
            req.headers.push(("X-TC-Action".into(), spec.action.clone()));
            req.headers.push(("X-TC-Timestamp".into(), options.timestamp.to_string()));
            req.headers.push(("X-TC-Version".into(), spec.version.clone()));
            if let Some(region) = options.region.as_deref().filter(|r| !r.is_empty()) {
                req.headers.push(("X-TC-Region".into(), region.into()));
            }
            if let Some(token) = options.token.as_deref().filter(|t| !t.is_empty()) {
                req.headers.push(("X-TC-Token".into(), token.into()));
            }
            if options.unsigned_payload {
                req.headers.push(("X-TC-Content-SHA256".into(), "UNSIGNED-PAYLOAD".into()));
            }
            if let Some(lang) = &options.language {
                req.headers.push(("X-TC-Language".into(), lang.clone()));
            }
        }
        Algorithm::TcHmacSha1 | Algorithm::TcHmacSha256 => {
            let nonce = options.nonce.as_deref().ok_or_else(|| missing_nonce(algorithm))?;
            if nonce.is_empty() || !nonce.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Error::at(ErrorKind::InvalidField, "nonce", "a Tencent Nonce is a positive integer"));
            }
            let mut pairs = flatten_all(spec, &entries, 0)?;
            pairs.push(("Action".into(), spec.action.clone()));
            if let Some(region) = options.region.as_deref().filter(|r| !r.is_empty()) {
                pairs.push(("Region".into(), region.into()));
            }
            pairs.push(("Version".into(), spec.version.clone()));
            pairs.push(("Timestamp".into(), options.timestamp.to_string()));
            pairs.push(("Nonce".into(), nonce.into()));
            if let Some(id) = &options.secret_id {
                pairs.push(("SecretId".into(), id.clone()));
            }
            let sm = if algorithm == Algorithm::TcHmacSha256 { "HmacSHA256" } else { "HmacSHA1" };
            pairs.push(("SignatureMethod".into(), sm.into()));
            if let Some(token) = options.token.as_deref().filter(|t| !t.is_empty()) {
                pairs.push(("Token".into(), token.into()));
            }
            if let Some(lang) = &options.language {
                pairs.push(("Language".into(), lang.clone()));
            }
            let encoded = encode_pairs(&pairs, push_form_urlencode);
            if method == "GET" {
                req.query = encoded;
            } else {
                req.body = encoded;
                req.headers.push(("Content-Type".into(), CONTENT_FORM.into()));
            }
        }
        Algorithm::AcsRpcHmacSha1 | Algorithm::Acs3HmacSha256 => {
            let nonce = options.nonce.as_deref().filter(|n| !n.is_empty()).ok_or_else(|| missing_nonce(algorithm))?;
            let iso = datetime.iso8601();
            let (mut query, mut body, headers) = alibaba_parts(spec, &entries, &method, content_type)?;
            if algorithm == Algorithm::AcsRpcHmacSha1 {
                let mut common: Vec<(String, String)> = Vec::with_capacity(10);
                common.push(("Action".into(), spec.action.clone()));
                common.push(("Format".into(), "JSON".into()));
                common.push(("Version".into(), spec.version.clone()));
                if let Some(id) = &options.secret_id {
                    common.push(("AccessKeyId".into(), id.clone()));
                }
                common.push(("SignatureMethod".into(), "HMAC-SHA1".into()));
                common.push(("SignatureVersion".into(), "1.0".into()));
                common.push(("SignatureNonce".into(), nonce.into()));
                common.push(("Timestamp".into(), iso));
                if let Some(token) = options.token.as_deref().filter(|t| !t.is_empty()) {
                    common.push(("SecurityToken".into(), token.into()));
                }
                common.append(&mut query);
                query = common;
                req.headers.extend(headers);
                if !body.is_empty() {
                    req.headers.push(("Content-Type".into(), CONTENT_FORM.into()));
                }
            } else {
                let form = !body.is_empty();
                let body_text = encode_pairs(&core::mem::take(&mut body), push_rfc3986);
                req.headers.push(("host".into(), host));
                req.headers.push(("x-acs-action".into(), spec.action.clone()));
                req.headers.push(("x-acs-version".into(), spec.version.clone()));
                req.headers.push(("x-acs-date".into(), iso));
                req.headers.push(("x-acs-signature-nonce".into(), nonce.into()));
                req.headers.push(("x-acs-content-sha256".into(), crate::crypto::sha256_hex(body_text.as_bytes())));
                if let Some(token) = options.token.as_deref().filter(|t| !t.is_empty()) {
                    req.headers.push(("x-acs-security-token".into(), token.into()));
                }
                if form {
                    req.headers.push(("content-type".into(), CONTENT_FORM.into()));
                }
                req.headers.extend(headers);
                req.body = body_text;
            }
            req.query = encode_pairs(&query, push_rfc3986);
            if !body.is_empty() {
                req.body = encode_pairs(&body, push_rfc3986);
            }
        }
    }
    Ok(req)
}

fn missing_nonce(algorithm: Algorithm) -> Error {
    Error::at(ErrorKind::MissingField, "nonce", format!("{algorithm} needs a nonce; the core never makes one up"))
}

/// The algorithm to use: the one asked for if the spec lists it, else the spec's first.
pub fn resolve_algorithm(spec: &ApiSpec, asked: Option<Algorithm>) -> Result<Algorithm> {
    match asked {
        None => spec
            .algorithms
            .first()
            .copied()
            .ok_or_else(|| Error::at(ErrorKind::InvalidSpec, "algorithms", "the spec lists no signing algorithm")),
        Some(a) if spec.algorithms.contains(&a) => Ok(a),
        Some(a) => Err(Error::at(
            ErrorKind::Unsupported,
            "algorithm",
            format!("{} does not take {a}; it takes {}", spec.id(), list(spec.algorithms.iter())),
        )),
    }
}

/// The method to use: the one asked for (any case) if the spec lists it, else the spec's first.
pub fn resolve_method(spec: &ApiSpec, asked: Option<&str>) -> Result<String> {
    match asked {
        None => spec
            .methods
            .first()
            .cloned()
            .ok_or_else(|| Error::at(ErrorKind::InvalidSpec, "methods", "the spec lists no HTTP method")),
        Some(m) => {
            let upper = m.to_ascii_uppercase();
            if spec.methods.contains(&upper) {
                Ok(upper)
            } else {
                Err(Error::at(
                    ErrorKind::Unsupported,
                    "method",
                    format!("{} does not take {m}; it takes {}", spec.id(), spec.methods.join(", ")),
                ))
            }
        }
    }
}

fn resolve_content_type(
    spec: &ApiSpec,
    algorithm: Algorithm,
    method: &str,
    asked: Option<&str>,
) -> Result<Option<&'static str>> {
    let asked = match asked {
        None | Some("") => None,
        Some(ct) if ct.eq_ignore_ascii_case(CONTENT_JSON) => Some(CONTENT_JSON),
        Some(ct) if ct.eq_ignore_ascii_case(CONTENT_FORM) => Some(CONTENT_FORM),
        Some(ct) => {
            return Err(Error::at(
                ErrorKind::Unsupported,
                "content_type",
                format!("'{ct}' is not {CONTENT_JSON} or {CONTENT_FORM}"),
            ))
        }
    };
    if method == "GET" {
        return match asked {
            None => Ok(None),
            Some(_) => Err(Error::at(ErrorKind::Unsupported, "content_type", "a GET request has no body")),
        };
    }
    let offered = |ct: &str| spec.content_types.is_empty() || spec.content_types.iter().any(|c| c == ct);
    let chosen = match (algorithm, asked) {
        (Algorithm::Tc3HmacSha256, None) => Some(spec.content_types.first().map_or(CONTENT_JSON, |c| {
            if c == CONTENT_FORM {
                CONTENT_FORM
            } else {
                CONTENT_JSON
            }
        })),
        (Algorithm::TcHmacSha1 | Algorithm::TcHmacSha256, None | Some(CONTENT_FORM)) => return Ok(Some(CONTENT_FORM)),
        (Algorithm::AcsRpcHmacSha1 | Algorithm::Acs3HmacSha256, None) => return Ok(None),
        (Algorithm::Tc3HmacSha256, Some(ct)) => Some(ct),
        (Algorithm::AcsRpcHmacSha1 | Algorithm::Acs3HmacSha256, Some(CONTENT_FORM)) => Some(CONTENT_FORM),
        (_, Some(ct)) => {
            return Err(Error::at(
                ErrorKind::Unsupported,
                "content_type",
                format!("{algorithm} requests cannot carry {ct}"),
            ))
        }
    };
    match chosen {
        Some(ct) if !offered(ct) => Err(Error::at(
            ErrorKind::Unsupported,
            "content_type",
            format!("{} does not take {ct}; it takes {}", spec.id(), spec.content_types.join(", ")),
        )),
        other => Ok(other),
    }
}

/// The host for a call: an explicit endpoint, else the region's host, else the region pattern,
/// else the default.
/// An endpoint's scheme, when it is written with one (`http://127.0.0.1:8080`, for a local
/// server such as `cloudplay serve`), and its host.
pub fn endpoint_parts(endpoint: &str) -> (Option<&'static str>, &str) {
    for scheme in ["http", "https"] {
        // By bytes: a character of several bytes across the scheme's end must not split a slice.
        let prefix_len = scheme.len() + 3;
        let prefix = endpoint.as_bytes().get(..prefix_len);
        if endpoint.len() > prefix_len
            && prefix.is_some_and(|p| {
                p[..scheme.len()].eq_ignore_ascii_case(scheme.as_bytes()) && &p[scheme.len()..] == b"://"
            })
        {
            // The prefix is ASCII, so this is a character boundary.
            return (Some(scheme), endpoint.get(prefix_len..).unwrap_or("").trim_end_matches('/'));
        }
    }
    (None, endpoint)
}

/// `name[:port]` or `[ipv6][:port]`, the port from 1 to 65535.
fn is_host_and_port(text: &str) -> bool {
    // The port follows the last ':' after the name, or after an IPv6 literal's ']'.
    let (host, port) = match text.rfind(':').filter(|&i| !text.starts_with('[') || text[..i].ends_with(']')) {
        Some(i) => (&text[..i], Some(&text[i + 1..])),
        None => (text, None),
    };
    let host_ok = match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        Some(v6) => !v6.is_empty() && v6.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.'),
        None => {
            !host.is_empty()
                && host.len() <= 253
                && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        }
    };
    let port_ok = port.map_or(true, |p| {
        p.len() <= 5
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| (1..=65535).contains(&n))
    });
    host_ok && port_ok
}

pub fn resolve_host(spec: &ApiSpec, region: Option<&str>, endpoint: Option<&str>) -> Result<String> {
    if let Some(ep) = endpoint.filter(|e| !e.is_empty()) {
        let (_, host) = endpoint_parts(ep);
        if !is_host_and_port(host) {
            let ep = crate::validate::show_str(ep);
            return Err(Error::at(
                ErrorKind::InvalidField,
                "endpoint",
                format!("'{ep}' is not a host name (give the host, with http:// or https:// if you like, and no path)"),
            )
            .zh(format!("'{ep}' 不是主机名（请给出主机名，可带 http:// 或 https://，不要带路径）。")));
        }
        return Ok(host.to_owned());
    }
    if let Some(region) = region.filter(|r| !r.is_empty()) {
        if let Some(host) = spec.endpoints.regions.get(region) {
            return Ok(host.clone());
        }
        if let Some(pattern) = &spec.endpoints.pattern {
            if !crate::validate::is_region_id(region) {
                return Err(Error::at(ErrorKind::InvalidField, "region", format!("'{region}' is not a region id")));
            }
            return Ok(pattern.replace("{region}", region));
        }
    }
    Ok(spec.endpoints.default.clone())
}

fn list<T: fmt::Display>(items: impl Iterator<Item = T>) -> String {
    let v: Vec<String> = items.map(|i| i.to_string()).collect();
    v.join(", ")
}

/// One parameter to send: its name, its value and its declaration if it has one.
pub(crate) struct Entry<'a> {
    pub name: &'a str,
    pub value: &'a Value,
    pub param: Option<&'a Param>,
}

/// Declared fields in declaration order (a required field's default standing in when absent),
/// then undeclared keys in map order. Nulls are left out.
pub(crate) fn ordered<'a>(fields: Option<&'a [Param]>, map: &'a Map<String, Value>) -> Vec<Entry<'a>> {
    let mut out = Vec::with_capacity(map.len());
    let fields = fields.unwrap_or(&[]);
    for f in fields {
        match map.get(&f.name) {
            Some(v) if !v.is_null() => out.push(Entry { name: &f.name, value: v, param: Some(f) }),
            _ => {
                if let (true, Some(d)) = (f.required, &f.default) {
                    out.push(Entry { name: &f.name, value: d, param: Some(f) });
                }
            }
        }
    }
    for (k, v) in map {
        if !v.is_null() && !fields.iter().any(|f| f.name == *k) {
            out.push(Entry { name: k, value: v, param: None });
        }
    }
    out
}

fn flatten_all(spec: &ApiSpec, entries: &[Entry<'_>], base: usize) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for e in entries {
        flatten(spec, e.name.into(), e.param, e.value, base, 0, &mut out)?;
    }
    Ok(out)
}

/// `Name.Field`, `Name.{i+base}.Field`: nested values as dotted name/value pairs.
pub(crate) fn flatten(
    spec: &ApiSpec,
    prefix: String,
    param: Option<&Param>,
    value: &Value,
    base: usize,
    depth: usize,
    out: &mut Vec<(String, String)>,
) -> Result<()> {
    if depth > MAX_DEPTH {
        return Err(too_deep(&prefix));
    }
    match value {
        Value::Null => {}
        Value::Object(map) => {
            let fields = param.filter(|p| p.ty == ParamType::Object).and_then(|p| spec.fields_of(p));
            for e in ordered(fields, map) {
                flatten(spec, dotted(&prefix, e.name), e.param, e.value, base, depth + 1, out)?;
            }
        }
        Value::Array(items) => {
            let item = param.filter(|p| p.ty == ParamType::Array).and_then(|p| p.items.as_deref());
            for (i, v) in items.iter().enumerate() {
                let mut digits = [0; 20];
                let index = cloudplay_sign::text::decimal((i + base) as i64, &mut digits);
                flatten(spec, dotted(&prefix, index), item, v, base, depth + 1, out)?;
            }
        }
        Value::String(s) => out.push((prefix, s.clone())),
        Value::Bool(b) => out.push((prefix, if *b { "true" } else { "false" }.into())),
        Value::Number(n) => out.push((prefix, n.to_string())),
    }
    Ok(())
}

/// `prefix.name`, in one allocation: flattening makes one per nested value.
fn dotted(prefix: &str, name: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + 1 + name.len());
    out.push_str(prefix);
    out.push('.');
    out.push_str(name);
    out
}

fn too_deep(path: &str) -> Error {
    Error::at(ErrorKind::InvalidField, path, format!("the value nests deeper than {MAX_DEPTH} levels"))
}

/// `name=value&…`, each encoded by `push` straight into the text (no string per pair).
fn encode_pairs(pairs: &[(String, String)], push: fn(&mut Vec<u8>, &[u8])) -> String {
    let mut out = Vec::with_capacity(pairs.iter().map(|(k, v)| k.len() + v.len() + 2).sum());
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push(b'&');
        }
        push(&mut out, k.as_bytes());
        out.push(b'=');
        push(&mut out, v.as_bytes());
    }
    ascii_string(out)
}

/// Alibaba business parameters split by location: (query, form body, headers). Body parameters
/// only go in the body of a POST; a form content type moves every query parameter there too.
#[allow(clippy::type_complexity)]
fn alibaba_parts(
    spec: &ApiSpec,
    entries: &[Entry<'_>],
    method: &str,
    content_type: Option<&str>,
) -> Result<(Vec<(String, String)>, Vec<(String, String)>, Vec<(String, String)>)> {
    let (mut query, mut body, mut headers) = (Vec::new(), Vec::new(), Vec::new());
    let form = method == "POST" && content_type == Some(CONTENT_FORM);
    for e in entries {
        let location = e.param.and_then(|p| p.location);
        let target = match location {
            Some(Location::Header) => &mut headers,
            Some(Location::Body) if method == "POST" => &mut body,
            _ if form => &mut body,
            _ => &mut query,
        };
        flatten(spec, e.name.into(), e.param, e.value, 1, 0, target)?;
    }
    Ok((query, body, headers))
}

/// The TC3 JSON body: declared fields in spec order, integers given as decimal strings turned
/// into JSON numbers, everything else as given.
fn json_body(spec: &ApiSpec, entries: &[Entry<'_>]) -> Result<String> {
    let mut members = Vec::with_capacity(entries.len());
    for e in entries {
        members.push((e.name, to_json(spec, e.param, e.value, 1)?));
    }
    serde_json::to_string(&Json::Object(members)).map_err(|e| Error::new(ErrorKind::InvalidField, e.to_string()))
}

/// A JSON value whose object members keep the order we give them (serde_json's own map sorts).
enum Json<'a> {
    Borrowed(&'a Value),
    Owned(Value),
    Object(Vec<(&'a str, Json<'a>)>),
    Array(Vec<Json<'a>>),
}

impl Serialize for Json<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        match self {
            Json::Borrowed(v) => v.serialize(s),
            Json::Owned(v) => v.serialize(s),
            Json::Object(members) => {
                let mut map = s.serialize_map(Some(members.len()))?;
                for (k, v) in members {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
            Json::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for v in items {
                    seq.serialize_element(v)?;
                }
                seq.end()
            }
        }
    }
}

fn to_json<'a>(spec: &'a ApiSpec, param: Option<&'a Param>, value: &'a Value, depth: usize) -> Result<Json<'a>> {
    if depth > MAX_DEPTH {
        return Err(too_deep(param.map_or("", |p| p.name.as_str())));
    }
    let Some(p) = param else { return verbatim(value, depth) };
    Ok(match (p.ty, value) {
        (ParamType::Object, Value::Object(map)) => match spec.fields_of(p) {
            None => verbatim(value, depth)?,
            Some(fields) => {
                let mut members = Vec::with_capacity(map.len());
                for e in ordered(Some(fields), map) {
                    members.push((e.name, to_json(spec, e.param, e.value, depth + 1)?));
                }
                Json::Object(members)
            }
        },
        (ParamType::Array, Value::Array(items)) => {
            let mut out = Vec::with_capacity(items.len());
            for v in items {
                out.push(to_json(spec, p.items.as_deref(), v, depth + 1)?);
            }
            Json::Array(out)
        }
        (ParamType::Int64 | ParamType::Uint64, Value::String(s)) => {
            match parse_decimal(s).ok().and_then(int_to_number) {
                Some(n) => Json::Owned(Value::Number(n)),
                // Not an integer that fits: sent as given (only reachable when invalid requests are allowed).
                None => Json::Borrowed(value),
            }
        }
        _ => verbatim(value, depth)?,
    })
}

/// A value sent as given (undeclared, or an open object), still held to the nesting limit.
fn verbatim(value: &Value, depth: usize) -> Result<Json<'_>> {
    if nested_deeper_than(value, MAX_DEPTH.saturating_sub(depth)) {
        return Err(too_deep(""));
    }
    Ok(Json::Borrowed(value))
}

/// Whether containers nest more than `limit` levels; looks no deeper than `limit`.
fn nested_deeper_than(v: &Value, limit: usize) -> bool {
    match v {
        Value::Object(m) => limit == 0 || m.values().any(|c| nested_deeper_than(c, limit - 1)),
        Value::Array(a) => limit == 0 || a.iter().any(|c| nested_deeper_than(c, limit - 1)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endpoint_may_name_its_scheme() {
        assert_eq!(endpoint_parts("http://127.0.0.1:8080"), (Some("http"), "127.0.0.1:8080"));
        assert_eq!(endpoint_parts("HTTPS://ms.tencentcloudapi.com/"), (Some("https"), "ms.tencentcloudapi.com"));
        assert_eq!(endpoint_parts("127.0.0.1:8080"), (None, "127.0.0.1:8080"));
        assert_eq!(endpoint_parts("http://"), (None, "http://"));
        // A character of several bytes where the scheme would end is no scheme, and no panic.
        for odd in ["ab€defghij", "htt€://x", "http€//x", "https:/€x", "€"] {
            assert_eq!(endpoint_parts(odd), (None, odd));
        }
        let catalog = crate::Catalog::builtin().unwrap();
        let spec = catalog.get("hai/2023-08-12/RunInstances").unwrap();
        assert_eq!(resolve_host(spec, None, Some("http://127.0.0.1:8080")).unwrap(), "127.0.0.1:8080");
        assert_eq!(resolve_host(spec, None, Some("http://[::1]:8080")).unwrap(), "[::1]:8080");
        for bad in [
            "http://127.0.0.1:8080/path",
            "ftp://x",
            "http://",
            "a b",
            "http://127.0.0.1:99999",
            "h:0",
            "h:",
            "[::1",
            "[x]:80",
            "a:b:c",
        ] {
            let e = resolve_host(spec, None, Some(bad)).unwrap_err();
            assert_eq!(e.path.as_deref(), Some("endpoint"), "{bad}");
        }
    }
}
