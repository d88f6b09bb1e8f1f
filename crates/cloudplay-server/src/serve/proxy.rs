//! The forwarding proxy (`POST /proxy`): the page's way past the vendors' missing CORS headers.
//!
//! The page posts `{method, url, headers, body}` of a request it signed; the proxy sends it to
//! the vendor over HTTPS and hands back the answer. It is deliberately narrow, because a
//! forwarding proxy on a developer's machine is an attractive thing to abuse:
//! - only the page's own origin may use it (a browser always sends `Origin` on a POST);
//! - only HTTPS to hosts under `tencentcloudapi.com`, `api.qcloud.com` and `aliyuncs.com`, on
//!   port 443, and never to a name that resolves to a private, loopback or otherwise internal
//!   address (the connection goes to the address that was checked: no DNS rebinding);
//! - sizes and times are bounded both ways;
//! - the log line names the host, the status and the time — never a header, a body, a
//!   signature or a token.
//!
//! A refusal is a 4xx/5xx with `x-cloudplay-proxy-error: <Code>` and `{code, message}`, so the
//! page can tell it from the vendor's own answer; a forwarded answer carries
//! `x-cloudplay-proxy: forwarded`, so a client can tell either from whatever else answers at
//! its `/proxy` (a dev server's 404 page). For tests without internet, two environment
//! variables (testing only) redirect the upstream: `CLOUDPLAY_PROXY_UPSTREAM=127.0.0.1:PORT`
//! sends every allowed request there over plain HTTP, and `CLOUDPLAY_PROXY_RESOLVE=host=ip,…`
//! answers name lookups.

use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use bytes::Bytes;
use cloudplay_core::hosts::{is_vendor_api_host, VENDOR_HOST_SHAPES};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::header::{HeaderName, HeaderValue, CONTENT_LENGTH, CONTENT_TYPE, HOST, ORIGIN};
use hyper::{Method, Request, Response, StatusCode, Uri};
use hyper_util::rt::TokioIo;
use serde::Deserialize;
use serde_json::error::Category;
use tokio::net::TcpStream;

/// The path the page posts to.
pub const PATH: &str = "/proxy";
/// The header of an answer this proxy forwarded.
pub const FORWARDED_MARK: &str = "x-cloudplay-proxy";
/// A request to forward: a body the vendor takes (see `MAX_BODY`), and room for the JSON
/// around it (its headers and URL, escapes).
const MAX_REQUEST: usize = super::MAX_BODY + (1 << 20);
const MAX_RESPONSE: usize = 8 << 20;
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const TOTAL_TIMEOUT: Duration = Duration::from_secs(30);
/// Headers that describe one hop, or that the proxy sets itself.
const HOP_HEADERS: [&str; 9] = [
    "host",
    "connection",
    "keep-alive",
    "proxy-connection",
    "transfer-encoding",
    "upgrade",
    "te",
    "trailer",
    "content-length",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Forward {
    method: String,
    url: String,
    #[serde(default, with = "cloudplay_core::http::pairs_as_map")]
    headers: Vec<(String, String)>,
    #[serde(default)]
    body: String,
}

/// Why a request was not forwarded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    WrongOrigin,
    BadRequest,
    TooLarge,
    NotHttps,
    ForeignHost,
    PrivateAddress,
    Unresolvable,
    UpstreamUnreachable,
    UpstreamTimeout,
    UpstreamTooLarge,
}

impl Refusal {
    pub fn code(self) -> &'static str {
        match self {
            Refusal::WrongOrigin => "WrongOrigin",
            Refusal::BadRequest => "BadRequest",
            Refusal::TooLarge => "TooLarge",
            Refusal::NotHttps => "NotHttps",
            Refusal::ForeignHost => "ForeignHost",
            Refusal::PrivateAddress => "PrivateAddress",
            Refusal::Unresolvable => "Unresolvable",
            Refusal::UpstreamUnreachable => "UpstreamUnreachable",
            Refusal::UpstreamTimeout => "UpstreamTimeout",
            Refusal::UpstreamTooLarge => "UpstreamTooLarge",
        }
    }

    fn status(self) -> StatusCode {
        match self {
            Refusal::WrongOrigin | Refusal::NotHttps | Refusal::ForeignHost | Refusal::PrivateAddress => {
                StatusCode::FORBIDDEN
            }
            Refusal::BadRequest => StatusCode::BAD_REQUEST,
            Refusal::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Refusal::Unresolvable | Refusal::UpstreamUnreachable | Refusal::UpstreamTooLarge => StatusCode::BAD_GATEWAY,
            Refusal::UpstreamTimeout => StatusCode::GATEWAY_TIMEOUT,
        }
    }
}

