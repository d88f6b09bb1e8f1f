//! Reading a request someone pasted into the verification panel: raw HTTP text or a curl
//! command line, into the same [`HttpRequest`] that `build` and `sign` use.

mod curl;
mod http;
pub mod shell;

pub use curl::parse_curl;
pub use http::parse_raw_http;

use crate::error::Result;
use crate::http::HttpRequest;

/// What kind of text [`detect_and_parse`] saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RawKind {
    Curl,
    Http,
}

/// Whether `text` is a curl command (its first word, after blank and `#` comment lines and an
/// optional `$ ` prompt, is `curl`) or raw HTTP.
pub fn detect(text: &str) -> RawKind {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with('#')).unwrap_or("");
    let first = first.strip_prefix("$ ").unwrap_or(first);
    let word = first.split_whitespace().next().unwrap_or("");
    let program = word.rsplit(['/', '\\']).next().unwrap_or(word);
    if program == "curl" || program.eq_ignore_ascii_case("curl.exe") {
        RawKind::Curl
    } else {
        RawKind::Http
    }
}

/// Parses `text` as curl or raw HTTP (origin-form targets default to https).
pub fn detect_and_parse(text: &str) -> Result<HttpRequest> {
    match detect(text) {
        RawKind::Curl => parse_curl(text),
        RawKind::Http => parse_raw_http(text, "https"),
    }
}
