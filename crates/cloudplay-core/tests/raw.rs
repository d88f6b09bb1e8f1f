//! Pasted requests: raw HTTP text and curl command lines into an `HttpRequest`, errors that
//! name the line, and no panic on any input.

use cloudplay_core::raw::shell::split_words;
use cloudplay_core::raw::{detect, RawKind};
use cloudplay_core::{detect_and_parse, parse_curl, parse_raw_http, ErrorKind, HttpRequest};

fn headers(r: &HttpRequest) -> Vec<(&str, &str)> {
    r.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect()
}

// ---------------------------------------------------------------- raw HTTP

#[test]
fn origin_form_with_host_crlf_and_content_length() {
    let text = "POST /?a=1 HTTP/1.1\r\nHost: hai.tencentcloudapi.com\r\nContent-Type: application/json\r\n\
                Content-Length: 9\r\n\r\n{\"a\": 1}\n\r\n";
    let r = parse_raw_http(text, "https").unwrap();
    assert_eq!((r.method.as_str(), r.scheme.as_str(), r.host.as_str()), ("POST", "https", "hai.tencentcloudapi.com"));
    assert_eq!((r.path.as_str(), r.query.as_str(), r.body.as_str()), ("/", "a=1", "{\"a\": 1}\n"));
    assert_eq!(
        headers(&r),
        [("Host", "hai.tencentcloudapi.com"), ("Content-Type", "application/json"), ("Content-Length", "9")]
    );
}

#[test]
fn absolute_form_lf_missing_version_and_folded_header() {
    let text = "\n\nget http://127.0.0.1:8080/v2/index.php?Action=X\nX-A: one\n  two\n\n";
    let r = parse_raw_http(text, "https").unwrap();
    assert_eq!((r.method.as_str(), r.scheme.as_str(), r.host.as_str()), ("GET", "http", "127.0.0.1:8080"));
    assert_eq!((r.path.as_str(), r.query.as_str(), r.body.as_str()), ("/v2/index.php", "Action=X", ""));
    assert_eq!(headers(&r), [("X-A", "one two")]);
    // Without Content-Length, the line breaks a paste adds after the body are not the body.
    let r = parse_raw_http("POST / HTTP/1.1\nHost: h\n\na=1&b=2\n\n", "http").unwrap();
    assert_eq!((r.url().as_str(), r.body.as_str()), ("http://h/", "a=1&b=2"));
}

#[test]
fn raw_http_errors_name_the_line_and_the_rule() {
    let cases: &[(&str, ErrorKind, &str, &str)] = &[
        ("", ErrorKind::InvalidField, "line 1", "empty"),
        ("POST\n", ErrorKind::InvalidField, "line 1", "METHOD target HTTP/1.1"),
        ("PO(ST / HTTP/1.1\n", ErrorKind::InvalidField, "line 1", "not an HTTP method"),
        ("POST / HTTX/1.1\n", ErrorKind::InvalidField, "line 1", "not an HTTP version"),
        ("POST / HTTP/1.1\nHost: h\nno colon here\n", ErrorKind::InvalidField, "line 3", "is not a header"),
        ("POST / HTTP/1.1\nHost: h\nBad Name: x\n", ErrorKind::InvalidField, "line 3", "not a header name"),
        ("POST / HTTP/1.1\n folded first\n", ErrorKind::InvalidField, "line 2", "whitespace"),
        ("POST / HTTP/1.1\nHost: h\nX-A: 1\nx-a: 2\n", ErrorKind::DuplicateHeader, "line 4", "lines 3 and 4"),
        ("POST / HTTP/1.1\nX-A: 1\n\n{}", ErrorKind::MissingHeader, "headers.Host", "Host header"),
        ("POST * HTTP/1.1\nHost: h\n", ErrorKind::InvalidField, "line 1", "neither a path"),
        ("POST / HTTP/1.1\nHost: h\nContent-Length: 10\n\nabc", ErrorKind::InvalidField, "line 3", "says 10 bytes"),
        (
            "POST / HTTP/1.1\nHost: h\nContent-Length: 2\n\nabc",
            ErrorKind::InvalidField,
            "line 3",
            "more than line breaks",
        ),
        ("POST / HTTP/1.1\nHost: h\nContent-Length: x\n\n", ErrorKind::InvalidField, "line 3", "not a number"),
        ("POST / HTTP/1.1\nHost: a b\n\n", ErrorKind::InvalidField, "line 1", "host"),
    ];
    for (text, kind, path, words) in cases {
        let e = parse_raw_http(text, "https").unwrap_err();
        assert_eq!((e.kind, e.path.as_deref()), (*kind, Some(*path)), "{text:?}: {e}");
        assert!(e.message.contains(words), "{text:?}: {}", e.message);
    }
}

// ---------------------------------------------------------------- curl

