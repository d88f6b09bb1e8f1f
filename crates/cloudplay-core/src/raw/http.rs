//! An HTTP/1.1 request pasted as text: request line, headers, blank line, body.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::error::{Error, ErrorKind, Result};
use crate::http::HttpRequest;

fn at_line(line: usize, message: impl Into<String>, message_zh: impl Into<String>) -> Error {
    Error::at(ErrorKind::InvalidField, format!("line {line}"), message).zh(message_zh)
}

/// RFC 9110 `tchar`: what a method or a header name may be made of.
fn is_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// Parses a request as text. The target may be origin-form (`/path?query`, the host then comes
/// from the `Host` header, the scheme from `default_scheme`) or absolute-form
/// (`https://host/path`). Lines may end in CRLF or LF; the `HTTP/1.1` may be missing. The body
/// is everything after the blank line, cut to `Content-Length` when given (a paste often adds a
/// newline); without it, trailing line breaks are dropped, since no API body ends in one.
///
/// Errors name the line: `InvalidField` at `line 3`, `DuplicateHeader` at the second line of a
/// repeated header, `MissingHeader` at `headers.Host` for origin-form without a `Host`.
pub fn parse_raw_http(text: &str, default_scheme: &str) -> Result<HttpRequest> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rest = text;
    let mut line_no = 0;
    let mut next_line = |rest: &mut &str| -> Option<(usize, String)> {
        if rest.is_empty() {
            return None;
        }
        let (line, tail) = match rest.find('\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (*rest, ""),
        };
        *rest = tail;
        line_no += 1;
        Some((line_no, line.strip_suffix('\r').unwrap_or(line).to_string()))
    };

    // Blank lines before the request line are tolerated (RFC 9112 §2.2).
    let (first_no, request_line) = loop {
        match next_line(&mut rest) {
            None => {
                return Err(at_line(
                    1,
                    "the request is empty; it starts with a line like 'POST / HTTP/1.1'",
                    "请求为空；请求应以 'POST / HTTP/1.1' 这样的一行开头。",
                ))
            }
            Some((_, l)) if l.trim().is_empty() => continue,
            Some(found) => break found,
        }
    };
    let (method, target) = request_line_parts(&request_line, first_no)?;

    let mut headers: Vec<(String, String)> = Vec::new();
    let mut header_lines: Vec<usize> = Vec::new();
    let mut saw_blank = false;
    while let Some((no, line)) = next_line(&mut rest) {
        if line.is_empty() {
            saw_blank = true;
            break;
        }
        if line.starts_with([' ', '\t']) {
            // Obsolete line folding: the line continues the previous header's value.
            let Some(last) = headers.last_mut() else {
                return Err(at_line(no, "a header line cannot start with whitespace", "请求头行不能以空白开头。"));
            };
            if !last.1.is_empty() {
                last.1.push(' ');
            }
            last.1.push_str(line.trim());
            continue;
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(at_line(
                no,
                format!("'{}' is not a header ('Name: value') and no blank line came before it", head_of(&line)),
                format!("'{}' 不是请求头（'Name: value'），它前面也没有空行。", head_of(&line)),
            ));
        };
        if !is_token(name) {
            return Err(at_line(
                no,
                format!("'{}' is not a header name (no spaces, no separators)", clip(name)),
                format!("'{}' 不是请求头名称（不能有空格或分隔符）。", clip(name)),
            ));
        }
        headers.push((name.into(), value.trim_matches([' ', '\t']).into()));
        header_lines.push(no);
    }
    if let Some((first, i)) = cloudplay_sign::text::first_repeat(headers.len(), &|i| headers[i].0.as_bytes(), true) {
        let (name, no) = (&headers[i].0, header_lines[i]);
        return Err(Error::at(
            ErrorKind::DuplicateHeader,
            format!("line {no}"),
            format!("the header '{name}' is given twice (lines {} and {no})", header_lines[first]),
        )
        .zh(format!("请求头 '{name}' 出现了两次（第 {} 行和第 {no} 行）。", header_lines[first])));
    }
    let body = if saw_blank { body_of(rest, &headers, &header_lines)? } else { String::new() };

    let mut request = if target.starts_with('/') {
        let host = headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("host")).map(|(_, v)| v.clone());
        let host = host.filter(|h| !h.is_empty()).ok_or_else(|| {
            Error::at(
                ErrorKind::MissingHeader,
                "headers.Host",
                "a request to a path needs a Host header to say where it goes",
            )
            .zh("目标是路径的请求需要 Host 请求头来说明发往哪里。")
        })?;
        let scheme = if default_scheme.is_empty() { "https" } else { default_scheme };
        let url = format!("{scheme}://{host}{target}");
        HttpRequest::from_url(&method, &url).map_err(|e| from_url_error(first_no, e))?
    } else if target.contains("://") {
        HttpRequest::from_url(&method, &target).map_err(|e| from_url_error(first_no, e))?
    } else {
        return Err(at_line(
            first_no,
            format!("the target '{}' is neither a path ('/…') nor an absolute URL ('https://host/…')", clip(&target)),
            format!("目标 '{}' 既不是路径（'/…'）也不是完整 URL（'https://host/…'）。", clip(&target)),
        ));
    };
    request.headers = headers;
    request.body = body;
    Ok(request)
}

