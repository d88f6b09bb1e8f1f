//! The vendor CLIs: `tccli` (API 3.0, unfolded arguments) and `aliyun` (RPC).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde_json::Value;

use super::curl::curl_command;
use super::text::sh_quote;
use super::{need_signed, AlibabaParts, Ctx};
use crate::build::{flatten, ordered};
use crate::error::{Error, ErrorKind, Result};
use crate::http::HttpRequest;
use crate::spec::ApiStyle;

pub(crate) fn snippet(ctx: &Ctx<'_>, signed: Option<&HttpRequest>) -> Result<String> {
    match ctx.spec.style {
        ApiStyle::TencentApi3 => tccli(ctx),
        ApiStyle::TencentLegacy => {
            let signed = need_signed(signed, "the CLI form of a Tencent Cloud API 2.0 call (tccli has none)")?;
            Ok(format!(
                "# tccli covers Tencent Cloud API 3.0 only; API 2.0 ({}) has no CLI.\n\
                 # The signed request as curl instead:\n{}",
                ctx.host,
                curl_command(ctx.spec.style, signed)
            ))
        }
        ApiStyle::AlibabaRpc => aliyun(ctx),
    }
}

/// `--Name value` lines, continued with a backslash.
fn push_args(out: &mut String, pairs: &[(String, String)]) {
    for (name, value) in pairs {
        out.push_str(" \\\n  ");
        out.push_str(&sh_quote(&format!("--{name}")));
        out.push(' ');
        out.push_str(&sh_quote(value));
    }
    out.push('\n');
}

fn tccli(ctx: &Ctx<'_>) -> Result<String> {
    let spec = ctx.spec;
    let empty = serde_json::Map::new();
    let map = match &ctx.call.params {
        Value::Object(m) => m,
        Value::Null => &empty,
        _ => return Err(Error::at(ErrorKind::InvalidField, "params", "the parameters must be a JSON object")),
    };
    // tccli's --cli-unfold-argument rebuilds objects and lists from dotted names with 0-based
    // indices: the same flattening as Tencent's own wire form.
    let mut pairs: Vec<(String, String)> = Vec::new();
    for e in ordered(Some(&spec.params), map) {
        flatten(spec, e.name.into(), e.param, e.value, 0, 0, &mut pairs)?;
    }
    let mut out = String::from(
        "# pip install tccli; credentials from `tccli configure` or\n\
         # TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY (temporary ones: TENCENTCLOUD_TOKEN too).\n",
    );
    // tccli names a command after its service module, which is the product's short name but
    // where that is a Python keyword (Auto Scaling's `as`).
    let command = match spec.product.as_str() {
        "as" => "autoscaling",
        product => product,
    };
    out.push_str(&format!("tccli {} {}", sh_quote(command), sh_quote(&spec.action)));
    // A product's other versions are reached only by naming one; tccli's default is its newest.
    out.push_str(&format!(" --version {}", sh_quote(&spec.version)));
    if let Some(region) = ctx.region {
        out.push_str(&format!(" --region {}", sh_quote(region)));
    }
    if ctx.call.endpoint.as_deref().is_some_and(|e| !e.is_empty()) {
        out.push_str(&format!(" --endpoint {}", sh_quote(&ctx.host)));
    }
    if ctx.plain_http {
        out.insert_str(0, "# tccli has no switch to plain HTTP: for an http:// endpoint, use the curl snippet.\n");
    }
    out.push_str(" --cli-unfold-argument");
    push_args(&mut out, &pairs);
    Ok(out)
}

fn aliyun(ctx: &Ctx<'_>) -> Result<String> {
    let spec = ctx.spec;
    let parts = AlibabaParts::of(ctx)?;
    let mut out = String::from(
        "# aliyun CLI; credentials from `aliyun configure` or\n\
         # ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET\n\
         # (STS ones: ALIBABA_CLOUD_SECURITY_TOKEN too).\n",
    );
    out.push_str(&format!("aliyun {} {}", sh_quote(&spec.product), sh_quote(&spec.action)));
    if let Some(region) = ctx.region {
        out.push_str(&format!(" --region {}", sh_quote(region)));
    }
    out.push_str(&format!(" --endpoint {}", sh_quote(&ctx.host)));
    if ctx.plain_http {
        // The aliyun CLI's switch to plain HTTP.
        out.push_str(" --insecure");
    }
    let mut pairs = parts.query;
    pairs.extend(parts.body);
    pairs.extend(parts.headers);
    push_args(&mut out, &pairs);
    Ok(out)
}
