//! The forwarding proxy of `cloudplay serve` (`POST /proxy`), tested without internet: a local
//! plain-HTTP stand-in for the vendor (`CLOUDPLAY_PROXY_UPSTREAM`) and a test resolver
//! (`CLOUDPLAY_PROXY_RESOLVE`). It forwards a signed request intact and refuses foreign hosts,
//! names that resolve to internal addresses, other origins, plain HTTP and oversized requests.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;

use common::{exchange, start_with_env};
use serde_json::{json, Value};

/// A one-request upstream: records what arrived and answers like a vendor would.
fn fake_vendor() -> (u16, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut head = String::new();
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                head.push_str(&line);
            }
            let len = head
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse::<usize>().unwrap())
                })
                .unwrap_or(0);
            let mut body = vec![0u8; len];
            reader.read_exact(&mut body).unwrap();
            let _ = tx.send(format!("{head}\r\n{}", String::from_utf8_lossy(&body)));
            let answer =
                r#"{"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":"m"},"RequestId":"req-1"}}"#;
            // A path of /fail answers 500; every answer claims to be a proxy's refusal, which
            // the proxy must not pass on as its own.
            let status = if head.starts_with("POST /fail") { "500 Internal Server Error" } else { "200 OK" };
            let mut s = stream;
            let _ = write!(
                s,
                "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nX-Vendor-Trace: t1\r\nX-Cloudplay-Proxy-Error: Spoofed\r\nSet-Cookie: planted=1; Path=/\r\nAccess-Control-Allow-Origin: *\r\nClear-Site-Data: \"storage\"\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
                answer.len()
            );
        }
    });
    (port, rx)
}

fn post_proxy(port: u16, origin: Option<&str>, payload: &str) -> (u16, String, String) {
    post_proxy_as(port, &format!("127.0.0.1:{port}"), origin, payload)
}

fn post_proxy_as(port: u16, host: &str, origin: Option<&str>, payload: &str) -> (u16, String, String) {
    let (head, body) = proxy_exchange(port, host, origin, payload);
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let header = |name: &str| {
        head.lines().find_map(|l| {
            l.split_once(':').filter(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.trim().to_string())
        })
    };
    // What the proxy says of its answer: the refusal's code, or "forwarded" for the vendor's
    // (both, joined by '+', would be a refusal passed off as an answer, or the reverse).
    let refusal = match (header("x-cloudplay-proxy-error"), header("x-cloudplay-proxy")) {
        (Some(code), Some(mark)) => format!("{code}+{mark}"),
        (one, other) => one.or(other).unwrap_or_default(),
    };
    (status, refusal, body)
}

/// The head and the body of the proxy's answer to one POST.
fn proxy_exchange(port: u16, host: &str, origin: Option<&str>, payload: &str) -> (String, String) {
    let origin = origin.map(|o| format!("Origin: {o}\r\n")).unwrap_or_default();
    let raw = format!(
        "POST /proxy HTTP/1.1\r\nHost: {host}\r\n{origin}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{payload}",
        payload.len()
    );
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(40))).unwrap();
    s.write_all(raw.as_bytes()).unwrap();
    let mut data = String::new();
    let _ = s.read_to_string(&mut data);
    let (head, body) = data.split_once("\r\n\r\n").unwrap_or((&data, ""));
    (head.to_string(), body.to_string())
}

fn signed_request(url: &str) -> Value {
    json!({
        "method": "POST",
        "url": url,
        "headers": {
            "Authorization": "TC3-HMAC-SHA256 Credential=AKIDx/2026-11-30/hai/tc3_request, SignedHeaders=content-type;host, Signature=feedface0123456789",
            "Content-Type": "application/json",
            "Host": "hai.tencentcloudapi.com",
            "X-TC-Action": "RunInstances",
            "Connection": "keep-alive"
        },
        "body": "{\"ApplicationId\":\"app-1\"}"
    })
}

