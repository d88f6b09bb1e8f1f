//! The simulator over HTTP: which requests are for it, turning a hyper request into the core's
//! `HttpRequest` within size and time limits, and one log line per request (method, host, API,
//! code, time) that never carries a secret, a signature or a token.

use std::hash::{BuildHasher, Hasher};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use cloudplay_core::HttpRequest;
use cloudplay_sim::{HttpResponse, Outcome, Simulator, Unreadable};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::header::{HeaderName, HeaderValue, CONNECTION, CONTENT_LENGTH, CONTENT_TYPE};
use hyper::http::request::Parts;
use hyper::{Method, Request, Response, StatusCode};

use super::{Options, BODY_TIMEOUT, MAX_BODY};

/// A body this small is read without a share of the budget below.
const FREE_BODY: usize = 64 * 1024;

/// The bodies the simulator may hold at once, in KiB: twelve at the most a body may carry.
static BODY_BUDGET: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(12 * MAX_BODY / 1024);

pub struct SimHost {
    sim: Mutex<Simulator>,
    /// Seeded from the OS (std's `RandomState` keys come from the system's random source).
    seed: u64,
    counter: AtomicU64,
    quiet: bool,
}

impl SimHost {
    pub fn new(opts: &Options) -> Result<Self, String> {
        let mut sim = Simulator::new();
        if let Some(path) = &opts.accounts {
            let text = std::fs::read_to_string(path).map_err(|e| format!("--accounts {}: {e}", path.display()))?;
            let n = sim.add_accounts_json(&text).map_err(|e| format!("--accounts {}: {e}", path.display()))?;
            super::log::log!("cloudplay serve: {n} accounts loaded from {}", path.display());
        }
        if !opts.specs.is_empty() {
            let mut catalog = cloudplay_core::Catalog::builtin().map_err(|e| e.to_string())?;
            let (specs, lines) = super::added::load(&mut catalog, &opts.specs)?;
            sim.add_specs(specs);
            for line in lines {
                super::log::line(line);
            }
        }
        sim.set_rate_limit(opts.rate_limit);
        let seed = std::collections::hash_map::RandomState::new().build_hasher().finish();
        Ok(SimHost { sim: Mutex::new(sim), seed, counter: AtomicU64::new(0), quiet: opts.quiet })
    }

    fn entropy(&self) -> u64 {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(self.seed ^ self.counter.fetch_add(1, Ordering::Relaxed));
        h.finish()
    }

    /// Runs the simulator; a panic inside it becomes a 500 instead of a dead connection.
    fn with_sim(
        &self,
        f: impl FnOnce(&mut Simulator, u64) -> (HttpResponse, Outcome),
    ) -> Option<(HttpResponse, Outcome)> {
        let entropy = self.entropy();
        let mut guard = self.sim.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        catch_unwind(AssertUnwindSafe(|| f(&mut guard, entropy))).ok()
    }

