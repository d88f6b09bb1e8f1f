//! A curl command line, as browsers, docs and our own `curl` snippet write it, read into the
//! request curl would send.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::shell::{split_words, Word};
use crate::build::CONTENT_FORM;
use crate::encode::rfc3986;
use crate::error::{Error, ErrorKind, Result};
use crate::http::HttpRequest;

/// What an option does to the request.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Opt {
    Method,
    Header,
    /// `-d`/`--data`/`--data-ascii`: `@file` reads a file.
    Data,
    DataRaw,
    /// `--data-binary`: `@file` reads a file.
    DataBinary,
    DataUrlencode,
    Json,
    Url,
    Get,
    Head,
    UserAgent,
    Referer,
    Cookie,
    /// Changes how curl runs, not what it sends.
    Ignore,
    /// The same, and takes a value.
    IgnoreValue,
}

const LONG: &[(&str, Opt)] = &[
    ("--request", Opt::Method),
    ("--header", Opt::Header),
    ("--data", Opt::Data),
    ("--data-ascii", Opt::Data),
    ("--data-raw", Opt::DataRaw),
    ("--data-binary", Opt::DataBinary),
    ("--data-urlencode", Opt::DataUrlencode),
    ("--json", Opt::Json),
    ("--url", Opt::Url),
    ("--get", Opt::Get),
    ("--head", Opt::Head),
    ("--user-agent", Opt::UserAgent),
    ("--referer", Opt::Referer),
    ("--cookie", Opt::Cookie),
    ("--compressed", Opt::Ignore),
    ("--silent", Opt::Ignore),
    ("--show-error", Opt::Ignore),
    ("--insecure", Opt::Ignore),
    ("--verbose", Opt::Ignore),
    ("--location", Opt::Ignore),
    ("--globoff", Opt::Ignore),
    ("--include", Opt::Ignore),
    ("--fail", Opt::Ignore),
    ("--fail-with-body", Opt::Ignore),
    ("--no-progress-meter", Opt::Ignore),
    ("--no-buffer", Opt::Ignore),
    ("--http1.1", Opt::Ignore),
    ("--http2", Opt::Ignore),
    ("--output", Opt::IgnoreValue),
    ("--max-time", Opt::IgnoreValue),
    ("--connect-timeout", Opt::IgnoreValue),
    ("--retry", Opt::IgnoreValue),
    ("--write-out", Opt::IgnoreValue),
    ("--proxy", Opt::IgnoreValue),
];

const SHORT: &[(char, Opt)] = &[
    ('X', Opt::Method),
    ('H', Opt::Header),
    ('d', Opt::Data),
    ('G', Opt::Get),
    ('I', Opt::Head),
    ('A', Opt::UserAgent),
    ('e', Opt::Referer),
    ('b', Opt::Cookie),
    ('s', Opt::Ignore),
    ('S', Opt::Ignore),
    ('k', Opt::Ignore),
    ('v', Opt::Ignore),
    ('L', Opt::Ignore),
    ('g', Opt::Ignore),
    ('i', Opt::Ignore),
    ('f', Opt::Ignore),
    ('N', Opt::Ignore),
    ('o', Opt::IgnoreValue),
    ('m', Opt::IgnoreValue),
    ('w', Opt::IgnoreValue),
    ('x', Opt::IgnoreValue),
];

fn takes_value(opt: Opt) -> bool {
    !matches!(opt, Opt::Get | Opt::Head | Opt::Ignore)
}

const KNOWN: &str = "-X, -H, -d, --data-raw, --data-binary, --data-urlencode, --json, --url, -G, -I, -A, -e, -b \
                     (and -s, -S, -k, -v, -L, -g, -i, --compressed, which change nothing sent)";

/// Everything the options said, before it becomes a request.
#[derive(Default)]
struct Parsed {
    method: Option<String>,
    url: Option<String>,
    /// `(name, value)`; a `None` value removes the header (`-H 'Name:'`).
    headers: Vec<(String, Option<String>, usize)>,
    data: Vec<String>,
    json: bool,
    get: bool,
    head: bool,
}

