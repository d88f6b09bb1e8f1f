//! The wire-level signing input (the `signWire` contract of `vectors/README.md`) and its
//! parsing from JSON text, with errors that name the field.

use alloc::borrow::ToOwned;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use crate::error::{Error, ErrorKind, Result};
use crate::sign::Algorithm;

mod json;
pub mod packed;

/// A secret pair, plus the session token of temporary credentials. Read, never written: a
/// secret leaves only as a signature.
#[derive(Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct Credentials {
    pub secret_id: String,
    pub secret_key: String,
    /// The session token of temporary credentials.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub token: Option<String>,
}

/// By hand rather than derived, for the two shapes a derived reader takes that must not be:
/// a list (read in order, `[key, id]` would sign with the secret as the id, and send it), and
/// a member named like a key or a token that is not one of the three (see
/// [`misnamed_credential`]). Any other member is the caller's own (a demo account's `profile`).
impl<'de> serde::Deserialize<'de> for Credentials {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> core::result::Result<Self, D::Error> {
        d.deserialize_map(CredentialsVisitor)
    }
}

struct CredentialsVisitor;

impl<'de> serde::de::Visitor<'de> for CredentialsVisitor {
    type Value = Credentials;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object {secret_id, secret_key, token?}")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> core::result::Result<Credentials, A::Error> {
        use serde::de::Error as _;
        let (mut id, mut key, mut token): (Option<String>, Option<String>, Option<Option<String>>) = (None, None, None);
        while let Some(name) = map.next_key::<String>()? {
            let duplicate = match name.as_str() {
                "secret_id" => id.replace(map.next_value()?).is_some(),
                "secret_key" => key.replace(map.next_value()?).is_some(),
                "token" => token.replace(map.next_value()?).is_some(),
                other => match misnamed_credential(other) {
                    Some(field) => return Err(A::Error::custom(format!("'{other}' {}", not_read(field)))),
                    None => {
                        map.next_value::<serde::de::IgnoredAny>()?;
                        false
                    }
                },
            };
            if duplicate {
                return Err(A::Error::custom(format!("duplicate field `{name}`")));
            }
        }
        Ok(Credentials {
            secret_id: id.ok_or_else(|| A::Error::missing_field("secret_id"))?,
            secret_key: key.ok_or_else(|| A::Error::missing_field("secret_key"))?,
            token: token.flatten(),
        })
    }
}

// Debug output must never carry the secret: it ends up in logs and panic messages.
impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("secret_id", &self.secret_id)
            .field("secret_key", &"<redacted>")
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// Text of a [`WireInput`]: borrowed from the request or the input it was read from where it
/// can be, owned where it was decoded or changed.
pub type Text<'a> = alloc::borrow::Cow<'a, str>;

/// What `sign_wire` signs: a request exactly as it goes on the wire. It borrows what it can
/// (as aws-sigv4's `SignableRequest` does): a signature then copies no header, parameter or
/// body, and an allocation each was a fifth of a signature's time in wasm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireInput<'a> {
    pub algorithm: Algorithm,
    /// Upper-case HTTP method.
    pub method: Text<'a>,
    pub host: Text<'a>,
    pub path: Text<'a>,
    /// Service code for the TC3 credential scope (`cvm`, `hai`, ...).
    pub service: Text<'a>,
    pub credentials: Credentials,
    /// Unix seconds. Required for TC3 (it is in the string to sign and the scope date).
    pub timestamp: Option<i64>,
    pub timestamp_iso: Option<String>,
    pub nonce: Option<String>,
    /// Raw query string as sent, without the leading `?` (TC3, ACS3).
    pub query: Text<'a>,
    /// Headers as sent; names unique case-insensitively (TC3, ACS3).
    pub headers: Vec<(Text<'a>, Text<'a>)>,
    /// Body text as sent (TC3, ACS3).
    pub body: Text<'a>,
    /// Lower-case header names covered by the signature, in order (TC3, ACS3).
    pub signed_headers: Vec<String>,
    /// Every `(name, value)` the signature covers (TC legacy, ACS RPC).
    pub params: Vec<(Text<'a>, Text<'a>)>,
    /// The body's hash as the caller's hash header gives it (`x-acs-content-sha256`, TC3's
    /// `X-TC-Content-SHA256` other than `UNSIGNED-PAYLOAD`), for `signWire`. A server hashes
    /// the body it received, so a received request leaves this out.
    pub payload_hash: Option<PayloadHash>,
}