pub fn is_proxy_request<B>(req: &Request<B>) -> bool {
    req.uri().scheme().is_none() && req.uri().path() == PATH
}

pub async fn handle(req: Request<Incoming>, quiet: bool) -> Response<Full<Bytes>> {
    let start = Instant::now();
    let (resp, host) = match forward(req).await {
        Ok((resp, host)) => (resp, host),
        Err((refusal, message, host)) => (refused(refusal, &message), host),
    };
    if !quiet {
        let host: String = host.chars().filter(|c| c.is_ascii_graphic()).take(80).collect();
        let how = resp.headers().get("x-cloudplay-proxy-error").and_then(|v| v.to_str().ok()).unwrap_or("forwarded");
        super::log::log!(
            "proxy {} {} {how} {:.1}ms",
            if host.is_empty() { "-" } else { &host },
            resp.status().as_u16(),
            start.elapsed().as_secs_f64() * 1e3
        );
    }
    resp
}

type Refused = (Refusal, String, String);

async fn forward(req: Request<Incoming>) -> Result<(Response<Full<Bytes>>, String), Refused> {
    let no_host = |r: Refusal, m: String| (r, m, String::new());
    if req.method() != Method::POST {
        return Err(no_host(
            Refusal::BadRequest,
            "POST the request to forward as JSON {method, url, headers, body}".into(),
        ));
    }
    check_origin(&req).map_err(|m| no_host(Refusal::WrongOrigin, m))?;
    let body = tokio::time::timeout(TOTAL_TIMEOUT, Limited::new(req.into_body(), MAX_REQUEST).collect())
        .await
        .map_err(|_| no_host(Refusal::BadRequest, "the request did not arrive in time".into()))?
        .map_err(|_| no_host(Refusal::TooLarge, format!("the request to forward is larger than {MAX_REQUEST} bytes")))?
        .to_bytes();
    // What the proxy says back leaves out what the request carries: a session token can be in
    // its query (API 2.0, Alibaba RPC) or a header, and serde quotes a mistyped value.
    let fwd: Forward = serde_json::from_slice(&body).map_err(|e| {
        let why = match e.classify() {
            Category::Data if !e.to_string().starts_with("missing field") => {
                format!("a member is not of its type (line {}, column {})", e.line(), e.column())
            }
            _ => e.to_string(),
        };
        no_host(Refusal::BadRequest, format!("expected JSON {{method, url, headers, body}}: {why}"))
    })?;
    let uri: Uri = fwd.url.parse().map_err(|_| {
        let before_query = fwd.url.split(['?', '#']).next().unwrap_or_default();
        let rest = if before_query.len() < fwd.url.len() { "…" } else { "" };
        let shown = without_userinfo(before_query);
        no_host(
            Refusal::BadRequest,
            format!("'{shown}{rest}' is not a URL: escape its spaces and other characters a URL cannot hold"),
        )
    })?;
    let host = uri.host().unwrap_or_default().to_ascii_lowercase();
    let err = |r: Refusal, m: String| (r, m, host.clone());
    if uri.scheme_str() != Some("https") {
        return Err(err(Refusal::NotHttps, "only https:// URLs are forwarded".into()));
    }
    if !is_vendor_api_host(&host) || uri.port_u16().is_some_and(|p| p != 443) {
        return Err(err(
            Refusal::ForeignHost,
            format!("'{host}' is not a vendor API host ({VENDOR_HOST_SHAPES}) on port 443"),
        ));
    }
    let method = Method::from_bytes(fwd.method.to_ascii_uppercase().as_bytes())
        .ok()
        .filter(|m| matches!(*m, Method::GET | Method::POST))
        .ok_or_else(|| err(Refusal::BadRequest, "only GET and POST are forwarded".into()))?;

    let mut out = Request::builder().method(method).uri(uri.path_and_query().map_or("/", |p| p.as_str()));
    for (name, value) in &fwd.headers {
        if HOP_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
            continue;
        }
        let (Ok(n), Ok(v)) = (HeaderName::from_bytes(name.as_bytes()), HeaderValue::from_str(value)) else {
            return Err(err(Refusal::BadRequest, format!("header '{name}' is not a valid HTTP header")));
        };
        out = out.header(n, v);
    }
    let out = out
        .header(HOST, &host)
        .header(CONTENT_LENGTH, fwd.body.len())
        .body(Full::new(Bytes::from(fwd.body)))
        .map_err(|e| err(Refusal::BadRequest, e.to_string()))?;

    let answer = tokio::time::timeout(TOTAL_TIMEOUT, send(&host, out)).await.map_err(|_| {
        err(Refusal::UpstreamTimeout, format!("{host} did not answer within {} s", TOTAL_TIMEOUT.as_secs()))
    })?;
    let (status, headers, body) = answer.map_err(|(r, m)| err(r, m))?;
    let mut resp = Response::new(Full::new(body));
    *resp.status_mut() = status;
    for (name, value) in headers.iter() {
        // The answer's own framing is redone here, and what this proxy says of an answer is
        // its own to say (an upstream's x-cloudplay-proxy-error would pass for a refusal);
        // everything else the page may want to see.
        if !HOP_HEADERS.contains(&name.as_str())
            && !name.as_str().starts_with(FORWARDED_MARK)
            && !page_wide(name.as_str())
        {
            resp.headers_mut().append(name.clone(), value.clone());
        }
    }
    resp.headers_mut().insert(FORWARDED_MARK, HeaderValue::from_static("forwarded"));
    Ok((resp, host))
}