/// Parses a curl command. Data options join with `&` as curl does and imply POST; `-G` moves
/// the data into the query; `-H 'Name;'` sends an empty header and `-H 'Name:'` removes one. A
/// POST body without a `Content-Type` gets curl's own `application/x-www-form-urlencoded`.
/// Options that would read files (`-d @file`) and options we do not know are `Unsupported`
/// errors naming the option; a header given twice is `DuplicateHeader`.
pub fn parse_curl(text: &str) -> Result<HttpRequest> {
    windows_shell(text)?;
    let mut words = split_words(text)?;
    // A copied shell prompt.
    if words.first().is_some_and(|w| w.text == "$") {
        words.remove(0);
    }
    let Some((first, args)) = words.split_first() else {
        return Err(Error::at(ErrorKind::InvalidField, "line 1", "the command is empty; it starts with 'curl'")
            .zh("命令是空的；它应以 'curl' 开头。"));
    };
    if !is_curl(&first.text) {
        return Err(Error::at(
            ErrorKind::InvalidField,
            format!("line {}", first.line),
            format!("'{}' is not curl; the command starts with 'curl'", first.text),
        )
        .zh(format!("'{}' 不是 curl；命令应以 'curl' 开头。", first.text)));
    }
    let mut parsed = Parsed::default();
    let mut i = 0;
    let mut options_end = false;
    while i < args.len() {
        let word = &args[i];
        i += 1;
        let arg = word.text.as_str();
        if options_end || !arg.starts_with('-') || arg == "-" {
            set_url(&mut parsed, arg, word.line)?;
        } else if arg == "--" {
            options_end = true;
        } else if arg.starts_with("--") {
            let opt = LONG.iter().find(|(n, _)| *n == arg).map(|(_, o)| *o).ok_or_else(|| unknown(arg, word.line))?;
            let value = if takes_value(opt) { Some(value_after(args, &mut i, arg, word.line)?) } else { None };
            apply(&mut parsed, opt, arg, value, word.line)?;
        } else {
            // Short options cluster (`-sSL`); one taking a value takes the rest of the word
            // (`-XPOST`) or else the next word.
            let letters: Vec<char> = arg.chars().skip(1).collect();
            let mut j = 0;
            while j < letters.len() {
                let c = letters[j];
                j += 1;
                let name = format!("-{c}");
                let opt =
                    SHORT.iter().find(|(l, _)| *l == c).map(|(_, o)| *o).ok_or_else(|| unknown(&name, word.line))?;
                let value = if !takes_value(opt) {
                    None
                } else if j < letters.len() {
                    let rest: String = letters[j..].iter().collect();
                    j = letters.len();
                    Some(rest)
                } else {
                    Some(value_after(args, &mut i, &name, word.line)?)
                };
                apply(&mut parsed, opt, &name, value, word.line)?;
            }
        }
    }
    finish(parsed)
}

fn is_curl(program: &str) -> bool {
    let base = program.rsplit(['/', '\\']).next().unwrap_or(program);
    base == "curl" || base.eq_ignore_ascii_case("curl.exe")
}

fn unknown(option: &str, line: usize) -> Error {
    Error::at(
        ErrorKind::Unsupported,
        format!("line {line}"),
        format!("unknown curl option '{option}'; cloudplay reads {KNOWN}"),
    )
    .zh(format!("未知的 curl 选项 '{option}'；cloudplay 能读的有：{KNOWN}。"))
}

fn value_after(args: &[Word], i: &mut usize, option: &str, line: usize) -> Result<String> {
    let value = args.get(*i).ok_or_else(|| {
        Error::at(
            ErrorKind::MissingField,
            format!("line {line}"),
            format!("curl option '{option}' needs a value after it"),
        )
        .zh(format!("curl 选项 '{option}' 后面需要一个值。"))
    })?;
    *i += 1;
    Ok(value.text.clone())
}

