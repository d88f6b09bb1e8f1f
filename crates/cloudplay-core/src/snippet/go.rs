//! Go: the vendors' generic clients; the signed request through `net/http` where no SDK is.

use alloc::format;
use alloc::string::String;

use super::curl::{token_env, without_token_params, TOKEN_NOTE};
use super::text::{comment_lines, go_str, render, Dialect, Node};
use super::{expiry_note, need_signed, AlibabaParts, Ctx};
use crate::error::Result;
use crate::http::HttpRequest;
use crate::spec::ApiStyle;

pub(crate) fn snippet(ctx: &Ctx<'_>, signed: Option<&HttpRequest>) -> Result<String> {
    match ctx.spec.style {
        ApiStyle::TencentApi3 => tencent_api3(ctx),
        ApiStyle::TencentLegacy => {
            let signed = need_signed(signed, "Go for Tencent Cloud API 2.0 (no SDK covers it)")?;
            Ok(legacy_http(ctx, signed))
        }
        ApiStyle::AlibabaRpc => alibaba_rpc(ctx),
    }
}

fn tencent_api3(ctx: &Ctx<'_>) -> Result<String> {
    let spec = ctx.spec;
    // JSON text in a raw string: `json_str` escapes backticks and carriage returns, the two
    // things a Go raw string cannot hold.
    let json = render(&Node::from_params(spec, &ctx.call.params)?, Dialect::Json, "");
    Ok(format!(
        r#"// go get github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
)

const paramsJSON = `{json}`

func main() {{
	// The token is empty unless the credentials are temporary ones.
	credential := common.NewTokenCredential(
		os.Getenv("TENCENTCLOUD_SECRET_ID"),
		os.Getenv("TENCENTCLOUD_SECRET_KEY"),
		os.Getenv("TENCENTCLOUD_SESSION_TOKEN"),
	)
	cpf := profile.NewClientProfile()
	cpf.HttpProfile.Endpoint = {host}
{scheme}	cpf.HttpProfile.ReqMethod = "POST"
	client := common.NewCommonClient(credential, {region}, cpf)

	request := tchttp.NewCommonRequest({service}, {version}, {action})
	// UseNumber keeps integers exact; SetActionParameters on the text would read them as
	// float64 and round those past 2^53.
	params := map[string]interface{{}}{{}}
	decoder := json.NewDecoder(strings.NewReader(paramsJSON))
	decoder.UseNumber()
	if err := decoder.Decode(&params); err != nil {{
		panic(err)
	}}
	if err := request.SetActionParameters(params); err != nil {{
		panic(err)
	}}
	response := tchttp.NewCommonResponse()
	if err := client.Send(request, response); err != nil {{
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}}
	fmt.Println(string(response.GetBody()))
}}
"#,
        host = go_str(&ctx.host),
        scheme = if ctx.plain_http { "\tcpf.HttpProfile.Scheme = \"HTTP\"\n" } else { "" },
        region = go_str(ctx.region.unwrap_or("")),
        service = go_str(spec.service()),
        version = go_str(&spec.version),
        action = go_str(&spec.action),
    ))
}

/// `map[string]*string{…}` (or `map[string]interface{}` for a body) with one member a line.
fn go_map(pairs: &[(String, String)], indent: &str, pointer: bool) -> String {
    let mut out = String::from(if pointer { "map[string]*string{\n" } else { "map[string]interface{}{\n" });
    let keys: alloc::vec::Vec<String> = pairs.iter().map(|(k, _)| format!("{}:", go_str(k))).collect();
    // Values aligned in one column, as gofmt lays out a composite literal.
    let width = keys.iter().map(|k| k.chars().count()).max().unwrap_or(0);
    for (key, (_, v)) in keys.iter().zip(pairs) {
        let value = if pointer { format!("dara.String({})", go_str(v)) } else { go_str(v) };
        let pad = width - key.chars().count() + 1;
        out.push_str(&format!("{indent}\t{key}{:pad$}{value},\n", ""));
    }
    out.push_str(indent);
    out.push('}');
    out
}

