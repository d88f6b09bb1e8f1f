//! Server-side verification: re-derive a received request's signature with the same signers,
//! following the request's own choices (its SignedHeaders, the parameters it sent), and say
//! why it is refused in terms each vendor uses.
//!
//! Checks run in the order the vendors' gateways report them: a readable signature, the
//! required signing fields, a known key, the clock window, the signature, the session token.
//! Replay (a reused nonce) needs memory, so it is left to the caller: [`Verified::nonce`].

use alloc::borrow::ToOwned;
use alloc::boxed::Box;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use crate::encode::query_pairs_lossy;
use crate::http::HttpRequest;
use crate::sign::{sign_wire, Algorithm, SigningTrace};
pub use crate::slips::Slip;
use crate::time::UtcDateTime;
use crate::wire::{Credentials, Text, WireInput};

/// Tencent Cloud rejects a signature more than five minutes from its clock (API 3.0 and 2.0).
pub const TENCENT_WINDOW_SECS: i64 = 300;
/// Alibaba Cloud accepts a timestamp up to fifteen minutes off.
pub const ALIBABA_WINDOW_SECS: i64 = 900;

/// Whose rules and error vocabulary apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Tencent3,
    TencentLegacy,
    Alibaba,
}

impl Family {
    pub fn of(algorithm: Algorithm) -> Self {
        match algorithm {
            Algorithm::Tc3HmacSha256 => Family::Tencent3,
            Algorithm::TcHmacSha1 | Algorithm::TcHmacSha256 => Family::TencentLegacy,
            Algorithm::AcsRpcHmacSha1 | Algorithm::Acs3HmacSha256 => Family::Alibaba,
        }
    }

    /// A best guess for a request whose signature could not even be recognised.
    pub fn guess(req: &HttpRequest) -> Self {
        let host = req.header("host").unwrap_or(&req.host);
        if host.contains("aliyuncs.com")
            || req.headers.iter().any(|(n, _)| n.to_ascii_lowercase().starts_with("x-acs-"))
        {
            Family::Alibaba
        } else if host.contains("api.qcloud.com") || req.path.starts_with("/v2/") {
            Family::TencentLegacy
        } else {
            Family::Tencent3
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// Neither an Authorization header nor a Signature parameter.
    MissingSignature,
    /// An Authorization header that does not follow the scheme's form.
    MalformedAuthorization,
    /// A field the signature needs (timestamp, nonce, key id, action, version) is absent.
    MissingParameter,
    /// A timestamp that is not in the scheme's format.
    InvalidTimestamp,
    UnknownSecretId,
    Expired,
    SignatureMismatch,
    TokenMismatch,
}

/// Why a request was refused, with the server's own trace when a signature was recomputed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub family: Family,
    pub algorithm: Option<Algorithm>,
    pub failure: Failure,
    /// The parameter or header concerned, if one is.
    pub field: Option<String>,
    pub message: String,
    /// The message in Chinese, for a page in Chinese (and a Tencent request asking for zh-CN).
    pub message_zh: String,
    /// What the server computed (canonical request, string to sign, signature).
    pub expected: Option<Box<SigningTrace>>,
    /// For a signature that does not match, the signing slip it shows, when it shows one for
    /// certain (the message says it too).
    pub slip: Option<Slip>,
}

impl Refusal {
    /// The error code the vendor's gateway answers with.
    pub fn vendor_code(&self) -> &'static str {
        use Failure::*;
        match (self.family, self.failure) {
            (Family::Tencent3, MissingSignature | MalformedAuthorization) => "AuthFailure.InvalidAuthorization",
            (Family::Tencent3, MissingParameter) => "MissingParameter",
            (Family::Tencent3, InvalidTimestamp) => "InvalidParameterValue",
            (Family::Tencent3, UnknownSecretId) => "AuthFailure.SecretIdNotFound",
            (Family::Tencent3, Expired) => "AuthFailure.SignatureExpire",
            (Family::Tencent3, SignatureMismatch) => "AuthFailure.SignatureFailure",
            (Family::Tencent3, TokenMismatch) => "AuthFailure.TokenFailure",
            // API 2.0's common codes: 4000 parameter error, 4100 authentication failed,
            // 4500 replay refused (a reused Nonce or a Timestamp five minutes off).
            (Family::TencentLegacy, MissingParameter | InvalidTimestamp) => "4000",
            (Family::TencentLegacy, Expired) => "4500",
            (Family::TencentLegacy, _) => "4100",
            (Family::Alibaba, MissingSignature | MalformedAuthorization) => "IncompleteSignature",
            (Family::Alibaba, MissingParameter) => "MissingParameter",
            (Family::Alibaba, InvalidTimestamp) => "InvalidTimeStamp.Format",
            (Family::Alibaba, UnknownSecretId) => "InvalidAccessKeyId.NotFound",
            (Family::Alibaba, Expired) => "InvalidTimeStamp.Expired",
            (Family::Alibaba, SignatureMismatch) => "SignatureDoesNotMatch",
            (Family::Alibaba, TokenMismatch) => "InvalidSecurityToken.MismatchWithAccessKey",
        }
    }

    /// The server's string to sign, when a signature was recomputed.
    pub fn string_to_sign(&self) -> Option<&str> {
        self.expected.as_ref().map(|t| t.string_to_sign.as_str())
    }
}

/// A request whose signature checks out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub algorithm: Algorithm,
    pub secret_id: String,
    /// Unix seconds the request was signed at.
    pub timestamp: i64,
    /// The one-time value the caller must not accept twice (absent for TC3, which has none).
    pub nonce: Option<String>,
    pub trace: SigningTrace,
}

/// Verifies `req` against the keys `lookup` knows, at time `now` (unix seconds).
pub fn verify<'k>(
    req: &HttpRequest,
    lookup: impl Fn(&str) -> Option<&'k Credentials>,
    now: i64,
) -> Result<Verified, Refusal> {
    let auth = req.header("authorization").map(str::trim).unwrap_or("");
    if auth.starts_with("TC3-HMAC-SHA256") {
        verify_tc3(req, auth, &lookup, now)
    } else if auth.starts_with("ACS3-HMAC-SHA256") {
        verify_acs3(req, auth, &lookup, now)
    } else {
        let params = request_params(req);
        if params.iter().any(|(n, _)| n == "AccessKeyId") {
            verify_rpc(req, params, &lookup, now)
        } else if params.iter().any(|(n, _)| n == "SecretId") {
            verify_legacy(req, params, &lookup, now)
        } else if !auth.is_empty() {
            let family = Family::guess(req);
            let scheme = auth.split(' ').next().unwrap_or("");
            Err(refuse(family, None, Failure::MalformedAuthorization, Some("Authorization"),
                format!("the Authorization scheme '{scheme}' is not one this endpoint accepts (TC3-HMAC-SHA256 or ACS3-HMAC-SHA256)"),
                format!("此接口不接受 Authorization 的签名方法 '{scheme}'（应为 TC3-HMAC-SHA256 或 ACS3-HMAC-SHA256）。")))
        } else {
            let family = Family::guess(req);
            Err(refuse(family, None, Failure::MissingSignature, None,
                "the request carries no signature: neither an Authorization header nor SecretId/AccessKeyId and Signature parameters".into(),
                "请求没有签名：既没有 Authorization 头，也没有 SecretId/AccessKeyId 与 Signature 参数。".into()))
        }
    }
}

