//! Canonical-form encoders shared by the signers.
//!
//! Alibaba (RPC and ACS3) encode by RFC 3986: only `A-Z a-z 0-9 - _ . ~` stay as they are,
//! space is `%20` (never `+`), `*` is `%2A`. Tencent TC3 signs the query exactly as sent, so
//! for it we only check that the query is well-formed.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{Error, ErrorKind, Result};

/// RFC 3986 unreserved: the bytes that are never escaped.
fn unreserved(b: u8) -> bool {
    KEPT[usize::from(b)]
}

/// [`unreserved`] as a table: one load a byte, where encoding runs over every parameter twice
/// (once to build the query, once to sign it).
static KEPT: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b'~');
        b += 1;
    }
    t
};

const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";

/// RFC 3986 percent-encoding of UTF-8 text, upper-case hex.
pub fn rfc3986(s: &str) -> String {
    rfc3986_bytes(s.as_bytes())
}

/// RFC 3986 percent-encoding of raw bytes (a decoded query value need not be UTF-8).
pub fn rfc3986_bytes(bytes: &[u8]) -> String {
    let mut out = Vec::new();
    push_rfc3986(&mut out, bytes);
    ascii_string(out)
}

/// Appends the RFC 3986 encoding of `bytes` to `out`. Encoders work on bytes and make a
/// `String` once at the end: RPC signing encodes every name and value and then the whole
/// query again, and a character-at-a-time `String` was a third of its time.
pub fn push_rfc3986(out: &mut Vec<u8>, bytes: &[u8]) {
    encode_into(out, bytes, Escape::Once);
}

/// Appends what `rfc3986(rfc3986(bytes))` is, in one pass: the RPC string to sign encodes the
/// canonical query a second time, where each `%XX` of the first becomes `%25XX`.
pub fn push_rfc3986_twice(out: &mut Vec<u8>, bytes: &[u8]) {
    encode_into(out, bytes, Escape::Twice);
}

/// Form-style encoding (`application/x-www-form-urlencoded`): like RFC 3986 but space is `+`.
/// This is what the Python SDKs put on the wire for query strings and form bodies.
pub fn form_urlencode(s: &str) -> String {
    let mut out = Vec::new();
    push_form_urlencode(&mut out, s.as_bytes());
    ascii_string(out)
}

/// Appends the form-style encoding of `bytes` to `out`.
pub fn push_form_urlencode(out: &mut Vec<u8>, bytes: &[u8]) {
    encode_into(out, bytes, Escape::Form);
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Escape {
    Once,
    Twice,
    /// Once, with space as `+`.
    Form,
}

fn encode_into(out: &mut Vec<u8>, bytes: &[u8], how: Escape) {
    let plus = |b: u8| how == Escape::Form && b == b' ';
    let width = if how == Escape::Twice { 5 } else { 3 };
    // Sized first and written by index: in the size-optimised module a push per byte is a
    // call per byte, and encoding was most of an RPC signature's time.
    let escaped = bytes.iter().filter(|&&b| !unreserved(b) && !plus(b)).count();
    if escaped == 0 && how != Escape::Form {
        out.extend_from_slice(bytes);
        return;
    }
    let start = out.len();
    out.resize(start + bytes.len() + escaped * (width - 1), 0);
    let mut at = start;
    for &b in bytes {
        if unreserved(b) {
            out[at] = b;
            at += 1;
            continue;
        }
        if plus(b) {
            out[at] = b'+';
            at += 1;
            continue;
        }
        let escape = [b'%', b'2', b'5', HEX_UPPER[usize::from(b >> 4)], HEX_UPPER[usize::from(b & 15)]];
        let escape = if width == 5 { &escape[..] } else { &[b'%', escape[3], escape[4]][..] };
        out[at..at + width].copy_from_slice(escape);
        at += width;
    }
}

/// The text of bytes an encoder wrote: ASCII, or UTF-8 text copied whole.
pub fn ascii_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_default()
}

