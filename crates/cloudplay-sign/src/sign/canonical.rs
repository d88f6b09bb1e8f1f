//! Canonical request and string to sign as types that print themselves.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::error::{Error, ErrorKind, Result};
use crate::text::{concat, decimal, NameTable};
use crate::wire::{find_header, Text, WireInput};

/// The TC3 / ACS3 canonical request:
/// `METHOD\nPATH\nQUERY\nname:value\n…\n\nSIGNED_HEADERS\nHASHED_PAYLOAD`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CanonicalRequest<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub query: Text<'a>,
    /// `(lower-case name, trimmed value)` in signed-header order.
    pub headers: Vec<(&'a str, Text<'a>)>,
    pub signed_headers: String,
    pub hashed_payload: String,
}

impl<'a> CanonicalRequest<'a> {
    /// Collects the signed headers from the input, in the order `signed_headers` lists them.
    /// `host` may come from the input's `host` field when no Host header is given.
    pub fn new(input: &'a WireInput<'_>, query: Text<'a>, hashed_payload: String) -> Result<Self> {
        // alibabacloud-tea-openapi trims with Python's str.strip(), which removes Unicode
        // whitespace (U+00A0, U+3000, …); the Tencent SDKs sign content-type and host untrimmed,
        // and space and tab are what HTTP itself drops around a value.
        let trim: fn(char) -> bool = match input.algorithm {
            crate::sign::Algorithm::Acs3HmacSha256 => is_python_space,
            _ => |c| c == ' ' || c == '\t',
        };
        let mut headers = Vec::with_capacity(input.signed_headers.len());
        // Many signed headers are looked up in a table, not each by a scan of them all.
        let header_name = |i: usize| input.headers[i].0.as_bytes();
        let table = (input.signed_headers.len() > 16).then(|| NameTable::new(input.headers.len(), &header_name));
        for name in &input.signed_headers {
            let found = match &table {
                Some(t) => t.find(name.as_bytes(), &header_name).map(|i| input.headers[i].1.as_ref()),
                None => find_header(&input.headers, name),
            };
            let value = match found {
                Some(v) => v,
                None if name == "host" && !input.host.is_empty() => &input.host,
                None => {
                    return Err(Error::at(
                        ErrorKind::MissingHeader,
                        format!("headers.{name}"),
                        format!("'{name}' is listed in signed_headers but no such header is given"),
                    ))
                }
            };
            headers.push((name.as_str(), Text::Borrowed(value.trim_matches(trim))));
        }
        Ok(CanonicalRequest {
            method: &input.method,
            path: &input.path,
            query,
            headers,
            signed_headers: input.signed_headers.join(";"),
            hashed_payload,
        })
    }
}

/// `str.isspace()` in Python: Unicode White_Space plus the ASCII separators U+001C–U+001F.
fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

impl CanonicalRequest<'_> {
    /// The headers' values in lower case, as Tencent's v3 signing page writes them: its
    /// example signs `x-tc-action:describeinstances` for `X-TC-Action: DescribeInstances`. The
    /// SDKs sign the values as sent (a host given as `CVM.TencentCloudAPI.com` stays so), and the
    /// signer follows them; a verifier also takes this reading. ASCII only: Unicode case tables
    /// are kilobytes, and a header value is ASCII.
    pub fn with_lower_case_values(mut self) -> Self {
        for (_, value) in &mut self.headers {
            if value.bytes().any(|b| b.is_ascii_uppercase()) {
                *value = Text::Owned(value.to_ascii_lowercase());
            }
        }
        self
    }

    /// The text, in one allocation of its length: it is built and hashed on every signature.
    pub fn text(&self) -> String {
        let headers: usize = self.headers.iter().map(|(n, v)| n.len() + v.len() + 2).sum();
        let mut out = String::with_capacity(
            self.method.len()
                + self.path.len()
                + self.query.len()
                + self.signed_headers.len()
                + self.hashed_payload.len()
                + 6
                + headers,
        );
        for part in [self.method, "\n", self.path, "\n", &self.query, "\n"] {
            out.push_str(part);
        }
        for (name, value) in &self.headers {
            for part in [name, ":", &**value, "\n"] {
                out.push_str(part);
            }
        }
        for part in ["\n", &self.signed_headers, "\n", &self.hashed_payload] {
            out.push_str(part);
        }
        out
    }
}

impl fmt::Display for CanonicalRequest<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// How names are sorted. The Python SDKs sort `str` keys, by code point (which is the UTF-8
/// byte order); @alicloud/openapi-util sorts with JavaScript's `Array.prototype.sort`, by UTF-16
/// code unit. The two differ only between a name with a character beyond U+FFFF and one with
/// a character in U+E000..=U+FFFF at the same place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameOrder {
    CodePoint,
    Utf16,
}

