//! Bad signWire input gets an error with a code, a field path and a message, never a panic.

use cloudplay_core::{sign_wire, ErrorKind, WireInput};
use serde_json::{json, Value};

fn tc3() -> Value {
    json!({
        "algorithm": "TC3-HMAC-SHA256", "method": "POST", "host": "cvm.tencentcloudapi.com",
        "path": "/", "service": "cvm", "timestamp": 1551113065,
        "credentials": {"secret_id": "AKIDEXAMPLE", "secret_key": "secret"},
        "query": "", "body": "{}", "signed_headers": "content-type;host",
        "headers": {"Content-Type": "application/json", "Host": "cvm.tencentcloudapi.com", "X-TC-Action": "DescribeInstances"}
    })
}

fn rpc() -> Value {
    json!({
        "algorithm": "ACS-RPC-HMAC-SHA1", "method": "GET", "host": "ecs.aliyuncs.com", "path": "/",
        "credentials": {"secret_id": "testid", "secret_key": "testsecret"}, "timestamp": 1456231584,
        "params": [["Action", "DescribeRegions"], ["AccessKeyId", "testid"]]
    })
}

fn sign(v: &Value) -> Result<cloudplay_core::SigningTrace, cloudplay_core::Error> {
    WireInput::from_json(&serde_json::to_vec(v).unwrap()).and_then(|i| sign_wire(&i))
}

fn expect_err(v: &Value, kind: ErrorKind, path: Option<&str>) {
    let err = sign(v).expect_err("must be refused");
    assert_eq!(err.kind, kind, "{err}");
    assert_eq!(err.path.as_deref(), path, "{err}");
    assert!(!err.message.is_empty());
}

fn without(mut v: Value, pointer: &str) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    v.pointer_mut(parent).unwrap().as_object_mut().unwrap().remove(key);
    v
}

fn with(mut v: Value, pointer: &str, x: Value) -> Value {
    *v.pointer_mut(pointer).unwrap() = x;
    v
}

#[test]
fn the_fixtures_sign() {
    assert!(sign(&tc3()).is_ok());
    assert!(sign(&rpc()).is_ok());
}

#[test]
fn missing_fields_are_named() {
    for (field, path) in [
        ("/algorithm", "algorithm"),
        ("/method", "method"),
        ("/credentials", "credentials"),
        ("/credentials/secret_key", "credentials.secret_key"),
        ("/credentials/secret_id", "credentials.secret_id"),
        ("/signed_headers", "signed_headers"),
        ("/timestamp", "timestamp"),
        ("/service", "service"),
    ] {
        expect_err(&without(tc3(), field), ErrorKind::MissingField, Some(path));
    }
    expect_err(&without(rpc(), "/params"), ErrorKind::MissingField, Some("params"));
    let legacy = with(rpc(), "/algorithm", json!("TC-HmacSHA1"));
    expect_err(&without(legacy, "/host"), ErrorKind::MissingField, Some("host"));
}

#[test]
fn unknown_algorithm() {
    expect_err(&with(tc3(), "/algorithm", json!("HMAC-MD5")), ErrorKind::UnknownAlgorithm, Some("algorithm"));
    // Ids are exact: a vendor's id in another case is a different (unknown) id.
    expect_err(&with(tc3(), "/algorithm", json!("tc3-hmac-sha256")), ErrorKind::UnknownAlgorithm, Some("algorithm"));
}

#[test]
fn invalid_utf8_is_reported_with_its_offset() {
    let mut bytes = serde_json::to_vec(&tc3()).unwrap();
    let at = bytes.windows(6).position(|w| w == b"secret").unwrap();
    bytes[at] = 0xff;
    let err = WireInput::from_json(&bytes).unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidUtf8);
    assert!(err.message.contains(&at.to_string()), "{}", err.message);
}