/// A payload hash the caller gives in its hash header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayloadHash {
    /// With no body given: it stands for one (bytes the caller hashed itself).
    Stands(String),
    /// Beside a body given, which it must hash.
    Claims(String),
}

impl WireInput<'static> {
    /// Parses one JSON document, checking UTF-8 first so the error says which byte is bad.
    pub fn from_json(bytes: &[u8]) -> Result<Self> {
        Self::from_fields(json::parse(Error::utf8_input(bytes)?)?)
    }
}

impl<'a> WireInput<'a> {
    /// The value of a header, matching its name case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// The wire fields of a request (method, the Host it carries, path, query, headers but
    /// `Authorization`, body) for `algorithm`; the caller adds what the algorithm needs
    /// (service, timestamp, signed headers or params).
    pub fn from_request(algorithm: Algorithm, request: &'a crate::HttpRequest, credentials: &Credentials) -> Self {
        WireInput {
            algorithm,
            method: upper_case(Text::Borrowed(&request.method)),
            host: Text::Borrowed(request.header("host").unwrap_or(&request.host)),
            path: Text::Borrowed(&request.path),
            service: Text::Borrowed(""),
            credentials: credentials.clone(),
            timestamp: None,
            timestamp_iso: None,
            nonce: None,
            query: Text::Borrowed(&request.query),
            headers: request
                .headers
                .iter()
                .filter(|(n, _)| !n.eq_ignore_ascii_case("authorization"))
                .map(|(n, v)| (Text::Borrowed(n.as_str()), Text::Borrowed(v.as_str())))
                .collect(),
            body: Text::Borrowed(&request.body),
            signed_headers: Vec::new(),
            params: Vec::new(),
            payload_hash: None,
        }
    }

    pub fn from_fields(raw: RawFields<'a>) -> Result<Self> {
        let mut f = Fields { entries: raw.0 };

        let algorithm_text = f.string("algorithm")?.ok_or_else(|| f.absent("algorithm"))?;
        let algorithm = Algorithm::parse(&algorithm_text).ok_or_else(|| {
            Error::at(
                ErrorKind::UnknownAlgorithm,
                "algorithm",
                format!(
                    "'{algorithm_text}' is not one of TC3-HMAC-SHA256, TC-HmacSHA1, TC-HmacSHA256, \
                     ACS-RPC-HMAC-SHA1, ACS3-HMAC-SHA256"
                ),
            )
        })?;
        let method = f.string("method")?.ok_or_else(|| f.absent("method"))?;
        if method.is_empty() || !method.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(Error::at(ErrorKind::InvalidField, "method", "must be an HTTP method such as GET or POST"));
        }
        let method = upper_case(method);

        let wire_level = matches!(algorithm, Algorithm::Tc3HmacSha256 | Algorithm::Acs3HmacSha256);
        let host = f.string("host")?.unwrap_or_default();
        // `https://cvm.tencentcloudapi.com` would be signed as the host's text.
        if host.bytes().any(|b| b == b'/') {
            return Err(Error::at(
                ErrorKind::InvalidField,
                "host",
                "must be a host name alone, without scheme or path",
            ));
        }
        plain(&|| "host".into(), &host, b" \t")?;
        let path = f.string("path")?.unwrap_or(Text::Borrowed("/"));
        if !path.starts_with('/') {
            return Err(Error::at(ErrorKind::InvalidField, "path", "must start with '/'"));
        }
        let service = f.string("service")?.unwrap_or_default();
        // The credential scope is `date/service/tc3_request`: a '/' or a line break in it would
        // change the scope's shape.
        plain(&|| "service".into(), &service, b" \t/")?;
        let credentials = f.credentials()?;
        let timestamp = f.timestamp()?;
        let timestamp_iso = f.string("timestamp_iso")?.map(Text::into_owned);
        // The nonce is informational here (the signed parameters or headers carry it), so a
        // value that cannot be written back exactly (a number beyond 64 bits) is set aside.
        let nonce = match f.plain("nonce")? {
            Some(Scalar::Float) => None,
            Some(other) => Some(text_of("nonce", other)?.into_owned()),
            None => None,
        };
        let query = f.string("query")?.unwrap_or_default();
        let query = match query {
            Text::Borrowed(q) => Text::Borrowed(q.strip_prefix('?').unwrap_or(q)),
            Text::Owned(q) => Text::Owned(q.strip_prefix('?').map(ToOwned::to_owned).unwrap_or(q)),
        };
        let headers = f.pairs("headers")?;
        check_unique_headers(&headers)?;
        let body_given = f.string("body")?;
        let given_body = body_given.is_some();
        let body = body_given.unwrap_or_default();
        let signed_headers = match f.string("signed_headers")? {
            Some(s) => parse_signed_headers(&s)?,
            None if wire_level => return Err(f.absent("signed_headers")),
            None => Vec::new(),
        };
        let params_given = f.has("params");
        let params = f.pairs("params")?;