    pub async fn handle(&self, req: Request<Incoming>) -> Response<Full<Bytes>> {
        let start = Instant::now();
        let (parts, body) = req.into_parts();
        if parts.method == Method::CONNECT {
            return plain(
                StatusCode::METHOD_NOT_ALLOWED,
                "the simulator proxies plain HTTP only: configure the SDK with http:// (no TLS) and this proxy",
                true,
            );
        }
        let mut head = request_head(&parts);
        let declared =
            parts.headers.get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.trim().parse::<u64>().ok());
        // Bodies being read share a budget, so that many connections at the most a body may
        // carry do not take the machine's memory: a body waits for its share half as long as a
        // body may take to arrive (those holding it are then still reading or timed out). One
        // of unknown length (chunked) is counted at the most.
        // No body, or a small one (an SDK call's), takes no share: those who declare large
        // bodies and send nothing then block only one another.
        let size = hyper::body::Body::size_hint(&body).exact().or(declared);
        let share = size.map_or(MAX_BODY, |n| n.min(MAX_BODY as u64) as usize).div_ceil(1024) as u32;
        let _budget = if declared.is_some_and(|n| n > MAX_BODY as u64) || size.is_some_and(|n| n <= FREE_BODY as u64) {
            None
        } else {
            match tokio::time::timeout(BODY_TIMEOUT / 2, BODY_BUDGET.acquire_many(share)).await {
                Ok(Ok(permit)) => Some(permit),
                _ => {
                    return plain(
                        StatusCode::SERVICE_UNAVAILABLE,
                        "too many request bodies are being read; try again",
                        true,
                    )
                }
            }
        };
        let read = if declared.is_some_and(|n| n > MAX_BODY as u64) {
            Err(Unreadable::TooLarge { limit: MAX_BODY })
        } else {
            match tokio::time::timeout(BODY_TIMEOUT, Limited::new(body, MAX_BODY).collect()).await {
                Err(_) => return plain(StatusCode::REQUEST_TIMEOUT, "the request body did not arrive in time", true),
                Ok(Err(e)) if e.downcast_ref::<http_body_util::LengthLimitError>().is_some() => {
                    Err(Unreadable::TooLarge { limit: MAX_BODY })
                }
                Ok(Err(_)) => return plain(StatusCode::BAD_REQUEST, "the request body could not be read", true),
                Ok(Ok(collected)) => {
                    String::from_utf8(Vec::from(collected.to_bytes())).map_err(|_| Unreadable::NotUtf8)
                }
            }
        };
        let headers_utf8 = parts.headers.values().all(|v| std::str::from_utf8(v.as_bytes()).is_ok());
        let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
        let (result, close) = match read {
            Ok(text) if headers_utf8 => {
                head.body = text;
                (self.with_sim(|sim, e| sim.handle_traced(&head, now, e)), false)
            }
            Ok(_) => (self.with_sim(|sim, e| sim.reject(&head, Unreadable::NotUtf8, e)), false),
            // The rest of an oversized body is never read, so the connection cannot be reused.
            Err(why) => (self.with_sim(|sim, e| sim.reject(&head, why, e)), matches!(why, Unreadable::TooLarge { .. })),
        };
        let Some((answer, outcome)) = result else {
            return plain(StatusCode::INTERNAL_SERVER_ERROR, "the simulator failed on this request", true);
        };
        if !self.quiet {
            log_line(&parts, &head, &outcome, start);
        }
        to_hyper(answer, close)
    }
}