impl NameOrder {
    pub fn cmp(self, a: &[u8], b: &[u8]) -> core::cmp::Ordering {
        if self == NameOrder::CodePoint {
            return a.cmp(b);
        }
        match (core::str::from_utf8(a), core::str::from_utf8(b)) {
            (Ok(a), Ok(b)) => a.encode_utf16().cmp(b.encode_utf16()),
            _ => a.cmp(b),
        }
    }

    /// Sorts `(name, value)` pairs by name in this order, and equal names by value when
    /// `then_value`; stable, so otherwise equal pairs keep their order. Every signer sorts
    /// through here: one sort in the module instead of one per pair type.
    pub fn sort(self, pairs: &mut [(&[u8], &[u8])], then_value: bool) {
        merge_sort(pairs, |a, b| {
            let by_name = self.cmp(a.0, b.0);
            if then_value {
                by_name.then_with(|| a.1.cmp(b.1))
            } else {
                by_name
            }
        });
    }

    /// Whether the two orders can disagree on these names.
    pub fn matters<'n>(names: impl Iterator<Item = &'n [u8]>) -> bool {
        let (mut astral, mut high_bmp) = (false, false);
        for name in names {
            for c in core::str::from_utf8(name).unwrap_or("").chars() {
                astral |= c > '\u{ffff}';
                high_bmp |= ('\u{e000}'..='\u{ffff}').contains(&c);
            }
        }
        astral && high_bmp
    }
}

/// A stable bottom-up merge sort. The standard library's stable sort is several kilobytes of
/// wasm, a tenth of the signing-only module; the lists here are one request's parameters.
fn merge_sort<T: Copy>(v: &mut [T], cmp: impl Fn(&T, &T) -> core::cmp::Ordering) {
    let n = v.len();
    let mut merged: Vec<T> = v.to_vec();
    let mut width = 1;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let (mid, end) = ((start + width).min(n), (start + 2 * width).min(n));
            let (mut i, mut j) = (start, mid);
            for slot in &mut merged[start..end] {
                // On a tie the left run goes first: that is what keeps the sort stable.
                let left = j == end || (i < mid && cmp(&v[i], &v[j]) != core::cmp::Ordering::Greater);
                *slot = if left { v[i] } else { v[j] };
                if left {
                    i += 1;
                } else {
                    j += 1;
                }
            }
        }
        v.copy_from_slice(&merged);
        width *= 2;
    }
}

/// The exact text each algorithm feeds to its HMAC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StringToSign<'a> {
    /// `TC3-HMAC-SHA256\nTIMESTAMP\nSCOPE\nhex(sha256(canonical request))`
    Tc3 { timestamp: i64, credential_scope: &'a str, hashed_canonical_request: &'a str },
    /// `ACS3-HMAC-SHA256\nhex(sha256(canonical request))`
    Acs3 { hashed_canonical_request: &'a str },
    /// `METHODhostpath?k=v&…` with raw values, names sorted.
    TcLegacy { method: &'a str, host: &'a str, path: &'a str, query: &'a str },
    /// `METHOD&%2F&percent(canonical query)`
    AcsRpc { method: &'a str, encoded_query: &'a str },
}

impl StringToSign<'_> {
    /// The text, in one allocation (see [`CanonicalRequest::text`]).
    pub fn text(&self) -> String {
        let mut digits = [0; 20];
        // One concat for every form (padded with empty pieces): one call site, less code.
        let pieces: [&str; 6] = match *self {
            StringToSign::Tc3 { timestamp, credential_scope, hashed_canonical_request } => [
                "TC3-HMAC-SHA256\n",
                decimal(timestamp, &mut digits),
                "\n",
                credential_scope,
                "\n",
                hashed_canonical_request,
            ],
            StringToSign::Acs3 { hashed_canonical_request } => {
                ["ACS3-HMAC-SHA256\n", hashed_canonical_request, "", "", "", ""]
            }
            StringToSign::TcLegacy { method, host, path, query } => [method, host, path, "?", query, ""],
            StringToSign::AcsRpc { method, encoded_query } => [method, "&%2F&", encoded_query, "", "", ""],
        };
        concat(&pieces)
    }
}

impl fmt::Display for StringToSign<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_sort_is_the_standard_stable_sort() {
        // Every length up to 40 with many ties, compared by the first element only.
        let mut seed = 7u32;
        for n in 0..40 {
            let v: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) as u8 % 5, i)
                })
                .collect();
            let mut ours = v.clone();
            merge_sort(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = v.clone();
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "n = {n}");
        }
    }
}
