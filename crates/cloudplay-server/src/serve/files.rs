//! The playground's static files: `www/` and the built npm package under `/pkg/`.

use std::path::{Component, Path, PathBuf};

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::header::{HeaderValue, CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use hyper::{Method, Request, Response, StatusCode};

use super::Options;

/// A static file of the playground (`www/`) or the built package (`/pkg/`).
pub async fn handle(opts: &Options, req: &Request<Incoming>) -> Response<Full<Bytes>> {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return plain(StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD are served here");
    }
    let path = req.uri().path();
    let (base, file) = match path.strip_prefix("/pkg/") {
        Some(rest) => (&opts.pkg, safe_join(&opts.pkg, rest)),
        None => (&opts.root, safe_join(&opts.root, path.trim_start_matches('/'))),
    };
    let Some(mut file) = file else {
        return plain(StatusCode::BAD_REQUEST, "bad path");
    };
    if file.is_dir() {
        file.push("index.html");
    }
    // A link inside the folder (a build output often has some) must not serve what lies
    // outside it: the file is served only if its real place is below the folder's (made real
    // once, at start: see `run`).
    let inside = tokio::fs::canonicalize(&file).await.is_ok_and(|real| real.starts_with(base));
    if !inside {
        return plain(StatusCode::NOT_FOUND, "not found");
    }
    match tokio::fs::read(&file).await {
        Ok(body) => {
            let mut resp = Response::new(Full::new(Bytes::from(body)));
            let headers = resp.headers_mut();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(mime_type(&file)));
            headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
            headers.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
            // A page that holds secrets keeps no window of another site: one that opened it
            // could otherwise navigate it to a link of its own making.
            headers.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
            // The widget and the engine are public code a docs site on another origin may load
            // (module scripts and .wasm are fetched in CORS mode); the pages stay same-origin.
            if is_embeddable(path) {
                headers.insert("access-control-allow-origin", HeaderValue::from_static("*"));
            }
            resp
        }
        Err(_) => plain(StatusCode::NOT_FOUND, "not found"),
    }
}

/// Scripts only from this origin, wasm compiled from it; no inline script, no eval. No other
/// site may frame the page: framed, it could be driven (its address changed to a call of the
/// framer's making) and its Send clicked through a decoy.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self' data:; connect-src 'self' https://*.tencentcloudapi.com https://*.api.qcloud.com https://*.aliyuncs.com; \
object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/// What another site may fetch: the widget's files and the package.
fn is_embeddable(path: &str) -> bool {
    path.starts_with("/pkg/") || path.starts_with("/widget/") || path.starts_with("/js/")
}

/// Joins a URL path below `base`, refusing anything that could climb out of it.
fn safe_join(base: &Path, rel: &str) -> Option<PathBuf> {
    if rel.contains('\\') || rel.contains('%') || rel.contains('\0') {
        return None;
    }
    let rel = Path::new(rel);
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    Some(base.join(rel))
}

fn mime_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ts") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

pub fn plain(status: StatusCode, text: &'static str) -> Response<Full<Bytes>> {
    let mut resp = Response::new(Full::new(Bytes::from_static(text.as_bytes())));
    *resp.status_mut() = status;
    resp.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_join_refuses_escapes() {
        let base = Path::new("/srv");
        assert_eq!(safe_join(base, "a/b.js"), Some(PathBuf::from("/srv/a/b.js")));
        assert_eq!(safe_join(base, "../etc/passwd"), None);
        assert_eq!(safe_join(base, "a/../../x"), None);
        assert_eq!(safe_join(base, "/etc/passwd"), None);
        assert_eq!(safe_join(base, "%2e%2e/x"), None);
    }
}