        match algorithm {
            Algorithm::Tc3HmacSha256 => {
                if service.is_empty() {
                    return Err(f.absent("service"));
                }
                if timestamp.is_none() {
                    return Err(f.absent("timestamp"));
                }
                crate::encode::check_query(&query, "query")?;
            }
            Algorithm::Acs3HmacSha256 => crate::encode::check_query(&query, "query")?,
            Algorithm::TcHmacSha1 | Algorithm::TcHmacSha256 => {
                if host.is_empty() {
                    return Err(f.absent("host"));
                }
                if params_given && params.is_empty() {
                    return Err(Error::at(
                        ErrorKind::InvalidField,
                        "params",
                        "must list the signed [name, value] pairs",
                    ));
                }
                check_unique_params(&params)?;
            }
            Algorithm::AcsRpcHmacSha1 => check_unique_params(&params)?,
        }
        if !wire_level && !params_given {
            return Err(f.absent("params"));
        }
        // A field the algorithm does not sign is refused rather than set aside: the caller meant
        // it to be signed, and the server would answer a mismatch far from here.
        let unsigned = if wire_level {
            (!params.is_empty()).then_some(("params", " signs the query, headers and body as sent: put these parameters in `query` (or the body); `params` is for TC-HmacSHA1, TC-HmacSHA256 and ACS-RPC-HMAC-SHA1"))
        } else {
            let given = [
                ("query", !query.is_empty()),
                ("body", !body.is_empty()),
                ("headers", !headers.is_empty()),
                ("signed_headers", !signed_headers.is_empty()),
            ];
            given
                .into_iter()
                .find(|(_, g)| *g)
                .map(|(field, _)| (field, " signs only the `params` pairs: list every parameter it covers there"))
        };
        if let Some((field, why)) = unsigned {
            return Err(Error::at(ErrorKind::InvalidField, field, crate::text::concat(&[algorithm.id(), why])));
        }
        f.misspelled()?;

        let hash_header = match algorithm {
            Algorithm::Tc3HmacSha256 => Some("x-tc-content-sha256"),
            Algorithm::Acs3HmacSha256 => Some("x-acs-content-sha256"),
            _ => None,
        };
        let payload_hash = hash_header
            .and_then(|name| find_header(&headers, name))
            .map(str::trim)
            .filter(|h| !(algorithm == Algorithm::Tc3HmacSha256 && *h == crate::sign::UNSIGNED_PAYLOAD))
            .map(|h| if given_body { PayloadHash::Claims(h.into()) } else { PayloadHash::Stands(h.into()) });
        Ok(WireInput {
            algorithm,
            method,
            host,
            path,
            service,
            credentials,
            timestamp,
            timestamp_iso,
            nonce,
            query,
            headers,
            body,
            signed_headers,
            params,
            payload_hash,
        })
    }
}