fn refuse(
    family: Family,
    algorithm: Option<Algorithm>,
    failure: Failure,
    field: Option<&str>,
    message: String,
    message_zh: String,
) -> Refusal {
    Refusal {
        family,
        algorithm,
        failure,
        field: field.map(ToOwned::to_owned),
        message,
        message_zh,
        expected: None,
        slip: None,
    }
}

/// Query parameters plus, for a form body, the body's: both are signed by the parameter schemes.
pub(crate) fn request_params(req: &HttpRequest) -> Vec<(String, String)> {
    let mut out = query_pairs_lossy(&req.query);
    let form = req
        .header("content-type")
        .is_some_and(|ct| ct.trim_start().to_ascii_lowercase().starts_with("application/x-www-form-urlencoded"));
    if form && !req.body.is_empty() {
        out.extend(query_pairs_lossy(&req.body));
    }
    out
}

/// The parameters when a name is both in the query and in the form body, with the body's value
/// only: aliyun-python-sdk-core (`sign_params.update(body_params)`) and alibabacloud-tea-openapi
/// (`merge(query, body)`) send both and sign that. `None` when no name is in both.
fn body_overrides_query(req: &HttpRequest) -> Option<Vec<(String, String)>> {
    let all = request_params(req);
    let query_len = query_pairs_lossy(&req.query).len();
    let (query, body) = all.split_at(query_len.min(all.len()));
    if !body.iter().any(|(n, _)| query.iter().any(|(q, _)| q == n)) {
        return None;
    }
    let mut merged: Vec<(String, String)> =
        query.iter().filter(|(q, _)| !body.iter().any(|(n, _)| n == q)).cloned().collect();
    merged.extend_from_slice(body);
    Some(merged)
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

/// `k=v` items of an Authorization header after its scheme, separated by commas.
fn auth_items(auth: &str) -> Vec<(&str, &str)> {
    let rest = auth.split_once(' ').map_or("", |(_, r)| r);
    rest.split(',').filter_map(|item| item.trim().split_once('=')).map(|(k, v)| (k.trim(), v.trim())).collect()
}

fn auth_item<'a>(items: &[(&'a str, &'a str)], key: &str) -> Option<&'a str> {
    items.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

fn check_window(family: Family, alg: Algorithm, ts: i64, now: i64, field: &str) -> Result<(), Refusal> {
    let window = if family == Family::Alibaba { ALIBABA_WINDOW_SECS } else { TENCENT_WINDOW_SECS };
    let skew = now.saturating_sub(ts);
    if skew.unsigned_abs() > window.unsigned_abs() {
        let (when, when_zh) = if skew > 0 { ("old", "早") } else { ("in the future", "晚") };
        let off = skew.unsigned_abs();
        // Date.now() where seconds belong is the usual way to be this far off.
        if (ts / 1000).saturating_sub(now).unsigned_abs() <= window.unsigned_abs() {
            return Err(refuse(
                family,
                Some(alg),
                Failure::Expired,
                Some(field),
                format!("{field} {ts} is in milliseconds; it must be unix seconds ({})", ts / 1000),
                format!("{field} {ts} 是毫秒数；应为 Unix 时间戳（秒），即 {}。", ts / 1000),
            ));
        }
        return Err(refuse(
            family,
            Some(alg),
            Failure::Expired,
            Some(field),
            format!("the request was signed at {ts}, {off} s {when} against the server time {now}; the window is ±{window} s"),
            format!("请求签名于 {ts}，比服务端时间 {now} {when_zh} {off} 秒，超出 ±{window} 秒的有效窗口。"),
        ));
    }
    Ok(())
}

/// An Authorization header of a header scheme that is not in its `form`.
fn malformed_authorization(fam: Family, alg: Algorithm, form: &str, why: &str, why_zh: &str) -> Refusal {
    refuse(
        fam,
        Some(alg),
        Failure::MalformedAuthorization,
        Some("Authorization"),
        format!("{why}; expected '{form}'"),
        format!("Authorization 格式不对：{why_zh}；应为 '{form}'。"),
    )
}

/// An Authorization in its form whose signature leaves out a header it must cover.
fn too_few_signed(fam: Family, alg: Algorithm, why: String, why_zh: String) -> Refusal {
    refuse(fam, Some(alg), Failure::MalformedAuthorization, Some("Authorization"), why, why_zh)
}

/// The Credential, SignedHeaders and Signature of a header scheme's Authorization, each there
/// and not empty.
fn auth_parts(auth: &str, malformed: impl Fn(&str, &str) -> Refusal) -> Result<(&str, &str, &str), Refusal> {
    let items = auth_items(auth);
    let part = |key: &str, why_zh: &str| {
        auth_item(&items, key).filter(|s| !s.is_empty()).ok_or_else(|| malformed(&format!("no {key}"), why_zh))
    };
    Ok((
        part("Credential", "没有 Credential")?,
        part("SignedHeaders", "没有 SignedHeaders")?,
        part("Signature", "没有 Signature")?,
    ))
}

/// Whether a `SignedHeaders` value (`a;b;c`) names `header`.
fn lists_header(signed_headers: &str, header: &str) -> bool {
    signed_headers.split(';').any(|h| h.trim().eq_ignore_ascii_case(header))
}

/// The Host the client signed: the Host header it sent, else the URL's authority.
fn received_host(req: &HttpRequest) -> &str {
    req.header("host").unwrap_or(&req.host)
}

fn check_token(
    family: Family,
    alg: Algorithm,
    creds: &Credentials,
    presented: Option<&str>,
    field: &str,
) -> Result<(), Refusal> {
    let presented = presented.filter(|t| !t.is_empty());
    match (creds.token.as_deref(), presented) {
        (None, None) => Ok(()),
        (Some(want), Some(got)) if crate::crypto::ct_eq(want.as_bytes(), got.as_bytes()) => Ok(()),
        (Some(_), None) => Err(refuse(
            family,
            Some(alg),
            Failure::TokenMismatch,
            Some(field),
            format!("these are temporary credentials: the session token must be sent as {field}"),
            format!("使用临时凭证时必须携带 Token（{field}）。"),
        )),
        (None, Some(_)) => Err(refuse(
            family,
            Some(alg),
            Failure::TokenMismatch,
            Some(field),
            format!("{field} was sent, but this key is a permanent key with no session token"),
            format!("发送了 {field}，但此密钥是永久密钥，没有临时凭证 Token。"),
        )),
        (Some(_), Some(_)) => Err(refuse(
            family,
            Some(alg),
            Failure::TokenMismatch,
            Some(field),
            format!("{field} does not belong to this key"),
            format!("{field} 不属于此密钥。"),
        )),
    }
}

/// How one candidate reading of a request is signed.
type Signer = fn(&WireInput) -> crate::Result<SigningTrace>;

/// Signs `candidates` in turn and accepts the first whose signature matches; the first
/// candidate is the canonical reading and its trace is reported on a mismatch.
fn match_signature(
    family: Family,
    alg: Algorithm,
    candidates: Vec<(WireInput, Signer)>,
    presented: &str,
) -> Result<SigningTrace, Refusal> {
    let mut first: Option<SigningTrace> = None;
    for (input, sign) in &candidates {
        let trace = sign(input).map_err(|e| {
            let zh = e.message_zh.clone().unwrap_or_else(|| format!("无法按收到的请求重新计算签名：{}", e.message));
            refuse(family, Some(alg), Failure::MalformedAuthorization, e.path.as_deref(), e.message, zh)
        })?;
        if trace.signature_matches(presented) {
            return Ok(trace);
        }
        first.get_or_insert(trace);
    }
    let slip =
        first.as_ref().zip(candidates.first()).and_then(|(t, (input, _))| crate::slips::recognise(input, t, presented));
    let (mut message, mut message_zh) = (
        String::from("the signature does not match the one computed from the request as received"),
        String::from("签名与服务端按收到的请求计算出的签名不一致。"),
    );
    if let Some(s) = &slip {
        message = format!("{message}. {}", s.en);
        message_zh.push_str(s.zh);
    }
    let mut r = refuse(family, Some(alg), Failure::SignatureMismatch, Some("Signature"), message, message_zh);
    r.expected = first.map(Box::new);
    r.slip = slip;
    Err(r)
}

fn verify_tc3<'k>(
    req: &HttpRequest,
    auth: &str,
    lookup: &impl Fn(&str) -> Option<&'k Credentials>,
    now: i64,
) -> Result<Verified, Refusal> {
    let (fam, alg) = (Family::Tencent3, Algorithm::Tc3HmacSha256);
    const FORM: &str =
        "TC3-HMAC-SHA256 Credential=SecretId/YYYY-MM-DD/service/tc3_request, SignedHeaders=a;b, Signature=hex";
    let malformed = |why: &str, why_zh: &str| malformed_authorization(fam, alg, FORM, why, why_zh);
    let (credential, signed_headers, signature) = auth_parts(auth, malformed)?;
    let scope: Vec<&str> = credential.split('/').collect();
    let [secret_id, date, service, "tc3_request"] = scope[..] else {
        return Err(malformed(
            "the Credential is not SecretId/date/service/tc3_request",
            "Credential 不是 SecretId/日期/服务/tc3_request 的形式",
        ));
    };
    // The Host as signed, and without the port its header carries (some SDKs sign that).
    let received = received_host(req);
    let bare = received
        .rsplit_once(':')
        .filter(|(h, p)| !h.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        .map(|(h, _)| h);
    let host = bare.unwrap_or(received);
    // At a product's own host the scope must name that product: Tencent derives the key with
    // the endpoint's service, so a scope for another cannot match.
    let other_service =
        crate::hosts::tencent_api3_product(host).filter(|product| !product.eq_ignore_ascii_case(service));
    // Tencent's v3 rules: the signature covers at least these two, so neither can be swapped.
    if let Some(name) = ["content-type", "host"].into_iter().find(|n| !lists_header(signed_headers, n)) {
        return Err(too_few_signed(
            fam,
            alg,
            format!("SignedHeaders '{signed_headers}' leaves out {name}, which TC3 must sign"),
            format!("SignedHeaders '{signed_headers}' 缺少 {name}，TC3 必须对它签名。"),
        ));
    }
    for name in ["X-TC-Action", "X-TC-Version", "X-TC-Timestamp"] {
        if req.header(name).map_or(true, |v| v.trim().is_empty()) {
            return Err(refuse(
                fam,
                Some(alg),
                Failure::MissingParameter,
                Some(name),
                format!("the required header {name} is missing"),
                format!("缺少必需的请求头 {name}。"),
            ));
        }
    }
    let ts_text = req.header("X-TC-Timestamp").unwrap_or("").trim();
    let timestamp = parse_unix(ts_text).ok_or_else(|| {
        refuse(
            fam,
            Some(alg),
            Failure::InvalidTimestamp,
            Some("X-TC-Timestamp"),
            format!("X-TC-Timestamp '{ts_text}' is not unix seconds"),
            format!("X-TC-Timestamp '{ts_text}' 不是 Unix 时间戳（秒）。"),
        )
    })?;
    let creds = lookup(secret_id).ok_or_else(|| {
        refuse(
            fam,
            Some(alg),
            Failure::UnknownSecretId,
            Some("SecretId"),
            format!("the SecretId '{secret_id}' does not exist"),
            format!("SecretId '{secret_id}' 不存在。"),
        )
    })?;
    check_window(fam, alg, timestamp, now, "X-TC-Timestamp")?;

    let mut base = WireInput::from_request(alg, req, creds);
    base.service = service.into();
    base.timestamp = Some(timestamp);
    base.signed_headers = signed_headers.split(';').map(|h| h.trim().to_ascii_lowercase()).collect();
    if let Some(product) = other_service {
        // What the server signs: the same request under its own service's scope.
        let mut own = base.clone();
        own.service = product.to_ascii_lowercase().into();
        let mut r = refuse(
            fam,
            Some(alg),
            Failure::SignatureMismatch,
            Some("Authorization"),
            format!("the credential scope is for service '{service}', but {host} is {product}'s: sign with date/{product}/tc3_request"),
            format!("凭证范围中的服务是 '{service}'，而 {host} 属于 {product}：请用 日期/{product}/tc3_request 签名。"),
        );
        r.expected = sign_wire(&own).ok().map(Box::new);
        return Err(r);
    }
    // Some SDKs (tencentcloud-sdk-nodejs) sign the host without the port their Host header carries.
    let mut candidates: Vec<(WireInput, Signer)> = vec![(base.clone(), sign_wire)];
    if crate::encode::whatwg_query(&base.query) != *base.query {
        candidates.push((base.clone(), crate::sign::alternatives::tc3_query_as_sent));
    }
    // A signer that follows Tencent's page writes the values in lower case; the SDKs, as sent.
    // (Any header's upper case is looked for, in one pass: at worst one signing more.)
    if base.headers.iter().any(|(_, v)| v.bytes().any(|b| b.is_ascii_uppercase())) {
        candidates.push((base.clone(), crate::sign::alternatives::tc3_lower_case_values));
    }
    if let Some(bare) = bare {
        let mut alt = base;
        set_header(&mut alt.headers, "host", bare);
        alt.host = bare.into();
        candidates.push((alt, sign_wire));
    }
    let trace = match_signature(fam, alg, candidates, signature)?;
    if let Ok(dt) = UtcDateTime::from_unix(timestamp) {
        if dt.date() != date {
            let mut r = refuse(
                fam,
                Some(alg),
                Failure::SignatureMismatch,
                Some("Authorization"),
                format!("the credential scope date {date} is not the UTC date of X-TC-Timestamp ({})", dt.date()),
                format!("凭证范围中的日期 {date} 不是 X-TC-Timestamp 的 UTC 日期（{}）。", dt.date()),
            );
            r.expected = Some(Box::new(trace));
            return Err(r);
        }
    }
    check_token(fam, alg, creds, req.header("X-TC-Token"), "X-TC-Token")?;
    Ok(Verified { algorithm: alg, secret_id: secret_id.to_owned(), timestamp, nonce: None, trace })
}

fn set_header<'a>(headers: &mut Vec<(Text<'a>, Text<'a>)>, name: &'a str, value: &'a str) {
    match headers.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
        Some(slot) => slot.1 = value.into(),
        None => headers.push((name.into(), value.into())),
    }
}