/// A query as a WHATWG URL serializes it (the special-query percent-encode set: `"`, `'`, `<`,
/// `>`, and every byte past `~`; controls, space and `#` are refused by [`check_query`]).
/// tencentcloud-sdk-nodejs signs `new URL(url).search`, where the `'` that Node's
/// `querystring.stringify` leaves raw is `%27`, and sends that; a query from the Python SDKs
/// (`urlencode`) or any WHATWG client is unchanged by it.
pub fn whatwg_query(query: &str) -> alloc::borrow::Cow<'_, str> {
    let escaped = |b: u8| matches!(b, b'"' | b'\'' | b'<' | b'>') || b > b'~';
    if !query.bytes().any(escaped) {
        return alloc::borrow::Cow::Borrowed(query);
    }
    let mut out = Vec::with_capacity(query.len() + 16);
    for &b in query.as_bytes() {
        if escaped(b) {
            push_escape(&mut out, b);
        } else {
            out.push(b);
        }
    }
    alloc::borrow::Cow::Owned(ascii_string(out))
}

/// `%XX`, upper-case hex.
fn push_escape(out: &mut Vec<u8>, b: u8) {
    out.extend_from_slice(&[b'%', HEX_UPPER[usize::from(b >> 4)], HEX_UPPER[usize::from(b & 15)]]);
}

/// Checks that a raw query string is something a server would parse the same way we do:
/// every `%` starts a two-digit hex escape, and no space, control or `#` character appears.
pub fn check_query(query: &str, field: &str) -> Result<()> {
    let bytes = query.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'%' => {
                let ok = i + 2 < bytes.len() && bytes[i + 1].is_ascii_hexdigit() && bytes[i + 2].is_ascii_hexdigit();
                if !ok {
                    return Err(Error::at(
                        ErrorKind::MalformedQuery,
                        field,
                        alloc::format!("'%' at byte {i} is not followed by two hex digits"),
                    ));
                }
                i += 3;
                continue;
            }
            b'#' => {
                return Err(Error::at(
                    ErrorKind::MalformedQuery,
                    field,
                    alloc::format!("'#' at byte {i} starts a fragment; a query cannot contain it unescaped"),
                ));
            }
            0..=0x20 | 0x7f => {
                return Err(Error::at(
                    ErrorKind::MalformedQuery,
                    field,
                    alloc::format!("byte {i} is a space or control character; escape it as %{b:02X}"),
                ));
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// A decoded `(name, value)` of a query, borrowed from it where nothing was decoded.
pub type QueryPair<'q> = (Cow<'q, [u8]>, Cow<'q, [u8]>);

/// Splits a well-formed query into decoded `(name, value)` byte pairs, form rules (`+` is space).
/// Empty segments (`a=1&&b=2`) are skipped; a segment without `=` has an empty value. A part
/// with nothing to decode is borrowed from the query.
pub fn parse_query<'q>(query: &'q str, field: &str) -> Result<Vec<QueryPair<'q>>> {
    check_query(query, field)?;
    let mut pairs = Vec::new();
    for segment in query.split('&').filter(|s| !s.is_empty()) {
        let (name, value) = segment.split_once('=').unwrap_or((segment, ""));
        pairs.push((form_decode(name), form_decode(value)));
    }
    Ok(pairs)
}

/// The pairs of a query (or form body) as a receiving server's form parser reads them (the
/// WHATWG rules): decoded, a byte that should have been escaped (a space typed in a curl `-d`,
/// a newline ending a pasted body) kept as it is, a `%` without two hex digits kept, and bytes
/// that are not UTF-8 replaced. Refusing such a text whole would report a signed request as
/// carrying no signature.
pub fn query_pairs_lossy(text: &str) -> Vec<(String, String)> {
    let lossy = |b: Cow<'_, [u8]>| String::from_utf8_lossy(&b).into_owned();
    text.split('&')
        .filter(|s| !s.is_empty())
        .map(|segment| {
            let (name, value) = segment.split_once('=').unwrap_or((segment, ""));
            (lossy(form_decode(name)), lossy(form_decode(value)))
        })
        .collect()
}