/// The `signWire` input as TypeScript sees it: one shape per algorithm, with the fields it needs
/// required and the fields it does not sign left out, so that an editor flags them. (The module
/// reads the fields one by one, so that every error can name its field.)
#[cfg(feature = "tsify")]
#[derive(Debug, serde::Deserialize, tsify::Tsify)]
#[serde(tag = "algorithm")]
pub enum SignWireInput {
    /// Tencent Cloud API 3.0: the request as sent, in the scope of a service and a day.
    #[serde(rename = "TC3-HMAC-SHA256")]
    Tc3 {
        #[serde(flatten)]
        common: SignWireBase,
        #[serde(flatten)]
        request: SignWireAsSent,
        #[serde(flatten)]
        scope: SignWireScope,
    },
    /// Alibaba Cloud V3: the request as sent.
    #[serde(rename = "ACS3-HMAC-SHA256")]
    Acs3 {
        #[serde(flatten)]
        common: SignWireBase,
        #[serde(flatten)]
        request: SignWireAsSent,
    },
    /// Tencent Cloud API 2.0 with HMAC-SHA1: the parameters, on a host.
    #[serde(rename = "TC-HmacSHA1")]
    TcHmacSha1 {
        #[serde(flatten)]
        common: SignWireBase,
        #[serde(flatten)]
        params: SignWireParams,
        #[serde(flatten)]
        host: SignWireHost,
    },
    /// Tencent Cloud API 2.0 with HMAC-SHA256: the parameters, on a host.
    #[serde(rename = "TC-HmacSHA256")]
    TcHmacSha256 {
        #[serde(flatten)]
        common: SignWireBase,
        #[serde(flatten)]
        params: SignWireParams,
        #[serde(flatten)]
        host: SignWireHost,
    },
    /// Alibaba Cloud RPC: the parameters.
    #[serde(rename = "ACS-RPC-HMAC-SHA1")]
    AcsRpc {
        #[serde(flatten)]
        common: SignWireBase,
        #[serde(flatten)]
        params: SignWireParams,
        /// Not signed.
        #[tsify(optional)]
        host: Option<String>,
    },
}

/// TC3's credential scope.
#[cfg(feature = "tsify")]
#[derive(Debug, serde::Deserialize, tsify::Tsify)]
pub struct SignWireScope {
    /// The service (`cvm`, `hai`).
    pub service: String,
    /// Unix seconds: the scope's date, and the time in the string to sign.
    pub timestamp: i64,
}

/// The host Tencent Cloud API 2.0 signs (its string to sign names it).
#[cfg(feature = "tsify")]
#[derive(Debug, serde::Deserialize, tsify::Tsify)]
pub struct SignWireHost {
    /// As sent, without scheme or path (`postgres.api.qcloud.com`).
    pub host: String,
}

/// What every algorithm's `signWire` input has.
#[cfg(feature = "tsify")]
#[derive(Debug, serde::Deserialize, tsify::Tsify)]
pub struct SignWireBase {
    pub method: String,
    pub credentials: Credentials,
    /// Default `/`.
    #[tsify(optional)]
    pub path: Option<String>,
    /// Unix seconds: what the call's own time fields say; only TC3 signs with it.
    #[tsify(optional)]
    pub timestamp: Option<i64>,
    /// Informational: the signed parameters or headers carry the time.
    #[tsify(optional)]
    pub timestamp_iso: Option<String>,
    /// Informational: the signed parameters or headers carry the nonce.
    #[tsify(optional, type = "string | number | null")]
    pub nonce: Option<String>,
}

/// The request as sent, for the algorithms that sign it (TC3, ACS3).
#[cfg(feature = "tsify")]
#[derive(Debug, serde::Deserialize, tsify::Tsify)]
pub struct SignWireAsSent {
    /// Lower-case header names separated by `;`: the headers the signature covers.
    pub signed_headers: String,
    /// The raw query string as sent.
    #[tsify(optional)]
    pub query: Option<String>,
    /// The headers as sent (names unique, any case): an object, `[name, value]` pairs, or
    /// anything iterable as pairs (`Headers`, `Map`, `URLSearchParams`).
    #[tsify(optional, type = "Record<string, string> | Iterable<readonly [string, string]>")]
    pub headers: Option<Vec<(String, String)>>,
    /// The body text as sent.
    #[tsify(optional)]
    pub body: Option<String>,
    /// Not signed: the `Host` header is.
    #[tsify(optional)]
    pub host: Option<String>,
}

/// The parameters, for the algorithms that sign them (TC legacy, ACS RPC).
#[cfg(feature = "tsify")]
#[derive(Debug, serde::Deserialize, tsify::Tsify)]
pub struct SignWireParams {
    /// Every `[name, value]` the signature covers (the signature itself left out): pairs, an
    /// object, or anything iterable as pairs (`Map`, `URLSearchParams`). An integer value is
    /// signed as its digits; a fraction is refused (give it as the text that is sent).
    #[tsify(type = "Record<string, string | number> | Iterable<readonly [string, string | number]>")]
    pub params: Vec<(String, String)>,
}

