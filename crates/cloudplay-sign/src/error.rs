//! One error type for every stage; its kind tells the caller what to fix.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::{Deserialize, Serialize};

/// What went wrong, as a stable machine-readable code: the variant's name (`ErrorKind::code`),
/// which TypeScript sees as the union `ErrorKind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "tsify", derive(Serialize, tsify::Tsify))]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not valid JSON, or not the JSON shape expected.
    InvalidJson,
    /// The input bytes are not valid UTF-8.
    InvalidUtf8,
    /// A required field is absent.
    MissingField,
    /// A field is present but its value breaks a rule (type, charset, form).
    InvalidField,
    /// The `algorithm` is not one of the five supported ids.
    UnknownAlgorithm,
    /// The same header name (compared case-insensitively) was given twice.
    DuplicateHeader,
    /// A header named in `signed_headers` is not among the headers.
    MissingHeader,
    /// The query string is not well-formed (bad percent escape, forbidden character).
    MalformedQuery,
    /// The timestamp is outside the years 1970..=9999.
    TimestampOutOfRange,
    /// The call's parameters break the API's rules; `violations` lists every one.
    Validation,
    /// No API with the given id is in the catalog.
    UnknownApi,
    /// An API spec or vendor metadata document is malformed.
    InvalidSpec,
    /// The request asks for something the API or this library does not offer
    /// (a method, algorithm or content type the API does not list).
    Unsupported,
    /// A function of the `web` build was called before its `init()`. Raised by the JS glue,
    /// never by Rust: declared here so that the one list of codes has it.
    NotInitialized,
}

impl ErrorKind {
    /// The code carried on the wire (CLI JSON, JS `Error.code`).
    pub const fn code(self) -> &'static str {
        match self {
            ErrorKind::InvalidJson => "InvalidJson",
            ErrorKind::InvalidUtf8 => "InvalidUtf8",
            ErrorKind::MissingField => "MissingField",
            ErrorKind::InvalidField => "InvalidField",
            ErrorKind::UnknownAlgorithm => "UnknownAlgorithm",
            ErrorKind::DuplicateHeader => "DuplicateHeader",
            ErrorKind::MissingHeader => "MissingHeader",
            ErrorKind::MalformedQuery => "MalformedQuery",
            ErrorKind::TimestampOutOfRange => "TimestampOutOfRange",
            ErrorKind::Validation => "Validation",
            ErrorKind::UnknownApi => "UnknownApi",
            ErrorKind::InvalidSpec => "InvalidSpec",
            ErrorKind::Unsupported => "Unsupported",
            ErrorKind::NotInitialized => "NotInitialized",
        }
    }
}

/// An error with its kind, the field path it concerns (if any) and a message for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    /// Dotted path of the offending field, e.g. `credentials.secret_key` or `headers.Host`.
    pub path: Option<String>,
    pub message: String,
    /// The message in Chinese, where one is written (a page in Chinese shows it instead).
    pub message_zh: Option<String>,
    /// For [`ErrorKind::Validation`]: every violation found, not just the first.
    pub violations: Vec<Violation>,
}

impl Error {
    /// Input bytes as text; the error says which byte is not UTF-8.
    pub fn utf8_input(bytes: &[u8]) -> Result<&str> {
        core::str::from_utf8(bytes).map_err(|e| {
            Error::new(
                ErrorKind::InvalidUtf8,
                alloc::format!("input is not UTF-8: invalid byte at offset {}", e.valid_up_to()),
            )
        })
    }

    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, path: None, message: message.into(), message_zh: None, violations: Vec::new() }
    }

    pub fn at(kind: ErrorKind, path: impl ToString, message: impl Into<String>) -> Self {
        Error { kind, path: Some(path.to_string()), message: message.into(), message_zh: None, violations: Vec::new() }
    }

    /// The same error, said in Chinese too.
    pub fn zh(mut self, message: impl Into<String>) -> Self {
        self.message_zh = Some(message.into());
        self
    }

    /// A validation failure carrying all violations; `path` is the first one's path.
    pub fn validation(violations: Vec<Violation>) -> Self {
        let path = violations.first().map(|v| v.path.clone());
        let (message, zh) = match violations.as_slice() {
            [] => (String::from("the parameters are invalid"), String::from("参数不合规则。")),
            [only] => (only.message.clone(), only.message_zh.clone()),
            [first, other] => (
                alloc::format!("{} (and 1 more violation: {})", first.message, other.message),
                alloc::format!("{}（另有 1 处：{}）", first.message_zh, other.message_zh),
            ),
            [first, rest @ ..] => (
                alloc::format!("{} (and {} more violations)", first.message, rest.len()),
                alloc::format!("{}（另有 {} 处）", first.message_zh, rest.len()),
            ),
        };
        Error { kind: ErrorKind::Validation, path, message, message_zh: Some(zh), violations }
    }

    pub fn code(&self) -> &'static str {
        self.kind.code()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            // An empty path is the whole of a value (a violation of the params as a whole).
            Some(p) if !p.is_empty() => write!(f, "{} at {}: {}", self.kind.code(), p, self.message),
            _ => write!(f, "{}: {}", self.kind.code(), self.message),
        }
    }
}

