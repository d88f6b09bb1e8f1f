//! Each vendor's answer shape and HTTP status, as the official clients read them (see
//! `INTEROP.md` of the design notes):
//!
//! | vendor | success | error |
//! | --- | --- | --- |
//! | Tencent API 3.0 | 200 `{"Response":{…,"RequestId"}}` | 200 `{"Response":{"Error":{"Code","Message"},"RequestId"}}` |
//! | Tencent API 2.0 (legacy) | as API 3.0 (the seed page's own example) | service errors as API 3.0; gateway errors (authentication, replay, quota) as API 2.0's common `{"code":4100,"message","codeDesc"}` |
//! | Alibaba | 200 `{"RequestId",…}` | 4xx/5xx `{"RequestId","HostId","Code","Message","Recommend"}` |
//!
//! Tencent's `Content-Type` is exactly `application/json`: tencentcloud-sdk-python reads
//! `Response.Error` only then, and takes anything else for a success.

use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// Whose envelope, vocabulary and HTTP statuses an answer uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Vendor {
    Tencent3,
    TencentLegacy,
    Alibaba,
}

/// An HTTP answer as data: what the server writes, what the page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpResponse {
    pub status: u16,
    #[serde(with = "cloudplay_core::http::pairs_as_map")]
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The body as JSON (every simulator answer is JSON).
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }
}

const TENCENT_CONTENT_TYPE: &str = "application/json";
const ALIBABA_CONTENT_TYPE: &str = "application/json;charset=utf-8";

fn response(status: u16, content_type: &str, body: &Value, extra: Vec<(String, String)>) -> HttpResponse {
    let mut headers = vec![("Content-Type".to_string(), content_type.to_string())];
    headers.extend(extra);
    HttpResponse { status, headers, body: body.to_string() }
}

/// A Tencent success: the fields, then `RequestId`, inside `Response`.
pub fn tencent_success(mut fields: Map<String, Value>, request_id: &str) -> HttpResponse {
    fields.insert("RequestId".into(), request_id.into());
    response(200, TENCENT_CONTENT_TYPE, &json!({ "Response": Value::Object(fields) }), Vec::new())
}

/// A Tencent error (API 3.0, and API 2.0 services): always HTTP 200.
pub fn tencent_error(code: &str, message: &str, request_id: &str) -> HttpResponse {
    let body = json!({ "Response": { "Error": { "Code": code, "Message": message }, "RequestId": request_id } });
    response(200, TENCENT_CONTENT_TYPE, &body, Vec::new())
}

/// An API 2.0 gateway error in the common form of the 2.0 error-code page: a numeric `code`,
/// a `message`, and `codeDesc` naming the kind. HTTP 200, as qcloudapi-sdk-python needs to
/// hand the body back at all.
pub fn legacy_gateway_error(code: u16, message: &str) -> HttpResponse {
    let desc = match code {
        4000 => "InvalidParameter",
        4100 => "AuthFailure",
        4400 => "RequestLimitExceeded",
        4500 => "ReplayAttack",
        _ => "Error",
    };
    response(200, TENCENT_CONTENT_TYPE, &json!({ "code": code, "message": message, "codeDesc": desc }), Vec::new())
}

/// An Alibaba success: `RequestId` first, then the fields.
pub fn alibaba_success(fields: Map<String, Value>, request_id: &str) -> HttpResponse {
    let mut out = Map::new();
    out.insert("RequestId".into(), request_id.into());
    out.extend(fields);
    let extra = vec![("x-acs-request-id".to_string(), request_id.to_string())];
    response(200, ALIBABA_CONTENT_TYPE, &Value::Object(out), extra)
}

/// An Alibaba error with its HTTP status. `HostId` is the host the request was sent to.
pub fn alibaba_error(status: u16, code: &str, message: &str, request_id: &str, host_id: &str) -> HttpResponse {
    let mut body = json!({
        "RequestId": request_id,
        "HostId": host_id,
        "Code": code,
        "Message": message,
        "Recommend": "cloudplay simulator: see the Simulator section of the cloudplay README for what triggers this code",
    });
    // A business error documented with HTTP 200 (BSS's INSUFFICIENT.AVAILABLE.QUOTA) reaches the
    // caller as a success body, so it says so in BSS's own field.
    if status < 300 {
        if let Some(obj) = body.as_object_mut() {
            obj.insert("Success".into(), Value::Bool(false));
        }
    }
    let extra = vec![("x-acs-request-id".to_string(), request_id.to_string())];
    response(status, ALIBABA_CONTENT_TYPE, &body, extra)
}

/// The HTTP status Alibaba gives a common error code; service codes take theirs from the spec.
pub fn alibaba_status(code: &str) -> u16 {
    match code {
        "InvalidAccessKeyId.NotFound" | "InvalidAction.NotFound" => 404,
        "Forbidden" | "Forbidden.RAM" => 403,
        "InternalError" => 500,
        _ => 400,
    }
}