fn form_decode(s: &str) -> Cow<'_, [u8]> {
    if !s.bytes().any(|b| b == b'+' || b == b'%') {
        return Cow::Borrowed(s.as_bytes());
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match bytes.get(i + 1..i + 3) {
            Some(&[h, l]) if bytes[i] == b'%' => char::from(h).to_digit(16).zip(char::from(l).to_digit(16)),
            _ => None,
        };
        match (escaped, bytes[i]) {
            (Some((h, l)), _) => {
                // Two hex digits: at most 0xFF.
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
            (None, b'+') => out.push(b' '),
            // A '%' not followed by two hex digits stays as it is (check_query refuses it first
            // where the text must be well formed).
            (None, b) => out.push(b),
        }
        i += 1;
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_is_encoded_and_decoded_back() {
        for b in 0..=255u8 {
            let want = if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                String::from(char::from(b))
            } else {
                alloc::format!("%{b:02X}")
            };
            assert_eq!(rfc3986_bytes(&[b]), want);
        }
        let all: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        let query = alloc::format!("k={}&f={}", rfc3986_bytes(&all), form_urlencode("a b+c%d 中"));
        let pairs = parse_query(&query, "q").unwrap();
        assert_eq!(&pairs[0].1[..], &all[..]);
        assert_eq!(&pairs[1].1[..], "a b+c%d 中".as_bytes());
        // Lower-case escapes decode too; a '%' without two hex digits is left as it is.
        assert_eq!(&form_decode("%e4%B8%ad%2")[..], "中%2".as_bytes());
        assert_eq!(&form_decode("%%41%G1")[..], b"%A%G1");
    }

    #[test]
    fn encoding_twice_in_one_pass_is_encoding_twice() {
        let all: Vec<u8> = (0..=255u8).collect();
        for bytes in [&all[..], b"", b"a", b"%", b"a b&c=d", "名=值&x".as_bytes()] {
            let mut once_pass = b"keep".to_vec();
            push_rfc3986_twice(&mut once_pass, bytes);
            assert_eq!(&once_pass[..4], b"keep");
            assert_eq!(core::str::from_utf8(&once_pass[4..]).unwrap(), rfc3986(&rfc3986_bytes(bytes)));
        }
    }

    #[test]
    fn rfc3986_keeps_only_unreserved() {
        assert_eq!(rfc3986("a b*c~d+e/f=g&h"), "a%20b%2Ac~d%2Be%2Ff%3Dg%26h");
        assert_eq!(rfc3986("未"), "%E6%9C%AA");
        assert_eq!(rfc3986("AZaz09-_.~"), "AZaz09-_.~");
    }

    #[test]
    fn form_encoding_uses_plus_for_space() {
        assert_eq!(form_urlencode("ops team & co"), "ops+team+%26+co");
    }

    #[test]
    fn query_check_rejects_bad_escapes_and_spaces() {
        assert!(check_query("a=%2", "q").is_err());
        assert!(check_query("a=%zz", "q").is_err());
        assert!(check_query("a=b c", "q").is_err());
        assert!(check_query("a=b#c", "q").is_err());
        assert!(check_query("a=%2A&b=~*", "q").is_ok());
        assert_eq!(check_query("a=%", "q").unwrap_err().kind, ErrorKind::MalformedQuery);
    }

    #[test]
    fn whatwg_query_escapes_only_what_a_url_parser_would() {
        assert_eq!(whatwg_query("a=b%27c&d=e*f~(g)!"), "a=b%27c&d=e*f~(g)!");
        assert_eq!(whatwg_query("a='x'&b=\"<>\"&c=中"), "a=%27x%27&b=%22%3C%3E%22&c=%E4%B8%AD");
    }

    #[test]
    fn parse_query_decodes_plus_and_escapes() {
        let p = parse_query("b=a+b%2A&a&&c=&d%3D=x", "q").unwrap();
        let got: Vec<(&[u8], &[u8])> = p.iter().map(|(n, v)| (&n[..], &v[..])).collect();
        assert_eq!(got, [(&b"b"[..], &b"a b*"[..]), (b"a", b""), (b"c", b""), (b"d=", b"x")]);
        // Nothing to decode: borrowed, not copied.
        assert!(matches!(p[1].0, Cow::Borrowed(_)) && matches!(p[0].1, Cow::Owned(_)));
    }
}