fn verify_acs3<'k>(
    req: &HttpRequest,
    auth: &str,
    lookup: &impl Fn(&str) -> Option<&'k Credentials>,
    now: i64,
) -> Result<Verified, Refusal> {
    let (fam, alg) = (Family::Alibaba, Algorithm::Acs3HmacSha256);
    const FORM: &str = "ACS3-HMAC-SHA256 Credential=AccessKeyId,SignedHeaders=a;b,Signature=hex";
    let malformed = |why: &str, why_zh: &str| malformed_authorization(fam, alg, FORM, why, why_zh);
    let (key_id, signed_headers, signature) = auth_parts(auth, malformed)?;
    // Alibaba's V3 rules: every common header sent (host and the x-acs-* ones) is signed; an
    // unsigned nonce or date could be swapped to replay the request.
    let listed: Vec<&str> = signed_headers.split(';').map(str::trim).collect();
    let listed_name = |i: usize| listed[i].as_bytes();
    let table = cloudplay_sign::text::NameTable::new(listed.len(), &listed_name);
    let unsigned = req.headers.iter().map(|(n, _)| n.as_str()).find(|n| {
        let common = n.eq_ignore_ascii_case("host") || n.get(..6).is_some_and(|p| p.eq_ignore_ascii_case("x-acs-"));
        common && table.find(n.as_bytes(), &listed_name).is_none()
    });
    if let Some(name) = unsigned.map(str::to_ascii_lowercase) {
        return Err(too_few_signed(
            fam,
            alg,
            format!("the header {name} is sent but not in SignedHeaders '{signed_headers}': host and every x-acs-* header must be signed"),
            format!("发送了请求头 {name}，但它不在 SignedHeaders '{signed_headers}' 中：host 和每个 x-acs-* 请求头都必须签名。"),
        ));
    }
    for name in ["x-acs-date", "x-acs-signature-nonce"] {
        if req.header(name).map_or(true, |v| v.trim().is_empty()) {
            return Err(refuse(
                fam,
                Some(alg),
                Failure::MissingParameter,
                Some(name),
                format!("the required header {name} is missing"),
                format!("缺少必需的请求头 {name}。"),
            ));
        }
    }
    let date = req.header("x-acs-date").unwrap_or("").trim();
    let timestamp = UtcDateTime::parse_iso8601(date).ok_or_else(|| {
        refuse(
            fam,
            Some(alg),
            Failure::InvalidTimestamp,
            Some("x-acs-date"),
            format!("x-acs-date '{date}' is not in the form YYYY-MM-DDThh:mm:ssZ"),
            format!("x-acs-date '{date}' 不是 YYYY-MM-DDThh:mm:ssZ 的形式。"),
        )
    })?;
    let creds = lookup(key_id).ok_or_else(|| {
        refuse(
            fam,
            Some(alg),
            Failure::UnknownSecretId,
            Some("AccessKeyId"),
            format!("the AccessKeyId '{key_id}' does not exist"),
            format!("AccessKeyId '{key_id}' 不存在。"),
        )
    })?;
    check_window(fam, alg, timestamp, now, "x-acs-date")?;
    let mut input = WireInput::from_request(alg, req, creds);
    input.timestamp = Some(timestamp);
    input.timestamp_iso = Some(date.to_owned());
    input.nonce = req.header("x-acs-signature-nonce").map(ToOwned::to_owned);
    input.signed_headers = signed_headers.split(';').map(|h| h.trim().to_ascii_lowercase()).collect();
    let nonce = input.nonce.clone();
    use crate::sign::alternatives as alt;
    let mut candidates: Vec<(WireInput, Signer)> = vec![(input.clone(), sign_wire)];
    if alt::acs3_has_names_to_encode(&input.query) {
        candidates.push((input.clone(), alt::acs3_encoded_names));
    }
    if alt::acs3_order_matters(&input.query) {
        candidates.push((input, alt::acs3_utf16_order));
    }
    let trace = match_signature(fam, alg, candidates, signature)?;
    check_token(fam, alg, creds, req.header("x-acs-security-token"), "x-acs-security-token")?;
    Ok(Verified { algorithm: alg, secret_id: key_id.to_owned(), timestamp, nonce, trace })
}

