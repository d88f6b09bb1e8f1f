//! `cloudplay serve`: the playground (static `www/` and the built npm package) and the
//! simulator, on loopback. Real SDKs and CLIs reach the simulator either with this server as
//! their endpoint (`http://127.0.0.1:PORT`, whatever Host they send) or as their HTTP proxy
//! (absolute-form targets carrying the vendor's Host).

mod added;
mod cors;
mod files;
mod log;
pub mod proxy;
mod simhost;
mod stall;

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// Bounds that keep one client from holding the server: a request head must arrive within
/// `HEADER_TIMEOUT` (this also closes idle keep-alive connections), its body within
/// `BODY_TIMEOUT`, an answer must move within `WRITE_TIMEOUT` (a client that stops reading),
/// and head and body fit their size limits.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
pub const BODY_TIMEOUT: Duration = Duration::from_secs(10);
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// The most of a body read (Tencent's 10 MB for a TC3-signed POST); the simulator holds a
/// request signed another way to that way's own limit.
pub const MAX_BODY: usize = cloudplay_sim::MAX_BODY;
/// The request line plus headers, counted as hyper keeps them (values without the spaces
/// around them); [`dispatch`] holds every request to it. hyper's read buffer, twice this,
/// bounds the raw bytes, padding included.
pub const MAX_HEAD: usize = 64 * 1024;
pub const MAX_CONNECTIONS: usize = 1024;

#[derive(Debug, Clone)]
pub struct Options {
    pub addr: SocketAddr,
    pub root: PathBuf,
    pub pkg: PathBuf,
    pub accounts: Option<PathBuf>,
    /// APIs the simulator answers beside the built-in ones (see `added`).
    pub specs: Vec<PathBuf>,
    /// Overrides every API's requests-per-second limit; 0 turns limiting off (benchmarks only).
    pub rate_limit: Option<u32>,
    /// No per-request log lines.
    pub quiet: bool,
}

impl Options {
    pub fn parse(args: &[String]) -> Result<Self, String> {
        let mut opts = Options {
            addr: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 8080),
            root: PathBuf::from("www"),
            pkg: PathBuf::from("pkg"),
            accounts: None,
            specs: Vec::new(),
            rate_limit: None,
            quiet: false,
        };
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
            match flag.as_str() {
                "--port" => {
                    let v = value()?;
                    let port = v.parse::<u16>().map_err(|_| format!("--port: '{v}' is not a port number (0-65535)"))?;
                    opts.addr.set_port(port);
                }
                "--root" => opts.root = PathBuf::from(value()?),
                "--pkg" => opts.pkg = PathBuf::from(value()?),
                "--accounts" => opts.accounts = Some(PathBuf::from(value()?)),
                "--specs" => opts.specs.push(PathBuf::from(value()?)),
                "--rate-limit" => {
                    let v = value()?;
                    opts.rate_limit = Some(
                        v.parse().map_err(|_| format!("--rate-limit: '{v}' is not a count (0 turns limits off)"))?,
                    );
                }
                "--quiet" => opts.quiet = true,
                other => return Err(format!("serve: unknown option '{other}'")),
            }
        }
        Ok(opts)
    }
}

pub fn run(mut opts: Options) -> ExitCode {
    // The folders' real places, found once: a file is served only from below them (files.rs).
    for dir in [&mut opts.root, &mut opts.pkg] {
        if let Ok(real) = std::fs::canonicalize(&*dir) {
            *dir = real;
        }
    }
    // Through the log's thread, as every line but a fatal one: a fixture that pipes stderr
    // and never reads it must still get the port line on stdout.
    for warning in missing_files(&opts) {
        log::line(warning);
    }
    let sim = match simhost::SimHost::new(&opts) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cloudplay serve: {e}");
            return ExitCode::FAILURE;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("cloudplay serve: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(opts, sim)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cloudplay serve: {e}");
            ExitCode::FAILURE
        }
    }
}

/// What the folders lack for the playground to load: run elsewhere than the repository's root,
/// or before the package is built, every page would be a bare 404.
fn missing_files(opts: &Options) -> Vec<String> {
    let mut out = Vec::new();
    if !opts.root.join("index.html").is_file() {
        out.push(format!(
            "cloudplay serve: warning: {} has no index.html, so the playground answers 404 (run from the repository's root, or pass --root DIR); the simulator works",
            opts.root.display()
        ));
    }
    if !opts.pkg.join("web/cloudplay.js").is_file() {
        out.push(format!(
            "cloudplay serve: warning: {} has no web/cloudplay.js, so the page cannot load its engine (build it with `cargo xtask pkg`, or pass --pkg DIR)",
            opts.pkg.display()
        ));
    }
    out
}

async fn serve(opts: Options, sim: simhost::SimHost) -> std::io::Result<()> {
    // Several test workers each start a server: the error names the port that was taken.
    let listener = TcpListener::bind(opts.addr).await.map_err(|e| {
        let hint = if e.kind() == std::io::ErrorKind::AddrInUse {
            " (pick another with --port N, or --port 0 for a free one)"
        } else {
            ""
        };
        std::io::Error::new(e.kind(), format!("cannot listen on {}: {e}{hint}", opts.addr))
    })?;
    let local = listener.local_addr()?;
    // Scripts read the bound port from this line (with --port 0 the system picks it).
    println!("cloudplay playground: http://{local}/");
    println!("cloudplay simulator: endpoint http://{local} or HTTP proxy http://{local}");
    for warning in proxy::test_overrides() {
        log::line(warning);
    }
    let opts = Arc::new(opts);
    let sim = Arc::new(sim);
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let (stream, _) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                // Out of descriptors and the like: keep serving the connections we have.
                Err(_) => { tokio::time::sleep(Duration::from_millis(50)).await; continue; }
            },
            _ = tokio::signal::ctrl_c() => return Ok(()),
        };
        let Ok(permit) = Arc::clone(&slots).try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let (opts, sim) = (Arc::clone(&opts), Arc::clone(&sim));
        tokio::spawn(async move {
            serve_http(TokioIo::new(stall::Bounded::new(stream, WRITE_TIMEOUT)), opts, sim, false).await;
            drop(permit);
        });
    }
}

