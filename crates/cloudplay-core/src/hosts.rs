//! Which host names are the vendors' API endpoints: where the proxy may forward a signed
//! request, and what imported metadata may name as an endpoint.
//!
//! A signed request carries a signature and, with temporary credentials, the session token.
//! Under `aliyuncs.com` some names belong to customers (an OSS bucket is
//! `<bucket>.oss-<region>.aliyuncs.com`, Function Compute `<account>.<region>.fc.aliyuncs.com`),
//! so a name there is an API endpoint only in the shape the vendor's endpoints have:
//! `<product>[.<region>].aliyuncs.com`, and not a bucket's.

/// The vendors' API domains.
pub const VENDOR_DOMAINS: [&str; 3] = ["tencentcloudapi.com", "api.qcloud.com", "aliyuncs.com"];

/// What [`is_vendor_api_host`] accepts, said in a refusal.
pub const VENDOR_HOST_SHAPES: &str =
    "*.tencentcloudapi.com, *.api.qcloud.com, or <product>[.<region>].aliyuncs.com (not an OSS bucket's)";

/// Whether `host` (no port; a trailing dot allowed) is a vendor API endpoint.
pub fn is_vendor_api_host(host: &str) -> bool {
    // Host names are case-insensitive: `attacker.OSS-cn-hangzhou` is a bucket all the same.
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if host.is_empty() || !host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.') {
        return false;
    }
    VENDOR_DOMAINS.iter().any(|domain| {
        let Some(labels) = host.strip_suffix(domain).and_then(|l| l.strip_suffix('.')) else { return false };
        if labels.is_empty() || labels.split('.').any(str::is_empty) {
            return false;
        }
        if *domain != "aliyuncs.com" {
            return true;
        }
        let labels: alloc::vec::Vec<&str> = labels.split('.').collect();
        match labels[..] {
            [_] => true,
            // `<product>.<region>`: a region such as cn-hangzhou or ap-southeast-1, or the
            // vpc-proxy of internal endpoints. Customers' names take this shape too, with
            // a service after them (`<instance>.elasticsearch`) or an OSS region (a bucket).
            [_, second] => region_like(second) && !second.starts_with("oss"),
            _ => false,
        }
    })
}

/// Whether `host` is a vendor API endpoint under `domain`, one of [`VENDOR_DOMAINS`].
pub fn is_api_host_under(host: &str, domain: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    is_vendor_api_host(&host) && host.strip_suffix(domain).is_some_and(|labels| labels.ends_with('.'))
}

/// The product a Tencent API 3.0 host names (`hai` of `hai.ap-guangzhou.tencentcloudapi.com`;
/// no port, a trailing dot and any case allowed), if `host` is one.
pub fn tencent_api3_product(host: &str) -> Option<&str> {
    const DOMAIN: &str = ".tencentcloudapi.com";
    let host = host.trim_end_matches('.');
    let cut = host.len().checked_sub(DOMAIN.len())?;
    host.get(cut..).filter(|d| d.eq_ignore_ascii_case(DOMAIN))?;
    host[..cut].split('.').next().filter(|p| !p.is_empty())
}

/// `cn-hangzhou`, `ap-southeast-1`, `cn-shenzhen-finance-1`, `vpc-proxy`: letters, a dash,
/// then more.
fn region_like(label: &str) -> bool {
    let Some((area, rest)) = label.split_once('-') else { return false };
    (2..=4).contains(&area.len()) && area.bytes().all(|b| b.is_ascii_lowercase()) && !rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vendor_endpoints_are_api_hosts() {
        for ok in [
            "hai.tencentcloudapi.com",
            "cvm.ap-guangzhou.tencentcloudapi.com",
            "postgres.api.qcloud.com",
            "business.aliyuncs.com",
            "business.ap-southeast-1.aliyuncs.com",
            "business-vpc.cn-shenzhen-finance-1.aliyuncs.com",
            "business.vpc-proxy.aliyuncs.com",
            "oss-cn-hangzhou.aliyuncs.com",
            "ecs.cn-shanghai.aliyuncs.com.",
            // Any case: host names are case-insensitive.
            "ECS.ALIYUNCS.COM",
            "Business.AP-Southeast-1.aliyuncs.com",
        ] {
            assert!(is_vendor_api_host(ok), "{ok}");
        }
    }

    #[test]
    fn other_names_and_customer_names_under_a_vendor_domain_are_not() {
        for bad in [
            "tencentcloudapi.com",
            "eviltencentcloudapi.com",
            "aliyuncs.com",
            "aliyuncs.com.evil.net",
            "127.0.0.1",
            "",
            "a b.aliyuncs.com",
            "x.api.qcloud.com@evil",
            "..aliyuncs.com",
            // An OSS bucket, a Function Compute account, a log project: customers' names.
            "attacker-bucket.oss-cn-hangzhou.aliyuncs.com",
            "bucket.oss-accelerate.aliyuncs.com",
            "123456.cn-hangzhou.fc.aliyuncs.com",
            "project.cn-hangzhou.log.aliyuncs.com",
            "attacker.OSS-cn-hangzhou.aliyuncs.com",
            // An instance's name before its service.
            "es-cn-abc123.elasticsearch.aliyuncs.com",
            "am-abc123.ads.aliyuncs.com",
        ] {
            assert!(!is_vendor_api_host(bad), "{bad}");
        }
    }
}