fn verify_rpc<'k>(
    req: &HttpRequest,
    params: Vec<(String, String)>,
    lookup: &impl Fn(&str) -> Option<&'k Credentials>,
    now: i64,
) -> Result<Verified, Refusal> {
    let (fam, alg) = (Family::Alibaba, Algorithm::AcsRpcHmacSha1);
    require_signature(fam, alg, &params)?;
    let method = param(&params, "SignatureMethod").unwrap_or("");
    if method != "HMAC-SHA1" {
        return Err(refuse(
            fam,
            Some(alg),
            Failure::MalformedAuthorization,
            Some("SignatureMethod"),
            format!("SignatureMethod '{method}' is not supported; use HMAC-SHA1"),
            format!("不支持 SignatureMethod '{method}'，请使用 HMAC-SHA1。"),
        ));
    }
    let auth = param_auth(fam, alg, &params, &ALIBABA_RPC, lookup, now)?;
    let ParamAuth { signature, key_id, creds, timestamp, nonce, token } = auth;
    let input = param_input(req, alg, creds, timestamp, params);
    let mut candidates: Vec<(WireInput, Signer)> = vec![(input.clone(), sign_wire)];
    if let Some(merged) = body_overrides_query(req) {
        candidates.push((param_input(req, alg, creds, timestamp, merged), sign_wire));
    }
    if crate::sign::NameOrder::matters(input.params.iter().map(|(n, _)| n.as_bytes())) {
        candidates.push((input, crate::sign::alternatives::rpc_utf16_order));
    }
    let trace = match_signature(fam, alg, candidates, &signature)?;
    check_token(fam, alg, creds, token.as_deref(), "SecurityToken")?;
    Ok(Verified { algorithm: alg, secret_id: key_id, timestamp, nonce, trace })
}

