//! The business parameters of a received request, as the structure a caller would have passed,
//! so the core's validation applies unchanged: TC3 reads its JSON body (POST) or its query
//! (GET, form POST); the parameter signatures read every signed parameter except the common
//! ones. Lists come back from `Name.0.Field` (Tencent) and `Name.1.Field` (Alibaba).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use cloudplay_core::build::{ALIBABA_COMMON_PARAMS, TENCENT_COMMON_PARAMS};
use cloudplay_core::unflatten::unflatten;
use cloudplay_core::{ApiSpec, HttpRequest};
use serde_json::Value;

use crate::envelope::Vendor;
use crate::route::{AuthScheme, Wire};

/// What Alibaba's SDKs may add to the common RPC parameters: the region and the owner fields.
const ALIBABA_SDK_EXTRAS: &[&str] = &["RegionId", "OwnerId", "OwnerAccount", "ResourceOwnerId", "ResourceOwnerAccount"];

/// The region the caller named, if any.
pub fn region(req: &HttpRequest, wire: &Wire, vendor: Vendor) -> Option<String> {
    let r = match (vendor, wire.auth_scheme) {
        (Vendor::Tencent3, AuthScheme::Tc3) => req.header("X-TC-Region"),
        (Vendor::Alibaba, _) => wire.param("RegionId").or(req.header("x-acs-region-id")),
        _ => wire.param("Region"),
    };
    r.map(str::trim).filter(|r| !r.is_empty()).map(String::from)
}

/// The business parameters, and how the request numbered list elements when it sent them as
/// flat `Name.N.Field` pairs (`None`: a JSON body, whose paths are the caller's own
/// `Name[0].Field`); or why they cannot be read (in English and in Chinese).
pub fn business(
    req: &HttpRequest,
    wire: &Wire,
    vendor: Vendor,
    spec: &ApiSpec,
) -> Result<(Value, Option<usize>), (String, String)> {
    let (pairs, base): (Vec<(String, String)>, usize) = match (vendor, wire.auth_scheme) {
        (Vendor::Tencent3, AuthScheme::Tc3) => {
            let ct = req.header("content-type").unwrap_or("").trim().to_ascii_lowercase();
            if req.method.eq_ignore_ascii_case("POST") && ct.starts_with("application/json") {
                return json_body(&req.body).map(|v| (v, None));
            }
            if req.method.eq_ignore_ascii_case("POST") && !ct.starts_with("application/x-www-form-urlencoded") {
                return Err((
                    format!(
                        "Content-Type '{ct}' is not supported: send application/json or application/x-www-form-urlencoded"
                    ),
                    format!("不支持 Content-Type '{ct}'：请发送 application/json 或 application/x-www-form-urlencoded。"),
                ));
            }
            (wire.params.clone(), 0)
        }
        (Vendor::Alibaba, _) => (without(&wire.params, &[ALIBABA_COMMON_PARAMS, ALIBABA_SDK_EXTRAS], spec), 1),
        _ => (without(&wire.params, &[TENCENT_COMMON_PARAMS], spec), 0),
    };
    let params = unflatten(spec, &pairs, base).map_err(|e| {
        let zh = e.message_zh.clone().unwrap_or_else(|| e.message.clone());
        (e.message, zh)
    })?;
    Ok((params, Some(base)))
}

/// A message that names a parameter path (`Parameter[0].Value …`, or `缺少必填参数
/// Parameter[0].Value。`), with that path as the request wrote it (`Parameter.1.Value`), so a
/// caller finds the pair it sent.
pub fn in_wire_names(message: &str, path: &str, base: Option<usize>) -> String {
    let (Some(base), Some(at)) = (base, message.find(path).filter(|_| path.contains('['))) else {
        return message.into();
    };
    let mut wire = String::with_capacity(path.len());
    let mut segments = path.split('[');
    wire.push_str(segments.next().unwrap_or(""));
    for seg in segments {
        let (index, after) = seg.split_once(']').unwrap_or((seg, ""));
        match index.parse::<usize>() {
            Ok(i) => wire.push_str(&format!(".{}", i + base)),
            Err(_) => return message.into(),
        }
        wire.push_str(after);
    }
    format!("{}{wire}{}", &message[..at], &message[at + path.len()..])
}

/// The pairs but the common parameters; a name the API itself declares stays (ECS, VPC and
/// RDS actions take `RegionId` as a business parameter, most of them as a required one).
fn without(params: &[(String, String)], common: &[&[&str]], spec: &ApiSpec) -> Vec<(String, String)> {
    let is_common = |n: &str| common.iter().any(|list| list.contains(&n)) && !spec.params.iter().any(|p| p.name == n);
    params.iter().filter(|(n, _)| !is_common(n)).cloned().collect()
}

fn json_body(body: &str) -> Result<Value, (String, String)> {
    if body.trim().is_empty() {
        return Ok(Value::Object(serde_json::Map::new()));
    }
    match serde_json::from_str::<Value>(body) {
        Ok(v @ Value::Object(_)) => Ok(v),
        Ok(_) => Err(("the request body must be a JSON object".into(), "请求体必须是 JSON 对象。".into())),
        Err(e) => Err((
            format!("the request body is not valid JSON: {e}"),
            format!("请求体不是有效的 JSON（第 {} 行第 {} 列）。", e.line(), e.column()),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::in_wire_names;

    #[test]
    fn list_paths_are_said_as_the_wire_numbers_them() {
        let m = "Parameter[0].Value has 0 characters; it needs at least 1.";
        assert_eq!(
            in_wire_names(m, "Parameter[0].Value", Some(1)),
            "Parameter.1.Value has 0 characters; it needs at least 1."
        );
        assert_eq!(in_wire_names("A[2].B[10] x", "A[2].B[10]", Some(0)), "A.2.B.10 x");
        assert_eq!(in_wire_names(m, "Parameter[0].Value", None), m, "a JSON body keeps its own paths");
        assert_eq!(in_wire_names("Region is required.", "Region", Some(1)), "Region is required.");
        assert_eq!(in_wire_names("Other text", "Parameter[0].Value", Some(1)), "Other text");
        assert_eq!(in_wire_names("缺少必填参数 Items[1].Key。", "Items[1].Key", Some(0)), "缺少必填参数 Items.1.Key。");
    }
}
