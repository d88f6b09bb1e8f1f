//! Which vendor and which API a request is for, read from the request itself: the Host when it
//! is a vendor host, else the signature's form and what it names (TC3's credential scope and
//! `X-TC-Action`, the legacy path and `Action`, Alibaba's `Action`/`Version` parameters or
//! `x-acs-action`/`x-acs-version` headers).

use alloc::string::{String, ToString};
use alloc::sync::Arc;
use alloc::vec::Vec;

use cloudplay_core::encode::query_pairs_lossy;
use cloudplay_core::{ApiSpec, ApiStyle, HttpRequest};

use crate::envelope::Vendor;

/// What the request carries, decoded once.
#[derive(Debug, Clone)]
pub struct Wire {
    /// Query parameters, then those of a form body (both are signed by the parameter schemes).
    pub params: Vec<(String, String)>,
    /// The Host received (header, else the URL's), lower-case, port removed.
    pub host: String,
    /// The same with its port, as received.
    pub host_with_port: String,
    pub auth_scheme: AuthScheme,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthScheme {
    Tc3,
    Acs3,
    /// A `Signature` among the parameters (Tencent v1/legacy or Alibaba RPC), or none.
    Params,
}

impl Wire {
    pub fn read(req: &HttpRequest) -> Self {
        let mut params = query_pairs_lossy(&req.query);
        let form = req
            .header("content-type")
            .is_some_and(|ct| ct.trim_start().to_ascii_lowercase().starts_with("application/x-www-form-urlencoded"));
        if form {
            params.extend(query_pairs_lossy(&req.body));
        }
        let host_with_port = req.header("host").unwrap_or(&req.host).trim().to_string();
        let host = strip_port(&host_with_port).to_ascii_lowercase();
        let auth = req.header("authorization").map(str::trim_start).unwrap_or("");
        let auth_scheme = if auth.starts_with("TC3-HMAC-SHA256") {
            AuthScheme::Tc3
        } else if auth.starts_with("ACS3-HMAC-SHA256") {
            AuthScheme::Acs3
        } else {
            AuthScheme::Params
        };
        Wire { params, host, host_with_port, auth_scheme }
    }

    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    fn has(&self, name: &str) -> bool {
        self.params.iter().any(|(n, _)| n == name)
    }
}

fn strip_port(host: &str) -> &str {
    match host.rsplit_once(':') {
        Some((h, p)) if !h.is_empty() && !h.ends_with(']') && p.bytes().all(|b| b.is_ascii_digit()) => h,
        Some((h, p)) if h.ends_with(']') && p.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host,
    }
}

fn is_tencent3_host(host: &str) -> bool {
    host.ends_with(".tencentcloudapi.com")
}

fn is_legacy_host(host: &str) -> bool {
    host.ends_with(".api.qcloud.com")
}

fn is_alibaba_host(host: &str) -> bool {
    host.ends_with(".aliyuncs.com")
}

fn style_of(vendor: Vendor) -> ApiStyle {
    match vendor {
        Vendor::Tencent3 => ApiStyle::TencentApi3,
        Vendor::TencentLegacy => ApiStyle::TencentLegacy,
        Vendor::Alibaba => ApiStyle::AlibabaRpc,
    }
}

/// Whose rules apply. The signature's form decides first (tea-openapi's RPC mode sends
/// `x-acs-*` headers with a parameter signature, so headers come last).
pub fn vendor_of(req: &HttpRequest, wire: &Wire, specs: &[Arc<ApiSpec>]) -> Vendor {
    match wire.auth_scheme {
        AuthScheme::Tc3 => return Vendor::Tencent3,
        AuthScheme::Acs3 => return Vendor::Alibaba,
        AuthScheme::Params => {}
    }
    if wire.has("AccessKeyId") {
        return Vendor::Alibaba;
    }
    let legacy_path = req.path.starts_with("/v2/");
    if wire.has("SecretId") {
        if is_legacy_host(&wire.host) || legacy_path {
            return Vendor::TencentLegacy;
        }
        if is_tencent3_host(&wire.host) {
            return Vendor::Tencent3;
        }
        // A local endpoint: API 3.0 also takes this signature, so the action decides.
        let action = wire.param("Action").unwrap_or("");
        let legacy_action = specs.iter().any(|s| s.style == ApiStyle::TencentLegacy && s.action == action);
        let api3_action = specs.iter().any(|s| s.style == ApiStyle::TencentApi3 && s.action == action);
        return if legacy_action && !api3_action { Vendor::TencentLegacy } else { Vendor::Tencent3 };
    }
    if is_alibaba_host(&wire.host)
        || req.headers.iter().any(|(n, _)| n.len() > 6 && n[..6].eq_ignore_ascii_case("x-acs-"))
    {
        Vendor::Alibaba
    } else if is_legacy_host(&wire.host) || legacy_path {
        Vendor::TencentLegacy
    } else {
        Vendor::Tencent3
    }
}

/// Why no API could be chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteError {
    MissingAction,
    UnknownAction { action: String, product: Option<String> },
    UnknownVersion { action: String, version: String, known: String },
}

