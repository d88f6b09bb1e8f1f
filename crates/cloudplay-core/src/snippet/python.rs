//! Python: the vendors' generic clients, credentials from the environment.

use alloc::format;
use alloc::string::String;

use super::text::{py_str, render, Dialect, Node};
use super::{AlibabaParts, Ctx};
use crate::error::Result;
use crate::sign::Algorithm;
use crate::spec::ApiStyle;

pub(crate) fn snippet(ctx: &Ctx<'_>) -> Result<String> {
    match ctx.spec.style {
        ApiStyle::TencentApi3 => tencent_api3(ctx),
        ApiStyle::TencentLegacy => tencent_legacy(ctx),
        ApiStyle::AlibabaRpc => alibaba_rpc(ctx),
    }
}

fn tencent_api3(ctx: &Ctx<'_>) -> Result<String> {
    let spec = ctx.spec;
    let params = render(&Node::from_params(spec, &ctx.call.params)?, Dialect::Python, "");
    Ok(format!(
        r#"# pip install tencentcloud-sdk-python-common
import json
import os

from tencentcloud.common import credential
from tencentcloud.common.common_client import CommonClient
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile

cred = credential.Credential(
    os.environ["TENCENTCLOUD_SECRET_ID"],
    os.environ["TENCENTCLOUD_SECRET_KEY"],
    os.environ.get("TENCENTCLOUD_SESSION_TOKEN"),  # temporary credentials only
)
http_profile = HttpProfile()
http_profile.endpoint = {host}
{scheme}client_profile = ClientProfile()
client_profile.httpProfile = http_profile
client = CommonClient({service}, {version}, cred, {region}, profile=client_profile)

params = {params}
response = client.call_json({action}, params)
print(json.dumps(response, indent=2, ensure_ascii=False))
"#,
        host = py_str(&ctx.host),
        scheme = if ctx.plain_http { "http_profile.scheme = \"http\"\n" } else { "" },
        service = py_str(spec.service()),
        version = py_str(&spec.version),
        region = py_str(ctx.region.unwrap_or("")),
        action = py_str(&spec.action),
    ))
}

/// qcloudapi opens only HTTPS connections (its proxy support is a CONNECT tunnel).
const HTTPS_ONLY: &str = "# This SDK speaks HTTPS only: for an http:// endpoint, use the curl snippet.\n";

fn tencent_legacy(ctx: &Ctx<'_>) -> Result<String> {
    let spec = ctx.spec;
    let params = render(&Node::from_params(spec, &ctx.call.params)?, Dialect::Python, "");
    let signature_method = match spec.algorithms.first() {
        Some(Algorithm::TcHmacSha1) => "HmacSHA1",
        _ => "HmacSHA256",
    };
    let method = spec.methods.first().map_or("GET", String::as_str);
    let region = match ctx.region {
        Some(r) => format!("    \"Region\": {},\n", py_str(r)),
        None => String::new(),
    };
    Ok(format!(
        r#"# pip install qcloudapi-sdk-python
# Tencent Cloud API 2.0 on {host}: the legacy SDK signs it, and sends nested
# values flattened as Name.0.Field, as the API expects.
{https_only}import os

from QcloudApi.qcloudapi import QcloudApi

config = {{
    "secretId": os.environ["TENCENTCLOUD_SECRET_ID"],
    "secretKey": os.environ["TENCENTCLOUD_SECRET_KEY"],
{region}    "Version": {version},
    "method": {method},
    "SignatureMethod": {signature_method},
    # Used for modules the SDK has no built-in host for (2.0.15 and later).
    "endpoint": {host_lit},
}}
params = {params}
service = QcloudApi({module}, config)
print(service.call({action}, params))
"#,
        host = ctx.host,
        https_only = if ctx.plain_http { HTTPS_ONLY } else { "" },
        version = py_str(&spec.version),
        method = py_str(method),
        signature_method = py_str(signature_method),
        host_lit = py_str(&ctx.host),
        module = py_str(&spec.product),
        action = py_str(&spec.action),
    ))
}

fn alibaba_rpc(ctx: &Ctx<'_>) -> Result<String> {
    let spec = ctx.spec;
    let parts = AlibabaParts::of(ctx)?;
    let mut extra_decl = String::new();
    let mut extra_args = String::new();
    for (name, pairs) in [("body", &parts.body), ("headers", &parts.headers)] {
        if !pairs.is_empty() {
            extra_decl.push_str(&format!("{name} = {}\n", render(&AlibabaParts::node(pairs), Dialect::Python, "")));
            extra_args.push_str(&format!(", {name}={name}"));
        }
    }
    Ok(format!(
        r#"# pip install alibabacloud_tea_openapi
import json
import os

from alibabacloud_tea_openapi import models as open_api_models
from alibabacloud_tea_openapi.client import Client as OpenApiClient

try:  # alibabacloud_tea_openapi 0.4 and later
    from darabonba.runtime import RuntimeOptions
except ImportError:  # 0.3
    from alibabacloud_tea_util.models import RuntimeOptions

config = open_api_models.Config(
    access_key_id=os.environ["ALIBABA_CLOUD_ACCESS_KEY_ID"],
    access_key_secret=os.environ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"],
    security_token=os.environ.get("ALIBABA_CLOUD_SECURITY_TOKEN"),  # STS credentials only
    endpoint={host},
)
client = OpenApiClient(config)
api = open_api_models.Params(
    action={action},
    version={version},
    protocol={protocol},
    method={method},
    auth_type="AK",
    style="RPC",
    pathname="/",
    req_body_type={req_body_type},
    body_type="json",
)
# RPC parameters travel flat: nested values as Name.N.Field, lists counted from 1.
query = {query}
{extra_decl}request = open_api_models.OpenApiRequest(query=query{extra_args})
response = client.call_api(api, request, RuntimeOptions())
print(json.dumps(response["body"], indent=2, ensure_ascii=False))
"#,
        host = py_str(&ctx.host),
        action = py_str(&spec.action),
        version = py_str(&spec.version),
        method = py_str(&parts.method),
        req_body_type = py_str(parts.req_body_type()),
        protocol = py_str(parts.protocol),
        query = render(&AlibabaParts::node(&parts.query), Dialect::Python, ""),
    ))
}