pub fn find_header<'h, T: AsRef<str>>(headers: &'h [(T, T)], name: &str) -> Option<&'h str> {
    headers.iter().find(|(n, _)| n.as_ref().eq_ignore_ascii_case(name)).map(|(_, v)| v.as_ref())
}

/// The method in upper case, borrowed when it already is.
fn upper_case(method: Text<'_>) -> Text<'_> {
    if method.bytes().any(|b| b.is_ascii_lowercase()) {
        Text::Owned(method.to_ascii_uppercase())
    } else {
        method
    }
}

fn missing(field: &str) -> Error {
    Error::at(ErrorKind::MissingField, field, format!("'{field}' is required"))
}

fn check_unique_headers(headers: &[(Text<'_>, Text<'_>)]) -> Result<()> {
    for (name, value) in headers {
        if name.is_empty() || !name.bytes().all(is_token_byte) {
            return Err(Error::at(
                ErrorKind::InvalidField,
                format!("headers.{name}"),
                "a header name must be a non-empty HTTP token (letters, digits, !#$%&'*+-.^_`|~)",
            ));
        }
        // No request can carry these in a header (HTTP allows a tab); a line break signed here
        // would add a line of its own to the canonical headers.
        plain(&|| crate::text::concat(&["headers.", name]), value, b"")?;
    }
    if let Some((first, i)) = first_repeat(headers, true) {
        let (name, first) = (&headers[i].0, &headers[first].0);
        return Err(Error::at(
            ErrorKind::DuplicateHeader,
            format!("headers.{name}"),
            format!("header '{name}' is given twice (also as '{first}'); send it once"),
        ));
    }
    Ok(())
}

fn check_unique_params(params: &[(Text<'_>, Text<'_>)]) -> Result<()> {
    if let Some((_, i)) = first_repeat(params, false) {
        return Err(Error::at(
            ErrorKind::InvalidField,
            format!("params[{i}]"),
            format!("parameter '{}' is given twice; a signed parameter appears once", params[i].0),
        ));
    }
    Ok(())
}

/// [`crate::text::first_repeat`] of the pairs' names.
fn first_repeat(pairs: &[(Text<'_>, Text<'_>)], ignore_case: bool) -> Option<(usize, usize)> {
    crate::text::first_repeat(pairs.len(), &|i| pairs[i].0.as_bytes(), ignore_case)
}

/// Refuses a value that holds a control character HTTP does not allow in a field (all but
/// tab), or one of `also`. The path is written only for a refusal: this runs on every header
/// of every signature.
fn plain(path: &dyn Fn() -> String, value: &str, also: &[u8]) -> Result<()> {
    if value.bytes().any(|b| (b < 0x20 && b != b'\t') || b == 0x7f || also.contains(&b)) {
        let what = if also.is_empty() {
            "cannot hold a control character (a tab is fine)"
        } else {
            "cannot hold a space, a '/' or a control character"
        };
        return Err(Error::at(ErrorKind::InvalidField, path(), what));
    }
    Ok(())
}

fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

fn parse_signed_headers(s: &str) -> Result<Vec<String>> {
    let names: Vec<String> = s.split(';').map(|n| n.trim().to_ascii_lowercase()).collect();
    if names.iter().any(|n| n.is_empty() || !n.bytes().all(is_token_byte)) {
        return Err(Error::at(
            ErrorKind::InvalidField,
            "signed_headers",
            "must be header names separated by ';', e.g. 'content-type;host'",
        ));
    }
    Ok(names)
}

/// Top-level fields in input order, with `headers` and `params` kept as pair lists so a
/// header given twice in a JSON object is seen instead of silently overwritten.
#[derive(Default)]
pub struct RawFields<'a>(Vec<(Key, RawValue<'a>)>);

/// The credentials (the secret key) are never shown, as with [`Credentials`].
impl fmt::Debug for RawFields<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (key, value) in &self.0 {
            if key == "credentials" {
                map.entry(key, &"<redacted>");
            } else {
                map.entry(key, value);
            }
        }
        map.finish()
    }
}

/// A field name: the readers' own names are borrowed, names read from JSON are owned.
type Key = alloc::borrow::Cow<'static, str>;

/// Builds the fields by hand, for callers that read them from something other than serde
/// (the JS binding's compact path); [`WireInput::from_fields`] validates them as usual.
impl<'a> RawFields<'a> {
    pub fn text(&mut self, key: &'static str, value: impl Into<Text<'a>>) {
        self.0.push((Key::Borrowed(key), RawValue::Plain(Scalar::Str(value.into()))));
    }