fn verify_legacy<'k>(
    req: &HttpRequest,
    params: Vec<(String, String)>,
    lookup: &impl Fn(&str) -> Option<&'k Credentials>,
    now: i64,
) -> Result<Verified, Refusal> {
    // The v1 signature also signs API 3.0 calls; their gateway answers in API 3.0's words. API
    // 2.0 is told by its hosts and its /v2/ path; a local server (cloudplay serve, a test
    // server) answers an API 3.0 call, as the simulator does, in API 3.0's.
    let fam = match Family::guess(req) {
        Family::TencentLegacy => Family::TencentLegacy,
        _ => Family::Tencent3,
    };
    let alg = match param(&params, "SignatureMethod") {
        None | Some("HmacSHA1") => Algorithm::TcHmacSha1,
        Some("HmacSHA256") => Algorithm::TcHmacSha256,
        Some(other) => {
            return Err(refuse(
                fam,
                None,
                Failure::MalformedAuthorization,
                Some("SignatureMethod"),
                format!("SignatureMethod '{other}' is not supported; use HmacSHA1 or HmacSHA256"),
                format!("不支持 SignatureMethod '{other}'，请使用 HmacSHA1 或 HmacSHA256。"),
            ))
        }
    };
    require_signature(fam, alg, &params)?;
    let auth = param_auth(fam, alg, &params, &TENCENT_LEGACY, lookup, now)?;
    let ParamAuth { signature, key_id: secret_id, creds, timestamp, nonce, token } = auth;
    let base = param_input(req, alg, creds, timestamp, params);
    let mut readings = vec![base.clone()];
    // qcloudapi leaves a POST parameter whose value starts with '@' (a file to upload, in the
    // API 2.0 convention) out of the signature.
    if base.method == "POST" && base.params.iter().any(|(_, v)| v.starts_with('@')) {
        let mut alt = base.clone();
        alt.params.retain(|(_, v)| !v.starts_with('@'));
        readings.push(alt);
    }
    // tencentcloud-sdk-python's legacy signer signs /v2/index.php but posts to '/'.
    if base.path == "/" {
        for i in 0..readings.len() {
            let mut alt = readings[i].clone();
            alt.path = "/v2/index.php".into();
            readings.push(alt);
        }
    }
    // tencentcloud-sdk-nodejs signs a name with '_' as it is; the Python SDKs write it '.'.
    let underscored = base.params.iter().any(|(n, _)| n.contains('_'));
    let mut candidates: Vec<(WireInput, Signer)> = Vec::new();
    for r in readings {
        candidates.push((r.clone(), sign_wire));
        if underscored {
            candidates.push((r, crate::sign::alternatives::tc_legacy_names_as_sent));
        }
    }
    let trace = match_signature(fam, alg, candidates, &signature)?;
    check_token(fam, alg, creds, token.as_deref(), "Token")?;
    Ok(Verified { algorithm: alg, secret_id, timestamp, nonce, trace })
}

/// Where a parameter-signed scheme keeps each part of its signature.
struct ParamNames {
    required: [&'static str; 3],
    key_id: &'static str,
    nonce: &'static str,
    token: &'static str,
    parse_time: fn(&str) -> Option<i64>,
    /// The timestamp's form, for the error.
    time_form: &'static str,
    time_form_zh: &'static str,
}

const ALIBABA_RPC: ParamNames = ParamNames {
    required: ["Timestamp", "SignatureNonce", "SignatureVersion"],
    key_id: "AccessKeyId",
    nonce: "SignatureNonce",
    token: "SecurityToken",
    parse_time: UtcDateTime::parse_iso8601,
    time_form: "in the form YYYY-MM-DDThh:mm:ssZ",
    time_form_zh: " YYYY-MM-DDThh:mm:ssZ 的形式",
};

const TENCENT_LEGACY: ParamNames = ParamNames {
    required: ["Timestamp", "Nonce", "Action"],
    key_id: "SecretId",
    nonce: "Nonce",
    token: "Token",
    parse_time: parse_unix,
    time_form: "unix seconds",
    time_form_zh: " Unix 时间戳（秒）",
};

/// What a parameter-signed request carries besides its business parameters, read and checked
/// in the order both vendors check it: required parameters, timestamp, key, clock window.
struct ParamAuth<'k> {
    signature: String,
    key_id: String,
    creds: &'k Credentials,
    timestamp: i64,
    nonce: Option<String>,
    token: Option<String>,
}