#[test]
fn forwards_a_signed_request_intact_and_returns_the_vendors_answer() {
    let (upstream, seen) = fake_vendor();
    let target = format!("127.0.0.1:{upstream}");
    let server = start_with_env(&[], &[("CLOUDPLAY_PROXY_UPSTREAM", &target)]);
    let origin = format!("http://127.0.0.1:{}", server.port);
    let payload = signed_request("https://hai.tencentcloudapi.com/?a=1").to_string();
    let (status, refusal, body) = post_proxy(server.port, Some(&origin), &payload);
    assert_eq!((status, refusal.as_str()), (200, "forwarded"), "{body}");
    // The vendor's failure is an answer too, marked as forwarded.
    let failing = signed_request("https://hai.tencentcloudapi.com/fail").to_string();
    let (status, refusal, _) = post_proxy(server.port, Some(&origin), &failing);
    assert_eq!((status, refusal.as_str()), (500, "forwarded"));
    assert!(body.contains("AuthFailure.SignatureFailure"), "the vendor's answer comes back as is: {body}");
    // Headers that would act on this server's origin stay behind; the rest come back.
    let (head, _) = proxy_exchange(server.port, &format!("127.0.0.1:{}", server.port), Some(&origin), &payload);
    let head = head.to_ascii_lowercase();
    assert!(head.contains("x-vendor-trace: t1"), "{head}");
    for dropped in ["set-cookie", "access-control-allow-origin", "clear-site-data"] {
        assert!(!head.contains(dropped), "{dropped} is not passed on: {head}");
    }
    // A URL that is not one is quoted back without its user:password part.
    let garbled =
        json!({"method": "GET", "url": "https://AKID:SK_CANARY@bad host.aliyuncs.com/", "headers": {}, "body": ""});
    let (_, _, said) = post_proxy(server.port, Some(&origin), &garbled.to_string());
    assert!(said.contains("is not a URL") && !said.contains("SK_CANARY") && !said.contains("AKID"), "{said}");

    let got = seen.recv_timeout(std::time::Duration::from_secs(10)).unwrap();
    assert!(got.starts_with("POST /?a=1 HTTP/1.1\r\n"), "{got}");
    let lower = got.to_ascii_lowercase();
    assert!(lower.contains("host: hai.tencentcloudapi.com\r\n"), "{got}");
    assert!(got.contains("Signature=feedface0123456789"), "the Authorization header is forwarded");
    assert!(lower.contains("x-tc-action: runinstances"));
    assert!(!lower.contains("keep-alive"), "hop-by-hop headers are dropped: {got}");
    assert!(got.ends_with("{\"ApplicationId\":\"app-1\"}"));

    // The log line (after the start-up warning) is written after the answer, and stderr may deliver it in pieces (eprintln!
    // writes each formatted part): wait for the whole line.
    let mut log = String::new();
    for _ in 0..100 {
        log = server.log.lock().unwrap().clone();
        if log.find("proxy hai.").is_some_and(|at| log[at..].contains('\n')) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(log.contains("proxy hai.tencentcloudapi.com 200"), "{log}");
    assert!(
        !log.contains("feedface") && !log.contains("Credential") && !log.contains("app-1"),
        "no secret, signature or body in the log: {log}"
    );
}

#[test]
fn refuses_what_it_must_not_forward() {
    let (upstream, seen) = fake_vendor();
    let target = format!("127.0.0.1:{upstream}");
    let server = start_with_env(&["--quiet"], &[("CLOUDPLAY_PROXY_UPSTREAM", &target)]);
    // The testing-only redirect is said at start-up, even with --quiet: set by accident it
    // would send the page's calls somewhere other than the vendor.
    let said = || server.log.lock().unwrap().clone();
    for _ in 0..100 {
        if said().contains("CLOUDPLAY_PROXY_UPSTREAM") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(
        said().contains(&format!(
            "CLOUDPLAY_PROXY_UPSTREAM is set (testing only): /proxy sends every request to {target}"
        )),
        "{}",
        said()
    );
    let origin = format!("http://127.0.0.1:{}", server.port);
    let ok_payload = signed_request("https://hai.tencentcloudapi.com/").to_string();

    let cases: Vec<(&str, Option<String>, String, u16, &str)> = vec![
        ("no origin", None, ok_payload.clone(), 403, "WrongOrigin"),
        ("another origin", Some("http://evil.example".into()), ok_payload.clone(), 403, "WrongOrigin"),
        ("another port", Some("http://127.0.0.1:1".into()), ok_payload.clone(), 403, "WrongOrigin"),
        ("foreign host", Some(origin.clone()), signed_request("https://example.com/").to_string(), 403, "ForeignHost"),
        (
            "lookalike host",
            Some(origin.clone()),
            signed_request("https://tencentcloudapi.com.evil.net/").to_string(),
            403,
            "ForeignHost",
        ),
        ("an address", Some(origin.clone()), signed_request("https://127.0.0.1/").to_string(), 403, "ForeignHost"),
        (
            "other port",
            Some(origin.clone()),
            signed_request("https://hai.tencentcloudapi.com:8443/").to_string(),
            403,
            "ForeignHost",
        ),
        (
            "plain http",
            Some(origin.clone()),
            signed_request("http://hai.tencentcloudapi.com/").to_string(),
            403,
            "NotHttps",
        ),
        ("not JSON", Some(origin.clone()), "{url".into(), 400, "BadRequest"),
        (
            "oversize",
            Some(origin.clone()),
            json!({"method":"POST","url":"https://hai.tencentcloudapi.com/","body":"x".repeat(12 << 20)}).to_string(),
            413,
            "TooLarge",
        ),
        (
            "bad method",
            Some(origin.clone()),
            json!({"method":"DELETE","url":"https://hai.tencentcloudapi.com/"}).to_string(),
            400,
            "BadRequest",
        ),
    ];
    for (what, origin, payload, want_status, want_code) in cases {
        let (status, refusal, body) = post_proxy(server.port, origin.as_deref(), &payload);
        assert_eq!((status, refusal.as_str()), (want_status, want_code), "{what}: {body}");
        let err: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(err["code"], want_code, "{what}");
        // Someone wiring their own app to the proxy is told the two ways that work.
        if want_code == "WrongOrigin" {
            let said = err["message"].as_str().unwrap_or_default();
            assert!(said.contains("--root") && said.contains("changeOrigin: false"), "{what}: {said}");
        }
    }
    // A refusal does not say back what the request carries: a token in a query that is not
    // a URL, or in a member of the wrong type.
    let token = "TOKsess1onZz88Yyq";
    for (what, payload) in [
        (
            "not a URL",
            json!({"method":"GET","url":format!("https://cvm.api.qcloud.com/v2/index.php?Token={token}&Note=a b")}),
        ),
        (
            "mistyped headers",
            json!({"method":"GET","url":"https://cvm.api.qcloud.com/","headers":format!("X-TC-Token: {token}")}),
        ),
    ] {
        let (status, refusal, body) = post_proxy(server.port, Some(&origin), &payload.to_string());
        assert_eq!((status, refusal.as_str()), (400, "BadRequest"), "{what}: {body}");
        assert!(!body.contains(token), "{what}: {body}");
    }
    let (_, _, body) = post_proxy(
        server.port,
        Some(&origin),
        &json!({"method":"GET","url":"https://cvm.api.qcloud.com/a b?Token=x"}).to_string(),
    );
    assert!(body.contains("'https://cvm.api.qcloud.com/a b…' is not a URL"), "{body}");
    assert!(seen.try_recv().is_err(), "nothing refused reached the upstream");
    // GET /proxy is not a way in either.
    let (status, _, _) = exchange(server.port, b"GET /proxy HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert_eq!(status, 400);
}

#[test]
fn names_that_resolve_inward_are_refused() {
    for ip in ["127.0.0.1", "10.0.0.7", "169.254.169.254", "::1"] {
        let map = format!("internal.aliyuncs.com={ip}");
        let server = start_with_env(&["--quiet"], &[("CLOUDPLAY_PROXY_RESOLVE", &map)]);
        let origin = format!("http://127.0.0.1:{}", server.port);
        let (status, refusal, body) =
            post_proxy(server.port, Some(&origin), &signed_request("https://internal.aliyuncs.com/").to_string());
        assert_eq!((status, refusal.as_str()), (403, "PrivateAddress"), "{ip}: {body}");
        assert!(body.contains(ip), "{body}");
    }
}

/// A page on another domain that rebinds its name to 127.0.0.1 sends a matching Origin and
/// Host: only a loopback name is this server's own page.
#[test]
fn a_rebound_domain_is_not_the_page() {
    let (upstream, _seen) = fake_vendor();
    let target = format!("127.0.0.1:{upstream}");
    let server = start_with_env(&["--quiet"], &[("CLOUDPLAY_PROXY_UPSTREAM", &target)]);
    let port = server.port;
    let payload = signed_request("https://hai.tencentcloudapi.com/").to_string();
    let host = format!("evil.example:{port}");
    let (status, refusal, _) = post_proxy_as(port, &host, Some(&format!("http://{host}")), &payload);
    assert_eq!((status, refusal.as_str()), (403, "WrongOrigin"));
    for host in [format!("localhost:{port}"), format!("127.0.0.1:{port}")] {
        let (status, refusal, _) = post_proxy_as(port, &host, Some(&format!("http://{host}")), &payload);
        assert_ne!(refusal, "WrongOrigin", "{host}: {status}");
    }
}
