//! The signed request as one curl command line.

use alloc::string::String;

use super::expiry_note;
use super::text::{comment_lines, sh_quote};
use crate::build::CONTENT_FORM;
use crate::http::HttpRequest;
use crate::spec::ApiStyle;

/// Session-token headers and the environment variable the vendor's tools read it from. The
/// token belongs to temporary credentials, so the command names the variable instead of the
/// value; the shell fills it in, byte for byte, and the signature still matches.
const TOKEN_HEADERS: [(&str, &str); 2] =
    [("x-tc-token", "TENCENTCLOUD_SESSION_TOKEN"), ("x-acs-security-token", "ALIBABA_CLOUD_SECURITY_TOKEN")];

/// `curl -X METHOD 'url' -H '…' --data-raw '…'`, every piece single-quoted for a POSIX shell,
/// after a comment on how long the signature lasts. `parse_curl` reads it back to `request`
/// (a session-token header aside, which names an environment variable).
pub fn curl_command(style: ApiStyle, request: &HttpRequest) -> String {
    let mut out = comment_lines("#", expiry_note(style));
    let (shown, redacted) = without_token_params(request);
    if redacted {
        out.push_str(&comment_lines("#", TOKEN_NOTE));
    }
    let request = &shown;
    let url = request.url();
    out.push_str("curl");
    // curl reads [] and {} in a URL as ranges and lists unless told not to.
    if url.contains(['[', ']', '{', '}']) {
        out.push_str(" --globoff");
    }
    out.push_str(" -X ");
    out.push_str(&sh_quote(&request.method));
    out.push(' ');
    out.push_str(&sh_quote(&url));
    for (name, value) in &request.headers {
        out.push_str(" \\\n  -H ");
        match token_env(name) {
            Some(var) => {
                out.push_str(&sh_quote(&alloc::format!("{name}: ")));
                out.push_str("\"${");
                out.push_str(var);
                out.push_str("}\"");
            }
            // `-H 'Name:'` would make curl drop the header; `Name;` sends it empty.
            None if value.is_empty() => out.push_str(&sh_quote(&alloc::format!("{name};"))),
            None => out.push_str(&sh_quote(&alloc::format!("{name}: {value}"))),
        }
    }
    if !request.body.is_empty() {
        out.push_str(" \\\n  --data-raw ");
        out.push_str(&sh_quote(&request.body));
    }
    out.push('\n');
    out
}

/// Parameters that carry a session token on the wire (Tencent v1/legacy, Alibaba RPC).
const TOKEN_PARAMS: [&str; 2] = ["Token", "SecurityToken"];
const TOKEN_PLACEHOLDER: &str = "SESSION-TOKEN";
pub(crate) const TOKEN_NOTE: &str = "The session token is left out: put yours, URL-encoded, in place of SESSION-TOKEN.";

/// Replaces the value of every session-token parameter in an encoded query or form body.
fn redact_token_params(encoded: &mut String) -> bool {
    let hit = |seg: &str| TOKEN_PARAMS.iter().any(|t| seg.split('=').next() == Some(t));
    if !encoded.split('&').any(hit) {
        return false;
    }
    let parts: alloc::vec::Vec<String> = encoded
        .split('&')
        .map(|seg| match seg.split_once('=') {
            Some((name, _)) if hit(seg) => alloc::format!("{name}={TOKEN_PLACEHOLDER}"),
            _ => seg.into(),
        })
        .collect();
    *encoded = parts.join("&");
    true
}

/// The environment variable that stands in for a session-token header's value.
pub(crate) fn token_env(header: &str) -> Option<&'static str> {
    TOKEN_HEADERS.iter().find(|(h, _)| header.eq_ignore_ascii_case(h)).map(|(_, var)| *var)
}

/// The request with every session-token parameter's value replaced by a placeholder, and
/// whether there was one.
pub(crate) fn without_token_params(request: &HttpRequest) -> (HttpRequest, bool) {
    let mut shown = request.clone();
    let form = request.header("content-type").is_some_and(|c| c.starts_with(CONTENT_FORM));
    let mut redacted = redact_token_params(&mut shown.query);
    if form {
        redacted |= redact_token_params(&mut shown.body);
    }
    (shown, redacted)
}
