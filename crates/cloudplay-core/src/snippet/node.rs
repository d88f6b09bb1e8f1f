//! Node.js: the vendors' generic clients; the signed request through `fetch` where no SDK is.

use alloc::format;
use alloc::string::String;

use super::curl::{token_env, without_token_params, TOKEN_NOTE};
use super::text::{comment_lines, js_str, one_line, render, Dialect, Node};
use super::{expiry_note, need_signed, AlibabaParts, Ctx};
use crate::error::Result;
use crate::http::HttpRequest;
use crate::spec::ApiStyle;

const BIGINT_NOTE: &str = "// Integers past 2^53 are BigInt literals (…n): a Number would round them. The SDK\n\
                           // writes BigInt into the JSON body digit for digit.\n";

pub(crate) fn snippet(ctx: &Ctx<'_>, signed: Option<&HttpRequest>) -> Result<String> {
    match ctx.spec.style {
        ApiStyle::TencentApi3 => tencent_api3(ctx),
        ApiStyle::TencentLegacy => {
            let signed = need_signed(signed, "Node.js for Tencent Cloud API 2.0 (no SDK covers it)")?;
            Ok(legacy_fetch(ctx, signed))
        }
        ApiStyle::AlibabaRpc => alibaba_rpc(ctx),
    }
}

fn tencent_api3(ctx: &Ctx<'_>) -> Result<String> {
    let spec = ctx.spec;
    let tree = Node::from_params(spec, &ctx.call.params)?;
    let mut notes = String::new();
    // The Node SDK takes the signing service from the endpoint's first label.
    let first_label = ctx.host.split(['.', ':']).next().unwrap_or("");
    if first_label != spec.service() {
        notes.push_str(&format!(
            "// This SDK signs for the service named by the endpoint's first label ('{first_label}'),\n\
             // while this API's is '{}': use the Python or Go snippet for this endpoint.\n",
            one_line(spec.service())
        ));
    }
    if tree.has_unsafe_int() {
        notes.push_str(BIGINT_NOTE);
    }
    let region = match ctx.region {
        Some(r) => format!("  region: {},\n", js_str(r)),
        None => String::new(),
    };
    Ok(format!(
        r#"// npm install tencentcloud-sdk-nodejs-common
const {{ CommonClient }} = require("tencentcloud-sdk-nodejs-common");

{notes}const client = new CommonClient({host}, {version}, {{
  credential: {{
    secretId: process.env.TENCENTCLOUD_SECRET_ID,
    secretKey: process.env.TENCENTCLOUD_SECRET_KEY,
    token: process.env.TENCENTCLOUD_SESSION_TOKEN, // temporary credentials only
  }},
{region}{profile}}});

const params = {params};

client.request({action}, params).then(
  (data) => console.log(data),
  (err) => console.error(err),
);
"#,
        host = js_str(&ctx.host),
        profile = if ctx.plain_http { "  profile: { httpProfile: { protocol: \"http://\" } },\n" } else { "" },
        version = js_str(&spec.version),
        params = render(&tree, Dialect::JavaScript, ""),
        action = js_str(&spec.action),
    ))
}

fn alibaba_rpc(ctx: &Ctx<'_>) -> Result<String> {
    let spec = ctx.spec;
    let parts = AlibabaParts::of(ctx)?;
    let mut decls = format!("const query = {};\n", render(&AlibabaParts::node(&parts.query), Dialect::JavaScript, ""));
    let mut fields = String::from("query");
    for (name, pairs) in [("body", &parts.body), ("headers", &parts.headers)] {
        if !pairs.is_empty() {
            decls.push_str(&format!(
                "const {name} = {};\n",
                render(&AlibabaParts::node(pairs), Dialect::JavaScript, "")
            ));
            fields.push_str(", ");
            fields.push_str(name);
        }
    }
    Ok(format!(
        r#"// npm install @alicloud/openapi-client @alicloud/tea-util
const OpenApi = require("@alicloud/openapi-client");
const Util = require("@alicloud/tea-util");

const client = new OpenApi.default(new OpenApi.Config({{
  accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID,
  accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
  securityToken: process.env.ALIBABA_CLOUD_SECURITY_TOKEN, // STS credentials only
  endpoint: {host},
}}));
const api = new OpenApi.Params({{
  action: {action},
  version: {version},
  protocol: {protocol},
  method: {method},
  authType: "AK",
  style: "RPC",
  pathname: "/",
  reqBodyType: {req_body_type},
  bodyType: "json",
}});
// RPC parameters travel flat: nested values as Name.N.Field, lists counted from 1.
{decls}const request = new OpenApi.OpenApiRequest({{ {fields} }});

client.callApi(api, request, new Util.RuntimeOptions({{}})).then(
  (response) => console.log(JSON.stringify(response.body, null, 2)),
  (err) => console.error(err),
);
"#,
        host = js_str(&ctx.host),
        action = js_str(&spec.action),
        version = js_str(&spec.version),
        method = js_str(&parts.method),
        protocol = js_str(parts.protocol),
        req_body_type = js_str(parts.req_body_type()),
    ))
}

fn legacy_fetch(ctx: &Ctx<'_>, signed: &HttpRequest) -> String {
    let (shown, redacted) = without_token_params(signed);
    let mut out = format!(
        "// Tencent Cloud API 2.0 ({}) has no maintained Node.js SDK:\n\
         // tencentcloud-sdk-nodejs covers API 3.0 only. This sends the request exactly as\n\
         // the playground signed it.\n",
        ctx.host
    );
    out.push_str(&comment_lines("//", expiry_note(ctx.spec.style)));
    if redacted {
        out.push_str(&comment_lines("//", TOKEN_NOTE));
    }
    out.push_str("// Node.js 18 or later (global fetch).\n");
    out.push_str(&format!("fetch({}, {{\n  method: {},\n", js_str(&shown.url()), js_str(&shown.method)));
    // fetch derives Host from the URL and refuses to set it by hand.
    let headers: alloc::vec::Vec<&(String, String)> =
        shown.headers.iter().filter(|(n, _)| !n.eq_ignore_ascii_case("host")).collect();
    if !headers.is_empty() {
        out.push_str("  headers: {\n");
        for (name, value) in headers {
            let value = match token_env(name) {
                Some(var) => format!("process.env.{var}"),
                None => js_str(value),
            };
            out.push_str(&format!("    {}: {value},\n", js_str(name)));
        }
        out.push_str("  },\n");
    }
    if !shown.body.is_empty() {
        out.push_str(&format!("  body: {},\n", js_str(&shown.body)));
    }
    out.push_str(
        "}).then(\n  async (res) => console.log(res.status, await res.text()),\n  (err) => console.error(err),\n);\n",
    );
    out
}