/// A curl line for Windows cmd (lines ending in `^`, its continuation, with `^"` escapes) or
/// PowerShell (ending in a backtick) is told so: read as a POSIX shell line it came apart into
/// stray words ("a second URL '^'"), which said nothing of what to do.
fn windows_shell(text: &str) -> Result<()> {
    for (i, line) in text.lines().enumerate() {
        let shell = match line.trim_end().as_bytes() {
            [.., b' ', b'^'] | [b'^'] => "Windows cmd",
            [.., b' ', b'`'] | [b'`'] => "PowerShell",
            _ => continue,
        };
        return Err(Error::at(
            ErrorKind::Unsupported,
            format!("line {}", i + 1),
            format!(
                "ends with {shell}'s line continuation: this curl line is written for {shell}; copy the request as cURL (bash) instead"
            ),
        )
        .zh(format!("以 {shell} 的续行符结尾：这条 curl 命令是为 {shell} 写的；请改用“以 cURL (bash) 格式复制”。")));
    }
    Ok(())
}

fn set_url(parsed: &mut Parsed, url: &str, line: usize) -> Result<()> {
    if parsed.url.is_some() {
        return Err(Error::at(
            ErrorKind::Unsupported,
            format!("line {line}"),
            format!("a second URL '{url}': cloudplay reads one request at a time"),
        )
        .zh(format!("出现了第二个 URL '{url}'：cloudplay 一次只读一个请求。")));
    }
    parsed.url = Some(url.into());
    Ok(())
}

fn file_data(option: &str, line: usize) -> Error {
    Error::at(
        ErrorKind::Unsupported,
        format!("line {line}"),
        format!(
            "'{option} @file' reads a file, which a pasted command cannot bring along; paste the body with --data-raw"
        ),
    )
    .zh(format!("'{option} @file' 要读取文件，而粘贴的命令带不上文件；请用 --data-raw 粘贴请求体。"))
}

fn apply(parsed: &mut Parsed, opt: Opt, name: &str, value: Option<String>, line: usize) -> Result<()> {
    let value = value.unwrap_or_default();
    match opt {
        Opt::Method => parsed.method = Some(value),
        Opt::Header => {
            if value.starts_with('@') {
                return Err(file_data(name, line));
            }
            parsed.headers.push(header_arg(&value, line)?);
        }
        Opt::Data | Opt::DataBinary if value.starts_with('@') => return Err(file_data(name, line)),
        Opt::Data | Opt::DataBinary | Opt::DataRaw => parsed.data.push(value),
        Opt::Json => {
            if value.starts_with('@') {
                return Err(file_data(name, line));
            }
            parsed.json = true;
            parsed.data.push(value);
        }
        Opt::DataUrlencode => parsed.data.push(urlencode_arg(&value, name, line)?),
        Opt::Url => set_url(parsed, &value, line)?,
        Opt::Get => parsed.get = true,
        Opt::Head => parsed.head = true,
        Opt::UserAgent => parsed.headers.push(("User-Agent".into(), Some(value), line)),
        Opt::Referer => parsed.headers.push(("Referer".into(), Some(value), line)),
        Opt::Cookie if !value.contains('=') => return Err(file_data(name, line)),
        Opt::Cookie => parsed.headers.push(("Cookie".into(), Some(value), line)),
        Opt::Ignore | Opt::IgnoreValue => {}
    }
    Ok(())
}

