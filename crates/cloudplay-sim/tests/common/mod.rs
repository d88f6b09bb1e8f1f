//! Helpers for the simulator tests: demo credentials, signed requests made with the core's own
//! `prepare`, and answers read back as JSON.
#![allow(dead_code)]

use std::sync::atomic::{AtomicU64, Ordering};

use cloudplay_core::{prepare, sign_request, Algorithm, Call, Credentials, HttpRequest, PrepareOptions};
use cloudplay_sim::{HttpResponse, Outcome, Profile, Simulator};
use serde_json::Value;

/// A fixed clock: 2025-06-15T15:06:40Z.
pub const NOW: i64 = 1_750_000_000;

pub const MS: &str = "ms/2018-04-08/CreateResourceInstances";
pub const PG: &str = "postgres/2017-03-12/CreateResource";
pub const HAI: &str = "hai/2023-08-12/RunInstances";
pub const BSS: &str = "bssopenapi/2017-12-14/CreateInstance";

pub fn creds(profile: Profile) -> Credentials {
    let (id, key, token, _) = cloudplay_sim::accounts::DEMO
        .iter()
        .find(|(_, _, token, p)| *p == profile && token.is_none())
        .copied()
        .unwrap();
    Credentials { secret_id: id.into(), secret_key: key.into(), token: token.map(Into::into) }
}

pub fn ordinary() -> Credentials {
    creds(Profile::Ordinary)
}

pub fn temporary() -> Credentials {
    let (id, key, token, _) = cloudplay_sim::accounts::DEMO.iter().find(|a| a.2.is_some()).copied().unwrap();
    Credentials { secret_id: id.into(), secret_key: key.into(), token: token.map(Into::into) }
}

static NONCE: AtomicU64 = AtomicU64::new(1000);

pub fn nonce() -> String {
    NONCE.fetch_add(1, Ordering::Relaxed).to_string()
}

/// Options at NOW with a fresh nonce.
pub fn opts() -> PrepareOptions {
    let mut o = PrepareOptions::at(NOW);
    o.nonce = Some(nonce());
    o.allow_invalid = true;
    o
}

/// A signed request for `api` with `params`, as the core prepares it.
pub fn signed_with(call: Call, c: &Credentials, o: PrepareOptions) -> HttpRequest {
    prepare(&call, c, &o).unwrap_or_else(|e| panic!("prepare {}: {e:?}", call.api)).request
}

pub fn signed(api: &str, params: Value, c: &Credentials) -> HttpRequest {
    let mut call = Call::new(api, params);
    if api == HAI {
        call.region = Some("ap-guangzhou".into());
    }
    signed_with(call, c, opts())
}

pub fn signed_alg(api: &str, params: Value, c: &Credentials, alg: Algorithm, method: &str) -> HttpRequest {
    let mut call = Call::new(api, params);
    if api == HAI {
        call.region = Some("ap-guangzhou".into());
    }
    let mut o = opts();
    o.algorithm = Some(alg);
    o.method = Some(method.into());
    signed_with(call, c, o)
}

/// Signs again after the caller changed the request (a new nonce is the caller's business).
pub fn resign(req: &mut HttpRequest, alg: Algorithm, service: &str, c: &Credentials) {
    sign_request(req, alg, service, c, NOW, &mut cloudplay_core::Signer::default()).unwrap();
}

pub struct Answer {
    pub status: u16,
    pub body: Value,
    pub response: HttpResponse,
    pub outcome: Outcome,
}

impl Answer {
    /// The error code in whichever envelope the vendor uses, or `None` for a success.
    pub fn code(&self) -> Option<String> {
        let b = &self.body;
        if let Some(c) = b["Response"]["Error"]["Code"].as_str() {
            return Some(c.into());
        }
        if let Some(c) = b["code"].as_i64() {
            return Some(c.to_string());
        }
        match b["Code"].as_str() {
            Some("Success") | None => None,
            Some(c) => Some(c.into()),
        }
    }

    pub fn message(&self) -> String {
        let b = &self.body;
        b["Response"]["Error"]["Message"]
            .as_str()
            .or(b["Message"].as_str())
            .or(b["message"].as_str())
            .unwrap_or("")
            .into()
    }

    pub fn request_id(&self) -> String {
        self.body["Response"]["RequestId"].as_str().or(self.body["RequestId"].as_str()).unwrap_or("").into()
    }
}

pub fn send_at(sim: &mut Simulator, req: &HttpRequest, now: i64) -> Answer {
    let entropy = NONCE.fetch_add(1, Ordering::Relaxed);
    let (response, outcome) = sim.handle_traced(req, now, entropy);
    let body: Value =
        serde_json::from_str(&response.body).unwrap_or_else(|e| panic!("answer is not JSON ({e}): {}", response.body));
    Answer { status: response.status, body, response, outcome }
}

pub fn send(sim: &mut Simulator, req: &HttpRequest) -> Answer {
    send_at(sim, req, NOW)
}

/// Sends and asserts the error code (and, for Tencent, HTTP 200 with the exact content type).
pub fn expect_code(sim: &mut Simulator, req: &HttpRequest, code: &str) -> Answer {
    let a = send(sim, req);
    assert_eq!(a.code().as_deref(), Some(code), "body: {}", a.body);
    assert_eq!(a.outcome.code.as_deref(), Some(code));
    if a.body.get("Response").is_some() || a.body.get("codeDesc").is_some() {
        assert_eq!(a.status, 200, "Tencent errors are HTTP 200");
        assert_eq!(a.response.header("content-type"), Some("application/json"));
    }
    a
}

pub fn expect_ok(sim: &mut Simulator, req: &HttpRequest) -> Answer {
    let a = send(sim, req);
    assert_eq!(a.code(), None, "expected a success, got {}", a.body);
    assert_eq!(a.status, 200);
    a
}