impl core::error::Error for Error {}

/// `{"code", "path", "message", "message_zh"?, "violations"}`: what bindings and the CLI hand
/// to callers.
impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Error", 5)?;
        st.serialize_field("code", self.kind.code())?;
        st.serialize_field("path", &self.path)?;
        st.serialize_field("message", &self.message)?;
        if let Some(zh) = &self.message_zh {
            st.serialize_field("message_zh", zh)?;
        } else {
            st.skip_field("message_zh")?;
        }
        st.serialize_field("violations", &self.violations)?;
        st.end()
    }
}

pub type Result<T, E = Error> = core::result::Result<T, E>;

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct Violation {
    /// Where: `SystemDisk.DiskSize`, `Parameter[3].Code` (0-based JSON array index), `Region`.
    pub path: String,
    /// The vendor's code for it: `MissingParameter`, `InvalidParameter`, `InvalidParameterValue`,
    /// `UnknownParameter`, or a specific code the vendor documents for the rule.
    pub code: String,
    /// For a person, in English.
    pub message: String,
    /// For a person, in Chinese.
    pub message_zh: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn violation(message: &str) -> Violation {
        Violation { path: "P".into(), code: "C".into(), message: message.into(), message_zh: String::new() }
    }

    #[test]
    fn a_validation_message_counts_the_rest_in_words_that_fit() {
        let many = |n: usize| Error::validation((0..n).map(|i| violation(&alloc::format!("v{i}."))).collect()).message;
        assert_eq!(many(1), "v0.");
        assert_eq!(many(2), "v0. (and 1 more violation: v1.)");
        assert_eq!(many(4), "v0. (and 3 more violations)");
    }

    #[test]
    fn a_message_names_a_path_only_where_there_is_one() {
        let at = |path: &str| Error::at(ErrorKind::InvalidField, path, "why").to_string();
        assert_eq!(at("Region"), "InvalidField at Region: why");
        // The params as a whole: not "at : why".
        assert_eq!(at(""), "InvalidField: why");
    }
}

/// TypeScript's `ErrorKind` union is the variants' serde names; what a JS error carries is
/// `code()`. The two must not drift apart (a `#[serde(rename)]`, a new code).
#[cfg(all(test, feature = "tsify"))]
mod typescript_names {
    use super::ErrorKind::{self, *};

    const ALL: [ErrorKind; 14] = [
        InvalidJson,
        InvalidUtf8,
        MissingField,
        InvalidField,
        UnknownAlgorithm,
        DuplicateHeader,
        MissingHeader,
        MalformedQuery,
        TimestampOutOfRange,
        Validation,
        UnknownApi,
        InvalidSpec,
        Unsupported,
        NotInitialized,
    ];

    /// A new variant stops compilation here until it is placed in `ALL`.
    fn place(kind: ErrorKind) -> usize {
        match kind {
            InvalidJson => 0,
            InvalidUtf8 => 1,
            MissingField => 2,
            InvalidField => 3,
            UnknownAlgorithm => 4,
            DuplicateHeader => 5,
            MissingHeader => 6,
            MalformedQuery => 7,
            TimestampOutOfRange => 8,
            Validation => 9,
            UnknownApi => 10,
            InvalidSpec => 11,
            Unsupported => 12,
            NotInitialized => 13,
        }
    }

    #[test]
    fn each_kind_is_named_for_typescript_as_its_code() {
        for kind in ALL {
            assert_eq!(ALL[place(kind)], kind);
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.code());
        }
    }
}