/// The request line and headers as the simulator sees them; the body is filled in later.
fn request_head(parts: &Parts) -> HttpRequest {
    let uri = &parts.uri;
    let host_header =
        parts.headers.get(hyper::header::HOST).map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    // Without a Host header, the target's authority, less any user:password@ (it would be
    // logged, and a password is a secret).
    let host = host_header.or_else(|| uri.authority().map(|a| a.as_str().rsplit('@').next().unwrap_or("").to_string()));
    let host = host.unwrap_or_default();
    let mut headers: Vec<(String, String)> = parts
        .headers
        .iter()
        .map(|(n, v)| (n.as_str().to_string(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
        .collect();
    if !headers.iter().any(|(n, _)| n == "host") && !host.is_empty() {
        headers.push(("host".into(), host.clone()));
    }
    HttpRequest {
        method: parts.method.as_str().to_string(),
        scheme: uri.scheme_str().unwrap_or("http").to_string(),
        host,
        path: uri.path().to_string(),
        query: uri.query().unwrap_or("").to_string(),
        headers,
        body: String::new(),
    }
}

/// Whether a request is for the simulator rather than the page: proxy traffic, anything
/// carrying a signature or vendor headers, a vendor Host, or a POST to an API path.
pub fn is_simulator_traffic<B>(req: &Request<B>) -> bool {
    if req.uri().scheme().is_some() || req.method() == Method::CONNECT {
        return true;
    }
    let headers = req.headers();
    if headers.contains_key(hyper::header::AUTHORIZATION) {
        return true;
    }
    if headers.keys().any(|n| n.as_str().starts_with("x-tc-") || n.as_str().starts_with("x-acs-")) {
        return true;
    }
    let host = headers.get(hyper::header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    let host = host.rsplit_once(':').map_or(host, |(h, _)| h).to_ascii_lowercase();
    if ["tencentcloudapi.com", ".api.qcloud.com", ".aliyuncs.com"].iter().any(|s| host.ends_with(s)) {
        return true;
    }
    let path = req.uri().path();
    if path == "/v2/index.php" || (req.method() == Method::POST && path == "/") {
        return true;
    }
    let query = req.uri().query().unwrap_or("");
    query.split('&').any(|seg| {
        let name = seg.split_once('=').map_or(seg, |(n, _)| n);
        matches!(name, "SecretId" | "AccessKeyId" | "Signature")
    })
}

fn log_line(parts: &Parts, head: &HttpRequest, outcome: &Outcome, start: Instant) {
    let host: String = head.host.chars().filter(|c| c.is_ascii_graphic()).take(80).collect();
    let api = outcome.api.as_deref().unwrap_or("-");
    let code = outcome.code.as_deref().unwrap_or("ok");
    super::log::log!("sim {} {host} {api} {code} {:.1}ms", parts.method, start.elapsed().as_secs_f64() * 1e3);
}

fn to_hyper(answer: HttpResponse, close: bool) -> Response<Full<Bytes>> {
    let mut resp = Response::new(Full::new(Bytes::from(answer.body)));
    *resp.status_mut() = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    for (name, value) in answer.headers {
        if let (Ok(n), Ok(v)) = (HeaderName::from_bytes(name.as_bytes()), HeaderValue::from_str(&value)) {
            resp.headers_mut().append(n, v);
        }
    }
    if close {
        resp.headers_mut().insert(CONNECTION, HeaderValue::from_static("close"));
    }
    resp
}

fn plain(status: StatusCode, text: &'static str, close: bool) -> Response<Full<Bytes>> {
    let mut resp = Response::new(Full::new(Bytes::from_static(text.as_bytes())));
    *resp.status_mut() = status;
    resp.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
    if close {
        resp.headers_mut().insert(CONNECTION, HeaderValue::from_static("close"));
    }
    resp
}

#[cfg(test)]
mod tests {
    /// A request without Host takes its target's authority, but never its user:password@.
    #[test]
    fn no_password_from_the_target_reaches_the_request() {
        let (parts, ()) = hyper::Request::builder()
            .uri("http://AKIDuser:hunter2secret@ms.tencentcloudapi.com/?Action=X")
            .body(())
            .unwrap()
            .into_parts();
        let req = super::request_head(&parts);
        assert_eq!(req.host, "ms.tencentcloudapi.com");
        assert!(!format!("{req:?}").contains("hunter2secret"));
    }

    use super::*;

    fn req(method: &str, uri: &str, headers: &[(&str, &str)]) -> Request<()> {
        let mut b = Request::builder().method(method).uri(uri);
        for (n, v) in headers {
            b = b.header(*n, *v);
        }
        b.body(()).unwrap()
    }

    #[test]
    fn simulator_traffic_is_told_from_page_traffic() {
        assert!(!is_simulator_traffic(&req("GET", "/", &[("host", "127.0.0.1:8080")])));
        assert!(!is_simulator_traffic(&req("GET", "/pkg/cloudplay.js", &[])));
        assert!(!is_simulator_traffic(&req("GET", "/?page=2", &[])));
        assert!(is_simulator_traffic(&req("GET", "http://ms.tencentcloudapi.com/", &[])));
        assert!(is_simulator_traffic(&req("POST", "/", &[("host", "127.0.0.1:8080")])));
        assert!(is_simulator_traffic(&req("GET", "/", &[("authorization", "TC3-HMAC-SHA256 x")])));
        assert!(is_simulator_traffic(&req("GET", "/", &[("x-acs-date", "x")])));
        assert!(is_simulator_traffic(&req("GET", "/?AccessKeyId=a&Signature=b", &[])));
        assert!(is_simulator_traffic(&req("GET", "/v2/index.php?Action=x", &[])));
        assert!(is_simulator_traffic(&req("GET", "/", &[("host", "business.aliyuncs.com")])));
    }
}