#[test]
fn a_header_given_twice_is_refused() {
    // Two spellings of one name in an object: JSON allows it, HTTP signing cannot.
    let text = serde_json::to_string(&tc3()).unwrap().replace(
        "\"Host\":\"cvm.tencentcloudapi.com\"",
        "\"Host\":\"cvm.tencentcloudapi.com\",\"host\":\"evil.example\"",
    );
    let err = WireInput::from_json(text.as_bytes()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::DuplicateHeader);
    assert_eq!(err.path.as_deref(), Some("headers.host"));
    // The same name twice in the list-of-pairs form.
    let pairs = with(tc3(), "/headers", json!([["Host", "a"], ["Content-Type", "x"], ["HOST", "b"]]));
    expect_err(&pairs, ErrorKind::DuplicateHeader, Some("headers.HOST"));
}

#[test]
fn malformed_queries_are_refused() {
    for q in ["a=%zz", "a=%4", "a=b c", "a=1#frag", "x=\u{7f}"] {
        expect_err(&with(tc3(), "/query", json!(q)), ErrorKind::MalformedQuery, Some("query"));
        let acs3 = with(tc3(), "/algorithm", json!("ACS3-HMAC-SHA256"));
        expect_err(&with(acs3, "/query", json!(q)), ErrorKind::MalformedQuery, Some("query"));
    }
}

#[test]
fn timestamps_out_of_range_are_refused() {
    for ts in [json!(-1), json!(253_402_300_800_i64), json!(u64::MAX)] {
        expect_err(&with(tc3(), "/timestamp", ts), ErrorKind::TimestampOutOfRange, Some("timestamp"));
    }
    // The value told is the one given, not a 64-bit stand-in for it.
    let huge = sign(&with(tc3(), "/timestamp", json!(u64::MAX))).unwrap_err();
    assert!(huge.message.starts_with("18446744073709551615 is outside 0..=253402300799"), "{huge}");
    expect_err(&with(tc3(), "/timestamp", json!(1.5)), ErrorKind::InvalidField, Some("timestamp"));
    expect_err(&with(tc3(), "/timestamp", json!("1551113065")), ErrorKind::InvalidField, Some("timestamp"));
    // Past 64 bits (JSON.stringify(1e20) is this text), a fraction, an exponent: one rule says
    // what a timestamp must be, rather than calling 1e20 a fraction.
    for text in ["100000000000000000000", "1.5", "1e21", "-1e20"] {
        let input = serde_json::to_string(&tc3()).unwrap().replace("1551113065", text);
        let e = WireInput::from_json(input.as_bytes()).and_then(|i| sign_wire(&i)).unwrap_err();
        assert_eq!((e.kind, e.path.as_deref()), (ErrorKind::InvalidField, Some("timestamp")), "{text}: {e}");
        let range = format!("from 0 to {}", cloudplay_core::time::MAX_TIMESTAMP);
        assert!(e.message.contains(&range) && !e.message.contains("fraction"), "{text}: {e}");
    }
    expect_err(&with(rpc(), "/timestamp", json!(-5)), ErrorKind::TimestampOutOfRange, Some("timestamp"));
}

#[test]
fn wrong_types_and_shapes() {
    expect_err(&with(tc3(), "/method", json!(5)), ErrorKind::InvalidField, Some("method"));
    expect_err(&with(tc3(), "/method", json!("GE T")), ErrorKind::InvalidField, Some("method"));
    expect_err(&with(tc3(), "/credentials", json!("AKID:secret")), ErrorKind::InvalidField, Some("credentials"));
    expect_err(
        &with(tc3(), "/credentials/secret_key", json!("")),
        ErrorKind::InvalidField,
        Some("credentials.secret_key"),
    );
    expect_err(&with(tc3(), "/path", json!("no-slash")), ErrorKind::InvalidField, Some("path"));
    expect_err(&with(tc3(), "/headers/Host", json!({"x": 1})), ErrorKind::InvalidField, Some("headers.Host"));
    expect_err(
        &with(tc3(), "/signed_headers", json!("content-type;;host")),
        ErrorKind::InvalidField,
        Some("signed_headers"),
    );
    expect_err(
        &with(tc3(), "/signed_headers", json!("content-type;x-missing")),
        ErrorKind::MissingHeader,
        Some("headers.x-missing"),
    );
    expect_err(&with(rpc(), "/params", json!([["A", "1"], ["A", "2"]])), ErrorKind::InvalidField, Some("params[1]"));
    for text in
        ["", "{", "[]", "null", "42", "{\"algorithm\":\"TC3-HMAC-SHA256\",\"algorithm\":\"x\"}", "{\"headers\": 5}"]
    {
        let err = WireInput::from_json(text.as_bytes()).unwrap_err();
        assert_eq!(err.kind, ErrorKind::InvalidJson, "{text:?}: {err}");
    }
}