/// Headers of an answer that would act on this server's origin rather than describe the
/// answer: cookies (not kept apart by port, so they would reach every local app), orders to
/// clear the page's storage, and CORS grants this server never makes.
fn page_wide(name: &str) -> bool {
    matches!(name, "set-cookie" | "set-cookie2" | "clear-site-data") || name.starts_with("access-control-")
}

/// A URL as it may be quoted back: what comes before its last `@` (after the scheme, if any)
/// is left out, so no `user:password@` is, whatever the password holds (a `/` included).
/// A host has no `@`; a path that has one loses a little of what is quoted, nothing more.
fn without_userinfo(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").map_or(("", url), |(s, r)| (s, r));
    let Some(at) = rest.rfind('@') else { return url.to_string() };
    let scheme = if scheme.is_empty() { String::new() } else { format!("{scheme}://") };
    format!("{scheme}…@{}", &rest[at + 1..])
}

/// The page's own origin only: `http://<the Host this server was reached at>`.
fn check_origin<B>(req: &Request<B>) -> Result<(), String> {
    let origin = req.headers().get(ORIGIN).and_then(|v| v.to_str().ok()).unwrap_or("");
    let host = req.headers().get(HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
    // Said for someone wiring their own app to it: the page's origin must be the address this
    // server was reached at, which a dev server's proxy keeps only when it leaves Host alone.
    let how = "forward /proxy to it from your dev server keeping the Host header (Vite: changeOrigin: false), or serve the page from this server (cloudplay serve --root <your build>); from Node, send direct";
    if origin.is_empty() {
        return Err(format!("no Origin header: only a page served by this server may use the proxy; {how}"));
    }
    if host.is_empty() || origin != format!("http://{host}") {
        return Err(format!("the page's origin '{origin}' is not this server's (http://{host}), and only a page served by this server may use the proxy; {how}"));
    }
    // The server listens on loopback only, so its page is reached by a loopback name: another
    // name matching its Origin is a page that rebound its own domain to 127.0.0.1.
    if !loopback_authority(host) {
        return Err(format!("host '{host}' is not a loopback address, and only a page served by this server at a loopback address may use the proxy; {how}"));
    }
    Ok(())
}

/// `127.x.y.z`, `localhost` or `[::1]`, with or without a port (a number that fits 16 bits);
/// nothing else before or after. The proxy's Host and the simulator's CORS (cors.rs) both ask.
pub(super) fn loopback_authority(authority: &str) -> bool {
    let port_ok = |port: &str| port.bytes().all(|b| b.is_ascii_digit()) && port.parse::<u16>().is_ok();
    let (name, port) = match authority.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((name, rest)) => {
                (name, if rest.is_empty() { None } else { Some(rest.strip_prefix(':').unwrap_or("x")) })
            }
            None => return false,
        },
        None => match authority.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (authority, None),
        },
    };
    if port.is_some_and(|p| !port_ok(p)) {
        return false;
    }
    name.eq_ignore_ascii_case("localhost")
        || name == "::1"
        || name.parse::<std::net::Ipv4Addr>().is_ok_and(|ip| ip.is_loopback())
}