/// `METHOD SP target [SP HTTP/x.y]`.
fn request_line_parts(line: &str, no: usize) -> Result<(String, String)> {
    let parts: Vec<&str> = line.split([' ', '\t']).filter(|p| !p.is_empty()).collect();
    let expected = "a request line is 'METHOD target HTTP/1.1', e.g. 'POST / HTTP/1.1'";
    let expected_zh = "请求行应为 'METHOD target HTTP/1.1'，例如 'POST / HTTP/1.1'";
    let (method, target, version) = match parts.as_slice() {
        [m, t] => (*m, *t, None),
        [m, t, v] => (*m, *t, Some(*v)),
        _ => {
            return Err(at_line(
                no,
                format!("'{}': {expected}", clip(line)),
                format!("'{}'：{expected_zh}。", clip(line)),
            ))
        }
    };
    if !is_token(method) {
        return Err(at_line(
            no,
            format!("'{}' is not an HTTP method; {expected}", clip(method)),
            format!("'{}' 不是 HTTP 方法；{expected_zh}。", clip(method)),
        ));
    }
    if let Some(v) = version.filter(|v| !is_http_version(v)) {
        return Err(at_line(
            no,
            format!("'{}' is not an HTTP version like HTTP/1.1", clip(v)),
            format!("'{}' 不是 HTTP/1.1 这样的 HTTP 版本。", clip(v)),
        ));
    }
    Ok((method.to_ascii_uppercase(), target.into()))
}

fn is_http_version(v: &str) -> bool {
    v.strip_prefix("HTTP/").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
}

fn body_of(rest: &str, headers: &[(String, String)], header_lines: &[usize]) -> Result<String> {
    let length = headers.iter().position(|(n, _)| n.eq_ignore_ascii_case("content-length"));
    let Some(i) = length else {
        return Ok(rest.trim_end_matches(['\r', '\n']).into());
    };
    let no = header_lines[i];
    let declared: usize = headers[i].1.parse().map_err(|_| {
        let shown = clip(&headers[i].1);
        at_line(
            no,
            format!("Content-Length '{shown}' is not a number of bytes"),
            format!("Content-Length '{shown}' 不是字节数。"),
        )
    })?;
    if rest.len() < declared {
        return Err(at_line(
            no,
            format!("Content-Length says {declared} bytes but the body has {}", rest.len()),
            format!("Content-Length 写的是 {declared} 字节，但请求体有 {} 字节。", rest.len()),
        ));
    }
    let (body, extra) = (rest.get(..declared), &rest.as_bytes()[declared..]);
    match body {
        Some(body) if extra.iter().all(|b| matches!(b, b'\r' | b'\n')) => Ok(body.into()),
        _ => Err(at_line(
            no,
            format!(
                "Content-Length says {declared} bytes but the body has {} (more than line breaks after it)",
                rest.len()
            ),
            format!("Content-Length 写的是 {declared} 字节，但请求体有 {} 字节（其后不只是换行）。", rest.len()),
        )),
    }
}

/// A URL the request line or Host makes that does not parse, at the request line.
fn from_url_error(line: usize, e: Error) -> Error {
    let zh = e.message_zh.clone().unwrap_or_else(|| format!("由此得到的 URL 无法解析：{}", e.message));
    at_line(line, e.message, zh)
}

/// At most 60 characters of user text for a message.
/// The start of a line that is not a header, as far as its first blank: enough to find it,
/// while the rest may be a token or a key given without its colon.
pub(crate) fn head_of(line: &str) -> String {
    let word = line.trim_start().split([' ', '\t']).next().unwrap_or("");
    if word.len() < line.trim().len() {
        format!("{} …", clip(word))
    } else {
        clip(word)
    }
}

fn clip(s: &str) -> String {
    match s.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.into(),
    }
}
