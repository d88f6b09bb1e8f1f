//! The signing vectors of `tests/fixtures/signing.json` mapped onto the `signWire` contract,
//! as `vectors/README.md` defines it, so every test harness builds inputs the same way.

use alloc::string::String;
use serde_json::{Map, Value};

/// The `signWire` input for one vector, or `None` if the vector lacks the fields it needs.
pub fn contract_input(vector: &Value) -> Option<Value> {
    let alg = vector.get("algorithm")?.as_str()?;
    let api = vector.get("api")?;
    let expected = vector.get("expected")?;
    let mut input = Map::new();
    input.insert("algorithm".into(), alg.into());
    for (k, from) in [("method", vector), ("credentials", vector), ("timestamp", vector)] {
        input.insert(k.into(), from.get(k)?.clone());
    }
    for k in ["host", "path", "service"] {
        input.insert(k.into(), api.get(k)?.clone());
    }
    for k in ["timestamp_iso", "nonce"] {
        if let Some(x) = vector.get(k) {
            input.insert(k.into(), x.clone());
        }
    }
    if alg == "TC3-HMAC-SHA256" || alg == "ACS3-HMAC-SHA256" {
        let headers: Map<String, Value> = expected
            .get("headers")?
            .as_object()?
            .iter()
            .filter(|(k, _)| !k.eq_ignore_ascii_case("authorization"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        input.insert("headers".into(), Value::Object(headers));
        for k in ["query", "body", "signed_headers"] {
            input.insert(k.into(), expected.get(k)?.clone());
        }
    } else {
        input.insert("params".into(), expected.get("signed_params")?.clone());
    }
    Some(Value::Object(input))
}

/// The output fields a vector's `expected` may carry, in contract order.
pub const COMPARED_FIELDS: [&str; 7] = [
    "canonical_request",
    "hashed_canonical_request",
    "hashed_payload",
    "credential_scope",
    "string_to_sign",
    "signature",
    "authorization",
];

/// The `verify-wire` input for one vector: the request exactly as the SDK sent it, with the
/// vector's credentials, checked at the vector's own timestamp. Documentation examples that
/// carry only signed parameters are put on the wire as a GET query.
pub fn received_request(vector: &Value) -> Option<Value> {
    use alloc::format;
    let alg = vector.get("algorithm")?.as_str()?;
    let api = vector.get("api")?;
    let expected = vector.get("expected")?;
    let host = api.get("host")?.as_str()?;
    let path = api.get("path")?.as_str()?;
    let mut headers = expected.get("headers").cloned().unwrap_or_else(|| Value::Object(Map::new()));
    let url = match expected.get("url").and_then(Value::as_str) {
        Some(url) => url.into(),
        None if alg == "TC3-HMAC-SHA256" || alg == "ACS3-HMAC-SHA256" => {
            let query = expected.get("query")?.as_str()?;
            if query.is_empty() {
                format!("https://{host}{path}")
            } else {
                format!("https://{host}{path}?{query}")
            }
        }
        None => {
            let mut query = String::new();
            for pair in expected.get("signed_params")?.as_array()? {
                let (n, v) = (pair.get(0)?.as_str()?, pair.get(1)?.as_str()?);
                query.push_str(&format!("{}={}&", crate::encode::rfc3986(n), crate::encode::rfc3986(v)));
            }
            let sig = expected.get("signature")?.as_str()?;
            format!("https://{host}{path}?{query}Signature={}", crate::encode::rfc3986(sig))
        }
    };
    if let Some(obj) = headers.as_object_mut() {
        if !obj.keys().any(|k| k.eq_ignore_ascii_case("host")) {
            obj.insert("Host".into(), host.into());
        }
    }
    let mut input = Map::new();
    input.insert("method".into(), vector.get("method")?.clone());
    input.insert("url".into(), url.into());
    input.insert("headers".into(), headers);
    input.insert("body".into(), expected.get("body").cloned().unwrap_or_else(|| "".into()));
    input.insert("credentials".into(), Value::Array(alloc::vec![vector.get("credentials")?.clone()]));
    input.insert("now".into(), vector.get("timestamp")?.clone());
    Some(Value::Object(input))
}