/// One client connection (or a tunnel inside one), request after request.
async fn serve_http<I>(io: I, opts: Arc<Options>, sim: Arc<simhost::SimHost>, in_tunnel: bool)
where
    I: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
{
    let svc = service_fn(move |req| {
        let (opts, sim) = (Arc::clone(&opts), Arc::clone(&sim));
        async move { Ok::<_, Infallible>(dispatch(&opts, &sim, req, in_tunnel).await) }
    });
    let _ = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .max_buf_size(2 * MAX_HEAD)
        .serve_connection(io, svc)
        .with_upgrades()
        .await;
}

/// An SDK whose proxy support is a CONNECT tunnel (tencentcloud-sdk-nodejs's https-proxy-agent,
/// even for http://) sends its plain-HTTP requests through it: they are answered here as if
/// they had come straight. A tunnel to port 443 would carry TLS, which the simulator does not
/// speak; the simulator refuses that one with a sentence instead.
fn tunnel(
    opts: &Arc<Options>,
    sim: &Arc<simhost::SimHost>,
    req: hyper::Request<hyper::body::Incoming>,
) -> hyper::Response<http_body_util::Full<bytes::Bytes>> {
    // The connection's own slot is given back once it turns into a tunnel: tunnels have a pool
    // of their own, as bounded.
    static TUNNELS: Semaphore = Semaphore::const_new(MAX_CONNECTIONS);
    let Ok(permit) = TUNNELS.try_acquire() else {
        return files::plain(hyper::StatusCode::SERVICE_UNAVAILABLE, "too many tunnels open");
    };
    let (opts, sim) = (Arc::clone(opts), Arc::clone(sim));
    tokio::spawn(async move {
        if let Ok(upgraded) = hyper::upgrade::on(req).await {
            serve_http(upgraded, opts, sim, true).await;
        }
        drop(permit);
    });
    hyper::Response::new(http_body_util::Full::new(bytes::Bytes::new()))
}

async fn dispatch(
    opts: &Arc<Options>,
    sim: &Arc<simhost::SimHost>,
    req: hyper::Request<hyper::body::Incoming>,
    in_tunnel: bool,
) -> hyper::Response<http_body_util::Full<bytes::Bytes>> {
    if head_len(&req) > MAX_HEAD {
        let mut resp =
            files::plain(hyper::StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, "the request head is over 64 KiB");
        resp.headers_mut().insert(hyper::header::CONNECTION, hyper::header::HeaderValue::from_static("close"));
        return resp;
    }
    if proxy::is_proxy_request(&req) {
        return proxy::handle(req, opts.quiet).await;
    }
    // One tunnel deep: a tunnel inside a tunnel would stack a layer on every read, without end.
    if req.method() == hyper::Method::CONNECT && in_tunnel {
        return files::plain(hyper::StatusCode::METHOD_NOT_ALLOWED, "no tunnel inside a tunnel");
    }
    if req.method() == hyper::Method::CONNECT && req.uri().port_u16().is_some_and(|p| p != 443) {
        if !opts.quiet {
            log::log!("tunnel CONNECT {}", req.uri());
        }
        return tunnel(opts, sim, req);
    }
    if let Some(resp) = cors::preflight(&req) {
        return resp;
    }
    if simhost::is_simulator_traffic(&req) {
        let origin = cors::local_origin(&req);
        let mut resp = sim.handle(req).await;
        if let Some(origin) = origin {
            cors::allow(&mut resp, origin);
        }
        return resp;
    }
    let start = std::time::Instant::now();
    let resp = files::handle(opts, &req).await;
    if !opts.quiet {
        log::log!(
            "file {} {} {} {:.1}ms",
            req.method(),
            req.uri().path(),
            resp.status().as_u16(),
            start.elapsed().as_secs_f64() * 1e3
        );
    }
    resp
}

/// The request line and headers as they arrived, give or take the line ends.
fn head_len<B>(req: &hyper::Request<B>) -> usize {
    let uri = req.uri();
    let target =
        uri.authority().map_or(0, |a| a.as_str().len() + 8) + uri.path_and_query().map_or(1, |p| p.as_str().len());
    let headers: usize = req.headers().iter().map(|(n, v)| n.as_str().len() + v.len() + 4).sum();
    req.method().as_str().len() + target + 10 + headers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_checked() {
        let args = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(Options::parse(&args(&["--port", "9000"])).unwrap().addr.port(), 9000);
        assert!(Options::parse(&args(&["--port", "x"])).is_err());
        assert!(Options::parse(&args(&["--port"])).is_err());
        assert!(Options::parse(&args(&["--bogus"])).is_err());
        assert!(Options::parse(&[]).unwrap().addr.ip().is_loopback());
        let o = Options::parse(&args(&["--accounts", "a.json", "--rate-limit", "0", "--quiet"])).unwrap();
        assert_eq!((o.accounts.unwrap(), o.rate_limit, o.quiet), (PathBuf::from("a.json"), Some(0), true));
        assert!(Options::parse(&args(&["--rate-limit", "-1"])).is_err());
    }
}