#[test]
fn an_informational_nonce_never_blocks_signing() {
    // Beyond 64 bits a JSON number cannot be written back exactly; the signed params carry it.
    let text = serde_json::to_string(&rpc()).unwrap().replacen('{', "{\"nonce\":184467440737095516160,", 1);
    let input = WireInput::from_json(text.as_bytes()).unwrap();
    assert_eq!(input.nonce, None);
    assert!(sign_wire(&input).is_ok());
    let mut v = rpc();
    v["nonce"] = json!(42);
    assert_eq!(
        WireInput::from_json(serde_json::to_string(&v).unwrap().as_bytes()).unwrap().nonce.as_deref(),
        Some("42")
    );
    v["nonce"] = json!({"a": 1});
    expect_err(&v, ErrorKind::InvalidField, Some("nonce"));
}

#[test]
fn debug_output_never_shows_the_secret() {
    let input = WireInput::from_json(&serde_json::to_vec(&tc3()).unwrap()).unwrap();
    let dbg = format!("{input:?}");
    assert!(dbg.contains("AKIDEXAMPLE"));
    assert!(!dbg.contains("\"secret\""), "{dbg}");
}

/// Random bytes, truncations and splices of valid inputs: every one gets Ok or an Error.
#[test]
fn hostile_lines_never_panic() {
    let seeds = [serde_json::to_vec(&tc3()).unwrap(), serde_json::to_vec(&rpc()).unwrap()];
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut outcomes = [0usize; 2];
    for round in 0..20_000 {
        let mut bytes = seeds[round % 2].clone();
        match next() % 4 {
            0 => bytes.truncate((next() as usize) % bytes.len()),
            1 => {
                for _ in 0..1 + next() % 4 {
                    let i = (next() as usize) % bytes.len();
                    bytes[i] = next() as u8;
                }
            }
            2 => {
                let i = (next() as usize) % bytes.len();
                let insert: Vec<u8> =
                    (0..next() % 16).map(|_| b"{}[]\",:0123456789ae-+.\\u"[(next() % 24) as usize]).collect();
                bytes.splice(i..i, insert);
            }
            _ => bytes = (0..next() % 64).map(|_| next() as u8).collect(),
        }
        let ok = WireInput::from_json(&bytes).and_then(|i| sign_wire(&i)).is_ok();
        outcomes[usize::from(ok)] += 1;
    }
    // Both outcomes must occur, or the mutations were not exercising the parser.
    assert!(outcomes[0] > 1000 && outcomes[1] > 100, "{outcomes:?}");
}

#[test]
fn control_characters_cannot_reshape_what_is_signed() {
    // A line break in a header value would add a canonical header line of its own; a '/' or a
    // line break in the service would change the credential scope's shape.
    for value in ["application/json\nhost:evil", "a\rb", "a\u{0}b", "a\u{7f}"] {
        expect_err(
            &with(tc3(), "/headers/Content-Type", json!(value)),
            ErrorKind::InvalidField,
            Some("headers.Content-Type"),
        );
    }
    assert!(
        sign(&with(tc3(), "/headers/Content-Type", json!("application/json;\tcharset=utf-8"))).is_ok(),
        "a tab is HTTP's"
    );
    for service in ["cvm\n", "cvm/x", "c vm", "c\tvm"] {
        expect_err(&with(tc3(), "/service", json!(service)), ErrorKind::InvalidField, Some("service"));
    }
    for host in ["cvm.tencentcloudapi.com\nx", "a b", "a\u{0}", "a\tb"] {
        expect_err(&with(rpc(), "/host", json!(host)), ErrorKind::InvalidField, Some("host"));
    }
}