fn param_auth<'k>(
    fam: Family,
    alg: Algorithm,
    params: &[(String, String)],
    names: &ParamNames,
    lookup: &impl Fn(&str) -> Option<&'k Credentials>,
    now: i64,
) -> Result<ParamAuth<'k>, Refusal> {
    let refusal = |failure, field: &str, message, zh| refuse(fam, Some(alg), failure, Some(field), message, zh);
    for name in names.required {
        if param(params, name).map_or(true, str::is_empty) {
            let message = format!("the required parameter {name} is missing");
            return Err(refusal(Failure::MissingParameter, name, message, format!("缺少必需的参数 {name}。")));
        }
    }
    let ts_text = param(params, "Timestamp").unwrap_or("");
    let timestamp = (names.parse_time)(ts_text).ok_or_else(|| {
        let message = format!("Timestamp '{ts_text}' is not {}", names.time_form);
        let zh = format!("Timestamp '{ts_text}' 不是{}。", names.time_form_zh);
        refusal(Failure::InvalidTimestamp, "Timestamp", message, zh)
    })?;
    let key_id = param(params, names.key_id).unwrap_or("");
    let creds = lookup(key_id).ok_or_else(|| {
        let message = format!("the {} '{key_id}' does not exist", names.key_id);
        refusal(Failure::UnknownSecretId, names.key_id, message, format!("{} '{key_id}' 不存在。", names.key_id))
    })?;
    check_window(fam, alg, timestamp, now, "Timestamp")?;
    Ok(ParamAuth {
        signature: param(params, "Signature").unwrap_or("").to_owned(),
        key_id: key_id.to_owned(),
        creds,
        timestamp,
        nonce: param(params, names.nonce).map(ToOwned::to_owned),
        token: param(params, names.token).map(ToOwned::to_owned),
    })
}

/// The `Signature` parameter of the schemes that sign parameters must be there and not empty.
fn require_signature(fam: Family, alg: Algorithm, params: &[(String, String)]) -> Result<(), Refusal> {
    if param(params, "Signature").map_or(true, str::is_empty) {
        let message = "the Signature parameter is missing".into();
        return Err(refuse(
            fam,
            Some(alg),
            Failure::MissingSignature,
            Some("Signature"),
            message,
            "缺少 Signature 参数。".into(),
        ));
    }
    Ok(())
}

fn param_input<'r>(
    req: &'r HttpRequest,
    alg: Algorithm,
    creds: &Credentials,
    timestamp: i64,
    params: Vec<(String, String)>,
) -> WireInput<'r> {
    let mut input = WireInput::from_request(alg, req, creds);
    input.timestamp = Some(timestamp);
    input.params = params.into_iter().filter(|(n, _)| n != "Signature").map(|(n, v)| (n.into(), v.into())).collect();
    input
}

/// Unix time as digits; up to 13, so that milliseconds are read (and refused as out of the window,
/// as the vendors do, with a word on why) rather than called malformed.
fn parse_unix(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 13 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl core::fmt::Display for Refusal {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {}", self.vendor_code(), self.message)
    }
}

impl Refusal {
    /// The message as the vendor phrases it, where official clients parse it: Alibaba puts
    /// the server's string to sign after a colon (aliyun-python-sdk-core splits on it).
    pub fn vendor_message(&self) -> String {
        match (self.family, self.failure, self.string_to_sign()) {
            (Family::Alibaba, Failure::SignatureMismatch, Some(sts)) => {
                let slip = self.slip.as_ref().map(|s| format!("{} ", s.en)).unwrap_or_default();
                format!("Specified signature is not matched with our calculation. {slip}server string to sign is:{sts}")
            }
            _ => self.message.to_string(),
        }
    }

    /// [`Self::vendor_message`] in Chinese: the server's string to sign is quoted there too.
    pub fn vendor_message_zh(&self) -> String {
        match (self.family, self.failure, self.string_to_sign()) {
            (Family::Alibaba, Failure::SignatureMismatch, Some(sts)) => {
                let slip = self.slip.as_ref().map(|s| s.zh).unwrap_or_default();
                format!("签名与服务端的计算结果不一致。{slip}服务端的待签名字符串为：{sts}")
            }
            _ => self.message_zh.to_string(),
        }
    }
}

/// The `verify-wire` contract: `{"method","url","headers","body","credentials":[…],"now"}`
/// (credentials: a list of keys, or one).
#[derive(Debug, Clone)]
pub struct VerifyWireInput {
    pub request: HttpRequest,
    pub credentials: Vec<Credentials>,
    pub now: i64,
}

/// The input as JSON (and TypeScript) see it.
// A field it has no place for (`payload` for the body) would be checked as absent.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
struct VerifyWireJson {
    method: String,
    /// Absolute: `https://host/path?query`. Or leave it out and give `host`, `path`, `query`
    /// (and `scheme`) as `prepare`'s request has them.
    #[serde(default)]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    url: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    scheme: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    host: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    path: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    query: Option<String>,
    /// Node's `req.headers` as it comes: a value may be a list (Node keeps `set-cookie` so),
    /// which is read joined by `, `, as Node joins every other repeated header.
    #[serde(default, deserialize_with = "received_headers")]
    #[cfg_attr(
        feature = "tsify",
        tsify(
            type = "Record<string, string | readonly string[] | undefined> | Iterable<readonly [string, string]>",
            optional
        )
    )]
    headers: Vec<(String, String)>,
    #[serde(default)]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    body: String,
    /// The keys the server knows: one, as `prepare` and `signWire` take it, or a list.
    #[serde(deserialize_with = "one_or_more")]
    #[cfg_attr(feature = "tsify", tsify(type = "Credentials | Credentials[]"))]
    credentials: Vec<Credentials>,
    /// The server's clock, unix seconds.
    now: i64,
}

/// Received headers: an object whose values are strings or lists of strings (joined by `, `),
/// or a list of `[name, value]` pairs. A value a request cannot carry is still refused: a gate
/// passes what it received, and must not be thrown off by how Node holds one header.
fn received_headers<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<(String, String)>, D::Error> {
    use serde::de::{MapAccess, SeqAccess, Visitor};
    struct Value(String);
    impl<'de> serde::Deserialize<'de> for Value {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct One;
            impl<'de> Visitor<'de> for One {
                type Value = Value;
                fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                    f.write_str("a string or a list of strings")
                }
                fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Value, E> {
                    Ok(Value(v.into()))
                }
                fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Value, E> {
                    Ok(Value(v))
                }
                fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
                    let mut joined = String::new();
                    while let Some(part) = seq.next_element::<String>()? {
                        if !joined.is_empty() {
                            joined.push_str(", ");
                        }
                        joined.push_str(&part);
                    }
                    Ok(Value(joined))
                }
            }
            d.deserialize_any(One)
        }
    }
    struct Headers;
    impl<'de> Visitor<'de> for Headers {
        type Value = Vec<(String, String)>;
        fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str("an object of strings (or lists of strings) or a list of [name, value] pairs")
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some((name, Value(value))) = map.next_entry::<String, Value>()? {
                out.push((name, value));
            }
            Ok(out)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            crate::http::pairs_as_map::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))
        }
    }
    d.deserialize_any(Headers)
}

