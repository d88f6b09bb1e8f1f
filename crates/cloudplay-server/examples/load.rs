//! Load benchmark of `cloudplay serve` on loopback: keep-alive connections send correctly signed
//! requests (fresh nonces and ClientTokens, signed at the current time) for a fixed time, while
//! the server's memory is sampled from /proc. Two phases:
//!
//! - `limited`: the documented limits, one account and one action, so after 20 a second the
//!   answers are RequestLimitExceeded — what a flood looks like to the simulator;
//! - `mixed`: `--rate-limit 0`, 32 accounts across the four APIs and all five algorithms — the
//!   simulator's full path (verify, replay store, validation, services, idempotency).
//!
//! `cargo xtask bench-serve [--seconds N] [--connections N]` builds and runs it (release). It
//! prints figures and asserts nothing about time.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use cloudplay_core::{prepare, Algorithm, Call, Credentials, HttpRequest, PrepareOptions};
use serde_json::{json, Value};

struct Args {
    seconds: u64,
    connections: usize,
    bin: PathBuf,
    phases: Vec<String>,
}

fn args() -> Args {
    let exe = std::env::current_exe().unwrap_or_default();
    let default_bin = exe.parent().and_then(|p| p.parent()).map(|p| p.join("cloudplay")).unwrap_or_default();
    let mut a = Args { seconds: 30, connections: 16, bin: default_bin, phases: vec!["limited".into(), "mixed".into()] };
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let mut it = argv.iter();
    while let Some(flag) = it.next() {
        let v = it.next().cloned().unwrap_or_default();
        match flag.as_str() {
            "--seconds" => a.seconds = v.parse::<u64>().expect("--seconds N").clamp(1, 600),
            "--connections" => a.connections = v.parse::<usize>().expect("--connections N").clamp(1, 256),
            "--bin" => a.bin = PathBuf::from(v),
            "--phase" => a.phases = vec![v],
            other => {
                panic!("unknown option {other}; options: --seconds N --connections N --bin PATH --phase limited|mixed")
            }
        }
    }
    a
}

const ACCOUNTS: usize = 32;

fn account(i: usize) -> Credentials {
    Credentials {
        secret_id: format!("AKIDcloudplayBench{i:04}"),
        secret_key: format!("bench-secret-{i:04}"),
        token: None,
    }
}

struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(bin: &PathBuf, extra: &[&str]) -> Server {
    let dir = std::env::temp_dir().join(format!("cloudplay-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("accounts.json");
    let list: Vec<Value> = (0..ACCOUNTS)
        .map(|i| {
            let c = account(i);
            json!({"secret_id": c.secret_id, "secret_key": c.secret_key})
        })
        .collect();
    std::fs::write(&file, serde_json::to_string(&list).unwrap()).unwrap();
    let mut child = Command::new(bin)
        .args(["serve", "--port", "0", "--accounts"])
        .arg(&file)
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot start {}: {e} (build it: cargo build --release -p cloudplay-server)", bin.display())
        });
    let mut out = child.stdout.take().unwrap();
    let mut line = Vec::new();
    let mut b = [0u8; 1];
    while out.read(&mut b).unwrap_or(0) == 1 && b[0] != b'\n' {
        line.push(b[0]);
    }
    std::thread::spawn(move || {
        let mut sink = Vec::new();
        let _ = out.read_to_end(&mut sink);
    });
    let text = String::from_utf8_lossy(&line).into_owned();
    let port = text
        .trim()
        .trim_end_matches('/')
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {text:?}"));
    Server { child, port }
}