    pub fn integer(&mut self, key: &'static str, value: i64) {
        self.0.push((Key::Borrowed(key), RawValue::Plain(Scalar::Int(value))));
    }

    pub fn credentials(&mut self, secret_id: &'a str, secret_key: &'a str, token: Option<&'a str>) {
        let mut members = alloc::vec![
            (Key::Borrowed("secret_id"), Scalar::Str(secret_id.into())),
            (Key::Borrowed("secret_key"), Scalar::Str(secret_key.into()))
        ];
        if let Some(t) = token {
            members.push((Key::Borrowed("token"), Scalar::Str(t.into())));
        }
        self.0.push((Key::Borrowed("credentials"), RawValue::Plain(Scalar::Object(members))));
    }

    pub fn pairs(&mut self, key: &'static str, pairs: Vec<(Text<'a>, Text<'a>)>) {
        self.0
            .push((Key::Borrowed(key), RawValue::Pairs(pairs.into_iter().map(|(n, v)| (n, Scalar::Str(v))).collect())));
    }
}

#[derive(Debug)]
enum RawValue<'a> {
    Plain(Scalar<'a>),
    Pairs(Vec<(Text<'a>, Scalar<'a>)>),
}

/// Just enough of a JSON value to check types and name them in errors (see [`json`]).
#[derive(Debug)]
enum Scalar<'a> {
    Null,
    Bool,
    Int(i64),
    UInt(u64),
    Float,
    Str(Text<'a>),
    /// An object's members (only credentials are read this way).
    Object(Vec<(Key, Scalar<'a>)>),
    Array,
}

impl Scalar<'_> {
    fn kind(&self) -> &'static str {
        match self {
            Scalar::Null => "null",
            Scalar::Bool => "a boolean",
            Scalar::Int(_) | Scalar::UInt(_) => "an integer",
            Scalar::Float => "a fraction or a number past 64 bits",
            Scalar::Str(_) => "a string",
            Scalar::Object(_) => "an object",
            Scalar::Array => "an array",
        }
    }
}

struct Fields<'a> {
    entries: Vec<(Key, RawValue<'a>)>,
}

impl<'a> Fields<'a> {
    /// What is left once every field is read. A name that is one of them but for case, `_` or
    /// `-` (signedHeaders) would have changed the signature had it been read; any other name
    /// (`payload`, `url`) was meant for something the signature does not cover. Both are
    /// refused. A signing vector's own fields are let through, so that a vector can be passed
    /// whole.
    #[inline(never)]
    fn misspelled(&self) -> Result<()> {
        for (name, _) in &self.entries {
            for known in packed::TEXT_FIELDS.iter().chain(&packed::OTHER_FIELDS) {
                if same_but_spelling(known.as_bytes(), name.as_bytes()) {
                    return Err(Error::at(ErrorKind::InvalidField, name.as_ref(), not_read(known)));
                }
            }
            if !VECTOR_FIELDS.contains(&name.as_ref()) {
                return Err(Error::at(ErrorKind::InvalidField, name.as_ref(), UNKNOWN_FIELD));
            }
        }
        Ok(())
    }

    /// `field` is not given: said as given under another spelling (`signedHeaders`), where it
    /// is, rather than as missing.
    #[inline(never)]
    fn absent(&self, field: &str) -> Error {
        let other = self.entries.iter().find(|(k, _)| k != field && same_but_spelling(field.as_bytes(), k.as_bytes()));
        match other {
            Some((name, _)) => Error::at(ErrorKind::InvalidField, name.as_ref(), not_read(field)),
            None => missing(field),
        }
    }

    fn has(&self, key: &str) -> bool {
        self.entries.iter().any(|(k, v)| k == key && !matches!(v, RawValue::Plain(Scalar::Null)))
    }

