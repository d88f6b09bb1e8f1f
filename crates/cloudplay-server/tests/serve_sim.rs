//! `cloudplay serve` over real TCP: signed requests reach the simulator as an endpoint and as a
//! proxy; malformed HTTP, huge bodies and headers, broken Authorization headers, non-UTF-8 and
//! half-sent requests get a vendor-shaped error or a 4xx and a closed connection, never a hang
//! or a dead server; log lines carry no secret.

mod common;

use std::io::{Read, Write};
use std::process::Command;
use std::time::Duration;

use common::{connect, exchange, read_response, start};

use cloudplay_core::{prepare, Call, Credentials, HttpRequest, PrepareOptions};
use serde_json::{json, Value};

fn wire(req: &HttpRequest, host_override: Option<&str>, absolute: bool) -> Vec<u8> {
    let target = if req.query.is_empty() { req.path.clone() } else { format!("{}?{}", req.path, req.query) };
    let target = if absolute { format!("http://{}{target}", req.host) } else { target };
    let mut out = format!("{} {target} HTTP/1.1\r\n", req.method);
    let mut has_host = false;
    for (n, v) in &req.headers {
        if n.eq_ignore_ascii_case("host") {
            has_host = true;
            out.push_str(&format!("Host: {}\r\n", host_override.unwrap_or(v)));
        } else {
            out.push_str(&format!("{n}: {v}\r\n"));
        }
    }
    if !has_host {
        out.push_str(&format!("Host: {}\r\n", host_override.unwrap_or(&req.host)));
    }
    out.push_str(&format!("Content-Length: {}\r\nConnection: close\r\n\r\n{}", req.body.len(), req.body));
    out.into_bytes()
}

fn demo() -> Credentials {
    let (id, key, _, _) = cloudplay_sim::accounts::DEMO[0];
    Credentials { secret_id: id.into(), secret_key: key.into(), token: None }
}

fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}

fn signed(api: &str, params: Value, endpoint: Option<String>, alg: Option<&str>, c: &Credentials) -> HttpRequest {
    let mut call = Call::new(api, params);
    call.endpoint = endpoint;
    if api.starts_with("hai/") {
        call.region = Some("ap-guangzhou".into());
    }
    let mut o = PrepareOptions::at(now());
    o.nonce = Some(NONCE.fetch_add(1, std::sync::atomic::Ordering::Relaxed).to_string());
    o.algorithm = alg.map(|a| cloudplay_core::Algorithm::parse(a).unwrap());
    prepare(&call, c, &o).unwrap().request
}

static NONCE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn ms_params() -> Value {
    json!({"Pid": 13624, "TimeUnit": "m", "TimeSpan": 1, "ResourceNum": 1})
}

fn body_json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

#[test]
fn signed_requests_work_as_endpoint_and_as_proxy_and_logs_hold_no_secrets() {
    let server = start(&[]);
    let port = server.port;
    let c = demo();
    let endpoint = format!("127.0.0.1:{port}");
    let req = signed("ms/2018-04-08/CreateResourceInstances", ms_params(), Some(endpoint.clone()), None, &c);
    let (status, body, _) = exchange(port, &wire(&req, None, false));
    assert_eq!(status, 200);
    assert!(body_json(&body)["Response"]["ResourceSet"].is_array(), "{body}");

    // As a proxy: absolute-form target, the vendor's Host, signed for it.
    let req = signed(
        "bssopenapi/2017-12-14/CreateInstance",
        json!({"ProductCode": "oss", "SubscriptionType": "PayAsYouGo"}),
        None,
        Some("ACS-RPC-HMAC-SHA1"),
        &c,
    );
    let (status, body, _) = exchange(port, &wire(&req, None, true));
    assert_eq!(status, 200, "{body}");
    assert_eq!(body_json(&body)["Success"], true);

    let wrong = Credentials { secret_key: "wrong".into(), ..c.clone() };
    let req = signed(
        "bssopenapi/2017-12-14/CreateInstance",
        json!({"ProductCode": "oss", "SubscriptionType": "PayAsYouGo"}),
        None,
        Some("ACS3-HMAC-SHA256"),
        &wrong,
    );
    let (status, body, _) = exchange(port, &wire(&req, None, true));
    assert_eq!((status, body_json(&body)["Code"].as_str()), (400, Some("SignatureDoesNotMatch")));

    // The Host the server received is what it verifies against: signed for another port, refused.
    let req = signed("ms/2018-04-08/CreateResourceInstances", ms_params(), Some("127.0.0.1:1".into()), None, &c);
    let (_, body, _) = exchange(port, &wire(&req, Some(&endpoint), false));
    assert_eq!(body_json(&body)["Response"]["Error"]["Code"], "AuthFailure.SignatureFailure");

    std::thread::sleep(Duration::from_millis(200));
    let log = server.log.lock().unwrap().clone();
    assert!(log.contains("sim POST") && log.contains("ms/2018-04-08/CreateResourceInstances"), "{log}");
    for secret in [c.secret_key.as_str(), "Signature=", "wrong"] {
        assert!(!log.contains(secret), "log leaks {secret}: {log}");
    }
}