/// (VmRSS, VmHWM) in KiB.
fn memory(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

static SEQ: AtomicU64 = AtomicU64::new(1);

/// The `n`-th request of a phase, signed now for this server.
fn request(phase: &str, n: u64, port: u16) -> HttpRequest {
    let seq = SEQ.fetch_add(1, Ordering::Relaxed);
    let endpoint = Some(format!("127.0.0.1:{port}"));
    let token = format!("bench-{seq}");
    let (api, params, region, alg, c): (&str, Value, Option<&str>, Option<Algorithm>, Credentials) = if phase
        == "limited"
    {
        (
            "ms/2018-04-08/CreateResourceInstances",
            json!({"Pid": 13624, "TimeUnit": "m", "TimeSpan": 1, "ResourceNum": 1}),
            None,
            None,
            account(0),
        )
    } else {
        let c = account((n as usize / 7) % ACCOUNTS);
        match n % 7 {
            0 => (
                "ms/2018-04-08/CreateResourceInstances",
                json!({"Pid": 13624, "TimeUnit": "m", "TimeSpan": 1, "ResourceNum": 1}),
                None,
                None,
                c,
            ),
            1 => (
                "hai/2023-08-12/RunInstances",
                json!({"ApplicationId": "app-jknfna", "BundleType": "XL", "ClientToken": token}),
                Some("ap-guangzhou"),
                None,
                c,
            ),
            2 => (
                "hai/2023-08-12/RunInstances",
                json!({"ApplicationId": "app-jknfna", "BundleType": "S", "DryRun": true}),
                Some("ap-guangzhou"),
                Some(Algorithm::TcHmacSha256),
                c,
            ),
            3 => (
                "postgres/2017-03-12/CreateResource",
                json!({"RegionId": 1, "ZoneId": 100002, "SpecCode": "cdb.pg.c1.1g", "DBVersion": "9.3.5", "Storage": 10, "Number": 1, "TimeSpan": 1, "Operator": "1"}),
                None,
                Some(Algorithm::TcHmacSha1),
                c,
            ),
            4 => (
                "bssopenapi/2017-12-14/CreateInstance",
                json!({"ProductCode": "oss", "SubscriptionType": "PayAsYouGo", "ClientToken": token}),
                None,
                Some(Algorithm::AcsRpcHmacSha1),
                c,
            ),
            5 => (
                "bssopenapi/2017-12-14/CreateInstance",
                json!({"ProductCode": "oss", "SubscriptionType": "Subscription", "Period": 12, "ClientToken": token}),
                None,
                Some(Algorithm::Acs3HmacSha256),
                c,
            ),
            _ => (
                "hai/2023-08-12/RunInstances",
                json!({"ApplicationId": "app-unknown1", "BundleType": "XL"}),
                Some("ap-guangzhou"),
                None,
                c,
            ),
        }
    };
    let mut call = Call::new(api, params);
    call.endpoint = endpoint;
    call.region = region.map(Into::into);
    let mut o = PrepareOptions::at(now());
    o.nonce = Some(seq.to_string());
    o.algorithm = alg;
    prepare(&call, &c, &o).expect("bench requests are valid").request
}

fn wire(req: &HttpRequest) -> Vec<u8> {
    let target = if req.query.is_empty() { req.path.clone() } else { format!("{}?{}", req.path, req.query) };
    let mut out = format!("{} {target} HTTP/1.1\r\n", req.method);
    if req.header("host").is_none() {
        out.push_str(&format!("Host: {}\r\n", req.host));
    }
    for (n, v) in &req.headers {
        out.push_str(&format!("{n}: {v}\r\n"));
    }
    out.push_str(&format!("Content-Length: {}\r\n\r\n", req.body.len()));
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(req.body.as_bytes());
    bytes
}

/// Reads one response; returns its body.
fn read_response(s: &mut TcpStream, buf: &mut Vec<u8>) -> Option<(u16, String)> {
    buf.clear();
    let mut chunk = [0u8; 8192];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let status = head.split(' ').nth(1)?.parse().ok()?;
            let len: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            while buf.len() < end + 4 + len {
                let n = s.read(&mut chunk).ok()?;
                if n == 0 {
                    return None;
                }
                buf.extend_from_slice(&chunk[..n]);
            }
            return Some((status, String::from_utf8_lossy(&buf[end + 4..end + 4 + len]).into_owned()));
        }
        let n = s.read(&mut chunk).ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

fn code_of(body: &str) -> String {
    let v: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    if let Some(c) = v["Response"]["Error"]["Code"].as_str() {
        return c.into();
    }
    if let Some(c) = v["code"].as_i64() {
        return c.to_string();
    }
    match v["Code"].as_str() {
        Some("Success") | None if !v.is_null() => "ok".into(),
        Some(c) => c.into(),
        None => "unparsable".into(),
    }
}

struct Tally {
    codes: BTreeMap<String, u64>,
    errors: u64,
}

fn run_phase(args: &Args, phase: &str) {
    let extra: &[&str] = if phase == "mixed" { &["--rate-limit", "0", "--quiet"] } else { &["--quiet"] };
    let server = start(&args.bin, extra);
    let pid = server.child.id();
    std::thread::sleep(Duration::from_millis(300));
    let (rss_start, _) = memory(pid);
    let stop = Arc::new(AtomicBool::new(false));
    let tally = Arc::new(Mutex::new(Tally { codes: BTreeMap::new(), errors: 0 }));
    let started = Instant::now();
    let workers: Vec<_> = (0..args.connections)
        .map(|w| {
            let (stop, tally, phase, port) = (Arc::clone(&stop), Arc::clone(&tally), phase.to_string(), server.port);
            std::thread::spawn(move || {
                let mut local: BTreeMap<String, u64> = BTreeMap::new();
                let mut errors = 0u64;
                let mut buf = Vec::with_capacity(16 * 1024);
                let mut n = w as u64;
                let mut conn: Option<TcpStream> = None;
                while !stop.load(Ordering::Relaxed) {
                    if conn.is_none() {
                        conn = TcpStream::connect(("127.0.0.1", port)).ok();
                        if let Some(c) = &conn {
                            let _ = c.set_nodelay(true);
                            let _ = c.set_read_timeout(Some(Duration::from_secs(10)));
                        } else {
                            errors += 1;
                            std::thread::sleep(Duration::from_millis(10));
                            continue;
                        }
                    }
                    let bytes = wire(&request(&phase, n, port));
                    n += 1;
                    let s = conn.as_mut().unwrap();
                    let answer = s.write_all(&bytes).ok().and_then(|()| read_response(s, &mut buf));
                    match answer {
                        Some((_, body)) => *local.entry(code_of(&body)).or_insert(0) += 1,
                        None => {
                            errors += 1;
                            conn = None;
                        }
                    }
                }
                let mut t = tally.lock().unwrap();
                for (k, v) in local {
                    *t.codes.entry(k).or_insert(0) += v;
                }
                t.errors += errors;
            })
        })
        .collect();
    let mut samples = Vec::new();
    while started.elapsed() < Duration::from_secs(args.seconds) {
        std::thread::sleep(Duration::from_secs(1));
        samples.push(memory(pid));
    }
    stop.store(true, Ordering::Relaxed);
    for w in workers {
        let _ = w.join();
    }
    let secs = started.elapsed().as_secs_f64();
    let (rss_end, hwm) = memory(pid);
    let t = tally.lock().unwrap();
    let total: u64 = t.codes.values().sum();
    let early = samples.get(4).map_or(0, |s| s.0);
    let peak = samples.iter().map(|s| s.0).max().unwrap_or(0);
    println!("\n== phase {phase}: {} connections, {secs:.1} s", args.connections);
    println!("requests answered: {total}  ({:.0} requests/s)", total as f64 / secs);
    println!("transport errors (connect, reset, unparsable HTTP): {}", t.errors);
    println!("answers by code:");
    for (code, n) in &t.codes {
        println!("  {n:>9}  {code}");
    }
    println!("server memory (VmRSS): start {} KiB, after 5 s {early} KiB, end {rss_end} KiB; peak sampled {peak} KiB; VmHWM {hwm} KiB", rss_start);
    let curve: Vec<String> =
        samples.iter().step_by((samples.len() / 10).max(1)).map(|s| format!("{}", s.0 / 1024)).collect();
    println!("VmRSS MiB over the run: {}", curve.join(" "));
}

fn main() {
    let args = args();
    for phase in args.phases.clone() {
        run_phase(&args, &phase);
    }
}
