//! JSON text to [`RawFields`]: the reader for the `signWire` input alone.
//!
//! The signing-only JS module and the `sign-wire` loop read this one shape, and a general
//! JSON library (its float formatting, its error machinery) would be most of that module's
//! size. Numbers are only classified (integer that fits 64 bits, or not): the signer never
//! needs a float's value, only to refuse it.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::{RawFields, RawValue, Scalar};
use crate::error::{Error, ErrorKind, Result};

/// Deeper nesting than any request has; a hostile input cannot exhaust the stack.
const MAX_DEPTH: usize = 128;

pub(super) fn parse(text: &str) -> Result<RawFields<'static>> {
    let mut r = Reader { s: text.as_bytes(), i: 0, depth: 0 };
    r.ws();
    if r.peek() != Some(b'{') {
        return Err(r.err("expected an object with the signWire fields"));
    }
    let mut fields: Vec<(super::Key, RawValue)> = Vec::new();
    r.members(|r, key| {
        if fields.iter().any(|(k, _)| *k == key) {
            return Err(r.err(&format!("field '{key}' is given twice")));
        }
        let value =
            if key == "headers" || key == "params" { RawValue::Pairs(r.pairs()?) } else { RawValue::Plain(r.value()?) };
        fields.push((key.into(), value));
        Ok(())
    })?;
    r.ws();
    if r.i < r.s.len() {
        return Err(r.err("trailing characters after the object"));
    }
    Ok(RawFields(fields))
}

struct Reader<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
}