#[test]
fn a_browser_copy_as_curl_command() {
    let text = "curl 'https://business.aliyuncs.com/?Action=CreateInstance&Format=JSON' \\\n  \
                -H 'accept: application/json, text/plain, */*' \\\n  \
                -H $'x-note: it\\'s \\u00e9' \\\n  \
                -H \"content-type: application/x-www-form-urlencoded\" \\\n  \
                --data-raw 'ProductCode=rds&Parameter.1.Code=a%20b' \\\n  --compressed";
    let r = parse_curl(text).unwrap();
    assert_eq!(r.method, "POST");
    assert_eq!(r.url(), "https://business.aliyuncs.com/?Action=CreateInstance&Format=JSON");
    assert_eq!(
        headers(&r),
        [
            ("accept", "application/json, text/plain, */*"),
            ("x-note", "it's é"),
            ("content-type", "application/x-www-form-urlencoded")
        ]
    );
    assert_eq!(r.body, "ProductCode=rds&Parameter.1.Code=a%20b");
}

#[test]
fn data_options_join_like_curl_and_imply_post() {
    let r = parse_curl(
        "curl -d a=1 --data b=2 --data-binary 'c=3' --data-urlencode 'd=x y&z' --data-urlencode =é http://h/p",
    )
    .unwrap();
    assert_eq!((r.method.as_str(), r.scheme.as_str()), ("POST", "http"));
    assert_eq!(r.body, "a=1&b=2&c=3&d=x%20y%26z&%C3%A9");
    // curl's own content type for -d, since none was given.
    assert_eq!(headers(&r), [("Content-Type", "application/x-www-form-urlencoded")]);

    let r = parse_curl("curl -G -d a=1 -d b=2 'https://h/p?x=0'").unwrap();
    assert_eq!((r.method.as_str(), r.query.as_str(), r.body.as_str()), ("GET", "x=0&a=1&b=2", ""));
    assert!(r.headers.is_empty());

    let r = parse_curl("curl -XPUT --url https://h/ -sSLk -H 'Content-Type: text/plain' -d x").unwrap();
    assert_eq!((r.method.as_str(), r.body.as_str()), ("PUT", "x"));
    assert_eq!(headers(&r), [("Content-Type", "text/plain")]);

    assert_eq!(parse_curl("curl -I https://h/").unwrap().method, "HEAD");
    assert_eq!(parse_curl("curl h.example/x").unwrap().url(), "http://h.example/x");

    let r = parse_curl("curl --json '{\"a\":1}' https://h/").unwrap();
    assert_eq!(headers(&r), [("Content-Type", "application/json"), ("Accept", "application/json")]);
}

#[test]
fn header_forms_follow_curl() {
    let r = parse_curl("curl -H 'X-Empty;' -H 'X-Gone: 1' -H 'X-Gone:' -H 'Content-Type:' -d a https://h/").unwrap();
    // `Name;` sends an empty header, `Name:` removes one, and a removed Content-Type stays removed.
    assert_eq!(headers(&r), [("X-Empty", "")]);
    let r = parse_curl("curl -A 'ua/1' -e https://ref/ -b 'k=v' https://h/").unwrap();
    assert_eq!(headers(&r), [("User-Agent", "ua/1"), ("Referer", "https://ref/"), ("Cookie", "k=v")]);
}

#[test]
fn curl_errors_are_clear() {
    let cases: &[(&str, ErrorKind, &str, &str)] = &[
        ("", ErrorKind::InvalidField, "line 1", "empty"),
        ("wget https://h/", ErrorKind::InvalidField, "line 1", "not curl"),
        (
            "curl ^\"https://h/^\" ^\n  -H ^\"A: 1^\"",
            ErrorKind::Unsupported,
            "line 1",
            "written for Windows cmd; copy the request as cURL (bash)",
        ),
        ("curl 'https://h/' `\n  -H 'A: 1'", ErrorKind::Unsupported, "line 1", "written for PowerShell"),
        ("curl \\\n --frobnicate https://h/", ErrorKind::Unsupported, "line 2", "unknown curl option '--frobnicate'"),
        ("curl -Z https://h/", ErrorKind::Unsupported, "line 1", "unknown curl option '-Z'"),
        ("curl -d @body.json https://h/", ErrorKind::Unsupported, "line 1", "reads a file"),
        ("curl --data-urlencode name@f https://h/", ErrorKind::Unsupported, "line 1", "reads a file"),
        ("curl https://h/ -H", ErrorKind::MissingField, "line 1", "needs a value"),
        ("curl -H 'no colon' https://h/", ErrorKind::InvalidField, "line 1", "not a header"),
        ("curl -H 'A: 1' -H 'a: 2' https://h/", ErrorKind::DuplicateHeader, "line 1", "given twice"),
        ("curl https://a/ https://b/", ErrorKind::Unsupported, "line 1", "second URL"),
        ("curl -X POST", ErrorKind::MissingField, "url", "no URL"),
        ("curl 'https://h/", ErrorKind::InvalidField, "line 1", "never closed"),
        ("curl https://h/?a=1&b=2", ErrorKind::InvalidField, "line 1", "single quotes"),
    ];
    for (text, kind, path, words) in cases {
        let e = parse_curl(text).unwrap_err();
        assert_eq!((e.kind, e.path.as_deref()), (*kind, Some(*path)), "{text:?}: {e}");
        assert!(e.message.contains(words), "{text:?}: {}", e.message);
    }
    // `--data-raw` takes '@' literally.
    assert_eq!(parse_curl("curl --data-raw @x https://h/").unwrap().body, "@x");
}