/// The expected shape, said in a type error ([`crate::json::without_secret`] words its own
/// message by it).
pub const ONE_OR_MORE_CREDENTIALS: &str = "{secret_id, secret_key, token?} or a list of them";

/// One key or a list of keys: a caller verifying what it signed has the one object it gave
/// `prepare`, and a server may know several.
fn one_or_more<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Credentials>, D::Error> {
    use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
    use serde::Deserialize;
    struct OneOrMore;
    impl<'de> serde::de::Visitor<'de> for OneOrMore {
        type Value = Vec<Credentials>;
        fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str(ONE_OR_MORE_CREDENTIALS)
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            Credentials::deserialize(MapAccessDeserializer::new(map)).map(|one| vec![one])
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            Vec::deserialize(SeqAccessDeserializer::new(seq))
        }
    }
    d.deserialize_any(OneOrMore)
}

/// An error in credentials given as one object is named as prepare names it
/// (`credentials.secret_key`): read as one of a list, it would only say `credentials`.
fn one_key_at_fault(text: &str, e: crate::Error) -> crate::Error {
    if e.path.as_deref() != Some("credentials") {
        return e;
    }
    let one = serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|mut v| v.get_mut("credentials").map(serde_json::Value::take));
    match one {
        Some(one @ serde_json::Value::Object(_)) => {
            crate::json::typed_arg::<Credentials>(&one.to_string(), "credentials").err().unwrap_or(e)
        }
        _ => e,
    }
}

impl VerifyWireInput {
    /// Reads the input from JSON text; an error names the member at fault (`now`).
    pub fn from_json(bytes: &[u8]) -> Result<Self, crate::Error> {
        let text = crate::Error::utf8_input(bytes)?;
        let raw = crate::json::typed_arg(text, "").map_err(|e| one_key_at_fault(text, e));
        Self::from_raw(raw.map_err(crate::json::without_secret)?)
    }

    pub fn from_value(value: serde_json::Value) -> Result<Self, crate::Error> {
        let raw: VerifyWireJson = serde_json::from_value(value)
            .map_err(|e| crate::Error::new(crate::ErrorKind::InvalidJson, e.to_string()))?;
        Self::from_raw(raw)
    }

    fn from_raw(raw: VerifyWireJson) -> Result<Self, crate::Error> {
        use crate::{Error, ErrorKind};
        if cloudplay_sign::time::looks_like_milliseconds(raw.now) {
            return Err(Error::at(ErrorKind::InvalidField, "now", cloudplay_sign::time::MILLISECONDS));
        }
        let url = match (raw.url, raw.host) {
            (Some(url), None) => {
                let parts = [("scheme", &raw.scheme), ("path", &raw.path), ("query", &raw.query)];
                if let Some((name, _)) = parts.iter().find(|(_, v)| v.is_some()) {
                    return Err(Error::at(
                        ErrorKind::InvalidField,
                        *name,
                        "give the url, or host, path and query, not both",
                    ));
                }
                url
            }
            // The request as prepare returns it.
            (None, Some(host)) => {
                let query = raw.query.unwrap_or_default();
                let query = query.strip_prefix('?').unwrap_or(&query);
                format!(
                    "{}://{host}{}{}{query}",
                    raw.scheme.as_deref().unwrap_or("https"),
                    raw.path.as_deref().unwrap_or("/"),
                    if query.is_empty() { "" } else { "?" },
                )
            }
            (Some(_), Some(_)) => {
                return Err(Error::at(
                    ErrorKind::InvalidField,
                    "host",
                    "give the url, or host, path and query, not both",
                ))
            }
            (None, None) => return Err(Error::at(
                ErrorKind::MissingField,
                "url",
                "'url' is required (https://host/path?query), or host, path and query as prepare's request has them",
            )),
        };
        let mut request = HttpRequest::from_url(&raw.method, &url)?;
        request.headers = raw.headers;
        request.duplicate_header("headers.")?;
        request.body = raw.body;
        // `now` is only compared with the request's time, never written as a date, so any
        // clock is a valid one: a request from 9999-12-31 checked an hour later is expired.
        let credentials = raw
            .credentials
            .into_iter()
            .map(|c| Credentials { token: c.token.filter(|t| !t.is_empty()), ..c })
            .collect();
        Ok(VerifyWireInput { request, credentials, now: raw.now })
    }

    pub fn verify(&self) -> Result<Verified, Refusal> {
        verify(&self.request, |id| self.credentials.iter().find(|c| c.secret_id == id), self.now)
    }
}

/// What `verifyWire` (the CLI's `verify-wire`) answers: `{"ok":true,"algorithm","secret_id"}` or
/// `{"ok":false,"code","message",…}`. Two shapes told apart by `ok`, so that TypeScript narrows
/// on it: after `if (outcome.ok)` the secret id is there, after `else` the code and message.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(untagged)]
pub enum VerifyOutcome {
    Verified {
        #[cfg_attr(feature = "tsify", tsify(type = "true"))]
        ok: Flag<true>,
        algorithm: Algorithm,
        /// The key that signed it.
        secret_id: String,
    },
    Refused {
        #[cfg_attr(feature = "tsify", tsify(type = "false"))]
        ok: Flag<false>,
        /// Absent when the request named no algorithm this server knows.
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "tsify", tsify(optional))]
        algorithm: Option<Algorithm>,
        /// The vendor's error code (`AuthFailure.SignatureFailure`, `SignatureDoesNotMatch`, `4100`, …).
        code: String,
        /// As the vendor phrases it; for Alibaba the server's string to sign follows the first colon.
        message: String,
        /// The reason in Chinese (without the string to sign).
        message_zh: String,
        /// The signing slip a mismatched signature shows for certain (a `+` sent as a space, the
        /// RPC key without its `&`, upper-case hex, …), also told in `message`.
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "tsify", tsify(optional))]
        slip: Option<&'static str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "tsify", tsify(optional))]
        slip_zh: Option<&'static str>,
        /// The server's string to sign, when a signature was recomputed.
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "tsify", tsify(optional))]
        string_to_sign: Option<String>,
        /// Everything the server computed, for a step-by-step comparison with the client's trace.
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "tsify", tsify(optional))]
        expected: Option<Box<SigningTrace>>,
    },
}

/// A boolean fixed by its type: `ok` of one [`VerifyOutcome`] shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flag<const B: bool>;

impl<const B: bool> serde::Serialize for Flag<B> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bool(B)
    }
}