impl Reader<'_> {
    /// An `InvalidJson` error at the current position, as line and column (1-based, in bytes).
    fn err(&self, what: &str) -> Error {
        let before = &self.s[..self.i.min(self.s.len())];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let column = 1 + before.iter().rev().take_while(|&&b| b != b'\n').count();
        Error::new(ErrorKind::InvalidJson, format!("{what} at line {line} column {column}"))
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8, what: &str) -> Result<()> {
        self.ws();
        if self.peek() != Some(b) {
            return Err(self.err(what));
        }
        self.i += 1;
        Ok(())
    }

    fn nest(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err("nested too deeply"));
        }
        Ok(())
    }

    /// `{ "key": value, … }`, handing each key to `member`, which reads the value.
    fn members(&mut self, mut member: impl FnMut(&mut Self, String) -> Result<()>) -> Result<()> {
        self.delimited(b'{', b'}', |r| {
            r.ws();
            let key = r.string()?;
            r.eat(b':', "expected ':'")?;
            member(r, key)
        })
    }

    /// `[ value, … ]`, handing each element to `element`.
    fn elements(&mut self, element: impl FnMut(&mut Self) -> Result<()>) -> Result<()> {
        self.delimited(b'[', b']', element)
    }

    /// `open item, item, … close`, one nesting level deeper.
    fn delimited(&mut self, open: u8, close: u8, mut item: impl FnMut(&mut Self) -> Result<()>) -> Result<()> {
        self.ws();
        if self.peek() != Some(open) {
            return Err(self.err(if open == b'{' { "expected '{'" } else { "expected '['" }));
        }
        self.i += 1;
        self.nest()?;
        self.ws();
        if self.peek() != Some(close) {
            loop {
                item(self)?;
                self.ws();
                match self.peek() {
                    Some(b',') => self.i += 1,
                    Some(c) if c == close => break,
                    _ => {
                        return Err(self.err(if close == b'}' { "expected ',' or '}'" } else { "expected ',' or ']'" }))
                    }
                }
            }
        }
        self.i += 1;
        self.depth -= 1;
        Ok(())
    }

    /// An object or a list of `[name, value]` pairs, every entry kept; `null` is none.
    fn pairs(&mut self) -> Result<Vec<(super::Text<'static>, Scalar<'static>)>> {
        let mut out = Vec::new();
        self.ws();
        match self.peek() {
            Some(b'{') => self.members(|r, name| {
                out.push((name.into(), r.value()?));
                Ok(())
            })?,
            Some(b'[') => self.elements(|r| {
                r.eat(b'[', "expected a [name, value] pair")?;
                r.ws();
                let name = r.string()?;
                r.eat(b',', "expected a [name, value] pair")?;
                let value = r.value()?;
                r.eat(b']', "expected a [name, value] pair")?;
                out.push((name.into(), value));
                Ok(())
            })?,
            _ if self.s[self.i..].starts_with(b"null") => self.i += 4,
            _ => return Err(self.err("expected an object or a list of [name, value] pairs")),
        }
        Ok(out)
    }

    fn value(&mut self) -> Result<Scalar<'static>> {
        self.ws();
        let word = |r: &mut Self, w: &[u8], v: Scalar<'static>| {
            if r.s[r.i..].starts_with(w) {
                r.i += w.len();
                Ok(v)
            } else {
                Err(r.err("expected a JSON value"))
            }
        };
        match self.peek() {
            Some(b'"') => self.string().map(|s| Scalar::Str(s.into())),
            Some(b'{') => {
                let mut members: Vec<(super::Key, Scalar<'static>)> = Vec::new();
                self.members(|r, key| {
                    // credentials {secret_key: A, secret_key: B} would sign with whichever came last.
                    if members.iter().any(|(k, _)| *k == key) {
                        return Err(r.err(&format!("field '{key}' is given twice")));
                    }
                    members.push((key.into(), r.value()?));
                    Ok(())
                })?;
                Ok(Scalar::Object(members))
            }
            Some(b'[') => {
                self.elements(|r| r.value().map(drop))?;
                Ok(Scalar::Array)
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => word(self, b"true", Scalar::Bool),
            Some(b'f') => word(self, b"false", Scalar::Bool),
            Some(b'n') => word(self, b"null", Scalar::Null),
            _ => Err(self.err("expected a JSON value")),
        }
    }

    /// An integer that fits 64 bits keeps its value; anything else is a fraction to refuse.
    fn number(&mut self) -> Result<Scalar<'static>> {
        let start = self.i;
        let digits = |r: &mut Self| {
            let from = r.i;
            while matches!(r.peek(), Some(b'0'..=b'9')) {
                r.i += 1;
            }
            r.i - from
        };
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let int_start = self.i;
        let n = digits(self);
        if n == 0 || (n > 1 && self.s[int_start] == b'0') {
            return Err(self.err("invalid number"));
        }
        let mut whole = true;
        if self.peek() == Some(b'.') {
            self.i += 1;
            if digits(self) == 0 {
                return Err(self.err("invalid number"));
            }
            whole = false;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if digits(self) == 0 {
                return Err(self.err("invalid number"));
            }
            whole = false;
        }
        // Only ASCII digits and '-' were consumed.
        let text = core::str::from_utf8(&self.s[start..self.i]).unwrap_or_default();
        Ok(match (whole, text.parse::<i64>(), text.parse::<u64>()) {
            (true, Ok(v), _) => Scalar::Int(v),
            (true, _, Ok(v)) => Scalar::UInt(v),
            _ => Scalar::Float,
        })
    }

    fn string(&mut self) -> Result<String> {
        if self.peek() != Some(b'"') {
            return Err(self.err("expected a string"));
        }
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let run = self.i;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.i += 1;
            }
            out.extend_from_slice(&self.s[run..self.i]);
            match self.peek() {
                Some(b'"') => break,
                Some(b'\\') => {
                    self.i += 1;
                    let c = self.escape()?;
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                Some(_) => return Err(self.err("control character in a string; escape it")),
                None => return Err(self.err("unterminated string")),
            }
        }
        self.i += 1;
        // The text was UTF-8 and escapes add whole characters.
        String::from_utf8(out).map_err(|_| self.err("invalid UTF-8 in a string"))
    }

    fn escape(&mut self) -> Result<char> {
        let b = self.peek().ok_or_else(|| self.err("unterminated string"))?;
        self.i += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = self.hex4()?;
                if !(0xD800..0xDC00).contains(&high) {
                    return char::from_u32(high).ok_or_else(|| self.err("lone trailing surrogate in a \\u escape"));
                }
                if !self.s[self.i..].starts_with(b"\\u") {
                    return Err(self.err("lone leading surrogate in a \\u escape"));
                }
                self.i += 2;
                let low = self.hex4()?;
                if !(0xDC00..0xE000).contains(&low) {
                    return Err(self.err("lone leading surrogate in a \\u escape"));
                }
                char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                    .ok_or_else(|| self.err("invalid \\u escape"))?
            }
            _ => return Err(self.err("invalid escape")),
        })
    }

    fn hex4(&mut self) -> Result<u32> {
        let digits = self.s.get(self.i..self.i + 4).ok_or_else(|| self.err("invalid \\u escape"))?;
        let mut v = 0;
        for &d in digits {
            let x = char::from(d).to_digit(16).ok_or_else(|| self.err("invalid \\u escape"))?;
            v = v * 16 + x;
        }
        self.i += 4;
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use alloc::vec;

    fn field(text: &str, name: &str) -> Result<Scalar<'static>> {
        let raw = parse(text)?;
        raw.0
            .into_iter()
            .find(|(k, _)| k == name)
            .and_then(|(_, v)| match v {
                RawValue::Plain(s) => Some(s),
                RawValue::Pairs(_) => None,
            })
            .ok_or_else(|| Error::new(ErrorKind::MissingField, "absent"))
    }

    #[test]
    fn strings_come_back_as_serde_json_wrote_them() {
        let samples = [
            "",
            "plain",
            "quote \" backslash \\ slash /",
            "\u{0}\u{1}\u{1f}\u{7f}",
            "\n\r\t\u{8}\u{c}",
            "中文 😀 \u{e000} \u{ffff} \u{10ffff}",
            "\u{2028}\u{2029}",
        ];
        for s in samples {
            let text = serde_json::to_string(&serde_json::json!({ "body": s })).unwrap();
            assert!(matches!(field(&text, "body"), Ok(Scalar::Str(ref got)) if got == s), "{text}");
        }
        // Escapes serde_json does not write but JSON allows.
        let text = r#"{"body":"\/\u0041\u00e9\ud83d\ude00\uE000"}"#;
        assert!(matches!(field(text, "body"), Ok(Scalar::Str(ref got)) if got == "/Aé😀\u{e000}"));
    }

    #[test]
    fn numbers_are_classified() {
        let cases: [(&str, Option<&str>); 12] = [
            ("0", Some("Int(0)")),
            ("-0", Some("Int(0)")),
            ("-9223372036854775808", Some("Int(-9223372036854775808)")),
            ("18446744073709551615", Some("UInt(18446744073709551615)")),
            ("18446744073709551616", Some("Float")),
            ("-9223372036854775809", Some("Float")),
            ("1.0", Some("Float")),
            ("1e5", Some("Float")),
            ("01", None),
            ("1.", None),
            ("-", None),
            ("1e+", None),
        ];
        for (n, want) in cases {
            let got = field(&alloc::format!("{{\"timestamp\":{n}}}"), "timestamp").map(|s| alloc::format!("{s:?}"));
            assert_eq!(got.ok().as_deref(), want, "{n}");
        }
    }

    #[test]
    fn malformed_text_is_an_invalid_json_error_with_its_place() {
        for text in [
            "",
            "{",
            "[]",
            "null",
            "42",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{\"a\":1} x",
            "{'a':1}",
            "{\"a\":\"\u{1}\"}",
            r#"{"a":"\x"}"#,
            r#"{"a":"\ud800"}"#,
            r#"{"a":"\ud800\u0041"}"#,
            r#"{"a":"\udc00"}"#,
            r#"{"a":"\u12"}"#,
            "{\"a\":tru}",
            "{\"headers\":5}",
            "{\"params\":[[\"a\"]]}",
            "{\"params\":[[\"a\",1,2]]}",
            "{\"a\":1,\"a\":2}",
            r#"{"credentials":{"secret_key":"A","secret_key":"B"}}"#,
        ] {
            let err = parse(text).map(|_| ()).unwrap_err();
            assert_eq!(err.kind, ErrorKind::InvalidJson, "{text:?}");
            assert!(err.message.contains(" at line "), "{text:?}: {}", err.message);
        }
        let err = parse("{\n  \"a\": 1,\n  \"b\": ?}").map(|_| ()).unwrap_err();
        assert!(err.message.ends_with("at line 3 column 8"), "{}", err.message);
    }

    /// A field under another spelling would have been signed had it been read, and an unknown
    /// one was meant for something; a signing vector's own fields are left alone; a credentials
    /// member other than the three is refused.
    #[test]
    fn a_misspelled_or_unknown_field_is_refused_and_a_vectors_own_left_alone() {
        let base = r#""algorithm":"TC3-HMAC-SHA256","method":"POST","service":"hai","timestamp":1551113065,"query":"","headers":{"Host":"h","Content-Type":"application/json"},"body":"{}","#;
        let read = |rest: &str| super::super::WireInput::from_json(alloc::format!("{{{base}{rest}}}").as_bytes());
        let creds = r#""credentials":{"secret_id":"id","secret_key":"k"}"#;
        let with_signed = alloc::format!(r#"{creds},"signed_headers":"content-type;host""#);
        assert!(read(&with_signed).is_ok());
        assert!(read(&alloc::format!(r#"{with_signed},"id":"pub-1","expected":{{}}"#)).is_ok());
        // A vector passed whole, its api's fields too.
        assert!(read(&alloc::format!(r#"{with_signed},"tags":["x"],"region":"ap-guangzhou","action":"A""#)).is_ok());
        for (extra, path) in [
            (r#","signedHeaders":"content-type;host;x-foo""#, "signedHeaders"),
            (r#","Timestamp-ISO":"2019-02-25T16:44:25Z""#, "Timestamp-ISO"),
            // Meant as the body, the query or the host: signed without them.
            (r#","payload":"{\"Limit\":1}""#, "payload"),
            (r#","url":"https://h/?a=1""#, "url"),
            (r#","signature":"abc""#, "signature"),
            // The host with its scheme, as a URL is written.
            (r#","host":"https://h""#, "host"),
        ] {
            let e = read(&alloc::format!("{with_signed}{extra}")).map(|_| ()).expect_err(extra);
            assert_eq!((e.kind, e.path.as_deref()), (ErrorKind::InvalidField, Some(path)), "{extra}");
        }
        let e = read(r#""credentials":{"secret_id":"id","secret_key":"k","sessionToken":"t"},"signed_headers":"host""#)
            .map(|_| ())
            .expect_err("sessionToken");
        assert_eq!(e.path.as_deref(), Some("credentials.sessionToken"));
        assert!(e.message.contains("token") && !e.message.contains("\"t\""), "{}", e.message);
        // A demo account passed whole: its profile is the caller's own.
        let demo = r#""credentials":{"secret_id":"id","secret_key":"k","profile":"ordinary"},"signed_headers":"host""#;
        assert!(read(demo).is_ok());
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = alloc::format!("{{\"x\":{}1{}}}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(parse(&deep).map(|_| ()).unwrap_err().kind, ErrorKind::InvalidJson);
        let ok = alloc::format!("{{\"x\":{}1{}}}", "[".repeat(100), "]".repeat(100));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn headers_and_params_keep_every_entry_in_either_shape() {
        let raw = parse(r#"{"headers":{"A":"1","a":2},"params":[["x","1"],["x",null]],"nonce":null}"#).unwrap();
        let names: Vec<String> = raw
            .0
            .iter()
            .flat_map(|(_, v)| match v {
                RawValue::Pairs(p) => p.iter().map(|(n, _)| n.to_string()).collect(),
                RawValue::Plain(_) => vec![],
            })
            .collect();
        assert_eq!(names, ["A", "a", "x", "x"]);
    }

    /// Mutated requests: whatever serde_json refuses as JSON, this reader refuses too, and it
    /// never panics.
    #[test]
    fn refuses_what_serde_json_refuses() {
        let base = r#"{"algorithm":"TC3-HMAC-SHA256","method":"POST","body":"{\"a\":[1,2.5,\"\\u00e9\"]}","timestamp":1551113065,"credentials":{"secret_id":"id","secret_key":"k"},"headers":[["Host","h"]],"params":{"a":"1"}}"#;
        let alphabet = b"{}[]\",:\\ -0123456789.eE+tfnulr\x01\xff";
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut refused = 0;
        for _ in 0..20_000 {
            let mut bytes = base.as_bytes().to_vec();
            for _ in 0..1 + next() % 3 {
                let at = (next() as usize) % bytes.len();
                match next() % 3 {
                    0 => bytes[at] = alphabet[(next() as usize) % alphabet.len()],
                    1 => drop(bytes.remove(at)),
                    _ => bytes.insert(at, alphabet[(next() as usize) % alphabet.len()]),
                }
            }
            let Ok(text) = core::str::from_utf8(&bytes) else { continue };
            let ours = parse(text);
            let theirs = serde_json::from_str::<serde_json::Value>(text);
            // JSON has no range for numbers; serde_json refuses one past f64, this reader
            // classifies it as not an integer, which from_fields refuses where it matters.
            if theirs.as_ref().is_err_and(|e| e.to_string().contains("number out of range")) {
                continue;
            }
            if theirs.is_err() {
                assert!(ours.is_err(), "accepted what serde_json refuses: {text}");
                refused += 1;
            } else if let Err(e) = &ours {
                // Only the signWire shape may make us stricter than JSON itself.
                let shape = ["given twice", "name, value", "expected an object"];
                assert!(shape.iter().any(|s| e.message.contains(s)), "{text}: {e}");
            }
        }
        assert!(refused > 5_000, "only {refused} mutations refused");
    }
}
