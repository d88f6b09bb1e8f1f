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