impl VerifyOutcome {
    pub fn of(outcome: &Result<Verified, Refusal>) -> Self {
        match outcome {
            Ok(v) => VerifyOutcome::Verified { ok: Flag, algorithm: v.algorithm, secret_id: v.secret_id.clone() },
            Err(r) => VerifyOutcome::Refused {
                ok: Flag,
                algorithm: r.algorithm,
                code: r.vendor_code().into(),
                message: r.vendor_message(),
                message_zh: r.vendor_message_zh(),
                slip: r.slip.as_ref().map(|s| s.en),
                slip_zh: r.slip.as_ref().map(|s| s.zh),
                string_to_sign: r.string_to_sign().map(Into::into),
                expected: r.expected.clone(),
            },
        }
    }
}

/// [`VerifyOutcome`] as JSON.
pub fn outcome_json(outcome: &Result<Verified, Refusal>) -> serde_json::Value {
    serde_json::to_value(VerifyOutcome::of(outcome)).unwrap_or(serde_json::Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A v1 signature sent to a local server speaks API 3.0's words unless the request is API
    /// 2.0's (its /v2/ path), as the simulator answers the same request.
    #[test]
    fn a_v1_signature_at_a_local_host_is_refused_in_the_words_of_its_api() {
        let catalog = crate::Catalog::builtin().unwrap();
        let creds = Credentials { secret_id: "AKIDlocal".into(), secret_key: "right".into(), token: None };
        let wrong = Credentials { secret_key: "wrong".into(), ..creds.clone() };
        for (id, want) in [
            ("hai/2023-08-12/RunInstances", "AuthFailure.SignatureFailure"),
            ("postgres/2017-03-12/CreateResource", "4100"),
        ] {
            let spec = catalog.get(id).unwrap();
            let ex = &spec.examples[0];
            let mut call = crate::Call::new(id, ex.params.clone());
            call.region = ex.region.clone();
            call.endpoint = Some("http://127.0.0.1:8080".into());
            let mut o = crate::PrepareOptions::at(1_700_000_000);
            o.algorithm = Some(Algorithm::TcHmacSha256);
            o.nonce = Some("7".into());
            o.allow_invalid = true;
            let req = crate::prepare_with_spec(spec, &call, &wrong, &o).unwrap().request;
            let r = verify(&req, |id| (id == creds.secret_id).then_some(&creds), 1_700_000_000).unwrap_err();
            assert_eq!(r.vendor_code(), want, "{id}");
        }
    }

    /// A v1 name with '_': the Python SDKs sign it as '.', tencentcloud-sdk-nodejs as it is.
    /// Both verify; a wrong key still does not.
    #[test]
    fn a_v1_name_with_an_underscore_verifies_signed_either_way() {
        let catalog = crate::Catalog::builtin().unwrap();
        let creds = Credentials { secret_id: "AKIDunder".into(), secret_key: "right".into(), token: None };
        let id = "postgres/2017-03-12/CreateResource";
        let spec = catalog.get(id).unwrap();
        let mut call = crate::Call::new(id, spec.examples[0].params.clone());
        call.params["Test_Param"] = "x".into();
        call.region = spec.examples[0].region.clone();
        let mut o = crate::PrepareOptions::at(1_700_000_000);
        o.method = Some("GET".into());
        o.algorithm = Some(Algorithm::TcHmacSha256);
        o.nonce = Some("7".into());
        o.allow_invalid = true;
        let lookup = |k: &str| (k == creds.secret_id).then_some(&creds);
        let dotted = crate::prepare_with_spec(spec, &call, &creds, &o).unwrap().request;
        assert!(dotted.query.contains("Test_Param=x"), "{}", dotted.query);
        assert!(verify(&dotted, lookup, 1_700_000_000).is_ok());
        // Re-signed with the name as sent, as the Node SDK signs it.
        let params: Vec<(String, String)> =
            request_params(&dotted).into_iter().filter(|(n, _)| n != "Signature").collect();
        let input = param_input(&dotted, Algorithm::TcHmacSha256, &creds, 1_700_000_000, params.clone());
        let as_sent = crate::sign::alternatives::tc_legacy_names_as_sent(&input).unwrap();
        // What tencentcloud-sdk-nodejs-common 4.1.220 signs for these parameters
        // (AbstractClient.formatSignString, then Sign.sign with HmacSHA256).
        assert!(as_sent.string_to_sign.contains("&SubnetId=1&Test_Param=x&TimeSpan=10&"), "{}", as_sent.string_to_sign);
        assert_eq!(as_sent.signature, "ORQd4oRmDoX1P/MRANWj1XVXphcQD7urpueQ9mlf0q8=");
        assert_ne!(as_sent.signature, crate::sign::sign_wire(&input).unwrap().signature);
        let mut node = dotted.clone();
        let query: Vec<String> = node
            .query
            .split('&')
            .map(|kv| {
                if kv.starts_with("Signature=") {
                    format!("Signature={}", crate::encode::rfc3986(&as_sent.signature))
                } else {
                    kv.into()
                }
            })
            .collect();
        node.query = query.join("&");
        let v = verify(&node, lookup, 1_700_000_000).unwrap();
        assert!(v.trace.string_to_sign.contains("Test_Param=x"), "{}", v.trace.string_to_sign);
        let wrong = Credentials { secret_key: "wrong".into(), ..creds.clone() };
        let wrong_input = param_input(&dotted, Algorithm::TcHmacSha256, &wrong, 1_700_000_000, params);
        let bad = crate::sign::alternatives::tc_legacy_names_as_sent(&wrong_input).unwrap().signature;
        node.query = node.query.replace(&crate::encode::rfc3986(&as_sent.signature), &crate::encode::rfc3986(&bad));
        assert!(verify(&node, lookup, 1_700_000_000).is_err());
    }

    /// A clock at either end of i64 is as far from any request as can be: expired, and no
    /// overflow (i64::MIN's skew has no positive i64).
    #[test]
    fn the_window_holds_at_the_ends_of_the_clock() {
        for now in [i64::MIN, i64::MIN + 1, i64::MAX, -1_700_000_000] {
            for family in [Family::Tencent3, Family::TencentLegacy, Family::Alibaba] {
                let e = check_window(family, Algorithm::Tc3HmacSha256, 1_700_000_000, now, "X-TC-Timestamp");
                assert!(e.is_err_and(|r| r.failure == Failure::Expired), "{now}");
            }
        }
        assert!(check_window(Family::Tencent3, Algorithm::Tc3HmacSha256, 1_700_000_000, 1_700_000_299, "t").is_ok());
    }
}