/// Addresses that belong to this machine or a private network: never a vendor's API.
pub fn is_internal(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_documentation()
                || a == 0
                || (a == 100 && (64..128).contains(&b)) // carrier-grade NAT
                || (a == 198 && (b == 18 || b == 19)) // benchmarking
                || a >= 224 // multicast and reserved
        }
        IpAddr::V6(v6) => {
            let seg0 = v6.segments()[0];
            v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (seg0 & 0xfe00) == 0xfc00 // unique local
                || (seg0 & 0xffc0) == 0xfe80 // link local
                || v6.to_ipv4_mapped().is_some_and(|v4| is_internal(IpAddr::V4(v4)))
        }
    }
}

fn test_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// What the testing-only variables change, said at start-up: set by accident, they would send
/// what the page forwards somewhere other than the vendor.
pub fn test_overrides() -> Vec<String> {
    let mut said = Vec::new();
    if let Some(upstream) = test_env("CLOUDPLAY_PROXY_UPSTREAM") {
        said.push(format!("warning: CLOUDPLAY_PROXY_UPSTREAM is set (testing only): /proxy sends every request to {} over plain HTTP, not to the vendor", upstream.trim()));
    }
    if let Some(map) = test_env("CLOUDPLAY_PROXY_RESOLVE") {
        said.push(format!(
            "warning: CLOUDPLAY_PROXY_RESOLVE is set (testing only): /proxy resolves {} itself",
            map.trim()
        ));
    }
    said
}

/// Resolves `host` and picks an address that is safe to connect to.
async fn resolve(host: &str) -> Result<SocketAddr, (Refusal, String)> {
    let addrs: Vec<IpAddr> = match test_env("CLOUDPLAY_PROXY_RESOLVE").and_then(|map| {
        map.split(',')
            .find_map(|e| e.split_once('=').filter(|(h, _)| h.trim() == host).map(|(_, ip)| ip.trim().to_owned()))
    }) {
        Some(ip) => ip
            .parse()
            .map(|ip| vec![ip])
            .map_err(|_| (Refusal::Unresolvable, format!("test resolver: '{ip}' is not an address")))?,
        None => tokio::net::lookup_host((host, 443))
            .await
            .map_err(|e| (Refusal::Unresolvable, format!("cannot resolve {host}: {e}")))?
            .map(|a| a.ip())
            .collect(),
    };
    // Refuse if any answer is internal: a name that points inward is not a vendor's.
    if let Some(bad) = addrs.iter().find(|ip| is_internal(**ip)) {
        return Err((Refusal::PrivateAddress, format!("{host} resolves to {bad}, an internal address")));
    }
    addrs
        .first()
        .map(|ip| SocketAddr::new(*ip, 443))
        .ok_or_else(|| (Refusal::Unresolvable, format!("{host} has no address")))
}

type Answer = (StatusCode, hyper::HeaderMap, Bytes);

