//! signWire's compact crossing (see `packWire` in js/bridge.js, which writes the layout): one
//! string in, one string out, instead of JSON both ways. The fields still go through
//! `WireInput::from_fields`, so every check and error is the same as on the JSON path.

use cloudplay_core::wire::RawFields;
use cloudplay_core::{Error, ErrorKind, SigningTrace};

const WIRE_FIELDS: [&str; 9] =
    ["algorithm", "method", "host", "path", "service", "timestamp_iso", "query", "body", "signed_headers"];
const ABSENT: &str = "\u{3}";

pub fn fields(packed: &str) -> Result<RawFields, Error> {
    let bad = || Error::new(ErrorKind::InvalidJson, "the compact signWire input is not in the expected layout");
    let mut parts = packed.split('\0');
    let mut next = || parts.next().ok_or_else(bad);
    let mut raw = RawFields::default();
    for name in WIRE_FIELDS {
        let v = next()?;
        if v != ABSENT {
            raw.text(name, v);
        }
    }
    let (id, key, token) = (next()?, next()?, next()?);
    raw.credentials(id.into(), key.into(), (token != ABSENT).then(|| token.into()));
    for name in ["timestamp", "nonce"] {
        let v = next()?;
        if v == ABSENT {
            continue;
        }
        if name == "nonce" {
            // Informational, and its text is what matters.
            raw.text(name, v);
        } else {
            // packWire sends only safe integers here.
            raw.integer(name, v.parse::<i64>().map_err(|_| bad())?);
        }
    }
    for name in ["headers", "params"] {
        let v = next()?;
        if v == ABSENT {
            continue;
        }
        let pairs = v
            .split('\u{2}')
            .filter(|p| !p.is_empty())
            .map(|p| p.split_once('\u{1}').map(|(n, x)| (n.to_owned(), x.to_owned())).ok_or_else(bad))
            .collect::<Result<Vec<_>, _>>()?;
        raw.pairs(name, pairs);
    }
    Ok(raw)
}

/// The trace as `unpackTrace` in js/bridge.js reads it: fields joined by NUL, empty when absent.
pub fn trace(t: &SigningTrace) -> String {
    let fields: [&str; 9] = [
        t.algorithm.id(),
        t.canonical_request.as_deref().unwrap_or(""),
        t.hashed_canonical_request.as_deref().unwrap_or(""),
        t.hashed_payload.as_deref().unwrap_or(""),
        t.credential_scope.as_deref().unwrap_or(""),
        t.signed_headers.as_deref().unwrap_or(""),
        &t.string_to_sign,
        &t.signature,
        t.authorization.as_deref().unwrap_or(""),
    ];
    fields.join("\0")
}