    fn take(&mut self, key: &str) -> Option<RawValue<'a>> {
        let i = self.entries.iter().position(|(k, _)| k == key)?;
        Some(self.entries.swap_remove(i).1)
    }

    fn plain(&mut self, key: &str) -> Result<Option<Scalar<'a>>> {
        match self.take(key) {
            None | Some(RawValue::Plain(Scalar::Null)) => Ok(None),
            Some(RawValue::Plain(v)) => Ok(Some(v)),
            Some(RawValue::Pairs(_)) => Ok(None),
        }
    }

    fn string(&mut self, key: &str) -> Result<Option<Text<'a>>> {
        match self.plain(key)? {
            None => Ok(None),
            Some(Scalar::Str(s)) => Ok(Some(s)),
            Some(other) => Err(wrong_type(key, "a string", &other)),
        }
    }

    fn timestamp(&mut self) -> Result<Option<i64>> {
        let ts = match self.plain("timestamp")? {
            None => return Ok(None),
            Some(Scalar::Int(v)) => v,
            Some(Scalar::UInt(v)) => return Err(crate::time::out_of_range(&v)),
            // A fraction, or a whole number written with an exponent or past 64 bits (1e20).
            Some(Scalar::Float) => {
                return Err(Error::at(ErrorKind::InvalidField, "timestamp", crate::time::WHOLE_SECONDS))
            }
            Some(Scalar::Str(s)) if crate::time::looks_like_date(s.as_bytes()) => {
                return Err(Error::at(ErrorKind::InvalidField, "timestamp", crate::time::DATE_GIVEN))
            }
            Some(other) => return Err(wrong_type("timestamp", "a number of unix seconds", &other)),
        };
        crate::time::check_range(ts)?;
        Ok(Some(ts))
    }

    fn credentials(&mut self) -> Result<Credentials> {
        let mut members = match self.plain("credentials")? {
            None => return Err(self.absent("credentials")),
            Some(Scalar::Object(m)) => m,
            Some(other) => return Err(wrong_type("credentials", "an object", &other)),
        };
        // First, as the JSON reader of `Credentials` meets it: `{secretId, secretKey}` is told
        // the names, rather than that secret_id is missing.
        if let Some((name, field)) = members.iter().find_map(|(n, _)| misnamed_credential(n).map(|f| (n, f))) {
            return Err(Error::at(ErrorKind::InvalidField, format!("credentials.{name}"), not_read(field)));
        }
        let mut field = |name: &str| -> Result<Option<String>> {
            let Some(i) = members.iter().position(|(k, _)| k == name) else { return Ok(None) };
            match members.swap_remove(i).1 {
                Scalar::Null => Ok(None),
                Scalar::Str(s) => Ok(Some(s.into_owned())),
                other => Err(wrong_type(&format!("credentials.{name}"), "a string", &other)),
            }
        };
        let secret_id = field("secret_id")?.ok_or_else(|| missing("credentials.secret_id"))?;
        let secret_key = field("secret_key")?.ok_or_else(|| missing("credentials.secret_key"))?;
        let token = field("token")?.filter(|t| !t.is_empty());
        if secret_id.is_empty() {
            return Err(Error::at(ErrorKind::InvalidField, "credentials.secret_id", "must not be empty"));
        }
        if secret_key.is_empty() {
            return Err(Error::at(ErrorKind::InvalidField, "credentials.secret_key", "must not be empty"));
        }
        Ok(Credentials { secret_id, secret_key, token })
    }

    fn pairs(&mut self, key: &str) -> Result<Vec<(Text<'a>, Text<'a>)>> {
        let list = match self.take(key) {
            None | Some(RawValue::Plain(Scalar::Null)) => return Ok(Vec::new()),
            Some(RawValue::Pairs(p)) => p,
            Some(RawValue::Plain(other)) => return Err(wrong_type(key, "an object or a list of pairs", &other)),
        };
        let mut out = Vec::with_capacity(list.len());
        for (name, value) in list {
            // The common case is already a string: no error path to name.
            let text = match value {
                Scalar::Str(s) => s,
                other => text_of(&format!("{key}.{name}"), other)?,
            };
            out.push((name, text));
        }
        Ok(out)
    }
}

/// Whether two names are the same but for case, `_` and `-`. Out of line: it is not hot.
#[inline(never)]
fn same_but_spelling(a: &[u8], b: &[u8]) -> bool {
    let (mut i, mut j) = (0, 0);
    loop {
        while i < a.len() && matches!(a[i], b'_' | b'-') {
            i += 1;
        }
        while j < b.len() && matches!(b[j], b'_' | b'-') {
            j += 1;
        }
        match (a.get(i), b.get(j)) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => (i, j) = (i + 1, j + 1),
            _ => return false,
        }
    }
}