/// `Name: value` adds, `Name;` adds it empty, `Name:` removes it (curl's own rules).
fn header_arg(arg: &str, line: usize) -> Result<(String, Option<String>, usize)> {
    if let Some((name, value)) = arg.split_once(':') {
        let name = name.trim();
        let value = value.trim_start_matches([' ', '\t']);
        if name.is_empty() || name.contains([' ', '\t']) {
            return Err(Error::at(
                ErrorKind::InvalidField,
                format!("line {line}"),
                format!("'{}' is not a header", super::http::head_of(arg)),
            )
            .zh(format!("'{}' 不是请求头。", super::http::head_of(arg))));
        }
        let value = if value.trim().is_empty() { None } else { Some(value.into()) };
        return Ok((name.into(), value, line));
    }
    match arg.strip_suffix(';') {
        Some(name) if !name.is_empty() && !name.contains([' ', '\t']) => Ok((name.into(), Some(String::new()), line)),
        _ => Err(Error::at(
            ErrorKind::InvalidField,
            format!("line {line}"),
            format!("'{}' is not a header: -H takes 'Name: value'", super::http::head_of(arg)),
        )
        .zh(format!("'{}' 不是请求头：-H 的值应为 'Name: value'。", super::http::head_of(arg)))),
    }
}

/// `--data-urlencode`: `content`, `=content` or `name=content`; the content is encoded.
fn urlencode_arg(arg: &str, option: &str, line: usize) -> Result<String> {
    // Like curl, the first of '@' and '=' decides: '@' names a file.
    Ok(match arg.find(['@', '=']).map(|i| (i, arg.as_bytes()[i])) {
        Some((_, b'@')) => return Err(file_data(option, line)),
        Some((0, _)) => rfc3986(&arg[1..]),
        Some((i, _)) => format!("{}={}", &arg[..i], rfc3986(&arg[i + 1..])),
        None => rfc3986(arg),
    })
}

fn finish(parsed: Parsed) -> Result<HttpRequest> {
    let mut url = parsed.url.ok_or_else(|| {
        Error::at(ErrorKind::MissingField, "url", "the curl command names no URL").zh("这条 curl 命令没有 URL。")
    })?;
    if !url.contains("://") {
        // curl's own default for a URL without a scheme.
        url.insert_str(0, "http://");
    }
    let data = parsed.data.join("&");
    let has_data = !parsed.data.is_empty();
    if parsed.get && has_data {
        let url_part = url.split('#').next().unwrap_or("").to_string();
        url = format!("{url_part}{}{data}", if url_part.contains('?') { '&' } else { '?' });
    }
    let method = match (&parsed.method, parsed.head, parsed.get, has_data) {
        (Some(m), ..) => m.clone(),
        (None, true, ..) => "HEAD".into(),
        (None, false, false, true) => "POST".into(),
        _ => "GET".into(),
    };
    let mut request = HttpRequest::from_url(&method, &url)?;
    let mut removed: Vec<String> = Vec::new();
    let mut lines: Vec<usize> = Vec::new();
    for (name, value, line) in parsed.headers {
        let existing = request.headers.iter().position(|(n, _)| n.eq_ignore_ascii_case(&name));
        match (value, existing) {
            (None, Some(i)) => {
                request.headers.remove(i);
                lines.remove(i);
                removed.push(name);
            }
            (None, None) => removed.push(name),
            (Some(_), Some(i)) => {
                return Err(Error::at(
                    ErrorKind::DuplicateHeader,
                    format!("line {line}"),
                    format!("the header '{name}' is given twice (lines {} and {line})", lines[i]),
                )
                .zh(format!("请求头 '{name}' 出现了两次（第 {} 行和第 {line} 行）。", lines[i])))
            }
            (Some(v), None) => {
                request.headers.push((name, v));
                lines.push(line);
            }
        }
    }
    if has_data && !parsed.get {
        request.body = data;
        let named = |h: &str| {
            request.headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(h))
                || removed.iter().any(|n| n.eq_ignore_ascii_case(h))
        };
        let content_type = if parsed.json { "application/json" } else { CONTENT_FORM };
        let add_type = !named("content-type");
        let add_accept = parsed.json && !named("accept");
        if add_type {
            request.headers.push(("Content-Type".into(), content_type.into()));
        }
        if add_accept {
            request.headers.push(("Accept".into(), "application/json".into()));
        }
    }
    Ok(request)
}
