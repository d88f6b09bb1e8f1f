//! CORS for the simulator, granted to pages served from this machine only: a page on a dev
//! server (Vite at http://localhost:5173) may call the simulator directly, as it would call a
//! vendor that allowed it. The simulator's answers hold no secret; a page of another site
//! gets no CORS header, so it cannot read them. The proxy never gets one: it takes requests
//! only from pages this server served (see proxy.rs).

use bytes::Bytes;
use http_body_util::Full;
use hyper::header::{HeaderValue, ORIGIN};
use hyper::{Method, Request, Response, StatusCode};

/// The request's Origin when it is a page on this machine: http(s) on localhost, 127.0.0.0/8
/// or [::1], any port.
pub fn local_origin<B>(req: &Request<B>) -> Option<HeaderValue> {
    let origin = req.headers().get(ORIGIN)?;
    let text = origin.to_str().ok()?;
    let rest = text.strip_prefix("http://").or_else(|| text.strip_prefix("https://"))?;
    super::proxy::loopback_authority(rest).then(|| origin.clone())
}

/// The answer to a local page's preflight (an OPTIONS asking to send GET or POST), or `None`
/// for any other request. It is given for any path but the proxy's: a preflight does not say
/// whether the request after it is the simulator's, and only the simulator's answers carry the
/// grant (static files and the proxy's never do).
pub fn preflight<B>(req: &Request<B>) -> Option<Response<Full<Bytes>>> {
    if req.method() != Method::OPTIONS || req.uri().path() == super::proxy::PATH {
        return None;
    }
    let asked = req.headers().get("access-control-request-method")?;
    let origin = local_origin(req)?;
    let mut resp = Response::new(Full::new(Bytes::new()));
    *resp.status_mut() = StatusCode::NO_CONTENT;
    let h = resp.headers_mut();
    if asked == "GET" || asked == "POST" {
        h.insert("access-control-allow-methods", HeaderValue::from_static("GET, POST"));
        if let Some(headers) = req.headers().get("access-control-request-headers") {
            h.insert("access-control-allow-headers", headers.clone());
        }
        h.insert("access-control-max-age", HeaderValue::from_static("600"));
        h.insert("access-control-allow-origin", origin);
    }
    h.insert(hyper::header::VARY, HeaderValue::from_static("Origin"));
    Some(resp)
}

/// Lets the local page `origin` read `resp`, every header of it (the vendors' request ids).
pub fn allow(resp: &mut Response<Full<Bytes>>, origin: HeaderValue) {
    let h = resp.headers_mut();
    h.insert("access-control-allow-origin", origin);
    h.insert("access-control-expose-headers", HeaderValue::from_static("*"));
    h.append(hyper::header::VARY, HeaderValue::from_static("Origin"));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(origin: &str) -> Request<()> {
        Request::builder().header(ORIGIN, origin).body(()).unwrap()
    }

    #[test]
    fn only_pages_of_this_machine_are_local() {
        for origin in [
            "http://localhost:5173",
            "https://localhost",
            "http://127.0.0.1:8080",
            "http://127.1.2.3",
            "http://[::1]:3000",
            "http://LOCALHOST:1",
        ] {
            assert!(local_origin(&from(origin)).is_some(), "{origin}");
        }
        for origin in [
            "https://docs.example",
            "http://localhost.example.com",
            "http://127.0.0.1.example.com",
            "http://10.0.0.2:5173",
            "null",
            "file://",
            "http://localhost:99999x",
            "http://localhost:99999",
            "http://localhost:+80",
            "http://[::1]x",
            "ftp://localhost",
        ] {
            assert!(local_origin(&from(origin)).is_none(), "{origin}");
        }
    }

    #[test]
    fn a_local_preflight_is_answered_and_others_are_left_alone() {
        let ask = |origin: &str, path: &str, method: &str| {
            Request::builder()
                .method(Method::OPTIONS)
                .uri(path)
                .header(ORIGIN, origin)
                .header("access-control-request-method", method)
                .header("access-control-request-headers", "authorization,content-type,x-tc-action")
                .body(())
                .unwrap()
        };
        let ok = preflight(&ask("http://localhost:5173", "/", "POST")).unwrap();
        assert_eq!(ok.status(), StatusCode::NO_CONTENT);
        assert_eq!(ok.headers()["access-control-allow-origin"], "http://localhost:5173");
        assert_eq!(ok.headers()["access-control-allow-headers"], "authorization,content-type,x-tc-action");
        // Another method, a site elsewhere, the proxy, or a plain OPTIONS: not granted.
        assert!(preflight(&ask("http://localhost:5173", "/", "DELETE"))
            .unwrap()
            .headers()
            .get("access-control-allow-origin")
            .is_none());
        assert!(preflight(&ask("https://docs.example", "/", "POST")).is_none());
        assert!(preflight(&ask("http://localhost:5173", "/proxy", "POST")).is_none());
        assert!(preflight(&Request::builder().method(Method::OPTIONS).uri("/").body(()).unwrap()).is_none());
    }
}