/// The credentials field a member the signer does not read stands for: one of the three, or a
/// name other SDKs give one (Alibaba's accessKeyId and accessKeySecret, AWS's
/// secretAccessKey), but for case, `_` and `-`; or `token` for any name holding it
/// (sessionToken, security_token). Signing without it would fail only at the server, far from
/// here. Other names (a demo account's `profile`) are the caller's own: `None`.
pub fn misnamed_credential(name: &str) -> Option<&'static str> {
    const FIELDS: [&str; 3] = ["secret_id", "secret_key", "token"];
    const NAMES: [(&str, &str); 6] = [
        ("secret_id", "secret_id"),
        ("secret_key", "secret_key"),
        ("token", "token"),
        ("access_key_id", "secret_id"),
        ("access_key_secret", "secret_key"),
        ("secret_access_key", "secret_key"),
    ];
    if FIELDS.contains(&name) {
        return None;
    }
    let like = NAMES.into_iter().find(|(k, _)| same_but_spelling(k.as_bytes(), name.as_bytes())).map(|(_, f)| f);
    like.or_else(|| holds_token(name.as_bytes()).then_some("token"))
}

/// Whether a name holds `token` in any case. By hand: str::contains brings a substring
/// searcher of some 5 KB into the signing module.
#[inline(never)]
fn holds_token(name: &[u8]) -> bool {
    name.windows(5).any(|w| w.eq_ignore_ascii_case(b"token"))
}

/// What is said of a name that is not read but stands for `field` (signedHeaders,
/// credentials.sessionToken): it quotes the name, never a value.
pub fn not_read(field: &str) -> String {
    format!("{NOT_READ}'{field}'")
}

/// How [`not_read`] begins, by which an error is known to quote no value.
pub const NOT_READ: &str = "is not read: the field is ";

/// The fields of a signing vector (`vectors/README.md`) and of its `api` that the input does
/// not take.
const VECTOR_FIELDS: [&str; 12] =
    ["id", "source", "sdk", "api", "options", "notes", "tags", "expected", "doc", "region", "action", "version"];

/// Said of a field the signer has no place for. It quotes the name, never a value.
pub const UNKNOWN_FIELD: &str = "is not a field of signWire's input, and would not be signed: it takes algorithm, \
     method, host, path, service, credentials, timestamp, timestamp_iso, nonce, query, headers, body, signed_headers \
     and params";

/// The text a signature covers for a value: a string as is, an integer in decimal. A fraction
/// is refused: languages print floats differently, so the caller must send the exact text.
fn text_of<'a>(path: &str, value: Scalar<'a>) -> Result<Text<'a>> {
    match value {
        Scalar::Str(s) => Ok(s),
        Scalar::Int(n) => Ok(Text::Owned(n.to_string())),
        Scalar::UInt(n) => Ok(Text::Owned(n.to_string())),
        Scalar::Float => Err(Error::at(
            ErrorKind::InvalidField,
            path,
            "is a fraction or a number past 64 bits; pass it as a string, exactly as it is sent (e.g. \"1.5\")",
        )),
        other => Err(wrong_type(path, "a string", &other)),
    }
}

fn wrong_type(path: &str, expected: &str, got: &Scalar<'_>) -> Error {
    Error::at(ErrorKind::InvalidField, path, format!("must be {expected}, got {}", got.kind()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(names: &[&str]) -> Vec<(Text<'static>, Text<'static>)> {
        names.iter().map(|n| (Text::Owned((*n).to_owned()), Text::Borrowed("v"))).collect()
    }

    /// The hashed search (past 32 names) finds what the pairwise one does: the earliest repeat
    /// in the order given, and the first index of its name.
    #[test]
    fn the_first_repeat_is_found_the_same_way_for_few_and_many_names() {
        for n in [10, 33, 500] {
            let mut names: Vec<String> = (0..n).map(|i| format!("P{i}")).collect();
            assert_eq!(first_repeat(&pairs(&names.iter().map(String::as_str).collect::<Vec<_>>()), false), None);
            names[n - 1] = "P5".into();
            names[n - 3] = "p2".into();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            assert_eq!(first_repeat(&pairs(&refs), false), Some((5, n - 1)), "{n}");
            assert_eq!(first_repeat(&pairs(&refs), true), Some((2, n - 3)), "{n}");
        }
    }
}