#[test]
fn malformed_and_hostile_requests_get_errors_not_hangs() {
    let server = start(&["--quiet"]);
    let port = server.port;
    // Not HTTP at all.
    let (status, _, closed) = exchange(port, b"HELLO THERE\r\n\r\n");
    assert!((400..500).contains(&status) && closed, "{status}");
    let (status, _, _) = exchange(port, b"\xff\xfe\x00garbage\r\n\r\n");
    assert!((400..500).contains(&status) || status == 0, "{status}");
    // Headers far beyond the limit.
    let mut huge = b"POST / HTTP/1.1\r\nHost: x\r\n".to_vec();
    for i in 0..2000 {
        huge.extend_from_slice(format!("X-Filler-{i}: {}\r\n", "a".repeat(60)).as_bytes());
    }
    huge.extend_from_slice(b"\r\n");
    let (status, _, _) = exchange(port, &huge);
    assert!(status == 431 || status == 400 || status == 0, "{status}");
    // The head limit is 64 KiB as the README says, whether in many headers or a few long ones.
    let head = |total: usize| {
        let mut h = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".to_vec();
        for i in 0..8 {
            h.extend_from_slice(format!("X-Long-{i}: {}\r\n", "a".repeat(total / 8)).as_bytes());
        }
        h.extend_from_slice(b"\r\n");
        h
    };
    assert_ne!(exchange(port, &head(60 * 1024)).0, 431, "under 64 KiB is read");
    let (status, _, closed) = exchange(port, &head(66 * 1024));
    assert_eq!((status, closed), (431, true), "just over 64 KiB is refused");
    assert_eq!(exchange(port, &head(110 * 1024)).0, 431);
    // A body larger than the 10 MiB read, declared up front: a Tencent-shaped refusal,
    // connection closed.
    let big = format!(
        "POST / HTTP/1.1\r\nHost: ms.tencentcloudapi.com\r\nX-TC-Action: CreateResourceInstances\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        11 << 20
    );
    let (status, body, closed) = exchange(port, big.as_bytes());
    assert_eq!(status, 200);
    assert_eq!(body_json(&body)["Response"]["Error"]["Code"], "RequestSizeLimitExceeded");
    assert!(closed);
    // The same, chunked, so the size is only found while reading: an Alibaba-shaped 400.
    let mut s = connect(port);
    s.write_all(b"POST / HTTP/1.1\r\nHost: business.aliyuncs.com\r\nTransfer-Encoding: chunked\r\n\r\n").unwrap();
    let chunk = vec![b'a'; 64 * 1024];
    for _ in 0..170 {
        if s.write_all(format!("{:x}\r\n", chunk.len()).as_bytes()).is_err()
            || s.write_all(&chunk).is_err()
            || s.write_all(b"\r\n").is_err()
        {
            break;
        }
    }
    let (status, body, _) = read_response(&mut s);
    assert_eq!(status, 400, "{body}");
    assert_eq!(body_json(&body)["Code"], "InvalidParameter");
    // Broken Authorization headers, each answered in the vendor's words.
    for auth in [
        "TC3-HMAC-SHA256",
        "TC3-HMAC-SHA256 Credential=a/b",
        "TC3-HMAC-SHA256 Credential=a/2020-01-01/ms/tc3_request, SignedHeaders=, Signature=",
        "Bearer x",
        "TC3-HMAC-SHA256 ,,,,===,,,",
    ] {
        let req = format!("POST / HTTP/1.1\r\nHost: ms.tencentcloudapi.com\r\nAuthorization: {auth}\r\nX-TC-Action: CreateResourceInstances\r\nX-TC-Version: 2018-04-08\r\nX-TC-Timestamp: {}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}", now());
        let (status, body, _) = exchange(port, req.as_bytes());
        assert_eq!(status, 200);
        let code = body_json(&body)["Response"]["Error"]["Code"].as_str().unwrap().to_string();
        assert!(code.starts_with("AuthFailure.") || code == "MissingParameter", "{auth}: {code}");
    }
    let req = "POST / HTTP/1.1\r\nHost: business.aliyuncs.com\r\nAuthorization: ACS3-HMAC-SHA256 nonsense\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    let (status, body, _) = exchange(port, req.as_bytes());
    assert_eq!((status, body_json(&body)["Code"].as_str()), (400, Some("IncompleteSignature")));
    // Non-UTF-8 in the body and in a header value.
    let mut req = b"POST / HTTP/1.1\r\nHost: ms.tencentcloudapi.com\r\nX-TC-Action: A\r\nContent-Type: application/json\r\nContent-Length: 4\r\nConnection: close\r\n\r\n".to_vec();
    req.extend_from_slice(b"\xff\xfe\xfd\xfc");
    let (status, body, _) = exchange(port, &req);
    assert_eq!(status, 200);
    assert_eq!(body_json(&body)["Response"]["Error"]["Code"], "InvalidParameter");
    let req = b"GET /?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: TC3-HMAC-SHA256 Credential=\xff\xfe\r\nConnection: close\r\n\r\n";
    let (status, body, _) = exchange(port, req);
    assert!(status == 200 || (400..500).contains(&status), "{status}");
    if status == 200 {
        assert!(body_json(&body)["Response"]["Error"]["Code"].is_string());
    }
    // A percent-escape that decodes to invalid UTF-8 in a signed query.
    let req = b"GET /?SecretId=%FF%FE&Signature=x&Action=CreateResource&Nonce=1&Timestamp=1 HTTP/1.1\r\nHost: postgres.api.qcloud.com\r\nConnection: close\r\n\r\n";
    let (status, body, _) = exchange(port, req);
    assert_eq!(status, 200);
    assert!(body_json(&body)["code"].as_i64().is_some(), "{body}");
    // CONNECT to 443 (a tunnel for TLS, which the simulator does not speak) is refused plainly.
    let (status, body, _) =
        exchange(port, b"CONNECT ms.tencentcloudapi.com:443 HTTP/1.1\r\nHost: ms.tencentcloudapi.com:443\r\n\r\n");
    assert!((400..500).contains(&status), "{status}");
    assert!(body.contains("plain HTTP"), "{body}");
    // After all that the server still answers.
    let (status, _, _) = exchange(port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assert!(status == 200 || status == 404, "{status}");
}

#[test]
fn half_sent_requests_are_closed_by_the_server() {
    let server = start(&["--quiet", "--root", concat!(env!("CARGO_MANIFEST_DIR"), "/../../www")]);
    let port = server.port;
    let head_only = std::thread::spawn(move || {
        let mut s = connect(port);
        s.write_all(b"POST / HTTP/1.1\r\nHost: ms.tencentcloudapi.com\r\nX-TC-Act").unwrap();
        read_response(&mut s)
    });
    let body_short = std::thread::spawn(move || {
        let mut s = connect(port);
        s.write_all(b"POST / HTTP/1.1\r\nHost: ms.tencentcloudapi.com\r\nX-TC-Action: A\r\nContent-Length: 100\r\n\r\n{\"Pid\":").unwrap();
        read_response(&mut s)
    });
    let idle = std::thread::spawn(move || {
        let mut s = connect(port);
        read_response(&mut s)
    });
    // A client that asks for far more than the socket buffers hold and never reads: the
    // answers stop moving, and the server drops the connection instead of waiting forever.
    let not_reading = std::thread::spawn(move || {
        let mut s = connect(port);
        let ask = b"GET /js/i18n.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".repeat(2000);
        let _ = s.write_all(&ask);
        std::thread::sleep(Duration::from_secs(13));
        let mut received = 0usize;
        let mut buf = vec![0u8; 1 << 16];
        loop {
            match s.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => received += n,
            }
        }
        received
    });
    // One that reads a trickle (1 KiB every 2 s) is no better than one that does not read: the
    // kernel wakes a blocked writer only once a good part of the send buffer is free, so the
    // server's write stays waiting and the same limit applies.
    let trickling = std::thread::spawn(move || {
        let mut s = connect(port);
        let ask = b"GET /js/i18n.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".repeat(2000);
        let _ = s.write_all(&ask);
        let started = std::time::Instant::now();
        let mut received = 0usize;
        let mut buf = vec![0u8; 1024];
        while started.elapsed() < Duration::from_secs(13) {
            std::thread::sleep(Duration::from_secs(2));
            match s.read(&mut buf) {
                Ok(0) | Err(_) => return received,
                Ok(n) => received += n,
            }
        }
        // Then what is still buffered, up to the close.
        let mut rest = vec![0u8; 1 << 16];
        loop {
            match s.read(&mut rest) {
                Ok(0) | Err(_) => return received,
                Ok(n) => received += n,
            }
        }
    });
    let (_, _, closed) = head_only.join().unwrap();
    assert!(closed);
    let (status, _, closed) = body_short.join().unwrap();
    assert!(closed);
    assert_eq!(status, 408);
    let (_, _, closed) = idle.join().unwrap();
    assert!(closed);
    let file = std::fs::metadata(concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/js/i18n.js")).unwrap().len() as usize;
    let received = not_reading.join().unwrap();
    let trickled = trickling.join().unwrap();
    assert!(trickled > 0 && trickled < 2000 * file / 2, "a trickling reader got {trickled} bytes of {}", 2000 * file);
    assert!(received > 0 && received < 2000 * file / 2, "{received} bytes of {} asked for", 2000 * file);
    let (status, _, _) = exchange(port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assert!(status == 200 || status == 404);
}

#[test]
fn accounts_file_and_bad_accounts_file() {
    let dir = std::env::temp_dir().join(format!("cloudplay-accounts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("accounts.json");
    std::fs::write(&file, r#"[{"secret_id":"AKIDfromfile","secret_key":"filesecret","profile":"not-allow-listed"}]"#)
        .unwrap();
    let server = start(&["--accounts", file.to_str().unwrap(), "--quiet"]);
    let c = Credentials { secret_id: "AKIDfromfile".into(), secret_key: "filesecret".into(), token: None };
    let req = signed(
        "ms/2018-04-08/CreateResourceInstances",
        ms_params(),
        Some(format!("127.0.0.1:{}", server.port)),
        None,
        &c,
    );
    let (_, body, _) = exchange(server.port, &wire(&req, None, false));
    assert_eq!(body_json(&body)["Response"]["Error"]["Code"], "UnauthorizedOperation.NotWhiteUser");
    drop(server);
    std::fs::write(&file, "[{").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cloudplay"))
        .args(["serve", "--port", "0", "--accounts"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--accounts"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn static_files_stay_inside_their_folder_and_the_page_cannot_be_framed_by_another_site() {
    let dir = std::env::temp_dir().join(format!("cloudplay-static-{}", std::process::id()));
    let outside = dir.join("outside");
    let root = dir.join("root");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::write(outside.join("secret.txt"), "outside the root").unwrap();
    std::fs::write(root.join("index.html"), "<!doctype html><title>in</title>").unwrap();
    std::fs::write(root.join("sub/in.txt"), "inside").unwrap();
    std::os::unix::fs::symlink(outside.join("secret.txt"), root.join("link.txt")).unwrap();
    std::os::unix::fs::symlink(&outside, root.join("linkdir")).unwrap();
    // A link that stays inside is a file like any other.
    std::os::unix::fs::symlink(root.join("sub/in.txt"), root.join("inner.txt")).unwrap();
    let server = start(&["--quiet", "--root", root.to_str().unwrap()]);
    let get = |path: &str| {
        exchange(server.port, format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").as_bytes())
    };

    for path in ["/link.txt", "/linkdir/secret.txt"] {
        let (status, text, _) = get(path);
        assert_eq!(status, 404, "{path}: {text}");
        assert!(!text.contains("outside the root"), "{path}");
    }
    let (status, text, _) = get("/inner.txt");
    assert_eq!(status, 200, "{text}");
    assert!(text.ends_with("inside"));

    let mut s = connect(server.port);
    s.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
    let mut head = String::new();
    let _ = s.read_to_string(&mut head);
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let head = head.to_ascii_lowercase();
    assert!(head.contains("frame-ancestors 'self'"), "{head}");
    assert!(!head.contains("frame-ancestors *"), "{head}");
    assert!(head.contains("cross-origin-opener-policy: same-origin"), "{head}");
    assert!(!head.contains("access-control-allow-origin"), "the page is not for other sites: {head}");

    // The widget's files are, so that a docs site on another origin can load them.
    std::fs::create_dir_all(root.join("widget")).unwrap();
    std::fs::write(root.join("widget/w.js"), "export {};").unwrap();
    let mut s = connect(server.port);
    s.write_all(b"GET /widget/w.js HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
    let mut head = String::new();
    let _ = s.read_to_string(&mut head);
    assert!(head.to_ascii_lowercase().contains("access-control-allow-origin: *"), "{head}");

    // Started without a built package, the server says so instead of answering bare 404s.
    let said = |server: &common::Server, what: &str| {
        (0..100).any(|_| {
            let found = server.log.lock().unwrap().contains(what);
            if !found {
                std::thread::sleep(Duration::from_millis(20));
            }
            found
        })
    };
    assert!(said(
        &server,
        "has no web/cloudplay.js, so the page cannot load its engine (build it with `cargo xtask pkg`"
    ));
    assert!(!server.log.lock().unwrap().contains("has no index.html"));
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let bare = start(&["--quiet", "--root", empty.to_str().unwrap()]);
    assert!(said(&bare, "has no index.html"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Reads one response head (to the blank line) from a stream that stays open.
fn read_head(s: &mut std::net::TcpStream) -> String {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match s.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => break,
        }
    }
    String::from_utf8_lossy(&head).into_owned()
}

/// A CONNECT tunnel (how tencentcloud-sdk-nodejs uses a proxy) is answered inside as a plain
/// connection is; a tunnel inside it is refused, since each layer would wrap every read.
#[test]
fn a_connect_tunnel_is_served_one_level_deep() {
    let server = start(&["--quiet"]);
    let mut s = connect(server.port);
    s.write_all(b"CONNECT ms.tencentcloudapi.com:80 HTTP/1.1\r\nHost: ms.tencentcloudapi.com:80\r\n\r\n").unwrap();
    assert!(read_head(&mut s).starts_with("HTTP/1.1 200"));
    s.write_all(b"CONNECT a:80 HTTP/1.1\r\nHost: a:80\r\n\r\n").unwrap();
    let (status, body, _) = read_response(&mut s);
    assert_eq!(status, 405, "{body}");
    assert!(body.contains("no tunnel inside a tunnel"), "{body}");
    // The tunnel still carries requests, and the server still answers others.
    s.write_all(b"POST / HTTP/1.1\r\nHost: ms.tencentcloudapi.com\r\nContent-Length: 2\r\n\r\n{}").unwrap();
    let (status, body, _) = read_response(&mut s);
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"Error\""), "a simulator answer: {body}");
    let (status, _, _) = exchange(server.port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assert!(status == 200 || status == 404, "{status}");
}

#[test]
fn apis_added_with_specs_files_are_answered_and_a_bad_file_stops_the_server() {
    let dir = std::env::temp_dir().join(format!("cloudplay-specs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("ping.json");
    let ping = r#"[{"product":"demo","version":"2024-01-01","action":"Ping","style":"tencent-api3",
        "endpoints":{"default":"demo.tencentcloudapi.com","path":"/"},"methods":["POST"],
        "content_types":["application/json"],"algorithms":["TC3-HMAC-SHA256"],
        "params":[{"name":"Message","type":"string","required":true}]}]"#;
    std::fs::write(&file, ping).unwrap();
    let mut catalog = cloudplay_core::Catalog::builtin().unwrap();
    catalog.add_specs(ping).unwrap();
    let call_ping = |port: u16, params: Value| {
        let mut call = Call::new("demo/2024-01-01/Ping", params);
        call.endpoint = Some(format!("127.0.0.1:{port}"));
        let mut o = PrepareOptions::at(now());
        o.allow_invalid = true;
        let req = catalog.prepare(&call, &demo(), &o).unwrap().request;
        let (_, body, _) = exchange(port, &wire(&req, None, false));
        body_json(&body)
    };

    // Without the file, the simulator does not know the API.
    let plain = start(&["--quiet"]);
    assert_eq!(call_ping(plain.port, json!({"Message": "hi"}))["Response"]["Error"]["Code"], "InvalidAction");
    drop(plain);

    let server = start(&["--specs", file.to_str().unwrap(), "--quiet"]);
    let answer = call_ping(server.port, json!({"Message": "hi"}));
    assert!(answer["Response"]["Error"].is_null() && answer["Response"]["RequestId"].is_string(), "{answer}");
    // Checked against its spec as a built-in API is.
    let answer = call_ping(server.port, json!({}));
    assert_eq!(answer["Response"]["Error"]["Code"], "MissingParameter", "{answer}");
    std::thread::sleep(Duration::from_millis(200));
    let log = server.log.lock().unwrap().clone();
    assert!(log.contains("1 API added from") && log.contains("(demo/2024-01-01/Ping)"), "{log}");
    drop(server);

    std::fs::write(&file, r#"{"hello":"world"}"#).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cloudplay"))
        .args(["serve", "--port", "0", "--specs"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is none of what --specs takes"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// The simulator's answers carry a CORS grant for a page of this machine, and for no other;
/// the proxy's and the files' never do.
#[test]
fn only_the_simulator_grants_cors_and_only_to_pages_of_this_machine() {
    let server = start(&["--quiet"]);
    let head_of = |request: String| {
        let mut s = connect(server.port);
        s.write_all(request.as_bytes()).unwrap();
        read_head(&mut s).to_ascii_lowercase()
    };
    let sim = |origin: &str| {
        head_of(format!("POST / HTTP/1.1\r\nHost: ms.tencentcloudapi.com\r\nOrigin: {origin}\r\nX-TC-Action: CreateResourceInstances\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}"))
    };
    assert!(sim("http://localhost:5173").contains("access-control-allow-origin: http://localhost:5173"));
    for origin in ["https://docs.example", "http://localhost.docs.example", "null"] {
        assert!(!sim(origin).contains("access-control-allow-origin"), "{origin}");
    }
    let file = head_of(
        "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://localhost:5173\r\nConnection: close\r\n\r\n"
            .into(),
    );
    assert!(!file.contains("access-control-allow-origin"), "{file}");
    let proxy = head_of(
        "POST /proxy HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://localhost:5173\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}".into(),
    );
    assert!(proxy.starts_with("http/1.1 4") && !proxy.contains("access-control-allow-origin"), "{proxy}");
}

/// Bodies being read share a memory budget: of thirteen declaring the most a body may carry
/// and sending nothing, twelve hold it all and one is told the server is busy (which one is the
/// scheduler's choice). Meanwhile a request with no body, or a small one, is read at once.
#[test]
fn bodies_in_flight_share_a_budget() {
    let server = start(&["--quiet"]);
    let port = server.port;
    let post = format!(
        "POST / HTTP/1.1\r\nHost: ms.tencentcloudapi.com\r\nX-TC-Action: CreateResourceInstances\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{{",
        10 << 20
    );
    let (tx, rx) = std::sync::mpsc::channel();
    let waiting: Vec<_> = (0..13)
        .map(|_| {
            let (post, tx) = (post.clone(), tx.clone());
            std::thread::spawn(move || {
                let mut s = connect(port);
                s.write_all(post.as_bytes()).unwrap();
                let (status, body, _) = read_response(&mut s);
                let _ = tx.send((status, body));
            })
        })
        .collect();
    // The first answer is the one refused: the others are read until their time runs out.
    let (status, body) = rx.recv().unwrap();
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("too many request bodies"), "{body}");
    // The budget is still held: no body, and a small one, are answered all the same.
    let (status, _, _) = exchange(port, b"GET / HTTP/1.1\r\nHost: ms.tencentcloudapi.com\r\nX-TC-Action: CreateResourceInstances\r\nConnection: close\r\n\r\n");
    assert_ne!(status, 503);
    let small = "POST / HTTP/1.1\r\nHost: ms.tencentcloudapi.com\r\nX-TC-Action: CreateResourceInstances\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
    let (status, body, _) = exchange(port, small.as_bytes());
    assert_eq!(status, 200, "{body}");
    drop(rx);
    for w in waiting {
        let _ = w.join();
    }
}