#[test]
fn detection_picks_curl_or_raw_http() {
    assert_eq!(detect("  # copied\n$ curl https://h/"), RawKind::Curl);
    assert_eq!(detect("/usr/bin/curl https://h/"), RawKind::Curl);
    assert_eq!(detect("POST / HTTP/1.1\nHost: h\n"), RawKind::Http);
    assert_eq!(detect_and_parse("# copied\n$ curl -d a=1 https://h/").unwrap().method, "POST");
    let r = detect_and_parse("GET /x HTTP/1.1\nHost: h\n\n").unwrap();
    assert_eq!(r.url(), "https://h/x");
}

// ---------------------------------------------------------------- no panic, ever

/// xorshift64*: deterministic, so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "curl",
    " ",
    "\n",
    "\r\n",
    "\\\n",
    "\\",
    "'",
    "\"",
    "$'",
    "$\"",
    "\\x",
    "\\u",
    "\\U",
    "\\0",
    "\\c",
    "#",
    "|",
    ";",
    "&",
    "&&",
    "-",
    "--",
    "-X",
    "-H",
    "-d",
    "-G",
    "-I",
    "--data-urlencode",
    "--url",
    "--json",
    "=",
    "@",
    ":",
    ";",
    "http://",
    "https://h/",
    "/",
    "?",
    "a=1",
    "%",
    "%zz",
    "é",
    "😀",
    "\u{0}",
    "\t",
    "POST",
    "GET",
    " HTTP/1.1",
    "HTTP/",
    "Host: h",
    "Content-Length: ",
    "3",
    "99999999999999999999",
    "\n\n",
    " ",
    "X-A: 1",
    "{",
    "}",
    "[",
];

fn random_text(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(40) {
        s.push_str(PIECES[rng.below(PIECES.len())]);
    }
    s
}

fn mutate(rng: &mut Rng, base: &str) -> String {
    let mut chars: Vec<char> = base.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(chars.len() + 1);
        match rng.below(3) {
            0 if at < chars.len() => {
                chars.remove(at);
            }
            1 if at < chars.len() => chars[at] = PIECES[rng.below(PIECES.len())].chars().next().unwrap_or('x'),
            _ => {
                for (i, c) in PIECES[rng.below(PIECES.len())].chars().enumerate() {
                    chars.insert(at + i, c);
                }
            }
        }
    }
    chars.into_iter().collect()
}

#[test]
fn the_parsers_never_panic() {
    let seeds = [
        "curl -X POST 'https://h/?a=1' \\\n  -H 'Content-Type: application/json' \\\n  --data-raw '{\"a\":1}'\n",
        "curl -G -d a=1 --data-urlencode 'b=c d' -H $'x: \\u00e9' https://h/",
        "POST /?a=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc",
        "GET http://h:1/x HTTP/1.1\nX-A: 1\n folded\n\n",
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for i in 0..6000 {
        let text = if i % 2 == 0 {
            random_text(&mut rng)
        } else {
            let seed = seeds[rng.below(seeds.len())];
            mutate(&mut rng, seed)
        };
        let _ = split_words(&text);
        let _ = parse_curl(&text);
        let _ = parse_raw_http(&text, "https");
        let _ = parse_raw_http(&text, "");
        let _ = detect_and_parse(&text);
    }
}

/// A header line without its colon is pointed at by its first word only: the rest may well
/// be a token.
#[test]
fn a_line_that_is_not_a_header_is_not_quoted_whole() {
    for text in [
        "POST / HTTP/1.1\nHost: hai.tencentcloudapi.com\nX-TC-Token tok3nvalue\n\n{}",
        "curl https://hai.tencentcloudapi.com/ -H 'X-TC-Token tok3nvalue' -d '{}'",
    ] {
        let e = cloudplay_core::detect_and_parse(text).unwrap_err();
        assert!(e.message.contains("X-TC-Token") && !e.message.contains("tok3nvalue"), "{}", e.message);
    }
}
