//! The unsigned and signed HTTP request as data: what `build` makes, `sign` completes,
//! the page previews, and the simulator receives.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

use serde::{Deserialize, Serialize};

/// An HTTP request as it goes on the wire. `query` is the raw query string without `?`;
/// header names keep their case and are unique case-insensitively.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct HttpRequest {
    pub method: String,
    #[serde(default = "https")]
    pub scheme: String,
    pub host: String,
    #[serde(default = "root")]
    pub path: String,
    #[serde(default)]
    pub query: String,
    #[serde(default, with = "pairs_as_map")]
    #[cfg_attr(feature = "tsify", tsify(type = "Record<string, string>"))]
    pub headers: Vec<(String, String)>,
    #[serde(default)]
    pub body: String,
}

fn https() -> String {
    "https".into()
}
fn root() -> String {
    "/".into()
}

impl HttpRequest {
    /// The value of a header, matching its name case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        crate::wire::find_header(&self.headers, name)
    }

    /// A header given twice (in any case), refused by whatever reads a request whole: a server
    /// reads one of the two, which need not be the one that was signed. By hash, not pair by
    /// pair: a hostile caller's 100,000 headers took half a minute.
    pub fn duplicate_header(&self, path_prefix: &str) -> crate::Result<()> {
        let names = &self.headers;
        match crate::text::first_repeat(names.len(), &|i| names[i].0.as_bytes(), true) {
            Some((_, i)) => Err(crate::Error::at(
                crate::ErrorKind::DuplicateHeader,
                crate::text::concat(&[path_prefix, &names[i].0]),
                crate::text::concat(&["header '", &names[i].0, "' is given twice"]),
            )),
            None => Ok(()),
        }
    }

    /// Sets a header, replacing any value under the same name (case-insensitively).
    pub fn set_header(&mut self, name: &str, value: impl Into<String>) {
        let value = value.into();
        match self.headers.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
            Some(slot) => slot.1 = value,
            None => self.headers.push((name.into(), value)),
        }
    }

    /// Splits an absolute URL (`scheme://host[:port]/path?query`, any fragment dropped) into a
    /// request with no headers and no body.
    pub fn from_url(method: &str, url: &str) -> Result<Self, crate::Error> {
        let bad = |why: &str| crate::Error::at(crate::ErrorKind::InvalidField, "url", alloc::format!("{why}: '{url}'"));
        let (scheme, rest) = url.split_once("://").ok_or_else(|| bad("must be absolute (scheme://host/path)"))?;
        if scheme.is_empty() || !scheme.bytes().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b)) {
            return Err(bad("has no valid scheme"));
        }
        let rest = rest.split_once('#').map_or(rest, |(r, _)| r);
        let (authority, path_query) = match rest.find(['/', '?']) {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        if authority.contains('@') {
            // Not quoted: what comes before the @ is a password.
            let why = "holds user:password@ before its host, which no API takes (credentials go in the signature)";
            return Err(crate::Error::at(crate::ErrorKind::InvalidField, "url", why));
        }
        if authority.is_empty() || authority.bytes().any(|b| b <= b' ') {
            return Err(bad("has no valid host"));
        }
        let (path, query) = path_query.split_once('?').unwrap_or((path_query, ""));
        Ok(HttpRequest {
            method: method.to_ascii_uppercase(),
            scheme: scheme.to_ascii_lowercase(),
            host: authority.into(),
            path: if path.is_empty() { "/".into() } else { path.into() },
            query: query.into(),
            headers: Vec::new(),
            body: String::new(),
        })
    }

    /// `scheme://host/path?query`.
    pub fn url(&self) -> String {
        let mut url = String::with_capacity(self.host.len() + self.path.len() + self.query.len() + 10);
        let _ = write!(url, "{}://{}{}", self.scheme, self.host, self.path);
        if !self.query.is_empty() {
            url.push('?');
            url.push_str(&self.query);
        }
        url
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_split_into_parts() {
        let r =
            HttpRequest::from_url("post", "https://ms.tencentcloudapi.com:8443/v2/index.php?a=1&b=%20#frag").unwrap();
        assert_eq!(
            (r.method.as_str(), r.scheme.as_str(), r.host.as_str()),
            ("POST", "https", "ms.tencentcloudapi.com:8443")
        );
        assert_eq!((r.path.as_str(), r.query.as_str()), ("/v2/index.php", "a=1&b=%20"));
        assert_eq!(r.url(), "https://ms.tencentcloudapi.com:8443/v2/index.php?a=1&b=%20");
        let r = HttpRequest::from_url("GET", "http://h?x=1").unwrap();
        assert_eq!((r.path.as_str(), r.query.as_str()), ("/", "x=1"));
        for bad in ["/relative", "://h/", "https://", "https://user@h/", "ht tp://h/"] {
            assert!(HttpRequest::from_url("GET", bad).is_err(), "{bad}");
        }
        let e = HttpRequest::from_url("GET", "https://AKID:hunter2secret@ms.tencentcloudapi.com/").unwrap_err();
        assert!(e.message.contains("user:password") && !e.message.contains("hunter2secret"), "{}", e.message);
    }
}

/// Serializes `(name, value)` pairs as a JSON object in their order; reads an object or a
/// list of `[name, value]` pairs.
pub mod pairs_as_map {
    use alloc::string::String;
    use alloc::vec::Vec;
    use core::fmt;
    use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
    use serde::ser::{SerializeMap, Serializer};

    pub fn serialize<S: Serializer>(pairs: &[(String, String)], s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(pairs.len()))?;
        for (k, v) in pairs {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, String)>, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Vec<(String, String)>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of strings or a list of [name, value] pairs")
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(Vec::new())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry::<String, String>()? {
                    out.push(entry);
                }
                Ok(out)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(pair) = seq.next_element::<(String, String)>()? {
                    out.push(pair);
                }
                Ok(out)
            }
        }
        d.deserialize_any(V)
    }
}