/// The spec a request is for.
pub fn api_of(
    req: &HttpRequest,
    wire: &Wire,
    vendor: Vendor,
    specs: &[Arc<ApiSpec>],
) -> Result<Arc<ApiSpec>, RouteError> {
    let header = |n: &str| req.header(n).map(str::trim).filter(|v| !v.is_empty());
    let (action, version, service) = match (vendor, wire.auth_scheme) {
        (Vendor::Tencent3, AuthScheme::Tc3) => (header("X-TC-Action"), header("X-TC-Version"), tc3_service(req)),
        (Vendor::Alibaba, AuthScheme::Acs3) => (header("x-acs-action"), header("x-acs-version"), None),
        _ => (wire.param("Action"), wire.param("Version"), None),
    };
    let action = action.ok_or(RouteError::MissingAction)?;
    let style = style_of(vendor);
    // tencentcloud-sdk-nodejs takes the service from the endpoint's first label, so pointed at
    // 127.0.0.1:PORT it signs for service "127": that label, when no API has it as its service,
    // does not narrow the choice. Any other service still has to be the API's.
    let first_label = wire.host.split(['.', ':']).next().unwrap_or("");
    let known = |p: &str| specs.iter().any(|s| s.style == style && (s.product == p || s.service() == p));
    let service = service.filter(|p| *p != first_label || known(p));
    let product = host_product(&wire.host, vendor, specs).or(service.map(ToString::to_string));
    let mut same_action = specs
        .iter()
        .filter(|s| s.style == style && s.action == action)
        .filter(|s| product.as_deref().map_or(true, |p| s.product == p || s.service() == p))
        .peekable();
    if same_action.peek().is_none() {
        return Err(RouteError::UnknownAction { action: action.into(), product });
    }
    let candidates: Vec<&Arc<ApiSpec>> = same_action.collect();
    if vendor == Vendor::TencentLegacy {
        // API 2.0 chooses by Action; Version is a parameter the service itself checks.
        return Ok(Arc::clone(candidates[0]));
    }
    let version = version.unwrap_or("");
    candidates.iter().find(|s| s.version == version).map(|s| Arc::clone(s)).ok_or_else(|| RouteError::UnknownVersion {
        action: action.into(),
        version: version.into(),
        known: candidates.iter().map(|s| s.version.as_str()).collect::<Vec<_>>().join(", "),
    })
}

/// The service of a TC3 credential scope (`SecretId/date/service/tc3_request`).
fn tc3_service(req: &HttpRequest) -> Option<&str> {
    let auth = req.header("authorization")?;
    let credential = auth.split([' ', ',']).find_map(|item| item.trim().strip_prefix("Credential="))?;
    credential.split('/').nth(2).filter(|s| !s.is_empty())
}

/// The product a vendor host names: a spec's own host, region host or host pattern, or for
/// Tencent `{product}[.{region}].tencentcloudapi.com` / `{product}.api.qcloud.com`.
fn host_product(host: &str, vendor: Vendor, specs: &[Arc<ApiSpec>]) -> Option<String> {
    let style = style_of(vendor);
    for s in specs.iter().filter(|s| s.style == style) {
        let e = &s.endpoints;
        let by_pattern = e.pattern.as_deref().and_then(|p| p.split_once("{region}")).is_some_and(|(pre, post)| {
            host.len() > pre.len() + post.len() && host.starts_with(pre) && host.ends_with(post)
        });
        if e.default == host || e.regions.values().any(|h| h == host) || by_pattern {
            return Some(s.product.clone());
        }
    }
    if is_tencent3_host(host) || is_legacy_host(host) || is_alibaba_host(host) {
        return host.split('.').next().map(ToString::to_string);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_come_off_hosts() {
        assert_eq!(strip_port("127.0.0.1:8080"), "127.0.0.1");
        assert_eq!(strip_port("ms.tencentcloudapi.com"), "ms.tencentcloudapi.com");
        assert_eq!(strip_port("[::1]:80"), "[::1]");
    }
}