async fn send(host: &str, req: Request<Full<Bytes>>) -> Result<Answer, (Refusal, String)> {
    let unreachable = |e: &dyn std::fmt::Display| (Refusal::UpstreamUnreachable, format!("{host}: {e}"));
    if let Some(upstream) = test_env("CLOUDPLAY_PROXY_UPSTREAM") {
        // Testing only: a local plain-HTTP stand-in for the vendor.
        let stream = TcpStream::connect(upstream.trim()).await.map_err(|e| unreachable(&e))?;
        return exchange(TokioIo::new(stream), req, host).await;
    }
    let addr = resolve(host).await?;
    let stream = tokio::time::timeout(CONNECT_TIMEOUT, TcpStream::connect(addr))
        .await
        .map_err(|_| {
            (Refusal::UpstreamTimeout, format!("{host}: no connection within {} s", CONNECT_TIMEOUT.as_secs()))
        })?
        .map_err(|e| unreachable(&e))?;
    let name = rustls::pki_types::ServerName::try_from(host.to_owned()).map_err(|e| unreachable(&e))?;
    let config = tls_config().ok_or_else(|| unreachable(&"the TLS configuration could not be built"))?;
    let tls = tokio_rustls::TlsConnector::from(config).connect(name, stream).await.map_err(|e| unreachable(&e))?;
    exchange(TokioIo::new(tls), req, host).await
}

async fn exchange<T>(io: TokioIo<T>, req: Request<Full<Bytes>>, host: &str) -> Result<Answer, (Refusal, String)>
where
    T: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let unreachable = |e: &dyn std::fmt::Display| (Refusal::UpstreamUnreachable, format!("{host}: {e}"));
    let (mut sender, conn) = hyper::client::conn::http1::handshake(io).await.map_err(|e| unreachable(&e))?;
    tokio::spawn(async move {
        let _ = conn.await;
    });
    let resp = sender.send_request(req).await.map_err(|e| unreachable(&e))?;
    let (parts, body) = resp.into_parts();
    let body = Limited::new(body, MAX_RESPONSE)
        .collect()
        .await
        .map_err(|_| (Refusal::UpstreamTooLarge, format!("{host}'s answer is larger than {MAX_RESPONSE} bytes")))?
        .to_bytes();
    Ok((parts.status, parts.headers, body))
}

/// Mozilla's roots via webpki-roots, ring for the cryptography; `None` if rustls refuses the
/// configuration (then every TLS connection fails with that reason, not the server).
fn tls_config() -> Option<Arc<rustls::ClientConfig>> {
    static CONFIG: OnceLock<Option<Arc<rustls::ClientConfig>>> = OnceLock::new();
    CONFIG
        .get_or_init(|| {
            let roots = rustls::RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
            rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
                .with_safe_default_protocol_versions()
                .ok()
                .map(|b| Arc::new(b.with_root_certificates(roots).with_no_client_auth()))
        })
        .clone()
}

fn refused(r: Refusal, message: &str) -> Response<Full<Bytes>> {
    let body = serde_json::json!({ "code": r.code(), "message": message }).to_string();
    let mut resp = Response::new(Full::new(Bytes::from(body)));
    *resp.status_mut() = r.status();
    resp.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    resp.headers_mut().insert("x-cloudplay-proxy-error", HeaderValue::from_static(r.code()));
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_url_keeps_no_userinfo() {
        for (url, shown) in [
            ("https://u:p@x y.aliyuncs.com/", "https://…@x y.aliyuncs.com/"),
            ("user:secret@bad host/", "…@bad host/"),
            ("https://u:pa/ss@bad host/", "https://…@bad host/"),
            ("https://bad host/", "https://bad host/"),
        ] {
            assert_eq!(without_userinfo(url), shown);
        }
    }

    #[test]
    fn internal_addresses_are_recognised() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "192.168.0.1",
            "172.16.5.4",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(is_internal(ip.parse().unwrap()), "{ip}");
        }
        for ip in ["203.119.214.116", "8.8.8.8", "2400:3200::1"] {
            assert!(!is_internal(ip.parse().unwrap()), "{ip}");
        }
    }
}