fn alibaba_rpc(ctx: &Ctx<'_>) -> Result<String> {
    let spec = ctx.spec;
    let parts = AlibabaParts::of(ctx)?;
    let mut fields = format!("\t\tQuery: {},\n", go_map(&parts.query, "\t\t", true));
    if !parts.body.is_empty() {
        fields.push_str(&format!("\t\tBody: {},\n", go_map(&parts.body, "\t\t", false)));
    }
    if !parts.headers.is_empty() {
        fields.push_str(&format!("\t\tHeaders: {},\n", go_map(&parts.headers, "\t\t", true)));
    }
    Ok(format!(
        r#"// go get github.com/alibabacloud-go/darabonba-openapi/v2 github.com/alibabacloud-go/tea
package main

import (
	"fmt"
	"os"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	"github.com/alibabacloud-go/tea/dara"
)

func main() {{
	client, err := openapi.NewClient(&openapi.Config{{
		AccessKeyId:     dara.String(os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_ID")),
		AccessKeySecret: dara.String(os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET")),
		// Empty unless the credentials are STS ones.
		SecurityToken:   dara.String(os.Getenv("ALIBABA_CLOUD_SECURITY_TOKEN")),
		Endpoint:        dara.String({host}),
	}})
	if err != nil {{
		panic(err)
	}}
	params := &openapi.Params{{
		Action:      dara.String({action}),
		Version:     dara.String({version}),
		Protocol:    dara.String({protocol}),
		Method:      dara.String({method}),
		AuthType:    dara.String("AK"),
		Style:       dara.String("RPC"),
		Pathname:    dara.String("/"),
		ReqBodyType: dara.String({req_body_type}),
		BodyType:    dara.String("json"),
	}}
	// RPC parameters travel flat: nested values as Name.N.Field, lists counted from 1.
	request := &openapi.OpenApiRequest{{
{fields}	}}
	// darabonba-openapi/v2 v2.1 and later; before v2.1, pass &util.RuntimeOptions{{}} from
	// github.com/alibabacloud-go/tea-utils/v2/service instead.
	response, err := client.CallApi(params, request, &dara.RuntimeOptions{{}})
	if err != nil {{
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}}
	fmt.Println(response["body"])
}}
"#,
        host = go_str(&ctx.host),
        action = go_str(&spec.action),
        version = go_str(&spec.version),
        method = go_str(&parts.method),
        req_body_type = go_str(parts.req_body_type()),
        protocol = go_str(parts.protocol),
    ))
}

fn legacy_http(ctx: &Ctx<'_>, signed: &HttpRequest) -> String {
    let (shown, redacted) = without_token_params(signed);
    let mut out = format!(
        "// Tencent Cloud API 2.0 ({}) has no Go SDK:\n\
         // tencentcloud-sdk-go covers API 3.0 only. This sends the request exactly as\n\
         // the playground signed it.\n",
        ctx.host
    );
    out.push_str(&comment_lines("//", expiry_note(ctx.spec.style)));
    if redacted {
        out.push_str(&comment_lines("//", TOKEN_NOTE));
    }
    let has_body = !shown.body.is_empty();
    out.push_str("package main\n\nimport (\n\t\"fmt\"\n\t\"io\"\n\t\"net/http\"\n\t\"os\"\n");
    if has_body {
        out.push_str("\t\"strings\"\n");
    }
    out.push_str(")\n\nfunc main() {\n");
    let body = if has_body { format!("strings.NewReader({})", go_str(&shown.body)) } else { "http.NoBody".into() };
    out.push_str(&format!(
        "\treq, err := http.NewRequest({}, {}, {body})\n\tif err != nil {{\n\t\tpanic(err)\n\t}}\n",
        go_str(&shown.method),
        go_str(&shown.url())
    ));
    for (name, value) in &shown.headers {
        if name.eq_ignore_ascii_case("host") {
            // net/http sends req.Host, not a Host header.
            out.push_str(&format!("\treq.Host = {}\n", go_str(value)));
            continue;
        }
        let value = match token_env(name) {
            Some(var) => format!("os.Getenv({})", go_str(var)),
            None => go_str(value),
        };
        out.push_str(&format!("\treq.Header.Set({}, {value})\n", go_str(name)));
    }
    out.push_str(
        "\tresp, err := http.DefaultClient.Do(req)\n\tif err != nil {\n\t\tfmt.Fprintln(os.Stderr, err)\n\t\tos.Exit(1)\n\t}\n\
         \tdefer resp.Body.Close()\n\tbody, _ := io.ReadAll(resp.Body)\n\tfmt.Println(resp.Status, string(body))\n}\n",
    );
    out
}
